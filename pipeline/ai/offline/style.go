package offline

import (
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai/coverage"
	"github.com/clinscribe/clinscribe/pipeline/ai/prefilter"
	"github.com/clinscribe/clinscribe/pipeline/ai/shorthand"
)

var (
	noRE  = prefilter.MustCompile(`(?i)^\W*(?:no|nope|nah|not really|not at all|none|never|negative|i (?:don't|do not|haven't|have not|didn't|did not))\b[,.!]?\s*(.*)$`)
	yesRE = prefilter.MustCompile(`(?i)^\W*(?:yes|yeah|yep|yup|uh-huh|mm-hmm|i do|i have|i did|correct|that's right|sometimes|a little|a bit)\b[,.!]?\s*(.*)$`)
	// What a yes/no question asks about, once its opening is removed.
	questionLeadRE = prefilter.MustCompile(`(?i)^(?:(?:and|so|okay|ok|alright|now|also|any other)[,]?\s+)*(?:` +
		`(?:do|did|have|has|are|were|is|was|does|will|would|could|can)\s+(?:you|she|he|they|there|your \w+)\s+` +
		`(?:been\s+)?(?:ever\s+)?(?:having|had|have|has|get|got|getting|notice|noticed|noticing|experience|experienced|experiencing|feel|felt|feeling|see|seen|taking|take|using|use|tried|try|need|needed|be|being)\s+|` +
		`(?:is|are|was|were)\s+there\s+|any\s+|no\s+|` +
		`(?:do|did|does)\s+(?:you|she|he|they)\s+(?:ever\s+)?(smoke|drink|vape|snore|exercise)\b\s*)` +
		`(?:any\s+)?(?:history\s+of\s+)?(.*?)\s*\?*$`)
	// A bare finding asked about: "Fever?" "Chest pain at all?"
	bareQuestionRE = prefilter.MustCompile(`(?i)^(?:and\s+|so\s+)?((?:[a-z'-]+,?\s+){0,5}[a-z'-]+)(?:\s+at all)?\s*\?$`)
	whRE           = prefilter.MustCompile(`(?i)^(?:what|when|where|why|how|who|which)\b`)
	yourRE         = prefilter.MustCompile(`(?i)\byour\b`)
	youRE          = prefilter.MustCompile(`(?i)\byou(?:'ve| have)?\b\s*`)
)

