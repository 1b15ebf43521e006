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

// TestAddressWithLowerCaseState: an address as a transcriber writes it, the
// state's full name in lower case before the ZIP: the ZIP and the town
// between the street and the state go ("14 elm street springfield illinois
// 62704" left the town and the ZIP). A state before a count of years, or
// an abbreviation that is also a word, is no ZIP's. Written for this test.
func TestAddressWithLowerCaseState(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			text string
			want []string
		}{
			{"patient: it's 14 elm street springfield illinois 62704", []string{"springfield", "62704"}},
			{"patient: it's 2210 birch road apt 3 south bend indiana 46601", []string{"south bend", "46601"}},
			{"patient: 14 elm street, springfield, illinois 62704", []string{"springfield", "62704"}},
			{"patient: we moved from texas 2 years ago", nil},
			{"patient: in 60614 we had a place", nil},
		} {
			got := map[string]bool{}
			for _, s := range d.Detect(c.text, deid.Known{}) {
				got[c.text[s.Start:s.End]] = true
			}
			for _, w := range c.want {
				if !got[w] {
					t.Errorf("rules only %v: %q: %q not removed (spans %v)", rulesOnly, c.text, w, got)
				}
			}
			if c.want == nil && len(got) > 0 {
				t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, c.text, got)
			}
		}
	}
}

// TestAreaCodeApart: an area code said apart from the rest of the number
// is part of the phone number ("area code six one seven then nine nine
// eight two two one three" left "six one seven"); the words "area code"
// alone are nothing. Written for this test.
func TestAreaCodeApart(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"patient: call my cell, it's area code six one seven then nine nine eight two two one three", "six one seven", deid.Phone},
			{"Phone: area code 617, then 998-2213", "617", deid.Phone},
			{"patient: the area code is six seventeen and the rest you have", "six seventeen", deid.Phone},
		}, "doctor: do you know the area code of the clinic")
	}
}

// TestPhoneSplitBetweenTurns: a phone number read out after its cue and
// finished by the other speaker ("seven one four five five five" /
// "zero one nine two yeah") is one phone number in two parts; three digits
// and two more are not. Written for this test.
func TestPhoneSplitBetweenTurns(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		text := "speaker 1: ok and the phone number same seven one four five five five\nspeaker 2: zero one nine two yeah"
		expectExact(t, d, rulesOnly, []exact{
			{text, "seven one four five five five", deid.Phone},
			{text, "zero one nine two", deid.Phone},
		}, "doctor: your phone is five five five\npatient: one two")
	}
}

// TestLocalPhoneWithSpace: a seven-digit local number written with a space
// right after its cue ("(cell 555 0142)", "phone: 555 0142") is a phone
// number; a cell count is not. Written for this test.
func TestLocalPhoneWithSpace(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"Wife: Yolanda (cell 555 0142)", "555 0142", deid.Phone},
			{"phone: 555 0142", "555 0142", deid.Phone},
		}, "CSF cell count 120 4400 noted")
	}
}

// TestQuantitiesSaidWithThousand: a quantity said with "thousand" and no
// cue of an identifier before it is no run of digits ("one thousand six
// hundred with meals" had been read as a phone number); a number after a
// cue stays one. Written for this test.
func TestQuantitiesSaidWithThousand(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a dose and a weight", "plan: increase sevelamer to one thousand six hundred with meals. weight three thousand two hundred grams", nil},
		{"a phone after its cue", "patient: my number is five five five two thousand", typed(deid.Phone, "five five five two thousand")},
	})
}

// TestSpelledGroupBeforeSpokenDigits: letters said as a group, a comma
// after them, open the identifier read out after them, typed by the
// question before ("h z n, six oh two one, five five eight four" after the
// member number was asked); one letter or a pronoun before a comma stays
// out. Written for this test.
func TestSpelledGroupBeforeSpokenDigits(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a member number", "doctor: and the new member number\npatient: h z n, six oh two one, five five eight four",
			[]found{{"h z n, six oh two one, five five eight four", deid.HealthPlan}}},
		{"a provincial card", "doctor: and your ramq number, the card expired\npatient: t r e g, five seven zero six, two four one two",
			[]found{{"t r e g, five seven zero six, two four one two", deid.HealthPlan}}},
		{"a pronoun before a comma stays out", "patient: i, uh, four four five five six six seven",
			[]found{{"four four five five six six seven", deid.Phone}}},
	})
}

// TestWrittenIdentifiersAnswered: a number in groups written as the
// answer to the question that asked for it takes the asked type (a
// Medicare card's number, an OHIP number with its version code); a
// phone's shape stays a phone; an internal extension with its exchange's
// digit ("ext. 4-7711"); a plan's prefix of capitals before a long
// number. Written for this test.
func TestWrittenIdentifiersAnswered(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"medicare card answered", "Doctor: Have you got your Medicare card there?\nPatient: Yep. 2953 71846 1, I'm number 2 on it.",
			[]found{{"2953 71846 1", deid.HealthPlan}}},
		{"ohip number with its version code", "Doctor: Can I get your OHIP number, just to check?\nPatient: 5584-119-302-KT.",
			[]found{{"5584-119-302-KT", deid.HealthPlan}}},
		{"counts after an insurance question stay", "Doctor: How many on the insurance?\nPatient: 2 adults 3 kids", nil},
		{"internal extension", "-- Jolene Ward, RN, CCM, ext. 4-7711", []found{{"Jolene Ward", deid.Name}, {"4-7711", deid.Phone}}},
		{"plan prefix before a long number", "Secondary: MDZ 660418873 (supplement).", []found{{"MDZ 660418873", deid.ID}}},
	})
}

// TestDatesWithSpacesAndAddressLabels: a month, day and year written with
// spaces after a date's cue or a question asking a date ("DOB 03 15 1948";
// base left them whole), and an address line after its label ("Address:
// Barrack Road, Exeter EX2 5DW"); numbers of a dose or a score stay.
// Written for this test.
func TestDatesWithSpacesAndAddressLabels(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"dob with spaces", "DOB 03 15 1948", []found{{"03 15 1948", deid.Date}}},
		{"a date asked for", "Doctor: What's the date on your Medicare card?\nPatient: 03 15 2024.", []found{{"03 15 2024", deid.Date}}},
		{"doses and scores stay", "Doses 10 12 2000 mg; scores 10 12 2000", nil},
		{"address after its label", "Address: Barrack Road, Exeter EX2 5DW", []found{{"Barrack Road", deid.Location}, {"Exeter", deid.Location}, {"EX2 5DW", deid.ZIP}}},
	})
}

// Six letters spelled before a spoken number belong to it (blind18's
// tuning part has a clinic number spelled "j o o t r h, three three nine
// ..."; written for this test).
func TestSixSpelledLettersBeforeNumber(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"six letters", "doctor: and the clinic number for the card\nsister: j o o t r h, three three nine two one oh",
			typed(deid.ID, "j o o t r h, three three nine two one oh")},
	})
}
