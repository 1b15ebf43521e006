package aws

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Engines a Config can transcribe with.
const (
	EngineMedical      = "medical"      // Amazon Transcribe Medical batch jobs
	EngineHealthScribe = "healthscribe" // AWS HealthScribe (StartMedicalScribeJob)
)

// Output modes for Bedrock summaries.
const (
	// OutputTool asks the model to call one tool whose input schema is the
	// template's output schema (forced tool choice). Works with every
	// Bedrock model that supports tool use.
	OutputTool = "tool"
	// OutputJSONSchema uses Converse's structured output
	// (outputConfig.textFormat json_schema), for models that support it.
	OutputJSONSchema = "json_schema"
)

// Limits of Amazon Transcribe batch jobs.
const (
	// MaxMediaBytes is the largest file Transcribe and HealthScribe accept.
	MaxMediaBytes = 2 << 30
)

// Config configures the AWS provider. Every field documents its default;
// zero values mean the default. Only the fields of the parts you use are
// required: Staging.Bucket for transcription, Bedrock.ModelID for
// summaries, HealthScribe.RoleARN for the healthscribe engine.
type Config struct {
	// Region is the AWS Region, e.g. "us-east-1". Empty uses the SDK's
	// default chain (AWS_REGION, shared config).
	Region string `yaml:"region"`

	// Endpoints override the service endpoints, for VPC endpoints, FIPS
	// endpoints or test servers. Empty uses the SDK's resolution.
	Endpoints Endpoints `yaml:"endpoints"`

	// Staging is where recordings are uploaded for Transcribe, which reads
	// its input from S3 only, and where job output is written.
	Staging StagingConfig `yaml:"staging"`

	// Transcribe configures the transcriber.
	Transcribe TranscribeConfig `yaml:"transcribe"`

	// HealthScribe configures the healthscribe engine.
	HealthScribe HealthScribeConfig `yaml:"healthscribe"`

	// Bedrock configures the summarizer.
	Bedrock BedrockConfig `yaml:"bedrock"`

	// PollInterval is the first wait between job status checks; it grows
	// by half each time up to MaxPollInterval. Zero means 5s.
	PollInterval time.Duration `yaml:"poll_interval"`
	// MaxPollInterval caps the wait between status checks. Zero means 30s.
	MaxPollInterval time.Duration `yaml:"max_poll_interval"`
	// JobTimeout bounds one transcription job from upload to cleanup (a
	// shorter context deadline wins). Zero means 30m.
	JobTimeout time.Duration `yaml:"job_timeout"`
	// RequestTimeout bounds each API call (including the SDK's own
	// retries). Zero means 30s for Transcribe and S3 calls; Bedrock has its
	// own, Bedrock.RequestTimeout.
	RequestTimeout time.Duration `yaml:"request_timeout"`
	// CleanupTimeout bounds deleting staged objects and jobs after a call,
	// which runs even when the caller's context is done. Zero means 1m.
	CleanupTimeout time.Duration `yaml:"cleanup_timeout"`
	// Now is the clock Sweep measures object ages against. Nil means
	// time.Now; not configurable in YAML (tests move it).
	Now func() time.Time `yaml:"-"`
	// MaxAttempts is how many times the SDK tries a throttled or failed
	// API call before giving up (the task queue retries later). Zero means 3.
	MaxAttempts int `yaml:"max_attempts"`
	// MaxBackoff caps the SDK's wait between attempts. Zero means 20s.
	MaxBackoff time.Duration `yaml:"max_backoff"`
}

// Endpoints override service endpoints (full URLs).
type Endpoints struct {
	Transcribe string `yaml:"transcribe"`
	Bedrock    string `yaml:"bedrock"`
	S3         string `yaml:"s3"`
	// S3PathStyle addresses buckets as endpoint/bucket/key instead of
	// bucket.endpoint/key; S3-compatible servers usually need it.
	S3PathStyle bool `yaml:"s3_path_style"`
}

// StagingConfig is the S3 location recordings and job output pass through.
// Objects are named by random job IDs only, encrypted with SSE-KMS when
// KMSKeyID is set, and deleted after every job, successful or not. Give
// the bucket a lifecycle rule that expires Prefix after a day as a
// backstop (see docs/providers-aws.md).
type StagingConfig struct {
	// Bucket receives the uploaded recordings. Required for transcription.
	Bucket string `yaml:"bucket"`
	// Prefix is prepended to every staged key; a trailing "/" is added if
	// missing. Empty means "clinscribe-staging/".
	Prefix string `yaml:"prefix"`
	// OutputBucket receives job output (transcripts, HealthScribe
	// documents). Empty means Bucket. HealthScribe writes to
	// "<job name>/" at the root of this bucket: it has no output prefix.
	OutputBucket string `yaml:"output_bucket"`
	// KMSKeyID is the ARN of the KMS key for SSE-KMS on the staged
	// recording and for the job output (OutputEncryptionKMSKeyId). Empty
	// leaves the buckets' default encryption.
	KMSKeyID string `yaml:"kms_key_id"`
	// PartSize is the multipart upload part size, and so the most of a
	// decrypted recording held in memory at once. Recordings are never
	// written to local disk. Zero means 16 MiB; the minimum is 5 MiB.
	PartSize int64 `yaml:"part_size"`
}

