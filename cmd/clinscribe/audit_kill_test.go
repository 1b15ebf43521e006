package main_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

// TestKilledWorkerAuditSegment runs `clinscribe worker` under traffic and
// kills it with SIGKILL mid-traffic. In one copy of its audit directory
// its trail segment is cut to half of what a checkpoint signed, in
// another it is emptied: `audit verify` fails on both, naming the
// segment. The untouched copy verifies, reporting the segment open with
// its unsigned entries. Then a new worker seals the orphan ("sealed after
// crash"), after which the trail verifies with every entry signed
// (-strict), and cutting even the last record of the sealed segment
// fails.
func TestKilledWorkerAuditSegment(t *testing.T) {
	t.Parallel()
	bin := buildBinary(t)
	redis := redistest.StartWith(t, redistest.Options{Own: true})
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "clinscribe.yaml")
	err := os.WriteFile(cfgPath, []byte(fmt.Sprintf(`
data_dir: %s
service: {worker_id: seg-kill}
redis: {url: %q}
worker: {concurrency: 4, poll_interval: 100ms, shutdown_timeout: 2s}
audit: {checkpoint_interval: 1s, checkpoint_every: 16, lease: 2s}
ai:
  providers: [{name: offline, kind: offline, simulate_latency: 100ms}]
log: {level: info, format: text}
`, filepath.Join(dir, "var"), redis.URL)), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := app.AuditPublicKey(cfg.Audit)
	if errors.Is(err, audit.ErrNoSigningKey) {
		// The submitter below creates it; read it after.
		pub = nil
	} else if err != nil {
		t.Fatal(err)
	}

	// Traffic: notes submitted by this process (its own writer ID).
	const notes = 150
	sub := cfg
	sub.Service.WorkerID = "submitter"
	a, err := app.Open(context.Background(), sub, app.Options{LogOutput: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	samples, err := app.LoadSamples("../../testdata/samples")
	if err != nil {
		t.Fatal(err)
	}
	submitted := 0
	for _, s := range samples {
		if s.Kind != "note" {
			continue
		}
		for range notes / 3 {
			req, closeFn, err := s.Request("test")
			if err != nil {
				t.Fatal(err)
			}
			_, err = a.Pipeline.Submit(context.Background(), req)
			closeFn()
			if err != nil {
				t.Fatal(err)
			}
			submitted++
		}
		if submitted >= notes {
			break
		}
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if pub == nil {
		if pub, err = app.AuditPublicKey(cfg.Audit); err != nil {
			t.Fatal(err)
		}
	}
	auditDir := cfg.Audit.Dir
	verify := func(dir string) *audit.Report {
		t.Helper()
		r, err := audit.OpenFileReader(dir)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := audit.Verify(context.Background(), r, audit.VerifyOptions{Keys: []ed25519.PublicKey{pub}})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	workerSegment := func(rep *audit.Report, state string) *audit.Segment {
		for i, s := range rep.Segments {
			if strings.HasPrefix(s.Chain, "seg-kill.") && (state == "" || s.State == state) {
				return &rep.Segments[i]
			}
		}
		return nil
	}

	// Kill the worker once a checkpoint signed a good part of its segment.
	w1 := startWorker(t, bin, cfgPath, filepath.Join(dir, "worker1.log"))
	var chain string
	waitUntil(t, "the worker's segment signed to seq 48", func() bool {
		if s := workerSegment(verify(auditDir), ""); s != nil && s.SignedSeq >= 48 {
			chain = s.Chain
			return true
		}
		return false
	})
	if err := w1.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = w1.Wait()
	drafts := 0
	entries, err := audit.ReadDir(auditDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Event == audit.EventDraft {
			drafts++
		}
	}
	if drafts >= submitted {
		t.Fatalf("all %d encounters were drafted before the kill: not mid-traffic", submitted)
	}
	t.Logf("killed the worker after %d of %d drafts", drafts, submitted)

	untouched, cut, emptied := copyTree(t, auditDir), copyTree(t, auditDir), copyTree(t, auditDir)
	seg := workerSegment(verify(untouched), audit.StateOpen)
	if seg == nil || seg.Chain != chain || !seg.OK {
		t.Fatalf("the killed worker's segment in the untouched copy: %+v", seg)
	}
	file := "audit-" + chain + ".jsonl"
	lines := bytes.SplitAfter(mustRead(t, filepath.Join(cut, file)), []byte("\n"))
	keep := int(seg.SignedSeq / 2)
	if err := os.WriteFile(filepath.Join(cut, file), bytes.Join(lines[:keep], nil), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(filepath.Join(emptied, file), 0); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		dir  string
		want string
	}{
		{"cut below the signed head", cut, fmt.Sprintf("records %d..%d were cut off", keep+1, seg.SignedSeq)},
		{"emptied", emptied, fmt.Sprintf("records 1..%d were cut off", seg.SignedSeq)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := runVerify(t, bin, cfgPath, "-dir", tc.dir)
			if code != 1 {
				t.Fatalf("audit verify exit %d, want 1:\n%s", code, out)
			}
			t.Logf("audit verify -dir %s (exit %d):\n%s", tc.name, code, out)
			first := firstLine(out, "first bad place:")
			if !strings.Contains(first, filepath.Join(tc.dir, file)) || !strings.Contains(first, "chain "+chain) || !strings.Contains(first, tc.want) {
				t.Errorf("first bad place %q: want the segment %s (%s) named with %q", first, chain, file, tc.want)
			}
			if !strings.Contains(out, "FAILED "+chain) {
				t.Errorf("the segment list does not mark %s FAILED:\n%s", chain, out)
			}
		})
	}

	t.Run("untouched, before the seal", func(t *testing.T) {
		code, out := runVerify(t, bin, cfgPath, "-dir", untouched)
		if code != 0 {
			t.Fatalf("audit verify exit %d, want 0:\n%s", code, out)
		}
		want := fmt.Sprintf("ok     %s: open, signed to seq %d: %d signed, %d unsigned, 0 missing", chain, seg.SignedSeq, seg.Signed, seg.Unsigned)
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
		// An unsealed, intact tail verifies (exit 0); -strict asks for
		// every entry signed and exits 3 while some are not.
		wantStrict := 0
		if seg.Unsigned > 0 {
			wantStrict = 3
		}
		if code, out := runVerify(t, bin, cfgPath, "-dir", untouched, "-strict"); code != wantStrict {
			t.Errorf("-strict with %d unsigned: exit %d, want %d:\n%s", seg.Unsigned, code, wantStrict, out)
		}
		t.Logf("untouched copy: segment %s signed to %d, %d unsigned", chain, seg.SignedSeq, seg.Unsigned)
	})

	// A new worker seals the orphan a lease after it started watching.
	w2 := startWorker(t, bin, cfgPath, filepath.Join(dir, "worker2.log"))
	var sealed *audit.Segment
	waitUntil(t, "the new worker to seal the killed worker's segment", func() bool {
		for _, s := range verify(auditDir).Segments {
			if s.Chain == chain && s.State == audit.StateSealed {
				sealed = &s
				return true
			}
		}
		return false
	})
	if err := w2.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	_ = w2.Wait()
	if sealed.Signed != sealed.Records || sealed.Unsigned != 0 || sealed.Records < seg.Records || !strings.HasPrefix(sealed.SealedBy, "seg-kill") {
		t.Fatalf("sealed segment %+v: want every record of the killed worker's (%d) signed, sealed by the new worker", sealed, seg.Records)
	}
	t.Run("sealed", func(t *testing.T) {
		code, out := runVerify(t, bin, cfgPath, "-strict")
		if code != 0 {
			t.Fatalf("audit verify -strict exit %d, want 0:\n%s", code, out)
		}
		t.Logf("audit verify -strict after the seal (exit 0):\n%s", out)
		want := fmt.Sprintf("ok     %s: sealed after crash at seq %d by seg-kill", chain, sealed.SignedSeq)
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
		// The seal binds the whole tail: cutting its last record fails.
		cp := copyTree(t, auditDir)
		lines := bytes.SplitAfter(mustRead(t, filepath.Join(cp, file)), []byte("\n"))
		os.WriteFile(filepath.Join(cp, file), bytes.Join(lines[:sealed.Records-1], nil), 0o600)
		code, out = runVerify(t, bin, cfgPath, "-dir", cp)
		if code != 1 || !strings.Contains(firstLine(out, "first bad place:"), "chain "+chain) {
			t.Errorf("sealed segment's last record cut: exit %d, want 1 naming %s:\n%s", code, chain, out)
		}
	})

	// Canary: the patients' identifiers reach neither the trail (seal
	// included) nor the workers' logs (the sealer's included).
	t.Run("no PHI in the trail or the logs", func(t *testing.T) {
		var planted []string
		for _, s := range samples {
			if s.Kind == "note" {
				last := s.Patient.Name[strings.LastIndex(s.Patient.Name, " ")+1:]
				planted = append(planted, s.Patient.ID, s.Patient.Name, last, s.Patient.Phone, s.Patient.BirthDate)
			}
		}
		note := mustRead(t, filepath.Join("../../testdata/samples", samples[0].Note))
		if !bytes.Contains(note, []byte(samples[0].Patient.Name[strings.LastIndex(samples[0].Patient.Name, " ")+1:])) {
			t.Fatal("positive control: the submitted note should name its patient")
		}
		files := []string{filepath.Join(dir, "worker1.log"), filepath.Join(dir, "worker2.log")}
		ents, _ := os.ReadDir(auditDir)
		for _, e := range ents {
			files = append(files, filepath.Join(auditDir, e.Name()))
		}
		if !strings.Contains(string(mustRead(t, files[1])), "sealed the chain of a dead writer") {
			t.Error("positive control: worker2's log should record the seal")
		}
		for _, f := range files {
			b := mustRead(t, f)
			for _, p := range planted {
				if bytes.Contains(b, []byte(p)) {
					t.Errorf("%s contains the patient identifier %q", f, p)
				}
			}
		}
	})
}

// runVerify runs `clinscribe audit verify` and returns its exit status and
// output.
func runVerify(t *testing.T, bin, cfgPath string, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(bin, append([]string{"-config", cfgPath, "audit", "verify"}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String()
	}
	t.Fatalf("audit verify: %v", err)
	return 0, ""
}

func firstLine(out, prefix string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, prefix) {
			return l
		}
	}
	return ""
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// copyTree copies a flat directory (an audit directory) as it is now.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if !e.Type().IsRegular() {
			continue
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), mustRead(t, filepath.Join(src, e.Name())), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}
