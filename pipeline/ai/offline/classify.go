package offline

import (
	"strconv"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai/prefilter"
)

var headingCategory = map[string]category{
	"cc": catSubjective, "chief complaint": catSubjective, "reason for visit": catSubjective,
	"hpi": catSubjective, "history of present illness": catSubjective, "history": catSubjective,
	"interval history": catSubjective, "subjective": catSubjective, "ros": catSubjective, "s": catSubjective,
	"review of systems": catSubjective, "pmh": catSubjective, "past medical history": catSubjective,
	"psh": catSubjective, "past surgical history": catSubjective, "medications": catSubjective,
	"meds": catSubjective, "current medications": catSubjective, "allergies": catSubjective,
	"social history": catSubjective, "family history": catSubjective, "sh": catSubjective, "fh": catSubjective,
	"objective": catObjective, "vitals": catObjective, "vital signs": catObjective, "exam": catObjective,
	"physical exam": catObjective, "pe": catObjective, "physical examination": catObjective, "o": catObjective,
	"labs": catObjective, "results": catObjective, "data": catObjective, "imaging": catObjective,
	"a": catAssessment, "assessment": catAssessment, "impression": catAssessment, "diagnosis": catAssessment,
	"diagnoses": catAssessment,
	"p":         catPlan, "plan": catPlan, "disposition": catPlan, "follow-up": catPlan, "follow up": catPlan,
	"patient instructions": catPlan, "instructions": catPlan, "counseling": catPlan, "orders": catPlan,
	// "assessment and plan" headings are split per sentence below.
}

var headingSlot = map[string]slot{
	"cc": slotComplaint, "chief complaint": slotComplaint, "reason for visit": slotComplaint,
	"pmh": slotHistory, "past medical history": slotHistory, "psh": slotHistory, "past surgical history": slotHistory,
	"medications": slotHistory, "meds": slotHistory, "current medications": slotHistory, "allergies": slotHistory,
	"social history": slotHistory, "family history": slotHistory, "sh": slotHistory, "fh": slotHistory,
	"ros": slotROS, "review of systems": slotROS, "labs": slotData, "results": slotData, "data": slotData, "imaging": slotData,
}

var combinedAP = map[string]bool{"assessment and plan": true, "assessment & plan": true, "a/p": true, "a&p": true}

func words(ws ...string) *prefilter.Regexp {
	return prefilter.MustCompile(`(?i)\b(?:` + strings.Join(ws, "|") + `)\b`)
}

