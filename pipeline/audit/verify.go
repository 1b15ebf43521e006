package audit

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// VerifyOptions say what Verify trusts.
type VerifyOptions struct {
	// Keys are the public keys checkpoints may be signed with (the current
	// audit signing key and any retired ones). At least one is required.
	Keys []ed25519.PublicKey
	// Anchor, if set, is "SEQ:HASH" of a checkpoint recorded outside the
	// store (a ticket, another system, a printout). The store must still
	// hold that checkpoint: this is what detects a cut checkpoint chain.
	Anchor string
}

// Problem is one place where the trail is not as written.
type Problem struct {
	Where string // file or object
	Line  int    // 1-based line in Where; 0 if the problem is the whole file
	Chain string
	Seq   uint64
	What  string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Where)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	var ctx []string
	if p.Chain != "" {
		ctx = append(ctx, "chain "+p.Chain)
	}
	if p.Seq > 0 {
		ctx = append(ctx, fmt.Sprintf("seq %d", p.Seq))
	}
	if len(ctx) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(ctx, ", "))
	}
	b.WriteString(": ")
	b.WriteString(p.What)
	return b.String()
}

// Report is what Verify found.
type Report struct {
	Store       string
	Chains      int
	Records     int
	Checkpoints int
	// Last is the last checkpoint that verified, nil if none.
	Last *Checkpoint
	// Unsigned counts records after the last signed head of their chain:
	// hash-chained, but a cut there is not detectable yet.
	Unsigned int
	// Segments has one entry per chain (one writing process's segment of
	// the trail), registered or present, sorted by chain.
	Segments []Segment
	// Problems are failures, in the order found: the first is the first
	// bad place. Empty means the trail verified.
	Problems []Problem
	// Notes are harmless irregularities (a write cut short by a crash).
	Notes []Problem
}

// OK reports whether the trail verified.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// Segment is what Verify found for one chain: the part of the trail one
// writing process wrote.
type Segment struct {
	Chain string `json:"chain"`
	// Where is its file, or its object prefix on S3.
	Where string `json:"where"`
	// State is how it ended: StateOpen (its writer runs, or died and the
	// segment is not sealed yet), StateClosed, StateSealed (after its
	// writer's crash), StateAbandoned (after a failed write) or
	// StateUnregistered (no checkpoint names it).
	State string `json:"state"`
	// SignedSeq is the last head a checkpoint signed, Checkpoint the
	// checkpoint that signed it first.
	SignedSeq  uint64 `json:"signed_seq"`
	Checkpoint uint64 `json:"checkpoint,omitempty"`
	// SealedBy names the writer that sealed it (StateSealed).
	SealedBy string `json:"sealed_by,omitempty"`
	// Records is how many records verified.
	Records int `json:"records"`
	// Signed counts those at or below SignedSeq: a signature vouches for
	// them.
	Signed int `json:"signed"`
	// Unsigned counts those after SignedSeq: hash-chained only, so their
	// removal from the end would go unnoticed. Expected in an open
	// segment; a failure in a closed or sealed one. In an abandoned
	// segment they were never acknowledged.
	Unsigned int `json:"unsigned"`
	// Missing counts the records up to SignedSeq that are not there, or
	// did not verify: cut off, emptied, deleted or damaged.
	Missing int `json:"missing"`
	// OK: no problem names this segment.
	OK bool `json:"ok"`
}

type mark struct {
	hash  string
	ckSeq uint64
}

type chainState struct {
	marks  map[uint64]mark
	maxSeq uint64 // the highest signed head
	maxCk  uint64 // the checkpoint that signed it first
	// How the chain ended: "" while open, else StateClosed, StateSealed
	// or StateAbandoned, at termSeq, by the checkpoint termCk.
	term     string
	termSeq  uint64
	termCk   uint64
	sealedBy string
}

