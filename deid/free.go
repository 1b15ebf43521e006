package deid

import "strings"

// Look-alikes of PHI-free text (issue 12): shapes of drug leaflets,
// schedules, research abstracts, protocols and lectures where a word that
// is on a list of names or places, or is capitalized and on no list, names
// no person and no place. Each test reads the candidate's tokens and their
// neighbours only. dropFree applies them to what the rules and the tagger
// found, last: the rule spans the tagger reads as features, and so its
// weights, are unchanged by them.

// dropFree removes from spans, in place, the names and places that
// freeLookalike holds are none.
func (s *scan) dropFree(spans []Span) []Span {
	products := s.productListWords(spans)
	listed := s.holidayLists(spans)
	roles := s.speakerRoles()
	out := spans[:0]
	for i, sp := range spans {
		if listed != nil && listed[i] {
			continue // "grief at Christmas, Hanukkah, Kwanzaa and Lunar New Year": holidays in general
		}
		if roles != nil && sp.Type == Name {
			if st := s.tokStartingAt(sp.Start); st >= 0 && int(s.toks[st].e) == sp.End && roles[s.lower(st)] && !s.anyKnown(st, st) {
				continue // "Athlete: Yeah, I hit my head": a role tags the turns
			}
		}
		if sp.Type == Location && s.inDecided(sp) {
			out = append(out, sp) // "Address: 14 Marine Parade, Napier 4110", "a nurse at community medical center"
			continue
		}
		if (sp.Type == Name || sp.Type == Location) && s.spanishWordAt(sp) {
			continue // "con muchos dolores", "cómo está", "cancer del colon"
		}
		if (sp.Type == Name || sp.Type == Location) && s.negationAfter(sp) {
			continue // "the doctor wasn't in": the verb before "'t", split off by the tokenizer
		}
		if sp.Type == Name && s.peopleNamedAfter(sp) {
			continue // "many Karen refugees from Burma": a people, not a person
		}
		if (sp.Type == Location || sp.Type == Name) && s.raceJoined(sp) {
			continue // "in Black and American Indian adults": a race, not a town
		}
		if en := s.tokEndingAt(sp.End); sp.Type == Location && en >= 0 && postcodeWords[s.lower(en)] {
			continue // "New Eircode A92 F3T6": the code's label, no town
		}
		if sp.Type == Name && s.wordAfterSpeakerTag(sp) {
			continue // "doctor nice good luck": the doctor speaks, names no one
		}
		if st := s.tokStartingAt(sp.Start); sp.Type == Name && st >= 0 && int(s.toks[st].e) == sp.End && !s.toks[st].upper() &&
			chatFillers[s.lower(st)] && !s.anyKnown(st, st) {
			continue // "my caseworker tho, she never answers": a message's filler
		}
		if sp.Type == Location && s.notAPlaceOpening(sp) {
			continue // "send it to um which pharmacy", "we need to get more bend"
		}
		if sp.Type == Location && s.faithSaid(sp) {
			continue // "we are Southern Baptist", "she is Missouri Synod Lutheran"
		}
		if (sp.Type == Location || sp.Type == Name) && s.demonymPlural(sp) {
			continue // "a soldier with the Americans", "the Filipinos came"
		}
		if sp.Type == Location {
			// A company where a person works is their employer, whatever
			// it would otherwise read as ("works for Acme Plumbing").
			if st := s.tokStartingAt(sp.Start); st >= 0 && s.employerCueBefore(st) {
				out = append(out, sp)
				continue
			}
		}
		if sp.Type == Name {
			// A food in lower case ("rice, usually", "a little jasmine
			// rice"), unless a title or a relation names a person by it or
			// it was supplied ("dr rice", "my daughter ginger").
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && st == en && !s.toks[st].upper() &&
				s.foodAt(st) && !s.titleBefore(st) && !s.relationBefore(st) && !s.anyKnown(st, en) {
				continue
			}
		}
		if sp.Type == Name {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en > st && s.sideInitial(st) {
				if !s.nameWordIn(st+2, en) {
					continue
				}
				sp.Start = int(s.toks[st+2].s)
			}
		}
		if sp.Type == Date {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && (st == en && s.scheduleMonths(st) || en >= st && s.holidayOfSchedule(st, en)) {
				continue
			}
			// "a glass of wine at Christmas and Easter each year", "on
			// thanksgiving every year", "during Ramadan every year": a
			// holiday of a habit dates no event.
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st && s.holidayOnly(st, en) && (s.habitInClause(st) || s.habitInClause(en)) && !s.anyKnown(st, en) {
				continue
			}
			// "once the clocks change in november every year": a month
			// alone in a habit's clause, where no birth is spoken of.
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && st == en && s.toks[st].is(lxMonth) &&
				s.habitInClause(st) && !s.clauseJoinedBefore(st) && !s.birthWordInClause(st) && !s.anyKnown(st, en) {
				continue
			}
			// "lot 7K22H, exp 2028-03-31": a product's expiry, no patient's
			// date.
			if st := s.tokStartingAt(sp.Start); st >= 0 && s.expiryOfLot(st) {
				continue
			}
		}
		if sp.Type == Date || sp.Type == Name {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st && s.recurringTime(st, en) {
				continue
			}
		}
		if sp.Type == Name {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st {
				if k := s.hyphenLetterEnd(st, en); k >= 0 {
					if k >= en {
						continue // "Chick-fil-A." alone
					}
					sp.Start = int(s.toks[k+1].s) // "Chick-fil-A. Drinks ...": what follows is a new sentence's
				}
			}
		}
		if sp.Type == Name {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en > st && s.openingImperative(st) {
				if en == st+1 && !s.nameListedWord(en) && !s.anyKnown(en, en) {
					continue // "Avoid Snickers and pesto": an advice's object no list of names holds
				}
				sp.Start = int(s.toks[st+1].s) // "Call Maria tonight": Maria stays
			}
		}
		if sp.Type == Name {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st && s.openingVerb(st) {
				if st == en {
					continue
				}
				if s.brandCovers(st+1, en) {
					continue // "Uses Jenny Craig meals": the brand after the verb
				}
				sp.Start = int(s.toks[st+1].s) // "Taught Maria the exercises": Maria stays
			}
		}
		if sp.Type == Name {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st {
				if s.publicHonorific(st, en) || s.publicFigure(st, en) || s.figureThrough(st, en) || s.authorOfQuoted(st, en) {
					continue
				}
				// A title stays outside: "President Maria Lopez of the
				// board"; not a supplied surname ("so Pope Hope").
				if w := s.lower(st); en > st && (w == "president" || w == "pope") && s.toks[st+1].gap == gapSpace && !s.isKnown(st) {
					sp.Start = int(s.toks[st+1].s)
				}
			}
		}
		if products != nil && (sp.Type == Name || sp.Type == Location) {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && st == en && products[s.lowerAny(st)] && !s.titleBefore(st) && !s.anyKnown(st, en) {
				continue
			}
		}
		if sp.Type == Location {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en > st {
				switch k := s.ownersPlace(st, en); {
				case k < 0:
					continue
				case k > st:
					sp.Start = int(s.toks[k].s)
				}
			}
		}
		if sp.Type == Name || sp.Type == Location {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st && s.letterEndedCompound(en) && !s.titleBefore(st) && !s.anyKnown(st, en) {
				continue
			}
		}
		if sp.Type == Name && s.seasonAnswer(sp) {
			continue
		}
		if sp.Type == Name {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st && (s.worksOf(st, en) || s.brandOfUser(st, en) ||
				s.modelNumber(en) || s.societyIssue(st, en)) && !s.titleBefore(st) && !s.anyKnown(st, en) && !s.relationBefore(st) {
				continue
			}
		}
		if sp.Type == Name || sp.Type == Location {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st && (s.denomination(st, en) || s.measuredEponym(st, en) ||
				s.mediaTitle(st, en) || s.drugCalled(st, en) || s.lowerBeforeHead(st, en) || s.bodySiteAbbrev(st, en) || s.deviceBrand(st, en) ||
				s.ampersandBrand(st, en) || s.chainAmongChains(st, en) || s.possessiveAmongThings(st, en) || s.societyAcronym(st, en) || s.capsPairInProse(st, en) ||
				sp.Type == Location && s.stagingSystem(st)) {
				continue
			}
		}
		if sp.Type == Name || sp.Type == Location {
			if st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); st >= 0 && en >= st &&
				(s.freeLookalike(st, en, sp.Type) || sp.Type == Name && (s.givenOfEponym(st, en, spans) || st == en && s.knownCompound(st) || s.headingWords(st, en))) {
				continue
			}
		}
		if sp.Type == Name || sp.Type == Location {
			if st := s.tokStartingAt(sp.Start); st >= 0 && int(s.toks[st].e) == sp.End && tagalogKin[s.lower(st)] && !s.anyKnown(st, st) &&
				!s.titleBefore(st) && s.tagalogParticleOnLine(st) {
				continue // "Good morning po, Tita": a kin word, a name or a place as the rules or the tagger took it
			}
		}
		if sp.Type == Name && s.labelNotName(sp) {
			continue // "Anesthesia: Ravi Rao, MD", "Room 412 Bed B: 66F", "Vehicle: 2021 Harley-Davidson"
		}
		out = append(out, sp)
	}
	return out
}

// hyphenLetterEnd: the index of the period, within st..en, that ends a
// word whose last part is one capital letter joined by a hyphen
// ("Chick-fil-A. Drinks Gatorade", "enjoyed the Jell-O. Watched Wheel"):
// the letter is the word's, not an initial, and the period ends the
// sentence, so a name run through it joins two sentences. -1 when there is
// none. An initial stands alone ("John A. Smith", "Mary-Kate A. Lopez").
func (s *scan) hyphenLetterEnd(st, en int) int {
	for k := st; k < en && k+1 < len(s.toks); k++ {
		t := &s.toks[k]
		if !t.letters() || t.n() != 1 || !t.upper() || t.gap != gapNone || k < 2 {
			continue
		}
		h, w, dot := &s.toks[k-1], &s.toks[k-2], &s.toks[k+1]
		if h.punct('-') && h.gap == gapNone && w.letters() && dot.punct('.') && dot.gap == gapNone {
			return k + 1
		}
	}
	return -1
}

// openingImperative: token k opens a sentence in Title case and is a verb
// of advice ("Avoid", "Take", "Call": imperativeVerbs) that no list of
// names or places holds, with a word after it on the same line: the
// sentence tells the reader what to do, and its first word is no name.
func (s *scan) openingImperative(k int) bool {
	t := &s.toks[k]
	if !t.capWord() || t.allUpper() || !s.opensSentence(k) || t.lex != 0 || t.gaz != 0 || s.titleBefore(k) ||
		s.anyKnown(k, k) || !imperativeVerbs[s.lower(k)] {
		return false
	}
	n := s.next(k)
	return n == k+1 && s.toks[n].gap == gapSpace
}

// nameListedWord: the word at k is on a list of given names or surnames.
func (s *scan) nameListedWord(k int) bool {
	t := &s.toks[k]
	return t.lex&(lxFirst|lxFirstAmb|lxSur) != 0 || t.gaz&(gzFirst|gzSur) != 0
}

// openingVerb: token k opens a sentence of a note in Title case and is a
// verb's form, past or third person, of an English word no name list holds
// ("Taught Brandt-Daroff exercises", "Chose Kyleena.", "Watched Bluey",
// "Brings the forms"): the capital is the sentence's, the subject is left
// out as notes do. A verb's form after it makes it the subject: a word of a
// name or place list stays ("Sparks arrived"), an English word of no list
// goes before a participle ("Claims denied", "Benefit seen"). Only the forms a name seldom has: an English word
// ending in "ed", an irregular past, or an English word's "-s" form whose
// base is English too. Surnames that are such words are on the name
// lists ("Banks reports", "Fields stated") and stay; so does a word after
// a title or a supplied name.
func (s *scan) openingVerb(k int) bool {
	t := &s.toks[k]
	if !t.capWord() || t.allUpper() || t.n() < 4 || !s.opensSentence(k) || s.titleBefore(k) || s.anyKnown(k, k) ||
		!s.dictionaryWord(k) || s.modifiedScale(k) {
		return false // "Modified Rankin 1" is modifiedScale's, whole
	}
	if n := s.next(k); n > 0 && s.toks[n].letters() && !s.toks[n].upper() {
		if v := s.lower(n); personVerbs[v] || unlistedForms[v] || strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "s") {
			// The subject of a verb: a surname that is a word stays
			// ("Sparks arrived late", "Steed reports"); a word no list of
			// names or places holds at all is a noun ("Benefit seen with
			// and without diabetes", "Claims denied as CO-16").
			return t.lex == 0 && t.gaz == 0 && !strings.HasSuffix(v, "s")
		}
	}
	w := s.lower(k)
	if unlistedForms[w] || strings.HasSuffix(w, "ed") {
		return true
	}
	if base, ok := strings.CutSuffix(w, "s"); ok && !strings.HasSuffix(base, "s") {
		_, eng := englishWords()[base]
		return eng
	}
	return false
}

// publicHonorific: a name of one word after the honorific of a head of
// state or of a church ("President Kennedy had Addison's", "prays for Pope
// Francis", "king charles had a prostate problem", "Queen Elizabeth"): a
// public figure mentioned in passing, not the encounter's person (the
// corpora's conventions leave them unannotated). The span may hold the
// honorific or follow it. "King" and "Queen", which are also given names
// and surnames, need a listed given name after them ("King Jones" stays);
// a second name word ("President Maria Lopez of the board"), a title or a
// supplied name keeps the span.
func (s *scan) publicHonorific(st, en int) bool {
	h, k := st, st
	if s.tokIn(publicHonorificsSet, st) {
		k = s.next(st)
	} else if h = s.sameLinePrev(st); h < 0 || s.toks[st].gap != gapSpace || !s.tokIn(publicHonorificsSet, h) {
		return false
	}
	if k != en || k < 0 || !s.toks[k].letters() || s.toks[k].gap != gapSpace || s.anyKnown(st, en) || s.titleBefore(h) {
		return false
	}
	if n := s.next(en); n > 0 && s.toks[n].capWord() && s.toks[n].gap == gapSpace && !s.toks[n].allUpper() {
		return false // "President Maria Lopez"
	}
	if p := s.sameLinePrev(h); p >= 0 && s.toks[p].letters() && (s.toks[p].is(lxRelation) || s.tokIn(ownerWordsSet, p)) {
		return false // "my boss president lopez", "our president Lopez": someone the patient knows
	}
	switch s.lower(h) {
	case "king", "queen":
		return s.toks[k].is(lxFirst)
	}
	return true
}

// ownerWords make the honorific's holder someone of the patient's own.
var ownerWords = map[string]bool{"my": true, "our": true, "his": true, "her": true, "their": true, "your": true,
	"boss": true, "company's": true, "club's": true, "union's": true, "church's": true, "school's": true}

// publicFigure: tokens st..en are exactly the full name of a public figure
// of the derived list, talked about near it ("reading about Jimmy
// Carter's recovery", "would like to hear Leonard Cohen": fameCues, eight
// words before or six after on the line), with nothing that makes it the
// encounter's person: no title, label, relation or owner before, no
// supplied part, no verb of a patient's or a clinician's after ("James
// Brown presented with"), and no other mention of its surname in the text
// after a title ("Mr. Brown"). Without a cue the name stays ("Called James
// Brown at home").
func (s *scan) publicFigure(st, en int) bool {
	if en == st || en-st > 6 || s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	last, ok := s.figureListed(st, en)
	if !ok {
		return false
	}
	if p := s.sameLinePrev(st); p >= 0 && (s.toks[p].punct(':') || s.toks[p].letters() &&
		(s.toks[p].is(lxRelation) || lineSubjectLabels[s.lower(p)] || s.tokIn(ownerWordsSet, p))) {
		return false
	}
	// A patient's verb after it makes it the encounter's person ("James
	// Brown said he"), unless the patient likens something to the figure
	// ("like Michael J. Fox said").
	if n := s.next(en); n > 0 && s.toks[n].letters() && personVerbs[s.lower(n)] && !(s.prevWordAt(st, 1) == "like" && s.likenedTo(st, en) && !pronounsAfterSaid[s.nextWordAt(n)]) {
		return false
	}
	// The cue must govern the name: a word of fame right before it
	// ("listening to", "reading about", "a fan of", "watched", "a movie
	// with"), a work of theirs right after ("a Johnny Cash song",
	// "Johnny Cash's music") or their deed in history ("Louis Pasteur
	// pioneered vaccination"). A cue elsewhere in the sentence is the
	// person's own doing: "Michael Jordan watched tv and then fell", "The
	// patient, Jimmy Carter, likes to read novels" stay names.
	if !s.fameBefore(st) && !s.worksAfter(en) && !s.deedAfter(en) && !s.likenedTo(st, en) {
		return false // "Called James Brown at home": no sign of a mention in passing
	}
	for k := range s.toks {
		if (k < st || k > en) && s.toks[k].letters() && s.toLower(s.str(k)) == last && s.titleBefore(k) {
			return false
		}
	}
	return true
}

// authorOfQuoted: tokens st..en, two words or more, follow "by" after a
// title in quotation marks, in title case, that a word of reading or
// watching takes: the author of a published work ('Read "When Breath
// Becomes Air" by Paul Kalanithi'), not a person of the encounter. A
// supplied name, a name with a credential after it, or a note's title
// ('Signed "Progress Note" by') stays a name.
func (s *scan) authorOfQuoted(st, en int) bool {
	if en == st || en-st > 3 || s.anyKnown(st, en) {
		return false
	}
	p := s.sameLinePrev(st)
	if p < 0 || !s.eq(p, "by") {
		return false
	}
	q := s.sameLinePrev(p)
	if q < 0 || s.toks[q].kind != tkPunct || s.toks[q].ch != '"' {
		return false
	}
	if n := s.next(en); n > 0 && s.toks[n].letters() && s.toks[n].is(lxCredential) {
		return false // 'Note "pt stable" by Maria Lopez RN': a clinician
	}
	// The title in title case: every word of four letters or more
	// capitalized, back to the opening mark.
	words := 0
	for k := s.sameLinePrev(q); k >= 0; k = s.sameLinePrev(k) {
		t := &s.toks[k]
		if t.kind == tkPunct && t.ch == '"' {
			// A work read, watched or heard: 'Read "..." by', 'the book
			// "..." by'; not 'Signed "Progress Note" by'.
			for b, n := s.sameLinePrev(k), 0; b >= 0 && n < 3; b, n = s.sameLinePrev(b), n+1 {
				if workWords[s.lower(b)] {
					return words > 0
				}
			}
			return false
		}
		if t.letters() {
			if t.n() >= 4 && !t.upper() {
				return false
			}
			words++
		}
		if words > 12 {
			return false
		}
	}
	return false
}

// workWords name or take a published work before its quoted title.
var workWords = map[string]bool{"read": true, "reading": true, "reads": true, "book": true, "novel": true,
	"memoir": true, "watched": true, "watching": true, "watches": true, "film": true, "movie": true, "song": true,
	"album": true, "podcast": true, "show": true, "recommended": true, "listening": true, "listens": true}