// answerItem turns a yes/no answer to a question into a pertinent negative
// or positive citing both turns: "Any chest pain?" / "No." → "Denies chest
// pain." It also returns what the answer said after its yes or no.
func answerItem(t turn, answer string, patientAudience bool) (item, string, bool) {
	if t.role == roleClinician {
		return item{}, "", false // a clinician answering the patient's question: drafted as question and answer
	}
	neg := true
	m := noRE.FindStringSubmatch(answer)
	if m != nil && !bareNoRE.MatchString(answer) {
		// "No fever." answers for fever only: not the whole question.
		return item{}, "", false
	}
	if m == nil {
		if m = yesRE.FindStringSubmatch(answer); m == nil {
			return item{}, "", false
		}
		neg = false
	}
	rest := strings.TrimSpace(m[1])
	q := clean(t.question)
	if q == "" {
		q = strings.TrimSpace(t.question)
	}
	qm := questionLeadRE.FindStringSubmatch(q)
	if qm == nil {
		bm := bareQuestionRE.FindStringSubmatch(q)
		if bm == nil || whRE.MatchString(q) || !coverage.Clinical(q) {
			return item{}, "", false // not a yes/no question this can read: drafted as question and answer
		}
		qm = []string{q, "", bm[1]}
	}
	what := strings.TrimRight(qm[2], "?. ")
	habit := strings.ToLower(qm[1])
	if habit != "" && what != "" {
		return item{}, "", false // "Do you smoke, drink?": drafted as question and answer
	}
	if what == "" || len(strings.Fields(what)) > 14 {
		return item{}, "", false
	}
	if strings.HasPrefix(strings.ToLower(what), "questions") || strings.HasPrefix(strings.ToLower(what), "other questions") {
		return item{}, "", false // "Any questions?" / "No." says nothing clinical
	}
	if habit != "" && (rest == "" || neverRE.MatchString(rest)) {
		// "Do you smoke?" / "No, never." → "Does not smoke."
		text := "Reports that they " + habit + "."
		if neg {
			text = "Does not " + habit + "."
		}
		if patientAudience {
			text = "You said you " + map[bool]string{true: "do not ", false: ""}[neg] + habit + "."
		}
		return item{text: text, evidence: []string{t.qseg, t.seg.ID}, cat: catSubjective, slot: slotHistory, patient: true}, "", true
	}
	var text string
	if patientAudience {
		what = yourRE.ReplaceAllString(what, "your")
		if neg {
			text = "You said you have not had " + what + "."
		} else {
			text = "You said you have had " + what + "."
		}
	} else {
		what = youRE.ReplaceAllString(yourRE.ReplaceAllString(what, "the"), "")
		what = strings.TrimSpace(what)
		if neg {
			text = "Denies " + what + "."
		} else {
			text = "Reports " + what + "."
		}
	}
	// The rest of a short answer ("No, not since Tuesday.") stays with it.
	if rest != "" && len(strings.Fields(rest)) <= 8 && !strings.ContainsAny(rest, ".?!") || rest != "" && len(strings.Fields(rest)) <= 8 && strings.Count(rest, ".") <= 1 && !strings.Contains(strings.TrimSuffix(rest, "."), ".") {
		text = strings.TrimSuffix(text, ".") + ": " + lowerFirst(strings.TrimSuffix(style(rest, t.role, patientAudience), ".")) + "."
		rest = ""
	}
	return item{text: text, evidence: []string{t.qseg, t.seg.ID}, cat: catSubjective, slot: slotROS, patient: true}, rest, true
}

// bareNoRE is a no that answers the whole question: "No." "No, never."
// "Nope, none of that." "No, I don't think so." — not "No fever.".
var bareNoRE = prefilter.MustCompile(`(?i)^\W*(?:(?:um+|uh+|well|oh|so)[,.]?\s+)*(?:no|nope|nah|not really|not at all|none|never|negative|i (?:don't|do not|haven't|have not|didn't|did not)(?: think so)?)(?:[,.!]|\s*$)`)

// neverRE is an answer's rest that only stresses the no.
var neverRE = prefilter.MustCompile(`(?i)^(?:never|not at all|none|nope|no|not really|never have|i don't|i do not)[.!]?$`)

type rewrite struct {
	re *prefilter.Regexp
	to string
}

func rw(pattern, to string) rewrite { return rewrite{prefilter.MustCompile(pattern), to} }

// Patient speech in a clinician's note: third person, verb first.
var patientToNote = []rewrite{
	rw(`(?i)^i've been having\b`, "Has been having"),
	rw(`(?i)^i've been\b`, "Has been"),
	rw(`(?i)^i've had\b`, "Has had"),
	rw(`(?i)^i've\b`, "Has"),
	rw(`(?i)^i have\b`, "Has"),
	rw(`(?i)^i had\b`, "Had"),
	rw(`(?i)^i'm\b`, "Is"),
	rw(`(?i)^i am\b`, "Is"),
	rw(`(?i)^i was\b`, "Was"),
	rw(`(?i)^i (?:don't|do not)\b`, "Does not"),
	rw(`(?i)^i (?:didn't|did not)\b`, "Did not"),
	rw(`(?i)^i (?:can't|cannot)\b`, "Cannot"),
	rw(`(?i)^i (?:haven't|have not)\b`, "Has not"),
	rw(`(?i)^i (?:get|feel|take|think|notice|need|use|go|wake|sleep|drink|smoke|walk|work|live|try|eat|check|see)\b`, "${0}s"),
	rw(`(?i)\bmy\b`, "their"),
	rw(`(?i)\bmyself\b`, "themselves"),
}

