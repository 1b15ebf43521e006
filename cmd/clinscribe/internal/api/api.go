// Package api is clinscribe's HTTP API (`clinscribe serve`): JSON over
// net/http, bearer tokens checked against stored hashes, one role per token,
// and every decision taken by the pipeline — which authorizes, audits and
// refuses the same way whatever the entry point. The OpenAPI document is
// docs/openapi.yaml.
//
// Nothing a client sends reaches a log line as it is: the access log names
// the route pattern (not the raw path), the status, the request ID and the
// caller's role; errors are pipeline codes with content-free messages.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/httpreq"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Config configures the API server.
type Config struct {
	// Listen is the address to serve on. Zero means "127.0.0.1:8080": this
	// machine only. To serve other machines, name the interface or ":8080"
	// (all interfaces), with TLS here (tls_cert_file) or at a proxy in front.
	Listen string `yaml:"listen"`
	// TokensFile holds the hashed bearer tokens (see `clinscribe token`).
	TokensFile string `yaml:"tokens_file"`
	// TokensReload is how often `serve` looks at the token file for
	// tokens created or revoked since it started. Zero means 250ms (a
	// change takes effect within a second); negative means never (restart
	// to apply changes).
	TokensReload time.Duration `yaml:"tokens_reload"`
	// TokenTTL is how long a token for a person (provider, patient,
	// reviewer, ops) is valid unless `token create -ttl` says otherwise.
	// Zero means 2160h (90 days).
	TokenTTL time.Duration `yaml:"token_ttl"`
	// PlatformTokenTTL is the same for the clinic's systems (platform
	// tokens). Zero means they do not expire: a machine credential that
	// lapses unannounced stops every submission of the clinic at once, so
	// it is rotated deliberately instead (create the new one, deploy it,
	// revoke the old one; `token list` shows each token's age).
	PlatformTokenTTL time.Duration `yaml:"platform_token_ttl"`
	// MaxJSONBytes bounds JSON request bodies. Zero means 1 MiB.
	MaxJSONBytes int64 `yaml:"max_json_bytes"`
	// RequestTimeout bounds a request other than an upload. Zero means 30s.
	RequestTimeout time.Duration `yaml:"request_timeout"`
	// UploadTimeout bounds a submission upload (and a recording streamed
	// back). Zero means 15 minutes.
	UploadTimeout time.Duration `yaml:"upload_timeout"`
	// TLSCertFile and TLSKeyFile serve HTTPS; empty serves HTTP (put TLS
	// in front, e.g. at the ingress).
	TLSCertFile string `yaml:"tls_cert_file"`
	TLSKeyFile  string `yaml:"tls_key_file"`
	// DisplayNames name the organisation and the people and systems that
	// act on records, for patients' readable access logs. Never patient
	// names: patients appear as "you" or "another patient".
	DisplayNames audit.Names `yaml:"display_names"`
}

// DefaultListen is where `serve` listens unless api.listen says otherwise.
const DefaultListen = "127.0.0.1:8080"

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.Listen == "" {
		c.Listen = DefaultListen
	}
	if c.TokensReload == 0 {
		c.TokensReload = 250 * time.Millisecond
	}
	if c.TokenTTL == 0 {
		c.TokenTTL = 90 * 24 * time.Hour
	}
	if c.MaxJSONBytes == 0 {
		c.MaxJSONBytes = 1 << 20
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = 30 * time.Second
	}
	if c.UploadTimeout == 0 {
		c.UploadTimeout = 15 * time.Minute
	}
	return c
}

// TokenTTLFor is how long a new token for role is valid by default; zero
// means no expiry.
func (c Config) TokenTTLFor(role access.Role) time.Duration {
	if role == access.RolePlatform {
		return c.PlatformTokenTTL
	}
	return c.TokenTTL
}

// Validate names every problem of the settings.
func (c Config) Validate() error {
	var errs []error
	if _, port, err := net.SplitHostPort(c.Listen); c.Listen != "" && (err != nil || port == "") {
		errs = append(errs, fmt.Errorf("api.listen: %q is not host:port (e.g. 127.0.0.1:8080, or :8080 for every interface)", c.Listen))
	}
	if c.TokenTTL < 0 || c.PlatformTokenTTL < 0 {
		errs = append(errs, errors.New("api.token_ttl and api.platform_token_ttl: must not be negative"))
	}
	if (c.TLSCertFile == "") != (c.TLSKeyFile == "") {
		errs = append(errs, errors.New("api.tls_cert_file and api.tls_key_file go together"))
	}
	if err := c.DisplayNames.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("api.display_names: %w", err))
	}
	return errors.Join(errs...)
}

