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
// A circuit breaker (CircuitBreaker) guards each provider: after Failures
// consecutive failures that say the provider is unhealthy (5xx, timeouts,
// connection errors, garbled responses — not 4xx or quota), it opens for
// Cooldown and calls fail fast with ErrOpen, which the gateway answers by
// moving to the provider's fallback if one is configured. After the
// cooldown one probe goes through; its result closes the breaker or opens
// it again, for twice the last cooldown up to MaxCooldown. SharedBreaker
// (shared.go) keeps that state in Redis for the whole fleet — one probe
// for every worker, not one per process — and is what production uses;
// Breaker is the in-process one, used without Redis and as SharedBreaker's
// stand-in while Redis does not answer.
//
// A request refused by an open breaker, or by a fleet rate limiter whose
// quota will not free up in time, was never sent: the refusal is a
// *Deferral, which says when to come back. The worker re-schedules such a
// task for that time without counting an attempt.
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
	MaxAttempts int `yaml:"max_attempts"`
	// BaseDelay is the first backoff ceiling. Zero means 500ms.
	BaseDelay time.Duration `yaml:"base_delay"`
	// MaxDelay caps any one wait, Retry-After included. Zero means 60s.
	MaxDelay time.Duration `yaml:"max_delay"`
	// AttemptTimeout bounds each attempt. Zero means no bound beyond the
	// caller's context. Set by the provider from its timeout.
	AttemptTimeout time.Duration `yaml:"-"`
	// Retryable decides whether err is worth another attempt. Nil means
	// every error that is not permanent, ErrOpen or a context error of
	// the caller.
	Retryable func(error) bool `yaml:"-"`
	// Sleep waits; nil means Sleep. Tests replace it.
	Sleep func(context.Context, time.Duration) error `yaml:"-"`
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
		p.Sleep = Sleep
	}
	return p
}

// Reasons a request was deferred (Deferral.Reason; a metric label).
const (
	ReasonCircuitOpen = "circuit_open" // the provider's breaker is open or its probe is in flight
	ReasonRateLimit   = "rate_limit"   // the fleet's RPM/TPM quota leaves no room in time
)

// Deferral is a request refused before anything was sent: the provider's
// circuit breaker is open, or its fleet rate limit has no room before the
// caller's deadline. It is not a failed attempt: nothing reached the
// provider. Wait says when trying again makes sense (the breaker's
// half-open time, the limiter's next slot). Its message is its phi.Error's:
// safe to store.
type Deferral struct {
	Provider string
	Reason   string // ReasonCircuitOpen or ReasonRateLimit
	Wait     time.Duration
	err      *phi.Error
}

// NewDeferral returns a Deferral; err says what happened, safely.
func NewDeferral(provider, reason string, wait time.Duration, err *phi.Error) *Deferral {
	return &Deferral{Provider: provider, Reason: reason, Wait: wait, err: err}
}

func (d *Deferral) Error() string { return d.err.Error() }

// Unwrap exposes the phi.Error (and through it ErrOpen or the limiter's
// error).
func (d *Deferral) Unwrap() error { return d.err }

// RetryAfter makes a Deferral a RetryAfterer.
func (d *Deferral) RetryAfter() time.Duration { return d.Wait }

// Spent turns the deferral into an ordinary retryable error that still
// says when to come back: for a call that did send requests before it was
// deferred, so the attempt counts.
func (d *Deferral) Spent() error { return &hintedError{err: d.err, after: d.Wait} }

// AsDeferral finds a Deferral in err's chain.
func AsDeferral(err error) (*Deferral, bool) {
	var d *Deferral
	if errors.As(err, &d) {
		return d, true
	}
	return nil, false
}

// WithRetryAfter returns e carrying a retry hint (a RetryAfterer whose
// message is e's).
func WithRetryAfter(e *phi.Error, after time.Duration) error {
	return &hintedError{err: e, after: after}
}

type hintedError struct {
	err   *phi.Error
	after time.Duration
}

func (e *hintedError) Error() string             { return e.err.Error() }
func (e *hintedError) Unwrap() error             { return e.err }
func (e *hintedError) RetryAfter() time.Duration { return e.after }

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

