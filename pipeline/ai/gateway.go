package ai

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// ConsentChecker says whether a patient allows AI processing.
type ConsentChecker interface {
	AIAllowed(ctx context.Context, patientRef string) (bool, error)
}

// AllowAll is a ConsentChecker that allows every patient: for tests and
// tools that have no patients, never a stand-in for a missing store.
type AllowAll struct{}

// AIAllowed implements ConsentChecker.
func (AllowAll) AIAllowed(context.Context, string) (bool, error) { return true, nil }

// Config routes tasks to providers.
type Config struct {
	// Transcribe and Summarize name the provider for each task.
	Transcribe string `yaml:"transcribe"`
	Summarize  string `yaml:"summarize"`
	// DebugOverrideUnattestedProviders lets PHI go to providers without a
	// zero-retention attestation. For local debugging against a test
	// server only; every such call is logged at error level.
	DebugOverrideUnattestedProviders bool `yaml:"debug_override_unattested_providers"`
}

// Call says on whose behalf a call is made. IDs only.
type Call struct {
	EncounterID string
	PatientRef  string
	TaskID      string
	Actor       string
	Role        string
}

// Gateway is the audited door to AI providers.
type Gateway struct {
	cfg       Config
	providers map[string]*Provider
	audit     *audit.Logger
	consent   ConsentChecker
	log       *slog.Logger
	now       func() time.Time
	observer  CallObserver
}

// CallObserver learns of every provider call the gateway makes (the
// metrics): which provider and model, how long the provider took (the
// audit writes around it are not counted), what it used and how it ended.
// It sees no content.
type CallObserver interface {
	ObserveCall(CallStat)
}

// CallStat is one provider call as a CallObserver sees it.
type CallStat struct {
	Provider string
	Model    string // as configured for the task, not as the provider answered
	Task     Task
	Elapsed  time.Duration
	Usage    Usage
	Err      error // nil, or a *phi.Error
}

type nopObserver struct{}

func (nopObserver) ObserveCall(CallStat) {}

// GatewayOption adjusts a Gateway.
type GatewayOption func(*Gateway)

// WithClock sets the clock latencies and audit times are read from (default
// time.Now).
func WithClock(now func() time.Time) GatewayOption { return func(g *Gateway) { g.now = now } }

// WithObserver reports every provider call to o (default: to nobody).
func WithObserver(o CallObserver) GatewayOption { return func(g *Gateway) { g.observer = o } }

// NewGateway checks the routing and returns a Gateway. The audit logger,
// the consent checker and the log are required.
func NewGateway(cfg Config, providers []*Provider, auditor *audit.Logger, consent ConsentChecker, log *slog.Logger, opts ...GatewayOption) (*Gateway, error) {
	if auditor == nil || consent == nil || log == nil {
		return nil, errors.New("ai.NewGateway: an audit logger, a consent checker and a log are required")
	}
	g := &Gateway{cfg: cfg, providers: map[string]*Provider{}, audit: auditor, consent: consent, log: log, now: time.Now, observer: nopObserver{}}
	for _, o := range opts {
		o(g)
	}
	for _, p := range providers {
		if _, dup := g.providers[p.Name]; dup {
			return nil, fmt.Errorf("ai.NewGateway: provider %q defined twice", p.Name)
		}
		g.providers[p.Name] = p
	}
	for _, p := range providers {
		if p.Fallback == "" {
			continue
		}
		if _, ok := g.providers[p.Fallback]; !ok || p.Fallback == p.Name {
			return nil, fmt.Errorf("ai.NewGateway: provider %q: fallback %q is not another configured provider", p.Name, p.Fallback)
		}
	}
	for task, name := range map[Task]string{TaskTranscribe: cfg.Transcribe, TaskSummarize: cfg.Summarize} {
		p, ok := g.providers[name]
		if !ok {
			return nil, fmt.Errorf("ai.NewGateway: %s routes to unknown provider %q", task, name)
		}
		if (task == TaskTranscribe && p.Transcriber == nil) || (task == TaskSummarize && p.Summarizer == nil) {
			return nil, fmt.Errorf("ai.NewGateway: provider %q cannot %s", name, task)
		}
	}
	if cfg.DebugOverrideUnattestedProviders {
		log.Error("DEBUG OVERRIDE ACTIVE: PHI may be sent to AI providers without a zero-retention attestation; never use this with real patient data")
	}
	return g, nil
}

