// Package prefilter is a regular expression that rules out, without
// running it, the texts it cannot match.
//
// The draft checks and the offline drafter test every sentence against
// dozens of case-insensitive word lists written as regular expressions
// (`(?i)\b(?:pain|ache|...)\b`), and most sentences match few of them. Go's
// regexp package finds that out by running its matcher over the whole
// sentence, which was most of the summarize step's CPU time (issue 18).
// A Regexp here first reads, from the expression's syntax tree, a set of
// literal strings one of which every match must contain ("pain", "ache",
// ...), with the word boundaries (\b) around them and whether one must open
// the text (^), and scans the text once for them, ignoring ASCII case; only
// a text holding one of them is handed to the regexp package. The answers
// are those of the regexp package by construction: the scan only skips
// texts for which a match is impossible (TestAgreesWithRegexp and
// FuzzAgreesWithRegexp compare the two).
//
// An expression with no such set (one that can match without any literal,
// like `\w+` or `^\s*$`) is always run. A non-ASCII letter that has other
// cases is not scanned for where case is ignored (the literal stops before
// it), and a text holding one of the two non-ASCII letters that fold to
// ASCII ones (the Kelvin sign K and the long s ſ) is always handed on, so
// that comparing ASCII bytes case-insensitively is exact.
package prefilter

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regexp is a regexp.Regexp whose matching methods listed here skip the
// texts it cannot match. Its other methods are regexp's own.
type Regexp struct {
	*regexp.Regexp
	// One of these literals is in every match: atStart the ones that
	// must open the text, wordStart those that must open a word (a \b
	// before a word byte: most of a word list's), byFirst the others; the
	// last two by lower-case first byte. filtered is false when there are
	// none.
	atStart   [256][]literal
	wordStart [256][]literal
	byFirst   [256][]literal
	filtered  bool
}

// literal is a string a match holds (ASCII letters in lower case), and
// whether a word boundary (\b) comes right before or after it and whether
// it opens the text (^).
type literal struct {
	s                    string
	before, after, start bool
}

// boundary and textStart stand for \b and ^ inside the strings the
// analysis builds.
const (
	boundary  = '\x01'
	textStart = '\x02'
	markers   = "\x01\x02"
)

func newLiteral(s string) literal {
	lead := s[:len(s)-len(strings.TrimLeft(s, markers))]
	l := literal{
		before: strings.ContainsRune(lead, boundary),
		start:  strings.ContainsRune(lead, textStart),
		after:  strings.HasSuffix(s, string(boundary)),
	}
	l.s = stripMarkers(s) // one inside is dropped: a weaker test
	return l
}

// markerStripper drops the markers. One Replacer for the package: a Replacer
// builds its lookup table (6 KB) on first use, and the analysis of the
// expressions compiled at start-up strips markers tens of thousands of
// times (offline's and coverage's init took 220 ms and allocated 350 MB
// with a Replacer made per call).
var markerStripper = strings.NewReplacer(string(boundary), "", string(textStart), "")

func stripMarkers(s string) string { return markerStripper.Replace(s) }

// at reports whether l occurs in s at i, ignoring ASCII case.
func (l literal) at(s string, i int) bool {
	return hasPrefixFold(s[i:], l.s) && (!l.before || isBoundary(s, i)) && (!l.after || isBoundary(s, i+len(l.s)))
}

func (l literal) String() string {
	s := l.s
	if l.before {
		s = `\b` + s
	}
	if l.start {
		s = "^" + s
	}
	if l.after {
		s += `\b`
	}
	return s
}