// fold applies one signed head to the chain's state and returns what is
// wrong with it ("" if nothing).
func (st *chainState) fold(h Head, ck *Checkpoint) string {
	if m, ok := st.marks[h.Seq]; ok && m.hash != h.Hash {
		return fmt.Sprintf("checkpoint #%d disagrees with checkpoint #%d on this head", ck.Seq, m.ckSeq)
	}
	if _, ok := st.marks[h.Seq]; !ok {
		st.marks[h.Seq] = mark{hash: h.Hash, ckSeq: ck.Seq}
	}
	if h.Abandoned {
		// A writer records abandonment at its last durable head, which a
		// Sealer may have sealed at or past already (a write that failed
		// for the writer may have landed): never past an end.
		switch {
		case st.term == "":
			st.term, st.termSeq, st.termCk = StateAbandoned, h.Seq, ck.Seq
		case h.Seq > st.termSeq:
			return fmt.Sprintf("checkpoint #%d moves a chain that was %s at seq %d", ck.Seq, st.term, st.termSeq)
		}
		if h.Seq > st.maxSeq {
			st.maxSeq, st.maxCk = h.Seq, ck.Seq
		}
		return ""
	}
	var what string
	switch {
	case st.term == StateAbandoned && h.Sealed && h.Seq >= st.termSeq:
		// Sealed past the abandoned head: the write that failed landed.
	case st.term != "" && h.Seq != st.termSeq:
		what = fmt.Sprintf("checkpoint #%d moves a chain that was %s at seq %d", ck.Seq, st.term, st.termSeq)
	case h.Seq < st.maxSeq:
		what = fmt.Sprintf("checkpoint #%d moves the head back from seq %d", ck.Seq, st.maxSeq)
	}
	if h.Seq > st.maxSeq {
		st.maxSeq, st.maxCk = h.Seq, ck.Seq
	}
	if (h.Closed || h.Sealed) && (st.term == "" || st.term == StateAbandoned) {
		st.term, st.termSeq, st.termCk = h.State(), h.Seq, ck.Seq
		if h.Sealed {
			st.sealedBy = ck.Writer
		}
	}
	return what
}

// ended reports whether no record may follow termSeq.
func (st *chainState) ended() bool { return st.term == StateClosed || st.term == StateSealed }

