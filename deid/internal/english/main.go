// Command english builds deid/data/english.txt, the English words the
// detector checks a learned tagger's guess against, from an openly
// licensed word list. Run from the repository root:
//
//	go run ./deid/internal/english -mirror DIR
//
// DIR holds the source's bare git repository at DIR/<owner>+<name>/repo (as
// for deid/internal/gazetteer). The command reads the input at its pinned
// commit, checks its SHA-256 and writes the same bytes every time
// (TestRebuild checks that against the committed file).
//
// Source and licence (also in deid/README.md): 12dicts "2of4brif.txt" by
// Alan Beale, placed in the public domain, as mirrored by
// github.com/en-wl/wordlist (the same input the gazetteer uses to mark
// names that are also words). The derived file keeps the words of two
// letters or more written in lower-case ASCII letters (with an apostrophe
// inside), in the input's order, twelve to a line.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// The pinned input.
const (
	repo    = "en-wl/wordlist"
	commit  = "b22230cc5250887737fdefe9ca4c9d9d01230eaa"
	path    = "alt12dicts/2of4brif.txt"
	wantSum = "c59db93135728363e3d2fd7b58eda0af08ab0eff7ffcef950c98250543c261fc"
)

func main() {
	mirrorDir := flag.String("mirror", "", "directory with the source's bare git repository at <owner>+<name>/repo")
	out := flag.String("out", "deid/data/english.txt", "file to write")
	flag.Parse()
	if *mirrorDir == "" {
		fmt.Fprintln(os.Stderr, "english: -mirror DIR is required")
		os.Exit(2)
	}
	in, err := read(*mirrorDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "english:", err)
		os.Exit(1)
	}
	b, err := Build(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "english:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "english:", err)
		os.Exit(1)
	}
}

func read(dir string) ([]byte, error) { return mirror.Read(dir, repo, commit, path) }

// Build derives the list from the input (2of4brif.txt).
func Build(in []byte) ([]byte, error) {
	if err := mirror.CheckSum(path, in, wantSum); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# English words (deid/internal/english). Generated; do not edit.\n")
	fmt.Fprintf(&b, "# source: %s %s %s (12dicts by Alan Beale, public domain)\n#   sha256 %s\n", repo, commit, path, wantSum)
	n := 0
	for _, line := range strings.Split(string(in), "\n") {
		w := strings.TrimSpace(line)
		if !plain(w) {
			continue
		}
		if n > 0 {
			if n%12 == 0 {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
		n++
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// plain: two letters or more, lower-case ASCII, an apostrophe only inside.
func plain(w string) bool {
	if len(w) < 2 || w[0] == '\'' || w[len(w)-1] == '\'' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}
