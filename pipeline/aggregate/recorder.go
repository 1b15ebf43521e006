package aggregate

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Recorder turns signed encounters into de-identified records and builds
// the report from those records only. It is the one part of this package
// that reads encounters, and it can hand the Store nothing but a
// deid.Record, which only de-identification makes.
type Recorder struct {
	store   *encounter.Store
	vault   *storage.Vault
	deid    *deid.Detector
	records *Store
}

// NewRecorder returns a Recorder; every argument is required.
func NewRecorder(store *encounter.Store, vault *storage.Vault, det *deid.Detector) (*Recorder, error) {
	if store == nil || vault == nil || det == nil {
		return nil, errors.New("aggregate.NewRecorder: encounter store, vault and detector are required")
	}
	return &Recorder{store: store, vault: vault, deid: det, records: NewStore(vault, det)}, nil
}

// aggregateRef links an encounter to its aggregate record. It lives in the
// encounter's own scope, so shredding the encounter cuts the link for good;
// the aggregate store itself holds no encounter IDs.
type aggregateRef struct {
	RecordID string `json:"record_id"`
}

// Record (the deid queue's task) turns a signed encounter into a
// de-identified aggregate record: what the AI produced, how the clinician
// changed it, whether a patient asked for review. The record is built by
// deid.NewRecord with the encounter's known identifiers, so nothing that
// names the patient can enter the aggregates.
func (r *Recorder) Record(ctx context.Context, id string) error {
	meta, err := r.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil // deleted since: nothing to record
	}
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	drafts, evs, states, err := r.store.Versions(ctx, id)
	if err != nil {
		return err
	}
	if len(drafts) == 0 {
		return nil
	}
	ai := drafts[0]
	if !ai.Label.AIGenerated {
		return nil // documented by hand: there is no AI draft to measure
	}
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
	for _, ev := range evs {
		switch ev.Kind {
		case encounter.EvReviewRequested:
			in.ReviewRequested = true
		case encounter.EvReviewDecided:
			in.ReviewOutcome = ev.Decision
		}
	}
	rec, err := r.deid.NewRecord(in, meta.Subject.Known())
	if err != nil {
		return phi.WrapPermanent(err, phi.CodeInvalidInput, "the aggregate record did not pass de-identification")
	}
	var ref aggregateRef
	if err := storage.GetJSON(ctx, r.vault, encounter.AggregateRefKey(id), &ref); errors.Is(err, storage.ErrNotFound) {
		ref.RecordID = NewRecordID()
		if err := storage.PutJSON(ctx, r.vault, encounter.AggregateRefKey(id), ref, storage.CreateOnly); errors.Is(err, storage.ErrExists) {
			if err := storage.GetJSON(ctx, r.vault, encounter.AggregateRefKey(id), &ref); err != nil {
				return phi.Wrap(err, phi.CodeStorage, "aggregate link unavailable")
			}
		} else if err != nil {
			return phi.Wrap(err, phi.CodeStorage, "aggregate link could not be stored")
		}
	} else if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "aggregate link unavailable")
	}
	if err := r.records.Put(ctx, ref.RecordID, rec); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "aggregate record could not be stored")
	}
	return nil
}

// Report builds the de-identified statistics from the aggregate store
// only, with counts below k suppressed.
func (r *Recorder) Report(ctx context.Context, k int) (Report, error) {
	recs, err := r.records.All(ctx)
	if err != nil {
		return Report{}, phi.Wrap(err, phi.CodeStorage, "aggregate records unavailable")
	}
	rep, err := Build(recs, k)
	if err != nil {
		return Report{}, phi.Wrap(err, phi.CodeInternal, "aggregation failed")
	}
	return rep, nil
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
