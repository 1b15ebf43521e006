package deid_test

import (
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Names joined by "s/o" or "d/o", as records in Singapore, Malaysia and
// India write them (the shapes of blind14's, blind16's and blind18's
// tuning parts, written for this test): the whole name with the parent's,
// and the parent's after the label "S/o:". "W/O" (without), "c/o" and
// "s/o" meaning "suggestive of" stay.
func TestPatronymNames(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		for _, c := range []struct{ text, part string }{
			{"Patient: Govindasamy s/o Raman   NRIC: S4722019J", "Govindasamy s/o Raman"},
			{"NOK: daughter Kalaivani d/o Govindasamy, HP +65 9555 0176", "Kalaivani d/o Govindasamy"},
			{"Patient: Raju s/o Muthusamy   Age 71", "Raju s/o Muthusamy"},
			{"S/o: Late Shri Har Prasad Tiwari", "Har Prasad Tiwari"},
		} {
			out := d.Redact(c.text, d.Detect(c.text, deid.Known{}))
			for _, w := range []string{"Govindasamy", "Raman", "Kalaivani", "Raju", "Muthusamy", "Har", "Prasad", "Tiwari", "s/o", "d/o"} {
				if contains(c.part, w) && contains(out, w) {
					t.Errorf("%q: %q left in %q", c.text, w, out)
				}
			}
		}
		checkFound(t, d, deid.Known{}, []foundCase{
			{"shorthand stays", "CT CHEST W/O CONTRAST\nFindings s/o Pneumonia. Pt c/o cough s/p CABG.", nil},
			// A review's probes: a test's acronym and a diagnosis.
			{"suggestive of a diagnosis", "HPE s/o Adenocarcinoma, moderately differentiated. FNAC s/o Lipoma.", nil},
		})
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
