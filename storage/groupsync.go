package storage

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// groupSync is the Local store's durability barrier shared by concurrent
// writers (group commit). A writer calls wait after its own filesystem
// operations (a file written, a name linked, renamed or removed) and
// returns once a whole-filesystem flush (syncfs(2)) that began after that
// call has completed: the flush covers the writer's operations, whoever
// started it. Writers arriving while a flush runs wait for it and are all
// covered by the next one, so N concurrent Puts cost about two flushes
// instead of 2N fsyncs.
//
// syncfs(2) writes back every dirty page and inode of the filesystem and
// commits its journal with a cache flush before it returns, the same
// promise fsync(2) makes for one file and its directory (Linux's
// sync_filesystem waits on writeback and calls the filesystem's sync_fs
// with wait set; ext4 and XFS end it with a device flush). Since Linux 5.8
// it also reports writeback errors: those since the same descriptor's
// previous syncfs (the kernel keeps a cursor per open file), or, on a
// descriptor's first syncfs, those no syncfs has reported yet. The flushes
// of a filesystem share one descriptor kept open (fsGroup), so each error
// is reported to the first flush after it, even one another process's
// syncfs had seen first (a descriptor opened afresh would miss those);
// and a flush that fails fails every writer waiting on it, whose Put then
// returns the error (nothing it wrote is acknowledged). Where syncfs is unavailable (other
// systems, older kernels) Local keeps fsyncing each file and directory.
type groupSync struct {
	flush func() error // syncfs of the store's filesystem; tests stand in

	mu       sync.Mutex
	cond     *sync.Cond
	running  bool
	sleeping int    // writers waiting on cond (tests watch it)
	started  uint64 // flushes begun
	finished uint64 // flushes ended (each ends before the next begins)
	failures []syncFailure
}

type syncFailure struct {
	seq uint64
	err error
}

// maxSyncFailures bounds the failures remembered for waiters that have not
// yet woken; a waiter covered by an older failed flush still sees the
// failure of a later one (or fails closed if all were forgotten).
const maxSyncFailures = 64

func newGroupSync(root string) *groupSync {
	g := &groupSync{flush: func() error { return syncFilesystem(root) }}
	g.cond = sync.NewCond(&g.mu)
	return g
}

// wait returns after a flush that began after wait was called has ended,
// with its error, if any.
func (g *groupSync) wait() error {
	return g.waitFor(g.ticket())
}

// ticket is the number of the first flush that will begin after this call:
// the one that covers the caller's operations so far. A caller may hand it
// to waitFor later (Local.Stage), and is not kept waiting if that flush has
// ended by then.
func (g *groupSync) ticket() uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	// A flush in progress may have begun before our operations: we need
	// the one after it.
	return g.started + 1
}

// waitFor returns once flush number target (see ticket) has ended, running
// it if no flush is running, with its error or a later flush's.
func (g *groupSync) waitFor(target uint64) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.finished < target {
		if g.running {
			g.sleeping++
			g.cond.Wait()
			g.sleeping--
			continue
		}
		g.running = true
		g.started++
		seq := g.started
		g.mu.Unlock()
		err := g.flush()
		g.mu.Lock()
		g.running = false
		g.finished = seq
		if err != nil {
			g.failures = append(g.failures, syncFailure{seq, err})
			if len(g.failures) > maxSyncFailures {
				g.failures = g.failures[len(g.failures)-maxSyncFailures:]
			}
		}
		g.cond.Broadcast()
	}
	// Any flush from target on that failed may have lost our pages.
	for _, f := range g.failures {
		if f.seq >= target {
			return fmt.Errorf("storage: sync: %w", f.err)
		}
	}
	if len(g.failures) == maxSyncFailures && g.failures[0].seq > target {
		return errors.New("storage: sync: flushes failed")
	}
	return nil
}

// fsGroups holds one groupSync per filesystem (device number), shared by
// every Local store of the process on it: syncfs flushes the whole
// filesystem whichever of its directories it is given, so the data store,
// the key ring's store and any other Local store on one filesystem can
// share each flush instead of each running its own (a submission's scope
// key and open marker, written together, cost two flushes instead of
// four).
var fsGroups struct {
	sync.Mutex
	m map[uint64]*fsGroup
}

// fsGroup is the shared flush of one filesystem and the store roots on it.
// The first flush opens the newest root that still exists (stores in
// directories removed since, such as tests' temporary ones, are
// forgotten) and every flush after it syncs through that descriptor: an
// open(2) and a close(2) fewer per flush, and the error reporting of one
// descriptor (see groupSync). The descriptor stays open for the life of
// the process, as the group does; it keeps the filesystem from being
// unmounted while the process runs, which its open stores do anyway.
type fsGroup struct {
	g     *groupSync
	mu    sync.Mutex
	roots []string
	dir   *os.File // opened by the first flush
}

// sharedGroupSync returns the groupSync of the filesystem holding root,
// made on first use; nil if the filesystem cannot be identified (the
// store then gets its own).
func sharedGroupSync(root string) *groupSync {
	dev, ok := deviceOf(root)
	if !ok {
		return nil
	}
	fsGroups.Lock()
	defer fsGroups.Unlock()
	if fsGroups.m == nil {
		fsGroups.m = map[uint64]*fsGroup{}
	}
	fg := fsGroups.m[dev]
	if fg == nil {
		fg = &fsGroup{}
		fg.g = &groupSync{flush: fg.flush}
		fg.g.cond = sync.NewCond(&fg.g.mu)
		fsGroups.m[dev] = fg
	}
	fg.mu.Lock()
	if fg.dir == nil {
		fg.roots = append(fg.roots, root)
	}
	fg.mu.Unlock()
	return fg.g
}

// Flushes is the number of group flushes (syncfs calls of Local stores,
// fdatasync calls of Log stores) the process has begun: the cost
// benchmarks report it per encounter.
func Flushes() uint64 {
	fsGroups.Lock()
	defer fsGroups.Unlock()
	n := logFlushes.Load()
	for _, fg := range fsGroups.m {
		fg.g.mu.Lock()
		n += fg.g.started
		fg.g.mu.Unlock()
	}
	return n
}

func (fg *fsGroup) flush() error {
	fg.mu.Lock()
	defer fg.mu.Unlock()
	var err error
	for i := len(fg.roots) - 1; i >= 0 && fg.dir == nil; i-- {
		d, oerr := os.Open(fg.roots[i])
		if oerr != nil {
			err = oerr
			fg.roots = append(fg.roots[:i], fg.roots[i+1:]...)
			continue
		}
		fg.dir, fg.roots = d, nil
	}
	if fg.dir == nil {
		if err == nil {
			err = errors.New("no store directory left to flush")
		}
		return err
	}
	t0 := time.Now()
	err = syncfs(fg.dir)
	flushNanos.Add(int64(time.Since(t0)))
	return err
}

// flushNanos is the time the process's shared group flushes took.
var flushNanos atomic.Int64

// FlushTime is the time the process's Local stores have spent in group
// flushes (syncfs calls): the cost benchmarks report it per encounter.
func FlushTime() time.Duration { return time.Duration(flushNanos.Load()) }

// syncFilesystem flushes the filesystem holding dir.
func syncFilesystem(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return syncfs(d)
}
