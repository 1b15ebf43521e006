package deid

// Supplied parts that are words, told from the word by the slot they fill
// in speech (dialogues-known7): a slot the word's own use cannot fill. A
// noun needs an article, a verb a subject, a month a preposition or a day;
// where the words around give none of these and frame a person instead,
// the part is the person:
//
//   - "junior" or "senior" after it, before what is said to them ("ok and
//     rose junior your pressure is fine", "pat senior your knee");
//   - a term of endearment after it ("just sue honey", "ok hunter buddy can
//     i look");
//   - a month with no preposition or article before it and neither a day
//     nor a year after it, before what is said to the person or a dose
//     ("i know april sorry", "ten months of pain august where exactly", "ok
//     april twenty milligrams is too much"), and any part but a modal
//     before "sorry" or "thanks" in the same slot ("i know grant sorry");
//   - the subject of a verb of saying after a word that opens no noun
//     phrase ("ninety nine point five mark said");
//   - before "you" and what the listener does, after a word that closes a
//     noun phrase ("the new plan faith you start the pill tomorrow");
//   - set off by a comma before the speaker's next clause ("it could be
//     hunter, we'll treat it");
//   - opening a turn after a discourse word before "and your" ("ok hunter
//     and your date of birth");
//   - after a turn's "and", before a request ("and florence drink a lot of
//     fluids");
//   - after "she's" or "he's" said of a relation, before "too" ("my
//     daughter she's rose too");
//   - after "it is" or "that's", before "so" ("yes it is hope so no more
//     surgery"): no verb follows "is" without its "-ing";
//   - before another supplied part spelled out ("jordan s. t. o. r. y");
//   - closing an answer after "just", said in the turn before ("is it
//     dawn with an e" / "no just dawn"); before a supplied surname's
//     initial ("will o. is here");
//   - set off by a comma before a question of who the person is ("and
//     hunter, is that your son");
//   - thanked right after the other speaker gave the name whole or spelled
//     ("patient: hope v i l l a n u e v a" / "doctor: thanks hope the
//     wound"): the name said back, even where a verb could stand.
//
// The two plurals of a given name two supplied people share, counted, are
// in knownNames ("two roses", "so we have two pats").

// inSpeechSlot decides the lower-case known part p at token i by the slots
// above.
func (s *scan) inSpeechSlot(i int, p knownPart, p1, p2, nx string) bool {
	return s.generationAfter(i, p1, nx) || s.endearmentAfter(i, p, p1, p2, nx) || s.monthOutOfDate(i, p1, nx) ||
		s.subjectOfSaying(i, p1, nx) || s.beforeApology(i, p, p1, nx) || s.beforeYouDo(i, p, p1, nx) || s.setOffBeforeSpeaker(i, p, p1) ||
		s.openedBeforeYours(i, p, nx) || s.andThenRequest(i, p, p1, nx) || s.relationToo(i, p1, nx) || s.itIsSo(i, p, p1, p2, nx) ||
		s.thankedForName(i, p, p1, p2) || s.beforeSpelled(i) || s.justAnswered(i, p1) || s.beforeSurnameInitial(i) ||
		s.askedWhoAfter(i)
}

// askedWhoAfter: set off by a comma before a question of who the person is
// to the speaker ("and hunter, is that your son", "dawn, is she your
// daughter"): no word a supplied part is spelled like is asked that.
func (s *scan) askedWhoAfter(i int) bool {
	c := i + 1
	if c >= len(s.toks) || !s.toks[c].punct(',') || s.toks[c].gap != gapNone {
		return false
	}
	var wb [3]string
	w := s.wordsAfterInto(wb[:0], c, 3)
	return len(w) == 3 && w[0] == "is" && (w[1] == "that" || w[1] == "he" || w[1] == "she" || w[1] == "this") && w[2] == "your"
}

// justAnswered: "is it dawn with an e" / "no just dawn": the part that
// closes an answer after "just", said in the turn before; "no just
// water" after "with food?" names nothing supplied, and a word the turn
// before did not say is left to the other rules.
func (s *scan) justAnswered(i int, p1 string) bool {
	if p1 != "just" || !s.clauseEndAfter(i) {
		return false
	}
	// "i just may": the modal after its subject.
	if s.tokIn(modalNamesSet, i) && phraseOpeners[s.prevWordAt(i, 2)] {
		return false
	}
	a, b := s.lineBefore(i)
	for k := b; k >= a; k-- {
		if s.toks[k].letters() && s.lower(k) == s.lower(i) {
			// "in may or june?" / "just may": the month asked about.
			pw := s.prevWordAt(k, 1)
			return !s.calendarWord(i) || !dateLeads[pw] && !s.eq(s.sameLinePrev(k), "or")
		}
	}
	return false
}

