// Package aitest is the conformance suite every AI provider passes: run
// it from the provider's tests with Run and a Setup. It drives the
// provider through the real gateway (with a file audit trail) and checks
// what the rest of clinscribe relies on:
//
//   - drafts for every built-in template: all sections in template order,
//     sentences with evidence that exists in the source, the model,
//     method and notice that label the draft;
//   - the audit trail: an intent before and an outcome after each call
//     with the same call ID, and — for providers that send requests —
//     every request bracketed by its own entries inside the call;
//   - refusals before any byte leaves: a provider without a zero-retention
//     attestation, a patient who opted out, a call made around the gateway;
//   - transcription (when the provider transcribes audio): segments with
//     IDs in order, monotonic times, the words that were said; silence
//     yields no segments;
//   - failures: cancelled calls end promptly with a cancellation code,
//     and error strings carry no source text.
package aitest

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

// Setup is one provider under test.
type Setup struct {
	// Provider is the provider, attested.
	Provider *ai.Provider
	// Sent counts requests that reached the provider's endpoint (a test
	// server's counter). Nil for in-process providers that send nothing.
	Sent func() int
	// Recording returns a recording to transcribe and words its
	// transcript must contain. Nil when the provider transcribes only
	// sidecars or not at all.
	Recording func(t testing.TB) (*ai.TranscribeRequest, []string)
	// Silence returns a recording of silence (with the endpoint primed to
	// hallucinate on it, if it can be). Nil to skip.
	Silence func(t testing.TB) *ai.TranscribeRequest
	// BreakNext makes the endpoint's next request fail permanently (HTTP
	// 400 or the like). Nil to skip the check.
	BreakNext func()
}

// Bundle is a gateway around the provider with its audit trail.
type Bundle struct {
	Gateway  *ai.Gateway
	AuditDir string
	Provider *ai.Provider
}

