package aws_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"go.yaml.in/yaml/v3"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
)

func TestConfigValidation(t *testing.T) {
	t.Parallel()
	valid := awsprov.Config{
		Region:       "us-east-1",
		Staging:      awsprov.StagingConfig{Bucket: "phi-staging", KMSKeyID: testKMSKey},
		HealthScribe: awsprov.HealthScribeConfig{RoleARN: testRoleARN},
		Bedrock:      awsprov.BedrockConfig{ModelID: testModel},
	}
	tests := []struct {
		name   string
		mutate func(*awsprov.Config)
		want   string // in the error; empty: valid
	}{
		{"valid", nil, ""},
		{"valid healthscribe", func(c *awsprov.Config) { c.Transcribe.Engine = awsprov.EngineHealthScribe }, ""},
		{"summaries only", func(c *awsprov.Config) { c.Staging = awsprov.StagingConfig{} }, ""},
		{"nothing to do", func(c *awsprov.Config) { c.Staging, c.Bedrock = awsprov.StagingConfig{}, awsprov.BedrockConfig{} }, "would do nothing"},
		{"bad bucket", func(c *awsprov.Config) { c.Staging.Bucket = "Not_A_Bucket" }, "staging.bucket"},
		{"bad prefix", func(c *awsprov.Config) { c.Staging.Prefix = "patients/John Smith/" }, "staging.prefix"},
		{"key alias", func(c *awsprov.Config) { c.Staging.KMSKeyID = "alias/phi" }, "kms_key_id must be a KMS key ARN"},
		{"small parts", func(c *awsprov.Config) { c.Staging.PartSize = 1 << 20 }, "part_size"},
		{"specialty", func(c *awsprov.Config) { c.Transcribe.Specialty = "CARDIOLOGY" }, "PRIMARYCARE only"},
		{"type", func(c *awsprov.Config) { c.Transcribe.Type = "MONOLOGUE" }, "transcribe.type"},
		{"speakers", func(c *awsprov.Config) { c.Transcribe.MaxSpeakers = 11 }, "max_speakers"},
		{"engine", func(c *awsprov.Config) { c.Transcribe.Engine = "whisper" }, "transcribe.engine"},
		{"healthscribe role", func(c *awsprov.Config) {
			c.Transcribe.Engine, c.HealthScribe.RoleARN = awsprov.EngineHealthScribe, ""
		}, "role_arn"},
		{"note template", func(c *awsprov.Config) {
			c.Transcribe.Engine, c.HealthScribe.NoteTemplate = awsprov.EngineHealthScribe, "SOAP"
		}, "note_template"},
		{"output mode", func(c *awsprov.Config) { c.Bedrock.OutputMode = "xml" }, "output_mode"},
		{"max tokens", func(c *awsprov.Config) { c.Bedrock.MaxTokens = 10 }, "max_tokens"},
		{"temperature", func(c *awsprov.Config) { c.Bedrock.Temperature = 1.5 }, "temperature"},
		{"attempts", func(c *awsprov.Config) { c.MaxAttempts = 50 }, "max_attempts"},
		{"no region", func(c *awsprov.Config) { c.Region = "" }, "no AWS region"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg := valid
			if tc.mutate != nil {
				tc.mutate(&cfg)
			}
			p, err := awsprov.NewWithAWSConfig("aws", cfg, aws.Config{}, ai.Attestation{ZeroRetention: true, Agreement: "baa"}, nil)
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want == "" && (p.Summarizer == nil) != (cfg.Bedrock.ModelID == "") || tc.want == "" && (p.Transcriber == nil) != (cfg.Staging.Bucket == ""):
				t.Errorf("provider parts: transcriber %T summarizer %T", p.Transcriber, p.Summarizer)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}

func ExampleConfig_WithDefaults() {
	cfg := awsprov.Config{
		Staging: awsprov.StagingConfig{Bucket: "phi-staging"},
		Bedrock: awsprov.BedrockConfig{ModelID: "anthropic.claude-3-5-sonnet-20240620-v1:0"},
	}.WithDefaults()
	fmt.Println(cfg.Staging.Prefix, cfg.Staging.OutputBucket, cfg.Transcribe.Engine, cfg.Transcribe.Type)
	fmt.Println(cfg.Bedrock.OutputMode, cfg.Bedrock.MaxTokens, cfg.PollInterval, cfg.JobTimeout)
	// Output:
	// clinscribe-staging/ phi-staging medical CONVERSATION
	// tool 4096 5s 30m0s
}

// The configuration documented in docs/providers-aws.md decodes into
// Config (no unknown fields) and builds a provider.
func TestDocumentedConfig(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "providers-aws.md"))
	if err != nil {
		t.Fatal(err)
	}
	var block string
	for _, part := range strings.Split(string(doc), "```yaml\n")[1:] {
		if body, _, ok := strings.Cut(part, "```"); ok && strings.Contains(body, "kind: aws") {
			block = body
		}
	}
	if block == "" {
		t.Fatal("no yaml block with kind: aws in docs/providers-aws.md")
	}
	var file struct {
		AI struct {
			Transcribe string `yaml:"transcribe"`
			Summarize  string `yaml:"summarize"`
			Providers  []struct {
				Name          string         `yaml:"name"`
				Kind          string         `yaml:"kind"`
				ZeroRetention bool           `yaml:"zero_retention"`
				Agreement     string         `yaml:"agreement"`
				AWS           awsprov.Config `yaml:"aws"`
			} `yaml:"providers"`
		} `yaml:"ai"`
	}
	dec := yaml.NewDecoder(strings.NewReader(block))
	dec.KnownFields(true)
	if err := dec.Decode(&file); err != nil {
		t.Fatalf("documented config: %v", err)
	}
	pe := file.AI.Providers[0]
	if pe.AWS.PollInterval != 5*time.Second || pe.AWS.Bedrock.RequestTimeout != 3*time.Minute || pe.AWS.Staging.PartSize != 16<<20 {
		t.Errorf("durations or sizes decoded wrong: %+v", pe.AWS)
	}
	p, err := awsprov.NewWithAWSConfig(pe.Name, pe.AWS, aws.Config{}, ai.Attestation{ZeroRetention: pe.ZeroRetention, Agreement: pe.Agreement}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Transcriber == nil || p.Summarizer == nil || p.Kind != pe.Kind {
		t.Errorf("provider %+v", p)
	}
}
