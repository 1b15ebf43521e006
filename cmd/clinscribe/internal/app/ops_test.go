package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/worker/health"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// scrape GETs /metrics from h and parses the exposition.
func scrape(t testing.TB, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("/metrics: %d %s", rec.Code, rec.Body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(rec.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return fams
}

// value returns the value of the series of family name with exactly the
// given labels (a subset match), and whether it exists.
func value(fams map[string]*dto.MetricFamily, name string, labels map[string]string) (float64, bool) {
	base, suffix := name, ""
	for _, s := range []string{"_count", "_sum"} {
		if b, ok := strings.CutSuffix(name, s); ok && fams[b] != nil {
			base, suffix = b, s
		}
	}
	f, ok := fams[base]
	if !ok {
		return 0, false
	}
next:
	for _, m := range f.GetMetric() {
		have := map[string]string{}
		for _, lp := range m.GetLabel() {
			have[lp.GetName()] = lp.GetValue()
		}
		for k, v := range labels {
			if have[k] != v {
				continue next
			}
		}
		switch {
		case suffix == "_count":
			return float64(m.GetHistogram().GetSampleCount()), true
		case suffix == "_sum":
			return m.GetHistogram().GetSampleSum(), true
		case m.Counter != nil:
			return m.GetCounter().GetValue(), true
		case m.Gauge != nil:
			return m.GetGauge().GetValue(), true
		}
	}
	return 0, false
}

// After a pipeline run on a real Redis, /metrics holds the series an
// operator watches, with the right values, and no label carries content.
func TestMetricsAfterPipelineRun(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	e := start(t, rds, testConfig(t, rds.URL), true)
	ids := []string{
		submitSample(t, e.a, "note-hypertension-followup"),
		submitSample(t, e.a, "note-low-back-pain"),
		submitSample(t, e.a, "rec-cough-telehealth"),
	}
	for _, id := range ids {
		if v := e.waitFinished(t, id, 30*time.Second); v.Failure != nil || len(v.Drafts) != 1 {
			t.Fatalf("%s: %+v", id, v)
		}
	}
	h := e.a.HealthHandler()
	// The worker records a task's outcome after the handler returns;
	// asynq marks it completed a moment later. Wait for both.
	var fams map[string]*dto.MetricFamily
	_ = workertest.Within(10*time.Second, func() error { // the checks below say what is missing
		fams = scrape(t, h)
		done, _ := value(fams, "clinscribe_queue_tasks", map[string]string{"queue": "summarize", "state": "completed"})
		okN, _ := value(fams, "clinscribe_tasks_total", map[string]string{"queue": "summarize", "outcome": "ok"})
		if done != 3 || okN != 3 {
			return workertest.ErrNotYet
		}
		return nil
	})
	want := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"clinscribe_queue_tasks", map[string]string{"queue": "summarize", "state": "completed"}, 3},
		{"clinscribe_queue_tasks", map[string]string{"queue": "transcribe", "state": "completed"}, 1},
		{"clinscribe_queue_tasks", map[string]string{"queue": "summarize", "state": "pending"}, 0},
		{"clinscribe_queue_tasks", map[string]string{"queue": "critical", "state": "archived"}, 0},
		{"clinscribe_queue_paused", map[string]string{"queue": "summarize"}, 0},
		{"clinscribe_queue_up", nil, 1},
		{"clinscribe_tasks_total", map[string]string{"queue": "summarize", "task_type": "encounter:summarize", "outcome": "ok", "code": "ok"}, 3},
		{"clinscribe_tasks_total", map[string]string{"queue": "transcribe", "task_type": "encounter:transcribe", "outcome": "ok", "code": "ok"}, 1},
		{"clinscribe_task_duration_seconds_count", map[string]string{"queue": "summarize", "task_type": "encounter:summarize", "outcome": "ok"}, 3},
		{"clinscribe_tasks_in_flight", map[string]string{"queue": "summarize", "task_type": "encounter:summarize"}, 0},
		{"clinscribe_ai_requests_total", map[string]string{"provider": "offline", "model": "clinscribe-extractive-1", "task_type": "summarize", "code": "ok"}, 3},
		{"clinscribe_ai_requests_total", map[string]string{"provider": "offline", "model": "sidecar-import", "task_type": "transcribe", "code": "ok"}, 1},
		{"clinscribe_ai_request_duration_seconds_count", map[string]string{"provider": "offline", "task_type": "summarize", "outcome": "ok"}, 3},
		// submit + intent + outcome + draft per note; + intent + outcome for the transcription
		{"clinscribe_audit_append_duration_seconds_count", map[string]string{"outcome": "ok"}, 3*4 + 2},
		{"clinscribe_review_cases_open", nil, 0},
	}
	for _, w := range want {
		got, ok := value(fams, w.name, w.labels)
		if !ok || got != w.want {
			t.Errorf("%s%v = %v (found %v), want %v", w.name, w.labels, got, ok, w.want)
		}
	}
	if _, ok := value(fams, "clinscribe_ai_errors_total", nil); ok {
		t.Errorf("ai errors recorded for a clean run")
	}
	// No label value is anything but an identifier; the sample's people
	// and medications appear nowhere in the exposition.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	for _, needle := range []string{"Whitcombe", "Halvorsen", "lisinopril", "enc_", "pt_"} {
		if strings.Contains(body, needle) {
			t.Errorf("/metrics contains %q", needle)
		}
	}
	for _, f := range fams {
		for _, m := range f.GetMetric() {
			for _, lp := range m.GetLabel() {
				if strings.ContainsAny(lp.GetValue(), " /") && lp.GetName() != "le" {
					t.Errorf("%s: label %s=%q is not identifier-shaped", f.GetName(), lp.GetName(), lp.GetValue())
				}
			}
		}
	}
}

