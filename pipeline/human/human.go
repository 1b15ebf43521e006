// Package human is human documentation: the encounters of patients who
// opted out of AI processing, which a clinician documents by hand.
//
//   - Route puts an encounter in the queue (index/human/<id>, holding who
//     documents it: the encounter's own clinician until reassigned), with
//     an audited lifecycle event and a webhook
//     (encounter.human_documentation_needed). No stage is queued: no
//     model ever sees the inputs.
//   - Queue lists the open items for who asks: the platform and ops see
//     all, a clinician those assigned to them or to a clinician they are
//     a delegate of.
//   - Assign hands an item to another clinician (the platform, or the
//     encounter's clinician), audited, recorded in the lifecycle (the
//     assignee then acts on the encounter as its clinician does) and
//     announced by a webhook.
//   - Documented closes the item when a human-authored version is signed
//     (package signoff calls it): audited, recorded in the lifecycle, the
//     queue entry removed.
//
// The human-authored note itself is a draft version like any other
// (package signoff writes, edits and signs it), labeled human: no AIAST
// label, AIGenerated false, the same immutable versions and hash-bound
// signature. What the clinician documents from — the note as submitted,
// the transcript, the recording with range requests — is package source.
package human

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sort"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Notifier tells the clinic's systems about an event (package webhook).
type Notifier interface {
	NotifyOnce(ctx context.Context, typ, fact string, data map[string]string) error
}

// Webhook event types this package sends (package webhook documents them).
const (
	TypeNeeded   = "encounter.human_documentation_needed"
	TypeAssigned = "encounter.human_documentation_assigned"
)

// Service keeps the human documentation queue.
type Service struct {
	store    *encounter.Store
	guard    *access.Guard
	notifier Notifier
	log      *slog.Logger
	now      func() time.Time
}

// Deps are a Service's collaborators, all required but Now (nil: time.Now).
type Deps struct {
	Store    *encounter.Store
	Guard    *access.Guard
	Notifier Notifier
	Log      *slog.Logger
	Now      func() time.Time
}

// New returns a Service.
func New(d Deps) (*Service, error) {
	if d.Store == nil || d.Guard == nil || d.Notifier == nil || d.Log == nil {
		return nil, errors.New("human.New: store, guard, notifier and log are required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{store: d.Store, guard: d.Guard, notifier: d.Notifier, log: d.Log, now: d.Now}, nil
}

// RouteToHuman marks an encounter for human documentation: its inputs
// never reach a model, the queue lists it (assigned to the encounter's
// clinician), the clinic is notified. Running it again (the reconciler
// after a crash) finishes what is missing and keeps any assignment made
// meanwhile.
func (s *Service) RouteToHuman(ctx context.Context, meta *encounter.Meta, actor string) error {
	evs, err := s.store.Events(ctx, meta.ID)
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	routed := false
	for _, ev := range evs {
		routed = routed || ev.Kind == encounter.EvHumanRouted
	}
	if !routed {
		if err := s.guard.Record(ctx, audit.Entry{Event: audit.EventHumanRouted, Actor: actor, Role: "system",
			PatientRef: meta.PatientRef, EncounterID: meta.ID, Result: string(phi.CodeConsentDenied)}); err != nil {
			return err
		}
		if _, err := s.store.AppendEvent(ctx, meta.ID, encounter.Event{Kind: encounter.EvHumanRouted, Actor: actor, Role: "system",
			At: s.now().UTC(), Reason: string(phi.CodeConsentDenied)}, nil); err != nil {
			return phi.Wrap(err, phi.CodeStorage, "human routing could not be stored")
		}
	}
	assignee := encounter.HumanAssignee(meta, evs)
	if _, err := s.store.HumanEntry(ctx, meta.ID); errors.Is(err, encounter.ErrNotFound) {
		if err := s.store.PutHumanEntry(ctx, meta.ID, encounter.HumanEntry{AssignedTo: assignee, Since: s.now().UTC()}); err != nil {
			return phi.Wrap(err, phi.CodeStorage, "human queue could not be updated")
		}
	} else if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	if err := s.store.MarkClosed(ctx, meta.ID); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "open marker not cleared")
	}
	return s.notifier.NotifyOnce(ctx, TypeNeeded, meta.ID, map[string]string{"encounter_id": meta.ID,
		"reason": string(phi.CodeConsentDenied), "assigned_to": meta.ProviderID})
}

// Item is one encounter waiting for human documentation.
type Item struct {
	EncounterID string    `json:"encounter_id"`
	AssignedTo  string    `json:"assigned_to,omitempty"`
	Since       time.Time `json:"since,omitzero"`
}

