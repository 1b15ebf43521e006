package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
)

func TestLoadFileThenEnv(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	y := `data_dir: /srv/clinscribe
redis:
  url: redis://file:6379/1
worker:
  concurrency: 7
  queues: {critical: 5, summarize: 2}
storage:
  kind: s3
  s3: {bucket: phi-data}
  aws: {region: us-east-1}
`
	if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(path, []string{
		"CLINSCRIBE_REDIS_URL=rediss://env:6380/0", "CLINSCRIBE_WORKER_SHUTDOWN_TIMEOUT=45s",
		"CLINSCRIBE_WORKER_QUEUES=transcribe=4,summarize=1", "HOME=/root", "CLINSCRIBE_CONFIG=ignored",
	})
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case c.Redis.URL != "rediss://env:6380/0":
		t.Errorf("env did not win: %s", c.Redis.URL)
	case c.Worker.Concurrency != 7 || c.Worker.ShutdownTimeout != 45*time.Second:
		t.Errorf("worker = %+v", c.Worker)
	case c.Worker.Queues["transcribe"] != 4 || len(c.Worker.Queues) != 2:
		t.Errorf("queues = %v", c.Worker.Queues)
	case c.Keys.Ring.Dir != filepath.Join("/srv/clinscribe", "keyring") || c.Audit.Dir != filepath.Join("/srv/clinscribe", "audit"):
		t.Errorf("derived dirs = %q %q", c.Keys.Ring.Dir, c.Audit.Dir)
	case c.AI.Summarize != "offline" || len(c.AI.Providers) != 1:
		t.Errorf("ai = %+v", c.AI)
	}
}

