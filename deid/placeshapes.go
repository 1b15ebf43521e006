package deid

import "strings"

// Places told by the shape of the phrase around them rather than by a list
// (issue 12, places10): a numbered street and the corner it makes, a place
// introduced by a word of naming ("a little town called jacmel"), a
// resident's town, a neighbourhood named by its kind of ground ("in jackson
// heights", "in capitol hill"), and a town on no list after a stay measured
// in days ("a couple nights in menton"), a town spelled like a word after
// "in" where a site, a relative or a verb of living is before it ("urgent
// care in golden", "we were living in paradise") or written with its
// capital in running prose ("We are in Normal visiting"). Each runs once
// over the tokens after the other place rules (finishPlaces). A site of
// one or two words on no list between "at" and "in" and a town found ("at
// the Charité in Berlin", "at IWK in Halifax") is a place. A store or a
// place found before "on" makes the word after it a street, an ordinary
// word too ("the cvs on main by the bank", "harlem on lenox near the
// church").

// placeShapes runs the rules of this file.
func (s *scan) placeShapes() {
	for i := 1; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.gap != gapSpace || !t.word() {
			continue
		}
		if t.shape&shDigit != 0 {
			if s.streetOrdinal(i) {
				if !s.numberedStreetOn(i) {
					s.ordinalCorner(i)
				}
			} else if t.digits() && t.n() == 5 {
				s.zipAfterTown(i)
			}
			continue
		}
		if !t.letters() {
			continue
		}
		if !t.upper() && i >= 2 && s.toks[i-1].capWord() && s.tokIn(siteNounSet, i) {
			if !s.featureSiteBefore(i) {
				s.unlistedSiteBefore(i)
			}
		}
		switch s.lower(i) {
		case "called", "named":
			s.placeCalled(i)
		case "of":
			if !s.agencyOf(i) {
				s.residentOf(i)
			}
		case "on", "off":
			s.storeStreetOn(i)
		case "in":
			if !s.stayIn(i) && !s.beingIn(i) && !s.wordTownAfterIn(i) {
				s.siteBeforeTownIn(i)
			}
		case "heights", "hill", "village", "point", "prairie", "district":
			s.groundNamed(i)
		default:
			if t.is(lxOrdWord) {
				s.numberedStreetOn(i)
			}
		}
	}
}

// streetOnWords come right before a street named bare in speech.
var streetOnWords = map[string]bool{"on": true, "off": true, "onto": true, "at": true, "down": true}

// ordinalStreetWords name a street after a spelled ordinal: "second
// street", "fifth avenue".
var ordinalStreetWords = wordsOf("street avenue boulevard road lane parkway terrace")

