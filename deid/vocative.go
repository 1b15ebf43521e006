package deid

// A person addressed at the start of a turn of a lower-case transcript by
// a short form or a name on no list: "okay sven so let's see that knee",
// "so liyah your mom said", "okay liv can you", "come in angus come in",
// "okay jaylen, how old are you".
// The word is no English word, no clinical word by its look, no
// endearment or kin word, no month or weekday; a word of the turn that
// opens a clause or asks follows it (a word closing the turn may be
// thanks in another language: "okay dziekuje", "ok thx"). A late rule.

// turnVocativeOpeners open a turn before the person addressed.
var turnVocativeOpeners = wordsOf("okay ok alright hi hey hello so well morning afternoon evening thanks")

// turnVocativeFollowers open the clause said to the person addressed.
var turnVocativeFollowers = wordsOf("so can could your you let's lets come how what i we please thanks go sit are do did have " +
	"tell hop jump take")

// turnWordsAbroad are discourse words, endearments and kin words of the
// languages spoken in clinics, said after "okay" as a name would be ("okay
// bueno so", "ok anak take a breath", "okay sige so", "okay dobrze so").
var turnWordsAbroad = wordsOf("bueno pues claro listo vale vamos eso mira oye andale ándale orale órale ahorita mande " +
	"sige naman ayos oo opo po salamat anak kuya ate lola lolo tita tito nene inday iha iho " +
	"dobrze dobra tak nie kochanie kochana " +
	"bon bien alors voila voilà ja genau gut jo shalom yalla inshallah habibi habibti beta beti " +
	"alrighty welp okie okey gotcha aight")

// turnVocativeAt: token i, lower case, is the person addressed after a
// turn's opening word (or "come in").
func (s *scan) turnVocativeAt(i int) {
	t := &s.toks[i]
	if !t.letters() || t.upper() || t.n() < 3 || t.n() > 10 || t.gap != gapSpace {
		return
	}
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() {
		return
	}
	// The turn's start first: it rules out nearly every word.
	switch {
	case s.turnStart(p) && turnVocativeOpeners[s.lower(p)]:
	case p > 0 && s.turnStart(p-1) && s.eq(p, "in") && s.eq(p-1, "come"):
	default:
		return
	}
	n := s.next(i)
	if n > 0 && s.toks[n].punct(',') && s.toks[n].gap == gapNone {
		n = s.next(n) // "okay jaylen, how old are you"
	}
	if n < 0 || !s.toks[n].letters() || !turnVocativeFollowers[s.lower(n)] || !s.lowerTurnsText() {
		return
	}
	w := s.lower(i)
	if s.englishTok(i) || t.gaz&gzWord != 0 || endearments[w] || endearmentsAfter[w] || turnWordsAbroad[w] || clinicalWordLooking(w) ||
		t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxTimeWord|lxRelation|lxTitle|lxTitleClin|lxCredential|lxUnitWord|lxDigitWord|lxTeenWord|lxTensWord|lxBrand|lxCountry|lxState) != 0 ||
		t.gaz&(gzCity|gzCityAmb|gzTown|gzFacHead|gzFacAcro) != 0 && t.gaz&(gzFirst|gzFirstAmb) == 0 || s.inOtherSpan(int(t.s)) {
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
}

// lowerTurnsText is lowerCaseText in both modes: the tagger's pass counts
// the words as it goes; without it they are counted here, once a text.
func (s *scan) lowerTurnsText() bool {
	if s.words > 0 {
		return s.lowerCaseText()
	}
	if s.lowerTurns == 0 {
		words, upper := 0, 0 // as notice counts them
		for i := range s.toks {
			t := &s.toks[i]
			if t.kind == tkWord && t.letters() && s.caseCounted(i) {
				words++
				if t.upper() {
					upper++
				}
			}
		}
		s.lowerTurns = 1
		if words >= 20 && upper*50 < words {
			s.lowerTurns = 2
		}
	}
	return s.lowerTurns == 2
}
