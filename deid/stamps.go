package deid

import "strings"

// initialStamps (a late rule): the initials a letter or a note ends with,
// of the one who wrote or dictated it and the one who typed it ("SMcR/fw",
// "AM/dv 12/01/2026", "ML/JB   ED x4412", "(RTW/mk)", "Notes: LPT/cm"),
// and the initials after a word of who typed, noted or reviewed it
// ("Typed 04/12/26 SMJ", "Noted: JRVL", "Reviewed: MG 12/05/26"). A pair
// of capitals is taken only opening its line with nothing but a date, a
// time or an extension after it, and not as a pair of clinical shorthand
// ("PT/OT", "IV/PO"). An extension after the pair ("x4412") goes with it.
// The main pass's staffInitials takes the plainer stamps ("JPK/ac",
// "Reviewed: HGW"); this late rule the shapes it leaves, without changing
// what the tagger reads.
func (s *scan) initialStamps() {
	for i := 0; i+2 < len(s.toks); i++ {
		a := &s.toks[i]
		if !a.letters() {
			continue
		}
		if !s.toks[i+1].punct('/') {
			if a.n() >= 5 && a.n() <= 13 {
				s.stampWordAt(i)
			}
			continue
		}
		if a.n() < 2 || a.n() > 5 || s.toks[i+1].gap != gapNone || !s.stampOpens(i) {
			continue
		}
		b := &s.toks[i+2]
		if !b.letters() || b.gap != gapNone || b.n() < 2 || b.n() > 3 {
			continue
		}
		capsA, lowB := capitals(a.text(s.text)), !b.upper()
		if capsA < 2 || !a.upper() || a.n()-capsA > 1 && a.n() > 2 && capsA < 3 {
			continue // "SMcR" has three capitals; "Ab/cd" is no stamp
		}
		if !lowB && (!b.allUpper() || !a.allUpper() || a.n() > 3 || clinicalPairs[s.lower(i)+"/"+s.lower(i+2)] || !s.lineStart(i)) {
			continue
		}
		if !lowB && (b.lex|a.lex)&(lxMedical) != 0 {
			continue
		}
		end, ok := s.stampTail(i + 2)
		if !ok {
			continue
		}
		s.late = append(s.late, Span{Start: int(a.s), End: int(a.e), Type: Name}, Span{Start: int(b.s), End: int(b.e), Type: Name})
		s.extensionsTo(i+3, end)
		i = end
	}
}

// stampOpens: token i opens its line, or follows only "(", a word of who
// typed or dictated ("Dictated AK/jlh") or a label and its colon there
// ("Notes: LPT/cm").
func (s *scan) stampOpens(i int) bool {
	if s.lineStart(i) {
		return true
	}
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct('(') && s.lineStart(p) {
		return true
	}
	if p >= 0 && s.toks[p].letters() && s.lineStart(p) && stampWords[s.lower(p)] {
		return true // "Dictated AK/jlh"
	}
	return p >= 1 && s.toks[p].punct(':') && s.toks[p-1].letters() && s.lineStart(p-1)
}

// stampTail: what follows the initials at token b on its line is nothing
// but a date, a time, digits, an extension or a department's capitals
// ("ED x4412"); it returns the line's last token.
func (s *scan) stampTail(b int) (int, bool) {
	end := b
	for k := s.next(b); k > 0; k = s.next(k) {
		t := &s.toks[k]
		switch {
		case t.punct(':'):
			if k == b+1 {
				return 0, false // "A/P:" heads a section
			}
		case t.kind == tkPunct, t.digits(), t.letters() && t.allUpper() && t.n() <= 4, s.extensionWritten(k):
		default:
			return 0, false
		}
		end = k
	}
	return end, true
}

// extensionWritten: token k is an extension written "x4412".
func (s *scan) extensionWritten(k int) bool { return extensionShape(s.str(k)) }

// extensionsTo adds the digits of each extension from token k to end.
func (s *scan) extensionsTo(k, end int) {
	for ; k <= end && k < len(s.toks); k++ {
		if s.extensionWritten(k) {
			s.late = append(s.late, Span{Start: int(s.toks[k].s) + 1, End: int(s.toks[k].e), Type: Phone})
		}
	}
}

// stampWordAt adds the initials after a word of who typed, noted or
// reviewed the text at token i ("Typed 04/12/26 SMJ", "Noted: JRVL",
// "Reviewed: MG 12/05/26"), a colon and a date between allowed.
func (s *scan) stampWordAt(i int) bool {
	if !s.toks[i].letters() || !stampWords[s.lower(i)] && !staffLabels[s.lower(i)] {
		return false
	}
	k := s.next(i)
	if k > 0 && s.toks[k].punct(':') {
		k = s.next(k)
	}
	for k > 0 && (s.toks[k].digits() || s.toks[k].punct('/') || s.toks[k].punct('-') || s.toks[k].punct('.')) {
		k = s.next(k)
	}
	if k < 0 || !s.toks[k].letters() || !s.toks[k].allUpper() || s.toks[k].n() < 2 || s.toks[k].n() > 4 || s.toks[k].is(lxMedical|lxCredential) ||
		checkedMeasures[s.lower(k)] {
		return false
	}
	// The initials end the line, or a field's gap or a date follows:
	// "Checked BP 130/85", "Noted HR 112", "Checked: FBC, U&E" are
	// measures taken.
	if n := s.next(k); n > 0 && !s.wideGap(n) && !s.dateAfterStamp(n) {
		return false
	}
	s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[k].e), Type: Name})
	return true
}

// dateAfterStamp: tokens from n read as a date with its year ("12/05/26"),
// not a reading ("130/85") or a time ago ("1/12", a month).
func (s *scan) dateAfterStamp(n int) bool {
	if n+4 >= len(s.toks) || !s.toks[n].digits() || !s.toks[n+1].punct('/') || !s.toks[n+2].digits() ||
		s.toks[n].n() > 2 || s.toks[n+2].n() > 2 || !s.toks[n+3].punct('/') || !s.toks[n+4].digits() || s.toks[n+3].gap != gapNone {
		return false // with its year: "PR 1/12" is a month ago
	}
	a, b := atoiSmall(s.str(n)), atoiSmall(s.str(n+2))
	return a >= 1 && a <= 31 && b >= 1 && b <= 31 && (a <= 12 || b <= 12)
}

// checkedMeasures are what a nurse checks or notes, in capitals, before
// its value: "Checked: BM 6.2", "Noted: RR 24".
var checkedMeasures = wordsOf("bp hr rr bm ews news bmi wcc fbc ue spo2 sats temp gcs map cbg bgl obs")

// stampWords say who typed, noted or checked a text before their initials
// with no colon or a date between, besides staffInitials' labels
// (staffLabels: "reviewed", "verified", "initials", ...).
var stampWords = wordsOf("typed noted dictated transcribed checked cosigned countersigned witnessed scribed")

// clinicalPairs are shorthand written as two capitals' pairs with a slash.
var clinicalPairs = wordsOf("pt/ot ot/pt iv/po po/iv hr/bp bp/hr ed/icu icu/ed sob/doe doe/sob cp/sob bs/bm n/v s/p a/p " +
	"ap/lat pa/lat ct/mri mri/ct ua/uc bmp/cbc cbc/bmp rn/lpn np/pa pa/np md/do ob/gyn er/ed lle/rle rle/lle ue/le")

// capitals counts the ASCII capital letters of w.
func capitals(w string) int {
	return len(w) - len(strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return -1
		}
		return r
	}, w))
}