// pronounsAfterSaid report what a person of the encounter said ("like
// James Brown said he was dizzy" is the patient's name).
var pronounsAfterSaid = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "you": true,
	"his": true, "her": true, "it": true, "to": true}

// figureThrough: the span is the first words of a public figure whose
// last word no list made part of it ("audiobooks, michelle obama's
// book": only "michelle" was found); the figure as a whole is tested.
func (s *scan) figureThrough(st, en int) bool {
	for e, n := en, 0; n < 2; n++ {
		if e = s.next(e); e < 0 || !s.toks[e].letters() || s.toks[e].gap != gapSpace {
			return false
		}
		if s.publicFigure(st, e) {
			return true
		}
	}
	return false
}

// figureListed: tokens st..en, two words or more, are exactly a name of
// the public figures' list; last is its surname, for its other mentions.
func (s *scan) figureListed(st, en int) (last string, ok bool) {
	pf := publicFigures()
	if _, ok := pf.first[s.lowerAny(st)]; !ok {
		return "", false // no figure's name starts so: no text built
	}
	// The key as publicfigures.txt writes it: lower-case words, periods
	// dropped, one space between words; hyphens and apostrophes inside a
	// word kept. Built in a buffer on the stack (the map lookup of
	// string(buf) does not allocate).
	var buf [96]byte
	key := buf[:0]
	nWords := 0
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		switch {
		case t.letters():
			if len(key) > 0 && key[len(key)-1] != '-' && key[len(key)-1] != '\'' && t.gap != gapNone {
				key = append(key, ' ')
			}
			key = append(key, s.lowerAny(k)...)
			nWords++
		case t.punct('.'):
		case (t.punct('-') || t.punct('\'')) && t.gap == gapNone && k < en && s.toks[k+1].gap == gapNone:
			key = append(key, s.text[t.s])
		default:
			return "", false
		}
		if len(key) > len(buf)-8 {
			return "", false
		}
	}
	if _, ok := pf.names[string(key)]; !ok || nWords < 2 {
		return "", false
	}
	if i := strings.LastIndexByte(string(key), ' '); i >= 0 {
		return string(key[i+1:]), true
	}
	return "", true
}

// deedAfter: a public figure's place in history told right after the
// name, by a verb no patient's or clinician's note says of the encounter's
// people ("Alexander Fleming discovered penicillin", "Clara Barton founded
// the Red Cross"); the first of two listed figures joined by "and" shares
// the second's ("Marie Curie and Pierre Curie discovered radium").
// "Discovered" with an article or a pronoun after it is a finding ("Tom
// Hanks discovered a lump"), no deed.
func (s *scan) deedAfter(en int) bool {
	n := s.next(en)
	if n < 0 || !s.toks[n].letters() {
		return false
	}
	if w := s.lower(n); w == "and" {
		// The second figure: two to four words, then the deed.
		for e := n + 2; e <= n+4 && s.next(e-1) == e; e++ {
			if _, ok := s.figureListed(n+1, e); ok {
				return s.deedAfter(e)
			}
		}
		return false
	}
	// "John F. Kennedy is the famous historical example", "was a famous
	// case": the figure's fame said after the name.
	if (s.eq(n, "is") || s.eq(n, "was")) && s.famousAfter(n) {
		return true
	}
	if !deedVerbs[s.lower(n)] {
		return false
	}
	switch s.nextWordAt(n) {
	case "", "a", "an", "his", "her", "their", "my", "it", "that", "this", "some", "blood":
		return false
	}
	return true
}

// famousAfter: "the famous", "a famous", "the most famous" or "the best
// known" right after token n.
func (s *scan) famousAfter(n int) bool {
	k := s.next(n)
	if k < 0 || !(s.eq(k, "the") || s.eq(k, "a")) {
		return false
	}
	k = s.next(k)
	if k > 0 && (s.eq(k, "most") || s.eq(k, "best")) {
		k = s.next(k)
	}
	return k > 0 && (s.eq(k, "famous") || s.eq(k, "known") || s.eq(k, "classic") || s.eq(k, "historic") || s.eq(k, "historical"))
}

// deedVerbs tell what a figure is known for.
var deedVerbs = wordsOf("discovered invented founded pioneered reformed revolutionized coined won composed painted developed " +
	"described identified isolated")

// fameBefore: the words right before a public figure's name take a
// famous person as their object: "listening to", "reading about", "heard",
// "watched", "a fan of", "a movie with", "songs by", "starring", "likes".
func (s *scan) fameBefore(st int) bool {
	p1, p2, p3 := s.prevWordAt(st, 1), s.prevWordAt(st, 2), s.prevWordAt(st, 3)
	switch p1 {
	case "watched", "watching", "watch", "watches", "heard", "hear", "starring", "featuring", "idol", "like", "likes", "loves", "idolizes",
		"loved", "adored", "adores":
		return p1 != "like" || fameCues[p2] || fameCues[p3]
	case "included", "include", "includes":
		return p2 == "famous" || p3 == "famous" // "Famous sufferers included Benjamin Franklin"
	case "to":
		// "compared himself to Nolan Ryan", "compared to Venus Williams"
		return strings.HasPrefix(p2, "listen") || p2 == "compared" || p3 == "compared" && reflexives[p2]
	case "about":
		return fameCues[p2] || p2 == "documentary" || p2 == "book" || p2 == "movie" || p2 == "article" || p2 == "story" ||
			p2 == "asked" || p2 == "asks" || p2 == "learned"
	case "that":
		// "read that Kim Kardashian has psoriasis"
		return p2 == "read" || p2 == "heard" || p2 == "saw" || p2 == "learned"
	case "of":
		return p2 == "fan" || p2 == "fans" || p2 == "biography" || p2 == "memoir" || p2 == "album"
	case "by", "with":
		return fameCues[p2] || fameCues[p3]
	case "and", "or", ",":
		// "listening to Johnny Cash and Aretha Franklin": the second of
		// two figures the cue governs.
		c := s.sameLinePrev(st)
		for k, n := s.sameLinePrev(c), 0; k > 0 && n < 5; k, n = s.sameLinePrev(k), n+1 {
			if s.toks[k].capWord() && s.fameBefore(k) {
				return s.publicFigure(k, s.sameLinePrev(c))
			}
		}
	}
	return false
}

// likenedTo: the patient's condition likened to a public figure's: "is
// this what Michael J. Fox had", "like michael j fox said", "what Michael
// J. Fox and Muhammad Ali had" (the first of two figures joined by "and"
// shares the second's verb).
func (s *scan) likenedTo(st, en int) bool {
	p1 := s.prevWordAt(st, 1)
	if p1 != "what" && p1 != "like" {
		if p1 != "and" {
			return false
		}
		// The second figure: the first, before "and", is likened.
		c := s.sameLinePrev(st)
		for k, n := s.sameLinePrev(c), 0; k > 0 && n < 5; k, n = s.sameLinePrev(k), n+1 {
			if w := s.prevWordAt(k, 1); (w == "what" || w == "like") && s.toks[k].letters() {
				_, ok := s.figureListed(k, s.sameLinePrev(c))
				return ok && s.likenedVerbAfter(en)
			}
		}
		return false
	}
	if n := s.next(en); n > 0 && s.eq(n, "and") {
		for e := n + 2; e <= n+5 && s.next(e-1) == e; e++ {
			if _, ok := s.figureListed(n+1, e); ok {
				return s.likenedVerbAfter(e)
			}
		}
	}
	return s.likenedVerbAfter(en)
}

// likenedVerbAfter: "had", "has", "said", "says", "did", "does" right
// after token en.
func (s *scan) likenedVerbAfter(en int) bool {
	switch s.nextWordAt(en) {
	case "had", "has", "said", "says", "did", "does", "went":
		return true
	}
	return false
}

// worksAfter: a famous person's work named right after their name: "a
// Johnny Cash song", "Johnny Cash's music", "Jimmy Carter's recovery" is
// no work (left to the words before it).
func (s *scan) worksAfter(en int) bool {
	n := s.next(en)
	if n > 0 && s.toks[n].punct('\'') && n+1 < len(s.toks) && s.eq(n+1, "s") {
		n = s.next(n + 1)
	}
	if n < 0 {
		return false
	}
	switch s.lower(n) {
	case "song", "songs", "album", "albums", "movie", "movies", "film", "films", "concert", "concerts", "book",
		"books", "novel", "novels", "biography", "memoir", "documentary", "music", "record", "records", "show", "shows",
		"speech", "speeches", "poster", "interview":
		return true
	}
	return false
}

// fameCues are words said around a public figure mentioned in passing.
var fameCues = wordsOf("read reads reading hear heard listen listening listens watch watched watching watches fan " +
	"fans inspired compared famous singer actor actress president movie movies film films song songs music album " +
	"book books novel novels concert documentary tv television biography memoir idol starred author autograph")

// recurringTime: a month, a season or a holiday that comes back every
// year, no one's date: after "every" or "each", itself or the last of a
// list or a range ("Seasonal Allergies Every April and May", "every
// spring and fall", "Every Tuesday and Thursday Through March"); a month a season of a disease begins or peaks in ("Norovirus
// Season Begins in November", "flu season peaks in february"); a feast
// kept by a fast or an observance ("fasts during Ramadan", "observes
// Lent"). "Seen in April and May", "since Easter", "every Monday until
// March 3" (a day after it) and "every April Jones visit" (a listed
// person after it) stay.
func (s *scan) recurringTime(st, en int) bool {
	if en-st > 3 || s.anyKnown(st, en) || !s.toks[st].letters() || !s.monthWord(st) && !s.toks[st].is(lxTimeWord) {
		return false
	}
	for k := st + 1; k <= en; k++ {
		if !s.toks[k].letters() || s.toks[k].is(lxOrdWord|lxDigitWord|lxTeenWord|lxTensWord) {
			return false // "March 3", "june third"
		}
	}
	if n := s.next(en); n > 0 && (s.toks[n].capWord() && s.toks[n].gap == gapSpace && s.toks[n].lex&(lxFirst|lxSur) != 0 ||
		s.toks[n].digits() || s.toks[n].is(lxOrdWord|lxDigitWord|lxTeenWord|lxTensWord)) {
		return false // "April Jones", "every Monday until March 3"
	}
	// Back over a list or a range of days, months and feasts to "every".
	for j, n := s.sameLinePrev(st), 0; j >= 0 && n < 8; j, n = s.sameLinePrev(j), n+1 {
		t := &s.toks[j]
		if t.letters() && (s.eq(j, "every") || s.eq(j, "each")) {
			return true
		}
		if !(t.punct(',') || t.letters() && (t.is(lxWeekday|lxMonth|lxTimeWord) || listOrRange[s.lower(j)])) {
			break
		}
	}
	p1 := s.prevWordAt(st, 1)
	for i := 2; i <= 5; i++ {
		switch w := s.prevWordAt(st, i); {
		case w == "":
			return false
		case s.monthWord(st) && (w == "season" || w == "seasons") && (p1 == "in" || p1 == "through" || p1 == "until"):
			return true
		case !s.monthWord(st) && observanceWords[w]:
			return true
		}
	}
	return false
}

// listOrRange join the days, months and feasts of a schedule.
var listOrRange = wordsOf("and or other through thru until till to")

// observanceWords keep a feast as a practice, every year's.
var observanceWords = wordsOf("fast fasts fasting observe observes observing celebrate celebrates celebrating")

// headingWords: a name found on a line written as a heading or a list
// item (Title Case by titleCaseLine, or every word of four letters or
// more capitalized) whose words are on no list of given names or surnames
// (a census surname that is also a word may start it) and whose last word
// is an ordinary English word: "Shoes With Good Tread", "Bronchodilator
// Response Present", "Palforzia Oral Immunotherapy Discussed". A listed
// given name or surname ("Follow Up With Chidi Okafor"), a last word that
// is a surname or no English ("Letter For Ngozi Fortune"), a title, a
// label, a comma or a preposition of place or agent before it ("Alias:
// ZEBRA, TANGO", "Bjornstad,Per", "via Cbus Fire Medic 14", "Seen By
// Hope") keeps the name.
func (s *scan) headingWords(st, en int) bool {
	if en-st > 3 || s.titleBefore(st) || s.anyKnown(st, en) || !s.dictionaryWord(en) && !s.pluralOfWord(en) {
		return false
	}
	switch s.prevWordAt(st, 1) {
	case ":", ",", ";", "via", "at", "from", "to", "in", "on", "near", "into", "by":
		return false // a label's, a record's field, a place's position
	}
	if s.employerValue(st) {
		return false // "Employer: Halvorsen Trucking": the field's value
	}
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		if !t.letters() {
			if t.punct('-') && t.gap == gapNone {
				continue
			}
			return false
		}
		if k == st && s.wordSurname(k) || s.censusGivenWord(k) {
			continue
		}
		if t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0 || t.gaz&gzSur != 0 && t.gaz&gzWord == 0 {
			return false
		}
	}
	return s.titleCaseLine(st) || s.capitalizedLine(st)
}

// wordSurname: token k is a surname of the hand list marked ambiguous that
// is also an English word and no given name ("Good", "Green", "Winter"),
// as a census surname that is a word may start a heading's words ("Shoes
// With Good Tread", "Green Zone: Flovent").
func (s *scan) wordSurname(k int) bool {
	t := &s.toks[k]
	if t.lex&lxSurAmb == 0 || t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0 {
		return false
	}
	ok := s.englishTok(k)
	return ok
}

// censusGivenWord: token k is on the census lists of given names only,
// marked as an English word too, and on no hand list of names ("Season",
// "Moon"): on a heading it is the word ("Norovirus Season Begins in
// November"). Given names the hand lists hold ("Dawn", "Hope", "Amber")
// are not.
func (s *scan) censusGivenWord(k int) bool {
	t := &s.toks[k]
	return t.gaz&gzWord != 0 && t.gaz&gzFirst != 0 && t.gaz&gzSur == 0 && t.lex&(lxFirst|lxFirstAmb|lxSur|lxSurAmb) == 0
}

// plainPlaceWord: token k is an English word (or its plural) that no list
// of places, hospitals' names or titles holds, nor a list of given names or
// surnames that does not also mark it as a word.
func (s *scan) plainPlaceWord(k int) bool {
	const placeLex = lxFirst | lxSur | lxCity | lxCityAmb | lxState | lxStateAbbr | lxCountry | lxStreetSuffix | lxTown | lxFacHead |
		lxFacAcro | lxCityNick | lxBrand | lxTitle | lxTitleClin
	t := &s.toks[k]
	if !t.letters() || t.allUpper() && t.n() > 1 || t.lex&placeLex != 0 ||
		t.gaz&(gzCity|gzCityAmb|gzTown|gzFacHead|gzFacAcro|gzCityNick) != 0 || t.gaz&(gzFirst|gzSur) != 0 && t.gaz&gzWord == 0 {
		return false
	}
	ok := s.englishTok(k)
	return ok || s.pluralOfWord(k)
}

// ownersPlace: a place that opens with a possessive determiner or one of
// "any", "every", "each" ("talking to Your Care Team", "call my clinic",
// "Get Your Shot at Any Clinic"): what follows is a kind of place,
// not its name, when all its words are plain (plainPlaceWord); otherwise
// the name starts after the determiner ("my Mercy clinic"). It returns
// -1 to drop the place, the token the name starts at, or st to keep it.
// "Our Lady of ..." is a name.
func (s *scan) ownersPlace(st, en int) int {
	if en == st || !s.toks[st].letters() || s.toks[st+1].gap != gapSpace || !ownerDeterminers[s.lower(st)] || s.eq(st, "our") && s.eq(st+1, "lady") {
		return st
	}
	for k := st + 1; k <= en; k++ {
		if !s.plainPlaceWord(k) {
			return st + 1
		}
	}
	return -1
}

// ownerDeterminers own what follows them, or take any one of its kind
// ("at Any Clinic", "Every Pharmacy").
var ownerDeterminers = wordsOf("your my his their our any every each another")

// headingPlace: a place found on a heading, a list item or a Title Case
// line, where capitals say nothing, whose words are all ordinary English
// words on no list of places or hospitals' names ("Inhaler May Be Carried
// in Backpack", "Grab Bars Near the Toilet", "Zyrtec Allowed at School",
// "Add Flu Vaccine in Season", "Excuse From Physical Education"): a
// common noun after a preposition, not a place's name; the place is read
// with the capitalized words around it. A word on a list of cities, towns or hospitals' names
// ("Follow Up at Mercy", "Moved to Reading"), a given name or surname that
// is no English word, a street's word, a title before or a supplied name
// keeps it.
func (s *scan) headingPlace(st, en int) bool {
	if en-st > 2 || s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	// The whole capitalized run around the place, so that a part of a
	// longer name is read with the rest of it ("Abbey Road Surgery", "One
	// Community Health").
	in := func(k int) bool {
		return k >= 0 && s.toks[k].capWord() && !titleFunctionWords[s.lower(k)] && !s.eq(k, "the")
	}
	for p := s.sameLinePrev(st); in(p) && s.toks[st].gap == gapSpace; p = s.sameLinePrev(p) {
		st = p
	}
	for n := s.next(en); in(n) && s.toks[n].gap == gapSpace; n = s.next(n) {
		en = n
	}
	if en-st > 2 {
		return false
	}
	for k := st; k <= en; k++ {
		if !s.toks[k].capWord() || !s.plainPlaceWord(k) || en > st && s.toks[k].lex&lxFacility != 0 {
			return false
		}
	}
	return s.titleCaseLine(st) || s.capitalizedLine(st)
}

