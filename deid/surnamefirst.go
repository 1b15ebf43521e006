package deid

// Names written surname first in capitals before a hyphenated given name,
// as Hong Kong, Singapore and Korean records write them ("Dr LAU
// Chi-keung, MO", "daughter CHAN Wai-ling, Winnie"), with an English
// given name after a comma; and the check character of an identifier
// found, in parentheses right after it ("HKID: K448219(7)").

// capsSurnameFirst (a late rule): a surname of the lists in capitals of
// two to six letters, then a capitalized given name joined by a hyphen to
// a lower-case part, the first on no list of English words ("Chi-keung",
// "Wai-ling", "Seo-yeon"), after a title, a relation, a label's colon or
// the line's start; an English given name on the lists after a comma goes
// with it ("CHAN Wai-ling, Winnie").
func (s *scan) capsSurnameFirst(spans []Span) {
	for i := 0; i+3 < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.allUpper() || !t.letters() || t.n() < 2 || t.n() > 6 || t.lex&(lxStateAbbr|lxCredential|lxTitle|lxTitleClin|lxMedical|lxCue) != 0 {
			continue
		}
		g := i + 1
		if s.toks[g].gap != gapSpace || !s.toks[g].capWord() || s.toks[g].allUpper() || !s.toks[g+1].punct('-') || s.toks[g+1].gap != gapNone ||
			!s.toks[g+2].letters() || s.toks[g+2].upper() || s.toks[g+2].gap != gapNone || s.toks[g+2].n() > 5 {
			continue
		}
		if t.gaz&gzSur == 0 && t.lex&lxSur == 0 || s.englishTok(g) {
			continue // "Pt: USA Follow-up": a surname of the lists, syllables of no English word
		}
		p := s.sameLinePrev(i)
		if !(p < 0 || s.toks[p].punct(':') || s.toks[p].letters() && (s.toks[p].is(lxTitle|lxTitleClin|lxRelation)) ||
			p > 0 && s.toks[p].punct('.') && s.toks[p-1].is(lxTitle|lxTitleClin)) {
			continue
		}
		end := g + 2
		s.late = append(s.late, Span{Start: int(t.s), End: int(s.toks[end].e), Type: Name})
		// ", Winnie": an English given name after the comma.
		if c := end + 1; c+1 < len(s.toks) && s.toks[c].punct(',') && s.toks[c+1].gap == gapSpace && s.toks[c+1].capWord() &&
			!s.toks[c+1].allUpper() && (s.toks[c+1].lex&lxFirst != 0 || s.toks[c+1].gaz&gzFirst != 0) &&
			s.toks[c+1].lex&(lxMedical|lxMonth|lxTitle|lxTitleClin|lxCredential) == 0 && !inSpans(spans, int(s.toks[c+1].s)) {
			s.late = append(s.late, Span{Start: int(s.toks[c+1].s), End: int(s.toks[c+1].e), Type: Name})
		}
		i = end
	}
}

// checkCharAfterID (a late rule): one digit or letter in parentheses right
// after an identifier found, its check character ("K448219(7)",
// "A123456(A)").
func (s *scan) checkCharAfterID(spans []Span) {
	for _, sp := range spans {
		if sp.Type != ID && sp.Type != MRN && sp.Type != HealthPlan {
			continue
		}
		e := s.tokEndingAt(sp.End)
		if e < 0 || e+3 >= len(s.toks) || !s.toks[e+1].punct('(') || s.toks[e+1].gap != gapNone || s.toks[e+2].n() != 1 ||
			!(s.toks[e+2].digits() || s.toks[e+2].letters() && s.toks[e+2].upper()) || !s.toks[e+3].punct(')') || s.toks[e+3].gap != gapNone {
			continue
		}
		s.late = append(s.late, Span{Start: sp.Start, End: int(s.toks[e+3].e), Type: sp.Type})
	}
}
