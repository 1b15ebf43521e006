package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/idempotency"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/pseudonym"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/pipeline/review"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
)

// Enqueuer schedules a stage of an encounter. Scheduling a stage that is
// already queued (or recently done) is not an error: implementations
// deduplicate by encounter and stage (and, for a regeneration, request:
// the sequence number of its lifecycle event).
type Enqueuer interface {
	Enqueue(ctx context.Context, stage encounter.Stage, encounterID string) error
	EnqueueRegenerate(ctx context.Context, encounterID string, request int) error
}

// Limits bound what Submit accepts.
type Limits struct {
	// MaxNoteBytes bounds a note (and an edited note). Zero means 256 KiB.
	MaxNoteBytes int64 `yaml:"max_note_bytes"`
	// MaxAudioBytes bounds a recording. Zero means 2 GiB.
	MaxAudioBytes int64 `yaml:"max_audio_bytes"`
	// MaxSidecarBytes bounds a sidecar transcript. Zero means 16 MiB.
	MaxSidecarBytes int64 `yaml:"max_sidecar_bytes"`
}

// Config configures the pipeline and the services around it (see
// NewServices).
type Config struct {
	Limits Limits `yaml:"limits"`
	// DefaultTemplate is used when a submission names none. Zero means "soap".
	DefaultTemplate string `yaml:"default_template"`
	// Access holds the configurable authorization rules (delegates).
	Access access.Rules `yaml:"access"`
	// Review configures patients' human-review requests.
	Review review.Config `yaml:"review"`
	// Retention sets the floor below which clinical records are not deleted.
	Retention retention.Policy `yaml:"retention"`
	// Webhooks are notified of events (package webhook lists them).
	Webhooks []webhook.Endpoint `yaml:"webhooks"`
	// PatientsSeeUnsigned lets patients read draft versions no clinician
	// has signed yet. Zero (false) means a patient sees a note only once a
	// clinician signed it; evidence tags are never shown to patients.
	PatientsSeeUnsigned bool `yaml:"patients_see_unsigned"`
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	c.Limits.MaxNoteBytes = cmp.Or(c.Limits.MaxNoteBytes, 256<<10)
	c.Limits.MaxAudioBytes = cmp.Or(c.Limits.MaxAudioBytes, 2<<30)
	c.Limits.MaxSidecarBytes = cmp.Or(c.Limits.MaxSidecarBytes, 16<<20)
	c.DefaultTemplate = cmp.Or(c.DefaultTemplate, "soap")
	c.Review = c.Review.WithDefaults()
	c.Retention = c.Retention.WithDefaults()
	return c
}

// Consent is what intake and the stages need of consent: whether a
// patient allows AI processing (package consent).
type Consent interface {
	AIAllowed(ctx context.Context, patientRef string) (bool, error)
}

// Human routes an opted-out patient's encounter to human documentation,
// and (the reconciler) closes items whose closing a crash cut short
// (package human).
type Human interface {
	RouteToHuman(ctx context.Context, meta *encounter.Meta, actor string) error
	Reconcile(ctx context.Context) (int, error)
}

// Notifier tells the clinic's systems that a draft is ready or an
// encounter failed (package webhook); each event stands for one fact, so
// telling it again (a retried stage) is harmless.
type Notifier interface {
	NotifyOnce(ctx context.Context, typ, fact string, data map[string]string) error
}

// Webhook event types the stages send (package webhook documents them).
const (
	TypeDraftReady      = "draft.ready"
	TypeEncounterFailed = "encounter.failed"
)

// Requeuer queues again review cases whose opening task was lost
// (package review); the reconciler calls it.
type Requeuer interface {
	Requeue(ctx context.Context) (int, error)
}

