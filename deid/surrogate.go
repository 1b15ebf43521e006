package deid

import (
	crand "crypto/rand"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Surrogates writes realistic fake values in place of identifiers, for one
// patient scope: the same original always gets the same surrogate, and every
// date is shifted by one per-scope random offset, so intervals between dates
// survive. Randomness comes from crypto/rand; nothing is derived from the
// PHI, so a surrogate reveals nothing about its original.
//
// Surrogates are one-way (use Mapping to restore). Shifted dates are not
// Safe Harbor output (use Redact for that); surrogates serve text that must
// read naturally, such as prompts and evaluation sets.
//
// A Surrogates holds PHI (its table): LogValue redacts it. Safe for
// concurrent use.
type Surrogates struct {
	mu sync.Mutex
	t  *table
}

// NewSurrogates returns a scope with a fresh random date shift.
func NewSurrogates() *Surrogates {
	return &Surrogates{t: newTable(false, time.Now)}
}

// NewSurrogates returns a scope on the detector's clock (Config.Now).
func (d *Detector) NewSurrogates() *Surrogates {
	return &Surrogates{t: newTable(false, d.cfg.Now)}
}

// Replace returns text with each span replaced by its surrogate. Spans must
// be sorted and non-overlapping, as Detect returns them.
func (s *Surrogates) Replace(text string, spans []Span) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.t.apply(text, spans)
}

// LogValue reports only the size of the scope's table.
func (s *Surrogates) LogValue() slog.Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slog.GroupValue(slog.Int("pairs", len(s.t.pairs)), slog.String("shift", "[REDACTED]"))
}

// pair is one original and its surrogate.
type pair struct {
	T    Type   `json:"t"`
	Orig string `json:"o"`
	Sur  string `json:"s"`
	// Part marks a single word of a name, mapped on its own so that "Mr.
	// Vantreese" restores even when only "Harold Whitcombe" was sent.
	Part bool `json:"p,omitempty"`
}

// table is the state shared by Surrogates and Mapping.
type table struct {
	rng      *rand.Rand
	shift    int             // days
	distinct bool            // Mapping: surrogates must be findable again
	byOrig   map[string]int  // key -> index in pairs
	bySur    map[string]bool // lower-case surrogates handed out
	pairs    []pair
	avoid    string           // lower-case text being pseudonymized: surrogates must not occur in it
	retry    int              // Pseudonymize's attempt: moves new date surrogates off a collision
	now      func() time.Time // reads two-digit years; the over-89 rule of fallbacks
}

func newRand() *rand.Rand {
	var seed [32]byte
	_, _ = crand.Read(seed[:])
	return rand.New(rand.NewChaCha8(seed))
}

func newTable(distinct bool, now func() time.Time) *table {
	t := &table{rng: newRand(), distinct: distinct, byOrig: map[string]int{}, bySur: map[string]bool{}, now: now}
	for t.shift == 0 {
		// 30 to 365 days either way: far enough to hide the real dates.
		t.shift = (30 + t.rng.IntN(336)) * (1 - 2*t.rng.IntN(2))
	}
	return t
}

func pairKey(ty Type, orig string, part bool) string {
	if part {
		return "N\x00" + strings.ToLower(orig)
	}
	return string(ty) + "\x00" + orig
}

// apply replaces spans with their surrogates, adding pairs as needed.
func (t *table) apply(text string, spans []Span) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	pos := 0
	for _, sp := range spans {
		st, en := max(sp.Start, pos), min(sp.End, len(text))
		if st >= en {
			continue
		}
		b.WriteString(text[pos:st])
		b.WriteString(t.surrogate(text[st:en], sp.Type))
		pos = en
	}
	b.WriteString(text[pos:])
	return b.String()
}

// surrogate returns the surrogate for one original, creating it if needed.
func (t *table) surrogate(orig string, ty Type) string {
	if ty == Name {
		key := pairKey(Name, orig, false)
		if i, ok := t.byOrig[key]; ok {
			return t.pairs[i].Sur
		}
		sur := t.nameSurrogate(orig)
		// Initials cannot be restored on their own; a name that has one is
		// also kept whole, so "A. Whitcombe" comes back exactly.
		for _, w := range nameWords(orig) {
			if utf8.RuneCountInString(orig[w[0]:w[1]]) == 1 {
				t.byOrig[key] = len(t.pairs)
				t.pairs = append(t.pairs, pair{T: Name, Orig: orig, Sur: sur})
				t.bySur[asciiLower(sur)] = true
				break
			}
		}
		return sur
	}
	key := pairKey(ty, orig, false)
	if i, ok := t.byOrig[key]; ok {
		return t.pairs[i].Sur
	}
	var sur string
	for try := 0; ; try++ {
		sur = t.fresh(orig, ty, try)
		if t.acceptable(sur, orig) || try >= 50 {
			break
		}
	}
	t.record(pair{T: ty, Orig: orig, Sur: sur}, key)
	return sur
}

