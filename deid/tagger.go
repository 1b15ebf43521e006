package deid

import (
	_ "embed"
	"fmt"
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
	t := &s.toks[k]
	if t.h == 0 {
		return 0
	}
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

// twin is a word seen by taggerInput: its token index and what the walk
// knew about it when it passed.
type twin struct {
	i      int32
	ord    int32 // ordinal among the words
	line   bool  // first word on its line
	sent   bool  // after a sentence end
	before byte
	rule   tagger.Kind
	built  bool // its token in the ring of tokens is filled
	cand   bool // a candidate
}

// taggerInput fills s.ttoks with what the tagger needs of the text: the
// words that are candidates (tagger.Candidate) and two words on each side
// of them, and s.tpos with their token indexes. Words far from any
// candidate are left out (the next kept word is marked CueGap), which keeps
// the cost low on text where the rules found everything. spans are the
// rule spans (sorted); dropped are candidates the rules found and
// Config.Names excluded, which the tagger must not add back.
func (s *scan) taggerInput(spans []Span, dropped []cand) {
	tt := s.ttoks[:0]
	pos := s.tpos[:0]
	docLower := s.lowerCaseText()
	var ring [8]twin         // the last eight words, ring[ord&7]
	var toks [8]tagger.Token // their tokens, once built
	lineBreak, sentEnd := true, true
	var before byte
	sp, dp := 0, 0
	ord := int32(-1)
	lastKept := int32(-1) // ordinal of the last word kept
	after := 0            // words still to keep after the last candidate
	keep := func(w *twin) {
		tok := &toks[w.ord&7]
		if !w.built {
			s.buildTok(w, &ring, docLower, tok)
			w.built = true
		}
		if lastKept >= 0 && w.ord != lastKept+1 {
			tok.Cue |= tagger.CueGap
		}
		tt = append(tt, *tok)
		pos = append(pos, w.i)
		lastKept = w.ord
	}
	for i := range s.toks {
		t := &s.toks[i]
		if t.gap == gapLine {
			lineBreak = true
			before = 0
		}
		if t.kind != tkWord {
			c := t.ch
			if c == 0 {
				c = s.text[t.s]
				if c >= 0x80 {
					c = '?'
				}
			}
			before = c
			if c == '.' || c == '?' || c == '!' {
				sentEnd = true
			}
			continue
		}
		ord++
		w := &ring[ord&7]
		*w = twin{i: int32(i), ord: ord, line: lineBreak, before: before}
		if !lineBreak && sentEnd && ord > 0 {
			p := &s.toks[ring[(ord-1)&7].i]
			w.sent = p.lex&(lxTitle|lxTitleClin) == 0 && p.n() > 1
		}
		// What the rules found here.
		for sp < len(spans) && spans[sp].End <= int(t.s) {
			sp++
		}
		if sp < len(spans) && spans[sp].Start < int(t.e) {
			switch spans[sp].Type {
			case Name:
				w.rule = tagger.KindName
			case Location:
				w.rule = tagger.KindLoc
			default:
				w.rule = tagger.KindOther
			}
		}
		if w.rule == tagger.KindNone && len(dropped) > 0 {
			for dp < len(dropped) && dropped[dp].e <= int(t.s) {
				dp++
			}
			for k := dp; k < len(dropped) && dropped[k].s < int(t.e); k++ {
				if dropped[k].e > int(t.s) {
					w.rule = tagger.KindOther
					break
				}
			}
		}
		lineBreak, sentEnd, before = false, false, 0

		// Cheap rejections first: most words are covered by a rule, have
		// digits, or are ordinary words on a list and follow no entity.
		cand := w.rule == tagger.KindNone && t.shape&shLetter != 0 && t.shape&shDigit == 0 &&
			(t.lex == 0 || t.lex&nameOrPlaceFlags != 0 || t.shape&shUpper != 0 && s.afterEntity(w, &ring))
		if cand {
			s.buildTok(w, &ring, docLower, &toks[ord&7])
			w.built = true
			cand = tagger.Candidate(&toks[ord&7])
		}
		w.cand = cand
		if cand {
			for k := max(lastKept+1, ord-2); k < ord; k++ {
				keep(&ring[k&7])
			}
			keep(w)
			after = 2
		} else if after > 0 {
			keep(w)
			after--
		}
	}
	s.ttoks, s.tpos = tt, pos
}

// buildTok fills tok for the word w. ring holds the words before w.
func (s *scan) buildTok(w *twin, ring *[8]twin, docLower bool, tok *tagger.Token) {
	i := int(w.i)
	t := &s.toks[i]
	*tok = tagger.Token{Text: s.text[t.s:t.e], Hash: t.h, Lex: lexClasses(t.lex), Before: w.before, Rule: w.rule,
		Shape: tagger.MakeShape(t.n(), t.shape&shUpper != 0, t.shape&shAllUpper != 0, t.shape&shLetter != 0,
			t.shape&shDigit != 0, t.shape&shNonASCII != 0)}
	if docLower {
		tok.Cue |= tagger.CueDocLower
	}
	if t.h != 0 && t.shape&(shUpper|shAllUpper) != 0 && s.lowerSeen[t.h>>6&(lowerSeenWords-1)]&(1<<(t.h&63)) != 0 {
		tok.Cue |= tagger.CueLowerElsewhere
	}
	if w.line {
		tok.Cue |= tagger.CueLineStart | tagger.CueSentStart
	} else if w.sent {
		tok.Cue |= tagger.CueSentStart
	}
	if !w.line && w.ord > 0 {
		p1 := &ring[(w.ord-1)&7]
		pt := &s.toks[p1.i]
		switch {
		case pt.lex&(lxTitle|lxTitleClin) != 0:
			tok.Cue |= tagger.CueAfterTitle
		case pt.lex&lxRelation != 0:
			tok.Cue |= tagger.CueAfterRel
		}
		c1 := s.cueWord(int(p1.i))
		if c1 == cuePrep {
			tok.Cue |= tagger.CueAfterPrep
		}
		if c1 == cueGreet || !p1.line && w.ord > 1 && s.cueWord(int(ring[(w.ord-2)&7].i)) == cueGreet {
			tok.Cue |= tagger.CueAfterGreet
		}
		if (w.before == ':' || w.before == ']') && s.tagEndsAt(i) {
			tok.Cue |= tagger.CueAfterTag
		}
		if s.afterEntity(w, ring) {
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
			c := n.ch
			if c == 0 {
				c = s.text[n.s]
				if c >= 0x80 {
					c = '?'
				}
			}
			tok.After = c
		}
	}
	if i == len(s.toks)-1 {
		tok.Cue |= tagger.CueLineEnd
	}
	if t.n() == 1 && t.shape&shAllUpper != 0 && s.initialsBeforeName(i) && !s.afterOrdinaryWord(w, ring, tok.Cue) {
		tok.Cue |= tagger.CueBeforeName
	}
}

// afterOrdinaryWord reports whether the word w directly follows, with no
// mark between, a lower-case word that cues nothing: "vitamin D. Discussed"
// is no initial, "seen by R. Alvarez" may be.
func (s *scan) afterOrdinaryWord(w *twin, ring *[8]twin, cue tagger.Cue) bool {
	if w.line || w.ord == 0 || w.before != 0 || cue&(tagger.CueAfterPrep|tagger.CueAfterTitle|tagger.CueAfterRel|tagger.CueAfterGreet) != 0 {
		return false
	}
	p := &s.toks[ring[(w.ord-1)&7].i]
	return p.shape&(shUpper|shAllUpper|shDigit) == 0
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
			return t.shape&shUpper != 0 && t.shape&shAllUpper == 0 && t.shape&shDigit == 0 && t.n() >= 2
		default:
			return false
		}
	}
	return false
}

