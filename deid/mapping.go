package deid

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Mapping holds the original <-> surrogate pairs of one patient scope for
// pseudonymize-and-restore around AI calls: Pseudonymize swaps identifiers
// for surrogates before text leaves for a provider, Restore puts the
// originals back into what the provider returns.
//
// Surrogates are random (crypto/rand), never derived from the PHI, and are
// chosen to be findable: unique within the mapping, absent from the text
// being pseudonymized, names drawn from a list of unusual fake names, phone
// numbers in the fictional 555-01xx range, SSNs starting with 9. Restore
// matches whole words only, so text that merely resembles a surrogate is left
// alone, and it survives light reformatting by a model: names restore word
// by word in any capitalization and in possessives ("Vantreese's"), and long
// numbers restore when the model changes their separators.
//
// The mapping is PHI: store it encrypted (MarshalJSON gives its bytes), never
// send it, and log it only through LogValue, which redacts it. Safe for
// concurrent use.
type Mapping struct {
	mu sync.Mutex
	t  *table
}

// NewMapping returns an empty mapping with a fresh random date shift.
func NewMapping() *Mapping { return &Mapping{t: newTable(true, time.Now)} }

// NewMapping returns an empty mapping on the detector's clock (Config.Now),
// which reads two-digit years and the over-89 rule of its fallbacks.
func (d *Detector) NewMapping() *Mapping { return &Mapping{t: newTable(true, d.cfg.Now)} }

// Len is the number of pairs.
func (m *Mapping) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.t.pairs)
}

// Pseudonymize returns text with every span replaced by its surrogate from
// m, adding pairs for originals m has not seen. Restore(Pseudonymize(x)) == x
// holds for every text: Pseudonymize checks it and, if a new surrogate would
// be ambiguous, draws again.
func Pseudonymize(text string, spans []Span, m *Mapping) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := m.t
	t.avoid = asciiLower(text)
	defer func() { t.avoid = "" }()
	var out string
	defer func() { t.retry = 0 }()
	for try := 0; try < 16; try++ {
		// The first attempt keeps every date on the scope's shift; later
		// ones (after a collision) move new date surrogates a day further.
		t.retry = try
		n := len(t.pairs)
		out = t.apply(text, spans)
		if t.restore(out) == text {
			return out
		}
		// Drop the pairs this attempt added and draw new ones.
		t.truncate(n)
	}
	// Every draw collided (only possible when pairs from earlier texts appear
	// verbatim in this one). Fall back to typed placeholders that cannot be
	// mistaken for text.
	return RedactAsOf(text, spans, t.now())
}

func (t *table) truncate(n int) {
	for _, p := range t.pairs[n:] {
		delete(t.bySur, asciiLower(p.Sur))
	}
	t.pairs = t.pairs[:n]
	for k, i := range t.byOrig {
		if i >= n {
			delete(t.byOrig, k)
		}
	}
}

// Restore returns text with every surrogate of m replaced by its original.
func (m *Mapping) Restore(text string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.t.restore(text)
}

type hit struct {
	s, e int
	repl string
	rank int // exact whole surrogates beat name words beat reformatted numbers
}

