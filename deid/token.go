package deid

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The detector works on a token stream rather than on regular expressions:
// one linear pass splits the text into words (runs of letters and digits) and
// single punctuation marks, looks every word up once in the lexicon, and the
// matchers then walk token indexes. This keeps detection at tens of MB/s.

const (
	tkWord  uint8 = 1
	tkPunct uint8 = 2
)

// Shape bits of a word token.
const (
	shUpper    uint8 = 1 << iota // first rune is upper case
	shAllUpper                   // every letter is upper case (and there is one)
	shDigit                      // has a digit
	shLetter                     // has a letter
	shAllDigit                   // only ASCII digits
	shNonASCII
	// shWordNoDigit marks a word token without a digit, so that letters,
	// the most asked test of a token, reads one field.
	shWordNoDigit
)

// Gap kinds: the whitespace before a token.
const (
	gapNone  uint8 = 0
	gapSpace uint8 = 1
	gapLine  uint8 = 2
)

type token struct {
	s, e  int32
	lex   uint64 // flags from the hand-written lexicon
	h     uint32 // FNV-1a of the lower-case word (ASCII words of letters up to 40 bytes), else 0
	gaz   uint16 // flags from the gazetteer (gz*)
	kind  uint8
	shape uint8
	gap   uint8
	ch    byte // punctuation: the ASCII mark, with typographic quotes and dashes folded; 0 otherwise
}

func (t *token) is(f uint64) bool { return t.lex&f != 0 }
func (t *token) word() bool       { return t.kind == tkWord }
func (t *token) digits() bool     { return t.shape&shAllDigit != 0 }
func (t *token) letters() bool    { return t.shape&shWordNoDigit != 0 } // a word without a digit
func (t *token) upper() bool      { return t.shape&shUpper != 0 }
func (t *token) allUpper() bool   { return t.shape&shAllUpper != 0 }
func (t *token) n() int           { return int(t.e - t.s) }
func (t *token) capWord() bool    { return t.letters() && t.upper() }

// punct reports token t as the punctuation mark c. Only punctuation has a
// ch other than 0, so for a constant c other than 0 this is one compare.
func (t *token) punct(c byte) bool    { return t.ch == c && (c != 0 || t.kind == tkPunct) }
func (t *token) text(s string) string { return s[t.s:t.e] }

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Byte classes for the tokenizer (byteClass): ASCII letters and digits,
// the whitespace that separates tokens on a line, the line break, other
// ASCII (a punctuation token each) and the bytes of multi-byte runes.
const (
	bcLower uint8 = 1 << iota
	bcUpper
	bcDigit
	bcSpace // ' ', '\t', '\r', '\f', '\v'
	bcLine  // '\n'
	bcPunct
	bcHigh // >= utf8.RuneSelf
	bcWeb  // with bcPunct: '@', ':' and '.', which webMarks records

	bcAlnum = bcLower | bcUpper | bcDigit
)

// byteClass classifies every byte once, so that the tokenizer's loops test
// one table entry per byte instead of a chain of ranges.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = bcLower
		case c >= 'A' && c <= 'Z':
			t[c] = bcUpper
		case c >= '0' && c <= '9':
			t[c] = bcDigit
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			t[c] = bcSpace
		case c == '\n':
			t[c] = bcLine
		case c == '@' || c == ':' || c == '.':
			t[c] = bcPunct | bcWeb
		case c < utf8.RuneSelf:
			t[c] = bcPunct
		default:
			t[c] = bcHigh
		}
	}
	return t
}()

// tokenize appends the tokens of text to toks. Words of ASCII letters and
// digits, nearly all of them, take a fast path over byteClass; a word with
// a multi-byte rune in it is read rune by rune (wordSlow). Both give the
// tokens tokenizeRef (token_ref_test.go), the plain form of the same rules,
// gives; TestTokenizeMatchesReference and FuzzTokenize check it.
func tokenize(text string, toks []token) []token {
	return tokenizeLow(text, asciiLower(text), toks, nil, nil)
}

// webMarks are the offsets of the marks scanWeb starts from, in text
// order, and the union of the flags of the text's words: a rule family
// whose words or shapes the text lacks is skipped whole.
type webMarks struct {
	at, colon, dot []int32
	lines          []int32 // the tokens that open a line (gap == gapLine)
	lex            uint64  // every word's token.lex
	gaz            uint16  // every word's token.gaz
	shape          uint8   // every word's token.shape
}

func (m *webMarks) reset() {
	m.at, m.colon, m.dot, m.lines = m.at[:0], m.colon[:0], m.dot[:0], m.lines[:0]
	m.lex, m.gaz, m.shape = 0, 0, 0
}

// lexCacheSize is the number of entries of a lexCache: 2048 of 24 bytes,
// small enough to stay in a core's cache next to the text.
const lexCacheSize = 2048

