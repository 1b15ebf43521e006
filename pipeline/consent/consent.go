// Package consent keeps patients' choices about AI processing and the
// human documentation queue that an opted-out patient's encounters go to.
//
//   - Store: the append-only consent history per patient
//     (patients/<ref>/consent/<seq>.json). It is the AI gateway's
//     ConsentChecker: a patient whose latest consent says denied never
//     reaches a model.
//   - Service: setting and reading consent on behalf of a caller
//     (authorized and audited). Where an opted-out patient's encounters
//     go is package human (the human documentation queue).
package consent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
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
	Allowed = "allowed"
	Denied  = encounter.AIProcessingDenied
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

// Store keeps consent per patient, append-only.
type Store struct {
	vault *storage.Vault
}

var _ ai.ConsentChecker = (*Store)(nil)

// NewStore returns the consent store.
func NewStore(vault *storage.Vault) *Store { return &Store{vault: vault} }

// History returns every consent record of the patient, oldest first.
func (c *Store) History(ctx context.Context, ref string) ([]Consent, error) {
	if !access.IsPatientRef(ref) {
		return nil, fmt.Errorf("consent.History: not a patient reference")
	}
	keys, err := c.vault.List(ctx, encounter.ConsentPrefix(ref))
	if err != nil {
		return nil, err
	}
	sort.Strings(keys) // zero-padded sequence numbers
	out := make([]Consent, 0, len(keys))
	for _, k := range keys {
		var rec Consent
		if err := storage.GetJSON(ctx, c.vault, k, &rec); err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, nil
}

// Current returns the patient's consent in force: the latest record, or
// "allowed" from source "default" when the patient never chose.
//
// Records are numbered from 1 without gaps (Append) and never removed, so a
// patient with no first record has none: that takes one read instead of a
// listing. Every submission and every AI call asks, and most patients never
// chose; on S3 a GET costs a twelfth of a LIST.
func (c *Store) Current(ctx context.Context, ref string) (Consent, error) {
	if !access.IsPatientRef(ref) {
		return Consent{}, fmt.Errorf("consent.Current: not a patient reference")
	}
	chose, err := storage.Exists(ctx, c.vault.Store(), encounter.ConsentKey(ref, 1))
	if err != nil {
		return Consent{}, err
	}
	if !chose {
		return Consent{PatientRef: ref, AIProcessing: Allowed, Source: "default"}, nil
	}
	h, err := c.History(ctx, ref)
	if err != nil {
		return Consent{}, err
	}
	if len(h) == 0 {
		return Consent{PatientRef: ref, AIProcessing: Allowed, Source: "default"}, nil
	}
	return h[len(h)-1], nil
}

// AIAllowed implements ai.ConsentChecker.
func (c *Store) AIAllowed(ctx context.Context, ref string) (bool, error) {
	cur, err := c.Current(ctx, ref)
	if err != nil {
		return false, err
	}
	return cur.AIProcessing != Denied, nil
}

// Append records a consent at the next sequence number; concurrent writers
// are ordered by CreateOnly.
func (c *Store) Append(ctx context.Context, rec Consent) (Consent, error) {
	for range 8 {
		h, err := c.History(ctx, rec.PatientRef)
		if err != nil {
			return rec, err
		}
		rec.Seq = len(h) + 1
		err = storage.PutJSON(ctx, c.vault, encounter.ConsentKey(rec.PatientRef, rec.Seq), rec, storage.CreateOnly)
		if errors.Is(err, storage.ErrExists) {
			continue
		}
		return rec, err
	}
	return rec, encounter.ErrConflict
}

// Service sets and reads consent for callers.
type Service struct {
	consents *Store
	guard    *access.Guard
	log      *slog.Logger
	now      func() time.Time
}

// Deps are a Service's collaborators, all required but Now (nil: time.Now).
type Deps struct {
	Consents *Store
	Guard    *access.Guard
	Log      *slog.Logger
	Now      func() time.Time
}

// New returns a Service.
func New(d Deps) (*Service, error) {
	if d.Consents == nil || d.Guard == nil || d.Log == nil {
		return nil, errors.New("consent.New: consents, guard and log are required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{consents: d.Consents, guard: d.Guard, log: d.Log, now: d.Now}, nil
}

// Set records a patient's AI-processing choice. Patients set their own;
// the platform sets any patient's (the API resolves the platform patient
// ID to the pseudonymous reference first). The change is audited before it
// takes effect.
func (s *Service) Set(ctx context.Context, who access.Who, patientRef, value, source string) (Consent, error) {
	if value != Allowed && value != Denied {
		return Consent{}, phi.Permanentf(phi.CodeInvalidInput, "ai_processing must be allowed or denied")
	}
	if !access.ValidCode(source) {
		return Consent{}, phi.Permanentf(phi.CodeInvalidInput, "source must be a short code such as patient-portal or front-desk")
	}
	meta := &encounter.Meta{PatientRef: patientRef}
	if err := s.guard.Check(ctx, who, access.ActConsent, access.Owner{PatientRef: patientRef}, meta); err != nil {
		return Consent{}, err
	}
	e := who.Entry(audit.EventConsentChange, meta)
	e.Result = value
	if err := s.guard.Record(ctx, e); err != nil {
		return Consent{}, err
	}
	rec, err := s.consents.Append(ctx, Consent{PatientRef: patientRef, AIProcessing: value, Source: source, RecordedBy: who.ID, At: s.now().UTC()})
	if err != nil {
		return Consent{}, phi.Wrap(err, phi.CodeStorage, "consent could not be stored")
	}
	s.log.Info("consent changed", "patient_ref", patientRef, "result", value)
	return rec, nil
}

// Get returns a patient's consent in force.
func (s *Service) Get(ctx context.Context, who access.Who, patientRef string) (Consent, error) {
	if err := s.guard.Check(ctx, who, access.ActConsent, access.Owner{PatientRef: patientRef}, &encounter.Meta{PatientRef: patientRef}); err != nil {
		return Consent{}, err
	}
	c, err := s.consents.Current(ctx, patientRef)
	if err != nil {
		return Consent{}, phi.Wrap(err, phi.CodeStorage, "consent unavailable")
	}
	return c, nil
}

// AIAllowed reports whether the patient's consent in force allows AI
// processing (for intake, which decides where a submission goes).
func (s *Service) AIAllowed(ctx context.Context, patientRef string) (bool, error) {
	return s.consents.AIAllowed(ctx, patientRef)
}
