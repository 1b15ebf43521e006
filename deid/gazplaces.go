package deid

import "strings"

// Places from the gazetteer (data/gazetteer.txt): towns and cities, the
// names of hospitals without their facility words, hospital acronyms, and
// city nicknames, in the positions that make them places, written in any
// case as transcripts write them. The gazetteer's flags are in token.gaz;
// the rules of places.go see only the hand-written lexicon's.
//
//   - a town or city after a preposition of place ("moved to pekin", "the
//     gym in bixby", "from Belton"); a town that is also a word or a name
//     ("normal", "warren", "hope") only where the clause ends there or goes
//     on to another clause;
//   - a town, city or hospital before a site word ("the tulsa yard", "the
//     kernersville office", "the beaumont wound center");
//   - a hospital's name after at/to/from ("works at regions", "an echo at
//     saint francis", "transferred to Hopkins"), and before facility words
//     in lower case ("kootenai health", "ball memorial");
//   - a hospital acronym or an unknown one after at/to/from a care verb
//     ("seen at OHSU", "transferred to UCSF", "admit to UMC");
//   - a city nickname or abbreviation ("NOLA", "Philly", "ATL", "KC") after
//     a preposition of place or before a site word ("our ATL clinic");
//   - a place answered alone ("the one in dearborn or royal oak" /
//     "dearborn").

// gazPlaceFlags mark a token the gazetteer knows as a place or a hospital.
const gazPlaceFlags = gzCity | gzTown | gzPhraseHead | gzFacHead | gzFacAcro

// placePreps introduce a place.
var placePreps = map[string]bool{"in": true, "from": true, "to": true, "near": true, "outside": true, "around": true,
	"at": true, "into": true, "toward": true, "towards": true, "through": true, "via": true, "of": true, "past": true,
	// Spanish, Portuguese, French: "vive en tijuana", "mora em recife".
	"en": true, "em": true}

// siteNouns after a place name make it the name of a site: "the tulsa
// yard", "our ATL clinic".
var siteNouns = map[string]bool{"office": true, "offices": true, "clinic": true, "lab": true, "campus": true,
	"plant": true, "yard": true, "location": true, "branch": true, "pharmacy": true, "hospital": true, "store": true,
	"library": true, "site": true, "facility": true, "center": true, "centre": true, "er": true, "ed": true,
	"hub": true, "warehouse": true, "depot": true, "shelter": true, "jail": true, "courthouse": true,
	"airport": true, "practice": true, "satellite": true, "area": true, "public": true, "wound": true,
	"infusion": true, "imaging": true, "surgery": true, "dialysis": true, "urgent": true, "health": true,
	"walmart": true, "target": true, "mall": true, "school": true, "team": true, "unit": true}

// gazPhraseAt returns the last token of the longest gazetteer phrase with
// a flag in f that starts at token i, or -1. Phrases are written in any case.
func (s *scan) gazPhraseAt(i int, f uint64) (int, uint64) {
	if s.toks[i].gaz&gzPhraseHead == 0 {
		return -1, 0
	}
	key, ends, m := s.phraseKeys(i, 4)
	for n := m; n >= 2; n-- {
		if pf := gazPhraseFlags(key[:ends[n]]); pf&f != 0 {
			e := s.phraseEnd(i, n)
			for k := i + 1; k <= e; k++ {
				if s.toks[k].gap == gapLine {
					return -1, 0
				}
			}
			return e, pf
		}
	}
	return -1, 0
}

// placeAfterPrep reports a preposition of place right before token i on its
// line, and which one.
func (s *scan) placeAfterPrep(i int) (string, bool) {
	p := s.sameLinePrev(i)
	if p >= 0 && s.eq(p, "the") && (s.toks[i].upper() || s.toks[i].gaz&gzPhraseHead != 0 && s.facilityPhraseAt(i) ||
		s.toks[i].gaz&gzFacHead != 0 && s.hospitalPlaceBefore(p, false) && s.hospitalEndsAfter(i)) {
		// "in The Woodlands", "over at the mount sinai", "sent me to the
		// rockyview", "delivered at the rotunda": a hospital's head, said
		// with "the" as British and Irish speakers do, where the words
		// around speak of care and no noun follows ("the kerry match",
		// "near the beach" stay).
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() {
		return "", false
	}
	w := s.lower(p)
	if w == "against" {
		// "the game against coppell", "we played against lakota": a team
		// named by its town.
		q := s.sameLinePrev(p)
		return w, q >= 0 && sportWords[s.lower(q)]
	}
	if w == "de" {
		// "soy de oaxaca", "vengo de durango": where a person is from
		// (Spanish); "de" alone is "of".
		switch s.prevWordAt(p, 1) {
		case "soy", "somos", "eres", "vengo", "viene", "vienen", "venimos", "originario", "originaria":
			return w, true
		}
		return w, false
	}
	if w == "of" {
		// "a cruise out of galveston", "flew out of denver": "out of"
		// leaves a place spelled like no English word ("out of luck"
		// stays).
		q := s.sameLinePrev(p)
		return w, q >= 0 && s.eq(q, "out") && s.toks[i].gaz&gzWord == 0 && s.toks[i].lex&lxWord == 0 && !englishOrCompound(s.lower(i))
	}
	return w, placePreps[w]
}

// facilityPhraseAt: a hospital's name of several words of the gazetteer
// opens at i ("mount sinai", "mount auburn").
func (s *scan) facilityPhraseAt(i int) bool {
	e, pf := s.gazPhraseAt(i, lxFacHead)
	return e > i && pf&lxFacHead != 0 && pf&(lxWord|lxCityAmb) == 0
}

// sportWords before "against" make the next words a team named by its
// town.
var sportWords = map[string]bool{"game": true, "games": true, "match": true, "played": true, "play": true, "playing": true,
	"plays": true, "scrimmage": true, "tournament": true, "meet": true, "beat": true, "lost": true, "won": true}

// clauseGoesOn: after token e the clause ends or another begins ("in warren
// and she", "in normal, tx", "to pekin it's closer").
func (s *scan) clauseGoesOn(e int) bool {
	if s.clauseEndAfter(e) || s.contractionAfter(e) {
		return true
	}
	n := s.next(e)
	if n < 0 {
		return true
	}
	t := &s.toks[n]
	if t.kind == tkPunct {
		return t.ch == ')' || t.ch == '(' || t.ch == '-' || t.ch == ':' || t.ch == '"'
	}
	if t.is(lxStateAbbr|lxState) || t.gaz&gzCity != 0 && t.is(lxStateAbbr) {
		return true
	}
	switch s.lower(n) {
	case "and", "or", "but", "so", "because", "then", "for", "with", "to", "on", "at", "where", "who", "which", "when",
		"i", "we", "he", "she", "they", "it", "it's", "i'm", "he's", "she's", "that's", "last", "next", "this", "every",
		"since", "until", "now", "yet", "is", "was", "are", "were", "area", "after", "before", "during", "about", "by",
		"all", "most", "mostly", "tomorrow", "today", "yesterday", "right", "too", "also", "there", "here",
		"anymore", "um", "uh", "like", "you", "my", "our", "his", "her", "their", "instead", "actually",
		"originally", "county", "city", "town", "north", "south", "east", "west", "in", "from", "back", "over",
		"visiting", "staying", "near":
		return true
	}
	return false
}

// lowerCityState: a listed town in lower case before a comma and its
// state ("so, austin, texas, that's where you grew up", "we were in
// jackson, mississippi"): the town, whatever else its word is on the name
// lists; the state stays. An everyday or clinical word stays ("i feel
// normal, texas heat").
func (s *scan) lowerCityState(i int) bool {
	t := &s.toks[i]
	if t.upper() || !t.letters() || t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxState|lxCountry) != 0 || t.gaz&gzWord != 0 {
		return false
	}
	end := i
	if e, _ := s.gazPhraseAt(i, lxCity|lxTown); e > i {
		end = e
	} else if t.lex&(lxCity|lxCityAmb) == 0 && t.gaz&(gzCity|gzTown) == 0 {
		return false
	}
	c := end + 1
	if c+1 >= len(s.toks) || !s.toks[c].punct(',') || s.toks[c].gap != gapNone || s.toks[c+1].gap != gapSpace ||
		!s.toks[c+1].letters() || s.toks[c+1].upper() {
		return false
	}
	if !s.toks[c+1].is(lxState) && !s.phraseStartsAt(c+1, lxState) {
		return false
	}
	s.addTok(i, end, Location, prCue)
	return true
}

// stateFacility: a state's name and a word that makes it a hospital, a
// health system or a university, after a preposition of place: "seen at
// ohio state", "at Michigan Medicine", "transferred to arizona general",
// "from Nebraska Medicine". The state alone, and "in texas state law",
// stay.
func (s *scan) stateFacility(i int) bool {
	n := s.next(i)
	p := s.sameLinePrev(i)
	if n < 0 || p < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[i].allUpper() || !s.toks[p].letters() {
		return false
	}
	w := s.lower(n)
	if !stateFacilityWords[w] || s.toks[i].upper() != s.toks[n].upper() {
		return false
	}
	switch s.lower(p) {
	case "at", "to", "from":
	case "in", "into":
		if w == "state" {
			return false
		}
	default:
		return false
	}
	if m := s.next(n); w == "state" && m > 0 && s.toks[m].gap == gapSpace && s.toks[m].letters() && stateThings[s.lower(m)] {
		return false // "to texas state law", "the georgia state line"
	}
	s.addTok(i, n, Location, prCue)
	return true
}

// stateFacilityWords after a state's name make a place of care or study
// ("Regional" and "Memorial" need care said near: memorialOrRegional).
var stateFacilityWords = wordsOf("state general medicine health methodist baptist presbyterian")

// stateThings after "<state> state" make it the state's own: its law, its
// line, its police.
var stateThings = wordsOf("law laws line lines police troopers prison parks park fair")

