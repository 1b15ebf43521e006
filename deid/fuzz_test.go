package deid_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/deid"
)

// FuzzDetect: no input, however broken, makes the detector or the writers
// panic, and spans are always sorted, in range and on character boundaries.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "Mr. O'Neil-Park (555) 010-7788", "\xff\xfe MRN#", "(((((", "1/2/3/4/5/6",
		"Dr.", "fe80::", "a@b.", "www.", "::::::::", "March", "the fourth of", "five five five,", "\u2019s O\u2019",
		"Springfield, IL 6", "12B Elm St #", "IMG_.jpg", "SSN 123-45-", "Ω Ωmega İstanbul", "SLEEP CENTER OF KVH"} {
		f.Add(s)
	}
	d := newDetector(f, deid.Config{})
	f.Fuzz(func(t *testing.T, text string) {
		kn := deid.Known{PatientNames: []string{"Harold J. Whitcombe"}, Identifiers: []string{"00451287"}}
		spans := d.Detect(text, kn)
		checkSpans(t, text, spans)
		for _, sp := range spans {
			if utf8.ValidString(text) && (!utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
				t.Fatalf("span %+v splits a character in %q", sp, text)
			}
		}
		_ = d.Redact(text, spans)
		_ = deid.NewSurrogates().Replace(text, spans)
	})
}

var fillers = []string{
	"Denies chest pain.", "BP 138/86, HR 72.", "A1c 7.9%.", "Metformin 500 mg BID.", "Follow up in 2 weeks.",
	"Take 3/4 of the tablet.", "History of Parkinson disease.", "Drinks Dr. Pepper.", "Dx E11.9.", "Lot 44A12.",
	"Version 3.4.12.", "Walks 200 ft.", "INR 2.4.", "Pain 7/10.", "Seen today.", "Plan reviewed with patient.",
	"CPT 99214.", "eGFR 58.", "Weight 185 lb.", "Glasgow Coma Scale 15.",
}

// planted writes a random identifier with a cue, returns the sentence and
// the strings that must not survive redaction.
func planted(r *rand.Rand) (string, []string) {
	d := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	area := fmt.Sprint(201 + r.IntN(790))
	switch r.IntN(9) {
	case 0:
		v := fmt.Sprintf("%03d-%02d-%04d", 100+r.IntN(800), 10+r.IntN(89), 1000+r.IntN(9000))
		return []string{"SSN " + v, "social security number " + v, "SSN: " + v}[r.IntN(3)], []string{v}
	case 1:
		ex, ln := d(3), d(4)
		v := []string{"(" + area + ") " + ex + "-" + ln, area + "-" + ex + "-" + ln, area + "." + ex + "." + ln,
			"+1 " + area + " " + ex + " " + ln}[r.IntN(4)]
		return []string{"Call " + v, "cell " + v, "Phone: " + v, "fax " + v, "reach her at " + v}[r.IntN(5)], []string{v, area + ex + ln}
	case 2:
		v := []string{"jo.smith", "k99", "harold.w", "pat_x"}[r.IntN(4)] + d(2) + "@" + []string{"example.org", "mail.example.com"}[r.IntN(2)]
		return "Email " + v, []string{v}
	case 3:
		v := d(6 + r.IntN(3))
		return []string{"MRN " + v, "MRN#" + v, "MRN: " + v, "medical record number " + v}[r.IntN(4)], []string{v}
	case 4:
		m, dd, y := 1+r.IntN(12), 1+r.IntN(28), 1940+r.IntN(80)
		v := []string{fmt.Sprintf("%d/%d/%d", m, dd, y), fmt.Sprintf("%02d/%02d/%04d", m, dd, y),
			fmt.Sprintf("%04d-%02d-%02d", y, m, dd)}[r.IntN(3)]
		return []string{"DOB " + v, "Seen on " + v, "admitted " + v, "born " + v}[r.IntN(4)], []string{v}
	case 5:
		mon := []string{"January", "March", "July", "October", "December"}[r.IntN(5)]
		v := fmt.Sprintf("%s %d, %d", mon, 1+r.IntN(28), 1950+r.IntN(70))
		return "Surgery on " + v, []string{v}
	case 6:
		v := d(4) + d(4)
		return []string{"account #" + v, "Member ID: " + "XK-" + v}[r.IntN(2)], []string{v}
	case 7:
		v := fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), 1+r.IntN(254))
		return "Login from " + v, []string{v}
	default:
		v := fmt.Sprintf("https://portal.example.org/p/%s", d(5))
		return "See " + v, []string{v}
	}
}

