package api_test

import (
	"bytes"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/storage/s3test"
)

// With the production audit sink (an S3 bucket with Object Lock), the
// patient's audit export reads the bucket: it names the accesses to their
// record that the API and the workers wrote there. Not parallel: the AWS
// SDK takes credentials from the environment.
func TestAuditExportReadsTheS3Sink(t *testing.T) {
	srv := s3test.Start(t)
	srv.LockedBucket(t, "trail")
	ak, sk := s3test.Credentials()
	t.Setenv("AWS_ACCESS_KEY_ID", ak)
	t.Setenv("AWS_SECRET_ACCESS_KEY", sk)
	keyFile := filepath.Join(t.TempDir(), "audit-signing.key")
	if _, err := audit.LoadSigner(keyFile, true); err != nil { // `clinscribe audit keygen`
		t.Fatal(err)
	}
	f := setup(t, func(c *config.Config) {
		c.Audit.Sink = "s3"
		c.Audit.S3 = audit.S3Config{Bucket: "trail", Prefix: "prod"}
		c.Audit.AWS = config.AWS{Region: "us-east-1", Endpoint: srv.Endpoint, PathStyle: true}
		c.Audit.SigningKeyFile = keyFile
	})
	code, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	if code != http.StatusAccepted && code != http.StatusCreated {
		t.Fatalf("submit: %d", code)
	}
	f.waitDraft(id)

	code, export := f.auditExport("patientP")
	if code != http.StatusOK {
		t.Fatalf("export: %d %s", code, export)
	}
	for _, want := range []string{`"encounter.submit"`, `"ai.intent"`, `"audit.export"`, id} {
		if !bytes.Contains(export, []byte(want)) {
			t.Errorf("patient audit export from the S3 sink lacks %s:\n%s", want, export)
		}
	}
}
