package deid_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/deid"
)

// TestBareMonthDay: a month/day whose second number can only be a day is a
// date without a cue; scores out of a total stay.
func TestBareMonthDay(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"day over twelve", "Transitioned to comfort care 1/28 per his wishes.", []found{{"1/28", deid.Date}}},
		{"in parentheses after a lab", "Cr peaked 2.9 (10/30), 2.4 at discharge.", []found{{"10/30", deid.Date}}},
		{"scores stay", "GCS 3/15 on arrival; MoCA 22/30, PHQ-9 5/27, score 14/21; pain 4/10.", nil},
	})
}

// TestMonthDayAfterATest: a month/day whose day is twelve or less, after
// the test or procedure it dates ("EGD 10/5"); after an acronym on no list
// only with the month above the day, since scores, strength and ranges of
// motion are written "TIMI 2/7", "RUE 4/5", "ROM 5/5"; "in" before a word
// that is no measure is a preposition, not inches. A day/month is read day
// first in a text that writes a full date so.
func TestMonthDayAfterATest(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a listed test", "EGD 10/5 showed gastritis.", []found{{"10/5", deid.Date}}},
		{"a procedure's word", "IR drain 10/5, blood cx positive.", []found{{"10/5", deid.Date}}},
		{"an acronym", "s/p TAVR 12/4 without complication.", []found{{"12/4", deid.Date}}},
		{"a word between", "MRI brain 10/5 no acute findings. CT A/P 11/9 negative.", []found{{"10/5", deid.Date}, {"11/9", deid.Date}}},
		{"after seen, in clinic", "Seen 11/22 in clinic and 11/2 in the ED.", []found{{"11/22", deid.Date}, {"11/2", deid.Date}}},
		{"strength, motion and scores stay", "RUE 4/5, LUE 5/5. MMT 4/5. ROM 5/5 bilat. TIMI 2/7, HEART 3/10. NYHA 3/4. CAM 2/4. EOM 3/3.", nil},
		{"ventilator, pupils, lab pairs stay", "PSV 10/5 trial. PERRL 3/2. ESR/CRP 12/5 today. AST/ALT 11/9.", nil},
		{"day first where the text writes dates so", "Admitted 18/11/2026 with a fractured NOF, ORIF 19/11. Nursing 24/7.",
			[]found{{"18/11/2026", deid.Date}, {"19/11", deid.Date}}},
		{"day first alone stays", "ORIF 19/11. Nursing 24/7.", nil},
		{"a day before a month's name makes a text day first", "Haematemesis at home on 27 November. OGD 29/11: clip. Nursing 24/7.",
			[]found{{"27 November", deid.Date}, {"29/11", deid.Date}}},
		{"a preposition of time in a day-first text", "Admitted 18/11/2026. GCS 15 by 28/11. Review in 14/7.",
			[]found{{"18/11/2026", deid.Date}, {"28/11", deid.Date}}},
		{"a setting weaned in a day-first text stays", "Admitted 20/11/2026. Weaned from 14/5 to 10/5 on PSV.",
			[]found{{"20/11/2026", deid.Date}}},
		// A review's probes: measures, counts, schedules and paired
		// readings after a test; British counts of days and months in a
		// text that writes dates day first; doses in the morning.
		{"a measure between the test and the numbers stays", "PET SUV 12/4 in the right hilum. Cath RA 10/5, PA 40/20. MRI T 11/12. Echo E/A 2/1 reversed.", nil},
		{"counts and schedules after a test stay", "Transfusion 2/1 ratio. Chemo 5/1 schedule. Biopsy 12/4 cores positive. CT 12/4 HU. Cath 3/3 grafts patent. EEG 10/20 system.", nil},
		{"paired readings stay", "IOP 12/10. BPAP 12/5 at night. NPH 10/6 with meals. INR 10/5.", nil},
		{"doses in the morning stay", "Take 1/2 in the morning and 1/2 in the evening. Removed 1/2 in of tubing.", nil},
		{"British counts stay in a day-first text", "Admitted 18/11/2026 with 14/7 history of cough. Child aged 18/12. IOP 14/12 OU. Review in 14/7.",
			[]found{{"18/11/2026", deid.Date}}},
		{"a date of two-digit year does not make a text day first", "Settings 14-8-10 on arrival. ORIF 19/11.", nil},
		{"alone in parentheses after words", "Expect discharge POD#1 (1/15). Fell on Labor Day (9/2). Suture removal in 7 days (3/8).",
			[]found{{"1/15", deid.Date}, {"Labor Day", deid.Date}, {"9/2", deid.Date}, {"3/8", deid.Date}}},
		{"shares and grades in parentheses stay", "Strength (4/5) in the arm. Dose cut (1/2). Motor (5/5). Pain (7/10). Ratio (3/1) of PRBC.", nil},
		// A second review's probes: murmurs, trends, counts and ages in
		// parentheses.
		{"murmurs, trends and counts in parentheses stay", "Murmur grade (2/6). Platelets trend (9/6). Cores positive (8/12). PRBC:FFP (2/1) ratio followed. Shift worked (7/12) hours. Child aged (6/12).", nil},
		{"fractions and inches stay", "HIV 1/2 Ab negative. ASA 1/2 tab. A 3/4 in laceration. Cut 3/4 in long. Removed 1/2 in. of tubing.", nil},
		// A plan for a day, and a day texted.
		{"a recheck, a completion, a texted tomorrow", "Recheck 12/8. RCT completion 12/2. i cant come tmrw 12/9",
			[]found{{"12/8", deid.Date}, {"12/2", deid.Date}, {"12/9", deid.Date}}},
		{"doses and scores after them stay", "recheck 1/2 tab. pain tmrw 6/10. recheck 3/4 in of packing.", nil},
		{"counts after a completion stay", "PT completion 8/12 visits. Chemo completion 4/6 cycles. completion 9/10 sessions attended.", nil},
	})
}

