package deid

import "strings"

// Addresses abroad written by their administrative parts, each after its
// label and a colon on one line: "Vill: Char Kukri, P.O: Bhola Sadar,
// Upazila: Bhola Sadar, Dist: Bhola" (Bangladesh), "Brgy: San Roque,
// Purok: 4" (the Philippines), "Tehsil: Kharar, Dist: Mohali" (India).

// subAddressLabels name a part of an address abroad: a village, a post
// office, a subdistrict or district, a barangay and its zone.
var subAddressLabels = wordsOf("vill village po upazila thana dist district tehsil taluk taluka mandal barangay brgy purok " +
	"sitio mouza kecamatan kelurahan")

// subAddressParts (a late rule): the words after a label of
// subAddressLabels and its colon, up to a comma, a wide gap or the line's
// end, are a place (one to four words opening with a capital or a digit),
// where the line holds two such labels at least: one "District: 4" in a
// form is no address.
func (s *scan) subAddressParts() {
	if strings.Count(s.low, ":") < 2 {
		return
	}
	for i := 0; i+2 < len(s.toks); i++ {
		if !s.lineStart(i) {
			continue
		}
		var parts [][2]int
		for k := i; k+2 < len(s.toks) && (k == i || s.toks[k].gap != gapLine); k++ {
			c := s.subAddressColon(k)
			if c < 0 {
				continue
			}
			st, en := c+1, -1
			for m, n := st, 0; m < len(s.toks) && n < 4 && s.toks[m].gap != gapLine && !(m > st && s.wideGap(m)); m, n = m+1, n+1 {
				if !s.toks[m].capWord() && !s.toks[m].digits() {
					break
				}
				en = m
			}
			if en >= st {
				parts = append(parts, [2]int{st, en})
			}
			k = c
		}
		if len(parts) >= 2 {
			for _, p := range parts {
				s.late = append(s.late, Span{Start: int(s.toks[p[0]].s), End: int(s.toks[p[1]].e), Type: Location})
			}
		}
	}
}

// subAddressColon: a label of subAddressLabels at token k ("P.O" read
// whole) with its colon after it; it returns the colon's token, or -1.
func (s *scan) subAddressColon(k int) int {
	if !s.toks[k].letters() {
		return -1
	}
	w, c := s.lower(k), k+1
	if w == "p" && k+3 < len(s.toks) && s.toks[k+1].punct('.') && s.eq(k+2, "o") && s.toks[k+2].gap == gapNone {
		w, c = "po", k+3 // "P.O:"
		if s.toks[c].punct('.') {
			c++ // "P.O.:"
		}
	}
	if !subAddressLabels[w] || c >= len(s.toks) || !s.toks[c].punct(':') {
		return -1
	}
	return c
}
