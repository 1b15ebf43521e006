package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestUnsuppliedNamesAddressed: lower-case names with no metadata, found by
// the position a person is addressed, greeted, introduced or related in;
// the same words used as words, in lists or as answers, stay.
func TestUnsuppliedNamesAddressed(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"so before a clause", "doctor: so jamal you're eighty two now right", []found{{"jamal", deid.Name}}},
		{"so before a comma", "doctor: so kenneth , tell me what's going on", []found{{"kenneth", deid.Name}}},
		{"so rosy stays", "patient: my cheeks are so rosy today", nil},
		{"vocative set off", "doctor: okay lorenzo , so your breathing is better ?", []found{{"lorenzo", deid.Name}}},
		{"word name set off", "doctor: okay jen , we'll get some labs", []found{{"jen", deid.Name}}},
		{"word name before let's", "doctor: alright colleen let's get you up on the table", []found{{"colleen", deid.Name}}},
		{"pleasantry", "doctor: nice to meet you frank", []found{{"frank", deid.Name}}},
		{"relation", "patient: this is my husband frank", []found{{"frank", deid.Name}}},
		{"possessive relation", "patient: hi i'm devon's mom", []found{{"devon", deid.Name}}},
		{"patient is", "doctor: next patient is lorenzo gutierrez , he's here for his copd", []found{{"lorenzo gutierrez", deid.Name}}},
		{"unlisted surname", "patient: no i switched to angela brightwater she's a nurse practitioner", []found{{"angela brightwater", deid.Name}}},
		{"apostrophe after title", "patient: i was seeing dr. o'connell but she retired", []found{{"o'connell", deid.Name}}},
		{"caps subject before age", "DAISY MCALLISTER IS A 67 Y/O F SEEN FOR F/U", []found{{"DAISY MCALLISTER", deid.Name}}},
		{"endearment", "doctor: alright buddy , hop up here", nil},
		{"list item", "neuro: a+ox3, mae, c/o incisional pain 5/10", nil},
		{"answer", "nurse: what did you find in the couch\npatient: penny yeah", nil},
		{"quantifier", "patient: my husband said every penny we spend on this better work", nil},
		{"inflected verb after a name", "her daughter june manages her pill box", []found{{"june", deid.Name}}},
		{"relation before an unlisted name", "patient: and my sister marijke had colon cancer", []found{{"marijke", deid.Name}}},
		{"relation before a verb off the lists", "patient: my husband brought me and my wife thinks so", nil},
		{"contraction after a relation", "patient: my husband hasn't slept", nil},
		{"irregular verb after a name", "patient: angela brought the forms", []found{{"angela", deid.Name}}},
		{"call her", "interpreter: she says please call her marisol", []found{{"marisol", deid.Name}}},
	})
}

// TestNicknamesInitialsAndCareCenters: a quoted nickname beside a name, a
// middle initial on a form, a lower-case center named before its kind of
// care; a quoted ordinary word and a generic center stay.
func TestNicknamesInitialsAndCareCenters(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"quoted before a name", `Pt "Bubba" Wendell Pruitt found down.`, []found{{"Bubba", deid.Name}, {"Wendell Pruitt", deid.Name}}},
		{"quoted word stays", `He yelled "Stop" and left.`, nil},
		{"after a relation opening the sentence", `Friend "Skeeter" at bedside. Wife "Boo" reachable.`, []found{{"Skeeter", deid.Name}, {"Boo", deid.Name}}},
		{"an answer in quotes after a relation stays", `Son "Ok" with plan. his son "ok" with plan`, nil},
		{"middle initial", "First: Mariam          MI: S\nDOB: 01/19/1994", []found{{"Mariam", deid.Name}, {"S", deid.Name}, {"01/19/1994", deid.Date}}},
		{"MI history stays", "Hx: MI: 2019, stent", nil},
		{"care center", "relative: the one at the kellogg eye center", []found{{"kellogg eye center", deid.Location}}},
		{"generic center stays", "doctor: the regional cancer center called", nil},
		{"senior center", "daughter: the maplewood senior center on church road", []found{{"maplewood senior center", deid.Location}, {"church road", deid.Location}}},
		{"a day centre named", "daughter: he goes to kellogg day center on tuesdays", locs("kellogg day center")},
		{"a kind of centre stays", "She attends the day centre twice weekly. He goes to the adult day center and the community center.", nil},
		{"generic senior and nursing centers stay", "patient: i go to the senior center on tuesdays, the nursing center called, the local senior center has lunch", nil},
	})
}

// TestBusinessStreetsAndCampuses: a pharmacy on a street named like a town
// in run-on speech, a University of California campus; ulcerative colitis
// and "on call" stay.
func TestBusinessStreetsAndCampuses(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"pharmacy on a street", "mother: can you send it to the pharmacy on colfax the walgreens", []found{{"colfax", deid.Location}}},
		{"on call stays", "doctor: the pharmacy on call can help", nil},
		{"campus", "patient: since i started at uc davis i can't sleep", []found{{"uc davis", deid.Location}}},
		{"colitis stays", "UC flare on mesalamine, UC patients", nil},
	})
}