// capitalizedLine: every word of four letters or more on the line of
// token k is capitalized, and there are three of them at least: a
// heading, a list item or a Title Case note ("Bronchodilator Response
// Present. DLCO Mildly Reduced.").
func (s *scan) capitalizedLine(k int) bool {
	a := k
	for a > 0 && s.toks[a].gap != gapLine {
		a--
	}
	n := 0
	for j := a; j < len(s.toks) && (j == a || s.toks[j].gap != gapLine); j++ {
		if t := &s.toks[j]; t.letters() && t.n() >= 4 {
			if !t.capWord() {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// reflexives stand between "compared" and "to".
var reflexives = wordsOf("himself herself themselves myself yourself")

// publicHonorifics are the honorifics of heads of state and of a church.
var publicHonorifics = map[string]bool{"president": true, "pope": true, "king": true, "queen": true}

// denomination: one word that names a church or a faith, said of a person
// or of a thing ("Grew up Lutheran, now Methodist.", "a Hmong Christian
// church", "devout Catholic"), not a facility's short name ("transferred
// to Methodist", "at Lutheran") nor a person ("Christian called", "Christian
// Lee"). After a word that says what one is or was, or before a noun of
// faith; a word that is also a given name needs the noun.
func (s *scan) denomination(st, en int) bool {
	if st != en || !s.toks[st].letters() || !s.tokIn(faithWordsSet, st) || s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	n := s.next(st)
	if n > 0 && s.toks[n].letters() {
		w := s.lower(n)
		if faithNouns[w] && !s.toks[n].upper() {
			return true
		}
		if s.toks[n].upper() || personVerbs[w] || unlistedForms[w] {
			return false // "Methodist Hospital", "Christian Lee", "Christian brought"
		}
	}
	if s.faithListed(st) {
		return true // "chaplains of Christian, Jewish, Muslim and Hindu traditions"
	}
	if s.toks[st].lex&(lxFirst|lxFirstAmb|lxSur) != 0 || s.toks[st].gaz&(gzFirst|gzSur) != 0 {
		return false
	}
	p := s.sameLinePrev(st)
	if p < 0 {
		return false
	}
	return s.toks[p].punct(',') && (n < 0 || !s.toks[n].letters()) || s.toks[p].letters() && s.tokIn(faithBeforeSet, p)
}

// stagingSystem: the place at st is the name of a staging or grading
// system in parentheses right after a stage, grade or class and its value
// ("stage IIA (Ann Arbor / Lugano)", "grade B (Los Angeles)"): only
// capitalized words, "/", "," and "and" between the parenthesis and st. A
// parenthesis with other words ("stage IIA (seen at Mercy Hospital)") or
// no stage word before it keeps the place.
func (s *scan) stagingSystem(st int) bool {
	k := st - 1
	for ; k >= 0; k-- {
		t := &s.toks[k]
		if t.punct('(') {
			break
		}
		if !(t.punct('/') || t.punct(',') || t.letters() && (t.capWord() || s.eq(k, "and"))) || t.gap == gapLine {
			return false
		}
	}
	if k < 2 || s.toks[k].gap == gapLine {
		return false
	}
	v, w := &s.toks[k-1], k-2
	if !v.word() || v.n() > 5 || !s.toks[w].letters() {
		return false
	}
	switch s.lower(w) {
	case "stage", "grade", "class", "type":
		return true
	}
	return false
}

// capsPairInProse: one of two all-caps words joined by a comma ("BPH with
// LUTS, IPSS 19"), the shape of a name written last name first, inside a
// sentence written in lower case (the word before the pair is a lower-case
// word on the same line), with neither word on any list of given names or
// surnames: two acronyms in prose. A listed word in the pair ("seen with
// KOWALCZYK, DOLORES"), a label before it ("Name: LUTS, IPSS") or a
// capital word before it keep the name.
func (s *scan) capsPairInProse(st, en int) bool {
	if st != en || !s.toks[st].allUpper() || s.toks[st].n() < 2 || s.anyKnown(st, en) {
		return false
	}
	a, b := st, st+2 // the pair: st and the word after the comma, or the word before it and st
	if !(b < len(s.toks) && s.toks[st+1].punct(',') && s.toks[st+1].gap == gapNone) {
		a, b = st-2, st
		if a < 0 || !s.toks[st-1].punct(',') || s.toks[st-1].gap != gapNone {
			return false
		}
	}
	for _, k := range []int{a, b} {
		if t := &s.toks[k]; !t.letters() || !t.allUpper() || t.n() < 2 || s.nameListedWord(k) || s.anyKnown(k, k) {
			return false
		}
	}
	if s.toks[b].gap != gapSpace {
		return false
	}
	p := s.sameLinePrev(a)
	return p >= 0 && s.toks[p].letters() && !s.toks[p].upper() && s.toks[a].gap == gapSpace && !s.toks[p].is(lxTitle|lxTitleClin|lxCue|lxRelation)
}

// societyAcronym: one all-caps word that is the acronym of a society or a
// public-health body (societyAcronyms), written as one: next to another
// such acronym ("from ACC and AHA", "ACC/AHA", "CDC, WHO") or before a word
// of what such a body issues or holds ("the ACC statement", "ADA
// guidelines"). Several are also hospitals' acronyms (the gazetteer's
// [facacro]); alone after a place cue ("transferred to ACC") the acronym
// stays a place, and next to a place or a hospital it says nothing.
func (s *scan) societyAcronym(st, en int) bool {
	if st != en || !s.toks[st].allUpper() || !societyAcronyms[s.lower(st)] || s.anyKnown(st, en) {
		return false
	}
	society := func(j int) bool {
		return j >= 0 && s.toks[j].letters() && s.toks[j].allUpper() && societyAcronyms[s.lower(j)]
	}
	joint := func(j int) bool {
		return j >= 0 && (s.toks[j].punct('/') || s.toks[j].punct(',') || s.toks[j].letters() && (s.eq(j, "and") || s.eq(j, "or")))
	}
	if n := s.next(en); n > 0 {
		if joint(n) && society(s.next(n)) || s.toks[n].letters() && !s.toks[n].upper() && societyIssues[s.lower(n)] {
			return true
		}
	}
	p := s.sameLinePrev(st)
	return p >= 0 && joint(p) && society(s.sameLinePrev(p))
}

// letterEndedCompound: the span ends inside a word joined by hyphens
// whose last part is one capital letter ("at Chick-fil-A", "Jell-O"): a
// product's name, which no person's or place's name is shaped like.
func (s *scan) letterEndedCompound(en int) bool {
	k := en
	k = s.hyphenatedEnd(k)
	if k == en || s.toks[k].n() != 1 || !s.toks[k].upper() {
		return false
	}
	return k+1 >= len(s.toks) || s.toks[k+1].gap != gapNone || !s.toks[k+1].letters() && !s.toks[k+1].digits()
}

// seasonAnswer: a season's word in lower case opens a turn that answers a
// question asked with "when" ("doctor: your allergies get worse when" /
// "patient: summer, when they cut the hay"), ending the turn or before a
// comma and a word of time: the time, not a person named Summer, even
// when the platform supplied the name. A name asked with "who", or one
// that a verb, a relation or a pronoun follows ("autumn can come", "autumn,
// my sister, can"), stays.
func (s *scan) seasonAnswer(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 0 || en != st || s.toks[st].upper() || !seasonWords[s.lower(st)] || !s.turnStart(st) {
		return false
	}
	// The season ends the turn, or a comma and a word of time follow it;
	// "autumn can come tuesday", "autumn, my sister, can", "autumn, she
	// can" answer with a person.
	if n := st + 1; n < len(s.toks) && s.toks[n].gap != gapLine && !s.toks[n].punct('.') {
		if !s.toks[n].punct(',') || n+1 >= len(s.toks) || s.toks[n+1].gap == gapLine || !seasonTimeWords[s.lower(n+1)] {
			return false
		}
	}
	return s.askedBefore(st, func(k int) bool { return s.eq(k, "when") })
}

// seasonTimeWords go on about a time after a season and a comma.
var seasonTimeWords = wordsOf("when mostly usually especially every each during around mainly always definitely")

// societyIssue: a society's acronym and what it issues, both capitalized
// on a heading or a Title Case line ("Screening Per USPSTF Guidance").
func (s *scan) societyIssue(st, en int) bool {
	return en == st+1 && s.toks[st].allUpper() && societyAcronyms[s.lower(st)] && s.toks[en].capWord() && societyIssues[s.lower(en)] &&
		(s.titleCaseLine(st) || s.capitalizedLine(st))
}

// worksOf: a name right before a plural noun of works, with no possessive
// ("reads Agatha Christie novels", "Beatles songs"): the works' author,
// not a person of the encounter. Nouns that are also verbs of a person
// ("books", "plays", "records", "shows") are not among them.
func (s *scan) worksOf(st, en int) bool {
	for _, k := range [2]int{s.sameLinePrev(st), st} {
		if k >= 0 && (giveVerbs[s.lower(k)] || performVerbs[s.lower(k)]) {
			return false // "brought Maria Lopez novels", "Read Rose Hill poems": to Maria, to Rose Hill
		}
	}
	n := s.next(en)
	return n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() && worksNouns[s.lower(n)]
}

// performVerbs take a person before the works read or played to them.
var performVerbs = wordsOf("read reads sang sings sing played plays play")

// worksNouns are the kinds of works a name before them wrote or made.
var worksNouns = wordsOf("novels songs movies albums poems paintings mysteries lyrics sonatas symphonies operas")

// brandOfUser: a name between "a" and a noun of someone who uses a
// product ("was a Marlboro Red smoker", "a Coke drinker"): a brand.
func (s *scan) brandOfUser(st, en int) bool {
	p, n := s.sameLinePrev(st), s.next(en)
	return p >= 0 && (s.eq(p, "a") || s.eq(p, "an")) && n > 0 && s.toks[n].gap == gapSpace && !s.toks[n].upper() && userNouns[s.lower(n)]
}

// userNouns are people by the product they use.
var userNouns = wordsOf("smoker smokers drinker drinkers user users chewer dipper vaper")

// modelNumber: the name ends in one capital letter joined by a hyphen to a
// number ("drives a Ford F-150"): a product's model, not an initial.
func (s *scan) modelNumber(en int) bool {
	t := &s.toks[en]
	return t.letters() && t.n() == 1 && t.upper() && en+2 < len(s.toks) && s.toks[en+1].punct('-') && s.toks[en+1].gap == gapNone &&
		s.toks[en+2].gap == gapNone && s.toks[en+2].digits()
}

// societyAcronyms are acronyms of medical societies and public-health
// bodies whose guidance notes cite.
var societyAcronyms = wordsOf("acc aha ada cdc who nih fda uspstf acs acg acog aap aafp acp idsa ats ers kdigo esc " +
	"nice ash asco nccn aga aasld acr aan aua easl acip ama ana aace endo acsm nhlbi niddk cms osha")

// societyIssues follow a society's acronym: what it issues, holds or is.
var societyIssues = wordsOf("guideline guidelines guidance statement statements recommendation recommendations " +
	"recommends recommend criteria standards standard target targets goal goals website websites site conference " +
	"meeting walk class classes schedule scientific consensus position handout handouts materials diet says said advises")

// faithListed: the faith word at k is an item of a list ("," "and" "or"
// between items) whose neighbouring item, on either side, is another faith
// word that no list of names holds ("Christian, Jewish, Muslim", "Muslim
// or Christian"): a list of faiths, even when this one is also a given
// name. A neighbour that is a name or no faith word ("Christian, Maria and
// Jose") says nothing.
func (s *scan) faithListed(k int) bool {
	sep := func(j int) bool {
		return j >= 0 && (s.toks[j].punct(',') || s.toks[j].letters() && (s.eq(j, "and") || s.eq(j, "or")))
	}
	faith := func(j int) bool {
		return j >= 0 && s.toks[j].letters() && faithWords[s.lower(j)] && s.toks[j].lex&(lxFirst|lxFirstAmb|lxSur) == 0 &&
			s.toks[j].gaz&(gzFirst|gzSur) == 0
	}
	if n := s.next(k); n > 0 && sep(n) && faith(s.next(n)) {
		return true
	}
	p := s.sameLinePrev(k)
	return p >= 0 && sep(p) && faith(s.sameLinePrev(p))
}

// ampersandBrand: the name is one side of two capitalized (or two
// lower-case) words joined by "&" before a possessive, a business's shape
// ("Ben & Jerry's", "some ben & jerry's"), with no title before and none of
// what two people own or do after it ("Tom & Mary's son", "Tom & Mary's
// house" stay).
func (s *scan) ampersandBrand(st, en int) bool {
	a, b := -1, -1 // the words before and after "&"
	switch {
	case en+1 < len(s.toks) && s.toks[en+1].punct('&'):
		a, b = en, en+2
	case st >= 2 && s.toks[st-1].punct('&'):
		a, b = st-2, st
		if en > st {
			return false
		}
	default:
		return false
	}
	if a < 0 || b >= len(s.toks) || !s.toks[a].letters() || !s.toks[b].letters() || s.toks[a].upper() != s.toks[b].upper() ||
		s.toks[b].gap == gapLine || s.titleBefore(a) || s.anyKnown(a, b) {
		return false
	}
	if st != a && st != b || en != a && en != b {
		return false
	}
	if !(b+2 < len(s.toks) && s.toks[b+1].punct('\'') && s.toks[b+1].gap == gapNone && s.eq(b+2, "s")) {
		return false // a possessive is the business's mark
	}
	n := s.afterPossessive(b)
	return n < 0 || !s.ownedByPeople(n)
}

// ownedByPeople: the word after a possessive is what a person has or does
// ("Wendy's mom", "Tom & Mary's house", "Wendy's car broke down").
func (s *scan) ownedByPeople(n int) bool {
	if !s.toks[n].letters() {
		return false
	}
	w := s.lower(n)
	return s.toks[n].is(lxRelation) || personVerbs[w] || peoplesThings[w]
}

// peoplesThings are what a person's possessive names.
var peoplesThings = wordsOf("house home place apartment room car truck party wedding funeral dog cat kids children " +
	"baby birthday phone number farm yard porch garage office")

// chainAmongChains: a listed chain's possessive ("Wendy's", lexicon
// [brand]) on a line with another listed chain's possessive ("at Wendy's
// choose the grilled wrap; at McDonald's skip the fries"): a list of
// chains; not with what a person has after it ("Wendy's car broke down
// near Arby's"), not after a title or over a supplied name.
func (s *scan) chainAmongChains(st, en int) bool {
	if st != en || !s.chainPossessiveAt(st) || s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	if n := s.afterPossessive(en); n > 0 && s.ownedByPeople(n) {
		return false
	}
	for k := st - 1; k >= 0 && k >= st-40 && s.toks[k+1].gap != gapLine; k-- {
		if s.chainPossessiveAt(k) || s.chainPhraseAt(k) {
			return true
		}
	}
	for k := st + 1; k < len(s.toks) && k <= st+40 && s.toks[k].gap != gapLine; k++ {
		if s.chainPossessiveAt(k) || s.chainPhraseAt(k) {
			return true
		}
	}
	return false
}

// chainPhraseAt: a listed brand of two words or more starts at token k
// ("Taco Bell", "Olive Garden", lexicon [brand]): with a chain's
// possessive on its line, a list of chains ("Wendy's, Taco Bell,
// Chick-fil-A").
func (s *scan) chainPhraseAt(k int) bool {
	return s.toks[k].letters() && s.phraseStartsAt(k, lxBrand)
}

// possessiveAmongThings: a possessive (one or two words) that opens a
// list of two items or more, each a capitalized run on no list of names
// ("Avoid Reese's, Snickers and Peanut M&M's"): a shop's or a product's
// name. A person's
// possessive stands alone or beside other people ("Ann's, Maria's and
// Carla's children"); a title or a supplied name keeps it.
func (s *scan) possessiveAmongThings(st, en int) bool {
	if en-st > 1 || !s.toks[st].capWord() || s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	k := s.afterPossessive(en)
	items := 0
	for k > 0 && s.listSep(k) {
		m, e := s.itemAfter(k)
		if e < 0 {
			break
		}
		for j := m; j <= e; j++ {
			if t := &s.toks[j]; t.letters() && (t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0 ||
				t.gaz&gzSur != 0 && t.gaz&gzWord == 0) {
				return false // "Ann's, Maria's and Carla's"
			}
		}
		items++
		k = s.next(e)
	}
	return items >= 2
}

// sideInitial: token k is "R" or "L" with its period after a comparison
// ("rigidity R > L. Glabellar tap"): a side, not a name's initial.
func (s *scan) sideInitial(k int) bool {
	if !(s.eq(k, "r") || s.eq(k, "l")) || !s.toks[k].upper() || k+1 >= len(s.toks) || !s.toks[k+1].punct('.') {
		return false
	}
	p := s.sameLinePrev(k)
	return p >= 0 && (s.toks[p].punct('>') || s.toks[p].punct('<') || s.toks[p].punct('='))
}

// nameWordIn: a word of a name list among tokens st..en.
func (s *scan) nameWordIn(st, en int) bool {
	for k := st; k <= en && k < len(s.toks); k++ {
		if s.toks[k].lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 || s.toks[k].gaz&(gzFirst|gzSur) != 0 {
			return true
		}
	}
	return false
}

// productListWords returns the words of comma lists of single capitalized
// words (four items or more, "and" or "or" before the last allowed) in
// which more than half the items are in no span: a list of products where
// the rules or the tagger took a few for names ("Options reviewed:
// Nexplanon, Mirena, Kyleena, Liletta, Paragard."); their other mentions
// go too ("Chose Kyleena."). Only words of no name list: a list of people,
// found, stays ("Visitors: Maria, Dwayne, Tanisha and Obi"), and so does a
// name inside a list of products. Nil when there is none.
func (s *scan) productListWords(spans []Span) map[string]bool {
	var out map[string]bool
	covered := func(k int) bool {
		for _, sp := range spans {
			if sp.Start < int(s.toks[k].e) && int(s.toks[k].s) < sp.End {
				return true
			}
		}
		return false
	}
	item := func(k int) bool {
		return k >= 0 && k < len(s.toks) && s.toks[k].capWord() && !s.toks[k].allUpper() && s.toks[k].n() >= 3
	}
	sep := func(k int) bool { // k: the token after an item; returns whether a separator follows
		return k >= 0 && k < len(s.toks) && s.toks[k].gap != gapLine && (s.toks[k].punct(',') || s.eq(k, "and") || s.eq(k, "or"))
	}
	done := -1
	for _, sp := range spans {
		if sp.Type != Name && sp.Type != Location {
			continue
		}
		k := s.tokStartingAt(sp.Start)
		if k < 0 || k <= done || s.tokEndingAt(sp.End) != k || !item(k) || !sep(k+1) && !(k >= 1 && sep(k-1)) {
			continue // no list item: no comma, "and" or "or" beside it
		}
		// Walk to the list's first item.
		first := k
		for {
			p := first - 1
			if p >= 1 && (s.eq(p, "and") || s.eq(p, "or")) && s.toks[p-1].punct(',') {
				p--
			}
			if p < 1 || !sep(p) || s.toks[first].gap == gapLine || !item(p-1) {
				break
			}
			first = p - 1
		}
		var itemBuf [16]int
		items := itemBuf[:0]
		j := first
		for item(j) {
			items = append(items, j)
			n := j + 1
			if !sep(n) {
				break
			}
			if s.toks[n].punct(',') && n+1 < len(s.toks) && (s.eq(n+1, "and") || s.eq(n+1, "or")) && s.toks[n+1].gap != gapLine {
				n++
			}
			if n+1 >= len(s.toks) || s.toks[n+1].gap == gapLine {
				break
			}
			j = n + 1
		}
		done = j
		if len(items) < 4 {
			continue
		}
		free := 0
		for _, it := range items {
			if !covered(it) {
				free++
			}
		}
		if free*2 <= len(items) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		for _, it := range items {
			if !s.nameWordIn(it, it) {
				out[s.lowerAny(it)] = true // a word of a name list stays: "Options: Nexplanon, Maria, ..."
			}
		}
	}
	return out
}

// mediaTitle: a Title Case run of words of no name list after a verb of
// watching or reading: a show or a book ("Watched Bluey and Paw Patrol on
// a tablet", "reading Goodnight Moon at bedtime"). One word after
// "watch" needs a screen or a show named on the line ("watching Oluwaseun
// after school" is minding a child); after "read" two words or more.
// Listed given names stay ("Watched Maria closely", "reading Rose Hill a
// story"), and so does a name of words on no English list ("watched Maria
// Lopez").
func (s *scan) mediaTitle(st, en int) bool {
	if s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	for k := st; k <= en; k++ {
		if !s.toks[k].capWord() || s.toks[k].allUpper() {
			return false
		}
		if s.nameWordIn(k, k) && (en == st || !s.titleWord(k)) {
			return false
		}
	}
	p := s.sameLinePrev(st)
	// Past the other titles of a list: "Watched Bluey and Paw Patrol".
	for p >= 1 && (s.eq(p, "and") || s.toks[p].punct(',')) && s.toks[p-1].capWord() {
		q := p - 1
		for q >= 1 && s.toks[q-1].capWord() && s.toks[q].gap == gapSpace && !mediaVerbs[s.lower(q-1)] {
			q--
		}
		p = s.sameLinePrev(q)
	}
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	// A title goes on over a lower-case "of", "the" or "and" before a
	// capitalized word: "Watched Wheel of Fortune" is a title of three
	// words, though the span holds the first.
	multi := en > st
	if n := s.next(en); !multi && n > 0 && s.toks[n].gap == gapSpace && !s.toks[n].upper() && (s.eq(n, "of") || s.eq(n, "the") || s.eq(n, "and")) {
		m := s.next(n)
		multi = m > 0 && s.toks[m].gap == gapSpace && s.toks[m].capWord() && !s.toks[m].allUpper() && (!s.nameWordIn(m, m) || s.titleWord(m))
	}
	switch w := s.lower(p); {
	case mediaVerbs[w] && !readVerbs[w]:
		if multi {
			return true
		}
		for k := s.next(en); k > 0; k = s.next(k) {
			if s.toks[k].letters() && screenWords[s.lower(k)] {
				return true
			}
		}
	case readVerbs[w]:
		return multi
	}
	return false
}

// titleWord: token k, on a list of names, may still be a word of a title
// of two words or more: a surname that is an English word ("Goodnight
// Moon", "Paw Patrol", "Wheel of Fortune"); never a given name of the
// hand lists, nor a census one that is no English word.
func (s *scan) titleWord(k int) bool {
	eng := s.englishTok(k)
	return eng && s.toks[k].lex&(lxFirst|lxFirstAmb) == 0 && (s.toks[k].gaz&gzFirst == 0 || s.censusGivenWord(k))
}

// mediaVerbs watch or read; readVerbs read.
var (
	mediaVerbs = wordsOf("watch watched watches watching binge binged streaming streams streamed read reads reading reread rereading")
	readVerbs  = wordsOf("read reads reading reread rereading")
)

// screenWords name what a show is watched on or what it is.
var screenWords = wordsOf("tv television tablet ipad phone netflix youtube hulu show shows episode episodes series " +
	"cartoon cartoons channel screen movie movies")

// drugCalled: one capitalized word of no name list that a medicine is
// called, that someone is on or that a treatment is given with ("a pill
// called Tarina", "has been on Errin", "started on Zarah", "prophylaxis
// with Malarone"): a brand; not after a title, not a supplied
// name, not a listed name ("been on Maria's case" keeps Maria).
func (s *scan) drugCalled(st, en int) bool {
	if st != en || !s.toks[st].capWord() || s.toks[st].allUpper() || s.nameWordIn(st, en) || s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	p := s.sameLinePrev(st)
	if p < 1 || !s.toks[p].letters() {
		return false
	}
	q := s.lower(p - 1)
	switch s.lower(p) {
	case "called", "named":
		return drugNouns[q]
	case "on":
		return q == "been" || q == "started" || q == "restarted" || q == "stays" || q == "stayed" || q == "remains" || q == "remained"
	case "with":
		return treatedWith[q]
	}
	return false
}

// treatedWith are the words of a treatment given with a medicine ("malaria
// prophylaxis with Malarone", "premedicated with Benadryl"); none takes a
// person after "with" the way "seen with" or "therapy with" does.
var treatedWith = wordsOf("prophylaxis premedicated premedication anticoagulated pretreated sedated supplemented " +
	"reversed rehydrated nebulized")

// drugNouns are what a medicine is called as.
var drugNouns = wordsOf("pill pills medicine medication medications drug drugs shot shots injection cream ointment " +
	"inhaler patch ring iud implant tablet tablets capsule capsules brand generic spray drops")

// lowerBeforeHead: one lower-case word of no given-name list before a
// lower-case head of an anatomical or eponymous term ("that's carpal
// tunnel", "cubital tunnel", "a jones fracture"): the term, not a person.
// Not a supplied name, not after a title, relation or greeting ("hey
// grant, tunnel..." has its comma anyway).
func (s *scan) lowerBeforeHead(st, en int) bool {
	t := &s.toks[st]
	if st != en || !t.letters() || t.upper() || t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0 ||
		s.titleBefore(st) || s.anyKnown(st, en) || s.relationBefore(st) {
		return false
	}
	n := s.next(en)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() {
		return false
	}
	return s.toks[n].is(lxEponymHead) || anatomyTerms[s.lower(n)]
}

// anatomyTerms close a term of anatomy after its adjective.
var anatomyTerms = wordsOf("tunnel tunnels canal bone bones ligament ligaments joint joints nerve nerves muscle " +
	"muscles tendon tendons artery arteries vein veins space region fossa")

// bodySiteAbbrev: the abbreviation of a site of the body or of the
// chest's auscultation ("murmur at RUSB", "tender at RUQ"), which the
// tagger reads as a place's acronym after "at".
func (s *scan) bodySiteAbbrev(st, en int) bool {
	return st == en && s.toks[st].letters() && s.toks[st].allUpper() && bodySites[s.lower(st)]
}

// bodySites are abbreviations of sites of the body.
var bodySites = wordsOf("rusb lusb rlsb llsb lsb rsb ruq luq rlq llq pmi mcl aal mal pal apex epigastrium")

// deviceBrand: one capitalized word before the lower-case noun of a ward's
// device ("heels offloaded on Roho cushion", "a Dolphin mattress"): a brand.
// Not a word of a name list ("moved Lopez walker to the hall"), not after
// a place's preposition ("discharged to Maple cushion factory" keeps it), a
// title, or over a supplied name.
func (s *scan) deviceBrand(st, en int) bool {
	if st != en || !s.toks[st].capWord() || s.toks[st].allUpper() || s.titleBefore(st) || s.anyKnown(st, en) || s.nameWordIn(st, en) {
		return false
	}
	if p := s.sameLinePrev(st); p >= 0 && s.toks[p].letters() && placePreps[s.lower(p)] {
		return false
	}
	n := s.next(en)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() || !wardDevices[s.lower(n)] {
		return false
	}
	m := s.next(n)
	return m < 0 || !s.toks[m].letters() || s.toks[m].upper() || s.tokIn(functionWordSet, m)
}

// wardDevices are devices a brand names on a ward.
var wardDevices = wordsOf("cushion cushions mattress mattresses overlay overlays boot boots brace braces collar collars " +
	"splint splints lift lifts walker walkers wheelchair wheelchairs stockings bandage dressing dressings pump pumps " +
	"monitor monitors sling slings")

// faithWords name churches and faiths.
var faithWords = wordsOf("lutheran methodist baptist catholic presbyterian episcopal episcopalian adventist mennonite " +
	"amish mormon pentecostal orthodox christian evangelical protestant quaker jewish muslim hindu buddhist sikh " +
	"nazarene anglican unitarian wesleyan apostolic")

// faithNouns follow a denomination said of a thing.
var faithNouns = wordsOf("church churches faith family families tradition upbringing values beliefs community " +
	"congregation pastor minister household background prayer prayers services denomination roots parents " +
	"convert")

// faithBefore say what someone is or was before a denomination.
var faithBefore = wordsOf("up raised is was are were now a an devout practicing practising lifelong born converted " +
	"became being as non and or identifies")

// lineSubjectLabels introduce the person a line is about.
var lineSubjectLabels = wordsOf("patient pt name resident client member subject")

// measuredEponym: a capitalized name of one word before what an
// eponymous scale, test or sign reports: a score over its maximum that no
// date has the shape of ("Berg 44/56", "Tinetti 20/28"), or a word of the
// result or the index ("Katz ADL 6/6", "Lawton IADL", "Weber midline",
// "Goldmann applanation"). Not after a title, a name's label or over a
// supplied name; a fraction shaped like a date ("Berg 4/12") is no score.
func (s *scan) measuredEponym(st, en int) bool {
	if en != st || !s.toks[st].capWord() || s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	if p := s.sameLinePrev(st); p >= 0 && (s.toks[p].punct(':') || s.toks[p].letters() && lineSubjectLabels[s.lower(p)]) {
		return false // "Patient: Katz ADL dependent", "Pt Berg 44/56"
	}
	n := s.next(en)
	if n < 0 || s.toks[n].gap != gapSpace {
		return false
	}
	if s.toks[n].letters() {
		return measureWords[s.lower(n)]
	}
	if !s.toks[n].digits() || n+2 >= len(s.toks) || !s.toks[n+1].punct('/') || s.toks[n+1].gap != gapNone || !s.toks[n+2].digits() || s.toks[n+2].gap != gapNone {
		return false
	}
	a, b := atoiSmall(s.str(n)), atoiSmall(s.str(n+2))
	if a < 0 || b <= 0 || a > b {
		return false
	}
	return a > 12 || b > 31
}

// measureWords follow an eponymous scale, test or sign and report it.
var measureWords = wordsOf("adl adls iadl iadls applanation tonometry contractions midline lateralizes lateralized " +
	"lateralizing")

// atoiSmall parses a run of up to six digits, or returns -1.
func atoiSmall(d string) int {
	if d == "" || len(d) > 6 {
		return -1
	}
	v := 0
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return -1
		}
		v = v*10 + int(d[i]-'0')
	}
	return v
}

func wordsOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// knownCompound: a supplied name part that is also a word ("stone",
// "ray", "ivy", "grant"), in lower case inside a fixed compound of
// ordinary words ("a kidney stone", "the x ray", "poison ivy", "a research
// grant", "ginger ale"): the word, not the person. The person's own
// mentions keep their context ("mr stone", "hi ivy", "ivy's rash").
func (s *scan) knownCompound(k int) bool {
	t := &s.toks[k]
	if t.upper() || !t.letters() || s.titleBefore(k) || s.echoAt(k) {
		return false // a play on the name keeps both: "poison ivy on ivy"
	}
	// "this is dr. river banks dictating": a compound whose two words are
	// both supplied name parts is the name said whole.
	w := s.lower(k)
	if p := s.sameLinePrev(k); p >= 0 && s.toks[p].letters() && !s.toks[p].upper() && t.gap == gapSpace {
		if compounds[s.lower(p)+" "+w] && !(s.isKnown(p) && s.isKnown(k)) {
			return true
		}
	}
	if n := s.next(k); n > 0 && s.toks[n].letters() && !s.toks[n].upper() && s.toks[n].gap == gapSpace {
		if compounds[w+" "+s.lower(n)] && !(s.isKnown(n) && s.isKnown(k)) {
			return true
		}
	}
	return false
}

// compounds are fixed pairs of ordinary words, one of which is also a
// given name or a surname.
var compounds = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range []string{"kidney stone", "kidney stones", "gall stones", "bladder stone", "stone protocol",
		"x ray", "x rays", "poison ivy", "poison oak", "research grant", "grant money", "river bank", "river banks",
		"ball field", "ball fields", "corn field", "corn fields", "sand flea", "sand fleas", "earl grey",
		"lamb stew", "fire marshal", "fire marshall", "ginger ale", "ginger tea", "ginger snaps", "scarlet fever",
		"sage tea", "honey tea", "hazel eyes", "chopping wood", "shoveling snow", "snow shovel", "lan party",
		"carol service", "christmas carol", "sterling silver", "sharp pain", "short of", "major surgery",
		"major operation", "wood chips", "wood stove", "rose bush", "cherry tomatoes",
		"olive oil", "mint tea", "basil pesto", "dawn dish", "summer camp", "summer break", "spring break",
		"rusty nail", "hunter green", "royal blue", "jade plant", "amber alert", "crystal clear", "ray of",
		"bill pay", "medical bill", "bills due",
		// Compounds of ordinary speech and of allergy and food talk (branch deidfree3).
		"grace period", "grace periods", "hay field", "hay fields", "timothy grass", "johnson grass", "sweet william",
		"lazy susan", "granny smith", "bloody mary", "tom collins", "shirley temple", "peeping tom", "pepper jack",
		"jumping jacks", "car jack", "union jack", "summer months", "summer heat", "ruby slippers", "price tag",
		"price list", "rose hips", "rose water", "iris scan", "ivy league", "holly bush", "sage advice"} {
		m[c] = true
	}
	return m
}()

// givenOfEponym: the name is the given name of an eponym or a charity whose
// surname the rules left as no name ("Lou Gehrig's disease", "the Michael J.
// Fox Foundation"): the word after it (past an initial), in no span, is a
// listed eponym's surname before its possessive and an eponym's head, or
// opens a Title Case run ending in a head.
func (s *scan) givenOfEponym(st, en int, spans []Span) bool {
	if s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	k := s.next(en)
	if k > 0 && s.toks[k].letters() && s.toks[k].n() == 1 && s.toks[k].upper() {
		if d := s.adj(k); d > 0 && s.toks[d].punct('.') {
			k = s.next(d)
		}
	}
	if k < 0 || !s.toks[k].capWord() {
		return false
	}
	for _, sp := range spans {
		if sp.Start < int(s.toks[k].e) && int(s.toks[k].s) < sp.End {
			return false
		}
	}
	head := func(j int) bool {
		return j > 0 && (s.toks[j].is(lxEponymHead) || s.tokIn(possessiveHeadsSet, j) || s.tokIn(bodyHeadsSet, j))
	}
	if n := s.afterPossessive(k); n > 0 {
		// Only a surname the lexicon lists as an eponym's: the rules take
		// any word before a possessive and a disease for an eponym, and
		// "Mary" of "Mary Ostrowski's disease" is all that is left.
		return s.toks[k].is(lxEponymName) && !s.toks[n].upper() && head(n)
	}
	for j, m := s.next(k), 0; j > 0 && m < 3 && s.toks[j].capWord(); j, m = s.next(j), m+1 {
		if head(j) {
			return true
		}
	}
	return false
}

// freeLookalike: tokens st..en, a candidate of type ty (Name or Location),
// are a product, an organisation, a holiday, a sign on a campus, a web
// domain or a drug rather than an identifier:
//   - a member of a list after a product label ("Brand names: Camila,
//     Errin, Heather"), or of a list with a language or people ("in
//     Hmong, Karen and Somali"; listLookalike);
//   - a Title Case run that ends in an organisation's or a document's head
//     ("Antimicrobial Stewardship Committee", "Falls Prevention Task
//     Force", "Eli Lilly and Company", "Mayo Clinic Proceedings"; orgRun);
//   - a holiday named by a person ("Martin Luther King Jr. Day",
//     "Columbus Day", "St. Patrick's Day"; holidayAt);
//   - a campus sign: a lot, garage, door or wing and its letter or number
//     ("Parking in Lot C", "Garage B"; wayfinding);
//   - a product given a dose or a frequency ("Juven BID", "Allevyn 2
//     sheets"; dosedProduct), a word with a drug's stem
//     ("Levonorgestrel", "Quasense" is not one; drugStem);
//   - a word glued to a domain ("ClinicalTrials.gov"; domainWord);
//   - a unit's letter after a slash ("4.1 kU/L. Tree nuts") or an allergen
//     component ("Ara h 2", "Bet v 1"; unitOrAllergen).
func (s *scan) freeLookalike(st, en int, ty Type) bool {
	if st == en && (s.gradeAlone(st) || s.interjection(st) || s.procedureAcronym(st) || s.protocolValue(st) || s.kindAfterArticle(st) ||
		s.eq(st, "i") && !s.toks[st].upper() || s.labelOpening(st)) ||
		s.pluralAcronyms(st, en) || s.namedService(st, en) {
		return true
	}
	if st == en && s.greetingModifier(st) || s.foreignGreeting(st, en) {
		return true
	}
	if s.employerValue(st) {
		return false // "Employer: Halvorsen Trucking": a company, but the patient's employer
	}
	if s.titleBefore(st) || s.anyKnown(st, en) {
		return false
	}
	if st == en && (s.deityWord(st) || pluralWeekdays[s.lower(st)]) {
		return true // "by the grace of God", "grief group Tuesdays"
	}
	if s.phraseLookalike(st, en) {
		return true // "good morning young man", "to whom it may concern" (phraselookalike.go)
	}
	if s.susceptibility(st, en) {
		return true
	}
	return s.listLookalike(st, en) || s.orgRun(st, en, ty) || s.holidayOver(st, en) || s.wayfinding(st, en) ||
		s.dosedProduct(st, en) || s.medVerbObject(st, en) || st == en && (s.drugStem(st) || s.wordList(st)) ||
		s.domainWord(en) || s.unitOrAllergen(st, en) || s.saintProductAnyCase(st, en) || s.eponymHeadAfter(st, en) ||
		s.romanType(st, en) || ty == Name && (s.modifiedScale(st) || st == en && s.anatomyOf(st)) ||
		s.scripture(en) ||
		ty == Location && (s.headingPlace(st, en) || s.regionAt(st, en) || s.serviceOnly(st, en) || s.programAfter(st, en) || s.pluralKind(st, en) || s.levelWord(st, en) || st == en && (s.infinitiveVerb(st) || s.formLabel(st))) ||
		s.parenProduct(st, en)
}

// serviceOnly: the place's words all name kinds of care and a unit of a
// clinic, none a place or a person ("the Family Medicine Residency
// Clinic", "our Wound Care Clinic"): a department, not a facility's name.
// Words that also open names of facilities ("University", "County",
// "Regional", "Children's") are not enough.
func (s *scan) serviceOnly(st, en int) bool {
	if en == st || en-st > 5 {
		return false
	}
	switch s.lower(en) {
	case "clinic", "clinics", "program", "unit", "service", "services", "team", "department", "practice", "center":
	default:
		return false
	}
	for k := st; k < en; k++ {
		t := &s.toks[k]
		if !t.letters() || t.lex&(lxCity|lxFirst|lxSur|lxState) != 0 || t.gaz&(gzCity|gzTown|gzFirst|gzSur|gzFacHead) != 0 {
			return false
		}
		w := s.lower(k)
		switch w {
		case "university", "county", "city", "state", "regional", "central", "main", "new", "children's", "childrens",
			"veterans", "general", "women's", "womens", "the", "of", "and":
			return false
		}
		if !serviceWords[w] && !specialtyWord(w) && !trainingWords[w] && !clinicKinds[w] {
			return false
		}
	}
	return true
}

// clinicKinds name what a clinic of a practice is for ("Anticoagulation
// Clinic", "Travel Clinic", "Lipid Clinic").
var clinicKinds = wordsOf("anticoagulation coumadin warfarin inr travel diabetes diabetic lipid allergy asthma weight " +
	"bariatric fertility lactation immunization vaccine vaccination wellness prenatal postpartum continence " +
	"headache seizure epilepsy stroke memory fracture osteoporosis smoking tobacco cessation")

// trainingWords name a clinic's teaching role.
var trainingWords = map[string]bool{"residency": true, "resident": true, "residents": true, "teaching": true,
	"training": true, "fellowship": true, "faculty": true, "student": true, "students": true}

// programAfter: the place, all of English words on no list of places or
// names, is followed by a word for a course or a group of care in lower
// case ("referral to Dialectical Behavior Therapy group"): a treatment's
// name, not a site ("Multnomah County program" stays).
func (s *scan) programAfter(st, en int) bool {
	for k := st; k <= en; k++ {
		if !s.dictionaryWord(k) && !serviceWords[s.lower(k)] || s.toks[k].lex&(lxCity|lxState|lxCityAmb) != 0 {
			return false
		}
	}
	n := s.next(en)
	if n < 0 || s.toks[n].upper() || s.toks[n].gap != gapSpace {
		return false
	}
	switch s.lower(n) {
	case "group", "groups", "class", "classes", "session", "sessions", "skills", "module", "modules", "curriculum",
		"course", "workbook":
		return true
	}
	return false
}

// scripture: the name ends in a book of the Bible before its chapter
// ("Read Psalm 23", "John 3:16"): a given name that is a book needs the
// verse after a colon.
func (s *scan) scripture(en int) bool {
	n := s.next(en)
	if n < 0 || !s.toks[n].digits() || s.toks[n].n() > 3 {
		return false
	}
	w := s.lower(en)
	if bibleBooks[w] {
		return true
	}
	switch w {
	case "john", "matthew", "mark", "luke", "james", "peter", "timothy", "samuel", "daniel", "ruth", "esther", "job",
		"jude", "joshua", "jonah", "micah", "amos", "joel", "titus", "philemon":
		c := s.adj(n)
		return c > 0 && s.toks[c].punct(':') && s.adj(c) > 0 && s.toks[c+1].digits()
	}
	return false
}

// bibleBooks are the books of the Bible that no one is named.
var bibleBooks = map[string]bool{"psalm": true, "psalms": true, "proverbs": true, "genesis": true, "exodus": true,
	"leviticus": true, "deuteronomy": true, "isaiah": true, "jeremiah": true, "ecclesiastes": true, "romans": true,
	"corinthians": true, "galatians": true, "ephesians": true, "philippians": true, "colossians": true,
	"thessalonians": true, "hebrews": true, "lamentations": true, "revelation": true, "revelations": true}

// modifiedScale: a name opened by a word that revises a scale or a rule
// ("Modified Rankin 1", "Revised Geneva"): no person's name starts so.
func (s *scan) modifiedScale(st int) bool {
	switch s.lower(st) {
	case "modified", "revised", "simplified", "extended", "abbreviated", "adapted", "updated", "original", "pediatric",
		"paediatric", "reverse", "inverted":
		return s.toks[st].capWord()
	}
	return false
}

// romanType: a surname of no given-name list, or a place, before the grade
// of a classification named after it: "type", "class", "grade" or "stage"
// and a Roman numeral, a letter or a small number ("Fitzpatrick type III
// skin", "Forrest class IIb", "Weber type B", "Vancouver type B2"), or a
// Roman numeral with a subgrade's letter right after the name ("Forrest
// IIb", "Fontaine IIb"; a generation's "II" alone stays a name's suffix).
func (s *scan) romanType(st, en int) bool {
	t := &s.toks[st]
	if en-st == 1 && s.toks[en].letters() && classGrade(s.str(en), false) && s.gradeEnds(en) {
		t, en = &s.toks[en-1], en-1 // "Fontaine IIb" found as one name
	}
	if t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0 || en-st > 1 {
		return false
	}
	n := s.next(en)
	if n < 0 || s.toks[n].gap != gapSpace {
		return false
	}
	if s.eq(n, "type") || s.eq(n, "class") || s.eq(n, "grade") || s.eq(n, "stage") {
		m := s.next(n)
		return m > 0 && s.toks[m].gap == gapSpace && classGrade(s.str(m), true)
	}
	return st == en && s.toks[n].letters() && classGrade(s.str(n), false) && s.gradeEnds(n)
}

// labelOpening: token k, an English word on no list of names, opens its
// line and a label's lower-case word and colon follow it ("Funeral home:
// Adair Funeral Homes"): the label's first word, not a name.
func (s *scan) labelOpening(k int) bool {
	if !(k == 0 || s.toks[k].gap == gapLine) || k+2 >= len(s.toks) || s.anyKnown(k, k) || !s.dictionaryWord(k) {
		return false // "Maria said: no pain" is hers
	}
	n := &s.toks[k+1]
	return n.letters() && !n.upper() && n.gap == gapSpace && s.toks[k+2].punct(':') && s.toks[k+2].gap == gapNone
}

// protocolValue: token k is the value of a protocol's label, named after
// its author ("Protocol: Bruce."), or names the protocol before the word
// ("the Bruce protocol").
func (s *scan) protocolValue(k int) bool {
	if !eponymProtocols[s.lower(k)] {
		return false // "Protocol: Okafor to sign off" is a person
	}
	if n := s.next(k); n > 0 && (s.eq(n, "protocol") || s.eq(n, "protocols")) && s.toks[n].gap == gapSpace {
		return true
	}
	p := s.sameLinePrev(k)
	return p >= 1 && s.toks[p].punct(':') && (s.eq(p-1, "protocol") || s.eq(p-1, "regimen"))
}

// eponymProtocols are exercise and treatment protocols named after their
// authors.
var eponymProtocols = wordsOf("bruce naughton balke ellestad cornell stanford")

// kindAfterArticle: a lower-case word on no list of names after "a" or
// "an" names a kind of person ("i'm a righty"), not the person; a supplied
// name is decided by the metadata rules, and after a role spelled out ("my
// m a lupita") the word is the name.
func (s *scan) kindAfterArticle(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.upper() || s.anyKnown(k, k) || s.anyNameList(k) || t.gaz&(gzFirst|gzSur) != 0 {
		return false // "my m a lupita": a role spelled out, then her name
	}
	w := s.prevWordAt(k, 1)
	return (w == "a" || w == "an") && len(s.prevWordAt(k, 2)) > 1
}

// namedService: a public service or programme named like a person ("Poison
// Control", "Bright Futures").
func (s *scan) namedService(st, en int) bool {
	n := s.next(en)
	switch {
	case st == en && s.eq(st, "poison") && n > 0 && s.eq(n, "control"):
		return true
	case en == st+1 && s.eq(st, "bright") && s.eq(en, "futures"):
		return true
	case en == st+1 && s.eq(st, "poison") && s.eq(en, "control"):
		return true
	}
	return false
}

// interjection: token k opens a turn or a sentence with an interjection
// set off by a comma or a stop ("Triage Nurse: Ha, easy to remember.",
// "Righto. Take a seat."), not a name said to someone.
func (s *scan) interjection(k int) bool {
	t := &s.toks[k]
	if !t.letters() || !interjections[s.lower(k)] || s.anyKnown(k, k) || !(s.turnStart(k) || s.afterSentenceEnd(k) || s.bareTurnStart(k)) {
		return false
	}
	if s.bareTurnStart(k) {
		return true // "doctora buenas doña carmín": a greeting after a tag without a colon
	}
	n := k + 1
	return n >= len(s.toks) || s.toks[n].gap == gapLine || s.toks[n].punct(',') || s.toks[n].punct('.') || s.toks[n].punct('!')
}

// foreignGreeting: tokens st..en are a greeting or thanks of another
// language ("Xin chào", "hello karibu", "asante daktari",
// "sawubona"), not a name, unless the platform supplied the words.
func (s *scan) foreignGreeting(st, en int) bool {
	if s.anyKnown(st, en) || s.titleBefore(st) {
		return false
	}
	// Said as a greeting: opening a turn or a sentence, after a comma or
	// another greeting ("hello karibu", "asante sana"); "my son asante",
	// "my neighbor shalom cohen" are people.
	if p := s.sameLinePrev(st); p >= 0 && s.toks[p].kind != tkPunct {
		w := s.lower(p)
		if !(foreignGreetings[w] || greetingFirsts[w] || w == "hello" || w == "hi" || w == "hey" || w == "and") {
			return false
		}
	}
	for k := st; k <= en; k++ {
		if !s.toks[k].letters() {
			return false
		}
		w := s.lower(k)
		if foreignGreetings[w] {
			continue
		}
		// The first word of a greeting of two ("xin chào", "ni hao").
		if n := s.next(k); greetingFirsts[w] && n > 0 && foreignGreetings[s.lower(n)] {
			continue
		}
		if p := s.sameLinePrev(k); p >= 0 && (greetingFirsts[s.lower(p)] && foreignGreetings[w] ||
			w == "sana" && foreignGreetings[s.lower(p)]) {
			continue // "xin chào", "asante sana"
		}
		return false
	}
	return true
}

var (
	// foreignGreetings are greetings and thanks of other languages said in
	// clinics; greetingFirsts open the greetings of two words.
	foreignGreetings = wordsOf("chào chao karibu asante jambo habari sawubona molweni dumela salaam salam namaste " +
		"namaskar shalom bonjour konnichiwa annyeong annyeonghaseyo hao ciao grazie merci obrigado obrigada " +
		"gracias danke spasibo kamsahamnida xièxie xiexie mabuhay salamat mahalo ora talofa")
	greetingFirsts = wordsOf("xin ni nin kia")
)

// procedureAcronym: token k is the acronym of a procedure, a test or a
// hospital's system ("proceed to EBUS", "uploaded to PACS"), not a place.
func (s *scan) procedureAcronym(k int) bool {
	t := &s.toks[k]
	return t.letters() && t.allUpper() && t.n() >= 3 && procedureAcronyms[s.lower(k)]
}

var (
	// interjections open a turn and are no one's name.
	interjections = wordsOf("ha hah haha ahh aha aw aww ooh oof ugh righto rightio cheers ta aye och nah yep yup " +
		"mhm hmm whoa gosh jeez golly blimey crikey oi hiya howdy bueno buenas hola oye pues")
	// procedureAcronyms are procedures, tests and hospital systems said
	// where a place could be.
	procedureAcronyms = wordsOf("pacs ebus eus ercp egd tee tte tavr tavi pci cabg ekg ecg eeg emg ncs mrcp vats ptca " +
		"dexa picc ecmo cpap bipap tpn epic cerner")
)

// pluralAcronyms: tokens st..en hold an acronym's plural ("SKs", "AKs",
// "PVCs") and otherwise only English words ("Multiple SKs"): findings, not
// a person or a place.
func (s *scan) pluralAcronyms(st, en int) bool {
	found := false
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		if !t.letters() {
			continue
		}
		w := s.str(k)
		if n := len(w); n >= 3 && n <= 6 && w[n-1] == 's' && strings.IndexFunc(w[:n-1], func(r rune) bool { return r > 0x7f || !isUpperASCII(byte(r)) }) < 0 {
			found = true
			continue
		}
		if !s.dictionaryWord(k) {
			return false
		}
	}
	return found
}

