package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// syncBuffer is a log sink the server's goroutines may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// bareServer is an API server without a pipeline, logging like `clinscribe
// serve` does (the PHI-safe handler, also behind http.Server.ErrorLog), for
// tests of the HTTP layer itself.
func bareServer(t *testing.T, opts api.Options) (*httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	log := slog.New(phi.NewLogHandler(slog.NewJSONHandler(logs, nil)))
	tokens, err := access.LoadTokens(filepath.Join(t.TempDir(), "tokens.yaml"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := api.New(api.Config{}, downServices(), tokens, log, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(s.Handler())
	ts.Config.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts, logs
}

// A panic in a handler must end in an ordinary 500 error answer, and
// neither the panic value (which may quote content) nor anything else of
// it may reach the log: net/http's own recovery would drop the connection
// and log "http: panic serving ...: <value>" as the log message, which the
// PHI log handler does not redact.
func TestHandlerPanicIsContained(t *testing.T) {
	t.Parallel()
	canary := "Zelda Quixote MRN-CANARY-1"
	ts, logs := bareServer(t, api.Options{Health: http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(fmt.Errorf("cannot render the note of %s", canary))
	})})
	resp, err := http.Get(ts.URL + "/readyz")
	if err != nil {
		t.Fatalf("no answer (connection dropped?): %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if resp.StatusCode != http.StatusInternalServerError || json.Unmarshal(b, &e) != nil || e.Error.Code != string(phi.CodeInternal) {
		t.Errorf("answer = %d %s; want 500 with code internal", resp.StatusCode, b)
	}
	for _, out := range []string{string(b), logs.String()} {
		if strings.Contains(out, "Zelda") || strings.Contains(out, "CANARY") {
			t.Errorf("the panic value leaked: %s", out)
		}
	}
	if !strings.Contains(logs.String(), "panic") {
		t.Errorf("the panic was not logged at all: %s", logs.String())
	}
}

// A client that sends its headers and then stalls in the body must not hold
// a handler (and the upload's resources) forever: api.upload_timeout and
// api.request_timeout bound the reading of the body too, not only the
// handler's context, which a blocked body read does not notice. The answer
// is 408: the client's delay, not a gateway's (504).
func TestStalledBodyTimesOut(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *configT) {
		c.API.UploadTimeout = 300 * time.Millisecond
		c.API.RequestTimeout = 300 * time.Millisecond
	})
	meta := string(metadata("MRN-1", "dr-okafor"))
	wav, err := os.ReadFile(filepath.Join(samples, "rec-cough-telehealth.wav"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, head, body string }{
		{"Upload", "POST /v1/encounters HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=BND\r\nAuthorization: Bearer " + f.tokens["platform"],
			"--BND\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + meta +
				"\r\n--BND\r\nContent-Disposition: form-data; name=\"note\"\r\nContent-Type: text/plain\r\n\r\nHPI: cough for"},
		{"Recording", "POST /v1/encounters HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=BND\r\nAuthorization: Bearer " + f.tokens["platform"],
			"--BND\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + meta +
				"\r\n--BND\r\nContent-Disposition: form-data; name=\"audio\"\r\nContent-Type: audio/wav\r\n\r\n" + string(wav[:64<<10])},
		{"JSON", "PUT /v1/consent HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer " + f.tokens["platform"],
			`{"patient_id": "MRN-1", "ai_processing": `},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			conn, err := net.Dial("tcp", strings.TrimPrefix(f.url, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			// The body is announced at 1 MB and cut short: the client stalls.
			fmt.Fprintf(conn, "%s\r\nHost: clinscribe\r\nContent-Length: 1000000\r\n\r\n%s", c.head, c.body)
			conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			start := time.Now()
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("no answer %s after the client stalled: %v", time.Since(start).Round(time.Millisecond), err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(b), "request_timeout") {
				t.Errorf("status %d %s for a body that never arrived; want 408 request_timeout", resp.StatusCode, b)
			}
		})
	}
}
