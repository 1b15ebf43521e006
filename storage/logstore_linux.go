package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/google/btree"
	"golang.org/x/sys/unix"
)

// Log is a log-structured Blobstore in a local directory: every object is
// a record appended to the writing process's own segment file, found
// through an index each process keeps in memory. A Put costs a write(2)
// and a share of one fdatasync(2) of one file, where Local creates,
// links, renames and unlinks files and directories, each an inode and a
// journal update of the filesystem (issue 18: on this project's machines
// a file creation cost 0.6 ms of CPU, an append a few µs).
//
// Several processes share one directory (the API server, the workers,
// the maintenance commands):
//
//   - each process appends only to its own segment (log/seg-*.log), held
//     with an exclusive flock(2) for as long as the store is open: one
//     left by a process that is gone, or a new one;
//   - a shared control page (log/ctl, mapped by every process) holds the
//     global sequence counter and the number of segments made; every
//     write takes the control file's flock, numbers its record from the
//     counter and appends it, so records of one key are ordered across
//     processes by their numbers, and a CreateOnly write decides whether
//     its key is taken from every segment's records under that lock;
//   - each segment's lengths file (log/seg-*.len, mapped too) holds how
//     far it is written and how far it is durable. Readers index records
//     only up to the durable length, which the owner raises after each
//     fdatasync: no process ever sees an object that a power loss could
//     take back, and an object becomes visible to every process at once.
//
// A record is [length u32][crc32c u32][seq u64][op u8][key length u16]
// [value length u32][key][value]; the checksum covers all that follows it.
// A power loss can leave a segment with a torn tail beyond its durable
// length; the next process to open the store finds the segment's owner
// gone (its flock free), keeps the longest prefix of whole records,
// truncates the rest (never acknowledged, never seen) and seals it.
//
// Bodies larger than one staging buffer (128 KiB: recordings) are written
// to their own file under blobs/, made durable, and the record names that
// file; overwriting or deleting such an object removes its file.
//
// Deleted and overwritten records stay in their segment until Compact,
// which runs with every other process stopped. Until then a data store's
// deleted object keeps its sealed bytes there, unreadable once its scope
// key is destroyed; a key ring's store erases them at once
// (LogOptions.Erase): a destroyed key leaves no copy.
type Log struct {
	root  string
	erase bool // LogOptions.Erase
	ctl   *os.File
	ctlp  []byte // the mapped control page

	wmu    sync.Mutex             // one writer of the process at a time (before the flock)
	closed atomic.Bool            // Close was called (set under wmu)
	broken atomic.Pointer[error]  // a flush failed: no more writes
	active atomic.Pointer[logSeg] // this process's segment, made by its first write
	group  *groupSync
	// pendBuf holds the not yet durable tails takenBeyondDurable reads
	// (under wmu): one buffer reused, not one allocated and zeroed per
	// create-only write.
	pendBuf []byte

	mu      sync.Mutex // index, live, pending, segs, buf
	index   map[string]logEntry
	live    *btree.BTreeG[string] // the keys with a current version, for List
	pending map[string]uint64     // this process's deletions not yet durable: key → seq
	segs    map[string]*logSeg
	buf     []byte        // catching up reads into it
	removed []string      // keys indexed as removed since the last pruneRemovals
	segGen  atomic.Uint64 // the control page's segment count when segs was read
	// lastAdopt is when adoptDead last looked (Unix ns).
	lastAdopt atomic.Int64
}

var (
	_ Blobstore   = (*Log)(nil)
	_ Stager      = (*Log)(nil)
	_ Publisher   = (*logStaged)(nil)
	_ LazyDeleter = (*Log)(nil)
)

// logSeg is one segment file and its lengths.
type logSeg struct {
	name string
	fd   int
	// lens is the mapped page of the segment's lengths file
	// (seg-*.len): how far it is written and how far durable, shared by
	// every process. It is never flushed: a flush of the segment writes
	// its records and nothing else, and after a power loss the lengths
	// are found again from the records (recoverSegment).
	lens []byte
	read int64 // how far this process has indexed it (under Log.mu)
	// filled is how far the file holds written bytes (records, or the
	// zeros extend writes ahead of them), as its owner knows it; 0: not
	// yet looked at. Under Log.wmu, for the process's own segment only.
	filled int64
}

func (s *logSeg) durable() *atomic.Int64 { return (*atomic.Int64)(unsafe.Pointer(&s.lens[8])) }
func (s *logSeg) written() *atomic.Int64 { return (*atomic.Int64)(unsafe.Pointer(&s.lens[16])) }

// logEntry is where the current version of a key is.
type logEntry struct {
	seq      uint64
	seg      *logSeg
	off, n   int64 // the value's place in the segment
	key      int   // the key's length
	deleted  bool
	external bool // the value names a file under blobs/
}

