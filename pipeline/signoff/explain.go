package signoff

import (
	"context"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Evidence is a source segment a sentence rests on.
type Evidence struct {
	SegmentID string `json:"segment_id"`
	Speaker   string `json:"speaker,omitempty"`
	Heading   string `json:"heading,omitempty"`
	StartMS   int64  `json:"start_ms,omitempty"`
	EndMS     int64  `json:"end_ms,omitempty"`
	Text      string `json:"text"`
}

// ExplainedSentence is one sentence of a draft with its evidence.
type ExplainedSentence struct {
	Section  string     `json:"section"`
	Text     string     `json:"text"`
	Flags    []string   `json:"flags,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// Explanation says, sentence by sentence, what an AI draft rests on: the
// answer to "why does my note say this?" for reviewers and patients.
type Explanation struct {
	EncounterID string              `json:"encounter_id"`
	Version     int                 `json:"version"`
	Label       encounter.Label     `json:"label"`
	Method      string              `json:"method"`
	Sentences   []ExplainedSentence `json:"sentences"`
}

// Explain returns the evidence behind each sentence of a draft version.
func (s *Service) Explain(ctx context.Context, who access.Who, id string, version int) (*Explanation, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActExplain, id)
	if err != nil {
		return nil, err
	}
	dv, err := s.view(ctx, who, meta, version, audit.EventExplain)
	if err != nil {
		return nil, err
	}
	t, err := s.transcript(ctx, meta)
	if err != nil {
		return nil, err
	}
	ex := &Explanation{EncounterID: id, Version: dv.Version, Label: dv.Label, Method: dv.Label.Method}
	for _, sec := range dv.stored.Sections {
		for _, sent := range sec.Sentences {
			es := ExplainedSentence{Section: sec.Title, Text: sent.Text, Flags: sent.Flags, Evidence: []Evidence{}}
			if who.Role == access.RolePatient {
				es.Flags = nil // review markers are for clinicians and reviewers
			}
			for _, segID := range sent.Evidence {
				if seg, ok := t.Segment(segID); ok {
					es.Evidence = append(es.Evidence, Evidence{SegmentID: seg.ID, Speaker: seg.Speaker, Heading: seg.Heading,
						StartMS: seg.StartMS, EndMS: seg.EndMS, Text: seg.Text})
				}
			}
			ex.Sentences = append(ex.Sentences, es)
		}
	}
	return ex, nil
}
