package storage

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// emptyLinksMax is how many names one shared empty file takes before a
// fresh one replaces it: below ext4's limit of 65,000 links a file.
const emptyLinksMax = 60000

// emptySource is a Local store's shared empty file. An empty create-only
// object (a worklist entry: its key is all it says) is a new name (a hard
// link) of this one file rather than a file of its own: a link adds a
// directory entry where a new file also allocates an inode, which on ext4
// is most of the CPU a small write costs. The file is hidden at the
// store's root (.empty-<random>, never listed) and made on first use by
// each process; deleting an object removes only its name.
type emptySource struct {
	mu    sync.Mutex
	path  string
	links int
	max   int // emptyLinksMax; a test lowers it
}

// linkEmpty makes p a name of the shared empty file. Its error is
// os.Link's: fs.ErrExist if p is taken, fs.ErrNotExist if p's directory
// is missing.
func (l *Local) linkEmpty(p string) error {
	e := &l.empty
	e.mu.Lock()
	defer e.mu.Unlock()
	for fresh := false; ; fresh = true {
		if e.path == "" || e.links >= e.max {
			path, err := l.newEmptyFile()
			if err != nil {
				return err
			}
			e.path, e.links = path, 0
		}
		err := os.Link(e.path, p)
		if err == nil {
			e.links++
			return nil
		}
		if fresh || !e.gone(err) {
			return err
		}
		e.path = "" // full, or removed from under the store: a fresh one
	}
}

// gone reports whether a link failed because of the shared file: it has
// as many names as the filesystem allows, or it no longer exists.
func (e *emptySource) gone(err error) bool {
	if errors.Is(err, syscall.EMLINK) {
		return true
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	_, serr := os.Lstat(e.path)
	return errors.Is(serr, fs.ErrNotExist)
}

func (l *Local) newEmptyFile() (string, error) {
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	path := filepath.Join(l.root, ".empty-"+hex.EncodeToString(rnd[:]))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	return path, f.Close()
}
