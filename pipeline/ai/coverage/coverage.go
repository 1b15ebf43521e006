// Package coverage decides, for a draft and its source, what the draft
// leaves out and why: every source segment is either cited by a sentence of
// the draft or listed with a reason (clinical content not used, repeated,
// administrative, greeting or small talk, filler, device or dictation
// command). It runs in the AI gateway after the evidence check, for every
// provider, and again on every edit, so no draft escapes it.
//
// The unit is the sentence: a segment the draft cites can still hold a
// sentence the draft does not carry (a long turn whose second finding the
// model dropped); such a sentence is listed with its part number. A cited
// segment's sentence counts as carried when a sentence citing the segment
// shares at least a third of its finding words (or the segment has one
// sentence). A question counts as cited when the draft cites the answer
// right after it.
//
// Classify is also the offline drafter's filter, so what the drafter skips
// is exactly what coverage would list with a non-clinical reason. The
// classes are rules, listed below; anything they do not recognise is
// clinical content, so that an unknown sentence is shown to the clinician
// rather than hidden.
package coverage

import (
	"slices"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/ai/prefilter"
	"github.com/clinscribe/clinscribe/pipeline/ai/spoken"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
)

// MinCarried is the share of a source sentence's finding words a citing
// draft sentence must hold for the source sentence to count as carried.
const MinCarried = 1.0 / 3

func re(s string) *prefilter.Regexp { return prefilter.MustCompile(`(?i)` + s) }

