package ratelimit

import (
	"context"
	"errors"
	"regexp"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/worker/redistest"
)

type setup struct {
	url string
}

func newSetup(t *testing.T) setup {
	t.Helper()
	return setup{url: redistest.Start(t).URL}
}

// client returns a separate connection, as a separate worker process has.
func (s setup) client(t *testing.T) *redis.Client {
	t.Helper()
	o, err := redis.ParseURL(s.url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(o)
	t.Cleanup(func() { c.Close() })
	return c
}

func TestRequestsAreSpacedAcrossTheFleet(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	// Two "processes": separate connections, same provider.
	a := New(s.client(t), "prov-a", Limits{RPM: 6000}, Options{}) // 10ms apart
	b := New(s.client(t), "prov-a", Limits{RPM: 6000}, Options{})
	ctx := context.Background()
	start := time.Now()
	for range 10 {
		if _, err := a.Wait(ctx, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Wait(ctx, 0); err != nil {
			t.Fatal(err)
		}
	}
	// 20 requests at 10ms spacing: at least 190ms.
	if d := time.Since(start); d < 185*time.Millisecond {
		t.Errorf("20 requests at 6000 RPM shared by two limiters took %v, want at least 190ms", d)
	}
}

func TestTokensReconciledAndCancelled(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	l := New(s.client(t), "prov-b", Limits{TPM: 600_000}, Options{Poll: 10 * time.Millisecond}) // 100µs per token
	ctx := context.Background()
	r1, err := l.Wait(ctx, 5_000) // estimate: 500ms of quota
	if err != nil {
		t.Fatal(err)
	}
	// The provider reports 500 tokens: 450ms of quota come back.
	if err := r1.Reconcile(ctx, 500); err != nil {
		t.Fatal(err)
	}
	r2, err := l.Wait(ctx, 1_000)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Wait > 150*time.Millisecond {
		t.Fatalf("second request waited %v, want about 50ms after the refund", r2.Wait)
	}
	// A reservation given back frees its quota. (r3 itself waits until
	// r2's quota has passed: the limiter's clock is Redis's.)
	r3, err := l.Wait(ctx, 20_000) // 2s
	if err != nil {
		t.Fatal(err)
	}
	r3.Cancel(ctx)
	r4, err := l.Wait(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if r4.Wait > 100*time.Millisecond {
		t.Errorf("after cancel, waited %v: the cancelled 2s were not given back", r4.Wait)
	}
}

func TestWaitBeyondDeadlineTakesNothing(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	c := s.client(t)
	l := New(c, "prov-c", Limits{RPM: 60}, Options{}) // 1s per request
	ctx := context.Background()
	if _, err := l.Wait(ctx, 0); err != nil {
		t.Fatal(err)
	}
	before, _ := c.Get(ctx, "clinscribe:ratelimit:{prov-c}:rpm").Result()
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err := l.Wait(short, 0)
	var ex *ExceedError
	if !errors.As(err, &ex) || !errors.Is(err, ErrWouldExceed) {
		t.Fatalf("err = %v, want ExceedError", err)
	}
	if ex.RetryAfter() < 500*time.Millisecond {
		t.Errorf("RetryAfter %v, want about 1s", ex.RetryAfter())
	}
	after, _ := c.Get(ctx, "clinscribe:ratelimit:{prov-c}:rpm").Result()
	if before != after {
		t.Errorf("a refused wait moved the quota: %s -> %s", before, after)
	}
}

func TestPenalizeHoldsTheFleet(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	a := New(s.client(t), "prov-d", Limits{RPM: 60_000, TPM: 10_000_000}, Options{})
	b := New(s.client(t), "prov-d", Limits{RPM: 60_000, TPM: 10_000_000}, Options{})
	if err := a.Penalize(context.Background(), 400*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	r, err := b.Wait(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if r.Wait < 380*time.Millisecond {
		t.Errorf("after a 400ms penalty by another worker, waited %v", r.Wait)
	}
}

// Under real clocks and many concurrent callers on separate connections,
// what goes out never exceeds the rate.
func TestConcurrentCallersNeverExceedTheRate(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	const rpm = 12_000 // 5ms per request
	var mu sync.Mutex
	var sent []time.Time
	var wg sync.WaitGroup
	ctx := context.Background()
	for w := range 3 {
		l := New(s.client(t), "prov-e", Limits{RPM: rpm}, Options{})
		_ = w
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 10 {
					if _, err := l.Wait(ctx, 0); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					sent = append(sent, time.Now())
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	sort.Slice(sent, func(i, j int) bool { return sent[i].Before(sent[j]) })
	// 240 requests at 5ms spacing need at least 239*5ms.
	if span := sent[len(sent)-1].Sub(sent[0]); span < 239*5*time.Millisecond*95/100 {
		t.Errorf("240 requests in %v: faster than %d RPM", span, rpm)
	}
	// In any 100ms window, at most 100ms/5ms + 1 requests (plus scheduling jitter).
	for i := range sent {
		j := i
		for j < len(sent) && sent[j].Sub(sent[i]) < 100*time.Millisecond {
			j++
		}
		if n := j - i; n > 24 {
			t.Fatalf("%d requests within 100ms at %d RPM", n, rpm)
		}
	}
}

func TestKeysHoldOnlyTheProviderName(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	c := s.client(t)
	l := New(c, "openai-main", Limits{RPM: 60, TPM: 60_000}, Options{})
	if _, err := l.Wait(context.Background(), 500); err != nil {
		t.Fatal(err)
	}
	keys, err := c.Keys(context.Background(), "clinscribe:ratelimit:*").Result()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(keys)
	want := []string{"clinscribe:ratelimit:{openai-main}:rpm", "clinscribe:ratelimit:{openai-main}:tpm"}
	if len(keys) != 2 || keys[0] != want[0] || keys[1] != want[1] {
		t.Fatalf("keys %v, want %v", keys, want)
	}
	for _, k := range keys {
		v, _ := c.Get(context.Background(), k).Result()
		if !regexp.MustCompile(`^[0-9]+$`).MatchString(v) {
			t.Errorf("%s holds %q, want a number", k, v)
		}
		if ttl := c.PTTL(context.Background(), k).Val(); ttl <= 0 {
			t.Errorf("%s has no expiry", k)
		}
	}
}

func TestDisabledLimiterDoesNothing(t *testing.T) {
	t.Parallel()
	var l *Limiter
	r, err := l.Wait(context.Background(), 100)
	if err != nil || r == nil {
		t.Fatal(r, err)
	}
	if err := r.Reconcile(context.Background(), 5); err != nil {
		t.Fatal(err)
	}
	r.Cancel(context.Background())
	if err := l.Penalize(context.Background(), time.Second); err != nil {
		t.Fatal(err)
	}
}
