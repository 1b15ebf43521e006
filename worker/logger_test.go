package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A line repeated within the window is held back and counted; the next
// line through after the window reports the count. Lines that differ only
// in numbers are one line.
func TestRepeatLimiter(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	r := newRepeatLimiter(10*time.Second, func() time.Time { return now })
	type step struct {
		advance    time.Duration
		line       string
		ok         bool
		suppressed int
	}
	var got, want []step
	for _, s := range []step{
		{0, "dial tcp 127.0.0.1:6379: connection refused", true, 0},
		{time.Second, "dial tcp 127.0.0.1:6379: connection refused", false, 0},
		{time.Second, "dial tcp 127.0.0.1:6380: connection refused", false, 0},
		{time.Second, "another line", true, 0},
		{8 * time.Second, "dial tcp 127.0.0.1:6379: connection refused", true, 2},
		{time.Second, "dial tcp 127.0.0.1:6379: connection refused", false, 0},
	} {
		now = now.Add(s.advance)
		ok, n := r.allow(s.line)
		want = append(want, s)
		got = append(got, step{s.advance, s.line, ok, n})
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(step{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// go-redis's free-text lines become structured, PHI-safe records: a
// reason code and the Redis address, nothing else of the text.
func TestRedisLoggerShape(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	l := RedisLogger(slog.New(slog.NewJSONHandler(&buf, nil)))
	l.Printf(context.Background(), "redis: connection pool: failed to dial after %d attempts: %v", 5,
		"dial tcp 127.0.0.1:6399: connect: connection refused")
	l.Printf(context.Background(), "redis: connection pool: failed to dial after %d attempts: %v", 5,
		"dial tcp 127.0.0.1:6399: connect: connection refused")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines for one repeated failure, want 1:\n%s", len(lines), buf.String())
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"level": "WARN", "msg": "redis client", "component": "redis", "reason": "dial_failed", "addr": "127.0.0.1:6399"}
	delete(rec, "time")
	if diff := cmp.Diff(want, rec); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