func (t *table) record(p pair, key string) {
	t.byOrig[key] = len(t.pairs)
	t.pairs = append(t.pairs, p)
	t.bySur[asciiLower(p.Sur)] = true
}

// acceptable: a surrogate must differ from its original, and for a Mapping
// be new and absent from the text, so that restoring finds only what
// pseudonymizing put there.
func (t *table) acceptable(sur, orig string) bool {
	if strings.EqualFold(sur, orig) {
		return false
	}
	if !t.distinct {
		return true
	}
	ls := asciiLower(sur)
	if t.bySur[ls] {
		return false
	}
	if t.avoid != "" && strings.Contains(t.avoid, ls) {
		return false
	}
	// A surrogate that contains another surrogate or its digits could be
	// matched twice; keep them apart.
	for s := range t.bySur {
		if strings.Contains(s, ls) || strings.Contains(ls, s) {
			return false
		}
	}
	if d := digitsOf(sur); len(d) >= 4 && t.avoid != "" && strings.Contains(digitsOf(t.avoid), d) {
		return false
	}
	return true
}

func digitsOf(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// nameSurrogate maps a name word by word, keeping separators, titles'
// absence and each word's capitalization.
func (t *table) nameSurrogate(orig string) string {
	var b strings.Builder
	words := nameWords(orig)
	pos := 0
	for k, w := range words {
		b.WriteString(orig[pos:w[0]])
		part := orig[w[0]:w[1]]
		b.WriteString(t.namePart(part, k, len(words)))
		pos = w[1]
	}
	b.WriteString(orig[pos:])
	return b.String()
}

// nameWords returns the byte ranges of the letter runs of a name.
func nameWords(s string) [][2]int {
	var out [][2]int
	st := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			if st < 0 {
				st = i
			}
		} else if st >= 0 {
			out = append(out, [2]int{st, i})
			st = -1
		}
	}
	if st >= 0 {
		out = append(out, [2]int{st, len(s)})
	}
	return out
}

// casePattern classifies a word's capitalization.
func casePattern(w string) byte {
	up, low := 0, 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case low == 0:
		return 'U'
	case up == 0:
		return 'l'
	case up == 1 && unicode.IsUpper(r):
		return 'T'
	}
	return 'M'
}

// renderPattern is the capitalization a surrogate gets for an original
// word: mixed case ("McDonald") renders as title case.
func renderPattern(w string) byte {
	if p := casePattern(w); p != 'M' {
		return p
	}
	return 'T'
}

// restoreCase is the inverse of rendering: the original, in the
// capitalization the found surrogate has.
func restoreCase(orig, found string) string {
	pat := casePattern(found)
	if pat == 'T' && casePattern(orig) == 'M' {
		return orig
	}
	return applyCase(orig, pat)
}

