package deid_test

import (
	"fmt"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/internal/tagger"
)

func TestCountCands(t *testing.T) {
	d := newDetector(t, deid.Config{RulesOnly: true})
	for _, c := range []string{"dev.jsonl", "blind.jsonl"} {
		var r, ca, o, puncts int
		caps := 0
		for _, doc := range loadCorpus(t, c) {
			ex := deid.TaggerExample(d, doc.Text, doc.known(), nil)
			a, b, cc := tagger.StatsOf(ex.Tokens)
			r, ca, o = r+a, ca+b, o+cc
			_ = puncts
			for _, tk := range ex.Tokens {
				if tk.Text[0] >= 'A' && tk.Text[0] <= 'Z' && tk.Rule == 0 {
					caps++
				}
			}
		}
		fmt.Println(c, "rule", r, "cand", ca, "other", o, "capsUncovered", caps)
	}
}
