package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/source"
)

func (p *Pipeline) call(meta *encounter.Meta, run Run) ai.Call {
	return ai.Call{EncounterID: meta.ID, PatientRef: meta.PatientRef, TaskID: run.TaskID, Actor: "system:worker", Role: "system"}
}

// transcribe turns the recording into a transcript, once.
func (p *Pipeline) transcribe(ctx context.Context, meta *encounter.Meta, run Run) (encounter.Stage, error) {
	if meta.Kind != encounter.KindRecording {
		return encounter.StageSummarize, nil
	}
	if _, err := p.store.Transcript(ctx, meta.ID); err == nil {
		return encounter.StageSummarize, nil // an earlier attempt got this far
	} else if !errors.Is(err, encounter.ErrNotFound) {
		return "", phi.Wrap(err, phi.CodeStorage, "transcript unavailable")
	}
	audioIn, ok := meta.Input(encounter.RoleAudio)
	if !ok {
		return "", phi.Permanentf(phi.CodeInvalidInput, "encounter has no recording")
	}
	req := &ai.TranscribeRequest{Audio: ai.Media{
		ContentType: audioIn.ContentType, Size: audioIn.Size, SHA256: audioIn.SHA256,
		Open: func(ctx context.Context) (io.ReadCloser, error) { return p.store.OpenInput(ctx, audioIn) },
	}}
	if sc, ok := meta.Input(encounter.RoleSidecar); ok {
		b, err := p.readInput(ctx, sc)
		if err != nil {
			return "", err
		}
		req.Sidecar = b
		if sc.ContentType == caption.VTT.ContentType() {
			req.SidecarFormat = caption.VTT
		} else {
			req.SidecarFormat = caption.SRT
		}
	}
	res, err := p.gw.Transcribe(ctx, p.call(meta, run), req)
	if err != nil {
		return "", err
	}
	if !hasSpeech(res.Segments) {
		return "", phi.Permanentf(phi.CodeNoSpeech, "no speech was found in the recording; no note will be drafted")
	}
	t := &encounter.Transcript{
		EncounterID: meta.ID, Source: cmp.Or(res.Source, "provider"), Provider: res.Provider, Model: res.Model,
		Segments: res.Segments, CreatedAt: p.now().UTC(),
	}
	t.ComputeHash()
	if _, err := p.store.PutTranscript(ctx, t); err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "transcript could not be stored")
	}
	return encounter.StageSummarize, nil
}

func hasSpeech(segs []encounter.Segment) bool {
	for _, s := range segs {
		if strings.TrimSpace(s.Text) != "" {
			return true
		}
	}
	return false
}

