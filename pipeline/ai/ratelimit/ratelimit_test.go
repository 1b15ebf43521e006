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

// recordSleeps replaces sleeping with recording, so tests read the
// schedule the limiter computes instead of waiting it out.
func recordSleeps(l *Limiter) *[]time.Duration {
	var mu sync.Mutex
	waits := &[]time.Duration{}
	l.sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		*waits = append(*waits, d)
		mu.Unlock()
		return nil
	}
	return waits
}

func TestRequestsAreSpacedAcrossTheFleet(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	// Two "processes": separate connections, same provider.
	a := New(s.client(t), "prov-a", Limits{RPM: 600}, Options{})
	b := New(s.client(t), "prov-a", Limits{RPM: 600}, Options{})
	ra, rb := recordSleeps(a), recordSleeps(b)
	ctx := context.Background()
	for range 5 {
		if _, err := a.Wait(ctx, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Wait(ctx, 0); err != nil {
			t.Fatal(err)
		}
	}
	all := append(append([]time.Duration{}, *ra...), *rb...)
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	// 10 requests at 100ms spacing: the first goes at once, the last waits
	// about 900ms; the recorded waits are the 9 that had to wait.
	if len(all) != 9 {
		t.Fatalf("%d requests waited, want 9: %v", len(all), all)
	}
	if last := all[len(all)-1]; last < 850*time.Millisecond || last > 900*time.Millisecond {
		t.Errorf("last wait %v, want about 900ms (10 requests at 600 RPM shared by two limiters)", last)
	}
}

func TestTokensReconciledAndCancelled(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	l := New(s.client(t), "prov-b", Limits{TPM: 60_000}, Options{}) // 1ms per token
	waits := recordSleeps(l)
	ctx := context.Background()
	r1, err := l.Wait(ctx, 1_000) // estimate: 1s of quota
	if err != nil {
		t.Fatal(err)
	}
	// The provider reports 100 tokens: 900ms of quota come back.
	if err := r1.Reconcile(ctx, 100); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Wait(ctx, 1_000); err != nil {
		t.Fatal(err)
	}
	if len(*waits) != 1 || (*waits)[0] > 120*time.Millisecond {
		t.Fatalf("second request waited %v, want about 100ms after the refund", *waits)
	}
	// A reservation given back frees its quota.
	r3, err := l.Wait(ctx, 5_000)
	if err != nil {
		t.Fatal(err)
	}
	r3.Cancel(ctx)
	if _, err := l.Wait(ctx, 10); err != nil {
		t.Fatal(err)
	}
	if got := (*waits)[len(*waits)-1]; got > 1_200*time.Millisecond {
		t.Errorf("after cancel, wait %v: the cancelled 5s were not given back", got)
	}
}

func TestWaitBeyondDeadlineReservesNothing(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	l := New(s.client(t), "prov-c", Limits{RPM: 60}, Options{}) // 1s per request
	recordSleeps(l)
	ctx := context.Background()
	if _, err := l.Wait(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Wait(ctx, 0); err != nil { // waits ~1s
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	_, err := l.Wait(short, 0)
	var ex *ExceedError
	if !errors.As(err, &ex) || !errors.Is(err, ErrWouldExceed) {
		t.Fatalf("err = %v, want ExceedError", err)
	}
	if ex.RetryAfter() < time.Second {
		t.Errorf("RetryAfter %v, want about 2s", ex.RetryAfter())
	}
	// Nothing was reserved: the next wait is still about 2s, not 3s.
	waits := recordSleeps(l)
	if _, err := l.Wait(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if w := (*waits)[0]; w > 2100*time.Millisecond {
		t.Errorf("wait %v after a refused reservation, want about 2s", w)
	}
}

func TestPenalizeHoldsTheFleet(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	a := New(s.client(t), "prov-d", Limits{RPM: 6000, TPM: 1_000_000}, Options{})
	b := New(s.client(t), "prov-d", Limits{RPM: 6000, TPM: 1_000_000}, Options{})
	waits := recordSleeps(b)
	if err := a.Penalize(context.Background(), 3*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Wait(context.Background(), 10); err != nil {
		t.Fatal(err)
	}
	if len(*waits) != 1 || (*waits)[0] < 2900*time.Millisecond {
		t.Errorf("after a 3s penalty by another worker, waits %v", *waits)
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
	recordSleeps(l)
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
