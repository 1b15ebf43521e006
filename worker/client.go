package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// TaskOptions are the options every enqueued stage task gets.
type TaskOptions struct {
	// MaxRetry is how many times a failing task other than an AI stage
	// (review cases, de-identification) is retried before it is archived.
	// Zero means 8; use a negative value for none. The AI stages follow
	// Transcribe and Summarize instead (a regeneration: Summarize), webhook
	// deliveries WebhookMaxRetry.
	MaxRetry int `yaml:"max_retry"`
	// Transcribe and Summarize are the retry policies of the AI stages'
	// tasks (see RetryPolicy): by default retried for 2h after the first
	// attempt, backoff 1s doubling to 5m, attempts refused by an open
	// breaker or a full rate limit not counted.
	Transcribe RetryPolicy `yaml:"transcribe"`
	Summarize  RetryPolicy `yaml:"summarize"`
	// Timeout bounds one attempt. Zero means 30 minutes (long recordings).
	Timeout time.Duration `yaml:"timeout"`
	// Retention keeps a completed task (its ID only) so that enqueueing the
	// same stage again is recognized as a duplicate. Zero means 24 hours.
	Retention time.Duration `yaml:"retention"`
	// WebhookMaxRetry is how many times a webhook delivery is retried
	// (backoff about 1 s, 2 s, 4 s ... capped at 10 minutes, full jitter:
	// 20 retries span up to about two hours, one on average) before it is
	// archived. Zero means 20; negative means none.
	WebhookMaxRetry int `yaml:"webhook_max_retry"`
}

// WithDefaults fills zero fields.
func (o TaskOptions) WithDefaults() TaskOptions {
	if o.MaxRetry == 0 {
		o.MaxRetry = 8
	} else if o.MaxRetry < 0 {
		o.MaxRetry = 0
	}
	if o.Timeout == 0 {
		o.Timeout = 30 * time.Minute
	}
	if o.Retention == 0 {
		o.Retention = 24 * time.Hour
	}
	if o.WebhookMaxRetry == 0 {
		o.WebhookMaxRetry = 20
	} else if o.WebhookMaxRetry < 0 {
		o.WebhookMaxRetry = 0
	}
	o.Transcribe = o.Transcribe.WithDefaults()
	o.Summarize = o.Summarize.WithDefaults()
	return o
}

// Validate reports configuration errors of options with defaults filled.
func (o TaskOptions) Validate() error {
	var errs []error
	if err := o.Transcribe.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("worker.tasks.transcribe: %w", err))
	}
	if err := o.Summarize.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("worker.tasks.summarize: %w", err))
	}
	if o.Timeout < 0 || o.Retention < 0 {
		errs = append(errs, errors.New("worker.tasks: durations must not be negative"))
	}
	return errors.Join(errs...)
}

// Client enqueues pipeline stages; it implements pipeline.Enqueuer.
type Client struct {
	c    *asynq.Client
	opts TaskOptions
}

var (
	_ pipeline.Queue = (*Client)(nil)
	_ ehr.Queue      = (*Client)(nil)
)

// NewClient returns a Client on the Redis connection.
func NewClient(opt asynq.RedisConnOpt, opts TaskOptions) *Client {
	return &Client{c: asynq.NewClient(opt), opts: opts.WithDefaults()}
}

// Enqueue implements pipeline.Enqueuer.
func (c *Client) Enqueue(ctx context.Context, stage encounter.Stage, encounterID string) error {
	typ, queue, err := route(stage)
	if err != nil {
		return err
	}
	payload, err := NewPayload(encounterID)
	if err != nil {
		return err
	}
	_, err = c.c.EnqueueContext(ctx, asynq.NewTask(typ, payload),
		asynq.Queue(queue), asynq.TaskID(TaskID(stage, encounterID)),
		asynq.MaxRetry(c.opts.policyForStage(stage).asynqMaxRetry()), asynq.Timeout(c.opts.Timeout), asynq.Retention(c.opts.Retention))
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return nil // already queued, running, or recently done
	}
	if err != nil {
		return fmt.Errorf("worker.Client.Enqueue: %w", err)
	}
	return nil
}

