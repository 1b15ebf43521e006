package pipeline

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// pseudonymize returns the segments with every identifier the detector
// finds (using what the clinic told us about the people in the encounter)
// replaced by a surrogate, and the mapping that restores them. The mapping
// is random, stored encrypted in the encounter's scope (shredded with it),
// reused by a retried task so surrogates stay stable, and never sent.
func (p *Pipeline) pseudonymize(ctx context.Context, meta *encounter.Meta, segs []encounter.Segment) ([]encounter.Segment, *deid.Mapping, error) {
	m := p.deid.NewMapping()
	raw, err := p.vault.GetBytes(ctx, encounter.MappingKey(meta.ID))
	switch {
	case err == nil:
		if err := json.Unmarshal(raw, m); err != nil {
			return nil, nil, phi.Wrap(err, phi.CodeStorage, "pseudonym mapping unreadable")
		}
	case !errors.Is(err, storage.ErrNotFound):
		return nil, nil, phi.Wrap(err, phi.CodeStorage, "pseudonym mapping unavailable")
	}
	// Compiled once for the encounter's segments and speakers: building
	// the index of the metadata is most of the detector's cost on a short
	// segment.
	known := p.deid.Compile(meta.Subject.Known())
	out := make([]encounter.Segment, len(segs))
	for i, s := range segs {
		s.Text = deid.Pseudonymize(s.Text, p.deid.Detect(s.Text, known), m)
		s.Speaker = deid.Pseudonymize(s.Speaker, p.deid.Detect(s.Speaker, known), m)
		out[i] = s
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, nil, phi.Wrap(err, phi.CodeInternal, "pseudonym mapping could not be encoded")
	}
	// Overwrite: the mapping only grows (a retry may meet the same text and
	// reuse every surrogate), and it must be stored before anything leaves.
	if err := p.vault.PutBytes(ctx, encounter.MappingKey(meta.ID), b, storage.Overwrite); err != nil {
		return nil, nil, phi.Wrap(err, phi.CodeStorage, "pseudonym mapping could not be stored")
	}
	return out, m, nil
}

// restore puts the original identifiers back into a model's sentences,
// what the fact check quoted from them, and the "Not in the draft" list
// (both were computed on the text the model was sent).
func restore(sections []encounter.Section, cov *encounter.Coverage, m *deid.Mapping) {
	for i := range sections {
		for j := range sections[i].Sentences {
			s := &sections[i].Sentences[j]
			s.Text = m.Restore(s.Text)
			for k := range s.Mismatches {
				s.Mismatches[k].Text, s.Mismatches[k].Source = m.Restore(s.Mismatches[k].Text), m.Restore(s.Mismatches[k].Source)
			}
		}
	}
	if cov == nil {
		return
	}
	for _, list := range [][]encounter.Omission{cov.ClinicalNotUsed, cov.NotUsed} {
		for k := range list {
			list[k].Text = m.Restore(list[k].Text)
		}
	}
}
