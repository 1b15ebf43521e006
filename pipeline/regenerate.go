package pipeline

import (
	"context"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Regeneration is a clinician's request for a new AI draft version.
type Regeneration struct {
	EncounterID string `json:"encounter_id"`
	// Version is the number the new draft version will have.
	Version   int    `json:"version"`
	StatusURL string `json:"status_url"`
}

// Regenerate asks the AI for a new draft version of an encounter whose
// latest draft was rejected (or whose signed note was entered in error).
// The new version is made by the regenerate stage on the summarize queue,
// through the gateway like any AI call (consent checked again there, the
// call audited); no version is ever overwritten. Consent is checked here
// too, so an opted-out patient's request is refused at once. The request
// is audited and recorded in the lifecycle (which orders it against a
// concurrent edit or deletion); the open marker makes the reconciler queue
// it again if the task is lost.
func (p *Pipeline) Regenerate(ctx context.Context, who access.Who, id string) (*Regeneration, error) {
	meta, err := p.guard.Authorize(ctx, who, access.ActRegenerate, id)
	if err != nil {
		return nil, err
	}
	if meta.AIProcessing == encounter.AIProcessingDenied {
		return nil, phi.Permanentf(phi.CodeConsentDenied, "the patient opted out of AI processing: document the encounter by hand")
	}
	allowed, err := p.consent.AIAllowed(ctx, meta.PatientRef)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "consent could not be checked")
	}
	if !allowed {
		return nil, phi.Permanentf(phi.CodeConsentDenied, "the patient opted out of AI processing: document the encounter by hand")
	}
	drafts, _, states, err := p.store.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(drafts) == 0 {
		return nil, phi.Permanentf(phi.CodeConflict, "encounter %s has no draft to make anew", id)
	}
	latest := drafts[len(drafts)-1].Version
	if err := regenerable(latest, states); err != nil {
		return nil, err
	}
	version := latest + 1
	// The marker first: from here a lost task is found by the reconciler.
	if err := p.store.Begin(ctx, id, encounter.OpenMarker{PatientRef: meta.PatientRef, Since: p.now().UTC()}); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "regeneration could not be recorded")
	}
	if err := p.store.SetStage(ctx, id, encounter.StageStatus{Stage: encounter.StageRegenerate, State: encounter.StatePending,
		UpdatedAt: p.now().UTC()}); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "regeneration could not be recorded")
	}
	e := who.Entry(audit.EventRegenerate, meta)
	e.Version = version
	req, err := p.store.Transition(ctx, id, encounter.Event{Kind: encounter.EvRegenerateRequested, Version: version, Actor: who.ID,
		Role: string(who.Role), At: p.now().UTC()}, func(drafts []*encounter.Draft, st map[int]*encounter.VersionState) error {
		if now := drafts[len(drafts)-1].Version; now != latest {
			return phi.Permanentf(phi.CodeConflict, "version %d was added meanwhile; read it before asking for a new draft", now)
		}
		return regenerable(latest, st)
	}, func(ctx context.Context) error { return p.guard.Record(ctx, e) })
	if err != nil {
		return nil, err
	}
	if err := p.queue.EnqueueRegenerate(ctx, id, req.Seq); err != nil {
		p.log.Error("regeneration recorded but not queued; the reconciler will queue it", "encounter_id", id, "error", err)
	}
	p.log.Info("draft regeneration requested", "encounter_id", id, "version", int64(version))
	return &Regeneration{EncounterID: id, Version: version, StatusURL: "/v1/encounters/" + id}, nil
}

// regenerable refuses a regeneration unless the latest version was
// rejected or entered in error: a preliminary draft is edited or rejected
// first, a signed one stands.
func regenerable(latest int, st map[int]*encounter.VersionState) error {
	if s := st[latest].Status; s != encounter.DraftRejected && s != encounter.DraftEnteredInError {
		return phi.Permanentf(phi.CodeConflict, "version %d is %s: a new draft is made after a rejection (or a retraction); edit or reject it first", latest, s)
	}
	return nil
}
