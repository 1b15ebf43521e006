package deid_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/deid"
)

// Rules added for text written by people who never saw the detector: each
// case pins one rule, with a look-alike that must stay untouched.
func TestGeneralRules(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	tests := []struct {
		name, text string
		want       []found
	}{
		// Record numbers: a short prefix, a dash and a long digit group.
		{"prefixed code", "Culture sent as BC-2024-118273 this morning.", []found{{"BC-2024-118273", deid.ID}}},
		{"mixed prefix code", "Tissue block HX19-337120 reviewed.", []found{{"HX19-337120", deid.ID}}},
		{"gene and score names are not codes", "IL-6 and CA-125 normal; PHQ-9 of 4; COVID-19 negative.", nil},
		{"gravida para is not a code", "31 y/o G3P2002 at 30 weeks.", nil},
		{"trial registry number is study-wide", "Enrolled in NCT01234567 last year.", nil},
		{"group number is plan-wide", "Group: 55012345 on the card.", nil},
		{"group number with a number sign is plan-wide", "Member # ZQX44719023, Group # 00441187", []found{{"ZQX44719023", deid.HealthPlan}}},

		// Bare m/d dates from the event they date.
		{"m/d after an event verb", "Flu vaccine given 10/3, no reaction.", []found{{"10/3", deid.Date}}},
		{"m/d after f/u", "Ortho f/u 12/2 for cast removal.", []found{{"12/2", deid.Date}}},
		{"m/d after a clinician", "Sees Dr. Ferrand 7/19 about the rash.", []found{{"Ferrand", deid.Name}, {"7/19", deid.Date}}},
		// The time of day joined to a date leaves with it (dateTimes).
		{"m/d before a clock time", "Fever spiked 6/4 21:10, cultures drawn.", []found{{"6/4 21:10", deid.Date}}},
		{"time stamp", "Collected: 2026-11-30 07:42    Received: 2026-11-30T15:10:02Z", []found{{"2026-11-30 07:42", deid.Date}, {"2026-11-30T15:10:02Z", deid.Date}}},
		{"date with am or pm", "Seen 3/4/2025 9:05 pm by the team.", []found{{"3/4/2025 9:05 pm", deid.Date}}},
		{"a time after at is its own", "Seen 3/4/2025 at 09:05 by the team.", []found{{"3/4/2025", deid.Date}}},
		{"m/d in a list of different days", "Cultures 4/2, 4/3 and 4/5 grew nothing.", []found{{"4/2", deid.Date}, {"4/3", deid.Date}, {"4/5", deid.Date}}},
		{"scores share a denominator", "Recall 2/5, 3/5 on repeat.", nil},
		{"a fraction of a dose after an event verb", "Return 1/2 dose if drowsy; given 1/4 normal saline.", nil},
		{"pain score with a time", "Pain 7/10 -> 3/10 at 15:00 after ketorolac.", nil},
		{"pain score after an event verb", "Ibuprofen given. Reports 6/10 pain now.", nil},
		{"speaker tag is not a clinician", "DOCTOR: Strength 4/5 on the left.", nil},
		{"a form's field spelled like a name", "Faith: Baptist\nChurch: attends weekly, Pastor Lee visits\nReligion: Catholic", []found{{"Lee", deid.Name}}},
		{"a speaker spelled like a field", "Faith: hi doctor\nDr: how are you\nFaith: good", []found{{"Faith", deid.Name}, {"Faith", deid.Name}}},

		// ZIP after a listed city with the state left out.
		{"zip after a city", "Mail to 40 Elm St, Boulder 80302.", []found{{"40 Elm St", deid.Location}, {"Boulder", deid.Location}, {"80302", deid.ZIP}}},
		{"five digits after an ordinary word", "Platelets 15000 today.", nil},

		// HL7 v2 fields by position.
		{"hl7 pid name and address", "PID|1||55012^^^NWH^MR||MARLOWE^TESS^A||19800101|F|||9 PINE WAY^^ASHBY^MA^01431",
			[]found{{"55012", deid.MRN}, {"NWH", deid.Location}, {"MARLOWE^TESS^A", deid.Name}, {"19800101", deid.Date},
				{"9 PINE WAY", deid.Location}, {"ASHBY", deid.Location}, {"01431", deid.ZIP}}},
		{"hl7 attending and unit", "PV1|1|I|4W^412^B^NWH|||||77120^OKAFOR^NNEKA",
			[]found{{"NWH", deid.Location}, {"OKAFOR^NNEKA", deid.Name}}},
		{"hl7 result values are not identifiers", "OBX|1|NM|NA^SODIUM||139|mmol/L|135-145||||F", nil},
		{"pipes outside hl7", "Pain|none|NAD", nil},

		// Street addresses and rural roads.
		{"numbered street", "Lives at 2210 W 41st St, Apt 2 since the fall.", []found{{"2210 W 41st St, Apt 2", deid.Location}}},
		{"queens house number", "Address 71-12 Austin Blvd, Forest Hills, NY 11375.", []found{{"71-12 Austin Blvd", deid.Location},
			{"Forest Hills", deid.Location}, {"11375", deid.ZIP}}},
		{"two suffix words", "Moved to 15 Deer Run Ct last week.", []found{{"15 Deer Run Ct", deid.Location}}},
		{"street without suffix before a unit", "Write to 300 Grand Concourse, Apt 4D, please.", []found{{"300 Grand Concourse, Apt 4D", deid.Location}}},
		{"county road", "Farm on County Road 18 north of town.", []found{{"County Road 18", deid.Location}}},
		{"numbered road in an address", "Lives at 4410 Township Road 92.", []found{{"4410 Township Road 92", deid.Location}}},
		{"farm to market road", "Crash on FM 2004 near the ranch.", []found{{"FM 2004", deid.Location}}},
		{"vital signs are not roads", "BP 120/70, RR 18, SR 30 mg BID, Cr 1.1.", nil},
		{"town with ordinary words before a state", "Referred from St. Vincent's, Mentor, OH\nHistory:",
			[]found{{"St. Vincent's", deid.Location}, {"Mentor", deid.Location}}},
		{"clinical word before OR", "Booked with Surgery, OR\nPlan: knee", nil},
		{"town closing a line", "Seen at the clinic\nBurns, OR\nHPI: fall", []found{{"Burns", deid.Location}}},

		// Facility names with the campus or town appended.
		{"facility dash town", "Transferred from Grace Medical Center - Tulsa for PCI.", []found{{"Grace Medical Center - Tulsa", deid.Location}}},
		{"facility then campus", "She prefers Parkland Hospital Midtown for infusions.", []found{{"Parkland Hospital Midtown", deid.Location}}},
		{"facility at a place", "Seen at Sunrise Memory Clinic at Wexford, doing well.", []found{{"Sunrise Memory Clinic at Wexford", deid.Location}}},
		{"dialysis unit", "HD at Brookhaven Dialysis, chair 4.", []found{{"Brookhaven Dialysis", deid.Location}}},
		{"facility before an ordinary word", "Admitted to Mercy Hospital Tuesday.", []found{{"Mercy Hospital", deid.Location}}},
		{"heading in capitals", "UROLOGY CLINIC NOTE\nFollow-up of stones.", nil},
		{"heading with a dash", "WOUND CLINIC - PROGRESS NOTE\nStage 2.", nil},

		// Rules and classifications named after places and people.
		{"city staging", "Lymphoma, Ann Arbor staging IIA.", nil},
		{"city rule with a word between", "Applied the Ottawa ankle rules; Boston criteria met.", nil},
		{"eponym forceps", "Counted the Allis forceps and Kocher clamps.", nil},
		{"city after a place cue stays", "She moved to Boston last year.", []found{{"Boston", deid.Location}}},

		// Quoted nicknames inside or after a name.
		{"nickname inside a name", `Delbert "Dell" McAllister, 61M, fell off a horse.`,
			[]found{{"Delbert", deid.Name}, {"Dell", deid.Name}, {"McAllister", deid.Name}}},
		{"nickname after a name in capitals", `Pt: YOUNG, CHARLES "CHUCK"   MRN 5`,
			[]found{{"YOUNG", deid.Name}, {"CHARLES", deid.Name}, {"CHUCK", deid.Name}}},
		{"nickname in parentheses", `Adeyemi Oluwaseun ("Seun") arrived.`,
			[]found{{"Adeyemi Oluwaseun", deid.Name}, {"Seun", deid.Name}}},
		{"quoted word between ordinary words", `He said "Fine" Then left.`, nil},

		// "Last, First" after a field label.
		{"last first after a label", "Name: O'Sullivan, Brigid  Age: 96",
			[]found{{"O'Sullivan", deid.Name}, {"Brigid", deid.Name}, {"96", deid.Age}}},
		{"a cue word in capitals after a name in capitals", "OKONKWO-BAPTISTE, MARGUERITE  DOB 01/02/1950",
			[]found{{"OKONKWO-BAPTISTE", deid.Name}, {"MARGUERITE", deid.Name}, {"01/02/1950", deid.Date}}},
		{"several people after To", "To: Hollenbeck, Rebecca; Huang, Derek",
			[]found{{"Hollenbeck", deid.Name}, {"Rebecca", deid.Name}, {"Huang", deid.Name}, {"Derek", deid.Name}}},
		{"departments after To", "To: Cardiology, Internal Medicine", nil},
		{"problem after Re", "Re: Pain, Chronic low back", nil},

		// Ages over 89 next to a name or before "birthday".
		{"age set off after a titled name", "Mrs. Hollister, 92, was admitted.", []found{{"Hollister", deid.Name}, {"92", deid.Age}}},
		{"ordinal birthday", "Home for his 91st birthday.", []found{{"91st", deid.Age}}},
		{"ordinal percentile", "Weight in the 92nd percentile.", nil},
		{"young birthday", "Her 60th birthday was fun.", nil},
		{"number after a lab between commas", "Platelets, 95, stable.", nil},

		// General name and place lists, with look-alikes that need a cue.
		{"world city", "Emigrated from Mogadishu in 2015.", []found{{"Mogadishu", deid.Location}}},
		{"two world cities", "Visited family in Hyderabad and Lahore.", []found{{"Hyderabad", deid.Location}, {"Lahore", deid.Location}}},
		{"lower-case given name", "his son tuan will drive him", []found{{"tuan", deid.Name}}},
		{"given name and surname", "Wife Nkechi Okonkwo at bedside.", []found{{"Nkechi Okonkwo", deid.Name}}},
		{"abbreviations that are also names", "Fell, no loc, left ama after the CT.", nil},
		{"anatomy that is also a name", "ETT tip 2 cm above the carina.", nil},
		{"scales named after cities", "Edinburgh Postnatal Depression Scale 4; Glasgow Coma Scale 15.", nil},
		{"test named after a city", "Montreal Cognitive Assessment 26/30.", nil},
		{"lower-case multi-word city", "caller she lives in san antonio now", []found{{"san antonio", deid.Location}}},
		{"ordinary words after at", "pain was at high point yesterday", nil},

		// Two particles inside a name; listed names written with diacritics.
		{"two particles", "Seen with Lucas van den Broek today.", []found{{"Lucas van den Broek", deid.Name}}},
		{"particles before a surname", "Maria de la Cruz came.", []found{{"Maria de la Cruz", deid.Name}}},
		{"a van is no particle", "Came by van and the car broke down.", nil},
		{"name with diacritics", "Spoke with José Ramírez today.", []found{{"José Ramírez", deid.Name}}},
		{"city with diacritics", "She flew in from Bogotá last week.", []found{{"Bogotá", deid.Location}}},
		{"ordinary word with diacritics", "Diagnóstico: neumonía, mejoría.", nil},

		// A city in parentheses after a name, and before a site word.
		{"city in parentheses after a name", "Contact: daughter Nora Whitfield (Salem), by text.",
			[]found{{"Nora Whitfield", deid.Name}, {"Salem", deid.Location}}},
		{"city after in in parentheses", "Son Faisal (in Irving) calls daily.", []found{{"Faisal", deid.Name}, {"Irving", deid.Location}}},
		{"department in parentheses", "Reviewed with Dr. Lee (Cardiology).", []found{{"Lee", deid.Name}}},
		{"city before a site word", "Booked at the Decatur clinic for Tuesday.", []found{{"Decatur", deid.Location}}},
		{"ordinary word before a site word", "Booked at the Mobile clinic for Tuesday.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, detect(d, tc.text, deid.Known{})); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestOverRedaction: words that look like identifiers and are not (issue
// 12, part 4): ethnicity, nationality and religion words, eponymous
// diseases, scores, signs and studies, colours that are names. These are
// the rules' cases: the detector runs without the learned tagger, which
// has tests of its own (with it, "Katz" in "Katz ADL index" is tagged a
// name: reported to the tagger's owner).
func TestOverRedaction(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	tests := []struct {
		name, text string
		want       []found
	}{
		{"ethnicity", "Self-identifies as Pacific Islander; Samoan-speaking; Hispanic; Ashkenazi Jewish ancestry; Amish.", nil},
		{"nationality before a rule", "Patient is Canadian; the Canadian C-spine rule applies.", nil},
		{"peoples in the plural", "He was a soldier with the Americans. She worked for the Germans. The Filipinos and the Somalis came.", nil},
		{"a plural surname after a title stays", "Mrs. Banks came with Mr. Germans.", []found{{"Banks", deid.Name}, {"Germans", deid.Name}}},
		{"a certificate of a credential", "Hannah Oyama, MS, CCC-SLP", []found{{"Hannah Oyama", deid.Name}}},
		{"eponymous disease", "Bell's palsy on the left, Cushing syndrome ruled out, Wells score 2.", nil},
		{"named study", "Enrolled in the Nurses' Health Study; results of the Jackson Heart Study.", nil},
		{"named scale several words long", "Seattle Heart Failure Model and Kansas City Cardiomyopathy Questionnaire; Katz ADL index.", nil},
		{"eponym before another name word", "Rash could be Ramsay Hunt syndrome; the Nottingham Prognostic Index.", nil},
		{"virus named after a place", "No exposure to Zika, Marburg or Lassa.", nil},
		{"colour after a copula", "your eyes are hazel right", nil},
		{"name after a copula", "his boss is terrence i'll text him", []found{{"terrence", deid.Name}}},
		{"spoken temperature", "she's ninety nine point one degrees, sat ninety four percent, bp one twenty over eighty", nil},
		{"spoken age", "she is ninety one years old", []found{{"ninety one", deid.Age}}},
		{"date after a place cue is a date", "He was discharged on Feb 3, 2024 to Windsor Manor (Temple) for rehab.",
			[]found{{"Feb 3, 2024", deid.Date}, {"Windsor Manor", deid.Location}, {"Temple", deid.Location}}},
		{"initial-first name", "Mr. R. Alvarez is a 93-year-old man from Belton.",
			[]found{{"R. Alvarez", deid.Name}, {"93", deid.Age}, {"Belton", deid.Location}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, detect(d, tc.text, deid.Known{})); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestSpokenAndListedDates: dates as transcripts say them and as notes
// list them (issue 12, date typing).
func TestSpokenAndListedDates(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	tests := []struct {
		name, text string
		want       []found
	}{
		{"birth date with a two-digit spoken year", "patient: september fourteenth sixty eight", []found{{"september fourteenth sixty eight", deid.Date}}},
		{"month of a two-digit year", "she passed in june of ninety eight", []found{{"june of ninety eight", deid.Date}}},
		{"month and spoken year", "her blood count from june twenty twenty three was normal", []found{{"june twenty twenty three", deid.Date}}},
		{"holiday someone was born on", "my birthday's christmas eve so", []found{{"christmas eve", deid.Date}}},
		{"fourth of july", "since like the fourth of july weekend", []found{{"the fourth of july weekend", deid.Date}}},
		{"saint patrick's day", "it started after saint patrick's day which", []found{{"saint patrick's day", deid.Date}}},
		{"holiday in opening hours", "Clinic closed on Thanksgiving and Christmas Day.", nil},
		{"day alone answering the date question", "doctor: what's the date today\npatient: it's the fourth", []found{{"the fourth", deid.Date}}},
		{"month after in, may as a month", "he turned eight in may right", []found{{"may", deid.Date}}},
		{"may as a verb", "it may hurt a bit", nil},
		{"listed event dates", "Index 7/15 COPD; readmitted 8/1; stent 2/7.", []found{{"7/15", deid.Date}, {"8/1", deid.Date}, {"2/7", deid.Date}}},
		{"last fall", "since last fall my house was too much", []found{{"fall", deid.Date}}},
		{"a fall", "had a fall last week", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, detect(d, tc.text, deid.Known{})); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestNamesInHeadersAndSignatures: names by the layout of a record: a
// label's value before an age, a header line in capitals before an ID cue,
// initials signing a note or after a role's label, a nickname in quotes
// that the words around call another name, the addressee above a postal
// address, a given name of the census lists that is no English word; and
// the look-alikes in the same places stay.
func TestNamesInHeadersAndSignatures(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a label's value before an age", "Patient: Lam Hoa Binh, 61 M\nReason: cough",
				[]found{{"Lam Hoa Binh", deid.Name}}},
			{"a hyphenated given name before an age", "Patient: Park Min-jun, 47 y/o M\nTopic: diet",
				[]found{{"Park Min-jun", deid.Name}}},
			{"a capitals header before the record number", "TEODORO VILLANUEVA-ROJAS   MRN 5512093\n\nHPI: fall",
				[]found{{"TEODORO VILLANUEVA-ROJAS", deid.Name}, {"5512093", deid.MRN}}},
			{"initials after a dash at the end", "Follow up in 2 weeks. - KT", []found{{"KT", deid.Name}}},
			{"initials in parentheses at the end", "Cleared to return to work. -- Occupational Health (MV)", []found{{"MV", deid.Name}}},
			{"initials after a role", "Sonographer: RB\nFindings: normal", []found{{"RB", deid.Name}}},
			{"a quoted other name", "\"Tito\" per family; prefers Spanish", []found{{"Tito", deid.Name}}},
			{"an addressee above a box", "March 3, 2025\n\nWinona Crowfeather\nPO Box 77\nDear Ms. Crowfeather,",
				[]found{{"March 3, 2025", deid.Date}, {"Winona Crowfeather", deid.Name}, {"PO Box 77", deid.Location}, {"Crowfeather", deid.Name}}},
			{"a census given name", "Left a message; spoke with Rosalind, who will call back.", []found{{"Rosalind", deid.Name}}},
			{"acronyms mid-note stay", "Plan - NG tube, strict I/O - RT to see", nil},
			{"a label of a field stays", "Lang: Spanish   Interpreter used", nil},
			{"a quoted word stays", "Patient describes the pain as \"Sharp\" and constant", nil},
			{"capitals before a cue that is a heading stay", "ASSESSMENT AND PLAN   DOB verified", nil},
		})
	}
}

// TestBareDatesByEvent: a bare m/d after what happens on a day, after a
// clock time or a shift, a list of them after a sentence that named a pain
// score, ISO dates with their time, day-month without a year; fractions of
// a dose and scores stay.
func TestBareDatesByEvent(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after an event", "Water shut off 4/11, found alone; admitted 2/8 with fever",
			[]found{{"4/11", deid.Date}, {"2/8", deid.Date}}},
		// The shift's hours join the date, as they do before "3/22/2024".
		{"after a shift", "NURSING NOTE 0700-1900 3/22\nPt A&Ox3, pain 4/10", []found{{"0700-1900 3/22", deid.Date}}},
		{"after a clock time", "Handoff 19:00 11/8, bed 14", []found{{"11/8", deid.Date}}},
		{"a list after a pain score in another sentence", "Back pain. Cultures 2/8, 2/9 and 2/10 grew MSSA",
			[]found{{"2/8", deid.Date}, {"2/9", deid.Date}, {"2/10", deid.Date}}},
		{"ISO with its time", "2025-02-14T05:12 portable chest", []found{{"2025-02-14T05:12", deid.Date}}},
		{"day and month without a year", "ortho f/u 31-Jan. Splint on", []found{{"31-Jan", deid.Date}}},
		{"after custody and injury events", "Arrested 12/02 by county police; bitten 6/9 on the hand",
			[]found{{"12/02", deid.Date}, {"6/9", deid.Date}}},
		{"before an hour of the day", "Fell at the rink 12/1 ~7pm; seen again 3/4 at 10 am", []found{{"12/1", deid.Date}, {"3/4", deid.Date}}},
		{"a ratio before a number stays", "Ratio 1/2 ~7 units; strength 4/5 at 10 reps", nil},
		{"a fraction after an event word stays", "released 1/2 of the pressure", nil},
		{"fractions and scores stay", "given 1/2 tab, took 3/4 of the dose; strength 5/5, pain 7/10", nil},
	})
}

// TestIdentifierCues: reference numbers, passwords, codes whose letter
// groups come before the digits, "ID" after a comma that is no state; a
// lab's reference range stays.
func TestIdentifierCues(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a reference number", "Organ bank notified (ref 25-30417); not a candidate", []found{{"25-30417", deid.ID}}},
		{"a lab reference", "Lab ref: QX55120B", []found{{"QX55120B", deid.ID}}},
		{"a password", "identity checked with password \"MAPLE1977\"", []found{{"MAPLE1977", deid.ID}}},
		{"letter groups before the digits", "Case # KCH-TB-24-017.", []found{{"KCH-TB-24-017", deid.ID}}},
		{"ID after a comma", "Interpreter by video, ID SP-4410.", []found{{"SP-4410", deid.ID}}},
		{"Idaho after a city stays a place", "Lives in Boise, ID 83702", []found{{"Boise", deid.Location}, {"83702", deid.ZIP}}},
		{"reference ranges stay", "K 5.6 (ref 3.5-5.1), Na 131 (ref 135-145), Hgb 9.1 (ref 12-16)", nil},
	})
}

