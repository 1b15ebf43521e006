package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// outageRun is one provider outage played against the whole pipeline:
// the simulated OpenAI server answers 500 to everything for Outage, then
// recovers. Every duration of the production schedule is divided by
// Scale (Scale 1: the production defaults, in real time).
type outageRun struct {
	Scale      float64
	Outage     time.Duration // real time
	Notes      int
	Recordings int
	Workers    int // worker servers sharing the Redis (each its own asynq server)
}

type outageResult struct {
	Encounters       int
	DuringOutage     int // provider requests answered 500
	AfterOutage      int // provider requests once it recovered
	FinishedInOutage int // encounters finished while the provider was down (want 0)
	Drafted          int
	Archived         int
	Deferred         int // sum of the stages' Deferred counts
	MaxAttempt       int // most real attempts of any stage
	Recovery         time.Duration
	Failures         []string
	DeferredMetric   float64 // clinscribe_ai_deferred_total{reason="circuit_open"}
	WaitedMetric     float64 // clinscribe_stage_wait_seconds_count{outcome="done"}, all stages
}

// scaled divides a production duration by the run's scale.
func (r outageRun) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / r.Scale)
}

func (r outageRun) config(t testing.TB, redisURL, baseURL string) config.Config {
	t.Helper()
	var c config.Config
	c.DataDir = t.TempDir()
	c.Redis.URL = redisURL
	c.Log.Level = "error"
	c.Worker.Concurrency = 4
	c.Worker.PollInterval = 100 * time.Millisecond
	pol := worker.RetryPolicy{Horizon: r.scaled(2 * time.Hour), BaseDelay: r.scaled(time.Second), MaxDelay: r.scaled(5 * time.Minute)}
	c.Worker.Tasks.Transcribe, c.Worker.Tasks.Summarize = pol, pol
	c.AI.Providers = []config.Provider{{
		Name: "openai-sim", Kind: "openai", BaseURL: baseURL, APIKeyEnv: "SIM_OPENAI_KEY",
		Models: config.Models{Transcribe: "whisper-1", Summarize: "gpt-4o-mini"},
		Retry:  config.Retry{BaseDelay: r.scaled(500 * time.Millisecond), MaxDelay: r.scaled(time.Minute)},
		Breaker: config.Breaker{Failures: 5, Cooldown: r.scaled(30 * time.Second),
			MaxCooldown: r.scaled(4 * time.Minute)},
		Timeout: r.scaled(2 * time.Minute),
	}}
	c.AI.Providers[0].Attestation.ZeroRetention, c.AI.Providers[0].Attestation.Agreement = true, "baa-sim-0001"
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

func (r outageRun) play(t testing.TB) outageResult {
	t.Helper()
	rs := redistest.Start(t)
	srv := openaitest.New(t, openaitest.Options{APIKey: simKey})
	cfg := r.config(t, rs.URL, srv.URL+"/v1")
	logs := &syncBuffer{}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: logs, Environ: []string{"SIM_OPENAI_KEY=" + simKey}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	for range max(r.Workers, 1) {
		w, err := a.NewWorker()
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(w.Shutdown)
	}
	note, err := os.ReadFile(filepath.Join(samplesDir, "note-hypertension-followup.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wav, _ := openaitest.SynthWAV([]openaitest.Utterance{
		openaitest.Say(1, "i have had a cough for two weeks"),
		openaitest.Say(0, "we will start ibuprofen 400 mg twice daily"),
	}, openaitest.SynthOptions{})

	srv.SetOutage(openaitest.Failure{Status: 500})
	// Canary: planted in every submission, it must not reach Redis (the
	// fleet breaker's state, the deferred tasks' stored errors) or the log.
	const canary = "MRN-OUT-CANARY"
	var ids []string
	ctx := context.Background()
	for i := range r.Notes {
		id, err := a.Pipeline.Submit(ctx, pipeline.SubmitRequest{
			Note: note, NoteContentType: "text/plain; charset=utf-8", Template: "soap",
			Subject:    encounter.Subject{PatientID: fmt.Sprintf("%s-%04d", canary, i), PatientName: canary + " Patient"},
			ProviderID: "dr-sim", Actor: "test", Role: "platform", Source: "test",
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for range r.Recordings {
		ids = append(ids, submitRecording(t, a, wav))
	}

	// The outage ends on its own clock; the test waits on the result.
	var res outageResult
	res.Encounters = len(ids)
	var recovered atomic.Int64
	time.AfterFunc(r.Outage, func() {
		n := 0
		for _, id := range ids {
			if v, err := a.Pipeline.Status(ctx, id); err == nil && v.Finished {
				n++
			}
		}
		res.FinishedInOutage = n
		res.DuringOutage = srv.Stats().DuringOutage
		srv.ClearOutage()
		recovered.Store(time.Now().UnixNano())
	})
	for _, id := range ids {
		var v *pipeline.View
		err := workertest.Within(r.Outage+r.scaled(2*time.Hour), func() error {
			var err error
			if v, err = a.Pipeline.Status(ctx, id); err != nil {
				return err
			}
			if !v.Finished || recovered.Load() == 0 {
				return fmt.Errorf("encounter %s not finished: %+v", id, v.Stages)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if v.Failure != nil {
			res.Failures = append(res.Failures, v.Failure.Code)
		}
		if len(v.Drafts) == 1 && v.Drafts[0].Label.Provider == "openai-sim" {
			res.Drafted++
		}
		for _, st := range v.Stages {
			res.Deferred += st.Deferred
			res.MaxAttempt = max(res.MaxAttempt, st.Attempt)
		}
	}
	res.Recovery = time.Since(time.Unix(0, recovered.Load()))
	// A stage's wait is observed after its draft is stored, which is when
	// Status calls the encounter finished: the last ones may still be on
	// their way to the metric.
	_ = workertest.Within(10*time.Second, func() error {
		fams := scrape(t, a.HealthHandler())
		res.DeferredMetric, _ = value(fams, "clinscribe_ai_deferred_total", map[string]string{"provider": "openai-sim", "reason": "circuit_open"})
		res.WaitedMetric = 0
		for _, f := range fams["clinscribe_stage_wait_seconds"].GetMetric() {
			for _, l := range f.GetLabel() {
				if l.GetName() == "outcome" && l.GetValue() == "done" {
					res.WaitedMetric += float64(f.GetHistogram().GetSampleCount())
				}
			}
		}
		if res.WaitedMetric < float64(len(ids)) || res.DeferredMetric < float64(res.Deferred) {
			return workertest.ErrNotYet
		}
		return nil
	})
	res.AfterOutage = srv.Stats().Requests - res.DuringOutage
	dump := rs.Dump(t)
	if len(dump) == 0 {
		t.Error("empty Redis dump")
	}
	for k, v := range dump {
		if strings.Contains(k+v, canary) || strings.Contains(k+v, "CANARY") {
			t.Errorf("Redis key %q carries the canary", k)
		}
	}
	if strings.Contains(logs.String(), "CANARY") {
		t.Error("the canary reached the log")
	}
	ins := asynq.NewInspector(a.Redis)
	defer ins.Close()
	for _, q := range []string{worker.QueueTranscribe, worker.QueueSummarize} {
		if info, err := ins.GetQueueInfo(q); err == nil {
			res.Archived += info.Archived
		}
	}
	return res
}

// The acceptance test of issue 13: the provider answers 500 to everything
// for a simulated 30 minutes (the production retry schedule and breaker
// divided by 60, so 30 s of real time); every encounter is drafted once
// it recovers, none is archived, and the provider hears a bounded number
// of requests during the outage — set by the fleet's breaker (its first
// failures, then one probe per cooldown), not by the number of encounters.
func TestProviderOutageOf30SimulatedMinutes(t *testing.T) {
	t.Parallel()
	r := outageRun{Scale: 60, Outage: 30 * time.Second, Notes: 16, Recordings: 4, Workers: 2}
	res := r.play(t)
	t.Logf("simulated 30 min outage (scale 1:%v): %d encounters, %d provider requests during the outage, %d after; "+
		"%d deferred attempts, most real attempts of one stage %d; all drafted %s after recovery",
		r.Scale, res.Encounters, res.DuringOutage, res.AfterOutage, res.Deferred, res.MaxAttempt, res.Recovery.Round(time.Millisecond))
	if res.Drafted != res.Encounters || len(res.Failures) != 0 || res.Archived != 0 {
		t.Errorf("%d of %d drafted, failures %v, %d archived: want every encounter drafted and none archived",
			res.Drafted, res.Encounters, res.Failures, res.Archived)
	}
	if res.FinishedInOutage != 0 {
		t.Errorf("%d encounters finished while the provider was down", res.FinishedInOutage)
	}
	// Bound: the requests that open the breaker (5 failures, plus what the
	// in-flight attempts of 2 workers × 4 slots send meanwhile, each at
	// most its 4 in-task tries) and one probe per cooldown — at most
	// outage / cooldown probes, fewer as the cooldown doubles.
	cooldown := r.scaled(30 * time.Second)
	bound := 5 + 2*4*4 + int(r.Outage/cooldown)
	if res.DuringOutage == 0 || res.DuringOutage > bound {
		t.Errorf("%d provider requests during the outage, want 1..%d", res.DuringOutage, bound)
	}
	if res.Deferred == 0 || res.DeferredMetric != float64(res.Deferred) {
		t.Errorf("%d deferred attempts recorded in the stages, %v on /metrics: want the same, above 0", res.Deferred, res.DeferredMetric)
	}
	// Every encounter's first stage waited; a recording's summary may
	// have met the breaker still half-open.
	if res.WaitedMetric < float64(res.Encounters) || res.WaitedMetric > float64(res.Encounters+r.Recordings) {
		t.Errorf("clinscribe_stage_wait_seconds counts %v stages that waited and were done, want %d..%d", res.WaitedMetric, res.Encounters, res.Encounters+r.Recordings)
	}
}

// BenchmarkProviderOutageRealTime plays a shorter outage against the
// production defaults in real time (Scale 1): 3 minutes of 500s. Run once:
//
//	go test ./cmd/clinscribe/internal/app -run '^$' -bench ProviderOutageRealTime -benchtime 1x -timeout 30m
func BenchmarkProviderOutageRealTime(b *testing.B) {
	r := outageRun{Scale: 1, Outage: 3 * time.Minute, Notes: 16, Recordings: 4, Workers: 2}
	for b.Loop() {
		res := r.play(b)
		if res.Drafted != res.Encounters || res.Archived != 0 {
			b.Fatalf("%+v", res)
		}
		b.ReportMetric(float64(res.DuringOutage), "requests-during-outage")
		b.ReportMetric(float64(res.AfterOutage), "requests-after")
		b.ReportMetric(res.Recovery.Seconds(), "s-to-drain-after-recovery")
		b.ReportMetric(float64(res.Deferred), "deferred-attempts")
		b.ReportMetric(float64(res.MaxAttempt), "max-attempts")
		b.Logf("%+v", res)
	}
}
