package aws

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	ttypes "github.com/aws/aws-sdk-go-v2/service/transcribe/types"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// MedicalTranscriber transcribes recordings with Amazon Transcribe Medical
// batch jobs.
type MedicalTranscriber struct {
	r jobRunner
}

var _ ai.Transcriber = (*MedicalTranscriber)(nil)

// NewMedicalTranscriber returns a Transcribe Medical transcriber. cfg needs
// Staging.Bucket; the clients are used as given (region, endpoint and
// credentials are theirs).
func NewMedicalTranscriber(cfg Config, tc TranscribeAPI, s3c S3API, log *slog.Logger) (*MedicalTranscriber, error) {
	r, err := newJobRunner("NewMedicalTranscriber", EngineMedical, cfg, tc, s3c, log)
	if err != nil {
		return nil, err
	}
	return &MedicalTranscriber{r: r}, nil
}

// Model names what the transcriber runs, for the audit trail.
func (m *MedicalTranscriber) Model() string {
	return "transcribe-medical/" + m.r.cfg.Transcribe.Specialty + "/" + m.r.cfg.Transcribe.Type
}

func (m *MedicalTranscriber) outputKey(job string) string {
	return m.r.cfg.Staging.Prefix + job + "/transcript.json"
}

func (m *MedicalTranscriber) speakerLabels() bool {
	return !m.r.cfg.Transcribe.DisableSpeakerLabels && m.r.cfg.Transcribe.Type == string(ttypes.TypeConversation)
}

// Transcribe implements ai.Transcriber. The recording is uploaded to the
// staging bucket under a random name, transcribed by a batch job named the
// same way, and the recording, the transcript file and the job are all
// deleted before it returns, whether it succeeded or not. A sidecar
// transcript in the request is ignored: this provider transcribes audio.
func (m *MedicalTranscriber) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	cfg := m.r.cfg
	var segs []encounter.Segment
	spec := jobSpec{
		op: "transcribe medical",
		folders: func(job string) []location {
			f := []location{{cfg.Staging.Bucket, cfg.Staging.Prefix + job + "/"}}
			if cfg.Staging.OutputBucket != cfg.Staging.Bucket {
				f = append(f, location{cfg.Staging.OutputBucket, cfg.Staging.Prefix + job + "/"})
			}
			return f
		},
		start: func(ctx context.Context, job, uri string, format ttypes.MediaFormat) error {
			in := &transcribe.StartMedicalTranscriptionJobInput{
				MedicalTranscriptionJobName: aws.String(job),
				LanguageCode:                ttypes.LanguageCodeEnUs,
				Media:                       &ttypes.Media{MediaFileUri: aws.String(uri)},
				MediaFormat:                 format,
				OutputBucketName:            aws.String(cfg.Staging.OutputBucket),
				OutputKey:                   aws.String(m.outputKey(job)),
				Specialty:                   ttypes.Specialty(cfg.Transcribe.Specialty),
				Type:                        ttypes.Type(cfg.Transcribe.Type),
			}
			if cfg.Staging.KMSKeyID != "" {
				in.OutputEncryptionKMSKeyId = aws.String(cfg.Staging.KMSKeyID)
			}
			if m.speakerLabels() {
				in.Settings = &ttypes.MedicalTranscriptionSetting{
					ShowSpeakerLabels: aws.Bool(true),
					MaxSpeakerLabels:  aws.Int32(int32(cfg.Transcribe.MaxSpeakers)),
				}
			}
			rctx, cancel := context.WithTimeout(ctx, cfg.RequestTimeout)
			defer cancel()
			_, err := m.r.tc.StartMedicalTranscriptionJob(rctx, in)
			return classify("transcribe StartMedicalTranscriptionJob", err)
		},
		check: func(ctx context.Context, job string) (bool, error) {
			rctx, cancel := context.WithTimeout(ctx, cfg.RequestTimeout)
			defer cancel()
			out, err := m.r.tc.GetMedicalTranscriptionJob(rctx, &transcribe.GetMedicalTranscriptionJobInput{MedicalTranscriptionJobName: aws.String(job)})
			if err != nil {
				return false, classify("transcribe GetMedicalTranscriptionJob", err)
			}
			if out.MedicalTranscriptionJob == nil {
				return false, phi.Errorf(phi.CodeProviderError, "aws: transcribe GetMedicalTranscriptionJob returned no job")
			}
			switch j := out.MedicalTranscriptionJob; j.TranscriptionJobStatus {
			case ttypes.TranscriptionJobStatusCompleted:
				return true, nil
			case ttypes.TranscriptionJobStatusFailed:
				return false, jobFailed("aws: transcribe medical", job, aws.ToString(j.FailureReason))
			}
			return false, nil
		},
		collect: func(ctx context.Context, job string) error {
			data, err := m.r.st.fetch(ctx, cfg.Staging.OutputBucket, m.outputKey(job))
			if err != nil {
				return err
			}
			segs, err = parseMedicalTranscript(data)
			if errors.Is(err, errNoSpeech) {
				return phi.Permanentf(phi.CodeNoSpeech, "aws: transcribe medical found no speech in the recording")
			}
			if err != nil {
				return phi.Wrap(err, phi.CodeProviderError, "aws: transcribe medical output could not be read: "+err.Error())
			}
			return nil
		},
		deleteJob: func(ctx context.Context, job string) error {
			_, err := m.r.tc.DeleteMedicalTranscriptionJob(ctx, &transcribe.DeleteMedicalTranscriptionJobInput{MedicalTranscriptionJobName: aws.String(job)})
			return err
		},
	}
	job, err := m.r.run(ctx, req, spec)
	if err != nil {
		return nil, err
	}
	return &ai.TranscribeResult{Segments: segs, Source: "provider", Model: m.Model(), RequestID: job}, nil
}

// Sweep deletes staged recordings and transcripts older than olderThan
// that a crashed worker or an abandoned job left in the staging bucket.
// olderThan must be at least the job timeout.
func (m *MedicalTranscriber) Sweep(ctx context.Context, olderThan time.Duration) (int, error) {
	return m.r.st.sweep(ctx, olderThan, false)
}
