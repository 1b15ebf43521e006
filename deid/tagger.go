package deid

import (
	_ "embed"
	"fmt"
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
// averaged-perceptron units (one unit is one training update). Tuned on the
// tuning corpora (blind.jsonl, independent.jsonl), never on a holdout.
const taggerMinMargin = 0.0

// greetWords open a greeting or an address: a name often follows within two
// words ("hey there dawn", "good morning mr rivers", "thank you hunter").
var greetWords = map[string]bool{"hi": true, "hey": true, "hello": true, "morning": true, "afternoon": true,
	"evening": true, "thanks": true, "thank": true, "bye": true, "goodbye": true, "dear": true, "welcome": true,
	"hiya": true, "howdy": true, "night": true, "congrats": true, "congratulations": true}

// placePreps are the prepositions before a place.
var placePreps = map[string]bool{"at": true, "from": true, "to": true, "in": true, "near": true, "into": true,
	"outside": true, "by": true}

// lexClasses maps lexicon flags to the tagger's classes.
func lexClasses(f uint64) tagger.Lex {
	if f == 0 {
		return 0
	}
	var l tagger.Lex
	if f&lxFirst != 0 {
		l |= tagger.LexGiven
	}
	if f&lxFirstAmb != 0 {
		l |= tagger.LexGivenAmb
	}
	if f&lxSur != 0 {
		l |= tagger.LexSurname
	}
	if f&lxSurAmb != 0 {
		l |= tagger.LexSurnameAmb
	}
	if f&lxCity != 0 {
		l |= tagger.LexCity
	}
	if f&lxCityAmb != 0 {
		l |= tagger.LexCityAmb
	}
	if f&lxFacility != 0 {
		l |= tagger.LexFacility
	}
	if f&lxCommon != 0 {
		l |= tagger.LexCommon
	}
	if f&lxMedical != 0 {
		l |= tagger.LexMedical
	}
	if f&(lxTitle|lxTitleClin) != 0 {
		l |= tagger.LexTitle
	}
	if f&lxRelation != 0 {
		l |= tagger.LexRelation
	}
	if f&(lxState|lxStateAbbr|lxCountry) != 0 {
		l |= tagger.LexRegion
	}
	if f&(lxMonth|lxMonthAbbr|lxWeekday) != 0 {
		l |= tagger.LexTime
	}
	if f&(lxLookalike|lxEponymHead) != 0 {
		l |= tagger.LexLookalike
	}
	if f&lxParticle != 0 {
		l |= tagger.LexParticle
	}
	if f&lxStreetSuffix != 0 {
		l |= tagger.LexStreet
	}
	return l
}

// taggerInput fills s.ttoks with the words of the text as the tagger sees
// them, and s.tpos with the index of each in s.toks. spans are the rule
// spans (sorted); dropped are candidates the rules found and Config.Names
// excluded, which the tagger must not add back.
func (s *scan) taggerInput(spans []Span, dropped []cand) {
	tt := s.ttoks[:0]
	pos := s.tpos[:0]
	upper, words := 0, 0
	lineBreak := true
	var before byte
	sentEnd := true
	sp, dp := 0, 0
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
			if len(tt) > 0 && tt[len(tt)-1].After == 0 && !lineBreak {
				tt[len(tt)-1].After = c
			}
			before = c
			if c == '.' || c == '?' || c == '!' {
				sentEnd = true
			}
			continue
		}
		w := tagger.Token{Text: s.text[t.s:t.e], Hash: t.h, Lex: lexClasses(t.lex), Before: before}
		if t.shape&shLetter != 0 && t.n() >= 2 {
			words++
			if t.shape&shUpper != 0 {
				upper++
			}
		}
		if lineBreak {
			w.Cue |= tagger.CueLineStart | tagger.CueSentStart
			if len(tt) > 0 {
				tt[len(tt)-1].Cue |= tagger.CueLineEnd
			}
		} else if sentEnd {
			if p := len(tt) - 1; p >= 0 && tt[p].Lex&tagger.LexTitle == 0 && len(tt[p].Text) > 1 {
				w.Cue |= tagger.CueSentStart
			}
		}
		if p := len(pos) - 1; p >= 0 && !lineBreak {
			pt := &s.toks[pos[p]]
			switch {
			case pt.lex&(lxTitle|lxTitleClin) != 0:
				w.Cue |= tagger.CueAfterTitle
			case pt.lex&lxRelation != 0:
				w.Cue |= tagger.CueAfterRel
			case placePreps[s.lower(int(pos[p]))]:
				w.Cue |= tagger.CueAfterPrep
			}
			if greetWords[s.lower(int(pos[p]))] || p >= 1 && tt[p].Cue&tagger.CueLineStart == 0 && greetWords[s.lower(int(pos[p-1]))] {
				w.Cue |= tagger.CueAfterGreet
			}
			if (before == ':' || before == ']') && s.tagEndsAt(i) {
				w.Cue |= tagger.CueAfterTag
			}
		}
		// What the rules found here.
		for sp < len(spans) && spans[sp].End <= int(t.s) {
			sp++
		}
		if sp < len(spans) && spans[sp].Start < int(t.e) {
			switch spans[sp].Type {
			case Name:
				w.Rule = tagger.KindName
			case Location:
				w.Rule = tagger.KindLoc
			default:
				w.Rule = tagger.KindOther
			}
		}
		if w.Rule == tagger.KindNone && len(dropped) > 0 {
			for dp < len(dropped) && dropped[dp].e <= int(t.s) {
				dp++
			}
			for k := dp; k < len(dropped) && dropped[k].s < int(t.e); k++ {
				if dropped[k].e > int(t.s) {
					w.Rule = tagger.KindOther
					break
				}
			}
		}
		tt = append(tt, w)
		pos = append(pos, int32(i))
		lineBreak, sentEnd, before = false, false, 0
	}
	if len(tt) > 0 {
		tt[len(tt)-1].Cue |= tagger.CueLineEnd
	}
	// Speech recognition writes in lower case: almost no capitalized word.
	if words >= 20 && upper*50 < words {
		for k := range tt {
			tt[k].Cue |= tagger.CueDocLower
		}
	}
	s.ttoks, s.tpos = tt, pos
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
	s.tlabels = m.Tag(s.ttoks, s.tlabels, m.Margin(taggerMinMargin))
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
