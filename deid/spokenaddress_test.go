package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestAddressesReadOut: addresses as a transcript writes them go whole: a
// house number said in words before a street named without its suffix and
// a unit; a post office or rural route box said in words; a street after a
// house number in figures with its suffix shortened ("4410 ridge rd", which
// left everything); a street after a preposition of place with no house
// number ("at the end of willow creek road"). Near misses stay: a unit with
// no street or number ("a one bedroom apartment", "the apartment two b"),
// a box that is a box, a shortened suffix after an age ("45 yo st") or
// before an ST segment, a suffix starting another noun ("country road
// trips"), a road with no name ("down the main road"). Written for this
// test.
func TestAddressesReadOut(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			name, text string
			gone       []string // each inside one LOCATION span
			kept       []string // none touches a span
		}{
			{"number-in-words-unit", "patient: it's sixty two oh one north sheridan apartment fourteen c",
				[]string{"sixty two oh one north sheridan apartment fourteen c"}, nil},
			{"po-box-spelled", "patient: my address is p o box four four one", []string{"p o box four four one"}, nil},
			{"po-box", "caller: send it to po box 1187 please", []string{"po box 1187"}, nil},
			{"rural-route", "patient: rural route two box nineteen out past the grain elevator",
				[]string{"rural route two box nineteen"}, nil},
			{"short-suffix", "patient: we are at 4410 ridge rd unit 2", []string{"4410 ridge rd unit 2"}, nil},
			{"one-number-word-opening-its-line", "patient: it was a\ntwo lane road with no shoulder", nil, []string{"two lane road"}},
			{"number-opening-its-line", "nurse: and the address for the home visit\nseventy three fourteen larkmoor avenue\nnurse: okay",
				[]string{"seventy three fourteen larkmoor avenue"}, nil},
			{"preposition", "patient: we're in the blue house at the end of willow creek road",
				[]string{"willow creek road"}, nil},
			{"after-address", "nurse: and is your address still twelve forty lakeshore", []string{"twelve forty lakeshore"}, nil},
			{"after-address-figures", "nurse: address is 4410 n ridge", []string{"4410 n ridge"}, nil},
			{"address-no-number", "patient: the address is the same as on file", nil, []string{"the same"}},
			{"address-years", "patient: the address is in my chart for two years", nil, []string{"two years"}},
			{"corner-words", "patient: the shelter on fifth and market", []string{"fifth", "market"}, nil},
			{"corner-words-suffix", "patient: she came in on third and main street", []string{"third", "main street"}, nil},
			{"days", "patient: on the fifth and sixth day it got worse", nil, []string{"fifth", "sixth"}},
			{"order", "patient: on fifth and final attempt it worked", nil, []string{"fifth", "final"}},
			{"ordinal-then", "patient: i was on third and then moved", nil, []string{"third"}},
			{"year-before-town", "patient: we moved in 2019 and in 2019 boston was cold", nil, []string{"2019 boston"}},
			{"bedroom", "patient: we have a one bedroom apartment now", nil, []string{"one bedroom apartment"}},
			{"unit-no-street", "patient: two weeks in the apartment two b", nil, []string{"apartment two b"}},
			{"box", "patient: the box is on the shelf, i took two boxes", nil, []string{"box", "boxes"}},
			{"age-st", "note: the patient is a 45 yo st", nil, []string{"45 yo st"}},
			{"st-segment", "ekg: 2 mm st elevation in v2", nil, []string{"st elevation"}},
			{"road-trip", "patient: because of country road trips", nil, []string{"country road"}},
			{"no-name", "patient: he went down the main road", nil, []string{"main road"}},
		} {
			spans := d.Detect(c.text, deid.Known{})
			for _, w := range c.gone {
				if !within(c.text, spans, w, deid.Location) {
					t.Errorf("rules only %v: %s: %q not removed whole as a place (spans %v)", rulesOnly, c.name, w, spans)
				}
			}
			for _, w := range c.kept {
				if touching(c.text, spans, w) {
					t.Errorf("rules only %v: %s: %q removed (spans %v)", rulesOnly, c.name, w, spans)
				}
			}
		}
	}
}

// TestHouseNumberBeforePlaceFound: a house number right before a street
// found, here or said before, goes with it ("yes, 1812 grandview, the
// yellow house" left "1812"); a year before a town stays. Written for this
// test.
func TestHouseNumberBeforePlaceFound(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	text := "[patient] seventy nine in march\n[provider] and you're still over on grandview in the same place\n" +
		"[patient] yes, 1812 grandview, the yellow house"
	if !within(text, d.Detect(text, deid.Known{}), "1812 grandview", deid.Location) {
		t.Errorf("%q: the house number not removed with its street", text)
	}
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		text := "[provider] and you're still in evanston\n[patient] yes, at 1812 evanston now"
		if !within(text, d.Detect(text, deid.Known{}), "1812 evanston", deid.Location) {
			t.Errorf("rules only %v: %q: the house number not removed with its place", rulesOnly, text)
		}
		text = "[patient] we moved to evanston and in 2019 evanston flooded"
		if touching(text, d.Detect(text, deid.Known{}), "2019") {
			t.Errorf("rules only %v: %q: a year taken for a house number", rulesOnly, text)
		}
	}
}
