// Package shorthand writes out the abbreviations clinicians use in notes
// ("SOB" → "shortness of breath", "c/o" → "complains of", "BID" → "twice
// daily", "q4h" → "every 4 hours"). The offline drafter writes notes with
// them spelled out, and the evidence and fact checks compare text with
// them spelled out on both sides, so "Denies CP" in a source supports
// "Denies chest pain" in a draft.
//
// The list is conservative: an abbreviation with two common meanings is
// left alone unless its case or its neighbours decide it (upper-case "PT"
// is physical therapy, lower-case "pt" the patient; "RA" only after an
// oxygen saturation is room air).
package shorthand

import (
	"regexp"
	"strings"
)

type rule struct {
	re *regexp.Regexp
	to string
}

// exact are whole words, matched as written (case matters).
var exact = map[string]string{
	"SOB": "shortness of breath", "CP": "chest pain", "DOE": "dyspnea on exertion", "N/V": "nausea and vomiting",
	"HTN": "hypertension", "HLD": "hyperlipidemia", "T2DM": "type 2 diabetes", "DM2": "type 2 diabetes", "DM": "diabetes",
	"CAD": "coronary artery disease", "CHF": "heart failure", "CKD": "chronic kidney disease", "OSA": "obstructive sleep apnea",
	"AFib": "atrial fibrillation", "afib": "atrial fibrillation", "MI": "myocardial infarction", "UTI": "urinary tract infection",
	"URI": "upper respiratory infection", "LE": "lower extremity", "BLE": "bilateral lower extremity", "LLE": "left lower extremity",
	"RLE": "right lower extremity", "LUE": "left upper extremity", "RUE": "right upper extremity",
	"NKDA": "no known drug allergies", "CTAB": "clear to auscultation bilaterally", "RRR": "regular rate and rhythm",
	"NAD": "no acute distress", "NT": "nontender", "ND": "nondistended", "ROM": "range of motion", "TTP": "tender to palpation",
	"NWB": "non-weight-bearing", "WBAT": "weight bearing as tolerated", "PT": "physical therapy", "OT": "occupational therapy",
	"RTC": "return to clinic", "PRN": "as needed", "prn": "as needed", "BID": "twice daily", "bid": "twice daily",
	"TID": "three times daily", "tid": "three times daily", "QID": "four times daily", "qid": "four times daily",
	"qd": "daily", "QD": "daily", "qhs": "at bedtime", "QHS": "at bedtime", "PO": "by mouth", "po": "by mouth",
	"hx": "history", "Hx": "history", "dx": "diagnosis", "Dx": "diagnosis", "tx": "treatment", "Tx": "treatment",
	"sx": "symptoms", "Sx": "symptoms", "fx": "fracture", "Fx": "fracture", "pt": "patient", "Pt": "Patient", "pts": "patients",
	"neg": "negative", "pos": "positive", "nl": "normal", "WNL": "within normal limits", "ED": "emergency department",
	"ER": "emergency room", "CXR": "chest x-ray", "LMP": "last menstrual period", "BM": "bowel movement", "BMs": "bowel movements",
	"SI": "suicidal ideation", "HI": "homicidal ideation", "SI/HI": "suicidal or homicidal ideation",
	"AH/VH": "auditory or visual hallucinations", "AH": "auditory hallucinations", "VH": "visual hallucinations",
	"m/r/g": "murmurs, rubs or gallops", "EtOH": "alcohol", "ETOH": "alcohol", "tob": "tobacco",
	"approx": "approximately", "yo": "year-old", "y/o": "year-old", "wk": "week", "wks": "weeks", "mo": "month", "mos": "months",
	"yr": "year", "yrs": "years", "abd": "abdominal", "Abd": "Abdomen", "ext": "extremities", "Ext": "Extremities",
	"HEENT": "head, eyes, ears, nose and throat", "PERRL": "pupils equal, round and reactive to light", "EOMI": "extraocular movements intact",
	"TM": "tympanic membrane", "TMs": "tympanic membranes", "LBP": "low back pain", "HA": "headache", "HAs": "headaches",
	"GI": "gastrointestinal", "f/u": "follow up", "F/u": "Follow up", "F/U": "Follow up", "c/o": "complains of", "C/o": "Complains of",
	"s/p": "status post", "S/p": "Status post", "h/o": "history of", "H/o": "History of", "w/": "with", "w/o": "without",
	"b/l": "bilateral", "r/o": "rule out", "R/o": "Rule out", "b/c": "because", "p/w": "presents with", "d/t": "due to",
}