func (t *table) restore(text string) string {
	if len(t.pairs) == 0 || text == "" {
		return text
	}
	var hits []hit
	lower := asciiLower(text)
	for _, p := range t.pairs {
		if utf8.RuneCountInString(p.Orig) == 1 && p.Part {
			continue // initials are too short to find again safely
		}
		rank := 3
		if p.Part {
			rank = 2
		}
		sur := asciiLower(p.Sur)
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], sur)
			if i < 0 {
				break
			}
			i += from
			e := i + len(sur)
			from = i + 1
			if !boundary(text, i, e) {
				continue
			}
			found := text[i:e]
			repl := p.Orig
			switch {
			case found == p.Sur:
			case p.Part:
				repl = restoreCase(p.Orig, found)
			default:
				if strings.ToUpper(p.Sur) == found {
					repl = strings.ToUpper(p.Orig)
				} else if strings.ToLower(p.Sur) == found {
					repl = strings.ToLower(p.Orig)
				}
			}
			hits = append(hits, hit{i, e, repl, rank})
		}
	}
	// Reformatted numbers and dates only where no exact surrogate was found.
	exact := len(hits)
	for _, h := range append(t.reformattedNumbers(text), t.reformattedDates(text)...) {
		clash := false
		for _, e := range hits[:exact] {
			if h.s < e.e && e.s < h.e {
				clash = true
				break
			}
		}
		if !clash {
			hits = append(hits, h)
		}
	}
	if len(hits) == 0 {
		return text
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.s != b.s {
			return a.s - b.s
		}
		if a.rank != b.rank {
			return b.rank - a.rank
		}
		return (b.e - b.s) - (a.e - a.s)
	})
	var b strings.Builder
	pos := 0
	for _, h := range hits {
		if h.s < pos {
			continue
		}
		b.WriteString(text[pos:h.s])
		b.WriteString(h.repl)
		pos = h.e
	}
	b.WriteString(text[pos:])
	return b.String()
}

// boundary reports that text[i:e] is not glued to a neighbour of its own
// kind: a letter after a word, a digit after a number.
func boundary(text string, i, e int) bool {
	if i > 0 {
		a, _ := utf8.DecodeLastRuneInString(text[:i])
		f, _ := utf8.DecodeRuneInString(text[i:])
		if sameClass(a, f) {
			return false
		}
	}
	if e < len(text) {
		l, _ := utf8.DecodeLastRuneInString(text[:e])
		n, _ := utf8.DecodeRuneInString(text[e:])
		if sameClass(l, n) {
			return false
		}
	}
	return true
}

func sameClass(a, b rune) bool {
	return unicode.IsLetter(a) && unicode.IsLetter(b) || unicode.IsDigit(a) && unicode.IsDigit(b)
}

// reformattedNumbers finds surrogate numbers of seven digits or more written
// with other separators ("(212) 555-0142" as "212-555-0142").
func (t *table) reformattedNumbers(text string) []hit {
	type num struct{ digits, orig string }
	var nums []num
	for _, p := range t.pairs {
		if p.Part {
			continue
		}
		if d := digitsOf(p.Sur); len(d) >= 7 {
			nums = append(nums, num{d, p.Orig})
		}
	}
	if len(nums) == 0 {
		return nil
	}
	var hits []hit
	// Runs of digits joined by single separators.
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' || i > 0 && (text[i-1] >= '0' && text[i-1] <= '9' || unicode.IsLetter(rune(text[i-1]))) {
			i++
			continue
		}
		j := i
		var d []byte
		end := i
		for j < len(text) {
			c := text[j]
			if c >= '0' && c <= '9' {
				d = append(d, c)
				j++
				end = j
				continue
			}
			if (c == '-' || c == '.' || c == ' ' || c == '(' || c == ')' || c == '/') && j+1 < len(text) &&
				(text[j+1] >= '0' && text[j+1] <= '9' || text[j+1] == ' ' || text[j+1] == '(') && len(d) > 0 {
				j++
				continue
			}
			break
		}
		for _, n := range nums {
			if string(d) == n.digits {
				hits = append(hits, hit{i, end, n.orig, 1})
				break
			}
		}
		i = max(end, i+1)
	}
	return hits
}

