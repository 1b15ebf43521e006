package cli_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// The ops commands on a real Redis: a task that fails permanently shows up
// in `ops queues` and `ops archived list` by ID, type and code only; pause
// holds a retried task back, resume lets it run, delete removes it; drain
// stops the worker. Nothing printed carries a payload or an error text.
func TestOpsCommands(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	data := t.TempDir()
	environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + data, "CLINSCRIBE_WORKER_POLL_INTERVAL=100ms",
		"CLINSCRIBE_WORKER_IDLE_POLL_INTERVAL=50ms"}
	a, srv := startWorker(t, environ)
	rdb := worker.UniversalClient(a.Redis)
	defer rdb.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.WatchDrain(ctx, rdb, 50*time.Millisecond)

	// A recording without a sidecar: the offline provider refuses it
	// permanently, so its transcribe task is archived.
	code, out, errs := run(t, environ, "", "submit", "-audio", filepath.Join(samples, "rec-cough-telehealth.wav"),
		"-patient-id", "MRN-OPS-1", "-provider", "dr-a", "-wait", "20s")
	if code != 0 && code != 1 {
		t.Fatalf("submit: %d %s %s", code, out, errs)
	}
	id := strings.SplitN(out, "\n", 2)[0]
	taskID := worker.TaskID("transcribe", id)
	waitFor := func(what string, f func() bool) {
		t.Helper()
		workertest.Eventually(t, 20*time.Second, func() error {
			if !f() {
				return fmt.Errorf("waiting for %s", what)
			}
			return nil
		})
	}
	ins := asynq.NewInspector(a.Redis)
	defer ins.Close()
	archived := func(n int) func() bool {
		return func() bool { q, err := ins.GetQueueInfo("transcribe"); return err == nil && q.Archived == n }
	}
	waitFor("the archived task", archived(1))

	noContent := func(out string) {
		t.Helper()
		for _, bad := range []string{"encounter_id\"", "{\"", "cannot transcribe raw audio", "MRN-OPS-1"} {
			if strings.Contains(out, bad) {
				t.Fatalf("output carries %q:\n%s", bad, out)
			}
		}
	}
	code, out, errs = run(t, environ, "", "ops", "queues")
	if code != 0 || !regexp.MustCompile(`transcribe\s+running\s+0\s+0\s+0\s+0\s+1`).MatchString(out) {
		t.Fatalf("ops queues: %d\n%s%s", code, out, errs)
	}
	code, out, errs = run(t, environ, "", "ops", "archived", "list", "transcribe")
	if code != 0 || !strings.Contains(out, taskID) || !strings.Contains(out, "encounter:transcribe") || !strings.Contains(out, "provider_not_configured") {
		t.Fatalf("ops archived list: %d\n%s%s", code, out, errs)
	}
	noContent(out)
	code, out, _ = run(t, environ, "", "ops", "archived", "list", "transcribe", "-json")
	if code != 0 || !strings.Contains(out, `"code": "provider_not_configured"`) || strings.Contains(out, "payload") {
		t.Fatalf("ops archived list -json:\n%s", out)
	}

	if code, out, errs = run(t, environ, "", "ops", "pause", "transcribe"); code != 0 || !strings.Contains(out, "paused") {
		t.Fatalf("pause: %d %s %s", code, out, errs)
	}
	if code, out, errs = run(t, environ, "", "ops", "archived", "retry", "transcribe", taskID); code != 0 {
		t.Fatalf("retry: %d %s %s", code, out, errs)
	}
	// The thing under test: a paused queue keeps its pending task while
	// the worker polls (every 200 ms here), so the wait is the check.
	time.Sleep(300 * time.Millisecond) // the thing under test: see above
	code, out, _ = run(t, environ, "", "ops", "queues")
	if !regexp.MustCompile(`transcribe\s+PAUSED\s+1\s+0`).MatchString(out) {
		t.Fatalf("paused queue:\n%s", out)
	}
	if code, _, _ = run(t, environ, "", "ops", "resume", "transcribe"); code != 0 {
		t.Fatal("resume failed")
	}
	waitFor("the retried task to fail again", archived(1))
	if code, out, _ = run(t, environ, "", "ops", "archived", "delete", "transcribe", "-all"); code != 0 || !strings.Contains(out, "1 archived task(s) of transcribe deleted") {
		t.Fatalf("delete: %d %s", code, out)
	}
	if code, _, errs = run(t, environ, "", "ops", "pause", "urgent"); code != 1 || !strings.Contains(errs, "unknown queue") {
		t.Fatalf("pause of an unknown queue: %d %s", code, errs)
	}

	code, out, _ = run(t, environ, "", "ops", "workers")
	if code != 0 || !strings.Contains(out, "active") {
		t.Fatalf("workers:\n%s", out)
	}
	code, out, errs = run(t, environ, "", "ops", "drain", "-all", "-wait", "20s")
	if code != 0 || !strings.Contains(out, "drained: 1 worker(s)") || !srv.Draining() {
		t.Fatalf("drain: %d\n%s%s", code, out, errs)
	}
}

