package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// Encounters archived by an outage that outlasted the retry horizon come
// back with one command, `ops archived retry -code provider_overloaded`,
// each with a fresh retry budget, and are drafted; archived tasks with
// another code stay where they are.
func TestOpsArchivedRetryByCode(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	srv := openaitest.New(t, openaitest.Options{APIKey: "sk-ops"})
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf(`data_dir: %s
redis: {url: %q}
log: {level: error}
worker:
  poll_interval: 100ms
  idle_poll_interval: 50ms
  tasks:
    summarize: {horizon: 1s, base_delay: 100ms, max_delay: 200ms}
ai:
  transcribe: offline
  summarize: sim
  providers:
    - {name: offline, kind: offline}
    - name: sim
      kind: openai
      base_url: %s/v1
      api_key_env: OPS_SIM_KEY
      models: {summarize: gpt-4o-mini}
      retry: {max_attempts: 1}
      breaker: {failures: -1}
      zero_retention: true
      agreement: baa-ops-1
`, filepath.Join(dir, "data"), rds.URL, srv.URL)
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	environ := []string{"OPS_SIM_KEY=sk-ops"}
	cfg, err := config.Load(cfgPath, environ)
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: &bytes.Buffer{}, Environ: environ})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	w, err := a.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Shutdown()
	ins := asynq.NewInspector(a.Redis)
	defer ins.Close()
	waitFor := func(what string, f func() bool) {
		t.Helper()
		workertest.Eventually(t, 30*time.Second, func() error {
			if !f() {
				return fmt.Errorf("waiting for %s", what)
			}
			return nil
		})
	}
	archived := func(q string, n int) func() bool {
		return func() bool { info, err := ins.GetQueueInfo(q); return err == nil && info.Archived == n }
	}

	// The provider is down (503: provider_overloaded) longer than the
	// summarize horizon: both notes are archived. A recording without a
	// sidecar fails on the offline provider with another code.
	srv.SetOutage(openaitest.Failure{Status: 503})
	var ids []string
	for i := range 2 {
		code, out, errs := run(t, environ, "", "-config", cfgPath, "submit", "-note", filepath.Join(samples, "note-low-back-pain.txt"),
			"-patient-id", fmt.Sprintf("MRN-OUTAGE-%d", i), "-provider", "dr-a")
		if code != 0 {
			t.Fatalf("submit: %d %s %s", code, out, errs)
		}
		ids = append(ids, strings.TrimSpace(strings.SplitN(out, "\n", 2)[0]))
	}
	if code, out, errs := run(t, environ, "", "-config", cfgPath, "submit", "-audio", filepath.Join(samples, "rec-cough-telehealth.wav"),
		"-patient-id", "MRN-OUTAGE-9", "-provider", "dr-a"); code != 0 {
		t.Fatalf("submit: %d %s %s", code, out, errs)
	}
	waitFor("two archived summaries", archived("summarize", 2))
	waitFor("one archived transcription", archived("transcribe", 1))
	for _, id := range ids {
		v, err := a.Pipeline.Status(context.Background(), id)
		if err != nil || v.Failure == nil || v.Failure.Code != "provider_overloaded" {
			t.Fatalf("%s: %+v %v, want failed provider_overloaded", id, v, err)
		}
	}

	srv.ClearOutage()
	code, out, errs := run(t, environ, "", "-config", cfgPath, "ops", "archived", "retry", "-code", "provider_overloaded")
	for _, want := range []string{"2 archived task(s) with code provider_overloaded of summarize moved to pending", "2 in all"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("ops archived retry -code: %d, output lacks %q:\n%s%s", code, want, out, errs)
		}
	}
	for _, id := range ids {
		waitFor("the requeued encounter's draft", func() bool {
			v, err := a.Pipeline.Status(context.Background(), id)
			return err == nil && v.Finished && v.Failure == nil && len(v.Drafts) == 1
		})
	}
	waitFor("an empty summarize archive", archived("summarize", 0))
	if info, err := ins.GetQueueInfo("transcribe"); err != nil || info.Archived != 1 {
		t.Errorf("transcribe archive %+v %v: the task with another code must stay", info, err)
	}
	if code, _, errs := run(t, environ, "", "-config", cfgPath, "ops", "archived", "retry", "-code", "Not A Code"); code != 2 {
		t.Errorf("a malformed code: exit %d %s, want usage error 2", code, errs)
	}
}
