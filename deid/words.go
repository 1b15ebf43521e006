package deid

import "strings"

// wordAt runs the matchers that start at a word of letters.
func (s *scan) wordAt(i int) {
	t := &s.toks[i]
	f := t.lex
	// The token's case and length, read once: the tokens do not change
	// during a scan, and the rules below ask them dozens of times.
	up, allUp, tn := t.upper(), t.allUpper(), t.n()
	lw := s.lower(i) // compared with words below, as s.eq(i, w) would
	// Every comparison of lw with a word, and every rule that starts only
	// at given words, is asked only for a word of wordAtWords (sp).
	sp := s.tokIn(wordAtWords, i)
	// Most words of a text are lower-case words on a list that starts no
	// rule below (the rules for lower-case words ask for no such list
	// word): they are done here, rather than after every test below. The
	// one rule that a word's neighbour starts, a relative named right after
	// a relation word (ownedRelativeName), is left to run.
	// Addresses read out (spokenaddress.go), at a unit word or "box",
	// before the lower-case fast path below.
	if !up && f&lxUnit != 0 && s.spokenStreetBeforeUnit(i) {
		return
	}
	if f&lxUnit != 0 && s.homeUnit(i) {
		return
	}
	if !up && f&lxUnit != 0 && s.spokenFlatAt(i) {
		return // "yes, apartment four b."
	}
	if !up && tn == 2 && i > 0 && shortSurnames[lw] && s.shortSurnameAfterTitle(i) {
		return
	}
	if up && !allUp && streetTypesFirst[lw] && s.streetTypeThenNumber(i) {
		return
	}
	if allUp && (tn == 2 || tn == 3) && i > 0 && s.roleInitials(i) {
		return
	}
	if up && !allUp && (tn == 8 && lw == "children" || tn == 6 && (lw == "health" || lw == "system") || tn == 10 && (lw == "healthcare" || lw == "permanente")) &&
		s.capSystemName(i) {
		return
	}
	if up && !allUp && tn == 7 && lw == "surgery" && i > 0 && s.gpSurgery(i) {
		return
	}
	if i > 1 && tn >= 7 && articleQuarters[lw] && s.articleQuarter(i) {
		return
	}
	if !up && i > 1 && (s.eq(i-1, "named") || s.eq(i-1, "called")) && (s.namedPerson(i) || s.namedPlace(i)) {
		return
	}
	if !up && i > 1 && (s.eq(i-1, "me") || s.eq(i-1, "her") || s.eq(i-1, "him") || s.eq(i-1, "by") || s.eq(i-1, "as")) &&
		s.callMeBefore(i) && s.nameStated(i) {
		return // "call me june", "she goes by hope"
	}
	if tn == 8 && lw == "broadway" && i > 0 {
		// "on east broadway", "off West Broadway": a street, whatever
		// stands before the side of town.
		if p := s.sameLinePrev(i); p >= 0 && s.toks[p].letters() && sideDirections[s.lower(p)] && s.toks[i].gap == gapSpace {
			s.addTok(p, i, Location, prCue)
			return
		}
	}
	if up && !allUp && tn == 6 && lw == "little" && s.littleQuarter(i) {
		return
	}
	if tn == 1 && i+3 < len(s.toks) && s.toks[i+1].punct('.') && s.dottedCityNick(i) {
		return
	}
	if !up && tn == 3 && lw == "box" && s.spokenPOBox(i) {
		return
	}
	if !up && tn == 7 && lw == "address" && s.spokenAddressAfterCue(i) {
		return
	}
	if !up && (tn == 4 && lw == "ends" || tn == 6 && lw == "ending") && s.endsInDigits(i) {
		return
	}
	if sp && !up && neighbourhoodHeads[lw] && s.neighbourhoodBefore(i) {
		return
	}
	// Dates said in Spanish, as interpreters and patients say them
	// ("treinta de julio", "julio treinta cincuenta y ocho", "in
	// diciembre", "the fifteenth of agosto"), before the fast path: "once"
	// and "dos" are words of no rule below.
	if !up && tn >= 3 && s.tokIn(spanishDateSet, i) && s.spokenSpanishDate(i) {
		return
	}
	if !up && s.tokIn(schoolHeadsSet, i) && s.lowerSchoolName(i) {
		return // "at red lake middle school", "happy acorns preschool"
	}
	// Before the fast path: "civic" and "mater" are words of no rule below.
	if tn >= 5 && tn <= 9 && i > 2 && (s.eq(i-1, "the") || s.eq(i-2, "the")) && genericHospitals[lw] && s.theGenericHospital(i) {
		return
	}
	if tn >= 3 && tn <= 8 && royalHeads[lw] && s.royalHospital(i) {
		return
	}
	if up && tn >= 5 && healthBodyHeads[lw] && i > 2 && s.healthBodyAt(i) {
		return
	}
	if f&wordAtLowerFlags == 0 && f != 0 && !sp && !up && t.gaz == 0 && tn > 1 &&
		!(i > 1 && s.toks[i-1].lex&lxRelation != 0) {
		return
	}
	if f&(lxMonth|lxMonthAbbr) != 0 && up && s.partOfMonthBefore(i) {
		return // "next appt mid-Jan": the month, not the given name Jan
	}
	if f&(lxMonth|lxMonthAbbr) != 0 && i > 0 && s.partOfMonthWordBefore(i) {
		return // "seen early Feb", "it was early feb i think"
	}
	if sp && (tn == 6 && lw == "corner" || tn == 12 && lw == "intersection") && s.cornerOf(i) {
		return // "the corner of 5th and Main": two streets
	}
	if sp && tn == 8 && lw == "nineties" && s.decadeAge(i) {
		return // "in her late nineties": an age over 89
	}
	if up && !allUp && tn >= 5 && lw[tn-1] == 's' && i > 0 && s.familyPlural(i) {
		return // "with the Hendersons"
	}
	if sp && tn == 1 && lw == "m" && i >= 2 && s.toks[i-1].punct('\'') && s.eq(i-2, "i") && t.gap == gapNone {
		s.imName(i)
		return
	}
	if sp && tn == 3 && lw == "dot" {
		s.spokenWebAt(i) // "name at example dot org"
	}
	if sp && tn == 2 && lw == "at" {
		s.spokenMailAt(i) // "ritaflores at hotmail"
	}
	if f&lxState != 0 && s.stateFacility(i) {
		return // "seen at ohio state", "michigan medicine"
	}
	if t.gaz != 0 || t.lex&(lxCity|lxCityNick) != 0 {
		// Places and hospitals from the gazetteer and the city lists
		// (gazplaces.go).
		if (t.gaz&gazPlaceFlags != 0 || t.lex&lxCity != 0) && !s.lowerCityState(i) {
			s.gazPlaceAt(i)
		}
		if t.gaz&gzFacWord != 0 && !s.denominationCampus(i) {
			s.lowerFacilityAt(i)
		}
		if t.gaz&gzCityNick != 0 || t.lex&lxCityNick != 0 {
			s.cityNickAt(i)
		}
		if !up && t.gaz&gzFacAcro != 0 && tn >= 3 && tn <= 6 {
			s.lowerAcronymPlace(i)
		}
	}
	if !up && f == 0 && t.gaz&^gzFacAcro == 0 && tn >= 3 && tn <= 5 && s.answerAcronymAt(i) {
		return
	}
	if !up && f == 0 && t.gaz == 0 && tn >= 4 && s.unlistedPlaceAnswer(i) {
		return
	}

	if !up && t.gaz&(gzFacHead|gzPhraseHead) != 0 && i > 1 && s.facHeadInTown(i) {
		return
	}
	if t.gaz != 0 && i > 1 && s.placeAfterCloser(i) {
		return
	}
	if up && i > 2 && s.placeAfterFromTo(i) {
		return
	}
	if (up && !allUp || t.gaz&gzFacHead != 0) && tn >= 4 && i > 1 && s.theNameInTown(i) {
		return
	}
	if allUp && tn >= 2 && tn <= 5 && s.acronymCampus(i) {
		return
	}
	if allUp && tn >= 2 && tn <= 6 && t.lex&(lxMedical|lxCommon|lxStateAbbr|lxCredential|lxUnitWord) == 0 {
		s.acronymPlaceAt(i)
		if tn <= 4 {
			s.signedInitials(i)
		}
	}
	if (i == 0 || t.gap == gapLine) && up && s.tokIn(fieldPlaceLabelSet, i) && s.placeLabel(i) {
		return
	}
	if !up && f&lxParticle != 0 && i > 0 && s.titledParticleName(i) {
		return
	}
	if !up && f&lxCityAmb != 0 && i > 1 && s.cityAddressed(i) {
		return
	}
	if !up && i > 1 && s.toks[i-1].lex&lxRelation != 0 && s.relativeFullName(i) {
		return
	}
	if !up && f&lxCity != 0 && f&^(lxCity|lxCityAmb|lxPhraseHead) == 0 && tn >= 3 && i > 1 && s.toks[i-1].lex&lxRelation != 0 &&
		s.relativeNamedLikeTown(i) {
		return
	}
	if !up && (t.gaz&(gzFirst|gzSur) != 0 || f == 0) && tn >= 3 && i > 0 && s.lowerContextName(i) {
		return
	}
	if !up && (f&^nameListFlags == 0 && (f != 0 || t.gaz&gzFirst != 0) || f&(lxFirst|lxFirstAmb) != 0 && f&^(nameListFlags|lxCity|lxCityAmb) == 0) &&
		tn >= 3 && s.lowerVocativeName(i) {
		return
	}
	if !up && f == 0 && t.gaz == 0 && tn >= 4 && i > 0 && s.unlistedGreeted(i) {
		return
	}
	if !up && tn >= 2 && tn <= 4 && s.typistInitials(i) {
		return
	}
	if up && !allUp && tn >= 2 && i+3 < len(s.toks) && s.toks[i+1].punct('(') && s.relationInParens(i) {
		return
	}
	if up && !allUp && f == 0 && t.gaz == 0 && tn >= 3 && s.capsUnlistedPerson(i) {
		return
	}
	if up && !allUp && f&(lxFirst|lxFirstAmb) != 0 && f&(lxCommon|lxFirstAmb) != 0 && tn >= 3 && s.capsWordNameInPersonSlot(i) {
		return
	}
	if !up && i > 1 && (f&(lxFirst|lxFirstAmb) != 0 || t.gaz&gzFirst != 0) && s.causativeName(i) {
		return
	}
	if !up && i > 1 && (s.toks[i-1].lex&lxRelation != 0 || i > 2 && s.toks[i-1].punct(',') && s.relationStartBefore(i-1) >= 0) && s.ownedRelativeName(i) {
		return
	}
	if !up && tn >= 3 && i > 1 && (t.gap == gapLine || s.toks[i-1].punct(':') || s.toks[i-1].punct(']')) && s.personAnswer(i) {
		return
	}
	if i > 2 && s.toks[i-1].letters() && s.eq(i-1, "at") && s.schoolAfterGrade(i) {
		return
	}
	if !up && i > 4 && s.toks[i-1].punct(',') && (f&lxFirst != 0 || t.gaz&gzFirst != 0) && s.relativeAppositive(i) {
		return
	}
	if !up && i > 3 && s.toks[i-1].punct(',') && s.roleAppositive(i) {
		return
	}
	if !up && i > 1 && (t.gaz&gzCity != 0 || f&lxCity != 0) && s.lowerSystemCampus(i) {
		return
	}
	if i > 2 && (t.gaz&(gzCity|gzTown) != 0 || f&lxCity != 0) && s.toks[i-1].kind == tkWord && s.siteOfTown(i) {
		return
	}
	// The organization a call names; the word's other rules still run
	// ("this" opens "this is Lee").
	if sp && (lw == "calling" || lw == "reached" || lw == "from") && !up {
		s.calledOrg(i)
		// "... calling for maribel ostrowski about the prescription": the
		// person the call is about.
		if f := s.next(i); lw == "calling" && f > 0 && s.eq(f, "for") {
			if n := s.next(f); n > 0 && s.toks[n].letters() && !s.englishTok(n) && !s.pluralOfWord(n) && !s.englishLooking(n) &&
				(s.toks[n].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[n].gaz&gzFirst != 0 || s.toks[n].lex == 0 && s.toks[n].gaz == 0) {
				s.reminderAddressee(f) // not "calling for backup", "calling for directions"
			}
		}
	}
	if sp && lw == "this" && !up {
		s.answeredFor(i)
	}
	if sp && (lw == "noventa" || lw == "cien" || lw == "ciento") && s.spanishAgeOver89(i) {
		return
	}
	if sp && lw == "university" && s.universityOfPlace(i) {
		return
	}
	if sp && lw == "by" && !up && s.spatialBy(i) {
		return
	}
	if sp && tn <= 4 && campusSystems[lw] && s.campusAt(i) {
		return
	}
	if sp && tn == 2 && lw == "of" && !up && s.directionOfPlace(i) {
		return
	}
	if sp && up && !allUp && placeKindsOf[lw] && s.placeKindOf(i) {
		return
	}
	if sp && (lw == "fort" || lw == "lake" || lw == "mount" || lw == "port") && !up && s.leadWordPlace(i) {
		return
	}
	if !up && tn >= 4 && i > 1 && s.streetAfterMotion(i) {
		return
	}
	if sp && !up && lowerFeatureTails[lw] && s.lowerFeatureTail(i) {
		return
	}
	if sp && (lw == "in" || lw == "from") && !up {
		s.inUnknownPlace(i)
	}
	if up && i+2 < len(s.toks) && s.toks[i+1].punct('#') && s.storeWithNumber(i) {
		return
	}
	if sp && (tn == 4 && lw == "side" || tn == 3 && lw == "end" || tn == 7 && lw == "village") && s.sideOfTown(i) {
		return
	}
	if sp && tn == 4 && lw == "area" && !up && s.metroArea(i) {
		return
	}
	if sp && tn == 4 && lw == "name" && s.nameIsIntro(i) {
		return
	}
	if sp && tn == 4 && lw == "user" && s.userAfter(i) {
		return
	}
	if sp && (tn == 2 && lw == "mi" || tn == 7 && lw == "initial") && s.middleInitialLabel(i) {
		return
	}
	if sp && tn == 8 && lw == "initials" {
		s.initialsLabel(i)
	}
	if sp && (lw == "rm" || lw == "room" || lw == "bed") && s.lineStart(i) && s.roomListName(i) {
		return
	}
	if sp && (lw == "and" || lw == "&") && !up && s.nameAfterAnd(i) {
		return
	}
	if !up && f == 0 && i > 0 && s.toks[i-1].punct('-') && s.lowerSignature(i) {
		return
	}
	if tn == 1 && s.apostropheSurname(i) {
		return
	}
	if sp && (lw == "calls" || lw == "call" || lw == "goes" || lw == "go") && (!up || !allUp && s.opensSentence(i)) {
		s.nicknameGiven(i) // "everyone calls me mags", "she goes by birdie"
	}
	if sp && tn >= 9 && (lw == "pronounced" || lw == "pronounce") && s.pronouncedName(i) {
		return
	}
	if !up && tn >= 2 && tn <= 4 && i+2 < len(s.toks) && s.toks[i+1].punct('-') && s.syllableName(i) {
		return
	}
	if tn == 1 && s.spelledName(i) {
		return
	}
	if f&lxTimeWord != 0 && s.seasonOrHoliday(i) {
		return
	}
	if s.tokIn(holidayFirstSet, i) && s.personHoliday(i) {
		return
	}
	if f&lxWeekday != 0 && s.namedWeekday(i) {
		return
	}
	if !up && tn >= 2 && (f&(lxFirst|lxSur) != 0 || (f == 0 || f&(lxCity|lxCityAmb) != 0) && s.afterTitle(i)) && s.lowerName(i) {
		return
	}
	if !up && tn >= 2 && i > 0 && s.toks[i-1].lex&lxRelation != 0 && s.relativeWordName(i) {
		return
	}
	if !allUp && tn >= 3 && (f&(lxFirst|lxFirstAmb|lxSur|lxSurAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb|gzSur|gzSurAmb) != 0 ||
		f == 0 && t.gaz&gzWord == 0 && !up && i > 0) && s.nameInPersonSlot(i) {
		return
	}
	if !up && tn >= 3 && (f&(lxSur|lxSurAmb) != 0 || t.gaz&(gzSur|gzSurAmb) != 0) && s.familyNamed(i) {
		return
	}
	if !up && f&(lxCity|lxPhraseHead) != 0 && s.lowerCity(i) {
		return
	}
	if !up && (tn == 5 || tn == 7 || tn == 10 || tn == 3 || tn == 4) && sp && s.lowerRoute(i) {
		return
	}
	if !up && f&lxStreetSuffix != 0 && s.lowerStreet(i) {
		return
	}
	if sp && lw == "at" && !up {
		s.atPlace(i)
	}
	if sp && !up && (lw == "on" || lw == "off") && s.streetAfterSiteOn(i) {
		return
	}
	if sp && !up && lw == "little" && s.littlePlace(i) {
		return
	}
	if sp && !up && (lw == "saint" || lw == "st") && s.lowerSaintPlace(i) {
		return
	}
	if tn == 1 && s.dashRoute(i) {
		return
	}
	if sp && !up && tn == 8 && lw == "children" && s.lowerChildrens(i) {
		return
	}
	if sp && tn == 3 && s.eq(i, "our") {
		s.ourLadyAt(i)
	}
	if allUp && tn >= 3 && tn <= 5 {
		s.vaSiteAt(i)
	}
	if allUp && tn == 2 && lw == "va" {
		s.namedVAAt(i)
	}
	if f == 0 && !up || f == lxCommon && !up && !(sp && (lw == "the" || lw == "a")) {
		return
	}
	if f&lxCue != 0 && !s.idahoAt(i) && s.cueAt(i) {
		return
	}
	if f&(lxMonth|lxMonthAbbr|lxOrdWord|lxTensWord) != 0 || sp && lw == "the" {
		if s.dateSpan(i) {
			return
		}
	}
	if f&(lxDigitWord|lxTeenWord|lxTensWord) != 0 || sp && lw == "a" && f&lxCommon != 0 {
		if lw != "a" || s.eq(i+1, "hundred") {
			s.spokenNumberWord(i)
		}
	}
	if f&(lxTitle|lxTitleClin) != 0 && s.titleName(i) {
		return
	}
	if f&lxRelation != 0 && s.relationName(i) {
		return
	}
	if f&lxNameIntro != 0 && s.introName(i) {
		return
	}
	if f&lxPlaceCue != 0 {
		s.placeAfter(i)
	}
	if f&lxCredential != 0 {
		s.credentialName(i)
	}
	if !up {
		return
	}
	if (i == 0 || t.gap == gapLine) && t.capWord() && s.addresseeLine(i) {
		return
	}
	if n := i + 1; n < len(s.toks) && s.toks[n].n() == 6 && s.familyName(i) {
		return
	}
	if sp && (lw == "mount" || lw == "mt") && s.mountPlace(i) {
		return
	}
	if tn >= 5 && tn <= 21 && s.prefixFacility(i) {
		return
	}
	if tn >= 3 && tn <= 11 && s.landmarkAt(i) {
		return
	}
	if f&(lxStateAbbr|lxState|lxCountry|lxPhraseHead) != 0 {
		s.cityBeforeState(i)
	}
	if f&(lxCity|lxPhraseHead) != 0 && s.cityAt(i) {
		return
	}
	if f&lxStreetSuffix != 0 && (sp && s.routeAt(i) || s.streetNameAt(i)) {
		return
	}
	// facilityAt starts at a facility word, saintPlace at "saint" or "st",
	// poBoxAt at "box": asked only there.
	if sp && s.countyAt(i) || f&lxFacility != 0 && s.facilityAt(i) || sp && (lw == "saint" || lw == "st") && s.saintPlace(i) || sp && s.routeAt(i) ||
		sp && tn == 8 && lw == "children" && s.childrensAt(i) {
		return
	}
	if sp && lw == "box" && s.poBoxAt(i) {
		return
	}
	if allUp && f&lxCue == 0 {
		s.prefixedCode(i)
	}
	if allUp && tn >= 3 && s.capsLastFirst(i) {
		s.nameChain(i, PatientNames, false)
		s.nameChain(i+2, PatientNames, false)
		return
	}
	if allUp && s.lineStart(i) && s.capsNameBeforeCue(i) {
		return
	}
	if allUp && tn <= 3 && s.signatureInitials(i) {
		return
	}
	if tn == 1 && s.isInitial(i) && (s.initialsOfPerson(i) || s.dottedInitialsName(i)) {
		return
	}
	if f&(lxFirst|lxSur) != 0 {
		s.listName(i)
	}
	if tn == 1 && s.isInitial(i) && !s.abbreviationInitials(i) { // an initial is one letter
		if k := s.next(i + 1); k > 0 && s.toks[k].gap == gapSpace && s.nameish(k, false) && !s.eponymAfter(k) &&
			(s.toks[k].lex&(lxFirstAmb|lxSurAmb) == 0 || s.initialTakesPerson(i)) {
			s.nameChain(k, PatientNames, false)
			return
		}
	}
	if f == 0 {
		s.photoPrefix(i)
		if tn == 1 && s.isInitial(i) && !s.abbreviationInitials(i) {
			if k := s.next(i + 1); k > 0 && s.toks[k].gap == gapSpace && s.nameish(k, false) && s.toks[k].lex&(lxFirstAmb|lxSurAmb) == 0 &&
				!s.eponymAfter(k) {
				s.nameChain(k, PatientNames, false)
			}
			return
		}
		s.unknownPair(i)
	}
}

