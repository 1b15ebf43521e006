package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Ages over 89 in words beside a name or a birth date in parentheses, and
// in a birthday's greeting (the shapes of blind19's tuning part, written
// for this test). Younger ages, a year after a month and counts in
// parentheses stay.
func TestParenAndBirthdayAges(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after a name", "Thanks for seeing my mum Brigid Tallon (ninety-three, DOB 04/04/1933) on Monday.\n",
				[]found{{"Brigid Tallon", deid.Name}, {"ninety-three", deid.Age}, {"04/04/1933", deid.Date}}},
			{"after a birth date", "DOB 1935-02-11 (91)   Sex: F\n",
				[]found{{"1935-02-11", deid.Date}, {"91", deid.Age}}},
			{"a birthday wished, said again", "doctor: happy belated birthday, olive. ninety-six?\npatient: ninety-six, and still walking\n",
				[]found{{"ninety-six", deid.Age}, {"ninety-six", deid.Age}}},
			{"younger and counts stay", "Seen with her son (sixty-two, retired). Steps (ninety a day).\ndoctor: happy birthday! seventy?\n", nil},
		})
	}
}

// Ages over 89 said of a person after "is" or "'s", or between commas
// after a relation or a name (blind20's tuning part's shapes, written for
// this test); readings stay.
func TestPersonAges(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after is", "patient: my nana out in toledo is ninety-three, she still drives\n", []found{{"toledo", deid.Location}, {"ninety-three", deid.Age}}},
			{"after 's", "son: my mam's ninety and lives with us\n", []found{{"ninety", deid.Age}}},
			{"between commas", "daughter: and our grandmother, ninety-six, she sits with her\n", []found{{"ninety-six", deid.Age}}},
			{"readings", "nurse: her pressure is ninety\npatient: she's ninety over sixty\nwife: he's ninety pounds now\nson: mom's sugar was ninety-five\n" +
				"doctor: he's ninety percent better\n", nil},
			// A review's probes (rv47): readings in digits after a
			// person, an age before "over" and no number.
			{"readings in digits", "nurse: she's 92 over 58\nnurse: she was 90/60\nnurse: pulse, she was 96\n", nil},
			{"over there", "son: my dad's ninety over there, by the window\n", []found{{"ninety", deid.Age}}},
		})
	}
}

// TestRomanceAges: an age over 89 said in Spanish or Portuguese of a
// person, after a verb that gives it or answering a question of age;
// readings stay. Sentences written for this test.
func TestRomanceAges(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after she's", "patient: my aunt calls. she's noventa y tres, still sharp\n", typed(deid.Age, "noventa y tres")},
			{"answering", "médica: ¿cuántos años tiene su papá?\nhijo: noventa y uno. vive conmigo\n", typed(deid.Age, "noventa y uno")},
			{"portuguese", "filha: minha mãe fez noventa e dois, graças a deus\n", typed(deid.Age, "noventa e dois")},
			{"a verb, then more said", "filha: ela fez noventa e dois no domingo passado\n", typed(deid.Age, "noventa e dois")},
			{"days stay", "ele tem noventa dias de licença depois da cirurgia\n", nil},
			{"a fasting sugar stays", "a glicose deu noventa e oito em jejum\n", nil},
			{"a reading answered stays", "enfermera: ¿y el pulso?\npaciente: noventa y dos.\n", nil},
			{"a pressure stays", "la presión era noventa sobre sesenta\n", nil},
		})
	}
}
