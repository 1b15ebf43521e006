package deid

// Self-corrections in speech: a name or place said and corrected at once,
// "by swanson no swenson", "we see uh kang no sorry jiwon kang", "yeah
// o'shaughnessy no the other one mehta". When one side was found, the
// other side is the same kind of thing: the word said in its place, where
// a repair cue stands after "no" ("sorry", "wait", "i mean", "the other
// one", "it's") or the two are one name spelled nearly alike. Only words
// of no English list are taken ("at mercy no it was at home", "dr patel no
// not yet", "dr olsen no callback yet" stay). A late rule: it reads what
// was found.

// correctionFillers stand between "no" and the word said instead.
var correctionFillers = wordsOf("sorry wait actually uh um i mean it's its it is was the other new one no in at to from")

// selfCorrections adds the other side of a correction around a name or a
// place found.
func (s *scan) selfCorrections(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Name && sp.Type != Location {
			continue
		}
		a, e := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if a < 0 || e < 0 {
			continue
		}
		// Forward: "swanson no swenson".
		if k := s.next(e); k > 0 && s.eq(k, "no") && s.toks[k].gap != gapLine {
			if st := s.skipFillers(s.next(k)); st > 0 {
				if en := s.correctedRun(st, 1); en >= st && (s.repairCue(k, st) || similarSpelling(s.lower(e), s.lower(st))) {
					s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[en].e), Type: sp.Type})
				}
			}
		}
		// Backward: "kang no sorry jiwon kang".
		if n := s.fillersBack(a); n >= 0 && s.eq(n, "no") {
			p := s.sameLinePrev(n)
			if p >= 0 && s.toks[p].punct(',') {
				p = s.sameLinePrev(p)
			}
			if p >= 0 && s.correctable(p) && (s.repairCue(n, a) || similarSpelling(s.lower(p), s.lower(a))) {
				st := p
				if q := s.sameLinePrev(p); q >= 0 && s.correctable(q) && sp.Type == Name {
					st = q
				} else if q >= 1 && s.toks[q].punct('\'') && s.toks[p].gap == gapNone && s.toks[q].gap == gapNone && s.toks[q-1].n() == 1 {
					st = q - 1 // "o'shaughnessy"
				}
				s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[p].e), Type: sp.Type})
			}
		}
	}
}

// repairCue: between "no" at n and the word said instead at w stands a
// word that marks a repair ("no sorry", "no wait", "no i mean", "no the
// other one", "no it's"), not the "no" of an answer or a count ("dr olsen
// no callback yet", "dr grant no hctz").
func (s *scan) repairCue(n, w int) bool {
	for k := n + 1; k < w; k++ {
		switch s.lower(k) {
		case "sorry", "wait", "mean", "actually", "other", "new", "it", "its", "no":
			return true
		}
	}
	return false
}

// similarSpelling: a and b, four letters or more, differ by at most two
// letters and open alike: one name said again corrected ("swanson no
// swenson").
func similarSpelling(a, b string) bool {
	if len(a) < 4 || len(b) < 4 || len(b) > 31 || a[0] != b[0] || a == b {
		return false
	}
	// Levenshtein distance with a bound of 2, in two rows on the stack.
	var r0, r1 [32]int
	prev, cur := r0[:len(b)+1], r1[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > 2 {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= 2
}

// skipFillers returns the first token from k on the same line that is no
// filler or comma, or -1.
func (s *scan) skipFillers(k int) int {
	for n := 0; k > 0 && n < 8; n++ {
		t := &s.toks[k]
		if !(t.punct(',') || t.punct('\'') || t.punct('.') || t.letters() && (correctionFillers[s.lower(k)] || t.is(lxTitle|lxTitleClin) ||
			s.eq(k, "s") && k > 0 && s.toks[k-1].punct('\''))) {
			return k
		}
		k = s.next(k)
	}
	return -1
}

// fillersBack walks back from token a over fillers and commas and returns
// the token before them ("no" in "kang no sorry jiwon"), or -1.
func (s *scan) fillersBack(a int) int {
	k := s.sameLinePrev(a)
	for n := 0; k >= 0 && n < 8; n++ {
		t := &s.toks[k]
		if t.letters() && s.eq(k, "no") {
			return k
		}
		if !(t.punct(',') || t.punct('\'') || t.punct('.') || t.letters() && (correctionFillers[s.lower(k)] || t.is(lxTitle|lxTitleClin) || s.eq(k, "s"))) {
			return -1
		}
		k = s.sameLinePrev(k)
	}
	return -1
}

// correctedRun returns the last token of one to max words from st said in
// a correction, or -1.
func (s *scan) correctedRun(st, max int) int {
	if !s.correctable(st) {
		return -1
	}
	en := st
	for n := s.next(en); n > 0 && en-st+1 < max && s.correctable(n); n = s.next(en) {
		en = n
	}
	return en
}

// correctable: token k, a lower- or upper-case word of three letters or
// more on no English list and no list of clinical, time or function
// words, found in no other span.
func (s *scan) correctable(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.n() < 3 || t.gap == gapNone && k > 0 && !s.toks[k-1].punct('\'') || s.englishTok(k) || t.gaz&gzWord != 0 ||
		t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxTimeWord|lxDigitWord|lxTeenWord|lxTensWord|lxTitle|lxTitleClin|lxRelation|lxCredential|lxUnitWord) != 0 {
		return false
	}
	return !s.inOtherSpan(int(t.s))
}
