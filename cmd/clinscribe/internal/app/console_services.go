package app

import (
	"context"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/console"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
	"github.com/clinscribe/clinscribe/prompts"
)

// The console declares its own small interfaces; these adapt the
// pipeline's services to them (each a call to the one service method the
// API calls for the same thing, so authorization and audit are the same).

// consoleWorklist is worklist.Service.List.
type consoleWorklist struct{ s *worklist.Service }

func (w consoleWorklist) List(ctx context.Context, who access.Who, q console.WorkQuery) (*console.WorkPage, error) {
	wq := worklist.Query{Newest: q.Newest, Cursor: q.Cursor, Limit: q.Limit}
	for _, st := range q.States {
		wq.States = append(wq.States, encounter.Phase(st))
	}
	p, err := w.s.List(ctx, who, wq)
	if err != nil {
		return nil, err
	}
	out := &console.WorkPage{NextCursor: p.NextCursor}
	for _, it := range p.Items {
		out.Items = append(out.Items, console.WorkItem{ID: it.ID, State: string(it.Phase), Kind: string(it.Kind), Template: it.Template,
			CreatedAt: it.CreatedAt})
	}
	return out, nil
}

// consoleSources are signoff.Service's transcript and recording reads.
type consoleSources struct{ s *signoff.Service }

func (c consoleSources) Source(ctx context.Context, who access.Who, id string) (*console.Source, error) {
	t, err := c.s.Transcript(ctx, who, id)
	if err != nil {
		return nil, err
	}
	return &console.Source{Kind: t.Source, Segments: t.Segments}, nil
}

func (c consoleSources) Recording(ctx context.Context, who access.Who, id string) (*console.Recording, error) {
	r, err := c.s.Recording(ctx, who, id)
	if err != nil {
		return nil, err
	}
	return &console.Recording{ReadSeekCloser: r.SeekReader, ContentType: r.ContentType, Modified: r.Modified}, nil
}

// consoleHuman is signoff.Service.Write and the template's sections.
type consoleHuman struct {
	s         *signoff.Service
	status    *pipeline.Pipeline
	templates *prompts.Registry
}

func (h consoleHuman) Blank(ctx context.Context, who access.Who, id string) ([]encounter.Section, error) {
	v, err := h.status.StatusFor(ctx, who, id)
	if err != nil {
		return nil, err
	}
	t, err := h.templates.Get(v.Template)
	if err != nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "the encounter's template is no longer configured")
	}
	out := make([]encounter.Section, len(t.Sections))
	for i, s := range t.Sections {
		out[i] = encounter.Section{Key: s.Key, Title: s.Title, Sentences: []encounter.Sentence{}}
	}
	return out, nil
}

func (h consoleHuman) Write(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*signoff.DraftView, error) {
	return h.s.Write(ctx, who, id, base, sections)
}

// consoleRegenerate is pipeline.Pipeline.Regenerate.
type consoleRegenerate struct{ p *pipeline.Pipeline }

func (r consoleRegenerate) Regenerate(ctx context.Context, who access.Who, id string) error {
	_, err := r.p.Regenerate(ctx, who, id)
	return err
}
