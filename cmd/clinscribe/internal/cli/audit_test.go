package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/cli"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/storage/s3test"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

type cliRig struct {
	dir, cfg string
}

func newCLIRig(t *testing.T) *cliRig {
	t.Helper()
	redis := redistest.StartWith(t, redistest.Options{Own: true})
	dir := t.TempDir()
	cfg := filepath.Join(dir, "clinscribe.yaml")
	data := filepath.Join(dir, "var")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("data_dir: %s\nredis: {url: %q}\nlog: {level: error}\n", data, redis.URL)), 0o600); err != nil {
		t.Fatal(err)
	}
	return &cliRig{dir: dir, cfg: cfg}
}

func (r *cliRig) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(context.Background(), append([]string{"-config", r.cfg}, args...),
		cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Environ: nil})
	return code, out.String(), errb.String()
}

func (r *cliRig) auditDir() string { return filepath.Join(r.dir, "var", "audit") }

func TestAuditCommands(t *testing.T) {
	t.Parallel()
	r := newCLIRig(t)
	note := filepath.Join(r.dir, "note.txt")
	os.WriteFile(note, []byte("Subjective\nCough for two days.\n\nPlan\nFluids.\n"), 0o600)

	code, id, errs := r.run(t, "submit", "-note", note, "-patient-id", "MRN-777", "-provider", "dr-a", "-actor", "portal-1")
	if code != 0 {
		t.Fatalf("submit: exit %d: %s", code, errs)
	}
	id = strings.TrimSpace(id)

	if code, out, errs := r.run(t, "keys", "rotate", "-actor", "ops-alice"); code != 0 || !strings.Contains(out, "version k2 is now primary") {
		t.Fatalf("keys rotate: exit %d\n%s%s", code, out, errs)
	}

	// The patient's "who accessed my data", by the clinic's patient ID.
	code, out, errs := r.run(t, "audit", "export", "-patient-id", "MRN-777", "-format", "csv", "-actor", "privacy-officer")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "time,event,actor,role,patient_ref") ||
		!strings.Contains(lines[1], ",encounter.submit,portal-1,platform,pt_") || !strings.Contains(lines[1], id) {
		t.Fatalf("export csv:\n%s", out)
	}
	if strings.Contains(out, "MRN-777") {
		t.Fatal("the export names the patient ID")
	}
	ref := strings.Split(lines[1], ",")[4]

	// Exports by ref and by encounter agree, and the first export is
	// itself in the trail.
	_, byRef, _ := r.run(t, "audit", "export", "-patient", ref)
	_, byEnc, _ := r.run(t, "audit", "export", "-encounter", id)
	var first, second audit.Row
	json.Unmarshal([]byte(strings.Split(byRef, "\n")[0]), &first)
	json.Unmarshal([]byte(strings.Split(byEnc, "\n")[0]), &second)
	if first.Event != audit.EventSubmit || first.EncounterID != id || second.Event != audit.EventSubmit {
		t.Fatalf("export by ref:\n%s\nby encounter:\n%s", byRef, byEnc)
	}
	if !strings.Contains(byRef, `"event":"audit.export","actor":"privacy-officer","role":"ops","patient_ref":"`+ref) {
		t.Fatalf("the export by patient ID is not audited:\n%s", byRef)
	}
	_, all, _ := r.run(t, "audit", "export", "-since", "2000-01-01")
	if !strings.Contains(all, `"event":"key.rotate","actor":"ops-alice","role":"ops"`) || !strings.Contains(all, `"object_id":"k2"`) {
		t.Fatalf("no key rotation entry:\n%s", all)
	}

	for _, bad := range [][]string{
		{"audit", "export", "-patient", "MRN-777"},
		{"audit", "export"},
		{"audit", "export", "-patient-id", "x", "-dir", r.auditDir()},
		{"audit", "export", "-encounter", id, "-format", "xml"},
		{"audit", "nonsense"},
	} {
		if code, _, _ := r.run(t, bad...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", bad, code)
		}
	}

	// verify: OK, then a copy with one byte changed fails and names it.
	code, out, errs = r.run(t, "audit", "verify")
	if code != 0 || !strings.Contains(out, ": OK") {
		t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
	}
	_, pub, _ := r.run(t, "audit", "pubkey")
	pubFile := filepath.Join(r.dir, "audit.pub")
	os.WriteFile(pubFile, []byte(pub), 0o644)

	cp := t.TempDir()
	files, _ := os.ReadDir(r.auditDir())
	var chain string
	for _, f := range files {
		b, _ := os.ReadFile(filepath.Join(r.auditDir(), f.Name()))
		if bytes.Contains(b, []byte(`"event":"encounter.submit"`)) {
			chain = f.Name()
			b = bytes.Replace(b, []byte(`"actor":"portal-1"`), []byte(`"actor":"portal-2"`), 1)
		}
		os.WriteFile(filepath.Join(cp, f.Name()), b, 0o600)
	}
	code, out, _ = r.run(t, "audit", "verify", "-dir", cp, "-public-key", pubFile)
	if code != 1 || !strings.Contains(out, "FAILED") || !strings.Contains(out, "first bad place: "+filepath.Join(cp, chain)+":1 ") {
		t.Fatalf("verify of a modified copy: exit %d\n%s", code, out)
	}

	keyOut := filepath.Join(r.dir, "new.key")
	if code, out, _ := r.run(t, "audit", "keygen", "-out", keyOut); code != 0 || !strings.Contains(out, "BEGIN PUBLIC KEY") {
		t.Fatalf("keygen: exit %d %s", code, out)
	}
	if fi, _ := os.Stat(keyOut); fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	if code, _, errs := r.run(t, "audit", "keygen", "-out", keyOut); code != 1 || !strings.Contains(errs, "never overwritten") {
		t.Errorf("keygen over an existing key: exit %d %s", code, errs)
	}
}

