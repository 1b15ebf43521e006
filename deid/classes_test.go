package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Classes of identifiers left in text written by others (issue 12's
// remaining classes). The examples are written for these tests, in shapes
// of their own; each class has a look-alike that must stay.

// TestLastDigitsNote: a note of how many digits follow sits between an
// identifier's cue and its value.
func TestLastDigitsNote(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"last digits in parentheses", "Claimant: see file    SSN (last 4): 0392\nEmployer: county",
			[]found{{"0392", deid.SSN}}},
		{"last digits spelled", "verified ssn last four 7718 on the call", []found{{"7718", deid.SSN}}},
		{"the last visit stays", "MRN reviewed at last 2 visits.", nil},
	})
}

// TestExtensionsAlone: an extension is a telephone number even without the
// number it extends.
func TestExtensionsAlone(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"x and digits after paged", "Night resident paged at x2903, no answer.", []found{{"x2903", deid.Phone}}},
		{"x and digits after call", "Please call x518 with the result.", []found{{"x518", deid.Phone}}},
		{"magnification stays", "Reviewed at x400 magnification.", nil},
		{"a joint's extension stays", "Knee extension 170 degrees; ext 5 lag.", nil},
		{"a count stays", "Repeat dose x3 then call.", nil},
	})
}

// TestSpokenMonthOfYear: "may" and "march" in lower case are months before
// "of" and a year, however the year is said.
func TestSpokenMonthOfYear(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"may of a spoken year", "patient: the will was signed back in may of twenty twenty one i think",
			[]found{{"may of twenty twenty one", deid.Date}}},
		{"march of a short year", "doctor: and the first stent was march of oh seven right", []found{{"march of oh seven", deid.Date}}},
		{"may before digits", "she stopped the statin may 2022 because of cramps", []found{{"may 2022", deid.Date}}},
		{"the verb stays", "you may of course stop it, and we march on", nil},
		{"a march of a distance stays", "a march of twenty miles in boot camp", nil},
	})
}

// TestOwnedRelativeNames: the name right after an owned relation word, or
// inside a list of relatives, even when it is short or also a word.
func TestOwnedRelativeNames(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a two-letter given name", "patient: my granddaughter ly drives me on tuesdays", []found{{"ly", deid.Name}}},
		{"a name of no list", "patient: my nephew kwesiah said i should come", []found{{"kwesiah", deid.Name}}},
		{"a list of relatives", "visitors (wife bea + daughter ann) at bedside", []found{{"bea", deid.Name}, {"ann", deid.Name}}},
		{"a given name that is an eponym", "caller: it's about my grandson tanner.", []found{{"tanner", deid.Name}}},
		{"a word after the relation stays", "patient: my son too, and my wife so she says", nil},
		{"a verb after the relation stays", "patient: my sister may come and my dad had it", nil},
		{"an unowned relation stays", "Son at bedside; husband ed teaching done.", nil},
	})
}

// TestMultiPartNames: names whose parts are also ordinary words or on no
// list, which used to be cut short.
func TestMultiPartNames(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a short word inside a name", "Form for Bao An Le (DOB 2/3/2016) attached.", []found{{"Bao An Le", deid.Name}, {"2/3/2016", deid.Date}}},
		{"a number word inside a name", "Call from Pieter Ten Broek, the son.", []found{{"Pieter Ten Broek", deid.Name}}},
		{"an ordinary word after a name stays outside", "Spoke with Maria In Person today.", []found{{"Maria", deid.Name}}},
		{"an unlisted given name after a surname opening the line", "Desrosiers-Pierre, Roselaure (chart 2), 33F",
			[]found{{"Desrosiers-Pierre", deid.Name}, {"Roselaure", deid.Name}}},
		{"a diagnosis written last part first stays", "Pneumonia, Community (acquired)", nil},
	})
}

