package console_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/console"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/pipeline/review"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

// The benchmark's encounter: a 60-minute visit transcribed into 700
// segments (about 5 s each), a draft of 200 sentences citing them, and
// the segments no sentence cites listed as not in the draft. Generated
// here, in memory: the benchmark measures the console (services read
// nothing from storage).
const (
	benchID       = "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa"
	benchSegments = 700
	benchMinutes  = 60
)

var benchWords = strings.Fields("the patient reports pain in the left knee since last week worse on stairs better with rest no fever no swelling takes ibuprofen 400 mg twice daily blood pressure 128 over 82 pulse 78 lungs clear plan physiotherapy review in four weeks")

func benchTranscript() []encounter.Segment {
	segs := make([]encounter.Segment, benchSegments)
	per := int64(benchMinutes*60*1000) / benchSegments
	for i := range segs {
		n := 12 + i%14
		words := make([]string, n)
		for j := range words {
			words[j] = benchWords[(i*7+j)%len(benchWords)]
		}
		speaker := "Clinician"
		if i%2 == 1 {
			speaker = "Patient"
		}
		segs[i] = encounter.Segment{ID: fmt.Sprintf("seg-%d", i+1), StartMS: int64(i) * per, EndMS: int64(i+1)*per - 200,
			Speaker: speaker, Text: strings.Join(words, " ") + "."}
	}
	return segs
}

func benchDraft(segs []encounter.Segment) *encounter.Draft {
	d := &encounter.Draft{EncounterID: benchID, Version: 1, Status: encounter.DraftPreliminary, Template: "soap",
		Label: encounter.Label{AIGenerated: true, SecurityLabel: "AIAST", Provider: "offline", Model: "bench", PromptVersion: "soap@1"}}
	for k, key := range []string{"subjective", "objective", "assessment", "plan"} {
		sec := encounter.Section{Key: key, Title: strings.ToUpper(key[:1]) + key[1:]}
		for i := range 50 {
			n := (k*50 + i) * 3
			sent := encounter.Sentence{Text: segs[n].Text, Evidence: []string{segs[n].ID, segs[n+1].ID}}
			if i%10 == 0 {
				sent.Flags = []string{encounter.FlagUnsupported}
			}
			sec.Sentences = append(sec.Sentences, sent)
		}
		d.Sections = append(d.Sections, sec)
	}
	cited := map[string]bool{}
	for _, s := range d.Sections {
		for _, sent := range s.Sentences {
			for _, e := range sent.Evidence {
				cited[e] = true
			}
		}
	}
	d.NotInDraft = &encounter.Coverage{Segments: len(segs)}
	for _, s := range segs {
		if cited[s.ID] {
			d.NotInDraft.Cited++
		} else {
			d.NotInDraft.ClinicalNotUsed = append(d.NotInDraft.ClinicalNotUsed, encounter.Omission{Segment: s.ID, Text: s.Text, Reason: encounter.ReasonClinical})
		}
	}
	d.ComputeContentHash()
	return d
}

type benchServices struct {
	segs  []encounter.Segment
	draft *encounter.Draft
}

func (b *benchServices) View(context.Context, access.Who, string, int) (*signoff.DraftView, error) {
	d := *b.draft
	return &signoff.DraftView{Draft: &d, State: encounter.VersionState{Version: 1, Status: encounter.DraftPreliminary}, Versions: []int{1}, Latest: 1}, nil
}

var errBench = phi.Permanentf(phi.CodeNotConfigured, "not used by the benchmark")

