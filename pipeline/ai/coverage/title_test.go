package coverage

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/source"
)

// corpusSentences are the draft corpus's source sentences and lines.
func corpusSentences(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../../../testdata/drafts/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d struct{ Source string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(d.Source, "\n") {
			out = append(out, line)
			out = append(out, source.Sentences(line)...)
		}
	}
	return out
}

// titleMayMatch is true of every text titleRE matches.
func TestTitleMayMatch(t *testing.T) {
	t.Parallel()
	texts := append(corpusSentences(t), "FAMILY MEDICINE - OFFICE VISIT", "Urgent same-day visit - Primary Care",
		"HISTORY AND PHYSICAL - NEW PATIENT", "Follow-up visit", "ABCDE", "ABCDEF", "A/B, C.D-E &F", "new patient_visit",
		"sick visit.", "\u212aNEE VISIT", "Progress note", "Cough for five days.")
	matched := 0
	for _, s := range texts {
		if titleRE.MatchString(s) {
			matched++
			if !titleMayMatch(s) {
				t.Errorf("titleMayMatch(%q) = false; titleRE matches it", s)
			}
		}
	}
	if matched < 5 {
		t.Errorf("only %d texts match titleRE: the test checks little", matched)
	}
}
