package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned input reproduces the committed
// deid/data/nicknames-open.txt byte for byte, where the input's mirror is.
func TestRebuild(t *testing.T) {
	mirror.CheckRebuild(t, "nicknames", "nicknames-open.txt",
		func(dir string) error { _, err := read(dir); return err },
		func(dir string) ([]byte, error) {
			in, err := read(dir)
			if err != nil {
				return nil, err
			}
			hand, err := os.ReadFile(filepath.Join("..", "..", "..", "deid", "data", "nicknames.txt"))
			if err != nil {
				return nil, err
			}
			return Build(in, string(hand))
		})
}

// TestBuildRefusesOtherInputs: an input whose checksum differs is refused.
func TestBuildRefusesOtherInputs(t *testing.T) {
	if _, err := Build([]byte("name1,relationship,name2\nann,has_nickname,annie\n"), ""); err == nil {
		t.Fatal("Build accepted an input with the wrong checksum")
	}
}
