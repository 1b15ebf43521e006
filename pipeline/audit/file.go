package audit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// FileStore keeps a trail in a local directory:
//
//	<dir>/audit-<chain>.jsonl   one chain per file, one record per line
//	<dir>/checkpoints.jsonl     the checkpoint chain, one per line
//	<dir>/checkpoints.lock      flock(2) taken while a checkpoint is added
//
// Files are opened append-only and fsynced before AppendChain returns.
// Several processes may share the directory: each writes its own chain
// files, and checkpoint appends are serialized by the lock file.
type FileStore struct {
	dir string

	mu     sync.Mutex
	chains map[string]*os.File
	closed bool
}

var _ Store = (*FileStore)(nil)

const (
	chainPrefix     = "audit-"
	chainSuffix     = ".jsonl"
	checkpointsFile = "checkpoints.jsonl"
	lockFile        = "checkpoints.lock"
)

// NewFileStore opens (creating) the directory.
func NewFileStore(dir string) (*FileStore, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("audit.NewFileStore: %w", err)
	}
	return &FileStore{dir: dir, chains: map[string]*os.File{}}, nil
}

// OpenFileReader opens an existing directory for reading only (verify and
// export of a copy).
func OpenFileReader(dir string) (*FileStore, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("audit: %s is not a directory", dir)
	}
	return &FileStore{dir: dir, chains: map[string]*os.File{}}, nil
}

// Dir is the directory.
func (s *FileStore) Dir() string { return s.dir }

func (s *FileStore) String() string { return s.dir }

// ChainPath is the file of a chain.
func (s *FileStore) ChainPath(chain string) string {
	return filepath.Join(s.dir, chainPrefix+chain+chainSuffix)
}

// CreateChain implements Store.
func (s *FileStore) CreateChain(ctx context.Context, chain string) error {
	if !ValidChain(chain) {
		return fmt.Errorf("audit.FileStore: invalid chain name %q", chain)
	}
	f, err := os.OpenFile(s.ChainPath(chain), os.O_WRONLY|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("audit.FileStore.CreateChain: %w", err)
	}
	if err := syncDir(s.dir); err != nil {
		f.Close()
		return fmt.Errorf("audit.FileStore.CreateChain: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		f.Close()
		return errClosed
	}
	s.chains[chain] = f
	return nil
}

// AppendChain implements Store: one write and one fsync for the batch.
func (s *FileStore) AppendChain(ctx context.Context, chain string, first uint64, records []byte) error {
	s.mu.Lock()
	f := s.chains[chain]
	s.mu.Unlock()
	if f == nil {
		return fmt.Errorf("audit.FileStore.AppendChain: chain %s is not open for writing", chain)
	}
	_, err := f.Write(records)
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		// After a failed write or fsync the file's tail is unknown (and on
		// Linux a failed fsync may have dropped the dirty pages): never
		// write this chain again. The Trail starts a new one.
		s.mu.Lock()
		delete(s.chains, chain)
		s.mu.Unlock()
		f.Close()
		return fmt.Errorf("audit.FileStore.AppendChain: %w", err)
	}
	return nil
}

// AppendCheckpoint implements Store. The lock file's flock serializes
// writers across processes; a torn last line (a writer that crashed
// mid-write, never acknowledged) is cut off before the new line goes on.
func (s *FileStore) AppendCheckpoint(ctx context.Context, next func(last []byte) (uint64, []byte, error)) error {
	lock, err := os.OpenFile(filepath.Join(s.dir, lockFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("audit.FileStore.AppendCheckpoint: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("audit.FileStore.AppendCheckpoint: lock: %w", err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	path := filepath.Join(s.dir, checkpointsFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("audit.FileStore.AppendCheckpoint: %w", err)
	}
	defer f.Close()
	last, end, err := lastLine(f)
	if err != nil {
		return fmt.Errorf("audit.FileStore.AppendCheckpoint: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("audit.FileStore.AppendCheckpoint: %w", err)
	}
	if fi.Size() != end {
		if err := f.Truncate(end); err != nil {
			return fmt.Errorf("audit.FileStore.AppendCheckpoint: cut torn tail: %w", err)
		}
	}
	_, line, err := next(last)
	if err != nil {
		return err
	}
	if _, err := f.WriteAt(line, end); err != nil {
		return fmt.Errorf("audit.FileStore.AppendCheckpoint: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("audit.FileStore.AppendCheckpoint: %w", err)
	}
	if end == 0 {
		if err := syncDir(s.dir); err != nil {
			return fmt.Errorf("audit.FileStore.AppendCheckpoint: %w", err)
		}
	}
	return nil
}

// lastLine returns the last complete line of f (without newline, nil if
// none) and the offset just past it.
func lastLine(f *os.File) ([]byte, int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	size := fi.Size()
	// Find the end of the last complete line, then its start, reading
	// backwards in growing windows.
	end := int64(-1)
	for window := int64(4096); ; window *= 2 {
		from := max(size-window, 0)
		buf := make([]byte, size-from)
		if _, err := f.ReadAt(buf, from); err != nil && !errors.Is(err, io.EOF) {
			return nil, 0, err
		}
		if end < 0 {
			if i := bytes.LastIndexByte(buf, '\n'); i >= 0 {
				end = from + int64(i) + 1
			} else if from == 0 {
				return nil, 0, nil // no complete line at all
			} else {
				continue
			}
		}
		lineEnd := end - 1 - from // index of the newline in buf
		if lineEnd < 0 {
			continue
		}
		if i := bytes.LastIndexByte(buf[:lineEnd], '\n'); i >= 0 {
			return bytes.Clone(buf[i+1 : lineEnd]), end, nil
		}
		if from == 0 {
			return bytes.Clone(buf[:lineEnd]), end, nil
		}
		if window > MaxLine*2 {
			return nil, 0, errLineTooLong
		}
	}
}

// Chains implements Reader.
func (s *FileStore) Chains(ctx context.Context) ([]string, error) {
	ents, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	var out []string
	for _, e := range ents {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, chainPrefix) || !strings.HasSuffix(name, chainSuffix) {
			continue
		}
		out = append(out, strings.TrimSuffix(strings.TrimPrefix(name, chainPrefix), chainSuffix))
	}
	sort.Strings(out)
	return out, nil
}

// ReadChain implements Reader.
func (s *FileStore) ReadChain(ctx context.Context, chain string, fn func(Line) error) error {
	path := s.ChainPath(chain)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	defer f.Close()
	return scanLines(f, path, fn)
}

// ReadCheckpoints implements Reader.
func (s *FileStore) ReadCheckpoints(ctx context.Context, fn func(Line) error) error {
	path := filepath.Join(s.dir, checkpointsFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	defer f.Close()
	return scanLines(f, path, fn)
}

// Close implements Store.
func (s *FileStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for c, f := range s.chains {
		errs = append(errs, f.Close())
		delete(s.chains, c)
	}
	s.closed = true
	return errors.Join(errs...)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// ReadDir reads every entry of every chain in a local audit directory,
// ordered by time. It checks nothing; use Verify for that.
func ReadDir(dir string) ([]Entry, error) {
	s, err := OpenFileReader(dir)
	if err != nil {
		return nil, err
	}
	return Entries(context.Background(), s)
}

// Entries returns every acknowledged entry of a store's chains.
func Entries(ctx context.Context, r Reader) ([]Entry, error) {
	rows, err := Query(ctx, r, Filter{})
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(rows))
	for i, row := range rows {
		out[i] = row.Entry
	}
	return out, nil
}
