package deid

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLexClassTable: lexClasses reads six bytes of the lexicon flags, so
// every flag the tagger maps must lie in them; a flag added beyond bit 47
// and mapped here would be lost silently.
func TestLexClassTable(t *testing.T) {
	for _, p := range lexClassPairs {
		if p.f>>48 != 0 {
			t.Errorf("lexicon flag %#x maps to tagger class %#x but is beyond the six bytes lexClasses reads", p.f, p.l)
		}
		if got := lexClasses(p.f); got&p.l != p.l {
			t.Errorf("lexClasses(%#x) = %#x, want %#x set", p.f, got, p.l)
		}
	}
}

// TestDictionaryWord: words of the English list that no name or place list
// holds are dictionary words; names spelled like words and words on no
// list are not.
func TestDictionaryWord(t *testing.T) {
	d, err := New(Config{RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	s := d.pool.Get().(*scan)
	defer d.release(s)
	text := "likewise shift suggest polyps dawn chidi boston"
	s.rules(d, text, Known{}, false)
	want := map[string]bool{"likewise": true, "shift": true, "suggest": true, "polyps": true,
		"dawn": false, "chidi": false, "boston": false}
	for i := range s.toks {
		w := s.lower(i)
		if got := s.dictionaryWord(i); got != want[w] {
			t.Errorf("dictionaryWord(%q) = %v, want %v", w, got, want[w])
		}
	}
}

// TestTaggerDictionaryWordsVetoed: over the tuning corpora's texts, the
// tagger leaves no name on a lone lower-case English word with no person
// around it (the veto of wordWithoutPerson with dictionaryWord). Without
// the English list such names are added ("r: likewise", "i'd suggest").
func TestTaggerDictionaryWordsVetoed(t *testing.T) {
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	eachTuningDoc(t, []string{"blind3", "blind2", "dialogues-known"}, func(name, text string, known Known) {
		s := d.pool.Get().(*scan)
		defer d.release(s)
		s.addTagged(d.tagger, s.rules(d, text, known, true))
		for _, sp := range s.tspans {
			a, b := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
			if sp.Type != Name || a < 0 || a != b {
				continue
			}
			checked++
			if tk := &s.toks[a]; !tk.upper() && !s.isKnown(a) && s.dictionaryWord(a) && !s.personAround(a) {
				t.Errorf("%s: name on the English word %q with no person around it", name, text[sp.Start:sp.End])
			}
		}
	})
	if checked == 0 {
		t.Fatal("the tagger added no one-word name in the corpora: the test checked nothing")
	}
}

// eachTuningDoc calls fn with every document of the named tuning corpora.
func eachTuningDoc(t *testing.T, names []string, fn func(name, text string, known Known)) {
	t.Helper()
	for _, name := range names {
		f, err := os.Open(filepath.Join("..", "testdata", "deid", name+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var doc struct {
				Text  string `json:"text"`
				Known Known  `json:"known"`
			}
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			fn(name, doc.Text, doc.Known)
		}
		f.Close()
	}
}

// TestLowerCaseWordsAroundNamesStay: an English word that no list of names
// holds stays in lower case even right after a name or a relation, where
// the tagger took it for part of one ("nora open", "aunt attend"); the
// names around it go.
func TestLowerCaseWordsAroundNamesStay(t *testing.T) {
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text        string
		names, stay []string
	}{
		{"doctor: ok nora open wide\npatient: ahh", []string{"nora"}, []string{"open", "wide"}},
		{"Grandpa (Luis Ortega) and aunt attend. Daniela plays piano.", []string{"Luis Ortega", "Daniela"}, []string{"attend", "aunt"}},
		{"doctor: ok maya turn your head toward me", []string{"maya"}, []string{"turn"}},
	} {
		found := map[string]bool{}
		for _, sp := range d.Detect(c.text, Known{}) {
			found[c.text[sp.Start:sp.End]] = true
		}
		for _, n := range c.names {
			if !found[n] {
				t.Errorf("%q: name %q not found (found %v)", c.text, n, found)
			}
		}
		for _, w := range c.stay {
			if found[w] {
				t.Errorf("%q: the word %q was taken for a name", c.text, w)
			}
		}
	}
}

// TestSuppliedWordWithoutPlace: the veto of the tagger's place
// (wordWithoutPlace) holds a supplied name part that is an English word
// to the test of any such word: no place without a preposition of place
// before it, and "to" before a verb's object is none ("to crane my
// neck"). Sentences written for this test.
func TestSuppliedWordWithoutPlace(t *testing.T) {
	d, err := New(Config{RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	kn := Known{PatientNames: []string{"Rowan Pierce"}, RelativeNames: []string{"Dale Crane"}, ProviderNames: []string{"Ava Green"}}
	for _, c := range []struct {
		text, word string
		veto       bool
	}{
		{"doctor: so you're bringing up green phlegm in the morning", "green", true},
		{"patient: i have to crane my head back to see the screen", "crane", true},
		{"patient: she wants to pierce her nose next month", "pierce", true},
		{"patient: we moved up to pierce county last year", "pierce", false},
		{"patient: my sister lives out in crane now", "crane", false},
	} {
		s := d.pool.Get().(*scan)
		s.rules(d, c.text, kn, false)
		for i := range s.toks {
			if s.lower(i) == c.word {
				if got := s.wordWithoutPlace(i); got != c.veto {
					t.Errorf("%q: wordWithoutPlace(%q) = %v, want %v", c.text, c.word, got, c.veto)
				}
			}
		}
		d.release(s)
	}
}

// TestTaggerEnglishWordsNoPlace: over the tuning corpora's texts, the
// tagger leaves no place on a lone lower-case word of the English list
// that no list of places or names holds, even after a preposition of place
// ("roll over in bed", "slipped on oil", "records to whoever you pick"):
// the veto of wordWithoutPlace. Without it such places are added.
func TestTaggerEnglishWordsNoPlace(t *testing.T) {
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	eachTuningDoc(t, []string{"dialogues-known5", "dialogues-known6", "dialogues-known", "phifree6"}, func(name, text string, known Known) {
		for _, sp := range d.Detect(text, known) {
			if sp.Type != Location || strings.ContainsAny(text[sp.Start:sp.End], " -'") {
				continue
			}
			checked++
			w := text[sp.Start:sp.End]
			if _, eng := englishWords()[w]; !eng || w != strings.ToLower(w) {
				continue
			}
			s := d.pool.Get().(*scan)
			rules := s.rules(d, text, known, false)
			if k := s.tokStartingAt(sp.Start); k >= 0 && !s.isKnown(k) && s.dictionaryWord(k) &&
				s.toks[k].gaz&(gzCity|gzCityAmb|gzTown|gzFacHead|gzFacAcro|gzFirst|gzSur|gzFirstAmb|gzSurAmb|gzPhraseHead) == 0 &&
				s.toks[k].lex&(lxCity|lxCityAmb|lxState|lxCountry|lxFirst|lxSur|lxFirstAmb|lxSurAmb|lxPhraseHead) == 0 {
				// A rule's place is the rule's ("the galleria"); only
				// one the tagger alone added is this test's.
				ruled := false
				for _, r := range rules {
					ruled = ruled || r.Start <= sp.Start && sp.End <= r.End
				}
				if !ruled {
					t.Errorf("%s: the tagger's place on the English word %q", name, w)
				}
			}
			d.release(s)
		}
	})
	if checked == 0 {
		t.Fatal("no one-word place in the corpora: the test checked nothing")
	}
}

// TestTaggerNoNameOpensOnVerb: over the PHI-free tuning corpora and the
// dialogues, no name of several words opens on a lower-case English word
// of no name list that a verb's form ends ("my daughter brings campbell's
// soup" was tagged "brings campbell"): the veto of verbOpensName.
func TestTaggerNoNameOpensOnVerb(t *testing.T) {
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	eachTuningDoc(t, []string{"phifree5", "phifree6", "phifree9", "dialogues-known5", "dialogues-known6"}, func(name, text string, known Known) {
		s := d.pool.Get().(*scan)
		defer d.release(s)
		for _, sp := range d.Detect(text, known) {
			if sp.Type != Name || !strings.Contains(text[sp.Start:sp.End], " ") {
				continue
			}
			checked++
			s.rules(d, text, known, false)
			if k := s.tokStartingAt(sp.Start); k >= 0 && s.verbOpensName(k) {
				t.Errorf("%s: a name opening on the verb %q", name, text[sp.Start:sp.End])
			}
		}
	})
	if checked == 0 {
		t.Fatal("no name of several words in the corpora: the test checked nothing")
	}
}

// TestTaggerLeavesDrugShapedWords: a lower-case word on no list shaped as
// a drug or a condition is no place or name of the tagger's ("pain free on
// hydroxyurea", where it had taken a place).
func TestTaggerLeavesDrugShapedWords(t *testing.T) {
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"hospital in october for a pain crisis. currently pain free on hydroxyurea. she works as a nurse at children's mercy. plan continue hydroxyurea, folic acid. end.",
	} {
		for _, sp := range d.Detect(text, Known{}) {
			if strings.Contains(text[sp.Start:sp.End], "hydroxyurea") {
				t.Errorf("%q: %s %q", text, sp.Type, text[sp.Start:sp.End])
			}
		}
	}
}
