package console

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/httpreq"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/pipeline/review"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

// Prefix is where the console is served.
const Prefix = "/console"

// Config configures the console.
type Config struct {
	// Disabled serves no console (the API alone). The zero value serves it.
	Disabled bool `yaml:"disabled"`
	// IdleTimeout ends a session after this long without a request. Zero
	// means 15 minutes.
	IdleTimeout time.Duration `yaml:"idle_timeout"`
	// AbsoluteTimeout ends a session this long after sign-in, however
	// active. Zero means 8 hours.
	AbsoluteTimeout time.Duration `yaml:"absolute_timeout"`
	// BehindTLS marks the session cookie Secure although requests reach
	// the server over plain HTTP (TLS ends at an ingress or proxy in
	// front). A request that arrives over TLS always gets a Secure cookie.
	// Zero: only requests over TLS get one.
	BehindTLS bool `yaml:"behind_tls"`
	// MaxSessions bounds the sessions held in memory; signing in past it
	// ends the oldest. Zero means 10,000.
	MaxSessions int `yaml:"max_sessions"`
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.IdleTimeout == 0 {
		c.IdleTimeout = 15 * time.Minute
	}
	if c.AbsoluteTimeout == 0 {
		c.AbsoluteTimeout = 8 * time.Hour
	}
	if c.MaxSessions == 0 {
		c.MaxSessions = 10_000
	}
	return c
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	c = c.WithDefaults()
	switch {
	case c.IdleTimeout < time.Minute || c.IdleTimeout > c.AbsoluteTimeout:
		return errors.New("console.idle_timeout must be at least 1m and at most console.absolute_timeout")
	case c.AbsoluteTimeout > 24*time.Hour:
		return errors.New("console.absolute_timeout must be at most 24h")
	case c.MaxSessions < 1:
		return errors.New("console.max_sessions must be positive")
	}
	return nil
}

// Drafts are the clinician's and reader's actions on drafts
// (*signoff.Service), as api.Drafts.
type Drafts interface {
	View(ctx context.Context, who access.Who, id string, version int) (*signoff.DraftView, error)
	Explain(ctx context.Context, who access.Who, id string, version int) (*signoff.Explanation, error)
	Sign(ctx context.Context, who access.Who, id string, version int, contentSHA256, attestation string) (*signoff.DraftView, error)
	Edit(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*signoff.DraftView, error)
	Reject(ctx context.Context, who access.Who, id string, version int, reason string) (*signoff.DraftView, error)
	EnteredInError(ctx context.Context, who access.Who, id string, version int, reason string) (*signoff.DraftView, error)
	// PullIn puts a part listed under "Not in the draft" into a section:
	// an edit of version base.
	PullIn(ctx context.Context, who access.Who, id string, base int, segment string, part int, section string) (*signoff.DraftView, error)
}

// Reviews run patients' review cases (*review.Service), as api.Reviews.
type Reviews interface {
	Request(ctx context.Context, who access.Who, id string, version int, statement string) (*review.ReviewCase, error)
	List(ctx context.Context, who access.Who, id string) ([]review.ReviewCase, error)
	OpenCases(ctx context.Context, who access.Who) ([]review.ReviewCase, error)
	Decide(ctx context.Context, who access.Who, caseID, decision, explanation string, correctedVersion int) (*review.ReviewCase, error)
}

// Consent sets and reads patients' AI-processing choices
// (*consent.Service), as api.Consent.
type Consent interface {
	Set(ctx context.Context, who access.Who, patientRef, value, source string) (consent.Consent, error)
	Get(ctx context.Context, who access.Who, patientRef string) (consent.Consent, error)
}

// Deletion deletes an encounter's content (*retention.Service).
type Deletion interface {
	Delete(ctx context.Context, who access.Who, id, reason string) (*retention.DeletionCertificate, error)
}

