package cli

import (
	"context"
	"fmt"
)

func runWorker(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "worker", "")
	if _, err := parse(fs, args); err != nil {
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	if cfg.Redis.Embedded {
		return fmt.Errorf("redis.embedded is for the demo only: a separate worker process cannot share an in-process Redis; set redis.url")
	}
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	srv, err := a.NewWorker()
	if err != nil {
		return err
	}
	// Work that Redis lost while no worker ran is queued again at start.
	if n, err := a.Pipeline.Reconcile(ctx); err != nil {
		a.Log.Warn("reconcile at start failed", "error", err)
	} else if n > 0 {
		a.Log.Info("re-enqueued unfinished encounters", "count", n)
	}
	a.Log.Info("worker started", "worker", cfg.Service.WorkerID, "concurrency", cfg.Worker.Concurrency,
		"queues", fmt.Sprint(cfg.Worker.Queues))
	return srv.Run(ctx)
}
