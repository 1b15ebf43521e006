package deid

import (
	"log/slog"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Known is what the clinic platform's metadata says about an encounter. The
// detector removes these wherever they occur in the text, in any case, as
// possessives ("Whitcombe's"), initials ("H. Whitcombe", "H.J.W."), with
// one-letter misspellings for name parts of five letters or more, and
// said whole with middle names the platform did not give ("harold james
// whitcombe").
//
// Known holds PHI: its LogValue redacts it.
type Known struct {
	PatientNames  []string `json:"patient_names,omitempty"`  // full names, e.g. "Harold J. Whitcombe"
	ProviderNames []string `json:"provider_names,omitempty"` // clinicians on the encounter
	RelativeNames []string `json:"relative_names,omitempty"` // relatives, caregivers, emergency contacts
	// Identifiers are MRNs, phone numbers, member IDs and the like; matched
	// ignoring separators ("555-010-7788" finds "(555) 010-7788"), and
	// without their label where one is given ("MRN: 4471923" finds "44 71
	// 923").
	Identifiers []string `json:"identifiers,omitempty"`
	// BirthDate in any format the detector reads ("1952-03-04", "3/4/1952").
	BirthDate string `json:"birth_date,omitempty"`

	// compiled is the index Detector.Compile made of these values.
	compiled *compiledKnown
	// heard are one-word names the text itself gave (Detect's second
	// pass): each mention is decided by its context, as a supplied name
	// that is a common word is.
	heard []string
}

// compiledKnown is a Known's index, built once for many Detect calls: the
// values it was built from (kn, with compiled nil) and the year of the
// detector's clock then (the index's birth-date forms depend on it).
type compiledKnown struct {
	kn   Known
	year int
	idx  knownIndex
}

// Compile returns known with its index built, for many Detect calls with
// the same metadata (the segments of one encounter): Detect then skips
// building it, which is most of the cost of a short text. Detect checks
// that the values are still those compiled (and the year that of its
// clock) and builds the index itself otherwise, so the result is always
// Detect's with known. The index holds the names (PHI) as known does; it
// lives as long as the Known returned.
func (d *Detector) Compile(known Known) Known {
	c := &compiledKnown{year: d.cfg.Now().Year()}
	known.compiled = nil
	c.kn = known
	c.idx.reset()
	c.idx.build(known, c.year)
	known.compiled = c
	return known
}

// sameKnown reports whether a and b hold the same values.
func sameKnown(a, b *Known) bool {
	return slices.Equal(a.PatientNames, b.PatientNames) && slices.Equal(a.ProviderNames, b.ProviderNames) &&
		slices.Equal(a.RelativeNames, b.RelativeNames) && slices.Equal(a.Identifiers, b.Identifiers) && a.BirthDate == b.BirthDate &&
		slices.Equal(a.heard, b.heard)
}

// useKnown sets the index of this call's Known: the compiled one if known
// comes with it unchanged, else its own, built now.
func (s *scan) useKnown(known Known) {
	if c := known.compiled; c != nil && c.year == s.year && sameKnown(&c.kn, &known) {
		s.known = &c.idx
		return
	}
	s.known = &s.own
	s.own.build(known, s.year)
}

// noKnown is the index of no metadata, for scans made outside Detect.
var noKnown = func() *knownIndex {
	var k knownIndex
	k.reset()
	return &k
}()

// kn returns the index of the call's Known (useKnown).
func (s *scan) kn() *knownIndex {
	if s.known != nil {
		return s.known
	}
	return noKnown
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
	word string // lower case
	cls  NameClass
	tier uint8 // kpPlain, kpWord or kpCommon
}

// Tiers of a known name part, by how often the word is something other than
// this person's name. A capitalized occurrence is the name in every tier; a
// lower-case one (transcripts are all lower case) is decided by the tier and
// the context (knownInContext).
const (
	// kpPlain parts are on no word list ("whitcombe", "okafor"): the name in
	// any case, anywhere.
	kpPlain uint8 = iota + 1
	// kpWord parts are names that are also words ("dawn", "hill", "rose"):
	// the name unless the words around make it the word ("at dawn", "up
	// the hill", "pressure rose" is not told apart and counts as the name).
	kpWord
	// kpCommon parts are everyday, calendar or clinical words ("may",
	// "will", "summer", "june", "hunter"): the name only where the context
	// names a person (a title, a greeting, address, another part of the
	// name, a relation word, a speaker tag, an introduction).
	kpCommon
)

type knownEnds struct {
	first, last string
	cls         NameClass
}

type knownID struct {
	norm    string // letters and digits only, lower case
	t       Type
	labeled bool // t comes from the identifier's label ("MRN 4471923"): it outranks a type read from the shape
}

// knownIndex is Known compiled for one Detect call.
type knownIndex struct {
	parts    map[string]knownPart
	fuzzy    []knownPart // parts of five letters or more, for misspellings
	initials []string    // lower-case initials of full names: "hjw", "hw"
	// given holds the initials of the given names of a name of three parts
	// or more, said as a short name: "jr" of James Robert Talley.
	given  []string
	joined []string // neighbouring parts run together, for spelled-out names: "alrashid"
	// firsts holds the lower-case first part of each supplied name, and
	// shared those that begin two of them (two people named Rose, a father
	// and son named Pat): said in the plural they are the people ("two
	// roses").
	firsts, shared []string
	// ends holds the first and last parts of each supplied name of two
	// parts or more, for the name said with a middle name between
	// (knownSandwich).
	ends []knownEnds
	// particles holds a one-letter part and the part after it ("Ó
	// Faoláin": 'o' before "faolain" and "faoláin"), for the letter said
	// with its name or after a title (knownParticles).
	particles []knownParticle
	// prefixed holds a surname's short first part and the part after it
	// ("Al-Rashidi": "al" before "rashidi"), for the first part misheard
	// ("mister all rashidi", knownParticles).
	prefixed []knownPrefixed
	// lenByFirst has bit n set for first byte c when a part of n bytes
	// starts with c: a cheap filter before the map.
	lenByFirst [256]uint64
	words      []string // the keys of parts
	// minJoin and maxJoin bound the lengths of joined and fuzzy words.
	minJoin, maxJoin int
	ids              []knownID
	// arena holds the bytes of the strings build makes (lower-case parts,
	// joined parts, initials, normalized identifiers), so that compiling
	// Known allocates nothing once the scan is warm. Its strings are
	// referenced only by this index, which reset empties before the arena
	// is written again.
	arena []byte
	dobOK bool
	dobY  int
	dobM  int
	dobD  int

	// splitLens has bit n set when a word of n bytes (63: any longer) may
	// match a part in knownSplitAt: a part of six bytes or more, or one
	// byte off a part of eight or more.
	splitLens uint64
	// joinLens has bit n set when a word of n bytes (63: any longer) is
	// within one byte of the length of a joined form: a single word of
	// another length matches none (knownJoined).
	joinLens uint64
}

func (k *knownIndex) reset() {
	clear(k.parts)
	for _, w := range k.words {
		k.lenByFirst[w[0]] = 0 // the entries build set; clearing all 2 KB cost more
	}
	k.words = k.words[:0]
	k.fuzzy = k.fuzzy[:0]
	k.initials = k.initials[:0]
	k.given = k.given[:0]
	k.joined = k.joined[:0]
	k.firsts, k.shared = k.firsts[:0], k.shared[:0]
	k.ends = k.ends[:0]
	k.particles = k.particles[:0]
	k.prefixed = k.prefixed[:0]
	k.minJoin, k.maxJoin = 1<<30, 0
	k.splitLens, k.joinLens = 0, 0
	k.ids = k.ids[:0]
	k.arena = k.arena[:0]
	k.dobOK = false
}

// str returns b as a string that lives in the arena (see arena).
func (k *knownIndex) str(b ...byte) string {
	st := len(k.arena)
	k.grow(len(b))
	k.arena = append(k.arena, b...)
	x := k.arena[st:]
	return unsafe.String(unsafe.SliceData(x), len(x))
}

// grow makes room for n more bytes in the arena. A full arena is replaced
// by a new one: the strings made so far keep the old.
func (k *knownIndex) grow(n int) {
	if st := len(k.arena); cap(k.arena)-st < n {
		k.arena = make([]byte, st, max(2*cap(k.arena), st+n, 256))
	}
}

// concat returns a+b as a string that lives in the arena.
func (k *knownIndex) concat(a, b string) string {
	st := len(k.arena)
	k.grow(len(a) + len(b))
	k.arena = append(k.arena, a...)
	k.arena = append(k.arena, b...)
	x := k.arena[st:]
	return unsafe.String(unsafe.SliceData(x), len(x))
}

// toLower is strings.ToLower, with the lower-case copy of an ASCII string
// in the arena.
func (k *knownIndex) toLower(w string) string {
	up := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			if !changesLower(w) {
				return w
			}
			st := len(k.arena)
			k.arena = appendLower(k.arena, w)
			return unsafe.String(&k.arena[st], len(k.arena)-st)
		}
		up = up || c >= 'A' && c <= 'Z'
	}
	if !up {
		return w
	}
	st := len(k.arena)
	x := k.concat(w, "")
	b := k.arena[st:]
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return x
}