// Guard exports the audit trail to who may see it (*access.Guard).
type Guard interface {
	ExportAudit(ctx context.Context, who access.Who, f audit.Filter, read access.AuditRows) ([]audit.Row, error)
}

// Authenticator resolves an access token to its principal
// (*access.Tokens, the API's own: a token revoked or expired there ends
// the console session too).
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (access.Principal, error)
}

// Services are what the pages call, each the small interface its pages
// need; all are required (cmd/clinscribe/internal/app.ConsoleServices wires
// the pipeline's services in, the same the API calls).
type Services struct {
	Drafts     Drafts
	Reviews    Reviews
	Consent    Consent
	Deletion   Deletion
	Guard      Guard
	Worklist   Worklist
	Sources    Sources
	Human      Human
	Regenerate Regenerator
	// AuditRows reads the audit trail (the configured sink).
	AuditRows access.AuditRows
	// Queues reads queue states for the ops page.
	Queues Queues
}

func (s Services) validate() error {
	if s.Drafts == nil || s.Reviews == nil || s.Consent == nil || s.Deletion == nil || s.Guard == nil || s.Worklist == nil ||
		s.Sources == nil || s.Human == nil || s.Regenerate == nil || s.AuditRows == nil || s.Queues == nil {
		return errors.New("console.New: every service is required")
	}
	return nil
}

// Console serves the pages.
type Console struct {
	cfg      Config
	svc      Services
	tokens   Authenticator
	log      *slog.Logger
	now      func() time.Time
	sessions *sessions
	pages    *pages
	mux      *http.ServeMux
	names    audit.Names
}

// Options carry the Console's optional parts.
type Options struct {
	// Now is the clock (sessions, due dates); nil means time.Now.
	Now func() time.Time
	// Key is the secret that signs sign-in forms' CSRF tokens; nil means
	// a random key per process (sessions are per process anyway).
	Key []byte
	// Names name the organisation and the people in the patient's access
	// log (the API's api.display_names); zero: roles only, times in UTC.
	Names audit.Names
}

// New returns a Console.
func New(cfg Config, svc Services, tokens Authenticator, log *slog.Logger, opts Options) (*Console, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if err := svc.validate(); err != nil {
		return nil, err
	}
	if tokens == nil || log == nil {
		return nil, errors.New("console.New: tokens and log are required")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Key == nil {
		opts.Key = make([]byte, 32)
		_, _ = rand.Read(opts.Key)
	}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	cfg = cfg.WithDefaults()
	if err := opts.Names.Validate(); err != nil {
		return nil, fmt.Errorf("console.New: names: %w", err)
	}
	c := &Console{cfg: cfg, svc: svc, tokens: tokens, log: log, now: opts.Now, pages: p, mux: http.NewServeMux(),
		sessions: newSessions(cfg, opts.Now, opts.Key), names: opts.Names}
	c.routes()
	return c, nil
}

// Handler serves the console; mount it at Prefix + "/".
func (c *Console) Handler() http.Handler { return c.middleware(c.mux) }

// handler is a page or action for a signed-in caller.
type handler func(w http.ResponseWriter, r *http.Request, s *session, who access.Who)

func (c *Console) routes() {
	c.mux.Handle("GET "+Prefix+"/static/", http.StripPrefix(Prefix+"/static/", staticHandler()))
	c.mux.HandleFunc("GET "+Prefix+"/{$}", c.home)
	c.mux.HandleFunc("GET "+Prefix+"/signin", c.signinPage)
	c.mux.HandleFunc("POST "+Prefix+"/signin", c.signin)
	for _, r := range c.table() {
		c.mux.Handle(r.pattern, c.signedIn(r.roles, r.fn))
	}
	c.mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		c.fail(w, r, nil, phi.Permanentf(phi.CodeNotFound, "no such page"))
	})
}

type route struct {
	pattern string
	roles   []access.Role // nil: any signed-in role
	fn      handler
}

