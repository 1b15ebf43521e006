package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestHospitalsAbroad: hospitals of Great Britain, Ireland, Canada and New
// Zealand (data/hospitals-abroad.txt) said by their heads in lower-case
// speech, with or without "the"; a head that is also an English word only
// after a verb of care, and an ordinary noun after "the" stays.
func TestHospitalsAbroad(t *testing.T) {
	t.Parallel()
	loc := func(w string) []found { return []found{{w, deid.Location}} }
	runFreeCases(t, []foundCase{
		{"the head with the", "patient: they sent me to the rockyview after the scan", loc("rockyview")},
		{"transferred to", "patient: he was transferred to middlemore after the crash", loc("middlemore")},
		{"a word after a care verb", "patient: she delivered at the rotunda with twins", loc("rotunda")},
		{"two words", "patient: we took him to alder hey for the scan", loc("alder hey")},
		{"two words after done at", "patient: he had his knee done at stepping hill last year", loc("stepping hill")},
		{"seen at", "patient: i'm seen at wythenshawe every month", loc("wythenshawe")},
		{"been in", "patient: he's been in altnagelvin since the weekend", loc("altnagelvin")},
		{"works at", "patient: she works at gartnavel as a cleaner", loc("gartnavel")},
		{"a word without a care verb", "patient: the rotunda of the old library was lovely", nil},
		{"a word after near the", "pt: we live near the beach in the summer", nil},
	})
}

// TestUnlistedPlaceAnswer: a word on no list and no English word, said
// alone as the answer to a question of where, is the place; a hesitation,
// an English word and a place question's answer about the body stay.
func TestUnlistedPlaceAnswer(t *testing.T) {
	t.Parallel()
	loc := func(w string) []found { return []found{{w, deid.Location}} }
	runFreeCases(t, []foundCase{
		{"home is", "doctor: and home is\npatient: tuktoyaktuk, up by the ocean", loc("tuktoyaktuk")},
		{"moved here from", "doctor: and you moved here from\npatient: kozhikode, three years ago", loc("kozhikode")},
		{"where born, then in", "doctor: where were you born\npatient: yeah chengalpattu, then we came over", loc("chengalpattu")},
		{"a hesitation", "doctor: where did you get the tattoo\npatient: ummm, not sure", nil},
		{"where it hurts", "doctor: where does it hurt\npatient: owww, here", nil},
		{"an English word", "doctor: where do you work\npatient: warehouse, near the docks", nil},
	})
}
