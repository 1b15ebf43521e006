package audit_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/storage/s3test"
)

// backend is one kind of store with the attacker's tools for it: a test
// runs once on local files and once on S3 (versitygw).
type backend struct {
	// open returns a new handle on the one backing store, as another
	// process would open it.
	open func(t *testing.T) audit.Store
	// cut keeps the first keep records of a chain, removing the rest.
	cut func(t *testing.T, chain string, keep int)
	// remove deletes a chain entirely (its file; all its objects).
	remove func(t *testing.T, chain string)
	// add appends one line (a forged record) to a chain.
	add func(t *testing.T, chain string, line []byte)
}

type backendMaker struct {
	name string
	make func(t *testing.T) *backend
}

// backends returns the local-file backend and the S3 one. The S3 bucket
// has Object Lock in GOVERNANCE mode, so the test can play an attacker
// who may bypass it and delete objects (in COMPLIANCE mode, the
// production default, nobody can: see TestS3ObjectLock).
func backends(t *testing.T) []backendMaker {
	srv := s3test.Start(t)
	var mu sync.Mutex
	n := 0
	return []backendMaker{
		{"files", func(t *testing.T) *backend {
			dir := t.TempDir()
			path := func(chain string) string { return filepath.Join(dir, "audit-"+chain+".jsonl") }
			return &backend{
				open: func(t *testing.T) audit.Store {
					s, err := audit.NewFileStore(dir)
					if err != nil {
						t.Fatal(err)
					}
					t.Cleanup(func() { s.Close() })
					return s
				},
				cut: func(t *testing.T, chain string, keep int) {
					lines := readLines(t, path(chain))
					writeLines(t, path(chain), lines[:keep])
				},
				remove: func(t *testing.T, chain string) {
					if err := os.Remove(path(chain)); err != nil {
						t.Fatal(err)
					}
				},
				add: func(t *testing.T, chain string, line []byte) {
					writeAtWrittenLength(t, path(chain), line)
				},
			}
		}},
		{"s3", func(t *testing.T) *backend {
			mu.Lock()
			n++
			bucket := fmt.Sprintf("audit-seal-%d", n)
			mu.Unlock()
			lockedBucket(t, srv, bucket)
			c := srv.Client()
			ctx := context.Background()
			keys := func(t *testing.T, chain string) []string {
				out, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String("chains/" + chain + "/")})
				if err != nil {
					t.Fatal(err)
				}
				var ks []string
				for _, o := range out.Contents {
					ks = append(ks, aws.ToString(o.Key))
				}
				sort.Strings(ks)
				return ks
			}
			del := func(t *testing.T, key string) {
				_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), BypassGovernanceRetention: aws.Bool(true)})
				if err != nil {
					t.Fatalf("delete %s bypassing governance: %v", key, err)
				}
			}
			return &backend{
				open: func(t *testing.T) audit.Store {
					s, err := audit.NewS3Store(c, audit.S3Config{Bucket: bucket, Mode: "GOVERNANCE"}, nil)
					if err != nil {
						t.Fatal(err)
					}
					return s
				},
				cut: func(t *testing.T, chain string, keep int) {
					// Sequential appends: one object per record, keyed by its seq.
					for _, k := range keys(t, chain) {
						var seq int
						fmt.Sscanf(filepath.Base(k), "%d.jsonl", &seq)
						if seq > keep {
							del(t, k)
						}
					}
				},
				remove: func(t *testing.T, chain string) {
					for _, k := range keys(t, chain) {
						del(t, k)
					}
				},
				add: func(t *testing.T, chain string, line []byte) {
					// At a new key after the last: a key in use (a sealed
					// chain's fence too) is locked.
					ks := keys(t, chain)
					var last int
					fmt.Sscanf(filepath.Base(ks[len(ks)-1]), "%d.jsonl", &last)
					key := fmt.Sprintf("chains/%s/%020d.jsonl", chain, last+1)
					if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader(line)}); err != nil {
						t.Fatal(err)
					}
				},
			}
		}},
	}
}

