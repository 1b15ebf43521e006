package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// A writer that arrives while a flush runs is not covered by it (its
// operations may have come after the flush looked): it returns only after
// the next one.
func TestGroupSyncWaitsForAFlushBegunAfterTheCall(t *testing.T) {
	t.Parallel()
	inFlush := make(chan struct{})
	release := make(chan struct{})
	var flushes atomic.Int32
	g := newGroupSync("")
	g.flush = func() error {
		if flushes.Add(1) == 1 {
			close(inFlush)
			<-release
		}
		return nil
	}
	first := make(chan error)
	go func() { first <- g.wait() }()
	<-inFlush // the first flush has begun
	second := make(chan error)
	go func() { second <- g.wait() }()
	// Let the second waiter register before the first flush ends.
	for {
		g.mu.Lock()
		registered := g.sleeping == 1 // the second caller sleeps on the running flush
		g.mu.Unlock()
		if registered {
			break
		}
		runtime.Gosched()
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	if got := flushes.Load(); got != 2 {
		t.Fatalf("flushes = %d, want 2 (the second writer needs one of its own)", got)
	}
}

// Concurrent writers share flushes.
func TestGroupSyncShares(t *testing.T) {
	t.Parallel()
	var flushes atomic.Int32
	g := newGroupSync("")
	gate := make(chan struct{})
	g.flush = func() error {
		flushes.Add(1)
		<-gate
		return nil
	}
	const writers = 32
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			if err := g.wait(); err != nil {
				t.Error(err)
			}
		})
	}
	// Flushes proceed one at a time; every writer is covered by the first
	// flush that began after it arrived.
	go func() {
		for range writers {
			gate <- struct{}{}
		}
	}()
	wg.Wait()
	if got := flushes.Load(); got < 1 || got > writers {
		t.Fatalf("flushes = %d for %d writers", got, writers)
	}
	t.Logf("%d writers, %d flushes", writers, flushes.Load())
}

// A failed flush fails the writers it was to cover, and only them.
func TestGroupSyncFailure(t *testing.T) {
	t.Parallel()
	g := newGroupSync("")
	boom := errors.New("EIO")
	g.flush = func() error { return boom }
	if err := g.wait(); !errors.Is(err, boom) {
		t.Fatalf("wait = %v, want %v", err, boom)
	}
	g.flush = func() error { return nil }
	if err := g.wait(); err != nil {
		t.Fatalf("wait after a good flush = %v", err)
	}
}

// On this system the real flush works (or Local fsyncs per file).
func TestGroupSyncReal(t *testing.T) {
	t.Parallel()
	if !haveSyncfs() {
		t.Skip("no syncfs with error reporting here; Local fsyncs each file")
	}
	if err := newGroupSync(t.TempDir()).wait(); err != nil {
		t.Fatal(err)
	}
}

// Where syncfs is not used, Local fsyncs each file, its directory and the
// parents of directories it made; the objects read back the same.
func TestLocalPerFileFsync(t *testing.T) {
	t.Parallel()
	l, err := NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	l.group = nil
	ctx := t.Context()
	for _, key := range []string{"a/b/c/one", "a/b/c/two", "a/x"} {
		if err := l.Put(ctx, key, strings.NewReader(key), CreateOnly); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Put(ctx, "a/x", strings.NewReader("again"), CreateOnly); !errors.Is(err, ErrExists) {
		t.Fatalf("second create-only put = %v, want ErrExists", err)
	}
	if got := l.missingDirs(filepath.Join(l.Root(), "a", "b", "new", "deeper")); len(got) != 2 {
		t.Fatalf("missingDirs = %q, want the two new levels", got)
	}
	got, err := l.List(ctx, "a/")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a/b/c/one", "a/b/c/two", "a/x"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("List = %q, want %q", got, want)
	}
	if err := l.Delete(ctx, "a/x"); err != nil {
		t.Fatal(err)
	}
}

