// Package audit writes the append-only audit trail: one entry before every
// AI call leaves (intent) and one after it returns (outcome), and one for
// every other action on PHI. Entries hold IDs, hashes, counts and codes —
// never content — and Entry.Validate enforces it: a string field that does
// not look like an identifier is refused.
package audit

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"
)

// Event names what happened.
type Event string

const (
	EventAIIntent  Event = "ai.intent"  // an AI request is about to leave
	EventAIOutcome Event = "ai.outcome" // it returned (Result says how)
	EventAIRefused Event = "ai.refused" // the gateway refused to send it
	EventSubmit    Event = "encounter.submit"
	EventDraft     Event = "draft.create"
	EventView      Event = "draft.view"
	EventExport    Event = "draft.export"
)

// Entry is one audit record.
type Entry struct {
	Time        time.Time `json:"time"`
	Event       Event     `json:"event"`
	CallID      string    `json:"call_id,omitempty"` // ties an intent to its outcome
	Actor       string    `json:"actor"`             // who: a user ID or "system:worker"
	Role        string    `json:"role"`
	PatientRef  string    `json:"patient_ref,omitempty"` // whose record (pseudonymous)
	EncounterID string    `json:"encounter_id,omitempty"`
	TaskID      string    `json:"task_id,omitempty"`
	RequestID   string    `json:"request_id,omitempty"`
	Service     string    `json:"service"` // where
	Worker      string    `json:"worker"`

	Task              string `json:"task,omitempty"` // transcribe | summarize
	Provider          string `json:"provider,omitempty"`
	Model             string `json:"model,omitempty"`
	PromptVersion     string `json:"prompt_version,omitempty"`
	Attestation       string `json:"attestation,omitempty"` // zero-retention agreement relied on
	InputSHA256       string `json:"input_sha256,omitempty"`
	OutputSHA256      string `json:"output_sha256,omitempty"`
	Result            string `json:"result,omitempty"` // "ok" or an error code
	LatencyMS         int64  `json:"latency_ms,omitempty"`
	TokensIn          int    `json:"tokens_in,omitempty"`
	TokensOut         int    `json:"tokens_out,omitempty"`
	ProviderRequestID string `json:"provider_request_id,omitempty"`
	Version           int    `json:"version,omitempty"` // draft version acted on
}

// Identifier-shaped: no spaces, no free text. Agreement references are
// written as IDs too ("baa-2026-014"), so a sentence cannot slip in.
var idRE = regexp.MustCompile(`^[A-Za-z0-9._:@+/=#-]{0,256}$`)

// ErrUnsafeEntry means an entry carried something that is not an ID, hash
// or code.
var ErrUnsafeEntry = errors.New("audit: entry field is not an identifier")

// Validate checks that every string field is identifier-shaped.
func (e *Entry) Validate() error {
	fields := map[string]string{
		"event": string(e.Event), "call_id": e.CallID, "actor": e.Actor, "role": e.Role,
		"patient_ref": e.PatientRef, "encounter_id": e.EncounterID, "task_id": e.TaskID,
		"request_id": e.RequestID, "service": e.Service, "worker": e.Worker, "task": e.Task,
		"provider": e.Provider, "model": e.Model, "prompt_version": e.PromptVersion,
		"attestation": e.Attestation, "input_sha256": e.InputSHA256, "output_sha256": e.OutputSHA256,
		"result": e.Result, "provider_request_id": e.ProviderRequestID,
	}
	for name, v := range fields {
		if !idRE.MatchString(v) {
			return fmt.Errorf("%w: %s", ErrUnsafeEntry, name)
		}
	}
	if e.Event == "" || e.Actor == "" {
		return fmt.Errorf("%w: event and actor are required", ErrUnsafeEntry)
	}
	return nil
}

// Sink stores entries. Append returns only once the entry is durable
// (fsynced or acknowledged by the store): callers rely on it before they
// use an AI result.
type Sink interface {
	Append(ctx context.Context, e Entry) error
	Close() error
}

// Logger stamps entries with time and place and appends them to a Sink.
type Logger struct {
	sink    Sink
	service string
	worker  string
	now     func() time.Time
}

// NewLogger returns a Logger; service and worker say where entries come from.
func NewLogger(sink Sink, service, worker string, now func() time.Time) *Logger {
	if now == nil {
		now = time.Now
	}
	return &Logger{sink: sink, service: service, worker: worker, now: now}
}

// Log validates, stamps and appends e. An error means the entry is not
// durable and the action it records must not proceed.
func (l *Logger) Log(ctx context.Context, e Entry) error {
	if e.Time.IsZero() {
		e.Time = l.now().UTC()
	}
	e.Service, e.Worker = l.service, l.worker
	if err := e.Validate(); err != nil {
		return err
	}
	if err := l.sink.Append(ctx, e); err != nil {
		return fmt.Errorf("audit: append: %w", err)
	}
	return nil
}

// Close closes the sink.
func (l *Logger) Close() error { return l.sink.Close() }