func (k *knownIndex) build(kn Known, year int) {
	if k.parts == nil {
		k.parts = make(map[string]knownPart)
	}
	words, _ := lexicon()
	gwords, _ := gazetteer()
	flagsOf := func(w string) uint64 {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return words[w] | gwords[w]
			}
		}
		f, g := lookupString(w)
		return f | gzLex(g)
	}
	addNames := func(names []string, cls NameClass) {
		for _, full := range names {
			var ini []byte
			var partArr [8]string
			parts := splitNameInto(partArr[:0], full)
			var lowArr [8]string
			lows := lowArr[:0]
			for _, p := range parts {
				r, _ := utf8.DecodeRuneInString(p)
				if r < utf8.RuneSelf {
					ini = append(ini, byte(unicode.ToLower(r)))
				}
				w := k.toLower(p)
				lows = append(lows, w)
				if utf8.RuneCountInString(p) < 2 {
					continue
				}
				kp := knownPart{word: w, cls: cls | clsExplicit, tier: knownTier(w, flagsOf(w))}
				if old, ok := k.parts[w]; ok {
					kp.cls |= old.cls
				} else {
					k.words = append(k.words, w)
				}
				k.parts[w] = kp
				if utf8.RuneCountInString(w) >= 5 {
					k.fuzzy = append(k.fuzzy, kp)
					k.minJoin, k.maxJoin = min(k.minJoin, len(w)), max(k.maxJoin, len(w))
				}
				// "Nguyễn" is written "nguyen" by a transcriber.
				if f := k.foldName(w); f != "" {
					if _, ok := k.parts[f]; !ok {
						fp := knownPart{word: f, cls: kp.cls, tier: knownTier(f, flagsOf(f))}
						k.words = append(k.words, f)
						k.parts[f] = fp
						if len(f) >= 5 {
							k.fuzzy = append(k.fuzzy, fp)
							k.minJoin, k.maxJoin = min(k.minJoin, len(f)), max(k.maxJoin, len(f))
						}
					}
				}
			}
			for a := 0; a+1 < len(lows); a++ {
				if surnamePrefixes[lows[a]] && len(lows[a+1]) >= 3 {
					k.prefixed = append(k.prefixed, knownPrefixed{lows[a], lows[a+1]})
				}
				if utf8.RuneCountInString(lows[a]) != 1 || utf8.RuneCountInString(lows[a+1]) < 2 {
					continue
				}
				c := lows[a][0]
				if f := k.foldName(lows[a]); f != "" {
					c = f[0]
				}
				if c >= 'a' && c <= 'z' {
					k.particles = append(k.particles, knownParticle{c, lows[a+1]})
					if f := k.foldName(lows[a+1]); f != "" {
						k.particles = append(k.particles, knownParticle{c, f})
					}
				}
			}
			if len(lows) > 0 && len(lows[0]) >= 2 {
				if slices.Contains(k.firsts, lows[0]) && !slices.Contains(k.shared, lows[0]) {
					k.shared = append(k.shared, lows[0])
				}
				k.firsts = append(k.firsts, lows[0])
			}
			if n := len(lows); n >= 2 && len(lows[0]) >= 2 && len(lows[n-1]) >= 2 && lows[0] != lows[n-1] {
				k.ends = append(k.ends, knownEnds{first: lows[0], last: lows[n-1], cls: cls | clsExplicit})
			}
			// "al-rashid" and "smith jones" spelled out run together.
			for a := 0; a+1 < len(lows); a++ {
				j := k.concat(lows[a], lows[a+1])
				k.joined = append(k.joined, j)
				for _, n := range [...]int{len(j) - 1, len(j), len(j) + 1} {
					k.joinLens |= 1 << min(n, 63)
				}
				k.minJoin, k.maxJoin = min(k.minJoin, len(j)), max(k.maxJoin, len(j))
			}
			// Short forms of the given name: "William" is also "will",
			// "bill"; each keeps its own tier ("will" is found only where
			// the context names a person).
			// A name of punctuation or blanks alone has no parts.
			if len(parts) > 1 || cls == PatientNames && len(parts) == 1 {
				first := parts[0]
				if len(first) > 0 && first[0] >= 'A' && first[0] <= 'Z' || strings.ContainsFunc(first, unicode.IsUpper) {
					first = k.toLower(first)
				}
				nl := nickOnce().of[first] // hand, open, handOf, openOf
				if f := k.foldName(first); f != "" {
					nl = nickOnce().of[f] // "jesús" is listed as "jesus"
				}
				for _, nick := range nl[0] {
					if _, ok := k.parts[nick]; !ok {
						k.words = append(k.words, nick)
						k.parts[nick] = knownPart{word: nick, cls: cls | clsExplicit, tier: knownTier(nick, flagsOf(nick))}
					}
				}
				// The open list is long and loose ("robert" gives "dob";
				// "penny" gives "penelope" back): a form on no list of
				// given names is taken only where the context names a
				// person.
				for _, l := range nl[1:] {
					for _, nick := range l {
						if _, ok := k.parts[nick]; ok {
							continue
						}
						f := flagsOf(nick)
						tier := knownTier(nick, f)
						if f&lxFirst == 0 {
							tier = kpCommon
						}
						k.words = append(k.words, nick)
						k.parts[nick] = knownPart{word: nick, cls: cls | clsExplicit, tier: tier}
					}
				}
				// Pet forms people make of any given name ("dawnie",
				// "rosie", "danny"): on no list, so found only where the
				// context names a person.
				var db [4][16]byte
				forms, nf := diminutives(first, &db)
				for _, form := range forms[:nf] {
					if _, ok := k.parts[string(form)]; !ok {
						dim := k.str(form...)
						k.words = append(k.words, dim)
						k.parts[dim] = knownPart{word: dim, cls: cls | clsExplicit, tier: kpCommon}
					}
				}
				k.addClipped(first, cls, flagsOf)
			}
			k.addInitials(ini)
			if n := len(ini); n >= 3 && n <= 4 {
				k.given = append(k.given, k.str(ini[:n-1]...))
			}
			// "Al-Rashid" gives one initial, not two.
			var wiArr [8]byte
			wini := wiArr[:0]
			// What follows a comma or a bracket is no part of it
			// ("Reza Karbasi (son, interpreter)" gives "rk", not "rki").
			for j := 0; j < len(full) && full[j] != '(' && full[j] != ',' && full[j] != '['; j++ {
				if c := full[j]; (j == 0 || full[j-1] == ' ' || full[j-1] == '\t') && c != ' ' && c != '\t' &&
					(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
					wini = append(wini, c|0x20)
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
	// Names the text gave: the word alone, no short forms, initials or
	// misspellings, and its context decides every mention.
	for _, w := range kn.heard {
		if _, ok := k.parts[w]; !ok {
			k.words = append(k.words, w)
			k.parts[w] = knownPart{word: w, cls: RelativeNames, tier: kpCommon}
		}
	}
	// k.words holds the keys of k.parts in the order they were added
	// (rather than the map's order, which changes from run to run).
	for _, w := range k.words {
		k.lenByFirst[w[0]] |= 1 << min(len(w), 63)
		if n := len(w); n >= 5 {
			k.splitLens |= 1 << min(n, 63)
			if n >= 8 {
				k.splitLens |= 1<<min(n-1, 63) | 1<<min(n+1, 63)
			}
		}
	}
	for _, id := range kn.Identifiers {
		n := k.normID(id)
		if len(n) < 4 {
			continue
		}
		t := guessIDType(id, n)
		lt, labeled := labelIDType(id)
		if labeled {
			t = lt
		}
		k.ids = append(k.ids, knownID{norm: n, t: t, labeled: labeled})
		// "HP-88120-44", "AB556677": the digits of an identifier that
		// starts with letters are said alone too, and "00451287" without
		// its leading zeros, when six digits or more are left.
		digits := n
		if l := strings.IndexFunc(n, func(r rune) bool { return r >= '0' && r <= '9' }); l >= 0 {
			digits = n[l:]
		}
		if strings.Trim(digits, "0123456789") == "" {
			if len(digits) < len(n) && len(digits) >= 6 {
				k.ids = append(k.ids, knownID{norm: digits, t: t, labeled: labeled})
			}
			if nz := strings.TrimLeft(digits, "0"); len(nz) < len(digits) && len(nz) >= 6 {
				k.ids = append(k.ids, knownID{norm: nz, t: t, labeled: labeled})
			}
		}
		// "MRN: 4471923", "Member ID 88-1234": the value is also said
		// without its label.
		if v, ok := idValue(id); ok {
			if nv := k.normID(v); len(nv) >= 4 && !slices.ContainsFunc(k.ids, func(x knownID) bool { return x.norm == nv }) {
				vt := guessIDType(v, nv)
				if labeled {
					vt = t // "MRN 4471923": the value said alone is still the MRN
				}
				k.ids = append(k.ids, knownID{norm: nv, t: vt, labeled: labeled})
			}
		}
		// A phone number is often given without its area code.
		if t == Phone {
			k.ids = append(k.ids, knownID{norm: n[len(n)-7:], t: Phone})
		}
	}
	if kn.BirthDate != "" {
		if d, ok := parseBirthDate(kn.BirthDate, year); ok && d.hasD {
			k.dobOK, k.dobY, k.dobM, k.dobD = true, d.y, d.m, d.d
			// The birth date read out as digits, in the orders people say
			// it: "oh three oh four fifty two", "three four nineteen fifty
			// two", "nineteen fifty two oh three oh four".
			var b [8]byte
			for _, order := range [...][3]int{{d.m, d.d, d.y}, {d.d, d.m, d.y}, {d.y, d.m, d.d}} {
				for _, pad := range [...]bool{true, false} {
					for _, full := range [...]bool{true, false} {
						v := dobDigits(b[:0], order, pad, full)
						if v == nil || slices.ContainsFunc(k.ids, func(x knownID) bool { return x.norm == string(v) }) {
							continue
						}
						k.ids = append(k.ids, knownID{norm: k.str(v...), t: Date})
					}
				}
			}
		}
	}
}

// addClipped adds the clipped forms of a lower-case ASCII given name of
// six letters or more, as people shorten it in a visit: "fede" and "feder"
// of Federico, "santi" of Santiago, "valen" of Valentina; from four letters
// to two short of the name, and a three-letter form on no list ("abi" of
// Abigail, not "can" of Candace). A form that is an English word is found
// only where the context names a person (kpCommon); one that is no word
// where no word before it makes it one (kpWord).
func (k *knownIndex) addClipped(first string, cls NameClass, flagsOf func(string) uint64) {
	if len(first) < 6 {
		return
	}
	for i := 0; i < len(first); i++ {
		if first[i] < 'a' || first[i] > 'z' {
			return
		}
	}
	for n := 3; n <= len(first)-2; n++ {
		form := first[:n]
		if _, ok := k.parts[form]; ok {
			continue
		}
		f := flagsOf(form)
		tier := kpWord
		switch {
		case f&^(lxFirst|lxFirstAmb|lxSur|lxSurAmb) != 0:
			if n == 3 {
				continue
			}
			tier = kpCommon
		case f != 0:
			tier = knownTier(form, f)
		}
		k.words = append(k.words, form)
		k.parts[form] = knownPart{word: form, cls: cls | clsExplicit, tier: tier}
	}
}

// diminutives writes into buf the pet forms of a lower-case ASCII given
// name of three letters or more and returns them: "dawn" gives
// "dawnie", "dawny"; "rose" "rosie", "rosey"; "dan" "dannie", "danny".
// A name that ends in a vowel other than "e" has none.
func diminutives(first string, buf *[4][16]byte) (forms [4][]byte, n int) {
	if len(first) < 3 || len(first) > 12 {
		return forms, 0
	}
	for i := 0; i < len(first); i++ {
		if first[i] < 'a' || first[i] > 'z' {
			return forms, 0
		}
	}
	stem := first
	last := first[len(first)-1]
	switch last {
	case 'e':
		stem = first[:len(first)-1]
	case 'a', 'i', 'o', 'u', 'y':
		return forms, 0
	}
	vowel := func(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
	// A short closed syllable doubles its consonant: "dan" "danny".
	k := len(stem)
	double := last != 'e' && k >= 2 && !vowel(stem[k-1]) && vowel(stem[k-2]) && (k == 2 || !vowel(stem[k-3]))
	for _, f := range [...]struct {
		dbl bool
		suf string
	}{{false, "ie"}, {false, "y"}, {true, "ie"}, {true, "y"}} {
		if f.dbl && !double {
			continue
		}
		b := append(buf[n][:0], stem...)
		if f.dbl {
			b = append(b, stem[k-1])
		}
		forms[n] = append(b, f.suf...)
		n++
	}
	return forms, n
}

// parseBirthDate reads Known.BirthDate: "YYYY-MM-DD", as platforms send
// it, without the tokenizer; any other format through parseDateString.
func parseBirthDate(x string, year int) (dateVal, bool) {
	x = strings.TrimSpace(x)
	// A timestamp as an API sends a date ("1952-03-04T00:00:00Z",
	// "1952-03-04 00:00:00"): its date.
	if len(x) > 10 && x[4] == '-' && x[7] == '-' && (x[10] == 'T' || x[10] == ' ') {
		x = x[:10]
	}
	// "19520304": the compact form of the same.
	if len(x) == 8 && strings.Trim(x, "0123456789") == "" && (x[0] == '1' || x[0] == '2') {
		x = x[:4] + "-" + x[4:6] + "-" + x[6:]
	}
	if len(x) == 10 && x[4] == '-' && x[7] == '-' {
		num := func(a, b int) (int, bool) {
			v := 0
			for i := a; i < b; i++ {
				if x[i] < '0' || x[i] > '9' {
					return 0, false
				}
				v = v*10 + int(x[i]-'0')
			}
			return v, true
		}
		y, ok1 := num(0, 4)
		m, ok2 := num(5, 7)
		d, ok3 := num(8, 10)
		if ok1 && ok2 && ok3 && validMD(m, d) {
			return dateVal{y: y, m: m, d: d, hasY: true, hasD: true, layout: dlNumYMD, sep: '-', pad: true}, true
		}
	}
	return parseDateString(x, year)
}

// dobDigits writes a birth date's digits in one order (month day year,
// day month year, year month day), zero-padded or not, with a four- or
// two-digit year; nil for the orders nobody says (a year first, unpadded or
// short).
func dobDigits(b []byte, order [3]int, pad, fullYear bool) []byte {
	yearFirst := order[0] > 31
	if yearFirst && (!pad || !fullYear) {
		return nil
	}
	for _, v := range order {
		switch {
		case v > 31 && fullYear:
			b = append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
		case v > 31:
			b = append(b, byte('0'+v/10%10), byte('0'+v%10))
		case pad || v >= 10:
			b = append(b, byte('0'+v/10), byte('0'+v%10))
		default:
			b = append(b, byte('0'+v))
		}
	}
	return b
}

func (k *knownIndex) addInitials(ini []byte) {
	if len(ini) >= 2 {
		k.initials = append(k.initials, k.str(ini...))
		if len(ini) >= 3 {
			k.initials = append(k.initials, k.str(ini[0], ini[len(ini)-1]))
		}
	}
}

// splitName splits a full name into its parts on anything but letters and
// apostrophes inside a word ("O'Neil-Park" -> "O'Neil", "Park"; the apostrophe
// parts are split again by the tokenizer, so both "O" and "Neil" match).
func splitName(full string) []string { return splitNameInto(nil, full) }

// splitNameInto is splitName appending to out.
//
// What is no part of the person's name is left out, so that it is not
// removed wherever it occurs: a title before the name ("Dr. Hunter
// Brooks", "Mrs Rivers"), a generational suffix after it ("Jr.", "III"),
// credentials after a comma ("Brooks, Hunter, MD, PhD") and a relation,
// a role at the encounter or a credential in parentheses ("Grant Hill
// (son)", "Ana Pardo (interpreter, niece)"). A name made only of such
// words keeps them.
func splitNameInto(out []string, full string) []string {
	type piece struct {
		w                 string
		afterComma, paren bool
	}
	var arr [16]piece
	pieces := arr[:0]
	st, comma, paren := -1, false, false
	for i, r := range full {
		in := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsMark(r))
		switch {
		case in && st < 0:
			st = i
		case !in && st >= 0:
			pieces = append(pieces, piece{full[st:i], comma, paren})
			st = -1
		}
		switch r {
		case ',':
			comma = true
		case '(', '[':
			paren = true
		case ')', ']':
			paren = false
		}
	}
	if st >= 0 {
		pieces = append(pieces, piece{full[st:], comma, paren})
	}
	n0 := len(out)
	// "Rivers, Dawn M.": written last name first, the parts after the
	// comma are put first, so that the given name leads as in "Dawn M.
	// Rivers" (its short forms, initials and plural come from it).
	lead := -1 // the first part kept after the comma
	for k, p := range pieces {
		var lb [16]byte
		lw := lb[:0]
		for j := 0; j < len(p.w) && len(lw) < len(lb); j++ {
			lw = append(lw, p.w[j]|0x20)
		}
		// One probe for the four lists (nameWordSet), of lw read in place.
		b := nameWordSet.bitsOf(unsafe.String(unsafe.SliceData(lw), len(lw)))
		switch {
		case k == 0 && len(pieces) > 1 && b.has(nwTitle):
		case k > 0 && b.has(nwSuffix):
		case (p.afterComma || p.paren) && b.has(nwCredential):
		case p.paren && (b.has(nwRelation) || isEncounterRole(unsafe.String(unsafe.SliceData(lw), len(lw)))):
			// A relation or a role at the encounter: "Grant Hill (son)",
			// "Carlos Benítez (interpreter, grandson)".
		default:
			if p.afterComma && lead < 0 && len(out) > n0 {
				lead = len(out)
			}
			out = append(out, p.w)
		}
	}
	if lead > n0 {
		slices.Reverse(out[n0:lead])
		slices.Reverse(out[lead:])
		slices.Reverse(out[n0:])
	}
	if len(out) == n0 {
		for _, p := range pieces {
			out = append(out, p.w)
		}
	}
	return out
}

// isEncounterRole: w is what a person is at the encounter, as a clinic's
// metadata writes it in parentheses after a name: a role of personRoles
// ("interpreter", "therapist") or one of metadataRoles.
func isEncounterRole(w string) bool { return personRoles[w] || metadataRoles[w] || relationsAbroad[w] }

// relationsAbroad are relations as a clinic's metadata writes them in
// parentheses after a name in the languages of its patients ("Ginette
// Gauthier (conjointe)", "Rosa Pérez (hija)", "Marina Abdelmalek
// (bint)"): Spanish, French and Portuguese words without accents, as the
// parts are read, and the relations a transcript tags a speaker with
// (kinAbroad) that are written without accents and are no given name or
// nickname too (kinAlsoNames: "Dolores Cruz (Lola)" gives a nickname).
var relationsAbroad = func() map[string]bool {
	m := wordsOf("conjointe conjoint esposa esposo hija hijo madre padre hermana hermano abuela abuelo " +
		"nieta nieto tia tio sobrina sobrino fille fils mari femme mere pere soeur frere filha filho mae pai irma irmao")
	for w := range kinAbroad {
		if !kinAlsoNames[w] && !nonASCII(w) {
			m[w] = true
		}
	}
	return m
}()

// metadataRoles are the roles metadata writes that personRoles, read in
// speech, leaves out.
var metadataRoles = map[string]bool{"scribe": true, "chaperone": true, "proxy": true, "representative": true,
	"surrogate": true, "student": true, "physician": true, "provider": true, "nok": true, "hcp": true}

// nameWordSet holds nameTitles, nameSuffixes, nameCredentials and
// nameRelations, one bit each (nwTitle ...), for splitNameInto's one
// probe a word; TestNameWordSetMatchesItsMaps checks it against them.
var nameWordSet = setOfMaps(nameTitles, nameSuffixes, nameCredentials, nameRelations)

// Bits of nameWordSet.
const (
	nwTitle wordBits = 1 << iota
	nwSuffix
	nwCredential
	nwRelation
)

// nameTitles, nameSuffixes, nameCredentials and nameRelations are the
// words around a supplied name that are not part of it (splitNameInto).
var (
	nameTitles = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "miss": true, "mx": true,
		"prof": true, "rev": true, "fr": true, "doctor": true}
	nameSuffixes    = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}
	nameCredentials = map[string]bool{"md": true, "do": true, "rn": true, "np": true, "pa": true, "phd": true,
		"dds": true, "dmd": true, "lpn": true, "cnm": true, "dnp": true, "fnp": true, "crna": true, "aprn": true,
		"msn": true, "bsn": true, "facp": true, "facs": true, "mph": true, "lcsw": true, "pt": true, "ot": true,
		"dpt": true, "od": true, "pharmd": true, "rph": true, "cna": true, "ma": true, "mba": true, "ms": true,
		"c": true, "bc": true, "lmft": true, "psyd": true, "mbbs": true, "frcpc": true}
	nameRelations = map[string]bool{"son": true, "daughter": true, "wife": true, "husband": true, "mother": true,
		"father": true, "mom": true, "dad": true, "sister": true, "brother": true, "spouse": true, "partner": true,
		"guardian": true, "caregiver": true, "poa": true, "grandmother": true, "grandfather": true, "aunt": true,
		"uncle": true, "niece": true, "nephew": true, "friend": true, "neighbor": true, "self": true, "patient": true,
		"stepson": true, "stepdaughter": true, "grandson": true, "granddaughter": true, "fiance": true,
		"fiancee": true, "emergency": true, "contact": true, "legal": true}
)

// normID returns the letters and digits of id in lower case, in the arena.
func (k *knownIndex) normID(id string) string {
	var b [64]byte
	n := b[:0]
	for i := 0; i < len(id); i++ {
		if id[i] >= utf8.RuneSelf {
			// strings.ToLower may turn a non-ASCII letter into an ASCII
			// one (the Kelvin sign is "k").
			for _, r := range strings.ToLower(id) {
				if r < utf8.RuneSelf && isAlnumByte(byte(r)) {
					n = append(n, byte(r))
				}
			}
			return k.str(n...)
		}
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; isAlnumByte(c) {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			n = append(n, c)
		}
	}
	return k.str(n...)
}

// foldName returns the lower-case name part w in ASCII letters with its
// diacritics removed ("nguyễn" is "nguyen", "garcía" is "garcia"), in the
// arena; "" if w is ASCII already or has a letter with no ASCII base.
func (k *knownIndex) foldName(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		ascii = ascii && w[i] < utf8.RuneSelf
	}
	if ascii {
		return ""
	}
	var b [64]byte
	f := b[:0]
	for _, r := range norm.NFD.String(w) {
		switch {
		case r < utf8.RuneSelf:
			f = append(f, byte(r))
		case unicode.Is(unicode.Mn, r):
		case latinFold[r] != 0:
			f = append(f, latinFold[r])
		default:
			return ""
		}
	}
	return k.str(f...)
}

