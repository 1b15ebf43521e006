package deid

import (
	"slices"
	"strings"
	"testing"
)

// TestShortcutsMatchPlain checks the shortcuts of the third speed round
// against the plain code they stand for, on every reference text (the
// corpora, lower- and upper-cased) and the tokenizer's seeds: the
// tokenizer with a lexCache warm from the texts before gives the tokens it
// gives without one; cuesAt gives
// cueIndex's entry; ctxAt gives ctxOf; plainLower says true only where
// candidateAt's test of lower-case words rejects the word. Failures name
// the text by number only: the holdouts are among the texts.
func TestShortcutsMatchPlain(t *testing.T) {
	t.Parallel()
	var lc lexCache
	for n, x := range append(referenceTexts(t), tokenizeSeeds...) {
		s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
		if got := tokenizeLow(x, s.low, nil, nil, &lc); !slices.Equal(got, s.toks) {
			t.Fatalf("text %d: the tokens with a warm lexCache differ", n)
		}
		for i := range s.toks {
			if !s.toks[i].word() {
				continue
			}
			if got, want := s.cuesAt(i), cueIndex[s.lower(i)]; len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
				t.Fatalf("text %d token %d: cuesAt gives %d cues, cueIndex %d", n, i, len(got), len(want))
			}
			if got, want := s.ctxAt(i), s.ctxOf(i); got != want {
				t.Fatalf("text %d token %d: ctxAt = %+v, ctxOf = %+v", n, i, got, want)
			}
			if tk := &s.toks[i]; tk.letters() && tk.shape&(shUpper|shAllUpper) == 0 && s.plainLower(i) && !lowerRejected(s, i) {
				t.Fatalf("text %d token %d: plainLower rejects a word candidateAt's test keeps", n, i)
			}
		}
	}
}

// lowerRejected is candidateAt's test of a lower-case word in a text in
// normal case, as it reads without plainLower.
func lowerRejected(s *scan, i int) bool {
	c := s.ctxOf(i)
	if s.toks[i].n() < 3 || c.line || c.prev < 0 {
		return true
	}
	if s.toks[c.prev].lex&(lxTitle|lxTitleClin|lxRelation) == 0 && s.cueWord(c.prev) != cueGreet {
		if pc := s.ctxOf(c.prev); c.sent || pc.line || pc.sent || s.cueWord(pc.prev) != cueGreet {
			return true
		}
	}
	return false
}

