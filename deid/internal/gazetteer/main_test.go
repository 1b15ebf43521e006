package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned inputs reproduces the committed
// deid/data/gazetteer.txt byte for byte. The inputs are not in this
// repository (see the package doc); the test runs where they are, in the
// directory named by DEID_GAZETTEER_MIRROR (default /work/.mirror), and
// says so when they are not.
func TestRebuild(t *testing.T) {
	dir, strict := mirror.Dir()
	for _, s := range allSources() {
		if _, err := read(dir, s); err != nil {
			if strict {
				t.Fatalf("DEID_GAZETTEER_MIRROR is set but an input is missing: %v", err)
			}
			t.Skipf("gazetteer inputs not present under %s (set DEID_GAZETTEER_MIRROR to the mirrors of the sources in the package doc): %v", dir, err)
		}
	}
	root := filepath.Join("..", "..", "..")
	hand, err := os.ReadFile(filepath.Join(root, "deid", "data", "lexicon.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Build(func(s source) ([]byte, error) { return read(dir, s) }, string(hand))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "deid", "data", "gazetteer.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("rebuilding gazetteer.txt gives %d bytes, the committed file has %d: run go run ./deid/internal/gazetteer -mirror %s",
			len(got), len(want), dir)
	}
}

// TestBuildRefusesOtherInputs: an input whose checksum differs is refused.
func TestBuildRefusesOtherInputs(t *testing.T) {
	_, err := Build(func(s source) ([]byte, error) { return []byte("not the census file\n"), nil }, "")
	if err == nil {
		t.Fatal("Build accepted inputs with the wrong checksum")
	}
}