// TestSpokenAgesAndPlates: an age over 89 turned in a month or corrected
// right after it is said, and a plate written digits first.
func TestSpokenAgesAndPlates(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"an age turned in a month", "B: ninety two in october, yes.", []found{{"ninety two", deid.Age}, {"october", deid.Date}}},
		{"an age corrected", "np: how old are you now\npatient: ninety five ninety six next week",
			[]found{{"ninety five", deid.Age}, {"ninety six", deid.Age}}},
		{"a plate digits first", "truck (WA plate 318 KZM) left in the lot", []found{{"318 KZM", deid.Vehicle}}},
		{"a length stays", "waist ninety one in", nil},
	})
}

// TestUserNamesInitialsAndOtherScripts: user names after "user" and
// signing a note, dotted initials of a subject, an "Initials:" value, the
// same person in another script or by a short form in parentheses, a
// surname in capitals after an initial before a credential.
func TestUserNamesInitialsAndOtherScripts(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after user", "Locked by another user (kowusu3). User tfarrell on WS-12",
			[]found{{"kowusu3", deid.Name}, {"tfarrell", deid.Name}}},
		{"signing at the end", "Potassium called, read back. -- bnakamura", []found{{"bnakamura", deid.Name}}},
		{"a subject's initials", "Visit 3\nSubject K.R. reports no falls", []found{{"K.R.", deid.Name}}},
		{"an Initials label", "Initials: T-M-B   Visit 2", []found{{"T-M-B", deid.Name}}},
		{"another script", "Wang Fang (王芳) arrived", []found{{"Wang Fang", deid.Name}, {"王芳", deid.Name}}},
		{"a short form", "hi its Valentina (Val) Ruiz again", []found{{"Valentina", deid.Name}, {"Val", deid.Name}, {"Ruiz", deid.Name}}},
		{"capitals after an initial", "Critical value called to T. OKONKWO RN at 0615", []found{{"T. OKONKWO", deid.Name}}},
		{"words stay", "The user guide (UG) is online. -- end of report", nil},
	})
}

