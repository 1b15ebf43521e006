package deid

// joinedNames (a late rule): a name whose parts a lower-case particle of
// descent joins, as Malay, Welsh and Arabic names are written: "Rahimah
// binte Osman", "Ahmad bin Ismail", "Rhodri ap Gruffydd", "R. ap
// Gruffydd", "Layla bint Khalid". The capitalized words on both sides read
// as names (patronymWord; an initial with its period on the left), up to
// two before the particle ("Nur Aisyah binti Kamal") and one after; the
// whole is one name.
func (s *scan) joinedNames(spans []Span) {
	for i := 1; i+1 < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.letters() || t.upper() || !descentParticles[s.lower(i)] || t.gap != gapSpace {
			continue
		}
		n := s.next(i)
		if n < 0 || s.toks[n].gap != gapSpace || !s.patronymWord(n) || s.toks[n].is(lxWeekday|lxMonth) {
			continue
		}
		st := s.nameWordsBefore(i)
		if st < 0 {
			continue
		}
		start, end := int(s.toks[st].s), int(s.toks[n].e)
		if !overlapsWider(spans, start, end) {
			s.late = append(s.late, Span{Start: start, End: end, Type: Name})
		}
		i = n
	}
}

// descentParticles join a person's name to a parent's: "bin", "binti",
// "binte", "bint" (Malay, Arabic), "ibn", "ap" and "ferch" (Welsh).
var descentParticles = wordsOf("bin binti binte bint ibn ap ferch verch")

// nameWordsBefore: the first token of one or two name words (or an
// initial with its period) right before token i, or -1.
func (s *scan) nameWordsBefore(i int) int {
	p := s.sameLinePrev(i)
	if p < 0 || s.toks[i].gap != gapSpace {
		return -1
	}
	if s.toks[p].punct('.') && p > 0 && s.toks[p].gap == gapNone && s.toks[p-1].capWord() && s.toks[p-1].n() == 1 {
		return p - 1 // "R. ap Gruffydd"
	}
	if !s.patronymWord(p) || s.toks[p].is(lxWeekday|lxMonth) {
		return -1
	}
	if q := s.sameLinePrev(p); q >= 0 && s.toks[p].gap == gapSpace && s.patronymWord(q) && !s.toks[q].is(lxWeekday|lxMonth) {
		return q // "Nur Aisyah binti Kamal"
	}
	return p
}
