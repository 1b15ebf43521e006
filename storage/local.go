package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// Local is a Blobstore in a directory of the local filesystem, the embedded
// default. Writes go to a file no reader sees that is made durable and
// then renamed (Overwrite) or hard-linked (CreateOnly, atomic
// create-if-absent) into place, and the new name is made durable before Put
// returns, so a crash never leaves a partial object visible and an
// acknowledged object survives a power loss. A create-only object's file
// has no name until its link (O_TMPFILE, on Linux where the filesystem
// offers it): nothing to remove afterwards, nothing left behind by a
// crash; elsewhere, and for Overwrite, it is a hidden temporary file
// (.tmp-<random>). An empty create-only object, which cannot be partial,
// is linked into place at once as a new name of one shared empty file (no
// inode of its own, see emptySource).
//
// On Linux 5.8 and later the per-file fsyncs are replaced by a group commit
// (groupSync): a Put writes its file, waits for a syncfs(2) that began
// after the write, links or renames it into place and waits for another,
// so the object is durable, and never visible half-written after a power
// loss, before Put returns, while concurrent writers share the flushes —
// those of every Local store of the process on the same filesystem (the
// data store and the key ring's), since a syncfs covers the whole
// filesystem.
type Local struct {
	root  string
	group *groupSync // nil: fsync each file and directory
	empty emptySource
	dirs  dirCache
	// tmpfile: create-only objects are written to unnamed files
	// (openTmpfile), which the store's first create-only write found this
	// system makes and names (probing then, not in NewLocal, so that
	// opening a store changes nothing on disk: clinscribe config check).
	tmpfile     bool
	tmpfileOnce sync.Once
	// openTmp is openTmpfile; a test stands in a refusing one.
	openTmp func(dir string) (*sysFile, error)
}

var (
	_ Blobstore   = (*Local)(nil)
	_ Stager      = (*Local)(nil)
	_ Publisher   = (*localStaged)(nil)
	_ LazyDeleter = (*Local)(nil)
)

// useTmpfile reports whether create-only objects go to unnamed files,
// probing on its first call.
func (l *Local) useTmpfile() bool {
	l.tmpfileOnce.Do(func() { l.tmpfile = probeTmpfile(l.root) })
	return l.tmpfile
}

