package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/worker/metrics"
)

// Config configures a worker server.
type Config struct {
	// Concurrency is how many tasks run at once. Zero means 10.
	Concurrency int `yaml:"concurrency"`
	// Queues maps queue names to processing weights. Nil means
	// DefaultQueueWeights; a queue missing from a non-nil map is not served
	// by this worker, which is how worker groups split queues.
	Queues map[string]int `yaml:"queues"`
	// StrictPriority serves higher-weight queues first instead of in
	// proportion.
	StrictPriority bool `yaml:"strict_priority"`
	// ShutdownTimeout is how long in-flight tasks may run after a stop
	// signal; tasks still running then go back to pending. Zero means 30s.
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
	// PollInterval is how often scheduled and retry tasks are checked.
	// Zero means 1s.
	PollInterval time.Duration `yaml:"poll_interval"`
	// IdlePollInterval is how long a worker whose queues are all empty
	// waits before looking again. Zero means 1s; lower adds Redis load.
	IdlePollInterval time.Duration `yaml:"idle_poll_interval"`
	// ReconcileEvery is how often unfinished encounters are re-enqueued
	// (see pipeline.Reconcile). Zero means one minute.
	ReconcileEvery time.Duration `yaml:"reconcile_every"`
	// Tasks are the options of enqueued tasks.
	Tasks TaskOptions `yaml:"tasks"`
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.Concurrency == 0 {
		c.Concurrency = 10
	}
	if c.Queues == nil {
		c.Queues = DefaultQueueWeights
	}
	if c.ShutdownTimeout == 0 {
		c.ShutdownTimeout = 30 * time.Second
	}
	if c.PollInterval == 0 {
		c.PollInterval = time.Second
	}
	if c.IdlePollInterval == 0 {
		c.IdlePollInterval = time.Second
	}
	if c.ReconcileEvery == 0 {
		c.ReconcileEvery = time.Minute
	}
	c.Tasks = c.Tasks.WithDefaults()
	return c
}

