package storage_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/kmstest"
	"github.com/clinscribe/clinscribe/storage/s3test"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

func newLocal(t *testing.T) storage.Blobstore {
	l, err := storage.NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func newLocalKeys(t *testing.T) *storage.LocalKeys {
	lk, err := storage.OpenLocalKeys(filepath.Join(t.TempDir(), "master.key"), true)
	if err != nil {
		t.Fatal(err)
	}
	return lk
}

func newKMS(t *testing.T) (*storage.KMS, *kmstest.Server) {
	srv := kmstest.NewServer()
	t.Cleanup(srv.Close)
	client := kms.New(kms.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", ""),
	})
	km, err := storage.NewKMS(client, "alias/clinscribe")
	if err != nil {
		t.Fatal(err)
	}
	return km, srv
}

func newVault(t *testing.T) (*storage.Vault, *storage.Local, *storage.Keyring) {
	data, err := storage.NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ring, err := storage.NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	kr, err := storage.NewKeyring(newLocalKeys(t), ring, storage.KeyringConfig{})
	if err != nil {
		t.Fatal(err)
	}
	return storage.NewVault(data, kr), data, kr
}

func TestLocalConformance(t *testing.T) {
	t.Parallel()
	storagetest.TestBlobstore(t, newLocal)
}

func TestVaultConformance(t *testing.T) {
	t.Parallel()
	storagetest.TestBlobstore(t, func(t *testing.T) storage.Blobstore {
		v, _, _ := newVault(t)
		return v
	})
}

func TestS3Conformance(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	n := 0
	storagetest.TestBlobstore(t, func(t *testing.T) storage.Blobstore {
		n++
		bucket := srv.Bucket(t, fmt.Sprintf("conformance-%d", n))
		bs, err := storage.NewS3(srv.Client(), storage.S3Config{Bucket: bucket, Prefix: "clinscribe"})
		if err != nil {
			t.Fatal(err)
		}
		return bs
	})
}

func TestKeyManagerConformance(t *testing.T) {
	t.Parallel()
	kc := storage.KeyContext{"object": "encounters/e1/meta", storage.ScopeContextKey: "encounters/e1"}
	t.Run("LocalKeys", func(t *testing.T) { storagetest.TestKeyManager(t, newLocalKeys(t), kc) })
	t.Run("KMS", func(t *testing.T) {
		km, srv := newKMS(t)
		storagetest.TestKeyManager(t, km, kc)
		if srv.Calls("GenerateDataKey") == 0 || srv.Calls("Decrypt") == 0 {
			t.Fatal("the KMS key manager did not go through the KMS wire protocol")
		}
	})
	t.Run("KeyringOverLocal", func(t *testing.T) {
		kr, err := storage.NewKeyring(newLocalKeys(t), newLocal(t), storage.KeyringConfig{})
		if err != nil {
			t.Fatal(err)
		}
		storagetest.TestKeyManager(t, kr, kc)
	})
	t.Run("KeyringOverKMS", func(t *testing.T) {
		km, _ := newKMS(t)
		kr, err := storage.NewKeyring(km, newLocal(t), storage.KeyringConfig{})
		if err != nil {
			t.Fatal(err)
		}
		storagetest.TestKeyManager(t, kr, kc)
	})
}

func TestKMSDisabledKeyFailsClosed(t *testing.T) {
	t.Parallel()
	km, srv := newKMS(t)
	ctx := context.Background()
	kc := storage.KeyContext{"object": "a/b"}
	dk, err := km.GenerateDataKey(ctx, kc)
	if err != nil {
		t.Fatal(err)
	}
	srv.Disable(true)
	if _, err := km.GenerateDataKey(ctx, kc); err == nil {
		t.Fatal("GenerateDataKey with a disabled KMS key succeeded")
	}
	if _, err := km.DecryptDataKey(ctx, dk.Wrapped, kc); !errors.Is(err, storage.ErrKeyUnavailable) {
		t.Fatalf("DecryptDataKey with a disabled key: err = %v, want ErrKeyUnavailable", err)
	}
}

