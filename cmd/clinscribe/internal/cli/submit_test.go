package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/worker/redistest"
)

// The CLI refuses a birth date that is not YYYY-MM-DD before anything is
// stored, as the API does, and never echoes the value.
func TestSubmitRefusesMalformedBirthDate(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + t.TempDir()}
	for _, tc := range []struct{ name, date, want string }{
		{"us order", "12/05/1968", "YYYY-MM-DD"},
		{"words", "not-a-date", "YYYY-MM-DD"},
		{"future", "2999-01-01", "in the past"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, environ, "", "submit", "-note", filepath.Join(samples, "note-low-back-pain.txt"),
				"-patient-id", "MRN-BD-1", "-provider", "dr-a", "-birth-date", tc.date)
			if code != 1 || !strings.Contains(errs, "invalid_input: the patient's birth date must be") || !strings.Contains(errs, tc.want) {
				t.Fatalf("exit %d, stderr %q: want 1 and a clear birth-date error", code, errs)
			}
			if strings.Contains(errs+out, tc.date) || out != "" {
				t.Errorf("the value or an encounter ID was printed: %q %q", out, errs)
			}
		})
	}
	code, out, errs := run(t, environ, "", "submit", "-note", filepath.Join(samples, "note-low-back-pain.txt"),
		"-patient-id", "MRN-BD-1", "-provider", "dr-a", "-birth-date", "1968-12-05")
	if code != 0 || !strings.HasPrefix(out, "enc_") {
		t.Fatalf("a valid birth date: exit %d %s %s", code, out, errs)
	}
}

// `submit -wait` says its own timeout ran out (and how to look later)
// rather than reporting a storage error, and exits non-zero when the
// pipeline failed.
func TestSubmitWaitTimeoutAndFailure(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	data := t.TempDir()
	environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + data, "CLINSCRIBE_WORKER_POLL_INTERVAL=100ms"}

	t.Run("timeout", func(t *testing.T) {
		// No worker runs: the wait can only time out, here before its
		// first read.
		code, out, errs := run(t, environ, "", "submit", "-note", filepath.Join(samples, "note-low-back-pain.txt"),
			"-patient-id", "MRN-W-1", "-provider", "dr-a", "-wait", "1ns")
		id := strings.TrimSpace(out)
		if code != 1 || !strings.HasPrefix(id, "enc_") || !strings.Contains(errs, "the wait timed out") ||
			!strings.Contains(errs, "clinscribe status "+id) || strings.Contains(errs, "storage") {
			t.Fatalf("exit %d, stdout %q, stderr %q: want the encounter ID, a timed-out wait and how to check later", code, out, errs)
		}
	})

	t.Run("pipeline failed", func(t *testing.T) {
		startWorker(t, environ)
		// A recording without a sidecar: the offline provider refuses it
		// permanently.
		code, out, errs := run(t, environ, "", "submit", "-audio", filepath.Join(samples, "rec-cough-telehealth.wav"),
			"-patient-id", "MRN-W-2", "-provider", "dr-a", "-wait", "30s")
		if code != 1 || !strings.Contains(out, "result      failed: provider_not_configured") || !strings.Contains(errs, "failed: provider_not_configured") {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 1 with the failure code", code, out, errs)
		}
	})
}
