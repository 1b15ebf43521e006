package deid

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Cue rules that need the name candidates of the main pass: a quoted
// nickname inside or after a name, "Last, First" after a field label, and
// ages over 89 written next to a name or before "birthday".

// lastFirstLabels introduce a "Last, First" name in a header field.
var lastFirstLabels = map[string]bool{"name": true, "patient": true, "pt": true, "client": true, "to": true, "from": true,
	"cc": true, "attn": true, "re": true, "resident": true, "member": true, "subscriber": true, "insured": true,
	"guarantor": true, "recipient": true, "child": true, "student": true, "veteran": true, "infant": true, "newborn": true,
	"employee": true, "claimant": true, "inmate": true, "decedent": true, "enrollee": true, "beneficiary": true}

// labelOrSite runs at each word in the main pass: "Name: Last, First",
// "the Decatur clinic".
func (s *scan) labelOrSite(i int) {
	if s.labelOrSiteMay(i) {
		s.labelOrSiteAt(i)
	}
}

// labelOrSiteMay is what both matchers of labelOrSite need, a colon next or
// a city word, tested in a call small enough to be inlined.
func (s *scan) labelOrSiteMay(i int) bool {
	return i+1 < len(s.toks) && (s.toks[i+1].ch == ':' || s.toks[i].lex&lxCity != 0)
}

func (s *scan) labelOrSiteAt(i int) {
	t := &s.toks[i]
	if i+1 >= len(s.toks) || !t.letters() {
		return
	}
	if s.toks[i+1].punct(':') && nameFieldWords[s.lower(i)] {
		s.nameFieldValue(i)
	}
	if s.toks[i+1].punct(':') && facilityFieldWords[s.lower(i)] {
		s.facilityFieldValue(i)
	}
	if s.toks[i+1].punct(':') && addressFieldWords[s.lower(i)] {
		s.addressFieldValue(i)
	}
	if s.toks[i+1].punct(':') && s.toks[i+1].gap == gapNone && s.tokIn(lastFirstSet, i) {
		s.labelLastFirst(i)
	} else if i > 0 && t.lex&lxCity != 0 && t.upper() {
		s.cityBeforeSite(i)
	}
}

// cueNamePass runs after the token matchers and metadata, at the marks the
// main pass left: quoted nicknames, a city in parentheses after a name, an
// age after a name.
func (s *scan) cueNamePass() {
	for _, m := range s.marks {
		i := int(m)
		t := &s.toks[i]
		switch {
		case t.punct('"'):
			s.quotedNickname(i)
		case t.punct('(') && i > 0:
			s.placeInParens(i)
			s.ageInParens(i)
			s.nameInParens(i)
			s.nameBeforeRole(i)
		case t.punct(',') && i > 0 && t.gap == gapNone && i+1 < len(s.toks) && s.toks[i+1].digits() && s.toks[i+1].n() <= 3:
			s.ageAfterName(i)
			s.ageInParens(i)
		case t.punct(',') && i > 0 && t.gap == gapNone && i+1 < len(s.toks) && s.toks[i+1].capWord():
			s.lastFirstThenAgeSex(i)
		}
	}
}

// nameFieldLabels are the labels of a form's fields that hold a person's
// name, as they read from the start of their line to the colon; true: the
// field holds a name whatever its words are ("Name: marguerite
// delacorte"), false: only words that read as a name ("Emergency contact:
// gus (brother)", not "Emergency contact: daughter").
var nameFieldLabels = map[string]bool{"name": true, "patient name": true, "patient's name": true, "pt name": true,
	"full name": true, "legal name": true, "preferred name": true, "maiden name": true, "mother's maiden name": true,
	"first name": true, "last name": true, "middle name": true, "nickname": true, "name of patient": true,
	"signature": false, "patient signature": false, "signature of patient": false, "signature of guardian": false,
	"signed": false, "emergency contact": false, "emergency contact name": false, "contact name": false,
	"contact": false, "guardian": false, "legal guardian": false, "parent/guardian": false, "next of kin": false,
	"responsible party": false, "caregiver": false, "health care proxy": false, "proxy": false, "poa": false}

// nameFieldWords are the last words of nameFieldLabels, where the main
// pass looks for them.
var nameFieldWords = lastWordsOf(nameFieldLabels)

// lastWordsOf returns the last words of a map of labels' keys ("guardian"
// of "parent/guardian"), where the main pass looks for the labels.
func lastWordsOf[V any](labels map[string]V) map[string]bool {
	m := map[string]bool{}
	for l := range labels {
		m[l[strings.LastIndexAny(l, " /")+1:]] = true
	}
	return m
}

// notNameValues fill a name's field without naming anyone.
var notNameValues = map[string]bool{"none": true, "unknown": true, "self": true, "same": true, "declined": true,
	"refused": true, "not": true, "see": true, "above": true, "below": true, "pending": true, "n": true, "a": true,
	"na": true, "patient": true, "pt": true, "yes": true, "no": true, "unable": true, "deferred": true, "listed": true}

// fieldLabel returns a form field's label, lower case, from the start of
// its line to token i before the colon (at most five words), or "".
func (s *scan) fieldLabel(i int) string {
	h := s.fieldHead(i)
	if i-h > 4 {
		return ""
	}
	// The lower-case text as it stands, when its words are one space
	// apart (nearly always): no copy.
	raw := s.low[s.toks[h].s:s.toks[i].e]
	if !strings.Contains(raw, "  ") && !strings.ContainsAny(raw, "\t\r") && !strings.Contains(raw, " / ") {
		return raw
	}
	label := strings.Join(strings.Fields(strings.ToLower(raw)), " ")
	return strings.ReplaceAll(label, " / ", "/")
}

// fieldHead returns the first token of the field whose label ends at
// token i: the line's first token, or the one after a wide gap when a form
// sets fields side by side ("DOB: 14/02/1978     Address: Site C, ...").
func (s *scan) fieldHead(i int) int {
	h := i
	for h > 0 && s.toks[h].gap != gapLine && !s.wideGap(h) && i-h <= 4 {
		h--
	}
	return h
}

// facilityFieldLabels are the labels of a form's fields whose value is a
// facility, a program or an agency, with its town after a comma.
var facilityFieldLabels = map[string]bool{"facility": true, "program": true, "agency": true, "performing lab": true,
	"laboratory": true, "sending facility": true, "receiving facility": true, "referring facility": true,
	"discharged to": true, "transferred to": true, "transferred from": true, "placement": true,
	"home health agency": true, "hospice": true, "snf": true, "ordering facility": true, "treating facility": true}

