package metrics_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/worker/metrics"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

func TestLabelKeepsFreeTextOut(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"summarize": "summarize", "encounter:summarize": "encounter:summarize", "gpt-4o-mini": "gpt-4o-mini",
		"provider_error": "provider_error", "": "none", "Zelda Quixote": "other", "MRN 0045": "other",
		"a/b": "other", strings.Repeat("x", 80): "other",
	}
	for in, want := range cases {
		if got := metrics.Label(in); got != want {
			t.Errorf("Label(%q) = %q, want %q", in, got, want)
		}
	}
}

// The middleware classifies each attempt the way asynq will treat it. It
// runs in a real asynq server: only asynq builds the task context.
func TestMiddlewareOutcomes(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	opt := asynq.RedisClientOpt{Addr: rds.Addr, DB: dbOf(t, rds.URL)}
	m := metrics.New()
	errs := map[string]error{
		"t:ok": nil, "t:retryable": phi.Errorf(phi.CodeStorage, "down"), "t:permanent": phi.Permanentf(phi.CodeNoSpeech, "none"),
		"t:skipretry": fmt.Errorf("x: %w", asynq.SkipRetry), "t:lastretry": phi.Errorf(phi.CodeTimeout, "slow"),
	}
	done := make(chan string, len(errs))
	mux := asynq.NewServeMux()
	// Outermost: signals once the metrics middleware has recorded the task.
	recorded := func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, task *asynq.Task) error {
			defer func() { done <- task.Type() }()
			return next.ProcessTask(ctx, task)
		})
	}
	mux.Use(recorded, m.Middleware())
	mux.Handle("t:", asynq.HandlerFunc(func(_ context.Context, task *asynq.Task) error {
		return errs[task.Type()]
	}))
	srv := asynq.NewServer(opt, asynq.Config{Concurrency: 2, Queues: map[string]int{"summarize": 1}, LogLevel: asynq.FatalLevel,
		TaskCheckInterval: 10 * time.Millisecond, RetryDelayFunc: func(int, error, *asynq.Task) time.Duration { return time.Hour }})
	if err := srv.Start(mux); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	c := asynq.NewClient(opt)
	defer c.Close()
	for typ := range errs {
		maxRetry := 8
		if typ == "t:lastretry" {
			maxRetry = 0
		}
		if _, err := c.Enqueue(asynq.NewTask(typ, nil), asynq.Queue("summarize"), asynq.MaxRetry(maxRetry)); err != nil {
			t.Fatal(err)
		}
	}
	for range errs {
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("tasks not processed")
		}
	}
	for typ, want := range map[string][2]string{
		"t:ok": {"ok", "ok"}, "t:retryable": {"retry", "storage"}, "t:permanent": {"failed", "no_speech"},
		"t:skipretry": {"failed", "internal"}, "t:lastretry": {"failed", "timeout"},
	} {
		line := fmt.Sprintf(`clinscribe_tasks_total{code=%q,outcome=%q,queue="summarize",task_type=%q} 1`, want[1], want[0], typ)
		if err := gatherContains(m, "clinscribe_tasks_total", line); err != nil {
			t.Error(err)
		}
	}
	if err := gatherContains(m, "clinscribe_tasks_in_flight", `clinscribe_tasks_in_flight{queue="summarize",task_type="t:ok"} 0`); err != nil {
		t.Error(err)
	}
}

func dbOf(t *testing.T, url string) int {
	t.Helper()
	o, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	return o.DB
}

func TestBreakerStateIsOneHot(t *testing.T) {
	t.Parallel()
	m := metrics.New()
	var obs metrics.ProviderObserver = m
	obs.BreakerState("openai", metrics.BreakerOpen)
	obs.BreakerState("openai", metrics.BreakerHalfOpen)
	obs.RateLimitWait("openai", 150*time.Millisecond)
	for _, want := range []string{
		`clinscribe_ai_circuit_breaker_state{provider="openai",state="closed"} 0`,
		`clinscribe_ai_circuit_breaker_state{provider="openai",state="half_open"} 1`,
		`clinscribe_ai_circuit_breaker_state{provider="openai",state="open"} 0`,
		`clinscribe_ai_ratelimit_wait_seconds_count{provider="openai"} 1`,
	} {
		name, _, _ := strings.Cut(want, "{")
		name = strings.TrimSuffix(name, "_count")
		if err := gatherContains(m, name, want); err != nil {
			t.Fatal(err)
		}
	}
}

