package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNamedSiteAfterThe: a name or place of the lists, or a word on no list,
// before a site's kind after "the" names the site ("the halvorsen depot");
// English words, clinical words, generic bodies and plurals there stay.
// Sentences, names and places written for this test.
func TestNamedSiteAfterThe(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"surname and a gym", "he coaches boxing at the dombrowski gym after work", []found{{"dombrowski gym", deid.Location}}},
			{"a word on no list and a depot", "i drive a bus out of the quarnby depot nights", []found{{"quarnby depot", deid.Location}}},
			{"two words and a plant", "i work the line at the jefferson east plant, second shift", []found{{"jefferson east plant", deid.Location}}},
			{"a verb after it", "my gp at the lisnagarvey centre said to ring them", []found{{"lisnagarvey centre", deid.Location}}},
			{"a compound goes on", "he chewed the dravnik plant leaves", nil},
			{"a capitalized name, a lower-case kind", "Her office is in the Alderwood building on the 2nd floor.", []found{{"Alderwood building", deid.Location}}},
			{"capitals", "Her clinic is in the Vandermolen Building, third floor.", []found{{"Vandermolen Building", deid.Location}}},
			{"english, clinical and generic words stay", "we park in the visitor garage. scopes are done at the endoscopy center. he swims at the ymca pool. she lifts at the crossfit gym. the main campus is far.", nil},
			{"nationalities stay", "we shop at the korean market and the farmers market.", nil},
		})
	}
}

// TestNamedSiteShapes: a site named before what it is, after "the", with
// a possessive, parts joined by hyphens, an adjective before it or a kind
// of two words; a kind of mill or plant stays. Sentences written for this
// test.
func TestNamedSiteShapes(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a possessive before a distribution center", "patient: i pick orders at the zelmer's distribution center, nights\n",
				typed(deid.Location, "zelmer's distribution center")},
			{"hyphened parts", "patient: thirty years at the brandt-kessock mill, on the line\n", typed(deid.Location, "brandt-kessock mill")},
			{"an adjective before it", "wife: he still drives past the old quarnby plant every day\n", typed(deid.Location, "quarnby plant")},
			{"a kind of mill stays", "patient: i work at the steel mill, and before that the paper mill\n", nil},
			{"a kind of plant stays", "he was a foreman at the water treatment plant\n", nil},
		})
	}
}
