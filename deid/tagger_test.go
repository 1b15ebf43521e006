package deid_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/internal/corpusgen"
	"github.com/clinscribe/clinscribe/deid/internal/tagger"
)

var train = flag.Bool("train", false, "retrain the tagger and rewrite data/tagger.bin (make train-deid)")

// taggerTrainConfig is the training configuration of the embedded weights:
// 2^14 buckets (160 KiB of weights, small enough to stay in a core's L2
// cache) hold the features training gives a weight. Sixteen visiting
// orders are averaged: measured on 2026-12-03 over blind2, blind,
// independent, dialogues-known and fresh, two seeds disagreed on 40 errors
// (misses and false positives) with one order and on 15 with five; on
// 2026-12-06 over every tuning corpus (about 1,010 errors), on 17 with
// five and 7 with sixteen. A retrain after a change to the rules moves
// the tagger's output less for it (training takes about 11 s instead of
// 3).
var taggerTrainConfig = tagger.TrainConfig{Bits: 14, Epochs: 10, Seed: 0x7A66E5, Orders: 16}

// trainTagger generates the training corpus and trains the tagger on it,
// with the rules of this build providing the rule features.
func trainTagger(t testing.TB) []byte {
	t.Helper()
	d := newDetector(t, deid.Config{RulesOnly: true})
	docs := corpusgen.Training()
	examples := make([]tagger.Example, 0, len(docs))
	for _, doc := range docs {
		var kn deid.Known
		if doc.Known != nil {
			kn = *doc.Known
		}
		gold := slices.Clone(doc.Spans)
		slices.SortFunc(gold, func(a, b deid.Span) int { return a.Start - b.Start })
		examples = append(examples, deid.TaggerExample(d, doc.Text, kn, gold))
	}
	m, err := tagger.Train(examples, taggerTrainConfig)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTaggerWeights: the embedded weights are what training on the
// generated corpus gives today, byte for byte. With -train it rewrites them
// (make train-deid).
func TestTaggerWeights(t *testing.T) {
	got := trainTagger(t)
	if *train {
		if err := os.WriteFile(filepath.Join("data", "tagger.bin"), got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote data/tagger.bin (%d bytes)", len(got))
		return
	}
	if _, err := tagger.Load(deid.EmbeddedTaggerWeights()); err != nil {
		t.Fatalf("the embedded weights do not load: %v", err)
	}
	if !bytes.Equal(got, deid.EmbeddedTaggerWeights()) {
		t.Errorf("data/tagger.bin (%d bytes) differs from a fresh training run (%d bytes): the rules, lexicons or "+
			"training corpus changed since it was written; run make train-deid", len(deid.EmbeddedTaggerWeights()), len(got))
	}
}

// TestTaggerExamples: what the tagger adds on shapes the rules alone miss,
// and that it adds nothing to text with look-alikes. The names and places
// here are on none of the training pools (corpusgen keeps the issue's
// examples out of them).
func TestTaggerExamples(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	rules := newDetector(t, deid.Config{RulesOnly: true})
	dialogue := "doctor: ok so hey there dawn how are you feeling today\npatient: not great my back is killing me\n" +
		"doctor: i'm sorry to hear that when did it start\npatient: about two weeks ago after i moved the couch\n" +
		"doctor: alright hunter, let's look at that back\n"
	tests := []struct {
		name, text string
		want       []found
	}{
		{"lower-case names in a greeting and an address", dialogue,
			[]found{{"dawn", deid.Name}, {"hunter", deid.Name}}},
		{"acronym and facility word", "Transferred from KVMC Medical Center last week for a CT.",
			[]found{{"KVMC Medical Center", deid.Location}}},
		{"bare acronym after at", "She was seen at TRMC for the biopsy and did well.",
			[]found{{"TRMC", deid.Location}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, detect(d, tc.text, deid.Known{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// Look-alikes: whatever the rules do with them, the tagger adds nothing.
	for _, text := range []string{
		"Social history: she is Pacific Islander and her husband is Samoan; they attend church weekly.",
		"History of Bell's palsy and Cushing syndrome; Wells score 2; enrolled in the Nurses' Health Study.",
		"patient: i'm hispanic and my wife is haitian, we go to the catholic church\ndoctor: ok that's helpful thanks\n",
		"Chagas disease ruled out; Tangier disease and Bornholm disease considered.",
	} {
		t.Run("look-alikes/"+text[:20], func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(detect(rules, text, deid.Known{}), detect(d, text, deid.Known{})); diff != "" {
				t.Errorf("the tagger changed the rules' spans (-rules +tagger):\n%s", diff)
			}
		})
	}
}

// checkKeepsRuleSpans fails if the tagger changed or removed a rule span,
// or added anything but a name or place over text no rule span touches.
func checkKeepsRuleSpans(t *testing.T, id, text string, rules, all []deid.Span) {
	t.Helper()
	k := 0
	for _, r := range rules {
		for k < len(all) && all[k].End <= r.Start {
			if a := all[k]; a.Type != deid.Name && a.Type != deid.Location {
				t.Fatalf("%s: tagger added %+v of type %s", id, a, a.Type)
			}
			k++
		}
		if k >= len(all) || all[k] != r {
			t.Fatalf("%s: rule span %+v (%q) is not in the output with the tagger", id, r, text[r.Start:r.End])
		}
		k++
	}
	for ; k < len(all); k++ {
		if a := all[k]; a.Type != deid.Name && a.Type != deid.Location {
			t.Fatalf("%s: tagger added %+v of type %s", id, a, a.Type)
		}
	}
}

// TestTaggerKeepsRuleSpans: on every tuning corpus and the training corpus,
// the output with the tagger holds every rule span unchanged; the tagger
// only adds names and places around them.
func TestTaggerKeepsRuleSpans(t *testing.T) {
	t.Parallel()
	rules := newDetector(t, deid.Config{RulesOnly: true})
	all := newDetector(t, deid.Config{})
	added := 0
	check := func(id, text string, kn deid.Known) {
		r, a := rules.Detect(text, kn), all.Detect(text, kn)
		checkKeepsRuleSpans(t, id, text, r, a)
		added += len(a) - len(r)
	}
	for _, c := range []string{"dev.jsonl", "heldout.jsonl", "fresh.jsonl", "independent.jsonl", "blind.jsonl"} {
		for _, doc := range loadCorpus(t, c) {
			check(doc.ID, doc.Text, doc.known())
		}
	}
	for _, doc := range corpusgen.Training()[:500] {
		var kn deid.Known
		if doc.Known != nil {
			kn = *doc.Known
		}
		check(doc.ID, doc.Text, kn)
	}
	if added == 0 {
		t.Fatal("the tagger added nothing anywhere: the check above proved nothing")
	}
}

// FuzzTaggerKeepsRuleSpans: on any text, the tagger keeps every rule span.
func FuzzTaggerKeepsRuleSpans(f *testing.F) {
	for _, s := range []string{"hey there dawn", "Seen at KVMC Medical Center by Dr. Okafor on 3/4/2024.",
		"doctor: hi mira\npatient: hi doc my son tavo drove me from east kalonville", "Mr. R. Alvarez, MRN 0045128",
		"PATIENT: Tuck White\nDOB: 12.4.1966", "\xff\xfe Dr.", "St. Mary's - Dartmouth-Kalon Hospital"} {
		f.Add(s)
	}
	rules := newDetector(f, deid.Config{RulesOnly: true})
	all := newDetector(f, deid.Config{})
	kn := deid.Known{PatientNames: []string{"Hope Rivers"}, Identifiers: []string{"00451287"}}
	f.Fuzz(func(t *testing.T, text string) {
		checkKeepsRuleSpans(t, "fuzz", text, rules.Detect(text, kn), all.Detect(text, kn))
	})
}

// TestTaggerAdverbNoPlace: an English word in "-ly" on no list of names or
// places is no place the tagger may add, on a Title Case line too; a town
// spelled in "-ly" stays a place (issue 12, places10). Sentences written
// for this test.
func TestTaggerAdverbNoPlace(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"an adverb on a Title Case report", "Lung Function Summary\nFEV1/FVC 0.58, Consistent With Obstruction. GOLD Stage 3.\n" +
			"Bronchodilator Response Absent. DLCO Markedly Reduced.\n", nil},
		{"a town in -ly stays", "She moved to Waverly last year.", []found{{"Waverly", deid.Location}}},
	})
}
