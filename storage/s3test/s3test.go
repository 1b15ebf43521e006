// Package s3test starts a real S3-protocol server for tests: versitygw
// (github.com/versity/versitygw) with its posix backend in a temporary
// directory. The binary is built once with `go install` into a cache
// directory outside the repository (the build takes minutes) and reused.
//
// Set VERSITYGW_BIN to use a binary you already have.
package s3test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Version is the versitygw release the tests run against.
const Version = "v1.8.0"

const (
	accessKey = "clinscribe-test"
	secretKey = "clinscribe-test-secret"
	region    = "us-east-1"
)

// Server is a running versitygw.
type Server struct {
	Endpoint string // http://127.0.0.1:port
	Dir      string // the posix backend's root: buckets are its subdirectories
}

// Start runs versitygw for the test and stops it at cleanup. If the binary
// cannot be found or built the test fails (never skips) with the reason.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatalf("s3test: versitygw is needed for the S3 tests and could not be built: %v\n"+
			"(build it once with: GOBIN=%s go install github.com/versity/versitygw/cmd/versitygw@%s, or set VERSITYGW_BIN)",
			err, cacheDir(), Version)
	}
	dir := t.TempDir()
	addr, err := freeAddr()
	if err != nil {
		t.Fatalf("s3test: %v", err)
	}
	cmd := exec.Command(bin, "--access", accessKey, "--secret", secretKey, "--region", region,
		"--port", addr, "--quiet", "--keep-alive", "posix", dir)
	cmd.Env = append(os.Environ(), "VGW_LOG_LEVEL=silent")
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("s3test: start versitygw: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			t.Fatalf("s3test: versitygw exited at start:\n%s", logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("s3test: versitygw did not listen on %s within 20s:\n%s", addr, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return &Server{Endpoint: "http://" + addr, Dir: dir}
}

// Client returns an S3 client for the server (path-style, static test
// credentials).
func (s *Server) Client() *s3.Client {
	return s3.New(s3.Options{
		Region:       region,
		BaseEndpoint: aws.String(s.Endpoint),
		UsePathStyle: true,
		Credentials:  credentials.NewStaticCredentialsProvider(accessKey, secretKey, ""),
	})
}

// Credentials returns the server's access key pair, for code under test
// that builds its own client from configuration.
func Credentials() (accessKeyID, secret string) { return accessKey, secretKey }

// Bucket creates a bucket and returns its name.
func (s *Server) Bucket(t testing.TB, name string) string {
	t.Helper()
	_, err := s.Client().CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
	if err != nil {
		t.Fatalf("s3test: create bucket %q: %v", name, err)
	}
	return name
}

// LockedBucket creates a bucket with Object Lock enabled (as the audit
// trail's store requires) and returns its name.
func (s *Server) LockedBucket(t testing.TB, name string) string {
	t.Helper()
	_, err := s.Client().CreateBucket(context.Background(), &s3.CreateBucketInput{
		Bucket: aws.String(name), ObjectLockEnabledForBucket: aws.Bool(true)})
	if err != nil {
		t.Fatalf("s3test: create bucket %q with object lock: %v", name, err)
	}
	return name
}

func cacheDir() string {
	if d := os.Getenv("CLINSCRIBE_TOOL_CACHE"); d != "" {
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "clinscribe", "bin")
}

// Binary returns the path of a versitygw binary, building it into the
// cache directory if needed. Concurrent test processes serialize on a lock
// file so the module is built once.
func Binary() (string, error) {
	if p := os.Getenv("VERSITYGW_BIN"); p != "" {
		return p, nil
	}
	dir := cacheDir()
	bin := filepath.Join(dir, "versitygw")
	stamp := bin + "." + Version
	if fileExists(bin) && fileExists(stamp) {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".versitygw.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	if fileExists(bin) && fileExists(stamp) {
		return bin, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "install", "github.com/versity/versitygw/cmd/versitygw@"+Version)
	// Build outside any module so the project's go.mod is not consulted.
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go install versitygw@%s: %v\n%s", Version, err, out)
	}
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		return "", err
	}
	return bin, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}
