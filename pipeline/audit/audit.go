package audit

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"
)

// Event names what happened.
type Event string

// Events. Every action on PHI has one; define new ones here and add them to
// knownEvents, or Validate refuses them.
const (
	EventAIIntent  Event = "ai.intent"  // an AI request is about to leave
	EventAIOutcome Event = "ai.outcome" // it returned (Result says how)
	EventAIRefused Event = "ai.refused" // the gateway refused to send it
	// One HTTP request inside a call (a chunk, a retry, a repair), each
	// bracketed on its own: CallID is "<call>.<n>".
	EventAIRequestIntent  Event = "ai.request.intent"
	EventAIRequestOutcome Event = "ai.request.outcome"

	EventSubmit         Event = "encounter.submit" // a note or recording was accepted
	EventDraft          Event = "draft.create"     // a draft version was stored
	EventView           Event = "draft.view"       // someone read a draft
	EventExport         Event = "draft.export"     // a draft left the system (FHIR, PDF, ...)
	EventSignOff        Event = "draft.signoff"    // a clinician signed a draft version
	EventEdit           Event = "draft.edit"       // a clinician saved an edited version
	EventReviewRequest  Event = "review.request"   // a patient asked for human review of an AI output
	EventReviewDecision Event = "review.decision"  // a reviewer decided on such a request
	EventConsentChange  Event = "consent.change"   // a patient opted in or out (ObjectID: scope, Result: new state)
	EventDeletion       Event = "record.delete"    // data was deleted or crypto-shredded
	EventKeyRotation    Event = "key.rotate"       // a key-encryption key was rotated (ObjectID: new version)
	EventAuthzDenied    Event = "authz.denied"     // an action was refused (Action: what was asked)
	EventAuditExport    Event = "audit.export"     // someone exported audit entries (Count: how many)

	EventReject         Event = "draft.reject"                  // a clinician rejected an unsigned AI draft
	EventEnteredInError Event = "draft.entered_in_error"        // a signed version was retracted
	EventExplain        Event = "draft.explain"                 // someone read the evidence behind a draft
	EventStatus         Event = "encounter.status"              // someone read an encounter's status
	EventReviewOpen     Event = "review.open"                   // a review case was assigned (ObjectID: case)
	EventReviewRead     Event = "review.read"                   // someone read review cases
	EventHumanRouted    Event = "encounter.human_documentation" // sent to human documentation (AI opt-out)
	EventLegalHold      Event = "legal_hold.change"             // a legal hold was placed or lifted
	EventWebhook        Event = "webhook.delivered"             // a signed notification was delivered
	EventInputDeleted   Event = "retention.input_delete"        // retention deleted an input (ObjectID: which)
	// A submission that did not reach its commit point (it failed, or a
	// crash cut it off) and whose stored parts were removed.
	EventSubmitAbandoned Event = "encounter.submit_abandoned"

	// People's loops (issue 14).
	EventList            Event = "encounter.list"             // someone listed encounters (a worklist; Count: how many)
	EventTranscriptView  Event = "transcript.view"            // someone read an encounter's transcript
	EventSourceRead      Event = "source.read"                // someone read a submitted input (ObjectID: note | audio)
	EventRegenerate      Event = "draft.regenerate"           // a clinician asked the AI for a new draft version
	EventHumanAssigned   Event = "human_documentation.assign" // human documentation (re)assigned (ObjectID: to whom)
	EventHumanDocumented Event = "human_documentation.close"  // a human-authored version was signed; the queue item closed

	// A signed note is about to be written to the clinic's EHR (FHIR
	// server), and how that went: a disclosure, recorded like an AI call
	// (OutputSHA256: the DocumentReference sent; HTTPStatus: the answer).
	EventEHRIntent  Event = "ehr.deliver.intent"
	EventEHRDeliver Event = "ehr.deliver"
)

var knownEvents = map[Event]bool{
	EventAIIntent: true, EventAIOutcome: true, EventAIRefused: true,
	EventAIRequestIntent: true, EventAIRequestOutcome: true,
	EventSubmit: true, EventDraft: true, EventView: true, EventExport: true,
	EventSignOff: true, EventEdit: true, EventReviewRequest: true, EventReviewDecision: true,
	EventConsentChange: true, EventDeletion: true, EventKeyRotation: true, EventAuthzDenied: true,
	EventAuditExport: true,
	EventReject:      true, EventEnteredInError: true, EventExplain: true, EventStatus: true,
	EventReviewOpen: true, EventReviewRead: true, EventHumanRouted: true, EventLegalHold: true, EventWebhook: true,
	EventInputDeleted: true, EventSubmitAbandoned: true, EventEHRIntent: true, EventEHRDeliver: true,
	EventList: true, EventTranscriptView: true, EventSourceRead: true, EventRegenerate: true,
	EventHumanAssigned: true, EventHumanDocumented: true,
}

