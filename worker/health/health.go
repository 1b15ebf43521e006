// Package health serves the operational endpoints of a clinscribe process:
//
//	GET /healthz  liveness: 200 while the process can serve HTTP
//	GET /readyz   readiness: 200 when every check passes (Redis, storage,
//	              key manager, audit sink), 503 with the failing checks
//	GET /metrics  Prometheus exposition
//
// Handler is an http.Handler, so `clinscribe worker` serves it on
// ops.listen and the HTTP API can mount the same paths on its own mux.
// Responses name checks and carry infrastructure errors (a refused
// connection, a timeout); checks touch no content, so no PHI can appear.
package health

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"
)

// Check is one readiness check.
type Check struct {
	// Name identifies the check in responses ("redis", "storage", ...).
	Name string
	// Run returns nil when the dependency works. It must honor ctx.
	Run func(ctx context.Context) error
	// Every caches a result for this long, for checks that cost money or
	// quota (a KMS round trip). Zero runs the check on every probe.
	Every time.Duration
}

// Config tunes a Handler.
type Config struct {
	// Timeout bounds each check. Zero means 2s — under the default
	// Kubernetes probe timeout when set to 3s or more.
	Timeout time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Handler serves /healthz, /readyz and /metrics.
type Handler struct {
	cfg     Config
	checks  []Check
	metrics http.Handler
	mux     *http.ServeMux

	mu       sync.Mutex
	cached   map[string]cachedResult
	draining func() bool
}

type cachedResult struct {
	err error
	at  time.Time
}

// New returns a Handler running checks; metrics serves /metrics (nil for
// none).
func New(cfg Config, metrics http.Handler, checks ...Check) *Handler {
	if cfg.Timeout == 0 {
		cfg.Timeout = 2 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	h := &Handler{cfg: cfg, checks: checks, metrics: metrics, cached: map[string]cachedResult{}}
	h.mux = http.NewServeMux()
	h.Mount(h.mux)
	return h
}

// SetDraining lets /healthz report whether the worker stopped taking tasks.
func (h *Handler) SetDraining(f func() bool) {
	h.mu.Lock()
	h.draining = f
	h.mu.Unlock()
}

// Mount registers the three paths on mux.
func (h *Handler) Mount(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", h.live)
	mux.HandleFunc("GET /readyz", h.ready)
	if h.metrics != nil {
		mux.Handle("GET /metrics", h.metrics)
	}
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// Report is the body of /readyz.
type Report struct {
	Status string            `json:"status"` // ready | not_ready
	Checks map[string]string `json:"checks"` // name -> "ok" or the error
}

// Ready runs every check (concurrently, each bounded by the timeout).
func (h *Handler) Ready(ctx context.Context) Report {
	rep := Report{Status: "ready", Checks: map[string]string{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, c := range h.checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := h.run(ctx, c)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				rep.Status = "not_ready"
				rep.Checks[c.Name] = truncate(err.Error(), 300)
			} else {
				rep.Checks[c.Name] = "ok"
			}
		}()
	}
	wg.Wait()
	return rep
}

func (h *Handler) run(ctx context.Context, c Check) error {
	now := h.cfg.Now()
	if c.Every > 0 {
		h.mu.Lock()
		r, ok := h.cached[c.Name]
		h.mu.Unlock()
		if ok && now.Sub(r.at) < c.Every {
			return r.err
		}
	}
	ctx, cancel := context.WithTimeout(ctx, h.cfg.Timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		// A check that panics is a failed check, not a crashed process; its
		// value is not repeated (it could quote anything).
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("check %s panicked (%T)", c.Name, r)
			}
		}()
		done <- c.Run(ctx)
	}()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if c.Every > 0 {
		h.mu.Lock()
		h.cached[c.Name] = cachedResult{err: err, at: now}
		h.mu.Unlock()
	}
	return err
}

func (h *Handler) live(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	draining := h.draining != nil && h.draining()
	h.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "draining": draining})
}

func (h *Handler) ready(w http.ResponseWriter, r *http.Request) {
	rep := h.Ready(r.Context())
	code := http.StatusOK
	if rep.Status != "ready" {
		code = http.StatusServiceUnavailable
	}
	writeJSON(w, code, rep)
}

// Names lists the checks, sorted.
func (h *Handler) Names() []string {
	var n []string
	for _, c := range h.checks {
		n = append(n, c.Name)
	}
	sort.Strings(n)
	return n
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