// idValue returns the part of a supplied identifier after a label: from
// the first word that holds a digit, where a word before it holds letters
// ("MRN: 4471923", "Member ID #XQ-88 1234", not "AB556677" or
// "4471923").
func idValue(id string) (string, bool) {
	label, letters, word := false, false, 0
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= '0' && c <= '9':
			if !label {
				return "", false
			}
			return id[word:], true
		case c == ' ' || c == '\t' || c == ':' || c == '#':
			label = label || letters
			letters, word = false, i+1
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters = true
		case c >= utf8.RuneSelf:
			return "", false
		}
	}
	return "", false
}

// labelIDType reads the type of a supplied identifier from its label
// ("MRN 4471923", "Member ID: W2288", "cell 555-0142"); ok is false for
// an identifier with no label or a label that names no type.
func labelIDType(raw string) (Type, bool) {
	if _, ok := idValue(raw); !ok {
		return "", false
	}
	l := strings.ToLower(raw)
	for _, c := range []struct {
		words []string
		t     Type
	}{
		{[]string{"mrn", "medical record", "chart"}, MRN},
		{[]string{"ssn", "social"}, SSN},
		{[]string{"fax"}, Fax},
		{[]string{"phone", "cell", "mobile", "tel", "home", "work"}, Phone},
		{[]string{"member", "policy", "medicaid", "medicare", "mbi", "insurance", "plan", "subscriber"}, HealthPlan},
		{[]string{"account", "acct"}, Account},
		{[]string{"license", "licence", "dl "}, License},
	} {
		for _, w := range c.words {
			if strings.Contains(l, w) {
				return c.t, true
			}
		}
	}
	return "", false
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

// knownPass marks metadata names (exact, possessive, misspelled, initials,
// spelled out) and metadata identifiers.
func (s *scan) knownPass() {
	k := s.kn()
	if len(k.parts) > 0 {
		s.knownNames()
		if len(k.ends) > 0 {
			s.knownSandwich()
		}
		s.dottedInitials()
		s.spelledKnown()
		if len(k.particles) > 0 || len(k.prefixed) > 0 {
			s.knownParticles()
		}
		if len(k.given) > 0 {
			s.givenInitials()
		}
	}
	if len(k.ids) > 0 {
		s.knownIDs()
	}
	if k.dobOK && s.web.lex&(lxMonth|lxMonthAbbr) != 0 { // the month is named
		s.knownBirthDateWords()
	}
}

// knownParticle is a one-letter part of a supplied name (letter, in lower
// case without its accent) and the part after it (next, lower case).
type knownParticle struct {
	letter byte
	next   string
}

// knownPrefixed is a surname's short first part (prefix, lower case) and
// the part after it (next).
type knownPrefixed struct{ prefix, next string }

// surnamePrefixes open surnames of two parts: "Al-Rashidi", "El-Amin",
// "Abu-Bakr", "Bin Laden", "De La Cruz", "Van Dyke".
var surnamePrefixes = map[string]bool{"al": true, "el": true, "ul": true, "abu": true, "bin": true, "ibn": true,
	"ben": true, "bou": true, "abd": true, "de": true, "da": true, "di": true, "du": true, "del": true, "la": true,
	"le": true, "van": true, "von": true}

// soundsLikePrefix: w is prefix written as it sounds: its last letter
// doubled ("all", "dell", "vonn") or its vowel changed ("el" for "al").
func soundsLikePrefix(w, prefix string) bool {
	if len(w) == len(prefix)+1 && w[:len(prefix)] == prefix && w[len(w)-1] == w[len(w)-2] {
		return true
	}
	if len(w) != len(prefix) {
		return false
	}
	diff := 0
	for i := range len(w) {
		if w[i] != prefix[i] {
			diff++
			if !strings.ContainsRune("aeiou", rune(w[i])) || !strings.ContainsRune("aeiou", rune(prefix[i])) {
				return false
			}
		}
	}
	return diff == 1
}

// knownParticles finds the short first part of a supplied name where it is
// said before the part after it, which the matchers found: a one-letter
// part ("Colm Ó Faoláin": "i'm dr o faolain"), also alone after a title,
// ending the clause ("most people just say dr o."); and a surname's short
// prefix that speech recognition wrote as it sounds ("mister all rashidi"
// for Al-Rashidi, "el" for "al", "dell" for "del": the prefix with its
// last letter doubled or a vowel changed).
func (s *scan) knownParticles() {
	k := s.kn()
	for c, n := 0, len(s.cands); c < n; c++ {
		cd := &s.cands[c]
		if cd.t != Name {
			continue
		}
		st, en := s.candTokens(cd)
		if st < 1 || en < 0 {
			continue
		}
		p := s.sameLinePrev(st)
		if p < 0 || s.toks[st].gap != gapSpace || !s.toks[p].letters() || s.toks[p].n() > 4 {
			continue
		}
		lw := s.lower(st)
		if c0, ok := s.particleLetter(k, p); ok {
			for _, pt := range k.particles {
				if pt.letter == c0 && pt.next == lw {
					s.addName(p, en, cd.cls)
					break
				}
			}
			continue
		}
		w := s.lower(p)
		for _, pf := range k.prefixed {
			if pf.next == lw && w != pf.prefix && soundsLikePrefix(w, pf.prefix) {
				s.addName(p, en, cd.cls)
				break
			}
		}
	}
	for i := 1; i < len(s.toks); i++ {
		t := &s.toks[i]
		c0, ok := s.particleLetter(k, i)
		if !ok || t.gap != gapSpace || !s.toks[i-1].is(lxTitle|lxTitleClin) || !s.clauseEndAfter(i) {
			continue
		}
		for _, pt := range k.particles {
			if pt.letter == c0 {
				s.addName(i, i, k.parts[pt.next].cls)
				break
			}
		}
	}
}

// particleLetter: token i is one letter, as a particle or an initial is
// written ("o", "ó" in "dr ó briain"), and the ASCII letter it folds to.
func (s *scan) particleLetter(k *knownIndex, i int) (byte, bool) {
	if !s.oneLetterWord(i) {
		return 0, false
	}
	if s.toks[i].n() == 1 {
		return s.low[s.toks[i].s], true
	}
	if f := k.foldName(s.lower(i)); len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
		return f[0], true
	}
	return 0, false
}

