package aws

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// S3API is the part of the S3 client the transcribers use.
type S3API interface {
	PutObject(ctx context.Context, in *s3.PutObjectInput, opts ...func(*s3.Options)) (*s3.PutObjectOutput, error)
	CreateMultipartUpload(ctx context.Context, in *s3.CreateMultipartUploadInput, opts ...func(*s3.Options)) (*s3.CreateMultipartUploadOutput, error)
	UploadPart(ctx context.Context, in *s3.UploadPartInput, opts ...func(*s3.Options)) (*s3.UploadPartOutput, error)
	CompleteMultipartUpload(ctx context.Context, in *s3.CompleteMultipartUploadInput, opts ...func(*s3.Options)) (*s3.CompleteMultipartUploadOutput, error)
	AbortMultipartUpload(ctx context.Context, in *s3.AbortMultipartUploadInput, opts ...func(*s3.Options)) (*s3.AbortMultipartUploadOutput, error)
	GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error)
	DeleteObject(ctx context.Context, in *s3.DeleteObjectInput, opts ...func(*s3.Options)) (*s3.DeleteObjectOutput, error)
	ListObjectsV2(ctx context.Context, in *s3.ListObjectsV2Input, opts ...func(*s3.Options)) (*s3.ListObjectsV2Output, error)
}

// JobPrefix starts every job name and staged folder this package makes.
// The rest is random: job names and keys carry no encounter, patient or
// clinic information, and nothing about the time.
const JobPrefix = "clinscribe-"

var jobEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// jobNameRE matches the names newJobName makes; Sweep deletes only what
// matches it.
var jobNameRE = regexp.MustCompile(`^clinscribe-[a-z2-7]{26}$`)

func newJobName() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return JobPrefix + strings.ToLower(jobEncoding.EncodeToString(b[:]))
}

// stager moves recordings in and job output out of S3, and makes sure
// neither stays there.
type stager struct {
	s3  S3API
	cfg Config
	log *slog.Logger
}

// location is an S3 folder a job writes to; cleanup deletes everything in
// it. Folders always end in "<job name>/", so they cannot overlap with
// anything but that job's own objects.
type location struct {
	bucket, prefix string
}

// upload streams the recording to bucket/key with SSE-KMS, holding at most
// one part in memory and never writing it to disk.
func (s *stager) upload(ctx context.Context, media ai.Media, key string) error {
	if media.Open == nil {
		return phi.Permanentf(phi.CodeInvalidInput, "aws: the recording has no content to open")
	}
	if media.Size > MaxMediaBytes {
		return phi.Permanentf(phi.CodeTooLarge, "aws: the recording is %d bytes; Amazon Transcribe accepts at most %d", media.Size, int64(MaxMediaBytes))
	}
	rc, err := media.Open(ctx)
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "aws: the recording could not be opened")
	}
	defer rc.Close()

	buf := make([]byte, s.cfg.Staging.PartSize)
	n, rerr := io.ReadFull(rc, buf)
	switch {
	case rerr == nil:
	case errors.Is(rerr, io.EOF) || errors.Is(rerr, io.ErrUnexpectedEOF):
		if n == 0 {
			return phi.Permanentf(phi.CodeEmptyInput, "aws: the recording is empty")
		}
		return s.put(ctx, key, buf[:n])
	default:
		return phi.Wrap(rerr, phi.CodeStorage, "aws: the recording could not be read")
	}
	return s.multipart(ctx, key, rc, buf)
}

func (s *stager) sse() (s3types.ServerSideEncryption, *string) {
	if s.cfg.Staging.KMSKeyID == "" {
		return "", nil
	}
	return s3types.ServerSideEncryptionAwsKms, aws.String(s.cfg.Staging.KMSKeyID)
}

func (s *stager) put(ctx context.Context, key string, body []byte) error {
	sse, kmsKey := s.sse()
	rctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout+time.Duration(len(body)>>20)*time.Second)
	defer cancel()
	_, err := s.s3.PutObject(rctx, &s3.PutObjectInput{
		Bucket:               aws.String(s.cfg.Staging.Bucket),
		Key:                  aws.String(key),
		Body:                 bytes.NewReader(body),
		ContentLength:        aws.Int64(int64(len(body))),
		ContentType:          aws.String("application/octet-stream"),
		ServerSideEncryption: sse,
		SSEKMSKeyId:          kmsKey,
	})
	return classify("s3 PutObject (staging)", err)
}