// fakeClock is the Sealer's simulated clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

const testLease = time.Minute

// sealRig is a writer on a backend that signs its head after its first
// record and every 4 records, and never by time (so a test decides).
type sealRig struct {
	b      *backend
	signer *audit.Signer
	opts   audit.VerifyOptions
	clock  *fakeClock
}

func newSealRig(t *testing.T, b *backend) *sealRig {
	t.Helper()
	signer, err := audit.GenerateSigner(filepath.Join(t.TempDir(), "key"))
	if err != nil {
		t.Fatal(err)
	}
	return &sealRig{b: b, signer: signer, opts: audit.VerifyOptions{Keys: []ed25519.PublicKey{signer.PublicKey()}}, clock: newFakeClock()}
}

func (r *sealRig) writer(t *testing.T, name string) *audit.Trail {
	t.Helper()
	tr, err := audit.NewTrail(r.b.open(t), r.signer, audit.TrailConfig{
		Writer: name, CheckpointInterval: -1, Lease: -1, CheckpointEvery: 4,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

func (r *sealRig) sealer(t *testing.T, name string) *audit.Sealer {
	t.Helper()
	s, err := audit.NewSealer(r.b.open(t), r.signer, audit.SealerConfig{Writer: name, Lease: testLease, Now: r.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (r *sealRig) sweep(t *testing.T, s *audit.Sealer) audit.SweepResult {
	t.Helper()
	res, err := s.Sweep(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// sweepPastLease sweeps (the Sealer starts watching), lets a lease pass on
// the simulated clock and sweeps again.
func (r *sealRig) sweepPastLease(t *testing.T, s *audit.Sealer) audit.SweepResult {
	t.Helper()
	r.sweep(t, s)
	r.clock.Advance(testLease)
	return r.sweep(t, s)
}

func (r *sealRig) verify(t *testing.T) *audit.Report {
	t.Helper()
	rep, err := audit.Verify(context.Background(), r.b.open(t), r.opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// crashed writes 10 records (signed up to 9: the first before it was
// acknowledged, then after 5 and 9) and crashes; it returns the chain.
func (r *sealRig) crashed(t *testing.T) string {
	t.Helper()
	w := r.writer(t, "w")
	appendN(t, w, 0, 10)
	if err := w.CrashForTest(); err != nil {
		t.Fatal(err)
	}
	return r.onlyChain(t)
}

func (r *sealRig) onlyChain(t *testing.T) string {
	t.Helper()
	chains, err := r.b.open(t).Chains(context.Background())
	if err != nil || len(chains) != 1 {
		t.Fatalf("chains %v, %v; want one", chains, err)
	}
	return chains[0]
}

func segment(t *testing.T, rep *audit.Report, chain string) audit.Segment {
	t.Helper()
	for _, s := range rep.Segments {
		if s.Chain == chain {
			return s
		}
	}
	t.Fatalf("no segment %s in %+v", chain, rep.Segments)
	return audit.Segment{}
}

var segmentCmp = cmpopts.IgnoreFields(audit.Segment{}, "Where", "Checkpoint")

// lastRecord reads the last record line of a chain, for forging the next.
func lastRecord(t *testing.T, s audit.Store, chain string) []byte {
	t.Helper()
	var last []byte
	if err := s.ReadChain(context.Background(), chain, func(l audit.Line) error { last = bytes.Clone(l.Data); return nil }); err != nil {
		t.Fatal(err)
	}
	return last
}

func TestSealAfterCrash(t *testing.T) {
	t.Parallel()
	for _, bm := range backends(t) {
		t.Run(bm.name, func(t *testing.T) {
			t.Parallel()
			r := newSealRig(t, bm.make(t))
			chain := r.crashed(t)

			// Before any Sealer: it verifies, and the unsigned tail shows.
			rep := r.verify(t)
			if !rep.OK() {
				t.Fatalf("a crashed writer's intact trail does not verify: %v", rep.Problems)
			}
			want := audit.Segment{Chain: chain, State: audit.StateOpen, SignedSeq: 9, Records: 10, Signed: 9, Unsigned: 1, OK: true}
			if diff := cmp.Diff(want, segment(t, rep, chain), segmentCmp); diff != "" {
				t.Errorf("before the seal (-want +got):\n%s", diff)
			}

			s := r.sealer(t, "sealer-1")
			if res := r.sweep(t, s); res.Waiting != 1 || len(res.Sealed) != 0 {
				t.Fatalf("first sweep %+v: want the chain watched, not sealed", res)
			}
			r.clock.Advance(testLease - time.Nanosecond)
			if res := r.sweep(t, s); res.Waiting != 1 || len(res.Sealed) != 0 {
				t.Fatalf("sweep before the lease passed %+v: want nothing sealed", res)
			}
			r.clock.Advance(time.Nanosecond)
			res := r.sweep(t, s)
			if len(res.Sealed) != 1 || res.Sealed[0].Chain != chain || res.Sealed[0].Seq != 10 || !res.Sealed[0].Sealed {
				t.Fatalf("sweep a lease later %+v: want the chain sealed at seq 10", res)
			}

			rep = r.verify(t)
			if !rep.OK() {
				t.Fatalf("the sealed trail does not verify: %v", rep.Problems)
			}
			want = audit.Segment{Chain: chain, State: audit.StateSealed, SignedSeq: 10, SealedBy: "sealer-1", Records: 10, Signed: 10, OK: true}
			if diff := cmp.Diff(want, segment(t, rep, chain), segmentCmp); diff != "" {
				t.Errorf("after the seal (-want +got):\n%s", diff)
			}

			// Another process's Sealer finds nothing left to do.
			other := r.sealer(t, "sealer-2")
			if res := r.sweepPastLease(t, other); len(res.Sealed) != 0 || res.Waiting != 0 {
				t.Fatalf("second sealer %+v: want nothing to do", res)
			}
			// Registration, first record, after 5, after 9, the seal.
			if rep := r.verify(t); rep.Checkpoints != 5 {
				t.Errorf("%d checkpoints, want 5: the chain is sealed once", rep.Checkpoints)
			}
		})
	}
}

// TestTamperedSegmentsFail: a crashed writer's segment that is cut below
// its signed head, emptied or deleted fails verification, naming the
// segment, before and after a Sealer ran; so do records added after a
// seal. A cut within the unsigned tail of a segment not yet sealed passes:
// that is the window the signing intervals bound.
func TestTamperedSegmentsFail(t *testing.T) {
	t.Parallel()
	type tc struct {
		name   string
		seal   bool // a Sealer sealed the segment before the tampering
		mutate func(t *testing.T, r *sealRig, chain string)
		want   string // in the first problem; "" = verifies
		seg    audit.Segment
	}
	cases := []tc{
		{
			name:   "tail cut below the signed head",
			mutate: func(t *testing.T, r *sealRig, chain string) { r.b.cut(t, chain, 5) },
			want:   "records 6..9 were cut off",
			seg:    audit.Segment{State: audit.StateOpen, SignedSeq: 9, Records: 5, Signed: 5, Missing: 4},
		},
		{
			name:   "emptied",
			mutate: func(t *testing.T, r *sealRig, chain string) { r.b.cut(t, chain, 0) },
			want:   "records 1..9 were cut off",
			seg:    audit.Segment{State: audit.StateOpen, SignedSeq: 9, Missing: 9},
		},
		{
			name:   "deleted",
			mutate: func(t *testing.T, r *sealRig, chain string) { r.b.remove(t, chain) },
			want:   "segment is missing (deleted)",
			seg:    audit.Segment{State: audit.StateOpen, SignedSeq: 9, Missing: 9},
		},
		{
			name:   "unsigned tail cut, not sealed yet (the window signing bounds)",
			mutate: func(t *testing.T, r *sealRig, chain string) { r.b.cut(t, chain, 9) },
			seg:    audit.Segment{State: audit.StateOpen, SignedSeq: 9, Records: 9, Signed: 9, OK: true},
		},
		{
			name:   "sealed, then its last record cut",
			seal:   true,
			mutate: func(t *testing.T, r *sealRig, chain string) { r.b.cut(t, chain, 9) },
			want:   "records 10..10 were cut off",
			seg:    audit.Segment{State: audit.StateSealed, SealedBy: "sealer", SignedSeq: 10, Records: 9, Signed: 9, Missing: 1},
		},
		{
			name:   "sealed, then emptied",
			seal:   true,
			mutate: func(t *testing.T, r *sealRig, chain string) { r.b.cut(t, chain, 0) },
			want:   "records 1..10 were cut off",
			seg:    audit.Segment{State: audit.StateSealed, SealedBy: "sealer", SignedSeq: 10, Missing: 10},
		},
		{
			name: "sealed, then a forged record added",
			seal: true,
			mutate: func(t *testing.T, r *sealRig, chain string) {
				r.b.add(t, chain, forgeNext(t, lastRecord(t, r.b.open(t), chain)))
			},
			want: "record after the chain was sealed after its writer's crash at seq 10",
			seg:  audit.Segment{State: audit.StateSealed, SealedBy: "sealer", SignedSeq: 10, Records: 10, Signed: 10},
		},
	}
	for _, bm := range backends(t) {
		t.Run(bm.name, func(t *testing.T) {
			t.Parallel()
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					t.Parallel()
					r := newSealRig(t, bm.make(t))
					chain := r.crashed(t)
					if c.seal {
						if res := r.sweepPastLease(t, r.sealer(t, "sealer")); len(res.Sealed) != 1 {
							t.Fatalf("sweep %+v: want the crashed chain sealed", res)
						}
					}
					c.mutate(t, r, chain)
					rep := r.verify(t)
					c.seg.Chain, c.seg.OK = chain, c.want == ""
					if diff := cmp.Diff(c.seg, segment(t, rep, chain), segmentCmp); diff != "" {
						t.Errorf("segment (-want +got):\n%s", diff)
					}
					if c.want == "" {
						if !rep.OK() {
							t.Fatalf("problems %v; want it to verify", rep.Problems)
						}
						return
					}
					if rep.OK() {
						t.Fatal("verify passed a tampered segment")
					}
					p := rep.Problems[0]
					t.Logf("first problem: %s", p)
					if p.Chain != chain || !strings.Contains(p.String(), chain) {
						t.Errorf("first problem %q does not name the segment %s", p, chain)
					}
					if !strings.Contains(p.What, c.want) {
						t.Errorf("first problem says %q, want %q", p.What, c.want)
					}
				})
			}
		})
	}
}

// TestSealerRefusesACutChain: a chain cut below its signed head, or
// deleted, before any Sealer ran is not sealed over (that would bind the
// cut), and not retried; verify names it.
func TestSealerRefusesACutChain(t *testing.T) {
	t.Parallel()
	for _, bm := range backends(t) {
		for _, tc := range []struct {
			name   string
			tamper func(t *testing.T, b *backend, chain string)
		}{
			{"cut", func(t *testing.T, b *backend, chain string) { b.cut(t, chain, 3) }},
			{"deleted", func(t *testing.T, b *backend, chain string) { b.remove(t, chain) }},
		} {
			t.Run(bm.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				r := newSealRig(t, bm.make(t))
				chain := r.crashed(t)
				tc.tamper(t, r.b, chain)
				s := r.sealer(t, "sealer")
				res := r.sweepPastLease(t, s)
				if diff := cmp.Diff([]string{chain}, res.Refused); diff != "" || len(res.Sealed) != 0 {
					t.Fatalf("sweep %+v: want the chain refused (-want +got):\n%s", res, diff)
				}
				r.clock.Advance(testLease)
				if res := r.sweep(t, s); len(res.Refused) != 0 || len(res.Sealed) != 0 || res.Waiting != 0 {
					t.Fatalf("next sweep %+v: want the refused chain left alone", res)
				}
				if rep := r.verify(t); rep.OK() || rep.Problems[0].Chain != chain {
					t.Fatalf("problems %v; want the chain named", rep.Problems)
				}
			})
		}
	}
}

// TestSealerAndLiveWriters: a writer whose lease is renewed is never
// sealed. One that misses its lease while alive is not sealed on local
// files (it holds its chain's lock); on S3 it is fenced, and its next
// append starts a new chain: the trail verifies either way.
func TestSealerAndLiveWriters(t *testing.T) {
	t.Parallel()
	for _, bm := range backends(t) {
		t.Run(bm.name, func(t *testing.T) {
			t.Parallel()
			r := newSealRig(t, bm.make(t))
			w := r.writer(t, "w")
			appendN(t, w, 0, 3)
			s := r.sealer(t, "sealer")

			t.Run("lease renewed", func(t *testing.T) {
				for i := range 3 {
					r.sweep(t, s)
					r.clock.Advance(testLease)
					if err := w.Checkpoint(context.Background()); err != nil { // the heartbeat
						t.Fatal(err)
					}
					if res := r.sweep(t, s); len(res.Sealed) != 0 || res.Live != 0 {
						t.Fatalf("round %d: %+v; a writer that renews its lease is left alone", i, res)
					}
				}
			})

			t.Run("lease missed", func(t *testing.T) {
				res := r.sweepPastLease(t, s)
				chain := r.onlyChain(t)
				switch bm.name {
				case "files":
					if res.Live != 1 || len(res.Sealed) != 0 {
						t.Fatalf("sweep %+v: want the live writer's lock to refuse the claim", res)
					}
					appendN(t, w, 3, 2)
				case "s3":
					if len(res.Sealed) != 1 || res.Sealed[0].Chain != chain || res.Sealed[0].Seq != 3 {
						t.Fatalf("sweep %+v: want the writer that missed its lease fenced and sealed at seq 3", res)
					}
					if err := w.Append(context.Background(), entry(3)); err == nil {
						t.Fatal("an append past the fence succeeded")
					}
					appendN(t, w, 4, 2) // a new chain
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				rep := r.verify(t)
				if !rep.OK() || rep.Unsigned != 0 {
					t.Fatalf("problems %v, unsigned %d; want it to verify, all signed", rep.Problems, rep.Unsigned)
				}
				var states []string
				for _, seg := range rep.Segments {
					states = append(states, seg.State)
				}
				sort.Strings(states)
				want := map[string][]string{"files": {audit.StateClosed}, "s3": {audit.StateClosed, audit.StateSealed}}[bm.name]
				if diff := cmp.Diff(want, states); diff != "" {
					t.Errorf("segment states (-want +got):\n%s", diff)
				}
			})
		})
	}
}

// TestAbandonedChainIsNotSealed: after a failed write the writer records
// the chain as abandoned and moves on; a Sealer leaves it alone, and a
// record that landed after the abandoned head is a note, not a failure.
func TestAbandonedChainIsNotSealed(t *testing.T) {
	t.Parallel()
	r := newSealRig(t, backends(t)[0].make(t))
	fs := r.b.open(t)
	store := &failingStore{Store: fs}
	w, err := audit.NewTrail(store, r.signer, audit.TrailConfig{Writer: "w", CheckpointInterval: -1, Lease: -1})
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, w, 0, 3)
	store.set(true)
	if err := w.Append(context.Background(), entry(3)); err == nil {
		t.Fatal("Append succeeded while the store failed")
	}
	store.set(false)
	appendN(t, w, 4, 2)
	var first string // the abandoned chain, recorded with the next one's registration
	for _, seg := range r.verify(t).Segments {
		if seg.State == audit.StateAbandoned {
			first = seg.Chain
		}
	}
	if first == "" {
		t.Fatal("no abandoned segment")
	}
	if res := r.sweepPastLease(t, r.sealer(t, "sealer")); len(res.Sealed) != 0 {
		t.Fatalf("sweep %+v: the abandoned chain (or the live one) was sealed", res)
	}
	// The failed write had landed after all.
	r.b.add(t, first, forgeNext(t, lastRecord(t, fs, first)))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rep := r.verify(t)
	if !rep.OK() {
		t.Fatalf("problems %v", rep.Problems)
	}
	if diff := cmp.Diff(audit.StateAbandoned, segment(t, rep, first).State); diff != "" {
		t.Error(diff)
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0].What, "never acknowledged") {
		t.Errorf("notes %v; want the record after the abandoned head noted", rep.Notes)
	}
}

// TestSealerClaimsOnce: two Sealers sweeping the same store at once seal a
// dead writer's chain exactly once.
func TestSealerClaimsOnce(t *testing.T) {
	t.Parallel()
	for _, bm := range backends(t) {
		t.Run(bm.name, func(t *testing.T) {
			t.Parallel()
			r := newSealRig(t, bm.make(t))
			chain := r.crashed(t)
			sealers := []*audit.Sealer{r.sealer(t, "s1"), r.sealer(t, "s2"), r.sealer(t, "s3")}
			for _, s := range sealers {
				r.sweep(t, s)
			}
			r.clock.Advance(testLease)
			var wg sync.WaitGroup
			results := make([]audit.SweepResult, len(sealers))
			for i, s := range sealers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					res, err := s.Sweep(context.Background())
					if err != nil {
						t.Error(err)
					}
					results[i] = res
				}()
			}
			wg.Wait()
			sealed := 0
			for _, res := range results {
				sealed += len(res.Sealed)
			}
			rep := r.verify(t)
			if !rep.OK() || segment(t, rep, chain).State != audit.StateSealed {
				t.Fatalf("problems %v, segment %+v", rep.Problems, segment(t, rep, chain))
			}
			if sealed != 1 {
				t.Errorf("sealed %d times (results %+v), want once", sealed, results)
			}
		})
	}
}

// TestTrailSigningSchedule: on a simulated clock (testing/synctest), a
// writer signs its head at chain start, after its first record (before
// acknowledging it), every CheckpointEvery records, every
// CheckpointInterval while the head moves, every Lease/2 while idle (the
// heartbeat that keeps Sealers away), and at close.
func TestTrailSigningSchedule(t *testing.T) {
	t.Parallel()
	type step struct {
		name    string
		do      func(t *testing.T, tr *audit.Trail)
		signed  uint64 // the chain's signed head afterwards
		records int
		cks     int // checkpoints so far
	}
	appendOne := func(i int) func(t *testing.T, tr *audit.Trail) {
		return func(t *testing.T, tr *audit.Trail) { appendN(t, tr, i, 1) }
	}
	wait := func(d time.Duration) func(t *testing.T, tr *audit.Trail) {
		return func(t *testing.T, tr *audit.Trail) { time.Sleep(d); synctest.Wait() }
	}
	steps := []step{
		{"first record: registration and its own signature", appendOne(0), 1, 1, 2},
		{"records 2-3: unsigned", func(t *testing.T, tr *audit.Trail) { appendN(t, tr, 1, 2) }, 1, 3, 2},
		{"record 4: fewer than CheckpointEvery unsigned", appendOne(3), 1, 4, 2},
		{"record 5: CheckpointEvery (4) reached", appendOne(4), 5, 5, 3},
		{"record 6, then the interval (10s) passes", func(t *testing.T, tr *audit.Trail) {
			appendOne(5)(t, tr)
			wait(10*time.Second+time.Millisecond)(t, tr)
		}, 6, 6, 4},
		{"idle 25s: no heartbeat before Lease/2 (30s)", wait(25 * time.Second), 6, 6, 4},
		{"idle to 30s: a heartbeat", wait(5 * time.Second), 6, 6, 5},
		{"idle 30s more: another", wait(30 * time.Second), 6, 6, 6},
	}
	synctest.Test(t, func(t *testing.T) {
		dir := t.TempDir()
		signer, err := audit.GenerateSigner(filepath.Join(t.TempDir(), "key"))
		if err != nil {
			t.Fatal(err)
		}
		store, err := audit.NewFileStore(dir)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := audit.NewTrail(store, signer, audit.TrailConfig{
			Writer: "w", CheckpointInterval: 10 * time.Second, CheckpointEvery: 4, Lease: time.Minute,
		})
		if err != nil {
			t.Fatal(err)
		}
		opts := audit.VerifyOptions{Keys: []ed25519.PublicKey{signer.PublicKey()}}
		check := func(name string, signed uint64, records, cks int) {
			t.Helper()
			r, _ := audit.OpenFileReader(dir)
			rep, err := audit.Verify(context.Background(), r, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK() || len(rep.Segments) != 1 {
				t.Fatalf("%s: problems %v, segments %+v", name, rep.Problems, rep.Segments)
			}
			got := fmt.Sprintf("signed %d, records %d, checkpoints %d", rep.Segments[0].SignedSeq, rep.Segments[0].Records, rep.Checkpoints)
			if want := fmt.Sprintf("signed %d, records %d, checkpoints %d", signed, records, cks); got != want {
				t.Errorf("%s: %s; want %s", name, got, want)
			}
		}
		for _, s := range steps {
			s.do(t, tr)
			synctest.Wait() // the loop signs after it acknowledged
			check(s.name, s.signed, s.records, s.cks)
		}
		if err := tr.Close(); err != nil {
			t.Fatal(err)
		}
		check("close", 6, 6, 7)
	})
}

// TestSealerLookback: a Sealer that starts reads only the newest
// checkpoints (SealerConfig.Lookback); a dead writer whose last checkpoint
// is older is not considered, one within the window is sealed.
func TestSealerLookback(t *testing.T) {
	t.Parallel()
	bm := backends(t)[1] // S3: RecentCheckpoints counts checkpoints exactly
	r := newSealRig(t, bm.make(t))
	old := r.writer(t, "old")
	appendN(t, old, 0, 2) // registration, first record: checkpoints 1, 2
	old.CrashForTest()
	busy := r.writer(t, "busy")
	appendN(t, busy, 0, 1) // registration, first record: 3, 4
	for range 8 {          // heartbeats: 5..12
		if err := busy.Checkpoint(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	recent := r.writer(t, "recent")
	appendN(t, recent, 0, 3) // 13, 14
	recent.CrashForTest()
	busy.Close() // 15

	s, err := audit.NewSealer(r.b.open(t), r.signer, audit.SealerConfig{Writer: "sealer", Lease: testLease, Now: r.clock.Now, Lookback: 4})
	if err != nil {
		t.Fatal(err)
	}
	res := r.sweepPastLease(t, s)
	var sealed []string
	for _, h := range res.Sealed {
		sealed = append(sealed, strings.SplitN(h.Chain, ".", 2)[0])
	}
	if diff := cmp.Diff([]string{"recent"}, sealed); diff != "" {
		t.Errorf("sealed (-want +got):\n%s", diff)
	}
	all := r.sealer(t, "sealer-all") // the default lookback covers everything here
	if res := r.sweepPastLease(t, all); len(res.Sealed) != 1 || !strings.HasPrefix(res.Sealed[0].Chain, "old.") {
		t.Errorf("a sealer reading further back: %+v, want the old chain sealed", res)
	}
}