// TestSpelledWithSpaces: letters read out one by one that spell a word
// said just before, or after "spelled", are a name; letters spelling
// nothing said are left.
func TestSpelledWithSpaces(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		// The first "tanner" is also a word (Tanner stage): found where it
		// is spelled only.
		{"the word said before", "caller it's for tanner h a l e... tanner t a n n e r\nnurse ok",
			[]found{{"tanner", deid.Name}, {"t a n n e r", deid.Name}}},
		{"after spelled", "last name is spelled q u i l l e n", []found{{"q u i l l e n", deid.Name}}},
		{"letters of nothing said", "vitamin a b c d e and the letters a b c d", nil},
	})
}

// TestSpokenShortNumbers: four to six digits read out after "number" or
// "badge" are an identifier; "a number of" is not one.
func TestSpokenShortNumbers(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after number", "this is the interpreter, number two two eight one four", []found{{"two two eight one four", deid.ID}}},
		{"after badge number is", "my badge number is four four one two", []found{{"four four one two", deid.ID}}},
		{"a number of", "we tried a number of one two three four things", nil},
	})
}

// TestLookalikeVetoes: words of the clinical text that look like names or
// places and are not (issue 12, over-redaction), each class with a sentence
// written for the test and a look-alike that must stay an identifier. Both
// modes: the learned tagger's spans pass the same vetoes.
func TestLookalikeVetoes(t *testing.T) {
	t.Parallel()
	cases := []foundCase{
		// Hyphenated eponyms are listed whole; a double-barrelled surname
		// and a title before a listed pair stay a person's.
		{"hyphenated exam eponyms", "Shoulder: Neer and Hawkins-Kennedy positive; Dix-Hallpike negative.", nil},
		{"hyphenated exercise without a head", "Home program: Brandt-Daroff twice daily if the vertigo returns.", nil},
		{"hyphenated syndrome", "History of Wolff-Parkinson-White, ablated; no Stevens-Johnson reaction.", nil},
		{"double-barrelled surname", "Seen with her mother, Lucia Fernandez-Ortega.", []found{{"Lucia Fernandez-Ortega", deid.Name}}},
		{"title before a listed pair", "Discussed with Dr. Stevens-Johnson today.", []found{{"Stevens-Johnson", deid.Name}}},
		// Eponyms on no list of names, and heads that make the word before
		// them an eponym.
		{"exam eponyms on no name list", "Froment sign negative, Tinetti 22/28, Karnofsky 70, Kegel exercises taught.", nil},
		{"balance scale without its head", "Berg Balance 41/56 at discharge.", nil},
		{"eponym before a device head", "Frenzel goggles used; Wood lamp negative.", nil},
		{"staging eponyms", "Breslow thickness 1.2 mm; Clark level IV.", nil},
		// Companies: plans, chains, devices, programmes.
		{"plan type after the insurer", "Dental: Delta Dental PPO, vision through the employer.", nil},
		{"a grading named by its city", "Short-segment Barrett's esophagus, Prague C1M2; trip to Prague in May.", []found{{"Prague", deid.Location}, {"May", deid.Date}}},
		// Contraceptives by brand, some spelled like given names.
		{"contraceptive brands with the generic in brackets or emergency contraception", "Contraception: Camila (norethindrone 0.35 mg) daily. She took ella after the condom broke.", nil},
		{"a contraceptive in a bracketed list, and taken in a visit about contraception",
			"Emergency contraception (Plan B, ella) reviewed.\npatient: i stopped the pill, the condoms are easier\npatient: and my friend takes camila", nil},
		{"a woman named like a contraceptive", "Heather (mother) at bedside; discussed condoms. Pt's daughter Ella asked about the pill.",
			[]found{{"Heather", deid.Name}, {"Ella", deid.Name}}},
		{"contraceptive brands", "Has been on Errin, previously Sprintec; switched from Junel to Blisovi. Continue Tarina Fe 1/20.\nThe Camila and Errin progestin-only pills remain tier 1. Started Heather 0.35 mg daily as a progestin-only pill.", nil},
		{"a person named like a brand stays", "My daughter Heather asked about birth control pills. Camila Ortiz is on the pill.", []found{{"Heather", deid.Name}, {"Camila Ortiz", deid.Name}}},
		{"an exercise's eponym", "PT with Codman pendulum exercises; Seen by Dr. Codman.", []found{{"Codman", deid.Name}}},
		{"a figure likened, in either mode", "patient: about the same, worse when i'm tired, like michael j fox said in that interview", nil},
		{"medicines switched", "Switched from Nurtec to Ubrelvy; transitioned from Lantus to Tresiba.", nil},
		// A listed pair written with a space, said as a diagnosis; a
		// person's name where nothing weighs a diagnosis.
		{"spaced eponym pair", "Bell's palsy, left. Consider Ramsay Hunt if vesicles appear; concern for Guillain Barre.", nil},
		{"a spaced pair as a person", "Seen with Stevens Johnson, her uncle.", []found{{"Stevens Johnson", deid.Name}}},
		{"beers and a tendon", "Drinks Miller Lite and Coors Light daily. Pain in the Achilles tendon.", nil},
		{"an eponym before lesions", "Janeway lesions on palms; Osler nodes absent.", nil},
		{"a titled name before lesions", "Ms. Graham's lesions are old.", []found{{"Graham", deid.Name}}},
		// A case vignette's age, sex and pregnancy counts after "Case:"
		// are no case number.
		{"a vignette after Case:", "Case: 34F G2P1 at 32 weeks.\nCase: 72M with chest pain.", nil},
		{"a case number stays", "Case #: 2024-118", []found{{"2024-118", deid.ID}}},
		// A hospital names no sign or study: a clinic's kind after it is
		// its department; a study named by its cohort stays.
		{"a hospital's fracture clinic", "Thank you for referring this lady to the Victoria Hospital fracture clinic.",
			[]found{{"Victoria Hospital", deid.Location}}},
		{"a study of nurses stays", "Nurses' Health Study data were reviewed.", nil},
		// A short form's slash is no signature's.
		{"capitals after w/ and s/p", "History: s/p MI.\nPresents w/ CP.", nil},
		{"a signature after a slash stays", "Follow up in 2 wks. /DT", []found{{"DT", deid.Name}}},
		{"towns and hospitals still moved between", "Transferred from Mercy to Banner overnight; he switched from Tucson to Phoenix offices.",
			[]found{{"Mercy", deid.Location}, {"Banner", deid.Location}, {"Tucson", deid.Location}, {"Phoenix", deid.Location}}},
		{"a device maker before its product", "Plan: refer for TAVR evaluation (Edwards SAPIEN vs Medtronic Evolut).", nil},
		{"the maker's name as a surname stays", "Seen by Dr. Edwards today; Mr. Abbott returns in 2 weeks.", []found{{"Edwards", deid.Name}, {"Abbott", deid.Name}}},
		// A newspaper named by its town.
		{"newspapers read", "patient: i read about it in the new york times\nDaughter saw an article in the Boston Globe.", nil},
		{"insurer after an insurance label", "Insurance: Harvard Pilgrim, member since last year.", nil},
		{"health plan", "Tufts Health Plan approved the MRI.", nil},
		{"listed insurer alone", "Covered by Aetna; previously Humana.", nil},
		{"subscriber stays a name", "Insurance: Aetna\nSubscriber: Marguerite Oyelaran", []found{{"Marguerite Oyelaran", deid.Name}}},
		{"chain possessive after an article", "Had a Wendy's Baconator and a shake for lunch.", nil},
		{"listed chain after a preposition", "Ate dinner at Applebee's.", nil},
		{"listed chain as someone's possessive", "Wendy's mother called back.", []found{{"Wendy", deid.Name}}},
		{"dispensing cabinet", "Insulin pens stay in the Pyxis on 4 West.", nil},
		{"pharmacy chain", "The pharmacist from Rite Aid called about the refill.", nil},
		// Months that recur every year, not dates of the patient's care.
		{"generic month range", "Tick bites are most common from May through August.", nil},
		{"season range", "Flu season usually runs from October to March.", nil},
		{"patient's month range", "She worked nights from May through August.", []found{{"May", deid.Date}, {"August", deid.Date}}},
		// A product named by a code among words; a list of codes stays.
		{"compound code among words", "Use a repellent (DEET, picaridin, KR4471, oil of lemon eucalyptus) outdoors.", nil},
		{"code among codes", "Old accounts AB778812, KR447190 and CD991203 were merged.",
			[]found{{"AB778812", deid.ID}, {"KR447190", deid.ID}, {"CD991203", deid.ID}}},
		// A word the document uses as an eponym or a colour elsewhere.
		{"eponym's place alone in parentheses", "Stock: Toronto splint for the ward; reorder item 12-4410 (Toronto) monthly.", nil},
		{"place after a preposition stays", "Toronto splint applied; she lives in Toronto now.", []found{{"Toronto", deid.Location}}},
		{"colour echoed as an answer", "nurse: and your eyes are hazel right\npatient: hazel yes", nil},
		// Clinical abbreviations and words at a line's start.
		{"clinical abbreviations", "Dx: HFrEF, CKD4 and OSA; TTE shows LVEF 30%, RVSP 50.\nCaries noted on #K.\nAutopsy declined by family.", nil},
		// A lower-case English word with no cue of place is no place.
		{"lower-case word without a place cue", "patient: my big toe is on fire all night\ndoctor: ok any beer or seafood lately", nil},
		// Race on a form; the surname stays a name.
		{"race field beside a wide gap", "Race/ethnicity: Hispanic/Latina; White      Religion: Catholic", nil},
		{"race words coordinated", "Race: Black or African American", nil},
		{"surname White after a title", "Seen with Mr. White today.", []found{{"White", deid.Name}}},
		// A river after "the"; a town of the same name stays a place.
		{"river after the", "Giardia after swimming in the Hudson.", nil},
		{"town named like a river", "He moved back to Hudson after the divorce.", []found{{"Hudson", deid.Location}}},
		// A dog's breed named after a person or a place; a person so
		// named stays one. A grocer's name; a figure the patient likes.
		{"dog breeds", "Walks with a Jack Russell terrier daily; got a Boston terrier and a King Charles spaniel.", nil},
		{"a person named like a breed", "Seen with Jack Russell (father) today.", []found{{"Jack Russell", deid.Name}}},
		{"a grocer with a given name", "Nutrition: Whole Foods, Trader Joe's; avoids McDonald's.", nil},
		{"a singer the patient likes", "Listens to music to relax; likes Taylor Swift.", nil},
		{"herbal supplements and a brand after a verb", "Taking St. John's Wort and Ginkgo Biloba; advised to stop. Uses Jenny Craig meals.", nil},
		{"a person after a verb stays", "Taught Maria the exercises.", []found{{"Maria", deid.Name}}},
		// A word numbered is a program or a part of a site, even where a
		// small town is spelled so; a count of time leaves a town.
		{"numbered program after lives in", "Patient lives in Section 8 housing on the east side of Flint.", []found{{"Flint", deid.Location}}},
		{"numbered building", "Lives in Building 4 of the shelter.", nil},
		{"town before a count of time", "Moved to Bexley 3 years ago.", []found{{"Bexley", deid.Location}}},
	}
	for _, rulesOnly := range []bool{true, false} {
		t.Run(map[bool]string{true: "rules", false: "tagger"}[rulesOnly], func(t *testing.T) {
			t.Parallel()
			checkFound(t, newDetector(t, deid.Config{RulesOnly: rulesOnly}), deid.Known{}, cases)
		})
	}
}