var (
	vitalsRE = words(`blood pressure`, `bp`, `heart rate`, `hr`, `pulse`, `temperature`, `temp`, `oxygen`, `o2 sat\w*`, `spo2`,
		`sat(?:uration)?s?`, `respiratory rate`, `rr`, `weight`, `weighs`, `bmi`, `afebrile`, `\d{2,3}/\d{2,3}`)
	examRE = words(`exam\w*`, `auscultation`, `lungs? (?:are|is|sound)`, `lungs`, `heart (?:sounds?|has|is)`, `murmurs?`,
		`tender\w*`, `nontender`, `range of motion`, `tympanic`, `eardrums?`, `erythema\w*`, `palpat\w*`, `reflexes`,
		`bulging`, `wheez\w*`, `crackles`, `rales`, `rhonchi`, `straight[- ]leg raise`, `strength is`, `sensation`,
		`looks? (?:red|clear|normal|inflamed|swollen|good|healthy|irritated|infected)`, `sounds? (?:clear|good|normal)`,
		`no (?:rash|edema|distress)`, `edema`, `well-appearing`, `alert`, `oriented`, `gait`, `abdomen`, `soft`,
		`i (?:don't |do not )?(?:see|hear|feel)`, `i can see`, `on exam`, `pupils`, `oropharynx`, `throat (?:is|looks)`,
		`lymph nodes?`, `nodes`, `capillary refill`, `pulses`, `mucous membranes`, `thyroid is`, `skin is`, `swelling`,
		`(?:test|sign|maneuver|raise) (?:is|was) (?:positive|negative)`, `effusion`, `joint line`, `full range`, `stable`)
	labRE = words(`a1c`, `hba1c`, `tsh`, `ldl`, `hdl`, `cholesterol`, `triglycerides`, `creatinine`, `egfr`, `sodium`,
		`potassium`, `glucose`, `hemoglobin`, `hgb`, `wbc`, `white count`, `platelets?`, `cbc`, `bmp`, `cmp`, `inr`,
		`urinalysis`, `urine (?:shows|dip|culture|test)`, `ua`, `dipstick`, `leukocytes`, `nitrites`, `culture`,
		`x-?ray`, `mri`, `ct(?: scan)?`, `ultrasound`, `echo\w*`, `ekg`, `ecg`, `troponin`, `psa`, `vitamin d`, `b12`,
		`ferritin`, `lipid panel`, `labs? (?:show|came back|were|are)`, `results? (?:show|came back)`, `rapid (?:strep|flu|covid)`,
		`strep test`, `swab`, `pregnancy test`, `imaging`, `mammogram (?:showed|was)`)
	labValueRE = prefilter.MustCompile(`\d`)
	assessRE   = words(`assessment`, `diagnos\w+`, `impression`, `likely`, `most likely`, `consistent with`, `suspect\w*`,
		`looks like`, `sounds like`, `i think (?:this|it|you|that)`, `probably`, `rule out`, `differential`, `concerning for`,
		`well[- ]controlled`, `uncontrolled`, `not controlled`, `at goal`, `above (?:the )?goal`, `below goal`,
		`is (?:improving|worsening|stable)`, `this is (?:a|an)`, `you have (?:a|an)`, `you've got (?:a|an)`, `due to`, `caused by`,
		`it is`, `it's (?:a|an)`)
	// diseaseRE names conditions: said by a clinician outside history, a diagnosis.
	diseaseRE = words(`\w+itis`, `\w+osis`, `\w+emia`, `\w+pathy`, `fracture`, `sprain`, `strain`, `infection`, `pneumonia`, `diabetes`,
		`hypertension`, `disease`, `disorder`, `syndrome`, `deficiency`, `depression`, `anxiety`, `migraine`, `asthma`, `copd`,
		`reflux`, `gerd`, `eczema`, `psoriasis`, `cellulitis`, `tear`, `fibrillation`, `failure`, `cancer`, `tumor`, `ulcer`,
		`hernia`, `concussion`, `dehydration`, `obesity`, `apnea`, `insomnia`, `exacerbation`, `flare`, `virus`, `viral`, `bacterial`)
	planRE = words(`plan`, `prescrib\w+`, `start(?:ing)?`, `continue`, `increase`, `decrease`, `stop`, `discontinue`, `hold`,
		`refill`, `follow[- ]?up`, `come back`, `recheck`, `re-?check`, `refer\w*`, `order\w*`, `schedul\w+`,
		`recommend\w*`, `advised?`, `take`, `use`, `apply`, `avoid`, `twice (?:a|per) day`, `as needed`, `prn`, `we'll`,
		`we will`, `i'm going to`, `i am going to`, `i will`, `i'll`, `i'd like (?:you )?to`, `i want you to`, `you should`,
		`make sure`, `physical therapy`, `vaccine`, `counsel\w*`, `get (?:a|an|some) (?:blood|lab|x-?ray|test|mri|ct|scan)`,
		`let's`, `let us`, `we're going to`, `we are going to`, `send you`, `i'm sending`, `i'm putting`, `put you on`,
		`switch`, `change (?:you|your|the)`, `give you`, `keep (?:taking|using|an eye)`, `try`, `should (?:help|improve)`,
		`return (?:in|for|visit)`, `see you (?:back )?in`, `work note`, `light duty`, `no lifting`, `rest`, `ice`, `heat`,
		`fluids`, `diet`, `exercise`, `add`, `weigh yourself`, `wear`, `monitor\w*`, `keep doing`, `check (?:your|it|them|in)`, `you can (?:take|add|use|try)`, `in (?:\d+|a|one|two|three|four|six) (?:days?|weeks?|months?)`)
	precautionRE = prefilter.MustCompile(`(?i)\b(?:call (?:us|me|the office|911|if)|go (?:straight )?to (?:the )?(?:er|emergency|urgent care|hospital)|` +
		`come back (?:in|if|sooner|right away)|return (?:if|sooner|right away|to (?:the )?(?:er|emergency|clinic))|seek (?:care|medical)|` +
		`emergency (?:department|room)|if (?:you|he|she|it|the|they|symptoms?|things?|there)\b[^.]*\b(?:worse|call|come|return|go|seek|develop|get|have|don't|isn't|is not|not better|persist)|` +
		`warning signs?|red flags?)`)
	subjectiveRE = words(`reports?`, `complain\w*`, `denies`, `has had`, `have had`, `i've had`, `i've been`, `i have been`,
		`i had`, `i feel`, `feeling`, `feels`, `started`, `since`, `for (?:about |the past |the last )?(?:a |\d+ )?(?:days?|weeks?|months?|years?)`,
		`pain`, `hurts?`, `aches?`, `cough\w*`, `fever`, `chills`, `nausea`, `vomit\w*`, `dizz\w*`, `tired`, `fatigue`,
		`sleep\w*`, `headaches?`, `sore`, `runny`, `congest\w*`, `short(?:ness)? of breath`, `history of`, `allerg\w+`,
		`smok\w+`, `drinks?`, `symptoms?`, `worse`, `better`, `trouble`, `difficulty`, `i take`, `i'm taking`, `i use`)
	historyRE = words(`history of`, `allerg\w+`, `smok\w+`, `cigarettes?`, `alcohol`, `drinks? (?:a|about|\d)`, `beers?`,
		`wine`, `surgery`, `surgeries`, `operation`, `family`, `mother`, `father`, `brother`, `sister`, `lives (?:with|alone)`,
		`works? (?:as|at|in)`, `married`, `retired`, `i take`, `i'm taking`, `takes`, `medications?`, `meds`, `diagnosed (?:with )?\w+ (?:years?|in)`,
		`vaccin\w+ (?:are|is) up to date`, `immunizations`, `drugs?`, `marijuana`, `vape`)
	complaintRE = words(`here (?:for|because|today)`, `came in`, `coming in`, `complain\w*`, `chief complaint`, `reason for`,
		`what brings`, `brings you`, `i'm here`, `i came`)
	rosRE = words(`denies`, `no (?:fever|chills|chest pain|shortness|nausea|vomiting|diarrhea|rash|headache)`, `negative for`, `positive for`)
)

