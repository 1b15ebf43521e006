package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNationalNumbersWithoutCue: phone numbers in shapes nothing else is
// written in go with no phone cue: an Australian mobile after a next of
// kin ("Siobhan (daughter) 0412 555 871" kept it), a landline with its area
// code in brackets ("Ph: (02) 9555 1234", "(0161) 496 0000"). A number of
// other shapes stays. Written for this test.
func TestNationalNumbersWithoutCue(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"Next of kin: Siobhan O'Loughlin (daughter) 0412 555 871", "0412 555 871", deid.Phone},
			{"Ph: (02) 9555 1234", "(02) 9555 1234", deid.Phone},
			{"Daughter Maeve (0161) 496 0000 after 5", "(0161) 496 0000", deid.Phone},
			// A UK mobile after "Mob", a postcode after a town spelled
			// like a name, a national identity number after its name.
			{"Mob 07700 900123. DOB 12/03/1958.", "07700 900123", deid.Phone},
			// A British mobile and landline of five and six digits with
			// no cue: the 07 or 01 after the trunk zero says which.
			{"Her daughter (next of kin, 07700 900123) attended.", "07700 900123", deid.Phone},
			{"Switchboard 01592 643355 for the ward.", "01592 643355", deid.Phone},
			{"Lives in Leeds LS6 2QT with her partner.", "LS6 2QT", deid.ZIP},
			{"Aadhaar 2345 6789 0123; resident of Koramangala.", "2345 6789 0123", deid.ID},
			// A card's number after the country or province that issued
			// it in brackets; Canada's social insurance number.
			{"Medicare (AU): 2123 45670 1", "2123 45670 1", deid.HealthPlan},
			{"SIN 046 454 286 on file.", "046 454 286", deid.ID},
			// In Spanish: a phone grouped as Mexico groups it, an age in
			// years, a street written type first with its number after.
			{"Su número de teléfono es 33 1234 5678.", "33 1234 5678", deid.Phone},
			{"Mi mamá vive en Guadalajara y tiene 92 años.", "92", deid.Age},
			// An age over 89 in Spanish words, and where a person is from
			// after "soy de".
			{"patient: tengo noventa y dos años", "noventa y dos", deid.Age},
			{"patient: soy de durango pero vivo aquí", "durango", deid.Location},
			{"Dra. Leticia Arce, Calle Hidalgo 45, Zapopan.", "Calle Hidalgo 45", deid.Location},
		})
		text := "Platelets 412 555 871 range noted in the 1990 series. Lot 12345 678901 expired. Lot 07123 456789 opened."
		for _, s := range d.Detect(text, deid.Known{}) {
			if s.Type == deid.Phone {
				t.Errorf("rules only %v: %q: %q taken for a phone", rulesOnly, text, text[s.Start:s.End])
			}
		}
		// A weight and a headache in Spanish stay.
		spanish := "patient: pesa noventa kilos y el dolor de cabeza sigue, es de paz"
		for _, s := range d.Detect(spanish, deid.Known{}) {
			t.Errorf("rules only %v: %q: %q found as %s", rulesOnly, spanish, spanish[s.Start:s.End], s.Type)
		}
	}
}

// TestAtSaintPlace: a place after "at" written with a dotted "St." or "Mt."
// goes whole ("meetings at St. Sabina on Thursdays" left "Sabina": the dot
// ended the place's words). Written for this test.
func TestAtSaintPlace(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, place string }{
			{"Attends NA meetings at St. Sabina on Thursdays.", "St. Sabina"},
			{"She was seen at Mt. Carmel East yesterday.", "Mt. Carmel East"},
		} {
			if !within(c.text, d.Detect(c.text, deid.Known{}), c.place, deid.Location) {
				t.Errorf("rules only %v: %q: %q not removed whole as a place", rulesOnly, c.text, c.place)
			}
		}
	}
}

// TestScannedDateAfterCue: a date a scanner read with letters for digits
// after a date's label goes ("DOB: O4/O9/1958" kept it). The same shape
// with no date's label stays. Written for this test.
func TestScannedDateAfterCue(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, date string }{
			{"Member DOB: O4/O9/1958   Group 00417", "O4/O9/1958"},
			{"D.O.B. l2/O3/2O21", "l2/O3/2O21"},
		} {
			if !within(c.text, d.Detect(c.text, deid.Known{}), c.date, deid.Date) {
				t.Errorf("rules only %v: %q: %q not removed as a date", rulesOnly, c.text, c.date)
			}
		}
		text := "Shelf B2/O9 holds the kits."
		if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
			t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
		}
	}
}

// TestDayAfterWeekdayAndComma: a day of the month said after a weekday and
// a comma is a date ("two weeks from friday, the nineteenth" kept it). An
// ordinal of something after the same ("friday, the third dose") stays.
// Written for this test.
func TestDayAfterWeekdayAndComma(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		text := "doctor: sure, and we'll see you two weeks from friday, the nineteenth"
		if !within(text, d.Detect(text, deid.Known{}), "the nineteenth", deid.Date) {
			t.Errorf("rules only %v: %q: the day not removed", rulesOnly, text)
		}
		for _, text := range []string{"doctor: on friday, the third dose is due", "patient: it was a monday, the first day of school"} {
			if touching(text, d.Detect(text, deid.Known{}), "the") {
				t.Errorf("rules only %v: %q: an ordinal taken for a date", rulesOnly, text)
			}
		}
	}
}

// TestLastCommaFirstInTableCell: "Last, First" in a table's cell, the
// given name before the cell's border, goes whole ("| Okonjo, Ada |" left
// "Ada"). A drug or allergy in the same shape stays. Written for this
// test.
func TestLastCommaFirstInTableCell(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		text := "| Patient | Room | Attending |\n| Okonjo, Ada | 4B-12 | Dr. Feld |"
		if !within(text, d.Detect(text, deid.Known{}), "Ada", deid.Name) {
			t.Errorf("rules only %v: %q: the given name not removed", rulesOnly, text)
		}
		text = "| Allergy | Reaction |\n| Allergy, Penicillin | rash |"
		if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
			t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
		}
	}
}

// TestLastCommaFirstInListsAndFields: "Last, First" before a dash set off
// by spaces ("Okonkwo, Chisom - IV ertapenem") and inside a CSV field's
// quotes ("\"Ybarra, Celestino\",1933-05-02") goes whole; a diagnosis
// with its status ("Sepsis, Resolved (POA)": present on admission) stays.
func TestLastCommaFirstInListsAndFields(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, word string }{
			{"Home infusion visit\nOkonkwo, Chisom - IV ertapenem day 9 of 14 via PICC", "Chisom"},
			{"encounter_id,patient,dob\nE9917204,\"Ybarra, Celestino\",1933-05-02", "Ybarra"},
		} {
			if !within(c.text, d.Detect(c.text, deid.Known{}), c.word, deid.Name) {
				t.Errorf("rules only %v: %q: %q not removed as a name", rulesOnly, c.text, c.word)
			}
		}
		text := "Problem list\nSepsis, Resolved (POA) - done\nHeart Failure, Chronic - stable"
		if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
			t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
		}
	}
}