// numberedStreetOn: a numbered street after "on", "off" or "at", with its
// suffix ("the one on 26th street") or at a corner with another street
// ("the rite aid on 5th and main", "the shelter on Eighth and Pike"). A
// day of the month ("on the 5th", "on 5th and 6th of june") and a number
// before a word that is no street stay.
func (s *scan) numberedStreetOn(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() || s.toks[p].upper() || !lowerStreetPreps[s.lower(p)] {
		return false
	}
	word := !s.streetOrdinal(i) // "Eighth": capitalized, and only at a corner
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace {
		return false
	}
	// "on 42nd st", "the corner of 3rd st": in figures, a street's suffix
	// shortened too, and after any preposition of place.
	if !word && s.toks[n].letters() && s.toks[n].is(lxStreetSuffix) && (fullStreetWords[s.lower(n)] || prepStreetAbbrs[s.lower(n)]) {
		if k := s.next(n); k > 0 && roadCompounds[s.lower(k)] {
			return false // "2nd st segment"
		}
		s.addTok(i, n, Location, prCue)
		return true
	}
	if !streetOnWords[s.lower(p)] {
		return false // a corner or a spelled ordinal only after "on", "off", "onto", "at", "down"
	}
	if word && s.toks[n].letters() && ordinalStreetWords[s.lower(n)] && s.toks[n].upper() == s.toks[i].upper() {
		// "the shelter on second street", "on Fifth Avenue"; "at
		// second place" is no street.
		s.addTok(i, n, Location, prCue)
		return true
	}
	if !s.eq(n, "and") && !s.toks[n].punct('&') {
		return false
	}
	b := s.next(n)
	if b < 0 || s.toks[b].gap != gapSpace {
		return false
	}
	tb := &s.toks[b]
	switch {
	case s.streetOrdinal(b):
		// "on 3rd and 4th floor": two ordinals are streets only with a
		// street's word or where the clause ends.
		if k := s.next(b); word || k > 0 && !(s.toks[k].letters() && s.toks[k].is(lxStreetSuffix)) && !s.clauseEndAfter(b) {
			return false
		}
	case tb.letters():
		if tb.n() < 3 || s.tokIn(functionWordSet, b) || tb.is(lxMonth|lxMonthAbbr|lxWeekday|lxDigitWord|lxTeenWord|lxTensWord|lxOrdWord) ||
			fullStreetWords[s.lower(b)] || genericGround[s.lower(b)] || orderWords[s.lower(b)] {
			return false
		}
		// "on Eighth and Pike"; in lower case, as a transcript writes
		// it, where the clause ends after the second street or its
		// suffix follows ("the shelter on fifth and market").
		if word && !tb.upper() && (s.toks[i].upper() || !s.clauseEndAfter(b) && !s.streetSuffixAfter(b)) {
			return false
		}
	default:
		return false
	}
	e := b
	if k := s.next(b); k > 0 && s.toks[k].letters() && s.toks[k].is(lxStreetSuffix) && fullStreetWords[s.lower(k)] {
		e = k
	}
	// "on 5th and 6th of june", "on the 3rd and 4th": days, not streets.
	if k := s.next(e); k > 0 && (s.eq(k, "of") || s.toks[k].is(lxMonth|lxMonthAbbr)) {
		return false
	}
	s.addTok(i, i, Location, prCue)
	s.addTok(b, e, Location, prCue)
	return true
}

// streetSuffixAfter: a street's full suffix follows token b ("market
// street").
func (s *scan) streetSuffixAfter(b int) bool {
	k := s.next(b)
	return k > 0 && s.toks[k].letters() && s.toks[k].is(lxStreetSuffix) && fullStreetWords[s.lower(k)]
}

// orderWords after "1st and" rank, not name a street: "on 1st and last
// call", "3rd and long".
var orderWords = map[string]bool{"final": true, "only": true, "long": true, "short": true, "goal": true,
	"foremost": true, "second": true, "ten": true}

// namedPlaceKinds before "called" or "named" introduce a place's name.
var namedPlaceKinds = map[string]bool{"town": true, "city": true, "village": true, "neighborhood": true,
	"neighbourhood": true, "suburb": true, "island": true, "township": true, "borough": true, "hamlet": true}

// placeCalled: "a little town called jacmel", "a village named San Juan
// Cosalá": the words after "called" or "named" up to a function word or
// the end of the clause. A person ("a doctor named ...") or a thing ("a
// drug called ...") so introduced is no place.
func (s *scan) placeCalled(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() || !namedPlaceKinds[s.lower(p)] {
		return false
	}
	st := s.next(i)
	if st < 0 || s.toks[st].gap != gapSpace {
		return false
	}
	e := -1
	for k, n := st, 0; k >= 0 && n < 3; k, n = s.next(k), n+1 {
		t := &s.toks[k]
		if !t.letters() || t.n() < 2 || (k > st && t.gap != gapSpace) || s.tokIn(functionWordSet, k) ||
			t.is(lxState|lxCountry|lxMonth|lxWeekday|lxDigitWord|lxTeenWord|lxTensWord) {
			break
		}
		// After the first word, an English word in lower case is the
		// sentence going on ("called ouarzazate out in the desert").
		if k > st && !t.upper() && t.lex&(lxCity|lxFirst|lxSur) == 0 {
			if eng := s.englishTok(k); eng {
				break
			}
		}
		e = k
	}
	if e < 0 {
		return false
	}
	s.addTok(st, e, Location, prCue)
	return true
}

// residentWords before "of" make the capitalized words after it the
// place a person lives in or comes from: "resident of Thrissur", "a native
// of Cork".
var residentWords = map[string]bool{"resident": true, "residents": true, "native": true, "natives": true}