// gazPlaceAt runs at a token the gazetteer knows as a place or hospital.
func (s *scan) gazPlaceAt(i int) bool {
	t := &s.toks[i]
	// Capitals open a listed name too: "at MD Anderson".
	if !t.letters() || t.allUpper() && t.n() > 1 && t.gaz&gzFacAcro == 0 && !(t.n() <= 3 && s.placePhraseAt(i)) || t.is(lxTitle|lxTitleClin) {
		return false
	}
	// A state or a country opens a place of the gazetteer only as the
	// first word of its name: "Iowa City", "in michigan city", "Panama
	// City"; alone it is the state's (Safe Harbor keeps states).
	if t.is(lxState | lxCountry) {
		if e, f := s.gazPhraseAt(i, lxCity|lxTown); e <= i || f&(lxCity|lxTown) == 0 {
			return false
		}
	}
	if i > 0 && t.gap == gapNone && (s.toks[i-1].punct('-') || s.toks[i-1].punct('\'')) {
		return false // inside a hyphenated word started earlier
	}
	// Every case below needs one of these; check them before the phrase
	// look-ups: a preposition or determiner before, a capitalized town, the
	// start of a turn.
	if s.denominationHospital(i) {
		return true
	}
	if p := s.sameLinePrev(i); !(p < 0 || s.turnStart(i) || t.upper() && t.gaz&gzCity != 0 ||
		s.toks[p].letters() && (s.tokIn(placePrepSet, p) || s.eq(p, "de") || s.eq(p, "the") || s.eq(p, "our") || s.eq(p, "their") || s.eq(p, "against") ||
			s.eq(p, "your") || s.eq(p, "my")) || t.upper() && t.gaz&gzPhraseHead != 0 && s.capitalHospitalPhrase(i) ||
		s.hospitalBeforeCampus(i)) {
		return false
	}
	// The phrase or word, and how sure the gazetteer is of it.
	end, pf := s.gazPhraseAt(i, lxCity|lxFacHead)
	if end <= i && t.is(lxMonth|lxWeekday) {
		return false // a month or a day, unless it opens a place's name ("sun city", "friday harbor")
	}
	flags := pf
	if end < 0 {
		// The gazetteer's flags, or the hand-written city lists'.
		g := gzLex(t.gaz) | t.lex&(lxCity|lxCityAmb)
		if t.lex&lxCityAmb != 0 && t.lex&(lxFirst|lxSur) != 0 {
			// A city of the hand lists spelled like a name ("jackson",
			// "austin"): a town, not an English word.
			g = g&^lxCityAmb | lxTown
		}
		if g&(lxCity|lxTown|lxFacHead) == 0 {
			return false
		}
		end, flags = i, g
		// "cap-haitien", "wilkes-barre": the hyphenated rest.
		end = s.hyphenatedEnd(end)
	}
	if t.lex&(lxCommon|lxMedical|lxUnitWord|lxCue|lxDigitWord|lxTeenWord|lxTensWord|lxOrdWord|lxRelation|lxCredential) != 0 &&
		t.lex&(lxCity|lxFirst|lxSur) == 0 && end == i {
		return false // an everyday or clinical word of the hand lexicon
	}
	prep, afterPrep := s.placeAfterPrep(i)
	plain := flags&(lxCity|lxFacHead) != 0 && flags&(lxCityAmb|lxWord|lxTown) == 0 && t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb|lxCityAmb) == 0
	// An answer to a question of where: "you had the cath where" / "at
	// beaumont", "and the gi doc is at" / "northwestern downtown".
	answer := !t.upper() && (afterPrep && prep != "of" || s.turnStart(i)) && s.placeQuestionBefore(i) ||
		!t.upper() && prep == "at" && s.atQuestion(i)
	// A place spelled like an English word ("normal", "person", "grant")
	// needs a verb of living, moving or care before it.
	// A place or hospital spelled like an English word ("normal", "grant",
	// "regions", "person") needs a verb before it: of living or moving for
	// a town ("lives in normal"), of care or work for a hospital ("works at
	// regions").
	if flags&(lxCityAmb|lxWord) != 0 || t.lex&lxCityAmb != 0 {
		plain = false
		// A name of several words ("east haven", "bowling green") after a
		// preposition of place and at a clause end is the place; a single
		// word needs the verb too.
		phrase := end > i && prep != "at" && s.clauseGoesOn(end)
		// Before a site word after a determiner, a place of several
		// words or one on no word list: "the sterling heights plant",
		// "the oxford office" (not "the mobile clinic").
		siteName := s.siteAfterDet(i, end) && (end > i || t.lex&(lxCommon|lxFirst|lxSur) == 0 && t.gaz&gzWord == 0) ||
			s.policeAfter(i, end)
		if !(s.placeVerbBefore(i) && (s.strictEnd(end) || s.phraseOfStayAfter(i, end))) && !phrase && !siteName && !answer && !s.keeperInBefore(i, end) {
			flags &^= lxCity
		}
		if !s.careBefore(i) && !(s.wentBefore(i) && !s.goingToBefore(i) && s.timeOrEndAfter(end)) && !s.careAfter(end) && !answer {
			flags &^= lxFacHead
		}
	}
	site := false
	// "the broken arrow one": a place of several words, or on no other
	// list, before "one" is a site too ("the tulsa one"; not "the normal
	// one").
	if n := s.next(end); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() &&
		(siteNouns[s.lower(n)] || s.eq(n, "one") && (end > i && flags&(lxCity|lxTown) != 0 || plain) && s.clauseEndAfter(n)) {
		site = s.sameLinePrev(i) >= 0 && (s.eq(s.sameLinePrev(i), "the") || s.eq(s.sameLinePrev(i), "our") || s.eq(s.sameLinePrev(i), "their") ||
			s.eq(s.sameLinePrev(i), "your") || s.eq(s.sameLinePrev(i), "my"))
	}
	ok, prio := false, prShape
	switch {
	case site || s.policeAfter(i, end) || end == i && s.hospitalBeforeCampus(i):
		ok = true
	case end > i && s.capitalHospitalPhrase(i):
		ok, prio = true, prCue // over a name read in the same words ("Johns Hopkins Bayview")
	case afterPrep && plain && (prep != "at" || s.clauseGoesOn(end) || flags&lxFacHead != 0):
		ok = true
	case answer && flags&(lxFacHead|lxCity|lxTown) != 0:
		ok = true
	case afterPrep && s.clauseGoesOn(end) && !(prep == "to" && !plain && end == i && !s.strictEnd(end) && !s.wentBefore(i) &&
		!(t.gaz&(gzTown|gzCity) != 0 && s.placeVerbBefore(i))):
		// ("to hope for" is the verb; "moved to hope." the town.)
		// A place that is also a word or a name: only where the clause
		// ends after it ("lives in normal", "from jackson tomorrow"); a
		// hospital named with words ("good samaritan") after a verb of
		// care ("works at regions").
		ok = prep != "at" || flags&lxFacHead != 0 && (flags&lxWord == 0 || s.careBefore(i) || s.careAfter(end)) ||
			flags&(lxTown|lxCity) != 0 && s.careBefore(i)
	case flags&(lxCity|lxTown) != 0 && s.keeperInBefore(i, end):
		// "my daughter in savannah found me", "the clinic in paradise said".
		ok = true
	case afterPrep && prep == "at" && flags&lxFacHead != 0 && s.careBefore(i):
		// "my cardiologist at northwestern wants", "surgery at mercy was".
		ok = true
	case t.upper() && plain && flags&lxCity != 0 && t.gaz&gzCity != 0 && !t.allUpper() && !s.lineStart(i) && !s.afterSentenceEnd(i) &&
		!s.eponymAfter(end) && !s.eponymAfterWord(end):
		// A capitalized town on no other list, mid-sentence: "a man from
		// Belton admitted", "trucks in Amarillo and Tucumcari".
		ok = true
	case !t.upper() && s.aloneInTurn(i, end) && (plain || flags&lxTown != 0):
		ok = true
	case t.upper() && !t.allUpper() && flags&lxTown != 0 && afterPrep && (prep == "in" || prep == "to" || prep == "near" ||
		prep == "outside" || prep == "from" && !s.messageBefore(i)):
		// A capitalized town spelled like a name, after a preposition of
		// place: "a man from Belton admitted", "moved to Jackson".
		ok = true
	}
	if ok && (s.eponymAfter(end) || s.eponymAfterWord(end) || s.eponymAhead(end)) && !s.cueBefore(i, lxPlaceCue, 3) {
		return false // "St. Louis encephalitis", "Lugano modification"
	}
	if ok && flags&(lxCity|lxFacHead|lxTown) == 0 {
		return false
	}
	if ok && afterPrep && prep == "in" && end == i && !t.upper() && inIdioms[s.lower(i)] {
		return false // "seen in person", "said in public"
	}
	if !ok {
		return false
	}
	// A facility word after a hospital's name belongs to it: "kootenai
	// health", "ball memorial", "Glendale Adventist".
	end = s.facilityWordsAfter(end)
	s.addTok(i, end, Location, prio)
	return true
}

// hospitalBeforeCampus: token i, capitalized, is a hospital's name of the
// gazetteer before its campus ("Ochsner Main Campus", "Vanderbilt Main
// Hospital"), wherever it stands.
func (s *scan) hospitalBeforeCampus(i int) bool {
	t := &s.toks[i]
	if !t.upper() || t.allUpper() && t.gaz&gzFacAcro == 0 || t.gaz&gzFacHead == 0 || s.titleBefore(i) {
		return false
	}
	n := s.next(i)
	return n > 0 && s.toks[n].gap == gapSpace && s.eq(n, "main") && s.campusNameAt(n) > 0
}

// capitalHospitalPhrase: a hospital's name of two words or more from the
// gazetteer, capitalized and spelled like no English phrase, starts at
// token i: it names the hospital wherever it stands ("Pt: Dov R, 27, NYU
// Langone Tisch, 14 East"), with no preposition before it.
func (s *scan) capitalHospitalPhrase(i int) bool {
	t := &s.toks[i]
	if !t.upper() || t.gaz&gzPhraseHead == 0 || s.lineStart(i) && s.toks[i].allUpper() || s.titleBefore(i) {
		return false // "Dr. Johns Hopkins" is a person
	}
	if w := s.lower(i); w == "st" || w == "saint" || w == "san" || w == "santa" {
		return false // a saint's name names companies and churches too ("St. Jude Medical" devices)
	}
	e, f := s.gazPhraseAt(i, lxFacHead)
	if e <= i || f&(lxWord|lxCityAmb) != 0 {
		return false
	}
	odd := false
	for k := i; k <= e; k++ {
		if s.toks[k].letters() && !s.toks[k].upper() {
			return false
		}
		odd = odd || s.toks[k].letters() && !s.dictionaryWord(k) && !s.tokIn(functionWordSet, k)
	}
	// Not "The Good Samaritan story"; a phrase said as a sentence of its
	// own is the hospital, in words or not ("The Brigham? No. Mass
	// General.").
	return odd || s.sentenceOfItsOwn(i, e)
}

// sentenceOfItsOwn: tokens i..e are a sentence or a turn by themselves.
func (s *scan) sentenceOfItsOwn(i, e int) bool {
	if p := s.sameLinePrev(i); p >= 0 && !s.turnStart(i) && !s.toks[p].punct('.') && !s.toks[p].punct('?') && !s.toks[p].punct('!') {
		return false
	}
	n := s.next(e)
	return n < 0 || s.toks[n].punct('.') || s.toks[n].punct('?') || s.toks[n].punct('!')
}

// policeAfter: a capitalized town before its police or fire department
// ("Converse PD", "Plano Police Department", "Yakima County Sheriff").
func (s *scan) policeAfter(i, end int) bool {
	n := s.next(end)
	if n < 0 || !s.toks[i].upper() || s.toks[i].allUpper() || s.toks[n].gap != gapSpace || !s.toks[n].capWord() {
		return false
	}
	switch s.lower(n) {
	case "pd", "police", "sheriff", "sheriff's", "fd":
		return true
	case "fire":
		m := s.next(n)
		return m > 0 && (s.eq(m, "department") || s.eq(m, "dept") || s.eq(m, "rescue"))
	}
	return false
}

// siteAfterDet: a determiner before token i and a site word after token
// end ("the tulsa yard", "our oxford office").
func (s *scan) siteAfterDet(i, end int) bool {
	n, p := s.next(end), s.sameLinePrev(i)
	if n < 0 || p < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() || !siteNouns[s.lower(n)] {
		return false
	}
	return s.eq(p, "the") || s.eq(p, "our") || s.eq(p, "their") || s.eq(p, "your") || s.eq(p, "my")
}

// contractionAfter: the word after token e is a pronoun's contraction
// that opens a clause ("from pine ridge that's like five hours", "to pekin
// there's a bus"): the tokenizer splits "that's" into "that", "'", "s".
func (s *scan) contractionAfter(e int) bool {
	switch s.nextWordAt(e) {
	case "that's", "there's", "it's", "she's", "he's", "we're", "they're", "i'm", "i've", "we've", "it'll", "that'll":
		return true
	}
	return false
}

// careBefore: a verb of care or work before the preposition before token i
// ("works at regions", "seen at mercy").
func (s *scan) careBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p >= 0 && s.eq(p, "the") {
		p = s.sameLinePrev(p)
	}
	q := s.sameLinePrev(p)
	for n := 0; n < 2 && q >= 0 && (s.eq(q, "nights") || s.eq(q, "days") || s.eq(q, "there") || s.eq(q, "now")); n++ {
		q = s.sameLinePrev(q)
	}
	if q >= 0 && (s.eq(q, "is") || s.eq(q, "was") || s.eq(q, "are") || s.eq(q, "were")) {
		// "my cardiologist is at atrium", "her pcp was at mercy": a
		// clinician, or care, as the subject of "is at".
		if r := s.sameLinePrev(q); r >= 0 && s.toks[r].letters() && (workVerbs[s.lower(r)] || specialtyWord(s.lower(r))) {
			return true
		}
	}
	if q >= 0 && carriedObjects[s.lower(q)] {
		// "they had me at cermak", "kept him at": someone held for care.
		r := s.prevWordAt(q, 1)
		return r == "had" || r == "kept" || r == "admitted" || r == "transferred"
	}
	return q >= 0 && (workVerbs[s.lower(q)] || birthWords[s.lower(q)] || s.clinicianEndsAt(q))
}

// clinicianEndsAt: token q ends a clinician's name said with a title ("saw
// doctor o'malley at mercy", "dr. kim at regions"): a hospital follows
// "at" after it.
func (s *scan) clinicianEndsAt(q int) bool {
	if !s.toks[q].letters() {
		return false
	}
	k := q
	for k >= 2 && s.toks[k].gap == gapNone && (s.toks[k-1].punct('\'') || s.toks[k-1].punct('-')) && s.toks[k-1].gap == gapNone &&
		s.toks[k-2].letters() {
		k -= 2
	}
	return s.titleBefore(k) && s.toks[k].lex&(lxCommon|lxMedical) == 0
}

// placeQuestionBefore: the line before token i's asks where care was had
// or where someone is ("you had the cath where", "so the gi doc is at",
// "any other hospitals"), so a hospital or town spelled like a word that
// opens the answer or follows its preposition needs no verb of care or
// living of its own ("at cedars for the gallbladder", "northwestern
// downtown"). A question of where it hurts is none ("where does it hurt" /
// "at the joint").
func (s *scan) placeQuestionBefore(i int) bool {
	b, a := s.prevLineBounds(i)
	if a == 0 {
		return false
	}
	asks, last, prevLast := false, "", ""
	for k := b; k < a; k++ {
		if !s.toks[k].letters() {
			continue
		}
		w := s.lower(k)
		switch w {
		case "where", "hospital", "hospitals", "clinic", "clinics":
			asks = true
		case "hurt", "hurts", "hurting", "pain", "ache", "aches", "feel", "felt", "itch", "itches", "sore", "rash",
			"radiate", "radiates", "spread", "swelling", "numb", "tingling":
			return false
		}
		prevLast, last = last, w
	}
	return asks || last == "at" || last == "from" || last == "is" && prevLast == "home"
}

