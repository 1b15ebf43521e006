// Package retention decides what stored content may be deleted and when,
// and sweeps what may.
//
// What the sweep deletes today: the inputs of an encounter (by default the
// audio recording) once its draft is signed — a draft version with status
// final or amended and a verification time — plus a configurable delay
// (default: immediately), unless the encounter is under legal hold. The
// signed note, the transcript, every draft version and the encounter
// record are clinical records and are never deleted by the sweep; audit
// entries are not touched either.
//
// Floors: clinical records are kept at least RecordFloor (7 years) and
// audit entries at least AuditFloor (6 years, HIPAA's documentation
// retention). CheckRecordDeletion is the guard every path that deletes a
// record (a patient's deletion request, a clinic's policy purge) must
// pass; it refuses inside the floor and under legal hold.
//
// Signoffs and Holds are interfaces: the pipeline implements both in
// production (signed draft versions, legal holds placed through the API);
// DraftSignoffs and StoreHolds are simple stand-ins over storage.
package retention

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Year is 365.25 days: floors are counted in calendar years, rounded up.
const Year = 8766 * time.Hour

// Floors below which nothing may be deleted.
const (
	// RecordFloor: clinical records (the signed note, its versions, the
	// encounter record) are kept at least this long after creation. State
	// laws vary; 7 years covers most adult records.
	RecordFloor = 7 * Year
	// AuditFloor: audit entries are kept at least 6 years (45 CFR
	// 164.316(b)(2)).
	AuditFloor = 6 * Year
)

// EventInputDeleted is the audit event of a retention deletion.
const EventInputDeleted = audit.EventInputDeleted

// Config configures the sweep.
type Config struct {
	// Every is how often the sweep runs. Zero means one hour; negative
	// disables it.
	Every time.Duration `yaml:"every"`
	// InputAfterSignoff is how long inputs are kept after the draft is
	// signed. Zero means they are deleted at the first sweep after.
	InputAfterSignoff time.Duration `yaml:"input_after_signoff"`
	// InputRoles are the inputs deleted: "audio" and/or "sidecar". Nil
	// means audio only. Notes are the clinician's own text and stay.
	InputRoles []string `yaml:"input_roles"`
	// OrphanAfter is how long inputs of a submission that never completed
	// (a crash between storing the inputs and the encounter record) are
	// kept, counted from the sweep that first saw them. Zero means one hour.
	OrphanAfter time.Duration `yaml:"orphan_after"`
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.Every == 0 {
		c.Every = time.Hour
	}
	if c.InputRoles == nil {
		c.InputRoles = []string{encounter.RoleAudio}
	}
	if c.OrphanAfter == 0 {
		c.OrphanAfter = time.Hour
	}
	return c
}

// Validate reports configuration errors.
func (c Config) Validate() error {
	var errs []error
	if c.OrphanAfter < 0 {
		errs = append(errs, errors.New("ops.retention.orphan_after must not be negative"))
	}
	if c.InputAfterSignoff < 0 {
		errs = append(errs, errors.New("ops.retention.input_after_signoff must not be negative"))
	}
	for _, r := range c.InputRoles {
		if r != encounter.RoleAudio && r != encounter.RoleSidecar {
			errs = append(errs, fmt.Errorf("ops.retention.input_roles: %q is not audio or sidecar (notes are clinical records)", r))
		}
	}
	return errors.Join(errs...)
}

// Signoffs says when an encounter's draft was signed.
type Signoffs interface {
	// SignedAt returns when the current draft was signed; ok is false if
	// it has not been.
	SignedAt(ctx context.Context, encounterID string) (at time.Time, ok bool, err error)
}

// KeyExpirer forgets idempotency keys past their window (the pipeline).
type KeyExpirer interface {
	ExpireIdempotencyKeys(ctx context.Context, now time.Time) (int, error)
}

// Holds says whether an encounter is under legal hold.
type Holds interface {
	Held(ctx context.Context, encounterID string) (bool, error)
}

// DraftSignoffs reads sign-off from the stored draft versions: the latest
// version with status final or amended and a verification time.
type DraftSignoffs struct{ Store *encounter.Store }

// SignedAt implements Signoffs.
func (d DraftSignoffs) SignedAt(ctx context.Context, id string) (time.Time, bool, error) {
	drafts, err := d.Store.Drafts(ctx, id)
	if err != nil {
		return time.Time{}, false, err
	}
	for i := len(drafts) - 1; i >= 0; i-- {
		dr := drafts[i]
		if (dr.Status == encounter.DraftFinal || dr.Status == encounter.DraftAmended) && !dr.Label.VerifiedAt.IsZero() {
			return dr.Label.VerifiedAt, true, nil
		}
	}
	return time.Time{}, false, nil
}

