package pipeline

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Review decisions.
const (
	DecisionUpheld    = "upheld"    // the AI output stands as signed
	DecisionCorrected = "corrected" // a corrected version replaces it
	DecisionWithdrawn = "withdrawn" // the patient withdrew the request
)

// ReviewCase is a patient's request for human review of an AI output and
// its outcome. Statement and Explanation are free text (PHI), stored
// encrypted and shown only to the patient, the reviewer and the clinician.
type ReviewCase struct {
	ID               string    `json:"id"`
	EncounterID      string    `json:"encounter_id"`
	Version          int       `json:"version"`
	PatientRef       string    `json:"patient_ref"`
	RequestedBy      string    `json:"requested_by"`
	RequestedAt      time.Time `json:"requested_at"`
	DueAt            time.Time `json:"due_at"`
	Statement        string    `json:"statement,omitempty"`
	Status           string    `json:"status"` // requested | open | decided
	AssignedTo       string    `json:"assigned_to,omitempty"`
	AssignedAt       time.Time `json:"assigned_at,omitzero"`
	Decision         string    `json:"decision,omitempty"`
	Explanation      string    `json:"explanation,omitempty"`
	DecidedBy        string    `json:"decided_by,omitempty"`
	DecidedAt        time.Time `json:"decided_at,omitzero"`
	CorrectedVersion int       `json:"corrected_version,omitempty"`
}

type reviewRequest struct {
	ID          string    `json:"id"`
	EncounterID string    `json:"encounter_id"`
	Version     int       `json:"version"`
	PatientRef  string    `json:"patient_ref"`
	RequestedBy string    `json:"requested_by"`
	RequestedAt time.Time `json:"requested_at"`
	DueAt       time.Time `json:"due_at"`
	Statement   string    `json:"statement,omitempty"`
}

type reviewAssignment struct {
	AssignedTo string    `json:"assigned_to"`
	AssignedAt time.Time `json:"assigned_at"`
}

type reviewDecision struct {
	Decision         string    `json:"decision"`
	Explanation      string    `json:"explanation"`
	DecidedBy        string    `json:"decided_by"`
	DecidedAt        time.Time `json:"decided_at"`
	CorrectedVersion int       `json:"corrected_version,omitempty"`
}

func reviewDir(encID, caseID string) string {
	return encounter.Scope(encID) + "/reviews/" + caseID + "/"
}
func openReviewKey(caseID string) string { return "index/reviews/open/" + caseID }

// ValidCaseID reports whether id has the shape of a review case ID.
func ValidCaseID(id string) bool {
	if !strings.HasPrefix(id, "rv_") || len(id) != 3+24 {
		return false
	}
	for _, c := range id[3:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

const maxStatement = 10000

// RequestReview opens a patient's request for human review of a draft
// version (0 = latest). A second request on the same version while one is
// open returns the open case.
func (p *Pipeline) RequestReview(ctx context.Context, who Who, id string, version int, statement string) (*ReviewCase, error) {
	meta, err := p.authorize(ctx, who, access.ActRequestReview, id)
	if err != nil {
		return nil, err
	}
	statement = strings.TrimSpace(statement)
	if !utf8.ValidString(statement) || utf8.RuneCountInString(statement) > maxStatement {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "statement must be UTF-8 text of at most %d characters", maxStatement)
	}
	vs, err := p.store.DraftVersions(ctx, id)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	if len(vs) == 0 {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no AI output to review", id)
	}
	if version == 0 {
		version = vs[len(vs)-1]
	}
	cases, err := p.casesOf(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, c := range cases {
		if c.Version == version && c.Status != "decided" && c.PatientRef == meta.PatientRef {
			return &c, nil
		}
	}
	now := p.now().UTC()
	req := reviewRequest{ID: "rv_" + randomHex(12), EncounterID: id, Version: version, PatientRef: meta.PatientRef,
		RequestedBy: who.ID, RequestedAt: now, DueAt: now.Add(p.cfg.Review.Due), Statement: statement}
	e := who.entry(audit.EventReviewRequest, meta)
	e.Version, e.RequestID = version, cmpOr(who.RequestID, req.ID)
	e.CallID = req.ID
	if _, err := p.appendEvent(ctx, id, encounter.Event{Kind: encounter.EvReviewRequested, Version: version, Actor: who.ID,
		Role: string(who.Role), At: now, CaseID: req.ID}, e, func(drafts []*encounter.Draft, _ map[int]*encounter.VersionState) error {
		for _, d := range drafts {
			if d.Version == version {
				return nil
			}
		}
		return phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
	}); err != nil {
		return nil, err
	}
	if err := putJSON(ctx, p.vault, reviewDir(id, req.ID)+"request.json", req, storage.CreateOnly); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review request could not be stored")
	}
	if err := putJSON(ctx, p.vault, openReviewKey(req.ID), map[string]string{"encounter_id": id}, storage.Overwrite); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review index could not be updated")
	}
	if err := p.jobs.EnqueueReview(ctx, id, req.ID); err != nil {
		// The case exists; the reconciler re-queues open cases without an
		// assignment.
		p.log.Error("review case stored but not queued", "encounter_id", id, "case_id", req.ID, "error", err)
	}
	c := caseFrom(req, nil, nil)
	return &c, nil
}

