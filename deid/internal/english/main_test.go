package main

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned input reproduces the committed
// deid/data/english.txt byte for byte, where the input's mirror is.
func TestRebuild(t *testing.T) {
	mirror.CheckRebuild(t, "english", "english.txt",
		func(dir string) error { _, err := read(dir); return err },
		func(dir string) ([]byte, error) {
			in, err := read(dir)
			if err != nil {
				return nil, err
			}
			return Build(in)
		})
}

// TestBuildRefusesOtherInputs: an input whose checksum differs is refused.
func TestBuildRefusesOtherInputs(t *testing.T) {
	if _, err := Build([]byte("aardvark\nabacus\n")); err == nil {
		t.Fatal("Build accepted an input with the wrong checksum")
	}
}

// TestPlain: what the list keeps.
func TestPlain(t *testing.T) {
	for w, want := range map[string]bool{"polyps": true, "o'clock": true, "a": false, "'tis": false, "Paris": false, "x-ray": false} {
		if got := plain(w); got != want {
			t.Errorf("plain(%q) = %v, want %v", w, got, want)
		}
	}
}