// Verify checks a trail: every checkpoint's form, hash, signature and
// link to the one before; every record's form, hash, seq and link; every
// signed head against its chain (a record changed, removed, inserted or
// reordered before it, or the chain cut short of it); that every chain
// with records is registered and every registered chain is present; that
// closed chains stay closed. The error is for failures to read at all.
func Verify(ctx context.Context, r Reader, opts VerifyOptions) (*Report, error) {
	if len(opts.Keys) == 0 {
		return nil, errors.New("audit.Verify: no public key to check checkpoint signatures with")
	}
	keys := map[string]ed25519.PublicKey{}
	for _, k := range opts.Keys {
		keys[KeyID(k)] = k
	}
	var anchorSeq uint64
	var anchorHash string
	if opts.Anchor != "" {
		s, h, ok := strings.Cut(opts.Anchor, ":")
		n, err := strconv.ParseUint(s, 10, 64)
		if !ok || err != nil || n == 0 || !isHash(h) {
			return nil, fmt.Errorf("audit.Verify: anchor %q is not SEQ:HASH", opts.Anchor)
		}
		anchorSeq, anchorHash = n, h
	}
	rep := &Report{Store: r.String()}
	fail := func(p Problem) { rep.Problems = append(rep.Problems, p) }

	listed1, err := r.Chains(ctx)
	if err != nil {
		return nil, err
	}

	// The checkpoint chain.
	states := map[string]*chainState{}
	ckHashes := map[uint64]string{}
	var ckWhere string
	expect, prev := uint64(1), Genesis
	var lastSeq uint64
	err = r.ReadCheckpoints(ctx, func(l Line) error {
		ckWhere = l.Where
		if l.Partial {
			rep.Notes = append(rep.Notes, Problem{Where: l.Where, Line: l.N,
				What: "incomplete final checkpoint (a write cut short by a crash; it was never used)"})
			return nil
		}
		c, err := parseCheckpoint(l.Data, keys)
		if c == nil {
			fail(Problem{Where: l.Where, Line: l.N, What: "checkpoint " + err.Error()})
			return nil
		}
		p := Problem{Where: l.Where, Line: l.N}
		switch {
		case err != nil:
			p.What = fmt.Sprintf("checkpoint #%d: %v", c.Seq, err)
			if errors.Is(err, errHashMismatch) {
				p.What = fmt.Sprintf("checkpoint #%d: hash does not match the content (the checkpoint was modified)", c.Seq)
			}
			fail(p)
		case c.Seq != expect:
			p.What = fmt.Sprintf("checkpoint #%d where #%d was expected: checkpoints were deleted, inserted or reordered", c.Seq, expect)
			fail(p)
		case c.Prev != prev:
			p.What = fmt.Sprintf("checkpoint #%d: prev does not match the hash of checkpoint #%d (a checkpoint was changed, removed or reordered)", c.Seq, c.Seq-1)
			fail(p)
		}
		expect, prev = c.Seq+1, c.Hash
		if err != nil {
			return nil // its heads are not vouched for
		}
		rep.Checkpoints++
		rep.Last = c
		lastSeq = c.Seq
		ckHashes[c.Seq] = c.Hash
		for _, h := range c.Heads {
			st := states[h.Chain]
			if st == nil {
				st = &chainState{marks: map[uint64]mark{}}
				states[h.Chain] = st
			}
			if what := st.fold(h, c); what != "" {
				fail(Problem{Where: l.Where, Line: l.N, Chain: h.Chain, Seq: h.Seq, What: what})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if ckWhere == "" {
		ckWhere = r.String() + " checkpoints"
	}
	if anchorSeq > 0 {
		switch h, ok := ckHashes[anchorSeq]; {
		case !ok && anchorSeq > lastSeq:
			fail(Problem{Where: ckWhere, What: fmt.Sprintf("anchor checkpoint #%d is missing: the checkpoint chain ends at #%d (its tail was cut)", anchorSeq, lastSeq)})
		case !ok:
			fail(Problem{Where: ckWhere, What: fmt.Sprintf("anchor checkpoint #%d is missing or did not verify", anchorSeq)})
		case h != anchorHash:
			fail(Problem{Where: ckWhere, What: fmt.Sprintf("checkpoint #%d has hash %s, not the anchored %s (the checkpoint chain was rewritten)", anchorSeq, h, anchorHash)})
		}
	}

	// Chains listed after the checkpoints were read: a chain registered
	// meanwhile is then listed too, so it is not reported missing.
	listed2, err := r.Chains(ctx)
	if err != nil {
		return nil, err
	}
	present := map[string]bool{}
	for _, c := range append(listed1, listed2...) {
		present[c] = true
	}
	all := map[string]bool{}
	for c := range present {
		all[c] = true
	}
	for c := range states {
		all[c] = true
	}
	names := make([]string, 0, len(all))
	for c := range all {
		names = append(names, c)
	}
	sort.Strings(names)

	for _, chain := range names {
		st := states[chain]
		seg := Segment{Chain: chain, Where: chainWhere(r, chain), State: StateUnregistered}
		if st != nil {
			seg.State, seg.SignedSeq, seg.Checkpoint, seg.SealedBy = StateOpen, st.maxSeq, st.maxCk, st.sealedBy
			if st.term != "" {
				seg.State = st.term
			}
		}
		if !present[chain] {
			// A registered chain always has its file (or, on S3, its first
			// object) before its registration is written.
			seg.Missing = int(st.maxSeq)
			what := fmt.Sprintf("segment is missing (deleted): registered in a checkpoint, but its file or objects are gone; checkpoint #%d signs its head at seq %d", st.maxCk, st.maxSeq)
			if st.maxSeq == 0 {
				what = "segment is missing (deleted): registered in a checkpoint, but its file or objects are gone"
			}
			fail(Problem{Where: seg.Where, Chain: chain, Seq: st.maxSeq, What: what})
			rep.Segments = append(rep.Segments, seg)
			continue
		}
		rep.Chains++
		n, err := verifyChain(ctx, r, chain, st, rep)
		if err != nil {
			return nil, err
		}
		seg.Records = int(n)
		if st != nil {
			seg.Signed = int(min(n, st.maxSeq))
			seg.Missing = int(st.maxSeq - min(n, st.maxSeq))
			if n > st.maxSeq {
				seg.Unsigned = int(n - st.maxSeq)
				rep.Unsigned += seg.Unsigned
			}
		}
		rep.Segments = append(rep.Segments, seg)
	}
	if o, ok := r.(interface {
		Overwrites(context.Context) ([]Problem, error)
	}); ok {
		ps, err := o.Overwrites(ctx)
		if err != nil {
			return nil, err
		}
		rep.Problems = append(rep.Problems, ps...)
	}
	bad := map[string]bool{}
	for _, p := range rep.Problems {
		bad[p.Chain] = true
		if p.Chain == "" {
			// An S3 object written over names its chain by key only.
			for i := range rep.Segments {
				if strings.HasPrefix(p.Where, rep.Segments[i].Where) {
					bad[rep.Segments[i].Chain] = true
				}
			}
		}
	}
	for i := range rep.Segments {
		rep.Segments[i].OK = !bad[rep.Segments[i].Chain]
	}
	return rep, nil
}

// chainWhere names a chain's file or object prefix, for messages.
func chainWhere(r Reader, chain string) string {
	if w, ok := r.(interface{ ChainWhere(string) string }); ok {
		return w.ChainWhere(chain)
	}
	return r.String() + " chain " + chain
}

var errStop = errors.New("stop")

// verifyChain checks one chain and returns its last good seq.
func verifyChain(ctx context.Context, r Reader, chain string, st *chainState, rep *Report) (uint64, error) {
	expect, prev := uint64(1), Genesis
	var where string
	lines := 0
	bad := false
	fail := func(l Line, seq uint64, what string) error {
		rep.Problems = append(rep.Problems, Problem{Where: l.Where, Line: l.N, Chain: chain, Seq: seq, What: what})
		bad = true
		return errStop
	}
	err := r.ReadChain(ctx, chain, func(l Line) error {
		where, lines = l.Where, l.N
		if l.Partial {
			lines--
			if st != nil && expect <= st.maxSeq {
				return fail(l, expect, fmt.Sprintf("record is cut short: the file was truncated (checkpoint #%d signs the head at seq %d)", st.maxCk, st.maxSeq))
			}
			rep.Notes = append(rep.Notes, Problem{Where: l.Where, Line: l.N, Chain: chain, Seq: expect,
				What: "incomplete final record (a write cut short by a crash; it was never acknowledged)"})
			return errStop
		}
		rec, err := parseRecord(l.Data)
		if rec == nil {
			return fail(l, expect, err.Error())
		}
		switch {
		case err != nil:
			return fail(l, rec.Seq, err.Error())
		case rec.Chain != chain:
			return fail(l, rec.Seq, fmt.Sprintf("record belongs to chain %s (moved or inserted)", rec.Chain))
		case rec.Seq > expect:
			return fail(l, rec.Seq, fmt.Sprintf("seq %d where %d was expected: records %d..%d are missing, or records were reordered", rec.Seq, expect, expect, rec.Seq-1))
		case rec.Seq < expect:
			return fail(l, rec.Seq, fmt.Sprintf("seq %d where %d was expected: records were reordered, duplicated or inserted", rec.Seq, expect))
		case rec.Prev != prev:
			return fail(l, rec.Seq, fmt.Sprintf("prev does not match the hash of seq %d (a record was inserted, removed or changed before it)", rec.Seq-1))
		}
		if st != nil {
			if m, ok := st.marks[rec.Seq]; ok && m.hash != rec.Hash {
				return fail(l, rec.Seq, fmt.Sprintf("differs from the head signed in checkpoint #%d (the chain was rewritten)", m.ckSeq))
			}
			if st.ended() && rec.Seq > st.termSeq {
				how := "closed"
				if st.term == StateSealed {
					how = "sealed after its writer's crash"
				}
				return fail(l, rec.Seq, fmt.Sprintf("record after the chain was %s at seq %d (checkpoint #%d): appended later", how, st.termSeq, st.termCk))
			}
			if st.term == StateAbandoned && rec.Seq == st.termSeq+1 {
				rep.Notes = append(rep.Notes, Problem{Where: l.Where, Line: l.N, Chain: chain, Seq: rec.Seq,
					What: fmt.Sprintf("records from here follow the head where the writer abandoned the chain after a failed write (checkpoint #%d): never acknowledged", st.termCk)})
			}
		}
		e, err := rec.DecodeEntry()
		if err == nil {
			err = e.Validate()
		}
		if err != nil {
			return fail(l, rec.Seq, "entry is not a valid audit entry: "+err.Error())
		}
		rep.Records++
		prev = rec.Hash
		expect++
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return 0, err
	}
	last := expect - 1
	if bad {
		return last, nil
	}
	if where == "" {
		where = chainWhere(r, chain)
	}
	switch {
	case st == nil && last == 0:
		rep.Notes = append(rep.Notes, Problem{Where: where, Chain: chain,
			What: "empty chain not registered in any checkpoint (a crash before registration; harmless)"})
	case st == nil:
		rep.Problems = append(rep.Problems, Problem{Where: where, Line: 1, Chain: chain, Seq: 1,
			What: "chain is not registered in any checkpoint (inserted)"})
	case last < st.maxSeq:
		rep.Problems = append(rep.Problems, Problem{Where: where, Line: lines, Chain: chain, Seq: last,
			What: fmt.Sprintf("chain ends at seq %d but checkpoint #%d signs its head at seq %d: records %d..%d were cut off", last, st.maxCk, st.maxSeq, last+1, st.maxSeq)})
	}
	return last, nil
}

// FormatTime is how reports print times.
func FormatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
