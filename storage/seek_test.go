package storage_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"testing"

	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/s3test"
)

// noRange hides a store's GetRange: GetRange then reads from the start.
type noRange struct{ storage.Blobstore }

// A SeekReader returns exactly the bytes a whole read returns, at any
// offset and length, on every backend (ranged or not) and at every
// segment boundary.
func TestSeekReaderReadsAnyRange(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	backends := map[string]func(t *testing.T) storage.Blobstore{
		"Local": func(t *testing.T) storage.Blobstore { return newLocal(t) },
		"S3": func(t *testing.T) storage.Blobstore {
			bs, err := storage.NewS3(srv.Client(), storage.S3Config{Bucket: srv.Bucket(t, "seek"), Prefix: "x"})
			if err != nil {
				t.Fatal(err)
			}
			return bs
		},
		"NoRange": func(t *testing.T) storage.Blobstore { return noRange{newLocal(t)} },
	}
	const seg = 64 << 10
	sizes := []int{0, 1, seg - 1, seg, seg + 1, 3*seg + 17}
	for name, open := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			bs := open(t)
			v := storage.NewVault(bs, newLocalKeys(t))
			for _, size := range sizes {
				t.Run(fmt.Sprint(size), func(t *testing.T) {
					plain := make([]byte, size)
					rand.Read(plain)
					key := fmt.Sprintf("encounters/e/input/audio-%d", size)
					if err := v.PutBytes(ctx, key, plain, storage.Overwrite); err != nil {
						t.Fatal(err)
					}
					r, err := v.OpenSeeker(ctx, key, int64(size))
					if err != nil {
						t.Fatal(err)
					}
					defer r.Close()
					whole, err := io.ReadAll(r)
					if err != nil || !bytes.Equal(whole, plain) {
						t.Fatalf("whole read: %d bytes, %v", len(whole), err)
					}
					rng := mrand.New(mrand.NewPCG(uint64(size), 1))
					offsets := []int{0, seg - 3, seg, 2*seg + 5, size - 1, size}
					for range 20 {
						offsets = append(offsets, rng.IntN(size+1))
					}
					for _, off := range offsets {
						if off < 0 || off > size {
							continue
						}
						n := rng.IntN(2*seg + 1)
						if _, err := r.Seek(int64(off), io.SeekStart); err != nil {
							t.Fatal(err)
						}
						got, err := io.ReadAll(io.LimitReader(r, int64(n)))
						want := plain[off:min(off+n, size)]
						if err != nil || !bytes.Equal(got, want) {
							t.Fatalf("at %d+%d: got %d bytes (%v), want %d", off, n, len(got), err, len(want))
						}
					}
					if end, err := r.Seek(0, io.SeekEnd); err != nil || end != int64(size) {
						t.Fatalf("SeekEnd = %d, %v", end, err)
					}
				})
			}
		})
	}
}

// A seeker told the wrong size, or reading an altered object, fails to
// authenticate instead of returning wrong bytes.
func TestSeekReaderRefusesWrongSizeAndTampering(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	v, data, _ := newVault(t)
	plain := bytes.Repeat([]byte("abcdefgh"), 20000) // 160000 bytes: 3 segments
	key := "encounters/e/input/audio"
	if err := v.PutBytes(ctx, key, plain, storage.Overwrite); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		size int64
	}{{"Shorter", int64(len(plain)) - 1}, {"Longer", int64(len(plain)) + 70000}} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := v.OpenSeeker(ctx, key, tc.size)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if _, err := io.ReadAll(r); !errors.Is(err, storage.ErrCorrupt) {
				t.Fatalf("read with a wrong size: %v, want ErrCorrupt", err)
			}
		})
	}
	t.Run("Tampered", func(t *testing.T) {
		raw, err := storage.ReadAll(ctx, data, key)
		if err != nil {
			t.Fatal(err)
		}
		raw[len(raw)-100] ^= 1 // in the last segment
		if err := data.Put(ctx, key, bytes.NewReader(raw), storage.Overwrite); err != nil {
			t.Fatal(err)
		}
		r, err := v.OpenSeeker(ctx, key, int64(len(plain)))
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if _, err := r.Seek(int64(len(plain))-10, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadAll(r); !errors.Is(err, storage.ErrCorrupt) {
			t.Fatalf("read of a tampered segment: %v, want ErrCorrupt", err)
		}
	})
}
