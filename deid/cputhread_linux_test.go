//go:build linux

package deid_test

import (
	"syscall"
	"time"
)

// threadTime is the CPU time the calling OS thread has used (lock the
// goroutine to its thread first): time the thread spent waiting for a core
// on a busy machine is not in it.
func threadTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
