package deid

// Initials a legend gives to a person ("JR = Jocelyn Ramos", "Jocelyn
// Ramos (JR)", "Jenna K. Lunde, PharmD (JKL)") where they stand alone in a
// record's cells, as a MAR's or a flowsheet's columns write who gave or
// checked. A late rule: it reads the names found. (User names built from
// a name, "kthibodeaux" beside Kayla Thibodeaux, are the main pass's:
// userNamesOfNames.)

// derivedNames adds the initials legends give the names found. It
// allocates nothing: the initials of the first eight names with a legend
// are kept in a fixed array and compared letter by letter.
func (s *scan) derivedNames(spans []Span) {
	var inis [8]nameInitials
	ni := 0
	for _, sp := range spans {
		if sp.Type != Name || ni == len(inis) {
			continue
		}
		words, ini := s.nameWords(sp)
		if words >= 2 && words <= 4 && s.legendInitials(sp, ini) {
			inis[ni] = ini
			ni++
		}
	}
	if ni == 0 {
		return
	}
	for k := range s.toks {
		t := &s.toks[k]
		if t.kind != tkWord || !t.allUpper() || t.n() < 2 || t.n() > 4 || !(s.cellAlone(k) || s.legendSpot(k)) {
			continue
		}
		for _, ini := range inis[:ni] {
			if ini.is(s.str(k)) {
				s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
				break
			}
		}
	}
}

// nameInitials are a name's initials in capitals, up to four.
type nameInitials struct {
	b [4]byte
	n int
}

func (ini nameInitials) is(w string) bool { return len(w) == ini.n && w == string(ini.b[:ini.n]) }

// nameWords are how many words of two letters or more a name found has,
// and the initials of all its words in capitals, a middle initial too
// ("Jenna K. Lunde": JKL); a word of other letters than a to z makes it no
// name here (0 words).
func (s *scan) nameWords(sp Span) (words int, ini nameInitials) {
	for k := s.tokStartingAt(sp.Start); k >= 0 && k < len(s.toks) && int(s.toks[k].e) <= sp.End; k++ {
		t := &s.toks[k]
		if t.kind != tkWord {
			continue
		}
		if !t.letters() || t.shape&shNonASCII != 0 {
			return 0, ini
		}
		if ini.n < len(ini.b) {
			ini.b[ini.n] = s.low[t.s] - 'a' + 'A'
		}
		ini.n++
		if t.n() >= 2 {
			words++
		}
	}
	return words, ini
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
