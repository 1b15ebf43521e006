package audit

import (
	"bytes"
	"crypto/ed25519"
	"testing"
)

// ForgeRecordForTest encodes a record as a writer would, for tests that
// play an attacker who knows the format.
func ForgeRecordForTest(chain string, seq uint64, prev string, entry []byte) []byte {
	line, _, err := encodeRecord(chain, seq, prev, entry)
	if err != nil {
		panic(err)
	}
	return line
}

// CrashForTest stops the Trail as SIGKILL would stop its process: what
// is committed stays, nothing more is signed (no close checkpoint), and
// the store is closed, so a FileStore's chain locks drop as the kernel
// drops a dead process's.
func (t *Trail) CrashForTest() error {
	t.closeMu <- struct{}{}
	t.crash = true
	<-t.closeMu
	return t.Close()
}

// FuzzParseRecord: no input panics, and whatever parses without error is
// exactly its canonical encoding (so no two spellings of a record verify).
func FuzzParseRecord(f *testing.F) {
	line, _, _ := encodeRecord("w.20260301T090000Z.abcdef", 1, Genesis, []byte(`{"event":"draft.view","actor":"a"}`))
	f.Add(line[:len(line)-1])
	f.Add([]byte(`{"v":1}`))
	f.Add([]byte(`{"V":1,"chain":"x","seq":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := parseRecord(b)
		if err != nil {
			return
		}
		again, hash, err := encodeRecord(r.Chain, r.Seq, r.Prev, r.Entry)
		if err != nil || !bytes.Equal(again[:len(again)-1], b) || hash != r.Hash {
			t.Fatalf("accepted a non-canonical record %q", b)
		}
	})
}

// FuzzParseCheckpoint: no input panics; an accepted checkpoint is canonical.
func FuzzParseCheckpoint(f *testing.F) {
	priv := ed25519.NewKeyFromSeed(make([]byte, 32))
	s := NewSigner(priv)
	line, _ := s.encodeCheckpoint(&Checkpoint{Seq: 1, Prev: Genesis, Writer: "w.1", Heads: []Head{{Chain: "w.1", Hash: Genesis}}})
	f.Add(line[:len(line)-1])
	f.Add([]byte(`{"v":1,"seq":1}`))
	sealed, _ := s.encodeCheckpoint(&Checkpoint{Seq: 2, Prev: Genesis, Writer: "w", Heads: []Head{{Chain: "w.1", Seq: 3, Hash: Genesis, Sealed: true}, {Chain: "w.2", Hash: Genesis, Abandoned: true}}})
	f.Add(sealed[:len(sealed)-1])
	keys := map[string]ed25519.PublicKey{s.KeyID(): s.PublicKey()}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := parseCheckpoint(b, keys)
		if err != nil {
			return
		}
		body, _ := c.body()
		if !bytes.HasPrefix(b, body[:len(body)-1]) {
			t.Fatalf("accepted a non-canonical checkpoint %q", b)
		}
	})
}

// A head ends its chain one way at most: a checkpoint whose head is both
// closed and sealed (or abandoned) is malformed even when signed.
func TestCheckpointHeadOneEnd(t *testing.T) {
	s := NewSigner(ed25519.NewKeyFromSeed(make([]byte, 32)))
	keys := map[string]ed25519.PublicKey{s.KeyID(): s.PublicKey()}
	for _, tc := range []struct {
		name string
		head Head
		ok   bool
	}{
		{"open", Head{Chain: "w.1", Hash: Genesis}, true},
		{"closed", Head{Chain: "w.1", Hash: Genesis, Closed: true}, true},
		{"sealed", Head{Chain: "w.1", Hash: Genesis, Sealed: true}, true},
		{"abandoned", Head{Chain: "w.1", Hash: Genesis, Abandoned: true}, true},
		{"closed and sealed", Head{Chain: "w.1", Hash: Genesis, Closed: true, Sealed: true}, false},
		{"sealed and abandoned", Head{Chain: "w.1", Hash: Genesis, Sealed: true, Abandoned: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line, err := s.encodeCheckpoint(&Checkpoint{Seq: 1, Prev: Genesis, Writer: "w", Heads: []Head{tc.head}})
			if err != nil {
				t.Fatal(err)
			}
			_, err = parseCheckpoint(line[:len(line)-1], keys)
			if (err == nil) != tc.ok {
				t.Fatalf("parseCheckpoint = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}
