// Package openaitest is a simulation of the OpenAI HTTP API — chat
// completions and audio transcriptions, at OpenAI's paths and at Azure
// OpenAI's — for tests and benchmarks. It is not the real service and
// makes no model calls:
//
//   - requests are checked against the published API's shapes (required
//     fields, types, the parameters each endpoint accepts — unknown ones
//     are refused as the real API refuses them, strict JSON-schema rules,
//     the per-model response formats of transcription) and every request
//     is recorded, so tests can assert what left the client: no `user`,
//     no metadata, store=false, the source only inside the data fence;
//   - chat answers are drafted from the fenced source by clinscribe's
//     offline extractive summarizer, so the pipeline gets real, evidence-
//     linked drafts; the answer follows the request's JSON schema;
//   - transcriptions decode "tone speech" (see SynthWAV): each word a tone
//     of its own frequency, so a recording cut anywhere still yields the
//     words and times a real recognizer would;
//   - a shared RPM/TPM quota answers 429 with Retry-After and
//     x-ratelimit-* headers when exceeded, across all clients;
//   - scenario knobs inject latency (fixed or proportional to audio
//     length), 429s, 5xx, hangs, malformed JSON, schema-invalid output,
//     context-length errors, unsupported sentences, Whisper's
//     hallucinated outros on silence, and planted errors (a dropped
//     finding, a swapped side, a changed dose, an invented number) for the
//     gateway's coverage and fact checks.
package openaitest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kind is an endpoint family.
type Kind string

const (
	KindChat          Kind = "chat"
	KindTranscription Kind = "transcription"
)

// Options configure a Server.
type Options struct {
	// APIKey is the key clients must send (Bearer for OpenAI paths,
	// api-key for Azure paths). Empty accepts any non-empty key.
	APIKey string
	// Latency is added to every response.
	Latency time.Duration
	// LatencyPerAudioSecond is added to transcriptions per second of
	// audio, as real recognizers take longer on longer audio.
	LatencyPerAudioSecond time.Duration
	// RPM and TPM are the shared quota; zero means unlimited. Tokens are
	// the prompt tokens (tiktoken, as clients count them) plus the answer's.
	RPM, TPM int
	// QuotaWindow is how much of a minute's quota may be spent at once
	// (the buckets' capacity). Zero means a whole minute.
	QuotaWindow time.Duration
	// ContextWindow is the model's context in tokens. Zero means 128000.
	ContextWindow int
	// MaxUploadBytes bounds an audio upload. Zero means 25 MiB (OpenAI's).
	MaxUploadBytes int64
	// AzureAPIVersions lists the api-version values Azure paths accept;
	// nil accepts any non-empty one.
	AzureAPIVersions []string
}

// Failure is an injected fault.
type Failure struct {
	// Status answers with this HTTP status and an OpenAI-shaped error.
	Status int
	// Code is the error's code ("rate_limit_exceeded", "server_error", ...).
	Code string
	// RetryAfter sets Retry-After (whole seconds) and retry-after-ms.
	RetryAfter time.Duration
	// ResetRequests and ResetTokens set x-ratelimit-reset-requests and
	// x-ratelimit-reset-tokens ("1s", "6m0s").
	ResetRequests, ResetTokens string
	// Hang never answers; the request ends when the client gives up.
	Hang bool
	// MalformedJSON answers 200 with a body that is not JSON.
	MalformedJSON bool
	// SchemaInvalid (chat) answers 200 with content that breaks the
	// request's JSON schema.
	SchemaInvalid bool
	// ContextLength (chat) answers 400 context_length_exceeded.
	ContextLength bool
}

// Request is a recorded request.
type Request struct {
	Time       time.Time
	Kind       Kind
	Method     string
	Path       string
	Query      url.Values
	Header     http.Header
	Azure      bool
	Deployment string
	// Body is the decoded JSON body of a chat request.
	Body map[string]any
	// Form holds a transcription's multipart fields (the file excluded).
	Form     map[string][]string
	FileName string
	FileSize int
	// BodySHA256 is the SHA-256 of the request body as received.
	BodySHA256 string
	// Status is what the server answered (0 while a hung request waits).
	Status int
	// Tokens charged to the quota.
	Tokens int
}