// wordAtLowerFlags are the lexicon flags that start one of wordAt's
// rules at a lower-case word (not one of wordAtWords, with no gazetteer
// flag, longer than one letter): a word with other flags only is none of
// theirs.
const wordAtLowerFlags = lxCity | lxCityNick | nameListFlags | lxTimeWord | lxPhraseHead | lxStreetSuffix | lxCue | lxMonth |
	lxMonthAbbr | lxOrdWord | lxTensWord | lxDigitWord | lxTeenWord | lxTitle | lxTitleClin | lxRelation | lxNameIntro |
	lxPlaceCue | lxCredential | lxParticle

// notPersonInitials are dotted letters that abbreviate something else
// before a capitalized word ("U.S. Army", "P.O. Box", "A.M. Best").
var notPersonInitials = map[string]bool{"us": true, "uk": true, "po": true, "dc": true, "ny": true, "la": true, "am": true,
	"pm": true, "er": true, "or": true, "iv": true, "bp": true, "st": true, "mt": true, "ft": true, "co": true, "vs": true,
	"eg": true, "ie": true, "nb": true, "ps": true, "rn": true, "md": true, "do": true, "pa": true, "np": true, "ad": true,
	"bc": true, "rip": true, "usa": true, "eu": true, "un": true, "nj": true, "nyc": true, "phd": true, "dds": true}

