package deid

import (
	"slices"
	"strings"
)

// The place that answers a question of where someone works, worships or
// is cared for, said before another place found: "where do you work" /
// "stryker in portage", "which church is that" / "st stanislaus on fleet
// avenue"; "and before that" / "westmead in january" is not one (no place
// follows).

// answerLeadWords may open an answer before the place it names.
var answerLeadWords = wordsOf("yeah yes yep no just at the um uh oh ok okay well")

// answerPronouns open an answer about a person, not a place ("i'm at st.
// mary's").
var answerPronouns = wordsOf("i i'm im me we he she they it you")

// answerKinds are kinds of work, care or schooling said where a place's
// name would be ("ems in tulsa", "telehealth in seattle", "hvac in
// dallas").
var answerKinds = wordsOf("ems hvac telehealth telemedicine homeschool homeschooling virtual remote online")

// answerLinkWords join the answer's place to the place found after it.
var answerLinkWords = wordsOf("in on at near by off")

// answerTopicWords on the line before ask where someone works, worships,
// studies or is cared for, or which one (a question of where alone is
// not enough).
var answerTopicWords = wordsOf("work church school gp which")

// storeTopicWords on the line before ask where things are bought: the
// answer is a store visited ("which pharmacy" / "the hornbacher's on
// thirteenth avenue"), which Safe Harbor leaves.
var storeTopicWords = wordsOf("pharmacy pharmacies prescription prescriptions groceries grocery store shop shopping")

// answerBeforeFoundPlace: a turn whose first words (after "yeah", "at
// the" and the like) are one to five words, then "in", "on", "at",
// "near", "by" or "off" and a place found, where the line before asks
// which one or speaks of work, church, school or a GP (a question of
// where alone is not enough: "where were you treated" / "chemo in
// boston"), and not of a pharmacy or shopping: the first words are a
// place too. They are no function word (but "of", "the" and "and"
// inside), pronoun, kind of work or care, title, relation, number or time
// word, nor a chain or brand opening them (a store visited, "the cvs on
// main"), at least one of them on no list of English words, and no span
// covers them. A late rule.
func (s *scan) answerBeforeFoundPlace(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Location {
			continue
		}
		j := s.tokStartingAt(sp.Start)
		if j < 0 {
			continue
		}
		link := s.sameLinePrev(j)
		if link < 0 || !s.toks[link].letters() || !answerLinkWords[s.lower(link)] {
			continue
		}
		h := link
		for n := 0; n < 5; n++ {
			p := s.sameLinePrev(h)
			if p < 0 || s.turnStart(h) || !s.toks[p].word() && !s.toks[p].punct('\'') && !s.toks[p].punct('-') {
				break
			}
			h = p
		}
		if !s.turnStart(h) || s.lineStart(h) && !(s.lowerLine(h) && s.lowerLine(s.prevLineStart(h))) {
			// A turn after a speaker's tag, or a line of a transcript in
			// lower case after another (no note's line: "Pt currently
			// staying at"); the leading words of an answer ("yeah", "at
			// the") are stepped over from its start.
			continue
		}
		for h < link && s.toks[h].letters() && answerLeadWords[s.lower(h)] {
			h = s.next(h)
		}
		if h < 0 || h >= link || s.chainAt(h, false) >= 0 || !s.answerPlaceWords(h, link, spans) {
			continue
		}
		if !s.wordOnLineBefore(h, answerTopicWords) || s.wordOnLineBefore(h, storeTopicWords) {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[h].s), End: int(s.toks[s.sameLinePrev(link)].e), Type: Location})
	}
}

// answerPlaceWords: tokens h up to link (not included) may name a place.
func (s *scan) answerPlaceWords(h, link int, spans []Span) bool {
	unlisted := false
	for k := h; k < link; k++ {
		t := &s.toks[k]
		if !t.word() {
			if t.punct('\'') || t.punct('-') {
				continue
			}
			return false
		}
		w := s.lower(k)
		if k > h && (w == "of" || w == "the" || w == "and") {
			continue
		}
		if s.tokIn(functionWordSet, k) || answerPronouns[w] || answerKinds[w] || t.lex&(lxTitle|lxTitleClin|lxRelation|lxDigitWord|lxTensWord|lxTeenWord|lxOrdWord|lxMonth|lxWeekday|lxTimeWord|lxMedical) != 0 ||
			inSpans(spans, int(t.s)) {
			return false
		}
		if t.letters() && !s.englishTok(k) {
			unlisted = true
		}
	}
	return unlisted
}

// wordOnLineBefore: a word of set on the line before token i's.
func (s *scan) wordOnLineBefore(i int, set map[string]bool) bool {
	b, a := s.prevLineBounds(i)
	for k := b; k < a; k++ {
		if s.toks[k].letters() && set[s.lower(k)] {
			return true
		}
	}
	return false
}

