package deid

// groupedPhones (a late rule): phone numbers written in the groups other
// countries use, with no label the phone rules know: eleven digits 4-3-4
// from a trunk 0 ("enquiries 0809 555 0133", "ring you on 0141 496 0217",
// "Kristine Manalo, 0917 555 0148": Nigeria, the UK, the Philippines), and
// eight digits 4-4 after a word for a phone ("my handphone is 9555 0137",
// Singapore). A run of more digit groups is some other number. The main
// pass's phone rule (numbers.go) takes the 4-3-4 shape in brackets or
// after a question for a number; this late rule takes it bare, without
// changing what the tagger reads.
func (s *scan) groupedPhones() {
	for i := 0; i+1 < len(s.toks); i++ {
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
		case s.trunkZero(i) && s.toks[b].n() == 3:
			if c := s.next(b); c > 0 && s.toks[c].gap == gapSpace && s.toks[c].digits() && s.toks[c].n() == 4 {
				end = c
			}
		case s.toks[b].n() == 4 && (s.text[a.s] == '6' || s.text[a.s] == '8' || s.text[a.s] == '9') && s.phoneWordBefore(i):
			// Eight digits end the clause: "phone 8500 9000 daily" counts
			// steps.
			if n := s.next(b); n < 0 || s.toks[n].kind == tkPunct && !s.toks[n].punct('(') && !s.toks[n].punct('-') {
				end = b
			}
		}
		if end < 0 || end != b && s.idLabelBefore(i) || s.roundTime(i) && s.roundTime(end) {
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
	return p >= 0 && s.toks[p].letters() && (productLabelBefore[s.lower(p)] || numberLabelsNotPhone[s.lower(p)])
}

// numberLabelsNotPhone label numbers that are no phone, besides a
// product's or a specimen's (productLabelBefore: "lot", "batch", "ref").
var numberLabelsNotPhone = wordsOf("reference acct account policy member id claim order invoice card " +
	"no number nhs mrn chi nhi nric fin passport permit licence license plate docket")

// phoneWords name a phone before its number.
var phoneWords = wordsOf("handphone hp phone mobile cell tel telephone whatsapp")

// phoneWordBefore: a word for a phone stands right before token i, or
// before "is", "number", "no." or a colon there ("my handphone is 9555
// 0137", "HP: 9555 0176", "Mobile no. 8765 4321"); not before another
// word or a sentence's end ("Phone review. Weights 8650 8900 g").
func (s *scan) phoneWordBefore(i int) bool {
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 4; k, n = s.sameLinePrev(k), n+1 {
		t := &s.toks[k]
		switch {
		case t.letters() && phoneWords[s.lower(k)]:
			return true
		case t.punct(':') || t.punct('#'), t.letters() && (s.eq(k, "is") || s.eq(k, "number") || s.eq(k, "no") || s.eq(k, "num")):
		case t.punct('.') && k > 0 && s.eq(k-1, "no") && t.gap == gapNone:
		default:
			return false
		}
	}
	return false
}
