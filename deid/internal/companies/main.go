// Command companies builds deid/data/companies.txt, the names people say
// for large employers ("chevron", "home depot", "walmart", "salvation
// army", "toyota"), from openly licensed lists. The detector reads them
// only where a person's work is spoken of ("retired from chevron", "my
// coworker at costco") or a branch is placed ("at the home depot on bell
// road"): Safe Harbor removes the names of the individual's employers,
// and a branch with its street or town is a place. Run from the
// repository root:
//
//	go run ./deid/internal/companies -mirror DIR
//
// DIR holds the source's bare git repository at DIR/<owner>+<name>/repo (as
// for deid/internal/publicfigures). The command reads each input at its
// pinned commit, checks its SHA-256 and writes the same bytes every time
// (TestRebuild checks that against the committed file).
//
// Source and licence (also in deid/README.md): Darius Kazemi's Corpora,
// github.com/dariusk/corpora, CC0 1.0 (public domain dedication):
// data/corporations/fortune500.json (the 2014 Fortune 500), djia.json,
// nasdaq.json (the NASDAQ 100), charities.json (the 100 largest US
// charities) and cars.json (car makers).
//
// Each name is lower-cased, "&" read as "and", periods, commas and ".com"
// dropped, a leading "the" and trailing corporate words ("inc", "co",
// "corporation", "holdings", "stores", "wholesale", "usa", "international",
// "worldwide", "of america" after two words or more) taken off; a name whose last word is its
// trade ("ford motor", "exxon mobil" stays) is kept with and without it
// where what is left is not a word as general as "general" or "united";
// a hyphenated name is kept hyphenated and joined ("wal-mart", "walmart").
// Names of one to four words, sorted, one a line.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

const (
	corpora       = "dariusk/corpora"
	corporaCommit = "cf30ca27ab176b63623af1ddcfa2447ac07305ba"
)

// inputs are the files of dariusk/corpora read, at corporaCommit.
var inputs = mirror.InRepo(corpora, corporaCommit,
	mirror.File{Path: "data/corporations/fortune500.json", Sum: "d85e0fdd4d7a5abf2844a6cbeaa62cbfdc21f030616dfc5934fbb2ef2ec1b718", Names: mirror.JSONStrings("companies")},
	mirror.File{Path: "data/corporations/djia.json", Sum: "7c54af73146276e10ba45a985b16f6c0952243dda05576ba035049cfe344d3e3", Names: namesAt("corporations")},
	mirror.File{Path: "data/corporations/nasdaq.json", Sum: "cebe9e9e5892b16b2ec6491c6a6bf6244a1b86c93b9ed30d870d0e30c29b1818", Names: namesAt("corporations")},
	mirror.File{Path: "data/corporations/charities.json", Sum: "723eb00ffc4881d8c5ebb0a2d116afe0a4a7d1f298386cc5b242ccd4e915adc4", Names: mirror.JSONStrings("charities")},
	mirror.File{Path: "data/corporations/cars.json", Sum: "75731ac82d8dcace2ce7c52cd9b7e8e3093cd8b3204086e2ae1c1b72efafbbc3", Names: mirror.JSONStrings("cars")},
)

func namesAt(key string) func(b []byte) ([]string, error) {
	return func(b []byte) ([]string, error) {
		var v map[string]json.RawMessage
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, err
		}
		var objs []struct{ Name string }
		err := json.Unmarshal(v[key], &objs)
		out := make([]string, len(objs))
		for i, o := range objs {
			out[i] = o.Name
		}
		return out, err
	}
}

func main() { mirror.Run("companies", "deid/data/companies.txt", build) }

func available(dir string) error {
	_, err := mirror.ReadAll(dir, inputs)
	return err
}

func build(dir string) ([]byte, error) {
	files, err := mirror.ReadAll(dir, inputs)
	if err != nil {
		return nil, err
	}
	return Build(files)
}

