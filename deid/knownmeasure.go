package deid

import "strings"

// Supplied parts that are words, said in a run-on turn next to a number or
// before "you said" (dialogues-known7): right after a measurement, before
// what is said to or asked of the person ("the inr is two point five clay
// that's perfect", "one seventy will are you taking the pills", "three
// falls august do you use the walker"); after a finished phrase before
// "you said" ("lungs clear june you said", "a crack in the wrist ray you
// said"); last in a greeting of two ("will hi and april").

// afterMeasure: the part right after a number, or after a plural counted by
// one ("twelve kilos"), before the speaker's next clause or a question to
// the listener. "the six mark on the scale" stays a word (what follows is
// no clause); a modal name before "you" asks ("three fifty will you be
// back"); a month before "you" or "we" can be a date told the day first
// ("the twenty may we go") unless "you said" follows.
func (s *scan) afterMeasure(i int, p knownPart) bool {
	pv := s.sameLinePrev(i)
	if pv < 0 || !s.toks[pv].letters() && !s.toks[pv].digits() {
		return false
	}
	if !s.countAt(pv) {
		w := s.lower(pv)
		if len(w) < 4 || w[len(w)-1] != 's' || !s.countAt(s.sameLinePrev(pv)) {
			return false
		}
	}
	nx, nn := s.nextWordAt(i), s.nextWordAt(s.next(i))
	switch nx {
	case "that's", "we'll", "we're", "let's", "i'll", "i'm", "you're", "you've":
		return true
	case "you", "we", "i":
		if reportVerbs[nn] {
			return true
		}
		return !modalNames[p.word] && !s.calendarWord(i) && !auxQuestion[p.word]
	case "are", "do", "did", "have", "were":
		return nn == "you"
	case "is", "was", "has":
		// "ten fifteen dale was normal", "twelve kilos hunter is growing":
		// a singular subject after a number or a measure, which a noun
		// would need an article for; "the six mark is" has it.
		return !modalNames[p.word] && !s.calendarWord(i) && !s.countedByArticle(pv)
	case "and":
		// "one ten will and the pressure is low": no modal or noun counted
		// is followed by "and" and a new subject.
		switch nn {
		case "the", "your", "you", "i", "we", "his", "her", "my":
			return !s.calendarWord(i) && !s.countedByArticle(pv)
		}
	}
	return false
}

// countedByArticle: the number or counted plural ending at token k has an
// article or a possessive before it ("the six mark", "your two kids").
func (s *scan) countedByArticle(k int) bool {
	for k >= 0 && (s.countAt(k) || s.toks[k].letters() && !s.toks[k].is(lxDigitWord|lxTeenWord|lxTensWord) && s.countAt(s.sameLinePrev(k))) {
		k = s.sameLinePrev(k)
	}
	if k < 0 || !s.toks[k].letters() {
		return false
	}
	return determiners[s.lower(k)] || s.eq(k, "a") || s.eq(k, "an") || s.eq(k, "my") || s.eq(k, "his") || s.eq(k, "her") ||
		s.eq(k, "their")
}

// countAt: a number in digits or words at k ("5", "five", "fifteen",
// "fifty", "hundred").
func (s *scan) countAt(k int) bool {
	if k < 0 {
		return false
	}
	t := &s.toks[k]
	return t.digits() || t.letters() && (t.is(lxDigitWord|lxTeenWord|lxTensWord) || s.eq(k, "hundred"))
}

// youSaid: the part after a word that closes a phrase and before "you
// said" ("lungs clear june you said", "crack in the wrist ray you said")
// or before "you" and a modal, which no modal is followed by ("lungs clear
// may you might feel tired"). A word that opens a noun phrase, a
// preposition or a single letter before it makes it a word ("in june you
// said", "the x ray you said"); a name that is a verb in the past stays
// the verb after a noun ("the fever rose you said") unless a predicate
// adjective closes the phrase before it.
func (s *scan) youSaid(i int, p knownPart) bool {
	if s.nextWordAt(i) != "you" {
		return false
	}
	nn := s.nextWordAt(s.next(i))
	if !reportVerbs[nn] && !(modalNames[p.word] && modalNames[nn]) {
		return false
	}
	pv := s.sameLinePrev(i)
	if pv < 0 || !s.toks[pv].letters() || s.toks[pv].n() < 2 || s.countAt(pv) {
		return false
	}
	w := s.lower(pv)
	if pastVerbNames[p.word] && !predicateAdjectives[w] {
		return false
	}
	return !wordMakers[w] && !questionWords[w] && !adjBefore[w] && !s.toks[pv].is(lxMonth)
}

