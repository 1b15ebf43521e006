package factcheck

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// AddNew decides as Restates then Add did, and leaves the same record:
// over the draft corpus's lines in order, one Seen fed by AddNew and one
// by Restates-then-Add agree on every line (and so on every later line,
// which tests what each recorded).
func TestAddNewMatchesRestatesThenAdd(t *testing.T) {
	t.Parallel()
	f, err := os.Open("../../../testdata/drafts/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	docs, restated := 0, 0
	for sc.Scan() {
		var doc map[string]any
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		docs++
		one, two := NewSeen(), NewSeen()
		for _, v := range doc {
			s, ok := v.(string)
			if !ok {
				continue
			}
			for _, line := range strings.Split(s, "\n") {
				want := !two.Restates(line)
				if want {
					two.Add(line)
				} else {
					restated++
				}
				if got := one.AddNew(line); got != want {
					t.Fatalf("AddNew(%q) = %v; Restates then Add say %v", line, got, want)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if docs < 10 || restated < 20 {
		t.Fatalf("%d documents, %d restated lines: the comparison tests little", docs, restated)
	}
}
