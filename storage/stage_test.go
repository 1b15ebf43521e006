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

// stagingStores are the stores staging is tested on: Local, the Vault over
// Local (whose data store is returned), both through counter, and a store
// that cannot stage (Commit is a Put).
func stagingStores(t *testing.T, counter *storagetest.Counter) (map[string]storage.Blobstore, *storage.Local) {
	vault, local, _ := newVault(t)
	stores := map[string]storage.Blobstore{
		"Local":        newLocal(t),
		"Vault":        vault,
		"Counted":      counter.Wrap(newLocal(t)),
		"CannotStage":  struct{ storage.Blobstore }{newLocal(t)},
		"VaultCounted": storage.NewVault(counter.Wrap(newLocal(t)), newLocalKeys(t)),
	}
	if moreStagingStores != nil {
		for name, bs := range moreStagingStores(t) {
			stores[name] = bs
		}
	}
	return stores, local
}

// moreStagingStores adds the stores of this system (the Log store on Linux).
var moreStagingStores func(t *testing.T) map[string]storage.Blobstore

// A staged object is invisible until Commit (no Get, no List entry),
// commits as Put would, and an aborted one leaves nothing behind;
// DeleteLazy deletes. On Local, on the Vault over Local, through a
// counting wrapper, and on a store that cannot stage (Commit is a Put).
func TestStage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var counter storagetest.Counter
	stores, local := stagingStores(t, &counter)
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
	// Three commits each: the first, the create-only one refused (found
	// taken when it commits, as S3 finds it at its PUT) and the overwrite.
	if c := counter.Counts(); c.Puts != 6 {
		t.Fatalf("counted %d puts for the two counted stores' 3 commits each, want 6 (staged or aborted objects are not writes)", c.Puts)
	}
}

// CommitInOrder makes the record visible before any entry, commits every
// entry (one that exists already counts as committed), and commits no
// entry when the record fails; on every kind of store.
func TestCommitInOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var counter storagetest.Counter
	stores, _ := stagingStores(t, &counter)
	for name, bs := range stores {
		t.Run(name, func(t *testing.T) {
			stage := func(key string) storage.Staged {
				st, err := storage.Stage(ctx, bs, key, strings.NewReader(key), storage.CreateOnly)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(st.Abort)
				return st
			}
			rec := stage("r/rec")
			entries := []storage.Staged{stage("e/a/rec"), stage("e/b/rec"), stage("e/c/rec")}
			// An entry someone else wrote meanwhile (a retry, the reconciler).
			if err := bs.Put(ctx, "e/b/rec", strings.NewReader("earlier"), storage.CreateOnly); err != nil {
				t.Fatal(err)
			}
			if firstErr, restErr := storage.CommitInOrder(ctx, rec, entries); firstErr != nil || restErr != nil {
				t.Fatalf("CommitInOrder = %v, %v", firstErr, restErr)
			}
			for key, want := range map[string]string{"r/rec": "r/rec", "e/a/rec": "e/a/rec", "e/b/rec": "earlier", "e/c/rec": "e/c/rec"} {
				if b, err := storage.ReadAll(ctx, bs, key); err != nil || string(b) != want {
					t.Fatalf("%s = %q, %v; want %q", key, b, err, want)
				}
			}
			// The record is taken by the time it commits: no entry appears.
			rec = stage("r/taken")
			entries = []storage.Staged{stage("e/a/taken")}
			if err := bs.Put(ctx, "r/taken", strings.NewReader("other"), storage.CreateOnly); err != nil {
				t.Fatal(err)
			}
			firstErr, restErr := storage.CommitInOrder(ctx, rec, entries)
			if !errors.Is(firstErr, storage.ErrExists) || restErr != nil {
				t.Fatalf("CommitInOrder over a taken record = %v, %v; want ErrExists, nil", firstErr, restErr)
			}
			if _, err := bs.Get(ctx, "e/a/taken"); !errors.Is(err, storage.ErrNotFound) {
				t.Fatalf("an entry was committed although its record failed: %v", err)
			}
		})
	}
}

// A Publisher's objects are all made visible, record first, before any
// waits for its flush.
func TestCommitInOrderPublishesBeforeWaiting(t *testing.T) {
	t.Parallel()
	var log []string
	pub := func(name string) storage.Staged { return &recordingPublisher{name: name, log: &log} }
	if firstErr, restErr := storage.CommitInOrder(context.Background(), pub("rec"), []storage.Staged{pub("e1"), pub("e2")}); firstErr != nil || restErr != nil {
		t.Fatal(firstErr, restErr)
	}
	if got, want := strings.Join(log, " "), "publish:rec publish:e1 publish:e2 wait:rec wait:e1 wait:e2"; got != want {
		t.Fatalf("order = %q, want %q", got, want)
	}
}

type recordingPublisher struct {
	name string
	log  *[]string
}

func (p *recordingPublisher) Commit(ctx context.Context) error {
	wait, err := p.Publish(ctx)
	if err != nil {
		return err
	}
	return wait()
}

func (p *recordingPublisher) Publish(context.Context) (func() error, error) {
	*p.log = append(*p.log, "publish:"+p.name)
	return func() error { *p.log = append(*p.log, "wait:"+p.name); return nil }, nil
}

func (p *recordingPublisher) Abort() {}
