package deid

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Delimited tables: CSV, pipe and tab exports with a header line
// ("patient_id,last_name,first_name,dob,zip,site"). A column whose header
// names an identifier types every cell under it, whatever the cell looks
// like: a given name "Per", a clinic "Regions", a ZIP without a cue. The
// rules that read running text see none of that.

// tableColumns maps a header, lower case with everything but letters and
// digits dropped, to the type of its cells. "site" and "location" are left
// out: they hold body sites as often ("L deltoid", "LUQ").
var tableColumns = map[string]Type{
	"name": Name, "patientname": Name, "ptname": Name, "patient": Name, "lastname": Name, "last": Name,
	"lname": Name, "surname": Name, "familyname": Name, "firstname": Name, "first": Name, "fname": Name,
	"givenname": Name, "middlename": Name, "middle": Name, "mi": Name, "fullname": Name, "preferredname": Name,
	"provider": Name, "providername": Name, "physician": Name, "attending": Name, "pcp": Name, "clinician": Name,
	"orderingprovider": Name, "referringprovider": Name, "contact": Name, "contactname": Name,
	"emergencycontact": Name, "guardian": Name, "caregiver": Name, "nextofkin": Name, "nok": Name,
	"mother": Name, "father": Name, "parent": Name, "spouse": Name, "maidenname": Name,
	"dob": Date, "birthdate": Date, "dateofbirth": Date, "birthday": Date, "date": Date, "visitdate": Date,
	"servicedate": Date, "dos": Date, "admitdate": Date, "admissiondate": Date, "dischargedate": Date,
	"encounterdate": Date, "collected": Date, "collectiondate": Date, "received": Date, "deathdate": Date,
	"dod": Date, "appointment": Date, "apptdate": Date, "procedure_date": Date, "proceduredate": Date,
	"zip": ZIP, "zipcode": ZIP, "postalcode": ZIP, "postcode": ZIP,
	"address": Location, "street": Location, "addr": Location, "address1": Location, "address2": Location,
	"streetaddress": Location, "city": Location, "town": Location, "county": Location,
	"facility": Location, "hospital": Location, "clinic": Location, "practice": Location,
	"phone": Phone, "tel": Phone, "telephone": Phone, "mobile": Phone, "cell": Phone, "homephone": Phone,
	"workphone": Phone, "phonenumber": Phone, "fax": Fax,
	"mrn": MRN, "medicalrecordnumber": MRN, "patientid": MRN, "ptid": MRN, "mrnumber": MRN,
	"email": Email, "emailaddress": Email,
	"ssn": SSN, "socialsecuritynumber": SSN,
	"account": Account, "accountnumber": Account, "acct": Account, "fin": Account, "har": Account,
	"memberid": HealthPlan, "subscriberid": HealthPlan, "policynumber": HealthPlan, "insuranceid": HealthPlan,
	"medicaidid": HealthPlan, "medicareid": HealthPlan, "mbi": HealthPlan,
	"age": Age, "ageyrs": Age, "ageyears": Age, "patientage": Age,
	"prescriber": Name, "prescribingprovider": Name, "surgeon": Name, "nurse": Name, "author": Name,
	"enteredby": Name, "signedby": Name, "relative": Name, "familycontact": Name, "kin": Name,
	"site": Location, "location": Location,
}

// placeColumns are the headers that hold a body site as often as a place
// ("vaccine,site,route": "L deltoid"): their cells are places only in a
// table that also has a name or record-number column (an export about
// patients, "patient_id,...,site,visit_date"), and only cells that are
// capitalized words naming no body site.
var placeColumns = map[string]bool{"site": true, "location": true}

// headerType is the type of a column from its header key: the listed
// headers, then the families no list closes: "implant_date", "fill date",
// "date_of_service" hold dates; "implanting_md", "ordering_physician",
// "referring_surgeon" hold names.
func headerType(key string) Type {
	if t, ok := tableColumns[key]; ok {
		return t
	}
	switch {
	case len(key) > 4 && (strings.HasSuffix(key, "date") || strings.HasPrefix(key, "dateof")):
		return Date
	case len(key) > 3 && key != "cmd" && strings.HasSuffix(key, "md"):
		return Name
	}
	for _, suf := range [...]string{"physician", "provider", "prescriber", "surgeon", "doctor", "clinician", "attending"} {
		if len(key) > len(suf) && strings.HasSuffix(key, suf) {
			return Name
		}
	}
	return ""
}

// tableDelims are the separators a table may use.
const tableDelims = ",|\t;"

