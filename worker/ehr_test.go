package worker

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

type fakeDeliverer struct {
	mu    sync.Mutex
	runs  []ehr.Run
	fails int // the first fails calls fail (retryable)
	got   chan struct{}
}

func (f *fakeDeliverer) Deliver(_ context.Context, id string, version int, run ehr.Run) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.runs = append(f.runs, run)
	if len(f.runs) <= f.fails {
		return phi.Errorf(ehr.CodeUnavailable, "EHR down")
	}
	close(f.got)
	return nil
}

func (f *fakeDeliverer) Reconcile(context.Context) (int, error) { return 0, nil }

// A write-back task carries the encounter ID and version only; its
// generation rides in the task ID, reaches the deliverer, and a retry
// carries its retry count; a second request for the same generation is
// dropped, a new generation is not.
func TestEHRTask(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	opt := redisOpt(t, rds)
	c := NewClient(opt, TaskOptions{})
	defer c.Close()
	id := encounter.NewID()
	for _, bad := range []struct {
		id           string
		v, gen, retr int
	}{{"Zelda", 1, 1, 3}, {id, 0, 1, 3}, {id, 1, 0, 3}, {id, 1, 1, -1}} {
		if err := c.EnqueueEHR(context.Background(), bad.id, bad.v, bad.gen, bad.retr); err == nil {
			t.Fatalf("EnqueueEHR%v accepted", bad)
		}
	}
	if err := c.EnqueueEHR(context.Background(), id, 2, 7, 3); err != nil {
		t.Fatal(err)
	}
	if err := c.EnqueueEHR(context.Background(), id, 2, 7, 3); err != nil {
		t.Fatalf("a duplicate is not an error: %v", err)
	}
	ins := asynq.NewInspector(opt)
	defer ins.Close()
	info, err := ins.GetTaskInfo(QueueCritical, EHRTaskID(id, 2, 7))
	if err != nil {
		t.Fatal(err)
	}
	var pl map[string]any
	if err := json.Unmarshal(info.Payload, &pl); err != nil || len(pl) != 2 || pl["encounter_id"] != id || pl["version"] != float64(2) || info.MaxRetry != 3 {
		t.Fatalf("task: %s max_retry %d", info.Payload, info.MaxRetry)
	}
	q, _ := ins.GetQueueInfo(QueueCritical)
	if q.Size != 1 {
		t.Fatalf("queued: %d, want 1 (the duplicate dropped)", q.Size)
	}
	d := &fakeDeliverer{fails: 1, got: make(chan struct{})}
	srv, err := NewServerWith(Config{Concurrency: 2, PollInterval: 100 * time.Millisecond, IdlePollInterval: 50 * time.Millisecond},
		opt, idleHandlers, discardLogger(), Options{EHR: d})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	select {
	case <-d.got:
	case <-time.After(60 * time.Second):
		t.Fatalf("the task did not reach the deliverer twice: %+v", d.runs)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.runs) != 2 || d.runs[0].Gen != 7 || d.runs[0].Retried != 0 || d.runs[1].Retried != 1 || d.runs[1].MaxRetry != 3 ||
		d.runs[0].TaskID != EHRTaskID(id, 2, 7) {
		t.Fatalf("runs: %+v", d.runs)
	}
	if !errors.Is(decodeStrict([]byte(`{"encounter_id":"`+id+`","version":0}`), &EHRPayload{}, func() bool { return false }), asynq.SkipRetry) {
		t.Fatal("a bad payload is not permanent")
	}
}