const (
	logPage      = 4096
	logMagic     = "CSLOG001"
	logRecHeader = 4 + 4 + 8 + 1 + 2 + 4
	logOpPut     = 1
	logOpDelete  = 2
	logOpBlob    = 3 // put whose value is the name of a file under blobs/
	// logOpErased marks a superseded record whose value was overwritten
	// with zeros (LogOptions.Erase); its checksum no longer holds and is
	// not checked.
	logOpErased = 4
	// logReadChunk is how much of a segment catching up reads at once;
	// a record in the log is at most a staging buffer and its key.
	logReadChunk = 256 << 10
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func (l *Log) ctlSeq() *atomic.Uint64 { return (*atomic.Uint64)(unsafe.Pointer(&l.ctlp[0])) }
func (l *Log) ctlGen() *atomic.Uint64 { return (*atomic.Uint64)(unsafe.Pointer(&l.ctlp[8])) }

// LogOptions are a Log store's settings.
type LogOptions struct {
	// Erase overwrites a deleted or overwritten object's record with
	// zeros once the deletion is durable, so that no copy stays on disk
	// (as far as the filesystem goes): for the key ring, whose destroyed
	// keys are what makes a patient's deleted data unreadable.
	Erase bool
}

// NewLog opens (creating if needed, mode 0700) a Log store rooted at dir:
// it recovers the segments of processes that died and indexes every
// durable record; its segment is made by its first write.
func NewLog(dir string) (*Log, error) { return NewLogWith(dir, LogOptions{}) }

// NewLogWith is NewLog with options.
func NewLogWith(dir string, opts LogOptions) (*Log, error) {
	if dir == "" {
		return nil, errors.New("storage.NewLog: empty directory")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("storage.NewLog: %w", err)
	}
	for _, d := range []string{abs, filepath.Join(abs, "log"), filepath.Join(abs, "blobs")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("storage.NewLog: %w", err)
		}
	}
	l := &Log{root: abs, erase: opts.Erase, index: map[string]logEntry{}, pending: map[string]uint64{}, segs: map[string]*logSeg{},
		live: btree.NewG(32, func(a, b string) bool { return a < b })}
	if err := l.open(); err != nil {
		l.release()
		return nil, fmt.Errorf("storage.NewLog: %w", err)
	}
	return l, nil
}

func (l *Log) open() error {
	ctlPath := filepath.Join(l.root, "log", "ctl")
	f, err := os.OpenFile(ctlPath, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	l.ctl = f
	if err := fillPage(int(f.Fd())); err != nil {
		return err
	}
	if l.ctlp, err = unix.Mmap(int(f.Fd()), 0, logPage, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED); err != nil {
		return err
	}
	if err := syncDir(filepath.Join(l.root, "log")); err != nil {
		return err
	}
	unlock, err := l.lock()
	if err != nil {
		return err
	}
	defer unlock()
	if err := finishCompaction(filepath.Join(l.root, "log")); err != nil {
		return err
	}
	if err := l.discover(true); err != nil {
		return err
	}
	// The counter's page is never flushed on purpose: after a power loss
	// it may be behind the records that survived.
	var maxSeq uint64
	for _, e := range l.index {
		maxSeq = max(maxSeq, e.seq)
	}
	if l.ctlSeq().Load() < maxSeq {
		l.ctlSeq().Store(maxSeq)
	}
	l.group = &groupSync{flush: l.flush}
	l.group.cond = sync.NewCond(&l.group.mu)
	return nil
}

// Close ends the store's writes: what it has written is flushed, and its
// segment is released to the next opener, who seals it. Reads go on
// working (the files and mappings live until the process exits, so a
// goroutine still reading is never left with unmapped memory); writes
// fail.
func (l *Log) Close() error {
	var err error
	if l.group != nil {
		err = l.group.wait()
	}
	l.wmu.Lock()
	defer l.wmu.Unlock()
	if l.closed.Load() {
		return nil
	}
	l.closed.Store(true)
	if s := l.active.Load(); s != nil {
		// The zeros written ahead (extend) go, so the segment a process
		// leaves ends at its records, as the next opener's seal would cut
		// it: that opener then writes nothing (clinscribe config check
		// changes no file).
		if w := s.written().Load(); s.filled > w {
			if terr := unix.Ftruncate(s.fd, w); terr != nil && err == nil {
				err = fmt.Errorf("storage.Log.Close: %w", terr)
			}
		}
		unix.Flock(s.fd, unix.LOCK_UN)
	}
	return err
}

// release closes and unmaps everything of a store that failed to open.
func (l *Log) release() {
	for _, s := range l.segs {
		unix.Munmap(s.lens)
		unix.Close(s.fd)
	}
	if l.ctlp != nil {
		unix.Munmap(l.ctlp)
	}
	if l.ctl != nil {
		l.ctl.Close()
	}
}

// Root is the directory the store lives in.
func (l *Log) Root() string { return l.root }

// lock takes the process's write mutex and the directory's flock.
func (l *Log) lock() (unlock func(), err error) {
	l.wmu.Lock()
	for {
		err = unix.Flock(int(l.ctl.Fd()), unix.LOCK_EX)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		l.wmu.Unlock()
		return nil, err
	}
	return func() {
		unix.Flock(int(l.ctl.Fd()), unix.LOCK_UN)
		l.wmu.Unlock()
	}, nil
}

// newSegment makes this process's segment, durable under its name before
// any record goes in. Called with the flock held.
func (l *Log) newSegment() (*logSeg, error) {
	gen := l.ctlGen().Load() + 1
	name := fmt.Sprintf("seg-%012d-%s.log", gen, randomHex()[:8])
	p := filepath.Join(l.root, "log", name)
	fd, err := openFile(p, unix.O_RDWR|unix.O_CREAT|unix.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
		unix.Close(fd)
		return nil, err
	}
	hdr := make([]byte, logPage)
	copy(hdr, logMagic)
	if _, err := unix.Pwrite(fd, hdr, 0); err != nil {
		unix.Close(fd)
		return nil, err
	}
	if err := unix.Fdatasync(fd); err != nil {
		unix.Close(fd)
		return nil, err
	}
	if err := syncDir(filepath.Join(l.root, "log")); err != nil {
		unix.Close(fd)
		return nil, err
	}
	s, err := mapSegment(filepath.Join(l.root, "log"), name, fd)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	s.written().Store(logPage)
	s.durable().Store(logPage)
	l.mu.Lock()
	l.segs[name] = s
	l.mu.Unlock()
	l.ctlGen().Store(gen)
	return s, nil
}

// segments is the segments this process knows, at this moment.
func (l *Log) segments() []*logSeg {
	l.mu.Lock()
	defer l.mu.Unlock()
	segs := make([]*logSeg, 0, len(l.segs))
	for _, s := range l.segs {
		segs = append(segs, s)
	}
	return segs
}

// takeSegment gives this process a segment to append to: one whose owner
// is gone, sealed first, or else a new one. Reusing them keeps the number
// of segments, each an open file and a mapping in every process, near the
// number of processes that run at once rather than the number ever
// started. Called with the flock held.
func (l *Log) takeSegment() (*logSeg, error) {
	segs := l.segments()
	for _, s := range segs {
		if err := unix.Flock(s.fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
			continue // its owner is alive
		}
		if err := sealSegment(s); err != nil {
			unix.Flock(s.fd, unix.LOCK_UN)
			return nil, fmt.Errorf("segment %s: %w", s.name, err)
		}
		return s, nil
	}
	return l.newSegment()
}

// fillPage gives a file that is mapped shared its whole first page as
// written zeros, not a hole: a store through the mapping then never needs
// a block the filesystem may not have (a full disk would end the process
// with SIGBUS rather than fail a write).
func fillPage(fd int) error {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return err
	}
	if st.Size >= logPage {
		return nil
	}
	_, err := unix.Pwrite(fd, make([]byte, logPage-st.Size), st.Size)
	return err
}