// lineBefore returns the first and last token of the line before token
// i's line (the turn before in a transcript), or 0, -1.
func (s *scan) lineBefore(i int) (int, int) {
	st := i
	for st > 0 && s.toks[st].gap != gapLine {
		st--
	}
	if st == 0 {
		return 0, -1
	}
	a := st - 1
	for a > 0 && s.toks[a].gap != gapLine {
		a--
	}
	return a, st - 1
}

// beforeSurnameInitial: "will o. is here", "june o": the part before the
// initial of a supplied surname, with its period or closing the clause.
func (s *scan) beforeSurnameInitial(i int) bool {
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].n() != 1 || !s.surnameInitial(s.low[s.toks[n].s]) {
		return false
	}
	return n+1 < len(s.toks) && s.toks[n+1].punct('.') && s.toks[n+1].gap == gapNone || s.clauseEndAfter(n)
}

// thankedForName: "thanks hope the wound", "ok thank you grant": the part
// after thanks or an acknowledgement opening a turn, where the turn before
// gave it as a name, followed by another supplied part or spelled out
// letter by letter; "thanks, i hope" and a turn before that says the
// word only keep the verb.
func (s *scan) thankedForName(i int, p knownPart, p1, p2 string) bool {
	f := s.sameLinePrev(i) // the formula's first word
	switch {
	case p1 == "thanks" || p1 == "ok" || p1 == "okay" || p1 == "great" || p1 == "perfect":
	case p1 == "you" && p2 == "thank":
		f = s.sameLinePrev(f)
	default:
		return false
	}
	if modalNames[p.word] || f < 0 || !s.turnStart(f) && !s.discourseOpens(f) {
		return false
	}
	a, b := s.lineBefore(i)
	for k := a; k <= b; k++ {
		if s.toks[k].letters() && s.lower(k) == p.word {
			if n := s.next(k); n > 0 && s.toks[n].gap == gapSpace && (s.isKnown(n) && s.lower(n) != p.word || s.spelledAfter(n)) {
				return true
			}
		}
	}
	return false
}

// spelledAfter: the single letters from token n on, with spaces, dots,
// commas or hyphens between, spell a supplied part ("v i l l a n u e v a",
// "s. t. o. r. y", "k-a-y"), or two run together ("s t p i e r r e" for
// St-Pierre).
func (s *scan) spelledAfter(n int) bool {
	var b [32]byte
	w := b[:0]
	for k := n; k >= 0 && len(w) < len(b); k = s.next(k) {
		t := &s.toks[k]
		if t.letters() && t.n() == 1 {
			w = append(w, s.low[t.s])
			continue
		}
		if t.punct('-') || t.punct('.') || t.punct(',') {
			continue
		}
		break
	}
	if len(w) < 2 {
		return false
	}
	if _, ok := s.kn().parts[string(w)]; ok {
		return true
	}
	for _, j := range s.kn().joined { // "s. t. p. i. e. r. r. e" for St-Pierre
		if j == string(w) {
			return true
		}
	}
	return false
}

// beforeSpelled: "jordan s. t. o. r. y": the part said, then another
// supplied part spelled out letter by letter.
func (s *scan) beforeSpelled(i int) bool {
	n := s.next(i)
	return n > 0 && s.toks[n].gap == gapSpace && s.spelledAfter(n)
}

// relationToo: "my daughter she's rose too": a relation, "she's" or
// "he's", the part, "too" or "also"; "she's black too" said of no relation
// keeps the word.
func (s *scan) relationToo(i int, p1, nx string) bool {
	if p1 != "she's" && p1 != "he's" || nx != "too" && nx != "also" || s.calendarWord(i) {
		return false
	}
	k := s.sameLinePrev(s.sameLinePrev(s.sameLinePrev(i))) // "she", "'", "s"
	for n := 0; n < 2 && k >= 0; n++ {
		if k = s.sameLinePrev(k); k >= 0 && s.toks[k].letters() && s.toks[k].is(lxRelation) {
			return true
		}
	}
	return false
}

// itIsSo: "yes it is hope so no more surgery", "that's grace so we": the
// part after "it is" or "that's", before "so"; a verb that takes "so"
// would need a subject ("i hope so"), and a month after "it's" is the
// month ("it's may so the pollen").
func (s *scan) itIsSo(i int, p knownPart, p1, p2, nx string) bool {
	if nx != "so" || modalNames[p.word] || s.calendarWord(i) {
		return false
	}
	return p1 == "is" && (p2 == "it" || p2 == "that") || p1 == "it's" || p1 == "that's"
}