// personAfterInitials: after token end the clause ends, or a name's
// suffix or a person's verb follows.
func (s *scan) personAfterInitials(end int) bool {
	if s.clauseEndAfter(end) {
		n := s.next(end)
		return n < 0 || !s.toks[n].punct(',') || s.toks[n].gap == gapLine || s.clauseEndAfter(n) // "c o, what do you call it" is a thing
	}
	w := s.nextWordAt(end)
	return nameSuffixWords[w] || personVerbs[w] || personVerbNext[w] || s.isKnown(s.next(end)) // "my father's c o pettaway signs"
}

// nameSuffixWords follow a person's name or initials: "c o junior".
var nameSuffixWords = wordsOf("junior jr senior sr the iii ii")

// initialOfKnown: c is the first letter of a supplied name part other than
// w.
func (s *scan) initialOfKnown(c byte, w string) bool {
	for _, k := range s.kn().words {
		if k != w && len(k) > 1 && k[0] == c {
			return true
		}
	}
	return false
}

// givenInitials finds the initials of a supplied person's given names
// said as their short name, in lower case with spaces or dots ("everybody
// calls me j r", "ok j.r. let me check"): two or three single letters, no
// more, that spell the initials.
func (s *scan) givenInitials() {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tkWord || t.n() != 1 || !t.letters() || t.upper() || i > 0 && t.gap == gapNone {
			continue // "that's a": the "s" belongs to the word before
		}
		if p := s.sameLinePrev(i); p >= 0 && (s.toks[p].letters() && s.toks[p].n() == 1 && s.toks[p].gap != gapNone ||
			s.toks[p].punct('.') && p > 0 && s.toks[p-1].n() == 1 && s.toks[p-1].letters()) {
			continue // inside a run that started earlier ("my dad's c o": the "s" ends a word)
		}
		var b [4]byte
		w := b[:0]
		end := i
		for j := i; j >= 0 && j < len(s.toks) && len(w) < 4; {
			tj := &s.toks[j]
			if !tj.letters() || tj.n() != 1 || tj.upper() {
				break
			}
			w = append(w, s.low[tj.s])
			end = j
			n := s.next(j)
			if n > 0 && s.toks[n].punct('.') && s.toks[n].gap == gapNone {
				end = n
				n = s.next(n)
			}
			if n < 0 || s.toks[n].gap == gapLine {
				break
			}
			j = n
		}
		if len(w) < 2 || len(w) > 3 {
			continue
		}
		// After a possessive ("my dad's c o junior") the letters are the
		// person only where a suffix, a verb or the clause's end follows:
		// "my dad's c o two was high", "c o level" are carbon monoxide.
		if p := s.sameLinePrev(i); p >= 1 && s.eq(p, "s") && s.toks[p].gap == gapNone && s.toks[p-1].punct('\'') && !s.personAfterInitials(end) {
			continue
		}
		for _, g := range s.kn().given {
			if g == string(w) {
				s.add(int(t.s), int(s.toks[end].e), Name, prCue)
				break
			}
		}
	}
}

