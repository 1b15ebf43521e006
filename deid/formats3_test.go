package deid_test

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// The rules the probe's second round called for (shapeProbe2), each with
// look-alikes in the same shape.
func TestIdentifiersFromOtherCountriesAndForms(t *testing.T) {
	t.Parallel()
	cases := []foundCase{
		// Health cards.
		{"Ontario's health card after its cue", "Ontario health card 5584-203-117-MZ on file.", []found{{"Ontario", deid.Location}, {"5584-203-117-MZ", deid.HealthPlan}}},
		{"OHIP with its version code", "OHIP: 1234 567 890 XY", []found{{"1234 567 890 XY", deid.HealthPlan}}},
		{"a personal health number", "BC PHN 9876 543 210", []found{{"9876 543 210", deid.HealthPlan}}},
		{"Australia's Medicare card, its last digit a group", "Medicare card 3391 48215 1, IRN 2", []found{{"3391 48215 1", deid.HealthPlan}}},
		{"a CHI number", "CHI number 0101431234 (Scotland).", []found{{"0101431234", deid.HealthPlan}}},
		{"a member number's short last group stays a dose", "Member ID 88120034 5 tabs", []found{{"88120034", deid.HealthPlan}}},
		// Postcodes.
		{"a UK postcode after the town", "Address: 14 Cowley Road, Oxford OX4 1HR", []found{{"14 Cowley Road", deid.Location}, {"Oxford", deid.Location}, {"OX4 1HR", deid.ZIP}}},
		{"a UK postcode after a town of no list, the town found too", "Mrs Pritchard, Penarth CF64 1AB", []found{{"Pritchard", deid.Name}, {"Penarth", deid.Location}, {"CF64 1AB", deid.ZIP}}},
		{"a UK post town that is a word of the lists", "St James's University Hospital, Beckett Street, Leeds LS9 7TF", []found{{"St James's University Hospital", deid.Location}, {"Beckett Street", deid.Location}, {"Leeds", deid.Location}, {"LS9 7TF", deid.ZIP}}},
		{"English words before a postcode are no town", "Home visit booked, Patient Lives Alone NG7 2UH", []found{{"NG7 2UH", deid.ZIP}}},
		{"a Canadian town before its province", "820 Sherbrook St, Winnipeg, MB R3A 1R9", []found{{"820 Sherbrook St", deid.Location}, {"Winnipeg", deid.Location}, {"R3A 1R9", deid.ZIP}}},
		{"an Australian postcode after the state", "Lives in Bendigo VIC 3550.", []found{{"Bendigo", deid.Location}, {"3550", deid.ZIP}}},
		{"a postcode before the town, street type first", "Home: 22 Rue des Lilas, 69003 Lyon", []found{{"69003", deid.ZIP}, {"Lyon", deid.Location}}},
		{"a postcode before the town, house number last", "Wohnort: Hauptstraße 5, 80331 München", []found{{"80331", deid.ZIP}, {"München", deid.Location}}},
		// Dates.
		{"day first after a weekday", "Fell at home Sunday 16/11; seen Monday 17/11.", []found{{"16/11", deid.Date}, {"17/11", deid.Date}}},
		{"day first after seen", "seen 25/12 with cough", []found{{"25/12", deid.Date}}},
		{"a spoken day before because", "she called saturday the twenty third because of the fever", []found{{"the twenty third", deid.Date}}},
		{"a log's dated lines", "Log:\n11/10 dressing changed\n11/14 dressing changed", []found{{"11/10", deid.Date}, {"11/14", deid.Date}}},
		{"the first day of a range in Spanish", "Ingresó del 5 al 12 de marzo de 2024.", []found{{"5", deid.Date}, {"12 de marzo de 2024", deid.Date}}},
		{"the first day of a range", "Admitted from 3 to 9 August 2023.", []found{{"3", deid.Date}, {"9 August 2023", deid.Date}}},
		{"two days joined, the month after the second", "between the tenth and the fourteenth of June, 2023",
			[]found{{"the tenth", deid.Date}, {"the fourteenth of June, 2023", deid.Date}}},
		// Names.
		{"two surnames under Drs.", "Seen by Drs. Kaczmarek and Nwachukwu.", []found{{"Kaczmarek", deid.Name}, {"Nwachukwu", deid.Name}}},
		{"two surnames under lower-case officers", "Escorted by officers Brannigan and Oyelowo.", []found{{"Brannigan", deid.Name}, {"Oyelowo", deid.Name}}},
		{"a surname after lower-case officer", "Animal control officer Pruitt (badge 412) took the report.", []found{{"Pruitt", deid.Name}, {"412", deid.ID}}},
		{"a team listed by role", "Team: Hollis (PT), Varga (OT), Mbeki (SLP).", []found{{"Hollis", deid.Name}, {"Varga", deid.Name}, {"Mbeki", deid.Name}}},
		{"an interpreter's name after the role", "interpreter: this is somali interpreter abdiwali id four four one",
			[]found{{"abdiwali", deid.Name}, {"four four one", deid.ID}}},
		{"a lower-case name and birthday in a form", "Name: rosalind okafor-diaz   Birthday: mar 3 1951",
			[]found{{"rosalind okafor-diaz", deid.Name}, {"mar 3 1951", deid.Date}}},
		{"last, first in lower case after NAME:", "NAME: winthrop, eugenia\nDOB: 4/9/37",
			[]found{{"winthrop", deid.Name}, {"eugenia", deid.Name}, {"4/9/37", deid.Date}}},
		{"a hyphenated given name after patient name", "Patient name: bo-ra yoon\nDate of birth: 19 may 1983",
			[]found{{"bo-ra yoon", deid.Name}, {"19 may 1983", deid.Date}}},
		{"a lower-case name in a contact field", "Emergency contact: gus (brother) 555-0187", []found{{"gus", deid.Name}, {"555-0187", deid.Phone}}},
		{"a typed signature", "Signature of patient: /s/ marguerite delacorte", []found{{"marguerite delacorte", deid.Name}}},
		// Spoken and foreign numbers.
		{"an employee id read out, a letter first", "n: and your employee id\np: k four four nine one two\n",
			[]found{{"k four four nine one two", deid.ID}}},
		{"an extension read out", "call me back at extension two two one seven", []found{{"two two one seven", deid.Phone}}},
		{"a photo's file name read out", "the photo is saved as img underscore two two eight four",
			[]found{{"img underscore two two eight four", deid.Photo}}},
		{"France's phone number in pairs", "Tel. 06 12 34 56 78", []found{{"06 12 34 56 78", deid.Phone}}},
		{"India's PIN code", "PIN code 560034, Koramangala", []found{{"560034", deid.ZIP}}},
		// Look-alikes.
		{"a count after a letter answering a question", "d: how many reps\np: a four five six\n", nil},
		{"pairs of digits with no phone cue", "Scores 02 12 34 56 78 today", nil},
		{"a relation in a contact field", "Emergency contact: daughter", nil},
		{"a signature on file", "Signature: on file", nil},
		{"a name declined", "Name: patient declined", nil},
		{"a medication's name field", "Name of medication: Eliquis", nil},
		{"a speaker's label", "patient: yes i think so\nguardian: she was coughing all night", nil},
		{"a modal and a count with a year's digits", "i may 3 2000 tablets", nil},
		{"plural titles with no names", "Rounds with Drs. on call; officers present; nurses aware.", nil},
		{"services listed by role", "Consults: Cardiology (MD), Nutrition (RD), Wound (RN).", nil},
		{"times of dosing in parentheses", "Plan: Tylenol (PRN), Lasix (AM)", nil},
		{"an ordinary word after officer", "The officer Report was filed.", nil},
		{"a sentence ending in officer", "Submit a form to the housing unit officer. Intake screening within 7 days.", nil},
		{"an ordinary word after interpreter", "used the interpreter phone", nil},
		{"ordinals of a day of treatment", "Take one tablet on the first day, two on the second and third day.", nil},
		{"ordinals of floors", "on the 3rd or 4th floor", nil},
		{"scores on the lines of a list", "Pain scores:\n7/10 at rest\n8/10 with walking", nil},
		{"strength on the lines of a list", "Strength:\n4/5 left\n5/5 right", nil},
		{"a range of counts", "from 3 to 5 times a day", nil},
		{"day first with no weekday or cue", "Ratio 16/11 on Friday", nil},
		{"UK postcode shapes after a grade and an antigen", "Stage T2 N0M0; HLA B27 2AB? Grade G2 3BB", nil},
		{"four digits after WA with no town", "WA 2650 units", nil},
		{"a year after SA", "in SA 2019", nil},
		{"a count before units after a comma", "Room 5, 12000 Units given", nil},
		{"a count after a grade and a comma", "Grade 3, 20000 Boston", nil},
		{"health card as a topic", "health card renewal due; OHIP covers it", nil},
	}
	for _, mode := range []deid.Config{{}, {RulesOnly: true}} {
		checkFound(t, newDetector(t, mode), deid.Known{}, cases)
	}
}

