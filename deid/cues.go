package deid

import "strings"

// Identifier cue phrases: the words that announce an identifier and its type
// ("MRN", "member ID", "license plate"). Phrases are written as they
// tokenize: words and single punctuation marks separated by spaces.
type cue struct {
	words []string
	t     Type
}

var cueTable = func() []cue {
	spec := map[Type][]string{
		MRN: {"mrn", "m r n", "mr #", "mr no", "medical record number", "medical record no", "medical record #", "medical record",
			"med rec", "med rec #", "chart number", "chart #", "chart no", "chart id", "patient id", "pt id", "patient number",
			"hospital number", "hosp #", "record number", "record #", "record no", "unit number", "emr id", "ehr id",
			"epic id", "medical record num", "health record number", "mrn #", "unit no", "unit #", "hospital no", "hosp no",
			"hospital #", "med rec no",
			// Australia's unit record number.
			"ur no", "ur number", "ur #", "urn",
			// India's unique health ID and inpatient number, a South
			// African hospital's folder number, a clinic's own chart.
			"uhid", "uhid no", "folder no", "folder number", "folder #"},
		SSN: {"ssn", "social security number", "social security no", "social security #", "social security", "social",
			"ss #", "ssn #", "soc sec", "soc sec #", "ss no", "last four of ssn", "itin"},
		HealthPlan: {"member id", "member #", "member number", "member no", "subscriber id", "subscriber #",
			"subscriber number", "policy number", "policy #", "policy no", "policy id", "insurance id", "insurance number",
			"insurance #", "medicare id", "medicare number", "medicare #", "medicare beneficiary identifier", "mbi",
			"medicaid id", "medicaid number", "medicaid #", "beneficiary id", "beneficiary number", "health plan id",
			"plan id", "hicn", "id card", "coverage id", "medicare", "medicaid",
			"insurance card", "plan member", "health plan number", "member identification", "policy", "subscriber",
			"beneficiary", "member", "nhs no", "nhs number", "nhs #", "masshealth", "masshealth id",
			// Other countries' health cards: Ontario's OHIP, a province's
			// personal health number, Australia's Medicare card,
			// Scotland's CHI number.
			"ohip", "ohip #", "ohip number", "ohip no", "health card", "health card number", "health card #",
			"health card no", "phn", "personal health number", "medicare card", "medicare card number",
			"chi number", "chi no", "chi #", "health number", "health insurance number",
			// Saskatchewan's health services number, Australia's
			// individual healthcare identifier, Quebec's RAMQ number.
			"hsn", "health services number", "ihi", "ramq", "ramq number", "medicare no"},
		Account: {"account number", "account #", "account no", "account", "acct", "acct #", "acct no", "billing account",
			"billing number", "billing #", "invoice number", "invoice #", "invoice", "claim number", "claim #", "claim id",
			"claim", "bank account", "routing number", "card number", "card ending in", "credit card", "guarantor account",
			"hospital account", "har", "statement number", "payment reference"},
		License: {"license number", "license #", "license no", "license", "lic #", "lic", "lic no", "driver ' s license",
			"drivers license", "driver license", "dl", "dl #", "dea", "dea number", "dea #", "npi", "npi #", "npi number",
			"certificate number", "certificate #", "certificate", "cert #", "cert", "certification number",
			"board certification", "medical license", "state license", "nursing license", "permit number", "permit #",
			"registration number", "licence", "licence number", "cdl", "cdl number", "cdl #"},
		Vehicle: {"license plate", "licence plate", "plate", "plate number", "plates", "tag number", "vin", "vin #",
			"vehicle identification number", "vehicle id", "car registration", "registration plate", "tag #",
			"vehicle plate", "plate #", "tag"},
		Device: {"serial number", "serial #", "serial no", "serial", "s / n", "sn", "device id", "device identifier",
			"udi", "device serial", "implant id", "pacemaker id", "imei", "generator serial", "lead serial",
			"pump serial", "device #", "device number", "model / serial", "implant serial", "unit serial", "meid",
			"mac address", "device sn", "monitor id", "sensor id", "transmitter id"},
		Biometric: {"fingerprint", "fingerprint id", "fingerprint template", "voiceprint", "voice print", "voiceprint id",
			"retinal scan", "retina scan", "iris scan", "iris template", "biometric id", "biometric", "palm print",
			"palmprint", "face template", "facial recognition id", "faceprint", "face print", "biometric template",
			"thumbprint", "finger scan", "voice sample id", "retinal template", "iris id", "vein scan"},
		Photo: {"photo", "photograph", "photo id", "image id", "image", "picture", "img", "wound photo", "clinical photo",
			"photo file", "selfie", "headshot", "full face photo", "photos", "photograph id", "image file", "snapshot"},
		ID: {"id", "id #", "id number", "identifier", "file no", "file number", "va file no", "va file number", "interpreter number", "interpreter #", "interpreter id",
			"interpreter , number", "interpreter , id", "interpreter , id number",
			"operator number", "badge id", "case number", "case #", "case id", "reference number", "ref #",
			"reference #", "reference", "confirmation number", "confirmation #", "confirmation", "ticket", "ticket #",
			"badge", "badge number", "badge #", "employee id", "employee number", "employee #", "student id",
			"passport", "passport number", "passport #", "visa number", "inmate number", "booking number",
			"tracking number", "order number", "order #", "requisition number", "requisition #", "accession number",
			"accession #", "accession", "specimen id", "sample id", "encounter id", "visit id", "visit number",
			"encounter number", "encounter #", "fin", "csn", "study id", "subject id", "participant id", "enrollment id",
			"file number", "file #", "case", "docket number", "control number", "authorization number", "auth #",
			"prior auth", "authorization #", "referral number", "referral #", "tax id", "ein", "customer number",
			"customer id", "portal id", "username", "user id", "login", "requisition", "auth", "authorization",
			"docket", "docket no", "claim no", "unos id", "job #", "job number", "run #", "run number", "ref", "ref no",
			// A dictated document's own numbers in its footer.
			"index no", "index number", "index #", "document number", "document #", "document id", "dictation number",
			"dictation #", "dictation id",
			"ref number", "lab ref", "password", "passcode", "pin number", "pin #", "security code",
			// National identity numbers abroad: India's Aadhaar, Ireland's
			// PPS number, a national insurance number.
			"aadhaar", "aadhaar number", "aadhaar no", "aadhar", "pps number", "pps no", "ppsn",
			"national insurance number", "national id", "national id number",
			// Canada's social insurance number, Singapore's NRIC,
			// Australia's tax file number.
			"sin", "sin #", "sin number", "sin no", "social insurance number", "nric", "nric no", "nric #",
			"tfn", "tax file number"},
		ZIP: {"zip", "zip code", "zipcode", "postal code", "postcode", "pin code", "pincode"},
	}
	var out []cue
	for t, phrases := range spec {
		for _, p := range phrases {
			out = append(out, cue{words: splitCue(p), t: t})
		}
	}
	return out
}()

