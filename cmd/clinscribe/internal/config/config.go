// Package config is clinscribe's one configuration struct: a YAML file
// overlaid with CLINSCRIBE_* environment variables, with defaults and
// validation in one place so every subcommand starts from the same checked
// settings.
//
// Every field can be set from the environment: the variable name is
// CLINSCRIBE_ followed by the field's YAML path in upper case joined by
// underscores — redis.url is CLINSCRIBE_REDIS_URL, storage.s3.bucket is
// CLINSCRIBE_STORAGE_S3_BUCKET. Lists take comma-separated values, maps
// "key=value,key=value". The environment wins over the file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	// Readable access logs show times in api.display_names.time_zone; the
	// container image carries no zone database of its own.
	_ "time/tzdata"

	"go.yaml.in/yaml/v3"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/console"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
	"github.com/clinscribe/clinscribe/pipeline/ai/openai"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/worker"
)

// Config is the whole configuration of the clinscribe binary.
type Config struct {
	Service  Service         `yaml:"service"`
	DataDir  string          `yaml:"data_dir"` // base for the local defaults below; "var" if empty
	Redis    Redis           `yaml:"redis"`
	Worker   worker.Config   `yaml:"worker"`
	Storage  Store           `yaml:"storage"`
	Keys     Keys            `yaml:"keys"`
	Audit    Audit           `yaml:"audit"`
	AI       AI              `yaml:"ai"`
	Pipeline pipeline.Config `yaml:"pipeline"`
	Prompts  Prompts         `yaml:"prompts"`
	API      api.Config      `yaml:"api"`
	Console  console.Config  `yaml:"console"`
	Log      Log             `yaml:"log"`
	Ops      Ops             `yaml:"ops"`
	// EHR writes signed notes back to the clinic's FHIR R4 server (see
	// docs/fhir.md); off unless ehr.base_url is set.
	EHR ehr.Config `yaml:"ehr"`
}

// Ops configures what operators use: the /metrics, /healthz and /readyz
// endpoints, draining, maintenance jobs and retention.
type Ops struct {
	// Listen is the address of /metrics, /healthz and /readyz for
	// `clinscribe worker` (e.g. ":9090"). Empty disables the endpoints.
	Listen string `yaml:"listen"`
	// CheckTimeout bounds each readiness check. Zero means 2s.
	CheckTimeout time.Duration `yaml:"check_timeout"`
	// KeyCheckEvery caches the key manager readiness check (a KMS round
	// trip costs money and quota). Zero means one minute.
	KeyCheckEvery time.Duration `yaml:"key_check_every"`
	// DrainPoll is how often a worker looks for a drain request
	// (`clinscribe ops drain`). Zero means 2s; negative disables.
	DrainPoll time.Duration `yaml:"drain_poll"`
	// DisableQueueMetrics leaves the queue depth collector (which reads
	// Redis at every scrape) out of this process's /metrics.
	DisableQueueMetrics bool `yaml:"disable_queue_metrics"`
	// Maintenance schedules purges, audit checkpoints and escalations.
	Maintenance worker.MaintenanceConfig `yaml:"maintenance"`
	// Retention deletes inputs after sign-off (see pipeline/retention).
	Retention retention.Config `yaml:"retention"`
}

// Service names this deployment in audit entries.
type Service struct {
	Name string `yaml:"name"` // default "clinscribe"
	// WorkerID identifies this process in audit entries; default
	// <hostname>-<pid>.
	WorkerID string `yaml:"worker_id"`
}

// Redis is where the queues live.
type Redis struct {
	worker.RedisConfig `yaml:",inline"`
	// Embedded runs an in-process Redis (miniredis) instead: for the demo
	// and single-process trials only; it keeps nothing across restarts.
	Embedded bool `yaml:"embedded"`
}

// AWS says how to reach an AWS service (or an AWS-compatible one).
type AWS struct {
	Region   string `yaml:"region"`
	Endpoint string `yaml:"endpoint"` // e.g. http://127.0.0.1:7070 for an S3-compatible server
	// PathStyle addresses buckets as endpoint/bucket (S3-compatible
	// servers) instead of bucket.endpoint.
	PathStyle bool `yaml:"path_style"`
}

