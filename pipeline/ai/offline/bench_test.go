package offline_test

import (
	"context"
	"os"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/drafteval"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

// benchSources are a realistic clinician's note (a bundled sample), a
// long recorded visit (the longest dialogue of the draft corpus, 91 turns)
// and the short note of cmd/clinscribe/internal/app's BenchmarkThroughput.
func benchSources(b *testing.B) []struct {
	name     string
	template string
	segs     []encounter.Segment
} {
	b.Helper()
	note, err := os.ReadFile("../../../testdata/samples/note-hypertension-followup.txt")
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open("../../../testdata/drafts/corpus.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	docs, err := drafteval.Load(f)
	if err != nil {
		b.Fatal(err)
	}
	var transcript []encounter.Segment
	for _, d := range docs {
		if d.ID == "d-pc-001" {
			transcript = d.Segments()
		}
	}
	if len(transcript) == 0 {
		b.Fatal("d-pc-001 not in the corpus")
	}
	return []struct {
		name     string
		template string
		segs     []encounter.Segment
	}{
		{"note", "soap", source.FromNote(string(note))},
		{"transcript", "soap", transcript},
		{"throughput-note", "soap", source.FromNote(benchNote)},
	}
}

// BenchmarkOfflineSummarize measures the offline provider's drafting (no
// simulated latency): the CPU the demo and the throughput benchmark spend
// standing in for a model.
func BenchmarkOfflineSummarize(b *testing.B) {
	for _, src := range benchSources(b) {
		b.Run(src.name, func(b *testing.B) {
			tmpl, err := prompts.Builtin().Get(src.template)
			if err != nil {
				b.Fatal(err)
			}
			p := &offline.Provider{}
			req := &ai.SummarizeRequest{Template: tmpl, Segments: src.segs}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Summarize(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheckDraft measures the checks the gateway runs on every draft
// (evidence, fact check, coverage) on the offline draft of each source.
func BenchmarkCheckDraft(b *testing.B) {
	for _, src := range benchSources(b) {
		b.Run(src.name, func(b *testing.B) {
			tmpl, err := prompts.Builtin().Get(src.template)
			if err != nil {
				b.Fatal(err)
			}
			res, err := (&offline.Provider{}).Summarize(context.Background(), &ai.SummarizeRequest{Template: tmpl, Segments: src.segs})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				// CheckDraft replaces the flags it sets, so running it
				// again on the same sections does the same work.
				ai.CheckDraft(res.Sections, src.segs)
			}
		})
	}
}