func splitCue(p string) []string {
	var w []string
	for _, f := range splitSpaces(p) {
		w = append(w, f)
	}
	return w
}

func splitSpaces(p string) []string {
	var out []string
	st := -1
	for i := 0; i <= len(p); i++ {
		if i == len(p) || p[i] == ' ' {
			if st >= 0 {
				out = append(out, p[st:i])
				st = -1
			}
		} else if st < 0 {
			st = i
		}
	}
	return out
}

// cueIndex maps a cue's first word to the cues starting with it.
var cueIndex = func() map[string][]cue {
	m := make(map[string][]cue)
	for _, c := range cueTable {
		m[c.words[0]] = append(m[c.words[0]], c)
	}
	return m
}()

type cueSlot struct {
	h    uint32
	w    string
	cues []cue
}

// cueHashIndex holds the entries of cueIndex whose first word is of ASCII
// letters, nearly all, keyed by the FNV-1a hash the tokenizer stores in
// token.h, so that matchCue finds them without hashing the word again.
var cueHashIndex = func() []cueSlot {
	size := 64
	for size < 4*len(cueIndex) {
		size *= 2
	}
	t := make([]cueSlot, size)
	for w, cs := range cueIndex {
		if len(w) == 0 || len(w) > 40 || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		h := fnvString(w)
		j := int(h) & (size - 1)
		for t[j].cues != nil {
			j = (j + 1) & (size - 1)
		}
		t[j] = cueSlot{h: h, w: w, cues: cs}
	}
	return t
}()

