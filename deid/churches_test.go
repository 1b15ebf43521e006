package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestChurchNames: a church (or the school or hospital named for it) by
// the shapes its name takes, in lower case too; words of faith and
// devotions stay. Sentences written for this test.
func TestChurchNames(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"our lady with a title", "daughter: he goes to mass at our lady help of christians every sunday\n",
				typed(deid.Location, "our lady help of christians")},
			{"our lady of two words", "mom goes to our lady of perpetual help every morning\n",
				typed(deid.Location, "our lady of perpetual help")},
			{"our lady of the", "we were married at our lady of the snows on sunday\n",
				typed(deid.Location, "our lady of the snows")},
			{"a saint with an epithet", "husband: saint michael the archangel, with the youth group\n",
				typed(deid.Location, "saint michael the archangel")},
			{"a saint with an epithet and its school", "my son goes to st. john the baptist school\n",
				typed(deid.Location, "st. john the baptist school")},
			{"christ the king after a word of place", "wife: near christ the king\n",
				typed(deid.Location, "christ the king")},
			{"holy and a place's word", "if it gets worse we go to holy cross\n",
				typed(deid.Location, "holy cross")},
			{"first, a people's word, a denomination", "grandson: she still goes to first haitian baptist on sundays\n",
				typed(deid.Location, "first haitian baptist")},
			{"a feast stays", "the feast of christ the king is sunday\n", nil},
			{"a devotion stays", "we always go for the feast of our lady of the snows\n", nil},
			{"a faith said of a person stays", "she's southern baptist, no blood products\n", nil},
		})
	}
}

// TestStreetAlone: a street's name in lower-case speech said alone, as an
// answer or after a comma, its clause ending after it; a kind of road and
// what a road is like stay. Sentences written for this test.
func TestStreetAlone(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"an answer", "gp: and the street\nwife: quarrender road, yeah\n", typed(deid.Location, "quarrender road")},
			{"an answer after yeah", "patient: yeah, south vellmar street. i can see the lake\n",
				typed(deid.Location, "south vellmar street")},
			{"after a comma", "daughter: we moved last year, hollins avenue. it's quieter\n",
				typed(deid.Location, "hollins avenue")},
			{"after a sentence's end", "daughter: no, she moved. pellingham street, the flats by the shop\n",
				typed(deid.Location, "pellingham street")},
			{"a kind of road stays", "patient: dirt road, mostly.\n", nil},
			{"what a road is like stays", "patient: yeah, long road.\n", nil},
			{"more said after it stays", "patient: yeah, the main road is closed\n", nil},
		})
	}
}