// gradeAlone: token k is a subgrade found alone after the capitalized name
// of its classification ("Forrest IIb" where "IIb" was remembered as a
// name's word elsewhere in the text).
func (s *scan) gradeAlone(k int) bool {
	if !s.toks[k].letters() || !classGrade(s.str(k), false) || !s.gradeEnds(k) {
		return false
	}
	p := s.sameLinePrev(k)
	return p >= 0 && s.toks[p].capWord() && s.toks[k].gap == gapSpace
}

// classGrade: w is a classification's grade. With any, a Roman numeral
// ("III", "iv"), a capital letter with an optional digit ("B", "B2") or a
// number up to 5; otherwise only a capital Roman numeral with a subgrade's
// letter ("IIb", "IIIA", "IIF", "Ib").
func classGrade(w string, any bool) bool {
	if w == "" || len(w) > 5 {
		return false
	}
	r := 0
	for r < len(w) && strings.IndexByte("IVX", w[r]&^0x20) >= 0 && (any || w[r] < 'a') {
		r++
	}
	switch {
	case r > 0 && r == len(w):
		return any && (strings.IndexByte(w, 'I') >= 0 || strings.IndexByte(w, 'V') >= 0 || strings.IndexByte(w, 'i') >= 0 || strings.IndexByte(w, 'v') >= 0)
	case r > 0 && r == len(w)-1 && strings.IndexByte(w[:r], 'I') >= 0 && strings.IndexByte("abcABCF", w[r]) >= 0:
		// "IIb", "IIIA", "IVB", "Ia"; not "VA" nor a state's "IA"
		return any || r > 1 || w[r] >= 'a'

	}
	if !any {
		return false
	}
	if w[0] >= 'A' && w[0] <= 'D' && (len(w) == 1 || len(w) == 2 && w[1] >= '0' && w[1] <= '9') {
		return true
	}
	return len(w) == 1 && w[0] >= '0' && w[0] <= '5'
}

