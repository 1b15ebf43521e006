package deid

// hashBits is a 1024-bit filter over the FNV-1a hashes of a word list's
// keys (fnvString), the hash the tokenizer keeps for every short ASCII word
// (token.h). A token whose hash is known and whose bit is clear is on no
// key: the rules ask their small word maps only for the tokens that pass,
// which is a few percent of the words of a text.
type hashBits [16]uint64

// bitsOf returns the filter of m's keys.
func bitsOf[V any](m map[string]V) *hashBits {
	var b hashBits
	for w := range m {
		h := fnvString(w)
		b[h>>6%16] |= 1 << (h % 64)
	}
	return &b
}

// tokMay reports whether token i may be a key of the list b filters: false
// only where the token's hash is known (token.h is not 0) and its bit is
// clear.
func (s *scan) tokMay(b *hashBits, i int) bool {
	h := s.toks[i].h
	return h == 0 || b[h>>6%16]&(1<<(h%64)) != 0
}

// Filters of the word maps the rules ask most often.
var (
	contextWordBits  = bitsOf(contextWords)
	functionWordBits = bitsOf(functionWords)
	wordMakerBits    = bitsOf(wordMakers)
	unitWordBits     = bitsOf(unitWords)
	lastFirstBits    = bitsOf(lastFirstLabels)
	directionBits    = bitsOf(directions)
	placePrepBits    = bitsOf(placePreps)
)
