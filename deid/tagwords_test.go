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
