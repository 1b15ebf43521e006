package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestIdentifierGroupsJoinedByDash: an identifier after its cue, read out
// as digit groups joined by the word "dash" or "hyphen", is removed whole
// with no metadata ("mrn 645 dash 2118" left "2118"). Written for this
// test.
func TestIdentifierGroupsJoinedByDash(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, value string }{
			{"patient: mrn 645 dash 2118", "645 dash 2118"},
			{"patient: my mrn is 88 hyphen 4410 hyphen 7", "88 hyphen 4410 hyphen 7"},
			{"patient: member id 4471 dash 002", "4471 dash 002"},
		} {
			covered := false
			for _, s := range d.Detect(c.text, deid.Known{}) {
				covered = covered || c.text[s.Start:s.End] == c.value
			}
			if !covered {
				t.Errorf("rules only %v: %q: %q not removed whole", rulesOnly, c.text, c.value)
			}
		}
	}
}