var facilityFieldWords = lastWordsOf(facilityFieldLabels)

// facilityFieldValue: the value of a form's field that names a facility
// ("Program: Tamarack Recovery Collective, Bend", "Discharged to:
// Harborview Terrace Nursing & Rehab (SNF)"): capitalized words, "&",
// "of", "the" and dashes between them, one of them on no list of English
// words or a facility's word; then the town after a comma. Words of a
// specialty or a service ("Program: Intensive Outpatient") name no place.
func (s *scan) facilityFieldValue(i int) {
	if !facilityFieldLabels[s.fieldLabel(i)] {
		return
	}
	k := i + 2
	st, end, proper := k, -1, false
	for ; k < len(s.toks) && s.toks[k].gap != gapLine; k++ {
		t := &s.toks[k]
		switch {
		case t.capWord():
			end = k
			proper = proper || !s.dictionaryWord(k) && !s.englishLooking(k) && !t.is(lxMedical|lxCommon) && !(t.allUpper() && t.n() <= 4) ||
				hospitalWords[s.lower(k)]
			continue
		case end >= 0 && (t.punct('&') || t.punct('-') || t.punct('\'') && t.gap == gapNone || s.eq(k, "of") || s.eq(k, "the") || s.eq(k, "at")):
			continue
		}
		break
	}
	if end < st || !proper || !s.toks[st].capWord() {
		return
	}
	s.addTok(st, end, Location, prCue)
	// ", Bend" / ", Forks, WA": the town after it.
	if c := end + 1; c+1 < len(s.toks) && s.toks[c].punct(',') && s.toks[c+1].capWord() && s.toks[c+1].gap == gapSpace &&
		!s.toks[c+1].is(lxStateAbbr|lxState) {
		e := c + 1
		if e+1 < len(s.toks) && s.toks[e+1].gap == gapSpace && s.toks[e+1].capWord() && !s.toks[e+1].is(lxStateAbbr|lxState) {
			e++
		}
		if n := e + 1; n >= len(s.toks) || s.toks[n].gap == gapLine || s.toks[n].punct(',') || s.toks[n].punct('.') || s.toks[n].punct('(') {
			s.addTok(c+1, e, Location, prCue)
		}
	}
}

// addressFieldLabels are the labels of a form's fields whose value is a
// postal address.
var addressFieldLabels = map[string]bool{"address": true, "home address": true, "mailing address": true,
	"street address": true, "residence": true, "domicilio": true, "dirección": true, "direccion": true, "adresse": true,
	"home": true, "current address": true, "permanent address": true, "patient address": true, "addr": true}

// (A "Home:" or "Residence:" field also describes a home: "2 story house".)

var addressFieldWords = lastWordsOf(addressFieldLabels)

// addressFieldValue: a postal address in its form field, in any case
// ("Address: rural route 7 box 12, odell 60460", "Mailing address: po box
// 88, hanna city, il 61536", "Domicilio: Avenida Juárez 1402, Col.
// Americana, Guadalajara"): the street, then the parts after its commas,
// a town, a neighbourhood, a state left as it is and a ZIP. The value must
// open as a street does (a house number, a box, a rural route, a street
// type written first): "Address: on file" is none.
func (s *scan) addressFieldValue(i int) {
	label := s.fieldLabel(i)
	if !addressFieldLabels[label] {
		return
	}
	weak := label == "home" || label == "residence" // "Home: 2 story house"
	k := i + 2
	if k >= len(s.toks) || s.toks[k].gap == gapLine {
		return
	}
	first := s.toks[k].digits() || s.eq(k, "rural") || s.eq(k, "rr") || s.eq(k, "po") || s.eq(k, "p") || s.eq(k, "box") ||
		streetTypesFirst[s.lower(k)] || s.eq(k, "avenida") || s.eq(k, "calle") || s.eq(k, "apt")
	if !first && (weak || !s.addressShaped(k)) {
		return
	}
	fieldStart := k
	defer func() { s.decided = append(s.decided, [2]int{int(s.toks[fieldStart].s), int(s.toks[k-1].e)}) }()
	if weak && s.toks[k].digits() {
		// After a weak label only a street with its suffix.
		suffix := false
		for j := k + 1; j < len(s.toks) && j < k+6 && s.toks[j].gap != gapLine && !s.toks[j].punct(','); j++ {
			suffix = suffix || s.toks[j].letters() && s.toks[j].is(lxStreetSuffix)
		}
		if !suffix {
			return
		}
	}
	// The segments between commas, to the line's end or a wide gap.
	for seg := 0; seg < 5 && k < len(s.toks); seg++ {
		st := k
		for k < len(s.toks) && s.toks[k].gap != gapLine && !s.toks[k].punct(',') && !(k > st && s.wideGap(k)) && !s.toks[k].punct(';') {
			k++
		}
		en := k - 1
		if en < st {
			return
		}
		s.addressSegment(st, en, seg == 0)
		if k >= len(s.toks) || !s.toks[k].punct(',') || k+1 >= len(s.toks) || s.toks[k+1].gap == gapLine {
			return
		}
		k++
	}
}

// addressSegment marks one comma-separated part of an address field: the
// street (first), a ZIP, a state left alone, a town or neighbourhood with
// the state and ZIP after it.
func (s *scan) addressSegment(st, en int, street bool) {
	if street {
		if en > st && s.toks[en].digits() && s.toks[en].n() == 5 {
			return // "55 Elm St Apt 4 Quincy 02169": the address rules read a street that runs on to its ZIP
		}
		s.addTok(st, en, Location, prCue)
		return
	}
	s.addressPart(st, en, func(i, j int, t Type) { s.addTok(i, j, t, prCue) })
}

