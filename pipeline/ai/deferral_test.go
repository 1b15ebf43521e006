package ai_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// deferringSummarizer sends `send` requests (through BeginRequest, as
// network providers do), then is refused by its breaker.
type deferringSummarizer struct{ send int }

func (d deferringSummarizer) Summarize(ctx context.Context, _ *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	for range d.send {
		r, err := ai.BeginRequest(ctx, ai.RequestInfo{Operation: "chat.completions"})
		if err != nil {
			return nil, err
		}
		if err := r.End(ctx, string(phi.CodeProviderError), ai.Usage{}, ""); err != nil {
			return nil, err
		}
	}
	return nil, resilience.NewDeferral("remote", resilience.ReasonCircuitOpen, 25*time.Second,
		phi.Wrap(resilience.ErrOpen, phi.CodeProviderOverloaded, "provider remote is failing; circuit open for 25s"))
}

// A call refused before any request left stays a Deferral (the task's
// attempt is not spent); one that sent requests first is an ordinary
// retryable failure that still says when to come back.
func TestGatewayDeferralOnlyWhenNothingWasSent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name         string
		send         int
		wantDeferral bool
	}{
		{name: "refused before any request", send: 0, wantDeferral: true},
		{name: "refused after two requests", send: 2, wantDeferral: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			lg := audittest.NewFileLogger(t, t.TempDir(), "w1")
			p := &ai.Provider{Name: "remote", Kind: "test", Attestation: ai.Attestation{ZeroRetention: true, Agreement: "x"},
				Summarizer: deferringSummarizer{send: tc.send}, Transcriber: nopTranscriber{},
				Models: map[ai.Task]string{ai.TaskSummarize: "m1"}}
			gw, err := ai.NewGateway(ai.Config{Transcribe: "remote", Summarize: "remote"}, []*ai.Provider{p}, lg, ai.AllowAll{}, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			tmpl, _ := prompts.Builtin().Get("soap")
			_, err = gw.Summarize(context.Background(), ai.Call{EncounterID: encounter.NewID(), PatientRef: "pt_abc", TaskID: "t1"},
				&ai.SummarizeRequest{Template: tmpl, Segments: []encounter.Segment{{ID: "seg-0001", Text: "Cough."}}})
			_, deferred := resilience.AsDeferral(err)
			wait, hinted := resilience.RetryAfter(err)
			if deferred != tc.wantDeferral || !hinted || wait != 25*time.Second || phi.CodeOf(err) != phi.CodeProviderOverloaded || phi.IsPermanent(err) {
				t.Errorf("err %v: deferral %v (want %v), retry after %v %v (want 25s), code %s", err, deferred, tc.wantDeferral, wait, hinted, phi.CodeOf(err))
			}
		})
	}
}
