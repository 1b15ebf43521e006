package audit

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// The Trail's writer encodes records with appendRecord; Verify and
// parseRecord recompute them with encodeRecord (encoding/json). For what
// the writer hands it (a valid chain, a hash, an entry json.Marshal made)
// the two must be the same bytes, or every chain written would fail
// verification.
func TestAppendRecordIsEncodeRecord(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, text string }{
		{"plain", "system:worker"},
		{"html", `<script>&"quoted"\back</script>`},
		{"line separators", "a\u2028b\u2029c"},
		{"control bytes", "tab\there\nnew\x00nul\x1f"},
		{"non-ASCII", "Zoë — 患者 😀"},
		{"invalid UTF-8", "bad\xff\xfe"},
		{"empty", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			checkAppendRecord(t, c.text)
		})
	}
}

func FuzzAppendRecord(f *testing.F) {
	for _, s := range []string{"a", `<&>"\`, "\u2028", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(checkAppendRecord)
}

func checkAppendRecord(t *testing.T, text string) {
	entry, err := json.Marshal(Entry{Time: time.Date(2026, 12, 5, 19, 0, 0, 123, time.UTC), Event: Event(text), Actor: text,
		Role: "system", Service: text, Worker: "w", Result: text, Count: 3, LatencyMS: 12})
	if err != nil {
		t.Fatal(err)
	}
	const chain = "w-1.20261205T190000Z.a1b2c3"
	for _, seq := range []uint64{1, 9, 1 << 40} {
		want, wantHash, err := encodeRecord(chain, seq, Genesis, entry)
		if err != nil {
			t.Fatal(err)
		}
		prefix := []byte("previous line\n")
		got, hash := appendRecord(bytes.Clone(prefix), chain, seq, Genesis, entry)
		if !bytes.Equal(got[:len(prefix)], prefix) || !bytes.Equal(got[len(prefix):], want) || hash != wantHash {
			t.Fatalf("appendRecord(%d, %q) = %q, %s; encodeRecord: %q, %s", seq, entry, got[len(prefix):], hash, want, wantHash)
		}
	}
}
