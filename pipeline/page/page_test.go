package page_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/page"
)

func TestCursor(t *testing.T) {
	t.Parallel()
	q := page.Fingerprint("provider", "dr-okafor", "awaiting_signoff")
	c := page.Encode("20260301T090000.000000000Z_enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", q)
	after, err := page.Decode(c, q)
	if err != nil || after != "20260301T090000.000000000Z_enc_aaaaaaaaaaaaaaaaaaaaaaaaaa" {
		t.Fatalf("Decode = %q, %v", after, err)
	}
	for name, bad := range map[string]struct{ cursor, query string }{
		"OtherQuery": {c, page.Fingerprint("provider", "dr-brandt", "awaiting_signoff")},
		"NotBase64":  {"%%%", q},
		"NotJSON":    {"bm90IGpzb24", q},
		"EmptyAfter": {page.Encode("", q), q},
		"TooLong":    {string(make([]byte, 2000)), q},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := page.Decode(bad.cursor, bad.query); !errors.Is(err, page.ErrBadCursor) {
				t.Errorf("err = %v, want ErrBadCursor", err)
			}
		})
	}
	if after, err := page.Decode("", q); err != nil || after != "" {
		t.Errorf("no cursor: %q, %v", after, err)
	}
}

func TestOrder(t *testing.T) {
	t.Parallel()
	keys := func() []string { return []string{"a/3_c", "b/1_a", "queue/2_b", "a/4_d"} }
	cases := []struct {
		name  string
		after string
		desc  bool
		want  []string
	}{
		{"Oldest", "", false, []string{"b/1_a", "queue/2_b", "a/3_c", "a/4_d"}},
		{"Newest", "", true, []string{"a/4_d", "a/3_c", "queue/2_b", "b/1_a"}},
		{"OldestAfter", "2_b", false, []string{"a/3_c", "a/4_d"}},
		{"NewestAfter", "3_c", true, []string{"queue/2_b", "b/1_a"}},
		{"AfterTheEnd", "9_z", false, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := page.Order(keys(), c.after, c.desc)
			if diff := cmp.Diff(c.want, got); diff != "" && !(len(c.want) == 0 && len(got) == 0) {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for in, want := range map[int]int{0: page.DefaultLimit, -3: page.DefaultLimit, 7: 7, 10_000: page.MaxLimit} {
		if got := page.Limit(in); got != want {
			t.Errorf("Limit(%d) = %d, want %d", in, got, want)
		}
	}
}