// TestSuppliedNamesInTagsAndWishes: a supplied name that is also a word,
// greeted after a speaker tag with joiners ("spk_0:"), or wished a good
// time.
func TestSuppliedNamesInTagsAndWishes(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{PatientNames: []string{"Major Thibodeaux"}}, []foundCase{
		{"greeting after spk_0", "spk_0: morning major\nspk_1: morning doc", []found{{"major", deid.Name}}},
		{"major word stays", "spk_0: that is a major surgery", nil},
	})
	checkFound(t, d, deid.Known{PatientNames: []string{"Summer Blackwood"}}, []foundCase{
		{"wish", "doctor: and summer have a great time in spain", []found{{"summer", deid.Name}}},
		{"season stays", "doctor: in the summer we have a great time", nil},
	})
}

// TestSuppliedNamesUsedAsWords: a supplied name that is also a word, used
// as the verb after "let me" or as an adjective after "nice", stays.
func TestSuppliedNamesUsedAsWords(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{PatientNames: []string{"Page Whitley"}}, []foundCase{
		{"verb", "resident: ok let me page the fellow", nil},
		{"name", "resident: ok page let me look", []found{{"page", deid.Name}}},
	})
	checkFound(t, d, deid.Known{PatientNames: []string{"Sunny Khatri"}}, []foundCase{
		{"adjective", "patient: it was a nice sunny day", nil},
	})
}

// TestTaggerLeavesWords: with the tagger on, an endearment and the plural
// of an ordinary word stay.
func TestTaggerLeavesWords(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"endearment", "[patient] hi honey\n[doctor] ok buddy let me look", nil},
		{"plural", "spk_1: they burn at night like pins and needles", nil},
	})
}

// TestGermanFacilities: "Klinikum", "Krankenhaus" open a facility's name
// as the Romance prefix words do; "Hospital Medicine" stays.
func TestGermanFacilities(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"klinikum", "Source: Klinikum rechts der Isar, records received", []found{{"Klinikum rechts der Isar", deid.Location}}},
		{"hospital medicine", "Hospital Medicine consult called", nil},
	})
}

// TestSpokenCommaInNumber: "comma" said between the digit groups of a
// spoken record number joins them.
func TestSpokenCommaInNumber(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"comma", "doctor: and the mrn is eight eight one two comma four four oh nine",
			[]found{{"eight eight one two comma four four oh nine", deid.MRN}}},
	})
}

// TestLowerCasePlacesInSpeech: a town placed by a direction, a lead word
// and its name, the first words answering "where do you live".
func TestLowerCasePlacesInSpeech(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"answer", "ortho pa: where do you live\npatient: round rock just north of austin\northo pa: ok",
			[]found{{"round rock", deid.Location}, {"austin", deid.Location}}},
		{"answer is a clause", "doctor: and where do you live now\npatient: i live with my daughter", nil},
		// The pronoun of a contraction opening the answer is no place
		// ("we're" had been read as one).
		{"a contraction opens the answer", "doctor: where do you live now\npatient: we're over in pine ridge\ndoctor: where are you living\npatient: i'm in a home",
			[]found{{"pine ridge", deid.Location}}},
		{"lead word", "patient: twenty years out of fort polk", []found{{"fort polk", deid.Location}}},
		{"lake", "patient: walking the dog near lake merritt", []found{{"lake merritt", deid.Location}}},
		{"port word stays", "nurse: flush it at port access", nil},
		{"direction without a town", "patient: north of the river", nil},
	})
}