// Pseudonymizes reports whether text for the task must be pseudonymized:
// the routed provider or its fallback asks for it.
func (g *Gateway) Pseudonymizes(task Task) bool {
	p := g.Provider(task)
	if p == nil {
		return false
	}
	if p.Pseudonymize {
		return true
	}
	fb, ok := g.providers[p.Fallback]
	return ok && fb.Pseudonymize
}

// Provider returns the provider a task is routed to.
func (g *Gateway) Provider(task Task) *Provider {
	if task == TaskTranscribe {
		return g.providers[g.cfg.Transcribe]
	}
	return g.providers[g.cfg.Summarize]
}

// fallback returns the provider to try after p failed with err, or nil.
// Only failures a different provider might not have qualify: permanent
// errors (bad input, refused, invalid output), a missing audit trail and
// cancellation do not move the call.
func (g *Gateway) fallback(ctx context.Context, p *Provider, task Task, err error) *Provider {
	if err == nil || p.Fallback == "" || ctx.Err() != nil || phi.IsPermanent(err) {
		return nil
	}
	switch phi.CodeOf(err) {
	case phi.CodeAuditUnavailable, phi.CodeCanceled, phi.CodeConsentDenied, phi.CodeNotAttested:
		return nil
	}
	fb := g.providers[p.Fallback]
	if fb == nil || (task == TaskTranscribe && fb.Transcriber == nil) || (task == TaskSummarize && fb.Summarizer == nil) {
		return nil
	}
	g.log.Warn("AI provider failed; trying its fallback", "provider", p.Name, "fallback", fb.Name,
		"task", string(task), "code", string(phi.CodeOf(err)))
	return fb
}

// Transcribe sends a recording through the gateway. An error that is a
// *resilience.Deferral means no request left for any provider.
func (g *Gateway) Transcribe(ctx context.Context, call Call, req *TranscribeRequest) (*TranscribeResult, error) {
	if req == nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "an empty transcription request")
	}
	p := g.Provider(TaskTranscribe)
	ctx, sent := countRequests(ctx)
	res, err := g.transcribe(ctx, call, p, req)
	if fb := g.fallback(ctx, p, TaskTranscribe, err); fb != nil {
		res, err = g.transcribe(ctx, call, fb, req)
	}
	return res, settle(err, sent.Load())
}

func (g *Gateway) transcribe(ctx context.Context, call Call, p *Provider, req *TranscribeRequest) (*TranscribeResult, error) {
	input := hashJSON(struct {
		Audio    string
		Sidecar  string
		Language string
	}{req.Audio.SHA256, hashBytes(req.Sidecar), req.Language})
	var res *TranscribeResult
	err := g.do(ctx, call, p, TaskTranscribe, "", input, func(ctx context.Context) (outcome, error) {
		r, err := p.Transcriber.Transcribe(ctx, req)
		if err != nil {
			return outcome{}, err
		}
		r.Provider = p.Name
		res = r
		return outcome{model: r.Model, usage: r.Usage, requestID: r.RequestID, output: hashJSON(r.Segments)}, nil
	}, nil)
	if err != nil {
		return nil, err // a result whose outcome is not audited is discarded
	}
	return res, nil
}

// Summarize sends source segments through the gateway.
func (g *Gateway) Summarize(ctx context.Context, call Call, req *SummarizeRequest) (*SummarizeResult, error) {
	return g.SummarizeThen(ctx, call, req, nil)
}