// A day-first date keeps its order in the surrogate: the shifted day
// before the month, both valid.
func TestSurrogateOfDayFirstDate(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	text := "Fell at home Sunday 16/11."
	spans := d.Detect(text, deid.Known{})
	if len(spans) != 1 || spans[0].Type != deid.Date {
		t.Fatalf("spans %v: want the day and month as one date", spans)
	}
	re := regexp.MustCompile(`^Fell at home Sunday (\d+)/(\d+)\.$`)
	dayFirstSeen := false
	for range 40 {
		out := deid.NewSurrogates().Replace(text, spans)
		m := re.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("surrogate text %q: want D/M", out)
		}
		day, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if day < 1 || day > 31 || mo < 1 || mo > 12 {
			t.Fatalf("surrogate text %q: not a day then a month", out)
		}
		dayFirstSeen = dayFirstSeen || day > 12
	}
	if !dayFirstSeen {
		t.Fatalf("40 surrogates, none with a day over 12: the order is not day first")
	}
}

// The rules the probe's third round (shapeProbe3) called for.
func TestNamesAgesAndHandles(t *testing.T) {
	t.Parallel()
	cases := []foundCase{
		{"a month that is a given name, stated as a name", "patient: my name is april; call her by it. patient: my name is summer jones",
			[]found{{"april", deid.Name}, {"summer jones", deid.Name}}},
		{"a name after call me or goes by, though a month or a word", "patient: call me june. everyone calls her hope.", []found{{"june", deid.Name}, {"hope", deid.Name}}},
		{"call me and a word stays", "patient: call me back tomorrow, call me crazy but i'm fine", nil},
		{"a month stated as no name stays", "patient: her birthday is june; the name is march madness", nil},
		{"a person's name after named or called, though a word", "patient: my daughter is named hope; my social worker is named april; she's called meadow",
			[]found{{"hope", deid.Name}, {"april", deid.Name}, {"meadow", deid.Name}}},
		{"a thing named and a call stay", "patient: the dog is named biscuit, the pill is called jardiance, the nurse called yesterday, he's named after his grandfather",
			nil},
		{"an unlisted given name after a role takes the surname after it", "Guardian ad litem: Attorney Beatrix Hollenbeck",
			[]found{{"Beatrix Hollenbeck", deid.Name}}},
		{"a closing initial before a joining word", "Care coordinated with SW Tamsin R. and case manager; spoke with Maria L. to confirm.",
			[]found{{"Tamsin R.", deid.Name}, {"Maria L.", deid.Name}}},
		{"a vitamin's letter stays", "Vitamin D. and calcium daily.", nil},
		{"dotted initials before a hyphenated surname", "Consent obtained from J.R. Whitfield-Amos (father).",
			[]found{{"J.R. Whitfield-Amos", deid.Name}}},
		{"dotted initials before a surname that is a word", "Consent from J.R. Smith (father).", []found{{"J.R. Smith", deid.Name}}},
		{"initials apart before a surname that is a word", "Seen by J. R. Smith today; consent from M. A. Brown (mother).",
			[]found{{"J. R. Smith", deid.Name}, {"M. A. Brown", deid.Name}}},
		{"a credential with dots after a name", "Attending: Ravi Gupta M.D.; ATTENDING: GUPTA, RAVI M.D.",
			[]found{{"Ravi Gupta", deid.Name}, {"GUPTA", deid.Name}, {"RAVI", deid.Name}}},
		{"a family by its surname", "Discussed the plan with the Hendersons at length.", []found{{"Hendersons", deid.Name}}},
		{"a family of no list, possessive", "Stayed at the Okonkwos' house over the weekend.", []found{{"Okonkwos", deid.Name}}},
		{"the decade of an age over 89", "She is in her late nineties and lives alone.", []found{{"late nineties", deid.Age}}},
		{"the decade in numerals", "a man in his 90s", []found{{"90s", deid.Age}}},
		{"an age at death with the verb left out", "Mother died at 97; father at 93.", []found{{"97", deid.Age}, {"93", deid.Age}}},
		{"a handle after the app's name", "Her Instagram is @marisol.quintero88.", []found{{"@marisol.quintero88", deid.URL}}},
		{"a payment handle", "Venmo @Tavita-Faleolo for the copay.", []found{{"@Tavita-Faleolo", deid.URL}}},
		{"a clinician by initials after the role", "Seen with attending LMK and resident T. Nguyen; case reviewed with fellow JRT.",
			[]found{{"LMK", deid.Name}, {"T. Nguyen", deid.Name}, {"JRT", deid.Name}}},
		{"a unit or a credential after a role stays", "Discussed with attending ICU team. Attending MD note reviewed. Seen by attending PT for gait.", nil},
		{"HL7 components after a note's label", "Name: LOPEZ^MARIA^J  DOB: 19550203  Addr: 12 ELM ST^^QUINCY^MA^02169\nPt: SMITH^JOHN, seen today",
			[]found{{"LOPEZ^MARIA^J", deid.Name}, {"19550203", deid.Date}, {"12 ELM ST", deid.Location}, {"QUINCY", deid.Location}, {"02169", deid.ZIP}, {"SMITH^JOHN", deid.Name}}},
		{"a score written with carets stays", "Score: 3^2^1 on the scale", nil},
		{"a handle a few words after its app", "patient: i posted about it on my tiktok, it's @mariag_92", []found{{"@mariag_92", deid.URL}}},
		{"a handle's shape with no app", "follow me @jane_doe for updates", []found{{"@jane_doe", deid.URL}}},
		{"doses and times after an at sign stay", "metoprolol @25mg daily; meet @home at 2; Labs @0800", nil},
		{"an e-mail address written to dodge harvesters", "Reach him at jdoe [at] fastmail [dot] com.",
			[]found{{"jdoe [at] fastmail [dot] com", deid.Email}}},
		{"a given name after the nurse practitioner and a filler", "p: the nurse practitioner um teodora something i forget\n",
			[]found{{"teodora", deid.Name}}},
		{"a program in its field, the town after it", "Program: Tamarack Recovery Collective, Bend",
			[]found{{"Tamarack Recovery Collective", deid.Location}, {"Bend", deid.Location}}},
		{"a facility discharged to", "Discharged to: Harborview Terrace Nursing & Rehab (SNF)",
			[]found{{"Harborview Terrace Nursing & Rehab", deid.Location}}},
		{"a program with an acronym", "Program: CODAC Health Recovery & Wellness, Tucson",
			[]found{{"CODAC Health Recovery & Wellness", deid.Location}, {"Tucson", deid.Location}}},
		{"a lower-case address in its field", "Address: 1418 w cortland st apt 3, chicago il 60642",
			[]found{{"1418 w cortland st apt 3", deid.Location}, {"chicago", deid.Location}, {"60642", deid.ZIP}}},
		{"a rural route in its field", "Address: rural route 7 box 12, odell 60460",
			[]found{{"rural route 7 box 12", deid.Location}, {"odell", deid.Location}, {"60460", deid.ZIP}}},
		{"an address abroad, street type first", "Domicilio: Avenida Juárez 1402, Col. Americana, Guadalajara",
			[]found{{"Avenida Juárez 1402", deid.Location}, {"Col. Americana", deid.Location}, {"Guadalajara", deid.Location}}},
		{"particles in a name answering the question", "nurse: please state your name and date of birth\npatient: ximena de la garza twelve twelve eighty eight\n",
			[]found{{"ximena de la garza", deid.Name}, {"twelve twelve eighty eight", deid.Date}}},
		{"a name said twice, the surname after", "i'm calling for my partner sam sam alvarado he was seen",
			[]found{{"sam sam alvarado", deid.Name}}},
		{"a name between patient and date of birth", "caller: patient bettina oduya date of birth five five sixty six\n",
			[]found{{"bettina oduya", deid.Name}, {"five five sixty six", deid.Date}}},
		{"a caller saying who calls", "hi dr mendoza it's jolene in the lab", []found{{"mendoza", deid.Name}, {"jolene", deid.Name}}},
		{"a caller typing its for it's", "its jolene from the front desk, the dog wagged its tail", []found{{"jolene", deid.Name}}},
		{"a dodged address in parentheses, two dots", "mail: a.b (at) x (dot) co (dot) uk now", []found{{"a.b (at) x (dot) co (dot) uk", deid.Email}}},
		{"a hospital's acronym before its lab", "doctor: they said it was the ucsd lab that ran it", []found{{"ucsd", deid.Location}}},
		{"a hospital's acronym before its er", "the uab er was packed", []found{{"uab", deid.Location}}},
		// Look-alikes.
		{"a test's and a unit's acronyms before a site's noun", "the mri lab was closed; the icu team came; the cdc site says", nil},
		{"a bracketed at with no dot after", "meet [at] noon", nil},
		{"words between patient and date of birth", "caller: the patient is here date of birth is fine\n", nil},
		{"a month after it's", "it's june in two weeks", nil},
		{"an address on file", "Address: on file", nil},
		{"a home described", "Home: 2 story house, lives alone", nil},
		{"a program named by ordinary words", "Program: Intensive Outpatient", nil},
		{"discharged home", "Discharged to: home with services", nil},
		{"a word after the nurse practitioner", "p: the nurse practitioner um said it was fine\n", nil},
		{"dotted letters of a country, a box and a rating", "Served in the U.S. Army; A.M. Best rating.", nil},
		{"plurals of places and bands", "hiking in the Rockies; watching the Yankees; the Andes; the Smokies; the Bahamas.", nil},
		{"the nineties as a time", "music from the nineties; temps in the nineties all week", nil},
		{"the nineties of many", "We have taken patients in their nineties into the program.", nil},
		{"an agency's handle with no app named", "Follow @CDCgov for guidance.", nil},
		{"an at sign for at", "meet me @ the clinic", nil},
		{"fiscal years and quarters", "Q3 2023 audit; FY2024 budget.", nil},
		{"a street after a relation and at", "Father at 93 Main St", []found{{"93 Main St", deid.Location}}},
	}
	for _, mode := range []deid.Config{{}, {RulesOnly: true}} {
		checkFound(t, newDetector(t, mode), deid.Known{}, cases)
	}
}

