package encounter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/clinscribe/clinscribe/storage"
)

// Index writes the encounter's worklist entries (IndexKeys), each once:
// an entry already there (a retry, the reconciler) is left as it is. The
// entries hold nothing; their keys say everything a worklist needs to find
// the encounter. Having no content, they are written to the store under
// the vault, unsealed (entries written sealed by earlier versions are
// listed, found and removed the same way).
//
// The entries are independent objects, so they are written concurrently
// (storage.CommitAll): their flushes or PUTs overlap. It returns once all
// are durable.
func (s *Store) Index(ctx context.Context, m *Meta) error {
	si, err := s.StageIndex(ctx, m)
	if err != nil {
		return err
	}
	defer si.Abort()
	if err := storage.CommitAll(ctx, si.entries); err != nil {
		return fmt.Errorf("encounter.Index: %w", err)
	}
	return nil
}

// Indexed reports whether every worklist entry of the encounter exists.
func (s *Store) Indexed(ctx context.Context, m *Meta) (bool, error) {
	for _, k := range IndexKeys(m) {
		ok, err := storage.Exists(ctx, s.entries, k)
		if err != nil {
			return false, fmt.Errorf("encounter.Indexed: %w", err)
		}
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

// Unindex removes the encounter's worklist entries (deletion).
func (s *Store) Unindex(ctx context.Context, m *Meta) error {
	var errs []error
	for _, k := range IndexKeys(m) {
		errs = append(errs, s.entries.Delete(ctx, k))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("encounter.Unindex: %w", err)
	}
	return nil
}

// IndexEntries lists the worklist entries under prefix (one of the
// *IndexPrefix functions), oldest first.
func (s *Store) IndexEntries(ctx context.Context, prefix string) ([]string, error) {
	keys, err := s.vault.List(ctx, prefix)
	if err != nil {
		return nil, fmt.Errorf("encounter.IndexEntries: %w", err)
	}
	return keys, nil
}

// HumanEntry is what an encounter's entry in the human documentation queue
// holds: who documents it, since when.
type HumanEntry struct {
	AssignedTo string    `json:"assigned_to"`
	Since      time.Time `json:"since"`
}

// PutHumanEntry lists the encounter in the human documentation queue (or
// records its reassignment).
func (s *Store) PutHumanEntry(ctx context.Context, id string, e HumanEntry) error {
	if err := s.putJSON(ctx, HumanKey(id), e, storage.Overwrite); err != nil {
		return fmt.Errorf("encounter.PutHumanEntry: %w", err)
	}
	return nil
}

// HumanEntry loads the encounter's human queue entry; ErrNotFound when it
// is not (or no longer) in the queue. Entries written before assignments
// were recorded are empty: they read as assigned to no one in particular.
func (s *Store) HumanEntry(ctx context.Context, id string) (HumanEntry, error) {
	var e HumanEntry
	raw, err := storage.ReadAll(ctx, s.vault, HumanKey(id))
	if err != nil {
		return e, mapErr(err)
	}
	if len(raw) == 0 {
		return e, nil
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		return e, fmt.Errorf("encounter.HumanEntry: %w", err)
	}
	return e, nil
}

// CloseHumanEntry removes the encounter from the human documentation queue.
func (s *Store) CloseHumanEntry(ctx context.Context, id string) error {
	if err := s.vault.Delete(ctx, HumanKey(id)); err != nil {
		return fmt.Errorf("encounter.CloseHumanEntry: %w", err)
	}
	return nil
}

// HumanQueue lists the IDs of encounters in the human documentation queue.
func (s *Store) HumanQueue(ctx context.Context) ([]string, error) {
	keys, err := s.vault.List(ctx, HumanPrefix)
	if err != nil {
		return nil, fmt.Errorf("encounter.HumanQueue: %w", err)
	}
	ids := make([]string, 0, len(keys))
	for _, k := range keys {
		if id, ok := IDAfter(k, HumanPrefix); ok {
			ids = append(ids, id)
		}
	}
	return ids, nil
}