// Services are what the handlers call, each the small interface its
// handlers need; all are required (cmd/clinscribe/internal/app wires the
// pipeline's services in).
type Services struct {
	Intake     Intake
	Drafts     Drafts
	Reviews    Reviews
	Consent    Consent
	Pseudonyms Pseudonyms
	Deletion   Deletion
	Human      HumanQueue
	Worklist   Worklist
	Sources    Sources
	Deliveries Deliveries
	Guard      Guard
	// AuditRows reads the audit trail (the configured sink).
	AuditRows access.AuditRows
}

func (s Services) validate() error {
	if s.Intake == nil || s.Drafts == nil || s.Reviews == nil || s.Consent == nil || s.Pseudonyms == nil ||
		s.Deletion == nil || s.Human == nil || s.Worklist == nil || s.Sources == nil || s.Deliveries == nil ||
		s.Guard == nil || s.AuditRows == nil {
		return errors.New("api.New: every service is required")
	}
	return nil
}

// Guard refuses (and audits the refusal of) an action that concerns no
// particular encounter, and exports the audit trail to who may see it
// (*access.Guard).
type Guard interface {
	Deny(ctx context.Context, who access.Who, act access.Action, meta *encounter.Meta) error
	ExportAudit(ctx context.Context, who access.Who, f audit.Filter, read access.AuditRows) ([]audit.Row, error)
}

// Server serves the API.
type Server struct {
	cfg     Config
	svc     Services
	tokens  *access.Tokens
	log     *slog.Logger
	mux     *http.ServeMux
	extra   http.Handler
	console http.Handler
	now     func() time.Time
	ehr     EHRStatus
}

// Options carry the Server's optional parts.
type Options struct {
	// Health serves /healthz, /readyz and /metrics when set.
	Health http.Handler
	// Console serves the review console under /console/ on the same
	// listener (cmd/clinscribe/internal/console), when set.
	Console http.Handler
	Now     func() time.Time
	// EHR reports EHR write-back per version in the status answer (nil:
	// write-back is off and the answer has no "ehr" field).
	EHR EHRStatus
}

// EHRStatus is the write-back state of an encounter (*ehr.Deliverer).
type EHRStatus interface {
	Status(ctx context.Context, encounterID string) ([]ehr.Delivery, error)
}