// TestFacilityJoinsAndDistricts: facility names joined by "&" or "and",
// short forms of "Medical Center" after a name in its own case, and a
// district named by a state and a place's kind.
func TestFacilityJoinsAndDistricts(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"an ampersand in a named institute", "Echo read at Wexley Heart & Lung Institute on arrival.",
			[]found{{"Wexley Heart & Lung Institute", deid.Location}}},
		{"and in a named institute", "Followed at Brannock Heart and Vascular Institute yearly.",
			[]found{{"Brannock Heart and Vascular Institute", deid.Location}}},
		{"a generic institute stays", "Ask the Heart & Vascular Institute about it; see the Heart and Vascular Institute.", nil},
		{"MC after a name", "Records requested from Quenby MC last week.", []found{{"Quenby MC", deid.Location}}},
		{"MC alone stays", "Na low; MC ok, MCV 88.", nil},
		{"a district named by a state", "Pt lives in Georgia Terrace with two roommates.", []found{{"Georgia Terrace", deid.Location}}},
		{"the state alone stays", "Pt lives in Georgia with two roommates.", nil},
	})
}

// TestTownsSpelledLikeWords: a town spelled like a word, placed by the
// clause around it rather than by a verb of living.
func TestTownsSpelledLikeWords(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"the town of a facility found before it", "patient: i teach at grace lutheran in normal\ndoctor: ok",
			[]found{{"grace lutheran", deid.Location}, {"normal", deid.Location}}},
		{"a town of two words before a contraction", "mom: we drove up from rock springs that's far",
			[]found{{"rock springs", deid.Location}}},
		{"a word after a facility stays", "We watch the clinic in normal hours; the clinic in March.", []found{{"March", deid.Date}}},
	})
}

// TestSaidNames: a name said the way it sounds, after "pronounced" or
// syllable by syllable.
func TestSaidNames(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after it's pronounced", "patient: it's pronounced neev like the irish way", []found{{"neev", deid.Name}}},
		{"syllables joined by hyphens", "patient: no it's mah-ree-sol, with an s", []found{{"mah-ree-sol", deid.Name}}},
		{"the adjective stays", "Edema is more pronounced; the weakness is pronounced bilaterally.", nil},
		{"words and fillers with hyphens stay", "a follow-up in two-to-three weeks, uh-huh-uh", nil},
	})
}

// TestFacilitySystems: a system's name before a dash, a denomination
// opening a system's name.
func TestFacilitySystems(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a system before a dash", "HOLLOWAY PRAIRIE - CEDAR MEDICAL CENTER\nDISCHARGE SUMMARY",
			[]found{{"HOLLOWAY PRAIRIE - CEDAR MEDICAL CENTER", deid.Location}}},
		{"a heading before a dash stays", "WOUND CLINIC - PROGRESS NOTE\nStage 2.", nil},
		{"a denomination opening a system", "Seen at Methodist Health Medical Center yesterday.", []found{{"Methodist Health Medical Center", deid.Location}}},
		{"a denomination as a word stays", "He is Baptist. Health Center visits were rare.", nil},
	})
}

// TestHospitalPhrasesAnywhere: a hospital's name of several words from the
// gazetteer is a place without a preposition before it.
func TestHospitalPhrasesAnywhere(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after a comma", "Consult: 54 M, NYU Langone, bed 12", []found{{"NYU Langone", deid.Location}}},
		{"read as a name otherwise", "Outside films from Johns Hopkins Bayview reviewed.", []found{{"Johns Hopkins Bayview", deid.Location}}},
		{"a person after a title stays a person", "Seen by Dr. Johns Hopkins today.", []found{{"Johns Hopkins", deid.Name}}},
		{"a saint's company stays", "Leads by Abbott (formerly St. Jude Medical) and Biotronik.", nil},
		// In words of a dictionary, only as a sentence of its own.
		{"dictionary words as a sentence of their own", "Attending: Where are you?\nPatient: The hospital. No. Mass General.\nAttending: That's right.",
			[]found{{"Mass General", deid.Location}}},
		{"dictionary words in a sentence stay", "He got a Mass General shirt for the team.", nil},
	})
}

// TestChildrensOfAState: a state's pediatric system, "Children's" and the
// state's name, wherever it stands.
func TestChildrensOfAState(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after a label", "Referring: Children's Nebraska, Omaha", []found{{"Children's Nebraska", deid.Location}, {"Omaha", deid.Location}}},
		{"a product stays", "Children's Motrin 5 mL given; the children's Ohio trip.", nil},
	})
}