// addressPart reads a comma-separated part of an address after its street:
// a ZIP, a state left alone, a postcode abroad, a town or neighbourhood;
// add takes what it finds (tokens i..j, their type).
func (s *scan) addressPart(st, en int, add func(i, j int, t Type)) {
	// A ZIP (or ZIP+4) at the segment's end, a state before it.
	e := en
	if e >= st && s.toks[e].digits() && (s.toks[e].n() == 5 || s.toks[e].n() == 4 && e-2 >= st && s.toks[e-1].punct('-')) {
		z := e
		if s.toks[e].n() == 4 {
			z = e - 2
		}
		if s.toks[z].digits() && s.toks[z].n() == 5 {
			add(z, e, ZIP)
			e = z - 1
		}
	}
	if e > st && s.toks[e].punct('.') && s.toks[e-1].letters() && apStateAbbrs[s.lower(e-1)] {
		e -= 2 // "Minn.": a state abbreviated in the newspapers' style stays
	} else if e >= st && s.toks[e].letters() && (s.toks[e].is(lxStateAbbr) && s.toks[e].n() == 2 || s.toks[e].is(lxState)) {
		e-- // the state stays
	}
	// A postcode of another country's length at the segment's end: "Cape
	// Town 7784", "Napier 4110", "Delhi - 110053"; an Australian state
	// before it stays, as a US state does ("Ballarat VIC 3350").
	if e > st && s.toks[e].digits() && (s.toks[e].n() == 4 || s.toks[e].n() == 6) && s.postcodeEnds(e) {
		add(e, e, ZIP)
		e--
		if e > st && s.toks[e].punct('-') {
			e--
		}
		if e > st && s.toks[e].allUpper() && auStates[s.lower(e)] {
			e--
		}
	}
	if e < st || e-st > 6 {
		return
	}
	for k := st; k <= e; k++ {
		// House, plot and sector numbers inside a part ("Gali No. 7",
		// "Sector 9", "FM 1960"); a part that opens with a letter.
		if !(s.toks[k].letters() || s.toks[k].punct('.') || s.toks[k].punct('-') || s.toks[k].punct('\'') ||
			k > st && (s.toks[k].digits() || s.toks[k].punct('#') || s.toks[k].punct('/'))) {
			return
		}
	}
	if st == e && s.toks[st].is(lxCountry) {
		return // the country stays
	}
	if s.toks[st].letters() {
		add(st, e, Location)
	}
}

// addressShaped: the value of an address field that opens with a word
// rather than a number ("Site C, Khayelitsha, Cape Town 7784", "H. No. 42,
// Gali No. 7, Bhajanpura, Delhi - 110053", "Lot 14, Pecan Grove Mobile
// Home Park, Dayton, TX") is an address when it is written in parts with
// commas and either its first part holds a number or a letter of a plot
// and a later part is a listed town or city, or it ends in a postcode
// after a capitalized word (not a year, nor a room's number). A note
// about the address or a plan's list ("on file", "Checked, unchanged since
// 2021", "Hypertension, Diabetes, CKD stage 3") is not.
func (s *scan) addressShaped(k int) bool {
	t := &s.toks[k]
	if !t.letters() || !t.upper() || notAnAddress[s.lower(k)] {
		return false
	}
	commas, town, plot, last := 0, false, false, -1
	for j := k; j < len(s.toks) && s.toks[j].gap != gapLine && !(j > k && s.wideGap(j)); j++ {
		u := &s.toks[j]
		switch {
		case u.punct(','):
			commas++
		case commas == 0 && j > k && (u.shape&shDigit != 0 || u.letters() && u.n() == 1 && u.allUpper()):
			plot = true // "Lot 14", "Site C", "H. No. 42"
		case commas > 0 && u.letters() && u.upper() && (u.lex&lxCity != 0 || u.gaz&(gzCity|gzTown) != 0):
			town = true
		}
		last = j
	}
	if commas == 0 {
		return false
	}
	return plot && town || s.postcodeEnds(last)
}

// postcodeEnds: token e is a postcode of four to six digits after a
// capitalized word or a dash ("Cape Town 7784", "Delhi - 110053",
// "Ballarat VIC 3350"); a year or a room's number is not.
func (s *scan) postcodeEnds(e int) bool {
	if e < 1 || !s.toks[e].digits() || s.toks[e].n() < 4 || s.toks[e].n() > 6 {
		return false
	}
	p := s.sameLinePrev(e)
	if p >= 0 && s.toks[p].punct('-') {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() || !s.toks[p].upper() || unitWordsBeforeNumber[s.lower(p)] {
		return false
	}
	if v, _ := s.num(e); s.toks[e].n() == 4 && v >= 1900 && v <= 2099 && !(s.toks[p].allUpper() && auStates[s.lower(p)]) {
		return false // "unchanged since 2021"; "Dubbo NSW 2830" is a postcode
	}
	return true
}

// unitWordsBeforeNumber name a room, a bed or a unit by the number after
// them, not a town.
var unitWordsBeforeNumber = wordsOf("room rm bed ward floor suite ste unit apt apartment flat ext extension box bay")

// notAnAddress are the words that open a note in an address field instead
// of an address.
var notAnAddress = wordsOf("on see same as unknown none not no na homeless declined refused verified confirmed per listed above below pending updated changed in chart file record epic n")

// nameFieldValue: the value of a form's field that holds a name, in any
// case: "Name: rosalind okafor-diaz", "NAME: winthrop, eugenia",
// "Signature of patient: /s/ marguerite delacorte". i is the label's last
// word, before its colon; the label opens its line.
func (s *scan) nameFieldValue(i int) {
	label := s.fieldLabel(i)
	strong, ok := nameFieldLabels[label]
	if !ok {
		return
	}
	k := i + 2
	// "/s/" before a typed signature.
	if k+2 < len(s.toks) && s.toks[k].punct('/') && s.eq(k+1, "s") && s.toks[k+2].punct('/') {
		k += 3
	}
	// The words of the value: up to four, a comma after the first
	// ("LAST, FIRST"), to the line's end, a wide gap or a mark.
	var words [4][2]int
	n := 0
	for k < len(s.toks) && n < len(words) && s.toks[k].letters() && s.toks[k].gap != gapLine && (n == 0 || !s.wideGap(k)) {
		st, en := k, k
		for en+2 < len(s.toks) && s.toks[en+1].gap == gapNone && (s.toks[en+1].punct('-') || s.toks[en+1].punct('\'')) &&
			s.toks[en+2].gap == gapNone && s.toks[en+2].letters() {
			en += 2 // "okafor-diaz", "o'neil"
		}
		words[n] = [2]int{st, en}
		n++
		k = en + 1
		if n == 1 && k+1 < len(s.toks) && s.toks[k].punct(',') && s.toks[k].gap == gapNone && s.toks[k+1].letters() && s.toks[k+1].gap == gapSpace {
			k++
		}
	}
	if n == 0 || k < len(s.toks) && s.toks[k].gap == gapNone && !s.toks[k].punct('.') && !s.toks[k].punct(',') && !s.toks[k].punct(';') {
		return
	}
	for _, w := range words[:n] {
		st := w[0]
		t := &s.toks[st]
		lw := s.lower(st)
		if notNameValues[lw] || s.tokIn(functionWordSet, st) || t.is(lxRelation|lxTitle|lxTitleClin|lxCue|lxMonth|lxWeekday) && t.lex&(lxFirst|lxSur) == 0 {
			return
		}
		if !strong && !(t.gaz&(gzFirst|gzSur) != 0 && t.gaz&gzWord == 0 || t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxCommon|lxMedical) == 0 ||
			t.lex == 0 && !s.englishLooking(st) && !s.dictionaryWord(st)) {
			return
		}
	}
	cls := PatientNames
	if !strong && label != "signature" && !strings.HasPrefix(label, "signature of patient") && label != "patient signature" && label != "signed" {
		cls = RelativeNames | clsExplicit
	}
	if comma := words[0][1] + 1; n > 1 && s.toks[comma].punct(',') {
		s.addName(words[0][0], words[0][1], cls) // "winthrop, eugenia": the two parts apart
		words[0] = words[1]
	}
	s.addName(words[0][0], words[n-1][1], cls)
}

