package console

import (
	"net/http"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
)

type signinPage struct {
	CSRF    string
	Problem string
	Idle    string
	Max     string
}

func (signinPage) title() string { return "Sign in" }

var signinWhy = map[string]string{
	"expired": "Your session ended. Sign in again.",
	"token":   "Your access token is no longer valid (revoked or expired). Sign in with a current one.",
}

// signinPage shows the token form. The form's CSRF token is the HMAC of a
// fresh pre-session cookie.
func (c *Console) signinPage(w http.ResponseWriter, r *http.Request) {
	c.showSignin(w, r, http.StatusOK, signinWhy[r.URL.Query().Get("why")])
}

func (c *Console) showSignin(w http.ResponseWriter, r *http.Request, status int, problem string) {
	pre := randomToken()
	c.setCookie(w, r, preCookie, pre, 30*time.Minute)
	c.render(w, r, nil, status, "signin", signinPage{CSRF: c.sessions.signinCSRF(pre), Problem: problem,
		Idle: c.cfg.IdleTimeout.String(), Max: c.cfg.AbsoluteTimeout.String()})
}

// signin exchanges an access token for a session.
func (c *Console) signin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	pre, _ := r.Cookie(preCookie)
	var preValue string
	if pre != nil {
		preValue = pre.Value
	}
	if !c.sessions.validSigninCSRF(preValue, r.PostFormValue(csrfField)) {
		c.fail(w, r, nil, errCSRF)
		return
	}
	token := strings.TrimSpace(r.PostFormValue("token"))
	p, err := c.tokens.Authenticate(r.Context(), token)
	if err != nil || p.Role == access.RolePlatform {
		// Platform tokens are for the clinic's systems, not for people.
		c.log.Info("console sign-in refused", "request_id", requestID(w))
		c.showSignin(w, r, http.StatusUnauthorized, "That token is not valid for the console (unknown, expired, revoked, or a platform token).")
		return
	}
	// Any session this browser had ends: a fresh ID on every sign-in
	// (no fixation).
	if old := c.sessions.get(r); old != nil {
		c.sessions.end(old.id)
	}
	s := c.sessions.start(token, p)
	c.setCookie(w, r, sessionCookie, s.id, c.cfg.AbsoluteTimeout)
	c.setCookie(w, r, preCookie, "", -time.Second)
	c.log.Info("console sign-in", "role", string(p.Role), "token_id", p.TokenID, "request_id", requestID(w))
	http.Redirect(w, r, homeOf(p.Role), http.StatusSeeOther)
}

// signout ends the session.
func (c *Console) signout(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	c.sessions.end(s.id)
	c.clearCookie(w, r)
	http.Redirect(w, r, Prefix+"/signin?done=signedout", http.StatusSeeOther)
}
