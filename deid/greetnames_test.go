package deid_test

import (
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestUnlistedNamesAfterAGreeting: a lower-case given name on no list
// (rare in the census, of many origins) said right after a greeting or a
// pleasantry, with no metadata: "thanks siosaia see you in two weeks",
// "good morning yerlan". The words a greeting also comes before stay:
// fillers, endearments, "everyone", a drug after "thanks to". Names and
// frames written for this test before it was run.
func TestUnlistedNamesAfterAGreeting(t *testing.T) {
	t.Parallel()
	names := strings.Fields("siosaia yerlan kasimir temuulen anahera tsegaye bolat chidinma ikaika dziugas dorjee " +
		"mahlet nurlan azamat tevita tavake makerita ngaio")
	frames := []string{
		"hi %[1]s how are you doing today",
		"thanks %[1]s see you in two weeks",
		"good morning %[1]s come on back",
		"hello %[1]s i'm the nurse today",
		"nice to meet you %[1]s",
		"bye %[1]s take care",
		"hey %[1]s, long time",
		"thank you %[1]s we'll call with results",
	}
	for _, rulesOnly := range []bool{true, false} {
		c := frameCheck{t: t, d: newDetector(t, deid.Config{RulesOnly: rulesOnly}), rulesOnly: rulesOnly}
		for _, name := range names {
			for _, frame := range frames {
				c.run("patient: hi\ndoctor: %s\npatient: ok", frame, name, "", deid.Known{})
			}
		}
		c.done()
	}
	runFreeCases(t, []foundCase{
		{"greetings before words", "doctor: hi everyone\npatient: thanks anyway\ndoctor: bye for now\npatient: hello hello", nil},
		{"greetings before fillers", "doctor: hi um so\npatient: thanks mhm\ndoctor: good morning sunshine\npatient: hi hon", nil},
		{"a drug after thanks to", "patient: thanks to zepbound i lost twenty pounds\ndoctor: great", nil},
	})
}
