package prefilter

import (
	"math/rand/v2"
	"os"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// Unicode has exactly two non-ASCII letters whose case folding reaches an
// ASCII letter, the ones foldsToASCII looks for.
func TestFoldsToASCII(t *testing.T) {
	t.Parallel()
	var got []rune
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < 0x80 {
				got = append(got, r)
				break
			}
		}
	}
	if diff := cmp.Diff([]rune{0x17f, 0x212a}, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	for _, r := range got {
		if !foldsToASCII(string(r) + "x") {
			t.Errorf("foldsToASCII misses %U", r)
		}
	}
}

func TestRequired(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, expr string
		want       []string // nil: no filter
	}{
		{"word list", `(?i)\b(?:pain|pills|ache)\b`, []string{`\bache\b`, `\bpain\b`, `\bpills\b`}},
		{"suffix pattern", `(?i)\b(?:vomit\w*|dizz\w*)`, []string{`\bdizz`, `\bvomit`}},
		{"optional prefix multiplies", `(?i)^(?:hey |ok(?:ay)? )?(?:computer|scribe)[,.]?\s+`,
			[]string{"^computer", "^hey computer", "^hey scribe", "^ok computer", "^ok scribe", "^okay computer", "^okay scribe", "^scribe"}},
		{"class enumerated", `straight[- ]leg`, []string{"straight leg", "straight-leg"}},
		{"case-sensitive literal lowered", `\bED\b`, []string{`\bed\b`}},
		{"digits", `\d+ mg`, []string{" mg"}},
		{"only digits", `\d`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{"a branch without literal", `(?i)\b(?:pain|\d{2,3}/\d{2,3})\b`, []string{"/0", "/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9", "pain"}},
		{"plus of literal", `(?:ab)+c`, []string{"ab"}},
		{"no literal", `\w+`, nil},
		{"empty match", `^\s*$`, nil},
		{"optional only", `(?i)(?:pain)?`, nil},
		{"non-ASCII literal without case", `(?i)—`, []string{"—"}},
		{"non-ASCII letter, any case", `(?i)café`, []string{"caf"}},
		{"non-ASCII letter, its case", `café`, []string{"café"}},
		{"non-ASCII beside ASCII", `(?i)^(?:i|it)\s*(?:-|—|\.\.\.)\s*`, []string{"^i"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			tree, err := syntax.Parse(c.expr, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			lits, ok := required(tree)
			var got []string // \b written as such
			for _, l := range lits {
				if ok {
					got = append(got, newLiteral(l).String())
				}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", c.expr, diff)
			}
		})
	}
}

// patterns are shaped like the project's: case-insensitive word lists,
// anchored openers, alternations of phrases with classes, digits.
var patterns = []string{
	`(?i)\b(?:pain|ache|aches|hurt|sore|fever|cough|breath|vomit\w*|er\b|x-?rays?|follow[- ]?up)\b`,
	`(?i)^\W*(?:(?:hey|ok(?:ay)?|um|uh|so)[, ]+)?(?:computer|scribe|assistant|dragon)\b|^\W*(?:next field|scratch that|period|comma)\W*$`,
	`(?i)\b(?:date of birth|dob|\(?\d{3}\)?[ .-]?\d{3}-\d{4}|zip code|bill\b|forms?\b)`,
	`(?i)^(?:(?:so|okay|ok|alright|all right|well|and|now|yeah|yes|oh|hey|um|uh|great|perfect)[,.]?\s+)+`,
	`(?i)^(?:i|it|it's|the|we|you|she|he|my)\s*(?:-|—|\.\.\.)\s*`,
	`(?i)\bkick\b|\bsss\b`,
	`\b(last|this|next|past) (week|month|year|weekend|night|morning|evening)\b`,
	`(\d+(?:\.\d+)?) out of (\d+)`,
	`(?i)\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml|units?)\b`,
	`^[A-Z0-9 &/,.-]{6,}$|(?i)^[\w -]*\b(?:visit|progress note|new patient|follow-?up visit)\b[\w -]*$`,
	`(?i)\bif (?:you|he|she|it|the|they|symptoms?|things?|there)\b[^.]*\b(?:worse|call|come|return)`,
	`(?i)\bED\b|\bBP\b`,
	`(?i)\bq ?(\d+) ?h\b`,
	`(?i)^i (\w+)s\b`,
	`(?i)café|—`,
	`café`,
}

// texts are the project's own sentences (the bundled samples), each also
// with its case changed and with letters that fold to ASCII ones.
func texts(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, name := range []string{"note-hypertension-followup.txt", "note-new-patient-hp.txt", "rec-cough-telehealth.vtt", "rec-dysuria-visit.srt"} {
		b, err := os.ReadFile("../../../testdata/samples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(string(b), "\n")...)
	}
	out = append(out, "", "Kick it", "\u212aick it", "\u017f\u017f\u017f", "miſs", "Hey \u212aomputer, next", "x—y", "I — had pain", "it... worse",
		"Call us if it gets worse.", "BP 120/80 at 10 MG", "q 6 h", "I gets", "pain_", "_pain", "CAFÉ", "café", "cafe", "Café", "okay computer", "so computer", " computer", "I — had it", "it—", "x—", "3pain", "pain3", "PAIN!", "painful", "er", "the er.", "her", "kick_", "ED", "fed", "ED.", "bp", "xbp", "Spain", "s-pain", "1ED", "é-pain", "DATE OF BIRTH", "(617) 555-0134", "bill.", "\xff\xfepain\xc5")
	n := len(out)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < n; i++ {
		b := []byte(out[i])
		for k := range b {
			if r.IntN(3) == 0 && b[k] < 0x80 {
				b[k] = byte(unicode.ToUpper(rune(b[k])))
			}
		}
		out = append(out, string(b), strings.ToUpper(out[i]), strings.ReplaceAll(out[i], "k", "\u212a"))
	}
	return out
}

// The filtered methods answer what the regexp package answers.
func TestAgreesWithRegexp(t *testing.T) {
	t.Parallel()
	ts := texts(t)
	for _, p := range patterns {
		agree(t, p, ts)
	}
	// Every pattern filters, so the test compares the scan, not only the
	// regexp package with itself.
	for _, p := range patterns {
		if !MustCompile(p).filtered && !slices.Contains([]string{patterns[9]}, p) {
			t.Errorf("no filter for %s", p)
		}
	}
}

func agree(t *testing.T, p string, ts []string) {
	t.Helper()
	re, plain := MustCompile(p), regexp.MustCompile(p)
	for _, s := range ts {
		if got, want := re.MatchString(s), plain.MatchString(s); got != want {
			t.Errorf("%s MatchString(%q) = %v, want %v", p, s, got, want)
		}
		if got, want := re.ReplaceAllString(s, "<$0>"), plain.ReplaceAllString(s, "<$0>"); got != want {
			t.Errorf("%s ReplaceAllString(%q) = %q, want %q", p, s, got, want)
		}
		if diff := cmp.Diff(plain.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1)); diff != "" {
			t.Errorf("%s FindAllStringSubmatchIndex(%q) (-want +got):\n%s", p, s, diff)
		}
	}
}

func FuzzAgreesWithRegexp(f *testing.F) {
	for _, s := range texts(f) {
		f.Add(uint8(0), s)
	}
	f.Fuzz(func(t *testing.T, i uint8, s string) {
		agree(t, patterns[int(i)%len(patterns)], []string{s})
	})
}

func BenchmarkMatchString(b *testing.B) {
	ts := texts(b)
	for _, c := range []struct {
		name string
		re   interface{ MatchString(string) bool }
	}{
		{"regexp", regexp.MustCompile(patterns[0])},
		{"prefilter", MustCompile(patterns[0])},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range ts {
					c.re.MatchString(s)
				}
			}
		})
	}
}

// stripMarkers runs while every expression of offline, coverage and
// factcheck is analysed at start-up, tens of thousands of times: it must
// not build a Replacer each call (that cost 220 ms and 350 MB per process
// start).
func TestStripMarkersAllocatesOnlyItsResult(t *testing.T) {
	if got := stripMarkers("\x01blood pressure\x01 \x02bp"); got != "blood pressure bp" {
		t.Fatalf("stripMarkers = %q", got)
	}
	if n := testing.AllocsPerRun(100, func() { _ = stripMarkers("\x01blood pressure\x01 \x02bp") }); n > 1 {
		t.Errorf("stripMarkers allocates %.0f times a call, want at most 1 (its result)", n)
	}
}