// TestWordSetsMatchTheirMaps checks what the fourth speed round's word
// sets and flag tests rely on: tokIn answers as the map it stands for, on
// every key and on every word of the reference texts; and a word carries a
// number word's lexicon flag exactly when it is a key of that map.
func TestWordSetsMatchTheirMaps(t *testing.T) {
	t.Parallel()
	sets := []struct {
		name string
		m    map[string]bool
		ws   *wordSet
	}{
		{"contextWords", contextWords, contextWordSet},
		{"functionWords", functionWords, functionWordSet},
		{"wordMakers", wordMakers, wordMakerSet},
		{"lastFirstLabels", lastFirstLabels, lastFirstSet},
		{"directions", directions, directionSet},
		{"placePreps", placePreps, placePrepSet},
		{"landmarkWords", landmarkWords, landmarkWordSet},
		{"prefixFacilityWords", prefixFacilityWords, prefixFacilitySet},
		{"romanceParticles", romanceParticles, romanceParticleSet},
		{"hospitalWords", hospitalWords, hospitalWordSet},
		{"siteNouns", siteNouns, siteNounSet},
		{"fieldPlaceLabels", fieldPlaceLabels, fieldPlaceLabelSet},
		{"unitAcronyms", unitAcronyms, unitAcronymSet},
		{"onStreetSites", onStreetSites, onStreetSiteSet},
		{"cueFiller", cueFiller, cueFillerSet},
		{"lowerHeads", lowerHeads, lowerHeadSet},
		{"medVerbs", medVerbs, medVerbSet},
		{"medWithVerbs", medWithVerbs, medWithVerbSet},
		{"medAfter", medAfter, medAfterSet},
		{"objectWords", objectWords, objectWordSet},
		{"publicHonorifics", publicHonorifics, publicHonorificsSet},
		{"ownerWords", ownerWords, ownerWordsSet},
		{"docWords", docWords, docWordsSet},
		{"companyLabels", companyLabels, companyLabelsSet},
		{"productLabels", productLabels, productLabelsSet},
		{"listIntro", listIntro, listIntroSet},
		{"faithWords", faithWords, faithWordsSet},
		{"faithBefore", faithBefore, faithBeforeSet},
		{"wayfindingWords", wayfindingWords, wayfindingWordsSet},
		{"modalNames", modalNames, modalNamesSet},
		{"personRoles", personRoles, personRolesSet},
		{"strongPersonVerbs", strongPersonVerbs, strongPersonVerbsSet},
		{"bodyHeads", bodyHeads, bodyHeadsSet},
		{"possessiveHeads", possessiveHeads, possessiveHeadsSet},
	}
	texts := referenceTexts(t)
	for _, c := range sets {
		for w := range c.m {
			texts = append(texts, w, "x "+w+" x", strings.ToUpper(w))
		}
	}
	lists := []struct {
		name string
		ws   *wordSet
	}{{"spokenCueSet", spokenCueSet}, {"phoneCueSet", phoneCueSet}}
	for _, c := range lists {
		for w := range c.ws.m {
			texts = append(texts, w, "x "+w+" x")
		}
	}
	for n, x := range texts {
		s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
		for i := range s.toks {
			for _, c := range sets {
				if got, want := s.tokIn(c.ws, i), c.m[s.lower(i)]; got != want {
					t.Fatalf("text %d token %d: tokIn(%s) = %v, the map says %v", n, i, c.name, got, want)
				}
			}
			for _, c := range lists {
				if got, want := s.tokBits(c.ws, i), c.ws.m[s.lower(i)]; got != want {
					t.Fatalf("text %d token %d: tokBits(%s) = %b, its words say %b", n, i, c.name, got, want)
				}
			}
		}
	}
	words, _ := lexicon()
	for _, c := range []struct {
		name string
		m    map[string]int
		flag uint64
	}{{"unitWords", unitWords, lxDigitWord}, {"teenWords", teenWords, lxTeenWord}, {"tensWords", tensWords, lxTensWord}, {"ordinalWords", ordinalWords, lxOrdWord}} {
		for w, f := range words {
			if _, ok := c.m[w]; ok != (f&c.flag != 0) {
				t.Errorf("%s: %q is a key %v, has the flag %v", c.name, w, ok, f&c.flag != 0)
			}
		}
		for w := range c.m {
			if toks := tokenize(w, nil); len(toks) != 1 || toks[0].lex&c.flag == 0 {
				t.Errorf("%s: the token %q lacks the flag", c.name, w)
			}
		}
	}
}

// TestWebMarksMatchTokens checks what the tokenizer notes beside the
// tokens for the rules: the tokens that open a line (webMarks.lines) are
// those with gap == gapLine, and the unions of the words' flags are those
// of the tokens.
func TestWebMarksMatchTokens(t *testing.T) {
	t.Parallel()
	var web webMarks
	for n, x := range append(referenceTexts(t), append(tokenizeSeeds, "", "\n", "a\n", "\n\na b\n\n c\n")...) {
		web.reset()
		toks := tokenizeLow(x, asciiLower(x), nil, &web, nil)
		var lines []int32
		var lex uint64
		var gaz uint16
		var shape uint8
		for i, tk := range toks {
			if tk.gap == gapLine {
				lines = append(lines, int32(i))
			}
			lex, gaz, shape = lex|tk.lex, gaz|tk.gaz, shape|tk.shape
		}
		if !slices.Equal(lines, web.lines) {
			t.Fatalf("text %d: line starts %v, the tokens say %v", n, web.lines, lines)
		}
		if lex != web.lex || gaz != web.gaz || shape != web.shape {
			t.Fatalf("text %d: the unions of the flags differ from the tokens'", n)
		}
	}
}

