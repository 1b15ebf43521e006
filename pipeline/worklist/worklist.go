// Package worklist lists encounters for the people who work on them, each
// role its own scope:
//
//	provider  their encounters and those of clinicians who named them a
//	          delegate, plus human documentation assigned to them
//	patient   their own encounters
//	reviewer  encounters with a review case assigned to them or to no one
//	platform  every encounter, by time range (and clinician)
//	ops       as platform (IDs and states only; ops never read content)
//
// filtered by state (encounter.Phase: awaiting_signoff, failed,
// human_documentation, signed, ...) and submission time, in a stable order
// (submission time, then ID; oldest first unless newest is asked for),
// cut into pages by opaque cursors (package page).
//
// It scales past a full scan of storage: at submit every encounter gets
// three write-once, empty index entries whose keys sort by time then ID —
// index/by-provider/<clinician>/, index/by-patient/<ref>/ and
// index/by-day/<date>/ (encounter.IndexKeys) — so a listing reads only the
// entries in its scope and, per listed entry, the encounter's state (its
// record, stage statuses, version numbers and lifecycle events). A page
// scans at most a bounded number of entries; a filter that matches little
// returns fewer items with a cursor to go on.
//
// Each listing is audited (encounter.list, with the count); items carry
// IDs, codes and times only.
package worklist

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/page"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Reviews names the encounters with an open review case a reviewer may
// take (*review.Cases).
type Reviews interface {
	OpenFor(ctx context.Context, reviewer string) ([]string, error)
}

// Config bounds listings.
type Config struct {
	// DefaultRange is the submission time range of a platform or ops
	// listing that names none. Zero means 30 days.
	DefaultRange time.Duration
	// MaxRange bounds a platform or ops listing's time range (it reads one
	// index directory per day). Zero means 366 days.
	MaxRange time.Duration
	// MaxScan bounds the index entries one page reads (each costs a few
	// reads of the encounter's state): a page stops there and returns a
	// cursor. Zero means 10 × the page size, at least 200.
	MaxScan int
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.DefaultRange == 0 {
		c.DefaultRange = 30 * 24 * time.Hour
	}
	if c.MaxRange == 0 {
		c.MaxRange = 366 * 24 * time.Hour
	}
	return c
}

// Service lists encounters.
type Service struct {
	cfg     Config
	store   *encounter.Store
	guard   *access.Guard
	reviews Reviews
	now     func() time.Time
}

// Deps are a Service's collaborators, all required but Now (nil: time.Now).
type Deps struct {
	Store   *encounter.Store
	Guard   *access.Guard
	Reviews Reviews
	Now     func() time.Time
}

