package deid

// A hospital of the lists said with "the" after a preposition of place,
// where the main pass wants a word of care near or refuses capitals: "from
// the QEII on the 24th", "to gynecology at the IWK", "his hip at the
// wesley".

// genericSiteAcronyms name a kind of site, not one: "to the UCC" (urgent
// care), "at the ASC" (ambulatory surgery).
var genericSiteAcronyms = wordsOf("ucc asc uc fqhc cah")

// listedHospitalAfterTheAt: token i is a hospital's head or acronym of the
// gazetteer of three letters or more that is no English word or word of
// the hand lexicon but a name, after "the" and a preposition of place
// ("at", "to", "from", "into"), and the clause goes on or ends after it
// (no noun follows: "at the wesley house" stays); in capitals it has at
// most five letters and the text is not all capitals. A hyphen after it
// (a device: "the jackson-pratt drain") and kinds of site ("the UCC")
// stay. A late rule.
func (s *scan) listedHospitalAfterTheAt(i int) {
	t := &s.toks[i]
	if t.gaz&(gzFacHead|gzFacAcro) == 0 || t.gaz&gzWord != 0 || !t.letters() || t.n() < 3 ||
		t.lex&(lxCommon|lxMedical|lxState|lxStateAbbr|lxCountry|lxCredential|lxUnitWord|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxEponymHead|lxEponymName|lxBrand|lxLookalike) != 0 ||
		s.englishTok(i) || s.tokIn(unitAcronymSet, i) {
		return
	}
	if t.allUpper() && (t.n() > 5 || capsText(s.text)) {
		return
	}
	the := s.sameLinePrev(i)
	if the < 0 || !s.eq(the, "the") || s.toks[i].gap != gapSpace {
		return
	}
	switch s.prevWordAt(i, 2) {
	case "at", "to", "from", "into":
	default:
		return
	}
	if n := s.next(i); n > 0 && s.toks[n].gap == gapNone && s.toks[n].punct('-') {
		return // "from the jackson-pratt drain": a device's name
	}
	if genericSiteAcronyms[s.lower(i)] || !s.clauseGoesOn(i) || s.inOtherSpan(int(t.s)) {
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Location})
}
