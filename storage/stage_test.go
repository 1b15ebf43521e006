package storage_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

// A staged object is invisible until Commit (no Get, no List entry),
// commits as Put would, and an aborted one leaves nothing behind; DeleteLazy
// deletes; on the
// Vault over Local, through a counting wrapper, and on a store that cannot
// stage (Commit is a Put).
func TestStage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	vault, local, _ := newVault(t)
	var counter storagetest.Counter
	stores := map[string]storage.Blobstore{
		"Local":        newLocal(t),
		"Vault":        vault,
		"Counted":      counter.Wrap(newLocal(t)),
		"CannotStage":  struct{ storage.Blobstore }{newLocal(t)},
		"VaultCounted": storage.NewVault(counter.Wrap(newLocal(t)), newLocalKeys(t)),
	}
	for name, bs := range stores {
		t.Run(name, func(t *testing.T) {
			st, err := storage.Stage(ctx, bs, "a/one", strings.NewReader("first"), storage.CreateOnly)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := bs.Get(ctx, "a/one"); !errors.Is(err, storage.ErrNotFound) {
				t.Fatalf("staged object readable before Commit: %v", err)
			}
			if keys, err := bs.List(ctx, "a/"); err != nil || len(keys) != 0 {
				t.Fatalf("staged object listed before Commit: %q %v", keys, err)
			}
			if err := st.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			st.Abort() // after Commit: nothing
			if b, err := storage.ReadAll(ctx, bs, "a/one"); err != nil || string(b) != "first" {
				t.Fatalf("after Commit: %q %v", b, err)
			}
			again, err := storage.Stage(ctx, bs, "a/one", strings.NewReader("second"), storage.CreateOnly)
			if err == nil {
				err = again.Commit(ctx)
			}
			if !errors.Is(err, storage.ErrExists) {
				t.Fatalf("create-only stage over an object: %v, want ErrExists", err)
			}
			over, err := storage.Stage(ctx, bs, "a/one", strings.NewReader("third"), storage.Overwrite)
			if err != nil {
				t.Fatal(err)
			}
			if err := over.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			if b, err := storage.ReadAll(ctx, bs, "a/one"); err != nil || string(b) != "third" {
				t.Fatalf("after overwrite: %q %v", b, err)
			}
			gone, err := storage.Stage(ctx, bs, "a/two", strings.NewReader("never"), storage.CreateOnly)
			if err != nil {
				t.Fatal(err)
			}
			gone.Abort()
			if keys, err := bs.List(ctx, "a/"); err != nil || len(keys) != 1 {
				t.Fatalf("after Abort: %q %v", keys, err)
			}
			if err := storage.DeleteLazy(ctx, bs, "a/one"); err != nil {
				t.Fatal(err)
			}
			if _, err := bs.Get(ctx, "a/one"); !errors.Is(err, storage.ErrNotFound) {
				t.Fatalf("after DeleteLazy: %v", err)
			}
			if err := storage.DeleteLazy(ctx, bs, "a/one"); err != nil {
				t.Fatalf("DeleteLazy of a missing object: %v", err)
			}
		})
	}
	// Nothing is left in the Local directories: no temporary file of a
	// committed or aborted stage.
	entries, err := os.ReadDir(local.Root() + "/a")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") {
			t.Fatalf("temporary file left: %s", e.Name())
		}
	}
	if c := counter.Counts(); c.Puts != 4 {
		t.Fatalf("counted %d puts for the two counted stores' 2 commits each, want 4 (staged or aborted objects are not writes)", c.Puts)
	}
}