// New returns a Service.
func New(cfg Config, d Deps) (*Service, error) {
	if d.Store == nil || d.Guard == nil || d.Reviews == nil {
		return nil, errors.New("worklist.New: store, guard and reviews are required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{cfg: cfg.WithDefaults(), store: d.Store, guard: d.Guard, reviews: d.Reviews, now: d.Now}, nil
}

// Query selects and orders a listing.
type Query struct {
	// States keeps encounters in any of these phases; none keeps all.
	States []encounter.Phase
	// Since and Until bound the submission time (Until exclusive). Zero
	// values: unbounded, except for platform and ops, whose range defaults
	// to Config.DefaultRange before now.
	Since, Until time.Time
	// Provider keeps one clinician's encounters (platform and ops only).
	Provider string
	// Newest lists newest first; the default is oldest first (a work
	// queue).
	Newest bool
	// Cursor continues a listing (NextCursor of the page before).
	Cursor string
	// Limit is the page size: zero means 50, at most 500.
	Limit int
}

// Item is one listed encounter: IDs, codes and times, never content.
type Item struct {
	ID         string         `json:"id"`
	Kind       encounter.Kind `json:"kind"`
	Template   string         `json:"template"`
	ProviderID string         `json:"provider_id"`
	PatientRef string         `json:"patient_ref"`
	CreatedAt  time.Time      `json:"created_at"`
	encounter.Summary
}

// Page is one page of a listing.
type Page struct {
	Items []Item `json:"items"`
	// NextCursor continues the listing; empty when it is done.
	NextCursor string `json:"next_cursor,omitempty"`
}

// List lists the encounters who may see that the query selects.
func (s *Service) List(ctx context.Context, who access.Who, q Query) (*Page, error) {
	// The cursor binds to the query as asked: a default time range moves
	// with the clock from one page to the next.
	fp := s.fingerprint(who, q)
	if err := s.check(ctx, who, &q); err != nil {
		return nil, err
	}
	after, err := page.Decode(q.Cursor, fp)
	if err != nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "the cursor is malformed or belongs to another listing; start again without it")
	}
	keys, err := s.entries(ctx, who, q)
	if err != nil {
		return nil, err
	}
	limit := page.Limit(q.Limit)
	budget := s.cfg.MaxScan
	if budget <= 0 {
		budget = max(10*limit, 200)
	}
	out := &Page{Items: []Item{}}
	rules := s.guard.Rules()
	seen := map[string]bool{}
	last := ""
	for _, k := range page.Order(keys, after, q.Newest) {
		entry := page.Entry(k)
		if seen[entry] {
			continue // an encounter found twice (owned and assigned)
		}
		seen[entry] = true
		if len(out.Items) == limit || budget == 0 {
			out.NextCursor = page.Encode(last, fp)
			break
		}
		budget--
		last = entry
		at, id, ok := encounter.ParseIndexEntry(entry)
		if !ok || !q.Since.IsZero() && at.Before(q.Since) || !q.Until.IsZero() && !at.Before(q.Until) {
			continue
		}
		it, ok, err := s.item(ctx, id)
		if err != nil {
			return nil, err
		}
		if !ok || len(q.States) > 0 && !slices.Contains(q.States, it.Phase) {
			continue
		}
		if q.Provider != "" && it.ProviderID != q.Provider {
			continue
		}
		// The scope already says it is theirs; the rules say so again.
		owner := access.Owner{PatientRef: it.PatientRef, ProviderID: it.ProviderID, HumanAssignee: it.AssignedTo}
		if who.Role == access.RoleProvider || who.Role == access.RolePatient {
			if rules.Allow(who.Principal, access.ActStatus, owner) != nil {
				continue
			}
		}
		out.Items = append(out.Items, *it)
	}
	e := who.Entry(audit.EventList, nil)
	e.Count, e.ObjectID = len(out.Items), listName(q)
	if who.Role == access.RolePatient {
		e.PatientRef = who.ID
	}
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	return out, nil
}

