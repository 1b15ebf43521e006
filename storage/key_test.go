package storage_test

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/storage"
)

// The key grammar, as a regular expression: the specification ValidKey's
// hand-written check must match exactly.
var keyGrammar = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$`)

func checkKey(t *testing.T, key string) {
	t.Helper()
	want := len(key) > 0 && len(key) <= storage.MaxKeyLen && keyGrammar.MatchString(key)
	err := storage.ValidKey(key)
	if got := err == nil; got != want {
		t.Fatalf("ValidKey(%q) = %v, grammar says valid=%v", key, err, want)
	}
	if err != nil && !errors.Is(err, storage.ErrInvalidKey) {
		t.Fatalf("ValidKey(%q): %v does not wrap ErrInvalidKey", key, err)
	}
}

func TestValidKeyMatchesGrammar(t *testing.T) {
	t.Parallel()
	for _, k := range []string{"", "a", "a/b", "encounters/e1/meta.json", "a/", "/a", "a//b", ".", "..", "a/../b",
		"a/.hidden", "a/b.", "-a", "a/-b", "a b", "a\x00b", "é", "a\\b", "A9._-/Z", strings.Repeat("k", storage.MaxKeyLen),
		strings.Repeat("k", storage.MaxKeyLen+1), "index/idempotency/0123abcd"} {
		checkKey(t, k)
	}
	// Random keys over an alphabet rich in the characters that matter.
	alphabet := []byte("aZ09._-/ /\\\x00\xff.")
	r := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		checkKey(t, string(b))
	}
}

func FuzzValidKey(f *testing.F) {
	for _, k := range []string{"a/b", "../x", "a//b", "encounters/e1/input/audio"} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, key string) { checkKey(t, key) })
}
