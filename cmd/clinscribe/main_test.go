package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  string
	buildDir  string
)

func TestMain(m *testing.M) {
	if url := os.Getenv("LOAD_QUEUE_WORKER"); url != "" {
		os.Exit(queueWorker(url))
	}
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// buildBinary builds clinscribe once for all subprocess tests, with the
// test-only AI provider compiled in (a normal build refuses that kind).
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "clinscribe-bin-")
		if err != nil {
			buildErr = err.Error()
			return
		}
		buildDir = dir
		bin := filepath.Join(dir, "clinscribe")
		cmd := exec.Command("go", "build", "-tags", "clinscribe_testprovider", "-o", bin, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = err.Error() + "\n" + string(out)
			return
		}
		builtBin = bin
	})
	if buildErr != "" {
		t.Fatalf("go build: %s", buildErr)
	}
	return builtBin
}
