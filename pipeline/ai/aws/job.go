package aws

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	ttypes "github.com/aws/aws-sdk-go-v2/service/transcribe/types"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audio"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// TranscribeAPI is the part of the Amazon Transcribe client the
// transcribers use.
type TranscribeAPI interface {
	StartMedicalTranscriptionJob(ctx context.Context, in *transcribe.StartMedicalTranscriptionJobInput, opts ...func(*transcribe.Options)) (*transcribe.StartMedicalTranscriptionJobOutput, error)
	GetMedicalTranscriptionJob(ctx context.Context, in *transcribe.GetMedicalTranscriptionJobInput, opts ...func(*transcribe.Options)) (*transcribe.GetMedicalTranscriptionJobOutput, error)
	DeleteMedicalTranscriptionJob(ctx context.Context, in *transcribe.DeleteMedicalTranscriptionJobInput, opts ...func(*transcribe.Options)) (*transcribe.DeleteMedicalTranscriptionJobOutput, error)
	StartMedicalScribeJob(ctx context.Context, in *transcribe.StartMedicalScribeJobInput, opts ...func(*transcribe.Options)) (*transcribe.StartMedicalScribeJobOutput, error)
	GetMedicalScribeJob(ctx context.Context, in *transcribe.GetMedicalScribeJobInput, opts ...func(*transcribe.Options)) (*transcribe.GetMedicalScribeJobOutput, error)
	DeleteMedicalScribeJob(ctx context.Context, in *transcribe.DeleteMedicalScribeJobInput, opts ...func(*transcribe.Options)) (*transcribe.DeleteMedicalScribeJobOutput, error)
}

// jobSpec is what differs between a Transcribe Medical job and a
// HealthScribe job; runJob does the rest.
type jobSpec struct {
	op string // "transcribe medical" or "healthscribe", for messages
	// folders are the S3 folders the job's objects live in, all deleted
	// afterwards.
	folders func(job string) []location
	start   func(ctx context.Context, job, mediaURI string, format ttypes.MediaFormat) error
	// check reports whether the job finished; a FAILED job is an error.
	check func(ctx context.Context, job string) (bool, error)
	// collect reads the output of a COMPLETED job.
	collect   func(ctx context.Context, job string) error
	deleteJob func(ctx context.Context, job string) error
}

// jobRunner runs one batch job per request: stage the recording, start the
// job, poll it, collect the output, and always delete the staged
// recording, the output and the job.
type jobRunner struct {
	cfg Config
	tc  TranscribeAPI
	st  *stager
	log *slog.Logger
}

// newJobRunner checks cfg for the named constructor and engine and builds
// the runner both transcribers use.
func newJobRunner(name, engine string, cfg Config, tc TranscribeAPI, s3c S3API, log *slog.Logger) (jobRunner, error) {
	cfg = cfg.WithDefaults()
	cfg.Transcribe.Engine = engine
	if tc == nil || s3c == nil {
		return jobRunner{}, fmt.Errorf("aws.%s: Transcribe and S3 clients are required", name)
	}
	if err := cfg.validate(true, false); err != nil {
		return jobRunner{}, fmt.Errorf("aws.%s: %w", name, err)
	}
	log = logger(log)
	return jobRunner{cfg: cfg, tc: tc, st: &stager{s3: s3c, cfg: cfg, log: log}, log: log}, nil
}