func TestVaultRoundTripSizes(t *testing.T) {
	t.Parallel()
	v, _, _ := newVault(t)
	ctx := context.Background()
	const seg = 64 << 10
	for _, n := range []int{0, 1, seg - 1, seg, seg + 1, 3 * seg, 3*seg + 17, 1 << 20} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			plain := make([]byte, n)
			_, _ = rand.Read(plain)
			key := fmt.Sprintf("encounters/e1/blob-%d", n)
			if err := v.PutBytes(ctx, key, plain, storage.CreateOnly); err != nil {
				t.Fatal(err)
			}
			got, err := v.GetBytes(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, plain) {
				t.Fatalf("round trip of %d bytes returned %d different bytes", n, len(got))
			}
		})
	}
}

func TestVaultCiphertextHoldsNoPlaintext(t *testing.T) {
	t.Parallel()
	v, data, _ := newVault(t)
	ctx := context.Background()
	secret := strings.Repeat("Patient Zelda Quixote MRN 99887766 ", 5000)
	if err := v.PutBytes(ctx, "encounters/e1/input/note", []byte(secret), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(data.Root(), "encounters", "e1", "input", "note"))
	if err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{"Zelda", "Quixote", "99887766"} {
		if bytes.Contains(raw, []byte(needle)) {
			t.Fatalf("ciphertext on disk contains %q", needle)
		}
	}
}

// Every way of tampering with a stored envelope must fail to open.
func TestVaultTamper(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const seg = 64<<10 + 16 // a sealed segment
	cases := []struct {
		name   string
		mutate func(raw []byte) []byte
		newKey string // store the (mutated) blob under this key instead
	}{
		{name: "FlipCiphertextByte", mutate: func(b []byte) []byte { b[len(b)/2] ^= 0x01; return b }},
		{name: "FlipHeaderByte", mutate: func(b []byte) []byte { b[10] ^= 0x01; return b }},
		{name: "TruncateTail", mutate: func(b []byte) []byte { return b[:len(b)-100] }},
		{name: "DropLastSegment", mutate: func(b []byte) []byte { return b[:len(b)-(len(b)-hdrLen(b))%seg] }},
		{name: "SwapSegments", mutate: func(b []byte) []byte {
			h := hdrLen(b)
			out := append([]byte{}, b[:h]...)
			out = append(out, b[h+seg:h+2*seg]...)
			out = append(out, b[h:h+seg]...)
			return append(out, b[h+2*seg:]...)
		}},
		{name: "MovedToAnotherKey", mutate: func(b []byte) []byte { return b }, newKey: "encounters/e1/other"},
		{name: "MovedToAnotherScope", mutate: func(b []byte) []byte { return b }, newKey: "encounters/e2/blob"},
		{name: "Garbage", mutate: func(b []byte) []byte { return []byte("not an envelope at all") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, data, _ := newVault(t)
			plain := make([]byte, 3*(64<<10)+500)
			_, _ = rand.Read(plain)
			if err := v.PutBytes(ctx, "encounters/e1/blob", plain, storage.CreateOnly); err != nil {
				t.Fatal(err)
			}
			// Make sure e2's scope exists so a move there fails on the data key, not on a missing scope.
			if err := v.PutBytes(ctx, "encounters/e2/x", []byte("x"), storage.CreateOnly); err != nil {
				t.Fatal(err)
			}
			raw, err := storage.ReadAll(ctx, data, "encounters/e1/blob")
			if err != nil {
				t.Fatal(err)
			}
			key := "encounters/e1/blob"
			if c.newKey != "" {
				key = c.newKey
			}
			if err := data.Put(ctx, key, bytes.NewReader(c.mutate(raw)), storage.Overwrite); err != nil {
				t.Fatal(err)
			}
			got, err := v.GetBytes(ctx, key)
			if err == nil {
				t.Fatalf("tampered object opened (%d bytes)", len(got))
			}
			if !errors.Is(err, storage.ErrCorrupt) && !errors.Is(err, storage.ErrKeyUnavailable) {
				t.Fatalf("err = %v, want ErrCorrupt or ErrKeyUnavailable", err)
			}
		})
	}
}

func hdrLen(b []byte) int { return 4 + 1 + 2 + int(b[5])<<8 | int(b[6]) + 7 }

