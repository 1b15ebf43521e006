package audit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"time"
)

// TrailConfig configures a Trail.
type TrailConfig struct {
	// Writer identifies the process (the worker ID). Each chain the Trail
	// starts is named <Writer>.<UTC start time>.<random>, so a restarted
	// process, or one that shares a worker ID by mistake, never appends to
	// another's chain.
	Writer string
	// CheckpointInterval is how often a signed checkpoint of the chain's
	// head is added while entries are written. Entries after the last
	// checkpoint are hash-chained but not yet signed: this bounds (with
	// CheckpointEvery) the window in which a cut tail goes unnoticed.
	// Zero means DefaultCheckpointInterval (5 seconds); negative means not
	// by time (only at chain start, after the first batch, by
	// CheckpointEvery, as lease heartbeats and at close).
	CheckpointInterval time.Duration
	// CheckpointEvery adds a checkpoint once this many entries are
	// unsigned, right after the commit that reached it. Zero means
	// DefaultCheckpointEvery (256); negative means not by count.
	CheckpointEvery int
	// Lease is how long the chain stays this writer's without a
	// checkpoint: when its head has not been signed for Lease/2 (an idle
	// writer), the Trail signs it again (a heartbeat). A Sealer seals a
	// chain only after seeing no checkpoint of it for a whole Lease by its
	// own clock. Every process sharing a trail must use the same Lease.
	// Zero means DefaultLease (1 minute); negative means no heartbeats
	// (tests only: a Sealer may then take an idle live chain for dead).
	Lease time.Duration
	// MaxBatch is how many entries one write+fsync (one object, on S3) may
	// carry: concurrent appends are committed together (group commit).
	// Zero means 512; 1 means one fsync per entry.
	MaxBatch int
	// WriteTimeout bounds one store write. Zero means 30 seconds.
	WriteTimeout time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Log receives store failures; nil means slog.Default.
	Log *slog.Logger
}

// Defaults of TrailConfig and SealerConfig.
const (
	DefaultCheckpointInterval = 5 * time.Second
	DefaultCheckpointEvery    = 256
	DefaultLease              = time.Minute
)

