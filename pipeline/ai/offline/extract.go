package offline

import (
	"context"
	"regexp"
	"sort"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

type category int

const (
	catNone category = iota
	catSubjective
	catObjective
	catAssessment
	catPlan
)

var headingCategory = map[string]category{
	"cc": catSubjective, "chief complaint": catSubjective, "reason for visit": catSubjective,
	"hpi": catSubjective, "history of present illness": catSubjective, "history": catSubjective,
	"interval history": catSubjective, "subjective": catSubjective, "ros": catSubjective,
	"review of systems": catSubjective, "pmh": catSubjective, "past medical history": catSubjective,
	"psh": catSubjective, "past surgical history": catSubjective, "medications": catSubjective,
	"meds": catSubjective, "current medications": catSubjective, "allergies": catSubjective,
	"social history": catSubjective, "family history": catSubjective, "sh": catSubjective, "fh": catSubjective,
	"objective": catObjective, "vitals": catObjective, "vital signs": catObjective, "exam": catObjective,
	"physical exam": catObjective, "pe": catObjective, "physical examination": catObjective,
	"labs": catObjective, "results": catObjective, "data": catObjective, "imaging": catObjective,
	"s": catSubjective, "o": catObjective, "a": catAssessment, "p": catPlan,
	"assessment": catAssessment, "impression": catAssessment, "diagnosis": catAssessment, "diagnoses": catAssessment,
	"plan": catPlan, "disposition": catPlan, "follow-up": catPlan, "follow up": catPlan,
	"patient instructions": catPlan, "instructions": catPlan, "counseling": catPlan, "orders": catPlan,
	// "assessment and plan" headings are split by keywords below.
}

type cue struct {
	cat    category
	weight int
	re     *regexp.Regexp
}

func words(ws ...string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join(ws, "|") + `)\b`)
}

var cues = []cue{
	{catObjective, 3, regexp.MustCompile(`\b\d{2,3}/\d{2,3}\b`)}, // blood pressure
	{catObjective, 3, words(`blood pressure`, `heart rate`, `pulse`, `temperature`, `temp`, `oxygen`, `o2 sat\w*`, `spo2`,
		`saturation`, `respiratory rate`, `weight`, `weighs`, `bmi`, `exam\w*`, `auscultation`, `lungs?`, `heart sounds?`,
		`murmur`, `tender\w*`, `swelling`, `swollen`, `range of motion`, `a1c`, `lab\w*`, `x-?ray`, `mri`, `ct scan`,
		`results?`, `tympanic`, `erythema\w*`, `palpation`, `reflexes`, `bulging`, `wheez\w*`, `crackles`, `rales`,
		`afebrile`, `febrile`, `urine`, `urinalysis`, `dipstick`, `leukocytes`, `nitrites`, `culture`, `swab`, `rapid (?:strep|test)`, `mg/dl`, `mmol`, `bpm`, `degrees`, `straight leg raise`, `strength`, `sensation`,
		`looks? (?:red|clear|normal|inflamed)`, `sounds? clear`, `no (?:rash|edema|distress)`, `vitals?`)},
	{catAssessment, 4, words(`assessment`, `diagnos\w+`, `impression`, `likely`, `most likely`, `consistent with`,
		`suspect\w*`, `looks like`, `sounds like`, `i think (?:this|it|you)`, `probably`, `rule out`, `differential`,
		`viral`, `bacterial`, `well[- ]controlled`, `uncontrolled`, `not controlled`, `at goal`, `above goal`,
		`improving`, `worsening`, `stable`, `strain`, `sprain`, `infection`, `otitis`, `bronchitis`, `pneumonia`,
		`hypertension`, `diabetes`, `sinusitis`, `pharyngitis`, `syndrome`, `disorder`)},
	{catPlan, 4, words(`plan`, `prescrib\w+`, `start(?:ing)?`, `continue`, `increase`, `decrease`, `stop`, `discontinue`,
		`refill`, `follow[- ]up`, `come back`, `return`, `recheck`, `re-?check`, `refer\w*`, `order\w*`, `schedul\w+`,
		`recommend\w*`, `advised?`, `take`, `taking`, `twice (?:a|per) day`, `daily`, `once a day`, `every \d+ hours`,
		`as needed`, `prn`, `we'll`, `we will`, `i'm going to`, `i will`, `i'd like you to`, `you should`, `make sure`,
		`physical therapy`, `vaccine`, `counsel\w*`, `ibuprofen`, `acetaminophen`, `amoxicillin`, `lisinopril`,
		`metformin`, `in (?:one|two|three|four|six|\d+) (?:days?|weeks?|months?)`, `call (?:us|the office|if)`,
		`go to the (?:er|emergency)`)},
	{catPlan, 2, regexp.MustCompile(`(?i)\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml|units?)\b`)},
	{catSubjective, 3, words(`reports?`, `complain\w*`, `denies`, `has had`, `have had`, `i've had`, `i've been`,
		`i have been`, `i had`, `i feel`, `feeling`, `feels`, `started`, `since`, `for (?:about |the past |the last )?(?:a |one|two|three|four|five|six|seven|\d+) (?:days?|weeks?|months?|years?)`,
		`pain`, `hurts?`, `aches?`, `cough\w*`, `fever`, `chills`, `nausea`, `vomit\w*`, `dizz\w*`, `tired`, `fatigue`,
		`sleep\w*`, `headaches?`, `sore`, `runny`, `congest\w*`, `short(?:ness)? of breath`, `history of`,
		`allerg\w+`, `smok\w+`, `drinks?`, `symptoms?`, `worse`, `better`, `night`, `morning`, `trouble`, `difficulty`)},
}

