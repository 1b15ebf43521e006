package audittest

import (
	"context"
	"sync"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// CommitSink is an audit.BatchSink for tests that remembers which entries
// were committed together (one fsync each on the file trail), by event.
type CommitSink struct {
	mu      sync.Mutex
	commits [][]audit.Event
}

// Append commits one entry.
func (s *CommitSink) Append(ctx context.Context, e audit.Entry) error {
	return s.AppendAll(ctx, []audit.Entry{e})
}

// AppendAll commits entries together, refusing all of them if one fails
// validation.
func (s *CommitSink) AppendAll(_ context.Context, entries []audit.Entry) error {
	var evs []audit.Event
	for _, e := range entries {
		if err := e.Validate(); err != nil {
			return err
		}
		evs = append(evs, e.Event)
	}
	s.mu.Lock()
	s.commits = append(s.commits, evs)
	s.mu.Unlock()
	return nil
}

// Close does nothing.
func (s *CommitSink) Close() error { return nil }

// Commits returns the commits so far, each as its entries' events.
func (s *CommitSink) Commits() [][]audit.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]audit.Event(nil), s.commits...)
}