// knownBirthDateWords finds the supplied birth date said with its month
// named, in either order and with the year in any form: "september
// fourteenth sixty eight", "sept 14 68", "the fourteenth of september,
// nineteen sixty eight", "fourteen september 1968". The month is taken in
// lower case even where it could be a word ("may"), because the day beside
// it is this person's birth day.
func (s *scan) knownBirthDateWords() {
	k := s.kn()
	for i := range s.toks {
		t := &s.toks[i]
		if !t.letters() || t.n() < 3 || !t.is(lxMonth|lxMonthAbbr) || !strings.HasPrefix(monthNames[k.dobM-1], s.lower(i)) {
			continue
		}
		st, en := i, -1
		j := s.next(i)
		if j > 0 && s.toks[j].punct('.') {
			j = s.next(j)
		}
		if j > 0 && s.eq(j, "the") {
			j = s.next(j)
		}
		if d, e := s.dobDay(j); d == k.dobD {
			en = e
		} else {
			p := s.sameLinePrev(i)
			if p >= 0 && s.eq(p, "of") {
				p = s.sameLinePrev(p)
			}
			for q := max(0, p-2); p >= 0 && q <= p; q++ {
				if d, e := s.dobDay(q); d == k.dobD && e == p {
					st, en = q, i
					break
				}
			}
		}
		if en < 0 {
			continue
		}
		y := s.next(en)
		for y > 0 && (s.toks[y].punct(',') || s.eq(y, "of") || s.eq(y, "in")) {
			y = s.next(y)
		}
		if yv, ye := s.dobYear(y); ye > 0 && (yv == k.dobY || yv == k.dobY%100) {
			en = ye
		}
		s.add(int(s.toks[st].s), int(s.toks[en].e), Date, prCue)
	}
}

// dobDay reads a day of month at token i in any form: "14", "14th",
// "fourteenth", "fourteen", "twenty one", "five".
func (s *scan) dobDay(i int) (int, int) {
	if i < 0 || i >= len(s.toks) {
		return 0, -1
	}
	if d, e, _, _ := s.dayOf(i); e >= 0 {
		return d, e
	}
	if v, e := s.twoDigitWords(i); e >= 0 && v >= 1 && v <= 31 {
		return v, e
	}
	if s.toks[i].letters() {
		if u, ok := unitWords[s.lower(i)]; ok && u > 0 && !s.eq(i, "oh") {
			return u, i
		}
	}
	return 0, -1
}

// dobYear reads a year in four or two digits, spoken or written: "1968",
// "68", "'68", "nineteen sixty eight", "sixty eight".
func (s *scan) dobYear(i int) (int, int) {
	if i < 0 || i >= len(s.toks) {
		return 0, -1
	}
	if y, e, _, _ := s.yearOf(i); e >= 0 {
		if y > 100 && y < 1800 {
			return 0, -1
		}
		return y, e
	}
	if t := &s.toks[i]; t.digits() && t.n() == 2 {
		v, _ := s.num(i)
		return v, i
	}
	if s.eq(i, "oh") || s.eq(i, "double") {
		if n := s.next(i); n > 0 && (s.eq(n, "oh") || s.eq(n, "zero")) {
			return 0, n // "oh oh", "double oh": 2000
		}
	}
	return s.spokenTwoDigitYear(i)
}

// knownNames marks the words of known names. The tier of the known part at
// each token is computed first, so that context rules can ask whether a
// neighbour is another part of the name.
func (s *scan) knownNames() {
	k := s.kn()
	kt := slices.Grow(s.ktier[:0], len(s.toks))[:len(s.toks)]
	kidx := slices.Grow(s.kidx[:0], len(s.toks))[:len(s.toks)]
	kp := s.kpart[:0]
	for i := range s.toks {
		var tier uint8
		part := int32(-1)
		// knownWord's first test, inline: most words fail it.
		if t := &s.toks[i]; t.letters() && (t.shape&shNonASCII != 0 || k.lenByFirst[s.low[t.s]]&(1<<min(t.n(), 63)) != 0) {
			if p, ok := s.knownWord(i); ok {
				tier = p.tier
				part = int32(len(kp))
				kp = append(kp, p)
			}
		}
		kt[i], kidx[i] = tier, part
	}
	s.kidx = kidx
	s.ktier, s.kpart = kt, kp
	s.heard = s.heard[:0]
	defer s.heardAgain()

	for i := range s.toks {
		t := &s.toks[i]
		if !t.letters() {
			continue
		}
		// A hyphenated or apostrophe name, or parts run together, as a
		// whole and misspelled: "hil-price", "smithjones", "o'nel".
		// A single word (no hyphen or apostrophe after) is compared with
		// the joined forms only, and only if listed on no list: its
		// length must be one of theirs give or take one (joinLens).
		if k.maxJoin > 0 && (t.n() >= k.minJoin-1 && t.lex == 0 && (t.shape&shNonASCII != 0 || k.joinLens&(1<<min(t.n(), 63)) != 0) ||
			i+1 < len(s.toks) && s.toks[i+1].gap == gapNone && (s.toks[i+1].punct('-') || s.toks[i+1].punct('\''))) {
			s.knownJoined(i)
		}
		if kt[i] != 0 {
			p := kp[s.kidx[i]]
			// "two rivers" for two people named River, though "rivers" is
			// also a supplied part.
			if (t.upper() || p.tier == kpPlain || s.knownInContext(i, p) || t.n() > 3 && s.low[t.e-1] == 's' && s.sharedCounted(i)) && !s.sighedPrayer(i) {
				s.knownAt(i, p.cls)
				s.stutterBefore(i)
			}
			continue
		}
		// A surname's initial after a title ("doctor o", "thanks dr o") or
		// after a first name closing a clause ("hope r.").
		// A given name's initial after a title too: "call me dr b".
		if t.n() == 1 && !t.upper() && (s.surnameInitial(s.low[t.s]) || s.givenInitial(s.low[t.s]) && s.titleBefore(i)) && (s.titleBefore(i) ||
			s.toks[i].gap == gapSpace && s.isKnown(i-1) && s.toks[i-1].letters() && (s.clauseEndAfter(i) || i+1 < len(s.toks) && s.toks[i+1].punct('.'))) {
			s.add(int(t.s), int(t.e), Name, prCue)
			continue
		}
		// "Whitcombes" (plural family name); "the hills are", "the
		// kings' place" for a name that is also a word.
		// "two roses", "both pats": the plural of a given name two supplied
		// people share, counted.
		if t.n() > 3 && s.low[t.e-1] == 's' && (t.upper() || t.lex == 0 || s.pluralFamilyAt(i) || s.sharedCounted(i)) {
			if p, ok := k.parts[s.low[t.s:t.e-1]]; ok && (p.tier == kpPlain || s.pluralFamilyAt(i) || s.sharedCounted(i)) {
				s.knownAt(i, p.cls)
				continue
			}
		}
		// Misspellings: "Whitcomb", "harlod". In lower case only words on
		// no list, so that a real word one letter away stays.
		// A lower-case word that is only a name ("rivera" for "rivers") is
		// a name either way, so a misspelling landing on it is taken too.
		nameOnly := t.lex&^(lxFirst|lxSur|lxFirstAmb|lxSurAmb|lxFakeFirst|lxFakeLast) == 0 && t.lex != 0 && t.gaz&gzWord == 0
		if len(k.fuzzy) > 0 && t.n() >= 4 && (t.upper() && t.lex&(lxCommon|lxMedical|lxMonth|lxUnitWord|lxTitle|lxTitleClin|lxState|lxCity) == 0 ||
			!t.upper() && (t.lex == 0 || nameOnly) && !s.articleBeforeWord(i)) {
			w := s.lowerAny(i)
			for _, p := range k.fuzzy {
				// A name that is also a word is matched misspelled only
				// where the misspelling is no word itself.
				if p.tier != kpPlain && t.lex != 0 && !(nameOnly && len(p.word) >= 6) || t.lex != 0 && len(p.word) < 6 {
					continue
				}
				if d := len(w) - len(p.word); d >= -1 && d <= 1 && within1(w, p.word) {
					s.knownAt(i, p.cls)
					break
				}
			}
		}
		// A supplied name begun and said again: "mr mwa- sorry mwangi",
		// "is it wierz, wierzbicki".
		if !t.upper() && t.n() >= 3 && (t.lex == 0 || nameOnly) && t.gaz&gzWord == 0 && s.falseStart(i) {
			continue
		}
		// A supplied name said syllable by syllable: "see oh ban".
		if !t.upper() && t.n() <= 5 && len(k.words) > 0 && s.soundsKnownRun(i) {
			continue
		}
		// A supplied name written as it sounds: "jon" for John,
		// "kathryn" for Catherine (soundsknown.go).
		if len(k.words) > 0 && t.n() >= 3 && (nameOnly || t.lex == 0) && s.soundsKnown(i, nameOnly) {
			continue
		}
		// A supplied name split by the transcriber: "vander meer", "van
		// der meer", "mc donald" for Vandermeer, McDonald.
		if !t.upper() && t.n() <= 8 && s.knownSplitAt(i) {
			continue
		}
		// A surname one letter off after a title, even where the
		// misspelling is a word: "mrs river" for Rivers.
		if !t.upper() && t.n() >= 4 && s.titleBefore(i) && s.knownNearAfterTitle(i) {
			continue
		}
		// A short part misspelled where the context names a person: "hey
		// there daun", "mrs. hal".
		if !t.upper() && t.n() >= 3 && t.n() <= 5 && t.lex == 0 && t.gaz == 0 && s.shortMisspelt(i) {
			continue
		}
		// Initials run together: "HJW", and "hjw" in a lower-case transcript.
		if (t.allUpper() || !t.upper()) && t.n() >= 3 && t.n() <= 4 && t.lex == 0 {
			w := s.lower(i)
			for _, ini := range k.initials {
				if ini == w {
					s.add(int(t.s), int(t.e), Name, prCue)
					break
				}
			}
		}
	}
}

