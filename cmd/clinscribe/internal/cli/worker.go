package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/worker"
)

func runWorker(ctx context.Context, env Env, cfgPath string, args []string) error {
	a, err := openService(ctx, env, cfgPath, "worker", args)
	if err != nil {
		return err
	}
	defer a.Close()
	cfg := a.Config
	srv, err := a.NewWorker()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// SIGTSTP drains (below). It is caught before the endpoints answer:
	// a signal sent as soon as /readyz says ready would otherwise find
	// its default action, which stops the process.
	tstp := make(chan os.Signal, 1)
	signal.Notify(tstp, syscall.SIGTSTP)
	defer signal.Stop(tstp)
	// The endpoints stay up until the worker has shut down, so /metrics
	// still answers during a drain.
	stopOps, err := serveOps(a, srv.Draining)
	if err != nil {
		return err
	}
	defer stopOps()
	// Drain: `clinscribe ops drain` (a Redis key this worker polls for) or
	// SIGTSTP to this process.
	if cfg.Ops.DrainPoll > 0 {
		rdb := worker.UniversalClient(a.Redis)
		defer rdb.Close()
		go srv.WatchDrain(ctx, rdb, cfg.Ops.DrainPoll)
	}
	go func() {
		select {
		case <-tstp:
			srv.Drain()
		case <-ctx.Done():
		}
	}()

	a.Log.Info("worker started", "worker", cfg.Service.WorkerID, "concurrency", cfg.Worker.Concurrency,
		queueWeights(cfg.Worker.Queues), "shutdown_timeout", cfg.Worker.ShutdownTimeout)
	return runReconciling(ctx, srv.Run, a.Pipeline.Reconcile, a.Log)
}

// runReconciling runs the worker (run) and, beside it, the reconcile at
// start: work that Redis lost while no worker ran is queued again. The
// reconcile reads every unfinished encounter from storage, so with a
// backlog it takes a while; run before the server, it kept the worker
// from serving the tasks already queued (BenchmarkLoad counted it as
// ramp-up: the workers said ready and served nothing yet). Beside the
// server it is what the periodic maintenance:reconcile already is, a task
// running among the stages: its enqueues are deduplicated by task ID. It
// returns when both have ended (the reconcile ends with ctx).
func runReconciling(ctx context.Context, run func(context.Context) error, reconcile func(context.Context) (int, error), log *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		if n, err := reconcile(ctx); err != nil {
			log.Warn("reconcile at start failed", "error", err)
		} else if n > 0 {
			log.Info("re-enqueued unfinished encounters", "count", n)
		}
	}()
	err := run(ctx)
	cancel()
	<-done
	return err
}

// serveOps serves /healthz, /readyz and /metrics on ops.listen (when set)
// until the returned stop is called. draining, if set, feeds /healthz.
func serveOps(a *app.App, draining func() bool) (stop func(), err error) {
	if a.Config.Ops.Listen == "" {
		return func() {}, nil
	}
	h := a.HealthHandler()
	if draining != nil {
		h.SetDraining(draining)
	}
	ln, err := net.Listen("tcp", a.Config.Ops.Listen)
	if err != nil {
		return nil, fmt.Errorf("ops.listen: %w", err)
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.Log.Error("ops endpoints stopped", "error", err)
		}
	}()
	a.Log.Info("ops endpoints listening", "addr", ln.Addr().String())
	return func() { hs.Close() }, nil
}

// openService opens the app for a long-running command (worker, serve):
// no flags of its own, and a real Redis that other processes share.
func openService(ctx context.Context, env Env, cfgPath, name string, args []string) (*app.App, error) {
	fs := newFlags(env, name, "")
	if _, err := parse(fs, args); err != nil {
		return nil, errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return nil, err
	}
	if cfg.Redis.Embedded {
		return nil, fmt.Errorf("redis.embedded is for the demo only: a separate %s process cannot share an in-process Redis; set redis.url", name)
	}
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return nil, err
	}
	// A long-running process seals the audit chains of dead writers.
	if err := a.StartAuditSealer(); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// queueWeights logs the queues this worker serves as a group of numbers
// ("queues":{"critical":6,…}): queue names are keys, weights are numbers,
// and neither needs redacting.
func queueWeights(q map[string]int) slog.Attr {
	names := slices.Sorted(maps.Keys(q))
	attrs := make([]any, 0, len(names))
	for _, n := range names {
		attrs = append(attrs, slog.Int(n, q[n]))
	}
	return slog.Group("queues", attrs...)
}
