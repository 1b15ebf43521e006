package console_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/review"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// One Chromium for the package: started by the first browser test,
// stopped by TestMain. Each test gets its own browser context (its own
// cookies and storage) in it.
var chrome struct {
	once    sync.Once
	browser context.Context
	stop    []func()
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(chrome.stop) - 1; i >= 0; i-- {
		chrome.stop[i]()
	}
	os.Exit(code)
}

// chromiumPath finds the browser: $CHROMIUM, or Debian's chromium.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newTab returns a fresh browser context (cookies, storage) in the shared
// headless Chromium. Without Chromium the test fails in CI and is skipped
// elsewhere, saying why.
func newTab(t, owner *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		msg := "headless Chromium not found (install the Debian package chromium: .ci/ensure-chromium, or set CHROMIUM)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	chrome.once.Do(func() {
		dir, err := os.MkdirTemp("", "clinscribe-chromium-")
		if err != nil {
			chrome.err = err
			return
		}
		chrome.stop = append(chrome.stop, func() { os.RemoveAll(dir) })
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path), chromedp.UserDataDir(dir), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.Flag("headless", true), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
			chromedp.Flag("autoplay-policy", "no-user-gesture-required"), chromedp.WindowSize(1280, 900))
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		chrome.stop = append(chrome.stop, cancelAlloc)
		browser, cancelBrowser := chromedp.NewContext(alloc)
		chrome.stop = append(chrome.stop, cancelBrowser)
		if err := chromedp.Do(browser); err != nil {
			chrome.err = fmt.Errorf("starting %s: %w", path, err)
			return
		}
		chrome.browser = browser
	})
	if chrome.err != nil {
		t.Fatal(chrome.err)
	}
	ctx, cancel := chromedp.NewContext(chrome.browser, chromedp.WithNewBrowserContext())
	owner.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	owner.Cleanup(cancelT)
	return ctx
}

// shots saves a page's screenshot to docs/console/ when
// CONSOLE_SCREENSHOTS=1 (normal runs do not rewrite them).
type shots struct {
	t  *testing.T
	on bool
}

