package deid

import "strings"

// Facilities said in lower case whose words the other place rules leave:
// a head and the town it is "of" ("the islamic center of des moines",
// "at community hospital of anaconda") and a school named by an everyday
// word ("at fuller middle school").

// ofTownHeads are the heads of a facility named "<head> of <town>".
var ofTownHeads = wordsOf("hospital hospitals center centre clinic clinics college institute academy church mosque temple school society home homes")

// facilityOfTownAt: in lower case, one or two describing words, a facility's
// head, "of" and a town of the lists, after "the" or a preposition of
// place or at a turn's start: "the islamic center of worthington",
// "at community hospital of anaconda". The words are no function words
// or verb forms. A late rule.
func (s *scan) facilityOfTownAt(h int) {
	if h < 0 || !(h+2 < len(s.toks)) {
		return
	}
	// "of" after the head first: it rules out nearly every word.
	of := h + 1
	if s.toks[of].gap != gapSpace || s.toks[of].n() != 2 || !s.eq(of, "of") || !s.toks[h].letters() || s.toks[h].upper() ||
		!ofTownHeads[s.lower(h)] {
		return
	}
	town := s.next(of)
	if town < 0 || s.toks[town].gap != gapSpace || s.toks[town].upper() {
		return
	}
	end := s.townEndAt(town)
	if end < 0 {
		return
	}
	st := -1
	for k, n := s.sameLinePrev(h), 0; k >= 0 && n < 2; k, n = s.sameLinePrev(k), n+1 {
		if !s.describesFacility(k) {
			break
		}
		st = k
	}
	if st < 0 {
		return
	}
	if p := s.sameLinePrev(st); !(p < 0 || s.turnStart(st) || s.toks[p].letters() && (s.eq(p, "the") || s.tokIn(placePrepSet, p) || s.eq(p, "thru"))) {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[end].e), Type: Location})
}

// describesFacility: lower-case word k can describe a facility before its
// head ("islamic", "community", "children's"): no function word, number,
// time or verb form.
func (s *scan) describesFacility(k int) bool {
	t := &s.toks[k]
	w := s.lower(k)
	return t.letters() && !t.upper() && t.n() >= 3 && !s.tokIn(functionWordSet, k) && !s.tokIn(wordMakerSet, k) &&
		t.lex&(lxDigitWord|lxTensWord|lxTeenWord|lxOrdWord|lxMonth|lxWeekday|lxTimeWord|lxRelation|lxTitle|lxTitleClin) == 0 &&
		!strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "est") &&
		!aheadStops[w] && !facilityKinds[w]
}

// facilityKinds say what kind a facility is, not which: "the nearest
// hospital of", "at a public middle school".
var facilityKinds = wordsOf("only main other same new old big small little local nearby public private charter catholic christian " +
	"junior senior boarding alternative summer night sunday bible grad graduate trade vocational online " +
	"home different good bad whole entire big magnet technical virtual montessori special immersion international area " +
	"district neighborhood neighbourhood performing arts")

// schoolNamedByWordAt: a school's name that is an everyday word before
// "middle school", "high school", "elementary school" after a preposition
// of place ("she is at fuller middle school", "goes to the sunset high
// school"), where lowerFacilityAt wants a name of the lists. A late rule.
func (s *scan) schoolNamedByWordAt(i int) {
	if !s.eq(i, "school") || s.toks[i].upper() {
		return
	}
	lv := s.sameLinePrev(i)
	if lv < 0 || !schoolLevels[s.lower(lv)] || s.toks[i].gap != gapSpace {
		return
	}
	k := s.sameLinePrev(lv)
	if k < 0 || s.toks[lv].gap != gapSpace || !s.describesFacility(k) {
		return
	}
	p := s.sameLinePrev(k)
	if p >= 0 && s.eq(p, "the") {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() || !s.tokIn(placePrepSet, p) || s.eq(p, "of") {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[i].e), Type: Location})
}

var schoolLevels = wordsOf("middle high elementary primary grammar secondary intermediate")

