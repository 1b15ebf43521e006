// Code derived from the Go standard library's slices/zsortanyfunc.go
// (go1.26; Copyright 2022 The Go Authors, under the licence reproduced at
// the end of this comment) by gen_sort_variants.go's own method: the generic
// pdqsort with its comparison function replaced by keyCmp (candCmp on the
// candidates' compact keys), so that the compiler inlines the comparison.
// The algorithm, and so the order it leaves equal elements in, is the same
// as slices.SortFunc with candCmp;
// resolve depends on that order (which of two candidates over the same
// text gives the type), and TestSortCandsMatchesSlices checks it.
//
// The Go standard library's licence, which the derived code keeps:
//
// Copyright 2009 The Go Authors.
//
// Redistribution and use in source and binary forms, with or without
// modification, are permitted provided that the following conditions are
// met:
//
//    * Redistributions of source code must retain the above copyright
// notice, this list of conditions and the following disclaimer.
//    * Redistributions in binary form must reproduce the above
// copyright notice, this list of conditions and the following disclaimer
// in the documentation and/or other materials provided with the
// distribution.
//    * Neither the name of Google LLC nor the names of its
// contributors may be used to endorse or promote products derived from
// this software without specific prior written permission.
//
// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
// "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
// LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
// A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
// OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
// SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
// LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
// DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
// THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
// (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
// OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

package deid

import "math/bits"

// candCmp orders candidates by start, longest first.
func candCmp(a, b cand) int {
	if a.s != b.s {
		return a.s - b.s
	}
	return b.e - a.e
}

// candKey is what the sort compares of a candidate, with its index: the
// sort moves these 12 bytes instead of the whole candidate.
type candKey struct{ s, e, i int32 }

// keyCmp is candCmp on keys.
func keyCmp(a, b candKey) int {
	if a.s != b.s {
		return int(a.s - b.s)
	}
	return int(b.e - a.e)
}

// sortCands is slices.SortFunc(data, candCmp).
func sortCands(data []cand) {
	var keys []candKey
	var tmp []cand
	sortCandsBuf(data, &keys, &tmp)
}

// sortCandsBuf is sortCands with scratch buffers reused across calls. The
// keys go through the same pdqsort as slices.SortFunc would take the
// candidates through, comparing the same fields, so they end in the same
// order, equal ones included; the candidates are then put in that order.
func sortCandsBuf(data []cand, keys *[]candKey, tmp *[]cand) {
	n := len(data)
	ks := (*keys)[:0]
	for i := range data {
		ks = append(ks, candKey{s: int32(data[i].s), e: int32(data[i].e), i: int32(i)})
	}
	*keys = ks
	pdqsortCands(ks, 0, n, bits.Len(uint(n)))
	t := append((*tmp)[:0], data...)
	*tmp = t
	for k := range ks {
		data[k] = t[ks[k].i]
	}
}

type sortedHint int // hint for pdqsort when choosing the pivot

const (
	unknownHint sortedHint = iota
	increasingHint
	decreasingHint
)

// xorshift paper: https://www.jstatsoft.org/article/view/v008i14/xorshift.pdf
type xorshift uint64

func (r *xorshift) Next() uint64 {
	*r ^= *r << 13
	*r ^= *r >> 7
	*r ^= *r << 17
	return uint64(*r)
}

func nextPowerOfTwo(length int) uint {
	return 1 << bits.Len(uint(length))
}

// insertionSortCands sorts data[a:b] using insertion sort.
func insertionSortCands(data []candKey, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && (keyCmp(data[j], data[j-1]) < 0); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}

// siftDownCands implements the heap property on data[lo:hi].
// first is an offset into the array where the root of the heap lies.
func siftDownCands(data []candKey, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && (keyCmp(data[first+child], data[first+child+1]) < 0) {
			child++
		}
		if !(keyCmp(data[first+root], data[first+child]) < 0) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}

func heapSortCands(data []candKey, a, b int) {
	first := a
	lo := 0
	hi := b - a

	// Build heap with greatest element at top.
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDownCands(data, i, hi, first)
	}

	// Pop elements, largest first, into end of data.
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		siftDownCands(data, lo, i, first)
	}
}

// pdqsortCands sorts data[a:b].
// The algorithm based on pattern-defeating quicksort(pdqsort), but without the optimizations from BlockQuicksort.
// pdqsort paper: https://arxiv.org/pdf/2106.05123.pdf
// C++ implementation: https://github.com/orlp/pdqsort
// Rust implementation: https://docs.rs/pdqsort/latest/pdqsort/
// limit is the number of allowed bad (very unbalanced) pivots before falling back to heapsort.
func pdqsortCands(data []candKey, a, b, limit int) {
	const maxInsertion = 12

	var (
		wasBalanced    = true // whether the last partitioning was reasonably balanced
		wasPartitioned = true // whether the slice was already partitioned
	)

	for {
		length := b - a

		if length <= maxInsertion {
			insertionSortCands(data, a, b)
			return
		}

		// Fall back to heapsort if too many bad choices were made.
		if limit == 0 {
			heapSortCands(data, a, b)
			return
		}

		// If the last partitioning was imbalanced, we need to breaking patterns.
		if !wasBalanced {
			breakPatternsCands(data, a, b)
			limit--
		}

		pivot, hint := choosePivotCands(data, a, b)
		if hint == decreasingHint {
			reverseRangeCands(data, a, b)
			// The chosen pivot was pivot-a elements after the start of the array.
			// After reversing it is pivot-a elements before the end of the array.
			// The idea came from Rust's implementation.
			pivot = (b - 1) - (pivot - a)
			hint = increasingHint
		}

		// The slice is likely already sorted.
		if wasBalanced && wasPartitioned && hint == increasingHint {
			if partialInsertionSortCands(data, a, b) {
				return
			}
		}

		// Probably the slice contains many duplicate elements, partition the slice into
		// elements equal to and elements greater than the pivot.
		if a > 0 && !(keyCmp(data[a-1], data[pivot]) < 0) {
			mid := partitionEqualCands(data, a, b, pivot)
			a = mid
			continue
		}

		mid, alreadyPartitioned := partitionCands(data, a, b, pivot)
		wasPartitioned = alreadyPartitioned

		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			pdqsortCands(data, a, mid, limit)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			pdqsortCands(data, mid+1, b, limit)
			b = mid
		}
	}
}

