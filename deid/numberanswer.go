package deid

// numberAnswers (a late rule): a card, member or record number that is the
// whole answer to a question for it on the line before ("what's the card
// number" / "NHF 0774 1829 3"; "do you have the card" / "100 449 8172 3"):
// digits in groups, seven to sixteen in all, one group of four or more
// unless a scheme's capitals open it, maybe after "it's" or "yes", ending
// the line. A question of a phone,
// a date or a time leaves the number to the rules for those.
func (s *scan) numberAnswers(spans []Span) {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.letters() && !t.digits() || t.gap != gapLine && i > 0 && !s.toks[i-1].punct(':') && !s.toks[i-1].punct(']') ||
			!s.turnStart(i) {
			continue
		}
		h := i
		for h >= 0 && s.toks[h].letters() && (answerLeadWords[s.lower(h)] || s.eq(h, "it") || s.eq(h, "it's") || s.eq(h, "its")) {
			h = s.next(h)
			if h > 0 && s.toks[h].punct(',') || h > 0 && s.toks[h].punct('\'') {
				h = s.next(h)
				if h > 0 && s.eq(h, "s") {
					h = s.next(h)
				}
			}
		}
		if h < 0 {
			continue
		}
		st := h
		if s.toks[h].letters() && s.toks[h].allUpper() && s.toks[h].n() >= 2 && s.toks[h].n() <= 4 {
			h = s.next(h) // "NHF 0774 1829 3", "FC 8840 ..."
		}
		if h < 0 || !s.toks[h].digits() {
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
