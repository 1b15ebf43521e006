package deid

import "strings"

// A text written all in capitals (dictation systems, old transcription
// services, teletype-style notes) hides what the rules read from case:
// "FROM SOUTH BOSTON", "AT THE LABOURE CENTER", "ON DORCHESTER ST", "HOME TO
// BRONSON" are found in "From South Boston" and in a lower-case transcript,
// but not in capitals. Detect also runs the rules over such a text lower-
// cased, where the rules written for transcripts find places and names by
// the words around them, and adds what they find outside the spans already
// found. HL7 messages are left to their field rules.

// capsMinLetters and capsShare decide that a text is written in capitals:
// at least this many letters, and this share of them capitals.
const (
	capsMinLetters = 40
	capsShare      = 0.8
)

// capsText reports whether text is written in capitals.
func capsText(text string) bool {
	up, letters := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			up++
			letters++
		case c >= 'a' && c <= 'z':
			letters++
			if letters >= capsMinLetters && float64(letters-up) > (1-capsShare)*float64(letters) {
				return false // most texts stop here, within their first words
			}
		}
	}
	if letters < capsMinLetters || float64(up) < capsShare*float64(letters) {
		return false
	}
	t := strings.TrimLeft(text, " \t\r\n")
	return !strings.HasPrefix(t, "MSH|") && !strings.HasPrefix(t, "FHS|") && !strings.HasPrefix(t, "BHS|")
}

// capsAsLower returns spans with what the rules find in text lower-cased
// added where it overlaps none of them.
func (d *Detector) capsAsLower(text string, known Known, spans []Span) []Span {
	low := strings.ToLower(text)
	if len(low) != len(text) {
		return spans // a capital whose lower case is of another length: offsets would not hold
	}
	s := d.pool.Get().(*scan)
	defer d.release(s)
	// The same vetoes as the mixed-case pass: "UNABLE TO BEAR WEIGHT" is
	// no town in lower case either.
	add := s.dropFree(s.rules(d, low, known, false))
	if len(add) == 0 {
		return spans
	}
	return mergeSpans(make([]Span, 0, len(spans)+len(add)), spans, add)
}
