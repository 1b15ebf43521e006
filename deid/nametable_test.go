package deid

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestNameTableMatchesMap checks nameTable against the map it replaced,
// over random puts and gets with reuse after reset.
func TestNameTableMatchesMap(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	var tab nameTable
	for round := range 20 {
		m := map[string]NameClass{}
		n := 1 + r.IntN(300)
		for range 4 * n {
			w := fmt.Sprintf("w%d", r.IntN(n))
			if r.IntN(2) == 0 {
				cls := NameClass(r.IntN(256))
				m[w] = cls
				tab.put(w, fnvString(w), cls)
			}
			want, wok := m[w]
			got, gok := tab.get(w, fnvString(w))
			if got != want || gok != wok {
				t.Fatalf("round %d: get(%q) = %d, %v; the map says %d, %v", round, w, got, gok, want, wok)
			}
		}
		if tab.n != len(m) {
			t.Fatalf("round %d: %d words, the map has %d", round, tab.n, len(m))
		}
		tab.reset()
		if _, ok := tab.get("w0", fnvString("w0")); ok || tab.n != 0 {
			t.Fatalf("round %d: reset left words", round)
		}
	}
}