// Events lists every known event, sorted.
func Events() []Event {
	out := make([]Event, 0, len(knownEvents))
	for e := range knownEvents {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Entry is one audit record: who did what to whose record, when, where,
// and for AI calls what was sent (as a hash) to which model under which
// agreement. Only IDs, hashes, counts and codes — never content.
type Entry struct {
	Time        time.Time `json:"time"`
	Event       Event     `json:"event"`
	CallID      string    `json:"call_id,omitempty"`     // ties an AI intent to its outcome
	Actor       string    `json:"actor"`                 // who: a user ID or "system:worker"
	Role        string    `json:"role"`                  // clinician, patient, platform, reviewer, ops, system
	PatientRef  string    `json:"patient_ref,omitempty"` // whose record (pseudonymous "pt_...")
	EncounterID string    `json:"encounter_id,omitempty"`
	TaskID      string    `json:"task_id,omitempty"`    // the queue task that did it
	RequestID   string    `json:"request_id,omitempty"` // the API/CLI request that asked for it
	Service     string    `json:"service"`              // where: the deployment
	Worker      string    `json:"worker"`               // and the process

	// Action is, for authz.denied, the event that was refused.
	Action Event `json:"action,omitempty"`
	// ObjectID names what was acted on when it is not an encounter or a
	// draft version: a key version, a review case, a consent scope.
	ObjectID string `json:"object_id,omitempty"`
	// Count is how many things the action covered (entries exported,
	// objects deleted).
	Count int `json:"count,omitempty"`

	Task              string `json:"task,omitempty"` // AI task: transcribe | summarize
	Provider          string `json:"provider,omitempty"`
	Model             string `json:"model,omitempty"`
	PromptVersion     string `json:"prompt_version,omitempty"`
	Attestation       string `json:"attestation,omitempty"` // zero-retention agreement relied on
	InputSHA256       string `json:"input_sha256,omitempty"`
	OutputSHA256      string `json:"output_sha256,omitempty"`
	Result            string `json:"result,omitempty"` // result class: "ok" or an error code
	LatencyMS         int64  `json:"latency_ms,omitempty"`
	TokensIn          int    `json:"tokens_in,omitempty"`
	TokensOut         int    `json:"tokens_out,omitempty"`
	ProviderRequestID string `json:"provider_request_id,omitempty"`
	Version           int    `json:"version,omitempty"` // draft version acted on
	// HTTPStatus is a remote server's answer (EHR write-back).
	HTTPStatus int `json:"http_status,omitempty"`
}

// Identifier-shaped: no spaces, no free text. Agreement references are
// written as IDs too ("baa-2026-014"), so a sentence cannot slip in.
// idShaped is `^[A-Za-z0-9._:@+/=#-]{0,256}$` written out: every entry
// checks a dozen fields, and the regular expression was a visible share of
// an encounter's CPU time (issue 18).
func idShaped(s string) bool {
	if len(s) > 256 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !idByte[s[i]] {
			return false
		}
	}
	return true
}

var idByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "._:@+/=#-" {
		t[c] = true
	}
	return t
}()

// ErrUnsafeEntry means an entry carried something that is not an ID, hash
// or code.
var ErrUnsafeEntry = errors.New("audit: entry field is not an identifier")

// Validate checks that every string field is identifier-shaped, that the
// event is known and that who and when are set.
func (e *Entry) Validate() error {
	fields := [...]struct{ name, v string }{
		{"event", string(e.Event)}, {"call_id", e.CallID}, {"actor", e.Actor}, {"role", e.Role},
		{"patient_ref", e.PatientRef}, {"encounter_id", e.EncounterID}, {"task_id", e.TaskID},
		{"request_id", e.RequestID}, {"service", e.Service}, {"worker", e.Worker},
		{"action", string(e.Action)}, {"object_id", e.ObjectID}, {"task", e.Task},
		{"provider", e.Provider}, {"model", e.Model}, {"prompt_version", e.PromptVersion},
		{"attestation", e.Attestation}, {"input_sha256", e.InputSHA256}, {"output_sha256", e.OutputSHA256},
		{"result", e.Result}, {"provider_request_id", e.ProviderRequestID},
	}
	for _, f := range fields {
		if !idShaped(f.v) {
			return fmt.Errorf("%w: %s", ErrUnsafeEntry, f.name)
		}
	}
	if e.Event == "" || e.Actor == "" {
		return fmt.Errorf("%w: event and actor are required", ErrUnsafeEntry)
	}
	if !knownEvents[e.Event] {
		return fmt.Errorf("%w: unknown event %q", ErrUnsafeEntry, e.Event)
	}
	if e.Action != "" && !knownEvents[e.Action] {
		return fmt.Errorf("%w: unknown action %q", ErrUnsafeEntry, e.Action)
	}
	if e.Time.IsZero() {
		return fmt.Errorf("%w: time is required", ErrUnsafeEntry)
	}
	if e.Count < 0 || e.LatencyMS < 0 || e.TokensIn < 0 || e.TokensOut < 0 || e.Version < 0 || e.HTTPStatus < 0 {
		return fmt.Errorf("%w: counts must not be negative", ErrUnsafeEntry)
	}
	return nil
}

