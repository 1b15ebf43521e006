package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Look-alikes of PHI-free text (free.go): products, organisations,
// holidays, campus signs, domains and drugs that are written like names or
// places. Every case runs with the rules alone and with the tagger; each
// class has an identifier in a close shape that must still be found. The
// sentences are written for these tests.
func TestFreeLookalikes(t *testing.T) {
	t.Parallel()
	cases := []foundCase{
		// Lists of products and of peoples.
		{"a list after a brand label", "Sold under the brand names Tia, Kaitlib Fe, Briellyn and Philith; same dose.", nil},
		{"given names in a product list", "Equivalent products: Amy, Daisy, Violet and Heather (all 0.35 mg).", nil},
		{"a people beside a language", "Classes in Spanish, Arabic, Karen and Dari. Interpreters for Karen and Burmese on Tuesdays.", nil},
		{"a people closing a list", "Outreach to Hmong, Somali and Karen families raised uptake.", nil},
		{"a list of people stays", "Visitors today: Karen Olsen and Marisol; all masked.",
			[]found{{"Karen Olsen", deid.Name}, {"Marisol", deid.Name}}},
		{"a person before a role with a language stays", "Met with Karen, Spanish interpreter, and the patient.",
			[]found{{"Karen", deid.Name}}},
		{"names beside a name that is a people stay", "Seen with Karen and Dwayne; both sons of Ms. Jones.",
			[]found{{"Karen", deid.Name}, {"Dwayne", deid.Name}, {"Jones", deid.Name}}},
		{"a person beside a language stays", "Interpreter Karen Lindqvist (Spanish) present.",
			[]found{{"Karen Lindqvist", deid.Name}}},
		// Organisations and documents.
		{"a committee", "Approved by the Antibiotic Stewardship Committee and the Falls Prevention Task Force.", nil},
		{"a company joined by and", "Made by Eli Lilly and Company for the US market.", nil},
		{"a journal", "Summary adapted from Mayo Clinic Proceedings, 2019.", nil},
		{"a screen", "Hold oral intake until the Bedside Swallow Screen is passed.", nil},
		{"a person before the committee stays", "Signed by Heather Hale, chair of the Ethics Committee.",
			[]found{{"Heather Hale", deid.Name}}},
		// Holidays.
		{"holidays named by persons", "Closed on Martin Luther King Jr. Day, Columbus Day and Presidents' Day afternoon.", nil},
		{"a person named Day stays", "Patient Patrick Day, seen for cough.", []found{{"Patrick Day", deid.Name}}},
		// Campus signs.
		{"lots and garages", "Use Garage B or overflow Lot D. Enter through Door 4.", nil},
		{"an address stays", "Lives at 18 Gate Street, Apt 2, Lowell.",
			[]found{{"18 Gate Street, Apt 2", deid.Location}, {"Lowell", deid.Location}}},
		// Products with a dose, drugs by their stem, domains, units.
		{"a product with its frequency", "Continue Lorna BID with meals; Prostat 30 mL daily.", nil},
		{"a person before a dose stays", "Per Lorna Vick, give 2 mg now.", []found{{"Lorna Vick", deid.Name}}},
		{"a person before a weight stays", "Pt: Lorna Vick 62 kg, allergy to PCN.", []found{{"Lorna Vick", deid.Name}}},
		{"a drug by its stem", "Levonorgestrel is the progestin; Dapagliflozin was stopped.", nil},
		{"a domain", "The trial is listed at ClinicalTrials.gov under the sponsor.", nil},
		{"a unit after a slash", "Total IgE 88 kU/L. Tree pollen panel negative.", nil},
		{"an allergen component", "Peanut components: Ara h 2 positive, Ara h 8 negative.", nil},
		{"a name before its age stays", "Ara Kim, 3 y, peanut allergy.", []found{{"Ara Kim", deid.Name}}},
		// Checklists, greetings, eponyms' heads, regions, schedules.
		{"a checklist of words", "ROUNDS CHECKLIST (FAST HUGS)\nFeeding, Analgesia, Sedation (goal RASS 0), Thromboprophylaxis", nil},
		{"a word after a greeting", "patient: hey doc quick one about my inhaler", nil},
		{"a surname after doctor stays", "patient: hi doctor quick, question about my inhaler", []found{{"quick", deid.Name}}},
		{"a given name after a greeting stays", "patient: hi dawn quick question about the refill", []found{{"dawn", deid.Name}}},
		{"a saint's product in capitals", "Stop St John's Wort two weeks before surgery.", nil},
		{"an eponym's point and pouch", "Entry at Palmer's point; fluid in Morison's pouch.", nil},
		{"a person's point of view stays", "Discussed from Rachel Okafor's point of view.", []found{{"Rachel Okafor", deid.Name}}},
		{"a person's body part stays", "John Hale's jaw is swollen.", []found{{"John Hale", deid.Name}}},
		{"an eponymous pupil in lower case", "student: marcus gunn pupil means an afferent defect right", nil},
		{"a possessive opening a list of sweets", "Peanut Allergy; Avoid Reese's, Snickers and Most Bakery Items.", nil},
		{"possessives of people stay", "She minds Ann's, Maria's and Carla's children after school.",
			[]found{{"Ann", deid.Name}, {"Maria", deid.Name}, {"Carla", deid.Name}}},
		{"a possessive alone stays", "She minds Reese's children after school.", []found{{"Reese", deid.Name}}},
		{"a clinic's kind as a heading", "Anticoagulation Clinic\nINR 2.4, goal 2.0 to 3.0. Warfarin 5 mg daily.", nil},
		{"a travel clinic", "Travel Clinic\nGoing to Kenya on safari; typhoid vaccine given.", nil},
		{"a named clinic stays", "Seen at Lakeside Travel Clinic today.", []found{{"Lakeside Travel Clinic", deid.Location}}},
		{"eponymous contractions", "Discussed Braxton Hicks contractions vs. labor; kick counts reviewed.", nil},
		{"a person's contractions stay", "Called Maria Lopez: contractions every 5 minutes.", []found{{"Maria Lopez", deid.Name}}},
		{"viruses named by places", "Puumala and Seoul viruses cause renal syndromes.", nil},
		{"a product before its form", "Cover with Allevyn Life foam daily.", nil},
		{"regions larger than a state", "Common in New England and the Pacific Northwest; rare in the Deep South.", nil},
		{"a town after a region stays", "Moved from New England to New Haven last year.", []found{{"New Haven", deid.Location}}},
		{"months of a schedule", "Walk-in Tuesday to Friday from October through March; clinics run from May to June.", nil},
		{"months of a stay stay", "She was in rehab from October through February.",
			[]found{{"October", deid.Date}, {"February", deid.Date}}},
		{"a height", "Normal at sea level; lower at altitude.", nil},
		// Verbs after "to", form labels, brands beside generics, companies.
		{"a town after going to stays", "patient: we're going to salem for the weekend", []found{{"salem", deid.Location}}},
		{"a form's label", "Address: 12 Quarry Rd   City: Barre   State: VT",
			[]found{{"12 Quarry Rd", deid.Location}, {"Barre", deid.Location}}},
		{"brands beside generics", "Options: ella (ulipristal) within 120 hours; silver foam (Mepilex Ag) and alginate (Kaltostat).", nil},
		{"a relative in parentheses stays", "Her daughter (Maria) signed the consent.", []found{{"Maria", deid.Name}}},
		{"a name beside its script stays", "Pt: Li Xiuying (李秀英), 72F.", []found{{"Li Xiuying", deid.Name}, {"李秀英", deid.Name}}},
		// A company by its trade word stays a company; in an employer's
		// field it is the patient's employer, whose name Safe Harbor
		// removes with the patient's (45 CFR 164.514(b)(2)(i): names of
		// "the individual or of relatives, employers, or household
		// members").
		{"a company's trade word", "Buys Tyson Foods chicken in bulk.", nil},
		{"an employer's field", "Employer: Tyson Foods, second shift.", []found{{"Tyson Foods", deid.Name}}},
		{"work restrictions and a status stay", "Work: Light duty x 2 weeks\nEmployer: Disability", nil},
		{"a department of kinds of care", "Welcome to the Family Medicine Residency Clinic, a teaching site.", nil},
		{"a named clinic stays", "Seen at the Lakeview Family Medicine Clinic last week.",
			[]found{{"Lakeview Family Medicine Clinic", deid.Location}}},
		// Scales and classifications named by persons or places.
		{"a revised scale", "Stroke Scale 0. Modified Rankin 1. Revised Geneva 3.", nil},
		{"a type in Roman numerals", "Assessment: Fitzpatrick type III skin.", nil},
		{"a person before a type stays", "Assessment: Ana Fitzpatrick, type 2 diabetes.", []found{{"Ana Fitzpatrick", deid.Name}}},
		{"eponyms after of", "MRA: circle of Willis patent, no aneurysm; tetralogy of Fallot repaired.", nil},
		{"a name after of a relative stays", "The son of Willis Grant called.", []found{{"Willis Grant", deid.Name}}},
		{"an operation and a smear", "History of Ivor Lewis esophagectomy; Wright-Giemsa smear reviewed.", nil},
		{"a therapy's group", "Referral to the Dialectical Behavior Therapy group on Mondays.", nil},
		{"a county's program stays", "Plan: Meals referral (Coos County program) this week.", []found{{"Coos County", deid.Location}}},
		{"scripture", "Chaplain read Psalm 91 and John 14:27 at her request.", nil},
		{"a person before a number stays", "Per John 2 days ago, no fever.", []found{{"John", deid.Name}}},
		{"precautions", "Contact Plus precautions for C. diff.", nil},
		{"the given name of an eponym", "ALS is also called Lou Gehrig's disease; the Michael J. Fox Foundation funds trials.", nil},
		{"a given name before a surname's possessive stays", "Mary Ostrowski's disease is stable.", []found{{"Mary", deid.Name}}},
		{"a race and a handout", "Many train for the Chicago Marathon; see the Cleveland Clinic handout.", nil},
		{"a document's word inside a heading", "PHONE TRIAGE PROTOCOL PRACTICE DRILL (no real caller)\nCaller reports fever.", nil},
		{"a virus's strain in parentheses", "Arenavirus (Lassa) and hantavirus (Sin Nombre) need special handling.", nil},
		{"holidays of a roster", "Coverage for holidays: Thanksgiving weekend call is split; Christmas Eve and New Year's Eve are half days.", nil},
		{"a holiday of a stay stays", "Fell at home on Christmas Eve, admitted overnight.", []found{{"Christmas Eve", deid.Date}}},
		{"a kind of facility in the plural", "Recruited from Federally Qualified Health Centers in the Upper Midwest.", nil},
		{"a club", "Didactics weekly. Journal Club quarterly.", nil},
		{"a facility named by a place in the plural stays", "Moved into Pine Grove Centers housing in May.",
			[]found{{"Pine Grove", deid.Location}, {"May", deid.Date}}},
		{"a holiday beside a call stays", "Daughter will call after Thanksgiving with the results.", []found{{"Thanksgiving", deid.Date}}},
		{"a business named by its owner", "Truck repaired at Earl's Automotive on Friday.", nil},
		{"a person's possessive stays", "Car towed by Bubba Greer's son to the lot.", []found{{"Bubba Greer", deid.Name}}},
		{"weekdays, God and a susceptibility table", "Grief group meets Tuesdays. \"By the grace of God.\"\nOxacillin R   Vancomycin S", nil},
		{"a plan, a diet and a song named by a person", "patient: we follow the Dave Ramsey budget and she tried the Jenny Craig diet", nil},
		{"a person before a verb stays", "patient: Dave Ramsey called me back", []found{{"Dave Ramsey", deid.Name}}},
		{"a person before show stays", "Have Karen Lindqvist show him the exercises.", []found{{"Karen Lindqvist", deid.Name}}},
		{"a person before a verb that is a head stays", "Have Maria Ostrowski sign the consent and point to the pain.",
			[]found{{"Maria Ostrowski", deid.Name}}},
		{"a person before a verb that is a product stays", "Have Maria drink more water; Maria Lopez shake well.",
			[]found{{"Maria", deid.Name}, {"Maria Lopez", deid.Name}}},
		{"a person of a council stays", "Reviewed by Maria Lopez of Quality Council today.", []found{{"Maria Lopez", deid.Name}}},
		{"a surname before a dose stays", "Pt: Juvenal Ortiz 2 mg given.", []found{{"Juvenal Ortiz", deid.Name}}},
		{"a person given a dose stays", "Nurse gave Maria 2 tabs of Tylenol at noon.", []found{{"Maria", deid.Name}}},
		{"people after a product word stay", "Products discussed with Maria, Dwayne and Karen Lindqvist today.",
			[]found{{"Maria", deid.Name}, {"Dwayne", deid.Name}, {"Karen Lindqvist", deid.Name}}},
		{"a person before a body part stays", "Patient: John Hale knee pain, 3 weeks.", []found{{"John Hale", deid.Name}}},
		{"a chromosome, a consensus, an elbow", "Philadelphia chromosome negative. Per the Zurich consensus; Little League elbow.", nil},
	}
	for _, mode := range []struct {
		name string
		cfg  deid.Config
	}{{"rules", deid.Config{RulesOnly: true}}, {"tagger", deid.Config{}}} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			checkFound(t, newDetector(t, mode.cfg), deid.Known{}, cases)
		})
	}
}

