package deid_test

import (
	"fmt"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSpokenDatesInDialogue: dates as patients say them, in lower case: a
// day alone said of something dated or scheduled, a day joined to another,
// a day of this month, "may" after a word of time, a month abbreviation
// before a spoken ordinal, a season of a spoken year, a holiday before a
// weekday. The controls keep the modal, the ordinal of a thing and a year
// alone. Sentences written for this test.
func TestSpokenDatesInDialogue(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text  string
		dates []string
	}{
		{"my last period was the third", []string{"the third"}},
		{"surgery is scheduled for the twenty first", []string{"the twenty first"}},
		{"my appointment is the seventeenth at two", []string{"the seventeenth"}},
		{"the mri was on the second of this month", []string{"the second of this month"}},
		{"between the tenth and the fourteenth", []string{"the tenth", "the fourteenth"}},
		{"i was out from the 3rd to the 5th", []string{"the 3rd", "the 5th"}},
		{"back in early may", []string{"may"}},
		{"it was the end of may when it started", []string{"may"}},
		{"since the beginning of august", []string{"august"}},
		{"dec twenty fifth", []string{"dec twenty fifth"}},
		{"in the spring of twenty nineteen", []string{"spring of twenty nineteen"}},
		{"easter sunday she collapsed", []string{"easter"}},
		{"christmas morning he couldn't get up", []string{"christmas"}},
		// Controls.
		{"this may help with the pain", nil},
		{"next may be a good time to stop", nil},
		{"it's the third time this year", nil},
		{"for the first time in years", nil},
		{"my colonoscopy was in oh eight", nil},
		{"we got a christmas tree", nil},
	}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range cases {
			text := "patient: " + c.text
			var got []string
			for _, s := range d.Detect(text, deid.Known{}) {
				if s.Type == deid.Date {
					got = append(got, text[s.Start:s.End])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(c.dates) && !(len(got) == 0 && len(c.dates) == 0) {
				t.Errorf("rules only %v: %q: dates %q, want %q", rulesOnly, c.text, got, c.dates)
			}
		}
	}
}

// TestSpokenAgesSaidToThePatient: an age over 89 said to the patient ("you
// are ninety seven", "that makes you ninety one") and said back at the
// start of the next turn; not a count after "they are" with a unit, nor an
// ordinary number said back. Written for this test.
func TestSpokenAgesSaidToThePatient(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			text string
			ages []string
		}{
			{"doctor: so you are ninety four\npatient: ninety four in october", []string{"ninety four", "ninety four"}},
			{"doctor: born in nineteen thirty three that makes you ninety two\npatient: ninety two and still going", []string{"ninety two", "ninety two"}},
			{"doctor: and they are ninety nine percent sure", nil},
			{"doctor: your sugar was ninety five\npatient: ninety five is good right", nil},
		} {
			var got []string
			for _, s := range d.Detect(c.text, deid.Known{}) {
				if s.Type == deid.Age {
					got = append(got, c.text[s.Start:s.End])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(c.ages) && !(len(got) == 0 && len(c.ages) == 0) {
				t.Errorf("rules only %v: %q: ages %q, want %q", rulesOnly, c.text, got, c.ages)
			}
		}
	}
}