// Queue lists the open items who may see, oldest first: the platform and
// ops all of them; a clinician those assigned to them or to a clinician
// who named them a delegate. Others are refused (audited).
func (s *Service) Queue(ctx context.Context, who access.Who) ([]Item, error) {
	rules := s.guard.Rules()
	switch who.Role {
	case access.RolePlatform, access.RoleOps, access.RoleProvider:
	default:
		return nil, s.guard.Deny(ctx, who, access.ActList, nil)
	}
	ids, err := s.store.HumanQueue(ctx)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	items := make([]Item, 0, len(ids))
	for _, id := range ids {
		e, err := s.store.HumanEntry(ctx, id)
		if errors.Is(err, encounter.ErrNotFound) {
			continue // closed meanwhile
		}
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
		}
		if who.Role == access.RoleProvider && !rules.ActsFor(who.ID, e.AssignedTo) {
			continue
		}
		items = append(items, Item{EncounterID: id, AssignedTo: e.AssignedTo, Since: e.Since})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Since.Before(items[j].Since) })
	e := who.Entry(audit.EventList, nil)
	e.ObjectID, e.Count = "human-queue", len(items)
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	return items, nil
}

// Assignee is who documents the encounter while it is in the queue;
// ErrNotFound (as a *phi.Error) when it is not in the queue.
func (s *Service) Assignee(ctx context.Context, id string) (string, error) {
	e, err := s.store.HumanEntry(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return "", phi.Permanentf(phi.CodeNotFound, "encounter %s is not waiting for human documentation", access.SafeID(id))
	}
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	return e.AssignedTo, nil
}

// Assign hands an encounter waiting for human documentation to another
// clinician. The platform may, and so may the encounter's clinician (or
// whoever it is assigned to now).
func (s *Service) Assign(ctx context.Context, who access.Who, id, to string) (*Item, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActReassign, id)
	if err != nil {
		return nil, err
	}
	if !access.ValidCode(to) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "assigned_to must be a clinician ID: 1-128 characters of letters, digits and ._:@-")
	}
	entry, err := s.store.HumanEntry(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeConflict, "encounter %s is not waiting for human documentation", id)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	e := who.Entry(audit.EventHumanAssigned, meta)
	e.ObjectID = to
	now := s.now().UTC()
	if _, err := s.store.Transition(ctx, id, encounter.Event{Kind: encounter.EvHumanAssigned, Actor: who.ID, Role: string(who.Role),
		At: now, AssignedTo: to}, nil, func(ctx context.Context) error { return s.guard.Record(ctx, e) }); err != nil {
		return nil, err
	}
	entry.AssignedTo = to
	if err := s.store.PutHumanEntry(ctx, id, entry); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "human queue could not be updated")
	}
	s.log.Info("human documentation reassigned", "encounter_id", id, "request_id", who.RequestID)
	if err := s.notifier.NotifyOnce(ctx, TypeAssigned, id+"@"+now.Format(time.RFC3339Nano), map[string]string{
		"encounter_id": id, "assigned_to": to, "assigned_by": who.ID}); err != nil {
		return nil, err
	}
	return &Item{EncounterID: id, AssignedTo: to, Since: entry.Since}, nil
}

// Documented closes the queue item of an encounter whose human-authored
// version was just signed: audited, recorded in the lifecycle (once), the
// entry removed. An encounter not in the queue (closed before) is left
// alone; one recorded closed whose entry remains (a crash in between) only
// loses the entry.
func (s *Service) Documented(ctx context.Context, who access.Who, meta *encounter.Meta, version int) error {
	if _, err := s.store.HumanEntry(ctx, meta.ID); errors.Is(err, encounter.ErrNotFound) {
		return nil
	} else if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	evs, err := s.store.Events(ctx, meta.ID)
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	// Closed before, but cut short before the entry went: only that is left.
	closed := slices.ContainsFunc(evs, func(ev encounter.Event) bool { return ev.Kind == encounter.EvHumanDocumented })
	if !closed {
		e := who.Entry(audit.EventHumanDocumented, meta)
		e.Version = version
		if _, err := s.store.Transition(ctx, meta.ID, encounter.Event{Kind: encounter.EvHumanDocumented, Version: version, Actor: who.ID,
			Role: string(who.Role), At: s.now().UTC()}, nil, func(ctx context.Context) error { return s.guard.Record(ctx, e) }); err != nil {
			return err
		}
	}
	if err := s.store.CloseHumanEntry(ctx, meta.ID); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "human queue item could not be closed")
	}
	s.log.Info("human documentation closed", "encounter_id", meta.ID, "version", int64(version))
	return nil
}

// Reconcile closes the queue items of encounters whose human-authored
// note was signed but whose closing was cut short (a crash between the
// signature and Documented). The reconciler runs it; it returns how many
// it closed.
func (s *Service) Reconcile(ctx context.Context) (int, error) {
	ids, err := s.store.HumanQueue(ctx)
	if err != nil {
		return 0, phi.Wrap(err, phi.CodeStorage, "human queue unavailable")
	}
	n := 0
	var errs []error
	for _, id := range ids {
		_, evs, states, err := s.store.Versions(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		current := encounter.CurrentSigned(states)
		if current == 0 {
			continue
		}
		var signer encounter.Event
		for _, ev := range evs {
			if ev.Kind == encounter.EvSigned && ev.Version == current {
				signer = ev
			}
		}
		meta, err := s.store.Meta(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		who := access.Who{Principal: access.Principal{ID: signer.Actor, Role: access.Role(signer.Role)}}
		if err := s.Documented(ctx, who, meta, current); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if len(errs) > 0 {
		return n, phi.Wrap(errors.Join(errs...), phi.CodeInternal, "some human documentation items could not be closed")
	}
	return n, nil
}