// cuesAt returns cueIndex[s.lower(i)]. A word with a hash in token.h is of
// ASCII letters, so it is found in cueHashIndex if anywhere; other words
// look in the map.
func (s *scan) cuesAt(i int) []cue {
	t := &s.toks[i]
	if t.h == 0 {
		return cueIndex[s.lower(i)]
	}
	mask := uint32(len(cueHashIndex) - 1)
	for j := t.h & mask; cueHashIndex[j].cues != nil; j = (j + 1) & mask {
		if e := &cueHashIndex[j]; e.h == t.h && len(e.w) == t.n() && e.w == s.low[t.s:t.e] {
			return e.cues
		}
	}
	return nil
}

// matchCue returns the longest cue starting at token i: its type and last
// token.
func (s *scan) matchCue(i int) (Type, int) {
	best, bestEnd := Type(""), -1
	for _, c := range s.cuesAt(i) {
		j := i
		ok := true
		for k, w := range c.words {
			if k > 0 {
				j++
				// Skip a dot after an abbreviation: "acct. #", "lic. no".
				if j < len(s.toks) && s.toks[j].punct('.') && w != "." {
					j++
				}
			}
			if j >= len(s.toks) || (k > 0 && s.toks[j].gap == gapLine) {
				ok = false
				break
			}
			t := &s.toks[j]
			if len(w) == 1 && !isAlnumByte(w[0]) {
				if !t.punct(w[0]) {
					ok = false
					break
				}
				continue
			}
			if !s.eq(j, w) {
				ok = false
				break
			}
		}
		if ok && j > bestEnd {
			best, bestEnd = c.t, j
		}
	}
	return best, bestEnd
}

var cueFiller = map[string]bool{"no": true, "number": true, "num": true, "nbr": true, "is": true, "was": true,
	"id": true, "code": true, "reads": true, "listed": true, "as": true, "of": true, "are": true, "it's": true, "its": true,
	"#": true, "identifier": true, "on": true, "file": true, "ending": true, "in": true, "the": true, "template": true,
	"ref": true, "reference": true, "stored": true, "enrolled": true, "plate": true, "plates": true, "tag": true,
	"card": true, "name": true,
	// Speech between the cue and its value: "the medicare number we have on
	// file is ...", "the claim number i have here is ...".
	"we": true, "i": true, "have": true, "has": true, "that": true, "got": true, "here": true, "showing": true}

