package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// `make eval-drafts` runs this command: the offline provider behind the
// gateway on a corpus, figures only unless asked for each document.
func TestEvalDrafts(t *testing.T) {
	t.Parallel()
	corpus := "../../../../pipeline/ai/drafteval/testdata/dev.jsonl"
	t.Run("JSON", func(t *testing.T) {
		t.Parallel()
		code, out, errs := run(t, nil, "", "eval", "drafts", "-corpus", corpus, "-json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var rep struct {
			Documents []json.RawMessage `json:"documents"`
			Summary   struct {
				Documents   int     `json:"documents"`
				Coverage    float64 `json:"coverage"`
				PlantedRate float64 `json:"planted_flagged_rate"`
				FalseFlags  float64 `json:"false_flag_rate"`
				DraftROUGE  struct {
					R1 float64 `json:"rouge1"`
				} `json:"draft_rouge"`
				BaselineRGE struct {
					R1 float64 `json:"rouge1"`
				} `json:"baseline_rouge"`
			} `json:"summary"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v:\n%s", err, out)
		}
		s := rep.Summary
		if s.Documents != 4 || s.Coverage != 1 || s.PlantedRate < 0.95 || s.FalseFlags > 0.05 || s.DraftROUGE.R1 <= s.BaselineRGE.R1 || len(rep.Documents) != 0 {
			t.Errorf("summary %+v, %d per-document entries", s, len(rep.Documents))
		}
	})
	t.Run("TextPerDocument", func(t *testing.T) {
		t.Parallel()
		code, out, errs := run(t, nil, "", "eval", "drafts", "-corpus", corpus, "-per-document")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, want := range []string{"dev-dlg-knee", "whole-transcript baseline", "segment coverage           100.0%", "planted errors flagged"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("Usage", func(t *testing.T) {
		t.Parallel()
		if code, _, _ := run(t, nil, "", "eval", "drafts"); code != 2 {
			t.Errorf("no corpus: exit %d, want 2", code)
		}
		if code, _, _ := run(t, nil, "", "eval", "notes"); code != 2 {
			t.Errorf("unknown evaluation: exit %d, want 2", code)
		}
	})
}
