// Package review runs patients' requests for a human to review an AI
// output: a case is opened (RequestReview) and queued on the critical
// queue, assigned to the least-loaded configured reviewer (Open, a task),
// decided with a written explanation the patient reads (Decide), and
// escalated to the clinic once past its due date (EscalateOverdue, a
// maintenance task). Each step is audited, appended to the encounter's
// lifecycle (a version is under review while a case on it is open) and
// announced by a webhook carrying IDs only.
package review

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Config configures human review of AI output.
type Config struct {
	// Due is how long a reviewer has to decide. Zero means 30 days.
	Due time.Duration `yaml:"due"`
	// Reviewers are the human reviewers cases are assigned to, least
	// loaded first. None leaves cases unassigned: any reviewer may take one.
	Reviewers []string `yaml:"reviewers"`
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	c.Due = cmp.Or(c.Due, 30*24*time.Hour)
	return c
}

// Case statuses.
const (
	StatusRequested = "requested" // waiting to be opened (assigned)
	StatusOpen      = "open"      // with a reviewer
	StatusDecided   = "decided"
)

// The parts of a case, each an object written once.
const (
	partRequest    = "request"
	partAssignment = "assignment"
	partDecision   = "decision"
	partEscalation = "escalation"
)

// Jobs queues what follows a request or a decision.
type Jobs interface {
	// EnqueueReview opens a case on the critical queue.
	EnqueueReview(ctx context.Context, encounterID, caseID string) error
	// EnqueueDeid refreshes the encounter's de-identified aggregate record.
	EnqueueDeid(ctx context.Context, encounterID string) error
}

// Notifier tells the clinic's systems about an event (package webhook).
type Notifier interface {
	Notify(ctx context.Context, typ string, data map[string]string) error
}

// Service runs review cases.
type Service struct {
	cfg      Config
	cases    *Cases
	store    *encounter.Store
	vault    *storage.Vault
	guard    *access.Guard
	jobs     Jobs
	notifier Notifier
	log      *slog.Logger
	now      func() time.Time
}

// Deps are a Service's collaborators, all required but Now (nil: time.Now).
type Deps struct {
	Cases    *Cases
	Store    *encounter.Store
	Vault    *storage.Vault
	Guard    *access.Guard
	Jobs     Jobs
	Notifier Notifier
	Log      *slog.Logger
	Now      func() time.Time
}

// New returns a Service.
func New(cfg Config, d Deps) (*Service, error) {
	if d.Cases == nil || d.Store == nil || d.Vault == nil || d.Guard == nil || d.Jobs == nil || d.Notifier == nil || d.Log == nil {
		return nil, errors.New("review.New: cases, store, vault, guard, jobs, notifier and log are required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{cfg: cfg.WithDefaults(), cases: d.Cases, store: d.Store, vault: d.Vault, guard: d.Guard,
		jobs: d.Jobs, notifier: d.Notifier, log: d.Log, now: d.Now}, nil
}

func (s *Service) record(e audit.Entry) func(context.Context) error {
	return func(ctx context.Context) error { return s.guard.Record(ctx, e) }
}

// refreshAggregate queues the encounter's de-identified aggregate record;
// a failure only delays the statistics, so it is logged, not returned.
func (s *Service) refreshAggregate(ctx context.Context, id string) {
	if err := s.jobs.EnqueueDeid(ctx, id); err != nil {
		s.log.Warn("aggregate refresh not queued", "encounter_id", id, "error", err)
	}
}

func newCaseSuffix() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

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

type request struct {
	ID          string    `json:"id"`
	EncounterID string    `json:"encounter_id"`
	Version     int       `json:"version"`
	PatientRef  string    `json:"patient_ref"`
	RequestedBy string    `json:"requested_by"`
	RequestedAt time.Time `json:"requested_at"`
	DueAt       time.Time `json:"due_at"`
	Statement   string    `json:"statement,omitempty"`
}

type assignment struct {
	AssignedTo string    `json:"assigned_to"`
	AssignedAt time.Time `json:"assigned_at"`
}

type decisionRecord struct {
	Decision         string    `json:"decision"`
	Explanation      string    `json:"explanation"`
	DecidedBy        string    `json:"decided_by"`
	DecidedAt        time.Time `json:"decided_at"`
	CorrectedVersion int       `json:"corrected_version,omitempty"`
}

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

// Request opens a patient's request for human review of a draft
// version (0 = latest). A second request on the same version while one is
// open returns the open case.
func (s *Service) Request(ctx context.Context, who access.Who, id string, version int, statement string) (*ReviewCase, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActRequestReview, id)
	if err != nil {
		return nil, err
	}
	statement = strings.TrimSpace(statement)
	if !utf8.ValidString(statement) || utf8.RuneCountInString(statement) > maxStatement {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "statement must be UTF-8 text of at most %d characters", maxStatement)
	}
	vs, err := s.store.DraftVersions(ctx, id)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	if len(vs) == 0 {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no AI output to review", id)
	}
	if version == 0 {
		version = vs[len(vs)-1]
	}
	cases, err := s.cases.Of(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, c := range cases {
		if c.Version == version && c.Status != StatusDecided && c.PatientRef == meta.PatientRef {
			return &c, nil
		}
	}
	now := s.now().UTC()
	req := request{ID: "rv_" + newCaseSuffix(), EncounterID: id, Version: version, PatientRef: meta.PatientRef,
		RequestedBy: who.ID, RequestedAt: now, DueAt: now.Add(s.cfg.Due), Statement: statement}
	e := who.Entry(audit.EventReviewRequest, meta)
	e.Version, e.RequestID = version, cmp.Or(who.RequestID, req.ID)
	e.CallID = req.ID
	if _, err := s.store.Transition(ctx, id, encounter.Event{Kind: encounter.EvReviewRequested, Version: version, Actor: who.ID,
		Role: string(who.Role), At: now, CaseID: req.ID}, func(drafts []*encounter.Draft, _ map[int]*encounter.VersionState) error {
		for _, d := range drafts {
			if d.Version == version {
				return nil
			}
		}
		return phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
	}, s.record(e)); err != nil {
		return nil, err
	}
	if err := storage.PutJSON(ctx, s.vault, encounter.ReviewKey(id, req.ID, partRequest), req, storage.CreateOnly); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review request could not be stored")
	}
	if err := storage.PutJSON(ctx, s.vault, encounter.OpenReviewKey(req.ID), map[string]string{"encounter_id": id}, storage.Overwrite); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "review index could not be updated")
	}
	if err := s.jobs.EnqueueReview(ctx, id, req.ID); err != nil {
		// The case exists; the reconciler re-queues open cases without an
		// assignment.
		s.log.Error("review case stored but not queued", "encounter_id", id, "case_id", req.ID, "error", err)
	}
	return s.cases.Load(ctx, id, req.ID)
}

