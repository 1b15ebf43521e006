package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestPhoneCallOrganizations: the practice, pharmacy or hospital a call is
// answered for or recorded from, in lower case as a transcript writes a
// call ("thank you for calling northshore patient billing", "garfield
// ridge pharmacy this is omar", "an automated message from rush copley
// for jaylen brooks-tate"), and the person a recorded reminder is for. A
// practice's word alone names nothing ("thanks for calling the
// pharmacy", "cardiology, this is jen"), nor a question after "calling".
// Calls written for this test.
func TestPhoneCallOrganizations(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		checkFound(t, d, deid.Known{}, []foundCase{
			{"thank you for calling", "agent: thank you for calling brightwater patient billing how can i help\ncaller: hi",
				[]found{{"brightwater patient billing", deid.Location}}},
			{"a recorded reminder and its addressee", "hello this is an automated message from halloran heights clinic for odalys ferreira-pinto you have an appointment on friday",
				[]found{{"halloran heights clinic", deid.Location}, {"odalys ferreira-pinto", deid.Name}}},
			{"answered for at the start of the turn", "pharmacist: oakmere pharmacy this is omar\ncaller: hi omar",
				[]found{{"oakmere pharmacy", deid.Location}, {"omar", deid.Name}, {"omar", deid.Name}}},
			{"after a greeting and a comma", "receptionist: good morning, brightwater pediatrics, this is ana\ncaller: hi",
				[]found{{"brightwater pediatrics", deid.Location}, {"ana", deid.Name}}},
			{"a practice's word alone", "agent: thanks for calling the pharmacy, how can i help\ncaller: hi", nil},
			{"a department answering", "receptionist: cardiology, this is jen\ncaller: hi", []found{{"jen", deid.Name}}},
			{"a question after calling", "scheduler: thanks for calling who am i speaking with\ncaller: hi", nil},
			{"capitals, the name after this is", "Nurse: Lakeview Pediatrics, this is Lee.",
				[]found{{"Lakeview Pediatrics", deid.Location}, {"Lee", deid.Name}}},
			{"a service by its short name", "nurse: got a message from ortho about the brace and gyn clinic this is kim",
				[]found{{"kim", deid.Name}}},
			{"a payer or a portal", "patient: there's a message from medicare about my premium and one from mychart saying my labs were back", nil},
			{"a reminder for a surname that is a word", "hello this is a reminder from halloran heights clinic for james rose please call us back",
				[]found{{"halloran heights clinic", deid.Location}, {"james rose", deid.Name}}},
			{"a reminder for a month's given name", "hello this is a message from halloran heights clinic for april white you have an appointment",
				[]found{{"halloran heights clinic", deid.Location}, {"april white", deid.Name}}},
			{"a saint's hospital with its dot and possessive", "this is a message from st. luke's for robert king please call us",
				[]found{{"st. luke's", deid.Location}, {"robert king", deid.Name}}},
			{"a kind of clinic opening a turn", "patient: pain management clinic this is my fourth time\ndoctor: ok", nil},
			{"a message from a clinician", "nurse: you have a message from dr patel about your labs", []found{{"patel", deid.Name}}},
			{"a chain, a thing, a point reached", "patient: i got a message from cvs saying it's ready and a reminder from the portal\ndoctor: you've reached the point where surgery makes sense", nil},
		})
	}
}