// TestRoomListsAndSignatures: the person on a census line after a room or
// bed number, a user name of an initial and a given name signing a note;
// a condition on a census line stays.
func TestRoomListsAndSignatures(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a census line", "Rm 15 - Hope (peds overflow) - NG\nRm 16 - empty\nRm 17 - Isolation, contact",
			[]found{{"Hope", deid.Name}}},
		{"conditions stay", "Room 12 - CHF exacerbation\nRm 18 - Fall risk\nBed 2 - Stable overnight", nil},
		{"an initial and a given name", "K 5.6 read back. -- jlucas", []found{{"jlucas", deid.Name}}},
	})
}

// TestForeignDates: dates in Spanish, Portuguese and French and with the
// month in Roman numerals; a grade in Roman numerals stays.
func TestForeignDates(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"Spanish", "Oaxaca, 14 de febrero de 2024", []found{{"Oaxaca", deid.Location}, {"14 de febrero de 2024", deid.Date}}},
		{"Portuguese", "exame em 5 de maio", []found{{"5 de maio", deid.Date}}},
		{"French", "vu le 3 mars 2024", []found{{"3 mars 2024", deid.Date}}},
		{"Roman month", "biopsy 3/IX/2019 showed", []found{{"3/IX/2019", deid.Date}}},
		{"a grade and a drink stay", "grade 3/IV lesion; had 2 mai tais", nil},
	})
}

