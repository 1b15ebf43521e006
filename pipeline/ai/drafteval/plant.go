package drafteval

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Kinds of planted error. All but KindInvented are fact kinds the check
// names (encounter.Fact*).
const (
	KindLaterality = encounter.FactLaterality
	KindDose       = encounter.FactDose
	KindNumber     = encounter.FactNumber
	KindNegation   = encounter.FactNegation
	KindDrug       = encounter.FactDrug
	KindInvented   = "invented_number"
)

// PlantKinds lists the kinds in report order.
var PlantKinds = []string{KindLaterality, KindDose, KindNumber, KindNegation, KindDrug, KindInvented}

// PlantedError is a sentence with one error planted in it.
type PlantedError struct {
	Kind string
	Text string
}

var (
	sideRE     = regexp.MustCompile(`(?i)\b(left|right|bilateral|bilaterally)\b`)
	numberRE   = regexp.MustCompile(`(^|[^\w./#-])(\d+(?:\.\d+)?)(\s*(?:mg|mcg|g|ml|mL|units?|%|kg|lb|days?|weeks?|months?|years?|hours?|times|tablets?|capsules?|puffs?|mg/dL|mmHg|bpm|C|F)?)\b`)
	listRE     = regexp.MustCompile(`^\s*\d{1,2}[.)]\s`)
	doseUnitRE = regexp.MustCompile(`(?i)^\s*(?:mg|mcg|g|ml|units?|tablets?|capsules?|puffs?|times)$`)
	negations  = []struct {
		re *regexp.Regexp
		to string
	}{
		{regexp.MustCompile(`\bDenies\b`), "Reports"},
		{regexp.MustCompile(`\bdenies\b`), "reports"},
		{regexp.MustCompile(`\bdenied\b`), "reported"},
		{regexp.MustCompile(`(?i)\bno (known )?`), "$1"},
		{regexp.MustCompile(`(?i)\bnot\s+`), ""},
		{regexp.MustCompile(`(?i)\bwithout\b`), "with"},
		{regexp.MustCompile(`\bnegative\b`), "positive"},
		{regexp.MustCompile(`\bNegative\b`), "Positive"},
		{regexp.MustCompile(`(?i)\b(does|did|is|was|has|have|do|are|were)n't\b`), "$1"},
		{regexp.MustCompile(`\bReports\b`), "Denies"},
		{regexp.MustCompile(`\bPositive for\b`), "Negative for"},
	}
)

// Plant returns the sentence with each kind of error planted that applies
// to it, one error per copy: the first side swapped (a left, right or
// bilateral the check reads as a side: factcheck.IsSide), the first number
// changed (a dose when a drug unit follows it), the first negation
// flipped, the first medicine swapped for another, and a number the cited
// text does not hold invented at the end.
func Plant(sentence, cited string) []PlantedError {
	var out []PlantedError
	add := func(kind, text string) {
		if text != sentence && strings.TrimSpace(text) != "" {
			out = append(out, PlantedError{Kind: kind, Text: text})
		}
	}
	for n, loc := range sideRE.FindAllStringSubmatchIndex(sentence, -1) {
		// Only a side as the check reads sides: "that's right" and "I
		// left" are not laterality, whatever the generator did to them.
		if !factcheck.IsSide(sentence, n) {
			continue
		}
		{
			w := strings.ToLower(sentence[loc[2]:loc[3]])
			to := map[string]string{"left": "right", "right": "left", "bilateral": "left", "bilaterally": "on the left"}[w]
			if sentence[loc[2]] >= 'A' && sentence[loc[2]] <= 'Z' {
				to = strings.ToUpper(to[:1]) + to[1:]
			}
			add(KindLaterality, sentence[:loc[2]]+to+sentence[loc[3]:])
		}
		break
	}
	body, offset := sentence, 0
	if loc := listRE.FindStringIndex(sentence); loc != nil {
		body, offset = sentence[loc[1]:], loc[1]
	}
	if m := numberRE.FindStringSubmatchIndex(body); m != nil {
		v := body[m[4]:m[5]]
		unit := body[m[6]:m[7]]
		changed := changeNumber(v)
		kind := KindNumber
		if doseUnitRE.MatchString(unit) {
			kind = KindDose
		}
		add(kind, sentence[:offset+m[4]]+changed+sentence[offset+m[5]:])
	}
	for _, n := range negations {
		if loc := n.re.FindStringIndex(sentence); loc != nil {
			add(KindNegation, sentence[:loc[0]]+n.re.ReplaceAllString(sentence[loc[0]:loc[1]], n.to)+sentence[loc[1]:])
			break
		}
	}
	for _, w := range wordRE.FindAllStringIndex(sentence, -1) {
		word := sentence[w[0]:w[1]]
		g, ok := factcheck.Drug(word)
		if !ok {
			continue
		}
		to := otherDrug(g)
		if word[0] >= 'A' && word[0] <= 'Z' {
			to = strings.ToUpper(to[:1]) + to[1:]
		}
		add(KindDrug, sentence[:w[0]]+to+sentence[w[1]:])
		break
	}
	norm := factcheck.Normalize(cited)
	for _, n := range []string{"17", "23", "41", "68", "93"} {
		if !strings.Contains(norm, n) && !strings.Contains(sentence, n) {
			add(KindInvented, strings.TrimRight(sentence, ". ")+" for "+n+" days.")
			break
		}
	}
	return out
}

var wordRE = regexp.MustCompile(`[A-Za-z][A-Za-z-]+`)

// changeNumber returns a different, plausible value.
func changeNumber(v string) string {
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		switch {
		case strings.Contains(v, "."):
			return strconv.FormatFloat(f+1.5, 'f', strings.Count(v[strings.Index(v, "."):], "")-2, 64)
		case f == 0:
			return "2"
		case f < 10:
			return strconv.Itoa(int(f) + 2)
		default:
			return strconv.Itoa(int(f) * 2)
		}
	}
	return v + "0"
}

// swaps pair medicines a planted error exchanges (different drugs a
// transcript could confuse).
var swaps = []string{"lisinopril", "losartan", "amlodipine", "metoprolol", "atorvastatin", "metformin", "ibuprofen",
	"naproxen", "acetaminophen", "amoxicillin", "azithromycin", "prednisone", "albuterol", "omeprazole", "sertraline",
	"gabapentin", "levothyroxine", "furosemide", "warfarin", "insulin"}

func otherDrug(generic string) string {
	for i, s := range swaps {
		if s == generic {
			return swaps[(i+1)%len(swaps)]
		}
	}
	return swaps[len(generic)%len(swaps)]
}
