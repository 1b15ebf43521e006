package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/aggregate"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
)

// Enqueuer schedules a stage of an encounter. Scheduling a stage that is
// already queued (or recently done) is not an error: implementations
// deduplicate by encounter and stage.
type Enqueuer interface {
	Enqueue(ctx context.Context, stage encounter.Stage, encounterID string) error
}

// Limits bound what Submit accepts.
type Limits struct {
	// MaxNoteBytes bounds a note. Zero means 256 KiB.
	MaxNoteBytes int64 `yaml:"max_note_bytes"`
	// MaxAudioBytes bounds a recording. Zero means 2 GiB.
	MaxAudioBytes int64 `yaml:"max_audio_bytes"`
	// MaxSidecarBytes bounds a sidecar transcript. Zero means 16 MiB.
	MaxSidecarBytes int64 `yaml:"max_sidecar_bytes"`
}

// Config configures a Pipeline.
type Config struct {
	Limits Limits `yaml:"limits"`
	// DefaultTemplate is used when a submission names none. Zero means "soap".
	DefaultTemplate string `yaml:"default_template"`
	// Access holds the configurable authorization rules (delegates).
	Access access.Rules `yaml:"access"`
	// Review configures patients' human-review requests.
	Review ReviewConfig `yaml:"review"`
	// Retention sets the floors below which records are not deleted.
	Retention RetentionConfig `yaml:"retention"`
	// Webhooks are notified of review and routing events.
	Webhooks []webhook.Endpoint `yaml:"webhooks"`
}

// ReviewConfig configures human review of AI output.
type ReviewConfig struct {
	// Due is how long a reviewer has to decide. Zero means 30 days.
	Due time.Duration `yaml:"due"`
	// Reviewers are the human reviewers cases are assigned to, in turn.
	Reviewers []string `yaml:"reviewers"`
}

// RetentionConfig holds retention floors.
type RetentionConfig struct {
	// ClinicalRecords is how long a signed note is kept after signing
	// before it may be deleted. Zero means 7 years.
	ClinicalRecords time.Duration `yaml:"clinical_records"`
	// Audit is how long audit entries are kept. Zero means 6 years.
	Audit time.Duration `yaml:"audit"`
}

// Year is 365.25 days, for retention periods.
const Year = time.Duration(365.25 * 24 * float64(time.Hour))

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.Limits.MaxNoteBytes == 0 {
		c.Limits.MaxNoteBytes = 256 << 10
	}
	if c.Limits.MaxAudioBytes == 0 {
		c.Limits.MaxAudioBytes = 2 << 30
	}
	if c.Limits.MaxSidecarBytes == 0 {
		c.Limits.MaxSidecarBytes = 16 << 20
	}
	if c.DefaultTemplate == "" {
		c.DefaultTemplate = "soap"
	}
	if c.Review.Due == 0 {
		c.Review.Due = 30 * 24 * time.Hour
	}
	if c.Retention.ClinicalRecords == 0 {
		c.Retention.ClinicalRecords = 7 * Year
	}
	if c.Retention.Audit == 0 {
		c.Retention.Audit = 6 * Year
	}
	return c
}