var (
	// Commands to the recording device or dictation software.
	commandRE = re(`^\W*(?:(?:hey|ok(?:ay)?|um|uh|so)[, ]+)?(?:computer|scribe|assistant|dragon|alexa|siri|recorder|dictation|nuance|copilot)\b` +
		`|^\W*(?:next field|previous field|new (?:line|paragraph)|scratch that|delete (?:that|the last sentence)|undo that|` +
		`(?:pause|resume|start|stop|end) (?:the )?(?:recording|dictation|listening|scribe)|end (?:of )?(?:dictation|note)|` +
		`go to (?:the )?(?:next|previous|last) (?:field|section)|insert (?:normal|template|smart ?phrase|dot ?phrase)|` +
		`open (?:the |my )?(?:chart|labs|template)|(?:show|pull up|bring up) (?:me )?(?:the )?(?:labs?|chart|results|vitals|imaging|x-?rays?|template)|` +
		`period|comma|full stop|sign (?:the )?note|save (?:the )?note)\W*$`)
	// Filler and back-channel: nothing but these words.
	fillerWords = map[string]bool{
		"um": true, "uh": true, "umm": true, "uhh": true, "hmm": true, "hm": true, "mm": true, "mhm": true, "mm-hmm": true,
		"uh-huh": true, "uh-uh": true, "okay": true, "ok": true, "alright": true, "all": true, "right": true, "so": true,
		"well": true, "yeah": true, "yes": true, "yep": true, "yup": true, "sure": true, "got": true, "it": true, "i": true,
		"see": true, "oh": true, "ah": true, "let": true, "me": true, "let's": true, "one": true, "second": true, "sec": true,
		"hold": true, "on": true, "great": true, "good": true, "perfect": true, "sounds": true, "you": true, "know": true,
		"like": true, "and": true, "then": true, "now": true, "anyway": true, "gotcha": true, "cool": true, "fine": true,
		"no": true, "nope": true, "thanks": true, "thank": true, "wow": true, "huh": true, "right.": true, "exactly": true,
		"understood": true, "makes": true, "sense": true, "that": true, "ok.": true, "got it": true, "mkay": true, "er": true,
		"hey": true, "just": true, "a": true, "moment": true, "bit": true, "there": true, "we": true, "go": true, "here": true,
		"is": true, "what": true, "was": true, "saying": true, "oh,": true, "alrighty": true, "very": true, "definitely": true,
	}
	greetingRE = re(`^\W*(?:(?:oh|well|um|uh|yeah|ok(?:ay)?)[, ]+)*(?:hi|hello|hey|good (?:morning|afternoon|evening|to see you)|nice (?:to|meeting)|pleased to meet|` +
		`how are you|how's it going|how have you been|i'm (?:good|fine|doing (?:good|well|ok(?:ay)?|fine)|well)|doing (?:good|well|fine)|` +
		`not (?:too )?bad|pretty good|can't complain|thanks?(?: you)?(?: so much| very much)?(?: for [^.?!]*)?\W*$|you're welcome|no problem|bye|goodbye|` +
		`see you|take care|have a (?:good|great|nice)|feel better|come on in|have a seat|welcome|it was (?:nice|good))(?:\b|$)`)
	smallTalkRE = re(`\b(?:weather|rain(?:ing|y)?|snow(?:ing|ed)?|sunny|cold out|hot out|traffic|highway|commute|the game|` +
		`playoffs?|vacation|cruise|holidays?|thanksgiving|christmas|birthday party|wedding|gardening|` +
		`grandkids|grandchildren|puppy|movie|netflix|book club|football|baseball|basketball|soccer|hockey|` +
		`concert|restaurant|weekend plans|your (?:shirt|jacket|hair|shoes)|love (?:that|your)|sticker|cute|great name|` +
		`how was the drive|find (?:the|us|parking) (?:ok(?:ay)?|alright|all right))\b`)
	adminRE = re(`\b(?:date of birth|birth ?date|dob|birthday|spell (?:your|that|it)|confirm your|your full name|last name|` +
		`first name|medical record|mrn|chart number|phone number|cell(?: phone)? number|number on file|callback number|address|` +
		`my (?:cell|phone|number|home number) is|\(?\d{3}\)?[ .-]?\d{3}-\d{4}|` +
		`` +
		`zip code|email|insurance|insurer|copay|co-pay|deductible|member id|prior auth\w*|billing|bill\b|invoice|front desk|` +
		`check ?out|check-?in|waiting room|park(?:ing|ed)?|validate|validation|garage|paperwork|forms?\b|` +
		`portal|receipt|pharmacy (?:on file|do you use|is)|which pharmacy|send (?:it|that|them|the prescriptions?) (?:over )?to (?:the |your )?\w*\s*pharmacy|` +
		`okay (?:if|that) i record|consent to (?:record|the recording)|recording this (?:visit|conversation)|` +
		`interpreter|social security|electronically signed|signed by|dictated by|attending:|provider:|seen by)`)
	// Identity read-outs: "Gregory T. Halvorsen, September 14, 1979."
	identityRE = re(`^\W*(?:[A-Z][a-z]*\.? ){1,3}[A-Z][a-z]+,? (?:(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2},? \d{4}|\d{1,2}/\d{1,2}/\d{2,4})\W*$`)
	headerRE   = re(`^\W*(?:patient |home |cell |parent |visit |work )?(?:patient|name|pt|dob|mrn|phone|cell|contact|provider|clinician|attending|seen by|date|type|visit date|location|clinic)\s*:`)
	signRE     = re(`^(?:Dr\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'-]+,\s*(?:MD|DO|NP|PA|PA-C|RN|FNP|APRN)\b`)
	// Note titles: a line in capitals or naming the visit ("FAMILY MEDICINE
	// - OFFICE VISIT", "Urgent same-day visit - Primary Care").
	titleRE = prefilter.MustCompile(`^[A-Z0-9 &/,.-]{6,}$|(?i)^[\w -]*\b(?:visit|progress note|history and physical|new patient|sick visit|follow-?up visit)\b[\w -]*$`)
	numRE   = prefilter.MustCompile(`\d`)
	// A title in capitals: "HISTORY AND PHYSICAL - NEW PATIENT".
	capsTitleRE = prefilter.MustCompile(`^[A-Z][A-Z &/,.-]{5,}$`)
)

