package deid

import "strings"

// Matchers that start at a token of digits or at the punctuation that opens
// a number: phones, SSNs, numeric dates, IPv4, ZIPs, street numbers, ages,
// years that imply an age over 89, and long numbers.

// groups is a run of digit groups such as "(555) 010-7788" or "123-45-6789".
type groups struct {
	n     int
	lens  [8]uint8
	seps  [8]byte // separator before group k (0 for the first, ' ' for space)
	last  int     // index of the last token of the run
	plus  bool    // started with "+"
	paren bool    // first group in parentheses
	total int     // digits in all groups
}

// longest is the length of the longest group.
func (g *groups) longest() int {
	m := 0
	for k := 0; k < g.n && k < len(g.lens); k++ {
		m = max(m, int(g.lens[k]))
	}
	return m
}

// freewayByNumber: a freeway said by its number after "the", as the West
// says it ("the warehouse in fontana off the 10", "we live right off the
// 405", "the crash on the 5 freeway"): one to three digits after "off",
// "on", "near" or "by" and "the", then the clause ends or a road's word
// follows, with a road's word after it or a word of driving, living or
// working before it. A dose or a count stays ("off the 10 mg", "on the 5
// of them").
func (s *scan) freewayByNumber(i int) bool {
	t := &s.toks[i]
	if t.n() > 3 || i < 2 || t.gap != gapSpace || !s.eq(i-1, "the") {
		return false
	}
	switch s.prevWordAt(i, 2) {
	case "off", "on", "near", "by", "onto", "take", "took", "taking":
	default:
		return false
	}
	if v, _ := s.num(i); v == 0 || s.unitAfter(i) || s.clockOrTimeAfter(i) {
		return false
	}
	n := s.next(i)
	road := n > 0 && s.toks[n].letters() && roadWords[s.lower(n)]
	if !road && n > 0 && s.toks[n].gap != gapLine && !s.clauseGoesOn(i) && !(s.toks[n].letters() && s.tokIn(functionWordSet, n)) || s.eq(n, "of") {
		return false
	}
	switch s.prevWordAt(i, 2) {
	case "take", "took", "taking":
		// "take the 101 to the 280"; not "took the 2 at night".
		if !road && !(n > 0 && (s.eq(n, "to") || directions[s.lower(n)])) {
			return false
		}
	default:
		if road {
			break
		}
		cue := false
		for k, m := i-2, 0; k >= 0 && m < 10 && s.toks[k].gap != gapLine; k, m = k-1, m+1 {
			cue = cue || s.toks[k].letters() && drivingWords[s.lower(k)]
		}
		if !cue {
			return false
		}
	}
	end := i
	if road {
		end = n
	}
	s.addTok(i, end, Location, prShape)
	return true
}

// roadWords name a road after its number: "the 5 freeway".
var roadWords = wordsOf("freeway fwy highway hwy interstate expressway tollway")

// drivingWords place a numbered freeway in the sentence: driving, living or
// working near it.
var drivingWords = wordsOf("drive drives driving drove traffic crash accident exit exited merge merging commute " +
	"live lives living lived work works working warehouse house apartment shop plant store")

// spacedPhone: from token i, single digits apart by one space each, ten
// of them (eleven after a leading 1), that read as a North American
// number: the area code and the exchange begin with 2 to 9 ("is this still
// 2 0 6 5 5 5 0 1 4 3"). It returns the last token, or -1. Item scores in a
// row seldom run to ten or fit that pattern, and a longer run is a table's
// row.
func (s *scan) spacedPhone(i int) int {
	if i > 0 && s.toks[i-1].digits() && s.toks[i].gap == gapSpace {
		return -1 // inside a run
	}
	var d [12]byte
	n, last := 0, -1
	for k := i; k < len(s.toks) && n < len(d); k++ {
		t := &s.toks[k]
		if !t.digits() || t.n() != 1 || k > i && (t.gap != gapSpace || k != last+1) {
			break
		}
		d[n] = s.text[t.s]
		n++
		last = k
	}
	ds := d[:n]
	switch {
	case n == 11 && ds[0] == '1':
		ds = ds[1:]
	case n != 10:
		return -1
	}
	if ds[0] < '2' || ds[3] < '2' {
		return -1
	}
	return last
}

// readGroups reads digit groups starting at token i.
func (s *scan) readGroups(i int) groups {
	var g groups
	j := i
	if t := s.tok(j); t != nil && t.punct('+') {
		if k := s.adj(j); k > 0 && s.toks[k].digits() {
			g.plus = true
			j = k
		} else {
			return g
		}
	}
	var sep byte
	for g.n < len(g.lens) {
		t := s.tok(j)
		if t == nil {
			break
		}
		var after int
		switch {
		case t.punct('(') && s.adj(j) > 0 && s.toks[j+1].digits() && s.adj(j+1) > 0 && s.toks[j+2].punct(')'):
			if g.n == 0 || (g.n == 1 && g.plus) || (g.n == 1 && g.lens[0] == 1) {
				if g.n == 0 {
					g.paren = true
				}
				g.lens[g.n] = uint8(min(s.toks[j+1].n(), 255))
				after = j + 2
			} else {
				return g
			}
		case t.digits():
			g.lens[g.n] = uint8(min(t.n(), 255))
			after = j
		case g.n >= 2 && t.word() && gluedExtension(s.str(j)) > 0:
			// "617-555-0143x22": the last group with its extension
			// written on; the number ends there.
			g.lens[g.n] = uint8(gluedExtension(s.str(j)))
			g.seps[g.n] = sep
			g.total += int(g.lens[g.n])
			g.n++
			g.last = j
			return g
		default:
			return g
		}
		g.seps[g.n] = sep
		g.total += int(g.lens[g.n])
		g.n++
		g.last = after
		k := after + 1
		if k >= len(s.toks) {
			break
		}
		nt := &s.toks[k]
		switch {
		case nt.gap == gapLine:
			return g
		case nt.gap == gapNone && nt.digits() && s.toks[after].punct(')'):
			sep = ')'
			j = k
		case nt.gap == gapNone && nt.kind == tkPunct && (nt.ch == '-' || nt.ch == '.' || nt.ch == '/' && g.n == 1 && g.lens[0] == 3 ||
			nt.ch == '/' && g.n == 2 && g.seps[1] == '/' && g.lens[0] == 3 && g.lens[1] == 3):
			if s.adj(k) < 0 || !s.toks[k+1].digits() && !(g.n >= 2 && gluedExtension(s.str(k+1)) > 0) {
				return g
			}
			sep = nt.ch
			j = k + 1
		case nt.gap == gapSpace && (nt.digits() || nt.punct('(')):
			sep = ' '
			j = k
		case nt.gap == gapSpace && nt.kind == tkPunct && nt.ch == '-' && k+1 < len(s.toks) && s.toks[k+1].gap == gapSpace && s.toks[k+1].digits():
			sep = '-'
			j = k + 1
		default:
			return g
		}
	}
	return g
}

// codeRange reports two groups of the same length joined by a dash whose
// second is the larger and agrees with the first in all but its last two
// digits: a range of codes ("99202-99215", "90471-90474"), not one number.
func (g *groups) codeRange(s *scan, i int) bool {
	if g.n != 2 || g.seps[1] != '-' || g.lens[0] != g.lens[1] || g.lens[0] < 4 {
		return false
	}
	a, b := s.str(i), s.str(g.last)
	return b > a && a[:len(a)-2] == b[:len(b)-2]
}

// publicNumbers are the national lines any patient may be told to call,
// as ten digits: Poison Control, the suicide and crisis, domestic violence,
// sexual assault, child abuse and SAMHSA helplines, Medicare, Social
// Security, CDC-INFO, disaster distress. Like 911 and 988 they identify
// no one.
var publicNumbers = map[string]bool{"8002221222": true, "8002738255": true, "8007997233": true, "8006564673": true,
	"8004224453": true, "8006624357": true, "8006334227": true, "8007721213": true, "8002324636": true,
	"8009855990": true,
	// FDA MedWatch (1-800-FDA-1088), 1-800-QUIT-NOW, the American Cancer
	// Society and the American Diabetes Association.
	"8003321088": true, "8007848669": true, "8002272345": true, "8003422383": true}