// TestFreeVerbAfterTo: with the encounter's names supplied, a verb after
// "going to" and an object is no town; the supplied name stays found.
func TestFreeVerbAfterTo(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Hope Mabena"}, ProviderNames: []string{"Tariq Haddad"}}
	text := "spk_0: hope how are you\nspk_1: fine doctor\nspk_0: ok i'm going to add a nightly pill and i want you to walk daily\n" +
		"spk_1: ok and it was hard to wake up today\nspk_0: ok hope see you soon"
	want := []found{{"hope", deid.Name}, {"hope", deid.Name}}
	for _, mode := range []struct {
		name string
		cfg  deid.Config
	}{{"rules", deid.Config{RulesOnly: true}}, {"tagger", deid.Config{}}} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			checkFound(t, newDetector(t, mode.cfg), kn, []foundCase{{"going to add", text, want}})
		})
	}
}

// TestFreeKnownCompounds: a supplied name part that is also a word is the
// word inside a fixed compound of ordinary words; the person's mentions
// around it stay found.
func TestFreeKnownCompounds(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Ivy Stone"}, ProviderNames: []string{"Ray Okafor"}}
	text := "doctor: hi ivy, i'm doctor okafor\npatient: hi, i think this rash is poison ivy\n" +
		"doctor: yes, and the x ray of your side shows a small kidney stone too, ms stone\npatient: thanks ray"
	want := []found{{"ivy", deid.Name}, {"okafor", deid.Name}, {"stone", deid.Name}, {"ray", deid.Name}}
	for _, mode := range []struct {
		name string
		cfg  deid.Config
	}{{"rules", deid.Config{RulesOnly: true}}, {"tagger", deid.Config{}}} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			checkFound(t, newDetector(t, mode.cfg), kn, []foundCase{{"compounds", text, want}})
		})
	}
}

