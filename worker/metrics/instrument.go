package metrics

import (
	"context"
	"errors"
	"strings"
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

// ObserveAppend implements audit.AppendObserver: the audit logger reports
// how long each append took to become durable.
func (m *Metrics) ObserveAppend(elapsed time.Duration, err error) {
	outcome := OutcomeOK
	if err != nil {
		outcome = OutcomeError
	}
	m.auditAppend.WithLabelValues(outcome).Observe(elapsed.Seconds())
}

var _ audit.AppendObserver = (*Metrics)(nil)
