package deid

// ocrDateAt: a date a scanner read with letters for digits, "O4/O9/1958",
// "l2/O3/2O21" (O for 0, l or I for 1), after a date's cue on its line
// ("DOB:", "Date of birth"). Token i is its first part, letters and
// digits mixed.
func (s *scan) ocrDateAt(i int) bool {
	end, parts := i, 0
	for k := i; k < len(s.toks) && parts < 3; {
		t := &s.toks[k]
		if !t.word() || !ocrDigits(s.str(k)) || parts < 2 && t.n() > 2 || parts == 2 && t.n() != 2 && t.n() != 4 {
			return false
		}
		end, parts = k, parts+1
		if parts == 3 {
			break
		}
		sep := k + 1
		if sep+1 >= len(s.toks) || !(s.toks[sep].punct('/') || s.toks[sep].punct('-') || s.toks[sep].punct('.')) ||
			s.toks[sep].gap != gapNone || s.toks[sep+1].gap != gapNone {
			return false
		}
		k = sep + 1
	}
	if parts != 3 || !s.dateCueBefore(i) {
		return false
	}
	s.addTok(i, end, Date, prCue)
	return true
}

// ocrDigits: w is digits, some read as O, o, l or I, and at least one a
// digit.
func ocrDigits(w string) bool {
	digit := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == 'O' || c == 'o' || c == 'l' || c == 'I':
		default:
			return false
		}
	}
	return digit
}

// dateCueBefore: a date's label on the line within six tokens before i:
// "DOB", "D.O.B.", "birth", "born", "date".
func (s *scan) dateCueBefore(i int) bool {
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 6; k, n = s.sameLinePrev(k), n+1 {
		if s.eq(k, "dob") || s.eq(k, "birth") || s.eq(k, "born") || s.eq(k, "date") || s.eq(k, "b") && s.eq(k-2, "o") && s.eq(k-4, "d") {
			return true
		}
	}
	return false
}