// townEndAt: a town of the gazetteer or the lists opens at k, of two
// words or more, or of one that is no English word ("the cancer center of
// hope" is none); it returns the town's last token, or -1.
func (s *scan) townEndAt(k int) int {
	if e, f := s.gazPhraseAt(k, lxCity|lxTown); e > k && f&(lxCity|lxTown) != 0 {
		return e
	}
	t := &s.toks[k]
	if t.letters() && (t.gaz&(gzCity|gzTown) != 0 || t.lex&lxCity != 0) && t.lex&(lxState|lxCountry|lxCommon|lxMedical) == 0 &&
		t.gaz&gzWord == 0 && !s.englishTok(k) {
		return k
	}
	return -1
}

// groupFacilityAt: a hospital named for whom it serves, with its name before
// it: "Prentice Women's Hospital", "Brigham and Women's Hospital", "Akron
// Children's Hospital". The name is a word of the name or place lists or
// on none, or a place of the gazetteer reaching the group's word. A late
// rule: facilityAt counts the possessive's marks as words and stops.
func (s *scan) groupFacilityAt(i int) {
	if i < 4 || !(i < len(s.toks)) {
		return
	}
	t := &s.toks[i]
	if !t.capWord() || t.allUpper() || t.lex&lxFacility == 0 || !s.eq(i-1, "s") || !s.toks[i-2].punct('\'') ||
		s.toks[i-1].gap != gapNone || s.toks[i-2].gap != gapNone || !s.toks[i-3].capWord() || !servedGroups[s.lower(i-3)] ||
		t.gap != gapSpace {
		return
	}
	g := i - 3
	st := -1
	for k := g - 1; k >= 0 && k >= g-3; k-- {
		if s.toks[k].gaz&gzPhraseHead != 0 {
			if e, f := s.gazPhraseAt(k, lxCity|lxTown|lxFacHead|lxPhraseHead); e >= g && f != 0 {
				st = k // "Brigham and Women's"
				break
			}
		}
	}
	if p := g - 1; st < 0 && p >= 0 && s.toks[g].gap == gapSpace && s.toks[p].capWord() && !s.toks[p].allUpper() &&
		s.toks[p].lex&(lxTitle|lxTitleClin|lxMonth|lxWeekday|lxState|lxCountry|lxCredential) == 0 &&
		(s.toks[p].lex&(lxSur|lxFirst|lxCity) != 0 || s.toks[p].gaz&(gzCity|gzTown|gzSur|gzFirst|gzFacHead) != 0 || !s.englishTok(p)) {
		st = p
	}
	if st < 0 {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[s.facilityWordsAfter(i)].e), Type: Location})
}

// servedGroups name whom a hospital serves.
var servedGroups = wordsOf("women children men kids")

// stateDenominationHospitalAt: a hospital named by its state and its
// church, after a preposition of place: "at Illinois Masonic", "to the
// Missouri Baptist rehab gym", "at iowa methodist". A person's faith ("a
// Missouri Synod Lutheran") has no preposition of place before it. A late
// rule.
func (s *scan) stateDenominationHospitalAt(i int) {
	if i < 1 || !(i < len(s.toks)) {
		return
	}
	if s.toks[i].n() < 7 || s.toks[i].gap != gapSpace || !s.toks[i-1].is(lxState) || !s.toks[i].letters() ||
		!hospitalDenominations[s.lower(i)] {
		return
	}
	st := s.sameLinePrev(i)
	if st < 0 || !s.toks[st].letters() || !s.toks[st].is(lxState) || s.toks[st].upper() != s.toks[i].upper() {
		return
	}
	p := s.sameLinePrev(st)
	if p >= 0 && s.eq(p, "the") {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !(s.eq(p, "at") || s.eq(p, "to") || s.eq(p, "from")) {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[s.facilityWordsAfter(i)].e), Type: Location})
}

