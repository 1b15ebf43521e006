package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// Compact rewrites a Log store whose other processes are all stopped: the
// current version of every key is copied, record for record (its number
// kept), into one new segment, and the old segments — superseded and
// deleted records, removals, erased key records — are removed. It
// refuses while any other process has the store open (it could not see
// that process's index move), and on a store that has written. It
// returns the segments' bytes before and after.
//
// A crash at any point leaves a store that opens to the same objects: the
// new segment is durable before a manifest naming the old segments is,
// and the manifest before any old segment goes; an opener finishing the
// removals a manifest names before it reads anything (finishCompaction).
// Without the manifest a removal could go half done, and a key whose
// removal was in one old segment and an older version in another would
// come back.
func (l *Log) Compact() (before, after int64, err error) {
	unlock, err := l.lock()
	if err != nil {
		return 0, 0, err
	}
	defer unlock()
	if l.active.Load() != nil {
		return 0, 0, errors.New("storage.Log.Compact: the store has written; compact from a store opened for it")
	}
	old := l.segments()
	for _, s := range old {
		if err := unix.Flock(s.fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
			return 0, 0, fmt.Errorf("storage.Log.Compact: a process has the store open (segment %s): stop the API and workers first", s.name)
		}
		// Held until the segment is closed below.
		if err := sealSegment(s); err != nil {
			return 0, 0, fmt.Errorf("storage.Log.Compact: %w", err)
		}
		before += s.written().Load()
	}
	l.mu.Lock()
	err = l.catchUpLocked()
	var live []logEntry
	for _, e := range l.index {
		if !e.deleted {
			live = append(live, e)
		}
	}
	l.mu.Unlock()
	if err != nil {
		return 0, 0, err
	}
	seg, err := l.newSegment()
	if err != nil {
		return 0, 0, fmt.Errorf("storage.Log.Compact: %w", err)
	}
	off := int64(logPage)
	var buf []byte
	writeOut := func() error {
		for n := 0; n < len(buf); {
			m, err := unix.Pwrite(seg.fd, buf[n:], off)
			if err != nil && err != unix.EINTR {
				return err
			}
			n += m
			off += int64(m)
		}
		buf = buf[:0]
		return nil
	}
	for _, e := range live {
		start := e.off - int64(e.key) - logRecHeader
		rec := make([]byte, e.off+e.n-start)
		if _, err := unix.Pread(e.seg.fd, rec, start); err != nil {
			return 0, 0, fmt.Errorf("storage.Log.Compact: %w", err)
		}
		buf = append(buf, rec...)
		if len(buf) >= logReadChunk {
			if err := writeOut(); err != nil {
				return 0, 0, fmt.Errorf("storage.Log.Compact: %w", err)
			}
		}
	}
	if err := writeOut(); err != nil {
		return 0, 0, fmt.Errorf("storage.Log.Compact: %w", err)
	}
	if err := unix.Fdatasync(seg.fd); err != nil {
		return 0, 0, fmt.Errorf("storage.Log.Compact: %w", err)
	}
	seg.written().Store(off)
	seg.durable().Store(off)
	dir := filepath.Join(l.root, "log")
	var names []string
	for _, s := range old {
		names = append(names, s.name)
	}
	manifest := filepath.Join(dir, "compacted-"+strings.TrimSuffix(seg.name, ".log"))
	if err := writeDurable(manifest, []byte(strings.Join(names, "\n")+"\n")); err != nil {
		return 0, 0, fmt.Errorf("storage.Log.Compact: %w", err)
	}
	if err := finishCompaction(dir); err != nil {
		return 0, 0, err
	}
	// Value files no live record names were left by writers that died
	// between writing one and appending its record.
	named := map[string]bool{}
	for _, e := range live {
		if e.external {
			if v, err := l.readValue(e); err == nil {
				named[string(v)] = true
			}
		}
	}
	if blobs, err := os.ReadDir(filepath.Join(l.root, "blobs")); err == nil {
		for _, b := range blobs {
			if !named[b.Name()] {
				remove(filepath.Join(l.root, "blobs", b.Name()))
			}
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range old {
		unix.Munmap(s.lens)
		unix.Close(s.fd)
		delete(l.segs, s.name)
	}
	// The index now points into the new segment.
	l.index, l.pending, l.removed = map[string]logEntry{}, map[string]uint64{}, nil
	l.live.Clear(false)
	seg.read = logPage
	if err := l.catchUpLocked(); err != nil {
		return 0, 0, err
	}
	// The compacting store keeps the new segment as its own.
	l.active.Store(seg)
	return before, off, nil
}

// finishCompaction removes the segments that a compaction's manifest
// names (the new segment holding their live records is durable), then the
// manifest.
func finishCompaction(dir string) error {
	manifests, err := filepath.Glob(filepath.Join(dir, "compacted-*"))
	if err != nil {
		return err
	}
	for _, m := range manifests {
		b, err := os.ReadFile(m)
		if err != nil {
			return fmt.Errorf("storage.Log: %w", err)
		}
		for _, name := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if !strings.HasPrefix(name, "seg-") || strings.ContainsAny(name, "/") {
				continue
			}
			remove(filepath.Join(dir, name))
			remove(filepath.Join(dir, strings.TrimSuffix(name, ".log")+".len"))
		}
		if err := syncDir(dir); err != nil {
			return err
		}
		remove(m)
		if err := syncDir(dir); err != nil {
			return err
		}
	}
	return nil
}

// writeDurable writes a small file whole and makes it and its name
// durable.
func writeDurable(p string, b []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return syncDir(filepath.Dir(p))
}
