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
			if _, ok := tableColumns[headerKey(h)]; ok {
				named++
			}
			st = e + 1
		}
		if named < 2 {
			return nil, 0
		}
		cells := splitCells(line, d)
		cols := make([]Type, len(cells))
		for i, c := range cells {
			cols[i] = tableColumns[headerKey(line[c[0]:c[1]])]
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