// Classify returns why a source sentence would be left out of a note, or
// encounter.ReasonClinical when it is clinical content. question is the
// question the sentence answers (the previous segment, when it ends with a
// question mark and another speaker said it), or "".
func Classify(sentence, question string) string {
	s := strings.TrimSpace(sentence)
	if s == "" {
		return encounter.ReasonFiller
	}
	if question != "" {
		r := Classify(question, "")
		switch {
		case isShortAnswer(s) && r != encounter.ReasonFiller:
			// "No." says what the question asked: it is what the question is.
			return r
		case r != encounter.ReasonClinical && r != encounter.ReasonFiller && !clinicalRE.MatchString(s) && !numRE.MatchString(s):
			// "How are you?" / "Not too bad." and "Date of birth?" / "March
			// third, nineteen sixty-one." are what their question is.
			return r
		}
	}
	switch {
	case commandRE.MatchString(s):
		return encounter.ReasonCommand
	case identityRE.MatchString(s), headerRE.MatchString(s), signRE.MatchString(s), capsTitleRE.MatchString(s):
		return encounter.ReasonAdministrative
	case adminRE.MatchString(s) && !clinicalRE.MatchString(stripAdmin(s)):
		return encounter.ReasonAdministrative
	case onlyFiller(s), conversationRE.MatchString(s) && !numRE.MatchString(spoken.Numbers(s)):
		return encounter.ReasonFiller
	case greetingRE.MatchString(s) && !clinicalRE.MatchString(s) && !numRE.MatchString(s), onlyGreeting(s):
		return encounter.ReasonSmallTalk
	case smallTalkRE.MatchString(s) && !clinicalRE.MatchString(s) && !numRE.MatchString(spoken.Numbers(s)):
		return encounter.ReasonSmallTalk
	case titleMayMatch(s) && titleRE.MatchString(s) && !clinicalRE.MatchString(s) && !numRE.MatchString(s):
		return encounter.ReasonAdministrative
	}
	return encounter.ReasonClinical
}

// titleMayMatch is false of a text titleRE cannot match, which is most
// sentences, without running it (titleRE has no literal for the prefilter
// to scan for): titleRE's first branch is all capitals, digits and
// [ &/,.-], six or more; its second, word characters, spaces and hyphens.
func titleMayMatch(s string) bool {
	caps, words := len(s) >= 6, true
	for i := 0; i < len(s) && (caps || words); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return true // case folding beyond ASCII: leave it to titleRE
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == ' ', c == '-':
		case c >= 'a' && c <= 'z', c == '_':
			caps = false
		case c == '&', c == '/', c == ',', c == '.':
			words = false
		default:
			return false
		}
	}
	return caps || words
}

// greetingPhraseRE are the phrases a sentence of pure courtesy is made of.
var greetingPhraseRE = re(`\b(?:hi|hello|hey|good (?:morning|afternoon|evening)|nice (?:to )?(?:meet|see)(?:ing)? you(?: again| too)?|` +
	`thanks?(?: you)?(?: so much| very much| again)?|you're welcome|take care|feel better|get well soon|bye(?:-bye)?|goodbye|` +
	`see you(?: (?:soon|later|next time|then))?|have a (?:good|great|nice) (?:day|one|weekend|evening)|` +
	`you too|my pleasure|no problem|of course|sounds good|will do|appreciate it|` +
	`(?:i'm|i am|this is|my name is) (?:dr\.?|doctor|nurse) [a-z'-]+(?: [a-z'-]+)?|i'm [a-z]+,? the (?:nurse|doctor|resident|medical assistant)|` +
	`let me (?:take a look|see|check|think)|let's (?:take a look|see)|one (?:sec|second|moment)|bear with me|` +
	`good to see you(?: again)?|hanging in there|always do|could be|that's good|here's what i'm thinking|` +
	`nobody told me(?: that)?|i know|that makes sense|sounds like a plan|fair enough|got it)\b`)