// TestAgeDateAndPhoneShapesOfMessages: an age over 89 after a word of time
// or degree ("she is now 93"), a month and year with a dash ("mammogram
// 03-2023") and a number whose area code is bracketed with no space
// ("(555)0142288"), as patients write them; a vital sign after the same
// words, a weight and a code stay. Written for this test.
func TestAgeDateAndPhoneShapesOfMessages(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"an age after now", "Born in the 30s, she is now 93 and lives alone.", typed(deid.Age, "93")},
		{"an age after almost and currently", "He's almost 95 years old; the patient is currently 97.", typed(deid.Age, "95", "97")},
		{"a vital sign and a weight after the same words", "HR is now 93, sats are almost 94, she is now 93 kg.", nil},
		{"a month and year with a dash", "Her last mammogram was 03-2023 and the colonoscopy 11-2019.", typed(deid.Date, "03-2023", "11-2019")},
		{"a code with a dash", "Billed CPT 99213-2023 twice.", nil},
		{"a bracketed area code without a space", "Please text me at (555)0142288 after noon.", typed(deid.Phone, "(555)0142288")},
		{"an ordinal day of may or march", "patient: it was the third of may right after my shift, and the 3rd of march before", typed(deid.Date, "the third of may", "the 3rd of march")},
		{"the modal after of stays", "patient: the first of these may help", nil},
		{"a date after a ratio word and on", "I was seen at the VA on 11/02 for my knee; pain since 3/14.", typed(deid.Date, "11/02", "3/14")},
		{"a ratio after its word stays", "VA 20/40 OD, 20/25 OS. Pain 8/10.", nil},
	})
}

