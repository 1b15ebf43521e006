package deid_test

import (
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSuppliedWordNamesInRunOnTurns: a supplied name that is a word, said
// inside a run-on turn where the words on both sides make it the person
// (dialogues-known6): between two clauses, before a request, the person
// told before what is told, last in the text after a stretch of time, two months named
// together before what is said to them, "or X either way", "last X" after
// a first name, a relation with "also", a given name's initial after a
// title and a two-letter surname spelled after its label. The controls
// keep the word where a preposition, an article or the clause makes it
// one. Sentences written for this test.
func TestSuppliedWordNamesInRunOnTurns(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text, word string
		kn               deid.Known
		removed          bool
	}{
		{"between clauses", "the thyroid is low dawn so we need to start a pill", "dawn", deid.Known{PatientNames: []string{"Dawn Ogunleye"}}, true},
		{"between clauses, verb name", "the pressure is up rose and i think we should add a pill", "rose", deid.Known{PatientNames: []string{"Rose Ogunleye"}}, true},
		{"after breaking up", "you're breaking up glen i'll call you on the phone", "glen", deid.Known{PatientNames: []string{"Glen Ashby"}}, true},
		{"months addressed, first", "june and may your parents had a theme", "june", deid.Known{PatientNames: []string{"June Mayfield"}, RelativeNames: []string{"May Mayfield"}}, true},
		{"months addressed, second", "june and may your parents had a theme", "may", deid.Known{PatientNames: []string{"June Mayfield"}, RelativeNames: []string{"May Mayfield"}}, true},
		{"after a stretch of time, last", "no running for two weeks miles", "miles", deid.Known{PatientNames: []string{"Miles Pond"}}, true},
		{"before make sure", "take the nasal spray june make sure he takes it", "june", deid.Known{PatientNames: []string{"Bill Yellowhair"}, RelativeNames: []string{"June Yellowhair"}}, true},
		{"told", "tell hunter he can wait in the lobby", "hunter", deid.Known{PatientNames: []string{"Rivka Stein"}, RelativeNames: []string{"Hunter Stein"}}, true},
		{"last after first name", "so first name tuan last vu", "vu", deid.Known{PatientNames: []string{"Tuan Vu"}}, true},
		{"relation also", "and this is my daughter also rose", "rose", deid.Known{PatientNames: []string{"Rose Oyelaran"}}, true},
		{"or either way", "kowalewski is fine or rose either way", "rose", deid.Known{PatientNames: []string{"Bao Tran"}, ProviderNames: []string{"Rose Kowalewski"}}, true},
		{"or just, question", "rose marie? or just rose", "rose", deid.Known{PatientNames: []string{"Rose Marie Dunn"}}, true},
		{"given initial after a title", "you can call me dr b", "b", deid.Known{PatientNames: []string{"Summer Lalonde"}, ProviderNames: []string{"Babatunde Ogundipe"}}, true},
		{"two letters spelled", "last name v o period", "v", deid.Known{PatientNames: []string{"Thanh Vo"}}, true},
		{"and, a prohibition", "ear drops twice a day and chase no swimming", "chase", deid.Known{PatientNames: []string{"Chase Begay"}}, true},
		{"discourse, a prohibition", "sorry yes, so sue no imaging for now", "sue", deid.Known{PatientNames: []string{"Sue Ferencz"}}, true},
		{"comma, i'd", "ok i think it's the rotator cuff, august i'd like an ultrasound", "august", deid.Known{PatientNames: []string{"August Lindqvist"}}, true},
		{"said fondly", "the test is monday, and sonny boy, no shoveling snow", "sonny", deid.Known{PatientNames: []string{"Sonny Balagtas"}}, true},
		{"on duty", "dr vos is sky on today", "sky", deid.Known{PatientNames: []string{"Ana Reyes"}, ProviderNames: []string{"Sky Whitecloud"}}, true},
		{"after a measure, that's", "the inr is two point five clay that's perfect", "clay", deid.Known{PatientNames: []string{"Clay Washington"}}, true},
		{"after a measure, are you", "the pressure is one seventy will are you taking the pills", "will", deid.Known{PatientNames: []string{"Will Okeke"}}, true},
		{"after a measure, you said", "the fever was thirty eight five summer you said", "summer", deid.Known{PatientNames: []string{"Hunter Osei"}, RelativeNames: []string{"Summer Osei"}}, true},
		{"after a measure, we", "the ldl is one forty dale we need to go up", "dale", deid.Known{PatientNames: []string{"Dale Ferris"}}, true},
		{"after a counted plural, do you", "i'll write down three falls august do you use the walker", "august", deid.Known{PatientNames: []string{"August Feld"}}, true},
		{"you said", "lungs clear june you said the cough is better", "june", deid.Known{PatientNames: []string{"June Whitaker"}}, true},
		{"you said, after a noun", "a small crack in the wrist ray you said you fell", "ray", deid.Known{PatientNames: []string{"Ray Castillo"}}, true},
		{"you and a modal", "lungs clear may you might feel tired from the pill", "may", deid.Known{PatientNames: []string{"May Thompson"}}, true},
		{"stuttered, the name", "yes j- j- june sorry i stutter when i'm nervous", "june", deid.Known{PatientNames: []string{"June Petrakis"}}, true},
		{"stuttered, the starts", "yes j- j- june sorry i stutter when i'm nervous", "j", deid.Known{PatientNames: []string{"June Petrakis"}}, true},
		{"stuttered after a discourse word", "so r- ray how is the breathing", "r", deid.Known{PatientNames: []string{"Ray Ferguson"}}, true},
		{"stuttered after a title", "ok dr- drew hold still", "dr", deid.Known{PatientNames: []string{"Drew Matsuda"}}, true},
		{"before a titled surname", "i'll show you rusty mr abernathy", "rusty", deid.Known{PatientNames: []string{"Rusty Abernathy"}}, true},
		{"before a titled surname, period", "ok thanks hope ms. tanaka", "hope", deid.Known{PatientNames: []string{"Hope Tanaka"}}, true},
		{"after no problem, so", "no problem june so the chest pain", "june", deid.Known{PatientNames: []string{"June Petrakis"}}, true},
		{"after no worries, last", "no worries hope", "hope", deid.Known{PatientNames: []string{"Hope Tanaka"}}, true},
		{"greeted pair", "will hi and april", "april", deid.Known{PatientNames: []string{"Will Asante"}, RelativeNames: []string{"April Asante"}}, true},

		{"control: hope no swelling", "ice it and hope no swelling comes back", "hope", deid.Known{PatientNames: []string{"Hope Banks"}}, false},
		{"control: a rose girl", "she was a rose girl, always in the garden", "rose", deid.Known{PatientNames: []string{"Rose Banks"}}, false},
		{"control: the sky on", "the sky is on fire tonight", "sky", deid.Known{PatientNames: []string{"Sky Nguyen"}}, false},
		{"control: before dawn", "i wake up before dawn so i'm tired", "dawn", deid.Known{PatientNames: []string{"Dawn Ogunleye"}}, false},
		{"control: a low dawn", "it was a low dawn so we stayed in", "dawn", deid.Known{PatientNames: []string{"Dawn Ogunleye"}}, false},
		{"control: hope i'll", "the rain is clearing up hope i'll see you soon", "hope", deid.Known{PatientNames: []string{"Hope Banks"}}, false},
		{"control: in june and may", "in june and may the pollen was bad", "may", deid.Known{PatientNames: []string{"June Mayfield"}, RelativeNames: []string{"May Mayfield"}}, false},
		{"control: months as subject", "june and may are the worst months", "may", deid.Known{PatientNames: []string{"June Mayfield"}, RelativeNames: []string{"May Mayfield"}}, false},
		{"control: hours, miles away", "i ran for two hours miles away from here", "miles", deid.Known{PatientNames: []string{"Miles Pond"}}, false},
		{"control: in june make sure", "in june make sure you book early", "june", deid.Known{PatientNames: []string{"June Yellowhair"}}, false},
		{"control: will make sure", "we will make sure he takes it", "will", deid.Known{PatientNames: []string{"Will Young"}}, false},
		{"control: ask for a grant", "we'll ask for a grant if we can", "grant", deid.Known{PatientNames: []string{"Grant Hill"}}, false},
		{"control: tell the hunter", "tell the hunter he can stay", "hunter", deid.Known{PatientNames: []string{"Hunter Stein"}}, false},
		{"control: also rose early", "my daughter also rose early", "rose", deid.Known{PatientNames: []string{"Rose Oyelaran"}}, false},
		{"and, set off before a question", "and june, how old is she now", "june", deid.Known{PatientNames: []string{"Ray Park"}, RelativeNames: []string{"June Park"}}, true},
		{"control: and a month set off", "and june, when we went to the lake, was hot", "june", deid.Known{PatientNames: []string{"June Park"}}, false},
		{"control: page two", "she reads page two of the form", "page", deid.Known{PatientNames: []string{"June Page"}}, false},
		{"control: playing chase", "he was playing chase with his cousins", "chase", deid.Known{PatientNames: []string{"Chase Begay"}}, false},
		{"lost, a person", "we lost bill in march", "bill", deid.Known{PatientNames: []string{"Nancy Foster"}, RelativeNames: []string{"Bill Foster"}}, true},
		{"control: when it's sunny", "it comes out when it's sunny", "sunny", deid.Known{PatientNames: []string{"Sunny Patel"}}, false},
		{"addressed before a number", "ok sunny two times a day with the cream", "sunny", deid.Known{PatientNames: []string{"Sunny Patel"}}, true},
		{"introduced with it's", "hi it's sunny", "sunny", deid.Known{PatientNames: []string{"Sunny Patel"}}, true},
		{"control: an honor", "it's an honor to meet you", "honor", deid.Known{PatientNames: []string{"Honor Whitfield"}}, false},
		{"control: tried ginger", "have you tried ginger for the nausea", "ginger", deid.Known{PatientNames: []string{"Ginger Moss"}}, false},
		{"control: paying cash", "are you paying cash today", "cash", deid.Known{PatientNames: []string{"Cash Whitaker"}}, false},
		{"control: i wouldn't gamble", "i wouldn't gamble with that cough", "gamble", deid.Known{PatientNames: []string{"Forrest Gamble"}}, false},
		{"control: your christian faith", "does your christian faith limit any blood products", "christian", deid.Known{PatientNames: []string{"Christian Doyle"}}, false},
		{"control: the forest service", "you work in the forest service", "forest", deid.Known{PatientNames: []string{"Forrest Gamble"}}, false},
		{"greeted, an english word", "hi honor how are you", "honor", deid.Known{PatientNames: []string{"Honor Whitfield"}}, true},
		{"seen, a thing verb's name", "i saw ginger yesterday", "ginger", deid.Known{PatientNames: []string{"Ginger Moss"}}, true},
		{"control: red or just rose", "red or just rose?", "rose", deid.Known{PatientNames: []string{"Rose Marie Dunn"}}, false},
		{"control: loan or grant", "the loan or grant either way", "grant", deid.Known{PatientNames: []string{"Grant Hill"}}, false},
		{"control: last may", "last may the pressure was high", "may", deid.Known{PatientNames: []string{"May Tsosie"}}, false},
		{"control: the six mark on", "the pain is at the six mark on the scale", "mark", deid.Known{PatientNames: []string{"Mark Ferreira"}}, false},
		{"control: a number, will you", "that's three fifty will you be back monday", "will", deid.Known{PatientNames: []string{"Will Okeke"}}, false},
		{"control: a number, may you", "it's twenty five may you need a refill", "may", deid.Known{PatientNames: []string{"May Lindgren"}}, false},
		{"control: a number, mark where", "rate it from one to ten mark where it hurts", "mark", deid.Known{PatientNames: []string{"Mark Ferreira"}}, false},
		{"control: the x ray you said", "the x ray you said was clear", "ray", deid.Known{PatientNames: []string{"Ray Castillo"}}, false},
		{"control: in june you said", "in june you said the cough started", "june", deid.Known{PatientNames: []string{"June Whitaker"}}, false},
		{"control: the fever rose you said", "the fever rose you said to a hundred and two", "rose", deid.Known{PatientNames: []string{"Rose Adebayo"}}, false},
		{"control: may you", "may you have a good weekend", "may", deid.Known{PatientNames: []string{"May Thompson"}}, false},
		{"control: x- ray", "the x- ray was clear", "x", deid.Known{PatientNames: []string{"Ray Castillo"}}, false},
		{"control: in j- june", "in j- june the pollen was bad", "june", deid.Known{PatientNames: []string{"June Petrakis"}}, false},
		{"control: the rusty mr", "that was the rusty mr abernathy", "rusty", deid.Known{PatientNames: []string{"Rusty Abernathy"}}, false},
		{"control: in june mr", "we saw her in june mr abernathy", "june", deid.Known{PatientNames: []string{"June Abernathy"}}, false},
		{"control: hope mr, clause goes on", "i hope mr abernathy comes back", "hope", deid.Known{PatientNames: []string{"Hope Abernathy"}}, false},
		{"control: no problem in june", "no problem in june so book it", "june", deid.Known{PatientNames: []string{"June Petrakis"}}, false},
		{"control: no problem, may come", "no problem may come up", "may", deid.Known{PatientNames: []string{"May Lindgren"}}, false},
		{"control: hi and hope", "say hi and hope he feels better", "hope", deid.Known{PatientNames: []string{"Hope Kaplan"}}, false},
		{"control: vitamin b", "take vitamin b daily", "b", deid.Known{PatientNames: []string{"Babatunde Ogundipe"}}, false},
	}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range cases {
			text := "doctor: " + c.text
			if !strings.HasSuffix(c.name, ", last") {
				text += "\npatient: ok"
			}
			spans := d.Detect(text, c.kn)
			// A control may lose its month to a date; it must not become a
			// name.
			removed := survivingWord(text, spans, c.word) < 0
			if !c.removed {
				removed = nameOver(text, spans, c.word)
			}
			if removed != c.removed {
				t.Errorf("rules only %v: %s: %q in %q removed %v, want %v", rulesOnly, c.name, c.word, c.text, removed, c.removed)
			}
		}
	}
}