// conversationRE is talk that runs the visit rather than documents it:
// exam instructions, announcing what comes next, explaining the scribe.
var conversationRE = re(`^\W*(?:(?:okay|ok|alright|so|and|now|good)[,.]?\s+)*(?:` +
	`(?:take a (?:deep )?breath|breathe (?:in|out|normally)|open your mouth|say ah|lie (?:back|down)|sit up|look (?:up|at me|straight)|` +
	`follow my finger|squeeze my fingers?|push (?:against|down)|relax|hold still|stand up|walk (?:to|over)|` +
	`let me (?:get|go|look|check|listen|pull|see|examine|take|start|set)|let's (?:go over|talk|look|get|start|check)|` +
	`i'm going to (?:listen|press|look|check|examine|feel)|i want to (?:ask|go over|talk)|` +
	`(?:go|going) over (?:your |the )?(?:medicines|meds|medications|list)|make sure it's on (?:the |your )?list|` +
	`talk about that|it listens and drafts|nothing goes anywhere|as long as you check))[^.?!]*[.?!]?\s*$`)

// Clinical reports whether a sentence uses clinical vocabulary.
func Clinical(s string) bool {
	return clinicalRE.MatchString(s) || numRE.MatchString(spoken.Numbers(s))
}

// onlyGreeting reports whether a sentence is nothing but courtesies and
// filler ("Thank you, feel better." "Thanks, take care.").
func onlyGreeting(s string) bool {
	if !greetingPhraseRE.MatchString(s) {
		return false
	}
	return onlyFiller(greetingPhraseRE.ReplaceAllString(s, " "))
}

func stripAdmin(s string) string { return adminRE.ReplaceAllString(s, " ") }

func onlyFiller(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '!' || r == '?' || r == ';' || r == ':' || r == '…'
	})
	for _, w := range words {
		if !fillerWords[w] {
			return false
		}
	}
	return true
}

var shortAnswerRE = re(`^\W*(?:no|nope|nah|not really|not at all|none|never|yes|yeah|yep|yup|uh-huh|mm-hmm|i do|i don't|i have|i haven't|i did|i didn't|sometimes|a little|correct|that's right)\b[^.?!]{0,30}[.?!]?\s*$`)

func isShortAnswer(s string) bool { return shortAnswerRE.MatchString(s) }

// clinicalRE is the clinical vocabulary that keeps a sentence clinical even
// when it also matches a small-talk or administrative rule.
var clinicalRE = re(`\b(?:pain|ache|aches|hurt|hurts|sore|fever|cough|breath|chest|nausea|vomit\w*|diarrhea|bleed\w*|rash|` +
	`swell\w*|swollen|dizz\w*|headache|tired|fatigue|sleep\w*|appetite|weight|blood|pressure|sugar|glucose|a1c|med\w*|` +
	`pill|pills|dose|mg|prescri\w*|allerg\w*|surgery|history|smok\w*|alcohol|drink\w*|exercis\w*|diet|symptom\w*|` +
	`exam\w*|lab\w*|test\w*|x-?ray|scan|mri|result\w*|diagnos\w*|infection|injur\w*|fall|fell|numb\w*|tingl\w*|weak\w*|` +
	`anxi\w*|depress\w*|mood|stress\w*|pregnan\w*|period|urin\w*|stool|bowel|bladder|vision|hearing|heart|lung\w*|` +
	`knee|back|hip|shoulder|ankle|wrist|neck|ear|eye|throat|skin|stomach|abdom\w*|follow[- ]?up|return|refer\w*|` +
	`vaccin\w*|shot|therapy|treatment|insulin|inhaler|worse|better|improv\w*|emergency|er\b|urgent care|walk\w*|miles?|` +
	`x-?rays?|joint|limp|arthritis|spurs?)\b`)

// unit is one sentence of a segment.
type unit struct {
	seg, part int // segment index, 1-based part (0 if the segment is one sentence)
	text      string
}

// Compute lists what the sections leave out of the segments. Run it after
// the evidence check, which drops citations of unknown segments.
func Compute(sections []encounter.Section, segments []encounter.Segment) *encounter.Coverage {
	return ComputeWith(factcheck.NewReader(), sections, segments)
}