// NewLocal opens (creating if needed, mode 0700) a Local store rooted at dir.
func NewLocal(dir string) (*Local, error) {
	if dir == "" {
		return nil, errors.New("storage.NewLocal: empty directory")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("storage.NewLocal: %w", err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return nil, fmt.Errorf("storage.NewLocal: %w", err)
	}
	l := &Local{root: abs, empty: emptySource{max: emptyLinksMax}, openTmp: openTmpfile}
	if haveSyncfs() {
		if l.group = sharedGroupSync(abs); l.group == nil {
			l.group = newGroupSync(abs)
		}
	}
	return l, nil
}

// Root is the directory the store lives in.
func (l *Local) Root() string { return l.root }

func (l *Local) path(key string) (string, error) {
	if err := ValidKey(key); err != nil {
		return "", err
	}
	return filepath.Join(l.root, filepath.FromSlash(key)), nil
}

// Put implements Blobstore.
func (l *Local) Put(ctx context.Context, key string, body io.Reader, mode WriteMode) error {
	st, err := l.stage(ctx, key, body, mode)
	return commitStaged(ctx, st, err)
}

// commitStaged is Put for a store that stages: the staged object is
// committed, or discarded if the commit fails.
func commitStaged[S Staged](ctx context.Context, st S, err error) error {
	if err != nil {
		return err
	}
	defer st.Abort()
	return st.Commit(ctx)
}

// Stage implements Stager: the content is written now, where nothing sees
// it, and a group flush is started for it, so by Commit it is usually
// durable already and Commit links or renames it into place and waits for
// one flush. A create-only key that is taken is reported by Commit.
func (l *Local) Stage(ctx context.Context, key string, body io.Reader, mode WriteMode) (Staged, error) {
	st, err := l.stage(ctx, key, body, mode)
	if err != nil {
		return nil, err
	}
	// The content's flush starts now, so by Commit it has usually ended;
	// an object whose name may come first waits for no such flush.
	if l.group != nil && !st.empty && mode != OverwriteNameFirst {
		go func() { _ = l.group.waitFor(st.ticket) }() // Commit sees its error
	}
	return st, nil
}

// localStaged is an object of a Local store written where nothing sees it:
// an unnamed file it holds open (file), or a hidden temporary file (tmp).
type localStaged struct {
	l        *Local
	p, tmp   string
	file     *sysFile // the unnamed file, open until Publish or Abort
	cleanup  runtime.Cleanup
	mode     WriteMode
	newDirs  []string // made for it, synced after the link (no group commit)
	ticket   uint64   // the flush that makes the content durable (group commit)
	empty    bool     // no content and no file: created at Publish
	finished bool
}

// stageBufSize is how much of a body is read before it is written: an
// envelope's header and its first sealed segment (64 KiB) in one write.
const stageBufSize = 128 << 10

var stageBufs = sync.Pool{New: func() any { b := make([]byte, stageBufSize); return &b }}

func (l *Local) stage(ctx context.Context, key string, body io.Reader, mode WriteMode) (*localStaged, error) {
	p, err := l.path(key)
	if err != nil {
		return nil, err
	}
	bp := stageBufs.Get().(*[]byte)
	defer stageBufs.Put(bp)
	buf := *bp
	body = contextReader{ctx, body}
	n, more, err := readFirst(body, buf)
	if err != nil {
		return nil, fmt.Errorf("storage.Local.Put: %w", err)
	}
	st := &localStaged{l: l, p: p, mode: mode}
	// An empty object (a worklist entry, whose key says everything) has no
	// content that could be seen half-written: create-only, it is made
	// under its name in one step at Commit (no file, no content flush).
	// Whether the name is taken is left to that step, for every
	// create-only object: the link answers it, so looking first would
	// only add a system call.
	if mode == CreateOnly && n == 0 {
		st.empty = true
		return st, nil
	}
	dir := filepath.Dir(p)
	var f *sysFile
	if mode == CreateOnly && l.useTmpfile() {
		f, st.newDirs, err = l.openIn(dir, func() (*sysFile, error) { return l.openTmp(dir) })
		switch {
		case err == nil:
			st.file = f
			st.cleanup = runtime.AddCleanup(st, func(f *sysFile) { f.close() }, f)
		case tmpfileRefused(err):
			f = nil // this directory's filesystem: a named temporary file
		default:
			return nil, fmt.Errorf("storage.Local.Put: %w", err)
		}
	}
	if f == nil {
		st.tmp = filepath.Join(dir, ".tmp-"+randomHex())
		var newDirs []string
		f, newDirs, err = l.openIn(dir, func() (*sysFile, error) { return createExcl(st.tmp) })
		st.newDirs = append(st.newDirs, newDirs...) // after any the refused try made
		if err != nil {
			return nil, fmt.Errorf("storage.Local.Put: %w", err)
		}
	}
	err = func() error {
		for {
			if _, err := f.Write(buf[:n]); err != nil {
				return err
			}
			if !more {
				break
			}
			n, err = io.ReadFull(body, buf)
			more = err == nil
			if !more && err != io.EOF && err != io.ErrUnexpectedEOF {
				return fmt.Errorf("read: %w", err)
			}
		}
		if l.group == nil {
			return f.sync()
		}
		return nil
	}()
	if err == nil && st.file == nil {
		err = f.close()
	} else if err != nil && st.file == nil {
		f.close()
	}
	if err != nil {
		st.discard()
		return nil, fmt.Errorf("storage.Local.Put: %w", err)
	}
	if l.group != nil {
		st.ticket = l.group.ticket()
	}
	return st, nil
}

// openIn opens a new file in dir with open (see inDir).
func (l *Local) openIn(dir string, open func() (*sysFile, error)) (f *sysFile, newDirs []string, err error) {
	newDirs, err = l.inDir(dir, func() (err error) {
		f, err = open()
		return err
	})
	return f, newDirs, err
}

// inDir runs create, which makes a new name in dir, seeing that dir
// exists: a directory this store has not seen yet is made first (most
// often it is new, an encounter's first object: one mkdir(2) and the
// create, where trying first costs a failing create, the mkdir and the
// create again); one it has seen is made only if create finds it missing
// (removed since). It returns the directories it made when Local fsyncs
// per file (see makeDir).
func (l *Local) inDir(dir string, create func() error) (newDirs []string, err error) {
	if !l.dirs.has(dir) {
		if newDirs, err = l.makeDir(dir); err != nil {
			return nil, err
		}
	}
	err = create()
	if errors.Is(err, fs.ErrNotExist) {
		more, merr := l.makeDir(dir)
		newDirs = append(newDirs, more...)
		if merr != nil {
			return newDirs, merr
		}
		err = create()
	}
	if !errors.Is(err, fs.ErrNotExist) {
		l.dirs.add(dir) // it resolved, whatever create's answer
	}
	return newDirs, err
}

// dirCacheMax bounds the directories a Local store remembers having seen:
// an encounter's directories are written within minutes of each other, and
// one forgotten costs one failing mkdir(2).
const dirCacheMax = 4096

// dirCache is the directories a Local store made or wrote into (inDir).
type dirCache struct {
	mu sync.Mutex
	m  map[string]struct{}
}

func (c *dirCache) has(dir string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.m[dir]
	return ok
}

func (c *dirCache) add(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= dirCacheMax {
		c.m = make(map[string]struct{})
	}
	c.m[dir] = struct{}{}
}

// makeDir makes dir, found missing: one mkdir(2) when its parent exists
// (an encounter's first object), the walk of os.MkdirAll otherwise. When
// Local fsyncs per file it returns the directories it made, outermost
// first, whose parents the new name's wait syncs.
func (l *Local) makeDir(dir string) ([]string, error) {
	err := os.Mkdir(dir, 0o700)
	switch {
	case err == nil:
		if l.group == nil {
			return []string{dir}, nil
		}
		return nil, nil
	case errors.Is(err, fs.ErrExist):
		return nil, nil // another writer made it meanwhile
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	var newDirs []string
	if l.group == nil {
		newDirs = l.missingDirs(dir)
	}
	return newDirs, os.MkdirAll(dir, 0o700)
}

// discard drops what was written: the unnamed file is closed (and with it
// gone), the temporary file removed.
func (st *localStaged) discard() {
	if st.file != nil {
		st.closeFile()
	}
	if st.tmp != "" {
		remove(st.tmp)
		st.tmp = ""
	}
}

func (st *localStaged) closeFile() error {
	st.cleanup.Stop()
	err := st.file.close()
	st.file = nil
	return err
}

// WaitContent implements ContentWaiter: the flush Publish would wait for
// before the name, waited for now (nothing for an empty object, or one
// whose name goes first; per-file fsyncs flushed the content at Stage).
func (st *localStaged) WaitContent() error {
	if st.l.group == nil || st.empty || st.mode == OverwriteNameFirst {
		return nil
	}
	if err := st.l.group.waitFor(st.ticket); err != nil {
		return fmt.Errorf("storage.Local.Put: %w", err)
	}
	return nil
}

// Commit implements Staged.
func (st *localStaged) Commit(ctx context.Context) error { return publishAndWait(ctx, st) }

// publishAndWait is Commit for a Publisher: Publish, then its wait.
func publishAndWait(ctx context.Context, p Publisher) error {
	wait, err := p.Publish(ctx)
	if err != nil {
		return err
	}
	return wait()
}

// readFirst reads the first buffer of a body being staged: more says the
// body goes on past it.
func readFirst(body io.Reader, buf []byte) (n int, more bool, err error) {
	n, err = io.ReadFull(body, buf)
	switch {
	case err == nil:
		return n, true, nil
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return n, false, nil
	}
	return n, false, fmt.Errorf("read: %w", err)
}

// Publish implements Publisher: the content is durable before the name
// points at it (but for OverwriteNameFirst); the name is durable once wait
// returns.
func (st *localStaged) Publish(ctx context.Context) (wait func() error, err error) {
	if st.finished {
		return nil, errors.New("storage.Local: staged object already committed or aborted")
	}
	st.finished = true
	l := st.l
	if st.empty {
		if err := st.createEmpty(); err != nil {
			return nil, err
		}
		return st.waitForName(), nil
	}
	defer st.discard() // the unnamed file's descriptor; the link's other name
	if l.group != nil && st.mode != OverwriteNameFirst {
		// The content is durable before any name points at it.
		if err := l.group.waitFor(st.ticket); err != nil {
			return nil, fmt.Errorf("storage.Local.Put: %w", err)
		}
	}
	switch {
	case st.file != nil:
		err = st.file.link(st.p)
	case st.mode == CreateOnly:
		err = os.Link(st.tmp, st.p)
	default:
		if err = rename(st.tmp, st.p); err == nil {
			st.tmp = "" // nothing left to remove
		}
	}
	switch {
	case errors.Is(err, fs.ErrExist) && st.mode == CreateOnly:
		return nil, ErrExists
	case err != nil:
		return nil, fmt.Errorf("storage.Local.Put: %w", err)
	}
	return st.waitForName(), nil
}

// waitForName is the wait for the object's new name to be durable: the
// flush after the link covers it (objects published before their waits
// share it), or an fsync of its directory and of the parents of any
// directory made for it.
func (st *localStaged) waitForName() func() error {
	l := st.l
	if l.group != nil {
		ticket := l.group.ticket()
		return func() error { return l.group.waitFor(ticket) }
	}
	return func() error {
		for _, d := range st.newDirs {
			if err := syncDir(filepath.Dir(d)); err != nil {
				return fmt.Errorf("storage.Local.Put: %w", err)
			}
		}
		return syncDir(filepath.Dir(st.p))
	}
}

// createEmpty makes an empty object under its name, a new name of the
// store's shared empty file (emptySource), failing with ErrExists if the
// name is taken (atomic create-if-absent, as the link of a non-empty
// object is).
func (st *localStaged) createEmpty() error {
	var err error
	st.newDirs, err = st.l.inDir(filepath.Dir(st.p), func() error { return st.l.linkEmpty(st.p) })
	switch {
	case errors.Is(err, fs.ErrExist):
		return ErrExists
	case err != nil:
		return fmt.Errorf("storage.Local.Put: %w", err)
	}
	return nil
}

// Abort implements Staged.
func (st *localStaged) Abort() {
	if !st.finished {
		st.finished = true
		st.discard()
	}
}

// missingDirs lists dir and those of its ancestors below the root that do
// not exist yet, outermost first.
func (l *Local) missingDirs(dir string) []string {
	var missing []string
	for d := dir; d != l.root && strings.HasPrefix(d, l.root); d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append([]string{d}, missing...)
	}
	return missing
}

// syncDir makes a rename, link or removal in dir durable: the next group
// flush, or an fsync of the directory.
func (l *Local) syncDir(dir string) error {
	if l.group != nil {
		return l.group.wait()
	}
	return syncDir(dir)
}

// syncDir makes a rename or link in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("storage: sync dir: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("storage: sync dir: %w", err)
	}
	return nil
}