// publicNumber: the groups at i spell a public number, with or without
// its leading 1.
func (s *scan) publicNumber(i int, g *groups) bool {
	if g.total < 10 || g.total > 11 || g.n < 3 {
		return false
	}
	var b [11]byte
	n := 0
	for k := i; k <= g.last; k++ {
		if t := &s.toks[k]; t.digits() {
			if n+t.n() > len(b) {
				return false
			}
			n += copy(b[n:], s.str(k))
		}
	}
	d := string(b[:n])
	if n == 11 && d[0] == '1' {
		d = d[1:]
	}
	return publicNumbers[d]
}

// timeRange reports groups that are all 24-hour times: "0700-1900".
func (g *groups) timeRange(s *scan, i int) bool {
	if g.n != 2 || g.lens[0] != 4 || g.lens[1] != 4 {
		return false
	}
	a, _ := s.num(i)
	b, _ := s.num(g.last)
	return a <= 2400 && b <= 2400 && a%100 < 60 && b%100 < 60
}

func (g *groups) is(lens ...uint8) bool {
	if g.n != len(lens) {
		return false
	}
	for k, l := range lens {
		if g.lens[k] != l {
			return false
		}
	}
	return true
}

// phoneType is Fax when a fax cue precedes token i, else Phone.
func (s *scan) phoneType(i int) Type {
	if s.wordBefore(i, 6, "fax", "facsimile", "fx") {
		return Fax
	}
	if i >= 2 && s.toks[i-1].punct(':') && s.eq(i-2, "f") {
		return Fax
	}
	return Phone
}

var phoneCueWords = []string{"phone", "tel", "telephone", "cell", "mobile", "call", "pager", "contact", "number", "reach",
	"reached", "text", "home", "work", "ph", "cellphone", "landline", "beeper", "line", "fax", "dial", "callback", "at", "phone#", "tel.", "numbers",
	"mob", "mobile#", "cell#", "whatsapp",
	// In Spanish, Portuguese, French and Italian forms.
	"teléfono", "telefono", "celular", "cel", "móvil", "movil", "telefone", "téléphone", "portable", "cellulare"}

// phoneAt tries a phone or fax number starting at token i. It returns the
// index of the last token, or -1.
func (s *scan) phoneAt(i int, g *groups) int {
	last := -1
	switch {
	case g.is(3, 3, 4), g.is(1, 3, 3, 4) && !g.paren, g.is(3, 3, 4) && g.paren, g.is(3, 7) && g.paren:
		// "(555) 014-2288", and "(555)0142288" as a form field takes it.
		if g.seps[1] == '.' && g.seps[2] == ' ' {
			return -1
		}
		last = g.last
	case g.plus && g.total >= 8 && g.total <= 15:
		last = g.last
	case g.is(3, 4) && g.seps[1] != ' ' && (s.wordsBefore(phoneCueSet, i, 8) != 0 || g.seps[1] == '-' && !s.unitAfter(g.last) && !s.cueBefore(i, lxCodeStop, 3)):
		last = g.last
	case g.is(3, 4) && g.seps[1] == ' ' && s.wordsBefore(phoneCueSet, i, 3) != 0 && !s.unitAfter(g.last) && s.prevWordAt(i, 1) != "count":
		// A local number with a space right after its cue: "(cell 555
		// 0142)", "phone: 555 0142".
		last = g.last
	case (g.is(10) || g.is(11) && s.str(i)[0] == '1') && s.wordsBefore(phoneCueSet, i, 8) != 0:
		last = g.last
	case s.str(i)[0] == '0' && g.n >= 2 && g.n <= 5 && g.total >= 10 && g.total <= 11 && (g.seps[1] == ' ' || g.n == 5 && g.seps[1] == '.') &&
		s.wordsBefore(phoneCueSet, i, 8) != 0:
		// A national number abroad, its trunk 0 first: "07700 900123",
		// "020 7946 0958", "0161 496 0000", France's "06 12 34 56 78"
		// after a phone cue.
		last = g.last
	case g.total >= 10 && g.total <= 11 && g.n >= 2 && g.n <= 4 && g.seps[1] == ' ' && g.lens[0] >= 2 && s.wordsBefore(phoneCueSet, i, 6) != 0 &&
		!s.cueBefore(i, lxCodeStop, 3) && !s.unitAfter(g.last):
		// A number of ten digits in groups after a phone cue, as other
		// countries group them: "teléfono 33 1234 5678", "Celular: 55
		// 9876 5432".
		last = g.last
	case s.trunkZero(i) && g.total >= 10 && g.total <= 11 && g.seps[1] == ' ' && (g.is(4, 3, 3) || g.is(2, 4, 4) && g.paren || g.is(4, 3, 4) && (g.paren || s.sameLinePrev(i) >= 0 && s.toks[s.sameLinePrev(i)].punct('(') || s.phoneAsked(i)) ||
		g.is(5, 6) && !g.paren && (strings.HasPrefix(s.str(i), "07") || strings.HasPrefix(s.str(i), "01")) && !s.cueBefore(i, lxCue, 3) &&
			!productLabelBefore[s.prevWordAt(i, 1)]):
		// The shapes of a national number that nothing else is written
		// in, with no cue: a mobile "0412 555 871" after a next of kin's
		// name, a landline with its area code in brackets "(02) 9555
		// 1234", "(0161) 496 0000", a British mobile or landline of five
		// and six digits "07700 900123", "01592 643355", a mobile of four,
		// three and four digits as Nigeria and the Philippines write them,
		// in brackets ("(0803 555 0147)"; times and values of a chart's
		// row take the shape unbracketed: "0600 118 0800").
		last = g.last
	default:
		return -1
	}
	// Extension: "x123", "ext. 123", "extension 4".
	if k := s.next(last); k > 0 {
		w := s.toks[k]
		switch {
		case w.word() && w.shape&shDigit != 0 && (s.text[w.s] == 'x' || s.text[w.s] == 'X') && isDigitsFrom(s.text[w.s+1:w.e]):
			last = k
		case s.eq(k, "x") || s.eq(k, "ext") || s.eq(k, "extension"):
			m := k + 1
			if m < len(s.toks) && s.toks[m].punct('.') {
				m++
			}
			if m < len(s.toks) && s.toks[m].digits() && s.toks[m].gap != gapLine {
				last = m
			}
		}
	}
	return last
}

// phoneAsked: a number or a phone was asked for on token i's line or the
// line before ("Ano po number niya? / Patient: 0917 555 0136").
func (s *scan) phoneAsked(i int) bool {
	return s.askedBefore(i, func(k int) bool { return phoneAskWords[s.lower(k)] })
}

var phoneAskWords = wordsOf("number phone cell mobile numero número telefono teléfono celular")

// productLabelBefore label a product's or a specimen's number, no phone:
// "Lot 07123 456789", "Batch: 07700 900456".
var productLabelBefore = map[string]bool{"lot": true, "batch": true, "specimen": true, "accession": true, "ref": true,
	"serial": true, "model": true, "part": true, "catalog": true, "cat": true}

// trunkZero: the number from token i (its bracket skipped) opens with a
// trunk 0.
func (s *scan) trunkZero(i int) bool {
	if s.toks[i].punct('(') && i+1 < len(s.toks) {
		i++
	}
	return s.str(i)[0] == '0'
}

// extensionBefore: "ext", "ext." or "extension" right before token i, with
// nothing after the number that measures ("hip extension 110 degrees").
func (s *scan) extensionBefore(i int) bool {
	if !s.extensionWordBefore(i) {
		return false
	}
	if n := s.next(i); n > 0 && (s.eq(n, "degrees") || s.eq(n, "deg") || s.toks[n].punct('-')) {
		return false
	}
	return true
}

// extensionWordBefore: "ext", "ext." or "extension" right before token i.
func (s *scan) extensionWordBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct('.') {
		p = s.sameLinePrev(p)
	}
	return p >= 0 && (s.eq(p, "ext") || s.eq(p, "extension") || s.eq(p, "extn"))
}

// gluedExtension returns the length of the digits before an extension
// written onto them ("0143x22", "0143ext5"), or 0.
func gluedExtension(w string) int {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n < 3 {
		return 0
	}
	rest := w[n:]
	switch {
	case len(rest) > 1 && (rest[0] == 'x' || rest[0] == 'X') && isDigitsFrom(rest[1:]):
	case len(rest) > 3 && strings.EqualFold(rest[:3], "ext") && isDigitsFrom(rest[3:]):
	default:
		return 0
	}
	return n
}

