// Package httpreq is what every HTTP request to clinscribe gets, from the
// API and the review console alike: a request ID, a content-free access-log
// line, a panic turned into a content-free 500, and one HTTP status for each
// pipeline error code. One copy, so the two front ends cannot drift apart
// (they had: the console answered 500 to a consent refusal the API
// answered 409).
package httpreq

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Codes of the HTTP layer itself, beside the pipeline's.
const (
	// CodeMethodNotAllowed: the path is served, but not for this method.
	CodeMethodNotAllowed phi.Code = "method_not_allowed"
	// CodeRequestTimeout: the client did not send its request (body)
	// within the server's read deadline.
	CodeRequestTimeout phi.Code = "request_timeout"
)

var statusOf = map[phi.Code]int{
	CodeMethodNotAllowed: http.StatusMethodNotAllowed, CodeRequestTimeout: http.StatusRequestTimeout,
	phi.CodeNotFound: http.StatusNotFound, phi.CodeForbidden: http.StatusForbidden,
	phi.CodeUnauthenticated: http.StatusUnauthorized, phi.CodeInvalidInput: http.StatusBadRequest,
	phi.CodeEmptyInput: http.StatusBadRequest, phi.CodeNotUTF8: http.StatusBadRequest,
	phi.CodeSidecarInvalid: http.StatusBadRequest, phi.CodeSidecarMismatch: http.StatusBadRequest, phi.CodeAudioInvalid: http.StatusBadRequest,
	phi.CodeUnsupportedType: http.StatusUnsupportedMediaType, phi.CodeTooLarge: http.StatusRequestEntityTooLarge,
	phi.CodeConflict: http.StatusConflict, phi.CodeLegalHold: http.StatusConflict, phi.CodeRetentionFloor: http.StatusConflict,
	phi.CodeConsentDenied:    http.StatusConflict,
	phi.CodeAuditUnavailable: http.StatusServiceUnavailable, phi.CodeStorage: http.StatusServiceUnavailable,
	phi.CodeNotConfigured: http.StatusNotImplemented, phi.CodeTimeout: http.StatusGatewayTimeout,
	phi.CodeCanceled: http.StatusServiceUnavailable,
}

// Status is the HTTP status for an error code: 500 for a code that names
// a failure of ours or of a provider (and for any code not listed).
func Status(c phi.Code) int {
	if s, ok := statusOf[c]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// NewID is a fresh request ID: "req_" and 24 hex digits.
func NewID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "req_" + hex.EncodeToString(b)
}

// Method is the request method as the access log writes it: the methods
// the front ends serve, and "other" for anything a client made up (a
// method is client text).
func Method(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}

// Recorder is a ResponseWriter that remembers the status it answered and
// whether anything was written.
type Recorder struct {
	http.ResponseWriter
	Status int
	Wrote  bool
}

// NewRecorder wraps w; the status is 200 until a handler says otherwise.
func NewRecorder(w http.ResponseWriter) *Recorder {
	return &Recorder{ResponseWriter: w, Status: http.StatusOK}
}

func (r *Recorder) WriteHeader(code int) {
	if !r.Wrote {
		r.Status, r.Wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *Recorder) Write(b []byte) (int, error) {
	r.Wrote = true
	return r.ResponseWriter.Write(b)
}

// ReadFrom sends io.Copy (http.ServeContent's range answers) through
// Write, which records that something was written.
func (r *Recorder) ReadFrom(src io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{r}, src)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *Recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// ServeRecovering runs next and turns its panic into fail's content-free
// 500 (when nothing was written yet). Left to net/http, the panic would
// drop the connection and be logged as "http: panic serving ...: <value>",
// the value (which may quote content) in the message. The log line names
// the route and the stack's size, never the value.
func ServeRecovering(next http.Handler, w *Recorder, r *http.Request, log *slog.Logger, fail func(http.ResponseWriter, *http.Request, error)) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v) // the handler's way to abort a response: not a failure
		}
		log.Error("request panicked", "route", r.Pattern, "stack_bytes", len(debug.Stack()))
		if !w.Wrote {
			fail(w, r, phi.Errorf(phi.CodeInternal, "internal error (%T)", v))
		}
	}()
	next.ServeHTTP(w, r)
}
