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
	// Summary says where the encounter is: state (a worklist phase),
	// where (a sentence), the signed and pending versions, and for human
	// documentation (the patient opted out of AI processing: no model saw
	// the inputs; a person documents the visit) who documents it.
	encounter.Summary
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
	if v.Stages, err = p.store.StageStatuses(ctx, meta); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "stage status unavailable")
	}
	for _, st := range v.Stages {
		switch {
		case st.Stage == encounter.StageRegenerate:
		case st.State == encounter.StateFailed:
			v.Failure = st.Failure
		case !st.State.Terminal() && v.Failure == nil:
			v.Finished = false
		}
	}
	drafts, evs, states, err := p.store.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	versions := make([]int, len(drafts))
	for i, d := range drafts {
		versions[i] = d.Version
	}
	v.Summary = encounter.Summarize(meta, v.Stages, versions, evs)
	for _, d := range drafts {
		st := states[d.Version]
		l := d.Label
		l.VerifiedBy, l.VerifiedAt = st.SignedBy, st.SignedAt
		v.Drafts = append(v.Drafts, DraftInfo{Version: d.Version, Status: st.Status, CreatedAt: d.CreatedAt,
			CreatedBy: d.CreatedBy, ContentSHA256: d.ContentSHA256, Label: l})
		v.States = append(v.States, *st)
	}
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
		// Committed: its worklist entries come first (a crash may have
		// come between the commit and their writing).
		if ok, err := p.store.Indexed(ctx, meta); err != nil {
			errs = append(errs, err)
			continue
		} else if !ok {
			if err := p.store.Index(ctx, meta); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		if meta.AIProcessing == encounter.AIProcessingDenied {
			// Committed, but a crash came before it reached the human
			// queue: finish that, nothing goes to a model.
			if err := p.human.RouteToHuman(ctx, meta, "system:reconciler"); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		next, request, err := p.nextStage(ctx, meta)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		switch {
		case next == "":
			err = p.store.MarkClosed(ctx, id)
		case next == encounter.StageRegenerate:
			err = p.queue.EnqueueRegenerate(ctx, id, request)
		default:
			err = p.queue.Enqueue(ctx, next, id)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if next != "" {
			n++
		}
	}
	// Review cases whose opening task was lost are queued again.
	requeued, err := p.reviews.Requeue(ctx)
	n += requeued
	if err != nil {
		errs = append(errs, err)
	}
	// Human documentation items whose closing a crash cut short.
	if _, err := p.human.Reconcile(ctx); err != nil {
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

// nextStage is the first stage of the encounter with work left, or "";
// for a regeneration asked for and not made, StageRegenerate and the
// request (its lifecycle event's sequence number).
func (p *Pipeline) nextStage(ctx context.Context, meta *encounter.Meta) (encounter.Stage, int, error) {
	id := meta.ID
	for _, s := range meta.Stages() {
		st, err := p.store.Stage(ctx, id, s)
		if errors.Is(err, encounter.ErrNotFound) {
			return s, 0, nil
		}
		if err != nil {
			return "", 0, err
		}
		switch st.State {
		case encounter.StateDone, encounter.StateSkipped:
			continue
		case encounter.StateFailed:
			return "", 0, nil
		default:
			return s, 0, nil
		}
	}
	versions, err := p.store.DraftVersions(ctx, id)
	if err != nil {
		return "", 0, err
	}
	evs, err := p.store.Events(ctx, id)
	if err != nil {
		return "", 0, err
	}
	if encounter.PendingRegeneration(versions, evs) > 0 {
		if st, err := p.store.Stage(ctx, id, encounter.StageRegenerate); err == nil && st.State == encounter.StateFailed {
			return "", 0, nil
		}
		req, _ := encounter.LastRegenerateRequest(evs)
		return encounter.StageRegenerate, req.Seq, nil
	}
	return "", 0, nil
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