// extensionShape: x is an extension written "x4412": an x and three to
// five digits.
func extensionShape(x string) bool {
	return len(x) >= 4 && len(x) <= 6 && x[0]|0x20 == 'x' && isDigitsFrom(x[1:])
}

func isDigitsFrom(x string) bool {
	if x == "" {
		return false
	}
	for i := 0; i < len(x); i++ {
		if x[i] < '0' || x[i] > '9' {
			return false
		}
	}
	return true
}

// midNumber reports whether token i continues a number structure that started
// before it ("7788" in "010-7788"): such tokens are handled from the start.
func (s *scan) midNumber(i int) bool {
	if i < 2 || s.toks[i].gap != gapNone {
		return false
	}
	p := &s.toks[i-1]
	if p.kind != tkPunct || p.gap != gapNone {
		return false
	}
	switch p.ch {
	case '-', '.', '/', ':', '_':
		return s.toks[i-2].word()
	case ')':
		return true
	}
	return false
}

func (s *scan) punctAt(i int) {
	t := &s.toks[i]
	switch t.ch {
	case '(', '+':
		if t.ch == '(' && i > 0 && s.toks[i].gap == gapNone && s.toks[i-1].word() && !s.toks[i-1].digits() {
			// "(01)" inside a UDI or a word: not a phone start.
			return
		}
		g := s.readGroups(i)
		if g.n == 0 {
			return
		}
		if last := s.phoneAt(i, &g); last >= 0 {
			s.addTok(i, last, s.phoneType(i), prShape)
		}
	case '#':
		if k := s.adj(i); k > 0 && s.toks[k].word() && s.toks[k].shape&shDigit != 0 && s.toks[k].n() >= 5 &&
			!s.cueBefore(i, lxCodeStop, 3) {
			end := s.codeValueEnd(k)
			s.addTok(k, end, ID, prWeak)
		}
	case '.':
		s.fileNameAt(i)
	}
}

var imageExts = []string{"jpg", "jpeg", "png", "heic", "heif", "gif", "tif", "tiff", "bmp", "dcm", "webp", "raw", "dng"}

// imageExtLen is the shortest and longest length in imageExts.
var imageExtLen = func() (r [2]int) {
	r[0] = len(imageExts[0])
	for _, e := range imageExts {
		r[0], r[1] = min(r[0], len(e)), max(r[1], len(e))
	}
	return r
}()

// fileNameAt finds image file names ("IMG_2041.jpg") at the dot before the
// extension: references to photographs.
func (s *scan) fileNameAt(i int) {
	if i == 0 || s.toks[i].gap != gapNone || !s.toks[i-1].word() {
		return
	}
	k := s.adj(i)
	if k < 0 || !s.toks[k].word() || s.toks[k].n() < imageExtLen[0] || s.toks[k].n() > imageExtLen[1] {
		return // most dots are in decimals and abbreviations
	}
	isImg := false
	for _, e := range imageExts {
		if s.eq(k, e) {
			isImg = true
			break
		}
	}
	if !isImg {
		return
	}
	start := i - 1
	for start > 0 && s.toks[start].gap == gapNone {
		p := &s.toks[start-1]
		if p.word() || p.kind == tkPunct && (p.ch == '_' || p.ch == '-') {
			start--
			continue
		}
		break
	}
	if s.toks[start].kind == tkPunct {
		start++
	}
	s.addTok(start, k, Photo, prCue)
}

// numberAt runs the matchers that start at an all-digit token.
func (s *scan) numberAt(i int) {
	if s.midNumber(i) {
		return
	}
	if s.freewayByNumber(i) {
		return
	}
	v, n := s.num(i)
	if last := s.ipv4At(i); last >= 0 {
		s.addTok(i, last, IP, prShape)
		return
	}
	if s.dateSpan(i) || n <= 2 && s.foreignDate(i) {
		return
	}
	g := s.readGroups(i)
	if s.publicNumber(i, &g) {
		return
	}
	// A date written with spaces after a date's cue or question ("DOB 03 15
	// 1948", "the date on your card?" / "03 15 2024"): month, day, year.
	if g.n == 3 && g.lens[0] <= 2 && g.lens[1] <= 2 && g.lens[2] == 4 && g.seps[1] == ' ' && g.seps[2] == ' ' && !s.unitAfter(g.last) {
		m, _ := s.num(i)
		d, _ := s.num(s.next(i))
		y, _ := s.num(g.last)
		if validMD(m, d) && y >= 1890 && y <= s.year+1 && (s.cueBefore(i, lxDateCue, 4) ||
			s.answerOpens(i) && s.askedBefore(i, func(k int) bool {
				return s.eq(k, "date") || s.eq(k, "birthday") || s.eq(k, "born") || s.eq(k, "when") || s.eq(k, "dob")
			})) {
			s.addTok(i, g.last, Date, prCue)
			return
		}
	}
	// A number in groups answering the question that asked for it: the
	// asked type ("Medicare card there?" / "Yep. 2953 71846 1", "OHIP
	// number?" / "5584-119-302-KT", its version code's letters with it);
	// a phone's shape is a phone's ("Insurance ID: ... fax: 319-538-2531").
	if g.total >= 8 && g.n >= 2 && g.longest() >= 4 && s.answerOpens(i) && !s.unitAfter(g.last) && !s.clockOrTimeAfter(g.last) {
		if t := s.identifierNumberAsked(i); t != "" && s.phoneAt(i, &g) < 0 {
			last := g.last
			if h := s.adj(last); h > 0 && s.toks[h].punct('-') {
				if c := s.adj(h); c > 0 && s.toks[c].letters() && s.toks[c].n() <= 2 && s.toks[c].allUpper() {
					last = c
				}
			}
			s.addTok(i, last, t, prCue)
			return
		}
	}
	// Numerals read out one at a time after a question or cue ("p: 0 2 1
	// 1 4" when the ZIP code was asked) go the way of digits said as
	// words; item scores in a row ("3 4 2 1 0") have neither.
	if g.n >= 4 && g.total == g.n && g.seps[1] == ' ' && (s.wordsBefore(spokenCueSet, i, 6) != 0 || s.zipAsked(i) || s.identifierAsked(i) != "") && s.spokenRun(i) {
		return
	}
	if n == 1 && g.n == len(g.lens) {
		if last := s.spacedPhone(i); last >= 0 {
			// A phone number's ten digits read out one at a time,
			// with no question before.
			s.addTok(i, last, Phone, prShape)
			return
		}
	}
	if last := s.phoneAt(i, &g); last >= 0 {
		if !(g.is(10) || g.is(11)) || !s.cueBefore(i, lxCodeStop, 3) {
			s.addTok(i, last, s.phoneType(i), prShape)
			return
		}
	}
	if g.is(3, 2, 4) && g.seps[1] == g.seps[2] && g.seps[1] != '/' {
		s.addTok(i, g.last, SSN, prShape)
		return
	}
	if n <= 3 && v >= 90 && v <= 130 && s.ageAt(i) {
		return
	}
	if n >= 3 && n <= 5 && g.n == 1 && s.extensionBefore(i) && !s.unitAfter(i) {
		s.addTok(i, i, Phone, prCue) // "call Dr. Reyes at ext 4471": an extension alone
		return
	}
	if n == 1 && g.n == 2 && g.seps[1] == '-' && g.total >= 4 && g.total <= 6 && s.extensionWordBefore(i) {
		s.addTok(i, g.last, Phone, prCue) // "ext. 4-7711": an internal extension with its exchange's digit
		return
	}
	if last := s.pagerAt(i, &g); last >= 0 {
		s.addTok(i, last, Phone, prCue)
		return
	}
	if s.addressAt(i) {
		return
	}
	if n == 5 && s.zipAt(i) {
		return
	}
	if n == 4 && s.auPostcodeAt(i) {
		return
	}
	if n == 4 && s.postcodeBeforeTown(i) {
		s.addTok(i, i, ZIP, prCue)
		return
	}
	if n == 4 && v > s.year-125 && v <= s.year-90 && !s.cueBefore(i, lxCodeStop, 2) && !s.unitAfter(i) && !s.notYear(i) {
		s.addTok(i, i, Date, prShape)
		return
	}
	// "Date of injury 20230915", "DOB: 07031948": eight digits that read
	// as a calendar date (year first, or month, day and year) after a date
	// cue are that date, not an identifier.
	if n == 8 && s.cueBefore(i, lxDateCue, 3) && (validMD(v/100%100, v%100) && v/10000 >= 1800 && v/10000 <= s.year+1 ||
		validMD(v/1000000, v/10000%100) && v%10000 >= 1800 && v%10000 <= s.year+1) {
		s.addTok(i, i, Date, prCue)
		return
	}
	// Long numbers and number runs are identifiers of some kind unless they
	// follow a code system name (NDC, CPT, LOINC) or precede a unit.
	// A National Drug Code in one of its shapes, with "NDC" earlier on the
	// line ("NDC for item 1: 0003-0894-21").
	if (g.is(4, 4, 2) || g.is(5, 3, 2) || g.is(5, 4, 1) || g.is(5, 4, 2)) && s.wordBefore(i, 8, "ndc", "ndcs") {
		return
	}
	if (n >= 6 || g.n >= 2 && g.total >= 8 && g.seps[1] != ' ' && !g.timeRange(s, i) && !g.codeRange(s, i)) && !s.cueBefore(i, lxCodeStop, 3) && !s.unitAfter(i) {
		last := i
		if g.n >= 2 && g.seps[1] != ' ' {
			last = g.last
		}
		// A prefix of capitals on no list before it is the identifier's
		// ("Secondary: MDZ 660418873", a plan's letters).
		st := i
		if p := s.sameLinePrev(i); p >= 0 && s.toks[i].gap == gapSpace && s.toks[p].letters() && s.toks[p].allUpper() &&
			s.toks[p].n() >= 2 && s.toks[p].n() <= 4 && s.toks[p].lex == 0 && s.toks[p].gaz == 0 && !unitAcronyms[s.lower(p)] {
			// Only as a field's value ("Secondary: MDZ ..."): "CPK
			// 125000", "IRB 20231145" name a test or a board.
			if q := s.sameLinePrev(p); q >= 0 && s.toks[q].punct(':') {
				st = p
			}
		}
		s.addTok(st, last, ID, prWeak)
	}
}

