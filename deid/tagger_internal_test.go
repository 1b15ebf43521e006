package deid

import "testing"

// TestLexClassTable: lexClasses reads six bytes of the lexicon flags, so
// every flag the tagger maps must lie in them; a flag added beyond bit 47
// and mapped here would be lost silently.
func TestLexClassTable(t *testing.T) {
	for _, p := range lexClassPairs {
		if p.f>>48 != 0 {
			t.Errorf("lexicon flag %#x maps to tagger class %#x but is beyond the six bytes lexClasses reads", p.f, p.l)
		}
		if got := lexClasses(p.f); got&p.l != p.l {
			t.Errorf("lexClasses(%#x) = %#x, want %#x set", p.f, got, p.l)
		}
	}
}