// TestSpokenUnits: the unit read out after a street said in a transcript.
func TestSpokenUnits(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"apartment and a letter", "patient: we live at six forty east fifth avenue apartment three c with my aunt",
			[]found{{"six forty east fifth avenue apartment three c", deid.Location}}},
		{"a pronoun after the unit word stays", "patient: it's forty elm street apartment i think", []found{{"forty elm street", deid.Location}}},
	})
}

// TestStateNamedTowns: a state's name before another state's code is a
// town of that state.
func TestStateNamedTowns(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a town named for a state", "Refills picked up in Nevada, MO. No early fills.", []found{{"Nevada", deid.Location}}},
		{"a list of states stays", "Outbreaks were reported in Arkansas, Missouri and Iowa.", nil},
	})
}

// TestSystemBeforeSite: the system's name before a town and a site word.
func TestSystemBeforeSite(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a system before its town's site", "Her MRI is at the Mass Eye Northampton location now.",
			[]found{{"Mass Eye", deid.Location}, {"Northampton", deid.Location}}},
		{"an adjective before the town stays", "Her MRI is at the new Northampton location now.", []found{{"Northampton", deid.Location}}},
	})
}

// TestPlaceKindOf: the formal name of a port, city or town, "of" and its
// name.
func TestPlaceKindOf(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a port named like a person", "Drives a forklift at the Port of Stockton since May 2019.",
			[]found{{"Port of Stockton", deid.Location}, {"May 2019", deid.Date}}},
		{"a form's label stays", "Town of Residence: not given; port of entry unknown.", nil},
	})
}

// TestCausativeNames: a given name in lower case that a clinician has do
// office work.
func TestCausativeNames(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a name that is also a word", "doctor: great, i'll have hope schedule the echo", []found{{"hope", deid.Name}}},
		{"a listed given name", "doctor: we'll have kiana call you friday", []found{{"kiana", deid.Name}}},
		{"a word in the same frame stays", "doctor: let's have time heal it and i'll let it go", nil},
	})
}

// TestLoneMonthClosing: a capitalized month that names no person closing a
// phrase is a date; a month of every year stays.
func TestLoneMonthClosing(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"closing a parenthesis", "Smoker (quit October), no alcohol.", []found{{"October", deid.Date}}},
		{"a month of every year stays", "Vaccines are reviewed each October.", nil},
		{"a month that is a verb stays", "We will march.", nil},
	})
}

// TestAcronymBeforeFacilityPhrase: a system's acronym before a facility
// name of service words or a hyphenated name, in mixed case.
func TestAcronymBeforeFacilityPhrase(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"service words after the acronym", "Referred to the OUHSC Pediatric Hematology Clinic for a second look.",
			[]found{{"OUHSC Pediatric Hematology Clinic", deid.Location}}},
		{"a medical center after the acronym", "Stress test at WVUM Medical Center was negative.",
			[]found{{"WVUM Medical Center", deid.Location}}},
		{"a hyphenated name", "She delivered at the MUHC Royal-Victoria Hospital in 2019.",
			[]found{{"MUHC Royal-Victoria Hospital", deid.Location}}},
		{"a heading before a spaced dash stays out", "L&D TRIAGE - UCSD Hillcrest-Jacobs Hospital",
			[]found{{"UCSD Hillcrest-Jacobs Hospital", deid.Location}}},
		{"clinical acronyms stay", "Referred to the GI Pain Clinic; ICU Step Down Unit; the CHF Clinic.", nil},
	})
}

// TestCapsSurnameCommaGiven: "SURNAME, Given" with the surname in capitals
// and a given name of one or two parts in mixed case.
func TestCapsSurnameCommaGiven(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a second given part that is also a word", "Slides reviewed for CHEUNG, Wai Man, MRN 77120045.",
			[]found{{"CHEUNG", deid.Name}, {"Wai", deid.Name}, {"Man", deid.Name}, {"77120045", deid.MRN}}},
		{"before a comma and a relation", "Next of kin: KWOK, Mei Yee, daughter, at bedside.",
			[]found{{"KWOK", deid.Name}, {"Mei Yee", deid.Name}}},
		{"a heading word stays", "COMMENTS, Maria will call back.", []found{{"Maria", deid.Name}}},
		{"a clinical abbreviation stays", "Ordered CBC, Maria to draw.", []found{{"Maria", deid.Name}}},
	})
}