var (
	wordRE  = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*(?:/[A-Za-z]+)?/?|[A-Za-z]&[A-Za-z]`)
	special = []rule{
		{regexp.MustCompile(`\bq ?(\d+) ?h(?:rs?)?\b`), "every $1 hours"},
		{regexp.MustCompile(`(\d)\s*(?:yo|y/o|y\.o\.)(\W|$)`), "$1-year-old$2"},
		// "67M w/ COPD", "34 yo F presents": an age and a sex, not 98.6 F.
		{regexp.MustCompile(`(^|[^.\d])(\d{1,3})\s*(?:-year-old|year-old)?\s*([MF])(\s+(?:w/|with|p/w|presents|who|h/o|s/p|c/o|here|in|G\d))`), "$1$2-year-old ${3}SEX$4"},
		{regexp.MustCompile(`(%\s*(?:on\s+)?)RA\b`), "${1}room air"},
		{regexp.MustCompile(`\bx\s*(\d+)\s*d\b`), "for $1 days"},
		{regexp.MustCompile(`\bx\s*(\d+)\s*(?:wk|wks)\b`), "for $1 weeks"},
		{regexp.MustCompile(`(\d)\s*d\b`), "$1 days"},
		{regexp.MustCompile(`\bA&O(?:\s*x\s*3)?`), "alert and oriented"},
		{regexp.MustCompile(`\bNT/ND\b`), "nontender, nondistended"},
	}
	sexRE = regexp.MustCompile(`(\d-year-old )([MF])SEX`)
)

// Expand returns text with the shorthand written out.
//
// Each rule runs only where its text can match (a cheap test of what every
// match must hold: a digit, a letter pair, a literal), and the word pass is
// a hand-written scan of wordRE's matches: most sentences hold no
// shorthand, and the rules' regular expressions were a large part of a
// draft's CPU time (issue 18). TestExpandMatchesRegexps keeps the results
// those of the regular expressions alone.
func Expand(text string) string {
	if text == "" {
		return text
	}
	for i, r := range special {
		if specialMayMatch[i](text) {
			text = r.re.ReplaceAllString(text, r.to)
		}
	}
	if strings.Contains(text, "SEX") {
		text = sexRE.ReplaceAllStringFunc(text, func(m string) string {
			sm := sexRE.FindStringSubmatch(m)
			if sm[2] == "M" {
				return sm[1] + "man"
			}
			return sm[1] + "woman"
		})
	}
	return expandWords(text)
}

// specialMayMatch holds, for each rule of special, a test that is true of
// every text the rule matches (and of some it does not).
var specialMayMatch = [...]func(string) bool{
	hasQDigit, // q4h, q 6 hrs
	func(s string) bool {
		return strings.Contains(s, "yo") || strings.Contains(s, "y/o") || strings.Contains(s, "y.o.")
	},
	func(s string) bool { return strings.ContainsAny(s, "MF") && hasDigit(s) },
	func(s string) bool { return strings.Contains(s, "RA") && strings.IndexByte(s, '%') >= 0 },
	func(s string) bool { return strings.IndexByte(s, 'x') >= 0 && hasDigit(s) },
	func(s string) bool { return strings.IndexByte(s, 'x') >= 0 && strings.Contains(s, "wk") },
	hasDigitThenD, // 3d, 5 d
	func(s string) bool { return strings.Contains(s, "A&O") },
	func(s string) bool { return strings.Contains(s, "NT/ND") },
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isSpace is the regexp package's \s: ASCII space, tab, newline, form
// feed and carriage return.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// hasQDigit reports whether a 'q' is followed by a digit, directly or
// after one space.
func hasQDigit(s string) bool {
	for i := strings.IndexByte(s, 'q'); i >= 0; {
		j := i + 1
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			return true
		}
		k := strings.IndexByte(s[i+1:], 'q')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// hasDigitThenD reports whether a digit is followed, after any spaces, by
// a 'd'.
func hasDigitThenD(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i + 1
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j < len(s) && s[j] == 'd' {
			return true
		}
	}
	return false
}

// expandWords replaces each match of wordRE that is shorthand. The scan
// finds wordRE's leftmost-first matches: a letter, letters and digits, a
// slash and letters if there is one, a trailing slash if there is one.
// (wordRE's second branch, letter & letter, never wins: the first branch
// matches wherever it could begin.)
func expandWords(text string) string {
	var b strings.Builder
	done := 0 // text[:done] is in b
	for i := 0; i < len(text); {
		if !isAlpha(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && (isAlpha(text[j]) || isDigit(text[j])) {
			j++
		}
		if j+1 < len(text) && text[j] == '/' && isAlpha(text[j+1]) {
			j += 2
			for j < len(text) && isAlpha(text[j]) {
				j++
			}
		}
		if j < len(text) && text[j] == '/' {
			j++
		}
		if to, ok := expandWord(text[i:j]); ok {
			if done == 0 {
				b.Grow(len(text) + 32)
			}
			b.WriteString(text[done:i])
			b.WriteString(to)
			done = j
		}
		i = j
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// expandWord is one word's expansion, if it is shorthand.
func expandWord(w string) (string, bool) {
	if to, ok := exact[w]; ok {
		return to, true
	}
	// A lower-case abbreviation opening a sentence: "Neg fever".
	if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z' {
		if to, ok := exact[strings.ToLower(w[:1])+w[1:]]; ok {
			return strings.ToUpper(to[:1]) + to[1:], true
		}
	}
	// "SOB." "c/o" inside punctuation are handled by the word match; a
	// trailing slash belongs to the next word ("w/ cough"), and "w/" is in
	// exact as it is written.
	return "", false
}
