package storage

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

func syncfs(d *os.File) error { return unix.Syncfs(int(d.Fd())) }

// deviceOf is the device number of the filesystem holding dir.
func deviceOf(dir string) (uint64, bool) {
	var st unix.Stat_t
	if err := unix.Stat(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Dev), true
}

// haveSyncfs reports whether syncfs(2) reports writeback errors (Linux 5.8
// and later); before that it could succeed after losing pages, which would
// break the promise that an acknowledged Put is durable.
func haveSyncfs() bool {
	var u unix.Utsname
	if err := unix.Uname(&u); err != nil {
		return false
	}
	rel := unix.ByteSliceToString(u.Release[:])
	parts := strings.SplitN(rel, ".", 3)
	if len(parts) < 2 {
		return false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(strings.TrimFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' }))
	if err1 != nil || err2 != nil {
		return false
	}
	return major > 5 || (major == 5 && minor >= 8)
}
