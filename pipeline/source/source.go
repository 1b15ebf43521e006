// Package source turns what a clinic submitted into the segments a draft
// cites: a note becomes one segment per sentence (remembering the heading
// it sits under), a sidecar transcript one segment per cue. Segment IDs are
// assigned in order, so the same input always yields the same IDs.
package source

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// FromCues makes one segment per cue.
func FromCues(cues []caption.Cue) []encounter.Segment {
	segs := make([]encounter.Segment, 0, len(cues))
	for i, c := range cues {
		segs = append(segs, encounter.Segment{
			ID: encounter.SegmentID(i + 1), StartMS: c.StartMS, EndMS: c.EndMS,
			Speaker: c.Speaker, Text: c.Text,
		})
	}
	return segs
}

// headingRE matches a line that opens with a section label such as
// "HPI:", "Assessment and Plan:" or "PHYSICAL EXAM:"; the rest of the line,
// if any, is content.
var headingRE = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z/&() ,-]{0,40}?)\s*:\s*(.*)$`)

// FromNote splits a note into sentence segments. A line like "Plan: start
// lisinopril." sets the heading "plan" for the sentences that follow until
// the next heading.
func FromNote(text string) []encounter.Segment {
	var segs []encounter.Segment
	heading := ""
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := headingRE.FindStringSubmatch(line); m != nil && IsHeading(m[1]) {
			heading = normalizeHeading(m[1])
			line = m[2]
		}
		for _, s := range Sentences(line) {
			segs = append(segs, encounter.Segment{
				ID: encounter.SegmentID(len(segs) + 1), Text: s, Heading: heading,
			})
		}
	}
	return segs
}

// knownHeadings are labels clinicians put before a part of a note. Only
// these count as headings, so "Note: patient was late" or a ratio like
// "BP: 120/80" inside a sentence is not mistaken for one.
var knownHeadings = map[string]bool{
	"s": true, "o": true, "a": true, "p": true, // SOAP initials
	"cc": true, "chief complaint": true, "reason for visit": true, "hpi": true,
	"history of present illness": true, "history": true, "interval history": true,
	"subjective": true, "objective": true, "ros": true, "review of systems": true,
	"pmh": true, "past medical history": true, "psh": true, "past surgical history": true,
	"medications": true, "meds": true, "current medications": true, "allergies": true,
	"social history": true, "family history": true, "sh": true, "fh": true,
	"vitals": true, "vital signs": true, "exam": true, "physical exam": true, "pe": true,
	"physical examination": true, "labs": true, "results": true, "data": true, "imaging": true,
	"assessment": true, "impression": true, "diagnosis": true, "diagnoses": true,
	"assessment and plan": true, "assessment & plan": true, "a/p": true, "a&p": true,
	"plan": true, "disposition": true, "follow-up": true, "follow up": true,
	"patient instructions": true, "instructions": true, "counseling": true, "orders": true,
}

// IsHeading reports whether label is a known note section label.
func IsHeading(label string) bool { return knownHeadings[normalizeHeading(label)] }

func normalizeHeading(label string) string {
	return strings.ToLower(strings.Join(strings.Fields(label), " "))
}

// Abbreviations that end with a period but do not end a sentence.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "jr": true, "sr": true,
	"vs": true, "e.g": true, "i.e": true, "approx": true, "no": true, "pt": true,
	"b.i.d": true, "t.i.d": true, "q.i.d": true, "q.d": true, "p.o": true, "p.r.n": true,
	"a.m": true, "p.m": true, "mg": true, "ml": true, "hx": true, "dx": true, "rx": true,
	"etc": true, "fig": true, "prof": true, "sgt": true, "lt": true, "mt": true,
}

// Sentences splits text into sentences. A period, question mark or
// exclamation mark ends a sentence when followed by space and then an
// upper-case letter, digit or quote, and the word before it is not a known
// abbreviation or a single initial; decimals such as 7.9 never split.
func Sentences(text string) []string {
	var out []string
	start := 0
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Swallow runs like "?!" or "..." and closing quotes/brackets.
		j := i + 1
		for j < n && strings.IndexByte(".!?\"')]", text[j]) >= 0 {
			j++
		}
		if j < n && text[j] != ' ' && text[j] != '\t' {
			continue // "7.9", "e.g.", "www.x"
		}
		k := j
		for k < n && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k < n {
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '\'' && r != '(' {
				continue
			}
		}
		if c == '.' && isAbbreviation(text[start:i]) {
			continue
		}
		if c == '.' && isListMarker(text[start:i]) {
			continue // "1. Fatigue ..." is one sentence, number and all
		}
		if s := strings.TrimSpace(text[start:j]); s != "" {
			out = append(out, s)
		}
		start = j
		i = j - 1
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isListMarker reports whether a sentence so far is only a list number
// ("1", " 12").
func isListMarker(before string) bool {
	b := strings.TrimSpace(before)
	if b == "" || len(b) > 2 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return true
}

// dialogueRE matches a transcript line "Speaker: what they said".
var dialogueRE = regexp.MustCompile(`^\s*([A-Z][A-Za-z .'()-]{0,40}?)\s*:\s*(.*)$`)

// FromDialogue makes one segment per speaker turn of a dialogue written one
// turn per line, "Doctor: ..." / "Patient: ..." (a transcript exported as
// text, or a test corpus). A line without a speaker label continues the
// turn before it.
func FromDialogue(text string) []encounter.Segment {
	var segs []encounter.Segment
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := dialogueRE.FindStringSubmatch(line); m != nil && !IsHeading(m[1]) {
			segs = append(segs, encounter.Segment{ID: encounter.SegmentID(len(segs) + 1), Speaker: strings.TrimSpace(m[1]), Text: strings.TrimSpace(m[2])})
			continue
		}
		if len(segs) == 0 {
			segs = append(segs, encounter.Segment{ID: encounter.SegmentID(1), Text: line})
			continue
		}
		segs[len(segs)-1].Text += " " + line
	}
	return segs
}

// isAbbreviation looks at the word just before a period.
func isAbbreviation(before string) bool {
	w := before
	if i := strings.LastIndexAny(before, " \t(\"'"); i >= 0 {
		w = before[i+1:]
	}
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial, as in "J. Smith"
	}
	return abbreviations[strings.ToLower(w)]
}