// TestHospitalCampuses: the campus after a hospital's name: a place's lead
// word and a name after an acronym in mixed case, "Main Campus", a city
// that is also a word after a hospital named in lower case.
func TestHospitalCampuses(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a mount after an acronym", "Biopsy slides sent from UCSF Mt Sutro for a second read.",
			[]found{{"UCSF Mt Sutro", deid.Location}}},
		{"a main campus after a dash", "Go to the ED now - Geisinger Main Campus, the west entrance.",
			[]found{{"Geisinger Main Campus", deid.Location}}},
		{"a main campus in lower case", "patient: she got moved to ochsner main campus last night",
			[]found{{"ochsner main campus", deid.Location}}},
		{"a city that is also a word after a hospital", "patient: my cousin is a nurse at mount sinai queens now",
			[]found{{"mount sinai queens", deid.Location}}},
		{"a main entrance stays", "Enter at the Main Campus lobby; Main Hospital parking.", nil},
	})
}

// TestNameIsIntroduction: the word said after "my name is" in lower case
// is the name, also a short one or one that is also a word.
func TestNameIsIntroduction(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a short given name before a contraction", "agent: thanks for holding my name is tom i'll pull up the chart",
			[]found{{"tom", deid.Name}}},
		{"a name that is also a word, here only", "nurse: hi my name is faith i'm your nurse\nnurse: keep the faith",
			[]found{{"faith", deid.Name}}},
		{"a name on no list", "resident: my name's arjit i'm with the team", []found{{"arjit", deid.Name}}},
		{"after a possessive", "mom: the baby's name is kaysen with a k", []found{{"kaysen", deid.Name}}},
		{"what is said about the name stays", "patient: my name is spelled wrong and my name is on the list", nil},
		{"an adjective stays", "patient: my name is long so everyone shortens it", nil},
	})
}

// TestFacilityNamedForAPerson: a facility named for a person with a middle
// initial is taken whole.
func TestFacilityNamedForAPerson(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a middle initial inside the name", "Biopsy done at the Ellery J. Vantongeren Cancer Institute last week.",
			[]found{{"Ellery J. Vantongeren Cancer Institute", deid.Location}}},
		{"after a signature", "Regards, Dana Whitlock, RN Corwin T. Ashgrove Heart Center",
			[]found{{"Dana Whitlock", deid.Name}, {"Corwin T. Ashgrove Heart Center", deid.Location}}},
		{"a generic center after a sentence stays", "Vitamin D. Cancer Center screening is due.", nil},
	})
}

// TestFacilityTownAfterComma: a town of no English list after a facility's
// name and a comma, ending the clause.
func TestFacilityTownAfterComma(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a town after a facility named in Portuguese", "Prior CT from Hospital do Bom Retiro, Caxambuzinho. Reviewed.",
			[]found{{"Hospital do Bom Retiro", deid.Location}, {"Caxambuzinho", deid.Location}}},
		{"a town before a semicolon", "Delivered at Kessington Medical Center, Ardwickshire; uneventful.",
			[]found{{"Kessington Medical Center", deid.Location}, {"Ardwickshire", deid.Location}}},
		{"a weekday stays out", "Seen at Kessington Medical Center, Tuesday.", []found{{"Kessington Medical Center", deid.Location}}},
		{"an ordinary word stays out", "Seen at Kessington Medical Center, Cardiology.", []found{{"Kessington Medical Center", deid.Location}}},
	})
}

// TestSeasonOfAnEvent: a season in lower case that dates one event: after
// "since", or after "in the" with a verb of a life event before it.
func TestSeasonOfAnEvent(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"since the season", "patient: the cough has been there since the winter pretty much", []found{{"winter", deid.Date}}},
		{"since a school break", "dad: she's been tired since winter break", []found{{"winter break", deid.Date}}},
		{"a life event in the season", "patient: we relocated up north in the summer for my job", []found{{"summer", deid.Date}}},
		{"a fall after a verb no accident takes", "patient: i retired in the fall and got bored", []found{{"fall", deid.Date}}},
		{"the accident after since stays", "daughter: she has not walked well since the fall", nil},
		{"an accident in a fall stays", "patient: i hurt my back in the fall off the ladder", nil},
		{"every year stays", "patient: my allergies are always worse in the spring and i sneeze", nil},
		{"a lab trend stays", "A1c 8.1% now, up from 7.4% in the summer.", nil},
	})
}