// hospitalDenominations name hospitals after a state ("Texas
// Presbyterian", "Illinois Masonic").
var hospitalDenominations = wordsOf("baptist methodist presbyterian lutheran masonic adventist episcopal")

// numberedSchoolAt: a New York school named by its kind and number after a
// preposition of place: "at ps 214", "to P.S. 89", "from IS 318". A late
// rule.
func (s *scan) numberedSchoolAt(i int) {
	if i < 1 || !(i+1 < len(s.toks)) {
		return
	}
	if n := s.toks[i].n(); n > 3 || !s.toks[i].letters() || !(s.toks[i+1].digits() || s.toks[i+1].punct('.')) ||
		!numberedSchoolKinds[s.lower(i)] {
		return
	}
	n := i + 1
	if s.toks[n].punct('.') && s.toks[n].gap == gapNone && n+3 < len(s.toks) && s.toks[n+1].letters() && s.toks[n+1].n() == 1 &&
		s.toks[n+1].gap == gapNone && s.toks[n+2].punct('.') && s.toks[n+2].gap == gapNone && s.eq(i, "p") && s.eq(n+1, "s") {
		n += 3 // "P.S. 89"
	} else if s.toks[i].n() != 2 || s.eq(i, "p") {
		return
	}
	if n >= len(s.toks) || !s.toks[n].digits() || s.toks[n].n() > 3 || s.toks[n].gap != gapSpace {
		return
	}
	// A performance status, a pain score ("at PS 1", "at ps 5 on the
	// pain scale") or a dose ("MS 15 mg") is no school.
	if v, _ := s.num(n); v < 6 || n+1 < len(s.toks) && s.toks[n+1].gap == gapSpace && s.toks[n+1].is(lxUnit|lxUnitWord) && !s.inPreposition(n+1) {
		return
	}
	p := s.sameLinePrev(i)
	if p >= 0 && s.eq(p, "the") {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !(s.eq(p, "at") || s.eq(p, "to") || s.eq(p, "from") || s.eq(p, "attends") || s.eq(p, "in")) {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[n].e), Type: Location})
}

// numberedSchoolKinds open a New York school's name before its number.
// "ms" (milliseconds, morphine, sclerosis) and "hs" (at bedtime) are
// left out.
var numberedSchoolKinds = wordsOf("ps is js jhs p")

// facilityTails: a place found that ends in a facility's word goes on over
// the capitalized words that end such names ("Alive Hospice Residence",
// "Sunrise Villa Nursing & Rehab", "Bayview Family Health Team"); a name
// before "Medical Foundation" is a medical group ("Sutter Medical
// Foundation"). A late rule.
func (s *scan) facilityTails(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Location {
			continue
		}
		e := s.tokEndingAt(sp.End)
		if e < 0 || !s.toks[e].capWord() || !(hospitalWords[s.lower(e)] || serviceHeads[s.lower(e)] || tailAfter[s.lower(e)]) {
			continue
		}
		end := e
		for n := 0; n < 2; n++ {
			k := s.next(end)
			if k > 0 && (s.toks[k].punct('&') || s.eq(k, "and") && !s.toks[k].upper()) && s.toks[k].gap == gapSpace {
				k = s.next(k) // "Nursing & Rehab"
			}
			if k < 0 || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() || !facilityTailWords[s.lower(k)] {
				break
			}
			end = k
		}
		if end > e {
			s.late = append(s.late, Span{Start: sp.Start, End: int(s.toks[end].e), Type: Location})
		}
	}
}

// medicalFoundationAt: a name before "Medical Foundation" at i is a
// medical group ("Sutter Medical Foundation"). A late rule.
func (s *scan) medicalFoundationAt(i int) {
	if i < 1 || i+1 >= len(s.toks) || !s.eq(i, "medical") || !s.eq(i+1, "foundation") || !s.toks[i].capWord() || !s.toks[i+1].capWord() ||
		s.toks[i+1].gap != gapSpace {
		return
	}
	p := i - 1
	if !s.toks[p].capWord() || s.toks[p].allUpper() || s.toks[i].gap != gapSpace || s.toks[p].lex&(lxCommon|lxMedical|lxTitle|lxTitleClin) != 0 {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[p].s), End: int(s.toks[i+1].e), Type: Location})
}