// Store is a blob store: a local directory or an S3 bucket.
type Store struct {
	Kind string `yaml:"kind"` // local | s3
	Dir  string `yaml:"dir"`
	// Format is how kind local lays out its directory: "log" (objects
	// appended to segment files, Linux; the default for a new
	// directory; the key ring's log erases a destroyed key's bytes) or
	// "files" (one file per object; directories made before the log).
	// Empty: the format the directory holds, or the default for a new one.
	Format string           `yaml:"format"`
	S3     storage.S3Config `yaml:"s3"`
	AWS    AWS              `yaml:"aws"`
}

// Keys is the key hierarchy: a root key manager and the keyring of
// per-encounter keys, kept apart from the data.
type Keys struct {
	Kind string `yaml:"kind"` // local | kms
	// File is the local key file (kind local); created on first use.
	File string `yaml:"file"`
	KMS  KMS    `yaml:"kms"`
	// Ring stores the per-scope keys. It must not live inside the data
	// store: destroying a scope key must leave no copy with the data.
	Ring     Store         `yaml:"ring"`
	CacheTTL time.Duration `yaml:"cache_ttl"`
}

// KMS names the AWS KMS key.
type KMS struct {
	KeyID string `yaml:"key_id"`
	AWS   AWS    `yaml:"aws"`
}

// Audit is the tamper-evident audit trail (see docs/audit.md).
type Audit struct {
	// Sink is where entries go: local (a directory; the default) or s3 (a
	// bucket with Object Lock in compliance mode; for production).
	Sink string `yaml:"sink"`
	// Dir is the local directory; default <data_dir>/audit.
	Dir string `yaml:"dir"`
	// S3 is the bucket for sink s3: bucket, prefix, retention_days
	// (default 2192, six years), mode (default COMPLIANCE).
	S3  audit.S3Config `yaml:"s3"`
	AWS AWS            `yaml:"aws"`
	// SigningKeyFile is the Ed25519 key (PEM PKCS#8) that signs
	// checkpoints; default <data_dir>/keys/audit-signing.key. For sink
	// local a missing file is generated (mode 0600); for sink s3 it must
	// exist (make it once with `clinscribe audit keygen`). Keep it outside
	// the trail: whoever can write the trail must not hold it.
	SigningKeyFile string `yaml:"signing_key_file"`
	// CheckpointInterval is how often each writer signs its chain head
	// while entries are written; with CheckpointEvery it bounds the
	// unsigned tail, whose cut would go unnoticed. Default 5s.
	CheckpointInterval time.Duration `yaml:"checkpoint_interval"`
	// CheckpointEvery signs the head once this many entries are unsigned.
	// Default 256.
	CheckpointEvery int `yaml:"checkpoint_every"`
	// Lease: an idle writer signs its head again every Lease/2 (a
	// heartbeat); workers and serve seal the chain of a writer they saw
	// no checkpoint from for a whole Lease (by their own clock) and that
	// they can claim (local: its file lock is free, so its process is
	// gone; S3: fenced). The same for every process on a trail. Default
	// 1m.
	Lease time.Duration `yaml:"lease"`
	// MaxBatch caps the entries committed with one fsync (or one S3
	// object) when many are appended at once. Default 512; 1 turns group
	// commit off.
	MaxBatch int `yaml:"max_batch"`
}

// AI routes tasks to providers.
type AI struct {
	ai.Config `yaml:",inline"`
	Providers []Provider `yaml:"providers"`
}

