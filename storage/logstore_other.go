//go:build !linux

package storage

import (
	"errors"
	"sync/atomic"
)

// Log is the log-structured local store; it needs Linux (flock(2),
// shared mappings and fdatasync(2) as it uses them).
type Log struct{ Local }

// NewLog refuses on this system: use the Local store (kind "local").
func NewLog(dir string) (*Log, error) {
	return nil, errors.New("storage.NewLog: the log store needs Linux; use kind local")
}

// LogOptions are a Log store's settings.
type LogOptions struct{ Erase bool }

// NewLogWith refuses on this system, as NewLog does.
func NewLogWith(dir string, opts LogOptions) (*Log, error) { return NewLog(dir) }

// Close does nothing.
func (l *Log) Close() error { return nil }

var logFlushes atomic.Uint64

// Compact refuses on this system, as NewLog does.
func (l *Log) Compact() (before, after int64, err error) {
	return 0, 0, errors.New("storage.Log.Compact: the log store needs Linux")
}