// runFreeCases runs cases with the rules alone and with the tagger, no
// metadata.
func runFreeCases(t *testing.T, cases []foundCase) {
	t.Helper()
	for _, mode := range []struct {
		name string
		cfg  deid.Config
	}{{"rules", deid.Config{RulesOnly: true}}, {"tagger", deid.Config{}}} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			checkFound(t, newDetector(t, mode.cfg), deid.Known{}, cases)
		})
	}
}

// TestFreeOpeningVerbs: a note's sentence that leaves out its subject
// opens with a verb in Title case, which is no name; a name after it, and
// a surname that is an English word before a verb, stay found.
func TestFreeOpeningVerbs(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"an irregular past before an eponym", "Dix-Hallpike positive. Taught Brandt-Daroff exercises; Semont maneuver as backup.", nil},
		{"an irregular past alone", "Reviewed options at length. Taught.", nil},
		{"a past before an adverb", "Stridor resolved. Watched closely for three hours, then discharged.", nil},
		{"a third person before a noun", "Brings a list of medications and a glucose log.", nil},
		{"a past at a line's start", "Pain controlled.\nSplinted the wrist in neutral.\nEducated on elevation.", nil},
		{"a name after the verb stays", "Taught Maria the exercises. Watched Dwayne closely overnight.",
			[]found{{"Maria", deid.Name}, {"Dwayne", deid.Name}}},
		{"a surname that is a word, before a verb, stays", "Fields stated she was fine. Steed reports pain. Banks denied fever.",
			[]found{{"Fields", deid.Name}, {"Steed", deid.Name}, {"Banks", deid.Name}}},
		{"a title keeps the word", "Seen with Mr. Speed today.", []found{{"Speed", deid.Name}}},
		{"a noun of no list before a participle", "HR 0.74. Benefit seen with and without diabetes. Claims denied as CO-16 go back.", nil},
		{"a listed surname before a participle stays", "Steed stated no pain. Banks seen in clinic.",
			[]found{{"Steed", deid.Name}, {"Banks", deid.Name}}},
	})
}

// TestFreePublicHonorifics: a one-word name after the honorific of a head
// of state or of a church is a public figure mentioned in passing; a given
// name or surname after "King", two name words, a title or a supplied name
// keep the person.
func TestFreePublicHonorifics(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a president with an eponymous disease", "Discussed that President Kennedy had adrenal insufficiency too.", nil},
		{"two presidents", "He admired President Lincoln and President Truman as a boy.", nil},
		{"a pope", "She prays for Pope Francis every night and finds it calming.", nil},
		{"a queen before a comma", "Like Queen Elizabeth, she takes her tea with milk.", nil},
		{"a king in lower case", "patient: i read that king charles had a prostate problem", nil},
		{"a surname after king stays", "King Okonkwo reports pain in the left knee.", []found{{"King Okonkwo", deid.Name}}},
		{"a second name word stays", "Letter signed by President Maria Lopez of the board.", []found{{"Maria Lopez", deid.Name}}},
		{"a title before stays", "Seen with Mr. King today.", []found{{"King", deid.Name}}},
	})
}

// TestFreePublicHonorificsKnown: a supplied surname after an honorific is
// the person.
func TestFreePublicHonorificsKnown(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Irene Kennedy"}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		checkFound(t, newDetector(t, cfg), kn, []foundCase{{"supplied surname", "doctor: so president kennedy of the garden club, how are you",
			[]found{{"kennedy", deid.Name}}}})
	}
}

// TestFreeDenominations: a church or faith said of a person or a thing is
// no facility and no person; the short name of a hospital after a place's
// preposition, and a person called Christian, stay found.
func TestFreeDenominations(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"what one grew up and is now", "Enjoys bingo on Wednesdays. Grew up Lutheran, now Methodist.", nil},
		{"before a noun of faith", "Family attends a Hmong Christian church; elders help decide. Strong Baptist faith.", nil},
		{"after devout and a copula", "She is a devout Catholic and prays daily. Husband is Presbyterian.", nil},
		{"a hospital's short name stays", "Transferred to Methodist for cardiac surgery.", []found{{"Methodist", deid.Location}}},
		{"a person named Christian stays", "Christian called back about the results. Spoke with Dwayne and Christian.",
			[]found{{"Christian", deid.Name}, {"Dwayne", deid.Name}, {"Christian", deid.Name}}},
	})
}

// TestFreeMeasuredEponyms: an eponymous scale, test or sign before its
// score or its result is no person; a date-shaped fraction, a title or a
// name's label keep the name.
func TestFreeMeasuredEponyms(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a score over its maximum", "Timed Up and Go 16 seconds; Berg 44/56; Tinetti 20/28.", nil},
		{"an index's abbreviation", "Katz ADL 6/6. Lawton IADL 5/8 (needs help with finances).", nil},
		{"an index's abbreviation without a score", "Katz ADL independent in 5 of 6. Lives with spouse.", nil},
		{"a test's result", "Weber midline, Rinne AC > BC bilaterally. IOP 16/17 by Goldmann applanation.", nil},
		{"a date-shaped fraction stays", "Seen by Berg 4/12 for follow up.", []found{{"Berg", deid.Name}, {"4/12", deid.Date}}},
		{"a title stays", "Saw Dr. Weber midline incision healing.", []found{{"Weber", deid.Name}}},
		{"a name's label stays", "Patient: Lena Katz ADL dependent.", []found{{"Lena Katz", deid.Name}}},
	})
}

// TestFreePublicFigures: the full name of a listed public figure,
// talked about as one (a song, a book, a film, reading or hearing about
// them), is no one of the encounter; without such a word, or with a title,
// a label, a relation, a patient's verb or a supplied part, the name stays.
func TestFreePublicFigures(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a singer heard", "Calmer after listening to Johnny Cash and Aretha Franklin on the ward radio.", nil},
		{"a scientist read about", "He has been reading about Stephen Hawking since the diagnosis of ALS.", nil},
		{"a president's biography", "Reads a Ronald Reagan biography at night; sleeps 6 hours.", nil},
		{"an actor's films", "Watched Tom Hanks films with her daughter. Mood improved.", nil},
		{"in lower case", "patient: i watch oprah winfrey every afternoon", nil},
		{"no word of fame stays", "Called Elvis Presley at home to review labs.", []found{{"Elvis Presley", deid.Name}}},
		{"a patient's verb stays", "Tom Hanks presented with chest pain after watching TV.", []found{{"Tom Hanks", deid.Name}}},
		{"a title elsewhere stays", "Mr. Hanks is anxious. Watched Tom Hanks films with her.",
			[]found{{"Hanks", deid.Name}, {"Tom Hanks", deid.Name}}},
		{"a relation stays", "Her husband Johnny Cash drove her in; they watched TV.", []found{{"Johnny Cash", deid.Name}}},
		{"a label stays", "Patient: Elvis Presley, likes music.", []found{{"Elvis Presley", deid.Name}}},
		// Deeds in history after the name, and a comparison.
		{"a discovery", "In the lecture Alexander Fleming discovered penicillin by chance.", nil},
		{"a founding", "Louis Pasteur pioneered vaccination; Marie Curie and Pierre Curie discovered radium.", nil},
		{"a vaccine developed", "Alexander Fleming discovered penicillin; Jonas Salk and Albert Sabin developed polio vaccines.", nil},
		{"a person who developed a symptom", "Jonas Salk developed a fever on the ward.", []found{{"Jonas Salk", deid.Name}}},
		{"compared to a figure", "He compared himself to Michael Jordan after the game.", nil},
		{"a figure's surname no list made part of the span", "patient: she listens to audiobooks, michelle obama's book", nil},
		{"a finding is no deed", "Tom Hanks discovered a lump in his breast.", []found{{"Tom Hanks", deid.Name}}},
		{"a deed of a name on no list stays", "Maria Lopez founded the support group.", []found{{"Maria Lopez", deid.Name}}},
		{"a comparison to a name on no list stays", "He compared himself to Maria Lopez.", []found{{"Maria Lopez", deid.Name}}},
		{"a figure beside a person: the person stays", "Maria Lopez and Louis Pasteur discovered mold.", []found{{"Maria Lopez", deid.Name}}},
		{"a given name and a surname on no list stay", "patient: she listens to audiobooks, michelle lopez's book",
			[]found{{"michelle lopez", deid.Name}}},
	})
	kn := deid.Known{PatientNames: []string{"Tom Hanks"}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		checkFound(t, newDetector(t, cfg), kn, []foundCase{{"supplied", "doctor: tom hanks, do you still watch movies",
			[]found{{"tom", deid.Name}, {"hanks", deid.Name}}}})
	}
}

