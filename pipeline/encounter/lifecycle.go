package encounter

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/storage"
)

// EventKind is a step in a draft's life.
type EventKind string

const (
	EvSigned          EventKind = "signed"           // a clinician signed a version
	EvRejected        EventKind = "rejected"         // a clinician rejected an AI draft
	EvEnteredInError  EventKind = "entered_in_error" // a signed version was retracted
	EvReviewRequested EventKind = "review_requested" // a patient asked for human review
	EvReviewDecided   EventKind = "review_decided"   // a reviewer decided
	EvHumanRouted     EventKind = "human_routed"     // sent to human documentation (AI opt-out)
	// EvHumanAssigned names the clinician who documents an encounter by
	// hand (AssignedTo); the latest one stands. Routing assigns the
	// encounter's own clinician without an event.
	EvHumanAssigned EventKind = "human_assigned"
	// EvHumanDocumented closes the human documentation queue item: a
	// human-authored version (Version) was signed.
	EvHumanDocumented EventKind = "human_documented"
	// EvRegenerateRequested asks the AI for a new draft version (Version:
	// the number it will have), after a rejection or a transcript fix.
	EvRegenerateRequested EventKind = "regenerate_requested"
	// EvDeletionStarted orders a deletion among the lifecycle's events:
	// after it, nothing more may happen to the encounter (a signature
	// racing with the deletion is refused). EvDeletionAbandoned lifts it
	// when the deletion stopped before anything was destroyed.
	EvDeletionStarted   EventKind = "deletion_started"
	EvDeletionAbandoned EventKind = "deletion_abandoned"
)

// Deleting reports whether the events leave the encounter being deleted.
func Deleting(evs []Event) bool {
	deleting := false
	for _, ev := range evs {
		switch ev.Kind {
		case EvDeletionStarted:
			deleting = true
		case EvDeletionAbandoned:
			deleting = false
		}
	}
	return deleting
}

// Event is one immutable entry of an encounter's lifecycle log. Versions
// are immutable; their status is the fold of these events.
type Event struct {
	Seq           int       `json:"seq"`
	Kind          EventKind `json:"kind"`
	Version       int       `json:"version,omitempty"`
	Actor         string    `json:"actor"`
	Role          string    `json:"role"`
	At            time.Time `json:"at"`
	ContentSHA256 string    `json:"content_sha256,omitempty"` // what a signature binds to
	Attestation   string    `json:"attestation,omitempty"`    // the statement the signer made
	Reason        string    `json:"reason,omitempty"`
	CaseID        string    `json:"case_id,omitempty"`
	Decision      string    `json:"decision,omitempty"`
	AssignedTo    string    `json:"assigned_to,omitempty"` // EvHumanAssigned: the clinician
}

// ErrConflict means the lifecycle changed under a writer too often.
var ErrConflict = errors.New("encounter: concurrent lifecycle change")

// AppendEvent adds ev at the next sequence number. Writers race through
// CreateOnly; the loser rereads and retries, so events are totally ordered.
// check, if set, sees the events so far and may refuse the new one.
func (s *Store) AppendEvent(ctx context.Context, id string, ev Event, check func([]Event) error) (Event, error) {
	for range 8 {
		evs, err := s.Events(ctx, id)
		if err != nil {
			return ev, err
		}
		if check != nil {
			if err := check(evs); err != nil {
				return ev, err
			}
		}
		ev.Seq = len(evs) + 1
		key := fmt.Sprintf("%s%06d.json", eventPrefix(id), ev.Seq)
		err = s.putJSON(ctx, key, ev, storage.CreateOnly)
		if errors.Is(err, storage.ErrExists) {
			continue
		}
		if err != nil {
			return ev, fmt.Errorf("encounter.AppendEvent: %w", err)
		}
		return ev, nil
	}
	return ev, ErrConflict
}

// Events loads the lifecycle log in order.
func (s *Store) Events(ctx context.Context, id string) ([]Event, error) {
	keys, err := s.vault.List(ctx, eventPrefix(id))
	if err != nil {
		return nil, fmt.Errorf("encounter.Events: %w", err)
	}
	sort.Slice(keys, func(i, j int) bool { return seqOf(keys[i]) < seqOf(keys[j]) })
	evs := make([]Event, 0, len(keys))
	for _, k := range keys {
		var ev Event
		if err := s.getJSON(ctx, k, &ev); err != nil {
			return nil, err
		}
		evs = append(evs, ev)
	}
	return evs, nil
}

