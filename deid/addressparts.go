package deid

import "strings"

// Address parts abroad (a late rule): the numbers around a street found
// that other countries write as part of the address, which the street
// rule leaves: a block, lot, plot or house number before it ("Blk 4 Lot
// 22, Mahogany St.", "Plot 14, Admiralty Road", "lot 44 cherry avenue"),
// an Edinburgh or a Glasgow flat's position ("3F2, 27 Restalrig Road",
// "Flat 2/1, 45 Dumbarton Road"), a street's number
// after its kind ("Bedok North Avenue 3") and a unit after it ("#11-305");
// and, with no street found, a block and lot ("blk 12 lot 7 phase 2") or
// a block before a unit ("Block 2, #04-17"). Safe Harbor removes the
// whole street address.

// addressLabels number a lot, a block or a building before its number.
var addressLabels = wordsOf("blk block lot plot stand erf unit flat apt house phase bldg building")

// streetKindsNumbered are street kinds a number may follow in an address
// ("Jurong West Street 61", "Bedok North Avenue 3").
var streetKindsNumbered = wordsOf("street st avenue ave road rd drive dr crescent close lane link ring way")

func (s *scan) addressParts(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Location {
			continue
		}
		b, e := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if b < 0 || e < 0 {
			continue
		}
		if st := s.addressLabelsBefore(b); st >= 0 {
			s.late = append(s.late, Span{Start: int(s.toks[st].s), End: s.labelsEnd(st, b), Type: Location})
		}
		if en := s.addressTail(e); en > e {
			s.late = append(s.late, Span{Start: s.afterComma(e), End: int(s.toks[en].e), Type: Location})
		}
	}
	// A block and lot, or a block before a unit, with no street found.
	for i := 0; i < len(s.toks); i++ {
		if t := &s.toks[i]; !t.letters() || t.n() != 3 && t.n() != 5 || !s.eq(i, "blk") && !s.eq(i, "block") && !s.eq(i, "lot") {
			continue
		}
		en, pairs := s.labelNumbers(i)
		if pairs == 0 {
			continue
		}
		u := s.aptUnitAfter(en)
		if pairs < 2 && u < 0 {
			continue
		}
		if u > en {
			en = u
		}
		if !s.inOtherSpan(int(s.toks[i].s)) {
			s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[en].e), Type: Location})
		}
		i = en
	}
}

// isAddressLabel: token i is a label of addressLabels, maybe with its dot.
func (s *scan) isAddressLabel(i int) bool {
	t := &s.toks[i]
	return t.letters() && t.n() <= 8 && addressLabels[s.lower(i)]
}

// labelNumbers reads label-number pairs from token i ("blk 12 lot 7 phase
// 2"); it returns the last number's token and how many pairs it read.
func (s *scan) labelNumbers(i int) (end, pairs int) {
	end = -1
	for k := i; k >= 0 && k < len(s.toks) && s.isAddressLabel(k); {
		n := s.next(k)
		if n > 0 && s.toks[n].punct('.') && s.toks[n].gap == gapNone {
			n = s.next(n)
		}
		if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].digits() || s.toks[n].n() > 5 {
			break
		}
		end, pairs = n, pairs+1
		k = s.next(n)
		if k < 0 || s.toks[k].gap != gapSpace {
			break
		}
	}
	return end, pairs
}

// addressLabelsBefore returns the first token of label-number pairs (or an
// Edinburgh flat position) ending right before the street at token b, a
// comma between allowed, or -1. A street found without its number takes
// the label before it alone ("lot 44 cherry avenue": the span holds 44).
func (s *scan) addressLabelsBefore(b int) int {
	p := s.sameLinePrev(b)
	if p < 0 {
		return -1
	}
	if s.isAddressLabel(p) && s.toks[b].digits() {
		for q := s.sameLinePrev(p); q >= 0 && s.toks[q].digits(); {
			// "blk 4 lot 22": the pairs before the label.
			r := s.sameLinePrev(q)
			if r < 0 || !s.isAddressLabel(r) {
				break
			}
			p, q = r, s.sameLinePrev(r)
		}
		return p
	}
	if s.toks[p].punct(',') {
		p = s.sameLinePrev(p)
	}
	if p < 0 {
		return -1
	}
	// "3F2, 27 Restalrig Road": a floor, F and a flat, before a numbered street.
	if t := &s.toks[p]; t.kind == tkWord && !t.letters() && !t.digits() && t.n() <= 4 && s.toks[b].digits() {
		w := s.lower(p)
		if k := strings.IndexByte(w, 'f'); k > 0 && isDigitsFrom(w[:k]) && isDigitsFrom(w[k+1:]) {
			return p
		}
	}
	// Label-number pairs: the last number, then its labels back.
	if !s.toks[p].digits() || s.toks[p].n() > 5 {
		return -1
	}
	first := -1
	for q := p; q >= 0 && s.toks[q].digits(); {
		r := s.sameLinePrev(q)
		if r > 0 && s.toks[r].punct('/') && s.toks[r].gap == gapNone && s.toks[q].gap == gapNone && s.toks[r-1].digits() {
			q, r = r-1, s.sameLinePrev(r-1) // "Flat 2/1, 45 Dumbarton Road": a Glasgow flat's floor and door
		}
		if r < 0 || !s.isAddressLabel(r) {
			break
		}
		first = r
		q = s.sameLinePrev(r)
	}
	return first
}

// labelsEnd is where what addressLabelsBefore found ends: before the comma
// or the street at token b.
func (s *scan) labelsEnd(st, b int) int {
	p := s.sameLinePrev(b)
	if p > st && s.toks[p].punct(',') {
		p = s.sameLinePrev(p)
	}
	return int(s.toks[p].e)
}

// addressTail returns the last token of a street's number after its kind
// ("Avenue 3") and a unit after the street ("#11-305"), or e.
func (s *scan) addressTail(e int) int {
	end := e
	n := s.next(e)
	if n > 0 && s.toks[n].gap == gapSpace && s.toks[n].digits() && s.toks[n].n() <= 3 && s.toks[e].letters() &&
		streetKindsNumbered[s.lower(e)] {
		if m := s.next(n); m < 0 || s.toks[m].gap == gapLine || s.toks[m].punct(',') || s.toks[m].punct('#') {
			end = n
		}
	}
	if u := s.aptUnitAfter(end); u > end {
		end = u
	}
	return end
}

// aptUnitAfter returns the last token of a unit number "#11-305" after token
// e (a comma between allowed), or -1.
func (s *scan) aptUnitAfter(e int) int {
	n := s.next(e)
	if n > 0 && s.toks[n].punct(',') {
		n = s.next(n)
	}
	if n < 0 || !s.toks[n].punct('#') || s.toks[n].gap == gapLine {
		return -1
	}
	a := n + 1
	if a+2 >= len(s.toks) || s.toks[a].gap != gapNone || !s.toks[a].digits() || !s.toks[a+1].punct('-') ||
		s.toks[a+1].gap != gapNone || !s.toks[a+2].digits() || s.toks[a+2].gap != gapNone {
		return -1
	}
	return a + 2
}

// afterComma is where the part after token e begins: its next token, the
// comma after e left out.
func (s *scan) afterComma(e int) int {
	n := s.next(e)
	if n > 0 && s.toks[n].punct(',') {
		n = s.next(n)
	}
	return int(s.toks[n].s)
}
