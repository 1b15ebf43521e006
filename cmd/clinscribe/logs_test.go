package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer collects a subprocess's stderr.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// With log.format json and Redis unreachable, a worker's stderr is JSON
// lines only — go-redis's own "redis: … failed to dial" lines included —
// and the lines asynq and go-redis repeat while Redis stays down are
// counted instead of written about ten times a second. The start-up line
// shows the queues as numbers and durations as "30s".
func TestWorkerLogsWithRedisDown(t *testing.T) {
	t.Parallel()
	bin := buildBinary(t)
	port := freePort(t) // nothing listens there
	var stderr lockedBuffer
	cmd := exec.Command(bin, "worker")
	cmd.Env = []string{"CLINSCRIBE_DATA_DIR=" + t.TempDir(), "CLINSCRIBE_LOG_FORMAT=json",
		fmt.Sprintf("CLINSCRIBE_REDIS_URL=redis://127.0.0.1:%d", port)}
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	started := time.Now()
	// A repeat is reported once its 10 s window has passed: by then every
	// kind of line has had its chance to flood.
	waitUntil(t, "a rate-limited line reporting its repeats", func() bool {
		return strings.Contains(stderr.String(), `"repeated":`)
	})
	elapsed := time.Since(started)
	_ = cmd.Process.Kill()
	_ = cmd.Wait()

	var lines, redisLines int
	var startLine map[string]any
	sc := bufio.NewScanner(strings.NewReader(stderr.String()))
	for sc.Scan() {
		line := sc.Text()
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("stderr line is not JSON: %q", line)
			continue
		}
		lines++
		if rec["component"] == "redis" {
			redisLines++
			if rec["reason"] == "" || rec["addr"] != fmt.Sprintf("127.0.0.1:%d", port) {
				t.Errorf("redis client line without its reason and address: %s", line)
			}
		}
		if rec["msg"] == "worker started" {
			startLine = rec
		}
	}
	if startLine == nil {
		t.Fatalf("no start-up line in:\n%s", stderr.String())
	}
	queues, ok := startLine["queues"].(map[string]any)
	if !ok || queues["critical"] != float64(6) || queues["transcribe"] != float64(3) {
		t.Errorf(`start-up line: queues %v, want {"critical":6,"transcribe":3,…}`, startLine["queues"])
	}
	if startLine["shutdown_timeout"] != "30s" {
		t.Errorf("start-up line: shutdown_timeout %v, want \"30s\"", startLine["shutdown_timeout"])
	}
	if redisLines == 0 {
		t.Error("go-redis's dial failures did not reach the log")
	}
	// Unlimited, asynq alone wrote about 10 lines a second.
	if perSecond := float64(lines) / elapsed.Seconds(); perSecond > 3 {
		t.Errorf("%d lines in %s (%.1f/s) with Redis down, want at most 3/s:\n%s", lines, elapsed.Round(time.Millisecond), perSecond, stderr.String())
	}
	t.Logf("%d JSON lines in %s with Redis down", lines, elapsed.Round(time.Millisecond))
}
