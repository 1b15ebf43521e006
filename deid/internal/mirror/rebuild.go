package mirror

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// CheckRebuild is the rebuild test of a word-list command run from its
// package directory (deid/internal/<command>): available reports whether
// the command's inputs are in the mirror directory (Dir), build makes the
// list from them, and the result must equal the committed deid/data/<file>
// byte for byte. A missing input skips the test, saying which, or fails
// it where DEID_GAZETTEER_MIRROR is set.
func CheckRebuild(t testing.TB, command, file string, available func(dir string) error, build func(dir string) ([]byte, error)) {
	t.Helper()
	dir, strict := Dir()
	if err := available(dir); err != nil {
		if strict {
			t.Fatalf("DEID_GAZETTEER_MIRROR is set but an input of %s is missing: %v", command, err)
		}
		t.Skipf("%s inputs not present under %s (set DEID_GAZETTEER_MIRROR to a directory with the mirrors its package doc names): %v", command, dir, err)
	}
	got, err := build(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "deid", "data", file))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("rebuilding %s gives %d bytes, the committed file has %d: run go run ./deid/internal/%s -mirror %s",
			file, len(got), len(want), command, dir)
	}
}
