package openai_test

import (
	"slices"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/drafteval"
	"github.com/clinscribe/clinscribe/pipeline/ai/openai"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// A networked model (go-openai against the test server) that drops a
// finding, swaps a side, changes a dose and invents a number: the
// gateway's coverage lists the dropped finding as clinical content not
// used, and its fact check flags each changed sentence with the kind of
// fact that does not match.
func TestPlantedErrorsCaughtThroughNetworkedProvider(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, nil)
	e.srv.PlantErrors(openaitest.PlantedErrors{DropFinding: true, SwapLaterality: true, ChangeDose: true, InventNumber: true})
	segs := aitest.SampleNote(t, "note-low-back-pain.txt")
	_, res, err := summarize(t, e, segs)
	if err != nil {
		t.Fatal(err)
	}
	log := e.srv.PlantedLog()
	var kinds []string
	for _, p := range log {
		kinds = append(kinds, p.Kind)
	}
	if want := []string{"drop", drafteval.KindLaterality, drafteval.KindDose, drafteval.KindInvented}; !slices.Equal(kinds, want) {
		t.Fatalf("planted %v, want %v", kinds, want)
	}
	byText := map[string]encounter.Sentence{}
	for _, sec := range res.Sections {
		for _, s := range sec.Sentences {
			byText[s.Text] = s
		}
	}
	for _, p := range log {
		t.Run(p.Kind, func(t *testing.T) {
			if p.Kind == "drop" {
				for _, id := range p.Evidence {
					if !slices.ContainsFunc(res.NotInDraft.ClinicalNotUsed, func(o encounter.Omission) bool { return o.Segment == id }) {
						t.Errorf("dropped finding %q (%s) is not listed as clinical content not used: %+v", p.Original, id, res.NotInDraft.ClinicalNotUsed)
					}
				}
				return
			}
			s, ok := byText[p.Text]
			if !ok {
				t.Fatalf("planted sentence %q not in the draft", p.Text)
			}
			want := p.Kind
			if want == drafteval.KindInvented {
				want = encounter.FactTime // "for 17 days"
			}
			if !slices.Contains(s.Flags, encounter.FlagFactMismatch) ||
				!slices.ContainsFunc(s.Mismatches, func(m encounter.Mismatch) bool { return m.Kind == want }) {
				t.Errorf("%q (was %q): flags %v, mismatches %+v; want a %s mismatch", p.Text, p.Original, s.Flags, s.Mismatches, want)
			}
		})
	}
	// The unchanged sentences pass.
	for text, s := range byText {
		if slices.ContainsFunc(log, func(p openaitest.Planted) bool { return p.Text == text }) {
			continue
		}
		if slices.Contains(s.Flags, encounter.FlagFactMismatch) {
			t.Errorf("correct sentence %q flagged: %+v", text, s.Mismatches)
		}
	}
}
