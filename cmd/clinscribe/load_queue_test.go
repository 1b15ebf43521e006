package main_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/metrics"
)

// queueWorker is what BenchmarkLoad re-executes this test binary as
// (LOAD_QUEUE_WORKER=redis-url, see TestMain): asynq's server with
// clinscribe's task middleware and an instrumented provider, but no
// storage, encryption or audit. Comparing it with the full pipeline shows
// what the queue costs and what the pipeline's storage costs.
func queueWorker(url string) int {
	conc, _ := strconv.Atoi(os.Getenv("LOAD_QUEUE_CONCURRENCY"))
	latency, _ := time.ParseDuration(os.Getenv("LOAD_QUEUE_LATENCY"))
	opt, err := (worker.RedisConfig{URL: url, PoolSize: conc + 20}).ConnOpt()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	met := metrics.New()
	p := offline.NewWith("offline", &offline.Provider{Latency: latency})
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// The note the pipeline's workers draft in the same benchmark: the
	// offline provider's drafting costs CPU per call (sentence splitting,
	// classification), which the queue's ceiling must include too. (It
	// drafted one short sentence before, so the pipeline's gap to the
	// queue included the provider's extra work on a longer note.)
	segs := source.FromNote(loadNote)
	// LOAD_QUEUE_FETCHERS > 1 splits the slots over that many asynq
	// servers in the process, each with its own fetch loop: asynq's
	// processor dequeues one task at a time, and this measures whether
	// that serial loop is what keeps the queue below the bound (issue 18).
	var srvs []*asynq.Server
	fetchers := max(1, queueFetchers())
	for i := range fetchers {
		c := conc / fetchers
		if i < conc%fetchers {
			c++
		}
		srvs = append(srvs, asynq.NewServer(opt, asynq.Config{Concurrency: c, Queues: map[string]int{worker.QueueSummarize: 1},
			TaskCheckInterval: 20 * time.Millisecond, LogLevel: asynq.WarnLevel}))
	}
	mux := asynq.NewServeMux()
	mux.Use(met.Middleware())
	mux.HandleFunc(worker.TypeSummarize, func(ctx context.Context, t *asynq.Task) error {
		if _, err := worker.DecodePayload(t.Payload()); err != nil {
			return err
		}
		start := time.Now()
		res, err := p.Summarizer.Summarize(ctx, &ai.SummarizeRequest{Template: tmpl, Segments: segs})
		var u ai.Usage
		if res != nil {
			u = res.Usage
		}
		// What the gateway reports for each call, as in the pipeline.
		met.ObserveCall(ai.CallStat{Provider: p.Name, Model: p.Models[ai.TaskSummarize], Task: ai.TaskSummarize,
			Elapsed: time.Since(start), Usage: u, Err: err})
		return err
	})
	// The metrics for BenchmarkLoad's breakdown of a slot's time.
	if addr := os.Getenv("LOAD_QUEUE_METRICS"); addr != "" {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		go func() { _ = http.Serve(l, met.Handler()) }()
	}
	for _, srv := range srvs {
		if err := srv.Start(mux); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	slog.Info("queue worker ready")
	fmt.Println("ready")
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	for _, srv := range srvs {
		srv.Shutdown()
	}
	return 0
}

// queueFetchers is LOAD_QUEUE_FETCHERS: how many asynq servers (fetch
// loops) a queue-only worker splits its slots over; unset or invalid is 1.
func queueFetchers() int {
	n, err := strconv.Atoi(os.Getenv("LOAD_QUEUE_FETCHERS"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}
