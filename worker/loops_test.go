package worker

import (
	"context"
	"testing"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

// Webhook deliveries retry longer than other non-AI tasks (a receiver
// down for an hour loses nothing); a regeneration is one task per request,
// on the summarize queue under the summarize stage's retry policy, its
// payload the encounter ID alone.
func TestWebhookAndRegenerateTasks(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	opt, err := RedisConfig{URL: rds.URL}.ConnOpt()
	if err != nil {
		t.Fatal(err)
	}
	cl := NewClient(opt, TaskOptions{})
	defer cl.Close()
	ins := asynq.NewInspector(opt)
	defer ins.Close()
	ctx := context.Background()
	const ev = "wh_0123456789abcdef01234567"
	if err := cl.EnqueueWebhook(ctx, ev, "clinic"); err != nil {
		t.Fatal(err)
	}
	info, err := ins.GetTaskInfo(QueueCritical, "webhook:"+ev+":clinic")
	if err != nil || info.MaxRetry != 20 {
		t.Fatalf("webhook task: %+v, %v; want 20 retries", info, err)
	}
	id := encounter.NewID()
	for _, v := range []int{4, 4, 7} {
		if err := cl.EnqueueRegenerate(ctx, id, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []string{"r4", "r7"} {
		info, err := ins.GetTaskInfo(QueueSummarize, "regenerate:"+id+":"+v)
		if err != nil || info.Type != TypeRegenerate || string(info.Payload) != `{"encounter_id":"`+id+`"}` ||
			info.MaxRetry != (TaskOptions{}).WithDefaults().Summarize.asynqMaxRetry() {
			t.Fatalf("regenerate task %s: %+v, %v", v, info, err)
		}
	}
	tasks, err := ins.ListPendingTasks(QueueSummarize)
	if err != nil || len(tasks) != 2 {
		t.Fatalf("%d regenerate tasks for two requests (%v)", len(tasks), err)
	}
}
