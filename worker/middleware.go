package worker

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// recoverPanics turns a panic into a content-free error before asynq sees
// it: asynq's own recovery would store the panic value, which might quote
// content, in Redis.
func recoverPanics(log *slog.Logger) asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) (err error) {
			defer func() {
				if r := recover(); r != nil {
					id, _ := asynq.GetTaskID(ctx)
					// The stack names functions and lines; values stay out.
					log.Error("task panicked", "task_id", id, "task_type", t.Type(), "stack_bytes", len(debug.Stack()))
					err = phi.Errorf(phi.CodeInternal, "panic while processing %s (%T)", t.Type(), r)
				}
			}()
			return next.ProcessTask(ctx, t)
		})
	}
}

// safeErrors makes every error that leaves a handler safe to store in
// Redis (a *taskError: the phi.Error's message only), marks permanent ones
// with asynq.SkipRetry so they are archived at once instead of retried,
// and keeps what the retry schedule needs: whether the attempt was
// deferred (nothing sent) and the provider's retry hint.
func safeErrors() asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			err := next.ProcessTask(ctx, t)
			if err == nil {
				return nil
			}
			return newTaskError(err)
		})
	}
}

// logTasks logs each task's start and end with IDs and codes only.
func logTasks(log *slog.Logger) asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			id, _ := asynq.GetTaskID(ctx)
			retried, _ := asynq.GetRetryCount(ctx)
			queue, _ := asynq.GetQueueName(ctx)
			start := time.Now()
			err := next.ProcessTask(ctx, t)
			attrs := []any{"task_id", id, "task_type", t.Type(), "queue", queue, "attempt", retried + 1, "elapsed", time.Since(start)}
			_, deferred := resilience.AsDeferral(err)
			switch {
			case deferred:
				log.Info("task deferred: nothing was sent", append(attrs, "code", string(phi.CodeOf(err)), "error", err)...)
			case err != nil:
				log.Warn("task failed", append(attrs, "code", string(phi.CodeOf(err)), "error", err)...)
			default:
				log.Info("task done", attrs...)
			}
			return err
		})
	}
}
