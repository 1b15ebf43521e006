// Package storagetest holds the conformance suites every storage.Blobstore
// and storage.KeyManager implementation must pass, so Local, S3, the Vault,
// LocalKeys, KMS and Keyring are held to one contract.
package storagetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/storage"
)

// TestBlobstore runs the Blobstore contract against a fresh store from newStore.
func TestBlobstore(t *testing.T, newStore func(t *testing.T) storage.Blobstore) {
	t.Helper()
	ctx := context.Background()

	t.Run("RoundTripAndOverwrite", func(t *testing.T) {
		bs := newStore(t)
		put(t, bs, "encounters/e1/input/note", []byte("first"), storage.Overwrite)
		if got := get(t, bs, "encounters/e1/input/note"); string(got) != "first" {
			t.Fatalf("Get = %q, want %q", got, "first")
		}
		put(t, bs, "encounters/e1/input/note", []byte("second"), storage.Overwrite)
		if got := get(t, bs, "encounters/e1/input/note"); string(got) != "second" {
			t.Fatalf("after overwrite Get = %q, want %q", got, "second")
		}
	})

	t.Run("EmptyObject", func(t *testing.T) {
		bs := newStore(t)
		put(t, bs, "empty", nil, storage.CreateOnly)
		if got := get(t, bs, "empty"); len(got) != 0 {
			t.Fatalf("Get = %d bytes, want 0", len(got))
		}
	})

	t.Run("CreateOnly", func(t *testing.T) {
		bs := newStore(t)
		put(t, bs, "drafts/v0001", []byte("one"), storage.CreateOnly)
		err := bs.Put(ctx, "drafts/v0001", bytes.NewReader([]byte("two")), storage.CreateOnly)
		if !errors.Is(err, storage.ErrExists) {
			t.Fatalf("second CreateOnly Put: err = %v, want ErrExists", err)
		}
		if got := get(t, bs, "drafts/v0001"); string(got) != "one" {
			t.Fatalf("Get = %q, want the first write %q", got, "one")
		}
	})

	t.Run("CreateOnlyRace", func(t *testing.T) {
		bs := newStore(t)
		const writers = 8
		var wg sync.WaitGroup
		errs := make([]error, writers)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = bs.Put(ctx, "race/key", bytes.NewReader([]byte(fmt.Sprint(i))), storage.CreateOnly)
			}()
		}
		wg.Wait()
		wins := 0
		for i, err := range errs {
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, storage.ErrExists):
				t.Errorf("writer %d: unexpected error %v", i, err)
			}
		}
		if wins != 1 {
			t.Fatalf("%d writers won a CreateOnly race, want exactly 1", wins)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		bs := newStore(t)
		if _, err := bs.Get(ctx, "missing/key"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("Get missing: err = %v, want ErrNotFound", err)
		}
		if err := bs.Delete(ctx, "missing/key"); err != nil {
			t.Fatalf("Delete missing: %v, want nil", err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		bs := newStore(t)
		put(t, bs, "a/b", []byte("x"), storage.Overwrite)
		if err := bs.Delete(ctx, "a/b"); err != nil {
			t.Fatal(err)
		}
		if _, err := bs.Get(ctx, "a/b"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("Get after Delete: err = %v, want ErrNotFound", err)
		}
		// A deleted key can be created again.
		put(t, bs, "a/b", []byte("y"), storage.CreateOnly)
	})

	t.Run("List", func(t *testing.T) {
		bs := newStore(t)
		for _, k := range []string{"encounters/e2/meta", "encounters/e1/meta", "encounters/e1/input/a", "encounters/e10/meta", "other/x"} {
			put(t, bs, k, []byte(k), storage.Overwrite)
		}
		cases := []struct {
			prefix string
			want   []string
		}{
			{"encounters/e1/", []string{"encounters/e1/input/a", "encounters/e1/meta"}},
			{"encounters/e1", []string{"encounters/e1/input/a", "encounters/e1/meta", "encounters/e10/meta"}},
			{"encounters/", []string{"encounters/e1/input/a", "encounters/e1/meta", "encounters/e10/meta", "encounters/e2/meta"}},
			{"nothing/", nil},
		}
		for _, c := range cases {
			got, err := bs.List(ctx, c.prefix)
			if err != nil {
				t.Fatalf("List(%q): %v", c.prefix, err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("List(%q) mismatch (-want +got):\n%s", c.prefix, diff)
			}
		}
	})

	t.Run("InvalidKeys", func(t *testing.T) {
		bs := newStore(t)
		for _, k := range []string{"", "../escape", "a/../../b", "/abs", "a//b", ".hidden", "a/.tmp", "sp ace", "a\x00b", "tail/"} {
			if err := bs.Put(ctx, k, bytes.NewReader([]byte("x")), storage.Overwrite); !errors.Is(err, storage.ErrInvalidKey) {
				t.Errorf("Put(%q): err = %v, want ErrInvalidKey", k, err)
			}
			if _, err := bs.Get(ctx, k); !errors.Is(err, storage.ErrInvalidKey) {
				t.Errorf("Get(%q): err = %v, want ErrInvalidKey", k, err)
			}
		}
	})

	t.Run("LargeObject", func(t *testing.T) {
		bs := newStore(t)
		big := make([]byte, 9<<20+123) // above the S3 in-memory spool size
		_, _ = rand.Read(big)
		put(t, bs, "big/object", big, storage.Overwrite)
		if got := get(t, bs, "big/object"); !bytes.Equal(got, big) {
			t.Fatalf("large object round trip: got %d bytes, want %d identical bytes", len(got), len(big))
		}
	})
}

// TestKeyManager runs the KeyManager contract. kc must be a context the
// implementation accepts (a Keyring needs a scope).
func TestKeyManager(t *testing.T, km storage.KeyManager, kc storage.KeyContext) {
	t.Helper()
	ctx := context.Background()

	a, err := km.GenerateDataKey(ctx, kc)
	if err != nil {
		t.Fatalf("GenerateDataKey: %v", err)
	}
	b, err := km.GenerateDataKey(ctx, kc)
	if err != nil {
		t.Fatalf("GenerateDataKey: %v", err)
	}
	if len(a.Plaintext) != storage.DataKeySize {
		t.Fatalf("data key is %d bytes, want %d", len(a.Plaintext), storage.DataKeySize)
	}
	if bytes.Equal(a.Plaintext, b.Plaintext) || bytes.Equal(a.Wrapped, b.Wrapped) {
		t.Fatal("two GenerateDataKey calls returned the same key")
	}
	if bytes.Contains(a.Wrapped, a.Plaintext) {
		t.Fatal("wrapped key contains the plaintext key")
	}
	got, err := km.DecryptDataKey(ctx, a.Wrapped, kc)
	if err != nil {
		t.Fatalf("DecryptDataKey: %v", err)
	}
	if !bytes.Equal(got, a.Plaintext) {
		t.Fatal("DecryptDataKey returned a different key")
	}

	other := storage.KeyContext{}
	for k, v := range kc {
		other[k] = v
	}
	other["object"] = "some/other/object"
	if _, err := km.DecryptDataKey(ctx, a.Wrapped, other); !errors.Is(err, storage.ErrKeyUnavailable) {
		t.Errorf("DecryptDataKey with another context: err = %v, want ErrKeyUnavailable", err)
	}
	tampered := bytes.Clone(a.Wrapped)
	tampered[len(tampered)-1] ^= 1
	if _, err := km.DecryptDataKey(ctx, tampered, kc); !errors.Is(err, storage.ErrKeyUnavailable) {
		t.Errorf("DecryptDataKey of a tampered key: err = %v, want ErrKeyUnavailable", err)
	}
	if _, err := km.DecryptDataKey(ctx, []byte("junk"), kc); err == nil {
		t.Error("DecryptDataKey of junk succeeded")
	}
}

func put(t *testing.T, bs storage.Blobstore, key string, b []byte, mode storage.WriteMode) {
	t.Helper()
	if err := bs.Put(context.Background(), key, bytes.NewReader(b), mode); err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}

func get(t *testing.T, bs storage.Blobstore, key string) []byte {
	t.Helper()
	rc, err := bs.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("Get(%q): read: %v", key, err)
	}
	return b
}