// lateTokenRules runs the late rules that each look at one token, in one
// walk over the tokens, each behind the test that rules out most tokens
// for it: a walk per rule cost about 8M instructions per pass over dev.
func (s *scan) lateTokenRules() {
	for i := range s.toks {
		t := &s.toks[i]
		if i == 0 || t.gap == gapLine {
			s.wordNameTagsAt(i)
			s.numberedLastFirstAt(i)
			s.signoffNameAt(i)
			s.addressLineTownAt(i)
		}
		if !t.letters() {
			continue
		}
		if t.lex&(lxDigitWord|lxTeenWord|lxTensWord) != 0 {
			s.cardinalDayMonthAt(i)
		}
		if t.n() == 4 && !t.upper() {
			s.nameIsRunAt(i)
		}
		if i+1 < len(s.toks) && s.toks[i+1].punct(',') {
			s.appositiveNameAt(i)
		}
		if n := t.n(); (n == 1 || n == 2) && !t.upper() {
			s.imIntroAt(i)
		}
		if n := t.n(); (n == 2 || n == 3) && t.allUpper() {
			s.initialsStampAt(i)
		}
		if t.n() == 2 && t.upper() {
			s.sisterTitleAt(i)
		}
		if t.n() <= 4 && t.upper() {
			s.titleInitialsAt(i)
			s.labelledNumberAt(i)
		}
		if t.n() == 6 && t.upper() {
			s.labelledNumberAt(i)
		}
		switch n := t.n(); {
		case n <= 3:
			s.numberedSchoolAt(i)
			if n == 3 && s.eq(i, "the") {
				s.namedSiteAt(i)
			}
		case n == 6:
			s.schoolNamedByWordAt(i)
		case n == 7 && t.upper():
			s.medicalFoundationAt(i)
		}
		if i+1 < len(s.toks) && s.toks[i+1].n() == 2 {
			s.facilityOfTownAt(i)
			s.careOrgOfAt(i)
		}
		if n := t.n(); n == 6 || n == 8 {
			s.lowerNamedFacilityAt(i)
		}
		if n := t.n(); n == 2 {
			s.livesInPlaceAt(i)
			s.senorAbbrevAt(i)
		} else if n >= 5 && n <= 9 {
			s.streetKindFirstAt(i)
		} else if n >= 3 && n <= 5 && t.allUpper() {
			s.namedBeforeCareKindAt(i)
		}
		if t.capWord() && t.lex&lxFacility != 0 {
			s.groupFacilityAt(i)
		}
		if t.n() >= 7 && i > 0 && s.toks[i-1].is(lxState) {
			s.stateDenominationHospitalAt(i)
		}
		if t.gaz&(gzFacHead|gzFacAcro) != 0 {
			s.listedHospitalAfterTheAt(i)
		}
		if i > 1 && t.lex&^(lxFirst|lxSur|lxFirstAmb|lxSurAmb) == 0 && !t.upper() {
			s.roleSlotNameAt(i)
		}
		if i > 2 && s.toks[i-1].n() == 3 {
			s.inLawNameAt(i)
		}
		if i > 1 && s.toks[i-1].lex&lxRelation != 0 {
			s.relationNameAndIAt(i)
		}
		if i > 0 && !t.upper() && s.toks[i-1].n() >= 2 && s.toks[i-1].n() <= 9 {
			s.turnVocativeAt(i)
		}
	}
}

// tailAfter are the last words of a place found that a tail may follow
// besides the facility words ("Alive Hospice", "Villa Nursing", "Family
// Health").
var tailAfter = wordsOf("hospice nursing health care villa manor")

// facilityTailWords end a facility's name after its facility word.
var facilityTailWords = wordsOf("residence rehab rehabilitation team campus pavilion annex")