// TestFreeRecurringTimes: a month, season or feast that comes back every
// year (after "every" or "each", in a list or range after it; a month a
// disease's season begins in; a feast kept by a fast) is no date; one that
// dates an event, one with a day after it, and a person named like a month
// stay.
func TestFreeRecurringTimes(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"months every year", "Seasonal Allergies Every April and May. Zyrtec on Hand.", nil},
		{"a schedule's range", "Flu shots every Tuesday through March.", nil},
		{"seasons every year", "patient: we walk every spring and fall", nil},
		{"a disease's season", "Reminder: flu season peaks in February.", nil},
		{"a fast", "Patient follows a halal diet and fasts during Ramadan.", nil},
		{"an event's month stays", "Seen in April for follow-up.", []found{{"April", deid.Date}}},
		{"an event's feast stays", "Since Easter she has had pain.", []found{{"Easter", deid.Date}}},
		{"a day after the month stays", "PT every Monday until March 3, then home exercise.", []found{{"March 3", deid.Date}}},
		{"a person named like a month stays", "Comes every Sunday with her daughter April.", []found{{"April", deid.Name}}},
		{"a month's name after a title in a list stays", "Visits every Sunday and Ms. April Jones drives her.",
			[]found{{"April Jones", deid.Name}}},
	})
}

// TestFreeHeadingWords: on a heading, a list item or a Title Case note, a
// run of capitalized words on no list of names ending in an ordinary word
// is no name; a listed name, a last word that is a surname or no English,
// and a label, a comma or a preposition before the run keep it.
func TestFreeHeadingWords(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a list item", "Wear Sturdy Boots or Shoes With Firm Soles.", nil},
		{"a Title Case note", "Bronchodilator Response Present. Spirometry Repeated Today.", nil},
		{"a listed name stays", "Follow Up With Chidi Okafor in Two Weeks.", []found{{"Chidi Okafor", deid.Name}}},
		{"a surname at the end stays", "Letter For Ngozi Fortune Sent Today.", []found{{"Ngozi Fortune Sent", deid.Name}}},
		{"a label stays", "Alias: ZEBRA, TANGO   Trauma Team Activated", []found{{"ZEBRA", deid.Name}, {"TANGO", deid.Name}}},
	})
}

// TestFreeChains: a business's "A & B's" and a listed chain's possessive
// beside another listed chain are no persons; two people's possessive and
// a chain's name with what a person has after it stay.
func TestFreeChains(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"an ampersand business", "Kids got him a bottle of Jack Daniel's and some Ben & Jerry's for his birthday.", nil},
		{"an ampersand business before a verb", "One pint of Ben & Jerry's is four servings.", nil},
		{"in lower case", "patient: i had some ben & jerry's last night", nil},
		{"chains in a list of advice", "Fast food: at Wendy's choose the grilled wrap; at McDonald's skip the large fries.", nil},
		{"two people's son stays", "Tom & Mary's son drove her in.", []found{{"Tom", deid.Name}, {"Mary", deid.Name}}},
		{"a person's car beside a chain stays", "Wendy's car broke down near Arby's on the way.", []found{{"Wendy", deid.Name}}},
		{"a person's mother beside a chain stays", "Wendy's mom took her to McDonald's.", []found{{"Wendy", deid.Name}}},
	})
}

// TestFreeSidesAndProductLists: "R > L." compares sides, it opens no
// name; a comma list of products where most items are in no span loses
// the few taken for names, and their other mentions. Names of the lists,
// and a surname after the side, stay.
func TestFreeSidesAndProductLists(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a side before a sign", "Objective: Cogwheel rigidity R > L. Glabellar tap positive (Myerson sign).", nil},
		{"a surname after a side stays", "Rigidity R > L. Lopez examined the patient.", []found{{"Lopez", deid.Name}}},
		{"a list of devices", "Options reviewed: Nexplanon, Mirena, Kyleena, Liletta, Paragard. Chose Kyleena.", nil},
		{"a list of people stays", "Visitors today: Maria, Dwayne, Tanisha and Obi.",
			[]found{{"Maria", deid.Name}, {"Dwayne", deid.Name}, {"Tanisha", deid.Name}, {"Obi", deid.Name}}},
		{"a listed name inside a list of products stays", "Seen with Maria. Options: Nexplanon, Maria, Kyleena, Liletta, Paragard.",
			[]found{{"Maria", deid.Name}, {"Maria", deid.Name}}},
	})
}

// TestFreeShowsBooksAndDrugs: a show watched on a screen, a book of two
// words read, a medicine called by its brand or that someone is on are no
// persons; a child watched, a listed name read to or watched, and a name
// of a name list after "on" stay.
func TestFreeShowsBooksAndDrugs(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"shows on a tablet", "Neb x 1. Watched Bluey and Paw Patrol on a tablet during the observation period.", nil},
		{"one show on TV", "Calm after watching Bluey on TV in the bay.", nil},
		{"a book of two words", "Dad is reading Brown Bear at bedtime; praised.", nil},
		{"a pill called by its brand", "She asked whether a pill called Tarina would work better for acne.", nil},
		{"someone on a brand", "Has been on Errin for a year; spotting resolved.", nil},
		{"a child watched stays", "He is watching Oluwaseun after school.", []found{{"Oluwaseun", deid.Name}}},
		{"a listed name watched stays", "Watched Maria closely on the monitor.", []found{{"Maria", deid.Name}}},
		{"a listed name read to stays", "Grandma is reading Rose Hill a story.", []found{{"Rose Hill", deid.Name}}},
		{"a person called so stays", "Her friend called Tarina drove her in.", []found{{"Tarina", deid.Name}}},
	})
}

// TestFreeLowerBeforeHead: a lower-case word before the head of an
// anatomical or eponymous term is the term; a supplied surname before one,
// and a listed given name, stay found.
func TestFreeLowerBeforeHead(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"carpal tunnel in a dialogue", "patient: my fingers go numb at night and i shake them out. doctor: the tinel is positive at " +
			"the wrist and phalen's reproduces it. that's carpal tunnel. a splint at night is the first step.", nil},
	})
	kn := deid.Known{PatientNames: []string{"Bianca Jones"}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		checkFound(t, newDetector(t, cfg), kn, []foundCase{{"a supplied surname before a head", "doctor: ok ms jones, jones fracture is what the x-ray shows",
			[]found{{"jones", deid.Name}, {"jones", deid.Name}}}})
	}
}

