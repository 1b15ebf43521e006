package ai

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync/atomic"

	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Audit events for the single HTTP requests a gateway call makes. A call
// (EventAIIntent .. EventAIOutcome) may send several requests: one per
// chunk of a long recording or transcript, one per retry, one repair. Each
// is bracketed on its own, so every byte that leaves for a provider is
// preceded by an entry that says it is about to, and a crash mid-request
// still leaves that trace. Request entries carry the call's ID with a
// sequence suffix ("call_ab12….3") so they group under their call.
const (
	EventRequestIntent  = audit.EventAIRequestIntent
	EventRequestOutcome = audit.EventAIRequestOutcome
)

// ErrOutsideGateway means a provider was asked to send a request that no
// gateway call is audited for. Providers that talk to a network call
// BeginRequest for every request, so they cannot be used around the
// gateway by mistake.
var ErrOutsideGateway = errors.New("ai: provider request outside an audited gateway call")

func init() {
	// Provider names and task names are configuration, not content.
	phi.AllowLogKey("fallback", "task")
}

type scopeKey struct{}

type sentKey struct{}

// callScope is what a gateway call hands its provider through the context.
type callScope struct {
	g    *Gateway
	base audit.Entry // the call's entry: IDs, task, provider, attestation
	seq  atomic.Int64
	sent *atomic.Int64 // requests begun by the whole public call (fallback included)
}

func withCallScope(ctx context.Context, g *Gateway, base audit.Entry) context.Context {
	sent, _ := ctx.Value(sentKey{}).(*atomic.Int64)
	if sent == nil {
		sent = new(atomic.Int64)
	}
	return context.WithValue(ctx, scopeKey{}, &callScope{g: g, base: base, sent: sent})
}

// countRequests returns ctx with a counter of the requests every gateway
// call under it begins.
func countRequests(ctx context.Context) (context.Context, *atomic.Int64) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, sentKey{}, n), n
}

// settle decides what a call's error means for the task's retry budget.
// A *resilience.Deferral says no request was sent: that holds only if no
// request left during the whole call (a call that sent requests and was
// then refused by the breaker it tripped has spent an attempt), so it is
// turned into an ordinary retryable error that keeps its wait.
func settle(err error, sent int64) error {
	if d, ok := resilience.AsDeferral(err); ok && sent > 0 {
		return d.Spent()
	}
	return err
}

// InGatewayCall reports whether ctx belongs to an audited gateway call.
func InGatewayCall(ctx context.Context) bool {
	_, ok := ctx.Value(scopeKey{}).(*callScope)
	return ok
}

// Request is one audited HTTP request to a provider.
type Request struct {
	scope *callScope
	entry audit.Entry
	start int64 // unix ms
	ended atomic.Bool
}

// RequestInfo describes a request about to be sent. Strings must be
// identifiers (a model or deployment name, an operation such as
// "chat.completions"); they go into the audit entry.
type RequestInfo struct {
	Model string
	// Operation names the API operation, e.g. "audio.transcriptions".
	Operation string
	// InputSHA256 is the SHA-256 of the request's body as sent; empty keeps
	// the call's input hash.
	InputSHA256 string
}

// BeginRequest writes the intent entry of one request. Call it before the
// request's first byte is sent; if it fails, do not send. It fails with
// ErrOutsideGateway when ctx is not a gateway call's.
func BeginRequest(ctx context.Context, info RequestInfo) (*Request, error) {
	sc, ok := ctx.Value(scopeKey{}).(*callScope)
	if !ok {
		return nil, phi.WrapPermanent(ErrOutsideGateway, phi.CodeInternal, "AI request attempted outside the audited gateway; not sent")
	}
	n := sc.seq.Add(1)
	sc.sent.Add(1)
	e := sc.base
	e.Event = EventRequestIntent
	e.CallID = fmt.Sprintf("%s.%d", sc.base.CallID, n)
	if info.Model != "" {
		e.Model = info.Model
	}
	if info.InputSHA256 != "" {
		e.InputSHA256 = info.InputSHA256
	}
	e.Task = sc.base.Task
	if info.Operation != "" {
		e.Task = sc.base.Task + ":" + info.Operation
	}
	e.Result = ""
	r := &Request{scope: sc, entry: e, start: sc.g.now().UnixMilli()}
	if err := sc.g.audit.Log(ctx, e); err != nil {
		return nil, phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; AI request not sent")
	}
	return r, nil
}

// requestIDRE: provider request IDs are recorded only when they look like
// identifiers.
var requestIDRE = regexp.MustCompile(`^[A-Za-z0-9._:@+/=#-]{1,128}$`)

// End writes the request's outcome entry: result is "ok" or an error code
// (a phi.Code, "http_429", ...), requestID the provider's ID for the
// request when it gave one. End is written even when ctx is cancelled. An
// error means the outcome is not recorded and the response must not be
// used. Calling End twice is a no-op.
func (r *Request) End(ctx context.Context, result string, usage Usage, requestID string) error {
	if r == nil || !r.ended.CompareAndSwap(false, true) {
		return nil
	}
	e := r.entry
	e.Time = r.scope.g.now().UTC()
	e.Event = EventRequestOutcome
	e.Result = result
	e.LatencyMS = e.Time.UnixMilli() - r.start
	e.TokensIn, e.TokensOut = usage.InputTokens, usage.OutputTokens
	if requestIDRE.MatchString(requestID) {
		e.ProviderRequestID = requestID
	}
	if err := r.scope.g.audit.Log(context.WithoutCancel(ctx), e); err != nil {
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; AI response discarded")
	}
	return nil
}
