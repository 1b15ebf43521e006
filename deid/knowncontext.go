package deid

import "strings"

// Context for a known name part written in lower case, as speech
// recognition writes every name. A part that is also a word ("dawn",
// "grant", "may", "summer") is this person's name where the words around it
// address or name a person:
//
//   - next to another part of a known name, or a listed first name ("grant
//     hill", "al-rashid", "hill j. grant");
//   - after a title, with or without its period, in any case ("mrs. rivers",
//     "mr rivers", "dr may");
//   - after a relation word ("my wife dawn", "daughter named hope");
//   - after an introduction ("my name is", "this is", "call me", "goes by";
//     "i'm", "are you", "it's" when the name ends the clause);
//   - after a greeting ("hey there dawn", "good morning june", "thanks
//     will");
//   - in address: set off by punctuation ("dawn, how are you", "how are
//     you, dawn?") or after a discourse word before a question or a
//     request ("alright hunter let's look", "ok so june how are you");
//   - as a speaker tag ("dawn:"), or possessive before a relation
//     ("hunter's mom"), or any possessive of a name that is no date and
//     has no determiner before it ("hunter's soccer game");
//   - talked about in the third person (thirdPersonAt): a subject before
//     a verb a person does ("jordan drove me", "autumn is doing better";
//     a month only before a verb no date takes), after an auxiliary
//     asking about the person ("is june still taking", "how's will
//     doing"), the object of a verb said of people before a time or the
//     clause end ("i'll see miles in three months"), after with/for/about
//     ending a clause ("living with autumn", "the follow up for iris"),
//     coordinated with a person or another supplied part ("me and
//     miles", "june and miles"), "hunter is my son", a family ("the hill
//     family", "the kings are"), after an initial of a supplied name
//     ("r. hunter");
//   - closing a pleasantry or a formula said to the person ("nice to meet
//     you hunter", "thanks so much june", "hang in there may, see you
//     soon"), opening a turn before a question word ("june what brings
//     you in").
//
// A modal before a verb stays the modal even next to a name ("doctor
// king will see you").
//
// A part that is a name more often than a word (kpWord: "dawn", "hill",
// "iris") is also the name anywhere the word before it does not make it a
// word: a determiner, preposition, pronoun, auxiliary or intensifier ("at
// dawn", "up the hill", "i hope", "so young").

// knownInContext decides a lower-case known part of tier kpWord or kpCommon.
func (s *scan) knownInContext(i int, p knownPart) bool {
	// "have you tried ginger", "he was playing chase": the object of a
	// verb that takes a thing, even closing the turn.
	if thingObjectVerbs[s.prevWordAt(i, 1)] {
		return false
	}
	// "that's worrying will we will do a stress test": a modal is never
	// followed by a pronoun and another finite verb; the person is.
	if modalNames[p.word] && s.pronounThenFinite(i) {
		return true
	}
	// "doctor king will see you": a modal before a verb is the modal, next
	// to a name or not; never after "from" ("advice from will keep
	// walking").
	if modalNames[p.word] && baseVerbs[s.nextWordAt(i)] && !s.titleBefore(i) && !auxQuestion[s.prevWordAt(i, 1)] && !s.messageFrom(i) {
		return false
	}
	if s.addressBeforeClause(i, p) || s.modalAtClauseEnd(i, p) || s.inRunOnTurn(i, p) {
		return true
	}
	if (s.nextWordAt(i) == "wears" || s.nextWordAt(i) == "wore") && wornAway[s.nextWordAt(s.next(i))] {
		return false // "and patience wears thin", "hope wore off"
	}
	if s.knownNeighbour(i) || s.titleBefore(i) || s.relationBefore(i) || s.speakerTagAt(i) || s.bareSpeakerTag(i) ||
		s.introBefore(i) || s.greetingBefore(i, p) || s.vocativeAt(i, p) || s.possessiveOfPerson(i) || s.familyAt(i) ||
		s.thirdPersonAt(i) || s.echoAt(i) || s.calledOut(i, false) || s.askedAbout(i, p) || s.nameConfirmed(i, p) ||
		s.messageFrom(i) || s.nameRemarked(i) || s.honorificAfter(i) {
		return true
	}
	return p.tier == kpWord && !s.wordUse(i, p)
}

// honorificAfter: a title of respect said after the name closes its
// clause or opens a greeting's next one ("baby chechi, sit sit", "sunny
// ji, come in", "hope-san, good morning"), after no article, possessive
// or verb of being (notAddressedAfter: "you were lucky ji", "the baby ji,
// she is feeding"); "the baby uncle gave" is no address.
func (s *scan) honorificAfter(i int) bool {
	if notAddressedAfter[s.prevWordAt(i, 1)] {
		return false // "you were lucky ji", "the baby ji, she is feeding", "i am happy uncle"
	}
	n := s.next(i)
	if n > 0 && s.toks[n].punct('-') && s.toks[n].gap == gapNone {
		n = s.next(n) // "hope-san"
	}
	if n < 0 || !s.toks[n].letters() || !postNameTitles[s.lower(n)] {
		return false
	}
	return s.clauseEndAfter(n) || afterTitledGreeting[s.nextWordAt(n)]
}

// notAddressedAfter are words a person addressed by name does not follow:
// an article or a possessive before a thing, a verb of being before a
// word said of someone.
var notAddressedAfter = wordsOf("the a an my your his her our their this that were was am is are be been being feel feels " +
	"felt look looks so very too")

// postNameTitles are said after a person's name as a title of respect or
// kinship in the languages spoken in clinics (Hindi, Urdu, Malayalam,
// Tamil, Gujarati, Japanese, Korean, and Indian English's "aunty").
var postNameTitles = wordsOf("ji jee bhai bhaiya chechi chettan chetta akka anna didi behen ben sahib saab sahab begum khanum " +
	"san sama kun ssi nim aunty auntie uncle")

// nameRemarked: what is said right after the part is about it as a name:
// "chinedu, chi for short", "bright nice name", "grace, what a pretty
// name", "joy, that's a lovely name".
func (s *scan) nameRemarked(i int) bool {
	n := s.next(i)
	if n >= 0 && s.toks[n].punct(',') {
		n = s.next(n)
	}
	if n < 0 || !s.toks[n].letters() {
		return false
	}
	if s.eq(n, "for") {
		// "chi for short", closing the clause; "we hope for short
		// admission" is the word.
		sh := s.next(n)
		return sh > 0 && s.eq(sh, "short") && s.clauseEndAfter(sh)
	}
	// "what a", "that's a", "such a", "a": the remark's opening.
	for k := 0; k < 3 && n >= 0 && s.toks[n].letters() && remarkOpeners[s.lower(n)]; k++ {
		if s.eq(n, "that") && n+2 < len(s.toks) && s.toks[n+1].punct('\'') {
			n += 2 // "that's"
		}
		n = s.next(n)
	}
	if n < 0 || !s.toks[n].letters() || !nameAdjectives[s.lower(n)] {
		return false
	}
	w := s.nextWordAt(n)
	return w == "name" || w == "names"
}

// remarkOpeners and nameAdjectives make a remark on a name: "what a pretty
// name", "that's a nice name", "such a lovely name".
var (
	remarkOpeners  = wordsOf("what that such a")
	nameAdjectives = wordsOf("nice pretty lovely beautiful cool great good unusual unique fun strong fine cute gorgeous " +
		"interesting different classic old-fashioned")
)

// bareSpeakerTag: the part opens a line of a transcript whose speakers are
// tagged without a colon ("nurse hi virginia", "virginia mine three oh
// four"): the same word opens another line, and two lines or more open
// with a role ("nurse", "patient") and no colon.
func (s *scan) bareSpeakerTag(i int) bool {
	if !(i == 0 || s.toks[i].gap == gapLine) || i+1 >= len(s.toks) || s.toks[i+1].punct(':') || s.toks[i+1].gap == gapLine {
		return false
	}
	if modalNames[s.lower(i)] {
		return false // "may i ask something": a modal opening a question
	}
	w := s.lower(i)
	same, roles := 0, 0
	for _, li := range s.web.lines {
		k := int(li)
		if k+1 >= len(s.toks) || s.toks[k+1].punct(':') || !s.toks[k].letters() {
			continue
		}
		switch x := s.lower(k); {
		case x == w:
			same++
		case bareRoleTags[x]:
			roles++
		}
		if same >= 2 && roles >= 2 {
			return true
		}
	}
	return false
}

// wornAway after "wears"/"wore" make it what a thing does ("patience
// wears thin", "hope wore off").
var wornAway = wordsOf("thin off away down out")

// discourseMarkers open what is said to someone before their name.
var discourseMarkers = wordsOf("so okay ok alright um uh well now hey hi")

// yourVerbs are names that are also verbs taking "your" ("okay drew your
// labs", "well hope your knee feels better", "page your doctor").
var yourVerbs = wordsOf("hope drew bill page grant mark chase rob wish trust skip pat sue")

// subjectBeforeMarker: a pronoun or its contraction stands before the
// discourse marker before token i ("so we'll um bill your insurance").
func (s *scan) subjectBeforeMarker(i int) bool {
	for n := 2; n <= 4; n++ {
		switch w := s.prevWordAt(i, n); w {
		case "i", "we", "you", "they", "he", "she", "i'll", "we'll", "you'll", "they'll", "he'll", "she'll", "ll":
			return true
		case "", ".", "?", "!":
			return false
		}
	}
	return false
}

// bareRoleTags open the lines of a transcript tagged without colons.
var bareRoleTags = wordsOf("doctor patient nurse np pa dr provider clinician physician therapist counselor pharmacist " +
	"mom dad mother father wife husband son daughter interpreter caller aide resident attending midwife doctora paciente " +
	"enfermera")

// sighedPrayer: "lord have mercy", "god have mercy on me": a prayer said
// as a sigh, whoever is named Mercy.
func (s *scan) sighedPrayer(i int) bool {
	if !s.eq(i, "mercy") || s.toks[i].upper() || s.prevWordAt(i, 1) != "have" {
		return false
	}
	w := s.prevWordAt(i, 2)
	return w == "lord" || w == "god"
}

// messageFrom: a supplied part after a word of something a person sends
// or gives and "from", where the noun phrase ends after it: "that's sage
// advice from sage keep walking", "a message from hope, she'll call", "a
// referral from will"; not "tea made from sage leaves".
func (s *scan) messageFrom(i int) bool {
	if s.prevWordAt(i, 1) != "from" || !sentFromPerson[s.prevWordAt(i, 2)] {
		return false
	}
	if facilityWords[s.lower(i)] {
		return false // "a message from church, they want to visit": a place
	}
	n := s.nextWordAt(i)
	switch n {
	case "to", "till", "until", "through", "thru", "be":
		return false // "calls from dawn to dusk"; "the news from will be good" is the modal
	case "call":
		if s.eq(i, "will") {
			return false // "a text from will call": a pharmacy's pickup counter
		}
	case "yesterday", "today", "tonight", "this", "last", "arrived", "came":
		return true // "a text from dawn yesterday", "a letter from grant arrived"
	}
	return s.clauseEndAfter(i) || baseVerbs[n] || clauseWords[n] || dayEndWords[n] || n == "you" || n == "thanks"
}

// sentFromPerson are what a person sends, gives or says: after them,
// "from" names the person.
var sentFromPerson = wordsOf("advice message messages call calls note notes letter letters email emails text texts " +
	"referral word news hello hi regards greetings love visit update voicemail card gift flowers referral")

// addressBeforeClause: a supplied part said to the person before what is
// said to them, after a word that opens address or a comma: "ok drew we
// drew your blood", "and hope you're the nurse", "hi major i'm", "nice,
// virginia let's talk", "great summer drink lots of water", "hi may this
// is the nurse", "i'll send you
// to him autumn is that ok", "come on in joy". A modal name only before a
// finite form ("so will you" is the modal).
func (s *scan) addressBeforeClause(i int, p knownPart) bool {
	p1, nx := s.prevWordAt(i, 1), s.nextWordAt(i)
	opener := addressOpeners[p1] || vocativeOpeners[p1] || p1 == ","
	if opener {
		switch nx {
		case "i'm", "we're", "you're", "you've", "you'll", "we'll", "let's", "lets", "i'll", "i'd", "we'd":
			return true
		case "i", "we", "you":
			return !modalNames[p.word] && !auxQuestion[p.word] && !s.calendarWord(i)
		}
		// "hi may this is the nurse", "hey hope it's kim": a greeting,
		// the name, then who is calling.
		if (p1 == "hi" || p1 == "hey" || p1 == "hello") && (nx == "it's" ||
			nx == "this" && s.nextWordAt(s.next(i)) == "is") {
			return true
		}
		if (p1 == "great" || p1 == "ok" || p1 == "okay" || p1 == "alright" || p1 == "good" || p1 == "perfect") &&
			imperativeVerbs[nx] && !modalNames[p.word] {
			return true
		}
	}
	// "so art the memory testing", "ha it's nice, so earl the breathing":
	// the name, then the matter turned to, at a turn's or a clause's
	// start; not a verb ("so hope the test", "ok sue the hospital").
	if (p1 == "so" || p1 == "ok" || p1 == "okay" || p1 == "alright") && nx == "the" && !modalNames[p.word] && !verbNames[p.word] &&
		!s.calendarWord(i) {
		q := s.sameLinePrev(i)
		if q2 := s.sameLinePrev(q); q2 < 0 || s.turnStart(q) || s.toks[q2].punct(',') || s.toks[q2].letters() &&
			(discourseWords[s.lower(q2)] || s.eq(q2, "ha") || s.eq(q2, "haha")) {
			return true
		}
	}
	// "ferencz is fine, or wade", "is it kye or kay", "rose marie? or just
	// rose": another form of the name offered after "or", closing the
	// clause, where a part of a supplied name was just said.
	orBefore := p1 == "or" || (p1 == "just" || p1 == "simply") && s.prevWordAt(i, 2) == "or"
	if orBefore && s.clauseEndAfter(i) && !modalNames[p.word] && !s.calendarWord(i) {
		for k, n := s.sameLinePrev(s.sameLinePrev(i)), 0; k >= 0 && n < 5; k, n = s.sameLinePrev(k), n+1 {
			if s.toks[k].letters() && s.isKnown(k) && s.lower(k) != p.word {
				return true
			}
		}
	}
	// "autumn is that ok": a tag question right after the name.
	if (nx == "is" || nx == "does") && s.nextWordAt(s.next(i)) == "that" {
		if n3 := s.next(s.next(s.next(i))); n3 > 0 && (s.eq(n3, "ok") || s.eq(n3, "okay") || s.eq(n3, "alright") ||
			s.eq(n3, "right") || s.eq(n3, "fine") || s.eq(n3, "sound") || s.eq(n3, "work")) {
			return true
		}
	}
	// "come on in joy", "have a seat will": a welcome, then the name.
	if s.clauseEndAfter(i) && (p1 == "in" && s.prevWordAt(i, 2) == "on" || p1 == "back" && s.prevWordAt(i, 2) == "on" ||
		p1 == "seat" && s.prevWordAt(i, 2) == "a") {
		return true
	}
	return false
}

