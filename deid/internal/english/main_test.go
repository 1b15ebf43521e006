package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned input reproduces the committed
// deid/data/english.txt byte for byte. The input is not in this
// repository; the test runs where its mirror is, in the directory named by
// DEID_GAZETTEER_MIRROR (default /work/.mirror), and says so when it is not.
func TestRebuild(t *testing.T) {
	dir, strict := mirror.Dir()
	in, err := read(dir)
	if err != nil {
		if strict {
			t.Fatalf("DEID_GAZETTEER_MIRROR is set but the input is missing: %v", err)
		}
		t.Skipf("english input not present under %s (set DEID_GAZETTEER_MIRROR to a directory holding a mirror of %s): %v", dir, repo, err)
	}
	got, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "deid", "data", "english.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("rebuilding english.txt gives %d bytes, the committed file has %d: run go run ./deid/internal/english -mirror %s",
			len(got), len(want), dir)
	}
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