func TestValidateNamesEveryProblem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	y := `storage: {kind: local, dir: /data}
keys: {kind: kms, ring: {kind: local, dir: /data/keys}}
ai: {summarize: gpt, providers: [{name: offline, kind: offline}, {name: offline, kind: magic}]}
log: {level: loud}
`
	if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := config.Load(path, nil)
	if err == nil {
		t.Fatal("invalid config accepted")
	}
	for _, want := range []string{
		"keys.ring.dir: must not be inside storage.dir",
		"keys.kms.key_id: required",
		`ai.providers[1].name: "offline" is defined twice`,
		`ai.providers[1].kind: "magic"`,
		`ai.summarize: "gpt" is not one of ai.providers`,
		`log.level: "loud"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestUnknownYAMLKey(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(path, []byte("redis:\n  uri: redis://x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(path, nil); err == nil || !strings.Contains(err.Error(), "field uri not found") {
		t.Fatalf("err = %v", err)
	}
}

// A setting that nothing reads is refused like a typo, not accepted and
// ignored: pipeline.retention.audit promised an audit floor that no code
// enforced (audit retention is the audit store's: S3 Object Lock).
func TestUnreadSettingsRefused(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, yaml, want string }{
		{"AuditRetentionFloor", "pipeline:\n  retention:\n    audit: 52596h\n", "field audit not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(c.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := config.Load(path, nil); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
	if _, err := config.Load("", []string{"CLINSCRIBE_PIPELINE_RETENTION_AUDIT=52596h"}); err == nil {
		t.Fatal("CLINSCRIBE_PIPELINE_RETENTION_AUDIT accepted")
	}
}

func TestEnvNamesCoverNestedSettings(t *testing.T) {
	t.Parallel()
	names := strings.Join(config.EnvNames(), " ")
	for _, want := range []string{"CLINSCRIBE_REDIS_URL", "CLINSCRIBE_REDIS_SENTINEL_MASTER_NAME", "CLINSCRIBE_STORAGE_S3_BUCKET",
		"CLINSCRIBE_KEYS_KMS_KEY_ID", "CLINSCRIBE_WORKER_TASKS_MAX_RETRY", "CLINSCRIBE_PIPELINE_LIMITS_MAX_NOTE_BYTES", "CLINSCRIBE_AI_TRANSCRIBE"} {
		if !strings.Contains(names, want) {
			t.Errorf("no %s", want)
		}
	}
}

func TestOpsSettings(t *testing.T) {
	t.Parallel()
	c, err := config.Load("", []string{"CLINSCRIBE_OPS_LISTEN=:9090", "CLINSCRIBE_OPS_MAINTENANCE_ARCHIVED_MAX_AGE=24h",
		"CLINSCRIBE_OPS_RETENTION_INPUT_AFTER_SIGNOFF=72h", "CLINSCRIBE_OPS_RETENTION_INPUT_ROLES=audio,sidecar"})
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case c.Ops.Listen != ":9090" || c.Ops.CheckTimeout != 2*time.Second || c.Ops.KeyCheckEvery != time.Minute || c.Ops.DrainPoll != 2*time.Second:
		t.Errorf("ops = %+v", c.Ops)
	case c.Ops.Maintenance.ArchivedMaxAge != 24*time.Hour || c.Ops.Maintenance.PurgeEvery != 10*time.Minute:
		t.Errorf("maintenance = %+v", c.Ops.Maintenance)
	case c.Ops.Retention.InputAfterSignoff != 72*time.Hour || len(c.Ops.Retention.InputRoles) != 2 || c.Ops.Retention.Every != time.Hour:
		t.Errorf("retention = %+v", c.Ops.Retention)
	}
	// Defaults: endpoints off, audio only, deleted at the first sweep.
	c, err = config.Load("", nil)
	if err != nil || c.Ops.Listen != "" || c.Ops.Retention.InputAfterSignoff != 0 || len(c.Ops.Retention.InputRoles) != 1 {
		t.Fatalf("defaults: %+v %v", c.Ops, err)
	}
	_, err = config.Load("", []string{"CLINSCRIBE_OPS_LISTEN=9090", "CLINSCRIBE_OPS_RETENTION_INPUT_ROLES=note",
		"CLINSCRIBE_OPS_MAINTENANCE_PURGE_EVERY=10ms"})
	for _, want := range []string{"ops.listen", "input_roles", "purge_every"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to name %s", err, want)
		}
	}
}

// A YAML error names the line and the problem, never a value from the
// file: the value may be a secret (a password that slipped into the wrong
// setting), and the error ends up on a terminal, in CI output or a pod's
// log. yaml.v3 quotes up to 10 characters of a value (all of it with an
// explicit tag), and text unmarshalers quote all of it.
func TestYAMLErrorsDoNotEchoValues(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		yaml   string
		noLine bool // yaml.v3 does not say where
	}{
		{yaml: "redis:\n  url: redis://127.0.0.1:6379/0\n  pool_size: hunter2\n"},
		{yaml: "redis:\n  password: !!int hunter2-s3cr3t-pw\n", noLine: true},
		{yaml: "worker:\n  shutdown_timeout: hunter2\n"},
		{yaml: "redis: hunter2\n"},
	} {
		y := c.yaml
		path := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := config.Load(path, nil)
		if err == nil {
			t.Fatalf("%q loaded", y)
		}
		if strings.Contains(err.Error(), "hunter") {
			t.Errorf("the error repeats a value from the file: %v", err)
		}
		if !c.noLine && !strings.Contains(err.Error(), "line ") {
			t.Errorf("the error does not say where: %v", err)
		}
	}
}

// The API's defaults: `serve` answers this machine only, people's tokens
// last 90 days, platform tokens do not expire, the token file is looked at
// four times a second; and what an operator sets is checked.
func TestAPISettings(t *testing.T) {
	t.Parallel()
	c, err := config.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{c.API.Listen, c.API.TokenTTL.String(), c.API.PlatformTokenTTL.String(), c.API.TokensReload.String()}
	if d := cmp.Diff([]string{"127.0.0.1:8080", "2160h0m0s", "0s", "250ms"}, got); d != "" {
		t.Errorf("defaults (-want +got):\n%s", d)
	}
	for _, c := range []struct {
		name, yaml, want string
	}{
		{"Exposed", `api: {listen: ":8080"}`, ""},
		{"NoPort", `api: {listen: "8080"}`, `api.listen: "8080" is not host:port`},
		{"NegativeTTL", `api: {token_ttl: -1h}`, "api.token_ttl and api.platform_token_ttl: must not be negative"},
		{"Names", `api: {display_names: {organization: Riverside, actors: {dr-okafor: Dr. Lena Okafor}, time_zone: America/Chicago}}`, ""},
		{"PatientNamed", `api: {display_names: {actors: {pt_aaaaaaaaaaaaaaaaaaaaaaaa: Harold}}}`, "patients are never named"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(c.yaml+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := config.Load(path, nil)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("Load = %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("Load = %v, want an error with %q", err, c.want)
			}
		})
	}
}