// residentOf: capitalized words on no list of words, states or countries
// after "resident of" or "native of" ("resident of Thrissur"); a state or
// a country ("a native of Texas", "resident of Mexico") and a home or a
// facility's kind ("resident of the nursing home") stay.
func (s *scan) residentOf(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !residentWords[s.lower(p)] || s.toks[i].upper() || s.toks[i].gap != gapSpace {
		return false
	}
	e := s.capNameAfterOf(i, lxState|lxStateAbbr|lxCountry)
	if e < 0 {
		return false
	}
	s.addTok(i+1, e, Location, prCue)
	return true
}

// stayUnits measure a stay: "a couple nights in", "two weeks in".
var stayUnits = map[string]bool{"day": true, "days": true, "night": true, "nights": true, "week": true, "weeks": true,
	"month": true, "months": true, "year": true, "years": true, "weekend": true}

// stayIn: after a stay measured in days, weeks or years and "in", a
// lower-case word on no hand list and not English (and one more such
// word): a town too small or too foreign for the
// gazetteer ("a couple nights in menton", "two weeks in oaxaca"), where
// a journey was told of before. A place of care or a thing ("three days in
// icu", "a week in bed", "two days in a row", "a week in peds") stays.
func (s *scan) stayIn(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !stayUnits[s.lower(p)] {
		return false
	}
	k := s.next(i)
	if k < 0 || s.toks[k].gap != gapSpace || !s.unlistedLowerWord(k) {
		return false
	}
	e := k
	if n := s.next(k); n > 0 && s.toks[n].gap == gapSpace && s.unlistedLowerWord(n) {
		e = n
	}
	if !s.clauseGoesOn(e) || !s.travelBefore(i) {
		return false
	}
	s.addTok(k, e, Location, prShape)
	return true
}

// travelWords tell of a journey: a stay after one is somewhere else.
var travelWords = map[string]bool{"travel": true, "traveled": true, "travelled": true, "traveling": true, "trip": true,
	"vacation": true, "holiday": true, "honeymoon": true, "wedding": true, "cruise": true, "visit": true,
	"visited": true, "visiting": true, "flew": true, "went": true, "drove": true, "abroad": true, "country": true}

// travelBefore: a word of travel, or a place found, among the thirty
// tokens before i (the question on the line before included): "any
// travel" / "just nice for a wedding and a couple nights in menton". A
// stay on a ward ("a week in peds", "two days in ortho") has neither.
func (s *scan) travelBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-30; k-- {
		if s.toks[k].letters() && travelWords[s.lower(k)] || s.placeEndsAt(k) {
			return true
		}
	}
	return false
}