// ComputeWith is Compute reading texts through r, which the fact check of
// the same draft has read through already (pipeline/ai.CheckDraft).
func ComputeWith(r *factcheck.Reader, sections []encounter.Section, segments []encounter.Segment) *encounter.Coverage {
	cov := &encounter.Coverage{ClinicalNotUsed: []encounter.Omission{}, NotUsed: []encounter.Omission{}, Segments: len(segments)}
	index := make(map[string]int, len(segments))
	for i, s := range segments {
		index[s.ID] = i
	}
	// What cites each segment, and every draft sentence's text.
	citing := make([][]string, len(segments))
	var draft []string
	for _, sec := range sections {
		for _, sent := range sec.Sentences {
			draft = append(draft, sent.Text)
			for _, id := range sent.Evidence {
				if i, ok := index[id]; ok {
					citing[i] = append(citing[i], sent.Text)
				}
			}
		}
	}
	// What the draft says and what the source said before: a sentence
	// that only restates them is "repeated".
	seen := r.NewSeen()
	for _, d := range draft {
		seen.Add(d)
	}
	for i, seg := range segments {
		parts := source.Sentences(seg.Text)
		if len(parts) == 0 {
			parts = []string{seg.Text}
		}
		question := questionBefore(segments, i)
		cited := len(citing[i]) > 0
		if !cited && isQuestion(seg.Text) && i+1 < len(segments) && len(citing[i+1]) > 0 && questionBefore(segments, i+1) != "" {
			// The question of a cited answer.
			cited = true
			citing[i] = citing[i+1]
		}
		if cited {
			cov.Cited++
		}
		var left []encounter.Omission
		for p, text := range parts {
			q := ""
			if p == 0 {
				q = question
			}
			viaAnswer := cited && isQuestion(text) && i+1 < len(segments) && len(citing[i+1]) > 0 && questionBefore(segments, i+1) != ""
			if cited && (len(parts) == 1 || viaAnswer || carried(r, text, citing[i])) {
				seen.Add(text)
				continue
			}
			reason := Classify(text, q)
			if reason == encounter.ReasonClinical && q == "" && seen.Restates(text) {
				reason = encounter.ReasonRepeated
			}
			seen.Add(text)
			part := 0
			if cited {
				part = p + 1
			}
			left = append(left, encounter.Omission{Segment: seg.ID, Part: part, Text: text, Reason: reason})
		}
		if len(left) == 0 {
			continue
		}
		if !cited {
			// One entry for the whole segment, under its weightiest reason.
			o := encounter.Omission{Segment: seg.ID, Text: seg.Text, Reason: weightiest(left)}
			left = []encounter.Omission{o}
		}
		for _, o := range left {
			if o.Reason == encounter.ReasonClinical {
				cov.ClinicalNotUsed = append(cov.ClinicalNotUsed, o)
			} else {
				cov.NotUsed = append(cov.NotUsed, o)
			}
		}
	}
	return cov
}

func weightiest(os []encounter.Omission) string {
	best := len(encounter.Reasons)
	for _, o := range os {
		if i := slices.Index(encounter.Reasons, o.Reason); i >= 0 && i < best {
			best = i
		}
	}
	if best == len(encounter.Reasons) {
		return os[0].Reason
	}
	return encounter.Reasons[best]
}

func isQuestion(s string) bool { return strings.HasSuffix(strings.TrimSpace(s), "?") }

// questionBefore returns the previous segment's text when it is a question
// another speaker asked, else "".
func questionBefore(segs []encounter.Segment, i int) string {
	if i == 0 || !isQuestion(segs[i-1].Text) {
		return ""
	}
	if segs[i].Speaker != "" && segs[i].Speaker == segs[i-1].Speaker {
		return ""
	}
	return segs[i-1].Text
}

// carried reports whether a citing sentence holds enough of text's finding
// words to count as carrying it.
func carried(r *factcheck.Reader, text string, citing []string) bool {
	words := r.Words(text)
	if len(words) == 0 {
		return true // nothing of its own to carry
	}
	have := map[string]bool{}
	for _, c := range citing {
		for _, w := range r.Words(c) {
			have[w] = true
		}
	}
	n := 0
	for _, w := range words {
		if have[w] {
			n++
		}
	}
	return float64(n) >= MinCarried*float64(len(words))
}
