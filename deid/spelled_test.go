package deid_test

import (
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSpelledOutNames: a name spelled out letter by letter with no
// metadata goes when the words around say it is a name: spelled after
// "it's" or "that's" (whose "s" is no letter of it), asked for with
// "spell" earlier on the line or on the line before, after a name's label,
// with "as in" ("s as in sam"), or making a listed surname. Letters that
// make an acronym or a word on no list with nothing around ("c o p d", "n s
// a i d s", "b i p a p") stay. Written for this test.
func TestSpelledOutNames(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			name, text string
			gone       []string // each must lie inside one span
			kept       []string // none may touch a span
		}{
			{"its-spelled", "caller: can you spell that for me sure it's h a l v o r s e n",
				[]string{"h a l v o r s e n"}, nil},
			{"thats-spelled", "patient: last name okafor that's o k a f o r",
				[]string{"okafor", "o k a f o r"}, nil},
			{"asked-line-before", "doctor: can you spell your last name for me\npatient: o y e l a r a n",
				[]string{"o y e l a r a n"}, nil},
			{"as-in", "caller: it's smith s as in sam m as in mary i t h",
				[]string{"smith", "s as in sam m as in mary i t h"}, nil},
			{"label", "patient: my last name is w a s z c z y k",
				[]string{"w a s z c z y k"}, nil},
			{"commas", "caller: that's b, r, e, n, n, a, n", []string{"b, r, e, n, n, a, n"}, nil},
			{"listed-surname", "patient: m u l c a h y", []string{"m u l c a h y"}, nil},
			{"surname-between", "caller hunter young h u n t e r", []string{"hunter", "young", "h u n t e r"}, nil},
			{"hesitation-between", "patient: it's okafor uh o k a f o r", []string{"okafor", "o k a f o r"}, []string{"uh"}},
			// Near misses: acronyms and words read out letter by letter.
			{"acronyms", "doctor: we'll start the i v and give the n s a i d s p r n", nil,
				[]string{"i v", "n s a i d s", "p r n"}},
			{"copd", "doctor: his c o p d is worse and the e k g showed a fib", nil, []string{"c o p d", "e k g"}},
			{"bipap", "nurse: she's on b i p a p at night for the o s a", nil, []string{"b i p a p", "o s a"}},
			{"unlisted-no-cue", "patient: that's h i p a a stuff you know", nil, []string{"h i p a a"}},
			{"english-word-spelled", "teacher: the word is c a t", nil, []string{"c a t"}},
			{"cue-spelled-after-label", "speaker 1: name and m r n please", nil, []string{"m r n"}},
			{"clinical-word-spelled", "patient: how do you spell that\ndoctor: d y s p h a g i a", nil, []string{"d y s p h a g i a"}},
			{"acronym-said-then-spelled", "doctor: ok so ekg is e k g and it checks the rhythm", nil, []string{"ekg", "e k g"}},
		} {
			spans := d.Detect(c.text, deid.Known{})
			for _, w := range c.gone {
				if !within(c.text, spans, w, "") {
					t.Errorf("rules only %v: %s: %q not removed whole (spans %v)", rulesOnly, c.name, w, spans)
				}
			}
			for _, w := range c.kept {
				if touching(c.text, spans, w) {
					t.Errorf("rules only %v: %s: %q removed (spans %v)", rulesOnly, c.name, w, spans)
				}
			}
		}
	}
}

// TestPhoneticAlphabetIdentifiers: an identifier after its cue read out with
// the phonetic alphabet goes whole ("plate seven alpha bravo charlie one two
// three" left all but "charlie", which went as a name). A phonetic word that
// is a given name, outside such a run, is a name as before; two phonetic
// words with no digits are no identifier. Written for this test.
func TestPhoneticAlphabetIdentifiers(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"caller: plate number is seven alpha bravo charlie one two three", "seven alpha bravo charlie one two three", deid.Vehicle},
			{"patient: my member id is xray whiskey kilo seven seven one four", "xray whiskey kilo seven seven one four", deid.HealthPlan},
		}, "caller: the plate is echo delta")
	}
}

// within reports whether the first occurrence of w in text lies inside
// one span, of type typ unless typ is empty.
func within(text string, spans []deid.Span, w string, typ deid.Type) bool {
	at := strings.Index(text, w)
	for _, s := range spans {
		if (typ == "" || s.Type == typ) && s.Start <= at && at+len(w) <= s.End {
			return true
		}
	}
	return false
}

// touching reports whether a span overlaps the first occurrence of w.
func touching(text string, spans []deid.Span, w string) bool {
	at := strings.Index(text, w)
	for _, s := range spans {
		if s.Start < at+len(w) && at < s.End {
			return true
		}
	}
	return false
}

// exact is a value that must be removed as one span of type typ.
type exact struct {
	text, value string
	typ         deid.Type
}

// expectExact reports each case whose value is not one span of its type,
// and each text of none that has a span at all.
func expectExact(t *testing.T, d *deid.Detector, rulesOnly bool, cases []exact, none ...string) {
	t.Helper()
	for _, c := range cases {
		found := false
		for _, s := range d.Detect(c.text, deid.Known{}) {
			found = found || c.text[s.Start:s.End] == c.value && s.Type == c.typ
		}
		if !found {
			t.Errorf("rules only %v: %q: %q not removed whole as %s", rulesOnly, c.text, c.value, c.typ)
		}
	}
	for _, text := range none {
		if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
			t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
		}
	}
}
