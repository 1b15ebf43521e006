package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/access"
)

// A patient token's subject is the platform's patient ID (an MRN: PHI).
// The token file is a plain YAML file outside encrypted storage, so it
// keeps the pseudonymous reference instead; the token still authenticates
// as that patient.
func TestPatientTokenFileHoldsNoPatientID(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	environ := []string{"CLINSCRIBE_DATA_DIR=" + data}
	code, out, errs := run(t, environ, "", "token", "create", "-id", "tok-p", "-role", "patient", "-subject", "MRN-CANARY-1")
	if code != 0 {
		t.Fatalf("token create exited %d: %s", code, errs)
	}
	token := strings.TrimSpace(out)
	cfg, err := config.Load("", environ)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(cfg.API.TokensFile)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "CANARY") || strings.Contains(errs, "CANARY") {
		t.Errorf("the patient ID is in the token file or the output:\n%s\n%s", raw, errs)
	}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	want, err := a.Services.Pseudonyms.PatientRef(context.Background(), "MRN-CANARY-1")
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := access.LoadTokens(cfg.API.TokensFile, a.Services.Pseudonyms.PatientRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := tokens.Authenticate(context.Background(), token)
	if err != nil || p.ID != want || p.Role != access.RolePatient {
		t.Fatalf("the token authenticates as %+v (%v), want patient %s", p, err, want)
	}
}

// README's order — create a token, then serve — on a data_dir that does
// not exist yet.
func TestTokenCreateOnFreshDataDir(t *testing.T) {
	t.Parallel()
	for _, role := range []string{"provider", "ops", "patient"} {
		t.Run(role, func(t *testing.T) {
			t.Parallel()
			data := filepath.Join(t.TempDir(), "fresh", "data")
			environ := []string{"CLINSCRIBE_DATA_DIR=" + data}
			code, out, errs := run(t, environ, "", "token", "create", "-id", "tok-1", "-role", role, "-subject", "subject-1")
			if code != 0 || !strings.HasPrefix(out, "cst_") {
				t.Fatalf("token create on a fresh data_dir: exit %d\n%s%s", code, out, errs)
			}
			if _, err := os.Stat(filepath.Join(data, "tokens.yaml")); err != nil {
				t.Fatal(err)
			}
		})
	}
}