// answerAcronymAt: a lower-case word of three to five letters on no list
// (or on the gazetteer's hospital acronyms only), not English, with at most one vowel, opening the answer to a question of
// where or after its preposition, before the clause ends or goes on: an
// acronym read as a word ("where was that" / "ummc downtown", "you had the
// surgery at" / "msk in new york"). Hesitations ("hmm", "mhm") have fewer
// than three letters of their own.
func (s *scan) answerAcronymAt(i int) bool {
	w := s.lower(i)
	vowels, distinct := 0, 0
	var seen [26]bool
	for j := 0; j < len(w); j++ {
		c := w[j]
		if c < 'a' || c > 'z' {
			return false
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			vowels++
		}
		if !seen[c-'a'] {
			seen[c-'a'] = true
			distinct++
		}
	}
	if vowels > 1 || distinct < 3 {
		return false
	}
	if !s.turnStart(i) {
		if prep, ok := s.placeAfterPrep(i); !ok || prep == "of" {
			return false
		}
	}
	goesOn := s.clauseGoesOn(i)
	switch s.nextWordAt(i) {
	case "downtown", "uptown", "still", "the":
		goesOn = true // "ummc downtown", "msk still", "umcg the main campus"
	}
	if eng := s.englishTok(i); eng || !goesOn || !s.placeQuestionBefore(i) && !s.stayedAtAcronym(i) {
		return false
	}
	s.addTok(i, i, Location, prShape)
	return true
}

// stayedAtAcronym: the acronym at i is where a person stayed for a time:
// a verb of being or staying before its preposition and the stay's length
// or time after it ("i was at hsc for three weeks", "you were at rpa last
// week").
func (s *scan) stayedAtAcronym(i int) bool {
	// After "at" only ("she was in pcu for two days" is a unit), where
	// care is spoken of ("i was at bjs for an hour" is a store).
	if s.prevWordAt(i, 1) != "at" || !s.careWordNear(i) {
		return false
	}
	switch s.prevWordAt(i, 2) {
	case "was", "were", "been", "stayed", "admitted", "transferred", "sent", "seen", "treated", "kept":
	default:
		return false
	}
	switch s.nextWordAt(i) {
	case "for", "last", "since", "until", "till", "after", "in", "on", "overnight":
		return true
	}
	return false
}

// unlistedPlaceAnswer: a lower-case word of four letters or more and two
// vowels on no list and no English word, opening the answer to a question of where
// (placeQuestionBefore: "and home is" / "hermannsburg, out west of alice",
// "where were you before" / "nims in punjagutta") or after "yes", "then"
// or "and" there, before a comma, the line's end or a word that goes on
// about the place ("in", "near", "for", "then", "since"): the place said
// alone. A supplied name is left to the metadata rules.
func (s *scan) unlistedPlaceAnswer(i int) bool {
	t := &s.toks[i]
	if t.upper() || !t.letters() || t.n() < 4 || t.lex != 0 || t.gaz != 0 || s.isKnown(i) {
		return false
	}
	// Two vowels or more: a hesitation ("ummm", "hmmm", "ahhh") has one.
	vowels := 0
	for _, c := range s.lower(i) {
		if strings.ContainsRune("aeiouy", c) {
			vowels++
		}
	}
	if vowels < 2 {
		return false
	}
	if !s.turnStart(i) {
		p := s.sameLinePrev(i)
		if p < 0 || !s.turnStart(p) {
			return false
		}
		switch s.lower(p) {
		case "yes", "yeah", "then", "and", "um", "uh", "oh", "well":
		default:
			return false
		}
	}
	if n := s.next(i); n >= 0 && s.toks[n].gap != gapLine {
		switch {
		case s.toks[n].punct(',') || s.toks[n].punct('.'):
		case s.toks[n].letters() && answerGoesOn[s.lower(n)]:
		default:
			return false
		}
	}
	if s.englishTok(i) || !s.homeQuestionBefore(i) || tripledLetter(s.lower(i)) {
		return false
	}
	s.addTok(i, i, Location, prShape)
	return true
}

// prevLineBounds returns the first token of the line before token i's (b)
// and the first of i's own line (a); a is 0 on the first line, b never
// below 0.
func (s *scan) prevLineBounds(i int) (b, a int) {
	a = i
	for a > 0 && s.toks[a].gap != gapLine {
		a--
	}
	b = max(a-1, 0)
	for b > 0 && s.toks[b].gap != gapLine {
		b--
	}
	// A caption's timing line between two cues ("00:00:36.600 -->
	// 00:00:39.100") is not the line before: the cue before it is.
	for n := 0; n < 2 && b > 0 && s.timingLine(b); n++ {
		e := b
		b = e - 1
		for b > 0 && s.toks[b].gap != gapLine {
			b--
		}
	}
	return b, a
}

// timingLine: the line starting at token b is a caption's timing ("00:00:36.600
// --> 00:00:39.100", "00:01:02,500 --> 00:01:05,000") or its cue number:
// digits and marks only, with an arrow's ">" or nothing but one number.
func (s *scan) timingLine(b int) bool {
	arrow, n := false, 0
	for k := b; k < len(s.toks) && (k == b || s.toks[k].gap != gapLine); k++ {
		t := &s.toks[k]
		switch {
		case t.digits():
		case t.punct('>'):
			arrow = true
		case t.punct(':') || t.punct('.') || t.punct(',') || t.punct('-'):
		default:
			return false
		}
		n++
	}
	return arrow || n == 1 && s.toks[b].digits()
}

// homeQuestionBefore: the line before token i's asks where someone lives,
// comes from or stays ("and home is", "where do you live", "you moved
// here from", "where were you born"), not where something is, was bought
// or hurts.
func (s *scan) homeQuestionBefore(i int) bool {
	b, a := s.prevLineBounds(i)
	if a == 0 {
		return false
	}
	home, mover, last := false, false, ""
	for k := b; k < a; k++ {
		if !s.toks[k].letters() {
			continue
		}
		w := s.lower(k)
		switch w {
		case "live", "living", "lives", "born", "home", "staying", "grew", "raised", "based", "hometown", "suburb":
			home = true
		case "moved", "came", "come", "coming", "originally", "flew", "drove", "transferred", "are", "were":
			mover = true
		}
		last = w
	}
	return home || last == "from" && mover
}

// tripledLetter: a letter three times in a row ("nooo", "aaah", "yeahhh"),
// as a drawn-out sound is written.
func tripledLetter(w string) bool {
	for j := 2; j < len(w); j++ {
		if w[j] == w[j-1] && w[j] == w[j-2] {
			return true
		}
	}
	return false
}

// genericHospitals are words a town's hospital is called by, after "the":
// "kept in at the infirmary", "were you at the general or the civic",
// "she was in the mater", "first time in the regional", "the northern in
// epping".
var genericHospitals = map[string]bool{"infirmary": true, "general": true, "civic": true, "regional": true, "royal": true,
	"mater": true, "mercy": true, "rotunda": true, "northern": true, "southern": true, "western": true, "eastern": true}

// hospitalModifiers stand between "the" and a generic word: "the southern
// general", "the western infirmary".
var hospitalModifiers = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true,
	"north": true, "south": true, "east": true, "west": true, "central": true, "victoria": true, "royal": true,
	"county": true, "city": true}

// theGenericHospital: a word of genericHospitals after "the" (and perhaps
// a modifier: "the southern general"), where a hospital is, and before the
// clause ends or goes on with a time, a town or another place: "at the
// infirmary overnight", "the general, in february", "in the royal for a
// week". The word as an adjective ("the general public", "the regional
// manager", "at the mercy of"), "in general" and "the royal family" stay.
func (s *scan) theGenericHospital(i int) bool {
	st := i
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].letters() && hospitalModifiers[s.lower(p)] && !s.eq(p, s.lower(i)) {
		st, p = p, s.sameLinePrev(p)
	}
	if p < 0 || !s.eq(p, "the") || !s.hospitalPlaceBefore(p, strongGenericHospitals[s.lower(i)]) || s.notTheHospital(i) {
		return false
	}
	end := s.facilityWordsAfter(i)
	if end == i && hospitalDoes[s.nextWordAt(i)] {
		s.addTok(st, i, Location, prShape)
		return true
	}
	return s.hospitalClauseAfter(st, end)
}

// notTheHospital: the generic word at i names something else by what
// follows it: a civic centre or hall ("a flu clinic at the civic centre"),
// the sickbay of a school, jail or camp ("the infirmary at boarding
// school", "at the jail"), a word explained ("the mater, as in your mum").
func (s *scan) notTheHospital(i int) bool {
	n := s.next(i)
	if n < 0 || s.toks[n].gap == gapLine {
		return false
	}
	if s.eq(i, "civic") && civicPlaces[s.lower(n)] {
		return true
	}
	if s.toks[n].punct(',') && s.eq(s.next(n), "as") {
		return true
	}
	if s.eq(n, "at") || s.eq(n, "in") {
		m := s.next(n)
		if m > 0 && (s.eq(m, "the") || s.eq(m, "a")) {
			m = s.next(m)
		}
		return m > 0 && sickbayPlaces[s.lower(m)]
	}
	return false
}

var (
	civicPlaces   = wordsOf("centre center hall theatre theater arena auditorium")
	sickbayPlaces = wordsOf("school boarding jail prison camp college university academy barracks base dorm dorms")
)

// royalHeads open a hospital named for a royal or a knight: "the royal
// darwin", "the princess margaret", "the prince charles", "sir charles
// gairdner".
var royalHeads = map[string]bool{"royal": true, "princess": true, "prince": true, "queen": true, "king": true, "sir": true}

// royalHospital: a royal head and a name or town after it ("royal
// brisbane", "princess margaret", "queen elizabeth", "sir charles
// gairdner"), after "the" where a hospital is, or after "to", "at" or
// "from" and a verb of care ("they flew me to royal darwin"), before the
// clause ends or goes on: the hospital. "the royal family", "the queen
// elizabeth line" and "the king charles spaniel" stay.
func (s *scan) royalHospital(i int) bool {
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() != s.toks[i].upper() || !s.nameOrTown(n) {
		return false
	}
	e := n
	if s.eq(i, "sir") {
		// "sir charles gairdner": the given name and the surname.
		m := s.next(n)
		if m < 0 || s.toks[m].gap != gapSpace || !s.toks[m].letters() || !s.nameOrTown(m) {
			return false
		}
		e = m
	}
	if royalNotHospital[s.lower(i)+" "+s.lower(n)] {
		return false
	}
	p := s.sameLinePrev(i)
	switch {
	case p >= 0 && s.eq(p, "the") && s.hospitalPlaceBefore(p, true):
	case p >= 0 && (s.eq(p, "to") || s.eq(p, "at") || s.eq(p, "from") || s.eq(p, "in")) && (stayVerbs[s.prevWordAt(p, 1)] ||
		carriedObjects[s.prevWordAt(p, 1)] && (stayVerbs[s.prevWordAt(p, 2)] || s.prevWordAt(p, 2) == "took" || s.prevWordAt(p, 2) == "flew")):
	case s.turnStart(i) && s.placeQuestionBefore(i) && s.hospitalWordNear(i):
		// An answer to "which hospital": "sir charles gairdner, no".
	default:
		return false
	}
	return s.hospitalClauseAfter(i, s.facilityWordsAfter(e))
}

// royalNotHospital are royal names of other things: a bible, a dog, a
// piercing, a nickname, a dog food.
var royalNotHospital = map[string]bool{"king james": true, "king charles": true, "prince albert": true,
	"queen bee": true, "royal canin": true}

// carriedObjects stand between a verb of care and its place: "flew me to",
// "took him to".
var carriedObjects = map[string]bool{"me": true, "him": true, "her": true, "them": true, "us": true}

// nameOrTown: token k is a given name, surname, town or hospital's head of
// the lists, or a word of four letters or more on none and no English word.
func (s *scan) nameOrTown(k int) bool {
	t := &s.toks[k]
	if t.lex&(lxMedical|lxMonth|lxWeekday|lxRelation) != 0 {
		return false
	}
	return t.lex&(lxFirst|lxSur|lxCity) != 0 || t.gaz&(gzFirst|gzSur|gzCity|gzTown|gzFacHead) != 0 ||
		t.lex == 0 && t.gaz == 0 && t.n() >= 4 && !s.englishTok(k)
}

// hospitalPlaceBefore: the "the" at p stands where a hospital is named, and
// the words around say it is one: a verb of stay or care within four words
// before ("kept you in at the", "admitted to the", "transferred from the"),
// or a preposition of place, "or" or a turn's start with a word of
// hospitals on the line or the line before ("which hospital" / "the
// general, in february"), or, with careToo, a word of a visit's care
// (careWordNear: "nurse: were you at the general or the civic"); never where
// anaesthesia is spoken of ("under the general", "the regional block").
func (s *scan) hospitalPlaceBefore(p int, careToo bool) bool {
	if s.anaesthesiaNear(p) {
		return false
	}
	if s.stayVerbBefore(p, false) {
		return true
	}
	q := s.prevWordAt(p, 1)
	if q == "," {
		q = s.prevWordAt(p, 2) // "were you at, the general or"
	}
	switch {
	case q == "at" || q == "in" || q == "to" || q == "from" || q == "into" || q == "or" || q == "then" || q == "and":
	case s.turnStart(p):
	default:
		return false
	}
	if careToo {
		return s.careWordNear(p)
	}
	return s.hospitalWordNear(p)
}

// stayVerbs say someone was kept, seen or moved as a patient.
var stayVerbs = map[string]bool{"admitted": true, "readmitted": true, "kept": true, "seen": true, "transferred": true,
	"treated": true, "discharged": true, "sent": true, "taken": true, "brought": true, "delivered": true, "born": true, "hospitalized": true,
	"hospitalised": true, "rushed": true, "airlifted": true, "flown": true, "ambulanced": true, "operated": true,
	"scanned": true, "x-rayed": true, "stitched": true, "induced": true}

