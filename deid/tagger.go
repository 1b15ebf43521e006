package deid

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/clinscribe/clinscribe/deid/internal/tagger"
)

// tagger.bin holds the weights of the learned name and place tagger,
// written by `make train-deid` (TestTaggerWeights with -train) from the
// corpus internal/corpusgen generates; TestTaggerWeights checks that a fresh
// training run reproduces it byte for byte.
//
//go:embed data/tagger.bin
var taggerWeights []byte

var (
	taggerOnce  sync.Once
	taggerModel *tagger.Model
	taggerErr   error
)

// loadTagger decodes the embedded weights once.
func loadTagger() (*tagger.Model, error) {
	taggerOnce.Do(func() {
		taggerModel, taggerErr = tagger.Load(taggerWeights)
		if taggerErr != nil {
			taggerErr = fmt.Errorf("tagger.Load: %w", taggerErr)
		}
	})
	return taggerModel, taggerErr
}

// taggerMinMargin is the confidence threshold: the tagger adds a name or
// place only where its score beats "not an identifier" by this many
// averaged-perceptron units (one unit is one training update). Chosen on
// the tuning corpora (independent.jsonl, blind.jsonl), never on a holdout:
// margins 0, 2, 5, 10, 20 gave F2 0.964, 0.966, 0.968, 0.966, 0.966
// (independent) and 0.931, 0.932, 0.930, 0.932, 0.927 (blind); 5 keeps
// most of the recall and halves the tagger's false positives against 0.
const taggerMinMargin = 5.0

// taggerWeakMargin is the threshold for candidates with weak evidence from
// their position (tagger.Margins). Chosen the same way: 10 against 5 took
// one false positive in four off independent.jsonl for one leak in 600 on
// blind.jsonl; 20 cost more recall than it saved.
const taggerWeakMargin = 10.0

// taggerQuietMargin is the threshold in a text where the rules found no
// identifier at all: most such texts have none, and one false name spoils
// a document that would have left unchanged. Chosen on the tuning corpora:
// 20 against 5 keeps blind.jsonl's PHI-free documents unchanged as with
// the rules alone (24/37 against 23/37) and fresh.jsonl's (20/20 against
// 19/20) at no cost in recall on any of them.
const taggerQuietMargin = 20.0

// Words that cue the next word for the tagger, found by the hash the
// tokenizer already computed rather than by a map lookup per word.
const (
	cueGreet uint8 = 1 // opens a greeting or an address: a name often follows within two words
	cuePrep  uint8 = 2 // a preposition before places
)

type cueEntry struct {
	w string
	h uint32
	c uint8
}

// cueWordTable is a small open-addressing table of the cue words, keyed by
// the FNV-1a hash the tokenizer stores in token.h.
var cueWordTable = func() (t [256]cueEntry) {
	// Slot 0 holds a word no token is, so that it is never empty: a token
	// without a hash (0) goes on to cueWordProbe, which finds nothing.
	t[0] = cueEntry{w: "\x00", c: 255}
	add := func(words string, c uint8) {
		for _, w := range strings.Fields(words) {
			h := tagger.WordHash(w)
			j := h & 255
			for t[j].c != 0 {
				j = (j + 1) & 255
			}
			t[j] = cueEntry{w: w, h: h, c: c}
		}
	}
	// Greetings, and the words that open an address in speech ("alright
	// hunter, let's look", "okay mira").
	add("hi hey hello morning afternoon evening thanks thank bye goodbye dear welcome hiya howdy night "+
		"congrats congratulations alright okay ok sorry", cueGreet)
	add("at from to in near into outside by", cuePrep)
	return t
}()

// cueWord returns the cue class of token k, 0 if none.
func (s *scan) cueWord(k int) uint8 {
	// Most words' first slot is empty: that answer is given inline.
	if cueWordTable[s.toks[k].h&255].c == 0 {
		return 0 // slot 0 is never empty (cueWordTable): h is not 0
	}
	return s.cueWordProbe(k)
}

// cueWordProbe is cueWord past its first test.
func (s *scan) cueWordProbe(k int) uint8 {
	t := &s.toks[k]
	for j := t.h & 255; cueWordTable[j].c != 0; j = (j + 1) & 255 {
		if e := &cueWordTable[j]; e.h == t.h && len(e.w) == t.n() && e.w == s.lower(k) {
			return e.c
		}
	}
	return 0
}

