package aws

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Kind is the provider kind this package implements.
const Kind = "aws"

func init() {
	// Job names are random ("clinscribe-" + 26 base32 letters): safe to log.
	phi.AllowLogKey("job")
}

// New returns the AWS provider, with credentials and region from the SDK's
// default chain (environment, shared config, IAM role) unless cfg.Region
// is set. The provider transcribes if cfg.Staging.Bucket is set (with
// cfg.Transcribe.Engine) and summarizes if cfg.Bedrock.ModelID is set.
// att is the zero-retention attestation the gateway checks before every
// call; this package does not decide it.
func New(ctx context.Context, name string, cfg Config, att ai.Attestation, log *slog.Logger) (*ai.Provider, error) {
	var opts []func(*awsconfig.LoadOptions) error
	if cfg.Region != "" {
		opts = append(opts, awsconfig.WithRegion(cfg.Region))
	}
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("aws.New: load AWS configuration: %w", err)
	}
	return NewWithAWSConfig(name, cfg, awsCfg, att, log)
}

// NewWithAWSConfig is New with an AWS configuration the caller built
// (credentials, HTTP client). cfg.Region, when set, overrides awsCfg's;
// cfg's retry settings replace awsCfg's retryer.
func NewWithAWSConfig(name string, cfg Config, awsCfg aws.Config, att ai.Attestation, log *slog.Logger) (*ai.Provider, error) {
	if name == "" {
		return nil, errors.New("aws.New: a provider name is required")
	}
	cfg = cfg.WithDefaults()
	transcribes, summarizes := cfg.Staging.Bucket != "", cfg.Bedrock.ModelID != ""
	if err := cfg.validate(transcribes, summarizes); err != nil {
		return nil, fmt.Errorf("aws.New: provider %q: %w", name, err)
	}
	log = logger(log).With("provider", name)
	if cfg.Region != "" {
		awsCfg.Region = cfg.Region
	}
	if awsCfg.Region == "" {
		return nil, fmt.Errorf("aws.New: provider %q: no AWS region (set region or AWS_REGION)", name)
	}
	awsCfg = withAuditedHTTP(awsCfg)
	awsCfg.Retryer = func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = cfg.MaxAttempts
			o.MaxBackoff = cfg.MaxBackoff
		})
	}

	p := &ai.Provider{Name: name, Kind: Kind, Attestation: att, Models: map[ai.Task]string{}}
	if transcribes {
		tc := transcribe.NewFromConfig(awsCfg, func(o *transcribe.Options) {
			if cfg.Endpoints.Transcribe != "" {
				o.BaseEndpoint = aws.String(cfg.Endpoints.Transcribe)
			}
		})
		s3c := s3.NewFromConfig(awsCfg, func(o *s3.Options) {
			if cfg.Endpoints.S3 != "" {
				o.BaseEndpoint = aws.String(cfg.Endpoints.S3)
			}
			o.UsePathStyle = cfg.Endpoints.S3PathStyle
		})
		switch cfg.Transcribe.Engine {
		case EngineHealthScribe:
			h, err := NewHealthScribe(cfg, tc, s3c, log)
			if err != nil {
				return nil, err
			}
			p.Transcriber, p.Models[ai.TaskTranscribe] = h, h.Model()
		default:
			m, err := NewMedicalTranscriber(cfg, tc, s3c, log)
			if err != nil {
				return nil, err
			}
			p.Transcriber, p.Models[ai.TaskTranscribe] = m, m.Model()
		}
	}
	if summarizes {
		br := bedrockruntime.NewFromConfig(awsCfg, func(o *bedrockruntime.Options) {
			if cfg.Endpoints.Bedrock != "" {
				o.BaseEndpoint = aws.String(cfg.Endpoints.Bedrock)
			}
		})
		s, err := NewSummarizer(cfg, br, log)
		if err != nil {
			return nil, err
		}
		p.Summarizer, p.Models[ai.TaskSummarize] = s, cfg.Bedrock.ModelID
	}
	return p, nil
}

// Sweeper is implemented by the transcribers: Sweep deletes staged objects
// a crashed worker or an abandoned job left behind.
type Sweeper interface {
	Sweep(ctx context.Context, olderThan time.Duration) (int, error)
}

var (
	_ Sweeper = (*MedicalTranscriber)(nil)
	_ Sweeper = (*HealthScribe)(nil)
)

func logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.Default()
	}
	return l
}
