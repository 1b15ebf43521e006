package main_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

func writeConfig(t *testing.T, dir, redisURL string, latency time.Duration) string {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("config-%d.yaml", time.Now().UnixNano()))
	y := fmt.Sprintf(`data_dir: %s
redis:
  url: %s
worker:
  concurrency: 2
  poll_interval: 200ms
  shutdown_timeout: 2s
ai:
  providers:
    - name: offline
      kind: offline
      simulate_latency: %s
log:
  level: debug
`, filepath.Join(dir, "var"), redisURL, latency)
	if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func startWorker(t *testing.T, bin, cfgPath, logPath string) *exec.Cmd {
	t.Helper()
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-config", cfgPath, "worker")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logf.Close()
	})
	return cmd
}

// A worker killed with SIGKILL in the middle of a task: after a restart the
// encounter completes, its input is intact, and there is exactly one draft
// version. asynq hands the task to another worker once the dead one's lease
// expires (30 s) and its recoverer notices (it runs every minute), so this
// test takes about a minute.
func TestCrashMidTaskRecovers(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the crash-recovery run waits a minute for asynq's lease to expire (make test runs it)")
	}
	t.Parallel()
	rds := redistest.StartWith(t, redistest.Options{Own: true})
	bin := buildBinary(t)
	dir := t.TempDir()
	slow := writeConfig(t, dir, rds.URL, 30*time.Second) // the model "thinks" long enough to be killed
	fast := writeConfig(t, dir, rds.URL, 0)
	logPath := filepath.Join(dir, "worker.log")

	cfg, err := config.Load(fast, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	note, err := os.ReadFile("../../testdata/samples/note-pediatric-otitis.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(note)
	samples, err := app.LoadSamples("../../testdata/samples")
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, s := range samples {
		if s.Name == "note-pediatric-otitis" {
			req, closeFn, err := s.Request("test")
			if err != nil {
				t.Fatal(err)
			}
			id, err = a.Pipeline.Submit(context.Background(), req)
			closeFn()
			if err != nil {
				t.Fatal(err)
			}
		}
	}

	first := startWorker(t, bin, slow, logPath)
	// Wait until the summarize stage is inside the model call: its intent
	// is on record (durably: the trail acknowledges after the write), the
	// outcome is not.
	if err := workertest.Within(30*time.Second, func() error {
		entries, err := audit.ReadDir(cfg.Audit.Dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.EncounterID == id && e.Event == audit.EventAIIntent {
				return nil
			}
		}
		return workertest.ErrNotYet
	}); err != nil {
		log, _ := os.ReadFile(logPath)
		t.Fatalf("the worker never reached the model call: %v\n%s", err, log)
	}
	if err := first.Process.Signal(sigkill()); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	killedAt := time.Now()

	startWorker(t, bin, fast, logPath)
	t.Cleanup(func() {
		if t.Failed() {
			log, _ := os.ReadFile(logPath)
			t.Logf("%s after the kill; worker log:\n%s", time.Since(killedAt), log)
		}
	})
	workertest.Succeeded(t, a.Pipeline.Status, id, 150*time.Second)
	t.Logf("recovered %s after SIGKILL", time.Since(killedAt).Round(time.Second))

	vs, err := a.Services.Store.DraftVersions(context.Background(), id)
	if err != nil || !slices.Equal(vs, []int{1}) {
		t.Fatalf("draft versions %v, %v; want exactly [1]", vs, err)
	}
	meta, err := a.Services.Store.Meta(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	in, _ := meta.Input(encounter.RoleNote)
	rc, err := a.Services.Store.OpenInput(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		t.Fatal(err)
	}
	rc.Close()
	if got := hex.EncodeToString(h.Sum(nil)); got != hex.EncodeToString(want[:]) || in.SHA256 != got {
		t.Fatal("the input changed or was lost across the crash")
	}
	// The killed attempt left an intent without outcome; the retry has a pair.
	entries, err := audit.ReadDir(cfg.Audit.Dir)
	if err != nil {
		t.Fatal(err)
	}
	intents, outcomes := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		if e.EncounterID != id {
			continue
		}
		switch e.Event {
		case audit.EventAIIntent:
			intents[e.CallID] = true
		case audit.EventAIOutcome:
			outcomes[e.CallID] = true
		}
	}
	if len(intents) != 2 || len(outcomes) != 1 {
		t.Fatalf("AI calls: %d intents, %d outcomes; want 2 intents (one interrupted) and 1 outcome", len(intents), len(outcomes))
	}
}