// TestToLowerMatchesStrings checks the fifth speed round's lower-casing
// into arenas (scan.toLower, knownIndex.toLower, appendLower, used by
// lowerAny and lookupLong) against strings.ToLower, on every word of the
// reference texts and on words with capitals, special cases and invalid
// UTF-8.
func TestToLowerMatchesStrings(t *testing.T) {
	t.Parallel()
	words := []string{"", "a", "ABC", "Ábc", "ÀÉÎÕÜ", "straße", "STRASSE", "İstanbul", "ǅemal", "Ǆ", "ﬀ", "ÅNGSTRÖM",
		"\uFFFD", "a\uFFFDb", "\xff", "A\xffB", "\xe2\x82", "Zo\xc3", "ΣΊΣΥΦΟΣ", "Кирилл", "ⅫⅣ", "Ⓐ"}
	for _, x := range referenceTexts(t) {
		for _, tk := range tokenize(x, nil) {
			if tk.shape&shNonASCII != 0 {
				words = append(words, x[tk.s:tk.e])
			}
		}
	}
	s := &scan{}
	var k knownIndex
	for n, w := range words {
		want := strings.ToLower(w)
		if got := s.toLower(w); got != want {
			t.Fatalf("word %d: scan.toLower = %q, strings.ToLower = %q", n, got, want)
		}
		if got := k.toLower(w); got != want {
			t.Fatalf("word %d: knownIndex.toLower = %q, strings.ToLower = %q", n, got, want)
		}
		if got := string(appendLower([]byte("x"), w)); got != "x"+want {
			t.Fatalf("word %d: appendLower = %q, want %q", n, got, "x"+want)
		}
	}
}

// TestWordAtWordsCoverTheirRules checks what wordAt's gate (wordAtWords)
// relies on: countyAt, routeAt and lowerRoute take no word off the set,
// on every word of the reference texts.
func TestWordAtWordsCoverTheirRules(t *testing.T) {
	t.Parallel()
	for n, x := range referenceTexts(t) {
		s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
		for i := range s.toks {
			if !s.toks[i].letters() || s.tokIn(wordAtWords, i) {
				continue
			}
			if s.countyAt(i) || s.routeAt(i) || s.lowerRoute(i) {
				t.Fatalf("text %d token %d: a rule wordAt asks only for wordAtWords takes a word off the set", n, i)
			}
		}
	}
}