// familyPlural: a family by its surname in the plural after "the" ("with
// the Hendersons", "at the Okonkwos' house"): the surname is a census
// surname that is no English word, or on no list and not English-looking.
func (s *scan) familyPlural(i int) bool {
	t := &s.toks[i]
	if !s.eq(i-1, "the") || t.gap != gapSpace || t.lex != 0 || t.gaz&gzWord != 0 {
		return false
	}
	if n := s.next(i); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].capWord() {
		return false // "the Johnsons Baby Shampoo": a name's first word
	}
	lw := s.lower(i)
	f, g := lookupString(lw[:len(lw)-1])
	// A word of no list only in the possessive ("the Okonkwos' house"):
	// a band, a range or islands are plurals on no list too ("the Andes").
	possessive := i+1 < len(s.toks) && s.toks[i+1].punct('\'') && s.toks[i+1].gap == gapNone
	if !((f&lxSur != 0 || g&gzSur != 0) && g&gzWord == 0 && f&(lxCommon|lxMedical|lxState|lxCountry) == 0 ||
		f == 0 && g == 0 && possessive && !s.englishLooking(i)) {
		return false
	}
	s.addName(i, i, RelativeNames)
	return true
}

// fiscalPeriod: a fiscal or calendar year or quarter written as a code:
// "FY2024", "FY24", "CY2023", "Q3".
func fiscalPeriod(x string) bool {
	if len(x) == 2 && (x[0] == 'Q' || x[0] == 'q') && x[1] >= '1' && x[1] <= '4' {
		return true
	}
	if len(x) != 4 && len(x) != 6 || !strings.EqualFold(x[:2], "fy") && !strings.EqualFold(x[:2], "cy") {
		return false
	}
	return isDigitsFrom(x[2:])
}

