package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A transcriber's bracketed marks, nouns after a French or Spanish
// article or possessive, and the relation a clinic's metadata writes in
// Spanish or French after a relative's name (the shapes of blind18's and
// blind19's tuning parts, written for this test) are no names; the
// relative's name stays one.
func TestMarksNounsAndRelationsAbroad(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a transcriber's mark", "son: [crosstalk] mom, she's asking about the visit\nwife: [inaudible] since the stroke\n", nil},
			// An exam's title in capitals: "PA" is no clinician's title
			// before "AND".
			{"an exam's title", "EXAM: XR CHEST PA AND LATERAL\nCOMPARISON: None.\nXR KNEE PA AND LAT, standing\n", nil},
			{"a name after and", "Seen with Tom and then Maria.", []found{{"Tom", deid.Name}, {"Maria", deid.Name}}},
		})
		checkFound(t, d, deid.Known{PatientNames: []string{"Réal Bouchard"}, RelativeNames: []string{"Ghislaine Bouchard (conjointe)", "Marisol Ortiz (hija)"}}, []foundCase{
			{"a relation abroad in metadata", "patient: quand je monte l'escalier, ma conjointe le dit\nconjointe: ghislaine, sa conjointe. c'est vrai\nhija: mami, díle\n",
				[]found{{"ghislaine", deid.Name}}},
		})
	}
}

// A speaker tagged by a relation abroad, a French endearment, an
// address abroad by its labelled parts, an HL7 segment's ID and "en
// route" (blind20's tuning part's shapes, written for this test).
func TestKinTagsSegmentsAndAddressParts(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a relation as a speaker's tag", "Nurse: And who is with him today?\nTeta: Me. I bring him every week.\nNurse: Good, thank you.\n", nil},
			{"an endearment", "nurse: how you doing today\npatient: ah, not too bad, cher. my knee, it's aching\n", nil},
			{"an address by its parts", "Address: Vill: Char Baria, P.O: Lalmohan, Upazila: Lalmohan, Dist: Bhola\n",
				[]found{{"Char Baria", deid.Location}, {"Lalmohan", deid.Location}, {"Lalmohan", deid.Location}, {"Bhola", deid.Location}}},
			{"one district alone", "Ward: 4B   District: 7\n", nil},
			{"HL7 segments and a run sheet", "The second name in PID-5 is rejected; the date is in PID-7.\nDispatched 06:41 | En route 06:42 | On scene 06:49\n", nil},
		})
	}
}

// TestRelationsAndHonorificsAbroad: a relation in a patient's language as
// a speaker's tag or after a possessive, and an honorific said after a
// name or a title, are no names; a relation a clinic's metadata writes in
// parentheses after a supplied name is no part of it. Dialogues written
// for this test.
func TestRelationsAndHonorificsAbroad(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Warda Haddad"}, RelativeNames: []string{"Rima Haddad (bint)"}, ProviderNames: []string{"Pooja Reddy"}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, kn, []foundCase{
			{"a supplied daughter tagged by her relation", "doctor: good morning\nbint: i'm rima, her bint, her daughter\nbint: she sleeps badly\n",
				typed(deid.Name, "rima")},
			{"a father tagged by his relation", "nurse: is this your daughter?\naabe: yes. i'm her aabe, her father\n", nil},
			{"honorifics", "surgeon: namaskaram, pooja garu\npatient: namaskaram, doctor garu\n", typed(deid.Name, "pooja")},
			{"an honorific after a name found", "doctor: come in, Suresh Nandakumar ji, sit down\n", typed(deid.Name, "Suresh Nandakumar")},
		})
	}
}