// plantedText is random clinical filler with identifiers planted in it,
// after noise on a line of its own when noise is one line of valid UTF-8
// (an empty noise leaves an empty first line);
// it returns the planted values too.
func plantedText(r *rand.Rand, noise string) (string, []string) {
	var b strings.Builder
	var secrets []string
	if utf8.ValidString(noise) && !strings.ContainsAny(noise, "\n") {
		b.WriteString(noise)
		b.WriteString("\n")
	}
	for range 1 + r.IntN(8) {
		if r.IntN(2) == 0 {
			b.WriteString(fillers[r.IntN(len(fillers))])
		} else {
			s, sec := planted(r)
			b.WriteString(s)
			b.WriteString(".")
			secrets = append(secrets, sec...)
		}
		b.WriteString([]string{" ", "\n", "  "}[r.IntN(3)])
	}
	return b.String(), secrets
}

// FuzzPlantedIdentifiers: identifiers planted in random clinical filler
// never survive Redact.
func FuzzPlantedIdentifiers(f *testing.F) {
	for i := range 16 {
		f.Add(uint64(i), uint64(i*7919), "")
	}
	f.Add(uint64(3), uint64(5), "version lot NDC")
	d := newDetector(f, deid.Config{})
	f.Fuzz(func(t *testing.T, s1, s2 uint64, noise string) {
		text, secrets := plantedText(rand.New(rand.NewPCG(s1, s2)), noise)
		red := d.Redact(text, d.Detect(text, deid.Known{}))
		for _, s := range secrets {
			if strings.Contains(red, s) {
				t.Fatalf("%q survived redaction:\n%s\n->\n%s", s, text, red)
			}
		}
	})
}

// FuzzRoundTrip: restore(pseudonymize(x)) == x for any text.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"Harold Whitcombe, MRN 00451287, (555) 010-7788.", "A. Whitcombe's HJW", "",
		"Dr. Okafor: hi Orla Vantreese", "92F born 1931", "\xffMr. Smith\xfe"} {
		f.Add(s)
	}
	d := newDetector(f, deid.Config{})
	f.Fuzz(func(t *testing.T, text string) {
		spans := d.Detect(text, deid.Known{PatientNames: []string{"Harold J. Whitcombe"}})
		m := deid.NewMapping()
		p := deid.Pseudonymize(text, spans, m)
		if got := m.Restore(p); got != text {
			t.Fatalf("round trip:\n got %q\nwant %q\n via %q", got, text, p)
		}
	})
}

// capitalizeMentions capitalizes each word of the name mentions in text.
func capitalizeMentions(text string, ms []mention) string {
	b := []byte(text)
	for _, m := range ms {
		if !strings.Contains(m.what, "name") || strings.Contains(m.what, "spelled") {
			continue
		}
		for k := m.start; k < m.end; k++ {
			if (k == m.start || b[k-1] == ' ' || b[k-1] == '-') && b[k] >= 'a' && b[k] <= 'z' {
				b[k] -= 'a' - 'A'
			}
		}
	}
	return string(b)
}

// FuzzKnownDialogue: in randomized lower-case dialogues built around the
// names and identifiers the platform supplied (names that are also words
// included; in lower case or with the names capitalized), no supplied name
// or identifier survives. noise is a line of
// arbitrary text put before the dialogue.
func FuzzKnownDialogue(f *testing.F) {
	for i := range 8 {
		f.Add(uint64(i), uint64(i*104729), "")
	}
	f.Add(uint64(7), uint64(11), "mrs. dr: [ hi , ok")
	d := newDetector(f, deid.Config{})
	rules := newDetector(f, deid.Config{RulesOnly: true})
	f.Fuzz(func(t *testing.T, s1, s2 uint64, noise string) {
		r := rand.New(rand.NewPCG(s1, s2))
		text, kn, ms := genDialogue(r)
		if r.IntN(3) == 0 {
			// Any casing: some transcribers capitalize the names they
			// know ("hey there Dawn", "mrs. Rivers").
			text = capitalizeMentions(text, ms)
		}
		if utf8.ValidString(noise) && !strings.ContainsAny(noise, "\n\r") && noise != "" {
			text = noise + "\n" + text
			for k := range ms {
				ms[k].start += len(noise) + 1
				ms[k].end += len(noise) + 1
			}
		}
		for _, m := range surviving(text, d.Detect(text, kn), ms) {
			t.Errorf("%s %q survived:\n%s", m.what, text[m.start:m.end], text)
		}
		for _, m := range surviving(text, rules.Detect(text, kn), ms) {
			t.Errorf("rules only: %s %q survived:\n%s", m.what, text[m.start:m.end], text)
		}
	})
}
