package factcheck

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wordCases are the edges of wordRE: joined words, numbers with decimals
// and slashes, punctuation, curly apostrophes, non-ASCII letters.
var wordCases = []string{
	"", "don't", "don't-", "x-ray's", "a--b", "a'", "it’s", "it’", "’s", "1.2.3", "120/80", "120/", "1/2.5/3", "3.", ".5", "a1b2",
	"(no) fever; cough, chills!", "café au lait", "\xffabc\xe2\x80", "ab’\xe2\x80cd", "q4h", "5-10", "mg/dl", "MG",
}

// wordTexts are the cases and the draft corpus's sources, normalized.
func wordTexts(t testing.TB) []string {
	t.Helper()
	texts := append([]string(nil), wordCases...)
	f, err := os.Open("../../../testdata/drafts/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d struct{ Source string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, Normalize(d.Source))
	}
	return texts
}

func TestWordsMatchRegexp(t *testing.T) {
	t.Parallel()
	for _, s := range wordTexts(t) {
		checkWords(t, s)
	}
}

func checkWords(t *testing.T, s string) {
	t.Helper()
	if diff := cmp.Diff(wordRE.FindAllString(s, -1), appendWords(nil, s)); diff != "" {
		t.Errorf("appendWords(%q) (-wordRE +got):\n%s", s, diff)
	}
	var want [][2]int
	for _, l := range wordRE.FindAllStringIndex(s, -1) {
		want = append(want, [2]int{l[0], l[1]})
	}
	if diff := cmp.Diff(want, wordSpans(s)); diff != "" {
		t.Errorf("wordSpans(%q) (-wordRE +got):\n%s", s, diff)
	}
}

func FuzzWordsMatchRegexp(f *testing.F) {
	for _, s := range wordCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWords(t, s) })
}