// hospitalWords of a line say its places are hospitals.
var hospitalTalk = map[string]bool{"hospital": true, "hospitals": true, "ward": true, "admitted": true, "admission": true,
	"a&e": true, "emergency": true, "er": true, "casualty": true, "inpatient": true,
	"discharged": true, "transferred": true, "stay": true, "kept": true}

// strongGenericHospitals name a hospital alone more often than anything
// else after "the" where a place goes: for them a word of care near
// (careWordNear) is enough; not for a side of the compass ("the western"
// is also a film, "the northern" a train line).
var strongGenericHospitals = wordsOf("general royal mater civic regional infirmary")

// hospitalWordNear: a word of hospitalTalk on token p's line or the line
// before it.
func (s *scan) hospitalWordNear(p int) bool {
	return s.wordNear(p, func(w string) bool { return hospitalTalk[w] })
}

// wordNear: a word for which is reports true, on token p's line up to
// twelve words after it, or on the line before.
func (s *scan) wordNear(p int, is func(w string) bool) bool {
	b, a := s.prevLineBounds(p)
	for k := b; k < len(s.toks) && (k < a || s.toks[k].gap != gapLine || k == a); k++ {
		if s.toks[k].letters() && is(s.lower(k)) {
			return true
		}
		if k > p+12 {
			break
		}
	}
	return false
}

// anaesthesiaNear: a word of anaesthesia within eight words of p on its
// line or on the line before ("under the general", "the regional, the
// spinal one", "what kind of anaesthetic was it" / "the general, then").
func (s *scan) anaesthesiaNear(p int) bool {
	_, a := s.prevLineBounds(p)
	for k := a - 1; k >= 0 && k >= a-40; k-- {
		if s.toks[k].letters() && anaesthesiaWords[s.lower(k)] && s.eq(k, s.lower(k)) {
			return true
		}
		if s.toks[k].gap == gapLine {
			break
		}
	}
	for k, n := p, 0; k >= 0 && n < 8; n++ {
		if s.toks[k].letters() && anaesthesiaWords[s.lower(k)] {
			return true
		}
		k = s.sameLinePrev(k)
	}
	for k, n := p, 0; k >= 0 && n < 8; n++ {
		if s.toks[k].letters() && anaesthesiaWords[s.lower(k)] {
			return true
		}
		if k = s.next(k); k < 0 || s.toks[k].gap == gapLine {
			break
		}
	}
	return false
}

var anaesthesiaWords = map[string]bool{"under": true, "anaesthetic": true, "anesthetic": true, "anaesthesia": true,
	"anesthesia": true, "anaesthetist": true, "anesthesiologist": true, "spinal": true, "epidural": true, "block": true,
	"sedation": true, "ga": true, "knocked": true, "caesarean": true, "cesarean": true, "section": true}

// hospitalClauseAfter adds st..end as a hospital where the clause ends or
// goes on after it with a time, a town or another place.
func (s *scan) hospitalClauseAfter(st, end int) bool {
	if !s.hospitalEndsAfter(end) {
		return false
	}
	s.addTok(st, end, Location, prShape)
	return true
}

// hospitalEndsAfter: after token end the clause ends, or goes on with a
// time, a town or another place (hospitalAfterWords), not with a noun
// the words before it describe ("the kerry match", "the general public").
func (s *scan) hospitalEndsAfter(end int) bool {
	if n := s.next(end); n >= 0 && s.toks[n].gap != gapLine {
		switch {
		case s.toks[n].punct(',') || s.toks[n].punct('.') || s.toks[n].punct('?'):
		case s.toks[n].letters() && (hospitalAfterWords[s.lower(n)] || s.monthWord(n)):
		default:
			return false
		}
	}
	return true
}

// hospitalAfterWords go on after a hospital named by a generic word.
var hospitalAfterWords = map[string]bool{"in": true, "for": true, "then": true, "or": true, "and": true, "yeah": true,
	"aye": true, "when": true, "before": true, "after": true, "overnight": true, "since": true, "last": true, "with": true,
	"on": true, "at": true, "until": true, "now": true, "again": true, "first": true, "today": true, "yesterday": true,
	"twice": true, "once": true, "so": true, "but": true}

// hospitalDoes: what a hospital called by its one word does to a patient,
// said of it as of its staff: "the mater rang me", "the general were
// brilliant" (not "was": "the general was fine" is an anaesthetic). Only
// after the word alone: "the regional cancer center called" is a kind.
var hospitalDoes = wordsOf("did rang phoned called sent kept discharged admitted scanned saw gave told wrote referred were lost")

// answerGoesOn: words after a place said alone as an answer.
var answerGoesOn = map[string]bool{"in": true, "near": true, "for": true, "then": true, "since": true, "out": true,
	"yeah": true, "now": true, "mostly": true, "originally": true}

// atQuestion: the "at" before token i asks or says where someone was
// seen: "was that at cedars", "were you ever at d'youville", "you were at
// hopkins before".
func (s *scan) atQuestion(i int) bool {
	p := s.sameLinePrev(i)
	q := s.sameLinePrev(p)
	if q >= 0 && s.eq(q, "ever") {
		q = s.sameLinePrev(q)
	}
	r := s.sameLinePrev(q)
	if q < 0 || r < 0 {
		return false
	}
	switch {
	case (s.eq(q, "that") || s.eq(q, "you")) && (s.eq(r, "was") || s.eq(r, "were")):
		return true
	case (s.eq(q, "were") || s.eq(q, "was")) && s.eq(r, "you"):
		return true
	}
	return false
}

// birthWords before "at" name a birth there: "had the baby at mercy",
// "the twins at swedish".
var birthWords = map[string]bool{"baby": true, "babies": true, "twins": true,
	"c-section": true, "section": true}

// careAfter: care had at the place follows token e ("at northwestern for
// my surgery", "at mercy for the mri").
func (s *scan) careAfter(e int) bool {
	n := s.next(e)
	if n < 0 || !s.eq(n, "for") {
		return false
	}
	m := s.next(n)
	if m >= 0 && (s.eq(m, "my") || s.eq(m, "the") || s.eq(m, "a") || s.eq(m, "an") || s.eq(m, "her") || s.eq(m, "his") ||
		s.eq(m, "your") || s.eq(m, "their") || s.eq(m, "our")) {
		m = s.next(m)
	}
	return m >= 0 && s.toks[m].letters() && workVerbs[s.lower(m)]
}

// timeOrEndAfter: the clause ends after token e, or a time or another
// clause begins ("went to mercy last week", "went to mercy and they"),
// not an object or a purpose ("went to advocate for her").
func (s *scan) timeOrEndAfter(e int) bool {
	if s.clauseEndAfter(e) {
		return true
	}
	switch s.nextWordAt(e) {
	case "last", "yesterday", "today", "tonight", "after", "before", "when", "because", "twice", "once", "again",
		"where", "then":
		return true
	}
	return false
}

// goingToBefore: "going to", "go to", "goes to" before token i, which an
// infinitive follows as often as a place ("going to grant every request").
func (s *scan) goingToBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.eq(p, "to") {
		return false
	}
	q := s.sameLinePrev(p)
	return q >= 0 && (s.eq(q, "going") || s.eq(q, "go") || s.eq(q, "goes") || s.eq(q, "gonna"))
}

// wentBefore: a verb of going or taking right before the "to" before token
// i ("we went to barnes for the night", "took him to vanderbilt for a
// second opinion"): what follows is a place, not a verb ("to hope for").
func (s *scan) wentBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.eq(p, "to") {
		return false
	}
	q := s.sameLinePrev(p)
	for n := 0; n < 2 && q >= 0 && (s.eq(q, "him") || s.eq(q, "her") || s.eq(q, "them") || s.eq(q, "me") || s.eq(q, "us") ||
		s.eq(q, "back") || s.eq(q, "over") || s.eq(q, "down") || s.eq(q, "up") || s.eq(q, "straight")); n++ {
		q = s.sameLinePrev(q)
	}
	return q >= 0 && (goVerbs[s.lower(q)] || s.fromPlaceBefore(q))
}

// fromPlaceBefore: token q closes a place found after "from", so the "to"
// after it names where the person went: "they transferred me from good
// sam to banner".
func (s *scan) fromPlaceBefore(q int) bool {
	if !s.toks[q].letters() {
		return false
	}
	st, en := int(s.toks[q].s), int(s.toks[q].e)
	for c := range s.cands {
		if k := &s.cands[c]; k.t == Location && k.s <= st && en == k.e {
			for f := q; f >= 0 && int(s.toks[f].e) > k.s; f = s.sameLinePrev(f) {
				if int(s.toks[f].s) == k.s {
					p := s.sameLinePrev(f)
					return p >= 0 && s.eq(p, "from")
				}
			}
		}
	}
	return false
}

// goVerbs go or take someone somewhere.
var goVerbs = map[string]bool{"went": true, "go": true, "goes": true, "going": true, "gone": true, "took": true,
	"taken": true, "take": true, "brought": true, "bring": true, "drove": true, "driven": true, "rushed": true,
	"flew": true, "flown": true, "sent": true, "transferred": true, "transported": true, "moved": true, "came": true,
	"headed": true, "walked": true, "ran": true, "referred": true, "admitted": true}

// workVerbs before at/to/from name a place of care or work.
var workVerbs = map[string]bool{"seen": true, "transferred": true, "admitted": true, "admit": true, "followed": true,
	"treated": true, "referred": true, "sent": true, "discharged": true, "evaluated": true, "works": true,
	"worked": true, "work": true, "working": true, "delivered": true, "born": true, "hospitalized": true,
	"readmitted": true, "imaging": true, "surgery": true, "nurse": true, "resident": true, "student": true,
	"volunteer": true, "volunteers": true, "employed": true, "died": true, "passed": true, "scan": true,
	"mri": true, "echo": true, "biopsy": true, "procedure": true, "labs": true, "rehab": true, "dialysis": true,
	"infusion": true, "infusions": true, "chemo": true, "radiation": true, "appointment": true, "appt": true,
	"done": true, "had": true, "stayed": true, "operation": true, "op": true, "bypass": true, "studied": true,
	"studies": true, "teaches": true, "taught": true,
	"graduated": true, "trained": true, "training": true, "surgeon": true, "doctor": true, "physician": true,
	"cardiologist": true, "oncologist": true, "neurologist": true, "pediatrician": true, "dermatologist": true,
	"specialist": true, "surgeons": true, "doctors": true, "er": true, "delivery": true, "transplant": true,
	"pcp": true, "therapist": true, "ob": true, "obgyn": true, "endocrinologist": true, "urologist": true,
	"workup": true, "work-up": true, "evaluation": true, "eval": true, "consult": true, "consultation": true,
	"opinion": true, "ct": true, "ultrasound": true, "colonoscopy": true, "endoscopy": true, "cath": true,
	"operated": true, "diagnosed": true, "managed": true, "stabilized": true, "intubated": true, "ablation": true}

// placeVerbBefore: a verb of living or moving before the preposition
// before token i ("lives in normal", "moved to hope").
func (s *scan) placeVerbBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !placePreps[s.lower(p)] {
		return false
	}
	return s.cueBefore(p, lxPlaceCue, 4) && !s.eq(p-1, "going") && !s.eq(p-1, "want") && !s.eq(p-1, "wants") || s.personSentTo(p)
}

// personSentTo: the preposition p is "to" after a person sent there ("sent
// him back to", "sending you over to", "send her to"): where a patient is
// sent is a place; a thing sent ("sample sent to Myriad") may go to a
// company.
func (s *scan) personSentTo(p int) bool {
	if !s.eq(p, "to") {
		return false
	}
	q := s.sameLinePrev(p)
	if q >= 0 && (s.eq(q, "back") || s.eq(q, "over") || s.eq(q, "up") || s.eq(q, "down")) {
		q = s.sameLinePrev(q)
	}
	if q < 0 || !(s.eq(q, "him") || s.eq(q, "her") || s.eq(q, "you") || s.eq(q, "me") || s.eq(q, "them") || s.eq(q, "us")) {
		return false
	}
	v := s.sameLinePrev(q)
	return v >= 0 && (s.eq(v, "send") || s.eq(v, "sends") || s.eq(v, "sending") || s.eq(v, "sent"))
}

// strictEnd: the clause ends after token e, or goes on with a conjunction
// or a time ("in normal and", "to hope tomorrow").
func (s *scan) strictEnd(e int) bool {
	if s.clauseEndAfter(e) {
		return true
	}
	n := s.next(e)
	if n < 0 || s.wideGap(n) {
		return true // a form's next field: "Joslin Diabetes Center, Boston     Clinic visit"
	}
	switch s.lower(n) {
	case "and", "or", "but", "tomorrow", "today", "yesterday", "now", "last", "next", "area", "county", "city",
		"since", "when", "where", "until":
		return true
	}
	return false
}

// phraseOfStayAfter: after a city spelled like another thing but like no
// English word ("glasgow", "leeds", "dublin": a scale, a team, a
// criterion), a phrase of time, purpose or company goes on from the verb
// of living or moving before it: "he went to glasgow for two years",
// "moved to dublin in may", "lived in leeds with her aunt". An English
// word stays one ("went to temple for the holidays").
func (s *scan) phraseOfStayAfter(i, end int) bool {
	if end != i {
		return false
	}
	if s.englishTok(i) {
		return false
	}
	switch s.nextWordAt(end) {
	case "for", "in", "with", "as", "during", "after", "before", "back", "because", "to", "then", "again", "once", "twice":
		return true
	}
	return false
}

