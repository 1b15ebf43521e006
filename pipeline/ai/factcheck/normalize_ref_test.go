package factcheck

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai/shorthand"
	"github.com/clinscribe/clinscribe/pipeline/ai/spoken"
)

// normalizeRegexps is Normalize as it was written before issue 18: every
// rewrite's regular expression run on every text. Normalize must give the
// same results.
func normalizeRegexps(text string) string {
	s := strings.ToLower(spoken.Numbers(shorthand.Expand(text)))
	for _, r := range rewrites {
		s = r.re.ReplaceAllString(s, r.to)
	}
	return s
}

var normalizeCases = []string{
	"", "7 out of 10", "seven out of ten", "b/l", "bilat. edema", "bilat\tlegs", "BID", "b.i.d.", "twice a day", "t.i.d", "TID",
	"thrice", "q.i.d.", "QID", "once a day", "once daily", "Once per week", "q4h", "Q 6 hours", "q 12hrs", "qhs", "q.h.s.", "QH.S",
	"2x", "3 x daily", "x3", "qq 4h", "q", "onceaday", "5 out of", "1.5 out of 2",
}

func TestNormalizeMatchesRegexps(t *testing.T) {
	t.Parallel()
	texts := append([]string(nil), normalizeCases...)
	// The draft evaluation corpus's development part, line by line.
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
	rewritten := 0
	for _, s := range texts {
		want := normalizeRegexps(s)
		if got := Normalize(s); got != want {
			t.Errorf("Normalize(%q) = %q, the regular expressions give %q", s, got, want)
		}
		if base := strings.ToLower(spoken.Numbers(shorthand.Expand(s))); want != base {
			rewritten++
		}
	}
	if rewritten < 50 {
		t.Errorf("only %d of %d texts were rewritten: the comparison tests little", rewritten, len(texts))
	}
}

func FuzzNormalizeMatchesRegexps(f *testing.F) {
	for _, s := range normalizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeRegexps(s); got != want {
			t.Errorf("Normalize(%q) = %q, the regular expressions give %q", s, got, want)
		}
	})
}