// TestAuditS3Sink runs the commands on sink s3 (versitygw with Object
// Lock), configured as production would be: the key must be made first.
// Not parallel: the AWS SDK takes credentials from the environment.
func TestAuditS3Sink(t *testing.T) {
	srv := s3test.Start(t)
	srv.LockedBucket(t, "trail")
	ak, sk := s3test.Credentials()
	t.Setenv("AWS_ACCESS_KEY_ID", ak)
	t.Setenv("AWS_SECRET_ACCESS_KEY", sk)
	r := newCLIRig(t)
	cfg, _ := os.ReadFile(r.cfg)
	cfg = append(cfg, fmt.Sprintf(`audit:
  sink: s3
  s3: {bucket: trail, prefix: prod}
  aws: {region: us-east-1, endpoint: %q, path_style: true}
`, srv.Endpoint)...)
	os.WriteFile(r.cfg, cfg, 0o600)

	if code, _, errs := r.run(t, "keys", "rotate"); code != 1 || !strings.Contains(errs, "signing key file does not exist") {
		t.Fatalf("without a signing key: exit %d %s; want a refusal (production keys are made on purpose)", code, errs)
	}
	if code, _, errs := r.run(t, "audit", "keygen"); code != 0 {
		t.Fatalf("keygen: %d %s", code, errs)
	}
	if code, out, errs := r.run(t, "keys", "rotate", "-actor", "ops-bob"); code != 0 {
		t.Fatalf("keys rotate: %d %s %s", code, out, errs)
	}
	code, out, errs := r.run(t, "audit", "verify")
	if code != 0 || !strings.Contains(out, "audit trail s3://trail/prod/: OK") || !strings.Contains(out, "1 segment(s), 1 entries") {
		t.Fatalf("verify: %d\n%s%s", code, out, errs)
	}
	_, out, _ = r.run(t, "audit", "export", "-since", "2000-01-01")
	if !strings.Contains(out, `"event":"key.rotate","actor":"ops-bob"`) {
		t.Fatalf("export:\n%s", out)
	}
	list, err := srv.Client().ListObjectsV2(context.Background(), &s3.ListObjectsV2Input{Bucket: aws.String("trail"), Prefix: aws.String("prod/chains/")})
	// Two chains (the rotation, then the export's own entry), each an
	// empty first object and one batch.
	if err != nil || len(list.Contents) != 4 {
		t.Fatalf("chain objects: %v %v", list, err)
	}
}

// `audit export -view readable` answers a patient's request in words: who
// by display name or role and the organisation, what, when — in CSV through
// the same formula guard, and in JSON.
func TestAuditExportReadable(t *testing.T) {
	t.Parallel()
	r := newCLIRig(t)
	cfg, _ := os.ReadFile(r.cfg)
	cfg = append(cfg, "api: {display_names: {organization: Riverside Family Clinic, actors: {portal-1: \"=Riverside portal\"}}}\n"...)
	os.WriteFile(r.cfg, cfg, 0o600)
	note := filepath.Join(r.dir, "note.txt")
	os.WriteFile(note, []byte("Subjective\nCough for two days.\n\nPlan\nFluids.\n"), 0o600)
	code, id, errs := r.run(t, "submit", "-note", note, "-patient-id", "MRN-778", "-provider", "dr-a", "-actor", "portal-1")
	if code != 0 {
		t.Fatalf("submit: exit %d: %s", code, errs)
	}
	id = strings.TrimSpace(id)

	code, out, errs := r.run(t, "audit", "export", "-patient-id", "MRN-778", "-view", "readable", "-format", "csv")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || lines[0] != strings.Join(audit.ReadableCSVHeader, ",") ||
		!strings.Contains(lines[1], ",'=Riverside portal,clinic system,Riverside Family Clinic,submitted your visit for documentation,"+id+",encounter.submit") {
		t.Fatalf("readable csv:\n%s", out)
	}
	for _, leak := range []string{"MRN-778", "pt_"} {
		if strings.Contains(out, leak) {
			t.Errorf("the readable export shows %q", leak)
		}
	}
	code, out, errs = r.run(t, "audit", "export", "-encounter", id, "-view", "readable", "-format", "json")
	var doc struct{ Entries []audit.ReadableRow }
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Entries) == 0 || doc.Entries[0].What != "submitted your visit for documentation" {
		t.Fatalf("readable json: exit %d\n%s%s", code, out, errs)
	}
}
