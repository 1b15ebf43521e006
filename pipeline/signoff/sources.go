package signoff

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/storage"
)

// TranscriptView is an encounter's source as segments: what drafts cite.
type TranscriptView struct {
	EncounterID string              `json:"encounter_id"`
	Source      string              `json:"source"` // note | sidecar:vtt | sidecar:srt | provider
	Provider    string              `json:"provider,omitempty"`
	Model       string              `json:"model,omitempty"`
	SHA256      string              `json:"sha256,omitempty"`
	CreatedAt   time.Time           `json:"created_at,omitzero"`
	Segments    []encounter.Segment `json:"segments"`
	// Derived is true when no transcript was stored (the encounter never
	// went through the AI stages: human documentation) and the segments
	// were made here from the note or the sidecar transcript, by rule.
	Derived bool `json:"derived,omitempty"`
}

// Transcript returns the segments (with speakers and times for a
// recording) of an encounter for its clinician (or the one documenting it)
// and a reviewer of one of its cases; audited before it is returned. An
// encounter that never reached the AI stages (human documentation) has no
// stored transcript: its note, or its sidecar transcript, is segmented by
// rule, as the summarize stage would; a recording without a sidecar has
// none (listen to the recording).
func (s *Service) Transcript(ctx context.Context, who access.Who, id string) (*TranscriptView, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActReadTranscript, id)
	if err != nil {
		return nil, err
	}
	tv, err := s.transcript(ctx, meta)
	if err != nil {
		return nil, err
	}
	e := who.Entry(audit.EventTranscriptView, meta)
	e.OutputSHA256, e.Count = tv.SHA256, len(tv.Segments)
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	return tv, nil
}

// Segment returns the segment with the ID.
func (t *TranscriptView) Segment(id string) (encounter.Segment, bool) {
	for _, seg := range t.Segments {
		if seg.ID == id {
			return seg, true
		}
	}
	return encounter.Segment{}, false
}

func (s *Service) transcript(ctx context.Context, meta *encounter.Meta) (*TranscriptView, error) {
	t, err := s.store.Transcript(ctx, meta.ID)
	if err == nil {
		return &TranscriptView{EncounterID: meta.ID, Source: t.Source, Provider: t.Provider, Model: t.Model, SHA256: t.SHA256,
			CreatedAt: t.CreatedAt, Segments: t.Segments}, nil
	}
	if !errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Wrap(err, phi.CodeStorage, "transcript unavailable")
	}
	tv := &TranscriptView{EncounterID: meta.ID, Derived: true}
	if in, ok := meta.Input(encounter.RoleNote); ok {
		b, err := s.readInput(ctx, in)
		if err != nil {
			return nil, err
		}
		tv.Source, tv.Segments = "note", source.FromNote(string(b))
	} else if in, ok := meta.Input(encounter.RoleSidecar); ok {
		b, err := s.readInput(ctx, in)
		if err != nil {
			return nil, err
		}
		format := caption.SRT
		if in.ContentType == caption.VTT.ContentType() {
			format = caption.VTT
		}
		cues, err := caption.Parse(b, format)
		if err != nil {
			return nil, phi.WrapPermanent(err, phi.CodeSidecarInvalid, "the sidecar transcript could not be read")
		}
		tv.Source, tv.Segments = "sidecar:"+string(format), source.FromCues(cues)
	} else {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no transcript yet; the recording is at /v1/encounters/%s/source/audio", meta.ID, meta.ID)
	}
	t = &encounter.Transcript{Segments: tv.Segments}
	t.ComputeHash()
	tv.SHA256 = t.SHA256
	return tv, nil
}

func (s *Service) readInput(ctx context.Context, in encounter.Input) ([]byte, error) {
	rc, err := s.store.OpenInput(ctx, in)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "the submitted %s is no longer kept (deleted after sign-off by the retention policy)", in.Role)
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "input unavailable")
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "input could not be read")
	}
	return b, nil
}

// Note returns the note as the clinic submitted it, for the encounter's
// clinician (or the one documenting it); audited before it is returned.
func (s *Service) Note(ctx context.Context, who access.Who, id string) ([]byte, string, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActReadSource, id)
	if err != nil {
		return nil, "", err
	}
	in, ok := meta.Input(encounter.RoleNote)
	if !ok {
		return nil, "", phi.Permanentf(phi.CodeNotFound, "encounter %s is a recording, not a note", id)
	}
	if err := s.recordSource(ctx, who, meta, in); err != nil {
		return nil, "", err
	}
	b, err := s.readInput(ctx, in)
	return b, in.ContentType, err
}

// Recording is the submitted audio, readable at any offset.
type Recording struct {
	ContentType string
	Size        int64
	Modified    time.Time
	*storage.SeekReader
}

// Recording opens the submitted recording for the encounter's clinician
// (or the one documenting it), seekable for HTTP range requests: only the
// 64 KiB segments read are decrypted. The read is audited before it is
// opened. The caller closes it.
func (s *Service) Recording(ctx context.Context, who access.Who, id string) (*Recording, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActReadSource, id)
	if err != nil {
		return nil, err
	}
	in, ok := meta.Input(encounter.RoleAudio)
	if !ok {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s is a note, not a recording", id)
	}
	if err := s.recordSource(ctx, who, meta, in); err != nil {
		return nil, err
	}
	r, err := s.store.SeekInput(ctx, in)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "the recording is no longer kept (deleted after sign-off by the retention policy)")
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "recording unavailable")
	}
	return &Recording{ContentType: in.ContentType, Size: in.Size, Modified: meta.CreatedAt, SeekReader: r}, nil
}

func (s *Service) recordSource(ctx context.Context, who access.Who, meta *encounter.Meta, in encounter.Input) error {
	e := who.Entry(audit.EventSourceRead, meta)
	e.ObjectID, e.InputSHA256 = in.Role, in.SHA256
	return s.guard.Record(ctx, e)
}