// afterSentenceEnd: token i opens a sentence.
func (s *scan) afterSentenceEnd(i int) bool {
	p := s.sameLinePrev(i)
	return p < 0 || s.toks[p].punct('.') || s.toks[p].punct('?') || s.toks[p].punct('!') || s.toks[p].punct(':')
}

// aloneInTurn: the place is the whole of a speaker's turn ("dearborn",
// "patient: hamilton's fine" is not).
func (s *scan) aloneInTurn(i, end int) bool {
	if !s.turnStart(i) {
		return false
	}
	n := end + 1
	for n < len(s.toks) && s.toks[n].gap != gapLine && s.toks[n].kind == tkPunct && (s.toks[n].ch == '.' || s.toks[n].ch == '?' || s.toks[n].ch == '!') {
		n++
	}
	return n >= len(s.toks) || s.toks[n].gap == gapLine
}

// hospitalWords follow a hospital's name: "ball memorial", "unitypoint
// methodist", "riley children's".
var hospitalWords = map[string]bool{"hospital": true, "hospitals": true, "health": true, "healthcare": true,
	"medical": true, "center": true, "centre": true, "memorial": true, "regional": true, "general": true,
	"methodist": true, "baptist": true, "lutheran": true, "presbyterian": true, "episcopal": true, "adventist": true,
	"catholic": true, "community": true, "children's": true, "childrens": true, "clinic": true, "clinics": true,
	"system": true, "university": true, "uni": true, "infirmary": true, "rehab": true, "rehabilitation": true,
	"elementary": true, "middle": true, "high": true, "school": true, "academy": true, "college": true,
	"church": true, "basilica": true, "cathedral": true, "chapel": true, "parish": true, "dentistry": true,
	"pharmacy": true, "drug": true, "med": true, "apartments": true, "apts": true}

// denominationHospital: a denomination said alone where a hospital goes,
// after a verb of going or care and "to", "at" or "from", before the
// clause ends, a time or "for": the hospital it names ("they transferred
// me to baptist last night", "my surgeon is at presbyterian"). Not before
// a word that names what it is ("the baptist church"), nor "i'm baptist".
func (s *scan) denominationHospital(i int) bool {
	if !denominations[s.lower(i)] && !s.eq(i, "adventist") {
		return false
	}
	prep, ok := s.placeAfterPrep(i)
	if !ok || prep != "to" && prep != "at" && prep != "from" {
		return false
	}
	if !(s.wentBefore(i) || s.careBefore(i)) || !(s.timeOrEndAfter(i) || s.nextWordAt(i) == "for") {
		return false
	}
	s.addTok(i, i, Location, prShape)
	return true
}

// denominations name a church after "first" or "second" (lowerFacilityAt
// sees only hospitalWords).
var denominations = map[string]bool{"baptist": true, "methodist": true, "presbyterian": true, "lutheran": true,
	"episcopal": true}

// strongFacilityWords name a facility after a word on no list
// ("metrowest medical center"); "clinic", "health", "center" do not
// ("ortho clinic", "behavioral health").
var strongFacilityWords = map[string]bool{"hospital": true, "hospitals": true, "medical": true, "memorial": true,
	"regional": true, "elementary": true, "academy": true, "church": true, "basilica": true, "cathedral": true,
	"chapel": true, "infirmary": true, "methodist": true, "baptist": true, "lutheran": true, "presbyterian": true,
	"episcopal": true, "adventist": true, "apartments": true, "apts": true}

// facilityWordsAfter extends a place over the facility words that follow
// it, in the same case ("Ball Memorial Hospital", "kootenai health").
func (s *scan) facilityWordsAfter(end int) int {
	for n := 0; n < 4; n++ {
		k := s.next(end)
		if k < 0 || s.toks[k].gap != gapSpace || !s.toks[k].letters() || s.toks[k].upper() != s.toks[end].upper() && !s.toks[end].allUpper() {
			break
		}
		w := s.lower(k)
		if s.toks[k].upper() && s.toks[end].upper() {
			// "Leeds Teaching Hospitals NHS Trust", "Betsi Cadwaladr
			// University Health Board", "Sydney Local Health District":
			// the body a hospital belongs to, named after its place.
			if e := s.healthBodyTail(k); e > 0 {
				end = e
				continue
			}
		}
		if k+2 < len(s.toks) && s.toks[k+1].punct('\'') && s.toks[k+1].gap == gapNone && s.eq(k+2, "s") {
			w += "'s"
			if !hospitalWords[w] {
				break
			}
			end = k + 2
			continue
		}
		if serviceModifiers[w] && s.toks[k].upper() {
			// "Bayside Family Health", "Oak Street Primary Care": a
			// service's words after the name.
			if k2 := s.next(k); k2 > 0 && s.toks[k2].gap == gapSpace && s.toks[k2].capWord() &&
				(hospitalWords[s.lower(k2)] || serviceHeads[s.lower(k2)]) {
				end = k2
				continue
			}
		}
		if !hospitalWords[w] {
			// A city's abbreviation inside the name: "Zuckerberg SF
			// General", "Kaiser LA Medical Center".
			if k2 := s.next(k); s.toks[k].allUpper() && s.toks[k].n() <= 3 && s.toks[k].lex&(lxMedical|lxCommon|lxCredential|lxTitle|lxTitleClin|lxUnit) == 0 && k2 > 0 && s.toks[k2].gap == gapSpace &&
				s.toks[k2].capWord() && hospitalWords[s.lower(k2)] && !s.lowerWordAfter(k2) {
				end = k2
				continue
			}
			if e := s.facilityHeadAhead(end); e > end {
				end = e
				break
			}
			break
		}
		end = k
	}
	return end
}

// healthBodyMids and healthBodyHeads make the tail of a health body's name:
// "NHS Foundation Trust", "University Health Board", "Local Health
// District", "Health Service".
var healthBodyMids = map[string]bool{"nhs": true, "foundation": true, "local": true, "university": true,
	"teaching": true, "health": true, "hospitals": true, "community": true, "mental": true, "primary": true,
	"care": true, "and": true, "social": true, "partnership": true}
var healthBodyHeads = map[string]bool{"trust": true, "board": true, "authority": true, "district": true,
	"network": true, "service": true, "services": true, "executive": true}

// healthBodyAt: a capitalized health body's head at i ("Board", "Trust",
// "District") ending its tail (healthBodyTail), after one to three
// capitalized words that name its place or person ("Betsi Cadwaladr
// University Health Board", "Hywel Dda University Health Board", "Western
// Sydney Local Health District"), on a heading line too. A tail with no
// such word ("the NHS Trust policy", "Health Service Executive") stays.
func (s *scan) healthBodyAt(i int) bool {
	if !s.toks[i].upper() || s.toks[i].allUpper() {
		return false
	}
	// The tail's first word.
	st := i
	for n := 0; n < 5; n++ {
		p := s.sameLinePrev(st)
		if p < 0 || !s.toks[p].letters() || !s.toks[p].upper() || s.toks[st].gap != gapSpace || !healthBodyMids[s.lower(p)] {
			break
		}
		st = p
	}
	if st == i || s.healthBodyTail(st) != i {
		return false
	}
	// The name before it.
	b := st
	for n := 0; n < 3; n++ {
		p := s.sameLinePrev(b)
		if p < 0 || !s.toks[p].letters() || !s.toks[p].capWord() || s.toks[b].gap != gapSpace ||
			s.toks[p].lex&(lxTitle|lxTitleClin|lxMedical|lxMonth|lxWeekday) != 0 || functionWords[s.lower(p)] ||
			!s.nameOrTown(p) && s.toks[p].lex&(lxCity|lxState|lxCountry|lxFirst|lxSur) == 0 {
			break
		}
		b = p
	}
	if b == st {
		return false
	}
	s.addTok(b, i, Location, prCue)
	return true
}

// healthBodyTail returns the last word of a health body's tail opening at
// k (capitalized words of healthBodyMids, at least one of "nhs", "health"
// or "hospitals", then a head of healthBodyHeads), or -1.
func (s *scan) healthBodyTail(k int) int {
	health := false
	for j, n := k, 0; j >= 0 && n < 6; n++ {
		t := &s.toks[j]
		if !t.letters() || !t.upper() || j != k && t.gap != gapSpace {
			return -1
		}
		w := s.lower(j)
		if healthBodyHeads[w] && health && j > k {
			return j
		}
		if !healthBodyMids[w] {
			return -1
		}
		health = health || w == "nhs" || w == "health" || w == "hospitals"
		j = s.next(j)
	}
	return -1
}

// healthBodyHeadAfter grows a place found ending in "Health" or "NHS" over
// the head of the body it names right after it ("Top End Health Service",
// "Knox County Health Department", "Cherokee Health Systems"). A late
// pass: the tagger and the rules it learned from see the span as before.
func (s *scan) healthBodyHeadAfter(spans []Span) {
	for i := range spans {
		sp := &spans[i]
		if sp.Type != Location {
			continue
		}
		en := s.tokEndingAt(sp.End)
		if en < 0 || !s.toks[en].upper() || !(s.eq(en, "health") || s.eq(en, "nhs")) {
			continue
		}
		k := s.next(en)
		if k < 0 || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || !(healthBodyHeads[s.lower(k)] || lateBodyHeads[s.lower(k)]) {
			continue
		}
		if i+1 < len(spans) && spans[i+1].Start < int(s.toks[k].e) {
			continue
		}
		sp.End = int(s.toks[k].e)
	}
}

// lateBodyHeads also end a health body's name after "Health", in this late
// pass only: in healthBodyHeads, which facilityTail reads, they changed the
// tagger's training output.
var lateBodyHeads = wordsOf("system systems corporation department")

// facilityHeads end a lower-case facility's name after the words that
// describe it.
var facilityHeads = map[string]bool{"facility": true, "center": true, "centre": true, "clinic": true, "hospital": true,
	"jail": true, "prison": true, "institute": true}

// facilityHeadAhead: in lower case, up to three words that describe a
// facility and its head after the place at end ("will county adult
// detention facility", "chinle comprehensive health care facility"); it
// returns the head, or end. The words are no function words, pronouns or
// verb forms, so that a clause after the place ("in oak lawn they have a
// clinic") is not taken in.
func (s *scan) facilityHeadAhead(end int) int {
	if s.toks[end].upper() {
		return end
	}
	k := end
	for n := 0; n < 4; n++ {
		k = s.next(k)
		if k < 0 || s.toks[k].gap != gapSpace || !s.toks[k].letters() || s.toks[k].upper() {
			return end
		}
		w := s.lower(k)
		if facilityHeads[w] {
			if n == 0 {
				return end // the head alone is hospitalWords' to take
			}
			return k
		}
		if s.tokIn(functionWordSet, k) || s.tokIn(wordMakerSet, k) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") ||
			strings.Contains(w, "'") || n == 3 || timeCounts[w] || s.toks[k].is(lxTimeWord|lxWeekday|lxMonth) || aheadStops[w] {
			return end
		}
	}
	return end
}

// aheadStops end the words read ahead for a facility's head: quantities
// and times ("in tulsa most weekends clinic is closed").
var aheadStops = map[string]bool{"most": true, "every": true, "weekends": true, "weekdays": true, "days": true,
	"nights": true, "mornings": true, "year": true, "years": true, "weeks": true, "months": true, "then": true}

