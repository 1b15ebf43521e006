package deid_test

import (
	"flag"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

var (
	passes      = flag.Int("passes", 0, "TestPasses: run Detect over the dev corpus this many times")
	passesRules = flag.Bool("passes-rules", false, "TestPasses: rules only (no tagger)")
)

// TestPasses runs Detect over the dev corpus a fixed number of times, for
// instruction counts that are repeatable on a shared machine. Run it under
// callgrind twice, with -passes 10 and -passes 2, and divide the
// difference by 8 for the instructions of one pass (setup cancels out):
//
//	go test -c -o /tmp/deid.test ./deid
//	cd deid && GOGC=off GOMAXPROCS=1 valgrind --tool=callgrind \
//		/tmp/deid.test -test.run '^TestPasses$' -passes 10
//
// Take a run's figure only when it exits 0 and prints PASS: valgrind 3.19
// cannot decode RDTSCP, which Go 1.26's runtime.cputicks runs when a
// runtime lock is contended, so now and then a run dies with SIGILL
// ("unhandled instruction bytes: 0xF 0x1 0xF9") and its totals count only
// part of the passes; run it again. Per-function costs of runs with
// different -passes are best compared as self costs: Go's stack switches
// confuse callgrind's inclusive costs.
func TestPasses(t *testing.T) {
	if *passes == 0 {
		t.Skip("no -passes")
	}
	d := newDetector(t, deid.Config{RulesOnly: *passesRules})
	docs := loadCorpus(t, "dev.jsonl")
	kn := make([]deid.Known, len(docs))
	for i, doc := range docs {
		kn[i] = doc.known()
	}
	n := 0
	for range *passes {
		for i, doc := range docs {
			n += len(d.Detect(doc.Text, kn[i]))
		}
	}
	t.Logf("%d spans", n)
}
