package deid

// relationInParens: capitalized words before a relation in brackets name
// people, whatever else the words are ("Wilson (husband)", "Marley and Jade
// (daughters)", "Rosa Díaz (HCPOA)"): the bracket says what the person is to
// the patient. Token i is the word right before the bracket; the names of a
// list joined by "and" or commas before it go too.
func (s *scan) relationInParens(i int) bool {
	o := s.next(i)
	if o < 0 || !s.toks[o].punct('(') || s.toks[o].gap != gapSpace {
		return false
	}
	r := o + 1
	if r >= len(s.toks) || !s.toks[r].letters() || !s.relationWordAt(r) {
		return false
	}
	if c := r + 1; c >= len(s.toks) || !s.toks[c].punct(')') {
		return false
	}
	// "Sepsis, Resolved (POA)": in coding, present on admission; an
	// English word before it is no attorney's name.
	if s.eq(r, "poa") && s.englishTok(i) && s.toks[i].lex&(lxFirst|lxSur) == 0 && s.toks[i].gaz&(gzFirst|gzSur) == 0 {
		return false
	}
	st := s.relNameStart(i)
	if st < 0 {
		return false
	}
	s.addName(st, i, RelativeNames|clsExplicit)
	// "Marley and Jade (daughters)", "Ann, Bo and Cy (children)": the
	// names before, one or two words each, joined by "and" or a comma.
	for n, k := 0, s.sameLinePrev(st); n < 4 && k > 0; n++ {
		if !(s.eq(k, "and") || s.toks[k].punct(',')) {
			break
		}
		e := s.sameLinePrev(k)
		if e < 0 || !s.relNameWord(e) {
			break
		}
		b := s.relNameStart(e)
		if b < 0 {
			break
		}
		s.addName(b, e, RelativeNames|clsExplicit)
		k = s.sameLinePrev(b)
	}
	return true
}

// relNameStart returns the first word of a name of one to three
// capitalized words ending at token e, or -1 if e is no such word.
func (s *scan) relNameStart(e int) int {
	if !s.relNameWord(e) {
		return -1
	}
	st := e
	for n, k := 1, s.sameLinePrev(e); n < 3 && k >= 0 && s.toks[st].gap == gapSpace && s.relNameWord(k); n, k = n+1, s.sameLinePrev(k) {
		st = k
	}
	return st
}

// relNameWord: token k may be a word of a person's name before a relation
// in brackets: capitalized, not in capitals, no title, relation, cue or
// medical word.
func (s *scan) relNameWord(k int) bool {
	t := &s.toks[k]
	if t.lex&lxCommon != 0 && t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) == 0 && t.gaz&(gzFirst|gzSur|gzFirstAmb|gzSurAmb) == 0 {
		return false // an ordinary word: "Type (mother) of allele"
	}
	return t.capWord() && !(t.allUpper() && t.n() > 1) && t.n() >= 2 &&
		t.lex&(lxTitle|lxTitleClin|lxRelation|lxCue|lxMedical|lxCredential|lxState|lxCountry) == 0
}

// relationWordAt: token r is a relation word, singular or plural
// ("daughters", "sons"), or a health care agent's abbreviation (POA,
// HCPOA).
func (s *scan) relationWordAt(r int) bool {
	if s.toks[r].is(lxRelation) {
		return true
	}
	w := s.lower(r)
	switch w {
	case "poa", "hcpoa", "dpoa", "mpoa", "hcp", "hcs", "surrogate", "parents", "grandparents", "grandchildren":
		return true
	}
	if n := len(w); n > 3 && w[n-1] == 's' {
		f, _ := lookupString(w[:n-1])
		return f&lxRelation != 0
	}
	return false
}

// firstNameBefore: a capitalized given name that is also a month, a
// season or another word, right before a name found ("April Moss, PA-C",
// "Summer Lee, RN"), is that person's first name: the rules that take a
// first name before a surname ask for one that is no word. A month after a
// word that dates it ("in April Moss was ...", "since June Park ...")
// stays a month.
func (s *scan) firstNameBefore() {
	for c, n := 0, len(s.cands); c < n; c++ {
		cd := &s.cands[c]
		if cd.t != Name {
			continue
		}
		st := s.tokStartingAt(cd.s)
		if st <= 0 || !s.toks[st].capWord() || s.toks[st].gap != gapSpace {
			continue
		}
		p := st - 1
		t := &s.toks[p]
		if !t.capWord() || t.allUpper() && t.n() > 1 || t.lex&(lxFirst|lxFirstAmb) == 0 && t.gaz&(gzFirst|gzFirstAmb) == 0 ||
			t.lex&(lxTitle|lxTitleClin|lxRelation|lxCue|lxWeekday|lxState|lxCountry|lxCredential) != 0 {
			continue
		}
		if t.lex&lxMonth != 0 {
			if q := s.sameLinePrev(p); q >= 0 && (s.eq(q, "in") || s.eq(q, "since") || s.eq(q, "of") || s.eq(q, "by") ||
				s.eq(q, "until") || s.eq(q, "till") || s.eq(q, "through") || s.eq(q, "from") || s.eq(q, "early") ||
				s.eq(q, "late") || s.eq(q, "mid") || s.eq(q, "last") || s.eq(q, "next") || s.eq(q, "this")) {
				continue
			}
		}
		if s.inOtherSpan(int(t.s)) || t.gaz&(gzCity|gzCityAmb|gzTown|gzFacHead|gzFacWord|gzFacAcro) != 0 || t.lex&(lxCity|lxCityAmb) != 0 {
			continue // a place's word: "Clinic at Beaumont Royal Oak"
		}
		s.addName(p, p, cd.cls)
	}
}

