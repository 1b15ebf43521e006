// Package ratelimit keeps a provider's request and token quotas (RPM and
// TPM) for the whole worker fleet: the state lives in Redis, and one Lua
// script updates it atomically, so every worker process draws on the same
// budget instead of each assuming it has the provider to itself.
//
// The algorithm is GCRA (the generic cell rate algorithm): each quota has
// a "theoretical arrival time" (TAT); a request may go when the TAT is
// not later than now (less the burst allowance), and going moves the TAT
// forward by its cost. Requests and tokens are two GCRAs checked and
// updated together in one script; a request waits for the later of the
// two. A caller that may not go yet is told how long until it may, sleeps
// at most a poll interval, and asks again — it holds no slot while it
// waits, so quota given back meanwhile goes to whoever asks next. Token
// costs are estimates made before the call (tiktoken count of the prompt
// plus the output reserved); Reconcile moves the TAT back by what the
// provider's reported usage shows was not used, so estimates that run high
// do not waste quota. Penalize pushes the whole fleet back when the
// provider still answers 429.
//
// Keys hold the provider name only ("clinscribe:ratelimit:{openai}:tpm")
// and a number: no content, no patient, no encounter.
package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/redis/go-redis/v9"
)

// Limits are a provider's quotas.
type Limits struct {
	// RPM is requests per minute; zero means no request limit.
	RPM int
	// TPM is tokens per minute; zero means no token limit.
	TPM int
	// Burst is how far ahead of the steady rate requests may run: a burst
	// may spend Burst worth of quota at once. Zero means none — requests
	// are spaced evenly, which is what providers that enforce a minute's
	// quota over shorter windows expect.
	Burst time.Duration
}

// Enabled reports whether any limit is set.
func (l Limits) Enabled() bool { return l.RPM > 0 || l.TPM > 0 }

// ErrWouldExceed means the wait for quota would outlast the caller's
// deadline (or MaxWait), so nothing was reserved.
var ErrWouldExceed = errors.New("ratelimit: quota exhausted for longer than the caller can wait")

// ExceedError is ErrWouldExceed with the wait that would have been needed.
type ExceedError struct{ Wait time.Duration }

func (e *ExceedError) Error() string {
	return fmt.Sprintf("ratelimit: quota exhausted for %s, longer than the caller can wait", e.Wait.Round(time.Millisecond))
}

// Unwrap makes errors.Is(err, ErrWouldExceed) true.
func (e *ExceedError) Unwrap() error { return ErrWouldExceed }

// RetryAfter says when quota will be free.
func (e *ExceedError) RetryAfter() time.Duration { return e.Wait }

// Scripter is what the limiter needs of a Redis client: a
// *redis.Client, *redis.ClusterClient or failover client.
type Scripter = redis.Scripter

// Limiter is a provider's fleet-wide quota.
type Limiter struct {
	rdb     redis.Scripter
	rpmKey  string
	tpmKey  string
	limits  Limits
	maxWait time.Duration
	poll    time.Duration
	sleep   func(context.Context, time.Duration) error
}

// Options tune New.
type Options struct {
	// Prefix starts the keys. Zero means "clinscribe:ratelimit:".
	Prefix string
	// MaxWait bounds how long Wait sleeps for quota even when the
	// caller's deadline would allow more. Zero means two minutes.
	MaxWait time.Duration
	// Poll is the longest a waiting caller sleeps before asking again.
	// Zero means 100ms.
	Poll time.Duration
}

// New returns the Limiter for provider, with its state in rdb (a
// *redis.Client, *redis.ClusterClient or failover client). The provider
// name is the only thing written to Redis besides numbers.
func New(rdb redis.Scripter, provider string, l Limits, opts Options) *Limiter {
	if opts.Prefix == "" {
		opts.Prefix = "clinscribe:ratelimit:"
	}
	if opts.MaxWait == 0 {
		opts.MaxWait = 2 * time.Minute
	}
	if opts.Poll == 0 {
		opts.Poll = 100 * time.Millisecond
	}
	// The hash tag keeps both keys in one cluster slot, as a script needs.
	base := opts.Prefix + "{" + provider + "}:"
	return &Limiter{rdb: rdb, rpmKey: base + "rpm", tpmKey: base + "tpm", limits: l, maxWait: opts.MaxWait, poll: opts.Poll, sleep: resilience.Sleep}
}

// Limits returns the configured limits.
func (l *Limiter) Limits() Limits { return l.limits }

// Reservation is quota taken for one request.
type Reservation struct {
	l      *Limiter
	Tokens int           // tokens reserved
	Wait   time.Duration // how long Wait waited for it
}

// microseconds of quota per request and per token
func (l *Limiter) intervals() (perReq, perTok float64) {
	if l.limits.RPM > 0 {
		perReq = 60e6 / float64(l.limits.RPM)
	}
	if l.limits.TPM > 0 {
		perTok = 60e6 / float64(l.limits.TPM)
	}
	return
}

