package deid

// irishCounties (a late rule): a county written short before its name,
// as Irish addresses write it: "Crookstown, Co. Cork", "near Dingle, Co
// Kerry", and the town before it and its comma when nothing found it and
// no list holds it as a word or a given name. "Co" is as written, a
// capital and a small letter; a company's "& Co. Ltd" stays.
func (s *scan) irishCounties(spans []Span) {
	for i := 0; i+1 < len(s.toks); i++ {
		if !s.toks[i].letters() || s.toks[i].n() != 2 || s.text[s.toks[i].s] != 'C' || s.text[s.toks[i].s+1] != 'o' {
			continue
		}
		k := i + 1
		if s.toks[k].punct('.') && s.toks[k].gap == gapNone {
			k++
		}
		if k >= len(s.toks) || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() || companyForms[s.lower(k)] {
			continue
		}
		if p := s.sameLinePrev(i); p >= 0 && (s.toks[p].punct('&') || s.eq(p, "and")) {
			continue // "Smith & Co. Ltd", "Barnes and Co."
		}
		start, end := int(s.toks[i].s), int(s.toks[k].e)
		if !overlapsWider(spans, start, end) {
			s.late = append(s.late, Span{Start: start, End: end, Type: Location})
		}
		// The town before it and its comma: "Crookstown, Co. Cork".
		if c := s.sameLinePrev(i); c >= 1 && s.toks[c].punct(',') && s.toks[c].gap == gapNone {
			if t := c - 1; s.toks[t].capWord() && !s.toks[t].allUpper() && !inSpans(spans, int(s.toks[t].s)) &&
				s.toks[t].lex&(lxCommon|lxFirst|lxTitle|lxTitleClin|lxMonth|lxWeekday|lxCredential) == 0 {
				s.late = append(s.late, Span{Start: int(s.toks[t].s), End: int(s.toks[t].e), Type: Location})
			}
		}
		i = k
	}
}