// TestSuppliedNamesAsTheySound: a supplied name written as it sounds, more
// than one letter away from the platform's spelling.
func TestSuppliedNamesAsTheySound(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	kn := deid.Known{PatientNames: []string{"Katherine Geoffries"}, RelativeNames: []string{"Jon Carrie"}}
	checkFound(t, d, kn, []foundCase{
		{"a given name spelled by ear", "nurse: ok kathryn can you sit up for me", []found{{"kathryn", deid.Name}}},
		{"a surname spelled by ear", "doctor: the chart says jeffries with a j", []found{{"jeffries", deid.Name}}},
		{"a relative spelled by ear", "patient: my husband john drove me and kari waited outside",
			[]found{{"john", deid.Name}, {"kari", deid.Name}}},
		{"an English word that sounds alike stays", "patient: the carry on bag and the john deere cap", []found{{"john", deid.Name}}},
	})
}

// TestZIPAfterNicknamesAndAPStates: a ZIP after a city's nickname or a
// gazetteer town with no state, after a state abbreviated in the
// newspapers' style, and after "to ... area".
func TestZIPAfterNicknamesAndAPStates(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a nickname before the ZIP", "Mail to 88 Tchoupitoulas St, NOLA 70115 please.",
			[]found{{"88 Tchoupitoulas St", deid.Location}, {"NOLA", deid.Location}, {"70115", deid.ZIP}}},
		{"a state in the newspapers' style", "Address: 2211 Oak Ave, Duluth, Minn. 55803",
			[]found{{"2211 Oak Ave", deid.Location}, {"Duluth", deid.Location}, {"55803", deid.ZIP}}},
		{"moved to an area", "Family moved to 73120 area in June.", []found{{"73120", deid.ZIP}, {"June", deid.Date}}},
		{"a dose stays", "Vitamin D 50000 units weekly; Mass. General protocol.", nil},
	})
}

// TestCapitalsText: a text written all in capitals is also read in lower
// case, where places are found by the words around them.
func TestCapitalsText(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a town after a verb of going", "DISCHARGE NOTE: PATIENT STABLE. SON TO DRIVE HER HOME TO KALKASKA. RETURN IF FEVER RECURS.",
			[]found{{"KALKASKA", deid.Location}}},
		{"a district after from", "HISTORY: 81 YEAR OLD RETIRED MACHINIST FROM EAST HAVEN, SEEN FOR GAIT CHANGE OVER TWO MONTHS.",
			[]found{{"EAST HAVEN", deid.Location}}},
		{"a note with no identifier stays", "ASSESSMENT: STABLE ANGINA. PLAN: CONTINUE ASPIRIN AND METOPROLOL, WALK DAILY, RETURN TO CLINIC IN THREE MONTHS. FOLLOW UP WITH CARDIOLOGY AS NEEDED.", nil},
	})
}

// TestLowerDoubleSurname: a double surname joined by a hyphen after a given
// name found in lower case, whatever lists its parts are on.
func TestLowerDoubleSurname(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after an introduction", "caller: hi yes this is darnell houston-pryce calling back", []found{{"darnell houston-pryce", deid.Name}}},
		{"after a greeting by a clinician", "nurse: hi i'm keisha moore-banks your nurse today", []found{{"keisha moore-banks", deid.Name}}},
		{"a hyphenated word after a name stays out", "patient: my wife carol follow-up is on tuesday", []found{{"carol", deid.Name}}},
	})
}

// TestHyphenatedInitials: compound given names abbreviated with a hyphen
// ("M.-C.") before a surname.
func TestHyphenatedInitials(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after a title", "Resection planned with Dr. M.-C. Boudreau next week.",
			[]found{{"M.", deid.Name}, {"C. Boudreau", deid.Name}}},
		{"a vitamin pair stays", "Vitamin A.-D. levels pending.", nil},
	})
}

