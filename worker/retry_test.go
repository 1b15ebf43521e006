package worker

import (
	"errors"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// The default AI-stage policy keeps retrying for at least two hours of
// backoff, each backoff between half and all of its capped ceiling.
func TestRetryPolicyDefaults(t *testing.T) {
	t.Parallel()
	p := RetryPolicy{}.WithDefaults()
	if p.Horizon != 2*time.Hour || p.BaseDelay != time.Second || p.MaxDelay != 5*time.Minute {
		t.Fatalf("defaults %+v", p)
	}
	budget := p.Budget()
	var shortest, longest time.Duration
	for n := range budget {
		c := p.ceiling(n)
		for range 50 {
			d := p.Delay(n)
			if d < c/2 || d > c {
				t.Fatalf("retry %d: delay %v outside [%v, %v]", n, d, c/2, c)
			}
		}
		shortest += c / 2
		longest += c
	}
	if shortest < p.Horizon {
		t.Errorf("%d retries at their shortest cover %v, less than the horizon %v", budget, shortest, p.Horizon)
	}
	if p.ceiling(100) != p.MaxDelay {
		t.Errorf("ceiling not capped: %v", p.ceiling(100))
	}
	t.Logf("budget %d retries: %v to %v of backoff", budget, shortest, longest)
	if err := (RetryPolicy{BaseDelay: time.Minute, MaxDelay: time.Second}).Validate(); err == nil {
		t.Error("max_delay below base_delay accepted")
	}
}

// What asynq is told about each kind of failure.
func TestRetrySchedule(t *testing.T) {
	t.Parallel()
	o := TaskOptions{}.WithDefaults()
	stage := asynq.NewTask(TypeSummarize, nil)
	deferral := resilience.NewDeferral("p", resilience.ReasonCircuitOpen, 20*time.Second,
		phi.Wrap(resilience.ErrOpen, phi.CodeProviderOverloaded, "provider p is failing; circuit open for 20s"))
	hinted := resilience.WithRetryAfter(phi.Errorf(phi.CodeRateLimited, "provider p is rate limiting (HTTP 429)"), 7*time.Minute)
	for _, tc := range []struct {
		name        string
		err         error
		n           int
		failure     bool
		skip        bool
		min, max    time.Duration
		wantMessage string
	}{
		{name: "deferral: at half-open, not a failure", err: deferral, n: 3, failure: false, min: 20 * time.Second, max: 22 * time.Second,
			wantMessage: "provider_overloaded: provider p is failing; circuit open for 20s"},
		{name: "provider's Retry-After beyond the backoff", err: hinted, n: 0, failure: true, min: 7 * time.Minute, max: 7 * time.Minute},
		{name: "plain failure: policy backoff", err: phi.Errorf(phi.CodeProviderError, "HTTP 500"), n: 20, failure: true, min: 150 * time.Second, max: 5 * time.Minute},
		{name: "permanent: archived at once", err: phi.Permanentf(phi.CodeInvalidInput, "bad"), failure: true, skip: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			te := newTaskError(tc.err)
			if tc.wantMessage != "" && te.Error() != tc.wantMessage {
				t.Errorf("message %q, want %q", te.Error(), tc.wantMessage)
			}
			if got := errors.Is(te, asynq.SkipRetry); got != tc.skip {
				t.Errorf("SkipRetry %v, want %v", got, tc.skip)
			}
			if got := isFailure(te); got != tc.failure {
				t.Errorf("isFailure %v, want %v", got, tc.failure)
			}
			if tc.skip {
				return
			}
			if d := o.retryDelay(tc.n, te, stage); d < tc.min || d > tc.max {
				t.Errorf("delay %v, want %v..%v", d, tc.min, tc.max)
			}
		})
	}
	if d := o.retryDelay(5, asynq.ErrLeaseExpired, stage); d != time.Second {
		t.Errorf("lease expired: %v, want 1s", d)
	}
}