// Sleep waits d or until ctx ends, whichever comes first; the error is
// ctx's. The one context-aware sleep of the AI flow control (backoff,
// rate-limit waits).
func Sleep(ctx context.Context, d time.Duration) error {
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
	Failures int `yaml:"failures"`
	// Cooldown is how long it stays open before a probe. Zero means 30s.
	Cooldown time.Duration `yaml:"cooldown"`
	// MaxCooldown caps the cooldown, which doubles each time a probe
	// fails, so a long outage costs the provider one probe every few
	// minutes rather than every Cooldown. Zero means 8×Cooldown (4m by
	// default); a value below Cooldown means Cooldown (no growth).
	MaxCooldown time.Duration `yaml:"max_cooldown"`
}

// WithDefaults fills zero fields.
func (c BreakerConfig) WithDefaults() BreakerConfig {
	if c.Failures == 0 {
		c.Failures = 5
	}
	if c.Cooldown <= 0 {
		c.Cooldown = 30 * time.Second
	}
	if c.MaxCooldown == 0 {
		c.MaxCooldown = 8 * c.Cooldown
	}
	c.MaxCooldown = max(c.MaxCooldown, c.Cooldown)
	return c
}

// Verdict is what one request's result says about the provider's health.
type Verdict int

// Verdicts.
const (
	VerdictNone      Verdict = iota // no verdict: cancelled, 429, never sent
	VerdictHealthy                  // the provider answered on purpose (2xx, most 4xx)
	VerdictUnhealthy                // 5xx, timeout, connection error, garbled body
)

// CircuitBreaker guards one provider. Admit says whether a request may go;
// if it may, the Permit must be ended with the request's verdict.
// Refusals are *Deferral errors (code provider_overloaded, wrapping
// ErrOpen).
type CircuitBreaker interface {
	Admit(ctx context.Context) (Permit, error)
	// State names the state as this process last saw it: closed,
	// half_open or open.
	State() string
	// Observe calls f with the current state now and on every transition
	// this process sees (metrics).
	Observe(f func(state string))
}

// Permit is one admitted request.
type Permit interface {
	Done(ctx context.Context, v Verdict)
}

var (
	_ CircuitBreaker = (*Breaker)(nil)
	_ CircuitBreaker = (*SharedBreaker)(nil)
)

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
	cooldown time.Duration // of the current open period
	probing  bool
	observe  func(state string)
}

// NewBreaker returns a closed breaker for the named provider.
func NewBreaker(name string, cfg BreakerConfig, log *slog.Logger, now func() time.Time) *Breaker {
	cfg = cfg.WithDefaults()
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
		left := b.cooldown - b.now().Sub(b.openedAt)
		if left > 0 {
			return openDeferral(b.name, left)
		}
		b.setState(halfOpen)
		b.probing = true
		return nil
	case halfOpen:
		if b.probing {
			return probeDeferral(b.name, time.Second)
		}
		b.probing = true
	}
	return nil
}

func openDeferral(name string, left time.Duration) *Deferral {
	return NewDeferral(name, ReasonCircuitOpen, left, phi.Wrap(ErrOpen, phi.CodeProviderOverloaded,
		fmt.Sprintf("provider %s is failing; circuit open for %s", name, left.Round(time.Second))))
}

func probeDeferral(name string, wait time.Duration) *Deferral {
	return NewDeferral(name, ReasonCircuitOpen, wait, phi.Wrap(ErrOpen, phi.CodeProviderOverloaded,
		fmt.Sprintf("provider %s is failing; a probe request is in flight", name)))
}

// Admit implements CircuitBreaker.
func (b *Breaker) Admit(context.Context) (Permit, error) {
	if err := b.Allow(); err != nil {
		return nil, err
	}
	return localPermit{b}, nil
}

type localPermit struct{ b *Breaker }

func (p localPermit) Done(_ context.Context, v Verdict) {
	switch v {
	case VerdictHealthy:
		p.b.Success()
	case VerdictUnhealthy:
		p.b.Failure()
	default:
		p.b.Release()
	}
}

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
	switch {
	case b.state == halfOpen:
		b.cooldown = min(2*b.cooldown, b.cfg.MaxCooldown)
	case b.state == closed && b.fails >= b.cfg.Failures:
		b.cooldown = b.cfg.Cooldown
	default:
		return
	}
	b.openedAt = b.now()
	b.setState(open)
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
	b.log.Warn("AI provider circuit breaker changed state", "provider", b.name, "state", s.String(), "failures", b.fails, "fleet", false)
	b.state = s
	if b.observe != nil {
		b.observe(s.String())
	}
}