func readyz(t *testing.T, h http.Handler) (int, health.Report) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	var rep health.Report
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
		t.Fatalf("/readyz body %q: %v", rec.Body, err)
	}
	return rec.Code, rep
}

// /readyz follows Redis: ready, not ready while Redis is down, ready again
// when it is back. Meanwhile the worker rides out the outage: with AOF on,
// every task queued before the restart is processed after it — no task is
// lost and none runs twice to a second draft. The reconciler (which would
// hide a loss by re-enqueueing from storage) does not run in this test.
func TestReadyzAndWorkerSurviveRedisRestart(t *testing.T) {
	t.Parallel()
	rds := redistest.StartWith(t, redistest.Options{Own: true, AppendOnly: true})
	cfg := testConfig(t, rds.URL)
	cfg.Worker.ReconcileEvery = time.Hour
	cfg.Ops.CheckTimeout = 500 * time.Millisecond
	cfg.AI.Providers = []config.Provider{{Name: "offline", Kind: "offline", SimulateLatency: 300 * time.Millisecond}}
	cfg.Redis.DialTimeout = 200 * time.Millisecond
	e := start(t, rds, cfg, true)
	h := e.a.HealthHandler()
	if code, rep := readyz(t, h); code != 200 || rep.Status != "ready" {
		t.Fatalf("/readyz before: %d %+v", code, rep)
	}
	for _, name := range []string{"redis", "storage", "keyring", "keys", "audit"} {
		if _, rep := readyz(t, h); rep.Checks[name] != "ok" {
			t.Fatalf("check %s: %q", name, rep.Checks[name])
		}
	}

	var ids []string
	for i := range 12 {
		name := []string{"note-hypertension-followup", "note-low-back-pain", "note-diabetes-visit"}[i%3]
		ids = append(ids, submitSample(t, e.a, name))
	}
	rds.Stop(t)
	code, rep := readyz(t, h)
	if code != http.StatusServiceUnavailable || rep.Status != "not_ready" || rep.Checks["redis"] == "ok" {
		t.Fatalf("/readyz with Redis down: %d %+v", code, rep)
	}
	if rep.Checks["storage"] != "ok" {
		t.Fatalf("storage check failed with Redis down: %+v", rep)
	}
	rds.Restart(t)
	workertest.Eventually(t, 15*time.Second, func() error {
		if code, rep = readyz(t, h); code != 200 {
			return fmt.Errorf("/readyz after Redis returned: %d %+v", code, rep)
		}
		return nil
	})
	for _, id := range ids {
		v := e.waitFinished(t, id, 90*time.Second)
		if v.Failure != nil || len(v.Drafts) != 1 {
			t.Fatalf("%s after the restart: %+v", id, v)
		}
	}
	fams := scrape(t, h)
	if up, _ := value(fams, "clinscribe_queue_up", nil); up != 1 {
		t.Fatalf("queue_up = %v after the restart", up)
	}
}