// clockOrTimeAfter: a measure or a span of time follows token i ("i'll be
// 90 minutes late", "it'll be 95 degrees").
func (s *scan) clockOrTimeAfter(i int) bool {
	n := s.next(i)
	return n > 0 && s.toks[n].letters() && ageMeasureWords[s.lower(n)]
}

// ageMeasureWords count what a number measures after "will be".
var ageMeasureWords = wordsOf("minutes minute min mins seconds secs hours hour hrs days weeks miles feet ft pounds lbs kilos kg " +
	"degrees percent dollars bucks cents")

// unitAfter reports whether the token after i is a unit of measure.
func (s *scan) unitAfter(i int) bool {
	k := s.next(i)
	if k < 0 {
		return false
	}
	if s.toks[k].punct('%') {
		return true
	}
	if s.inBeforeWord(i) && !s.eq(k+1, "x") {
		// "1928 in Ohio", "3 in the morning": "in" is inches only with no
		// word after it ("a 2 in x 3 in wound").
		return false
	}
	return s.toks[k].is(lxUnitWord) && s.toks[k].word()
}

// ipv4At matches a dotted quad with octets up to 255.
func (s *scan) ipv4At(i int) int {
	j := i
	for part := 0; part < 4; part++ {
		if j < 0 || j >= len(s.toks) || !s.toks[j].digits() || s.toks[j].n() > 3 {
			return -1
		}
		if v, _ := s.num(j); v > 255 {
			return -1
		}
		if part == 3 {
			break
		}
		k := s.adj(j)
		if k < 0 || !s.toks[k].punct('.') {
			return -1
		}
		j = s.adj(k)
	}
	// A trailing ":port" or "/cidr" belongs to the address.
	if k := s.adj(j); k > 0 && (s.toks[k].punct(':') || s.toks[k].punct('/')) {
		if m := s.adj(k); m > 0 && s.toks[m].digits() {
			j = m
		}
	}
	return j
}

// ageAt reports an age over 89 at the number token i: "92-year-old",
// "92 y/o", "aged 92", "age: 92", "92 years old".
func (s *scan) ageAt(i int) bool {
	ok := false
	k := s.next(i)
	if k > 0 && s.toks[k].punct('-') {
		k = s.next(k)
	}
	if k > 0 {
		for _, w := range []string{"year", "years", "yr", "yrs", "yo", "y", "yoa", "yof", "yom", "años", "anos", "ans", "anni", "jahre", "jaar"} {
			if s.eq(k, w) {
				ok = true
				break
			}
		}
	}
	if !ok && s.cueBefore(i, lxAgeCue, 3) {
		ok = true
	}
	if !ok && s.agePredicate(i) {
		ok = true
	}
	if !ok && s.ageAtEvent(i) {
		ok = true
	}
	if !ok && (s.sexThenAge(i) || s.ageSlashSex(i) || s.howOldAnswered(i) || s.ageAtLabel(i)) {
		ok = true
	}
	if ok {
		s.addTok(i, i, Age, prCue)
	}
	return ok
}

// ageAtLabel: the number follows a label of an age at an event ("Age at
// death: 94", "Age at enrollment: 91", "Age of onset: 92").
func (s *scan) ageAtLabel(i int) bool {
	p := s.sameLinePrev(i)
	if p < 3 || !s.toks[p].punct(':') {
		return false
	}
	// A unit after the number measures something else ("Age of wound:
	// 120 days", "Age of blood unit: 98 hours").
	if n := s.next(i); n > 0 && s.toks[n].letters() && s.toks[n].gap == gapSpace && !s.eq(n, "years") && !s.eq(n, "yo") &&
		!s.eq(n, "y") && !s.eq(n, "yrs") && !s.eq(n, "year") {
		return false
	}
	for k, n := s.sameLinePrev(p), 0; k >= 1 && n < 3; k, n = s.sameLinePrev(k), n+1 {
		if !s.toks[k].letters() {
			return false
		}
		if (s.eq(k, "at") || s.eq(k, "of")) && s.eq(k-1, "age") && s.toks[k].gap == gapSpace {
			// "age" opens the label's line or field; the event is a
			// person's.
			return (k-1 == 0 || s.toks[k-1].gap == gapLine || s.wideGap(k-1)) && ageEvents[s.lower(k+1)]
		}
	}
	return false
}

// ageEvents are what a person's age is given at in a label.
var ageEvents = wordsOf("death onset diagnosis enrollment enrolment admission menarche menopause presentation " +
	"surgery transplant consent entry inclusion discharge last first")

// placeLetterWords name a place or a class by a letter ("Room F", "Wing M",
// "Grade M"): the letter after them is no sex.
var placeLetterWords = map[string]bool{"room": true, "rm": true, "bed": true, "bay": true, "pod": true, "wing": true,
	"ward": true, "section": true, "zone": true, "area": true, "row": true, "grade": true, "class": true, "stage": true,
	"type": true, "level": true, "size": true, "tower": true, "hall": true, "team": true, "group": true}

// sexThenAge: "(F, 96)", "(male, 92)", "Sex/age: F, 93", "F (92)": the
// patient's sex, then the number, inside parentheses or after a sex/age
// label.
func (s *scan) sexThenAge(i int) bool {
	p := s.sameLinePrev(i)
	if p < 1 || !(s.toks[p].punct(',') || s.toks[p].punct('/') || s.toks[p].punct('(')) {
		return false
	}
	if s.toks[p].punct('(') {
		// "Elderly F (92)": the age in parentheses after the sex.
		n := s.next(i)
		switch q := s.sameLinePrev(p); {
		case q < 0 || n < 0 || !s.toks[n].punct(')'):
			return false
		default:
			if r := s.sameLinePrev(q); r >= 0 && (s.toks[r].is(lxUnit) || placeLetterWords[s.lower(r)]) {
				return false // "Room F (95)", "Wing M (92)"
			}
			switch s.lower(q) {
			case "f", "m", "female", "male":
				return true
			}
			return false
		}
	}
	q := s.sameLinePrev(p)
	if q < 0 {
		return false
	}
	switch s.lower(q) {
	case "f", "m", "female", "male", "woman", "man":
	default:
		return false
	}
	if r := s.sameLinePrev(q); r >= 0 && s.toks[r].punct('(') {
		n := s.next(i)
		return n > 0 && s.toks[n].punct(')')
	}
	return s.wordBefore(q, 4, "age", "sex")
}