// calledOut: a supplied part that is a whole turn, as a name is called in
// a waiting room, answered by its owner in the next turn: "nurse: major" /
// "patient: that's me", "hope?" / "yes". A word that answers a question
// ("major" after "was it a big one") is followed by no such answer.
// strong: only an answer that says "me" or "here" ("ozempic?" / "yes" is
// a drug confirmed).
func (s *scan) calledOut(i int, strong bool) bool {
	// "doctor: and cherry" / "relative: hello": the next one greeted.
	if p := s.sameLinePrev(i); !strong && p >= 0 && s.eq(p, "and") && s.turnStart(p) {
	} else if !s.turnStart(i) && !s.calledNext(i) {
		return false
	}
	n := i + 1
	if n < len(s.toks) && s.toks[n].gap != gapLine && (s.toks[n].punct('?') || s.toks[n].punct('.') || s.toks[n].punct('!')) {
		n++
	}
	if n >= len(s.toks) || s.toks[n].gap != gapLine {
		return false
	}
	// The next turn's first word, after its speaker tag.
	for k := n; k < len(s.toks) && k < n+6; k++ {
		if !(s.toks[k].punct(':') || s.toks[k].punct(']')) || k+1 >= len(s.toks) || s.toks[k+1].gap == gapLine {
			continue
		}
		var buf [3]string
		switch ws := s.wordsAfterInto(buf[:0], k, 3); {
		case len(ws) == 0:
		case ws[0] == "that's" || ws[0] == "it's":
			return len(ws) > 1 && (ws[1] == "me" || ws[1] == "us")
		case ws[0] == "that" || ws[0] == "it":
			return len(ws) > 2 && ws[1] == "is" && ws[2] == "me"
		case presentSubjects[ws[0]]:
			// "she's here", "we're coming": someone answers for the
			// person called.
			return len(ws) > 1 && (ws[1] == "here" || ws[1] == "coming")
		case ws[0] == "right" || ws[0] == "over":
			return len(ws) > 1 && ws[1] == "here"
		default:
			switch ws[0] {
			case "here", "present", "me", "coming":
				return true
			case "yes", "yeah", "yep", "hi", "hello", "hey":
				return !strong
			}
		}
		return false
	}
	return false
}

// calledNext: the one called in after "next is", "next up", "calling" or
// "paging" ("nurse: next is rivers").
func (s *scan) calledNext(i int) bool {
	switch s.prevWordAt(i, 1) {
	case "calling", "paging":
		return true
	case "is", "up":
		return s.prevWordAt(i, 2) == "next"
	}
	return false
}

// presentSubjects answer for a person called out: "she's here", "we're
// coming".
var presentSubjects = map[string]bool{"she's": true, "he's": true, "we're": true, "i'm": true, "they're": true}

// askedAbout: a supplied part asked about or asked, in frames a word does
// not take: "is storm with you" (an auxiliary, the part, "with" and a
// person); "and pepper how old is she", "nice to meet you and art how are
// you feeling" ("and", the part, a question about how a person is: not
// "garlic and ginger how often do you take it").
func (s *scan) askedAbout(i int, p knownPart) bool {
	p1 := s.prevWordAt(i, 1)
	var buf [4]string
	ws := s.wordsAfterInto(buf[:0], i, 4)
	if len(ws) < 2 {
		return false
	}
	if (p1 == "is" || p1 == "was") && ws[0] == "with" {
		switch ws[1] {
		case "you", "us", "her", "him", "them", "me":
			return !s.calendarWord(i)
		}
	}
	asksAfter := ws[0] == "how's" || ws[0] == "how" && (ws[1] == "old" || ws[1] == "are" || ws[1] == "is" || ws[1] == "was" ||
		ws[1] == "has" || ws[1] == "have") || ws[0] == "what's" || ws[0] == "where's"
	if p1 == "and" && asksAfter && !modalNames[p.word] {
		for _, w := range ws[1:] {
			switch w {
			case "you", "she", "he", "they", "you're", "she's", "he's":
				return true
			}
		}
	}
	return false
}

// vocativeOpeners open a turn said to someone, before the name.
var vocativeOpeners = map[string]bool{"hi": true, "hey": true, "hello": true, "great": true, "nice": true,
	"good": true, "perfect": true, "thanks": true, "then": true, "yes": true, "right": true}

// imperativeVerbs tell the person spoken to what to do: "great summer
// drink lots of water".
var imperativeVerbs = map[string]bool{"drink": true, "take": true, "keep": true, "call": true, "come": true,
	"make": true, "try": true, "go": true, "stay": true, "get": true, "use": true, "put": true, "sit": true,
	"lie": true, "hold": true, "breathe": true, "look": true, "tell": true, "stop": true, "avoid": true,
	"continue": true, "eat": true, "rest": true, "follow": true, "hop": true, "step": true, "remember": true}

// modalAtClauseEnd: a supplied part that is a modal ("will", "may") ending
// a turn where no subject before it lets it be the modal: "we'll see you
// at two then may", "see you in june may", "listen to her will"; not "yes
// i will", "she may".
func (s *scan) modalAtClauseEnd(i int, p knownPart) bool {
	if !modalNames[p.word] || !s.clauseEndAfter(i) {
		return false
	}
	switch s.prevWordAt(i, 1) {
	case "", "i", "you", "we", "they", "he", "she", "it", "who", "that", "which", "there", "one", "not", "never",
		"also", "still", "definitely", "probably", "maybe", "certainly", "really", "too", "so", "and", "or", "i'm",
		// The month: "see you in may", "since may".
		"in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this", "through",
		"from", "before", "after", "around", "during":
		return false
	}
	return true
}

// pronounThenFinite: a subject pronoun and a finite verb or modal follow
// token i ("will we will do", "may you're up next").
func (s *scan) pronounThenFinite(i int) bool {
	var wb [2]string
	w := s.wordsAfterInto(wb[:0], i, 2)
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "we'll", "i'm", "we're", "you're", "i'll", "you'll", "they're", "he's", "she's":
		return true
	case "i", "we", "you", "he", "she", "they":
		if len(w) < 2 {
			return false
		}
		switch w[1] {
		case "will", "would", "can", "could", "should", "must", "shall", "are", "were", "is", "was", "won't", "don't",
			"didn't", "am":
			return true
		}
	}
	return false
}

// echoAt: a play on the name, the same known word twice around one short
// word ("ha may in may", "lance the lance", "poison ivy on ivy"). One of
// the two is the person; which one, the words cannot tell, so both go.
// "may or may not" is no play: "or" and "and" do not join an echo.
func (s *scan) echoAt(i int) bool {
	w := s.lower(i)
	if p := s.sameLinePrev(i); p >= 0 && s.toks[p].letters() && echoGlue[s.lower(p)] && s.toks[i].gap == gapSpace {
		if q := s.sameLinePrev(p); q >= 0 && s.toks[p].gap == gapSpace && s.toks[q].letters() && s.lower(q) == w {
			return true
		}
	}
	if n := s.next(i); n > 0 && s.toks[n].letters() && echoGlue[s.lower(n)] && s.toks[n].gap == gapSpace {
		if m := s.next(n); m > 0 && s.toks[m].gap == gapSpace && s.toks[m].letters() && s.lower(m) == w {
			return true
		}
	}
	// "hunter yeah hunter is my oldest": a name said, acknowledged and said
	// again as the subject of "is" or "was", or ending the clause.
	if n := s.next(i); n > 0 && s.toks[n].letters() && ackEcho[s.lower(n)] {
		if m := s.next(n); m > 0 && s.toks[m].letters() && s.lower(m) == w {
			switch nx := s.nextWordAt(m); {
			case nx == "is", nx == "was", nx == "'s", s.clauseEndAfter(m):
				return true
			}
		}
	}
	return false
}

// nameConfirmed: a supplied part in a question about what the person is
// called ("is it major, or do people call you something else?"), or
// opening the answer to one, ended there ("mr. pruett... walker, right?" /
// "walker. like the walker i'm pushing"; "is it major, or ..." / "major.
// my mama named me that"): the answer names the person, whatever the
// word is elsewhere in the visit.
func (s *scan) nameConfirmed(i int, p knownPart) bool {
	if s.calendarWord(i) || modalNames[p.word] {
		return false
	}
	if s.prevWordAt(i, 1) == "it" && s.prevWordAt(i, 2) == "is" || s.prevWordAt(i, 1) == "it's" {
		if s.nameAskedOnLine(i) {
			return true
		}
	}
	if !s.turnStart(i) || !s.clauseEndAfter(i) {
		return false
	}
	// The line before: the same word asked back as the name, or a
	// question of the name ("a cane or a walker?" asks no name).
	h := s.lineHead(i)
	if h == 0 {
		return false
	}
	prev := h - 1
	for k := prev; k >= 0; k-- {
		if s.toks[k].letters() && s.lower(k) == p.word {
			if !s.nameEndsAt(k) {
				return false // "minor or major?" / "major.": the word offered as a word
			}
			if n := s.next(k); n > 0 && (s.toks[n].punct(',') || s.toks[n].punct('?')) {
				return true // "walker, right?" / "walker?", found a name there
			}
		}
		if s.toks[k].gap == gapLine {
			return s.nameAskedOnLine(k)
		}
	}
	return false
}

// nameAskedOnLine: the line of token i asks what someone is called: "call
// you", "go by", "your name", "your first name", "prefer to be called".
func (s *scan) nameAskedOnLine(i int) bool {
	h := s.lineHead(i)
	for k := h; k < len(s.toks) && (k == h || s.toks[k].gap != gapLine); k++ {
		if !s.toks[k].letters() {
			continue
		}
		switch s.lower(k) {
		case "call", "calls":
			if s.nextWordAt(k) == "you" || s.nextWordAt(k) == "him" || s.nextWordAt(k) == "her" {
				return true
			}
		case "go", "goes":
			if s.nextWordAt(k) == "by" {
				return true
			}
		case "name", "nickname":
			if pw := s.prevWordAt(k, 1); pw == "your" || pw == "first" || pw == "his" || pw == "her" {
				return true
			}
		case "called":
			if pw := s.prevWordAt(k, 1); pw == "be" || pw == "you're" {
				return true
			}
		}
	}
	return false
}

// ackEcho acknowledge a name before it is said again.
var ackEcho = map[string]bool{"yeah": true, "yes": true, "yep": true, "yup": true, "right": true}

// echoGlue joins the two halves of a play on a name.
var echoGlue = map[string]bool{"in": true, "on": true, "the": true, "at": true, "for": true, "from": true,
	"to": true, "with": true, "of": true, "a": true, "by": true, "like": true}

// sameLinePrev returns i-1 if that token is on the line of token i.
func (s *scan) sameLinePrev(i int) int {
	if i > 0 && s.toks[i].gap != gapLine {
		return i - 1
	}
	return -1
}

// knownNeighbour: another part of a known name (or a listed first name)
// right before or after, joined by a space or a hyphen, or with a middle
// initial between.
func (s *scan) knownNeighbour(i int) bool {
	isPart := func(k int) bool {
		if k < 0 || k >= len(s.toks) || !s.toks[k].letters() || s.toks[k].n() < 2 {
			return false
		}
		if s.isKnown(k) {
			return true
		}
		t := &s.toks[k]
		return t.lex&lxFirst != 0 && t.lex&nonNameFlags == 0
	}
	if p := s.sameLinePrev(i); p >= 0 {
		switch {
		case s.toks[i].gap == gapSpace && isPart(p):
			return true
		case s.eq(p, "comma") && isPart(s.sameLinePrev(p)):
			return true // "bell comma mercy", read out as written
		case s.toks[i].gap == gapNone && s.toks[p].punct('-') && s.toks[p].gap == gapNone && isPart(p-1):
			return true
		case s.toks[p].punct('.') && p >= 2 && s.toks[p-1].n() == 1 && s.toks[p-1].letters() && isPart(p-2):
			return true // "hill j. grant"
		case s.toks[p].letters() && s.toks[p].n() == 1 && s.toks[i].gap == gapSpace && p >= 1 && s.toks[p].gap == gapSpace && isPart(p-1):
			return true // "hill j grant"
		}
	}
	if n := s.next(i); n > 0 {
		switch {
		case s.toks[n].gap == gapSpace && isPart(n):
			return true
		case s.eq(n, "comma") && isPart(s.next(n)):
			return true
		case s.toks[n].gap == gapNone && s.toks[n].punct('-') && s.adj(n) > 0 && isPart(n+1):
			return true
		case s.toks[n].letters() && s.toks[n].n() == 1 && s.toks[n].gap == gapSpace && n+2 < len(s.toks) &&
			s.toks[n+1].punct('\'') && s.toks[n+1].gap == gapNone && s.toks[n+2].gap == gapNone && isPart(n+2):
			return true // "dawn o'neil"
		case s.toks[n].letters() && s.toks[n].n() == 1 && s.toks[n].gap == gapSpace:
			m := n + 1
			if m < len(s.toks) && s.toks[m].punct('.') && s.toks[m].gap == gapNone {
				m++
			}
			if m < len(s.toks) && s.toks[m].gap == gapSpace && isPart(m) {
				return true // "grant j. hill"
			}
		}
	}
	return false
}

// titleBefore: a title right before, with or without its period, in any
// case, or before the start the speaker stumbled on: "mrs. rivers", "mr
// rivers", "Dr May", "ms. ma- may".
func (s *scan) titleBefore(i int) bool {
	// "ms. ma- may": the title before the name's stumbled start.
	at := i
	for k := s.stutterStart(i, i); k >= 0; k = s.stutterStart(i, k) {
		at = k
	}
	p := s.sameLinePrev(at)
	if p >= 0 && s.toks[p].punct('.') && s.toks[p].gap == gapNone {
		p--
	}
	if p < 0 || s.toks[at].gap == gapNone || !s.toks[p].letters() {
		return false
	}
	if s.toks[p].is(lxTitle | lxTitleClin) {
		return true
	}
	switch s.lower(p) {
	case "missus", "mrs", "doc", "nurse", "coach":
		return true
	}
	return false
}

// relationBefore: "my wife dawn", "her son, hunter,", "daughter named hope".
func (s *scan) relationBefore(i int) bool {
	p := s.sameLinePrev(i)
	for n := 0; n < 2 && p >= 0; n++ {
		if s.toks[p].punct(',') || s.toks[p].punct(':') || s.eq(p, "named") || s.eq(p, "called") {
			p = s.sameLinePrev(p)
			continue
		}
		break
	}
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	if s.toks[p].is(lxRelation) {
		return true
	}
	// A title of another language only before the name closing its clause
	// or another part of it: "baba sunday, good morning"; "nani will
	// stay", "her bibi long ago" are the words.
	n := s.next(i)
	return kinTitles[s.lowerAny(p)] && (s.clauseEndAfter(i) || n > 0 && s.toks[n].letters() && s.isKnown(n) ||
		afterTitledGreeting[s.nextWordAt(i)])
}

// afterTitledGreeting open a new clause after a person greeted by a title
// ("chào bà le i'm doctor castellano", "mama grace karibu").
var afterTitledGreeting = wordsOf("i'm i we we're this it's how good welcome karibu come please thank thanks")