// cueAt handles an identifier cue at token i: the value that follows it gets
// the cue's type.
func (s *scan) cueAt(i int) bool {
	if i > 0 && s.toks[i].gap == gapNone && s.toks[i-1].punct('/') {
		return false // "mg/dL"
	}
	switch s.lower(i) {
	case "dl", "sn", "fin", "har", "ein":
		// These short cues are abbreviations written in capitals ("DL",
		// "SN"); lower-case they are ordinary words or units.
		if !s.toks[i].upper() || s.toks[i].n() <= 3 && !s.toks[i].allUpper() {
			return false
		}
	}
	t, end := s.matchCue(i)
	if end < 0 {
		return false
	}
	if end == i && s.afterTitle(i) && !s.cueValueAfter(i) {
		return false // "Dr. Case on 3/4/2024": a name, not a label
	}
	// Skip filler: punctuation and words like "number", "is", "ending in".
	j := end + 1
	for n := 0; n < 6 && j < len(s.toks); n++ {
		tk := &s.toks[j]
		if tk.gap == gapLine && (n > 0 && !s.toks[j-1].punct(':') || n == 0 && s.delimitedCell(i)) {
			// A label above its value continues on the next line; a
			// column header of a delimited table ("mrn,dob,zip") does not:
			// the row below holds every column's values.
			return false
		}
		if tk.kind == tkPunct && (tk.ch == ':' || tk.ch == '#' || tk.ch == '-' || tk.ch == '=' || tk.ch == '.' ||
			tk.ch == '(' || tk.ch == ')' || tk.ch == ',' || tk.ch == '"' || tk.ch == '\'') {
			j++
			continue
		}
		if tk.word() && tk.allUpper() && tk.n() <= 4 && (tk.lex&lxCue != 0 || tk.n() <= 3 && tk.letters() && s.toks[j-1].punct('(')) &&
			j+1 < len(s.toks) && s.toks[j+1].punct(')') {
			// "Medicare number (MBI): ...": a second cue in parentheses;
			// "Medicare (AU): ...", "Health card (ON): ...": the country
			// or province that issued it.
			j++
			continue
		}
		if k := s.lastDigitsNote(j); k > j {
			j = k
			continue
		}
		if tk.letters() && s.tokIn(cueFillerSet, j) {
			if s.eq(j, "in") && !s.eq(j-1, "ending") {
				return false
			}
			j++
			continue
		}
		break
	}
	if j >= len(s.toks) {
		return false
	}
	if t != Date && j > end+1 && s.eq(j-1, "on") {
		if v, e := s.dateAt(j); e >= 0 && v.hasD {
			return false // "case on 3/4/2024": "on" before a date is not "on file"
		}
	}
	if (s.eq(i, "ref") || s.eq(i, "lab") && s.eq(i+1, "ref")) && s.rangeValue(j) {
		return false // a reference range: "(ref 3.5-5.1)", "ref 135-145"
	}
	switch t {
	case ZIP:
		if s.toks[j].digits() && s.toks[j].n() == 5 {
			return s.zipAt(j)
		}
		return s.spokenAt(j, ZIP)
	}
	// Letters and digits read out mixed: "plate was seven k x l two one
	// nine".
	if s.toks[j].letters() && (s.toks[j].n() == 1 || s.toks[j].is(lxDigitWord|lxTeenWord|lxTensWord) || natoLetters[s.lower(j)]) {
		if end, ok := s.spokenMixed(j); ok {
			s.addTok(j, end, t, prStrong)
			return true
		}
	}
	if s.toks[j].letters() && s.toks[j].is(lxDigitWord|lxTeenWord|lxTensWord) {
		return s.spokenAt(j, t)
	}
	// Letters and digits read out: "member id is x w k seven seven one
	// four", "m o s four four nine".
	if s.toks[j].letters() && s.toks[j].n() == 1 {
		if end, ok := s.spokenCode(j); ok {
			s.addTok(j, end, t, prStrong)
			return true
		}
	}
	// Digits read out one or two at a time: "mrn 4 7 1 2", "4, 7, 1 dash 2".
	if s.toks[j].digits() && s.toks[j].n() <= 2 {
		if nd, end := s.spokenDigits(j); end > j && nd >= 4 && s.spokenAt(j, t) {
			return true
		}
	}
	if t == SSN && s.toks[j].letters() && strings.Trim(s.lower(j), "x*") == "" {
		// Masked: "XXX-XX-6789" still carries the last four digits.
		if end := s.codeValueEnd(j); end > j && s.toks[end].shape&shDigit != 0 {
			s.addTok(j, end, SSN, prStrong)
			return true
		}
	}
	if t == SSN {
		g := s.readGroups(j)
		if g.n > 0 && (g.is(3, 2, 4) || g.total == 9 || g.total == 4 && g.n == 1) {
			s.addTok(j, g.last, SSN, prStrong)
			return true
		}
	}
	if vignetteWord(s.lower(j)) {
		return false // "Case: 34F G2P1 at 32 weeks": an age and sex, a pregnancy count
	}
	last := s.idValue(j, t)
	if last >= 0 && s.eq(i, "tag") && !s.lettersAndDigits(j, last) {
		return false // "price tag 200": a plate has letters and digits
	}
	if last < 0 && t == ID && s.userNameCue(j) {
		last = s.userNameValue(j)
	}
	if last < 0 {
		return false
	}
	// "mrn 645 dash 2118": a group read out after "dash" belongs to the
	// value.
	for k := s.next(last); k > 0 && (s.eq(k, "dash") || s.eq(k, "hyphen")) && s.toks[k].gap == gapSpace && s.toks[last].digits(); k = s.next(last) {
		g := s.next(k)
		if g < 0 || !s.toks[g].digits() || s.toks[g].gap != gapSpace {
			break
		}
		last = g
	}
	s.addTok(j, last, t, prStrong)
	return true
}

// vignetteWord: a case vignette's shorthand, not an identifier: an age
// and sex ("34f", "72m", "45yo", "8yom") or the counts of pregnancies and
// births ("g2p1", "g3p2002").
func vignetteWord(w string) bool {
	d := 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		d++
	}
	if d >= 1 && d <= 3 {
		switch w[d:] {
		case "f", "m", "yo", "yof", "yom", "y", "mo", "wo":
			return true
		}
		return false
	}
	if len(w) >= 4 && w[0] == 'g' {
		k := 1
		for k < len(w) && w[k] >= '0' && w[k] <= '9' {
			k++
		}
		if k > 1 && k < len(w) && w[k] == 'p' && k+1 < len(w) {
			for k++; k < len(w) && w[k] >= '0' && w[k] <= '9'; k++ {
			}
			return k == len(w)
		}
	}
	return false
}