// pastVerbNames are names that are also a verb in the past tense.
var pastVerbNames = map[string]bool{"rose": true, "drew": true}

// reportVerbs follow "you" when what the person said is recalled.
var reportVerbs = map[string]bool{"said": true, "mentioned": true, "told": true}

// greetedPair: "will hi and april", "art hi and hope": a second person
// greeted after "hi and", closing the turn.
func (s *scan) greetedPair(i int) bool {
	if s.prevWordAt(i, 1) != "and" || !s.clauseEndAfter(i) {
		return false
	}
	switch s.prevWordAt(i, 2) {
	case "hi", "hello", "hey":
		return true
	}
	return false
}

// stutterBefore: the starts of a supplied name said before it, each cut
// off by a hyphen ("j- june", "j- j- june", "dr- drew"), are the name too.
// Only a start of this very word counts ("x- ray" is no start of "ray"), and
// only cut off before a space ("x-ray" is one word).
func (s *scan) stutterBefore(i int) {
	for k := i; ; {
		f := s.stutterStart(i, k)
		if f < 0 {
			return
		}
		s.add(int(s.toks[f].s), int(s.toks[f].e), Name, prCue)
		k = f
	}
}

// stutterStart returns the token of a start of word i cut off by a hyphen
// right before token k ("j-" before "june"), or -1.
func (s *scan) stutterStart(i, k int) int {
	h := s.sameLinePrev(k)
	if h < 1 || !s.toks[h].punct('-') || s.toks[h].gap != gapNone || s.toks[k].gap == gapNone {
		return -1
	}
	f, w := h-1, s.lower(i)
	if !s.toks[f].letters() || s.toks[f].n() >= len(w) || !strings.HasPrefix(w, s.lower(f)) {
		return -1
	}
	return f
}

// stuttered: a supplied part the speaker stumbled into ("so j- june uh
// june how", "yes j- j- june sorry") is the name said, unless the word
// before the stumble makes it a word ("in j- june", "the m- mark").
func (s *scan) stuttered(i int) bool {
	k := s.stutterStart(i, i)
	if k < 0 {
		return false
	}
	for f := s.stutterStart(i, k); f >= 0; f = s.stutterStart(i, k) {
		k = f
	}
	pv := s.sameLinePrev(k)
	return pv < 0 || s.discourseOpens(k) || !wordMakers[s.lower(pv)] && !s.countAt(pv) && !s.toks[pv].punct('-')
}

// beforeTitledSurname: the part said right before a title and a supplied
// part that ends the clause ("i'll show you rusty mr abernathy", "thanks
// hope ms tanaka"): the first name and the formal one together. A
// determiner or a month makes it a word ("the rusty mr abernathy", "in
// june mr abernathy").
func (s *scan) beforeTitledSurname(i int, p1 string) bool {
	t := s.next(i)
	if t < 0 || !s.toks[t].letters() || determiners[p1] || p1 == "a" || p1 == "an" || s.calendarWord(i) {
		return false
	}
	k := s.next(t)
	if k >= 0 && s.toks[k].punct('.') {
		k = s.next(k)
	}
	return k >= 0 && s.toks[k].letters() && s.titleBefore(k) && s.isKnown(k) && s.clauseEndAfter(k)
}

// afterNoProblem: the part after "no problem" or "no worries", said back
// to the person, closing the clause or before "so" or "now" ("no problem
// june so the chest pain"); "no problem in june" keeps the month.
func (s *scan) afterNoProblem(i int, p1, p2, nx string) bool {
	if p2 != "no" || p1 != "problem" && p1 != "worries" {
		return false
	}
	return nx == "so" || nx == "now" || s.clauseEndAfter(i)
}