// falseStart adds token i as a known name when it begins a supplied part
// of two letters more and the same line goes on, within three words
// ("sorry", "i mean", a comma between), with a longer word that begins
// the same way: the name said again, rightly or misspelt ("ms venkat,
// venkatraman"). Token i is no English word (the caller's test), so "hard,
// hardwick" stays.
func (s *scan) falseStart(i int) bool {
	w := s.lower(i)
	if s.kn().lenByFirst[w[0]] == 0 {
		return false // no supplied part starts with its letter
	}
	var part knownPart
	found := false
	for _, kw := range s.kn().words {
		if len(kw) >= len(w)+2 && kw[:len(w)] == w {
			part, found = s.kn().parts[kw], true
			break
		}
	}
	if !found {
		return false
	}
	for k, words := s.next(i), 0; k >= 0 && words < 3; k = s.next(k) {
		t := &s.toks[k]
		if !t.letters() {
			continue
		}
		if lw := s.lower(k); len(lw) > len(w) && lw[:len(w)] == w {
			s.knownAt(i, part.cls)
			return true
		}
		words++
	}
	return false
}

// surnameInitial reports c as the initial of the last part of a supplied
// name.
func (s *scan) surnameInitial(c byte) bool {
	for _, ini := range s.kn().initials {
		if len(ini) > 1 && ini[len(ini)-1] == c {
			return true
		}
	}
	return false
}

// givenInitial reports c as the first letter of a supplied name.
func (s *scan) givenInitial(c byte) bool {
	for _, ini := range s.kn().initials {
		if len(ini) > 1 && ini[0] == c {
			return true
		}
	}
	return false
}

// pluralFamilyAt: "the hills are moving", "the kings' place", "the
// riverses": a plural after "the" and before a verb or an apostrophe.
func (s *scan) pluralFamilyAt(i int) bool {
	if s.prevWordAt(i, 1) != "the" {
		return false
	}
	n := i + 1
	if n < len(s.toks) && s.toks[n].punct('\'') && s.toks[n].gap == gapNone {
		return true
	}
	switch s.nextWordAt(i) {
	case "are", "were", "have", "had", "live", "lived", "came", "come", "moved", "said", "called", "want", "wanted", "both", "next":
		return true
	}
	return false
}

// shortMisspelt adds token i as a known name when it is one letter from a
// known part of four letters, where a title, greeting, relation or
// introduction before it names a person.
func (s *scan) shortMisspelt(i int) bool {
	w := s.lower(i)
	for _, kw := range s.kn().words {
		if len(kw) != 4 || len(w)-len(kw) < -1 || len(w)-len(kw) > 1 || !within1(w, kw) {
			continue
		}
		p := s.kn().parts[kw]
		if s.titleBefore(i) || s.greetingBefore(i, p) || s.relationBefore(i) || s.introBefore(i) {
			s.knownAt(i, p.cls)
			return true
		}
	}
	return false
}

// knownJoined matches the run of letters joined by hyphens or apostrophes
// that starts at token i (or the single token i) against the known names
// with their parts run together ("hillprice", "oneil"), allowing one
// misspelt letter in five or more.
func (s *scan) knownJoined(i int) {
	if i > 0 && s.toks[i].gap == gapNone && (s.toks[i-1].punct('-') || s.toks[i-1].punct('\'')) {
		return // inside a run that started earlier
	}
	end := i
	var b [64]byte
	w := append(b[:0], s.lowerAny(i)...)
	for len(w) < 48 {
		k := end + 1
		for k < len(s.toks) && k <= end+2 && s.toks[k].gap == gapNone && (s.toks[k].punct('-') || s.toks[k].punct('\'')) {
			k++ // "hill--price"
		}
		if k == end+1 || k >= len(s.toks) || s.toks[k].gap != gapNone || !s.toks[k].letters() {
			break
		}
		// An apostrophe joins "o'neil", not a possessive or a contraction.
		if s.toks[k-1].punct('\'') && s.toks[end].n() > 1 && s.toks[k].n() < 3 {
			break
		}
		end = k
		w = append(w, s.lowerAny(end)...)
	}
	if end == i && s.toks[i].lex != 0 {
		return
	}
	if end == i && len(w) < 4 {
		return
	}
	near := func(a []byte, b string) bool {
		if len(a)-len(b) < -1 || len(a)-len(b) > 1 {
			return false
		}
		return string(a) == b || len(b) >= 5 && within1(unsafe.String(unsafe.SliceData(a), len(a)), b) // within1 keeps no string
	}
	for _, j := range s.kn().joined {
		if near(w, j) {
			s.addName(i, end, s.kn().parts[lastPartOf(j, s.kn().parts)].cls|clsExplicit)
			return
		}
	}
	if end > i {
		for _, p := range s.kn().fuzzy {
			if near(w, p.word) {
				s.addName(i, end, p.cls)
				return
			}
		}
	}
}

// lastPartOf returns the known part that ends the joined form j.
func lastPartOf(j string, parts map[string]knownPart) string {
	best := ""
	for w := range parts {
		if len(w) > len(best) && strings.HasSuffix(j, w) {
			best = w
		}
	}
	return best
}

// knownSandwich finds a supplied name said whole with a middle name,
// initial or hesitation between its first and last parts, in any case
// ("it's dawn marie rivers", "dawn m. rivers", "it's dawn uh rivers"): both ends name the
// person in order, so the run is the name though the parts are also words
// and the middle is on no list of names. The middle is one or two words
// that could be names (on a name list, on no list at all, or an initial),
// on the line, with spaces between.
func (s *scan) knownSandwich() {
	k := s.kn()
	for i := range s.toks {
		if !s.isKnown(i) || !s.toks[i].letters() {
			continue
		}
		w := s.lower(i)
		for _, e := range k.ends {
			if e.first != w {
				continue
			}
			j, mids := i, 0
			for mids < 2 {
				m := s.next(j)
				if m < 0 || s.toks[m].gap != gapSpace || !s.toks[m].letters() {
					break
				}
				if mids > 0 && s.lower(m) == e.last {
					s.addName(i, m, e.cls)
					break
				}
				if !s.middleNameLike(m) {
					break
				}
				mids++
				j = m
				// "m. rivers": the initial's period.
				if s.toks[m].n() == 1 && m+1 < len(s.toks) && s.toks[m+1].punct('.') && s.toks[m+1].gap == gapNone {
					j = m + 1
				}
			}
			if mids == 2 {
				if m := s.next(j); m >= 0 && s.toks[m].gap == gapSpace && s.toks[m].letters() && s.lower(m) == e.last {
					s.addName(i, m, e.cls)
				}
			}
		}
	}
}

// middleNameLike: token m could be a middle name: an initial, a word on
// a list of names (whatever else it is: "may", "marie"), or a word on no
// list at all.
func (s *scan) middleNameLike(m int) bool {
	t := &s.toks[m]
	return t.n() == 1 || t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb|lxEponymName) != 0 || t.gaz&(gzFirst|gzSur) != 0 ||
		t.lex == 0 && t.gaz == 0 || hesitations[s.lower(m)]
}

// hesitations are said inside a name as anywhere else ("it's dawn uh
// rivers").
var hesitations = map[string]bool{"uh": true, "um": true, "er": true, "erm": true, "uhm": true, "umm": true, "uhh": true}