// Validate reports configuration errors.
func (c Config) Validate() error {
	var errs []error
	if c.Concurrency < 0 {
		errs = append(errs, errors.New("worker.concurrency must be positive"))
	}
	known := map[string]bool{}
	for _, q := range AllQueues {
		known[q] = true
	}
	for q, w := range c.Queues {
		if !known[q] {
			errs = append(errs, fmt.Errorf("worker.queues: unknown queue %q (queues: %v)", q, AllQueues))
		}
		if w < 0 {
			errs = append(errs, fmt.Errorf("worker.queues.%s: weight must be >= 0", q))
		}
	}
	if c.ShutdownTimeout < 0 || c.PollInterval < 0 || c.IdlePollInterval < 0 || c.ReconcileEvery < 0 {
		errs = append(errs, errors.New("worker: durations must be positive"))
	}
	if err := c.Tasks.WithDefaults().Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Stages runs encounter stages and reconciles unfinished encounters
// (*pipeline.Pipeline).
type Stages interface {
	RunStage(ctx context.Context, stage encounter.Stage, run pipeline.Run) error
	Reconcile(ctx context.Context) (int, error)
}

// ReviewOpener assigns a requested review case (*review.Service).
type ReviewOpener interface {
	Open(ctx context.Context, encounterID, caseID string) error
}

// WebhookSender delivers a stored webhook event (*webhook.Notifier).
type WebhookSender interface {
	DeliverStored(ctx context.Context, eventID, endpoint string) error
}

// AggregateRecorder builds an encounter's de-identified aggregate record
// (*aggregate.Recorder).
type AggregateRecorder interface {
	Record(ctx context.Context, encounterID string) error
}

// Handlers are what the worker's task types run; all are required.
type Handlers struct {
	Stages     Stages
	Reviews    ReviewOpener
	Webhooks   WebhookSender
	Aggregates AggregateRecorder
}

func (h Handlers) validate() error {
	if h.Stages == nil || h.Reviews == nil || h.Webhooks == nil || h.Aggregates == nil {
		return errors.New("worker.NewServer: stages, reviews, webhooks and aggregates handlers are required")
	}
	return nil
}

// Server is an asynq server running pipeline stages.
type Server struct {
	cfg     Config
	srv     *asynq.Server
	sched   *asynq.Scheduler
	mux     *asynq.ServeMux
	log     *slog.Logger
	metrics *metrics.Metrics
	ins     *asynq.Inspector

	drainOnce sync.Once
	draining  atomic.Bool
}

// Options add optional parts to a Server.
type Options struct {
	// Metrics instruments every task (nil: none).
	Metrics *metrics.Metrics
	// Maintenance schedules the maintenance jobs (purge, audit
	// checkpoints, review escalation, retention); nil schedules only the
	// reconciler.
	Maintenance *Maintenance
	// EHR runs EHR write-back tasks and, every EHRReconcileEvery (when
	// positive), its reconciler; nil: write-back is off.
	EHR               EHRDeliverer
	EHRReconcileEvery time.Duration
}

// EHRDeliverer is what the write-back tasks run (*ehr.Deliverer).
type EHRDeliverer interface {
	Deliver(ctx context.Context, encounterID string, version int, run ehr.Run) error
	Reconcile(ctx context.Context) (int, error)
}

// NewServer wires the pipeline's stages onto an asynq server.
func NewServer(cfg Config, opt asynq.RedisConnOpt, h Handlers, log *slog.Logger) (*Server, error) {
	return NewServerWith(cfg, opt, h, log, Options{})
}

// NewServerWith is NewServer with metrics and maintenance jobs.
func NewServerWith(cfg Config, opt asynq.RedisConnOpt, h Handlers, log *slog.Logger, o Options) (*Server, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if err := h.validate(); err != nil {
		return nil, err
	}
	alog := newAsynqLogger(log)
	srv := asynq.NewServer(opt, asynq.Config{
		Concurrency:              cfg.Concurrency,
		Queues:                   cfg.Queues,
		StrictPriority:           cfg.StrictPriority,
		ShutdownTimeout:          cfg.ShutdownTimeout,
		DelayedTaskCheckInterval: cfg.PollInterval,
		TaskCheckInterval:        cfg.IdlePollInterval,
		RetryDelayFunc:           cfg.Tasks.retryDelay,
		IsFailure:                isFailure,
		Logger:                   alog,
		LogLevel:                 asynq.WarnLevel,
	})
	mux := asynq.NewServeMux()
	// Outermost first. recoverPanics is innermost so that every other
	// middleware sees a panic as an ordinary (safe) error; asynq's own
	// recovery, which would store the panic value, never sees one.
	mws := []asynq.MiddlewareFunc{safeErrors()}
	if o.Metrics != nil {
		mws = append(mws, o.Metrics.Middleware())
	}
	mux.Use(append(mws, logTasks(log), recoverPanics(log))...)
	mux.Handle(TypeTranscribe, stageHandler(h.Stages, encounter.StageTranscribe, cfg.Tasks.Transcribe))
	mux.Handle(TypeSummarize, stageHandler(h.Stages, encounter.StageSummarize, cfg.Tasks.Summarize))
	mux.Handle(TypeRegenerate, stageHandler(h.Stages, encounter.StageRegenerate, cfg.Tasks.Summarize))
	mux.HandleFunc(TypeReviewOpen, func(ctx context.Context, t *asynq.Task) error {
		var pl ReviewPayload
		if err := decodeStrict(t.Payload(), &pl, func() bool {
			return encounter.ValidID(pl.EncounterID) && caseIDRE.MatchString(pl.CaseID)
		}); err != nil {
			return err
		}
		return h.Reviews.Open(ctx, pl.EncounterID, pl.CaseID)
	})
	mux.HandleFunc(TypeWebhook, func(ctx context.Context, t *asynq.Task) error {
		var pl WebhookPayload
		if err := decodeStrict(t.Payload(), &pl, func() bool {
			return eventIDRE.MatchString(pl.EventID) && endpointRE.MatchString(pl.Endpoint)
		}); err != nil {
			return err
		}
		return h.Webhooks.DeliverStored(ctx, pl.EventID, pl.Endpoint)
	})
	mux.HandleFunc(TypeDeid, func(ctx context.Context, t *asynq.Task) error {
		pl, err := DecodePayload(t.Payload())
		if err != nil {
			return err
		}
		return h.Aggregates.Record(ctx, pl.EncounterID)
	})
	if o.EHR != nil {
		mux.HandleFunc(TypeEHR, ehrHandler(o.EHR))
	}
	mux.HandleFunc(TypeReconcile, func(ctx context.Context, _ *asynq.Task) error {
		n, err := h.Stages.Reconcile(ctx)
		if n > 0 {
			log.Info("reconciled unfinished encounters", "count", n)
		}
		return err
	})
	sched := asynq.NewScheduler(opt, &asynq.SchedulerOpts{Logger: alog, LogLevel: asynq.WarnLevel})
	// Every worker runs the schedule; Unique drops the duplicates.
	if _, err := sched.Register(fmt.Sprintf("@every %s", cfg.ReconcileEvery), asynq.NewTask(TypeReconcile, nil),
		asynq.Queue(QueueMaintenance), asynq.Unique(uniqueTTL(cfg.ReconcileEvery)), asynq.MaxRetry(0)); err != nil {
		return nil, fmt.Errorf("worker.NewServer: %w", err)
	}
	if o.EHR != nil && o.EHRReconcileEvery > 0 {
		mux.HandleFunc(TypeEHRReconcile, func(ctx context.Context, _ *asynq.Task) error {
			n, err := o.EHR.Reconcile(ctx)
			if n > 0 {
				log.Info("queued pending EHR deliveries", "count", n)
			}
			return err
		})
		if _, err := sched.Register(fmt.Sprintf("@every %s", o.EHRReconcileEvery), asynq.NewTask(TypeEHRReconcile, nil),
			asynq.Queue(QueueMaintenance), asynq.Unique(uniqueTTL(o.EHRReconcileEvery)), asynq.MaxRetry(0)); err != nil {
			return nil, fmt.Errorf("worker.NewServer: %s: %w", TypeEHRReconcile, err)
		}
	}
	s := &Server{cfg: cfg, srv: srv, sched: sched, mux: mux, log: log, metrics: o.Metrics}
	if o.Maintenance != nil {
		if err := o.Maintenance.Config.WithDefaults().Validate(); err != nil {
			return nil, fmt.Errorf("worker.NewServer: %w", err)
		}
		m := *o.Maintenance
		m.Config = m.Config.WithDefaults()
		s.ins = asynq.NewInspector(opt)
		for _, j := range s.maintenanceJobs(m, s.ins, o.Metrics, log) {
			if j.every <= 0 {
				continue
			}
			mux.HandleFunc(j.typ, func(ctx context.Context, _ *asynq.Task) error {
				err := j.run(ctx)
				if o.Metrics != nil {
					o.Metrics.MaintenanceRun(j.typ, err)
				}
				return err
			})
			if _, err := sched.Register(fmt.Sprintf("@every %s", j.every), asynq.NewTask(j.typ, nil),
				asynq.Queue(QueueMaintenance), asynq.Unique(uniqueTTL(j.every)), asynq.MaxRetry(0)); err != nil {
				s.ins.Close()
				return nil, fmt.Errorf("worker.NewServer: %s: %w", j.typ, err)
			}
		}
	}
	return s, nil
}

// uniqueTTL keeps a scheduled job from being enqueued twice in one
// interval by the many workers that all run the schedule. asynq refuses a
// TTL under one second (and the scheduler then enqueues nothing).
func uniqueTTL(every time.Duration) time.Duration {
	return max(every*9/10, time.Second)
}

// Start begins processing.
func (s *Server) Start() error {
	if err := s.srv.Start(s.mux); err != nil {
		return fmt.Errorf("worker.Server.Start: %w", err)
	}
	if err := s.sched.Start(); err != nil {
		s.srv.Shutdown()
		return fmt.Errorf("worker.Server.Start: scheduler: %w", err)
	}
	return nil
}

// Shutdown stops taking tasks, lets in-flight ones finish within the
// shutdown timeout, and returns the rest to pending.
func (s *Server) Shutdown() {
	s.sched.Shutdown()
	s.srv.Shutdown()
	if s.ins != nil {
		s.ins.Close()
		s.ins = nil
	}
}

// Run starts the server and blocks until ctx ends, then shuts down.
func (s *Server) Run(ctx context.Context) error {
	if err := s.Start(); err != nil {
		return err
	}
	<-ctx.Done()
	s.log.Info("shutting down: finishing in-flight tasks", "timeout", s.cfg.ShutdownTimeout)
	s.Shutdown()
	return nil
}

// stageHandler runs an AI stage under its retry policy: the pipeline ends
// the stage (permanently) once its attempts reach the policy's budget —
// or the one asynq was enqueued with, less the room kept for deferrals —
// or its first attempt is older than the horizon.
func stageHandler(p Stages, stage encounter.Stage, pol RetryPolicy) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		pl, err := DecodePayload(t.Payload())
		if err != nil {
			return err
		}
		id, _ := asynq.GetTaskID(ctx)
		retried, _ := asynq.GetRetryCount(ctx)
		maxRetry, _ := asynq.GetMaxRetry(ctx)
		return p.RunStage(ctx, stage, pipeline.Run{EncounterID: pl.EncounterID, TaskID: id, Retried: retried,
			MaxRetry: min(pol.Budget(), maxRetry-1), Horizon: pol.Horizon})
	})
}

func ehrHandler(d EHRDeliverer) asynq.HandlerFunc {
	return func(ctx context.Context, t *asynq.Task) error {
		var pl EHRPayload
		if err := decodeStrict(t.Payload(), &pl, func() bool {
			return encounter.ValidID(pl.EncounterID) && pl.Version > 0
		}); err != nil {
			return err
		}
		id, _ := asynq.GetTaskID(ctx)
		var gen int
		if _, err := fmt.Sscanf(id[strings.LastIndex(id, ":")+1:], "g%d", &gen); err != nil || gen < 1 {
			return fmt.Errorf("%w: %w", phi.Permanentf(phi.CodeInvalidInput, "EHR task ID carries no generation"), asynq.SkipRetry)
		}
		retried, _ := asynq.GetRetryCount(ctx)
		maxRetry, _ := asynq.GetMaxRetry(ctx)
		return d.Deliver(ctx, pl.EncounterID, pl.Version, ehr.Run{Gen: gen, TaskID: id, Retried: retried, MaxRetry: maxRetry})
	}
}