func (c TrailConfig) withDefaults() TrailConfig {
	if c.CheckpointInterval == 0 {
		c.CheckpointInterval = DefaultCheckpointInterval
	}
	if c.CheckpointEvery == 0 {
		c.CheckpointEvery = DefaultCheckpointEvery
	}
	if c.Lease == 0 {
		c.Lease = DefaultLease
	}
	if c.MaxBatch <= 0 {
		c.MaxBatch = 512
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = 30 * time.Second
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	return c
}

// tick is how often the loop looks at whether to sign: the checkpoint
// interval, or half the lease if that is shorter; 0 for never.
func (c TrailConfig) tick() time.Duration {
	var d time.Duration
	if c.CheckpointInterval > 0 {
		d = c.CheckpointInterval
	}
	if h := c.Lease / 2; h > 0 && (d == 0 || h < d) {
		d = h
	}
	return d
}

// Trail is the tamper-evident Sink: it hash-chains entries into its own
// chain in a Store, commits concurrent appends together, and signs
// checkpoints of its head into the checkpoint chain shared by all writers.
//
// Append returns once the entry is durable. If the store fails, Append
// fails (the caller must not go on: fail closed) and the chain is
// abandoned; the next Append starts a new chain, whose registration
// checkpoint also records the last durable head of the abandoned one.
type Trail struct {
	store  Store
	signer *Signer
	cfg    TrailConfig

	reqs    chan *appendReq
	ckReqs  chan chan error
	closing chan struct{}
	stopped chan struct{}
	closeMu chan struct{} // one Close at a time
	err     error         // Close's result, set before stopped closes
	crash   bool          // tests: Close stops as SIGKILL would (see crashForTest)

	// Owned by the loop goroutine.
	chain   string // "" when no chain is open
	seq     uint64
	head    string
	ckSeq   uint64    // head seq in this chain's last checkpoint
	ckAt    time.Time // when it was written (the lease was renewed)
	pending []Head    // heads of abandoned chains not yet checkpointed
}

var _ BatchSink = (*Trail)(nil)

// appendReq is one Append (one entry) or one AppendAll (its entries,
// committed consecutively in one write).
type appendReq struct {
	entries [][]byte
	done    chan error
}

// ErrClosed is returned by Append after Close.
var ErrClosed = errors.New("audit: trail closed")

var errClosed = ErrClosed

// NewTrail starts a Trail. No chain is created until the first Append, so
// a process that writes no entry leaves nothing behind.
func NewTrail(store Store, signer *Signer, cfg TrailConfig) (*Trail, error) {
	if store == nil || signer == nil {
		return nil, errors.New("audit.NewTrail: a store and a signer are required")
	}
	if !ValidChain(cfg.Writer) || len(cfg.Writer) > 150 {
		return nil, fmt.Errorf("audit.NewTrail: writer %q must be 1-150 of [A-Za-z0-9._-]", cfg.Writer)
	}
	cfg = cfg.withDefaults()
	t := &Trail{
		store: store, signer: signer, cfg: cfg,
		reqs: make(chan *appendReq, cfg.MaxBatch), ckReqs: make(chan chan error),
		closing: make(chan struct{}), stopped: make(chan struct{}), closeMu: make(chan struct{}, 1),
	}
	go t.loop()
	return t, nil
}

// Append implements Sink: it returns once e is durable in the store, or
// with the error that kept it from being so. ctx bounds only the wait to
// be queued.
func (t *Trail) Append(ctx context.Context, e Entry) error {
	return t.AppendAll(ctx, []Entry{e})
}

// AppendAll implements BatchSink: the entries go into one commit,
// consecutive in the chain, and it returns once all are durable, or with
// the error that kept them from being so. ctx bounds only the wait to be
// queued. An entry that fails validation fails the call before any is
// queued.
func (t *Trail) AppendAll(ctx context.Context, entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	r := &appendReq{entries: make([][]byte, len(entries)), done: make(chan error, 1)}
	for i := range entries {
		if err := entries[i].Validate(); err != nil {
			return err
		}
		b, err := json.Marshal(entries[i])
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		r.entries[i] = b
	}
	select {
	case t.reqs <- r:
	case <-t.closing:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	// Once queued, the answer is awaited whatever ctx does (a store write
	// is bounded by WriteTimeout): the caller learns whether the entry is
	// durable, rather than guessing after a cancel.
	select {
	case err := <-r.done:
		return err
	case <-t.stopped:
		// The request may have slipped in after the last drain.
		select {
		case err := <-r.done:
			return err
		default:
			return ErrClosed
		}
	}
}

// Checkpoint adds a checkpoint of the current head now, if a chain is
// open (renewing its lease even if the head did not move).
func (t *Trail) Checkpoint(ctx context.Context) error {
	done := make(chan error, 1)
	select {
	case t.ckReqs <- done:
	case <-t.closing:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close commits what is queued, closes the chain with a final checkpoint
// and closes the store.
func (t *Trail) Close() error {
	t.closeMu <- struct{}{}
	defer func() { <-t.closeMu }()
	select {
	case <-t.stopped:
		return nil
	default:
	}
	close(t.closing)
	<-t.stopped
	return t.err
}

func (t *Trail) loop() {
	defer close(t.stopped)
	var tick <-chan time.Time
	if d := t.cfg.tick(); d > 0 {
		ticker := time.NewTicker(d)
		defer ticker.Stop()
		tick = ticker.C
	}
	batch := make([]*appendReq, 0, t.cfg.MaxBatch)
	for {
		select {
		case r := <-t.reqs:
			batch = append(batch[:0], r)
			// Appenders woken by the previous commit are still on their
			// way: let them queue, so this commit carries them too.
			runtime.Gosched()
		fill:
			for len(batch) < t.cfg.MaxBatch {
				select {
				case r := <-t.reqs:
					batch = append(batch, r)
				default:
					break fill
				}
			}
			t.commit(batch)
		case <-tick:
			if !t.due() {
				continue
			}
			if err := t.checkpoint(false, true); err != nil {
				t.cfg.Log.Error("audit checkpoint failed; entries stay hash-chained but unsigned until one succeeds",
					"store", t.store.String(), "error", err)
			}
		case done := <-t.ckReqs:
			done <- t.checkpoint(false, true)
		case <-t.closing:
			if t.crash {
				t.err = t.store.Close() // no final checkpoint; files (and locks) closed
				return
			}
			for {
				select {
				case r := <-t.reqs:
					t.commit([]*appendReq{r})
					continue
				default:
				}
				break
			}
			var errs []error
			if t.chain != "" || len(t.pending) > 0 {
				errs = append(errs, t.checkpoint(true, false))
			}
			errs = append(errs, t.store.Close())
			t.err = errors.Join(errs...)
			return
		}
	}
}

// commit writes a batch as consecutive records with one store write.
func (t *Trail) commit(batch []*appendReq) {
	reply := func(err error) {
		for _, r := range batch {
			r.done <- err
		}
	}
	if t.chain == "" {
		if err := t.open(); err != nil {
			reply(fmt.Errorf("audit: start chain: %w", err))
			return
		}
	}
	first := t.seq + 1
	seq, head := t.seq, t.head
	size := 0
	for _, r := range batch {
		for _, e := range r.entries {
			size += len(e) + 256
		}
	}
	buf := make([]byte, 0, size)
	for _, r := range batch {
		for _, e := range r.entries {
			seq++
			// e is json.Marshal's (AppendAll), t.chain valid, head a hash.
			buf, head = appendRecord(buf, t.chain, seq, head, e)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), t.cfg.WriteTimeout)
	err := t.store.AppendChain(ctx, t.chain, first, buf)
	cancel()
	if err != nil {
		t.cfg.Log.Error("audit store write failed; chain abandoned, a new one starts with the next entry",
			"store", t.store.String(), "chain", t.chain, "durable_seq", t.seq, "error", err)
		// Recorded as abandoned at its last durable head by the next
		// checkpoint (the file stays locked until then, so no Sealer
		// takes it meanwhile).
		t.pending = append(t.pending, Head{Chain: t.chain, Seq: t.seq, Hash: t.head, Abandoned: true})
		t.chain = ""
		reply(err)
		return
	}
	t.seq, t.head = seq, head
	if t.ckSeq == 0 {
		// A chain's first records are signed before they are acknowledged:
		// so a chain whose signed head is still 0 acknowledged nothing, and
		// emptying or deleting a chain that did always fails verification.
		if err := t.checkpoint(false, false); err != nil {
			reply(fmt.Errorf("audit: sign the chain's first records: %w", err))
			return
		}
	}
	reply(nil)
	if t.cfg.CheckpointEvery > 0 && t.seq-t.ckSeq >= uint64(t.cfg.CheckpointEvery) {
		if err := t.checkpoint(false, false); err != nil {
			t.cfg.Log.Error("audit checkpoint failed; entries stay hash-chained but unsigned until one succeeds",
				"store", t.store.String(), "error", err)
		}
	}
}

// due reports whether a timed checkpoint is due: the head moved and the
// interval passed, half the lease passed (a heartbeat), or an abandoned
// chain's head is still unrecorded.
func (t *Trail) due() bool {
	if len(t.pending) > 0 {
		return true
	}
	if t.chain == "" {
		return false
	}
	since := t.cfg.Now().Sub(t.ckAt)
	if t.seq != t.ckSeq && t.cfg.CheckpointInterval > 0 && since >= t.cfg.CheckpointInterval-t.cfg.CheckpointInterval/10 {
		return true
	}
	return t.cfg.Lease > 0 && since >= t.cfg.Lease/2-t.cfg.Lease/20
}

// open starts a new chain: the file (or prefix) first, then a checkpoint
// registering it at seq 0, so every chain with records is known to the
// checkpoint chain before its first record exists.
func (t *Trail) open() error {
	var rnd [3]byte
	_, _ = rand.Read(rnd[:])
	chain := fmt.Sprintf("%s.%s.%s", t.cfg.Writer, t.cfg.Now().UTC().Format("20060102T150405Z"), hex.EncodeToString(rnd[:]))
	ctx, cancel := context.WithTimeout(context.Background(), t.cfg.WriteTimeout)
	defer cancel()
	if err := t.store.CreateChain(ctx, chain); err != nil {
		return err
	}
	heads := append(t.pending, Head{Chain: chain, Seq: 0, Hash: Genesis})
	if err := t.writeCheckpoint(ctx, chain, heads); err != nil {
		// The empty chain stays unregistered; verify notes it as harmless.
		return err
	}
	t.pending = nil
	t.chain, t.seq, t.head, t.ckSeq, t.ckAt = chain, 0, Genesis, 0, t.cfg.Now()
	return nil
}

// checkpoint records the open chain's head if it moved, or always when
// renew is set (a heartbeat renewing the lease); when closing, it marks
// the chain closed.
func (t *Trail) checkpoint(closing, renew bool) error {
	var heads []Head
	heads = append(heads, t.pending...)
	if t.chain != "" && (closing || renew || t.seq != t.ckSeq) {
		heads = append(heads, Head{Chain: t.chain, Seq: t.seq, Hash: t.head, Closed: closing})
	}
	if len(heads) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), t.cfg.WriteTimeout)
	defer cancel()
	writer := t.chain
	if writer == "" {
		writer = heads[0].Chain
	}
	if err := t.writeCheckpoint(ctx, writer, heads); err != nil {
		return err
	}
	t.pending = nil
	t.ckSeq, t.ckAt = t.seq, t.cfg.Now()
	return nil
}

func (t *Trail) writeCheckpoint(ctx context.Context, writer string, heads []Head) error {
	return t.store.AppendCheckpoint(ctx, func(last []byte) (uint64, []byte, error) {
		prevSeq, prevHash := uint64(0), Genesis
		if last != nil {
			prev, err := parseCheckpoint(last, nil)
			if err != nil {
				return 0, nil, fmt.Errorf("audit: the last checkpoint is damaged (%v); run `clinscribe audit verify`", err)
			}
			prevSeq, prevHash = prev.Seq, prev.Hash
		}
		c := &Checkpoint{Seq: prevSeq + 1, Prev: prevHash, Time: t.cfg.Now().UTC(), Writer: writer, Heads: heads}
		line, err := t.signer.encodeCheckpoint(c)
		return c.Seq, line, err
	})
}
