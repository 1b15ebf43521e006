package deid

import "strings"

// Wrapped identifiers: text that went through another de-identification
// step in the MIMIC style keeps each identifier, or a surrogate for it,
// inside "[**" and "**]" ("[**2151-7-16**]", "[**Known lastname 4467**]",
// "[**Hospital1 18**]", "[**Telephone/Fax (1) 1025**]"). Whatever is inside
// stands for an identifier; its type comes from the label words when there
// are any, else from its shape.

// maxWrapped bounds the content of one wrapper, so an unclosed "[**" costs
// little.
const maxWrapped = 120

func (s *scan) scanWrapped() {
	text := s.text
	for from := 0; ; {
		p := strings.Index(text[from:], "[**")
		if p < 0 {
			return
		}
		st := from + p + 3
		from = st
		lim := min(len(text), st+maxWrapped)
		q := strings.Index(text[st:lim], "**]")
		if q < 0 {
			continue
		}
		en := st + q
		from = en + 3
		if nl := strings.IndexByte(text[st:en], '\n'); nl >= 0 {
			continue
		}
		for st < en && text[st] == ' ' {
			st++
		}
		for en > st && text[en-1] == ' ' {
			en--
		}
		if st == en {
			continue
		}
		s.add(st, en, wrappedType(s.low[st:en]), prStrong)
	}
}

// wrappedLabels maps words of MIMIC-style labels to types, checked in order
// (so "telephone/fax" is a phone and "first name" a name before anything
// else matches).
var wrappedLabels = []struct {
	word string
	t    Type
}{
	{"telephone", Phone}, {"phone", Phone}, {"pager", Phone}, {"fax", Fax},
	{"e-mail", Email}, {"email", Email}, {"url", URL}, {"ip address", IP},
	{"social security", SSN}, {"medical record", MRN}, {"mrn", MRN},
	{"serial number", Device}, {"age over 90", Age},
	{"name", Name}, {"initials", Name}, {"lastname", Name},
	{"hospital", Location}, {"location", Location}, {"address", Location}, {"street", Location},
	{"state", Location}, {"country", Location}, {"county", Location}, {"city", Location},
	{"university", Location}, {"college", Location}, {"ward", Location}, {"company", Location},
	{"date", Date}, {"month", Date}, {"year", Date}, {"holiday", Date}, {"day", Date},
	{"number", ID}, {"identifier", ID},
}

// wrappedType guesses the type of wrapped content (ASCII lower case).
func wrappedType(low string) Type {
	for _, l := range wrappedLabels {
		if strings.Contains(low, l.word) {
			return l.t
		}
	}
	// A bare value: a numeric date ("2151-7-16", "11-30", "3/4"), else a
	// code, else a name.
	digits, letters, seps := 0, 0, 0
	for i := 0; i < len(low); i++ {
		switch c := low[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'z':
			letters++
		case c == '-' || c == '/' || c == '.':
			seps++
		}
	}
	switch {
	case digits > 0 && letters == 0 && seps > 0 && digits <= 8:
		return Date
	case digits > 0:
		return ID
	}
	return Name
}