// categorize places a sentence: the note heading it sits under decides,
// except where the sentence itself says better (a lab value under HPI is
// data, a return precaution under any heading is one); for dialogue and
// unheaded text, cue words and the speaker's role decide.
func categorize(text string, t turn, inAP bool) (category, slot) {
	h := t.seg.Heading
	// The digit first: it is cheap, and most sentences have none.
	lab := labValueRE.MatchString(text) && labRE.MatchString(text)
	precaution := precautionRE.MatchString(text)
	if c, ok := headingCategory[h]; ok {
		sl := headingSlot[h]
		switch {
		case precaution && c == catPlan:
			return catPlan, slotPrecaution
		case lab && c != catAssessment && c != catPlan:
			return catObjective, slotData
		case c == catObjective && sl == "" && lab && !vitalsRE.MatchString(text):
			return catObjective, slotData
		case c == catSubjective && sl == "" && rosRE.MatchString(text) && (h == "ros" || h == "review of systems"):
			return catSubjective, slotROS
		case c == catSubjective && sl == "" && historyRE.MatchString(text) && !subjectiveRE.MatchString(text):
			return catSubjective, slotHistory
		}
		return c, sl
	}
	if precaution && t.role != rolePatient {
		return catPlan, slotPrecaution
	}
	if t.question != "" && complaintQuestionRE.MatchString(t.question) && t.role == rolePatient {
		return catSubjective, slotComplaint
	}
	if combinedAP[h] || inAP && t.role != rolePatient {
		// After a problem is opened, what the clinician says assesses it
		// or plans for it.
		switch {
		case precaution:
			return catPlan, slotPrecaution
		case listItemRE.MatchString(text), assessRE.MatchString(text) && !planRE.MatchString(text):
			return catAssessment, slotNone
		case planRE.MatchString(text) || combinedAP[h]:
			return catPlan, slotNone
		case inAP:
			return catAssessment, slotNone
		}
	}
	score := [5]int{}
	add := func(c category, re *prefilter.Regexp, w int) {
		if m := len(re.FindAllStringIndex(text, 3)); m > 0 {
			score[c] += w + m - 1
		}
	}
	add(catObjective, vitalsRE, 3)
	add(catObjective, examRE, 3)
	add(catObjective, labRE, 2)
	add(catAssessment, assessRE, 4)
	if t.role == roleClinician && !historyRE.MatchString(text) {
		add(catAssessment, diseaseRE, 3)
	}
	add(catPlan, planRE, 3)
	add(catSubjective, subjectiveRE, 3)
	if doseRE.MatchString(text) {
		if planVerbRE.MatchString(text) {
			score[catPlan] += 2
		} else if !inAP {
			// "Metoprolol succinate, 50 mg once a day." while the history
			// is taken: what the patient takes.
			score[catSubjective] += 4
		}
	}
	switch t.role {
	case rolePatient:
		score[catSubjective] += 3
		score[catAssessment] -= 3 // patients report; clinicians assess, examine and plan
		score[catPlan] -= 3
		score[catObjective] -= 3
	case roleClinician:
		score[catSubjective]--
	}
	best, bestScore := catNone, 0
	// Ties go to the later category: a sentence with both a finding and a
	// plan ("start lisinopril 10 mg since BP is 150/95") is a plan.
	for c := catSubjective; c <= catPlan; c++ {
		if score[c] >= bestScore && score[c] > 0 {
			best, bestScore = c, score[c]
		}
	}
	sl := slotNone
	switch best {
	case catPlan:
		if precaution {
			sl = slotPrecaution
		}
	case catObjective:
		if lab && !examRE.MatchString(text) {
			sl = slotData
		}
	case catSubjective:
		switch {
		case complaintRE.MatchString(text):
			sl = slotComplaint
		case historyRE.MatchString(text):
			sl = slotHistory
		}
	case catNone:
		if precaution {
			return catPlan, slotPrecaution
		}
	}
	if best == catAssessment && precaution {
		return catPlan, slotPrecaution
	}
	return best, sl
}