// takeScript: KEYS rpm, tpm; ARGV per-request µs, per-token µs, tokens,
// burst µs. Returns {1, 0} when the request may go (and takes its quota),
// {0, wait µs} when it must wait (nothing changed).
var takeScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local per_req = tonumber(ARGV[1])
local per_tok = tonumber(ARGV[2])
local tokens = tonumber(ARGV[3])
local burst = tonumber(ARGV[4])
local costs = {per_req, per_tok * tokens}
local tats = {}
local wait = 0
for i = 1, 2 do
  local tat = tonumber(redis.call('GET', KEYS[i]) or now)
  if tat < now then tat = now end
  tats[i] = tat
  if costs[i] > 0 and tat - burst - now > wait then
    wait = tat - burst - now
  end
end
if wait > 0 then
  return {0, string.format('%.0f', wait)}
end
for i = 1, 2 do
  if costs[i] > 0 then
    local new = tats[i] + costs[i]
    redis.call('SET', KEYS[i], string.format('%.0f', new), 'PX', math.ceil((new - now + burst) / 1000) + 1000)
  end
end
return {1, 0}
`)

// adjustScript: KEYS one quota; ARGV delta µs (negative refunds). The TAT
// never moves before now.
var adjustScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local delta = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local new = tat + delta
if new <= now then
  redis.call('DEL', KEYS[1])
  return 0
end
redis.call('SET', KEYS[1], string.format('%.0f', new), 'PX', math.ceil((new - now) / 1000) + 1000)
return 1
`)

// penalizeScript: KEYS rpm, tpm; ARGV µs. Moves each TAT to at least
// now + µs.
var penalizeScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local untl = now + tonumber(ARGV[1])
for i = 1, 2 do
  local tat = tonumber(redis.call('GET', KEYS[i]) or now)
  if tat < untl then
    redis.call('SET', KEYS[i], string.format('%.0f', untl), 'PX', math.ceil((untl - now) / 1000) + 1000)
  end
end
return 1
`)

// Wait takes quota for one request of the given token cost, sleeping
// until the fleet's quota allows it. If the wait would outlast ctx's
// deadline or MaxWait, it takes nothing and returns an *ExceedError.
func (l *Limiter) Wait(ctx context.Context, tokens int) (*Reservation, error) {
	if l == nil || !l.limits.Enabled() {
		return &Reservation{l: l, Tokens: tokens}, nil
	}
	tokens = max(tokens, 0)
	perReq, perTok := l.intervals()
	start := time.Now()
	limit := start.Add(l.maxWait)
	if dl, ok := ctx.Deadline(); ok && dl.Before(limit) {
		limit = dl
	}
	for {
		res, err := takeScript.Run(ctx, l.rdb, []string{l.rpmKey, l.tpmKey},
			perReq, perTok, tokens, l.limits.Burst.Microseconds()).Int64Slice()
		if err != nil {
			return nil, fmt.Errorf("ratelimit: take: %w", err)
		}
		if res[0] == 1 {
			return &Reservation{l: l, Tokens: tokens, Wait: time.Since(start)}, nil
		}
		wait := time.Duration(res[1]) * time.Microsecond
		if time.Now().Add(wait).After(limit) {
			return nil, &ExceedError{Wait: wait}
		}
		// Ask again when the quota should allow it, or sooner: quota given
		// back (Reconcile, Cancel) makes room early. A little jitter keeps
		// waiting workers from asking in lockstep.
		d := min(wait, l.poll) + time.Duration(rand.Int64N(int64(2*time.Millisecond)))
		if err := l.sleep(ctx, d); err != nil {
			return nil, err
		}
	}
}

// Reconcile corrects the token cost to what the provider reported: the
// difference goes back to (or is taken from) the fleet's quota.
func (r *Reservation) Reconcile(ctx context.Context, actualTokens int) error {
	if r == nil || r.l == nil || r.l.limits.TPM <= 0 || actualTokens == r.Tokens {
		return nil
	}
	_, perTok := r.l.intervals()
	delta := math.Round(float64(actualTokens-r.Tokens) * perTok)
	r.Tokens = actualTokens
	if err := adjustScript.Run(ctx, r.l.rdb, []string{r.l.tpmKey}, delta).Err(); err != nil {
		return fmt.Errorf("ratelimit: reconcile: %w", err)
	}
	return nil
}

// Cancel gives the whole reservation back, for a request never sent.
func (r *Reservation) Cancel(ctx context.Context) {
	if r == nil || r.l == nil || !r.l.limits.Enabled() {
		return
	}
	perReq, perTok := r.l.intervals()
	if perReq > 0 {
		_ = adjustScript.Run(ctx, r.l.rdb, []string{r.l.rpmKey}, -perReq).Err()
	}
	if perTok > 0 && r.Tokens > 0 {
		_ = adjustScript.Run(ctx, r.l.rdb, []string{r.l.tpmKey}, -math.Round(float64(r.Tokens)*perTok)).Err()
	}
	r.Tokens = 0
}

// Penalize holds the whole fleet back for d: the provider answered 429
// with Retry-After d, so nobody should send before then.
func (l *Limiter) Penalize(ctx context.Context, d time.Duration) error {
	if l == nil || !l.limits.Enabled() || d <= 0 {
		return nil
	}
	if err := penalizeScript.Run(ctx, l.rdb, []string{l.rpmKey, l.tpmKey}, d.Microseconds()).Err(); err != nil {
		return fmt.Errorf("ratelimit: penalize: %w", err)
	}
	return nil
}
