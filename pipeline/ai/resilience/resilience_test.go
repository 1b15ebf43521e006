package resilience_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

type hinted struct {
	err   *phi.Error
	after time.Duration
}

func (h hinted) Error() string             { return h.err.Error() }
func (h hinted) Unwrap() error             { return h.err }
func (h hinted) RetryAfter() time.Duration { return h.after }

func policy(sleeps *[]time.Duration) resilience.Policy {
	return resilience.Policy{MaxAttempts: 4, BaseDelay: 100 * time.Millisecond, MaxDelay: 10 * time.Second,
		Sleep: func(_ context.Context, d time.Duration) error { *sleeps = append(*sleeps, d); return nil }}
}

func TestRetryHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	var sleeps []time.Duration
	calls := 0
	err := policy(&sleeps).Do(context.Background(), func(context.Context, int) error {
		calls++
		if calls < 3 {
			return hinted{err: phi.Errorf(phi.CodeRateLimited, "429"), after: 2 * time.Second}
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
	for _, s := range sleeps {
		if s < 2*time.Second || s > 2200*time.Millisecond {
			t.Errorf("slept %v, want Retry-After 2s plus at most 10%% jitter", s)
		}
	}
}

func TestRetryBacksOffWithJitterAndStops(t *testing.T) {
	t.Parallel()
	var sleeps []time.Duration
	calls := 0
	err := policy(&sleeps).Do(context.Background(), func(context.Context, int) error {
		calls++
		return phi.Errorf(phi.CodeProviderError, "500")
	})
	if phi.CodeOf(err) != phi.CodeProviderError || calls != 4 || len(sleeps) != 3 {
		t.Fatalf("err %v, %d calls, sleeps %v", err, calls, sleeps)
	}
	for i, s := range sleeps {
		if ceiling := 100 * time.Millisecond << i; s > ceiling {
			t.Errorf("sleep %d = %v over its ceiling %v", i, s, ceiling)
		}
	}
}

func TestPermanentIsNotRetried(t *testing.T) {
	t.Parallel()
	var sleeps []time.Duration
	calls := 0
	err := policy(&sleeps).Do(context.Background(), func(context.Context, int) error {
		calls++
		return phi.Permanentf(phi.CodeProviderRejected, "400")
	})
	if calls != 1 || !phi.IsPermanent(err) {
		t.Fatalf("%d calls, err %v", calls, err)
	}
}

func TestRetryAfterPastDeadlineFailsFast(t *testing.T) {
	t.Parallel()
	var sleeps []time.Duration
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	calls := 0
	err := policy(&sleeps).Do(ctx, func(context.Context, int) error {
		calls++
		return hinted{err: phi.Errorf(phi.CodeRateLimited, "429"), after: 30 * time.Second}
	})
	if calls != 1 || len(sleeps) != 0 || phi.CodeOf(err) != phi.CodeRateLimited {
		t.Fatalf("%d calls, sleeps %v, err %v: want an immediate retryable failure", calls, sleeps, err)
	}
	if d, ok := resilience.RetryAfter(err); !ok || d != 30*time.Second {
		t.Errorf("RetryAfter lost: %v %v", d, ok)
	}
}

func TestAttemptTimeout(t *testing.T) {
	t.Parallel()
	var sleeps []time.Duration
	p := policy(&sleeps)
	p.AttemptTimeout = 20 * time.Millisecond
	p.MaxAttempts = 2
	calls := 0
	err := p.Do(context.Background(), func(ctx context.Context, _ int) error {
		calls++
		<-ctx.Done() // a hung server
		return ctx.Err()
	})
	if calls != 2 || !errors.Is(err, resilience.ErrAttemptTimeout) {
		t.Fatalf("%d calls, err %v", calls, err)
	}
}

func TestBreaker(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	b := resilience.NewBreaker("prov", resilience.BreakerConfig{Failures: 3, Cooldown: 10 * time.Second}, nil, func() time.Time { return now })
	for range 2 {
		if err := b.Allow(); err != nil {
			t.Fatal(err)
		}
		b.Failure()
	}
	b.Success() // resets the count
	for range 3 {
		if err := b.Allow(); err != nil {
			t.Fatal(err)
		}
		b.Failure()
	}
	if b.State() != "open" {
		t.Fatalf("state %s after 3 failures", b.State())
	}
	err := b.Allow()
	if !errors.Is(err, resilience.ErrOpen) || phi.IsPermanent(err) || phi.CodeOf(err) != phi.CodeProviderOverloaded {
		t.Fatalf("open breaker: %v", err)
	}
	if d, ok := resilience.RetryAfter(err); !ok || d != 10*time.Second {
		t.Errorf("RetryAfter %v %v", d, ok)
	}
	now = now.Add(11 * time.Second)
	if err := b.Allow(); err != nil {
		t.Fatalf("after cooldown the probe is refused: %v", err)
	}
	if err := b.Allow(); err == nil {
		t.Fatal("a second request went through while the probe is in flight")
	}
	b.Failure() // the probe failed: open again, for twice the cooldown
	if b.State() != "open" {
		t.Fatalf("state %s after a failed probe", b.State())
	}
	now = now.Add(11 * time.Second)
	if d, ok := resilience.RetryAfter(b.Allow()); !ok || d != 9*time.Second {
		t.Fatalf("11s after a failed probe: wait %v (%v), want 9s of a doubled 20s cooldown", d, ok)
	}
	now = now.Add(9 * time.Second)
	if err := b.Allow(); err != nil {
		t.Fatal(err)
	}
	b.Success()
	if b.State() != "closed" || b.Allow() != nil {
		t.Fatalf("state %s after a good probe", b.State())
	}
}

func TestRetryDoesNotRetryOpenBreaker(t *testing.T) {
	t.Parallel()
	var sleeps []time.Duration
	b := resilience.NewBreaker("prov", resilience.BreakerConfig{Failures: 1, Cooldown: time.Minute}, nil, nil)
	b.Failure()
	calls := 0
	err := policy(&sleeps).Do(context.Background(), func(context.Context, int) error {
		calls++
		return b.Allow()
	})
	if calls != 1 || !errors.Is(err, resilience.ErrOpen) {
		t.Fatalf("%d calls, err %v", calls, err)
	}
}
