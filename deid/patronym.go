package deid

import "strings"

// patronymNames (a late rule): names joined by "s/o" or "d/o" (son or
// daughter of), as records in Singapore, Malaysia and India write
// them: "Govindasamy s/o Raman", "Kalaivani d/o Govindasamy", and the
// label "S/o: Late Shri Har Prasad Tiwari". The capitalized words on both
// sides are the person's and the parent's or husband's names; titles of
// respect after the label ("Late", "Shri", "Smt") stay. "c/o" and "s/p"
// are clinical shorthand and are not read.
func (s *scan) patronymNames() {
	if !strings.Contains(s.low, "/o") {
		return
	}
	for i := 0; i+2 < len(s.toks); i++ {
		if !s.patronymAt(i) {
			continue
		}
		o := i + 2
		// The name after: capitalized words, after a label's colon and
		// titles of respect.
		k := s.next(o)
		label := k > 0 && s.toks[k].punct(':')
		if label {
			k = s.next(k)
		}
		for k > 0 && s.toks[k].letters() && patronymTitles[s.lower(k)] {
			k = s.next(k)
			if k > 0 && s.toks[k].punct('.') {
				k = s.next(k)
			}
		}
		st, en := k, -1
		for n := 0; k > 0 && n < 4 && s.patronymWord(k) &&
			!(n > 0 && s.wideGap(k)) && !(k+1 < len(s.toks) && s.toks[k+1].punct(':')); n++ {
			en = k
			k = s.next(k)
		}
		if en < 0 {
			continue
		}
		// The name before, unless the pair opens its line as a label.
		if !label {
			b := -1
			for p, n := s.sameLinePrev(i), 0; p >= 0 && n < 3 && s.patronymWord(p) &&
				!s.wideGap(p+1); p, n = s.sameLinePrev(p), n+1 {
				b = p
			}
			if b < 0 {
				continue // "s/o" after no name: a word of something else
			}
			st = b // one name, "s/o" within it, as it is written
		}
		s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[en].e), Type: Name})
		i = en
	}
}

// patronymAt: tokens i to i+2 are "s/o" or "d/o" in any case.
func (s *scan) patronymAt(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.n() != 1 || !s.toks[i+1].punct('/') || s.toks[i+1].gap != gapNone || s.toks[i+2].gap != gapNone ||
		!s.toks[i+2].letters() || s.toks[i+2].n() != 1 || s.text[s.toks[i+2].s]|0x20 != 'o' {
		return false
	}
	switch s.text[t.s] | 0x20 {
	case 's', 'd':
		return true // not "w/o", which is "without" ("CT CHEST W/O CONTRAST")
	}
	return false
}

// patronymWord: token k can be a word of a person's name beside "s/o":
// capitalized, not in capitals, no English or clinical word ("findings s/o
// Pneumonia", "HPE s/o Adenocarcinoma", "FNAC s/o Lipoma" are "suggestive
// of").
func (s *scan) patronymWord(k int) bool {
	t := &s.toks[k]
	return t.capWord() && !t.allUpper() && !t.is(lxTitle|lxRelation|lxCredential|lxMedical|lxCommon) && (!s.englishTok(k) || t.is(lxFirst|lxSur)) &&
		!clinicalWordLooking(s.lower(k))
}

// patronymTitles are said before a parent's or a husband's name after the
// label: "S/o: Late Shri Har Prasad Tiwari", "W/o Smt.".
var patronymTitles = wordsOf("late shri sri smt shrimati mr mrs thiru thirumathi")
