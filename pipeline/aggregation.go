package pipeline

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/aggregate"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// aggregateRef links an encounter to its aggregate record. It lives in the
// encounter's own scope, so shredding the encounter cuts the link for good;
// the aggregate store itself holds no encounter IDs.
type aggregateRef struct {
	RecordID string `json:"record_id"`
}

func aggregateRefKey(id string) string { return encounter.Scope(id) + "/aggregate.json" }

// RecordAggregate (the deid queue's task) turns a signed encounter into a
// de-identified aggregate record: what the AI produced, how the clinician
// changed it, whether a patient asked for review. The record is built by
// deid.NewRecord with the encounter's known identifiers, so nothing that
// names the patient can enter the aggregates.
func (p *Pipeline) RecordAggregate(ctx context.Context, id string) error {
	if p.deid == nil || p.agg == nil {
		return phi.Permanentf(phi.CodeNotConfigured, "de-identification is not configured")
	}
	meta, err := p.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil // deleted since: nothing to record
	}
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	drafts, evs, states, err := p.versionStates(ctx, id)
	if err != nil {
		return err
	}
	if len(drafts) == 0 {
		return nil
	}
	ai := drafts[0]
	var signed *encounter.Draft
	for _, d := range drafts {
		if s := states[d.Version]; s.Status == encounter.DraftFinal || s.Status == encounter.DraftAmended {
			signed = d
		}
	}
	if signed == nil {
		return nil // only signed notes say how good the draft was
	}
	// The prompt version's content-hash suffix looks like an identifying
	// code to the detector; the template and its declared revision name
	// the prompt well enough for statistics.
	promptRevision, _, _ := strings.Cut(ai.Label.PromptVersion, "+")
	in := deid.RecordInput{
		TemplateID: ai.Template, Model: ai.Label.Model, Provider: ai.Label.Provider, PromptVersion: promptRevision,
		Year: meta.CreatedAt.Year(), SignedUnchanged: signed.Version == ai.Version,
		EditRatio:    EditRatio(draftText(ai), draftText(signed)),
		PromptTokens: ai.Label.TokensIn, CompletionTokens: ai.Label.TokensOut,
		Latency: time.Duration(ai.Label.LatencyMS) * time.Millisecond,
	}
	for _, sec := range ai.Sections {
		for _, s := range sec.Sentences {
			in.Sentences++
			for _, f := range s.Flags {
				if f == encounter.FlagUnsupported || f == encounter.FlagNoEvidence {
					in.UnsupportedSentences++
					break
				}
			}
		}
	}
	cases, err := p.casesOf(ctx, id)
	if err != nil {
		return err
	}
	for _, c := range cases {
		in.ReviewRequested = true
		if c.Decision != "" {
			in.ReviewOutcome = c.Decision
		}
	}
	_ = evs
	rec, err := p.deid.NewRecord(in, knownOf(meta))
	if err != nil {
		return phi.WrapPermanent(err, phi.CodeInvalidInput, "the aggregate record did not pass de-identification")
	}
	var ref aggregateRef
	if err := getJSON(ctx, p.vault, aggregateRefKey(id), &ref); errors.Is(err, encounter.ErrNotFound) {
		ref.RecordID = aggregate.NewRecordID()
		if err := putJSON(ctx, p.vault, aggregateRefKey(id), ref, storage.CreateOnly); errors.Is(err, storage.ErrExists) {
			if err := getJSON(ctx, p.vault, aggregateRefKey(id), &ref); err != nil {
				return phi.Wrap(err, phi.CodeStorage, "aggregate link unavailable")
			}
		} else if err != nil {
			return phi.Wrap(err, phi.CodeStorage, "aggregate link could not be stored")
		}
	} else if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "aggregate link unavailable")
	}
	if err := p.agg.Put(ctx, ref.RecordID, rec); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "aggregate record could not be stored")
	}
	return nil
}

// Aggregates builds the de-identified statistics from the aggregate store
// only, with counts below k suppressed.
func (p *Pipeline) Aggregates(ctx context.Context, k int) (aggregate.Report, error) {
	if p.agg == nil {
		return aggregate.Report{}, phi.Permanentf(phi.CodeNotConfigured, "de-identification is not configured")
	}
	recs, err := p.agg.All(ctx)
	if err != nil {
		return aggregate.Report{}, phi.Wrap(err, phi.CodeStorage, "aggregate records unavailable")
	}
	rep, err := aggregate.Build(recs, k)
	if err != nil {
		return aggregate.Report{}, phi.Wrap(err, phi.CodeInternal, "aggregation failed")
	}
	return rep, nil
}

// knownOf is what the clinic told us about the people in the encounter, in
// the form the detector uses to find them wherever they occur.
func knownOf(meta *encounter.Meta) deid.Known {
	s := meta.Subject
	k := deid.Known{BirthDate: s.BirthDate, RelativeNames: s.Relatives}
	if s.PatientName != "" {
		k.PatientNames = []string{s.PatientName}
	}
	if s.ProviderName != "" {
		k.ProviderNames = []string{s.ProviderName}
	}
	for _, id := range append([]string{s.PatientID, s.Phone}, s.Identifiers...) {
		if strings.TrimSpace(id) != "" {
			k.Identifiers = append(k.Identifiers, id)
		}
	}
	return k
}

func draftText(d *encounter.Draft) []string {
	var words []string
	for _, sec := range d.Sections {
		for _, s := range sec.Sentences {
			words = append(words, strings.Fields(s.Text)...)
		}
	}
	return words
}

// EditRatio is the word-level edit distance between the AI draft and the
// signed note over the AI draft's length, capped at 1.
func EditRatio(a, b []string) float64 {
	if len(a) == 0 {
		if len(b) == 0 {
			return 0
		}
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	r := float64(prev[len(b)]) / float64(len(a))
	if r > 1 {
		r = 1
	}
	return r
}