// OpenReview assigns a requested case to a reviewer and notifies the
// clinic (a critical-queue task). Running it twice assigns once.
func (p *Pipeline) OpenReview(ctx context.Context, encID, caseID string) error {
	c, err := p.loadCase(ctx, encID, caseID)
	if err != nil {
		return err
	}
	if c.Status != "requested" {
		return nil
	}
	assignee, err := p.pickReviewer(ctx)
	if err != nil {
		return err
	}
	a := reviewAssignment{AssignedTo: assignee, AssignedAt: p.now().UTC()}
	if err := p.record(ctx, audit.Entry{Event: audit.EventReviewOpen, Actor: "system:worker", Role: "system",
		PatientRef: c.PatientRef, EncounterID: encID, CallID: caseID, Version: c.Version, Result: cmpOr(assignee, "unassigned")}); err != nil {
		return err
	}
	err = putJSON(ctx, p.vault, reviewDir(encID, caseID)+"assignment.json", a, storage.CreateOnly)
	if errors.Is(err, storage.ErrExists) {
		return nil
	}
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "assignment could not be stored")
	}
	return p.notify(ctx, "review.opened", map[string]string{"encounter_id": encID, "case_id": caseID,
		"assigned_to": assignee, "due_at": c.DueAt.Format(time.RFC3339)})
}

// pickReviewer chooses the configured reviewer with the fewest open cases.
func (p *Pipeline) pickReviewer(ctx context.Context) (string, error) {
	if len(p.cfg.Review.Reviewers) == 0 {
		return "", nil
	}
	open, err := p.openCases(ctx)
	if err != nil {
		return "", err
	}
	load := map[string]int{}
	for _, c := range open {
		load[c.AssignedTo]++
	}
	best := p.cfg.Review.Reviewers[0]
	for _, r := range p.cfg.Review.Reviewers[1:] {
		if load[r] < load[best] {
			best = r
		}
	}
	return best, nil
}