var (
	doseRE     = prefilter.MustCompile(`(?i)\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml|units?)\b`)
	planVerbRE = words(`start\w*`, `increas\w*`, `decreas\w*`, `reduc\w*`, `stop\w*`, `switch\w*`, `chang\w*`, `add\w*`,
		`prescrib\w*`, `continue`, `keep`, `take`, `use`, `try`, `give`, `refill`, `resume`, `hold`, `double`, `cut`)
)

var complaintQuestionRE = words(`what brings you`, `what's going on`, `what is going on`, `how can i help`, `what can i do for you`,
	`what seems to be`, `what's the problem`, `what are you here for`, `what's bothering you`, `tell me (?:about )?what`)

var listItemRE = prefilter.MustCompile(`^\s*(?:#\s*)?(\d{1,2})[.)]\s+\S`)

var (
	openerRE = prefilter.MustCompile(`(?i)^(?:(?:so|okay|ok|alright|all right|now|and|then)[,]?\s+)*` +
		`(?:for (?:your|the) (first|second|third|fourth|fifth|next|last|other|final) (?:problem|issue|thing|concern)[,:]?|` +
		`(first|second|third|fourth|fifth|next|lastly|last|finally)(?:\s+(?:thing|problem|issue|one))?\s*[,:]|` +
		`(?:number|problem|issue) (one|two|three|four|five|\d)[,:]?|` +
		`(?:let's|let us) (?:talk|move on) (?:about|to)|(?:now,? )?(?:regarding|as for|moving on to|turning to))` +
		`\s+(?:(?:is|was|about|regarding|with|on)\s+)?(?:the |your |his |her )?([^,.;:]{2,70}?)(?:[,.;:]\s*|\s+(?:is|was|has|have|looks|seems|I|we)\b\s*|$)(.*)$`)
	pronounLabel = map[string]bool{"that": true, "this": true, "it": true, "those": true, "these": true, "them": true, "things": true, "you": true}
	ordinal      = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
)

// problemOpener recognises a sentence that opens a problem: "1. Type 2
// diabetes..." in a note's assessment, or "For your first problem, the
// blood pressure, ..." / "Second thing, the cough." said by the clinician.
// It returns the problem number (0: the next one), the problem's label,
// and the rest of the sentence.
func problemOpener(text string, t turn) (int, string, string, bool) {
	if m := listItemRE.FindStringSubmatch(text); m != nil && (t.seg.Heading == "" || combinedAP[t.seg.Heading] ||
		headingCategory[t.seg.Heading] == catAssessment || headingCategory[t.seg.Heading] == catPlan) {
		n, _ := strconv.Atoi(m[1])
		if headingCategory[t.seg.Heading] == catPlan {
			return n, "", text, true
		}
		return n, "", text, true
	}
	if t.role == rolePatient || t.seg.Heading != "" {
		return 0, "", "", false
	}
	m := openerRE.FindStringSubmatch(text)
	if m == nil {
		return 0, "", "", false
	}
	n := 0
	for _, w := range []string{m[1], m[2], m[3]} {
		if v, ok := ordinal[strings.ToLower(w)]; ok {
			n = v
		}
		if v, err := strconv.Atoi(w); err == nil {
			n = v
		}
	}
	label := strings.TrimSpace(m[4])
	if strings.Contains(strings.ToLower(label), "problem") || len(strings.Fields(label)) > 14 || pronounLabel[strings.ToLower(label)] {
		return 0, "", "", false
	}
	return n, capitalize(label), capitalize(strings.TrimSpace(m[5])), true
}