// Provider is one AI provider entry. See docs/providers.md.
type Provider struct {
	Name string `yaml:"name"`
	// SimulateLatency (offline only) delays every call, to rehearse a real
	// model's response time in demos, load and crash tests.
	SimulateLatency time.Duration `yaml:"simulate_latency"`
	// Kind is offline (the embedded default), openai (OpenAI or any
	// OpenAI-compatible base URL: vLLM, Ollama, LocalAI) or azure (Azure
	// OpenAI).
	Kind string `yaml:"kind"`
	// BaseURL: for openai the API root with /v1 (default
	// https://api.openai.com/v1); for azure https://<resource>.openai.azure.com.
	BaseURL string `yaml:"base_url"`
	// APIKeyEnv names the environment variable that holds the API key;
	// APIKeyFile is a file that holds it (a mounted secret). The key itself
	// is never written in the configuration.
	APIKeyEnv  string `yaml:"api_key_env"`
	APIKeyFile string `yaml:"api_key_file"`
	// APIKey is refused: it exists to say so clearly.
	APIKey string `yaml:"api_key"`
	// APIVersion is Azure's api-version (default 2024-10-21).
	APIVersion   string `yaml:"api_version"`
	Organization string `yaml:"organization"`
	// Deployments maps model names to Azure deployment names.
	Deployments map[string]string `yaml:"deployments"`
	Models      Models            `yaml:"models"`
	// TranscriptionFormat: verbose_json, diarized_json or json; empty
	// picks by model.
	TranscriptionFormat string         `yaml:"transcription_format"`
	Limits              ProviderLimits `yaml:"limits"`
	// Timeout bounds one HTTP attempt (default 2m).
	Timeout time.Duration `yaml:"timeout"`
	Retry   Retry         `yaml:"retry"`
	Breaker Breaker       `yaml:"breaker"`
	// ResponseFormat: json_schema (default; strict structured output) or
	// json_object for compatible servers that only support JSON mode.
	ResponseFormat string `yaml:"response_format"`
	// OmitStore leaves store out of chat requests (default: store=false
	// is sent) for compatible servers that reject the field.
	OmitStore bool `yaml:"omit_store"`
	// LegacyMaxTokens sends max_tokens instead of max_completion_tokens.
	LegacyMaxTokens bool `yaml:"legacy_max_tokens"`
	// zero_retention and agreement: the provider's attested promise to
	// retain nothing, and the agreement that says so. Without it the
	// gateway refuses to send PHI.
	ai.Attestation `yaml:",inline"`
	// Fallback names the provider to use when this one fails with a
	// retryable error.
	Fallback string `yaml:"fallback"`
	// Pseudonymize sends this provider surrogates instead of the
	// identifiers de-identification finds in the text (names, dates, MRNs,
	// phones, ...), and restores them in its answer. Summaries only.
	Pseudonymize bool `yaml:"pseudonymize"`
	// AWS configures kind aws: Transcribe Medical or HealthScribe for
	// recordings (staged in S3), Bedrock Converse for summaries
	// (docs/providers-aws.md).
	AWS awsprov.Config `yaml:"aws"`
}

// Models names a provider's model (or Azure deployment) per task; an
// empty name means the provider does not do that task.
type Models struct {
	Transcribe string `yaml:"transcribe"`
	Summarize  string `yaml:"summarize"`
}

// A provider's quotas, retries and breaker are the provider packages' own
// settings, read straight from YAML (one definition each: openai.Limits,
// resilience.Policy, resilience.BreakerConfig; zero values mean the
// defaults documented there and in docs/providers.md).
type (
	ProviderLimits = openai.Limits
	Retry          = resilience.Policy
	Breaker        = resilience.BreakerConfig
)

// Prompts locates custom templates.
type Prompts struct {
	Dir string `yaml:"dir"` // extra *.yaml templates; empty for built-ins only
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level"`  // debug | info | warn | error
	Format string `yaml:"format"` // json | text
}

// Load reads the YAML file at path (none if empty), overlays the
// environment, fills defaults and validates.
func Load(path string, environ []string) (Config, error) {
	c, err := LoadRaw(path, environ)
	if err != nil {
		return c, err
	}
	c = c.WithDefaults()
	return c, c.Validate()
}