// TestFreeMoreCompounds: supplied name parts inside compounds of ordinary
// speech are the words; the same people greeted or addressed stay found.
func TestFreeMoreCompounds(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Grace Fields"}, ProviderNames: []string{"Timothy Okafor"}}
	text := "doctor: hi grace, i'm doctor okafor\npatient: hi, the insurance gives a thirty day grace period on the refill\n" +
		"doctor: and the allergy test showed timothy grass and the hay fields by your house are full of it\n" +
		"patient: ok thanks timothy"
	want := []found{{"grace", deid.Name}, {"okafor", deid.Name}, {"timothy", deid.Name}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		checkFound(t, newDetector(t, cfg), kn, []foundCase{{"compounds", text, want}})
	}
	runFreeCases(t, []foundCase{{"a grass without metadata", "Skin testing: positive to timothy grass, ragweed, cat, dust mite.", nil}})
}

// TestFreeSitesAndDevices: a site of the body in capitals and a ward
// device's brand are no places or persons; a name of the lists before a
// device and a place after "to" stay.
func TestFreeSitesAndDevices(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"auscultation sites", "Exam: 3/6 systolic murmur at RUSB radiating to carotids. Holosystolic murmur at LLSB.", nil},
		{"a quadrant", "Tender at RUQ, Murphy sign positive.", nil},
		{"a cushion's brand", "Braden 14, turned q2h, heels offloaded on Roho cushion. Morse fall score 55.", nil},
		{"a name before a device stays", "Moved Lopez walker to the hall; Lopez ambulated 20 ft.", []found{{"Lopez", deid.Name}, {"Lopez", deid.Name}}},
		{"a place after to stays", "Discharged to Maple cushion factory.", []found{{"Maple", deid.Location}}},
	})
}

// TestFreeHyphenLetterSentenceEnd: a word whose last part is one capital
// letter joined by a hyphen ends its sentence at the period after it
// ("Chick-fil-A.", "Jell-O."); the letter is no initial, so no name runs
// through it into the next sentence. An initial standing alone keeps its
// name whole, and a name in the next sentence stays found.
func TestFreeHyphenLetterSentenceEnd(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a chain's name before an opening verb", "Eats fast food 4 times a week: Taco Bell, Chick-fil-A. Drinks Gatorade and water.", nil},
		{"a dessert before an opening verb", "Ate half of dinner and the lime Jell-O. Walked twice in the hall.", nil},
		{"a middle initial stays inside the name", "Seen by John A. Smith today. Mary A. Jones called.",
			[]found{{"John A. Smith", deid.Name}, {"Mary A. Jones", deid.Name}}},
		{"a name after the sentence stays", "Had the lime Jell-O. Will Parker called after lunch.", []found{{"Will Parker", deid.Name}}},
	})
}

// TestFreeFaithList: a faith word that is also a given name is no name in
// a list of faiths; next to other names, before a verb of a person or a
// surname, it stays a name.
func TestFreeFaithList(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a list of traditions", "Chaplains of Christian, Jewish, Muslim, Hindu and Buddhist traditions are available.", nil},
		{"two faiths with or", "She asked whether the diet plan suits a Muslim or Christian family.", nil},
		{"a list of people stays", "Visitors today: Christian, Maria and Jose.", []found{{"Christian", deid.Name}, {"Maria", deid.Name}, {"Jose", deid.Name}}},
		{"a person before a verb stays", "Christian called about the refill.", []found{{"Christian", deid.Name}}},
	})
}

// TestFreeOpeningImperative: a note's sentence that opens with a verb of
// advice ("Avoid", "Take") tells the reader what to do; the verb is no
// name, and its object is none when no list of names holds it. A listed
// name after the verb stays found.
func TestFreeOpeningImperative(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a candy bar after avoid", "Peanut allergy. Avoid Snickers, pesto and trail mix.", nil},
		{"a given name after call stays", "Results are back. Call Maria tonight about them.", []found{{"Maria", deid.Name}}},
		{"a full name after call stays", "Results are back. Call Will Parker tomorrow.", []found{{"Will Parker", deid.Name}}},
		{"a surname after a title stays", "Avoid Mr. Bell's bed; he is in isolation.", []found{{"Bell", deid.Name}}},
	})
}

// TestFreeSocietyAcronym: the acronym of a medical society that is also a
// hospital's ([facacro]) is the society next to another society's acronym
// or before what a society issues; alone after a place cue, or next to a
// hospital, it stays a place.
func TestFreeSocietyAcronym(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"two societies joined", "Guidance from ACC and AHA was reviewed with the patient.", nil},
		{"a society's guidance after from", "Targets from ADA guidelines were explained.", nil},
		{"alone after a place cue stays", "Transferred to ACC today for cardiology.", []found{{"ACC", deid.Location}}},
		{"next to a hospital stays", "Records from ACC and Mercy Hospital were reviewed.",
			[]found{{"ACC", deid.Location}, {"Mercy Hospital", deid.Location}}},
	})
}

// TestFreeCapsPairInProse: two all-caps words joined by a comma inside a
// lower-case sentence, neither on a list of names, are acronyms, not a
// name written last name first; a listed name in the pair, or a label
// before it, keeps the name.
func TestFreeCapsPairInProse(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"two acronyms after with", "Urology\nBPH with LUTS, IPSS 19. On tamsulosin 0.4 mg.", nil},
		{"a listed name in the pair stays", "Urology\nSeen today with OKAFOR, GRACE in the clinic.", []found{{"OKAFOR", deid.Name}, {"GRACE", deid.Name}}},
		{"after a label stays", "Alias: ZEBRA, TANGO\nTrauma bay 2.", []found{{"ZEBRA", deid.Name}, {"TANGO", deid.Name}}},
		// A field of a delimited record holding a surname that is a word
		// and a given name; a specimen's name in a field stays.
		{"a delimited field", "EDVISIT^07/03/88^BALL, CHRISTINE", []found{{"07/03/88", deid.Date},
			{"BALL", deid.Name}, {"CHRISTINE", deid.Name}}},
		{"a specimen in a field stays", "OBX|1|ST|BLOOD, WHOLE|", nil},
	})
}

// TestFreeStagingSystem: places in parentheses right after a stage, grade
// or class and its value name the staging system; a parenthesis with other
// words, or no stage word before it, keeps the place.
func TestFreeStagingSystem(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"two systems after a stage", "Hodgkin lymphoma, classical, stage IIA (Ann Arbor / Lugano). ABVD planned.", nil},
		{"a place after a visit stays", "Lymphoma restaged at stage IIA (seen at Mercy Hospital). ABVD planned.",
			[]found{{"Mercy Hospital", deid.Location}}},
		{"no stage word stays", "She moved here last year (Ann Arbor) for work.", []found{{"Ann Arbor", deid.Location}}},
	})
}