// Deps are the parts a Pipeline works with.
type Deps struct {
	Vault   *storage.Vault
	Gateway *ai.Gateway
	Audit   *audit.Logger
	Queue   Enqueuer
	// Jobs enqueues review cases and webhook deliveries; nil means Queue
	// if it implements Jobs.
	Jobs Jobs
	// Consents is the consent store the gateway checks too; nil makes one.
	Consents *Consents
	// Shredder destroys per-encounter keys for deletion (the Keyring).
	Shredder Shredder
	// Deid de-identifies for aggregation; nil disables aggregation.
	Deid *deid.Detector
	// EHR writes signed versions back to the clinic's EHR (ehr.Deliverer);
	// nil: write-back is not configured.
	EHR       WriteBack
	Templates *prompts.Registry
	Log       *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Pipeline runs encounters.
type Pipeline struct {
	cfg       Config
	store     *encounter.Store
	vault     *storage.Vault
	gw        *ai.Gateway
	audit     *audit.Logger
	queue     Enqueuer
	templates *prompts.Registry
	log       *slog.Logger
	now       func() time.Time
	pseudo    pseudonymizer
	jobs      Jobs
	consents  *Consents
	shredder  Shredder
	deid      *deid.Detector
	agg       *aggregate.Store
	ehr       WriteBack
}

// WriteBack asks for a version's write-back to the EHR after a sign-off
// or an entered-in-error (*ehr.Deliverer).
type WriteBack interface {
	Enqueue(ctx context.Context, encounterID string, version int) error
}

// New returns a Pipeline.
func New(cfg Config, d Deps) (*Pipeline, error) {
	if d.Vault == nil || d.Gateway == nil || d.Audit == nil || d.Queue == nil {
		return nil, errors.New("pipeline.New: vault, gateway, audit and queue are required")
	}
	cfg = cfg.WithDefaults()
	if d.Templates == nil {
		d.Templates = prompts.Builtin()
	}
	if _, err := d.Templates.Get(cfg.DefaultTemplate); err != nil {
		return nil, fmt.Errorf("pipeline.New: default template: %w", err)
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Jobs == nil {
		j, ok := d.Queue.(Jobs)
		if !ok {
			return nil, errors.New("pipeline.New: jobs are required (the queue does not enqueue them)")
		}
		d.Jobs = j
	}
	if d.Consents == nil {
		d.Consents = NewConsents(d.Vault)
	}
	for i, ep := range cfg.Webhooks {
		if ep.Name == "" || ep.URL == "" {
			return nil, fmt.Errorf("pipeline.New: webhooks[%d]: name and url are required", i)
		}
		if _, err := ep.SecretBytes(); err != nil {
			return nil, fmt.Errorf("pipeline.New: %w", err)
		}
	}
	return &Pipeline{
		cfg: cfg, store: encounter.NewStore(d.Vault), vault: d.Vault, gw: d.Gateway, audit: d.Audit,
		queue: d.Queue, templates: d.Templates, log: d.Log, now: d.Now,
		pseudo: pseudonymizer{vault: d.Vault}, jobs: d.Jobs, consents: d.Consents, shredder: d.Shredder,
		deid: d.Deid, agg: aggStore(d), ehr: d.EHR,
	}, nil
}

func aggStore(d Deps) *aggregate.Store {
	if d.Deid == nil {
		return nil
	}
	return aggregate.NewStore(d.Vault, d.Deid)
}

// Store is the encounter record store.
func (p *Pipeline) Store() *encounter.Store { return p.store }

// Templates is the template registry.
func (p *Pipeline) Templates() *prompts.Registry { return p.templates }

// Run describes one execution of a stage's task.
type Run struct {
	EncounterID string
	TaskID      string
	Retried     int // attempts before this one
	MaxRetry    int // retries allowed in all
}

// ErrNotQueued means the encounter was stored but its first stage could not
// be enqueued; Reconcile will enqueue it.
var ErrNotQueued = phi.Errorf(phi.CodeInternal, "encounter stored but not queued; it will be queued by the reconciler")

// RunStage runs one stage of an encounter and records its status. The
// returned error is a *phi.Error; permanent ones must not be retried.
func (p *Pipeline) RunStage(ctx context.Context, stage encounter.Stage, run Run) error {
	meta, err := p.store.Meta(ctx, run.EncounterID)
	if errors.Is(err, encounter.ErrDeleted) {
		return phi.Permanentf(phi.CodeNotFound, "encounter %s was deleted", safeID(run.EncounterID))
	}
	if errors.Is(err, encounter.ErrNotFound) {
		return phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist", safeID(run.EncounterID))
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
	default:
		return phi.Permanentf(phi.CodeInvalidInput, "unknown stage")
	}
	attempt := run.Retried + 1
	if err := p.store.SetStage(ctx, meta.ID, encounter.StageStatus{Stage: stage, State: encounter.StateRunning, Attempt: attempt, UpdatedAt: p.now().UTC()}); err != nil {
		return cmpErr(deletedDuring(meta.ID, err), phi.Wrap(err, phi.CodeStorage, "stage status could not be stored"))
	}
	next, err := fn(ctx, meta, run)
	if err != nil {
		return p.stageFailed(ctx, meta, stage, run, err)
	}
	if err := p.store.SetStage(ctx, meta.ID, encounter.StageStatus{Stage: stage, State: encounter.StateDone, Attempt: attempt, UpdatedAt: p.now().UTC()}); err != nil {
		return cmpErr(deletedDuring(meta.ID, err), phi.Wrap(err, phi.CodeStorage, "stage status could not be stored"))
	}
	if next == "" {
		if err := p.store.MarkClosed(ctx, meta.ID); err != nil {
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

func (p *Pipeline) stageFailed(ctx context.Context, meta *encounter.Meta, stage encounter.Stage, run Run, err error) error {
	if derr := deletedDuring(meta.ID, err); derr != nil {
		// Nothing of it may be written again, not even the failure.
		p.log.Warn("stage ended: the encounter was deleted while it ran", "encounter_id", meta.ID, "stage", string(stage))
		return derr
	}
	safe := phi.Safe(err)
	if safe.Code == phi.CodeConsentDenied {
		// The patient opted out after submitting: the gateway refused before
		// anything left; the encounter goes to human documentation.
		if rerr := p.routeToHuman(ctx, meta, "system:worker"); rerr != nil {
			return rerr
		}
	}
	final := safe.Permanent || run.Retried >= run.MaxRetry
	state := encounter.StateRetrying
	if final {
		state = encounter.StateFailed
	}
	st := encounter.StageStatus{
		Stage: stage, State: state, Attempt: run.Retried + 1, UpdatedAt: p.now().UTC(),
		Failure: &encounter.StageFailure{Code: string(safe.Code), Message: safe.Msg},
	}
	if serr := p.store.SetStage(ctx, meta.ID, st); serr != nil {
		p.log.Error("stage status could not be stored", "encounter_id", meta.ID, "stage", string(stage), "error", serr)
	}
	if final {
		if cerr := p.store.MarkClosed(ctx, meta.ID); cerr != nil {
			p.log.Warn("open marker not cleared", "encounter_id", meta.ID, "error", cerr)
		}
	}
	p.log.Warn("stage failed", "encounter_id", meta.ID, "stage", string(stage), "code", string(safe.Code),
		"attempt", run.Retried+1, "final", final, "error", safe)
	return safe
}

// deletedDuring is the permanent error of a stage whose encounter was
// deleted (its key shredded) while it ran: no retry can write its results,
// nor should one. Nil if err says something else.
func deletedDuring(id string, err error) error {
	if errors.Is(err, storage.ErrShredded) {
		return phi.WrapPermanent(err, phi.CodeNotFound, fmt.Sprintf("encounter %s was deleted", safeID(id)))
	}
	return nil
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// safeID returns id if it is an encounter ID, else a placeholder: IDs from
// outside may be anything.
func safeID(id string) string {
	if encounter.ValidID(id) {
		return id
	}
	return "(invalid ID)"
}