// addressLineTownAt: a line of an address that holds only a district and its
// town ("Meanwood, Leeds", "Brixton, London"), the town on the lists, the
// district a capitalized word on no list of names, titles or English
// words ("Walsh, Leeds" may be a person and a place). A late rule.
func (s *scan) addressLineTownAt(i int) {
	if i < 0 || !(i+2 < len(s.toks)) {
		return
	}
	if !(i == 0 || s.toks[i].gap == gapLine) || !s.toks[i].capWord() || s.toks[i].allUpper() {
		return
	}
	a := i
	for a+1 < len(s.toks) && a < i+2 && s.toks[a+1].gap == gapSpace && s.toks[a+1].capWord() && !s.toks[a+1].allUpper() {
		a++
	}
	c := a + 1
	if c+1 >= len(s.toks) || !s.toks[c].punct(',') || s.toks[c].gap != gapNone || s.toks[c+1].gap != gapSpace {
		return
	}
	b := s.townEndAt(c + 1)
	if b < 0 || !s.toks[c+1].capWord() || b+1 < len(s.toks) && s.toks[b+1].gap != gapLine {
		return
	}
	named := true
	for k := i; k <= a; k++ {
		t := &s.toks[k]
		if t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb|lxTitle|lxTitleClin|lxCommon|lxMedical|lxMonth|lxWeekday|lxState|lxCountry) != 0 ||
			t.gaz&(gzFirst|gzSur|gzFirstAmb|gzSurAmb) != 0 || s.englishTok(k) {
			named = false
			break
		}
	}
	if !named {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[a].e), Type: Location},
		Span{Start: int(s.toks[c+1].s), End: int(s.toks[b].e), Type: Location})
}

// careOrgHeads open the name of an agency, a hospital or an order's
// clinic that is "of" a place: "Hospice of the Kennebec", "Hospice of
// Western Montana", "Daughters of Charity Carrollton".
var careOrgHeads = wordsOf("hospice hospital sisters daughters")

// careOrgOfAt: a care organization's head, "of", "the" perhaps, and the
// words of its name, one of them a place of the lists or a word of no
// English: capitalized after a capitalized head ("Hospice of Western
// Montana"), in lower case words of no English or places only ("from
// hospice of the kennebec called"). A form's label ("Hospital of Birth:")
// and a patient's choice ("hospice of pts choosing") are none. A late
// rule.
func (s *scan) careOrgOfAt(h int) {
	of := h + 1
	if of+1 >= len(s.toks) || s.toks[of].gap != gapSpace || !s.eq(of, "of") || !careOrgHeads[s.lower(h)] {
		return
	}
	capital := s.toks[h].capWord() && !s.toks[h].allUpper()
	k := s.next(of)
	if k > 0 && s.eq(k, "the") {
		k = s.next(k)
	}
	end, named := -1, false
	for n := 0; k > 0 && n < 4 && s.toks[k].letters() && s.toks[k].gap == gapSpace; n++ {
		t := &s.toks[k]
		if capital != t.capWord() || t.allUpper() || t.is(lxTitle|lxTitleClin|lxMonth|lxWeekday) || s.tokIn(functionWordSet, k) {
			break
		}
		place := t.lex&(lxCity|lxState) != 0 || t.gaz&(gzCity|gzTown) != 0
		foreign := t.n() >= 4 && !s.dictionaryWord(k) && t.lex&(lxMedical|lxCommon) == 0 && !clinicalWordLooking(s.lower(k))
		if !capital && !place && !foreign {
			break // "hospice of the kennebec called": the name ends at an English word
		}
		named = named || place || foreign
		end = k
		k = s.next(k)
	}
	if end < 0 || !named || k > 0 && s.toks[k].punct(':') {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[h].s), End: int(s.toks[end].e), Type: Location})
}