var (
	smallTalkRE = regexp.MustCompile(`(?i)^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks?|thank you|bye|goodbye|see you|nice to|how are you|take care|you're welcome|ok(?:ay)?|alright|all right|great|sure|yes|no|yeah|mm-?hmm)\b`)
	adminRE     = regexp.MustCompile(`(?i)\b(?:date of birth|dob|birthday|confirm your|spell your|phone number|number on file|medical record|mrn|address|insurance|member id|social security|visit type|electronically signed|signed by|dictated by|provider:)`)
	digitRE     = regexp.MustCompile(`\d`)
	signatureRE = regexp.MustCompile(`^(?:Dr\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'-]+,\s*(?:MD|DO|NP|PA|PA-C|RN|FNP|APRN)\b`)
	clinicianRE = regexp.MustCompile(`(?i)\b(?:dr|doctor|clinician|provider|physician|np|pa|nurse|md)\b`)
	patientRE   = regexp.MustCompile(`(?i)\b(?:patient|pt|parent|mother|father|mom|dad|caregiver)\b`)
)

// hints route a sentence among several sections of the same kind, by
// section key. Keys without a hint take what no hinted section claims.
var hints = map[string]*regexp.Regexp{
	"chief_complaint":  words(`here (?:for|because|today)`, `came in`, `coming in`, `complain\w*`, `chief complaint`, `reason for`),
	"history":          words(`history of`, `allerg\w+`, `smok\w+`, `drinks?`, `surgery`, `surgeries`, `family`, `takes`, `medications?`, `lives`, `works?`),
	"ros":              words(`denies`, `no (?:fever|chills|chest pain|shortness)`),
	"data":             words(`a1c`, `lab\w*`, `x-?ray`, `mri`, `ct`, `results?`, `cbc`, `mg/dl`, `mmol`, `culture`, `test(?:s|ed)?`),
	"when_to_get_help": words(`call`, `return`, `come back`, `emergency`, `er`, `worse`, `urgent`, `follow[- ]up`, `if (?:it|you|the)`),
}

// headingSection maps note headings to hinted section keys directly.
var headingSection = map[string]string{
	"cc": "chief_complaint", "chief complaint": "chief_complaint", "reason for visit": "chief_complaint",
	"pmh": "history", "past medical history": "history", "psh": "history", "past surgical history": "history",
	"medications": "history", "meds": "history", "current medications": "history", "allergies": "history",
	"social history": "history", "family history": "history", "sh": "history", "fh": "history",
	"ros": "ros", "review of systems": "ros", "labs": "data", "results": "data", "data": "data", "imaging": "data",
}

type candidate struct {
	text    string
	segID   string
	heading string
	cat     category
	score   int
	order   int
}

// Summarize implements ai.Summarizer extractively.
func (p *Provider) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	if err := p.wait(ctx); err != nil {
		return nil, err
	}
	var cands []candidate
	seen := map[string]bool{}
	for _, seg := range req.Segments {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, s := range source.Sentences(seg.Text) {
			key := strings.ToLower(s)
			if seen[key] {
				continue
			}
			c, ok := classify(s, seg)
			if !ok {
				continue
			}
			seen[key] = true
			c.order = len(cands)
			cands = append(cands, c)
		}
	}
	sections := route(req.Template, cands, cmpInt(p.MaxPerSection, 15))
	return &ai.SummarizeResult{Sections: sections, Model: Model, Method: Method, Notice: Notice}, nil
}

