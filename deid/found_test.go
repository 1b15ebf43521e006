package deid_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/deid"
)

// foundCase is a text and the identifiers Detect must find in it.
type foundCase struct {
	name, text string
	want       []found
}

// checkFound runs each case as a subtest of t against d with kn.
func checkFound(t *testing.T, d *deid.Detector, kn deid.Known, cases []foundCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, detect(d, tc.text, kn)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// typed lists texts found as one type: typed(deid.Date, "the third").
func typed(typ deid.Type, texts ...string) (out []found) {
	for _, x := range texts {
		out = append(out, found{x, typ})
	}
	return out
}
