package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestRecordNumbersAndExtensions: record numbers after the labels other
// countries' hospitals print (an inpatient number, a unique health ID with
// its dot, a folder number, a clinic's own number, a bill's number, whose
// first word is no name), an interpreter's number after a comma or after
// "ID" (not Idaho), a dashed Medicare Beneficiary Identifier with no cue,
// and internal extensions with their exchange's digit. Lines written for
// this test.
func TestRecordNumbersAndExtensions(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"inpatient number", "IP No. IP/25/440912 admitted to ward 3", []found{{"IP/25/440912", deid.MRN}}},
			{"unique health ID", "UHID MAXH.0091823 for billing", []found{{"MAXH.0091823", deid.MRN}}},
			{"folder number", "Folder no.: TBH 4471029", []found{{"TBH 4471029", deid.MRN}}},
			{"clinic number", "Clinic #: 7-330-418", []found{{"7-330-418", deid.MRN}}},
			{"bill number", "Bill No.: APL/B/25/0091", []found{{"APL/B/25/0091", deid.Account}}},
			{"interpreter after a comma", "This is Oksana, Ukrainian interpreter, number 44187. Go ahead.",
				[]found{{"Oksana", deid.Name}, {"44187", deid.ID}}},
			{"ID number after a name", "This is interpreter Baljit, ID number 80213.",
				[]found{{"Baljit", deid.Name}, {"80213", deid.ID}}},
			{"Idaho stays", "She lives in Nampa, ID 83651.", []found{{"Nampa", deid.Location}, {"83651", deid.ZIP}}},
			{"dashed MBI", "The new card came, it's 3KW7-PD4-RT52.", []found{{"3KW7-PD4-RT52", deid.HealthPlan}}},
			{"not an MBI", "Batch 3KW7-PD4-RT5Q passed.", nil},
			{"an extension", "Charge nurse Opal Brandt, RN, x4-2719.", []found{{"Opal Brandt", deid.Name}, {"x4-2719", deid.Phone}}},
			{"an extension in brackets", "The unit clerk answers (x6-0193).", []found{{"x6-0193", deid.Phone}}},
			{"a magnification stays", "Viewed at 4x5-1000 resolution.", nil},
			{"a count and a year stay", "OB hx: C-section x2-2015, 2018.", nil},
			{"a licence key stays", "License key 3QA9-KT2-WD41 for the dictation app.", nil},
			{"a person before a number's label", "Son Tobias #: 555-0177 (cell)", []found{{"Tobias", deid.Name}, {"555-0177", deid.Phone}}},
			{"an ID after an interpreter's name", "Interpreter Dalia Ferro, ID 44102, assisted.",
				[]found{{"Dalia Ferro", deid.Name}, {"44102", deid.ID}}},
			{"Idaho with its ZIP", "Moved to Pocatello, ID 83201 last year.", []found{{"Pocatello", deid.Location}, {"83201", deid.ZIP}}},
		})
	}
}

