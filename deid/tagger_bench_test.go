package deid_test

import (
	"testing"

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
		in, tg := deid.TaggerStages(d, doc.Text, doc.known(), 0)
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
