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

// InstrumentProvider returns a copy of p whose Transcriber and Summarizer
// record latency, tokens and errors. Apply it to each provider before the
// gateway is built: the gateway then calls the decorators, which call the
// provider, so the measured latency is the provider's alone (the gateway's
// audit writes are measured by InstrumentSink).
func (m *Metrics) InstrumentProvider(p *ai.Provider) *ai.Provider {
	c := *p
	if p.Transcriber != nil {
		c.Transcriber = &transcriber{next: p.Transcriber, m: m, labels: m.aiLabels(p, ai.TaskTranscribe)}
	}
	if p.Summarizer != nil {
		c.Summarizer = &summarizer{next: p.Summarizer, m: m, labels: m.aiLabels(p, ai.TaskSummarize)}
	}
	return &c
}

type aiLabels struct{ provider, model, task string }

func (m *Metrics) aiLabels(p *ai.Provider, task ai.Task) aiLabels {
	return aiLabels{provider: Label(p.Name), model: Label(strings.ToLower(p.Models[task])), task: string(task)}
}

func (m *Metrics) observeAI(l aiLabels, start time.Time, u ai.Usage, err error) {
	outcome, code := OutcomeOK, OutcomeOK
	if err != nil {
		outcome, code = OutcomeError, Label(string(phi.CodeOf(err)))
		m.aiErrors.WithLabelValues(l.provider, l.model, l.task, code).Inc()
	}
	m.aiDuration.WithLabelValues(l.provider, l.model, l.task, outcome).Observe(time.Since(start).Seconds())
	m.aiRequests.WithLabelValues(l.provider, l.model, l.task, code).Inc()
	if u.InputTokens > 0 {
		m.aiTokensIn.WithLabelValues(l.provider, l.model, l.task).Add(float64(u.InputTokens))
	}
	if u.OutputTokens > 0 {
		m.aiTokensOut.WithLabelValues(l.provider, l.model, l.task).Add(float64(u.OutputTokens))
	}
}

type transcriber struct {
	next   ai.Transcriber
	m      *Metrics
	labels aiLabels
}

func (d *transcriber) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	start := time.Now()
	res, err := d.next.Transcribe(ctx, req)
	var u ai.Usage
	if res != nil {
		u = res.Usage
	}
	d.m.observeAI(d.labels, start, u, err)
	return res, err
}

type summarizer struct {
	next   ai.Summarizer
	m      *Metrics
	labels aiLabels
}

func (d *summarizer) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	start := time.Now()
	res, err := d.next.Summarize(ctx, req)
	var u ai.Usage
	if res != nil {
		u = res.Usage
	}
	d.m.observeAI(d.labels, start, u, err)
	return res, err
}

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