// Deps are a Pipeline's collaborators, all required but Now (nil:
// time.Now).
type Deps struct {
	Store      *encounter.Store
	Vault      *storage.Vault
	Gateway    *ai.Gateway
	Audit      *audit.Logger
	Queue      Enqueuer
	Guard      *access.Guard
	Consent    Consent
	Human      Human
	Notifier   Notifier
	Reviews    Requeuer
	Pseudonyms *pseudonym.Keeper
	// Idempotency keeps clients' idempotency keys (built with a carry-on
	// time of SubmitTimeout/2, as NewServices does).
	Idempotency *idempotency.Records
	// Deid pseudonymizes what reaches providers configured with
	// pseudonymize: true.
	Deid      *deid.Detector
	Templates *prompts.Registry
	Log       *slog.Logger
	Now       func() time.Time
	// Waits hears how long stages waited on retries (metrics); nil: nobody.
	Waits WaitObserver
}

// WaitObserver hears, when a stage that had to be retried or deferred
// ends, how long it waited from its first attempt, why (the code of the
// last failure or deferral) and how it ended ("done" or "failed").
type WaitObserver interface {
	StageWaited(stage encounter.Stage, reason phi.Code, outcome string, waited time.Duration)
}

// Pipeline is intake and the stages: it takes submissions, runs them
// through transcription and summarization, and reconciles what a crash or
// a Redis loss left unfinished.
type Pipeline struct {
	cfg       Config
	store     *encounter.Store
	vault     *storage.Vault
	gw        *ai.Gateway
	audit     *audit.Logger
	queue     Enqueuer
	guard     *access.Guard
	consent   Consent
	human     Human
	notifier  Notifier
	reviews   Requeuer
	pseudo    *pseudonym.Keeper
	idem      *idempotency.Records
	deid      *deid.Detector
	templates *prompts.Registry
	log       *slog.Logger
	now       func() time.Time
	waits     WaitObserver
	ahead     keyAhead
}

// New returns a Pipeline.
func New(cfg Config, d Deps) (*Pipeline, error) {
	if d.Store == nil || d.Vault == nil || d.Gateway == nil || d.Audit == nil || d.Queue == nil || d.Guard == nil ||
		d.Consent == nil || d.Human == nil || d.Notifier == nil || d.Reviews == nil || d.Pseudonyms == nil || d.Idempotency == nil || d.Deid == nil ||
		d.Templates == nil || d.Log == nil {
		return nil, errors.New("pipeline.New: store, vault, gateway, audit, queue, guard, consent, human, notifier, reviews, pseudonyms, deid, templates and log are required")
	}
	cfg = cfg.WithDefaults()
	if d.Now == nil {
		d.Now = time.Now
	}
	if _, err := d.Templates.Get(cfg.DefaultTemplate); err != nil {
		return nil, fmt.Errorf("pipeline.New: default template: %w", err)
	}
	return &Pipeline{
		cfg: cfg, store: d.Store, vault: d.Vault, gw: d.Gateway, audit: d.Audit, queue: d.Queue, guard: d.Guard,
		consent: d.Consent, human: d.Human, notifier: d.Notifier, reviews: d.Reviews, pseudo: d.Pseudonyms, idem: d.Idempotency, deid: d.Deid, templates: d.Templates,
		log: d.Log, now: d.Now, waits: d.Waits,
	}, nil
}

// Limits returns the submission limits in force.
func (p *Pipeline) Limits() Limits { return p.cfg.Limits }

// Run describes one execution of a stage's task.
type Run struct {
	EncounterID string
	TaskID      string
	Retried     int // attempts before this one (deferred ones not counted)
	MaxRetry    int // retries allowed in all
	// Horizon bounds how long after the stage's first attempt (its
	// StageStatus.Since) retryable failures and deferrals are retried;
	// zero means only MaxRetry bounds them.
	Horizon time.Duration
}

// ErrNotQueued means the encounter was stored but its first stage could not
// be enqueued; Reconcile will enqueue it.
var ErrNotQueued = phi.Errorf(phi.CodeInternal, "encounter stored but not queued; it will be queued by the reconciler")

