package deid

import (
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Known is what the clinic platform's metadata says about an encounter. The
// detector removes these wherever they occur in the text, in any case, as
// possessives ("Whitcombe's"), initials ("H. Whitcombe", "H.J.W.") and with
// one-letter misspellings for name parts of five letters or more.
//
// Known holds PHI: its LogValue redacts it.
type Known struct {
	PatientNames  []string `json:"patient_names,omitempty"`  // full names, e.g. "Harold J. Whitcombe"
	ProviderNames []string `json:"provider_names,omitempty"` // clinicians on the encounter
	RelativeNames []string `json:"relative_names,omitempty"` // relatives, caregivers, emergency contacts
	// Identifiers are MRNs, phone numbers, member IDs and the like; matched
	// ignoring separators ("555-010-7788" finds "(555) 010-7788").
	Identifiers []string `json:"identifiers,omitempty"`
	// BirthDate in any format the detector reads ("1952-03-04", "3/4/1952").
	BirthDate string `json:"birth_date,omitempty"`
}

// LogValue reports only how many values Known holds.
func (k Known) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Int("patient_names", len(k.PatientNames)),
		slog.Int("provider_names", len(k.ProviderNames)),
		slog.Int("relative_names", len(k.RelativeNames)),
		slog.Int("identifiers", len(k.Identifiers)),
		slog.Bool("birth_date", k.BirthDate != ""),
	)
}

type knownPart struct {
	word   string // lower case
	cls    NameClass
	common bool // an ordinary word too: only matched when capitalized
}

type knownID struct {
	norm string // letters and digits only, lower case
	t    Type
}

// knownIndex is Known compiled for one Detect call.
type knownIndex struct {
	parts    map[string]knownPart
	fuzzy    []knownPart // parts of five letters or more, for misspellings
	initials []string    // lower-case initials of full names: "hjw", "hw"
	ids      []knownID
	dobOK    bool
	dobY     int
	dobM     int
	dobD     int
}

func (k *knownIndex) reset() {
	clear(k.parts)
	k.fuzzy = k.fuzzy[:0]
	k.initials = k.initials[:0]
	k.ids = k.ids[:0]
	k.dobOK = false
}

func (k *knownIndex) build(kn Known) {
	if k.parts == nil {
		k.parts = make(map[string]knownPart)
	}
	words, _ := lexicon()
	addNames := func(names []string, cls NameClass) {
		for _, full := range names {
			var ini []byte
			for _, p := range splitName(full) {
				r, _ := utf8.DecodeRuneInString(p)
				if r < utf8.RuneSelf {
					ini = append(ini, byte(unicode.ToLower(r)))
				}
				if utf8.RuneCountInString(p) < 2 {
					continue
				}
				w := strings.ToLower(p)
				f := words[w]
				kp := knownPart{word: w, cls: cls | clsExplicit,
					common: f&(lxCommon|lxFirstAmb|lxSurAmb|lxMedical|lxMonth|lxCityAmb|lxUnitWord) != 0 || len(w) <= 2}
				if old, ok := k.parts[w]; ok {
					kp.cls |= old.cls
				}
				k.parts[w] = kp
				if utf8.RuneCountInString(w) >= 5 {
					k.fuzzy = append(k.fuzzy, kp)
				}
			}
			k.addInitials(ini)
			// "Al-Rashid" gives one initial, not two.
			var wini []byte
			for _, w := range strings.Fields(full) {
				if r, _ := utf8.DecodeRuneInString(w); r < utf8.RuneSelf && unicode.IsLetter(r) {
					wini = append(wini, byte(unicode.ToLower(r)))
				}
			}
			if string(wini) != string(ini) {
				k.addInitials(wini)
			}
		}
	}
	addNames(kn.PatientNames, PatientNames)
	addNames(kn.RelativeNames, RelativeNames)
	addNames(kn.ProviderNames, ClinicianNames)
	for _, id := range kn.Identifiers {
		n := normID(id)
		if len(n) < 4 {
			continue
		}
		k.ids = append(k.ids, knownID{norm: n, t: guessIDType(id, n)})
	}
	if kn.BirthDate != "" {
		if d, ok := parseDateString(kn.BirthDate); ok && d.hasD {
			k.dobOK, k.dobY, k.dobM, k.dobD = true, d.y, d.m, d.d
		}
	}
}

