// Package echotest is an AI provider for tests that makes real HTTP requests
// to a Server the test controls — a test double for a remote model. The
// server computes, from the bytes it received, the SHA-256 of each
// request's input the way the gateway's audit entries do, and records it:
// a test can then check that every request that reached the provider has
// its intent and outcome entries. The server can hold its responses until
// released, so a test can kill a worker mid-call.
//
// It is not a provider for real use. The clinscribe binary contains it
// only when built with the tag clinscribe_testprovider (see
// cmd/clinscribe/internal/app/testprovider.go); a normal build refuses the
// provider kind.
package echotest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/source"
)

// Kind is the provider kind in configuration.
const Kind = "aitest-http"

// Models the server reports.
const (
	SummarizeModel  = "aitest-echo-1"
	TranscribeModel = "aitest-asr-1"
)

// Attestation is what the double states: the server keeps hashes and
// request IDs only.
var Attestation = ai.Attestation{ZeroRetention: true, Agreement: "aitest-double-keeps-hashes-only"}

// Request is what the server recorded about one request it received.
type Request struct {
	Task        ai.Task
	InputSHA256 string // computed by the server from the body it received
	RequestID   string // the provider request ID it answered (or would have) with
	Answered    bool   // a response was sent
	Abandoned   bool   // the client went away (or was killed) while the answer was held
}

// Server is the provider's remote end.
type Server struct {
	URL string

	srv *http.Server
	ln  net.Listener

	mu      sync.Mutex
	reqs    []Request
	hold    chan struct{} // non-nil while responses are held
	arrived chan Request
}

// NewServer starts a server on a free local port.
func NewServer() (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String(), ln: ln, arrived: make(chan Request, 1024)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/summarize", s.summarize)
	mux.HandleFunc("POST /v1/transcribe", s.transcribe)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server, releasing held requests.
func (s *Server) Close() {
	s.Release()
	s.srv.Close()
}

// Requests returns what the server received so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// Arrived delivers each request as it arrives (before any hold).
func (s *Server) Arrived() <-chan Request { return s.arrived }

// Hold makes later requests wait for Release before they are answered.
func (s *Server) Hold() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold == nil {
		s.hold = make(chan struct{})
	}
}

// Release answers held requests and stops holding.
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
}

// record notes a request and returns its index and the hold to wait on.
func (s *Server) record(task ai.Task, input string) (int, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := Request{Task: task, InputSHA256: input, RequestID: fmt.Sprintf("aitest-req-%d", len(s.reqs)+1)}
	s.reqs = append(s.reqs, r)
	select {
	case s.arrived <- r:
	default:
	}
	return len(s.reqs) - 1, s.hold
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, i int, hold chan struct{}, body any) {
	if hold != nil {
		select {
		case <-hold:
		case <-r.Context().Done(): // the client went away (or was killed)
			s.mu.Lock()
			s.reqs[i].Abandoned = true
			s.mu.Unlock()
			return
		}
	}
	s.mu.Lock()
	s.reqs[i].Answered = true
	id := s.reqs[i].RequestID
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Request-Id", id)
	_ = json.NewEncoder(w).Encode(body)
}

type summarizeBody struct {
	TemplateVersion string              `json:"template_version"`
	SectionKey      string              `json:"section_key"`
	SectionTitle    string              `json:"section_title"`
	Segments        []encounter.Segment `json:"segments"`
}

type summarizeReply struct {
	Model     string              `json:"model"`
	Sections  []encounter.Section `json:"sections"`
	TokensIn  int                 `json:"tokens_in"`
	TokensOut int                 `json:"tokens_out"`
}

func (s *Server) summarize(w http.ResponseWriter, r *http.Request) {
	var b summarizeBody
	if err := json.NewDecoder(io.LimitReader(r.Body, 32<<20)).Decode(&b); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// The gateway's formula (ai.SummarizeInputHash), from what arrived.
	input := hashJSON(struct {
		Template string
		Segments any
	}{b.TemplateVersion, b.Segments})
	i, hold := s.record(ai.TaskSummarize, input)
	sec := encounter.Section{Key: b.SectionKey, Title: b.SectionTitle}
	words := 0
	for _, seg := range b.Segments {
		sec.Sentences = append(sec.Sentences, encounter.Sentence{Text: seg.Text, Evidence: []string{seg.ID}})
		words += len(bytes.Fields([]byte(seg.Text)))
	}
	s.answer(w, r, i, hold, summarizeReply{Model: SummarizeModel, Sections: []encounter.Section{sec}, TokensIn: words + 50, TokensOut: words})
}