// TestGivenNamesThatNameEponyms: a common given name or surname that is
// also an eponym's ("Marie" of Charcot-Marie-Tooth, "Kaplan" of
// Kaplan-Meier) is a name outside the eponym.
func TestGivenNamesThatNameEponyms(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a middle name", "Resident: Josephine Marie Thibodaux, room 4.", []found{{"Josephine Marie Thibodaux", deid.Name}}},
		{"a given name before a surname", "Discussed the plan with Marie Arceneaux at bedside.", []found{{"Marie Arceneaux", deid.Name}}},
		{"a surname after a given name", "Left a message for Judith Kaplan today.", []found{{"Judith Kaplan", deid.Name}}},
		{"the eponyms stay", "Charcot-Marie-Tooth type 1A; Kaplan-Meier estimate at 5 years.", nil},
	})
}

// TestTownsOfTeamsAndVisits: a town after "against" and a word of sport (a
// team named by its town), and a town of several words before "visiting"
// or "staying".
func TestTownsOfTeamsAndVisits(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a team named by its town", "dad: he landed on it in the game against keller on saturday", []found{{"keller", deid.Location}}},
		{"a town of two words after played against", "patient: we played against sugar land last week", []found{{"sugar land", deid.Location}}},
		{"a town before visiting", "nurse: so you're down from bowling green visiting your son", []found{{"bowling green", deid.Location}}},
		{"against a thing stays", "patient: i was pushing against the door and we play against the clock", nil},
	})
}

// TestStoreNumbers: a chain's store named by its number is one place.
func TestStoreNumbers(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a chain before its store number", "Refill sent to CVS #8812 per patient.", []found{{"CVS #8812", deid.Location}}},
		{"a found place before its number", "PDMP lists fills at Safeway #1937 and at home.", []found{{"Safeway #1937", deid.Location}}},
		{"a count after a dose stays", "Lisinopril 10 mg #30 with 2 refills; Dispense #90.", nil},
	})
}

// TestMonthAbbreviationInParentheses: a month's abbreviation after a word
// of time closing a parenthesis.
func TestMonthAbbreviationInParentheses(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"in and a month before a parenthesis", "Retired machinist (last A1c in Oct) presents with thirst.", []found{{"Oct", deid.Date}}},
		{"a month abbreviation without a word of time stays", "Dyspnea (worse Dec) and edema.", nil},
	})
}

// TestSideDistricts: a capitalized district ending in "side" after "in"
// at a clause end; an English word ending so stays.
func TestSideDistricts(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a district after in", "Works nights at a diner in Harborside. No LOC.", []found{{"Harborside", deid.Location}}},
		{"an English word stays", "Seen in Inside. No LOC; family at Bedside.", nil},
	})
}

// TestSpokenHospitalForms: the short forms people say for well-known
// hospitals and universities (the lexicon's [fachead] and [facacro], read
// with the gazetteer), and a hospital whose full name is hyphenated, by its
// first part; in lower case as transcripts write them. The words they are
// made of stay where they are ordinary words.
func TestSpokenHospitalForms(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"hyphenated name whole", "she was transferred to cedars-sinai for the transplant workup",
			[]found{{"cedars-sinai", deid.Location}}},
		{"hyphenated name's first part", "i had my surgery at cedars last year", []found{{"cedars", deid.Location}}},
		{"two words said", "they sent me to mass general for a second opinion", []found{{"mass general", deid.Location}}},
		{"acronym and surname", "he gets his chemo at md anderson now", []found{{"md anderson", deid.Location}}},
		{"after a clinician", "my oncologist at sloan kettering is great", []found{{"sloan kettering", deid.Location}}},
		{"a given name and a country", "i had my surgery at beth israel last year", []found{{"beth israel", deid.Location}}},
		{"a general's name", "she was at walter reed for a week", []found{{"walter reed", deid.Location}}},
		{"a county and a university", "he was at county usc for a week", []found{{"county usc", deid.Location}}},
		{"a nickname", "she delivered at presby and went home", []found{{"presby", deid.Location}}},
		{"a campus", "he's followed at hopkins bayview for his copd", []found{{"hopkins bayview", deid.Location}}},
		{"three words", "i had the mri at swedish cherry hill", []found{{"swedish cherry hill", deid.Location}}},
		{"possessive", "we took her to primary children's when she had the seizure",
			[]found{{"primary children's", deid.Location}}},
		{"a university", "my son plays football at ole miss", []found{{"ole miss", deid.Location}}},
		{"a vowelled acronym", "i saw a specialist at ucla last month", []found{{"ucla", deid.Location}}},
		{"an acronym", "my neurologist at jhu adjusted the dose", []found{{"jhu", deid.Location}}},
		{"a good samaritan", "i was admitted to good sam for three days", []found{{"good sam", deid.Location}}},
		{"the wood stays", "he had a cedar chest and cedars in the yard", nil},
		{"general malaise stays", "a mass, general malaise and a good appetite", nil},
		{"primary care stays", "i go to primary care for my children's shots", nil},
	})
}

