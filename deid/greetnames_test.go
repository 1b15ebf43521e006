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
	checkFrames(t, "patient: hi\ndoctor: %s\npatient: ok", frames, names)
	runFreeCases(t, []foundCase{
		{"greetings before words", "doctor: hi everyone\npatient: thanks anyway\ndoctor: bye for now\npatient: hello hello", nil},
		{"greetings before fillers", "doctor: hi um so\npatient: thanks mhm\ndoctor: good morning sunshine\npatient: hi hon", nil},
		{"a drug after thanks to", "patient: thanks to zepbound i lost twenty pounds\ndoctor: great", nil},
	})
}

// TestUnlistedNamesInFramesOnlyAPersonFills: a lower-case name on no list,
// no metadata, where no drug, device or word could stand: the subject of
// what only a person does ("siosaia said i should come in", "yerlan drove
// me today"), the one asked or told ("i'll ask temuulen to call you",
// "tell dorjee i said hi"), beside a pronoun ("me and nurlan went"), a
// relation said of it ("tevita is my husband", "is yerlan your son"),
// spelled ("it's tsegaye, with an s"), called out and answered, or said
// to be in a state only a person is in ("ngaio has been coughing", "is
// five now", "turned three", "since temuulen was born", "how old is
// nurlan", "yes this is tevita" on the phone). A drug
// brand on no list stays in the frames a drug fills ("vyvanse is helping",
// "nurtec works", "i take rinvoq and humira"). Frames written for this
// test before it was run.
func TestUnlistedNamesInFramesOnlyAPersonFills(t *testing.T) {
	t.Parallel()
	names := strings.Fields("siosaia yerlan temuulen tsegaye dorjee nurlan tevita azamat makerita ngaio")
	frames := []string{
		"%[1]s said i should come in",
		"yeah %[1]s drove me today",
		"she says %[1]s takes her to the pharmacy",
		"%[1]s told me to ask about it",
		"i'll ask %[1]s to call you",
		"tell %[1]s i said hi",
		"me and %[1]s went last week",
		"%[1]s and i both had it",
		"%[1]s is my husband",
		"is %[1]s your son",
		"it's %[1]s, with an s",
		"%[1]s wants to know if it's contagious",
		"we live with %[1]s and the kids",
		"i'm here with %[1]s today",
		"%[1]s has been coughing for a week",
		"%[1]s is five now",
		"%[1]s turned three in march",
		"since %[1]s was born she's had eczema",
		"%[1]s got sick on friday",
		"%[1]s is allergic to penicillin",
		"and how is %[1]s doing",
		"how old is %[1]s",
		"%[1]s goes to daycare",
		"%[1]s's been throwing up",
		"is %[1]s eating ok",
		"hi is this %[1]s",
		"yes this is %[1]s",
	}
	for _, rulesOnly := range []bool{true, false} {
		c := frameCheck{t: t, d: newDetector(t, deid.Config{RulesOnly: rulesOnly}), rulesOnly: rulesOnly}
		for _, name := range names {
			for _, frame := range frames {
				c.run("doctor: ok\npatient: %s\ndoctor: right", frame, name, "", deid.Known{})
			}
			c.run("patient: hi\n%s\npatient: that's me", "nurse: %[1]s?", name, "", deid.Known{})
		}
		c.done()
	}
	runFreeCases(t, []foundCase{
		{"drug brands on no list", "patient: vyvanse is helping but nurtec works better\ndoctor: and you take rinvoq and humira\n" +
			"patient: yes and biktarvy too\ndoctor: ok skyrizi?\npatient: yes", nil},
		{"drug brands in frames a drug fills", "doctor: this is for rinvoq\npatient: does skyrizi have any interactions\n" +
			"doctor: rinvoq is fifteen milligrams and vyvanse is working\npatient: my biktarvy has been fine", nil},
	})
}