// LoadRaw reads the file and the environment without defaults or
// validation, for callers that adjust settings first; they must call
// WithDefaults and Validate after.
func LoadRaw(path string, environ []string) (Config, error) {
	var c Config
	if path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) { // an empty file is fine
			return c, fmt.Errorf("config: %s: %s", path, withoutValues(err))
		}
	}
	err := applyEnv(&c, environ)
	return c, err
}

// quotedRE matches what YAML and text-unmarshaling errors quote from the
// input: `value` (yaml.v3 type errors) and "value" (time, durations).
var quotedRE = regexp.MustCompile("`[^`]*`" + `|"(?:[^"\\]|\\.)*"`)

// withoutValues is a decoding error's text with the values it quotes left
// out: a value in the wrong place may be a secret (a password under the
// wrong key), and the error goes to a terminal, CI output or a pod's log.
// Line numbers, key names and types stay: they say what to fix.
func withoutValues(err error) string {
	return quotedRE.ReplaceAllString(err.Error(), "(value not shown)")
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.Service.Name == "" {
		c.Service.Name = "clinscribe"
	}
	if c.Service.WorkerID == "" {
		host, _ := os.Hostname()
		c.Service.WorkerID = fmt.Sprintf("%s-%d", sanitizeID(host), os.Getpid())
	}
	if c.DataDir == "" {
		c.DataDir = "var"
	}
	if c.Redis.URL == "" && c.Redis.Sentinel.MasterName == "" && len(c.Redis.Cluster.Addrs) == 0 && !c.Redis.Embedded {
		c.Redis.URL = "redis://127.0.0.1:6379/0"
	}
	c.Worker = c.Worker.WithDefaults()
	if c.Storage.Kind == "" {
		c.Storage.Kind = "local"
	}
	if c.Storage.Kind == "local" && c.Storage.Dir == "" {
		c.Storage.Dir = filepath.Join(c.DataDir, "data")
	}
	if c.Keys.Kind == "" {
		c.Keys.Kind = "local"
	}
	if c.Keys.Kind == "local" && c.Keys.File == "" {
		c.Keys.File = filepath.Join(c.DataDir, "keys", "master.key")
	}
	if c.Keys.Ring.Kind == "" {
		c.Keys.Ring.Kind = "local"
	}
	if c.Keys.Ring.Kind == "local" && c.Keys.Ring.Dir == "" {
		c.Keys.Ring.Dir = filepath.Join(c.DataDir, "keyring")
	}
	if c.Audit.Sink == "" {
		c.Audit.Sink = "local"
	}
	if c.Audit.Sink == "local" && c.Audit.Dir == "" {
		c.Audit.Dir = filepath.Join(c.DataDir, "audit")
	}
	if c.Audit.Sink == "s3" {
		c.Audit.S3 = c.Audit.S3.WithDefaults()
	}
	if c.Audit.SigningKeyFile == "" {
		c.Audit.SigningKeyFile = filepath.Join(c.DataDir, "keys", "audit-signing.key")
	}
	if c.Audit.CheckpointInterval == 0 {
		c.Audit.CheckpointInterval = audit.DefaultCheckpointInterval
	}
	if c.Audit.CheckpointEvery == 0 {
		c.Audit.CheckpointEvery = audit.DefaultCheckpointEvery
	}
	if c.Audit.Lease == 0 {
		c.Audit.Lease = audit.DefaultLease
	}
	if c.Audit.MaxBatch == 0 {
		c.Audit.MaxBatch = 512
	}
	if len(c.AI.Providers) == 0 {
		c.AI.Providers = []Provider{{Name: "offline", Kind: "offline"}}
	}
	if c.AI.Transcribe == "" {
		c.AI.Transcribe = c.AI.Providers[0].Name
	}
	if c.AI.Summarize == "" {
		c.AI.Summarize = c.AI.Providers[0].Name
	}
	c.Pipeline = c.Pipeline.WithDefaults()
	c.API = c.API.WithDefaults()
	c.Console = c.Console.WithDefaults()
	if c.API.TokensFile == "" {
		c.API.TokensFile = filepath.Join(c.DataDir, "tokens.yaml")
	}
	if c.Log.Level == "" {
		c.Log.Level = "info"
	}
	if c.Log.Format == "" {
		c.Log.Format = "json"
	}
	if c.Ops.CheckTimeout == 0 {
		c.Ops.CheckTimeout = 2 * time.Second
	}
	if c.Ops.KeyCheckEvery == 0 {
		c.Ops.KeyCheckEvery = time.Minute
	}
	if c.Ops.DrainPoll == 0 {
		c.Ops.DrainPoll = 2 * time.Second
	}
	c.Ops.Maintenance = c.Ops.Maintenance.WithDefaults()
	c.Ops.Retention = c.Ops.Retention.WithDefaults()
	if c.EHR.Enabled() {
		c.EHR = c.EHR.WithDefaults()
	}
	return c
}

