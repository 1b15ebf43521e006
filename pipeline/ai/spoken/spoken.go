// Package spoken turns numbers as people say them into numbers as notes
// write them: "one twenty over eighty" is 120/80, "a hundred and one point
// two" is 101.2, "five hundred milligrams" is 500 mg, "ninety-seven
// percent" is 97%. Dictated and transcribed speech spells numbers out; the
// offline drafter writes them as digits and the fact check compares them as
// values, so both go through Numbers.
//
// It is deliberately conservative: a lone "one" becomes 1 only before a
// unit or a count word ("one capsule", "one week"), so "no one" and "one of
// them" stay as they are, and ordinals ("first") are left alone.
package spoken

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/ai/prefilter"
)

var units = map[string]int{
	"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}

var teens = map[string]int{
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// unitAbbrev are spoken units written the way notes write them, after a number.
var unitAbbrev = map[string]string{
	"milligram": "mg", "milligrams": "mg", "microgram": "mcg", "micrograms": "mcg", "gram": "g", "grams": "g",
	"milliliter": "mL", "milliliters": "mL", "millilitre": "mL", "millilitres": "mL", "cc": "mL", "ccs": "mL",
	"kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "centimeter": "cm", "centimeters": "cm",
	"millimeter": "mm", "millimeters": "mm",
}

// countWords may follow a lone "one" that is a number.
var countWords = map[string]bool{
	"capsule": true, "capsules": true, "tablet": true, "tablets": true, "pill": true, "pills": true, "puff": true,
	"puffs": true, "drop": true, "drops": true, "day": true, "days": true, "week": true, "weeks": true, "month": true,
	"months": true, "year": true, "years": true, "hour": true, "hours": true, "minute": true, "minutes": true,
	"time": true, "times": true, "dose": true, "doses": true, "injection": true, "shot": true, "unit": true, "units": true,
	"milligram": true, "milligrams": true, "gram": true, "grams": true, "liter": true, "cup": true, "cups": true,
	"glass": true, "glasses": true, "drink": true, "drinks": true, "pack": true, "packs": true, "night": true,
	"teaspoon": true, "teaspoons": true, "tablespoon": true, "spray": true, "sprays": true, "out": true,
	"pound": true, "pounds": true, "percent": true, "point": true, "centimeter": true, "inch": true,
	"episode": true, "episodes": true, "session": true, "visit": true, "refill": true, "refills": true,
}

// token is a word, a number or anything between them, with its position.
type token struct {
	text  string
	word  bool // letters (and inner hyphens or apostrophes)
	digit bool // an integer or decimal written in digits
}

func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case unicode.IsLetter(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) {
					j += n2
					continue
				}
				if (r2 == '-' || r2 == '\'') && j+1 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+1:])
					if unicode.IsLetter(r3) {
						j += 1
						continue
					}
				}
				break
			}
			out = append(out, token{text: s[i:j], word: true})
		case r >= '0' && r <= '9':
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
				j++
			}
			out = append(out, token{text: s[i:j], digit: true})
		default:
			out = append(out, token{text: s[i:j]})
		}
		i = j
	}
	return out
}

