//go:build !linux

package deid_test

import "time"

var threadStart = time.Now()

// threadTime falls back to the wall clock where the thread's CPU time is
// not available.
func threadTime() time.Duration { return time.Since(threadStart) }