// decadeAge: the decade of a person's age over 89, "in her late
// nineties", "in his 90s", "a man in his mid-nineties": an age Safe Harbor
// removes. i is the decade's word.
func (s *scan) decadeAge(i int) bool {
	st := i
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct('-') && s.toks[p].gap == gapNone {
		p = s.sameLinePrev(p) // "mid-nineties"
	}
	if p >= 0 && (s.eq(p, "early") || s.eq(p, "mid") || s.eq(p, "late")) {
		st, p = p, s.sameLinePrev(p)
	}
	// Not "their": "patients in their nineties" is said of many.
	if p < 1 || !(s.eq(p, "his") || s.eq(p, "her") || s.eq(p, "my") || s.eq(p, "your")) ||
		!s.eq(s.sameLinePrev(p), "in") {
		return false
	}
	s.addTok(st, i, Age, prCue)
	return true
}

// abbreviationInitials: the initial at i ends dotted letters that
// abbreviate something else ("S" of "U.S. Army").
func (s *scan) abbreviationInitials(i int) bool {
	st := i
	for st >= 2 && s.toks[st].gap == gapNone && s.toks[st-1].punct('.') && s.toks[st-1].gap == gapNone &&
		s.toks[st-2].n() == 1 && s.toks[st-2].letters() {
		st -= 2
	}
	if st == i {
		return false
	}
	var b [8]byte
	n := 0
	for k := st; k <= i && n < len(b); k += 2 {
		n += copy(b[n:], s.lower(k))
	}
	return notPersonInitials[string(b[:n])]
}