// unlistedLowerWord: a lower-case word of three letters or more with a
// vowel, on no hand list, not on the English word list and no ward's
// short name (the gazetteer
// may hold it as a place or a surname; two English words written together
// are taken, as "menton" is "men" and "ton").
func (s *scan) unlistedLowerWord(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.upper() || t.n() < 3 || t.lex != 0 || t.gaz&gzWord != 0 {
		return false
	}
	w := s.lower(k)
	if eng := s.englishTok(k); eng || wardWords[w] {
		return false
	}
	// A word with no vowel is an acronym: "a week in snf".
	for j := 0; j < len(w); j++ {
		switch w[j] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// genericGround before a kind of ground make it no name: "in every
// village", "in one district", "in the school district".
var genericGround = map[string]bool{"every": true, "each": true, "any": true, "some": true, "one": true, "no": true,
	"which": true, "what": true, "whose": true, "another": true, "other": true, "such": true, "same": true,
	"whole": true, "entire": true, "next": true, "last": true, "that": true, "this": true, "these": true,
	"those": true, "rural": true, "small": true, "local": true, "nearby": true, "school": true}

// groundNamed: a neighbourhood named by one or two words and its kind of
// ground in lower case, after "in", "from", "near" or "around" with no
// article ("we live in jackson heights", "a restaurant in fells point",
// "the dog park in capitol hill"), or after an article when a word of the
// name is a name, a town or on no list ("in the bay heights"); where the
// clause ends or goes on. "at some point", "up the hill", "in the
// village", "fear of heights" and "in every district" stay.
func (s *scan) groundNamed(i int) bool {
	if s.toks[i].upper() {
		return false
	}
	st, named := -1, false
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 2; k, n = s.sameLinePrev(k), n+1 {
		t := &s.toks[k]
		if !t.letters() || t.upper() || t.n() < 3 || t.gap != gapSpace || s.tokIn(functionWordSet, k) ||
			genericGround[s.lower(k)] || t.is(lxDigitWord|lxTeenWord|lxTensWord|lxMedical|lxTitle|lxTitleClin|lxRelation|lxMonth|lxWeekday) {
			break
		}
		named = named || t.is(lxCity|lxFirst|lxSur) || t.gaz&(gzCity|gzTown|gzSur|gzFirst) != 0 ||
			t.lex == 0 && t.gaz == 0 && !englishOrCompound(s.lower(k))
		st = k
	}
	if st < 1 {
		return false
	}
	p := st - 1
	if s.eq(p, "the") {
		if !named {
			return false
		}
		p = s.sameLinePrev(p)
	}
	if p < 0 || s.toks[p].upper() {
		return false
	}
	switch s.lower(p) {
	case "in", "from", "near", "around":
	default:
		return false
	}
	if !s.clauseGoesOn(i) {
		n := s.next(i)
		if n < 0 || !(s.eq(n, "near") || s.eq(n, "off") || s.eq(n, "by")) {
			return false
		}
	}
	s.addTok(st, i, Location, prShape)
	return true
}

// wordTownAfterIn: a town spelled like an ordinary word or a given name
// (a city of the hand list marked ambiguous, or a town or city of the
// gazetteer) after "in", where the clause ends or goes on: in lower case
// after a site, a relative or a verb of living ("urgent care in golden",
// "my daughter in savannah", "we were living in paradise"), or
// capitalized in running prose, not opening a line or a name of several
// capitalized words ("We are in Normal visiting my son"). "my daughter in
// law", "my son in college", "living in pain", "labs in Normal range" and
// a department ("in Recovery") stay.
func (s *scan) wordTownAfterIn(i int) bool {
	if s.toks[i].upper() {
		return false
	}
	k := s.next(i)
	if k < 0 || s.toks[k].gap != gapSpace {
		return false
	}
	t := &s.toks[k]
	if !t.letters() || t.n() < 4 || t.allUpper() || !(t.lex&(lxCity|lxCityAmb) == lxCity|lxCityAmb || t.gaz&(gzCity|gzTown) != 0) ||
		t.lex&(lxMedical|lxFacility|lxMonth|lxWeekday|lxCountry|lxState|lxTitle|lxTitleClin|lxRelation|lxTimeWord) != 0 || t.gaz&gzFacWord != 0 {
		return false
	}
	if !s.clauseGoesOn(k) && !(t.upper() && s.predicateAfter(k)) {
		return false
	}
	if t.upper() {
		if n := s.next(k); n > 0 && s.toks[n].capWord() || s.titleCaseLine(k) {
			return false
		}
		// "Difficulty in Reading", "Problems in Reading and Writing": a
		// town spelled like an English word in -ing is the activity unless
		// a verb of living or moving comes before ("grew up in Reading").
		if w := s.lower(k); strings.HasSuffix(w, "ing") && !s.placeVerbBefore(k) {
			if _, eng := englishWords()[w]; eng {
				return false
			}
		}
	} else {
		// "living in hope": a given name of the hand list that is a virtue
		// or a word is no town here.
		if t.lex&(lxCommon|lxFirst) != 0 {
			return false
		}
		q := s.sameLinePrev(i)
		if q < 0 || !s.toks[q].letters() {
			return false
		}
		site := s.toks[q].is(lxRelation) || siteNouns[s.lower(q)] || s.eq(q, "care")
		if !site && !s.placeVerbBefore(k) {
			return false
		}
	}
	s.addTok(k, k, Location, prShape)
	return true
}

// predicateAfter: a lower-case verb of a person right after token k, the
// predicate of the subject the place was said of: "My GP in Leeds
// referred me", "a man in Reading called".
func (s *scan) predicateAfter(k int) bool {
	n := s.next(k)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() || s.toks[n].lex&lxMedical != 0 {
		return false
	}
	w := s.lower(n)
	return personVerbNext[w] || personVerbs[w] || keeperPasts[w] || len(w) > 4 && strings.HasSuffix(w, "ed")
}

// streetIdioms after "on" or "off" are no street: "the pharmacy on hold",
// "the store on call", "the cvs on file".
var streetIdioms = map[string]bool{"hold": true, "call": true, "time": true, "fire": true, "duty": true, "sale": true,
	"file": true, "board": true, "top": true, "site": true, "order": true, "record": true, "break": true, "leave": true,
	"vacation": true, "foot": true, "campus": true, "purpose": true, "average": true, "track": true, "schedule": true,
	"demand": true, "staff": true, "line": true, "auto": true, "backorder": true, "speaker": true, "video": true,
	"mute": true, "shift": true, "nights": true, "days": true, "weekends": true, "there": true, "here": true,
	"medicaid": true, "medicare": true, "insurance": true, "disability": true, "probation": true, "parole": true,
	"oxygen": true, "hospice": true, "dialysis": true, "phone": true, "it": true, "that": true, "delivery": true,
	"refill": true, "refills": true, "autofill": true, "lunch": true, "strike": true, "display": true, "hand": true,
	"track's": true, "alert": true, "notice": true, "pause": true, "tap": true, "loan": true, "arrival": true, "admission": true,
	"discharge": true, "exam": true,
	// Treatments and benefits: "the one on chemo", "the kid on tanf".
	"chemo": true, "tpn": true, "ecmo": true, "ssi": true, "ssdi": true, "tanf": true, "snap": true, "wic": true,
	"hemodialysis": true, "auscultation": true, "accutane": true, "bipap": true, "cpap": true, "vent": true,
	"ventilator": true, "methadone": true, "suboxone": true, "insulin": true, "lithium": true, "chemotherapy": true,
	"immunotherapy": true, "radiation": true, "steroids": true, "antibiotics": true, "pressors": true, "lasix": true,
	// Apps and channels: "the lady on instagram", "the doctor on zoom".
	"instagram": true, "facebook": true, "tiktok": true, "youtube": true, "twitter": true, "snapchat": true,
	"zoom": true, "facetime": true, "whatsapp": true, "mychart": true, "netflix": true, "hulu": true, "reddit": true,
	"telegram": true, "skype": true, "webex": true, "doximity": true, "teams": true, "tv": true, "radio": true}

// streetGoesOn after a street said bare: "on main, by the bank", "on
// lenox near the church", "on cottman across from the mall".
var streetGoesOn = map[string]bool{"by": true, "near": true, "across": true, "behind": true, "next": true, "off": true,
	"right": true, "close": true, "and": true, "past": true, "between": true, "at": true, "in": true, "downtown": true}

// storeStreetOn: after a store ("the cvs", "the walgreens", a brand) or a
// place found, "on" or "off" and a street said bare, one word or a
// direction and a word, an ordinary word too, where the clause ends or
// goes on with where it is ("the cvs on main, by the bank", "the y on
// division by the park", "harlem on lenox near the church"). A store's
// state ("the pharmacy on hold", "the cvs on file") and a word after it
// that is no place ("the walgreens on main street" is the street rules')
// stay.
func (s *scan) storeStreetOn(i int) bool {
	if s.toks[i].upper() {
		return false
	}
	p := s.sameLinePrev(i)
	// "in astoria right off ditmars": an adverb between.
	if p >= 0 && (s.eq(p, "right") || s.eq(p, "just")) {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	tp := &s.toks[p]
	w := s.lower(p)
	store := businessSites[w] || w == "y" || w == "ymca" || tp.is(lxBrand) && !tp.upper() ||
		w == "aid" && p > 0 && s.eq(p-1, "rite")
	site := !store && !s.placeEndsAt(p)
	if site && (!s.theSiteBefore(p) || notSites[w]) {
		return false
	}
	k := s.next(i)
	if k < 0 || s.toks[k].gap != gapSpace {
		return false
	}
	st := k
	if directions[s.lower(k)] && !s.toks[k].upper() {
		if k = s.next(k); k < 0 || s.toks[k].gap != gapSpace {
			return false
		}
	}
	t := &s.toks[k]
	if !t.letters() || t.upper() || t.n() < 3 || s.tokIn(functionWordSet, k) || streetIdioms[s.lower(k)] ||
		t.lex&^(lxFirst|lxSur|lxFirstAmb|lxSurAmb|lxCity|lxCityAmb|lxCommon|lxTimeWord|lxPhraseHead|lxWord|lxTown) != 0 ||
		t.gaz&gzFacWord != 0 || directions[s.lower(k)] {
		return false
	}
	// After a place found rather than a store, only a word that is no
	// English word: "Heart & Lung Institute on arrival" stays.
	if !store {
		if eng := s.englishTok(k); eng || t.lex&lxCommon != 0 || t.gaz&gzWord != 0 {
			return false
		}
	}
	if !s.clauseEndAfter(k) {
		n := s.next(k)
		if n < 0 || !streetGoesOn[s.lower(n)] {
			return false
		}
	}
	if site {
		// Written after the tagger was trained: added after it.
		s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[k].e), Type: Location})
		return true
	}
	s.addTok(st, k, Location, prCue)
	return true
}