// delimitedCell: the word at i follows a comma, bar, semicolon or tab on
// its line, as a cell of a delimited line does.
func (s *scan) delimitedCell(i int) bool {
	if i == 0 || s.toks[i].gap == gapLine {
		return false
	}
	if p := &s.toks[i-1]; p.kind == tkPunct && (p.ch == ',' || p.ch == '|' || p.ch == ';') {
		return true
	}
	return s.text[s.toks[i].s-1] == '\t'
}

// lastDigitsNote: tokens from j say how many of the identifier's last
// digits follow ("SSN (last 4): 4417", "MRN last four 0912"); it returns
// the token after the note, or j.
func (s *scan) lastDigitsNote(j int) int {
	if !s.eq(j, "last") || j+1 >= len(s.toks) {
		return j
	}
	k := j + 1
	if t := &s.toks[k]; t.digits() && t.n() == 1 || s.eq(k, "four") || s.eq(k, "five") || s.eq(k, "six") {
		return k + 1
	}
	return j
}

// rangeValue: the tokens from j are a lab's reference range, numbers only, with
// a decimal point or two groups of at most three digits ("3.5-5.1",
// "135-145"), not a reference number ("24-11873").
func (s *scan) rangeValue(j int) bool {
	groups, short := 0, true
	for k := j; k < len(s.toks) && (k == j || s.toks[k].gap != gapLine); k++ {
		t := &s.toks[k]
		if t.punct(')') || t.punct(',') || t.punct(';') || t.letters() && k > j {
			break
		}
		switch {
		case t.punct('.'):
			return true
		case t.digits():
			groups++
			short = short && t.n() <= 3
		case t.kind == tkPunct:
		default:
			return false
		}
	}
	return groups == 2 && short
}

// lettersAndDigits: tokens j..e hold a letter and a digit.
func (s *scan) lettersAndDigits(j, e int) bool {
	var sh uint8
	for k := j; k <= e; k++ {
		sh |= s.toks[k].shape
	}
	return sh&shLetter != 0 && sh&shDigit != 0
}

// spokenMixed reads letters and digits read out in any order after a cue
// ("seven k x l two one nine"): five symbols or more, with at least two
// letters and two digits; it returns the last token.
func (s *scan) spokenMixed(j int) (int, bool) {
	letters, digits, end := 0, 0, -1
	for k := j; k >= 0 && k < len(s.toks) && (k == j || s.toks[k].gap == gapSpace); {
		t := &s.toks[k]
		switch {
		case t.letters() && (t.n() == 1 && !t.is(lxDigitWord) || natoLetters[s.lower(k)]):
			letters++
			end = k
			k = s.next(k)
			continue
		case t.letters() && t.is(lxDigitWord|lxTeenWord|lxTensWord):
			nd, e := s.spokenDigits(k)
			if e < 0 {
				nd, e = 1, k
			}
			digits += nd
			end = e
			k = s.next(e)
			continue
		}
		break
	}
	return end, letters >= 2 && digits >= 2 && letters+digits >= 5
}

// natoLetters are the words of the phonetic alphabet that callers read
// identifiers with ("plate seven alpha bravo charlie one two three").
// Several are given names too; they count as letters only inside a run of
// letters and digits after an identifier's cue (spokenMixed).
var natoLetters = map[string]bool{"alpha": true, "alfa": true, "bravo": true, "charlie": true, "delta": true,
	"echo": true, "foxtrot": true, "golf": true, "hotel": true, "india": true, "juliet": true, "juliett": true,
	"kilo": true, "lima": true, "mike": true, "november": true, "oscar": true, "papa": true, "quebec": true,
	"romeo": true, "sierra": true, "tango": true, "uniform": true, "victor": true, "whiskey": true, "whisky": true,
	"xray": true, "yankee": true, "zulu": true}

