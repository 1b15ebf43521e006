package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestShortNameOffered: the short name a person offers at the start of a
// turn right after being addressed is a name there and at its later
// mentions ("md: hi valentina / pt: vale is fine / md: vale ok" kept "vale"
// both times; "yes avi" after "mr. mizrahi"; "tiao please"), with no
// metadata. A turn that is no answer to being addressed, or whose word is
// English ("pain is fine", "yes that is fine"), stays. Written for this
// test.
func TestShortNameOffered(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			text  string
			names []string // every mention of each must go
		}{
			{"md: hi valentina\npt: vale is fine\nmd: vale ok and this is your husband", []string{"vale"}},
			{"speaker 1: mr. mizrahi\nspeaker 2: yes avi\nspeaker 1: avi great, i'm the resident", []string{"avi"}},
			{"s1: sebastiao i'm dr chukwuma\ns2: tiao please\ns1: tiao ok so the gallbladder", []string{"tiao"}},
			// A short form that is a word too, said again opening a turn.
			{"spk_0: ok so um chidinma is it\nspk_1: chidinma yeah or chi is fine\nspk_0: chi great i'm dr naidu", []string{"chidinma", "chi"}},
		} {
			spans := d.Detect(c.text, deid.Known{})
			for _, n := range c.names {
				if at := survivingWord(c.text, spans, n); at >= 0 {
					t.Errorf("rules only %v: %q: %q survives at byte %d", rulesOnly, c.text, n, at)
				}
			}
		}
		for _, text := range []string{
			"doctor: hi mrs lopez\npatient: yes that is fine\ndoctor: how is the pain\npatient: pain is fine",
			"doctor: how's the knee\npatient: knee is fine now",
		} {
			for _, s := range d.Detect(text, deid.Known{}) {
				if w := text[s.Start:s.End]; w == "that" || w == "pain" || w == "knee" {
					t.Errorf("rules only %v: %q: %q taken for a name", rulesOnly, text, w)
				}
			}
		}
	}
}

// TestSignoffAfterThanksWords: the name on the line after "Thanks so
// much," or "Thanks again," signs the message ("Yoli" stayed: only
// "Thanks," right before the comma was a sign-off). Text after the comma on
// its line, or no name on the next line, stays. Written for this test.
func TestSignoffAfterThanksWords(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, text := range []string{
			"The refill went through, see you Friday.\nThanks so much,\nYoli",
			"Please call back when you can.\nThanks again,\nYoli",
		} {
			found := false
			for _, s := range d.Detect(text, deid.Known{}) {
				found = found || s.Type == deid.Name && text[s.Start:s.End] == "Yoli"
			}
			if !found {
				t.Errorf("rules only %v: %q: the signature not removed", rulesOnly, text)
			}
		}
		for _, text := range []string{"Thanks so much, I appreciate it.", "Thanks again,\nthe front desk"} {
			if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
				t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
			}
		}
	}
}

