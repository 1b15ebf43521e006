package deid

import "strings"

// numberedLastFirstAt: "Last, First" opening a numbered line of a list or a
// sign-out ("1) Hernandez, Eulalio 7-14 | 58M DKA", "3. Boudreaux, T.
// 8-03"): the patient of the item, when the surname or the given name is
// on the lists, or neither looks like an English word; before a number, a
// bar, a parenthesis, a quote, a dash, a wide gap, the line's end or a
// word of the item's fields ("2) Amaral, Joaquim rm 612"). A late rule:
// labelLastFirst wants a label and a colon.
func (s *scan) numberedLastFirstAt(i int) {
	if i < 0 || !(i+4 < len(s.toks)) {
		return
	}
	if !(i == 0 || s.toks[i].gap == gapLine) || !s.toks[i].digits() || s.toks[i].n() > 2 {
		return
	}
	m := i + 1
	if !(s.toks[m].punct(')') || s.toks[m].punct('.')) || s.toks[m].gap != gapNone {
		return
	}
	j := m + 1
	if s.toks[j].gap != gapSpace || !s.toks[j].capWord() || s.toks[j].allUpper() && s.toks[j].n() <= 3 {
		return
	}
	en := s.hyphenatedEnd(j)
	c := en + 1
	f := c + 1
	if f >= len(s.toks) || !s.toks[c].punct(',') || s.toks[c].gap != gapNone || s.toks[f].gap != gapSpace || !s.toks[f].capWord() {
		return
	}
	fe := f
	if s.isInitial(f) {
		fe = f + 1 // "Boudreaux, T."
	} else {
		fe = s.hyphenatedEnd(f)
	}
	if n := fe + 1; n < len(s.toks) && s.toks[n].gap != gapLine && !s.wideGap(n) &&
		!(s.toks[n].digits() || s.toks[n].punct('|') || s.toks[n].punct('(') || s.toks[n].punct('"') || s.toks[n].punct(',') ||
			s.toks[n].punct('-') || s.toks[n].word() && s.toks[n].shape&shDigit != 0 || itemFieldWords[s.lower(n)]) {
		return
	}
	lt, ft := &s.toks[j], &s.toks[f]
	const notName = lxMonth | lxWeekday | lxTitle | lxTitleClin | lxState | lxCountry | lxCue | lxMedical | lxCredential
	firstListed := ft.lex&lxFirst != 0 && ft.lex&lxCommon == 0 || ft.gaz&gzFirst != 0 && ft.gaz&gzWord == 0 || s.isInitial(f)
	// A surname that is a word of medicine before a given name of the
	// lists: "2. Bone, Theodore 90M".
	if lt.lex&(notName&^lxMedical) != 0 || lt.lex&lxMedical != 0 && !firstListed || ft.lex&notName != 0 {
		return
	}
	lastListed := lt.lex&lxSur != 0 || lt.gaz&gzSur != 0
	if !(lastListed && (firstListed || !s.englishTok(f)) || firstListed && !s.englishTok(j) || !s.englishTok(j) && !s.englishTok(f)) {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[j].s), End: int(s.toks[en].e), Type: Name},
		Span{Start: int(s.toks[f].s), End: int(s.toks[fe].e), Type: Name})
}

// itemFieldWords open the fields that follow a patient's name in a list's
// item: room, bed, birth date, record number, age.
var itemFieldWords = wordsOf("rm room bed bay dob mrn age yo")

// signoffNameAt: the line after a closing ("Thank you,", "Thanks,", "Kind
// regards,") holding one or two capitalized words, the first a given name
// or its short form, even one that is also a word ("Thank you,\nPeg"): the
// writer's name. A late rule: the main pass's sign-off wants a word that
// is no English word.
func (s *scan) signoffNameAt(k int) {
	if k < 2 || !(k < len(s.toks)) {
		return
	}
	if s.toks[k].gap != gapLine || !s.toks[k].capWord() || s.toks[k].allUpper() || !s.toks[k-1].punct(',') || !s.closingBefore(k-1) {
		return
	}
	e := k
	if n := k + 1; n < len(s.toks) && s.toks[n].gap == gapSpace && s.toks[n].capWord() && !s.toks[n].allUpper() {
		e = n
	}
	if e+1 < len(s.toks) && s.toks[e+1].gap != gapLine {
		return
	}
	t := &s.toks[k]
	if t.lex&(lxTitle|lxTitleClin|lxCredential|lxMonth|lxWeekday|lxCue) != 0 {
		return
	}
	w := s.lower(k)
	nl := nickOnce()
	if t.lex&(lxFirst|lxFirstAmb) == 0 && t.gaz&(gzFirst|gzFirstAmb) == 0 && len(nl.handOf[w]) == 0 && len(nl.openOf[w]) == 0 {
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(s.toks[e].e), Type: Name})
}

// closingBefore: the line ending with the comma at c is a letter's closing.
func (s *scan) closingBefore(c int) bool {
	st := c
	for st > 0 && s.toks[st].gap != gapLine {
		st--
	}
	var words []string
	for k := st; k < c; k++ {
		if !s.toks[k].letters() || len(words) == 4 {
			return false
		}
		words = append(words, s.lower(k))
	}
	return closings[strings.Join(words, " ")]
}

var closings = map[string]bool{"thank you": true, "thanks": true, "many thanks": true, "thank you so much": true, "best": true,
	"regards": true, "kind regards": true, "best regards": true, "warm regards": true, "sincerely": true, "cheers": true,
	"best wishes": true, "yours sincerely": true, "yours truly": true, "respectfully": true}

// givenAfterLastComma: a given name after a surname found at the head of a
// line or a quotation, and its comma, before the fields of a patient's
// record ("Nakamura-Delgado, Hideo DOB 09/14/1935", "Okafor, Chidubem
// (58M)"): "Last, First", though the given name is on no list. No word of
// English, month, title, state or clinical word. A late rule.
func (s *scan) givenAfterLastComma(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Name {
			continue
		}
		st, e := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if st < 0 || e < st || e+3 >= len(s.toks) || !s.toks[st].capWord() {
			continue
		}
		if !(st == 0 || s.toks[st].gap == gapLine || s.toks[st-1].punct('"') && (st == 1 || s.toks[st-1].gap == gapLine)) {
			continue
		}
		if s.hyphenatedEnd(st) != e {
			continue // one surname, not a full name before a credential ("Delia Montoya, CRCR")
		}
		c, f := e+1, e+2
		if !s.toks[c].punct(',') || s.toks[c].gap != gapNone || s.toks[f].gap != gapSpace || !s.toks[f].capWord() || s.isInitial(f) ||
			s.toks[f].n() < 2 || s.toks[f].allUpper() && !s.toks[st].allUpper() {
			continue
		}
		fe := s.hyphenatedEnd(f)
		const notName = lxMonth | lxWeekday | lxTitle | lxTitleClin | lxState | lxCountry | lxCue | lxMedical | lxCredential | lxCommon
		if s.toks[f].lex&notName != 0 || s.englishTok(f) {
			continue
		}
		n := fe + 1
		if n < len(s.toks) && s.toks[n].gap != gapLine && !s.wideGap(n) &&
			!(s.toks[n].digits() || s.toks[n].punct('(') || s.toks[n].punct(',') || s.toks[n].punct('|') || itemFieldWords[s.lower(n)]) {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[f].s), End: int(s.toks[fe].e), Type: Name})
	}
}
