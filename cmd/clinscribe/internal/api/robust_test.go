package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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
	s := api.New(api.Config{}, nil, tokens, nil, nil, log, opts)
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
