package offline

import (
	"context"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/coverage"
	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/ai/prefilter"
	"github.com/clinscribe/clinscribe/pipeline/ai/spoken"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

// category is the clinical part a sentence belongs to.
type category int

const (
	catNone category = iota
	catSubjective
	catObjective
	catAssessment
	catPlan
)

// slot refines a category for templates with several sections of a kind.
type slot string

const (
	slotNone       slot = ""
	slotComplaint  slot = "complaint"  // chief complaint
	slotHistory    slot = "history"    // past history, medications, allergies, social, family
	slotROS        slot = "ros"        // pertinent negatives and positives
	slotData       slot = "data"       // labs, imaging, results
	slotPrecaution slot = "precaution" // return precautions, warning signs, follow-up
)

// item is one sentence of the draft before it is placed in a section.
type item struct {
	text     string
	evidence []string
	cat      category
	slot     slot
	problem  int // 1-based problem of a problem-oriented assessment and plan; 0 none
	order    int
	patient  bool // said by the patient (dialogue)
	avs      string
}

// turn is one sentence of the source with what the drafter needs to know.
type turn struct {
	seg      encounter.Segment
	index    int // segment index
	part     int // sentence index within the segment
	text     string
	question string // the question this sentence answers (first sentence of an answer), if any
	qseg     string // that question's segment ID
	role     role
	reason   string // coverage.Classify
	// prevHeading is the heading of the segment before (a note's first
	// sentence under a heading follows another heading).
	prevHeading string
}

type role int

const (
	roleNone role = iota
	roleClinician
	rolePatient
)

var (
	clinicianRE = prefilter.MustCompile(`(?i)\b(?:dr|doctor|clinician|provider|physician|np|pa|nurse|md|do|resident|attending|practitioner|midwife|therapist|rn)\b`)
	patientRE   = prefilter.MustCompile(`(?i)\b(?:patient|pt|parent|mother|father|mom|dad|caregiver|wife|husband|son|daughter|spouse|partner|guardian|family)\b`)
)

func roleOf(speaker string) role {
	switch {
	case speaker == "":
		return roleNone
	case patientRE.MatchString(speaker):
		return rolePatient
	case clinicianRE.MatchString(speaker):
		return roleClinician
	}
	return rolePatient // a named speaker who is not a clinician: the patient's side
}

// Summarize implements ai.Summarizer: each source sentence is either
// carried into the note (cleaned, in note style, citing its segments) or
// left out for a reason coverage would give it; no clinical sentence is
// left out.
func (p *Provider) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	if err := p.wait(ctx); err != nil {
		return nil, err
	}
	turns := readTurns(req.Segments)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	patientAudience := req.Template.Audience == "patient"
	items := draftItems(turns, patientAudience)
	sections := route(req.Template, items, p.MaxPerSection)
	return &ai.SummarizeResult{Sections: sections, Model: Model, Method: Method, Notice: Notice}, nil
}

// readTurns splits segments into sentences, each with the question it
// answers and why coverage would leave it out.
func readTurns(segs []encounter.Segment) []turn {
	var out []turn
	for i, seg := range segs {
		parts := source.Sentences(seg.Text)
		if len(parts) == 0 {
			continue
		}
		q, qseg := "", ""
		if i > 0 && strings.HasSuffix(strings.TrimSpace(segs[i-1].Text), "?") && (seg.Speaker == "" || seg.Speaker != segs[i-1].Speaker) {
			prev := source.Sentences(segs[i-1].Text)
			if len(prev) > 0 {
				q, qseg = prev[len(prev)-1], segs[i-1].ID
			}
		}
		for k, s := range parts {
			t := turn{seg: seg, index: i, part: k, text: s, role: roleOf(seg.Speaker)}
			if i > 0 {
				t.prevHeading = segs[i-1].Heading
			}
			if k == 0 {
				t.question, t.qseg = q, qseg
			}
			t.reason = coverage.Classify(s, t.question)
			out = append(out, t)
		}
	}
	return out
}