// number reads a spoken number starting at token i (skipping the single
// spaces between words) and returns its value as text and the index after
// its last token; ok is false when no number starts at i.
func number(toks []token, i int) (val string, next int, ok bool) {
	word := func(k int) string {
		if k < len(toks) && toks[k].word {
			return strings.ToLower(toks[k].text)
		}
		return ""
	}
	// nextWord returns the index of the word after k across one space or
	// a hyphen, or -1.
	nextWord := func(k int) int {
		if k+2 < len(toks) && (toks[k+1].text == " " || toks[k+1].text == "-") && toks[k+2].word {
			return k + 2
		}
		return -1
	}
	// A compound word like "ninety-eight" is one token.
	value := func(w string) (int, bool) {
		if a, b, found := strings.Cut(w, "-"); found {
			t, ok1 := tens[a]
			u, ok2 := units[b]
			if ok1 && ok2 && u > 0 {
				return t + u, true
			}
			return 0, false
		}
		if v, ok := units[w]; ok && w != "oh" {
			return v, true
		}
		if v, ok := teens[w]; ok {
			return v, true
		}
		if v, ok := tens[w]; ok {
			return v, true
		}
		return 0, false
	}
	// small reads 1..99 (a tens word optionally followed by a unit).
	small := func(k int) (int, int, bool) {
		v, ok := value(word(k))
		if !ok {
			return 0, k, false
		}
		end := k + 1
		if _, isTens := tens[word(k)]; isTens {
			if n := nextWord(k); n > 0 {
				if u, ok := units[word(n)]; ok && u > 0 && word(n) != "oh" {
					v += u
					end = n + 1
				}
			}
		}
		return v, end, true
	}

	start := i
	w := word(i)
	total, end := 0, i
	switch {
	case w == "a" || w == "an":
		n := nextWord(i)
		if n < 0 || (word(n) != "hundred" && word(n) != "thousand") {
			return "", i, false
		}
		total, end = 1, n
	default:
		v, e, ok := small(i)
		if !ok {
			return "", i, false
		}
		total, end = v, e
	}
	// hundreds and thousands: "two hundred and fifty", "a hundred and one"
	for {
		n := -1
		if end-1 >= start {
			n = nextWord(end - 1)
		}
		if word(end) == "hundred" || word(end) == "thousand" {
			n = end
		}
		if n < 0 {
			break
		}
		mult := 0
		switch word(n) {
		case "hundred":
			mult = 100
		case "thousand":
			mult = 1000
		}
		if mult == 0 || total >= mult {
			break
		}
		total *= mult
		end = n + 1
		m := nextWord(n)
		if m > 0 && word(m) == "and" {
			m = nextWord(m)
		}
		if m > 0 {
			if v, e, ok := small(m); ok {
				total += v
				end = e
			}
		}
	}
	hundreds := total >= 100
	// Years and the like said in pairs: "nineteen sixty-one" (1961),
	// "twenty twenty-four" (2024).
	if !hundreds && total >= 10 && end == i+1 {
		if n := nextWord(i); n > 0 {
			if v, e, ok := small(n); ok && v >= 10 {
				total, end, hundreds = total*100+v, e, true
			}
		}
	}
	// Colloquial hundreds: "one twenty" (120), "one oh five" (105), "two
	// ten" (210) — a digit followed by a two-digit group.
	if !hundreds && total >= 1 && total <= 9 {
		if n := nextWord(end - 1); n > 0 {
			if word(n) == "oh" {
				if m := nextWord(n); m > 0 {
					if u, ok := units[word(m)]; ok && u > 0 && word(m) != "oh" {
						total, end, hundreds = total*100+u, m+1, true
					}
				}
			} else if _, isTeen := teens[word(n)]; isTeen || tens[strings.SplitN(word(n), "-", 2)[0]] > 0 {
				if v, e, ok := small(n); ok && v >= 10 {
					total, end, hundreds = total*100+v, e, true
				}
			}
		}
	}
	// Digits read one by one: "nine one one", "nine eight eight".
	if total >= 1 && total <= 9 && end == i+1 {
		digits, k := strconv.Itoa(total), i
		for {
			n := nextWord(k)
			if n < 0 {
				break
			}
			u, ok := units[word(n)]
			if !ok || strings.Contains(word(n), "-") {
				break
			}
			digits += strconv.Itoa(u)
			k = n
		}
		if len(digits) >= 3 {
			return digits, k + 1, true
		}
	}
	val = strconv.Itoa(total)
	// Decimals: "point two", "point five", "point one five"
	if n := nextWord(end - 1); n > 0 && word(n) == "point" {
		digits := ""
		k := n
		for {
			m := nextWord(k)
			if m < 0 {
				break
			}
			u, ok := units[word(m)]
			if !ok {
				break
			}
			digits += strconv.Itoa(u)
			k = m
		}
		if digits != "" {
			val += "." + digits
			end = k + 1
		}
	}
	if val == "1" && end == i+1 && !hundreds {
		// A lone "one" is a number only before a count word.
		n := nextWord(i)
		if n < 0 || !countWords[word(n)] {
			return "", i, false
		}
	}
	return val, end, true
}

// Numbers returns s with spoken numbers written as digits, "X over Y"
// (both numbers) as X/Y, and a spoken unit after a number abbreviated
// ("500 milligrams" → "500 mg", "97 percent" → "97%").
func Numbers(s string) string {
	if !hasNumberWord(s) {
		return s
	}
	toks := tokenize(s)
	var out []token
	for i := 0; i < len(toks); {
		if toks[i].word && (i == 0 || !toks[i-1].word) {
			if v, next, ok := number(toks, i); ok {
				out = append(out, token{text: v, digit: true})
				i = next
				continue
			}
		}
		out = append(out, toks[i])
		i++
	}
	// "120 over 80" → "120/80"; units after numbers.
	var b strings.Builder
	for i := 0; i < len(out); i++ {
		t := out[i]
		if t.digit && i+4 < len(out) && out[i+1].text == " " && strings.EqualFold(out[i+2].text, "over") &&
			out[i+3].text == " " && out[i+4].digit {
			b.WriteString(t.text + "/" + out[i+4].text)
			i += 4
			continue
		}
		if t.word && i >= 2 && out[i-1].text == " " && out[i-2].digit {
			lw := strings.ToLower(t.text)
			if a, ok := unitAbbrev[lw]; ok {
				b.WriteString(a)
				continue
			}
			if lw == "percent" {
				// "97 percent" → "97%": drop the space written before.
				str := b.String()
				b.Reset()
				b.WriteString(strings.TrimSuffix(str, " ") + "%")
				continue
			}
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// numberWords are the words hasNumberWord looks for.
var numberWords = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
	"thousand", "percent", "milligram", "microgram", "gram", "milliliter", "kilo", "ccs", "over"}

// numberWordRE finds numberWords in any ASCII case, by a scan for them
// (prefilter.MayMatch) that does not run the expression.
var numberWordRE = prefilter.MustCompile(`(?i)` + strings.Join(numberWords, "|"))

// hasNumberWord is a fast check before tokenizing: whether the lower-cased
// text contains one of numberWords.
func hasNumberWord(s string) bool {
	if isASCII(s) {
		// In ASCII, lower-casing is ASCII's, which the scan ignores.
		return numberWordRE.MayMatch(s)
	}
	l := strings.ToLower(s)
	for _, w := range numberWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