// nameAdverbs stand between "name" and "is": "her real name also is
// baby", "his name really is sunny".
var nameAdverbs = wordsOf("also really actually still just truly")

// kinTitles are said before a person's name as a title of respect or
// kinship in the languages spoken in clinics ("baba sunday", "mzee
// otieno", "chào bà le", "lola nena", "didi asha"); the lexicon's
// relations are English ones.
var kinTitles = wordsOf("baba mama mzee bibi babu bà ông cô chú bác anh chị lola lolo tita tito tia tía tío dada didi " +
	"bhaiya bhai amma appa ammi abba nani nana dadi ajji thatha halmeoni harabeoji ajumma ajusshi")

// speakerTagAt: the part opens a line, after nothing but a timestamp or
// marks ("00:01 will:", ">> dawn:", "- hope:", "doctor (will):"), and a
// colon or a closing bracket or parenthesis follows ("dawn:", "[hunter]").
func (s *scan) speakerTagAt(i int) bool {
	st := s.lineStart(i)
	for k := i - 1; !st && k >= 0 && k >= i-8; k-- {
		t := &s.toks[k]
		if t.kind != tkPunct && !t.digits() && !(k == i-2 && s.toks[i-1].punct('(') && t.word()) {
			break
		}
		st = s.lineStart(k)
	}
	if !st {
		return false
	}
	n := i + 1
	for n < len(s.toks) && s.toks[n].gap == gapSpace && s.isKnown(n) {
		n++ // "dawn rivers:"
	}
	if n < len(s.toks) && s.toks[n].punct(')') && s.toks[n].gap != gapLine {
		n++
	}
	return n < len(s.toks) && s.toks[n].gap != gapLine && (s.toks[n].punct(':') || s.toks[n].punct(']'))
}

// clauseEndAfter: nothing more of the clause after token i: the end of the
// line or of the text, or punctuation that closes or sets off a phrase.
func (s *scan) clauseEndAfter(i int) bool {
	n := i + 1
	if n >= len(s.toks) || s.toks[n].gap == gapLine {
		return true
	}
	t := &s.toks[n]
	return t.kind == tkPunct && (t.ch == ',' || t.ch == '.' || t.ch == '?' || t.ch == '!' || t.ch == ';')
}

// byteRuneStrings[c] is string(rune(c)) for every byte c.
var byteRuneStrings = func() (t [256]string) {
	for c := range t {
		t[c] = string(rune(c))
	}
	return t
}()

// prevWordAt returns the n-th word (or punctuation mark) before token i on
// its line, lower case, with a contraction joined back into one word with a
// plain apostrophe ("i'm" is the tokens "i", "'", "m"), or "".
func (s *scan) prevWordAt(i, n int) string {
	k := i
	w := ""
	for range n {
		k = s.sameLinePrev(k)
		if k < 0 {
			return ""
		}
		t := &s.toks[k]
		switch {
		case t.kind == tkPunct:
			w = byteRuneStrings[t.ch] // string(rune(t.ch)), without an allocation
		case k >= 2 && t.letters() && t.gap == gapNone && s.toks[k-1].punct('\'') && s.toks[k-1].gap == gapNone && s.toks[k-2].letters():
			w = s.lower(k-2) + "'" + s.lower(k)
			k -= 2
		default:
			w = s.lower(k)
		}
	}
	return w
}

// nextWordAt returns the word after token i on its line like prevWordAt.
func (s *scan) nextWordAt(i int) string {
	n := s.next(i)
	if n < 0 || !s.toks[n].letters() {
		return ""
	}
	if n+2 < len(s.toks) && s.toks[n+1].punct('\'') && s.toks[n+1].gap == gapNone && s.toks[n+2].gap == gapNone && s.toks[n+2].letters() {
		return s.lower(n) + "'" + s.lower(n+2)
	}
	return s.lower(n)
}

// introBefore: "my name is dawn", "this is hunter", "call me june", "goes
// by will"; and "i'm dawn", "are you hope?", "it's grant, from ..." when
// the name closes the clause.
func (s *scan) introBefore(i int) bool {
	p1, p2 := s.prevWordAt(i, 1), s.prevWordAt(i, 2)
	switch {
	case p1 == "named" || p1 == "name's" || p1 == "names":
		return true
	case (p1 == "is" || p1 == "was") && (p2 == "name" || p2 == "this"):
		return true
	case (p1 == "is" || p1 == "was") && nameAdverbs[p2] && s.prevWordAt(i, 3) == "name":
		return true // "her real name also is baby"
	case (p1 == "me" || p1 == "her" || p1 == "him") && (p2 == "call" || p2 == "calls" || p2 == "called"),
		p1 == "you" && (p2 == "call" || p2 == "called"),
		p1 == "name" && nameLabels[p2], p1 == "by" && (p2 == "goes" || p2 == "go" || p2 == "went"), p1 == "as" && p2 == "known",
		p1 == "for" && p2 == "short": // "is libby short for liberty?"
		return true
	}
	weak := p1 == "i'm" || p1 == "im" || p1 == "am" && p2 == "i" || p1 == "you" && p2 == "are" || p1 == "you're" ||
		p1 == "are" && p2 == "you" || p1 == "be" && (p2 == "must" || p2 == "might" || p2 == "you'd" || p2 == "you'll") ||
		p1 == "it's" || p1 == "its" || p1 == "that's" || (p1 == "that" || p1 == "this" || p1 == "it") && (p2 == "is" || p2 == "was") ||
		p1 == "is" && (p2 == "it" || p2 == "that" || p2 == "this") || p1 == "with" && speakVerbs[p2] ||
		p1 == "to" && speakVerbs[p2] || p1 == "for" && p2 == "ask"
	if !weak {
		return false
	}
	if p1 == "it's" || p1 == "its" { // "hi dr k, its maria again": "it's" typed without its apostrophe
		switch p2 {
		case "when", "if", "because", "cause", "unless":
			return false // "better when it's sunny": the weather, no one introduced
		}
	}
	if s.clauseEndAfter(i) {
		return true
	}
	n := s.next(i)
	if n < 0 {
		return true
	}
	if t := &s.toks[n]; t.letters() && !t.upper() && (t.gaz&gzSur != 0 && t.gaz&gzWord == 0 || t.lex&lxSur != 0 && t.lex&nonNameFlags == 0) {
		return true // "i'm leo nakashima"
	}
	switch s.lower(n) {
	case "with", "from", "and", "or", "here", "speaking", "right", "correct", "calling", "spelled", "like", "his", "her",
		"their", "your", "the", "one", "yeah", "yes", "yep", "no", "by", "but", "actually", "though", "too",
		"interpreter", "nurse", "doctor", "mom", "dad", "mother", "father", "son", "daughter", "wife", "husband",
		"sister", "brother", "a", "an", "nobody", "everybody", "everyone", "please", "just", "now":
		return true
	case "come":
		// "i'm grace come on in"; "i'm happy come back" is how they are.
		w := s.nextWordAt(n)
		return w == "in" || w == "on"
	case "he", "she", "they", "he's", "she's", "they're":
		// "that's bob he gets anxious": who is meant, then what they do;
		// not a month ("it's june she turns five").
		return !s.calendarWord(i) && !modalNames[s.lower(i)]
	case "i", "we":
		// "i'm jolene i'll be cleaning your teeth": the speaker goes on
		// with a contraction of their own, as a run-on turn does; an
		// English word there is how they are ("i'm fine i'm fine").
		return n+2 < len(s.toks) && s.toks[n+1].punct('\'') && s.toks[n+1].gap == gapNone && s.toks[n+2].gap == gapNone &&
			!s.calendarWord(i) && !modalNames[s.lower(i)] && !s.englishTok(i) &&
			(s.isKnown(i) || s.toks[i].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[i].gaz&gzFirst != 0) // "i'm peri i've got flushes"
	}
	return s.isKnown(n)
}

// nameLabels before "name" make the next word the name: "last name long",
// "first name will".
var nameLabels = map[string]bool{"first": true, "last": true, "middle": true, "given": true, "family": true,
	"maiden": true, "full": true, "patient": true, "patient's": true, "my": true, "her": true, "his": true,
	"your": true, "legal": true, "preferred": true}

var speakVerbs = map[string]bool{"speaking": true, "talking": true, "speak": true, "talk": true, "spoke": true,
	"talked": true, "spoken": true, "chat": true, "chatting": true}

// greetings address the person named right after them.
var greetings = map[string]bool{"hi": true, "hey": true, "hello": true, "hiya": true, "howdy": true, "bye": true,
	"goodbye": true, "welcome": true, "thanks": true, "congratulations": true, "congrats": true, "yo": true,
	"greetings": true, "dear": true, "morning": true, "afternoon": true, "evening": true, "night": true, "hullo": true}

// verbNames are names that are also verbs or modals: before a pronoun or
// an article they are the verb ("thank you, may i ask", "hope you feel
// better", "will you").
var verbNames = map[string]bool{"will": true, "may": true, "can": true, "might": true, "must": true, "shall": true,
	"hope": true, "mark": true, "sue": true, "grant": true, "bill": true, "pat": true, "rob": true, "drew": true,
	"chase": true, "wade": true, "jack": true, "bob": true, "skip": true, "rusty": true, "wish": true, "rose": true,
	"trust": true, "guy": true, "don": true, "ray": true, "bud": true, "jean": true, "hunter": true, "faith": true}

var objectPronouns = map[string]bool{"i": true, "you": true, "we": true, "he": true, "she": true, "they": true, "it": true,
	"that": true, "this": true, "to": true, "so": true, "the": true, "a": true, "an": true, "your": true, "my": true,
	"his": true, "her": true, "our": true, "their": true, "not": true, "be": true, "have": true, "me": true, "us": true,
	"them": true, "him": true, "there": true, "all": true, "everything": true, "for": true}

// verbUse: a verb-like name before a pronoun or an article.
func (s *scan) verbUse(i int, p knownPart) bool {
	if !verbNames[p.word] {
		return false
	}
	n := s.next(i)
	if n <= 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() {
		return false
	}
	// "will you" is the verb; "will you're here" is not. "so" follows
	// only a verb that takes a clause ("hope so"): "hi ray so the
	// mammogram" addresses Ray.
	w := s.nextWordAt(i)
	if w == "so" {
		return clauseVerbs[p.word]
	}
	// "not going to grant every request", "we'll bill the insurance": an
	// infinitive or a modal, and the object's determiner after.
	if objectDeterminers[w] {
		switch s.prevWordAt(i, 1) {
		case "to", "will", "can", "could", "would", "should", "must", "might", "i'll", "we'll", "you'll", "don't",
			"didn't", "won't", "not", "please", "let's":
			return true
		}
	}
	return objectPronouns[w]
}

// objectDeterminers open the object of a verb: "grant every request".
var objectDeterminers = map[string]bool{"the": true, "a": true, "an": true, "every": true, "each": true, "this": true,
	"that": true, "these": true, "those": true, "your": true, "his": true, "their": true, "our": true, "all": true,
	"some": true, "any": true, "no": true}

// clauseVerbs are the verbNames that take a clause: "i hope so", "trust me".
var clauseVerbs = map[string]bool{"hope": true, "trust": true, "wish": true, "guess": true, "bet": true, "figure": true}

// greetingBefore: "hey dawn", "hi there hunter", "good morning, june",
// "thank you will", "bye hope".
func (s *scan) greetingBefore(i int, p knownPart) bool {
	k := s.sameLinePrev(i)
	for n := 0; n < 2 && k >= 0 && (s.toks[k].punct(',') || s.eq(k, "there") || s.eq(k, "again") || s.eq(k, "my")); n++ {
		k = s.sameLinePrev(k)
	}
	// "say hi to dawn", "thanks to june".
	if k >= 0 && s.eq(k, "to") {
		if pk := s.sameLinePrev(k); pk >= 0 && (s.eq(pk, "hi") || s.eq(pk, "hello") || s.eq(pk, "bye") || s.eq(pk, "goodbye") ||
			s.eq(pk, "thanks") || s.eq(pk, "regards") || s.eq(pk, "love")) {
			return true
		}
		return false
	}
	if k < 0 || !s.toks[k].letters() {
		return false
	}
	w := s.lower(k)
	ok := greetings[w]
	switch w {
	case "morning", "afternoon", "evening", "night":
		pk := s.sameLinePrev(k)
		ok = pk >= 0 && s.eq(pk, "good") || s.turnStart(k)
	case "you":
		pk := s.sameLinePrev(k)
		ok = pk >= 0 && s.eq(pk, "thank")
	case "care":
		pk := s.sameLinePrev(k)
		ok = pk >= 0 && s.eq(pk, "take")
	}
	return ok && !s.verbUse(i, p)
}

// discourseWords open a turn before the person it addresses: "alright
// hunter", "ok so june", "well dawn".
var discourseWords = map[string]bool{"ok": true, "okay": true, "alright": true, "allright": true, "right": true, "so": true,
	"well": true, "now": true, "yes": true, "yeah": true, "yep": true, "no": true, "nope": true, "sure": true,
	"great": true, "sorry": true, "oh": true, "um": true, "uh": true, "hmm": true, "perfect": true, "excellent": true,
	"wonderful": true, "awesome": true, "cool": true, "listen": true, "look": true, "see": true, "thanks": true,
	"mhm": true, "uh-huh": true, "gotcha": true, "good": true, "fine": true}

// addressStarters open a question or a request to the person just named:
// "alright hunter let's look", "so dawn how long".
var addressStarters = map[string]bool{"how": true, "what": true, "when": true, "where": true, "why": true, "who": true,
	"which": true, "can": true, "could": true, "would": true, "will": true, "do": true, "does": true, "did": true,
	"are": true, "have": true, "has": true, "tell": true, "let": true, "let's": true, "lets": true, "i": true, "i'm": true,
	"i've": true, "i'll": true, "we": true, "we're": true, "we'll": true, "you": true, "you're": true, "your": true,
	"please": true, "just": true, "go": true, "come": true, "take": true, "hop": true, "any": true, "remind": true,
	"give": true, "try": true, "keep": true, "don't": true, "were": true, "quick": true,
	"one": true, "before": true, "if": true, "thank": true, "thanks": true, "nice": true, "good": true, "that's": true,
	"it's": true, "here's": true, "here": true, "sit": true, "hold": true, "breathe": true, "lie": true, "stand": true,
	"this": true, "these": true, "there's": true, "you've": true, "you'll": true, "we've": true, "i'd": true,
	"how's": true, "what's": true, "where's": true, "who's": true, "when's": true, "show": true, "point": true,
	"walk": true, "turn": true, "open": true, "squeeze": true, "push": true, "pull": true, "follow": true,
	"lean": true, "raise": true, "lift": true, "bend": true, "relax": true, "step": true, "roll": true,
	"cough": true, "wiggle": true, "tilt": true, "sorry": true, "welcome": true}

