package deid

import "strings"

// Ages over 89 said in words where a note or a message gives a person's
// age beside the name or the birth date, and in a birthday's greeting:
// "my mum Nora O'Keeffe (ninety-two, DOB 03/03/1934)", "abba (Ghulam
// Rasool, ninety)", "DOB 1936-01-15 (90)", "happy belated birthday, olive.
// ninety-four?".

// oldAgeEnd: tokens from k say an age from 90 to 119, in digits or in
// words ("ninety", "ninety-two"); it returns the last token, or -1.
func (s *scan) oldAgeEnd(k int) int {
	if k < 0 || k >= len(s.toks) {
		return -1
	}
	if s.oldAgeAt(k) {
		v, _ := s.num(k)
		if v <= 119 {
			return k
		}
		return -1
	}
	if s.eq(k, "noventa") {
		// Spanish and Portuguese: "noventa", "noventa y dos", "noventa e
		// um".
		if j := s.next(k); j > 0 && (s.eq(j, "y") || s.eq(j, "e")) {
			if u := s.next(j); u > 0 && romanceUnits[s.lower(u)] {
				return u
			}
		}
		return k
	}
	if !s.toks[k].is(lxTensWord) {
		return -1
	}
	if v, e := s.twoDigitWords(k); e >= 0 && v >= 90 && v <= 119 {
		return e
	}
	return -1
}

// romanceUnits are the Spanish and Portuguese numbers one to nine said
// after "noventa y" or "noventa e": spanishUnits and Portuguese's.
var romanceUnits = withWords(spanishUnits, "un", "um", "uma", "dois", "duas", "três", "quatro", "sete", "oito", "nove")

// parenAges (a late rule): an age over 89 in parentheses right after a
// name found or a birth date found, or after the name and a comma inside
// them, closed by ")" or a comma.
func (s *scan) parenAges(spans []Span) {
	if !strings.Contains(s.text, "(") {
		return
	}
	endsSpan := func(off int, types ...Type) bool {
		for _, sp := range spans {
			if sp.End == off {
				for _, t := range types {
					if sp.Type == t {
						return true
					}
				}
			}
		}
		return false
	}
	for i := 1; i+1 < len(s.toks); i++ {
		if !s.toks[i].punct('(') {
			continue
		}
		a := i + 1
		if !endsSpan(int(s.toks[i-1].e), Name, Date) {
			// "(Ghulam Rasool, ninety)": the name inside, then a comma.
			c := -1
			for k := a; k < len(s.toks) && k < a+6 && s.toks[k].gap != gapLine; k++ {
				if s.toks[k].punct(',') {
					c = k
					break
				}
			}
			if c < 0 || !endsSpan(int(s.toks[c-1].e), Name) || !inSpans(spans, int(s.toks[a].s)) {
				continue
			}
			a = c + 1
		}
		e := s.oldAgeEnd(a)
		if e < 0 || e+1 >= len(s.toks) || !(s.toks[e+1].punct(')') || s.toks[e+1].punct(',')) || inSpans(spans, int(s.toks[a].s)) {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[a].s), End: int(s.toks[e].e), Type: Age})
	}
}

// birthdayAges (a late rule): an age over 89 said as a birthday is
// wished, in the same line after "birthday" or opening the next turn, a
// question or a clause of its own ("happy belated birthday, olive.
// ninety-four?" / "ninety-four, and i've outlived three of them"); a year
// or a date found stays.
func (s *scan) birthdayAges(spans []Span) {
	if !strings.Contains(s.low, "birthday") {
		return
	}
	for i := range s.toks {
		if !s.eq(i, "birthday") {
			continue
		}
		for k, n := i+1, 0; k < len(s.toks) && n < 8; k, n = k+1, n+1 {
			if s.toks[k].gap == gapLine && n > 0 && !s.toks[k].word() {
				break
			}
			e := s.oldAgeEnd(k)
			if e < 0 || inSpans(spans, int(s.toks[k].s)) {
				continue
			}
			p := k - 1
			if s.toks[p].letters() && (s.toks[p].is(lxMonth|lxOrdWord|lxTensWord|lxTeenWord|lxDigitWord) || s.eq(p, "in") || s.eq(p, "of")) {
				continue // "june third ninety four", "born in ninety"
			}
			if !s.clauseEndAfter(e) {
				continue
			}
			s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[e].e), Type: Age})
			break
		}
	}
}

