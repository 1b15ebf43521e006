package pipeline

import (
	"context"
	"regexp"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

var patientRefRE = regexp.MustCompile(`^pt_[a-z2-7]{24}$`)

// Limits returns the submission limits in force.
func (p *Pipeline) Limits() Limits { return p.cfg.Limits }

// Denied audits and returns a denial of an action that concerns no
// particular encounter.
func (p *Pipeline) Denied(ctx context.Context, who Who, act access.Action) error {
	return p.deny(ctx, who, act, nil)
}

// StatusFor is Status for an authenticated caller, audited.
func (p *Pipeline) StatusFor(ctx context.Context, who Who, id string) (*View, error) {
	meta, err := p.authorize(ctx, who, access.ActStatus, id)
	if err != nil {
		return nil, err
	}
	if err := p.record(ctx, who.entry(audit.EventStatus, meta)); err != nil {
		return nil, err
	}
	return p.Status(ctx, id)
}

// PlatformPatientID returns the clinic's patient identifier of an
// encounter, for exports back to the clinic (FHIR subject).
func (p *Pipeline) PlatformPatientID(ctx context.Context, id string) (string, error) {
	meta, err := p.store.Meta(ctx, id)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	return meta.Subject.PatientID, nil
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	PatientRef  string
	EncounterID string
	Since       time.Time
	Until       time.Time
}

// Match reports whether e passes the filter.
func (f AuditFilter) Match(e audit.Entry) bool {
	return (f.PatientRef == "" || e.PatientRef == f.PatientRef) &&
		(f.EncounterID == "" || e.EncounterID == f.EncounterID) &&
		(f.Since.IsZero() || !e.Time.Before(f.Since)) &&
		(f.Until.IsZero() || e.Time.Before(f.Until))
}

// ExportAudit returns the audit entries who may see: patients only those
// about their own record ("who accessed my data"), ops any. The export is
// itself audited.
func (p *Pipeline) ExportAudit(ctx context.Context, who Who, f AuditFilter, read func(context.Context) ([]audit.Entry, error)) ([]audit.Entry, error) {
	if f.EncounterID != "" && !encounter.ValidID(f.EncounterID) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "encounter must be an encounter ID")
	}
	if f.PatientRef != "" && !patientRefRE.MatchString(f.PatientRef) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "patient_ref must be a pseudonymous patient reference (pt_...)")
	}
	switch who.Role {
	case access.RolePatient:
		if f.PatientRef != "" && f.PatientRef != who.ID {
			return nil, p.deny(ctx, who, access.ActAuditExport, &encounter.Meta{PatientRef: f.PatientRef})
		}
		f.PatientRef = who.ID
	case access.RoleOps:
	default:
		return nil, p.deny(ctx, who, access.ActAuditExport, nil)
	}
	e := who.entry(audit.EventAuditExport, &encounter.Meta{PatientRef: f.PatientRef, ID: f.EncounterID})
	if err := p.record(ctx, e); err != nil {
		return nil, err
	}
	all, err := read(ctx)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail could not be read")
	}
	out := []audit.Entry{}
	for _, e := range all {
		if f.Match(e) {
			out = append(out, e)
		}
	}
	return out, nil
}