// Build derives the list from the inputs' bytes, in the order of inputs.
func Build(files [][]byte) ([]byte, error) {
	seen := map[string]bool{}
	if err := mirror.EachName(files, inputs, func(n string) {
		for _, k := range Forms(n) {
			seen[k] = true
		}
	}); err != nil {
		return nil, err
	}
	keys := mirror.SortedKeys(seen)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Large employers (deid/internal/companies). Generated; do not edit.\n")
	fmt.Fprintf(&b, "# source: %s %s (Corpora by Darius Kazemi, CC0 1.0):\n", corpora, corporaCommit)
	for _, in := range inputs {
		fmt.Fprintf(&b, "#   %s sha256 %s\n", in.Path, in.Sum)
	}
	for _, k := range keys {
		b.WriteString(k)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// corporateWords end a company's legal name and are not said.
var corporateWords = map[string]bool{"inc": true, "co": true, "cos": true, "corp": true, "corporation": true, "company": true,
	"companies": true, "holding": true, "holdings": true, "group": true, "lp": true, "llc": true, "ltd": true, "plc": true,
	"stores": true, "wholesale": true, "usa": true, "international": true, "worldwide": true, "incorporated": true}

// tradeWords end a name with the company's trade; people often leave them
// off ("ford", "valero", "cardinal health" stays whole).
var tradeWords = map[string]bool{"motor": true, "motors": true, "energy": true, "petroleum": true, "communications": true,
	"systems": true, "technologies": true, "technology": true, "chemical": true, "financial": true, "insurance": true,
	"industries": true, "pharmaceuticals": true, "entertainment": true, "airlines": true, "airways": true, "brands": true,
	"resources": true, "networks": true, "software": true, "semiconductor": true, "enterprises": true, "services": true}

// generalWords are too general to stand for a company alone.
var generalWords = map[string]bool{"general": true, "united": true, "american": true, "national": true, "first": true,
	"southern": true, "northern": true, "western": true, "eastern": true, "public": true, "global": true, "universal": true,
	"consolidated": true, "continental": true, "standard": true, "central": true, "allied": true, "analog": true,
	"applied": true, "automatic": true, "express": true, "liberty": true, "pacific": true, "atlantic": true, "state": true,
	"health": true, "best": true, "discovery": true, "dish": true, "news": true, "priceline": true, "bank": true,
	"care": true, "arc": true, "cross": true, "crown": true, "ball": true, "insight": true, "cameron": true,
	"linear": true, "map": true, "mini": true, "path": true, "pantry": true, "population": true, "principal": true,
	"seat": true, "smart": true, "spectrum": true, "compassion": true, "mosaic": true, "noble": true, "travelers": true,
	"republic": true, "marathon": true, "coach": true, "charter": true, "visa": true, "progressive": true}

// Forms returns the forms of a company's name the list keeps (see the
// package comment).
func Forms(name string) []string {
	name = strings.ToLower(name)
	name = strings.ReplaceAll(name, "’", "'")
	name = strings.ReplaceAll(name, "&", " and ")
	name = strings.ReplaceAll(name, ".com", "")
	name = strings.NewReplacer(".", "", ",", " ", "(", " ", ")", " ").Replace(name)
	words := strings.Fields(name)
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	for len(words) > 3 && words[len(words)-2] == "of" && words[len(words)-1] == "america" {
		words = words[:len(words)-2]
	}
	for len(words) > 1 && (corporateWords[words[len(words)-1]] || words[len(words)-1] == "and") {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > 4 {
		return nil
	}
	for _, w := range words {
		for _, c := range w {
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '\'' && c != '-' {
				return nil
			}
		}
	}
	forms := []string{strings.Join(words, " ")}
	if len(words) > 1 && tradeWords[words[len(words)-1]] {
		rest := words[:len(words)-1]
		if len(rest) > 1 || !generalWords[rest[0]] {
			forms = append(forms, strings.Join(rest, " "))
		}
	}
	for _, f := range forms {
		if strings.Contains(f, "-") {
			forms = append(forms, strings.ReplaceAll(f, "-", ""))
		}
	}
	// A single word too general, or shorter than three letters, names no
	// company alone.
	out := forms[:0]
	for _, f := range forms {
		if !strings.Contains(f, " ") && (generalWords[f] || len(f) < 3) {
			continue
		}
		out = append(out, f)
	}
	return out
}
