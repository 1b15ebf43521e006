// Package audittest is the conformance suite every audit.Store passes:
// run TestStore against a new implementation before using it.
package audittest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// Opener returns a new handle on one backing store each time it is called,
// as separate processes would open it.
type Opener func(t *testing.T) audit.Store

// TestStore runs the conformance suite; newBacking makes a fresh, empty
// backing store for each subtest.
func TestStore(t *testing.T, newBacking func(t *testing.T) Opener) {
	ctx := context.Background()

	t.Run("empty", func(t *testing.T) {
		s := newBacking(t)(t)
		chains, err := s.Chains(ctx)
		if err != nil || len(chains) != 0 {
			t.Fatalf("Chains() = %v, %v; want none", chains, err)
		}
		n := 0
		if err := s.ReadCheckpoints(ctx, func(audit.Line) error { n++; return nil }); err != nil || n != 0 {
			t.Fatalf("ReadCheckpoints: %d lines, %v; want none", n, err)
		}
	})

	t.Run("chain round trip", func(t *testing.T) {
		open := newBacking(t)
		s := open(t)
		if err := s.CreateChain(ctx, "w.1"); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendChain(ctx, "w.1", 1, []byte("one\ntwo\n")); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendChain(ctx, "w.1", 3, []byte("three\n")); err != nil {
			t.Fatal(err)
		}
		r := open(t) // another handle sees it all
		chains, err := r.Chains(ctx)
		if err != nil || len(chains) != 1 || chains[0] != "w.1" {
			t.Fatalf("Chains() = %v, %v; want [w.1]", chains, err)
		}
		var got []string
		err = r.ReadChain(ctx, "w.1", func(l audit.Line) error {
			if l.Partial || l.N < 1 || l.Where == "" {
				t.Errorf("line %+v: want a complete line with a place", l)
			}
			got = append(got, string(l.Data))
			return nil
		})
		if err != nil || fmt.Sprint(got) != "[one two three]" {
			t.Fatalf("ReadChain = %v, %v; want [one two three]", got, err)
		}
		if err := open(t).CreateChain(ctx, "w.1"); err == nil {
			t.Error("CreateChain of an existing chain succeeded")
		}
	})

	t.Run("append to a chain not created here fails", func(t *testing.T) {
		s := newBacking(t)(t)
		if err := s.AppendChain(ctx, "w.2", 1, []byte("x\n")); err == nil {
			t.Fatal("AppendChain to a chain this handle did not create succeeded")
		}
	})

	t.Run("racing checkpoints get consecutive seqs", func(t *testing.T) {
		open := newBacking(t)
		const handles, each = 3, 8
		var wg sync.WaitGroup
		for range handles {
			s := open(t)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range each {
					err := s.AppendCheckpoint(ctx, func(last []byte) (uint64, []byte, error) {
						n := uint64(0)
						if last != nil {
							v, err := strconv.ParseUint(string(bytes.TrimSpace(last)), 10, 64)
							if err != nil {
								return 0, nil, fmt.Errorf("last checkpoint %q", last)
							}
							n = v
						}
						return n + 1, []byte(strconv.FormatUint(n+1, 10) + "\n"), nil
					})
					if err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		var got []string
		if err := open(t).ReadCheckpoints(ctx, func(l audit.Line) error { got = append(got, string(l.Data)); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != handles*each {
			t.Fatalf("%d checkpoints, want %d: %v", len(got), handles*each, got)
		}
		for i, g := range got {
			if g != strconv.Itoa(i+1) {
				t.Fatalf("checkpoint %d is %q: lost or doubled under contention: %v", i+1, g, got)
			}
		}
	})

	t.Run("checkpoints read on from a cursor", func(t *testing.T) {
		open := newBacking(t)
		w := open(t)
		add := func(n int) {
			w := w
			for range n {
				err := w.AppendCheckpoint(ctx, func(last []byte) (uint64, []byte, error) {
					seq := uint64(1)
					if last != nil {
						v, err := strconv.ParseUint(string(last), 10, 64)
						if err != nil {
							return 0, nil, err
						}
						seq = v + 1
					}
					return seq, []byte(strconv.FormatUint(seq, 10) + "\n"), nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		r := open(t)
		read := func(cursor string) ([]string, string) {
			var got []string
			next, err := r.ReadCheckpointsFrom(ctx, cursor, func(l audit.Line) error { got = append(got, string(l.Data)); return nil })
			if err != nil {
				t.Fatal(err)
			}
			return got, next
		}
		if got, c := read(""); len(got) != 0 {
			t.Fatalf("empty store: %v (cursor %q)", got, c)
		}
		add(3)
		got, c := read("")
		if fmt.Sprint(got) != "[1 2 3]" {
			t.Fatalf("from the start: %v, want [1 2 3]", got)
		}
		add(2)
		if got, c = read(c); fmt.Sprint(got) != "[4 5]" {
			t.Fatalf("from the cursor: %v, want [4 5]", got)
		}
		if got, _ = read(c); len(got) != 0 {
			t.Fatalf("nothing new: %v", got)
		}
		// A new handle (a process that starts) appends after the last.
		w = open(t)
		add(1)
		if got, _ = read(c); fmt.Sprint(got) != "[6]" {
			t.Fatalf("after a new handle's append: %v, want [6]", got)
		}
		// RecentCheckpoints: at least the newest n, in order, to the end.
		for _, n := range []int{2, 6, 100, -1} {
			rc, err := r.RecentCheckpoints(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := read(rc)
			if len(got) < min(n, 6) || (n < 0 || n >= 6) && len(got) != 6 || got[len(got)-1] != "6" {
				t.Fatalf("RecentCheckpoints(%d) then read: %v", n, got)
			}
		}
	})

	t.Run("claim", func(t *testing.T) {
		// The contract: once Claim succeeds, the chain's writer cannot add a
		// record after head; a writer that is alive either makes Claim
		// fail with ErrChainLive or is fenced by it.
		open := newBacking(t)
		w := open(t)
		if err := w.CreateChain(ctx, "w.1"); err != nil {
			t.Fatal(err)
		}
		if err := w.AppendChain(ctx, "w.1", 1, []byte("one\n")); err != nil {
			t.Fatal(err)
		}
		if err := w.AppendChain(ctx, "w.1", 2, []byte("two\n")); err != nil {
			t.Fatal(err)
		}
		c := open(t)
		if _, err := c.Claim(ctx, "w.1", 1); !errors.Is(err, audit.ErrChainLive) {
			t.Fatalf("Claim below the chain's end = %v, want ErrChainLive", err)
		}
		if _, err := c.Claim(ctx, "w.none", 0); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("Claim of a chain that does not exist = %v, want fs.ErrNotExist", err)
		}
		if chains, _ := c.Chains(ctx); fmt.Sprint(chains) != "[w.1]" {
			t.Fatalf("chains after a failed claim: %v, want [w.1]", chains)
		}
		release, err := c.Claim(ctx, "w.1", 2)
		switch {
		case errors.Is(err, audit.ErrChainLive):
			// The live writer was recognised; once it is gone (its
			// process ends: its store closes) the chain can be claimed.
			w.Close()
			if release, err = c.Claim(ctx, "w.1", 2); err != nil {
				t.Fatalf("Claim after the writer closed: %v", err)
			}
		case err != nil:
			t.Fatal(err)
		default:
			if err := w.AppendChain(ctx, "w.1", 3, []byte("three\n")); err == nil {
				t.Fatal("the writer appended after a successful Claim")
			}
		}
		release()
		// Claiming again (another sealer) works and changes nothing.
		release, err = open(t).Claim(ctx, "w.1", 2)
		if err != nil {
			t.Fatalf("second Claim: %v", err)
		}
		release()
		var got []string
		if err := open(t).ReadChain(ctx, "w.1", func(l audit.Line) error { got = append(got, string(l.Data)); return nil }); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != "[one two]" {
			t.Fatalf("chain after the claims: %v, want [one two]", got)
		}
	})

	t.Run("trails verify", func(t *testing.T) {
		open := newBacking(t)
		signer, err := audit.GenerateSigner(filepath.Join(t.TempDir(), "key"))
		if err != nil {
			t.Fatal(err)
		}
		var trails []*audit.Trail
		for w := range 2 {
			tr, err := audit.NewTrail(open(t), signer, audit.TrailConfig{Writer: fmt.Sprintf("w%d", w), CheckpointInterval: 10 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { tr.Close() })
			trails = append(trails, tr)
		}
		var wg sync.WaitGroup
		for w, tr := range trails {
			for g := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range 25 {
						e := audit.Entry{Time: time.Now(), Event: audit.EventView, Actor: "u1", Role: "clinician",
							RequestID: fmt.Sprintf("w%d-%d-%d", w, g, i), Service: "s", Worker: "w"}
						if err := tr.Append(ctx, e); err != nil {
							t.Error(err)
							return
						}
					}
				}()
			}
		}
		wg.Wait()
		for _, tr := range trails {
			if err := tr.Close(); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := audit.Verify(ctx, open(t), audit.VerifyOptions{Keys: []ed25519.PublicKey{signer.PublicKey()}})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.OK() || rep.Chains != 2 || rep.Records != 200 || rep.Unsigned != 0 {
			t.Fatalf("verify: ok=%v chains=%d records=%d unsigned=%d problems=%v; want 2 chains, 200 records, all signed",
				rep.OK(), rep.Chains, rep.Records, rep.Unsigned, rep.Problems)
		}
	})
}

// NewFileLogger returns an audit Logger writing a tamper-evident trail in
// dir (local files, a throwaway signing key), closed when the test ends.
// audit.ReadDir(dir) reads what it wrote.
func NewFileLogger(t testing.TB, dir, writer string) *audit.Logger {
	t.Helper()
	store, err := audit.NewFileStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := audit.NewTrail(store, audit.NewSigner(priv), audit.TrailConfig{Writer: writer, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	lg := audit.NewLogger(tr, "clinscribe", writer, nil)
	t.Cleanup(func() { lg.Close() })
	return lg
}