// vocativeAt: the person addressed. Set off by punctuation ("dawn, how are
// you", "how are you, dawn?", "thanks. june, ..."), or after a discourse
// word and before the question or request ("alright hunter let's look").
func (s *scan) vocativeAt(i int, p knownPart) bool {
	// "june what brings you in", "grace how's the knee": a name opening
	// a turn before a question word.
	if s.turnStart(i) && questionWords[s.nextWordAt(i)] {
		return true
	}
	pv := s.sameLinePrev(i)
	boundary := pv < 0 || s.turnStart(i) || s.toks[pv].kind == tkPunct && (s.toks[pv].ch == ',' || s.toks[pv].ch == ':' ||
		s.toks[pv].ch == '.' || s.toks[pv].ch == '?' || s.toks[pv].ch == '!' || s.toks[pv].ch == ']' || s.toks[pv].ch == ';')
	n := i + 1
	setOff := n < len(s.toks) && s.toks[n].gap != gapLine && s.toks[n].kind == tkPunct && (s.toks[n].ch == ',' ||
		s.toks[n].ch == '?' || s.toks[n].ch == '!')
	if boundary && setOff {
		return true
	}
	if s.turnStart(i) {
		// "will she's just going to look": a contraction cannot follow a
		// modal; "may ok": the name echoed.
		if w := s.nextWordAt(i); strings.Contains(w, "'") && w != "i'll" && w != "it'll" || ackWords[w] {
			return true
		}
	}
	// The last word of a turn after a noun: "will you let me look in your
	// ears will"; after a diagnosis though it is a common word ("that's
	// cellulitis jordan"), but not a modal that has lost its verb ("the
	// swelling will").
	if n < len(s.toks) && (s.toks[n].gap == gapLine || s.toks[n].punct('?') || s.toks[n].punct('!')) && pv >= 0 &&
		s.toks[pv].letters() && !wordMakers[s.prevWordAt(i, 1)] && !functionWords[s.lower(pv)] && !placePreps[s.lower(pv)] &&
		s.toks[pv].lex&(lxDigitWord|lxTensWord|lxTeenWord) == 0 &&
		(s.toks[pv].lex&lxCommon == 0 || !modalNames[p.word] && diagnosisWord(s.lower(pv))) {
		return true
	}
	// "will hi and may hi": the next one greeted.
	if pv >= 0 && s.eq(pv, "and") && greetings[s.nextWordAt(i)] && s.nextWordAt(i) != "night" && s.nextWordAt(i) != "morning" {
		return true
	}
	if pv >= 0 && s.toks[pv].punct(',') && s.clauseEndAfter(i) && !(n < len(s.toks) && s.toks[n].punct(',')) {
		return true // "how are you, dawn?"
	}
	if s.trailingVocative(i, p) || s.turnOpeningVocative(i, p) || s.openingAddress(i, p) || s.questionEndAddress(i) {
		return true
	}
	if pv < 0 || !s.toks[pv].letters() {
		return false
	}
	pw := s.prevWordAt(i, 1)
	// "so um bud your weight's up", "okay dawn your labs look good": after
	// a discourse marker, before what is theirs; not a modal or a verb
	// ("so will your wife come", "okay page your doctor").
	if discourseMarkers[pw] && s.nextWordAt(i) == "your" && !modalNames[p.word] && !baseVerbs[p.word] && !imperativeVerbs[p.word] &&
		!yourVerbs[p.word] && !s.subjectBeforeMarker(i) {
		return true
	}
	// "and april what's your number": "and" opens a question to the
	// person named.
	if pw == "and" && s.turnStart(pv) && (questionWords[s.nextWordAt(i)] || s.prohibitionAfter(i)) {
		return true
	}
	// "and june, how old is she": set off before the question; also
	// opening a sentence within the turn before what is said to them
	// ("i'll write it down. and storm, here's a sticker").
	if pq := s.sameLinePrev(pv); pw == "and" && (s.turnStart(pv) || pq >= 0 && (s.toks[pq].punct('.') || s.toks[pq].punct('?') || s.toks[pq].punct('!'))) &&
		setOff && s.toks[n].punct(',') {
		switch s.nextWordAt(n) {
		case "how", "how's", "what", "what's", "who", "why", "which", "are", "do", "did", "does", "is", "can", "could",
			"any", "were", "have", "has":
			return true // not "when" or "where", which also open a clause
		case "here's", "let's", "you're", "you'll", "you've", "thanks", "thank":
			// Not an endearment or a modal ("and honey, thank you", "and
			// will, you've updated it"), nor thanks to god ("and joy,
			// thank god, I still have my garden").
			w := s.nextWordAt(s.next(n))
			return !endearments[p.word] && !modalNames[p.word] && !(strings.HasPrefix(s.nextWordAt(n), "thank") &&
				(w == "god" || w == "the" || w == "goodness" || w == "heavens" || w == "jesus"))
		}
	}
	if !discourseWords[pw] {
		return false
	}
	if setOff || s.clauseEndAfter(i) {
		return true
	}
	nx := s.next(i)
	if nx < 0 || !s.toks[nx].letters() {
		return false
	}
	nw := s.nextWordAt(i)
	// "so mark the biopsy showed", "ok glen the sleep study": after a
	// discourse word opening the turn, a name before the topic. A modal
	// there asks ("ok will the test hurt"), a verb of thinking says
	// ("ok hope the meds help").
	if determiners[nw] && !modalNames[p.word] && !clauseVerbs[p.word] && s.discourseOpens(i) {
		return true
	}
	// Within a turn after "so", where no punctuation was transcribed:
	// "i'm afraid so nour the palpitations" (a name that is no English
	// word), "i'm dr solberg so clement the weather" (after a name).
	if determiners[nw] && pw == "so" && !modalNames[p.word] && !clauseVerbs[p.word] && !s.verbUse(i, p) &&
		(!s.englishTok(i) || s.isKnown(s.sameLinePrev(pv))) {
		return true
	}
	if s.verbUse(i, p) {
		return false
	}
	// "ok will so what's going on": "so" follows no modal or verb.
	return addressStarters[nw] || nw == "so" && !clauseVerbs[p.word]
}

// determiners open the noun phrase of a topic after a vocative.
var determiners = map[string]bool{"the": true, "your": true, "this": true, "that": true, "these": true, "those": true,
	"our": true}

// discourseOpens: the words between the start of the turn and token i are
// all discourse words or greetings ("so", "ok so", "pearl ok so").
func (s *scan) discourseOpens(i int) bool {
	k := s.sameLinePrev(i)
	for n := 0; n < 4 && k >= 0; n++ {
		if s.toks[k].punct(',') {
			k = s.sameLinePrev(k)
			continue
		}
		if !s.toks[k].letters() {
			return false
		}
		if !discourseWords[s.lower(k)] && !greetings[s.lower(k)] && s.lower(k) != "and" && !s.isKnown(k) {
			return false
		}
		if s.turnStart(k) {
			return true
		}
		k = s.sameLinePrev(k)
	}
	return false
}

// clauseClosers end a clause before a name said last in a turn: "let's
// talk about it mark", "not this one miles".
var clauseClosers = map[string]bool{"it": true, "that": true, "this": true, "one": true, "there": true, "here": true,
	"now": true, "then": true, "too": true, "again": true, "please": true, "ok": true, "okay": true, "today": true,
	"soon": true, "though": true, "anyway": true, "yet": true, "either": true, "well": true}

// vocativeTails may follow a name said last in a turn: "not this one miles
// sorry".
var vocativeTails = map[string]bool{"sorry": true, "thanks": true, "ok": true, "okay": true, "please": true,
	"alright": true, "right": true}

// trailingVocative: the name that closes a turn after a finished clause,
// alone or before an apology or thanks ("let's talk about it mark", "not
// this one miles sorry"). A modal after a pronoun there has lost its verb
// ("i think it will").
func (s *scan) trailingVocative(i int, p knownPart) bool {
	pv := s.sameLinePrev(i)
	if pv < 0 || !s.toks[pv].letters() || !clauseClosers[s.lower(pv)] && !s.ownedNounBefore(i) {
		return false
	}
	if modalNames[p.word] || clauseVerbs[p.word] {
		return false
	}
	n := i + 1
	if n < len(s.toks) && s.toks[n].gap != gapLine && s.toks[n].letters() && vocativeTails[s.lower(n)] {
		n++
	}
	if n < len(s.toks) && s.toks[n].gap == gapSpace && s.lower(pv) == "it" {
		// "i see it hunter it's ready": between a finished clause and
		// the next, opened by a pronoun with its verb.
		var buf [1]string
		if ws := s.wordsAfterInto(buf[:0], i, 1); len(ws) == 1 && pronounVerbs[ws[0]] {
			return true
		}
	}
	return n >= len(s.toks) || s.toks[n].gap == gapLine || s.toks[n].punct('?') || s.toks[n].punct('!') || s.toks[n].punct('.')
}

// diagnosisWord: a finding said to the patient, which no name follows as
// its modifier ("that's cellulitis jordan", "it's a sprain hunter").
func diagnosisWord(w string) bool {
	for _, suf := range [...]string{"itis", "osis", "emia", "algia", "pathy"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return diagnosisNouns[w]
}

var diagnosisNouns = map[string]bool{"sprain": true, "strain": true, "fracture": true, "infection": true,
	"virus": true, "pneumonia": true, "concussion": true, "flu": true, "migraine": true, "eczema": true}

// pronounVerbs are a pronoun and its verb in one word, which open a new
// clause after a name said between two.
var pronounVerbs = map[string]bool{"it's": true, "that's": true, "you're": true, "you'll": true, "we'll": true,
	"we're": true, "i'll": true, "i'm": true, "let's": true, "there's": true, "you've": true, "we've": true}

// auxAsk open a question: "june can you ...", "dawn did you ...".
var auxAsk = map[string]bool{"can": true, "could": true, "would": true, "will": true, "do": true, "did": true,
	"are": true, "have": true, "were": true}

// turnOpeners follow a name that opens a turn ("jordan good to see you",
// "major so your surgery"); a modal or a month before them would be no
// sentence.
var turnOpeners = map[string]bool{"so": true, "ok": true, "okay": true, "alright": true, "sorry": true, "welcome": true}

// turnOpeningVocative: a name alone at the start of a turn before a
// greeting formula or a discourse word.
func (s *scan) turnOpeningVocative(i int, p knownPart) bool {
	if !s.turnStart(i) && !s.discourseOpens(i) {
		return false
	}
	n := s.next(i)
	// "june's coming tomorrow", "june's here": "'s" for "is" before a
	// participle or a place adverb.
	if n > 0 && n+2 < len(s.toks) && s.toks[n].punct('\'') && s.toks[n].gap == gapNone && s.eq(n+1, "s") &&
		s.toks[n+2].gap == gapSpace && s.toks[n+2].letters() && (strings.HasSuffix(s.lower(n+2), "ing") && s.toks[n+2].n() > 4 ||
		s.eq(n+2, "here") || s.eq(n+2, "not") || s.eq(n+2, "gone") || s.eq(n+2, "back") || s.eq(n+2, "out") ||
		s.eq(n+2, "got") || s.eq(n+2, "been")) {
		return true
	}
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() {
		return false
	}
	w := s.lower(n)
	if turnOpeners[w] {
		return true
	}
	// "june can you hold her hand": a question to the person named first.
	// A modal takes no second auxiliary ("may can you help him"), though
	// it takes "do" and "have" ("will do", "will have you back").
	if auxAsk[w] && (!modalNames[p.word] && !verbNames[p.word] || modalNames[p.word] && w != "do" && w != "have" && w != "will") {
		if m := s.next(n); m > 0 && (s.eq(m, "you") || s.eq(m, "we")) {
			return true
		}
	}
	// "jordan mrn please", "hunter date of birth": asked for the details
	// that identify the person named.
	if detailAsked[w] || w == "date" && s.nextWordAt(n) == "of" && s.nextWordAt(s.next(n)) == "birth" {
		return true
	}
	// "jordan good to see you", "dawn nice to meet you".
	return (w == "good" || w == "nice" || w == "great" || w == "lovely") && s.nextWordAt(n) == "to"
}

// detailAsked are the details asked of the person named before them when
// they are called in: "jordan mrn please".
var detailAsked = map[string]bool{"mrn": true, "dob": true}

// prohibitionAfter: a prohibition said to the person just named, which no
// modal or month can be followed by: "and will no more couches", "ok june
// don't lift that", "so sue no imaging for now".
func (s *scan) prohibitionAfter(i int) bool {
	switch s.nextWordAt(i) {
	case "don't", "dont":
		return true
	case "no":
		// "no more couches", "no swimming", "no lifting for a week".
		w := s.nextWordAt(s.next(i))
		return w == "more" || len(w) > 5 && strings.HasSuffix(w, "ing")
	}
	return false
}

// wordsAfter returns up to k words after token i on its line, lower case,
// contractions joined ("i'd"), stopping at anything but a word.
func (s *scan) wordsAfter(i, k int) []string {
	return s.wordsAfterInto(make([]string, 0, k), i, k)
}

// wordsAfterInto is wordsAfter appending to out (a caller's array, so that
// nothing is allocated); a contraction is the text's own lower-case bytes.
func (s *scan) wordsAfterInto(out []string, i, k int) []string {
	for n := s.next(i); n > 0 && len(out) < k && s.toks[n].letters() && s.toks[n].gap == gapSpace; n = s.next(n) {
		if n+2 < len(s.toks) && s.toks[n+1].punct('\'') && s.toks[n+1].gap == gapNone && s.toks[n+2].gap == gapNone && s.toks[n+2].letters() {
			if s.text[s.toks[n+1].s] == '\'' {
				out = append(out, s.low[s.toks[n].s:s.toks[n+2].e])
			} else {
				out = append(out, s.lower(n)+"'"+s.lower(n+2)) // a typographic apostrophe
			}
			n += 2
			continue
		}
		out = append(out, s.lower(n))
	}
	return out
}

// openingAddress: a name that opens a turn or a sentence before words said
// only to a person: a prohibition ("june don't lift that"), "be" after a
// name that is no modal ("jack be careful"), the speaker's wish for the
// listener ("will i want you to cut back"), the speaker's own clause after
// a name that is no verb ("grant i think", "major is it a big problem",
// "summer you look great"), or a topic whose verb follows ("grant your
// sugars are up"). A modal keeps its question ("will i need to fast", "may
// i ask", "will the results be back").
func (s *scan) openingAddress(i int, p knownPart) bool {
	pv := s.sameLinePrev(i)
	if !(s.turnStart(i) || pv >= 0 && s.toks[i].gap != gapNone && (s.toks[pv].punct('.') || s.toks[pv].punct('!') ||
		s.toks[pv].punct('?') || s.toks[pv].punct(';')) || s.discourseOpens(i)) {
		return false
	}
	if s.prohibitionAfter(i) {
		return true
	}
	var wb [4]string
	w := s.wordsAfterInto(wb[:0], i, 4)
	for len(w) < 4 {
		w = append(w, "")
	}
	// A verb of thinking takes a clause: "hope you feel better", "trust
	// the labs are right".
	modal, verb := modalNames[p.word], clauseVerbs[p.word]
	switch {
	case (w[0] == "i" || w[0] == "we") && (w[1] == "want" || w[1] == "need") && w[2] == "you",
		(w[0] == "i'd" || w[0] == "we'd") && w[1] == "like" && w[2] == "you":
		return true
	case modal:
		return false
	case w[0] == "be" || w[0] == "please":
		return true
	case w[0] == "have" && (w[1] == "a" || w[1] == "fun") && (w[1] == "fun" || pleasantWishes[w[2]]):
		return true // "summer have a great time in spain", "and june have fun"
	case verb:
		return false
	case (w[0] == "i" || w[0] == "we") && speakerVerbs[w[1]]:
		return true
	case auxAsk[w[0]] || w[0] == "is" || w[0] == "was" || w[0] == "does" || w[0] == "has" || w[0] == "should":
		return askedPronouns[w[1]]
	case w[0] == "you" && (youVerbs[w[1]] || len(w[1]) > 4 && strings.HasSuffix(w[1], "ed")):
		return true // "summer you look great", "rusty you stepped on a nail"
	case determiners[w[0]] && w[0] != "that" && w[0] != "this":
		return topicVerbs[w[2]] || w[2] != "" && topicVerbs[w[3]]
	}
	return false
}

// pleasantWishes follow "have a" in a wish said to the person named before
// it: "summer have a great time".
var pleasantWishes = map[string]bool{"good": true, "great": true, "nice": true, "safe": true, "wonderful": true,
	"lovely": true, "happy": true, "fun": true, "blessed": true, "restful": true, "merry": true}

// speakerVerbs follow "i" or "we" in what the speaker says to the person
// just named: "grant i think", "june we need to".
var speakerVerbs = map[string]bool{"think": true, "want": true, "need": true, "noticed": true, "saw": true,
	"see": true, "looked": true, "got": true, "have": true, "just": true, "know": true, "wanted": true,
	"understand": true, "hear": true, "heard": true, "checked": true, "reviewed": true, "talked": true}

// askedPronouns follow the auxiliary of a question to the person just
// named: "major is it a big problem", "grant do you".
var askedPronouns = map[string]bool{"you": true, "it": true, "there": true, "that": true, "this": true,
	"he": true, "she": true, "they": true, "we": true, "your": true}

// youVerbs follow "you" in what is said to the person just named: "summer
// you look great".
var youVerbs = map[string]bool{"look": true, "seem": true, "sound": true, "need": true, "should": true,
	"must": true, "know": true, "mentioned": true, "said": true, "told": true, "were": true, "are": true,
	"have": true, "got": true, "did": true, "do": true}

// topicVerbs make the noun phrase before them a topic said to the person
// named before it: "grant your sugars are up", "ruby the labs look good";
// no verb that is a name takes "your sugars are up" as its object.
var topicVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "look": true, "looks": true,
	"looked": true, "came": true, "showed": true, "shows": true, "seem": true, "seems": true, "rose": true,
	"went": true, "dropped": true, "fell": true, "improved": true, "got": true, "jumped": true}

