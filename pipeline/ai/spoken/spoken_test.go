package spoken_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai/spoken"
)

func TestNumbers(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"BloodPressureColloquial", "It was one twenty over eighty today.", "It was 120/80 today."},
		{"BloodPressureHigh", "one forty-two over eighty-eight", "142/88"},
		{"HundredAndDecimal", "a hundred and one point two", "101.2"},
		{"Dose", "five hundred milligrams twice a day", "500 mg twice a day"},
		{"Percent", "oxygen is ninety-seven percent", "oxygen is 97%"},
		{"DecimalTemperature", "thirty-eight point two", "38.2"},
		{"OhHundreds", "heart rate one oh five", "heart rate 105"},
		{"TwoWords", "twenty five milligrams", "25 mg"},
		{"Teens", "for fourteen days", "for 14 days"},
		{"LoneOneStays", "no one else at home has it, that one is fine", "no one else at home has it, that one is fine"},
		{"OneBeforeCount", "one capsule three times a day", "1 capsule 3 times a day"},
		{"DigitsUnit", "100 milligrams", "100 mg"},
		{"OverWithoutNumbers", "it is over now", "it is over now"},
		{"Thousand", "two thousand units", "2000 units"},
		{"PointFive", "two point five milligrams", "2.5 mg"},
		{"OrdinalsStay", "for your first problem", "for your first problem"},
		{"Weight", "she weighs sixty-two kilograms", "she weighs 62 kg"},
		{"NoNumbers", "Lungs are clear.", "Lungs are clear."},
		{"WordInsideWord", "someone took tone and often", "someone took tone and often"},
		{"Ten", "about ten days ago", "about 10 days ago"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(c.want, spoken.Numbers(c.in)); diff != "" {
				t.Errorf("Numbers(%q) (-want +got):\n%s", c.in, diff)
			}
		})
	}
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"one twenty over eighty", "a hundred and one point two", "x over 3", "one-", "ninety-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = spoken.Numbers(s) // must not panic
	})
}

func TestNumbersYears(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, in, want string }{
		{"Year", "March third, nineteen sixty-one.", "March third, 1961."},
		{"RecentYear", "back in twenty twenty-two", "back in 2022"},
		{"NotAPair", "twenty minutes", "20 minutes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, spoken.Numbers(c.in)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestNumbersDigitRuns(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, in, want string }{
		{"Emergency", "call nine one one", "call 911"},
		{"Crisis", "call nine eight eight.", "call 988."},
		{"TwoAreNotARun", "one two, or three", "one 2, or 3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, spoken.Numbers(c.in)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// hasNumberWord answers what lower-casing the text and searching it for
// each number word answers.
func TestHasNumberWordMatchesContains(t *testing.T) {
	t.Parallel()
	reference := func(s string) bool {
		l := strings.ToLower(s)
		for _, w := range spoken.NumberWords() {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	texts := []string{"", "ONE", "Twelve", "no numbers here", "TeEn", "\u212aILO", "\u017feven", "over-the-counter", "c c s", "CCS",
		"gr\u00e1m", "THİRTY", "mILLigram", "4 ccs", "thousand", "hundreds"}
	b, err := os.ReadFile("../../../testdata/drafts/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, strings.Split(string(b), " ")...)
	for _, s := range texts {
		if got, want := spoken.HasNumberWord(s), reference(s); got != want {
			t.Errorf("hasNumberWord(%q) = %v, want %v", s, got, want)
		}
	}
}