// tablePass types the cells of every delimited table in the text.
func (s *scan) tablePass() {
	text := s.text
	if strings.IndexByte(text, '\n') < 0 || !s.hasTableDelim() {
		return
	}
	var cols []Type
	var delim byte
	eachLine(text, func(ls int, line string) {
		if cols != nil {
			cells := splitCellsInto(s.cells[:0], line, delim)
			s.cells = cells
			if len(cells) == len(cols) {
				s.tableRow(ls, line, cells, cols)
			} else {
				cols = nil
			}
		}
		if cols == nil {
			cols, delim = tableHeader(line)
		}
	})
}

// hasTableDelim reports whether the text holds one of tableDelims: a
// comma, bar or semicolon is a token of its own, a tab is found by
// IndexByte. (strings.IndexAny tested every byte up to the first.)
func (s *scan) hasTableDelim() bool {
	for i := range s.toks {
		if t := &s.toks[i]; t.kind == tkPunct && (t.ch == ',' || t.ch == '|' || t.ch == ';') {
			return true
		}
	}
	return strings.IndexByte(s.text, '\t') >= 0
}

// eachLine calls f with the byte offset and the text of each line of text,
// a trailing "\r" dropped.
func eachLine(text string, f func(ls int, line string)) {
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		f(ls, strings.TrimSuffix(text[ls:le], "\r"))
		ls = le + 1
	}
}

// tableHeader returns the column types of a header line and its separator,
// or nil: three fields or more, words only, two of them naming identifiers.
// Lines that are no header (most lines with commas) are turned down
// without allocating.
func tableHeader(line string) ([]Type, byte) {
	if len(line) > 400 || len(line) < 5 {
		return nil, 0
	}
	for k := 0; k < len(tableDelims); k++ {
		d := tableDelims[k]
		if strings.IndexByte(line, d) < 0 {
			continue // two columns are a table too ("mrn,zip"): both must be named
		}
		named := 0
		for st := 0; st <= len(line); {
			e := strings.IndexByte(line[st:], d)
			if e < 0 {
				e = len(line)
			} else {
				e += st
			}
			h := strings.Trim(line[st:e], ` "`)
			if h == "" || len(h) > 40 || !headerWord(h) {
				return nil, 0
			}
			if k := headerKey(h); headerType(k) != "" && !placeColumns[k] {
				named++
			}
			st = e + 1
		}
		if named < 2 {
			return nil, 0
		}
		cells := splitCells(line, d)
		cols := make([]Type, len(cells))
		people := false
		for i, c := range cells {
			cols[i] = headerType(headerKey(line[c[0]:c[1]]))
			people = people || cols[i] == Name || cols[i] == MRN
		}
		for i, c := range cells {
			if placeColumns[headerKey(line[c[0]:c[1]])] {
				if people {
					cols[i] = sitePlace
				} else {
					cols[i] = ""
				}
			}
		}
		return cols, d
	}
	return nil, 0
}

// headerWord: a column header is letters, digits, spaces and "_./#-()",
// with a letter first.
func headerWord(h string) bool {
	if c := h[0] | 0x20; c < 'a' || c > 'z' {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z', c >= '0' && c <= '9', c == ' ', c == '_', c == '.', c == '/', c == '#', c == '-',
			c == '(', c == ')':
		default:
			return false
		}
	}
	return true
}

// headerKey is h lower case with only its letters and digits.
func headerKey(h string) string {
	var b [40]byte
	k := b[:0]
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c >= 'A' && c <= 'Z' {
			c |= 0x20
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			k = append(k, c)
		}
	}
	return string(k)
}

// splitCells returns the byte ranges of the cells of line, spaces and
// double quotes trimmed.
func splitCells(line string, d byte) [][2]int { return splitCellsInto(nil, line, d) }

// splitCellsInto is splitCells appending to out (a scan's buffer for the
// rows of a table, which would otherwise allocate one slice per row).
func splitCellsInto(out [][2]int, line string, d byte) [][2]int {
	st := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] != d {
			continue
		}
		a, b := st, i
		for a < b && (line[a] == ' ' || line[a] == '"') {
			a++
		}
		for b > a && (line[b-1] == ' ' || line[b-1] == '"') {
			b--
		}
		out = append(out, [2]int{a, b})
		st = i + 1
	}
	return out
}

// tableRow types the cells of one data row starting at byte base.
func (s *scan) tableRow(base int, line string, cells [][2]int, cols []Type) {
	for i, c := range cells {
		t := cols[i]
		v := line[c[0]:c[1]]
		if t == sitePlace {
			if !sitePlaceCell(v) {
				continue
			}
			t = Location
		}
		if t == "" || v == "" || !tableCellOK(v, t) {
			continue
		}
		s.add(base+c[0], base+c[1], t, prStrong)
	}
}