// New returns a Server.
func New(cfg Config, svc Services, tokens *access.Tokens, log *slog.Logger, opts Options) (*Server, error) {
	if err := svc.validate(); err != nil {
		return nil, err
	}
	if tokens == nil || log == nil {
		return nil, errors.New("api.New: tokens and log are required")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{cfg: cfg.WithDefaults(), svc: svc, tokens: tokens, log: log,
		mux: http.NewServeMux(), extra: opts.Health, console: opts.Console, now: opts.Now, ehr: opts.EHR}
	s.routes()
	return s, nil
}

// Handler is the API with its middleware.
func (s *Server) Handler() http.Handler { return s.withRequestID(http.HandlerFunc(s.serveRoutes)) }

type route struct {
	pattern string
	fn      func(http.ResponseWriter, *http.Request, access.Who)
}

// table is every authenticated route.
func (s *Server) table() []route {
	return []route{
		{"POST /v1/encounters", s.submit},
		{"GET /v1/encounters", s.list},
		{"GET /v1/encounters/{id}", s.status},
		{"GET /v1/encounters/{id}/transcript", s.transcript},
		{"GET /v1/encounters/{id}/source/note", s.sourceNote},
		{"GET /v1/encounters/{id}/source/audio", s.sourceAudio},
		{"POST /v1/encounters/{id}/versions", s.write},
		{"POST /v1/encounters/{id}/regenerate", s.regenerate},
		{"PUT /v1/encounters/{id}/assignee", s.assign},
		{"GET /v1/encounters/{id}/draft", s.draft},
		{"GET /v1/encounters/{id}/explanation", s.explain},
		{"POST /v1/encounters/{id}/versions/{version}/sign", s.sign},
		{"POST /v1/encounters/{id}/versions/{version}/edit", s.edit},
		{"POST /v1/encounters/{id}/versions/{version}/not-in-draft", s.pullIn},
		{"POST /v1/encounters/{id}/versions/{version}/reject", s.reject},
		{"POST /v1/encounters/{id}/versions/{version}/entered-in-error", s.enteredInError},
		{"POST /v1/encounters/{id}/reviews", s.requestReview},
		{"GET /v1/encounters/{id}/reviews", s.reviews},
		{"POST /v1/encounters/{id}/deletion", s.deleteEncounter},
		{"PUT /v1/encounters/{id}/legal-hold", s.legalHold},
		{"GET /v1/reviews", s.openReviews},
		{"POST /v1/reviews/{case}/decision", s.decide},
		{"PUT /v1/consent", s.setConsent},
		{"POST /v1/consent/lookup", s.getConsent},
		{"GET /v1/consent", s.getConsent},
		{"GET /v1/audit", s.auditExport},
		{"GET /v1/human-queue", s.humanQueue},
		{"GET /v1/webhooks/deliveries", s.deliveries},
	}
}

// Routes lists the API's routes as "METHOD /path", for documentation checks.
func Routes() []string {
	var out []string
	for _, r := range (&Server{}).table() {
		out = append(out, r.pattern)
	}
	return append(out, "GET /v1/openapi.yaml")
}

func (s *Server) routes() {
	for _, r := range s.table() {
		s.mux.Handle(r.pattern, s.authenticated(r.fn))
	}
	s.mux.HandleFunc("GET /v1/openapi.yaml", s.openapi)
	if s.extra != nil {
		s.mux.Handle("GET /healthz", s.extra)
		s.mux.Handle("GET /readyz", s.extra)
		s.mux.Handle("GET /metrics", s.extra)
	} else {
		s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	}
	if s.console != nil {
		s.mux.Handle("/console/", s.console)
		s.mux.Handle("GET /console", http.RedirectHandler("/console/", http.StatusSeeOther))
	}
}

// serveRoutes dispatches to the route the request matches. A request no
// route matches gets the mux's own verdict — 405 with an Allow header when
// the path is served for other methods, 404 otherwise — as a JSON error.
// (A catch-all "/" route would match every method and turn each 405 into
// a 404.)
func (s *Server) serveRoutes(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	verdict := &headerOnly{header: http.Header{}}
	s.mux.ServeHTTP(verdict, r)
	if verdict.status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", verdict.header.Get("Allow"))
		s.fail(w, r, phi.Permanentf(httpreq.CodeMethodNotAllowed, "this route does not take %s; it takes %s", httpreq.Method(r.Method), verdict.header.Get("Allow")))
		return
	}
	s.fail(w, r, phi.Permanentf(phi.CodeNotFound, "no such route"))
}

// headerOnly keeps the status and headers of an answer and drops its body.
type headerOnly struct {
	header http.Header
	status int
}

func (h *headerOnly) Header() http.Header         { return h.header }
func (h *headerOnly) WriteHeader(code int)        { h.status = code }
func (h *headerOnly) Write(b []byte) (int, error) { return len(b), nil }

// Run listens on api.listen and serves until ctx ends (see Serve).
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("api.Run: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx ends, then drains in-flight requests. While
// it serves, it watches the token file (api.tokens_reload), so tokens
// created or revoked take effect without a restart.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		if s.cfg.TokensReload > 0 {
			s.tokens.Watch(watchCtx, s.cfg.TokensReload, s.log)
		}
	}()
	defer func() { stopWatch(); <-watching }()
	errc := make(chan error, 1)
	go func() {
		if s.cfg.TLSCertFile != "" {
			errc <- srv.ServeTLS(ln, s.cfg.TLSCertFile, s.cfg.TLSKeyFile)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	s.log.Info("api listening", "addr", ln.Addr().String(), "tokens", int64(s.tokens.Len()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

type ctxKey int

const requestIDKey ctxKey = 1

// requestIDRE is the client request ID taken as it is: a UUID, or an ID of
// our own form. It goes into the access log and the audit trail (write
// once, kept for years), and an "ID-shaped" string may well be an MRN or
// a name; anything else is replaced.
var requestIDRE = regexp.MustCompile(`^(?:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|req_[0-9a-f]{24})$`)

// withRequestID assigns a request ID (or keeps the client's, if it is a
// UUID), and logs one line per request without content.
func (s *Server) withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !requestIDRE.MatchString(id) {
			id = httpreq.NewID()
		}
		w.Header().Set("X-Request-Id", id)
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		rec := httpreq.NewRecorder(w)
		start := time.Now()
		// The mux records the route pattern on the request it is given.
		routed := r.WithContext(context.WithValue(r.Context(), requestIDKey, id))
		httpreq.ServeRecovering(next, rec, routed, s.log.With("request_id", id), s.fail)
		s.log.Info("request", "method", httpreq.Method(r.Method), "route", routed.Pattern, "status", int64(rec.Status),
			"request_id", id, "elapsed", time.Since(start))
	})
}

func requestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey).(string)
	return id
}

