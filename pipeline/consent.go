package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// AI processing consent values.
const (
	ConsentAllowed = "allowed"
	ConsentDenied  = "denied"
)

// Consent is a patient's choice about AI processing, with its history kept.
type Consent struct {
	PatientRef   string    `json:"patient_ref"`
	AIProcessing string    `json:"ai_processing"` // allowed | denied
	Source       string    `json:"source"`        // where the choice was made: patient-portal, front-desk, ...
	RecordedBy   string    `json:"recorded_by"`
	At           time.Time `json:"at"`
	Seq          int       `json:"seq"`
}

// Consents stores consent per patient (patients/<ref>/consent/<seq>.json,
// append-only). It is the gateway's ConsentChecker: a patient whose latest
// consent says denied never reaches a model.
type Consents struct {
	vault *storage.Vault
}

var _ ai.ConsentChecker = (*Consents)(nil)

// NewConsents returns the consent store.
func NewConsents(vault *storage.Vault) *Consents { return &Consents{vault: vault} }

func consentPrefix(ref string) string { return "patients/" + ref + "/consent/" }

// History returns every consent record of the patient, oldest first.
func (c *Consents) History(ctx context.Context, ref string) ([]Consent, error) {
	if storage.ValidKey(ref) != nil || !strings.HasPrefix(ref, "pt_") {
		return nil, fmt.Errorf("pipeline.Consents: not a patient reference")
	}
	keys, err := c.vault.List(ctx, consentPrefix(ref))
	if err != nil {
		return nil, err
	}
	sort.Strings(keys) // zero-padded sequence numbers
	out := make([]Consent, 0, len(keys))
	for _, k := range keys {
		var rec Consent
		if err := getJSON(ctx, c.vault, k, &rec); err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, nil
}

// Current returns the patient's consent in force: the latest record, or
// "allowed" from source "default" when the patient never chose.
func (c *Consents) Current(ctx context.Context, ref string) (Consent, error) {
	h, err := c.History(ctx, ref)
	if err != nil {
		return Consent{}, err
	}
	if len(h) == 0 {
		return Consent{PatientRef: ref, AIProcessing: ConsentAllowed, Source: "default"}, nil
	}
	return h[len(h)-1], nil
}

// AIAllowed implements ai.ConsentChecker.
func (c *Consents) AIAllowed(ctx context.Context, ref string) (bool, error) {
	cur, err := c.Current(ctx, ref)
	if err != nil {
		return false, err
	}
	return cur.AIProcessing != ConsentDenied, nil
}

func (c *Consents) append(ctx context.Context, rec Consent) (Consent, error) {
	for range 8 {
		h, err := c.History(ctx, rec.PatientRef)
		if err != nil {
			return rec, err
		}
		rec.Seq = len(h) + 1
		err = putJSON(ctx, c.vault, fmt.Sprintf("%s%06d.json", consentPrefix(rec.PatientRef), rec.Seq), rec, storage.CreateOnly)
		if errors.Is(err, storage.ErrExists) {
			continue
		}
		return rec, err
	}
	return rec, encounter.ErrConflict
}

// SetConsent records a patient's AI-processing choice. Patients set their
// own; the platform sets any patient's (it passes the platform patient ID,
// resolved here to the pseudonymous reference). The change is audited
// before it takes effect.
func (p *Pipeline) SetConsent(ctx context.Context, who Who, patientRef, value, source string) (Consent, error) {
	if value != ConsentAllowed && value != ConsentDenied {
		return Consent{}, phi.Permanentf(phi.CodeInvalidInput, "ai_processing must be allowed or denied")
	}
	if !actorRE.MatchString(source) {
		return Consent{}, phi.Permanentf(phi.CodeInvalidInput, "source must be a short code such as patient-portal or front-desk")
	}
	if err := p.cfg.Access.Allow(who.Principal, access.ActConsent, access.Owner{PatientRef: patientRef}); err != nil {
		return Consent{}, p.deny(ctx, who, access.ActConsent, &encounter.Meta{PatientRef: patientRef})
	}
	e := who.entry(audit.EventConsentChange, &encounter.Meta{PatientRef: patientRef})
	e.Result = value
	if err := p.record(ctx, e); err != nil {
		return Consent{}, err
	}
	rec, err := p.consents.append(ctx, Consent{PatientRef: patientRef, AIProcessing: value, Source: source, RecordedBy: who.ID, At: p.now().UTC()})
	if err != nil {
		return Consent{}, phi.Wrap(err, phi.CodeStorage, "consent could not be stored")
	}
	p.log.Info("consent changed", "patient_ref", patientRef, "result", value)
	return rec, nil
}

// GetConsent returns a patient's consent in force.
func (p *Pipeline) GetConsent(ctx context.Context, who Who, patientRef string) (Consent, error) {
	if err := p.cfg.Access.Allow(who.Principal, access.ActConsent, access.Owner{PatientRef: patientRef}); err != nil {
		return Consent{}, p.deny(ctx, who, access.ActConsent, &encounter.Meta{PatientRef: patientRef})
	}
	c, err := p.consents.Current(ctx, patientRef)
	if err != nil {
		return Consent{}, phi.Wrap(err, phi.CodeStorage, "consent unavailable")
	}
	return c, nil
}

// Consents is the consent store.
func (p *Pipeline) Consents() *Consents { return p.consents }

// routeToHuman marks an encounter for human documentation: its inputs
// never reach a model, a human queue lists it, the clinic is notified.
func (p *Pipeline) routeToHuman(ctx context.Context, meta *encounter.Meta, actor string) error {
	if err := p.record(ctx, audit.Entry{Event: audit.EventHumanRouted, Actor: actor, Role: "system",
		PatientRef: meta.PatientRef, EncounterID: meta.ID, Result: string(phi.CodeConsentDenied)}); err != nil {
		return err
	}
	if _, err := p.store.AppendEvent(ctx, meta.ID, encounter.Event{Kind: encounter.EvHumanRouted, Actor: actor, Role: "system",
		At: p.now().UTC(), Reason: string(phi.CodeConsentDenied)}, nil); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "human routing could not be stored")
	}
	if err := p.vault.Put(ctx, humanKey(meta.ID), strings.NewReader(""), storage.Overwrite); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "human queue could not be updated")
	}
	if err := p.store.MarkClosed(ctx, meta.ID); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "open marker not cleared")
	}
	return p.notify(ctx, "encounter.human_documentation", map[string]string{"encounter_id": meta.ID, "reason": string(phi.CodeConsentDenied)})
}

func humanKey(id string) string { return "index/human/" + id }

// HumanQueue lists encounters waiting for human documentation.
func (p *Pipeline) HumanQueue(ctx context.Context) ([]string, error) {
	keys, err := p.vault.List(ctx, "index/human/")
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	ids := make([]string, 0, len(keys))
	for _, k := range keys {
		if id := strings.TrimPrefix(k, "index/human/"); encounter.ValidID(id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// humanRouted reports whether the encounter went to human documentation.
func (p *Pipeline) humanRouted(ctx context.Context, id string) bool {
	rc, err := p.vault.Store().Get(ctx, humanKey(id))
	if err != nil {
		return false
	}
	rc.Close()
	return true
}
