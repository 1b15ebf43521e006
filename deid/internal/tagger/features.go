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
	caseLower   uint8 = iota
	caseTitle         // first letter upper case, some other lower ("Okafor", "McAllister")
	caseUpper         // every letter upper case, two letters or more
	caseInitial       // one upper-case letter
	caseDigit         // has a digit
	caseOther         // no letter
)

// MakeShape returns the shape of a word of n bytes from what a tokenizer
// knows about it: whether its first letter is upper case, whether every
// letter is, whether it has a letter, a digit, a non-ASCII character.
func MakeShape(n int, firstUpper, allUpper, letter, digit, nonASCII bool) uint8 {
	var cs uint8
	switch {
	case digit:
		cs = caseDigit
	case !letter:
		cs = caseOther
	case allUpper && n == 1:
		cs = caseInitial
	case allUpper:
		cs = caseUpper
	case firstUpper:
		cs = caseTitle
	default:
		cs = caseLower
	}
	var lb uint8
	switch {
	case nonASCII && n > 5:
		lb = 7
	case nonASCII:
		lb = 6
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
	return cs<<3 | lb
}

// ShapeOf computes the shape of w by reading it, for callers without a
// tokenizer of their own: an upper-case rune is one unicode.IsUpper or
// unicode.IsTitle reports, and "every letter upper case" ignores title-case
// runes, as deid's tokenizer does.
func ShapeOf(w string) uint8 {
	firstUpper, allUpper, letter, digit, nonASCII := false, true, false, false, false
	first := true
	for _, r := range w {
		if r >= utf8.RuneSelf {
			nonASCII = true
		}
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			letter = true
			if first {
				firstUpper = true
			}
		case unicode.IsLetter(r):
			letter = true
			allUpper = false
		case unicode.IsDigit(r):
			digit = true
		}
		first = false
	}
	return MakeShape(len(w), firstUpper, allUpper && letter, letter, digit, nonASCII)
}

func caseOf(shape uint8) uint8 { return shape >> 3 }

// nameOrPlace are the classes that make a word worth scoring whatever its
// case.
const nameOrPlace = LexGiven | LexGivenAmb | LexSurname | LexSurnameAmb | LexCity | LexCityAmb | LexFacility | LexParticle

// lowerCues are the cues that make a lower-case word worth scoring: a
// document in lower case, or a position where names go.
const lowerCues = CueDocLower | CueAfterGreet | CueAfterTitle | CueAfterRel

// ambiguous classes: a word on a name or place list that is also something
// else.
const ambiguous = LexGivenAmb | LexSurnameAmb | LexCityAmb | LexCommon | LexMedical | LexTime | LexTitle | LexRegion

// Candidate reports whether Tag scores token t; every other token takes O
// (or the rules' label). Candidates are words the rules left alone that
// may be a name or place going by their case, lexicon classes and
// position:
//
//   - capitalized words on no list, and capitalized words on a name or
//     place list (an ambiguous one not at the start of a sentence, one
//     that is also an ordinary English word only after a preposition,
//     title, relation word or greeting); states and countries never;
//   - lower-case words on no list or on a name or place list, in a
//     lower-case document or after a greeting, title or relation word;
//   - all-capital words of up to six letters after a place preposition or
//     before a facility word ("seen at KMC", "the KMC clinic");
//   - initials followed by a period and, past any other initials, a
//     capitalized word;
//   - any capitalized word but a month or weekday right after a candidate
//     or a place the rules found, in the same sentence, which may continue
//     it ("Kalon Valley Behavioral Health").
//
// Ordinary and clinical words, months, titles and words with digits are
// never scored, which keeps the tagger to a small share of the detector's
// time.
func Candidate(t *Token) bool {
	if t.Rule != KindNone || t.Lex&LexRegion != 0 && t.Lex&LexCity == 0 {
		return false
	}
	cont := t.Cue&CueAfterEntity != 0 && t.Lex&LexTime == 0 // may continue the entity before
	switch caseOf(t.Shape) {
	case caseDigit, caseOther:
		return false
	case caseLower:
		return len(t.Text) >= 3 && (t.Lex == 0 || t.Lex&nameOrPlace != 0) && t.Cue&lowerCues != 0
	case caseInitial:
		return t.After == '.' && t.Cue&CueBeforeName != 0
	case caseUpper:
		return cont ||
			len(t.Text) <= 6 && (t.Lex == 0 || t.Lex&nameOrPlace != 0) && t.Cue&(CueAfterPrep|CueBeforeFac) != 0
	}
	if cont {
		return true
	}
	if t.Lex == 0 {
		return true
	}
	if t.Lex&nameOrPlace == 0 {
		return false
	}
	if t.Lex&LexCommon != 0 {
		// An ordinary English word too ("Mobile", "Will"): only where a
		// name or place is expected.
		return t.Cue&(CueAfterPrep|CueAfterTitle|CueAfterRel|CueAfterGreet) != 0
	}
	return t.Lex&ambiguous == 0 || t.Cue&(CueSentStart|CueLineStart|CueAfterTag) == 0
}