// nameInParens: the same person written again in parentheses right after a
// name: in another script ("Li Xiuying (李秀英)") or by a short form of the
// given name ("Dominique (Dom) Baptiste"). i is the opening parenthesis.
func (s *scan) nameInParens(i int) {
	p, q := i-1, i+1
	if q+1 >= len(s.toks) || s.toks[i].gap != gapSpace || s.toks[q].gap != gapNone || !s.toks[q+1].punct(')') ||
		!s.toks[q].word() || !s.nameEndsAt(p) {
		return
	}
	t := &s.toks[q]
	if t.shape&shNonASCII != 0 && t.shape&shDigit == 0 {
		s.addName(q, q, PatientNames)
		return
	}
	if !t.capWord() || t.n() < 2 {
		return
	}
	// A short form: the first letters of a name word before it.
	for k := p; k >= 0 && k >= p-3 && s.toks[k].letters(); k-- {
		if w := s.lowerAny(k); len(w) > t.n() && strings.HasPrefix(w, s.lowerAny(q)) {
			s.addName(q, q, PatientNames)
			if r := q + 2; r < len(s.toks) && s.toks[r].gap == gapSpace && s.nameish(r, false) && !s.englishLooking(r) {
				s.nameChain(r, PatientNames, false)
			}
			return
		}
		if k > 0 && s.toks[k].gap != gapSpace {
			break
		}
	}
}

// roleAbbrs in parentheses after a person's surname name their role on a
// team: "Hollis (PT), Varga (OT), Mbeki (SLP)".
var roleAbbrs = map[string]bool{"pt": true, "ot": true, "slp": true, "rt": true, "rn": true, "lpn": true, "cna": true,
	"np": true, "pa": true, "md": true, "sw": true, "msw": true, "lcsw": true, "rd": true, "pharmd": true, "cm": true,
	"aide": true, "scribe": true, "resident": true, "attending": true, "fellow": true, "intern": true, "nurse": true,
	"therapist": true, "dietitian": true, "interpreter": true, "chaplain": true, "pcp": true, "psych": true, "pharmacy": true}

// nameBeforeRole: a word on no list of ordinary words, opening an item of
// a list, before its role in parentheses ("Team: Hollis (PT), Varga
// (OT)"); i is the opening parenthesis.
func (s *scan) nameBeforeRole(i int) {
	p, q := i-1, i+1
	if q+1 >= len(s.toks) || s.toks[i].gap != gapSpace || !s.toks[q+1].punct(')') || !s.toks[q].letters() || !roleAbbrs[s.lower(q)] {
		return
	}
	t := &s.toks[p]
	if !t.capWord() || t.allUpper() || t.gaz&gzWord != 0 || s.englishLooking(p) || s.dictionaryWord(p) ||
		!(t.lex == 0 || t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxCity|lxState|lxCountry) == 0) {
		return
	}
	if b := s.sameLinePrev(p); b >= 0 && !(s.toks[b].punct(':') || s.toks[b].punct(',') || s.toks[b].punct(';') || s.eq(b, "and")) {
		return
	}
	s.addName(p, p, ClinicianNames)
}

// placeEndsAt reports a place candidate that ends where token k ends:
// "to Windsor Manor (Temple)".
func (s *scan) placeEndsAt(k int) bool {
	e := int(s.toks[k].e)
	for _, c := range s.cands {
		if c.t == Location && c.e == e {
			return true
		}
	}
	return false
}

// nameEndsAt reports a name candidate that ends where token k ends.
func (s *scan) nameEndsAt(k int) bool {
	e := int(s.toks[k].e)
	for _, c := range s.cands {
		if c.t == Name && c.e == e {
			return true
		}
	}
	return false
}

// quotedAnswers in quotes after a relation are what the relative said:
// 'Son "Ok" with plan'.
var quotedAnswers = wordsOf("ok okay yes no fine sure agree agrees aware upset thanks thank")

