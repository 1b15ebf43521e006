package main_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/echotest"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

type e2e struct {
	bin, cfg, dir string
	env           []string
}

func (e *e2e) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, e.bin, append([]string{"-config", e.cfg}, args...)...)
	cmd.Env = e.env
	cmd.Dir = e.dir
	return cmd
}

func (e *e2e) run(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := e.command(context.Background(), args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("clinscribe %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

func (e *e2e) startWorker(t *testing.T, logName string) *exec.Cmd {
	t.Helper()
	logf, err := os.Create(filepath.Join(e.dir, logName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logf.Close() })
	cmd := e.command(context.Background(), "worker")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

func (e *e2e) entries(t *testing.T, encounterID string) []audit.Row {
	t.Helper()
	r, err := audit.OpenFileReader(filepath.Join(e.dir, "var", "audit"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := audit.Query(context.Background(), r, audit.Filter{EncounterID: encounterID})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func rowsOf(rows []audit.Row, ev audit.Event) []audit.Row {
	var out []audit.Row
	for _, r := range rows {
		if r.Event == ev {
			out = append(out, r)
		}
	}
	return out
}

// TestWorkerKilledMidCall runs `clinscribe worker` as a process against a
// real Redis and an AI server that holds its answer, kills the worker with
// SIGKILL after the request arrived and before the answer, and starts a
// new worker. The killed attempt's intent entry must be there without an
// outcome; the retried call (after asynq's lease expiry, about a minute)
// has its own intent and outcome; the trail verifies.
func TestWorkerKilledMidCall(t *testing.T) {
	t.Parallel()
	bin := buildBinary(t)
	redis := redistest.StartWith(t, redistest.Options{Own: true})
	srv, err := echotest.NewServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)

	dir := t.TempDir()
	cfg := filepath.Join(dir, "clinscribe.yaml")
	err = os.WriteFile(cfg, []byte(fmt.Sprintf(`
data_dir: var
service: {worker_id: kill-test}
redis: {url: %q}
worker: {concurrency: 2, poll_interval: 200ms, shutdown_timeout: 2s}
audit: {checkpoint_interval: 500ms}
ai:
  providers: [{name: remote, kind: aitest-http}]
log: {level: warn, format: text}
`, redis.URL)), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(dir, "note.txt")
	os.WriteFile(note, []byte("Subjective\nThe patient reports a dry cough for three days.\n\nPlan\nRest and fluids; return if fever.\n"), 0o600)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CLINSCRIBE_") {
			env = append(env, kv)
		}
	}
	e := &e2e{bin: bin, cfg: cfg, dir: dir, env: append(env, "AITEST_URL="+srv.URL)}

	srv.Hold()
	id := strings.TrimSpace(e.run(t, "submit", "-note", note, "-patient-id", "MRN-0042", "-provider", "dr-kill"))
	w1 := e.startWorker(t, "worker1.log")
	select {
	case req := <-srv.Arrived():
		if req.Task != ai.TaskSummarize {
			t.Fatalf("first request is %s", req.Task)
		}
	case <-time.After(60 * time.Second):
		b, _ := os.ReadFile(filepath.Join(dir, "worker1.log"))
		t.Fatalf("no request reached the AI server within 60s; worker log:\n%s", b)
	}
	if err := w1.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	w1.Wait()
	killedAt := time.Now()
	srv.Release()

	rows := e.entries(t, id)
	intents, outcomes := rowsOf(rows, audit.EventAIIntent), rowsOf(rows, audit.EventAIOutcome)
	if len(intents) != 1 || len(outcomes) != 0 {
		t.Fatalf("after the kill: %d intents, %d outcomes; want the killed call's intent alone", len(intents), len(outcomes))
	}
	killed := intents[0]
	if killed.InputSHA256 != srv.Requests()[0].InputSHA256 {
		t.Fatalf("the killed call's intent has input %s, the server received %s", killed.InputSHA256, srv.Requests()[0].InputSHA256)
	}

	w2 := e.startWorker(t, "worker2.log")
	if err := workertest.Within(150*time.Second, func() error {
		if len(rowsOf(e.entries(t, id), audit.EventDraft)) == 0 {
			return errors.New("no draft after the kill")
		}
		return nil
	}); err != nil {
		b, _ := os.ReadFile(filepath.Join(dir, "worker2.log"))
		t.Fatalf("%v; worker log:\n%s", err, b)
	}
	t.Logf("retried call completed %s after the kill", time.Since(killedAt).Round(time.Second))
	w2.Process.Signal(syscall.SIGTERM)
	w2.Wait()

	reqs := srv.Requests()
	rows = e.entries(t, id)
	intents, outcomes = rowsOf(rows, audit.EventAIIntent), rowsOf(rows, audit.EventAIOutcome)
	if len(reqs) != 2 || len(intents) != 2 || len(outcomes) != 1 {
		t.Fatalf("%d requests, %d intents, %d outcomes; want 2, 2, 1", len(reqs), len(intents), len(outcomes))
	}
	if reqs[0].Answered || !reqs[1].Answered || reqs[0].InputSHA256 != reqs[1].InputSHA256 {
		t.Fatalf("server saw %+v; want the same input twice, answered the second time", reqs)
	}
	retried := intents[1]
	out := outcomes[0]
	switch {
	case intents[0].CallID != killed.CallID:
		t.Errorf("the killed call's intent changed: %+v", intents[0].Entry)
	case retried.CallID == killed.CallID || out.CallID != retried.CallID:
		t.Errorf("the retried call does not have its own pair: intents %v / %v, outcome %v", killed.CallID, retried.CallID, out.CallID)
	case retried.InputSHA256 != reqs[1].InputSHA256 || out.InputSHA256 != reqs[1].InputSHA256:
		t.Errorf("retried call's hashes %s/%s, server received %s", retried.InputSHA256, out.InputSHA256, reqs[1].InputSHA256)
	case out.Result != "ok" || out.ProviderRequestID != reqs[1].RequestID:
		t.Errorf("outcome %+v does not record the answered request %s", out.Entry, reqs[1].RequestID)
	case killed.Chain == retried.Chain:
		t.Errorf("both calls in chain %s; the restarted worker should have started its own", killed.Chain)
	}
	verify := e.run(t, "audit", "verify")
	if !strings.Contains(verify, ": OK") {
		t.Fatalf("audit verify:\n%s", verify)
	}
	t.Logf("audit verify:\n%s", verify)
}
