// Package offline is the embedded AI provider: it needs no network, no
// model and no key, so the pipeline runs anywhere. It is a stand-in for a
// real model, and says so in every draft it makes.
//
// Transcription: a recording that comes with a sidecar transcript (WebVTT
// or SRT, as telehealth platforms produce) is transcribed from the sidecar.
// Raw audio without one fails with a message naming the settings for a real
// transcription provider.
//
// Summaries are extractive in spirit: every sentence of a draft comes from
// the source and cites the segments it came from; nothing is invented, but
// sentences are cleaned and put in note style:
//
//   - each source sentence is first classified as coverage would
//     (pipeline/ai/coverage.Classify): greetings and small talk, device or
//     dictation commands ("hey computer, show me the labs"), fillers and
//     administrative talk are left out, and the gateway's coverage lists
//     them; every clinical sentence is drafted — one that no rule places
//     goes to the history (subjective) section rather than being dropped;
//   - fillers, stutters and false starts are removed and spoken numbers
//     written as digits ("one twenty over eighty" → 120/80);
//   - a yes/no answer makes its question a pertinent negative or positive
//     citing both turns ("Any chest pain?" / "No." → "Denies chest pain.");
//   - the note heading a sentence sits under decides its section, except
//     where the sentence says better (a lab value under HPI goes to Data, a
//     return precaution to the plan or "When to get help"); in dialogue,
//     cue words and the speaker's role decide (patients report; clinicians
//     examine, assess and plan);
//   - a problem-oriented assessment and plan keeps each problem's
//     sentences together: "1. ..." items in a note, "for your first
//     problem, the blood pressure, ..." or "second thing, ..." in dialogue;
//   - a clinician's note speaks in the third person, verb first ("Has had a
//     cough for 5 days."); an after-visit summary speaks to the patient in
//     the second person with plain words ("high blood pressure", "twice a
//     day", "eardrum").
//
// The rewrites are rules, not a model: they can be clumsy, and they never
// add a fact (the gateway's fact check verifies that on every draft).
package offline

import (
	"context"
	"fmt"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/source"
)

// Model is the name the offline provider reports.
const Model = "clinscribe-extractive-1"

// Method labels drafts made by this provider.
const Method = "offline-extractive"

// Notice is shown under the AI banner of every offline draft.
const Notice = "Offline extractive draft (simulated AI): every sentence is taken from the source, cleaned and put in note style by fixed rules, and linked to the segments it came from; no language model was used."

// Provider is the offline provider.
type Provider struct {
	// MaxPerSection caps the sentences a section keeps (the first ones, in
	// note order); what it cuts, coverage lists as clinical content not
	// used. Zero means 60.
	MaxPerSection int
	// Latency simulates a model's response time on every call, for demos,
	// load tests and crash tests. Zero means none.
	Latency time.Duration
}

// wait simulates latency, ending early if ctx does.
func (p *Provider) wait(ctx context.Context) error {
	if p.Latency <= 0 {
		return nil
	}
	t := time.NewTimer(p.Latency)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

var (
	_ ai.Transcriber = (*Provider)(nil)
	_ ai.Summarizer  = (*Provider)(nil)
)

// New returns the offline provider as a configured ai.Provider. It runs in
// the worker's own process and sends nothing anywhere, which is what its
// zero-retention attestation states.
func New(name string) *ai.Provider { return NewWith(name, &Provider{}) }

// NewWith is New with a configured Provider.
func NewWith(name string, p *Provider) *ai.Provider {
	return &ai.Provider{
		Name: name, Kind: "offline",
		Attestation: ai.Attestation{ZeroRetention: true, Agreement: "in-process-no-egress"},
		Transcriber: p, Summarizer: p,
		Models: map[ai.Task]string{ai.TaskTranscribe: "sidecar-import", ai.TaskSummarize: Model},
	}
}

// Transcribe implements ai.Transcriber from the sidecar.
func (p *Provider) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	if err := p.wait(ctx); err != nil {
		return nil, err
	}
	if len(req.Sidecar) == 0 {
		return nil, phi.Permanentf(phi.CodeNotConfigured,
			"the offline provider cannot transcribe raw audio: submit the recording with a sidecar transcript "+
				"(WebVTT or SRT), or configure a transcription provider (ai.transcribe naming an ai.providers "+
				"entry of kind openai or aws, with zero_retention attested)")
	}
	cues, err := caption.Parse(req.Sidecar, req.SidecarFormat)
	if err != nil {
		return nil, phi.WrapPermanent(err, phi.CodeSidecarInvalid, safeCaptionMessage(err))
	}
	format := req.SidecarFormat
	if format == "" {
		format = caption.Detect(req.Sidecar)
	}
	return &ai.TranscribeResult{
		Segments: source.FromCues(cues),
		Source:   "sidecar:" + string(format),
		Model:    "sidecar-import",
	}, nil
}

// safeCaptionMessage keeps caption's message, which by that package's
// contract names only line numbers and the kind of fault.
func safeCaptionMessage(err error) string {
	return fmt.Sprintf("sidecar transcript rejected: %s", err.Error())
}