// phraseOpeners before a word make it the word: an article, a possessive,
// a preposition, a subject pronoun, an auxiliary ("the hunter", "in may",
// "i hope", "will grant"). They are the part of wordMakers that opens a
// phrase, without its adverbs, conjunctions, adjectives and numbers
// ("just", "and", "bad", "two"), which a name can follow ("just sue
// honey"); TestPhraseOpenersAreWordMakers checks it.
var phraseOpeners = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "these": true,
	"those": true, "my": true, "your": true, "his": true, "her": true, "our": true, "their": true, "its": true,
	"some": true, "any": true, "no": true, "every": true, "each": true, "another": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "from": true, "for": true, "with": true, "by": true, "about": true,
	"into": true, "onto": true, "over": true, "under": true, "up": true, "down": true, "through": true, "per": true,
	"than": true, "as": true, "like": true, "i": true, "you": true, "we": true, "they": true, "he": true, "she": true,
	"it": true, "who": true, "will": true, "would": true, "can": true, "could": true, "should": true, "shall": true,
	"may": true, "might": true, "must": true, "do": true, "does": true, "did": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "been": true, "am": true, "have": true, "has": true, "had": true,
	"don't": true, "didn't": true, "won't": true, "can't": true, "not": true, "very": true, "so": true,
	"too": true, "more": true, "most": true, "i'll": true, "we'll": true, "you'll": true, "i'd": true, "it's": true,
	"that's": true, "there's": true, "what": true, "which": true, "whose": true, "such": true, "all": true}

// generationAfter: "rose junior your pressure", "ok pat senior": the
// generation said after the name, before what is said to them or the end
// of the clause ("a senior year", "hope junior high" keep the words).
func (s *scan) generationAfter(i int, p1, nx string) bool {
	if nx != "junior" && nx != "senior" && nx != "jr" && nx != "sr" || phraseOpeners[p1] && p1 != "so" {
		return false
	}
	n := s.next(i)
	if s.clauseEndAfter(n) {
		return true
	}
	switch s.nextWordAt(n) {
	case "your", "you", "you're", "and", "is", "was", "has", "had", "how", "how's", "said", "too", "ok", "so", "i",
		"we", "i'll", "we'll", "let's":
		return true
	}
	return false
}

// endearmentsAfter are said to the person named right before them: "just
// sue honey", "hunter buddy" (the narrow part of endearments: "a june
// baby", "blood sugar" keep their words).
var endearmentsAfter = map[string]bool{"honey": true, "hon": true, "buddy": true, "bud": true, "sweetie": true,
	"sweetheart": true, "darling": true, "kiddo": true, "pal": true, "champ": true, "dear": true}

// endearmentAfter: the part before a term of endearment that closes the
// clause or opens what is said to them ("just sue honey", "ok hunter buddy
// can i look"); "a hunter buddy program" and "we just hope dear" keep the
// words (an article, a subject before).
func (s *scan) endearmentAfter(i int, p knownPart, p1, p2, nx string) bool {
	if !endearmentsAfter[nx] || phraseOpeners[p1] && p1 != "so" {
		return false
	}
	// "we just hope, honey": an adverb between a subject and the verb.
	if verbNames[p.word] && (p1 == "just" || p1 == "really" || p1 == "still" || p1 == "also") && phraseOpeners[p2] {
		return false
	}
	n := s.next(i)
	if s.clauseEndAfter(n) {
		return true
	}
	w := s.nextWordAt(n)
	return addressStarters[w] || w == "so" || w == "ok" || questionWords[w]
}

// dateLeads before a month make it the month: "every april", "all
// august", "starting june", "come may".
var dateLeads = map[string]bool{"every": true, "all": true, "each": true, "whole": true, "mid": true, "early": true,
	"late": true, "since": true, "until": true, "till": true, "til": true, "thru": true, "through": true,
	"starting": true, "beginning": true, "begin": true, "end": true, "come": true, "by": true, "before": true,
	"after": true, "around": true, "during": true, "last": true, "next": true, "this": true, "that": true, "of": true,
	"in": true, "on": true, "from": true, "between": true, "and": true, "or": true, "past": true, "following": true,
	"throughout": true, "mid-": true, "into": true, "like": true, "than": true, "but": true}

