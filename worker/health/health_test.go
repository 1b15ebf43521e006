package health_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/worker/health"
)

func get(t *testing.T, h http.Handler, path string) (int, map[string]any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	var body map[string]any
	if rec.Header().Get("Content-Type") == "application/json" {
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
	}
	return rec.Code, body
}

func TestReadyReportsEachCheck(t *testing.T) {
	t.Parallel()
	var failing atomic.Bool
	h := health.New(health.Config{Timeout: 100 * time.Millisecond},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("# metrics\n")) }),
		health.Check{Name: "redis", Run: func(context.Context) error {
			if failing.Load() {
				return errors.New("connection refused")
			}
			return nil
		}},
		health.Check{Name: "slow", Run: func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }},
	)
	code, body := get(t, h, "/readyz")
	checks := body["checks"].(map[string]any)
	if code != 503 || body["status"] != "not_ready" || checks["redis"] != "ok" || checks["slow"] != "context deadline exceeded" {
		t.Fatalf("/readyz = %d %v", code, body)
	}
	failing.Store(true)
	if _, body = get(t, h, "/readyz"); body["checks"].(map[string]any)["redis"] != "connection refused" {
		t.Fatalf("/readyz = %v", body)
	}
	if code, body = get(t, h, "/healthz"); code != 200 || body["status"] != "ok" || body["draining"] != false {
		t.Fatalf("/healthz = %d %v", code, body)
	}
	h.SetDraining(func() bool { return true })
	if _, body = get(t, h, "/healthz"); body["draining"] != true {
		t.Fatalf("/healthz while draining = %v", body)
	}
	if code, _ = get(t, h, "/metrics"); code != 200 {
		t.Fatalf("/metrics = %d", code)
	}
	if code, _ = get(t, h, "/nope"); code != 404 {
		t.Fatalf("/nope = %d", code)
	}
}

func TestAllChecksPassIsReady(t *testing.T) {
	t.Parallel()
	ok := func(context.Context) error { return nil }
	h := health.New(health.Config{}, nil, health.Check{Name: "a", Run: ok}, health.Check{Name: "b", Run: ok})
	if code, body := get(t, h, "/readyz"); code != 200 || body["status"] != "ready" {
		t.Fatalf("/readyz = %d %v", code, body)
	}
	if code, _ := get(t, h, "/metrics"); code != 404 {
		t.Fatalf("/metrics without a registry = %d", code)
	}
}

// Costly checks (a KMS round trip) run at most once per Every.
func TestCachedCheck(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	var calls atomic.Int32
	h := health.New(health.Config{Now: func() time.Time { return now }}, nil,
		health.Check{Name: "keys", Every: time.Minute, Run: func(context.Context) error { calls.Add(1); return nil }})
	for range 5 {
		h.Ready(context.Background())
	}
	now = now.Add(61 * time.Second)
	h.Ready(context.Background())
	if n := calls.Load(); n != 2 {
		t.Fatalf("check ran %d times, want 2", n)
	}
}

func TestPanickingCheckFailsReadiness(t *testing.T) {
	t.Parallel()
	h := health.New(health.Config{}, nil, health.Check{Name: "boom", Run: func(context.Context) error { panic("Zelda Quixote") }})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code == http.StatusOK || strings.Contains(rec.Body.String(), "Zelda") {
		t.Fatalf("readyz %d %q", rec.Code, rec.Body.String())
	}
}