// draftItems turns the source sentences into draft sentences.
func draftItems(turns []turn, patientAudience bool) []item {
	var items []item
	drafted := factcheck.NewSeen()
	seenText := map[string]bool{}
	problem := 0
	inAP := false // under a combined assessment-and-plan heading, or after a problem opener
	heading := ""
	add := func(it item) {
		key := strings.ToLower(strings.TrimSpace(it.text))
		if it.text == "" || seenText[key] {
			return
		}
		if !drafted.AddNew(it.text) {
			return // it restates the draft: coverage lists it as repeated
		}
		seenText[key] = true
		it.order = len(items)
		items = append(items, it)
	}
	for i := 0; i < len(turns); i++ {
		t := turns[i]
		if t.seg.Heading != heading {
			// A note's problems live under one heading.
			heading, problem, inAP = t.seg.Heading, 0, false
		}
		if t.reason != encounter.ReasonClinical {
			continue
		}
		ev := []string{t.seg.ID}
		text := t.text
		// A short answer makes the question a pertinent negative or positive.
		answered := false
		if t.question != "" {
			if it, rest, ok := answerItem(t, strings.TrimSpace(fillerRE.ReplaceAllString(t.text, " ")), patientAudience); ok {
				add(it)
				if rest == "" {
					continue
				}
				text = rest
				ev = []string{t.qseg, t.seg.ID}
				answered = true
			}
		}
		raw := text
		text = clean(text)
		composite := false
		if t.question != "" && !answered && short(raw) {
			// "About three days." answers "How long has this been going on?";
			// so do "Rarely.", "No." and "Maybe two months?"
			a := text
			if a == "" {
				a = strings.TrimSpace(spoken.Numbers(strings.Trim(fillerRE.ReplaceAllString(raw, " "), " ,")))
			}
			if a != "" && !onlyFillerAnswer(a) {
				text = clean(t.question) + " " + capitalize(a)
				ev = []string{t.qseg, t.seg.ID}
				composite = true
			}
		}
		// A clinician's question is drafted with its answer.
		if text == "" || isQuestion(text) && !composite {
			continue
		}
		if !composite && t.question == "" && fragment(text) && len(items) > 0 && items[len(items)-1].evidence[len(items[len(items)-1].evidence)-1] == t.seg.ID {
			// A fragment ("One thirty-eight, one forty-two, like that.")
			// finishes the sentence before it in the same turn.
			last := &items[len(items)-1]
			last.text = strings.TrimRight(last.text, ".!") + "; " + lowerFirst(style(text, t.role, patientAudience))
			drafted.Add(last.text)
			continue
		}
		// Problem-oriented assessment and plan.
		opened := false
		if n, label, rest, ok := problemOpener(text, t); ok {
			if n > 0 {
				problem = n
			} else {
				problem++
			}
			inAP = true
			if rest == "" && label != "" {
				// The problem's heading, even when its words were said before.
				it := item{text: label, evidence: ev, cat: catAssessment, problem: problem, patient: t.role == rolePatient}
				it.order = len(items)
				items = append(items, it)
				drafted.Add(label)
				continue
			}
			if rest == "" {
				continue
			}
			if label != "" && !strings.Contains(strings.ToLower(rest), strings.ToLower(label)) {
				rest = label + ": " + lowerFirst(rest)
			}
			text = rest
			opened = true
		}
		cat, sl := categorize(text, t, inAP)
		if opened && cat != catPlan {
			cat, sl = catAssessment, slotNone // what opens a problem assesses it
		}
		if cat == catNone {
			cat = catSubjective // never dropped: a clinical sentence no rule places is history
		}
		prob := 0
		if (cat == catAssessment || cat == catPlan) && sl != slotPrecaution {
			prob = problem
		}
		styled := text
		if !composite {
			styled = style(text, t.role, patientAudience)
		}
		if label, ok := historyLabel[t.seg.Heading]; ok && t.part == 0 && (t.index == 0 || turns[i].prevHeading != t.seg.Heading) && !strings.Contains(strings.ToLower(styled), strings.ToLower(label)) {
			// "Allergies: penicillin (hives)." keeps the heading that says what it is.
			styled = label + ": " + lowerFirst(styled)
		}
		add(item{text: styled, evidence: ev, cat: cat, slot: sl, problem: prob, patient: t.role == rolePatient})
	}
	return items
}

// historyLabel names what a history line lists, for the sentence that
// lost its heading to the note's segmentation.
var historyLabel = map[string]string{
	"allergies": "Allergies", "medications": "Medications", "meds": "Meds", "current medications": "Current medications",
	"pmh": "PMH", "past medical history": "Past medical history", "psh": "PSH",
	"past surgical history": "Past surgical history", "fh": "FH", "family history": "Family history",
	"sh": "SH", "social history": "Social history",
}