// NewGateway builds a gateway routing both tasks to p (a task p cannot do
// is routed to an offline stand-in named "stand-in" from extra, if
// given), with a file audit trail in a temporary directory. A nil consent
// checker allows every patient.
func NewGateway(t testing.TB, p *ai.Provider, consent ai.ConsentChecker, extra ...*ai.Provider) *Bundle {
	t.Helper()
	dir := t.TempDir()
	logger := audittest.NewFileLogger(t, dir, "aitest")
	cfg := ai.Config{Transcribe: p.Name, Summarize: p.Name}
	providers := append([]*ai.Provider{p}, extra...)
	for _, e := range extra {
		if p.Transcriber == nil && e.Transcriber != nil {
			cfg.Transcribe = e.Name
		}
		if p.Summarizer == nil && e.Summarizer != nil {
			cfg.Summarize = e.Name
		}
	}
	if consent == nil {
		consent = ai.AllowAll{}
	}
	g, err := ai.NewGateway(cfg, providers, logger, consent, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return &Bundle{Gateway: g, AuditDir: dir, Provider: p}
}

// Audit returns the audit entries written so far.
func (b *Bundle) Audit(t testing.TB) []audit.Entry {
	t.Helper()
	es, err := audit.ReadDir(b.AuditDir)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// SampleNote returns the segments of a synthetic sample note.
func SampleNote(t testing.TB, name string) []encounter.Segment {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return source.FromNote(string(b))
}

var call = ai.Call{EncounterID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", PatientRef: "pt_conformance", TaskID: "task-1", Actor: "system:worker", Role: "system"}

type denyAll struct{}

func (denyAll) AIAllowed(context.Context, string) (bool, error) { return false, nil }

// Run runs the suite. newSetup is called for each subtest, so each gets
// a fresh provider (and endpoint, if newSetup starts one).
func Run(t *testing.T, newSetup func(t *testing.T) Setup) {
	t.Run("Summarize", func(t *testing.T) {
		s := newSetup(t)
		if s.Provider.Summarizer == nil {
			t.Skip("provider does not summarize")
		}
		b := NewGateway(t, s.Provider, nil)
		reg := prompts.Builtin()
		for _, tc := range []struct{ template, note string }{
			{"soap", "note-hypertension-followup.txt"},
			{"hp", "note-new-patient-hp.txt"},
			{"avs", "note-pediatric-otitis.txt"},
		} {
			tmpl, err := reg.Get(tc.template)
			if err != nil {
				t.Fatal(err)
			}
			segs := SampleNote(t, tc.note)
			res, err := b.Gateway.Summarize(context.Background(), call, &ai.SummarizeRequest{Template: tmpl, Segments: segs})
			if err != nil {
				t.Fatalf("%s: %v", tc.template, err)
			}
			checkDraft(t, tmpl, segs, res, s.Provider.Name)
		}
		checkAudit(t, b.Audit(t), 3, s.Sent != nil)
	})

	t.Run("RefusedWithoutAttestation", func(t *testing.T) {
		s := newSetup(t)
		p := *s.Provider
		p.Attestation = ai.Attestation{}
		b := NewGateway(t, &p, nil, offlineStandIn(s.Provider)...)
		before := sent(s)
		tmpl, _ := prompts.Builtin().Get("soap")
		_, err := b.Gateway.Summarize(context.Background(), call, &ai.SummarizeRequest{Template: tmpl, Segments: SampleNote(t, "note-low-back-pain.txt")})
		if p.Summarizer == nil {
			tr, _ := recording(t, s)
			if tr == nil {
				t.Skip("provider does neither task testably")
			}
			_, err = b.Gateway.Transcribe(context.Background(), call, tr)
		}
		if phi.CodeOf(err) != phi.CodeNotAttested || !phi.IsPermanent(err) {
			t.Fatalf("unattested provider: err %v, want permanent %s", err, phi.CodeNotAttested)
		}
		if n := sent(s) - before; n != 0 {
			t.Errorf("%d request(s) reached the endpoint of an unattested provider", n)
		}
		es := b.Audit(t)
		if len(es) != 1 || es[0].Event != audit.EventAIRefused || es[0].Result != string(phi.CodeNotAttested) || es[0].Provider != p.Name {
			t.Errorf("audit trail %+v, want one %s entry", es, audit.EventAIRefused)
		}
	})

	t.Run("RefusedWithoutConsent", func(t *testing.T) {
		s := newSetup(t)
		if s.Provider.Summarizer == nil {
			t.Skip("provider does not summarize")
		}
		b := NewGateway(t, s.Provider, denyAll{})
		before := sent(s)
		tmpl, _ := prompts.Builtin().Get("soap")
		_, err := b.Gateway.Summarize(context.Background(), call, &ai.SummarizeRequest{Template: tmpl, Segments: SampleNote(t, "note-low-back-pain.txt")})
		if phi.CodeOf(err) != phi.CodeConsentDenied {
			t.Fatalf("err %v", err)
		}
		if sent(s) != before {
			t.Error("a request left for a patient who opted out")
		}
	})

	t.Run("NothingSentAroundTheGateway", func(t *testing.T) {
		s := newSetup(t)
		if s.Sent == nil {
			t.Skip("in-process provider: nothing leaves the process")
		}
		before := sent(s)
		tmpl, _ := prompts.Builtin().Get("soap")
		var err error
		if s.Provider.Summarizer != nil {
			_, err = s.Provider.Summarizer.Summarize(context.Background(), &ai.SummarizeRequest{Template: tmpl, Segments: SampleNote(t, "note-low-back-pain.txt")})
		} else if tr, _ := recording(t, s); tr != nil {
			_, err = s.Provider.Transcriber.Transcribe(context.Background(), tr)
		}
		if !errors.Is(err, ai.ErrOutsideGateway) {
			t.Errorf("call around the gateway: err %v, want ai.ErrOutsideGateway", err)
		}
		if sent(s) != before {
			t.Error("a request left outside an audited gateway call")
		}
	})

	t.Run("Transcribe", func(t *testing.T) {
		s := newSetup(t)
		tr, words := recording(t, s)
		if tr == nil {
			t.Skip("provider does not transcribe raw audio")
		}
		b := NewGateway(t, s.Provider, nil, offlineStandIn(s.Provider)...)
		res, err := b.Gateway.Transcribe(context.Background(), call, tr)
		if err != nil {
			t.Fatal(err)
		}
		checkTranscript(t, res.Segments, words)
		if res.Provider != s.Provider.Name || !idRE.MatchString(res.Model) || res.Model == "" {
			t.Errorf("result labels: provider %q model %q", res.Provider, res.Model)
		}
		checkAudit(t, b.Audit(t), 1, s.Sent != nil)
	})

	t.Run("SilenceYieldsNoSegments", func(t *testing.T) {
		s := newSetup(t)
		if s.Silence == nil || s.Provider.Transcriber == nil {
			t.Skip("no silent recording for this provider")
		}
		b := NewGateway(t, s.Provider, nil, offlineStandIn(s.Provider)...)
		res, err := b.Gateway.Transcribe(context.Background(), call, s.Silence(t))
		// Either answer means no note: no segments, or a no_speech error
		// (which must be permanent — retrying silence finds nothing).
		if err != nil {
			if phi.CodeOf(err) != phi.CodeNoSpeech || !phi.IsPermanent(err) {
				t.Fatalf("silence: %v, want no segments or a permanent %s", err, phi.CodeNoSpeech)
			}
			return
		}
		if len(res.Segments) != 0 {
			t.Errorf("silence transcribed as %d segment(s): %+v", len(res.Segments), res.Segments)
		}
	})

	t.Run("Cancelled", func(t *testing.T) {
		s := newSetup(t)
		if s.Provider.Summarizer == nil {
			t.Skip("provider does not summarize")
		}
		b := NewGateway(t, s.Provider, nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		tmpl, _ := prompts.Builtin().Get("soap")
		start := time.Now()
		_, err := b.Gateway.Summarize(ctx, call, &ai.SummarizeRequest{Template: tmpl, Segments: SampleNote(t, "note-diabetes-visit.txt")})
		if err == nil {
			return // fast enough to finish before looking at the context: allowed
		}
		if c := phi.CodeOf(err); c != phi.CodeCanceled && c != phi.CodeTimeout {
			t.Errorf("cancelled call: code %s (%v)", c, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("cancelled call took %v", d)
		}
	})

	t.Run("ErrorsCarryNoContent", func(t *testing.T) {
		s := newSetup(t)
		if s.BreakNext == nil || s.Provider.Summarizer == nil {
			t.Skip("no way to make the endpoint fail")
		}
		b := NewGateway(t, s.Provider, nil)
		s.BreakNext()
		segs := SampleNote(t, "note-hypertension-followup.txt")
		tmpl, _ := prompts.Builtin().Get("soap")
		_, err := b.Gateway.Summarize(context.Background(), call, &ai.SummarizeRequest{Template: tmpl, Segments: segs})
		if err == nil {
			t.Fatal("no error from a broken endpoint")
		}
		msg := phi.Safe(err).Error()
		for _, seg := range segs {
			for _, w := range strings.Fields(seg.Text) {
				if len(w) >= 8 && strings.Contains(msg, w) {
					t.Fatalf("error %q quotes source text %q", msg, w)
				}
			}
		}
		if phi.CodeOf(err) == phi.CodeInternal {
			t.Errorf("endpoint failure not classified: %v", err)
		}
	})
}

func offlineStandIn(p *ai.Provider) []*ai.Provider {
	// The gateway needs both tasks routed; a provider that does only one
	// gets a do-nothing partner for the other.
	if p.Transcriber != nil && p.Summarizer != nil {
		return nil
	}
	return []*ai.Provider{{Name: "stand-in", Kind: "test", Attestation: ai.Attestation{ZeroRetention: true, Agreement: "test"},
		Transcriber: nopProvider{}, Summarizer: nopProvider{}}}
}

type nopProvider struct{}

func (nopProvider) Transcribe(context.Context, *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	return &ai.TranscribeResult{}, nil
}

func (nopProvider) Summarize(context.Context, *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	return &ai.SummarizeResult{}, nil
}

func sent(s Setup) int {
	if s.Sent == nil {
		return 0
	}
	return s.Sent()
}

func recording(t testing.TB, s Setup) (*ai.TranscribeRequest, []string) {
	if s.Recording == nil || s.Provider.Transcriber == nil {
		return nil, nil
	}
	return s.Recording(t)
}

var idRE = regexp.MustCompile(`^[A-Za-z0-9._:@+/=#-]{1,256}$`)

func checkDraft(t *testing.T, tmpl *prompts.Template, segs []encounter.Segment, res *ai.SummarizeResult, provider string) {
	t.Helper()
	if res.Provider != provider || !idRE.MatchString(res.Model) || res.Method == "" || res.Notice == "" {
		t.Errorf("%s: labels provider %q model %q method %q notice %q", tmpl.ID, res.Provider, res.Model, res.Method, res.Notice)
	}
	if len(res.Sections) != len(tmpl.Sections) {
		t.Fatalf("%s: %d sections, want %d", tmpl.ID, len(res.Sections), len(tmpl.Sections))
	}
	ids := map[string]bool{}
	for _, s := range segs {
		ids[s.ID] = true
	}
	n := 0
	for i, sec := range res.Sections {
		if sec.Key != tmpl.Sections[i].Key {
			t.Errorf("%s: section %d is %q, want %q", tmpl.ID, i, sec.Key, tmpl.Sections[i].Key)
		}
		for _, sent := range sec.Sentences {
			n++
			if strings.TrimSpace(sent.Text) == "" {
				t.Errorf("%s: blank sentence", tmpl.ID)
			}
			for _, id := range sent.Evidence {
				if !ids[id] {
					t.Errorf("%s: evidence %q is not a source segment", tmpl.ID, id)
				}
			}
			if len(sent.Evidence) == 0 && !slices.Contains(sent.Flags, encounter.FlagNoEvidence) {
				t.Errorf("%s: sentence without evidence is not flagged", tmpl.ID)
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: empty draft from a full note", tmpl.ID)
	}
	// Coverage, for every provider: each segment cited or listed whole
	// with a reason (a question counts as cited through its cited answer).
	cov := res.NotInDraft
	if cov == nil {
		t.Fatalf("%s: the gateway returned no coverage", tmpl.ID)
	}
	listed := 0
	for _, o := range cov.Omissions() {
		if o.Reason == "" || strings.TrimSpace(o.Text) == "" || !ids[o.Segment] {
			t.Errorf("%s: omission without reason, text or known segment: %+v", tmpl.ID, o)
		}
		if o.Part == 0 {
			listed++
		}
	}
	if cov.Segments != len(segs) || cov.Cited+listed != len(segs) {
		t.Errorf("%s: %d segments cited + %d listed, of %d (coverage says %d)", tmpl.ID, cov.Cited, listed, len(segs), cov.Segments)
	}
}

func checkTranscript(t *testing.T, segs []encounter.Segment, words []string) {
	t.Helper()
	if len(segs) == 0 {
		t.Fatal("no segments")
	}
	var text strings.Builder
	last := int64(-1)
	for i, s := range segs {
		if s.ID != encounter.SegmentID(i+1) {
			t.Errorf("segment %d has ID %q", i, s.ID)
		}
		if s.StartMS < last || s.EndMS < s.StartMS {
			t.Errorf("%s: times %d-%d after a segment starting %d", s.ID, s.StartMS, s.EndMS, last)
		}
		last = s.StartMS
		text.WriteString(strings.ToLower(s.Text) + " ")
	}
	for _, w := range words {
		if !strings.Contains(text.String(), strings.ToLower(w)) {
			t.Errorf("transcript lacks %q", w)
		}
	}
}

// checkAudit: calls intent/outcome pairs with one call ID each; requests
// of network providers inside their call.
func checkAudit(t *testing.T, es []audit.Entry, calls int, network bool) {
	t.Helper()
	intents := map[string]int{}
	outcomes := map[string]int{}
	order := map[string][]audit.Event{}
	for i, e := range es {
		if err := e.Validate(); err != nil {
			t.Errorf("entry %d: %v", i, err)
		}
		switch e.Event {
		case audit.EventAIIntent:
			intents[e.CallID] = i
		case audit.EventAIOutcome:
			outcomes[e.CallID] = i
			if e.Result != "ok" {
				t.Errorf("call %s outcome %q", e.CallID, e.Result)
			}
		case ai.EventRequestIntent, ai.EventRequestOutcome:
			parent, _, ok := strings.Cut(e.CallID, ".")
			if !ok {
				t.Errorf("request entry with call ID %q has no parent", e.CallID)
			}
			order[parent] = append(order[parent], e.Event)
			if _, open := intents[parent]; !open {
				t.Errorf("request entry %s before its call's intent", e.CallID)
			}
			if _, closed := outcomes[parent]; closed {
				t.Errorf("request entry %s after its call's outcome", e.CallID)
			}
		}
	}
	if len(intents) != calls || len(outcomes) != calls {
		t.Errorf("%d intents, %d outcomes, want %d each", len(intents), len(outcomes), calls)
	}
	for id, i := range intents {
		if o, ok := outcomes[id]; !ok || o < i {
			t.Errorf("call %s: outcome missing or before intent", id)
		}
		if network {
			in, out := 0, 0
			for _, ev := range order[id] {
				if ev == ai.EventRequestIntent {
					in++
				} else {
					out++
				}
			}
			if in == 0 || in != out {
				t.Errorf("call %s: %d request intents, %d outcomes; want matching pairs, at least one", id, in, out)
			}
		}
	}
}

// WithinCall runs fn inside an audited gateway call, for tests of a
// provider's internals beyond the Transcriber and Summarizer interfaces:
// providers refuse to send anything outside a call, so such code must run
// in one. The call is audited like any other.
func WithinCall(t testing.TB, fn func(ctx context.Context) error) error {
	t.Helper()
	inner := withinCall{fn: fn}
	p := &ai.Provider{Name: "within-call", Kind: "test", Transcriber: inner, Summarizer: inner,
		Attestation: ai.Attestation{ZeroRetention: true, Agreement: "test-only"}}
	b := NewGateway(t, p, nil)
	_, err := b.Gateway.Transcribe(context.Background(), ai.Call{EncounterID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", PatientRef: "pt_test", TaskID: "within-call"},
		&ai.TranscribeRequest{})
	return err
}

type withinCall struct {
	fn func(ctx context.Context) error
}

func (w withinCall) Transcribe(ctx context.Context, _ *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	if err := w.fn(ctx); err != nil {
		return nil, err
	}
	return &ai.TranscribeResult{}, nil
}

func (w withinCall) Summarize(ctx context.Context, _ *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	return nil, w.fn(ctx)
}