// inSpans: a span of spans covers byte offset off.
func inSpans(spans []Span, off int) bool {
	for _, sp := range spans {
		if sp.Start <= off && off < sp.End {
			return true
		}
	}
	return false
}

// lowerLine: the line of token i has letters and no capital.
func (s *scan) lowerLine(i int) bool {
	if i < 0 {
		return false
	}
	b := i
	for b > 0 && s.toks[b].gap != gapLine {
		b--
	}
	letters := false
	for k := b; k < len(s.toks) && (k == b || s.toks[k].gap != gapLine); k++ {
		if s.toks[k].letters() {
			if s.toks[k].upper() {
				return false
			}
			letters = true
		}
	}
	return letters
}

// prevLineStart returns the first token of the line before token i's, or
// -1 on the first line.
func (s *scan) prevLineStart(i int) int {
	b, a := s.prevLineBounds(i)
	if a == 0 {
		return -1
	}
	return b
}

// workQuestionWords and whWords on the line before ask where someone
// works ("where do you work", "which company", "who's your employer").
var (
	workQuestionWords = wordsOf("work working works company employer job")
	whWords           = wordsOf("where who which what")
)

// answerToWorkQuestion (a late rule): the first words of a turn that
// answers where someone works, before a comma, a stop, a link word or the
// line's end: "where do you work" / "nike, at the campus in beaverton";
// "which company" / "shell, the mars platform"; "where you working again"
// / "wisynco in white marl". One to four words, a company listed or one of
// them on no list of English words, and none a function word, pronoun,
// kind of work, title or number (answerPlaceWords): "retired", "at home",
// "construction" stay.
func (s *scan) answerToWorkQuestion(spans []Span) {
	if !strings.Contains(s.low, "work") && !strings.Contains(s.low, "compan") && !strings.Contains(s.low, "employ") &&
		!strings.Contains(s.low, "job") {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].letters() || s.toks[i].gap != gapLine && i > 0 && !s.toks[i-1].punct(':') && !s.toks[i-1].punct(']') ||
			!s.turnStart(i) {
			continue
		}
		h := i
		for h >= 0 && s.toks[h].letters() && answerLeadWords[s.lower(h)] {
			h = s.next(h)
		}
		if h < 0 || !s.toks[h].letters() {
			continue
		}
		end, n := -1, 0
		for k := h; k >= 0 && n < 5; k, n = s.next(k), n+1 {
			t := &s.toks[k]
			if t.kind == tkPunct && !t.punct('\'') && !t.punct('-') || t.letters() && answerLinkWords[s.lower(k)] {
				break
			}
			end = k
		}
		if end < 0 || n >= 5 {
			continue
		}
		if nx := s.next(end); nx > 0 && (!(s.toks[nx].kind == tkPunct || s.toks[nx].letters() && answerLinkWords[s.lower(nx)]) ||
			s.toks[nx].punct(':') || s.toks[nx].punct('_') || s.toks[nx].punct(']') || s.toks[nx].punct('-') && s.toks[nx].gap == gapNone) {
			continue // "spk_1:", "pt:": the speaker's tag
		}
		if end == h && s.toks[h].n() < 3 {
			continue // "the y on division"
		}
		listed := s.listedCompanyAt(h) == end
		if !listed && !s.answerPlaceWords(h, end+1, spans) || s.chainAt(h, false) >= 0 && !listed {
			continue
		}
		if !s.wordOnLineBefore(h, workQuestionWords) || !s.wordOnLineBefore(h, whWords) || s.wordOnLineBefore(h, storeTopicWords) {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[h].s), End: int(s.toks[end].e), Type: Location})
		i = end
	}
}

// homeListWords open the question before an answer that lists where
// someone lives (homeQuestionBefore's words, and "from" at a question's
// end): a text without one of them and a comma has no list to read.
var homeListWords = []string{"liv", "born", "home", "stay", "still", "grew", "raised", "based", "suburb", "from", "address"}