func isQuestion(s string) bool { return strings.HasSuffix(strings.TrimSpace(s), "?") }

func short(s string) bool { return len(strings.Fields(s)) <= 6 }

// onlyFillerAnswer: "Okay." "Mm-hmm." answer nothing.
func onlyFillerAnswer(s string) bool {
	return coverage.Classify(s, "") == encounter.ReasonFiller && !noRE.MatchString(s) && !yesRE.MatchString(s)
}

// fragment reports whether a sentence is a few numbers with at most a
// couple of words ("1000." "138, 142, like that."), which only make sense
// with the sentence before them.
func fragment(s string) bool {
	ws := strings.Fields(s)
	if len(ws) > 5 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	letters := 0
	for _, w := range ws {
		if !strings.ContainsAny(w, "0123456789") {
			letters++
		}
	}
	return letters <= 3
}

var (
	fillerRE = prefilter.MustCompile(`(?i)(?:^|,?\s)(?:um+|uh+|erm|hmm+|you know|i mean|like,|kind of like|sort of like|you see)(?:,|\s|$)`)
	// Words that open a spoken sentence without adding to it. "Right" is
	// not one of them: it may be a side.
	leadRE     = prefilter.MustCompile(`(?i)^(?:(?:so|okay|ok|alright|all right|well|and|now|yeah|yes|oh|hey|um|uh|great|perfect)[,.]?\s+)+`)
	commandRE  = prefilter.MustCompile(`(?i)^(?:hey |ok(?:ay)? )?(?:computer|scribe|assistant|dragon|alexa|siri)[,.]?\s+[^,.;]*[,.;]\s*`)
	falseStart = prefilter.MustCompile(`(?i)^(?:i|it|it's|the|we|you|she|he|my)\s*(?:-|—|\.\.\.)\s*`)
	spaceRE    = prefilter.MustCompile(`\s+`)
	spacePunct = prefilter.MustCompile(`\s+([,.;:?!])`)
)

// clean removes fillers, stutters, false starts and a leading device
// command, and writes spoken numbers as digits.
func clean(s string) string {
	s = commandRE.ReplaceAllString(s, "")
	s = fillerRE.ReplaceAllString(s, " ")
	s = spoken.Numbers(s) // before unstutter: "nine one one" is 911, not a stutter
	s = unstutter(s)
	s = falseStart.ReplaceAllString(s, "")
	s = leadRE.ReplaceAllString(strings.TrimSpace(s), "")
	s = spoken.Numbers(s)
	s = spacePunct.ReplaceAllString(collapseSpaces(s), "$1")
	s = strings.Trim(strings.TrimSpace(s), ",;")
	if s == "" || len(strings.Fields(s)) < 2 && !strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return capitalize(s)
}

// collapseSpaces is spaceRE.ReplaceAllString(s, " "), every run of white
// space made one space, without running the expression on the many
// sentences that have nothing to collapse.
func collapseSpaces(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r':
			return spaceRE.ReplaceAllString(s, " ")
		case ' ':
			if i+1 < len(s) && strings.IndexByte(" \t\n\f\r", s[i+1]) >= 0 {
				return spaceRE.ReplaceAllString(s, " ")
			}
		}
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func lowerFirst(s string) string {
	if len(s) < 2 || strings.ToUpper(s[1:2]) == s[1:2] {
		return s // an acronym ("BP 120/80") keeps its case
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// kindCategories are the categories a template section of a kind takes.
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

// unstutter drops a word that repeats the one before it ("I, I have the
// the cough" → "I have the cough").
func unstutter(s string) string {
	ws := strings.Fields(s)
	key := func(w string) string { return strings.ToLower(strings.Trim(w, ",.")) }
	for n := 3; n >= 1; n-- {
		out := make([]string, 0, len(ws))
		for i := 0; i < len(ws); i++ {
			if i+2*n <= len(ws) && !strings.ContainsAny(strings.Join(ws[i:i+n], ""), "0123456789") {
				same := true
				for k := 0; k < n; k++ {
					if key(ws[i+k]) != key(ws[i+n+k]) {
						same = false
						break
					}
				}
				if same {
					i += n - 1
					continue // drop the first copy: "it's been it's been" → "it's been"
				}
			}
			out = append(out, ws[i])
		}
		ws = out
	}
	return strings.Join(ws, " ")
}
