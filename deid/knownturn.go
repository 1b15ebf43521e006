package deid

// Supplied parts that are words, said inside a run-on turn where the words
// on both sides tell the person from the word (dialogues-known6): between
// a finished clause and the next one ("the thyroid is low dawn so we need
// to", "you're breaking up glen i'll call you"), before a request said to
// them ("take the nasal spray june make sure he takes it"), the object of
// a verb of telling before what is told ("tell hunter he can wait"), last
// in a turn after a stretch of time ("for six weeks miles"), two months
// named together before what is said to them ("june and may your parents
// had a theme"), another form of the name offered before "either way",
// "last" after a first name asked for ("first name tuan last vu") and a
// relation said with "also" ("my daughter also rose").

// inRunOnTurn decides the lower-case known part p at token i by the
// frames above.
func (s *scan) inRunOnTurn(i int, p knownPart) bool {
	p1, p2 := s.prevWordAt(i, 1), s.prevWordAt(i, 2)
	nx := s.nextWordAt(i)
	if s.betweenClauses(i, p, p1, p2, nx) || s.afterMeasure(i, p) || s.youSaid(i, p) || s.greetedPair(i) || s.stuttered(i) || s.beforeTitledSurname(i, p1) ||
		s.afterNoProblem(i, p1, p2, nx) || s.inSpeechSlot(i, p, p1, p2, nx) {
		return true
	}
	// "take the nasal spray june make sure he takes it": a request to the
	// person just named, after a word that leaves no noun phrase open.
	if nx == "make" && s.nextWordAt(s.next(i)) == "sure" && !modalNames[p.word] && p1 != "" && !wordMakers[p1] &&
		!s.toks[s.sameLinePrev(i)].punct('-') {
		return true
	}
	// "tell hunter he can wait", "ask june if she", "let will know": the
	// person told, then what is told.
	if tellVerbs[p1] && tellWhat[nx] || p1 == "let" && nx == "know" {
		return true
	}
	// "for six weeks miles": the person addressed last, after a stretch of
	// time no name or word could be the measure of.
	if timeStretch[p1] && s.clauseEndAfter(i) && (countWords[p2] || s.digitsAt(s.sameLinePrev(s.sameLinePrev(i)))) {
		return true
	}
	// "so first name tuan last vu": the surname asked for after the first.
	if p1 == "last" && s.firstNameAsked(i) {
		return true
	}
	// "this is my daughter also rose": a relation, "also" or "too", the
	// name closing the clause.
	if (p1 == "also" || p1 == "too") && s.clauseEndAfter(i) {
		if k := s.sameLinePrev(s.sameLinePrev(i)); k >= 0 && s.toks[k].letters() && s.toks[k].is(lxRelation) {
			return true
		}
	}
	// "kowalewski is fine or rose either way": another form of the name
	// offered, then "either way", where a supplied part was just said.
	if p1 == "or" && nx == "either" && s.nextWordAt(s.next(i)) == "way" && !modalNames[p.word] && !s.calendarWord(i) {
		for k, n := s.sameLinePrev(s.sameLinePrev(i)), 0; k >= 0 && n < 5; k, n = s.sameLinePrev(k), n+1 {
			if s.toks[k].letters() && s.isKnown(k) && s.lower(k) != p.word {
				return true
			}
		}
	}
	// "ear drops twice a day and chase no swimming": a prohibition said to
	// the person named after "and"; "and hope no swelling comes back"
	// keeps the verb that takes a clause.
	if p1 == "and" && !clauseVerbs[p.word] && s.prohibitionAfter(i) {
		return true
	}
	// "and sonny boy, no shoveling": the name said fondly, "boy" or "girl"
	// after it, at the start of what is said to them.
	if (nx == "boy" || nx == "girl") && s.clauseEndAfter(s.next(i)) && (s.turnStart(i) || fondOpeners[p1]) &&
		!modalNames[p.word] && !s.calendarWord(i) {
		return true
	}
	// "dr vos is sky on today", "is june on call": whether a colleague
	// works today.
	if (p1 == "is" || p1 == "was" || p1 == "who's") && nx == "on" && onDuty[s.nextWordAt(s.next(i))] {
		return true
	}
	return s.monthsAddressed(i, p1, nx)
}

// fondOpeners open a turn or a clause before a name said fondly.
var fondOpeners = map[string]bool{"and": true, "so": true, "ok": true, "okay": true, "alright": true, "now": true,
	"hey": true, "come": true, "oh": true}

// onDuty follow "is X on": the person is working.
var onDuty = map[string]bool{"today": true, "tonight": true, "call": true, "shift": true, "duty": true,
	"tomorrow": true, "nights": true, "days": true}