func (b *benchServices) Explain(context.Context, access.Who, string, int) (*signoff.Explanation, error) {
	return nil, errBench
}
func (b *benchServices) Sign(context.Context, access.Who, string, int, string, string) (*signoff.DraftView, error) {
	return nil, errBench
}
func (b *benchServices) Edit(context.Context, access.Who, string, int, []encounter.Section) (*signoff.DraftView, error) {
	return nil, errBench
}
func (b *benchServices) Reject(context.Context, access.Who, string, int, string) (*signoff.DraftView, error) {
	return nil, errBench
}
func (b *benchServices) EnteredInError(context.Context, access.Who, string, int, string) (*signoff.DraftView, error) {
	return nil, errBench
}
func (b *benchServices) PullIn(context.Context, access.Who, string, int, string, int, string) (*signoff.DraftView, error) {
	return nil, errBench
}
func (b *benchServices) Source(context.Context, access.Who, string) (*console.Source, error) {
	return &console.Source{Kind: "provider", Segments: b.segs}, nil
}
func (b *benchServices) Recording(context.Context, access.Who, string) (*console.Recording, error) {
	return nil, errBench
}
func (b *benchServices) Request(context.Context, access.Who, string, int, string) (*review.ReviewCase, error) {
	return nil, errBench
}
func (b *benchServices) List(context.Context, access.Who, string) ([]review.ReviewCase, error) {
	return nil, errBench
}
func (b *benchServices) OpenCases(context.Context, access.Who) ([]review.ReviewCase, error) {
	return nil, errBench
}
func (b *benchServices) Decide(context.Context, access.Who, string, string, string, int) (*review.ReviewCase, error) {
	return nil, errBench
}
func (b *benchServices) Set(context.Context, access.Who, string, string, string) (consent.Consent, error) {
	return consent.Consent{}, errBench
}
func (b *benchServices) Get(context.Context, access.Who, string) (consent.Consent, error) {
	return consent.Consent{}, errBench
}
func (b *benchServices) Delete(context.Context, access.Who, string, string) (*retention.DeletionCertificate, error) {
	return nil, errBench
}
func (b *benchServices) ExportAudit(context.Context, access.Who, audit.Filter, access.AuditRows) ([]audit.Row, error) {
	return nil, errBench
}
func (b *benchServices) Blank(context.Context, access.Who, string) ([]encounter.Section, error) {
	return nil, errBench
}
func (b *benchServices) Write(context.Context, access.Who, string, int, []encounter.Section) (*signoff.DraftView, error) {
	return nil, errBench
}
func (b *benchServices) Regenerate(context.Context, access.Who, string) error { return errBench }

type benchWorklist struct{}

func (benchWorklist) List(context.Context, access.Who, console.WorkQuery) (*console.WorkPage, error) {
	return nil, errBench
}

func (b *benchServices) Queues(context.Context) ([]console.QueueState, error) { return nil, errBench }
func (b *benchServices) Archived(context.Context, string, int) ([]console.TaskRow, error) {
	return nil, errBench
}

// benchTokens signs in one clinician.
type benchTokens struct{}

const benchToken = "cst_benchmark-token-000000000000000000000000"

func (benchTokens) Authenticate(_ context.Context, token string) (access.Principal, error) {
	if token != benchToken {
		return access.Principal{}, access.ErrUnauthenticated
	}
	return access.Principal{ID: "dr-bench", Role: access.RoleProvider, TokenID: "tok-bench"}, nil
}

// BenchmarkEncounterPage renders the clinician's page of an encounter
// with a 60-minute transcript (700 segments), its draft and its "Not in
// the draft" list, through the whole handler (session, headers, template),
// and reports the p50 and p95 latency per page.
func BenchmarkEncounterPage(b *testing.B) {
	segs := benchTranscript()
	svc := &benchServices{segs: segs, draft: benchDraft(segs)}
	rows := func(context.Context, audit.Filter) ([]audit.Row, error) { return nil, nil }
	con, err := console.New(console.Config{}, console.Services{Drafts: svc, Reviews: svc, Consent: svc, Deletion: svc, Guard: svc,
		AuditRows: rows, Queues: svc, Sources: svc, Worklist: benchWorklist{}, Human: svc, Regenerate: svc}, benchTokens{}, slog.New(slog.NewTextHandler(io.Discard, nil)), console.Options{})
	if err != nil {
		b.Fatal(err)
	}
	h := con.Handler()
	cookie := benchSignIn(b, h)
	req := httptest.NewRequest(http.MethodGet, "/console/encounters/"+benchID, nil)
	req.AddCookie(cookie)
	// One page first, to check it is the whole page.
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	body := w.Body.String()
	if w.Code != http.StatusOK || strings.Count(body, `<li id="src-`) != benchSegments || strings.Count(body, `<button type="button" class="sentence`) != 200 {
		b.Fatalf("%d: %d segments, %d sentences", w.Code, strings.Count(body, `<li id="src-`), strings.Count(body, `<button type="button" class="sentence`))
	}
	b.SetBytes(int64(len(body)))
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	pct := func(p float64) float64 { return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(float64(len(body))/1024, "page-KiB")
}

var benchCSRF = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func benchSignIn(b *testing.B, h http.Handler) *http.Cookie {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/console/signin", nil))
	pre := w.Result().Cookies()
	m := benchCSRF.FindStringSubmatch(w.Body.String())
	if m == nil || len(pre) == 0 {
		b.Fatal("no sign-in form")
	}
	req := httptest.NewRequest(http.MethodPost, "/console/signin", strings.NewReader(url.Values{"csrf": {m[1]}, "token": {benchToken}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range pre {
		req.AddCookie(c)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, req)
	for _, c := range w.Result().Cookies() {
		if c.Name == "clinscribe_session" && c.Value != "" {
			return c
		}
	}
	b.Fatalf("sign-in: %d", w.Code)
	return nil
}