// errNotSegment is a segment file without its header.
var errNotSegment = errors.New("not a log segment (no header)")

// mapSegment checks the segment open as fd and maps its lengths file,
// made empty if missing (lost with a power loss: both lengths then read
// as zero, below any record, until recoverSegment finds them).
func mapSegment(dir, name string, fd int) (*logSeg, error) {
	magic := make([]byte, len(logMagic))
	if n, err := unix.Pread(fd, magic, 0); err != nil || n != len(magic) || string(magic) != logMagic {
		return nil, fmt.Errorf("segment %s: %w", name, errNotSegment)
	}
	lf, err := openFile(filepath.Join(dir, strings.TrimSuffix(name, ".log")+".len"), unix.O_RDWR|unix.O_CREAT, 0o600)
	if err != nil {
		return nil, err
	}
	defer unix.Close(lf)
	if err := fillPage(lf); err != nil {
		return nil, err
	}
	lens, err := unix.Mmap(lf, 0, logPage, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	return &logSeg{name: name, fd: fd, lens: lens, read: logPage}, nil
}

// discover opens the segments this process has not seen. With recover
// set (the flock held), a segment whose owner is gone is cut to its whole
// records and sealed as durable.
func (l *Log) discover(recover bool) error {
	dir := filepath.Join(l.root, "log")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	gen := l.ctlGen().Load()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, "seg-") || !strings.HasSuffix(name, ".log") || l.segs[name] != nil {
			continue
		}
		fd, err := openFile(filepath.Join(dir, name), unix.O_RDWR, 0)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return err
		}
		s, err := mapSegment(dir, name, fd)
		if errors.Is(err, errNotSegment) {
			// A segment being made (its header comes before the count
			// that announces it), or one whose maker died before its
			// header was durable: it never held a record.
			if recover && unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB) == nil {
				remove(filepath.Join(dir, name))
				remove(filepath.Join(dir, strings.TrimSuffix(name, ".log")+".len"))
			}
			unix.Close(fd)
			continue
		}
		if err != nil {
			unix.Close(fd)
			return err
		}
		if recover {
			if err := recoverSegment(s); err != nil {
				unix.Munmap(s.lens)
				unix.Close(fd)
				return fmt.Errorf("segment %s: %w", name, err)
			}
		}
		l.segs[name] = s
	}
	l.segGen.Store(gen)
	return l.catchUpLocked()
}