func (s *stager) multipart(ctx context.Context, key string, rest io.Reader, first []byte) (err error) {
	sse, kmsKey := s.sse()
	bucket := aws.String(s.cfg.Staging.Bucket)
	rctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	mp, err := s.s3.CreateMultipartUpload(rctx, &s3.CreateMultipartUploadInput{
		Bucket: bucket, Key: aws.String(key),
		ContentType:          aws.String("application/octet-stream"),
		ServerSideEncryption: sse,
		SSEKMSKeyId:          kmsKey,
	})
	cancel()
	if err != nil {
		return classify("s3 CreateMultipartUpload (staging)", err)
	}
	uploadID := mp.UploadId
	defer func() {
		if err == nil {
			return
		}
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.CleanupTimeout)
		defer cancel()
		if _, aerr := s.s3.AbortMultipartUpload(actx, &s3.AbortMultipartUploadInput{Bucket: bucket, Key: aws.String(key), UploadId: uploadID}); aerr != nil {
			s.log.Error("aws: staged upload could not be aborted; its parts stay in the staging bucket until the lifecycle rule removes them",
				"op", "AbortMultipartUpload", "code", string(phi.CodeOf(classify("s3", aerr))))
		}
	}()

	var parts []s3types.CompletedPart
	var total int64
	buf := first
	for num := int32(1); ; num++ {
		total += int64(len(buf))
		if total > MaxMediaBytes {
			return phi.Permanentf(phi.CodeTooLarge, "aws: the recording exceeds %d bytes, the most Amazon Transcribe accepts", int64(MaxMediaBytes))
		}
		rctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout+time.Duration(len(buf)>>20)*time.Second)
		up, err := s.s3.UploadPart(rctx, &s3.UploadPartInput{
			Bucket: bucket, Key: aws.String(key), UploadId: uploadID, PartNumber: aws.Int32(num),
			Body: bytes.NewReader(buf), ContentLength: aws.Int64(int64(len(buf))),
		})
		cancel()
		if err != nil {
			return classify("s3 UploadPart (staging)", err)
		}
		parts = append(parts, s3types.CompletedPart{
			PartNumber: aws.Int32(num), ETag: up.ETag,
			ChecksumCRC32: up.ChecksumCRC32, ChecksumCRC32C: up.ChecksumCRC32C,
			ChecksumSHA1: up.ChecksumSHA1, ChecksumSHA256: up.ChecksumSHA256, ChecksumCRC64NVME: up.ChecksumCRC64NVME,
		})
		buf = buf[:cap(buf)]
		n, rerr := io.ReadFull(rest, buf)
		buf = buf[:n]
		if rerr != nil && !errors.Is(rerr, io.EOF) && !errors.Is(rerr, io.ErrUnexpectedEOF) {
			return phi.Wrap(rerr, phi.CodeStorage, "aws: the recording could not be read")
		}
		if n == 0 {
			break
		}
	}
	rctx, cancel = context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	_, err = s.s3.CompleteMultipartUpload(rctx, &s3.CompleteMultipartUploadInput{
		Bucket: bucket, Key: aws.String(key), UploadId: uploadID,
		MultipartUpload: &s3types.CompletedMultipartUpload{Parts: parts},
	})
	return classify("s3 CompleteMultipartUpload (staging)", err)
}

// maxOutputBytes bounds a job output file read into memory. A 4-hour
// Transcribe transcript with word timings is around 20 MB.
const maxOutputBytes = 256 << 20

// fetch reads one job output object.
func (s *stager) fetch(ctx context.Context, bucket, key string) ([]byte, error) {
	rctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	out, err := s.s3.GetObject(rctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return nil, classify("s3 GetObject (job output)", err)
	}
	defer out.Body.Close()
	b, err := io.ReadAll(io.LimitReader(out.Body, maxOutputBytes+1))
	if err != nil {
		return nil, classify("s3 GetObject (job output)", err)
	}
	if len(b) > maxOutputBytes {
		return nil, phi.Permanentf(phi.CodeTooLarge, "aws: job output exceeds %d bytes", maxOutputBytes)
	}
	return b, nil
}