func seqOf(key string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(key[strings.LastIndex(key, "/")+1:], ".json"))
	return n
}

// VersionState is a version's status after its lifecycle events.
type VersionState struct {
	Version     int         `json:"version"`
	Status      DraftStatus `json:"status"`
	SignedBy    string      `json:"signed_by,omitempty"`
	SignedAt    time.Time   `json:"signed_at,omitzero"`
	Attestation string      `json:"attestation,omitempty"`
	UnderReview bool        `json:"under_review"`
	// SupersededBy is the signed version that replaced this one (set with
	// status superseded).
	SupersededBy int `json:"superseded_by,omitempty"`
}

// Signed reports whether the version stands signed (final or amended).
func (v *VersionState) Signed() bool { return v.Status == DraftFinal || v.Status == DraftAmended }

// Fold computes each version's state from the drafts and the events.
// Rules: every version starts preliminary; a signature makes a version
// made from scratch (by the AI, or written by a clinician for human
// documentation) final and an edit of another version amended; rejection
// applies to preliminary versions; entered-in-error to signed ones; a
// version is under review while a patient's review case on it is open.
// Once a later version stands signed, every earlier version that was
// signed or still preliminary is superseded by it: it is kept, but it is
// no longer the note (and no longer waits for a signature). Retracting the
// later version (entered in error) makes the earlier signed one stand again.
func Fold(drafts []*Draft, evs []Event) map[int]*VersionState {
	st := map[int]*VersionState{}
	edited := map[int]bool{}
	for _, d := range drafts {
		st[d.Version] = &VersionState{Version: d.Version, Status: DraftPreliminary}
		edited[d.Version] = d.Parent != 0
	}
	openCases := map[string]int{}
	for _, ev := range evs {
		v := st[ev.Version]
		switch ev.Kind {
		case EvSigned:
			if v != nil && v.Status == DraftPreliminary {
				v.Status = DraftFinal
				if edited[ev.Version] {
					v.Status = DraftAmended
				}
				v.SignedBy, v.SignedAt, v.Attestation = ev.Actor, ev.At, ev.Attestation
			}
		case EvRejected:
			if v != nil && v.Status == DraftPreliminary {
				v.Status = DraftRejected
			}
		case EvEnteredInError:
			if v != nil && v.Signed() {
				v.Status = DraftEnteredInError
			}
		case EvReviewRequested:
			openCases[ev.CaseID] = ev.Version
		case EvReviewDecided:
			delete(openCases, ev.CaseID)
		}
	}
	for _, version := range openCases {
		if v := st[version]; v != nil {
			v.UnderReview = true
		}
	}
	if current := CurrentSigned(st); current > 0 {
		for version, v := range st {
			if version < current && (v.Signed() || v.Status == DraftPreliminary) {
				v.Status, v.SupersededBy = DraftSuperseded, current
			}
		}
	}
	return st
}

// CurrentSigned is the latest version that stands signed (final or
// amended), or 0: the note as it stands.
func CurrentSigned(states map[int]*VersionState) int {
	current := 0
	for version, v := range states {
		if v.Signed() && version > current {
			current = version
		}
	}
	return current
}

// PendingAfter lists the preliminary versions newer than version (the
// amendments waiting for a signature), oldest first.
func PendingAfter(states map[int]*VersionState, version int) []int {
	var out []int
	for v, st := range states {
		if v > version && st.Status == DraftPreliminary {
			out = append(out, v)
		}
	}
	sort.Ints(out)
	return out
}

// LastSigned returns when the latest signature still standing (a final or
// amended version) was given; ok is false if no version stands signed.
func LastSigned(states map[int]*VersionState) (at time.Time, ok bool) {
	for _, st := range states {
		if st.Signed() && st.SignedAt.After(at) {
			at = st.SignedAt
		}
	}
	return at, !at.IsZero()
}