// lexClassPairs maps lexicon flags to the tagger's classes.
var lexClassPairs = []struct {
	f uint64
	l tagger.Lex
}{
	{lxFirst, tagger.LexGiven}, {lxFirstAmb, tagger.LexGivenAmb}, {lxSur, tagger.LexSurname},
	{lxSurAmb, tagger.LexSurnameAmb}, {lxCity, tagger.LexCity}, {lxCityAmb, tagger.LexCityAmb},
	{lxFacility, tagger.LexFacility}, {lxCommon, tagger.LexCommon}, {lxMedical, tagger.LexMedical},
	{lxTitle | lxTitleClin, tagger.LexTitle}, {lxRelation, tagger.LexRelation},
	{lxState | lxStateAbbr | lxCountry, tagger.LexRegion}, {lxMonth | lxMonthAbbr | lxWeekday, tagger.LexTime},
	{lxLookalike | lxEponymHead, tagger.LexLookalike}, {lxParticle, tagger.LexParticle},
	{lxStreetSuffix, tagger.LexStreet},
}

// lexClassTable maps each byte of the lexicon flags to the tagger's
// classes, so a word's classes are six table lookups.
var lexClassTable = func() (t [6][256]tagger.Lex) {
	for k := range t {
		for v := range 256 {
			f := uint64(v) << (8 * k)
			for _, p := range lexClassPairs {
				if f&p.f != 0 {
					t[k][v] |= p.l
				}
			}
		}
	}
	return t
}()

// lexClasses maps lexicon flags to the tagger's classes.
func lexClasses(f uint64) tagger.Lex {
	if f == 0 {
		return 0
	}
	return lexClassTable[0][byte(f)] | lexClassTable[1][byte(f>>8)] | lexClassTable[2][byte(f>>16)] |
		lexClassTable[3][byte(f>>24)] | lexClassTable[4][byte(f>>32)] | lexClassTable[5][byte(f>>40)]
}

// nameOrPlaceFlags are the lexicon flags of tagger.LexGiven ... LexParticle:
// a word without them is a candidate only if it is on no list at all.
const nameOrPlaceFlags = lxFirst | lxFirstAmb | lxSur | lxSurAmb | lxCity | lxCityAmb | lxFacility | lxParticle

// notice notes, for the tagger, what the rules' main loop passes at the
// word of letters at token index i: whether it counts for lowerCaseText,
// whether it may be a candidate (s.maybe), and whether it is written in
// lower case (s.lowerSeen).
func (s *scan) notice(i int) {
	t := &s.toks[i]
	if s.caseCounted(i) {
		s.words++
		if t.shape&shUpper != 0 {
			s.upperWords++
		}
	}
	if t.lex == 0 || t.lex&nameOrPlaceFlags != 0 {
		s.maybe = append(s.maybe, int32(i))
	}
	if t.shape&(shUpper|shAllUpper) == 0 && t.h != 0 {
		s.lowerSeen[t.h>>6&(lowerSeenWords-1)] |= 1 << (t.h & 63)
	}
}

// wordCtx is what the tagger needs to know about the text around a word:
// its token index, the word before it, and what lies between them.
type wordCtx struct {
	i, prev int  // token indexes; prev is -1 at the start of the text
	line    bool // first word on its line
	sent    bool // first word of a sentence
	before  byte // the mark right before the word, 0 if none
}

// ctxAt returns the context of the word at token index i, computed once
// per taggerInput (ctxs).
func (s *scan) ctxAt(i int) wordCtx {
	if i > 0 && s.toks[i-1].kind == tkWord {
		// Right after a word, the common case: nothing lies between,
		// and ctxOf would say the same.
		line := s.toks[i].gap == gapLine
		return wordCtx{i: i, prev: i - 1, line: line, sent: line}
	}
	if i < len(s.ctxGen) && s.ctxGen[i] == s.gen {
		return s.ctxs[i]
	}
	c := s.ctxOf(i)
	if i < len(s.ctxGen) {
		s.ctxs[i], s.ctxGen[i] = c, s.gen
	}
	return c
}

// ctxOf computes ctxAt.
func (s *scan) ctxOf(i int) wordCtx {
	c := wordCtx{i: i, prev: -1, line: s.toks[i].gap == gapLine}
	sentEnd := false
	crossed := c.line // a line break lies between token k and the word
	k := i - 1
	for ; k >= 0 && s.toks[k].kind != tkWord; k-- {
		t := &s.toks[k]
		if c.before == 0 && !crossed {
			c.before = markOf(s, t)
		}
		if t.ch == '.' || t.ch == '?' || t.ch == '!' {
			sentEnd = true
		}
		if t.gap == gapLine {
			c.line, crossed = true, true
		}
	}
	c.prev = k
	if k < 0 {
		c.line = true
	}
	if c.line {
		c.sent = true
	} else if sentEnd {
		p := &s.toks[k]
		c.sent = p.lex&(lxTitle|lxTitleClin) == 0 && p.n() > 1
	}
	return c
}

// markOf is the ASCII form of a punctuation token: its folded mark, the
// byte itself, or '?' for other non-ASCII marks.
func markOf(s *scan, t *token) byte {
	c := t.ch
	if c == 0 {
		c = s.text[t.s]
		if c >= 0x80 {
			c = '?'
		}
	}
	return c
}

