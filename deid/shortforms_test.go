package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSuppliedShortFormsAndFalseStarts: a supplied name said the way
// people say it in a visit — clipped ("fede" for Federico), begun and
// restarted ("mr oye, sorry, mr oyelaran"), after a greeting that goes on
// to introduce the speaker ("hi may this is the nurse"), or called out
// alone in a waiting room and answered ("major" / "that's me"), heard as
// it sounds ("it's kaz" for Casimir) and then said again. The words
// a clipped or restarted name shares with English stay: "can" of Candace,
// "hard" before Hardwick. Texts written for this test.
func TestSuppliedShortFormsAndFalseStarts(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text, word string
		removed          bool
	}{
		// Clipped given names.
		{"Federico Bianchi", "doctor: ok fede how's the cough\npatient: worse at night", "fede", true},
		{"Sebastian Ortiz", "mom: sebas has had a fever since sunday\ndoctor: ok", "sebas", true},
		{"Valentina Cruz", "doctor: hi valen i'm dr ames\npatient: hi", "valen", true},
		{"Tobias Lind", "doctor: and tobi is how old now\nmom: six", "tobi", true},
		// Begun and restarted.
		{"Ade Oyelaran", "doctor: mr oye, sorry, mr oyelaran come on back\npatient: thanks", "oye", true},
		{"Anjali Ramaswamy", "doctor: ms rama- ramaswamy\npatient: yes", "rama", true},
		{"Piotr Wierzbicki", "nurse: is it wierz, wierzbicki\npatient: yes", "wierz", true},
		{"Ewa Kowalczyk", "doctor: mrs kowal kowalczik right\npatient: yes", "kowal", true},
		// Heard in context, then said again without it.
		{"Casimir Dunn", "doctor: casimir dunn?\npatient: it's kaz\ndoctor: kaz, sorry, so the scan was clear", "kaz", true},
		// A greeting, then who is calling.
		{"May Chen", "nurse: hi may this is the nurse from dr lee's office\npatient: oh hi", "may", true},
		{"Hope Diaz", "nurse: hey hope it's kim from the clinic\npatient: hi", "hope", true},
		// Called out and answered.
		{"Major Quinn", "nurse: major\npatient: that's me\nnurse: come on back", "major", true},
		{"Hope Diaz", "nurse: hope?\npatient: yes that's me", "hope", true},
		// Named by a nickname they give, or asked about.
		{"Odessa Vandermolen", "nurse: odessa van der molen?\npatient: that's me", "molen", true},
		{"Wade Pruitt", "nurse: yeah that's wade he gets nervous with needles\ndoctor: ok", "wade", true},
		{"Rain Delgado", "doctor: is rain with you today\nmom: yes she's here", "rain", true},
		{"Ginger Moss", "doctor: and ginger how old is she now\nmom: four", "ginger", true},
		{"Clover Adams", "doctor: hi ma'am\npatient: hi\ndoctor: and clover\nrelative: hello", "clover", true},
		{"Autumn Reyes", "doctor: any trouble sleeping autumn\npatient: some", "autumn", true},
		{"Rich Abara", "doctor: ha so rich the sleep study came back\npatient: and", "rich", true},
		{"Art Lowe", "doctor: that's good, so art the knee\npatient: better", "art", true},
		// Said syllable by syllable and answered.
		{"Oluchi Eze", "doctor: oh lu chee\npatient: close, it's oluchi", "chee", true},
		{"Siobhan Lacey", "nurse: shi vaughn?\npatient: that's me", "vaughn", true},
		// Another form offered after "or".
		{"Rich Okonjo", "doctor: mr okonjo is fine, or rich\npatient: whichever", "rich", true},
		// The words stay.
		{"Grant Okonjo", "doctor: okonjo, any questions about the loan or grant\npatient: no", "grant", false},
		{"Sutton Hale", "doctor: see you then\npatient: yes thanks", "see", false},
		{"Hope Diaz", "doctor: so hope the new inhaler helps\npatient: me too", "hope", false},
		{"Ginger Moss", "doctor: garlic and ginger how often do you take them\npatient: daily", "ginger", false},
		{"Autumn Reyes", "doctor: is the wheezing usually worse in autumn\npatient: some", "autumn", false},
		{"Rain Delgado", "patient: it's the rain he hates\ndoctor: ok", "rain", false},
		{"Candace Moore", "doctor: ok can you hop up here\npatient: sure", "can", false},
		{"Theodore Price", "doctor: so the cough started when\npatient: monday", "the", false},
		{"Patricia Hale", "doctor: pat it dry after the shower\npatient: ok", "pat", false},
		{"Tom Hardwick", "doctor: breathing is hard hardwick's note says\npatient: yes", "hard", false},
		{"May Chen", "doctor: hi, may i come in\npatient: yes", "may", false},
		{"Major Quinn", "doctor: was the surgery a big one\npatient: major\ndoctor: ok", "major", false},
	}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range cases {
			removed := survivingWord(c.text, d.Detect(c.text, deid.Known{PatientNames: []string{c.name}}), c.word) < 0
			if removed != c.removed {
				t.Errorf("rules only %v: %q in %q removed %v, want %v", rulesOnly, c.word, c.text, removed, c.removed)
			}
		}
	}
}
