package deid_test

import (
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSuppliedWordNamesInSpeechSlots: a supplied name that is a word, in a
// slot its use as a word cannot fill (knownslot.go, and the measures and
// introductions beside it): a generation after it, a term of endearment
// after it, a month with neither a preposition nor a day, the subject of a
// verb of saying after a number, before "you" and what the listener does,
// set off before the speaker's next clause, "ok X and your", a turn's
// "and" before a request, a singular subject or "and" after a measure,
// "she's X too", "it is X so", a topic whose verb follows, the plural
// of a given name two supplied people share, a name between "head down"
// and a count of time, a name before a supplied part spelled out, a name thanked right after it
// was given, "just X" answering the turn before, a name before the
// supplied surname's initial and a title before a stumbled name. The controls keep the word
// where an article, a preposition, a subject or a date makes it one.
// Sentences written for this test.
func TestSuppliedWordNamesInSpeechSlots(t *testing.T) {
	t.Parallel()
	one := func(names ...string) deid.Known { return deid.Known{PatientNames: names} }
	cases := []struct {
		name, text, word string
		nth              int // which occurrence of word after the speaker tag (0: the first)
		kn               deid.Known
		removed          bool
	}{
		{"junior", "ok and rose junior your pressure is fine", "rose", 0, one("Rose Dunmore"), true},
		{"senior", "ok pat senior your knee looks good", "pat", 0, one("Pat Brennan"), true},
		{"endearment, closing", "just sue honey", "sue", 0, one("Sue Ellen Baker"), true},
		{"endearment, a question", "ok hunter buddy can i look in your ear", "hunter", 0, one("Hunter Gray"), true},
		{"month, sorry", "i know april sorry it has been a long wait", "april", 0, one("April Mendez"), true},
		{"month, a question word", "so ten months of pain august where exactly", "august", 0, one("August Reyes"), true},
		{"month, a dose", "ok april twenty milligrams is too much", "april", 0, one("April Sorensen"), true},
		{"before sorry, not a month", "i know hunter sorry it has been a long wait", "hunter", 0, one("Hunter Gray"), true},
		{"before thanks", "the line is bad rose thanks for holding", "rose", 0, one("Rose Kimani"), true},
		{"ok, a month and your", "ok june and your date of birth", "june", 0, one("June Whitaker"), true},
		{"saying, after a number", "ninety nine point five mark said my wife", "mark", 0, one("Mark Ferreira"), true},
		{"saying, a past-tense name after a number", "my temperature was ninety nine point five rose told me", "rose", 0, one("Rose Kimani"), true},
		{"before you start", "this is the new plan faith you start the pill tomorrow", "faith", 0, one("Faith Ogunbiyi"), true},
		{"set off before we'll", "it could be hunter, we'll treat it", "hunter", 0, one("Hunter Vasilakis"), true},
		{"ok, and your", "ok hunter and your date of birth", "hunter", 0, one("Hunter Banks"), true},
		{"and, a request", "and florence drink a lot of fluids", "florence", 0, one("Florence Mwangi"), true},
		{"after a time, was", "good and the ekg today at ten fifteen dale was normal, enjoy the walks in the dale", "dale", 0, one("Dale Kowalski"), true},
		{"after a measure, is", "the weight is twelve kilos hunter is growing well", "hunter", 0, one("Hunter Osei"), true},
		{"after a measure, and", "the heart rate is one ten will and the pressure is low", "will", 0, one("Will Tremblay"), true},
		{"she's, too", "my daughter she's rose too", "rose", 0, one("Rose Kimani"), true},
		{"it is, so", "yes it is hope so no more surgery", "hope", 0, one("Hope Tanaka"), true},
		{"a topic, then its verb", "rose your sugar rose to three hundred yesterday", "rose", 0, one("Rose Adebayo"), true},
		{"two of a shared name", "so we have two pats", "pats", 0, deid.Known{PatientNames: []string{"Pat Brennan"}, RelativeNames: []string{"Pat Brennan"}}, true},
		{"two of a shared name, then ok", "two roses ok", "roses", 0, deid.Known{PatientNames: []string{"Rose Oyelaran"}, RelativeNames: []string{"Rose Oyelaran-Smith"}}, true},
		{"head down, a count of time", "the baby is head down faith thirty six weeks today", "faith", 0, one("Faith Adomako"), true},
		{"thanked after the name spelled", "your name again\npatient: hope v i l l a n u e v a\ndoctor: thanks hope the wound", "hope", 1, one("Hope Villanueva"), true},
		{"before the surname spelled", "it's jordan s. t. o. r. y", "jordan", 0, one("Jordan Story"), true},
		{"just, answered", "is it dawn with an e\npatient: no just dawn", "dawn", 1, one("Dawn Okafor"), true},
		{"before the surname's initial", "yes will o. is here", "will", 0, one("Will Okafor"), true},
		{"after a title and a stumble", "ms. ma- may come in please", "may", 0, one("May Okafor"), true},
		{"thanked after the name whole", "and your name\npatient: grant okafor\ndoctor: ok thank you grant the form is done", "grant", 1, one("Grant Okafor"), true},

		{"two of a shared name that is also a part", "so we have two rivers today", "rivers", 0, deid.Known{PatientNames: []string{"River Hood"}, RelativeNames: []string{"River Hood"}, ProviderNames: []string{"Ray Rivers"}}, true},

		{"control: junior high", "we hope junior high goes well for him", "hope", 0, one("Hope Tanaka"), false},
		{"control: a rose junior", "she had a rose junior year", "rose", 0, one("Rose Dunmore"), false},
		{"control: we just hope dear", "we just hope dear that it heals", "hope", 0, one("Hope Tanaka"), false},
		{"control: the hunter buddy program", "he joined the hunter buddy program", "hunter", 0, one("Hunter Gray"), false},
		{"control: i hope sorry", "i hope sorry to say it", "hope", 0, one("Hope Tanaka"), false},
		{"control: yes i will sorry", "yes i will sorry", "will", 0, one("Will Tremblay"), false},
		{"control: at dawn sorry", "i get up at dawn sorry", "dawn", 0, one("Dawn Nakai"), false},
		{"control: every april", "they start every april like clockwork", "april", 0, one("April Mendez"), false},
		{"control: in august where", "we moved in august where it was hot", "august", 0, one("August Reyes"), false},
		{"control: april twenty second", "see you april twenty second", "april", 0, one("April Mendez"), false},
		{"control: in april twenty milligrams", "the dose in april twenty milligrams", "april", 0, one("April Mendez"), false},
		{"control: your grant said", "your grant said no to the trip", "grant", 0, one("Grant Hill"), false},
		{"control: have faith you will", "i have faith you will do fine", "faith", 0, one("Faith Ogunbiyi"), false},
		{"control: the faith you have", "the faith you have is strong", "faith", 0, one("Faith Ogunbiyi"), false},
		{"control: in june you start", "in june you start the new pill", "june", 0, one("June Whitaker"), false},
		{"control: we'll bill you", "the clinic bill you send is late", "bill", 0, one("Bill Yellowhair"), false},
		{"control: have hope, we'll", "we have hope, we'll get through this", "hope", 0, one("Hope Tanaka"), false},
		{"control: in june, we'll", "see you in june, we'll talk then", "june", 0, one("June Whitaker"), false},
		{"control: be june, we'll", "i think it will be june, we'll see", "june", 0, one("June Whitaker"), false},
		{"control: and may take", "and may take a while to work", "may", 0, one("May Tsosie"), false},
		{"control: the six mark is", "the pain at the six mark is sharp", "mark", 0, one("Mark Ferreira"), false},
		{"control: the twenty may and", "on the twenty may and the weekend after", "may", 0, one("May Tsosie"), false},
		{"control: she's rose to", "she's rose to the top of her class", "rose", 0, one("Rose Kimani"), false},
		{"control: it's may so", "it's may so the pollen is bad", "may", 0, one("May Tsosie"), false},
		{"control: i hope so", "i hope so", "hope", 0, one("Hope Tanaka"), false},
		{"control: the verb after the topic", "rose your sugar rose to three hundred yesterday", "rose", 1, one("Rose Adebayo"), false},
		{"control: mark your calendar", "mark your calendar the visit is friday", "mark", 0, one("Mark Ferreira"), false},
		{"control: head down, a month", "the baby is head down june two weeks early", "june", 0, one("June Adomako"), false},
		{"control: head down, no count", "the baby is head down faith says the nurse", "faith", 0, one("Faith Adomako"), false},
		{"control: thanks, the word before", "what do you hope for\npatient: hope to walk again\ndoctor: thanks hope the wound heals", "hope", 2, one("Hope Villanueva"), false},
		{"control: before letters that spell no part", "we flew over jordan a b c style", "jordan", 0, one("Jordan Story"), false},
		{"control: just the month asked", "in july or june?\npatient: just june", "june", 1, one("June Okafor"), false},
		{"control: an initial of no supplied surname", "i will b. sure", "will", 0, one("Will Okafor"), false},
		{"control: the sugar rose you need", "your sugar rose you need to cut back", "rose", 0, one("Rose Kimani"), false},
		{"control: the six mark, we'll", "you'll feel it at the six mark, we'll stop there", "mark", 0, one("Mark Ferreira"), false},
		{"control: a tough april sorry", "it was a tough april sorry", "april", 0, one("April Mendez"), false},
		{"control: the deer hunter said", "the deer hunter said it was fine", "hunter", 0, one("Hunter Gray"), false},
		{"control: two roses, one rose", "she got two roses for her birthday", "roses", 0, one("Rose Kimani"), false},
	}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range cases {
			text := "doctor: " + c.text + "\npatient: ok"
			at := nthWord(text, c.word, c.nth)
			if at < 0 {
				t.Fatalf("%s: no occurrence %d of %q", c.name, c.nth, c.word)
			}
			spans := d.Detect(text, c.kn)
			covered, named := false, false
			for _, s := range spans {
				if s.Start <= at && s.End >= at+len(c.word) {
					covered = true
					named = named || s.Type == deid.Name
				}
			}
			// A control may lose its month to a date; it must not become
			// a name.
			removed := covered
			if !c.removed {
				removed = named
			}
			if removed != c.removed {
				t.Errorf("rules only %v: %s: %q (%d) in %q removed %v, want %v", rulesOnly, c.name, c.word, c.nth, c.text, removed, c.removed)
			}
		}
	}
}

// nthWord returns the offset of the n-th whole-word occurrence of w after
// the first speaker tag, or -1.
func nthWord(text, w string, n int) int {
	word := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }
	for i := strings.Index(text, ": ") + 2; i+len(w) <= len(text); i++ {
		if text[i:i+len(w)] != w || i > 0 && word(text[i-1]) || i+len(w) < len(text) && word(text[i+len(w)]) {
			continue
		}
		if n == 0 {
			return i
		}
		n--
	}
	return -1
}
