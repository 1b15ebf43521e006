package deid

// wordSet holds the keys of a small word map (map[string]bool, the keys
// whose value is true) in an open-addressing table keyed by their FNV-1a
// hash (fnvString), the hash the tokenizer keeps for every short ASCII
// word (token.h). Asking it about a token costs a probe and, on a hash
// hit, one string comparison, instead of the map's own hashing of the
// word: the rules ask their word maps about most tokens of a text.
type wordSet struct {
	m     map[string]bool // for tokens without a hash
	mask  uint32
	slots []wordSetSlot
}

type wordSetSlot struct {
	h uint32
	w string // "" for an empty slot
}

// setOf returns the wordSet of m.
func setOf(m map[string]bool) *wordSet {
	n := 8
	for n < 4*len(m) {
		n <<= 1
	}
	ws := &wordSet{m: m, mask: uint32(n - 1), slots: make([]wordSetSlot, n)}
	for w, v := range m {
		if !v || w == "" {
			continue
		}
		h := fnvString(w)
		j := h & ws.mask
		for ws.slots[j].w != "" {
			j = (j + 1) & ws.mask
		}
		ws.slots[j] = wordSetSlot{h: h, w: w}
	}
	return ws
}

// tokIn is ws.m[s.lower(i)]: whether token i, lower-cased, is one of the
// set's words.
func (s *scan) tokIn(ws *wordSet, i int) bool {
	h := s.toks[i].h
	if h == 0 {
		return ws.m[s.lower(i)]
	}
	for j := h & ws.mask; ; j = (j + 1) & ws.mask {
		sl := &ws.slots[j]
		if sl.w == "" {
			return false
		}
		if sl.h == h {
			return sl.w == s.lower(i)
		}
	}
}

// Sets of the word maps the rules ask most often.
var (
	contextWordSet  = setOf(contextWords)
	functionWordSet = setOf(functionWords)
	wordMakerSet    = setOf(wordMakers)
	lastFirstSet    = setOf(lastFirstLabels)
	directionSet    = setOf(directions)
	placePrepSet    = setOf(placePreps)
)
