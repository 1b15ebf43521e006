package offline

import (
	"os"
	"strings"
	"testing"
)

// collapseSpaces answers what spaceRE.ReplaceAllString answers.
func TestCollapseSpacesMatchesRegexp(t *testing.T) {
	t.Parallel()
	texts := []string{"", " ", "a b", "a  b", "a\tb", "a \tb", "\n", "a\vb", "a\u00a0 b", "end ", " start", "a\r\nb", "x  "}
	b, err := os.ReadFile("../../../testdata/drafts/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, strings.Split(string(b), `\n`)...)
	for _, s := range texts {
		if got, want := collapseSpaces(s), spaceRE.ReplaceAllString(s, " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}