func TestConfigCheck(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	data := t.TempDir()
	environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + data}

	// Before anything created the key file: expected on a fresh install,
	// said as what the first worker will create (configcheck_test.go
	// checks that nothing is created).
	code, out, _ := run(t, environ, "", "config", "check")
	if code != 0 || !strings.Contains(out, "keys.file") || !strings.Contains(out, "will be created by the first `clinscribe worker`") {
		t.Fatalf("config check without keys: %d\n%s", code, out)
	}
	// After a submit (which creates the key), every check passes.
	code, out, errs := run(t, environ, "", "submit", "-note", filepath.Join(samples, "note-low-back-pain.txt"), "-patient-id", "MRN-1", "-provider", "dr-a")
	if code != 0 {
		t.Fatalf("submit: %s", errs)
	}
	id := strings.SplitN(out, "\n", 2)[0]
	code, out, _ = run(t, environ, "", "config", "check")
	if code != 0 || !strings.Contains(out, "all checks passed") {
		t.Fatalf("config check: %d\n%s", code, out)
	}
	for _, want := range []string{"redis", "storage", "keys.ring", "keys", "audit", "ai.summarize", "zero retention attested"} {
		if !strings.Contains(out, want) {
			t.Errorf("config check output lacks %q", want)
		}
	}
	// Rotating the local key keeps everything readable.
	if code, out, errs := run(t, environ, "", "ops", "rotate-key"); code != 0 || !strings.Contains(out, "is now primary") {
		t.Fatalf("rotate-key: %d %s %s", code, out, errs)
	}
	// Every rotation path is audited: this one did no differently from
	// `keys rotate`.
	entries, err := audit.ReadDir(filepath.Join(data, "audit"))
	if err != nil {
		t.Fatal(err)
	}
	rotations := 0
	for _, e := range entries {
		if e.Event == audit.EventKeyRotation && e.Role == "ops" && e.ObjectID != "" {
			rotations++
		}
	}
	if rotations != 1 {
		t.Fatalf("ops rotate-key wrote %d key rotation entries, want 1", rotations)
	}
	if code, out, _ := run(t, environ, "", "config", "check"); code != 0 {
		t.Fatalf("config check after rotation: %d\n%s", code, out)
	}
	if code, out, errs := run(t, environ, "", "status", id); code != 0 || !strings.Contains(out, id) {
		t.Fatalf("status of an encounter stored before the rotation: %d %s %s", code, out, errs)
	}
	// Redis unreachable: listed as the one problem.
	bad := append(environ[1:], "CLINSCRIBE_REDIS_URL=redis://127.0.0.1:1/0", "CLINSCRIBE_REDIS_DIAL_TIMEOUT=200ms")
	code, out, _ = run(t, bad, "", "config", "check")
	if code != 1 || !strings.Contains(out, "redis: ") || !strings.Contains(out, "1 problem(s)") {
		t.Fatalf("config check with Redis down: %d\n%s", code, out)
	}
}