// notSites are people and findings said with "the" before "on" ("the kid
// on accutane", "the murmur on auscultation"): no site whose street follows.
var notSites = wordsOf("kid kids baby babies guy guys lady ladies man men woman women girl boy patient patients " +
	"murmur murmurs crackles wheeze wheezes rash findings sounds mom dad son daughter")

// theSiteBefore: token p ends a short lower-case name after "the", one to
// three words or letters joined by hyphens, as a store or a site is said
// ("the rose on bellaire", "the h-e-b on culebra", "the waffle house on
// moreland"); storeStreetOn then takes only a word of no English after
// "on" as the street ("the meeting on tuesday", "the guy on duty" stay).
func (s *scan) theSiteBefore(p int) bool {
	k := p
	for n := 0; n < 5 && k > 0; n++ {
		t := &s.toks[k]
		switch {
		case t.letters() && !t.upper() && !s.tokIn(functionWordSet, k):
		case t.punct('-') && t.gap == gapNone:
		default:
			return false
		}
		q := s.sameLinePrev(k)
		if q < 0 {
			return false
		}
		if s.eq(q, "the") {
			return true
		}
		k = q
	}
	return false
}

// wardWords are the short names of wards and services, on no word list:
// "he's in peds", "a week in ortho".
var wardWords = map[string]bool{"peds": true, "ortho": true, "cath": true, "onc": true, "neuro": true, "tele": true,
	"cardio": true, "gyn": true, "obgyn": true, "derm": true, "rheum": true, "uro": true, "nephro": true, "pulm": true,
	"heme": true, "hemeonc": true, "medsurg": true, "stepdown": true, "preop": true, "postop": true, "pacu": true,
	"nicu": true, "picu": true, "micu": true, "sicu": true, "cvicu": true, "ccu": true, "icu": true, "snf": true,
	"ltach": true, "ltac": true, "endo": true, "gastro": true, "onco": true, "neph": true, "hospitalist": true,
	"juvie": true}

