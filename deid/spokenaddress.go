package deid

// Addresses read out in a transcript that the written forms' rules
// (places.go: poBoxAt, lowerStreet) leave: a post office box or a rural
// route box said in words, and a house number said in words before a
// street named without its suffix and a unit ("sixty two oh one north
// sheridan apartment fourteen c").

// spokenPOBox: a lower-case "box" (token i) after "po", "p o", "p. o.",
// "post office" or a rural route ("rural route two", "rr 2"), and its
// number in figures or words: "po box four four one".
func (s *scan) spokenPOBox(i int) bool {
	k := s.next(i)
	if k < 0 || s.toks[i].upper() {
		return false
	}
	end := -1
	switch {
	case s.toks[k].digits() && s.toks[k].n() <= 6:
		end = k
	case s.toks[k].letters() && s.toks[k].is(lxDigitWord|lxTeenWord|lxTensWord):
		if _, e := s.spokenDigits(k); e >= k {
			end = e
		}
	}
	if end < 0 {
		return false
	}
	st := -1
	p := s.sameLinePrev(i)
	for p >= 0 && s.toks[p].punct('.') {
		p = s.sameLinePrev(p)
	}
	switch {
	case p < 0:
	case s.eq(p, "po"):
		st = p
	case s.eq(p, "o"):
		q := s.sameLinePrev(p)
		for q >= 0 && s.toks[q].punct('.') {
			q = s.sameLinePrev(q)
		}
		if q >= 0 && s.eq(q, "p") {
			st = q
		}
	case s.eq(p, "office") && s.eq(s.sameLinePrev(p), "post"):
		st = p - 1
	default:
		// "rural route two box nineteen", "rr 2 box 19", "rural route
		// two, box forty-four"
		if s.toks[p].punct(',') {
			p = s.sameLinePrev(p)
		}
		n := p
		for n >= 0 && (s.toks[n].digits() || s.toks[n].letters() && s.toks[n].is(lxDigitWord|lxTeenWord|lxTensWord)) {
			n = s.sameLinePrev(n)
		}
		switch {
		case n == p || n < 0:
		case s.eq(n, "rr"):
			st = n
		case s.eq(n, "route") && s.eq(s.sameLinePrev(n), "rural"):
			st = n - 1
		}
	}
	if st < 0 {
		return false
	}
	s.addTok(st, end, Location, prCue)
	return true
}

// spokenStreetBeforeUnit: at a unit word (token i: "apartment", "apt",
// "unit", "suite"), a street named without its suffix back to a house
// number said in words, three digits or more, and the unit said after it:
// "sixty two oh one north sheridan apartment fourteen c". The number
// read out as digits and the unit's value both keep a street out of
// "two weeks apartment" and "a one bedroom apartment".
func (s *scan) spokenStreetBeforeUnit(i int) bool {
	if s.toks[i].upper() {
		return false
	}
	// The unit's value: digits or letters said after it.
	last := -1
	for j, n := s.next(i), 0; j > 0 && s.toks[j].gap == gapSpace && n < 4; j, n = s.next(j), n+1 {
		t := &s.toks[j]
		if !(t.digits() && t.n() <= 5 || t.letters() && (t.n() == 1 && !s.eq(j, "a") && !s.eq(j, "i") || t.is(lxDigitWord|lxTeenWord|lxTensWord))) {
			break
		}
		last = j
	}
	if last < 0 {
		return false
	}
	// The street's name: one to three lower-case words.
	name := -1
	k := s.sameLinePrev(i)
	for n := 0; k >= 0 && n < 3; n++ {
		t := &s.toks[k]
		if !t.letters() || t.upper() || t.n() < 2 || functionWords[s.lower(k)] ||
			t.lex&(lxDigitWord|lxTeenWord|lxTensWord|lxUnit|lxTitle|lxRelation|lxUnitWord|lxMedical) != 0 {
			break
		}
		name = k
		k = s.sameLinePrev(k)
	}
	if name < 0 || k < 0 {
		return false
	}
	// The house number, read out digit by digit or in groups, ending
	// right before the name.
	st := k
	for p := s.sameLinePrev(st); p >= 0 && (s.toks[p].letters() && s.toks[p].is(lxDigitWord|lxTeenWord|lxTensWord) || s.eq(p, "oh")); p = s.sameLinePrev(p) {
		st = p
	}
	if !s.toks[st].letters() || !s.toks[st].is(lxDigitWord|lxTeenWord|lxTensWord) {
		return false
	}
	if nd, e := s.spokenDigits(st); e != k || nd < 3 {
		return false
	}
	s.addTok(st, last, Location, prCue)
	return true
}

// spokenAddressAfterCue: after "address" (token i), a house number read out
// (three digits or more, or in figures) and the words of the street that
// follow it, up to three and its suffix, with no suffix said ("is your
// address still twelve forty lakeshore", "the address is two two one
// cleveland road west").
func (s *scan) spokenAddressAfterCue(i int) bool {
	if s.toks[i].upper() {
		return false
	}
	j := s.next(i)
	for n := 0; j > 0 && n < 3 && s.toks[j].letters() && (functionWords[s.lower(j)] || s.eq(j, "still") || s.eq(j, "now")); n++ {
		j = s.next(j) // "address is still", "address now is"
	}
	if j < 0 {
		return false
	}
	end := -1
	switch t := &s.toks[j]; {
	case t.digits() && t.n() <= 6:
		end = j
	case t.letters() && t.is(lxDigitWord|lxTeenWord|lxTensWord):
		if nd, e := s.spokenDigits(j); nd >= 3 {
			end = e
		}
	}
	if end < 0 {
		return false
	}
	last := -1
	for k, n := s.next(end), 0; k > 0 && n < 4 && s.toks[k].gap == gapSpace; k, n = s.next(k), n+1 {
		t := &s.toks[k]
		if !t.letters() || t.upper() || functionWords[s.lower(k)] || t.lex&(lxDigitWord|lxTeenWord|lxTensWord|lxUnitWord|lxMedical) != 0 {
			break
		}
		last = k
		if t.is(lxStreetSuffix) {
			break
		}
	}
	if last < 0 {
		return false
	}
	s.addTok(j, last, Location, prCue)
	return true
}
