package deid_test

import (
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
// each document of the dev corpus in turn, alternating which goes first,
// and reports the time with the tagger over the time without it: on a
// shared machine the two see the same load, so the ratio is steadier than
// two BenchmarkDetect figures taken seconds apart.
func BenchmarkDetectRatio(b *testing.B) {
	all := newDetector(b, deid.Config{})
	rules := newDetector(b, deid.Config{RulesOnly: true})
	docs := loadCorpus(b, "dev.jsonl")
	var tAll, tRules time.Duration
	k := 0
	for b.Loop() {
		for _, doc := range docs {
			kn := doc.known()
			first, second := all, rules
			if k%2 == 1 {
				first, second = rules, all
			}
			k++
			t0 := time.Now()
			first.Detect(doc.Text, kn)
			t1 := time.Now()
			second.Detect(doc.Text, kn)
			t2 := time.Now()
			if first == all {
				tAll, tRules = tAll+t1.Sub(t0), tRules+t2.Sub(t1)
			} else {
				tRules, tAll = tRules+t1.Sub(t0), tAll+t2.Sub(t1)
			}
		}
	}
	b.ReportMetric(float64(tAll)/float64(tRules), "tagger/rules")
}