// TestPlacesAnsweringWhichAndWhere: the answer to "you live where", to
// "which hospital", "what town" or "which pharmacy", and after "at" or
// "for" to "where do you work", is a place; an answer that is a clause, a
// thing said with "the" or "one", or a job, is not. Written for this test.
func TestPlacesAnsweringWhichAndWhere(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"live where", "nurse: and you live where\npatient: kettleby flats, by the feed store",
			[]found{{"kettleby flats", deid.Location}}},
		{"a name past an apostrophe", "doctor: which hospital were you at\npatient: st joseph's in the valley",
			[]found{{"st joseph's", deid.Location}}},
		{"an abbreviation's dot", "doctor: which clinic\npatient: mt. sinai urgent care, downtown", nil},
		// (A state is no identifier under Safe Harbor: it stays.)
		{"a state after its town", "doctor: what town did you move from\npatient: fort wayne indiana",
			[]found{{"fort wayne", deid.Location}}},
		{"a preposition going on after the place", "doctor: ok and where does she live\ninterpreter: in gulfton with her son",
			[]found{{"gulfton", deid.Location}}},
		{"English words before a preposition stay", "doctor: where do you live\npatient: alone in a flat\ndoctor: where do you live now\npatient: downtown with my sister", nil},
		{"English words answering which", "doctor: which pharmacy do you use\npatient: mail order", nil},
		{"English words answering live where", "nurse: you live where\npatient: same place, nothing changed", nil},
		{"English words at work", "doctor: where do you work\npatient: at home mostly", nil},
		{"which hospital", "doctor: which hospital did they take you to\npatient: mercy west, in the ambulance",
			[]found{{"mercy west", deid.Location}}},
		{"what town", "doctor: what town is that in\npatient: oakhurst",
			[]found{{"oakhurst", deid.Location}}},
		{"which pharmacy", "nurse: which pharmacy do you use\npatient: um fenwick drugs",
			[]found{{"fenwick drugs", deid.Location}}},
		{"where do you work", "doctor: where do you work\npatient: at halvorsen freight, on the docks",
			[]found{{"halvorsen freight", deid.Location}}},
		{"a thing said with the", "nurse: which pharmacy do you use\npatient: the one by my house", nil},
		{"a job", "doctor: where do you work\npatient: construction mostly", nil},
		{"not remembered", "doctor: which hospital did they take you to\npatient: i don't remember", nil},
		{"which side", "doctor: which arm is it\npatient: left, mostly", nil},
		{"which area of pain", "doctor: what area is sore\npatient: lower back", nil},
		{"a statement with where", "patient: i grew up in a town where it snowed\ndoctor: good, and now", nil},
		{"a school's grade", "doctor: what school do you go to\npatient: ninth grade now", nil},
		{"an operation", "doctor: what surgery did you have\npatient: gallbladder out", nil},
		{"home medicines", "nurse: what home meds do you take\npatient: stretches and tylenol", nil},
	})
}

// TestUnlistedNameAskedAfterFiller: a word on no list, called after a
// filler and asked a question, is a name; an English word there is not.
// Written for this test.
func TestUnlistedNameAskedAfterFiller(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after um", "nurse: we'll change the dressing now um thandiwe do you want the chair", []found{{"thandiwe", deid.Name}}},
		{"after ok", "doctor: ok oyelowo can you lie back for me", []found{{"oyelowo", deid.Name}}},
		{"an English word stays", "doctor: ok walking can you do that without the cane", nil},
	})
}

// TestVocativeAfterAndWithinATurn: a supplied name that is a common word,
// set off after "and" opening a sentence inside a turn, before what is
// said to the person ("i'll write it down. and storm, here's a sticker");
// the word in a sentence stays. Written for this test.
func TestVocativeAfterAndWithinATurn(t *testing.T) {
	t.Parallel()
	known := deid.Known{PatientNames: []string{"Storm Whitecloud"}}
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, known, []foundCase{
			{"and, set off, before what is said to them", "doctor: then ask her to smoke outside. and storm, here's a sticker, the purple one.",
				[]found{{"storm", deid.Name}}},
			{"at the turn's start", "doctor: and storm, thanks for coming in.", []found{{"storm", deid.Name}}},
			{"the word stays", "mom: there was a big storm, here's the thing, the wind.", nil},
		})
	}
}

// TestDiscourseVocativesInPunctuatedSpeech: a capitalized given name set
// off after a discourse word or a greeting opening the sentence, closing
// it, as punctuated transcripts write the person addressed; a given name
// that is also an English word is the word said in answer there ("Yes,
// Will.", "Oh, Mercy.", a review's probes), and a month or a word of no
// list of given names stays. Written for this test.
func TestDiscourseVocativesInPunctuatedSpeech(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after yeah", "Doctor: Is this Dad?\nDad: Yeah, Leland. Hi.", []found{{"Leland", deid.Name}}},
			{"after thank you", "Patient: Thank you, Grace.", []found{{"Grace", deid.Name}}},
			{"no given name stays", "Patient: Okay, Great. Yes, May. Sure, Doc.", nil},
			{"words that are names too stay", "Doctor: Another draw, sorry.\nPatient: Oh, Mercy.\nDoctor: Call if worse?\nPatient: Yes, Will.\nDoctor: When is it worse?\nPatient: Um, Summer.", nil},
		})
	}
}

// TestNamesConfirmed: the name a speaker checks with the person ("It's
// Lachlan, isn't it?", "You're Marisol, right?"); a day, a drug or a town
// checked so names no one. Written for this test.
func TestNamesConfirmed(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"it's, isn't it", "Doctor: G'day, come through. It's Lachlan, isn't it?", []found{{"Lachlan", deid.Name}}},
			{"you're, right", "Nurse: You're Marisol, right?", []found{{"Marisol", deid.Name}}},
			{"a day or a drug stays", "It's Friday, isn't it? It's Tylenol, right?", nil},
		})
	}
}
