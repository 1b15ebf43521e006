package deid

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Shortcuts of the perf-deid round, each checked against the plain form
// it stands for.

// TestTitleCaseLineKeptPerLine checks titleCaseLine's kept answer: asked
// of every token in order, backwards and at random, a scan gives what a
// fresh scan (nothing kept) gives for that token alone.
func TestTitleCaseLineKeptPerLine(t *testing.T) {
	t.Parallel()
	texts := append(referenceTexts(t), "Clean With Soap\nGrab Bars Near the Toilet\nseen at The Citadel",
		"Notify Provider If Drainage Increases. "+strings.Repeat("Word With Word ", 12)+"\nA Line Of Words\n\nx")
	found := 0
	for n, x := range texts {
		fresh := func(k int) bool {
			s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
			return s.titleCaseLine(k)
		}
		s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
		m := len(s.toks)
		order := make([]int, 0, 3*m)
		for k := range m {
			order = append(order, k)
		}
		for k := m - 1; k >= 0; k-- {
			order = append(order, k)
		}
		r := rand.New(rand.NewPCG(uint64(n), 7))
		for range m {
			order = append(order, r.IntN(m))
		}
		for _, k := range order {
			got, want := s.titleCaseLine(k), fresh(k)
			if got != want {
				t.Fatalf("text %d token %d: titleCaseLine = %v, asked afresh %v", n, k, got, want)
			}
			if got {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no title-case line: the test compares nothing")
	}
}

// TestEnglishTokMatchesTheList checks englishTok's kept answers: asked of
// every token twice, in order and at random, it says what the list says.
func TestEnglishTokMatchesTheList(t *testing.T) {
	t.Parallel()
	eng := 0
	for n, x := range referenceTexts(t) {
		s := &scan{text: x, low: asciiLower(x), toks: tokenize(x, nil)}
		s.engTok = make([]uint8, len(s.toks))
		r := rand.New(rand.NewPCG(uint64(n), 11))
		for _, k := range append(r.Perm(len(s.toks)), r.Perm(len(s.toks))...) {
			_, want := englishWords()[s.lower(k)]
			if got := s.englishTok(k); got != want {
				t.Fatalf("text %d token %d: englishTok = %v, the list says %v", n, k, got, want)
			}
			if want {
				eng++
			}
		}
	}
	if eng == 0 {
		t.Fatal("no English word: the test compares nothing")
	}
}
