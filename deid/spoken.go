package deid

// Spoken forms in transcripts: identifiers read out digit by digit ("five
// five five, oh one oh, seven seven eight eight") and ages in words.

// spokenDigits reads a run of number words (and digit tokens) from token i
// and returns how many digits it spells and its last token.
func (s *scan) spokenDigits(i int) (nd, end int) {
	end = -1
	j := i
	for j < len(s.toks) {
		t := &s.toks[j]
		if j > i && t.gap == gapLine {
			break
		}
		if j > i && t.kind == tkPunct && (t.ch == ',' || t.ch == '-') {
			// A separator only counts if more digits follow.
			j++
			continue
		}
		if t.digits() {
			nd += t.n()
			end = j
			j++
			continue
		}
		if !t.letters() {
			break
		}
		w := s.lower(j)
		if spokenSeparators[w] && end >= 0 {
			j++ // "four seven dash one two"
			continue
		}
		switch {
		case unitWords[w] > 0 || w == "zero" || w == "oh" || w == "o" && end >= 0:
			nd++
		case teenWords[w] > 0:
			nd += 2
		case tensWords[w] > 0:
			nd += 2
			k := s.next(j)
			if k > 0 && s.toks[k].punct('-') && s.toks[k].gap == gapNone {
				k = s.adj(k)
			}
			if k > 0 && unitWords[s.lower(k)] > 0 {
				j = k
			}
		case w == "double" || w == "triple":
			k := s.next(j)
			if k < 0 {
				return nd, end
			}
			if _, ok := unitWords[s.lower(k)]; !ok {
				return nd, end
			}
			if w == "double" {
				nd += 2
			} else {
				nd += 3
			}
			j = k
		case w == "hundred" && end >= 0:
			nd += 2
		case w == "thousand" && end >= 0:
			nd += 3
		default:
			return nd, end
		}
		end = j
		j++
	}
	return nd, end
}

// spokenAt adds a span of type t for a spoken identifier at token i, after a
// cue for t. It reports whether one was found.
func (s *scan) spokenAt(i int, t Type) bool {
	nd, end := s.spokenDigits(i)
	need := 3
	switch t {
	case ZIP:
		need = 5
	case SSN:
		need = 4
	case Phone, Fax:
		need = 7
	}
	if end < 0 || nd < need {
		return false
	}
	s.addTok(i, end, t, prStrong)
	return true
}

// spokenNumberWord handles a number word without a cue: long digit runs are
// identifiers, number words >= 90 next to "year old" are ages, and a spoken
// year that implies an age over 89 is a date element.
func (s *scan) spokenNumberWord(i int) {
	if i > 0 && s.toks[i].gap == gapNone && s.toks[i-1].punct('-') {
		return
	}
	if i > 0 && s.toks[i-1].letters() && s.toks[i-1].is(lxDigitWord|lxTeenWord|lxTensWord) && s.toks[i].gap != gapLine {
		return // inside a run that started earlier
	}
	// A date of birth read out: "eleven twelve fifty-eight", "oh-six,
	// twenty-one, seventy-nine" right after the question.
	if nd, end := s.spokenDigits(i); end > i && nd >= 4 && nd <= 8 && s.dobAsked(i) && !s.spokenYearOnly(i, end) {
		s.addTok(i, end, Date, prCue)
		return
	}
	if nd, end := s.spokenDigits(i); end >= 0 && nd >= 7 {
		t := ID
		switch {
		case s.wordBefore(i, 6, "fax", "facsimile"):
			t = Fax
		case s.wordBefore(i, 6, phoneCueWords...):
			t = Phone
		case s.wordBefore(i, 6, "social", "ssn"):
			t = SSN
		case s.wordBefore(i, 6, "mrn", "record", "chart"):
			t = MRN
		case s.wordBefore(i, 6, "member", "policy", "medicare", "medicaid", "insurance", "subscriber"):
			t = HealthPlan
		case s.wordBefore(i, 6, "account", "acct"):
			t = Account
		case nd == 7 || nd == 10 || nd == 11:
			t = Phone
		}
		s.addTok(i, end, t, prCue)
		return
	}
	if y, end := s.spokenYear(i); end >= 0 && y <= s.year-90 && y >= 1850 {
		s.addTok(i, end, Date, prShape)
		return
	}
	if v, end := s.spokenNumber(i); end >= 0 && v >= 90 && v <= 130 {
		ok := s.cueBefore(i, lxAgeCue, 3) || s.agePredicate(i) || s.ageAsked(i)
		if k := s.next(end); k > 0 {
			if s.toks[k].punct('-') {
				k = s.next(k)
			}
			if k > 0 && (s.eq(k, "year") || s.eq(k, "years") || s.eq(k, "yo") || s.eq(k, "y") || s.eq(k, "yr") ||
				s.eq(k, "yrs") || s.eq(k, "plus")) {
				ok = true
				if s.eq(k, "plus") {
					end = k // "ninety-plus"
				}
			}
		}
		if ok {
			s.addTok(i, end, Age, prCue)
		}
	}
}

// spokenNumber reads a cardinal below 200 in words: "ninety-two", "a hundred
// and one", "one hundred two".
func (s *scan) spokenNumber(i int) (int, int) {
	j := i
	base := 0
	if s.eq(j, "a") || s.eq(j, "one") {
		if k := s.next(j); k > 0 && s.eq(k, "hundred") {
			base, j = 100, k
			n := s.next(j)
			if n > 0 && s.eq(n, "and") {
				n = s.next(n)
			}
			if n < 0 {
				return 100, j
			}
			if v, e := s.twoDigitWords(n); e >= 0 {
				return base + v, e
			}
			if u, ok := unitWords[s.lower(n)]; ok && u > 0 {
				return base + u, n
			}
			return 100, j
		}
	}
	if v, e := s.twoDigitWords(j); e >= 0 {
		return v, e
	}
	return 0, -1
}

// dobAsked reports a question or label about a date of birth on the line of
// token i or the line before it ("Date of birth?" / "Patient: Eleven
// twelve fifty-eight").
func (s *scan) dobAsked(i int) bool {
	return s.askedBefore(i, func(k int) bool {
		return s.eq(k, "birth") || s.eq(k, "dob") || s.eq(k, "birthday") || s.eq(k, "born")
	})
}

// ageAsked: "how old are you?" / "Ninety-two, if you can believe it."
func (s *scan) ageAsked(i int) bool {
	return s.askedBefore(i, func(k int) bool {
		return s.eq(k, "old") && k > 0 && s.eq(k-1, "how") || s.eq(k, "age") && k > 0 && s.eq(k-1, "your")
	})
}

// askedBefore looks back from token i over the rest of its line and the
// line before for a token that satisfies is.
func (s *scan) askedBefore(i int, is func(k int) bool) bool {
	lines := 0
	for k := i - 1; k >= 0 && k >= i-40; k-- {
		if s.toks[k+1].gap == gapLine {
			lines++
			if lines > 1 {
				return false
			}
		}
		if s.toks[k].letters() && is(k) {
			return true
		}
	}
	return false
}

// spokenYearOnly: the run i..end is a year alone ("nineteen forty-two"),
// which Safe Harbor keeps unless it implies an age over 89 (handled as a
// year elsewhere).
func (s *scan) spokenYearOnly(i, end int) bool {
	_, e := s.spokenYear(i)
	return e == end
}