// The maintenance jobs run from asynq's scheduler on a real Redis: the
// purge deletes an archived task once it is older than the window, the
// retention sweep deletes the recording of an encounter whose draft was
// signed, and both show up in /metrics.
func TestScheduledMaintenance(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	cfg := testConfig(t, rds.URL)
	cfg.Ops.Maintenance.PurgeEvery = time.Second
	cfg.Ops.Maintenance.ArchivedMaxAge = time.Second
	cfg.Ops.Retention.Every = time.Second
	e := start(t, rds, cfg, true)
	ctx := context.Background()

	// A recording without a sidecar fails permanently: archived.
	samples, err := app.LoadSamples(samplesDir)
	if err != nil {
		t.Fatal(err)
	}
	var bad pipeline.SubmitRequest
	for _, s := range samples {
		if s.Name == "rec-cough-telehealth" {
			req, closeFn, err := s.Request("test")
			if err != nil {
				t.Fatal(err)
			}
			defer closeFn()
			req.Sidecar, req.SidecarContentType = nil, ""
			bad = req
		}
	}
	badID, err := e.a.Pipeline.Submit(ctx, bad)
	if err != nil {
		t.Fatal(err)
	}
	if v := e.waitFinished(t, badID, 30*time.Second); v.Failure == nil {
		t.Fatalf("%+v", v)
	}
	// A recording that goes through, then signed by its clinician.
	id := submitSample(t, e.a, "rec-cough-telehealth")
	e.waitFinished(t, id, 30*time.Second)
	dr := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	dv, err := e.a.Services.Signoff.View(ctx, dr, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Services.Signoff.Sign(ctx, dr, id, dv.Version, dv.ContentSHA256, "Reviewed."); err != nil {
		t.Fatal(err)
	}

	h := e.a.HealthHandler()
	audio := encounter.InputKey(id, encounter.RoleAudio)
	workertest.Eventually(t, 30*time.Second, func() error {
		fams := scrape(t, h)
		archived, _ := value(fams, "clinscribe_queue_tasks", map[string]string{"queue": "transcribe", "state": "archived"})
		purged, _ := value(fams, "clinscribe_maintenance_purged_tasks_total", map[string]string{"queue": "transcribe", "state": "archived"})
		deleted, _ := value(fams, "clinscribe_retention_inputs_deleted_total", nil)
		_, err := e.a.Data.Get(ctx, audio)
		gone := errors.Is(err, storage.ErrNotFound)
		if archived != 0 || purged != 1 || deleted < 1 || !gone {
			return fmt.Errorf("archived %v purged %v deleted %v audio gone %v", archived, purged, deleted, gone)
		}
		runs, _ := value(fams, "clinscribe_maintenance_runs_total", map[string]string{"task_type": "maintenance:purge", "outcome": "ok"})
		if runs < 1 {
			t.Fatalf("purge runs = %v", runs)
		}
		return nil
	})
	// The signed encounter's records stay.
	store := e.a.Services.Store
	if _, err := store.Draft(ctx, id, dv.Version); err != nil {
		t.Fatalf("signed draft: %v", err)
	}
	if _, err := store.Transcript(ctx, id); err != nil {
		t.Fatalf("transcript: %v", err)
	}
}
