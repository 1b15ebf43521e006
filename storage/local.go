package storage

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Local is a Blobstore in a directory of the local filesystem, the embedded
// default. Writes go to a hidden temporary file that is made durable and
// then renamed (Overwrite) or hard-linked (CreateOnly, atomic
// create-if-absent) into place, and the new name is made durable before Put
// returns, so a crash never leaves a partial object visible and an
// acknowledged object survives a power loss. An empty create-only object,
// which cannot be partial, is linked into place at once as a new name of
// one shared empty file (no inode of its own, see emptySource).
//
// On Linux 5.8 and later the per-file fsyncs are replaced by a group commit
// (groupSync): a Put writes its temporary file, waits for a syncfs(2) that
// began after the write, links or renames it into place and waits for
// another, so the object is durable, and never visible half-written after
// a power loss, before Put returns, while concurrent writers share the
// flushes — those of every Local store of the process on the same
// filesystem (the data store and the key ring's), since a syncfs covers
// the whole filesystem.
type Local struct {
	root  string
	group *groupSync // nil: fsync each file and directory
	empty emptySource
}

var (
	_ Blobstore   = (*Local)(nil)
	_ Stager      = (*Local)(nil)
	_ Publisher   = (*localStaged)(nil)
	_ LazyDeleter = (*Local)(nil)
)

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
	l := &Local{root: abs, empty: emptySource{max: emptyLinksMax}}
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
	if err != nil {
		return err
	}
	defer st.Abort()
	return st.Commit(ctx)
}

// Stage implements Stager: the content is written to a hidden temporary
// file now and a group flush is started for it, so by Commit it is
// usually durable already and Commit links or renames it into place and
// waits for one flush.
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

// localStaged is an object of a Local store written to its temporary file.
type localStaged struct {
	l        *Local
	p, tmp   string
	mode     WriteMode
	newDirs  []string // made for it, synced after the link (no group commit)
	ticket   uint64   // the flush that makes the content durable (group commit)
	empty    bool     // no content and no temporary file: created at Publish
	finished bool
}

func (l *Local) stage(ctx context.Context, key string, body io.Reader, mode WriteMode) (*localStaged, error) {
	p, err := l.path(key)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(p)
	if mode == CreateOnly {
		if _, err := os.Lstat(p); err == nil {
			return nil, ErrExists
		}
	}
	// An empty object (a worklist entry, whose key says everything) has no
	// content that could be seen half-written: create-only, it is made
	// under its name in one step at Commit (no temporary file, no link,
	// no content flush).
	if mode == CreateOnly {
		var head [1]byte
		n, err := io.ReadFull(contextReader{ctx, body}, head[:])
		switch {
		case n == 0 && errors.Is(err, io.EOF):
			return &localStaged{l: l, p: p, mode: mode, empty: true}, nil
		case n == 0:
			return nil, fmt.Errorf("storage.Local.Put: read: %w", err)
		}
		body = io.MultiReader(bytes.NewReader(head[:n]), body)
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(dir, ".tmp-"+hex.EncodeToString(rnd[:]))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	var newDirs []string
	if errors.Is(err, fs.ErrNotExist) {
		// First object in this directory: create it (a syscall per path
		// segment, so only when needed).
		if l.group == nil {
			newDirs = l.missingDirs(dir)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("storage.Local.Put: %w", err)
		}
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	}
	if err != nil {
		return nil, fmt.Errorf("storage.Local.Put: %w", err)
	}
	if _, err := io.Copy(f, contextReader{ctx, body}); err != nil {
		f.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("storage.Local.Put: write: %w", err)
	}
	if l.group == nil {
		if err := f.Sync(); err != nil {
			f.Close()
			os.Remove(tmp)
			return nil, fmt.Errorf("storage.Local.Put: fsync: %w", err)
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("storage.Local.Put: %w", err)
	}
	st := &localStaged{l: l, p: p, tmp: tmp, mode: mode, newDirs: newDirs}
	if l.group != nil {
		st.ticket = l.group.ticket()
	}
	return st, nil
}

// Commit implements Staged.
func (st *localStaged) Commit(ctx context.Context) error {
	wait, err := st.Publish(ctx)
	if err != nil {
		return err
	}
	return wait()
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
	defer os.Remove(st.tmp) // no-op once renamed; the link's other name otherwise
	if l.group != nil && st.mode != OverwriteNameFirst {
		// The content is durable before any name points at it.
		if err := l.group.waitFor(st.ticket); err != nil {
			return nil, fmt.Errorf("storage.Local.Put: %w", err)
		}
	}
	switch st.mode {
	case CreateOnly:
		if err := os.Link(st.tmp, st.p); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return nil, ErrExists
			}
			return nil, fmt.Errorf("storage.Local.Put: %w", err)
		}
	default:
		if err := os.Rename(st.tmp, st.p); err != nil {
			return nil, fmt.Errorf("storage.Local.Put: %w", err)
		}
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
	create := func() error { return st.l.linkEmpty(st.p) }
	err := create()
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(st.p)
		if st.l.group == nil {
			st.newDirs = st.l.missingDirs(dir)
		}
		if err = os.MkdirAll(dir, 0o700); err == nil {
			err = create()
		}
	}
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
		if !st.empty {
			os.Remove(st.tmp)
		}
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
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("storage.Local.Get: %w", err)
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, ErrNotFound
	}
	return f, nil
}

// Delete implements Blobstore.
func (l *Local) Delete(ctx context.Context, key string) error {
	p, err := l.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil {
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
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
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
