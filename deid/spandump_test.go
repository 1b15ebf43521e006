package deid_test

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/internal/corpusgen"
)

var dumpSpans = flag.String("dumpspans", "", "write the detected spans (offsets and types, no text) for every corpus and configuration to this file")

// TestDumpSpans writes what the detector finds on every corpus in
// testdata/deid, the generated corpora (dev, heldout, fresh, the tagger's
// training split, randomized dialogues with metadata), the fuzz targets'
// seed texts and every string literal of the test files, each with the
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
	sets = append(sets, set{"fuzz-seeds", fuzzSeedDocs(t)}, set{"test-literals", testLiteralDocs(t)})

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

// fuzzSeedDocs builds the texts the fuzz targets start from: their seed
// corpus files under testdata/fuzz (strings as they are, dialogue seeds
// through genDialogue as FuzzKnownDialogue builds them) and the planted
// identifiers of FuzzPlantedIdentifiers' seeds, all with the fuzz
// targets' metadata.
func fuzzSeedDocs(t *testing.T) []corpusDoc {
	whitcombe := &deid.Known{PatientNames: []string{"Harold J. Whitcombe"}, Identifiers: []string{"00451287"}}
	var docs []corpusDoc
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var nums []uint64
		var strs []string
		for _, line := range strings.Split(string(b), "\n") {
			switch {
			case strings.HasPrefix(line, "uint64(") && strings.HasSuffix(line, ")"):
				n, err := strconv.ParseUint(line[len("uint64("):len(line)-1], 10, 64)
				if err != nil {
					t.Fatal(err)
				}
				nums = append(nums, n)
			case strings.HasPrefix(line, "string(") && strings.HasSuffix(line, ")"):
				s, err := strconv.Unquote(line[len("string(") : len(line)-1])
				if err != nil {
					t.Fatal(err)
				}
				strs = append(strs, s)
			}
		}
		id := filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p)
		if len(nums) == 2 && len(strs) == 1 {
			r := rand.New(rand.NewPCG(nums[0], nums[1]))
			text, kn, ms := genDialogue(r)
			if r.IntN(3) == 0 {
				text = capitalizeMentions(text, ms)
			}
			docs = append(docs, corpusDoc{ID: id, Text: strs[0] + "\n" + text, Known: &kn})
			continue
		}
		for _, s := range strs {
			docs = append(docs, corpusDoc{ID: id, Text: s, Known: whitcombe})
		}
	}
	for i := range 64 {
		text, _ := plantedText(rand.New(rand.NewPCG(uint64(i), uint64(i*7919))), "")
		docs = append(docs, corpusDoc{ID: fmt.Sprint("planted-", i), Text: text, Known: whitcombe})
	}
	return docs
}

// testLiteralDocs takes every string literal of eight bytes or more in
// this package's test files, which holds the sentences written for the
// rules' tests, as a document each, with the fuzz targets' metadata.
func testLiteralDocs(t *testing.T) []corpusDoc {
	whitcombe := &deid.Known{PatientNames: []string{"Harold J. Whitcombe"}, Identifiers: []string{"00451287"}}
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var docs []corpusDoc
	fset := token.NewFileSet()
	for _, p := range files {
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || len(s) < 8 {
				return true
			}
			docs = append(docs, corpusDoc{ID: fmt.Sprint(fset.Position(lit.Pos())), Text: s, Known: whitcombe})
			return true
		})
	}
	return docs
}