// TranscribeConfig configures the transcriber.
type TranscribeConfig struct {
	// Engine is EngineMedical or EngineHealthScribe. Empty means medical.
	Engine string `yaml:"engine"`
	// Specialty is Transcribe Medical's specialty; batch jobs accept
	// PRIMARYCARE only. Empty means PRIMARYCARE.
	Specialty string `yaml:"specialty"`
	// Type is CONVERSATION or DICTATION. Empty means CONVERSATION.
	Type string `yaml:"type"`
	// DisableSpeakerLabels turns speaker partitioning off (it is on by
	// default for conversations, and never asked for dictations).
	DisableSpeakerLabels bool `yaml:"disable_speaker_labels"`
	// MaxSpeakers is the most speakers to tell apart, 2 to 10 (HealthScribe:
	// 2 to 30). Zero means 2.
	MaxSpeakers int `yaml:"max_speakers"`
}

// HealthScribeConfig configures the healthscribe engine.
type HealthScribeConfig struct {
	// RoleARN is the IAM role HealthScribe assumes to read the staged
	// recording, write its output and use the KMS key. Required for the
	// healthscribe engine.
	RoleARN string `yaml:"role_arn"`
	// NoteTemplate is HealthScribe's own clinical note template
	// (HISTORY_AND_PHYSICAL, GIRPP, BIRP, SIRP, DAP, BEHAVIORAL_SOAP,
	// PHYSICAL_SOAP). Empty means HISTORY_AND_PHYSICAL.
	NoteTemplate string `yaml:"note_template"`
}

// BedrockConfig configures the summarizer.
type BedrockConfig struct {
	// ModelID is the Bedrock model or inference profile ID (or ARN).
	// Required for summaries.
	ModelID string `yaml:"model_id"`
	// OutputMode is OutputTool or OutputJSONSchema. Empty means tool.
	OutputMode string `yaml:"output_mode"`
	// MaxTokens bounds the model's answer. Zero means 4096.
	MaxTokens int `yaml:"max_tokens"`
	// Temperature of the model; zero (the default) is the most
	// deterministic, which is what a clinical draft wants.
	Temperature float32 `yaml:"temperature"`
	// RequestTimeout bounds one Converse call including the SDK's retries.
	// Zero means 3m.
	RequestTimeout time.Duration `yaml:"request_timeout"`
}