// TestPostalCodes: ZIP codes after a state between bars or slashes, before
// "zip code", "area" or a city in parentheses, read out after a question
// about the ZIP; Canadian, UK and Irish postal codes; a model number
// stays.
func TestPostalCodes(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a state between bars", "1200 Pine Rd | Austin | TX | 78701", []found{{"1200 Pine Rd", deid.Location}, {"Austin", deid.Location}, {"78701", deid.ZIP}}},
		{"before zip code", "she lives in the 60614 zip code", []found{{"60614", deid.ZIP}}},
		{"before a city in parentheses", "49503 (Grand Rapids)", []found{{"49503", deid.ZIP}, {"Grand Rapids", deid.Location}}},
		{"read out after the question", "doctor: and the zip code?\npatient: four five four oh two", []found{{"four five four oh two", deid.ZIP}}},
		{"Canadian", "Postal code H2X 1Y4", []found{{"H2X 1Y4", deid.ZIP}}},
		{"UK after a cue", "UK postcode SW1A 1AA", []found{{"SW1A 1AA", deid.ZIP}}},
		{"a model number stays", "Model A3B 4C5 pump; 12000 steps in 30 days", nil},
		{"an Eircode after a comma", "lives near the quay, Dublin 8, D08 XY41", []found{{"D08 XY41", deid.ZIP}}},
		{"an Eircode after a cue", "Eircode: D6W 1234", []found{{"D6W 1234", deid.ZIP}}},
		{"the cue is no town", "New Eircode A92 F3T6. Address, Eircode D08 XY41.", []found{{"A92 F3T6", deid.ZIP}, {"D08 XY41", deid.ZIP}}},
		{"an Eircode said", "my eircode is h91 x2w4", []found{{"h91 x2w4", deid.ZIP}}},
		{"a staging code, a lot or a dose stays", "Staging T23 N0M0 noted. Lot A12 CD34 used. Iron, B12 1000 mcg daily.", nil},
	})
}

