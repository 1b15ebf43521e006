package deid_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/deid"
)

// TestBareMonthDay: a month/day whose second number can only be a day is a
// date without a cue; scores out of a total stay.
func TestBareMonthDay(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"day over twelve", "Transitioned to comfort care 1/28 per his wishes.", []found{{"1/28", deid.Date}}},
		{"in parentheses after a lab", "Cr peaked 2.9 (10/30), 2.4 at discharge.", []found{{"10/30", deid.Date}}},
		{"scores stay", "GCS 3/15 on arrival; MoCA 22/30, PHQ-9 5/27, score 14/21; pain 4/10.", nil},
	})
}

// TestWideAreasAndRules: states, countries and regions stay; so does a city
// in the name of a clinical rule.
func TestWideAreasAndRules(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{}, {RulesOnly: true}} {
		d := newDetector(t, cfg)
		for _, text := range []string{
			"Lyme disease is more common today in Arkansas, Missouri and the Carolinas than in the Rockies.",
			"No travel to the Middle East recently.",
			"Apply the San Francisco syncope rule or the Ottawa ankle rules.",
		} {
			if got := detect(d, text, deid.Known{}); len(got) != 0 {
				t.Errorf("rules-only=%v: %q: found %v, want nothing", cfg.RulesOnly, text, got)
			}
		}
		want := []found{{"Jamaica", deid.Location}, {"11432", deid.ZIP}}
		if diff := cmp.Diff(want, detect(d, "Seen in Jamaica, NY 11432 on Monday.", deid.Known{})); diff != "" {
			t.Errorf("a town named like a country (-want +got):\n%s", diff)
		}
	}
}

// TestAgeAtAnEvent: an age over 89 after "at" in a life's event.
func TestAgeAtAnEvent(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"passed at", "Lived with her until she passed at 93.", []found{{"93", deid.Age}}},
		{"at opening the clause", "Question: at 91, is it reasonable to anticoagulate?", []found{{"91", deid.Age}}},
		{"measures stay", "HR at 95, SpO2 at 92%, BP at 90/60, temp at 98.6, glucose at 110.", nil},
	})
}

// TestPublicCodesAndSites: drug codes, public health web pages and
// anatomical eponyms are no identifiers; a portal's address is.
func TestPublicCodesAndSites(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"NDC", "NDC for item 1: 0003-0894-21. Take daily.", nil},
		{"government site", "More information: www.cdc.gov/ticks and https://medlineplus.gov/lyme.html", nil},
		{"anatomical eponym", "Epistaxis from Little's area (Kiesselbach plexus).", nil},
		{"a portal stays", "Log in at portal.eastbrookhealth.org/records", []found{{"portal.eastbrookhealth.org/records", deid.URL}}},
	})
}
