// Package workertest helps tests that watch work done elsewhere: tasks a
// worker runs, a subprocess, a server starting. Such work can only be
// observed, not awaited, so tests ask for the condition they need with a
// deadline; nothing waits a fixed time.
package workertest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline"
)

// MaxPoll is the longest Eventually waits between two looks: it looks
// again after 1 ms, then twice as long each time up to MaxPoll, so work
// that finishes quickly is seen quickly (benchmarks time with it) and slow
// work is not polled hard.
const MaxPoll = 50 * time.Millisecond

// Eventually calls cond until it returns nil, and fails t if it has not
// within timeout, with the last error cond gave (which should say what it
// saw). cond runs at once, then with growing pauses up to MaxPoll.
func Eventually(t testing.TB, timeout time.Duration, cond func() error) {
	t.Helper()
	if err := Within(timeout, cond); err != nil {
		t.Fatal(err)
	}
}

// Within is Eventually returning the error instead of failing a test: for
// benchmarks' helpers and for waits whose failure a test reports itself.
func Within(timeout time.Duration, cond func() error) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	pause := time.Millisecond
	next := time.NewTimer(pause)
	defer next.Stop()
	for {
		err := cond()
		if err == nil {
			return nil
		}
		next.Reset(pause)
		select {
		case <-deadline.C:
			return fmt.Errorf("not within %s: %w", timeout, err)
		case <-next.C:
		}
		pause = min(2*pause, MaxPoll)
	}
}

// StatusFunc reads an encounter's progress (pipeline.Pipeline.Status).
type StatusFunc func(ctx context.Context, id string) (*pipeline.View, error)

// Finished waits until the encounter has no work left and returns its
// status; a read error fails t at once. It does not judge the outcome.
func Finished(t testing.TB, status StatusFunc, id string, timeout time.Duration) *pipeline.View {
	t.Helper()
	var v *pipeline.View
	Eventually(t, timeout, func() error {
		var err error
		if v, err = status(context.Background(), id); err != nil {
			t.Fatalf("status of %s: %v", id, err)
		}
		if !v.Finished {
			return fmt.Errorf("encounter %s not finished: %+v", id, v.Stages)
		}
		return nil
	})
	return v
}

// Succeeded is Finished, failing t if the encounter failed.
func Succeeded(t testing.TB, status StatusFunc, id string, timeout time.Duration) *pipeline.View {
	t.Helper()
	v := Finished(t, status, id, timeout)
	if v.Failure != nil {
		t.Fatalf("encounter %s failed: %s: %s", id, v.Failure.Code, v.Failure.Message)
	}
	return v
}

// ErrNotYet is a cond's answer when there is nothing more to say than
// that the condition does not hold yet.
var ErrNotYet = errors.New("condition not met yet")