// questionEndAddress: the name that ends a question after its verb of
// state ("how have you been may", "how are you feeling june").
func (s *scan) questionEndAddress(i int) bool {
	switch pw := s.prevWordAt(i, 1); pw {
	case "been", "doing", "feeling", "holding":
	default:
		// "any trouble breathing summer": a question closing on what
		// the person does.
		if len(pw) <= 5 || !strings.HasSuffix(pw, "ing") {
			return false
		}
	}
	if n := i + 1; n < len(s.toks) && s.toks[n].gap != gapLine && !s.toks[n].punct('?') && !s.toks[n].punct('!') {
		return false
	}
	k := i
	for p := s.sameLinePrev(k); p >= 0 && !s.turnStart(k); p = s.sameLinePrev(k) {
		k = p
	}
	return questionWords[s.lower(k)] || auxAsk[s.lower(k)] || s.eq(k, "have") || s.eq(k, "how") || s.eq(k, "any")
}

// questionWords open a question to the person named before them.
var questionWords = map[string]bool{"how": true, "how's": true, "what": true, "what's": true, "when": true,
	"where": true, "where's": true, "why": true, "who": true, "which": true}

// finiteAfterModal never follows a modal verb: after "will" or "may" they
// make it a person ("will has a cough", "may is here").
var finiteAfterModal = map[string]bool{"has": true, "had": true, "is": true, "was": true, "does": true, "did": true,
	"hasn't": true, "isn't": true, "wasn't": true, "doesn't": true, "didn't": true}

// modalNames are names that are also modals; baseVerbs after them make
// them the modal ("will see", "may need").
var modalNames = map[string]bool{"will": true, "may": true, "can": true, "might": true, "must": true, "shall": true}

var baseVerbs = map[string]bool{"be": true, "see": true, "have": true, "get": true, "call": true, "go": true, "do": true,
	"take": true, "need": true, "make": true, "come": true, "help": true, "give": true, "send": true, "check": true,
	"start": true, "stop": true, "feel": true, "want": true, "try": true, "keep": true, "look": true, "order": true,
	"put": true, "set": true, "run": true, "talk": true, "tell": true, "ask": true, "let": true, "hurt": true,
	"cause": true, "increase": true, "decrease": true, "happen": true, "work": true, "change": true, "also": true,
	"not": true, "still": true, "just": true, "probably": true, "never": true, "follow": true, "refer": true,
	"write": true, "schedule": true, "review": true, "cover": true, "pay": true, "bring": true}

// ackWords acknowledge a name said back: "may ok", "grant yeah".
var ackWords = map[string]bool{"ok": true, "okay": true, "yeah": true, "yes": true, "right": true, "alright": true,
	"got": true, "gotcha": true, "perfect": true, "great": true, "thanks": true, "hi": true, "hello": true}

// possessiveOfPerson: "hunter's mom", "dawn's husband", "is june's number
// the same": a possessive before a relation or something people have.
func (s *scan) possessiveOfPerson(i int) bool {
	a := i + 1
	if !(a+1 < len(s.toks) && s.toks[a].punct('\'') && s.toks[a].gap == gapNone && s.eq(a+1, "s") && s.toks[a+1].gap == gapNone) {
		return false
	}
	if a+2 < len(s.toks) && s.toks[a+2].gap == gapSpace && s.toks[a+2].letters() {
		if s.toks[a+2].is(lxRelation) || personNouns[s.lower(a+2)] {
			return true // "the king's place": the family's too
		}
		// A child's things and body: "is this ruby's inhaler", "june's
		// ear"; after an article a thing's ("like a bell's eye").
		if w := s.prevWordAt(i, 1); bodyAndBelongings[s.lower(a+2)] && w != "a" && w != "an" && w != "the" {
			return true
		}
	}
	return s.predicatePossessive(i, a+2)
}

// predicatePossessive: the possessive at i, whose "s" is token n-1, is
// what "that's", "it's", "is this" or "are these" says a thing is, the
// clause ending after it: "yes that's hope's", "is this june's or her
// brother's".
func (s *scan) predicatePossessive(i, n int) bool {
	switch s.prevWordAt(i, 1) {
	case "that's", "it's", "thats", "its":
	case "this", "that", "these", "those":
		if w := s.prevWordAt(i, 2); w != "is" && w != "are" && w != "was" && w != "were" {
			return false
		}
	case "is", "are", "was":
		if w := s.prevWordAt(i, 2); w != "this" && w != "that" && w != "it" && w != "these" && w != "those" {
			return false
		}
	default:
		return false
	}
	return n >= len(s.toks) || s.toks[n].gap == gapLine || !s.toks[n].letters() || s.eq(n, "or") || s.eq(n, "and") ||
		s.eq(n, "too") || s.eq(n, "not")
}

// personNouns are things a person has: after a possessive they make it a
// person's name.
var personNouns = map[string]bool{"number": true, "phone": true, "cell": true, "address": true, "email": true,
	"appointment": true, "appointments": true, "birthday": true, "medication": true, "medications": true, "meds": true,
	"doctor": true, "pcp": true, "room": true, "chart": true, "file": true, "insurance": true, "car": true,
	"house": true, "place": true, "name": true, "mom": true, "dad": true, "kids": true, "baby": true, "school": true,
	"job": true, "work": true, "boss": true, "dog": true, "cat": true, "results": true, "labs": true, "surgery": true,
	"blood": true, "pressure": true, "sugar": true, "sugars": true, "pain": true, "knee": true, "back": true,
	"heart": true, "health": true, "care": true, "caregiver": true, "nurse": true, "visit": true, "info": true,
	"information": true, "records": true, "record": true, "prescription": true, "prescriptions": true, "pharmacy": true,
	"ride": true, "side": true, "behalf": true, "permission": true, "consent": true, "signature": true, "own": true,
	"idea": true, "question": true, "questions": true, "concern": true, "concerns": true, "symptoms": true,
	"condition": true, "diagnosis": true, "age": true, "weight": true, "hands": true, "hand": true, "eyes": true,
	"voice": true, "birth": true, "date": true, "wedding": true, "funeral": true, "party": true, "graduation": true,
	"husband": true, "wife": true}

// bodyAndBelongings after a possessive without an article make it a
// person's: a body part, a symptom, a child's things and carers.
var bodyAndBelongings = map[string]bool{"inhaler": true, "inhalers": true, "epipen": true, "nebulizer": true, "pills": true,
	"medicine": true, "shots": true, "vaccines": true, "cough": true, "fever": true, "rash": true, "asthma": true,
	"allergies": true, "allergy": true, "ear": true, "ears": true, "throat": true, "temperature": true, "temp": true,
	"teeth": true, "tooth": true, "skin": true, "leg": true, "legs": true, "arm": true, "arms": true, "foot": true,
	"feet": true, "head": true, "stomach": true, "tummy": true, "belly": true, "chest": true, "hip": true,
	"shoulder": true, "wrist": true, "ankle": true, "mouth": true, "nose": true, "eye": true, "teacher": true,
	"class": true, "friend": true, "friends": true, "bed": true, "bag": true, "sleep": true, "diet": true,
	"therapist": true, "surgeon": true, "specialist": true, "dentist": true, "grandma": true, "grandpa": true,
	"cast": true, "stitches": true, "glasses": true, "hearing": true, "breathing": true, "mood": true,
	"behavior": true, "behaviour": true, "grades": true, "bottle": true, "formula": true, "diaper": true, "diapers": true}

// adjBefore modify the word after them as an adjective or a noun: "a nice
// sunny day", "kinda rusty".
var adjBefore = map[string]bool{"nice": true, "beautiful": true, "lovely": true, "bright": true, "warm": true,
	"real": true, "super": true, "kinda": true, "sorta": true, "bit": true, "little": true, "slightly": true}

var wordMakers = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
	"my": true, "your": true, "his": true, "her": true, "our": true, "their": true, "its": true, "some": true, "any": true,
	"no": true, "every": true, "each": true, "another": true, "other": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "from": true, "for": true, "with": true, "by": true, "about": true, "into": true, "onto": true, "over": true,
	"under": true, "up": true, "down": true, "through": true, "per": true, "than": true, "as": true, "like": true,
	"such": true, "what": true, "which": true, "whose": true, "very": true, "so": true, "too": true, "quite": true,
	"pretty": true, "really": true, "more": true, "most": true, "less": true, "least": true, "i": true, "you": true,
	"we": true, "they": true, "he": true, "she": true, "it": true, "who": true, "not": true, "never": true, "will": true,
	"would": true, "can": true, "could": true, "should": true, "shall": true, "may": true, "might": true, "must": true,
	"do": true, "does": true, "did": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"being": true, "am": true, "have": true, "has": true, "had": true, "get": true, "got": true, "getting": true,
	"feel": true, "feels": true, "felt": true, "look": true, "looks": true, "looked": true, "seem": true, "seems": true,
	"stay": true, "one": true, "two": true, "three": true, "first": true, "last": true, "next": true, "big": true,
	"small": true, "little": true, "same": true, "whole": true, "just": true, "also": true, "still": true, "and": true,
	"or": true, "but": true, "i'm": true, "you're": true, "we're": true, "they're": true, "it's": true, "that's": true,
	"he's": true, "she's": true, "i'll": true, "you'll": true, "we'll": true, "i'd": true, "don't": true, "didn't": true,
	"doesn't": true, "can't": true, "won't": true, "isn't": true, "wasn't": true, "aren't": true, "i've": true,
	"there's": true, "what's": true, "new": true, "old": true, "high": true, "low": true, "good": true, "bad": true,
	"around": true, "near": true, "off": true, "out": true, "after": true, "before": true, "since": true, "until": true, "till": true,
	"during": true, "this's": true, "early": true, "late": true, "all": true, "much": true, "many": true, "few": true}

// wordUse: the word before a kpWord part makes it a word, or it is the
// first half of a hyphenated word ("wood-burning"), or a verb-like name
// before a pronoun.
func (s *scan) wordUse(i int, p knownPart) bool {
	if pv := s.sameLinePrev(i); pv >= 0 {
		w := s.prevWordAt(i, 1)
		// "so amber is fifteen", "and hope said": a conjunction or
		// discourse word and then a verb that takes a person.
		if (w == "so" || w == "and" || w == "but" || w == "now" || w == "just" || w == "also" || w == "still") && personVerbNext[s.nextWordAt(i)] {
			return false
		}
		if wordMakers[w] || s.toks[pv].digits() || s.toks[pv].letters() && s.toks[pv].is(lxDigitWord|lxTeenWord|lxTensWord) {
			return true
		}
		if s.toks[pv].punct('-') && s.toks[i].gap == gapNone {
			return true
		}
		// "have you tried ginger", "paying cash", "wouldn't gamble": a
		// verb that takes a thing, or a negated auxiliary, before it.
		if thingVerbs[w] || negatedAuxAfterPronoun[w] && subjectPronouns[s.prevWordAt(i, 2)] {
			return true
		}
		// "better when it's sunny", "if it's sandy": the weather or a
		// feel after "when/if it's".
		if w == "it's" {
			switch s.prevWordAt(i, 2) {
			case "when", "if", "because", "cause", "unless":
				return true
			}
		}
		// "let me page doctor montemayor", "let's page": the verb.
		if w == "me" && s.prevWordAt(i, 2) == "let" || w == "let's" || w == "lets" {
			return true
		}
		// "kidney stones", "ct stone protocol": a clinical word before it
		// makes a compound noun; "a nice sunny day": an adjective before.
		if s.toks[pv].letters() && s.toks[pv].is(lxMedical) && !s.toks[pv].is(lxTitle|lxTitleClin|lxRelation) ||
			adjBefore[w] {
			return true
		}
	}
	if n := s.next(i); n > 0 && s.toks[n].punct('-') && s.toks[n].gap == gapNone && s.adj(n) > 0 && s.toks[n+1].letters() && !s.isKnown(n+1) {
		return true
	}
	// "reads page two of the form": a number after it, on a noun that is
	// also a calendar-free name.
	if n := s.next(i); n > 0 && s.toks[n].gap == gapSpace && (s.toks[n].digits() || s.toks[n].letters() && s.toks[n].is(lxDigitWord|lxTeenWord|lxTensWord)) &&
		!s.calendarWord(i) && !s.clauseEndAfter(n) && !s.turnStart(i) {
		// Not after a word that opens address: "ok sunny two times a
		// day", "yes page twenty in a month".
		if pw := s.prevWordAt(i, 1); pw != "" && !discourseWords[pw] && !addressOpeners[pw] && !vocativeOpeners[pw] && pw != "," {
			return true
		}
	}
	return s.verbUse(i, p)
}

