package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// Graceful shutdown: a task that finishes within the shutdown timeout
// completes; one that does not goes back to pending for another worker.
func TestGracefulShutdown(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name        string
		latency     time.Duration
		timeout     time.Duration
		wantPending int
	}{
		{"InFlightFinishes", 1500 * time.Millisecond, 10 * time.Second, 0},
		{"UnfinishedGoesBackToPending", 20 * time.Second, 500 * time.Millisecond, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rds := redistest.StartWith(t, redistest.Options{Own: true})
			cfg := testConfig(t, rds.URL)
			cfg.Worker.ShutdownTimeout = c.timeout
			cfg.AI.Providers = []config.Provider{{Name: "offline", Kind: "offline", SimulateLatency: c.latency}}
			e := start(t, rds, cfg, false)
			srv, err := e.a.NewWorker()
			if err != nil {
				t.Fatal(err)
			}
			if err := srv.Start(); err != nil {
				t.Fatal(err)
			}
			id := submitSample(t, e.a, "note-hypertension-followup")
			ins := asynq.NewInspector(e.a.Redis)
			defer ins.Close()
			// A stage that runs stores nothing until it ends (issue 18);
			// asynq knows the task is active.
			workertest.Eventually(t, 30*time.Second, func() error {
				active, err := ins.ListActiveTasks(worker.QueueSummarize)
				if err != nil || len(active) != 1 || active[0].ID != worker.TaskID(encounter.StageSummarize, id) {
					return fmt.Errorf("summarize task of %s not active: %v %v", id, active, err)
				}
				return nil
			})
			srv.Shutdown()
			q, err := ins.GetQueueInfo(worker.QueueSummarize)
			if err != nil {
				t.Fatal(err)
			}
			if q.Pending != c.wantPending || q.Active != 0 {
				t.Fatalf("after shutdown: pending %d active %d, want pending %d", q.Pending, q.Active, c.wantPending)
			}
			vs, _ := e.a.Services.Store.DraftVersions(context.Background(), id)
			if c.wantPending == 0 && len(vs) != 1 {
				t.Fatalf("the in-flight task did not finish: versions %v", vs)
			}
		})
	}
}