// TestCapitalizedUnlistedNamesInNotes: a capitalized name on no list in a
// note or a message, where only a person stands: after a role of one or
// two words ("Case mgr Tevita", "Sitter (Ngaio)"), opening a sentence
// before a person's state or age ("Dorjee has been coughing at night",
// "Nurlan is 5 now"), before ", who" or a relation in brackets. A drug
// brand on no list stays where a drug fits. Frames written for this test
// before it was run.
func TestCapitalizedUnlistedNamesInNotes(t *testing.T) {
	t.Parallel()
	names := strings.Fields("Siosaia Yerlan Temuulen Tsegaye Dorjee Nurlan Tevita Ngaio Azamat Makerita")
	frames := []string{
		"Hi, my son %[1]s has had a fever since Sunday.",
		"%[1]s has been coughing at night.",
		"Pt's daughter %[1]s called about refills.",
		"Spoke with %[1]s (daughter) by phone.",
		"%[1]s is 5 now and still wets the bed.",
		"Case mgr %[1]s to follow up.",
		"Sitter (%[1]s) at bedside.",
		"Discussed with %[1]s, who agrees with the plan.",
		"Seen with the social worker %[1]s today.",
	}
	checkFrames(t, "Note: %s\nEnd", frames, names)
	runFreeCases(t, []foundCase{
		{"drug brands on no list", "Rinvoq has been helping. Started Skyrizi (biologic) last month. Biktarvy, which is well tolerated, " +
			"continues. Vyvanse is 30 mg daily.", nil},
	})
}

// TestCapitalizedWordNamesInNotes: a capitalized given name that is also an
// English word, where a note puts a person: after a role, or opening a
// sentence before a person's state. The words stay where they are words.
// Frames written for this test before it was run.
func TestCapitalizedWordNamesInNotes(t *testing.T) {
	t.Parallel()
	names := strings.Fields("Bill Bob Will Hope Grace Joy Rose Mark Frank Sue Pat Dawn Faith Chase")
	frames := []string{
		"Case mgr %[1]s to call back.",
		"Home health aide %[1]s visits daily.",
		"Daughter lives nearby. %[1]s has been doing the driving.",
		"%[1]s is allergic to sulfa per her daughter.",
		"Reviewed meds. %[1]s has been sleeping poorly since the move.",
	}
	checkFrames(t, "Note: %s\nEnd", frames, names)
	runFreeCases(t, []foundCase{
		{"the words", "Bill has been paid. Mark is visible on the left shin. Hope is that the rash clears. " +
			"Will is documented in the chart. Grace period applies.", nil},
	})
}

// TestNicknamesPeopleGiveThemselves: "everyone calls me tobs", "she goes
// by kiki": the word after "calls me", "goes by" closing the clause is a
// name, with no metadata; one on no list is the name again later in the
// text, a word of the lists only there ("she calls me birdie"). Not "calls
// me back", "call me anytime", "time goes by fast", "he calls me honey".
// Sentences written for this test.
func TestNicknamesPeopleGiveThemselves(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a nickname on no list, said again", "patient: everyone calls me tobs\ndoctor: ok tobs, let's start", typed(deid.Name, "tobs", "tobs")},
		{"goes by", "mom: she goes by kiki\ndoctor: hi there", typed(deid.Name, "kiki")},
		{"a word as a nickname", "relative: she calls me birdie\nnurse: ok", typed(deid.Name, "birdie")},
		{"no nickname", "patient: he calls me back every day\ndoctor: call me anytime\npatient: time goes by fast\n" +
			"patient: he calls me honey", nil},
	})
}

// checkFrames fills each frame with each name (no metadata), in both modes,
// and fails on every mention that survives (frameCheck).
func checkFrames(t *testing.T, wrap string, frames, names []string) {
	t.Helper()
	for _, rulesOnly := range []bool{true, false} {
		c := frameCheck{t: t, d: newDetector(t, deid.Config{RulesOnly: rulesOnly}), rulesOnly: rulesOnly}
		for _, name := range names {
			for _, frame := range frames {
				c.run(wrap, frame, name, "", deid.Known{})
			}
		}
		c.done()
	}
}
