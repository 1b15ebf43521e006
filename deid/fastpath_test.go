package deid

import (
	"slices"
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