// lexCache remembers the lexicon and gazetteer flags of words of up to
// eight letters, direct-mapped by their hash. A text repeats its common
// words many times, and the lexicon's tables are large: a word found here
// costs no probe of them (a cache miss each). The flags depend on the word
// alone, so an entry is valid for any text; a scan keeps its cache from one
// text to the next. Only words on the lists are kept: a word of a text
// that is on none of them (a rare surname) is not remembered past the text.
type lexCache [lexCacheSize]lexCacheEntry

type lexCacheEntry struct {
	key8 uint64 // the word, as pack8 packs it
	lex  uint64
	h    uint32
	gaz  uint16
	n    uint8 // the word's length; 0 for an empty entry
}

// maxHashed is the longest word, in bytes, whose hash the tokenizer keeps
// (token.h) and looks up in the word table.
const maxHashed = 40

// tokenizeLow is tokenize with low, the text with ASCII letters folded to
// lower case (asciiLower), at hand: a word's lower-case form is read from
// it, so the word loop only classifies and hashes. With web, it notes the
// offsets of the marks scanWeb looks for. With lc, the flags of short
// words are read from and kept in it.
func tokenizeLow(text, low string, toks []token, web *webMarks, lc *lexCache) []token {
	lexicon() // the tables lookupWord reads
	low = low[:len(text)]
	gap := gapLine // the start of the text counts as a line start
	if web != nil {
		web.lines = append(web.lines, int32(len(toks)))
	}
	i := 0
	for i < len(text) {
		c := text[i]
		cl := byteClass[c]
		switch cl {
		case bcSpace:
			if gap < gapSpace {
				gap = gapSpace
			}
			i++
			continue
		case bcLine:
			if web != nil && gap != gapLine {
				// The next token opens a line (if there is one).
				web.lines = append(web.lines, int32(len(toks)))
			}
			gap = gapLine
			i++
			continue
		case bcPunct:
			toks = append(toks, token{s: int32(i), e: int32(i + 1), kind: tkPunct, gap: gap, ch: c})
			gap = gapNone
			i++
			continue
		case bcPunct | bcWeb:
			toks = append(toks, token{s: int32(i), e: int32(i + 1), kind: tkPunct, gap: gap, ch: c})
			if web != nil {
				switch c {
				case '@':
					web.at = append(web.at, int32(i))
				case ':':
					web.colon = append(web.colon, int32(i))
				default:
					web.dot = append(web.dot, int32(i))
				}
			}
			gap = gapNone
			i++
			continue
		case bcHigh:
			r, size := utf8.DecodeRuneInString(text[i:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
				if unicode.IsSpace(r) {
					if gap < gapSpace {
						gap = gapSpace
					}
					i += size
					continue
				}
				var ch byte
				switch r {
				case '\u2019', '\u2018', '\u02bc':
					ch = '\''
				case '\u2013', '\u2014', '\u2010', '\u2011':
					ch = '-'
				case '\u201c', '\u201d':
					ch = '"'
				}
				toks = append(toks, token{s: int32(i), e: int32(i + size), kind: tkPunct, gap: gap, ch: ch})
				gap = gapNone
				i += size
				continue
			}
		}
		// A word: letters, digits and combining marks.
		start := i
		var acc uint8
		// The hash of the word's lower-case form is made in the same
		// pass; it is used for ASCII words of letters up to maxHashed
		// bytes.
		h := fnvOffset
		for i < len(text) {
			f := byteClass[text[i]]
			if f&bcAlnum == 0 {
				break
			}
			acc |= f
			h = fnvStep(h, low[i])
			i++
		}
		var shape uint8
		lastUpper := false // "MoCA", "HbA": a capital at the end of a mixed-case word
		if i < len(text) && byteClass[text[i]] == bcHigh {
			// A multi-byte rune in or after the word: read it rune by rune.
			i, shape, lastUpper = wordSlow(text, start)
		} else {
			if byteClass[text[start]] == bcUpper {
				shape |= shUpper
			}
			switch {
			case acc&(bcLower|bcUpper) == 0:
				shape |= shAllDigit
			case acc&bcLower == 0:
				shape |= shLetter | shAllUpper
			default:
				shape |= shLetter
				if acc&bcUpper != 0 {
					// The last letter is a capital other than the first.
					for k := i - 1; k > start; k-- {
						if f := byteClass[text[k]]; f != bcDigit {
							lastUpper = f == bcUpper
							break
						}
					}
				}
			}
			if acc&bcDigit != 0 {
				shape |= shDigit
			}
		}
		if shape&shDigit == 0 {
			shape |= shWordNoDigit
		}
		t := token{s: int32(start), e: int32(i), kind: tkWord, shape: shape, gap: gap}
		gap = gapNone
		if shape&shDigit == 0 {
			w := text[start:i]
			if shape&shNonASCII == 0 && len(w) <= maxHashed {
				// A word with a non-ASCII rune took wordSlow, so h covers
				// exactly w here. This is lookupWord for low[start:i],
				// probing the word table here rather than a call away.
				k8 := key8Low(low, start, len(w))
				var e *lexCacheEntry
				if lc != nil && len(w) <= 8 {
					e = &lc[h&(lexCacheSize-1)]
				}
				if e != nil && int(e.n) == len(w) && e.h == h && e.key8 == k8 {
					t.lex, t.gaz = e.lex, e.gaz
				} else {
					if f, g, ok := lexTable.lookupLowKey(low, start, len(w), h, k8); ok {
						t.lex, t.gaz = f, g
					} else if gazBloom.has(h) {
						_, t.gaz, _ = gazTable.lookupLowKey(low, start, len(w), h, k8)
					}
					if e != nil && (t.lex != 0 || t.gaz != 0) {
						*e = lexCacheEntry{key8: k8, lex: t.lex, h: h, gaz: t.gaz, n: uint8(len(w))}
					}
				}
				t.h = h
				if lastUpper && shape&shAllUpper == 0 {
					t.gaz = 0 // "MoCA" is no town
				}
			} else if len(w) <= 64 {
				t.lex, t.gaz = lookupLong(w)
			}
		}
		if web != nil {
			web.lex, web.gaz, web.shape = web.lex|t.lex, web.gaz|t.gaz, web.shape|t.shape
		}
		toks = append(toks, t)
	}
	if web != nil && len(web.lines) > 0 && int(web.lines[len(web.lines)-1]) == len(toks) {
		web.lines = web.lines[:len(web.lines)-1] // the text ends in a line break
	}
	return toks
}

// wordSlow reads the word that starts at text[i] rune by rune, for words
// with a multi-byte rune: its end, shape and whether it ends in a capital
// other than its first letter.
func wordSlow(text string, i int) (end int, shape uint8, lastUpper bool) {
	shape = shAllUpper | shAllDigit
	first := true
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				shape |= shLetter
				shape &^= shAllUpper | shAllDigit
				lastUpper = false
			case c >= 'A' && c <= 'Z':
				shape |= shLetter
				shape &^= shAllDigit
				if first {
					shape |= shUpper
				}
				lastUpper = !first
			case c >= '0' && c <= '9':
				shape |= shDigit
			default:
				goto done
			}
			i++
			first = false
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r):
			shape |= shLetter | shNonASCII
			shape &^= shAllDigit
			if unicode.IsUpper(r) {
				if first {
					shape |= shUpper
				}
			} else if !unicode.IsTitle(r) {
				shape &^= shAllUpper
			}
		case unicode.IsDigit(r):
			shape |= shDigit | shNonASCII
			shape &^= shAllDigit
		case unicode.IsMark(r) && !first:
			shape |= shNonASCII
		default:
			goto done
		}
		i += size
		first = false
	}
