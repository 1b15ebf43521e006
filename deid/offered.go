package deid

import "strings"

// offeredNames: the short name a person offers at the start of a turn
// right after being addressed ("md: hi valentina / pt: vale is fine",
// "speaker 1: mr. mizrahi / speaker 2: yes avi", "s1: sebastiao i'm dr
// chukwuma / s2: tiao please", "chidinma yeah or chi is fine"). The word is
// a name there whatever it is (no English word), and at its other mentions
// (lowerNameAt).
func (s *scan) offeredNames() {
	s.resetNameCover()
	defer s.resetNameCover()
	for i := 1; i < len(s.toks); i++ {
		if !s.toks[i-1].punct(':') && !s.toks[i-1].punct(']') || !s.toks[i].letters() || !s.turnStart(i) {
			continue
		}
		// The openers of the answer, and a name said before "or" ("chidinma
		// yeah or chi is fine").
		k, opened := i, false
		for n := 0; n < 4 && k >= 0 && k < len(s.toks) && s.toks[k].letters(); n++ {
			w := s.lower(k)
			if offerOpeners[w] {
				opened = opened || w == "yes" || w == "yeah" || w == "just" || w == "or"
				k = s.next(k)
				continue
			}
			if n < 3 && s.isNameTok(k) {
				k = s.next(k)
				continue
			}
			break
		}
		if k < 0 || !s.offerable(k) {
			continue
		}
		n := s.next(k)
		offered := false
		switch {
		case n < 0:
			offered = opened // "yes avi" closing the turn
		case s.eq(n, "please"):
			offered = true
		case s.eq(n, "is") || s.eq(n, "works"):
			f := s.next(n)
			offered = s.eq(n, "works") || f > 0 && (s.eq(f, "fine") || s.eq(f, "good") || s.eq(f, "ok") || s.eq(f, "okay"))
		case s.toks[n].punct('\'') && s.eq(n+1, "s") && n+2 < len(s.toks):
			f := s.next(n + 1)
			offered = f > 0 && (s.eq(f, "fine") || s.eq(f, "good"))
		}
		if !offered || !s.addressedBefore(i) {
			continue
		}
		s.lowerNameAt(k, PatientNames)
		s.offeredMentions(k)
	}
}

// offeredAlternates: another form of a name offered after "or" right after
// the name, ending the clause ("just carlos is fine, or jc.", "yeah,
// padraig. or pat.", "mykola. or nick, for americans"): a name whatever
// list it is on (a given name that is also a word included), and at its
// other mentions said to someone ("okay pat. did he pass out").
func (s *scan) offeredAlternates() {
	s.resetNameCover()
	defer s.resetNameCover()
	for o := 1; o+1 < len(s.toks); o++ {
		if !s.eq(o, "or") || s.toks[o].gap == gapLine {
			continue
		}
		w := s.next(o)
		if w < 0 || s.toks[w].gap != gapSpace {
			continue
		}
		t := &s.toks[w]
		if lw := s.lower(w); strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || s.englishLooking(w) || notAlternates[lw] {
			continue // "nothing rich or fried": a word's form
		}
		if !(s.offerable(w) || t.letters() && !t.upper() && t.n() >= 2 && t.lex&lxFirst != 0 &&
			!functionWords[s.lower(w)] && !offerOpeners[s.lower(w)] && t.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation) == 0) {
			continue
		}
		if n := s.next(w); !(s.clauseEndAfter(w) || n > 0 && alternateEnds[s.lower(n)]) {
			continue
		}
		// The name right before "or", over a comma or period and "is
		// fine" / "works".
		// A name set off by commas before "or" is said to the person,
		// who is offered a choice ("is the pain sharp, carlos, or dull?");
		// a period or "is fine" after it, or no comma before it ("yes.
		// zhenya, or genya", "is it kye or kay"), offers another form.
		named, apart := false, false
		for k, n := s.sameLinePrev(o), 0; k >= 0 && n < 4; k, n = s.sameLinePrev(k), n+1 {
			if s.toks[k].punct(',') || s.toks[k].punct('.') || s.toks[k].letters() && alternateFillers[s.lower(k)] {
				apart = apart || !s.toks[k].punct(',')
				continue
			}
			if c := s.sameLinePrev(k); !apart && c >= 0 && s.toks[c].punct(',') {
				// "yes, carlos, or jc.": an answer's opener before the comma
				// offers the name; otherwise a choice is put to the person
				// named ("is the pain sharp, carlos, or dull?").
				if o := s.sameLinePrev(c); o < 0 || !s.toks[o].letters() || !offerOpeners[s.lower(o)] || !s.turnStart(o) {
					break
				}
			}
			// A name found there (a supplied part said as a word, "sharp
			// or dull", is none).
			if s.nameCov == nil {
				s.nameCov = s.nameCoverInto(s.nameCovBuf[:0])
				s.nameCovBuf = s.nameCov
			}
			named = s.toks[k].letters() && s.nameCov[k]
			// Two forms of no English offered with "whatever is easy" after
			// them ("yes. zhenya, or genya, whatever is easy."): both.
			if !named && s.offerable(k) && s.offerable(w) && s.whateverAfter(w) {
				s.lowerNameAt(k, PatientNames)
				s.offeredMentions(k)
				named = true
			}
			break
		}
		if named {
			s.lowerNameAt(w, PatientNames)
			s.offeredMentions(w)
		}
	}
}