// recoverSegment seals a segment whose owner is gone: its whole records
// beyond the durable length (written before the owner died, possibly not
// flushed) are flushed and kept, a torn tail is cut off.
func recoverSegment(s *logSeg) error {
	if err := unix.Flock(s.fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
		if err == unix.EWOULDBLOCK {
			return nil // its owner is alive
		}
		return err
	}
	defer unix.Flock(s.fd, unix.LOCK_UN)
	return sealSegment(s)
}

// sealSegment is recoverSegment once the segment's flock is held.
func sealSegment(s *logSeg) error {
	var st unix.Stat_t
	if err := unix.Fstat(s.fd, &st); err != nil {
		return err
	}
	end := s.durable().Load()
	if end < logPage || end > st.Size {
		// No lengths, or lengths of more than the file holds (a copy of
		// the directory taken while it was written): read it all.
		end = logPage
	}
	buf := make([]byte, logReadChunk)
	for end < st.Size {
		n, err := unix.Pread(s.fd, buf, end)
		if err != nil {
			return err
		}
		recs := buf[:n]
		adv := int64(0)
		for len(recs) >= logRecHeader {
			size := int64(binary.LittleEndian.Uint32(recs))
			if size < logRecHeader || size > int64(len(recs)) || end+adv+size > st.Size {
				break
			}
			if recs[16] != logOpErased && crc32.Checksum(recs[8:size], crcTable) != binary.LittleEndian.Uint32(recs[4:]) {
				break
			}
			adv += size
			recs = recs[size:]
		}
		if adv == 0 {
			break
		}
		end += adv
	}
	if end == s.durable().Load() && end == st.Size && end == s.written().Load() {
		return nil // sealed already: nothing to write
	}
	if end < st.Size {
		if err := unix.Ftruncate(s.fd, end); err != nil {
			return err
		}
	}
	if err := unix.Fdatasync(s.fd); err != nil {
		return err
	}
	s.written().Store(end)
	s.durable().Store(end)
	return nil
}

