// Package retention decides what stored content may be deleted and when,
// deletes it, and keeps what must not be.
//
//   - Policy.CheckDeletion is the one guard every deletion of an
//     encounter's record passes: refused under legal hold, and while any
//     version that was ever signed is inside the clinical-record floor
//     (pipeline.retention.clinical_records, default 7 years from signing;
//     a version later retracted as entered in error counts, since an
//     erroneous entry stays part of the legal record). Unsigned AI drafts
//     are not clinical records.
//   - Holds is the one store of legal holds (holds/<id>.json), read by
//     every deleting path.
//   - Service deletes on request: crypto-shredding of the encounter's key,
//     then its objects, with a deletion certificate; it places and lifts
//     legal holds. Both audited.
//   - Sweeper (a maintenance task) deletes the inputs an encounter no
//     longer needs: by default the audio recording, once the note is signed
//     plus a configurable delay, unless held; inputs of submissions that
//     never completed; idempotency records past their window. The signed
//     note, the transcript, the draft versions and the encounter record are
//     never swept. Audit entries are never deleted by clinscribe: their
//     retention (6 years, 45 CFR 164.316(b)(2)) is enforced by the audit
//     store itself (S3 Object Lock, audit.s3.retention).
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

// Sweeper deletes what the policy allows.
type Sweeper struct {
	cfg      Config
	store    *encounter.Store
	data     storage.Blobstore // the vault: deletes go through it
	signoffs Signoffs
	holds    *Holds
	keys     KeyExpirer
	audit    *audit.Logger
	log      *slog.Logger
	now      func() time.Time

	mu      sync.Mutex
	orphans map[string]time.Time // encounter ID -> first seen without a record
}

// Deps are a Sweeper's collaborators, all required but Now (nil:
// time.Now).
type Deps struct {
	Vault    *storage.Vault
	Signoffs Signoffs
	Holds    *Holds
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
	if d.Vault == nil || d.Signoffs == nil || d.Holds == nil || d.Keys == nil || d.Audit == nil || d.Log == nil {
		return nil, errors.New("retention.NewSweeper: vault, signoffs, holds, keys, audit and log are required")
	}
	store := encounter.NewStore(d.Vault)
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
	markers, err := s.data.List(ctx, encounter.OpenPrefix)
	if err != nil {
		return 0, []error{fmt.Errorf("open markers: %w", err)}
	}
	reconciled := map[string]bool{}
	for _, k := range markers {
		if id, ok := encounter.IDAfter(k, encounter.OpenPrefix); ok {
			reconciled[id] = true
		}
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
	keys, err := s.data.List(ctx, encounter.EncountersPrefix)
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
		id, obj, ok := encounter.SplitKey(k)
		if !ok {
			continue
		}
		objects[id] = append(objects[id], k)
		hasMeta[id] = hasMeta[id] || obj == "meta.json"
		role, ok := strings.CutPrefix(obj, "input/")
		if !ok || !covered[role] {
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
	n, err := s.keys.ExpireIdempotencyKeys(ctx, now)
	res.Keys = n
	if err != nil {
		errs = append(errs, err)
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
