package pipeline

import (
	"context"
	"sync"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// keyAheadTarget is how many encounter IDs with a durable scope key a
// Pipeline keeps ready for its next submissions. Each submission that
// takes one makes its successor's key while its own durable writes run,
// so the key's two flushes (its content, then its name) leave the
// submission's serial path and share the flushes it waits for anyway
// (issue 18). A crash or an exit leaves at most this many keys that seal
// nothing, as an abandoned submission leaves its key.
const keyAheadTarget = 2

// keyAhead holds the IDs whose scope keys are made and durable, none of
// them handed out yet.
type keyAhead struct {
	mu      sync.Mutex
	ids     []string
	filling bool
}

// newEncounterID returns the ID for a new encounter and whether its scope
// key is already durable (made by an earlier submission). It may start
// making keys for later submissions; refill waits for that work and keeps
// what it made. Call refill before returning, even on error: the keys are
// written through the same stores as the submission, so a crash in them
// (the crash tests' panic) is raised in the submission's goroutine, and
// nothing writes after the submission returned.
func (p *Pipeline) newEncounterID(ctx context.Context) (id string, keyDurable bool, refill func()) {
	a := &p.ahead
	a.mu.Lock()
	defer a.mu.Unlock()
	if n := len(a.ids); n > 0 {
		id, keyDurable = a.ids[n-1], true
		a.ids = a.ids[:n-1]
	} else {
		id = encounter.NewID()
	}
	missing := keyAheadTarget - len(a.ids)
	if missing <= 0 || a.filling {
		return id, keyDurable, func() {}
	}
	a.filling = true
	fill := make([]*task, missing)
	fresh := make([]string, missing)
	ctx = context.WithoutCancel(ctx)
	for i := range fill {
		fresh[i] = encounter.NewID()
		fill[i] = background(func() error {
			wait, err := p.store.Prepare(ctx, fresh[i])
			if err != nil {
				return err
			}
			return wait()
		})
	}
	return id, keyDurable, func() {
		made := make([]string, 0, len(fresh))
		defer func() {
			a.mu.Lock()
			a.ids = append(a.ids, made...)
			a.filling = false
			a.mu.Unlock()
		}()
		// Every key's task ends before any is joined: a panic raised
		// again by join (the crash tests' simulated death) must not leave
		// another still writing.
		for _, t := range fill {
			t.wait()
		}
		for i, t := range fill {
			// A key that failed is not offered; one left half made seals
			// nothing (a later submission never sees its ID).
			if err := t.join(); err == nil {
				made = append(made, fresh[i])
			}
		}
	}
}
