package encounter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/clinscribe/clinscribe/storage"
)

// Staged is a record written ahead of its commit (storage.Stage): its
// content is sealed and on its way to durable storage, but nothing sees
// it until Commit, which then costs a link and one flush on the local
// store. A submission stages its Meta and worklist entries, and a stage
// its draft, before the audit entry or the object that must precede
// them, so those flushes overlap instead of following each other.
type Staged struct {
	st     storage.Staged
	mapErr func(error) error
}

// Commit makes the record visible and durable, with the error the
// matching write (Create, PutDraftWithSource) would return.
func (s *Staged) Commit(ctx context.Context) error {
	return s.mapErr(s.st.Commit(ctx))
}

// WaitContent returns once the staged record's content is durable
// (storage.WaitContent), so that Commit waits only for its name.
func (s *Staged) WaitContent() error {
	return s.mapErr(storage.WaitContent(s.st))
}

// Publish is Commit in two steps (storage.Publisher): the record is made
// visible now, and wait returns once it is durable. A caller with other
// work to do before it needs the record durable (Submit: the Meta to stage
// before the open marker must be durable) lets that work share the
// marker's flush on the local store; elsewhere Publish commits and wait
// does nothing.
func (s *Staged) Publish(ctx context.Context) (wait func() error, err error) {
	p, ok := s.st.(storage.Publisher)
	if !ok {
		if err := s.Commit(ctx); err != nil {
			return nil, err
		}
		return func() error { return nil }, nil
	}
	w, err := p.Publish(ctx)
	if err != nil {
		return nil, s.mapErr(err)
	}
	return func() error { return s.mapErr(w()) }, nil
}

// Abort discards an uncommitted record.
func (s *Staged) Abort() { s.st.Abort() }

// CommitIndexed commits the record (a Meta) and then the encounter's
// worklist entries, and returns once all are durable: no entry is seen
// before the record, and on the local store the record and the entries
// share one flush (storage.CommitInOrder). recordErr is what Commit would
// return (then no entry was written); indexErr is the entries'.
func (s *Staged) CommitIndexed(ctx context.Context, idx *StagedIndex) (recordErr, indexErr error) {
	recordErr, indexErr = storage.CommitInOrder(ctx, s.st, idx.entries)
	if indexErr != nil {
		indexErr = fmt.Errorf("encounter.Index: %w", indexErr)
	}
	return s.mapErr(recordErr), indexErr
}

// stageJSON stages v's JSON under key. A CreateOnly key found taken while
// staging is reported by Commit, as a Put would report it, so the caller's
// steps between staging and committing run as they did with a Put.
func (s *Store) stageJSON(ctx context.Context, key string, v any, mode storage.WriteMode) (storage.Staged, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	st, err := storage.Stage(ctx, s.vault, key, bytes.NewReader(b), mode)
	if errors.Is(err, storage.ErrExists) {
		return failedStage{err}, nil
	}
	return st, err
}

// prefixErr returns a mapping of errors that names the operation (nil
// stays nil), for a Staged's Commit and the staging before it.
func prefixErr(op string) func(error) error {
	return func(err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	}
}

// failedStage is a staged write whose Commit fails with err.
type failedStage struct{ err error }

func (f failedStage) Commit(context.Context) error { return f.err }
func (failedStage) Abort()                         {}

// StageBegin is Begin in two steps: the open marker is sealed and staged
// now; Commit makes it the encounter's first durable trace. Its name may
// become durable before its content (storage.OverwriteNameFirst: one
// flush instead of two on the submission's serial path): a marker a power
// loss left unreadable is reaped as an old one (Pipeline.Reconcile), which
// it is, since the submission that wrote it died with the machine.
func (s *Store) StageBegin(ctx context.Context, id string, m OpenMarker) (*Staged, error) {
	wrap := prefixErr("encounter.Begin")
	if !ValidID(id) {
		return nil, wrap(errors.New("invalid ID"))
	}
	st, err := s.stageJSON(ctx, openKey(id), m, storage.OverwriteNameFirst)
	if err != nil {
		return nil, wrap(err)
	}
	return &Staged{st: st, mapErr: wrap}, nil
}

// StageCreate is Create in two steps: the Meta is sealed and staged now;
// Commit is the submission's commit point, and returns what Create would
// (storage.ErrExists, wrapped, if the encounter exists).
func (s *Store) StageCreate(ctx context.Context, m *Meta) (*Staged, error) {
	if !ValidID(m.ID) {
		return nil, fmt.Errorf("encounter.Create: invalid ID")
	}
	wrap := prefixErr("encounter.Create")
	st, err := s.stageJSON(ctx, metaKey(m.ID), m, storage.CreateOnly)
	if err != nil {
		return nil, wrap(err)
	}
	return &Staged{st: st, mapErr: wrap}, nil
}

// StageDraft is PutDraftWithSource in two steps: the draft is sealed and
// staged now, Commit stores it (ErrVersionExists if the version exists).
func (s *Store) StageDraft(ctx context.Context, d *Draft, src *Transcript) (*Staged, error) {
	if d.Version < 1 {
		return nil, fmt.Errorf("encounter.PutDraft: version %d", d.Version)
	}
	wrap := func(err error) error {
		switch {
		case err == nil:
			return nil
		case errors.Is(err, storage.ErrExists):
			return ErrVersionExists
		}
		return fmt.Errorf("encounter.PutDraft: %w", err)
	}
	st, err := s.stageJSON(ctx, draftKey(d.EncounterID, d.Version), draftRecord{Draft: d, Source: src}, storage.CreateOnly)
	if err != nil {
		return nil, wrap(err)
	}
	return &Staged{st: st, mapErr: wrap}, nil
}

// StagedIndex is the worklist entries of an encounter, staged (StageIndex).
type StagedIndex struct {
	entries []storage.Staged
}

// StageIndex stages the encounter's worklist entries (an entry already
// there is left as it is); Index or Staged.CommitIndexed commits them.
func (s *Store) StageIndex(ctx context.Context, m *Meta) (*StagedIndex, error) {
	si := &StagedIndex{}
	for _, k := range IndexKeys(m) {
		st, err := storage.Stage(ctx, s.entries, k, strings.NewReader(""), storage.CreateOnly)
		if errors.Is(err, storage.ErrExists) {
			continue
		}
		if err != nil {
			si.Abort()
			return nil, fmt.Errorf("encounter.Index: %w", err)
		}
		si.entries = append(si.entries, st)
	}
	return si, nil
}

// Abort discards the entries not yet committed.
func (si *StagedIndex) Abort() {
	for _, st := range si.entries {
		st.Abort()
	}
}