// Record is given a successful result before the gateway audits its
// outcome and returns the entries that record what the caller does with
// it (the draft it stores); the gateway makes them durable with the
// outcome entry, in one commit of the audit trail (audit.Logger.LogAll:
// one fsync where the caller's own entry would wait for a second one in
// a row). An error from it (the result is unusable, or what it prepared
// failed) is returned by the call after the outcome alone is audited; it
// never moves the call to a fallback provider.
type Record[R any] func(res *R) ([]audit.Entry, error)

// SummarizeThen is Summarize whose outcome entry carries record's entries
// in the same commit; record may be nil.
func (g *Gateway) SummarizeThen(ctx context.Context, call Call, req *SummarizeRequest, record Record[SummarizeResult]) (*SummarizeResult, error) {
	if req == nil || req.Template == nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "a summary request needs a template")
	}
	p := g.Provider(TaskSummarize)
	ctx, sent := countRequests(ctx)
	res, err := g.summarize(ctx, call, p, req, record)
	var rerr *recordError
	if errors.As(err, &rerr) {
		return nil, rerr.err // the call succeeded; what the caller made of it failed
	}
	if fb := g.fallback(ctx, p, TaskSummarize, err); fb != nil {
		res, err = g.summarize(ctx, call, fb, req, record)
		if errors.As(err, &rerr) {
			return nil, rerr.err
		}
	}
	return res, settle(err, sent.Load())
}

// recordError carries a Record's error through do, so the fallback never
// sees it as the provider's.
type recordError struct{ err error }

func (e *recordError) Error() string { return e.err.Error() }

func (g *Gateway) summarize(ctx context.Context, call Call, p *Provider, req *SummarizeRequest, record Record[SummarizeResult]) (*SummarizeResult, error) {
	input := SummarizeInputHash(req)
	var res *SummarizeResult
	var after func() ([]audit.Entry, error)
	if record != nil {
		after = func() ([]audit.Entry, error) { return record(res) }
	}
	err := g.do(ctx, call, p, TaskSummarize, req.Template.Version(), input, func(ctx context.Context) (outcome, error) {
		r, err := p.Summarizer.Summarize(ctx, req)
		if err != nil {
			return outcome{}, err
		}
		r.Provider = p.Name
		r.NotInDraft = CheckDraft(r.Sections, req.Segments)
		g.logChecks(p.Name, r)
		res = r
		return outcome{model: r.Model, usage: r.Usage, requestID: r.RequestID, output: hashJSON(r.Sections)}, nil
	}, after)
	if err != nil {
		return nil, err // a result whose outcome is not audited is discarded
	}
	return res, nil
}

// logChecks logs what the draft checks found, as counts only.
func (g *Gateway) logChecks(provider string, r *SummarizeResult) {
	sentences, mismatched, unsupported := 0, 0, 0
	for _, sec := range r.Sections {
		for _, s := range sec.Sentences {
			sentences++
			for _, f := range s.Flags {
				switch f {
				case encounter.FlagFactMismatch:
					mismatched++
				case encounter.FlagUnsupported, encounter.FlagNoEvidence:
					unsupported++
				}
			}
		}
	}
	c := r.NotInDraft
	g.log.Info("draft checked", "provider", provider, "sentences", sentences, "fact_mismatch", mismatched,
		"unsupported", unsupported, "segments", c.Segments, "segments_cited", c.Cited,
		"clinical_not_used", len(c.ClinicalNotUsed), "not_used", len(c.NotUsed))
}

// SummarizeInputHash is the SHA-256 a draft's label and the audit trail
// record for a summary request: template version plus source segments.
func SummarizeInputHash(req *SummarizeRequest) string {
	return hashJSON(struct {
		Template string
		Segments any
	}{req.Template.Version(), req.Segments})
}

type outcome struct {
	model     string
	usage     Usage
	requestID string
	output    string
}