// Sink stores entries. Append returns only once the entry is durable
// (fsynced or acknowledged by the store): callers rely on it before they
// use an AI result. An error means the entry may not be stored and the
// action it records must not proceed.
type Sink interface {
	Append(ctx context.Context, e Entry) error
	Close() error
}

// BatchSink is a Sink that can make several entries durable in one
// commit: AppendAll returns once all of them are durable, consecutive in
// the order given, or with the error that kept them from being so (a
// crash may leave a prefix of them durable, never a later one without the
// earlier). Trail implements it; Logger.LogAll uses it where a Sink does.
type BatchSink interface {
	Sink
	AppendAll(ctx context.Context, entries []Entry) error
}

// Logger stamps entries with time and place and appends them to a Sink.
type Logger struct {
	sink     Sink
	service  string
	worker   string
	now      func() time.Time
	observer AppendObserver
}

// NewLogger returns a Logger; service and worker say where entries come from.
func NewLogger(sink Sink, service, worker string, now func() time.Time, opts ...LoggerOption) *Logger {
	if now == nil {
		now = time.Now
	}
	l := &Logger{sink: sink, service: service, worker: worker, now: now}
	for _, o := range opts {
		o(l)
	}
	return l
}

// AppendObserver learns how long each append took to become durable and
// whether it failed (the metrics). It sees no entry.
type AppendObserver interface {
	ObserveAppend(elapsed time.Duration, err error)
}

// LoggerOption adjusts a Logger.
type LoggerOption func(*Logger)

// WithObserver reports every append to o.
func WithObserver(o AppendObserver) LoggerOption { return func(l *Logger) { l.observer = o } }

// Log validates, stamps and appends e. An error means the entry is not
// durable and the action it records must not proceed.
func (l *Logger) Log(ctx context.Context, e Entry) error {
	if err := l.stamp(&e); err != nil {
		return err
	}
	start := time.Now()
	err := l.sink.Append(ctx, e)
	if l.observer != nil {
		l.observer.ObserveAppend(time.Since(start), err)
	}
	if err != nil {
		return fmt.Errorf("audit: append: %w", err)
	}
	return nil
}

// LogAll validates and stamps every entry, then appends them in order, in
// one commit where the Sink is a BatchSink (one fsync for all, where Log
// would make one each in a row) and one after another otherwise. An error
// means the entries may not be durable and the actions they record must
// not proceed; an entry that fails validation fails the call before any
// is appended.
func (l *Logger) LogAll(ctx context.Context, entries ...Entry) error {
	if len(entries) == 1 {
		return l.Log(ctx, entries[0])
	}
	stamped := make([]Entry, len(entries))
	for i, e := range entries {
		if err := l.stamp(&e); err != nil {
			return err
		}
		stamped[i] = e
	}
	batch, ok := l.sink.(BatchSink)
	for len(stamped) > 0 {
		start := time.Now()
		n := 1
		var err error
		if ok {
			n = len(stamped)
			err = batch.AppendAll(ctx, stamped)
		} else {
			err = l.sink.Append(ctx, stamped[0])
		}
		if l.observer != nil {
			for range n {
				l.observer.ObserveAppend(time.Since(start), err)
			}
		}
		if err != nil {
			return fmt.Errorf("audit: append: %w", err)
		}
		stamped = stamped[n:]
	}
	return nil
}

// stamp sets e's time (now, when unset; in UTC), service and worker, and
// validates it.
func (l *Logger) stamp(e *Entry) error {
	if e.Time.IsZero() {
		e.Time = l.now()
	}
	e.Time = e.Time.UTC()
	e.Service, e.Worker = l.service, l.worker
	return e.Validate()
}

// Close closes the sink.
func (l *Logger) Close() error { return l.sink.Close() }
