package audit

import (
	"context"
	"sync"
)

// MemorySink keeps entries in memory, for tests of code that audits. It
// is not tamper-evident and not durable.
type MemorySink struct {
	mu      sync.Mutex
	entries []Entry
	err     error
}

var _ Sink = (*MemorySink)(nil)

// Append implements Sink.
func (m *MemorySink) Append(ctx context.Context, e Entry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return m.err
	}
	m.entries = append(m.entries, e)
	return nil
}

// Fail makes every later Append return err (nil to recover), to test
// fail-closed behaviour.
func (m *MemorySink) Fail(err error) {
	m.mu.Lock()
	m.err = err
	m.mu.Unlock()
}

// Entries returns a copy of what was appended.
func (m *MemorySink) Entries() []Entry {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Entry(nil), m.entries...)
}

// Close implements Sink.
func (m *MemorySink) Close() error { return nil }
