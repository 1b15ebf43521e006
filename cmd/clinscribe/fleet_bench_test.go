package main_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// Fleet benchmark parameters. The simulated API enforces one RPM/TPM
// quota for all clients (token buckets holding fleetWindow of it); the
// workers are configured with the same rates and share them through
// Redis, with a burst allowance (4s) a little under the server's bucket so
// that requests delayed on their way cannot pile up past it.
const (
	fleetNotes       = 500
	fleetWorkers     = 3
	fleetConcurrency = 8
	fleetRPM         = 3_000
	fleetTPM         = 1_200_000
	fleetWindow      = 5 * time.Second
	fleetKey         = "sk-sim-fleet-bench"
)

// BenchmarkFleetBurst500Notes submits a burst of 500 notes to 3 worker
// processes (the clinscribe binary, built here) that share one provider
// quota through Redis, against the simulated OpenAI API (openaitest),
// which answers 429 whenever its own RPM/TPM buckets — shared by all
// clients — would be exceeded. It reports the 429s the fleet received
// (target 0) and the share of the token quota it used (target >= 90%):
// tokens the server accepted divided by what the quota allowed over the
// run (its initial bucket plus the refill from first request to last).
//
//	go test ./cmd/clinscribe -run '^$' -bench FleetBurst -benchtime 1x -timeout 20m
func BenchmarkFleetBurst500Notes(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "clinscribe")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		b.Fatalf("building the binary: %v", err)
	}
	rs := redistest.StartWith(b, redistest.Options{Own: true})
	srv := openaitest.New(b, openaitest.Options{APIKey: fleetKey, RPM: fleetRPM, TPM: fleetTPM, QuotaWindow: fleetWindow})

	cfgPath := filepath.Join(dir, "clinscribe.yaml")
	yaml := fmt.Sprintf(`
data_dir: %s
redis: {url: %q}
log: {level: warn}
worker:
  concurrency: %d
  poll_interval: 200ms
ai:
  transcribe: sim
  summarize: sim
  providers:
    - name: sim
      kind: openai
      base_url: %s/v1
      api_key_env: SIM_OPENAI_KEY
      models: {transcribe: whisper-1, summarize: gpt-4o-mini}
      limits: {rpm: %d, tpm: %d, max_output_tokens: 1500, burst: 4s}
      zero_retention: true
      agreement: sim-no-retention
`, filepath.Join(dir, "var"), rs.URL, fleetConcurrency, srv.URL, fleetRPM, fleetTPM)
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o600); err != nil {
		b.Fatal(err)
	}
	environ := append(os.Environ(), "SIM_OPENAI_KEY="+fleetKey)
	cfg, err := config.Load(cfgPath, nil)
	if err != nil {
		b.Fatal(err)
	}
	// The submitting side: opened first, so it creates the key file the
	// workers share.
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: os.Stderr, Environ: environ})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()

	for i := range fleetWorkers {
		cmd := exec.Command(bin, "-config", cfgPath, "worker")
		cmd.Env = append(environ, fmt.Sprintf("CLINSCRIBE_SERVICE_WORKER_ID=bench-worker-%d", i))
		var logs bytes.Buffer
		cmd.Stderr = &logs
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		defer func() {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			_ = cmd.Wait()
			if b.Failed() {
				b.Logf("worker %d log:\n%s", i, logs.String())
			}
		}()
	}

	notes := loadNotes(b)
	for b.Loop() {
		srv.Reset()
		start := time.Now()
		ids := make([]string, 0, fleetNotes)
		for i := range fleetNotes {
			id, err := a.Pipeline.Submit(context.Background(), pipeline.SubmitRequest{
				Note: notes[i%len(notes)], NoteContentType: "text/plain; charset=utf-8", Template: "soap",
				Subject:    encounter.Subject{PatientID: fmt.Sprintf("MRN-BENCH-%04d", i)},
				ProviderID: "dr-bench", Actor: "bench", Role: "platform", Source: "bench",
			})
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, id)
		}
		submitted := time.Since(start)
		failed := waitAll(b, a, ids, 15*time.Minute)
		elapsed := time.Since(start)
		st := srv.Stats()
		span := st.Last.Sub(st.First).Seconds()
		allowed := float64(fleetTPM)/60*span + float64(fleetTPM)*fleetWindow.Seconds()/60
		share := float64(st.TokensCharged) / allowed
		steady := float64(st.TokensCharged) / (float64(fleetTPM) / 60 * span)
		b.ReportMetric(float64(st.QuotaRejected+st.Injected), "429s")
		b.ReportMetric(100*share, "%TPM-used")
		b.ReportMetric(float64(fleetNotes)/elapsed.Seconds(), "notes/s")
		b.ReportMetric(elapsed.Seconds(), "s-total")
		b.Logf("%d notes (%d failed) by %d worker processes x %d: submitted in %v, all done in %v; server: %d requests, %d 429s, %d tokens over %.1fs; TPM used %.1f%% of the quota's capacity over the run (%.1f%% of the steady rate)",
			fleetNotes, failed, fleetWorkers, fleetConcurrency, submitted.Round(time.Millisecond), elapsed.Round(time.Millisecond),
			st.Requests, st.QuotaRejected, st.TokensCharged, span, 100*share, 100*steady)
		if failed > 0 {
			b.Errorf("%d notes failed", failed)
		}
	}
}

func loadNotes(b *testing.B) [][]byte {
	var notes [][]byte
	for _, n := range []string{"note-hypertension-followup.txt", "note-diabetes-visit.txt", "note-low-back-pain.txt", "note-new-patient-hp.txt", "note-pediatric-otitis.txt"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", n))
		if err != nil {
			b.Fatal(err)
		}
		notes = append(notes, raw)
	}
	return notes
}

// waitAll polls until every encounter has finished; it returns how many
// failed.
func waitAll(b *testing.B, a *app.App, ids []string, timeout time.Duration) int {
	pending := map[string]bool{}
	for _, id := range ids {
		pending[id] = true
	}
	failed := 0
	err := workertest.Within(timeout, func() error {
		for id := range pending {
			v, err := a.Pipeline.Status(context.Background(), id)
			if err != nil {
				b.Fatal(err)
			}
			if v.Finished {
				delete(pending, id)
				if v.Failure != nil {
					failed++
					b.Logf("%s failed: %s %s", id, v.Failure.Code, strings.TrimSpace(v.Failure.Message))
				}
			}
		}
		if len(pending) > 0 {
			return fmt.Errorf("%d of %d notes unfinished", len(pending), len(ids))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return failed
}
