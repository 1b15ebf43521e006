package console

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
)

const (
	// sessionCookie holds the session ID.
	sessionCookie = "clinscribe_session"
	// preCookie holds the random value a sign-in form's CSRF token is
	// the HMAC of.
	preCookie = "clinscribe_signin"
	// csrfField is every form's CSRF token field.
	csrfField = "csrf"
)

// session is one signed-in browser. It lives in this process's memory
// only and holds no patient content.
type session struct {
	id        string
	token     string // the access token, re-checked on every request
	principal access.Principal
	csrf      string
	created   time.Time
	seen      time.Time
}

// LogValue keeps the token and IDs out of any log line.
func (s *session) LogValue() slog.Value {
	return slog.GroupValue(slog.String("role", string(s.principal.Role)))
}

// sessions holds the signed-in sessions of this process.
type sessions struct {
	cfg Config
	now func() time.Time
	key []byte

	mu sync.Mutex
	m  map[string]*session
}

func newSessions(cfg Config, now func() time.Time, key []byte) *sessions {
	return &sessions{cfg: cfg, now: now, key: key, m: map[string]*session{}}
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// start makes a session for an authenticated token.
func (ss *sessions) start(token string, p access.Principal) *session {
	now := ss.now()
	s := &session{id: randomToken(), token: token, principal: p, csrf: randomToken(), created: now, seen: now}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.sweepLocked(now)
	for len(ss.m) >= ss.cfg.MaxSessions {
		var oldest *session
		for _, x := range ss.m {
			if oldest == nil || x.created.Before(oldest.created) {
				oldest = x
			}
		}
		delete(ss.m, oldest.id)
	}
	ss.m[s.id] = s
	return s
}

// get returns the request's live session (and marks it used), or nil.
func (ss *sessions) get(r *http.Request) *session {
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return nil
	}
	now := ss.now()
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s, ok := ss.m[ck.Value]
	if !ok {
		return nil
	}
	if ss.expired(s, now) {
		delete(ss.m, s.id)
		return nil
	}
	s.seen = now
	return s
}

func (ss *sessions) expired(s *session, now time.Time) bool {
	return now.Sub(s.seen) >= ss.cfg.IdleTimeout || now.Sub(s.created) >= ss.cfg.AbsoluteTimeout
}

// sweepLocked drops expired sessions.
func (ss *sessions) sweepLocked(now time.Time) {
	for id, s := range ss.m {
		if ss.expired(s, now) {
			delete(ss.m, id)
		}
	}
}

func (ss *sessions) end(id string) {
	ss.mu.Lock()
	delete(ss.m, id)
	ss.mu.Unlock()
}

// len is how many sessions are held (expired ones included until swept).
func (ss *sessions) len() int {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return len(ss.m)
}

// validCSRF compares a form's token with the session's in constant time.
func (ss *sessions) validCSRF(s *session, got string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.csrf)) == 1
}

// signinCSRF is the sign-in form's token: an HMAC of the pre-session
// cookie's value, so a page of another origin cannot post a sign-in (it
// can neither read the cookie nor compute the HMAC).
func (ss *sessions) signinCSRF(pre string) string {
	m := hmac.New(sha256.New, ss.key)
	m.Write([]byte("console-signin\x00" + pre))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (ss *sessions) validSigninCSRF(pre, got string) bool {
	if pre == "" || got == "" {
		return false
	}
	return hmac.Equal([]byte(got), []byte(ss.signinCSRF(pre)))
}

// secure reports whether the request's cookies should be Secure.
func (c *Console) secure(r *http.Request) bool { return r.TLS != nil || c.cfg.BehindTLS }

func (c *Console) setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: Prefix, MaxAge: int(maxAge.Seconds()),
		HttpOnly: true, Secure: c.secure(r), SameSite: http.SameSiteStrictMode})
}

func (c *Console) clearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: Prefix, MaxAge: -1,
		HttpOnly: true, Secure: c.secure(r), SameSite: http.SameSiteStrictMode})
}
