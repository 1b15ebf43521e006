package ai_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
)

// instant is a zero-latency provider: what is left of a call's time is
// the gateway's own, audit included.
type instant struct{}

func (instant) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	return &ai.SummarizeResult{
		Sections: []encounter.Section{{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{{Text: "Rest.", Evidence: []string{"seg-0001"}}}}},
		Model:    "instant-1", RequestID: "req-1", Usage: ai.Usage{InputTokens: 10, OutputTokens: 2},
	}, nil
}

func (instant) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	return &ai.TranscribeResult{}, nil
}

// discard is a Sink that keeps nothing: the gateway "without audit" (it
// cannot be built without a logger).
type discard struct{}

func (discard) Append(context.Context, audit.Entry) error { return nil }
func (discard) Close() error                              { return nil }

func summarizeReq(tb testing.TB) *ai.SummarizeRequest {
	tb.Helper()
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		tb.Fatal(err)
	}
	return &ai.SummarizeRequest{Template: tmpl, Segments: []encounter.Segment{{ID: "seg-0001", Text: "Rest and fluids."}}}
}

func benchGateway(b *testing.B, sink audit.Sink) (*ai.Gateway, *ai.SummarizeRequest) {
	b.Helper()
	p := &ai.Provider{Name: "instant", Kind: "test", Attestation: ai.Attestation{ZeroRetention: true, Agreement: "bench"},
		Summarizer: instant{}, Transcriber: instant{}, Models: map[ai.Task]string{ai.TaskSummarize: "instant-1", ai.TaskTranscribe: "instant-1"}}
	gw, err := ai.NewGateway(ai.Config{Transcribe: "instant", Summarize: "instant"}, []*ai.Provider{p},
		audit.NewLogger(sink, "bench", "bench", nil), ai.AllowAll{}, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	return gw, summarizeReq(b)
}

func fileTrail(b *testing.B) audit.Sink {
	b.Helper()
	signer, err := audit.GenerateSigner(filepath.Join(b.TempDir(), "key"))
	if err != nil {
		b.Fatal(err)
	}
	store, err := audit.NewFileStore(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	tr, err := audit.NewTrail(store, signer, audit.TrailConfig{Writer: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tr.Close() })
	return tr
}

var call = ai.Call{EncounterID: "enc_bench", PatientRef: "pt_bench", TaskID: "t1"}

// BenchmarkGatewayCall is one AI call at a time (latency, not
// throughput) against a zero-latency provider: without an audit trail,
// and with the durable file trail (two fsynced entries per call).
func BenchmarkGatewayCall(b *testing.B) {
	for _, bc := range []struct {
		name string
		sink func(*testing.B) audit.Sink
	}{
		{"no-audit", func(*testing.B) audit.Sink { return discard{} }},
		{"file-trail", fileTrail},
	} {
		b.Run(bc.name, func(b *testing.B) {
			gw, req := benchGateway(b, bc.sink(b))
			for b.Loop() {
				if _, err := gw.Summarize(context.Background(), call, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGatewayAddedLatency reports, from one run, the latency the
// durable audit trail adds to an AI call.
func BenchmarkGatewayAddedLatency(b *testing.B) {
	bare, req := benchGateway(b, discard{})
	audited, _ := benchGateway(b, fileTrail(b))
	var without, with time.Duration
	const per = 200
	for b.Loop() {
		start := time.Now()
		for range per {
			bare.Summarize(context.Background(), call, req)
		}
		without += time.Since(start)
		start = time.Now()
		for range per {
			if _, err := audited.Summarize(context.Background(), call, req); err != nil {
				b.Fatal(err)
			}
		}
		with += time.Since(start)
	}
	n := float64(b.N * per)
	b.ReportMetric(float64(without.Microseconds())/n, "µs/call-without")
	b.ReportMetric(float64(with.Microseconds())/n, "µs/call-with")
	b.ReportMetric(float64((with-without).Microseconds())/n, "µs/call-added")
}
