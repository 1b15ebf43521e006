package deid_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/internal/corpusgen"
	"github.com/clinscribe/clinscribe/deid/internal/tagger"
)

var train = flag.Bool("train", false, "retrain the tagger and rewrite data/tagger.bin (make train-deid)")

// taggerTrainConfig is the training configuration of the embedded weights.
var taggerTrainConfig = tagger.TrainConfig{Bits: 14, Epochs: 10, Seed: 0x7A66E5}

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
	if !bytes.Equal(got, deid.EmbeddedTaggerWeights()) {
		t.Errorf("data/tagger.bin (%d bytes) differs from a fresh training run (%d bytes): the rules, lexicons or "+
			"training corpus changed since it was written; run make train-deid", len(deid.EmbeddedTaggerWeights()), len(got))
	}
}