var nonID = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func sanitizeID(s string) string {
	s = nonID.ReplaceAllString(s, "-")
	if s == "" {
		return "host"
	}
	return s
}

var (
	nameRE     = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,39}$`)
	workerIDRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)
)

// Validate reports every configuration error at once, each naming the
// setting to fix.
func (c Config) Validate() error {
	errs := c.Problems()
	if len(errs) == 0 {
		return nil
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = "  - " + e.Error()
	}
	return fmt.Errorf("config: %d problem(s):\n%s", len(errs), strings.Join(msgs, "\n"))
}

// Problems lists every configuration error, each naming the setting to
// fix; none means the configuration is valid.
func (c Config) Problems() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if !workerIDRE.MatchString(c.Service.WorkerID) {
		add("service.worker_id: must be 1-128 of [A-Za-z0-9._-]")
	}
	if !nameRE.MatchString(c.Service.Name) {
		add("service.name: must be lower-case letters, digits, _ and -")
	}
	if !c.Redis.Embedded {
		if err := c.Redis.Validate(); err != nil {
			add("%v", err)
		}
	}
	if err := c.Worker.Validate(); err != nil {
		add("%v", err)
	}
	if err := c.Console.Validate(); err != nil {
		add("%v", err)
	}
	validateStore := func(name string, s Store) {
		switch s.Kind {
		case "local":
			if s.Dir == "" {
				add("%s.dir: required for kind local", name)
			}
			if s.Format != "" && s.Format != storage.FormatFiles && s.Format != storage.FormatLog {
				add("%s.format: %q is not files or log", name, s.Format)
			}
		case "s3":
			if s.S3.Bucket == "" {
				add("%s.s3.bucket: required for kind s3", name)
			}
			if s.AWS.Region == "" && os.Getenv("AWS_REGION") == "" {
				add("%s.aws.region: required for kind s3 (or set AWS_REGION)", name)
			}
		default:
			add("%s.kind: %q is not local or s3", name, s.Kind)
		}
	}
	validateStore("storage", c.Storage)
	validateStore("keys.ring", c.Keys.Ring)
	if c.Storage.Kind == "local" && c.Keys.Ring.Kind == "local" && c.Storage.Dir != "" && c.Keys.Ring.Dir != "" {
		if within(c.Keys.Ring.Dir, c.Storage.Dir) || within(c.Storage.Dir, c.Keys.Ring.Dir) {
			add("keys.ring.dir: must not be inside storage.dir or contain it: crypto-shredding needs the keys kept apart from the data")
		}
	}
	if c.Storage.Kind == "s3" && c.Keys.Ring.Kind == "s3" && c.Storage.S3.Bucket == c.Keys.Ring.S3.Bucket {
		add("keys.ring.s3.bucket: must differ from storage.s3.bucket (and have no versioning): crypto-shredding needs the keys kept apart from the data")
	}
	switch c.Keys.Kind {
	case "local":
		if c.Keys.File == "" {
			add("keys.file: required for kind local")
		}
	case "kms":
		if c.Keys.KMS.KeyID == "" {
			add("keys.kms.key_id: required for kind kms")
		}
	default:
		add("keys.kind: %q is not local or kms", c.Keys.Kind)
	}
	if c.Keys.CacheTTL < 0 {
		add("keys.cache_ttl: must not be negative")
	}
	switch c.Audit.Sink {
	case "local":
		if c.Audit.Dir == "" {
			add("audit.dir: required for sink local")
		}
		if c.Audit.Dir != "" && c.Audit.SigningKeyFile != "" && within(c.Audit.SigningKeyFile, c.Audit.Dir) {
			add("audit.signing_key_file: must not be inside audit.dir: whoever can write the trail must not hold the key")
		}
	case "s3":
		if err := c.Audit.S3.Validate(); err != nil {
			add("audit.s3: %v", err)
		}
		if c.Audit.AWS.Region == "" && os.Getenv("AWS_REGION") == "" {
			add("audit.aws.region: required for sink s3 (or set AWS_REGION)")
		}
	default:
		add("audit.sink: %q is not local or s3", c.Audit.Sink)
	}
	if c.Audit.SigningKeyFile == "" {
		add("audit.signing_key_file: required")
	}
	if c.Audit.CheckpointInterval <= 0 {
		add("audit.checkpoint_interval: must be positive")
	}
	if c.Audit.CheckpointEvery < 1 {
		add("audit.checkpoint_every: must be at least 1")
	}
	if c.Audit.Lease < 2*time.Second {
		add("audit.lease: must be at least 2s (an idle writer renews it every lease/2)")
	}
	if c.Audit.MaxBatch < 1 {
		add("audit.max_batch: must be at least 1")
	}
	names := map[string]bool{}
	for i, p := range c.AI.Providers {
		if !nameRE.MatchString(p.Name) {
			add("ai.providers[%d].name: must be lower-case letters, digits, _ and -", i)
		}
		if names[p.Name] {
			add("ai.providers[%d].name: %q is defined twice", i, p.Name)
		}
		names[p.Name] = true
		validateProvider(i, p, add)
	}
	for i, p := range c.AI.Providers {
		if p.Fallback != "" && (!names[p.Fallback] || p.Fallback == p.Name) {
			add("ai.providers[%d].fallback: %q is not another of ai.providers", i, p.Fallback)
		}
	}
	if !names[c.AI.Transcribe] {
		add("ai.transcribe: %q is not one of ai.providers", c.AI.Transcribe)
	}
	if !names[c.AI.Summarize] {
		add("ai.summarize: %q is not one of ai.providers", c.AI.Summarize)
	}
	if c.Pipeline.Limits.MaxNoteBytes < 0 || c.Pipeline.Limits.MaxAudioBytes < 0 || c.Pipeline.Limits.MaxSidecarBytes < 0 {
		add("pipeline.limits: sizes must not be negative")
	}
	if err := c.API.Validate(); err != nil {
		for _, e := range unjoin(err) {
			add("%v", e)
		}
	}
	for i, ep := range c.Pipeline.Webhooks {
		if ep.Name == "" || !strings.HasPrefix(ep.URL, "https://") && !strings.HasPrefix(ep.URL, "http://") {
			add("pipeline.webhooks[%d]: name and an http(s) url are required", i)
		}
		if ep.SecretFile == "" && ep.Secret == "" {
			add("pipeline.webhooks[%d]: secret_file is required (the HMAC-SHA256 signing secret)", i)
		}
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		add("log.level: %q is not debug, info, warn or error", c.Log.Level)
	}
	if c.Log.Format != "json" && c.Log.Format != "text" {
		add("log.format: %q is not json or text", c.Log.Format)
	}
	if c.Ops.Listen != "" {
		if _, port, err := net.SplitHostPort(c.Ops.Listen); err != nil || port == "" {
			add("ops.listen: %q is not host:port (e.g. :9090)", c.Ops.Listen)
		}
	}
	if c.Ops.CheckTimeout < 0 || c.Ops.KeyCheckEvery < 0 {
		add("ops: check_timeout and key_check_every must not be negative")
	}
	if err := c.Ops.Maintenance.Validate(); err != nil {
		add("%v", err)
	}
	if err := c.Ops.Retention.Validate(); err != nil {
		add("%v", err)
	}
	if err := c.EHR.Validate(); err != nil {
		for _, e := range strings.Split(err.Error(), "\n") {
			add("%s", e)
		}
	}
	return errs
}

// unjoin lists the errors an errors.Join holds (or err itself).
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// agreementRE: an agreement reference is an identifier, as the audit
// trail records it.
var agreementRE = regexp.MustCompile(`^[A-Za-z0-9._:@+/=#-]{1,128}$`)

func validateProvider(i int, p Provider, add func(string, ...any)) {
	at := fmt.Sprintf("ai.providers[%d]", i)
	if p.APIKey != "" {
		add("%s.api_key: API keys are never written in the configuration; put the key in an environment variable named by api_key_env, or a file named by api_key_file", at)
	}
	if p.ZeroRetention && !agreementRE.MatchString(p.Agreement) {
		add("%s.agreement: zero_retention needs the reference of the agreement that provides it, as an ID (e.g. baa-2026-014)", at)
	}
	if p.SimulateLatency != 0 && p.Kind != "offline" {
		add("%s.simulate_latency: only the offline provider simulates latency", at)
	}
	switch {
	case p.Kind == "offline":
		return
	case p.Kind == "aws":
		// aws.New checks the AWS settings in full when the app opens.
		if p.AWS.Staging.Bucket == "" && p.AWS.Bedrock.ModelID == "" {
			add("%s.aws: set staging.bucket (transcription) and/or bedrock.model_id (summaries)", at)
		}
		return
	case testProviderKinds[p.Kind]:
		return
	case p.Kind == "openai", p.Kind == "azure":
	default:
		add("%s.kind: %q is not a known provider kind (offline, openai, azure, aws)", at, p.Kind)
		return
	}
	if p.Models.Transcribe == "" && p.Models.Summarize == "" {
		add("%s.models: name a transcribe and/or summarize model", at)
	}
	if p.APIKeyEnv != "" && p.APIKeyFile != "" {
		add("%s: set api_key_env or api_key_file, not both", at)
	}
	hosted := p.Kind == "azure" || p.BaseURL == "" || strings.Contains(p.BaseURL, "openai.com") || strings.Contains(p.BaseURL, "azure.com")
	if hosted && p.APIKeyEnv == "" && p.APIKeyFile == "" {
		add("%s: api_key_env or api_key_file is required for %s", at, p.Kind)
	}
	if p.Kind == "azure" && p.BaseURL == "" {
		add("%s.base_url: required for azure (https://<resource>.openai.azure.com)", at)
	}
	if p.BaseURL != "" {
		if u, err := url.Parse(p.BaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			add("%s.base_url: must be an http(s) URL", at)
		}
	}
	switch p.ResponseFormat {
	case "", "json_schema", "json_object":
	default:
		add("%s.response_format: %q is not json_schema or json_object", at, p.ResponseFormat)
	}
	switch p.TranscriptionFormat {
	case "", "verbose_json", "diarized_json", "json":
	default:
		add("%s.transcription_format: %q is not verbose_json, diarized_json or json", at, p.TranscriptionFormat)
	}
	l := p.Limits
	if l.RPM < 0 || l.TPM < 0 || l.Burst < 0 || l.MaxUploadBytes < 0 || l.MaxAudioSeconds < 0 || l.ContextWindow < 0 || l.MaxOutputTokens < 0 || l.Concurrency < 0 {
		add("%s.limits: must not be negative", at)
	}
	if l.ContextWindow > 0 && l.MaxOutputTokens >= l.ContextWindow {
		add("%s.limits.max_output_tokens: must be smaller than context_window", at)
	}
	if p.Timeout < 0 || p.Retry.BaseDelay < 0 || p.Retry.MaxDelay < 0 || p.Retry.MaxAttempts < 0 || p.Breaker.Cooldown < 0 || p.Breaker.MaxCooldown < 0 {
		add("%s: timeout, retry and breaker settings must not be negative", at)
	}
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