// partitionCands does one quicksort partition.
// Let p = data[pivot]
// Moves elements in data[a:b] around, so that data[i]<p and data[j]>=p for i<newpivot and j>newpivot.
// On return, data[newpivot] = p
func partitionCands(data []candKey, a, b, pivot int) (newpivot int, alreadyPartitioned bool) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // i and j are inclusive of the elements remaining to be partitioned

	for i <= j && (keyCmp(data[i], data[a]) < 0) {
		i++
	}
	for i <= j && !(keyCmp(data[j], data[a]) < 0) {
		j--
	}
	if i > j {
		data[j], data[a] = data[a], data[j]
		return j, true
	}
	data[i], data[j] = data[j], data[i]
	i++
	j--

	for {
		for i <= j && (keyCmp(data[i], data[a]) < 0) {
			i++
		}
		for i <= j && !(keyCmp(data[j], data[a]) < 0) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	data[j], data[a] = data[a], data[j]
	return j, false
}

// partitionEqualCands partitions data[a:b] into elements equal to data[pivot] followed by elements greater than data[pivot].
// It assumed that data[a:b] does not contain elements smaller than the data[pivot].
func partitionEqualCands(data []candKey, a, b, pivot int) (newpivot int) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // i and j are inclusive of the elements remaining to be partitioned

	for {
		for i <= j && !(keyCmp(data[a], data[i]) < 0) {
			i++
		}
		for i <= j && (keyCmp(data[a], data[j]) < 0) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	return i
}

// partialInsertionSortCands partially sorts a slice, returns true if the slice is sorted at the end.
func partialInsertionSortCands(data []candKey, a, b int) bool {
	const (
		maxSteps         = 5  // maximum number of adjacent out-of-order pairs that will get shifted
		shortestShifting = 50 // don't shift any elements on short arrays
	)
	i := a + 1
	for j := 0; j < maxSteps; j++ {
		for i < b && !(keyCmp(data[i], data[i-1]) < 0) {
			i++
		}

		if i == b {
			return true
		}

		if b-a < shortestShifting {
			return false
		}

		data[i], data[i-1] = data[i-1], data[i]

		// Shift the smaller one to the left.
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !(keyCmp(data[j], data[j-1]) < 0) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
		// Shift the greater one to the right.
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !(keyCmp(data[j], data[j-1]) < 0) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
	}
	return false
}

// breakPatternsCands scatters some elements around in an attempt to break some patterns
// that might cause imbalanced partitions in quicksort.
func breakPatternsCands(data []candKey, a, b int) {
	length := b - a
	if length >= 8 {
		random := xorshift(length)
		modulus := nextPowerOfTwo(length)

		for idx := a + (length/4)*2 - 1; idx <= a+(length/4)*2+1; idx++ {
			other := int(uint(random.Next()) & (modulus - 1))
			if other >= length {
				other -= length
			}
			data[idx], data[a+other] = data[a+other], data[idx]
		}
	}
}

// choosePivotCands chooses a pivot in data[a:b].
//
// [0,8): chooses a static pivot.
// [8,shortestNinther): uses the simple median-of-three method.
// [shortestNinther,∞): uses the Tukey ninther method.
func choosePivotCands(data []candKey, a, b int) (pivot int, hint sortedHint) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)

	l := b - a

	var (
		swaps int
		i     = a + l/4*1
		j     = a + l/4*2
		k     = a + l/4*3
	)

	if l >= 8 {
		if l >= shortestNinther {
			// Tukey ninther method, the idea came from Rust's implementation.
			i = medianAdjacentCands(data, i, &swaps)
			j = medianAdjacentCands(data, j, &swaps)
			k = medianAdjacentCands(data, k, &swaps)
		}
		// Find the median among i, j, k and stores it into j.
		j = medianCands(data, i, j, k, &swaps)
	}

	switch swaps {
	case 0:
		return j, increasingHint
	case maxSwaps:
		return j, decreasingHint
	default:
		return j, unknownHint
	}
}

// order2Cands returns x,y where data[x] <= data[y], where x,y=a,b or x,y=b,a.
func order2Cands(data []candKey, a, b int, swaps *int) (int, int) {
	if keyCmp(data[b], data[a]) < 0 {
		*swaps++
		return b, a
	}
	return a, b
}

// medianCands returns x where data[x] is the median of data[a],data[b],data[c], where x is a, b, or c.
func medianCands(data []candKey, a, b, c int, swaps *int) int {
	a, b = order2Cands(data, a, b, swaps)
	b, c = order2Cands(data, b, c, swaps)
	a, b = order2Cands(data, a, b, swaps)
	return b
}

// medianAdjacentCands finds the median of data[a - 1], data[a], data[a + 1] and stores the index into a.
func medianAdjacentCands(data []candKey, a int, swaps *int) int {
	return medianCands(data, a-1, a, a+1, swaps)
}

func reverseRangeCands(data []candKey, a, b int) {
	i := a
	j := b - 1
	for i < j {
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}

func swapRangeCands(data []candKey, a, b, n int) {
	for i := 0; i < n; i++ {
		data[a+i], data[b+i] = data[b+i], data[a+i]
	}
}
