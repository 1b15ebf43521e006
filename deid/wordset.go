package deid

// wordSet holds words (the keys of a small word map whose value is true,
// or the words of a few lists) in an open-addressing table keyed by their
// FNV-1a hash (fnvString), the hash the tokenizer keeps for every short
// ASCII word (token.h). Asking it about a token costs a probe and, on a
// hash hit, one string comparison, instead of the map's own hashing of
// the word or a comparison with every word of a list.
type wordSet struct {
	m     map[string]uint32 // the words' bits, for tokens without a hash
	mask  uint32
	slots []wordSetSlot
}

type wordSetSlot struct {
	h    uint32
	bits uint32 // bit j: the word is on list j (setOfLists); 1 for setOf
	w    string // "" for an empty slot
}

// setOf returns the wordSet of m's keys whose value is true.
func setOf(m map[string]bool) *wordSet {
	var l []string
	for w, v := range m {
		if v {
			l = append(l, w)
		}
	}
	return setOfLists(l)
}

// setOfLists returns the wordSet of the words of lists; a word's bits say
// which lists it is on.
func setOfLists(lists ...[]string) *wordSet {
	m := map[string]uint32{}
	for j, l := range lists {
		for _, w := range l {
			if w != "" {
				m[w] |= 1 << j
			}
		}
	}
	n := 8
	for n < 4*len(m) {
		n <<= 1
	}
	ws := &wordSet{m: m, mask: uint32(n - 1), slots: make([]wordSetSlot, n)}
	// Slot 0 holds a word no token is, so that it is never empty: a token
	// without a hash (0) goes on to tokBitsProbe, which asks m.
	ws.slots[0] = wordSetSlot{w: "\x00"}
	for w, b := range m {
		h := fnvString(w)
		j := h & ws.mask
		for ws.slots[j].w != "" {
			j = (j + 1) & ws.mask
		}
		ws.slots[j] = wordSetSlot{h: h, bits: b, w: w}
	}
	return ws
}

// tokBits returns the bits of token i, lower-cased, in ws (0: not in it).
// A word whose first slot is empty is in no set: that answer, the common
// one, is given inline.
func (s *scan) tokBits(ws *wordSet, i int) uint32 {
	if ws.slots[s.toks[i].h&ws.mask].w == "" {
		return 0 // slot 0 is never empty (setOfLists): h is not 0
	}
	return s.tokBitsProbe(ws, i)
}

// tokBitsProbe is tokBits past its first test.
func (s *scan) tokBitsProbe(ws *wordSet, i int) uint32 {
	h := s.toks[i].h
	if h == 0 {
		return ws.m[s.lower(i)]
	}
	for j := h & ws.mask; ; j = (j + 1) & ws.mask {
		sl := &ws.slots[j]
		if sl.w == "" {
			return 0
		}
		if sl.h == h && sl.w == s.lower(i) {
			return sl.bits
		}
	}
}

// tokIn reports whether token i, lower-cased, is one of ws's words: for a
// set made by setOf(m), m[s.lower(i)].
func (s *scan) tokIn(ws *wordSet, i int) bool {
	return ws.slots[s.toks[i].h&ws.mask].w != "" && s.tokBitsProbe(ws, i) != 0 // tokBits, inline
}

// wordsBefore is wordBefore for several lists in one walk: bit j of the
// result is set when a word of list j of ws occurs within n tokens before
// token i on the same line.
func (s *scan) wordsBefore(ws *wordSet, i, n int) uint32 {
	var b uint32
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if s.toks[k+1].gap == gapLine {
			break
		}
		if s.toks[k].kind == tkWord {
			b |= s.tokBits(ws, k)
		}
	}
	return b
}