// RunStage runs one stage of an encounter and records its status. The
// returned error is a *phi.Error; permanent ones must not be retried.
func (p *Pipeline) RunStage(ctx context.Context, stage encounter.Stage, run Run) error {
	meta, err := p.store.Meta(ctx, run.EncounterID)
	if errors.Is(err, encounter.ErrDeleted) {
		return phi.Permanentf(phi.CodeNotFound, "encounter %s was deleted", access.SafeID(run.EncounterID))
	}
	if errors.Is(err, encounter.ErrNotFound) {
		return phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist", access.SafeID(run.EncounterID))
	}
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	var fn func(context.Context, *encounter.Meta, Run) (encounter.Stage, error)
	switch stage {
	case encounter.StageTranscribe:
		fn = p.transcribe
	case encounter.StageSummarize:
		fn = p.summarize
	case encounter.StageRegenerate:
		fn = p.regenerate
	default:
		return phi.Permanentf(phi.CodeInvalidInput, "unknown stage")
	}
	attempt := run.Retried + 1
	// The series of attempts goes on from the last status (a failed stage
	// queued again starts a new one). A stage that never failed or waited
	// has no status record: nothing is written when it starts, and its
	// output says it is done (Store.Stage).
	series := encounter.StageStatus{Stage: stage, Since: p.now().UTC()}
	prev, err := p.store.StageRecord(ctx, meta.ID, stage)
	recorded := err == nil
	if err != nil && !errors.Is(err, encounter.ErrNotFound) {
		return cmp.Or(deletedDuring(meta.ID, err), error(phi.Wrap(err, phi.CodeStorage, "stage status unavailable")))
	}
	if recorded && !prev.State.Terminal() && !prev.Since.IsZero() {
		series.Since, series.Deferred, series.Failure = prev.Since, prev.Deferred, prev.Failure
	}
	next, err := fn(ctx, meta, run)
	if err != nil {
		return p.stageFailed(ctx, meta, stage, run, series, err)
	}
	done := encounter.StageStatus{Stage: stage, State: encounter.StateDone, Attempt: attempt, UpdatedAt: p.now().UTC(), Since: series.Since, Deferred: series.Deferred}
	if recorded {
		// Done replaces the failure, wait or request on record (which
		// the output would overrule anyway, but a view shows the
		// attempts it took).
		if err := p.store.SetStage(ctx, meta.ID, done); err != nil {
			return cmp.Or(deletedDuring(meta.ID, err), error(phi.Wrap(err, phi.CodeStorage, "stage status could not be stored")))
		}
	}
	if series.Failure != nil {
		p.observeWait(done, phi.Code(series.Failure.Code))
	}
	if next == "" {
		if err := p.store.MarkDone(ctx, meta.ID); err != nil {
			p.log.Warn("open marker not cleared", "encounter_id", meta.ID, "error", err)
		}
		return nil
	}
	if err := p.queue.Enqueue(ctx, next, meta.ID); err != nil {
		// Retrying this task is cheap: its result is stored, so the retry
		// only enqueues the next stage again.
		return phi.Wrap(err, phi.CodeInternal, "next stage could not be enqueued")
	}
	return nil
}

func (p *Pipeline) observeWait(st encounter.StageStatus, reason phi.Code) {
	if p.waits != nil && !st.Since.IsZero() {
		p.waits.StageWaited(st.Stage, reason, string(st.State), st.UpdatedAt.Sub(st.Since))
	}
}

