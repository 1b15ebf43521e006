package deid

// numberAnswers (a late rule): a card, member or record number that is the
// whole answer to a question for it on the line before ("what's the card
// number" / "NHF 0774 1829 3"; "do you have the card" / "100 449 8172 3"):
// digits in groups, seven to sixteen in all, one group of four or more
// unless a scheme's capitals open it, after nothing but the words an
// answer opens with (answerOpens), ending the line. A question of a phone,
// a date or a time leaves the number to the rules for those.
func (s *scan) numberAnswers(spans []Span) {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		st, h := i, i
		switch {
		case t.digits():
		case t.letters() && t.allUpper() && t.n() >= 2 && t.n() <= 4:
			h = s.next(i) // "NHF 0774 1829 3", "FC 8840 ..."
		default:
			continue
		}
		if h < 0 || !s.toks[h].digits() || !s.answerOpens(st) {
			continue
		}
		g := s.readGroups(h)
		if g.n < 2 || g.total < 7 || g.total > 16 || g.plus || g.paren {
			continue
		}
		if n := s.next(g.last); n > 0 && !(s.toks[n].punct('.') && s.next(n) < 0) {
			continue // the line ends with it: "110 120 135 140, mostly before breakfast" goes on
		}
		if st == h && g.longest() <= 3 {
			continue // readings in a row, no card's groups
		}
		if !s.wordOnLineBefore(st, numberQuestionWords) || s.wordOnLineBefore(st, notNumberQuestionWords) ||
			inSpans(spans, int(s.toks[h].s)) || s.inOtherSpan(int(s.toks[h].s)) {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[g.last].e), Type: ID})
		i = g.last
	}
}

// numberQuestionWords ask for a card's, a plan's or a record's number;
// notNumberQuestionWords ask for a phone, a date or a time.
var (
	numberQuestionWords    = wordsOf("number card id mrn policy member account chart insurance medicaid medicare nhs trn")
	notNumberQuestionWords = wordsOf("phone cell mobile call reach text fax date birthday born dob time when")
)