// monthDoseWords after a number make it a dose or a measure, not a day:
// "april twenty milligrams".
var monthDoseWords = map[string]bool{"milligrams": true, "milligram": true, "mg": true, "micrograms": true,
	"grams": true, "kilos": true, "kilograms": true, "pounds": true, "units": true, "puffs": true, "tablets": true,
	"pills": true, "percent": true, "points": true, "milliliters": true, "mls": true, "ccs": true, "drops": true,
	"capsules": true, "beats": true, "degrees": true, "steps": true, "minutes": true, "hours": true}

// monthOutOfDate: a supplied month said where no date is: no
// preposition, article or number before it, and before what is said or
// asked of the person ("i know april sorry", "of pain august where
// exactly") or a dose ("ok april twenty milligrams"); "every april like
// clockwork", "april twenty second", "in august where" keep the month.
func (s *scan) monthOutOfDate(i int, p1, nx string) bool {
	if !s.toks[i].is(lxMonth) || p1 == "" || dateLeads[p1] || wordMakers[p1] || s.inNounPhrase(i) {
		return false
	}
	if pv := s.sameLinePrev(i); pv < 0 || !s.toks[pv].letters() || s.countAt(pv) || s.toks[pv].is(lxOrdWord|lxMonth|lxWeekday) {
		return false
	}
	switch nx {
	case "sorry", "thanks", "please", "where", "what", "how", "why", "who", "which", "how's", "what's", "where's",
		"do", "did", "are", "were", "can", "could", "would", "let's", "i'm", "you're", "that's", "we'll", "i'll",
		"don't", "honey", "ok", "okay":
		return true
	}
	// "april twenty milligrams": a number and a measure.
	k := s.next(i)
	if !s.countAt(k) {
		return false
	}
	for s.countAt(s.next(k)) {
		k = s.next(k)
	}
	return monthDoseWords[s.nextWordAt(k)]
}

// beforeApology: the part said to the person before "sorry" or
// "thanks", after a word that opens no phrase ("i know grant sorry", "the
// line is bad hunter thanks"); "i hope sorry", "at dawn sorry", "ten mark
// sorry" keep the words, and a modal there has lost its verb ("yes i
// will sorry").
func (s *scan) beforeApology(i int, p knownPart, p1, nx string) bool {
	if nx != "sorry" && nx != "thanks" || modalNames[p.word] || p1 == "" || dateLeads[p1] && s.calendarWord(i) || s.inNounPhrase(i) {
		return false
	}
	// "the line is bad rose thanks": a predicate adjective closes the
	// clause before the name.
	closed := (predicateAdjectives[p1] || p1 == "bad") && beVerbs[s.prevWordAt(i, 2)]
	if !closed && wordMakers[p1] {
		return false
	}
	pv := s.sameLinePrev(i)
	return pv >= 0 && s.toks[pv].letters() && !s.countAt(pv)
}

// sayingVerbs follow a person who says, asks or wants.
var sayingVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "thinks": true,
	"asked": true, "asks": true, "mentioned": true, "insisted": true, "texted": true, "wants": true, "knows": true,
	"noticed": true, "worries": true, "reminded": true}

// subjectOfSaying: the subject of a verb of saying after a word that opens
// no noun phrase ("ninety nine point five mark said my wife", "point five
// rose told me": a verb of saying after it, a name that is a verb in the
// past is none there); "the mark said", "my grant said" keep the words.
func (s *scan) subjectOfSaying(i int, p1, nx string) bool {
	if !sayingVerbs[nx] || phraseOpeners[p1] || adjBefore[p1] || fondWords[p1] || s.inNounPhrase(i) {
		return false
	}
	pv := s.sameLinePrev(i)
	return pv < 0 || s.toks[pv].letters() && !s.toks[pv].is(lxMedical) || s.toks[pv].digits()
}

// inNounPhrase: an article or a possessive two words before token i, with
// a word between that may modify it: "the deer hunter said", "a tough
// april sorry".
func (s *scan) inNounPhrase(i int) bool {
	switch s.prevWordAt(i, 2) {
	case "a", "an", "the", "this", "that", "my", "your", "his", "her", "our", "their", "last", "next", "every":
		return s.toks[s.sameLinePrev(i)].letters()
	}
	return false
}

// pastVerbAfterNoun: a name that is a verb in the past ("rose", "drew")
// after a word that may end its subject ("the fever rose", "your sugar
// rose you need to"): the verb, unless a discourse word opens the
// clause before it.
func (s *scan) pastVerbAfterNoun(p knownPart, p1 string) bool {
	return pastVerbNames[p.word] && p1 != "" && !discourseWords[p1] && !greetings[p1]
}