// quotedNickname: `Delbert "Dell" McAllister`, `YOUNG, CHARLES "CHUCK"`,
// `Oluwaseun Adeyemi ("Seun")`. i is the opening quote.
func (s *scan) quotedNickname(i int) {
	q, c := i+1, i+2
	if c >= len(s.toks) || !s.toks[q].capWord() || s.toks[q].gap != gapNone || !s.toks[c].punct('"') || s.toks[c].gap != gapNone {
		return
	}
	// 'her boyfriend "Tank" hit her', 'son "Bubba" drives': what a
	// relative is called, though it is an ordinary word.
	// The relation capitalized where it opens a sentence: 'Friend
	// "Skeeter" at bedside', 'Wife "Boo" reachable'.
	if p := s.sameLinePrev(i); p >= 0 && s.toks[i].gap == gapSpace && s.toks[p].letters() &&
		(!s.toks[p].upper() || !s.toks[p].allUpper() && s.opensSentence(p)) &&
		s.toks[p].lex&lxRelation != 0 && !s.toks[q].allUpper() && !quotedAnswers[s.lower(q)] {
		s.nameChain(q, PatientNames, false)
		return
	}
	if s.toks[q].lex&(lxCommon|lxMedical|lxMonth|lxWeekday) != 0 && s.toks[q].lex&lxFirst == 0 {
		return
	}
	if s.nicknameCueNear(i, c) {
		// "\"Cuca\" per family; legal name ...", "Guest: \"Smokey\" (legal
		// name ...)": a word in quotes that the text says is what a person
		// is called.
		s.nameChain(q, PatientNames, false)
		return
	}
	p := i - 1
	if p >= 0 && s.toks[p].punct('(') && s.toks[i].gap == gapNone {
		p--
	} else if s.toks[i].gap != gapSpace {
		return
	}
	if p < 0 || !s.toks[p].capWord() || s.toks[p+1].gap == gapLine || !s.nameish(p, s.toks[p].allUpper()) {
		return
	}
	caps := s.toks[p].allUpper() && s.toks[p].n() > 1
	r := c + 1
	after := r < len(s.toks) && s.toks[r].gap == gapSpace && s.toks[r].capWord() && s.nameish(r, caps)
	if s.nameEndsAt(p) {
		s.nameChain(q, PatientNames, false)
		if after && !s.englishLooking(r) {
			s.nameChain(r, PatientNames, false)
		}
		return
	}
	if s.toks[p+1].punct('(') {
		return
	}
	if !after {
		return
	}
	pl, rl := s.toks[p].lex, s.toks[r].lex
	listed := pl&lxFirst != 0 && pl&(lxFirstAmb|lxCommon|lxMedical) == 0 || rl&lxSur != 0 && rl&(lxSurAmb|lxCommon|lxMedical) == 0
	if !listed && !(pl == 0 && rl == 0 && !s.englishLooking(p) && !s.englishLooking(r)) {
		return
	}
	s.nameChain(p, PatientNames, false)
	s.nameChain(q, PatientNames, false)
	s.nameChain(r, PatientNames, false)
}

