package audit_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// setup is the bundle most tests start from.
type setup struct {
	dir    string
	signer *audit.Signer
	opts   audit.VerifyOptions
}

func newSetup(t *testing.T) *setup {
	t.Helper()
	keyPath := filepath.Join(t.TempDir(), "audit-signing.key")
	s, err := audit.LoadSigner(keyPath, true)
	if err != nil {
		t.Fatal(err)
	}
	return &setup{dir: t.TempDir(), signer: s, opts: audit.VerifyOptions{Keys: []ed25519.PublicKey{s.PublicKey()}}}
}

func (s *setup) trail(t *testing.T, writer string, cfg audit.TrailConfig) *audit.Trail {
	t.Helper()
	store, err := audit.NewFileStore(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Writer = writer
	if cfg.CheckpointInterval == 0 {
		cfg.CheckpointInterval = -1
	}
	tr, err := audit.NewTrail(store, s.signer, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

func (s *setup) verify(t *testing.T, dir string) *audit.Report {
	t.Helper()
	r, err := audit.OpenFileReader(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := audit.Verify(context.Background(), r, s.opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func entry(i int) audit.Entry {
	return audit.Entry{
		Time:  time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second),
		Event: audit.EventView, Actor: fmt.Sprintf("user-%d", i%3), Role: "clinician",
		PatientRef: fmt.Sprintf("pt_%03d", i%5), EncounterID: fmt.Sprintf("enc_%04d", i),
		Service: "clinscribe", Worker: "w", Version: 1, Result: "ok", RequestID: fmt.Sprintf("req-%d", i),
	}
}

func appendN(t *testing.T, tr *audit.Trail, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		if err := tr.Append(context.Background(), entry(i)); err != nil {
			t.Fatal(err)
		}
	}
}

// sampleTrail writes two closed chains with checkpoints in between.
func (s *setup) sampleTrail(t *testing.T) {
	t.Helper()
	a := s.trail(t, "worker-a", audit.TrailConfig{})
	b := s.trail(t, "worker-b", audit.TrailConfig{})
	appendN(t, a, 0, 10)
	appendN(t, b, 100, 5)
	if err := a.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	appendN(t, a, 10, 10)
	appendN(t, b, 105, 5)
	if err := b.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestTrailVerifies(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	s.sampleTrail(t)
	rep := s.verify(t, s.dir)
	if !rep.OK() {
		t.Fatalf("untouched trail does not verify: %v", rep.Problems)
	}
	if rep.Chains != 2 || rep.Records != 30 || rep.Unsigned != 0 || len(rep.Notes) != 0 {
		t.Errorf("report = %d chains, %d records, %d unsigned, notes %v; want 2, 30, 0, none", rep.Chains, rep.Records, rep.Unsigned, rep.Notes)
	}
	// registration a, first record a (signed before it is acknowledged),
	// registration b, first record b, checkpoint a, checkpoint b, close a,
	// close b
	if rep.Checkpoints != 8 {
		t.Errorf("checkpoints = %d, want 8", rep.Checkpoints)
	}
	entries, err := audit.ReadDir(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 30 {
		t.Fatalf("ReadDir: %d entries, want 30", len(entries))
	}
	if diff := cmp.Diff(entry(0).EncounterID, entries[0].EncounterID); diff != "" {
		t.Error(diff)
	}
}

// chainFiles returns the chain files of dir, sorted.
func chainFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "audit-*.jsonl"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no chain files in %s: %v", dir, err)
	}
	return m
}

// writeAtWrittenLength writes b into a chain file where its writer's next
// write would land: right after its last record, over the zeros written
// ahead of it (FileStore), or at the end of a file without them.
func writeAtWrittenLength(t *testing.T, path string, b []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, int64(len(bytes.TrimRight(data, "\x00")))); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func readLines(t *testing.T, path string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.SplitAfter(b, []byte("\n"))
}

func writeLines(t *testing.T, path string, lines [][]byte) {
	t.Helper()
	if err := os.WriteFile(path, bytes.Join(lines, nil), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	s.sampleTrail(t)
	chainA := chainFiles(t, s.dir)[0] // worker-a: 20 records
	base := filepath.Base(chainA)

	tests := []struct {
		name     string
		mutate   func(t *testing.T, dir string)
		wantLine int    // line the first problem names
		wantFile string // file the first problem names
		wantWhat string // substring of what is wrong
	}{
		{
			name: "one byte flipped in an entry",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, base)
				lines := readLines(t, p)
				lines[6] = bytes.Replace(lines[6], []byte(`"actor":"user-0"`), []byte(`"actor":"user-1"`), 1)
				writeLines(t, p, lines)
			},
			wantFile: base, wantLine: 7, wantWhat: "hash does not match",
		},
		{
			name: "one entry deleted",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, base)
				lines := readLines(t, p)
				writeLines(t, p, append(lines[:4:4], lines[5:]...))
			},
			wantFile: base, wantLine: 5, wantWhat: "records 5..5 are missing",
		},
		{
			name: "two entries swapped",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, base)
				lines := readLines(t, p)
				lines[11], lines[12] = lines[12], lines[11]
				writeLines(t, p, lines)
			},
			wantFile: base, wantLine: 12, wantWhat: "seq 13 where 12 was expected",
		},
		{
			name: "tail cut",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, base)
				lines := readLines(t, p)
				writeLines(t, p, lines[:17])
			},
			wantFile: base, wantLine: 17, wantWhat: "records 18..20 were cut off",
		},
		{
			name: "tail cut mid-record",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, base)
				b, _ := os.ReadFile(p)
				os.WriteFile(p, b[:len(b)-40], 0o600)
			},
			wantFile: base, wantLine: 20, wantWhat: "cut short",
		},
		{
			name: "entry inserted",
			mutate: func(t *testing.T, dir string) {
				// Well-formed and linked to the record before it.
				p := filepath.Join(dir, base)
				lines := readLines(t, p)
				forged := forgeNext(t, lines[2])
				writeLines(t, p, append(lines[:3:3], append([][]byte{forged}, lines[3:]...)...))
			},
			wantFile: base, wantLine: 5, wantWhat: "seq 4 where 5 was expected",
		},
		{
			name: "chain rewritten from an entry on, hashes recomputed",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, base)
				lines := readLines(t, p)
				writeLines(t, p, rewriteFrom(t, lines, 6))
			},
			wantFile: base, wantLine: 10, wantWhat: "differs from the head signed in checkpoint #5",
		},
		{
			name: "whole chain deleted",
			mutate: func(t *testing.T, dir string) {
				os.Remove(filepath.Join(dir, base))
			},
			wantFile: base, wantWhat: "segment is missing (deleted)",
		},
		{
			name: "record appended after close",
			mutate: func(t *testing.T, dir string) {
				// A writer that knows the format can extend a chain with a
				// well-formed record; the close checkpoint catches it.
				p := filepath.Join(dir, base)
				lines := readLines(t, p)
				last := lines[len(lines)-2]
				writeLines(t, p, append(lines[:len(lines)-1], forgeNext(t, last)))
			},
			wantFile: base, wantLine: 21, wantWhat: "after the chain was closed",
		},
		{
			name: "checkpoint modified",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "checkpoints.jsonl")
				lines := readLines(t, p)
				// #5 signs worker-a's head at seq 10.
				lines[4] = bytes.Replace(lines[4], []byte(`"seq":10,`), []byte(`"seq":11,`), 1)
				writeLines(t, p, lines)
			},
			wantFile: "checkpoints.jsonl", wantLine: 5, wantWhat: "checkpoint #5",
		},
		{
			name: "checkpoint deleted",
			mutate: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "checkpoints.jsonl")
				lines := readLines(t, p)
				writeLines(t, p, append(lines[:1:1], lines[2:]...))
			},
			wantFile: "checkpoints.jsonl", wantLine: 2, wantWhat: "checkpoint #3 where #2 was expected",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := copyDir(t, s.dir)
			tc.mutate(t, dir)
			rep := s.verify(t, dir)
			if rep.OK() {
				t.Fatal("verify passed a tampered trail")
			}
			p := rep.Problems[0]
			t.Logf("first problem: %s", p)
			if tc.wantFile != "" && filepath.Base(p.Where) != tc.wantFile {
				t.Errorf("names %s, want %s", p.Where, tc.wantFile)
			}
			if tc.wantLine != 0 && p.Line != tc.wantLine {
				t.Errorf("names line %d, want %d", p.Line, tc.wantLine)
			}
			if !strings.Contains(p.What, tc.wantWhat) {
				t.Errorf("says %q, want it to mention %q", p.What, tc.wantWhat)
			}
		})
	}
}