// isBoundary is \b between s[i-1] and s[i]: the regexp package's word
// characters are ASCII.
func isBoundary(s string, i int) bool {
	return (i > 0 && isWordByte(s[i-1])) != (i < len(s) && isWordByte(s[i]))
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// MustCompile is regexp.MustCompile with the filter.
func MustCompile(expr string) *Regexp {
	re := &Regexp{Regexp: regexp.MustCompile(expr)}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err) // regexp.MustCompile accepted it
	}
	if lits, ok := required(tree); ok {
		re.filtered = true
		for _, s := range lits {
			l := newLiteral(s)
			switch {
			case l.start:
				re.atStart[l.s[0]] = append(re.atStart[l.s[0]], l)
			case l.before && isWordByte(l.s[0]):
				re.wordStart[l.s[0]] = append(re.wordStart[l.s[0]], l)
			default:
				re.byFirst[l.s[0]] = append(re.byFirst[l.s[0]], l)
			}
		}
	}
	return re
}

// Literals returns the literals the scan looks for, with \b written where
// a word boundary must be and ^ before one that must open the text; nil
// when the expression is always run.
func (re *Regexp) Literals() []string {
	var out []string
	for _, table := range []*[256][]literal{&re.atStart, &re.wordStart, &re.byFirst} {
		for _, ls := range table {
			for _, l := range ls {
				out = append(out, l.String())
			}
		}
	}
	slices.Sort(out)
	return out
}

// MayMatch reports whether s can hold a match: false only when no match is
// possible.
func (re *Regexp) MayMatch(s string) bool {
	if !re.filtered {
		return true
	}
	if s != "" {
		for _, l := range re.atStart[lower(s[0])] {
			if l.at(s, 0) {
				return true
			}
		}
	}
	// A wordStart literal matches only where a word starts: its first
	// byte is a word byte (so is the text's byte it is compared with),
	// and its \b needs the byte before to be none. Skipping them inside
	// words (issue 18) saves most of the scan's comparisons.
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 && foldsToASCII(s[i:]) {
			return true
		}
		lc := lower(c)
		if !inWord {
			for _, l := range re.wordStart[lc] {
				if l.at(s, i) {
					return true
				}
			}
		}
		for _, l := range re.byFirst[lc] {
			if l.at(s, i) {
				return true
			}
		}
		inWord = isWordByte(c)
	}
	return false
}

// MatchString is regexp's MatchString.
func (re *Regexp) MatchString(s string) bool {
	return re.MayMatch(s) && re.Regexp.MatchString(s)
}

// ReplaceAllString is regexp's ReplaceAllString.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	if !re.MayMatch(src) {
		return src
	}
	return re.Regexp.ReplaceAllString(src, repl)
}

// ReplaceAllStringFunc is regexp's ReplaceAllStringFunc.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	if !re.MayMatch(src) {
		return src
	}
	return re.Regexp.ReplaceAllStringFunc(src, repl)
}

// FindStringSubmatch is regexp's FindStringSubmatch.
func (re *Regexp) FindStringSubmatch(s string) []string {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringSubmatch(s)
}

// FindStringIndex is regexp's FindStringIndex.
func (re *Regexp) FindStringIndex(s string) []int {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringIndex(s)
}

// FindAllString is regexp's FindAllString.
func (re *Regexp) FindAllString(s string, n int) []string {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllString(s, n)
}

// FindAllStringIndex is regexp's FindAllStringIndex.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp's FindAllStringSubmatch.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringSubmatchIndex(s, n)
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether s begins with the lower-case ASCII l,
// ignoring ASCII case.
func hasPrefixFold(s, l string) bool {
	if len(s) < len(l) {
		return false
	}
	for i := 0; i < len(l); i++ {
		if lower(s[i]) != l[i] {
			return false
		}
	}
	return true
}

// foldsToASCII reports whether s opens with a non-ASCII letter that
// matches an ASCII letter under case folding: the Kelvin sign (k) and the
// long s (s). TestFoldsToASCII checks that Unicode has no other.
func foldsToASCII(s string) bool {
	return strings.HasPrefix(s, "\u212a") || strings.HasPrefix(s, "\u017f")
}

// Limits on the literal sets, so that the scan stays cheap.
const (
	maxExact    = 1024 // strings a node can match, kept while enumerable
	maxRequired = 1024 // literals of a required set
)