// afterEntity reports whether the word before w, in the same sentence and
// with no separating mark, is a candidate or a place the rules found (the
// tail of a facility name, "Riverside Mental Health Services"). The rules
// already chain the parts of the names they find.
func (s *scan) afterEntity(w *twin, ring *[8]twin) bool {
	if w.line || w.ord == 0 || w.sent {
		return false
	}
	switch w.before {
	case 0, '-', '&', '\'', '.':
	default:
		return false
	}
	p := &ring[(w.ord-1)&7]
	return p.cand || p.rule == tagger.KindLoc
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
	s.tlabels = m.Tag(s.ttoks, s.tlabels, tagger.Margins{Base: m.Margin(taggerMinMargin), Weak: m.Margin(taggerWeakMargin)})
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
		added = append(added, Span{Start: int(s.toks[s.tpos[k]].s), End: int(s.toks[s.tpos[e]].e), Type: ty})
		k = e
	}
	s.tspans = added
	if len(added) == 0 {
		return spans
	}
	return mergeSpans(spans, added)
}

// mergeSpans merges two sorted span lists; a span of add that overlaps a
// span of rules is dropped, so rule spans always survive unchanged.
func mergeSpans(rules, add []Span) []Span {
	out := make([]Span, 0, len(rules)+len(add))
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
