package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSelfCorrections: a name or place said and corrected at once ("dr
// lindqvist no lundqvist", "uh okafor no sorry dr. chidi eze") gives the
// other side the same kind when one side was found; English words on
// either side stay. Sentences and names written for this test.
func TestSelfCorrections(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"forward", "she sees dr lindqvist no lundqvist he's the hand guy", []found{{"lindqvist", deid.Name}, {"lundqvist", deid.Name}}},
			{"backward over fillers and a title", "the surgeon was uh okafor no sorry the other one dr. eze",
				[]found{{"okafor", deid.Name}, {"eze", deid.Name}}},
			{"a preposition said again", "we live in visalia no sorry in kettleman now", []found{{"visalia", deid.Location}, {"kettleman", deid.Location}}},
			// A review's probes (rv38): "no" answering, not repairing.
			{"an answer's no stays", "paged dr olsen no callback yet. dr grant no hctz because of gout.",
				[]found{{"olsen", deid.Name}, {"grant", deid.Name}}},
			{"english words stay", "did dr lindqvist call no not yet. was it at mercy hospital no it was at home.",
				[]found{{"lindqvist", deid.Name}, {"mercy hospital", deid.Location}}},
		})
	}
}
