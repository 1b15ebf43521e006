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
	"strconv"
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
// A chain file is written only by its writer, at its written length, and
// made durable (fdatasync) before AppendChain returns. The writer keeps
// the file filled with written zeros up to 1 MiB (zeroAhead) past its
// records, so an append overwrites blocks the file already has within its
// size and its flush writes the records' pages without the inode (a
// growing file's size is a second synchronous write every flush; issue
// 18, the same as storage.Log's segments). Readers take the file up to its
// last byte that is not zero: trailing zeros were never written by a
// record (a record is a JSON line, never NUL). Close cuts them; a killed
// writer's stay and are ignored. The checkpoints file is opened
// append-only and fsynced.
// Several processes may share the directory: each writes its own chain
// files, and checkpoint appends are serialized by the lock file. A writer
// holds an exclusive flock(2) on each chain file it created until it
// closes the store (or dies: the kernel then drops the lock), which is how
// Claim tells a dead writer's chain from a live one.
type FileStore struct {
	dir string

	mu     sync.Mutex
	chains map[string]*fileChain
	closed bool
}

type fileChain struct {
	f *os.File
	// written is the chain's length (its records); zeroed is the file's
	// size, the written zeros past them included.
	written, zeroed int64
	// broken: a write or fsync failed, so the tail is unknown and the
	// chain takes nothing more. The file stays open, and so locked, until
	// the store closes: the writer records the chain's last durable head
	// (abandoned) before anyone may seal it.
	broken bool
}

var _ Store = (*FileStore)(nil)

const (
	chainPrefix     = "audit-"
	chainSuffix     = ".jsonl"
	checkpointsFile = "checkpoints.jsonl"
	lockFile        = "checkpoints.lock"

	// zeroAhead is how far past its records a chain file is filled with
	// written zeros.
	zeroAhead = 1 << 20
)

// NewFileStore opens (creating) the directory.
func NewFileStore(dir string) (*FileStore, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("audit.NewFileStore: %w", err)
	}
	return &FileStore{dir: dir, chains: map[string]*fileChain{}}, nil
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
	return &FileStore{dir: dir, chains: map[string]*fileChain{}}, nil
}

// Dir is the directory.
func (s *FileStore) Dir() string { return s.dir }

func (s *FileStore) String() string { return s.dir }

// ChainPath is the file of a chain.
func (s *FileStore) ChainPath(chain string) string {
	return filepath.Join(s.dir, chainPrefix+chain+chainSuffix)
}

// ChainWhere is the file of a chain, for verify's messages.
func (s *FileStore) ChainWhere(chain string) string { return s.ChainPath(chain) }

// CreateChain implements Store.
func (s *FileStore) CreateChain(ctx context.Context, chain string) error {
	if !ValidChain(chain) {
		return fmt.Errorf("audit.FileStore: invalid chain name %q", chain)
	}
	f, err := os.OpenFile(s.ChainPath(chain), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("audit.FileStore.CreateChain: %w", err)
	}
	// The lock says "my writer is alive" to Claim; nobody else can hold
	// it yet (the file is new and not registered).
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return fmt.Errorf("audit.FileStore.CreateChain: lock: %w", err)
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
	s.chains[chain] = &fileChain{f: f}
	return nil
}

// AppendChain implements Store: one write and one fsync for the batch.
func (s *FileStore) AppendChain(ctx context.Context, chain string, first uint64, records []byte) error {
	s.mu.Lock()
	c := s.chains[chain]
	s.mu.Unlock()
	if c == nil || c.broken {
		return fmt.Errorf("audit.FileStore.AppendChain: chain %s is not open for writing", chain)
	}
	err := c.write(records)
	if err != nil {
		// After a failed write or fsync the file's tail is unknown (and on
		// Linux a failed fsync may have dropped the dirty pages): never
		// write this chain again. The Trail starts a new one.
		s.mu.Lock()
		c.broken = true
		s.mu.Unlock()
		return fmt.Errorf("audit.FileStore.AppendChain: %w", err)
	}
	return nil
}

// write writes records at the chain's written length and makes them
// durable. Where they would reach past the written zeros, zeros are first
// written up to zeroAhead past them (the file's size changes, so this
// flush writes the inode too, once a MiB).
func (c *fileChain) write(records []byte) error {
	end := c.written + int64(len(records))
	if end > c.zeroed {
		size := end + zeroAhead
		if _, err := c.f.WriteAt(make([]byte, size-c.zeroed), c.zeroed); err != nil {
			return err
		}
		c.zeroed = size
	}
	if _, err := c.f.WriteAt(records, c.written); err != nil {
		return err
	}
	// fdatasync: the records' pages, and the size when it changed; not
	// the times.
	if err := datasync(c.f); err != nil {
		return err
	}
	c.written = end
	return nil
}

// cutZeros cuts the zeros written ahead of the records, so a closed chain
// ends with its last record. Only zeros: bytes past the written length
// that are not (a write that failed here, yet landed) stay, for Verify to
// judge.
func (c *fileChain) cutZeros() error {
	n, err := writtenLength(c.f)
	if err != nil {
		return err
	}
	if err := c.f.Truncate(n); err != nil {
		return err
	}
	return c.f.Sync()
}