// dottedInitialsName: two or three initials written together with their
// dots before a surname ("J.R. Smith", "J.R. Whitfield-Amos"): one name,
// the surname whatever else it is.
func (s *scan) dottedInitialsName(i int) bool {
	if i >= 2 && s.toks[i].gap == gapNone && s.toks[i-1].punct('.') {
		return false // inside a chain that started earlier
	}
	e, n := i+1, 1 // e: the dot after the last initial
	var b [3]byte
	b[0] = s.low[s.toks[i].s]
	for e+2 < len(s.toks) && s.toks[e+1].gap == gapNone && s.isInitial(e+1) && n < 3 {
		b[n] = s.low[s.toks[e+1].s]
		e += 2
		n++
	}
	k := e + 1
	if n < 2 || notPersonInitials[string(b[:n])] || k >= len(s.toks) || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() {
		return false
	}
	t := &s.toks[k]
	if t.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxState|lxCountry|lxCue|lxStreetSuffix) != 0 || s.eponymAfter(k) ||
		t.lex&(lxFirst|lxSur) == 0 && t.gaz&(gzFirst|gzSur) == 0 && (s.englishLooking(k) || s.dictionaryWord(k)) {
		return false
	}
	end := k
	for end+2 < len(s.toks) && s.toks[end+1].gap == gapNone && (s.toks[end+1].punct('-') || s.toks[end+1].punct('\'')) &&
		s.toks[end+2].gap == gapNone && s.toks[end+2].capWord() {
		end += 2 // "Whitfield-Amos", "O'Neil"
	}
	s.addName(i, end, PatientNames)
	return true
}

// postcodeAt: a Canadian postal code ("H2X 1Y4": letter digit letter,
// digit letter digit, in capitals) anywhere, and a UK postcode ("SW1A 1AA",
// "M1 2AB") after a postcode cue, a town or a comma; in lower case after a
// cue or a comma of a lower-case line. Both name an area smaller than a
// state.
func (s *scan) postcodeAt(i int) bool {
	n := s.next(i)
	if cued, ok := s.eircodeAt(i, n); ok {
		s.addTok(i, n, ZIP, prCue)
		if !cued {
			s.townBeforePostcode(i) // "Eircode D08 XY41": the cue is no town
		}
		return true
	}
	if n < 0 || s.toks[n].gap != gapSpace || s.toks[n].n() != 3 || s.toks[n].shape&shDigit == 0 {
		return false
	}
	a, b := s.str(i), s.str(n)
	// In lower case ("my postal code is l8p 4r5") only after a cue, or
	// after a comma of an address said in a lower-case line ("surrey,
	// 7411 140th street? / yes, v3w 5j9", "great horton, bd7 3aw"), the
	// inward code no unit ("b12, 1mg").
	lower := hasLowerASCII(a) || hasLowerASCII(b)
	if lower && !s.wordBefore(i, 4, "postal", "postcode", "zip", "zipcode", "code") &&
		!(s.lowerLine(i) && s.sameLinePrev(i) >= 0 && s.toks[s.sameLinePrev(i)].punct(',') && !unitLetters[strings.ToLower(b[1:])]) {
		return false
	}
	isL := func(c byte) bool { return c >= 'A' && c <= 'Z' || lower && c >= 'a' && c <= 'z' }
	isD := func(c byte) bool { return c >= '0' && c <= '9' }
	if len(a) == 3 && isL(a[0]) && isD(a[1]) && isL(a[2]) && isD(b[0]) && isL(b[1]) && isD(b[2]) &&
		!s.wordBefore(i, 2, "model", "lot", "serial", "part", "cat", "ref", "sku", "version") {
		s.addTok(i, n, ZIP, prShape)
		s.townBeforePostcode(i)
		return true
	}
	// UK: an outward code of a letter or two, a digit, and a digit or a
	// letter; an inward code of a digit and two letters.
	if !(isD(b[0]) && isL(b[1]) && isL(b[2])) || !isL(a[0]) || !s.wordBefore(i, 3, "postcode", "postal", "post") && !s.afterTownOrComma(i) {
		return false
	}
	k := 1
	if isL(a[1]) {
		k = 2
	}
	if k >= len(a) || !isD(a[k]) {
		return false
	}
	for _, c := range []byte(a[k+1:]) {
		if !isD(c) && !isL(c) {
			return false
		}
	}
	s.addTok(i, n, ZIP, prCue)
	s.townBeforePostcode(i)
	return true
}

// unitLetters are the units a dose or a measure writes after its digit
// ("1mg", "5ml"), which a postcode's inward code in lower case is not.
var unitLetters = wordsOf("mg ml kg mm cm hr mi km gm mcg")

