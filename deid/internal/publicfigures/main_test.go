package main

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned inputs reproduces the committed
// deid/data/publicfigures.txt byte for byte, where the inputs' mirror is.
func TestRebuild(t *testing.T) {
	mirror.CheckRebuild(t, "publicfigures", "publicfigures.txt", available, build)
}

// TestBuildRefusesOtherInputs: inputs whose checksums differ are refused.
func TestBuildRefusesOtherInputs(t *testing.T) {
	files := make([][]byte, len(inputs))
	for i := range files {
		files[i] = []byte(`{}`)
	}
	if _, err := Build(files); err == nil {
		t.Fatal("Build accepted inputs with the wrong checksums")
	}
}

// TestNormalize: what the list keeps, and how.
func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Michael J. Fox": "michael j fox", "Cher": "", "The Beatles": "",
		"Simon & Garfunkel": "", "Jean-Claude Van Damme": "jean-claude van damme", "50 Cent": ""} {
		got, ok := Normalize(in)
		if ok != (want != "") || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