// Get implements Blobstore.
func (l *Local) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	p, err := l.path(key)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := openRead(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("storage.Local.Get: %w", err)
	}
	r := &localReader{f: f, size: -1}
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			f.Close()
			return nil, ErrNotFound
		}
		r.size = st.Size()
	}
	return r, nil
}

// localReader is an object of a Local store opened for reading. Its size,
// known from the fstat(2) that tells it from a directory, is final: an
// object's file is never written once it has its name (an overwrite is a
// new file renamed over the old), so a read at its end answers io.EOF
// without the read(2) that would say so.
type localReader struct {
	f         *os.File
	size, off int64 // size -1: unknown, read to the end
}

func (r *localReader) Read(p []byte) (int, error) {
	if r.size >= 0 {
		if r.off >= r.size {
			return 0, io.EOF
		}
		if rest := r.size - r.off; int64(len(p)) > rest {
			p = p[:rest]
		}
	}
	n, err := r.f.Read(p)
	r.off += int64(n)
	return n, err
}

// Seek implements io.Seeker (GetRange).
func (r *localReader) Seek(offset int64, whence int) (int64, error) {
	off, err := r.f.Seek(offset, whence)
	if err == nil {
		r.off = off
	}
	return off, err
}

func (r *localReader) Close() error { return r.f.Close() }

