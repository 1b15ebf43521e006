package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/cli"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

const samples = "../../../../testdata/samples"

func run(t *testing.T, environ []string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Environ: environ, LogOutput: &bytes.Buffer{},
	})
	return code, out.String(), errb.String()
}

// `make demo` runs this command: everything on embedded defaults.
func TestDemo(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "demo")
	code, out, errs := run(t, nil, "", "demo", "-samples", samples, "-dir", dir)
	if code != 0 {
		t.Fatalf("demo exited %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	if n := strings.Count(out, "AI-generated draft — not yet reviewed by a clinician"); n != 7 {
		t.Fatalf("%d drafts with the banner, want 7:\n%s", n, out)
	}
	for _, want := range []string{"SIMULATED", "status preliminary", "AI-generated (AIAST)", "(encrypted)", "ai.intent", "ai.outcome", "0 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

func TestSubmitStatusShow(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	data := t.TempDir()
	environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + data, "CLINSCRIBE_WORKER_POLL_INTERVAL=100ms"}

	// A worker, as `clinscribe worker` would run it, in this process.
	startWorker(t, environ)

	code, out, errs := run(t, environ, "", "submit", "-note", filepath.Join(samples, "note-diabetes-visit.txt"),
		"-patient-id", "MRN-00738112", "-patient-name", "Delia M. Fairbanks", "-provider", "dr-brandt", "-wait", "20s")
	if code != 0 {
		t.Fatalf("submit exited %d: %s", code, errs)
	}
	id := strings.SplitN(out, "\n", 2)[0]
	if !strings.HasPrefix(id, "enc_") || !strings.Contains(out, "result      finished") {
		t.Fatalf("submit output:\n%s", out)
	}
	code, out, errs = run(t, environ, "", "status", id)
	if code != 0 || !strings.Contains(out, "summarize   done") || !strings.Contains(out, "v1  preliminary") {
		t.Fatalf("status exited %d:\n%s%s", code, out, errs)
	}
	code, out, errs = run(t, environ, "", "show", id)
	if code != 0 || !strings.Contains(out, "AI-generated draft — not yet reviewed by a clinician") || !strings.Contains(out, "A1c 7.9%") {
		t.Fatalf("show exited %d:\n%s%s", code, out, errs)
	}
	if strings.Contains(out, "MRN-00738112") && !strings.Contains(out, "Assessment") {
		t.Fatal("unexpected output")
	}
	// Recordings from files, SRT sidecar.
	code, out, errs = run(t, environ, "", "submit", "-audio", filepath.Join(samples, "rec-dysuria-visit.wav"),
		"-sidecar", filepath.Join(samples, "rec-dysuria-visit.srt"), "-patient-id", "MRN-00664519", "-provider", "dr-feld", "-wait", "20s")
	if code != 0 || !strings.Contains(out, "transcribe  done") {
		t.Fatalf("submit recording exited %d:\n%s%s", code, out, errs)
	}
}

func TestSubmitBadInputIsClear(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	dir := t.TempDir()
	environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + filepath.Join(dir, "var"), "CLINSCRIBE_PIPELINE_LIMITS_MAX_NOTE_BYTES=2000"}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wav := filepath.Join(samples, "rec-cough-telehealth.wav")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"EmptyNote", []string{"-note", write("empty.txt", nil)}, 1, "empty_input: note is empty"},
		{"InvalidUTF8", []string{"-note", write("bad.txt", []byte("a\xffb"))}, 1, "not_utf8"},
		{"TooLarge", []string{"-note", write("big.txt", bytes.Repeat([]byte("x "), 2000))}, 1, "too_large: note is 4000 bytes; the limit is 2000"},
		{"ZeroByteAudio", []string{"-audio", write("empty.wav", nil)}, 1, "empty_input"},
		{"CorruptSidecar", []string{"-audio", wav, "-sidecar", write("bad.vtt", []byte("WEBVTT\n\nnot a cue\n"))}, 1, "sidecar_invalid: sidecar transcript rejected"},
		{"UnknownExtension", []string{"-note", write("note.docx", []byte("x"))}, 1, "give -content-type"},
		{"UnknownContentType", []string{"-note", write("n.bin", []byte("x")), "-content-type", "application/msword"}, 1, "unsupported_content_type"},
		{"NoPatient", []string{"-note", write("ok.txt", []byte("Cough."))}, 2, "-patient-id is required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"submit"}, c.args...)
			if c.name != "NoPatient" {
				args = append(args, "-patient-id", "MRN-1", "-provider", "dr-a")
			}
			code, out, errs := run(t, environ, "", args...)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d mentioning %q", code, errs, c.code, c.want)
			}
			if out != "" {
				t.Fatalf("a refused submission printed an ID: %q", out)
			}
		})
	}
}

func TestConfigErrorsAreClear(t *testing.T) {
	t.Parallel()
	code, _, errs := run(t, []string{"CLINSCRIBE_REDIS_URL=http://x", "CLINSCRIBE_STORAGE_KIND=floppy", "CLINSCRIBE_WORKER_CONCURRENCY=many", "CLINSCRIBE_NO_SUCH=1"}, "", "status", "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"CLINSCRIBE_WORKER_CONCURRENCY: not an integer", "CLINSCRIBE_NO_SUCH: no such setting"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q lacks %q", errs, want)
		}
	}
	code, _, errs = run(t, []string{"CLINSCRIBE_REDIS_URL=http://x", "CLINSCRIBE_STORAGE_KIND=floppy"}, "", "status", "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa")
	if code != 1 || !strings.Contains(errs, `storage.kind: "floppy" is not local or s3`) || !strings.Contains(errs, "redis.url: scheme \"http\"") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	if code, _, errs := run(t, nil, ""); code != 2 || !strings.Contains(errs, "Commands:") {
		t.Fatalf("no args: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, nil, "", "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Fatalf("unknown: exit %d %s", code, errs)
	}
	if code, out, _ := run(t, nil, "", "version"); code != 0 || !strings.HasPrefix(out, "clinscribe ") {
		t.Fatalf("version: %d %q", code, out)
	}
	_ = time.Second
}

// startWorker runs a worker in this process, as `clinscribe worker` would
// with environ, until the test ends; it returns the app and the server.
func startWorker(t *testing.T, environ []string) (*app.App, *worker.Server) {
	t.Helper()
	cfg, err := config.Load("", environ)
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv, err := a.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	return a, srv
}