// check authorizes the listing and settles the query's defaults.
func (s *Service) check(ctx context.Context, who access.Who, q *Query) error {
	switch who.Role {
	case access.RoleProvider, access.RolePatient, access.RoleReviewer, access.RolePlatform, access.RoleOps:
	default:
		return s.guard.Deny(ctx, who, access.ActList, nil)
	}
	for _, st := range q.States {
		if !encounter.ValidPhase(st) {
			return phi.Permanentf(phi.CodeInvalidInput, "state must be one of %s", phases())
		}
	}
	if q.Provider != "" {
		if who.Role != access.RolePlatform && who.Role != access.RoleOps {
			return phi.Permanentf(phi.CodeInvalidInput, "only the platform and ops filter by provider")
		}
		if !access.ValidCode(q.Provider) {
			return phi.Permanentf(phi.CodeInvalidInput, "provider must be a clinician ID")
		}
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && !q.Since.Before(q.Until) {
		return phi.Permanentf(phi.CodeInvalidInput, "since must be before until")
	}
	if (who.Role == access.RolePlatform || who.Role == access.RoleOps) && q.Provider == "" {
		if q.Until.IsZero() {
			q.Until = s.now().UTC().Add(time.Second)
		}
		if q.Since.IsZero() {
			q.Since = q.Until.Add(-s.cfg.DefaultRange)
		}
		if q.Until.Sub(q.Since) > s.cfg.MaxRange {
			return phi.Permanentf(phi.CodeInvalidInput, "the time range is at most %d days", int(s.cfg.MaxRange.Hours()/24))
		}
	}
	return nil
}

func phases() string {
	var ps []string
	for _, p := range encounter.Phases {
		ps = append(ps, string(p))
	}
	return strings.Join(ps, ", ")
}

// fingerprint binds a cursor to its caller and query.
func (s *Service) fingerprint(who access.Who, q Query) string {
	var states []string
	for _, st := range q.States {
		states = append(states, string(st))
	}
	return page.Fingerprint(string(who.Role), who.ID, strings.Join(states, ","), q.Since.Format(time.RFC3339Nano),
		q.Until.Format(time.RFC3339Nano), q.Provider, map[bool]string{true: "newest"}[q.Newest])
}

func listName(q Query) string {
	if len(q.States) == 0 {
		return "worklist"
	}
	var states []string
	for _, st := range q.States {
		states = append(states, string(st))
	}
	return "worklist:" + strings.Join(states, "+")
}

// entries are the index keys in who's scope.
func (s *Service) entries(ctx context.Context, who access.Who, q Query) ([]string, error) {
	var prefixes []string
	var keys []string
	switch who.Role {
	case access.RoleProvider:
		clinicians := append([]string{who.ID}, s.guard.Rules().Delegators(who.ID)...)
		for _, c := range clinicians {
			prefixes = append(prefixes, encounter.ProviderIndexPrefix(c))
		}
		// Human documentation handed to them from other clinicians.
		assigned, err := s.assigned(ctx, clinicians)
		if err != nil {
			return nil, err
		}
		keys = append(keys, assigned...)
	case access.RolePatient:
		prefixes = append(prefixes, encounter.PatientIndexPrefix(who.ID))
	case access.RoleReviewer:
		ids, err := s.reviews.OpenFor(ctx, who.ID)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "review cases unavailable")
		}
		for _, id := range ids {
			k, ok, err := s.entryOf(ctx, id)
			if err != nil {
				return nil, err
			}
			if ok {
				keys = append(keys, k)
			}
		}
	case access.RolePlatform, access.RoleOps:
		if q.Provider != "" {
			prefixes = append(prefixes, encounter.ProviderIndexPrefix(q.Provider))
			break
		}
		for day := q.Since.UTC().Truncate(24 * time.Hour); day.Before(q.Until); day = day.Add(24 * time.Hour) {
			prefixes = append(prefixes, encounter.DayIndexPrefix(day))
		}
	}
	for _, p := range prefixes {
		ks, err := s.store.IndexEntries(ctx, p)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "worklist unavailable")
		}
		keys = append(keys, ks...)
	}
	return keys, nil
}

// assigned are the index keys of encounters in the human documentation
// queue assigned to one of clinicians.
func (s *Service) assigned(ctx context.Context, clinicians []string) ([]string, error) {
	ids, err := s.store.HumanQueue(ctx)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	var keys []string
	for _, id := range ids {
		e, err := s.store.HumanEntry(ctx, id)
		if errors.Is(err, encounter.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
		}
		if !slices.Contains(clinicians, e.AssignedTo) {
			continue
		}
		k, ok, err := s.entryOf(ctx, id)
		if err != nil {
			return nil, err
		}
		if ok {
			keys = append(keys, k)
		}
	}
	return keys, nil
}

// entryOf is an encounter's index entry, found from its record (for
// encounters listed from a queue rather than an index).
func (s *Service) entryOf(ctx context.Context, id string) (string, bool, error) {
	meta, err := s.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	return "queue/" + encounter.IndexEntry(meta.CreatedAt, id), true, nil
}

// item reads where one encounter stands; ok is false for an encounter
// that is gone (deleted: its entries outlive it until removed).
func (s *Service) item(ctx context.Context, id string) (*Item, bool, error) {
	meta, err := s.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	stages, err := s.store.StageStatuses(ctx, meta)
	if err != nil {
		return nil, false, phi.Wrap(err, phi.CodeStorage, "stage status unavailable")
	}
	versions, err := s.store.DraftVersions(ctx, id)
	if err != nil {
		return nil, false, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	evs, err := s.store.Events(ctx, id)
	if err != nil {
		return nil, false, phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	if encounter.Deleting(evs) {
		return nil, false, nil
	}
	return &Item{ID: id, Kind: meta.Kind, Template: meta.Template, ProviderID: meta.ProviderID, PatientRef: meta.PatientRef,
		CreatedAt: meta.CreatedAt, Summary: encounter.Summarize(meta, stages, versions, evs)}, true, nil
}
