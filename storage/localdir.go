package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// The formats a local data directory can hold.
const (
	// FormatFiles is Local: one file per object.
	FormatFiles = "files"
	// FormatLog is Log: objects appended to segment files (Linux).
	FormatLog = "log"
)

// LocalFormat is the format of the local data directory dir: the one it
// holds, or for a directory that is missing or empty, want, or if want is
// empty the log (where it is supported) — a new data store is a log, an
// existing one keeps its format. A directory holding one format asked for
// the other is an error: opening it would hide every object in it.
func LocalFormat(dir, want string) (string, error) {
	has := ""
	if HoldsLog(dir) {
		has = FormatLog
	} else if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		has = FormatFiles
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("storage: %w", err)
	}
	switch {
	case has != "" && want != "" && has != want:
		return "", fmt.Errorf("storage: %s holds objects in the %q format, not %q", dir, has, want)
	case has != "":
		return has, nil
	case want != "":
		return want, nil
	case runtime.GOOS == "linux":
		return FormatLog, nil
	}
	return FormatFiles, nil
}

// HoldsLog reports whether the local directory dir holds a log (a Log
// store has been opened there), as opposed to nothing yet or files.
func HoldsLog(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "log", "ctl"))
	return err == nil
}

// OpenLocalDir opens the local directory dir in its format (see
// LocalFormat); opts apply if it is a log.
func OpenLocalDir(dir, want string, opts LogOptions) (Blobstore, error) {
	format, err := LocalFormat(dir, want)
	if err != nil {
		return nil, err
	}
	if format == FormatLog {
		return NewLogWith(dir, opts)
	}
	return NewLocal(dir)
}