// Open assigns a requested case to a reviewer and notifies the
// clinic (a critical-queue task). Running it twice assigns once.
func (s *Service) Open(ctx context.Context, encID, caseID string) error {
	c, err := s.cases.Load(ctx, encID, caseID)
	if err != nil {
		return err
	}
	if c.Status != StatusRequested {
		return nil
	}
	assignee, err := s.pickReviewer(ctx)
	if err != nil {
		return err
	}
	a := assignment{AssignedTo: assignee, AssignedAt: s.now().UTC()}
	if err := s.guard.Record(ctx, audit.Entry{Event: audit.EventReviewOpen, Actor: "system:worker", Role: "system",
		PatientRef: c.PatientRef, EncounterID: encID, CallID: caseID, Version: c.Version, Result: cmp.Or(assignee, "unassigned")}); err != nil {
		return err
	}
	err = storage.PutJSON(ctx, s.vault, encounter.ReviewKey(encID, caseID, partAssignment), a, storage.CreateOnly)
	if errors.Is(err, storage.ErrExists) {
		return nil
	}
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "assignment could not be stored")
	}
	return s.notifier.Notify(ctx, "review.opened", map[string]string{"encounter_id": encID, "case_id": caseID,
		"assigned_to": assignee, "due_at": c.DueAt.Format(time.RFC3339)})
}

// pickReviewer chooses the configured reviewer with the fewest open cases.
func (s *Service) pickReviewer(ctx context.Context) (string, error) {
	if len(s.cfg.Reviewers) == 0 {
		return "", nil
	}
	open, err := s.cases.Open(ctx)
	if err != nil {
		return "", err
	}
	load := map[string]int{}
	for _, c := range open {
		load[c.AssignedTo]++
	}
	best := s.cfg.Reviewers[0]
	for _, r := range s.cfg.Reviewers[1:] {
		if load[r] < load[best] {
			best = r
		}
	}
	return best, nil
}