// catchUp indexes what every segment has made durable since last time,
// first opening segments made since.
func (l *Log) catchUp() error {
	if err := l.adoptDead(); err != nil {
		return err
	}
	if l.ctlGen().Load() != l.segGen.Load() {
		return l.discover(false)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.catchUpLocked()
}

// adoptDeadEvery is how often a store looks for segments whose owner died
// with records written but not flushed.
const adoptDeadEvery = 500 * time.Millisecond

// adoptDead recovers, at most every adoptDeadEvery, the segments of
// processes that died with records written beyond their durable length:
// those records (a draft, a meta.json whose commit the dead process had
// published) are whole in the page cache and are made durable and seen
// now, as a file linked before a crash would be, rather than at the next
// start of some process. Called without Log.mu.
func (l *Log) adoptDead() error {
	now := time.Now().UnixNano()
	last := l.lastAdopt.Load()
	if now-last < int64(adoptDeadEvery) || !l.lastAdopt.CompareAndSwap(last, now) {
		return nil
	}
	own := l.active.Load()
	l.mu.Lock()
	var stale []*logSeg
	for _, s := range l.segs {
		if s != own && s.written().Load() > s.durable().Load() {
			stale = append(stale, s)
		}
	}
	l.mu.Unlock()
	if len(stale) == 0 {
		return nil
	}
	unlock, err := l.lock()
	if err != nil {
		return err
	}
	defer unlock()
	for _, s := range stale {
		// recoverSegment leaves a segment whose owner holds it alone.
		if err := recoverSegment(s); err != nil {
			return fmt.Errorf("storage.Log: segment %s: %w", s.name, err)
		}
	}
	return nil
}

func (l *Log) catchUpLocked() error {
	for _, s := range l.segs {
		d := s.durable().Load()
		if s.read >= d {
			continue
		}
		if l.buf == nil {
			l.buf = make([]byte, logReadChunk)
		}
		if err := l.indexRange(s, d, l.buf); err != nil {
			return err
		}
	}
	l.pruneRemovals()
	return nil
}

// pruneRemovalsAfter is how many removals the index holds before it tries
// to forget them.
const pruneRemovalsAfter = 1024

// pruneRemovals forgets the index's removals once no older record of
// their keys can still arrive: when every segment has been read as far as
// it is written, every record written before a removal (all older ones:
// numbers are taken in the order records are appended) has been indexed
// already, so a removal no longer has anything to hide. Without it the
// index would keep an entry for every object ever deleted (an open marker
// per encounter). Under Log.mu.
func (l *Log) pruneRemovals() {
	if len(l.removed) < pruneRemovalsAfter {
		return
	}
	for _, s := range l.segs {
		if s.read < s.written().Load() {
			return // a record may be on its way: try again later
		}
	}
	for _, key := range l.removed {
		if e, ok := l.index[key]; ok && e.deleted {
			delete(l.index, key)
		}
	}
	l.removed = l.removed[:0]
}

// indexRange indexes the records of s from where this process stopped up
// to end, a record boundary.
func (l *Log) indexRange(s *logSeg, end int64, buf []byte) error {
	for s.read < end {
		want := min(int64(len(buf)), end-s.read)
		n, err := unix.Pread(s.fd, buf[:want], s.read)
		if err != nil {
			return fmt.Errorf("storage.Log: read %s: %w", s.name, err)
		}
		recs := buf[:n]
		adv := int64(0)
		for len(recs) >= logRecHeader {
			size := int64(binary.LittleEndian.Uint32(recs))
			if size < logRecHeader {
				return fmt.Errorf("storage.Log: %s: bad record at %d", s.name, s.read+adv)
			}
			keyLen := int64(binary.LittleEndian.Uint16(recs[17:]))
			if int64(len(recs)) < logRecHeader+keyLen {
				break // the key runs past the buffer: read again from here
			}
			key := string(recs[logRecHeader : logRecHeader+keyLen])
			e := logEntry{
				seq: binary.LittleEndian.Uint64(recs[8:]),
				seg: s,
				off: s.read + adv + logRecHeader + keyLen,
				n:   int64(binary.LittleEndian.Uint32(recs[19:])),
				key: int(keyLen),
			}
			switch recs[16] {
			case logOpDelete, logOpErased:
				e.deleted = true
			case logOpBlob:
				e.external = true
			}
			l.apply(key, e)
			adv += size
			if size > int64(len(recs)) {
				break // its value runs past the buffer; it is indexed
			}
			recs = recs[size:]
		}
		if adv == 0 {
			return fmt.Errorf("storage.Log: %s: record at %d larger than a read", s.name, s.read)
		}
		s.read += adv
	}
	return nil
}

// apply makes e the key's current version unless a later one is known.
func (l *Log) apply(key string, e logEntry) {
	old, ok := l.index[key]
	if ok && old.seq >= e.seq {
		return
	}
	l.index[key] = e
	if e.deleted {
		l.removed = append(l.removed, key)
	}
	switch {
	case e.deleted && ok && !old.deleted:
		l.live.Delete(key)
	case !e.deleted && (!ok || old.deleted):
		l.live.ReplaceOrInsert(key)
	}
	if seq, ok := l.pending[key]; ok && seq <= e.seq {
		delete(l.pending, key)
	}
}

// gone reports whether this process deleted key after its indexed
// version, without the deletion being durable yet (DeleteLazy). Under mu.
func (l *Log) gone(key string, e logEntry) bool {
	seq, ok := l.pending[key]
	return ok && seq > e.seq
}

// flush makes this process's segment durable up to what it had written
// when the flush began, then raises the durable length every process
// reads to.
func (l *Log) flush() error {
	s := l.active.Load()
	if s == nil || l.closed.Load() {
		// Closed: the segment may be another process's by now.
		return nil
	}
	if err := l.broken.Load(); err != nil {
		return *err
	}
	w := s.written().Load()
	t0 := time.Now()
	err := fdatasyncSegment(s.fd)
	flushNanos.Add(int64(time.Since(t0)))
	logFlushes.Add(1)
	if err != nil {
		// After a failed flush the kernel may have dropped the dirty
		// pages and report the next flush clean: nothing written so far
		// can be trusted durable, so the store stops writing (its
		// records past the durable length are left to recovery's
		// checksums at the next start), as databases do.
		err = fmt.Errorf("storage.Log: flush failed, the store takes no more writes until restarted: %w", err)
		l.broken.CompareAndSwap(nil, &err)
		return err
	}
	raiseTo(s.durable(), w)
	return nil
}

// Writable reports why the store takes no more writes (a flush failed:
// restart the process), or nil (readiness checks ask it).
func (l *Log) Writable() error {
	if err := l.broken.Load(); err != nil {
		return *err
	}
	return nil
}

// fdatasyncSegment flushes this process's segment (a test makes it fail).
var fdatasyncSegment = unix.Fdatasync

// raiseTo sets v to w unless it is already beyond (two flushes may end
// out of order; the durable length never goes back).
func raiseTo(v *atomic.Int64, w int64) {
	for {
		cur := v.Load()
		if cur >= w || v.CompareAndSwap(cur, w) {
			return
		}
	}
}

// logFlushes is the number of fdatasync flushes the process's Log stores
// have begun (see Flushes).
var logFlushes atomic.Uint64

func encodeRecord(op byte, key string, value []byte) []byte {
	size := logRecHeader + len(key) + len(value)
	rec := make([]byte, size)
	binary.LittleEndian.PutUint32(rec, uint32(size))
	rec[16] = op
	binary.LittleEndian.PutUint16(rec[17:], uint16(len(key)))
	binary.LittleEndian.PutUint32(rec[19:], uint32(len(value)))
	copy(rec[logRecHeader:], key)
	copy(rec[logRecHeader+len(key):], value)
	return rec
}

// appendRecord numbers rec and appends it to this process's segment under
// the flock. With createOnly it first fails with ErrExists if the key has
// a current version in any segment, durable or not (one not yet durable
// is flushed first, so the caller may rely on it). It returns the ticket
// of the flush that makes the record durable, and the entry the key had
// (to remove the file of an overwritten external value).
func (l *Log) appendRecord(key string, rec []byte, createOnly bool) (ticket uint64, prev logEntry, seq uint64, err error) {
	unlock, err := l.lock()
	if err != nil {
		return 0, prev, 0, err
	}
	defer unlock()
	if l.closed.Load() {
		return 0, prev, 0, errors.New("storage.Log: closed")
	}
	if err := l.broken.Load(); err != nil {
		return 0, prev, 0, *err
	}
	if l.ctlGen().Load() != l.segGen.Load() {
		if err := l.discover(false); err != nil {
			return 0, prev, 0, err
		}
	}
	l.mu.Lock()
	err = l.catchUpLocked()
	prev = l.index[key]
	l.mu.Unlock()
	if err != nil {
		return 0, prev, 0, err
	}
	if createOnly {
		taken, err := l.takenBeyondDurable(key, prev)
		if err != nil {
			return 0, prev, 0, err
		}
		if taken {
			return 0, prev, 0, ErrExists
		}
	}
	s := l.active.Load()
	if s == nil {
		// The segment is taken by the first write: a process that only
		// reads (clinscribe config check) takes none.
		if s, err = l.takeSegment(); err != nil {
			return 0, prev, 0, fmt.Errorf("storage.Log: %w", err)
		}
		l.active.Store(s)
	}
	seq = l.ctlSeq().Add(1)
	binary.LittleEndian.PutUint64(rec[8:], seq)
	binary.LittleEndian.PutUint32(rec[4:], crc32.Checksum(rec[8:], crcTable))
	off := s.written().Load()
	for n := 0; n < len(rec); {
		m, err := unix.Pwrite(s.fd, rec[n:], off+int64(n))
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			// Nothing was counted as written: the next record
			// overwrites whatever part of this one landed.
			return 0, prev, 0, fmt.Errorf("storage.Log: write: %w", err)
		}
		n += m
	}
	s.written().Store(off + int64(len(rec)))
	extend(s, off+int64(len(rec)))
	return l.group.ticket(), prev, seq, nil
}

