package tagger

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates: the high byte of a feature key, so equal values of
// different templates land in different buckets.
const (
	fBias uint64 = iota + 1
	fWord
	fPre3
	fSuf3
	fShape
	fLex
	fLexBit
	fShapeLex
	fPrevWord
	fNextWord
	fPrev2Word
	fNext2Word
	fPrevLexShape
	fNextLexShape
	fRuleCtx
	fPunct
	fCue
	fCueShape
	fCueLex
	fPrevWordShape
	fNextWordShape
	fWordCue
	fPrevLabel
	fPrevLabelShape
	fPrevLabelWord
)

// maxFeatures bounds the features of one token: 23 fixed templates and at
// most 16 lexicon bits.
const maxFeatures = 40

// Shape classes: case pattern in the high bits, a length bucket in the low
// three.
const (
	caseLower uint8 = iota
	caseTitle
	caseUpper // every letter upper case, two letters or more
	caseInitial
	caseMixed // "McAllister", "DeVries", "iPhone"
	caseDigit
	caseOther
)

// shapeOf returns the shape class of a word and whether it has a letter and
// a digit.
func shapeOf(w string) (shape uint8, letter, digit bool) {
	if w == "" {
		return caseOther << 3, false, false
	}
	firstUpper, upper, lower, nonASCII := false, 0, 0, false
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'A' && c <= 'Z':
				upper++
				if i == 0 {
					firstUpper = true
				}
			case c >= 'a' && c <= 'z':
				lower++
			case c >= '0' && c <= '9':
				digit = true
			}
			i++
			continue
		}
		nonASCII = true
		r, size := utf8.DecodeRuneInString(w[i:])
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLetter(r):
			lower++
		case unicode.IsDigit(r):
			digit = true
		}
		i += size
	}
	letter = upper+lower > 0
	var cs uint8
	switch {
	case digit:
		cs = caseDigit
	case !letter:
		cs = caseOther
	case upper == 0:
		cs = caseLower
	case upper == 1 && lower == 0:
		cs = caseInitial
	case lower == 0:
		cs = caseUpper
	case firstUpper && upper == 1:
		cs = caseTitle
	default:
		cs = caseMixed
	}
	n := len(w)
	var lb uint8
	switch {
	case n <= 1:
		lb = 0
	case n == 2:
		lb = 1
	case n == 3:
		lb = 2
	case n <= 5:
		lb = 3
	case n <= 8:
		lb = 4
	default:
		lb = 5
	}
	if nonASCII { // 6 and 7: non-ASCII, short or long
		lb = 6
		if n > 5 {
			lb = 7
		}
	}
	return cs<<3 | lb, letter, digit
}

func caseOf(shape uint8) uint8 { return shape >> 3 }

// nameOrPlace are the classes that make a word worth scoring whatever its
// case.
const nameOrPlace = LexGiven | LexGivenAmb | LexSurname | LexSurnameAmb | LexCity | LexCityAmb | LexFacility | LexParticle

// candidate reports whether the tagger scores token t: a word the rules left
// alone that is capitalized, on a name or place list, or unknown to the
// lexicon. shape is shapeOf(t.Text).
func candidate(t *Token, shape uint8, letter, digit bool) bool {
	if t.Rule != KindNone || !letter || digit {
		return false
	}
	if t.Lex&nameOrPlace != 0 {
		return true
	}
	switch caseOf(shape) {
	case caseLower:
		return t.Lex == 0 && len(t.Text) >= 3
	case caseTitle, caseMixed, caseInitial:
		// A capitalized ordinary word opening a sentence is nothing.
		return t.Lex == 0 || t.Cue&(CueSentStart|CueLineStart|CueAfterTag) == 0
	case caseUpper:
		return t.Lex == 0 && len(t.Text) <= 6
	}
	return false
}

// mix is SplitMix64's finalizer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func hashOf(t *Token) uint32 {
	if t.Hash != 0 {
		return t.Hash
	}
	return WordHash(t.Text)
}