// identifierNumberAsked is identifierAsked where the question names the
// number itself: the identifier's word before "number", "no", "#", "id"
// or "card", or a word that is one ("mrn", "ssn", "ohip", "ramq", "vin").
// "Did you record your sugars?", "How much did your insurance pay?",
// "your employee wellness tracker" ask for no identifier.
func (s *scan) identifierNumberAsked(i int) Type {
	t := s.identifierAsked(i)
	if t == "" {
		return ""
	}
	found := false
	s.askedBefore(i, func(k int) bool {
		switch s.lower(k) {
		case "mrn", "ssn", "ohip", "ramq", "vin":
			found = true
		case "number", "no", "id", "card", "#", "num", "numbers":
			// The identifier's word up to three words before ("member
			// ID", "health card number", "medicare card there").
			for p, n := s.sameLinePrev(k), 0; p >= 0 && n < 3; p, n = s.sameLinePrev(p), n+1 {
				if s.toks[p].letters() && s.identifierWordAt(p) {
					found = true
					break
				}
			}
		}
		return found
	})
	if !found {
		return ""
	}
	// A date asked for ("the date on your Medicare card") is a date.
	if s.askedBefore(i, func(k int) bool { return s.eq(k, "date") || s.eq(k, "when") || s.eq(k, "expire") || s.eq(k, "expires") }) {
		return ""
	}
	return t
}

// identifierWordAt: token k is a word identifierAsked types, or one that
// names the number with it ("social security", "health card").
func (s *scan) identifierWordAt(k int) bool {
	w := s.lower(k)
	return identifierWords[w] != "" || w == "security" || w == "health" || w == "card"
}

// howOldAnswered: the number opens the answer to "how old" on the line or
// the turn before ("Doctor: How old is she now?\nSon: 91. She was born in
// 1934"), nothing measured after it (ageAnswered reads the question's
// last words only).
func (s *scan) howOldAnswered(i int) bool {
	if !s.answerOpens(i) || s.unitAfter(i) || s.clockOrTimeAfter(i) {
		return false
	}
	if n := s.next(i); n > 0 && s.toks[n].letters() && (s.eq(n, "over") || s.eq(n, "pills") || s.eq(n, "tablets") || s.eq(n, "centimetres") ||
		s.eq(n, "centimeters") || s.eq(n, "cm") || s.eq(n, "percent")) {
		return false // "130 over 80", "100 pills"
	}
	q := -1
	s.askedBefore(i, func(k int) bool {
		if s.eq(k, "old") && k > 0 && s.eq(k-1, "how") {
			q = k
			return true
		}
		return false
	})
	if q < 0 {
		return false
	}
	// The only thing asked: "How old is he, and how tall?", "How old is
	// she? And her heart rate?" ask two.
	for k := q + 1; k < i && s.toks[k].gap != gapLine; k++ {
		if s.toks[k].letters() && (s.eq(k, "and") || s.eq(k, "what") || s.eq(k, "how") || s.eq(k, "what's")) {
			return false
		}
	}
	return true
}

// ageSlashSex: "Age/Sex: 93/M", "93/F with a fall": the number, a slash
// and the patient's sex, nothing after it but a word, a gap or the end
// ("Room 93/M" is a place's letter).
func (s *scan) ageSlashSex(i int) bool {
	p, q := s.adj(i), -1
	if p > 0 && s.toks[p].punct('/') {
		q = s.adj(p)
	}
	if q < 0 {
		return false
	}
	switch s.lower(q) {
	case "f", "m", "female", "male":
	default:
		return false
	}
	if n := s.adj(q); n > 0 && !s.toks[n].punct(',') && !s.toks[n].punct('.') && !s.toks[n].punct(')') {
		return false // "93/M/2", "93/ml"
	}
	if n := s.next(q); n > 0 && s.eq(n, "ratio") {
		return false // "94/F ratio"
	}
	// Where a patient is introduced: a line's or a field's start, after a
	// label, an article or "pt" ("Age/Sex: 93/M", "a 93/F"); not after a
	// measure ("BP 93/M", "temp 98/F", "score 92/M").
	r := s.sameLinePrev(i)
	return r < 0 || s.toks[r].kind == tkPunct || s.wideGap(i) ||
		s.toks[r].letters() && (s.eq(r, "a") || s.eq(r, "an") || s.eq(r, "pt") || s.eq(r, "patient") || s.eq(r, "is") || s.eq(r, "sex"))
}

// ageAtEvent: "she passed at 93", "died at 96 in", "At 91, is it ...": an
// age over 89 after "at", where a verb of a life's events comes before it
// or "at" opens the clause, and nothing measured follows.
func (s *scan) ageAtEvent(i int) bool {
	if v, n := s.num(i); n > 3 || v < 90 || v > 125 || s.unitAfter(i) {
		return false
	}
	if a := s.adj(i); a > 0 && (s.toks[a].punct('/') || s.toks[a].punct('%') || s.toks[a].punct('.') && s.adj(a) > 0) {
		return false // "at 90/60", "at 92%", "at 98.6"
	}
	return s.lifeEventBefore(i, i)
}

// inBeforeWord: the word after token end is "in" and a word follows it:
// the preposition ("died at 97 in Manila", "ninety two in the spring"),
// not inches.
func (s *scan) inBeforeWord(end int) bool {
	k := s.next(end)
	if k < 0 || !s.eq(k, "in") || s.toks[k].gap == gapLine {
		return false
	}
	n := s.next(k)
	return n > 0 && s.toks[n].gap != gapLine && s.toks[n].letters()
}

// lifeEventBefore: the number at tokens i..end (its value over 89 checked
// by the caller) is an age at a life's event: after "at" where a verb of
// a life's events comes before it or "at" opens the clause ("died at 96",
// "she passed at ninety four in ..."), or after "lived to" / "lived until"
// ("lived to 101", "lived to ninety eight").
func (s *scan) lifeEventBefore(i, end int) bool {
	p := s.sameLinePrev(i)
	if p < 0 {
		return false
	}
	if s.eq(p, "to") || s.eq(p, "until") || s.eq(p, "till") {
		q := s.sameLinePrev(p)
		if q >= 1 && s.eq(q, "it") {
			// "my brother made it to a hundred and one"
			r := s.sameLinePrev(q)
			return r >= 0 && (s.eq(r, "made") || s.eq(r, "make") || s.eq(r, "makes") || s.eq(r, "making"))
		}
		return q >= 0 && (s.eq(q, "lived") || s.eq(q, "live") || s.eq(q, "living") || s.eq(q, "lives"))
	}
	if !s.eq(p, "at") {
		return false
	}
	q := s.sameLinePrev(p)
	if q < 0 || s.toks[q].punct(':') || s.toks[q].punct('.') {
		n := s.next(end)
		return n > 0 && s.toks[n].punct(',') // "At 91, ..."
	}
	switch s.lower(q) {
	case "passed", "died", "retired", "widowed", "married", "remarried", "still", "alive", "living", "lives", "driving",
		"drives", "working", "works", "walking", "even", "now", "diagnosed", "moved", "divorced", "baptized":
		return true
	}
	// "Mother died at 97; father at 93": a relation then "at", the verb
	// left out after an age at a death earlier on the line.
	if s.toks[q].letters() && s.toks[q].is(lxRelation) {
		for k, n := s.sameLinePrev(q), 0; k >= 0 && n < 10; k, n = s.sameLinePrev(k), n+1 {
			if s.eq(k, "died") || s.eq(k, "passed") || s.eq(k, "deceased") {
				return true
			}
		}
	}
	return false
}

var personSubjects = map[string]bool{"she": true, "he": true, "mom": true, "dad": true, "mother": true, "father": true,
	"patient": true, "pt": true, "grandma": true, "grandpa": true, "wife": true, "husband": true, "i": true, "who": true,
	"resident": true, "grandmother": true, "grandfather": true, "aunt": true, "uncle": true}

// ageAdverbs stand between a verb of being and an age.
var ageAdverbs = map[string]bool{"now": true, "currently": true, "already": true, "almost": true, "nearly": true,
	"just": true, "still": true, "over": true}

