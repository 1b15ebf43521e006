package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A nickname in quotes or parentheses between a given name and a surname:
// both are the person's; a relation or a role in the brackets is no
// nickname, though the surname after it is still a name, and an English
// word after it is no surname. Sentences written for this test.
func TestNicknameInName(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"quoted and in parentheses", "Pt: Antoine \"Tee\" Broussard, 67M.\nSeen with Margaret (Peggy) Jones today.",
				[]found{{"Antoine", deid.Name}, {"Tee", deid.Name}, {"Broussard", deid.Name}, {"Margaret", deid.Name}, {"Peggy", deid.Name}, {"Jones", deid.Name}}},
			{"a relation in parentheses", "Met with Maria (Sister) Jones. Met with Ana (Daughter) Today.",
				[]found{{"Maria", deid.Name}, {"Jones", deid.Name}, {"Ana", deid.Name}}},
		})
	}
}

// An initial between a title and a surname in lower case or in a document
// in capitals: the initial and the surname are the name; the article "a"
// after "dr" is no initial. Sentences written for this test.
func TestInitialAfterTitleInLowerCase(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"lower case", "patient seen by dr j. smith and dr h. taufa today.",
				[]found{{"j", deid.Name}, {"smith", deid.Name}, {"h", deid.Name}, {"taufa", deid.Name}}},
			{"capitals", "DISCHARGE SUMMARY. CONSULTANT DR H. TAUFA. FU WITH GP DR P. SINGH.",
				[]found{{"H", deid.Name}, {"TAUFA", deid.Name}, {"P. SINGH", deid.Name}}},
			{"an article stays", "the ct was done by dr a scan", nil},
		})
	}
}

// A middle initial after "LAST, FIRST" before a form's wide gap, but not a
// sex; a chat user's handle before a message's time, but not a role.
// Lines written for this test.
func TestInitialsAndHandles(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"an initial before a wide gap", "Name: SKOGEN, LEIF A      Age: 93",
				[]found{{"SKOGEN", deid.Name}, {"LEIF", deid.Name}, {"A", deid.Name}, {"93", deid.Age}}},
			{"a sex stays", "WOJCIK, HELENA  F  93y", []found{{"WOJCIK", deid.Name}, {"HELENA", deid.Name}, {"93", deid.Age}}},
			{"chat handles", "[secure chat] jlarkin 07:52: anyone covering today?\n[secure chat] pmehta 07:55: i have her list\n[secure chat] nurse 07:56: ok",
				[]found{{"jlarkin", deid.Name}, {"pmehta", deid.Name}}},
			{"roles and flowsheets stay", "[secure chat] pharm 08:12: ok\n[secure chat] rrteam 03:14: on the way\ntele 07:52: sinus rhythm", nil},
			{"handles with a number or of names on no list", "[secure chat] kpatel3 14:02: is bed 9 ready\n[secure chat] ondlamini 14:03: yes",
				[]found{{"kpatel3", deid.Name}, {"ondlamini", deid.Name}}},
			{"services on no list stay", "[chat] ctsurg 14:03: ok\n[teams] nocturnist 14:04: seen\n[chat] ortho2 14:05: will come\n[secure chat] gimed 17:45: accepting", nil},
		})
	}
}

// Two names spelled letter by letter joined by "dash" are one hyphenated
// name. A line written for this test.
func TestSpelledAcrossDash(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"spelled with dash", "np: it's hyphenated o k a f o r dash l i n d q v i s t",
				[]found{{"o k a f o r dash l i n d q v i s t", deid.Name}}},
		})
	}
}

// A word of the surname lists after a given name found in lower case is
// her surname, though it also names a town ("calling coral fitz",
// "florence abernethy"); a brand named like a person stays ("the john
// deere cap", in TestSuppliedNamesAsTheySound). Lines written for this
// test.
func TestSurnameAfterFoundName(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{ProviderNames: []string{"Florence Okoye"}}, []foundCase{
			{"after a given name found", "doctor that's her real name florence abernethy and i did my residency there",
				[]found{{"florence", deid.Name}, {"abernethy", deid.Name}}},
		})
	}
}