// TestWideAreasAndRules: states, countries and regions stay; so does a city
// in the name of a clinical rule.
func TestWideAreasAndRules(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{}, {RulesOnly: true}} {
		d := newDetector(t, cfg)
		for _, text := range []string{
			"Lyme disease is more common today in Arkansas, Missouri and the Carolinas than in the Rockies.",
			"No travel to the Middle East recently.",
			"Apply the San Francisco syncope rule or the Ottawa ankle rules.",
		} {
			if got := detect(d, text, deid.Known{}); len(got) != 0 {
				t.Errorf("rules-only=%v: %q: found %v, want nothing", cfg.RulesOnly, text, got)
			}
		}
		want := []found{{"Jamaica", deid.Location}, {"11432", deid.ZIP}}
		if diff := cmp.Diff(want, detect(d, "Seen in Jamaica, NY 11432 on Monday.", deid.Known{})); diff != "" {
			t.Errorf("a town named like a country (-want +got):\n%s", diff)
		}
	}
}

// TestAgeAtAnEvent: an age over 89 after "at" in a life's event.
func TestAgeAtAnEvent(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"passed at", "Lived with her until she passed at 93.", []found{{"93", deid.Age}}},
		{"at opening the clause", "Question: at 91, is it reasonable to anticoagulate?", []found{{"91", deid.Age}}},
		{"measures stay", "HR at 95, SpO2 at 92%, BP at 90/60, temp at 98.6, glucose at 110.", nil},
		{"died at, in after", "Her father died at 96 in his sleep.", []found{{"96", deid.Age}}},
		{"inches stay", "Waist 92 in. Reach at 95 in (arm span).", nil},
		{"lived to", "Her grandmother lived to 102 on the farm.", []found{{"102", deid.Age}}},
		{"lived until", "an uncle who lived until 97", []found{{"97", deid.Age}}},
		{"a count after to stays", "Enrollment rose to 140; we lived with 95 beds.", nil},
		{"a reading after lived stays", "He lived; sats went to 94.", nil},
	})
}

// TestPublicCodesAndSites: drug codes, public health web pages and
// anatomical eponyms are no identifiers; a portal's address is.
func TestPublicCodesAndSites(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"NDC", "NDC for item 1: 0003-0894-21. Take daily.", nil},
		{"government site", "More information: www.cdc.gov/ticks and https://medlineplus.gov/lyme.html", nil},
		{"anatomical eponym", "Epistaxis from Little's area (Kiesselbach plexus).", nil},
		{"a portal stays", "Log in at portal.eastbrookhealth.org/records", []found{{"portal.eastbrookhealth.org/records", deid.URL}}},
		{"a government address with a record number stays", "See myhealth.va.gov/records/448812 for it.",
			[]found{{"myhealth.va.gov/records/448812", deid.URL}}},
	})
}

