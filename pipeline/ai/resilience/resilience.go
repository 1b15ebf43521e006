// Package resilience holds the retry policy and circuit breaker every
// network AI provider wraps its requests in.
//
// Retries back off exponentially with full jitter, but a provider's own
// word wins: an error that carries a Retry-After (RetryAfterer) waits that
// long instead — and if that is past the caller's deadline the call fails
// at once with a retryable error, so the queue retries it later instead of
// a worker sleeping on it. Permanent errors (phi.Error with Permanent) are
// never retried.
//
// The breaker is per provider and per process: after Failures consecutive
// failures that say the provider is unhealthy (5xx, timeouts, connection
// errors, garbled responses — not 4xx or quota), it opens for Cooldown and
// calls fail fast with ErrOpen, which the gateway answers by moving to the
// provider's fallback if one is configured. After the cooldown one probe
// goes through; its result closes or reopens the breaker.
package resilience

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// RetryAfterer is an error that knows when the provider will take the
// request again (Retry-After, x-ratelimit-reset-*).
type RetryAfterer interface {
	RetryAfter() time.Duration
}

// RetryAfter returns the hint carried by err, if any.
func RetryAfter(err error) (time.Duration, bool) {
	var ra RetryAfterer
	if errors.As(err, &ra) {
		if d := ra.RetryAfter(); d > 0 {
			return d, true
		}
	}
	return 0, false
}

// Policy is a retry policy.
type Policy struct {
	// MaxAttempts includes the first try. Zero means 4.
	MaxAttempts int
	// BaseDelay is the first backoff ceiling. Zero means 500ms.
	BaseDelay time.Duration
	// MaxDelay caps any one wait, Retry-After included. Zero means 60s.
	MaxDelay time.Duration
	// AttemptTimeout bounds each attempt. Zero means no bound beyond the
	// caller's context.
	AttemptTimeout time.Duration
	// Retryable decides whether err is worth another attempt. Nil means
	// every error that is not permanent, ErrOpen or a context error of
	// the caller.
	Retryable func(error) bool
	// Sleep waits; nil means a timer. Tests replace it.
	Sleep func(context.Context, time.Duration) error
}

// WithDefaults fills zero fields.
func (p Policy) WithDefaults() Policy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 4
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = 500 * time.Millisecond
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = 60 * time.Second
	}
	if p.Retryable == nil {
		p.Retryable = DefaultRetryable
	}
	if p.Sleep == nil {
		p.Sleep = sleep
	}
	return p
}

// DefaultRetryable: not permanent, not a fast-failing open breaker.
func DefaultRetryable(err error) bool {
	return !phi.IsPermanent(err) && !errors.Is(err, ErrOpen)
}

// ErrAttemptTimeout marks an attempt that ran out of its AttemptTimeout
// (as opposed to the caller's deadline).
var ErrAttemptTimeout = errors.New("resilience: attempt timed out")