func TestObserveCallCountsTokensAndErrors(t *testing.T) {
	t.Parallel()
	m := metrics.New()
	ok := ai.CallStat{Provider: "vllm", Model: "Llama-3.1-8B", Task: ai.TaskSummarize, Elapsed: 40 * time.Millisecond,
		Usage: ai.Usage{InputTokens: 120, OutputTokens: 30}}
	m.ObserveCall(ok)
	m.ObserveCall(ok)
	m.ObserveCall(ai.CallStat{Provider: "vllm", Model: "Llama-3.1-8B", Task: ai.TaskSummarize, Elapsed: time.Millisecond,
		Err: phi.Errorf(phi.CodeRateLimited, "429")})
	for name, want := range map[string]string{
		"clinscribe_ai_input_tokens_total":  `clinscribe_ai_input_tokens_total{model="llama-3.1-8b",provider="vllm",task_type="summarize"} 240`,
		"clinscribe_ai_output_tokens_total": `clinscribe_ai_output_tokens_total{model="llama-3.1-8b",provider="vllm",task_type="summarize"} 60`,
		"clinscribe_ai_errors_total":        `clinscribe_ai_errors_total{code="rate_limited",model="llama-3.1-8b",provider="vllm",task_type="summarize"} 1`,
		"clinscribe_ai_requests_total":      `clinscribe_ai_requests_total{code="ok",model="llama-3.1-8b",provider="vllm",task_type="summarize"} 2`,
	} {
		if err := gatherContains(m, name, want); err != nil {
			t.Error(err)
		}
	}
}

type failingSink struct{ err error }

func (f *failingSink) Append(context.Context, audit.Entry) error { return f.err }
func (f *failingSink) Close() error                              { return nil }

// The audit logger reports each append, and its outcome, to the metrics.
func TestObserveAppend(t *testing.T) {
	t.Parallel()
	m := metrics.New()
	sink := &failingSink{}
	log := audit.NewLogger(sink, "s", "w", nil, audit.WithObserver(m))
	e := audit.Entry{Event: audit.EventView, Actor: "dr-a", Role: "provider", Result: "ok"}
	if err := log.Log(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	sink.err = errors.New("disk full")
	if err := log.Log(context.Background(), e); err == nil {
		t.Fatal("append error swallowed")
	}
	for _, want := range []string{
		`clinscribe_audit_append_duration_seconds_count{outcome="ok"} 1`,
		`clinscribe_audit_append_duration_seconds_count{outcome="error"} 1`,
	} {
		if err := gatherContains(m, "clinscribe_audit_append_duration_seconds", want); err != nil {
			t.Error(err)
		}
	}
}

func gatherContains(m *metrics.Metrics, name, want string) error {
	var b strings.Builder
	if _, err := testutil.GatherAndCount(m.Registry(), name); err != nil {
		return err
	}
	mfs, err := m.Registry().Gather()
	if err != nil {
		return err
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, mt := range mf.GetMetric() {
			var labels []string
			for _, lp := range mt.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", lp.GetName(), lp.GetValue()))
			}
			l := "{" + strings.Join(labels, ",") + "}"
			switch {
			case mt.Counter != nil:
				fmt.Fprintf(&b, "%s%s %v\n", name, l, mt.GetCounter().GetValue())
			case mt.Gauge != nil:
				fmt.Fprintf(&b, "%s%s %v\n", name, l, mt.GetGauge().GetValue())
			case mt.Histogram != nil:
				fmt.Fprintf(&b, "%s_count%s %v\n", name, l, mt.GetHistogram().GetSampleCount())
			}
		}
	}
	if !strings.Contains(b.String(), want) {
		return fmt.Errorf("want %s in\n%s", want, b.String())
	}
	return nil
}

// The package doc lists exactly the metrics the package defines.
func TestDocListsEveryMetric(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^//\s+(clinscribe_[a-z_]+)`).FindAllStringSubmatch(string(raw), -1) {
		documented[m[1]] = true
	}
	defined := metrics.New().Names()
	if len(defined) < 20 {
		t.Fatalf("only %d metrics defined: %v", len(defined), defined)
	}
	for _, n := range defined {
		if !documented[n] {
			t.Errorf("%s is not documented in doc.go", n)
		}
		delete(documented, n)
	}
	for n := range documented {
		t.Errorf("doc.go lists %s, which is not defined", n)
	}
}
