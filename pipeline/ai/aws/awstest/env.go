package awstest

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
	"github.com/clinscribe/clinscribe/storage/s3test"
)

// Values Env configures.
const (
	StagingBucket = "clinscribe-staging"
	OutputBucket  = "clinscribe-output"
	StagingPrefix = "clinscribe/staging/"
	KMSKeyARN     = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	RoleARN       = "arn:aws:iam::111122223333:role/clinscribe-healthscribe"
	ModelID       = "anthropic.claude-3-5-sonnet-20240620-v1:0"
)

// Env is a complete simulated AWS for the provider: a real S3-protocol
// server (versitygw, from storage/s3test) with a staging and an output
// bucket, the Transcribe and Bedrock test servers, and a provider
// configuration pointed at them with short poll intervals and retry
// backoffs, so a conformance suite can run the aws provider in seconds.
type Env struct {
	S3         *s3test.Server
	S3Client   *s3.Client
	Transcribe *Transcribe
	Bedrock    *Bedrock
	// Config and AWSConfig are what Provider builds from; change them
	// before calling it.
	Config    awsprov.Config
	AWSConfig aws.Config
}

// Start starts the servers for the test; they stop at cleanup, which also
// reports any request-shape violation the servers saw as a test error.
func Start(t testing.TB) *Env {
	t.Helper()
	e := &Env{S3: s3test.Start(t)}
	e.S3.Bucket(t, StagingBucket)
	e.S3.Bucket(t, OutputBucket)
	e.S3Client = e.S3.Client()
	e.Transcribe = NewTranscribe(e.S3Client)
	t.Cleanup(e.Transcribe.Close)
	e.Bedrock = NewBedrock()
	t.Cleanup(e.Bedrock.Close)
	t.Cleanup(func() {
		if v := e.Transcribe.Violations(); len(v) > 0 {
			t.Errorf("awstest: Transcribe test server saw request-shape violations: %q", v)
		}
		if v := e.Bedrock.Violations(); len(v) > 0 {
			t.Errorf("awstest: Bedrock test server saw request-shape violations: %q", v)
		}
	})
	e.Config = awsprov.Config{
		Region: "us-east-1",
		Endpoints: awsprov.Endpoints{
			Transcribe: e.Transcribe.URL, Bedrock: e.Bedrock.URL, S3: e.S3.Endpoint, S3PathStyle: true,
		},
		Staging:      awsprov.StagingConfig{Bucket: StagingBucket, Prefix: StagingPrefix, OutputBucket: OutputBucket, KMSKeyID: KMSKeyARN},
		HealthScribe: awsprov.HealthScribeConfig{RoleARN: RoleARN},
		Bedrock:      awsprov.BedrockConfig{ModelID: ModelID, RequestTimeout: 10 * time.Second},
		PollInterval: 5 * time.Millisecond, MaxPollInterval: 20 * time.Millisecond,
		JobTimeout: 20 * time.Second, RequestTimeout: 10 * time.Second, CleanupTimeout: 10 * time.Second,
		MaxAttempts: 3, MaxBackoff: 5 * time.Millisecond,
	}
	// The S3 server checks these credentials; the other servers accept
	// any SigV4 signature.
	ak, sk := s3test.Credentials()
	e.AWSConfig = aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(ak, sk, "")}
	return e
}

// Provider builds the aws provider from Config and AWSConfig, attested
// zero-retention (it talks to nothing but the test servers).
func (e *Env) Provider(t testing.TB, log *slog.Logger) *ai.Provider {
	t.Helper()
	p, err := awsprov.NewWithAWSConfig("aws-test", e.Config, e.AWSConfig,
		ai.Attestation{ZeroRetention: true, Agreement: "baa-aws-test"}, log)
	if err != nil {
		t.Fatalf("awstest: %v", err)
	}
	return p
}

// Leftovers lists every object in the staging and output buckets and the
// jobs Transcribe still holds: after a provider call both must be empty
// (except a job that was still running when the caller gave up).
func (e *Env) Leftovers(t testing.TB) (objects, jobs []string) {
	t.Helper()
	for _, bucket := range []string{StagingBucket, OutputBucket} {
		p := s3.NewListObjectsV2Paginator(e.S3Client, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatalf("awstest: list %s: %v", bucket, err)
			}
			for _, o := range page.Contents {
				objects = append(objects, bucket+"/"+aws.ToString(o.Key))
			}
		}
	}
	for name := range e.Transcribe.Jobs() {
		jobs = append(jobs, name)
	}
	return objects, jobs
}
