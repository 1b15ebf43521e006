package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// A Local store's files are opened with open(2) itself rather than
// os.OpenFile: os.OpenFile offers every file to the runtime's poller, which
// costs two fcntl(2) to set non-blocking mode, an epoll_ctl(2) that a
// regular file always refuses and two more fcntl(2) to set it back, five
// system calls that do nothing for a file on disk.

// sysFile is an open file a Local store writes.
type sysFile struct{ fd int }

func openFile(path string, flag int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(path, flag|unix.O_CLOEXEC, perm)
		if err != unix.EINTR {
			if err != nil {
				return -1, &fs.PathError{Op: "open", Path: path, Err: err}
			}
			return fd, nil
		}
	}
}

// createExcl creates path, which must not exist, for writing.
func createExcl(path string) (*sysFile, error) {
	fd, err := openFile(path, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	return &sysFile{fd}, nil
}

// openTmpfile opens an unnamed file in dir (O_TMPFILE): it has no name to
// remove if the write fails or the process dies, and linkTmpfile gives it
// its name.
func openTmpfile(dir string) (*sysFile, error) {
	fd, err := openFile(dir, unix.O_WRONLY|unix.O_TMPFILE, 0o600)
	if err != nil {
		return nil, err
	}
	return &sysFile{fd}, nil
}

// tmpfileRefused reports whether openTmpfile failed because the system
// does not offer unnamed files there: the filesystem does not support
// them (EOPNOTSUPP), or the kernel predates them (EISDIR: it opened the
// directory for writing; EINVAL).
func tmpfileRefused(err error) bool {
	return errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) || errors.Is(err, unix.EINVAL)
}

// link names the unnamed file f p (create-if-absent: fs.ErrExist if p is
// taken). linkat(2) with AT_EMPTY_PATH would name it directly but needs a
// capability on kernels before 6.10; through /proc it needs none.
func (f *sysFile) link(p string) error {
	err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(f.fd), unix.AT_FDCWD, p, unix.AT_SYMLINK_FOLLOW)
	if err != nil {
		return &os.LinkError{Op: "link", Old: "(unnamed)", New: p, Err: err}
	}
	return nil
}

func (f *sysFile) Write(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := unix.Write(f.fd, b[n:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return n, &fs.PathError{Op: "write", Path: "(staged object)", Err: err}
		}
		n += m
	}
	return n, nil
}

func (f *sysFile) sync() error {
	for {
		err := unix.Fsync(f.fd)
		if err != unix.EINTR {
			if err != nil {
				return &fs.PathError{Op: "fsync", Path: "(staged object)", Err: err}
			}
			return nil
		}
	}
}

func (f *sysFile) close() error {
	// close(2) is not retried on EINTR: the descriptor is released
	// either way.
	if err := unix.Close(f.fd); err != nil {
		return &fs.PathError{Op: "close", Path: "(staged object)", Err: err}
	}
	return nil
}

// probeTmpfile reports whether unnamed files can be made in dir and
// named through /proc (it may be missing, or hidden by a sandbox).
func probeTmpfile(dir string) bool {
	f, err := openTmpfile(dir)
	if err != nil {
		return false
	}
	defer f.close()
	p := filepath.Join(dir, ".probe-"+randomHex())
	if err := f.link(p); err != nil {
		return false
	}
	return unix.Unlink(p) == nil
}

// openRead opens path for reading, without the poller.
func openRead(path string) (*os.File, error) {
	fd, err := openFile(path, unix.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), path), nil
}

// remove removes the file at path: one unlink(2), where os.Remove, when
// the name is missing, tries rmdir(2) as well.
func remove(path string) error {
	err := unix.Unlink(path)
	switch {
	case err == nil:
		return nil
	case err == unix.EISDIR || err == unix.EPERM:
		return os.Remove(path) // a directory: os.Remove's answer
	}
	return &fs.PathError{Op: "remove", Path: path, Err: err}
}

// rename renames a file over another: rename(2) alone, where os.Rename
// first looks whether newpath is a directory (rename(2) refuses to put a
// file there all the same).
func rename(oldpath, newpath string) error {
	if err := unix.Rename(oldpath, newpath); err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	return nil
}
