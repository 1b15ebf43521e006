package deid

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortCandsMatchesSlices: sortCands leaves candidates in exactly the
// order slices.SortFunc with candCmp does, equal ones included (resolve's
// choice of type depends on it), on random inputs shaped like the
// detector's: runs in text order, many candidates over the same text.
func TestSortCandsMatchesSlices(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	types := []Type{Name, Location, Date, ID, Phone, Age}
	for n := range 400 {
		size := n
		if n >= 200 {
			size = r.IntN(3000)
		}
		in := make([]cand, size)
		pos := 0
		for k := range in {
			switch r.IntN(4) {
			case 0: // a new run in text order
				pos = r.IntN(size*4 + 1)
			case 1:
				pos += r.IntN(5)
			}
			in[k] = cand{s: pos, e: pos + 1 + r.IntN(3), t: types[r.IntN(len(types))], prio: uint8(r.IntN(4)), cls: NameClass(k)}
		}
		if n%7 == 0 {
			slices.Reverse(in)
		}
		want, got := slices.Clone(in), slices.Clone(in)
		slices.SortFunc(want, candCmp)
		sortCands(got)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d (%d candidates): sortCands order differs from slices.SortFunc", n, size)
		}
	}
}