func (r *jobRunner) run(ctx context.Context, req *ai.TranscribeRequest, spec jobSpec) (job string, err error) {
	if err := checkLanguage(req.Language); err != nil {
		return "", err
	}
	format, ext, err := mediaFormat(req.Audio.ContentType)
	if err != nil {
		return "", err
	}
	if req.Audio.Size > MaxMediaBytes {
		return "", phi.Permanentf(phi.CodeTooLarge, "aws: the recording is %d bytes; Amazon Transcribe accepts at most %d", req.Audio.Size, int64(MaxMediaBytes))
	}

	job = newJobName()
	stagedKey := r.cfg.Staging.Prefix + job + "/audio." + ext
	log := r.log.With("job", job, "op", spec.op)
	started := false
	begin := time.Now()

	jctx, cancel := context.WithTimeout(ctx, r.cfg.JobTimeout)
	defer cancel()
	defer func() {
		// Cleanup runs whatever happened, on a context of its own.
		var errs []error
		if started {
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.cfg.CleanupTimeout)
			derr := spec.deleteJob(dctx, job)
			cancel()
			if derr != nil && !isNotFound(derr) {
				derr = classify(spec.op+" delete job", derr)
				// A job still running when we stop waiting cannot be
				// deleted, and may write its output after this cleanup;
				// Sweep and the bucket's lifecycle rule remove that.
				log.Error("aws: job could not be deleted; if it is still running, Sweep or the staging lifecycle rule must remove its late output",
					"code", string(phi.CodeOf(derr)))
				errs = append(errs, rewrap(derr, "aws: the transcription job could not be deleted; the result was discarded"))
			}
		}
		if cerr := r.st.cleanup(ctx, job, []location{{r.cfg.Staging.Bucket, stagedKey}}, spec.folders(job)); cerr != nil {
			errs = append(errs, cerr)
		}
		if len(errs) > 0 && err == nil {
			err = errs[0]
		}
		log.Info("aws: job finished", "code", string(codeOrOK(err)), "duration", time.Since(begin))
	}()

	if err := r.st.upload(jctx, req.Audio, stagedKey); err != nil {
		return job, jobCtxErr(ctx, jctx, spec.op, r.cfg.JobTimeout, err)
	}
	mediaURI := "s3://" + r.cfg.Staging.Bucket + "/" + stagedKey
	if err := spec.start(jctx, job, mediaURI, format); err != nil {
		// A timed-out start may still have created the job.
		started = !phi.IsPermanent(err)
		return job, jobCtxErr(ctx, jctx, spec.op, r.cfg.JobTimeout, err)
	}
	started = true
	log.Debug("aws: job started")
	err = poll(jctx, r.cfg.PollInterval, r.cfg.MaxPollInterval, func(ctx context.Context) (bool, error) {
		return spec.check(ctx, job)
	})
	if err != nil {
		return job, jobCtxErr(ctx, jctx, spec.op, r.cfg.JobTimeout, err)
	}
	if err := spec.collect(jctx, job); err != nil {
		return job, jobCtxErr(ctx, jctx, spec.op, r.cfg.JobTimeout, err)
	}
	return job, nil
}

// jobCtxErr reports a job that ran out of time as such, rather than as
// whichever call happened to be in flight.
func jobCtxErr(parent, jctx context.Context, op string, timeout time.Duration, err error) error {
	switch {
	case parent.Err() != nil && errors.Is(parent.Err(), context.Canceled):
		return phi.Wrap(err, phi.CodeCanceled, "aws: "+op+": canceled")
	case jctx.Err() != nil:
		return phi.Wrap(err, phi.CodeTimeout, "aws: "+op+": the job did not finish within "+timeoutText(parent, timeout))
	}
	return classify(op, err)
}

func timeoutText(parent context.Context, timeout time.Duration) string {
	if dl, ok := parent.Deadline(); ok && time.Until(dl) < timeout {
		return "the caller's deadline"
	}
	return timeout.String()
}

func codeOrOK(err error) phi.Code {
	if err == nil {
		return "ok"
	}
	return phi.CodeOf(err)
}

// checkLanguage accepts English: Transcribe Medical and HealthScribe
// transcribe US English only.
func checkLanguage(lang string) error {
	l := strings.ToLower(lang)
	if l == "" || l == "en" || strings.HasPrefix(l, "en-") {
		return nil
	}
	return phi.Permanentf(phi.CodeInvalidInput, "aws: Amazon Transcribe Medical and HealthScribe transcribe English (en-US) only; configure another transcription provider for this language")
}

// mediaFormat maps a recording's content type to Transcribe's media format
// and a file extension for the staged key.
func mediaFormat(contentType string) (ttypes.MediaFormat, string, error) {
	f, err := audio.FormatOf(contentType)
	if err != nil {
		return "", "", phi.WrapPermanent(err, phi.CodeUnsupportedType, "aws: unsupported recording type (accepted: "+strings.Join(audio.Accepted(), ", ")+")")
	}
	switch f {
	case audio.WAV:
		return ttypes.MediaFormatWav, "wav", nil
	case audio.MP3:
		return ttypes.MediaFormatMp3, "mp3", nil
	case audio.OGG:
		return ttypes.MediaFormatOgg, "ogg", nil
	case audio.FLAC:
		return ttypes.MediaFormatFlac, "flac", nil
	case audio.WebM:
		return ttypes.MediaFormatWebm, "webm", nil
	case audio.MP4:
		return ttypes.MediaFormatMp4, "mp4", nil
	}
	return "", "", phi.Permanentf(phi.CodeUnsupportedType, "aws: unsupported recording type")
}
