package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
)

func TestEHRBlock(t *testing.T) {
	t.Parallel()
	write := func(t *testing.T, y string) string {
		t.Helper()
		path := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("OffByDefault", func(t *testing.T) {
		c, err := config.Load("", nil)
		if err != nil {
			t.Fatal(err)
		}
		if c.EHR.Enabled() {
			t.Fatalf("write-back on without configuration: %+v", c.EHR)
		}
	})
	t.Run("FileThenEnvWithDefaults", func(t *testing.T) {
		c, err := config.Load(write(t, `ehr:
  base_url: https://ehr.example.org/fhir/R4
  patient_identifier_system: urn:oid:1.2.3
  html: true
  auth:
    client_id: clinscribe
    private_key_file: /run/secrets/ehr.pem
    key_id: k1
  ai_transparency:
    provenance_profile: http://example.org/ai-prov
`), []string{"CLINSCRIBE_EHR_AUTH_SCOPES=system/DocumentReference.write,system/Patient.read", "CLINSCRIBE_EHR_TIMEOUT=10s"})
		if err != nil {
			t.Fatal(err)
		}
		e := c.EHR
		if diff := cmp.Diff([]string{"system/DocumentReference.write", "system/Patient.read"}, e.Auth.Scopes); diff != "" {
			t.Error(diff)
		}
		switch {
		case e.Auth.Kind != ehr.AuthSMART || e.Timeout != 10*time.Second || e.Name != "ehr" || e.MaxAttempts != 10:
			t.Errorf("defaults: %+v", e)
		case e.AITransparency.ProvenanceProfile != "http://example.org/ai-prov" || e.AITransparency.DeviceTypeCode != "Artificial-Intelligence":
			t.Errorf("ai_transparency: %+v", e.AITransparency)
		case !e.HTML || e.NoteIdentifierSystem != "urn:clinscribe:note":
			t.Errorf("ehr: %+v", e)
		}
	})
	for _, c := range []struct{ name, yaml, want string }{
		{"UnknownKeyRefused", "ehr:\n  base_url: https://x/fhir\n  patient_system: urn:x\n", "patient_system"},
		// A secret written into the file is refused: secrets come from
		// files or the environment.
		{"TokenInYAMLRefused", "ehr:\n  base_url: https://x/fhir\n  patient_identifier_system: urn:x\n  auth: {kind: bearer, token: s3cret}\n", "token"},
		{"MissingSMARTKey", "ehr:\n  base_url: https://x/fhir\n  patient_identifier_system: urn:x\n  auth: {client_id: c}\n", "ehr.auth.private_key_file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := config.Load(write(t, c.yaml), nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one naming %q", err, c.want)
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Fatalf("the error shows the secret: %v", err)
			}
		})
	}
}
