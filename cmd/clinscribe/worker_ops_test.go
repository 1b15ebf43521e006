package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// `clinscribe worker` as deployed: it serves /healthz, /readyz and
// /metrics on ops.listen, drains on SIGTSTP and on `clinscribe ops drain`,
// and exits cleanly on SIGTERM.
func TestWorkerProcessOpsEndpointsAndDrain(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, rds.URL, 0)
	cfg, err := config.Load(cfgPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Create the key file once, as `submit` would, so both workers share it.
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	a.Close()

	waitFor := func(what string, f func() bool) { waitUntil(t, what, f) }
	startOne := func(name string) (*exec.Cmd, string) {
		port := freePort(t)
		cmd := exec.Command(bin, "-config", cfgPath, "worker")
		cmd.Env = append(os.Environ(), fmt.Sprintf("CLINSCRIBE_OPS_LISTEN=127.0.0.1:%d", port), "CLINSCRIBE_OPS_DRAIN_POLL=100ms",
			"CLINSCRIBE_SERVICE_WORKER_ID="+name)
		logf, err := os.Create(filepath.Join(dir, name+".log"))
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdout, cmd.Stderr = logf, logf
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait(); logf.Close() })
		base := fmt.Sprintf("http://127.0.0.1:%d", port)
		waitFor(name+" ready", func() bool { code, _ := get(base + "/readyz"); return code == 200 })
		return cmd, base
	}
	draining := func(base string) bool {
		_, body := get(base + "/healthz")
		var h struct{ Draining bool }
		return json.Unmarshal([]byte(body), &h) == nil && h.Draining
	}

	w1, base1 := startOne("w1")
	code, body := get(base1 + "/readyz")
	if code != 200 || !strings.Contains(body, `"redis":"ok"`) || !strings.Contains(body, `"keys":"ok"`) {
		t.Fatalf("/readyz: %d %s", code, body)
	}
	code, body = get(base1 + "/metrics")
	if code != 200 || !strings.Contains(body, `clinscribe_queue_tasks{queue="summarize",state="pending"} 0`) || !strings.Contains(body, "go_goroutines") {
		t.Fatalf("/metrics: %d\n%s", code, body)
	}
	if draining(base1) {
		t.Fatal("draining before asked")
	}
	// SIGTSTP drains the process locally.
	if err := w1.Process.Signal(syscall.SIGTSTP); err != nil {
		t.Fatal(err)
	}
	waitFor("w1 draining after SIGTSTP", func() bool { return draining(base1) })
	if code, body = get(base1 + "/metrics"); !strings.Contains(body, "clinscribe_worker_draining 1") {
		t.Fatalf("/metrics while draining: %d", code)
	}

	// `clinscribe ops drain` reaches another worker through Redis.
	w2, base2 := startOne("w2")
	ops := exec.Command(bin, "-config", cfgPath, "ops", "drain", "-host", hostname(t), "-pid", fmt.Sprint(w2.Process.Pid), "-wait", "20s")
	out, err := ops.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "drained: 1 worker(s)") {
		t.Fatalf("ops drain: %v\n%s", err, out)
	}
	if !draining(base2) {
		t.Fatal("w2 not draining after ops drain")
	}

	// SIGTERM: both exit 0.
	for _, w := range []*exec.Cmd{w1, w2} {
		if err := w.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- w.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("worker exit: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("worker did not exit on SIGTERM")
		}
	}
}

func hostname(t *testing.T) string {
	h, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// `clinscribe serve` answers the Kubernetes probes and Prometheus on
// ops.listen, as workers do (the serve Deployment's probes use that
// port), and still answers /healthz on the API port; SIGTERM ends it
// cleanly.
func TestServeProcessOpsEndpoints(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, rds.URL, 0)
	apiPort, opsPort := freePort(t), freePort(t)
	cmd := exec.Command(bin, "-config", cfgPath, "serve")
	cmd.Env = append(os.Environ(), fmt.Sprintf("CLINSCRIBE_API_LISTEN=127.0.0.1:%d", apiPort),
		fmt.Sprintf("CLINSCRIBE_OPS_LISTEN=127.0.0.1:%d", opsPort))
	logf, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	logs := func() string { b, _ := os.ReadFile(logf.Name()); return string(b) }
	ops := fmt.Sprintf("http://127.0.0.1:%d", opsPort)
	waitUntil(t, "serve: /readyz on ops.listen", func() bool { code, _ := get(ops + "/readyz"); return code == 200 })
	if code, body := get(ops + "/metrics"); code != 200 || !strings.Contains(body, "clinscribe_queue_up") {
		t.Errorf("/metrics on ops.listen: %d", code)
	}
	if code, _ := get(fmt.Sprintf("http://127.0.0.1:%d/healthz", apiPort)); code != 200 {
		t.Errorf("/healthz on the API port: %d", code)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v\n%s", err, logs())
		}
	case <-time.After(40 * time.Second):
		t.Fatalf("serve did not stop on SIGTERM\n%s", logs())
	}
	if code, _ := get(ops + "/healthz"); code != 0 {
		t.Errorf("ops endpoints still answer after serve exited: %d", code)
	}
}

// get fetches url: the status and body, or 0 and the error.
func get(url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitUntil waits up to 30 seconds for f to hold.
func waitUntil(t *testing.T, what string, f func() bool) {
	t.Helper()
	workertest.Eventually(t, 30*time.Second, func() error {
		if !f() {
			return fmt.Errorf("waiting for %s", what)
		}
		return nil
	})
}