// personAges (a late rule): an age over 89 said of a person in words or
// digits, in two shapes a transcript or a letter has:
//
//   - after "is", "was" or "'s" whose subject is "she", "he" or a
//     relation word said just before ("my grandma in eugene is ninety",
//     "my mam's ninety", "his grandpa, aitxitxa, is ninety-four", "she's
//     ninety-one");
//   - between commas, or before the clause's end, right after a relation
//     word or a name found ("our grandmother, ninety-five, she sits with
//     her", "teta wadad, ninety-four, in zahle");
//   - in Spanish or Portuguese after a verb that gives it, or answering a
//     question of age (romanceAgeSaid: "she's noventa y dos", "tiene
//     noventa", "¿cuántos años tiene?" / "noventa y uno.").
//
// Not a reading (readingAt: a vital sign's word just before it, "her
// pressure is ninety"; "over" or "point" and a number, "/", "%" or a
// decimal after it, "she's ninety over sixty"), nor a count with its unit
// ("he's ninety pounds").
func (s *scan) personAges(spans []Span) {
	if !strings.Contains(s.low, "ninety") && !strings.Contains(s.low, "hundred") && !strings.Contains(s.low, " 9") &&
		!strings.Contains(s.low, " 1") && !strings.Contains(s.low, "noventa") {
		return
	}
	for k := 1; k < len(s.toks); k++ {
		e := s.oldAgeEnd(k)
		if e < 0 || inSpans(spans, int(s.toks[k].s)) {
			continue
		}
		if n := s.next(e); n > 0 && s.toks[n].letters() && (ageMeasureWords[s.lower(n)] || s.toks[n].is(lxUnitWord)) {
			continue
		}
		if s.readingAt(k) || !(s.personIsBefore(k) || s.appositiveAge(k, e, spans) || s.romanceAgeSaid(k, e)) {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[e].e), Type: Age})
		k = e
	}
}

// vitalOnLineBefore: a word of a reading (vitalWords) before token k on
// its line, within two words ("her pressure is ninety") or within five as
// a label before a comma or a colon ("pulse, she was 96"); not "went
// blind from sugar she was ninety when she passed".
func (s *scan) vitalOnLineBefore(k int) bool {
	for p, n := s.sameLinePrev(k), 0; p >= 0 && n < 5; p = s.sameLinePrev(p) {
		if !s.toks[p].letters() {
			continue
		}
		if vitalWords[s.lower(p)] && (n < 2 || p+1 < len(s.toks) && (s.toks[p+1].punct(',') || s.toks[p+1].punct(':'))) {
			return true
		}
		n++
	}
	return false
}

// personIsBefore: "is", "was" or "'s" right before token k, with "she",
// "he" or a relation word as its subject within four words before it.
func (s *scan) personIsBefore(k int) bool {
	p := s.sameLinePrev(k)
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	v := s.lower(p)
	switch {
	case v == "is" || v == "was":
	case v == "s" && p >= 2 && s.toks[p-1].punct('\'') && s.toks[p-1].gap == gapNone && s.toks[p].gap == gapNone:
		// "she's", "mam's": the subject is the word before the
		// apostrophe.
		return s.toks[p-2].letters() && s.personWord(p-2)
	default:
		return false
	}
	for q, n := s.sameLinePrev(p), 0; q >= 0 && n < 4; q, n = s.sameLinePrev(q), n+1 {
		if s.toks[q].letters() && s.personWord(q) {
			return true
		}
		if s.toks[q].punct('.') || s.toks[q].punct('?') {
			return false
		}
	}
	return false
}

// romanceAgeSaid: "noventa ..." at tokens k..e is an age said in Spanish
// or Portuguese: after a verb that gives an age ("tiene noventa y dos",
// "fez noventa e dois no domingo"), no measure after it, or answering the
// turn before's question of an age ("¿cuántos años tiene?" / "noventa y
// uno."), its clause ending after it.
func (s *scan) romanceAgeSaid(k, e int) bool {
	if !s.eq(k, "noventa") {
		return false
	}
	n := s.next(e)
	if n > 0 && s.toks[n].letters() && romanceMeasures[s.lower(n)] {
		return false // "tiene noventa de presión", "noventa sobre sesenta"
	}
	if p := s.sameLinePrev(k); p >= 0 && romanceAgeVerbs[s.lower(p)] {
		return true // "tenía noventa y seis cuando se cayó"
	}
	if n > 0 && !s.toks[n].punct(',') && !s.clauseEndAfter(e) {
		return false
	}
	return s.answerOpens(k) && s.askedBefore(k, func(q int) bool {
		return s.eq(q, "años") || s.eq(q, "anos") || s.eq(q, "edad") || s.eq(q, "idade") || s.eq(q, "old") && q > 0 && s.eq(q-1, "how")
	})
}

// romanceMeasures after a number make it a reading or a count, not an age.
var romanceMeasures = wordsOf("sobre por de kilos kilo libras grados mg miligramos minutos pulsaciones latidos puntos pontos " +
	"días dias semanas meses horas segundos veces vezes pesos dólares dolares reales euros gramos metros ml")

// romanceAgeVerbs give a person's age before it in Spanish and Portuguese.
var romanceAgeVerbs = wordsOf("tiene tenía tenia cumple cumplió cumplio tem tinha fez faz completa completó completou")

// personWord: token q is "she", "he" or a relation word.
func (s *scan) personWord(q int) bool {
	return s.eq(q, "she") || s.eq(q, "he") || s.toks[q].is(lxRelation)
}

// appositiveAge: the age at tokens k..e stands after a comma that follows
// a relation word or a name found, and before a comma or the clause's
// end.
func (s *scan) appositiveAge(k, e int, spans []Span) bool {
	c := s.sameLinePrev(k)
	if c < 1 || !s.toks[c].punct(',') {
		return false
	}
	if n := s.next(e); n > 0 && !s.toks[n].punct(',') && !s.clauseEndAfter(e) {
		return false
	}
	w := c - 1
	for _, sp := range spans {
		if sp.Type == Name && sp.End == int(s.toks[w].e) {
			return true
		}
	}
	return s.toks[w].letters() && s.toks[w].is(lxRelation)
}
