package deid

// Places said in Spanish in a transcript or a message: where someone lives
// ("vive todavía en cabo rojo", "vivo en Aguadilla") and a street named
// after its kind ("calle muñoz rivera", "avenida Ponce de León"). Late
// rules.

// livesInVerbs say where someone lives before "en".
var livesInVerbs = wordsOf("vive vivo viven vivimos vives vivía vivia vivían vivian")

// livesInAdverbs may stand between the verb and "en": "vive todavía en".
var livesInAdverbs = wordsOf("todavía todavia ahora ya aún aun")

// spanishPlaceStops end a place's words: Spanish function words and the
// words of a clause going on.
var spanishPlaceStops = wordsOf("en la el los las con y pero que cerca por para de del al con desde hasta " +
	"no sí si ahí allí aquí porque pues mi su sus mis un una todavía ahora ya también sola solo")

// livesInPlaceAt: token i is "en" after a verb of living: the place's
// words after it, capitalized or in lower case, up to three, to a stop
// word or a mark.
func (s *scan) livesInPlaceAt(i int) {
	if !s.eq(i, "en") {
		return
	}
	v := s.sameLinePrev(i)
	if v >= 0 && livesInAdverbs[s.lower(v)] {
		v = s.sameLinePrev(v)
	}
	if v < 0 || !livesInVerbs[s.lower(v)] {
		return
	}
	s.spanishPlaceAfter(i)
}

// streetKindsFirst open a street's name in Spanish; the kind stays outside
// the span, as "the" does.
var streetKindsFirst = wordsOf("calle avenida carretera camino callejón callejon paseo")

// streetKindFirstAt: token i is a kind of street said before its name
// ("calle loíza", "carretera 114"): the name's words after it.
func (s *scan) streetKindFirstAt(i int) {
	if !streetKindsFirst[s.lower(i)] {
		return
	}
	if n := s.next(i); n > 0 && s.toks[n].digits() && s.toks[n].gap == gapSpace {
		s.late = append(s.late, Span{Start: int(s.toks[n].s), End: int(s.toks[n].e), Type: Location}) // "carretera 114"
		return
	}
	s.spanishPlaceAfter(i)
}

// spanishPlaceAfter adds the place's words after token i as a late span:
// letters, up to three, none a stop word nor an English function word, to
// the clause's end or a mark.
func (s *scan) spanishPlaceAfter(i int) {
	end := -1
	for k, n := s.next(i), 0; k > 0 && n < 3 && s.toks[k].letters() && s.toks[k].gap == gapSpace; k, n = s.next(k), n+1 {
		if spanishPlaceStops[s.lower(k)] || s.tokIn(functionWordSet, k) || s.toks[k].is(lxMonth|lxWeekday|lxRelation) {
			break
		}
		end = k
	}
	if end < 0 {
		return
	}
	st := s.next(i)
	s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[end].e), Type: Location})
}
