package deid

import "strings"

// Names written in a form made from a name found elsewhere in the text:
// a user's login in an access log or a chat ("kthibodeaux" beside Kayla
// Thibodeaux, "jlandry3"), and initials a legend gives to a person ("JR =
// Jocelyn Ramos", "Jocelyn Ramos (JR)") where they stand alone in a
// record's columns. Both are late rules: they read the names found.

// derivedNames adds the logins and the initials of the names found.
func (s *scan) derivedNames(spans []Span) {
	var logins []string
	var initials []string
	for _, sp := range spans {
		if sp.Type != Name {
			continue
		}
		words, ini := s.nameWords(sp)
		if len(words) < 2 || len(words) > 4 {
			continue
		}
		logins = appendLogins(logins, words)
		if s.legendInitials(sp, ini) {
			initials = append(initials, ini)
		}
	}
	if len(logins) == 0 && len(initials) == 0 {
		return
	}
	for k := range s.toks {
		t := &s.toks[k]
		if t.kind != tkWord || t.n() < 2 || t.n() > 24 {
			continue
		}
		switch {
		case t.allUpper() && t.n() <= 4 && containsStr(initials, s.str(k)) && (s.cellAlone(k) || s.legendSpot(k)):
			s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
		case !t.upper() && t.n() >= 5 && len(logins) > 0:
			w := strings.TrimRight(s.lower(k), "0123456789")
			if len(w) >= 5 && containsStr(logins, w) && !s.englishTok(k) {
				s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
			}
		}
	}
}

// nameWords are the lower-case words of a name found, of two letters or
// more, in the order written ("Thibodeaux, Kayla" gives thibodeaux,
// kayla), and the initials of all its words in capitals, a middle initial
// too ("Jenna K. Lunde": JKL); a word of other letters than a to z ends
// the list empty.
func (s *scan) nameWords(sp Span) ([]string, string) {
	var words []string
	var ini []byte
	for k := s.tokStartingAt(sp.Start); k >= 0 && k < len(s.toks) && int(s.toks[k].e) <= sp.End; k++ {
		t := &s.toks[k]
		if t.kind != tkWord {
			continue
		}
		if !t.letters() || t.shape&shNonASCII != 0 {
			return nil, ""
		}
		ini = append(ini, s.low[t.s]-'a'+'A')
		if t.n() >= 2 {
			words = append(words, s.lower(k))
		}
	}
	return words, string(ini)
}

// appendLogins adds the logins people are given from a name: initial and
// surname ("kthibodeaux"), given name and surname ("kaylathibodeaux"),
// surname and initial ("thibodeauxk"), for the name read either way round
// ("Thibodeaux, Kayla").
func appendLogins(logins []string, words []string) []string {
	first, last := words[0], words[len(words)-1]
	for _, p := range [][2]string{{first, last}, {last, first}} {
		g, f := p[0], p[1]
		logins = append(logins, g[:1]+f, g+f, f+g[:1])
	}
	return logins
}

// legendInitials: the name found is given its initials ini in a legend,
// "JR = Jocelyn Ramos", "Jocelyn Ramos (JR)" or "Jenna K. Lunde, PharmD
// (JKL)".
func (s *scan) legendInitials(sp Span, ini string) bool {
	a, e := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if a < 0 || e < 0 || len(ini) < 2 || len(ini) > 4 {
		return false
	}
	// "JR = Jocelyn Ramos"
	if a >= 2 && s.toks[a-1].punct('=') && s.toks[a-2].allUpper() && s.toks[a-2].letters() && s.str(a-2) == ini {
		return true
	}
	// "Jocelyn Ramos (JR)", with a credential between: ", PharmD (JKL)".
	o := e + 1
	if o+1 < len(s.toks) && s.toks[o].punct(',') && s.toks[o+1].letters() && s.toks[o+1].is(lxCredential) {
		o += 2
	}
	return o+2 < len(s.toks) && s.toks[o].punct('(') && s.toks[o+2].punct(')') && s.toks[o+1].allUpper() &&
		s.toks[o+1].letters() && s.str(o+1) == ini
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

func containsStr(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}
