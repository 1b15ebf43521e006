package console_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// browser is an HTTP client with its own cookie jar that does not follow
// redirects (tests read where they point).
type browser struct {
	t    *testing.T
	f    *fixture
	c    *http.Client
	base string
}

func (f *fixture) browser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, f: f, base: f.url, c: &http.Client{Jar: jar, Transport: f.srv.Client().Transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type reply struct {
	status int
	header http.Header
	body   string
}

func (b *browser) do(req *http.Request) reply {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, string(body)}
}

func (b *browser) get(path string) reply {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.base+path, nil)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values) reply {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the CSRF token of the first form on a page.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	r := b.get(path)
	m := csrfRE.FindStringSubmatch(r.body)
	if m == nil {
		b.t.Fatalf("GET %s: %d, no CSRF field", path, r.status)
	}
	return m[1]
}

// signIn signs in with the person's token and returns where it lands.
func (b *browser) signIn(key string) string {
	b.t.Helper()
	r := b.post("/console/signin", url.Values{"csrf": {b.csrf("/console/signin")}, "token": {b.f.tokens[key]}})
	if r.status != http.StatusSeeOther {
		b.t.Fatalf("sign-in as %s: %d\n%s", key, r.status, r.body)
	}
	return r.header.Get("Location")
}

func TestConsoleHTTP(t *testing.T) {
	t.Parallel()
	f := setup(t, "note-hypertension-followup", "note-diabetes-visit", "rec-cough-telehealth")
	hyper, diab, rec, canary := f.ids["note-hypertension-followup"], f.ids["note-diabetes-visit"], f.ids["rec-cough-telehealth"], f.ids["canary"]

	t.Run("sign-in lands on each role's page", func(t *testing.T) {
		for key, want := range map[string]string{"drA": "/console/worklist", "reviewer": "/console/reviews", "patientP": "/console/me", "ops": "/console/ops"} {
			if got := f.browser(t).signIn(key); got != want {
				t.Errorf("%s: lands on %s, want %s", key, got, want)
			}
		}
	})

	t.Run("a platform token or a wrong token does not sign in", func(t *testing.T) {
		for name, token := range map[string]string{"platform": f.tokens["platform"], "unknown": "cst_" + strings.Repeat("x", 43)} {
			b := f.browser(t)
			r := b.post("/console/signin", url.Values{"csrf": {b.csrf("/console/signin")}, "token": {token}})
			if r.status != http.StatusUnauthorized {
				t.Errorf("%s: %d, want 401", name, r.status)
			}
		}
	})

	t.Run("session cookie attributes", func(t *testing.T) {
		b := f.browser(t)
		b.csrf("/console/signin")
		req, _ := http.NewRequest(http.MethodPost, f.url+"/console/signin", strings.NewReader(url.Values{
			"csrf": {b.csrf("/console/signin")}, "token": {f.tokens["drA"]}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := b.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var ck *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == "clinscribe_session" {
				ck = c
			}
		}
		if ck == nil {
			t.Fatal("no session cookie")
		}
		got := [4]any{ck.HttpOnly, ck.SameSite, ck.Path, ck.Secure}
		if diff := cmp.Diff([4]any{true, http.SameSiteStrictMode, "/console", false}, got); diff != "" {
			t.Errorf("cookie over plain HTTP (-want +got):\n%s", diff)
		}
	})

	t.Run("a form post without the CSRF token is refused", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drA")
		dv, err := f.a.Services.Signoff.View(context.Background(), who("dr-okafor", "provider"), hyper, 0)
		if err != nil {
			t.Fatal(err)
		}
		sign := url.Values{"version": {"1"}, "content_sha256": {dv.ContentSHA256}, "attestation": {"I attest."}}
		for name, form := range map[string]url.Values{
			"missing": sign,
			"wrong":   merge(sign, url.Values{"csrf": {"not-the-token"}}),
		} {
			r := b.post("/console/encounters/"+hyper+"/sign", form)
			if r.status != http.StatusForbidden {
				t.Errorf("%s token: %d, want 403", name, r.status)
			}
		}
		// Another session's token does not do either.
		other := f.browser(t)
		other.signIn("drA")
		r := b.post("/console/encounters/"+hyper+"/sign", merge(sign, url.Values{"csrf": {other.csrf("/console/worklist")}}))
		if r.status != http.StatusForbidden {
			t.Errorf("another session's token: %d, want 403", r.status)
		}
		if v, _ := f.a.Services.Signoff.View(context.Background(), who("dr-okafor", "provider"), hyper, 0); v.State.Status != "preliminary" {
			t.Fatalf("the refused posts signed the draft: %s", v.State.Status)
		}
		// The sign-in form too: no token, or one from another browser.
		r = f.browser(t).post("/console/signin", url.Values{"token": {f.tokens["drA"]}})
		if r.status != http.StatusForbidden {
			t.Errorf("sign-in without a token: %d, want 403", r.status)
		}
		r = f.browser(t).post("/console/signin", url.Values{"token": {f.tokens["drA"]}, "csrf": {other.csrf("/console/signin")}})
		if r.status != http.StatusForbidden {
			t.Errorf("sign-in with another browser's token: %d, want 403", r.status)
		}
		// With the token, the same post signs.
		r = b.post("/console/encounters/"+hyper+"/sign", merge(sign, url.Values{"csrf": {b.csrf("/console/worklist")}}))
		if r.status != http.StatusSeeOther {
			t.Fatalf("sign with the token: %d\n%s", r.status, r.body)
		}
	})

	t.Run("a patient cannot open another patient's pages by changing the ID", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("patientQ") // Delia Fairbanks: diab is hers, hyper is Harold's
		if r := b.get("/console/encounters/" + diab); r.status == http.StatusForbidden {
			t.Fatalf("her own encounter: %d", r.status)
		}
		csrf := b.csrf("/console/me")
		for name, r := range map[string]reply{
			"note":           b.get("/console/encounters/" + hyper),
			"deletion page":  b.get("/console/encounters/" + hyper + "/deletion"),
			"audio":          b.get("/console/encounters/" + rec + "/audio"),
			"request review": b.post("/console/encounters/"+hyper+"/reviews", url.Values{"csrf": {csrf}, "statement": {"x"}}),
			"delete":         b.post("/console/encounters/"+hyper+"/deletion", url.Values{"csrf": {csrf}, "confirm": {"yes"}}),
			"clinician page": b.get("/console/encounters/" + hyper + "/sections/subjective"),
		} {
			if r.status != http.StatusForbidden {
				t.Errorf("%s: %d, want 403", name, r.status)
			}
			if strings.Contains(r.body, "Whitcombe") || strings.Contains(r.body, "lisinopril") {
				t.Errorf("%s: the refusal shows the other patient's content", name)
			}
		}
		rows, err := audit.ReadDir(f.cfg.Audit.Dir)
		if err != nil {
			t.Fatal(err)
		}
		denied := 0
		for _, e := range rows {
			if e.Event == audit.EventAuthzDenied && e.EncounterID == hyper && e.Role == "patient" {
				denied++
			}
		}
		if denied < 3 {
			t.Errorf("%d authz.denied entries for the patient on the other encounter, want at least 3", denied)
		}
	})

	t.Run("every page view is audited as the API's read", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drA")
		if r := b.get("/console/encounters/" + canary); r.status != http.StatusOK {
			t.Fatalf("%d\n%s", r.status, r.body)
		}
		rows, err := audit.ReadDir(f.cfg.Audit.Dir)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range rows {
			found = found || (e.Event == audit.EventView && e.EncounterID == canary && e.Actor == "dr-okafor")
		}
		if !found {
			t.Error("no draft.view entry for the console page view")
		}
	})

	t.Run("CSP and the other security headers on every page", func(t *testing.T) {
		pages := map[string][]string{
			"":         {"/console/signin", "/console/", "/console/static/console.css", "/console/static/console.js", "/console/no-such-page"},
			"drA":      {"/console/worklist", "/console/encounters/" + canary, "/console/encounters/" + canary + "/sections/subjective", "/console/encounters/" + f.ids["optedout"] + "/document", "/console/encounters/" + rec + "/audio", "/console/ops"},
			"reviewer": {"/console/reviews"},
			"patientP": {"/console/me", "/console/me/consent", "/console/me/access", "/console/encounters/" + hyper, "/console/encounters/" + hyper + "/deletion", "/console/encounters/" + diab},
			"ops":      {"/console/ops"},
		}
		want := map[string]string{
			"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
			"X-Frame-Options":         "DENY", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store",
		}
		for key, paths := range pages {
			b := f.browser(t)
			if key != "" {
				b.signIn(key)
			}
			for _, p := range paths {
				r := b.get(p)
				got := map[string]string{}
				for k := range want {
					got[k] = r.header.Get(k)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s %s (%d) (-want +got):\n%s", key, p, r.status, diff)
				}
				if strings.Contains(r.body, "<script>") || strings.Contains(r.body, " style=") || strings.Contains(r.body, "<style") {
					t.Errorf("%s %s: inline script or style", key, p)
				}
			}
		}
	})

	t.Run("the recording answers range requests", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drA")
		req, _ := http.NewRequest(http.MethodGet, f.url+"/console/encounters/"+rec+"/audio", nil)
		req.Header.Set("Range", "bytes=100-199")
		r := b.do(req)
		if r.status != http.StatusPartialContent || len(r.body) != 100 || !strings.HasPrefix(r.header.Get("Content-Range"), "bytes 100-199/") {
			t.Errorf("range: %d, %d bytes, Content-Range %q", r.status, len(r.body), r.header.Get("Content-Range"))
		}
	})

	t.Run("idle and absolute timeouts end the session", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drA")
		f.clock.Advance(16 * time.Minute)
		if r := b.get("/console/worklist"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/console/signin") {
			t.Errorf("after 16 idle minutes: %d to %q, want a redirect to sign in", r.status, r.header.Get("Location"))
		}
		b = f.browser(t)
		b.signIn("drA")
		for i := range 47 { // a request every 10 minutes: active, never idle
			f.clock.Advance(10 * time.Minute)
			if r := b.get("/console/worklist"); r.status != http.StatusOK {
				t.Fatalf("after %d active minutes: %d, want 200", (i+1)*10, r.status)
			}
		}
		f.clock.Advance(10 * time.Minute)
		if r := b.get("/console/worklist"); r.status != http.StatusSeeOther {
			t.Errorf("8 hours after sign-in: %d, want a redirect to sign in", r.status)
		}
	})

	t.Run("a revoked token ends its console sessions", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drBspare")
		if r := b.get("/console/worklist"); r.status != http.StatusOK {
			t.Fatalf("before revoking: %d", r.status)
		}
		if _, err := access.RevokeToken(f.tokFile, "tok-drBspare", time.Now()); err != nil {
			t.Fatal(err)
		}
		// serve's watcher calls Reload when the file changes.
		if _, err := f.set.Reload(); err != nil {
			t.Fatal(err)
		}
		r := b.get("/console/worklist")
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/console/signin?why=token" {
			t.Errorf("after revoking: %d to %q, want a redirect to sign in", r.status, r.header.Get("Location"))
		}
	})

	t.Run("sign-out ends the session", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drA")
		r := b.post("/console/signout", url.Values{"csrf": {b.csrf("/console/worklist")}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("sign-out: %d", r.status)
		}
		if r := b.get("/console/worklist"); r.status != http.StatusSeeOther {
			t.Errorf("after sign-out: %d, want a redirect to sign in", r.status)
		}
	})

	t.Run("the ops page shows the queues", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("ops")
		r := b.get("/console/ops")
		if r.status != http.StatusOK || !strings.Contains(r.body, `id="queues"`) {
			t.Errorf("%d\n%s", r.status, r.body)
		}
	})

	t.Run("archived tasks by ID and type, never the payload", func(t *testing.T) {
		client := asynq.NewClient(f.a.Redis)
		defer client.Close()
		// A payload no real task has: the page must not show it.
		if _, err := client.Enqueue(asynq.NewTask("console:probe", []byte(`{"note":"`+canaryName+`"}`)),
			asynq.Queue("maintenance"), asynq.TaskID("probe-1"), asynq.ProcessIn(time.Hour)); err != nil {
			t.Fatal(err)
		}
		ins := asynq.NewInspector(f.a.Redis)
		defer ins.Close()
		if err := ins.ArchiveTask("maintenance", "probe-1"); err != nil {
			t.Fatal(err)
		}
		b := f.browser(t)
		b.signIn("ops")
		r := b.get("/console/ops")
		if r.status != http.StatusOK || !strings.Contains(r.body, "<code>probe-1</code>") || !strings.Contains(r.body, "console:probe") {
			t.Errorf("%d: the archived task is not listed\n%s", r.status, r.body)
		}
		for _, c := range canaries {
			if strings.Contains(r.body, c) {
				t.Errorf("the ops page shows the payload (%q)", c)
			}
		}
	})

	t.Run("reject, then regenerate: a new AI version", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drB")
		csrf := b.csrf("/console/encounters/" + diab)
		r := b.post("/console/encounters/"+diab+"/reject", url.Values{"csrf": {csrf}, "version": {"1"}, "reason": {"incomplete"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("reject: %d\n%s", r.status, r.body)
		}
		if page := b.get("/console/encounters/" + diab); !strings.Contains(page.body, "/regenerate") {
			t.Fatal("a rejected draft's page offers no regenerate")
		}
		r = b.post("/console/encounters/"+diab+"/regenerate", url.Values{"csrf": {csrf}})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/console/encounters/"+diab+"?done=regenerated" {
			t.Fatalf("regenerate: %d to %q\n%s", r.status, r.header.Get("Location"), r.body)
		}
		workertest.Eventually(t, 30*time.Second, func() error {
			vs, err := f.a.Services.Store.DraftVersions(context.Background(), diab)
			if err != nil || len(vs) < 2 {
				return fmt.Errorf("versions %v (%v)", vs, err)
			}
			return nil
		})
		d, err := f.a.Services.Store.Draft(context.Background(), diab, 2)
		if err != nil || !d.Label.AIGenerated {
			t.Errorf("version 2: %v, AI-generated %v", err, d != nil && d.Label.AIGenerated)
		}
	})

	t.Run("a patient turns AI processing off", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("patientQ")
		r := b.post("/console/me/consent", url.Values{"csrf": {b.csrf("/console/me/consent")}, "ai_processing": {"denied"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("%d\n%s", r.status, r.body)
		}
		page := b.get("/console/me/consent")
		if !strings.Contains(page.body, "off — no AI sees your visits") {
			t.Errorf("the page does not say AI processing is off:\n%s", page.body)
		}
		ref, _ := f.a.Services.Pseudonyms.PatientRef(context.Background(), "MRN-00738112")
		if ok, err := f.a.Services.Consent.AIAllowed(context.Background(), ref); err != nil || ok {
			t.Errorf("AI allowed %v (%v) after the patient turned it off", ok, err)
		}
	})

	t.Run("deleting a signed note is refused within the retention floor", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("patientP")
		if page := b.get("/console/encounters/" + hyper + "/deletion"); !strings.Contains(page.body, "What will not be deleted") {
			t.Fatalf("deletion page: %d", page.status)
		}
		r := b.post("/console/encounters/"+hyper+"/deletion", url.Values{"csrf": {b.csrf("/console/me")}, "confirm": {"yes"}})
		if r.status != http.StatusConflict || !strings.Contains(r.body, "retention_floor") {
			t.Errorf("%d\n%s", r.status, r.body)
		}
		if _, err := f.a.Services.Store.Meta(context.Background(), hyper); err != nil {
			t.Errorf("the signed encounter is gone: %v", err)
		}
	})

	t.Run("an edit of a signed note is a pending amendment", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drA")
		csrf := b.csrf("/console/encounters/" + hyper)
		r := b.post("/console/encounters/"+hyper+"/sections/plan", url.Values{"csrf": {csrf}, "version": {"1"}, "add": {"Recheck potassium in one week."}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("edit: %d\n%s", r.status, r.body)
		}
		page := b.get("/console/encounters/" + hyper)
		if !strings.Contains(page.body, "Pending amendment") || !strings.Contains(page.body, `href="?v=2"`) || strings.Contains(page.body, `id="sign-h"`) {
			t.Errorf("the signed note's page does not point to the pending amendment (or offers to sign the signed one)")
		}
		if v2 := b.get("/console/encounters/" + hyper + "?v=2"); !strings.Contains(v2.body, "Sign version 2") {
			t.Errorf("version 2's page offers no signature")
		}
	})

	t.Run("a sentence failing the fact check is marked with the reason", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("drA")
		ctx := context.Background()
		dv, err := f.a.Services.Signoff.View(ctx, who("dr-okafor", "provider"), rec, 0)
		if err != nil {
			t.Fatal(err)
		}
		var sub []string
		for _, sec := range dv.Sections {
			if sec.Key == "subjective" {
				for _, sent := range sec.Sentences {
					sub = append(sub, sent.Text)
				}
			}
		}
		if len(sub) == 0 || !strings.HasPrefix(sub[0], "5 days") {
			t.Fatalf("the recording's first subjective sentence is %q; the test changes its number", sub)
		}
		sub[0] = "9" + strings.TrimPrefix(sub[0], "5")
		form := url.Values{"csrf": {b.csrf("/console/encounters/" + rec)}, "version": {fmt.Sprint(dv.Version)}, "sentence": sub}
		if r := b.post("/console/encounters/"+rec+"/sections/subjective", form); r.status != http.StatusSeeOther {
			t.Fatalf("edit: %d\n%s", r.status, r.body)
		}
		page := b.get("/console/encounters/" + rec)
		for _, want := range []string{`data-flag="fact_mismatch"`, "Fact check failed", "the sentence says “9 days”"} {
			if !strings.Contains(page.body, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
	})

	t.Run("roles see only their pages", func(t *testing.T) {
		b := f.browser(t)
		b.signIn("patientP")
		for _, p := range []string{"/console/worklist", "/console/reviews", "/console/ops"} {
			if r := b.get(p); r.status != http.StatusForbidden {
				t.Errorf("patient GET %s: %d, want 403", p, r.status)
			}
		}
	})
}

func TestSecureCookieUnderTLS(t *testing.T) {
	t.Parallel()
	f := setup(t)
	ts := httptest.NewTLSServer(f.srv.Config.Handler)
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	b := &browser{t: t, f: f, base: ts.URL, c: &http.Client{Jar: jar, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/console/signin", strings.NewReader(url.Values{
		"csrf": {b.csrf("/console/signin")}, "token": {f.tokens["drA"]}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "clinscribe_session" && !c.Secure {
			t.Error("session cookie over TLS is not Secure")
		}
	}
}

func who(id, role string) access.Who {
	return access.Who{Principal: access.Principal{ID: id, Role: access.Role(role)}}
}

func merge(a, b url.Values) url.Values {
	out := url.Values{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