// lowerFacilityAt: a name in lower case before facility words, as
// transcripts write schools, churches and hospitals: "pioneer elementary",
// "king middle school", "bethel lutheran", "kootenai health". i is the
// facility word.
func (s *scan) lowerFacilityAt(i int) bool {
	t := &s.toks[i]
	if t.upper() || !hospitalWords[s.lower(i)] {
		return false
	}
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() || s.toks[p].upper() || s.toks[i].gap != gapSpace {
		return false
	}
	w := s.lower(i)
	// A kind of care between the name and the facility word: "kellogg eye
	// center", "mayo heart clinic", "dana cancer institute".
	// Over two kinds too: "the adult day center".
	for n := 0; n < 2 && careKinds[s.lower(p)]; n++ {
		q := s.sameLinePrev(p)
		if q < 0 || !s.toks[q].letters() || s.toks[q].upper() || s.toks[p].gap != gapSpace {
			break
		}
		p = q
	}
	pt := &s.toks[p]
	// The name word: a name or place of the gazetteer or the lists, or a
	// word on no list; not an everyday or clinical word.
	// A town of the hand lists that is an everyday word too names only a
	// hospital ("the mobile clinic" is a van).
	cityWord := pt.lex&(lxCityAmb|lxCommon) == lxCityAmb|lxCommon && pt.lex&(lxFirst|lxSur) == 0 && !strongFacilityWords[w]
	named := pt.gaz&(gzCity|gzTown|gzFacHead|gzFirst|gzSur) != 0 && (pt.gaz&gzWord == 0 || strongFacilityWords[w]) ||
		pt.lex&(lxFirst|lxSur|lxCity) != 0 && !cityWord ||
		pt.lex == 0 && pt.gaz == 0 && pt.n() >= 4 && strongFacilityWords[w] && !s.englishLooking(p)
	// "first baptist", "second presbyterian": churches are named by their
	// order in the town, a people's or a word between at times.
	church := (s.eq(p, "first") || s.eq(p, "second")) && denominations[w]
	if church {
		s.addTok(p, s.facilityWordsAfter(i), Location, prShape)
		return true
	}
	// "first african baptist", "second korean presbyterian": a word
	// between the order and the denomination.
	if q := s.sameLinePrev(p); q >= 0 && denominations[w] && (s.eq(q, "first") || s.eq(q, "second")) && s.toks[p].gap == gapSpace &&
		!functionWords[s.lower(p)] {
		s.addTok(q, s.facilityWordsAfter(i), Location, prShape)
		return true
	}
	if w == "uni" {
		// "went to stirling uni", "at leeds uni": a university said
		// short, after a preposition of place; "an oxford uni knee", "the
		// oxford uni was done" are a knee implant.
		if _, ok := s.placeAfterPrep(p); !ok || kneeWords[s.nextWordAt(i)] {
			return false
		}
	}
	if w == "med" {
		// "maine med", "tufts med": a medical center said short, named
		// by its state, town or hospital's head word, after a preposition
		// of place ("started a new med", "her bp med" stay).
		if _, ok := s.placeAfterPrep(p); !ok || pt.gaz&(gzFacHead|gzCity|gzTown) == 0 && pt.lex&(lxState|lxCity) == 0 ||
			pt.lex&(lxMedical|lxCommon) != 0 || functionWords[s.lower(p)] {
			return false
		}
		s.addTok(p, i, Location, prShape)
		return true
	}
	if !named || pt.lex&(lxCommon|lxMedical|lxUnitWord|lxRelation|lxTitle|lxTitleClin|lxDigitWord|lxTensWord|lxTeenWord|lxOrdWord|lxMonth|lxWeekday) != 0 &&
		pt.lex&(lxFirst|lxSur|lxCity) == 0 || functionWords[s.lower(p)] || wordMakers[s.lower(p)] {
		return false
	}
	if (w == "apartments" || w == "apts") && s.dictionaryWord(p) && pt.gaz&(gzCity|gzTown|gzFacHead) == 0 && pt.lex&lxCity == 0 {
		return false // "low income apartments"; "the lakeview apartments" are a place
	}
	switch w {
	case "high", "middle", "general", "community", "system", "university", "school", "drug", "pharmacy":
		// Weak alone: "deering high" needs a place before it ("at", "to",
		// "from") or a name on the lists.
		if _, ok := s.placeAfterPrep(p); !ok && pt.gaz&(gzFacHead|gzCity) == 0 {
			return false
		}
	}
	st := p
	// Two name words: "busy bees learning center" is out of reach, "saint
	// francis" and "first baptist" are in.
	if q := s.sameLinePrev(p); q >= 0 && s.toks[q].letters() && !s.toks[q].upper() && s.toks[p].gap == gapSpace &&
		(s.eq(q, "saint") || s.eq(q, "st") || s.toks[q].gaz&(gzFacHead|gzCity|gzPhraseHead) != 0 && !functionWords[s.lower(q)] && !wordMakers[s.lower(q)]) &&
		!(s.toks[q].gap == gapNone && q > 1 && s.toks[q-1].punct('\'') && sContractions[s.lower(q-2)]) { // "she's southern baptist"; "hawke's bay hospital" is one
		st = q
	}
	// "we're southern baptist", "she was raised missouri synod lutheran":
	// a faith said of a person, not a church.
	if denominations[w] && faithSayers[s.prevWordAt(st, 1)] {
		return false
	}
	s.addTok(st, s.facilityWordsAfter(i), Location, prShape)
	return true
}

// sContractions are the words "'s" joins as "is" or "has".
var sContractions = wordsOf("she he it that there what who where here")

// faithSayers before a denomination say a person's faith: "we're southern
// baptist", "a devout lutheran".
var faithSayers = map[string]bool{"we're": true, "i'm": true, "he's": true, "she's": true, "they're": true, "am": true,
	"is": true, "are": true, "was": true, "were": true, "raised": true, "a": true, "devout": true, "practicing": true,
	"being": true, "be": true}

// denominationCampus: a hospital named by its denomination and its campus,
// in lower case after a preposition of place: "my gallbladder out at
// baptist east", "transferred to methodist north". "a baptist, east coast
// family" has no preposition of place before it.
func (s *scan) denominationCampus(i int) bool {
	if !denominations[s.lower(i)] || s.toks[i].upper() {
		return false
	}
	if _, ok := s.placeAfterPrep(i); !ok {
		return false
	}
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() {
		return false
	}
	switch s.lower(n) {
	case "east", "west", "north", "south", "central", "downtown", "northeast", "northwest", "southeast", "southwest":
	default:
		return false
	}
	s.addTok(i, n, Location, prShape)
	return true
}

// careKinds name what a center or clinic treats, between its name and the
// facility word.
var careKinds = map[string]bool{"eye": true, "heart": true, "cancer": true, "kidney": true, "spine": true, "skin": true,
	"lung": true, "vascular": true, "orthopedic": true, "sports": true, "women's": true, "children's": true,
	"surgery": true, "surgical": true, "specialty": true, "behavioral": true, "rehabilitation": true, "rehab": true,
	"memory": true, "breast": true, "wound": true, "sleep": true, "pain": true, "dialysis": true, "imaging": true,
	"diagnostic": true, "endoscopy": true, "fertility": true, "birth": true, "burn": true, "trauma": true, "stroke": true,
	"transplant": true, "hearing": true, "dental": true, "vision": true, "medical": true, "health": true,
	// Residences and centres of everyday care: "the maplewood senior center", "the willow creek nursing center".
	"senior": true, "nursing": true, "urgent": true, "retirement": true,
	// "the day centre", "the adult day center", "the community center": a
	// kind, unless a name comes before it ("kellogg day center").
	"day": true, "adult": true, "community": true, "youth": true, "wellness": true}

// kneeWords follow "uni" where it is a unicompartmental knee.
var kneeWords = wordsOf("knee knees replacement implant arthroplasty component components bearing partial tkr ukr")

// careVerbs before at/to/from make what follows a place of care.
var careVerbs = map[string]bool{"seen": true, "transferred": true, "admitted": true, "admit": true, "followed": true,
	"treated": true, "referred": true, "sent": true, "discharged": true, "evaluated": true, "works": true,
	"worked": true, "work": true, "delivered": true, "born": true, "born at": true, "transfer": true, "went": true,
	"go": true, "going": true, "taken": true, "brought": true, "flown": true, "drove": true, "moved": true,
	"lives": true, "living": true, "live": true, "stay": true, "stayed": true, "staying": true, "visit": true,
	"visited": true, "presented": true, "imaging": true, "surgery": true, "appointment": true, "study": true,
	"student": true, "nurse": true, "resident": true, "fellow": true, "attending": true, "hospitalized": true,
	"rehab": true, "readmitted": true, "returned": true, "scheduled": true, "booked": true, "done": true,
	"had": true, "get": true, "got": true, "flies": true, "flew": true, "fly": true, "out": true}

// acronymPlaceAt: a hospital acronym, or an all-caps word on no list, where
// a place of care goes: "seen at OHSU", "transferred to UCSF", "admit to UMC
// step-down", "from NOLA". Units and services ("ICU", "ED", "PT", "GI") are
// on the medical list and stay.
func (s *scan) acronymPlaceAt(i int) bool {
	t := &s.toks[i]
	if !t.letters() || s.tokIn(unitAcronymSet, i) {
		return false
	}
	if s.facAcroBeside(i) {
		s.addTok(i, s.facilityWordsAfter(i), Location, prShape)
		return true
	}
	listed := t.gaz&(gzFacAcro|gzCityNick) != 0 || t.lex&lxCityNick != 0
	if s.acronymSubject(i) {
		s.addTok(i, i, Location, prShape)
		return true
	}
	if s.acronymSiteAt(i, listed) {
		return true
	}
	if t.n() == 3 && t.lex == 0 && s.flightBefore(i) {
		s.addTok(i, i, Location, prShape) // an airport's code: "flies out of DLH", "arriving ORD"
		return true
	}
	prep, ok := s.placeAfterPrep(i)
	if !ok || prep == "of" || prep == "through" || prep == "via" {
		return false
	}
	p := s.sameLinePrev(i)
	q := s.sameLinePrev(p)
	cued := q >= 0 && (careVerbs[s.lower(q)] || procedureWords[s.lower(q)] && t.n() >= 3 && !timePointAbbrs[s.lower(i)] && s.dateAfterSite(i) ||
		s.eq(q, "the") && s.sameLinePrev(q) >= 0 && careVerbs[s.lower(s.sameLinePrev(q))])
	if !listed && (!cued || t.lex != 0 || t.gaz != 0 && t.gaz&(gzCity|gzFacHead|gzFacAcro) == 0) {
		return false
	}
	if listed && !cued && !s.clauseGoesOn(i) && !(s.next(i) > 0 && s.toks[s.next(i)].letters() && siteNouns[s.lower(s.next(i))]) &&
		s.facilityWordsAfter(i) == i { // "she's at SF General now": a hospital's words make it one
		return false
	}
	s.addTok(i, s.facilityWordsAfter(i), Location, prShape)
	return true
}

// procedureWords name a test or a procedure done somewhere: "EUS at MMC
// 1/16/24", "MRI at UMMC 3/2".
var procedureWords = wordsOf("eus egd ercp mri mra ct cta pet echo tee tte eeg emg ekg ecg colonoscopy endoscopy " +
	"biopsy cath pci cabg ablation labs bloodwork xray x-ray us ultrasound mammogram dexa scan surgery repair drain " +
	"paracentesis thoracentesis bronchoscopy bronch cystoscopy angiogram cardioversion transfusion chemo")

// timePointAbbrs name a moment of care, not a place, after a test and
// "at": "PET at EOT 6/1", "Labs at ADM 3/2", "CT at OSH 3/2".
var timePointAbbrs = wordsOf("eot adm eua toc osh eos soc pre post dc bl dx fu ftu iop icu pacu edd lmp")

// dateAfterSite: a date follows the site at token i ("EUS at MMC
// 1/16/24", "MRI at UMMC on 3/2"): the test was done there, that day.
func (s *scan) dateAfterSite(i int) bool {
	n := s.next(i)
	if n > 0 && (s.eq(n, "on") || s.eq(n, "in")) {
		n = s.next(n)
	}
	if n < 0 {
		return false
	}
	if s.toks[n].letters() {
		return s.toks[n].is(lxMonth | lxMonthAbbr)
	}
	// A month and day in figures: "1/16/24", "3/2", "04-02".
	d := s.adj(n)
	return s.toks[n].digits() && s.toks[n].n() <= 2 && d > 0 && (s.toks[d].punct('/') || s.toks[d].punct('-')) && s.adj(d) > 0 && s.toks[s.adj(d)].digits()
}

// acronymCampus: a university's or a health system's acronym before the
// capitalized town of its campus, after a preposition of place: "a
// student at UT Austin", "goes to UMass Amherst". The town is often a
// given name too (Austin), which alone would be read as a person; a
// name following it ("at RN Austin Miller") is a person's.
func (s *scan) acronymCampus(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.n() < 2 || t.n() > 5 || t.lex&(lxMedical|lxCredential|lxTitle|lxTitleClin|lxUnitWord) != 0 || s.tokIn(unitAcronymSet, i) && !s.eq(i, "va") {
		return false // "in the ED Austin came with her"; "VA Boston" is one
	}
	prep, ok := s.placeAfterPrep(i)
	if !ok {
		return false
	}
	n := s.next(i)
	// "seen by Dr. Ruiz at KU MedWest": a campus or a system's brand in
	// camel case, on no list, after "at" or "from".
	camel := n > 0 && (prep == "at" || prep == "from") && s.toks[n].gap == gapSpace && s.camelWord(n) &&
		t.lex&^lxStateAbbr == 0 && !doseAcronyms[s.lower(i)]
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].capWord() || s.toks[n].allUpper() ||
		s.toks[n].gaz&(gzCity|gzTown) == 0 && s.toks[n].lex&lxCity == 0 && !camel {
		return false
	}
	if m := s.next(n); m > 0 && s.toks[m].gap == gapSpace && s.toks[m].capWord() && s.toks[m].lex&(lxSur|lxSurAmb) != 0 {
		return false
	}
	s.addTok(i, s.facilityWordsAfter(n), Location, prShape)
	return true
}

// lowerSystemCampus: in lower case, a listed town right after the name of
// a health system or a hospital that runs several campuses, itself after a
// preposition of place: the campus ("records to dr tanaka at kaiser
// oakland", "follow up at va boston", "i go to providence portland"). A
// town that is an English word or a clinical one stays ("at kaiser today").
func (s *scan) lowerSystemCampus(i int) bool {
	t := &s.toks[i]
	if t.n() < 4 || t.gap != gapSpace || t.gaz&(gzWord|gzCityAmb) != 0 || t.lex&(lxMedical|lxCityAmb|lxMonth|lxWeekday) != 0 ||
		t.lex&lxCommon != 0 && t.lex&lxCity == 0 {
		return false
	}
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() || s.toks[p].upper() || p != i-1 {
		return false
	}
	pt := &s.toks[p]
	if pt.gaz&(gzFacHead|gzFacAcro) == 0 && !nationalChains[s.lower(p)] && !s.eq(p, "kaiser") && !s.eq(p, "va") {
		return false
	}
	if _, ok := s.placeAfterPrep(p); !ok {
		return false
	}
	s.addTok(p, i, Location, prShape)
	return true
}