// nextWord returns the index of the next word token after i, or -1.
func (s *scan) nextWord(i int) int {
	for k := i + 1; k < len(s.toks); k++ {
		if s.toks[k].kind == tkWord {
			return k
		}
	}
	return -1
}

// tagInput is the state of one taggerInput call.
type tagInput struct {
	spans    []Span
	dropped  []cand
	docLower bool
	lastKept int // token index of the last word kept, -1 before the first
	lastCand int // token index of the last candidate, -1 before the first
	span     int // ruleAt's last index into spans
}

// ruleAt is what the rules found on the word at token index i.
func (s *scan) ruleAt(in *tagInput, i int) tagger.Kind {
	t := &s.toks[i]
	// in.spans[k] is the first span ending after the word's start. The
	// spans do not overlap, so their ends increase; the words come nearly
	// in text order, so k moves a step or two from where it was last.
	k := in.span
	for k > 0 && in.spans[k-1].End > int(t.s) {
		k--
	}
	for k < len(in.spans) && in.spans[k].End <= int(t.s) {
		k++
	}
	in.span = k
	if k < len(in.spans) && in.spans[k].Start < int(t.e) {
		switch in.spans[k].Type {
		case Name:
			return tagger.KindName
		case Location:
			return tagger.KindLoc
		}
		return tagger.KindOther
	}
	for _, d := range in.dropped {
		if d.s < int(t.e) && d.e > int(t.s) {
			return tagger.KindOther
		}
	}
	return tagger.KindNone
}

// taggerInput fills s.ttoks with what the tagger needs of the text: the
// words that are candidates (tagger.Candidate) and two words on each side
// of them, and s.tpos with their token indexes. Words far from any
// candidate are left out (the next kept word is marked CueGap), which keeps
// the cost low: only the words the rules' main loop listed as maybe
// candidates (s.maybe: unknown to the lexicon, or on a name or place list),
// the capitalized words after places the rules found and after candidates
// are looked at. spans are the rule spans (sorted); dropped are candidates
// the rules found and Config.Names excluded, which the tagger must not add
// back.
func (s *scan) taggerInput(spans []Span, dropped []cand) {
	s.ttoks, s.tpos = s.ttoks[:0], s.tpos[:0]
	// A new generation invalidates every memoized context.
	s.gen++
	if s.gen == 0 || len(s.ctxGen) < len(s.toks) {
		s.ctxGen = make([]uint32, len(s.toks)+len(s.toks)/2)
		s.ctxs = make([]wordCtx, len(s.ctxGen))
		s.gen = 1
	}
	in := tagInput{spans: spans, dropped: dropped, docLower: s.lowerCaseText(), lastKept: -1, lastCand: -1}
	// Capitalized words after the places the rules found may continue them.
	extra := s.extra[:0]
	for _, sp := range spans {
		if sp.Type != Location {
			continue
		}
		k, _ := slices.BinarySearchFunc(s.toks, int32(sp.End), func(t token, x int32) int { return int(t.s - x) })
		for ; k < len(s.toks) && s.toks[k].kind != tkWord; k++ {
		}
		if k < len(s.toks) && s.toks[k].shape&shUpper != 0 {
			extra = append(extra, int32(k))
		}
	}
	s.extra = extra
	mi, ei := 0, 0
	for mi < len(s.maybe) || ei < len(extra) {
		var i int
		switch {
		case ei >= len(extra) || mi < len(s.maybe) && s.maybe[mi] < extra[ei]:
			i = int(s.maybe[mi])
			mi++
		case mi >= len(s.maybe) || extra[ei] < s.maybe[mi]:
			i = int(extra[ei])
			ei++
		default:
			i = int(s.maybe[mi])
			mi++
			ei++
		}
		if i <= in.lastCand {
			continue // looked at already, as the continuation of a candidate
		}
		s.consider(&in, i)
	}
}

// consider looks at the word at i and, if it is a candidate, keeps it with
// its window, and the capitalized words after it that are candidates too
// (they may continue it).
func (s *scan) consider(in *tagInput, i int) {
	tok, ok := s.candidateAt(in, i)
	if !ok {
		return
	}
	for {
		// Keep the two words before, the word, and the two after.
		p1, p2 := s.ctxAt(i).prev, -1
		if p1 >= 0 {
			p2 = s.ctxAt(p1).prev
		}
		for _, k := range [2]int{p2, p1} {
			if k > in.lastKept {
				s.keep(in, k, nil)
			}
		}
		if i > in.lastKept {
			s.keep(in, i, &tok)
		}
		in.lastCand = i
		n1 := s.nextWord(i)
		if n1 >= 0 && s.toks[n1].shape&shUpper != 0 {
			if tok, ok = s.candidateAt(in, n1); ok {
				i = n1
				continue
			}
		}
		n2 := -1
		if n1 >= 0 {
			n2 = s.nextWord(n1)
		}
		for _, k := range [2]int{n1, n2} {
			if k > in.lastKept {
				s.keep(in, k, nil)
			}
		}
		return
	}
}

