package openai_test

import (
	"context"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/openai"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
)

// BenchmarkTranscribe100MBParallel compares sequential and parallel
// transcription of a 100 MB WAV (about 55 minutes of 16 kHz mono) cut
// into 8 chunks, against the simulated API with latency that grows with
// audio length (5 ms per second of audio, so about 2 s per chunk — real
// hosted recognizers are slower still). It reports both wall times and
// their ratio (target: parallel at least 4x faster at 8 chunks).
//
//	go test ./pipeline/ai/openai -run '^$' -bench Transcribe100MB -benchtime 1x
func BenchmarkTranscribe100MBParallel(b *testing.B) {
	wav, exp := openaitest.SynthWAV(openaitest.Script(3280*time.Second), openaitest.SynthOptions{})
	if len(wav) < 100_000_000 {
		b.Fatalf("synthesized %d bytes", len(wav))
	}
	run := func(concurrency int) (time.Duration, int) {
		e := newEnv(b, openaitest.Options{LatencyPerAudioSecond: 5 * time.Millisecond}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
			c.Limits.MaxUploadBytes = 13 << 20 // 8 chunks of about 13 MB
			c.Limits.Concurrency = concurrency
			c.Timeout = time.Minute
		})
		g := aitest.NewGateway(b, e.prov, nil)
		start := time.Now()
		res, err := g.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav))
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		checkWords(b, res.Segments, exp)
		return d, len(e.srv.Requests())
	}
	for b.Loop() {
		seq, chunks := run(1)
		par, _ := run(8)
		ratio := float64(seq) / float64(par)
		b.ReportMetric(seq.Seconds(), "s-sequential")
		b.ReportMetric(par.Seconds(), "s-parallel")
		b.ReportMetric(ratio, "x-speedup")
		b.ReportMetric(float64(chunks), "chunks")
		b.Logf("100 MB WAV (%d bytes, %d chunks): sequential %v, parallel (8) %v: %.2fx", len(wav), chunks, seq.Round(time.Millisecond), par.Round(time.Millisecond), ratio)
	}
}

// BenchmarkSummarizeNote measures one note through the gateway, wire,
// limiter-free path and simulated server: the per-call overhead.
func BenchmarkSummarizeNote(b *testing.B) {
	e := newEnv(b, openaitest.Options{}, openai.KindOpenAI, nil)
	g := aitest.NewGateway(b, e.prov, nil)
	segs := aitest.SampleNote(b, "note-hypertension-followup.txt")
	req := &ai.SummarizeRequest{Template: soap(b), Segments: segs}
	for b.Loop() {
		if _, err := g.Gateway.Summarize(context.Background(), testCall, req); err != nil {
			b.Fatal(err)
		}
	}
}