// TestSurnameFirstAndNamesSaid: "Last, First" in a list's numbered item
// before a room, and at a pasted line's head before a birth date, though
// the given name is on no list; initials written without dots after a
// title; the words said after "name is" in lower case, parts on no list;
// dates said day first with a cardinal day; "may" before a spoken year;
// a lower-case month abbreviation and day ending a clause. Lines written
// for this test.
func TestSurnameFirstAndNamesSaid(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"numbered item before a room", "Sign-out:\n2) Brandao, Gervasio rm 508 - cellulitis",
				[]found{{"Brandao", deid.Name}, {"Gervasio", deid.Name}}},
			{"two conditions stay", "Sign-out:\n4) Stroke, Sepsis - 2 pts", nil},
			{"pasted line with a birth date", "\"Oyelaran-Pike, Tadashi DOB 03/02/1941 seen for gout",
				[]found{{"Oyelaran-Pike", deid.Name}, {"Tadashi", deid.Name}, {"03/02/1941", deid.Date}}},
			{"a credential stays", "Sincerely,\nMarisol Quintero, CRCR", []found{{"Marisol Quintero", deid.Name}}},
			{"initials without dots", "cc: Mr M I Qureshi", []found{{"M I Qureshi", deid.Name}}},
			{"name said in lower case", "son: papa's name is om veer khatri.", []found{{"om veer khatri", deid.Name}}},
			{"real name", "her real name is harjeet kaur but everyone says honey.", []found{{"harjeet kaur", deid.Name}}},
			{"three words said", "mamas name is gurpreet kaur sandhu", []found{{"gurpreet kaur sandhu", deid.Name}}},
			{"the name is no name", "the name is a problem for the insurance", nil},
			{"cardinal day first", "He was born fourteen July nineteen forty nine in a village.",
				[]found{{"fourteen July nineteen forty nine", deid.Date}}},
			{"cardinal day and a year of two words", "she was born nineteen june sixty one", []found{{"nineteen june sixty one", deid.Date}}},
			{"march hares stay", "three march hares ran", nil},
			{"may before a spoken year", "the last stone was may twenty twenty two, in omaha",
				[]found{{"may twenty twenty two", deid.Date}, {"omaha", deid.Location}}},
			{"a month's abbreviation ending a clause", "the shot appointment was dec 12. bring the card", []found{{"dec 12", deid.Date}}},
			{"decreased stays", "output was dec 10 ml from yesterday", nil},
		})
	}
}

// TestShortForSuppliedName: the full name a short form is "short for",
// when the platform supplied it, though it is also a word. Lines written
// for this test.
func TestShortForSuppliedName(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Liberty Haines"}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, kn, []foundCase{
			{"short for", "dr: okay. is libby short for liberty?\npt: yeah.", []found{{"liberty", deid.Name}}},
			{"the word stays", "pt: my mom loved the statue of liberty.", nil},
		})
	}
}

// TestMonthDayInDatedText: a month and day with a slash and no year in a
// text dated in that month or next to it; fractions, grades, scores,
// readings and a month far from the text's dates stay. Lines written for
// this test.
func TestMonthDayInDatedText(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"the same month", "Admitted 11/28/2026 with cellulitis. Recheck CRP 12/3. Wound care daily.",
				[]found{{"11/28/2026", deid.Date}, {"12/3", deid.Date}}},
			{"day first", "Admitted 28/11/2026. Transfused 2 units 30/11. Home soon.",
				[]found{{"28/11/2026", deid.Date}, {"30/11", deid.Date}}},
			{"fractions, grades and readings stay", "Seen 05/02/2026. Strength 4/5, pain 7/10, take 1/2 tab, BP 5/3 wow, Apgars 5/9.",
				[]found{{"05/02/2026", deid.Date}}},
			{"a result's date", "Seen 12/01/2026. Flu swab 12/3 positive.", []found{{"12/01/2026", deid.Date}, {"12/3", deid.Date}}},
			{"a month far away stays", "Seen 11/28/2026. Ratio 7/9 on the last run.", []found{{"11/28/2026", deid.Date}}},
			{"no date in the text", "The mix 7/9 looked fine.", nil},
		})
	}
}

// TestMonthDayCountsAndSettingsStay: full counts and a ventilator's
// settings in a dated text are no dates (found by the second review).
func TestMonthDayCountsAndSettingsStay(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"full counts", "Admitted 12/04/2026. 2/2 blood cultures grew GPC; ROS 12/12 negative.", typed(deid.Date, "12/04/2026")},
		{"ventilator settings", "Admitted 12/04/2026. On BiPAP 12/6 overnight.", typed(deid.Date, "12/04/2026")},
		{"a day-first vent", "Admitted 20/05/2026. Vent 18/5, FiO2 40%.", typed(deid.Date, "20/05/2026")},
	})
}
