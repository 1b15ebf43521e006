package pipeline

import (
	"context"
	"errors"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// DraftInfo describes a draft version without its content.
type DraftInfo struct {
	Version       int                   `json:"version"`
	Status        encounter.DraftStatus `json:"status"`
	CreatedAt     time.Time             `json:"created_at"`
	CreatedBy     string                `json:"created_by"`
	ContentSHA256 string                `json:"content_sha256"`
	Label         encounter.Label       `json:"label"`
}

// View is an encounter's progress, without PHI: safe to print anywhere.
type View struct {
	ID         string                  `json:"id"`
	Kind       encounter.Kind          `json:"kind"`
	Template   string                  `json:"template"`
	PatientRef string                  `json:"patient_ref"`
	ProviderID string                  `json:"provider_id"`
	CreatedAt  time.Time               `json:"created_at"`
	Stages     []encounter.StageStatus `json:"stages"`
	Drafts     []DraftInfo             `json:"drafts"`
	// Finished is true once no stage has work left (done, failed or skipped).
	Finished bool `json:"finished"`
	// Failure is the failure of the stage that ended the pipeline, if any.
	Failure *encounter.StageFailure `json:"failure,omitempty"`
	// HumanDocumentation is true when the patient opted out of AI
	// processing: no model saw the inputs; a human documents the visit.
	HumanDocumentation bool `json:"human_documentation"`
	// States are the lifecycle states of the draft versions.
	States []encounter.VersionState `json:"states,omitempty"`
}

// Status returns an encounter's progress.
func (p *Pipeline) Status(ctx context.Context, id string) (*View, error) {
	meta, err := p.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist", access.SafeID(id))
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	v := &View{ID: meta.ID, Kind: meta.Kind, Template: meta.Template, PatientRef: meta.PatientRef,
		ProviderID: meta.ProviderID, CreatedAt: meta.CreatedAt, Finished: true, Drafts: []DraftInfo{}}
	applies := map[encounter.Stage]bool{}
	for _, s := range meta.Stages() {
		applies[s] = true
	}
	for _, s := range encounter.Stages {
		st, err := p.store.Stage(ctx, id, s)
		switch {
		case !applies[s]:
			st, err = encounter.StageStatus{Stage: s, State: encounter.StateSkipped}, nil
		case errors.Is(err, encounter.ErrNotFound):
			st, err = encounter.StageStatus{Stage: s, State: encounter.StatePending}, nil
		}
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "stage status unavailable")
		}
		v.Stages = append(v.Stages, st)
		switch {
		case st.State == encounter.StateFailed:
			v.Failure = st.Failure
		case !st.State.Terminal() && v.Failure == nil:
			v.Finished = false
		}
	}
	drafts, _, states, err := p.store.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, d := range drafts {
		st := states[d.Version]
		l := d.Label
		l.VerifiedBy, l.VerifiedAt = st.SignedBy, st.SignedAt
		v.Drafts = append(v.Drafts, DraftInfo{Version: d.Version, Status: st.Status, CreatedAt: d.CreatedAt,
			CreatedBy: d.CreatedBy, ContentSHA256: d.ContentSHA256, Label: l})
		v.States = append(v.States, *st)
	}
	v.HumanDocumentation = meta.AIProcessing == encounter.AIProcessingDenied || p.consent.HumanRouted(ctx, id)
	return v, nil
}

// Reconcile re-enqueues the next stage of every encounter that has work
// left, and closes those that have none. It makes the pipeline whole again
// after Redis lost tasks (a flush, a failover without persistence) or a
// crash between finishing a stage and enqueueing the next. Enqueueing is
// deduplicated, so running it while tasks are queued is harmless. It
// returns how many stages it enqueued.
func (p *Pipeline) Reconcile(ctx context.Context) (int, error) {
	ids, err := p.store.Open(ctx)
	if err != nil {
		return 0, phi.Wrap(err, phi.CodeStorage, "open encounters unavailable")
	}
	n := 0
	var errs []error
	for _, id := range ids {
		meta, err := p.store.Meta(ctx, id)
		if errors.Is(err, encounter.ErrNotFound) {
			// A submission that never reached its commit point.
			if err := p.reapSubmission(ctx, id); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if meta.AIProcessing == encounter.AIProcessingDenied {
			// Committed, but a crash came before it reached the human
			// queue: finish that, nothing goes to a model.
			if err := p.consent.RouteToHuman(ctx, meta, "system:reconciler"); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		next, err := p.nextStage(ctx, meta)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if next == "" {
			if err := p.store.MarkClosed(ctx, id); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if err := p.queue.Enqueue(ctx, next, id); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	// Review cases whose opening task was lost are queued again.
	requeued, err := p.reviews.Requeue(ctx)
	n += requeued
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return n, phi.Wrap(errors.Join(errs...), phi.CodeInternal, "some encounters could not be reconciled")
	}
	return n, nil
}

// SubmitTimeout is how long a submission may take from its open marker to
// its commit point (the upload of a long recording included). A
// submission older than that without a Meta was cut off by a crash; the
// reconciler removes what it wrote.
const SubmitTimeout = 6 * time.Hour

// reapSubmission removes a submission that never reached its commit point,
// once it is older than SubmitTimeout.
func (p *Pipeline) reapSubmission(ctx context.Context, id string) error {
	m, err := p.store.Marker(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil // closed meanwhile
	}
	if err != nil {
		// An unreadable marker says nothing about age; the Meta is
		// missing, so nothing of the encounter was ever committed.
		p.log.Warn("open marker unreadable; removing the uncommitted submission", "encounter_id", id, "error", err)
		m = encounter.OpenMarker{}
	}
	if p.now().Sub(m.Since) < SubmitTimeout {
		return nil // it may still be uploading
	}
	if err := p.removeScope(ctx, id); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "uncommitted submission could not be removed")
	}
	if err := p.audit.Log(ctx, audit.Entry{Event: audit.EventSubmitAbandoned, Actor: "system:reconciler", Role: "system",
		PatientRef: m.PatientRef, EncounterID: id, Result: "discarded"}); err != nil {
		return phi.Wrap(err, phi.CodeAuditUnavailable, "abandoned submission not audited")
	}
	p.log.Info("removed a submission that never completed", "encounter_id", id)
	return p.store.MarkClosed(ctx, id)
}

// nextStage is the first stage of the encounter with work left, or "".
func (p *Pipeline) nextStage(ctx context.Context, meta *encounter.Meta) (encounter.Stage, error) {
	id := meta.ID
	for _, s := range meta.Stages() {
		st, err := p.store.Stage(ctx, id, s)
		if errors.Is(err, encounter.ErrNotFound) {
			return s, nil
		}
		if err != nil {
			return "", err
		}
		switch st.State {
		case encounter.StateDone, encounter.StateSkipped:
			continue
		case encounter.StateFailed:
			return "", nil
		default:
			return s, nil
		}
	}
	return "", nil
}

// StatusFor is Status for an authenticated caller, authorized and audited.
func (p *Pipeline) StatusFor(ctx context.Context, who access.Who, id string) (*View, error) {
	meta, err := p.guard.Authorize(ctx, who, access.ActStatus, id)
	if err != nil {
		return nil, err
	}
	if err := p.guard.Record(ctx, who.Entry(audit.EventStatus, meta)); err != nil {
		return nil, err
	}
	return p.Status(ctx, id)
}
