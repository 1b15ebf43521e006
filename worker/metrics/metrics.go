package metrics

import (
	"net/http"
	"regexp"
	"sort"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Namespace prefixes every clinscribe metric.
const Namespace = "clinscribe"

// Outcomes of a task attempt, an AI call or an audit append.
const (
	OutcomeOK     = "ok"
	OutcomeRetry  = "retry"  // the attempt failed and asynq will retry it
	OutcomeFailed = "failed" // permanent failure or retries exhausted: archived
	OutcomeError  = "error"
	// OutcomeDeferred: the attempt was refused before any request left (an
	// open circuit breaker, a full fleet rate limit); asynq re-schedules
	// it without counting it.
	OutcomeDeferred = "deferred"
)

// Breaker states, as resilience.Breaker names them.
const (
	BreakerClosed   = "closed"
	BreakerHalfOpen = "half_open"
	BreakerOpen     = "open"
)

var breakerStates = []string{BreakerClosed, BreakerHalfOpen, BreakerOpen}

// ProviderObserver receives what an AI provider's rate limiter and circuit
// breaker do; the openai provider calls it (openai.Deps.Observer), *Metrics
// implements it.
type ProviderObserver = ai.ProviderObserver

// ReviewObserver receives the human-review workload: the overdue
// escalation job reports the counts; *Metrics implements it.
type ReviewObserver interface {
	ReviewCases(open, overdue int)
}

// NopReviewObserver discards observations.
type NopReviewObserver struct{}

func (NopReviewObserver) ReviewCases(int, int) {}

var (
	_ ProviderObserver = (*Metrics)(nil)
	_ ReviewObserver   = (*Metrics)(nil)
	_ ReviewObserver   = NopReviewObserver{}
)

// Metrics holds the registry and the metrics this process updates.
type Metrics struct {
	reg *prometheus.Registry
	own []prometheus.Collector

	taskDuration *prometheus.HistogramVec
	tasks        *prometheus.CounterVec
	inFlight     *prometheus.GaugeVec

	aiDuration  *prometheus.HistogramVec
	aiRequests  *prometheus.CounterVec
	aiErrors    *prometheus.CounterVec
	aiTokensIn  *prometheus.CounterVec
	aiTokensOut *prometheus.CounterVec
	rateWait    *prometheus.HistogramVec
	breaker     *prometheus.GaugeVec
	deferred    *prometheus.CounterVec
	stageWait   *prometheus.HistogramVec

	auditAppend *prometheus.HistogramVec

	reviewOpen    prometheus.Gauge
	reviewOverdue prometheus.Gauge

	maintRuns     *prometheus.CounterVec
	purged        *prometheus.CounterVec
	inputsDeleted prometheus.Counter
	draining      prometheus.Gauge
}

// Buckets for task and AI latencies: from 5 ms to 10 minutes, because a
// transcription of a long recording takes minutes and a note seconds.
var latencyBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}

// Buckets for how long a stage waited on a provider: a second to a day.
var waitBuckets = []float64{1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 5400, 7200, 14400, 86400}

// Buckets for audit appends (an fsync or an S3 PUT) and limiter waits.
var shortBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// New returns a Metrics with a fresh registry holding the Go and process
// collectors and every clinscribe metric.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{reg: reg}
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	f(collectors.NewGoCollector())
	f(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	m.taskDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "task_duration_seconds",
		Help:    "Duration of one task attempt in this process, by queue, task type and outcome (ok, retry, failed).",
		Buckets: latencyBuckets,
	}, []string{"queue", "task_type", "outcome"})
	m.tasks = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "tasks_total",
		Help: "Task attempts in this process by queue, task type, outcome and result code.",
	}, []string{"queue", "task_type", "outcome", "code"})
	m.inFlight = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: Namespace, Name: "tasks_in_flight",
		Help: "Task attempts running in this process.",
	}, []string{"queue", "task_type"})

	ai := []string{"provider", "model", "task_type"}
	m.aiDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "ai_request_duration_seconds",
		Help:    "AI provider call latency by provider, model, task type and outcome (ok, error).",
		Buckets: latencyBuckets,
	}, append(ai[:3:3], "outcome"))
	m.aiRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "ai_requests_total",
		Help: "AI provider calls by provider, model, task type and result code (ok for success).",
	}, append(ai[:3:3], "code"))
	m.aiErrors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "ai_errors_total",
		Help: "Failed AI provider calls by provider, model, task type and result code.",
	}, append(ai[:3:3], "code"))
	m.aiTokensIn = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "ai_input_tokens_total",
		Help: "Input tokens reported by AI providers.",
	}, ai)
	m.aiTokensOut = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "ai_output_tokens_total",
		Help: "Output tokens reported by AI providers.",
	}, ai)
	m.rateWait = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "ai_ratelimit_wait_seconds",
		Help:    "Time AI calls waited for the provider's rate limiter.",
		Buckets: shortBuckets,
	}, []string{"provider"})
	m.breaker = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: Namespace, Name: "ai_circuit_breaker_state",
		Help: "1 for the current state of a provider's circuit breaker (closed, half_open, open), 0 for the others.",
	}, []string{"provider", "state"})

	m.deferred = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "ai_deferred_total",
		Help: "Task attempts deferred before any request left, by provider and reason (circuit_open, rate_limit).",
	}, []string{"provider", "reason"})
	m.stageWait = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "stage_wait_seconds",
		Help:    "For AI stages that had to be retried or deferred: time from the first attempt to the end, by stage, reason (the last failure's code) and outcome (done, failed).",
		Buckets: waitBuckets,
	}, []string{"stage", "reason", "outcome"})

	m.auditAppend = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "audit_append_duration_seconds",
		Help:    "Durable audit appends by outcome (ok, error).",
		Buckets: shortBuckets,
	}, []string{"outcome"})

	m.reviewOpen = prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: Namespace, Name: "review_cases_open", Help: "Open human-review cases.",
	})
	m.reviewOverdue = prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: Namespace, Name: "review_cases_overdue", Help: "Open human-review cases past their due date.",
	})

	m.maintRuns = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "maintenance_runs_total", Help: "Maintenance jobs by task type and outcome.",
	}, []string{"task_type", "outcome"})
	m.purged = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "maintenance_purged_tasks_total", Help: "Task hashes deleted by the purge, by queue and state.",
	}, []string{"queue", "state"})
	m.inputsDeleted = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: Namespace, Name: "retention_inputs_deleted_total", Help: "Encounter inputs deleted by the retention sweep.",
	})
	m.draining = prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: Namespace, Name: "worker_draining", Help: "1 once this worker stopped taking new tasks (drain).",
	})

	m.own = []prometheus.Collector{m.taskDuration, m.tasks, m.inFlight, m.aiDuration, m.aiRequests, m.aiErrors,
		m.aiTokensIn, m.aiTokensOut, m.rateWait, m.breaker, m.deferred, m.stageWait, m.auditAppend, m.reviewOpen, m.reviewOverdue,
		m.maintRuns, m.purged, m.inputsDeleted, m.draining}
	for _, c := range m.own {
		f(c)
	}
	return m
}