done:
	if shape&shLetter == 0 {
		shape &^= shAllUpper
	}
	return i, shape, lastUpper
}

// lookupLong returns the lexicon and gazetteer flags of a word of letters
// that is not short ASCII: lower-cased, and with its diacritics removed
// when the lists do not have it as written.
func lookupLong(w string) (uint64, uint16) {
	words, _ := lexicon()
	gwords, _ := gazetteer()
	var lb [80]byte
	lwb := appendLower(lb[:0], w) // strings.ToLower(w), on the stack
	lw := unsafe.String(unsafe.SliceData(lwb), len(lwb))
	lex, gaz := words[lw], toGz(gwords[lw])
	if lex == 0 {
		// "María", "Jesús", "Paweł", "Bogotá": the lists are in
		// ASCII.
		var fb [64]byte
		if f, ok := foldLatin(fb[:0], lw); ok {
			lex = words[string(f)]
			if gaz == 0 {
				gaz = toGz(gwords[string(f)])
			}
		}
	}
	return lex, gaz
}

// lowerASCII writes the lower-case form of s into buf when s is short ASCII.
func lowerInto(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// latinFold maps lower-case Latin letters with diacritics to ASCII.
var latinFold = map[rune]byte{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ą': 'a', 'ă': 'a',
	'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ę': 'e', 'ě': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ı': 'i',
	'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o', 'ő': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ű': 'u', 'ů': 'u',
	'ñ': 'n', 'ń': 'n', 'ň': 'n', 'ç': 'c', 'ć': 'c', 'č': 'c', 'ł': 'l', 'ś': 's', 'š': 's', 'ş': 's', 'ș': 's',
	'ź': 'z', 'ż': 'z', 'ž': 'z', 'ř': 'r', 'ğ': 'g', 'ý': 'y', 'ţ': 't', 'ț': 't', 'đ': 'd',
}

// foldLatin appends the lower-case word w with its diacritics removed to b,
// or reports false if w has a letter outside the Latin alphabet.
func foldLatin(b []byte, w string) ([]byte, bool) {
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case latinFold[r] != 0:
			b = append(b, latinFold[r])
		default:
			return nil, false
		}
	}
	return b, true
}