// Clinician speech in a clinician's note: no "your", plans as plans.
var clinicianToNote = []rewrite{
	rw(`(?i)^(?:i'm|i am) (?:going to |gonna )?(?:prescrib\w*|start\w*|put\w*) you on\b`, "Start"),
	rw(`(?i)^(?:i'm|i am) (?:going to |gonna )?prescrib\w*\b`, "Prescribe"),
	rw(`(?i)^(?:i'm|i am) (?:going to |gonna )?((?:order|send|refer|increas|decreas|stop|switch|chang|add|giv|continu|start|hold|check|recheck|schedul)\w*)\b`, "$1"),
	rw(`(?i)^(?:i'd like you to|i want you to|you should|you need to|you'll need to|make sure (?:you|to))\s+`, ""),
	rw(`(?i)^(?:we'll|we will|let's|let us|we're going to|we are going to)\s+`, ""),
	rw(`(?i)^(?:i'm|i am) (?:going to|gonna)\s+`, ""),
	rw(`(?i)^(?:i'll|i will)\s+`, ""),
	rw(`(?i)\byour\b\s*`, ""),
}

// Plain words for a patient's after-visit summary.
var plainWords = []rewrite{
	rw(`(?i)\bhypertension\b`, "high blood pressure"),
	rw(`(?i)\bhyperlipidemia\b`, "high cholesterol"),
	rw(`(?i)\bhypothyroidism\b`, "an underactive thyroid"),
	rw(`(?i)\btype 2 diabetes mellitus\b`, "type 2 diabetes"),
	rw(`(?i)\bacute otitis media\b`, "an ear infection"),
	rw(`(?i)\botitis media\b`, "ear infection"),
	rw(`(?i)\btympanic membrane\b`, "eardrum"),
	rw(`(?i)\bupper respiratory infection\b`, "cold"),
	rw(`(?i)\bpharyngitis\b`, "sore throat"),
	rw(`(?i)\bdyspnea\b`, "shortness of breath"),
	rw(`(?i)\bedema\b`, "swelling"),
	rw(`(?i)\berythema(?:tous)?\b`, "redness"),
	rw(`(?i)\b(?:by mouth|p\.?o\.?)\b`, "by mouth"),
	rw(`(?i)\bb\.?i\.?d\.?\b`, "twice a day"),
	rw(`(?i)\bt\.?i\.?d\.?\b`, "three times a day"),
	rw(`(?i)\bq\.?i\.?d\.?\b`, "four times a day"),
	rw(`(?i)\bp\.?r\.?n\.?\b`, "as needed"),
	rw(`(?i)\bq ?(\d+) ?h\b`, "every $1 hours"),
	rw(`(?i)\bqhs\b`, "at bedtime"),
	rw(`(?i)\bsubcutaneous(?:ly)?\b`, "under the skin"),
	rw(`(?i)\bbilateral(?:ly)?\b`, "on both sides"),
	rw(`(?i)\blumbar paraspinal\b`, "lower back"),
	rw(`(?i)\blumbar\b`, "lower back"),
	rw(`(?i)\bemergency department\b`, "emergency room"),
	rw(`(?i)\bED\b`, "emergency room"),
	rw(`(?i)\bfollow up\b`, "come back"),
	rw(`(?i)\bfollow-up\b`, "next visit"),
	rw(`(?i)\burinary tract infection\b|\bUTI\b`, "bladder infection"),
	rw(`(?i)\bmusculoskeletal\b`, "muscle"),
	rw(`(?i)\bNSAIDs?\b`, "anti-inflammatory pain medicine"),
	rw(`(?i)\bBP\b`, "blood pressure"),
	rw(`(?i)\bHR\b`, "heart rate"),
}