func (s shots) take(ctx context.Context, name string) {
	s.t.Helper()
	if !s.on {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		s.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join("..", "..", "..", "..", "docs", "console", name+".png"), png, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// step runs browser actions and fails the test with what it was doing.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitDone waits for the confirmation an action's redirect shows.
func waitDone(t *testing.T, ctx context.Context, code string) {
	t.Helper()
	step(t, ctx, "wait for "+code, chromedp.WaitVisible(chromedp.CSS(`p.done[data-done="`+code+`"]`)))
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return v
}

func signInBrowser(t *testing.T, ctx context.Context, f *fixture, key string, s shots) {
	t.Helper()
	step(t, ctx, "open the sign-in page", chromedp.Navigate(f.url+"/console/"), chromedp.WaitVisible(chromedp.ID("token")))
	if key == "drA" {
		s.take(ctx, "signin")
	}
	step(t, ctx, "sign in as "+key, chromedp.SendKeys(chromedp.ID("token"), f.tokens[key]),
		chromedp.Click(chromedp.CSS(`form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`header nav`)))
}

// TestBrowserWalk drives each role's loop in headless Chromium by clicking,
// then checks that nothing of the canary patient's reached a URL, browser
// storage or the server's log.
func TestBrowserWalk(t *testing.T) {
	tt := t // the tabs live until the last check
	f := setup(t, "note-hypertension-followup", "rec-cough-telehealth", "note-new-patient-hp")
	s := shots{t: t, on: os.Getenv("CONSOLE_SCREENSHOTS") == "1"}
	canary, optedOut, rec := f.ids["canary"], f.ids["optedout"], f.ids["rec-cough-telehealth"]
	var tabs []context.Context

	t.Run("clinician: worklist, evidence, not in the draft, edit, sign", func(t *testing.T) {
		ctx := newTab(t, tt)
		tabs = append(tabs, ctx)
		signInBrowser(t, ctx, f, "drA", s)
		step(t, ctx, "the worklist", chromedp.WaitVisible(chromedp.ID("g-awaiting_signoff")))
		s.take(ctx, "worklist")
		if s.on {
			// The recording's page, for the screenshot: transcript with
			// times, the audio element, a sentence selected.
			step(t, ctx, "open the recording's draft", chromedp.Click(chromedp.CSS(`a[href="/console/encounters/`+rec+`"]`)),
				chromedp.WaitVisible(chromedp.CSS(`section.source audio`)),
				chromedp.Click(chromedp.CSS(`button.sentence[data-evidence]:not([data-evidence=""])`)),
				chromedp.WaitVisible(chromedp.CSS(`.segment.evidence-hit`)))
			s.take(ctx, "encounter-recording")
			step(t, ctx, "back to the worklist", chromedp.Navigate(f.url+"/console/worklist"), chromedp.WaitVisible(chromedp.ID("g-awaiting_signoff")))
		}
		step(t, ctx, "open the canary's draft", chromedp.Click(chromedp.CSS(`#g-awaiting_signoff ~ .table-wrap a[href="/console/encounters/`+canary+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(`section.draft`)), chromedp.WaitVisible(chromedp.CSS(`section.source`)))

		t.Run("click a sentence: its evidence is highlighted", func(t *testing.T) {
			sel := `button.sentence[data-evidence]:not([data-evidence=""])`
			step(t, ctx, "click a sentence", chromedp.Click(chromedp.CSS(sel)), chromedp.WaitVisible(chromedp.CSS(`.segment.evidence-hit`)))
			want := eval[string](t, ctx, `document.querySelector('button.sentence[aria-pressed="true"]').dataset.evidence.split(' ').map(id => 'src-' + id).sort().join(' ')`)
			got := eval[string](t, ctx, `Array.from(document.querySelectorAll('.segment.evidence-hit')).map(e => e.id).sort().join(' ')`)
			if got == "" || got != want {
				t.Errorf("highlighted %q, the sentence cites %q", got, want)
			}
			if st := text(t, ctx, "#evidence-status"); !strings.HasPrefix(st, "Highlighted") {
				t.Errorf("status line %q", st)
			}
			// The keyboard works too: focus the next sentence and press Enter.
			step(t, ctx, "select by keyboard", chromedp.Focus(chromedp.CSS(`button.sentence:not([aria-pressed="true"])`)), chromedp.KeyEvent("\r"))
			if n := eval[int](t, ctx, `document.querySelectorAll('button.sentence[aria-pressed="true"]').length`); n != 1 {
				t.Errorf("%d sentences pressed after Enter, want 1", n)
			}
			s.take(ctx, "encounter")
		})

		t.Run("add a Not in the draft segment to a section", func(t *testing.T) {
			seg := eval[string](t, ctx, `document.querySelector('.omission').dataset.segment`)
			step(t, ctx, "add it", chromedp.SetValue(chromedp.CSS(`.omission select`), "plan"),
				chromedp.Click(chromedp.CSS(`.omission button[type=submit]`)))
			waitDone(t, ctx, "pulled")
			if got := text(t, ctx, "p.done"); got != "Added to the section as a new version." {
				t.Errorf("confirmation %q", got)
			}
			d, err := f.a.Services.Store.Draft(context.Background(), canary, 2)
			if err != nil {
				t.Fatalf("no version 2: %v", err)
			}
			plan := d.Sections[len(d.Sections)-1]
			if last := plan.Sentences[len(plan.Sentences)-1]; len(last.Evidence) != 1 || last.Evidence[0] != seg {
				t.Errorf("the plan's last sentence cites %v, want [%s]", last.Evidence, seg)
			}
		})

		t.Run("edit a section", func(t *testing.T) {
			step(t, ctx, "open the editor", chromedp.Click(chromedp.CSS(`a.edit[href$="/sections/assessment"]`)),
				chromedp.WaitVisible(chromedp.ID("add")))
			s.take(ctx, "edit-section")
			step(t, ctx, "add a sentence and save", chromedp.SendKeys(chromedp.ID("add"), "Likely viral; no antibiotics indicated."),
				chromedp.Click(chromedp.CSS(`form button[type=submit].primary`)))
			waitDone(t, ctx, "edited")
			d, err := f.a.Services.Store.Draft(context.Background(), canary, 3)
			if err != nil {
				t.Fatalf("no version 3: %v", err)
			}
			var found bool
			for _, sec := range d.Sections {
				for _, sent := range sec.Sentences {
					found = found || (sec.Key == "assessment" && sent.Text == "Likely viral; no antibiotics indicated.")
				}
			}
			if !found {
				t.Error("the edit is not in version 3's assessment")
			}
		})

		t.Run("sign with the attestation and the content hash shown", func(t *testing.T) {
			shown := text(t, ctx, "#content-hash")
			d, err := f.a.Services.Store.Draft(context.Background(), canary, 3)
			if err != nil {
				t.Fatal(err)
			}
			if shown != d.ContentSHA256 {
				t.Errorf("the page shows hash %q, version 3's is %q", shown, d.ContentSHA256)
			}
			step(t, ctx, "sign", chromedp.Click(chromedp.CSS(`section.sign button[type=submit]`)))
			waitDone(t, ctx, "signed")
			_, _, states, err := f.a.Services.Store.Versions(context.Background(), canary)
			if err != nil {
				t.Fatal(err)
			}
			if st := states[3].Status; st != encounter.DraftAmended {
				t.Errorf("version 3 is %s, want amended", st)
			}
		})
	})

	t.Run("clinician: document an opted-out encounter by hand", func(t *testing.T) {
		ctx := newTab(t, tt)
		tabs = append(tabs, ctx)
		signInBrowser(t, ctx, f, "drA", s)
		step(t, ctx, "open it from the worklist", chromedp.Click(chromedp.CSS(`a[href="/console/encounters/`+optedOut+`/document"]`)),
			chromedp.WaitVisible(chromedp.ID("section-subjective")))
		s.take(ctx, "human-documentation")
		step(t, ctx, "write and save", chromedp.SendKeys(chromedp.ID("section-subjective"), "Knee pain after a fall two weeks ago, better with rest."),
			chromedp.SendKeys(chromedp.ID("section-plan"), "Physiotherapy referral.\nReview in four weeks."),
			chromedp.Click(chromedp.CSS(`form button[type=submit].primary`)))
		waitDone(t, ctx, "documented")
		if label := text(t, ctx, ".label strong"); label != "Written by a clinician" {
			t.Errorf("label %q", label)
		}
		step(t, ctx, "sign", chromedp.Click(chromedp.CSS(`section.sign button[type=submit]`)))
		waitDone(t, ctx, "signed")
		d, err := f.a.Services.Store.Draft(context.Background(), optedOut, 1)
		if err != nil {
			t.Fatal(err)
		}
		if d.Label.AIGenerated || d.Label.SecurityLabel != "" {
			t.Errorf("the hand-written note is labeled AI: %+v", d.Label)
		}
		_, _, states, _ := f.a.Services.Store.Versions(context.Background(), optedOut)
		// main's Fold calls a signed version a clinician made "amended"
		// (issue 14 may call a human note "final"): signed either way.
		if st := states[1].Status; st != encounter.DraftFinal && st != encounter.DraftAmended {
			t.Errorf("the hand-written note is %s, want signed", st)
		}
	})

	var caseID string
	t.Run("patient: read the signed note, request review, read the access log", func(t *testing.T) {
		ctx := newTab(t, tt)
		tabs = append(tabs, ctx)
		signInBrowser(t, ctx, f, "canary", s)
		s.take(ctx, "my-visits")
		step(t, ctx, "open the signed note", chromedp.Click(chromedp.CSS(`a[href="/console/encounters/`+canary+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(`ol.explained`)))
		if h := text(t, ctx, ".label strong"); !strings.Contains(h, "checked and signed") {
			t.Errorf("label %q", h)
		}
		if body := eval[string](t, ctx, `document.body.innerText`); strings.Contains(body, "[seg-") {
			t.Error("the patient's page shows segment tags")
		}
		step(t, ctx, "open a sentence's source", chromedp.Click(chromedp.CSS(`ol.explained details summary`)))
		s.take(ctx, "patient-note")
		step(t, ctx, "request review", chromedp.SendKeys(chromedp.ID("statement"), "The note says three days; it was five."),
			chromedp.Click(chromedp.CSS(`form[action$="/reviews"] button[type=submit]`)))
		waitDone(t, ctx, "requested")
		cases, err := f.a.Services.Cases.Of(context.Background(), canary)
		if err != nil || len(cases) != 1 {
			t.Fatalf("cases %v, %v", cases, err)
		}
		caseID = cases[0].ID
		step(t, ctx, "the AI processing page", chromedp.Click(chromedp.CSS(`nav a[href="/console/me/consent"]`)), chromedp.WaitVisible(chromedp.ID("consent-state")))
		s.take(ctx, "consent")
		step(t, ctx, "the access log", chromedp.Click(chromedp.CSS(`nav a[href="/console/me/access"]`)), chromedp.WaitVisible(chromedp.ID("access-log")))
		log := eval[string](t, ctx, `Array.from(document.querySelectorAll('#access-log tbody tr')).map(r => r.cells[1].innerText + ' ' + r.cells[2].innerText).join('\n')`)
		for _, want := range []string{"Dr. Lena Okafor (clinician, Riverside Family Clinic) signed your note", "You asked for a human review of your note"} {
			if !strings.Contains(log, want) {
				t.Errorf("the access log does not say %q", want)
			}
		}
		s.take(ctx, "access-log")
		step(t, ctx, "the deletion page", chromedp.Navigate(f.url+"/console/encounters/"+canary+"/deletion"), chromedp.WaitVisible(chromedp.ID("wont-h")))
		s.take(ctx, "deletion")
	})

	t.Run("reviewer: decide the case from the draft and the source", func(t *testing.T) {
		if caseID == "" {
			t.Skip("no case: the patient's walk failed")
		}
		workertest.Eventually(t, 30*time.Second, func() error {
			c, err := f.a.Services.Cases.Load(context.Background(), canary, caseID)
			if err != nil || c.AssignedTo != "rev-1" {
				return fmt.Errorf("case not assigned yet (%v)", err)
			}
			return nil
		})
		ctx := newTab(t, tt)
		tabs = append(tabs, ctx)
		signInBrowser(t, ctx, f, "reviewer", s)
		s.take(ctx, "review-queue")
		step(t, ctx, "open the case", chromedp.Click(chromedp.CSS(`a[href="/console/encounters/`+canary+`/reviews/`+caseID+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(`blockquote.statement`)), chromedp.WaitVisible(chromedp.CSS(`section.source`)))
		s.take(ctx, "review-case")
		step(t, ctx, "decide", chromedp.SendKeys(chromedp.ID("explanation"), "The recording supports three days; the note stands."),
			chromedp.Click(chromedp.CSS(`form[action$="/decision"] button[type=submit]`)), chromedp.WaitVisible(chromedp.ID("decided-h")))
		c, err := f.a.Services.Cases.Load(context.Background(), canary, caseID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Status != review.StatusDecided || c.Decision != review.DecisionUpheld {
			t.Errorf("case %s: %s %s", caseID, c.Status, c.Decision)
		}
	})

	t.Run("ops: queue states", func(t *testing.T) {
		ctx := newTab(t, tt)
		tabs = append(tabs, ctx)
		signInBrowser(t, ctx, f, "ops", s)
		step(t, ctx, "the queues page", chromedp.WaitVisible(chromedp.ID("queues")))
		if q := text(t, ctx, "#queues"); !strings.Contains(q, "summarize") {
			t.Errorf("the queue table does not list summarize:\n%s", q)
		}
		s.take(ctx, "ops")
	})

	t.Run("a label on every control; no sideways scrolling at 200% zoom", func(t *testing.T) {
		if len(tabs) < 5 {
			t.Fatal("the walks above did not all run")
		}
		pages := map[int][]string{
			0: {"/console/worklist", "/console/encounters/" + rec, "/console/encounters/" + rec + "/sections/plan", "/console/encounters/" + canary},
			2: {"/console/me", "/console/me/consent", "/console/me/access", "/console/encounters/" + canary, "/console/encounters/" + canary + "/deletion"},
			3: {"/console/reviews", "/console/encounters/" + canary + "/reviews/" + caseID},
			4: {"/console/ops"},
		}
		unlabeled := `Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
			.filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !(el.tagName === 'BUTTON' && el.innerText.trim()))
			.map(el => el.outerHTML.slice(0, 80))`
		for tab, paths := range pages {
			ctx := tabs[tab]
			// 200% zoom of a 1280-pixel window: a 640-pixel layout viewport.
			step(t, ctx, "zoom", chromedp.EmulateViewport(640, 900))
			for _, p := range paths {
				step(t, ctx, "open "+p, chromedp.Navigate(f.url+p), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
				if bad := eval[[]string](t, ctx, unlabeled); len(bad) > 0 {
					t.Errorf("%s: controls without a label: %v", p, bad)
				}
				if w := eval[int](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
					t.Errorf("%s: %d pixels of sideways scrolling at 200%% zoom", p, w)
				}
			}
		}
	})

	t.Run("nothing of the patient's in URLs, browser storage or the server's log", func(t *testing.T) {
		opaque := regexp.MustCompile(`^http://127\.0\.0\.1:\d+/console(/[A-Za-z0-9_.-]+)*/?(\?(v=\d+|done=[a-z]+|why=[a-z]+))?$`)
		for i, ctx := range tabs {
			hist, err := chromedp.Run(ctx, chromedp.NavigationEntries())
			if err != nil {
				t.Fatal(err)
			}
			if len(hist.Entries) < 2 {
				t.Errorf("tab %d: %d history entries; the walk did not run", i, len(hist.Entries))
			}
			for _, e := range hist.Entries {
				if e.URL != "about:blank" && !opaque.MatchString(e.URL) {
					t.Errorf("tab %d: URL %q is not opaque IDs and codes only", i, e.URL)
				}
				for _, c := range canaries {
					if strings.Contains(e.URL, c) {
						t.Errorf("tab %d: URL %q holds %q", i, e.URL, c)
					}
				}
			}
			if n := eval[int](t, ctx, `localStorage.length + sessionStorage.length`); n != 0 {
				t.Errorf("tab %d: %d items in localStorage/sessionStorage", i, n)
			}
			if c := eval[string](t, ctx, `document.cookie`); c != "" {
				t.Errorf("tab %d: script can read cookies %q", i, c)
			}
		}
		logs := f.logs.String()
		if !strings.Contains(logs, "console request") {
			t.Fatal("the server's log has no console lines: the scan would prove nothing")
		}
		for _, c := range canaries {
			if strings.Contains(logs, c) {
				t.Errorf("the server's log holds %q", c)
			}
		}
	})
}