// candidateAt builds the token of the word at i and reports whether it is
// a candidate.
func (s *scan) candidateAt(in *tagInput, i int) (tagger.Token, bool) {
	var tok tagger.Token
	t := &s.toks[i]
	if t.shape&shLetter == 0 || t.shape&shDigit != 0 {
		return tok, false
	}
	lower := t.shape&(shUpper|shAllUpper) == 0 && !in.docLower
	if lower && s.plainLower(i) {
		return tok, false
	}
	// "weren't", "didn't": the verb before a negation's apostrophe, as
	// the tokenizer splits it, names no one.
	if s.runOnAfter(i, "t") {
		return tok, false
	}
	c := s.ctxAt(i)
	// Most words the rules left are lower-case words of a text in normal
	// case: tagger.Candidate wants a greeting, title or relation word
	// before them, which is quicker to rule out here than to build the
	// whole token.
	if lower {
		if t.n() < 3 || c.line || c.prev < 0 {
			return tok, false
		}
		p := &s.toks[c.prev]
		if p.lex&(lxTitle|lxTitleClin|lxRelation) == 0 && s.cueWord(c.prev) != cueGreet {
			if pc := s.ctxAt(c.prev); c.sent || pc.line || pc.sent || s.cueWord(pc.prev) != cueGreet {
				return tok, false
			}
		}
	}
	// Capitalized words that tagger.Candidate takes only in a place
	// position: all-capital words, and words that are also ordinary
	// English words.
	if t.shape&shUpper != 0 && (t.shape&shAllUpper != 0 && t.n() > 1 || t.lex&lxCommon != 0) && !s.placePosition(in, c, t) {
		return tok, false
	}
	if s.ruleAt(in, i) != tagger.KindNone {
		return tok, false
	}
	s.buildTok(in, c, tagger.KindNone, &tok)
	return tok, tagger.Candidate(&tok)
}

// plainLower reports, for a lower-case word at token index i in a text in
// normal case, whether candidateAt's test of lower-case words rules it out
// in the common case that needs no context: a word under three letters, or
// one right after a word (no mark between) that is no title, relation word
// or greeting, which itself follows a word that is no greeting, or opens
// its line. It says false where that test needs the full context, never
// true where the test would say otherwise.
func (s *scan) plainLower(i int) bool {
	t := &s.toks[i]
	if t.n() < 3 {
		return true
	}
	if i == 0 || t.gap == gapLine || s.toks[i-1].kind != tkWord {
		return false
	}
	p := i - 1
	if s.toks[p].lex&(lxTitle|lxTitleClin|lxRelation) != 0 || s.cueWord(p) == cueGreet {
		return false
	}
	if p == 0 || s.toks[p].gap == gapLine {
		return true
	}
	return s.toks[p-1].kind == tkWord && s.cueWord(p-1) != cueGreet
}

// placePosition reports whether the word t with context c may be in a
// position tagger.Candidate asks of all-capital words and of words that
// are also ordinary words: after an entity, a place preposition, a title,
// relation word or greeting, or (all capitals) before a facility word. It
// may say yes where Candidate says no, never the other way round.
func (s *scan) placePosition(in *tagInput, c wordCtx, t *token) bool {
	if t.shape&shAllUpper != 0 {
		if n := s.nextWord(c.i); n >= 0 && s.toks[n].lex&lxFacility != 0 {
			return true
		}
	}
	if c.line || c.prev < 0 {
		return false
	}
	if s.afterEntity(in, c) {
		return true
	}
	p := &s.toks[c.prev]
	cw := s.cueWord(c.prev)
	if cw == cuePrep {
		return true
	}
	if t.shape&shAllUpper != 0 {
		return false
	}
	if p.lex&(lxTitle|lxTitleClin|lxRelation) != 0 || cw == cueGreet {
		return true
	}
	pc := s.ctxAt(c.prev)
	return !c.sent && !pc.line && !pc.sent && s.cueWord(pc.prev) == cueGreet
}

// keep appends the word at token index i to the tagger's input; tok is its
// token if already built.
func (s *scan) keep(in *tagInput, i int, tok *tagger.Token) {
	if i < 0 {
		return
	}
	c := s.ctxAt(i)
	var t tagger.Token
	if tok != nil {
		t = *tok
	} else {
		s.buildTok(in, c, s.ruleAt(in, i), &t)
	}
	if in.lastKept >= 0 && c.prev != in.lastKept {
		t.Cue |= tagger.CueGap
	}
	s.ttoks = append(s.ttoks, t)
	s.tpos = append(s.tpos, int32(i))
	in.lastKept = i
}