// TestSlavicSpellingsHeard: a supplied Polish or Ukrainian surname said as
// an English speaker hears it, split in syllables after "sorry", a title or
// a correction ("close, kowal chick"; "kowalczyk" as "kowal chick", "wojtowicz" as "voy toe vitch"), is the
// supplied name: cz and sz read as ch and sh, w before a vowel as v, j before
// a consonant as a vowel, a marked vowel nasal before b or p. Said as one
// word of no list, long enough, it needs no word naming a person ("it's
// kovalchik"). An Irish name addressed at a turn's start and spelt as
// said ("so neeve," for Niamh) is taken when its loose key (mh, bh as v;
// sh as s) is a supplied part's, one sound apart at most. An eponym that sounds like a supplied name stays
// ("murphy's sign" with "Van der Merwe" supplied). Written for this test.
func TestSlavicSpellingsHeard(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			text  string
			known deid.Known
			heard string
		}{
			{"doctor: mr kowalczyk\npatient: yes\ndoctor: sorry kowal chick, i'm dr obi", deid.Known{PatientNames: []string{"Zbigniew Kowalczyk"}}, "kowal chick"},
			{"nurse: the cardiologist wanted to switch it\npatient: who's dr voy toe vitch", deid.Known{ProviderNames: []string{"Cecilia Wojtowicz"}}, "voy toe vitch"},
			{"doctor: mr kowalczyk? did i say that right\npatient: close, kowal chick, but wade is easier", deid.Known{PatientNames: []string{"Wade Kowalczyk"}}, "kowal chick"},
			// One word, with no word naming a person: long, of no list, and
			// four sounds of the part's. The marked vowel is nasal before b
			// ("dąbrowski" said "dombrowski").
			{"spk_0: mr kowalczyk\nspk_1: yes\nspk_2: it's kovalchik don't worry", deid.Known{PatientNames: []string{"Zbigniew Kowalczyk"}}, "kovalchik"},
			{"speaker 1: mr. dabrowski\nspeaker 2: dombrowski yes", deid.Known{PatientNames: []string{"Krzysztof Dąbrowski"}}, "dombrowski"},
			{"nurse: ms zieba is here\npatient: ziemba, like the bird", deid.Known{PatientNames: []string{"Anna Zięba"}}, "ziemba"},
			// Irish names addressed at a turn's start, spelt as said.
			{"doctor: so neeve, what brings you in", deid.Known{PatientNames: []string{"Niamh Kelly"}}, "neeve"},
			{"doctor: sersha, any allergies", deid.Known{PatientNames: []string{"Saoirse Byrne"}}, "sersha"},
			{"doctor: shaymus, sit down", deid.Known{PatientNames: []string{"Seamus Doyle"}}, "shaymus"},
		} {
			if !within(c.text, d.Detect(c.text, c.known), c.heard, deid.Name) {
				t.Errorf("rules only %v: %q: %q not removed as the supplied name", rulesOnly, c.text, c.heard)
			}
		}
		text := "doctor: is it mrs sutton\npatient: close, see you then"
		if spans := d.Detect(text, deid.Known{PatientNames: []string{"Ann Sutton"}}); len(spans) != 1 {
			t.Errorf("rules only %v: %q: spans %v, want the titled surname only", rulesOnly, text, spans)
		}
		// A drug addressed the same way is no name of the same letter.
		text = "doctor: so cardizem, any swelling"
		if spans := d.Detect(text, deid.Known{PatientNames: []string{"Carla Diaz"}}); len(spans) != 0 {
			t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
		}
		// A long word of no list without the part's sounds stays: the
		// drug a patient names is no Kowalczyk.
		text = "patient: mr kowalczyk takes the kyprolis on fridays"
		if spans := d.Detect(text, deid.Known{PatientNames: []string{"Zbigniew Kowalczyk"}}); len(spans) != 1 {
			t.Errorf("rules only %v: %q: spans %v, want the titled surname only", rulesOnly, text, spans)
		}
		text = "doctor: let me press here, she flinched, that's murphy's sign"
		for _, s := range d.Detect(text, deid.Known{ProviderNames: []string{"Chris Van der Merwe"}}) {
			if text[s.Start:s.End] == "murphy" {
				t.Errorf("rules only %v: %q: the eponym taken for a supplied name", rulesOnly, text)
			}
		}
	}
}

// TestNamesInPairsAndChildAges: a parent's list of children in lower case:
// a word that may be a given name joined by "and" to a name found ("the
// twins zion and zaria" left "zion", a surname and a town of the lists),
// and a word before "he's"/"she's" and an age read out ("kyrie he's
// four"). Dictionary words stay ("salt and pepper", "tylenol he's two
// doses" has no age). Written for this test.
func TestNamesInPairsAndChildAges(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		text := "nurse: and your other kids\nmom: kyrie he's four and the twins zion and zaria are two"
		spans := d.Detect(text, deid.Known{})
		for _, n := range []string{"kyrie", "zion", "zaria"} {
			if !within(text, spans, n, deid.Name) {
				t.Errorf("rules only %v: %q: %q not removed as a name (spans %v)", rulesOnly, text, n, spans)
			}
		}
		for _, text := range []string{"patient: salt and pepper are fine", "patient: the tylenol he's two doses in"} {
			if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
				t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
			}
		}
	}
}

// TestSuppliedWordNameBeforeWhatHappens: a supplied name that is also a
// word, after "and", "but" or "so", before what happens to a person ("no
// but bill fell last week" kept "bill"; "and rose passed in may"). The
// word after an article stays ("so the bill fell on the floor"). Written
// for this test.
func TestSuppliedWordNameBeforeWhatHappens(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			text, name string
			known      deid.Known
		}{
			{"patient: no but bill fell last week", "bill", deid.Known{RelativeNames: []string{"Bill Hill"}}},
			{"patient: and rose passed in the spring", "rose", deid.Known{RelativeNames: []string{"Rose Hill"}}},
		} {
			if !within(c.text, d.Detect(c.text, c.known), c.name, deid.Name) {
				t.Errorf("rules only %v: %q: the supplied %q not removed", rulesOnly, c.text, c.name)
			}
		}
		text := "patient: so the bill fell on the floor"
		if touching(text, d.Detect(text, deid.Known{RelativeNames: []string{"Bill Hill"}}), "bill") {
			t.Errorf("rules only %v: %q: the word taken for the supplied name", rulesOnly, text)
		}
	}
}

