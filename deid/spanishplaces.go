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
var spanishPlaceStops = wordsOf("en la el los las con y pero que cerca por para de del al desde hasta " +
	"no sí si ahí allí aquí porque pues mi su sus mis un una todavía ahora ya también sola solo cuando hace " +
	"número numero donde mientras")

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
var streetKindsFirst = wordsOf("calle avenida carretera callejón callejon")

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
	end, named := -1, false
	for k, n := s.next(i), 0; k > 0 && n < 3 && s.toks[k].letters() && s.toks[k].gap == gapSpace; k, n = s.next(k), n+1 {
		t := &s.toks[k]
		if spanishPlaceStops[s.lower(k)] || s.tokIn(functionWordSet, k) || t.is(lxMonth|lxWeekday|lxRelation|lxState|lxCountry) ||
			notSpanishPlaces[s.lower(k)] {
			break
		}
		// A name's word: capitalized, on a list of places or names, or
		// written with a letter English does not use ("loíza", "muñoz").
		named = named || t.upper() || t.lex&(lxCity|lxFirst|lxSur) != 0 || t.gaz&(gzCity|gzTown|gzFirst|gzSur) != 0 || nonASCII(s.str(k))
		end = k
	}
	if end < 0 || !named {
		return
	}
	st := s.next(i)
	s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[end].e), Type: Location})
}

// notSpanishPlaces are words after "vive en" or "calle" that name no
// place: countries and states said in Spanish, conditions and ordinary
// nouns.
var notSpanishPlaces = wordsOf("estados unidos méxico mexico puerto rico república republica dominicana españa casa hogar " +
	"cama silla paz pobreza miedo principal mojada")

// nonASCII: w holds a letter outside ASCII.
func nonASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return true
		}
	}
	return false
}

// senorAbbrevAt: token i is "Sr" or "sr" with its period after a Spanish
// article ("el Sr. Colón", "al sr. Rivera"): the capitalized word after it
// is a man's name. "Sr." alone after a name is a suffix ("John Smith
// Sr."), which the article rules out. A late rule.
func (s *scan) senorAbbrevAt(i int) {
	if !s.eq(i, "sr") || i+2 >= len(s.toks) || !s.toks[i+1].punct('.') || s.toks[i+1].gap != gapNone {
		return
	}
	p := s.sameLinePrev(i)
	if p < 0 || !(s.eq(p, "el") || s.eq(p, "al") || s.eq(p, "del")) {
		return
	}
	k := i + 2
	if s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() {
		return
	}
	end := k
	if n := s.next(k); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].capWord() && !s.toks[n].allUpper() {
		end = n // "el Sr. Ramón Colón"
	}
	s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[end].e), Type: Name})
}