// beingIn: after "i'm", "we're", "she's" (someone being somewhere) and
// "in", a lower-case word on no list, not English, where the clause ends
// or goes on: a neighbourhood or a town too small for the gazetteer ("we're
// in ditmars now"). "i'm in pain", "she's in peds" stay.
func (s *scan) beingIn(i int) bool {
	switch s.prevWordAt(i, 1) {
	case "i'm", "we're", "he's", "she's", "they're", "you're", "im", "were":
	default:
		return false
	}
	k := s.next(i)
	if k < 0 || s.toks[k].gap != gapSpace || !s.unlistedLowerWord(k) || !s.clauseGoesOn(k) {
		return false
	}
	s.addTok(k, k, Location, prShape)
	return true
}

// zipAfterTown: five digits right after a place found in lower case,
// ending the clause, on a line where a street address was found: the ZIP
// of an address said aloud ("1140 holloway road apartment 6c in east
// cleveland 44112"). Five digits after a town with no address on the line
// ("in reno 40123 was the claim") stay for the other rules.
func (s *scan) zipAfterTown(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() || s.toks[p].upper() || !s.clauseEndAfter(i) || !s.placeEndsAt(p) {
		return false
	}
	// A street address earlier on the line: a Location candidate that
	// opens with a house number.
	for c := range s.cands {
		cd := &s.cands[c]
		if cd.t != Location || cd.e > int(s.toks[p].s) {
			continue
		}
		st, _ := s.candTokens(cd)
		if st >= 0 && s.toks[st].digits() && s.lineHead(st) == s.lineHead(i) {
			s.addTok(i, i, ZIP, prCue)
			return true
		}
	}
	return false
}