// DecideReview records a reviewer's decision with a written explanation.
// A "corrected" decision names the corrected version (an edit made for the
// case, newer than the reviewed one).
func (p *Pipeline) DecideReview(ctx context.Context, who Who, caseID, decision, explanation string, correctedVersion int) (*ReviewCase, error) {
	encID, err := p.caseEncounter(ctx, caseID)
	if err != nil {
		return nil, err
	}
	meta, err := p.authorize(ctx, who, access.ActDecideReview, encID)
	if err != nil {
		return nil, err
	}
	c, err := p.loadCase(ctx, encID, caseID)
	if err != nil {
		return nil, err
	}
	if c.AssignedTo != "" && c.AssignedTo != who.ID {
		return nil, p.deny(ctx, who, access.ActDecideReview, meta)
	}
	if c.Status == "decided" {
		return nil, phi.Permanentf(phi.CodeConflict, "case %s is already decided", caseID)
	}
	explanation = strings.TrimSpace(explanation)
	switch {
	case decision != DecisionUpheld && decision != DecisionCorrected && decision != DecisionWithdrawn:
		return nil, phi.Permanentf(phi.CodeInvalidInput, "decision must be upheld, corrected or withdrawn")
	case explanation == "" || !utf8.ValidString(explanation) || utf8.RuneCountInString(explanation) > maxStatement:
		return nil, phi.Permanentf(phi.CodeInvalidInput, "a written explanation of 1-%d characters is required", maxStatement)
	case decision == DecisionCorrected && correctedVersion <= c.Version:
		return nil, phi.Permanentf(phi.CodeInvalidInput, "a corrected decision names the corrected version (newer than %d)", c.Version)
	case decision != DecisionCorrected && correctedVersion != 0:
		return nil, phi.Permanentf(phi.CodeInvalidInput, "corrected_version goes with a corrected decision only")
	}
	if correctedVersion != 0 {
		if _, err := p.store.Draft(ctx, encID, correctedVersion); err != nil {
			return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", encID, correctedVersion)
		}
	}
	now := p.now().UTC()
	dec := reviewDecision{Decision: decision, Explanation: explanation, DecidedBy: who.ID, DecidedAt: now, CorrectedVersion: correctedVersion}
	e := who.entry(audit.EventReviewDecision, meta)
	e.CallID, e.Version, e.Result = caseID, c.Version, decision
	if _, err := p.appendEvent(ctx, encID, encounter.Event{Kind: encounter.EvReviewDecided, Version: c.Version, Actor: who.ID,
		Role: string(who.Role), At: now, CaseID: caseID, Decision: decision}, e, nil); err != nil {
		return nil, err
	}
	if err := putJSON(ctx, p.vault, reviewDir(encID, caseID)+"decision.json", dec, storage.CreateOnly); errors.Is(err, storage.ErrExists) {
		return nil, phi.Permanentf(phi.CodeConflict, "case %s is already decided", caseID)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "decision could not be stored")
	}
	_ = p.vault.Delete(ctx, openReviewKey(caseID))
	p.refreshAggregate(ctx, encID)
	if err := p.notify(ctx, "review.decided", map[string]string{"encounter_id": encID, "case_id": caseID, "decision": decision}); err != nil {
		return nil, err
	}
	out, err := p.loadCase(ctx, encID, caseID)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Reviews lists an encounter's review cases for who (the patient sees the
// outcome and explanation of their own).
func (p *Pipeline) Reviews(ctx context.Context, who Who, id string) ([]ReviewCase, error) {
	meta, err := p.authorize(ctx, who, access.ActReadReviews, id)
	if err != nil {
		return nil, err
	}
	cases, err := p.casesOf(ctx, id)
	if err != nil {
		return nil, err
	}
	e := who.entry(audit.EventReviewRead, meta)
	if err := p.record(ctx, e); err != nil {
		return nil, err
	}
	return cases, nil
}

// OpenCases lists undecided cases (for reviewers: those assigned to them
// or unassigned), oldest due first.
func (p *Pipeline) OpenCases(ctx context.Context, who Who) ([]ReviewCase, error) {
	if who.Role != access.RoleReviewer && who.Role != access.RoleOps {
		return nil, p.deny(ctx, who, access.ActReadReviews, nil)
	}
	all, err := p.openCases(ctx)
	if err != nil {
		return nil, err
	}
	var out []ReviewCase
	for _, c := range all {
		if who.Role == access.RoleOps || c.AssignedTo == "" || c.AssignedTo == who.ID {
			if who.Role == access.RoleOps {
				c.Statement = "" // ops sees workload, not content
			}
			out = append(out, c)
		}
	}
	return out, nil
}

func (p *Pipeline) openCases(ctx context.Context) ([]ReviewCase, error) {
	keys, err := p.vault.List(ctx, "index/reviews/open/")
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review index unavailable")
	}
	var out []ReviewCase
	for _, k := range keys {
		caseID := strings.TrimPrefix(k, "index/reviews/open/")
		var ref map[string]string
		if err := getJSON(ctx, p.vault, k, &ref); err != nil {
			continue // shredded or racing with a decision
		}
		c, err := p.loadCase(ctx, ref["encounter_id"], caseID)
		if err != nil || c.Status == "decided" {
			continue
		}
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DueAt.Before(out[j].DueAt) })
	return out, nil
}

func (p *Pipeline) caseEncounter(ctx context.Context, caseID string) (string, error) {
	if !ValidCaseID(caseID) {
		return "", phi.Permanentf(phi.CodeNotFound, "no such review case")
	}
	var ref map[string]string
	if err := getJSON(ctx, p.vault, openReviewKey(caseID), &ref); err != nil {
		return "", phi.Permanentf(phi.CodeNotFound, "no open review case %s", caseID)
	}
	return ref["encounter_id"], nil
}