// Claim implements Store: it takes the chain file's flock without
// waiting. Its writer holds that lock while it lives, so getting it
// proves the writer gone; ErrChainLive if someone holds it.
func (s *FileStore) Claim(ctx context.Context, chain string, head uint64) (func(), error) {
	if !ValidChain(chain) {
		return nil, fmt.Errorf("audit.FileStore.Claim: invalid chain name %q", chain)
	}
	f, err := os.Open(s.ChainPath(chain))
	if err != nil {
		return nil, fmt.Errorf("audit.FileStore.Claim: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrChainLive
		}
		return nil, fmt.Errorf("audit.FileStore.Claim: lock: %w", err)
	}
	return func() { f.Close() }, nil
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
	n, err := writtenLength(f)
	if err != nil {
		return fmt.Errorf("audit: %s: %w", path, err)
	}
	return scanLines(io.LimitReader(f, n), path, fn)
}

// writtenLength is the length of a chain file without its trailing zeros
// (written ahead of the records by its writer; see FileStore): up to and
// including its last byte that is not NUL. Zeros followed by anything else
// are kept, and read as the damage they are.
func writtenLength(f *os.File) (int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	end := fi.Size()
	buf := make([]byte, 64<<10)
	for end > 0 {
		n := min(end, int64(len(buf)))
		if _, err := f.ReadAt(buf[:n], end-n); err != nil {
			return 0, err
		}
		for i := n - 1; i >= 0; i-- {
			if buf[i] != 0 {
				return end - n + i + 1, nil
			}
		}
		end -= n
	}
	return 0, nil
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

// ReadCheckpointsFrom implements Store; the cursor is the byte offset
// after the last complete line read.
func (s *FileStore) ReadCheckpointsFrom(ctx context.Context, cursor string, fn func(Line) error) (string, error) {
	var off int64
	if cursor != "" {
		n, err := strconv.ParseInt(cursor, 10, 64)
		if err != nil || n < 0 {
			return cursor, fmt.Errorf("audit.FileStore.ReadCheckpointsFrom: bad cursor %q", cursor)
		}
		off = n
	}
	path := filepath.Join(s.dir, checkpointsFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) && off == 0 {
		return cursor, nil
	}
	if err != nil {
		return cursor, fmt.Errorf("audit.FileStore.ReadCheckpointsFrom: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return cursor, fmt.Errorf("audit.FileStore.ReadCheckpointsFrom: %w", err)
	}
	if fi.Size() < off {
		return cursor, fmt.Errorf("audit.FileStore.ReadCheckpointsFrom: %s shrank below %d bytes (it was cut or replaced; run `clinscribe audit verify`)", path, off)
	}
	// In chunks: the file grows for years.
	end := fi.Size()
	chunk := make([]byte, 0, 1<<20)
	for off < end {
		n := min(end-off, int64(max(cap(chunk), 1<<20)))
		chunk = chunk[:n]
		if _, err := f.ReadAt(chunk, off); err != nil && !errors.Is(err, io.EOF) {
			return strconv.FormatInt(off, 10), fmt.Errorf("audit.FileStore.ReadCheckpointsFrom: %w", err)
		}
		buf, progressed := chunk, false
		for {
			i := bytes.IndexByte(buf, '\n')
			if i < 0 {
				break
			}
			if err := fn(Line{Where: path, Data: buf[:i]}); err != nil {
				return strconv.FormatInt(off, 10), err
			}
			off += int64(i) + 1
			buf, progressed = buf[i+1:], true
		}
		if !progressed {
			if n == end-off {
				break // the rest is a line still being written
			}
			if len(chunk) > 2*MaxLine {
				return strconv.FormatInt(off, 10), fmt.Errorf("audit.FileStore.ReadCheckpointsFrom: %s at byte %d: %w", path, off, errLineTooLong)
			}
			chunk = make([]byte, 0, 2*cap(chunk)) // a line longer than the chunk
		}
	}
	return strconv.FormatInt(off, 10), nil
}

// RecentCheckpoints implements Store: a byte offset about n lines (of at
// most 1 KiB, which checkpoints rarely exceed) before the end, moved on
// to the start of a line.
func (s *FileStore) RecentCheckpoints(ctx context.Context, n int) (string, error) {
	if n < 0 {
		return "", nil
	}
	f, err := os.Open(filepath.Join(s.dir, checkpointsFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("audit.FileStore.RecentCheckpoints: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("audit.FileStore.RecentCheckpoints: %w", err)
	}
	off := fi.Size() - int64(n)*1024
	if off <= 0 {
		return "", nil
	}
	buf := make([]byte, MaxLine+1)
	m, err := f.ReadAt(buf, off-1)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("audit.FileStore.RecentCheckpoints: %w", err)
	}
	i := bytes.IndexByte(buf[:m], '\n')
	if i < 0 {
		return "", nil
	}
	return strconv.FormatInt(off+int64(i), 10), nil
}

// Close implements Store.
func (s *FileStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for name, c := range s.chains {
		if c.zeroed > c.written {
			errs = append(errs, c.cutZeros())
		}
		errs = append(errs, c.f.Close())
		delete(s.chains, name)
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