// youDoVerbs follow "you" in what the listener is told to do or does.
var youDoVerbs = map[string]bool{"start": true, "take": true, "need": true, "should": true, "must": true,
	"can": true, "will": true, "have": true, "are": true, "were": true, "look": true, "seem": true, "sound": true,
	"stop": true, "keep": true, "come": true, "call": true, "go": true, "get": true, "use": true, "try": true,
	"might": true, "could": true, "did": true, "do": true}

// personObjectVerbs are names that are verbs taking a person: "we bill you",
// "grant you that", "mark you down".
var personObjectVerbs = map[string]bool{"grant": true, "bill": true, "pat": true, "mark": true, "sue": true,
	"rob": true, "chase": true, "skip": true, "drew": true, "trust": true, "wish": true, "page": true, "jack": true,
	"bob": true, "wade": true}

// beforeYouDo: the part before "you" and what the listener does, after a
// word that closes a noun phrase ("the new plan faith you start the pill");
// "have faith you will", "the hope you have", "in june you start" keep the
// words, and a modal or a verb that takes a person before "you" stays the
// verb.
func (s *scan) beforeYouDo(i int, p knownPart, p1, nx string) bool {
	if nx != "you" || modalNames[p.word] || clauseVerbs[p.word] || personObjectVerbs[p.word] || p1 == "" || s.pastVerbAfterNoun(p, p1) ||
		wordMakers[p1] || dateLeads[p1] && s.calendarWord(i) || adjBefore[p1] {
		return false
	}
	pv := s.sameLinePrev(i)
	if pv < 0 || !s.toks[pv].letters() || s.countAt(pv) || s.toks[pv].is(lxMedical) && !s.toks[pv].is(lxCommon) {
		return false
	}
	return youDoVerbs[s.nextWordAt(s.next(i))]
}

// setOffBeforeSpeaker: the part set off by a comma before the speaker's
// next clause ("it could be hunter, we'll treat it"); an article,
// preposition or subject before it keeps the word ("we have hope, we'll
// get through", "see you in june, we'll talk"), and a month after a verb
// of being stays the month ("it's may, we'll plant").
func (s *scan) setOffBeforeSpeaker(i int, p knownPart, p1 string) bool {
	n := i + 1
	if n >= len(s.toks) || !s.toks[n].punct(',') || s.toks[n].gap == gapLine {
		return false
	}
	switch s.nextWordAt(n) {
	case "we'll", "i'll", "let's", "we're", "i'm", "we've", "i've":
	default:
		return false
	}
	if modalNames[p.word] || s.calendarWord(i) || p1 == "" || s.pastVerbAfterNoun(p, p1) || s.countAt(s.sameLinePrev(i)) {
		return false
	}
	switch p1 {
	case "be", "is", "was":
		return !clauseVerbs[p.word] && s.prevWordAt(i, 2) != "there"
	}
	return !wordMakers[p1] && !adjBefore[p1]
}

// openedBeforeYours: the part after a discourse word, before "and your"
// ("ok hunter and your date of birth", "ok may and your number"): no modal
// is followed by "and", and no month by "and your" after "ok".
func (s *scan) openedBeforeYours(i int, p knownPart, nx string) bool {
	if nx != "and" || s.turnStart(i) || !discourseWords[s.prevWordAt(i, 1)] {
		return false
	}
	switch s.nextWordAt(s.next(i)) {
	case "your", "you", "you're":
		return true
	}
	return false
}

// andThenRequest: the part after the "and" that opens a turn, before a
// request ("and florence drink a lot of fluids", "and summer keep the leg
// up": no bare month or season is a time there); "and may take a while"
// keeps the modal.
func (s *scan) andThenRequest(i int, p knownPart, p1, nx string) bool {
	if p1 != "and" || !imperativeVerbs[nx] || modalNames[p.word] || clauseVerbs[p.word] {
		return false
	}
	return s.turnStart(s.sameLinePrev(i))
}

// sharedCounted: the plural of a given name two supplied people share,
// after "two" or "both" ("two roses", "so we have two pats").
func (s *scan) sharedCounted(i int) bool {
	if len(s.kn().shared) == 0 {
		return false
	}
	switch s.prevWordAt(i, 1) {
	case "two", "both":
	default:
		return false
	}
	t := &s.toks[i]
	stem := s.low[t.s : t.e-1]
	for _, w := range s.kn().shared {
		if w == stem {
			return true
		}
	}
	return false
}
