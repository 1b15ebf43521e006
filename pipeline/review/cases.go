package review

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Cases reads review cases from storage. Each case is three objects, each
// written once (request, assignment, decision), under the encounter's
// scope; an index entry outside it lists the open ones.
type Cases struct {
	vault *storage.Vault
}

var _ access.ReviewerLookup = (*Cases)(nil)

// NewCases returns the case store.
func NewCases(vault *storage.Vault) *Cases { return &Cases{vault: vault} }

// Open lists every undecided case, oldest due first.
func (c *Cases) Open(ctx context.Context) ([]ReviewCase, error) {
	keys, err := c.vault.List(ctx, encounter.OpenReviewPrefix)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review index unavailable")
	}
	var out []ReviewCase
	for _, k := range keys {
		caseID := strings.TrimPrefix(k, encounter.OpenReviewPrefix)
		var ref map[string]string
		if err := storage.GetJSON(ctx, c.vault, k, &ref); err != nil {
			continue // shredded or racing with a decision
		}
		rc, err := c.Load(ctx, ref["encounter_id"], caseID)
		if err != nil || rc.Status == StatusDecided {
			continue
		}
		out = append(out, *rc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DueAt.Before(out[j].DueAt) })
	return out, nil
}

// OpenFor lists the encounters with an open case a reviewer may take:
// assigned to them, or to no one yet (a worklist).
func (c *Cases) OpenFor(ctx context.Context, reviewer string) ([]string, error) {
	open, err := c.Open(ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, rc := range open {
		if (rc.AssignedTo == "" || rc.AssignedTo == reviewer) && !slices.Contains(ids, rc.EncounterID) {
			ids = append(ids, rc.EncounterID)
		}
	}
	return ids, nil
}

// Encounter returns the encounter of an open case.
func (c *Cases) Encounter(ctx context.Context, caseID string) (string, error) {
	if !ValidCaseID(caseID) {
		return "", phi.Permanentf(phi.CodeNotFound, "no such review case")
	}
	var ref map[string]string
	if err := storage.GetJSON(ctx, c.vault, encounter.OpenReviewKey(caseID), &ref); err != nil {
		return "", phi.Permanentf(phi.CodeNotFound, "no open review case %s", caseID)
	}
	return ref["encounter_id"], nil
}

// Of lists an encounter's cases, oldest request first.
func (c *Cases) Of(ctx context.Context, encID string) ([]ReviewCase, error) {
	prefix := encounter.ReviewsPrefix(encID)
	keys, err := c.vault.List(ctx, prefix)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "reviews unavailable")
	}
	seen := map[string]bool{}
	var out []ReviewCase
	for _, k := range keys {
		caseID, _, ok := strings.Cut(strings.TrimPrefix(k, prefix), "/")
		if !ok || seen[caseID] {
			continue
		}
		seen[caseID] = true
		rc, err := c.Load(ctx, encID, caseID)
		if err != nil {
			return nil, err
		}
		out = append(out, *rc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].RequestedAt.Before(out[j].RequestedAt) })
	return out, nil
}

// Reviewers implements access.ReviewerLookup.
func (c *Cases) Reviewers(ctx context.Context, encID string) (reviewers []string, unassigned bool, err error) {
	cases, err := c.Of(ctx, encID)
	if err != nil {
		return nil, false, err
	}
	for _, rc := range cases {
		switch {
		case rc.AssignedTo != "":
			reviewers = append(reviewers, rc.AssignedTo)
		case rc.DecidedBy != "":
			reviewers = append(reviewers, rc.DecidedBy)
		default:
			unassigned = true
		}
	}
	return reviewers, unassigned, nil
}

// Load reads one case.
func (c *Cases) Load(ctx context.Context, encID, caseID string) (*ReviewCase, error) {
	if !encounter.ValidID(encID) || !ValidCaseID(caseID) {
		return nil, phi.Permanentf(phi.CodeNotFound, "no such review case")
	}
	var req request
	if err := storage.GetJSON(ctx, c.vault, encounter.ReviewKey(encID, caseID, partRequest), &req); errors.Is(err, storage.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "no such review case")
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review case unavailable")
	}
	var a assignment
	aerr := storage.GetJSON(ctx, c.vault, encounter.ReviewKey(encID, caseID, partAssignment), &a)
	var d decisionRecord
	derr := storage.GetJSON(ctx, c.vault, encounter.ReviewKey(encID, caseID, partDecision), &d)
	for _, err := range []error{aerr, derr} {
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return nil, phi.Wrap(err, phi.CodeStorage, "review case unavailable")
		}
	}
	rc := ReviewCase{ID: req.ID, EncounterID: req.EncounterID, Version: req.Version, PatientRef: req.PatientRef,
		RequestedBy: req.RequestedBy, RequestedAt: req.RequestedAt, DueAt: req.DueAt, Statement: req.Statement, Status: StatusRequested}
	if aerr == nil {
		rc.Status, rc.AssignedTo, rc.AssignedAt = StatusOpen, a.AssignedTo, a.AssignedAt
	}
	if derr == nil {
		rc.Status, rc.Decision, rc.Explanation, rc.DecidedBy, rc.DecidedAt, rc.CorrectedVersion =
			StatusDecided, d.Decision, d.Explanation, d.DecidedBy, d.DecidedAt, d.CorrectedVersion
	}
	return &rc, nil
}