// nicknameCueNear: words on the line of the quotes at i and c that say a
// person goes by what is quoted: "legal name", "aka", "nickname", "goes
// by", "known as", within five tokens after the closing quote or before the
// opening one.
func (s *scan) nicknameCueNear(i, c int) bool {
	cue := func(k int) bool {
		switch s.lower(k) {
		case "aka", "nickname", "nicknamed", "prefers":
			return true
		case "per":
			// '"Tito" per family', "per his wife".
			return s.eq(k+1, "family") || s.eq(k+1, "mom") || s.eq(k+1, "wife") || s.eq(k+1, "husband") ||
				s.eq(k+1, "daughter") || s.eq(k+1, "son") || s.eq(k+1, "friends") || s.eq(k+1, "staff")
		case "legal", "real", "given":
			return s.eq(k+1, "name")
		case "goes":
			return s.eq(k+1, "by")
		case "known":
			return s.eq(k+1, "as")
		}
		return false
	}
	for k := c + 1; k < len(s.toks) && k <= c+5 && s.toks[k].gap != gapLine; k++ {
		if s.toks[k].letters() && cue(k) {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-4 && s.toks[k+1].gap != gapLine; k-- {
		if s.toks[k].letters() && cue(k) {
			return true
		}
	}
	return false
}

// labelLastFirst: "Name: O'Sullivan, Brigid", "To: Kaplan, Rebecca; Huang,
// Derek". i is the label, at the start of its line or after one other word
// ("Patient Name:").
func (s *scan) labelLastFirst(i int) {
	if !(i == 0 || s.toks[i].gap == gapLine || i >= 1 && s.toks[i-1].word() && (i == 1 || s.toks[i-1].gap == gapLine)) {
		return
	}
	j := i + 2
	for people := 0; people < 6; people++ {
		if j >= len(s.toks) || s.toks[j].gap == gapLine || !s.toks[j].capWord() {
			return
		}
		caps := s.toks[j].allUpper() && s.toks[j].n() > 1
		en := j
		// "O'Sullivan", "Jean-Baptiste"
		for en+2 < len(s.toks) && s.toks[en+1].gap == gapNone && (s.toks[en+1].punct('\'') || s.toks[en+1].punct('-')) &&
			s.toks[en+2].gap == gapNone && s.toks[en+2].capWord() {
			en += 2
		}
		f := en + 2
		if f >= len(s.toks) || !s.toks[en+1].punct(',') || s.toks[en+1].gap != gapNone || s.toks[f].gap != gapSpace ||
			!s.toks[f].capWord() || !s.nameish(f, caps) || s.toks[f].is(lxStateAbbr) && s.toks[f].allUpper() {
			return
		}
		// One of the two is a listed name, or neither looks like an English
		// word.
		lastListed := s.toks[j].lex&(lxFirst|lxSur) != 0 && s.toks[j].lex&(lxFirstAmb|lxSurAmb|lxCommon|lxMedical) == 0
		firstListed := s.toks[f].lex&lxFirst != 0 && s.toks[f].lex&(lxFirstAmb|lxCommon|lxMedical) == 0
		// A surname that is also an eponym ("Kaplan") is a name before a
		// listed first name.
		if !s.nameish(j, caps) && !(firstListed && s.toks[j].lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxState|lxCountry|
			lxTitle|lxTitleClin|lxCue|lxUnitWord) == 0) {
			return
		}
		lastOK := lastListed || en > j || !s.englishLooking(j)
		firstOK := firstListed || !s.englishLooking(f)
		if !(lastOK && firstOK || lastListed || firstListed) || s.eponymAfter(f) {
			return
		}
		s.nameChain(j, PatientNames, false)
		s.nameChain(f, PatientNames, false)
		// Another person after ";".
		k := f + 1
		for k < len(s.toks) && k < f+8 && s.toks[k].gap != gapLine && !s.toks[k].punct(';') {
			k++
		}
		if k >= len(s.toks) || !s.toks[k].punct(';') {
			return
		}
		j = k + 1
	}
}

// oldAgeAt reports an all-digit token from 90 to 129.
func (s *scan) oldAgeAt(k int) bool {
	if k < 0 || k >= len(s.toks) || !s.toks[k].digits() {
		return false
	}
	v, n := s.num(k)
	return n <= 3 && v >= 90 && v < 130
}

// birthdayAge: "his 91st birthday".
func (s *scan) birthdayAge(i int) {
	w := s.lower(i)
	if len(w) < 4 || len(w) > 5 || i+1 >= len(s.toks) || s.toks[i+1].gap != gapSpace {
		return
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
	default:
		return
	}
	v := 0
	for _, c := range []byte(w[:len(w)-2]) {
		if c < '0' || c > '9' {
			return
		}
		v = v*10 + int(c-'0')
	}
	if b := s.lower(i + 1); v >= 90 && v < 130 && (b == "birthday" || b == "birthdays") {
		s.addTok(i, i, Age, prCue)
	}
}

// spokenBirthdayAges: a birthday over 89 in words, as transcripts write it
// ("my mother's ninetieth birthday", "her ninety-first birthday", "his
// hundredth birthday"). Only texts that say "birthday" are walked.
func (s *scan) spokenBirthdayAges() {
	if !strings.Contains(s.low, "birthday") {
		return
	}
	for i := range s.toks {
		if !s.eq(i, "birthday") && !s.eq(i, "birthdays") {
			continue
		}
		p := s.sameLinePrev(i)
		if p < 0 || !s.toks[p].letters() || s.toks[i].gap != gapSpace {
			continue
		}
		switch w := s.lower(p); {
		case w == "ninetieth" || w == "hundredth":
			st := p
			if q := s.sameLinePrev(p); w == "hundredth" && q >= 0 && (s.eq(q, "one") || s.eq(q, "a")) && s.toks[p].gap == gapSpace {
				st = q
			}
			s.addTok(st, p, Age, prCue)
		case ordinalWords[w] > 0 && ordinalWords[w] < 10:
			q := s.sameLinePrev(p)
			if q >= 1 && s.toks[q].punct('-') && s.toks[p].gap == gapNone && s.toks[q].gap == gapNone {
				q = s.sameLinePrev(q) // "ninety-first"
			}
			if q >= 0 && s.eq(q, "ninety") {
				s.addTok(q, p, Age, prCue)
			}
		}
	}
}

// ageAfterName: "Mrs. Hollister, 92, was admitted", "Wilbur Halstead, 90,
// with his daughter", "Patient: Van Pappas, 99     Dx: ...": an age over
// 89 set off by commas, or by a comma and a form's wide gap, right after a
// name. i is the comma.
func (s *scan) ageAfterName(i int) {
	d := i + 1
	if s.toks[d].gap != gapSpace || !s.oldAgeAt(d) {
		return
	}
	if e := d + 1; !(e >= len(s.toks) || s.toks[e].gap == gapLine || s.wideGap(e) ||
		s.toks[e].gap == gapNone && (s.toks[e].punct(',') || s.toks[e].punct(')') || s.toks[e].punct(';') ||
			s.toks[e].punct('.') && (e+1 >= len(s.toks) || s.toks[e+1].gap != gapNone))) {
		return
	}
	if s.nameEndsAt(i - 1) {
		s.addTok(d, d, Age, prCue)
	}
}

// placeInParens: "son Todd Kingsley (Salem)", "Son Faisal (in Irving)",
// "Marguerite Ellison (Downers Grove)": a listed city, even one that is
// also a word or a name, in parentheses right after a name.
func (s *scan) placeInParens(i int) {
	k := i + 1
	if k < len(s.toks) && s.eq(k, "in") && s.toks[k].gap == gapNone {
		k++
		if k >= len(s.toks) || s.toks[k].gap != gapSpace {
			return
		}
	} else if k >= len(s.toks) || s.toks[k].gap != gapNone {
		return
	}
	t := &s.toks[k]
	if t.capWord() && !t.allUpper() && s.toks[i].gap == gapSpace && (s.nameEndsAt(i-1) || s.placeEndsAt(i-1)) {
		// A town of several words: "Owner Marguerite Ellison (Downers
		// Grove)".
		if end, f := s.gazPhraseAt(k, lxCity); end > k && f&lxCity != 0 && end+1 < len(s.toks) && s.toks[end+1].punct(')') {
			s.addTok(k, end, Location, prCue)
			return
		}
	}
	if !t.capWord() || t.allUpper() || t.lex&lxCity == 0 && t.gaz&(gzCity|gzTown) == 0 || t.lex&(lxCommon|lxMedical) != 0 && t.lex&lxCity == 0 ||
		k+1 >= len(s.toks) || !s.toks[k+1].punct(')') || s.toks[i].gap != gapSpace || !s.nameEndsAt(i-1) && !s.placeEndsAt(i-1) {
		return
	}
	s.addTok(k, k, Location, prCue)
}

// siteWords after "the <City>" name a site of a practice: "the Decatur
// clinic".
var siteWords = map[string]bool{"clinic": true, "office": true, "location": true, "campus": true, "branch": true,
	"site": true, "hospital": true, "pharmacy": true}

// cityBeforeSite: "can I get my flu shot at the Decatur clinic".
func (s *scan) cityBeforeSite(i int) {
	t := &s.toks[i]
	if t.allUpper() || t.lex&(lxCommon|lxMedical) != 0 || !s.eq(i-1, "the") || s.toks[i].gap != gapSpace ||
		s.toks[i+1].gap != gapSpace || s.toks[i+1].upper() || !siteWords[s.lower(i+1)] {
		return
	}
	s.addTok(i, i, Location, prCue)
}

// ageInParens: an age over 89 in parentheses or between commas after a
// name or a relation ("his mother Doña Cruz (91)", "father (90)", "Mrs.
// Abernathy (92, MRN ...)", "Earl Ray (MRN F2288873), 96 --", "bed 14,
// 93, POD 1"). i is the "(" or the ",".
func (s *scan) ageInParens(i int) {
	d := i + 1
	if d >= len(s.toks) || !s.oldAgeAt(d) || s.unitAfter(d) {
		return
	}
	e := d + 1
	if !(e >= len(s.toks) || s.toks[e].gap == gapLine || s.toks[e].punct(')') || s.toks[e].punct(',') ||
		s.toks[e].punct('-') || s.toks[e].punct(';')) {
		return
	}
	p := i - 1
	if s.toks[i].punct(',') {
		// "(MRN F2288873), 96 --", "bed 14, 93, POD": after a closing
		// parenthesis that ends a name's details, or a short field.
		if !(s.toks[p].punct(')') || s.toks[p].digits() && p > 0 && s.eq(p-1, "bed")) {
			return
		}
	} else if !(s.nameEndsAt(p) || s.toks[p].letters() && s.toks[p].is(lxRelation)) {
		return
	}
	s.addTok(d, d, Age, prCue)
}

// lastFirstThenAgeSex: "Last, First" with no label before it, read as a
// name by the age and sex written right after it, as sign-outs, transfer
// notes and census lines put a patient ("7W-12 Hakimi, Farzana, 31F, DKA",
// "transfer note: Ngata, Sione 43M from Hilo", "Bui, Minh Chau 45M"). i is
// the comma; the surname before it and one to three given names or an
// initial after it must read as names (nameish), none a state or country
// ("Denver, Colorado 45M" is no one).
func (s *scan) lastFirstThenAgeSex(i int) {
	last := i - 1
	if !s.toks[last].capWord() || !s.nameish(last, false) || s.toks[last].lex&(lxState|lxCountry) != 0 || s.dictionaryWord(last) {
		return // "Smoker, Former 30 years", "Retired, Widowed 78F": words of a social history
	}
	// The surname's other parts before it: "O'Neill-Tuala", "de la Cruz".
	st := last
	for st >= 2 && s.toks[st].gap == gapNone && (s.toks[st-1].punct('-') || s.toks[st-1].punct('\'')) && s.toks[st-1].gap == gapNone &&
		s.toks[st-2].capWord() {
		st -= 2
	}
	for p := s.sameLinePrev(st); p >= 0 && s.toks[st].gap == gapSpace && s.toks[p].letters() && !s.toks[p].upper() && s.toks[p].is(lxParticle); p = s.sameLinePrev(p) {
		st = p
	}
	e := -1
	for j, words := i+1, 0; j < len(s.toks) && (s.toks[j].gap == gapSpace || j == i+1 && s.toks[j].gap == gapNone) && words < 3; j++ {
		t := &s.toks[j]
		switch {
		case s.isInitial(j):
			e, j = j+1, j+1 // "Josefina C."
		case t.capWord() && s.nameish(j, false) && t.lex&(lxState|lxCountry) == 0:
			e = j
		default:
			j = len(s.toks)
			continue
		}
		words++
		if j+1 < len(s.toks) && s.toks[j+1].gap == gapSpace && s.ageSexAt(j+1) ||
			j+2 < len(s.toks) && s.toks[j+1].punct(',') && s.toks[j+1].gap == gapNone && s.toks[j+2].gap == gapSpace && s.ageSexAt(j+2) {
			s.addName(st, e, PatientNames)
			return
		}
	}
}

// ageSexAt: token k starts an age with a sex or an age word, as notes
// write them: "43M", "31F", "45yo", "45yoF", "90 y/o", "38 M", "61-year-old".
func (s *scan) ageSexAt(k int) bool {
	t := &s.toks[k]
	w := s.lower(k)
	if (w == "age" || w == "aged") && k+1 < len(s.toks) && s.toks[k+1].digits() && s.toks[k+1].n() <= 3 {
		return true // "Hakimi, Farzana, age 31"
	}
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 {
		return false
	}
	if n < len(w) {
		// One token: the number and its letters.
		switch w[n:] {
		case "m", "f", "yo", "yof", "yom", "yom.", "y", "yf", "ym", "mo":
			return true
		}
		return false
	}
	if !t.digits() {
		return false
	}
	a := k + 1
	if a < len(s.toks) && s.toks[a].punct('-') && s.toks[a].gap == gapNone {
		a++
	}
	if a >= len(s.toks) || s.toks[a].gap == gapLine || !s.toks[a].letters() {
		return false
	}
	w = s.lower(a)
	return ageAbbrs[w] && w != "old" || w == "yof" || w == "yom"
}

// irishSurnames: an Irish surname's particle, capitalized, between two
// capitalized words ("Pt Cormac Ó Dálaigh", "Siobhán Ní Bhriain", "Aoife
// Nic Giolla"): the two words and the particle are a name, whatever list
// they are on; a name found with its given name runs on over the surname.
// "Mac" is left out ("Big Mac Attack", "Mac OS").
func (s *scan) irishSurnames() {
	for k := 1; k+1 < len(s.toks); k++ {
		t := &s.toks[k]
		if t.gap != gapSpace || t.n() > 4 || t.shape&shLetter == 0 || !irishParticles[s.str(k)] {
			continue
		}
		p, n := k-1, k+1
		if s.toks[n].gap != gapSpace || !s.toks[n].capWord() || s.toks[n].allUpper() || !s.toks[p].capWord() || s.toks[p].allUpper() ||
			s.toks[p].lex&(lxCommon|lxMedical|lxTitle|lxTitleClin|lxMonth|lxWeekday) != 0 {
			continue
		}
		s.addName(p, n, PatientNames)
	}
}

// irishParticles open the second word of an Irish surname.
var irishParticles = map[string]bool{"Ó": true, "Ní": true, "Nic": true, "Uí": true, "Ua": true, "Mhic": true}

// fieldLastFirst (a late rule): "Pt: Varney, Clement   Rm 422B": a person's
// label (lastFirstLabels) opening a line, then a surname, a comma and a
// given name that end the field (the line's end, a wide gap or a ";"),
// where labelLastFirst wants one of the two on no list of words: here one
// of them on a list of names, as a surname or a given name, even one
// that is also a word ("Clement", "Rose"), is enough, and neither is a
// medical, calendar, place, title or unit word ("Pt: Alert, Oriented"
// stays).
func (s *scan) fieldLastFirst() {
	if !strings.Contains(s.text, ", ") {
		return
	}
	for i := 0; i+3 < len(s.toks); i++ {
		l := s.personLabelAt(i)
		if l < 0 || l+3 >= len(s.toks) {
			continue
		}
		j := l + 2
		if s.toks[j].gap == gapLine {
			continue
		}
		// The surname: one to four words, capitalized or particles, joined
		// by spaces, hyphens or apostrophes ("Varney", "O'Sullivan", "de la
		// Cruz Zúñiga", "Van Wyk", "Two Crow", "Ó Súilleabháin").
		en, words := -1, 0
		for k := j; k < len(s.toks) && words < 4; {
			t := &s.toks[k]
			if !(t.capWord() || t.letters() && (t.is(lxParticle) || s.oneLetterWord(k))) || k == j && s.toks[k].gap == gapLine {
				break
			}
			e := k
			for e+2 < len(s.toks) && s.toks[e+1].gap == gapNone && (s.toks[e+1].punct('\'') || s.toks[e+1].punct('-')) &&
				s.toks[e+2].gap == gapNone && s.toks[e+2].capWord() {
				e += 2 // "O'Sullivan", "Tan-Ocampo"
			}
			words++
			if n := e + 1; n < len(s.toks) && s.toks[n].punct(',') && s.toks[n].gap == gapNone {
				en = e
				break
			}
			if e+1 >= len(s.toks) || s.toks[e+1].gap != gapSpace || s.wideGap(e+1) {
				break
			}
			k = e + 1
		}
		if en < 0 || !s.toks[en].capWord() {
			continue
		}
		// The given names: one or two, and an initial ("Marvin J.").
		f := en + 2
		if f >= len(s.toks) || s.toks[f].gap != gapSpace || !s.toks[f].capWord() {
			continue
		}
		g := f
		if n := g + 1; n < len(s.toks) && s.toks[n].gap == gapSpace && !s.wideGap(n) && s.toks[n].capWord() && s.toks[n].n() > 1 {
			g = n // "María Guadalupe"
		}
		given, initial := g, -1
		if n := g + 1; n < len(s.toks) && s.toks[n].gap == gapSpace && !s.wideGap(n) && s.toks[n].capWord() && s.toks[n].n() == 1 {
			g, initial = n, n // "Marvin J."
			if n+1 < len(s.toks) && s.toks[n+1].punct('.') && s.toks[n+1].gap == gapNone {
				g = n + 1
			}
		}
		// A nickname in quotes may follow ("Hendrika "Rika"").
		nick := -1
		if n := g + 1; n+2 < len(s.toks) && s.toks[n].punct('"') && s.toks[n+1].capWord() && s.toks[n+1].gap == gapNone &&
			s.toks[n+2].punct('"') && s.toks[n+2].gap == gapNone {
			nick = n + 1
			g = n + 2
		}
		if n := g + 1; n < len(s.toks) && s.toks[n].gap != gapLine && !s.wideGap(n) && !s.toks[n].punct(';') {
			continue
		}
		const notNames = lxMedical | lxMonth | lxMonthAbbr | lxWeekday | lxState | lxStateAbbr | lxCountry | lxTitle | lxTitleClin |
			lxCue | lxUnitWord | lxCredential | lxStreetSuffix | lxEponymHead
		listed := func(k int, lx uint64, gz uint16) bool { return s.toks[k].lex&lx != 0 || s.toks[k].gaz&gz != 0 }
		bad, named, particle := false, listed(f, lxFirst, gzFirst), false
		for k := j; k <= en; k++ {
			if !s.toks[k].letters() {
				continue
			}
			if k < en && (s.toks[k].is(lxParticle) || s.oneLetterWord(k)) {
				particle = true // "de la Cruz", "Ó Súilleabháin", "Van Wyk"
				continue
			}
			bad = bad || s.toks[k].lex&notNames != 0
			named = named || s.toks[k].capWord() && listed(k, lxSur|lxFirst, gzSur|gzFirst)
		}
		// A particle before a capitalized word makes a surname; the given
		// name is a listed one or no English word ("Clement", "Pádraig",
		// not "Mutation").
		named = (named || particle) && (listed(f, lxFirst, gzFirst) || !s.englishTok(f))
		if bad || s.toks[f].lex&notNames != 0 || !named {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[j].s), End: int(s.toks[en].e), Type: Name},
			Span{Start: int(s.toks[f].s), End: int(s.toks[given].e), Type: Name})
		for _, k := range [...]int{initial, nick} {
			if k >= 0 {
				s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[k].e), Type: Name})
			}
		}
		i = g
	}
}

