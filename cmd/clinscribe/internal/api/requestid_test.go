package api_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
)

// The request ID and method a client sends end up in the access log under
// allowlisted keys, and the request ID in the audit trail, which is
// write-once for six years. An "ID-shaped" string can still be an MRN or a
// name, so only a UUID (or an ID of our own form) is taken from the
// client; anything else is replaced, and unknown methods are not logged.
func TestClientRequestIDAndMethodStayOut(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	_, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(id)
	for _, c := range []struct {
		sent string
		keep bool
	}{
		{"MRN-CANARY-1", false},
		{"ZeldaQuixote.1952-03-04", false},
		{"9f3c2a1e-4b7d-4e8a-9c1f-2d3e4f5a6b7c", true},
	} {
		req, _ := http.NewRequest("GET", f.url+"/v1/encounters/"+id+"/draft", nil)
		req.Header.Set("Authorization", "Bearer "+f.tokens["drA"])
		req.Header.Set("X-Request-Id", c.sent)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("X-Request-Id"); (got == c.sent) != c.keep || got == "" {
			t.Errorf("sent X-Request-Id %q, got %q back; kept: want %v", c.sent, got, c.keep)
		}
	}
	var trail strings.Builder
	files, _ := filepath.Glob(filepath.Join(f.cfg.Audit.Dir, "*", "*"))
	files2, _ := filepath.Glob(filepath.Join(f.cfg.Audit.Dir, "*"))
	for _, p := range append(files, files2...) {
		if b, err := os.ReadFile(p); err == nil {
			trail.Write(b)
		}
	}
	if trail.Len() == 0 {
		t.Fatal("no audit trail found")
	}
	for _, leak := range []string{"MRN-CANARY-1", "ZeldaQuixote"} {
		if strings.Contains(trail.String(), leak) {
			t.Errorf("the audit trail holds the client's request ID %q", leak)
		}
	}
	if !strings.Contains(trail.String(), "9f3c2a1e-4b7d-4e8a-9c1f-2d3e4f5a6b7c") {
		t.Error("a UUID request ID did not reach the audit trail")
	}

	ts, logs := bareServer(t, api.Options{})
	for _, method := range []string{"GET", "ZELDAQUIXOTE"} {
		req, _ := http.NewRequest(method, ts.URL+"/healthz", nil)
		req.Header.Set("X-Request-Id", "MRN-CANARY-1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	out := logs.String()
	if strings.Contains(out, "CANARY") || strings.Contains(out, "ZELDA") {
		t.Errorf("the access log holds client input: %s", out)
	}
	if !strings.Contains(out, `"route":"GET /healthz"`) {
		t.Errorf("the access log lacks the route pattern: %s", out)
	}
}
