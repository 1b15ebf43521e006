package audit_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/storage/s3test"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

func TestFileStoreConformance(t *testing.T) {
	t.Parallel()
	audittest.TestStore(t, func(t *testing.T) audittest.Opener {
		dir := t.TempDir()
		return func(t *testing.T) audit.Store {
			s, err := audit.NewFileStore(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
	})
}

// lockedBucket creates a bucket with Object Lock enabled.
func lockedBucket(t *testing.T, srv *s3test.Server, name string) {
	t.Helper()
	_, err := srv.Client().CreateBucket(context.Background(), &s3.CreateBucketInput{
		Bucket: aws.String(name), ObjectLockEnabledForBucket: aws.Bool(true),
	})
	if err != nil {
		t.Fatalf("create bucket %s with object lock: %v", name, err)
	}
}

func newS3Store(t *testing.T, srv *s3test.Server, bucket string) *audit.S3Store {
	t.Helper()
	s, err := audit.NewS3Store(srv.Client(), audit.S3Config{Bucket: bucket, Prefix: "audit"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CheckObjectLock(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestS3StoreConformance(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	n := 0
	audittest.TestStore(t, func(t *testing.T) audittest.Opener {
		n++
		bucket := "audit-conf-" + string(rune('a'+n))
		lockedBucket(t, srv, bucket)
		return func(t *testing.T) audit.Store { return newS3Store(t, srv, bucket) }
	})
}

// TestS3ObjectLock checks what the trail relies on from the bucket: every
// object it writes is under a compliance-mode retention of six years and
// can be neither deleted, overwritten nor unlocked early.
func TestS3ObjectLock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := s3test.Start(t)
	lockedBucket(t, srv, "audit")
	signer, err := audit.GenerateSigner(t.TempDir() + "/key")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := audit.NewTrail(newS3Store(t, srv, "audit"), signer, audit.TrailConfig{Writer: "w1", CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := tr.Append(ctx, entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}

	c := srv.Client()
	list, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("audit")})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, o := range list.Contents {
		keys = append(keys, aws.ToString(o.Key))
	}
	// The chain's empty first object (seq 0), 5 sequential appends = 5
	// objects; registration, first record, close = 3 checkpoints.
	if len(keys) != 9 {
		t.Fatalf("objects %v, want the chain's first object, 5 chain batches and 3 checkpoints", keys)
	}
	want := time.Now().AddDate(0, 0, audit.DefaultRetentionDays)
	for _, k := range keys {
		ret, err := c.GetObjectRetention(ctx, &s3.GetObjectRetentionInput{Bucket: aws.String("audit"), Key: aws.String(k)})
		if err != nil {
			t.Fatalf("%s: retention: %v", k, err)
		}
		if ret.Retention.Mode != s3types.ObjectLockRetentionModeCompliance {
			t.Errorf("%s: mode %q, want COMPLIANCE", k, ret.Retention.Mode)
		}
		if d := aws.ToTime(ret.Retention.RetainUntilDate).Sub(want); d > time.Hour || d < -time.Hour {
			t.Errorf("%s: retained until %v, want about %v", k, ret.Retention.RetainUntilDate, want)
		}
	}
	k := keys[0]
	if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("audit"), Key: aws.String(k)}); err == nil {
		t.Errorf("deleting a locked object succeeded")
	}
	if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("audit"), Key: aws.String(k), Body: strings.NewReader("forged\n")}); err == nil {
		t.Errorf("overwriting a locked object succeeded")
	}
	_, err = c.PutObjectRetention(ctx, &s3.PutObjectRetentionInput{Bucket: aws.String("audit"), Key: aws.String(k),
		Retention: &s3types.ObjectLockRetention{Mode: s3types.ObjectLockRetentionModeCompliance, RetainUntilDate: aws.Time(time.Now().Add(time.Hour))}})
	if err == nil {
		t.Errorf("shortening a compliance retention succeeded")
	}
	_, err = c.PutObjectRetention(ctx, &s3.PutObjectRetentionInput{Bucket: aws.String("audit"), Key: aws.String(k),
		BypassGovernanceRetention: aws.Bool(true),
		Retention:                 &s3types.ObjectLockRetention{Mode: s3types.ObjectLockRetentionModeGovernance, RetainUntilDate: aws.Time(time.Now().Add(time.Hour))}})
	if err == nil {
		t.Errorf("downgrading compliance to governance succeeded")
	}
	s, _ := audit.NewS3Store(c, audit.S3Config{Bucket: "audit", Prefix: "audit"}, nil)
	rep, err := audit.Verify(ctx, s, audit.VerifyOptions{Keys: []ed25519.PublicKey{signer.PublicKey()}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Records != 5 {
		t.Fatalf("verify after the attempts: ok=%v records=%d problems=%v", rep.OK(), rep.Records, rep.Problems)
	}
}

func TestS3StoreRefusesBucketWithoutObjectLock(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	srv.Bucket(t, "plain")
	s, err := audit.NewS3Store(srv.Client(), audit.S3Config{Bucket: "plain"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = s.CheckObjectLock(context.Background())
	if err == nil || !strings.Contains(err.Error(), "Object Lock") {
		t.Fatalf("CheckObjectLock on a plain bucket = %v, want a refusal naming Object Lock", err)
	}
}

// startVersioned runs versitygw with a versioning directory, so buckets
// with Object Lock are versioned as on AWS: an overwrite adds a version
// and a delete adds a marker instead of failing.
func startVersioned(t *testing.T) *s3.Client {
	t.Helper()
	bin, err := s3test.Binary()
	if err != nil {
		t.Fatalf("versitygw: %v", err)
	}
	root, vers := t.TempDir(), t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ak, sk := s3test.Credentials()
	cmd := exec.Command(bin, "--access", ak, "--secret", sk, "--region", "us-east-1", "--port", addr, "--quiet",
		"posix", "--versioning-dir", vers, root)
	cmd.Env = append(os.Environ(), "VGW_LOG_LEVEL=silent")
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if err := workertest.Within(20*time.Second, func() error {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
		}
		return err
	}); err != nil {
		t.Fatalf("versitygw did not start: %v\n%s", err, logs.String())
	}
	return s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://" + addr), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(ak, sk, "")})
}

// TestS3VersionedBucket: in a versioned bucket (AWS requires versioning
// for Object Lock) an attacker with s3:PutObject and s3:DeleteObject can
// add a version over a trail object or a delete marker, but not remove or
// change the locked version. Verify reads the first versions and reports
// the attempts.
func TestS3VersionedBucket(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := startVersioned(t)
	if _, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("audit"), ObjectLockEnabledForBucket: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	store, err := audit.NewS3Store(c, audit.S3Config{Bucket: "audit"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CheckObjectLock(ctx); err != nil {
		t.Fatal(err)
	}
	signer, _ := audit.GenerateSigner(t.TempDir() + "/key")
	tr, err := audit.NewTrail(store, signer, audit.TrailConfig{Writer: "w", CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if err := tr.Append(ctx, entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	list, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("audit"), Prefix: aws.String("chains/")})
	if err != nil || len(list.Contents) != 5 { // the empty seq-0 object and 4 batches
		t.Fatalf("chain objects: %v %v", list, err)
	}
	victim := aws.ToString(list.Contents[1].Key)
	forged := aws.ToString(list.Contents[2].Key)

	vers, err := c.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: aws.String("audit"), Prefix: aws.String(victim)})
	if err != nil || len(vers.Versions) != 1 {
		t.Fatalf("versions of %s: %+v %v", victim, vers, err)
	}
	if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("audit"), Key: aws.String(victim), VersionId: vers.Versions[0].VersionId}); err == nil {
		t.Fatal("deleting the locked version succeeded")
	}
	// What the lock does not prevent in a versioned bucket:
	if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("audit"), Key: aws.String(victim)}); err != nil {
		t.Fatalf("delete marker: %v", err)
	}
	if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("audit"), Key: aws.String(forged), Body: strings.NewReader("forged\n")}); err != nil {
		t.Fatalf("overwrite as a new version: %v", err)
	}

	rep, err := audit.Verify(ctx, store, audit.VerifyOptions{Keys: []ed25519.PublicKey{signer.PublicKey()}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 4 {
		t.Errorf("verified %d records, want all 4 (the locked first versions)", rep.Records)
	}
	var where []string
	for _, p := range rep.Problems {
		where = append(where, p.Where)
		t.Logf("problem: %s", p)
	}
	want := []string{"s3://audit/" + victim, "s3://audit/" + forged}
	if fmt.Sprint(where) != fmt.Sprint(want) {
		t.Fatalf("problems at %v, want the deleted and the overwritten object %v", where, want)
	}
}

func TestS3StoreConformanceVersioned(t *testing.T) {
	t.Parallel()
	c := startVersioned(t)
	n := 0
	audittest.TestStore(t, func(t *testing.T) audittest.Opener {
		n++
		bucket := fmt.Sprintf("audit-vers-%d", n)
		if _, err := c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(bucket), ObjectLockEnabledForBucket: aws.Bool(true)}); err != nil {
			t.Fatal(err)
		}
		return func(t *testing.T) audit.Store {
			s, err := audit.NewS3Store(c, audit.S3Config{Bucket: bucket}, nil)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	})
}