func applyCase(w string, pat byte) string {
	switch pat {
	case 'U':
		return strings.ToUpper(w)
	case 'l':
		return strings.ToLower(w)
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
}

func (t *table) namePart(part string, k, n int) string {
	key := pairKey(Name, part, true)
	if i, ok := t.byOrig[key]; ok {
		p := t.pairs[i]
		// Same name in another capitalization: reuse the surrogate in the
		// new capitalization if restoring it gives this exact spelling back.
		if r := applyCase(p.Sur, renderPattern(part)); restoreCase(p.Orig, r) == part {
			return r
		}
		key = "X\x00" + part
		if i, ok := t.byOrig[key]; ok {
			return t.pairs[i].Sur
		}
	}
	var sur string
	if utf8.RuneCountInString(part) == 1 && n > 1 {
		// An initial: another letter.
		for try := 0; try < 30; try++ {
			sur = string(rune('A' + t.rng.IntN(26)))
			if !strings.EqualFold(sur, part) {
				break
			}
		}
	} else {
		words, _ := lexicon()
		first := k == 0 && n > 1 || n == 1 && words[strings.ToLower(part)]&lxFirst != 0
		for try := 0; ; try++ {
			if first {
				sur = fakeFirsts[t.rng.IntN(len(fakeFirsts))]
			} else {
				sur = fakeLasts[t.rng.IntN(len(fakeLasts))]
			}
			if try > 20 {
				// Lists exhausted for this text: make a longer unique name.
				sur += fakeLasts[t.rng.IntN(len(fakeLasts))]
			}
			if t.acceptable(sur, part) || try > 60 {
				break
			}
		}
	}
	sur = applyCase(sur, renderPattern(part))
	if utf8.RuneCountInString(part) == 1 && n > 1 {
		// Initials are not restored on their own (too ambiguous); record
		// them so the same initial maps the same way.
		t.byOrig[key] = len(t.pairs)
		t.pairs = append(t.pairs, pair{T: Name, Orig: part, Sur: sur, Part: true})
		return sur
	}
	t.record(pair{T: Name, Orig: part, Sur: sur, Part: true}, key)
	return sur
}

// fresh invents a surrogate for a non-name original.
func (t *table) fresh(orig string, ty Type, try int) string {
	switch ty {
	case Date:
		if s, ok := t.shiftDate(orig, try); ok {
			return s
		}
		return t.shape(orig, false)
	case Age:
		if !t.distinct {
			return "90"
		}
		n := 90 + t.rng.IntN(20)
		if isDigitsFrom(orig) {
			return fmt.Sprint(n)
		}
		return numberWords(n)
	case Phone, Fax:
		return t.phone(orig)
	case SSN:
		return t.ssn(orig)
	case Email:
		return strings.ToLower(fakeFirsts[t.rng.IntN(len(fakeFirsts))]) + "." + fakeLasts[t.rng.IntN(len(fakeLasts))] +
			fmt.Sprint(10+t.rng.IntN(90)) + "@example.org"
	case URL:
		return "https://www.example.org/" + t.token(8)
	case IP:
		if strings.Contains(orig, ":") {
			return fmt.Sprintf("2001:db8::%x:%x", t.rng.IntN(0xffff)+1, t.rng.IntN(0xffff)+1)
		}
		return fmt.Sprintf("%s.%d", []string{"192.0.2", "198.51.100", "203.0.113"}[t.rng.IntN(3)], 1+t.rng.IntN(254))
	case Location:
		return t.place(orig)
	case ZIP:
		return t.shape(orig, false)
	case Photo:
		// Keep the extension so the text still reads as a file name.
		if i := strings.LastIndexByte(orig, '.'); i > 0 {
			return t.shape(orig[:i], true) + orig[i:]
		}
	}
	return t.shape(orig, true)
}

// token is a random lower-case alphanumeric string.
func (t *table) token(n int) string {
	const cs = "abcdefghjkmnpqrstuvwxyz23456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = cs[t.rng.IntN(len(cs))]
	}
	return string(b)
}

// shape replaces every digit with a random digit and (if letters) every
// letter with a random letter of the same case; spoken digits become other
// spoken digits. Punctuation stays.
func (t *table) shape(orig string, letters bool) string {
	if !strings.ContainsAny(orig, "0123456789") && isSpokenDigits(orig) {
		return t.spoken(orig)
	}
	b := []byte(orig)
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			b[i] = byte('0' + t.rng.IntN(10))
		case letters && c >= 'A' && c <= 'Z':
			b[i] = byte('A' + t.rng.IntN(26))
		case letters && c >= 'a' && c <= 'z':
			b[i] = byte('a' + t.rng.IntN(26))
		}
	}
	if !letters {
		return string(b)
	}
	// Non-ASCII letters (a name in a file name) become ASCII ones.
	var out strings.Builder
	for _, r := range string(b) {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			out.WriteByte(byte('a' + t.rng.IntN(26)))
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}

var digitNames = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

func isSpokenDigits(s string) bool {
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if _, ok := unitWords[w]; !ok {
			if _, ok := teenWords[w]; !ok {
				if _, ok := tensWords[w]; !ok && w != "double" && w != "triple" && w != "hundred" && w != "o" {
					return false
				}
			}
		}
		n++
	}
	return n > 0
}

