//go:build !linux

package audit

import "os"

// datasync makes f durable (fsync elsewhere than Linux).
func datasync(f *os.File) error { return f.Sync() }
