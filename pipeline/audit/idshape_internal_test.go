package audit

import (
	"regexp"
	"testing"
)

// idShaped must accept exactly what the regular expression it replaces
// accepts.
var idShapeRE = regexp.MustCompile(`^[A-Za-z0-9._:@+/=#-]{0,256}$`)

func FuzzIDShaped(f *testing.F) {
	for _, s := range []string{"", "enc_01", "pt_ab#c", "a b", "x\n", "é", "baa-2026-014", string(make([]byte, 257)), "zZ09._:@+/=#-", "a,b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := idShaped(s), idShapeRE.MatchString(s); got != want {
			t.Errorf("idShaped(%q) = %v, the regular expression says %v", s, got, want)
		}
	})
}

func TestIDShapedLength(t *testing.T) {
	t.Parallel()
	long := make([]byte, 257)
	for i := range long {
		long[i] = 'a'
	}
	for _, n := range []int{0, 1, 256, 257} {
		s := string(long[:n])
		if got, want := idShaped(s), idShapeRE.MatchString(s); got != want {
			t.Errorf("idShaped of %d letters = %v, the regular expression says %v", n, got, want)
		}
	}
}
