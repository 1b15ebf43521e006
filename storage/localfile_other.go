//go:build !linux

package storage

import (
	"errors"
	"os"
)

// sysFile is an open file a Local store writes.
type sysFile struct{ f *os.File }

func createExcl(path string) (*sysFile, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	return &sysFile{f}, nil
}

var errNoTmpfile = errors.New("unnamed files are not supported here")

func openTmpfile(string) (*sysFile, error) { return nil, errNoTmpfile }

func tmpfileRefused(err error) bool { return errors.Is(err, errNoTmpfile) }

func (f *sysFile) link(string) error { return errNoTmpfile }

func (f *sysFile) Write(b []byte) (int, error) { return f.f.Write(b) }

func (f *sysFile) sync() error { return f.f.Sync() }

func (f *sysFile) close() error { return f.f.Close() }

func probeTmpfile(string) bool { return false }

func openRead(path string) (*os.File, error) { return os.Open(path) }

func remove(path string) error { return os.Remove(path) }

func rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