// knownAt adds the known name part at token i. A capitalized part grows
// over the capitalized words around it (nameChain); a lower-case one over
// an "o'" or "d'" before it and a hyphenated part after it ("o'neil",
// "al-rashid", "sung-min").
func (s *scan) knownAt(i int, cls NameClass) {
	if s.toks[i].upper() {
		s.nameChain(i, cls, true)
		return
	}
	st, en := i, i
	if i >= 2 && s.toks[i].gap == gapNone && s.toks[i-1].punct('\'') && s.toks[i-1].gap == gapNone && s.toks[i-2].letters() &&
		s.toks[i-2].n() == 1 {
		st = i - 2
	}
	// "a. rivers", "h. o'neil": an initial before it.
	if st >= 2 && s.toks[st].gap == gapSpace && s.toks[st-1].punct('.') && s.toks[st-1].gap == gapNone &&
		s.toks[st-2].letters() && s.toks[st-2].n() == 1 && !s.toks[st-2].upper() {
		st -= 2
	}
	// "al-rashid": a short particle or another part before the hyphen.
	if st == i && i >= 2 && s.toks[i].gap == gapNone && s.toks[i-1].punct('-') && s.toks[i-1].gap == gapNone && s.toks[i-2].letters() &&
		!s.toks[i-2].upper() && (s.isKnown(i-2) || s.toks[i-2].n() <= 3 && s.toks[i-2].lex&(lxCommon|lxMedical) == 0 || s.toks[i-2].is(lxParticle)) {
		st = i - 2
	}
	for en+2 < len(s.toks) && s.toks[en+1].punct('-') && s.toks[en+1].gap == gapNone && s.toks[en+2].gap == gapNone &&
		s.toks[en+2].letters() && (s.isKnown(en+2) || s.lowerGivenPart(en+2)) {
		en += 2
	}
	s.addName(st, en, cls)
	// A supplied name part the context made a name outranks a town or a
	// hospital spelled the same ("your first name" / "hope" was typed a
	// place, Hope being a town): the surrogate must be a name.
	s.cands[len(s.cands)-1].prio = prCue
}

func (s *scan) knownWord(i int) (knownPart, bool) {
	t := &s.toks[i]
	if t.shape&shNonASCII == 0 && s.kn().lenByFirst[s.low[t.s]]&(1<<min(t.n(), 63)) == 0 {
		return knownPart{}, false
	}
	if t.shape&shNonASCII != 0 {
		lw := s.toLower(s.str(i))
		p, ok := s.kn().parts[lw]
		if !ok {
			var fb [64]byte
			if f, ok2 := foldLatin(fb[:0], lw); ok2 {
				p, ok = s.kn().parts[string(f)]
			}
		}
		return p, ok
	}
	p, ok := s.kn().parts[s.lower(i)]
	return p, ok
}

// knownTier classifies a known name part by its lexicon flags.
func knownTier(w string, f uint64) uint8 {
	switch {
	case len(w) <= 2 || f&(lxCommon|lxMedical|lxMonth|lxMonthAbbr|lxWeekday|lxUnitWord|lxDigitWord|lxTeenWord|lxTensWord|
		lxOrdWord|lxTitle|lxTitleClin|lxRelation|lxState|lxStateAbbr|lxCountry|lxCredential|lxStreetSuffix|lxUnit|lxCodeStop) != 0:
		return kpCommon
	case f&(lxFirstAmb|lxSurAmb|lxCityAmb|lxLookalike|lxEponymHead|lxWord) != 0:
		return kpWord
	}
	// An English word on no list of names ("honor" as a given name): the
	// name unless the word before makes it the word ("it's an honor").
	// A listed name stays the name ("hazel", "mickey").
	if _, eng := englishWords()[w]; eng && f&(lxFirst|lxSur) == 0 {
		return kpWord
	}
	return kpPlain
}

// spelledKnown finds a known name spelled out letter by letter in any case
// and with any separators: "d-a-w-n", "h u n t e r", "W. O. O. D.", "w
// double o d".
func (s *scan) spelledKnown() {
	b := s.spellB[:0]
	at := s.spellAt[:0] // token of each letter in b
	defer func() { s.spellB, s.spellAt = b[:0], at[:0] }()
	flush := func() {
		if len(b) >= 2 && len(b) < 3 {
			str := string(b)
			// A supplied part of two letters spelled after its label:
			// "last name v o".
			if q := s.sameLinePrev(int(at[0])); q >= 0 && (s.eq(q, "name") || s.eq(q, "spelled")) {
				for _, w := range s.kn().words {
					if w == str {
						s.add(int(s.toks[at[0]].s), int(s.toks[at[1]].e), Name, prCue)
					}
				}
			}
			if s.initialsCue(int(at[0]), int(at[len(at)-1])) {
				for _, ini := range s.kn().initials {
					if ini == str {
						s.add(int(s.toks[at[0]].s), int(s.toks[at[len(at)-1]].e), Name, prCue)
					}
				}
			}
		}
		if len(b) >= 3 {
			str := string(b)
			match := func(w string) {
				if len(w) < 3 || len(w) > len(b) {
					return
				}
				for from := 0; ; {
					p := strings.Index(str[from:], w)
					if p < 0 {
						break
					}
					p += from
					st := p
					// "g, p, u, g, h": an initial spelled before the part,
					// as an email's handle is spelled out, when it opens the
					// run and another supplied part starts with it.
					if p == 1 && s.toks[at[0]].gap != gapNone && s.initialOfKnown(str[0], w) {
						st = 0
					}
					s.add(int(s.toks[at[st]].s), int(s.toks[at[p+len(w)-1]].e), Name, prCue)
					from = p + len(w)
				}
			}
			for _, w := range s.kn().words {
				match(w)
			}
			for _, w := range s.kn().joined {
				match(w)
			}
			// Initials read out: "the initials say d. y.", "a r for the
			// initials".
			if len(b) <= 4 && s.initialsCue(int(at[0]), int(at[len(at)-1])) {
				for _, ini := range s.kn().initials {
					if ini == str {
						s.add(int(s.toks[at[0]].s), int(s.toks[at[len(at)-1]].e), Name, prCue)
					}
				}
			}
		}
		b, at = b[:0], at[:0]
	}
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		switch {
		case t.letters() && t.n() == 1 && t.shape&shNonASCII == 0:
			if len(b) > 0 && t.gap == gapLine {
				flush()
			}
			b = append(b, s.low[t.s])
			at = append(at, int32(i))
			continue
		case len(b) > 0 && t.gap != gapLine && t.kind == tkPunct && (t.ch == '-' || t.ch == '.' || t.ch == ','):
			continue
		case len(b) > 0 && t.gap != gapLine && (s.eq(i, "double") || s.eq(i, "triple")) && i+1 < len(s.toks) &&
			s.toks[i+1].letters() && s.toks[i+1].n() == 1 && s.toks[i+1].gap == gapSpace:
			c := s.low[s.toks[i+1].s]
			n := 2
			if s.eq(i, "triple") {
				n = 3
			}
			for range n {
				b = append(b, c)
				at = append(at, int32(i+1))
			}
			i++
			continue
		}
		if len(b) > 0 {
			flush()
		}
	}
	flush()
}

