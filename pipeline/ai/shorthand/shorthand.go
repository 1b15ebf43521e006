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
func Expand(text string) string {
	if text == "" {
		return text
	}
	for _, r := range special {
		text = r.re.ReplaceAllString(text, r.to)
	}
	text = sexRE.ReplaceAllStringFunc(text, func(m string) string {
		sm := sexRE.FindStringSubmatch(m)
		if sm[2] == "M" {
			return sm[1] + "man"
		}
		return sm[1] + "woman"
	})
	return wordRE.ReplaceAllStringFunc(text, func(w string) string {
		if to, ok := exact[w]; ok {
			return to
		}
		// A lower-case abbreviation opening a sentence: "Neg fever".
		if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z' {
			if to, ok := exact[strings.ToLower(w[:1])+w[1:]]; ok {
				return strings.ToUpper(to[:1]) + to[1:]
			}
		}
		// "SOB." "c/o" inside punctuation are handled by the word match;
		// a trailing slash belongs to the next word ("w/ cough").
		if strings.HasSuffix(w, "/") {
			if to, ok := exact[w]; ok {
				return to + " "
			}
		}
		return w
	})
}