// buildTok fills tok for the word with context c, on which the rules found
// rule.
func (s *scan) buildTok(in *tagInput, c wordCtx, rule tagger.Kind, tok *tagger.Token) {
	i := c.i
	t := &s.toks[i]
	*tok = tagger.Token{Text: s.text[t.s:t.e], Hash: t.h, Lex: lexClasses(t.lex), Before: c.before, Rule: rule,
		Shape: tagger.MakeShape(t.n(), t.shape&shUpper != 0, t.shape&shAllUpper != 0, t.shape&shLetter != 0,
			t.shape&shDigit != 0, t.shape&shNonASCII != 0)}
	if in.docLower {
		tok.Cue |= tagger.CueDocLower
	}
	if t.h != 0 && t.shape&(shUpper|shAllUpper) != 0 && s.lowerSeen[t.h>>6&(lowerSeenWords-1)]&(1<<(t.h&63)) != 0 {
		tok.Cue |= tagger.CueLowerElsewhere
	}
	if c.line {
		tok.Cue |= tagger.CueLineStart | tagger.CueSentStart
	} else if c.sent {
		tok.Cue |= tagger.CueSentStart
	}
	if !c.line {
		pt := &s.toks[c.prev]
		switch {
		case pt.lex&(lxTitle|lxTitleClin) != 0:
			tok.Cue |= tagger.CueAfterTitle
		case pt.lex&lxRelation != 0:
			tok.Cue |= tagger.CueAfterRel
		}
		c1 := s.cueWord(c.prev)
		if c1 == cuePrep {
			tok.Cue |= tagger.CueAfterPrep
		}
		if c1 == cueGreet {
			tok.Cue |= tagger.CueAfterGreet
		} else if pc := s.ctxAt(c.prev); !c.sent && !pc.line && !pc.sent && s.cueWord(pc.prev) == cueGreet {
			tok.Cue |= tagger.CueAfterGreet
		}
		if (c.before == ':' || c.before == ']') && s.tagEndsAt(i) {
			tok.Cue |= tagger.CueAfterTag
		}
		if s.afterEntity(in, c) {
			tok.Cue |= tagger.CueAfterEntity
		}
	}
	// Look ahead: the mark after the word, the end of the line, a facility
	// word next.
	for k := i + 1; k < len(s.toks); k++ {
		n := &s.toks[k]
		if n.gap == gapLine {
			tok.Cue |= tagger.CueLineEnd
			break
		}
		if n.kind == tkWord {
			if n.lex&lxFacility != 0 {
				tok.Cue |= tagger.CueBeforeFac
			}
			break
		}
		if tok.After == 0 {
			tok.After = markOf(s, n)
		}
	}
	if i == len(s.toks)-1 {
		tok.Cue |= tagger.CueLineEnd
	}
	if t.n() == 1 && t.shape&shAllUpper != 0 && s.initialsBeforeName(i) && !s.afterOrdinaryWord(c, tok.Cue) {
		tok.Cue |= tagger.CueBeforeName
	}
}

// afterOrdinaryWord reports whether the word with context c directly
// follows, with no mark between, a lower-case word that cues nothing:
// "vitamin D. Discussed" is no initial, "seen by R. Alvarez" may be.
func (s *scan) afterOrdinaryWord(c wordCtx, cue tagger.Cue) bool {
	if c.line || c.before != 0 || cue&(tagger.CueAfterPrep|tagger.CueAfterTitle|tagger.CueAfterRel|tagger.CueAfterGreet) != 0 {
		return false
	}
	return s.toks[c.prev].shape&(shUpper|shAllUpper|shDigit) == 0
}

// afterEntity reports whether the word with context c follows, in the same
// sentence and with no separating mark, a candidate or a place the rules
// found (the tail of a facility name, "Riverside Mental Health Services").
// The rules already chain the parts of the names they find.
func (s *scan) afterEntity(in *tagInput, c wordCtx) bool {
	if c.line || c.sent || c.prev < 0 {
		return false
	}
	switch c.before {
	case 0, '-', '&', '\'', '.':
	default:
		return false
	}
	return c.prev == in.lastCand || s.ruleAt(in, c.prev) == tagger.KindLoc
}

// initialsBeforeName reports whether the initial at i is followed, past
// periods and other initials on the same line, by a capitalized word of two
// letters or more that is not all capitals.
func (s *scan) initialsBeforeName(i int) bool {
	for k := i + 1; k < len(s.toks) && k < i+12; k++ {
		t := &s.toks[k]
		if t.gap == gapLine {
			return false
		}
		switch {
		case t.punct('.'):
		case t.kind == tkWord && t.n() == 1 && t.shape&shAllUpper != 0:
		case t.kind == tkWord:
			return t.shape&shUpper != 0 && t.shape&shAllUpper == 0 && t.shape&shDigit == 0 && t.n() >= 2 &&
				t.lex&(lxMonth|lxMonthAbbr|lxWeekday) == 0 // "D.O.B. Feb 3"
		default:
			return false
		}
	}
	return false
}