// answerPlaceList (a late rule): an answer to where someone lives that
// lists its places by commas, from the neighbourhood out or the street
// in: "do you live close" / "dorchester, savin hill"; "and you're from" /
// "sampaloc, dapitan street"; "where do you live" / "spanish town, ensom
// city, lot 44 cherry avenue". Read from the turn's start (after "yeah",
// "um" and the like), part by part up to a part that names no place: two
// parts or more that name one each (homePart) are places, the ones not
// found already added. One part alone is answerPlaces' to read; "alone,
// with my dog" and "yes, the same" name none.
func (s *scan) answerPlaceList(spans []Span) {
	if !strings.Contains(s.low, ", ") || !slices.ContainsFunc(homeListWords, func(w string) bool { return strings.Contains(s.low, w) }) {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].word() || !s.turnStart(i) || s.lineStart(i) && !(s.lowerLine(i) && s.lowerLine(s.prevLineStart(i))) ||
			!((s.homeQuestionBefore(i) || s.fromQuestionBefore(i) || s.wordOnLineBefore(i, stayWords)) && s.putToSomeone(i) || s.addressPromptBefore(i)) {
			continue // a turn after a speaker's tag, or a line of a lower-case transcript after another, answering a question
		}
		h := i
		for h >= 0 && (s.toks[h].letters() && (answerLeadWords[s.lower(h)] || answerLeadAbroad[s.lower(h)]) || s.toks[h].punct(',')) {
			h = s.next(h) // "um, blk 12 lot 7 phase 2, bagong silang"
		}
		var parts [][2]int
		anchored := false
		for h >= 0 && len(parts) < 6 {
			end, n := -1, 0
			for k := h; k >= 0 && s.toks[k].word() && n < 7; k, n = s.next(k), n+1 {
				end = k
				if nx := k + 1; nx < len(s.toks) && s.toks[nx].gap == gapNone && (s.toks[nx].punct('\'') || s.toks[nx].punct('-')) &&
					nx+1 < len(s.toks) && s.toks[nx+1].word() && s.toks[nx+1].gap == gapNone {
					k = nx // "o'connell", "phase-2": one word
				}
			}
			if end < 0 || n >= 7 {
				break
			}
			// "near tsui bleoo", "on trask", "by the x": the place after
			// its preposition.
			ps, landmark := h, false
			if s.toks[h].letters() && homePartPreps[s.lower(h)] && h < end {
				if ps = s.next(h); ps < end && s.eq(ps, "the") {
					ps, landmark = s.next(ps), true
				}
			}
			if z := s.spanTypeAt(spans, ps); z == ZIP || z == ID || z == Date || landmark {
				// "v3w 2m4", "680306": the postcode found (as a ZIP or a
				// number); "by the buddhist temple": a landmark; not places
				// of the list but no end of it. A postcode after the
				// places anchors them: an address ends with it
				// ("kuriakose house, ollur, thrissur, 680306").
				anchored = anchored || len(parts) >= 2 && (z == ZIP || z == ID && ps == end && s.toks[ps].digits() && s.toks[ps].n() >= 5 && s.toks[ps].n() <= 6)
			} else if named, anchor := s.homePart(ps, end, spans); named {
				anchored = anchored || anchor
				parts = append(parts, [2]int{ps, end})
			} else {
				break
			}
			nx := s.next(end)
			if nx < 0 || !s.toks[nx].punct(',') || nx+1 >= len(s.toks) || s.toks[nx+1].gap == gapLine {
				break
			}
			h = nx + 1
		}
		if len(parts) < 2 || !anchored {
			continue
		}
		for _, p := range parts {
			if p[0] == p[1] && s.toks[p[0]].lex&(lxState|lxCountry) != 0 {
				continue // "mandeville, jamaica": a country or state stays
			}
			if !inSpans(spans, int(s.toks[p[0]].s)) {
				s.late = append(s.late, Span{Start: int(s.toks[p[0]].s), End: int(s.toks[p[1]].e), Type: Location})
			}
		}
		s.stillAtBefore(i, spans)
		i = parts[len(parts)-1][1]
	}
}

// stillAtBefore: the question before an address list (token i opens the
// answer) asks whether someone is still at a place, named in one to three
// words before its question mark ("and you're still at ballyduff?"): the
// answer gives the address, the question the place it is in.
func (s *scan) stillAtBefore(i int, spans []Span) {
	b, a := s.prevLineBounds(i)
	if a == 0 || !s.toks[a-1].punct('?') {
		return
	}
	for k := b; k+1 < a-1; k++ {
		if !s.eq(k, "still") || !(s.eq(k+1, "at") || s.eq(k+1, "in") || s.eq(k+1, "on")) {
			continue
		}
		st, end := k+2, a-2
		if end < st || end-st > 2 || s.eq(st, "the") {
			return
		}
		for m := st; m <= end; m++ {
			if !s.toks[m].word() {
				return
			}
		}
		if named, _ := s.homePart(st, end, spans); named && !inSpans(spans, int(s.toks[st].s)) {
			s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[end].e), Type: Location})
		}
		return
	}
}

// answerLeadAbroad open an answer in the languages of the clinic's
// patients ("sí, 412 nopal").
var answerLeadAbroad = wordsOf("sí si oui ja haan ndiyo opo")