// siteOfTown: a site named by one or two words and "of" its town, after a
// preposition of place and "the" if any: "mom lives at sunrise of
// bellevue", "you came from the sunrise of evanston", "fell again at
// Clarendale of Addison". The town is listed and no English word; the
// name words are in its case and neither function words nor clinical ones
// ("a letter to the mayor of boston" has a title's noun, "at risk of
// denver" is no shape people say).
func (s *scan) siteOfTown(i int) bool {
	t := &s.toks[i]
	up := t.upper()
	if t.n() < 4 || t.gap != gapSpace || t.allUpper() || t.gaz&(gzWord|gzCityAmb) != 0 || t.lex&(lxMedical|lxCityAmb|lxState|lxCountry) != 0 ||
		t.lex&lxCommon != 0 && t.lex&lxCity == 0 {
		return false
	}
	o := s.sameLinePrev(i)
	if o < 0 || o != i-1 || !s.eq(o, "of") || s.toks[o].upper() {
		return false
	}
	st := -1
	for k, n := s.sameLinePrev(o), 0; k >= 0 && n < 4; k, n = s.sameLinePrev(k), n+1 {
		kt := &s.toks[k]
		if !kt.letters() || kt.gap != gapSpace && kt.gap != gapLine {
			return false
		}
		w := s.lower(k)
		if w == "the" && st >= 0 && !kt.upper() {
			continue
		}
		if w == "at" || w == "to" || w == "from" {
			if st < 0 || kt.upper() {
				return false
			}
			if q := s.sameLinePrev(k); q >= 0 && (s.eq(q, "risk") || s.eq(q, "due")) {
				return false
			}
			s.addTok(st, i, Location, prShape)
			return true
		}
		if kt.upper() != up || kt.allUpper() || s.tokIn(functionWordSet, k) || s.tokIn(wordMakerSet, k) || titleNouns[w] ||
			kt.lex&(lxMedical|lxRelation|lxTitle|lxTitleClin|lxUnitWord|lxDigitWord|lxOrdWord|lxState|lxCountry) != 0 {
			return false
		}
		st = k
	}
	return false
}

// titleNouns hold an office in a town or name a part of it, not a site:
// "the mayor of boston", "the corner of colfax", "the outskirts of reno".
var titleNouns = wordsOf("mayor governor city town county state university bishop archbishop diocese port mayor's sheriff chief " +
	"corner intersection side end part edge outskirts suburbs suburb middle center centre top bottom heart rest outside " +
	"inside north south east west downtown area areas streets street roads way")

// lowerAcronymPlace: a hospital's acronym of the gazetteer written in
// lower case, as a transcriber writes it, where care is had there: after a
// preposition of place with care named before or after it ("my
// neurologist at mgh", "surgery at nyu last year", "i go to uab for my
// infusions", "went to bidmc"). An acronym that is also a word, or a
// clinical or everyday abbreviation of the lists, stays.
func (s *scan) lowerAcronymPlace(i int) bool {
	t := &s.toks[i]
	if t.gaz&gzWord != 0 || t.lex&(lxMedical|lxCommon|lxStateAbbr|lxCredential|lxUnitWord) != 0 || s.tokIn(unitAcronymSet, i) {
		return false
	}
	if s.acronymSubject(i) {
		s.addTok(i, i, Location, prShape)
		return true
	}
	// "the ucsd lab", "the uab er": the acronym between "the" and a
	// site's noun.
	if p, n := s.sameLinePrev(i), s.next(i); p >= 0 && n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() &&
		(s.eq(p, "the") || s.eq(p, "our") || s.eq(p, "their")) && s.tokIn(siteNounSet, n) && !s.eq(n, "team") && !s.eq(n, "unit") &&
		!s.eq(n, "area") && !s.eq(n, "public") {
		s.addTok(i, i, Location, prShape)
		return true
	}
	prep, ok := s.placeAfterPrep(i)
	if !ok || prep == "through" || prep == "via" {
		return false
	}
	p := s.sameLinePrev(i)
	q := s.sameLinePrev(p)
	// A clinician or a kind of care before it names the place; a verb
	// of going or care, or a time after "at", only where the acronym
	// ends its phrase ("went to los angeles", "went to jr high" stay).
	if !s.careBefore(i) && !((s.careAfter(i) || s.wentBefore(i) || q >= 0 && careVerbs[s.lower(q)] ||
		prep == "at" && (s.timeOrEndAfter(i) || acronymAtClosers[s.nextWordAt(i)])) && s.clauseGoesOn(i)) {
		return false
	}
	s.addTok(i, s.facilityWordsAfter(i), Location, prShape)
	return true
}

// acronymAtClosers end the phrase "at" and an acronym opens, or start the
// next clause: "i'm at asu now", "yeah at asu i live in tempe".
var acronymAtClosers = map[string]bool{"now": true, "currently": true, "still": true, "too": true, "i": true,
	"we": true, "he": true, "she": true, "they": true, "and": true, "but": true, "so": true}

// acronymSubject: a hospital's acronym of the gazetteer as the subject of
// a verb of contact, at the start of a clause: "UAB called me about the
// appointment", "and then MGH said", "uab wants me to come in". Only
// such verbs: the acronyms made from hospitals' initials are also those of
// societies and services ("ACC recommended", "SMS sent", "PSY was
// consulted"). Units, services and agencies on the lists ("ICU called",
// "CMS said") stay.
func (s *scan) acronymSubject(i int) bool {
	t := &s.toks[i]
	if t.gaz&gzFacAcro == 0 || t.gaz&gzWord != 0 || t.n() < 3 || t.lex&(lxMedical|lxCommon|lxStateAbbr|lxCredential|lxUnitWord) != 0 ||
		s.tokIn(unitAcronymSet, i) {
		return false
	}
	if p := s.sameLinePrev(i); !(p < 0 || s.turnStart(i) || s.afterSentenceEnd(i) || s.toks[p].punct(',') || s.toks[p].punct(';') ||
		s.toks[p].letters() && clauseOpeners[s.lower(p)]) {
		return false
	}
	n := s.next(i)
	return n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() && contactVerbs[s.lower(n)]
}

// clauseOpeners before a clause's subject.
var clauseOpeners = map[string]bool{"and": true, "but": true, "because": true, "since": true, "so": true, "then": true,
	"when": true, "until": true, "after": true, "before": true, "if": true, "once": true, "cause": true}

// contactVerbs after a hospital's name say it reached a person.
var contactVerbs = map[string]bool{"called": true, "calls": true, "calling": true, "said": true, "says": true,
	"told": true, "wants": true, "wanted": true, "texted": true, "emailed": true, "mailed": true, "faxed": true,
	"scheduled": true, "rescheduled": true, "cancelled": true, "canceled": true, "billed": true, "couldn't": true,
	"never": true}

// acronymSiteAt: an acronym after "the", "our", "their", "your" or "my"
// before a site word: "the USF clinic", "our MUSC office", "the UCSD
// campus". One on no list needs a site that only a place has ("campus",
// "office", "hospital", ...), not "clinic" or "center", which a service's
// letters take too ("the IBD clinic").
func (s *scan) acronymSiteAt(i int, listed bool) bool {
	t := &s.toks[i]
	p, n := s.sameLinePrev(i), s.next(i)
	if p < 0 || n < 0 || t.n() < 3 || t.gap != gapSpace || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() ||
		!(s.eq(p, "the") || s.eq(p, "our") || s.eq(p, "their") || s.eq(p, "your") || s.eq(p, "my")) {
		return false
	}
	w := s.lower(n)
	switch {
	case listed && siteNouns[w] && !s.eq(n, "area") && !s.eq(n, "unit") && !s.eq(n, "team"):
	case t.lex == 0 && t.gaz == 0 && acronymSites[w]:
	default:
		return false
	}
	s.addTok(i, i, Location, prShape)
	return true
}

// acronymSites after an unlisted acronym make it a place.
var acronymSites = map[string]bool{"campus": true, "office": true, "offices": true, "hospital": true, "location": true,
	"branch": true, "satellite": true, "emergency": true, "er": true, "airport": true}

// flightBefore: before token i, a word of flying with or without its
// preposition: "flies out of", "flew into", "arriving", "landed at",
// "connecting through": an airport's code comes there.
func (s *scan) flightBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	switch s.lower(p) {
	case "of":
		if q := s.sameLinePrev(p); q >= 0 && s.eq(q, "out") {
			p = s.sameLinePrev(q)
		} else {
			return false
		}
	case "into", "from", "to", "at", "in", "through", "via":
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	return flightWords[s.lower(p)]
}

// flightWords say a person flies somewhere.
var flightWords = map[string]bool{"fly": true, "flies": true, "flew": true, "flying": true, "flown": true,
	"flight": true, "arriving": true, "arrive": true, "arrives": true, "arrived": true, "landing": true, "landed": true,
	"lands": true, "departing": true, "departs": true, "departed": true, "connecting": true, "layover": true}

// facAcroBeside: a hospital's acronym beside another place, where it is
// part of the facility's name or its campus: "Geisinger CMC", "Mary
// Hitchcock Memorial Hospital / DHMC", "UMC, Las Vegas" at the head of a
// note.
func (s *scan) facAcroBeside(i int) bool {
	if s.toks[i].n() < 3 || s.toks[i].gaz&gzFacAcro == 0 {
		return false
	}
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[i].gap == gapSpace && s.toks[p].capWord() && !s.toks[p].allUpper() && s.toks[p].gaz&gzFacHead != 0 {
		return true // "Geisinger CMC"
	}
	if p >= 2 && s.toks[p].punct('-') && s.toks[p-1].punct('-') && s.toks[p].gap == gapNone {
		p-- // "UC Health -- UCMC"
	}
	if p >= 1 && (s.toks[p].punct('/') || s.toks[p].punct('-')) && s.toks[p-1].word() &&
		(facilityWords[s.lower(p-1)] || s.toks[p-1].gaz&gzFacWord != 0) {
		return true // "... Hospital / DHMC"
	}
	n := s.next(i)
	if n > 0 && s.toks[n].punct(',') && s.toks[n].gap == gapNone {
		if c := s.next(n); c > 0 && s.toks[c].capWord() && (s.toks[c].lex&(lxCity|lxPhraseHead) != 0 || s.toks[c].gaz&gzCity != 0) &&
			s.toks[c].lex&(lxState|lxCountry) == 0 {
			return true // "UMC, Las Vegas"
		}
	}
	return false
}

// lowerSchoolName: a school named in lower case by up to three words
// before its kind, after a preposition of place ("at red lake middle
// school", "kindergarten at happy acorns preschool", "from oak grove high
// school"): the words name it, whatever lists they are on ("little", a
// quantity's word too, stops them: "little sprouts preschool" is missed). A kind, an age,
// a quality or an owner before the kind names none ("at the local high
// school", "my old middle school", "went to medical school", "summer
// school"). i is the school word.
func (s *scan) lowerSchoolName(i int) bool {
	k := s.sameLinePrev(i)
	for n := 0; n < 2 && k >= 0 && s.toks[k].letters() && schoolKinds[s.lower(k)]; n++ {
		k = s.sameLinePrev(k)
	}
	end, st := k, -1
	for n := 0; n < 3 && k >= 0 && s.toks[k].letters() && !s.toks[k].upper() && s.toks[k].gap == gapSpace; n++ {
		w := s.lower(k)
		if wordMakers[w] || functionWords[w] || genericSchoolWords[w] || schoolKinds[w] || s.toks[k].is(lxDigitWord|lxOrdWord|lxTeenWord|lxTensWord|lxMedical) {
			break
		}
		st = k
		k = s.sameLinePrev(k)
	}
	if st < 0 || k < 0 {
		return false
	}
	switch s.lower(k) {
	case "at", "to", "from", "attends", "attended", "attending":
	default:
		return false
	}
	// One English word names a kind ("swim school", "bible school",
	// "cyber charter school"), unless it is a town's or a person's name
	// too.
	if st == end && s.englishTok(st) && s.toks[st].gaz&(gzCity|gzTown) == 0 && s.toks[st].lex&(lxCity|lxFirst) == 0 {
		return false
	}
	s.addTok(st, i, Location, prShape)
	return true
}

// schoolHeads end a school's name; schoolKinds stand between its name and
// its head ("middle school", "tribal school", "junior high").
var (
	schoolHeads        = wordsOf("school elementary academy preschool montessori")
	schoolKinds        = wordsOf("middle high elementary primary junior senior tribal charter intermediate grade grammar prep preparatory day secondary")
	genericSchoolWords = wordsOf("local nearby old new same public private catholic christian alternative boarding special " +
		"other different previous current regular summer night sunday driving nursing law grad graduate dental vet beauty trade " +
		"flight art music dance language cooking medical business online cyber home virtual first last next " +
		"this that district county city state")
)

// doseAcronyms write a route, a time or a kind of a medicine or a device
// before its brand ("from SL NitroStat", "TD NicoDerm", "CGM DexCom").
var doseAcronyms = wordsOf("sl td pr im sq sc subq iv po in id it ih neb top od os ou mdi dpi hs qhs prn bid tid qid qd qod " +
	"ac pc otc dm icd cgm bg nph er ed diy pdm ng gt peg picc")