// TestAcronymsAndSentenceEnds: the spelled-out form of an acronym, a test
// with a numeral, a document's verb and a sentence after a title-like
// abbreviation are no identifiers.
func TestAcronymsAndSentenceEnds(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"expansion after the acronym", "SLUMS (Saint Louis University Mental Status) 20/30.", nil},
		{"expansion before the acronym", "Saint Louis University Mental Status (SLUMS) 20/30.", nil},
		{"a test with a numeral", "Denver II normal.", nil},
		{"a document's verb", "CODING QUERY\nDocumentation states the diagnosis.", nil},
		{"a sentence after PA.", "CXR: tip in R main PA. No PTX.", nil},
		{"the town stays", "She moved to Denver in 2019.", []found{{"Denver", deid.Location}}},
		{"a name after PA stays", "Seen by PA. Rivera today.", []found{{"Rivera", deid.Name}}},
	})
}

// TestRelativeNamedLikeAMonth: a relative named like a month, after the
// relation word and before a verb a person does.
func TestRelativeNamedLikeAMonth(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"daughter", "her daughter june manages her pill box", []found{{"june", deid.Name}}},
		{"son", "my son august lives with me", []found{{"august", deid.Name}}},
		{"the month stays", "my son in august was sick", []found{{"august", deid.Date}}},
	})
}

// TestBrandPossessives: a brand written as a possessive before a product on
// a handout with amounts; a person's possessive stays a name.
func TestBrandPossessives(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{}, {RulesOnly: true}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"soup", "Sodium: Campbell's chicken noodle soup, 1 cup: 890 mg.", nil},
			{"a person's possessive", "Mrs. Campbell's daughter called at 3 pm.", []found{{"Campbell", deid.Name}}},
		})
	}
}

// TestSentenceDotAfterADayFirstDate: the dot after a month written out
// ends the sentence and stays outside the date ("on 3 March. She ..." had
// lost it to the span, and the redacted text ran two sentences together);
// an abbreviation keeps its dot. Written for this test.
func TestSentenceDotAfterADayFirstDate(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a month written out", "Reviewed in clinic on 3rd November. She lives alone.", typed(deid.Date, "3rd November")},
		{"an abbreviation", "Reviewed in clinic on 3 Nov. 2024 and discharged.", typed(deid.Date, "3 Nov. 2024")},
	})
}

// TestShortenedEventsAndDaysAfterOn: a month and day after a sign-out's
// shortened event ("adm 11/30  dc 12/4", also after a record number); a
// spoken day past the twelfth after "on the" before a word of no noun
// ("on the thirtieth about four hours", "on the seventeenth tuesday").
// A half tablet after "dc" stays. Written for this test.
func TestShortenedEventsAndDaysAfterOn(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"adm and dc", "Delacroix  MRN 00731588  adm 11/30  dc 12/4",
			[]found{{"Delacroix", deid.Name}, {"00731588", deid.MRN}, {"11/30", deid.Date}, {"12/4", deid.Date}}},
		{"half a tablet after dc stays", "Keppra dc 1/2 tab", nil},
		{"day after on the before about", "patient: we drove back on the thirtieth about four hours", []found{{"the thirtieth", deid.Date}}},
		{"day after on the before a weekday", "doctor: we can do it on the seventeenth tuesday in the morning", []found{{"the seventeenth", deid.Date}}},
	})
}

// TestMonthDayOfResultsAndVisits: a bare month/day in parentheses after a
// result ("GBS neg (11/20)") or before one ("breath test (12/5)
// positive"), after an event named in the parentheses ("(dog bite,
// 11/28)"), and after the site of a visit before the clause goes on ("ED
// 12/1 with", "clinic 12/3 (") is a date; a score, a share and a strength
// stay. Sentences written for this test.
func TestMonthDayOfResultsAndVisits(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after a result", "Prenatal labs: HIV neg, GBS neg (11/20). Rh+.", []found{{"11/20", deid.Date}}},
		{"before a result", "Urea breath test (12/5) positive for H. pylori.", []found{{"12/5", deid.Date}}},
		{"an event in the parentheses", "Admitted for cellulitis (dog bite, 11/28); on IV cefazolin.", []found{{"11/28", deid.Date}}},
		{"a visit's site", "Seen at the ED 12/1 with chest pain.", []found{{"12/1", deid.Date}}},
		{"a clinic's visit", "Seen again in clinic 12/3 (no change).", []found{{"12/3", deid.Date}}},
		{"scores and shares stay", "Pain in ED 8/10 with movement. Cultures positive (2/3) bottles. Strength neg (4/5).", nil},
	})
}
