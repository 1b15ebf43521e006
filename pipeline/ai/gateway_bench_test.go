package ai_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
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
	return fileTrailWith(b, audit.TrailConfig{})
}

// beforeSegments is how a trail signed before sealed segments: every
// minute while the head moved, never by count, no lease heartbeats.
var beforeSegments = audit.TrailConfig{CheckpointInterval: time.Minute, CheckpointEvery: -1, Lease: -1}

func fileTrailWith(b *testing.B, cfg audit.TrailConfig) audit.Sink {
	b.Helper()
	s, _ := fileTrailIn(b, cfg)
	return s
}

// fileTrailIn is fileTrailWith, and the trail's directory.
func fileTrailIn(b *testing.B, cfg audit.TrailConfig) (audit.Sink, string) {
	b.Helper()
	signer, err := audit.GenerateSigner(filepath.Join(b.TempDir(), "key"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	store, err := audit.NewFileStore(dir)
	if err != nil {
		b.Fatal(err)
	}
	cfg.Writer = "bench"
	tr, err := audit.NewTrail(store, signer, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tr.Close() })
	return tr, dir
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

// BenchmarkGatewayTailSigning reports, from one run (the same disk
// weather), what signing the tail more often costs an AI call: the
// schedule before sealed segments (a checkpoint a minute) against the
// defaults (every 5 s, every 256 entries, lease heartbeats). Rounds of
// calls alternate between the two, in alternating order, and each
// figure is the median round, so a slow spell of the disk hits both. One
// call at a time, then 16 at once; and the checkpoints each wrote per
// thousand calls, the cost's deterministic part.
func BenchmarkGatewayTailSigning(b *testing.B) {
	beforeSink, beforeDir := fileTrailIn(b, beforeSegments)
	afterSink, afterDir := fileTrailIn(b, audit.TrailConfig{})
	before, req := benchGateway(b, beforeSink)
	after, _ := benchGateway(b, afterSink)
	const rounds, perSeq, perPar = 10, 100, 400
	run := func(gw *ai.Gateway, callers, calls int) time.Duration {
		start := time.Now()
		var wg sync.WaitGroup
		for range callers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range calls / callers {
					if _, err := gw.Summarize(context.Background(), call, req); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		return time.Since(start)
	}
	var seqB, seqA, parB, parA []time.Duration
	calls := map[*ai.Gateway]int{}
	for b.Loop() {
		for r := range rounds {
			pair := [2]*ai.Gateway{before, after}
			if r%2 == 1 {
				pair = [2]*ai.Gateway{after, before}
			}
			for _, gw := range pair {
				seq, par := run(gw, 1, perSeq), run(gw, 16, perPar)
				calls[gw] += perSeq + perPar
				if gw == before {
					seqB, parB = append(seqB, seq), append(parB, par)
				} else {
					seqA, parA = append(seqA, seq), append(parA, par)
				}
			}
		}
	}
	median := func(ds []time.Duration) time.Duration {
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	mb, ma := median(seqB), median(seqA)
	b.ReportMetric(float64(mb.Microseconds())/perSeq, "µs/call-before")
	b.ReportMetric(float64(ma.Microseconds())/perSeq, "µs/call-after")
	b.ReportMetric(float64((ma-mb).Microseconds())/perSeq, "µs/call-signing-added")
	b.ReportMetric(perPar/median(parB).Seconds(), "calls/s-16-before")
	b.ReportMetric(perPar/median(parA).Seconds(), "calls/s-16-after")
	b.ReportMetric(1000*float64(countLines(b, beforeDir))/float64(calls[before]), "checkpoints/1k-calls-before")
	b.ReportMetric(1000*float64(countLines(b, afterDir))/float64(calls[after]), "checkpoints/1k-calls-after")
}

func countLines(b *testing.B, dir string) int {
	raw, err := os.ReadFile(filepath.Join(dir, "checkpoints.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Count(raw, []byte("\n"))
}