// siteBeforeTownIn: at "in" before a place found, the one or two words
// after "at", "from" or "to" (and "the") before it: an acronym ("at IWK
// in Halifax", "at unmh in albuquerque") or a capitalized word on no list
// ("at the Charité in Berlin") names the site there. An ordinary word
// ("at home in boston", "at Church in Dallas"), a person's name ("to
// Smith in Boston"), a title, a month or a feast stay.
func (s *scan) siteBeforeTownIn(i int) bool {
	if s.toks[i].upper() || !s.placeStartsAt(s.next(i)) {
		return false
	}
	e := s.sameLinePrev(i)
	if e < 0 || s.toks[i].gap != gapSpace || s.placeEndsAt(e) {
		return false
	}
	st := -1
	for k, n := e, 0; k >= 0 && n < 2; k, n = s.sameLinePrev(k), n+1 {
		if !s.siteWord(k) {
			break
		}
		st = k
	}
	if st < 1 || s.toks[st].gap != gapSpace {
		return false
	}
	p := st - 1
	if s.eq(p, "the") {
		p = s.sameLinePrev(p)
	}
	if p < 0 || s.toks[p].upper() || !(s.eq(p, "at") || s.eq(p, "from") || s.eq(p, "to")) {
		return false
	}
	s.addTok(st, e, Location, prShape)
	return true
}

// siteWord: an acronym of two to five letters on no list of words, or a
// word on no list at all and not English, capitalized or not.
func (s *scan) siteWord(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.n() < 2 || t.lex&^(lxFacAcro|lxFacHead) != 0 || t.gaz&(gzWord|gzFirst|gzSur|gzFacWord) != 0 {
		return false
	}
	if t.allUpper() {
		return t.n() <= 5
	}
	if t.n() < 4 {
		return false
	}
	eng := s.englishTok(k)
	return !eng
}

// placeStartsAt reports a place candidate that starts where token k
// starts.
func (s *scan) placeStartsAt(k int) bool {
	if k < 0 {
		return false
	}
	st := int(s.toks[k].s)
	for _, c := range s.cands {
		if c.t == Location && c.s == st {
			return true
		}
	}
	return false
}

// ordinalCorner: a numbered street and a named one meeting, without "corner
// of": "24th & Mission", "16th St and Valencia", "Cicero Ave & 79th St" (the named street
// capitalized, no month, weekday, title or relation; "the 5th and 6th
// ribs", "on the 24th and Monday" and "born on the 4th and Mom" stay).
func (s *scan) ordinalCorner(i int) bool {
	ae := i
	if n := s.next(i); n > 0 && s.toks[n].capWord() && s.toks[n].is(lxStreetSuffix) {
		ae = n
	}
	// The second street of the corner: "Cicero Ave & 79th St".
	if c := s.sameLinePrev(i); c > 0 && (s.toks[c].punct('&') || s.eq(c, "and")) {
		if a := s.sameLinePrev(c); a >= 0 && s.toks[a].capWord() && s.toks[a].is(lxStreetSuffix) && s.placeEndsAt(a) {
			s.addTok(i, ae, Location, prCue)
			return true
		}
	}
	c := s.next(ae)
	if c < 0 || !(s.eq(c, "and") || s.toks[c].punct('&')) {
		return false
	}
	if p := s.prevWordAt(i, 1); p == "the" || p == "of" && s.prevWordAt(i, 2) == "corner" {
		return false // "born on the 4th and ...": a day; "corner of" is cornerOf's
	}
	b := s.next(c)
	if b < 0 || !s.toks[b].capWord() || s.toks[b].is(lxMedical|lxRelation) {
		return false
	}
	be := s.cornerStreet(b)
	if be < 0 {
		return false
	}
	s.addTok(i, be, Location, prCue)
	return true
}