// logExtend is how far ahead of its records a segment is filled with
// written zeros.
const logExtend = 1 << 20

// logZeros is what extend writes.
var logZeros = make([]byte, 64<<10)

// extend fills the owner's segment with written zeros up to logExtend
// beyond end once its records come near the end of what the file holds.
// A record then overwrites blocks the file already has within its size,
// so the fdatasync that makes it durable writes the record's page and no
// inode (a growing file's size, and its new blocks, must be written
// with it: on this project's ext4 disks a second synchronous write each
// flush). The zeros are past the written length, which is all any reader
// or recovery trusts: a segment sealed after its owner ends is cut to its
// whole records, zeros included (sealSegment). Best effort: a failed
// write of zeros (a full disk) only leaves the next flushes slower.
// Under Log.wmu.
func extend(s *logSeg, end int64) {
	if s.filled == 0 {
		var st unix.Stat_t
		if err := unix.Fstat(s.fd, &st); err != nil {
			s.filled = end
			return
		}
		s.filled = st.Size
	}
	if s.filled >= end+logExtend/4 {
		return
	}
	at := max(s.filled, end)
	for target := end + logExtend; at < target; {
		n, err := unix.Pwrite(s.fd, logZeros[:min(int64(len(logZeros)), target-at)], at)
		if err != nil {
			break
		}
		at += int64(n)
	}
	s.filled = at
}

// takenBeyondDurable reports whether key's latest record, the indexed one
// (prev) or one written but not yet durable in any segment, is a put: a
// removal written after a durable put frees the key. A pending put that
// decides is flushed before the answer is given. Called under the flock (and
// wmu, which guards pendBuf).
func (l *Log) takenBeyondDurable(key string, prev logEntry) (bool, error) {
	segs := l.segments()
	best, bestPut := prev.seq, prev.seg != nil && !prev.deleted
	var bestSeg *logSeg // where the latest record is pending; nil: indexed
	for _, s := range segs {
		d, w := s.durable().Load(), s.written().Load()
		if w <= d {
			continue
		}
		var buf []byte
		switch {
		case int64(cap(l.pendBuf)) >= w-d:
			buf = l.pendBuf[:w-d]
		case w-d <= pendBufKeep:
			l.pendBuf = make([]byte, max(w-d, 64<<10))
			buf = l.pendBuf[:w-d]
		default: // rare and large: not kept
			buf = make([]byte, w-d)
		}
		n, err := unix.Pread(s.fd, buf, d)
		if err != nil {
			return false, err
		}
		recs := buf[:n]
		for len(recs) >= logRecHeader {
			size := int(binary.LittleEndian.Uint32(recs))
			if size < logRecHeader || size > len(recs) {
				break
			}
			keyLen := int(binary.LittleEndian.Uint16(recs[17:]))
			if string(recs[logRecHeader:logRecHeader+keyLen]) == key {
				if seq := binary.LittleEndian.Uint64(recs[8:]); seq > best {
					best, bestPut, bestSeg = seq, recs[16] == logOpPut || recs[16] == logOpBlob, s
				}
			}
			recs = recs[size:]
		}
	}
	if !bestPut {
		return false, nil
	}
	if bestSeg == nil {
		return true, nil // the indexed put: durable already
	}
	// A flush of a segment makes all it has written durable, whoever
	// runs it: its durable length is raised as its owner would, so the
	// record that took the key is seen by every process now, even if its
	// owner died before its own flush.
	w := bestSeg.written().Load()
	if bestSeg == l.active.Load() {
		// Under the write mutex: the group's flush cannot take it.
		if err := unix.Fdatasync(bestSeg.fd); err != nil {
			return false, err
		}
	} else if err := syncSegment(bestSeg.fd); err != nil {
		return false, err
	}
	raiseTo(bestSeg.durable(), w)
	return true, nil
}