// Delete implements Blobstore.
func (l *Local) Delete(ctx context.Context, key string) error {
	p, err := l.path(key)
	if err != nil {
		return err
	}
	if err := remove(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("storage.Local.Delete: %w", err)
	}
	return l.syncDir(filepath.Dir(p))
}

// DeleteLazy implements LazyDeleter: with group commit the removal is left
// to the next flush of the filesystem; without it (an fsync per directory,
// which would not cover this one) it is Delete.
func (l *Local) DeleteLazy(ctx context.Context, key string) error {
	if l.group == nil {
		return l.Delete(ctx, key)
	}
	p, err := l.path(key)
	if err != nil {
		return err
	}
	if err := remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("storage.Local.Delete: %w", err)
	}
	return nil
}

// List implements Blobstore.
func (l *Local) List(ctx context.Context, prefix string) ([]string, error) {
	if err := validPrefix(prefix); err != nil {
		return nil, err
	}
	// Walk only the deepest directory the prefix names.
	start := l.root
	if i := strings.LastIndex(prefix, "/"); i >= 0 {
		start = filepath.Join(l.root, filepath.FromSlash(prefix[:i]))
	}
	var keys []string
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != start {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(l.root, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage.Local.List: %w", err)
	}
	sort.Strings(keys)
	return keys, nil
}

// contextReader stops a long copy when its context ends.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