// inOtherSpan: a candidate other than a name covers byte offset off.
func (s *scan) inOtherSpan(off int) bool {
	for i := range s.cands {
		if c := &s.cands[i]; c.t != Name && c.s <= off && off < c.e {
			return true
		}
	}
	return false
}

// appositiveRoles are people's roles said before a name set off by commas
// besides the relation words and the roles of personRoles, nurseRoles and
// moreRoles (personRole): "The maid, Selvi, found her".
var appositiveRoles = wordsOf("maid housekeeper helper caregiver neighbor supervisor pastor priest imam rabbi landlord " +
	"landlady coworker partner fiance fiancee fiancé fiancée")

// personRole: w is what a person is to the patient or at the clinic, a
// word of the role lists, said before her name ("the maid, Selvi,", "i'm
// charity i'm the nurse"). Credentials ("RN, CCM,") are not in it.
func personRole(w string) bool {
	return roleWord(w) || moreRoles[w] || appositiveRoles[w]
}

// appositiveNameAt: a relation or a role, a comma, one to three words of a
// name and a comma ("Her father, Per Lindqvist, 71,", "the night nurse at
// sunrise, odalys, says", "The maid, Selvi, found her"): the words are the
// person's. The first word must be on a list of names or no word of
// English; none a month, a weekday, a title, a clinical or common word. A
// late rule.
func (s *scan) appositiveNameAt(i int) {
	t := &s.toks[i]
	w := s.lower(i)
	if !(t.is(lxRelation) || personRole(w)) || i+3 >= len(s.toks) {
		return
	}
	c := i + 1
	if !s.toks[c].punct(',') || s.toks[c].gap != gapNone {
		return
	}
	j := c + 1
	if s.toks[j].gap != gapSpace || !s.toks[j].letters() {
		return
	}
	e, named := -1, 0
	for k := j; k < len(s.toks) && k < j+3; k++ {
		tk := &s.toks[k]
		if k > j && tk.gap != gapSpace || !tk.letters() || tk.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxMedical|lxRelation|lxState|lxCountry|lxCredential) != 0 ||
			endearments[s.lower(k)] {
			break
		}
		if tk.lex&(lxFirst|lxSur) != 0 || tk.gaz&(gzFirst|gzSur) != 0 || !s.englishTok(k) {
			named++
		} else if !tk.upper() || s.toks[j].allUpper() {
			break // a word of English in lower case: "my friend, however,"
		}
		e = k
	}
	if e < 0 || e+1 >= len(s.toks) || !s.toks[e+1].punct(',') || s.toks[e+1].gap != gapNone {
		return
	}
	// The first word on a list or of no English ("Selvi", "odalys"), or
	// capitalized before one that is ("Per Lindqvist"); "his wife, june,"
	// is left to the rules of months.
	if f := &s.toks[j]; named == 0 || s.englishTok(j) && f.lex&(lxFirst|lxSur) == 0 && f.gaz&(gzFirst|gzSur) == 0 && (e == j || !f.upper()) ||
		e == j && s.englishTok(j) && !f.upper() ||
		e == j && !f.upper() && f.n() <= 4 && f.lex&(lxFirst|lxSur) == 0 && f.gaz&(gzFirst|gzSur) == 0 {
		return // "my husband, honey, is here", "the educator, cde,": a word of English or a short one alone in lower case
	}
	s.late = append(s.late, Span{Start: int(s.toks[j].s), End: int(s.toks[e].e), Type: Name})
}

// possessiveRoleWords introduce a role said after a name ("shanique, the
// daughter", "kibet, his son").
var possessiveRoleWords = wordsOf("the his her their your my our")

// nameThenRole (a late rule): a person who says who they are, the name
// first and the relation or role after a comma ("shanique, the daughter",
// "kibet, his son", opening a turn), or the relation first and the name
// closing the sentence ("i am the father, shahidul."). The name is one
// word, listed as a name or of no English, and none of the words the
// appositives refuse.
func (s *scan) nameThenRole() {
	for i := 0; i+3 < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.letters() || t.n() < 3 || !s.toks[i+1].punct(',') && !(i > 0 && s.toks[i-1].punct(',')) {
			continue // a comma after it or before it, first: most words have none
		}
		if t.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxMedical|lxRelation|lxState|lxCountry|lxCredential|lxCommon) != 0 ||
			endearments[s.lower(i)] || chatFillers[s.lower(i)] || !(t.lex&lxFirst != 0 || t.gaz&gzFirst != 0 || !s.englishTok(i)) {
			continue
		}
		// The name first, opening a turn: "shanique, the daughter".
		if s.turnStart(i) && s.toks[i+1].punct(',') && s.toks[i+1].gap == gapNone && s.toks[i+2].letters() &&
			possessiveRoleWords[s.lower(i+2)] && s.toks[i+3].letters() && (s.toks[i+3].is(lxRelation) || personRole(s.lower(i+3))) {
			s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
			continue
		}
		// The relation first: "i am the father, shahidul." closing it.
		p := s.sameLinePrev(i)
		if p < 1 || !s.toks[p].punct(',') || !s.clauseEndAfter(i) {
			continue
		}
		r := s.sameLinePrev(p)
		if r < 0 || !s.toks[r].letters() || !(s.toks[r].is(lxRelation) || personRole(s.lower(r))) {
			continue
		}
		if d := s.sameLinePrev(r); d >= 0 && s.toks[d].letters() && possessiveRoleWords[s.lower(d)] {
			if w1, w2 := s.prevWordAt(d, 1), s.prevWordAt(d, 2); w1 == "i'm" || w1 == "am" && w2 == "i" || w1 == "im" {
				s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
			}
		}
	}
}
