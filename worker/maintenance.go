package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/worker/metrics"
)

// Maintenance task types, all on QueueMaintenance and enqueued by every
// worker's scheduler (asynq.Unique drops the duplicates).
const (
	TypePurge            = "maintenance:purge"
	TypeAuditCheckpoint  = "maintenance:audit-checkpoint"
	TypeReviewEscalation = "maintenance:review-escalation"
	TypeRetention        = "maintenance:retention"
)

// MaintenanceConfig schedules the maintenance jobs. A negative interval
// disables a job.
type MaintenanceConfig struct {
	// PurgeEvery is how often old task hashes are deleted. Zero means 10m.
	PurgeEvery time.Duration `yaml:"purge_every"`
	// ArchivedMaxAge: archived (dead) tasks whose last failure is older
	// are deleted. asynq would keep them 90 days; their IDs are all they
	// hold, but ops should replay or drop them promptly. Zero means 72h.
	ArchivedMaxAge time.Duration `yaml:"archived_max_age"`
	// CompletedMaxAge: completed tasks older than this are deleted before
	// their own retention (worker.tasks.retention) runs out. Zero leaves
	// them to that retention, which asynq enforces itself.
	CompletedMaxAge time.Duration `yaml:"completed_max_age"`
	// CheckpointEvery is how often the audit trail is checkpointed. Zero
	// means one hour.
	CheckpointEvery time.Duration `yaml:"checkpoint_every"`
	// ReviewEscalationEvery is how often overdue review cases are
	// escalated. Zero means 5m.
	ReviewEscalationEvery time.Duration `yaml:"review_escalation_every"`
}

// WithDefaults fills zero fields.
func (c MaintenanceConfig) WithDefaults() MaintenanceConfig {
	if c.PurgeEvery == 0 {
		c.PurgeEvery = 10 * time.Minute
	}
	if c.ArchivedMaxAge == 0 {
		c.ArchivedMaxAge = 72 * time.Hour
	}
	if c.CheckpointEvery == 0 {
		c.CheckpointEvery = time.Hour
	}
	if c.ReviewEscalationEvery == 0 {
		c.ReviewEscalationEvery = 5 * time.Minute
	}
	return c
}

// Validate reports configuration errors.
func (c MaintenanceConfig) Validate() error {
	if c.ArchivedMaxAge < 0 || c.CompletedMaxAge < 0 {
		return errors.New("ops.maintenance: archived_max_age and completed_max_age must not be negative")
	}
	for name, d := range map[string]time.Duration{"purge_every": c.PurgeEvery, "checkpoint_every": c.CheckpointEvery,
		"review_escalation_every": c.ReviewEscalationEvery} {
		if d > 0 && d < time.Second {
			return fmt.Errorf("ops.maintenance.%s: at least 1s (negative disables)", name)
		}
	}
	return nil
}

// Checkpointer seals the audit trail up to now (a signed checkpoint of the
// hash chain); *audit.Trail implements it. NopCheckpointer stands in
// when none is configured.
type Checkpointer interface {
	Checkpoint(ctx context.Context) error
}

// NopCheckpointer does nothing.
type NopCheckpointer struct{}

// Checkpoint implements Checkpointer.
func (NopCheckpointer) Checkpoint(context.Context) error { return nil }

// ReviewEscalator escalates human-review cases that are past their due
// date and reports the open and overdue counts; *review.Service
// implements it. NopReviewEscalator (no
// cases) stands in when none is configured.
type ReviewEscalator interface {
	EscalateOverdue(ctx context.Context, now time.Time) (open, overdue int, err error)
}

// NopReviewEscalator has no cases.
type NopReviewEscalator struct{}

// EscalateOverdue implements ReviewEscalator.
func (NopReviewEscalator) EscalateOverdue(context.Context, time.Time) (int, int, error) {
	return 0, 0, nil
}

// RetentionSweeper is what the retention job runs (*retention.Sweeper).
type RetentionSweeper interface {
	Sweep(ctx context.Context) (retention.Result, error)
}

// Maintenance is what the maintenance jobs work on. Nil parts are
// replaced by their no-op versions (Retention nil: no sweep).
type Maintenance struct {
	Config         MaintenanceConfig
	Checkpointer   Checkpointer
	Reviews        ReviewEscalator
	ReviewObserver metrics.ReviewObserver
	Retention      RetentionSweeper
	RetentionEvery time.Duration // from retention.Config.Every; negative disables
	Now            func() time.Time
}

