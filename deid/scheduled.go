package deid

// scheduledDays (a late rule): "the" and an ordinal day ending its clause,
// or before "at", "here", "after" and the like, where a word of the line
// before it, within six words, sets an appointment ("next session the
// tenth.", "follow-up in a week, the fourteenth", "next cycle is the
// twenty-eighth, after christmas"): the day of a visit to come. A rank
// stays ("after the fourth" of a cycle, "the fourth cycle").
func (s *scan) scheduledDays(spans []Span) {
	for i := 1; i+1 < len(s.toks); i++ {
		if !s.eq(i, "the") || inSpans(spans, int(s.toks[i].s)) {
			continue
		}
		n := s.next(i)
		if n < 0 || !s.toks[n].letters() || !s.toks[n].is(lxOrdWord|lxTensWord) {
			continue
		}
		_, e, ord, _ := s.dayOf(n)
		if e < 0 || !ord || inSpans(spans, int(s.toks[n].s)) {
			continue
		}
		if !s.clauseEndAfter(e) && !scheduledDayAfter[s.nextWordAt(e)] {
			continue
		}
		cued := false
		for k, m := s.sameLinePrev(i), 0; k >= 0 && m < 6 && !cued; k = s.sameLinePrev(k) {
			if s.toks[k].letters() {
				cued, m = appointmentWords[s.lower(k)], m+1
			}
		}
		if !cued {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[e].e), Type: Date})
		i = e
	}
}

// appointmentWords set a visit to come.
var appointmentWords = wordsOf("next follow followup back week appointment appt session visit cycle return booked scheduled " +
	"rebooked review recheck")

// scheduledDayAfter may follow the day of a visit ("the tenth at nine",
// "the fourteenth here", "the twenty-eighth, after christmas").
var scheduledDayAfter = wordsOf("at here there after before then in with for")
