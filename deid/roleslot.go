package deid

import "strings"

// Persons named by the role they hold or by a relation whose shape the
// other rules miss: "the x-ray tech is corbin, he'll come get you", "the
// diabetes educator, pualani, will call", "my daughter in law noreen
// makes", "my wife peg and i". Each runs in lateTokenRules' walk; the
// cheap test of the words before comes first, the look through the
// candidates found (inOtherSpan) last.

// slotRoles are the roles a person named after them holds.
var slotRoles = wordsOf("tech technician educator nurse therapist aide coordinator navigator interpreter counselor " +
	"counsellor chaplain midwife doula dietitian dietician pharmacist supervisor manager teacher coach lieutenant " +
	"sergeant captain caseworker worker scribe phlebotomist receptionist assistant")

// slotVerbs after "my <role> <name>" say what the person did or will do.
var slotVerbs = wordsOf("said says told tells wants wanted called calls is was will would gonna thinks thought sent " +
	"asked asks gave gives")

// slotEnds after "<role> is <name>" end the naming: "he'll", "she", "and".
var slotEnds = wordsOf("he she he'll she'll he's she's and they they'll")

// roleSlotNameAt: token i is a lower-case word of four letters or more on
// no list (no English word, no word of the hand lexicon but a given name or
// a surname, no place of the gazetteer unless also a name) named by a
// role: after "<role> is" before "he'll", "she" or "and", maybe after a
// comma ("the tech is stat, so" stays); set off by commas
// after "<role>,"; or after "my <role>" before a verb of saying or
// doing. A late rule.
func (s *scan) roleSlotNameAt(i int) {
	t := &s.toks[i]
	p := s.sameLinePrev(i)
	if p < 0 || !t.letters() || t.n() < 4 || t.upper() || !(s.eq(p, "is") || s.toks[p].punct(',') || slotRoles[s.lower(p)]) {
		return // most tokens: nothing before them names a role
	}
	if slotChat[s.lower(i)] || s.englishTok(i) || t.lex&^(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 ||
		t.gaz&(gzWord|gzFacHead|gzFacAcro) != 0 || t.gaz&(gzCity|gzCityAmb|gzTown) != 0 && t.gaz&(gzFirst|gzSur) == 0 ||
		clinicalWordLooking(s.lower(i)) {
		return
	}
	n := s.next(i)
	after := ""
	if n > 0 && s.toks[n].gap != gapLine {
		after = s.lower(n)
	}
	// "he'll" after it, or after its comma.
	ends := slotEnds[after]
	if n > 0 && s.toks[n].punct(',') {
		if m := s.next(n); m > 0 && s.toks[m].gap == gapSpace {
			ends = slotEnds[s.lower(m)]
		}
	}
	switch {
	case s.eq(p, "is"):
		r := s.sameLinePrev(p)
		if r < 0 || !slotRoles[s.lower(r)] || !ends {
			return
		}
	case s.toks[p].punct(','):
		r := s.sameLinePrev(p)
		if r < 0 || !slotRoles[s.lower(r)] || n < 0 || !s.toks[n].punct(',') {
			return
		}
	case slotRoles[s.lower(p)]:
		if !s.eq(s.sameLinePrev(p), "my") || !slotVerbs[after] {
			return
		}
	default:
		return
	}
	if s.inOtherSpan(int(t.s)) {
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
}

// slotChat are words of chat, hesitations and languages that stand where a
// role's person is named ("the tech, asap, will", "my nurse prolly said",
// "the interpreter is dari and he'll").
var slotChat = wordsOf("asap prolly lowkey umm hmmm dari pashto tigrinya amharic")

// inLawNameAt: token i follows a relation "in law", written with hyphens
// or spaces ("my daughter-in-law noreen makes"): a given name of the lists
// that is no English word, or a word of five letters or more on no list
// not shaped as a verb. The relation check elsewhere sees "law" before the
// name. A late rule.
func (s *scan) inLawNameAt(i int) {
	t := &s.toks[i]
	if !t.letters() || t.n() < 3 {
		return
	}
	law := s.sameLinePrev(i)
	if law < 0 || !s.eq(law, "law") {
		return
	}
	in := s.sameLinePrev(law)
	if in >= 0 && s.toks[in].punct('-') {
		in = s.sameLinePrev(in)
	}
	if !s.eq(in, "in") {
		return
	}
	kin := s.sameLinePrev(in)
	if kin >= 0 && s.toks[kin].punct('-') {
		kin = s.sameLinePrev(kin)
	}
	if kin < 0 || !s.toks[kin].letters() || !s.toks[kin].is(lxRelation) {
		return
	}
	// A given name of the lists, or a word on no list of five letters or
	// more that no verb ending shapes: chat, acronyms and verbs stand
	// there too ("my son in law idk", "my sister in law facetimes me").
	w := s.lower(i)
	named := (t.lex&lxFirst != 0 || t.gaz&gzFirst != 0) && t.lex&(lxCommon|lxMedical) == 0
	unlisted := t.lex == 0 && t.gaz == 0 && t.n() >= 5 && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") &&
		!strings.HasSuffix(w, "ing") && !clinicalWordLooking(w)
	if !named && !unlisted || s.englishTok(i) || s.inOtherSpan(int(t.s)) {
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
}

// relationNameAndIAt: token i is a given name or its short form (on the
// lists, even when also a word of medicine or an English word) between
// "my", "our", "his" or "her" and a relation word, and "and i", "and me"
// or "and we": "my wife peg and i bought it", "my son will and i went".
// A late rule.
func (s *scan) relationNameAndIAt(i int) {
	t := &s.toks[i]
	if !t.letters() || t.n() < 2 {
		return
	}
	rel := s.sameLinePrev(i)
	if rel < 0 || !s.toks[rel].letters() || !s.toks[rel].is(lxRelation) {
		return
	}
	switch s.prevWordAt(rel, 1) {
	case "my", "our", "his", "her":
	default:
		return
	}
	and := s.next(i)
	if and < 0 || !s.eq(and, "and") || s.toks[and].gap != gapSpace {
		return
	}
	switch s.nextWordAt(and) {
	case "i", "me", "we", "myself":
	default:
		return
	}
	if s.englishTok(i) {
		// A verb or a modal shares its subject with the next one: "my
		// son drew and i painted", "my husband will and i won't".
		if nx := s.nextWordAt(s.next(and)); strings.HasSuffix(nx, "ed") || auxAfterI[nx] {
			return
		}
	}
	w := s.lower(i)
	of := nickOnce().of[w]
	if t.lex&lxFirst == 0 && t.gaz&gzFirst == 0 && len(of[2]) == 0 && len(of[3]) == 0 || s.inOtherSpan(int(t.s)) {
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
}

// auxAfterI after "and i" make the word before "and" a verb or a modal.
var auxAfterI = wordsOf("won't wont will would might may can can't cant could couldn't did didn't do don't does doesn't " +
	"should shouldn't have haven't had hadn't am was wasn't")
