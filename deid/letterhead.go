package deid

// letterheadAddress (a late rule): a place found, then the parts of its
// address after commas to a postcode, on one line, as a letterhead or a
// signature writes them without a label: "Groote Schuur Hospital,
// Observatory, Cape Town 7925", "Fortis Memorial Research Institute,
// Gurugram, Haryana 122002". The parts between are read as an address
// field's are (addressPart: a town or a neighbourhood, a state left as it
// is, the postcode); each part is one to six tokens opening with a
// capital, and the line's last part must end in a postcode or a ZIP (in
// figures, or one found), so a list of places in a sentence is left to
// the other rules; a part that holds something else found ("MRN 12345")
// stops it.
func (s *scan) letterheadAddress(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Location {
			continue
		}
		en := s.tokEndingAt(sp.End)
		if en < 0 || en+1 >= len(s.toks) || !s.toks[en+1].punct(',') || s.toks[en+1].gap != gapNone {
			continue
		}
		var parts [][2]int
		k := en + 2
		for len(parts) < 4 && k < len(s.toks) && s.toks[k].gap == gapSpace && s.toks[k].upper() {
			st := k
			for k < len(s.toks) && s.toks[k].gap != gapLine && !s.toks[k].punct(',') && !(k > st && s.wideGap(k)) && k-st < 8 {
				k++
			}
			parts = append(parts, [2]int{st, k - 1})
			if k >= len(s.toks) || !s.toks[k].punct(',') || k-st > 6 {
				break
			}
			k++
		}
		if len(parts) == 0 || !s.endsInPostcode(parts[len(parts)-1][1], spans) ||
			otherTypeIn(spans, int(s.toks[parts[0][0]].s), int(s.toks[parts[len(parts)-1][1]].e)) {
			continue
		}
		for _, p := range parts {
			s.addressPart(p[0], p[1], func(i, j int, t Type) {
				s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[j].e), Type: t})
			})
		}
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