func (p *Pipeline) casesOf(ctx context.Context, encID string) ([]ReviewCase, error) {
	keys, err := p.vault.List(ctx, encounter.Scope(encID)+"/reviews/")
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "reviews unavailable")
	}
	seen := map[string]bool{}
	var out []ReviewCase
	for _, k := range keys {
		parts := strings.Split(k, "/")
		if len(parts) < 5 || seen[parts[3]] {
			continue
		}
		seen[parts[3]] = true
		c, err := p.loadCase(ctx, encID, parts[3])
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].RequestedAt.Before(out[j].RequestedAt) })
	return out, nil
}

func (p *Pipeline) loadCase(ctx context.Context, encID, caseID string) (*ReviewCase, error) {
	if !encounter.ValidID(encID) || !ValidCaseID(caseID) {
		return nil, phi.Permanentf(phi.CodeNotFound, "no such review case")
	}
	dir := reviewDir(encID, caseID)
	var req reviewRequest
	if err := getJSON(ctx, p.vault, dir+"request.json", &req); errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "no such review case")
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review case unavailable")
	}
	var a reviewAssignment
	aerr := getJSON(ctx, p.vault, dir+"assignment.json", &a)
	var d reviewDecision
	derr := getJSON(ctx, p.vault, dir+"decision.json", &d)
	for _, err := range []error{aerr, derr} {
		if err != nil && !errors.Is(err, encounter.ErrNotFound) {
			return nil, phi.Wrap(err, phi.CodeStorage, "review case unavailable")
		}
	}
	var ap *reviewAssignment
	if aerr == nil {
		ap = &a
	}
	var dp *reviewDecision
	if derr == nil {
		dp = &d
	}
	c := caseFrom(req, ap, dp)
	return &c, nil
}

func caseFrom(r reviewRequest, a *reviewAssignment, d *reviewDecision) ReviewCase {
	c := ReviewCase{ID: r.ID, EncounterID: r.EncounterID, Version: r.Version, PatientRef: r.PatientRef,
		RequestedBy: r.RequestedBy, RequestedAt: r.RequestedAt, DueAt: r.DueAt, Statement: r.Statement, Status: "requested"}
	if a != nil {
		c.Status, c.AssignedTo, c.AssignedAt = "open", a.AssignedTo, a.AssignedAt
	}
	if d != nil {
		c.Status, c.Decision, c.Explanation, c.DecidedBy, c.DecidedAt, c.CorrectedVersion =
			"decided", d.Decision, d.Explanation, d.DecidedBy, d.DecidedAt, d.CorrectedVersion
	}
	return c
}

type reviewEscalation struct {
	At time.Time `json:"at"`
}

// EscalateOverdue (a maintenance task) counts open review cases and, for
// each one past its due date, notifies the clinic once ("review.overdue")
// and audits it. It returns the open and overdue counts for the metrics.
func (p *Pipeline) EscalateOverdue(ctx context.Context, now time.Time) (open, overdue int, err error) {
	cases, err := p.openCases(ctx)
	if err != nil {
		return 0, 0, err
	}
	var errs []error
	for _, c := range cases {
		open++
		if !now.After(c.DueAt) {
			continue
		}
		overdue++
		key := reviewDir(c.EncounterID, c.ID) + "escalation.json"
		if _, err := p.vault.GetBytes(ctx, key); err == nil {
			continue // escalated before
		}
		if err := p.record(ctx, audit.Entry{Event: audit.EventReviewOpen, Actor: "system:maintenance", Role: "system",
			PatientRef: c.PatientRef, EncounterID: c.EncounterID, ObjectID: c.ID, Version: c.Version, Result: "overdue"}); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := p.notify(ctx, "review.overdue", map[string]string{"encounter_id": c.EncounterID, "case_id": c.ID,
			"assigned_to": c.AssignedTo, "due_at": c.DueAt.Format(time.RFC3339)}); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := putJSON(ctx, p.vault, key, reviewEscalation{At: now.UTC()}, storage.CreateOnly); err != nil && !errors.Is(err, storage.ErrExists) {
			errs = append(errs, err)
		}
	}
	return open, overdue, errors.Join(errs...)
}
