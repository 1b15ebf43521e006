package deid

import "testing"

// TestPhraseOpenersAreWordMakers: phraseOpeners is the part of wordMakers
// that opens a phrase; a word in it and not in wordMakers would be a
// second list drifting from the first.
func TestPhraseOpenersAreWordMakers(t *testing.T) {
	t.Parallel()
	for w := range phraseOpeners {
		if !wordMakers[w] {
			t.Errorf("%q is in phraseOpeners but not in wordMakers", w)
		}
	}
}