// facts are what the filter knows of a node of the syntax tree: the
// strings it matches, when few (exact, lower-case; "" for an empty match,
// the boundary byte for \b), and a set of such strings one of which every
// match contains (req).
type facts struct {
	exact   []string
	isExact bool
	req     []string
	hasReq  bool
	// prefix: strings one of which every match starts with.
	prefix    []string
	hasPrefix bool
}

// prefixes returns strings one of which every match of f starts with.
func prefixes(f facts) ([]string, bool) {
	if f.isExact {
		return f.exact, true
	}
	return f.prefix, f.hasPrefix
}

// product is every string of a followed by every string of b.
func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// required returns literals one of which every match of the expression
// contains, if the expression has such a set without an empty literal.
func required(re *syntax.Regexp) ([]string, bool) {
	f := analyze(re)
	set, ok := necessary(f)
	if !ok {
		return nil, false
	}
	// A literal holding another is found whenever the other is: only the
	// shorter one is scanned for.
	var out []string
	for _, l := range set {
		if !slices.ContainsFunc(set, func(o string) bool { return o != l && strings.Contains(l, o) }) {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), true
}

// necessary returns the best necessary set of f: its required literals, or
// its exact strings; none when that set holds the empty string.
func necessary(f facts) ([]string, bool) {
	var cands [][]string
	if f.hasReq {
		cands = append(cands, f.req)
	}
	if f.isExact {
		cands = append(cands, f.exact)
	}
	return best(cands)
}

// best chooses the most selective of sets that each are necessary: no
// empty string, the longest shortest literal, then the fewest literals.
func best(cands [][]string) ([]string, bool) {
	var out []string
	score := -1
	for _, c := range cands {
		if len(c) == 0 || len(c) > maxRequired {
			continue
		}
		minLen, weight := -1, -1
		for _, s := range c {
			n := len(stripMarkers(s))
			if minLen < 0 || n < minLen {
				minLen = n
			}
			if w := selectivity(s); weight < 0 || w < weight {
				weight = w
			}
		}
		if minLen == 0 {
			continue // a match may hold no character at all
		}
		sc := min(weight, 16)*100000 - len(c)
		if sc > score {
			out, score = c, sc
		}
	}
	return out, score >= 0
}

// selectivity ranks a literal: two for a character, one for a word
// boundary before or after it, six for opening the text.
func selectivity(s string) int {
	n := 2 * len(stripMarkers(s))
	lead := s[:len(s)-len(strings.TrimLeft(s, markers))]
	if strings.ContainsRune(lead, boundary) {
		n++
	}
	if strings.ContainsRune(lead, textStart) {
		n += 6
	}
	if strings.HasSuffix(s, string(boundary)) && len(lead) < len(s) {
		n++
	}
	return n
}

func analyze(re *syntax.Regexp) facts {
	switch re.Op {
	case syntax.OpLiteral:
		// The scan compares bytes, ASCII letters in either case: a
		// non-ASCII letter that has other cases can be scanned for only
		// where case matters.
		fold := re.Flags&syntax.FoldCase != 0
		b := make([]byte, 0, len(re.Rune))
		for _, r := range re.Rune {
			switch {
			case r == boundary || r == textStart:
				return facts{}
			case r < utf8.RuneSelf:
				b = append(b, lower(byte(r)))
			case fold && unicode.SimpleFold(r) != r:
				if len(b) == 0 {
					return facts{}
				}
				// What comes before it still opens every match.
				pre := []string{string(b)}
				return facts{req: pre, hasReq: true, prefix: pre, hasPrefix: true}
			default:
				b = utf8.AppendRune(b, r)
			}
		}
		s := string(b)
		return facts{exact: []string{s}, isExact: true, req: []string{s}, hasReq: true}
	case syntax.OpCharClass:
		// A few single characters ([- ], [.)], [0-9]) enumerate; a larger
		// class is no literal.
		var chars []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= 0x80 || hi-lo > 16 || lo <= textStart {
				return facts{}
			}
			for r := lo; r <= hi; r++ {
				chars = append(chars, strings.ToLower(string(r)))
			}
		}
		slices.Sort(chars)
		chars = slices.Compact(chars)
		if len(chars) == 0 || len(chars) > 16 {
			return facts{}
		}
		return facts{exact: chars, isExact: true, req: chars, hasReq: true}
	case syntax.OpWordBoundary:
		return facts{exact: []string{string(boundary)}, isExact: true}
	case syntax.OpBeginText:
		return facts{exact: []string{string(textStart)}, isExact: true}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpEndText, syntax.OpNoWordBoundary:
		return facts{exact: []string{""}, isExact: true}
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		return optional(analyze(re.Sub[0]))
	case syntax.OpStar:
		return facts{}
	case syntax.OpPlus:
		return atLeastOnce(analyze(re.Sub[0]))
	case syntax.OpRepeat:
		sub := analyze(re.Sub[0])
		switch {
		case re.Min == 1 && re.Max == 1:
			return sub
		case re.Min == 0 && re.Max == 1:
			return optional(sub)
		case re.Min >= 1:
			return atLeastOnce(sub)
		}
		return facts{}
	case syntax.OpConcat:
		return concat(re.Sub)
	case syntax.OpAlternate:
		return alternate(re.Sub)
	}
	return facts{} // any character, and what else matches without a literal
}