// whateverAfter: after token w, "whatever is easy" or its kind ends the
// offer ("zhenya, or genya, whatever is easy").
func (s *scan) whateverAfter(w int) bool {
	n := s.next(w)
	if n > 0 && s.toks[n].punct(',') {
		n = s.next(n)
	}
	if n < 0 || !s.eq(n, "whatever") {
		return false
	}
	switch s.nextWordAt(n) {
	case "is", "works", "you", "'s":
		return true
	}
	return false
}

// objectAfter: after a word opening a turn, an object makes the word a
// verb ("pat the area dry"), not the name offered.
var objectAfter = wordsOf("the a an it your my his her this that them him these those some")

// notAlternates end an offer without a name: "carlos. or idk, whatever".
var notAlternates = wordsOf("idk whatever anything something nothing both neither either none not so else")

// alternateEnds may follow a name offered after "or"; alternateFillers
// stand between the name and "or".
var (
	alternateEnds    = wordsOf("for whatever is works please if")
	alternateFillers = wordsOf("is fine ok okay works good too")
)

// offeredMentions: the short name offered at token k, said again where a
// name is said to someone: opening a turn or set off by a comma ("chi
// great i'm dr naidu", "ok chi, let's check"). The word may be a word too
// ("chi"), so only there.
func (s *scan) offeredMentions(k int) {
	w := s.lower(k)
	for j := range s.toks {
		if j == k || !s.toks[j].letters() || s.toks[j].upper() || s.lower(j) != w {
			continue
		}
		if s.turnStart(j) && !objectAfter[s.nextWordAt(j)] || j+1 < len(s.toks) && s.toks[j+1].punct(',') && s.toks[j+1].gap == gapNone ||
			s.addressedAt(j) {
			s.addName(j, j, PatientNames)
		}
	}
}

// addressedAt: token j is said to someone after a word that opens address
// and ends its clause: "okay pat. did he", "okay, jc. what happened?".
func (s *scan) addressedAt(j int) bool {
	p := s.sameLinePrev(j)
	if p >= 0 && s.toks[p].punct(',') {
		p = s.sameLinePrev(p)
	}
	return p >= 0 && s.toks[p].letters() && (addressOpeners[s.lower(p)] || vocativeOpeners[s.lower(p)]) && s.clauseEndAfter(j)
}

// offerOpeners may come before a name offered in an answer.
var offerOpeners = map[string]bool{"yes": true, "yeah": true, "yep": true, "oh": true, "um": true, "uh": true,
	"just": true, "or": true, "no": true, "nope": true, "ok": true, "okay": true, "actually": true, "but": true}

// offerable: token k may be a short name offered: lower case, two letters
// or more, no function word, English word or listed ordinary word.
func (s *scan) offerable(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.upper() || t.n() < 2 || functionWords[s.lower(k)] || offerOpeners[s.lower(k)] ||
		discourseWords[s.lower(k)] || endearments[s.lower(k)] || s.dictionaryWord(k) {
		return false
	}
	return t.lex&(lxCommon|lxMedical|lxUnitWord|lxTimeWord|lxDigitWord|lxTeenWord|lxTensWord|lxTitle|lxTitleClin|lxRelation|lxMonth|lxWeekday) == 0
}

// isNameTok: a name candidate or a known name covers token k. The
// candidates' cover is built once per pass (nameCover), as a pass asks
// about many tokens.
func (s *scan) isNameTok(k int) bool {
	if s.isKnown(k) {
		return true
	}
	if s.nameCov == nil {
		s.nameCov = s.nameCoverInto(s.nameCovBuf[:0])
		s.nameCovBuf = s.nameCov
	}
	return s.nameCov[k]
}

// nameCoverInto marks in dst, one entry a token, the tokens a name
// candidate covers.
func (s *scan) nameCoverInto(dst []bool) []bool {
	if n := len(s.toks); cap(dst) < n {
		dst = make([]bool, n)
	} else {
		dst = dst[:n]
		clear(dst)
	}
	for c := range s.cands {
		cd := &s.cands[c]
		if cd.t != Name {
			continue
		}
		for k := s.tokStartingAt(cd.s); k >= 0 && k < len(s.toks) && int(s.toks[k].s) < cd.e; k++ {
			dst[k] = true
		}
	}
	return dst
}

// resetNameCover forgets the cover at the end of a pass: the names the pass
// added count in the next.
func (s *scan) resetNameCover() { s.nameCov = nil }

