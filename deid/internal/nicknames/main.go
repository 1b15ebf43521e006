// Command nicknames builds deid/data/nicknames-open.txt, given names and
// their short forms and nicknames, from an openly licensed list. Run from
// the repository root:
//
//	go run ./deid/internal/nicknames -mirror DIR
//
// DIR holds the source's bare git repository at DIR/<owner>+<name>/repo (as
// for deid/internal/gazetteer). The command reads the input at its pinned
// commit, checks its SHA-256 and writes the same bytes every time
// (TestRebuild checks that against the committed file).
//
// Source and licence (also in deid/README.md): "nickname and diminutive
// names lookup", names.csv, by Carlton Northern and the Old Dominion
// University Web Science and Digital Libraries Research Group, Apache
// License 2.0, github.com/carltonnorthern/nicknames. The derived file keeps
// the pairs as they are, grouped by given name; nicknames of fewer than two
// letters and pairs already in the hand-written deid/data/nicknames.txt are
// left out.
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// The pinned input.
const (
	repo    = "carltonnorthern/nicknames"
	commit  = "af6b3a8bbdd164715e4977fea9a27eabb48c31c8"
	path    = "names.csv"
	wantSum = "f370c99f12a564f4f074192ba690f242b7857d53a4ea60257366e365cc63a276"
)

func main() {
	mirror := flag.String("mirror", "", "directory with the source's bare git repository at <owner>+<name>/repo")
	out := flag.String("out", "deid/data/nicknames-open.txt", "file to write")
	hand := flag.String("hand", "deid/data/nicknames.txt", "the hand-written list: its pairs are left out")
	flag.Parse()
	if *mirror == "" {
		fmt.Fprintln(os.Stderr, "nicknames: -mirror DIR is required")
		os.Exit(2)
	}
	in, err := read(*mirror)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nicknames:", err)
		os.Exit(1)
	}
	h, err := os.ReadFile(*hand)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nicknames:", err)
		os.Exit(1)
	}
	b, err := Build(in, string(h))
	if err != nil {
		fmt.Fprintln(os.Stderr, "nicknames:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "nicknames:", err)
		os.Exit(1)
	}
}

// read returns the input from its bare repository at the pinned commit.
func read(dir string) ([]byte, error) { return mirror.Read(dir, repo, commit, path) }

// Build derives the list from the input (names.csv) and the hand-written
// list's text.
func Build(in []byte, handList string) ([]byte, error) {
	if err := mirror.CheckSum(path, in, wantSum); err != nil {
		return nil, err
	}
	have := map[[2]string]bool{}
	for _, line := range strings.Split(handList, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		for _, n := range f[1:] {
			have[[2]string{f[0], n}] = true
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(in)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	byName := map[string][]string{}
	for i, r := range rows {
		if i == 0 {
			continue // header: name1,relationship,name2
		}
		if len(r) != 3 || r[1] != "has_nickname" {
			return nil, fmt.Errorf("%s: row %d: unexpected %q", path, i+1, r)
		}
		name, nick := strings.ToLower(strings.TrimSpace(r[0])), strings.ToLower(strings.TrimSpace(r[2]))
		if !letters(name) || !letters(nick) || len(nick) < 2 || name == nick || have[[2]string{name, nick}] {
			continue
		}
		if !slices.Contains(byName[name], nick) {
			byName[name] = append(byName[name], nick)
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	slices.Sort(names)
	var b bytes.Buffer
	b.WriteString("# Given names and their nicknames, derived by deid/internal/nicknames from\n")
	b.WriteString("# names.csv of github.com/carltonnorthern/nicknames @ " + commit + "\n")
	b.WriteString("# (Carlton Northern, Old Dominion University WS-DL; Apache License 2.0).\n")
	b.WriteString("# Do not edit: rebuild with `go run ./deid/internal/nicknames -mirror DIR`.\n")
	for _, n := range names {
		nicks := byName[n]
		slices.Sort(nicks)
		b.WriteString(n + " " + strings.Join(nicks, " ") + "\n")
	}
	return b.Bytes(), nil
}

func letters(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