// weak reports whether candidate t has only weak evidence of being a name or
// place from its position: a lower-case word in a lower-case text with no
// greeting, title or relation word before it, a capitalized word opening a
// sentence or a line, or a word that only follows an entity. Tag asks such
// words for a wider margin.
func weak(t *Token) bool {
	if t.Cue&(CueAfterGreet|CueAfterTitle|CueAfterRel|CueAfterPrep) != 0 {
		return false
	}
	switch caseOf(t.Shape) {
	case caseLower:
		return true
	case caseTitle:
		return t.Cue&(CueSentStart|CueLineStart|CueAfterTag) != 0 || t.Lex&nameOrPlace == 0 && t.Cue&CueAfterEntity != 0
	}
	return false
}

// bucket hashes a feature (template, value) to a table bucket: a
// multiply-xorshift-multiply mix, taking the high bits.
func bucket(tmpl, v uint64, shift uint8) uint32 {
	x := v*0x9E3779B97F4A7C15 + tmpl*0xC2B2AE3D27D4EB4F
	x ^= x >> 32
	x *= 0xD6E8FEB86659FD93
	return uint32(x >> shift)
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
	sh := 64 - bits
	t := &toks[i]
	w0 := uint64(hashOf(t))
	cs := uint64(caseOf(shape))
	pre, suf := affixes(t.Text)
	lex := uint64(t.Lex)
	cue := uint64(t.Cue)
	f[0] = bucket(fBias, 0, sh)
	f[1] = bucket(fWord, w0, sh)
	f[2] = bucket(fPre3, pre, sh)
	f[3] = bucket(fSuf3, suf, sh)
	f[4] = bucket(fShape, uint64(shape), sh)
	f[5] = bucket(fLex, lex, sh)
	f[6] = bucket(fShapeLex, uint64(shape)<<16|lex, sh)

	// Neighbours: a line break ends the window.
	pw, p2w, nw, n2w := noWord, noWord, noWord, noWord
	var pLex, nLex Lex
	pShape, nShape := noShape, noShape
	var pRule, nRule Kind = 7, 7
	if i > 0 && t.Cue&(CueLineStart|CueGap) == 0 {
		p := &toks[i-1]
		pw = uint64(hashOf(p))
		pLex, pRule, pShape = p.Lex, p.Rule, p.Shape
		if i > 1 && p.Cue&(CueLineStart|CueGap) == 0 {
			p2w = uint64(hashOf(&toks[i-2]))
		}
	}
	if i+1 < len(toks) && toks[i+1].Cue&(CueLineStart|CueGap) == 0 {
		x := &toks[i+1]
		nw = uint64(hashOf(x))
		nLex, nRule, nShape = x.Lex, x.Rule, x.Shape
		if i+2 < len(toks) && toks[i+2].Cue&(CueLineStart|CueGap) == 0 {
			n2w = uint64(hashOf(&toks[i+2]))
		}
	}
	f[7] = bucket(fPrevWord, pw, sh)
	f[8] = bucket(fNextWord, nw, sh)
	f[9] = bucket(fPrev2Word, p2w, sh)
	f[10] = bucket(fNext2Word, n2w, sh)
	f[11] = bucket(fPrevLexShape, uint64(pLex)<<8|uint64(pShape), sh)
	f[12] = bucket(fNextLexShape, uint64(nLex)<<8|uint64(nShape), sh)
	f[13] = bucket(fRuleCtx, uint64(pRule)<<4|uint64(nRule), sh)
	f[14] = bucket(fPunct, uint64(t.Before)<<8|uint64(t.After), sh)
	f[15] = bucket(fCue, cue, sh)
	f[16] = bucket(fCueShape, cue<<8|cs, sh)
	f[17] = bucket(fCueLex, cue<<16|lex, sh)
	f[18] = bucket(fPrevWordShape, pw<<8|cs, sh)
	f[19] = bucket(fNextWordShape, nw<<8|cs, sh)
	f[20] = bucket(fWordCue, w0<<16|uint64(t.Cue&(CueDocLower|CueSentStart|CueLineStart)), sh)
	n := 21
	for l := t.Lex; l != 0; l &= l - 1 {
		f[n] = bucket(fLexBit, uint64(l&-l), sh)
		n++
	}
	return n
}

// dynamic appends the previous-label features.
func dynamic(prev Label, shape uint8, w0 uint32, bits uint8, f *[maxFeatures]uint32, n int) int {
	sh := 64 - bits
	f[n] = bucket(fPrevLabel, uint64(prev), sh)
	f[n+1] = bucket(fPrevLabelShape, uint64(prev)<<8|uint64(shape), sh)
	f[n+2] = bucket(fPrevLabelWord, uint64(prev)<<32|uint64(w0), sh)
	return n + 3
}