// authenticated resolves the bearer token, bounds the request's time, and
// calls fn with the caller.
func (s *Server) authenticated(fn func(http.ResponseWriter, *http.Request, access.Who)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		timeout := s.cfg.RequestTimeout
		switch r.Pattern {
		case "POST /v1/encounters", "GET /v1/encounters/{id}/source/audio":
			// An upload, or a recording streamed to a listener.
			timeout = s.cfg.UploadTimeout
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		// A body read does not notice the context: without a deadline on
		// the connection, a client that stalls mid-body holds the handler
		// (and a half-written upload) for as long as it keeps the
		// connection open.
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(timeout))
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="clinscribe"`)
			s.fail(w, r, phi.Permanentf(phi.CodeUnauthenticated, "a bearer token is required"))
			return
		}
		p, err := s.tokens.Authenticate(ctx, strings.TrimSpace(token))
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="clinscribe", error="invalid_token"`)
			s.fail(w, r, phi.Permanentf(phi.CodeUnauthenticated, "the token is invalid, expired or revoked"))
			return
		}
		fn(w, r, access.Who{Principal: p, RequestID: requestID(r)})
	})
}

// errorBody is every error response.
type errorBody struct {
	Error struct {
		Code      string `json:"code"`
		Message   string `json:"message"`
		RequestID string `json:"request_id"`
	} `json:"error"`
}

// Codes of the HTTP layer itself, beside the pipeline's.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	safe := phi.Safe(err)
	status := httpreq.Status(safe.Code)
	if status >= 500 {
		s.log.Error("request failed", "route", r.Pattern, "request_id", requestID(r), "code", string(safe.Code), "error", safe)
	}
	var b errorBody
	b.Error.Code, b.Error.Message, b.Error.RequestID = string(safe.Code), safe.Msg, requestID(r)
	writeJSON(w, status, b)
}

// respond answers a handler's call: the error if there is one, v as JSON
// with status otherwise.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, status int, v any, err error) {
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, status, v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// decodeJSON reads exactly one JSON object of at most MaxJSONBytes with no
// unknown fields.
func (s *Server) decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return phi.Permanentf(phi.CodeUnsupportedType, "send application/json")
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxJSONBytes)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return phi.Permanentf(phi.CodeTooLarge, "the body is larger than %d bytes", s.cfg.MaxJSONBytes)
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return errBodyTimeout
		}
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return phi.Permanentf(phi.CodeInvalidInput, "malformed JSON at byte %d", syn.Offset)
		case errors.As(err, &typ):
			return phi.Permanentf(phi.CodeInvalidInput, "field %q has the wrong type", typ.Field)
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return phi.Permanentf(phi.CodeInvalidInput, "unknown field %s", safeField(strings.TrimPrefix(err.Error(), "json: unknown field ")))
		}
		return phi.Permanentf(phi.CodeInvalidInput, "malformed JSON body")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return phi.Permanentf(phi.CodeInvalidInput, "the body must hold exactly one JSON object")
	}
	return nil
}

// errBodyTimeout: the client did not send its body within the request's
// time limit.
var errBodyTimeout = phi.Permanentf(httpreq.CodeRequestTimeout, "the request body did not arrive within the time limit")

var fieldRE = regexp.MustCompile(`^"[A-Za-z0-9_]{1,40}"$`)

func safeField(f string) string {
	if fieldRE.MatchString(f) {
		return f
	}
	return "(not shown)"
}

func versionParam(r *http.Request, name string) (int, error) {
	v := r.PathValue(name)
	if v == "" {
		v = r.URL.Query().Get(name)
	}
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, phi.Permanentf(phi.CodeInvalidInput, "version must be a positive integer")
	}
	return n, nil
}
