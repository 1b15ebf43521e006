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
	"", "5 mg 10 mg", "5 10", "5-10", "5 -mg", "5 - 10", "12-year-old", "3 years-older", "mg/kg/day", "2 mg/kg/day x", "#4", "a.5", "/5", "_5",
	"é5 mg", "\xff5%", "1.5.2", "120/80mmhg", "5\t\n-\fkg", "5\vkg", "38.2c", "don't", "don't-", "x-ray's", "a--b", "a'", "it’s", "it’", "’s", "1.2.3", "120/80", "120/", "1/2.5/3", "3.", ".5", "a1b2",
	"(no) fever; cough, chills!", "café au lait", "\xffabc\xe2\x80", "ab’\xe2\x80cd", "q4h", "5-10", "mg/dl", "MG",
}

// wordTexts are the cases and the draft corpus's sources, as written and
// normalized.
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
		texts = append(texts, d.Source, Normalize(d.Source))
	}
	return texts
}

func TestScansMatchRegexps(t *testing.T) {
	t.Parallel()
	for _, s := range wordTexts(t) {
		checkScans(t, s)
	}
}

func checkScans(t *testing.T, s string) {
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
	var wantQ [][4]int
	for _, m := range quantityRE.FindAllStringSubmatchIndex(s, -1) {
		wantQ = append(wantQ, [4]int{m[4], m[5], m[6], m[7]})
	}
	if diff := cmp.Diff(wantQ, quantitySpans(s)); diff != "" {
		t.Errorf("quantitySpans(%q) (-quantityRE +got):\n%s", s, diff)
	}
}

func FuzzScansMatchRegexps(f *testing.F) {
	for _, s := range wordCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkScans(t, s) })
}
