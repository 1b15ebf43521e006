// Package offline is the embedded AI provider: it needs no network, no
// model and no key, so the pipeline runs anywhere. It is a stand-in for a
// real model, and says so in every draft it makes.
//
// Transcription: a recording that comes with a sidecar transcript (WebVTT
// or SRT, as telehealth platforms produce) is transcribed from the sidecar.
// Raw audio without one fails with a message naming the settings for a real
// transcription provider.
//
// Summaries are extractive: each source sentence is scored for the clinical
// part it belongs to (what the patient reports, findings, assessment, plan)
// from the note heading it sits under, who said it, and keyword cues; the
// ones that score are copied verbatim into the template's sections, each
// citing the segment it came from. Nothing is paraphrased, so nothing can be
// invented — but nothing is inferred either.
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
const Notice = "Offline extractive draft (simulated AI): every sentence is copied verbatim from the source and linked to it; no language model was used."

// Provider is the offline provider.
type Provider struct {
	// MaxPerSection caps the sentences a section keeps (the best scoring,
	// in source order). Zero means 15.
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