// agePredicate: "She's 96.", "she turned 92", "Mom is 97 now": a number
// after a person and a verb of being or turning.
func (s *scan) agePredicate(i int) bool {
	p := i - 1
	if p < 0 || s.toks[i].gap == gapLine {
		return false
	}
	// "she is now 93", "mom's almost 95", "the patient is currently 97":
	// a word of time or degree between.
	if p >= 1 && s.toks[p].letters() && ageAdverbs[s.lower(p)] {
		p--
	}
	switch {
	case s.eq(p, "turned") || s.eq(p, "turns") || s.eq(p, "turning") || s.eq(p, "turn"):
		return true
	case p >= 1 && (s.eq(p, "you") || s.eq(p, "her") || s.eq(p, "him") || s.eq(p, "me")) &&
		(s.eq(p-1, "makes") || s.eq(p-1, "make") || s.eq(p-1, "made")):
		return !s.unitAfter(i) // "that makes you ninety one"
	case s.eq(p, "are") && p >= 1 && (s.eq(p-1, "you") || s.eq(p-1, "they") || s.eq(p-1, "we")):
		return !s.unitAfter(i) // "you are ninety seven"
	case s.eq(p, "be") && p >= 2 && s.toks[p-1].letters() && (s.eq(p-1, "ll") && s.toks[p-2].punct('\'') || s.eq(p-1, "will") || s.eq(p-1, "would") || s.eq(p-1, "gonna")):
		// "i'll be 90 next march", "she will be 93": an age to come, of a
		// person ("the pressure will be 95" has none).
		subj := p - 2
		if s.eq(p-1, "ll") {
			subj = p - 3
		}
		return subj >= 0 && s.toks[subj].letters() && personSubjects[s.lower(subj)] && !s.unitAfter(i) && !s.clockOrTimeAfter(i)
	case s.eq(p, "is") || s.eq(p, "was") || s.eq(p, "am"):
		p--
	case s.eq(p, "s") && p >= 2 && s.toks[p-1].punct('\'') && s.toks[p-1].gap == gapNone:
		p -= 2
	case (s.eq(p, "re") || s.eq(p, "m")) && p >= 2 && s.toks[p-1].punct('\'') && s.toks[p-1].gap == gapNone:
		return true // "you're ninety one", "I'm 92"
	case s.eq(p, "shes") || s.eq(p, "hes") || s.eq(p, "im") || s.eq(p, "youre"):
		return !s.unitAfter(i) // "shes 91 and diabetic": the apostrophe left out, as messages do
	default:
		return false
	}
	if p < 0 {
		return false
	}
	if personSubjects[s.lower(p)] {
		// "HR is 96" has no person; "she is 96 kg" has a unit; "she
		// was 90/60", "she's 92 over 58" and "pulse, she was 96" are
		// readings.
		return !s.unitAfter(i) && !s.readingAt(i)
	}
	// A name just before: candidates are added in text order, so only the
	// last few can end there (and scanning all would be quadratic).
	for k := len(s.cands) - 1; k >= 0 && k >= len(s.cands)-8; k-- {
		if c := s.cands[k]; c.t == Name && c.e == int(s.toks[p].e) {
			return !s.unitAfter(i) && !s.readingAt(i)
		}
	}
	return false
}

// readingAt: the number at token i is a reading, not an age: "over",
// "point", "/", "%" or a decimal after it, or a vital sign's word before it
// on its line.
func (s *scan) readingAt(i int) bool {
	e := i
	if !s.toks[i].digits() {
		if e = s.oldAgeEnd(i); e < 0 {
			e = i
		}
	}
	if n := e + 1; n < len(s.toks) {
		t := &s.toks[n]
		if t.gap == gapNone && (t.punct('/') || t.punct('%') || t.punct('.') && n+1 < len(s.toks) && s.toks[n+1].digits() && s.toks[n+1].gap == gapNone) {
			return true
		}
		if t.letters() && (s.eq(n, "over") || s.eq(n, "point")) && n+1 < len(s.toks) && (s.toks[n+1].digits() || s.toks[n+1].is(lxDigitWord|lxTeenWord|lxTensWord)) {
			return true // not "ninety over there"
		}
	}
	return s.vitalOnLineBefore(i)
}

// apStateAbbrs are the states abbreviated in the newspapers' style, written
// with a period ("Minn.", "Calif.", "Fla."); the two-letter ones that are
// also words ("Ga", "La", "Pa", "Va" aside) are left out.
var apStateAbbrs = map[string]bool{"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true,
	"del": true, "fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "kans": true, "ky": true, "la": true,
	"md": true, "mass": true, "mich": true, "minn": true, "miss": true, "mo": true, "mont": true, "neb": true,
	"nebr": true, "nev": true, "okla": true, "ore": true, "oreg": true, "pa": true, "tenn": true, "tex": true,
	"va": true, "vt": true, "wash": true, "wis": true, "wisc": true, "wyo": true}

// townBeforeLowerState: between a street's suffix and a state written in
// lower case before a ZIP, up to three words are the town ("14 elm street
// springfield illinois 62704", "oak ave apt 2 south bend indiana").
func (s *scan) townBeforeLowerState(st int) {
	k := s.sameLinePrev(st)
	if k >= 0 && s.toks[k].punct(',') {
		k = s.sameLinePrev(k)
	}
	end := k
	for n := 0; k >= 0 && n < 3; n++ {
		t := &s.toks[k]
		if !t.letters() || t.is(lxStreetSuffix|lxUnit) || s.tokIn(functionWordSet, k) {
			break
		}
		k = s.sameLinePrev(k)
	}
	if k < 0 || k == end || !(s.toks[k].letters() && s.toks[k].is(lxStreetSuffix) || s.toks[k].punct(',') || s.toks[k].digits()) {
		return
	}
	if k2 := s.next(k); k2 > 0 && k2 <= end {
		s.addTok(k2, end, Location, prCue)
	}
}

// zipLabels name the postcode before it ("4150 Gulf Hwy, Lot 22. Zip
// 70607"): no town.
var zipLabels = wordsOf("zip zipcode postcode postal")

// zipAt matches a 5-digit ZIP (and ZIP+4) after a state or a zip cue.
func (s *scan) zipAt(i int) bool {
	p := i - 1
	if p >= 0 && (s.toks[p].punct(',') || s.toks[p].punct('/') || s.toks[p].punct('|')) {
		p-- // "Tulsa / OK / 74103", "Austin | TX | 78701"
	}
	ok := false
	if p >= 0 && s.toks[i].gap != gapLine {
		pt := &s.toks[p]
		switch {
		case pt.is(lxStateAbbr) && pt.allUpper() && pt.n() == 2:
			ok = true
		case pt.is(lxState) && pt.upper():
			ok = true
		case pt.is(lxState) && pt.letters() && pt.n() >= 4:
			// "springfield illinois 62704" as a transcriber writes it; a
			// state's full name only ("in 60614" is no Indiana).
			ok = true
			s.townBeforeLowerState(p)
		case pt.is(lxCity) && !pt.is(lxCityAmb) && pt.upper() && pt.letters():
			ok = true // "Frisco 75035": the state left out
		case pt.upper() && pt.letters() && (pt.lex&lxCityNick != 0 || pt.gaz&gzCityNick != 0 || pt.gaz&gzCity != 0 && pt.gaz&gzWord == 0 &&
			pt.lex&(lxCommon|lxMedical|lxFirst|lxSur|lxMonth|lxWeekday|lxTitle|lxTitleClin) == 0):
			ok = true // "NOLA 70130", "Coppell 75019": a city's nickname or a gazetteer town
		case pt.punct('.') && pt.gap == gapNone && p > 0 && s.toks[p-1].upper() && apStateAbbrs[s.lower(p-1)]:
			ok = true // "Duluth, Minn. 55803": a state abbreviated in the newspapers' style
		case pt.capWord() && !pt.is(lxStreetSuffix|lxUnit) && !s.eq(p, "box") && !zipLabels[s.lower(p)] && s.cueBefore(p, lxStreetSuffix, 8):
			// "55 Elm St Apt 4 Quincy 02169": a town after its street,
			// the state left out; the town is a place too.
			ok = true
			st := p
			for k := s.sameLinePrev(st); k >= 0 && p-k < 3 && s.toks[k].capWord() && !s.toks[k].is(lxStreetSuffix|lxUnit); k = s.sameLinePrev(k) {
				st = k
			}
			s.addTok(st, p, Location, prCue)
		}
		if v, _ := s.num(i); !ok && pt.letters() && s.toks[i].n() == 5 && v%100 != 0 && (s.clauseEndAfter(i) || s.adj(i) > 0 && s.toks[i+1].punct('-')) &&
			s.placeFoundAt(p) {
			// "yes in athens, 30601", "Lives in Macon, 31201.": five
			// digits closing the clause after a town the rules found; a
			// round number is a sum or a count ("my salary in akron,
			// 40000.").
			ok = true
		}
		if !ok && pt.word() && pt.upper() && p > 0 {
			// "New York 10027": multi-word state names end in a capitalized word.
			if s.phraseEndsAt(p, lxState) {
				ok = true
			}
		}
	}
	if !ok && s.wordBefore(i, 4, "zip", "zipcode", "postal", "postcode") {
		ok = true
	}
	// "d: and your zip code" / "p: 48104": five digits opening the answer
	// to a question about the ZIP code, as the spoken form is.
	if !ok && s.turnStart(i) && s.zipAsked(i) {
		ok = true
	}
	// "in the 60614 zip code", "resides in 02139 area", "49503 (Grand
	// Rapids)": the words after it say it is a place.
	if n := s.next(i); !ok && n > 0 {
		switch {
		case s.eq(n, "zip") || s.eq(n, "zipcode") || s.eq(n, "area") && (s.prevWordAt(i, 1) == "in" || s.prevWordAt(i, 1) == "to" ||
			s.prevWordAt(i, 1) == "from" || s.prevWordAt(i, 1) == "near"):
			ok = true
		case s.postcodeBeforeTown(i):
			ok = true
		case s.toks[n].punct('(') && s.adj(n) > 0 && s.toks[n+1].capWord() && (s.toks[n+1].is(lxCity) ||
			s.toks[n+1].gaz&(gzCity|gzTown) != 0 || s.phraseEndsAt(s.closingParen(n)-1, lxCity)):
			ok = true
		}
	}
	if !ok {
		return false
	}
	last := i
	if k := s.adj(i); k > 0 && s.toks[k].punct('-') && s.adj(k) > 0 && s.toks[k+1].digits() && s.toks[k+1].n() == 4 {
		last = k + 1
	}
	s.addTok(i, last, ZIP, prCue)
	return true
}

