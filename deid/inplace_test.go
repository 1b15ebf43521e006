package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A lower-case town or neighbourhood on no list after "in", "from" or
// "near" at its clause's end (written for this test in the shapes of the
// blind sets' transcripts); languages, Latin, countries and words shaped
// like adjectives stay.
func TestInPlaceWord(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a town after in", "patient: my aunt still farms out near quemado\ndoctor: okay\n", []found{{"quemado", deid.Location}}},
			{"a neighbourhood before a comma", "daughter: she's with me in mahalapye, with her kids\n", []found{{"mahalapye", deid.Location}}},
			{"the text's last word", "patient: my nan is still weaving in chinle", []found{{"chinle", deid.Location}}},
			{"before still", "gp: and you're in wainoni still?\nwife: yes\n", []found{{"wainoni", deid.Location}}},
			{"after at", "patient: nineteen months at kelvarro, they had me on the shot\n", []found{{"kelvarro", deid.Location}}},
			{"a person looked at stays", "mom: she yelled at tavisha and then she cried\n", nil},
			{"a chain stays", "patient: my neighbor does her dialysis at davita, three days\n", nil},
			{"two words", "daughter: she could stay with me in paraparaumu beach, it's close\npatient: my father was a baker in stary sacz. i made bread\n",
				[]found{{"paraparaumu beach", deid.Location}, {"stary sacz", deid.Location}}},
			{"after en", "patient: sí, en guánica, cerca de la playa\n", []found{{"guánica", deid.Location}}},
			{"a town before what follows", "patient: my brother is in kilcoole and he visits\nson: she fell at the shops in ballyboden on the stairs\n",
				[]found{{"kilcoole", deid.Location}, {"ballyboden", deid.Location}}},
		})
	}
	// What the rule leaves (the tagger reads "kreyol" and "eritrea" as
	// places on its own).
	checkFound(t, newDetector(t, deid.Config{RulesOnly: true}), deid.Known{}, []foundCase{
		{"languages and latin", "patient: we talk in dari at home, the letters come in kreyol.\ndoctor: it was in utero. the cells in situ.\n", nil},
		{"a country and a field", "patient: we came from eritrea.\ndoctor: i'll ask doctor lee from interventional\n", []found{{"lee", deid.Name}}},
		{"a faith", "patient: breaking the fast is allowed in islam for health, in sikhism too\n", nil},
		// A review's probes (rv47): misspelled words, a clinical short
		// form, adjectives.
		{"misspelled and clipped words", "patient: pain in abdomin, and nausea\nwife: she lost weight from chemo, every cycle\nson: he was in hospitl when\n", nil},
		{"an adjective after in", "patient: he went in hypovolemic, they said\nnurse: he's in obs, now\n", nil},
		{"a chain", "patient: i had a donut from dunkin, just one\n", nil},
		{"spanish after en", "doctor: ¿en cuál iglesia?\npatient: en casa, con mi hija\n", nil},
	})
}