// gradeEnds: the grade at token n ends its clause or names what is graded
// ("Forrest IIb.", "Fontaine IIb claudication"), rather than opening a
// name or an address.
func (s *scan) gradeEnds(n int) bool {
	m := s.next(n)
	return m < 0 || s.toks[m].gap == gapLine || s.toks[m].punct('.') || s.toks[m].punct(',') || s.toks[m].punct(';') ||
		s.toks[m].punct(')') || s.toks[m].letters() && !s.toks[m].upper()
}

// infinitiveVerb: a lower-case English word after "to" is a verb, not a
// town, when a word that takes an infinitive comes before "to" ("i want to
// pierce", "hard to wake", "great to hear") or, after "going to", an
// object follows it ("going to add a weekly shot"; "going to salem for
// the weekend" keeps its town).
func (s *scan) infinitiveVerb(k int) bool {
	t := &s.toks[k]
	if t.upper() || !t.letters() {
		return false
	}
	if ok := s.englishTok(k); !ok {
		return false
	}
	p := s.sameLinePrev(k)
	if p < 0 || !s.eq(p, "to") {
		return false
	}
	q := s.sameLinePrev(p)
	if q < 0 {
		return false
	}
	if infinitiveTakers[s.lower(q)] {
		return true
	}
	if !s.eq(q, "going") && !s.eq(q, "gonna") {
		return false
	}
	n := s.next(k)
	return n > 0 && verbObjects[s.lower(n)]
}

// infinitiveTakers take a verb after "to", never a place.
var infinitiveTakers = map[string]bool{"want": true, "wants": true, "wanted": true, "need": true, "needs": true,
	"needed": true, "have": true, "has": true, "had": true, "hard": true, "easy": true, "able": true, "unable": true,
	"great": true, "nice": true, "good": true, "glad": true, "sorry": true, "happy": true, "try": true,
	"trying": true, "tried": true, "used": true, "supposed": true, "ought": true, "plan": true, "planning": true,
	"decided": true, "forget": true, "forgot": true, "remember": true, "likely": true, "unlikely": true,
	"afraid": true, "scared": true, "started": true, "start": true, "begin": true, "began": true, "continue": true,
	"how": true, "what": true, "where": true, "whether": true, "safe": true, "okay": true, "ok": true,
	"fine": true, "allowed": true, "expect": true, "hope": true, "hoping": true, "meant": true}

// verbObjects open the object of a verb.
var verbObjects = map[string]bool{"a": true, "an": true, "the": true, "your": true, "my": true, "his": true,
	"her": true, "their": true, "our": true, "it": true, "him": true, "them": true, "you": true, "me": true,
	"us": true, "up": true, "out": true, "some": true, "any": true, "this": true, "that": true, "these": true,
	"those": true, "off": true, "down": true}

// formLabel: a place's kind written as a form's label ("City: Barre",
// "County:"), which names no place itself.
func (s *scan) formLabel(k int) bool {
	n := s.next(k)
	if n < 0 || !s.toks[n].punct(':') {
		return false
	}
	switch s.lower(k) {
	case "city", "town", "county", "state", "country", "address", "street", "zip", "parish", "province", "township",
		"village", "borough", "district", "region", "residence", "birthplace":
		return true
	}
	return false
}

// parenProduct: the candidate is a product's brand named beside its
// generic in parentheses: after a generic drug or a product's form
// ("bordered foam (Mepilex Border)", "alginate (Kaltostat)") or before its
// generic ("ella (ulipristal)"). The generic is a lower-case ASCII word of six
// letters or more on no list of English words, names or places; a
// relative or a role before a name ("her daughter (Maria)") is English.
func (s *scan) parenProduct(st, en int) bool {
	if en-st > 2 {
		return false
	}
	generic := func(k int) bool {
		t := &s.toks[k]
		if t.upper() || !t.letters() || t.shape&shNonASCII != 0 || t.n() < 6 || t.lex != 0 || t.gaz != 0 {
			return false
		}
		eng := s.englishTok(k)
		return !eng
	}
	if p := s.sameLinePrev(st); p > 0 && s.toks[p].punct('(') {
		if n := s.next(en); n > 0 && s.toks[n].punct(')') {
			if g := s.sameLinePrev(p); g >= 0 && (generic(g) || nounHeads[s.lower(g)] && !s.toks[g].upper() ||
				strings.HasSuffix(s.lower(g), "virus")) {
				return true // also a virus's strain: "Hantavirus (Sin Nombre)"
			}
		}
	}
	if n := s.next(en); n > 0 && s.toks[n].punct('(') {
		if g := s.next(n); g > 0 && generic(g) {
			if c := s.next(g); c > 0 && s.toks[c].punct(')') {
				return true
			}
		}
	}
	return false
}

// wordList: the capitalized word at k, an English word on no list of names
// or places, is an item of a list whose other items (two or more) are
// such words too, or clinical ones: a checklist, not people ("Feeding,
// Analgesia, Sedation, Thromboprophylaxis").
func (s *scan) wordList(k int) bool {
	if !s.toks[k].capWord() || !s.dictionaryWord(k) {
		return false
	}
	plain := func(j int) bool {
		t := &s.toks[j]
		return t.capWord() && (s.dictionaryWord(j) || t.lex&lxMedical != 0 && t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) == 0 &&
			t.gaz&(gzFirst|gzSur|gzFirstAmb|gzSurAmb) == 0)
	}
	n := 0
	for j := k; ; {
		p := s.sameLinePrev(j)
		if p < 0 || !s.toks[p].punct(',') {
			break
		}
		if j = s.sameLinePrev(p); j < 0 || !plain(j) {
			break
		}
		n++
	}
	for j := k; ; {
		p := s.next(j)
		if p < 0 || !s.toks[p].punct(',') {
			break
		}
		if j = s.next(p); j < 0 || !plain(j) {
			break
		}
		n++
	}
	return n >= 2
}

// greetingModifier: a lower-case English word after a greeting, that no
// list holds as a given name, before the thing it describes: no one
// greeted ("hey doc quick question", "hi, small favor"). After "doc" too,
// which is no title of a surname in a greeting.
func (s *scan) greetingModifier(k int) bool {
	t := &s.toks[k]
	if t.upper() || !t.letters() || t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0 {
		return false
	}
	if ok := s.englishTok(k); !ok {
		return false
	}
	n := s.next(k)
	if n < 0 || !greetingObjects[s.lower(n)] {
		return false
	}
	p := s.sameLinePrev(k)
	if p >= 0 && (s.toks[p].punct(',') || s.eq(p, "doc") || s.eq(p, "there")) { // not "doctor": "hi doctor quick" may be Dr. Quick
		p = s.sameLinePrev(p)
	}
	if p >= 0 && s.toks[p].punct(',') {
		p = s.sameLinePrev(p)
	}
	return p >= 0 && (s.eq(p, "hi") || s.eq(p, "hey") || s.eq(p, "hello") || s.eq(p, "morning"))
}

