package deid_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/eval"
)

// maxSurvivingSupplied is how many mentions of a supplied name may survive
// in dialogues-known.jsonl, per mode. Issue 12's acceptance line is 0 in
// both; a figure above 0 records where the detector stands, so that a
// change that lets more through fails, and is lowered as fixes land.
var maxSurvivingSupplied = map[string]int{"tagger": 5, "rules-only": 6}

// TestSuppliedNamesInDialogues is issue 12's metadata acceptance line: over
// dialogues-known.jsonl (118 lower-case transcripts written by hand, not
// tuned on) every NAME span made only of supplied name parts (the
// evaluator's NAME/known) is removed, with the tagger and with the rules
// alone; and the same over generated lower-case dialogues in many shapes.
//
// The misses of the corpus are not printed: it is a test set, and reading
// them would make it a tuning set. DEID_SHOW_SUPPLIED_MISSES=1 prints them
// for whoever decides to spend it.
func TestSuppliedNamesInDialogues(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("..", "testdata", "deid", "dialogues-known.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := eval.ReadCorpus(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 100 {
		t.Fatalf("dialogues-known has %d documents, want at least 100", len(docs))
	}
	for _, mode := range []struct {
		name      string
		rulesOnly bool
	}{{"tagger", false}, {"rules-only", true}} {
		t.Run("corpus/"+mode.name, func(t *testing.T) {
			t.Parallel()
			d := newDetector(t, deid.Config{RulesOnly: mode.rulesOnly})
			rep, err := eval.EvaluateDocs(d, docs)
			if err != nil {
				t.Fatal(err)
			}
			st := rep.PerType[eval.NameKnown]
			if st.Gold < 400 {
				t.Fatalf("only %d NAME/known spans in %d documents", st.Gold, len(docs))
			}
			surv := st.Gold - st.Caught
			t.Logf("%s: supplied-name mentions caught %d/%d (%d survive), %d documents; precision %.4f (FP %d of %d)",
				mode.name, st.Caught, st.Gold, surv, rep.Documents, rep.Precision, rep.FP, rep.Predicted)
			if os.Getenv("DEID_SHOW_SUPPLIED_MISSES") != "" {
				byID := map[string]eval.Document{}
				for _, doc := range docs {
					byID[doc.ID] = doc
				}
				for _, m := range rep.Misses {
					if m.Type == deid.Name {
						doc := byID[m.Doc]
						t.Logf("miss %s %q in %q", m.Doc, doc.Text[m.Start:m.End],
							doc.Text[max(0, m.Start-50):m.Start]+"["+doc.Text[m.Start:m.End]+"]"+doc.Text[m.End:min(len(doc.Text), m.End+30)])
					}
				}
			}
			if surv > maxSurvivingSupplied[mode.name] {
				t.Errorf("%s: %d supplied-name mentions survive, at most %d allowed (acceptance: 0)", mode.name, surv, maxSurvivingSupplied[mode.name])
			}
		})
		t.Run("generated/"+mode.name, func(t *testing.T) {
			t.Parallel()
			d := newDetector(t, deid.Config{RulesOnly: mode.rulesOnly})
			r := rand.New(rand.NewPCG(2026, 12))
			const n = 400
			mentions, leaks := 0, 0
			for i := range n {
				text, kn, ms := genDialogue(r)
				spans := d.Detect(text, kn)
				mentions += len(ms)
				for _, m := range surviving(text, spans, ms) {
					leaks++
					t.Errorf("dialogue %d: %s %q survived in %q", i, m.what, text[m.start:m.end],
						text[max(0, m.start-50):min(len(text), m.end+30)])
				}
			}
			t.Logf("%s: %d generated dialogues, %d supplied-name and identifier mentions, %d survived", mode.name, n, mentions, leaks)
		})
	}
}
