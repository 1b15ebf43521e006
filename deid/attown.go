package deid

// The place named before the town it is in: "she resides at lasell
// village in newton", "treatment at na'nizhoozhi center in gallup", "done
// at narayana health in bommasandra".

// atTownPreps open the place before "in" and its town.
var atTownPreps = wordsOf("at to from")

// atTownGeneric are words for a kind of place, not its name ("at the mall
// in plano", "at urgent care in tulsa", "at work in boston").
var atTownGeneric = wordsOf("work home school church college university hospital clinic er ed mall store office " +
	"urgent walk-in county city local main big new old same other cancer children's kids family community here there " +
	"market shop mart chapel")

// placeBeforeTown (a late rule): "at", "to" or "from", one to four words,
// then "in" and a place found: the words name a place when one of them is
// a word of four letters or more on no list of English words and none a
// kind of place or a people's word (atTownNamed; answerPlaceWords turns
// away function words, pronouns, titles, numbers and the like), or when
// they end with a facility's word after a town's, a state's or a person's
// name ("oregon eye center in eugene"). A chain or brand opening them (a
// store visited) and a kind of place stay.
func (s *scan) placeBeforeTown(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Location {
			continue
		}
		st := s.tokStartingAt(sp.Start)
		if st < 0 {
			continue
		}
		in := s.sameLinePrev(st)
		if in < 0 || !s.eq(in, "in") {
			continue
		}
		end := s.sameLinePrev(in)
		if end < 0 || !s.toks[end].word() {
			continue
		}
		at := -1
		for k, n := end, 0; k >= 0 && n < 5; k, n = s.sameLinePrev(k), n+1 {
			if s.toks[k].letters() && atTownPreps[s.lower(k)] {
				at = k
				break
			}
			if !s.toks[k].word() && !s.toks[k].punct('\'') && !s.toks[k].punct('-') && !s.toks[k].punct('&') {
				break
			}
		}
		if at < 0 || at == end {
			continue
		}
		h := s.next(at)
		if h < 0 || s.eq(h, "the") && h < end {
			h = s.next(h)
		}
		if h < 0 || h > end || inSpans(spans, int(s.toks[h].s)) || s.chainAt(h, false) >= 0 || s.toks[h].is(lxBrand) {
			continue
		}
		if !(s.answerPlaceWords(h, end+1, spans) && s.atTownNamed(h, end)) && !s.namedFacility(h, end) {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[h].s), End: int(s.toks[end].e), Type: Location})
	}
}

// atTownNamed: of tokens h to end, none is a kind of place
// (atTownGeneric) or a people's word ("the vietnamese market"), and one
// is a word of four letters or more on no list of English words (not
// "ihs", "rec", "ac").
func (s *scan) atTownNamed(h, end int) bool {
	named := false
	for k := h; k >= 0 && k <= end; k = s.next(k) {
		if !s.toks[k].letters() {
			continue
		}
		w := s.lower(k)
		if atTownGeneric[w] || peopleWords[w] || nationalWords[w] {
			return false
		}
		named = named || len(w) >= 4 && !s.englishTok(k)
	}
	return named
}

// nationalWords are a nation's or a people's adjectives that peopleWords
// (languages) lacks: "the mexican consulate in dallas".
var nationalWords = wordsOf("mexican american canadian cuban salvadoran guatemalan honduran nicaraguan colombian " +
	"venezuelan peruvian ecuadorian bolivian chilean argentine argentinian brazilian dominican puerto rican " +
	"jamaican trinidadian nigerian ghanaian kenyan ugandan tanzanian zimbabwean south african egyptian moroccan " +
	"algerian tunisian libyan lebanese jordanian palestinian israeli iranian iraqi saudi yemeni indian pakistani " +
	"bangladeshi sri lankan nepalese indonesian malaysian singaporean taiwanese mongolian uzbek kazakh " +
	"european asian african")

// namedFacility: tokens h to end are two words or more ending with a
// facility's word, none of them a kind of place (atTownGeneric) or a
// function word, and one before the last a town's, a state's or a
// person's name ("oregon eye center").
func (s *scan) namedFacility(h, end int) bool {
	if h == end || !s.toks[end].letters() || !facilityWords[s.lower(end)] {
		return false
	}
	named := false
	for k := h; k >= 0 && k < end; k = s.next(k) {
		t := &s.toks[k]
		if !t.letters() {
			continue
		}
		if atTownGeneric[s.lower(k)] || s.tokIn(functionWordSet, k) || t.lex&(lxMedical|lxTitle|lxTitleClin|lxRelation) != 0 {
			return false
		}
		named = named || t.lex&(lxCity|lxState|lxTown) != 0 || t.gaz&(gzCity|gzTown|gzSur|gzFirst) != 0
	}
	return named
}