// spoken replaces every number word with a random digit word.
func (t *table) spoken(orig string) string {
	var b strings.Builder
	ws := nameWords(orig)
	pos := 0
	for _, w := range ws {
		b.WriteString(orig[pos:w[0]])
		d := t.rng.IntN(10)
		s := digitNames[d]
		if d == 0 && t.rng.IntN(2) == 0 {
			s = "oh"
		}
		b.WriteString(applyCase(s, casePattern(orig[w[0]:w[1]])))
		pos = w[1]
	}
	b.WriteString(orig[pos:])
	return b.String()
}

// phone keeps the original's layout; the last seven digits become 555-01xx
// (the range reserved for fiction) and the area code a random one.
func (t *table) phone(orig string) string {
	d := digitsOf(orig)
	if len(d) < 7 {
		if isSpokenDigits(orig) {
			return t.spoken(orig)
		}
		return t.shape(orig, false)
	}
	nd := []byte(d)
	tail := len(nd) - 7
	// An extension after the number stays random.
	if len(nd) > 11 {
		tail = 0
		for i := range nd {
			nd[i] = byte('0' + t.rng.IntN(10))
		}
	} else {
		// A number that is itself fictional (555-01xx, as test data
		// writes) must not get its own last digits back.
		for {
			copy(nd[tail:], fmt.Sprintf("55501%02d", t.rng.IntN(100)))
			if string(nd[tail:]) != d[tail:] {
				break
			}
		}
		if tail >= 3 {
			copy(nd[tail-3:tail], fmt.Sprint(200+t.rng.IntN(800)))
		}
	}
	b := []byte(orig)
	k := 0
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = nd[k]
			k++
		}
	}
	return string(b)
}

// ssn keeps the layout and starts with 9, a range never issued as an SSN.
func (t *table) ssn(orig string) string {
	s := t.shape(orig, false)
	if i := strings.IndexAny(s, "0123456789"); i >= 0 {
		b := []byte(s)
		b[i] = '9'
		return string(b)
	}
	return s
}

// place writes a fake street address or place name of the same kind.
func (t *table) place(orig string) string {
	words := strings.Fields(orig)
	if len(words) == 0 {
		return orig
	}
	if orig[0] >= '0' && orig[0] <= '9' {
		// "1420 Elm Street, Apt 3B": new number and street name, same suffix and unit.
		num := fmt.Sprint(1 + t.rng.IntN(9899))
		street := applyCase(fakeStreets[t.rng.IntN(len(fakeStreets))], 'T')
		rest := ""
		if len(words) > 2 {
			rest = " " + strings.Join(words[2:], " ")
			// drop the original street name words before the suffix
			wlex, _ := lexicon()
			for k := 1; k < len(words); k++ {
				w := strings.Trim(strings.ToLower(words[k]), ".,")
				if wlex[w]&lxStreetSuffix != 0 {
					rest = " " + strings.Join(words[k:], " ")
					break
				}
			}
		}
		return t.shape(num+" "+street+rest, false)
	}
	last := strings.ToLower(words[len(words)-1])
	name := applyCase(fakePlaces[t.rng.IntN(len(fakePlaces))], 'T')
	name = strings.Join(strings.Fields(strings.Title(name)), " ") //nolint:staticcheck // ASCII place names
	switch last {
	case "county", "parish", "township", "borough":
		return name + " " + words[len(words)-1]
	}
	return name
}

// shiftDate parses a date, moves it by the scope's shift (plus try days
// when the first choice collides) and writes it the way it was written.
func (t *table) shiftDate(orig string, try int) (string, bool) {
	if d, tm := splitTime(orig); tm != "" {
		// A time stamp: the date moves, the time of day stays.
		sd, ok := t.shiftDate(d, try)
		return sd + tm, ok
	}
	v, ok := parseDateString(orig, t.now().Year())
	if !ok {
		return "", false
	}
	y, m, d := v.y, v.m, v.d
	if !v.hasY {
		y = 2000 // a leap year, so Feb 29 shifts
	}
	if !v.hasD {
		d = 15
	}
	if v.layout == dlDay {
		m = 1 // only the day is written
	}
	tm := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC).AddDate(0, 0, t.shift+try+t.retry)
	v.y, v.m, v.d = tm.Year(), int(tm.Month()), tm.Day()
	return formatDate(v), true
}