// TestNamesInListsAndRoles: a name after a role's label closed by a
// semicolon, a second name after "and", a surname before "family", a
// census surname that is also a town after a role word.
func TestNamesInListsAndRoles(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a label closed by a semicolon", "Attending: Varghese; Resident: Lindqvist", []found{{"Varghese", deid.Name}, {"Lindqvist", deid.Name}}},
		{"a second name after and", "Visitors: Chidi and Amaka (grandchildren)", []found{{"Chidi", deid.Name}, {"Amaka", deid.Name}}},
		{"a family", "O'Shaughnessy family requests an update.", []found{{"O'Shaughnessy", deid.Name}}},
		{"after a role word", "Pharmacist Hollis verified the dose.", []found{{"Hollis", deid.Name}}},
		{"a protein family stays", "The Bcl-2 family of proteins; Gram and Ziehl stains", nil},
	})
}

// TestPlatesReadOutAndTagged: a plate read out in letters and digits, a
// plate after "tag"; a price tag and a skin tag stay.
func TestPlatesReadOutAndTagged(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"read out", "the truck's license plate was seven k x l two one nine", []found{{"seven k x l two one nine", deid.Vehicle}}},
		{"after tag", "Texas tag BR5-T337 per security", []found{{"BR5-T337", deid.Vehicle}}},
		{"tags that are no plates", "price tag 200 dollars; skin tag 4mm removed", nil},
	})
}

// TestLoneMonths: an abbreviated month after a preposition of time before
// the end of a clause, a capitalized month alone in parentheses; an
// abbreviation alone stays.
func TestLoneMonths(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"abbreviated after in", "last seen at the clinic in Dec, admitted with hyperkalemia", []found{{"Dec", deid.Date}}},
		{"at the end", "see you in Sept", []found{{"Sept", deid.Date}}},
		{"in parentheses", "return to sport at 9 months (November).", []found{{"November", deid.Date}}},
		{"an abbreviation alone stays", "ratio (Mar) and Dec-1 antibody", nil},
		{"abbreviations listed", "Hospitalized x3 in 2022 (Mar, Jun, Sep).", []found{{"Mar", deid.Date}, {"Jun", deid.Date}, {"Sep", deid.Date}}},
		{"an abbreviation before was", "Last A1c in Aug was 7.1.", []found{{"Aug", deid.Date}}},
		{"what a patient is admitted with stays", "admitted with K 6.8 on spironolactone, with B symptoms", nil},
	})
}

// TestCitiesNamedForAState: a gazetteer place whose name opens on a state
// or a country ("Iowa City", "michigan city", "Panama City Beach"); the
// state alone stays (Safe Harbor keeps states).
func TestCitiesNamedForAState(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"capitalized", "We moved to Iowa City last year.", []found{{"Iowa City", deid.Location}}},
		{"lower case after a preposition", "patient: he lives in michigan city now", []found{{"michigan city", deid.Location}}},
		{"a country's", "Trip to Panama City Beach in May.", []found{{"Panama City Beach", deid.Location}, {"May", deid.Date}}},
		{"the state alone stays", "She lives in Iowa.", nil},
		// A state and a word of a hospital or university (stateFacility).
		{"a university hospital by its state", "patient: i was seen at ohio state last year", []found{{"ohio state", deid.Location}}},
		{"a health system by its state", "Transferred to Michigan Medicine.", []found{{"Michigan Medicine", deid.Location}}},
		{"a state's law stays", "patient: we moved to texas state law says so", nil},
		{"a state's line stays", "patient: driving to georgia state line", nil},
	})
}