// greetingObjects are what a word after a greeting may describe.
var greetingObjects = map[string]bool{"question": true, "questions": true, "q": true, "thing": true, "note": true,
	"update": true, "favor": true, "reminder": true, "request": true, "quick": true, "one": true, "check": true}

// saintProductAnyCase: a saint's name before a possessive and a product
// noun written in capitals too ("St John's Wort").
func (s *scan) saintProductAnyCase(st, en int) bool {
	if st == en && productNouns[s.lower(st)] && st >= 4 && s.eq(st-1, "s") && s.toks[st-2].punct('\'') {
		st, en = st-3, st-3 // the product's noun alone: "Wort" of "St John's Wort"
	}
	k := st
	if p := s.sameLinePrev(st); p >= 0 && (s.eq(p, "st") || s.eq(p, "saint")) {
		k = p // the candidate may start after the title
	}
	if !(s.eq(k, "st") || s.eq(k, "saint")) {
		return false
	}
	n := s.afterPossessive(en)
	return n > 0 && s.toks[n].letters() && productNouns[s.lower(n)]
}

// afterPossessive returns the word after the possessive that ends at or
// follows token en ("Palmer's point", "Presidents' Day"), or -1.
func (s *scan) afterPossessive(en int) int {
	switch {
	case s.eq(en, "s") && en > 0 && s.toks[en-1].punct('\'') && s.toks[en].gap == gapNone:
		return s.next(en)
	case en+2 < len(s.toks) && s.toks[en+1].punct('\'') && s.toks[en+1].gap == gapNone && s.eq(en+2, "s") && s.toks[en+2].gap == gapNone:
		return s.next(en + 2)
	}
	return -1
}

// eponymHeadAfter: the candidate (one or two words) names a point, a pouch
// or a canal after its possessive ("Palmer's point", "Morison's pouch"),
// a pupil or a virus in lower case after it ("marcus gunn pupil", "Seoul
// viruses"), or a product after it ("Allevyn Life foam"). A person's body
// part after a possessive ("John Hale's jaw") is no head here.
func (s *scan) eponymHeadAfter(st, en int) bool {
	if en-st > 2 {
		return false
	}
	if n := s.afterPossessive(en); n > 0 {
		if m := s.next(n); m > 0 && s.eq(m, "of") {
			return false // "from Rachel's point of view"
		}
		return !s.toks[n].upper() && s.tokIn(possessiveHeadsSet, n)
	}
	n := s.next(en)
	if n < 0 || s.toks[n].upper() || !s.toks[n].letters() || s.toks[n].gap != gapSpace {
		return false
	}
	w := s.lower(n)
	if m := s.next(n); m > 0 && verbObjects[s.lower(m)] {
		return false // the head is a verb: "have Ann stain it"
	}
	given := s.toks[st].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[st].gaz&(gzFirst|gzFirstAmb) != 0
	return nounHeads[w] || s.toks[st].upper() && !given && productNouns[w] || procedureWord(w) // "have Maria drink more"
}

// procedureWord: a lower-case word that names an operation by its suffix
// ("esophagectomy", "myotomy", "pyloroplasty"): a name before it is the
// operation's ("Ivor Lewis esophagectomy", "Heller myotomy").
func procedureWord(w string) bool {
	if len(w) < 8 {
		return false
	}
	for _, suf := range []string{"ectomy", "otomy", "ostomy", "plasty", "pexy", "rrhaphy"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// anatomyOf: the name after "of" completes an anatomical or a clinical
// eponym ("circle of Willis", "loop of Henle", "tetralogy of Fallot").
func (s *scan) anatomyOf(st int) bool {
	p := s.sameLinePrev(st)
	if p < 1 || !s.eq(p, "of") {
		return false
	}
	q := s.sameLinePrev(p)
	return q >= 0 && !s.toks[q].upper() && anatomyHeads[s.lower(q)]
}

// anatomyHeads take an eponym after "of".
var anatomyHeads = map[string]bool{"circle": true, "foramen": true, "loop": true, "ampulla": true, "sphincter": true,
	"bundle": true, "canal": true, "pouch": true, "tetralogy": true, "island": true, "islets": true, "organ": true,
	"space": true, "ligament": true, "triangle": true, "crypts": true, "duct": true, "node": true, "angle": true,
	"aqueduct": true, "fissure": true, "column": true, "columns": true, "gland": true, "glands": true, "plexus": true,
	"membrane": true, "capsule": true, "tubercle": true, "ring": true, "sinus": true, "valve": true, "line": true,
	"lines": true, "area": true, "fossa": true, "sign": true, "disease": true, "syndrome": true, "test": true,
	"maneuver": true, "law": true, "triad": true, "method": true, "criteria": true, "classification": true}

// possessiveHeads are what an eponym names after its possessive and a
// person's name does not ("Erb's point", "Schlemm's canal"); a person has
// pupils, nodes, a line, an ulcer ("Maria's pupils are equal").
var possessiveHeads = map[string]bool{"point": true, "points": true, "triad": true, "pouch": true, "canal": true,
	"capsule": true, "membrane": true, "corpuscle": true, "corpuscles": true, "ligament": true, "fascia": true,
	"plexus": true, "ampulla": true, "diverticulum": true, "tubercle": true, "maneuver": true, "manoeuvre": true,
	"law": true, "criteria": true}

// nounHeads are what an eponym or a place names right after it, in lower
// case: "marcus gunn pupil", "holmes adie syndrome", "Seoul viruses". No
// verb a person does ("have Karen sign", "Maria point to it") and no body
// part ("John Hale knee pain") is one.
var nounHeads = map[string]bool{"pupil": true, "pupils": true, "virus": true, "viruses": true,
	"jaw-winking": true, "phenomenon": true, "syndrome": true, "disease": true, "maneuver": true, "maneuvers": true, "manoeuvre": true, "manoeuvres": true, "foam": true,
	"gel": true, "ointment": true, "wipes": true, "powder": true, "paste": true, "dressings": true, "mattress": true,
	"stockings": true, "chromosome": true, "translocation": true, "consensus": true, "declaration": true,
	"convention": true, "smear": true, "stain": true, "precautions": true, "isolation": true, "theory": true,
	"handout": true, "website": true, "newsletter": true, "podcast": true, "brochure": true, "pamphlet": true,
	"blog": true, "budget": true, "workouts": true, "diet": true, "album": true, "songs": true, "movie": true,
	"novel": true, "concert": true, "contractions": true}

// scheduleMonths: the month at k is one end of a range of months in a
// sentence of a schedule, which recurs every year ("walk-in Monday to
// Friday from September through March", "clinics run from October
// through February"): a weekday or a word of opening hours in the
// sentence.
func (s *scan) scheduleMonths(k int) bool {
	if !s.monthWord(k) {
		return false
	}
	ranged := false
	if p := s.sameLinePrev(k); p >= 0 && rangeWords[s.lower(p)] {
		if q := s.sameLinePrev(p); q >= 0 && s.monthWord(q) {
			ranged = true
		}
	}
	if n := s.next(k); n > 0 && rangeWords[s.lower(n)] {
		if m := s.next(n); m > 0 && s.monthWord(m) {
			ranged = true
		}
	}
	if !ranged {
		return false
	}
	stop := func(j int) bool {
		t := &s.toks[j]
		return t.punct('.') && !(j+1 < len(s.toks) && s.toks[j+1].digits() && s.toks[j+1].gap == gapNone) || t.punct('?') || t.punct('!')
	}
	for j := k - 1; j >= 0 && k-j < 30 && !stop(j); j-- {
		if s.toks[j].is(lxWeekday) || scheduleWords[s.lower(j)] {
			return true
		}
		if s.toks[j].gap == gapLine {
			break
		}
	}
	for j := k + 1; j < len(s.toks) && j-k < 30 && s.toks[j].gap != gapLine && !stop(j); j++ {
		if s.toks[j].is(lxWeekday) || scheduleWords[s.lower(j)] {
			return true
		}
	}
	return false
}

// holidayOfSchedule: a holiday without a year on a line of a schedule or
// a roster ("Coverage for holidays: Thanksgiving weekend call is split",
// "Christmas Eve and New Year's Eve are half days"): every year's, not a
// date of someone's.
func (s *scan) holidayOfSchedule(st, en int) bool {
	holiday := false
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		if t.digits() || t.shape&shDigit != 0 {
			return false
		}
		if t.lex&lxTimeWord != 0 && !seasonWords[s.lower(k)] || s.eq(k, "eve") || s.eq(k, "fourth") {
			holiday = true
		}
	}
	if !holiday {
		return false
	}
	for _, dir := range [2]int{-1, 1} {
		for k := st; k >= 0 && k < len(s.toks); k += dir {
			if k != st && (dir < 0 && s.toks[k+1].gap == gapLine || dir > 0 && s.toks[k].gap == gapLine) {
				break
			}
			if rosterWords[s.lower(k)] {
				return true
			}
		}
	}
	return false
}

// holidayOnly: tokens st..en name a holiday and hold no number.
func (s *scan) holidayOnly(st, en int) bool {
	holiday := false
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		if t.shape&shDigit != 0 || t.lex&(lxDigitWord|lxTeenWord|lxTensWord|lxOrdWord) != 0 {
			return false
		}
		holiday = holiday || holidayWords[s.lower(k)] || otherHolidays[s.lower(k)] != nil
	}
	return holiday
}

// rosterWords tell a line of a schedule or a roster.
var rosterWords = map[string]bool{"holidays": true, "schedule": true, "hours": true, "coverage": true,
	"observed": true, "rotation": true, "roster": true, "shifts": true}

// scheduleWords tell opening hours and recurring clinics.
var scheduleWords = map[string]bool{"hours": true, "clinics": true, "offered": true, "open": true, "closed": true,
	"walk": true, "weekly": true, "weekdays": true, "weekends": true, "runs": true, "run": true, "available": true,
	"mondays": true, "tuesdays": true, "wednesdays": true, "thursdays": true, "fridays": true, "saturdays": true,
	"sundays": true}

// levelWord: a lower-case place before "level" is a height or a position
// ("at sea level", "at eye level").
func (s *scan) levelWord(st, en int) bool {
	n := s.next(en)
	return st == en && !s.toks[st].upper() && n > 0 && (s.eq(n, "level") || s.eq(n, "levels"))
}

// pluralKind: a kind of facility in the plural, of English words and at
// least one word of care ("Federally Qualified Health Centers", "Critical
// Access Hospitals"): a kind, not a facility's name ("Shriners Hospitals",
// "Pine Grove Centers" stay).
func (s *scan) pluralKind(st, en int) bool {
	e := en
	if n := s.next(en); n > 0 && s.toks[n].capWord() && pluralFacilities[s.lower(n)] {
		e = n
	}
	if !pluralFacilities[s.lower(e)] || e == st {
		return false
	}
	care := false
	for k := st; k < e; k++ {
		if !s.dictionaryWord(k) && !serviceWords[s.lower(k)] || s.toks[k].lex&(lxCity|lxState|lxCityAmb) != 0 {
			return false
		}
		care = care || serviceWords[s.lower(k)] || specialtyWord(s.lower(k))
	}
	return care // "Pine Grove Centers" is named by a place
}

var pluralFacilities = map[string]bool{"centers": true, "centres": true, "hospitals": true, "clinics": true,
	"pharmacies": true, "facilities": true, "agencies": true, "systems": true}

// regions larger than a state, which Safe Harbor leaves ("common in New
// England and the upper Midwest").
var regions = map[string]bool{"new england": true, "midwest": true, "pacific northwest": true, "northeast": true,
	"southeast": true, "southwest": true, "mid-atlantic": true, "mid atlantic": true, "great plains": true,
	"great lakes": true, "deep south": true, "appalachia": true, "gulf coast": true, "west coast": true,
	"east coast": true, "sun belt": true, "rust belt": true, "rocky mountains": true, "rockies": true,
	"mountain west": true, "southeast asia": true, "south asia": true, "east asia": true, "central asia": true,
	"west africa": true, "east africa": true, "sub-saharan africa": true, "central america": true,
	"latin america": true, "south america": true, "north america": true, "eastern europe": true,
	"western europe": true, "scandinavia": true, "the balkans": true, "balkans": true, "caribbean": true}

// regionAt: tokens st..en are a region larger than a state.
func (s *scan) regionAt(st, en int) bool {
	if st < en {
		switch s.lower(st) {
		case "upper", "lower", "northern", "southern", "eastern", "western", "central", "rural", "coastal":
			st++ // "the Upper Midwest", "Northern New England"
		}
	}
	if int(s.toks[en].e)-int(s.toks[st].s) > 24 {
		return false
	}
	return regions[s.low[s.toks[st].s:s.toks[en].e]]
}

// listSep: token k separates the items of a coordinated list.
func (s *scan) listSep(k int) bool {
	t := &s.toks[k]
	return t.punct(',') || t.punct('/') || s.eq(k, "and") || s.eq(k, "or")
}

// itemStart walks back from e, the last token of a list item, over its
// words, hyphens and apostrophes (at most four tokens) and returns its first
// token, or -1 when the item is no capitalized run.
func (s *scan) itemStart(e int) int {
	b := e
	for n := 0; n < 4; n++ {
		p := s.sameLinePrev(b)
		if p < 0 || s.listSep(p) || !(s.toks[p].word() || s.toks[p].gap == gapNone && (s.toks[p].punct('-') || s.toks[p].punct('\''))) {
			break
		}
		if s.toks[p].word() && !s.toks[p].upper() && !s.toks[p].digits() {
			break
		}
		if s.toks[b].gap != gapNone && s.toks[p].word() && s.toks[b].word() && !s.toks[b].upper() {
			break
		}
		b = p
	}
	if !s.toks[b].capWord() {
		return -1
	}
	return b
}

// itemAfter: the first and last tokens of the list item after the
// separator k (", and" counts as one); e is -1 when no capitalized item
// follows.
func (s *scan) itemAfter(k int) (m, e int) {
	m = s.next(k)
	if m > 0 && s.toks[k].punct(',') && (s.eq(m, "and") || s.eq(m, "or")) {
		m = s.next(m)
	}
	return m, s.itemEnd(m)
}

// itemEnd walks forward from b, the first token of a list item, and
// returns its last token, or -1 when b is no capitalized word.
func (s *scan) itemEnd(b int) int {
	if b < 0 || !s.toks[b].capWord() {
		return -1
	}
	e := b
	for n := 0; n < 4; n++ {
		k := s.next(e)
		if k < 0 || s.listSep(k) {
			break
		}
		t := &s.toks[k]
		if t.gap == gapNone && (t.punct('-') || t.punct('\'')) || t.word() && (t.upper() || t.digits()) {
			e = k
			continue
		}
		break
	}
	return e
}

// listLookalike: tokens st..en are an item of a coordinated list (commas,
// "and", "or", "/") whose items are products or peoples: the list follows a
// label of products in its sentence ("Brand and generic names: Camila,
// Errin", "other products with the same ingredient: Aviane, Lutera"), or,
// for an item of one word, another item is a language or a people
// ("interpreters for Karen and Burmese", "Hmong, Karen and Somali
// families"). A person's name in a list of people ("Karen, Tom and Ann")
// has neither.
func (s *scan) listLookalike(st, en int) bool {
	if !s.toks[st].capWord() {
		return false
	}
	first, people, items := st, false, 1
	// Items before.
	for k := st; ; {
		p := s.sameLinePrev(k)
		if p < 0 || !s.listSep(p) {
			break
		}
		q := s.sameLinePrev(p)
		if q >= 0 && (s.eq(p, "and") || s.eq(p, "or")) && s.toks[q].punct(',') {
			q = s.sameLinePrev(q)
		}
		if q < 0 {
			break
		}
		b := s.itemStart(q)
		if b < 0 {
			break
		}
		people = people || b == q && s.peopleItem(b)
		first, k, items = b, b, items+1
	}
	// Items after.
	for k := en; ; {
		n := s.next(k)
		if n < 0 || !s.listSep(n) {
			break
		}
		m, e := s.itemAfter(n)
		if e < 0 {
			break
		}
		people = people || e == m && s.peopleItem(m)
		k, items = e, items+1
	}
	if people && st == en && peopleWords[s.lowerAny(st)] {
		return true
	}
	// A label of products before the list, in its sentence, and the list
	// right after a colon or a word that introduces it ("Products
	// discussed with Maria, Tom and Karen" is no list of products).
	if b := s.sameLinePrev(first); b < 0 || !(s.toks[b].punct(':') || s.tokIn(listIntroSet, b) || s.tokIn(productLabelsSet, b)) {
		return false
	}
	for k, n := s.sameLinePrev(first), 0; k >= 0 && n < 10; k, n = s.sameLinePrev(k), n+1 {
		t := &s.toks[k]
		if t.punct('.') || t.punct(';') || t.punct('?') || t.punct('!') {
			break
		}
		if s.tokIn(productLabelsSet, k) {
			return true
		}
	}
	return false
}

// peopleItem: the list item at k, one word, is a language or a people on
// no list of names, not a person's role named by a language ("Karen, Spanish interpreter").
func (s *scan) peopleItem(k int) bool {
	t := &s.toks[k]
	if !peopleWords[s.lowerAny(k)] || t.lex&(lxFirst|lxFirstAmb|lxSur|lxSurAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb|gzSur|gzSurAmb) != 0 {
		return false // "Karen and Dwayne": a name beside a name
	}
	n := s.next(k)
	return n < 0 || !languageRoles[s.lower(n)]
}

// languageRoles are the roles a language names after it.
var languageRoles = map[string]bool{"interpreter": true, "translator": true, "speaker": true, "teacher": true,
	"tutor": true, "aide": true, "nurse": true, "worker": true, "navigator": true, "liaison": true, "chaplain": true,
	"coordinator": true, "staff": true, "doctor": true, "volunteer": true, "advocate": true, "line": true, "-": true}

// listIntro introduce the items of a list.
var listIntro = map[string]bool{"include": true, "includes": true, "including": true, "are": true, "as": true,
	"names": true, "like": true, "incl": true}

// productLabels announce a list of products, not of people.
var productLabels = map[string]bool{"brand": true, "brands": true, "generics": true, "products": true, "trade": true,
	"formulations": true, "marketed": true, "equivalents": true, "preparations": true, "biosimilars": true}