func (k *knownIndex) addInitials(ini []byte) {
	if len(ini) >= 2 {
		k.initials = append(k.initials, string(ini))
		if len(ini) >= 3 {
			k.initials = append(k.initials, string([]byte{ini[0], ini[len(ini)-1]}))
		}
	}
}

// splitName splits a full name into its parts on anything but letters and
// apostrophes inside a word ("O'Neil-Park" -> "O'Neil", "Park"; the apostrophe
// parts are split again by the tokenizer, so both "O" and "Neil" match).
func splitName(full string) []string {
	return strings.FieldsFunc(full, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
}

func normID(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		if r < utf8.RuneSelf && isAlnumByte(byte(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func guessIDType(raw, n string) Type {
	if strings.Contains(raw, "@") {
		return Email
	}
	digits := 0
	for i := 0; i < len(n); i++ {
		if n[i] >= '0' && n[i] <= '9' {
			digits++
		}
	}
	switch {
	case digits == len(n) && len(n) == 9 && strings.Count(raw, "-") == 2:
		return SSN
	case digits == len(n) && (len(n) == 10 || len(n) == 11 && n[0] == '1') && strings.ContainsAny(raw, "()-. "):
		return Phone
	}
	return ID
}

// knownPass marks metadata names (exact, possessive, misspelled, initials)
// and metadata identifiers.
func (s *scan) knownPass() {
	k := &s.known
	if len(k.parts) > 0 {
		for i := range s.toks {
			t := &s.toks[i]
			if !t.letters() {
				continue
			}
			if p, ok := s.knownWord(i); ok {
				if p.common && !t.upper() && !(i > 0 && s.toks[i-1].is(lxRelation|lxTitle|lxTitleClin) && s.toks[i].gap == gapSpace) {
					continue
				}
				s.nameChain(i, p.cls, true)
				continue
			}
			// "Whitcombes" (plural family name).
			if t.upper() && t.n() > 3 && (s.text[t.e-1] == 's') {
				if p, ok := k.parts[s.low[t.s:t.e-1]]; ok && !p.common {
					s.nameChain(i, p.cls, true)
					continue
				}
			}
			if t.upper() && len(k.fuzzy) > 0 && t.n() >= 4 && t.lex&(lxCommon|lxMedical|lxMonth|lxUnitWord|lxTitle|lxTitleClin|lxState|lxCity) == 0 {
				w := s.lower(i)
				for _, p := range k.fuzzy {
					if p.common {
						continue
					}
					if d := len(w) - len(p.word); d >= -1 && d <= 1 && within1(w, p.word) {
						s.nameChain(i, p.cls, true)
						break
					}
				}
			}
			// Initials run together: "HJW".
			if t.allUpper() && t.n() >= 3 && t.n() <= 4 && t.lex == 0 {
				w := s.lower(i)
				for _, ini := range k.initials {
					if ini == w {
						s.add(int(t.s), int(t.e), Name, prCue)
						break
					}
				}
			}
		}
		s.dottedInitials()
	}
	if len(k.ids) > 0 {
		s.knownIDs()
	}
}

func (s *scan) knownWord(i int) (knownPart, bool) {
	t := &s.toks[i]
	if t.shape&shNonASCII != 0 {
		p, ok := s.known.parts[strings.ToLower(s.str(i))]
		return p, ok
	}
	p, ok := s.known.parts[s.lower(i)]
	return p, ok
}

// dottedInitials finds "H.J.W." and "H. J. W." that spell a known name.
func (s *scan) dottedInitials() {
	for i := 0; i < len(s.toks); i++ {
		if !s.isInitial(i) {
			continue
		}
		var b []byte
		j := i
		last := i
		for j < len(s.toks) && s.isInitial(j) && len(b) < 5 {
			b = append(b, s.text[s.toks[j].s]|0x20)
			last = j + 1 // the dot
			j += 2
			if j < len(s.toks) && s.toks[j].gap == gapLine {
				break
			}
		}
		if len(b) >= 2 {
			for _, ini := range s.known.initials {
				if ini == string(b) {
					s.add(int(s.toks[i].s), int(s.toks[last].e), Name, prCue)
					break
				}
			}
		}
		i = j - 1
	}
}

// isInitial reports a single capital letter followed directly by a dot.
func (s *scan) isInitial(i int) bool {
	t := s.tok(i)
	if t == nil || !t.word() || t.n() != 1 || !t.upper() {
		return false
	}
	k := s.adj(i)
	if k < 0 || !s.toks[k].punct('.') {
		return false
	}
	// "31 F.", "UF 3.2 L.": a sex or a unit after a number, not an initial.
	if i > 0 && t.gap == gapSpace && s.toks[i-1].word() && s.toks[i-1].shape&shDigit != 0 {
		return false
	}
	return !s.dottedCredential(i)
}

// dottedCredential reports a credential written with dots that token i
// belongs to ("M.D.", "D.O.", "R.N.", "N.P.", "P.A.").
func (s *scan) dottedCredential(i int) bool {
	// The run of dotted single letters around i: exactly two letters that
	// spell a credential ("K.P.A." is three initials).
	st := i
	for st >= 2 && s.toks[st].gap == gapNone && s.toks[st-1].punct('.') && s.toks[st-1].gap == gapNone &&
		s.toks[st-2].word() && s.toks[st-2].n() == 1 {
		st -= 2
	}
	letters := []int{}
	for k := st; k < len(s.toks) && len(letters) < 4; {
		if !s.toks[k].word() || s.toks[k].n() != 1 || k > st && s.toks[k].gap != gapNone {
			break
		}
		d := s.adj(k)
		if d < 0 || !s.toks[d].punct('.') {
			break
		}
		letters = append(letters, k)
		k = d + 1
	}
	if len(letters) != 2 {
		return false
	}
	switch s.lower(letters[0]) + s.lower(letters[1]) {
	case "md", "do", "rn", "np", "pa", "dc", "od":
		return true
	}
	return false
}

// within1 reports a Damerau-Levenshtein distance of at most one.
func within1(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la == lb {
		diff := -1
		for i := 0; i < la; i++ {
			if a[i] != b[i] {
				if diff >= 0 {
					// a transposition of two neighbours
					return i == diff+1 && a[diff] == b[i] && a[i] == b[diff] && a[i+1:] == b[i+1:]
				}
				diff = i
			}
		}
		return true
	}
	if la < lb {
		a, b = b, a
		la, lb = lb, la
	}
	if la-lb != 1 {
		return false
	}
	i := 0
	for i < lb && a[i] == b[i] {
		i++
	}
	return a[i+1:] == b[i:]
}

// knownIDs finds metadata identifiers ignoring separators: the text's
// letters and digits are streamed with their offsets and each identifier is
// searched in the stream, aligned to token boundaries.
func (s *scan) knownIDs() {
	var stream []byte
	var offs []int32
	var startTok []bool
	for i := range s.toks {
		t := &s.toks[i]
		if !t.word() || t.shape&shNonASCII != 0 {
			continue
		}
		for k := t.s; k < t.e; k++ {
			c := s.text[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			stream = append(stream, c)
			offs = append(offs, k)
			startTok = append(startTok, k == t.s)
		}
	}
	str := string(stream)
	for _, id := range s.known.ids {
		from := 0
		for {
			p := strings.Index(str[from:], id.norm)
			if p < 0 {
				break
			}
			p += from
			e := p + len(id.norm) - 1
			from = p + 1
			if !startTok[p] || (e+1 < len(startTok) && !startTok[e+1]) {
				continue
			}
			// Separators between the pieces must be short ("-", ") ", " ").
			ok := true
			for q := p; q < e; q++ {
				if offs[q+1]-offs[q] > 3 {
					ok = false
					break
				}
			}
			if ok {
				s.add(int(offs[p]), int(offs[e])+1, id.t, prWeak)
			}
		}
	}
}