// stageFailed records a failed attempt. A *resilience.Deferral (refused
// before any request left) is recorded as waiting and does not count as
// an attempt; the error returned keeps its wait, as it keeps any other
// retry hint, for the queue's retry schedule. Once the stage is out of
// retries or past run.Horizon the returned error is permanent.
func (p *Pipeline) stageFailed(ctx context.Context, meta *encounter.Meta, stage encounter.Stage, run Run, series encounter.StageStatus, err error) error {
	if derr := deletedDuring(meta.ID, err); derr != nil {
		// Nothing of it may be written again, not even the failure.
		p.log.Warn("stage ended: the encounter was deleted while it ran", "encounter_id", meta.ID, "stage", string(stage))
		return derr
	}
	safe := phi.Safe(err)
	if safe.Code == phi.CodeConsentDenied {
		// The patient opted out after submitting: the gateway refused before
		// anything left; the encounter goes to human documentation.
		if rerr := p.human.RouteToHuman(ctx, meta, "system:worker"); rerr != nil {
			return rerr
		}
	}
	now := p.now().UTC()
	deferral, deferred := resilience.AsDeferral(err)
	expired := run.Horizon > 0 && now.Sub(series.Since) >= run.Horizon
	exhausted := !deferred && run.Retried >= run.MaxRetry
	final := safe.Permanent || expired || exhausted
	st := encounter.StageStatus{
		Stage: stage, State: encounter.StateRetrying, Attempt: run.Retried + 1, UpdatedAt: now,
		Failure: &encounter.StageFailure{Code: string(safe.Code), Message: safe.Msg},
		Since:   series.Since, Deferred: series.Deferred,
	}
	if deferred {
		st.State, st.Attempt, st.Deferred = encounter.StateWaiting, run.Retried, st.Deferred+1
	}
	if final {
		st.State = encounter.StateFailed
	}
	if serr := p.store.SetStage(ctx, meta.ID, st); serr != nil {
		p.log.Error("stage status could not be stored", "encounter_id", meta.ID, "stage", string(stage), "error", serr)
	}
	if final {
		if cerr := p.store.MarkClosed(ctx, meta.ID); cerr != nil {
			p.log.Warn("open marker not cleared", "encounter_id", meta.ID, "error", cerr)
		}
		if safe.Code != phi.CodeConsentDenied { // that one went to human documentation, with its own event
			fact := fmt.Sprintf("%s:%s:%d", meta.ID, stage, run.Retried+1)
			if nerr := p.notifier.NotifyOnce(ctx, TypeEncounterFailed, fact, map[string]string{"encounter_id": meta.ID,
				"stage": string(stage), "code": string(safe.Code)}); nerr != nil {
				p.log.Warn("encounter.failed webhook not queued", "encounter_id", meta.ID, "error", nerr)
			}
		}
		if st.Attempt > 1 || st.Deferred > 0 {
			p.observeWait(st, safe.Code)
		}
	}
	attrs := []any{"encounter_id", meta.ID, "stage", string(stage), "code", string(safe.Code),
		"attempt", st.Attempt, "deferred", st.Deferred, "waited", now.Sub(series.Since).Round(time.Millisecond), "final", final}
	if deferred && !final {
		p.log.Info("stage waiting: nothing was sent", append(attrs, "retry_in", deferral.Wait.Round(time.Millisecond), "error", safe)...)
		return deferral
	}
	p.log.Warn("stage failed", append(attrs, "error", safe)...)
	switch {
	case final && !safe.Permanent && expired:
		return phi.WrapPermanent(err, safe.Code, fmt.Sprintf("%s (gave up: retried for the stage's retry horizon of %s)", safe.Msg, run.Horizon))
	case final && !safe.Permanent:
		return phi.WrapPermanent(err, safe.Code, fmt.Sprintf("%s (gave up after %d attempts)", safe.Msg, st.Attempt))
	}
	if hint, ok := resilience.RetryAfter(err); ok {
		return resilience.WithRetryAfter(safe, hint)
	}
	return safe
}

// deletedDuring is the permanent error of a stage whose encounter was
// deleted (its key shredded) while it ran: no retry can write its results,
// nor should one. Nil if err says something else.
func deletedDuring(id string, err error) error {
	if errors.Is(err, storage.ErrShredded) {
		return phi.WrapPermanent(err, phi.CodeNotFound, fmt.Sprintf("encounter %s was deleted", access.SafeID(id)))
	}
	return nil
}