// tableCellOK: the cell can hold its column's identifier: a name or a place
// has letters and no digits (an ID under "patient" is typed by its own
// rules), a date or a number has digits; a year alone is no date; empty
// markers ("n/a", "unknown", "-") hold nothing.
func tableCellOK(v string, t Type) bool {
	var lb [12]byte
	switch lowerShort(&lb, v) {
	case "n/a", "na", "none", "unknown", "null", "-", "--", "?", "nil", "tbd", "redacted", "[redacted]", "unk":
		return false
	}
	letters, digits := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c|0x20 >= 'a' && c|0x20 <= 'z', c >= 0x80:
			letters++
		case c >= '0' && c <= '9':
			digits++
		}
	}
	switch t {
	case Name:
		return letters > 0 && digits == 0
	case Location:
		return letters > 0
	case Date:
		// "3/4/1950", "2026-11-03", "Mar 4": not "Day 1" nor "1999".
		return digits >= 2 && !(digits == 4 && len(v) == 4) || digits > 0 && letters >= 3 && monthIn(v)
	case Email:
		return strings.IndexByte(v, '@') > 0
	case Age:
		return ageCell(v)
	default:
		return digits > 0
	}
}

// lowerShort is strings.ToLower(v) for tableCellOK's comparisons, without
// allocating for the common cell: an ASCII cell is lowered into buf (the
// string does not outlive the caller's switch); a cell longer than buf is
// longer than every empty marker, and "" stands for it.
func lowerShort(buf *[12]byte, v string) string {
	if len(v) > len(buf) {
		return ""
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(v) // "\u212a" (Kelvin) lowers to "k"
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return unsafe.String(&buf[0], len(v))
}

// monthIn: v holds a month name or its abbreviation.
func monthIn(v string) bool {
	l := strings.ToLower(v)
	for _, m := range monthNames {
		if strings.Contains(l, m[:3]) {
			return true
		}
	}
	return false
}

// sitePlace marks a "site" or "location" column of a table about patients
// (see placeColumns); it is never a span's type.
const sitePlace Type = "site?"

// bodySiteWords are words of body sites and routes that a "site" cell may
// hold; a cell with one of them is no place.
var bodySiteWords = map[string]bool{
	"l": true, "r": true, "left": true, "right": true, "lt": true, "rt": true, "bilateral": true, "bil": true,
	"deltoid": true, "thigh": true, "arm": true, "forearm": true, "abdomen": true, "abd": true, "buttock": true,
	"gluteal": true, "gluteus": true, "vastus": true, "lateralis": true, "hand": true, "leg": true, "foot": true,
	"knee": true, "hip": true, "shoulder": true, "chest": true, "back": true, "neck": true, "scalp": true,
	"face": true, "upper": true, "lower": true, "anterior": true, "posterior": true, "lateral": true,
	"medial": true, "luq": true, "ruq": true, "llq": true, "rlq": true, "iv": true, "im": true, "sc": true,
	"subq": true, "oral": true, "nasal": true, "skin": true, "wound": true, "lung": true, "breast": true,
	"heel": true, "toe": true, "finger": true, "wrist": true, "ankle": true, "elbow": true, "eye": true,
	"ear": true, "mouth": true, "sacrum": true, "coccyx": true, "flank": true, "groin": true, "antecubital": true,
	"ac": true, "picc": true, "port": true, "central": true, "peripheral": true, "line": true, "site": true,
}

// sitePlaceCell: a "site" cell names a place: letters and no digits, a
// capital first, no body-site word ("Regions", "HCMC Whittier",
// "Aurora St. Luke's"; not "L deltoid", "Right arm", "PICC").
func sitePlaceCell(v string) bool {
	if v == "" || v[0] < 'A' || v[0] > 'Z' {
		return false
	}
	for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '.' || r == ',' }) {
		if bodySiteWords[strings.ToLower(w)] {
			return false
		}
		for i := 0; i < len(w); i++ {
			if w[i] >= '0' && w[i] <= '9' {
				return false
			}
		}
	}
	return true
}

// ageCell: an age column's cell is an identifier only over 89: "97",
// "90y", "92 yo"; "81", "6 mo" stay.
func ageCell(v string) bool {
	n, i := 0, 0
	for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
		n = n*10 + int(v[i]-'0')
		if n > 200 {
			return false
		}
	}
	if i == 0 || n < 90 || n > 130 {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(v[i:])) {
	case "", "y", "yo", "yr", "yrs", "y/o", "years", "yoa":
		return true
	}
	return false
}