// TaskInspector is the part of asynq's Inspector the purge uses.
type TaskInspector interface {
	Queues() ([]string, error)
	ListArchivedTasks(queue string, opts ...asynq.ListOption) ([]*asynq.TaskInfo, error)
	ListCompletedTasks(queue string, opts ...asynq.ListOption) ([]*asynq.TaskInfo, error)
	DeleteTask(queue, id string) error
}

// PurgeResult counts deleted task hashes per queue and state.
type PurgeResult map[string]map[string]int

const purgePageSize = 500

// Purge deletes archived tasks whose last failure is before
// now-archivedMaxAge and (if completedMaxAge > 0) completed tasks
// completed before now-completedMaxAge, in every queue. asynq's
// DeleteAllArchivedTasks is all-or-nothing, so tasks are listed page by
// page and deleted one by one; IDs are collected first because deleting
// while paging would shift the pages.
func Purge(ins TaskInspector, now time.Time, archivedMaxAge, completedMaxAge time.Duration) (PurgeResult, error) {
	queues, err := ins.Queues()
	if err != nil {
		return nil, fmt.Errorf("worker.Purge: %w", err)
	}
	res := PurgeResult{}
	var errs []error
	type lister func(string, ...asynq.ListOption) ([]*asynq.TaskInfo, error)
	sweep := func(q, state string, list lister, when func(*asynq.TaskInfo) time.Time, cutoff time.Time) {
		var old []string
		for page := 1; ; page++ {
			tasks, err := list(q, asynq.PageSize(purgePageSize), asynq.Page(page))
			if err != nil {
				errs = append(errs, fmt.Errorf("list %s %s: %w", state, q, err))
				return
			}
			for _, t := range tasks {
				if w := when(t); !w.IsZero() && w.Before(cutoff) {
					old = append(old, t.ID)
				}
			}
			if len(tasks) < purgePageSize {
				break
			}
		}
		for _, id := range old {
			if err := ins.DeleteTask(q, id); err != nil {
				// Not found: another purge (a run overlapping this one
				// under load) deleted it first and counted it.
				if !errors.Is(err, asynq.ErrTaskNotFound) {
					errs = append(errs, fmt.Errorf("delete %s task in %s: %w", state, q, err))
				}
				continue
			}
			if res[q] == nil {
				res[q] = map[string]int{}
			}
			res[q][state]++
		}
	}
	for _, q := range queues {
		sweep(q, "archived", ins.ListArchivedTasks, func(t *asynq.TaskInfo) time.Time { return t.LastFailedAt }, now.Add(-archivedMaxAge))
		if completedMaxAge > 0 {
			sweep(q, "completed", ins.ListCompletedTasks, func(t *asynq.TaskInfo) time.Time { return t.CompletedAt }, now.Add(-completedMaxAge))
		}
	}
	return res, errors.Join(errs...)
}

// maintenanceJob is one scheduled job.
type maintenanceJob struct {
	typ   string
	every time.Duration
	run   func(ctx context.Context) error
}

func (s *Server) maintenanceJobs(m Maintenance, ins TaskInspector, met *metrics.Metrics, log *slog.Logger) []maintenanceJob {
	cfg := m.Config
	now := m.Now
	if now == nil {
		now = time.Now
	}
	cp := m.Checkpointer
	if cp == nil {
		cp = NopCheckpointer{}
	}
	rv := m.Reviews
	if rv == nil {
		rv = NopReviewEscalator{}
	}
	obs := m.ReviewObserver
	if obs == nil {
		obs = metrics.NopReviewObserver{}
	}
	jobs := []maintenanceJob{
		{TypePurge, cfg.PurgeEvery, func(ctx context.Context) error {
			res, err := Purge(ins, now(), cfg.ArchivedMaxAge, cfg.CompletedMaxAge)
			total := 0
			for q, states := range res {
				for state, n := range states {
					total += n
					if met != nil {
						met.Purged(q, state, n)
					}
				}
			}
			if total > 0 {
				log.Info("purged old task hashes", "count", total)
			}
			return err
		}},
		{TypeAuditCheckpoint, cfg.CheckpointEvery, cp.Checkpoint},
		{TypeReviewEscalation, cfg.ReviewEscalationEvery, func(ctx context.Context) error {
			open, overdue, err := rv.EscalateOverdue(ctx, now())
			if err == nil {
				obs.ReviewCases(open, overdue)
			}
			return err
		}},
	}
	if m.Retention != nil {
		jobs = append(jobs, maintenanceJob{TypeRetention, m.RetentionEvery, func(ctx context.Context) error {
			res, err := m.Retention.Sweep(ctx)
			if met != nil {
				met.InputsDeleted(res.Deleted)
			}
			return err
		}})
	}
	return jobs
}
