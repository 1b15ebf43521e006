package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestAnswerBeforeFoundPlace: the words opening an answer to a question of
// where someone works, worships or is cared for, before another place
// found, are a place too; a store visited, a pronoun, a kind of work or a
// line of a note stays. Sentences written for this test.
func TestAnswerBeforeFoundPlace(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"where someone works", "dr: and you work where\npt: zendrik in kalamazoo, on the line\n",
				[]found{{"zendrik", deid.Location}, {"kalamazoo", deid.Location}}},
			{"a church asked of", "nurse: which church is that\nmom: the st wenceslas on fleet avenue\n",
				[]found{{"st wenceslas", deid.Location}, {"fleet avenue", deid.Location}}},
			{"a lower-case transcript without tags", "okay and you still work at the the bank\nyeah zendrik on fleet avenue i'm on leave\n",
				[]found{{"zendrik", deid.Location}, {"fleet avenue", deid.Location}}},
			{"a note's line stays", "Social: works at the bank.\nZendrik Ortho on Fleet Avenue follows him.\n",
				[]found{{"Fleet Avenue", deid.Location}}},
			{"a store visited stays", "nurse: which pharmacy\nmom: the hollister drug on fleet avenue\n",
				[]found{{"fleet avenue", deid.Location}}},
			{"a question of where alone is not enough", "dr: where were you treated\npt: chemo in kalamazoo last year\n",
				[]found{{"kalamazoo", deid.Location}}},
			{"a kind of work or care stays", "dr: where do you work\npt: ems in kalamazoo\n", []found{{"kalamazoo", deid.Location}}},
			{"a kind of work stays", "doctor: what do you do for work\npatient: construction in kalamazoo mostly\n",
				[]found{{"kalamazoo", deid.Location}}},
		})
	}
}

// The answer to where someone works, as blind18's tuning part says it
// (written for this test): the employer's name opening the turn before a
// comma or a link word. Speaker tags, "at home", a kind of work and
// "myself" stay.
func TestAnswerToWorkQuestion(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"before a comma", "pa: where do you work\npatient: nike, at the campus in beaverton\npa: okay, tender over the wrist", []found{{"nike", deid.Location}, {"beaverton", deid.Location}}},
			{"before a link word", "doctor: where you working again\npatient: wisynco in white marl, forklift\ndoctor: twelve hours a day on your feet", []found{{"wisynco", deid.Location}}},
			{"no employer named", "doctor: where do you work\npatient: at home, i'm retired\ndoctor: what kind of work do you do\npatient: construction, mostly roofing\ndoctor: who do you work for\npatient: myself\nspk_0: what do you do for work\nspk_1: i drive a truck, long haul", nil},
		})
	}
}

// An answer to where someone lives that lists its places by commas (the
// shapes of blind18's tuning part, written for this test): every part is
// a place once one of them is anchored (a place found, a street's suffix,
// a lot's label, a town). A note's lines after "Lives ..." and answers
// that name no place stay.
func TestAnswerPlaceList(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"neighbourhood then street", "doctor: and you're from\nlola: tondomar, kalinga street\ndoctor: okay, any cough",
				[]found{{"tondomar", deid.Location}, {"kalinga street", deid.Location}}},
			{"street after a town found", "np: you live in\npatient: gwarinpa, fourth avenue\nnp: and the pain",
				[]found{{"gwarinpa", deid.Location}, {"fourth avenue", deid.Location}}},
			{"three parts", "doctor: where do you live\npatient: um, lot 9 phase 3, bulakenyo heights, caloocan\ndoctor: okay",
				[]found{{"lot 9 phase 3", deid.Location}, {"bulakenyo heights", deid.Location}, {"caloocan", deid.Location}}},
			{"a note's lines stay", "S: Lives at home with wife.\nPlan: CT head, CIWA protocol, recheck in 2 weeks\n", nil},
			// blind19's shapes: an address asked for in a few words,
			// "where do you stay", a part placed by what it is near, a
			// postcode and a landmark inside the list.
			{"an address prompt", "doctor: okay. address\nfather: tarvinder nagar, ludhiana, 141001\ndoctor: phone",
				[]found{{"tarvinder nagar", deid.Location}, {"ludhiana", deid.Location}, {"141001", deid.ID}}},
			{"where do you stay", "midwife: where do you stay\npatient: teshie, near kpobiwe junction\nmidwife: okay",
				[]found{{"teshie", deid.Location}, {"kpobiwe junction", deid.Location}}},
			{"a landmark stays", "doctor: you live in westminster?\npatient: garden grove, on trask, by the buddhist temple",
				[]found{{"westminster", deid.Location}, {"garden grove", deid.Location}, {"trask", deid.Location}}},
			{"no place named", "doctor: where do you live\npatient: no, but the building, it has mold\ndoctor: okay", nil},
			// A review's probes (rv46): a label without its number is
			// no anchor; answers that name no place.
			{"a label without its number", "doctor: do you live close?\npatient: yes, block away, corner lot", nil},
			{"a street with a reply's word in it", "doctor: where do you live\npatient: kettering street mostly\ndoctor: and where did you live before\npatient: old home road\n",
				[]found{{"kettering street", deid.Location}, {"old home road", deid.Location}}},
			{"nowhere, with family", "doctor: where do you live\npatient: nowhere right now\ndoctor: and where do you stay\npatient: with mom, dad and my sister", nil},
			// blind19's tuning part, later: a postcode closing the list
			// anchors it; a family's house named by a name found; an
			// answer to "still at ...?"; an Eircode in lower case.
			{"a postcode anchors the list", "doctor: okay. address\nson: puthenpura house, kanjoor, aluva, 683575\ndoctor: phone",
				[]found{{"puthenpura house", deid.Location}, {"kanjoor", deid.Location}, {"aluva", deid.Location}, {"683575", deid.ID}}},
			{"still at, a house number and an eircode", "doctor: and you're still at ballyduff?\npatient: 22 millrace view, carlow, r93 e2k7\ndoctor: grand",
				[]found{{"ballyduff", deid.Location}, {"22 millrace view", deid.Location}, {"carlow", deid.Location}, {"r93 e2k7", deid.ZIP}}},
			{"still, not a place", "doctor: are you still smoking?\npatient: yes, a pack a day, menthols\ndoctor: still on the metformin?\npatient: yes, morning and night, with food", nil},
		})
		checkFound(t, d, deid.Known{RelativeNames: []string{"Varghese Thomas (husband)"}}, []foundCase{
			{"a family's house", "doctor: okay. address\nhusband: varghese house, kanjoor, aluva\ndoctor: phone",
				[]found{{"varghese", deid.Name}, {"kanjoor", deid.Location}, {"aluva", deid.Location}}},
		})
	}
}
