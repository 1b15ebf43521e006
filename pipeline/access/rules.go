package access

import (
	"errors"
	"slices"
)

// Action is something a principal does to an encounter.
type Action string

const (
	ActSubmit        Action = "submit"
	ActStatus        Action = "status"
	ActReadDraft     Action = "read_draft"
	ActExplain       Action = "explain"
	ActSign          Action = "sign"
	ActEdit          Action = "edit"
	ActReject        Action = "reject"
	ActEnteredError  Action = "entered_in_error"
	ActRequestReview Action = "request_review"
	ActReadReviews   Action = "read_reviews"
	ActDecideReview  Action = "decide_review"
	ActConsent       Action = "consent"
	ActAuditExport   Action = "audit_export"
	ActDelete        Action = "delete"
	ActLegalHold     Action = "legal_hold"
	// ActReadTranscript reads the transcript (segments, speakers, times).
	ActReadTranscript Action = "read_transcript"
	// ActReadSource reads what was submitted: the note, the recording.
	ActReadSource Action = "read_source"
	// ActRegenerate asks the AI for a new draft version.
	ActRegenerate Action = "regenerate"
	// ActReassign hands human documentation to another clinician.
	ActReassign Action = "reassign"
	// ActList lists encounters (a worklist); what each role sees is
	// scoped by the worklist itself.
	ActList Action = "list"
)

// ErrForbidden means the principal may not do the action on the record.
var ErrForbidden = errors.New("access: forbidden")

// Owner is what an authorization decision needs to know about an
// encounter: whose it is, and who reviews it.
type Owner struct {
	PatientRef string
	ProviderID string
	// Reviewers are the reviewers of the encounter's review cases: those
	// assigned (or who decided one).
	Reviewers []string
	// UnassignedReview is true while a case of the encounter waits for a
	// reviewer: any reviewer may take it up.
	UnassignedReview bool
	// HumanAssignee is the clinician an encounter in human documentation
	// was reassigned to: they (and their delegates) act on it as its own
	// clinician does.
	HumanAssignee string
}

// ActsFor reports whether clinician id may act for clinician owner: it is
// the owner, or one of the owner's delegates.
func (r Rules) ActsFor(id, owner string) bool {
	return owner != "" && (owner == id || slices.Contains(r.Delegates[owner], id))
}

// Delegators lists the clinicians who named id as their delegate.
func (r Rules) Delegators(id string) []string {
	var out []string
	for owner, ds := range r.Delegates {
		if slices.Contains(ds, id) {
			out = append(out, owner)
		}
	}
	slices.Sort(out)
	return out
}

// Rules holds the configurable parts of authorization.
type Rules struct {
	// Delegates maps a clinician ID to the IDs who may act for them
	// (read, edit, sign their drafts).
	Delegates map[string][]string `yaml:"delegates"`
}

// Allow reports whether p may do act on an encounter owned by o.
func (r Rules) Allow(p Principal, act Action, o Owner) error {
	ok := false
	switch p.Role {
	case RolePlatform:
		ok = slices.Contains([]Action{ActSubmit, ActStatus, ActReadDraft, ActConsent, ActDelete, ActReadReviews, ActReassign, ActList}, act)
	case RoleProvider:
		mine := r.ActsFor(p.ID, o.ProviderID) || r.ActsFor(p.ID, o.HumanAssignee)
		ok = mine && slices.Contains([]Action{ActStatus, ActReadDraft, ActExplain, ActSign, ActEdit, ActReject, ActEnteredError,
			ActReadReviews, ActReadTranscript, ActReadSource, ActRegenerate, ActReassign}, act)
		ok = ok || act == ActList
	case RolePatient:
		mine := o.PatientRef != "" && o.PatientRef == p.ID
		ok = mine && slices.Contains([]Action{ActStatus, ActReadDraft, ActExplain, ActRequestReview, ActReadReviews, ActConsent, ActAuditExport, ActDelete}, act)
		ok = ok || act == ActList
	case RoleReviewer:
		// Only encounters under review, and only by their reviewer: a
		// reviewer token is not a key to every patient's notes.
		mine := o.UnassignedReview || slices.Contains(o.Reviewers, p.ID)
		ok = mine && slices.Contains([]Action{ActStatus, ActReadDraft, ActExplain, ActReadReviews, ActDecideReview, ActReadTranscript}, act)
		ok = ok || act == ActList
	case RoleOps:
		ok = slices.Contains([]Action{ActStatus, ActAuditExport, ActDelete, ActLegalHold, ActList}, act)
	}
	if !ok {
		return ErrForbidden
	}
	return nil
}
