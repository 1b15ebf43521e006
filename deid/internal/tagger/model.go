package tagger

// Model is a trained tagger. It is read-only after Load or Train and safe
// for concurrent use.
type Model struct {
	bits  uint8
	scale int32   // averaged weight × scale = stored weight
	w     []int16 // bucket*NumLabels + label
}

// Bits is the table size as a power of two.
func (m *Model) Bits() int { return int(m.bits) }

// Scale is the quantization scale: a stored weight is the averaged
// perceptron weight times Scale, rounded.
func (m *Model) Scale() int { return int(m.scale) }

// Margin converts a score margin in averaged-perceptron units (one unit is
// one training update) to the model's stored units, for Tag's minMargin.
func (m *Model) Margin(units float64) int32 { return int32(units * float64(m.scale)) }

func (m *Model) scores(f []uint32, sc *[NumLabels]int32) {
	*sc = [NumLabels]int32{}
	for _, b := range f {
		row := m.w[int(b)*int(NumLabels) : int(b)*int(NumLabels)+int(NumLabels) : int(b)*int(NumLabels)+int(NumLabels)]
		sc[0] += int32(row[0])
		sc[1] += int32(row[1])
		sc[2] += int32(row[2])
		sc[3] += int32(row[3])
		sc[4] += int32(row[4])
	}
}

// allowed reports whether label l may follow prev (BIO: I-X only after B-X
// or I-X).
func allowed(prev, l Label) bool {
	switch l {
	case IName:
		return prev == BName || prev == IName
	case ILoc:
		return prev == BLoc || prev == ILoc
	}
	return true
}

// ruleLabel is the label of a token the rules labelled.
func ruleLabel(k Kind, prev Label) Label {
	switch k {
	case KindName:
		if prev.Kind() == KindName {
			return IName
		}
		return BName
	case KindLoc:
		if prev.Kind() == KindLoc {
			return ILoc
		}
		return BLoc
	}
	return O
}

// pick chooses the best allowed label; a label other than O only if its
// score beats O's by at least minMargin.
func pick(sc *[NumLabels]int32, prev Label, minMargin int32) Label {
	best, bs := O, int32(0)
	found := false
	for l := BName; l < NumLabels; l++ {
		if !allowed(prev, l) {
			continue
		}
		if !found || sc[l] > bs {
			best, bs, found = l, sc[l], true
		}
	}
	if found && bs-sc[O] >= minMargin && bs > sc[O] {
		return best
	}
	return O
}

// Margins are Tag's confidence thresholds, in stored units (see Margin): a
// token is given a name or place label only if its score beats O's by at
// least Base, or by Weak for a candidate with weak evidence from its
// position (a lower-case word in a lower-case text with no greeting, title
// or relation word before it, a capitalized word opening a sentence or a
// line, an ordinary word that only follows an entity).
type Margins struct{ Base, Weak int32 }

// Tag labels toks and returns the labels appended to out[:0]. Tokens the
// rules labelled keep the rules' kind; others get a name or place label
// only with the margins th. Tag does not allocate when out has room for
// len(toks).
func (m *Model) Tag(toks []Token, out []Label, th Margins) []Label {
	out = out[:0]
	prev := O
	var f [maxFeatures]uint32
	var sc [NumLabels]int32
	for i := range toks {
		t := &toks[i]
		if t.Cue&CueGap != 0 {
			prev = O
		}
		l := O
		if t.Rule != KindNone {
			l = ruleLabel(t.Rule, prev)
		} else if Candidate(t) {
			n := features(toks, i, t.Shape, m.bits, &f)
			n = dynamic(prev, t.Shape, hashOf(t), m.bits, &f, n)
			m.scores(f[:n], &sc)
			mm := th.Base
			if weak(t) {
				mm = th.Weak
			}
			l = pick(&sc, prev, mm)
		}
		out = append(out, l)
		prev = l
	}
	return out
}
