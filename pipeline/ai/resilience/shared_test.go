package resilience_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

// clock is a simulated clock the whole "fleet" shares.
type clock struct{ ns atomic.Int64 }

func newClock() *clock {
	c := &clock{}
	c.ns.Store(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano())
	return c
}
func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()) }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// fleet returns n breakers for one provider, each on its own Redis
// connection, as n worker processes have.
func fleet(t *testing.T, url string, n int, cfg resilience.BreakerConfig, opts resilience.SharedOptions, c *clock) []*resilience.SharedBreaker {
	t.Helper()
	o, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	var out []*resilience.SharedBreaker
	for range n {
		rdb := redis.NewClient(o)
		t.Cleanup(func() { rdb.Close() })
		b, err := resilience.NewSharedBreaker(rdb, "prov", cfg, opts, nil, c.now)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// admitAll asks every breaker at once and returns the permits granted and
// the deferrals.
func admitAll(t *testing.T, bs []*resilience.SharedBreaker) ([]resilience.Permit, []*resilience.Deferral) {
	t.Helper()
	var mu sync.Mutex
	var permits []resilience.Permit
	var deferred []*resilience.Deferral
	var wg sync.WaitGroup
	for _, b := range bs {
		wg.Go(func() {
			p, err := b.Admit(context.Background())
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				permits = append(permits, p)
				return
			}
			d, ok := resilience.AsDeferral(err)
			if !ok || !errors.Is(err, resilience.ErrOpen) || phi.CodeOf(err) != phi.CodeProviderOverloaded || phi.IsPermanent(err) {
				t.Errorf("refusal %v is not a retryable provider_overloaded Deferral wrapping ErrOpen", err)
				return
			}
			deferred = append(deferred, d)
		})
	}
	wg.Wait()
	return permits, deferred
}

// Twenty workers share one breaker: five failures anywhere open it for
// all; after the cooldown exactly one of them probes; a failed probe
// reopens it for twice as long; a good probe closes it for everyone.
func TestSharedBreakerOneProbeForTheFleet(t *testing.T) {
	t.Parallel()
	rs := redistest.Start(t)
	c := newClock()
	cfg := resilience.BreakerConfig{Failures: 5, Cooldown: 30 * time.Second, MaxCooldown: 2 * time.Minute}
	bs := fleet(t, rs.URL, 20, cfg, resilience.SharedOptions{}, c)
	ctx := context.Background()

	// Five failures from five different workers open the fleet's breaker.
	for i := range 5 {
		p, err := bs[i].Admit(ctx)
		if err != nil {
			t.Fatalf("worker %d refused while closed: %v", i, err)
		}
		p.Done(ctx, resilience.VerdictUnhealthy)
	}
	permits, deferred := admitAll(t, bs)
	if len(permits) != 0 || len(deferred) != 20 {
		t.Fatalf("open breaker: %d admitted, %d deferred; want 0 and 20", len(permits), len(deferred))
	}
	for _, d := range deferred {
		if d.Wait != 30*time.Second || d.Reason != resilience.ReasonCircuitOpen || d.Provider != "prov" {
			t.Errorf("deferral %+v: want a 30s wait until the breaker half-opens", d)
		}
	}

	type round struct {
		name     string
		advance  time.Duration
		verdict  resilience.Verdict
		wantWait time.Duration // of the deferrals after the probe's verdict; 0: closed
	}
	for _, r := range []round{
		{"probe fails: open for twice the cooldown", 30 * time.Second, resilience.VerdictUnhealthy, time.Minute},
		{"probe fails again: capped at max cooldown", time.Minute, resilience.VerdictUnhealthy, 2 * time.Minute},
		{"probe fails again: stays at the cap", 2 * time.Minute, resilience.VerdictUnhealthy, 2 * time.Minute},
		{"probe succeeds: closed for all", 2 * time.Minute, resilience.VerdictHealthy, 0},
	} {
		c.advance(r.advance)
		permits, deferred := admitAll(t, bs)
		if len(permits) != 1 || len(deferred) != 19 {
			t.Fatalf("%s: %d probes, %d deferred; want exactly one probe for the fleet", r.name, len(permits), len(deferred))
		}
		for _, d := range deferred {
			if d.Wait <= 0 || d.Wait > cfg.Cooldown {
				t.Errorf("%s: a worker refused during the probe waits %v; want at most the cooldown", r.name, d.Wait)
			}
		}
		permits[0].Done(ctx, r.verdict)
		permits, deferred = admitAll(t, bs)
		if r.wantWait == 0 {
			if len(permits) != 20 {
				t.Fatalf("%s: %d of 20 admitted", r.name, len(permits))
			}
			for _, p := range permits {
				p.Done(ctx, resilience.VerdictHealthy)
			}
			continue
		}
		if len(permits) != 0 {
			t.Fatalf("%s: %d admitted while open", r.name, len(permits))
		}
		for _, d := range deferred {
			if d.Wait != r.wantWait {
				t.Fatalf("%s: wait %v, want %v", r.name, d.Wait, r.wantWait)
			}
		}
	}
	states := map[string]int{}
	for _, b := range bs {
		states[b.State()]++
	}
	if diff := cmp.Diff(map[string]int{"closed": 20}, states); diff != "" {
		t.Errorf("states seen by the workers (-want +got):\n%s", diff)
	}
	// Redis holds the provider's name and numbers only.
	keys, err := rs.Client(t).Keys(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if k != "clinscribe:breaker:{prov}" {
			t.Errorf("unexpected key %q", k)
		}
	}
}

// A probe whose worker died (no verdict) holds the breaker only for its
// lease; a probe given up without a verdict frees it at once.
func TestSharedBreakerProbeLease(t *testing.T) {
	t.Parallel()
	rs := redistest.Start(t)
	c := newClock()
	cfg := resilience.BreakerConfig{Failures: 1, Cooldown: 10 * time.Second}
	bs := fleet(t, rs.URL, 3, cfg, resilience.SharedOptions{ProbeLease: time.Minute}, c)
	ctx := context.Background()
	p, err := bs[0].Admit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.Done(ctx, resilience.VerdictUnhealthy)
	c.advance(10 * time.Second)
	if _, err := bs[1].Admit(ctx); err != nil { // the probe; its worker "dies"
		t.Fatalf("no probe after the cooldown: %v", err)
	}
	c.advance(59 * time.Second)
	if _, err := bs[2].Admit(ctx); err == nil {
		t.Fatal("a second probe went while the first one's lease holds")
	}
	c.advance(time.Second)
	probe, err := bs[2].Admit(ctx)
	if err != nil {
		t.Fatalf("no probe after the dead probe's lease: %v", err)
	}
	probe.Done(ctx, resilience.VerdictNone) // gave up (cancelled): no verdict
	if _, err := bs[0].Admit(ctx); err != nil {
		t.Fatalf("a probe released without a verdict still blocks: %v", err)
	}
}

// Failures further apart than the window do not add up; a success resets
// the count fleet-wide.
func TestSharedBreakerWindowAndReset(t *testing.T) {
	t.Parallel()
	rs := redistest.Start(t)
	c := newClock()
	bs := fleet(t, rs.URL, 2, resilience.BreakerConfig{Failures: 3}, resilience.SharedOptions{}, c)
	ctx := context.Background()
	fail := func(b *resilience.SharedBreaker) {
		t.Helper()
		p, err := b.Admit(ctx)
		if err != nil {
			t.Fatalf("refused while closed: %v", err)
		}
		p.Done(ctx, resilience.VerdictUnhealthy)
	}
	fail(bs[0])
	fail(bs[1])
	p, err := bs[0].Admit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.Done(ctx, resilience.VerdictHealthy) // resets
	fail(bs[0])
	fail(bs[1])
	if _, err := bs[0].Admit(ctx); err != nil {
		t.Fatalf("opened after 2 failures since the last success: %v", err)
	}
	fail(bs[1])
	if _, err := bs[0].Admit(ctx); err == nil {
		t.Fatal("still closed after 3 consecutive failures across the fleet")
	}
}

// Without Redis the breaker still protects the provider, in process.
func TestSharedBreakerFallsBackToProcessBreaker(t *testing.T) {
	t.Parallel()
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1, DialTimeout: 100 * time.Millisecond})
	t.Cleanup(func() { rdb.Close() })
	c := newClock()
	b, err := resilience.NewSharedBreaker(rdb, "prov", resilience.BreakerConfig{Failures: 2, Cooldown: time.Second}, resilience.SharedOptions{}, nil, c.now)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 {
		p, err := b.Admit(ctx)
		if err != nil {
			t.Fatalf("refused while closed: %v", err)
		}
		p.Done(ctx, resilience.VerdictUnhealthy)
	}
	_, err = b.Admit(ctx)
	if d, ok := resilience.AsDeferral(err); !ok || d.Wait != time.Second {
		t.Fatalf("process fallback: got %v, want a 1s deferral", err)
	}
}
