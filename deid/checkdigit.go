package deid

// checkDigitAfter (a late rule): the last digit of a card or record number
// written apart, as check digits often are ("card number FC 8840 2217 5",
// "NHF 2290 4471 8"): one digit after a number found, with nothing after
// it on the line but a mark or a field's gap.
func (s *scan) checkDigitAfter(spans []Span) {
	for _, sp := range spans {
		switch sp.Type {
		case Account, HealthPlan, ID, MRN, License:
		default:
			continue
		}
		e := s.tokEndingAt(sp.End)
		if e < 0 || !s.toks[e].digits() {
			continue
		}
		n := s.next(e)
		if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].digits() || s.toks[n].n() != 1 || s.wideGap(n) {
			continue
		}
		if m := s.next(n); m > 0 && !(s.wideGap(m) || s.toks[m].punct(',') || s.toks[m].punct('.') || s.toks[m].punct(';') ||
			s.toks[m].punct(')')) {
			continue
		}
		s.late = append(s.late, Span{Start: sp.Start, End: int(s.toks[n].e), Type: sp.Type}) // in the place of the number found
	}
}