// townAfterFacility adds, as late spans, the town or campus a facility
// found is followed by after a comma, capitalized words ending the line
// or before "campus", a comma or a slash ("Oregon State Hospital, Salem
// campus", "Lagos University Teaching Hospital, Idi-Araba"); a state, a
// country, a department's words and an English word alone stay.
func (s *scan) townAfterFacility(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Location || sp.End+2 >= len(s.text) || s.text[sp.End] != ',' {
			continue
		}
		last := s.tokEndingAt(sp.End)
		if last < 0 || !(hospitalWords[s.lower(last)] || s.toks[last].is(lxFacility)) {
			continue
		}
		k := s.next(last + 1)
		if k < 0 || !s.toks[k].capWord() || s.toks[k].allUpper() || s.toks[k].gap != gapSpace {
			continue
		}
		e, listed, hyphened := -1, false, false
		for j, n := k, 0; j > 0 && n < 3; n++ {
			t := &s.toks[j]
			if t.capWord() && (serviceWords[s.lower(j)] || specialtyWord(s.lower(j)) || hospitalParts[s.lower(j)]) {
				e = -1 // "Mother-Baby Unit", "Cardiology Clinic": a part of the hospital
				break
			}
			if !t.capWord() || t.allUpper() || t.is(lxState|lxCountry|lxTitle|lxTitleClin|lxMonth|lxWeekday) {
				break
			}
			listed = listed || t.gaz&(gzCity|gzTown) != 0 || t.lex&lxCity != 0
			e = j
			// "Idi-Araba": a hyphen joins a town's words of no English.
			if h := s.next(j); h > 0 && s.toks[h].punct('-') && s.toks[h].gap == gapNone && h+1 < len(s.toks) && s.toks[h+1].gap == gapNone && s.toks[h+1].capWord() {
				hyphened = hyphened || !s.dictionaryWord(j) && !s.dictionaryWord(h+1)
				j = h + 1
				e = j
			}
			j = s.next(j)
		}
		if e < 0 {
			continue
		}
		// A town of the lists, a campus, or a hyphenated town of no
		// English; a drug's brand, an insurer or a language after the
		// comma ("Riverside Hospital, Xarelto", "Kindred Hospital,
		// Medicaid") is none.
		n := s.next(e)
		campus := n > 0 && s.eq(n, "campus")
		if !listed && !campus && !hyphened {
			continue
		}
		if n > 0 && !s.toks[n].punct(',') && !s.toks[n].punct('/') && !campus && !s.toks[n].punct(';') {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[e].e), Type: Location})
	}
}

// hospitalParts name a part of a hospital, not its town.
var hospitalParts = wordsOf("unit ward wing floor department dept service clinic tower pavilion building annex suite")

// lowerFacilityHeads end a facility's name said in lower case; "center"
// and "centre" only after a word of care.
var lowerFacilityHeads = wordsOf("hospital center centre")

// careBeforeCenter say what a center does: "medical center", "cancer
// center".
var careBeforeCenter = wordsOf("medical health cancer heart surgery surgical rehabilitation nursing wellness dialysis treatment trauma regional")

// kindOfHospitalWords describe a kind of hospital, not which:
// "transferred to psych hospital", "at outside hospital".
var kindOfHospitalWords = wordsOf("psych psychiatric mental rehab behavioral outside teaching receiving sending referring")

// lowerNamedFacilityAt: a facility named in lower case with no article,
// after a preposition of place: "a nurse at community medical center",
// "with northern navajo medical center", "at children's hospital". A
// facility after "the" or "a" may be any ("the hospital", "a cancer
// center") and is left. A late rule.
func (s *scan) lowerNamedFacilityAt(h int) {
	if s.toks[h].upper() || !lowerFacilityHeads[s.lower(h)] {
		return
	}
	k := s.sameLinePrev(h)
	if k < 0 {
		return
	}
	if !s.eq(h, "hospital") {
		if !s.toks[k].letters() || s.toks[k].upper() || !careBeforeCenter[s.lower(k)] {
			return
		}
		k = s.sameLinePrev(k)
	}
	st, named := -1, false
	for n := 0; k >= 0 && n < 3 && s.describesFacility(k) && !kindOfHospitalWords[s.lower(k)] && !careBeforeCenter[s.lower(k)]; n++ {
		named = named || s.namingWord(k)
		st = k
		k = s.sameLinePrev(k)
	}
	// A word of a place, a person or no English names it ("at northern
	// navajo medical center", "at st joseph hospital"); words of a kind
	// ("to tertiary hospital", "at community health center") do not.
	if st < 0 || !named || k < 0 || !s.toks[k].letters() || s.toks[k].upper() {
		return
	}
	switch s.lower(k) {
	case "at", "to", "from", "into", "near":
	default:
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[h].e), Type: Location})
	s.decided = append(s.decided, [2]int{int(s.toks[st].s), int(s.toks[h].e)})
}

