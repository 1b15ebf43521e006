package deid_test

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/internal/corpusgen"
)

var dumpSpans = flag.String("dumpspans", "", "write the detected spans (offsets and types, no text) for every corpus and configuration to this file")

// TestDumpSpans writes what the detector finds on every corpus in
// testdata/deid, the generated corpora (dev, heldout, fresh, the tagger's
// training split, randomized dialogues with metadata), each with the
// tagger and rules-only, with and without metadata, and lower- and
// upper-cased. Run it before and after a change to the detector's
// mechanics and compare the two files: a change meant to be only faster
// must give identical bytes. No golden file is committed, because rules
// change in parallel; the dump is for a before/after comparison on one
// branch:
//
//	go test ./deid -run '^TestDumpSpans$' -count=1 -dumpspans /tmp/before.txt
//	(change)
//	go test ./deid -run '^TestDumpSpans$' -count=1 -dumpspans /tmp/after.txt
//	cmp /tmp/before.txt /tmp/after.txt
//
// The dump holds offsets and types only, never the text, so comparing
// dumps of the holdout corpora shows nothing of their content.
func TestDumpSpans(t *testing.T) {
	if *dumpSpans == "" {
		t.Skip("no -dumpspans file")
	}
	f, err := os.Create(*dumpSpans)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()

	type set struct {
		name string
		docs []corpusDoc
	}
	var sets []set
	files, err := filepath.Glob(filepath.Join("..", "testdata", "deid", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		sets = append(sets, set{filepath.Base(p), loadCorpus(t, filepath.Base(p))})
	}
	gen := func(name string, docs []corpusgen.Doc) set {
		s := set{name: name}
		for _, d := range docs {
			s.docs = append(s.docs, corpusDoc{ID: d.ID, Text: d.Text, Known: d.Known})
		}
		return s
	}
	for _, split := range []string{"dev", "heldout", "fresh"} {
		sets = append(sets, gen("gen-"+split, corpusgen.Generate(split, 400)))
	}
	sets = append(sets, gen("gen-train", corpusgen.Training()))
	r := rand.New(rand.NewPCG(7, 2026))
	dlg := set{name: "gen-dialogues"}
	for i := range 300 {
		text, kn, _ := genDialogue(r)
		dlg.docs = append(dlg.docs, corpusDoc{ID: fmt.Sprint(i), Text: text, Known: &kn})
	}
	sets = append(sets, dlg)

	tagged := newDetector(t, deid.Config{})
	rules := newDetector(t, deid.Config{RulesOnly: true})
	clinicians := newDetector(t, deid.Config{Names: deid.ClinicianNames, DebugOverrideNotSafeHarbor: true})
	for _, s := range sets {
		n := 0
		for _, doc := range s.docs {
			for _, v := range []struct {
				name string
				d    *deid.Detector
				text string
				kn   deid.Known
			}{
				{"tagger", tagged, doc.Text, doc.known()},
				{"rules", rules, doc.Text, doc.known()},
				{"nometa", tagged, doc.Text, deid.Known{}},
				{"lower", tagged, strings.ToLower(doc.Text), doc.known()},
				{"upper", rules, strings.ToUpper(doc.Text), doc.known()},
				{"clinicians", clinicians, doc.Text, doc.known()},
			} {
				fmt.Fprintf(w, "%s %s %s:", s.name, doc.ID, v.name)
				for _, sp := range v.d.Detect(v.text, v.kn) {
					fmt.Fprintf(w, " %d-%d:%s", sp.Start, sp.End, sp.Type)
					n++
				}
				fmt.Fprintln(w)
			}
		}
		t.Logf("%s: %d documents, %d spans", s.name, len(s.docs), n)
	}
}