// TestSuppliedWordNameAskedWho: a supplied name that is also a word, set
// off by a comma before a question of who the person is ("and hunter, is
// that your son" kept "hunter"). The word in its own use stays ("the
// hunter came by"). Written for this test.
func TestSuppliedWordNameAskedWho(t *testing.T) {
	t.Parallel()
	known := deid.Known{RelativeNames: []string{"Hunter Price"}}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		text := "nurse: and hunter, is that your son"
		if !within(text, d.Detect(text, known), "hunter", deid.Name) {
			t.Errorf("rules only %v: %q: the supplied name not removed", rulesOnly, text)
		}
		text = "patient: the hunter came by with venison"
		if touching(text, d.Detect(text, known), "hunter") {
			t.Errorf("rules only %v: %q: the word taken for the supplied name", rulesOnly, text)
		}
	}
}

// TestIntroducedThisIs: in lower case, a word of no ordinary list after
// "this is" and before what introduces a person is the person's name ("this
// is bre, she'll do your vitals", "and this is kael from billing" kept
// them). Dictionary words and drugs stay ("this is fine", "this is
// lisinopril, you take it daily"). Written for this test.
func TestIntroducedThisIs(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, name string }{
			{"nurse: ok mr lee, this is bre, she'll do your vitals", "bre"},
			{"doctor: and this is kael from billing", "kael"},
		} {
			if !within(c.text, d.Detect(c.text, deid.Known{}), c.name, deid.Name) {
				t.Errorf("rules only %v: %q: %q not removed as a name", rulesOnly, c.text, c.name)
			}
		}
		for _, text := range []string{"nurse: this is fine with you", "nurse: this is lisinopril, you take it daily"} {
			if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
				t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
			}
		}
	}
}

// TestOfferedAlternates: another form of a name offered after "or" right
// after the name ("just carlos is fine, or jc.", "yeah, padraig. or
// pat.") is a name, also where it is said to the person again ("okay,
// jc."); a choice between words after a supplied word used as a word
// stays ("nothing greasy or fried", "tea, or coffee"). Written for this test.
func TestOfferedAlternates(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	kn := deid.Known{PatientNames: []string{"Carlos Mendez"}, RelativeNames: []string{"Padraig Byrne"}}
	checkFound(t, d, kn, []foundCase{
		{"an initialism", "[doctor] hi carlos.\n[patient] hi. just carlos is fine, or jc.\n[doctor] okay, jc. what happened?",
			[]found{{"carlos", deid.Name}, {"carlos", deid.Name}, {"jc", deid.Name}, {"jc", deid.Name}}},
		{"a given name that is a word", "[nurse] and you're dad?\n[dad] yeah, padraig. or pat.\n[nurse] okay pat. did he pass out?",
			[]found{{"padraig", deid.Name}, {"pat", deid.Name}, {"pat", deid.Name}}},
		{"an answer's opener before the name", "[doctor] is it carlos?\n[patient] yes, carlos, or jc.",
			[]found{{"carlos", deid.Name}, {"carlos", deid.Name}, {"jc", deid.Name}}},
		{"a choice put to the person named", "[doctor] is the pain sharp, carlos, or dull?\n[patient] dull. kind of achy.",
			[]found{{"carlos", deid.Name}}},
		{"two forms and whatever is easy", "nurse: hi, are you yevgenia?\npatient: yes. zhenya, or genya, whatever is easy.\nnurse: okay, genya.",
			[]found{{"yevgenia", deid.Name}, {"zhenya", deid.Name}, {"genya", deid.Name}, {"genya", deid.Name}}},
		{"the word as a verb opening a turn", "[dad] yeah, padraig. or pat.\n[nurse] pat the area dry after the shower",
			[]found{{"padraig", deid.Name}, {"pat", deid.Name}}},
		{"no name offered", "[patient] yeah, carlos. or idk, whatever works.", []found{{"carlos", deid.Name}}},
		{"words offered", "attending: nothing greasy or fried for a while\npatient: tea, or coffee, whatever is easy", nil},
	})
}
