package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// S3Config configures an S3 Blobstore.
type S3Config struct {
	// Bucket holds the objects. Required.
	Bucket string `yaml:"bucket"`
	// Prefix is prepended to every object key, e.g. "clinscribe/". Optional.
	Prefix string `yaml:"prefix"`
	// ServerSideEncryption asks S3 to encrypt at rest as well ("AES256" or
	// "aws:kms"); content is already sealed by the Vault, this is defence in
	// depth. Empty leaves the bucket default.
	ServerSideEncryption string `yaml:"server_side_encryption"`
	// SSEKMSKeyID is the KMS key for "aws:kms" server-side encryption.
	SSEKMSKeyID string `yaml:"sse_kms_key_id"`
	// SpoolBytes is how much of an upload is buffered in memory before it
	// spools to a temporary file (ciphertext only). Zero means 8 MiB.
	SpoolBytes int64 `yaml:"spool_bytes"`
}

// S3API is the part of the S3 client the S3 Blobstore uses.
type S3API interface {
	PutObject(ctx context.Context, in *s3.PutObjectInput, opts ...func(*s3.Options)) (*s3.PutObjectOutput, error)
	GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error)
	DeleteObject(ctx context.Context, in *s3.DeleteObjectInput, opts ...func(*s3.Options)) (*s3.DeleteObjectOutput, error)
	ListObjectsV2(ctx context.Context, in *s3.ListObjectsV2Input, opts ...func(*s3.Options)) (*s3.ListObjectsV2Output, error)
}

// S3 is a Blobstore in an S3 bucket, on AWS or any S3-protocol server
// (set the client's BaseEndpoint and UsePathStyle). CreateOnly writes use a
// conditional PutObject (If-None-Match: *), so racing writers on one key
// get exactly one winner, as on Local.
type S3 struct {
	client S3API
	cfg    S3Config
}

var _ Blobstore = (*S3)(nil)

// NewS3 returns an S3 Blobstore.
func NewS3(client S3API, cfg S3Config) (*S3, error) {
	if client == nil || cfg.Bucket == "" {
		return nil, errors.New("storage.NewS3: client and bucket are required")
	}
	if cfg.Prefix != "" && !strings.HasSuffix(cfg.Prefix, "/") {
		cfg.Prefix += "/"
	}
	if cfg.SpoolBytes <= 0 {
		cfg.SpoolBytes = 8 << 20
	}
	return &S3{client: client, cfg: cfg}, nil
}

// Put implements Blobstore. The body is spooled first (memory, then a
// temporary file) so the request is signed over a seekable payload with a
// known length.
func (s *S3) Put(ctx context.Context, key string, body io.Reader, mode WriteMode) error {
	if err := ValidKey(key); err != nil {
		return err
	}
	payload, size, cleanup, err := s.spool(body)
	if err != nil {
		return fmt.Errorf("storage.S3.Put: %w", err)
	}
	defer cleanup()
	in := &s3.PutObjectInput{
		Bucket:        aws.String(s.cfg.Bucket),
		Key:           aws.String(s.cfg.Prefix + key),
		Body:          payload,
		ContentLength: aws.Int64(size),
		ContentType:   aws.String("application/octet-stream"),
	}
	if s.cfg.ServerSideEncryption != "" {
		in.ServerSideEncryption = s3types.ServerSideEncryption(s.cfg.ServerSideEncryption)
		if s.cfg.SSEKMSKeyID != "" {
			in.SSEKMSKeyId = aws.String(s.cfg.SSEKMSKeyID)
		}
	}
	if mode == CreateOnly {
		in.IfNoneMatch = aws.String("*")
	}
	for attempt := 0; ; attempt++ {
		_, err = s.client.PutObject(ctx, in)
		// 409 ConditionalRequestConflict: another conditional write on the
		// key is in flight; try again so one of us gets a clear answer.
		if mode == CreateOnly && httpStatus(err) == http.StatusConflict && attempt < 4 {
			if _, serr := payload.Seek(0, io.SeekStart); serr != nil {
				return fmt.Errorf("storage.S3.Put: %w", serr)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(50<<attempt) * time.Millisecond):
			}
			continue
		}
		break
	}
	if mode == CreateOnly && httpStatus(err) == http.StatusPreconditionFailed {
		return ErrExists
	}
	if err != nil {
		return fmt.Errorf("storage.S3.Put: %w", err)
	}
	return nil
}

