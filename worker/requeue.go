package worker

import (
	"context"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Requeue moves an archived task back to pending (`clinscribe ops archived
// retry`). An AI stage's task is enqueued afresh under the same ID, so it
// gets its policy's whole retry budget again — asynq's own RunTask keeps
// the retried count that archived it, and would archive it again at its
// first failure, or its first deferral. Other tasks go back as they are.
// Stages are idempotent, so requeueing one whose result is stored is
// harmless.
func (c *Client) Requeue(ctx context.Context, ins *asynq.Inspector, t *asynq.TaskInfo) error {
	var stage encounter.Stage
	switch t.Type {
	case TypeTranscribe:
		stage = encounter.StageTranscribe
	case TypeSummarize:
		stage = encounter.StageSummarize
	default:
		if err := ins.RunTask(t.Queue, t.ID); err != nil {
			return fmt.Errorf("worker.Requeue: %w", err)
		}
		return nil
	}
	pl, err := DecodePayload(t.Payload)
	if err != nil {
		return fmt.Errorf("worker.Requeue: task %s: %w", t.ID, err)
	}
	if err := ins.DeleteTask(t.Queue, t.ID); err != nil {
		return fmt.Errorf("worker.Requeue: %w", err)
	}
	if err := c.Enqueue(ctx, stage, pl.EncounterID); err != nil {
		return fmt.Errorf("worker.Requeue: task %s was removed from the archive but not queued again (`clinscribe ops archived` cannot bring it back; restart a worker, whose reconciler does not either: submit the encounter again): %w", t.ID, err)
	}
	return nil
}