// turnStart reports a token that opens a speaker's turn: at the start of a
// line, or right after a speaker tag there ("doctor: morning dawn",
// "[patient] hi").
func (s *scan) turnStart(i int) bool {
	if s.lineStart(i) {
		return true
	}
	p := i - 1
	if p < 1 || !(s.toks[p].punct(':') || s.toks[p].punct(']')) {
		return false
	}
	// Up to four words of the tag, and a timestamp before it ("[00:00:21]
	// doctor:", "00:00:14 pt:") that does not count.
	words := 0
	for k := p - 1; k >= 0 && k >= p-14; k-- {
		t := &s.toks[k]
		// "spk_0:", "speaker-2:": the joiners of a tag count as none of
		// its words.
		stamp := t.digits() || t.punct(':') && k > 0 && s.toks[k-1].digits() || t.punct('[') || t.punct(']') ||
			(t.punct('_') || t.punct('-')) && t.gap == gapNone
		if !stamp {
			if !(t.word() || t.punct('.')) {
				return false
			}
			if words++; words > 4 {
				return false
			}
		}
		if t.gap == gapLine || k == 0 {
			return true
		}
	}
	return false
}

// personVerbNext take a person as subject: "amber is fifteen", "hope said".
var personVerbNext = map[string]bool{"is": true, "was": true, "has": true, "had": true, "said": true, "says": true,
	"told": true, "tells": true, "will": true, "would": true, "can": true, "could": true, "does": true, "did": true,
	"went": true, "goes": true, "got": true, "gets": true, "wants": true, "needs": true, "likes": true, "loves": true,
	"thinks": true, "knows": true, "came": true, "comes": true, "called": true, "calls": true, "asked": true,
	"asks": true, "started": true, "took": true, "takes": true, "helps": true, "helped": true, "worries": true,
	"drove": true, "drives": true, "lives": true, "works": true, "plays": true, "wanted": true, "thought": true,
	"noticed": true, "mentioned": true, "brought": true, "picked": true, "stayed": true, "moved": true, "turned": true,
	"wears": true, "wore": true, "just": true, "still": true, "usually": true, "always": true, "never": true,
	// What happens to a person: "but bill fell last week", "and rose passed in may".
	"fell": true, "falls": true, "slipped": true, "tripped": true, "broke": true, "died": true, "passed": true,
	"fainted": true, "collapsed": true, "cried": true, "slept": true, "woke": true, "smokes": true, "drinks": true,
	"quit": true, "retired": true,
	// Irregular past forms of what a person does, which lowerPersonVerbAfter
	// cannot derive from a base: "her carer joy found her on the floor".
	"found": true, "saw": true, "gave": true, "kept": true, "sent": true, "paid": true, "met": true, "ran": true,
	"felt": true, "knew": true, "wrote": true, "bought": true, "caught": true, "taught": true, "spoke": true,
	"forgot": true, "understood": true, "spent": true}

// familyAt: a known part naming a family, "the rivers family", "the
// hills are moving", "the kings' place": "the" before and a family word
// or a plural verb after.
func (s *scan) familyAt(i int) bool {
	// "the bell family", or the family opening a turn or a clause: "bell
	// family, right?"
	if p := s.sameLinePrev(i); s.prevWordAt(i, 1) != "the" {
		if n := s.next(i); !(p < 0 || s.turnStart(i) || s.toks[p].kind == tkPunct) || n < 0 || !s.toks[n].letters() {
			return false
		}
	}
	switch s.nextWordAt(i) {
	case "family", "families", "household", "residence", "kids", "children", "boys", "girls", "twins", "house",
		"home", "place":
		return true
	case "kid", "boy", "girl", "baby":
		// "the price kid is here for his shots", "the hill girl": a child
		// named by the family, unless the word says what the child is
		// ("the young boy", "the little girl").
		return !adjectiveNames[s.lower(i)]
	}
	return false
}

// adjectiveNames are surnames that are adjectives, which describe a child
// before "kid", "boy", "girl" or "baby" rather than name the family.
var adjectiveNames = map[string]bool{"young": true, "little": true, "small": true, "big": true, "new": true, "old": true,
	"best": true, "good": true, "long": true, "short": true, "tall": true, "white": true, "black": true, "brown": true,
	"green": true, "gray": true, "grey": true, "sweet": true, "strong": true, "sick": true, "poor": true, "rich": true,
	"wise": true, "bright": true, "happy": true, "bold": true, "sharp": true, "quick": true, "free": true, "fair": true,
	"wild": true, "golden": true, "french": true, "english": true, "irish": true, "welsh": true, "german": true}

// calendarWord: a month or a season ("may", "june", "summer"), which can
// be the subject of "is" or "was" as a word.
func (s *scan) calendarWord(i int) bool {
	if s.toks[i].is(lxMonth) {
		return true
	}
	switch s.lower(i) {
	case "spring", "summer", "autumn", "fall", "winter":
		return true
	}
	return false
}

// thirdPersonAt: a known part that is the person talked about, in the
// positions where a word would need an article or could not stand:
//
//   - a subject opening a turn or a clause, before a verb a person does
//     ("jordan drove me", "and hope said", "virginia wants to know"); a
//     month or season only before a verb no date takes ("may told me", not
//     "may is busy");
//   - after an auxiliary asking about the person, before what they do
//     ("is june still taking", "has grant usually come", "how's will
//     doing", "how is ruby?");
//   - the object of a verb said of people, before a time, a preposition or
//     the clause end ("i'll see miles in three months", "tell june",
//     "thank will for me", "i spoke with royal today");
//   - after "with", "for", "about" ending the clause or before a time
//     ("what's going on with paisley tonight", "the follow up for
//     iris", "any news about sage today").
func (s *scan) thirdPersonAt(i int) bool {
	p1, p2 := s.prevWordAt(i, 1), s.prevWordAt(i, 2)
	nx := s.nextWordAt(i)
	// One probe a word for the maps asked below (thirdPersonSet).
	b1, b2, nb := thirdPersonSet.bitsOf(p1), thirdPersonSet.bitsOf(p2), thirdPersonSet.bitsOf(nx)
	opens := s.turnStart(i) || p1 == "," || p1 == "." || p1 == "?" || p1 == "!" || p1 == ";" ||
		(p1 == "and" || p1 == "but" || p1 == "so" || p1 == "because" || p1 == "cause" || p1 == "then" || p1 == "well") &&
			(p2 == "" || p2 == "," || p2 == "." || s.turnStart(s.sameLinePrev(i)))
	// "because hunter started", "you know will fell", "the week miles got
	// the rash", "said that hope hasn't": a subject inside the sentence,
	// after a word that opens a clause.
	sub := !opens && s.clauseOpensBefore(p1, p2)
	if (opens || sub) && nx != "" {
		if nb.has(tpStrongPersonVerbs) || nb.has(tpPersonVerbNext) && !s.calendarWord(i) && (!nb.has(tpWeakSubjectVerbs) || nb.has(tpModalVerbs)) {
			return true
		}
		// "because hunter started wheezing", "and then miles got sick",
		// "that june hasn't eaten": a verb a noun needs an article before
		// (a month or season starts, gets and goes too).
		// After "the week" or "that night" no month or season is the
		// subject ("the week june got the rash").
		if nb.has(tpNegatedAux) || nb.has(tpNounlessSubjectVerbs) && (!s.calendarWord(i) || !nb.has(tpSeasonVerbs) || b1.has(tpTimeNouns) ||
			personState[s.nextWordAt(s.next(i))]) {
			return true
		}
		// "hunter always helps", "june never drinks": an adverb of
		// frequency between the person and what they do.
		if nb.has(tpFrequencyAdverbs) && strongPersonVerbs[s.nextWordAt(s.next(i))] {
			return true
		}
		// "autumn is doing better", "june was sleeping".
		n1 := s.next(i)
		if (nx == "is" || nx == "was" || nx == "isn't" || nx == "wasn't") && personState[s.nextWordAt(n1)] {
			return true
		}
		// "may will be happy", "june would be upset".
		if nb.has(tpModalVerbs) && n1 > 0 && s.nextWordAt(n1) == "be" && personState[s.nextWordAt(s.next(n1))] {
			return true
		}
		// "summer has had a fever", "june has been sleeping", and a
		// modal that a finite verb follows ("will has", "may is").
		if nx == "has" || nx == "had" {
			switch n2 := s.nextWordAt(n1); {
			case n2 == "had", n2 == "been" && personState[s.nextWordAt(s.next(n1))]:
				return true
			}
		}
		if s.tokIn(modalNamesSet, i) && nb.has(tpFiniteAfterModal) {
			return true
		}
	}
	if s.initialBefore(i) {
		return true
	}
	// "hunter is my son", "my son is hunter".
	if (opens || sub) && (nx == "is" || nx == "was" || nx == "'s") {
		if n1 := s.next(i); n1 > 0 {
			if n2 := s.next(n1); n2 > 0 && (s.eq(n2, "my") || s.eq(n2, "your") || s.eq(n2, "her") || s.eq(n2, "his") || s.eq(n2, "our")) {
				if n3 := s.next(n2); n3 > 0 && s.toks[n3].letters() && (s.toks[n3].is(lxRelation) || childRank[s.lower(n3)]) {
					return true
				}
			}
		}
	}
	if (p1 == "is" || p1 == "was") && s.clauseEndAfter(i) {
		if k := s.sameLinePrev(s.sameLinePrev(i)); k >= 0 && s.toks[k].letters() && s.toks[k].is(lxRelation) {
			return true
		}
	}
	// An endearing adjective before the person: "little will is doing
	// better", "poor june", "baby hope said"; "little will change" is the
	// modal.
	if b1.has(tpFondWords) && (!b2.has(tpWordMakers) && p2 != "with" && p2 != "there" || b2.has(tpAuxQuestion)) && (s.clauseEndAfter(i) || nb.has(tpStrongPersonVerbs) ||
		(nx == "is" || nx == "was") && personState[s.nextWordAt(s.next(i))] || (b2.has(tpAuxQuestion) || p2 == "how's") && nb.has(tpPersonAfterAux)) {
		return true
	}
	// Coordinated with a person: "me and miles", "my wife and june", "summer
	// and i talked", "mom dad and little jude".
	if c := s.sameLinePrev(i); p1 == "and" || b1.has(tpFondWords) && p2 == "and" {
		if p1 != "and" {
			c = s.sameLinePrev(c)
		}
		if k := s.sameLinePrev(c); s.eq(k, "me") || s.eq(k, "i") || k >= 0 && s.toks[k].letters() && s.toks[k].is(lxRelation) {
			return true
		}
	}
	if nx == "and" && opens {
		switch s.nextWordAt(s.next(i)) {
		case "i", "me", "my", "her", "his", "their":
			return true
		}
	}
	timeOrEnd := s.clauseEndAfter(i) || nb.has(tpAfterPersonObject)
	// "how old is june now": only people are asked their age.
	if (p1 == "is" || p1 == "was") && p2 == "old" && s.prevWordAt(i, 3) == "how" {
		return true
	}
	// "give hope this medicine", "bring will some water": the person
	// before what is given; "the inhaler you gave hunter last time".
	if b1.has(tpGiveVerbs) && (nb.has(tpGivenThing) || timeOrEnd) {
		return true
	}
	// "i picked up hope from school", "dropped off miles at daycare",
	// "brought will in": a verb that carries a person somewhere.
	if b2.has(tpCarryVerbs) && (p1 == "up" || p1 == "off") || b1.has(tpCarryVerbs) && p1 != "picked" && p1 != "pick" {
		if nb.has(tpCarriedTo) {
			return true
		}
	}
	// "it's been hard for hope because", "i'm here with grace today", "we
	// do the nebulizer with faith every morning", "the plan for joy is":
	// after a preposition, a word that needs an article before a clause
	// goes on or a time.
	if (p1 == "for" || p1 == "with" || p1 == "about") && (nb.has(tpPersonAfterPreposition) || p1 == "for" && (nx == "is" || nx == "was")) {
		return true
	}
	// "a visit for hunter who is here", "miles, who": a relative clause
	// after a bare word is about a person.
	if (nx == "who" || nx == "whose" || nx == "who's") && !b1.has(tpWordMakers) || (nx == "who" || nx == "whose") && (p1 == "for" ||
		p1 == "with" || p1 == "to" || p1 == "and") {
		return true
	}
	// "per june the rash began", "according to miles": the source of a
	// history.
	if p1 == "per" || p1 == "to" && p2 == "according" {
		return true
	}
	// "with hope and her mother": coordinated with someone's relative.
	if nx == "and" {
		if n2 := s.next(s.next(i)); n2 > 0 && (s.eq(n2, "her") || s.eq(n2, "his") || s.eq(n2, "their")) {
			if n3 := s.next(n2); n3 > 0 && s.toks[n3].letters() && s.toks[n3].is(lxRelation) {
				return true
			}
		}
	}
	// "miles is a pleasant forty two year old": how a note opens on its
	// patient.
	if (opens || sub) && (nx == "is" || nx == "was") {
		if n2 := s.next(s.next(i)); n2 > 0 && (s.eq(n2, "a") || s.eq(n2, "an")) {
			if n3 := s.next(n2); n3 > 0 && (patientOpeners[s.lower(n3)] || s.toks[n3].digits() ||
				s.toks[n3].letters() && s.toks[n3].is(lxDigitWord|lxTeenWord|lxTensWord)) {
				return true
			}
		}
	}
	// "nurse kayla will", "my therapist okafor thinks": a role before the
	// person; "okafor the pharmacist said", "loop in priya our social
	// worker": a role after; "tyler is our care coordinator".
	if b1.has(tpPersonRoles) && (p2 == "my" || p2 == "your" || p2 == "our" || p2 == "the" || p2 == "her" || p2 == "his" ||
		p1 == "nurse" || p1 == "therapist" || p1 == "pharmacist" || p1 == "counselor") {
		return true
	}
	// Not where a verb goes: "i need to page the doctor".
	if n1 := s.next(i); n1 > 0 && !b1.has(tpVerbSlot) && (nx == "the" || nx == "our" || nx == "my" || nx == "your" || nx == "her" || nx == "his") {
		// "our social worker", "my case manager": the role one word on.
		if n2 := s.next(n1); n2 > 0 && (s.tokIn(personRolesSet, n2) || personRoles[s.nextWordAt(n2)] && s.toks[n2].letters()) {
			return true
		}
	}
	// "tyler at the pharmacy said": a person placed somewhere, then what
	// they said or did.
	if (opens || sub) && (nx == "at" || nx == "from") {
		for k, n := s.next(s.next(i)), 0; k > 0 && n < 4 && !s.clauseEndAfter(k-1); k, n = s.next(k), n+1 {
			if s.tokIn(strongPersonVerbsSet, k) {
				return true
			}
		}
	}
	if (opens || sub) && (nx == "is" || nx == "was") {
		if n2 := s.next(s.next(i)); n2 > 0 && (s.eq(n2, "our") || s.eq(n2, "my") || s.eq(n2, "your") || s.eq(n2, "the")) {
			if n3 := s.next(n2); n3 > 0 && (s.tokIn(personRolesSet, n3) || personRoles[s.nextWordAt(n3)] && s.next(n3) > 0) {
				return true
			}
		}
	}
	// "it was tyler who found me", "is okafor your daughter", "me nguyen
	// and the baby", "kowalski from scheduling will".
	if (p1 == "was" || p1 == "is") && (p2 == "it" || p2 == "that") && (nx == "who" || nx == "that") ||
		(p1 == "who's" || p1 == "is" && p2 == "who") && s.clauseEndAfter(i) {
		return true
	}
	if b1.has(tpAuxQuestion) && (nx == "your" || nx == "her" || nx == "his" || nx == "their") {
		if n2 := s.next(s.next(i)); n2 > 0 && s.toks[n2].letters() && (s.toks[n2].is(lxRelation) || s.tokIn(personRolesSet, n2)) {
			return true
		}
	}
	if p1 == "me" && (s.turnStart(s.sameLinePrev(i)) || p2 == "just") && (nx == "and" || nx == ",") {
		return true
	}
	if (opens || sub) && nx == "from" && personRoles[s.nextWordAt(s.next(i))] {
		return true
	}
	// "that's hope for you".
	if p1 == "that's" && nx == "for" && s.nextWordAt(s.next(i)) == "you" {
		return true
	}
	// "so summer um the", "okay will uh": address with a filler and no
	// comma, as a transcriber writes it.
	if b1.has(tpAddressOpeners) && (nx == "um" || nx == "uh" || nx == "erm") {
		return true
	}
	// "hunter speaking", "may here, hi": who answers, opening a turn.
	if (nx == "speaking" || nx == "here") && s.turnStart(i) && s.clauseEndAfter(s.next(i)) {
		return true
	}
	// "hope my wife", "will her husband": a relation in apposition.
	if (opens || sub) && (nx == "my" || nx == "your" || nx == "his" || nx == "her" || nx == "our" || nx == "their") {
		if n2 := s.next(s.next(i)); n2 > 0 && s.toks[n2].letters() && s.toks[n2].is(lxRelation) {
			return true
		}
	}
	// "june will take your vitals", "may can call you": what someone will
	// do to the person spoken to.
	if nb.has(tpModalVerbs) {
		if n2 := s.next(s.next(i)); n2 > 0 && baseVerbs[s.lower(n2)] {
			switch s.nextWordAt(n2) {
			case "you", "your", "me", "my", "him", "her", "them", "us":
				return true
			}
		}
	}
	// "and june is eight", "miles turned twelve": an age.
	if opens && (nx == "is" || nx == "was" || nx == "turned" || nx == "turns" || nx == "turning") {
		if n2 := s.next(s.next(i)); n2 > 0 && (s.toks[n2].digits() && s.toks[n2].n() <= 3 ||
			s.toks[n2].letters() && s.toks[n2].is(lxDigitWord|lxTeenWord|lxTensWord)) {
			return true
		}
	}
	switch {
	case b1.has(tpAuxQuestion) && (p2 == "" || p2 == "how" || p2 == "where" || p2 == "when" || p2 == "why" || p2 == "what" ||
		s.turnStart(s.sameLinePrev(i)) || p2 == "," || p2 == "and" || p2 == "so" || s.isKnown(s.sameLinePrev(s.sameLinePrev(i)))):
		return nb.has(tpPersonAfterAux) || s.clauseEndAfter(i) && p2 == "how"
	case p1 == "how's" || p1 == "hows" || p1 == "where's":
		return nb.has(tpPersonAfterAux) || s.clauseEndAfter(i)
	case b1.has(tpObjectVerbs):
		return timeOrEnd
	case b1.has(tpClinicalObjectVerbs):
		return timeOrEnd || nx == "with" || nx == "regarding" || nx == "re"
	case p1 == "with" && (b2.has(tpSpeakVerbs) || b2.has(tpLivingVerbs) || p2 == "on" || p2 == "happened" || p2 == "wrong" || p2 == "up" ||
		p2 == "discussed" || p2 == "reviewed"), p1 == "about" && (p2 == "news" || b2.has(tpSpeakVerbs) || p2 == "worried"),
		p1 == "for" && (p2 == "up" || p2 == "visit" || p2 == "refill" || p2 == "here" || b2.has(tpPersonNouns) || b2.has(tpAskForVerbs)),
		p1 == "to" && b2.has(tpSpeakVerbs):
		return timeOrEnd
	}
	if s.pleasantryBefore(i) {
		return true
	}
	// "hunter's soccer game", "miles's truck": a possessive not after a
	// determiner, of a word that is no date.
	if a := i + 1; a+1 < len(s.toks) && s.toks[a].punct('\'') && s.toks[a].gap == gapNone && (s.eq(a+1, "s") && s.toks[a+1].gap == gapNone ||
		s.low[s.toks[i].e-1] == 's' && s.toks[a+1].gap != gapNone) && !b1.has(tpWordMakers) && !s.calendarWord(i) {
		return true
	}
	// "june and miles", "hope or grace": two supplied parts joined, not
	// both dates.
	for _, k := range [2]int{s.conjunctAfter(i), s.conjunctBefore(i)} {
		if k >= 0 && s.isKnown(k) && s.lower(k) != s.lower(i) && !(s.calendarWord(k) && s.calendarWord(i)) {
			return true
		}
	}
	return false
}