// Stats summarize what the server did.
type Stats struct {
	Requests      int
	QuotaRejected int // 429s from the shared quota
	Injected      int // faults from FailNext and SetOutage
	DuringOutage  int // requests answered by SetOutage's fault
	TokensCharged int // tokens accepted within the quota
	MaxInFlight   int // most requests being handled at once
	First, Last   time.Time
}

// Server is a running simulated API.
type Server struct {
	// URL is the server's base URL (http://127.0.0.1:port). OpenAI
	// clients use URL+"/v1"; Azure clients use URL.
	URL string

	opts  Options
	srv   *httptest.Server
	quota *quota
	now   func() time.Time

	mu                   sync.Mutex
	requests             []*Request
	failures             map[Kind][]Failure
	outage               *Failure
	unsupported          string
	planted              PlantedErrors
	plantedLog           []Planted
	hallucinateOnSilence bool
	stats                Stats
	inFlight             int
	hung                 chan struct{}
}

// New starts a Server; it stops when the test ends.
func New(t interface{ Cleanup(func()) }, opts Options) *Server {
	s := Start(opts)
	t.Cleanup(s.Close)
	return s
}

// Start starts a Server; call Close when done.
func Start(opts Options) *Server {
	if opts.ContextWindow == 0 {
		opts.ContextWindow = 128_000
	}
	if opts.MaxUploadBytes == 0 {
		opts.MaxUploadBytes = 25 << 20
	}
	if opts.QuotaWindow == 0 {
		opts.QuotaWindow = time.Minute
	}
	now := time.Now()
	s := &Server{
		opts: opts, now: time.Now, failures: map[Kind][]Failure{}, hung: make(chan struct{}),
		quota: &quota{req: newBucket(opts.RPM, opts.QuotaWindow, now), tok: newBucket(opts.TPM, opts.QuotaWindow, now)},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close stops the server, releasing hung requests.
func (s *Server) Close() {
	s.mu.Lock()
	select {
	case <-s.hung:
	default:
		close(s.hung)
	}
	s.mu.Unlock()
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// FailNext makes the next len(fs) requests of kind fail as described, in
// order.
func (s *Server) FailNext(kind Kind, fs ...Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[kind] = append(s.failures[kind], fs...)
}

// SetOutage makes every request of either kind fail as f (e.g.
// Failure{Status: 500}) until ClearOutage: a provider that is down. Such
// requests are counted in Stats.DuringOutage.
func (s *Server) SetOutage(f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outage = &f
}

// ClearOutage ends SetOutage's outage.
func (s *Server) ClearOutage() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outage = nil
}

// AddUnsupportedSentence makes chat answers carry one more sentence, with
// this text, citing the first source segment — a claim the source does
// not make, for evidence checks.
func (s *Server) AddUnsupportedSentence(text string) {
	s.mu.Lock()
	s.unsupported = text
	s.mu.Unlock()
}

// PlantedErrors make chat answers wrong the ways a real model's can be, so
// a test can show the gateway's checks catch them through a networked
// provider: each applies once per answer, to the first sentence it fits.
type PlantedErrors struct {
	// DropFinding leaves out the first sentence of the first objective
	// section (a finding the source states).
	DropFinding bool
	// SwapLaterality swaps left and right in the first sentence that has a side.
	SwapLaterality bool
	// ChangeDose changes the first dose (a number with a drug unit).
	ChangeDose bool
	// InventNumber adds a number the source does not hold to a sentence.
	InventNumber bool
}

// Planted is what one answer's planted error did.
type Planted struct {
	Kind     string   // drop, laterality, dose, invented_number
	Original string   // the sentence as the offline drafter wrote it
	Text     string   // as answered ("" when dropped)
	Evidence []string // what it cites (or cited, when dropped)
}

// PlantErrors makes later chat answers carry the errors in p (zero value:
// none).
func (s *Server) PlantErrors(p PlantedErrors) {
	s.mu.Lock()
	s.planted = p
	s.mu.Unlock()
}

// PlantedLog returns every planted error so far, in order.
func (s *Server) PlantedLog() []Planted {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Planted(nil), s.plantedLog...)
}

// HallucinateOnSilence makes transcriptions of audio that ends in silence
// carry a "Thanks for watching!" segment there, with the scores Whisper
// gives such segments, as Whisper does.
func (s *Server) HallucinateOnSilence(on bool) {
	s.mu.Lock()
	s.hallucinateOnSilence = on
	s.mu.Unlock()
}

// Requests returns the recorded requests, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = *r
	}
	return out
}

