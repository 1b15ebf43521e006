package deid

import "github.com/clinscribe/clinscribe/deid/internal/tagger"

// EmbeddedTaggerWeights are the weights compiled into the package.
func EmbeddedTaggerWeights() []byte { return taggerWeights }

// TaggerExample runs d's rules on text and returns what the tagger sees of
// it, labelled from the gold spans: a word inside a gold NAME or LOCATION
// span is B- (first word of the span) or I-, every other word O.
func TaggerExample(d *Detector, text string, known Known, gold []Span) tagger.Example {
	s := d.pool.Get().(*scan)
	defer d.release(s)
	spans := s.rules(d, text, known, true)
	var dropped []cand
	if d.cfg.Names != AllNames {
		for _, c := range s.cands {
			if c.t == "" {
				dropped = append(dropped, c)
			}
		}
	}
	s.taggerInput(spans, dropped)
	ex := tagger.Example{Tokens: make([]tagger.Token, len(s.ttoks)), Gold: make([]tagger.Label, len(s.ttoks))}
	copy(ex.Tokens, s.ttoks)
	g := 0
	lastSpan := -1
	for k, p := range s.tpos {
		t := &s.toks[p]
		for g < len(gold) && gold[g].End <= int(t.s) {
			g++
		}
		if g >= len(gold) || gold[g].Start >= int(t.e) {
			continue
		}
		var b, in tagger.Label
		switch gold[g].Type {
		case Name:
			b, in = tagger.BName, tagger.IName
		case Location:
			b, in = tagger.BLoc, tagger.ILoc
		default:
			continue
		}
		if lastSpan == g {
			ex.Gold[k] = in
		} else {
			ex.Gold[k] = b
		}
		lastSpan = g
	}
	return ex
}

// TaggerStages runs the rules on text and returns the tagger's two stages
// as functions: building its input from the rule pass, and tagging it. For
// benchmarks that time the stages apart.
func TaggerStages(d *Detector, text string, known Known) (input, tag func()) {
	s := &scan{}
	spans := s.rules(d, text, known, true)
	m, _ := loadTagger()
	input = func() { s.taggerInput(spans, nil) }
	tag = func() { s.tlabels = m.Tag(s.ttoks, s.tlabels, tagger.Margins{}) }
	return input, tag
}