func (s *S3) spool(body io.Reader) (io.ReadSeeker, int64, func(), error) {
	var buf bytes.Buffer
	n, err := io.CopyN(&buf, body, s.cfg.SpoolBytes+1)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, 0, nil, err
	}
	if n <= s.cfg.SpoolBytes {
		return bytes.NewReader(buf.Bytes()), n, func() {}, nil
	}
	f, err := os.CreateTemp("", "clinscribe-s3-*")
	if err != nil {
		return nil, 0, nil, err
	}
	cleanup := func() { f.Close(); os.Remove(f.Name()) }
	m, err := io.Copy(f, io.MultiReader(&buf, body))
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		cleanup()
		return nil, 0, nil, err
	}
	return f, m, cleanup, nil
}

// Get implements Blobstore.
func (s *S3) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	out, err := s.client.GetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.cfg.Bucket),
		Key:    aws.String(s.cfg.Prefix + key),
	})
	if isNotFound(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("storage.S3.Get: %w", err)
	}
	return drainCloser{out.Body}, nil
}

// drainCloser reads what little is left of a response body before closing
// it, so the HTTP connection goes back to the pool instead of being torn
// down: a Vault reader stops at the last segment's tag and closes before
// the body's EOF has been read. More than maxDrain left (an early close of
// a large object) is cheaper to cut off.
type drainCloser struct{ io.ReadCloser }

const maxDrain = 64 << 10

func (d drainCloser) Close() error {
	_, _ = io.CopyN(io.Discard, d.ReadCloser, maxDrain)
	return d.ReadCloser.Close()
}

// Delete implements Blobstore.
func (s *S3) Delete(ctx context.Context, key string) error {
	if err := ValidKey(key); err != nil {
		return err
	}
	_, err := s.client.DeleteObject(ctx, &s3.DeleteObjectInput{
		Bucket: aws.String(s.cfg.Bucket),
		Key:    aws.String(s.cfg.Prefix + key),
	})
	if err != nil && !isNotFound(err) {
		return fmt.Errorf("storage.S3.Delete: %w", err)
	}
	return nil
}

// List implements Blobstore.
func (s *S3) List(ctx context.Context, prefix string) ([]string, error) {
	if err := validPrefix(prefix); err != nil {
		return nil, err
	}
	var keys []string
	p := s3.NewListObjectsV2Paginator(s.client, &s3.ListObjectsV2Input{
		Bucket: aws.String(s.cfg.Bucket),
		Prefix: aws.String(s.cfg.Prefix + prefix),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("storage.S3.List: %w", err)
		}
		for _, o := range page.Contents {
			k := strings.TrimPrefix(aws.ToString(o.Key), s.cfg.Prefix)
			if ValidKey(k) == nil { // skip foreign objects in a shared bucket
				keys = append(keys, k)
			}
		}
	}
	return keys, nil
}

func httpStatus(err error) int {
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode()
	}
	return 0
}

func isNotFound(err error) bool {
	if err == nil {
		return false
	}
	var nsk *s3types.NoSuchKey
	var nf *s3types.NotFound
	if errors.As(err, &nsk) || errors.As(err, &nf) {
		return true
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		// A missing bucket is a configuration error, not a missing object.
		return api.ErrorCode() == "NoSuchKey" || api.ErrorCode() == "NotFound"
	}
	return httpStatus(err) == http.StatusNotFound
}