// peopleWords are languages and peoples written like a given name or a place
// ("Karen", "Chin", "Lao") and the ones they are listed with.
var peopleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"english", "spanish", "french", "german", "italian", "portuguese", "russian",
		"ukrainian", "polish", "greek", "albanian", "bosnian", "serbian", "croatian", "romanian", "turkish",
		"kurdish", "arabic", "hebrew", "yiddish", "farsi", "persian", "dari", "pashto", "urdu", "hindi", "punjabi",
		"bengali", "gujarati", "tamil", "telugu", "nepali", "bhutanese", "burmese", "karen", "karenni", "chin",
		"kachin", "rohingya", "hmong", "mien", "lao", "laotian", "khmer", "cambodian", "thai", "vietnamese",
		"mandarin", "cantonese", "chinese", "korean", "japanese", "tagalog", "filipino", "ilocano", "chuukese",
		"marshallese", "samoan", "tongan", "somali", "somalian", "oromo", "amharic", "tigrinya", "swahili",
		"kinyarwanda", "kirundi", "lingala", "wolof", "fula", "fulani", "yoruba", "igbo", "hausa", "twi", "ewe",
		"haitian", "creole", "navajo", "ojibwe", "lakota", "cherokee", "yupik", "inupiaq", "mam", "kiche",
		"mixtec", "mixteco", "zapotec", "triqui", "garifuna", "quechua", "asl", "afghan", "iraqi", "syrian",
		"congolese", "eritrean", "ethiopian", "sudanese", "ukrainians", "bosnians", "somalis", "latino",
		"latina", "hispanic"} {
		m[w] = true
	}
	return m
}()

// orgRun: the Title Case run from st on (words joined by spaces, "and",
// "&", "of" or "for") ends in a word that heads the name of an
// organisation, a body or a document, not a person or a place
// ("Antimicrobial Stewardship Committee", "Falls Prevention Task Force",
// "Bristol Myers Squibb Company", "Mayo Clinic Proceedings", "Bedside
// Swallow Screen"); "team" and "program" only for a name (a place may be
// a program's site).
func (s *scan) orgRun(st, en int, ty Type) bool {
	last := -1
	// A person's name is no part of a body's after "of" or "for": "Maria
	// Lopez of Quality Council".
	person := s.toks[st].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[st].gaz&(gzFirst|gzFirstAmb) != 0
	for k := st; k < len(s.toks) && k-st < 12; k++ {
		t := &s.toks[k]
		if k > st && t.gap == gapLine {
			break
		}
		switch {
		case t.capWord():
			last = k
			continue
		case k == en+1 && t.punct('\'') && t.gap == gapNone && s.eq(k+1, "s"):
			k++ // "Bubba's Towing"
			continue
		case k > en && k > st && t.gap == gapSpace && (s.eq(k, "and") || t.punct('&') || (s.eq(k, "of") || s.eq(k, "for")) && !person):
			if n := s.next(k); n > 0 && s.toks[n].capWord() {
				continue
			}
		case k <= en && (t.punct('.') || t.punct('-') || t.punct('\'') || s.eq(k, "s") || t.word()):
			continue // inside the candidate: "Jr.", "Lilly's"
		}
		break
	}
	if last < en {
		return false
	}
	for k := st; k <= last; k++ {
		if s.toks[k].capWord() && s.tokIn(docWordsSet, k) {
			return true // "TELEPHONE TRIAGE PROTOCOL PRACTICE SCRIPT"
		}
	}
	switch w := s.lower(last); w {
	case "force":
		return last > 0 && s.eq(last-1, "task")
	case "foundation":
		// "Sutter Medical Foundation": a medical group, where care is
		// given; "the Komen Foundation" is a body.
		return !(last > st && s.eq(last-1, "medical"))
	case "team", "teams", "program", "programs", "programme", "club":
		return ty == Name
	default:
		// A health body named for its place or person ("Betsi Cadwaladr
		// University Health Board") is where care is given, not a body
		// mentioned in passing.
		for k := st; k < last && healthBodyHeads[w]; k++ {
			if s.eq(k, "health") || s.eq(k, "nhs") {
				return false
			}
		}
		return bodyHeads[w]
	}
}

// docWords name a kind of document wherever they stand in a Title Case run;
// no person or place is named with them.
var docWords = map[string]bool{"protocol": true, "protocols": true, "script": true, "template": true,
	"checklist": true, "policy": true, "guideline": true, "guidelines": true, "handout": true, "worksheet": true,
	"algorithm": true, "flowsheet": true, "toolkit": true}

// bodyHeads end the names of organisations, bodies and documents.
var bodyHeads = map[string]bool{"committee": true, "committees": true, "council": true, "subcommittee": true,
	"taskforce": true, "workgroup": true, "collaborative": true, "company": true, "association": true,
	"society": true, "coalition": true, "consortium": true, "proceedings": true, "journal": true, "screen": true,
	"inventory": true, "board": true, "commission": true, "caucus": true, "llp": true, "pllc": true, "foods": true,
	"marathon": true, "festival": true, "parade": true, "tournament": true, "olympics": true, "foundation": true,
	// Trades that name a business after its owner ("Bubba's Towing").
	"towing": true, "plumbing": true, "roofing": true, "automotive": true, "diner": true, "bakery": true,
	"barbershop": true, "salon": true, "tavern": true, "pizzeria": true, "bbq": true, "landscaping": true,
	"trucking": true, "hardware": true, "cleaners": true, "lumber": true, "excavating": true, "welding": true,
	"industries": true, "enterprises": true, "holdings": true, "motors": true, "airlines": true, "logistics": true,
	"league": true}

// holidays are the holidays named by a person or a people, as their words
// in lower case without periods and possessives.
var holidays = [][]string{{"martin", "luther", "king", "jr", "day"}, {"martin", "luther", "king", "day"},
	{"martin", "luther", "king", "weekend"}, {"martin", "luther", "king", "jr", "weekend"},
	{"mlk", "day"}, {"mlk", "jr", "day"}, {"columbus", "day"}, {"presidents", "day"}, {"president", "day"},
	{"washington", "birthday"}, {"lincoln", "birthday"}, {"st", "patrick", "day"}, {"saint", "patrick", "day"},
	{"valentine", "day"}, {"st", "valentine", "day"}, {"indigenous", "peoples", "day"}, {"cesar", "chavez", "day"},
	{"kuhio", "day"}, {"kamehameha", "day"}, {"casimir", "pulaski", "day"}, {"patriots", "day"},
	{"veterans", "day"}, {"memorial", "day"}, {"labor", "day"}, {"mother", "day"}, {"father", "day"},
	// Saints' days of Ireland and Britain: "Seen on St Stephen's Day".
	{"st", "stephen", "day"}, {"saint", "stephen", "day"}, {"st", "andrew", "day"}, {"saint", "andrew", "day"},
	{"st", "george", "day"}, {"saint", "george", "day"}, {"st", "david", "day"}, {"saint", "david", "day"},
	{"st", "brigid", "day"}, {"saint", "brigid", "day"}, {"st", "patricks", "day"}, {"saint", "patricks", "day"},
	// Canada's: "since louis riel day".
	{"louis", "riel", "day"}}

// holidayFirstSet are the first words of holidays, the words holidayAt
// can start at.
var holidayFirstSet = func() *wordSet {
	var l []string
	for _, h := range holidays {
		l = append(l, h[0])
	}
	return setOfLists(l)
}()

// holidayAt: the words from token j on are a holiday's; it returns the
// holiday's last token or -1. Periods and possessives in between are
// skipped ("Martin Luther King Jr. Day", "Presidents' Day", "St.
// Patrick's Day").
func (s *scan) holidayAt(j int) int {
	if !s.tokIn(holidayFirstSet, j) {
		return -1 // nearly every word: no holiday starts there
	}
	return s.holidayFrom(j)
}

// holidayFrom is holidayAt without its first-word gate: it walks every
// holiday from token j.
func (s *scan) holidayFrom(j int) int {
	for _, h := range holidays {
		k, ok := j, true
		for n, w := range h {
			if n > 0 {
				k = s.next(k)
				for k > 0 && (s.toks[k].punct('.') || s.toks[k].punct('\'') || s.eq(k, "s") && s.toks[k-1].punct('\'')) {
					k = s.next(k)
				}
			}
			if k < 0 || !s.eq(k, w) {
				ok = false
				break
			}
		}
		// In lower case only a holiday of a person's full name or a
		// saint's and "day" or "weekend", three words or more ("on martin
		// luther king day", "on st patrick's day", "since louis riel
		// day"): "mother day" or "labor day" alone in lower case are the
		// seasons' rules' to read.
		if ok && (s.toks[k].capWord() || len(h) >= 3 && (s.eq(k, "day") || s.eq(k, "weekend"))) {
			return k
		}
	}
	return -1
}

// holidayOver: a holiday's name covers the candidate's last token.
func (s *scan) holidayOver(st, en int) bool {
	for j := max(st-4, 0); j <= en; j++ {
		if s.toks[j].capWord() {
			if e := s.holidayAt(j); e >= en {
				return true
			}
		}
	}
	return false
}

// wayfindingWords name the parts of a campus that signs give a letter or a
// number: "Lot C", "Garage B", "Door 4", "Tower 2".
var wayfindingWords = map[string]bool{"lot": true, "garage": true, "door": true, "gate": true, "entrance": true,
	"building": true, "wing": true, "tower": true, "pavilion": true, "elevator": true, "elevators": true,
	"deck": true, "zone": true, "pod": true, "lobby": true, "level": true, "concourse": true, "stairwell": true}

// wayfinding: the candidate is a campus sign ("Lot C", "Garage B") or
// starts at the sign's letter ("Lot D. Enter through Door 4").
func (s *scan) wayfinding(st, en int) bool {
	mark := func(k int) bool {
		t := &s.toks[k]
		return t.word() && (t.digits() && t.n() <= 3 || t.letters() && t.n() == 1 && t.upper())
	}
	if s.tokIn(wayfindingWordsSet, st) && s.toks[st].capWord() {
		if n := s.next(st); n > 0 && n <= en+1 && mark(n) {
			return true
		}
	}
	if p := s.sameLinePrev(st); p >= 0 && mark(st) && s.toks[st].letters() && s.tokIn(wayfindingWordsSet, p) {
		return true
	}
	return false
}

// doseWords follow a product's name with how often it is taken.
var doseWords = map[string]bool{"bid": true, "tid": true, "qid": true, "qd": true, "qhs": true, "qam": true,
	"qpm": true, "prn": true, "qod": true, "qweek": true, "po": true, "sq": true, "subq": true, "im": true}

// dosedProduct: the candidate is followed by a dose (a number and a unit)
// or a frequency ("Juven BID", "Glucerna 1 can"): a product, not a person.
func (s *scan) dosedProduct(st, en int) bool {
	n := s.next(en)
	if n < 0 || s.toks[n].gap != gapSpace {
		return false
	}
	if doseWords[s.lower(n)] {
		return true
	}
	if s.toks[n].digits() && !s.nameListed(st, en) {
		if m := s.next(n); m > 0 && doseUnits[s.lower(m)] {
			return true // not after a listed name: "gave Maria 2 tabs", "Pt: Juvenal Ortiz 2 mg given"
		}
	}
	return false
}

// medVerbObject: one capitalized word on no list of names or places, the
// object of an order's verb that opens its sentence ("Restarted Cellcept.",
// "Gave Kayexalate.", "Hold Coreg for hypotension") or of "controlled
// with" ("Pain controlled with Toradol"), with nothing after it but the
// sentence's end, a dose or how it is given: a drug's brand. A person
// after such a verb has an object or a listed name ("Gave Maria the
// forms").
func (s *scan) medVerbObject(st, en int) bool {
	t := &s.toks[st]
	if st != en || !t.capWord() || t.allUpper() || t.lex != 0 || t.gaz != 0 || t.n() < 4 {
		return false
	}
	p := s.sameLinePrev(st)
	if p < 0 || s.toks[p].gap != gapLine && !s.opensSentence(p) && !s.eq(p, "with") {
		return false
	}
	if s.eq(p, "with") {
		if q := s.sameLinePrev(p); q < 0 || !s.tokIn(medWithVerbSet, q) {
			return false
		}
	} else if !s.tokIn(medVerbSet, p) {
		return false
	}
	n := s.next(st)
	if n < 0 || s.toks[n].gap == gapLine {
		return true
	}
	u := &s.toks[n]
	if u.digits() {
		m := s.next(n)
		return m > 0 && doseUnits[s.lower(m)] // "Gave Kayexalate 30 g"; not "Gave Keonte 2 copies"
	}
	if u.punct(',') {
		m := s.next(n)
		return m > 0 && doseWords[s.lower(m)] // not "Gave Zyaire, 4 years old, amoxicillin"
	}
	return u.punct('.') || u.punct(';') || u.letters() && s.tokIn(medAfterSet, n)
}

// medVerbs open an order for a drug; medWithVerbs take the drug after
// "with"; medAfter may follow the drug's name.
var (
	medVerbs = map[string]bool{"start": true, "started": true, "restart": true, "restarted": true, "continue": true,
		"continued": true, "resume": true, "resumed": true, "gave": true, "given": true, "hold": true, "held": true,
		"stop": true, "stopped": true, "discontinue": true, "discontinued": true, "increase": true, "increased": true,
		"decrease": true, "decreased": true, "titrate": true, "titrated": true, "received": true, "administered": true,
		"prescribed": true, "add": true, "added": true}
	medWithVerbs = map[string]bool{"controlled": true, "treated": true, "managed": true, "improved": true,
		"premedicated": true, "sedated": true}
	medAfter = map[string]bool{"for": true, "drip": true, "gtt": true,
		"po": true, "iv": true, "im": true, "sq": true, "bid": true, "tid": true, "qid": true, "daily": true,
		"prn": true, "nightly": true, "weekly": true}
)

// nameListed: a word of tokens st..en is on a list of given names or
// surnames.
func (s *scan) nameListed(st, en int) bool {
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		if t.lex&(lxFirst|lxFirstAmb|lxSur|lxSurAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb|gzSur|gzSurAmb) != 0 {
			return true
		}
	}
	return false
}

// doseUnits measure a dose of a product, not a person ("kg" and "cm" follow
// a name in a header: "Pt: Jane Roe 62 kg").
var doseUnits = map[string]bool{"mg": true, "mcg": true, "ml": true, "units": true, "iu": true, "meq": true, "g": true, "gm": true,
	"tab": true, "tabs": true, "tablet": true, "tablets": true, "cap": true, "caps": true, "capsule": true,
	"capsules": true, "puff": true, "puffs": true, "can": true, "cans": true, "scoop": true, "scoops": true,
	"packet": true, "packets": true, "drops": true, "sprays": true, "patch": true, "bottle": true, "bottles": true}

// drugStems end the generic names of drugs (USAN stems); none ends a name
// of the name and place lists.
var drugStems = []string{"mab", "nib", "pril", "sartan", "olol", "statin", "azole", "cillin", "mycin", "floxacin",
	"cycline", "tidine", "prazole", "triptan", "gliptin", "gliflozin", "glutide", "gestrel", "dronate", "parin",
	"xaban", "gatran", "afil", "setron", "lukast", "terol", "olone", "azepam", "zolam", "oxetine", "ipine",
	"navir", "previr", "buvir", "asvir", "profen", "fenac", "coxib", "semide", "thiazide", "dipine", "teplase",
	"estradiol", "sterone", "gestimate", "indrone", "oxacin", "conazole"}

var pluralWeekdays = map[string]bool{"mondays": true, "tuesdays": true, "wednesdays": true, "thursdays": true,
	"fridays": true, "saturdays": true, "sundays": true}

// deityWord: the capitalized name of God in prayers and sayings ("by the
// grace of God"); not "Jesus", a given name.
func (s *scan) deityWord(k int) bool {
	switch s.lower(k) {
	case "god", "allah", "jehovah", "yahweh":
		return s.toks[k].capWord()
	}
	return false
}

// susceptibility: a drug by its stem and the letter of a susceptibility
// table ("Oxacillin R", "Vancomycin S").
func (s *scan) susceptibility(st, en int) bool {
	if en != st+1 || !s.drugStem(st) {
		return false
	}
	switch s.str(en) {
	case "S", "R", "I":
		return true
	}
	return false
}

// drugStem: the word at k is a drug's generic name by its stem
// ("Levonorgestrel", "Dapagliflozin").
func (s *scan) drugStem(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.n() < 7 {
		return false
	}
	w := s.lower(k)
	for _, st := range drugStems {
		if len(w) >= len(st)+3 && w[len(w)-len(st):] == st {
			return true
		}
	}
	return false
}

// domainWord: the candidate's last word is glued to a web domain's ending
// ("registered at ClinicalTrials.gov").
func (s *scan) domainWord(en int) bool {
	if en+2 >= len(s.toks) || !s.toks[en+1].punct('.') || s.toks[en+1].gap != gapNone || s.toks[en+2].gap != gapNone {
		return false
	}
	switch s.lower(en + 2) {
	case "gov", "com", "org", "net", "edu", "int", "mil", "info", "io", "us":
		return true
	}
	return false
}

// unitOrAllergen: the candidate starts at a unit's letter after a slash
// ("IgE 4.1 kU/L. Tree nuts negative") or is the species of an allergen
// component ("Ara h 2", "Bet v 1", "Fel d 1").
func (s *scan) unitOrAllergen(st, en int) bool {
	t := &s.toks[st]
	if t.letters() && t.n() == 1 && st >= 3 && s.toks[st-1].punct('/') && t.gap == gapNone && s.toks[st-1].gap == gapNone &&
		s.toks[st-2].letters() && s.toks[st-2].n() <= 4 && s.toks[st-3].digits() && s.toks[st-2].gap == gapSpace {
		return true // a number, then the unit: "4.1 kU/L."
	}
	if st != en || !t.capWord() || t.n() < 3 || t.n() > 4 {
		return false
	}
	n := s.next(st)
	if n < 0 || s.toks[n].n() != 1 || !s.toks[n].letters() || s.toks[n].upper() {
		return false
	}
	m := s.next(n)
	return m > 0 && s.toks[m].digits() && s.toks[m].n() <= 2
}

// negationAfter: the span's last word is followed by a negation's "'t"
// ("wasn", "weren", "didn" of "wasn't", "weren't", "didn't"): a verb, never
// a person or a place.
func (s *scan) negationAfter(sp Span) bool {
	en := s.tokEndingAt(sp.End)
	return en >= 0 && s.runOnAfter(en, "t")
}

// runOnAfter: token i has an apostrophe and a short word run on after it,
// as the tokenizer splits a contraction or a possessive ("wasn" "'" "t",
// "we" "'" "re", "dre" "'" "s"): the word suffix, or any word for "".
func (s *scan) runOnAfter(i int, suffix string) bool {
	if i < 0 || i+2 >= len(s.toks) || !s.toks[i+1].punct('\'') || s.toks[i+1].gap != gapNone || s.toks[i+2].gap != gapNone ||
		!s.toks[i+2].letters() || suffix != "" && !s.eq(i+2, suffix) {
		return false
	}
	return i+3 >= len(s.toks) || !s.toks[i+3].letters() || s.toks[i+3].gap != gapNone
}

// peopleNamedAfter: the span is one word before a noun of a people or its
// speech ("Karen refugees", "the Karen community", "Karen speakers"): an
// ethnic group, which Safe Harbor leaves, not a person.
func (s *scan) peopleNamedAfter(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 0 || en != st || s.isKnown(st) {
		return false
	}
	n := s.next(en)
	return n > 0 && s.toks[n].gap == gapSpace && peopleNouns[s.lower(n)]
}