// pendBufKeep is the largest pending tail whose buffer Log keeps for the
// next create-only write.
const pendBufKeep = 1 << 20

// syncSegment flushes another process's segment (a test counts it).
var syncSegment = unix.Fdatasync

// Put implements Blobstore.
func (l *Log) Put(ctx context.Context, key string, body io.Reader, mode WriteMode) error {
	st, err := l.stage(ctx, key, body, mode)
	return commitStaged(ctx, st, err)
}

// Stage implements Stager: the record is prepared (a large body written
// to its own durable file); Publish appends it.
func (l *Log) Stage(ctx context.Context, key string, body io.Reader, mode WriteMode) (Staged, error) {
	return l.stage(ctx, key, body, mode)
}

type logStaged struct {
	l        *Log
	key      string
	rec      []byte
	blob     string // the external value's file, removed on Abort
	mode     WriteMode
	finished bool
}

func (l *Log) stage(ctx context.Context, key string, body io.Reader, mode WriteMode) (*logStaged, error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	bp := stageBufs.Get().(*[]byte)
	defer stageBufs.Put(bp)
	buf := *bp
	body = contextReader{ctx, body}
	n, more, err := readFirst(body, buf)
	if err != nil {
		return nil, fmt.Errorf("storage.Log.Put: %w", err)
	}
	st := &logStaged{l: l, key: key, mode: mode}
	if !more {
		st.rec = encodeRecord(logOpPut, key, buf[:n])
		return st, nil
	}
	name, err := l.writeBlob(buf[:n], body)
	if err != nil {
		return nil, fmt.Errorf("storage.Log.Put: %w", err)
	}
	st.blob = name
	st.rec = encodeRecord(logOpBlob, key, []byte(name))
	return st, nil
}

// writeBlob writes a large value to a new file under blobs/, durable
// with its name before it returns.
func (l *Log) writeBlob(first []byte, rest io.Reader) (string, error) {
	name := "b-" + randomHex()
	p := filepath.Join(l.root, "blobs", name)
	f, err := createExcl(p)
	if err != nil {
		return "", err
	}
	err = func() error {
		if _, err := f.Write(first); err != nil {
			return err
		}
		bp := stageBufs.Get().(*[]byte)
		defer stageBufs.Put(bp)
		for {
			n, rerr := rest.Read(*bp)
			if n > 0 {
				if _, err := f.Write((*bp)[:n]); err != nil {
					return err
				}
			}
			if rerr == io.EOF {
				break
			}
			if rerr != nil {
				return fmt.Errorf("read: %w", rerr)
			}
		}
		return f.sync()
	}()
	if cerr := f.close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDir(filepath.Dir(p))
	}
	if err != nil {
		remove(p)
		return "", err
	}
	return name, nil
}

// Commit implements Staged.
func (st *logStaged) Commit(ctx context.Context) error { return publishAndWait(ctx, st) }

