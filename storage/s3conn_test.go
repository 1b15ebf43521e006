package storage_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/s3test"
)

// TestS3ReusesConnections: requests to the S3-protocol server go over
// kept-alive connections, including a read closed before its body's end
// (as a Vault reader closes after the last segment's tag). Before, the
// test server closed every connection and an early Close discarded it, so
// each request paid a TCP connect (issue 18's S3 figures).
func TestS3ReusesConnections(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	bucket := srv.Bucket(t, "conns")
	var dials atomic.Int64
	tr := http.DefaultTransport.(*http.Transport).Clone()
	var d net.Dialer
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials.Add(1)
		return d.DialContext(ctx, network, addr)
	}
	ak, sk := s3test.Credentials()
	client := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.Endpoint), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(ak, sk, ""), HTTPClient: &http.Client{Transport: tr}})
	bs, err := storage.NewS3(client, storage.S3Config{Bucket: bucket})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	body := bytes.Repeat([]byte("x"), 1000)
	const rounds = 10
	for range rounds {
		if err := bs.Put(ctx, "a/x", bytes.NewReader(body), storage.Overwrite); err != nil {
			t.Fatal(err)
		}
		if err := bs.Put(ctx, "a/x", bytes.NewReader(body), storage.CreateOnly); err != storage.ErrExists {
			t.Fatalf("create-only over an object: %v", err)
		}
		r, err := bs.Get(ctx, "a/x")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(r, make([]byte, 10)); err != nil { // closed early
			t.Fatal(err)
		}
		r.Close()
		if _, err := bs.Get(ctx, "a/missing"); err != storage.ErrNotFound {
			t.Fatalf("missing object: %v", err)
		}
		if _, err := bs.List(ctx, "a/"); err != nil {
			t.Fatal(err)
		}
		if err := bs.Delete(ctx, "a/gone"); err != nil {
			t.Fatal(err)
		}
	}
	// Sequential requests need one connection; allow for the server or the
	// pool closing an idle one now and then.
	if n := dials.Load(); n > 3 {
		t.Fatalf("%d connections dialed for %d sequential requests: connections are not reused", n, rounds*6)
	}
}