// TestLowerCaseMonthsSpoken: a month said alone in a lower-case
// transcript, after a preposition of time over the fillers of speech, after
// a season or month and a word of doubt, or as the answer to a question of
// when; the modal "may", the verb "march" and a name answering who stay.
func TestLowerCaseMonthsSpoken(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"may before a preposition", "patient: i was in the hospital in may for the chest pain", []found{{"may", deid.Date}}},
		{"may at a sentence end", "nurse: you're down four pounds since may. any trouble eating", []found{{"may", deid.Date}}},
		{"may before a number", "patient: it was in may two years ago.", []found{{"may", deid.Date}}},
		{"month over a filler", "pt: since like march the cough", []found{{"march", deid.Date}}},
		{"month over um", "pt: back in um, april i think", []found{{"april", deid.Date}}},
		{"month after a season and maybe", "patient: in the spring maybe april, every day now", []found{{"april", deid.Date}}},
		{"month answering when", "doctor: and your physical is due\npatient: august. i got a letter", []found{{"august", deid.Date}}},
		{"month answering when it started", "doctor: when did it start\npatient: march, i think", []found{{"march", deid.Date}}},
		{"the modal after in stays", "patient: the kids in may have fun at the pool", nil},
		{"the modal after since stays", "patient: since may be the case i'll wait", nil},
		{"the verb after like stays", "patient: i like march music", nil},
		{"a name answering who stays", "doctor: who came with you\npatient: june. my daughter", nil},
		{"a month answering what stays", "doctor: what do you want to do\npatient: march.", nil},
		// A review's probes (twenty-fourth session): the modal after a
		// comma or a filler, a noun after the month, "may" and "march"
		// answering a question of habit.
		{"the modal after a filler stays", "patient: by, uh, may i ask what the dose is", nil},
		{"the modal after a comma stays", "doctor: please come in, may we start with your weight", nil},
		{"a blessing stays", "patient: my father went before, may he rest in peace", nil},
		{"the modal asking after in stays", "patient: in may i ask you something", nil},
		{"a month naming a noun stays", "patient: i was in, like, march band in school", nil},
		{"march answering a question of habit stays", "doctor: when does it hurt?\npatient: march, walk, anything really", nil},
		{"may answering a question of habit stays", "doctor: when you get chest pain do you stop?\npatient: may. depends on the day", nil},
		// The first review's misses: an answer with a hedge or a filler.
		{"an answer and a hedge", "doctor: when did you last have a period?\npatient: march i think", []found{{"march", deid.Date}}},
		{"two months answering", "doctor: when did you get the vaccine?\npatient: april or may", []found{{"april", deid.Date}, {"may", deid.Date}}},
		{"an answer opening on a filler", "doctor: when did you stop the pills\npatient: um june", []found{{"june", deid.Date}}},
		{"a modal after or stays", "patient: i'll call you or may i text you", nil},
	})
}

// TestDaysInTalkOfDates: "the" and an ordinal day after a month or a
// weekday said on the line or the one before; an ordinal of something
// counted, and a sentence's end after a month, keep the words after them.
func TestDaysInTalkOfDates(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after a month on the line before", "doctor: so the trip was in july\npatient: yeah the fourth yeah", []found{{"july", deid.Date}, {"the fourth", deid.Date}}},
		{"after a weekday asked", "doctor: saturday the\npatient: the eighteenth yeah", []found{{"the eighteenth", deid.Date}}},
		{"an ordinal of a surgery stays", "patient: back in july she had the second surgery", []found{{"july", deid.Date}}},
		{"a sentence ends after the month", "patient: in july. the third one was worse", []found{{"july", deid.Date}}},
		{"the day of an illness stays", "patient: since june the fifth day was the worst", []found{{"june", deid.Date}}},
		{"the first time stays", "patient: it was sunday, the first time i fell", nil},
		{"an abbreviation's dot still joins its day", "Admitted: May. 1  Discharged: May. 4", []found{{"May. 1", deid.Date}, {"May. 4", deid.Date}}},
		{"a floor counted after a weekday stays", "patient: on sunday the second floor flooded", nil},
		{"a night counted after a month stays", "patient: since june the third night was the worst", []found{{"june", deid.Date}}},
	})
}