// reformattedDates finds surrogate dates a model rewrote in another format
// ("07/19/1951" as "July 19, 1951") and writes the original date in the
// model's format.
func (t *table) reformattedDates(text string) []hit {
	type dp struct{ sur, orig dateVal }
	var dates []dp
	for _, p := range t.pairs {
		if p.T != Date {
			continue
		}
		sd, _ := splitTime(p.Sur)
		od, _ := splitTime(p.Orig)
		sv, ok1 := parseDateString(sd, t.now().Year())
		ov, ok2 := parseDateString(od, t.now().Year())
		if ok1 && ok2 && sv.hasD && ov.hasD {
			dates = append(dates, dp{sv, ov})
		}
	}
	if len(dates) == 0 {
		return nil
	}
	s := &scan{text: text, low: asciiLower(text), year: t.now().Year()}
	s.toks = tokenize(text, nil)
	var hits []hit
	for i := 0; i < len(s.toks); i++ {
		v, end := s.dateAt(i)
		if end < 0 || !v.hasD || v.layout == dlNumMD {
			continue // "8/10" is as likely a score as a date
		}
		for _, d := range dates {
			if v.m != d.sur.m || v.d != d.sur.d || v.hasY && d.sur.hasY && v.y != d.sur.y {
				continue
			}
			out := v
			out.m, out.d = d.orig.m, d.orig.d
			if v.hasY {
				out.y = d.orig.y
				if !d.orig.hasY {
					continue // the original had no year to give
				}
			}
			hits = append(hits, hit{int(s.toks[i].s), int(s.toks[end].e), formatDate(out), 1})
			i = end
			break
		}
	}
	return hits
}

// mappingJSON is the serialized form; Version lets the format change.
type mappingJSON struct {
	Version int    `json:"version"`
	Shift   int    `json:"shift_days"`
	Pairs   []pair `json:"pairs"`
}

// MarshalJSON serializes the mapping (PHI: encrypt before storing).
func (m *Mapping) MarshalJSON() ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return json.Marshal(mappingJSON{Version: 1, Shift: m.t.shift, Pairs: m.t.pairs})
}

// UnmarshalJSON restores a mapping written by MarshalJSON. New surrogates
// drawn after it are random again; existing pairs are kept.
func (m *Mapping) UnmarshalJSON(b []byte) error {
	var j mappingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("deid.Mapping: %w", err)
	}
	if j.Version != 1 {
		return fmt.Errorf("deid.Mapping: unknown version %d", j.Version)
	}
	if j.Shift == 0 {
		return errors.New("deid.Mapping: missing date shift")
	}
	now := time.Now
	if m.t != nil && m.t.now != nil {
		now = m.t.now // a mapping made on a detector's clock keeps it
	}
	t := newTable(true, now)
	t.shift = j.Shift
	for _, p := range j.Pairs {
		if !p.T.Valid() || p.Orig == "" || p.Sur == "" {
			return errors.New("deid.Mapping: invalid pair")
		}
		key := pairKey(p.T, p.Orig, p.Part)
		if p.Part && casePatternConflict(t, key, p) {
			key = "X\x00" + p.Orig
		}
		t.byOrig[key] = len(t.pairs)
		t.pairs = append(t.pairs, p)
		t.bySur[asciiLower(p.Sur)] = true
	}
	m.mu.Lock()
	m.t = t
	m.mu.Unlock()
	return nil
}

func casePatternConflict(t *table, key string, p pair) bool {
	_, ok := t.byOrig[key]
	return ok
}

// MarshalJSON serializes the scope (PHI: encrypt before storing), so that
// later documents of the same patient get the same surrogates and shift.
func (s *Surrogates) MarshalJSON() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.Marshal(mappingJSON{Version: 1, Shift: s.t.shift, Pairs: s.t.pairs})
}

// UnmarshalJSON restores a scope written by MarshalJSON.
func (s *Surrogates) UnmarshalJSON(b []byte) error {
	var m Mapping
	if err := m.UnmarshalJSON(b); err != nil {
		return fmt.Errorf("deid.Surrogates: %w", err)
	}
	m.t.distinct = false
	s.mu.Lock()
	s.t = m.t
	s.mu.Unlock()
	return nil
}

// LogValue reports only the number of pairs.
func (m *Mapping) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("pairs", m.Len()), slog.String("pairs_content", "[REDACTED]"))
}
