package encounter

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/storage"
)

// ErrNotFound means the encounter, or the record asked for, does not exist.
var ErrNotFound = errors.New("encounter: not found")

// ErrDeleted means the encounter was deleted: its key is destroyed, so
// whatever of it remains can never be read. It wraps ErrNotFound.
var ErrDeleted = fmt.Errorf("%w: the encounter was deleted", ErrNotFound)

// Store keeps encounter records in an encrypting Blobstore.
type Store struct {
	vault storage.Blobstore
	// entries is the store under the vault, for the worklist entries:
	// empty objects whose keys (pseudonymous references, clinician IDs,
	// dates, encounter IDs) are all they say, so there is no content to
	// seal, and on the local store each is one link (storage.Local).
	entries storage.Blobstore
}

// NewStore returns a Store over vault, which must encrypt (a storage.Vault):
// everything written here is PHI.
func NewStore(vault *storage.Vault) *Store { return &Store{vault: vault, entries: vault.Store()} }

func (s *Store) putJSON(ctx context.Context, key string, v any, mode storage.WriteMode) error {
	return storage.PutJSON(ctx, s.vault, key, v, mode)
}

func (s *Store) getJSON(ctx context.Context, key string, v any) error {
	return mapErr(storage.GetJSON(ctx, s.vault, key, v))
}

// mapErr turns storage's not-found and shredded errors into the
// encounter's own.
func mapErr(err error) error {
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return ErrNotFound
	case errors.Is(err, storage.ErrShredded):
		return ErrDeleted
	}
	return err
}

// PutInput stores one input's bytes, streaming, and returns its description
// (size and SHA-256 of the plaintext).
func (s *Store) PutInput(ctx context.Context, id, role, contentType string, r io.Reader) (Input, error) {
	return s.PutAttemptInput(ctx, id, role, "", contentType, r)
}

// PutAttemptInput is PutInput for a retried submission: each attempt
// (a short random tag; "" for the first) writes its own object, so no
// attempt overwrites what another may already have committed.
func (s *Store) PutAttemptInput(ctx context.Context, id, role, attempt, contentType string, r io.Reader) (Input, error) {
	h := sha256.New()
	cr := &countingReader{r: io.TeeReader(r, h)}
	key := inputKey(id, role)
	if attempt != "" {
		key += "." + attempt
	}
	if err := s.vault.Put(ctx, key, cr, storage.CreateOnly); err != nil {
		return Input{}, fmt.Errorf("encounter.PutInput: %w", err)
	}
	return Input{Role: role, Key: key, ContentType: contentType, Size: cr.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// OpenInput opens an input's plaintext: its object, or its inline text.
func (s *Store) OpenInput(ctx context.Context, in Input) (io.ReadCloser, error) {
	if in.Key == "" {
		return io.NopCloser(strings.NewReader(in.Text)), nil
	}
	rc, err := s.vault.Get(ctx, in.Key)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, ErrNotFound
	}
	return rc, err
}

// SeekInput opens an input's plaintext for reading at any offset (a
// recording served with HTTP range requests).
func (s *Store) SeekInput(ctx context.Context, in Input) (*storage.SeekReader, error) {
	v, ok := s.vault.(*storage.Vault)
	if in.Key == "" {
		return nil, fmt.Errorf("encounter.SeekInput: the input is kept inline, not as an object")
	}
	if !ok {
		return nil, fmt.Errorf("encounter.SeekInput: the store does not encrypt")
	}
	r, err := v.OpenSeeker(ctx, in.Key, in.Size)
	if err != nil {
		return nil, mapErr(err)
	}
	return r, nil
}

// Begin marks a new encounter open before anything else of it is written
// (again, with a fresh time, when a retried submission takes it over),
// so that whatever a crash leaves of a submission (inputs without a Meta)
// is found by the reconciler and removed once it is older than any upload
// could take.
func (s *Store) Begin(ctx context.Context, id string, m OpenMarker) error {
	st, err := s.StageBegin(ctx, id, m)
	if err != nil {
		return err
	}
	defer st.Abort()
	return st.Commit(ctx)
}

// Prepare readies the key the encounter's objects will be sealed under
// (storage.Vault.PublishPrepare), so the first write of its scope, the
// Meta, does not wait for the key ring's own durable write. Submit runs it
// beside the open marker and the audit entry. It writes nothing to the
// data store. It returns once objects of the encounter can be sealed and
// staged; wait returns once the key is durable, and no object of the
// encounter may be committed before it has (on the local store the
// Meta's staged content and the key's name share one flush).
func (s *Store) Prepare(ctx context.Context, id string) (wait func() error, err error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("encounter.Prepare: invalid ID")
	}
	keyWait := func() error { return nil }
	switch v := s.vault.(type) {
	case interface {
		PublishPrepare(ctx context.Context, key string) (func() error, error)
	}:
		keyWait, err = v.PublishPrepare(ctx, metaKey(id))
	case interface {
		Prepare(ctx context.Context, key string) error
	}:
		err = v.Prepare(ctx, metaKey(id))
	}
	if err != nil {
		return nil, fmt.Errorf("encounter.Prepare: %w", err)
	}
	return func() error {
		if err := keyWait(); err != nil {
			return fmt.Errorf("encounter.Prepare: %w", err)
		}
		return nil
	}, nil
}