// addressedBefore: the line before token i's turn holds a name found or a
// title ("mr. mizrahi", "hi valentina"): the turn answers being addressed.
func (s *scan) addressedBefore(i int) bool {
	lines := 0
	for k := i - 1; k >= 0 && k >= i-40; k-- {
		if s.toks[k+1].gap == gapLine {
			if lines++; lines > 1 {
				return false
			}
		}
		if lines == 1 && s.toks[k].letters() && (s.isNameTok(k) || s.toks[k].is(lxTitle|lxTitleClin)) {
			return true
		}
	}
	return false
}

// namesJoined: in lower case, a word that may be a given name joined by
// "and" to a name found is a name too ("the twins zion and zaria", "my kids
// jaxon and brooklyn"), though it is also a place: names come in such
// pairs. A word of the English dictionary stays ("salt and pepper").
func (s *scan) namesJoined() {
	s.resetNameCover()
	defer s.resetNameCover()
	for i := 1; i+2 < len(s.toks); i++ {
		if !s.eq(i, "and") || s.toks[i].gap != gapSpace || s.toks[i+1].gap != gapSpace {
			continue
		}
		x, y := i-1, i+1
		switch {
		case s.joinableGiven(x) && s.isNameTok(y) && !s.isNameTok(x):
			s.lowerNameAt(x, PatientNames)
		case s.joinableGiven(y) && s.isNameTok(x) && !s.isNameTok(y):
			s.lowerNameAt(y, PatientNames)
		}
	}
}

// joinableGiven: token k is a lower-case word that may be a given name: on
// the name or place lists only, or on none, and no dictionary, function or
// ordinary word ("zion", a surname and a town of the lists; "brooklyn").
func (s *scan) joinableGiven(k int) bool {
	t := &s.toks[k]
	return t.letters() && !t.upper() && t.n() >= 3 && t.gaz&gzWord == 0 &&
		t.lex&^(lxFirst|lxFirstAmb|lxSur|lxSurAmb|lxCity|lxCityAmb|lxTown) == 0 && !functionWords[s.lower(k)] && !s.dictionaryWord(k) &&
		!s.englishLooking(k)
}

// childAgeAfterName: a lower-case word before "he's" or "she's" and an age read
// out opens what a parent says of a child ("kyrie he's four and the
// twins..."): a name, whatever lists hold it, unless it is a dictionary or
// function word.
func (s *scan) childAgeAfterName() {
	if !strings.Contains(s.low, "he's") && !strings.Contains(s.low, "he’s") {
		return // nor "she's": no text without it has the shape
	}
	s.resetNameCover()
	defer s.resetNameCover()
	for i := 0; i+3 < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.letters() || t.upper() || t.n() < 3 ||
			t.lex&(lxCommon|lxMedical|lxUnitWord|lxTimeWord|lxRelation|lxTitle|lxTitleClin|lxDigitWord|lxTeenWord|lxTensWord) != 0 {
			continue
		}
		he := s.next(i)
		if he < 0 || !(s.eq(he, "he") || s.eq(he, "she")) || he+2 >= len(s.toks) || !s.toks[he+1].punct('\'') || !s.eq(he+2, "s") {
			continue
		}
		a := s.next(he + 2)
		if a < 0 || !s.toks[a].letters() || !s.toks[a].is(lxDigitWord|lxTeenWord|lxTensWord) && !s.eq(a, "almost") && !s.eq(a, "turning") {
			continue
		}
		// The costlier tests last: they walk the words lists and the
		// candidates.
		if functionWords[s.lower(i)] || s.dictionaryWord(i) || s.isNameTok(i) {
			continue
		}
		s.lowerNameAt(i, PatientNames)
	}
}

// introducedThisIs: "this is bre, she'll do your vitals", "and this is kael
// from billing": in lower case, a word of no ordinary list after "this
// is", before what introduces a person (a comma, he or she, who, from, our,
// my, your, the turn's end), is the person's name. "this is fine", "this
// is ok with you" stay (dictionary words).
func (s *scan) introducedThisIs() {
	if !strings.Contains(s.low, "this is ") {
		return
	}
	for i := 0; i+2 < len(s.toks); i++ {
		if !s.eq(i, "this") || !s.eq(i+1, "is") || s.toks[i+1].gap != gapSpace || s.toks[i+2].gap != gapSpace {
			continue
		}
		k := i + 2
		t := &s.toks[k]
		if !t.letters() || t.upper() || t.n() < 3 || t.lex&^(lxFirst|lxFirstAmb|lxSur|lxSurAmb) != 0 || t.gaz&gzWord != 0 ||
			functionWords[s.lower(k)] || s.dictionaryWord(k) || s.englishLooking(k) || clinicalWordLooking(s.lower(k)) {
			continue
		}
		n := s.next(k)
		if n > 0 && !s.toks[n].punct(',') && !introFollowers[s.lower(n)] {
			continue
		}
		s.lowerNameAt(k, PatientNames)
	}
}

// introFollowers come after a person introduced by name.
var introFollowers = map[string]bool{"she": true, "he": true, "she'll": true, "he'll": true, "who": true, "from": true,
	"our": true, "my": true, "your": true, "with": true, "she's": true, "he's": true, "they": true}