// Sets of the word maps the rules ask most often.
var (
	contextWordSet  = setOf(contextWords)
	functionWordSet = setOf(functionWords)
	wordMakerSet    = setOf(wordMakers)
	lastFirstSet    = setOf(lastFirstLabels)
	directionSet    = setOf(directions)
	placePrepSet    = setOf(placePreps)
	phoneCueSet     = setOfLists(phoneCueWords)

	landmarkWordSet    = setOf(landmarkWords)
	prefixFacilitySet  = setOf(prefixFacilityWords)
	romanceParticleSet = setOf(romanceParticles)
	hospitalWordSet    = setOf(hospitalWords)
	siteNounSet        = setOf(siteNouns)
	fieldPlaceLabelSet = setOf(fieldPlaceLabels)
	unitAcronymSet     = setOf(unitAcronyms)
	onStreetSiteSet    = setOf(onStreetSites)
	cueFillerSet       = setOf(cueFiller)
	lowerHeadSet       = setOf(lowerHeads)
	medVerbSet         = setOf(medVerbs)
	medWithVerbSet     = setOf(medWithVerbs)
	medAfterSet        = setOf(medAfter)
	objectWordSet      = setOf(objectWords)

	// Sets the look-alike and context tests ask by token (free.go,
	// knowncontext.go), where a map lookup was among their largest costs.
	publicHonorificsSet  = setOf(publicHonorifics)
	ownerWordsSet        = setOf(ownerWords)
	docWordsSet          = setOf(docWords)
	companyLabelsSet     = setOf(companyLabels)
	productLabelsSet     = setOf(productLabels)
	listIntroSet         = setOf(listIntro)
	faithWordsSet        = setOf(faithWords)
	faithBeforeSet       = setOf(faithBefore)
	wayfindingWordsSet   = setOf(wayfindingWords)
	modalNamesSet        = setOf(modalNames)
	personRolesSet       = setOf(personRoles)
	strongPersonVerbsSet = setOf(strongPersonVerbs)
	bodyHeadsSet         = setOf(bodyHeads)
	possessiveHeadsSet   = setOf(possessiveHeads)
	// The words wordAt's rules of Spanish dates and of schools start at.
	spanishDateSet = setOfMaps(spanishDays, foreignMonths)
	schoolHeadsSet = setOf(schoolHeads)

	// wordAtWords are the words wordAt compares a token with, and those
	// of the rules it calls that give up on any other word (countyAt,
	// routeAt, lowerRoute): a word off this set skips them all.
	wordAtWords = setOfLists([]string{"m", "dot", "in", "from", "user", "initials", "rm", "room", "bed", "and", "at", "on",
		"little", "saint", "st", "children", "our", "the", "a", "mount", "mt", "box",
		"county", "parish", "township", "borough", "precinct", "ward", "district",
		"route", "rte", "highway", "hwy", "interstate", "road", "rd", "line", "fm", "cr", "us",
		"uc", "ut", "unc", "suny", "cuny", "csu", "uw", "university", "by", "calling", "reached", "this", "noventa", "cien", "ciento", "of", "fort", "lake", "port", "mi", "initial", "pronounced", "pronounce", "city", "town", "village", "name", "side", "end", "area",
		"calls", "call", "goes", "go", "corner", "intersection", "nineties", "off",
		"creek", "river", "falls", "springs", "bend", "canyon", "ridge", "pond", "gulch", "hollow",
		"district", "neighborhood", "neighbourhood", "section"})
)

// wordBits are the bits of a word in a wordSet made by setOfLists or
// setOfMaps: bit j, the word is on list (or a key of map) j.
type wordBits uint32

func (b wordBits) has(f wordBits) bool { return b&f != 0 }

// setOfMaps returns the wordSet of the keys whose value is true of maps:
// a word's bit j is set when maps[j][w] is true.
func setOfMaps(maps ...map[string]bool) *wordSet {
	lists := make([][]string, len(maps))
	for j, m := range maps {
		for w, v := range m {
			if v {
				lists[j] = append(lists[j], w)
			}
		}
	}
	return setOfLists(lists...)
}

// bitsOf returns the bits of the word w in ws (0: not in it), for a word
// that is no token or not one alone ("name's", "," from prevWordAt): one
// hash of w and a probe, where a map would hash it again for each map.
func (ws *wordSet) bitsOf(w string) wordBits {
	h := fnvString(w)
	for j := h & ws.mask; ; j = (j + 1) & ws.mask {
		sl := &ws.slots[j]
		if sl.w == "" {
			return 0
		}
		if sl.h == h && sl.w == w {
			return wordBits(sl.bits)
		}
	}
}
