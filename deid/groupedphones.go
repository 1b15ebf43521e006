package deid

// groupedPhones (a late rule): phone numbers written in the groups other
// countries use, with no label the phone rules know: eleven digits 4-3-4
// from a trunk 0 ("enquiries 0809 555 0133", "ring you on 0141 496 0217",
// "Kristine Manalo, 0917 555 0148": Nigeria, the UK, the Philippines), and
// eight digits 4-4 after a word for a phone ("my handphone is 9555 0137",
// Singapore). A run of more digit groups is some other number.
func (s *scan) groupedPhones() {
	for i := 0; i+2 < len(s.toks); i++ {
		a := &s.toks[i]
		if !a.digits() || a.n() != 4 {
			continue
		}
		if p := s.sameLinePrev(i); p >= 0 && (s.toks[p].digits() || s.toks[p].gap == gapNone && s.toks[p].kind == tkWord && i > 0 && s.toks[i].gap == gapNone) {
			continue // inside a longer run
		}
		b := s.next(i)
		if b < 0 || s.toks[b].gap != gapSpace || !s.toks[b].digits() {
			continue
		}
		end := -1
		switch {
		case s.text[a.s] == '0' && s.toks[b].n() == 3:
			if c := s.next(b); c > 0 && s.toks[c].gap == gapSpace && s.toks[c].digits() && s.toks[c].n() == 4 {
				end = c
			}
		case s.toks[b].n() == 4 && (s.text[a.s] == '6' || s.text[a.s] == '8' || s.text[a.s] == '9') && s.phoneWordBefore(i):
			end = b
		}
		if end < 0 || s.idLabelBefore(i) || s.roundTime(i) && s.roundTime(end) {
			continue // "Lot 0803 555 0147"; "0600 118 0800": times and a reading
		}
		if n := s.next(end); n > 0 && (s.toks[n].digits() || s.toks[n].gap == gapNone && (s.toks[n].word() || s.toks[n].punct('-'))) {
			continue
		}
		if !s.inOtherSpan(int(a.s)) {
			s.late = append(s.late, Span{Start: int(a.s), End: int(s.toks[end].e), Type: Phone})
		}
		i = end
	}
}

// roundTime: four-digit token i reads as a time on the quarter hour
// ("0600", "0815").
func (s *scan) roundTime(i int) bool {
	w := s.str(i)
	if len(w) != 4 {
		return false
	}
	h, m := int(w[0]-'0')*10+int(w[1]-'0'), int(w[2]-'0')*10+int(w[3]-'0')
	return h < 24 && m%15 == 0
}

// idLabelBefore: the word before token i (a colon or "#" between) labels
// another kind of number ("Lot 0803 555 0147", "Acct # ...").
func (s *scan) idLabelBefore(i int) bool {
	p := s.sameLinePrev(i)
	for p >= 0 && (s.toks[p].punct(':') || s.toks[p].punct('#') || s.toks[p].punct('.')) {
		p = s.sameLinePrev(p)
	}
	return p >= 0 && s.toks[p].letters() && numberLabelsNotPhone[s.lower(p)]
}

// numberLabelsNotPhone label numbers that are no phone.
var numberLabelsNotPhone = wordsOf("lot batch serial ref reference acct account policy member id claim order invoice card " +
	"no number nhs mrn chi nhi nric fin passport permit licence license plate docket")

// phoneWords name a phone before its number.
var phoneWords = wordsOf("handphone hp phone mobile cell tel telephone whatsapp")

// phoneWordBefore: a word for a phone stands within three words before
// token i ("my handphone is 9555 0137", "HP: 9555 0176").
func (s *scan) phoneWordBefore(i int) bool {
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 4; k, n = s.sameLinePrev(k), n+1 {
		if s.toks[k].letters() && phoneWords[s.lower(k)] {
			return true
		}
	}
	return false
}
