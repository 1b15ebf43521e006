package deid

// Numbers and codes that identify no one: national hotlines printed on
// every leaflet (publicNumbers, numbers.go; here also when another rule
// typed one, spoken say), and the names of genetic variants that whole
// founder populations share ("5382insC", "6174delT").

// dropPublic removes from spans the phone numbers that are public hotlines
// and the IDs that name a genetic variant.
func (s *scan) dropPublic(spans []Span) []Span {
	out := spans[:0]
	for _, sp := range spans {
		v := s.text[sp.Start:sp.End]
		if (sp.Type == Phone || sp.Type == Fax) && publicNumbers[phoneDigits(v)] || sp.Type == ID && variantName(v) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// phoneDigits returns the digits of v without a leading country code 1.
func phoneDigits(v string) string {
	var b [16]byte
	d := b[:0]
	for i := 0; i < len(v) && len(d) < len(b); i++ {
		if v[i] >= '0' && v[i] <= '9' {
			d = append(d, v[i])
		}
	}
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	return string(d)
}

// variantName: a position and an insertion, deletion or duplication of
// bases, as founder mutations are written ("185delAG", "5382insC",
// "c.68_69delAG" is read by its last part).
func variantName(v string) bool {
	i := 0
	for i < len(v) && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	if i == 0 || i+4 > len(v) {
		return false
	}
	switch v[i : i+3] {
	case "del", "ins", "dup":
	default:
		return false
	}
	for k := i + 3; k < len(v); k++ {
		switch v[k] {
		case 'A', 'C', 'G', 'T':
		default:
			return false
		}
	}
	return true
}
