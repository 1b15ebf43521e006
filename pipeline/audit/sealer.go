package audit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sort"
	"sync"
	"time"
)

// SealerConfig configures a Sealer.
type SealerConfig struct {
	// Writer names this process in the checkpoints it writes (the worker
	// ID). Required.
	Writer string
	// Lease is how long a chain may go without a checkpoint before its
	// writer is presumed dead: the Sealer must itself have seen no new
	// checkpoint of the chain for Lease, measured by its own clock from
	// when it first looked, so no two machines' clocks are compared. It
	// must be the writers' TrailConfig.Lease. Zero means DefaultLease.
	Lease time.Duration
	// Interval is the time between sweeps in Run. Zero means Lease/2.
	Interval time.Duration
	// Lookback is how many of the newest checkpoints the first sweep
	// reads; later sweeps read what was added. A chain whose last
	// checkpoint is older was, if its writer died, sealed by a Sealer
	// that ran then — or nothing ran: after a whole fleet stopped, the
	// dead writers' last checkpoints are the newest. Zero means
	// DefaultSealLookback (10,000); negative means all.
	Lookback int
	// WriteTimeout bounds one sweep's store calls. Zero means 30 seconds.
	WriteTimeout time.Duration
	// Now is the clock (its monotonic reading is what counts); nil means
	// time.Now.
	Now func() time.Time
	// Log receives what the Sealer did; nil means slog.Default.
	Log *slog.Logger
}