// StoreHolds keeps legal holds as empty marker objects
// legal-hold/<encounter ID> in a Blobstore (the data store's ciphertext
// side: the marker holds no content).
type StoreHolds struct{ Store storage.Blobstore }

func holdKey(id string) string { return "legal-hold/" + id }

// Place puts an encounter under legal hold.
func (h StoreHolds) Place(ctx context.Context, id string) error {
	if !encounter.ValidID(id) {
		return phi.Permanentf(phi.CodeInvalidInput, "not an encounter ID")
	}
	return h.Store.Put(ctx, holdKey(id), strings.NewReader(""), storage.Overwrite)
}

// Release lifts a hold.
func (h StoreHolds) Release(ctx context.Context, id string) error {
	return h.Store.Delete(ctx, holdKey(id))
}

// Held implements Holds.
func (h StoreHolds) Held(ctx context.Context, id string) (bool, error) {
	rc, err := h.Store.Get(ctx, holdKey(id))
	if errors.Is(err, storage.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	rc.Close()
	return true, nil
}

// CheckRecordDeletion refuses to delete a clinical record created at
// created while inside RecordFloor or under legal hold. Every deletion of
// records must call it.
func CheckRecordDeletion(created, now time.Time, held bool) error {
	if held {
		return phi.Permanentf(phi.CodeLegalHold, "the encounter is under legal hold")
	}
	if now.Sub(created) < RecordFloor {
		return phi.Permanentf(phi.CodeRetentionFloor, "clinical records are kept at least 7 years (created %s)", created.UTC().Format("2006-01-02"))
	}
	return nil
}

// CheckAuditDeletion refuses to delete audit entries younger than
// AuditFloor.
func CheckAuditDeletion(written, now time.Time) error {
	if now.Sub(written) < AuditFloor {
		return phi.Permanentf(phi.CodeRetentionFloor, "audit entries are kept at least 6 years")
	}
	return nil
}

// Sweeper deletes what the policy allows.
type Sweeper struct {
	cfg      Config
	store    *encounter.Store
	data     storage.Blobstore // the vault: deletes go through it
	signoffs Signoffs
	holds    Holds
	keys     KeyExpirer
	audit    *audit.Logger
	log      *slog.Logger
	now      func() time.Time

	mu      sync.Mutex
	orphans map[string]time.Time // encounter ID -> first seen without a record
}

// Deps are a Sweeper's parts; Signoffs and Holds default to DraftSignoffs
// and StoreHolds over the vault's ciphertext store. Keys, if set, expires
// idempotency records on every sweep.
type Deps struct {
	Vault    *storage.Vault
	Signoffs Signoffs
	Holds    Holds
	Keys     KeyExpirer
	Audit    *audit.Logger
	Log      *slog.Logger
	Now      func() time.Time
}

// NewSweeper returns a Sweeper.
func NewSweeper(cfg Config, d Deps) (*Sweeper, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if d.Vault == nil || d.Audit == nil {
		return nil, errors.New("retention.NewSweeper: vault and audit are required")
	}
	store := encounter.NewStore(d.Vault)
	if d.Signoffs == nil {
		d.Signoffs = DraftSignoffs{Store: store}
	}
	if d.Holds == nil {
		d.Holds = StoreHolds{Store: d.Vault.Store()}
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Sweeper{cfg: cfg, store: store, data: d.Vault, signoffs: d.Signoffs, holds: d.Holds,
		keys: d.Keys, audit: d.Audit, log: d.Log, now: d.Now}, nil
}

// Result counts what a sweep did.
type Result struct {
	Candidates int // encounters that still have inputs the policy covers
	Deleted    int // inputs deleted
	Orphans    int // objects of never-completed submissions deleted
	Unsigned   int // kept: no signed draft yet
	Waiting    int // kept: signed, delay not over
	Held       int // kept: legal hold
	Keys       int // idempotency records expired
}

// sweepOrphans deletes the objects of submissions that never got their
// encounter record (a crash mid-submit): nobody holds their ID, nothing
// will ever read them. A submission still in progress looks the same for a
// moment, so an orphan is deleted only once OrphanAfter has passed since a
// sweep first saw it. Submissions with an open marker are left to the
// pipeline's reconciler, which knows when they started (an upload of a long
// recording can outlast OrphanAfter).
func (s *Sweeper) sweepOrphans(ctx context.Context, objects map[string][]string, hasMeta map[string]bool, now time.Time) (int, []error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.orphans == nil {
		s.orphans = map[string]time.Time{}
	}
	var errs []error
	markers, err := s.data.List(ctx, "index/open/")
	if err != nil {
		return 0, []error{fmt.Errorf("open markers: %w", err)}
	}
	reconciled := map[string]bool{}
	for _, k := range markers {
		reconciled[strings.TrimPrefix(k, "index/open/")] = true
	}
	deleted := 0
	for id := range s.orphans {
		if hasMeta[id] || reconciled[id] || len(objects[id]) == 0 {
			delete(s.orphans, id) // completed after all, gone, or the reconciler's
		}
	}
	for id, keys := range objects {
		if hasMeta[id] || reconciled[id] {
			continue
		}
		first, seen := s.orphans[id]
		if !seen {
			s.orphans[id] = now
			continue
		}
		if now.Sub(first) < s.cfg.OrphanAfter {
			continue
		}
		if err := s.audit.Log(ctx, audit.Entry{Event: audit.EventDeletion, Actor: "system:retention", Role: "system",
			EncounterID: id, Count: len(keys), Result: "orphaned-submission"}); err != nil {
			errs = append(errs, fmt.Errorf("%s: audit: %w", id, err))
			continue
		}
		for _, k := range keys {
			if err := s.data.Delete(ctx, k); err != nil {
				errs = append(errs, fmt.Errorf("%s: delete: %w", id, err))
				continue
			}
			deleted++
		}
		delete(s.orphans, id)
	}
	return deleted, errs
}

// Sweep deletes the covered inputs of every signed encounter whose delay is
// over and that is not held. Each deletion is audited first; if the entry
// cannot be written nothing is deleted.
func (s *Sweeper) Sweep(ctx context.Context) (Result, error) {
	var res Result
	keys, err := s.data.List(ctx, "encounters/")
	if err != nil {
		return res, phi.Wrap(err, phi.CodeStorage, "encounters could not be listed")
	}
	// One listing finds every encounter that still holds a covered input.
	covered := map[string]bool{}
	for _, r := range s.cfg.InputRoles {
		covered[r] = true
	}
	inputs := map[string][]string{} // encounter ID -> keys of covered inputs
	var order []string
	objects := map[string][]string{} // encounter ID -> every key
	hasMeta := map[string]bool{}
	for _, k := range keys {
		rest, ok := strings.CutPrefix(k, "encounters/")
		if !ok {
			continue
		}
		if id, obj, ok := strings.Cut(rest, "/"); ok && encounter.ValidID(id) {
			objects[id] = append(objects[id], k)
			hasMeta[id] = hasMeta[id] || obj == "meta.json"
		}
		id, role, ok := strings.Cut(rest, "/input/")
		if !ok || !encounter.ValidID(id) || !covered[role] {
			continue
		}
		if _, seen := inputs[id]; !seen {
			order = append(order, id)
		}
		inputs[id] = append(inputs[id], k)
	}
	res.Candidates = len(order)
	var errs []error
	now := s.now()
	res.Orphans, errs = s.sweepOrphans(ctx, objects, hasMeta, now)
	if s.keys != nil {
		n, err := s.keys.ExpireIdempotencyKeys(ctx, now)
		res.Keys = n
		if err != nil {
			errs = append(errs, err)
		}
	}
	for _, id := range order {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		at, signed, err := s.signoffs.SignedAt(ctx, id)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: sign-off: %w", id, err))
			continue
		}
		if !signed {
			res.Unsigned++
			continue
		}
		if now.Before(at.Add(s.cfg.InputAfterSignoff)) {
			res.Waiting++
			continue
		}
		held, err := s.holds.Held(ctx, id)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: legal hold: %w", id, err))
			continue
		}
		if held {
			res.Held++
			continue
		}
		meta, err := s.store.Meta(ctx, id)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: meta: %w", id, err))
			continue
		}
		for _, key := range inputs[id] {
			if err := s.audit.Log(ctx, audit.Entry{
				Event: EventInputDeleted, Actor: "system:retention", Role: "system", PatientRef: meta.PatientRef,
				EncounterID: id, ObjectID: strings.TrimPrefix(key, encounter.Scope(id)+"/"), Result: "ok",
			}); err != nil {
				errs = append(errs, fmt.Errorf("%s: audit: %w", id, err))
				break
			}
			if err := s.data.Delete(ctx, key); err != nil {
				errs = append(errs, fmt.Errorf("%s: delete: %w", id, err))
				continue
			}
			res.Deleted++
		}
	}
	s.log.Info("retention sweep", "candidates", res.Candidates, "deleted", res.Deleted, "orphans", res.Orphans, "unsigned", res.Unsigned,
		"waiting", res.Waiting, "held", res.Held, "idempotency_keys_expired", res.Keys, "errors", len(errs))
	if len(errs) > 0 {
		return res, phi.Wrap(errors.Join(errs...), phi.CodeStorage, fmt.Sprintf("retention sweep: %d encounter(s) could not be swept", len(errs)))
	}
	return res, nil
}
