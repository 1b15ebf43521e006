package prefilter_test

import (
	"fmt"

	"github.com/clinscribe/clinscribe/pipeline/ai/prefilter"
)

func ExampleRegexp_MayMatch() {
	re := prefilter.MustCompile(`(?i)\b(?:pain|ache)s?\b`)
	fmt.Println(re.Literals())
	// The scan alone rules these out: no word pain, pains, ache or aches.
	fmt.Println(re.MayMatch("Painful swelling."), re.MayMatch("Headache."))
	// This one holds a literal, so the expression runs.
	fmt.Println(re.MatchString("Back PAIN since Monday."))
	// Output:
	// [\bache\b \baches\b \bpain\b \bpains\b]
	// false false
	// true
}
