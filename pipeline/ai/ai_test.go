package ai_test

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/tokens"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

func soap(t *testing.T) *prompts.Template {
	t.Helper()
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

func TestMergeSections(t *testing.T) {
	t.Parallel()
	s := func(text string, ev ...string) encounter.Sentence {
		return encounter.Sentence{Text: text, Evidence: ev}
	}
	part1 := []encounter.Section{
		{Key: "subjective", Sentences: []encounter.Sentence{s("Cough for two weeks.", "seg-0001")}},
		{Key: "plan", Sentences: []encounter.Sentence{s("Start an inhaler.", "seg-0010")}},
	}
	part2 := []encounter.Section{
		{Key: "plan", Sentences: []encounter.Sentence{s("start an inhaler", "seg-0300"), {Text: "Recheck in two weeks.", Evidence: []string{"seg-0310"}, Flags: []string{encounter.FlagUnsupported}}}},
		{Key: "subjective", Sentences: []encounter.Sentence{s("Worse at night.", "seg-0200")}},
	}
	got := ai.MergeSections(soap(t), part1, part2)
	want := []encounter.Section{
		{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{s("Cough for two weeks.", "seg-0001"), s("Worse at night.", "seg-0200")}},
		{Key: "objective", Title: "Objective", Sentences: []encounter.Sentence{}},
		{Key: "assessment", Title: "Assessment", Sentences: []encounter.Sentence{}},
		{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{
			s("Start an inhaler.", "seg-0010", "seg-0300"),
			{Text: "Recheck in two weeks.", Evidence: []string{"seg-0310"}, Flags: []string{encounter.FlagUnsupported}},
		}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// SummarizeInParts splits again when a part is too long, and merges the
// parts in source order.
func TestSummarizeInPartsResplits(t *testing.T) {
	t.Parallel()
	var segs []encounter.Segment
	for i := range 300 {
		segs = append(segs, encounter.Segment{ID: encounter.SegmentID(i + 1), Text: "The patient reports a dry cough that is worse at night and keeps them awake."})
	}
	count := tokens.MustFor("gpt-4o").Count
	calls := 0
	res, err := ai.SummarizeInParts(context.Background(), &ai.SummarizeRequest{Template: soap(t), Segments: segs},
		ai.PartsConfig{Budget: prompts.Budget{ContextWindow: 8_000, MaxOutputTokens: 1_000}, Count: count, Concurrency: 1},
		func(_ context.Context, part []encounter.Segment, _ prompts.Part) (*ai.SummarizeResult, error) {
			calls++
			if len(part) > 40 { // the "provider" takes at most 40 segments
				return nil, phi.WrapPermanent(ai.ErrContextTooLong, phi.CodeProviderRejected, "too long")
			}
			return &ai.SummarizeResult{Model: "m", Usage: ai.Usage{InputTokens: 1}, Sections: []encounter.Section{
				{Key: "subjective", Sentences: []encounter.Sentence{{Text: part[0].ID, Evidence: []string{part[0].ID}}}},
			}}, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	var firsts []string
	for _, sent := range res.Sections[0].Sentences {
		firsts = append(firsts, sent.Text)
	}
	if !slices.IsSorted(firsts) || firsts[0] != "seg-0001" || res.Usage.InputTokens != len(firsts) {
		t.Errorf("parts out of order or lost: %v (usage %d)", firsts, res.Usage.InputTokens)
	}
	if calls <= len(firsts) {
		t.Errorf("%d calls for %d parts: no re-split happened", calls, len(firsts))
	}
}

type failing struct {
	err   error
	calls int
}

func (f *failing) Summarize(context.Context, *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	f.calls++
	if f.err != nil {
		return nil, f.err
	}
	return &ai.SummarizeResult{Model: "m"}, nil
}

func (f *failing) Transcribe(context.Context, *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	f.calls++
	if f.err != nil {
		return nil, f.err
	}
	return &ai.TranscribeResult{Model: "m"}, nil
}

func TestFallbackOnlyOnRetryableErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		err      error
		fallback bool
	}{
		{"retryable", phi.Errorf(phi.CodeProviderOverloaded, "503"), true},
		{"permanent", phi.Permanentf(phi.CodeProviderRejected, "400"), false},
		{"audit", phi.Errorf(phi.CodeAuditUnavailable, "no audit"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			primary := &failing{err: tc.err}
			backup := &failing{err: nil}
			attested := ai.Attestation{ZeroRetention: true, Agreement: "test"}
			p := &ai.Provider{Name: "primary", Attestation: attested, Summarizer: primary, Transcriber: primary, Fallback: "backup"}
			b := &ai.Provider{Name: "backup", Attestation: attested, Summarizer: backup, Transcriber: backup}
			g := aitest.NewGateway(t, p, nil, b)
			_, err := g.Gateway.Summarize(context.Background(), ai.Call{EncounterID: "enc_x", PatientRef: "pt"}, &ai.SummarizeRequest{Template: soap(t)})
			if got := backup.calls == 1; got != tc.fallback {
				t.Errorf("fallback used %v, want %v (err %v)", got, tc.fallback, err)
			}
			var outcomes []string
			for _, e := range g.Audit(t) {
				if e.Event == audit.EventAIOutcome {
					outcomes = append(outcomes, e.Provider)
				}
			}
			if tc.fallback && !slices.Equal(outcomes, []string{"primary", "backup"}) {
				t.Errorf("audited calls %v", outcomes)
			}
		})
	}
}

func TestBeginRequestOutsideGateway(t *testing.T) {
	t.Parallel()
	_, err := ai.BeginRequest(context.Background(), ai.RequestInfo{Model: "m"})
	if !errors.Is(err, ai.ErrOutsideGateway) || !phi.IsPermanent(err) {
		t.Errorf("err %v", err)
	}
	if ai.InGatewayCall(context.Background()) {
		t.Error("a bare context is a gateway call")
	}
}

func TestNewGatewayRejectsBadFallback(t *testing.T) {
	t.Parallel()
	p := &ai.Provider{Name: "p", Summarizer: &failing{}, Transcriber: &failing{}, Fallback: "nope"}
	if _, err := ai.NewGateway(ai.Config{Transcribe: "p", Summarize: "p"}, []*ai.Provider{p}, audit.NewLogger(nopSink{}, "s", "w", nil), ai.AllowAll{}, slog.New(slog.DiscardHandler)); err == nil {
		t.Error("fallback to an unknown provider accepted")
	}
}

type nopSink struct{}

func (nopSink) Append(context.Context, audit.Entry) error { return nil }
func (nopSink) Close() error                              { return nil }