// wordNameTagsAt: token i opens a line as a speaker's tag, its word a
// given name or a surname of the lists that is also a word ("Hunter:",
// "Harding:", "Grace:"), the same tag opening two lines or more where
// another speaker's tag is a role ("Doctor:", "Nurse:"): the speaker's
// name, which the tag rule of the main pass leaves for its commonness. A
// surname that reads as a role ("Farmer:", "Runner:") and a role's word
// stay. A late rule.
func (s *scan) wordNameTagsAt(i int) {
	if i+1 >= len(s.toks) || !s.toks[i+1].punct(':') || s.toks[i+1].gap != gapNone {
		return
	}
	t := &s.toks[i]
	given := t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0
	// A given name that is an eponym or a clinical word is a person's too
	// ("Tanner:", "Hunter:").
	if !t.capWord() || t.allUpper() || t.is(lxTitle|lxTitleClin|lxRelation|lxMonth|lxWeekday) || t.is(lxMedical) && !given || s.anyKnown(i, i) {
		return
	}
	w := s.lower(i)
	surname := t.lex&(lxSur|lxSurAmb) != 0 || t.gaz&gzSur != 0
	if !given && !(surname && !roleLooking(w)) || personRoles[w] || moreRoles[w] || formLabels[w] {
		return
	}
	// The tags the main pass counted (speakerTags): this one's, and a
	// role's among the others.
	role := false
	for tag := range s.tagCount {
		if f, _ := lookupString(tag); personRoles[tag] || f&lxTitleClin != 0 || tag == "patient" || tag == "pt" {
			role = true
			break
		}
	}
	same := s.tagCount[w]
	if same >= 2 && role {
		s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
	}
}

// careKindAcronyms say what kind of place of care a name before them is:
// "Birchwood Terrace SNF", "Maple Court ALF".
var careKindAcronyms = wordsOf("snf alf ltc ltac ltach irf tcu sar")

// namedBeforeCareKindAt: token i is a kind of care place in capitals after
// the capitalized words of its name, one of them a word of no English or
// of the lists of places and names ("Birchwood Terrace SNF"); the kind
// stays outside, as "the" does. "Skilled Nursing SNF" names none. A late
// rule.
func (s *scan) namedBeforeCareKindAt(i int) {
	if !s.toks[i].allUpper() || !careKindAcronyms[s.lower(i)] {
		return
	}
	st, named := -1, false
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 3 && s.toks[k].capWord() && !s.toks[k].allUpper() &&
		!s.toks[k].is(lxTitle|lxTitleClin|lxMonth|lxWeekday|lxState|lxCountry); k, n = s.sameLinePrev(k), n+1 {
		named = named || s.namingWord(k)
		st = k
	}
	if st < 0 || !named {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[s.sameLinePrev(i)].e), Type: Location})
}

// namingWord: token k can name a place of care: a word of the lists of
// places or persons, or one of no English that is no clinical or common
// word ("northern navajo", "Birchwood").
func (s *scan) namingWord(k int) bool {
	t := &s.toks[k]
	return t.lex&(lxCity|lxFirst|lxSur) != 0 || t.gaz&(gzCity|gzTown|gzFirst|gzSur) != 0 || !s.dictionaryWord(k) && t.lex&(lxMedical|lxCommon) == 0
}
