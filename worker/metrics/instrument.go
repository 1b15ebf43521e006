package metrics

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Middleware times every task attempt and counts its outcome. Place it
// inside the middleware that makes errors safe, so it sees the result code
// of the handler's *phi.Error: a permanent error, one wrapping
// asynq.SkipRetry, or the last allowed retry is "failed" (asynq archives
// the task); a resilience.Deferral is "deferred" (and counted in
// clinscribe_ai_deferred_total); any other error is "retry".
func (m *Metrics) Middleware() asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			queue, _ := asynq.GetQueueName(ctx)
			q, typ := Label(queue), Label(t.Type())
			g := m.inFlight.WithLabelValues(q, typ)
			g.Inc()
			start := time.Now()
			defer g.Dec()
			err := next.ProcessTask(ctx, t)
			outcome, code := OutcomeOK, OutcomeOK
			if err != nil {
				code = Label(string(phi.CodeOf(err)))
				retried, _ := asynq.GetRetryCount(ctx)
				maxRetry, _ := asynq.GetMaxRetry(ctx)
				outcome = OutcomeRetry
				if d, ok := resilience.AsDeferral(err); ok {
					outcome = OutcomeDeferred
					m.Deferred(d.Provider, d.Reason)
				}
				if phi.IsPermanent(err) || errors.Is(err, asynq.SkipRetry) || retried >= maxRetry {
					outcome = OutcomeFailed
				}
			}
			m.taskDuration.WithLabelValues(q, typ, outcome).Observe(time.Since(start).Seconds())
			m.tasks.WithLabelValues(q, typ, outcome, code).Inc()
			return err
		})
	}
}

// ObserveCall implements ai.CallObserver: the gateway reports every
// provider call here (latency, tokens, errors by code), so metrics see each
// call without standing between the gateway and the provider.
func (m *Metrics) ObserveCall(c ai.CallStat) {
	provider, model, task := Label(c.Provider), Label(strings.ToLower(c.Model)), string(c.Task)
	outcome, code := OutcomeOK, OutcomeOK
	if c.Err != nil {
		outcome, code = OutcomeError, Label(string(phi.CodeOf(c.Err)))
		m.aiErrors.WithLabelValues(provider, model, task, code).Inc()
	}
	m.aiDuration.WithLabelValues(provider, model, task, outcome).Observe(c.Elapsed.Seconds())
	m.aiRequests.WithLabelValues(provider, model, task, code).Inc()
	if c.Usage.InputTokens > 0 {
		m.aiTokensIn.WithLabelValues(provider, model, task).Add(float64(c.Usage.InputTokens))
	}
	if c.Usage.OutputTokens > 0 {
		m.aiTokensOut.WithLabelValues(provider, model, task).Add(float64(c.Usage.OutputTokens))
	}
}

var _ ai.CallObserver = (*Metrics)(nil)

// InstrumentSink returns a Sink that times every append. It also remembers
// whether the most recent append failed, which the readiness check reads
// (see Sink.LastAppendError).
func (m *Metrics) InstrumentSink(s audit.Sink) *Sink {
	return &Sink{next: s, m: m}
}

// Sink is an instrumented audit.Sink.
type Sink struct {
	next audit.Sink
	m    *Metrics

	mu      sync.Mutex
	lastErr error
}

var _ audit.Sink = (*Sink)(nil)

// Append implements audit.Sink.
func (s *Sink) Append(ctx context.Context, e audit.Entry) error {
	start := time.Now()
	err := s.next.Append(ctx, e)
	outcome := OutcomeOK
	if err != nil {
		outcome = OutcomeError
	}
	s.m.auditAppend.WithLabelValues(outcome).Observe(time.Since(start).Seconds())
	s.mu.Lock()
	s.lastErr = err
	s.mu.Unlock()
	return err
}

// Close implements audit.Sink.
func (s *Sink) Close() error { return s.next.Close() }

// Unwrap returns the decorated sink.
func (s *Sink) Unwrap() audit.Sink { return s.next }

// LastAppendError is the error of the most recent append, nil if it
// succeeded or none was made.
func (s *Sink) LastAppendError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastErr
}
