package deid

// endsInDigits: the last digits of an identifier said alone, "ends in two
// two one four", "ending in 2214", after the identifier's cue on the line or
// the line before ("what's a good number" / "same as before, ends in two
// two one four"). The last four of a phone, card, account or social
// security number narrow a person down as the whole does with the rest of
// a record; the type is the cue's (a phone's when the cue is only
// "number").
func (s *scan) endsInDigits(i int) bool {
	in := s.next(i)
	if in < 0 || !(s.eq(in, "in") || s.eq(in, "with")) {
		return false
	}
	j := s.next(in)
	if j < 0 {
		return false
	}
	end := -1
	switch t := &s.toks[j]; {
	case t.digits() && t.n() >= 2 && t.n() <= 6:
		end = j
	case t.letters() && t.is(lxDigitWord|lxTeenWord|lxTensWord):
		if nd, e := s.spokenDigits(j); nd >= 2 && nd <= 6 {
			end = e
		}
	}
	if end < 0 {
		return false
	}
	if n := s.next(end); n > 0 && s.toks[n].letters() && (s.toks[n].is(lxUnitWord|lxTimeWord) || distanceWords[s.lower(n)]) {
		return false // "my phone plan ends in twenty days"
	}
	var typ Type
	s.askedBefore(i, func(k int) bool {
		switch s.lower(k) {
		case "phone", "cell", "mobile", "callback", "telephone", "landline":
			typ = Phone
		case "fax":
			typ = Fax
		case "social", "ssn":
			typ = SSN
		case "card", "account", "acct":
			typ = Account
		case "member", "policy", "insurance", "subscriber", "medicare", "medicaid":
			typ = HealthPlan
		case "mrn", "record", "chart":
			typ = MRN
		case "number", "id", "license", "badge", "confirmation":
			if typ == "" {
				typ = ID
				if s.eq(k, "number") {
					typ = Phone
				}
			}
			return false // a more telling cue before it may still decide
		default:
			return false
		}
		return true
	})
	if typ == "" {
		return false
	}
	s.addTok(j, end, typ, prCue)
	return true
}

// areaCodes: the area code said apart from the rest of a phone number,
// "area code six one seven then nine nine eight ...", "area code is 617":
// the three digits after "area code" (and "is", "it's" or a colon) are
// part of the phone number, found on its own or not.
func (s *scan) areaCodes() {
	for i := 0; i+2 < len(s.toks); i++ {
		if !s.eq(i, "area") || !s.eq(i+1, "code") || s.toks[i+1].gap != gapSpace {
			continue
		}
		j := s.next(i + 1)
		for n := 0; n < 2 && j > 0 && (s.eq(j, "is") || s.eq(j, "it's") || s.eq(j, "was") || s.toks[j].punct(':') || s.toks[j].punct(',')); n++ {
			j = s.next(j)
		}
		if j < 0 {
			continue
		}
		switch t := &s.toks[j]; {
		case t.digits() && t.n() == 3:
			s.addTok(j, j, Phone, prStrong)
		case t.letters() && t.is(lxDigitWord|lxTeenWord|lxTensWord):
			if nd, e := s.spokenDigits(j); nd == 3 {
				s.addTok(j, e, Phone, prStrong)
			}
		}
	}
}
