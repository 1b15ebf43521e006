package deid

// letterheadAddress (a late rule): a place, then the parts of its address
// after commas to a postcode, on one line, as a letterhead or a signature
// writes them without a label: "Groote Schuur Hospital, Observatory, Cape
// Town 7925", "Fortis Memorial Research Institute, Gurugram, Haryana
// 122002". The place is one found, or the capitalized words opening the
// line (after a label's colon: "From: Pelham Lane Dental, Kilburn, London
// NW6 4RT") when one of them is a word of no English list ("Oakfield
// Maternity, 3 Chapel Row, Bathgate EH48 1BZ"). The parts after it are
// read as an address field's are (addressPart: a town or a neighbourhood,
// a state left as it is, the postcode); each part is one to six tokens
// opening with a capital, and the line's last part must end in a postcode
// or a ZIP (in figures, or one found), so a list of places in a sentence
// is left to the other rules; a part that holds something else found
// ("MRN 12345") stops it.
func (s *scan) letterheadAddress(spans []Span) {
	for _, sp := range spans {
		if sp.Type == Location {
			s.letterheadAfter(s.tokEndingAt(sp.End), -1, spans)
		}
	}
	for i := range s.toks {
		if s.toks[i].gap != gapLine && i != 0 {
			continue
		}
		st := i
		if k := s.next(i); k > 0 && s.toks[k].punct(':') && s.toks[i].letters() {
			st = s.next(k) // "From: ..."
		}
		if st < 0 || !s.toks[st].capWord() || inSpans(spans, int(s.toks[st].s)) {
			continue
		}
		named, en := false, -1
		for k := st; k < len(s.toks) && k-st < 6 && s.toks[k].capWord() && (k == st || s.toks[k].gap == gapSpace); k++ {
			// A facility's last word may be clinical ("Oakfield Maternity");
			// a list of drugs or conditions is no place.
			if s.toks[k].lex&(lxTitle|lxTitleClin|lxMonth|lxWeekday) != 0 || s.toks[k].lex&lxMedical != 0 && k == st {
				named, en = false, -1
				break
			}
			named = named || !s.englishTok(k) && s.toks[k].gaz&gzWord == 0
			en = k
		}
		if named && en >= 0 {
			s.letterheadAfter(en, st, spans)
		}
	}
}

// letterheadAfter reads the address parts after the place ending at token
// en (letterheadAddress); st >= 0 is the first token of a place no rule
// found, taken with them.
func (s *scan) letterheadAfter(en, st int, spans []Span) {
	if en < 0 || en+1 >= len(s.toks) || !s.toks[en+1].punct(',') || s.toks[en+1].gap != gapNone {
		return
	}
	var parts [][2]int
	k := en + 2
	for len(parts) < 4 && k < len(s.toks) && s.toks[k].gap == gapSpace && (s.toks[k].upper() || s.toks[k].digits()) {
		p := k
		for k < len(s.toks) && s.toks[k].gap != gapLine && !s.toks[k].punct(',') && !(k > p && s.wideGap(k)) && k-p < 8 {
			k++
		}
		parts = append(parts, [2]int{p, k - 1})
		if k >= len(s.toks) || !s.toks[k].punct(',') || k-p > 6 {
			break
		}
		k++
	}
	if len(parts) == 0 || !s.endsInPostcode(parts[len(parts)-1][1], spans) ||
		otherTypeIn(spans, int(s.toks[parts[0][0]].s), int(s.toks[parts[len(parts)-1][1]].e)) {
		return
	}
	for k := parts[0][0]; k <= parts[len(parts)-1][1]; k++ {
		if s.toks[k].lex&lxMedical != 0 {
			return // "Lisinopril, Metformin, Aspirin 1000": no town is a drug
		}
	}
	add := func(i, j int, t Type) {
		s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[j].e), Type: t})
	}
	if st >= 0 {
		add(st, en, Location)
	}
	for _, p := range parts {
		if s.toks[p[0]].digits() && p[1] > p[0] {
			add(p[0], p[1], Location) // "3 Chapel Row": a street with its number
			continue
		}
		s.addressPart(p[0], p[1], add)
	}
}

// endsInPostcode: token e is a ZIP or a postcode in figures after a
// capitalized word ("Cape Town 7925"), or ends a ZIP found ("Leeds LS8
// 4BZ").
func (s *scan) endsInPostcode(e int, spans []Span) bool {
	if s.toks[e].digits() && (s.toks[e].n() == 5 || s.postcodeEnds(e)) {
		return true
	}
	for _, sp := range spans {
		if sp.Type == ZIP && sp.End == int(s.toks[e].e) {
			return true
		}
	}
	return false
}

// otherTypeIn: a span found between start and end is of a type an
// address's parts are not ("MRN 12345" is no town and postcode).
func otherTypeIn(spans []Span, start, end int) bool {
	for _, sp := range spans {
		if sp.Start < end && start < sp.End && sp.Type != Location && sp.Type != ZIP {
			return true
		}
	}
	return false
}
