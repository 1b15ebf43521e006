package deid

// Names written in a form made from a name found elsewhere in the text:
// a user's login in an access log or a chat ("kthibodeaux" beside Kayla
// Thibodeaux, "jlandry3"), and initials a legend gives to a person ("JR =
// Jocelyn Ramos", "Jocelyn Ramos (JR)") where they stand alone in a
// record's columns. Both are late rules: they read the names found.

// derivedNames adds the logins and the initials of the names found. It
// allocates nothing: the names' first and last words are slices of the
// lower-case text, kept in fixed arrays (the first sixteen names of a
// text), and a login or initials are compared to them letter by letter.
func (s *scan) derivedNames(spans []Span) {
	var pairs [16][2]string // first and last word of each name of two to four words
	var inis [8]nameInitials
	np, ni := 0, 0
	for _, sp := range spans {
		if sp.Type != Name || np == len(pairs) {
			continue
		}
		first, last, words, ini := s.nameWords(sp)
		if words < 2 || words > 4 {
			continue
		}
		pairs[np] = [2]string{first, last}
		np++
		if ni < len(inis) && s.legendInitials(sp, ini) {
			inis[ni] = ini
			ni++
		}
	}
	if np == 0 {
		return
	}
	for k := range s.toks {
		t := &s.toks[k]
		if t.kind != tkWord || t.n() < 2 || t.n() > 24 {
			continue
		}
		switch {
		case t.allUpper() && t.n() <= 4 && ni > 0 && (s.cellAlone(k) || s.legendSpot(k)):
			for _, ini := range inis[:ni] {
				if ini.is(s.str(k)) {
					s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
					break
				}
			}
		case !t.upper() && t.n() >= 5:
			w := s.lower(k)
			for len(w) > 0 && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' {
				w = w[:len(w)-1] // "jlandry3"
			}
			if len(w) < 5 {
				continue
			}
			for _, p := range pairs[:np] {
				if isLogin(w, p[0], p[1]) || isLogin(w, p[1], p[0]) {
					if !s.englishTok(k) {
						s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
					}
					break
				}
			}
		}
	}
}

// isLogin: w is a login people are given from a name: initial and surname
// ("kthibodeaux"), given name and surname ("kaylathibodeaux"), surname and
// initial ("thibodeauxk"); the caller asks for the name read either way
// round ("Thibodeaux, Kayla").
func isLogin(w, g, f string) bool {
	switch len(w) {
	case 1 + len(f):
		if w[0] == g[0] && w[1:] == f || w[:len(f)] == f && w[len(f)] == g[0] {
			return true
		}
	}
	return len(w) == len(g)+len(f) && w[:len(g)] == g && w[len(g):] == f
}

// nameInitials are a name's initials in capitals, up to four.
type nameInitials struct {
	b [4]byte
	n int
}

func (ini nameInitials) is(w string) bool { return len(w) == ini.n && w == string(ini.b[:ini.n]) }

// nameWords are the first and last lower-case words of a name found, of
// two letters or more, in the order written ("Thibodeaux, Kayla" gives
// thibodeaux, kayla), how many such words it has, and the initials of all
// its words in capitals, a middle initial too ("Jenna K. Lunde": JKL); a
// word of other letters than a to z makes it no name here (0 words).
func (s *scan) nameWords(sp Span) (first, last string, words int, ini nameInitials) {
	for k := s.tokStartingAt(sp.Start); k >= 0 && k < len(s.toks) && int(s.toks[k].e) <= sp.End; k++ {
		t := &s.toks[k]
		if t.kind != tkWord {
			continue
		}
		if !t.letters() || t.shape&shNonASCII != 0 {
			return "", "", 0, ini
		}
		if ini.n < len(ini.b) {
			ini.b[ini.n] = s.low[t.s] - 'a' + 'A'
		}
		ini.n++
		if t.n() >= 2 {
			if words == 0 {
				first = s.lower(k)
			}
			last = s.lower(k)
			words++
		}
	}
	return first, last, words, ini
}

// legendInitials: the name found is given its initials ini in a legend,
// "JR = Jocelyn Ramos", "Jocelyn Ramos (JR)" or "Jenna K. Lunde, PharmD
// (JKL)".
func (s *scan) legendInitials(sp Span, ini nameInitials) bool {
	a, e := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if a < 0 || e < 0 || ini.n < 2 || ini.n > 4 {
		return false
	}
	// "JR = Jocelyn Ramos"
	if a >= 2 && s.toks[a-1].punct('=') && s.toks[a-2].allUpper() && s.toks[a-2].letters() && ini.is(s.str(a-2)) {
		return true
	}
	// "Jocelyn Ramos (JR)", with a credential between: ", PharmD (JKL)".
	o := e + 1
	if o+1 < len(s.toks) && s.toks[o].punct(',') && s.toks[o+1].letters() && s.toks[o+1].is(lxCredential) {
		o += 2
	}
	return o+2 < len(s.toks) && s.toks[o].punct('(') && s.toks[o+2].punct(')') && s.toks[o+1].allUpper() &&
		s.toks[o+1].letters() && ini.is(s.str(o+1))
}

// cellAlone: token k stands alone in a record's cell, between bars or a
// line's ends ("| JR |"; "Hx of MI", "negative for PE" are no cells), and
// is no vital sign, unit, role or credential ("Time | BP | HR": a header,
// though a legend gave Dr. Henry Randall "HR"). A clinical abbreviation
// alone in a cell is the person's when a legend gave it ("| TB |" after
// "TB = Teodora Balan").
func (s *scan) cellAlone(k int) bool {
	t := &s.toks[k]
	if t.lex&(lxUnitWord|lxCredential|lxCodeStop) != 0 || s.tokIn(unitAcronymSet, k) || roleAbbrs[s.lower(k)] || vitalWords[s.lower(k)] {
		return false
	}
	p, n := k-1, k+1
	before := k == 0 || t.gap == gapLine || s.toks[p].punct('|') || s.wideGap(k)
	after := n >= len(s.toks) || s.toks[n].gap == gapLine || s.toks[n].punct('|') || s.wideGap(n)
	return before && after
}

// legendSpot: token k is where a legend gives the initials: "JR =" or
// "(JR)".
func (s *scan) legendSpot(k int) bool {
	return k+1 < len(s.toks) && s.toks[k+1].punct('=') ||
		k > 0 && k+1 < len(s.toks) && s.toks[k-1].punct('(') && s.toks[k+1].punct(')')
}
