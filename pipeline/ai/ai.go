// Package ai is the one door through which PHI reaches an AI model. Every
// transcription and summary goes through Gateway, which
//
//   - refuses a provider that is not attested zero-retention, before any
//     byte leaves (fail closed; DebugOverrideUnattestedProviders is the only
//     way around it, and it logs at error level on every call),
//   - refuses a patient who opted out of AI processing,
//   - writes an audit intent entry before the request and an outcome entry
//     after it, and returns nothing if either cannot be written,
//   - hashes input and output so the audit trail can prove what was sent
//     without holding it,
//   - checks every draft, whichever provider made it (CheckDraft): the
//     evidence each sentence cites, its facts against that evidence
//     (package factcheck), and what of the source the draft leaves out
//     (package coverage), returned as SummarizeResult.NotInDraft.
//
// Providers implement Transcriber and/or Summarizer. The offline provider
// (subpackage offline) is the embedded default.
package ai

import (
	"context"
	"io"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
)

// Task is the kind of AI work.
type Task string

const (
	TaskTranscribe Task = "transcribe"
	TaskSummarize  Task = "summarize"
)

// Usage is what a call consumed, as the provider reported it.
type Usage struct {
	InputTokens  int
	OutputTokens int
}

// Media is a recording to transcribe, opened on demand so large audio
// streams from encrypted storage instead of sitting in memory.
type Media struct {
	ContentType string
	Size        int64
	SHA256      string
	Open        func(ctx context.Context) (io.ReadCloser, error)
}

// TranscribeRequest asks for a transcript of a recording.
type TranscribeRequest struct {
	Audio Media
	// Sidecar is a transcript the platform produced with the recording
	// (WebVTT or SRT), if any.
	Sidecar       []byte
	SidecarFormat caption.Format
	Language      string // BCP 47, e.g. "en"; empty lets the provider detect
}

// TranscribeResult is a transcript.
type TranscribeResult struct {
	Segments  []encounter.Segment
	Source    string // "sidecar:vtt", "sidecar:srt" or "provider"
	Provider  string // filled by the Gateway
	Model     string
	Usage     Usage
	RequestID string // the provider's request ID, for the audit trail
}

// SummarizeRequest asks for a note in a template's format from source
// segments (a transcript or a submitted note).
type SummarizeRequest struct {
	Template *prompts.Template
	Segments []encounter.Segment
}

// SummarizeResult is a draft's content.
type SummarizeResult struct {
	Sections []encounter.Section
	// NotInDraft is what the sections leave out of the source, filled by
	// the Gateway for every provider (CheckDraft); providers leave it nil.
	NotInDraft *encounter.Coverage
	Provider   string // filled by the Gateway
	Model      string
	Method     string // how it was made, e.g. "offline-extractive" or "llm"
	Notice     string // shown to the reader under the AI banner
	Usage      Usage
	RequestID  string
}

// Transcriber turns a recording into segments.
type Transcriber interface {
	Transcribe(ctx context.Context, req *TranscribeRequest) (*TranscribeResult, error)
}

// Summarizer turns segments into a note.
type Summarizer interface {
	Summarize(ctx context.Context, req *SummarizeRequest) (*SummarizeResult, error)
}

// Attestation is the provider's contractual promise not to keep what we
// send. The gateway relies on it for every call and records Agreement in
// the audit trail.
type Attestation struct {
	// ZeroRetention: the provider processes inputs in real time and retains
	// neither inputs nor outputs (zero data retention, or an equivalent
	// term in a business associate agreement).
	ZeroRetention bool `yaml:"zero_retention"`
	// Agreement identifies the agreement that says so, as an ID
	// ("baa-2026-014"); it is written to every audit entry.
	Agreement string `yaml:"agreement"`
}

// ProviderObserver receives what a provider's own flow control does, for
// metrics: how long each call waited for the fleet's rate limiter (zero
// waits too) and every circuit-breaker transition ("closed", "half_open",
// "open"; once at start too). Names only, never content.
type ProviderObserver interface {
	RateLimitWait(provider string, d time.Duration)
	BreakerState(provider, state string)
}

// Provider is one configured AI provider.
type Provider struct {
	Name        string
	Kind        string
	Attestation Attestation
	Transcriber Transcriber // nil if the provider does not transcribe
	Summarizer  Summarizer  // nil if it does not summarize
	Models      map[Task]string
	// Fallback names the provider a call moves to when this one fails
	// with a retryable error (unavailable, overloaded, rate limited past
	// the deadline, circuit open); empty for none. The fallback gets its
	// own audit entries and must be attested itself. One hop only.
	Fallback string
	// Pseudonymize replaces identifiers in text sent to this provider with
	// surrogates and restores them in its output (the pipeline does it
	// around the gateway call; the mapping never leaves encrypted storage).
	// Audio cannot be pseudonymized: it applies to summaries.
	Pseudonymize bool
}