// do audits the call's intent, sends it and audits its outcome. after,
// if set, is called once the call succeeded, before its outcome is
// audited; the entries it returns are made durable with the outcome, in
// one commit. Its error is returned as a *recordError, after the outcome
// alone is audited.
func (g *Gateway) do(ctx context.Context, call Call, p *Provider, task Task, promptVersion, inputHash string, send func(context.Context) (outcome, error), after func() ([]audit.Entry, error)) error {
	base := audit.Entry{
		Actor: cmp.Or(call.Actor, "system:worker"), Role: cmp.Or(call.Role, "system"),
		PatientRef: call.PatientRef, EncounterID: call.EncounterID, TaskID: call.TaskID,
		Task: string(task), Provider: p.Name, Model: p.Models[task], PromptVersion: promptVersion,
		Attestation: p.Attestation.Agreement, InputSHA256: inputHash,
	}
	refuse := func(code phi.Code, msg string) error {
		e := base
		e.Event, e.Result = audit.EventAIRefused, string(code)
		if err := g.audit.Log(ctx, e); err != nil {
			return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; AI call refused and not recorded")
		}
		return phi.Permanentf(code, "%s", msg)
	}

	if !p.Attestation.ZeroRetention {
		if !g.cfg.DebugOverrideUnattestedProviders {
			return refuse(phi.CodeNotAttested, fmt.Sprintf("provider %q has no zero_retention attestation; refusing to send PHI (set providers[].zero_retention with the agreement reference)", p.Name))
		}
		g.log.Error("DEBUG OVERRIDE: sending PHI to a provider without a zero-retention attestation",
			"provider", p.Name, "encounter_id", call.EncounterID)
	}
	allowed, err := g.consent.AIAllowed(ctx, call.PatientRef)
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "consent could not be checked; AI call not made")
	}
	if !allowed {
		return refuse(phi.CodeConsentDenied, "the patient opted out of AI processing")
	}

	if err := ctx.Err(); err != nil {
		return phi.Wrap(err, phi.CodeOf(err), "the call ended before it started; AI call not made")
	}
	callID := newCallID()
	intent := base
	intent.Event, intent.CallID = audit.EventAIIntent, callID
	if err := g.audit.Log(ctx, intent); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return phi.Wrap(cerr, phi.CodeOf(cerr), "the call ended before it started; AI call not made")
		}
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; AI call not made")
	}

	start := g.now()
	out, callErr := send(withCallScope(ctx, g, intent))
	elapsed := g.now().Sub(start)
	g.observer.ObserveCall(CallStat{Provider: p.Name, Model: p.Models[task], Task: task, Elapsed: elapsed, Usage: out.usage, Err: callErr})
	done := base
	done.Event, done.CallID = audit.EventAIOutcome, callID
	done.LatencyMS = elapsed.Milliseconds()
	if callErr != nil {
		done.Result = string(phi.CodeOf(callErr))
	} else {
		done.Result = "ok"
		done.Model = cmp.Or(out.model, done.Model)
		done.OutputSHA256 = out.output
		done.TokensIn, done.TokensOut = out.usage.InputTokens, out.usage.OutputTokens
		done.ProviderRequestID = out.requestID
	}
	var more []audit.Entry
	var recErr error
	if callErr == nil && after != nil {
		more, recErr = after()
	}
	// The outcome is recorded even when the call ended because ctx did
	// (a task deadline): a canceled ctx must not leave an intent unmatched.
	err = g.audit.LogAll(context.WithoutCancel(ctx), append([]audit.Entry{done}, more...)...)
	if err != nil && len(more) > 0 && errors.Is(err, audit.ErrUnsafeEntry) {
		// The caller's entries were refused (nothing was appended): the
		// outcome still goes on record, and the caller's error is theirs.
		recErr = err
		err = g.audit.Log(context.WithoutCancel(ctx), done)
	}
	if err != nil {
		// The result must not be used unaudited.
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; AI result discarded")
	}
	if recErr != nil {
		return &recordError{recErr}
	}
	return callErr
}

func newCallID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return "call_" + hex.EncodeToString(b[:])
}

func hashBytes(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func hashJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("ai: hash of unmarshalable value: %v", err))
	}
	return hashBytes(b)
}
