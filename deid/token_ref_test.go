package deid

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is the tokenizer as it was before the byte-class fast path
// (tokenize): kept as the reference the fast path must equal.
func tokenizeRef(text string, toks []token) []token {
	words, _ := lexicon()
	gwords, _ := gazetteer()
	var buf [40]byte
	gap := gapLine // the start of the text counts as a line start
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				if gap < gapSpace {
					gap = gapSpace
				}
				i++
				continue
			case c == '\n':
				gap = gapLine
				i++
				continue
			case !isAlnumByte(c):
				toks = append(toks, token{s: int32(i), e: int32(i + 1), kind: tkPunct, gap: gap, ch: c})
				gap = gapNone
				i++
				continue
			}
		} else {
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
		var shape uint8 = shAllUpper | shAllDigit
		first := true
		lastUpper := false // "MoCA", "HbA": a capital at the end of a mixed-case word
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
		if shape&shDigit == 0 {
			shape |= shWordNoDigit
		}
		t := token{s: int32(start), e: int32(i), kind: tkWord, shape: shape, gap: gap}
		gap = gapNone
		if shape&shDigit == 0 {
			w := text[start:i]
			if shape&shNonASCII == 0 && len(w) <= len(buf) {
				h := fnvOffset
				for j := 0; j < len(w); j++ {
					c := w[j]
					if c >= 'A' && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf[j] = c
					h = fnvStep(h, c)
				}
				t.lex, t.gaz = lookupWord(buf[:len(w)], h)
				t.h = h
				if lastUpper && shape&shAllUpper == 0 {
					t.gaz = 0 // "MoCA" is no town
				}
			} else if len(w) <= 64 {
				lw := strings.ToLower(w)
				t.lex, t.gaz = words[lw], toGz(gwords[lw])
				if t.lex == 0 {
					// "María", "Jesús", "Paweł", "Bogotá": the lists are in
					// ASCII.
					var fb [64]byte
					if f, ok := foldLatin(fb[:0], lw); ok {
						t.lex = words[string(f)]
						if t.gaz == 0 {
							t.gaz = toGz(gwords[string(f)])
						}
					}
				}
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// referenceTexts are the texts the fast paths are compared on: every
// corpus in testdata/deid, the generated training corpus, and each of them
// lower- and upper-cased.
func referenceTexts(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "deid", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("corpora: %v (%d files)", err, len(files))
	}
	var texts []string
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var d struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, d.Text)
		}
		f.Close()
	}
	n := len(texts)
	for _, x := range texts[:n] {
		texts = append(texts, strings.ToLower(x), strings.ToUpper(x))
	}
	return texts
}

// TestTokenizeMatchesReference: the fast tokenizer gives the reference
// tokenizer's tokens on every corpus.
func TestTokenizeMatchesReference(t *testing.T) {
	t.Parallel()
	for _, x := range append(referenceTexts(t), tokenizeSeeds...) {
		checkTokenize(t, x)
	}
}

var tokenizeSeeds = []string{
	"", "a", "A", "9", "é", "MoCA HbA1c Whitcombe's", "María Jesús PAWEŁ Bogotá café\u0301",
	"x\u00a0y\u2019s \u201cq\u201d a\u2013b", "ǅemal ǅ Ǆ", "a̐b", "\u0301a", "١٢٣ abc١", "ABC\xffdef\xc3",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
	"line\r\n\tnext\v\f end\n\n", "O'Neil-Park D.O.B. 03/04/1952 MRN#00451287",
}

func checkTokenize(t *testing.T, x string) {
	t.Helper()
	got, want := tokenize(x, nil), tokenizeRef(x, nil)
	if !slices.Equal(got, want) {
		for k := range min(len(got), len(want)) {
			if got[k] != want[k] {
				t.Fatalf("token %d of %q: got %+v, want %+v", k, x[max(0, int(want[k].s)-20):min(len(x), int(want[k].e)+20)], got[k], want[k])
			}
		}
		t.Fatalf("%d tokens, want %d, in %q", len(got), len(want), x)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, x := range tokenizeSeeds {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x string) { checkTokenize(t, x) })
}

// TestLowerTextMatchesReference: lowerText, eight bytes at a time, folds
// exactly what asciiLower folds.
func TestLowerTextMatchesReference(t *testing.T) {
	t.Parallel()
	var buf []byte
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	texts := append(referenceTexts(t), tokenizeSeeds...)
	for k := range len(all) {
		texts = append(texts, string(all[k:]), string(all[:k]))
	}
	for _, x := range texts {
		var got string
		got, buf = lowerText(x, buf)
		if want := asciiLower(x); got != want {
			t.Fatalf("lowerText(%q) = %q, want %q", x, got, want)
		}
	}
}

// TestWordTableMatchesMaps: the tokenizer's word tables give every word
// the flags of the lexicon and gazetteer maps they are built from, and no
// flags to words on neither.
func TestWordTableMatchesMaps(t *testing.T) {
	t.Parallel()
	words, _ := lexicon()
	gwords, _ := gazetteer()
	check := func(w string) {
		if len(w) > 40 {
			return
		}
		var buf [40]byte
		copy(buf[:], w)
		f, g := lookupWord(buf[:len(w)], fnvString(w))
		if wf, wg := words[w], toGz(gwords[w]); f != wf || g != wg {
			t.Fatalf("lookupWord(%q) = %#x, %#x; the maps say %#x, %#x", w, f, g, wf, wg)
		}
		if f2, g2 := lookupString(w); f2 != f || g2 != g {
			t.Fatalf("lookupString(%q) = %#x, %#x; lookupWord says %#x, %#x", w, f2, g2, f, g)
		}
	}
	for _, m := range []map[string]uint64{words, gwords} {
		for w := range m {
			check(w)
			check(w + "x")
			check(w[:len(w)-1])
			check("q" + w)
		}
	}
}

// TestPhraseFlagsMatchMaps: the phrase lookups behind their Bloom filters
// give every phrase the flags of its map.
func TestPhraseFlagsMatchMaps(t *testing.T) {
	t.Parallel()
	_, lp := lexicon()
	_, gp := gazetteer()
	for _, c := range []struct {
		m  map[string]uint64
		fn func([]byte) uint64
	}{{lp, lexPhraseFlags}, {gp, gazPhraseFlags}} {
		for k, f := range c.m {
			if got := c.fn([]byte(k)); got != f {
				t.Fatalf("phrase %q: %#x, the map says %#x", k, got, f)
			}
			if got, want := c.fn([]byte(k+" x")), c.m[k+" x"]; got != want {
				t.Fatalf("phrase %q: %#x, the map says %#x", k+" x", got, want)
			}
		}
	}
}
