package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
)

// Staged is an object whose content has been written ahead of being made
// visible (Stage): nothing reads it, lists it or finds it under its key
// until Commit.
type Staged interface {
	// Commit makes the object visible under its key and returns once it
	// is durable, as Put does (ErrExists for a CreateOnly key taken by
	// then). At most once.
	Commit(ctx context.Context) error
	// Abort discards an uncommitted object; after Commit it does nothing.
	Abort()
}

// ContentWaiter is a Staged object whose content can be made durable
// before it is published: Local's, whose Publish would otherwise wait for
// that flush first. A caller with something else to wait for meanwhile
// (Submit: the audit entry) takes the flush off its serial path.
type ContentWaiter interface {
	Staged
	// WaitContent returns once the staged content is durable.
	WaitContent() error
}

// WaitContent returns once st's content is durable, where the store can
// tell (ContentWaiter); at once otherwise (a store that cannot stage writes
// it all at Commit).
func WaitContent(st Staged) error {
	if w, ok := st.(ContentWaiter); ok {
		return w.WaitContent()
	}
	return nil
}

// Publisher is a Staged object whose Commit can be split in two: Publish
// makes it visible under its key (with Commit's errors) and returns the wait
// for its durability. Local's objects are: the name is linked or renamed
// at once and the wait is one group flush, which objects published one
// after another share (CommitInOrder).
type Publisher interface {
	Staged
	// Publish is Commit without waiting for the name to be durable; the
	// returned wait does that (an error from it means the object may not
	// survive a power loss, as a failed Commit's may not). At most once,
	// instead of Commit.
	Publish(ctx context.Context) (wait func() error, err error)
}

// CommitInOrder commits first and then the rest, and returns once all are
// durable: a record and the entries that point to it, so that no entry is
// ever seen without its record while the commits share what they can.
// Objects that can publish (Publisher: the local store) are made visible
// in order and then wait for one flush together; others (S3's PUTs)
// commit first and then the rest concurrently. firstErr is the first's
// Commit error (then nothing else was committed: the rest are left to the
// caller's Abort); restErr joins the others' (an entry that exists already
// counts as committed). A panic in a commit (the crash tests' simulated
// process death) is raised in the caller's goroutine.
func CommitInOrder(ctx context.Context, first Staged, rest []Staged) (firstErr, restErr error) {
	if pubs, ok := publishers(append([]Staged{first}, rest...)); ok {
		return publishInOrder(ctx, pubs)
	}
	if err := first.Commit(ctx); err != nil {
		return err, nil
	}
	return nil, CommitAll(ctx, rest)
}

func publishers(sts []Staged) ([]Publisher, bool) {
	pubs := make([]Publisher, len(sts))
	for i, st := range sts {
		p, ok := st.(Publisher)
		if !ok {
			return nil, false
		}
		pubs[i] = p
	}
	return pubs, true
}

func publishInOrder(ctx context.Context, pubs []Publisher) (firstErr, restErr error) {
	waitFirst, err := pubs[0].Publish(ctx)
	if err != nil {
		return err, nil
	}
	var waits []func() error
	var errs []error
	for _, p := range pubs[1:] {
		wait, err := p.Publish(ctx)
		switch {
		case err == nil:
			waits = append(waits, wait)
		case !errors.Is(err, ErrExists):
			errs = append(errs, err)
		}
	}
	// On Local the waits are one flush: the first runs or joins it, the
	// others find it ended.
	if err := waitFirst(); err != nil {
		return err, nil
	}
	for _, wait := range waits {
		errs = append(errs, wait())
	}
	return nil, errors.Join(errs...)
}

// CommitAll commits independent objects concurrently (their flushes or
// PUTs overlap) and returns once all are durable; one that exists already
// counts as committed. A panic in a commit (the crash tests' simulated
// process death) is raised in the caller's goroutine, where it can be
// recovered, not in a helper goroutine.
func CommitAll(ctx context.Context, sts []Staged) error {
	errs := make([]error, len(sts))
	panics := make([]any, len(sts))
	var wg sync.WaitGroup
	for i, st := range sts {
		wg.Go(func() {
			defer func() { panics[i] = recover() }()
			if err := st.Commit(ctx); err != nil && !errors.Is(err, ErrExists) {
				errs[i] = err
			}
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	return errors.Join(errs...)
}

// Stager is a Blobstore that can write an object's content before making
// it visible. Local does: the content goes to a hidden temporary file and
// its flush starts at once, so a caller that has other durable work to do
// first (an audit entry, an earlier object) overlaps the two, and Commit
// is left with the link or rename and one flush. Ordering is Put's: the
// content is durable before the name points at it.
type Stager interface {
	Stage(ctx context.Context, key string, body io.Reader, mode WriteMode) (Staged, error)
}

// Stage stages body under key in bs if bs is a Stager; otherwise the body
// is read now and Commit is a Put, so the result is the same on any store.
func Stage(ctx context.Context, bs Blobstore, key string, body io.Reader, mode WriteMode) (Staged, error) {
	if s, ok := bs.(Stager); ok {
		return s.Stage(ctx, key, body, mode)
	}
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(contextReader{ctx, body})
	if err != nil {
		return nil, fmt.Errorf("storage.Stage: %w", err)
	}
	return &putLater{bs: bs, key: key, body: b, mode: mode}, nil
}

// putLater is a Staged object of a store that cannot stage: Commit puts it.
type putLater struct {
	bs   Blobstore
	key  string
	body []byte
	mode WriteMode
}

func (p *putLater) Commit(ctx context.Context) error {
	return p.bs.Put(ctx, p.key, bytes.NewReader(p.body), p.mode)
}

func (p *putLater) Abort() {}

// LazyDeleter is a Blobstore that can delete an object without waiting for
// the deletion to be durable; a later flush of the store makes it so.
type LazyDeleter interface {
	DeleteLazy(ctx context.Context, key string) error
}

// DeleteLazy deletes key without waiting for the deletion to be durable
// where bs can (Local with group commit: the next flush of the filesystem,
// anyone's, covers it); elsewhere it is Delete. For deletions a crash may
// undo harmlessly: the open marker of an encounter whose work is done,
// which the reconciler clears again if it comes back.
func DeleteLazy(ctx context.Context, bs Blobstore, key string) error {
	if d, ok := bs.(LazyDeleter); ok {
		return d.DeleteLazy(ctx, key)
	}
	return bs.Delete(ctx, key)
}