// wordAfterSpeakerTag: the span is one lower-case word of English on no
// list of names, right after a line's opening "doctor" or "nurse" of a
// transcript written without colons ("doctor happy holidays", "doctor
// brilliant um"): the tag's speaker says it; no title names a person by
// it. Not a name the platform supplied.
func (s *scan) wordAfterSpeakerTag(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 1 || en != st || !s.toks[st].letters() || s.toks[st].upper() || s.isKnown(st) || s.toks[st].gap != gapSpace {
		return false
	}
	p := st - 1
	if !(p == 0 || s.toks[p].gap == gapLine) || s.toks[p].upper() || !(s.eq(p, "doctor") || s.eq(p, "nurse")) {
		return false
	}
	t := &s.toks[st]
	return s.englishTok(st) && t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) == 0 && t.gaz&(gzFirst|gzSur) == 0
}

// postcodeWords name a postal code.
var postcodeWords = wordsOf("eircode postcode zip zipcode")

// faithSaid: the place found ends in a denomination and follows a word
// that says a person's faith ("we are Southern Baptist", "she is Missouri
// Synod Lutheran", "a devout Lutheran"), or is a branch of a faith set off
// by commas: no church, no hospital.
func (s *scan) faithSaid(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 0 || en < 0 || !denominations[s.lower(en)] {
		return false
	}
	if faithSayers[s.prevWordAt(st, 1)] {
		return true
	}
	// "a mother of two, Southern Baptist, working as": a branch of a
	// faith set off by commas.
	p := s.sameLinePrev(st)
	return en > st && faithBranches[s.lower(st)] && (p < 0 || s.toks[p].punct(',') || s.toks[p].punct(';'))
}

// faithBranches open the name of a branch of a church.
var faithBranches = wordsOf("southern northern american reformed missionary primitive independent evangelical united free")

// demonymPlural: the span is one word, the plural of a word of a people
// or a nation on the lexicon's lists of words and on none of names or
// places ("Americans", "Germans", "Filipinos", "Somalis"), not supplied.
func (s *scan) demonymPlural(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 0 || en != st || !s.toks[st].letters() || s.isKnown(st) || s.titleBefore(st) {
		return false
	}
	w := s.lower(st)
	if len(w) < 5 || w[len(w)-1] != 's' {
		return false
	}
	one := w[:len(w)-1]
	f, g := lookupString(one)
	if f&lxCommon == 0 || f&(lxFirst|lxSur|lxFirstAmb|lxSurAmb|lxCity|lxCityAmb|lxState|lxCountry) != 0 || g&(gzFirst|gzSur|gzCity|gzTown) != 0 {
		return false
	}
	for _, end := range demonymEnds {
		if strings.HasSuffix(one, end) {
			return true
		}
	}
	return false
}

// demonymEnds end the words of peoples and nations: "american",
// "congolese", "filipino", "pakistani", "somali".
var demonymEnds = []string{"an", "ese", "ino", "ina", "ani", "ali"}

// peopleNouns follow the name of a people.
var peopleNouns = wordsOf("refugees refugee community communities people peoples speakers families elders language culture tribe villages diaspora clan")

// raceJoined: the span is a word of race joined by "and" or "or" to
// another word of race, ethnicity or nationality ("in Black and American
// Indian adults", "White or Hispanic patients"), or before a noun of
// people ("Black adults"): a group of people, not a town named Black.
func (s *scan) raceJoined(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 0 || en != st || !raceWords[s.lower(st)] || s.isKnown(st) {
		return false
	}
	n := s.next(en)
	if n < 0 || s.toks[n].gap == gapLine {
		return false
	}
	if groupNouns[s.lower(n)] || peopleNouns[s.lower(n)] {
		return true
	}
	if !s.eq(n, "and") && !s.eq(n, "or") {
		return false
	}
	m := s.next(n)
	return m > 0 && s.toks[m].letters() && (raceWords[s.lower(m)] || s.toks[m].is(lxCountry) || ethnicWords[s.lower(m)])
}

var (
	raceWords   = wordsOf("black white asian hispanic latino latina latinx native indigenous")
	ethnicWords = wordsOf("american african caribbean pacific alaska alaskan hawaiian arab middle")
	// Beside peopleNouns: nouns of people that also follow a family's
	// name ("the Smith children"), so only after a race.
	groupNouns = wordsOf("adults adult women men patients children youth americans populations individuals participants persons")
)

// foodAt: token k is a food spelled like a surname ("rice", "pepper"), or
// like a given name before the food it names ("jasmine rice", "ginger
// chews", "cherry jam"; "me, rosemary and the kids" is a person).
func (s *scan) foodAt(k int) bool {
	w := s.lower(k)
	if foodWords[w] {
		return true
	}
	n := s.next(k)
	return foodNames[w] && n > 0 && s.toks[n].letters() && !s.toks[n].upper() && foodNouns[s.lower(n)]
}

// foodWords are foods spelled like surnames; foodNames like given names,
// foods only before foodNouns.
var (
	foodWords = wordsOf("rice pepper ham beans curry ramen taco pita trout salmon basil lamb")
	foodNames = wordsOf("jasmine ginger olive cherry candy brandy sherry honey sage rosemary clementine")
	foodNouns = wordsOf("rice tea chews ale oil tomatoes tomato pie jam juice sauce cake candy bread snaps root")
)

// notAPlaceOpening: a place in lower case that opens with a hesitation or
// a word asking which ("to um which pharmacy"), or, after "to", with a verb
// or a word of amount ("we need to get more bend"), and in any case "bear"
// before "weight" and a verb of going before "home" ("LEAVES HOME"): the
// words of a sentence, no name.
func (s *scan) notAPlaceOpening(sp Span) bool {
	st := s.tokStartingAt(sp.Start)
	if st < 0 || !s.toks[st].letters() {
		return false
	}
	w := s.lower(st)
	en := s.tokEndingAt(sp.End)
	// In any case: "UNABLE TO BEAR WEIGHT" (a town named Bear), "LEAVES
	// HOME ONLY FOR DIALYSIS" (a home named Leaves).
	if w == "bear" && en == st && s.nextWordAt(en) == "weight" || en == st+1 && s.eq(en, "home") && homeVerbs[w] {
		return true
	}
	if s.toks[st].upper() {
		return false
	}
	if hesitations[w] || whichWords[w] {
		return true
	}
	return s.prevWordAt(st, 1) == "to" && (baseVerbs[w] || amountWords[w]) && en > st
}

// homeVerbs say someone leaves or comes home, before "home" in a place
// the rules read as a home's name.
var homeVerbs = wordsOf("leaves left leaving stays stayed returns returned returning goes went comes came gets got arrives arrived")

// whichWords ask which one: "send it to um which pharmacy".
var whichWords = wordsOf("which what whichever whatever whose")

// amountWords say how much, never a place's first word: "more bend".
var amountWords = wordsOf("more less much most some any enough")

// clauseJoinedBefore: "and" or "but" before the month at i, maybe before
// its preposition: the month opens a clause of its own ("she always gets
// worse in the fall and in september she was admitted").
func (s *scan) clauseJoinedBefore(i int) bool {
	w := s.prevWordAt(i, 1)
	if w == "in" || w == "by" || w == "since" || w == "until" {
		w = s.prevWordAt(i, 2)
	}
	return w == "and" || w == "but"
}

// inDecided: the span lies inside a range where the text's form decided
// it is a place (scan.decided).
func (s *scan) inDecided(sp Span) bool {
	for _, f := range s.decided {
		if f[0] <= sp.Start && sp.End <= f[1] {
			return true
		}
	}
	return false
}

// holidayLists marks the spans that are holidays listed three or more
// together, joined by commas, "and" or "or" and nothing else ("Christmas,
// Hanukkah and Kwanzaa"): the holidays a handout or a habit speaks of, no
// event of a person's. A supplied date among them stays. nil when there
// are none.
func (s *scan) holidayLists(spans []Span) map[int]bool {
	var marked map[int]bool
	run := 0
	for i := 0; i <= len(spans); i++ {
		if i < len(spans) && s.holidaySpan(spans[i]) && (run == 0 || s.onlyListGlue(spans[i-1].End, spans[i].Start)) {
			run++
			continue
		}
		if run >= 3 && !s.holidayListDated(spans[i-run]) {
			if marked == nil {
				marked = map[int]bool{}
			}
			for k := i - run; k < i; k++ {
				marked[k] = true
			}
		}
		run = 0
		if i < len(spans) && s.holidaySpan(spans[i]) {
			run = 1
		}
	}
	return marked
}

// holidayListDated: the list's first holiday follows a word that dates an
// event by it ("She fell on Thanksgiving, Christmas and New Year's Eve",
// "seizures since Easter, Passover and Mother's Day"): the holidays are
// the person's days.
func (s *scan) holidayListDated(first Span) bool {
	st := s.tokStartingAt(first.Start)
	if st < 0 {
		return false
	}
	switch s.prevWordAt(st, 1) {
	case "on", "since", "after", "before", "until", "till", "around", "by", "over", "during", "from":
		return true
	}
	// An event or a past deed shortly before: "She fell at Christmas,
	// Easter and ...", "was admitted at Christmas, ...".
	for n := 2; n <= 5; n++ {
		w := s.prevWordAt(st, n)
		if w == "" {
			break
		}
		if eventWords[w] || pastDeeds[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}

// pastDeeds are irregular past forms of what happens to a person.
var pastDeeds = wordsOf("fell was were had went came got broke began saw felt ran hit woke slept spent")

// holidaySpan: the span is a holiday's name alone, not supplied.
func (s *scan) holidaySpan(sp Span) bool {
	if sp.Type != Date && sp.Type != Location {
		return false
	}
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	return st >= 0 && en >= st && s.holidayOnly(st, en) && !s.anyKnown(st, en)
}

// onlyListGlue: the text between byte offsets a and b holds only a list's
// joints: spaces, commas, "and", "or" and the words of a holiday's name
// left outside a span ("Lunar").
func (s *scan) onlyListGlue(a, b int) bool {
	if a > b {
		return false
	}
	for _, w := range strings.FieldsFunc(s.low[a:b], func(r rune) bool { return r == ' ' || r == ',' }) {
		if w != "and" && w != "or" && w != "lunar" && w != "&" {
			return false
		}
	}
	return !strings.ContainsAny(s.text[a:b], "\n.;:")
}

// roleLooking: w reads as a role, a person's part or trade ("athlete",
// "swimmer", "caregiver", "volunteer"): one of personRoles, or six letters
// or more ending as agents' names end. A given name that is a word
// ("Ember", "Sky") is not.
func roleLooking(w string) bool {
	if personRoles[w] || moreRoles[w] {
		return true
	}
	if len(w) < 6 {
		return false
	}
	for _, suf := range [...]string{"er", "or", "ist", "ete", "ian", "ant", "ent", "eer"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// moreRoles are roles that tag turns and end as no agent's name does, or
// are short.
var moreRoles = wordsOf("carer parent client guardian caller driver guard mentor tutor spouse friend neighbour colleague " +
	"boss roommate flatmate housemate companion chaperone escort relative sibling teen child kid")

// speakerRoles are the words that tag two turns or more at their lines'
// starts ("Athlete:", "Swimmer:") and are words of English on no list of
// names: roles, as "Doctor:" is, and no name wherever the text says them.
// nil when there are none.
func (s *scan) speakerRoles() map[string]bool {
	var roles map[string]bool
	for _, li := range s.web.lines {
		k := int(li)
		if k+1 >= len(s.toks) || !s.toks[k+1].punct(':') {
			continue
		}
		w := s.lower(k)
		if roles[w] || s.tagCount[w] < 2 { // the tags the main pass counted (speakerTags)
			continue
		}
		t := &s.toks[k]
		if !t.capWord() || t.allUpper() || t.lex != 0 || s.englishLooking(k) || !s.dictionaryWord(k) || !roleLooking(w) {
			continue
		}
		if roles == nil {
			roles = map[string]bool{}
		}
		roles[w] = true
	}
	return roles
}

// spanishWordAt: the span is lower-case words of a Spanish clause, not a
// name: verbs, question words and articles that name nothing ("cómo
// está", "el doctor pregunta"), or one word after a quantifier, an
// article of the plural or "del" ("con muchos dolores", "cancer del
// colon"). A word supplied, or one after a title ("doña dolores"), stays.
func (s *scan) spanishWordAt(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 0 || en < st || en-st > 4 || s.anyKnown(st, en) {
		return false
	}
	all := true
	for k := st; k <= en && all; k++ {
		all = s.toks[k].letters() && !s.toks[k].upper() && spanishNeverNames[s.lower(k)]
	}
	if all {
		return true
	}
	if s.titleBefore(st) {
		return false
	}
	for k := st; k <= en; k++ {
		if !s.toks[k].letters() || s.toks[k].upper() {
			return false
		}
	}
	p := s.sameLinePrev(st)
	if st == en && spanishPronouns[s.lower(st)] {
		// "y ella es", "que ella tiene": the pronoun among Spanish words;
		// Ella, a name, among English ones.
		n := s.next(st)
		return p >= 0 && spanishClauseWords[s.lower(p)] || n > 0 && spanishClauseWords[s.lower(n)]
	}
	return p >= 0 && s.toks[p].letters() && !s.toks[p].upper() && spanishBeforeNouns[s.lower(p)]
}

// spanishPronouns are Spanish pronouns that are given names too.
var spanishPronouns = wordsOf("ella ellas")

// spanishClauseWords are Spanish words next to a pronoun in a Spanish
// clause.
var spanishClauseWords = wordsOf("que pero porque es está estaba tiene tenía dice dijo va fue era quiere puede vive vino con para por")

// spanishNeverNames are Spanish words a lower-case transcript holds that
// no person or place is called alone.
var spanishNeverNames = wordsOf("está estás están estoy dice dicen dijo tiene tengo hay quiere puede pregunta preguntó " +
	"cómo qué dónde cuándo también las los unas unos")

// spanishBeforeNouns come before a noun, not a person's name, in Spanish
// ("los" and "las" do come before a family's name: "los garcía").
var spanishBeforeNouns = wordsOf("muchos muchas mucho mucha unos unas mis sus tus del cómo qué muy")

// labelNotName: a name found that is a form's words, not a person's: a
// label of English words on no list of names before its colon
// ("Anesthesia: Ravi Rao, MD"), a bed's letter or number ("Room 412 Bed
// B"), a monarch's given name and numeral ("Henry VIII"), or a maker's
// name in the value of a device's or vehicle's field ("Vehicle: 2021
// Harley-Davidson Road Glide", "Camera: Canfield Vectra WB360").
func (s *scan) labelNotName(sp Span) bool {
	st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if st < 0 || en < st || s.anyKnown(st, en) || s.titleBefore(st) {
		return false
	}
	if n := en + 1; n < len(s.toks) && s.toks[n].punct(':') && s.toks[n].gap == gapNone {
		// At a line's start the label may be a speaker's name that is a
		// word ("Ember:"): only a service's, a specialty's or a role's
		// word is a label there.
		opening := s.toks[st].gap == gapLine || st == 0
		all := true
		for k := st; k <= en && all; k++ {
			t := &s.toks[k]
			w := s.lower(k)
			all = t.letters() && t.lex&(lxFirst|lxSur) == 0 && t.gaz&(gzFirst|gzSur) == 0 && (s.dictionaryWord(k) || t.lex&(lxMedical|lxCommon) != 0 || s.nounLooking(k)) &&
				(!opening || t.lex&lxMedical != 0 || s.nounLooking(k) || roleLooking(w) || serviceWords[w] || specialtyWord(w))
		}
		if all {
			return true
		}
	}
	if s.eq(st, "bed") && (en == st || en == st+1 && s.toks[en].n() <= 2 && (s.toks[en].allUpper() || s.toks[en].digits())) {
		return true
	}
	if st == en && phoneLabelWords[s.lower(st)] {
		// "Mob. +91 98555 01294", "Tel: 0113 496 0771": a phone's label.
		if n := st + 1; n+1 < len(s.toks) && (s.toks[n].punct('.') || s.toks[n].punct(':')) && s.toks[n].gap == gapNone &&
			(s.toks[n+1].digits() || s.toks[n+1].punct('+') || s.toks[n+1].punct('(')) {
			return true
		}
	}
	if _, colon := s.numberLabelAfter(st); st == en && numberLabelWords[s.lower(st)] != "" && colon {
		return true // the first word of an identifier's label: "Bill No.: ..." ("Son Tobias #: ..." is a person)
	}
	if st == en && (s.toks[st].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[st].gaz&(gzFirst|gzFirstAmb) != 0) {
		if n := s.next(en); n > 0 && s.toks[n].gap == gapSpace && regnalNumerals[s.str(n)] {
			return true
		}
	}
	if s.opensProductValue(st) {
		return true
	}
	return false
}

// phoneLabelWords label a telephone number.
var phoneLabelWords = wordsOf("mob mobile tel ph phone cell fax")

// opensProductValue: token st opens the value of a device's or a
// vehicle's field, right after the colon or a model year ("Camera:
// Canfield Vectra", "Vehicle: 2021 Harley-Davidson"): the maker. A name
// further on ("Monitor: sitter Ifeoma Chukwu") is a person's.
func (s *scan) opensProductValue(st int) bool {
	p := s.sameLinePrev(st)
	if p >= 0 && s.toks[p].digits() && s.toks[p].n() == 4 {
		p = s.sameLinePrev(p)
	}
	return p >= 1 && s.toks[p].punct(':') && s.toks[p-1].letters() && productFieldLabels[s.lower(p-1)]
}

// tagalogKin are kin words said as a name is, in Tagalog.
var tagalogKin = wordsOf("tita tito lola lolo kuya manang manong ninang ninong")

// tagalogParticleOnLine: a particle of Tagalog politeness on token k's
// line: "opo", or "po" after a greeting, a yes or a kin word ("good
// morning po"); "po" alone is also a dose by mouth ("Meds given po"),
// which another word of Tagalog on the line does not make polite.
func (s *scan) tagalogParticleOnLine(k int) bool {
	particle, anyPo, other := false, false, false
	for j := s.lineHead(k); j < len(s.toks) && (j == s.lineHead(k) || s.toks[j].gap != gapLine); j++ {
		if j == k || !s.toks[j].letters() {
			continue
		}
		w := s.lower(j)
		particle = particle || w == "opo" || w == "po" && poAfter[s.prevWordAt(j, 1)]
		anyPo = anyPo || w == "po"
		other = other || tagalogWords[w]
	}
	return particle || anyPo && other
}

// poAfter come before "po" said as Tagalog politeness ("good morning po",
// "yes po", "thank you po"), not as a dose by mouth ("given po").
var poAfter = wordsOf("morning afternoon evening yes no thank thanks you okay ok hello hi doc doctor ma'am sir tita tito lola lolo kuya ate")

// tagalogWords are everyday Tagalog words said around "po".
var tagalogWords = wordsOf("salamat naman ano ang ko mo niya sige opo kumusta magandang umaga hapon gabi ba lang talaga " +
	"masakit kayo ikaw ito iyan dito saan bakit")

// regnalNumerals follow a monarch's or a pope's given name.
var regnalNumerals = wordsOf("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI")

// productFieldLabels are the labels of a record's fields whose values are
// a device's or a vehicle's maker and model.
var productFieldLabels = wordsOf("device vehicle camera monitor model pump sensor implant generator scanner make")