// eircodeAt: an Irish postcode at i and n ("D08 XY41", "T23 K8N4", "D6W
// 1234"): a routing key of a letter and two digits, and four letters and
// digits of the letters Eircodes use, after "Eircode" in any case (cued),
// or in capitals with a letter after the town or a comma of an address
// line.
func (s *scan) eircodeAt(i, n int) (cued, ok bool) {
	if n < 0 || s.toks[n].gap != gapSpace || s.toks[n].n() != 4 || s.toks[i].n() != 3 {
		return false, false
	}
	cued = s.wordBefore(i, 3, "eircode", "postcode")
	a, b := s.str(i), s.str(n)
	// In lower case after an address line's town or comma too, with a
	// letter and a digit after the key ("14 whiterock view, wexford, y35
	// k2x4").
	lower := !cued && hasLowerASCII(a+b) && strings.ContainsAny(b, "0123456789") && s.afterTownOrComma(i)
	if cued || lower { // "my eircode is h91 x2w4"
		a, b = strings.ToUpper(a), strings.ToUpper(b)
	}
	if !(a[0] >= 'A' && a[0] <= 'Z' && isDigitASCII(a[1]) && (isDigitASCII(a[2]) || a == "D6W")) {
		return false, false
	}
	letter := false
	for _, c := range []byte(b) {
		if !isDigitASCII(c) && !strings.ContainsRune("ACDEFHKNPRTVWXY", rune(c)) {
			return false, false
		}
		letter = letter || !isDigitASCII(c)
	}
	// Four digits after the key only after the cue: "B12 1000 mcg" is a
	// dose.
	return cued, cued || letter && s.afterTownOrComma(i)
}

// townBeforePostcode: the capitalized words between a comma (or the line's
// start) and a postcode at i are its post town, listed or not ("Beckett
// Street, Leeds LS9 7TF", "Bond Road, Rhyl LL18 5UJ", "Winnipeg, MB R3E
// 3P5" past the province): a place in any address. A street's words
// ("Harehills Lane LS7") are the street's.
func (s *scan) townBeforePostcode(i int) {
	e := s.sameLinePrev(i)
	if e >= 0 && s.toks[e].punct(',') {
		e = s.sameLinePrev(e) // "Wilton, Cork, T12 DC4A": a comma before the code
	}
	if e >= 0 && s.toks[e].allUpper() && s.toks[e].letters() && (s.toks[e].n() == 2 || auStates[s.lower(e)]) {
		e = s.sameLinePrev(e) // the province or state: "Winnipeg, MB R3E 3P5", "St Leonards NSW 2065"
		if e >= 0 && s.toks[e].punct(',') {
			e = s.sameLinePrev(e)
		}
	}
	st, named := -1, false
	for k, n := e, 0; k >= 0 && n < 3; n++ {
		t := &s.toks[k]
		if !t.letters() || !t.upper() || t.allUpper() || t.lex&(lxStreetSuffix|lxTitle|lxTitleClin|lxState|lxCountry) != 0 && !(k < e && townHeads[s.lower(k)]) {
			return
		}
		// A town: on a list of places, or a word of no English
		// ("Patient Lives Alone NG7 2UH" is no town).
		named = named || s.placeWord(k) || t.lex&lxCity != 0 || t.gaz&(gzCity|gzTown) != 0 || !s.englishTok(k)
		st = k
		p := s.sameLinePrev(k)
		if p < 0 || s.toks[p].punct(',') {
			break
		}
		if !s.toks[p].letters() || s.toks[k].gap != gapSpace {
			return
		}
		k = p
		if n == 2 {
			return
		}
	}
	if st < 0 || !named {
		return
	}
	s.addTok(st, e, Location, prShape)
}

// townHeads open a town's name that goes on ("St Leonards", "Mt Druitt",
// "Port Adelaide"), though alone they would be a street's or a title.
var townHeads = map[string]bool{"st": true, "mt": true, "saint": true, "mount": true, "port": true, "fort": true}

// afterTownOrComma: token i ends an address line, after its town or a
// comma ("London NW3 2QG", "Bendigo VIC 3550"): the token before it on
// the line is a capitalized word or a comma.
// The town is one the lists hold, or a word on none that does not look
// English ("Penarth"), or any word after a street ("14 Cowley Road, Oxford").
func (s *scan) afterTownOrComma(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || s.toks[p].punct(',') {
		return p >= 0
	}
	t := &s.toks[p]
	if !t.letters() || !t.upper() || t.allUpper() && t.n() <= 3 {
		return false
	}
	// A town spelled like a name or a word is one here too ("Leeds LS6
	// 2QT"): the code after it has a postcode's shape.
	return s.placeWord(p) || t.is(lxCity) || t.gaz&(gzCity|gzTown) != 0 || t.lex == 0 && !s.englishLooking(p) || s.cueBefore(p, lxStreetSuffix, 8)
}

// placeWord: token k is a town or city of the lexicon or the gazetteer.
func (s *scan) placeWord(k int) bool {
	t := &s.toks[k]
	return t.is(lxCity) && !t.is(lxCityAmb) || t.gaz&(gzCity|gzTown) != 0 && t.gaz&gzWord == 0
}

func hasLowerASCII(x string) bool {
	for k := 0; k < len(x); k++ {
		if x[k] >= 'a' && x[k] <= 'z' {
			return true
		}
	}
	return false
}

// idahoAt: "ID" after a city is Idaho, not a cue ("Boise, ID 83702").
func (s *scan) idahoAt(i int) bool {
	if !s.eq(i, "id") || !s.toks[i].allUpper() || i == 0 {
		return false
	}
	n := s.next(i)
	if s.toks[i-1].punct(',') {
		// "Boise, ID" and "Boise, ID 83702"; not "via video, ID AR-3318"
		// nor "interpreter Harjinder, ID number 70418".
		if n > 0 && (s.eq(n, "number") || s.eq(n, "no") || s.eq(n, "num") || s.eq(n, "nbr")) {
			return false
		}
		return n < 0 || s.toks[n].digits() && s.toks[n].n() == 5 && s.idahoZIP(n) || s.toks[n].kind == tkPunct && !s.toks[n].punct('#') && !s.toks[n].punct(':') ||
			!s.toks[n].word() || s.toks[n].letters() && !s.toks[n].allUpper()
	}
	return s.toks[i-1].capWord() && n > 0 && s.toks[n].digits() && s.toks[n].n() == 5 && s.idahoZIP(n)
}

// idahoZIP: token k is a ZIP code of Idaho (832xx to 838xx): after ", ID"
// any other five digits are an identifier's ("Interpreter Paz, ID 44102").
func (s *scan) idahoZIP(k int) bool {
	v, _ := s.num(k)
	return v >= 83200 && v <= 83899
}