func cmpInt(a, b int) int {
	if a > 0 {
		return a
	}
	return b
}

// classify scores one sentence; ok is false for sentences a note would not
// carry (small talk, questions, identity checks, fragments).
func classify(s string, seg encounter.Segment) (candidate, bool) {
	n := len(strings.Fields(s))
	hasDigit := digitRE.MatchString(s)
	switch {
	case n < 3 && !hasDigit, n < 2:
		return candidate{}, false
	case strings.HasSuffix(s, "?"):
		return candidate{}, false
	case n < 8 && smallTalkRE.MatchString(s):
		return candidate{}, false
	case adminRE.MatchString(s), signatureRE.MatchString(s):
		return candidate{}, false
	}
	var score [5]int
	heading := seg.Heading
	// Under a heading the clinician chose, the heading decides; cues only
	// split a combined "Assessment and Plan".
	if c, ok := headingCategory[heading]; ok {
		return candidate{text: s, segID: seg.ID, heading: heading, cat: c, score: 10}, true
	}
	for _, c := range cues {
		if m := len(c.re.FindAllStringIndex(s, 3)); m > 0 {
			score[c.cat] += c.weight + m - 1
		}
	}
	switch {
	case seg.Speaker == "":
	case patientRE.MatchString(seg.Speaker):
		score[catSubjective] += 2
		score[catAssessment] -= 2 // patients report; clinicians assess
		score[catPlan] -= 2
	case clinicianRE.MatchString(seg.Speaker):
		score[catSubjective] -= 1
	}
	best, bestScore := catNone, 0
	// Ties go to the later category: a sentence with both a finding and a
	// plan ("start lisinopril 10 mg since BP is 150/95") is a plan.
	for c := catSubjective; c <= catPlan; c++ {
		if score[c] >= bestScore && score[c] > 0 {
			best, bestScore = c, score[c]
		}
	}
	if best == catNone || bestScore < 3 {
		return candidate{}, false
	}
	return candidate{text: s, segID: seg.ID, heading: heading, cat: best, score: bestScore}, true
}

func kindCategories(k prompts.Kind) []category {
	switch k {
	case prompts.KindSubjective:
		return []category{catSubjective}
	case prompts.KindObjective:
		return []category{catObjective}
	case prompts.KindAssessment:
		return []category{catAssessment}
	case prompts.KindPlan:
		return []category{catPlan}
	case prompts.KindAssessmentPlan:
		return []category{catAssessment, catPlan}
	}
	return nil
}

// route places candidates into the template's sections.
func route(t *prompts.Template, cands []candidate, max int) []encounter.Section {
	byCat := map[category][]int{} // category -> indexes of sections that take it
	for i, s := range t.Sections {
		for _, c := range kindCategories(s.Kind) {
			byCat[c] = append(byCat[c], i)
		}
	}
	picked := make([][]candidate, len(t.Sections))
	for _, c := range cands {
		idx := byCat[c.cat]
		if len(idx) == 0 {
			continue
		}
		i := chooseSection(t, idx, c)
		picked[i] = append(picked[i], c)
	}
	out := make([]encounter.Section, len(t.Sections))
	for i, s := range t.Sections {
		cs := picked[i]
		if len(cs) > max {
			sort.SliceStable(cs, func(a, b int) bool { return cs[a].score > cs[b].score })
			cs = cs[:max]
			sort.SliceStable(cs, func(a, b int) bool { return cs[a].order < cs[b].order })
		}
		out[i] = encounter.Section{Key: s.Key, Title: s.Title, Sentences: make([]encounter.Sentence, 0, len(cs))}
		for _, c := range cs {
			out[i].Sentences = append(out[i].Sentences, encounter.Sentence{Text: c.text, Evidence: []string{c.segID}})
		}
	}
	return out
}

func chooseSection(t *prompts.Template, idx []int, c candidate) int {
	if len(idx) == 1 {
		return idx[0]
	}
	if key, ok := headingSection[c.heading]; ok {
		for _, i := range idx {
			if t.Sections[i].Key == key {
				return i
			}
		}
	}
	fallback := -1
	for _, i := range idx {
		re, hinted := hints[t.Sections[i].Key]
		if hinted && re.MatchString(c.text) {
			return i
		}
		if !hinted && fallback < 0 {
			fallback = i
		}
	}
	if fallback >= 0 {
		return fallback
	}
	return idx[0]
}
