package deid

import (
	"regexp"
	"strconv"
	"strings"
)

// dicomValues (a late rule): the values of a DICOM header dumped as text
// ("(0010,0010) PN [HUYNH^THI^KIM^^]   # PatientName", as dcmdump prints
// it), where the rules for prose see a caret-joined name, a coded age and
// a dotted UID as none of theirs: a person's name (value representation
// PN: its components without the empty ones and the degree after them,
// "VO^THANH^BINH^^MD"), an age over 89 (AS, "094Y"), a unique identifier
// (UI, "1.2.826.0.1..."), which Safe Harbor counts as an identifying
// number, and a date (DA, "19320816": a date, not an identifier).
func (s *scan) dicomValues() {
	if !strings.Contains(s.text, ") PN [") && !strings.Contains(s.text, ") AS [") && !strings.Contains(s.text, ") UI [") &&
		!strings.Contains(s.text, ") DA [") {
		return
	}
	for _, m := range dicomElement.FindAllStringSubmatchIndex(s.text, -1) {
		vr, vs, ve := s.text[m[2]:m[3]], m[4], m[5]
		val := s.text[vs:ve]
		switch vr {
		case "PN":
			// The family, given and middle names come first; a prefix and
			// a suffix ("MD") follow empty components.
			parts := strings.Split(val, "^")
			end := vs
			for k, p := range parts {
				if k >= 3 || p == "" {
					break
				}
				end += len(p)
				if k > 0 {
					end++ // the caret before it
				}
			}
			if end > vs {
				s.late = append(s.late, Span{Start: vs, End: end, Type: Name})
			}
		case "AS":
			if len(val) == 4 && val[3] == 'Y' {
				if v, err := strconv.Atoi(val[:3]); err == nil && v >= 90 {
					s.late = append(s.late, Span{Start: vs, End: ve, Type: Age})
				}
			}
		case "UI":
			if len(val) >= 10 {
				s.late = append(s.late, Span{Start: vs, End: ve, Type: ID})
			}
		case "DA":
			if len(val) == 8 {
				if v, err := strconv.Atoi(val); err == nil && v/10000 >= 1800 && validMD(v/100%100, v%100) {
					s.late = append(s.late, Span{Start: vs, End: ve, Type: Date})
				}
			}
		}
	}
}

// dicomElement matches one element of a DICOM dump: the tag, the value
// representation and the value in square brackets.
var dicomElement = regexp.MustCompile(`\([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\) (PN|AS|UI|DA) \[([^\]\n]+)\]`)
