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
	// Problems are failures, in the order found: the first is the first
	// bad place. Empty means the trail verified.
	Problems []Problem
	// Notes are harmless irregularities (a write cut short by a crash).
	Notes []Problem
}

// OK reports whether the trail verified.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

type mark struct {
	hash  string
	ckSeq uint64
}

type chainState struct {
	marks     map[uint64]mark
	maxSeq    uint64
	maxCk     uint64
	closed    bool
	closedSeq uint64
}

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
			if m, ok := st.marks[h.Seq]; ok && m.hash != h.Hash {
				fail(Problem{Where: l.Where, Line: l.N, Chain: h.Chain, Seq: h.Seq,
					What: fmt.Sprintf("checkpoint #%d disagrees with checkpoint #%d on this head", c.Seq, m.ckSeq)})
			}
			if st.closed && h.Seq != st.closedSeq {
				fail(Problem{Where: l.Where, Line: l.N, Chain: h.Chain, Seq: h.Seq,
					What: fmt.Sprintf("checkpoint #%d moves a chain that was closed at seq %d", c.Seq, st.closedSeq)})
			}
			if h.Seq < st.maxSeq {
				fail(Problem{Where: l.Where, Line: l.N, Chain: h.Chain, Seq: h.Seq,
					What: fmt.Sprintf("checkpoint #%d moves the head back from seq %d", c.Seq, st.maxSeq)})
			}
			st.marks[h.Seq] = mark{hash: h.Hash, ckSeq: c.Seq}
			if h.Seq >= st.maxSeq {
				st.maxSeq, st.maxCk = h.Seq, c.Seq
			}
			if h.Closed && !st.closed {
				st.closed, st.closedSeq = true, h.Seq
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
		if !present[chain] {
			if st.maxSeq > 0 {
				fail(Problem{Where: r.String(), Chain: chain, Seq: st.maxSeq,
					What: fmt.Sprintf("chain is missing (deleted): checkpoint #%d signs its head at seq %d", st.maxCk, st.maxSeq)})
			}
			continue
		}
		rep.Chains++
		n, err := verifyChain(ctx, r, chain, st, rep)
		if err != nil {
			return nil, err
		}
		if st != nil && n > st.maxSeq {
			rep.Unsigned += int(n - st.maxSeq)
		}
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
	return rep, nil
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
			if st.closed && rec.Seq > st.closedSeq {
				return fail(l, rec.Seq, fmt.Sprintf("record after the chain was closed at seq %d (appended)", st.closedSeq))
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
		where = chain
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
