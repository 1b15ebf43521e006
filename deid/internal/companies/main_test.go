package main

import (
	"slices"
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned inputs reproduces the committed
// deid/data/companies.txt byte for byte, where the inputs' mirror is.
func TestRebuild(t *testing.T) {
	mirror.CheckRebuild(t, "companies", "companies.txt", available, build)
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

// TestForms: the forms of a name the list keeps.
func TestForms(t *testing.T) {
	for in, want := range map[string][]string{
		"Wal-Mart Stores":                    {"wal-mart", "walmart"},
		"Amazon.com":                         {"amazon"},
		"Ford Motor":                         {"ford motor", "ford"},
		"General Motors":                     {"general motors"},
		"Costco Wholesale":                   {"costco"},
		"The Coca-Cola Company":              {"coca-cola", "cocacola"},
		"Energy Transfer Equity, L.P.":       {"energy transfer equity"},
		"Habitat for Humanity International": {"habitat for humanity"},
		"Boys & Girls Clubs of America":      {"boys and girls clubs"},
		"Lowe’s Companies":                   {"lowe's"},
		"3M":                                 {},
		"J.P. Morgan Chase & Co.":            {"jp morgan chase"},
	} {
		got := Forms(in)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("Forms(%q) = %q; want %q", in, got, want)
		}
	}
}