var fqNameRE = regexp.MustCompile(`fqName: "([^"]+)"`)

// Names lists every clinscribe metric name this package defines,
// including the queue collector's, for docs and dashboards to be checked
// against.
func (m *Metrics) Names() []string {
	ch := make(chan *prometheus.Desc, 64)
	go func() {
		for _, c := range m.own {
			c.Describe(ch)
		}
		NewQueueCollector(nil, nil).Describe(ch)
		close(ch)
	}()
	var names []string
	for d := range ch {
		if sm := fqNameRE.FindStringSubmatch(d.String()); sm != nil {
			names = append(names, sm[1])
		}
	}
	sort.Strings(names)
	return names
}

// Registry is the registry to gather from (or to register more collectors
// on, such as NewQueueCollector).
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// RateLimitWait implements ProviderObserver.
func (m *Metrics) RateLimitWait(provider string, d time.Duration) {
	m.rateWait.WithLabelValues(Label(provider)).Observe(d.Seconds())
}

// Deferred counts a task attempt deferred before any request left.
func (m *Metrics) Deferred(provider, reason string) {
	m.deferred.WithLabelValues(Label(provider), Label(reason)).Inc()
}

// StageWaited implements pipeline.WaitObserver.
func (m *Metrics) StageWaited(stage encounter.Stage, reason phi.Code, outcome string, waited time.Duration) {
	m.stageWait.WithLabelValues(Label(string(stage)), Label(string(reason)), Label(outcome)).Observe(waited.Seconds())
}

// BreakerState implements ProviderObserver.
// An unknown state sets all three to 0 rather than invent a label value.
func (m *Metrics) BreakerState(provider, state string) {
	p := Label(provider)
	for _, s := range breakerStates {
		v := 0.0
		if s == state {
			v = 1
		}
		m.breaker.WithLabelValues(p, s).Set(v)
	}
}

// ReviewCases implements ReviewObserver.
func (m *Metrics) ReviewCases(open, overdue int) {
	m.reviewOpen.Set(float64(open))
	m.reviewOverdue.Set(float64(overdue))
}

// MaintenanceRun counts one maintenance job.
func (m *Metrics) MaintenanceRun(taskType string, err error) {
	outcome := OutcomeOK
	if err != nil {
		outcome = OutcomeError
	}
	m.maintRuns.WithLabelValues(Label(taskType), outcome).Inc()
}

// Purged counts task hashes deleted by the purge.
func (m *Metrics) Purged(queue, state string, n int) {
	m.purged.WithLabelValues(Label(queue), Label(state)).Add(float64(n))
}

// InputsDeleted counts inputs removed by the retention sweep.
func (m *Metrics) InputsDeleted(n int) { m.inputsDeleted.Add(float64(n)) }

// Draining marks this worker as drained.
func (m *Metrics) Draining(on bool) {
	if on {
		m.draining.Set(1)
	} else {
		m.draining.Set(0)
	}
}

var labelRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_.:-]{0,63}$`)

// Label returns v if it is a short lower-case identifier (a queue, a task
// type, a configured provider or model name, a result code) and "other"
// otherwise, so nothing free-form — and so no PHI — becomes a label value.
func Label(v string) string {
	if labelRE.MatchString(v) {
		return v
	}
	if v == "" {
		return "none"
	}
	return "other"
}