// numberWords spells 0..199.
func numberWords(n int) string {
	pre := ""
	if n >= 100 {
		pre = "one hundred "
		n -= 100
		if n == 0 {
			return "one hundred"
		}
	}
	switch {
	case n < 10:
		return pre + digitNames[n]
	case n < 20:
		for w, v := range teenWords {
			if v == n {
				return pre + w
			}
		}
	}
	tens := ""
	for w, v := range tensWords {
		if v == n/10*10 {
			tens = w
		}
	}
	if n%10 == 0 {
		return pre + tens
	}
	return pre + tens + "-" + digitNames[n%10]
}

var ordinalNames = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
	"eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth",
	"twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"}

var monthTitle = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December"}

func spokenYearWords(y int) string {
	if y >= 2000 && y < 2010 {
		return "two thousand " + digitNames[y-2000]
	}
	hi, lo := y/100, y%100
	s := numberWords(hi) + " "
	switch {
	case lo == 0:
		return s + "hundred"
	case lo < 10:
		return s + "oh " + digitNames[lo]
	}
	return s + numberWords(lo)
}

func ordSuffix(d int) string {
	switch {
	case d%10 == 1 && d != 11:
		return "st"
	case d%10 == 2 && d != 12:
		return "nd"
	case d%10 == 3 && d != 13:
		return "rd"
	}
	return "th"
}

// formatDate writes v in its own layout.
func formatDate(v dateVal) string {
	num := func(n int) string {
		if v.pad {
			return fmt.Sprintf("%02d", n)
		}
		return fmt.Sprint(n)
	}
	year := func() string {
		if v.y2 {
			return fmt.Sprintf("%02d", v.y%100)
		}
		if v.apostropheYear {
			return fmt.Sprintf("'%02d", v.y%100)
		}
		if v.spoken {
			return spokenYearWords(v.y)
		}
		return fmt.Sprint(v.y)
	}
	month := monthTitle[v.m-1]
	if v.abbr {
		month = month[:3]
		if v.m == 9 && !v.upper && v.layout != dlCompact && v.sep == 0 {
			month = "Sept"
		}
	}
	if v.upper {
		month = strings.ToUpper(month)
	}
	if v.dot {
		month += "."
	}
	day := fmt.Sprint(v.d)
	if v.pad {
		day = fmt.Sprintf("%02d", v.d)
	}
	if v.ord {
		if v.spoken {
			day = ordinalNames[v.d]
		} else {
			day = fmt.Sprint(v.d) + ordSuffix(v.d)
		}
	}
	sep := string(v.sep)
	switch v.layout {
	case dlNumMDY:
		if v.dmy {
			return num(v.d) + sep + num(v.m) + sep + year()
		}
		return num(v.m) + sep + num(v.d) + sep + year()
	case dlNumYMD:
		return fmt.Sprint(v.y) + sep + num(v.m) + sep + num(v.d)
	case dlNumMY:
		if v.sep == '-' {
			return num(v.m) + "-" + fmt.Sprint(v.y)
		}
		return num(v.m) + "/" + fmt.Sprint(v.y)
	case dlNumYM:
		return fmt.Sprint(v.y) + "-" + num(v.m)
	case dlNumMD:
		if v.dmy {
			return num(v.d) + "/" + num(v.m)
		}
		return num(v.m) + "/" + num(v.d)
	case dlMonthDY:
		if v.sep == '-' {
			return month + "-" + day + "-" + year()
		}
		s := month + " " + day
		if v.hasY {
			if v.comma {
				s += ","
			}
			s += " " + year()
		}
		return s
	case dlMonthY:
		switch {
		case v.comma:
			return month + ", " + year()
		case v.of:
			return month + " of " + year()
		}
		return month + " " + year()
	case dlMonth:
		return month
	case dlDayMonthY:
		if v.sep == '-' && !v.hasY {
			return day + "-" + month
		}
		if v.sep == '-' {
			return day + "-" + month + "-" + year()
		}
		s := day
		if v.the {
			s = "the " + s
		}
		if v.of {
			s += " of"
		}
		s += " " + month
		if v.hasY {
			if v.comma {
				s += ","
			}
			s += " " + year()
		}
		return s
	case dlCompact:
		return num(v.d) + month + year()
	case dlDay:
		return "the " + day
	}
	return fmt.Sprintf("%04d-%02d-%02d", v.y, v.m, v.d)
}