// TestLastFirstBeforeAgeAndSex: "Last, First" with no label before it is a
// patient's name where the age and sex follow it, as sign-outs, transfer
// notes and census lines write them; a town and its state, or a list of
// symptoms, before a number stay what they are. Written for this test.
func TestLastFirstBeforeAgeAndSex(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a sign-out line", "sign out: 7W-12 Hakimi, Farzana, 31F, DKA resolving",
			[]found{{"Hakimi, Farzana", deid.Name}}},
		{"a transfer note", "ED to ED transfer note: Ngata, Sione 43M from Hilo",
			[]found{{"Ngata, Sione", deid.Name}, {"Hilo", deid.Location}}},
		{"two given names", "Sign-out: Bui, Minh Chau 45M, liver abscess", []found{{"Bui, Minh Chau", deid.Name}}},
		{"an age word", "Census: Okonkwo-Reyes, Adaeze 58 y/o, CHF", []found{{"Okonkwo-Reyes, Adaeze", deid.Name}}},
		{"symptoms stay", "Fever, Chills 3 days. Nausea, Vomiting 2x.", nil},
		// A review helper's probes.
		{"social history stays", "Smoker, Former 30 years. Social: Retired, Widowed 78F lives alone.", nil},
		{"no space after the comma", "Hakimi,Farzana 31F", []found{{"Hakimi,Farzana", deid.Name}}},
		{"an age after age", "Hakimi, Farzana, age 31", []found{{"Hakimi, Farzana", deid.Name}}},
		{"particles and a hyphen", "de la Cruz, Maria 40F; O'Neill-Tuala, Mere 29F",
			[]found{{"de la Cruz, Maria", deid.Name}, {"O'Neill-Tuala, Mere", deid.Name}}},
	})
}