// Stats returns the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// Reset forgets recorded requests, counters and pending failures.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.stats, s.failures, s.outage = nil, Stats{}, map[Kind][]Failure{}, nil
}

var azurePathRE = regexp.MustCompile(`^/openai/deployments/([^/]+)/(chat/completions|audio/transcriptions)$`)

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rec := &Request{Time: s.now(), Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone()}
	// The SHA-256 of the bytes received, as the client's audit entry for
	// the request should state it.
	if raw, err := io.ReadAll(io.LimitReader(r.Body, 512<<20)); err == nil {
		sum := sha256.Sum256(raw)
		rec.BodySHA256 = hex.EncodeToString(sum[:])
		r.Body = io.NopCloser(bytes.NewReader(raw))
	}
	var op string
	switch {
	case r.URL.Path == "/v1/chat/completions":
		op = "chat/completions"
	case r.URL.Path == "/v1/audio/transcriptions":
		op = "audio/transcriptions"
	default:
		if m := azurePathRE.FindStringSubmatch(r.URL.Path); m != nil {
			rec.Azure, rec.Deployment, op = true, m[1], m[2]
		}
	}
	switch op {
	case "chat/completions":
		rec.Kind = KindChat
	case "audio/transcriptions":
		rec.Kind = KindTranscription
	}
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.stats.Requests++
	if s.stats.First.IsZero() {
		s.stats.First = rec.Time
	}
	s.stats.Last = rec.Time
	s.inFlight++
	s.stats.MaxInFlight = max(s.stats.MaxInFlight, s.inFlight)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()

	rw := &recorder{ResponseWriter: w, rec: rec, s: s}
	if op == "" {
		rw.apiError(http.StatusNotFound, "invalid_request_error", "unknown_url", fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path), "")
		return
	}
	if r.Method != http.MethodPost {
		rw.apiError(http.StatusMethodNotAllowed, "invalid_request_error", "method_not_allowed", "Only POST is supported", "")
		return
	}
	if !s.authorized(rw, r, rec) {
		return
	}
	if rec.Kind == KindChat {
		s.chat(rw, r, rec)
	} else {
		s.transcribe(rw, r, rec)
	}
}

func (s *Server) authorized(w *recorder, r *http.Request, rec *Request) bool {
	var key string
	if rec.Azure {
		v := r.URL.Query().Get("api-version")
		if v == "" {
			w.apiError(http.StatusNotFound, "invalid_request_error", "404", "Resource not found (api-version query parameter is required)", "")
			return false
		}
		if len(s.opts.AzureAPIVersions) > 0 && !contains(s.opts.AzureAPIVersions, v) {
			w.apiError(http.StatusBadRequest, "invalid_request_error", "BadRequest", "API version not supported", "")
			return false
		}
		if r.Header.Get("Authorization") != "" && r.Header.Get("api-key") == "" {
			// Entra ID tokens are not simulated.
			w.apiError(http.StatusUnauthorized, "invalid_request_error", "401", "Access denied due to invalid subscription key or wrong API endpoint.", "")
			return false
		}
		key = r.Header.Get("api-key")
	} else {
		key, _ = strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	}
	if key == "" || (s.opts.APIKey != "" && key != s.opts.APIKey) {
		w.apiError(http.StatusUnauthorized, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", "")
		return false
	}
	return true
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// nextFailure pops the next injected failure for kind.
func (s *Server) nextFailure(kind Kind) (Failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.outage != nil {
		s.stats.Injected++
		s.stats.DuringOutage++
		return *s.outage, true
	}
	fs := s.failures[kind]
	if len(fs) == 0 {
		return Failure{}, false
	}
	s.failures[kind] = fs[1:]
	s.stats.Injected++
	return fs[0], true
}

// inject answers an injected failure; it reports whether it did.
func (s *Server) inject(ctx context.Context, w *recorder, f Failure) bool {
	switch {
	case f.Hang:
		select {
		case <-ctx.Done():
		case <-s.hung:
		}
		w.rec.Status = 499 // client closed request
		return true
	case f.MalformedJSON:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"id":"chatcmpl-broken","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"{\"subj`))
		return true
	case f.Status != 0:
		if f.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int((f.RetryAfter+time.Second-1)/time.Second)))
			w.Header().Set("retry-after-ms", strconv.FormatInt(f.RetryAfter.Milliseconds(), 10))
		}
		if f.ResetRequests != "" {
			w.Header().Set("x-ratelimit-reset-requests", f.ResetRequests)
		}
		if f.ResetTokens != "" {
			w.Header().Set("x-ratelimit-reset-tokens", f.ResetTokens)
		}
		typ, code := "server_error", f.Code
		msg := "The server had an error while processing your request. Sorry about that!"
		switch {
		case f.Status == http.StatusTooManyRequests:
			typ, msg = "requests", "Rate limit reached for requests. Please try again later."
			if code == "" {
				code = "rate_limit_exceeded"
			}
		case f.Status < 500:
			typ, msg = "invalid_request_error", "Invalid request."
		}
		w.apiError(f.Status, typ, code, msg, "")
		return true
	}
	return false
}