func TestKeyringShred(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	v, data, kr := newVault(t)
	if err := v.PutBytes(ctx, "encounters/e1/note", []byte("content"), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	if err := v.PutBytes(ctx, "encounters/e2/note", []byte("other encounter"), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	// A backup of the data store taken before the deletion.
	backup, err := storage.ReadAll(ctx, data, "encounters/e1/note")
	if err != nil {
		t.Fatal(err)
	}
	if err := kr.Shred(ctx, "encounters/e1"); err != nil {
		t.Fatal(err)
	}
	if _, err := v.GetBytes(ctx, "encounters/e1/note"); !errors.Is(err, storage.ErrShredded) {
		t.Fatalf("read after shred: err = %v, want ErrShredded", err)
	}
	if err := data.Put(ctx, "encounters/e1/restored", bytes.NewReader(backup), storage.Overwrite); err != nil {
		t.Fatal(err)
	}
	if _, err := v.GetBytes(ctx, "encounters/e1/restored"); err == nil {
		t.Fatal("a restored backup of a shredded object decrypted")
	}
	if err := v.PutBytes(ctx, "encounters/e1/new", []byte("late write"), storage.CreateOnly); !errors.Is(err, storage.ErrShredded) {
		t.Fatalf("write into a shredded scope: err = %v, want ErrShredded", err)
	}
	if got, err := v.GetBytes(ctx, "encounters/e2/note"); err != nil || string(got) != "other encounter" {
		t.Fatalf("another scope was affected by the shred: %q, %v", got, err)
	}
}

// Another process that used a scope's key keeps it in its cache for a
// while after the scope is shredded; it must not seal new objects with it.
func TestKeyringShredStopsCachedWriters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	data, _ := storage.NewLocal(t.TempDir())
	ring, _ := storage.NewLocal(t.TempDir())
	root := newLocalKeys(t)
	other, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{CacheTTL: time.Hour})
	deleter, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{})
	ov, dv := storage.NewVault(data, other), storage.NewVault(data, deleter)
	if err := ov.PutBytes(ctx, "encounters/e1/a", []byte("content"), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	if err := deleter.Shred(ctx, "encounters/e1"); err != nil {
		t.Fatal(err)
	}
	if err := ov.PutBytes(ctx, "encounters/e1/b", []byte("late write"), storage.CreateOnly); !errors.Is(err, storage.ErrShredded) {
		t.Fatalf("write with a cached key after another process shredded the scope: err = %v, want ErrShredded", err)
	}
	if _, err := dv.GetBytes(ctx, "encounters/e1/b"); err == nil {
		t.Fatal("the late object exists and opens")
	}
	if keys, _ := data.List(ctx, "encounters/e1/"); len(keys) != 1 {
		t.Fatalf("objects in the shredded scope: %v", keys)
	}
}

func TestLocalKeysRotation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "master.key")
	lk, err := storage.OpenLocalKeys(path, true)
	if err != nil {
		t.Fatal(err)
	}
	kc := storage.KeyContext{"object": "x"}
	old, err := lk.GenerateDataKey(ctx, kc)
	if err != nil {
		t.Fatal(err)
	}
	// Another process rotates the file.
	other, err := storage.OpenLocalKeys(path, false)
	if err != nil {
		t.Fatal(err)
	}
	id, err := other.Rotate()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := other.GenerateDataKey(ctx, kc)
	if err != nil {
		t.Fatal(err)
	}
	// The first process still opens old keys and picks up the new version.
	for _, dk := range []storage.DataKey{old, fresh} {
		got, err := lk.DecryptDataKey(ctx, dk.Wrapped, kc)
		if err != nil || !bytes.Equal(got, dk.Plaintext) {
			t.Fatalf("DecryptDataKey after rotation to %s: %v", id, err)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", st.Mode().Perm())
	}
}