// forgeNext makes a well-formed record that follows line, as an attacker
// who knows the format could.
func forgeNext(t *testing.T, line []byte) []byte {
	t.Helper()
	var prev struct {
		Chain string `json:"chain"`
		Seq   uint64 `json:"seq"`
		Hash  string `json:"hash"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(line), &prev); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(entry(999))
	return audit.ForgeRecordForTest(prev.Chain, prev.Seq+1, prev.Hash, b)
}

// rewriteFrom changes the entry of lines[i] and re-forges it and every
// record after it, so the chain is internally consistent again.
func rewriteFrom(t *testing.T, lines [][]byte, i int) [][]byte {
	t.Helper()
	out := append([][]byte(nil), lines[:i]...)
	prev := lines[i-1]
	for j := i; j < len(lines) && len(bytes.TrimSpace(lines[j])) > 0; j++ {
		var rec struct {
			Entry json.RawMessage `json:"entry"`
		}
		if err := json.Unmarshal(lines[j], &rec); err != nil {
			t.Fatal(err)
		}
		ent := rec.Entry
		if j == i {
			ent = bytes.Replace(ent, []byte(`"result":"ok"`), []byte(`"result":"denied"`), 1)
		}
		var p struct {
			Chain string `json:"chain"`
			Seq   uint64 `json:"seq"`
			Hash  string `json:"hash"`
		}
		if err := json.Unmarshal(prev, &p); err != nil {
			t.Fatal(err)
		}
		line := audit.ForgeRecordForTest(p.Chain, p.Seq+1, p.Hash, ent)
		out = append(out, line)
		prev = line
	}
	return out
}

// memReader is a trail held in memory (file name -> content), so a test
// can verify thousands of variants without touching the disk.
type memReader map[string][]byte

func (m memReader) String() string { return "mem" }

func (m memReader) Chains(context.Context) ([]string, error) {
	var out []string
	for name := range m {
		if c, ok := strings.CutPrefix(name, "audit-"); ok {
			out = append(out, strings.TrimSuffix(c, ".jsonl"))
		}
	}
	sort.Strings(out)
	return out, nil
}

func (m memReader) lines(name string, fn func(audit.Line) error) error {
	b := m[name]
	for n := 1; len(b) > 0; n++ {
		i := bytes.IndexByte(b, '\n')
		l := audit.Line{Where: name, N: n}
		if i < 0 {
			l.Data, l.Partial, b = b, true, nil
		} else {
			l.Data, b = b[:i], b[i+1:]
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return nil
}

func (m memReader) ReadChain(_ context.Context, chain string, fn func(audit.Line) error) error {
	return m.lines("audit-"+chain+".jsonl", fn)
}

func (m memReader) ReadCheckpoints(_ context.Context, fn func(audit.Line) error) error {
	return m.lines("checkpoints.jsonl", fn)
}

func TestVerifyEveryByteFlip(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	s.sampleTrail(t)
	mem := memReader{}
	files, _ := os.ReadDir(s.dir)
	for _, f := range files {
		mem[f.Name()], _ = os.ReadFile(filepath.Join(s.dir, f.Name()))
	}
	if rep, err := audit.Verify(context.Background(), mem, s.opts); err != nil || !rep.OK() {
		t.Fatalf("the in-memory copy does not verify: %v %v", err, rep.Problems)
	}
	for _, name := range []string{filepath.Base(chainFiles(t, s.dir)[0]), "checkpoints.jsonl"} {
		orig := mem[name]
		// Every byte of the third line, with two different flips (0x20
		// turns "seq" into "Seq", which encoding/json would accept).
		lines := bytes.SplitAfter(orig, []byte("\n"))
		start := len(lines[0]) + len(lines[1])
		for i := start; i < start+len(lines[2]); i++ {
			for _, mask := range []byte{0x01, 0x20} {
				b := bytes.Clone(orig)
				b[i] ^= mask
				mem[name] = b
				rep, err := audit.Verify(context.Background(), mem, s.opts)
				if err != nil {
					t.Fatal(err)
				}
				if rep.OK() {
					t.Errorf("%s: byte %d (%q) ^ %#x not detected", name, i-start, orig[i], mask)
				}
			}
		}
		mem[name] = orig
	}
}

func TestVerifyAnchorDetectsCutCheckpointChain(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	s.sampleTrail(t)
	rep := s.verify(t, s.dir)
	anchor := fmt.Sprintf("%d:%s", rep.Last.Seq, rep.Last.Hash)

	// Cut the last two checkpoints and the records they alone vouch for:
	// without an anchor this is the one cut that verifies.
	dir := copyDir(t, s.dir)
	p := filepath.Join(dir, "checkpoints.jsonl")
	lines := readLines(t, p)
	writeLines(t, p, lines[:len(lines)-3])
	opts := s.opts
	r, _ := audit.OpenFileReader(dir)
	got, err := audit.Verify(context.Background(), r, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !got.OK() {
		t.Fatalf("a cut checkpoint tail is expected to pass without an anchor, got %v", got.Problems)
	}
	opts.Anchor = anchor
	got, err = audit.Verify(context.Background(), r, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got.OK() || !strings.Contains(got.Problems[0].What, "was cut") {
		t.Fatalf("with anchor %s: problems %v, want the cut named", anchor, got.Problems)
	}
}

func TestVerifyWrongKey(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	s.sampleTrail(t)
	other := newSetup(t)
	r, _ := audit.OpenFileReader(s.dir)
	rep, err := audit.Verify(context.Background(), r, other.opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.Problems[0].What, "not trusted") {
		t.Fatalf("problems = %v, want an untrusted key", rep.Problems)
	}
}

func TestTornTailOfLiveChainIsANote(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	tr := s.trail(t, "w", audit.TrailConfig{})
	appendN(t, tr, 0, 3)
	// Simulate a crash during the write of record 4: half a line.
	writeAtWrittenLength(t, chainFiles(t, s.dir)[0], []byte(`{"v":1,"chain":"w.2026`))
	rep := s.verify(t, s.dir)
	if !rep.OK() {
		t.Fatalf("problems %v", rep.Problems)
	}
	// The first record was signed before it was acknowledged; 2 and 3 not.
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0].What, "incomplete final record") || rep.Unsigned != 2 {
		t.Fatalf("notes %v, unsigned %d; want one incomplete record and 2 unsigned", rep.Notes, rep.Unsigned)
	}
}

