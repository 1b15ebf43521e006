// Package corpusgen writes the synthetic de-identification corpus under
// testdata/deid: clinical notes and dialogue transcripts with annotated PHI of
// every Safe Harbor type, and PHI-free documents full of look-alikes.
//
// Every value is invented: names come from the pools below (not from any
// patient list), numbers are random, and no real person is described. The
// generator is deterministic (fixed seeds), so the committed JSON lines can be
// checked against it (see TestCorpusUpToDate; run it with -update to
// rewrite).
//
// Two splits use different templates, phrasings and name pools: "dev" is
// what the detector is tuned on, "heldout" is only evaluated at the end, to
// estimate how the detector does on text it was not tuned for.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/clinscribe/clinscribe/deid"
)

// Doc is one corpus line.
type Doc struct {
	ID    string      `json:"id"`
	Text  string      `json:"text"`
	Spans []deid.Span `json:"spans"`
	Known *deid.Known `json:"known,omitempty"`
}

// builder assembles a document's text and gold spans together, so offsets
// are right by construction.
type builder struct {
	b     strings.Builder
	spans []deid.Span
}

// t appends literal text.
func (b *builder) t(s ...string) *builder {
	for _, x := range s {
		b.b.WriteString(x)
	}
	return b
}

// p appends an identifier of type ty.
func (b *builder) p(ty deid.Type, s string) *builder {
	st := b.b.Len()
	b.b.WriteString(s)
	b.spans = append(b.spans, deid.Span{Start: st, End: b.b.Len(), Type: ty})
	return b
}

// name appends a name, annotating each part but not separators, titles or
// possessives passed in as literal text around it.
func (b *builder) name(s string) *builder { return b.p(deid.Name, s) }

type gen struct {
	r     *rand.Rand
	split string
	pools *pools
}

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool    { return g.r.Float64() < p }
func (g *gen) digits(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + g.r.IntN(10)))
	}
	return b.String()
}
func (g *gen) letters(n int) string {
	const up = "ABCDEFGHJKLMNPRSTUVWXYZ"
	var b strings.Builder
	for range n {
		b.WriteByte(up[g.r.IntN(len(up))])
	}
	return b.String()
}

type person struct {
	first, middle, last string
	female              bool
	dobY, dobM, dobD    int
	age                 int
}

func (p person) full() string { return p.first + " " + p.last }

func (g *gen) person() person {
	p := person{female: g.chance(0.5)}
	if p.female {
		p.first = g.pools.femaleFirst[g.r.IntN(len(g.pools.femaleFirst))]
	} else {
		p.first = g.pools.maleFirst[g.r.IntN(len(g.pools.maleFirst))]
	}
	p.middle = string("ABCDEFGHJKLMNPRSTW"[g.r.IntN(18)])
	p.last = g.pools.last[g.r.IntN(len(g.pools.last))]
	if g.chance(0.15) {
		p.age = 90 + g.r.IntN(12)
	} else {
		p.age = 18 + g.r.IntN(70)
	}
	p.dobY = 2026 - p.age - 1 + g.r.IntN(2)
	p.dobM = 1 + g.r.IntN(12)
	p.dobD = 1 + g.r.IntN(28)
	return p
}

func (g *gen) title(p person) string {
	if p.female {
		return g.pick("Mrs.", "Ms.", "Ms", "Mrs")
	}
	return g.pick("Mr.", "Mr")
}

func (g *gen) he(p person) string {
	if p.female {
		return "she"
	}
	return "he"
}

func (g *gen) his(p person) string {
	if p.female {
		return "her"
	}
	return "his"
}

// Generate returns n documents of the split ("dev" or "heldout").
func Generate(split string, n int) []Doc {
	var seed uint64 = 0xC11D
	switch split {
	case "heldout":
		seed = 0x4E1D0
	case "fresh":
		seed = 0xF4E54
	case "train":
		seed = 0x7A66E5
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), split: split, pools: poolsFor(split)}
	var tpls []template
	switch split {
	case "heldout":
		tpls = heldoutTemplates
	case "fresh":
		tpls = freshTemplates
	default:
		tpls = devTemplates
	}
	var docs []Doc
	for i := range n {
		tp := tpls[i%max(1, len(tpls))]
		if split == "train" {
			tp = trainingTemplate(i)
		}
		b := &builder{}
		var kn *deid.Known
		tp.fn(g, b, &kn)
		docs = append(docs, Doc{ID: fmt.Sprintf("%s-%03d-%s", split, i, tp.name), Text: b.b.String(), Spans: b.spans, Known: kn})
	}
	return docs
}

type template struct {
	name string
	fn   func(g *gen, b *builder, kn **deid.Known)
}
