package openaitest

import (
	"math"
	"sync"
	"time"
)

// quota is the server's shared RPM/TPM limit: two token buckets that
// refill continuously at the per-minute rate and hold at most Window of
// it, checked together at each request's arrival. Every client draws on
// the same buckets, as every worker of a fleet draws on one API key.
type quota struct {
	mu       sync.Mutex
	req, tok bucket
}

type bucket struct {
	enabled  bool
	capacity float64
	level    float64
	perSec   float64
	last     time.Time
}

func newBucket(perMinute int, window time.Duration, now time.Time) bucket {
	if perMinute <= 0 {
		return bucket{}
	}
	perSec := float64(perMinute) / 60
	capacity := perSec * window.Seconds()
	return bucket{enabled: true, capacity: capacity, level: capacity, perSec: perSec, last: now}
}

func (b *bucket) refill(now time.Time) {
	if !b.enabled {
		return
	}
	b.level = math.Min(b.capacity, b.level+now.Sub(b.last).Seconds()*b.perSec)
	b.last = now
}

// wait is how long until n fit; 0 when they fit now.
func (b *bucket) wait(n float64) time.Duration {
	if !b.enabled || b.level >= n {
		return 0
	}
	if n > b.capacity {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration((n - b.level) / b.perSec * float64(time.Second))
}

// take charges one request of tokens, or says which limit refused it and
// for how long.
func (q *quota) take(now time.Time, tokens int) (ok bool, which string, wait time.Duration) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.req.refill(now)
	q.tok.refill(now)
	if w := q.req.wait(1); w > 0 {
		return false, "requests", w
	}
	if w := q.tok.wait(float64(tokens)); w > 0 {
		return false, "tokens", w
	}
	if q.req.enabled {
		q.req.level--
	}
	if q.tok.enabled {
		q.tok.level -= float64(tokens)
	}
	return true, "", 0
}

// remaining reports what is left and when each bucket is full again.
func (q *quota) remaining(now time.Time) (req, tok int, reqReset, tokReset time.Duration) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.req.refill(now)
	q.tok.refill(now)
	full := func(b *bucket) time.Duration {
		if !b.enabled {
			return 0
		}
		return time.Duration((b.capacity - b.level) / b.perSec * float64(time.Second))
	}
	return int(q.req.level), int(q.tok.level), full(&q.req), full(&q.tok)
}