func (c SealerConfig) withDefaults() SealerConfig {
	if c.Lease <= 0 {
		c.Lease = DefaultLease
	}
	if c.Interval <= 0 {
		c.Interval = c.Lease / 2
	}
	if c.Lookback == 0 {
		c.Lookback = DefaultSealLookback
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

// DefaultSealLookback is SealerConfig.Lookback's default.
const DefaultSealLookback = 10000

// Sealer finds the chains of writers that died (killed, crashed, lost
// their machine) and seals each with a signed "sealed after crash"
// checkpoint that binds the head it found. Without it, a dead writer's
// tail after its last checkpoint stays unsigned forever, and could be cut
// unnoticed; once sealed, every record up to that head is vouched for and
// any record after it fails verification.
//
// A chain is sealed only when all of these hold:
//
//   - it is registered and neither closed, sealed nor abandoned;
//   - its lease expired: this Sealer has seen no new checkpoint of it for
//     a whole SealerConfig.Lease by its own clock (a live writer renews
//     its lease with a checkpoint at least every Lease/2, see
//     TrailConfig.Lease);
//   - the store let this Sealer claim it (Store.Claim): on local files,
//     the writer's lock on its chain file is free, which the kernel
//     guarantees only once the writer's process is gone; on S3, a fence
//     object now keeps the writer, should it only have been paused, from
//     adding anything (its next write fails and it starts a new chain);
//   - the chain still reaches, with the same hash, the last head a
//     checkpoint signed (a chain that was cut or rewritten is left for
//     `audit verify` to report, not sealed over).
//
// Several Sealers may run at once (every worker runs one): a chain's
// claim excludes the others, and a Sealer re-reads the checkpoints after
// claiming, so a chain is sealed once.
type Sealer struct {
	store  Store
	signer *Signer
	cfg    SealerConfig

	mu      sync.Mutex // one sweep at a time
	started bool       // the cursor was placed Lookback from the end
	cursor  string
	lastCk  uint64 // the last checkpoint folded
	chains  map[string]*sealState
}

type sealState struct {
	seq    uint64 // the highest head a checkpoint signed
	hash   string
	state  string // StateOpen, or how it ended
	lastCk uint64 // the last checkpoint that named it

	// What this Sealer observed: lastCk as it was at seenAt.
	seen    bool
	seenCk  uint64
	seenAt  time.Time
	refused bool // cut or rewritten: never sealed, verify reports it
}

// SweepResult says what one sweep did.
type SweepResult struct {
	// Sealed are the heads this sweep sealed.
	Sealed []Head
	// Waiting counts open chains whose lease this Sealer has not seen
	// expire (live writers, and dead ones not yet watched for a lease).
	Waiting int
	// Live counts chains whose lease expired but whose writer is alive
	// (Store.Claim refused): a writer that could not checkpoint.
	Live int
	// Refused lists chains left unsealed because they no longer reach
	// their signed head, differ from it, or are gone: `audit verify`
	// reports them.
	Refused []string
}

// NewSealer returns a Sealer writing its seals into store's checkpoint
// chain, signed by signer.
func NewSealer(store Store, signer *Signer, cfg SealerConfig) (*Sealer, error) {
	if store == nil || signer == nil {
		return nil, errors.New("audit.NewSealer: a store and a signer are required")
	}
	if !ValidChain(cfg.Writer) || len(cfg.Writer) > 150 {
		return nil, fmt.Errorf("audit.NewSealer: writer %q must be 1-150 of [A-Za-z0-9._-]", cfg.Writer)
	}
	return &Sealer{store: store, signer: signer, cfg: cfg.withDefaults(), chains: map[string]*sealState{}}, nil
}

// Run sweeps at start and every SealerConfig.Interval until ctx ends.
func (s *Sealer) Run(ctx context.Context) {
	t := time.NewTicker(s.cfg.Interval)
	defer t.Stop()
	for {
		res, err := s.Sweep(ctx)
		if err != nil && ctx.Err() == nil {
			s.cfg.Log.Warn("audit sealer: sweep failed; retrying at the next", "store", s.store.String(), "error", err)
		}
		for _, h := range res.Sealed {
			s.cfg.Log.Info("audit sealer: sealed the chain of a dead writer", "chain", h.Chain, "seq", h.Seq)
		}
		for _, c := range res.Refused {
			s.cfg.Log.Error("audit sealer: chain is shorter than, or differs from, its signed head; not sealed: run `clinscribe audit verify`", "chain", c)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Sweep reads the checkpoints added since the last sweep, and seals the
// chains whose writers it finds dead (see Sealer). A chain first seen open
// is only watched: it can be sealed at a sweep a lease later.
func (s *Sealer) Sweep(ctx context.Context) (SweepResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res SweepResult
	ctx, cancel := context.WithTimeout(ctx, s.cfg.WriteTimeout)
	defer cancel()
	if err := s.catchUp(ctx); err != nil {
		return res, err
	}
	now := s.cfg.Now()
	names := make([]string, 0, len(s.chains))
	for name, st := range s.chains {
		if st.state == StateOpen && !st.refused {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var errs []error
	for _, name := range names {
		st := s.chains[name]
		if !st.seen || st.seenCk != st.lastCk {
			st.seen, st.seenCk, st.seenAt = true, st.lastCk, now
			res.Waiting++
			continue
		}
		if now.Sub(st.seenAt) < s.cfg.Lease {
			res.Waiting++
			continue
		}
		head, err := s.seal(ctx, name, st)
		switch {
		case errors.Is(err, ErrChainLive):
			res.Live++
			st.seenAt = now // watch it for another lease
		case errors.Is(err, errRefused), errors.Is(err, fs.ErrNotExist):
			st.refused = true
			res.Refused = append(res.Refused, name)
		case err != nil:
			errs = append(errs, fmt.Errorf("chain %s: %w", name, err))
		case head != nil:
			res.Sealed = append(res.Sealed, *head)
		}
	}
	return res, errors.Join(errs...)
}

var errRefused = errors.New("chain does not reach its signed head")

// seal claims a chain and writes its seal; nil head if it turned out not
// to need one.
func (s *Sealer) seal(ctx context.Context, name string, st *sealState) (*Head, error) {
	found, err := s.findHead(ctx, name, st)
	if err != nil {
		return nil, err
	}
	release, err := s.store.Claim(ctx, name, found.Seq)
	if err != nil {
		return nil, err
	}
	defer release()
	again, err := s.findHead(ctx, name, st)
	if err != nil {
		return nil, err
	}
	if again != found {
		return nil, ErrChainLive // it grew after all
	}
	found.Sealed = true
	seenCk := st.lastCk
	// Another Sealer may seal it (the S3 fence admits every claimant), or
	// its writer renew it, up to the moment the seal is appended: the
	// seal goes on only if no checkpoint came after those this Sealer
	// has folded, checked inside the store's exclusive append.
	for range 20 {
		if err := s.catchUp(ctx); err != nil {
			return nil, err
		}
		if st.state != StateOpen || st.lastCk != seenCk {
			return nil, nil
		}
		err = s.store.AppendCheckpoint(ctx, func(last []byte) (uint64, []byte, error) {
			prevSeq, prevHash := uint64(0), Genesis
			if last != nil {
				prev, err := parseCheckpoint(last, nil)
				if err != nil {
					return 0, nil, fmt.Errorf("audit: the last checkpoint is damaged (%v); run `clinscribe audit verify`", err)
				}
				prevSeq, prevHash = prev.Seq, prev.Hash
			}
			if prevSeq != s.lastCk {
				return 0, nil, errStale
			}
			c := &Checkpoint{Seq: prevSeq + 1, Prev: prevHash, Time: s.cfg.Now().UTC(), Writer: s.cfg.Writer, Heads: []Head{found}}
			line, err := s.signer.encodeCheckpoint(c)
			return c.Seq, line, err
		})
		if !errors.Is(err, errStale) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	st.state, st.seq, st.hash = StateSealed, found.Seq, found.Hash
	return &found, nil
}

var errStale = errors.New("audit: checkpoints were added meanwhile")

// findHead reads a chain and returns its last record that follows on
// from the start without a break. It fails with errRefused if the chain
// does not reach its signed head, or differs from it there.
func (s *Sealer) findHead(ctx context.Context, name string, st *sealState) (Head, error) {
	seq, prev := uint64(0), Genesis
	atSigned := ""
	if st.seq == 0 {
		atSigned = Genesis
	}
	err := s.store.ReadChain(ctx, name, func(l Line) error {
		if l.Partial {
			return errStop // a write cut short: never acknowledged
		}
		rec, err := parseRecord(l.Data)
		if err != nil || rec.Chain != name || rec.Seq != seq+1 || rec.Prev != prev {
			return errStop
		}
		seq, prev = rec.Seq, rec.Hash
		if seq == st.seq {
			atSigned = rec.Hash
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return Head{}, err
	}
	if seq < st.seq || atSigned != st.hash {
		return Head{}, errRefused
	}
	return Head{Chain: name, Seq: seq, Hash: prev}, nil
}

// catchUp folds the checkpoints added since the last call.
func (s *Sealer) catchUp(ctx context.Context) error {
	if !s.started {
		c, err := s.store.RecentCheckpoints(ctx, s.cfg.Lookback)
		if err != nil {
			return err
		}
		s.cursor, s.started = c, true
	}
	cursor, err := s.store.ReadCheckpointsFrom(ctx, s.cursor, func(l Line) error {
		// Signatures are verify's business; a line that does not parse
		// vouches for nothing here either.
		c, err := parseCheckpoint(l.Data, nil)
		if err != nil {
			return nil
		}
		s.lastCk = max(s.lastCk, c.Seq)
		for _, h := range c.Heads {
			st := s.chains[h.Chain]
			if st == nil {
				st = &sealState{state: StateOpen, hash: Genesis}
				s.chains[h.Chain] = st
			}
			st.lastCk = c.Seq
			if !h.Abandoned && h.Seq >= st.seq {
				st.seq, st.hash = h.Seq, h.Hash
			}
			if st.state == StateOpen {
				st.state = h.State()
			}
		}
		return nil
	})
	s.cursor = cursor
	return err
}