// camelWord: token n is one word on no list written in camel case, a
// lower-case letter then a capital inside it ("MedWest", "BayCare").
func (s *scan) camelWord(n int) bool {
	t := &s.toks[n]
	if !t.letters() || !t.upper() || t.allUpper() || t.n() < 5 || t.lex != 0 {
		return false
	}
	w := s.str(n)
	for k := 2; k < len(w)-1; k++ {
		if isUpperASCII(w[k]) && w[k-1] >= 'a' && w[k-1] <= 'z' {
			return true
		}
	}
	return false
}

// unitAcronyms name units, services and places every hospital has.
var unitAcronyms = map[string]bool{"icu": true, "micu": true, "sicu": true, "ccu": true, "cvicu": true, "nicu": true,
	"picu": true, "ed": true, "er": true, "or": true, "pacu": true, "snf": true, "ltac": true, "ltach": true, "irf": true,
	"alf": true, "ecf": true, "hh": true, "pt": true, "ot": true, "st": true, "gi": true, "ent": true, "ir": true,
	"ct": true, "mri": true, "ep": true, "ob": true, "pcp": true, "va": true, "vamc": true, "us": true, "usa": true,
	"uk": false, "ld": true, "ldr": true, "tcu": true, "stepdown": true, "medsurg": true, "medpeds": true, "bmt": true, "cath": true, "lab": true,
	"home": true, "ama": true, "hospice": true, "rehab": true, "dme": true, "lpn": true, "rn": true, "md": true,
	"np": true, "pa": true, "do": true, "ok": true, "am": true, "pm": true, "ii": true, "iii": true, "iv": true,
	"me": true, "i": true, "a": true, "an": true, "it": true, "the": true, "cbc": true, "bmp": true, "cmp": true,
	"ekg": true, "ecg": true, "eeg": true, "emg": true, "tte": true, "tee": true, "egd": true, "ercp": true, "eus": true,
	"pet": true, "dexa": true, "ua": true, "ivf": true, "ped": true, "peds": true, "ob-gyn": true, "obgyn": true,
	"urology": true, "psych": true, "bh": true, "cpep": true, "psu": true, "ems": true, "ems's": true, "fd": true,
	"pd": true, "dss": true, "cps": true, "aps": true, "dcfs": true, "wic": true, "ssi": true, "ssa": true,
	"medicare": true, "medicaid": true, "cms": true, "fda": true, "cdc": true, "who": true, "nih": true, "aa": true,
	"na": true, "sud": true, "mat": true, "otp": true, "iop": true, "php": true, "ect": true, "tms": true, "hd": true,
	"pd's": true, "crrt": true, "ecmo": true, "lvad": true, "cabg": true, "pci": true, "tavr": true, "ptca": true}

// cityNickAt: "from NOLA", "moved to ATL", "our ATL clinic", "drove KC to
// OKC", "Philly", "Cincy resident".
func (s *scan) cityNickAt(i int) bool {
	st, prep, afterPrep := s.nickStart(i)
	n := s.next(i)
	site := n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && (siteNouns[s.lower(n)] || s.eq(n, "resident") ||
		s.eq(n, "native") || s.eq(n, "area") || s.eq(n, "based"))
	short := s.toks[i].n() <= 2 // "LA", "SF", "KC": also left atrium, ...
	switch {
	case site:
	case !short && s.turnStart(i) && s.placeQuestionBefore(i):
		// "dr: where do you live / pt: southie on east broadway"
	case afterPrep && prep != "of" && (!short || s.clauseGoesOn(i) || s.cueBefore(i, lxPlaceCue, 4)):
	case !short && s.toks[i].upper() && (s.lineStart(i) || s.toks[i-1].punct(',') || s.toks[i-1].punct('(')):
		if t, e := s.matchCue(i); t != "" && e > i {
			return false // "CHI number 0101431234": an identifier's cue, not Chicago
		}
	default:
		return false
	}
	s.addTok(st, i, Location, prShape)
	return true
}

// nickStart returns where a city's abbreviation at i starts and the
// preposition of place before it: the abbreviation itself, or a side of
// the town between ("from south philly", "in east l.a.").
func (s *scan) nickStart(i int) (st int, prep string, afterPrep bool) {
	prep, afterPrep = s.placeAfterPrep(i)
	st = i
	if p := s.sameLinePrev(i); !afterPrep && p >= 1 && s.toks[p].letters() && sideDirections[s.lower(p)] {
		if prep, afterPrep = s.placeAfterPrep(p); afterPrep {
			st = p
		}
	}
	return st, prep, afterPrep
}

// dottedCityNick: a city's abbreviation written with full stops, "L.A.",
// "l.a.", "S.F.", "N.Y.C.", at its first letter i: after a preposition of
// place or a side of town ("grew up in east l.a."), or before a site word
// ("the L.A. office"). Without the stops it is cityNickAt's.
func (s *scan) dottedCityNick(i int) bool {
	var b [4]byte
	n, e := 0, i
	for k := i; n < len(b) && k+1 < len(s.toks) && s.toks[k].letters() && s.toks[k].n() == 1 && s.toks[k+1].punct('.') &&
		s.toks[k+1].gap == gapNone && (k == i || s.toks[k].gap == gapNone); k += 2 {
		b[n] = s.text[s.toks[k].s] | 0x20
		n, e = n+1, k+1
	}
	if n < 2 {
		return false
	}
	if f, g := lookupString(string(b[:n])); f&lxCityNick == 0 && g&gzCityNick == 0 {
		return false
	}
	st, prep, afterPrep := s.nickStart(i)
	k := s.next(e)
	site := k > 0 && s.toks[k].gap == gapSpace && s.toks[k].letters() && (siteNouns[s.lower(k)] || s.eq(k, "area") || s.eq(k, "based"))
	if !site && !(afterPrep && prep != "of") {
		return false
	}
	s.addTok(st, e, Location, prShape)
	return true
}

// gzLex turns gazetteer flags back into lexicon bits.
func gzLex(g uint16) uint64 { return gzLexTab[0][g&0xff] | gzLexTab[1][g>>8] }

// gzLexTab holds gzLex of every low byte and every high byte of the
// gazetteer flags: two loads instead of a loop over gzBits.
var gzLexTab = func() (t [2][256]uint64) {
	for half := range 2 {
		for x := range 256 {
			g := uint16(x) << (8 * half)
			for _, b := range gzBits {
				if g&b.gz != 0 {
					t[half][x] |= b.lx
				}
			}
		}
	}
	return t
}()

// messageBefore: "a call from Belton", "a note from Jackson": what comes
// from a person.
func (s *scan) messageBefore(i int) bool {
	p := s.sameLinePrev(i)
	q := s.sameLinePrev(p)
	if q < 0 {
		return false
	}
	switch s.lower(q) {
	case "call", "calls", "message", "messages", "note", "notes", "letter", "text", "texts", "email", "e-mail",
		"referral", "fax", "word", "news", "help", "support", "report", "voicemail", "visit", "gift", "card", "consult":
		return true
	}
	return false
}

// placeCoordination adds the places coordinated with a place already found:
// "the one in dearborn or royal oak", "from tulsa, broken arrow and owasso".
// The second place must be a town or city of the gazetteer or the city
// lists, and end its clause (or go on to another coordinated place), so that
// "in boston and hope to move" keeps the verb.
func (s *scan) placeCoordination() {
	n := len(s.cands)
	for c := 0; c < n; c++ {
		if s.cands[c].t != Location {
			continue
		}
		_, e := s.candTokens(&s.cands[c])
		for e >= 0 {
			e = s.coordinatedPlace(e)
		}
	}
}

// tokEndingAt returns the token that ends at byte offset off, or -1.
func (s *scan) tokEndingAt(off int) int {
	if !s.offOK {
		s.buildOffTok()
	}
	if uint(off) < uint(len(s.endAt)) {
		return int(s.endAt[off]) - 1
	}
	return -1
}

// coordinatedPlace adds the place after "or", "and" or a comma after token
// e, and returns its last token, or -1.
func (s *scan) coordinatedPlace(e int) int {
	k := s.next(e)
	if k < 0 {
		return -1
	}
	if s.toks[k].punct(',') {
		if k = s.next(k); k < 0 {
			return -1
		}
	}
	if s.toks[k].letters() && (s.eq(k, "or") || s.eq(k, "and")) {
		if k = s.next(k); k < 0 {
			return -1
		}
	} else if !s.toks[k-1].punct(',') {
		return -1
	}
	if s.toks[k].gap != gapSpace || !s.toks[k].letters() {
		return -1
	}
	t := &s.toks[k]
	if t.is(lxTitle | lxTitleClin | lxMonth | lxWeekday | lxState | lxCountry | lxRelation) {
		return -1
	}
	end := -1
	if t.gaz&gzPhraseHead != 0 || t.lex&lxPhraseHead != 0 {
		end, _ = s.gazPhraseAt(k, lxCity|lxTown)
	}
	if end < 0 {
		if t.gaz&(gzCity|gzTown) == 0 && t.lex&lxCity == 0 || t.lex&(lxCommon|lxMedical) != 0 && t.lex&lxCity == 0 {
			return -1
		}
		end = k
	}
	// The clause ends there, or another place is coordinated; no
	// hyphenated word ("lives in Bexley, post-TAVR").
	if a := s.adj(end); a > 0 && (s.toks[a].punct('-') || s.toks[a].punct('\'') || s.toks[a].punct('/')) {
		return -1
	}
	if !s.strictEnd(end) && !s.clauseGoesOn(end) {
		return -1
	}
	if n := s.next(end); n > 0 && (s.eq(n, "to") || s.eq(n, "is") || s.eq(n, "was") || s.eq(n, "for")) {
		return -1 // "and hope to", "and grace is"
	}
	if n := s.next(end); end == k && !t.upper() && n > 0 && s.englishTok(k) && ((strings.HasSuffix(s.lower(k), "ed") || pastMotion[s.lower(k)]) &&
		(s.eq(n, "at") || s.eq(n, "on") || s.eq(n, "off") || s.eq(n, "down") || s.eq(n, "into") || s.eq(n, "over")) ||
		s.eq(k-1, "and") && s.eq(n, "at")) {
		// "from Kotzebue, fell at his daughter's home": a verb; "a
		// shipwright at the shipyard and elder at the church": a role
		return -1
	}
	s.addTok(k, end, Location, prShape)
	return end
}

// pastMotion are verbs of falling and moving in the past, without "-ed".
var pastMotion = wordsOf("fell went got came ran drove flew left lost hit broke woke sat stood slid")

// lowerWordAfter: a lower-case word follows token k on its line ("General
// surgery": a service, not a hospital's name).
func (s *scan) lowerWordAfter(k int) bool {
	n := s.next(k)
	return n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper()
}

// serviceModifiers and serviceHeads make the service words of a practice's
// name after its place ("Bayside Family Health", "Elm Primary Care",
// "Lakeside Internal Medicine").
var serviceModifiers = map[string]bool{"family": true, "primary": true, "urgent": true, "internal": true,
	"women's": true, "pediatric": true, "community": true, "behavioral": true}
var serviceHeads = map[string]bool{"care": true, "medicine": true, "practice": true, "physicians": true,
	"associates": true, "partners": true}

// keeperInBefore: "in" after a relative, a business or a site before a
// town spelled like a word or a name, the clause ending or a verb or a
// comma after it: "my daughter in savannah found me", "the walk in clinic
// in paradise said".
func (s *scan) keeperInBefore(i, end int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.eq(p, "in") {
		return false
	}
	q := s.sameLinePrev(p)
	if q >= 0 && distanceAdverbs[s.lower(q)] {
		q = s.sameLinePrev(q) // "my sister out in eugene sent these"
	}
	if q < 0 || !s.toks[q].letters() || !(s.toks[q].is(lxRelation) || placeKeepers[s.lower(q)] || siteNouns[s.lower(q)]) {
		return false
	}
	if w := s.lower(i); end == i && (inIdioms[w] || siteNouns[w] || placeKeepers[w] || hospitalWords[w] || facilityWords[w]) {
		return false // "my son in college", "my brother in jail"
	}
	if s.strictEnd(end) {
		return true
	}
	n := s.next(end)
	return n > 0 && (s.toks[n].punct(',') || s.toks[n].letters() && (personVerbNext[s.lower(n)] || personVerbs[s.lower(n)] || keeperPasts[s.lower(n)] ||
		len(s.lower(n)) > 3 && s.lower(n)[len(s.lower(n))-2:] == "ed" && s.toks[n].lex&lxMedical == 0))
}

// keeperPasts are irregular past forms a relative or a business does,
// after the town it is in: "my daughter in savannah found me this clinic",
// "my sister in eugene sent these" (regular ones end in "ed").
var keeperPasts = map[string]bool{"found": true, "sent": true, "gave": true, "made": true, "saw": true, "paid": true,
	"bought": true, "wrote": true, "flew": true, "kept": true, "set": true, "got": true, "told": true, "took": true,
	"came": true, "went": true, "drove": true, "brought": true, "said": true, "thought": true, "had": true}

// inIdioms are where a person is said to be with "in" and no place name:
// "my son in college", "her husband in rehab", "seen in person".
var inIdioms = map[string]bool{"college": true, "school": true, "jail": true, "prison": true, "rehab": true,
	"town": true, "bed": true, "court": true, "class": true, "treatment": true, "therapy": true, "recovery": true,
	"service": true, "law": true, "charge": true, "surgery": true, "labor": true, "hospice": true,
	"person": true, "public": true, "private": true}
