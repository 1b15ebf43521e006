package ai_test

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// countingSummarizer records how many requests would have left.
type countingSummarizer struct {
	calls    atomic.Int64
	sections []encounter.Section
}

func (c *countingSummarizer) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	c.calls.Add(1)
	return &ai.SummarizeResult{Sections: c.sections, Model: "m1"}, nil
}

type denyAll struct{}

func (denyAll) AIAllowed(context.Context, string) (bool, error) { return false, nil }

type setup struct {
	gw    *ai.Gateway
	sum   *countingSummarizer
	dir   string
	req   *ai.SummarizeRequest
	call  ai.Call
	audit *audit.Logger
}

func newSetup(t *testing.T, att ai.Attestation, consent ai.ConsentChecker, override bool) *setup {
	t.Helper()
	dir := t.TempDir()
	lg := audittest.NewFileLogger(t, dir, "w1")
	sum := &countingSummarizer{}
	p := &ai.Provider{Name: "remote", Kind: "test", Attestation: att, Summarizer: sum, Transcriber: nil,
		Models: map[ai.Task]string{ai.TaskSummarize: "m1"}}
	off := &ai.Provider{Name: "local", Kind: "test", Attestation: ai.Attestation{ZeroRetention: true, Agreement: "x"},
		Transcriber: nopTranscriber{}}
	gw, err := ai.NewGateway(ai.Config{Transcribe: "local", Summarize: "remote", DebugOverrideUnattestedProviders: override},
		[]*ai.Provider{p, off}, lg, consent, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, _ := prompts.Builtin().Get("soap")
	return &setup{gw: gw, sum: sum, dir: dir, audit: lg,
		req:  &ai.SummarizeRequest{Template: tmpl, Segments: []encounter.Segment{{ID: "seg-0001", Text: "Cough for five days."}}},
		call: ai.Call{EncounterID: encounter.NewID(), PatientRef: "pt_abc", TaskID: "t1"}}
}

type nopTranscriber struct{}

func (nopTranscriber) Transcribe(context.Context, *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	return &ai.TranscribeResult{}, nil
}

func events(t *testing.T, dir string) []audit.Event {
	t.Helper()
	entries, err := audit.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []audit.Event
	for _, e := range entries {
		out = append(out, e.Event)
	}
	return out
}

func TestGatewayAuditsEveryCall(t *testing.T) {
	t.Parallel()
	s := newSetup(t, ai.Attestation{ZeroRetention: true, Agreement: "baa-2026-014"}, ai.AllowAll{}, false)
	if _, err := s.gw.Summarize(context.Background(), s.call, s.req); err != nil {
		t.Fatal(err)
	}
	entries, err := audit.ReadDir(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Event != audit.EventAIIntent || entries[1].Event != audit.EventAIOutcome {
		t.Fatalf("entries = %+v, want intent then outcome", entries)
	}
	in, out := entries[0], entries[1]
	if in.CallID == "" || in.CallID != out.CallID || in.InputSHA256 != ai.SummarizeInputHash(s.req) || out.InputSHA256 != in.InputSHA256 {
		t.Fatalf("intent/outcome do not match: %+v %+v", in, out)
	}
	if out.Result != "ok" || out.OutputSHA256 == "" || in.Attestation != "baa-2026-014" || in.PatientRef != "pt_abc" {
		t.Fatalf("outcome = %+v", out)
	}
}

func TestGatewayRefusesUnattestedProvider(t *testing.T) {
	t.Parallel()
	s := newSetup(t, ai.Attestation{}, ai.AllowAll{}, false)
	_, err := s.gw.Summarize(context.Background(), s.call, s.req)
	if phi.CodeOf(err) != phi.CodeNotAttested || !phi.IsPermanent(err) {
		t.Fatalf("err = %v, want permanent %s", err, phi.CodeNotAttested)
	}
	if n := s.sum.calls.Load(); n != 0 {
		t.Fatalf("%d requests reached the unattested provider", n)
	}
	if got := events(t, s.dir); !slices.Equal(got, []audit.Event{audit.EventAIRefused}) {
		t.Fatalf("audit = %v, want one refusal", got)
	}
}

func TestGatewayDebugOverride(t *testing.T) {
	t.Parallel()
	s := newSetup(t, ai.Attestation{}, ai.AllowAll{}, true)
	if _, err := s.gw.Summarize(context.Background(), s.call, s.req); err != nil {
		t.Fatal(err)
	}
	if s.sum.calls.Load() != 1 {
		t.Fatal("override did not let the call through")
	}
}

func TestGatewayRefusesOptedOutPatient(t *testing.T) {
	t.Parallel()
	s := newSetup(t, ai.Attestation{ZeroRetention: true, Agreement: "a"}, denyAll{}, false)
	_, err := s.gw.Summarize(context.Background(), s.call, s.req)
	if phi.CodeOf(err) != phi.CodeConsentDenied || s.sum.calls.Load() != 0 {
		t.Fatalf("err = %v, calls = %d; want consent_denied and no call", err, s.sum.calls.Load())
	}
}

// If the audit trail cannot be written, no request leaves.
func TestGatewayFailsClosedWhenTrailClosed(t *testing.T) {
	t.Parallel()
	s := newSetup(t, ai.Attestation{ZeroRetention: true, Agreement: "a"}, ai.AllowAll{}, false)
	if err := s.audit.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := s.gw.Summarize(context.Background(), s.call, s.req)
	if phi.CodeOf(err) != phi.CodeAuditUnavailable || phi.IsPermanent(err) {
		t.Fatalf("err = %v, want retryable %s", err, phi.CodeAuditUnavailable)
	}
	if s.sum.calls.Load() != 0 {
		t.Fatal("a request left while the audit trail was down")
	}
}

func TestNewGatewayRejectsBadRoutes(t *testing.T) {
	t.Parallel()
	lg := audittest.NewFileLogger(t, t.TempDir(), "w")
	_, err := ai.NewGateway(ai.Config{Transcribe: "x", Summarize: "x"}, nil, lg, ai.AllowAll{}, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "unknown provider") {
		t.Fatalf("err = %v", err)
	}
}

func TestCheckEvidence(t *testing.T) {
	t.Parallel()
	segs := []encounter.Segment{
		{ID: "seg-0001", Text: "I have had a cough for five days."},
		{ID: "seg-0002", Text: "Your temperature is 38.2."},
	}
	secs := []encounter.Section{{Key: "s", Sentences: []encounter.Sentence{
		{Text: "Cough for five days.", Evidence: []string{"seg-0001"}},
		{Text: "Temperature 38.2.", Evidence: []string{"seg-0002", "seg-9999"}},
		{Text: "Patient has pneumonia requiring admission.", Evidence: []string{"seg-0001"}},
		{Text: "Chest x-ray ordered.", Evidence: []string{"seg-4242"}},
		{Text: "No citations at all."},
	}}}
	ai.CheckEvidence(secs, segs)
	got := secs[0].Sentences
	want := []struct {
		flags    []string
		evidence []string
	}{
		{nil, []string{"seg-0001"}},
		{nil, []string{"seg-0002"}},
		{[]string{encounter.FlagUnsupported}, []string{"seg-0001"}},
		{[]string{encounter.FlagNoEvidence}, nil},
		{[]string{encounter.FlagNoEvidence}, nil},
	}
	if len(got) != len(want) {
		t.Fatalf("sentences dropped: %d left of %d", len(got), len(want))
	}
	for i, w := range want {
		if !slices.Equal(got[i].Flags, w.flags) || !slices.Equal(got[i].Evidence, w.evidence) {
			t.Errorf("sentence %d %q: flags %v evidence %v, want %v %v", i, got[i].Text, got[i].Flags, got[i].Evidence, w.flags, w.evidence)
		}
	}
}

type recordingObserver struct{ calls []ai.CallStat }

func (r *recordingObserver) ObserveCall(c ai.CallStat) { r.calls = append(r.calls, c) }

// The gateway reports each provider call to its observer, timed on the
// gateway's clock, with the configured model; refused calls (consent) made
// no provider call and report nothing.
func TestGatewayReportsCallsToItsObserver(t *testing.T) {
	t.Parallel()
	lg := audittest.NewFileLogger(t, t.TempDir(), "w1")
	p := &ai.Provider{Name: "remote", Kind: "test", Attestation: ai.Attestation{ZeroRetention: true, Agreement: "a"},
		Summarizer: &countingSummarizer{}, Transcriber: nopTranscriber{}, Models: map[ai.Task]string{ai.TaskSummarize: "m1"}}
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	obs := &recordingObserver{}
	gw, err := ai.NewGateway(ai.Config{Transcribe: "remote", Summarize: "remote"}, []*ai.Provider{p}, lg, ai.AllowAll{},
		slog.New(slog.DiscardHandler), ai.WithObserver(obs), ai.WithClock(func() time.Time {
			clock = clock.Add(250 * time.Millisecond) // each reading a quarter second later
			return clock
		}))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, _ := prompts.Builtin().Get("soap")
	req := &ai.SummarizeRequest{Template: tmpl, Segments: []encounter.Segment{{ID: "seg-0001", Text: "Cough for five days."}}}
	if _, err := gw.Summarize(context.Background(), ai.Call{EncounterID: encounter.NewID(), PatientRef: "pt_abc"}, req); err != nil {
		t.Fatal(err)
	}
	want := []ai.CallStat{{Provider: "remote", Model: "m1", Task: ai.TaskSummarize, Elapsed: 250 * time.Millisecond}}
	if diff := cmp.Diff(want, obs.calls, cmpopts.IgnoreFields(ai.CallStat{}, "Usage")); diff != "" {
		t.Fatalf("observed calls (-want +got):\n%s", diff)
	}
}