// TestHolidayAtMatchesPlain checks holidayAt's first test (holidayFirstSet)
// against the plain walk over every holiday, on every word of the
// reference texts and on texts made of the holidays themselves.
func TestHolidayAtMatchesPlain(t *testing.T) {
	t.Parallel()
	texts := referenceTexts(t)
	for _, h := range holidays {
		texts = append(texts, "closed on "+strings.Join(h, " "), strings.ToUpper(strings.Join(h, " ")))
	}
	plain := (*scan).holidayFrom
	found := 0
	for n, x := range texts {
		s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
		for j := range s.toks {
			got, want := s.holidayAt(j), plain(s, j)
			if got != want {
				t.Fatalf("text %d token %d: holidayAt = %d, the plain walk %d", n, j, got, want)
			}
			if got >= 0 {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no holiday found: the test compares nothing")
	}
}

// TestThirdPersonSetMatchesItsMaps checks what thirdPersonAt's one probe
// a word relies on: a word's bit in thirdPersonSet is set exactly when the
// word is a key of that bit's map with the value true, for every key of
// every map and every word (and prevWordAt's punctuation and
// contractions) of the reference texts.
func TestThirdPersonSetMatchesItsMaps(t *testing.T) {
	t.Parallel()
	maps := []struct {
		name string
		m    map[string]bool
		bit  wordBits
	}{
		{"timeNouns", timeNouns, tpTimeNouns},
		{"fondWords", fondWords, tpFondWords},
		{"wordMakers", wordMakers, tpWordMakers},
		{"auxQuestion", auxQuestion, tpAuxQuestion},
		{"giveVerbs", giveVerbs, tpGiveVerbs},
		{"carryVerbs", carryVerbs, tpCarryVerbs},
		{"personRoles", personRoles, tpPersonRoles},
		{"verbSlot", verbSlot, tpVerbSlot},
		{"addressOpeners", addressOpeners, tpAddressOpeners},
		{"objectVerbs", objectVerbs, tpObjectVerbs},
		{"clinicalObjectVerbs", clinicalObjectVerbs, tpClinicalObjectVerbs},
		{"speakVerbs", speakVerbs, tpSpeakVerbs},
		{"livingVerbs", livingVerbs, tpLivingVerbs},
		{"personNouns", personNouns, tpPersonNouns},
		{"askForVerbs", askForVerbs, tpAskForVerbs},
		{"strongPersonVerbs", strongPersonVerbs, tpStrongPersonVerbs},
		{"personVerbNext", personVerbNext, tpPersonVerbNext},
		{"weakSubjectVerbs", weakSubjectVerbs, tpWeakSubjectVerbs},
		{"modalVerbs", modalVerbs, tpModalVerbs},
		{"negatedAux", negatedAux, tpNegatedAux},
		{"nounlessSubjectVerbs", nounlessSubjectVerbs, tpNounlessSubjectVerbs},
		{"seasonVerbs", seasonVerbs, tpSeasonVerbs},
		{"frequencyAdverbs", frequencyAdverbs, tpFrequencyAdverbs},
		{"finiteAfterModal", finiteAfterModal, tpFiniteAfterModal},
		{"personAfterAux", personAfterAux, tpPersonAfterAux},
		{"afterPersonObject", afterPersonObject, tpAfterPersonObject},
		{"givenThing", givenThing, tpGivenThing},
		{"carriedTo", carriedTo, tpCarriedTo},
		{"personAfterPreposition", personAfterPreposition, tpPersonAfterPreposition},
	}
	words := []string{"", ",", ".", "?", "!", ";", "'", "name's", "how's", "who's", "that's", "\x00", "IS", "Said"}
	for _, c := range maps {
		for w := range c.m {
			words = append(words, w, w+"s", strings.ToUpper(w))
		}
	}
	for _, x := range referenceTexts(t) {
		s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
		for i := range s.toks {
			words = append(words, s.lower(i), s.prevWordAt(i, 1), s.nextWordAt(i))
		}
	}
	seen := wordBits(0)
	for _, w := range words {
		b := thirdPersonSet.bitsOf(w)
		for _, c := range maps {
			if got, want := b.has(c.bit), c.m[w]; got != want {
				t.Fatalf("%q: bit of %s %v, the map says %v", w, c.name, got, want)
			}
		}
		seen |= b
	}
	if want := wordBits(1)<<len(maps) - 1; seen != want {
		t.Fatalf("bits seen %b, want %b: a map without a bit", seen, want)
	}
}

// TestOffsetTablesMatchSearch checks tokStartingAt and tokEndingAt, which
// read tables built once per text, against the binary search over the
// tokens they replaced, at every offset of every reference text (and just
// outside it), also after the scan is reused for another text.
func TestOffsetTablesMatchSearch(t *testing.T) {
	t.Parallel()
	search := func(toks []token, off int, end bool) int {
		lo, hi := 0, len(toks)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			at := int(toks[m].s)
			if end {
				at = int(toks[m].e)
			}
			if at < off {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(toks) && (!end && int(toks[lo].s) == off || end && int(toks[lo].e) == off) {
			return lo
		}
		return -1
	}
	s := &scan{}
	texts := append(referenceTexts(t), "", "a", " a ", "a-b c'd  ,.\n\ne")
	for n, x := range texts {
		// As rules does: new tokens, tables to be rebuilt.
		s.text, s.low, s.toks, s.offOK = x, asciiLower(x), tokenize(x, s.toks[:0]), false
		for off := -2; off <= len(x)+2; off++ {
			if got, want := s.tokStartingAt(off), search(s.toks, off, false); got != want {
				t.Fatalf("text %d offset %d: tokStartingAt = %d, the search says %d", n, off, got, want)
			}
			if got, want := s.tokEndingAt(off), search(s.toks, off, true); got != want {
				t.Fatalf("text %d offset %d: tokEndingAt = %d, the search says %d", n, off, got, want)
			}
		}
	}
}

// TestLettersBitMatchesShape checks the shape bit letters reads: set on
// exactly the word tokens without a digit; and that only punctuation has
// a mark (punct), on every token of the reference texts, as the tokenizer
// makes them for Detect.
func TestLettersBitMatchesShape(t *testing.T) {
	t.Parallel()
	var web webMarks
	for n, x := range append(referenceTexts(t), tokenizeSeeds...) {
		web.reset()
		for i, tk := range tokenizeLow(x, asciiLower(x), nil, &web, nil) {
			if got, want := tk.letters(), tk.kind == tkWord && tk.shape&shDigit == 0; got != want {
				t.Fatalf("text %d token %d %q: letters() = %v, a word without a digit %v", n, i, x[tk.s:tk.e], got, want)
			}
			// punct's one compare holds when no token but punctuation
			// has a mark.
			if tk.ch != 0 && tk.kind != tkPunct {
				t.Fatalf("text %d token %d %q: a mark %q on a token of kind %d", n, i, x[tk.s:tk.e], tk.ch, tk.kind)
			}
		}
	}
}

// TestNameWordSetMatchesItsMaps checks splitNameInto's one probe a word:
// a word's bit in nameWordSet is set exactly when its map holds it, for
// every key of the four maps, their plurals and upper-case forms, and
// every word of the reference texts.
func TestNameWordSetMatchesItsMaps(t *testing.T) {
	t.Parallel()
	maps := []struct {
		name string
		m    map[string]bool
		bit  wordBits
	}{{"nameTitles", nameTitles, nwTitle}, {"nameSuffixes", nameSuffixes, nwSuffix},
		{"nameCredentials", nameCredentials, nwCredential}, {"nameRelations", nameRelations, nwRelation}}
	words := []string{"", "x"}
	for _, c := range maps {
		for w := range c.m {
			words = append(words, w, w+"s", strings.ToUpper(w))
		}
	}
	for _, x := range referenceTexts(t) {
		for _, tk := range tokenize(x, nil) {
			words = append(words, strings.ToLower(x[tk.s:tk.e]))
		}
	}
	for _, w := range words {
		b := nameWordSet.bitsOf(w)
		for _, c := range maps {
			if got, want := b.has(c.bit), c.m[w]; got != want {
				t.Fatalf("%q: bit of %s %v, the map says %v", w, c.name, got, want)
			}
		}
	}
}

// TestNickListsOfMatchesTheLists checks the one lookup knownIndex.build
// makes of a given name's short forms: nickLists.of holds, for every name
// of the four lists, exactly its entry in each.
func TestNickListsOfMatchesTheLists(t *testing.T) {
	t.Parallel()
	l := nickOnce()
	lists := [...]map[string][]string{l.hand, l.open, l.handOf, l.openOf}
	names := map[string]bool{"": true, "nobody-at-all": true}
	for _, m := range lists {
		for w := range m {
			names[w] = true
		}
	}
	for w := range names {
		e := l.of[w]
		for j, m := range lists {
			if !slices.Equal(e[j], m[w]) {
				t.Fatalf("%q: of[%d] = %q, the list says %q", w, j, e[j], m[w])
			}
		}
	}
}