// affixes returns hashes of the lower-case first and last three bytes.
func affixes(w string) (uint64, uint64) {
	var p, s uint64
	n := min(3, len(w))
	for i := 0; i < n; i++ {
		p = p<<8 | uint64(lowerByte(w[i]))
		s = s<<8 | uint64(lowerByte(w[len(w)-n+i]))
	}
	return p | uint64(n)<<32, s | uint64(n)<<32
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Sentinels for neighbours beyond a line break or the text.
const (
	noWord  uint64 = 1 << 40
	noShape uint8  = 0xff
)

// features writes the bucket indexes of token i's static features (all but
// the previous-label ones) into f and returns how many. bits is the table
// size.
func features(toks []Token, i int, shape uint8, bits uint8, f *[maxFeatures]uint32) int {
	n := 0
	sh := 64 - bits
	put := func(tmpl, v uint64) {
		f[n] = uint32(mix(tmpl<<56^v) >> sh)
		n++
	}
	t := &toks[i]
	w0 := uint64(hashOf(t))
	cs := uint64(caseOf(shape))
	put(fBias, 0)
	put(fWord, w0)
	pre, suf := affixes(t.Text)
	put(fPre3, pre)
	put(fSuf3, suf)
	put(fShape, uint64(shape))
	put(fLex, uint64(t.Lex))
	for l := t.Lex; l != 0; l &= l - 1 {
		put(fLexBit, uint64(l&-l))
	}
	put(fShapeLex, uint64(shape)<<16|uint64(t.Lex))

	// Neighbours: a line break ends the window.
	pw, p2w, nw, n2w := noWord, noWord, noWord, noWord
	var pLex, nLex Lex
	pShape, nShape := noShape, noShape
	var pRule, nRule Kind = 7, 7
	if i > 0 && t.Cue&CueLineStart == 0 {
		p := &toks[i-1]
		pw = uint64(hashOf(p))
		pLex, pRule = p.Lex, p.Rule
		pShape, _, _ = shapeOf(p.Text)
		if i > 1 && p.Cue&CueLineStart == 0 {
			p2w = uint64(hashOf(&toks[i-2]))
		}
	}
	if i+1 < len(toks) && toks[i+1].Cue&CueLineStart == 0 {
		x := &toks[i+1]
		nw = uint64(hashOf(x))
		nLex, nRule = x.Lex, x.Rule
		nShape, _, _ = shapeOf(x.Text)
		if i+2 < len(toks) && toks[i+2].Cue&CueLineStart == 0 {
			n2w = uint64(hashOf(&toks[i+2]))
		}
	}
	put(fPrevWord, pw)
	put(fNextWord, nw)
	put(fPrev2Word, p2w)
	put(fNext2Word, n2w)
	put(fPrevLexShape, uint64(pLex)<<8|uint64(pShape))
	put(fNextLexShape, uint64(nLex)<<8|uint64(nShape))
	put(fRuleCtx, uint64(pRule)<<4|uint64(nRule))
	put(fPunct, uint64(t.Before)<<8|uint64(t.After))
	put(fCue, uint64(t.Cue))
	put(fCueShape, uint64(t.Cue)<<8|cs)
	put(fCueLex, uint64(t.Cue)<<16|uint64(t.Lex))
	put(fPrevWordShape, pw<<8|cs)
	put(fNextWordShape, nw<<8|cs)
	put(fWordCue, w0<<16|uint64(t.Cue&(CueDocLower|CueSentStart|CueLineStart)))
	return n
}

// dynamic appends the previous-label features.
func dynamic(prev Label, shape uint8, w0 uint32, bits uint8, f *[maxFeatures]uint32, n int) int {
	sh := 64 - bits
	f[n] = uint32(mix(fPrevLabel<<56^uint64(prev)) >> sh)
	f[n+1] = uint32(mix(fPrevLabelShape<<56^uint64(prev)<<8^uint64(shape)) >> sh)
	f[n+2] = uint32(mix(fPrevLabelWord<<56^uint64(prev)<<32^uint64(w0)) >> sh)
	return n + 3
}