// EnqueueReview implements review.Jobs: the case is opened on the
// critical queue.
func (c *Client) EnqueueReview(ctx context.Context, encounterID, caseID string) error {
	pl := ReviewPayload{EncounterID: encounterID, CaseID: caseID}
	if !encounter.ValidID(encounterID) || !caseIDRE.MatchString(caseID) {
		return fmt.Errorf("worker: not a review case")
	}
	b, _ := json.Marshal(pl)
	return c.enqueue(ctx, asynq.NewTask(TypeReviewOpen, b), QueueCritical, "review:"+caseID)
}

// EnqueueWebhook implements webhook.Queue.
func (c *Client) EnqueueWebhook(ctx context.Context, eventID, endpoint string) error {
	if !eventIDRE.MatchString(eventID) || !endpointRE.MatchString(endpoint) {
		return fmt.Errorf("worker: not a webhook event")
	}
	b, _ := json.Marshal(WebhookPayload{EventID: eventID, Endpoint: endpoint})
	return c.enqueueRetrying(ctx, asynq.NewTask(TypeWebhook, b), QueueCritical, "webhook:"+eventID+":"+endpoint, c.opts.WebhookMaxRetry)
}

// EnqueueRegenerate implements pipeline.Queue: one task per request (the
// sequence number of its lifecycle event), so a request made again after
// a failed one is not mistaken for a duplicate of it. The payload is the
// encounter ID alone; the stage finds the version to make in the
// lifecycle.
func (c *Client) EnqueueRegenerate(ctx context.Context, encounterID string, request int) error {
	payload, err := NewPayload(encounterID)
	if err != nil {
		return err
	}
	// An AI stage: the summarize stage's retry policy.
	return c.enqueueRetrying(ctx, asynq.NewTask(TypeRegenerate, payload), QueueSummarize,
		fmt.Sprintf("%s:r%d", TaskID(encounter.StageRegenerate, encounterID), request),
		c.opts.policyForStage(encounter.StageRegenerate).asynqMaxRetry())
}

// EnqueueEHR implements ehr.Queue: a write-back task on the critical
// queue (a clinician waits for the note in the chart), retried maxRetry
// times with the worker's backoff.
func (c *Client) EnqueueEHR(ctx context.Context, encounterID string, version, gen, maxRetry int) error {
	if !encounter.ValidID(encounterID) || version < 1 || gen < 1 || maxRetry < 0 {
		return fmt.Errorf("worker: not an EHR delivery")
	}
	b, _ := json.Marshal(EHRPayload{EncounterID: encounterID, Version: version})
	_, err := c.c.EnqueueContext(ctx, asynq.NewTask(TypeEHR, b), asynq.Queue(QueueCritical),
		asynq.TaskID(EHRTaskID(encounterID, version, gen)), asynq.MaxRetry(maxRetry),
		asynq.Timeout(5*time.Minute), asynq.Retention(c.opts.Retention))
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("worker.Client.EnqueueEHR: %w", err)
	}
	return nil
}

// EnqueueDeid implements review.Jobs. Refreshes of one encounter within
// a minute collapse into one task.
func (c *Client) EnqueueDeid(ctx context.Context, encounterID string) error {
	payload, err := NewPayload(encounterID)
	if err != nil {
		return err
	}
	_, err = c.c.EnqueueContext(ctx, asynq.NewTask(TypeDeid, payload), asynq.Queue(QueueDeid),
		asynq.Unique(time.Minute), asynq.MaxRetry(c.opts.MaxRetry), asynq.Timeout(c.opts.Timeout))
	if errors.Is(err, asynq.ErrDuplicateTask) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("worker.Client: %w", err)
	}
	return nil
}

func (c *Client) enqueue(ctx context.Context, t *asynq.Task, queue, id string) error {
	return c.enqueueRetrying(ctx, t, queue, id, c.opts.MaxRetry)
}

func (c *Client) enqueueRetrying(ctx context.Context, t *asynq.Task, queue, id string, maxRetry int) error {
	_, err := c.c.EnqueueContext(ctx, t, asynq.Queue(queue), asynq.TaskID(id),
		asynq.MaxRetry(maxRetry), asynq.Timeout(c.opts.Timeout), asynq.Retention(c.opts.Retention))
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("worker.Client: %w", err)
	}
	return nil
}

// Close closes the Redis connection.
func (c *Client) Close() error { return c.c.Close() }
