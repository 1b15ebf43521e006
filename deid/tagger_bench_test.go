package deid_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/deid"
)

// BenchmarkTaggerStages times the tagger's two stages on the dev corpus,
// apart from the rules: building its input from the rule pass, and tagging.
func BenchmarkTaggerStages(b *testing.B) {
	d := newDetector(b, deid.Config{})
	docs := loadCorpus(b, "dev.jsonl")
	var inputs, tags []func()
	total := 0
	for _, doc := range docs {
		in, tg := deid.TaggerStages(d, doc.Text, doc.known())
		in()
		inputs, tags = append(inputs, in), append(tags, tg)
		total += len(doc.Text)
	}
	for _, bc := range []struct {
		name string
		fns  []func()
	}{{"input", inputs}, {"tag", tags}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				for _, f := range bc.fns {
					f()
				}
			}
		})
	}
}

// BenchmarkDetectRatio runs the detector with and without the tagger on
// batches of the dev corpus in turn, alternating which goes first, and
// reports the CPU time of this thread with the tagger over the time
// without it: on a shared machine the two see the same load, and time
// spent waiting for a core is not counted, so the ratio is steadier than
// two BenchmarkDetect figures taken seconds apart. (Thread CPU time is
// counted in 4 ms ticks, hence batches of 20 documents.)
func BenchmarkDetectRatio(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	all := newDetector(b, deid.Config{})
	rules := newDetector(b, deid.Config{RulesOnly: true})
	docs := loadCorpus(b, "dev.jsonl")
	var tAll, tRules time.Duration
	run := func(d *deid.Detector, batch []corpusDoc) time.Duration {
		t0 := threadTime()
		for _, doc := range batch {
			d.Detect(doc.Text, doc.known())
		}
		return threadTime() - t0
	}
	k := 0
	for b.Loop() {
		for st := 0; st < len(docs); st += 20 {
			batch := docs[st:min(st+20, len(docs))]
			if k%2 == 0 {
				tAll += run(all, batch)
				tRules += run(rules, batch)
			} else {
				tRules += run(rules, batch)
				tAll += run(all, batch)
			}
			k++
		}
	}
	b.ReportMetric(float64(tAll)/float64(tRules), "tagger/rules")
}