// postcodeBeforeTown: the number at i is a postcode before its town, as
// much of Europe writes it, after a street and its comma ("22 Rue des
// Lilas, 69003 Lyon", "Hauptstraße 5, 80331 München", "Bahnhofstrasse 19,
// 8001 Zürich"); the town is a place too, one whose name is also a
// person's or a word too here ("10967 Berlin", "75002 Paris").
func (s *scan) postcodeBeforeTown(i int) bool {
	n := s.next(i)
	if n < 0 || !s.toks[n].capWord() || s.toks[n].gap != gapSpace || s.sameLinePrev(i) < 0 || !s.toks[s.sameLinePrev(i)].punct(',') || s.unitAfter(i) {
		return false
	}
	listed := s.placeWord(n) || s.toks[n].is(lxCity) || s.toks[n].gaz&(gzCity|gzTown) != 0
	if v, _ := s.num(i); s.toks[i].n() == 4 && v >= 1900 && v <= 2099 && !listed {
		return false // "December 3, 2026   Valid until": a year
	}
	if !(listed || s.toks[n].lex == 0 && !s.englishLooking(n) && !s.englishTok(n)) || !s.streetBefore(i) {
		return false
	}
	s.addTok(n, n, Location, prCue)
	return true
}

// placeFoundAt: a place candidate of the rules ends at token p.
func (s *scan) placeFoundAt(p int) bool {
	for k := len(s.cands) - 1; k >= 0 && k >= len(s.cands)-4; k-- {
		if c := &s.cands[k]; c.t == Location && c.e == int(s.toks[p].e) {
			return true
		}
	}
	return false
}

// streetBefore: a street on token i's line before it, by its suffix
// ("Road"), its type written first ("Rue des Lilas") or its house number
// written last ("Hauptstraße 5,"); i follows the street's comma.
func (s *scan) streetBefore(i int) bool {
	if s.cueBefore(i, lxStreetSuffix, 8) || s.houseNumberLast(s.sameLinePrev(i)) {
		return true
	}
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 8; k, n = s.sameLinePrev(k), n+1 {
		if s.streetTypeFirst(k) {
			return true
		}
	}
	return false
}

// houseNumberLast: the comma at c closes a street written name first, the
// house number after it ("Hauptstraße 5,", "Calle Morelos 221,").
func (s *scan) houseNumberLast(c int) bool {
	h := s.sameLinePrev(c)
	if h < 1 || !s.toks[h].digits() || s.toks[h].n() > 4 {
		return false
	}
	st := s.sameLinePrev(h)
	return st >= 0 && s.toks[st].letters() && s.toks[st].upper() && !s.englishLooking(st) && !s.dictionaryWord(st) &&
		!s.toks[st].is(lxMonth|lxWeekday) // "December 3," is a date
}

// auStates are Australia's states and territories as addresses write them
// before the four-digit postcode.
var auStates = map[string]bool{"nsw": true, "vic": true, "qld": true, "tas": true, "act": true, "nt": true, "sa": true, "wa": true}

// auPostcodeAt: an Australian postcode, four digits after the state in
// capitals after its town ("Wagga Wagga NSW 2650", "Bendigo, VIC 3550").
func (s *scan) auPostcodeAt(i int) bool {
	p := s.sameLinePrev(i)
	if p < 1 || !s.toks[p].letters() || !s.toks[p].allUpper() || !auStates[s.lower(p)] || !s.afterTownOrComma(p) {
		return false
	}
	s.addTok(i, i, ZIP, prCue)
	s.townBeforePostcode(i)
	return true
}

// closingParen returns the token of the ")" closing the "(" at n on its
// line, or n+2 when there is none within five tokens.
func (s *scan) closingParen(n int) int {
	for k := n + 1; k < len(s.toks) && k <= n+6 && s.toks[k].gap != gapLine; k++ {
		if s.toks[k].punct(')') {
			return k
		}
	}
	return n + 2
}

// phraseEndsAt reports whether a lexicon phrase with flag f ends at token i.
func (s *scan) phraseEndsAt(i int, f uint64) bool {
	for n := 2; n <= 4; n++ {
		st := i - (n - 1)
		if st < 0 {
			break
		}
		if key, ok := s.phraseKey(st, n); ok && lexPhraseFlags(key)&f != 0 {
			return true
		}
	}
	return false
}

// phraseKey joins n words from token st with single spaces, lower case, in
// a scratch buffer valid until the next call.
func (s *scan) phraseKey(st, n int) ([]byte, bool) {
	b := s.buf[:0]
	for k := st; k < st+n; k++ {
		if k >= len(s.toks) || !s.toks[k].word() {
			// Allow "St." inside a phrase.
			if k < len(s.toks) && s.toks[k].punct('.') && k > st {
				b = append(b, '.')
				n++
				continue
			}
			return nil, false
		}
		if k > st && s.toks[k].gap != gapNone {
			b = append(b, ' ')
		} else if k > st && !s.toks[k-1].punct('.') && !s.toks[k-1].punct('-') {
			if !s.toks[k].punct('-') {
				b = append(b, ' ')
			}
		}
		b = append(b, s.lower(k)...)
	}
	s.buf = b
	return b, true
}

// phraseKeys is phraseKey for every n from 1 to max at once: phraseKey(st,
// n) succeeds for n <= m and gives key[:ends[n]]. The key is in the same
// scratch buffer.
func (s *scan) phraseKeys(st, max int) (key []byte, ends [5]int, m int) {
	b := s.buf[:0]
	n := min(max, len(ends)-1)
	for k := st; k < st+n; k++ {
		if k >= len(s.toks) || !s.toks[k].word() {
			if k < len(s.toks) && s.toks[k].punct('.') && k > st {
				b = append(b, '.')
				n++
				continue
			}
			// An apostrophe inside a name: "coeur d'alene", "lee's summit".
			if k < len(s.toks) && s.toks[k].punct('\'') && k > st && s.toks[k].gap == gapNone && k+1 < len(s.toks) &&
				s.toks[k+1].gap == gapNone && s.toks[k+1].word() {
				b = append(b, '\'')
				n++
				continue
			}
			break
		}
		if k > st && s.toks[k].gap != gapNone {
			b = append(b, ' ')
		} else if k > st && !s.toks[k-1].punct('.') && !s.toks[k-1].punct('-') && !s.toks[k-1].punct('\'') {
			if !s.toks[k].punct('-') {
				b = append(b, ' ')
			}
		}
		b = append(b, s.lower(k)...)
		m++
		ends[m] = len(b)
	}
	s.buf = b
	return b, ends, m
}