// Do runs fn until it succeeds, fails for good, or the attempts run out,
// and returns fn's last error. attempt counts from 1. Each attempt gets a
// context bounded by AttemptTimeout; when that bound (not the caller's)
// ends an attempt, fn's error is joined with ErrAttemptTimeout.
func (p Policy) Do(ctx context.Context, fn func(ctx context.Context, attempt int) error) error {
	p = p.WithDefaults()
	var err error
	for attempt := 1; ; attempt++ {
		actx, cancel := ctx, context.CancelFunc(func() {})
		if p.AttemptTimeout > 0 {
			actx, cancel = context.WithTimeoutCause(ctx, p.AttemptTimeout, ErrAttemptTimeout)
		}
		err = fn(actx, attempt)
		if err != nil && ctx.Err() == nil && errors.Is(context.Cause(actx), ErrAttemptTimeout) && !errors.Is(err, ErrAttemptTimeout) {
			err = errors.Join(err, ErrAttemptTimeout)
		}
		cancel()
		if err == nil || ctx.Err() != nil || !p.Retryable(err) || attempt >= p.MaxAttempts {
			return err
		}
		wait, hinted := RetryAfter(err)
		if hinted {
			wait += time.Duration(rand.Int64N(int64(wait/10) + 1)) // spread the fleet a little
		} else {
			ceiling := p.BaseDelay << min(attempt-1, 20)
			wait = time.Duration(rand.Int64N(int64(min(ceiling, p.MaxDelay)) + 1))
		}
		if wait > p.MaxDelay {
			return err
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return err // the queue retries later instead of a worker sleeping past its deadline
		}
		if serr := p.Sleep(ctx, wait); serr != nil {
			return err
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ErrOpen is returned (wrapped in a retryable phi.Error) while a breaker
// is open.
var ErrOpen = errors.New("resilience: circuit open")

// BreakerConfig configures a Breaker.
type BreakerConfig struct {
	// Failures is how many consecutive unhealthy results open it. Zero
	// means 5; negative disables the breaker.
	Failures int
	// Cooldown is how long it stays open before a probe. Zero means 30s.
	Cooldown time.Duration
}

type breakerState int

const (
	closed breakerState = iota
	open
	halfOpen
)

func (s breakerState) String() string {
	return [...]string{"closed", "open", "half_open"}[s]
}

// Breaker is a circuit breaker for one provider in one process.
type Breaker struct {
	name string
	cfg  BreakerConfig
	log  *slog.Logger
	now  func() time.Time

	mu       sync.Mutex
	state    breakerState
	fails    int
	openedAt time.Time
	probing  bool
	observe  func(state string)
}

// NewBreaker returns a closed breaker for the named provider.
func NewBreaker(name string, cfg BreakerConfig, log *slog.Logger, now func() time.Time) *Breaker {
	if cfg.Failures == 0 {
		cfg.Failures = 5
	}
	if cfg.Cooldown == 0 {
		cfg.Cooldown = 30 * time.Second
	}
	if log == nil {
		log = slog.Default()
	}
	if now == nil {
		now = time.Now
	}
	return &Breaker{name: name, cfg: cfg, log: log, now: now}
}

// Allow says whether a request may go. While open it returns a retryable
// phi.Error (code provider_overloaded) wrapping ErrOpen; after the
// cooldown it lets exactly one probe through.
func (b *Breaker) Allow() error {
	if b == nil || b.cfg.Failures < 0 {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case open:
		left := b.cfg.Cooldown - b.now().Sub(b.openedAt)
		if left > 0 {
			return &openError{err: phi.Wrap(ErrOpen, phi.CodeProviderOverloaded,
				fmt.Sprintf("provider %s is failing; circuit open for %s", b.name, left.Round(time.Second))), left: left}
		}
		b.setState(halfOpen)
		b.probing = true
		return nil
	case halfOpen:
		if b.probing {
			return &openError{err: phi.Wrap(ErrOpen, phi.CodeProviderOverloaded,
				fmt.Sprintf("provider %s is failing; a probe request is in flight", b.name)), left: time.Second}
		}
		b.probing = true
	}
	return nil
}

type openError struct {
	err  *phi.Error
	left time.Duration
}

func (e *openError) Error() string             { return e.err.Error() }
func (e *openError) Unwrap() error             { return e.err }
func (e *openError) RetryAfter() time.Duration { return e.left }

// Success records a healthy response (any answer the provider gave on
// purpose, a 4xx included).
func (b *Breaker) Success() {
	if b == nil || b.cfg.Failures < 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fails, b.probing = 0, false
	if b.state != closed {
		b.setState(closed)
	}
}

// Failure records an unhealthy one (5xx, timeout, connection error,
// unreadable response).
func (b *Breaker) Failure() {
	if b == nil || b.cfg.Failures < 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fails++
	b.probing = false
	if b.state == halfOpen || (b.state == closed && b.fails >= b.cfg.Failures) {
		b.openedAt = b.now()
		b.setState(open)
	}
}

// Release ends a probe that got no verdict (the caller gave up).
func (b *Breaker) Release() {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.probing = false
	b.mu.Unlock()
}

// Observe calls f with the current state now and after every transition
// (for metrics). f runs under the breaker's lock: it must be quick and
// must not call back into the breaker.
func (b *Breaker) Observe(f func(state string)) {
	if b == nil || f == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.observe = f
	f(b.state.String())
}

// State names the breaker's state, for status pages and tests.
func (b *Breaker) State() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.state.String()
}

func (b *Breaker) setState(s breakerState) {
	b.log.Warn("AI provider circuit breaker changed state", "provider", b.name, "state", s.String(), "failures", b.fails)
	b.state = s
	if b.observe != nil {
		b.observe(s.String())
	}
}