// caseCounted: the word of letters at i counts for lowerCaseText: two
// letters or more, opening no line, after no colon or bracket (speaker
// tags, headings).
func (s *scan) caseCounted(i int) bool {
	t := &s.toks[i]
	return t.n() >= 2 && t.gap != gapLine && (i == 0 || !(s.toks[i-1].punct(':') || s.toks[i-1].punct(']')))
}

// lowerCaseText reports whether the text is written in lower case, as
// speech recognition writes: of the words of two letters or more that do
// not open a line or follow a colon or bracket (speaker tags, headings),
// fewer than one in fifty is capitalized. The rules' main loop counts them.
func (s *scan) lowerCaseText() bool {
	return s.words >= 20 && s.upperWords*50 < s.words
}

// tagEndsAt reports whether the punctuation before token i closes a speaker
// tag at the start of its line ("doctor:", "[patient]", "Speaker 1:").
func (s *scan) tagEndsAt(i int) bool {
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		if s.toks[k].gap == gapLine || k == 0 {
			return true
		}
		if s.toks[k].punct('.') || s.toks[k].punct(',') || s.toks[k].punct('?') {
			return false
		}
	}
	return false
}

// addTagged returns spans with the tagger's names and places added where
// the rules found nothing. Rule spans are kept as they are: a tagger span
// only covers words no rule span touches.
func (s *scan) addTagged(m *tagger.Model, spans []Span) []Span {
	var dropped []cand
	if s.d.cfg.Names != AllNames {
		for _, c := range s.cands {
			if c.t == "" {
				dropped = append(dropped, c)
			}
		}
	}
	s.taggerInput(spans, dropped)
	th := tagger.Margins{Base: m.Margin(taggerMinMargin), Weak: m.Margin(taggerWeakMargin)}
	if len(spans) == 0 {
		th = tagger.Margins{Base: m.Margin(taggerQuietMargin), Weak: m.Margin(taggerQuietMargin)}
	}
	s.tlabels = m.Tag(s.ttoks, s.tlabels, th)
	added := s.tspans[:0]
	for k := 0; k < len(s.tlabels); k++ {
		l := s.tlabels[k]
		if l == tagger.O || s.ttoks[k].Rule != tagger.KindNone {
			continue
		}
		kind := l.Kind()
		e := k
		for e+1 < len(s.tlabels) && s.ttoks[e+1].Rule == tagger.KindNone && s.tlabels[e+1].Kind() == kind && !s.tlabels[e+1].Begin() {
			e++
		}
		ty := Name
		if kind == tagger.KindLoc {
			ty = Location
		}
		// The policy's vetoes (doc.go): a word before an eponym's head
		// ("Allen test", "Thessaly test", "Pfannenstiel retractor") or a
		// brand ("Little Debbie") is no identifier.
		if st, en := int(s.tpos[k]), int(s.tpos[e]); !s.titleBefore(st) && (s.eponymAfter(en) || s.eponymAhead(en)) || s.brandCovers(st, en) || s.brandPossessive(st, en) || s.eponymPairAt(st, en) || s.brandWord(st, en) || s.insurerAt(st, en) ||
			ty == Name && st == en && (s.wordWithoutPerson(st) || s.raceWord(st) || s.labValueAt(st) || s.lowerChain(st) || s.contraceptiveBrand(st) || s.sighedPrayer(st)) ||
			st == en && s.countedLabel(st) ||
			ty == Name && s.inPublicFigure(st, en) || ty == Name && en > st && s.verbOpensName(st) || ty == Location && st == en && s.monthWord(st) || st == en && (s.riverAt(st) || s.vetoedMention(st) || s.clinicalWord(st)) ||
			ty == Location && st == en && (s.wordWithoutPlace(st) || s.adverbWord(st) || s.numberedPart(st) || s.switchedMedicine(st)) {
			k = e
			continue
		}
		added = append(added, Span{Start: int(s.toks[s.tpos[k]].s), End: int(s.toks[s.tpos[e]].e), Type: ty})
		k = e
	}
	// The tagger's places are completed as the rules' are (placeextend.go);
	// what then overlaps a rule span is left to the rule.
	added = s.extendPlaces(added)
	s.tspans = added
	if len(added) == 0 {
		return spans
	}
	merged := mergeSpans(s.mergeBuf[:0], spans, added)
	s.mergeBuf = merged[:0]
	return merged
}

// countedLabel: token i is a label its count follows at once ("cleared
// by HD#4", "POD#2", "bed#3"): a day of a stay or a place in a ward, no
// one's name or place.
func (s *scan) countedLabel(i int) bool {
	n := i + 1
	return n+1 < len(s.toks) && s.toks[n].punct('#') && s.toks[n].gap == gapNone && s.toks[n+1].digits() && s.toks[n+1].gap == gapNone
}

