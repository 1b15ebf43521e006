package httpreq_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/httpreq"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Both front ends answer a code with the same status: the console used to
// answer 500 to consent_denied and to a bad sidecar, which the API
// answered 409 and 400.
func TestStatus(t *testing.T) {
	t.Parallel()
	for code, want := range map[phi.Code]int{
		phi.CodeConsentDenied:           http.StatusConflict,
		phi.CodeSidecarInvalid:          http.StatusBadRequest,
		phi.CodeSidecarMismatch:         http.StatusBadRequest,
		phi.CodeAudioInvalid:            http.StatusBadRequest,
		phi.CodeUnsupportedType:         http.StatusUnsupportedMediaType,
		phi.CodeLegalHold:               http.StatusConflict,
		phi.CodeNotFound:                http.StatusNotFound,
		phi.CodeForbidden:               http.StatusForbidden,
		httpreq.CodeMethodNotAllowed:    http.StatusMethodNotAllowed,
		httpreq.CodeRequestTimeout:      http.StatusRequestTimeout,
		phi.CodeInternal:                http.StatusInternalServerError,
		phi.CodeProviderError:           http.StatusInternalServerError,
		phi.Code("a_code_nobody_knows"): http.StatusInternalServerError,
	} {
		t.Run(string(code), func(t *testing.T) {
			if got := httpreq.Status(code); got != want {
				t.Errorf("Status(%s) = %d, want %d", code, got, want)
			}
		})
	}
}

// A handler's panic becomes fail's answer, and the log names the route,
// never the panic's value (which may quote content).
func TestServeRecovering(t *testing.T) {
	t.Parallel()
	const canary = "Canary-Patient-Zebulon"
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /x/{id}", func(http.ResponseWriter, *http.Request) { panic(canary) })
	mux.HandleFunc("GET /written", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusAccepted)
		panic(canary)
	})
	failed := 0
	fail := func(w http.ResponseWriter, _ *http.Request, err error) {
		failed++
		w.WriteHeader(httpreq.Status(phi.Safe(err).Code))
	}

	t.Run("NothingWritten", func(t *testing.T) {
		w := httptest.NewRecorder()
		rec := httpreq.NewRecorder(w)
		httpreq.ServeRecovering(mux, rec, httptest.NewRequest("GET", "/x/1", nil), log, fail)
		if rec.Status != http.StatusInternalServerError || failed != 1 {
			t.Errorf("status %d after %d fail calls, want 500 after 1", rec.Status, failed)
		}
	})
	t.Run("AlreadyWritten", func(t *testing.T) {
		w := httptest.NewRecorder()
		rec := httpreq.NewRecorder(w)
		httpreq.ServeRecovering(mux, rec, httptest.NewRequest("GET", "/written", nil), log, fail)
		if rec.Status != http.StatusAccepted || failed != 1 {
			t.Errorf("status %d after %d fail calls: a written answer was overwritten", rec.Status, failed)
		}
	})
	if strings.Contains(logs.String(), canary) {
		t.Errorf("the panic's value reached the log: %s", logs.String())
	}
	if n := strings.Count(logs.String(), "request panicked"); n != 2 {
		t.Errorf("%d panic lines logged, want 2:\n%s", n, logs.String())
	}
}

func TestMethod(t *testing.T) {
	t.Parallel()
	for m, want := range map[string]string{"GET": "GET", "DELETE": "DELETE", "PROPFIND": "other", "G\x00T": "other"} {
		if got := httpreq.Method(m); got != want {
			t.Errorf("Method(%q) = %q, want %q", m, got, want)
		}
	}
}