// nameOver reports a NAME span over a whole-word occurrence of w after the
// speaker tag.
func nameOver(text string, spans []deid.Span, w string) bool {
	for _, s := range spans {
		if s.Type != deid.Name {
			continue
		}
		for i := strings.Index(text, ": ") + 2; i+len(w) <= len(text); i++ {
			if text[i:i+len(w)] == w && s.Start <= i && s.End >= i+len(w) {
				return true
			}
		}
	}
	return false
}

// TestSuppliedWordNamesCalledAndAsked: a supplied name that is a word,
// said as a person is called in and asked for what identifies them
// (dialogues-known3): alone in a turn answered by someone present ("she's
// here", "right here", "coming"), before "mrn" or "date of birth", a modal
// before a second auxiliary ("may can you"), "and" before a greeting,
// between a clause ending in "it" and a clause its pronoun opens ("i
// found it hunter it's ready"), after a finding said last in a turn
// ("that's bronchitis jordan"). The controls keep the word: a one-word
// answer to a question, a modal before "do" or "have", "may i ask".
// Dialogues written for this test before it was run.
func TestSuppliedWordNamesCalledAndAsked(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text, word string
		kn               deid.Known
		removed          bool
	}{
		{"called, she's here", "nurse: hunter\nfather: he's here", "hunter", deid.Known{PatientNames: []string{"Hunter Okafor"}}, true},
		{"called, coming", "nurse: summer\nsummer's mom: coming", "summer", deid.Known{PatientNames: []string{"Summer Lindqvist"}}, true},
		{"called, right here", "nurse: grant?\nwife: right here", "grant", deid.Known{PatientNames: []string{"Grant Obuya"}}, true},
		{"next is, that's me", "nurse: next is rivers\npatient: that's me", "rivers", deid.Known{PatientNames: []string{"Colin Rivers"}}, true},
		{"calling, she's here", "nurse: calling summer\nmom: she's here", "summer", deid.Known{PatientNames: []string{"Summer Lindqvist"}}, true},
		{"mrn asked", "nurse: jordan mrn please\npatient: four four one", "jordan", deid.Known{PatientNames: []string{"Jordan Mwangi"}}, true},
		{"date of birth asked", "nurse: hunter date of birth please\npatient: march third", "hunter", deid.Known{PatientNames: []string{"Hunter Okafor"}}, true},
		{"modal before can you", "doctor: may can you help him with the pills\nrelative: sure", "may", deid.Known{PatientNames: []string{"Ray Tsinajinnie"}, RelativeNames: []string{"May Tsinajinnie"}}, true},
		{"modal before could you", "doctor: will could you step up here\npatient: ok", "will", deid.Known{PatientNames: []string{"Will Tsinajinnie"}}, true},
		{"and before a greeting", "doctor: grant hi and may hi\nrelative: hello", "may", deid.Known{PatientNames: []string{"Grant Osei"}, RelativeNames: []string{"May Osei"}}, true},
		{"between it and it's", "pharmacist: ok i found it hunter it's ready at the counter\ncaller: thanks", "hunter", deid.Known{PatientNames: []string{"Hunter Okafor"}}, true},
		{"after a finding, last", "doctor: ok that's bronchitis jordan\npatient: ok", "jordan", deid.Known{PatientNames: []string{"Jordan Mwangi"}}, true},
		{"after a sprain, last", "doctor: looks like a sprain summer\npatient: ok", "summer", deid.Known{PatientNames: []string{"Summer Lindqvist"}}, true},

		{"a child named by the family", "doctor: the price kid is here for his shots\nnurse: ok", "price", deid.Known{PatientNames: []string{"Leo Price"}}, true},
		{"a girl named by the family", "doctor: so the hill girl, how's she doing\nnurse: better", "hill", deid.Known{PatientNames: []string{"Amy Hill"}}, true},
		{"control: the young boy", "doctor: is this the young boy\nnurse: yes", "young", deid.Known{PatientNames: []string{"Leo Young"}}, false},
		{"control: every penny", "doctor: hi ms okafor how is the knee\npatient: sore every morning\ndoctor: the good news is the shots work\npatient: my husband said every penny we spend on this better work\ndoctor: ha", "penny", deid.Known{PatientNames: []string{"Penny Okafor"}}, false},
		{"control: what's next", "doctor: what's next\npatient: summer then fall", "summer", deid.Known{PatientNames: []string{"Summer Lindqvist"}}, false},
		{"control: an answer", "doctor: when is it worse\npatient: summer\ndoctor: ok", "summer", deid.Known{PatientNames: []string{"Summer Lindqvist"}}, false},
		{"control: will have you", "doctor: will have you come back in a week\npatient: ok", "will", deid.Known{PatientNames: []string{"Will Tsinajinnie"}}, false},
		{"control: will do", "patient: will do\ndoctor: great", "will", deid.Known{PatientNames: []string{"Will Tsinajinnie"}}, false},
		{"control: may i ask", "doctor: may i ask you something\npatient: sure", "may", deid.Known{PatientNames: []string{"May Tsinajinnie"}}, false},
		{"control: in summer", "doctor: we see a lot of bronchitis in summer\npatient: ok", "summer", deid.Known{PatientNames: []string{"Summer Lindqvist"}}, false},
	}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range cases {
			spans := d.Detect(c.text, c.kn)
			removed := survivingWord(c.text, spans, c.word) < 0
			if !c.removed {
				removed = nameOver(c.text, spans, c.word)
			}
			if removed != c.removed {
				t.Errorf("rules only %v: %s: %q in %q removed %v, want %v", rulesOnly, c.name, c.word, c.text, removed, c.removed)
			}
		}
	}
}

// TestSuppliedNameThatIsATownIsTypedAName: a supplied given name that is
// also a town ("Hope", Arkansas) said as the answer to "your first name"
// is found as a name, not a place, so that a surrogate for it is a name.
// Written for this test.
func TestSuppliedNameThatIsATownIsTypedAName(t *testing.T) {
	t.Parallel()
	kn := deid.Known{PatientNames: []string{"Hope Ferreira"}}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		checkFound(t, d, kn, []foundCase{
			{"the answer to first name", "doctor: and your first name\npatient: hope\ndoctor: ok hope",
				[]found{{"hope", deid.Name}, {"hope", deid.Name}}},
		})
	}
}
