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

// input is one pinned file and how its names are read.
type input struct {
	repo, commit string
	path, sum    string
	names        func(b []byte) ([]string, error)
}

var inputs = append(corporaInputs, input{pantheon, pantheonAt, "pantheon.tsv",
	"df8f3ccd809f09d0a44924b13cba12eeec058e9431b9c35648774d048b92d3a7", tsvColumn("Name")})

// corporaInputs are the files of dariusk/corpora read, at corporaCommit.
var corporaInputs = inCorpora([]file{
	{"data/humans/celebrities.json", "4b5aa80d9a1eafac5648027c5ec6c6190e2a2b11cc15c6f8b9afd4143ed30c82", mirror.JSONStrings("celebrities")},
	{"data/humans/scientists.json", "eefcfaffa8f9ef0b10791ed7f7c57a001b6321ddbe551f0aa53623af60ae41d1", mirror.JSONStrings("scientists")},
	{"data/humans/britishActors.json", "22b806ff15fd030e9f0bcaff61e469f84b1e2a1c7b5617dc04c11c99881f3e9d", mirror.JSONStrings("britishActors")},
	{"data/humans/richpeople.json", "3d327ee5e38ab9036426ed763e333782229ca49524389f6a697dcd6c1545a09a", func(b []byte) ([]string, error) {
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
	{"data/humans/us_presidents.json", "345f4046c01f7e25822feaeff6e9a3ba8fb915febb2de007d07abdcffa233561", func(b []byte) ([]string, error) {
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
	{"data/music/rock_hall_of_fame.json", "157999a0c38972982e4f080a5cdd8626932dd5dcc5a4457dc5cd5c7227276f72", func(b []byte) ([]string, error) {
		var v struct{ Artists []struct{ Name string } }
		err := json.Unmarshal(b, &v)
		var out []string
		for _, a := range v.Artists {
			out = append(out, a.Name)
		}
		return out, err
	}},
	{"data/sports/nba_mvps.json", "ce8305a8d4cbaeab68ac9a10b23bc3280e303360f7af61700e49f6db612b6fd7", func(b []byte) ([]string, error) {
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
})

// file is a pinned file of dariusk/corpora and how its names are read.
type file struct {
	path, sum string
	names     func(b []byte) ([]string, error)
}

func inCorpora(files []file) []input {
	ins := make([]input, len(files))
	for i, f := range files {
		ins[i] = input{corpora, corporaCommit, f.path, f.sum, f.names}
	}
	return ins
}

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
	for _, in := range inputs {
		if _, err := mirror.Read(dir, in.repo, in.commit, in.path); err != nil {
			return err
		}
	}
	return nil
}

func build(dir string) ([]byte, error) {
	files := make([][]byte, len(inputs))
	for i, in := range inputs {
		b, err := mirror.Read(dir, in.repo, in.commit, in.path)
		if err != nil {
			return nil, err
		}
		files[i] = b
	}
	return Build(files)
}

// Build derives the list from the inputs' bytes, in the order of inputs.
func Build(files [][]byte) ([]byte, error) {
	if len(files) != len(inputs) {
		return nil, fmt.Errorf("%d inputs, want %d", len(files), len(inputs))
	}
	seen := map[string]bool{}
	for i, in := range inputs {
		if err := mirror.CheckSum(in.path, files[i], in.sum); err != nil {
			return nil, err
		}
		names, err := in.names(files[i])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", in.path, err)
		}
		for _, n := range names {
			if k, ok := Normalize(n); ok {
				seen[k] = true
			}
		}
	}
	keys := mirror.SortedKeys(seen)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Public figures (deid/internal/publicfigures). Generated; do not edit.\n")
	fmt.Fprintf(&b, "# source: %s %s (Corpora by Darius Kazemi, CC0 1.0):\n", corpora, corporaCommit)
	for _, in := range inputs {
		if in.repo == corpora {
			fmt.Fprintf(&b, "#   %s sha256 %s\n", in.path, in.sum)
		}
	}
	fmt.Fprintf(&b, "# source: %s %s (Pantheon 1.0, Yu et al., MIT Media Lab, Scientific Data 3:150075, 2016; doi:10.7910/DVN/28201):\n", pantheon, pantheonAt)
	for _, in := range inputs {
		if in.repo == pantheon {
			fmt.Fprintf(&b, "#   %s sha256 %s\n", in.path, in.sum)
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