// userNameCue: a user name's cue before token j ("username olewisgrant",
// "login: dkaur", "user id is jlucas").
func (s *scan) userNameCue(j int) bool {
	for k, n := s.sameLinePrev(j), 0; k >= 0 && n < 3; k, n = s.sameLinePrev(k), n+1 {
		if s.toks[k].punct(':') || s.eq(k, "is") || s.eq(k, "was") || s.eq(k, "id") || s.eq(k, "name") {
			if s.eq(k, "id") || s.eq(k, "name") {
				if p := s.sameLinePrev(k); p >= 0 && s.eq(p, "user") {
					return true
				}
			}
			continue
		}
		return s.eq(k, "username") || s.eq(k, "login") || s.eq(k, "handle") || s.eq(k, "userid")
	}
	return false
}

// userNameValue reads a user name made of letters, digits, dots and
// underscores ("olewisgrant", "d.kaur", "jlucas_2"), or returns -1 for an
// ordinary word ("username is locked").
func (s *scan) userNameValue(j int) int {
	t := &s.toks[j]
	if !t.word() || t.lex&(lxCommon|lxMedical|lxCue) != 0 {
		return -1
	}
	end := j
	for k := s.adj(end); k > 0 && (s.toks[k].punct('.') || s.toks[k].punct('_')) && s.adj(k) > 0 && s.toks[k+1].word(); k = s.adj(end) {
		end = k + 1
	}
	w := s.lower(j)
	if end == j && (t.n() < 4 || t.letters() && (s.englishLooking(j) || t.gaz&gzWord != 0 || strings.HasSuffix(w, "ed") ||
		strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly"))) {
		return -1 // "my username is locked"
	}
	return end
}

// idValue reads an identifier value starting at token j: letters and digits
// in pieces joined by "-", "/", ".", "_" or single spaces ("1EG4-TE5-MK73",
// "XKH 4431 992", "00451287"). At least two digits overall, or a mixed code.
func (s *scan) idValue(j int, t Type) int {
	tk := s.tok(j)
	if tk == nil || !tk.word() {
		return -1
	}
	digits := 0
	countDigits := func(k int) {
		x := s.str(k)
		for i := 0; i < len(x); i++ {
			if x[i] >= '0' && x[i] <= '9' {
				digits++
			}
		}
	}
	hasMixed := false
	if tk.shape&shDigit == 0 {
		// Letters first: only as part of a code joined by a dash ("XKH-4431")
		// or a prefix before digit groups ("HP 4471 9920 01").
		if !tk.allUpper() || tk.n() > 5 {
			return -1
		}
		k := s.adj(j)
		// "XKH-4431", and "YHD-TB-25-004": letter groups before the digits;
		// a site's letters with a slash or a dot too ("AKU/0931187",
		// "FMRI.0044187").
		dash := false
		for c := k; c > 0 && s.adj(c) > 0 && (s.toks[c].punct('-') || s.toks[c].punct('/') || s.toks[c].punct('.') && s.toks[c+1].digits()) && s.toks[c+1].word(); c = s.adj(c + 1) {
			if s.toks[c+1].shape&shDigit != 0 {
				dash = true
				break
			}
			if !s.toks[c+1].allUpper() || s.toks[c+1].n() > 5 {
				break
			}
		}
		n := s.next(j)
		spaced := n > 0 && s.toks[n].gap == gapSpace && s.toks[n].digits() && s.toks[n].n() >= 3 && tk.lex&(lxCommon|lxMedical) == 0
		if !dash && !spaced {
			return -1
		}
		if spaced {
			hasMixed = true
		}
	}
	end := j
	countDigits(j)
	if tk.shape&shDigit != 0 && tk.shape&shLetter != 0 {
		hasMixed = true
	}
	for {
		k := end + 1
		if k >= len(s.toks) {
			break
		}
		nt := &s.toks[k]
		if nt.gap == gapNone && nt.kind == tkPunct && (nt.ch == '-' || nt.ch == '/' || nt.ch == '_' || nt.ch == '.' || nt.ch == ')' || nt.ch == '(') {
			m := s.adj(k)
			if m < 0 || !s.toks[m].word() {
				break
			}
			if nt.ch == '.' && s.toks[m].shape&shDigit == 0 {
				break
			}
			if nt.ch == ')' {
				// UDI style "(01)00643169007222(17)2025": keep the parenthesised
				// application identifiers together.
			}
			end = m
			countDigits(m)
			if s.toks[m].shape&shDigit != 0 && s.toks[m].shape&shLetter != 0 {
				hasMixed = true
			}
			continue
		}
		if nt.gap == gapNone && nt.word() {
			end = k
			countDigits(k)
			continue
		}
		// A short last group ends the number where the line, a mark or a
		// form's wide gap ends it: "... 48 (son)", Australia's Medicare
		// card "3391 48215 1".
		lastGroup := k+1 >= len(s.toks) || s.toks[k+1].kind == tkPunct || s.toks[k+1].gap == gapLine || s.wideGap(k+1)
		if nt.gap == gapSpace && nt.word() && nt.shape&shDigit != 0 && (nt.shape&shLetter != 0 || nt.n() >= 3 ||
			nt.n() == 2 && digits >= 6 && lastGroup || nt.n() == 1 && digits >= 9 && t == HealthPlan && lastGroup) &&
			!s.unitAfter(k) && !s.isDateStart(k) {
			end = k
			countDigits(k)
			if nt.shape&shLetter != 0 {
				hasMixed = true
			}
			continue
		}
		if t == Vehicle && nt.gap == gapSpace && nt.letters() && nt.allUpper() && nt.n() <= 4 && digits > 0 && s.toks[end].digits() {
			end = k // a plate written digits first: "724 LKP"
			hasMixed = true
			continue
		}
		if t == HealthPlan && nt.gap == gapSpace && nt.letters() && nt.allUpper() && nt.n() == 2 && digits >= 9 && s.toks[end].digits() && lastGroup {
			end = k // a health card's version code: "OHIP: 1234 567 890 XY"
			break
		}
		if nt.gap == gapSpace && nt.word() && nt.allUpper() && nt.n() <= 4 && nt.lex == 0 && digits > 0 {
			if m := s.next(k); m > 0 && s.toks[m].shape&shDigit != 0 && s.toks[m].gap == gapSpace {
				end = m
				countDigits(m)
				continue
			}
		}
		break
	}
	if digits >= 3 || digits >= 2 && hasMixed || digits >= 1 && hasMixed && s.toks[end].e-s.toks[j].s >= 5 {
		return end
	}
	return -1
}

// isDateStart reports whether a date starts at token k.
func (s *scan) isDateStart(k int) bool {
	_, e := s.dateAt(k)
	return e >= 0
}

// numberLabelAfter: the words after token k end a label of a number
// ("No.", "No:", "#:", "Number", "Nbr."): it returns the label's last
// token (its colon when it has one) and whether it has a colon, or -1.
func (s *scan) numberLabelAfter(k int) (int, bool) {
	n := k + 1
	if n >= len(s.toks) || s.toks[n].gap == gapLine {
		return -1, false
	}
	switch {
	case s.toks[n].punct('#'):
	case s.eq(n, "no") || s.eq(n, "number") || s.eq(n, "nbr"):
		if n+1 < len(s.toks) && s.toks[n+1].punct('.') && s.toks[n+1].gap == gapNone {
			n++
		}
	default:
		return -1, false
	}
	if n+1 < len(s.toks) && s.toks[n+1].punct(':') && s.toks[n+1].gap == gapNone {
		return n + 1, true
	}
	return n, false
}

// numberLabelWords name what a record's number is of, before "No.", "#"
// or "Number": an inpatient stay, a clinic's chart, a bill (the words
// are common enough that as cues they would change what the tagger was
// trained to read, so a late rule reads them).
var numberLabelWords = map[string]Type{"ip": MRN, "clinic": MRN, "bill": Account}

// labelledNumberAt: "IP No. IP/26/118430", "Clinic #: 8-441-902", "Bill
// No.: FMRI/B/26/0072214": the value after a label of numberLabelWords and
// its "No."/"#"/"Number" (a colon optional). A late rule.
func (s *scan) labelledNumberAt(i int) {
	t, ok := numberLabelWords[s.lower(i)]
	if !ok || !s.toks[i].upper() || i+2 >= len(s.toks) {
		return
	}
	e, _ := s.numberLabelAfter(i)
	j := e + 1
	if e < 0 || j >= len(s.toks) || s.toks[j].gap == gapLine || s.toks[j].gap == gapNone && !s.toks[e].punct('#') {
		return
	}
	if last := s.idValue(j, t); last >= j {
		s.late = append(s.late, Span{Start: int(s.toks[j].s), End: int(s.toks[last].e), Type: t})
	}
}
