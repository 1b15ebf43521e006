package corpusgen

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/deid/*.jsonl from the generator")

// Split sizes of the committed corpus.
const (
	devDocs     = 400
	heldoutDocs = 200
	freshDocs   = 120
)

func render(docs []Doc) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
}

// TestCorpusUpToDate checks that the committed corpus is what the generator
// writes, so corpus and generator never drift apart.
func TestCorpusUpToDate(t *testing.T) {
	for split, n := range map[string]int{"dev": devDocs, "heldout": heldoutDocs, "fresh": freshDocs} {
		path := filepath.Join("..", "..", "..", "testdata", "deid", split+".jsonl")
		want := render(Generate(split, n))
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test ./deid/internal/corpusgen -update", path)
		}
	}
}

func TestSpansMatchText(t *testing.T) {
	for _, split := range []string{"dev", "heldout", "fresh"} {
		for _, d := range Generate(split, 60) {
			for _, sp := range d.Spans {
				if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
					t.Fatalf("%s: bad span %+v", d.ID, sp)
				}
			}
		}
	}
}