// WithDefaults returns the config with defaults filled in.
func (c Config) WithDefaults() Config {
	c.Staging.Prefix = cmp.Or(c.Staging.Prefix, "clinscribe-staging/")
	if !strings.HasSuffix(c.Staging.Prefix, "/") {
		c.Staging.Prefix += "/"
	}
	c.Staging.OutputBucket = cmp.Or(c.Staging.OutputBucket, c.Staging.Bucket)
	c.Staging.PartSize = cmp.Or(c.Staging.PartSize, 16<<20)
	c.Transcribe.Engine = cmp.Or(c.Transcribe.Engine, EngineMedical)
	c.Transcribe.Specialty = cmp.Or(c.Transcribe.Specialty, "PRIMARYCARE")
	c.Transcribe.Type = cmp.Or(c.Transcribe.Type, "CONVERSATION")
	c.Transcribe.MaxSpeakers = cmp.Or(c.Transcribe.MaxSpeakers, 2)
	c.HealthScribe.NoteTemplate = cmp.Or(c.HealthScribe.NoteTemplate, "HISTORY_AND_PHYSICAL")
	c.Bedrock.OutputMode = cmp.Or(c.Bedrock.OutputMode, OutputTool)
	c.Bedrock.MaxTokens = cmp.Or(c.Bedrock.MaxTokens, 4096)
	c.Bedrock.RequestTimeout = cmp.Or(c.Bedrock.RequestTimeout, 3*time.Minute)
	c.PollInterval = cmp.Or(c.PollInterval, 5*time.Second)
	c.MaxPollInterval = cmp.Or(c.MaxPollInterval, 30*time.Second)
	c.JobTimeout = cmp.Or(c.JobTimeout, 30*time.Minute)
	c.RequestTimeout = cmp.Or(c.RequestTimeout, 30*time.Second)
	c.CleanupTimeout = cmp.Or(c.CleanupTimeout, time.Minute)
	c.MaxAttempts = cmp.Or(c.MaxAttempts, 3)
	c.MaxBackoff = cmp.Or(c.MaxBackoff, 20*time.Second)
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

var (
	bucketRE = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	// A prefix is part of every staged key; it must not be able to carry
	// anything but path-like ASCII.
	prefixRE = regexp.MustCompile(`^[A-Za-z0-9._/-]{1,200}$`)
	kmsARNRE = regexp.MustCompile(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]{1,128}$`)
	roleRE   = regexp.MustCompile(`^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9:_/+=,@.-]{1,512}$`)
)

// validate checks a config that WithDefaults has filled. transcribe and
// summarize say which parts are in use.
func (c Config) validate(transcribe, summarize bool) error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !transcribe && !summarize {
		add("neither staging.bucket (transcription) nor bedrock.model_id (summaries) is set: the provider would do nothing")
	}
	if transcribe {
		if !bucketRE.MatchString(c.Staging.Bucket) {
			add("staging.bucket %q is not a valid S3 bucket name", c.Staging.Bucket)
		}
		if !bucketRE.MatchString(c.Staging.OutputBucket) {
			add("staging.output_bucket %q is not a valid S3 bucket name", c.Staging.OutputBucket)
		}
		if !prefixRE.MatchString(c.Staging.Prefix) || strings.HasPrefix(c.Staging.Prefix, "/") || strings.Contains(c.Staging.Prefix, "//") {
			add("staging.prefix %q must be letters, digits, '.', '_', '-' and single '/' separators", c.Staging.Prefix)
		}
		if c.Staging.PartSize < 5<<20 || c.Staging.PartSize > 512<<20 {
			add("staging.part_size must be between 5 MiB and 512 MiB")
		}
		switch c.Transcribe.Engine {
		case EngineMedical:
			if c.Transcribe.Specialty != "PRIMARYCARE" {
				add("transcribe.specialty %q: batch Transcribe Medical jobs accept PRIMARYCARE only", c.Transcribe.Specialty)
			}
			if c.Transcribe.Type != "CONVERSATION" && c.Transcribe.Type != "DICTATION" {
				add("transcribe.type %q is not CONVERSATION or DICTATION", c.Transcribe.Type)
			}
			if c.Transcribe.MaxSpeakers < 2 || c.Transcribe.MaxSpeakers > 10 {
				add("transcribe.max_speakers must be 2 to 10 for Transcribe Medical")
			}
		case EngineHealthScribe:
			if !roleRE.MatchString(c.HealthScribe.RoleARN) {
				add("healthscribe.role_arn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)")
			}
			if !validNoteTemplate(c.HealthScribe.NoteTemplate) {
				add("healthscribe.note_template %q is not a HealthScribe note template", c.HealthScribe.NoteTemplate)
			}
			if c.Transcribe.MaxSpeakers < 2 || c.Transcribe.MaxSpeakers > 30 {
				add("transcribe.max_speakers must be 2 to 30 for HealthScribe")
			}
		default:
			add("transcribe.engine %q is not %q or %q", c.Transcribe.Engine, EngineMedical, EngineHealthScribe)
		}
		if c.Staging.KMSKeyID != "" && !kmsARNRE.MatchString(c.Staging.KMSKeyID) {
			add("staging.kms_key_id must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): Transcribe's output encryption takes ARNs only")
		}
	}
	if summarize {
		if c.Bedrock.OutputMode != OutputTool && c.Bedrock.OutputMode != OutputJSONSchema {
			add("bedrock.output_mode %q is not %q or %q", c.Bedrock.OutputMode, OutputTool, OutputJSONSchema)
		}
		if c.Bedrock.MaxTokens < 256 {
			add("bedrock.max_tokens must be at least 256")
		}
		if c.Bedrock.Temperature < 0 || c.Bedrock.Temperature > 1 {
			add("bedrock.temperature must be between 0 and 1")
		}
	}
	if c.PollInterval > c.MaxPollInterval {
		add("poll_interval must not exceed max_poll_interval")
	}
	if c.MaxAttempts < 1 || c.MaxAttempts > 10 {
		add("max_attempts must be 1 to 10")
	}
	return errors.Join(errs...)
}

var noteTemplates = []string{"HISTORY_AND_PHYSICAL", "GIRPP", "BIRP", "SIRP", "DAP", "BEHAVIORAL_SOAP", "PHYSICAL_SOAP"}

func validNoteTemplate(t string) bool {
	for _, n := range noteTemplates {
		if n == t {
			return true
		}
	}
	return false
}