// TestEponymsAndCompanies: the eponym and company classes of the phifree3
// round, in sentences written for this test (not the corpus's), each with a
// person or a place that must stay.
func TestEponymsAndCompanies(t *testing.T) {
	t.Parallel()
	cases := []foundCase{
		// Eponyms read further: an acronym in parentheses, two lower-case
		// words, "and" between capital letters, a modifier in a list.
		{"acronym before the head", "Hip: Thomas (FLEX) test positive on the right.", nil},
		{"two words before the head", "Denver prehospital trauma score 4 on arrival.", nil},
		{"letters joined by and", "Esophagitis graded by the Geneva A and B score.", nil},
		{"modifier before the last eponym", "Severity by Ranson and revised Atlanta criteria.", nil},
		{"device and grade heads", "Kirschner wire out; Pavlik harness refitted; Hoyer lift at night; Killip class II.", nil},
		{"person before a device word", "Lift assist by Dr. Thomas Hoyer tonight.", []found{{"Thomas Hoyer", deid.Name}}},
		// Instruments and findings named for a person (lead session,
		// 2026-12-04).
		{"screw", "Scaphoid waist fracture fixed with a Herbert screw across the fracture line.", nil},
		{"pupil", "Anisocoria with an Argyll Robertson pupil suggests neurosyphilis.", nil},
		{"person before an instrument word", "Screw removal by Dr. Helen Herbert next week.", []found{{"Helen Herbert", deid.Name}}},
		// Companies by their suffix, their shape, a label or a verb.
		{"legal suffix", "Supplied by Stryker Corporation and Abbott Laboratories Inc.", nil},
		{"product form after a brand", "Dressing: Kerlix Ag changed daily; Toprol XL 50 mg.", nil},
		{"intercapped trade name", "Trial funded by GlaxoSmithKline; pads sent by HeartStart.", nil},
		{"manufacturer label", "Manufacturer: Sandoz\nLot: 4K7731", nil},
		{"verb of distribution", "Kits are distributed by Owens and Minor.", nil},
		{"run-together given name stays", "Seen with her sister MaryAnn Kowalski.", []found{{"MaryAnn Kowalski", deid.Name}}},
		{"sponsor with a title stays", "Sponsor: Dr. Ellen Marsh", []found{{"Ellen Marsh", deid.Name}}},
		// Headings: a specialty's clinic on a title line, a heading in
		// capitals before a colon; a named clinic and a speaker stay.
		{"specialty clinic heading", "CARDIOTHORACIC SURGERY CLINIC\nFollow-up after mitral valve repair.", nil},
		{"named clinic heading stays", "RIVERBEND FAMILY CLINIC\nFollow-up after mitral valve repair.", []found{{"RIVERBEND FAMILY CLINIC", deid.Location}}},
		{"heading in capitals", "QUALITY REVIEW MEMO: falls on the unit this quarter", nil},
		{"speaker in capitals stays", "MARIA GONZALEZ: I feel better today.", []found{{"MARIA GONZALEZ", deid.Name}}},
		// Chains named with a possessive, coordinated or in lower case.
		{"chains coordinated", "Most meals at Arby's or Culver's on the road.", nil},
		{"chain after a listed chain", "Skip the fries at Wendy's and McDonald's.", nil},
		{"lower-case chain", "patient: mostly wendy's or a sub on workdays", nil},
		{"lower-case possessive of a person stays", "patient: wendy's mom drove me here", []found{{"wendy", deid.Name}}},
		// A gerund opening a sentence, a saint in a product, a chart, a
		// list of herbs, a numbered factor's variant; the person or the
		// place beside each stays.
		{"gerund opening a sentence", "Positioning is the key to healing.", nil},
		{"virtue name opening a sentence stays", "Temperance is here with her aunt.", []found{{"Temperance", deid.Name}}},
		{"saint in a product", "Avoid St. John's wort with sertraline.", nil},
		{"saint's hospital stays", "Admitted to St. John's overnight.", []found{{"St. John's", deid.Location}}},
		{"lower-case chart", "Burn size by the Lund and Browder chart.", nil},
		{"list of herbs", "patient: i cook with garlic, oregano, rosemary and thyme", nil},
		{"person in a list stays", "patient: it was me, rosemary and the kids", []found{{"rosemary", deid.Name}}},
		{"numbered factor's variant", "Prothrombin gene mutation and factor V Leiden negative.", nil},
		{"the town stays", "She moved to Leiden last year.", []found{{"Leiden", deid.Location}}},
		// Titles in capitals after a document's label, headings with a
		// comma, months of the weather; a facility, a patient and a
		// patient's months stay.
		{"title after a document label", "PATIENT EDUCATION: WOUND CARE\nWash your hands first.", nil},
		{"facility after a field label stays", "FACILITY: RIVERSIDE HOME CARE\nVisit 3 of 8.", []found{{"RIVERSIDE HOME CARE", deid.Location}}},
		{"heading with a comma", "NURSING HANDOFF, PEDS FLOOR, ROOM 7\nStable overnight.", nil},
		{"caps name after a label stays", "PT KOWALCZYK, DOLORES\nStable overnight.", []found{{"KOWALCZYK", deid.Name}, {"DOLORES", deid.Name}}},
		{"months of the weather", "On hot days in July and August, drink water before you are thirsty.", nil},
		// A letter naming a kind, a diet, a committee, an assay's maker, a
		// listed manufacturer, a specialty's clinic.
		{"letter naming a kind", "Vaccines given today: hepatitis A. Typhoid pills at home.", nil},
		{"initial of a person stays", "Seen with A. Kowalczyk today.", []found{{"A. Kowalczyk", deid.Name}}},
		{"diet named after a place", "Tried the South Beach diet and the Atkins diet.", nil},
		{"committee", "Presented at the Tumor Board on Friday.", nil},
		{"town ending like a meeting stays", "Her daughter lives in Lee's Summit.", []found{{"Lee's Summit", deid.Location}}},
		{"assay's maker", "Method: Siemens Atellica, reference range 3.5-5.1.", nil},
		{"listed manufacturer", "A GLP-1 agonist made by Novo Nordisk.", nil},
		{"specialty's clinic heading", "FAMILY MEDICINE CLINIC\nAnnual exam, no concerns.", nil},
		// Codes and public numbers.
		{"code range", "Psychotherapy codes 90832-90838 are timed; add-on 90785.", nil},
		{"NDC in the claim format", "Report qualifier N4 with N412345678901 in the shaded line.", nil},
		{"public helpline", "Domestic violence hotline 1-800-799-7233 or text 988.", nil},
		{"clinic number stays", "Call the clinic at 1-800-555-0143 to reschedule.", []found{{"1-800-555-0143", deid.Phone}}},
		{"account number stays", "Account 20481-77310 is past due.", []found{{"20481-77310", deid.Account}}},
		{"health system in one word stays", "Transferred to PeaceHealth Southwest for the night.", []found{{"PeaceHealth Southwest", deid.Location}}},
	}
	for _, rulesOnly := range []bool{true, false} {
		t.Run(map[bool]string{true: "rules", false: "tagger"}[rulesOnly], func(t *testing.T) {
			t.Parallel()
			checkFound(t, newDetector(t, deid.Config{RulesOnly: rulesOnly}), deid.Known{}, cases)
		})
	}
}

// TestDictionaryPhrasesStay: two English words in capitals around a comma
// are a heading, not a name written last name first; after a name's label
// they are a name (trauma aliases). Written for this test.
func TestDictionaryPhrasesStay(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"capitals of a bulletin", "PHARMACY BULLETIN: LOOK-ALIKE, SOUND-ALIKE DRUGS", nil},
		{"capitals around a comma", "OUTSIDE FILMS - SCANNED, INDEXED BY HIM", nil},
		{"trauma alias", "Trauma activation\nAlias: WALRUS, MAPLE\nArrival by EMS.", []found{{"WALRUS", deid.Name}, {"MAPLE", deid.Name}}},
	})
}

// TestSignedInitials: initials that sign a note or a message; acronyms of
// services before a credential stay. Written for this test.
func TestSignedInitials(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"initials and credential", "Left a message for the son to call back. -- BQ, RN", []found{{"BQ", deid.Name}}},
		{"initials closing a message", "Refill sent to the pharmacy on file.\n-- RTW", []found{{"RTW", deid.Name}}},
		{"dictated by, typist", "DICTATED BY: LMV/ack\nJOB 12", []found{{"LMV", deid.Name}, {"ack", deid.Name}}},
		{"services stay", "Seen with PT, OT and SLP today. Plan per ICU, RN aware.", nil},
	})
}

// TestDatesInEventLists: on a line that dates one event with a bare m/d,
// the other events' m/d are dates too; fractions and scores stay. Written
// for this test.
func TestDatesInEventLists(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a list of procedures", "Admitted 10/31. Course: ORIF 11/2; trach 11/9, decannulated 11/23.",
			[]found{{"10/31", deid.Date}, {"11/2", deid.Date}, {"11/9", deid.Date}, {"11/23", deid.Date}}},
		{"fractions and scores stay", "Admitted 10/31, strength 4/5, took 1/2 tab, ratio 7/5.", []found{{"10/31", deid.Date}}},
		{"no dated line, no date", "Grip 11/9 on the right.", nil},
		{"the month of the text's full dates", "Admit: 11/02/2026\nCourse: ORIF L hip 11/3 by Dr. Vance. Grip strong.",
			[]found{{"11/02/2026", deid.Date}, {"11/3", deid.Date}, {"Vance", deid.Name}}},
		{"another month stays", "Admit: 11/02/2026\nRatio 3/1 by design.", []found{{"11/02/2026", deid.Date}}},
	})
}

// TestCellIsAPhoneLabel: "cell" before a number labels a phone, so the name
// before it is no eponym ("Hurthle cell" still is). Written for this test.
func TestCellIsAPhoneLabel(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"relation, name, cell, number", "Contacts: son Anselm cell 985.555.0177.\nCall son Anselm after 5.",
			[]found{{"Anselm", deid.Name}, {"985.555.0177", deid.Phone}, {"Anselm", deid.Name}}},
		{"an eponym's cell stays", "Path: Hurthle cell neoplasm.", nil},
	})
}

// TestCredentialOrState: "MD" after a given name and a word of no list is a
// clinician's credential, after a town Maryland. Written for this test.
func TestCredentialOrState(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a signature", "Sincerely,\nJoan Thornquist, MD", []found{{"Joan Thornquist", deid.Name}}},
		{"a town in Maryland", "Referred from Silver Spring, MD for a second opinion.", []found{{"Silver Spring", deid.Location}}},
	})
}
