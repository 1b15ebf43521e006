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

// TestWordFiltersCoverTheirMaps checks what the fourth speed round's
// filters rely on: every key of a filtered word map passes its hashBits
// filter as a token (tokMay), and every key of the number-word maps
// carries the lexicon flag the rules test before asking the map.
func TestWordFiltersCoverTheirMaps(t *testing.T) {
	t.Parallel()
	check := func(name string, keys []string, b *hashBits, flag uint64) {
		for _, w := range keys {
			for _, x := range []string{w, "x " + w + " x"} {
				s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
				i := slices.IndexFunc(s.toks, func(tk token) bool { return s.text[tk.s:tk.e] == w })
				if i < 0 {
					continue // not one token ("d.o.b")
				}
				if b != nil && !s.tokMay(b, i) {
					t.Errorf("%s: %q does not pass its filter", name, w)
				}
				if s.toks[i].lex&flag != flag {
					t.Errorf("%s: %q lacks its lexicon flag", name, w)
				}
			}
		}
	}
	keys := func(m any) []string {
		var out []string
		switch m := m.(type) {
		case map[string]bool:
			for w := range m {
				out = append(out, w)
			}
		case map[string]int:
			for w := range m {
				out = append(out, w)
			}
		}
		return out
	}
	check("contextWords", keys(contextWords), contextWordBits, 0)
	check("functionWords", keys(functionWords), functionWordBits, 0)
	check("wordMakers", keys(wordMakers), wordMakerBits, 0)
	check("lastFirstLabels", keys(lastFirstLabels), lastFirstBits, 0)
	check("directions", keys(directions), directionBits, 0)
	check("placePreps", keys(placePreps), placePrepBits, 0)
	check("unitWords", keys(unitWords), unitWordBits, lxDigitWord)
	check("teenWords", keys(teenWords), nil, lxTeenWord)
	check("tensWords", keys(tensWords), nil, lxTensWord)
	check("ordinalWords", keys(ordinalWords), nil, lxOrdWord)
}
