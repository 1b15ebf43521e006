package deid

import "strings"

// nameAnswers (a late rule): the words that open a turn answering a
// question of someone's name, up to a stop, a comma or the line's end: "and
// your name?" / "rahima khatun"; "and you are" / "dil maya gurung. i'm
// ninety-three"; "name and date of birth, please" / "nawal haddad
// abi-nader, twelve five fifty"; "who helps her at home" / "me, tek nath,
// and my wife". The question names no thing ("the name of
// the pharmacy" / "walgreens" asks none). One to four words (a hyphen or an
// apostrophe inside one), after "yes", "it's" and the like; none a function
// word, pronoun, relation, title, number or time word, none an English word
// unless a list knows it as a name, and one of them on no list of English
// words at least.
func (s *scan) nameAnswers(spans []Span) {
	if !strings.Contains(s.low, "name") && !strings.Contains(s.low, "you are") && !strings.Contains(s.low, "this") &&
		!strings.Contains(s.low, " by") && !strings.Contains(s.low, "call") && !strings.Contains(s.low, "who") {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].letters() || !s.turnStart(i) ||
			!s.nameAskedBefore(i) && !(s.eq(i, "me") && i+1 < len(s.toks) && s.toks[i+1].punct(',') && s.whoAskedBefore(i)) {
			continue
		}
		h := i
		for h < len(s.toks) && (s.toks[h].letters() && nameAnswerLeads[s.lower(h)] || s.toks[h].punct(',') || s.toks[h].punct('.')) {
			h++
		}
		var words [][2]int
		foreign := false
		k := h
		for len(words) < 5 && k < len(s.toks) && s.toks[k].letters() && (k == h || s.toks[k].gap == gapSpace) {
			e := k
			for e+2 < len(s.toks) && s.toks[e+1].gap == gapNone && (s.toks[e+1].punct('-') || s.toks[e+1].punct('\'')) &&
				s.toks[e+2].gap == gapNone && s.toks[e+2].letters() {
				e += 2 // "abi-nader", "o'neill"
			}
			t := &s.toks[k]
			w := s.lower(k)
			if s.tokIn(functionWordSet, k) || answerPronouns[w] || t.lex&(lxTitle|lxTitleClin|lxRelation|lxMonth|lxWeekday|lxMedical|
				lxDigitWord|lxTeenWord|lxTensWord|lxOrdWord|lxCommon) != 0 || t.is(lxTimeWord) {
				break
			}
			named := t.lex&(lxFirst|lxSur) != 0 || t.gaz&(gzFirst|gzSur) != 0 || s.isKnown(k)
			if e == k && s.englishTok(k) && !named {
				break
			}
			foreign = foreign || e > k || !s.englishTok(k)
			words = append(words, [2]int{k, e})
			k = e + 1
		}
		if len(words) == 0 || len(words) > 4 || !foreign {
			continue
		}
		// The run ends its clause: a stop, a comma, a question mark or the
		// line's end.
		if k < len(s.toks) && s.toks[k].gap != gapLine && !(s.toks[k].punct('.') || s.toks[k].punct(',') || s.toks[k].punct('?')) {
			continue
		}
		a, b := words[0][0], words[len(words)-1][1]
		if inSpans(spans, int(s.toks[a].s)) && inSpans(spans, int(s.toks[b].s)) && a == b {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[a].s), End: int(s.toks[b].e), Type: Name})
		i = b
	}
}

// whoAskedBefore: the line before token i's asks who someone is or does
// ("who helps her at home", "who gives him his pills"): answered "me,
// tek nath, and my wife", the speaker names herself.
func (s *scan) whoAskedBefore(i int) bool {
	b, a := s.prevLineBounds(i)
	if a == 0 || a-b > 24 {
		return false
	}
	for k := b; k < a; k++ {
		if s.eq(k, "who") || s.eq(k, "who's") {
			return true
		}
	}
	return false
}

// nameAnswerLeads open an answer before the name it gives.
var nameAnswerLeads = wordsOf("yes yeah yep sure ok okay um uh it's its it is i'm im me that's this")

// nameAskedBefore: the line before token i's asks someone's name as
// nameAskedOnLine reads it ("your name", "go by", "call you"), or has
// "name" not followed by "of" or "for" ("full name please", "name and
// date of birth"), or ends with "and you are", "you are?" or "who is
// this".
func (s *scan) nameAskedBefore(i int) bool {
	b, a := s.prevLineBounds(i)
	if a == 0 || a-b > 24 {
		return false
	}
	if s.nameAskedOnLine(b) {
		return true // "your name", "what do you go by", "what do they call you"
	}
	last := ""
	for k := a - 1; k >= b; k-- {
		if s.toks[k].letters() {
			last = s.lower(k)
			if p := s.prevWordAt(k, 1); last == "are" && p == "you" || last == "this" && (p == "is" || p == "'s") {
				return true
			}
			break
		}
	}
	for k := b; k < a; k++ {
		if !s.eq(k, "name") {
			continue
		}
		if n := s.nextWordAt(k); n == "of" || n == "for" || n == "is" {
			return false // "the name of the pharmacy", "my name is ..."
		}
		return true
	}
	return false
}