var (
	clinician = []access.Role{access.RoleProvider}
	reviewer  = []access.Role{access.RoleReviewer}
	patient   = []access.Role{access.RolePatient}
	ops       = []access.Role{access.RoleOps}
	readers   = []access.Role{access.RoleProvider, access.RoleReviewer, access.RolePatient}
)

// table is every page and action behind sign-in. The roles are where a
// page is offered; the services still decide every access (a reviewer
// reads an encounter only while a case of theirs is open on it...).
func (c *Console) table() []route {
	return []route{
		{"POST " + Prefix + "/signout", nil, c.signout},
		{"GET " + Prefix + "/worklist", clinician, c.worklist},
		{"GET " + Prefix + "/encounters/{id}", readers, c.encounter},
		{"GET " + Prefix + "/encounters/{id}/audio", readers, c.audio},
		{"GET " + Prefix + "/encounters/{id}/sections/{section}", clinician, c.sectionEditor},
		{"POST " + Prefix + "/encounters/{id}/sections/{section}", clinician, c.saveSection},
		{"POST " + Prefix + "/encounters/{id}/pull", clinician, c.pullIn},
		{"POST " + Prefix + "/encounters/{id}/sign", clinician, c.sign},
		{"POST " + Prefix + "/encounters/{id}/reject", clinician, c.reject},
		{"POST " + Prefix + "/encounters/{id}/entered-in-error", clinician, c.enteredInError},
		{"POST " + Prefix + "/encounters/{id}/regenerate", clinician, c.regenerate},
		{"GET " + Prefix + "/encounters/{id}/document", clinician, c.humanEditor},
		{"POST " + Prefix + "/encounters/{id}/document", clinician, c.saveHuman},
		{"GET " + Prefix + "/reviews", reviewer, c.caseQueue},
		{"GET " + Prefix + "/encounters/{id}/reviews/{case}", reviewer, c.casePage},
		{"POST " + Prefix + "/encounters/{id}/reviews/{case}/decision", reviewer, c.decide},
		{"GET " + Prefix + "/me", patient, c.myEncounters},
		{"POST " + Prefix + "/encounters/{id}/reviews", patient, c.requestReview},
		{"GET " + Prefix + "/me/consent", patient, c.consentPage},
		{"POST " + Prefix + "/me/consent", patient, c.setConsent},
		{"GET " + Prefix + "/me/access", patient, c.accessLog},
		{"GET " + Prefix + "/encounters/{id}/deletion", patient, c.deletionPage},
		{"POST " + Prefix + "/encounters/{id}/deletion", patient, c.deleteEncounter},
		{"GET " + Prefix + "/ops", ops, c.opsPage},
	}
}

// Routes lists the console's routes as "METHOD /path", for documentation
// checks.
func Routes() []string {
	out := []string{"GET " + Prefix + "/", "GET " + Prefix + "/signin", "POST " + Prefix + "/signin"}
	for _, r := range (&Console{}).table() {
		out = append(out, r.pattern)
	}
	return out
}

// homeOf is where a role starts.
func homeOf(r access.Role) string {
	switch r {
	case access.RoleProvider:
		return Prefix + "/worklist"
	case access.RoleReviewer:
		return Prefix + "/reviews"
	case access.RolePatient:
		return Prefix + "/me"
	case access.RoleOps:
		return Prefix + "/ops"
	}
	return Prefix + "/signin"
}