// verbOpensName: the tagger's name of several words opens on a lower-case
// English word that no list of names holds and that a verb's form ends
// ("my daughter brings campbell's soup"): no name starts on a verb.
func (s *scan) verbOpensName(st int) bool {
	t := &s.toks[st]
	if t.upper() || !t.letters() || s.isKnown(st) || t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 || t.gaz&(gzFirst|gzSur|gzFirstAmb|gzSurAmb) != 0 ||
		!s.dictionaryWord(st) {
		return false
	}
	w := s.lower(st)
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// inPublicFigure: tokens st..en end a public figure's name that the rules
// left as a mention in passing (publicFigure: "like michael j fox said in
// that interview"); the tagger's name on its last words is vetoed too.
func (s *scan) inPublicFigure(st, en int) bool {
	for k := st; k >= 0 && k >= st-3; k-- {
		if k < st && !s.toks[k].letters() {
			break
		}
		if s.publicFigure(k, en) || s.publicHonorific(k, en) {
			return true
		}
	}
	return false
}

// wordWithoutPlace: a lower-case English word ("fire", "wake") with no
// preposition of place before it and no facility word after it; the
// tagger's place there is vetoed, as the rules take a town spelled like a
// word only after such a cue.
//
// A supplied name part the rules left as a word here ("you're coughing up
// green stuff", "you want to pierce your ear", the patient being Pierce
// Green)
// is held to the same test: it is a person's name, or a word, and a place
// only after a preposition of place. "to" before a verb's object ("to
// crane my neck") is no preposition of place.
func (s *scan) wordWithoutPlace(i int) bool {
	t := &s.toks[i]
	if t.upper() || !t.letters() {
		return false
	}
	// A word of the English list that no list of places or names holds
	// at all is no place in lower case, whatever stands before it ("when
	// i roll over in bed", "slipped on oil", "records to whoever you
	// pick"), as it is no name.
	// A word that opens a place's name of several words is vetoed only
	// where that name does not follow ("on fire", not "on fire island").
	if s.dictionaryWord(i) && !s.isKnown(i) && t.gaz&(gzCity|gzCityAmb|gzTown|gzFacHead|gzFacAcro|gzFirst|gzSur|gzFirstAmb|gzSurAmb) == 0 &&
		t.lex&(lxCity|lxCityAmb|lxState|lxCountry|lxFirst|lxSur|lxFirstAmb|lxSurAmb) == 0 && !s.placePhraseAt(i) {
		return true
	}
	if english := s.englishTok(i); t.lex&lxCommon == 0 && t.gaz&gzWord == 0 && !(english && s.isKnown(i)) {
		return false
	}
	if p := s.sameLinePrev(i); p >= 0 && s.cueWord(p) == cuePrep && !(s.eq(p, "to") && verbObjects[s.nextWordAt(i)]) {
		return false
	}
	n := s.next(i)
	return n < 0 || !(s.toks[n].lex&lxFacility != 0 || s.toks[n].gaz&gzFacWord != 0)
}

// placePhraseAt: a place's name of several words, of the gazetteer or the
// hand lists, opens at token i.
func (s *scan) placePhraseAt(i int) bool {
	if s.toks[i].gaz&gzPhraseHead == 0 && s.toks[i].lex&lxPhraseHead == 0 {
		return false
	}
	end, _ := s.gazPhraseAt(i, lxCity|lxFacHead|lxTown)
	return end > i
}

// clinicalWord: the word at i is on the lexicon's clinical lists (a
// clinical abbreviation, a drug, an eponym: "HFrEF", "HTN", "Trelegy")
// and on no list of names, or a lower-case word on no list at all shaped
// as one, and no supplied name part; the tagger's name or place there is
// vetoed. An eponym that is also a name ("hunter",
// "turner") is left to the tagger.
func (s *scan) clinicalWord(i int) bool {
	t := &s.toks[i]
	if t.lex == 0 && t.gaz == 0 && !t.upper() && t.letters() && !s.isKnown(i) {
		// A lower-case word on no list shaped as a drug or a condition
		// ("on hydroxyurea", "continue rivaroxaban").
		return clinicalWordLooking(s.lower(i)) || s.drugStem(i)
	}
	return t.lex&(lxMedical|lxEponymHead) != 0 && t.lex&(lxFirst|lxSur) == 0 && t.gaz&(gzFirst|gzSur) == 0 && !s.isKnown(i)
}

// mergeSpans merges two sorted span lists; a span of add that overlaps a
// span of rules is dropped, so rule spans always survive unchanged. The
// merged list is appended to out.
func mergeSpans(out, rules, add []Span) []Span {
	i := 0
	for _, a := range add {
		for i < len(rules) && rules[i].End <= a.Start {
			out = append(out, rules[i])
			i++
		}
		if i < len(rules) && rules[i].Start < a.End {
			continue
		}
		out = append(out, a)
	}
	return append(out, rules[i:]...)
}

// wordWithoutPerson: a lower-case English word ("mercy", "joy", "river")
// that nothing around names as a person: no title, relation word,
// greeting, introduction, address, speaker tag or verb a person does; or,
// whatever is around it, one that no list of names holds even as an
// ambiguous name ("nora open wide", "grandma attend"). The tagger's name
// there is vetoed (doc.go).
func (s *scan) wordWithoutPerson(i int) bool {
	t := &s.toks[i]
	if t.upper() || !t.letters() {
		return false
	}
	// "every penny we spend", "a grant": a word after a determiner is a
	// noun, even a supplied name part's (the patient being Penny).
	if nounDeterminers[s.prevWordAt(i, 1)] && (t.gaz&(gzWord|gzFirstAmb|gzSurAmb) != 0 || t.lex&(lxCommon|lxFirstAmb|lxSurAmb) != 0) {
		return true
	}
	if s.isKnown(i) {
		return false // a supplied name part is otherwise never vetoed
	}
	if s.ownedRelationBefore(i) && (t.gaz&(gzWord|gzFirstAmb|gzSurAmb) != 0 || t.lex&(lxCommon|lxFirstAmb|lxSurAmb) != 0 || s.dictionaryWord(i)) &&
		verbObjectAfter[s.nextWordAt(i)] {
		// "my daughter rose early today", "my son drew a picture": a
		// word-name after kin and before what a verb takes is the verb;
		// the rules decide the name there.
		return true
	}
	if endearments[s.lower(i)] {
		return true // "hi honey"
	}
	if t.gaz&(gzWord|gzFirstAmb|gzSurAmb|gzCityAmb) == 0 && t.lex&(lxCommon|lxLookalike|lxFirstAmb|lxSurAmb) == 0 &&
		!s.pluralOfWord(i) && !s.dictionaryWord(i) {
		return false
	}
	// A word of the English list that no list of names holds at all (not
	// even as an ambiguous given name or surname) is not a name in lower
	// case, whatever stands around it, unless a title is before it.
	if s.dictionaryWord(i) && t.gaz&(gzFirstAmb|gzSurAmb) == 0 && t.lex&(lxFirstAmb|lxSurAmb) == 0 && !s.titleBefore(i) {
		return true
	}
	return !s.personAround(i)
}

// verbObjectAfter follow a verb, not a name, after kin: a determiner, a
// particle or an adverb of manner or time.
var verbObjectAfter = map[string]bool{"a": true, "an": true, "the": true, "some": true, "early": true, "late": true,
	"up": true, "out": true, "down": true, "back": true, "again": true, "away": true, "off": true, "quickly": true,
	"slowly": true, "suddenly": true, "into": true}

// nounDeterminers make the word after them a noun, not a name.
var nounDeterminers = map[string]bool{"a": true, "an": true, "every": true, "each": true, "any": true, "no": true,
	"another": true, "some": true, "these": true, "those": true}

// personAround: the words around token i name or address a person there
// (a title, a relation, a greeting, an introduction, a vocative, a speaker
// tag, a possessive, a person's verb, another known part).
func (s *scan) personAround(i int) bool {
	p := knownPart{word: s.lower(i), tier: kpCommon}
	return s.titleBefore(i) || s.relationBefore(i) || s.greetingBefore(i, p) || s.introBefore(i) || s.vocativeAt(i, p) ||
		s.speakerTagAt(i) || s.possessiveOfPerson(i) || s.thirdPersonAt(i) || s.knownNeighbour(i)
}

// adverbWord: an English word in "-ly" on no list of names or places
// ("DLCO Mildly Reduced" on a Title Case line); the tagger's place there
// is vetoed, in any case.
func (s *scan) adverbWord(i int) bool {
	w := s.lower(i)
	return len(w) >= 5 && strings.HasSuffix(w, "ly") && s.dictionaryWord(i)
}

// dictionaryWord: a word of the English word list (data/english.txt) that
// no list of names or places holds ("likewise", "shift", "suggest").
func (s *scan) dictionaryWord(i int) bool {
	t := &s.toks[i]
	if t.lex&(lxFirst|lxSur|lxCity|lxCountry|lxState) != 0 || t.gaz&(gzFirst|gzSur|gzCity|gzTown|gzFacHead|gzFacAcro) != 0 {
		return false
	}
	ok := s.englishTok(i)
	return ok
}

// pluralOfWord: a lower-case word on no list that is the plural of an
// English word ("pins", "polyps", "stones"): the word lists hold base
// forms only.
func (s *scan) pluralOfWord(i int) bool {
	t := &s.toks[i]
	if t.lex != 0 || t.gaz != 0 || t.n() < 4 || t.n() > 24 {
		return false
	}
	w := s.lower(i)
	if w[len(w)-1] != 's' || w[len(w)-2] == 's' {
		return false
	}
	for _, stem := range [2]string{w[:len(w)-1], strings.TrimSuffix(w[:len(w)-1], "e")} {
		if f, g := lookupString(stem); g&gzWord != 0 || f&(lxCommon|lxMedical) != 0 {
			return true
		}
	}
	return false
}