// Local stores on one filesystem share its flushes; a store whose
// directory was removed does not break the flushes of the others.
func TestGroupSyncSharedPerFilesystem(t *testing.T) {
	t.Parallel()
	if !haveSyncfs() {
		t.Skip("no syncfs with error reporting here; Local fsyncs each file")
	}
	base := t.TempDir()
	a, err := NewLocal(filepath.Join(base, "a"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewLocal(filepath.Join(base, "b"))
	if err != nil {
		t.Fatal(err)
	}
	if a.group == nil || a.group != b.group {
		t.Fatal("two stores on one filesystem have separate group commits")
	}
	ctx := t.Context()
	if err := a.Put(ctx, "k/one", strings.NewReader("1"), CreateOnly); err != nil {
		t.Fatal(err)
	}
	// b is the newest root, so it is the one a flush opens: remove it.
	if err := os.RemoveAll(b.Root()); err != nil {
		t.Fatal(err)
	}
	if err := a.Put(ctx, "k/two", strings.NewReader("2"), CreateOnly); err != nil {
		t.Fatalf("put after another store's directory was removed: %v", err)
	}
}

// A filesystem's flushes share one descriptor, opened by the first: a
// flush after every store directory it knew was removed still syncs
// through it (an open per flush would find nothing left to open).
func TestGroupSyncKeepsItsDescriptor(t *testing.T) {
	t.Parallel()
	if !haveSyncfs() {
		t.Skip("no syncfs with error reporting here; Local fsyncs each file")
	}
	dir := filepath.Join(t.TempDir(), "store")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	fg := &fsGroup{roots: []string{dir}}
	t.Cleanup(func() {
		if fg.dir != nil {
			fg.dir.Close()
		}
	})
	if err := fg.flush(); err != nil {
		t.Fatal(err)
	}
	first := fg.dir
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := fg.flush(); err != nil {
		t.Fatalf("flush after the store directory was removed: %v", err)
	}
	if fg.dir != first {
		t.Fatal("the second flush opened another descriptor")
	}
}

// A record and its entries committed in order (CommitInOrder) share one
// flush for their names on Local, where committing them one by one costs
// a flush each.
func TestCommitInOrderSharesOneFlush(t *testing.T) {
	t.Parallel()
	l, flushes := countingLocal(t)
	ctx := t.Context()
	stage := func(keys ...string) []Staged {
		var sts []Staged
		for _, k := range keys {
			st, err := l.Stage(ctx, k, strings.NewReader(k), CreateOnly)
			if err != nil {
				t.Fatal(err)
			}
			sts = append(sts, st)
		}
		// Every content is durable: what follows counts the names' flushes.
		if err := l.group.wait(); err != nil {
			t.Fatal(err)
		}
		return sts
	}
	sts := stage("r/one", "e/1/one", "e/2/one", "e/3/one")
	before := flushes.Load()
	if firstErr, restErr := CommitInOrder(ctx, sts[0], sts[1:]); firstErr != nil || restErr != nil {
		t.Fatal(firstErr, restErr)
	}
	if n := flushes.Load() - before; n != 1 {
		t.Fatalf("CommitInOrder of 4 objects ran %d flushes, want 1", n)
	}
	sts = stage("r/two", "e/1/two", "e/2/two", "e/3/two")
	before = flushes.Load()
	for _, st := range sts {
		if err := st.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := flushes.Load() - before; n != 4 {
		t.Fatalf("4 Commits ran %d flushes, want 4 (the comparison above means nothing otherwise)", n)
	}
	for _, k := range []string{"r/one", "e/1/one", "e/2/one", "e/3/one", "r/two", "e/3/two"} {
		if b, err := ReadAll(ctx, l, k); err != nil || string(b) != k {
			t.Fatalf("%s = %q, %v", k, b, err)
		}
	}
}

// An empty create-only object is created under its name at Commit, in one
// step: no temporary file, no flush for its content, one for its name;
// create-if-absent holds (staged before or after another writer's), with
// the group commit and with per-file fsyncs, in a directory that does not
// exist yet.
func TestLocalEmptyObject(t *testing.T) {
	t.Parallel()
	for _, grouped := range []bool{true, false} {
		l, err := NewLocal(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		var flushes atomic.Int32
		l.group = nil
		if grouped {
			l.group = newGroupSync("")
			l.group.flush = func() error { flushes.Add(1); return nil }
		}
		ctx := t.Context()
		st, err := l.Stage(ctx, "new/dir/entry", strings.NewReader(""), CreateOnly)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(l.Root(), "new")); !os.IsNotExist(err) {
			t.Fatalf("grouped=%v: staging an empty object touched the filesystem: %v", grouped, err)
		}
		if err := st.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if grouped && flushes.Load() != 1 {
			t.Fatalf("an empty object cost %d flushes, want 1 (its name)", flushes.Load())
		}
		if fi, err := os.Stat(filepath.Join(l.Root(), "new", "dir", "entry")); err != nil || fi.Size() != 0 {
			t.Fatalf("grouped=%v: after Commit: %v %v", grouped, fi, err)
		}
		// The taken name is found by the link at Commit, not looked up
		// when staging (a system call for every object).
		over, err := l.Stage(ctx, "new/dir/entry", strings.NewReader(""), CreateOnly)
		if err != nil {
			t.Fatalf("grouped=%v: staging over an entry = %v, want it staged and refused at Commit", grouped, err)
		}
		if err := over.Commit(ctx); !errors.Is(err, ErrExists) {
			t.Fatalf("grouped=%v: committing over an entry = %v, want ErrExists", grouped, err)
		}
		late, err := l.Stage(ctx, "new/dir/late", strings.NewReader(""), CreateOnly)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Put(ctx, "new/dir/late", strings.NewReader("someone else's"), CreateOnly); err != nil {
			t.Fatal(err)
		}
		if err := late.Commit(ctx); !errors.Is(err, ErrExists) {
			t.Fatalf("grouped=%v: committing over an object written meanwhile = %v, want ErrExists", grouped, err)
		}
		gone, err := l.Stage(ctx, "new/dir/gone", strings.NewReader(""), CreateOnly)
		if err != nil {
			t.Fatal(err)
		}
		gone.Abort()
		entries, err := os.ReadDir(filepath.Join(l.Root(), "new", "dir"))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if got := strings.Join(names, ","); got != "entry,late" {
			t.Fatalf("grouped=%v: directory holds %s, want entry,late (no temporary file, nothing of the aborted one)", grouped, got)
		}
		if b, err := ReadAll(ctx, l, "new/dir/late"); err != nil || string(b) != "someone else's" {
			t.Fatalf("the other writer's object = %q, %v", b, err)
		}
	}
}

// OverwriteNameFirst makes the name visible without first waiting for the
// content's flush: one flush where Overwrite takes two (content, then
// name), with the same object read back, and the content is durable by the
// time Commit returns (the name's flush covers it).
func TestLocalOverwriteNameFirst(t *testing.T) {
	t.Parallel()
	l, flushes := countingLocal(t)
	ctx := t.Context()
	for _, c := range []struct {
		mode WriteMode
		want int32
	}{{Overwrite, 2}, {OverwriteNameFirst, 1}, {OverwriteNameFirst, 1}} {
		if err := l.group.wait(); err != nil { // nothing of earlier writes left to flush
			t.Fatal(err)
		}
		before := flushes.Load()
		body := fmt.Sprintf("marker written in mode %d after %d flushes", c.mode, before)
		st, err := l.Stage(ctx, "index/open/enc_1", strings.NewReader(body), c.mode)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if got := flushes.Load() - before; got != c.want {
			t.Errorf("mode %d: %d flushes, want %d", c.mode, got, c.want)
		}
		if b, err := ReadAll(ctx, l, "index/open/enc_1"); err != nil || string(b) != body {
			t.Fatalf("mode %d: read back %q, %v", c.mode, b, err)
		}
	}
}

// Empty objects are names of one shared empty file (no inode each), which
// is replaced once it has its share of names or when it is removed from
// under the store; it is never listed, and deleting an object leaves the
// others.
func TestLocalEmptyObjectsShareAFile(t *testing.T) {
	t.Parallel()
	l, err := NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	l.empty.max = 2
	ctx := t.Context()
	keys := []string{"i/a", "i/b", "i/c", "i/d"}
	for i, k := range keys {
		if i == 3 {
			// Someone removes the shared file: the next object makes a new one.
			if err := os.Remove(l.empty.path); err != nil {
				t.Fatal(err)
			}
		}
		if err := l.Put(ctx, k, strings.NewReader(""), CreateOnly); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
	}
	info := make([]os.FileInfo, len(keys))
	for i, k := range keys {
		if info[i], err = os.Stat(filepath.Join(l.Root(), k)); err != nil || info[i].Size() != 0 {
			t.Fatalf("%s: %v %v", k, info[i], err)
		}
	}
	if !os.SameFile(info[0], info[1]) {
		t.Error("the first two empty objects are separate files, want one shared file")
	}
	if os.SameFile(info[1], info[2]) || os.SameFile(info[2], info[3]) {
		t.Error("the shared file was not replaced after its share of names, or after it was removed")
	}
	if err := l.Put(ctx, "i/a", strings.NewReader(""), CreateOnly); !errors.Is(err, ErrExists) {
		t.Fatalf("an empty object over a taken name = %v, want ErrExists", err)
	}
	if err := l.Delete(ctx, "i/a"); err != nil {
		t.Fatal(err)
	}
	if ok, err := Exists(ctx, l, "i/b"); err != nil || !ok {
		t.Fatalf("deleting i/a took i/b with it: %v %v", ok, err)
	}
	got, err := l.List(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "i/b,i/c,i/d"; strings.Join(got, ",") != want {
		t.Fatalf("List = %q, want %s (the shared file is never listed)", got, want)
	}
}

// countingLocal is a Local store whose group flushes only count.
func countingLocal(t *testing.T) (*Local, *atomic.Int32) {
	t.Helper()
	l, err := NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	flushes := new(atomic.Int32)
	l.group = newGroupSync("")
	l.group.flush = func() error { flushes.Add(1); return nil }
	return l, flushes
}

// The shared flushes count and time themselves (Flushes, FlushTime: the
// cost benchmark's flushes/enc and flush-ms/enc): a Put through the
// shared group adds to both.
func TestFlushesCountAndTime(t *testing.T) {
	if !haveSyncfs() {
		t.Skip("no syncfs with error reporting here; Local fsyncs each file")
	}
	l, err := NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	n0, t0 := Flushes(), FlushTime()
	if err := l.Put(t.Context(), "a/b", strings.NewReader("x"), CreateOnly); err != nil {
		t.Fatal(err)
	}
	if n, d := Flushes()-n0, FlushTime()-t0; n == 0 || d <= 0 {
		t.Errorf("after a Put: %d flushes more taking %v; want some, taking time", n, d)
	}
}

// WaitContent runs, before the object is published, the flush Publish
// would otherwise run for its content, so Commit then waits for one flush
// (its name's); it waits for nothing for an empty object or one whose name
// goes first, and a store that cannot stage has nothing to wait for.
func TestLocalWaitContent(t *testing.T) {
	t.Parallel()
	l, flushes := countingLocal(t)
	ctx := t.Context()
	for _, c := range []struct {
		name      string
		key, body string
		mode      WriteMode
		waitRuns  int32
	}{
		{"content", "encounters/enc_1/meta.json", "sealed meta", CreateOnly, 1},
		{"overwrite", "encounters/enc_1/stage/summarize.json", "status", Overwrite, 1},
		{"empty", "index/by-day/2026-12-04/enc_1", "", CreateOnly, 0},
		{"name first", "index/open/enc_1", "marker", OverwriteNameFirst, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := l.group.wait(); err != nil { // nothing of earlier writes left to flush
				t.Fatal(err)
			}
			// Stage may start the content's flush itself (in the
			// background): Stage and WaitContent together run it once,
			// and it has ended by the time WaitContent returns.
			before := flushes.Load()
			st, err := l.Stage(ctx, c.key, strings.NewReader(c.body), c.mode)
			if err != nil {
				t.Fatal(err)
			}
			if err := WaitContent(st); err != nil {
				t.Fatal(err)
			}
			if n := flushes.Load() - before; n != c.waitRuns {
				t.Errorf("Stage and WaitContent ran %d flushes, want %d", n, c.waitRuns)
			}
			if ls := st.(*localStaged); c.waitRuns > 0 && !l.group.ended(ls.ticket) {
				t.Errorf("WaitContent returned before the content's flush %d ended", ls.ticket)
			}
			before = flushes.Load()
			if err := st.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			if n := flushes.Load() - before; n != 1 {
				t.Errorf("Commit after WaitContent ran %d flushes, want 1 (the name's)", n)
			}
		})
	}
	if err := WaitContent(&putLater{}); err != nil {
		t.Fatalf("WaitContent of a store that cannot stage = %v, want nil", err)
	}
}

// ended says whether flush number seq (a ticket) has ended.
func (g *groupSync) ended(seq uint64) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.finished >= seq
}
