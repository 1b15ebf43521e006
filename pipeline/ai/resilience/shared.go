package resilience

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// SharedBreaker is a provider's circuit breaker for the whole worker
// fleet: its state lives in one Redis hash ("clinscribe:breaker:{name}":
// state, consecutive failures, open-until or probe-lease time, current
// cooldown — the provider name and numbers, nothing else) and two Lua
// scripts change it atomically, in the style of pipeline/ai/ratelimit.
// Twenty workers see the same open breaker, so a provider that is down
// gets Failures requests and then one probe per cooldown from the fleet,
// not from each process; the probe holds a lease (ProbeLease) so a probe
// whose worker died does not keep the breaker half-open for ever.
//
// Times come from the breaker's clock (the workers' clocks, which NTP
// keeps within milliseconds of each other — small against a 30 s
// cooldown), so tests can drive it with a simulated clock.
//
// If Redis does not answer, the breaker falls back to an in-process
// Breaker that has been fed the same verdicts, and says so in the log (at
// most once a minute): a Redis outage must not stop AI calls that would
// otherwise go.
type SharedBreaker struct {
	name  string
	cfg   BreakerConfig
	rdb   redis.Scripter
	key   string
	opts  SharedOptions
	local *Breaker
	log   *slog.Logger
	now   func() time.Time

	mu        sync.Mutex
	seen      string
	observe   func(state string)
	lastWarn  time.Time
	fallbacks int
}

// SharedOptions tune NewSharedBreaker.
type SharedOptions struct {
	// Prefix starts the key. Zero means "clinscribe:breaker:".
	Prefix string
	// ProbeLease is how long the worker holding the half-open breaker's
	// probe has to report its verdict before another worker may probe.
	// Zero means 2 minutes (a provider attempt's default timeout).
	ProbeLease time.Duration
	// Window is how long failures are remembered while the breaker is
	// closed: Failures failures with no success between them and none
	// further apart than Window open it. Zero means one minute.
	Window time.Duration
}

// WithDefaults fills zero fields.
func (o SharedOptions) WithDefaults() SharedOptions {
	if o.Prefix == "" {
		o.Prefix = "clinscribe:breaker:"
	}
	if o.ProbeLease <= 0 {
		o.ProbeLease = 2 * time.Minute
	}
	if o.Window <= 0 {
		o.Window = time.Minute
	}
	return o
}

// NewSharedBreaker returns the fleet's breaker for the named provider,
// its state in rdb (a *redis.Client, *redis.ClusterClient or failover
// client). rdb is required; now nil means time.Now.
func NewSharedBreaker(rdb redis.Scripter, name string, cfg BreakerConfig, opts SharedOptions, log *slog.Logger, now func() time.Time) (*SharedBreaker, error) {
	if rdb == nil {
		return nil, fmt.Errorf("resilience.NewSharedBreaker: provider %q: a Redis client is required", name)
	}
	cfg = cfg.WithDefaults()
	opts = opts.WithDefaults()
	if log == nil {
		log = slog.Default()
	}
	if now == nil {
		now = time.Now
	}
	return &SharedBreaker{
		name: name, cfg: cfg, rdb: rdb, opts: opts, log: log, now: now,
		// The hash tag keeps the key in one cluster slot, as scripts need.
		key:   opts.Prefix + "{" + name + "}",
		local: NewBreaker(name, cfg, log, now),
		seen:  closed.String(),
	}, nil
}

// admitScript: KEYS breaker; ARGV now µs, probe lease µs, cap µs.
// Returns {state, wait µs}: wait 0 = go (closed), -1 = go as the probe
// (the breaker is now half-open), > 0 = refused for that long. state:
// 0 closed, 1 open, 2 half-open.
var admitScript = redis.NewScript(`
local now = tonumber(ARGV[1])
local lease = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
local h = redis.call('HMGET', KEYS[1], 'st', 'until')
local st = tonumber(h[1] or '0') or 0
local untl = tonumber(h[2] or '0') or 0
if st == 0 then
  return {0, 0}
end
if now < untl then
  local w = untl - now
  if st == 2 and w > cap then w = cap end
  return {st, w}
end
redis.call('HSET', KEYS[1], 'st', 2, 'until', string.format('%.0f', now + lease))
return {2, -1}
`)