// imName: "I'm Hamish, her grandson" / "I'm Dr. Lee" (the title matcher
// takes that one).
func (s *scan) imName(i int) {
	k := s.next(i)
	if k < 0 || s.toks[k].gap != gapSpace || !s.nameish(k, false) || s.toks[k].is(lxTitle|lxTitleClin) {
		return
	}
	t := &s.toks[k]
	if t.lex != 0 && t.lex&(lxFirst|lxSur) == 0 {
		return
	}
	s.nameChain(k, PatientNames, true)
}

// photoPrefix: camera file names without an extension, "IMG_2041",
// "DSC_0042", "PXL_20240412_093011".
func (s *scan) photoPrefix(i int) {
	switch s.lower(i) {
	case "img", "dsc", "pxl", "dcim", "dscn", "mvimg", "photo", "image", "pic", "scan":
	default:
		return
	}
	k := s.adj(i)
	if k < 0 || !(s.toks[k].punct('_') || s.toks[k].punct('-')) {
		return
	}
	m := s.adj(k)
	if m < 0 || !s.toks[m].digits() || s.toks[m].n() < 3 {
		return
	}
	end := s.codeValueEnd(m)
	s.addTok(i, end, Photo, prCue)
}

// codeAt runs the matchers that start at a mixed letter-digit token.
func (s *scan) codeAt(i int) {
	t := &s.toks[i]
	x := s.str(i)
	if s.midNumber(i) {
		return
	}
	if t.n() >= 2 && t.n() <= 4 && s.postcodeAt(i) {
		return
	}
	if x == "90s" && s.decadeAge(i) {
		return
	}
	if fiscalPeriod(x) {
		return // "FY2024", "Q3": a period of a budget, not a code
	}
	// VIN: 17 characters, no I, O or Q.
	if t.n() == 17 && t.shape&shLetter != 0 && t.shape&shNonASCII == 0 {
		ok := true
		for k := 0; k < len(x); k++ {
			c := x[k] &^ 0x20
			if c == 'I' || c == 'O' || c == 'Q' || x[k] >= 'a' && x[k] <= 'z' {
				ok = false
				break
			}
		}
		if ok {
			s.addTok(i, i, Vehicle, prShape)
			return
		}
	}
	if s.dateSpan(i) {
		return
	}
	if last := s.mbiDashed(i); last > i && !s.wordBefore(i, 2, "key", "code", "serial", "lot", "part", "sku", "model", "product",
		"license", "licence", "activation", "order", "batch", "ref", "promo", "coupon", "voucher", "gift", "tracking") {
		s.addTok(i, last, HealthPlan, prShape)
		return
	}
	// "17B Harbor View Terrace": a house number with its letter.
	if len(x) >= 2 && len(x) <= 6 && isDigitsFrom(x[:len(x)-1]) && (x[len(x)-1]|0x20) >= 'a' && (x[len(x)-1]|0x20) <= 'z' &&
		s.addressAt(i) {
		return
	}
	// "92yo", "93F", "95M", "91y/o".
	n := 0
	for n < len(x) && x[n] >= '0' && x[n] <= '9' {
		n++
	}
	if n >= 2 && n <= 3 {
		v := 0
		for _, c := range x[:n] {
			v = v*10 + int(c-'0')
		}
		suf := x[n:]
		switch suf {
		case "yo", "YO", "y", "F", "M", "f", "m", "yof", "yom", "YOF", "YOM", "yr", "yrs", "yF", "yM":
			if v >= 90 && v <= 130 {
				s.add(int(t.s), int(t.s)+n, Age, prCue)
				return
			}
		}
	}
	if s.extensionAt(i) {
		return
	}
	if obstetricCode(x) || registryCode(x) || ndcN4Code(x) {
		return
	}
	// Codes with several digits and letters: "ACC88213", "XK7729Q".
	digits := 0
	for k := 0; k < len(x); k++ {
		if x[k] >= '0' && x[k] <= '9' {
			digits++
		}
	}
	if digits >= 4 && len(x) >= 6 && !s.cueBefore(i, lxCodeStop, 3) && !s.amongWords(i) {
		s.addTok(i, s.codeValueEnd(i), ID, prWeak)
		return
	}
	s.prefixedCode(i)
}

// amongWords: the code at i is one item of a list whose items on both
// sides are words, not codes: a product or compound named by a code
// ("DEET, picaridin, IR3535, oil of lemon eucalyptus"; "metformin,
// AZD1222 and insulin"). A list of record numbers has codes beside it.
func (s *scan) amongWords(i int) bool {
	p := s.sameLinePrev(i)
	if p < 1 || !s.toks[p].punct(',') || !s.toks[p-1].letters() || s.toks[p-1].n() < 3 || s.toks[p-1].is(lxCue) {
		return false
	}
	n := s.next(i)
	if n < 0 || !(s.toks[n].punct(',') || s.eq(n, "and") || s.eq(n, "or")) {
		return false
	}
	m := s.next(n)
	if m > 0 && (s.eq(m, "and") || s.eq(m, "or")) {
		m = s.next(m)
	}
	return m > 0 && s.toks[m].letters() && s.toks[m].n() >= 3 && !s.toks[m].is(lxCue)
}