// Decide records a reviewer's decision with a written explanation.
// A "corrected" decision names the corrected version (an edit made for the
// case, newer than the reviewed one).
func (s *Service) Decide(ctx context.Context, who access.Who, caseID, decision, explanation string, correctedVersion int) (*ReviewCase, error) {
	encID, err := s.cases.Encounter(ctx, caseID)
	if err != nil {
		return nil, err
	}
	meta, err := s.guard.Authorize(ctx, who, access.ActDecideReview, encID)
	if err != nil {
		return nil, err
	}
	c, err := s.cases.Load(ctx, encID, caseID)
	if err != nil {
		return nil, err
	}
	if c.AssignedTo != "" && c.AssignedTo != who.ID {
		return nil, s.guard.Deny(ctx, who, access.ActDecideReview, meta)
	}
	if c.Status == StatusDecided {
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
		if _, err := s.store.Draft(ctx, encID, correctedVersion); err != nil {
			return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", encID, correctedVersion)
		}
	}
	now := s.now().UTC()
	dec := decisionRecord{Decision: decision, Explanation: explanation, DecidedBy: who.ID, DecidedAt: now, CorrectedVersion: correctedVersion}
	e := who.Entry(audit.EventReviewDecision, meta)
	e.CallID, e.Version, e.Result = caseID, c.Version, decision
	if _, err := s.store.Transition(ctx, encID, encounter.Event{Kind: encounter.EvReviewDecided, Version: c.Version, Actor: who.ID,
		Role: string(who.Role), At: now, CaseID: caseID, Decision: decision}, nil, s.record(e)); err != nil {
		return nil, err
	}
	if err := storage.PutJSON(ctx, s.vault, encounter.ReviewKey(encID, caseID, partDecision), dec, storage.CreateOnly); errors.Is(err, storage.ErrExists) {
		return nil, phi.Permanentf(phi.CodeConflict, "case %s is already decided", caseID)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "decision could not be stored")
	}
	_ = s.vault.Delete(ctx, encounter.OpenReviewKey(caseID))
	s.refreshAggregate(ctx, encID)
	if err := s.notifier.Notify(ctx, "review.decided", map[string]string{"encounter_id": encID, "case_id": caseID, "decision": decision}); err != nil {
		return nil, err
	}
	out, err := s.cases.Load(ctx, encID, caseID)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// List lists an encounter's review cases for who (the patient sees the
// outcome and explanation of their own).
func (s *Service) List(ctx context.Context, who access.Who, id string) ([]ReviewCase, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActReadReviews, id)
	if err != nil {
		return nil, err
	}
	cases, err := s.cases.Of(ctx, id)
	if err != nil {
		return nil, err
	}
	e := who.Entry(audit.EventReviewRead, meta)
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	return cases, nil
}

// OpenCases lists undecided cases (for reviewers: those assigned to them
// or unassigned), oldest due first.
func (s *Service) OpenCases(ctx context.Context, who access.Who) ([]ReviewCase, error) {
	if who.Role != access.RoleReviewer && who.Role != access.RoleOps {
		return nil, s.guard.Deny(ctx, who, access.ActReadReviews, nil)
	}
	all, err := s.cases.Open(ctx)
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

type reviewEscalation struct {
	At time.Time `json:"at"`
}

// EscalateOverdue (a maintenance task) counts open review cases and, for
// each one past its due date, notifies the clinic once ("review.overdue")
// and audits it. It returns the open and overdue counts for the metrics.
func (s *Service) EscalateOverdue(ctx context.Context, now time.Time) (open, overdue int, err error) {
	cases, err := s.cases.Open(ctx)
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
		key := encounter.ReviewKey(c.EncounterID, c.ID, partEscalation)
		if _, err := s.vault.GetBytes(ctx, key); err == nil {
			continue // escalated before
		}
		if err := s.guard.Record(ctx, audit.Entry{Event: audit.EventReviewOpen, Actor: "system:maintenance", Role: "system",
			PatientRef: c.PatientRef, EncounterID: c.EncounterID, ObjectID: c.ID, Version: c.Version, Result: "overdue"}); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := s.notifier.Notify(ctx, "review.overdue", map[string]string{"encounter_id": c.EncounterID, "case_id": c.ID,
			"assigned_to": c.AssignedTo, "due_at": c.DueAt.Format(time.RFC3339)}); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := storage.PutJSON(ctx, s.vault, key, reviewEscalation{At: now.UTC()}, storage.CreateOnly); err != nil && !errors.Is(err, storage.ErrExists) {
			errs = append(errs, err)
		}
	}
	return open, overdue, errors.Join(errs...)
}

// Requeue queues again the opening of every case still waiting to be
// opened (its task lost with Redis, say); opening is idempotent. The
// reconciler runs it. It returns how many it queued.
func (s *Service) Requeue(ctx context.Context) (int, error) {
	open, err := s.cases.Open(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, c := range open {
		if c.Status != StatusRequested {
			continue
		}
		if err := s.jobs.EnqueueReview(ctx, c.EncounterID, c.ID); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if len(errs) > 0 {
		return n, phi.Wrap(errors.Join(errs...), phi.CodeInternal, "some review cases could not be queued")
	}
	return n, nil
}
