package console

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// staticHandler serves the embedded stylesheet and script.
func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	return http.FileServer(http.FS(sub))
}

type pages struct {
	t map[string]*template.Template
}

var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2 Jan 2006 15:04 UTC")
	},
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2 Jan 2006")
	},
	"rfc3339": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"clock":   clock,
	"seconds": func(ms int64) string { return fmt.Sprintf("%.3f", float64(ms)/1000) },
	"join":    strings.Join,
	"add":     func(a, b int) int { return a + b },
	"flagReason": func(f string) string {
		if s, ok := flagReasons[f]; ok {
			return s
		}
		return f
	},
	"statusWords": statusWords,
}

// clock renders milliseconds as m:ss (h:mm:ss past an hour).
func clock(ms int64) string {
	s := ms / 1000
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// flagReasons say in words why a sentence is marked.
var flagReasons = map[string]string{
	encounter.FlagUnsupported:  "Unsupported: the segments it cites do not say this",
	encounter.FlagNoEvidence:   "No evidence: it cites no segment of the source",
	encounter.FlagFactMismatch: "Fact check failed: a number, dose, drug, side, negation or time differs from the source",
}

// statusWords says a version's status in plain words.
func statusWords(s encounter.DraftStatus) string {
	switch s {
	case encounter.DraftPreliminary:
		return "draft, not yet signed"
	case encounter.DraftFinal:
		return "signed"
	case encounter.DraftAmended:
		return "edited and signed"
	case encounter.DraftRejected:
		return "rejected"
	case encounter.DraftEnteredInError:
		return "retracted (entered in error)"
	case encounter.DraftSuperseded:
		return "superseded by a later signed version"
	}
	return string(s)
}

func loadPages() (*pages, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{t: map[string]*template.Template{}}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("console: template %s: %w", base, err)
		}
		p.t[base] = t
	}
	return p, nil
}

// frame is what the layout needs around every page.
type frame struct {
	Title    string
	Role     string
	SignedIn bool
	CSRF     string
	Nav      []navLink
	Done     string
	DoneCode string
	Page     any
}

type navLink struct {
	Href, Label string
}

func navOf(r access.Role) []navLink {
	switch r {
	case access.RoleProvider:
		return []navLink{{Prefix + "/worklist", "Worklist"}}
	case access.RoleReviewer:
		return []navLink{{Prefix + "/reviews", "Review cases"}}
	case access.RolePatient:
		return []navLink{{Prefix + "/me", "My visits"}, {Prefix + "/me/consent", "AI processing"},
			{Prefix + "/me/access", "Who accessed my data"}}
	case access.RoleOps:
		return []navLink{{Prefix + "/ops", "Queues"}}
	}
	return nil
}

// titled is a page that names itself.
type titled interface{ title() string }

// doneWords are the confirmations a redirect after an action may show
// (?done=<code>: a code, never content).
var doneWords = map[string]string{
	"signed":      "Signed. The note is final.",
	"edited":      "Saved as a new version.",
	"pulled":      "Added to the section as a new version.",
	"rejected":    "The draft was rejected.",
	"retracted":   "The signed version was marked entered in error.",
	"regenerated": "A new draft was requested; it appears here when the AI has written it.",
	"documented":  "Your note was saved as a new version.",
	"decided":     "Decision recorded.",
	"requested":   "Your request for review was sent. A reviewer will look at it.",
	"consent":     "Your choice was saved.",
	"deleted":     "Deleted. A deletion certificate was recorded.",
	"signedout":   "You are signed out.",
}

func (c *Console) render(w http.ResponseWriter, r *http.Request, s *session, status int, name string, page any) {
	t, ok := c.pages.t[name]
	if !ok {
		http.Error(w, "page missing", http.StatusInternalServerError)
		return
	}
	f := frame{Page: page}
	if code := r.URL.Query().Get("done"); doneWords[code] != "" {
		f.Done, f.DoneCode = doneWords[code], code
	}
	if tp, ok := page.(titled); ok {
		f.Title = tp.title()
	}
	if s != nil {
		f.SignedIn, f.CSRF, f.Role, f.Nav = true, s.csrf, string(s.principal.Role), navOf(s.principal.Role)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", f); err != nil {
		c.log.Error("console template failed", "template", name, "error_type", fmt.Sprintf("%T", err))
		http.Error(w, "page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// done redirects after an action (post, redirect, get), with a result code.
func done(w http.ResponseWriter, r *http.Request, to, code string) {
	http.Redirect(w, r, to+"?done="+code, http.StatusSeeOther)
}