// Patient or note text in an after-visit summary: second person.
var toPatient = []rewrite{
	rw(`(?i)^(?:mr|mrs|ms|miss|dr)\.? [a-z'-]+ is an? \d+-year-old (?:man|woman|boy|girl|male|female|patient|child)(?: with [^,.]+)?,? who\s+`, "You "),
	rw(`(?i)^(?:he|she|the patient|patient)\s+(?:is|was)\s+an?\s+\d+-year-old[^,.]*?\s+who\s+`, "You "),
	rw(`(?i)^(?:he|she|the patient|patient|pt)\s+(?:denies|reports no)\b`, "You have not had"),
	rw(`(?i)^(?:he|she|the patient|patient|pt)\s+reports\b`, "You reported"),
	rw(`(?i)^(?:he|she|the patient|patient)\s+(?:is)\b`, "You are"),
	rw(`(?i)^(?:he|she|the patient|patient)\s+(?:was)\b`, "You were"),
	rw(`(?i)^(?:he|she|the patient|patient)\s+(?:has)\b`, "You have"),
	rw(`(?i)^(?:he|she|the patient|patient)\s+(\w+?)s\b`, "You $1"),
	rw(`(?i)\b(?:his|her)\b`, "your"),
	rw(`(?i)\b(?:he|she)\b`, "you"),
	rw(`(?i)\bhim\b`, "you"),
	rw(`(?i)^i've\b`, "You have"),
	rw(`(?i)^i have\b`, "You have"),
	rw(`(?i)^i'm\b`, "You are"),
	rw(`(?i)^i am\b`, "You are"),
	rw(`(?i)^i was\b`, "You were"),
	rw(`(?i)^i\b`, "You"),
	rw(`(?i)\bmy\b`, "your"),
	rw(`(?i)\bme\b`, "you"),
	rw(`(?i)\bi'm\b`, "you're"),
	rw(`(?i)\bi\b`, "you"),
}

// Clinician speech in an after-visit summary: it already speaks to the
// patient; "I" becomes "we" (the care team).
var clinicianToPatient = []rewrite{
	rw(`(?i)^(?:i'm|i am) (?:going to |gonna )?prescrib\w*\b`, "We prescribed"),
	rw(`(?i)^(?:i'm|i am) (?:going to |gonna )?(?:start\w*|put\w*) you on\b`, "Start"),
	rw(`(?i)^(?:i'd like you to|i want you to|you should|you need to|make sure (?:you|to))\s+`, ""),
	rw(`(?i)^(?:we'll|we will|let's|let us)\s+`, "We will "),
	rw(`(?i)\bi\b`, "we"),
}

// style writes a sentence for the note's reader.
func style(s string, r role, patientAudience bool) string {
	var rules [][]rewrite
	switch {
	case patientAudience && r == roleClinician:
		rules = [][]rewrite{clinicianToPatient, plainWords}
	case patientAudience:
		rules = [][]rewrite{toPatient, plainWords}
	case r == rolePatient:
		rules = [][]rewrite{patientToNote}
	case r == roleClinician:
		rules = [][]rewrite{clinicianToNote}
	}
	for _, list := range rules {
		for _, x := range list {
			s = x.re.ReplaceAllString(s, x.to)
		}
	}
	s = shorthand.Expand(s)
	s = strings.TrimSpace(collapseSpaces(s))
	s = verbS(s)
	return capitalize(s)
}

// verbS fixes "Gets"/"Feels" made from "I get"/"I feel" (the rewrite adds
// an s to the whole match "I get").
var verbSRE = prefilter.MustCompile(`(?i)^i (\w+)s\b`)

func verbS(s string) string {
	return verbSRE.ReplaceAllStringFunc(s, func(m string) string {
		w := verbSRE.FindStringSubmatch(m)[1]
		switch {
		case strings.HasSuffix(w, "o"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"):
			return w + "es"
		case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsAny(w[len(w)-2:len(w)-1], "aeiou"):
			return w[:len(w)-1] + "ies"
		}
		return w + "s"
	})
}