// Create writes the encounter's Meta, once. It is a submission's commit
// point: an encounter without a Meta never happened and is cleaned up; one
// with a Meta is carried through. Begin comes first.
func (s *Store) Create(ctx context.Context, m *Meta) error {
	if !ValidID(m.ID) {
		return fmt.Errorf("encounter.Create: invalid ID")
	}
	if err := s.putJSON(ctx, metaKey(m.ID), m, storage.CreateOnly); err != nil {
		return fmt.Errorf("encounter.Create: %w", err)
	}
	return nil
}

// Meta loads the encounter's Meta.
func (s *Store) Meta(ctx context.Context, id string) (*Meta, error) {
	if !ValidID(id) {
		return nil, ErrNotFound
	}
	var m Meta
	if err := s.getJSON(ctx, metaKey(id), &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// SetStage records a stage's status. Only the stage's own task writes it,
// and only when there is something its output does not say: a failure, a
// wait, a regeneration asked for, or done replacing one of those.
func (s *Store) SetStage(ctx context.Context, id string, st StageStatus) error {
	if err := s.putJSON(ctx, stageKey(id, st.Stage), st, storage.Overwrite); err != nil {
		return fmt.Errorf("encounter.SetStage: %w", err)
	}
	return nil
}

// StageRecord loads a stage's stored status as it was written;
// ErrNotFound if none was (a stage that never failed or waited has none).
func (s *Store) StageRecord(ctx context.Context, id string, stage Stage) (StageStatus, error) {
	var st StageStatus
	err := s.getJSON(ctx, stageKey(id, stage), &st)
	return st, err
}

// Stage loads one stage's status; ErrNotFound if the stage has neither a
// status nor its output (pending). A stage's output is its done status:
// transcribe is done once the transcript is stored, summarize once draft
// version 1 is; a status record is written only when a stage fails or
// waits (issue 18: one object write fewer per stage and encounter), and
// a record that is not terminal is overruled by the output.
func (s *Store) Stage(ctx context.Context, id string, stage Stage) (StageStatus, error) {
	st, err := s.StageRecord(ctx, id, stage)
	if err == nil && st.State.Terminal() || err != nil && !errors.Is(err, ErrNotFound) || stage == StageRegenerate {
		return st, err
	}
	at, done, oerr := s.stageOutput(ctx, id, stage)
	if oerr != nil {
		return st, oerr
	}
	if !done {
		return st, err
	}
	if err != nil {
		st = StageStatus{Stage: stage, Attempt: 1, Since: at}
	}
	st.State, st.UpdatedAt, st.Failure = StateDone, at, nil
	return st, nil
}

// stageOutput reports whether the stage's output is stored, and when it
// was made.
func (s *Store) stageOutput(ctx context.Context, id string, stage Stage) (time.Time, bool, error) {
	var err error
	var at time.Time
	switch stage {
	case StageTranscribe:
		var t *Transcript
		if t, err = s.transcriptObject(ctx, id); err == nil {
			at = t.CreatedAt
		}
	case StageSummarize:
		var d *Draft
		if d, err = s.Draft(ctx, id, 1); err == nil {
			at = d.CreatedAt
		}
	default:
		return at, false, nil
	}
	if errors.Is(err, ErrNotFound) {
		return at, false, nil
	}
	return at, err == nil, err
}

// StageStatuses are an encounter's stage statuses as a status view shows
// them: a stage that does not apply is skipped, one never started pending;
// a regeneration's status follows when one was ever asked for.
func (s *Store) StageStatuses(ctx context.Context, meta *Meta) ([]StageStatus, error) {
	applies := map[Stage]bool{}
	for _, st := range meta.Stages() {
		applies[st] = true
	}
	var out []StageStatus
	for _, stage := range append(Stages[:len(Stages):len(Stages)], StageRegenerate) {
		st, err := s.Stage(ctx, meta.ID, stage)
		switch {
		case stage == StageRegenerate && errors.Is(err, ErrNotFound):
			continue
		case stage == StageRegenerate:
		case !applies[stage]:
			st, err = StageStatus{Stage: stage, State: StateSkipped}, nil
		case errors.Is(err, ErrNotFound):
			st, err = StageStatus{Stage: stage, State: StatePending}, nil
		}
		if err != nil {
			return nil, fmt.Errorf("encounter.StageStatuses: %w", err)
		}
		out = append(out, st)
	}
	return out, nil
}

// PutTranscript stores the transcript once. If one is already stored (a
// retried task), that one is returned and wins.
func (s *Store) PutTranscript(ctx context.Context, t *Transcript) (*Transcript, error) {
	err := s.putJSON(ctx, transcriptKey(t.EncounterID), t, storage.CreateOnly)
	if errors.Is(err, storage.ErrExists) {
		return s.transcriptObject(ctx, t.EncounterID)
	}
	if err != nil {
		return nil, fmt.Errorf("encounter.PutTranscript: %w", err)
	}
	return t, nil
}

// Transcript loads the source segments drafts cite: the stored transcript
// of a recording or, for a note, the segments stored with draft version 1
// (PutDraftWithSource); ErrNotFound if there are none yet.
func (s *Store) Transcript(ctx context.Context, id string) (*Transcript, error) {
	t, err := s.transcriptObject(ctx, id)
	if !errors.Is(err, ErrNotFound) {
		return t, err
	}
	var rec draftRecord
	if err := s.getJSON(ctx, draftKey(id, 1), &rec); err != nil {
		return nil, err
	}
	if rec.Source == nil {
		return nil, ErrNotFound
	}
	return rec.Source, nil
}

func (s *Store) transcriptObject(ctx context.Context, id string) (*Transcript, error) {
	var t Transcript
	if err := s.getJSON(ctx, transcriptKey(id), &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// ErrVersionExists means a draft with that version number is already stored.
var ErrVersionExists = errors.New("encounter: draft version already exists")

// draftRecord is a draft version as stored: the version, and for the
// first AI version of a note the segments it was made from (what a
// recording keeps in transcript.json). Stored together, they are one
// object written once; the source never leaves the store inside a Draft.
type draftRecord struct {
	*Draft
	Source *Transcript `json:"source,omitempty"`
}

// PutDraft stores a new draft version. Versions are immutable: storing a
// version that exists fails with ErrVersionExists.
func (s *Store) PutDraft(ctx context.Context, d *Draft) error {
	return s.PutDraftWithSource(ctx, d, nil)
}

// PutDraftWithSource is PutDraft for the first draft of a note: src, the
// note's segments the draft cites, is stored in the same object, so the
// draft and its evidence commit together (or not at all) in one write.
// Transcript returns it from then on.
func (s *Store) PutDraftWithSource(ctx context.Context, d *Draft, src *Transcript) error {
	if d.Version < 1 {
		return fmt.Errorf("encounter.PutDraft: version %d", d.Version)
	}
	err := s.putJSON(ctx, draftKey(d.EncounterID, d.Version), draftRecord{Draft: d, Source: src}, storage.CreateOnly)
	if errors.Is(err, storage.ErrExists) {
		return ErrVersionExists
	}
	if err != nil {
		return fmt.Errorf("encounter.PutDraft: %w", err)
	}
	return nil
}

// Draft loads one draft version.
func (s *Store) Draft(ctx context.Context, id string, version int) (*Draft, error) {
	d := &Draft{}
	if err := s.getJSON(ctx, draftKey(id, version), &draftRecord{Draft: d}); err != nil {
		return nil, err
	}
	return d, nil
}

// DraftVersions lists the stored version numbers, ascending.
func (s *Store) DraftVersions(ctx context.Context, id string) ([]int, error) {
	keys, err := s.vault.List(ctx, draftPrefix(id))
	if err != nil {
		return nil, fmt.Errorf("encounter.DraftVersions: %w", err)
	}
	var vs []int
	for _, k := range keys {
		name := strings.TrimSuffix(strings.TrimPrefix(k, draftPrefix(id)+"v"), ".json")
		if v, err := strconv.Atoi(name); err == nil {
			vs = append(vs, v)
		}
	}
	sort.Ints(vs)
	return vs, nil
}

// Drafts loads every draft version, oldest first.
func (s *Store) Drafts(ctx context.Context, id string) ([]*Draft, error) {
	vs, err := s.DraftVersions(ctx, id)
	if err != nil {
		return nil, err
	}
	ds := make([]*Draft, 0, len(vs))
	for _, v := range vs {
		d, err := s.Draft(ctx, id, v)
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	return ds, nil
}

// OpenMarker is what an encounter's open marker holds: enough to clean up
// a submission that never reached its commit point.
type OpenMarker struct {
	PatientRef string    `json:"patient_ref,omitempty"`
	Since      time.Time `json:"since"`
}

// Marker loads the open marker of the encounter; ErrNotFound if it is
// closed.
func (s *Store) Marker(ctx context.Context, id string) (OpenMarker, error) {
	var m OpenMarker
	err := s.getJSON(ctx, openKey(id), &m)
	return m, err
}

// MarkClosed clears the open marker.
func (s *Store) MarkClosed(ctx context.Context, id string) error {
	return s.vault.Delete(ctx, openKey(id))
}

// MarkDone clears the open marker of an encounter whose work is done
// without waiting for the removal to be durable (storage.DeleteLazy): if a
// crash brings the marker back, the reconciler finds nothing left to do
// and clears it again.
func (s *Store) MarkDone(ctx context.Context, id string) error {
	return storage.DeleteLazy(ctx, s.vault, openKey(id))
}

// Open lists the IDs of encounters with work left: the pipeline has not
// finished them, or their submission never completed (Begin).
func (s *Store) Open(ctx context.Context) ([]string, error) {
	keys, err := s.vault.List(ctx, OpenPrefix)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(keys))
	for _, k := range keys {
		if id, ok := IDAfter(k, OpenPrefix); ok {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// List returns the IDs of all encounters, sorted.
func (s *Store) List(ctx context.Context) ([]string, error) {
	keys, err := s.vault.List(ctx, EncountersPrefix)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, k := range keys {
		if id, rest, ok := SplitKey(k); ok && rest == "meta.json" {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