// TestCareHomesAndAgencies: a care home named for a brand and its town, an
// agency or a laboratory named before its kind: every word of the name
// goes, the joining "of" or "at" with it.
func TestCareHomesAndAgencies(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"brand of a town", "She lives at Sunrise of Arlington now.", []found{{"Sunrise of Arlington", deid.Location}}},
		{"brand of a town of two words", "Discharged to Atria of Bay Ridge assisted living.",
			[]found{{"Atria of Bay Ridge", deid.Location}}},
		{"brand at a found place", "Transferred to Wingate at Silver Lake today.",
			[]found{{"Wingate at Silver Lake", deid.Location}}},
		{"the villas at", "She now lives at The Villas at Oak Creek.", []found{{"The Villas at Oak Creek", deid.Location}}},
		{"agency words after a name", "Home health agency (Bright Star Home Health) will continue visits.",
			[]found{{"Bright Star Home Health", deid.Location}}},
		{"laboratory words", "Drawn at Lakewood Reference Laboratory on arrival.",
			[]found{{"Lakewood Reference Laboratory", deid.Location}}},
		{"a time after at stays apart", "Seen at Mercy at 3 pm today.", []found{{"Mercy", deid.Location}}},
		{"of all places stays", "He was born in Boston of all places.", []found{{"Boston", deid.Location}}},
		{"a titled name before a visit", "Mrs. Bright Home Health aide comes Tuesdays.", []found{{"Bright", deid.Name}}},
	})
}

// TestDistrictsAndMetroAreas: in lower case, a town's end or village named
// by a compass word, and a metropolitan area, after a preposition of place
// and "the"; the end of a thing and an area of the body or a building
// stay.
func TestDistrictsAndMetroAreas(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"the north end", "we live in the north end near the water", []found{{"north end", deid.Location}}},
		{"the south end", "she has an apartment in the south end", []found{{"south end", deid.Location}}},
		{"the east village", "they live over in the east village", []found{{"east village", deid.Location}}},
		{"the bay area", "my sister lives in the bay area", []found{{"bay area", deid.Location}}},
		{"a city's area", "he moved to the dallas area last year", []found{{"dallas area", deid.Location}}},
		{"a city named like a surname", "they're from the houston area", []found{{"houston area", deid.Location}}},
		{"the end of a thing stays", "the rash is in the south end of the incision", nil},
		{"the end of a lot stays", "park at the north end of the lot", nil},
		{"an area of the body stays", "the pain is in the groin area", nil},
		{"a waiting area stays", "please wait in the waiting area", nil},
		{"a town that is a word stays", "in the normal area", nil},
	})
}

// TestHospitalAcronymAsSubject: a hospital's acronym that calls or tells,
// at a clause's start, in capitals or lower case; societies, services and
// units that do other things stay.
func TestHospitalAcronymAsSubject(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"capitals that call", "UAB called me about the appointment.", []found{{"UAB", deid.Location}}},
		{"lower case that calls", "uab called me yesterday", []found{{"uab", deid.Location}}},
		{"after and", "i waited and mgh said they would send it", []found{{"mgh", deid.Location}}},
		{"a turn's start", "patient: nyu wants me back in june", []found{{"nyu", deid.Location}, {"june", deid.Date}}},
		{"a unit calls", "ICU called with the results.", nil},
		{"a society recommends", "ACC recommended aspirin.", nil},
		{"a message is sent", "SMS was sent to the patient.", nil},
	})
}