// sleep waits d unless the client goes away first.
func (s *Server) sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.hung:
		return false
	}
}

// charge takes the request from the shared quota or answers 429.
func (s *Server) charge(w *recorder, tokens int) bool {
	ok, which, wait := s.quota.take(s.now(), tokens)
	if !ok {
		s.mu.Lock()
		s.stats.QuotaRejected++
		s.mu.Unlock()
		if wait > time.Hour {
			w.apiError(http.StatusTooManyRequests, "tokens", "rate_limit_exceeded",
				fmt.Sprintf("Request too large: %d tokens requested, more than the tokens per minute limit.", tokens), "")
			return false
		}
		w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		w.Header().Set("retry-after-ms", strconv.FormatInt(max(wait.Milliseconds(), 1), 10))
		w.Header().Set("x-ratelimit-reset-"+which, wait.Round(time.Millisecond).String())
		s.rateHeaders(w)
		w.apiError(http.StatusTooManyRequests, which, "rate_limit_exceeded",
			fmt.Sprintf("Rate limit reached for %s. Please try again in %s.", which, wait.Round(time.Millisecond)), "")
		return false
	}
	s.mu.Lock()
	w.rec.Tokens = tokens
	s.stats.TokensCharged += tokens
	s.mu.Unlock()
	return true
}

func (s *Server) rateHeaders(w *recorder) {
	req, tok, reqReset, tokReset := s.quota.remaining(s.now())
	h := w.Header()
	if s.opts.RPM > 0 {
		h.Set("x-ratelimit-limit-requests", strconv.Itoa(s.opts.RPM))
		h.Set("x-ratelimit-remaining-requests", strconv.Itoa(req))
		if h.Get("x-ratelimit-reset-requests") == "" {
			h.Set("x-ratelimit-reset-requests", reqReset.Round(time.Millisecond).String())
		}
	}
	if s.opts.TPM > 0 {
		h.Set("x-ratelimit-limit-tokens", strconv.Itoa(s.opts.TPM))
		h.Set("x-ratelimit-remaining-tokens", strconv.Itoa(tok))
		if h.Get("x-ratelimit-reset-tokens") == "" {
			h.Set("x-ratelimit-reset-tokens", tokReset.Round(time.Millisecond).String())
		}
	}
}

// recorder writes responses and records their status.
type recorder struct {
	http.ResponseWriter
	rec *Request
	s   *Server
}

func (w *recorder) WriteHeader(code int) {
	w.s.mu.Lock()
	w.rec.Status = code
	w.s.mu.Unlock()
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) json(status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	id := make([]byte, 12)
	_, _ = rand.Read(id)
	if w.rec.Azure {
		w.Header().Set("apim-request-id", hex.EncodeToString(id))
	} else {
		w.Header().Set("x-request-id", "req_"+hex.EncodeToString(id))
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (w *recorder) apiError(status int, typ, code, msg, param string) {
	e := map[string]any{"message": msg, "type": typ, "param": nil, "code": nil}
	if code != "" {
		e["code"] = code
	}
	if param != "" {
		e["param"] = param
	}
	w.json(status, map[string]any{"error": e})
}