// betweenClauses: the name said between a clause that has ended and the
// next one, begun by the speaker ("i'll", "so we", "and i"): "the thyroid
// is low dawn so we need to", "you're breaking up glen i'll call you",
// "the pressure is up rose and i think". The clause before ends in a
// predicate adjective after a verb of being ("is low", "looks good") or in
// a particle after a verb in -ing ("breaking up"); a word before the name
// that opens a noun phrase ("before dawn", "a low dawn") makes it a word.
func (s *scan) betweenClauses(i int, p knownPart, p1, p2, nx string) bool {
	closed := predicateAdjectives[p1] && beVerbs[p2] ||
		(p1 == "up" || p1 == "out") && len(p2) > 4 && p2[len(p2)-3:] == "ing"
	// "the baby is head down faith thirty six weeks today": a verb of
	// being, a bare noun and a particle close the clause too, and a count
	// of time after the name opens the next.
	if !closed && (p1 == "down" || p1 == "up") && beVerbs[s.prevWordAt(i, 3)] && !wordMakers[p2] && !s.calendarWord(i) &&
		!modalNames[p.word] {
		k := s.next(i)
		for s.countAt(k) {
			k = s.next(k)
		}
		if k != s.next(i) && k > 0 && (timeStretch[s.lower(k)] || timeStretch[s.lower(k)+"s"]) {
			return true
		}
	}
	if !closed {
		return false
	}
	// "clearing up hope i'll see you": a verb that takes a clause stays
	// the verb before one.
	if speakerClause[nx] {
		return !clauseVerbs[p.word]
	}
	// "so we", "and i", "but you": a conjunction, then the speaker's or
	// the listener's clause (no modal is followed by a conjunction).
	if nx == "so" || nx == "and" || nx == "but" {
		switch s.nextWordAt(s.next(i)) {
		case "we", "i", "you", "let's", "we'll", "i'll", "we're", "i'm", "you'll":
			return true
		}
	}
	return false
}

// digitsAt reports a token of digits at k (false for k < 0).
func (s *scan) digitsAt(k int) bool { return k >= 0 && s.toks[k].digits() }

// firstNameAsked: "first name" said on the line within eight words before
// token i ("so first name tuan last vu").
func (s *scan) firstNameAsked(i int) bool {
	for k, n := s.sameLinePrev(i), 0; k >= 1 && n < 8; k, n = s.sameLinePrev(k), n+1 {
		if s.eq(k, "name") && s.eq(s.sameLinePrev(k), "first") {
			return true
		}
	}
	return false
}

// monthsAddressed: two supplied parts that are both months, joined by
// "and" where a turn or a sentence opens, before what is said to them
// ("june and may your parents had a theme"); "in june and may the pollen"
// and "june and may are busy" stay dates.
func (s *scan) monthsAddressed(i int, p1, nx string) bool {
	if !s.calendarWord(i) {
		return false
	}
	var first, second int
	switch {
	case nx == "and":
		first, second = i, s.next(s.next(i))
	case p1 == "and":
		first, second = s.sameLinePrev(s.sameLinePrev(i)), i
	default:
		return false
	}
	if first < 0 || second < 0 || !s.isKnown(first) || !s.isKnown(second) || !s.calendarWord(first) || !s.calendarWord(second) ||
		s.lower(first) == s.lower(second) {
		return false
	}
	if !s.turnStart(first) && !s.discourseOpens(first) {
		return false
	}
	return addressedAfter[s.nextWordAt(second)]
}

// predicateAdjectives close a clause after a verb of being: "the thyroid
// is low", "your labs look good".
var predicateAdjectives = map[string]bool{"low": true, "high": true, "fine": true, "good": true, "normal": true,
	"better": true, "worse": true, "great": true, "ok": true, "okay": true, "stable": true, "negative": true,
	"positive": true, "borderline": true, "perfect": true, "elevated": true, "healing": true, "improving": true,
	"clear": true, "up": true, "down": true}

// beVerbs link a subject to a predicate adjective.
var beVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "looks": true, "look": true,
	"seems": true, "sounds": true, "came": true, "come": true, "'s": true, "it's": true, "that's": true, "they're": true,
	"still": true, "bit": true, "little": true, "too": true, "very": true, "pretty": true}

// speakerClause open the speaker's next clause right after the name.
var speakerClause = map[string]bool{"i'll": true, "we'll": true, "let's": true, "i'm": true, "we're": true,
	"i've": true, "we've": true}

// tellWhat open what is told after the person told.
var tellWhat = map[string]bool{"he": true, "she": true, "they": true, "that": true, "if": true, "whether": true,
	"to": true, "about": true, "we": true, "we're": true, "we'll": true, "i'll": true, "i'm": true}

// timeStretch measure time in the plural; countWords count them.
var timeStretch = map[string]bool{"days": true, "weeks": true, "months": true, "years": true, "hours": true,
	"minutes": true}

var countWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "twelve": true, "few": true, "couple": true, "several": true}

// addressedAfter follow the people named at a turn's start when what comes
// is said to them.
var addressedAfter = map[string]bool{"your": true, "you": true, "you're": true, "you've": true, "both": true,
	"thanks": true, "thank": true, "welcome": true}
