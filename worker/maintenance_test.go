package worker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// archive enqueues n tasks on queue that fail permanently, runs a server
// until all are archived, and returns their IDs.
func archive(t *testing.T, opt asynq.RedisClientOpt, queue string, n int) []string {
	t.Helper()
	c := asynq.NewClient(opt)
	defer c.Close()
	var ids []string
	for range n {
		info, err := c.Enqueue(asynq.NewTask("test:fail", nil), asynq.Queue(queue), asynq.MaxRetry(0))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, info.ID)
	}
	srv := asynq.NewServer(opt, asynq.Config{Concurrency: 2, Queues: map[string]int{queue: 1}, LogLevel: asynq.FatalLevel, TaskCheckInterval: 10 * time.Millisecond})
	mux := asynq.NewServeMux()
	mux.HandleFunc("test:fail", func(context.Context, *asynq.Task) error {
		return errors.New("no_speech: permanent")
	})
	if err := srv.Start(mux); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	ins := asynq.NewInspector(opt)
	defer ins.Close()
	workertest.Eventually(t, 10*time.Second, func() error {
		if q, err := ins.GetQueueInfo(queue); err != nil || q.Archived != n {
			return fmt.Errorf("tasks not archived: %+v %v", q, err)
		}
		return nil
	})
	return ids
}

// archivedInspector starts a Redis with n archived tasks on queue and
// returns an inspector of it.
func archivedInspector(t *testing.T, queue string, n int) *asynq.Inspector {
	t.Helper()
	opt := redisOpt(t, redistest.Start(t))
	archive(t, opt, queue, n)
	ins := asynq.NewInspector(opt)
	t.Cleanup(func() { ins.Close() })
	return ins
}

// The purge deletes archived tasks older than the window, one by one
// (asynq has no "delete archived older than"), and keeps younger ones.
func TestPurgeArchivedOlderThanWindow(t *testing.T) {
	t.Parallel()
	ins := archivedInspector(t, QueueSummarize, 3)

	// Nothing is older than 72h yet.
	res, err := Purge(ins, time.Now(), 72*time.Hour, 0)
	if err != nil || res[QueueSummarize]["archived"] != 0 {
		t.Fatalf("fresh purge: %v %v", res, err)
	}
	// Three days and a bit later, all are.
	res, err = Purge(ins, time.Now().Add(73*time.Hour), 72*time.Hour, 0)
	if err != nil || res[QueueSummarize]["archived"] != 3 {
		t.Fatalf("purge: %v %v", res, err)
	}
	q, err := ins.GetQueueInfo(QueueSummarize)
	if err != nil || q.Archived != 0 {
		t.Fatalf("after purge: %+v %v", q, err)
	}
}

// racingInspector deletes the first task the purge lists before the purge
// does, as an overlapping purge run would.
type racingInspector struct {
	*asynq.Inspector
	raced bool
}

func (r *racingInspector) DeleteTask(queue, id string) error {
	if !r.raced {
		r.raced = true
		if err := r.Inspector.DeleteTask(queue, id); err != nil {
			return err
		}
	}
	return r.Inspector.DeleteTask(queue, id)
}

// Two purge runs that overlap (the scheduler under load) each count only
// what they deleted: a task the other run deleted first is not counted
// again (TestScheduledMaintenance saw purged 2 for one archived task).
func TestPurgeCountsOnlyWhatItDeleted(t *testing.T) {
	t.Parallel()
	ins := archivedInspector(t, QueueSummarize, 3)
	res, err := Purge(&racingInspector{Inspector: ins}, time.Now().Add(time.Hour), time.Minute, 0)
	if err != nil || res[QueueSummarize]["archived"] != 2 {
		t.Fatalf("purge with one task deleted by another run: %v %v, want 2 counted", res, err)
	}
}

// The purge pages through more archived tasks than one page holds.
func TestPurgePages(t *testing.T) {
	t.Parallel()
	ins := archivedInspector(t, QueueDeid, purgePageSize+7)
	res, err := Purge(ins, time.Now().Add(time.Hour), time.Minute, 0)
	if err != nil || res[QueueDeid]["archived"] != purgePageSize+7 {
		t.Fatalf("purge: %v %v", res, err)
	}
}

// A drain request in Redis makes the named worker stop taking tasks; asynq
// then reports it as stopped, which `clinscribe ops drain -wait` watches.
func TestDrainViaRedisKey(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	opt := redisOpt(t, rds)
	s, err := NewServer(Config{Queues: map[string]int{QueueDeid: 1}}, opt, idleHandlers, discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown()
	rdb := UniversalClient(opt)
	defer rdb.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	watched := make(chan struct{})
	go func() { s.WatchDrain(ctx, rdb, 20*time.Millisecond); close(watched) }()

	host, _ := os.Hostname()
	other := os.Getpid() + 1 // another process on this host
	if err := RequestDrain(ctx, rdb, host, other, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := RequestDrain(ctx, rdb, host, os.Getpid(), time.Minute); err != nil {
		t.Fatal(err)
	}
	select {
	case <-watched:
	case <-time.After(5 * time.Second):
		t.Fatal("drain request not picked up")
	}
	if !s.Draining() {
		t.Fatal("not draining")
	}
	if n, _ := rdb.Exists(ctx, DrainKey(host, os.Getpid())).Result(); n != 0 {
		t.Fatal("the drain request was not consumed")
	}
	// The watcher looked at the other process's request all along (it was
	// there first) and left it alone.
	if n, _ := rdb.Exists(ctx, DrainKey(host, other)).Result(); n != 1 {
		t.Fatal("a request for another process was consumed by this one")
	}
	ins := asynq.NewInspector(opt)
	defer ins.Close()
	workertest.Eventually(t, 10*time.Second, func() error { // asynq's heartbeat is every 5s
		srvs, err := ins.Servers()
		if err != nil {
			t.Fatal(err)
		}
		if len(srvs) != 1 || srvs[0].Status != "stopped" {
			return fmt.Errorf("servers after drain: %+v", srvs)
		}
		return nil
	})
}

func redisOpt(t *testing.T, rds *redistest.Server) asynq.RedisClientOpt {
	t.Helper()
	o, err := (RedisConfig{URL: rds.URL}).ConnOpt()
	if err != nil {
		t.Fatal(err)
	}
	return o.(asynq.RedisClientOpt)
}

// idle handles no task: servers in these tests serve queues nothing is
// enqueued on, so any call is a test failure reported as a task error.
type idle struct{}

func (idle) RunStage(context.Context, encounter.Stage, pipeline.Run) error {
	return errors.New("unexpected task")
}
func (idle) Reconcile(context.Context) (int, error)     { return 0, nil }
func (idle) Open(context.Context, string, string) error { return errors.New("unexpected task") }
func (idle) DeliverStored(context.Context, string, string) error {
	return errors.New("unexpected task")
}
func (idle) Record(context.Context, string) error { return errors.New("unexpected task") }

var idleHandlers = Handlers{Stages: idle{}, Reviews: idle{}, Webhooks: idle{}, Aggregates: idle{}}