// personLabelAt: a person's label (lastFirstSet) and its colon open the
// line at token i, alone or after one other word ("Pt:", "Patient
// Name:"); it returns the label's token, or -1.
func (s *scan) personLabelAt(i int) int {
	if s.toks[i].gap != gapLine && i > 0 || !s.toks[i].letters() {
		return -1
	}
	l := i
	if !s.tokIn(lastFirstSet, l) && l+1 < len(s.toks) && s.toks[l+1].letters() && s.toks[l+1].gap == gapSpace {
		l++ // "Patient Name:"
	}
	if l+1 >= len(s.toks) || !s.toks[l+1].punct(':') || s.toks[l+1].gap != gapNone || !s.tokIn(lastFirstSet, l) {
		return -1
	}
	return l
}

// oneLetterWord: token k is one letter, an accented one too ("Ó" in "Ó
// Súilleabháin").
func (s *scan) oneLetterWord(k int) bool {
	return s.toks[k].letters() && utf8.RuneCountInString(s.str(k)) == 1
}

// fieldPairWords fill a person's field with what the patient is, not who:
// sex, race, a relationship to the subscriber ("Patient: Black, Male",
// "Member: Self, Spouse").
var fieldPairWords = wordsOf("male female man woman boy girl black white asian hispanic latino latina caucasian " +
	"self spouse child parent dependent other single married divorced widowed partner guardian unknown")

