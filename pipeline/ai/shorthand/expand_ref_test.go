package shorthand

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// expandRegexps is Expand as it was written before issue 18: every rule's
// regular expression run on every text, and wordRE's matches looked up.
// Expand must give the same results.
func expandRegexps(text string) string {
	if text == "" {
		return text
	}
	for _, r := range special {
		text = r.re.ReplaceAllString(text, r.to)
	}
	text = sexRE.ReplaceAllStringFunc(text, func(m string) string {
		sm := sexRE.FindStringSubmatch(m)
		if sm[2] == "M" {
			return sm[1] + "man"
		}
		return sm[1] + "woman"
	})
	return wordRE.ReplaceAllStringFunc(text, func(w string) string {
		if to, ok := exact[w]; ok {
			return to
		}
		if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z' {
			if to, ok := exact[strings.ToLower(w[:1])+w[1:]]; ok {
				return strings.ToUpper(to[:1]) + to[1:]
			}
		}
		return w
	})
}

// expandCases are texts that exercise each rule and the word scan's edges.
var expandCases = []string{
	"", "a", "/", "w/", "w/ cough", "w/o fever", "a/b/c/", "A&O x3", "A&Ox3, NT/ND", "c/o CP x 3d", "3 d", "3\td", "3dd",
	"q4h", "q 4 h", "q 4hrs", "q12hr prn", "qq4h", "Q4H", "67M w/ COPD", "34 yo F presents", "1.5 F", "T 101.2 F, 38 F",
	"12 y/o", "5y.o. ", "5 yo.", "SpO2 91% RA", "91 % on RA.", "RAD", "x 2 wks", "x2wk", "x 10 d.", "3pm", "9am PT",
	"Neg fever", "Pt is ok", "PT/OT", "SI/HI", "AH/VH", "m/r/g", "N/V/D", "é SOB", "SOB\u00a0CP", "Ab\xffC", "F/u 2 wks",
	"67 F in clinic", "7-year-old F with", "45M G2", "HPI: 54F h/o HTN, HLD, T2DM p/w CP x 2d.", "EtOH 2/wk, tob neg",
}

func TestExpandMatchesRegexps(t *testing.T) {
	t.Parallel()
	texts := append([]string(nil), expandCases...)
	// The draft evaluation corpus's development part: notes in
	// shorthand and dialogues, line by line.
	f, err := os.Open("../../../testdata/drafts/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var doc map[string]any
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		for _, v := range doc {
			if s, ok := v.(string); ok {
				texts = append(texts, strings.Split(s, "\n")...)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(texts) < 1000 {
		t.Fatalf("only %d texts read from the corpus", len(texts))
	}
	changed := 0
	for _, s := range texts {
		want := expandRegexps(s)
		if got := Expand(s); got != want {
			t.Errorf("Expand(%q) = %q, the regular expressions give %q", s, got, want)
		}
		if want != s {
			changed++
		}
	}
	if changed < 100 {
		t.Errorf("only %d of %d texts hold shorthand: the comparison tests little", changed, len(texts))
	}
}

func FuzzExpandMatchesRegexps(f *testing.F) {
	for _, s := range expandCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Expand(s), expandRegexps(s); got != want {
			t.Errorf("Expand(%q) = %q, the regular expressions give %q", s, got, want)
		}
	})
}
