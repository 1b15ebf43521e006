package deid

import "strings"

// HL7 v2 messages pasted into notes or exported from interfaces carry their
// identifiers in fixed field positions rather than after cue words: the
// patient's name is PID-5 whether or not it looks like a name ("HOLIDAY^JUNE"),
// the town is the third component of an address. hl7Pass reads segment lines
// ("PID|1||...") and types the fields the standard (v2.3-2.8) defines as
// identifying. Fields are numbered as in the standard: for MSH the field
// separator itself is MSH-1.

// hl7Kind says how a field's components are laid out.
type hl7Kind uint8

const (
	hl7Name     hl7Kind = iota + 1 // XPN: family^given^middle^suffix
	hl7Person                      // XCN: id^family^given^middle
	hl7Address                     // XAD: street^other^city^state^zip
	hl7Facility                    // HD: namespace^universal id
	hl7PatID                       // CX: id^check^scheme^assigning authority
	hl7Place                       // PL: point of care^room^bed^facility
	hl7Whole                       // the whole field has the given type
)

type hl7Field struct {
	kind hl7Kind
	t    Type // for hl7Whole and hl7PatID
}

var hl7Fields = map[string]map[int]hl7Field{
	"MSH": {4: {hl7Facility, Location}, 6: {hl7Facility, Location}, 7: {hl7Whole, Date}},
	"EVN": {2: {hl7Whole, Date}, 6: {hl7Whole, Date}},
	"PID": {2: {hl7PatID, MRN}, 3: {hl7PatID, MRN}, 4: {hl7PatID, MRN}, 5: {hl7Name, Name}, 6: {hl7Name, Name},
		7: {hl7Whole, Date}, 9: {hl7Name, Name}, 11: {hl7Address, Location}, 13: {hl7Whole, Phone},
		14: {hl7Whole, Phone}, 18: {hl7PatID, Account}, 19: {hl7Whole, SSN}, 20: {hl7Whole, License},
		21: {hl7PatID, MRN}, 23: {hl7Whole, Location}, 29: {hl7Whole, Date}},
	"PD1": {3: {hl7Facility, Location}, 4: {hl7Person, Name}},
	"NK1": {2: {hl7Name, Name}, 4: {hl7Address, Location}, 5: {hl7Whole, Phone}, 6: {hl7Whole, Phone},
		30: {hl7Name, Name}, 31: {hl7Whole, Phone}, 32: {hl7Address, Location}, 37: {hl7Whole, SSN}},
	"PV1": {3: {hl7Place, Location}, 7: {hl7Person, Name}, 8: {hl7Person, Name}, 9: {hl7Person, Name},
		17: {hl7Person, Name}, 19: {hl7PatID, ID}, 39: {hl7Facility, Location}, 44: {hl7Whole, Date},
		45: {hl7Whole, Date}},
	"ORC": {9: {hl7Whole, Date}, 10: {hl7Person, Name}, 11: {hl7Person, Name}, 12: {hl7Person, Name},
		21: {hl7Facility, Location}, 22: {hl7Address, Location}, 23: {hl7Whole, Phone}, 24: {hl7Address, Location}},
	"OBR": {2: {hl7PatID, ID}, 3: {hl7PatID, ID}, 6: {hl7Whole, Date}, 7: {hl7Whole, Date}, 8: {hl7Whole, Date},
		14: {hl7Whole, Date}, 16: {hl7Person, Name}, 22: {hl7Whole, Date}, 28: {hl7Person, Name},
		32: {hl7Person, Name}, 33: {hl7Person, Name}, 34: {hl7Person, Name}, 35: {hl7Person, Name}},
	"OBX": {14: {hl7Whole, Date}, 16: {hl7Person, Name}, 19: {hl7Whole, Date}},
	"IN1": {16: {hl7Name, Name}, 18: {hl7Whole, Date}, 19: {hl7Address, Location}, 36: {hl7PatID, HealthPlan},
		49: {hl7PatID, HealthPlan}},
	"GT1": {3: {hl7Name, Name}, 5: {hl7Address, Location}, 6: {hl7Whole, Phone}, 7: {hl7Whole, Phone},
		8: {hl7Whole, Date}, 12: {hl7Whole, SSN}},
	"MRG": {1: {hl7PatID, MRN}, 3: {hl7PatID, Account}, 7: {hl7Name, Name}},
}

// hl7Pass types the identifying fields of HL7 segment lines.
func (s *scan) hl7Pass() {
	text := s.text
	s.caretFields()
	if strings.IndexByte(text, '|') < 0 {
		return
	}
	eachLine(text, func(ls int, line string) {
		if len(line) > 4 && line[3] == '|' {
			if spec, ok := hl7Fields[line[:3]]; ok {
				s.hl7Segment(ls, line, spec, line[:3] == "MSH")
			}
		}
	})
}

