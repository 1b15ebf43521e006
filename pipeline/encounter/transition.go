package encounter

import (
	"context"
	"errors"

	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Versions loads an encounter's draft versions (oldest first) and its
// lifecycle events, and folds them into each version's current state.
// Errors are *phi.Error.
func (s *Store) Versions(ctx context.Context, id string) ([]*Draft, []Event, map[int]*VersionState, error) {
	drafts, err := s.Drafts(ctx, id)
	if err != nil {
		return nil, nil, nil, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	evs, err := s.Events(ctx, id)
	if err != nil {
		return nil, nil, nil, phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	return drafts, evs, Fold(drafts, evs), nil
}

// Transition appends ev to the encounter's lifecycle, the one way an action
// on a draft takes effect (sign, reject, review, human routing...). check,
// if set, sees the versions and their states as they stand at the moment
// of writing and may refuse; record (the action's audit entry) runs once,
// after the first approving check and before the event is written, so an
// action never takes effect unaudited. An encounter being deleted refuses
// every transition. Errors are *phi.Error.
func (s *Store) Transition(ctx context.Context, id string, ev Event,
	check func([]*Draft, map[int]*VersionState) error, record func(context.Context) error) (Event, error) {
	drafts, err := s.Drafts(ctx, id)
	if err != nil {
		return ev, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	if len(drafts) == 0 && ev.Kind != EvHumanRouted && ev.Kind != EvHumanAssigned {
		return ev, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft yet", id)
	}
	recorded := false
	out, err := s.AppendEvent(ctx, id, ev, func(evs []Event) error {
		if Deleting(evs) {
			return phi.Permanentf(phi.CodeConflict, "encounter %s is being deleted", id)
		}
		if check != nil {
			if err := check(drafts, Fold(drafts, evs)); err != nil {
				return err
			}
		}
		if !recorded && record != nil {
			if err := record(ctx); err != nil {
				return err
			}
			recorded = true
		}
		return nil
	})
	var pe *phi.Error
	switch {
	case errors.As(err, &pe):
		return out, pe
	case errors.Is(err, ErrConflict):
		return out, phi.Errorf(phi.CodeConflict, "the draft changed concurrently; try again")
	case err != nil:
		return out, phi.Wrap(err, phi.CodeStorage, "lifecycle could not be stored")
	}
	return out, nil
}
