package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// TestRebuild: building from the pinned inputs reproduces the committed
// deid/data/gazetteer.txt byte for byte, where the inputs' mirrors are (see
// the package doc).
func TestRebuild(t *testing.T) {
	mirror.CheckRebuild(t, "gazetteer", "gazetteer.txt",
		func(dir string) error { return inputsPresent(dir, allSources()) },
		func(dir string) ([]byte, error) {
			hand, err := os.ReadFile(filepath.Join("..", "..", "..", "deid", "data", "lexicon.txt"))
			if err != nil {
				return nil, err
			}
			return Build(func(s source) ([]byte, error) { return read(dir, s) }, string(hand))
		})
}

// inputsPresent reports the first source missing from the mirrors in dir.
func inputsPresent(dir string, srcs []source) error {
	for _, s := range srcs {
		if _, err := read(dir, s); err != nil {
			return err
		}
	}
	return nil
}

// TestBuildRefusesOtherInputs: an input whose checksum differs is refused.
func TestBuildRefusesOtherInputs(t *testing.T) {
	_, err := Build(func(s source) ([]byte, error) { return []byte("not the census file\n"), nil }, "")
	if err == nil {
		t.Fatal("Build accepted inputs with the wrong checksum")
	}
}

// TestHyphenatedHospitalHead: a hospital whose name's first word is
// hyphenated lists the part before the hyphen as its head, a word of the
// word list among the "?" heads; a facility word before the hyphen names
// nothing.
func TestHyphenatedHospitalHead(t *testing.T) {
	g := &gaz{hand: map[string]uint8{}, english: map[string]bool{"cedars": true}, sections: map[string]map[string]bool{}}
	for _, n := range []string{"CEDARS-SINAI MEDICAL CENTER", "NEWTON-WELLESLEY HOSPITAL", "HURON VALLEY-SINAI HOSPITAL",
		"NEW YORK-PRESBYTERIAN/QUEENS", "MERCY HEALTH-LORAIN HOSPITAL", "TRI-CITY MEDICAL CENTER"} {
		g.hospital(n)
	}
	for sec, want := range map[string][]string{
		"fachead?": {"cedars"},
		"fachead":  {"huron", "mercy", "new_york", "newton"},
	} {
		var got []string
		for w := range g.sections[sec] {
			got = append(got, w)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("[%s] = %v, want %v", sec, got, want)
		}
	}
}

// TestUniversityAcronyms: a US university's web domain is listed as its
// acronym only when it is the initials of the name's words (a campus after
// " - " left out) and ends in the u of "University"; a domain that is a
// word, a name's shortening, an English word or a care unit's initials is
// not.
func TestUniversityAcronyms(t *testing.T) {
	g := &gaz{hand: map[string]uint8{}, english: map[string]bool{"rice": true}, sections: map[string]map[string]bool{}}
	for _, u := range []struct {
		name    string
		domains []string
	}{
		{"Arizona State University", []string{"asu.edu"}},
		{"Ohio State University - Columbus", []string{"osu.edu"}},
		{"Virginia Commonwealth University", []string{"students.vcu.edu", "vcu.edu"}},
		{"University of Texas at Austin", []string{"utexas.edu"}},
		{"Rice University", []string{"rice.edu"}},
		{"Carnegie Mellon", []string{"cm.edu"}},
		{"Texas Christian University", []string{"tcu.edu"}},
		{"Baylor College of Medicine", []string{"bcm.edu"}},
	} {
		g.university(u.name, u.domains)
	}
	var got []string
	for w := range g.sections["facacro"] {
		got = append(got, w)
	}
	slices.Sort(got)
	if want := []string{"asu", "osu", "vcu"}; !slices.Equal(got, want) {
		t.Errorf("[facacro] = %v, want %v", got, want)
	}
}

// TestRebuildAbroad: hospitals-abroad.txt is rebuilt byte for byte from the
// same mirrors (the US gazetteer is built first: what it lists is left out).
func TestRebuildAbroad(t *testing.T) {
	mirror.CheckRebuild(t, "gazetteer", "hospitals-abroad.txt",
		func(dir string) error { return inputsPresent(dir, append(allSources(), abroadSources()...)) },
		func(dir string) ([]byte, error) {
			hand, err := os.ReadFile(filepath.Join("..", "..", "..", "deid", "data", "lexicon.txt"))
			if err != nil {
				return nil, err
			}
			get := func(s source) ([]byte, error) { return read(dir, s) }
			us, err := Build(get, string(hand))
			if err != nil {
				return nil, err
			}
			return BuildAbroad(get, string(hand), us)
		})
}

// TestAbroadHeads: the heads read from the lists abroad. A possessive head
// is listed without its "'s" unless the rest is an English word; a town's
// hospital with "General" or "Western" is listed with it; a British name
// without a care word (a general practice) and Quebec's French rows name
// nothing; a single English word is kept only as a whole hospital's name
// with its care word, and a service word never.
func TestAbroadHeads(t *testing.T) {
	g := &gaz{hand: map[string]uint8{}, english: map[string]bool{"guy": true, "mater": true, "maternity": true,
		"gables": true, "general": true, "western": true, "royal": true}, sections: map[string]map[string]bool{}, mixedCase: true,
		bare: map[string]bool{}}
	for _, n := range []string{"Addenbrooke's Hospital", "Guy's Hospital", "The Gables Surgery", "Mater Hospital",
		"Maternity Hospital", "HôPITAL CHARLES-LE MOYNE", "Centre de santé Richelieu"} {
		g.abroadHospital(n, true)
	}
	for _, n := range []string{"University Health Network - Toronto Western Hospital", "Rockyview General Hospital",
		"Royal Victoria Hospital"} {
		g.abroadHospital(n, false)
	}
	var got []string
	for _, sec := range []string{"fachead", "fachead?", "facacro"} {
		for w := range g.sections[sec] {
			if keepAbroad(w, sec, g.bare) {
				got = append(got, sec+":"+w)
			}
		}
	}
	slices.Sort(got)
	want := []string{"fachead:addenbrooke", "fachead:rockyview", "fachead:rockyview_general", "fachead:royal_victoria", "fachead:toronto",
		"fachead:toronto_western", "fachead?:guy's", "fachead?:mater"}
	if !slices.Equal(got, want) {
		t.Errorf("heads = %v, want %v", got, want)
	}
}