// caretFields types a value written as HL7 components outside a message,
// after a label of a name or an address on a note's line: "Name:
// LOPEZ^MARIA^J", "Addr: 12 ELM ST^^QUINCY^MA^02169" (family^given^...;
// street^other^city^state^zip), as hl7Value does inside a segment.
func (s *scan) caretFields() {
	text := s.text
	for from := 0; ; {
		c := strings.IndexByte(text[from:], '^')
		if c < 0 {
			return
		}
		c += from
		st, en := c, c
		for st > 0 && text[st-1] != ':' && text[st-1] != '\n' && !(text[st-1] == ' ' && st >= 2 && text[st-2] == ':') {
			st--
		}
		for en < len(text) && text[en] != '\n' && !(text[en] == ' ' && en+1 < len(text) && text[en+1] == ' ') {
			en++
		}
		// The value ends at the first space, comma or semicolon after its
		// last '^' ("Pt: SMITH^JOHN, seen today").
		if l := strings.LastIndexByte(text[c:en], '^'); l >= 0 {
			if e := strings.IndexAny(text[c+l:en], " ,;"); e >= 0 {
				en = c + l + e
			}
		}
		from = en
		if st == 0 || text[st-1] == '\n' {
			continue
		}
		ls := strings.LastIndexByte(text[:st], '\n') + 1
		if line := text[ls:]; len(line) > 4 && line[3] == '|' {
			continue // a segment of a message: hl7Pass's
		}
		lab := strings.TrimRight(text[ls:st], ": ")
		if i := strings.LastIndexAny(lab, " \t;,"); i >= 0 {
			lab = lab[i+1:]
		}
		switch strings.ToLower(lab) {
		case "name", "patient", "pt", "guarantor", "nok", "contact":
			s.hl7Value(st, strings.TrimRight(text[st:en], " "), hl7Field{kind: hl7Name, t: Name})
		case "addr", "address", "add", "home":
			s.hl7Value(st, strings.TrimRight(text[st:en], " "), hl7Field{kind: hl7Address, t: Location})
		}
	}
}

func (s *scan) hl7Segment(base int, line string, spec map[int]hl7Field, msh bool) {
	n := 0 // field number of the text after the k-th '|'
	if msh {
		n = 1
	}
	for st := 4; st <= len(line); {
		n++
		end := strings.IndexByte(line[st:], '|')
		if end < 0 {
			end = len(line)
		} else {
			end += st
		}
		if f, ok := spec[n]; ok && end > st {
			// Repetitions ("~") are typed alike.
			for rs := st; rs < end; {
				re := strings.IndexByte(line[rs:end], '~')
				if re < 0 {
					re = end
				} else {
					re += rs
				}
				s.hl7Value(base+rs, line[rs:re], f)
				rs = re + 1
			}
		}
		st = end + 1
	}
}

// hl7Value types one field repetition starting at byte off of the text.
func (s *scan) hl7Value(off int, v string, f hl7Field) {
	comps := hl7Components(v)
	comp := func(k int, t Type) {
		if k < len(comps) && comps[k][1] > comps[k][0] {
			s.add(off+comps[k][0], off+comps[k][1], t, prStrong)
		}
	}
	switch f.kind {
	case hl7Whole:
		comp(0, f.t)
	case hl7Facility:
		comp(0, Location)
	case hl7Place:
		comp(3, Location) // unit, room and bed are not identifiers
	case hl7PatID:
		comp(0, f.t)
		comp(3, Location) // assigning authority: the facility
	case hl7Name:
		s.hl7NameSpan(off, comps, 0, 4)
	case hl7Person:
		// Senders often leave out the ID: "HALVERSON^ERIK^^^^MD" is
		// family^given, not id^family.
		from := 1
		if len(comps) > 0 && comps[0][1] > comps[0][0] && !strings.ContainsAny(v[comps[0][0]:comps[0][1]], "0123456789") {
			from = 0
		}
		s.hl7NameSpan(off, comps, from, from+4)
	case hl7Address:
		comp(0, Location)
		comp(1, Location)
		comp(2, Location)
		comp(4, ZIP)
		comp(8, Location) // county
	}
}

// hl7NameSpan adds one Name span from the first to the last non-empty
// component among comps[from:to], so "MARLOWE^TESS^A" is redacted whole.
func (s *scan) hl7NameSpan(off int, comps [][2]int, from, to int) {
	st, en := -1, -1
	for k := from; k < to && k < len(comps); k++ {
		if comps[k][1] > comps[k][0] {
			if st < 0 {
				st = comps[k][0]
			}
			en = comps[k][1]
		}
	}
	if st >= 0 {
		s.add(off+st, off+en, Name, prStrong)
	}
}

// hl7Components returns the byte ranges of the "^"-separated components of
// v, with surrounding spaces trimmed.
func hl7Components(v string) [][2]int {
	var out [][2]int
	st := 0
	for i := 0; i <= len(v); i++ {
		if i == len(v) || v[i] == '^' {
			a, b := st, i
			for a < b && v[a] == ' ' {
				a++
			}
			for b > a && v[b-1] == ' ' {
				b--
			}
			out = append(out, [2]int{a, b})
			st = i + 1
		}
	}
	return out
}
