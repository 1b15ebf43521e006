package storagetest

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/clinscribe/clinscribe/storage"
)

// Crash is the value a Crasher panics with: the simulated process death.
type Crash struct {
	Op  string // "put" or "delete"
	Key string
	// After is true when the operation took effect before the crash.
	After bool
}

func (c Crash) Error() string {
	when := "before"
	if c.After {
		when = "after"
	}
	return fmt.Sprintf("simulated crash %s %s %s", when, c.Op, c.Key)
}

// Crasher simulates a process killed at an unlucky moment: the n-th
// mutating operation (Put or Delete, counted across every store it wraps,
// from 1) panics with a Crash, either before it takes effect or after.
// From then on every operation on every wrapped store panics too, as
// nothing runs in a dead process; recovering code cannot write on.
//
// Wrapping the data store and the keyring's store with one Crasher puts
// every durable write of a pipeline run on one numbered line, so a test can
// crash at each of them in turn.
type Crasher struct {
	mu    sync.Mutex
	n     int // crash at this operation; 0 never
	after bool
	seen  int
	dead  *Crash
	ops   []string
}

// NewCrasher crashes at the n-th mutating operation, after it took effect
// if after is set. n = 0 never crashes: a counting run.
func NewCrasher(n int, after bool) *Crasher { return &Crasher{n: n, after: after} }

// Wrap returns bs with crashes injected.
func (c *Crasher) Wrap(bs storage.Blobstore) storage.Blobstore { return &crashStore{c: c, bs: bs} }

// Ops returns the mutating operations seen, in order ("put key").
func (c *Crasher) Ops() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.ops...)
}

// Crashed reports the crash, if it happened.
func (c *Crasher) Crashed() (Crash, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dead == nil {
		return Crash{}, false
	}
	return *c.dead, true
}

// check panics if the process is dead.
func (c *Crasher) check() {
	c.mu.Lock()
	dead := c.dead
	c.mu.Unlock()
	if dead != nil {
		panic(*dead)
	}
}

// mutate runs op as the next mutating operation, crashing around it if its
// number has come.
func (c *Crasher) mutate(name, key string, op func() error) error {
	c.mu.Lock()
	if c.dead != nil {
		dead := *c.dead
		c.mu.Unlock()
		panic(dead)
	}
	c.seen++
	c.ops = append(c.ops, name+" "+key)
	hit := c.seen == c.n
	if hit && !c.after {
		c.dead = &Crash{Op: name, Key: key}
		dead := *c.dead
		c.mu.Unlock()
		panic(dead)
	}
	c.mu.Unlock()
	err := op()
	if hit {
		c.mu.Lock()
		c.dead = &Crash{Op: name, Key: key, After: true}
		dead := *c.dead
		c.mu.Unlock()
		panic(dead)
	}
	return err
}

type crashStore struct {
	c  *Crasher
	bs storage.Blobstore
}

var _ storage.Blobstore = (*crashStore)(nil)

func (s *crashStore) Put(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) error {
	return s.c.mutate("put", key, func() error { return s.bs.Put(ctx, key, body, mode) })
}

func (s *crashStore) Delete(ctx context.Context, key string) error {
	return s.c.mutate("delete", key, func() error { return s.bs.Delete(ctx, key) })
}

func (s *crashStore) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	s.c.check()
	return s.bs.Get(ctx, key)
}

func (s *crashStore) List(ctx context.Context, prefix string) ([]string, error) {
	s.c.check()
	return s.bs.List(ctx, prefix)
}
