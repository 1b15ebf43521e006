// Command publicfigures builds deid/data/publicfigures.txt, full names of
// public figures (actors, musicians, scientists, presidents, athletes,
// the very rich) that clinical text mentions in passing ("what Michael J.
// Fox had", "reads Agatha Christie"), from openly licensed lists. Run from
// the repository root:
//
//	go run ./deid/internal/publicfigures -mirror DIR
//
// DIR holds the source's bare git repository at DIR/<owner>+<name>/repo (as
// for deid/internal/english). The command reads each input at its pinned
// commit, checks its SHA-256 and writes the same bytes every time
// (TestRebuild checks that against the committed file).
//
// Sources and licences (also in deid/README.md):
//   - Darius Kazemi's Corpora, github.com/dariusk/corpora, CC0 1.0 (public
//     domain dedication); the files below;
//   - Pantheon 1.0 (Yu, Ronen, Hu, Lu and Hidalgo, MIT Media Lab; "Pantheon
//     1.0, a manually verified dataset of globally famous biographies",
//     Scientific Data 3:150075, 2016, CC BY 4.0; dataset deposited at
//     Harvard Dataverse, doi:10.7910/DVN/28201): the 11,341 people with a
//     Wikipedia biography in more than 25 languages, read from the copy of
//     pantheon.tsv at HasteKhai/Fictional-Name-Classification (its Name
//     column only).
//
// The derived file keeps names of two to four words, each starting with a
// letter, lower-cased, with periods dropped ("michael j fox"), one a line,
// sorted, without duplicates.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

const (
	corpora       = "dariusk/corpora"
	corporaCommit = "cf30ca27ab176b63623af1ddcfa2447ac07305ba"
	pantheon      = "HasteKhai/Fictional-Name-Classification"
	pantheonAt    = "8a455dd8152f2c41ac3923ffc120504f58995046"
)

var inputs = append(corporaInputs, mirror.InRepo(pantheon, pantheonAt, mirror.File{Path: "pantheon.tsv",
	Sum: "df8f3ccd809f09d0a44924b13cba12eeec058e9431b9c35648774d048b92d3a7", Names: tsvColumn("Name")})...)

// corporaInputs are the files of dariusk/corpora read, at corporaCommit.
var corporaInputs = mirror.InRepo(corpora, corporaCommit, []mirror.File{
	{Path: "data/humans/celebrities.json", Sum: "4b5aa80d9a1eafac5648027c5ec6c6190e2a2b11cc15c6f8b9afd4143ed30c82", Names: mirror.JSONStrings("celebrities")},
	{Path: "data/humans/scientists.json", Sum: "eefcfaffa8f9ef0b10791ed7f7c57a001b6321ddbe551f0aa53623af60ae41d1", Names: mirror.JSONStrings("scientists")},
	{Path: "data/humans/britishActors.json", Sum: "22b806ff15fd030e9f0bcaff61e469f84b1e2a1c7b5617dc04c11c99881f3e9d", Names: mirror.JSONStrings("britishActors")},
	{Path: "data/humans/richpeople.json", Sum: "3d327ee5e38ab9036426ed763e333782229ca49524389f6a697dcd6c1545a09a", Names: func(b []byte) ([]string, error) {
		var v struct {
			RichPeople []struct{ Name string } `json:"richPeople"`
		}
		err := json.Unmarshal(b, &v)
		var out []string
		for _, p := range v.RichPeople {
			out = append(out, p.Name)
		}
		return out, err
	}},
	{Path: "data/humans/us_presidents.json", Sum: "345f4046c01f7e25822feaeff6e9a3ba8fb915febb2de007d07abdcffa233561", Names: func(b []byte) ([]string, error) {
		var v struct {
			Objects []struct {
				Person struct{ Firstname, Nickname, Lastname string }
			}
		}
		err := json.Unmarshal(b, &v)
		var out []string
		for _, o := range v.Objects {
			out = append(out, o.Person.Firstname+" "+o.Person.Lastname)
			if o.Person.Nickname != "" {
				out = append(out, o.Person.Nickname+" "+o.Person.Lastname)
			}
		}
		return out, err
	}},
	{Path: "data/music/rock_hall_of_fame.json", Sum: "157999a0c38972982e4f080a5cdd8626932dd5dcc5a4457dc5cd5c7227276f72", Names: func(b []byte) ([]string, error) {
		var v struct{ Artists []struct{ Name string } }
		err := json.Unmarshal(b, &v)
		var out []string
		for _, a := range v.Artists {
			out = append(out, a.Name)
		}
		return out, err
	}},
	{Path: "data/sports/nba_mvps.json", Sum: "ce8305a8d4cbaeab68ac9a10b23bc3280e303360f7af61700e49f6db612b6fd7", Names: func(b []byte) ([]string, error) {
		var v struct {
			Winners map[string]struct{ Name string }
		}
		err := json.Unmarshal(b, &v)
		var out []string
		for _, w := range v.Winners {
			out = append(out, w.Name)
		}
		return out, err
	}},
}...)

// tsvColumn reads the named column of a tab-separated file with a header.
func tsvColumn(name string) func(b []byte) ([]string, error) {
	return func(b []byte) ([]string, error) {
		lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		col := slices.Index(strings.Split(strings.TrimRight(lines[0], "\r"), "\t"), name)
		if col < 0 {
			return nil, fmt.Errorf("no column %q", name)
		}
		var out []string
		for _, l := range lines[1:] {
			if f := strings.Split(strings.TrimRight(l, "\r"), "\t"); col < len(f) {
				out = append(out, f[col])
			}
		}
		return out, nil
	}
}

func main() { mirror.Run("publicfigures", "deid/data/publicfigures.txt", build) }

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
		if k, ok := Normalize(n); ok {
			seen[k] = true
		}
	}); err != nil {
		return nil, err
	}
	keys := mirror.SortedKeys(seen)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Public figures (deid/internal/publicfigures). Generated; do not edit.\n")
	fmt.Fprintf(&b, "# source: %s %s (Corpora by Darius Kazemi, CC0 1.0):\n", corpora, corporaCommit)
	for _, in := range inputs {
		if in.Repo == corpora {
			fmt.Fprintf(&b, "#   %s sha256 %s\n", in.Path, in.Sum)
		}
	}
	fmt.Fprintf(&b, "# source: %s %s (Pantheon 1.0, Yu et al., MIT Media Lab, Scientific Data 3:150075, 2016; doi:10.7910/DVN/28201):\n", pantheon, pantheonAt)
	for _, in := range inputs {
		if in.Repo == pantheon {
			fmt.Fprintf(&b, "#   %s sha256 %s\n", in.Path, in.Sum)
		}
	}
	for _, k := range keys {
		b.WriteString(k)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// Normalize lower-cases a name, drops its periods and joins its words with
// one space; ok is false unless it has two to four words, each starting
// with a letter, and no word is "the" or "and" (a band, not a person).
func Normalize(name string) (string, bool) {
	name = strings.ReplaceAll(strings.ToLower(name), ".", " ")
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 {
		return "", false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsLetter(r[0]) || w == "the" || w == "and" || w == "&" {
			return "", false
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '\'' && c != '-' {
				return "", false
			}
		}
	}
	return strings.Join(words, " "), true
}
