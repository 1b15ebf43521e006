package eval_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/eval"
)

// corpusNow pins the clock so the over-89 rule gives the same answers every
// year the corpus is evaluated.
func corpusNow() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }

func detector(t testing.TB) *deid.Detector {
	d, err := deid.New(deid.Config{Now: corpusNow})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func evalFile(t *testing.T, name string) eval.Report {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "deid", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := eval.Evaluate(detector(t), f)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.WriteText(&b)
	t.Logf("%s:\n%s", name, b.String())
	if os.Getenv("DEID_EVAL_VERBOSE") != "" {
		docs := map[string]eval.Document{}
		f2, _ := os.Open(filepath.Join("..", "..", "testdata", "deid", name))
		all, _ := eval.ReadCorpus(f2)
		f2.Close()
		for _, d := range all {
			docs[d.ID] = d
		}
		for _, m := range rep.Misses {
			d := docs[m.Doc]
			lo, hi := max(0, m.Start-40), min(len(d.Text), m.End+20)
			t.Logf("MISS %s %s %q   ctx %q", m.Doc, m.Type, d.Text[m.Start:m.End], d.Text[lo:hi])
		}
		for _, m := range rep.FalsePositives {
			d := docs[m.Doc]
			lo, hi := max(0, m.Start-40), min(len(d.Text), m.End+20)
			t.Logf("FP   %s %s %q   ctx %q", m.Doc, m.Type, d.Text[m.Start:m.End], d.Text[lo:hi])
		}
	}
	return rep
}

// acceptance checks the thresholds from issue 6.
func acceptance(rep eval.Report) []string {
	var fails []string
	for k, st := range rep.PerType {
		min := 0.99
		if k == eval.NameFree {
			min = 0.97
		}
		if st.Recall < min {
			fails = append(fails, fmt.Sprintf("%s recall %.4f < %.2f", k, st.Recall, min))
		}
	}
	if rep.Precision < 0.85 {
		fails = append(fails, fmt.Sprintf("precision %.4f < 0.85", rep.Precision))
	}
	if rep.UnchangedShare < 0.80 {
		fails = append(fails, fmt.Sprintf("PHI-free unchanged %.4f < 0.80", rep.UnchangedShare))
	}
	return fails
}

func TestAcceptanceDev(t *testing.T) {
	rep := evalFile(t, "dev.jsonl")
	if len(rep.PerType) < len(deid.Types()) {
		t.Errorf("dev corpus covers %d types, want every one of %d", len(rep.PerType)-1, len(deid.Types()))
	}
	for _, f := range acceptance(rep) {
		t.Error(f)
	}
}

// TestHeldout: the held-out split. Its first evaluation (before any change
// made after seeing it) is recorded in doc.go; generic fixes followed, so
// it is now asserted like dev.
func TestHeldout(t *testing.T) {
	rep := evalFile(t, "heldout.jsonl")
	for _, f := range acceptance(rep) {
		t.Error("held-out:", f)
	}
}

// TestFresh: a third split written after the held-out one had been seen,
// evaluated without tuning on it. Reported, not asserted: it estimates how
// the detector does on text it was not built around.
func TestFresh(t *testing.T) {
	rep := evalFile(t, "fresh.jsonl")
	for _, f := range acceptance(rep) {
		t.Log("fresh below threshold:", f)
	}
}

// TestWithoutMetadata reports how much the encounter metadata (Known) adds:
// the same corpora evaluated with it removed. Logged, not asserted.
func TestWithoutMetadata(t *testing.T) {
	for _, name := range []string{"dev.jsonl", "heldout.jsonl", "fresh.jsonl", "independent.jsonl"} {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "deid", name))
		if err != nil {
			t.Fatal(err)
		}
		docs, err := eval.ReadCorpus(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i := range docs {
			docs[i].Known = nil
		}
		rep, err := eval.EvaluateDocs(detector(t), docs)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s without metadata: recall %.4f precision %.4f names %.4f", name, rep.Recall, rep.Precision,
			rep.PerType[eval.NameFree].Recall)
	}
}

// TestIndependent: the hand-written corpus (testdata/deid/README.md), in
// formats and styles the generator does not write. Its first look, before
// any change made after seeing it, was recall 0.768, precision 0.945; the
// detector was then improved with general rules (doc.go). Asserted loosely,
// below the level reached, so that a regression shows but no single span
// decides.
func TestIndependent(t *testing.T) {
	rep := evalFile(t, "independent.jsonl")
	if rep.Documents < 150 || rep.PHIFreeDocuments < 40 {
		t.Fatalf("independent corpus has %d documents, %d PHI-free; want >= 150 and >= 40", rep.Documents, rep.PHIFreeDocuments)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"leak recall", rep.Recall, 0.94},
		{"precision", rep.Precision, 0.96},
		{"F2", rep.F2, 0.94},
		{"PHI-free unchanged", rep.UnchangedShare, 0.85},
		{"free-text NAME recall", rep.PerType[eval.NameFree].Recall, 0.95},
		{"DATE recall", rep.PerType["DATE"].Recall, 0.96},
		{"LOCATION recall", rep.PerType["LOCATION"].Recall, 0.87},
	} {
		if c.got < c.want {
			t.Errorf("independent: %s %.4f < %.2f", c.name, c.got, c.want)
		}
	}
}

// TestIndependentHoldout: the quarter of the hand-written corpus kept aside
// while the rules were tuned. Reported, not asserted: asserting it would
// invite tuning on it.
func TestIndependentHoldout(t *testing.T) {
	rep := evalFile(t, "independent-holdout.jsonl")
	for _, f := range acceptance(rep) {
		t.Log("holdout below the project thresholds:", f)
	}
}
