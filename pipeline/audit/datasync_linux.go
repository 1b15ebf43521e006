package audit

import (
	"os"

	"golang.org/x/sys/unix"
)

// datasync makes f's data durable, and its size when it changed, but not
// its times (fdatasync(2)).
func datasync(f *os.File) error { return unix.Fdatasync(int(f.Fd())) }
