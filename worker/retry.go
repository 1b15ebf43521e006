package worker

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// RetryPolicy says how long and how often an AI stage's task is retried.
// Two things bound it: time (Horizon, measured from the stage's first
// attempt as its stored status records it) and, as a backstop, a count of
// real attempts (Budget: as many as fit in Horizon if every backoff were
// as short as jitter allows). An attempt refused before any request left
// — the provider's circuit breaker is open, or its fleet rate limit has
// no room in time (resilience.Deferral) — counts toward neither the count
// nor asynq's retried counter: the task is re-scheduled for when the
// breaker half-opens or the quota frees up. It still counts toward the
// Horizon, so no task waits for ever.
type RetryPolicy struct {
	// Horizon is how long after a stage's first attempt retryable
	// failures (provider 5xx, timeouts, 429, an overloaded provider, a
	// storage or audit hiccup) are still retried; then the stage fails
	// and the task is archived (`ops archived retry -code CODE` queues it
	// again). Zero means 2h: provider outages of 30–90 minutes happen.
	Horizon time.Duration `yaml:"horizon"`
	// BaseDelay is the first backoff's ceiling; it doubles with each
	// retry. Zero means 1s.
	BaseDelay time.Duration `yaml:"base_delay"`
	// MaxDelay caps one backoff (a provider's longer Retry-After wins).
	// Zero means 5m.
	MaxDelay time.Duration `yaml:"max_delay"`
}

// WithDefaults fills zero fields.
func (p RetryPolicy) WithDefaults() RetryPolicy {
	if p.Horizon == 0 {
		p.Horizon = 2 * time.Hour
	}
	if p.BaseDelay == 0 {
		p.BaseDelay = time.Second
	}
	if p.MaxDelay == 0 {
		p.MaxDelay = 5 * time.Minute
	}
	return p
}

// Validate reports configuration errors of a policy with defaults filled.
func (p RetryPolicy) Validate() error {
	if p.Horizon < 0 || p.BaseDelay < 0 || p.MaxDelay < 0 {
		return errors.New("durations must not be negative")
	}
	if p.MaxDelay < p.BaseDelay {
		return fmt.Errorf("max_delay %s is shorter than base_delay %s", p.MaxDelay, p.BaseDelay)
	}
	return nil
}

// Delay is the backoff before retry n+1 (n = retries so far): "equal
// jitter", uniformly between half and the whole of min(BaseDelay·2ⁿ,
// MaxDelay) — random enough to spread a fleet's retries, and never so
// short that the count of retries outruns Horizon.
func (p RetryPolicy) Delay(n int) time.Duration {
	ceiling := p.ceiling(n)
	half := ceiling / 2
	return half + time.Duration(rand.Int64N(int64(ceiling-half)+1))
}

func (p RetryPolicy) ceiling(n int) time.Duration {
	c := p.BaseDelay << min(max(n, 0), 30)
	if c <= 0 || c > p.MaxDelay {
		c = p.MaxDelay
	}
	return max(c, time.Millisecond)
}

// Budget is how many retries fit in Horizon when every backoff is at its
// shortest (half its ceiling): the count that backs up the time bound.
func (p RetryPolicy) Budget() int {
	var total time.Duration
	n := 0
	for total < p.Horizon && n < 10_000 {
		total += p.ceiling(n) / 2
		n++
	}
	return max(n, 1)
}

// asynqMaxRetry is the MaxRetry a stage's task is enqueued with: one
// more than the budget, so that asynq, which archives a task whose
// retried count has reached MaxRetry even when the failure does not
// count, never archives a deferral; the pipeline ends the stage itself
// (with a permanent error) when the budget or the horizon is spent.
func (p RetryPolicy) asynqMaxRetry() int { return p.Budget() + 1 }

// policyFor returns the retry policy of an AI stage's task type.
func (o TaskOptions) policyFor(taskType string) (RetryPolicy, bool) {
	switch taskType {
	case TypeTranscribe:
		return o.Transcribe, true
	case TypeSummarize, TypeRegenerate:
		return o.Summarize, true
	}
	return RetryPolicy{}, false
}

func (o TaskOptions) policyForStage(stage encounter.Stage) RetryPolicy {
	typ, _, _ := route(stage)
	p, _ := o.policyFor(typ)
	return p
}

// taskError is what a handler's error becomes before asynq sees it: a
// message safe to store in Redis, whether to archive at once, and what
// the retry schedule needs (a deferral, a provider's hint).
type taskError struct {
	msg      string
	skip     bool
	deferral *resilience.Deferral
	hint     time.Duration
}

func (e *taskError) Error() string { return e.msg }

// Is makes errors.Is(err, asynq.SkipRetry) true for permanent failures.
func (e *taskError) Is(target error) bool { return e.skip && target == asynq.SkipRetry }

func newTaskError(err error) *taskError {
	safe := phi.Safe(err)
	te := &taskError{msg: safe.Error(), skip: safe.Permanent || errors.Is(err, asynq.SkipRetry)}
	if te.skip {
		return te
	}
	if d, ok := resilience.AsDeferral(err); ok {
		te.deferral = d
	}
	te.hint, _ = resilience.RetryAfter(err)
	return te
}

// isFailure tells asynq whether an error counts as a failed attempt: a
// deferral does not (its retried counter stays, and its failure stats
// are not skewed by attempts that never reached a provider).
func isFailure(err error) bool {
	var te *taskError
	return !errors.As(err, &te) || te.deferral == nil
}

// retryDelay is asynq's RetryDelayFunc: a dead worker's task (lease
// expired) comes back at once; a deferral at the breaker's half-open
// time or the limiter's next slot, spread by up to a tenth so the fleet's
// waiting tasks do not arrive together; an AI stage's failure after its
// policy's backoff (or the provider's longer Retry-After); other tasks
// back off exponentially with full jitter from about a second to ten
// minutes.
func (o TaskOptions) retryDelay(n int, err error, t *asynq.Task) time.Duration {
	if errors.Is(err, asynq.ErrLeaseExpired) {
		return time.Second
	}
	var te *taskError
	errors.As(err, &te)
	if te != nil && te.deferral != nil {
		w := max(te.deferral.Wait, 0)
		return max(w+time.Duration(rand.Int64N(int64(w/10)+1)), time.Second)
	}
	if p, ok := o.policyFor(t.Type()); ok {
		d := p.Delay(n)
		if te != nil && te.hint > d {
			d = te.hint
		}
		return d
	}
	ceiling := min(time.Second<<min(n, 10), 10*time.Minute)
	return time.Second + time.Duration(rand.Int64N(int64(ceiling)))
}
