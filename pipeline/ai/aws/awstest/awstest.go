// Package awstest holds wire-protocol test servers for the AWS AI services
// the aws provider uses, so it is exercised through the real aws-sdk-go-v2
// clients (SigV4 signing, serialization, retries, error decoding) without
// a reachable AWS endpoint:
//
//   - Transcribe: Amazon Transcribe's JSON protocol (awsJson1_1,
//     X-Amz-Target: Transcribe.<Operation>) for the medical transcription
//     and HealthScribe job operations. It reads the staged recording from a
//     real S3-protocol server (storage/s3test) and writes the job output
//     back to it.
//   - Bedrock: the Bedrock runtime REST-JSON protocol for Converse
//     (POST /model/{modelId}/converse).
//
// Everything these servers "recognize" or "write" is SIMULATED. No speech
// is recognized: a job's transcript comes from a script registered for the
// recording's bytes (typically read from the sidecar caption file that
// comes with a sample recording) or from a canned default script. No model
// runs: the default Converse responder copies source segments into the
// requested sections (extractively, citing each one), and tests queue
// other replies (invalid output, errors, delays) to play the scenarios a
// real service produces. The servers check the request shapes the SDK
// sends (SigV4 Authorization header, target and content type, required
// fields) and answer errors in the AWS error shapes (X-Amzn-ErrorType,
// __type, message) so the SDK decodes them as it would AWS's.
package awstest

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
)

// Utterance is one line of a simulated recording's script.
type Utterance struct {
	Speaker string // the speaker's name in the script; mapped to spk_N or CLINICIAN_N/PATIENT_N
	StartMS int64
	EndMS   int64
	Text    string
}

// Fault is an error response a server sends instead of handling a request.
type Fault struct {
	Status  int
	Code    string
	Message string
}

// Faults AWS services send.
var (
	Throttling      = Fault{http.StatusBadRequest, "ThrottlingException", "Rate exceeded"}
	Throttling429   = Fault{http.StatusTooManyRequests, "ThrottlingException", "Too many requests, please wait before trying again."}
	LimitExceeded   = Fault{http.StatusBadRequest, "LimitExceededException", "You have exceeded the allowed request rate."}
	InternalFailure = Fault{http.StatusInternalServerError, "InternalFailureException", "We encountered an internal error. Please try again."}
	InternalServer  = Fault{http.StatusInternalServerError, "InternalServerException", "The server encountered an internal error."}
	Unavailable     = Fault{http.StatusServiceUnavailable, "ServiceUnavailableException", "The service is unavailable. Try again later."}
	AccessDenied    = Fault{http.StatusForbidden, "AccessDeniedException", "You don't have access to the model with the specified model ID."}
	// ContextTooLong is Bedrock's answer to a prompt over the model's
	// context window.
	ContextTooLong = Fault{http.StatusBadRequest, "ValidationException", "Input is too long for requested model."}
)

// recorder keeps request-shape violations and counts calls.
type recorder struct {
	mu         sync.Mutex
	violations []string
	calls      map[string]int
	faults     map[string][]Fault
	bodies     map[string][]map[string]any
}

func (r *recorder) violate(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.violations = append(r.violations, msg)
}

// Violations lists the request-shape problems the server saw (an unsigned
// request, a wrong content type, identifying metadata...). Tests assert
// it is empty.
func (r *recorder) Violations() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.violations...)
}

// Calls returns how many requests for op arrived.
func (r *recorder) Calls(op string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[op]
}

// Requests returns the JSON bodies of the requests for op, in order
// (Transcribe only; Bedrock keeps whole requests, see Bedrock.Requests).
func (r *recorder) Requests(op string) []map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]map[string]any(nil), r.bodies[op]...)
}

func (r *recorder) keep(op string, body map[string]any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bodies == nil {
		r.bodies = map[string][]map[string]any{}
	}
	r.bodies[op] = append(r.bodies[op], body)
}

// Fail queues faults for op: its next len(faults) requests get them, in
// order, instead of being handled.
func (r *recorder) Fail(op string, faults ...Fault) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.faults == nil {
		r.faults = map[string][]Fault{}
	}
	r.faults[op] = append(r.faults[op], faults...)
}

// enter counts a call and returns a queued fault for it, if any.
func (r *recorder) enter(op string) (Fault, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.calls == nil {
		r.calls = map[string]int{}
	}
	r.calls[op]++
	if q := r.faults[op]; len(q) > 0 {
		r.faults[op] = q[1:]
		return q[0], true
	}
	return Fault{}, false
}

// checkSigV4 checks that a request is SigV4-signed for service.
func (r *recorder) checkSigV4(req *http.Request, service string) bool {
	auth := req.Header.Get("Authorization")
	if !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 ") || !strings.Contains(auth, "/"+service+"/aws4_request") ||
		!strings.Contains(auth, "SignedHeaders=") || !strings.Contains(auth, "Signature=") || req.Header.Get("X-Amz-Date") == "" {
		r.violate("request is not SigV4-signed for " + service)
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, contentType string, v any) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-RequestId", newUUID())
	_ = json.NewEncoder(w).Encode(v)
}

// writeFault answers in the shape both awsJson1_1 and restJson1 clients
// decode: the code in X-Amzn-ErrorType and in __type, the text in message.
func writeFault(w http.ResponseWriter, contentType string, f Fault) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-ErrorType", f.Code)
	w.Header().Set("X-Amzn-RequestId", newUUID())
	w.WriteHeader(f.Status)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": f.Code, "message": f.Message})
}

// Total returns how many requests arrived, for all operations.
func (r *recorder) Total() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, c := range r.calls {
		n += c
	}
	return n
}

// BadRequest is a permanent client error.
var BadRequest = Fault{http.StatusBadRequest, "ValidationException", "The request is not valid."}
