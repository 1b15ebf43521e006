package storagetest

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/clinscribe/clinscribe/storage"
)

// Counter counts the requests made to the stores it wraps: what an
// encounter costs in object writes and reads (on S3, PUTs and GETs). Wrap
// the ciphertext store under the Vault, so each count is one request to
// the backend.
type Counter struct {
	puts, gets, deletes, lists atomic.Int64
}

// Counts is a snapshot of a Counter.
type Counts struct {
	Puts, Gets, Deletes, Lists int64
}

// Sub is c minus an earlier snapshot.
func (c Counts) Sub(earlier Counts) Counts {
	return Counts{c.Puts - earlier.Puts, c.Gets - earlier.Gets, c.Deletes - earlier.Deletes, c.Lists - earlier.Lists}
}

// Per divides every count by n (per encounter).
func (c Counts) Per(n int) [4]float64 {
	f := float64(n)
	return [4]float64{float64(c.Puts) / f, float64(c.Gets) / f, float64(c.Deletes) / f, float64(c.Lists) / f}
}

func (c Counts) String() string {
	return fmt.Sprintf("%d puts, %d gets, %d deletes, %d lists", c.Puts, c.Gets, c.Deletes, c.Lists)
}

// Counts returns the counts so far.
func (c *Counter) Counts() Counts {
	return Counts{c.puts.Load(), c.gets.Load(), c.deletes.Load(), c.lists.Load()}
}

// Wrap returns bs with its requests counted.
func (c *Counter) Wrap(bs storage.Blobstore) storage.Blobstore { return &countStore{c: c, bs: bs} }

type countStore struct {
	c  *Counter
	bs storage.Blobstore
}

var (
	_ storage.Blobstore   = (*countStore)(nil)
	_ storage.Stager      = (*countStore)(nil)
	_ storage.LazyDeleter = (*countStore)(nil)
)

func (s *countStore) Put(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) error {
	s.c.puts.Add(1)
	return s.bs.Put(ctx, key, body, mode)
}

func (s *countStore) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	s.c.gets.Add(1)
	return s.bs.Get(ctx, key)
}

func (s *countStore) Delete(ctx context.Context, key string) error {
	s.c.deletes.Add(1)
	return s.bs.Delete(ctx, key)
}

func (s *countStore) List(ctx context.Context, prefix string) ([]string, error) {
	s.c.lists.Add(1)
	return s.bs.List(ctx, prefix)
}

// Stage passes staging through to the wrapped store (storage.Stage); the
// object counts as one write when it is committed, when an S3 store makes
// its PUT.
func (s *countStore) Stage(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) (storage.Staged, error) {
	st, err := storage.Stage(ctx, s.bs, key, body, mode)
	if err != nil {
		return nil, err
	}
	if p, ok := st.(storage.Publisher); ok {
		return countPublisher{countStaged{st, s.c}, p}, nil
	}
	return countStaged{st, s.c}, nil
}

// countPublisher is a counted staged object that can publish
// (storage.Publisher); publishing counts as its write.
type countPublisher struct {
	countStaged
	p storage.Publisher
}

func (s countPublisher) Publish(ctx context.Context) (func() error, error) {
	s.c.puts.Add(1)
	return s.p.Publish(ctx)
}

type countStaged struct {
	storage.Staged
	c *Counter
}

func (s countStaged) WaitContent() error { return storage.WaitContent(s.Staged) }

func (s countStaged) Commit(ctx context.Context) error {
	s.c.puts.Add(1)
	return s.Staged.Commit(ctx)
}

// DeleteLazy passes through to the wrapped store (storage.DeleteLazy),
// counted as a delete.
func (s *countStore) DeleteLazy(ctx context.Context, key string) error {
	s.c.deletes.Add(1)
	return storage.DeleteLazy(ctx, s.bs, key)
}