// dottedInitials finds "H.J.W." and "H. J. W." that spell a known name.
func (s *scan) dottedInitials() {
	for i := 0; i < len(s.toks); i++ {
		if t := &s.toks[i]; t.kind != tkWord || t.e-t.s != 1 || t.shape&shUpper == 0 || !s.isInitial(i) {
			continue // isInitial's first test, inline
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
			for _, ini := range s.kn().initials {
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
	// "hepatitis A.", "vitamin D.", "type B.": a letter naming a kind
	// after its word, in any case ("Hepatitis A. Malarone for malaria" on a
	// Title Case line), ending a sentence.
	if i > 0 && t.gap == gapSpace && s.toks[i-1].letters() && (!s.toks[i-1].upper() || !s.toks[i-1].allUpper()) && letterKinds[s.lower(i-1)] {
		return false
	}
	return !s.dottedCredential(i)
}

// letterKinds are the words a letter follows when it names a kind, a
// type or a part, not a person ("hepatitis A", "group B", "plan D").
var letterKinds = map[string]bool{"hepatitis": true, "vitamin": true, "type": true, "group": true, "category": true,
	"class": true, "factor": true, "grade": true, "stage": true, "zone": true, "phase": true, "plan": true, "part": true,
	"schedule": true, "lead": true, "appendix": true, "section": true, "table": true, "figure": true, "option": true,
	"influenza": true, "strep": true, "streptococcus": true, "protein": true, "cluster": true, "pattern": true}

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

// knownIDs finds metadata identifiers (and the birth date read out as
// digits) however they are written or spoken: the text is turned into a
// stream of units, each the letters or digits of one token, with number
// words read as digits ("four seven one", "oh", "double five", "forty
// seven", "two thousand") and spoken separators ("dash", "slash") dropped;
// each identifier is searched in the stream, aligned to units, with at most
// a few tokens of punctuation or filler between consecutive units.
func (s *scan) knownIDs() {
	stream := s.buf[:0]
	ch := s.idch[:0] // per byte of stream: the unit it belongs to
	units := s.idunits[:0]
	addUnit := func(st, en int, digits []byte) {
		units = append(units, idUnit{st: int32(st), en: int32(en), off: int32(len(stream))})
		for k := 0; k < len(digits); k++ {
			stream = append(stream, digits[k])
			ch = append(ch, int32(len(units)-1))
		}
	}
	// Only words whose characters all occur in some identifier go into the
	// stream; the others become one separator byte, which no identifier
	// holds.
	var alpha [256]bool
	for _, id := range s.kn().ids {
		for k := 0; k < len(id.norm); k++ {
			alpha[id.norm[k]] = true
		}
	}
	addText := func(i int) {
		t := &s.toks[i]
		if !alpha[s.low[t.s]] {
			if len(stream) > 0 && stream[len(stream)-1] != 0 {
				stream = append(stream, 0)
				ch = append(ch, int32(len(units)))
				units = append(units, idUnit{st: int32(i), en: int32(i), off: int32(len(stream) - 1)})
			}
			return
		}
		for k := t.s; k < t.e; k++ {
			if !alpha[s.low[k]] {
				if len(stream) > 0 && stream[len(stream)-1] != 0 {
					stream = append(stream, 0)
					ch = append(ch, int32(len(units)))
					units = append(units, idUnit{st: int32(i), en: int32(i), off: int32(len(stream) - 1)})
				}
				return
			}
		}
		units = append(units, idUnit{st: int32(i), en: int32(i), off: int32(len(stream))})
		stream = append(stream, s.low[t.s:t.e]...)
		for range t.e - t.s {
			ch = append(ch, int32(len(units)-1))
		}
	}
	var nb [8]byte
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.word() || t.shape&shNonASCII != 0 {
			continue
		}
		if t.letters() && (t.lex&(lxDigitWord|lxTeenWord|lxTensWord) != 0 || t.n() >= 3 && t.n() <= 8 && spokenIDWord(s.lower(i)) ||
			t.n() == 1 && s.low[t.s] == 'o') {
			w := s.lower(i)
			switch {
			case spokenSeparator(w):
				continue
			case w == "double" || w == "triple":
				if n := s.next(i); n > 0 {
					if d, ok := digitWord(s.lower(n)); ok {
						c := byte('0' + d)
						nb := append(nb[:0], c, c)
						if w == "triple" {
							nb = append(nb, c)
						}
						addUnit(i, n, nb)
						i = n
						continue
					}
				}
			}
			if d, ok := digitWord(w); ok {
				addUnit(i, i, append(nb[:0], byte('0'+d)))
				continue
			}
			if v := teenWords[w]; v > 0 {
				addUnit(i, i, strconvItoa(nb[:0], v))
				continue
			}
			if v := tensWords[w]; v > 0 {
				en := i
				n := s.next(i)
				if n > 0 && s.toks[n].punct('-') && s.toks[n].gap == gapNone {
					n = s.adj(n)
				}
				if n > 0 && unitWords[s.lower(n)] > 0 {
					v += unitWords[s.lower(n)]
					en = n
				}
				addUnit(i, en, strconvItoa(nb[:0], v))
				i = en
				continue
			}
			if (w == "hundred" || w == "thousand") && len(units) > 0 {
				z := append(nb[:0], '0', '0')
				if w == "thousand" {
					z = append(z, '0')
				}
				addUnit(i, i, z)
				continue
			}
		}
		if !alpha[s.low[t.s]] {
			// addText's separator, here: most words end up as one.
			if len(stream) > 0 && stream[len(stream)-1] != 0 {
				stream = append(stream, 0)
				ch = append(ch, int32(len(units)))
				units = append(units, idUnit{st: int32(i), en: int32(i), off: int32(len(stream) - 1)})
			}
			continue
		}
		addText(i)
	}
	s.buf, s.idch, s.idunits = stream, ch, units
	// str is stream itself, read as a string without a copy: nothing
	// below writes to stream (s.add appends to s.cands).
	str := unsafe.String(unsafe.SliceData(stream), len(stream))
	for _, id := range s.kn().ids {
		for from := 0; ; {
			p := strings.Index(str[from:], id.norm)
			if p < 0 {
				break
			}
			p += from
			from = p + 1
			e := p + len(id.norm) - 1
			u0, u1 := ch[p], ch[e]
			if units[u0].off != int32(p) || u1+1 < int32(len(units)) && units[u1+1].off != int32(e+1) {
				continue // not aligned to whole units
			}
			if id.t == Date && u0 == u1 && len(id.norm) < 8 {
				continue // a short run of digits in one token is not a read-out birth date
			}
			ok := true
			for u := u0; u < u1; u++ {
				if s.wordsBetween(int(units[u].en), int(units[u+1].st)) > 2 || s.toks[units[u+1].st].gap == gapLine {
					ok = false
					break
				}
			}
			if ok {
				prio := prWeak
				if id.labeled {
					prio = prStrong // the platform said what it is
				}
				s.add(int(s.toks[units[u0].st].s), int(s.toks[units[u1].en].e), id.t, prio)
			}
		}
	}
}

// wordsBetween counts the words strictly between tokens a and b; a pause
// written as punctuation ("four four seven ... one nine") counts none.
func (s *scan) wordsBetween(a, b int) int {
	n := 0
	for k := a + 1; k < b; k++ {
		if s.toks[k].kind != tkPunct {
			n++
		}
	}
	return n
}

// idUnit is one token (or a number phrase) of the identifier stream.
type idUnit struct {
	st, en int32 // first and last token
	off    int32 // offset of its first byte in the stream
}

// spokenIDWord: a separator, or a word that repeats or scales the digits
// around it ("double five", "two thousand").
func spokenIDWord(w string) bool {
	switch w {
	case "double", "triple", "hundred", "thousand":
		return true
	}
	return spokenSeparator(w)
}

// spokenSeparator: said between the pieces of an identifier.
func spokenSeparator(w string) bool {
	switch w {
	case "dash", "hyphen", "slash", "dot", "point", "space", "comma":
		return true
	}
	return false
}

func digitWord(w string) (int, bool) {
	switch w {
	case "zero", "oh", "o":
		return 0, true
	}
	if v := unitWords[w]; v > 0 {
		return v, true
	}
	return 0, false
}

func strconvItoa(b []byte, v int) []byte {
	if v >= 10 {
		b = strconvItoa(b, v/10)
	}
	return append(b, byte('0'+v%10))
}

// initialsCue: the word "initials" within a few words of the letters
// from st to en.
func (s *scan) initialsCue(st, en int) bool {
	for k, n := st-1, 0; k >= 0 && n < 6; k, n = k-1, n+1 {
		if s.eq(k, "initials") || s.eq(k, "initial") {
			return true
		}
	}
	for k, n := en+1, 0; k < len(s.toks) && n < 6; k, n = k+1, n+1 {
		if s.eq(k, "initials") || s.eq(k, "initial") {
			return true
		}
	}
	return false
}

// knownSplitAt adds tokens i.. as one name where two or three lower-case
// words on one line, run together, are a supplied name part of five letters
// or more ("vander meer", "van der meer", "mc donald", "ho dan", "morning
// star", "g benga"), or, for a part of eight letters or more, one letter
// off it ("zi lin ski" for Zielinski).
func (s *scan) knownSplitAt(i int) bool {
	// After another part ("kenzie dun leavy" for Mackenzie Dunleavy) only
	// the part itself, not one a letter off, unless the part before is the
	// one said again ("dr zielinski zi lin ski").
	afterKnown := i > 0 && s.toks[i].gap == gapSpace && s.isKnown(i-1) && s.toks[i-1].letters()
	// A lone letter opens a split name only as a consonant said apart
	// ("g benga" for Gbenga), never "a" or "i".
	single := s.toks[i].n() == 1 && !s.eq(i, "a") && !s.eq(i, "i")
	if s.toks[i].n() < 2 && !single || i > 0 && s.toks[i].gap == gapNone {
		return false
	}
	// The two or three words run together must have the length of a part
	// (splitLens), or nothing below can match.
	k1 := s.next(i)
	if k1 < 0 {
		return false
	}
	l2 := s.toks[i].n() + s.toks[k1].n()
	fit := s.kn().splitLens&(1<<min(l2, 63)) != 0
	if k2 := s.next(k1); !fit && k2 > 0 {
		fit = s.kn().splitLens&(1<<min(l2+s.toks[k2].n(), 63)) != 0
	}
	if !fit {
		return false
	}
	if s.tokIn(wordMakerSet, i) {
		return false // "it's destiny", "a crystal"
	}
	again := ""
	if afterKnown {
		again = s.lowerAny(i - 1)
		if f := s.kn().foldName(again); f != "" {
			again = f
		}
	}
	var b [48]byte
	w := append(b[:0], s.lower(i)...)
	plain := s.tokIn(functionWordSet, i) || s.englishTok(i)
	for k, n := s.next(i), 1; k > 0 && n < 3; k, n = s.next(k), n+1 {
		if s.toks[k].gap != gapSpace || !s.toks[k].letters() || s.toks[k].upper() || s.toks[k].n() < 2 || s.tokIn(wordMakerSet, k) ||
			len(w)+s.toks[k].n() > len(b) {
			return false
		}
		w = append(w, s.lower(k)...)
		plain = plain && (s.tokIn(functionWordSet, k) || s.englishTok(k))
		if len(w) < 5 {
			continue
		}
		for _, kw := range s.kn().words {
			// Words that are English apart are the name unless an article
			// or a possessive makes them the words: "tala morning star",
			// "mr white horse", not "we saw the morning star"; and for a
			// part of five letters never: "ho dan", not "eat on" for Eaton.
			exact := string(w) == kw && (!plain || len(kw) >= 6 && !s.articleBeforeWord(i) && !determiners[s.prevWordAt(i, 1)]) &&
				(len(kw) >= 6 || !single)
			near := (!afterKnown || kw == again) && !single && !plain && len(kw) >= 8 && len(w)-len(kw) <= 1 && len(kw)-len(w) <= 1 &&
				within1(unsafe.String(unsafe.SliceData(w), len(w)), kw) // within1 keeps no string
			if exact || near {
				p := s.kn().parts[kw]
				s.addName(i, k, p.cls)
				return true
			}
		}
	}
	return false
}

// knownNearAfterTitle adds token i, one letter from a supplied name part of
// five letters or more, after a title ("mrs river", "dr vandermere").
func (s *scan) knownNearAfterTitle(i int) bool {
	w := s.lower(i)
	for _, kw := range s.kn().words {
		if len(kw) < 5 || len(w)-len(kw) < -1 || len(w)-len(kw) > 1 || !within1(w, kw) {
			continue
		}
		s.knownAt(i, s.kn().parts[kw].cls)
		return true
	}
	return false
}

// articleBeforeWord: an article or demonstrative before a lower-case word
// that is also an English word ("the forest service" is no misspelling of
// a supplied "Forrest").
func (s *scan) articleBeforeWord(i int) bool {
	switch s.prevWordAt(i, 1) {
	case "the", "a", "an", "this", "that", "these", "those", "some", "any", "no":
		if s.toks[i].lex&lxFirst != 0 {
			return false // "the john deere cap" for a supplied Jon
		}
		if eng := s.englishTok(i); eng {
			return true
		}
		return s.toks[i].gaz&gzWord != 0
	}
	return false
}