func (c *Console) home(w http.ResponseWriter, r *http.Request) {
	s := c.sessions.get(r)
	if s == nil {
		http.Redirect(w, r, Prefix+"/signin", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, homeOf(s.principal.Role), http.StatusSeeOther)
}

// signedIn resolves the session, re-checks its token, checks the role and
// (for a form post) the CSRF token, then calls fn.
func (c *Console) signedIn(roles []access.Role, fn handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s := c.sessions.get(r)
		if s == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, Prefix+"/signin?why=expired", http.StatusSeeOther)
				return
			}
			c.fail(w, r, nil, phi.Permanentf(phi.CodeUnauthenticated, "your session has ended; sign in again"))
			return
		}
		p, err := c.tokens.Authenticate(r.Context(), s.token)
		if err != nil || p.Role != s.principal.Role || p.ID != s.principal.ID {
			c.sessions.end(s.id)
			c.clearCookie(w, r)
			http.Redirect(w, r, Prefix+"/signin?why=token", http.StatusSeeOther)
			return
		}
		// Pages answer within a bound; the recording streams for as long
		// as a listener needs it (the API's upload timeout bounds it).
		timeout := pageTimeout
		if strings.HasSuffix(r.Pattern, "/audio") {
			timeout = streamTimeout
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		}
		who := access.Who{Principal: p, RequestID: requestID(w)}
		if roles != nil && !roleIn(p.Role, roles) {
			c.fail(w, r, s, phi.Permanentf(phi.CodeForbidden, "this page is not for the %s role", p.Role))
			return
		}
		if r.Method == http.MethodPost && !c.sessions.validCSRF(s, r.PostFormValue(csrfField)) {
			c.fail(w, r, s, errCSRF)
			return
		}
		fn(w, r, s, who)
	})
}

// pageTimeout bounds a page or an action; streamTimeout the recording.
const (
	pageTimeout   = 30 * time.Second
	streamTimeout = 15 * time.Minute
)

// errCSRF refuses a form post without the session's CSRF token.
var errCSRF = phi.Permanentf(phi.CodeForbidden, "the form is missing its security token or it has expired; reload the page and try again")

func roleIn(r access.Role, roles []access.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// csp is the Content-Security-Policy of every response: this origin only,
// no inline script or style, no framing, forms post here only.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders are set on every console response, errors included.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      csp,
	"X-Frame-Options":              "DENY",
	"Referrer-Policy":              "no-referrer",
	"X-Content-Type-Options":       "nosniff",
	"Cache-Control":                "no-store",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

type ctxKey int

const requestIDKey ctxKey = 1

// requestID is the request's ID: the API's middleware sets it on the
// response before the console runs; alone, the console makes one.
func requestID(w http.ResponseWriter) string { return w.Header().Get("X-Request-Id") }

// middleware sets the security headers, recovers panics, and logs one line
// per request: route pattern (never the raw path), status, role.
func (c *Console) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range securityHeaders {
			h.Set(k, v)
		}
		if h.Get("X-Request-Id") == "" {
			h.Set("X-Request-Id", httpreq.NewID())
		}
		rec := httpreq.NewRecorder(w)
		start := c.now()
		// The mux records the matched pattern on the request it serves.
		routed := r.WithContext(context.WithValue(r.Context(), requestIDKey, h.Get("X-Request-Id")))
		httpreq.ServeRecovering(next, rec, routed, c.log, func(w http.ResponseWriter, r *http.Request, err error) { c.fail(w, r, nil, err) })
		c.log.Info("console request", "method", httpreq.Method(r.Method), "route", routed.Pattern, "status", int64(rec.Status),
			"request_id", h.Get("X-Request-Id"), "elapsed", c.now().Sub(start))
	})
}

// fail renders an error page: the pipeline's code and content-free
// message, never the cause.
func (c *Console) fail(w http.ResponseWriter, r *http.Request, s *session, err error) {
	safe := phi.Safe(err)
	status := httpreq.Status(safe.Code)
	if status >= 500 {
		c.log.Error("console request failed", "route", r.Pattern, "code", string(safe.Code), "error", safe)
	}
	c.render(w, r, s, status, "error", errorPage{Code: string(safe.Code), Message: safe.Msg, Status: status})
}

type errorPage struct {
	Code    string
	Message string
	Status  int
}

func (p errorPage) title() string { return http.StatusText(p.Status) }