// TestFreeCapitalsWithoutEvidence: two capitalized words on no hand-written
// list are no name when both are ordinary English words that no list of
// given names holds, or when their line is written in Title Case (a
// function word capitalized after another word), as order sets, handouts
// and headings are. Names on a list, or of words that are no English
// words, stay in the same positions.
func TestFreeCapitalsWithoutEvidence(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		// Two English words.
		{"a handout's list item", "Fall Prevention\nRemove Loose Rugs\nKeep a lamp by the bed.", nil},
		{"a shop on a sign", "The Gift Shop on Level 1 closes at 6.", nil},
		{"a diet list", "Eat More: Fruit, Vegetables, Beans, Low-Fat Dairy", nil},
		{"an order's opening pair", "Reassess Volume status within 6 hours.", nil},
		{"two English words after and", "Loves dinosaurs and Paw Patrol at bedtime.", nil},
		{"a listed name after and stays", "Loves dinosaurs and Maria Gonzalez at bedtime.", []found{{"Maria Gonzalez", deid.Name}}},
		{"unlisted words after and stay", "Came with her aunt and Chidi Blackwood today.", []found{{"Chidi Blackwood", deid.Name}}},
		{"two words with a census given name stay", "Dawn Fortune called back today.", []found{{"Dawn Fortune", deid.Name}}},
		{"two unlisted non-words stay", "Seen today by Chidi Blackwood.", []found{{"Chidi Blackwood", deid.Name}}},
		// Title Case lines.
		{"an order with a brand", "Wound Care Orders\nApply Mepilex Border, Change Every Three Days", nil},
		{"a notify line", "Notify Provider If Drainage Increases", nil},
		{"a brand after a capitalized with", "Clean With Clorox Bleach Wipes", nil},
		{"grab bars by the toilet", "Grab Bars By the Toilet", nil},
		{"shoes with backs", "Wear Shoes With Backs, Not Slippers", nil},
		{"a listed name on a Title Case line stays", "Follow Up With Maria Gonzalez in Two Weeks",
			[]found{{"Maria Gonzalez", deid.Name}}},
		{"a census surname after a listed name stays", "Follow Up With Chidi Okafor", []found{{"Chidi Okafor", deid.Name}}},
		{"unlisted words of no English on a Title Case line stay", "Referral Letter For Ifeoluwa Nwachukwuike", []found{{"Ifeoluwa Nwachukwuike", deid.Name}}},
		{"unlisted words of no English after Title Case words stay", "Seen In Clinic By Ifeoluwa Nwachukwuike Today", []found{{"Ifeoluwa Nwachukwuike", deid.Name}}},
		{"a name after a title on a Title Case line stays", "Discuss With Dr. Blackwood Before Discharge",
			[]found{{"Blackwood", deid.Name}}},
		{"unlisted words in a sentence stay", "Chidi Blackwood called back with questions.", []found{{"Chidi Blackwood", deid.Name}}},
	})
}

// TestFreeHeadingCommonNouns: on a heading, a list item or a Title Case
// line, capitals say nothing, so an ordinary English word after a
// preposition is a common noun, not a place, and a heading's words may
// start with a surname that is also an English word. A word on a list of
// towns or hospitals' names, a facility's name and a given name keep the
// span.
func TestFreeHeadingCommonNouns(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a backpack", "School Medication Form\nInhaler May Be Carried in Backpack\nMay Return to Full Activity After Clearance", nil},
		{"a toilet", "Fall Prevention Handout\nGrab Bars Near the Toilet\nNight Lights in the Hallway", nil},
		{"a season", "Immunization Handout\n6 Months: Add Flu Vaccine in Season\n12 Months: MMR", nil},
		{"a school subject", "Gym Note\nPlease Excuse From Physical Education Until Cleared\nInhaler May Be Kept in Locker", nil},
		{"at school and at bedtime", "Allergy Action Plan\nCetirizine Allowed at School. Drops Given at Bedtime.", nil},
		{"a surname that is a word opening a list item", "Winter Handout\nWear Boots or Shoes With Good Tread.", nil},
		{"a zone of an action plan", "Asthma Action Plan\nGreen Zone: Flovent Two Puffs Twice Daily\nYellow Zone: Add Albuterol", nil},
		{"a town on a Title Case line stays", "Transfer Summary\nPatient Moved to Springfield After Discharge",
			[]found{{"Springfield", deid.Location}}},
		{"a hospital's name on a Title Case line stays", "Discharge Instructions\nFollow Up at Mercy in Two Weeks",
			[]found{{"Mercy", deid.Location}}},
		{"a facility's name of English words on a Title Case line stays", "Discharge Instructions\nFollow Up at One Community Health in Two Weeks",
			[]found{{"One Community Health", deid.Location}}},
		{"a rehab's name on a Title Case line stays", "Transfer Note\nTransferred to Sunrise Rehab on Day 3",
			[]found{{"Sunrise Rehab", deid.Location}}},
		{"a given name before a word surname stays", "Discharge Instructions\nFollow Up With Rose Good in Two Weeks",
			[]found{{"Rose Good", deid.Name}}},
	})
}

// TestFreeListsTitlesAndOwners: a chain's possessive beside a listed
// chain of two words, a show's title that goes on over "of", a heading
// word that is a census given name and an English word, and a kind of
// place after a possessive determiner are none; a person's possessive, a
// given name after "watched", a name of no English on a heading and a
// place's name after the determiner stay.
func TestFreeListsTitlesAndOwners(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a chain beside a listed chain", "Eats fast food often: Wendy's, Taco Bell, Chick-fil-A.", nil},
		{"a person's possessive beside a listed chain stays", "Wendy's mom took her to Taco Bell.", []found{{"Wendy", deid.Name}}},
		{"a show's title over of", "Ate half of dinner; enjoyed the Jell-O. Watched Wheel of Fortune with roommate.", nil},
		{"a given name after watched stays", "Watched Maria of the night shift help the roommate.", []found{{"Maria", deid.Name}}},
		{"a census given name that is a word on a heading", "Infection Control Notice\nNorovirus Season Begins in November", nil},
		{"a name of no English on a heading stays", "Follow Up Notice\nMeet With Chidi Season Today", []found{{"Chidi Season", deid.Name}}},
		{"a kind of place after your", "Anticoagulation Handout\nDo Not Stop Without Talking to Your Care Team", nil},
		{"a kind of place after any", "Flu Bulletin\nGet Your Shot at Any Clinic or Pharmacy", nil},
		{"a place's name after any stays", "Shots are given at any Riverside Clinic site.", []found{{"Riverside Clinic", deid.Location}}},
		{"a place's name after your stays", "Call your Riverside Clinic before you stop it.", []found{{"Riverside Clinic", deid.Location}}},
		{"a place's name after my stays", "She works at my Riverside Clinic.", []found{{"Riverside Clinic", deid.Location}}},
	})
}

// TestFreeThingsNamedAfterPeople: a name before a plural noun of works, a
// brand between "a" and a noun of its user, a make before a model number
// and a society's acronym before what it issues on a Title Case line name
// no one of the encounter; a person given the works, a name set apart by
// commas, an initial with its period and a name that is no acronym stay.
func TestFreeThingsNamedAfterPeople(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"an author before her novels", "Reads large print Agatha Christie novels.", nil},
		{"a person given novels stays", "Brought Maria Lopez novels from the library.", []found{{"Maria Lopez", deid.Name}}},
		{"a person read to stays", "Read Rose Hill poems at night.", []found{{"Read Rose Hill", deid.Name}}},
		{"a brand before smoker", "Quit after 40 pack-years; was a Marlboro Red smoker.", nil},
		{"a person beside smoker stays", "Lives with a Maria Lopez, a smoker.", []found{{"Maria Lopez", deid.Name}}},
		{"a make before its model", "Notes he drives a Ford F-150 to job sites.", nil},
		{"a compound ending in a capital letter", "Protein choices: at Chick-fil-A the grilled nuggets are fine.", nil},
		{"a hyphenated given name stays", "Seen with Mary-Kate today.", []found{{"Mary-Kate", deid.Name}}},
		{"a hyphenated town stays", "Lives in Stoke-on-Trent now.", []found{{"Stoke-on-Trent", deid.Location}}},
		{"a drug a prophylaxis is given with", "Travel Clinic\nGoing to Peru and Bolivia for a trek. Yellow fever vaccine, typhoid, malaria prophylaxis with Malarone. Hepatitis A booster. Altitude sickness: acetazolamide standby.", nil},
		{"a person seen with stays", "Travel Clinic\nGoing to Peru and Bolivia for a trek. Yellow fever vaccine, typhoid; seen with Chidi today. Hepatitis A booster.", []found{{"Chidi", deid.Name}}},
		{"a society's guidance on a Title Case line", "Urology Clinic\nProstate Cancer Screening Per USPSTF Guidance.", nil},
		{"a name before guidance stays", "Urology Clinic\nProstate Cancer Screening Per Chidi Guidance.", []found{{"Chidi Guidance", deid.Name}}},
	})
}

