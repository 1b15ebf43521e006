package console_test

// Test fakes for the services the console declares but main does not have
// yet: worklists, sources and human documentation (issue 14). SIMULATED: each reads the real encounter store and
// authorizes through the real Guard where the real service would, but the
// services themselves are stand-ins written for these tests. They go once
// app wires the real ones.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/console"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

// fakeWorklist lists the encounters the test submitted, scoped by role.
type fakeWorklist struct {
	a  *app.App
	mu sync.Mutex
	// ids in submission order
	ids []string
}

func (f *fakeWorklist) add(id string) {
	f.mu.Lock()
	f.ids = append(f.ids, id)
	f.mu.Unlock()
}

func (f *fakeWorklist) List(ctx context.Context, who access.Who, q console.WorkQuery) (*console.WorkPage, error) {
	f.mu.Lock()
	ids := slices.Clone(f.ids)
	f.mu.Unlock()
	if q.Newest {
		slices.Reverse(ids)
	}
	page := &console.WorkPage{}
	for _, id := range ids {
		meta, err := f.a.Services.Store.Meta(ctx, id)
		if errors.Is(err, encounter.ErrNotFound) {
			continue // deleted
		}
		if err != nil {
			return nil, err
		}
		switch who.Role {
		case access.RoleProvider:
			if meta.ProviderID != who.ID {
				continue
			}
		case access.RolePatient:
			if meta.PatientRef != who.ID {
				continue
			}
		default:
			return nil, phi.Permanentf(phi.CodeForbidden, "fake worklist: providers and patients only")
		}
		state, err := f.state(ctx, id)
		if err != nil {
			return nil, err
		}
		if who.Role == access.RolePatient && state != "signed" {
			continue // patients see signed notes only (issue 14)
		}
		if len(q.States) > 0 && !slices.Contains(q.States, state) {
			continue
		}
		page.Items = append(page.Items, console.WorkItem{ID: id, State: state, Kind: string(meta.Kind), Template: meta.Template, CreatedAt: meta.CreatedAt})
	}
	return page, nil
}

func (f *fakeWorklist) state(ctx context.Context, id string) (string, error) {
	v, err := f.a.Pipeline.Status(ctx, id)
	if err != nil {
		return "", err
	}
	switch {
	case v.Failure != nil:
		return "failed", nil
	case len(v.States) > 0:
		switch v.States[len(v.States)-1].Status {
		case encounter.DraftPreliminary:
			return "awaiting_signoff", nil
		case encounter.DraftFinal, encounter.DraftAmended:
			return "signed", nil
		case encounter.DraftRejected:
			return "rejected", nil
		}
		return "entered_in_error", nil
	case v.HumanDocumentation:
		return "human_documentation", nil
	}
	return "in_progress", nil
}

// fakeSources reads the stored transcript (or segments a note by rule, as
// issue 14's transcript read does for human documentation) after the
// Guard allows reading the encounter; the recording is the sample's WAV.
type fakeSources struct {
	a   *app.App
	wav map[string]string // encounter ID -> WAV file
}

func (f *fakeSources) Source(ctx context.Context, who access.Who, id string) (*console.Source, error) {
	meta, err := f.a.Services.Guard.Authorize(ctx, who, access.ActReadDraft, id)
	if err != nil {
		return nil, err
	}
	if t, err := f.a.Services.Store.Transcript(ctx, id); err == nil {
		return &console.Source{Kind: t.Source, Segments: t.Segments}, nil
	}
	in, ok := meta.Input("note")
	if !ok {
		return nil, phi.Permanentf(phi.CodeNotFound, "no transcript")
	}
	r, err := f.a.Services.Store.OpenInput(ctx, in)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return &console.Source{Kind: "note", Segments: source.FromNote(string(b))}, nil
}

func (f *fakeSources) Recording(ctx context.Context, who access.Who, id string) (*console.Recording, error) {
	if _, err := f.a.Services.Guard.Authorize(ctx, who, access.ActReadDraft, id); err != nil {
		return nil, err
	}
	path, ok := f.wav[id]
	if !ok {
		return nil, phi.Permanentf(phi.CodeNotFound, "no recording")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &console.Recording{ReadSeekCloser: nopCloser{bytes.NewReader(b)}, ContentType: "audio/wav", Modified: time.Unix(1_700_000_000, 0)}, nil
}

type nopCloser struct{ io.ReadSeeker }

func (nopCloser) Close() error { return nil }

// fakeHuman writes a human-authored version straight to the store after
// the Guard allows an edit, labeled human (no AIAST), as issue 14's
// signoff.Write does; signing it is the real signoff.Sign.
type fakeHuman struct {
	a         *app.App
	templates *prompts.Registry
}

func (f *fakeHuman) Blank(ctx context.Context, who access.Who, id string) ([]encounter.Section, error) {
	meta, err := f.a.Services.Guard.Authorize(ctx, who, access.ActEdit, id)
	if err != nil {
		return nil, err
	}
	t, err := f.templates.Get(meta.Template)
	if err != nil {
		return nil, err
	}
	out := make([]encounter.Section, len(t.Sections))
	for i, s := range t.Sections {
		out[i] = encounter.Section{Key: s.Key, Title: s.Title, Sentences: []encounter.Sentence{}}
	}
	return out, nil
}

func (f *fakeHuman) Write(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*signoff.DraftView, error) {
	meta, err := f.a.Services.Guard.Authorize(ctx, who, access.ActEdit, id)
	if err != nil {
		return nil, err
	}
	vs, err := f.a.Services.Store.DraftVersions(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(vs) != base {
		return nil, phi.Permanentf(phi.CodeConflict, "fake human write: base %d is not the latest", base)
	}
	now := time.Now().UTC()
	d := &encounter.Draft{EncounterID: id, Version: base + 1, Status: encounter.DraftPreliminary, Template: meta.Template,
		Sections: sections, CreatedAt: now, CreatedBy: who.ID, Parent: base,
		Label: encounter.Label{Method: "human", GeneratedAt: now, Notice: "Written by a clinician; no AI was used."}}
	d.ComputeContentHash()
	e := who.Entry(audit.EventEdit, meta)
	e.Version, e.OutputSHA256 = d.Version, d.ContentSHA256
	if err := f.a.Services.Guard.Record(ctx, e); err != nil {
		return nil, err
	}
	if err := f.a.Services.Store.PutDraft(ctx, d); err != nil {
		return nil, err
	}
	return f.a.Services.Signoff.View(ctx, who, id, d.Version)
}
