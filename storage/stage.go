package storage

import (
	"bytes"
	"context"
	"fmt"
	"io"
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