func optional(f facts) facts {
	if !f.isExact || len(f.exact)+1 > maxExact {
		return facts{}
	}
	return facts{exact: append(slices.Clone(f.exact), ""), isExact: true}
}

func atLeastOnce(f facts) facts {
	out := facts{}
	out.req, out.hasReq = necessary(f)
	out.prefix, out.hasPrefix = prefixes(f)
	return out
}

// concat: consecutive enumerable parts multiply into longer literals, and
// such a run multiplies with the prefixes of the part after it; the best
// of those products and of the other parts' required sets is required of
// the whole.
func concat(subs []*syntax.Regexp) facts {
	out := facts{}
	var cands [][]string
	run := []string{""}
	whole := true // the whole concatenation stays enumerable
	flush := func() {
		if len(run) > 0 {
			cands = append(cands, run)
		}
		run = []string{""}
	}
	for _, sub := range subs {
		f := analyze(sub)
		if f.isExact && len(run)*len(f.exact) <= maxExact {
			run = product(run, f.exact)
			continue
		}
		prefix := run // what every match of the concatenation starts with, if f is its first part not enumerated
		if p, ok := prefixes(f); ok && len(run)*len(p) <= maxExact {
			prefix = product(run, p)
			cands = append(cands, prefix)
		}
		if whole {
			out.prefix, out.hasPrefix = prefix, true
		}
		whole = false
		flush()
		if set, ok := necessary(f); ok {
			cands = append(cands, set)
		}
		if f.isExact {
			// Too many to multiply: start a new run with them.
			run = slices.Clone(f.exact)
		}
	}
	if whole {
		out.exact, out.isExact = run, true
	}
	flush()
	if set, ok := best(cands); ok {
		out.req, out.hasReq = set, true
	}
	return out
}

// alternate: every branch's necessary set together is necessary, and so
// are the branches' prefixes.
func alternate(subs []*syntax.Regexp) facts {
	out := facts{isExact: true, hasReq: true, hasPrefix: true}
	for _, sub := range subs {
		f := analyze(sub)
		if p, ok := prefixes(f); ok && out.hasPrefix && len(out.prefix)+len(p) <= maxExact {
			out.prefix = append(out.prefix, p...)
		} else {
			out.hasPrefix, out.prefix = false, nil
		}
		if out.isExact && f.isExact && len(out.exact)+len(f.exact) <= maxExact {
			out.exact = append(out.exact, f.exact...)
		} else {
			out.isExact, out.exact = false, nil
		}
		if set, ok := necessary(f); ok && out.hasReq {
			out.req = append(out.req, set...)
		} else {
			out.hasReq, out.req = false, nil
		}
	}
	if len(out.req) > maxRequired {
		out.hasReq, out.req = false, nil
	}
	return out
}
