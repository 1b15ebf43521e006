package deid

import "strings"

// Numbers said digit by digit in Spanish, as interpreters and patients
// say phones and record numbers: "tres dos tres cinco cinco cinco cero uno
// cuatro cuatro", "cuatro cero ocho tres tres uno nueve". Seven digits or
// more in a row on one line (commas and dashes between them allowed) are
// an identifier: a phone when there are ten, or seven after a word of
// phones; a record number after a word of records; else an ID. A late
// rule.

// spanishDigits are the digits said in Spanish.
var spanishDigits = wordsOf("cero uno dos tres cuatro cinco seis siete ocho nueve")

// spanishPhoneCues and spanishRecordCues say what the number is, in
// English or Spanish, on its line or the line before.
var (
	spanishPhoneCues  = wordsOf("phone number cell celular teléfono telefono número numero mobile")
	spanishRecordCues = wordsOf("record chart mrn expediente registro")
)

// spanishDigitRuns adds the identifiers said in Spanish digits.
func (s *scan) spanishDigitRuns() {
	// Seven digits said in Spanish hold one of these (a run of only
	// "cero", "uno" and "dos" is left): most texts stop here.
	if !strings.Contains(s.low, "cinco") && !strings.Contains(s.low, "tres") && !strings.Contains(s.low, "cero") &&
		!strings.Contains(s.low, "ocho") && !strings.Contains(s.low, "nueve") && !strings.Contains(s.low, "seis") &&
		!strings.Contains(s.low, "siete") && !strings.Contains(s.low, "cuatro") {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].letters() || !spanishDigits[s.lower(i)] {
			continue
		}
		n, e := 1, i
		for k := s.next(i); k > 0; k = s.next(k) {
			t := &s.toks[k]
			if t.punct(',') || t.punct('-') {
				continue
			}
			if !t.letters() || !spanishDigits[s.lower(k)] {
				break
			}
			n, e = n+1, k
		}
		if n >= 7 {
			typ := ID
			switch {
			case s.cueNear(i, spanishRecordCues):
				typ = MRN
			case n == 10 || n == 11 && s.eq(i, "uno") || s.cueNear(i, spanishPhoneCues):
				typ = Phone
			}
			s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[e].e), Type: typ})
		}
		i = e
	}
}

// cueNear: a word of cues stands before token i on its line or on the
// line before.
func (s *scan) cueNear(i int, cues map[string]bool) bool {
	lines := 0
	for k := i - 1; k >= 0 && i-k <= 24; k-- {
		if s.toks[k].letters() && cues[s.lower(k)] {
			return true
		}
		if s.toks[k].gap == gapLine {
			if lines++; lines > 1 {
				return false
			}
		}
	}
	return false
}