// TestFreeSeasonAnswersWhen: a season alone answering "when" is the time,
// even where the platform supplied the name Summer; the supplied name
// answering "who", or before a relation, stays. (A supplied name that is
// a season, alone before a verb at a turn's start, "autumn can come
// tuesday", is not found with or without this rule.)
func TestFreeSeasonAnswersWhen(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Summer Fields"}, RelativeNames: []string{"Autumn Reyes"}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		checkFound(t, newDetector(t, cfg), kn, []foundCase{
			{"a season answering when", "doctor: your allergies get worse when\npatient: summer, when they cut the hay by us\ndoctor: ok", nil},
			{"the name answering who stays", "doctor: and who is this with you\npatient: autumn, my sister\ndoctor: hi there",
				[]found{{"autumn", deid.Name}}},
			{"the name before a relation stays", "doctor: when can someone drive you\npatient: autumn, my sister, can come tuesday\ndoctor: ok",
				[]found{{"autumn", deid.Name}}},
		})
	}
}

// TestVerbOpeningTerseNote: a terse note opens a sentence with the verb and
// leaves the subject out ("Plays Minecraft daily.", "Watches Netflix in
// bed."): the verb and the capitalized word after it are no name pair. A
// listed name after such a verb, and a pair of names before a verb, stay
// names. Written for this test.
func TestVerbOpeningTerseNote(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"watches", "Advised against Ambien. Watches Netflix in bed.", nil},
		{"plays", "Plays Minecraft daily.", nil},
		{"drinks", "Drinks Coca-Cola Zero and Gatorade.", nil},
		{"enjoys", "Enjoys Pickleball twice weekly.", nil},
		{"a name pair before a verb stays", "Chidi Blackwood presents with pain.", []found{{"Chidi Blackwood", deid.Name}}},
	})
}

// TestServicesAndAgenciesStay: a kind of pharmacy, a verb with a prefix on
// no word list, a service phoned, a national lab and an agency are no
// identifiers ("sent to preferred pharmacy", "Can you resubmit?", "called
// Poison Control", "bill from Quest Diagnostics", "referred to DHHS");
// the same shapes with a name stay found. From a review's PHI-free probes.
func TestServicesAndAgenciesStay(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a kind of pharmacy", "Pt requesting refill of albuterol inhaler; sent to preferred pharmacy.", nil},
		{"a prefixed verb", "We submitted the form twice. Can you resubmit?", nil},
		{"a service phoned", "Pt called Poison Control from home; daughter called Adult Protective Services.", nil},
		{"a national lab and an agency", "Pt called regarding bill from Quest Diagnostics; referred to DHHS.", nil},
		{"a person called and a name greeted stay", "He called Maria Lopez back. thank you reshma", []found{{"Maria Lopez", deid.Name}, {"reshma", deid.Name}}},
	})
}

// TestTitleAfterAYear: a doctor right after a year in a history list is
// the person ("L TKA 2018 Dr. Ainsworth": a number before a title had
// made it a unit's); milliseconds and a valve's grade stay. From a review's
// probes of written notes.
func TestTitleAfterAYear(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a year before Dr.", "- L TKA 2018 Dr. Ainsworth\n- Seen 2019 Dr Okafor", []found{{"Ainsworth", deid.Name}, {"Okafor", deid.Name}}},
		{"units and grades stay", "QTc 450 ms. Moderate 2+ MR. Mild 1+ TR.", nil},
	})
}

// TestSignaturesOfWrittenNotes: a signer's surname after a middle initial
// though a disease is named after it ("Byron M. Mallory, MD"; a
// Mallory-Weiss tear stays), the author's and typist's initials of a
// dictated note ("JPK/ac 06/14/2023", "BMM/jf") and initials after a
// label of who did the work ("Tech: lmb / Reviewed: HGW"); abbreviations
// joined by a slash in a sentence and an answer after a label stay.
// From a second review's probes of written notes.
func TestSignaturesOfWrittenNotes(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a surname a disease is named after", "Authenticated by Byron M. Mallory, MD\nEGD: Mallory-Weiss tear.",
			[]found{{"Byron M. Mallory", deid.Name}}},
		{"author and typist", "Leads left in situ.\nJPK/ac\nBMM/jf", []found{{"JPK", deid.Name}, {"ac", deid.Name}, {"BMM", deid.Name}, {"jf", deid.Name}}},
		{"author and typist after the stamps, with a colon", "D: 07/15/2024 09:31 / T: 07/15/2024 12:02  JA/dlr\nCW:jlp  D: 01/14/2025 10:52",
			[]found{{"07/15/2024 09:31", deid.Date}, {"07/15/2024 12:02", deid.Date}, {"JA", deid.Name}, {"dlr", deid.Name}, {"CW", deid.Name}, {"jlp", deid.Name}, {"01/14/2025 10:52", deid.Date}}},
		{"a tech and a reviewer", "Units crossmatched x2.\nTech: lmb / Reviewed: HGW", []found{{"lmb", deid.Name}, {"HGW", deid.Name}}},
		{"abbreviations and answers stay", "BP/hr stable\nICU/er transfer\nOD/os equal\nReviewed: yes\nVerified: ok with pt", nil},
		{"an acronym of a test and a reporting system", "EGFR negative by NGS. Reported to VAERS.", nil},
		// blind8's team lines: the next label after a credential, a label
		// ending in a credential, credentials of nurse practitioners.
		{"labels after credentials", "Nurse: Brandy Shifflett, RN   Anesthesia: MAC by Wen-Li Chao, CRNA\nClinician: Charmaine Guidry, RN   Supervising MD: Dr. Percy Lirette",
			[]found{{"Brandy Shifflett", deid.Name}, {"Wen-Li Chao", deid.Name}, {"Charmaine Guidry", deid.Name}, {"Percy Lirette", deid.Name}}},
		// A second review's probes: exam shorthand after a wide gap or at a
		// line's start is no initials; a surname as a label after a
		// credential and a title before a surname in prose stay names.
		{"exam shorthand stays", "Vitals stable  BP:nl\nLungs clear  CV:rrr\nBP:nl\nPupils equal  OD/os", nil},
		{"initials after a sentence's end", "Dictated but not read.  PTS:jw", []found{{"PTS", deid.Name}, {"jw", deid.Name}}},
		{"a surname as a label and a title in prose", "Gina Holt, RN   Bell: aware\nPer handoff, RN Bishop notified.",
			[]found{{"Gina Holt", deid.Name}, {"Bell", deid.Name}, {"Bishop", deid.Name}}},
		{"a nurse practitioner's credentials", "Provider: Mette Rasmussen, PMHNP\nM. Rasmussen, PMHNP-BC", []found{{"Mette Rasmussen", deid.Name}, {"M. Rasmussen", deid.Name}}},
		{"electrolytes with their values", "Critical value called: K 6.8 on the specimen. Previously reported Na 118 was from the wrong patient.", nil},
		{"an initial before a name stays a name", "Seen with K. Patel, NP.", []found{{"K. Patel", deid.Name}}},
		{"a clinician before a credential that is a state", "Vitals by (Kaitlyn Brewster, MA). I, Sebastian Kowal, PA-C, attest.",
			[]found{{"Kaitlyn Brewster", deid.Name}, {"Sebastian Kowal", deid.Name}}},
		{"towns before the same states stay towns", "Lives in Springfield, MA; moved from Baltimore, MD.", locs("Springfield", "Baltimore")},
	})
}

