package deid

import (
	"slices"
	"strings"
	"sync"
)

// Places completed after detection, over the spans the rules and the
// tagger found (Detect runs it last, so that a place either of them found
// is completed the same way):
//
//   - a facility's or town's name is taken whole where one part was found:
//     the system before a campus ("CHRISTUS Mother Frances Hospital",
//     "Kaiser Permanente Lakewood" where "Lakewood" was found), the campus
//     or district after a system ("Baptist South", "Beaumont Royal Oak"),
//     the place word before a name ("Mt. Bachelor", "The Dalles", "Fort
//     Bragg", "Jamaica Plain"), a country that is part of a district's name
//     ("Little Haiti"), a possessive before a hyphen ("Queen's-Pearl City");
//   - a capitalized word between two identifiers joins them ("Beth Israel
//     Chestnut Hill" where "Beth" and "Chestnut Hill" were found);
//   - a place found once is found wherever the same words recur in the
//     document, in any case ("the imaging place in kailua" ... "kailua is
//     better"), unless they are an English or clinical word too.

// universityPrepBefore: "at", "to" or "from" stands before the lower-case
// place of one or two words that ends at token b.
func (s *scan) universityPrepBefore(b int) bool {
	p := s.sameLinePrev(b)
	if p >= 0 && s.toks[p].letters() && !(s.eq(p, "at") || s.eq(p, "to") || s.eq(p, "from")) {
		p = s.sameLinePrev(p)
	}
	return p >= 0 && (s.eq(p, "at") || s.eq(p, "to") || s.eq(p, "from"))
}

// placeLeadWords open the name of a place before another name: "Mt.
// Bachelor", "Fort Bragg", "Lake Forest", "New Braunfels", "The Dalles".
var placeLeadWords = map[string]bool{"mt": true, "mount": true, "fort": true, "ft": true, "port": true, "lake": true,
	"san": true, "santa": true, "los": true, "las": true, "el": true, "la": true, "le": true, "new": true, "north": true,
	"south": true, "east": true, "west": true, "little": true, "upper": true, "lower": true, "old": true, "the": true,
	"glen": true, "point": true, "cape": true, "isle": true, "grand": true}

// campusWords after a facility or town name its campus or district:
// "Baptist South", "Methodist West", "Plano Central".
var campusWords = withWords(sideDirections, "central", "downtown", "midtown", "uptown")

// extendPlaces completes the places of spans (see above) and returns the
// spans, sorted and non-overlapping.
func (s *scan) extendPlaces(spans []Span) []Span {
	if len(spans) == 0 {
		return spans
	}
	changed := false
	for k := range spans {
		sp := &spans[k]
		if w := s.low[max(0, sp.Start-7):sp.Start]; sp.Type == Name && sp.Start >= 3 && (strings.Contains(w, "st") || strings.Contains(w, "saint")) &&
			s.saintBefore(sp) {
			changed = true
		}
		if sp.Type != Location {
			continue
		}
		a, b := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if a < 0 || b < 0 {
			continue
		}
		na, nb := s.placeLeft(a), s.placeRight(b)
		// "14 whiterock view", "3 Orchard Mews": after a house number,
		// the street's word that is an everyday word too, and no
		// suffix of the lexicon ("Lateral View", "Sunrise View" stay).
		if k := s.next(nb); k > 0 && nb > na && s.toks[na].digits() && s.toks[k].gap == gapSpace && houseStreetWords[s.lower(k)] &&
			s.toks[k].upper() == s.toks[nb].upper() && (s.strictEnd(k) || k+1 < len(s.toks) && s.toks[k+1].punct(',')) {
			nb = k
		}
		// "at St. Joseph's in Joliet": a saint's place read as the town
		// of its name is the hospital with its possessive.
		if k := nb + 1; k+1 < len(s.toks) && s.toks[k].punct('\'') && s.toks[k].gap == gapNone && s.eq(k+1, "s") &&
			s.toks[k+1].gap == gapNone && (s.eq(na, "st") || s.eq(na, "saint")) && s.toks[na].upper() {
			nb = k + 1
		}
		if na != a || nb != b {
			sp.Start, sp.End = int(s.toks[na].s), int(s.toks[nb].e)
			changed = true
		}
		if n := s.next(nb); n > 0 {
			if c := s.facilityTownAfterComma(nb, n); c > 0 {
				// "Hospital da Luz, Lisboa.": the facility's town, a place of
				// its own.
				spans = append(spans, Span{Start: int(s.toks[c].s), End: int(s.toks[c].e), Type: Location})
				changed = true
			}
		}
	}
	// A city's nickname before "to" and a place: "drove KC to OKC".
	for k, n := 0, len(spans); k < n; k++ {
		if spans[k].Type != Location || spans[k].Start < 6 || s.low[spans[k].Start-3:spans[k].Start] != "to " {
			continue
		}
		a := s.tokStartingAt(spans[k].Start)
		if a < 2 || !s.eq(a-1, "to") || s.toks[a].gap != gapSpace || s.toks[a-1].gap != gapSpace {
			continue
		}
		if c := &s.toks[a-2]; c.letters() && c.allUpper() && (c.lex&lxCityNick != 0 || c.gaz&gzCityNick != 0) && c.lex&(lxMedical|lxCommon) == 0 {
			spans = append(spans, Span{Start: int(c.s), End: int(c.e), Type: Location})
			changed = true
		}
	}
	if changed {
		slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	}
	// A house number before a street named without its suffix: "1142 W.
	// Addison", "801 Broadway N, Fargo".
	for k := range spans {
		sp := &spans[k]
		if sp.Type != Location && sp.Type != Name || sp.Start < 2 || s.text[sp.Start-1] != ' ' || s.text[sp.Start-2] < '0' || s.text[sp.Start-2] > '9' {
			continue
		}
		a, b := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if a < 1 || b < 0 || !s.toks[a-1].digits() || s.toks[a-1].n() > 6 || s.toks[a].gap != gapSpace || s.toks[a-1].gap == gapNone {
			continue
		}
		dir := directions[s.lower(a)] && s.toks[a].upper()
		town := false
		if c := s.next(b); c > 0 && s.toks[c].punct(',') && s.toks[c].gap == gapNone && k+1 < len(spans) && spans[k+1].Type == Location {
			town = s.tokStartingAt(spans[k+1].Start) == c+1
		}
		if !dir && !town || !dir && sp.Type == Name && !s.lineStart(a-1) {
			continue
		}
		sp.Start, sp.Type = int(s.toks[a-1].s), Location
		changed = true
	}
	// A capitalized word between two identifiers, at least one a place.
	for k := 0; k+1 < len(spans); k++ {
		x, y := &spans[k], &spans[k+1]
		if x.Type != Location && x.Type != Name || y.Type != Location && y.Type != Name || y.Start-x.End < 4 || y.Start-x.End > 40 ||
			s.text[x.End] != ' ' || s.text[y.Start-1] != ' ' {
			continue
		}
		b, a := s.tokEndingAt(x.End), s.tokStartingAt(y.Start)
		if b < 0 || a != b+2 || !s.bridgeWord(b+1) {
			continue
		}
		if x.Type != Location && y.Type != Location && s.toks[b+1].lex&(lxCountry|lxCity) == 0 && s.toks[b+1].gaz&(gzCity|gzFacHead) == 0 {
			continue // two names: only a place between makes them one place
		}
		x.Type, x.End, y.Start = Location, y.End, y.End
		changed = true
	}
	if s.joinFacilityTowns(spans) {
		changed = true
	}
	spans, added := s.propagatePlaces(spans)
	// "yes, 1812 grandview": the house number of a street found, here or
	// said before.
	for k := range spans {
		sp := &spans[k]
		if sp.Type != Location || sp.Start < 2 || s.text[sp.Start-1] != ' ' || s.text[sp.Start-2] < '0' || s.text[sp.Start-2] > '9' {
			continue
		}
		if a, b := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End); a > 0 && b >= a {
			if h := s.houseNumberBefore(a, b); h >= 0 && !spanCovers(spans, int(s.toks[h].s)) {
				// (a number another span took, a postcode before its
				// town, stays that span's: "69003 Lyon")
				sp.Start = int(s.toks[h].s)
				changed = true
			}
		}
	}
	if !changed && !added {
		return spans
	}
	return joinSpans(spans)
}