// thirdPersonSet holds the word maps thirdPersonAt asks about the words
// before and after a name, one bit a map (the tp constants, in the same
// order): each of those words is looked up once instead of in up to a
// dozen maps. TestThirdPersonSetMatchesItsMaps checks it against them.
var thirdPersonSet = setOfMaps(timeNouns, fondWords, wordMakers, auxQuestion, giveVerbs, carryVerbs, personRoles, verbSlot, addressOpeners, objectVerbs, clinicalObjectVerbs, speakVerbs, livingVerbs, personNouns, askForVerbs, strongPersonVerbs, personVerbNext, weakSubjectVerbs, modalVerbs, negatedAux, nounlessSubjectVerbs, seasonVerbs, frequencyAdverbs, finiteAfterModal, personAfterAux, afterPersonObject, givenThing, carriedTo, personAfterPreposition)

// Bits of thirdPersonSet: tpX is the map X.
const (
	tpTimeNouns wordBits = 1 << iota
	tpFondWords
	tpWordMakers
	tpAuxQuestion
	tpGiveVerbs
	tpCarryVerbs
	tpPersonRoles
	tpVerbSlot
	tpAddressOpeners
	tpObjectVerbs
	tpClinicalObjectVerbs
	tpSpeakVerbs
	tpLivingVerbs
	tpPersonNouns
	tpAskForVerbs
	tpStrongPersonVerbs
	tpPersonVerbNext
	tpWeakSubjectVerbs
	tpModalVerbs
	tpNegatedAux
	tpNounlessSubjectVerbs
	tpSeasonVerbs
	tpFrequencyAdverbs
	tpFiniteAfterModal
	tpPersonAfterAux
	tpAfterPersonObject
	tpGivenThing
	tpCarriedTo
	tpPersonAfterPreposition
)

// verbSlot words are followed by a verb: "to page", "i call", "please
// page".
var verbSlot = map[string]bool{"to": true, "i": true, "we": true, "you": true, "they": true, "will": true,
	"would": true, "can": true, "could": true, "should": true, "must": true, "please": true, "let's": true,
	"lets": true, "don't": true, "didn't": true, "i'll": true, "we'll": true, "you'll": true, "gonna": true,
	"me": true, "us": true}

// personRoles are what a person is to the patient or at the clinic: "my
// therapist", "our social worker", "the pharmacist", "from scheduling".
var personRoles = map[string]bool{"nurse": true, "therapist": true, "pharmacist": true, "counselor": true,
	"counsellor": true, "coordinator": true, "worker": true, "manager": true, "aide": true, "doctor": true,
	"pcp": true, "dentist": true, "surgeon": true, "psychiatrist": true, "psychologist": true, "midwife": true,
	"doula": true, "navigator": true, "interpreter": true, "translator": true, "chaplain": true, "dietitian": true,
	"nutritionist": true, "scheduler": true, "scheduling": true, "billing": true, "receptionist": true, "tech": true,
	"technician": true, "assistant": true, "resident": true, "intern": true, "fellow": true, "attending": true,
	"specialist": true, "cardiologist": true, "oncologist": true, "neurologist": true, "physio": true,
	"trainer": true, "coach": true, "teacher": true, "lawyer": true, "attorney": true, "advocate": true,
	"sitter": true, "babysitter": true, "nanny": true, "sponsor": true, "mgr": true, "educator": true, "consultant": true,
	"paramedic": true, "medic": true, "hygienist": true, "optometrist": true, "audiologist": true, "podiatrist": true,
	"supervisor": true, "caseworker": true}

// nurseRoles complete a nurse's title ("Nurse Practitioner", "Nurse
// Educator"); personRoles holds the roles that stand alone too.
var nurseRoles = map[string]bool{"practitioner": true, "educator": true, "anesthetist": true, "clinician": true,
	"informaticist": true, "supervisor": true, "liaison": true, "consultant": true, "specialist": true}

// childRank names a child by their place among siblings: "hunter is my
// oldest".
var childRank = map[string]bool{"oldest": true, "youngest": true, "eldest": true, "middle": true, "firstborn": true,
	"baby": true, "only": true}

// clauseOpensBefore: the words before a subject inside a sentence: a
// conjunction ("because", "when", "and then"), a verb of saying or
// thinking ("you know", "i think", "her teacher said", "mom said that")
// or a time the clause is about ("the week", "that night").
func (s *scan) clauseOpensBefore(p1, p2 string) bool {
	switch p1 {
	case "because", "cause", "cuz", "when", "if", "since", "after", "before", "while", "until", "once", "whether":
		return true
	case "then":
		return p2 == "and" || p2 == "but" || p2 == "so" || p2 == "since"
	case "that":
		return sayThinkVerbs[p2]
	case "week", "day", "night", "morning", "weekend", "time", "evening", "afternoon":
		return timeNouns[p1] && (p2 == "the" || p2 == "that" || p2 == "last" || p2 == "this" || p2 == "same" || p2 == "one")
	case "yeah", "yes", "huh", "um", "uh":
		return true
	}
	return sayThinkVerbs[p1] && p2 != "to" && p2 != "you'll"
}

// clinicalObjectVerbs are done to a patient in a note: "examined hope
// with", "counseled will on".
var clinicalObjectVerbs = map[string]bool{"examined": true, "counseled": true, "counselled": true, "educated": true,
	"instructed": true, "advised": true, "evaluated": true, "treated": true, "interviewed": true, "discharged": true,
	"admitted": true, "referred": true, "assessed": true, "reassured": true, "vaccinated": true, "weighed": true,
	"examine": true, "counsel": true, "evaluate": true, "reassess": true, "recheck": true, "rechecked": true,
	"informed": true, "updated": true}

// patientOpeners follow "is a" when a note introduces its patient: "hope
// is a pleasant", "is a 42".
var patientOpeners = map[string]bool{"pleasant": true, "healthy": true, "previously": true, "well": true,
	"delightful": true, "lovely": true, "nice": true, "very": true, "frail": true, "thin": true, "obese": true,
	"generally": true, "former": true, "full": true, "newborn": true, "term": true, "preterm": true}

// timeNouns open a clause about when it happened: "the week", "that
// night".
var timeNouns = map[string]bool{"week": true, "day": true, "night": true, "morning": true, "weekend": true,
	"time": true, "evening": true, "afternoon": true}

// sayThinkVerbs take a clause with its subject: "i think hunter is", "you
// know will fell", "said that".
var sayThinkVerbs = map[string]bool{"said": true, "says": true, "think": true, "thinks": true, "thought": true,
	"know": true, "knew": true, "guess": true, "noticed": true, "mentioned": true, "heard": true, "figured": true,
	"realized": true, "worried": true, "sure": true, "afraid": true, "feel": true, "felt": true, "swear": true,
	"reports": true, "reported": true, "states": true, "stated": true, "notes": true, "noted": true, "explains": true,
	"explained": true, "believes": true, "admits": true, "describes": true, "confirms": true, "confirmed": true}

// nounlessSubjectVerbs follow a person and a noun with an article, not a
// bare common noun: "hunter started wheezing", "miles got sick".
var nounlessSubjectVerbs = map[string]bool{"got": true, "gets": true, "started": true, "starts": true, "took": true,
	"takes": true, "went": true, "goes": true, "turned": true, "threw": true, "woke": true, "tripped": true,
	"bumped": true, "choked": true, "fainted": true, "swallowed": true, "vomited": true, "coughed": true,
	"sneezed": true, "slipped": true, "broke": true, "hurt": true, "hit": true, "bit": true, "ran": true,
	"keeps": true, "kept": true, "refuses": true, "refused": true, "won't": true, "can't": true}

// seasonVerbs follow a month or season as well: "summer started", "june
// went by"; a month or season before them is the person only before a
// state of one ("summer started wheezing").
var seasonVerbs = map[string]bool{"got": true, "gets": true, "started": true, "starts": true, "took": true,
	"takes": true, "went": true, "goes": true, "turned": true, "keeps": true, "kept": true, "ran": true, "hit": true,
	"broke": true}

// negatedAux after a bare word make it a person: "june hasn't eaten",
// "miles didn't sleep".
var negatedAux = map[string]bool{"hasn't": true, "hadn't": true, "didn't": true, "doesn't": true, "wasn't": true,
	"isn't": true}

// carryVerbs carry or fetch a person: "picked up hope", "dropped off
// miles", "brought will in".
var carryVerbs = map[string]bool{"pick": true, "picked": true, "picking": true, "picks": true, "drop": true,
	"dropped": true, "dropping": true, "drops": true, "brought": true, "bring": true, "bringing": true,
	"drove": true, "drive": true, "driving": true, "took": true, "take": true, "taking": true, "walked": true,
	"carried": true, "rushed": true}

// carriedTo follow a person carried somewhere: "from school", "in",
// "home".
var carriedTo = map[string]bool{"from": true, "at": true, "to": true, "in": true, "home": true, "here": true,
	"over": true, "back": true, "after": true, "early": true, "today": true, "yesterday": true, "up": true,
	"off": true}

// personAfterPreposition follow a person after "for", "with" or "about"
// where a bare common word would need an article: "hard for hope
// because", "here with grace today".
var personAfterPreposition = map[string]bool{"because": true, "since": true, "lately": true, "every": true,
	"each": true, "today": true, "tonight": true, "yesterday": true, "tomorrow": true, "anymore": true,
	"again": true, "recently": true, "cause": true, "when": true, "this": true, "last": true, "next": true}

