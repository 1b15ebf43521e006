package tagger

import (
	"errors"
	"fmt"
	"math/rand/v2"
)

// Example is one training document: its tokens and their gold labels.
type Example struct {
	Tokens []Token
	Gold   []Label
}

// TrainConfig configures Train. The zero value is valid.
type TrainConfig struct {
	// Bits is the feature table size as a power of two. Zero means 16
	// (65,536 buckets, 640 KiB of int16 weights).
	Bits uint8
	// Epochs is the number of passes over the examples. Zero means 10.
	Epochs int
	// Seed seeds the order in which examples are visited in each epoch.
	// Training is deterministic for a given seed and examples. Zero means a
	// fixed default seed.
	Seed uint64
	// Orders is how many visiting orders (Seed, Seed+1, ...) are trained
	// and their averaged weights averaged again: a model that depends less
	// on the order of the examples, so that a small change to the rules or
	// the corpus moves its output less. Zero means 1.
	Orders int
}

// WithDefaults returns c with every zero field set to its default.
func (c TrainConfig) WithDefaults() TrainConfig {
	if c.Bits == 0 {
		c.Bits = 16
	}
	if c.Epochs == 0 {
		c.Epochs = 10
	}
	if c.Seed == 0 {
		c.Seed = 0x7A66E5
	}
	if c.Orders == 0 {
		c.Orders = 1
	}
	return c
}

func (c TrainConfig) validate() error {
	if c.Bits < 8 || c.Bits > 24 {
		return fmt.Errorf("bits %d out of range 8..24", c.Bits)
	}
	if c.Epochs < 1 || c.Epochs > 1000 {
		return fmt.Errorf("epochs %d out of range 1..1000", c.Epochs)
	}
	if c.Orders < 1 || c.Orders > 64 {
		return fmt.Errorf("orders %d out of range 1..64", c.Orders)
	}
	return nil
}

// errNoExamples is returned when no example has a token to score.
var errNoExamples = errors.New("no candidate tokens in the examples")

// prepared is one example with the static features of its candidate
// tokens computed once.
type prepared struct {
	toks  []Token
	gold  []Label
	cand  []bool
	shape []uint8
	off   []int32 // features of token i are feats[off[i]:off[i+1]]
	feats []uint32
}

// Train fits an averaged perceptron on examples. It uses integer arithmetic
// only and visits the examples in an order drawn from cfg.Seed, so the
// same examples and config give the same model, bit for bit, anywhere.
func Train(examples []Example, cfg TrainConfig) (*Model, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("tagger.Train: %w", err)
	}
	docs := make([]prepared, 0, len(examples))
	scored := 0
	for k, ex := range examples {
		if len(ex.Gold) != len(ex.Tokens) {
			return nil, fmt.Errorf("tagger.Train: example %d has %d tokens and %d labels", k, len(ex.Tokens), len(ex.Gold))
		}
		p := prepared{toks: ex.Tokens, gold: ex.Gold, cand: make([]bool, len(ex.Tokens)),
			shape: make([]uint8, len(ex.Tokens)), off: make([]int32, len(ex.Tokens)+1)}
		var f [maxFeatures]uint32
		for i := range ex.Tokens {
			t := &ex.Tokens[i]
			if ex.Gold[i] >= NumLabels {
				return nil, fmt.Errorf("tagger.Train: example %d token %d has label %d", k, i, ex.Gold[i])
			}
			p.shape[i] = t.Shape
			if Candidate(t) {
				p.cand[i] = true
				n := features(ex.Tokens, i, t.Shape, cfg.Bits, &f)
				p.feats = append(p.feats, f[:n]...)
				scored++
			}
			p.off[i+1] = int32(len(p.feats))
		}
		docs = append(docs, p)
	}
	if scored == 0 {
		return nil, fmt.Errorf("tagger.Train: %w", errNoExamples)
	}

	size := (1 << cfg.Bits) * int(NumLabels)
	tot := make([]int64, size) // sum over orders of the averaged weights × steps
	var steps int64
	for o := range cfg.Orders {
		T := trainOrder(docs, cfg, cfg.Seed+uint64(o), tot)
		steps += T
	}
	return quantize(cfg.Bits, tot, steps), nil
}

// trainOrder runs the perceptron over docs in the order drawn from seed and
// adds its averaged weights, times its number of steps, to tot; it returns
// the number of steps.
func trainOrder(docs []prepared, cfg TrainConfig, seed uint64, tot []int64) int64 {
	size := len(tot)
	w := make([]int32, size) // current weights
	u := make([]int64, size) // sum of step × update, for averaging (Daumé)
	var step int64 = 1
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	var f [maxFeatures]uint32
	var sc [NumLabels]int32
	for range cfg.Epochs {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, d := range order {
			p := &docs[d]
			prev := O
			for i := range p.toks {
				t := &p.toks[i]
				if t.Cue&CueGap != 0 {
					prev = O
				}
				if t.Rule != KindNone {
					prev = ruleLabel(t.Rule, prev)
					continue
				}
				if !p.cand[i] {
					prev = O
					continue
				}
				n := copy(f[:], p.feats[p.off[i]:p.off[i+1]])
				n = dynamic(prev, p.shape[i], hashOf(t), cfg.Bits, &f, n)
				sc = [NumLabels]int32{}
				for _, b := range f[:n] {
					row := w[int(b)*int(NumLabels):]
					for l := range NumLabels {
						sc[l] += row[l]
					}
				}
				pred := pick(&sc, prev, 0)
				gold := p.gold[i]
				if !allowed(prev, gold) {
					// I-X after a word that is not X (the rules or a
					// non-candidate broke the entity): learn it as B-X.
					gold--
				}
				if pred != gold {
					for _, b := range f[:n] {
						base := int(b) * int(NumLabels)
						w[base+int(gold)]++
						u[base+int(gold)] += step
						w[base+int(pred)]--
						u[base+int(pred)] -= step
					}
				}
				step++
				prev = pred
			}
		}
	}
	// The average of weight k over all steps is (w[k]×T − u[k]) / T.
	for k := range w {
		tot[k] += int64(w[k])*step - u[k]
	}
	return step
}

// quantize turns summed weights into averaged int16 weights: weight k is
// tot[k] / T; it is scaled by the largest power of two that keeps every
// weight within int16 and rounded half away from zero, in integer
// arithmetic.
func quantize(bits uint8, tot []int64, T int64) *Model {
	var maxAbs int64 = 1
	for k := range tot {
		a := tot[k]
		if a < 0 {
			a = -a
		}
		maxAbs = max(maxAbs, a)
	}
	// Largest power-of-two scale with maxAbs×scale/T ≤ 32767.
	var scale int64 = 1
	for scale < 1<<14 && maxAbs*scale*2 <= 32767*T {
		scale *= 2
	}
	m := &Model{bits: bits, scale: int32(scale), w: make([]int16, len(tot))}
	for k, a := range tot {
		var q int64
		if a >= 0 {
			q = (2*a*scale + T) / (2 * T)
		} else {
			q = (2*a*scale - T) / (2 * T)
		}
		m.w[k] = int16(max(-32767, min(32767, q)))
	}
	return m
}