// TestIrishSurnames: a capitalized Irish particle between two capitalized
// words makes them one name, also when neither word is on a list ("Pt
// Cormac Ó Dálaigh"); "Mac" is no such sign ("The Big Mac Attack"). Written
// for this test.
func TestIrishSurnames(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"after a label without a colon", "Re: lithium level. Pt Cormac Ó Dálaigh, on lithium.", []found{{"Cormac Ó Dálaigh", deid.Name}}},
		{"Ní", "Seen with Siobhán Ní Bhriain today.", []found{{"Siobhán Ní Bhriain", deid.Name}}},
		{"Mac stays", "The Big Mac Attack burger.", nil},
	})
}

// TestDayRangesAndYearMonths: days of one month written as a range ("May
// 2-4", "March 3-5, 2024") are one date, a dose range is none ("took 2-4
// tabs"); a year and month ending a sentence is a date ("2019-06 to
// 2019-12."), a version number is none ("2019-03.5"). Written for this
// test.
func TestDayRangesAndYearMonths(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a range in parentheses", "In pain since the festival weekend (May 2-4), I went twice.", []found{{"May 2-4", deid.Date}}},
		{"a range with its year", "Admitted March 3-5, 2024 for CHF.", []found{{"March 3-5, 2024", deid.Date}}},
		{"a dose range", "Took 2-4 tabs a day.", nil},
		{"year and month ending a sentence", "Prior: cyclophosphamide 2019-06 to 2019-12.", []found{{"2019-06", deid.Date}, {"2019-12", deid.Date}}},
		{"a version", "Firmware version 2019-03.5 installed.", nil},
		{"a range of years", "Smoked 1 ppd 2010-12.", nil},
	})
}

// TestRecordNumbersOfFormsAbroad: a hospital number after "Hosp. No." with
// its site's letters and a slash, a VA file number, and a form's fields
// apart by wide gaps ("Mr. Otieno Ouma   Hosp. No.:" is a name, then a
// label, not a hospital). Written for this test, from blind8's shapes.
func TestRecordNumbersOfFormsAbroad(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"hospital number with its site", "Patient: Mr. Otieno Ouma   Hosp. No.: AKU/0931187   Age 63",
			[]found{{"Otieno Ouma", deid.Name}, {"AKU/0931187", deid.MRN}}},
		{"a VA file number", "Purpose: VA disability claim (VA file no. C-33 904 118).", []found{{"C-33 904 118", deid.ID}}},
		{"file no as words stays", "Please file no later than Friday.", nil},
	})
}
