package config_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/audit"
)

func TestAuditDefaults(t *testing.T) {
	t.Parallel()
	c, err := config.Load("", []string{"CLINSCRIBE_DATA_DIR=/srv/cs"})
	if err != nil {
		t.Fatal(err)
	}
	want := config.Audit{
		Sink: "local", Dir: filepath.FromSlash("/srv/cs/audit"), SigningKeyFile: filepath.FromSlash("/srv/cs/keys/audit-signing.key"),
		CheckpointInterval: 5 * time.Second, CheckpointEvery: 256, Lease: time.Minute, MaxBatch: 512,
	}
	if diff := cmp.Diff(want, c.Audit); diff != "" {
		t.Errorf("audit defaults (-want +got):\n%s", diff)
	}
}

func TestAuditS3(t *testing.T) {
	t.Parallel()
	c, err := config.Load("", []string{"CLINSCRIBE_AUDIT_SINK=s3", "CLINSCRIBE_AUDIT_S3_BUCKET=trail",
		"CLINSCRIBE_AUDIT_AWS_REGION=eu-west-1", "CLINSCRIBE_AUDIT_S3_PREFIX=prod"})
	if err != nil {
		t.Fatal(err)
	}
	want := audit.S3Config{Bucket: "trail", Prefix: "prod/", RetentionDays: audit.DefaultRetentionDays, Mode: "COMPLIANCE"}
	if diff := cmp.Diff(want, c.Audit.S3); diff != "" {
		t.Errorf("s3 defaults (-want +got):\n%s", diff)
	}
	if audit.DefaultRetentionDays < 6*365+1 {
		t.Errorf("default retention %d days is under six years", audit.DefaultRetentionDays)
	}
}

func TestAuditValidation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		env  []string
		want string
	}{
		{"unknown sink", []string{"CLINSCRIBE_AUDIT_SINK=syslog"}, "audit.sink"},
		{"s3 without bucket", []string{"CLINSCRIBE_AUDIT_SINK=s3", "CLINSCRIBE_AUDIT_AWS_REGION=x"}, "audit.s3: bucket is required"},
		{"s3 governance typo", []string{"CLINSCRIBE_AUDIT_SINK=s3", "CLINSCRIBE_AUDIT_AWS_REGION=x", "CLINSCRIBE_AUDIT_S3_BUCKET=b", "CLINSCRIBE_AUDIT_S3_MODE=LOOSE"}, "not COMPLIANCE or GOVERNANCE"},
		{"s3 retention", []string{"CLINSCRIBE_AUDIT_SINK=s3", "CLINSCRIBE_AUDIT_AWS_REGION=x", "CLINSCRIBE_AUDIT_S3_BUCKET=b", "CLINSCRIBE_AUDIT_S3_RETENTION_DAYS=-1"}, "retention_days"},
		{"key inside the trail", []string{"CLINSCRIBE_AUDIT_DIR=/srv/audit", "CLINSCRIBE_AUDIT_SIGNING_KEY_FILE=/srv/audit/k.pem"}, "must not be inside audit.dir"},
		{"negative interval", []string{"CLINSCRIBE_AUDIT_CHECKPOINT_INTERVAL=-1s"}, "audit.checkpoint_interval"},
		{"batch", []string{"CLINSCRIBE_AUDIT_MAX_BATCH=-3"}, "audit.max_batch"},
		{"checkpoint every", []string{"CLINSCRIBE_AUDIT_CHECKPOINT_EVERY=-1"}, "audit.checkpoint_every"},
		{"lease too short", []string{"CLINSCRIBE_AUDIT_LEASE=500ms"}, "audit.lease"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Load("", tc.env)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load = %v, want an error mentioning %q", err, tc.want)
			}
		})
	}
}