// homePartPreps open a part of the list placed by what it is near ("near
// tsui bleoo", "on trask", "by the cliff cricket club").
var homePartPreps = wordsOf("near on by off behind opposite")

// spanTypeAt: the type of the span of spans that covers token i's start,
// or "".
func (s *scan) spanTypeAt(spans []Span, i int) Type {
	if i < 0 {
		return ""
	}
	for _, sp := range spans {
		if sp.Start <= int(s.toks[i].s) && int(s.toks[i].s) < sp.End {
			return sp.Type
		}
	}
	return ""
}

// stayWords ask where someone stays, as English is spoken in Africa and
// the Caribbean ("where do you stay"), or whether they are still where
// they were ("and you're still at clonard?").
var stayWords = wordsOf("stay stays still")

// addressPromptBefore: the line before token i's asks for the address in
// a few words ending with it ("okay. address", "and the address, still
// newton?", "your address?").
func (s *scan) addressPromptBefore(i int) bool {
	b, a := s.prevLineBounds(i)
	if a == 0 {
		return false
	}
	words := 0
	at := false
	for k := b; k < a; k++ {
		if s.toks[k].letters() {
			words++
			at = at || s.eq(k, "address")
		}
	}
	return at && words <= 8
}

// askedWords on a line make it a question put to someone ("you live in",
// "where's home"), not a note's line on where a patient lives ("S: Lives
// at home", "Plan: ...").
var askedWords = wordsOf("you your ya u where where's")

// putToSomeone: the line before token i's ends with a question mark or
// has a word of askedWords.
func (s *scan) putToSomeone(i int) bool {
	if _, a := s.prevLineBounds(i); a > 0 && s.toks[a-1].punct('?') {
		return true
	}
	return s.askedBefore(i, func(k int) bool { return askedWords[s.lower(k)] })
}

// fromQuestionBefore: the line before token i's ends with "from" ("and
// you're from", "where are you from?").
func (s *scan) fromQuestionBefore(i int) bool {
	b, a := s.prevLineBounds(i)
	for k := a - 1; k >= b && a > 0; k-- {
		if s.toks[k].letters() {
			return s.eq(k, "from")
		}
		if !s.toks[k].punct('?') {
			return false
		}
	}
	return false
}

// homePart: tokens a to b (one to six words, no punctuation but inner
// apostrophes and hyphens) name a place (named): a place found covers one
// of them, or none is a function word (but "of" and "the" inside),
// pronoun, conjunction, title, relation, time, month, weekday, medical
// word, filler or drawn-out sound, no other span covers them, and one of
// them is a street's suffix, a block's or lot's label or a word of
// letters on no list of English words. anchor: a place found, a street's
// suffix, a label before its number ("lot 9", not "corner lot") or a word
// of the gazetteer's towns, which a list of places needs one of ("ct head,
// ciwa" has none).
func (s *scan) homePart(a, b int, spans []Span) (named, anchor bool) {
	for k := a; k >= 0 && k <= b; k = s.next(k) {
		t := &s.toks[k]
		for _, sp := range spans {
			if sp.Start <= int(t.s) && int(t.s) < sp.End {
				if sp.Type != Location && !(sp.Type == Name && k < b && houseNameWords[s.lower(b)]) {
					return false, false // (a family's house: "kuriakose house, ollur")
				}
				named, anchor = true, true
			}
		}
		if !t.letters() {
			continue
		}
		w := s.lower(k)
		if k > a && (w == "of" || w == "the") {
			continue
		}
		if s.tokIn(functionWordSet, k) || answerPronouns[w] || answerKinds[w] || answerFillers[w] || chatFillers[w] || tripledLetter(w) ||
			homeListJoiners[w] || t.lex&(lxTitle|lxTitleClin|lxRelation|lxMonth|lxWeekday|lxMedical) != 0 ||
			t.is(lxTimeWord) && !t.is(lxOrdWord) { // "fourth avenue" (the fourth of july)
			return false, false
		}
		if t.lex&(lxStreetSuffix|lxCity|lxCityAmb|lxTown) != 0 || addressLabels[w] && k < b && !s.toks[s.next(k)].letters() {
			named, anchor = true, true
		} else if t.n() >= 3 && !s.englishTok(k) {
			named = true
		}
	}
	return named, anchor
}

// houseNameWords end the name of a house, often a family's, that opens
// an address ("kuriakose house, ollur, thrissur").
var houseNameWords = wordsOf("house villa cottage bhavan bhawan niwas nivas manzil lodge")

// homeListJoiners join clauses, not the parts of a place ("no, but the
// building, 37th avenue").
var homeListJoiners = wordsOf("but and or so because cause then")
