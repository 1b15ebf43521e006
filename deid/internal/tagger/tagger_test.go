package tagger

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// toyCorpus writes n sentences in which an unknown lower-case word after a
// greeting is a name and a capitalized unknown word before "Hospital" a
// place; everything else is an ordinary word.
func toyCorpus(seed uint64, n int) []Example {
	r := rand.New(rand.NewPCG(seed, 1))
	word := func() string {
		const on = "bdfgklmnprstvz"
		const vo = "aeiou"
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteByte(on[r.IntN(len(on))])
			b.WriteByte(vo[r.IntN(len(vo))])
		}
		return b.String()
	}
	tok := func(text string, lex Lex, cue Cue) Token {
		return Token{Text: text, Shape: ShapeOf(text), Lex: lex, Cue: cue}
	}
	var out []Example
	for range n {
		var ex Example
		add := func(t Token, l Label) {
			ex.Tokens = append(ex.Tokens, t)
			ex.Gold = append(ex.Gold, l)
		}
		switch r.IntN(3) {
		case 0: // "hey <name> how are you"
			add(tok("hey", LexCommon, CueLineStart|CueDocLower), O)
			add(tok(word(), 0, CueAfterGreet|CueDocLower), BName)
			for _, w := range []string{"how", "are", "you"} {
				add(tok(w, LexCommon, CueDocLower), O)
			}
		case 1: // "seen at <Place> Hospital"
			add(tok("seen", LexCommon, CueLineStart), O)
			add(tok("at", LexCommon, 0), O)
			p := word()
			add(tok(strings.ToUpper(p[:1])+p[1:], 0, CueAfterPrep|CueBeforeFac), BLoc)
			add(tok("Hospital", LexFacility|LexCommon, CueAfterEntity), ILoc)
		default: // "the <word> was fine": an unknown word that is nothing
			add(tok("the", LexCommon, CueLineStart|CueDocLower), O)
			add(tok(word(), 0, CueDocLower), O)
			for _, w := range []string{"was", "fine"} {
				add(tok(w, LexCommon, CueDocLower), O)
			}
		}
		out = append(out, ex)
	}
	return out
}

func train(t *testing.T, ex []Example, cfg TrainConfig) *Model {
	t.Helper()
	m, err := Train(ex, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func marshal(t *testing.T, m *Model) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTrainDeterministic(t *testing.T) {
	t.Parallel()
	ex := toyCorpus(1, 600)
	a := marshal(t, train(t, ex, TrainConfig{Bits: 12, Epochs: 5}))
	b := marshal(t, train(t, ex, TrainConfig{Bits: 12, Epochs: 5}))
	if !bytes.Equal(a, b) {
		t.Fatal("two training runs on the same examples gave different weights")
	}
	// The seed is what orders the examples: another seed, other weights
	// (so the comparison above can fail).
	c := marshal(t, train(t, ex, TrainConfig{Bits: 12, Epochs: 5, Seed: 99}))
	if bytes.Equal(a, c) {
		t.Fatal("training ignores the seed")
	}
}

// TestLearnsContext: on sentences it never saw, with words it never saw,
// the tagger finds the name and the place from their position alone.
func TestLearnsContext(t *testing.T) {
	t.Parallel()
	m := train(t, toyCorpus(1, 600), TrainConfig{Bits: 12, Epochs: 5})
	test := toyCorpus(2, 200)
	wrong, total := 0, 0
	for _, ex := range test {
		got := m.Tag(ex.Tokens, nil, Margins{})
		for i := range got {
			total++
			if got[i] != ex.Gold[i] {
				wrong++
			}
		}
	}
	if wrong*50 > total {
		t.Fatalf("%d of %d labels wrong on unseen sentences", wrong, total)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	t.Parallel()
	m := train(t, toyCorpus(3, 300), TrainConfig{Bits: 10, Epochs: 3})
	b := marshal(t, m)
	got, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.w, got.w); diff != "" {
		t.Fatalf("weights after a round trip (-want +got):\n%s", diff)
	}
	if got.bits != m.bits || got.scale != m.scale {
		t.Fatalf("header: bits %d scale %d, want %d %d", got.bits, got.scale, m.bits, m.scale)
	}
}

func TestLoadRejects(t *testing.T) {
	t.Parallel()
	good := marshal(t, train(t, toyCorpus(4, 100), TrainConfig{Bits: 9, Epochs: 2}))
	resum := func(b []byte) []byte { // a valid checksum over changed content
		b = b[:len(b)-4]
		return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	}
	edit := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"magic", edit(func(b []byte) []byte { b[0] = 'X'; return resum(b) })},
		{"flipped bit", edit(func(b []byte) []byte { b[len(b)/2] ^= 1; return b })},
		{"truncated", good[:len(good)-9]},
		{"version", edit(func(b []byte) []byte { b[4] = 9; return resum(b) })},
		{"bits", edit(func(b []byte) []byte { b[5] = 40; return resum(b) })},
		{"labels", edit(func(b []byte) []byte { b[6] = 3; return resum(b) })},
		{"short table", edit(func(b []byte) []byte { return resum(append(b[:12], 0, 0, 0, 0, 0)) })},
		{"trailing bytes", edit(func(b []byte) []byte { return resum(append(b[:len(b)-4], 1, 2, 3, 4, 5)) })},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Load(tc.data); !errors.Is(err, ErrFormat) {
				t.Fatalf("Load: %v, want ErrFormat", err)
			}
		})
	}
}

// TestRuleLabelsKept: tokens the rules labelled get the rules' kind
// whatever the weights say, and are never scored.
func TestRuleLabelsKept(t *testing.T) {
	t.Parallel()
	m := train(t, toyCorpus(5, 300), TrainConfig{Bits: 10, Epochs: 3})
	toks := []Token{
		{Text: "hey", Shape: ShapeOf("hey"), Lex: LexCommon, Cue: CueLineStart},
		{Text: "kalo", Shape: ShapeOf("kalo"), Cue: CueAfterGreet, Rule: KindLoc},
		{Text: "mira", Shape: ShapeOf("mira"), Rule: KindName},
		{Text: "ok", Shape: ShapeOf("ok"), Rule: KindOther},
	}
	got := m.Tag(toks, nil, Margins{})
	if diff := cmp.Diff([]Label{O, BLoc, BName, O}, got); diff != "" {
		t.Fatalf("labels (-want +got):\n%s", diff)
	}
}

func TestShape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		want uint8
	}{
		{"dawn", caseLower<<3 | 3},
		{"Okafor", caseTitle<<3 | 4},
		{"McAllister", caseTitle<<3 | 5},
		{"KVMC", caseUpper<<3 | 3},
		{"R", caseInitial << 3},
		{"A1c", caseDigit<<3 | 2},
		{"Zoë", caseTitle<<3 | 6},
		{"María", caseTitle<<3 | 7},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := ShapeOf(tc.word); got != tc.want {
				t.Fatalf("ShapeOf(%q) = %#x, want %#x", tc.word, got, tc.want)
			}
		})
	}
}