// featureSiteBefore: at a site word in lower case, the capitalized words
// before it that end in a geographic feature, after "the" or a possessive,
// name the site's place: "at the Mission Bay clinic", "the Sunset Park
// lab" (not "the Heart Failure clinic": no feature word).
func (s *scan) featureSiteBefore(i int) bool {
	last := s.sameLinePrev(i)
	if last < 0 || !geoFeatureWords[s.lower(last)] {
		return false
	}
	st := -1
	for k := last; k >= 0 && k >= last-2; k = s.sameLinePrev(k) {
		t := &s.toks[k]
		if !t.capWord() || t.allUpper() || t.gap != gapSpace || t.is(lxMedical|lxTitle|lxTitleClin|lxMonth|lxWeekday|lxCredential) {
			break
		}
		st = k
	}
	if st < 0 || st == last {
		return false // one feature word alone names nothing: "the Bay clinic"
	}
	switch s.prevWordAt(st, 1) {
	case "the", "our", "their", "your", "my":
	default:
		return false
	}
	s.addTok(st, last, Location, prShape)
	return true
}

// geoFeatureWords end the names of neighbourhoods and places a site is
// named after: "Mission Bay", "Sunset Park", "Pleasant Valley".
var geoFeatureWords = map[string]bool{"bay": true, "valley": true, "hill": true, "hills": true, "park": true,
	"heights": true, "point": true, "lake": true, "lakes": true, "creek": true, "ridge": true, "springs": true,
	"beach": true, "harbor": true, "grove": true, "village": true, "meadows": true, "woods": true, "falls": true,
	"crossing": true, "landing": true, "island": true, "mesa": true, "canyon": true}

// unlistedSiteBefore: at a site word in lower case, one capitalized word on
// no list at all and no English word, after "the" or a possessive, names
// the site's place or owner: "at the Gonzaga library", "the Aspirus
// clinic".
func (s *scan) unlistedSiteBefore(i int) bool {
	k := s.sameLinePrev(i)
	if k < 1 {
		return false
	}
	t := &s.toks[k]
	if !t.capWord() || t.allUpper() || t.lex != 0 || t.gaz&^(gzFirst|gzSur|gazPlaceFlags) != 0 || t.n() < 4 || englishOrCompound(s.lower(k)) {
		return false
	}
	switch s.prevWordAt(k, 1) {
	case "the", "our", "their", "your", "my":
	default:
		return false
	}
	s.addTok(k, k, Location, prShape)
	return true
}

// agencyOf: after a home-care or community agency's acronym and "of", the
// capitalized words of the place it serves ("Home with VNA of Cape Cod",
// "the YMCA of Greater Seattle"); not a state or a country.
func (s *scan) agencyOf(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].allUpper() || !agencyAcronyms[s.lower(p)] {
		return false
	}
	st := s.next(i)
	if st < 0 || !s.toks[st].capWord() || s.toks[st].gap != gapSpace {
		return false
	}
	end := -1
	for k := st; k >= 0 && k <= st+3 && s.toks[k].capWord() && !s.toks[k].allUpper(); k = s.next(k) {
		if s.toks[k].is(lxState|lxCountry|lxMedical|lxTitle|lxTitleClin) || k > st && s.toks[k].gap != gapSpace {
			break
		}
		end = k
	}
	if end < 0 {
		return false
	}
	s.addTok(st, end, Location, prShape)
	return true
}

// agencyAcronyms name agencies by the place they serve ("VNA of Cape
// Cod").
var agencyAcronyms = map[string]bool{"vna": true, "vns": true, "ymca": true, "ywca": true, "hha": true}