func TestLocalKeysConcurrentCreate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "master.key")
	const n = 8
	kms := make([]*storage.LocalKeys, n)
	errs := make(chan error, n)
	for i := range n {
		go func() {
			var err error
			kms[i], err = storage.OpenLocalKeys(path, true)
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	dk, err := kms[0].GenerateDataKey(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, km := range kms {
		if _, err := km.DecryptDataKey(ctx, dk.Wrapped, nil); err != nil {
			t.Fatalf("process %d created its own key file: %v", i, err)
		}
	}
}

func BenchmarkVaultPut(b *testing.B) {
	for _, size := range []int{4 << 10, 1 << 20, 16 << 20} {
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			data, _ := storage.NewLocal(b.TempDir())
			ring, _ := storage.NewLocal(b.TempDir())
			lk, _ := storage.OpenLocalKeys(filepath.Join(b.TempDir(), "k"), true)
			kr, _ := storage.NewKeyring(lk, ring, storage.KeyringConfig{})
			v := storage.NewVault(discard{data}, kr)
			plain := make([]byte, size)
			b.SetBytes(int64(size))
			ctx := context.Background()
			for i := 0; b.Loop(); i++ {
				if err := v.PutBytes(ctx, "encounters/e1/x", plain, storage.Overwrite); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkVaultGet(b *testing.B) {
	for _, size := range []int{4 << 10, 1 << 20, 16 << 20} {
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			data, _ := storage.NewLocal(b.TempDir())
			ring, _ := storage.NewLocal(b.TempDir())
			lk, _ := storage.OpenLocalKeys(filepath.Join(b.TempDir(), "k"), true)
			kr, _ := storage.NewKeyring(lk, ring, storage.KeyringConfig{})
			mem := &memBlob{}
			v := storage.NewVault(mem, kr)
			ctx := context.Background()
			if err := v.PutBytes(ctx, "encounters/e1/x", make([]byte, size), storage.Overwrite); err != nil {
				b.Fatal(err)
			}
			_ = data
			b.SetBytes(int64(size))
			for b.Loop() {
				rc, err := v.Get(ctx, "encounters/e1/x")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := io.Copy(io.Discard, rc); err != nil {
					b.Fatal(err)
				}
				rc.Close()
			}
		})
	}
}

// discard measures encryption alone: it drains the ciphertext without
// touching the disk.
type discard struct{ storage.Blobstore }

func (discard) Put(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) error {
	_, err := io.Copy(io.Discard, body)
	return err
}

// memBlob keeps the last object in memory, to measure decryption alone.
type memBlob struct {
	storage.Blobstore
	b []byte
}

func (m *memBlob) Put(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) error {
	var err error
	m.b, err = io.ReadAll(body)
	return err
}

func (m *memBlob) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(m.b)), nil
}

// Segment buffers are recycled between Puts and Gets: many at once, of
// sizes around the segment boundary, half the reads abandoned midway,
// must all round-trip exactly (a buffer handed out twice would mix them).
func TestVaultConcurrentRoundTrip(t *testing.T) {
	t.Parallel()
	v, _, _ := newVault(t)
	ctx := context.Background()
	sizes := []int{0, 1, 100, 4 << 10, 64<<10 - 1, 64 << 10, 64<<10 + 1, 200 << 10}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, size := range sizes {
				key := fmt.Sprintf("encounters/e%d/obj-%d", g, i)
				plain := make([]byte, size)
				for j := range plain {
					plain[j] = byte(g*31 + i*7 + j)
				}
				if err := v.PutBytes(ctx, key, plain, storage.Overwrite); err != nil {
					errs <- err
					return
				}
				if size > 10 && (g+i)%2 == 0 { // abandon a read after a few bytes
					rc, err := v.Get(ctx, key)
					if err != nil {
						errs <- err
						return
					}
					_, _ = io.ReadFull(rc, make([]byte, 5))
					rc.Close()
				}
				got, err := v.GetBytes(ctx, key)
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(got, plain) {
					errs <- fmt.Errorf("%s: %d bytes read back differ from the %d written", key, len(got), len(plain))
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// PrepareScope makes a new scope's key without first looking for it (one
// ring read fewer per encounter, issue 18), reads the key another process
// made rather than replacing it, serves a prepared scope from the cache,
// and refuses a shredded scope.
func TestKeyringPrepareScope(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var counter storagetest.Counter
	ring := counter.Wrap(newLocal(t))
	root := newLocalKeys(t)
	a, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{})
	b, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{}) // another process
	kc := storage.KeyContext{"object": "encounters/e1/meta.json", storage.ScopeContextKey: "encounters/e1"}

	before := counter.Counts()
	if err := a.PrepareScope(ctx, kc); err != nil {
		t.Fatal(err)
	}
	// Reads: the tombstone, after the create only; not the key.
	if used := counter.Counts().Sub(before); used.Gets != 1 || used.Puts != 1 {
		t.Fatalf("preparing a new scope: %d reads and %d writes, want 1 and 1", used.Gets, used.Puts)
	}
	before = counter.Counts()
	if err := a.PrepareScope(ctx, kc); err != nil {
		t.Fatal(err)
	}
	if used := counter.Counts().Sub(before); used != (storagetest.Counts{}) {
		t.Fatalf("preparing a prepared scope used the ring: %+v", used)
	}
	if err := b.PrepareScope(ctx, kc); err != nil {
		t.Fatalf("another process preparing the same scope: %v", err)
	}
	data := newLocal(t)
	if err := storage.NewVault(data, a).PutBytes(ctx, "encounters/e1/meta.json", []byte("sealed by a"), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	if got, err := storage.NewVault(data, b).GetBytes(ctx, "encounters/e1/meta.json"); err != nil || string(got) != "sealed by a" {
		t.Fatalf("the other process reads %q, %v: the scope got two keys", got, err)
	}
	if err := a.Shred(ctx, "encounters/e1"); err != nil {
		t.Fatal(err)
	}
	c, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{})
	if err := c.PrepareScope(ctx, kc); !errors.Is(err, storage.ErrShredded) {
		t.Fatalf("preparing a shredded scope = %v, want ErrShredded", err)
	}
	if _, err := ring.Get(ctx, "scopes/encounters/e1/key"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("preparing a shredded scope left a key (err = %v)", err)
	}
	// A shred that wrote its tombstone but has not deleted the key yet:
	// preparing the scope finds the key and still refuses it.
	if err := ring.Put(ctx, "scopes/encounters/e1/key", strings.NewReader("a key being shredded"), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	d, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{})
	if err := d.PrepareScope(ctx, kc); !errors.Is(err, storage.ErrShredded) {
		t.Fatalf("preparing a scope during its shred = %v, want ErrShredded", err)
	}
}

// PublishScope returns once the new key is under its name and can seal,
// without waiting for the name to be durable; its wait does that, and
// PrepareScope is the two in one.
func TestKeyringPublishScope(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ring := &heldWaits{Blobstore: newLocal(t)}
	kr, _ := storage.NewKeyring(newLocalKeys(t), ring, storage.KeyringConfig{})
	kc := storage.KeyContext{"object": "encounters/e1/meta.json", storage.ScopeContextKey: "encounters/e1"}
	wait, err := kr.PublishScope(ctx, kc)
	if err != nil {
		t.Fatal(err)
	}
	if n := ring.waited.Load(); n != 0 {
		t.Fatalf("PublishScope waited for %d names to be durable, want none", n)
	}
	if _, err := storage.ReadAll(ctx, ring, "scopes/encounters/e1/key"); err != nil {
		t.Fatalf("the published key is not under its name: %v", err)
	}
	data := newLocal(t)
	if err := storage.NewVault(data, kr).PutBytes(ctx, "encounters/e1/meta.json", []byte("sealed"), storage.CreateOnly); err != nil {
		t.Fatalf("sealing under the published key: %v", err)
	}
	if err := wait(); err != nil || ring.waited.Load() != 1 {
		t.Fatalf("wait = %v after %d waits, want nil after 1", err, ring.waited.Load())
	}
	kc2 := storage.KeyContext{"object": "encounters/e2/meta.json", storage.ScopeContextKey: "encounters/e2"}
	if err := kr.PrepareScope(ctx, kc2); err != nil || ring.waited.Load() != 2 {
		t.Fatalf("PrepareScope = %v after %d waits, want nil after 2", err, ring.waited.Load())
	}
	// A store that cannot publish (S3) commits: nothing left to wait for.
	s3ring := struct{ storage.Blobstore }{newLocal(t)}
	kr2, _ := storage.NewKeyring(newLocalKeys(t), s3ring, storage.KeyringConfig{})
	wait, err = kr2.PublishScope(ctx, kc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := storage.ReadAll(ctx, s3ring, "scopes/encounters/e1/key"); err != nil {
		t.Fatalf("the key is not stored: %v", err)
	}
	if err := wait(); err != nil {
		t.Fatal(err)
	}
}

// heldWaits is a store whose staged objects publish and count the waits
// for their durability called.
type heldWaits struct {
	storage.Blobstore
	waited atomic.Int32
}

func (h *heldWaits) Stage(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) (storage.Staged, error) {
	st, err := storage.Stage(ctx, h.Blobstore, key, body, mode)
	if err != nil {
		return nil, err
	}
	return countedWait{st.(storage.Publisher), h}, nil
}

type countedWait struct {
	storage.Publisher
	h *heldWaits
}

func (c countedWait) Commit(ctx context.Context) error {
	wait, err := c.Publish(ctx)
	if err != nil {
		return err
	}
	return wait()
}

func (c countedWait) Publish(ctx context.Context) (func() error, error) {
	wait, err := c.Publisher.Publish(ctx)
	if err != nil {
		return nil, err
	}
	return func() error { c.h.waited.Add(1); return wait() }, nil
}
