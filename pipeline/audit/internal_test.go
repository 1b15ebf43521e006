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
