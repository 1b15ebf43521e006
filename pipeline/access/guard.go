package access

import (
	"context"
	"errors"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Who is an authenticated caller acting through an entry point (the API,
// the console, the CLI), with the request it acts in.
type Who struct {
	Principal
	RequestID string
}

// Entry starts the audit entry of an action by w on the encounter meta
// describes (nil: no encounter).
func (w Who) Entry(ev audit.Event, meta *encounter.Meta) audit.Entry {
	e := audit.Entry{Event: ev, Actor: w.ID, Role: string(w.Role), RequestID: w.RequestID, Result: "ok"}
	if meta != nil {
		e.PatientRef, e.EncounterID = meta.PatientRef, meta.ID
	}
	return e
}

// ReviewerLookup names the reviewers of an encounter's review cases (those
// assigned or who decided one) and whether a case waits for a reviewer;
// package review implements it over the stored cases.
type ReviewerLookup interface {
	Reviewers(ctx context.Context, encounterID string) (reviewers []string, unassigned bool, err error)
}

// Guard is the one place an action is allowed or refused: it loads the
// encounter, applies the Rules, and audits every denial before answering.
type Guard struct {
	rules     Rules
	store     *encounter.Store
	audit     *audit.Logger
	reviewers ReviewerLookup
}

// NewGuard returns a Guard. Every argument is required.
func NewGuard(rules Rules, store *encounter.Store, log *audit.Logger, reviewers ReviewerLookup) (*Guard, error) {
	if store == nil || log == nil || reviewers == nil {
		return nil, errors.New("access.NewGuard: store, audit logger and reviewer lookup are required")
	}
	return &Guard{rules: rules, store: store, audit: log, reviewers: reviewers}, nil
}

// Authorize loads the encounter and checks the action on it. A denial is
// audited; the entry is written before the answer is given.
func (g *Guard) Authorize(ctx context.Context, who Who, act Action, id string) (*encounter.Meta, error) {
	meta, err := g.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist", SafeID(id))
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	owner := Owner{PatientRef: meta.PatientRef, ProviderID: meta.ProviderID}
	if who.Role == RoleReviewer {
		if owner.Reviewers, owner.UnassignedReview, err = g.reviewers.Reviewers(ctx, meta.ID); err != nil {
			return nil, err
		}
	}
	if who.Role == RoleProvider && !g.rules.ActsFor(who.ID, meta.ProviderID) {
		// Not the encounter's clinician: perhaps the one its human
		// documentation was reassigned to (read only on this path).
		evs, err := g.store.Events(ctx, meta.ID)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
		}
		if encounter.HumanRouted(meta, evs) {
			owner.HumanAssignee = encounter.HumanAssignee(meta, evs)
		}
	}
	if err := g.rules.Allow(who.Principal, act, owner); err != nil {
		return nil, g.Deny(ctx, who, act, meta)
	}
	return meta, nil
}

// Check applies the rules to an action on something other than an
// encounter (a patient's consent, say), auditing a denial against meta.
func (g *Guard) Check(ctx context.Context, who Who, act Action, owner Owner, meta *encounter.Meta) error {
	if err := g.rules.Allow(who.Principal, act, owner); err != nil {
		return g.Deny(ctx, who, act, meta)
	}
	return nil
}

// actionEvent names, for authz.denied entries, the event a refused action
// would have written.
var actionEvent = map[Action]audit.Event{
	ActSubmit: audit.EventSubmit, ActStatus: audit.EventStatus, ActReadDraft: audit.EventView,
	ActExplain: audit.EventExplain, ActSign: audit.EventSignOff, ActEdit: audit.EventEdit,
	ActReject: audit.EventReject, ActEnteredError: audit.EventEnteredInError,
	ActRequestReview: audit.EventReviewRequest, ActReadReviews: audit.EventReviewRead,
	ActDecideReview: audit.EventReviewDecision, ActConsent: audit.EventConsentChange,
	ActAuditExport: audit.EventAuditExport, ActDelete: audit.EventDeletion,
	ActLegalHold: audit.EventLegalHold, ActReadTranscript: audit.EventTranscriptView,
	ActReadSource: audit.EventSourceRead, ActRegenerate: audit.EventRegenerate,
	ActReassign: audit.EventHumanAssigned, ActList: audit.EventList,
}

// Rules are the authorization rules in force (for worklists, which scope
// what they list by the same delegations).
func (g *Guard) Rules() Rules { return g.rules }

// Deny records an authorization denial and returns the error to show.
func (g *Guard) Deny(ctx context.Context, who Who, act Action, meta *encounter.Meta) error {
	e := who.Entry(audit.EventAuthzDenied, meta)
	e.Result, e.Action = string(phi.CodeForbidden), actionEvent[act]
	if err := g.audit.Log(ctx, e); err != nil {
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable")
	}
	return phi.Permanentf(phi.CodeForbidden, "%s may not %s on this encounter", who.Role, act)
}

// Record writes the audit entry of an action that is about to take effect;
// if it cannot be written the action must not be taken.
func (g *Guard) Record(ctx context.Context, e audit.Entry) error {
	if err := g.audit.Log(ctx, e); err != nil {
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; action not taken")
	}
	return nil
}

// AuditRows reads the audit trail's entries that pass a filter.
type AuditRows func(ctx context.Context, f audit.Filter) ([]audit.Row, error)

// ExportAudit returns the audit entries who may see: patients only those
// about their own record ("who accessed my data"), ops any. The export is
// itself audited before it is read.
func (g *Guard) ExportAudit(ctx context.Context, who Who, f audit.Filter, read AuditRows) ([]audit.Row, error) {
	if f.EncounterID != "" && !encounter.ValidID(f.EncounterID) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "encounter must be an encounter ID")
	}
	if f.PatientRef != "" && !IsPatientRef(f.PatientRef) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "patient_ref must be a pseudonymous patient reference (pt_...)")
	}
	switch who.Role {
	case RolePatient:
		if f.PatientRef != "" && f.PatientRef != who.ID {
			return nil, g.Deny(ctx, who, ActAuditExport, &encounter.Meta{PatientRef: f.PatientRef})
		}
		f.PatientRef = who.ID
	case RoleOps:
	default:
		return nil, g.Deny(ctx, who, ActAuditExport, nil)
	}
	if err := g.Record(ctx, who.Entry(audit.EventAuditExport, &encounter.Meta{PatientRef: f.PatientRef, ID: f.EncounterID})); err != nil {
		return nil, err
	}
	rows, err := read(ctx, f)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail could not be read")
	}
	if rows == nil {
		rows = []audit.Row{}
	}
	return rows, nil
}

// SafeID returns id if it is an encounter ID, else a placeholder: IDs from
// outside may be anything, and error messages reach clients and logs.
func SafeID(id string) string {
	if encounter.ValidID(id) {
		return id
	}
	return "(invalid ID)"
}

// ValidCode reports whether s is a short code (1-128 of [A-Za-z0-9._:@-]),
// the shape of every caller-supplied value that reaches the audit trail.
func ValidCode(s string) bool { return idRE.MatchString(s) }