// TestFileStoreReadCheckpointsFromChunks: the checkpoint file is read on
// in chunks (it grows for years): lines across chunk boundaries arrive
// whole, and a line still being written is left for the next call.
func TestFileStoreReadCheckpointsFromChunks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var want []string
	var b bytes.Buffer
	for i := range 3000 { // about 1.5 MB: more than one chunk
		l := fmt.Sprintf("%05d-%s", i, strings.Repeat("x", 480+i%37))
		want = append(want, l)
		b.WriteString(l + "\n")
	}
	b.WriteString("partial")
	path := dir + "/checkpoints.jsonl"
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := audit.NewFileStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	collect := func(l audit.Line) error { got = append(got, string(l.Data)); return nil }
	cursor, err := s.ReadCheckpointsFrom(context.Background(), "", collect)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("read %d lines, want %d, in order", len(got), len(want))
	}
	if wantCursor := fmt.Sprint(b.Len() - len("partial")); cursor != wantCursor {
		t.Errorf("cursor %s, want %s (before the partial line)", cursor, wantCursor)
	}
	f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(" now complete\n")
	f.Close()
	got = nil
	if _, err := s.ReadCheckpointsFrom(context.Background(), cursor, collect); err != nil {
		t.Fatal(err)
	}
	if diff := fmt.Sprint(got); diff != "[partial now complete]" {
		t.Errorf("next read %q, want the completed line alone", got)
	}
}

// TestS3RecentCheckpoints: the newest checkpoint is found with a few
// one-key LISTs (no full listing), for every count from 0 to 37.
func TestS3RecentCheckpoints(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := s3test.Start(t)
	lockedBucket(t, srv, "recent")
	w := newS3Store(t, srv, "recent")
	for n := 0; n <= 37; n++ {
		if n > 0 {
			err := w.AppendCheckpoint(ctx, func(last []byte) (uint64, []byte, error) {
				return uint64(n), []byte(fmt.Sprintf("%d\n", n)), nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		r := newS3Store(t, srv, "recent")
		c, err := r.RecentCheckpoints(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		if _, err := r.ReadCheckpointsFrom(ctx, c, func(l audit.Line) error { got = append(got, string(l.Data)); return nil }); err != nil {
			t.Fatal(err)
		}
		var want []string
		for i := max(1, n-4); i <= n; i++ {
			want = append(want, fmt.Sprint(i))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("with %d checkpoints: newest 5 read as %v, want %v", n, got, want)
		}
	}
}
