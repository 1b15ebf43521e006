package deid

import "maps"

// numberAnswers (a late rule): a card, member or record number that is the
// whole answer to a question for it on the line before ("what's the card
// number" / "NHF 0774 1829 3"; "do you have the card" / "100 449 8172 3"):
// digits in groups, seven to sixteen in all, one group of four or more
// unless a scheme's capitals open it or the digits are said one by one,
// and one or two letters closing it ("5512 884 309 kt"), after nothing
// but the words an answer opens with (answerOpens), ending the line. A
// question of a date or a time leaves the number to the rules for those;
// one of a phone alone makes a phone's number of digits in groups
// ("doctor: phone" / "husband: 94470 55501").
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
		if g.plus || g.paren {
			continue
		}
		if s.wordOnLineBefore(st, phoneQuestionWords) && !s.wordOnLineBefore(st, cardQuestionWords) {
			// "doctor: phone" / "husband: 94470 55501": a phone's number,
			// eight to thirteen digits in two groups or more, then the
			// line's end or a stop or comma.
			if st != h || g.n < 2 || g.total < 8 || g.total > 13 || g.longest() < 4 {
				continue
			}
			if n := s.next(g.last); n > 0 && !s.toks[n].punct('.') && !s.toks[n].punct(',') && !s.toks[n].punct('?') {
				continue
			}
			if !inSpans(spans, int(s.toks[h].s)) && !s.inOtherSpan(int(s.toks[h].s)) {
				s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[g.last].e), Type: Phone})
			}
			i = g.last
			continue
		}
		// A card's number may close with its letters: "5512 884 309 kt",
		// "5541287 t a", "9 1 4 4 0 2 7 7 A".
		end, tail := g.last, 0
		for n := s.next(end); n > 0 && tail < 2 && s.toks[n].letters() && s.toks[n].n() <= 2 && s.toks[n].gap == gapSpace; n = s.next(n) {
			end, tail = n, tail+1
		}
		if g.n < 2 && tail == 0 || g.total < 7 || g.total > 16 {
			continue
		}
		if n := s.next(end); n > 0 && !(s.toks[n].punct('.') && s.next(n) < 0) {
			continue // the line ends with it: "110 120 135 140, mostly before breakfast" goes on
		}
		if st == h && g.longest() <= 3 && !(g.longest() == 1 && g.n >= 7) {
			continue // readings in a row, no card's groups (a number said digit by digit is one)
		}
		if !s.wordOnLineBefore(st, numberQuestionWords) || s.wordOnLineBefore(st, notNumberQuestionWords) ||
			tail == 0 && (inSpans(spans, int(s.toks[h].s)) || s.inOtherSpan(int(s.toks[h].s))) {
			continue // (a number found with letters closing it grows over them)
		}
		s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[end].e), Type: ID})
		i = end
	}
}

// numberQuestionWords ask for a card's, a plan's or a record's number;
// notNumberQuestionWords ask for a phone, a date or a time.
var (
	numberQuestionWords    = wordsOf("number card id mrn policy member account chart insurance medicaid medicare nhs trn ppsn hkid cnic aadhaar nric ohip ramq")
	notNumberQuestionWords = wordsOf("phone cell mobile call reach text fax date birthday born dob time when")
	// phoneQuestionWords ask for a phone's number; cardQuestionWords
	// (numberQuestionWords but "number") for a card's or a record's,
	// which a question of both ("the number on the card, and a phone")
	// leaves to the card.
	phoneQuestionWords = wordsOf("phone cell mobile")
	cardQuestionWords  = func() map[string]bool {
		m := maps.Clone(numberQuestionWords)
		delete(m, "number")
		return m
	}()
)