// Publish implements Publisher: the record is appended; every process sees
// it once it is durable, which the returned wait waits for. Records
// published one after another become visible in that order.
func (st *logStaged) Publish(ctx context.Context) (wait func() error, err error) {
	if st.finished {
		return nil, errors.New("storage.Log: staged object already committed or aborted")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st.finished = true
	l := st.l
	ticket, prev, _, err := l.appendRecord(st.key, st.rec, st.mode == CreateOnly)
	if err != nil {
		if st.blob != "" {
			remove(filepath.Join(l.root, "blobs", st.blob))
		}
		return nil, err
	}
	return func() error {
		if err := l.group.waitFor(ticket); err != nil {
			return fmt.Errorf("storage.Log.Put: %w", err)
		}
		return l.superseded(prev)
	}, nil
}

// Abort implements Staged.
func (st *logStaged) Abort() {
	if !st.finished {
		st.finished = true
		if st.blob != "" {
			remove(filepath.Join(st.l.root, "blobs", st.blob))
		}
	}
}

// superseded is called once a record replacing or deleting prev is
// durable: prev's value file is removed, and with Erase its record is
// erased.
func (l *Log) superseded(prev logEntry) error {
	if prev.seg == nil || prev.deleted {
		return nil
	}
	if prev.external {
		name, err := l.readValue(prev)
		if err == nil && validBlobName(string(name)) {
			remove(filepath.Join(l.root, "blobs", string(name)))
		}
	}
	if !l.erase {
		return nil
	}
	if err := eraseRecord(prev); err != nil {
		return fmt.Errorf("storage.Log: erase: %w", err)
	}
	return nil
}

// eraseRecord overwrites a superseded record's value with zeros. The
// record is first marked erased, durably, so that a power loss halfway
// through the zeros leaves a record recovery skips over rather than a
// broken checksum it would cut the segment at.
func eraseRecord(e logEntry) error {
	start := e.off - int64(e.key) - logRecHeader
	if _, err := unix.Pwrite(e.seg.fd, []byte{logOpErased}, start+16); err != nil {
		return err
	}
	if err := unix.Fdatasync(e.seg.fd); err != nil {
		return err
	}
	if _, err := unix.Pwrite(e.seg.fd, make([]byte, e.n), e.off); err != nil {
		return err
	}
	return unix.Fdatasync(e.seg.fd)
}

func validBlobName(name string) bool {
	return strings.HasPrefix(name, "b-") && !strings.ContainsAny(name, "/.")
}

func (l *Log) readValue(e logEntry) ([]byte, error) {
	v := make([]byte, e.n)
	for got := int64(0); got < e.n; {
		n, err := unix.Pread(e.seg.fd, v[got:], e.off+got)
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			return nil, fmt.Errorf("storage.Log.Get: %w", err)
		}
		if n == 0 {
			return nil, fmt.Errorf("storage.Log.Get: %s: short read", e.seg.name)
		}
		got += int64(n)
	}
	return v, nil
}

// Get implements Blobstore.
func (l *Log) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// A large value's file is removed once a newer version is durable:
	// one found gone is looked up again.
	for try := 0; ; try++ {
		if err := l.catchUp(); err != nil {
			return nil, err
		}
		l.mu.Lock()
		e, ok := l.index[key]
		gone := ok && l.gone(key, e)
		l.mu.Unlock()
		if !ok || e.deleted || gone {
			return nil, ErrNotFound
		}
		v, err := l.readValue(e)
		if err != nil {
			return nil, err
		}
		if !e.external {
			return logReader{bytes.NewReader(v)}, nil
		}
		f, err := os.Open(filepath.Join(l.root, "blobs", string(v)))
		if errors.Is(err, fs.ErrNotExist) && try < 3 {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("storage.Log.Get: %w", err)
		}
		r := &localReader{f: f, size: -1}
		if fi, err := f.Stat(); err == nil {
			r.size = fi.Size()
		}
		return r, nil
	}
}

// logReader is a small object read whole; it seeks (GetRange).
type logReader struct{ *bytes.Reader }

func (logReader) Close() error { return nil }

// GetRange implements the ranged read of GetRange.
func (l *Log) GetRange(ctx context.Context, key string, off, n int64) (io.ReadCloser, error) {
	return rangeOf(l.Get(ctx, key))(off, n)
}

// Delete implements Blobstore.
func (l *Log) Delete(ctx context.Context, key string) error {
	wait, err := l.appendDelete(key)
	if err != nil {
		return err
	}
	return wait()
}

// DeleteLazy implements LazyDeleter: the removal is appended and becomes
// durable, and seen by other processes, with this process's next flush
// (anyone's write, or one started now in the background); this process
// sees the object gone at once. A failed flush fails the writers waiting
// on it; a removal lost with a crash is redone by whoever deleted it (the
// reconciler clears a finished encounter's marker again).
func (l *Log) DeleteLazy(ctx context.Context, key string) error {
	wait, err := l.appendDelete(key)
	if err != nil {
		return err
	}
	// Usually another write's flush covers it first, and this one then
	// finds nothing to do.
	time.AfterFunc(lazyFlushDelay, func() { _ = wait() })
	return nil
}

// lazyFlushDelay is how long a lazy removal waits for another write's
// flush before it starts its own.
const lazyFlushDelay = 50 * time.Millisecond

func (l *Log) appendDelete(key string) (wait func() error, err error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	ticket, prev, seq, err := l.appendRecord(key, encodeRecord(logOpDelete, key, nil), false)
	if err != nil {
		return nil, fmt.Errorf("storage.Log.Delete: %w", err)
	}
	l.mu.Lock()
	if e, ok := l.index[key]; !ok || e.seq < seq {
		l.pending[key] = seq
	}
	l.mu.Unlock()
	return func() error {
		if err := l.group.waitFor(ticket); err != nil {
			return fmt.Errorf("storage.Log.Delete: %w", err)
		}
		return l.superseded(prev)
	}, nil
}

// List implements Blobstore.
func (l *Log) List(ctx context.Context, prefix string) ([]string, error) {
	if err := validPrefix(prefix); err != nil {
		return nil, err
	}
	if err := l.catchUp(); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	var keys []string
	l.live.AscendGreaterOrEqual(prefix, func(k string) bool {
		if !strings.HasPrefix(k, prefix) {
			return false
		}
		if !l.gone(k, l.index[k]) {
			keys = append(keys, k)
		}
		return true
	})
	return keys, nil
}
