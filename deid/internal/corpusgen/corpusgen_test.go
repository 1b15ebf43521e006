package corpusgen

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
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
	for _, split := range []string{"dev", "heldout", "fresh", "train"} {
		for _, d := range Generate(split, 60) {
			for _, sp := range d.Spans {
				if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
					t.Fatalf("%s: bad span %+v", d.ID, sp)
				}
			}
		}
	}
}

// TestTraining: the tagger's corpus is the same on every call (make
// train-deid from a clean clone rebuilds the same weights), its spans are
// whole words (names and places: an age may be part of "93yo"), and it has
// every kind of document the tagger needs.
func TestTraining(t *testing.T) {
	a, b := render(Training()), render(Training())
	if !bytes.Equal(a, b) {
		t.Fatal("two calls of Training gave different corpora")
	}
	kinds := map[string]int{}
	phiFree := 0
	for _, d := range Training() {
		kinds[d.ID[strings.LastIndexByte(d.ID, '-')+1:]]++
		if len(d.Spans) == 0 {
			phiFree++
		}
		for _, sp := range d.Spans {
			if sp.Type != deid.Name && sp.Type != deid.Location {
				continue
			}
			if sp.Start > 0 && isWordByte(d.Text[sp.Start-1]) || sp.End < len(d.Text) && isWordByte(d.Text[sp.End]) {
				t.Fatalf("%s: span %+v %q cuts a word", d.ID, sp, d.Text[sp.Start:sp.End])
			}
		}
	}
	for _, tp := range trainTemplates {
		if kinds[tp.name] == 0 {
			t.Errorf("no %s documents in the training corpus", tp.name)
		}
	}
	if phiFree*10 < len(Training()) {
		t.Errorf("%d PHI-free documents of %d, want at least a tenth", phiFree, len(Training()))
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
