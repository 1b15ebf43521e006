package cli

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"
)

// The worker serves queued tasks while the reconcile at start is still
// reading storage: a reconcile that ends only once the server runs must
// not keep the server from starting (it did when the reconcile ran
// first), and the worker returns only after the reconcile has ended.
func TestRunReconcilingServesDuringReconcile(t *testing.T) {
	t.Parallel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	serving := make(chan struct{})
	reconciled := make(chan struct{})
	run := func(ctx context.Context) error {
		close(serving)
		<-ctx.Done()
		return nil
	}
	reconcile := func(ctx context.Context) (int, error) {
		defer close(reconciled)
		select {
		case <-serving:
			return 3, nil
		case <-time.After(10 * time.Second):
			return 0, errors.New("the server did not start while the reconcile ran")
		}
	}
	result := make(chan error, 1)
	go func() { result <- runReconciling(ctx, run, reconcile, log) }()
	select {
	case <-serving:
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not start while the reconcile at start ran")
	}
	<-reconciled
	cancel()
	if err := <-result; err != nil {
		t.Fatal(err)
	}
}

// A reconcile still running when the worker stops is cancelled and waited
// for: the worker does not return (and close its stores) under it.
func TestRunReconcilingWaitsForReconcile(t *testing.T) {
	t.Parallel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	ended := make(chan struct{})
	reconcile := func(ctx context.Context) (int, error) {
		<-ctx.Done()
		time.Sleep(10 * time.Millisecond) // still reading when cancelled
		close(ended)
		return 0, ctx.Err()
	}
	run := func(ctx context.Context) error { <-ctx.Done(); return nil }
	cancel()
	if err := runReconciling(ctx, run, reconcile, log); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	default:
		t.Fatal("runReconciling returned before the reconcile ended")
	}
}
