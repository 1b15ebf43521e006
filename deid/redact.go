package deid

import (
	"strconv"
	"strings"
	"time"
)

// restrictedZIP3 are the three-digit ZIP prefixes whose geographic units had
// 20,000 people or fewer in the 2000 Census; Safe Harbor requires them to be
// written as 000 (HHS, Guidance Regarding Methods for De-identification of
// PHI, section on the initial three digits of ZIP codes).
var restrictedZIP3 = map[string]bool{
	"036": true, "059": true, "063": true, "102": true, "203": true, "556": true, "692": true, "790": true,
	"821": true, "823": true, "830": true, "831": true, "878": true, "879": true, "884": true, "890": true, "893": true,
}

// RestrictedZIP3 reports whether a three-digit ZIP prefix must be replaced by
// 000 under Safe Harbor.
func RestrictedZIP3(prefix string) bool { return restrictedZIP3[prefix] }

// Redact replaces each span with a typed placeholder such as "[NAME]", using
// the current year for the over-89 rule. See RedactAsOf.
func Redact(text string, spans []Span) string {
	return RedactAsOf(text, spans, time.Now())
}

// RedactAsOf replaces each span of text with a typed placeholder and keeps
// only what Safe Harbor allows:
//
//   - a US ZIP (five digits, or nine with its +4) keeps its first three
//     digits, "[ZIP 021]", or "[ZIP 000]" for the restricted prefixes;
//     another country's postcode keeps nothing, "[ZIP]";
//   - a date keeps its year, "[DATE 1952]", unless the year implies an age
//     over 89 as of now, then "[DATE 90 or older]";
//   - an age becomes "[AGE 90 or older]";
//   - everything else becomes "[TYPE]".
//
// Spans must be sorted and non-overlapping, as Detect returns them; spans out
// of range are clipped. Redact(text, spans) is the concatenation of the text
// between spans and RedactAsOf(text[sp.Start:sp.End], whole span) for each.
func RedactAsOf(text string, spans []Span, now time.Time) string {
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, sp := range spans {
		st, en := max(sp.Start, pos), min(sp.End, len(text))
		if st >= en {
			continue
		}
		b.WriteString(text[pos:st])
		b.WriteString(Placeholder(text[st:en], sp.Type, now))
		pos = en
	}
	b.WriteString(text[pos:])
	return b.String()
}

// Placeholder is the redaction of one identifier of type t (see RedactAsOf).
func Placeholder(original string, t Type, now time.Time) string {
	switch t {
	case ZIP:
		var d []byte
		for i := 0; i < len(original); i++ {
			if original[i] >= '0' && original[i] <= '9' {
				d = append(d, original[i])
			}
		}
		if len(d) != 5 && len(d) != 9 {
			return "[ZIP]" // a US ZIP or ZIP+4 keeps its prefix; another country's postcode ("110053") does not
		}
		p := string(d[:3])
		if restrictedZIP3[p] {
			p = "000"
		}
		return "[ZIP " + p + "]"
	case Date:
		y, ok := yearOfDate(original, now.Year())
		switch {
		case !ok:
			return "[DATE]"
		case y <= now.Year()-90:
			return "[DATE 90 or older]"
		default:
			return "[DATE " + strconv.Itoa(y) + "]"
		}
	case Age:
		return "[AGE 90 or older]"
	case "":
		return "[ID]"
	}
	return "[" + string(t) + "]"
}

// yearOfDate returns the year a date expression carries, if any.
func yearOfDate(x string, year int) (int, bool) {
	x, _ = splitTime(x)
	if len(x) == 4 && isDigitsFrom(x) {
		y, _ := strconv.Atoi(x)
		return y, true
	}
	if v, ok := parseDateString(x, year); ok && v.hasY {
		return v.y, true
	}
	s := &scan{text: x, low: asciiLower(x), year: year}
	s.toks = tokenize(x, nil)
	if len(s.toks) > 0 {
		if y, e := s.spokenYear(0); e == len(s.toks)-1 {
			return y, true
		}
	}
	return 0, false
}
