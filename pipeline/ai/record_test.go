package ai_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/google/go-cmp/cmp"
)

// TestSummarizeThenRecordsWithTheOutcome: the caller's entries are made
// durable in the outcome's commit, after it; a Record that fails leaves
// the outcome on record alone, returns its own error and never moves the
// call to the fallback provider.
func TestSummarizeThenRecordsWithTheOutcome(t *testing.T) {
	t.Parallel()
	draft := audit.Entry{Event: audit.EventDraft, Actor: "system:worker", Role: "system", PatientRef: "pt_abc",
		EncounterID: "enc_0001", Version: 1, Result: "ok"}
	unsafe := draft
	unsafe.Actor = "Jane Doe"
	refused := phi.Errorf(phi.CodeStorage, "draft could not be stored")
	for _, tc := range []struct {
		name      string
		record    ai.Record[ai.SummarizeResult]
		wantErr   error
		want      [][]audit.Event
		wantCalls int32
	}{
		{
			name:   "entry",
			record: func(*ai.SummarizeResult) ([]audit.Entry, error) { return []audit.Entry{draft}, nil },
			want:   [][]audit.Event{{audit.EventAIIntent}, {audit.EventAIOutcome, audit.EventDraft}}, wantCalls: 1,
		},
		{
			name: "no record",
			want: [][]audit.Event{{audit.EventAIIntent}, {audit.EventAIOutcome}}, wantCalls: 1,
		},
		{
			name:    "record fails",
			record:  func(*ai.SummarizeResult) ([]audit.Entry, error) { return nil, refused },
			wantErr: refused,
			want:    [][]audit.Event{{audit.EventAIIntent}, {audit.EventAIOutcome}}, wantCalls: 1,
		},
		{
			name:    "unsafe entry",
			record:  func(*ai.SummarizeResult) ([]audit.Entry, error) { return []audit.Entry{unsafe}, nil },
			wantErr: audit.ErrUnsafeEntry,
			want:    [][]audit.Event{{audit.EventAIIntent}, {audit.EventAIOutcome}}, wantCalls: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sink := &audittest.CommitSink{}
			primary, backup := &counting{}, &counting{}
			att := ai.Attestation{ZeroRetention: true, Agreement: "baa-1"}
			gw, err := ai.NewGateway(ai.Config{Transcribe: "primary", Summarize: "primary"}, []*ai.Provider{
				{Name: "primary", Kind: "test", Summarizer: primary, Transcriber: primary, Attestation: att, Fallback: "backup"},
				{Name: "backup", Kind: "test", Summarizer: backup, Transcriber: backup, Attestation: att},
			}, audit.NewLogger(sink, "s", "w", nil), ai.AllowAll{}, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			res, err := gw.SummarizeThen(context.Background(), ai.Call{EncounterID: "enc_0001", PatientRef: "pt_abc"}, summarizeReq(t), tc.record)
			if !errors.Is(err, tc.wantErr) || (err == nil) != (tc.wantErr == nil) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if (res == nil) != (tc.wantErr != nil) {
				t.Errorf("result %v with error %v", res, err)
			}
			if diff := cmp.Diff(tc.want, sink.Commits()); diff != "" {
				t.Errorf("commits (-want +got):\n%s", diff)
			}
			if primary.calls.Load() != tc.wantCalls || backup.calls.Load() != 0 {
				t.Errorf("calls: primary %d, backup %d; want %d and 0", primary.calls.Load(), backup.calls.Load(), tc.wantCalls)
			}
		})
	}
}