// fondWords go before a person's name said fondly: "little will", "poor
// june".
var fondWords = map[string]bool{"little": true, "baby": true, "poor": true, "sweet": true, "dear": true, "big": true,
	"ol'": true, "miss": true}

// modalVerbs after a subject that is a word other than a date make it a
// person: "jordan will be happy", "hunter can drive".
var modalVerbs = map[string]bool{"will": true, "would": true, "can": true, "could": true, "does": true, "did": true}

// livingVerbs: "living with autumn", "stays with june".
var livingVerbs = map[string]bool{"living": true, "lives": true, "live": true, "lived": true, "staying": true,
	"stays": true, "stay": true, "stayed": true, "moved": true, "moving": true}

// conjunctAfter returns the word after "and" or "or" following token i,
// or -1.
func (s *scan) conjunctAfter(i int) int {
	n := s.next(i)
	if n < 0 || !(s.eq(n, "and") || s.eq(n, "or")) {
		return -1
	}
	if m := s.next(n); m > 0 && s.toks[m].letters() {
		return m
	}
	return -1
}

// conjunctBefore returns the word before "and" or "or" preceding token i,
// or -1.
func (s *scan) conjunctBefore(i int) int {
	p := s.sameLinePrev(i)
	if p < 0 || !(s.eq(p, "and") || s.eq(p, "or")) || s.toks[p].gap != gapSpace {
		return -1
	}
	if q := s.sameLinePrev(p); q >= 0 && s.toks[q].letters() {
		return q
	}
	return -1
}

// pleasantryBefore: the name closing a pleasantry said to the person:
// "nice to meet you hunter", "good to see you again june", "thanks for
// coming in hunter".
func (s *scan) pleasantryBefore(i int) bool {
	p1, p2 := s.prevWordAt(i, 1), s.prevWordAt(i, 2)
	// "nice to meet you rosario i'm hannah": after "you" the speaker's
	// next clause may follow with no comma ("thank you may i ask" is the
	// modal).
	if !s.clauseEndAfter(i) && !(closingEnds[p1] && s.closingAfter(i)) && !(p1 == "you" && clauseOpenersAfterName[s.nextWordAt(i)] && !s.tokIn(modalNamesSet, i) && !endearments[s.lower(i)] && !s.calendarWord(i)) {
		return false
	}
	// The end of a closing formula said to the person: "thanks so much
	// june", "good job will", "you're all set june", "hang in there june",
	// "love you mark"; a modal after a pronoun is the verb ("i hope you
	// will").
	setOff := i+1 < len(s.toks) && s.toks[i+1].gap != gapLine && (s.toks[i+1].punct(',') || s.toks[i+1].punct('?') || s.toks[i+1].punct('!'))
	if closingEnds[p1] && !(s.tokIn(modalNamesSet, i) && p1 == "you" && !setOff && s.clauseEndAfter(i)) && s.closingAfter(i) {
		return true
	}
	// "and mark?": asking after someone.
	if p1 == "and" && (p2 == "" || s.turnStart(s.sameLinePrev(i))) && i+1 < len(s.toks) && s.toks[i+1].punct('?') && !s.calendarWord(i) {
		return true
	}
	switch {
	case p1 == "you" || p1 == "again" || p1 == "too" || p1 == "back" || p1 == "today":
	case p1 == "in" && (p2 == "coming" || p2 == "come"):
	default:
		return false
	}
	for n := 2; n <= 6; n++ {
		switch s.prevWordAt(i, n) {
		case "meet", "meeting", "see", "seeing", "thanks", "thank", "coming", "welcome", "nice", "glad", "bye", "later":
			return true
		case "", ".", "?", "!", ",":
			return false
		}
	}
	return false
}

// ownedNounBefore: the words before i are someone's things, closing a
// clause ("let me see your hands hope", "may i look in your ears dawn"):
// not a word of time, a preposition or a verb's helper ("see you next
// june", "the first of june").
func (s *scan) ownedNounBefore(i int) bool {
	pv := s.sameLinePrev(i)
	if pv < 0 || !s.toks[pv].letters() || s.toks[pv].n() < 3 {
		return false
	}
	w := s.lower(pv)
	if functionWords[w] || wordMakers[w] || timePreps[w] || s.toks[pv].is(lxMonth|lxWeekday|lxTimeWord|lxDigitWord|lxTeenWord|lxTensWord|lxOrdWord) {
		return false
	}
	// After a plural of someone's body or things ("your ears", "her
	// hands"): "my entire summer", "your best summer", "my insulin price"
	// name no one.
	switch s.prevWordAt(i, 2) {
	case "your", "my", "his", "her", "their", "our":
		return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
	}
	return false
}

// clauseOpenersAfterName open the speaker's next clause after a name said
// at the end of a pleasantry.
var clauseOpenersAfterName = wordsOf("i i'm i'll i've we we're we'll my so and this let's how please come have um uh")

// closingAfter: the clause ends after token i, or another closing
// follows ("thanks so much june and say hi to miles").
func (s *scan) closingAfter(i int) bool {
	if s.clauseEndAfter(i) {
		return true
	}
	if s.nextWordAt(i) != "and" {
		return false
	}
	switch n := s.next(i); s.nextWordAt(n) {
	case "say", "tell", "take", "see", "have", "give", "thanks", "thank":
		return true
	}
	return false
}

// closingEnds end formulas said to someone at the end of a turn, before
// their name: "thanks so much", "good job", "well done", "all set", "see
// you soon", "hang in there", "take care now", "love you".
var closingEnds = map[string]bool{"much": true, "job": true, "done": true, "set": true, "soon": true, "luck": true,
	"there": true, "now": true, "later": true, "tomorrow": true, "weekend": true, "work": true, "love": true,
	"you": true, "too": true, "dear": true, "hon": true, "buddy": true, "sweetie": true, "kiddo": true, "friend": true,
	"bud": true, "man": true, "girl": true, "guys": true, "sir": true, "ma'am": true, "time": true}

// personState: what a person is, not a month: "autumn is doing better".
var personState = map[string]bool{"doing": true, "feeling": true, "sleeping": true, "eating": true, "working": true,
	"living": true, "staying": true, "driving": true, "walking": true, "talking": true, "crying": true, "home": true,
	"awake": true, "asleep": true, "here": true, "worried": true, "scared": true, "pregnant": true, "married": true,
	"happy": true, "glad": true, "upset": true, "sad": true, "mad": true, "angry": true, "relieved": true,
	"thrilled": true, "excited": true, "nervous": true, "tired": true, "proud": true, "disappointed": true,
	"coughing": true, "wheezing": true, "vomiting": true, "throwing": true, "sneezing": true, "complaining": true,
	"limping": true, "scratching": true, "fussy": true, "fussing": true, "born": true, "allergic": true}

// initialBefore: an initial of a supplied name right before, with a period
// or a space: "r. hunter", "a bell" is not enough (the article), "j.
// rivers".
func (s *scan) initialBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 1 || !s.toks[p].punct('.') || s.toks[p].gap != gapNone || s.toks[i].gap != gapSpace {
		return false
	}
	q := p - 1
	if !s.toks[q].letters() || s.toks[q].n() != 1 {
		return false
	}
	c := s.low[s.toks[q].s]
	for _, ini := range s.kn().initials {
		if len(ini) > 0 && ini[0] == c {
			return true
		}
	}
	return false
}

// strongPersonVerbs are done by people, not by months or things: "may
// told me", "june thinks".
var strongPersonVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "thinks": true,
	"thought": true, "wants": true, "wanted": true, "worries": true, "worried": true, "drove": true, "drives": true,
	"helps": true, "helped": true, "asked": true, "asks": true, "knows": true, "likes": true, "loves": true,
	"lives": true, "works": true, "called": true, "calls": true, "noticed": true, "mentioned": true, "brought": true,
	"picked": true, "came": true, "comes": true, "feels": true, "felt": true, "hates": true, "insisted": true,
	"picks": true, "drops": true, "dropped": true, "babysits": true, "pays": true, "paid": true,
	"reminded": true, "reminds": true, "agrees": true, "agreed": true, "cooks": true, "cooked": true, "stays": true,
	"stayed": true, "left": true, "fell": true, "cried": true, "sleeps": true, "slept": true, "ate": true, "eats": true,
	"quit": true, "smokes": true, "smoked": true, "drinks": true, "drank": true, "visited": true, "visits": true,
	"texted": true, "texts": true, "phoned": true, "complains": true, "complained": true,
	"presents": true, "presented": true, "reports": true, "reported": true, "denies": true, "denied": true,
	"endorses": true, "endorsed": true, "returns": true, "returned": true, "tolerated": true, "tolerates": true,
	"states": true, "stated": true, "admits": true, "admitted": true, "describes": true, "described": true}

// frequencyAdverbs stand between a person and what they do: "hunter always
// helps".
var frequencyAdverbs = map[string]bool{"always": true, "usually": true, "never": true, "often": true,
	"sometimes": true, "rarely": true, "still": true, "also": true, "really": true}

// weakSubjectVerbs follow a word as well as a person ("hope is", "summer
// was", "mark had"): a subject before them is a person only when it is a
// name more than a word.
var weakSubjectVerbs = map[string]bool{"is": true, "was": true, "has": true, "had": true, "will": true, "would": true,
	"can": true, "could": true, "does": true, "did": true, "got": true, "gets": true, "just": true, "still": true,
	"usually": true, "always": true, "never": true, "turned": true, "started": true, "took": true, "takes": true,
	"went": true, "goes": true}

// auxQuestion ask about the person after them: "is june still", "has grant
// usually".
var auxQuestion = map[string]bool{"is": true, "does": true, "did": true, "has": true, "was": true, "will": true,
	"can": true, "could": true, "would": true, "isn't": true, "doesn't": true, "didn't": true, "hasn't": true}

// askForVerbs ask for a person: "ask for june at the desk".
var askForVerbs = map[string]bool{"ask": true, "asked": true, "asking": true, "looking": true, "waiting": true,
	"wait": true, "call": true, "calling": true}

// giveVerbs take a person and then the thing given.
var giveVerbs = map[string]bool{"give": true, "gave": true, "giving": true, "bring": true, "brought": true,
	"hand": true, "show": true, "showed": true, "send": true, "sent": true, "buy": true, "bought": true, "pass": true}

// givenThing opens the thing given after the person.
var givenThing = map[string]bool{"this": true, "that": true, "these": true, "those": true, "the": true, "a": true,
	"an": true, "some": true, "her": true, "his": true, "your": true, "their": true}

// addressOpeners open a turn that addresses someone.
var addressOpeners = map[string]bool{"so": true, "ok": true, "okay": true, "alright": true, "well": true, "now": true,
	"hey": true, "um": true, "uh": true, "and": true}

// personAfterAux: what a person does after "is X", "has X".
var personAfterAux = map[string]bool{"have": true, "allergic": true, "sick": true, "pregnant": true,
	"breastfeeding": true, "vaccinated": true, "having": true, "getting": true, "using": true, "still": true, "usually": true, "always": true, "ever": true, "doing": true,
	"holding": true, "taking": true, "coming": true, "feeling": true, "going": true, "sleeping": true, "eating": true,
	"working": true, "living": true, "staying": true, "driving": true, "helping": true, "walking": true, "okay": true,
	"ok": true, "alright": true, "home": true, "here": true, "there": true, "around": true, "awake": true,
	"come": true, "take": true, "know": true, "want": true, "need": true, "live": true, "work": true, "drive": true,
	"help": true, "say": true, "tell": true, "call": true, "sleep": true, "eat": true, "feel": true, "get": true,
	"been": true, "had": true, "seen": true, "told": true, "started": true, "tried": true, "gotten": true, "noticed": true}

// objectVerbs are said of people: "see miles", "tell june", "thank will".
var objectVerbs = map[string]bool{"see": true, "tell": true, "ask": true, "thank": true, "meet": true, "remind": true,
	"called": true, "phoned": true,
	"text": true, "told": true, "asked": true, "thanked": true, "met": true, "reminded": true, "texted": true,
	"saw": true, "seen": true, "seeing": true, "telling": true, "asking": true, "let": true, "page": true, "paged": true,
	"visit": true, "visited": true, "visiting": true, "hug": true, "call": true, "calling": true, "phone": true}

// afterPersonObject follow a person named as an object: a time, a
// preposition, a conjunction ("see miles in three months", "tell june
// that").
var afterPersonObject = map[string]bool{"in": true, "next": true, "on": true, "at": true, "for": true, "to": true,
	"about": true, "today": true, "tonight": true, "tomorrow": true, "yesterday": true, "again": true, "too": true,
	"and": true, "that": true, "know": true, "when": true, "if": true, "i": true, "we": true, "soon": true,
	"later": true, "now": true, "later.": true, "this": true, "last": true, "before": true, "after": true,
	"right": true, "back": true, "earlier": true, "immediately": true, "first": true, "once": true, "twice": true}

// isKnown reports a known name part at token k (after knownNames has run
// for this text; false before).
func (s *scan) isKnown(k int) bool { return k >= 0 && k < len(s.ktier) && s.ktier[k] != 0 }

// thingVerbs take a thing, seldom a person, as their object: a supplied
// name that is also a word is the word after them ("tried ginger", "paying
// cash").
var thingVerbs = map[string]bool{"playing": true, "tried": true, "try": true, "trying": true, "eat": true,
	"eats": true, "ate": true, "eating": true, "drink": true, "drinks": true, "drank": true, "drinking": true,
	"paying": true, "chew": true, "chewing": true, "cook": true, "cooking": true, "sell": true, "selling": true,
	"spend": true, "spent": true, "spending": true, "earn": true, "earned": true, "sip": true, "sipping": true,
	"taste": true, "tasted": true, "smell": true, "smelled": true, "using": true, "uses": true}

// thingObjectVerbs are the thingVerbs whose object is never a person, even at
// the end of a turn where a name is often said ("have you tried ginger",
// "is it worse when you're eating"): knownInContext asks them before any
// context that names a person. Verbs that can take a person ("lose",
// "pay", "buy", "teach", "save") are on neither list.
var thingObjectVerbs = map[string]bool{"tried": true, "try": true, "trying": true, "eat": true, "ate": true,
	"eating": true, "drink": true, "drank": true, "drinking": true, "chew": true, "chewing": true, "sip": true,
	"sipping": true, "taste": true, "tasted": true, "smell": true, "smelled": true, "paying": true, "playing": true,
	"using": true}

// negatedAuxAfterPronoun: after a subject pronoun a negated auxiliary is
// followed by a verb, not a name ("i wouldn't gamble with that", "we
// don't bill for that"); in a question it may be followed by the person
// ("didn't bill call you").
var negatedAuxAfterPronoun = map[string]bool{"wouldn't": true, "won't": true, "don't": true, "doesn't": true, "didn't": true,
	"can't": true, "couldn't": true, "shouldn't": true, "mustn't": true, "isn't": true, "aren't": true, "wasn't": true,
	"weren't": true, "haven't": true, "hasn't": true, "hadn't": true}

var subjectPronouns = map[string]bool{"i": true, "you": true, "we": true, "they": true, "he": true, "she": true, "it": true}
