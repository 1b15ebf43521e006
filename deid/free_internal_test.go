package deid

import (
	"strings"
	"testing"
)

// TestDropFreeUnlistedLowerWord: a place of one lower-case English word on
// no list of places or names, as the tagger proposes in long lower-case
// transcripts ("roll over in bed"), is dropped; a town written in lower
// case, on the gazetteer's lists, stays. The span is
// given to dropFree directly, because whether the tagger proposes such a
// word depends on the whole transcript.
func TestDropFreeUnlistedLowerWord(t *testing.T) {
	d, err := New(Config{RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, word string
		known      Known
		kept       bool
	}{
		{"patient: when i roll over in bed the room spins", "bed", Known{}, false},
		{"np: you look at screens a lot\npatient: all day", "screens", Known{}, false},
		{"patient: we moved here from mobile last year", "mobile", Known{}, true},
		{"patient: my sister lives in hope", "hope", Known{}, true},
		{"patient: i work at the mill in lowell", "lowell", Known{}, true},
	} {
		s := d.pool.Get().(*scan)
		s.rules(d, tc.text, tc.known, true)
		i := strings.Index(tc.text, tc.word)
		got := s.dropFree([]Span{{Start: i, End: i + len(tc.word), Type: Location}})
		d.release(s)
		if kept := len(got) == 1; kept != tc.kept {
			t.Errorf("%q in %q: kept %v, want %v", tc.word, tc.text, kept, tc.kept)
		}
	}
}