// spanCovers: one of spans covers byte offset off.
func spanCovers(spans []Span, off int) bool {
	for _, sp := range spans {
		if sp.Start <= off && off < sp.End {
			return true
		}
	}
	return false
}

// joinSpans merges overlapping and emptied spans; a merged span is a
// place when either part is.
func joinSpans(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	out := spans[:0]
	for _, sp := range spans {
		if sp.Start >= sp.End {
			continue
		}
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			if sp.End > out[n-1].End {
				out[n-1].End = sp.End
			}
			if sp.Type == Location && out[n-1].Type == Name {
				out[n-1].Type = Location
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// bridgeWord: token k, a capitalized word between two identifiers with a
// space on each side, could be part of one name ("Beth Israel Chestnut
// Hill"); a date word, title, credential or cue is not.
func (s *scan) bridgeWord(k int) bool {
	t := &s.toks[k]
	if !t.capWord() || t.gap != gapSpace || s.toks[k+1].gap != gapSpace || t.n() < 2 || t.allUpper() {
		return false
	}
	return t.lex&(lxMonth|lxMonthAbbr|lxWeekday|lxTitle|lxTitleClin|lxCredential|lxCue|lxRelation|lxState|lxStateAbbr|lxMedical) == 0 &&
		!functionWords[s.lower(k)] && !s.eq(k, "and") && !s.eq(k, "or")
}

// houseNumberBefore returns the house number right before a street found
// at tokens a..b (one to five digits, not a year from 1900 unless the
// street's suffix closes it), or -1.
func (s *scan) houseNumberBefore(a, b int) int {
	h := a - 1
	if h < 0 || s.toks[a].gap != gapSpace || !s.toks[h].digits() || s.toks[h].n() > 5 || !s.toks[a].letters() {
		return -1
	}
	if v, n := s.num(h); n == 4 && v >= 1900 && v <= 2099 && !s.toks[b].is(lxStreetSuffix) {
		return -1 // "in 2019 boston"
	}
	if p := s.sameLinePrev(h); p >= 0 && (s.toks[p].digits() || s.toks[p].punct('/') || s.toks[p].punct(':') && p > 0 && s.toks[p-1].digits() ||
		s.toks[p].letters() && s.toks[p].is(lxUnit|lxUnitWord|lxCue)) {
		return -1 // a date, a time, a room or a measure before it: "3/14 boston", "room 12 boston"
	}
	return h
}

// placeLeft returns the first token of the place that ends with the place
// starting at token a.
func (s *scan) placeLeft(a int) int {
	a = s.clinicAt(a)
	if t := &s.toks[a]; !t.upper() && t.gap == gapSpace && t.letters() {
		// In lower case, a mountain's, a fort's or a port's word before
		// the place named for it: "up mount rainier", "the port of
		// tacoma", "out at fort sill".
		k := s.sameLinePrev(a)
		if k >= 0 && s.eq(k, "of") && s.toks[k].gap == gapSpace {
			if j := s.sameLinePrev(k); j >= 0 && s.eq(j, "port") && s.toks[j].gap == gapSpace {
				return j
			}
		}
		if k >= 0 && !s.toks[k].upper() && (s.eq(k, "mount") || s.eq(k, "mt") || s.eq(k, "fort") || s.eq(k, "ft")) {
			return k
		}
		return a
	}
	for n := 0; n < 3; n++ {
		if s.toks[a].gap != gapSpace || !s.toks[a].upper() {
			return a
		}
		k := a - 1
		dot := k >= 1 && s.toks[k].punct('.') && s.toks[k].gap == gapNone
		if dot {
			k-- // "Mt. Bachelor", "Ft. Worth"
		}
		if k < 0 || !s.toks[k].capWord() {
			return a
		}
		t := &s.toks[k]
		w := s.lower(k)
		switch {
		case placeLeadWords[w] && !t.allUpper() && (!dot || w == "mt" || w == "ft"):
			if w == "the" && (s.lineStart(k) || s.afterSentenceEnd(k)) {
				return a // "The Plano office called": the sentence's article
			}
			a = k
			continue
		case dot:
			return a
		case t.lex&lxCountry != 0 && t.lex&lxState == 0 && !t.allUpper():
			a = k // "Jamaica Plain"
			continue
		}
		// The system's name before its campus: a hospital's name of the
		// gazetteer ending right before ("CHRISTUS Mother Frances",
		// "Kaiser Permanente Lakewood").
		st := -1
		for j := k; j >= 0 && j >= k-3; j-- {
			if !s.toks[j].capWord() || j < k && s.toks[j+1].gap != gapSpace {
				break
			}
			if s.toks[j].gaz&(gzFacHead|gzFacAcro) != 0 && j == k {
				st = j
			}
			if s.toks[j].gaz&gzPhraseHead != 0 {
				if e, f := s.gazPhraseAt(j, lxFacHead); e == k && f&lxFacHead != 0 {
					st = j
				}
			}
		}
		if st < 0 || s.toks[k].lex&(lxTitle|lxTitleClin|lxCredential|lxMonth|lxWeekday) != 0 {
			return a
		}
		a = st
	}
	return a
}

// houseStreetWords end a street after its house number and name
// (extendPlaces) but are no street suffix of the lexicon: "Lateral View"
// and "Sunrise View" are radiographs, "Rose Gardens" a tea room.
var houseStreetWords = wordsOf("view rise vale gardens wynd hill park")

// streetWordsAfterPlace end a street named like a place.
var streetWordsAfterPlace = wordsOf("drive court circle trail pike highway")

// streetPrepBefore: the place ending at token b is one to three words
// after "on" or "off", as a street's name is said.
func (s *scan) streetPrepBefore(b int) bool {
	for k, n := s.sameLinePrev(b), 0; k >= 0 && n < 3; k, n = s.sameLinePrev(k), n+1 {
		if !s.toks[k].letters() {
			return false
		}
		if s.eq(k, "on") || s.eq(k, "off") {
			return true
		}
	}
	return false
}

// placeRight returns the last token of the place that starts with the
// place ending at token b.
func (s *scan) placeRight(b int) int {
	for n := 0; n < 3; n++ {
		k := s.next(b)
		if k < 0 {
			return b
		}
		// "Queen's-Pearl City": the possessive before a hyphen.
		if s.toks[b].upper() && b+4 < len(s.toks) && s.toks[k].punct('\'') && s.toks[k].gap == gapNone && s.eq(k+1, "s") &&
			s.toks[k+1].gap == gapNone && s.toks[k+2].punct('-') && s.toks[k+2].gap == gapNone && s.toks[k+3].capWord() &&
			s.toks[k+3].gap == gapNone {
			b = k + 3
			continue
		}
		if s.storeNumberAt(k) && s.toks[b].upper() {
			b = k + 1 // "Meijer #212": the store's number
			continue
		}
		// "on cedar ridge drive": a street's word written out after a
		// place on its name, in its case, after "on" or "off" before it.
		if t := &s.toks[k]; n == 0 && t.gap == gapSpace && t.letters() && t.upper() == s.toks[b].upper() && (ordinalStreetWords[s.lower(k)] || streetWordsAfterPlace[s.lower(k)]) &&
			s.streetPrepBefore(b) {
			b = k
			continue
		}
		// "Zuckerberg SF General": a city's abbreviation and a hospital
		// word after the place.
		if k2 := s.next(k); s.toks[b].upper() && s.toks[k].gap == gapSpace && s.toks[k].allUpper() && s.toks[k].n() <= 3 &&
			s.toks[k].lex&(lxMedical|lxCommon|lxCredential|lxTitle|lxTitleClin|lxUnit) == 0 && k2 > 0 && s.toks[k2].gap == gapSpace && s.toks[k2].capWord() && hospitalWords[s.lower(k2)] &&
			!s.lowerWordAfter(k2) {
			b = k2
			for m := s.next(b); m > 0 && s.toks[m].gap == gapSpace && s.toks[m].capWord() && hospitalWords[s.lower(m)]; m = s.next(b) {
				b = m // "... SF General Hospital"
			}
			continue
		}
		t := &s.toks[k]
		if n == 0 && t.gap == gapSpace && s.eq(k, "state") && !s.toks[b].upper() && s.universityPrepBefore(b) && s.clauseGoesOn(k) {
			// "a freshman at boise state", "goes to ohio state": a state
			// university named by its town or state, where no noun
			// follows ("boise state police").
			b = k
			continue
		}
		if t.gap == gapSpace && t.letters() && !t.upper() && !s.toks[b].upper() {
			// In lower case, the rest of a facility's name after the place
			// that names it: its campus ("st. luke's east", "mercy west")
			// or its kind ("cedar hills pediatrics", "grand river urgent
			// care", "lakeview medical center").
			if campusWords[s.lower(k)] && (s.strictEnd(k) || s.clauseGoesOn(k)) {
				b = k
				continue
			}
			if c := s.campusNameAt(k); c > 0 && s.facilityName(b) && (s.strictEnd(c) || s.clauseGoesOn(c)) {
				b = c // "ochsner main campus", "mount sinai mt zion"
				continue
			}
			if e := s.lowerFacilityKind(k); e >= 0 {
				b = e
				continue
			}
			// In lower case, a town of no other list after a hospital's
			// name, ending the clause: "she's at novant forsyth now".
			e := -1
			if t.gaz&gzPhraseHead != 0 || t.lex&lxPhraseHead != 0 {
				e, _ = s.gazPhraseAt(k, lxCity|lxTown)
			}
			if e < 0 && (t.gaz&(gzCity|gzTown) != 0 || t.lex&lxCity != 0) && t.gaz&(gzWord|gzCityAmb|gzFirstAmb|gzSurAmb) == 0 &&
				t.lex&(lxCommon|lxMedical|lxCityAmb|lxFirst|lxSur|lxState|lxCountry|lxMonth|lxWeekday) == 0 {
				e = k
			}
			if e < 0 && t.lex&lxCityAmb != 0 && t.lex&(lxCommon|lxMedical|lxFirst|lxSur|lxState|lxCountry|lxMonth|lxWeekday) == 0 &&
				b > 0 && s.toks[b-1].letters() && s.toks[b].gap == gapSpace && s.facilityName(b) {
				// A city of the hand lists that is also a word, after a
				// hospital's name of two words: "at mount sinai queens".
				e = k
			}
			if e < 0 || !s.facilityName(b) || !(s.strictEnd(e) || s.clauseGoesOn(e)) {
				return b
			}
			b = e
			continue
		}
		// "UCSF Mt Zion", "UPMC Shadyside": a hospital's acronym before a
		// campus named in mixed case.
		acroCampus := s.toks[b].allUpper() && !t.allUpper() && s.toks[b].gaz&(gzFacAcro|gzFacHead) != 0
		if t.gap != gapSpace || !t.capWord() || t.allUpper() != s.toks[b].allUpper() && !acroCampus || !s.toks[b].upper() {
			return b
		}
		w := s.lower(k)
		if c := s.campusNameAt(k); c > 0 && s.facilityName(b) {
			b = c // "Ochsner Main Campus", "UCSF Mt Zion"
			continue
		}
		switch {
		case campusWords[w]:
			// Not a direction of the text: "Baptist South", not "Boston
			// North Station" (that is taken whole anyway).
			b = k
			continue
		case t.lex&lxCountry != 0 && t.lex&lxState == 0 && !s.eponymAfter(k):
			b = k // "Little Haiti"
			continue
		}
		// A town after a hospital system's name: "Beaumont Royal Oak",
		// "Kaiser Permanente Lakewood", "Beth Israel Needham".
		if !s.facilityName(b) {
			return b
		}
		e := -1
		if t.gaz&gzPhraseHead != 0 || t.lex&lxPhraseHead != 0 {
			e, _ = s.gazPhraseAt(k, lxCity|lxTown)
		}
		if e < 0 && (t.gaz&(gzCity|gzTown) != 0 || t.lex&lxCity != 0) && t.lex&(lxCommon|lxMedical|lxState|lxCountry|lxMonth|lxWeekday) == 0 {
			e = k
		}
		if e < 0 || s.eponymAfter(e) || s.eponymAhead(e) {
			return b
		}
		b = e
	}
	return b
}

// facilityTownAfterComma: token k after the facility name ending at b is a
// comma, and a capitalized word of no list of words after it ends the
// clause ("Hospital da Luz, Lisboa.", "Clínica Alemana, Vitacura;"): the
// facility's town. It returns the town's token, or -1.
func (s *scan) facilityTownAfterComma(b, k int) int {
	if !s.toks[k].punct(',') || s.toks[k].gap != gapNone || !s.toks[b].upper() || s.toks[b].allUpper() {
		return -1
	}
	c := s.next(k)
	if c < 0 || s.toks[c].gap != gapSpace || !s.toks[c].capWord() || s.toks[c].allUpper() || !s.toks[c].letters() || s.toks[c].n() < 3 {
		return -1
	}
	t := &s.toks[c]
	if t.lex&(lxState|lxStateAbbr|lxCountry|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxCredential|lxCue|lxCommon|lxMedical|lxRelation) != 0 ||
		t.gaz&gzWord != 0 || s.dictionaryWord(c) || s.isKnown(c) {
		return -1
	}
	n := s.next(c)
	if n > 0 && s.toks[n].gap != gapLine && !s.toks[n].punct('.') && !s.toks[n].punct(';') && !s.toks[n].punct(')') {
		return -1
	}
	for j := b; j >= 0 && j >= b-4; j-- {
		if s.toks[j].capWord() && (hospitalWords[s.lower(j)] || j == b && s.facilityName(b)) {
			return c // the name holds a facility word ("Hospital da Luz")
		}
		if !s.toks[j].letters() && !s.toks[j].punct('\'') && !s.toks[j].punct('.') || s.toks[j].gap == gapLine {
			break
		}
	}
	return -1
}

// storeChains are chains whose stores are named by a number ("CVS #4471")
// besides the lexicon's brands.
var storeChains = map[string]bool{"cvs": true, "target": true, "heb": true, "publix": true, "safeway": true,
	"walgreens": true, "kroger": true, "meijer": true, "walmart": true, "costco": true, "albertsons": true}

// storeNumberAt: token k is "#" and the digits of a store's number right
// after it ("#212").
func (s *scan) storeNumberAt(k int) bool {
	return k+1 < len(s.toks) && s.toks[k].punct('#') && s.toks[k].gap == gapSpace && s.toks[k+1].digits() &&
		s.toks[k+1].gap == gapNone && s.toks[k+1].n() <= 6
}

// storeWithNumber: at a capitalized chain or brand, its store's number
// after it names one store, a place ("fills at CVS #4471", "Walgreens
// #10235"); "#30" after a dose stays a count.
func (s *scan) storeWithNumber(i int) bool {
	t := &s.toks[i]
	if !t.upper() || !t.letters() || i+2 >= len(s.toks) || !s.storeNumberAt(i+1) || !(t.lex&lxBrand != 0 || storeChains[s.lower(i)]) {
		return false
	}
	s.addTok(i, i+2, Location, prCue)
	return true
}

// campusNameAt: at token k after a facility's name, the campus named by a
// place's lead word and a name ("Mt Zion", "Fort Sanders") or "Main
// Campus", in the case of k. It returns the campus's last token, or -1.
func (s *scan) campusNameAt(k int) int {
	n := s.next(k)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() != s.toks[k].upper() {
		return -1
	}
	switch w := s.lower(k); {
	case w == "main" && (s.eq(n, "campus") || s.eq(n, "hospital")):
		return n
	case (w == "mt" || w == "mount" || w == "fort" || w == "ft" || w == "port") && s.toks[k].upper() && !s.toks[n].allUpper() &&
		s.toks[n].lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxCredential|lxMedical) == 0:
		return n
	}
	return -1
}

// lowerFacilityKind reads, in lower case from token k, the words that say
// what kind of facility a place's name is ("pediatrics", "urgent care",
// "medical center", "family medicine clinic"): up to three service or
// facility words that end in a facility word. A word that ends ordinary
// phrases as often as names ("care", "health", "home") counts only after
// a service word ("urgent care", "home health"). It returns the last token
// of the kind, or -1.
func (s *scan) lowerFacilityKind(k int) int {
	end := -1
	for n := 0; n < 3 && k >= 0; n++ {
		t := &s.toks[k]
		if !t.letters() || t.upper() || t.gap != gapSpace {
			break
		}
		w := s.lower(k)
		switch {
		case facilityWords[w] && (!weakFacilityWords[w] || n > 0 && end < 0):
			end = k
		case serviceWords[w] && !functionWords[w]:
		default:
			return end
		}
		k = s.next(k)
	}
	return end
}

// propagatePlaces finds again, anywhere in the document, the words of a
// place already found that are no English, clinical or everyday word.
func (s *scan) propagatePlaces(spans []Span) ([]Span, bool) {
	type key struct{ a, b string }
	var kbuf [8]key
	keys := kbuf[:0]
	for _, sp := range spans {
		if sp.Type != Location {
			continue
		}
		a, b := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if a < 0 || b < 0 || b-a > 1 {
			continue
		}
		ok := true
		for k := a; k <= b && ok; k++ {
			ok = s.propagatable(k) && (k == a || s.toks[k].gap == gapSpace)
		}
		if !ok {
			continue
		}
		kk := key{a: s.lowerAny(a)}
		if b > a {
			kk.b = s.lowerAny(b)
		}
		if !slices.Contains(keys, kk) && len(keys) < len(kbuf) {
			keys = append(keys, kk)
		}
	}
	if len(keys) == 0 {
		return spans, false
	}
	var abuf [16]Span
	add := abuf[:0]
	for i := range s.toks {
		t := &s.toks[i]
		if !t.letters() || t.n() < 4 {
			continue
		}
		w := ""
		for _, kk := range keys {
			if t.shape&shNonASCII == 0 && t.n() != len(kk.a) {
				continue
			}
			if w == "" {
				w = s.lowerAny(i)
			}
			if w != kk.a {
				continue
			}
			e := i
			if kk.b != "" {
				n := s.next(i)
				if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.lowerAny(n) != kk.b {
					continue
				}
				e = n
			}
			if s.eponymAfter(e) || s.eponymAhead(e) || s.brandCovers(i, e) {
				continue
			}
			// Not inside a hyphenated word or a word run together.
			if i > 0 && t.gap == gapNone && !s.toks[i-1].punct('(') && !s.toks[i-1].punct('"') {
				continue
			}
			if a := s.adj(e); a > 0 && (s.toks[a].punct('-') || s.toks[a].word()) {
				continue
			}
			st, en := int(t.s), int(s.toks[e].e)
			// Only over text no span touches: what was found there stays.
			k, _ := slices.BinarySearchFunc(spans, st, func(sp Span, st int) int { return sp.Start - st })
			if k < len(spans) && spans[k].Start < en || k > 0 && spans[k-1].End > st {
				continue
			}
			if len(add) < cap(add) || len(add) < 64 {
				add = append(add, Span{Start: st, End: en, Type: Location})
			}
		}
	}
	if len(add) == 0 {
		return spans, false
	}
	return append(spans, add...), true // sorted by joinSpans
}

// propagatable: a word of a found place that names nothing else: on no
// list of English, everyday, clinical or date words, and no brand.
func (s *scan) propagatable(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.n() < 4 {
		return false
	}
	if t.lex&(lxCommon|lxMedical|lxLookalike|lxEponymHead|lxEponymName|lxTitle|lxTitleClin|lxRelation|lxCredential|lxCityAmb|
		lxState|lxStateAbbr|lxCountry|lxMonth|lxMonthAbbr|lxWeekday|lxUnit|lxUnitWord|lxCue|lxBrand|lxDigitWord|lxTeenWord|
		lxTensWord|lxOrdWord|lxTimeWord|lxFacility|lxFirstAmb|lxSurAmb) != 0 {
		return false
	}
	if t.gaz&(gzWord|gzCityAmb|gzFirstAmb|gzSurAmb) != 0 || s.tokIn(hospitalWordSet, k) || s.tokIn(siteNounSet, k) {
		return false
	}
	return !s.englishLooking(k)
}

// facilityName: the place ending at token b is a hospital's or a
// facility's name: its last word is a hospital of the gazetteer or a
// facility word, or it is two capitalized words or more that open a
// hospital's name of the gazetteer ("Beth Israel").
func (s *scan) facilityName(b int) bool {
	if s.toks[b].gaz&(gzFacHead|gzFacAcro|gzFacWord) != 0 || s.toks[b].lex&lxFacility != 0 {
		return true
	}
	p := s.sameLinePrev(b)
	return p >= 0 && s.toks[b].gap == gapSpace && s.toks[p].capWord() && s.toks[p].gaz&gzPhraseHead != 0 &&
		s.toks[p].gaz&gzFacHead == 0 && s.toks[b].gaz&gzPhraseHead == 0 && s.gazPrefixOf(p, lxFacHead)
}

// gazPrefixOf: tokens p and p+1 are the first two words of a gazetteer
// phrase with a flag in f ("beth israel" of "beth israel deaconess").
func (s *scan) gazPrefixOf(p int, f uint64) bool {
	var buf [64]byte
	key := append(append(append(buf[:0], s.lowerAny(p)...), ' '), s.lowerAny(p+1)...)
	return gazPrefixes()[string(key)]&f != 0
}

// gazPrefixes maps the first two words of the gazetteer's phrases of
// three words or more to their flags.
var gazPrefixes = sync.OnceValue(func() map[string]uint64 {
	lexicon()
	m := map[string]uint64{}
	for k, f := range gazPhrase {
		if i := strings.IndexByte(k, ' '); i > 0 {
			if j := strings.IndexByte(k[i+1:], ' '); j > 0 {
				m[k[:i+1+j]] |= f
			}
		}
	}
	return m
})

// mountPlace: "Mt. Hood", "Mount Sinai", "Mount Pleasant": a mountain,
// a town or a hospital named after one. i is "Mount" or "Mt".
func (s *scan) mountPlace(i int) bool {
	if s.toks[i].allUpper() {
		return false // MT, Montana or music therapy
	}
	k := i + 1
	if k < len(s.toks) && s.toks[k].punct('.') && s.toks[k].gap == gapNone {
		k++
	} else if s.eq(i, "mt") {
		return false
	}
	if k >= len(s.toks) || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() {
		return false
	}
	t := &s.toks[k]
	if t.lex&(lxMonth|lxMonthAbbr|lxWeekday|lxTitle|lxTitleClin|lxCredential|lxCue|lxRelation) != 0 ||
		t.lex&(lxCommon|lxMedical) != 0 && t.lex&(lxCity|lxFirst|lxSur) == 0 && (s.lineStart(i) || s.afterSentenceEnd(i)) {
		return false // "Mount the brace", a verb opening a sentence
	}
	e := k
	if e+2 < len(s.toks) && s.toks[e+1].punct('\'') && s.toks[e+1].gap == gapNone && s.eq(e+2, "s") && s.toks[e+2].gap == gapNone {
		e += 2 // "Mount St. Mary's"
	}
	if s.eponymAfter(e) || s.eponymAhead(e) {
		return false
	}
	s.addTok(i, s.facilityWordsAfter(e), Location, prShape)
	return true
}

// saintBefore: a name after "St." or "Saint" is a saint's, and names a
// church, a hospital or a school ("St. Peter Claver parish", "calling from
// st luke's"): sp becomes that place, with "St." and a possessive.
func (s *scan) saintBefore(sp *Span) bool {
	a, b := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
	if a < 1 || b < 0 || s.toks[a].gap != gapSpace {
		return false
	}
	k := a - 1
	if s.toks[k].punct('.') && s.toks[k].gap == gapNone && k > 0 {
		k--
	}
	if !(s.eq(k, "st") || s.eq(k, "saint")) || s.toks[k].upper() != s.toks[a].upper() {
		return false
	}
	if p := s.sameLinePrev(k); p >= 0 && s.toks[p].is(lxTitle|lxTitleClin) || p >= 1 && s.toks[p].punct('.') && s.toks[p-1].is(lxTitle|lxTitleClin) {
		return false // "Dr. St. John": a surname
	}
	if b+2 < len(s.toks) && s.toks[b+1].punct('\'') && s.toks[b+1].gap == gapNone && s.eq(b+2, "s") && s.toks[b+2].gap == gapNone {
		b += 2
	}
	if s.eponymAfter(b) || s.eponymAhead(b) {
		return false // "saint louis encephalitis"
	}
	sp.Start, sp.End, sp.Type = int(s.toks[k].s), int(s.toks[b].e), Location
	return true
}

// littlePlace: "in little haiti", "from little havana": a district named
// "little" and a country or city, after a preposition of place, in lower
// case as transcripts write it. i is "little".
func (s *scan) littlePlace(i int) bool {
	p, n := s.sameLinePrev(i), s.next(i)
	if p < 0 || n < 0 || !(s.eq(p, "in") || s.eq(p, "from") || s.eq(p, "near") || s.eq(p, "to")) || s.toks[n].gap != gapSpace ||
		!s.toks[n].letters() || s.toks[n].upper() {
		return false
	}
	t := &s.toks[n]
	if t.lex&(lxCountry|lxCity) == 0 && t.gaz&gzCity == 0 || t.lex&(lxCommon|lxMedical|lxState) != 0 || t.gaz&gzWord != 0 {
		return false
	}
	s.addTok(i, n, Location, prShape)
	return true
}

// prefixFacilityWords open a facility's name in Spanish, Portuguese,
// French and Italian: "Hospital Universitario de Puebla", "Clínica Santa
// María", "Centro de Salud Valle Verde".
var prefixFacilityWords = map[string]bool{"hospital": true, "clinica": true, "clínica": true, "centro": true,
	"sanatorio": true, "hôpital": true, "hopital": true, "ospedale": true, "policlinico": true, "hospicio": true,
	"instituto": true, "clinique": true, "hospitalar": true,
	// German: "Klinikum rechts der Isar", "Krankenhaus Nordwest".
	"klinikum": true, "krankenhaus": true, "universitätsklinikum": true, "klinik": true, "spital": true}

// romanceParticles join the words of such a name.
var romanceParticles = map[string]bool{"de": true, "del": true, "la": true, "las": true, "los": true, "do": true,
	"da": true, "dos": true, "das": true, "di": true, "della": true, "y": true, "e": true, "des": true, "du": true,
	"der": true, "am": true, "im": true, "zum": true, "rechts": true, "links": true}

// prefixFacility: at a capitalized word that opens a facility's name in a
// Romance language (prefixFacilityWords), the capitalized words and
// particles after it. English "Hospital" needs a particle and a
// capitalized word after it ("Hospital de Clínicas"), or a word with an
// accent or on no list and no English word ("Hospital Clínic", "Hospital
// Universitario"), so that "Hospital Medicine" and "Hospital Course" stay.
func (s *scan) prefixFacility(i int) bool {
	t := &s.toks[i]
	switch s.low[t.s] {
	case 'h', 'c', 's', 'o', 'p', 'i', 'k', 'u':
	default:
		return false
	}
	if !t.capWord() || t.allUpper() {
		return false
	}
	var w string
	if t.shape&shNonASCII != 0 {
		if w = s.lowerAny(i); !prefixFacilityWords[w] {
			return false
		}
	} else {
		if !s.tokIn(prefixFacilitySet, i) {
			return false
		}
		w = s.lower(i)
	}
	end, particle, words := i, false, 0
	for k := s.next(i); k > 0 && k <= i+8; k = s.next(k) {
		tk := &s.toks[k]
		if tk.gap != gapSpace || !tk.letters() {
			break
		}
		if !tk.upper() {
			if !s.tokIn(romanceParticleSet, k) {
				break
			}
			particle = true
			continue
		}
		if tk.allUpper() && tk.n() > 1 || tk.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxCredential) != 0 {
			break
		}
		end = k
		words++
	}
	if w == "hospital" && !particle && words > 0 {
		// "Hospital Clínic", "Hospital Universitario", "Hospital Ángeles
		// Tijuana": with no particle, a word written with an accent or
		// on no list and no English word makes it a name abroad.
		for k := i + 1; k <= end && !particle; k++ {
			tk := &s.toks[k]
			particle = tk.shape&shNonASCII != 0 || tk.lex == 0 && tk.gaz&^(gzFirst|gzSur|gazPlaceFlags) == 0 && !englishOrCompound(s.lower(k))
		}
	}
	if words == 0 || w == "hospital" && !particle || s.toks[end].upper() == false {
		return false
	}
	if w == "hospital" || w == "instituto" || w == "centro" {
		// "Centro Medico": at least one word that is neither English nor
		// a facility word.
		ok := false
		for k := i + 1; k <= end; k++ {
			ok = ok || s.toks[k].upper() && s.toks[k].lex&(lxCommon|lxMedical) == 0 && !facilityWords[s.lower(k)]
		}
		if !ok {
			return false
		}
	}
	s.addTok(i, end, Location, prShape)
	return true
}

// clinicAt: "Memory Care Clinic at Beaumont Royal Oak", "the Sleep Center
// at Mercy": a clinic named by the place it is at; returns the first token
// of the clinic's name, or a.
func (s *scan) clinicAt(a int) int {
	k := a - 1
	if k < 2 || !s.eq(k, "at") || s.toks[k].upper() || s.toks[k].gap != gapSpace || s.toks[a].gap != gapSpace || !s.toks[a].upper() ||
		!s.toks[k-1].capWord() || s.toks[k-1].lex&lxFacility == 0 || s.toks[k-1].allUpper() {
		return a
	}
	st := k - 1
	for j := k - 2; j >= 0 && j >= k-5 && s.toks[j+1].gap == gapSpace; j-- {
		if !s.toks[j].capWord() || s.toks[j].allUpper() || s.toks[j].lex&(lxTitle|lxTitleClin|lxCredential|lxMonth|lxWeekday) != 0 {
			break
		}
		st = j
	}
	if st == k-1 {
		return a // "Clinic at Mercy": one word names nothing
	}
	return st
}

// landmarkWords end the names of landmarks: "the Burnside Bridge",
// "near Sellwood Park", "at Lloyd Center Mall".
var landmarkWords = map[string]bool{"bridge": true, "park": true, "mall": true, "lake": true, "river": true, "beach": true,
	"stadium": true, "arena": true, "market": true, "pier": true, "harbor": true, "marina": true, "reservoir": true,
	"dam": true, "falls": true, "canyon": true, "woods": true, "forest": true, "gardens": true, "zoo": true,
	"campground": true, "casino": true, "fairgrounds": true, "station": true, "terminal": true, "plaza": true,
	"square": true, "springs": true, "pass": true, "wharf": true, "vineyard": true, "landing": true, "island": true,
	"cove": true, "crossing": true, "quarter": true, "trail": true, "boardwalk": true, "kitchen": true,
	"shops": true, "temple": true, "mosque": true, "gurdwara": true, "pub": true}

// landmarkAt: at a landmark word, the capitalized words before it that
// name it, after "the" or a preposition of place: "lives under the
// Burnside Bridge", "found down near Sellwood Park". One of the words must
// be a name, a town or a word on no list ("Central Park" is out of reach,
// "the Upper River" stays).
func (s *scan) landmarkAt(i int) bool {
	t := &s.toks[i]
	if !t.capWord() || t.allUpper() || t.n() < 3 || t.n() > 11 || !s.tokIn(landmarkWordSet, i) || s.eponymAfter(i) {
		return false
	}
	st, named := -1, false
	// "in Hell's Kitchen", "on Martha's Vineyard", "at Fisherman's Wharf":
	// a possessive before the landmark word names it, whatever the word.
	if j := i - 3; j >= 0 && s.eq(i-1, "s") && s.toks[i-1].gap == gapNone && s.toks[i-2].punct('\'') && s.toks[i-2].gap == gapNone &&
		s.toks[j].capWord() && !s.toks[j].allUpper() && s.toks[j].lex&(lxTitle|lxTitleClin|lxMonth|lxWeekday|lxCredential) == 0 &&
		s.toks[i].gap == gapSpace {
		st, named = j, true
	}
	if s.eq(i, "kitchen") && !named {
		return false // "Kitchen" names a place only after a possessive
	}
	for j := i - 1; st < 0 && j >= 0 && j >= i-3 && s.toks[j+1].gap == gapSpace; j-- {
		tj := &s.toks[j]
		if !tj.capWord() || tj.allUpper() || tj.lex&(lxTitle|lxTitleClin|lxMonth|lxWeekday|lxCredential|lxState|lxCountry) != 0 {
			break
		}
		if tj.lex&lxMedical != 0 && tj.lex&(lxCity|lxFirst|lxSur) == 0 {
			break
		}
		named = named || tj.lex&(lxFirst|lxSur|lxCity) != 0 || tj.gaz&(gzCity|gzTown|gzSur|gzFirst) != 0 ||
			tj.lex == 0 && tj.gaz == 0 && !s.englishLooking(j)
		st = j
	}
	if st < 0 || !named {
		return false
	}
	p := s.sameLinePrev(st)
	if p < 0 || !s.toks[p].letters() || s.toks[p].upper() && !s.eq(p, "the") {
		return false
	}
	switch s.lower(p) {
	case "the", "at", "in", "near", "to", "from", "on", "under", "by", "behind", "across", "past", "over", "around", "outside":
	default:
		return false
	}
	s.addTok(st, i, Location, prCue) // the landmark word types it, over a name found in the same words
	return true
}

// joinFacilityTowns completes the found spans (sorted) that name a care
// home, an agency or a laboratory but leave part of its name: a place
// joined to its town by "of" or to another found place by "of" or "at"
// ("Sunrise of Arlington", "Heritage of Lakewood", "Clarendale of Addison",
// "Wingate at Silver Lake"), and a name or place before the words of an agency or a
// laboratory ("Bright Star Home Health", "Cascade Reference Laboratory"),
// which then is a place. It reports a change.
func (s *scan) joinFacilityTowns(spans []Span) bool {
	changed := false
	for k := range spans {
		x := &spans[k]
		if x.Type != Location && x.Type != Name || x.End <= x.Start {
			continue
		}
		a, b := s.tokStartingAt(x.Start), s.tokEndingAt(x.End)
		if a < 0 || b < 0 || !s.toks[b].capWord() || s.toks[b].allUpper() {
			continue
		}
		if e := s.agencyWordsAfter(b); e > b && !(x.Type == Name && s.titleBefore(a)) {
			x.End, x.Type = int(s.toks[e].e), Location
			b = e
			changed = true
		}
		if x.Type != Location {
			continue
		}
		p := s.next(b)
		if p < 0 || s.toks[p].gap != gapSpace || !(s.eq(p, "of") || s.eq(p, "at")) || s.toks[p].upper() {
			continue
		}
		c := s.next(p)
		if c < 0 || s.toks[c].gap != gapSpace || !s.toks[c].capWord() || s.toks[c].allUpper() ||
			s.toks[c].lex&(lxTimeWord|lxMonth|lxWeekday|lxState|lxCountry|lxTitle|lxTitleClin) != 0 {
			continue
		}
		if k+1 < len(spans) && spans[k+1].Type == Location && s.tokStartingAt(spans[k+1].Start) == c {
			y := &spans[k+1]
			x.End, y.Start = y.End, y.End
			changed = true
			continue
		}
		if !s.eq(p, "of") {
			continue
		}
		e := -1
		if s.toks[c].gaz&gzPhraseHead != 0 || s.toks[c].lex&lxPhraseHead != 0 {
			e, _ = s.gazPhraseAt(c, lxCity|lxTown)
		}
		// The town may be spelled like a given name or a surname
		// ("Clarendale of Addison"): after a place and "of" it is the
		// place's town.
		if t := &s.toks[c]; e < 0 && (t.gaz&(gzCity|gzTown) != 0 || t.lex&(lxCity|lxFirst|lxSur) != 0) && t.lex&(lxCommon|lxMedical) == 0 {
			e = c
		}
		if e < 0 || s.eponymAfter(e) || s.eponymAhead(e) {
			continue
		}
		x.End = int(s.toks[e].e)
		changed = true
	}
	return changed
}

// agencyWordsAfter: the capitalized words of an agency's or a laboratory's
// kind after token b ("Home Health", "Hospice", "Reference Laboratory",
// "Imaging"), the last one a word of such a kind; the last token, or b.
func (s *scan) agencyWordsAfter(b int) int {
	end := b
	for j, n := b, 0; n < 4; n++ {
		k := s.next(j)
		if k < 0 || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() {
			break
		}
		w := s.lower(k)
		kind, ok := agencyWords[w]
		if !ok {
			break
		}
		j = k
		if kind {
			end = k
		}
	}
	return end
}

// agencyWords name an agency's or a laboratory's kind; true where the word
// can end the name ("Home Health", not "Home").
var agencyWords = map[string]bool{"home": false, "health": true, "healthcare": true, "care": true, "hospice": true,
	"reference": false, "laboratory": true, "laboratories": true, "lab": true, "labs": true, "diagnostics": true,
	"imaging": true, "agency": true, "services": true, "dialysis": true, "pharmacy": true, "infusion": true,
	"nursing": false, "wellness": true, "recovery": true}