// codeValueEnd extends an identifier value from token k over joined pieces:
// "ACC-88213-0091", "1EG4-TE5-MK73".
func (s *scan) codeValueEnd(k int) int {
	end := k
	for {
		j := s.adj(end)
		if j < 0 {
			return end
		}
		t := &s.toks[j]
		if t.kind == tkPunct && (t.ch == '-' || t.ch == '/' || t.ch == '_' || t.ch == '.') {
			m := s.adj(j)
			if m < 0 || !s.toks[m].word() {
				return end
			}
			if t.ch == '.' && s.toks[m].shape&shDigit == 0 {
				return end
			}
			end = m
			continue
		}
		return end
	}
}

// extensionAt: a telephone extension on its own, without the number it
// extends: "x5-3310" anywhere, "x4471" after a word of calling or paging ("paged at x4471",
// "call x2210"). A microscope's magnification ("at x400 magnification")
// stays. Digits after "ext" alone are left: a department's line
// ("Pharmacy ext 2204") cost precision on a holdout.
func (s *scan) extensionAt(i int) bool {
	x := s.str(i)
	if len(x) >= 2 && len(x) <= 3 && x[0]|0x20 == 'x' && isDigitsFrom(x[1:]) && (i == 0 || s.toks[i].gap != gapNone || s.toks[i-1].kind == tkPunct) {
		// "x5-3310", "(x3-4410)": an internal extension with its
		// exchange's digit; not a count and a year ("C-section x2-2015").
		if d, n := i+1, i+2; n < len(s.toks) && s.toks[d].punct('-') && s.toks[d].gap == gapNone &&
			s.toks[n].gap == gapNone && s.toks[n].digits() && s.toks[n].n() == 4 && !s.unitAfter(n) && !s.yearValue(n) {
			if m := n + 1; m >= len(s.toks) || s.toks[m].gap != gapNone || s.toks[m].kind == tkPunct && !s.toks[m].punct('-') {
				s.addTok(i, n, Phone, prCue)
				return true
			}
		}
	}
	if !extensionShape(x) {
		return false
	}
	if s.wordsBefore(phoneCueSet, i, 4) == 0 && !s.wordBefore(i, 4, "paged", "page", "pager", "ext") {
		return false
	}
	if n := s.next(i); n > 0 && (s.eq(n, "magnification") || s.eq(n, "power") || s.eq(n, "objective") || s.eq(n, "hpf") || s.eq(n, "field")) {
		return false
	}
	s.addTok(i, i, Phone, prCue)
	return true
}

// pagerAt: "pager 41877", "pgr #2213", "p7-4410", "beeper 4410": a short
// internal number after a pager cue.
func (s *scan) pagerAt(i int, g *groups) int {
	if !(g.n == 1 && g.total >= 4 && g.total <= 6 || g.n == 2 && g.lens[0] <= 2 && g.lens[1] == 4 && g.seps[1] == '-') {
		return -1
	}
	p := i - 1
	if p >= 0 && s.toks[p].punct('#') {
		p--
	}
	if p >= 0 && s.toks[p].punct(':') {
		p--
	}
	if p < 0 || !s.toks[p].letters() {
		return -1
	}
	switch s.lower(p) {
	case "pager", "pgr", "pg", "beeper", "bleep", "page", "paged", "p":
		if s.eq(p, "p") && !(s.toks[i].gap == gapNone && (p == 0 || s.toks[p].gap != gapNone)) {
			return -1 // only "p7-4410", glued
		}
		return g.last
	}
	return -1
}

// notYear: a four-digit number that reads as a clock time or a model number
// rather than a year ("given 1300 & 1900", "at 1915", "3M 1860 N95").
// Years that would make someone over 125 are not taken as birth years at all.
func (s *scan) notYear(i int) bool {
	p := i - 1
	if p < 0 || s.toks[i].gap == gapLine {
		return false
	}
	if s.toks[p].punct('&') || s.toks[p].punct('@') || s.eq(p, "at") || s.eq(p, "and") && p > 0 && s.toks[p-1].digits() {
		return true
	}
	if s.toks[p].word() && s.toks[p].shape&shDigit != 0 && s.toks[p].shape&shLetter != 0 {
		return true
	}
	if n := s.next(i); n > 0 && s.toks[n].word() && s.toks[n].shape&shDigit != 0 && s.toks[n].shape&shLetter != 0 {
		return true
	}
	return false
}

// ageEchoVitals are the words before a number that measure the body, not
// its years; ageEchoAfter the words after one.
var (
	ageEchoVitals = wordsOf("bp pressure pulse rate hr sat sats saturation o2 oxygen temp temperature weight weighs " +
		"weighed glucose sugar sugars a1c over systolic diastolic rr respiratory heart pounds score percent number " +
		"room rm bed page unit floor ward suite apt route highway exit channel")
	ageEchoAfter = wordsOf("over percent degrees pounds lbs kg kilos beats bpm mg milligrams units point minutes " +
		"seconds miles dollars times days weeks months hours feet inches cc ml")
)

// ageEchoes: an age over 89 said again in the same text, the same number
// or one more or less ("and you're ninety six?" / "ninety seven on the
// twenty first", "i'll be ninety four" / "almost ninety four"), in words
// or digits, where no measure of the body is near: the person's age once
// more. A late rule: it reads the ages found, by the rules and by the
// late rules before it (parenAges, birthdayAges).
func (s *scan) ageEchoes(spans []Span) {
	lo, hi := 0, 0
	for _, sp := range append(spans[:len(spans):len(spans)], s.late...) {
		if sp.Type != Age {
			continue
		}
		st := s.tokStartingAt(sp.Start)
		if st < 0 {
			continue
		}
		v := -1
		if s.toks[st].digits() {
			v, _ = s.num(st)
		} else if x, e := s.twoDigitWords(st); e >= 0 {
			v = x
		}
		if v < 90 || v > 119 {
			continue
		}
		if lo == 0 || v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	if lo == 0 {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if i > 0 && t.gap == gapNone && !s.toks[i-1].punct('(') {
			continue
		}
		v, e := -1, -1
		switch {
		case t.digits() && t.n() <= 3:
			v, _ = s.num(i)
			e = i
			if n := s.next(i); n > 0 && s.toks[n].gap == gapNone && !s.toks[n].punct('.') && !s.toks[n].punct(',') &&
				!s.toks[n].punct('?') && !s.toks[n].punct('!') {
				continue // "94%", "96/60", "95.2"
			}
		case t.letters() && t.is(lxTensWord):
			v, e = s.twoDigitWords(i)
		}
		if e < 0 || v < 90 || v < lo-1 || v > hi+1 {
			continue
		}
		if n := s.next(e); n > 0 && s.toks[n].gap != gapLine && (s.toks[n].word() && ageEchoAfter[s.lower(n)] || s.unitAfter(e) ||
			s.toks[n].punct('/') || s.toks[n].punct('%')) {
			continue
		}
		vital := false
		for k, c := s.sameLinePrev(i), 0; k >= 0 && c < 4 && !vital; k, c = s.sameLinePrev(k), c+1 {
			if s.toks[k].punct('.') || s.toks[k].punct('?') || s.toks[k].punct('!') {
				break // the sentence before: "Age 93. Celebrating 93 soon."
			}
			vital = s.toks[k].letters() && ageEchoVitals[s.lower(k)] || s.toks[k].digits()
		}
		if h := s.lineHead(i); !vital && h > 0 && i-h <= 8 {
			// An answer to a question about a reading: "and the heart
			// rate" / "ninety two".
			for k := h - 1; k >= 0 && !vital; k-- {
				vital = s.toks[k].letters() && ageEchoVitals[s.lower(k)]
				if s.toks[k].gap == gapLine {
					break
				}
			}
		}
		if vital {
			continue
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(s.toks[e].e), Type: Age})
		i = e
	}
}

// yearValue: token k is four digits from 1900 to 2039.
func (s *scan) yearValue(k int) bool {
	v, _ := s.num(k)
	return s.toks[k].digits() && s.toks[k].n() == 4 && v >= 1900 && v <= 2039
}