// TestPeoplesAndClinicalWordsStay: a people named before a noun of its
// community or speech is no person ("many Karen refugees", "Karen
// speakers"), and a clinical adjective the word list lacks is no name said
// to someone ("Now oliguric."); a person of the same name stays. Written
// for this test.
func TestPeoplesAndClinicalWordsStay(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a people", "The clinic serves many Karen refugees from Burma. Karen speakers need an interpreter.", nil},
		{"a clinical adjective", "Received 10 vials ASV before referral. Now oliguric. When to start dialysis?", nil},
		{"a person of the same name", "I spoke with Karen about it.", typed(deid.Name, "Karen")},
		{"races joined", "Hypertension in Black and American Indian adults, and in White or Hispanic patients.", nil},
		{"a town named like a race", "We moved to Black and then to Dothan.", locs("Black", "Dothan")},
	})
}

// A classification named after a person or a place and its grade: with
// "type", "class", "grade" or "stage" and a Roman numeral, a letter or a
// small number, or a subgrade's Roman numeral and letter right after the
// name. A person's generation ("Forrest III") and a state after a town
// ("Ames IA") are no grade.
func TestClassificationGrades(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a letter after type", "Weber type B ankle fracture, splinted.", nil},
			{"a place's classification", "Vancouver type B2 periprosthetic fracture around the stem.", nil},
			{"a subgrade after the name", "EGD: Forrest IIb ulcer in the duodenal bulb. Calf claudication at 200 m, Fontaine IIb.", nil},
			{"a subgrade also found alone", "Forrest IIb ulcer in the duodenum.\nRepeat EGD for the Fontaine IIb.", nil},
			{"a generation stays a name", "Seen with his father, Robert Forrest III, who drove.", []found{{"Robert Forrest III", deid.Name}}},
			{"a state after a town", "Moved here from Ames IA last year.", []found{{"Ames", deid.Location}}},
		})
	}
}

// A brand on no list, the object of an order's verb that opens its
// sentence or of "controlled with", with nothing after it but the end, a
// dose or how it is given, is a drug; a person after such a verb has an
// object after the name, or a listed name.
func TestBrandsAfterOrders(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"orders", "Restarted Cellcept. Gave Kayexalate 30 g. Hold Coreg for hypotension. Pain controlled with Toradol.", nil},
			{"a person after gave", "Gave Destinee the discharge forms. Gave Maria 2 copies.", []found{{"Destinee", deid.Name}, {"Maria", deid.Name}}},
			// A review's probes: a count, an age or another person after
			// the name.
			{"people with counts and ages", "Gave Keonte 2 copies of the work note. Gave Zyaire, 4 years old, amoxicillin. Gave Amarachi and Chidi their cards.",
				[]found{{"Keonte", deid.Name}, {"Zyaire", deid.Name}, {"Amarachi", deid.Name}, {"Chidi", deid.Name}}},
		})
	}
}

// Look-alikes of blind11's tuning part, written for this test in the same
// shapes: a role in Spanish as a speaker's tag, acronyms in the plural,
// interjections opening a turn, a procedure or a hospital's system after
// "to", a verb after a town and its comma, the ZIP code's label after an
// address, and what a clinic cares for before "clinic". The names, places
// and identifiers around them are still found.
func TestLookalikesOfBlind11(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a role in Spanish", "Urólogo: Buenas tardes. Siéntese.\nPatient: Hello.\nUrólogo: Let me check your temperature.\nPatient: Okay.", nil},
			{"acronyms in the plural", "2. Multiple SKs and AKs on scalp, LN2 x 14. Frequent PVCs on telemetry.", nil},
			{"interjections", "Triage Nurse: Ha, easy to remember. Any history?\nPatient: My wife, Kylie.\nTriage Nurse: Righto. Take a seat.",
				[]found{{"Kylie", deid.Name}}},
			{"procedures and systems", "CT uploaded to PACS today. We will proceed to EBUS at Derriford Hospital.", locs("Derriford Hospital")},
			{"a verb after a town", "Pre-op: 86 yo M from Kotzebue, fell at his daughter's home.", locs("Kotzebue")},
			{"a noun after a town stays a town", "Flies between Anchorage, homer on weekends.", locs("Anchorage", "homer")},
			{"a surname as a speaker's tag", "Nieto: How are you feeling today?\nPatient: Better.\nNieto: Good, any pain?", []found{{"Nieto", deid.Name}, {"Nieto", deid.Name}}},
			{"the ZIP code's label", "Patient: Yes, 4150 Gulf Hwy, Lot 22. Zip 70607.",
				[]found{{"4150 Gulf Hwy, Lot 22", deid.Location}, {"70607", deid.ZIP}}},
			{"what a clinic cares for", "I'll refer you to the falls clinic at Dunedin Hospital.", locs("Dunedin Hospital")},
			{"a protocol and public services", "Protocol: Bruce. Exercise time 8:15.\nSafety: Poison Control number on the fridge. Bright Futures guidance given.", nil},
			{"a person after a protocol's label", "Protocol: Okafor to sign off.", []found{{"Okafor", deid.Name}}},
			{"a label's first word", "Autopsy: No (external exam only, investigator T. Kessler).\nFuneral home: on file\nMaria said: no pain",
				[]found{{"T. Kessler", deid.Name}, {"Maria", deid.Name}}},
			{"a kind after an article", "patient i'm a righty and i bowl every thursday\n[doctor] my m a lupita will bring you crutches", []found{{"lupita", deid.Name}}},
		})
	}
}

// Fields and streets as blind11's notes write them, written for this test
// in the same shapes: a chart's number after its label alone, a unit
// record number, a health services number and a Medicare number whose
// last group is short before a form's wide gap; an age after a label of
// an event; a street named by an ordinal past the thirty-first. Words
// after such labels that are no identifiers stay.
func TestFieldsAndStreetsOfBlind11(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"labels of numbers", "Sask. HSN: 918 442 163\nUR No: RDH 0711-4428     Medicare: 5102 73948 2     Seen: today",
				[]found{{"918 442 163", deid.HealthPlan}, {"RDH 0711-4428", deid.MRN}, {"5102 73948 2", deid.HealthPlan}}},
			{"no numbers after the labels", "Chart: reviewed. Chart 2 of 3 signed. Growth chart: 50th percentile. Chart: 1500 mL fluid restriction.", nil},
			{"ages at events (under 90 no identifier)", "Age at death: 94\nAge of onset: 92\nAge at diagnosis: 45\nMRN: 4471902   Age at enrollment: 91",
				[]found{{"94", deid.Age}, {"92", deid.Age}, {"4471902", deid.MRN}, {"91", deid.Age}}},
			{"ages of things", "Age of wound: 120 days\nAge of blood unit: 98 hours at transfusion.\nAge of fracture: 93 days on imaging.", nil},
			{"a street past the thirty-first", "Lives alone on West 38th Street, Erie. Took 38th place in the race.", locs("West 38th Street", "Erie")},
		})
	}
}