// cleanup deletes the known keys, then everything else under each folder
// (Transcribe may add its own files, such as a write-access check). It
// runs on a context of its own, so a caller's deadline or cancellation
// does not leave PHI behind; it tries every object even after a failure
// and returns the first failure.
func (s *stager) cleanup(ctx context.Context, job string, keys []location, folders []location) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.CleanupTimeout)
	defer cancel()
	var first error
	deleted := 0
	del := func(bucket, key string) {
		_, err := s.s3.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
		if err != nil && !isNotFound(err) {
			if first == nil {
				first = classify("s3 DeleteObject (cleanup)", err)
			}
			return
		}
		deleted++
	}
	for _, k := range keys {
		del(k.bucket, k.prefix)
	}
	for _, f := range folders {
		if !strings.HasSuffix(f.prefix, job+"/") {
			panic("aws: cleanup of a folder that is not the job's own: " + f.prefix) // a bug, never data
		}
		p := s3.NewListObjectsV2Paginator(s.s3, &s3.ListObjectsV2Input{Bucket: aws.String(f.bucket), Prefix: aws.String(f.prefix)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				if first == nil {
					first = classify("s3 ListObjectsV2 (cleanup)", err)
				}
				break
			}
			for _, o := range page.Contents {
				del(f.bucket, aws.ToString(o.Key))
			}
		}
	}
	if first != nil {
		s.log.Error("aws: job objects could not all be deleted; the staging lifecycle rule or Sweep must remove them",
			"job", job, "code", string(phi.CodeOf(first)), "deleted", deleted)
		return rewrap(first, "aws: staged recording or job output could not be deleted; the result was discarded")
	}
	s.log.Debug("aws: job objects deleted", "job", job, "deleted", deleted)
	return nil
}

// rewrap gives a classified error a new safe message, keeping its code,
// its permanence and its cause.
func rewrap(err error, msg string) error {
	var pe *phi.Error
	if !errors.As(err, &pe) {
		return phi.Wrap(err, phi.CodeInternal, msg)
	}
	if pe.Permanent {
		return phi.WrapPermanent(err, pe.Code, msg+" ("+pe.Msg+")")
	}
	return phi.Wrap(err, pe.Code, msg+" ("+pe.Msg+")")
}

func isNotFound(err error) bool {
	var api smithy.APIError
	if errors.As(err, &api) {
		switch api.ErrorCode() {
		case "NoSuchKey", "NotFound", "NotFoundException":
			return true
		case "BadRequestException":
			// Transcribe answers a job name it does not know with
			// BadRequestException "The requested job couldn't be found...".
			m := strings.ToLower(api.ErrorMessage())
			return strings.Contains(m, "couldn't be found") || strings.Contains(m, "could not be found")
		}
	}
	return false
}

// Sweep deletes staged recordings and job output that a crashed worker or
// a timed-out job left behind: every object under the staging prefix (and,
// for HealthScribe, every "clinscribe-*/" folder in the output bucket)
// last modified before now-olderThan. Run it from a maintenance task;
// olderThan must exceed the job timeout so running jobs keep their input.
// It returns how many objects it deleted.
func (s *stager) sweep(ctx context.Context, olderThan time.Duration, scribeOutput bool) (int, error) {
	if olderThan < s.cfg.JobTimeout {
		return 0, fmt.Errorf("aws.Sweep: olderThan %s is shorter than the job timeout %s; running jobs would lose their input", olderThan, s.cfg.JobTimeout)
	}
	cutoff := s.cfg.Now().Add(-olderThan)
	type scan struct {
		bucket, prefix string
		match          func(key string) bool
	}
	inJob := func(rest string) bool {
		job, _, ok := strings.Cut(rest, "/")
		return ok && jobNameRE.MatchString(job)
	}
	scans := []scan{{s.cfg.Staging.Bucket, s.cfg.Staging.Prefix, func(k string) bool { return inJob(strings.TrimPrefix(k, s.cfg.Staging.Prefix)) }}}
	if s.cfg.Staging.OutputBucket != s.cfg.Staging.Bucket {
		scans = append(scans, scan{s.cfg.Staging.OutputBucket, s.cfg.Staging.Prefix, func(k string) bool { return inJob(strings.TrimPrefix(k, s.cfg.Staging.Prefix)) }})
	}
	if scribeOutput {
		scans = append(scans, scan{s.cfg.Staging.OutputBucket, JobPrefix, inJob})
	}
	deleted := 0
	for _, sc := range scans {
		p := s3.NewListObjectsV2Paginator(s.s3, &s3.ListObjectsV2Input{Bucket: aws.String(sc.bucket), Prefix: aws.String(sc.prefix)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return deleted, classify("s3 ListObjectsV2 (sweep)", err)
			}
			for _, o := range page.Contents {
				key := aws.ToString(o.Key)
				if !sc.match(key) || o.LastModified == nil || o.LastModified.After(cutoff) {
					continue
				}
				if _, err := s.s3.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(sc.bucket), Key: aws.String(key)}); err != nil && !isNotFound(err) {
					return deleted, classify("s3 DeleteObject (sweep)", err)
				}
				deleted++
			}
		}
	}
	if deleted > 0 {
		s.log.Warn("aws: swept leftover staged objects", "deleted", deleted)
	}
	return deleted, nil
}