type transcribeBody struct {
	Audio         []byte `json:"audio"`
	Sidecar       []byte `json:"sidecar"`
	SidecarFormat string `json:"sidecar_format"`
	Language      string `json:"language"`
}

type transcribeReply struct {
	Model    string              `json:"model"`
	Segments []encounter.Segment `json:"segments"`
}

func (s *Server) transcribe(w http.ResponseWriter, r *http.Request) {
	var b transcribeBody
	if err := json.NewDecoder(io.LimitReader(r.Body, 64<<20)).Decode(&b); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	audioSum := sha256.Sum256(b.Audio)
	input := hashJSON(struct {
		Audio    string
		Sidecar  string
		Language string
	}{hex.EncodeToString(audioSum[:]), hashBytes(b.Sidecar), b.Language})
	i, hold := s.record(ai.TaskTranscribe, input)
	// A real model would listen; the double reads the sidecar.
	cues, err := caption.Parse(b.Sidecar, caption.Format(b.SidecarFormat))
	if err != nil {
		http.Error(w, "sidecar required", http.StatusUnprocessableEntity)
		return
	}
	s.answer(w, r, i, hold, transcribeReply{Model: TranscribeModel, Segments: source.FromCues(cues)})
}

func hashBytes(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func hashJSON(v any) string {
	b, _ := json.Marshal(v)
	return hashBytes(b)
}

// NewProvider returns a provider that sends every request to baseURL.
func NewProvider(name, baseURL string) *ai.Provider {
	c := &client{base: baseURL, http: &http.Client{}}
	return &ai.Provider{
		Name: name, Kind: Kind, Attestation: Attestation,
		Transcriber: c, Summarizer: c,
		Models: map[ai.Task]string{ai.TaskTranscribe: TranscribeModel, ai.TaskSummarize: SummarizeModel},
	}
}

type client struct {
	base string
	http *http.Client
}

func (c *client) post(ctx context.Context, path string, in, out any) (string, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return "", phi.Errorf(phi.CodeInternal, "request could not be encoded")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return "", phi.Errorf(phi.CodeNotConfigured, "bad aitest URL")
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeProviderError, "aitest server unreachable")
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", phi.Errorf(phi.CodeProviderRejected, "aitest server answered %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return "", phi.Wrap(err, phi.CodeOutputInvalid, "aitest answer is not JSON")
	}
	return resp.Header.Get("X-Request-Id"), nil
}

// Summarize implements ai.Summarizer.
func (c *client) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	b := summarizeBody{TemplateVersion: req.Template.Version(), Segments: req.Segments, SectionKey: "summary", SectionTitle: "Summary"}
	if len(req.Template.Sections) > 0 {
		b.SectionKey, b.SectionTitle = req.Template.Sections[0].Key, req.Template.Sections[0].Title
	}
	var out summarizeReply
	id, err := c.post(ctx, "/v1/summarize", b, &out)
	if err != nil {
		return nil, err
	}
	return &ai.SummarizeResult{Sections: out.Sections, Model: out.Model, Method: "aitest-echo",
		Notice: "Test double: every source sentence echoed.", RequestID: id,
		Usage: ai.Usage{InputTokens: out.TokensIn, OutputTokens: out.TokensOut}}, nil
}

// Transcribe implements ai.Transcriber.
func (c *client) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	rc, err := req.Audio.Open(ctx)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "recording unavailable")
	}
	audio, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "recording unreadable")
	}
	var out transcribeReply
	id, err := c.post(ctx, "/v1/transcribe", transcribeBody{Audio: audio, Sidecar: req.Sidecar, SidecarFormat: string(req.SidecarFormat), Language: req.Language}, &out)
	if err != nil {
		return nil, err
	}
	return &ai.TranscribeResult{Segments: out.Segments, Source: "provider", Model: out.Model, RequestID: id}, nil
}
