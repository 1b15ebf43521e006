package deid

import "strings"

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
		if spokenSeparator(w) && end >= 0 {
			j++ // "four seven dash one two"
			continue
		}
		switch {
		// Every word with one of these flags is a key of its map
		// (unitWords, teenWords, tensWords), with a value above 0 but
		// "zero" and "oh".
		case t.lex&lxDigitWord != 0 || w == "o" && end >= 0:
			nd++
		case t.lex&lxTeenWord != 0:
			nd += 2
		case t.lex&lxTensWord != 0:
			nd += 2
			k := s.next(j)
			if k > 0 && s.toks[k].punct('-') && s.toks[k].gap == gapNone {
				k = s.adj(k)
			}
			if k > 0 && s.toks[k].lex&lxDigitWord != 0 && unitWords[s.lower(k)] > 0 {
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

// spokenCueSet holds the words before a spoken number that give its type,
// in the order spokenNumberWord asks for them.
var spokenCueSet = setOfLists(
	[]string{"fax", "facsimile"},
	phoneCueWords,
	[]string{"social", "ssn"},
	[]string{"mrn", "record", "chart"},
	[]string{"member", "policy", "medicare", "medicaid", "insurance", "subscriber", "ramq", "ohip"},
	[]string{"account", "acct"},
)

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
	s.spokenRun(i)
}

// spokenRun types a number read out digit by digit from token i (number
// words, or numerals one at a time: "0 2 1 1 4"), and reports whether it
// added a span.
func (s *scan) spokenRun(i int) bool {
	added := false
	// A date of birth read out: "eleven twelve fifty-eight", "oh-six,
	// twenty-one, seventy-nine" right after the question.
	nd, end := s.spokenDigits(i)
	if end > i && nd >= 4 && nd <= 8 && s.dobAsked(i) && !s.spokenYearOnly(i, end) {
		s.addTok(i, end, Date, prCue)
		return true
	}
	// "and the zip?" / "four five four oh two": five digits answering a
	// question about the ZIP code.
	if end > i && nd == 5 && s.zipAsked(i) {
		s.addTok(i, end, ZIP, prCue)
		return true
	}
	// "d: and your medical record number" / "p: four four eight eight one
	// two": a shorter number opening the answer to a question about an
	// identifier has the type the question asked for.
	// A letter or two may open it: "k four four nine one two".
	if st := s.spelledPrefix(i); end >= i && s.answerOpens(st) && !s.dobAsked(i) {
		// Read out with letters among the digits: "eight x y z one two
		// three" after the plate was asked.
		e := end
		if se, ok := s.spokenMixed(i); ok && se > end {
			e = se
		}
		if (nd >= 4 && nd < 7 || e > end) && e > i {
			if t := s.identifierAsked(st); t != "" {
				s.addTok(st, e, t, prCue)
				return true
			}
		}
	}
	// "call me back at extension two two one seven": an extension read out.
	if p := s.sameLinePrev(i); end >= 0 && nd >= 3 && nd <= 5 && p >= 0 && (s.eq(p, "extension") || s.eq(p, "ext")) {
		s.addTok(i, end, Phone, prCue)
		return true
	}
	// "saved as img underscore two two eight four": a photo's file name
	// read out.
	if u := s.sameLinePrev(i); u >= 0 && s.eq(u, "underscore") && end >= 0 && nd >= 2 {
		if p := s.sameLinePrev(u); p >= 0 && (s.eq(p, "img") || s.eq(p, "image") || s.eq(p, "photo") || s.eq(p, "dsc") || s.eq(p, "pic")) {
			s.addTok(p, end, Photo, prCue)
			return true
		}
	}
	// "interpreter guerline number two two eight one four", "badge four
	// four eight seven one": a short number read out after "number" or
	// "badge" is an identifier.
	if pw := s.prevWordAt(i, 1); end >= 0 && nd >= 4 && nd < 7 && (pw == "number" || pw == "badge" || pw == "#" ||
		pw == "is" && s.prevWordAt(i, 2) == "number") && !s.dobAsked(i) {
		s.addTok(i, end, ID, prCue)
		return true
	}
	// A phone number split between two turns: "the phone number same
	// seven one four five five five" / "zero one nine two yeah".
	if end >= 0 && (nd == 3 || nd == 6) && s.lineEndsAfter(end) && s.wordsBefore(spokenCueSet, i, 6)&2 != 0 {
		if m := s.nextTurnStart(end); m > 0 && (s.toks[m].digits() || s.toks[m].is(lxDigitWord|lxTeenWord|lxTensWord)) {
			if nd2, end2 := s.spokenDigits(m); end2 >= m && (nd+nd2 == 10 || nd+nd2 == 7) {
				s.addTok(i, end, Phone, prCue)
				s.addTok(m, end2, Phone, prCue)
				return true
			}
		}
	}
	// Letters spelled before the digits count toward the length ("h h one
	// four four nine two seven": an insurance ID).
	if st := s.spelledPrefix(i); end >= 0 && (nd >= 7 || nd >= 5 && i-st >= 2 && nd+i-st >= 7 && !s.saidBefore(st, end)) {
		t := ID
		// The first of spokenCueSet's lists with a word in the six
		// tokens before decides.
		cue := s.wordsBefore(spokenCueSet, st, 6)
		// "one thousand six hundred with meals", "three thousand two
		// hundred grams": a quantity said with "thousand", with no cue of
		// an identifier before it, is no run of digits.
		if cue == 0 && st == i && s.thousandOpens(i, end) {
			return false
		}
		switch {
		case cue&1 != 0:
			t = Fax
		case cue&2 != 0:
			t = Phone
		case cue&4 != 0:
			t = SSN
		case cue&8 != 0:
			t = MRN
		case cue&16 != 0:
			t = HealthPlan
		case cue&32 != 0:
			t = Account
		case st == i && (nd == 7 || nd == 10 || nd == 11):
			t = Phone
		case s.answerOpens(st):
			// The answer to a question that asked for it: "d: and the new
			// member number / p: h z n, six oh two one, five five eight
			// four".
			if at := s.identifierAsked(st); at != "" {
				t = at
			}
		}
		s.addTok(st, end, t, prCue)
		return true
	}
	if y, end := s.spokenYear(i); end >= 0 && y <= s.year-90 && y >= 1850 {
		s.addTok(i, end, Date, prShape)
		return true
	}
	if v, end := s.spokenNumber(i); end >= 0 && v >= 90 && v <= 130 && (!s.measureAfter(end) || s.inBeforeWord(end)) {
		ok := s.cueBefore(i, lxAgeCue, 3) || s.agePredicate(i) || s.ageAsked(i) || s.lifeEventBefore(i, end)
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
		// "ninety one in july": the age turned in a month; "doctor: you
		// are ninety seven / patient: ninety seven on may thirtieth": the
		// age said back at the start of the next turn.
		ok = ok || s.inMonthAfter(end) || s.turnStart(i) && (s.ageSaidBefore(i, end) || s.ageCorrected(i)) || s.ageAnswered(i) ||
			s.ageRestated(i) || s.ageAtClause(i, end) || s.ageLooseCue(i) && !s.looseMeasured(end)
		if ok {
			added = true
			s.addTok(i, end, Age, prCue)
			// "ninety three ninety four in february": said again, corrected.
			if k := s.next(end); k > 0 && s.toks[k].letters() && s.toks[k].is(lxTensWord) {
				if v2, e2 := s.spokenNumber(k); e2 >= 0 && v2 >= 90 && v2 <= 130 {
					s.addTok(k, e2, Age, prCue)
				}
			}
		}
	}
	return added
}

// ageRestated: a number over 89 right after an age found on its line,
// with only punctuation between: the age said again or corrected ("i'm
// ninety... ninety one").
func (s *scan) ageRestated(i int) bool {
	k := s.sameLinePrev(i)
	for k >= 0 && s.toks[k].kind == tkPunct {
		k = s.sameLinePrev(k)
	}
	if k < 0 || k == s.sameLinePrev(i) {
		return false // nothing between but words: not a restatement
	}
	e := int(s.toks[k].e)
	for c := len(s.cands) - 1; c >= 0 && c >= len(s.cands)-8; c-- {
		if s.cands[c].t == Age && s.cands[c].e == e {
			return true
		}
	}
	return false
}

// ageAtClause: "at" and a number over 89 before a clause about the person
// ("more bleeding risk at ninety four that's a concern", "at ninety two
// you're doing great"); not a reading ("sats at ninety four on room air",
// "heart rate at ninety four").
func (s *scan) ageAtClause(i, end int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.eq(p, "at") || vitalWords[s.prevWordAt(p, 1)] || vitalWords[s.prevWordAt(p, 2)] {
		return false
	}
	switch s.nextWordAt(end) {
	case "you're", "that's", "she's", "he's", "it's", "i'm", "we're", "they're", "you've", "she'll", "he'll":
		return true
	}
	return false
}

// ageLooseCue: the words before a number over 89 say a person's age
// loosely: a verb of being or turning and a word of about ("she's like
// ninety six", "he's almost ninety one"), praise of health for an age
// ("pretty good for ninety three"), or a risk said of an age ("a big fall
// risk at ninety", "especially at ninety"); not a reading ("heart rate at
// ninety").
func (s *scan) ageLooseCue(i int) bool {
	w1, w2 := s.prevWordAt(i, 1), s.prevWordAt(i, 2)
	switch w1 {
	case "like", "about", "around", "almost", "nearly", "maybe", "probably", "past", "over":
		for n := 3; n <= 5; n++ {
			if vitalWords[s.prevWordAt(i, n)] {
				return false // "the pressure is like ninety two"
			}
		}
		switch w2 {
		case "she's", "he's", "i'm", "you're", "they're", "turned", "turns", "turning":
			return true
		case "is", "was":
			// "she is like ninety one", "my aunt is like ninety one": a
			// person or a relation word before the verb.
			switch s.prevWordAt(i, 3) {
			case "she", "he":
				return true
			}
			if f, _ := lookupString(s.prevWordAt(i, 3)); f&lxRelation != 0 {
				return true
			}
		}
		// "she's" written "she s" or split at its apostrophe.
		return w2 == "s" && (s.prevWordAt(i, 3) == "she" || s.prevWordAt(i, 3) == "he" || s.prevWordAt(i, 4) == "she" || s.prevWordAt(i, 4) == "he")
	case "for":
		switch w2 {
		case "good", "great", "well", "sharp", "amazing", "fantastic", "wonderful", "healthy", "strong", "fit":
			return true
		}
	case "at":
		switch w2 {
		case "risk", "especially", "even", "particularly":
			return !vitalWords[s.prevWordAt(i, 3)]
		}
	}
	return false
}

// looseMeasured: a count of something follows the number a loose cue
// leaves ("about ninety pages", "like ninety bucks", "probably ninety
// dollars short").
func (s *scan) looseMeasured(end int) bool {
	n := s.next(end)
	if n < 0 || !s.toks[n].letters() {
		return false
	}
	w := s.lower(n)
	return ageMeasureWords[w] || w == "pages" || w == "times" || w == "steps"
}

// vitalWords are readings a number follows.
var vitalWords = wordsOf("sat sats saturating saturation sating rate pulse pressure bp hr o2 oxygen temp temperature " +
	"glucose sugar sugars weight number numbers reading readings level count score")

// ageSaidBefore: the words i..end were taken as an age within the last
// forty tokens (an age said back: "you are ninety seven" / "ninety seven").
func (s *scan) ageSaidBefore(i, end int) bool {
	w := s.text[s.toks[i].s:s.toks[end].e]
	for k := len(s.cands) - 1; k >= 0 && k >= len(s.cands)-12; k-- {
		c := s.cands[k]
		if c.t == Age && c.s < int(s.toks[i].s) && int(s.toks[i].s)-c.s < 400 && strings.EqualFold(s.text[c.s:c.e], w) {
			return true
		}
	}
	return false
}

// ageCorrected: a number over 89 opening a turn right after a turn that
// said an age ("nurse: you're ninety two" / "patient: ninety three on
// valentine's day"): the age corrected. Only an age found on the line just
// before counts.
func (s *scan) ageCorrected(i int) bool {
	ls := int(s.toks[i].s)
	for k := len(s.cands) - 1; k >= 0 && k >= len(s.cands)-6; k-- {
		c := s.cands[k]
		if c.t != Age || c.e > ls {
			continue
		}
		return !strings.Contains(s.text[c.e:ls], "\n\n") && strings.Count(s.text[c.e:ls], "\n") == 1
	}
	return false
}

// ageAnswered: a number over 89 opening a turn (or after "so", "that's",
// "almost", "turning" there) that answers an age: the turn before ends on
// "so you are", "that makes you", "you'll be" ("doctor: so you are" /
// "patient: ninety seven today"), or a birth year that far back was said
// just before ("born on armistice day, nineteen thirty three" / "doctor:
// so ninety three").
func (s *scan) ageAnswered(i int) bool {
	st := i
	if !s.turnStart(i) {
		p := s.sameLinePrev(i)
		if p < 0 || !s.turnStart(p) {
			return false
		}
		switch s.lower(p) {
		case "so", "almost", "nearly", "turning", "about", "yes", "yeah":
		default:
			return false
		}
		st = p
	}
	// The last two words of the line before.
	k := st
	for p := s.sameLinePrev(k); p >= 0; p = s.sameLinePrev(k) {
		k = p
	}
	for k--; k >= 0 && s.toks[k].kind == tkPunct; k-- {
	}
	if k >= 1 && s.toks[k].letters() {
		w1, w0 := s.lower(k-1), s.lower(k)
		if w0 == "are" && w1 == "you" || w0 == "you" && (w1 == "makes" || w1 == "make") || w0 == "be" && (w1 == "you'll" || w1 == "ll") ||
			w0 == "turning" || w0 == "old" && w1 == "how" {
			return true
		}
		// "nurse: oh wow you're" / "patient: ninety six".
		if w0 == "re" && k >= 2 && s.toks[k-1].punct('\'') && s.eq(k-2, "you") {
			return true
		}
	}
	// A birth year over 89 years back, read out within the last two turns.
	for c := len(s.cands) - 1; c >= 0 && c >= len(s.cands)-8; c-- {
		cd := s.cands[c]
		if cd.t == Date && cd.e <= int(s.toks[i].s) && int(s.toks[i].s)-cd.e < 160 {
			if y, e := s.spokenYearAt(cd.s, cd.e); e && y <= s.year-90 {
				return true
			}
		}
	}
	return false
}

// spokenYearAt reads the candidate text start..end as a spoken year
// ("nineteen thirty three").
func (s *scan) spokenYearAt(start, end int) (int, bool) {
	k := s.tokStartingAt(start)
	if k < 0 || !s.toks[k].letters() {
		return 0, false
	}
	y, e := s.spokenYear(k)
	return y, e >= 0 && int(s.toks[e].e) == end
}

// inMonthAfter: "in" and a month follow token end ("ninety one in july").
func (s *scan) inMonthAfter(end int) bool {
	k := s.next(end)
	if k < 0 || !s.eq(k, "in") {
		return false
	}
	m := s.next(k)
	return m > 0 && s.toks[m].letters() && s.toks[m].is(lxMonth)
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
	// A text with none of the words anywhere (each contains "birth",
	// "dob" or "born") needs no walk back.
	if s.dobWords == 0 {
		s.dobWords = 1
		if strings.Contains(s.low, "birth") || strings.Contains(s.low, "dob") || strings.Contains(s.low, "born") {
			s.dobWords = 2
		}
	}
	if s.dobWords == 1 {
		return false
	}
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
		if s.toks[k+1].gap == gapLine && !s.timingLine(k+1) {
			lines++ // (a caption's timing line between the cues is none)
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

// identifierAsked returns the type of identifier asked for on this line or
// the one before ("your medical record number", "the member id on the
// card", "the plate"), or "" when none was.
func (s *scan) identifierAsked(i int) Type {
	var t Type
	s.askedBefore(i, func(k int) bool {
		t = identifierWords[s.lower(k)]
		return t != ""
	})
	return t
}

// identifierWords type the identifier a question asks for by its word.
var identifierWords = map[string]Type{"mrn": MRN, "record": MRN, "chart": MRN,
	"member": HealthPlan, "policy": HealthPlan, "medicare": HealthPlan, "medicaid": HealthPlan, "insurance": HealthPlan,
	"subscriber": HealthPlan, "ramq": HealthPlan, "ohip": HealthPlan,
	"account": Account, "acct": Account, "social": SSN, "ssn": SSN, "plate": Vehicle, "vin": Vehicle, "serial": Device,
	"employee": ID, "badge": ID, "student": ID, "confirmation": ID, "reference": ID, "ticket": ID}

// saidBefore: the words st..end were said earlier in the text (an
// identifier read back: its first mention's type goes to this one,
// repeatIDs).
func (s *scan) saidBefore(st, end int) bool {
	a, b := int(s.toks[st].s), int(s.toks[end].e)
	return strings.Contains(s.low[:a], s.low[a:b])
}

// answerOpens: token i opens its turn, or follows only the words an answer
// opens with ("it's", "yes it is", "um that's", "sure, it's"): the
// identifier asked for comes first in the answer.
func (s *scan) answerOpens(i int) bool {
	k := i
	for n := 0; n < 6; n++ {
		if s.turnStart(k) {
			return true
		}
		p := s.sameLinePrev(k)
		if p < 0 {
			return false
		}
		t := &s.toks[p]
		switch {
		case t.punct(',') || t.punct('\'') || t.punct('.'):
		case t.letters() && answerOpeners[s.lower(p)]:
		default:
			return false
		}
		k = p
	}
	return false
}

// answerOpeners are the words an answer may open with before the value
// asked for.
var answerOpeners = map[string]bool{"it": true, "s": true, "is": true, "its": true, "that": true, "yes": true,
	"yeah": true, "yep": true, "sure": true, "um": true, "uh": true, "umm": true, "ok": true, "okay": true,
	"so": true, "mm": true, "hmm": true, "oh": true, "alright": true, "right": true, "let": true, "me": true,
	"see": true, "yup": true}

// zipAsked: the ZIP code was asked for on this line or the one before.
func (s *scan) zipAsked(i int) bool {
	return s.askedBefore(i, func(k int) bool { return s.eq(k, "zip") || s.eq(k, "zipcode") || s.eq(k, "postal") })
}

// spokenYearOnly: the run i..end is a year alone ("nineteen forty-two"),
// which Safe Harbor keeps unless it implies an age over 89 (handled as a
// year elsewhere).
func (s *scan) spokenYearOnly(i, end int) bool {
	_, e := s.spokenYear(i)
	return e == end
}

// spokenTLDs are the top-level domains read out at the end of a spoken
// address ("example dot org").
var spokenTLDs = map[string]bool{"com": true, "org": true, "net": true, "edu": true, "gov": true, "io": true,
	"us": true, "health": true, "info": true, "biz": true, "co": true, "me": true, "app": true, "care": true,
	"clinic": true, "med": true, "mil": true, "uk": true, "ca": true, "de": true, "ai": true, "dev": true}

// spokenWebAt: an e-mail address or web address read out, as speech
// recognition writes it: "dawn rivers at example dot org", "j underscore
// smith seventy two at gmail dot com", "www dot clinic dot org slash
// portal". i is a "dot" followed by a top-level domain.
func (s *scan) spokenWebAt(i int) {
	n := s.next(i)
	if n < 0 || !s.toks[n].letters() || !spokenTLDs[s.lower(n)] {
		return
	}
	if m := s.next(n); m > 0 && (s.eq(m, "dot") || s.toks[m].punct('.') && s.toks[m].gap == gapNone && s.adj(m) > 0 && s.toks[m+1].letters()) {
		return // not the last label: "dot co dot uk" is handled at the last dot
	}
	end := n
	// A path: "slash portal", "forward slash records".
	for k := s.next(end); k > 0 && (s.eq(k, "slash") || s.eq(k, "forward") && s.eq(s.next(k), "slash")); k = s.next(end) {
		if s.eq(k, "forward") {
			k = s.next(k)
		}
		p := s.next(k)
		if p < 0 || !s.toks[p].word() {
			break
		}
		end = p
	}
	// The host: labels joined by "dot" or "dash" back from i.
	st := i - 1
	if st < 0 || !s.toks[st].word() || s.toks[i].gap == gapLine {
		return
	}
	for st >= 2 && s.toks[st].gap != gapLine && (s.eq(st-1, "dot") || s.eq(st-1, "dash") || s.eq(st-1, "hyphen")) &&
		s.toks[st-2].word() && s.toks[st-1].gap != gapLine {
		st -= 2
	}
	// A label read as separate words: "at riverside clinic dot org", "www
	// dot riverside clinic dot org": back to the "at" or "www" within
	// three words.
	for k, n := st-1, 0; k >= 0 && n < 3 && s.toks[k+1].gap != gapLine && s.toks[k].letters(); k, n = k-1, n+1 {
		if s.eq(k, "at") {
			st = k + 1
			break
		}
		if s.eq(k, "www") {
			st = k
			break
		}
		if s.eq(k, "dot") && k >= 1 && s.eq(k-1, "www") {
			st = k - 1
			break
		}
		if functionWords[s.lower(k)] || spokenWebCues[s.lower(k)] {
			break
		}
		if n < 2 {
			st = k // "eastbrook health dot org"
		}
	}
	t := URL
	// The local part of an e-mail: "x at host", itself joined by "dot",
	// "underscore", "dash", and with numbers read out after it.
	if a := st - 1; a >= 1 && s.eq(a, "at") && s.toks[st].gap != gapLine && s.toks[a].gap != gapLine && s.toks[a-1].word() {
		t = Email
		st = s.spokenLocalPart(a)
	} else if !(st < i-1 || s.eq(st, "www") || s.wordBefore(st, 6, "website", "site", "portal", "page", "url", "link", "online",
		"web", "address", "go", "visit", "at", "email", "e-mail")) {
		return // "dot com" after one word with no cue: "the dot com era"
	}
	s.addTok(st, end, t, prStrong)
}

// spokenLocalPart returns the first token of an e-mail address's local
// part read out before "at" (token a): words joined by "dot", "underscore",
// "dash" or "period", numbers read after them, and a name and an initial
// before the numbers ("summer h ninety four at").
func (s *scan) spokenLocalPart(a int) int {
	st := a - 1
	for n := 0; n < 4 && st >= 1 && s.toks[st].gap != gapLine && s.toks[st-1].word() &&
		(s.toks[st].is(lxDigitWord|lxTeenWord|lxTensWord) || s.toks[st].digits()); n++ {
		st-- // "dawn seventy two at"
	}
	for st >= 2 && s.toks[st].gap != gapLine && (s.eq(st-1, "dot") || s.eq(st-1, "underscore") || s.eq(st-1, "dash") ||
		s.eq(st-1, "period")) && s.toks[st-2].word() && s.toks[st-1].gap != gapLine {
		st -= 2
	}
	for n := 0; n < 2 && st >= 1 && s.toks[st].gap == gapSpace && s.toks[st-1].letters(); n++ {
		w := s.lower(st - 1)
		if s.toks[st-1].gap == gapNone || functionWords[w] || wordMakers[w] || spokenWebCues[w] || s.toks[st-1].lex&(lxCommon|lxMedical) != 0 &&
			s.toks[st-1].lex&lxFirst == 0 {
			break
		}
		st--
	}
	return st
}

// mailHosts are the hosts of personal e-mail that a caller names without
// the rest of the domain ("ritaflores at hotmail").
var mailHosts = map[string]bool{"gmail": true, "hotmail": true, "yahoo": true, "outlook": true, "aol": true,
	"icloud": true, "comcast": true, "msn": true, "protonmail": true, "proton": true, "live": true, "att": true,
	"verizon": true, "sbcglobal": true, "bellsouth": true, "cox": true, "charter": true, "earthlink": true,
	"ymail": true, "me": true, "mac": true, "zoho": true, "gmx": true}

// spokenMailAt: an e-mail address read out without its top-level domain,
// "at" (token i) and a personal mail host, after a word for e-mail on the
// line ("my email is the same, ritaflores at hotmail"). With "dot" after
// the host the address is spokenWebAt's; "i work at comcast" has no cue.
func (s *scan) spokenMailAt(i int) {
	h := s.next(i)
	if h < 0 || i < 1 || !s.toks[h].letters() || !mailHosts[s.lower(h)] || !s.toks[i-1].word() || s.toks[i].gap == gapLine {
		return
	}
	if n := s.next(h); n > 0 && (s.eq(n, "dot") || s.toks[n].punct('.') && s.adj(n) > 0) {
		return
	}
	if !s.wordBefore(i, 12, "email", "e-mail", "emails", "mail", "gmail", "address") {
		return
	}
	st := s.spokenLocalPart(i)
	if st >= i || functionWords[s.lower(st)] {
		return
	}
	s.addTok(st, h, Email, prStrong)
}

// spokenWebCues end the words of a spoken host name read back from "dot".
var spokenWebCues = map[string]bool{"website": true, "site": true, "portal": true, "page": true, "url": true,
	"link": true, "online": true, "web": true, "address": true, "go": true, "visit": true, "email": true, "is": true,
	"it's": true, "called": true, "check": true, "see": true}

// measureAfter: a spoken number goes on as a measurement, not an age:
// "ninety nine point one", "ninety four percent", "one twenty over eighty",
// "ninety two degrees".
func (s *scan) measureAfter(end int) bool {
	n := s.next(end)
	if n < 0 || !s.toks[n].letters() {
		return n > 0 && (s.toks[n].punct('%') || s.toks[n].punct('/'))
	}
	switch s.lower(n) {
	case "point", "percent", "over", "degrees", "degree", "pounds", "lbs", "kilos", "kilograms", "beats", "bpm",
		"milligrams", "mg", "units", "millimeters", "systolic", "diastolic", "fahrenheit", "celsius":
		return true
	case "on":
		// "ninety on two liters" measures; "ninety three on valentine's
		// day", "ninety on my birthday", "ninety one on friday" is an age
		// reached on a day.
		return !s.dayAfterOn(n)
	}
	return s.toks[n].is(lxUnitWord) && !s.eq(n, "years")
}

// dayAfterOn: a day follows "on" at n: a weekday, a month, a holiday or a
// person's birthday.
func (s *scan) dayAfterOn(n int) bool {
	d := s.next(n)
	if d < 0 || !s.toks[d].letters() {
		return false
	}
	if s.toks[d].is(lxWeekday | lxMonth) {
		return true
	}
	if s.eq(d, "the") {
		// "ninety two on the fourth of july", "on the 12th".
		if o := s.next(d); o > 0 && (s.toks[o].is(lxOrdWord) || s.toks[o].word() && s.toks[o].shape&shDigit != 0) {
			return true
		}
	}
	switch s.lower(d) {
	case "valentine", "valentines", "christmas", "thanksgiving", "easter", "halloween", "new", "mother", "father",
		"independence", "labor", "memorial":
		return true
	case "my", "her", "his", "their", "your":
		b := s.next(d)
		return b > 0 && (s.eq(b, "birthday") || s.eq(b, "bday"))
	}
	return false
}

// spokenCode reads an identifier spelled out from token i: single letters
// then digits, in words or figures, with separators ("x w k seven seven
// one four", "l a x seven two two one"). It needs at least two digits and
// five characters in all.
func (s *scan) spokenCode(i int) (int, bool) {
	letters, end := 0, -1
	k := i
	for k < len(s.toks) && s.toks[k].letters() && s.toks[k].n() == 1 && (k == i || s.toks[k].gap == gapSpace) && letters < 4 {
		letters++
		end = k
		k++
		for k < len(s.toks) && s.toks[k].gap == gapNone && s.toks[k].punct('.') {
			k++ // "m. o. s."
		}
	}
	if k >= len(s.toks) || s.toks[k].gap == gapLine {
		return -1, false
	}
	nd, e := s.spokenDigits(k)
	if e < 0 || nd < 2 || nd+letters < 5 {
		return -1, false
	}
	_ = end
	return e, true
}

// spelledPrefix returns the first of the letters spelled out right before
// a spoken number, which belong to the identifier ("w c two four dash ...",
// "m o s four four nine ..."), or i when there are none. Two letters or
// more, or one that is no word ("a", "i"), up to six ("j o o t r h, three
// three nine ...").
func (s *scan) spelledPrefix(i int) int {
	st, n := i, 0
	k := s.sameLinePrev(i)
	// "h z n, six oh two one": the letters said as a group, a comma
	// after them; then two at least.
	comma := k > 0 && s.toks[k].punct(',') && s.toks[k].gap == gapNone && s.toks[i].gap == gapSpace
	if comma {
		k = s.sameLinePrev(k)
	}
	for ; k >= 0 && n < 6 && (s.toks[st].gap == gapSpace || st == i && comma); k = s.sameLinePrev(k) {
		if !s.toks[k].letters() || s.toks[k].n() != 1 || s.toks[k].gap == gapNone {
			break // not the "s" of "it's"
		}
		st, n = k, n+1
	}
	if n == 1 && (s.eq(st, "a") || s.eq(st, "i")) || comma && n < 2 {
		return i
	}
	return st
}

// lineEndsAfter: token k is the last of its line.
func (s *scan) lineEndsAfter(k int) bool {
	return k+1 >= len(s.toks) || s.toks[k+1].gap == gapLine
}

// nextTurnStart returns the first token said on the line after token k's,
// past its speaker tag, or -1.
func (s *scan) nextTurnStart(k int) int {
	l := k + 1
	if l >= len(s.toks) || s.toks[l].gap != gapLine {
		return -1
	}
	for m := l; m < len(s.toks) && m <= l+5; m++ {
		if m > l && s.toks[m].gap == gapLine {
			break
		}
		if (s.toks[m].punct(':') || s.toks[m].punct(']')) && m+1 < len(s.toks) && s.turnStart(m+1) {
			return m + 1 // after the speaker tag
		}
	}
	return l
}

// spanishUnits are the Spanish words for one to nine after "noventa y".
var spanishUnits = map[string]bool{"uno": true, "una": true, "dos": true, "tres": true, "cuatro": true, "cinco": true,
	"seis": true, "siete": true, "ocho": true, "nueve": true}

// spanishAgeOver89: an age over 89 said in Spanish before "años" ("tengo
// noventa y dos años", "cumplió cien años", "ciento un años"), as
// interpreted visits put it in a transcript. i is "noventa", "cien" or
// "ciento".
func (s *scan) spanishAgeOver89(i int) bool {
	end := i
	switch s.lower(i) {
	case "noventa":
		if y := s.next(i); y > 0 && s.eq(y, "y") {
			if u := s.next(y); u > 0 && spanishUnits[s.lower(u)] {
				end = u
			}
		}
	case "ciento":
		if u := s.next(i); u > 0 && (spanishUnits[s.lower(u)] || s.eq(u, "un")) {
			end = u
		}
	}
	a := s.next(end)
	if a < 0 || !(s.eq(a, "años") || s.eq(a, "anos") || s.eq(a, "año")) {
		return false
	}
	s.addTok(i, end, Age, prCue)
	return true
}

// thousandOpens: "thousand" is said among the first three words of the
// run i..end ("one thousand six hundred", "twenty five thousand"), not
// after digits said one by one, as a date's year is ("oh six two four two
// thousand zero").
func (s *scan) thousandOpens(i, end int) bool {
	for k, n := i, 0; k >= 0 && k <= end && n < 3; k, n = s.next(k), n+1 {
		if s.eq(k, "thousand") {
			return true
		}
	}
	return false
}