func (p *Pipeline) readInput(ctx context.Context, in encounter.Input) ([]byte, error) {
	rc, err := p.store.OpenInput(ctx, in)
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

// source returns the segments a draft is made from: the transcript of a
// recording, or the note split into sentences. A note's first draft splits
// the note (inline in the Meta, so nothing is read) and stores the
// segments with the draft (stored is false: the caller does that), so
// evidence IDs stay stable; later versions read them back.
func (p *Pipeline) source(ctx context.Context, meta *encounter.Meta, version int) (t *encounter.Transcript, stored bool, err error) {
	if meta.Kind == encounter.KindNote && version == 1 {
		in, ok := meta.Input(encounter.RoleNote)
		if !ok {
			return nil, false, phi.Permanentf(phi.CodeInvalidInput, "encounter has no note")
		}
		b, err := p.readInput(ctx, in)
		if err != nil {
			return nil, false, err
		}
		t = &encounter.Transcript{EncounterID: meta.ID, Source: "note", Segments: source.FromNote(string(b)), CreatedAt: p.now().UTC()}
		t.ComputeHash()
		if len(t.Segments) == 0 {
			return nil, false, phi.Permanentf(phi.CodeEmptyInput, "the note has no sentences")
		}
		return t, false, nil
	}
	t, err = p.store.Transcript(ctx, meta.ID)
	if err == nil {
		return t, true, nil
	}
	if !errors.Is(err, encounter.ErrNotFound) {
		return nil, false, phi.Wrap(err, phi.CodeStorage, "transcript unavailable")
	}
	if meta.Kind != encounter.KindNote {
		return nil, false, phi.Errorf(phi.CodeNotFound, "the recording has not been transcribed yet")
	}
	return nil, false, phi.Errorf(phi.CodeNotFound, "the note's segments are stored with its first draft, which is not made yet")
}

// summarize makes draft version 1, once.
func (p *Pipeline) summarize(ctx context.Context, meta *encounter.Meta, run Run) (encounter.Stage, error) {
	return "", p.makeDraft(ctx, meta, run, 1)
}

// regenerate makes the draft version a clinician asked for (a new AI
// version after a rejection), once. The gateway checks consent again: a
// patient who opted out since is refused before anything leaves.
func (p *Pipeline) regenerate(ctx context.Context, meta *encounter.Meta, run Run) (encounter.Stage, error) {
	versions, err := p.store.DraftVersions(ctx, meta.ID)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	evs, err := p.store.Events(ctx, meta.ID)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	version := encounter.PendingRegeneration(versions, evs)
	if version == 0 {
		// Made by an earlier attempt (which may not have told the clinic).
		req, _ := encounter.LastRegenerateRequest(evs)
		return "", p.draftReady(ctx, meta, req.Version)
	}
	return "", p.makeDraft(ctx, meta, run, version)
}

// makeDraft asks the AI for a draft and stores it as version, once: a
// retried task finds the version stored and only tells the clinic again.
func (p *Pipeline) makeDraft(ctx context.Context, meta *encounter.Meta, run Run, version int) error {
	tmpl, err := p.templates.Get(meta.Template)
	if err != nil {
		return phi.Permanentf(phi.CodeInvalidInput, "template is no longer configured")
	}
	if d, err := p.store.Draft(ctx, meta.ID, version); err == nil {
		if !strings.HasPrefix(d.CreatedBy, "ai:") {
			return phi.Permanentf(phi.CodeConflict, "version %d was written by a clinician meanwhile; no AI draft was made", version)
		}
		return p.draftReady(ctx, meta, version) // an earlier attempt stored the draft
	} else if !errors.Is(err, encounter.ErrNotFound) {
		return phi.Wrap(err, phi.CodeStorage, "draft unavailable")
	}
	t, stored, err := p.source(ctx, meta, version)
	if err != nil {
		return err
	}
	req := &ai.SummarizeRequest{Template: tmpl, Segments: t.Segments}
	var mapping *deid.Mapping
	if p.gw.Pseudonymizes(ai.TaskSummarize) {
		if req.Segments, mapping, err = p.pseudonymize(ctx, meta, t.Segments); err != nil {
			return err
		}
	}
	// What the call's result becomes, before its outcome is audited: the
	// draft is built, sealed and staged (nothing sees it before Commit,
	// and its content becomes durable while the audit trail writes), and
	// its entry is made durable with the call's outcome, in one commit.
	// So a draft never exists without its entry; a crash before the commit
	// leaves the call's intent without outcome, and a retry makes its own
	// pair and the draft.
	started := p.now()
	var staged *encounter.Staged
	defer func() {
		if staged != nil {
			staged.Abort()
		}
	}()
	record := func(res *ai.SummarizeResult) ([]audit.Entry, error) {
		latency := p.now().Sub(started)
		if mapping != nil {
			restore(res.Sections, res.NotInDraft, mapping)
		}
		if sentenceCount(res.Sections) == 0 {
			return nil, phi.Permanentf(phi.CodeNoSpeech, "the source holds nothing a note could be drafted from")
		}
		d := &encounter.Draft{
			EncounterID: meta.ID, Version: version, Status: encounter.DraftPreliminary, Template: tmpl.ID,
			Sections: res.Sections, NotInDraft: res.NotInDraft, CreatedAt: p.now().UTC(), CreatedBy: "ai:" + res.Provider,
			Label: encounter.Label{
				AIGenerated: true, SecurityLabel: encounter.SecurityLabelAIAST,
				Provider: res.Provider, Model: res.Model, PromptVersion: tmpl.Version(),
				InputSHA256: ai.SummarizeInputHash(req), Method: res.Method, Notice: res.Notice,
				GeneratedAt: p.now().UTC(), TokensIn: res.Usage.InputTokens, TokensOut: res.Usage.OutputTokens,
				LatencyMS: latency.Milliseconds(),
			},
		}
		d.ComputeContentHash()
		var src *encounter.Transcript
		if !stored {
			src = t // the note's segments, committed with the draft that cites them
		}
		if staged != nil {
			staged.Abort() // not expected: the gateway records one result
		}
		var err error
		if staged, err = p.store.StageDraft(ctx, d, src); err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "draft could not be stored")
		}
		return []audit.Entry{{
			Event: audit.EventDraft, Actor: "system:worker", Role: "system", PatientRef: meta.PatientRef,
			EncounterID: meta.ID, TaskID: run.TaskID, Provider: res.Provider, Model: res.Model,
			PromptVersion: tmpl.Version(), InputSHA256: d.Label.InputSHA256, OutputSHA256: d.ContentSHA256,
			Version: version, Result: "ok",
		}}, nil
	}
	if _, err := p.gw.SummarizeThen(ctx, p.call(meta, run), req, record); err != nil {
		return err
	}
	// An earlier attempt's draft of this version (ErrVersionExists) is
	// left as it is.
	if err := staged.Commit(ctx); err != nil && !errors.Is(err, encounter.ErrVersionExists) {
		return phi.Wrap(err, phi.CodeStorage, "draft could not be stored")
	}
	return p.draftReady(ctx, meta, version)
}

// draftReady tells the clinic a draft version is ready. The event stands
// for the version, so telling it again (a retry) sends the same event.
func (p *Pipeline) draftReady(ctx context.Context, meta *encounter.Meta, version int) error {
	if version == 0 {
		return nil
	}
	err := p.notifier.NotifyOnce(ctx, TypeDraftReady, fmt.Sprintf("%s:v%d", meta.ID, version), map[string]string{
		"encounter_id": meta.ID, "version": strconv.Itoa(version), "provider_id": meta.ProviderID})
	if err != nil {
		return phi.Wrap(err, phi.CodeInternal, "draft stored; the draft.ready webhook could not be queued")
	}
	return nil
}

func sentenceCount(secs []encounter.Section) int {
	n := 0
	for _, s := range secs {
		n += len(s.Sentences)
	}
	return n
}