// prefixedCode: a short capitalized prefix joined by a dash to a long digit
// group is how labs, registries and agencies number their records
// ("SP25-004412", "ROI-25-004812", "MB-2025-003981"), with or without a cue
// word. Gene, virus and score names ("COVID-19", "IL-6", "CA-125", "PHQ-9")
// have short digit groups and stay out.
func (s *scan) prefixedCode(i int) {
	t := &s.toks[i]
	if t.n() > 5 || t.shape&shNonASCII != 0 || !(t.allUpper() || t.shape&shDigit != 0 && t.upper()) {
		return
	}
	if i > 0 && s.toks[i].gap == gapNone && (s.toks[i-1].word() || s.toks[i-1].punct('-') || s.toks[i-1].punct('/')) {
		return // inside a longer code or a word
	}
	end := s.codeValueEnd(i)
	if end == i || s.cueBefore(i, lxCodeStop, 3) {
		return
	}
	digits, longest, dash := 0, 0, false
	for k := i; k <= end; k++ {
		tk := &s.toks[k]
		if tk.punct('-') {
			dash = true
		}
		if !tk.word() {
			continue
		}
		run := 0
		for _, c := range []byte(s.str(k)) {
			if c >= '0' && c <= '9' {
				digits++
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	if dash && digits >= 5 && longest >= 4 && !s.unitAfter(end) {
		s.addTok(i, end, ID, prWeak)
	}
}

// obstetricCode reports gravida/para notation ("G2P1001", "g3p2"), which
// looks like a code but describes the pregnancy history.
func obstetricCode(x string) bool {
	if len(x) < 4 || x[0]|0x20 != 'g' {
		return false
	}
	k := 1
	for k < len(x) && x[k] >= '0' && x[k] <= '9' {
		k++
	}
	if k == 1 || k >= len(x) || x[k]|0x20 != 'p' {
		return false
	}
	k++
	st := k
	for k < len(x) && x[k] >= '0' && x[k] <= '9' {
		k++
	}
	return k == len(x) && k > st && k-st <= 4
}

// ndcN4Code: a National Drug Code as a claim carries it, the qualifier
// "N4" and the eleven digits of the 5-4-2 form ("N400009737601"): a
// product's code, shared by every package of it.
func ndcN4Code(x string) bool {
	if len(x) != 13 || x[0]|0x20 != 'n' || x[1] != '4' {
		return false
	}
	for k := 2; k < len(x); k++ {
		if x[k] < '0' || x[k] > '9' {
			return false
		}
	}
	return true
}

// registryCode reports a ClinicalTrials.gov number ("NCT05588211"): it names
// the study, shared by every participant, not the patient.
func registryCode(x string) bool {
	if len(x) != 11 || x[0]|0x20 != 'n' || x[1]|0x20 != 'c' || x[2]|0x20 != 't' {
		return false
	}
	for k := 3; k < len(x); k++ {
		if x[k] < '0' || x[k] > '9' {
			return false
		}
	}
	return true
}

// initialTakesPerson: the word before an initial takes a person ("Seen
// with J. Smith", "Called K. Brown", "per R. White"), so a surname that is
// also a word is the surname after it; after a word a letter names a kind
// of ("influenza A. White count") it is not.
func (s *scan) initialTakesPerson(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 {
		return s.toks[i].gap == gapLine || i == 0
	}
	if s.toks[p].punct(':') || s.toks[p].punct('(') || s.toks[p].punct(',') {
		return true
	}
	if s.toks[p].punct('.') && p >= 1 && s.isInitial(p-1) {
		return true // "Seen by J. R. Smith": a second initial, after the first
	}
	return s.toks[p].letters() && personTakers[s.lower(p)]
}

// personTakers are words a person's name follows: "with", "by", "called",
// "per", "cc".
var personTakers = map[string]bool{"with": true, "by": true, "to": true, "from": true, "for": true, "and": true,
	"called": true, "call": true, "seen": true, "saw": true, "per": true, "cc": true, "contacted": true, "paged": true,
	"spoke": true, "discussed": true, "asked": true, "told": true, "informed": true, "notified": true, "signed": true,
	"attending": true, "resident": true, "nurse": true, "patient": true, "pt": true, "mother": true, "father": true}

// partOfMonthWordBefore: "early", "late" or "mid" said before a month
// ("seen early Feb.", "it was early feb i think", "late sept"): the
// month, a date element. "may" and "march", words too, only capitalized
// ("late May"; "it's late, may i ask" stays).
func (s *scan) partOfMonthWordBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || s.toks[i].gap != gapSpace || !s.toks[p].letters() {
		return false
	}
	switch s.lower(p) {
	case "early", "late", "mid":
	default:
		return false
	}
	if w := s.lower(i); (w == "may" || w == "march" || w == "jan" || w == "jun") && !s.toks[i].upper() {
		return false
	}
	end := i
	if n := i + 1; n < len(s.toks) && s.toks[n].punct('.') && s.toks[n].gap == gapNone && s.toks[i].is(lxMonthAbbr) {
		end = n
	}
	s.addTok(p, s.yearAfter(end), Date, prCue)
	return true
}

// partOfMonthBefore: a month written after "mid-", "early-" or "late-"
// ("next appt mid-Jan", "early-March"): the month, taken as a date over the
// given name it may also be.
func (s *scan) partOfMonthBefore(i int) bool {
	if i < 2 || !s.toks[i-1].punct('-') || s.toks[i-1].gap != gapNone || s.toks[i].gap != gapNone {
		return false
	}
	switch s.lower(i - 2) {
	case "mid", "early", "late":
		s.addTok(i-2, i, Date, prCue)
		return true
	}
	return false
}

// mbiDashed: a Medicare Beneficiary Identifier written in its card's
// groups of four, three and four ("7TX4-RK2-MN18"), with no cue: its
// pattern of digits and letters (no S, L, O, I, B or Z) is shared by
// nothing else. It returns the last token, or -1.
func (s *scan) mbiDashed(i int) int {
	if i+4 >= len(s.toks) || s.toks[i].n() != 4 {
		return -1
	}
	var b []byte
	for k := i; k <= i+4; k += 2 {
		if k > i && !(s.toks[k-1].punct('-') && s.toks[k-1].gap == gapNone && s.toks[k].gap == gapNone) {
			return -1
		}
		b = append(b, s.str(k)...)
	}
	if m := i + 5; m < len(s.toks) && s.toks[m].gap == gapNone && !s.toks[m].punct('.') && !s.toks[m].punct(',') &&
		!s.toks[m].punct(')') && !s.toks[m].punct(';') {
		return -1
	}
	if len(b) != 11 || s.toks[i+2].n() != 3 {
		return -1
	}
	// Positions: 1 digit 1-9; 2, 5, 8, 9 letters; 4, 7, 10, 11 digits;
	// 3 and 6 either.
	const (
		dig = iota
		let
		any
	)
	pat := [11]int{dig, let, any, dig, let, any, dig, let, let, dig, dig}
	for k, c := range b {
		u := c &^ 0x20
		isL := u >= 'A' && u <= 'Z' && !strings.ContainsRune("SLOIBZ", rune(u))
		isD := c >= '0' && c <= '9'
		switch {
		case pat[k] == dig && !isD, pat[k] == let && !isL, pat[k] == any && !isD && !isL:
			return -1
		}
	}
	if b[0] == '0' {
		return -1
	}
	return i + 4
}