// failingStore fails chain appends while fail is set.
type failingStore struct {
	audit.Store
	mu   sync.Mutex
	fail bool
}

func (f *failingStore) set(v bool) { f.mu.Lock(); f.fail = v; f.mu.Unlock() }

func (f *failingStore) AppendChain(ctx context.Context, chain string, first uint64, recs []byte) error {
	f.mu.Lock()
	fail := f.fail
	f.mu.Unlock()
	if fail {
		return errors.New("injected: disk full")
	}
	return f.Store.AppendChain(ctx, chain, first, recs)
}

func TestTrailRecoversWithANewChain(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	fs, err := audit.NewFileStore(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	store := &failingStore{Store: fs}
	tr, err := audit.NewTrail(store, s.signer, audit.TrailConfig{Writer: "w", CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, tr, 0, 5)
	store.set(true)
	if err := tr.Append(context.Background(), entry(5)); err == nil {
		t.Fatal("Append succeeded while the store failed")
	}
	store.set(false)
	appendN(t, tr, 6, 5)
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	rep := s.verify(t, s.dir)
	if !rep.OK() || rep.Chains != 2 || rep.Records != 10 || rep.Unsigned != 0 {
		t.Fatalf("report: ok=%v chains=%d records=%d unsigned=%d problems=%v; want 2 chains, 10 records, all signed",
			rep.OK(), rep.Chains, rep.Records, rep.Unsigned, rep.Problems)
	}
}

func TestAppendAfterClose(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	tr := s.trail(t, "w", audit.TrailConfig{})
	appendN(t, tr, 0, 1)
	tr.Close()
	if err := tr.Append(context.Background(), entry(1)); !errors.Is(err, audit.ErrClosed) {
		t.Fatalf("Append after Close = %v, want ErrClosed", err)
	}
}

func TestNoChainWithoutEntries(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	tr := s.trail(t, "w", audit.TrailConfig{})
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(s.dir)
	if len(ents) != 0 {
		t.Fatalf("a trail with no entries left %d files", len(ents))
	}
}

func TestAppendRefusesUnsafeEntries(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	tr := s.trail(t, "w", audit.TrailConfig{})
	for name, e := range map[string]audit.Entry{
		"free text":     func() audit.Entry { e := entry(1); e.Actor = "Jane Doe"; return e }(),
		"unknown event": func() audit.Entry { e := entry(1); e.Event = "patient.gossip"; return e }(),
		"no time":       func() audit.Entry { e := entry(1); e.Time = time.Time{}; return e }(),
	} {
		if err := tr.Append(context.Background(), e); !errors.Is(err, audit.ErrUnsafeEntry) {
			t.Errorf("%s: Append = %v, want ErrUnsafeEntry", name, err)
		}
	}
}

func TestSigningKeyFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "keys", "audit.key")
	if _, err := audit.LoadSigner(path, false); !errors.Is(err, audit.ErrNoSigningKey) {
		t.Fatalf("missing key without create: %v, want ErrNoSigningKey", err)
	}
	s, err := audit.LoadSigner(path, true)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("generated key mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	again, err := audit.LoadSigner(path, true)
	if err != nil || again.KeyID() != s.KeyID() {
		t.Fatalf("reload: %v, key %s want %s", err, again.KeyID(), s.KeyID())
	}
	pub, err := audit.ParsePublicKey(audit.PublicKeyPEM(s.PublicKey()))
	if err != nil || audit.KeyID(pub) != s.KeyID() {
		t.Fatalf("public key round trip: %v", err)
	}
	os.Chmod(path, 0o640) // group-readable: Kubernetes fsGroup secrets
	if _, err := audit.LoadSigner(path, false); err != nil {
		t.Fatalf("group-readable key refused: %v", err)
	}
	os.Chmod(path, 0o644)
	if _, err := audit.LoadSigner(path, false); err == nil || !strings.Contains(err.Error(), "readable by others") {
		t.Fatalf("world-readable key: %v, want a refusal", err)
	}
}

// countingStore counts chain appends (store writes).
type countingStore struct {
	audit.Store
	writes atomic.Int64
}

func (c *countingStore) AppendChain(ctx context.Context, chain string, first uint64, recs []byte) error {
	c.writes.Add(1)
	return c.Store.AppendChain(ctx, chain, first, recs)
}

func TestAppendAllCommitsTogether(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	fs, err := audit.NewFileStore(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	store := &countingStore{Store: fs}
	tr, err := audit.NewTrail(store, s.signer, audit.TrailConfig{Writer: "w", CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, tr, 0, 1)
	before := store.writes.Load()
	if err := tr.AppendAll(context.Background(), []audit.Entry{entry(1), entry(2), entry(3)}); err != nil {
		t.Fatal(err)
	}
	if got := store.writes.Load() - before; got != 1 {
		t.Errorf("AppendAll of 3 entries made %d store writes, want 1", got)
	}
	unsafe := entry(5)
	unsafe.Actor = "Jane Doe"
	before = store.writes.Load()
	if err := tr.AppendAll(context.Background(), []audit.Entry{entry(4), unsafe}); !errors.Is(err, audit.ErrUnsafeEntry) {
		t.Fatalf("AppendAll with an unsafe entry = %v, want ErrUnsafeEntry", err)
	}
	if got := store.writes.Load() - before; got != 0 {
		t.Errorf("AppendAll with an unsafe entry made %d store writes, want 0 (nothing appended)", got)
	}
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	rep := s.verify(t, s.dir)
	if !rep.OK() || rep.Records != 4 {
		t.Fatalf("report: ok=%v records=%d problems=%v; want 4 records in order", rep.OK(), rep.Records, rep.Problems)
	}
	entries, err := audit.ReadDir(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.EncounterID)
	}
	if diff := cmp.Diff([]string{"enc_0000", "enc_0001", "enc_0002", "enc_0003"}, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

func TestLogAllWithoutBatchSink(t *testing.T) {
	t.Parallel()
	sink := &audit.MemorySink{}
	lg := audit.NewLogger(sink, "clinscribe", "w", nil)
	a, b := entry(1), entry(2)
	a.Time, b.Time = time.Time{}, time.Time{}
	if err := lg.LogAll(context.Background(), a, b); err != nil {
		t.Fatal(err)
	}
	got := sink.Entries()
	if len(got) != 2 || got[0].EncounterID != "enc_0001" || got[1].EncounterID != "enc_0002" || got[0].Time.IsZero() {
		t.Fatalf("entries = %+v; want both, in order, stamped", got)
	}
	bad := entry(3)
	bad.Event = "patient.gossip"
	if err := lg.LogAll(context.Background(), entry(4), bad); !errors.Is(err, audit.ErrUnsafeEntry) {
		t.Fatalf("LogAll with an unsafe entry = %v, want ErrUnsafeEntry", err)
	}
	if n := len(sink.Entries()); n != 2 {
		t.Fatalf("LogAll with an unsafe entry appended %d, want none", n-2)
	}
}

// A chain file is filled with written zeros ahead of its records while
// its writer lives (so a flush does not also write the inode, issue 18);
// readers take the records only, Close cuts the zeros, and bytes after
// the zeros are not dropped with them.
func TestChainFileZerosAhead(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	tr := s.trail(t, "w", audit.TrailConfig{})
	appendN(t, tr, 0, 3)
	path := chainFiles(t, s.dir)[0]
	live, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	records := bytes.TrimRight(live, "\x00")
	if len(live)-len(records) < 1<<19 || !bytes.HasSuffix(records, []byte("\n")) || bytes.IndexByte(records, 0) >= 0 {
		t.Fatalf("live chain file: %d bytes, %d of records; want the records then zeros", len(live), len(records))
	}
	// A copy taken while the writer lives (or a killed writer's file)
	// verifies, its records all read.
	rep := s.verify(t, copyDir(t, s.dir))
	if !rep.OK() || rep.Records != 3 || len(rep.Notes) != 0 {
		t.Fatalf("copy of a live trail: ok=%v records=%d problems=%v notes=%v", rep.OK(), rep.Records, rep.Problems, rep.Notes)
	}
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	closed, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(closed, records) {
		t.Fatalf("closed chain file: %d bytes, want its %d bytes of records and no zeros", len(closed), len(records))
	}
	if rep := s.verify(t, s.dir); !rep.OK() || rep.Records != 3 {
		t.Fatalf("closed trail: ok=%v records=%d problems=%v", rep.OK(), rep.Records, rep.Problems)
	}
	// Something written past zeros is read, and judged: here a record
	// after the chain's close.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(make([]byte, 4096))
	f.Write(records[:bytes.IndexByte(records, '\n')+1])
	f.Close()
	if rep := s.verify(t, s.dir); rep.OK() {
		t.Fatal("a line after zeros past the chain's end verified")
	}
}