// adjectiveEnds end words that say how someone is ("Drowsy, Arousable",
// "Comfortable, Afebrile", "Active, Enrolled").
var adjectiveEnds = []string{"able", "ible", "ive", "ous", "ful", "less", "ile", "ent", "ant", "ed", "ic", "al", "y"}

// dropStatePairs (a veto after the late rules): the two words of "Label:
// X, Y" after a person's label, taken as a surname and a given name, are
// no name when one of them is a sex, a race or a relationship
// (fieldPairWords), or when neither is on a list of names and both are
// English words or shaped like adjectives ("Pt: Drowsy, Rousable",
// "Patient: Comfortable, Afebrile"). "Pt: Varney, Clement" stays a name.
func (s *scan) dropStatePairs(spans []Span) []Span {
	if !strings.Contains(s.text, ", ") {
		return spans
	}
	var drop []int32
	for i := 0; i+3 < len(s.toks); i++ {
		l := s.personLabelAt(i)
		if l < 0 || l+4 >= len(s.toks) {
			continue
		}
		j, f := l+2, l+4
		if !s.toks[j].capWord() || !s.toks[j+1].punct(',') || !s.toks[f].capWord() || s.toks[f].gap != gapSpace {
			continue
		}
		if fieldPairWords[s.lower(j)] || fieldPairWords[s.lower(f)] || s.stateWord(j) && s.stateWord(f) {
			drop = append(drop, s.toks[j].s, s.toks[f].s)
		}
	}
	if drop == nil {
		return spans
	}
	return slices.DeleteFunc(spans, func(sp Span) bool { return sp.Type == Name && slices.Contains(drop, int32(sp.Start)) })
}

// stateWord: token k is on no list of names and is an English word or
// ends like an adjective.
func (s *scan) stateWord(k int) bool {
	t := &s.toks[k]
	if t.lex&(lxFirst|lxSur) != 0 || t.gaz&(gzFirst|gzSur) != 0 {
		return false
	}
	w := s.lower(k)
	return s.englishTok(k) || slices.ContainsFunc(adjectiveEnds, func(e string) bool { return len(w) > len(e)+2 && strings.HasSuffix(w, e) })
}