// reportScript: KEYS breaker; ARGV now µs, verdict (0 none, 1 healthy,
// 2 unhealthy), probe (1 if the caller held the probe), failures,
// cooldown µs, max cooldown µs, window ms, keep ms. Returns {state after,
// state before}.
var reportScript = redis.NewScript(`
local now = tonumber(ARGV[1])
local v = tonumber(ARGV[2])
local probe = tonumber(ARGV[3])
local failures = tonumber(ARGV[4])
local base = tonumber(ARGV[5])
local maxcd = tonumber(ARGV[6])
local h = redis.call('HMGET', KEYS[1], 'st', 'f', 'until', 'cd')
local st = tonumber(h[1] or '0') or 0
local f = tonumber(h[2] or '0') or 0
local untl = tonumber(h[3] or '0') or 0
local cd = tonumber(h[4] or '0') or 0
if v == 1 then
  if st ~= 0 or f > 0 then
    redis.call('DEL', KEYS[1])
  end
  return {0, st}
end
if v == 0 then
  if st == 2 and probe == 1 then
    redis.call('HSET', KEYS[1], 'until', 0)
  end
  return {st, st}
end
if st == 0 then
  f = f + 1
  if f < failures then
    redis.call('HSET', KEYS[1], 'f', f)
    redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[7]))
    return {0, 0}
  end
  cd = base
elseif st == 2 and (probe == 1 or now >= untl) then
  cd = math.min(math.max(cd * 2, base), maxcd)
else
  return {st, st}
end
redis.call('HSET', KEYS[1], 'st', 1, 'f', 0, 'until', string.format('%.0f', now + cd), 'cd', string.format('%.0f', cd))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[8]))
return {1, st}
`)

var stateNames = [...]string{"closed", "open", "half_open"}

func stateName(n int64) string {
	if n < 0 || int(n) >= len(stateNames) {
		return "closed"
	}
	return stateNames[n]
}

// Admit implements CircuitBreaker: while the fleet's breaker is open (or
// another worker's probe is in flight) it returns a *Deferral saying when
// the breaker half-opens; after the cooldown exactly one caller in the
// fleet gets through as the probe.
func (b *SharedBreaker) Admit(ctx context.Context) (Permit, error) {
	if b.cfg.Failures < 0 {
		return noPermit{}, nil
	}
	rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	res, err := admitScript.Run(rctx, b.rdb, []string{b.key},
		b.now().UnixMicro(), b.opts.ProbeLease.Microseconds(), b.cfg.Cooldown.Microseconds()).Int64Slice()
	if err != nil || len(res) != 2 {
		b.redisDown(err)
		return b.local.Admit(ctx)
	}
	b.saw(stateName(res[0]))
	switch wait := res[1]; {
	case wait == 0:
		return &sharedPermit{b: b}, nil
	case wait < 0:
		return &sharedPermit{b: b, probe: true}, nil
	case res[0] == 2:
		return nil, probeDeferral(b.name, time.Duration(wait)*time.Microsecond)
	default:
		return nil, openDeferral(b.name, time.Duration(wait)*time.Microsecond)
	}
}

type sharedPermit struct {
	b     *SharedBreaker
	probe bool
}

func (p *sharedPermit) Done(ctx context.Context, v Verdict) {
	b := p.b
	// The in-process breaker hears every verdict too, so it is current
	// if Redis stops answering.
	localPermit{b.local}.Done(ctx, v)
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	verdict := map[Verdict]int{VerdictNone: 0, VerdictHealthy: 1, VerdictUnhealthy: 2}[v]
	probe := 0
	if p.probe {
		probe = 1
	}
	keep := max(4*b.cfg.MaxCooldown, time.Hour)
	res, err := reportScript.Run(rctx, b.rdb, []string{b.key},
		b.now().UnixMicro(), verdict, probe, b.cfg.Failures, b.cfg.Cooldown.Microseconds(),
		b.cfg.MaxCooldown.Microseconds(), b.opts.Window.Milliseconds(), keep.Milliseconds()).Int64Slice()
	if err != nil || len(res) != 2 {
		b.redisDown(err)
		return
	}
	b.saw(stateName(res[0]))
}

type noPermit struct{}

func (noPermit) Done(context.Context, Verdict) {}

// saw records the state this process last read from Redis and reports a
// change.
func (b *SharedBreaker) saw(state string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if state == b.seen {
		return
	}
	b.log.Warn("AI provider circuit breaker changed state", "provider", b.name, "state", state, "fleet", true)
	b.seen = state
	if b.observe != nil {
		b.observe(state)
	}
}

func (b *SharedBreaker) redisDown(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fallbacks++
	if now := time.Now(); now.Sub(b.lastWarn) >= time.Minute {
		b.log.Warn("fleet circuit breaker unavailable (Redis); using this process's breaker",
			"provider", b.name, "error", err, "since_last_warning", b.fallbacks)
		b.lastWarn, b.fallbacks = now, 0
	}
}

// State implements CircuitBreaker: the state this process last read.
func (b *SharedBreaker) State() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.seen
}

// Observe implements CircuitBreaker. f runs under the breaker's lock: it
// must be quick and must not call back into the breaker.
func (b *SharedBreaker) Observe(f func(state string)) {
	if f == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.observe = f
	f(b.seen)
}
