package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned inputs reproduces the committed
// deid/data/gazetteer.txt byte for byte, where the inputs' mirrors are (see
// the package doc).
func TestRebuild(t *testing.T) {
	mirror.CheckRebuild(t, "gazetteer", "gazetteer.txt",
		func(dir string) error {
			for _, s := range allSources() {
				if _, err := read(dir, s); err != nil {
					return err
				}
			}
			return nil
		},
		func(dir string) ([]byte, error) {
			hand, err := os.ReadFile(filepath.Join("..", "..", "..", "deid", "data", "lexicon.txt"))
			if err != nil {
				return nil, err
			}
			return Build(func(s source) ([]byte, error) { return read(dir, s) }, string(hand))
		})
}

// TestBuildRefusesOtherInputs: an input whose checksum differs is refused.
func TestBuildRefusesOtherInputs(t *testing.T) {
	_, err := Build(func(s source) ([]byte, error) { return []byte("not the census file\n"), nil }, "")
	if err == nil {
		t.Fatal("Build accepted inputs with the wrong checksum")
	}
}
