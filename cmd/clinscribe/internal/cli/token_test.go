package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

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

// The token lifecycle from the command line: expiry by role (90 days for
// people, none for platform by default), list without secrets or patient
// references, revoke, and errors in the CLI's own words.
func TestTokenCreateListRevoke(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	environ := []string{"CLINSCRIBE_DATA_DIR=" + data}
	created := map[string]string{}
	for _, c := range [][]string{
		{"-id", "tok-okafor", "-role", "provider", "-subject", "dr-okafor"},
		{"-id", "tok-emr", "-role", "platform", "-subject", "emr-1"},
		{"-id", "tok-short", "-role", "ops", "-subject", "ops-1", "-ttl", "7d"},
		{"-id", "tok-pat", "-role", "patient", "-subject", "MRN-CANARY-2"},
	} {
		code, out, errs := run(t, environ, "", append([]string{"token", "create"}, c...)...)
		if code != 0 {
			t.Fatalf("token create %v: %d %s", c, code, errs)
		}
		created[c[1]] = strings.TrimSpace(out)
	}
	listed := func() []map[string]any {
		t.Helper()
		code, out, errs := run(t, environ, "", "token", "list", "-json")
		if code != 0 {
			t.Fatalf("token list: %d %s", code, errs)
		}
		var doc struct{ Tokens []map[string]any }
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		for _, tok := range created {
			if strings.Contains(out, tok) {
				t.Fatal("token list shows a token")
			}
		}
		for _, leak := range []string{"sha256", "pt_", "CANARY"} {
			if strings.Contains(out, leak) {
				t.Errorf("token list shows %q:\n%s", leak, out)
			}
		}
		return doc.Tokens
	}
	summary := func(toks []map[string]any) []string {
		var out []string
		for _, tk := range toks {
			validity := "never"
			if e, ok := tk["expires"].(string); ok {
				exp, _ := time.Parse(time.RFC3339, e)
				cr, _ := time.Parse(time.RFC3339, tk["created"].(string))
				validity = exp.Sub(cr).String()
			}
			subject, _ := tk["subject"].(string)
			out = append(out, strings.Join([]string{tk["id"].(string), tk["role"].(string), subject, validity, tk["state"].(string)}, " "))
		}
		return out
	}
	t.Run("List", func(t *testing.T) {
		want := []string{
			"tok-emr platform emr-1 never active",
			"tok-okafor provider dr-okafor 2160h0m0s active",
			"tok-pat patient  2160h0m0s active",
			"tok-short ops ops-1 168h0m0s active",
		}
		if d := cmp.Diff(want, summary(listed())); d != "" {
			t.Errorf("token list (-want +got):\n%s", d)
		}
		code, out, _ := run(t, environ, "", "token", "list")
		if code != 0 || !strings.Contains(out, "ID") || !strings.Contains(out, "(a patient)") || !strings.Contains(out, "never") {
			t.Errorf("token list table:\n%s", out)
		}
	})
	t.Run("DuplicateID", func(t *testing.T) {
		code, _, errs := run(t, environ, "", "token", "create", "-id", "tok-okafor", "-role", "provider", "-subject", "dr-okafor")
		want := "clinscribe token: a token with ID tok-okafor exists; choose another ID or revoke it first (clinscribe token revoke tok-okafor)\n"
		if code != 1 || errs != want {
			t.Errorf("exit %d, stderr %q; want 1, %q", code, errs, want)
		}
	})
	t.Run("BadFlags", func(t *testing.T) {
		code, _, errs := run(t, environ, "", "token", "create", "-id", "tok x", "-role", "admin")
		for _, want := range []string{"-id is required", "-role must be one of platform, provider, patient, reviewer, ops", "-subject is required"} {
			if code != 2 || !strings.Contains(errs, want) {
				t.Errorf("exit %d, stderr %q lacks %q", code, errs, want)
			}
		}
		if strings.Contains(errs, "access.") {
			t.Errorf("an internal name in %q", errs)
		}
	})
	t.Run("Revoke", func(t *testing.T) {
		code, out, errs := run(t, environ, "", "token", "revoke", "tok-okafor")
		if code != 0 || !strings.Contains(out, "token tok-okafor (provider) revoked at") {
			t.Fatalf("revoke: %d %s %s", code, out, errs)
		}
		if got := summary(listed())[1]; got != "tok-okafor provider dr-okafor 2160h0m0s revoked" {
			t.Errorf("after revocation: %q", got)
		}
		code, _, errs = run(t, environ, "", "token", "revoke", "tok-nobody")
		if code != 1 || errs != "clinscribe token: no token has the ID tok-nobody (see clinscribe token list)\n" {
			t.Errorf("revoke unknown: %d %q", code, errs)
		}
		// A revoked token's ID may be given again.
		if code, _, errs := run(t, environ, "", "token", "create", "-id", "tok-okafor", "-role", "provider", "-subject", "dr-okafor"); code != 0 {
			t.Errorf("create under a revoked ID: %d %s", code, errs)
		}
	})
	t.Run("BrokenFile", func(t *testing.T) {
		broken := filepath.Join(t.TempDir(), "tokens.yaml")
		if err := os.WriteFile(broken, []byte("tokens:\n  - {id: a, role: patient, subject: MRN-CANARY-3, sha256: x}\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		env := append(environ, "CLINSCRIBE_API_TOKENS_FILE="+broken)
		code, _, errs := run(t, env, "", "token", "revoke", "a")
		want := "the token file " + broken + " is not valid: tokens[0]: needs id, a valid role, subject and a 64-hex sha256; nothing was changed"
		if code != 1 || !strings.Contains(errs, want) || strings.Contains(errs, "CANARY") {
			t.Errorf("exit %d, stderr %q; want %q without the file's values", code, errs, want)
		}
	})
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
