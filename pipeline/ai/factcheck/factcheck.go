package factcheck

import (
	_ "embed"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai/prefilter"
	"github.com/clinscribe/clinscribe/pipeline/ai/shorthand"
	"github.com/clinscribe/clinscribe/pipeline/ai/spoken"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
)

//go:embed drugs.txt
var drugList string

// drugs maps every known name to its generic name.
var drugs = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(drugList, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, generic, ok := strings.Cut(line, "=")
		if !ok {
			generic = name
		}
		m[name] = generic
	}
	return m
}()

// Drug returns the generic name of a medicine name (any case), if the list
// knows it.
func Drug(word string) (string, bool) {
	g, ok := drugs[strings.ToLower(word)]
	return g, ok
}

// Drugs returns every medicine name the list knows, generic and brand.
func Drugs() []string {
	out := make([]string, 0, len(drugs))
	for k := range drugs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Check flags every sentence of sections whose facts the segments it cites
// do not hold (see the package doc). It replaces earlier fact-check flags,
// so it can run again on an edited draft. Sentences without evidence are
// left to the evidence check.
func Check(sections []encounter.Section, segments []encounter.Segment) {
	NewReader().Check(sections, segments)
}

// Reader reads texts for the checks, each text once: the checks of one
// draft (Check, then coverage's Seen and Words) read the same sentences
// several times, and reading is most of their work. What it has read is
// shared, and never changed once read. A nil *Reader reads every time.
type Reader struct {
	read       map[readKey]*facts
	normalized map[string]string // a sentence is read with more than one answer
}

type readKey struct {
	text   string
	answer int
}

// NewReader returns a Reader that has read nothing.
func NewReader() *Reader {
	return &Reader{read: map[readKey]*facts{}, normalized: map[string]string{}}
}

// Normalize is the package's Normalize, once per text.
func (r *Reader) Normalize(s string) string { return r.normalize(s) }

// normalize is Normalize, once per text.
func (r *Reader) normalize(s string) string {
	if r == nil {
		return Normalize(s)
	}
	n, ok := r.normalized[s]
	if !ok {
		n = Normalize(s)
		r.normalized[s] = n
	}
	return n
}

// analyze is the package's analyze, once per text and answer.
func (r *Reader) analyze(text string, answer int) *facts {
	if r == nil {
		return analyze(text, answer)
	}
	k := readKey{text, answer}
	f, ok := r.read[k]
	if !ok {
		f = r.analyzeText(text, answer)
		r.read[k] = f
	}
	return f
}

// Check is the package's Check, reading through r.
func (r *Reader) Check(sections []encounter.Section, segments []encounter.Segment) {
	ctx := newContext(r, segments)
	for i := range sections {
		for j := range sections[i].Sentences {
			s := &sections[i].Sentences[j]
			s.Flags = slices.DeleteFunc(s.Flags, func(f string) bool { return f == encounter.FlagFactMismatch })
			s.Mismatches = nil
			if len(s.Evidence) == 0 {
				continue
			}
			if ms := ctx.check(s.Text, s.Evidence); len(ms) > 0 {
				s.Flags = append(s.Flags, encounter.FlagFactMismatch)
				s.Mismatches = ms
			}
		}
	}
}

// Sentence returns the mismatches of one sentence against the segments it
// cites (by ID, among segments).
func Sentence(text string, evidence []string, segments []encounter.Segment) []encounter.Mismatch {
	return newContext(nil, segments).check(text, evidence)
}

// context holds the source, analyzed once per draft.
type context struct {
	r     *Reader
	segs  []encounter.Segment
	index map[string]int
	facts []*facts // per segment, with question/answer polarity applied
}

func newContext(r *Reader, segs []encounter.Segment) *context {
	c := &context{r: r, segs: segs, index: make(map[string]int, len(segs)), facts: make([]*facts, len(segs))}
	for i, s := range segs {
		c.index[s.ID] = i
	}
	return c
}

// segFacts analyzes segment i, lazily.
func (c *context) segFacts(i int) *facts {
	if c.facts[i] == nil {
		c.facts[i] = c.r.analyze(c.segs[i].Text, answerPolarity(c.segs, i))
	}
	return c.facts[i]
}

// check compares one sentence with what it cites.
func (c *context) check(text string, evidence []string) []encounter.Mismatch {
	var src []*facts
	seen := map[int]bool{}
	add := func(i int) {
		if i >= 0 && i < len(c.segs) && !seen[i] {
			seen[i] = true
			src = append(src, c.segFacts(i))
		}
	}
	for _, id := range evidence {
		i, ok := c.index[id]
		if !ok {
			continue
		}
		add(i)
		// The question a cited short answer answers, and the answer a
		// cited question got, carry the same fact.
		if isAnswer(c.segs, i) {
			add(i - 1)
		}
		if i+1 < len(c.segs) && isAnswer(c.segs, i+1) {
			add(i + 1)
		}
	}
	if len(src) == 0 {
		return nil
	}
	return compare(c.r.analyze(text, 0), merge(src))
}

// answerPolarity is +1 or -1 when segment i is a question answered by the
// next segment's "yes" or "no", else 0.
func answerPolarity(segs []encounter.Segment, i int) int {
	if i+1 >= len(segs) || !isAnswer(segs, i+1) {
		return 0
	}
	return shortAnswer(segs[i+1].Text, segs[i].Text)
}

// isAnswer reports whether segment i opens with a yes or no answering a
// question that segment i-1 (another speaker, or an unlabeled segment)
// ends with.
func isAnswer(segs []encounter.Segment, i int) bool {
	if i <= 0 || i >= len(segs) {
		return false
	}
	q := strings.TrimSpace(segs[i-1].Text)
	if !strings.HasSuffix(q, "?") {
		return false
	}
	if segs[i].Speaker != "" && segs[i].Speaker == segs[i-1].Speaker {
		return false
	}
	return shortAnswer(segs[i].Text, segs[i-1].Text) != 0
}

var (
	noAnswerRE  = prefilter.MustCompile(`(?i)^\W*(?:(?:um+|uh+|well|oh|so|hmm+|ah)[,.]?\s+)*(?:no|nope|nah|not really|not at all|none|never|negative|no,? (?:none|not|never|nothing)\b[^.?!]*|i (?:don't|do not|haven't|have not|didn't|did not)(?: think so)?|nothing(?: like that)?)\W*(?:$|[.,!;])`)
	yesAnswerRE = prefilter.MustCompile(`(?i)^\W*(?:(?:um+|uh+|well|oh|so|hmm+|ah)[,.]?\s+)*(?:yes|yeah|yep|yup|uh-huh|i do|i have|i did|sometimes|a little|a bit|correct|definitely|sure)\b`)
)

// shortAnswer returns -1 for a text opening with "no" (or the like), +1
// for "yes", 0 otherwise.
func shortAnswer(text, question string) int {
	first := text
	if i := strings.IndexAny(text, ".!?"); i >= 0 {
		first = text[:i+1]
	}
	switch {
	case noAnswerRE.MatchString(first):
		// "No." denies all the question asked; "No fever." only fever,
		// which its own words say: a no that names what the question
		// asked answers for that alone.
		asked := map[string]bool{}
		for _, w := range appendWords(nil, Normalize(question)) {
			asked[stem(w)] = true
		}
		for _, w := range appendWords(nil, strings.ToLower(first)) {
			if len(w) > 2 && !plain[w] && asked[stem(w)] {
				return 0
			}
		}
		return -1
	case yesAnswerRE.MatchString(first):
		return 1
	}
	return 0
}

// quantity is a number with its unit, as compared.
type quantity struct {
	value   string // normalized: "500", "120/80", "38.2"
	unit    string // canonical unit, or ""
	text    string // as written after normalization ("500 mg")
	anchors []string
}

// side is a laterality mention with the words around it.
type side struct {
	side    string // left, right, bilateral
	anchors []string
	text    string
}

// facts are what one text states.
type facts struct {
	quantities []quantity
	drugs      map[string]string // generic -> as written
	drugAt     []mention         // each medicine named, with the words around it
	sides      []side
	polarity   map[string]uint8 // stem -> bits: 1 present, 2 absent
	order      []string         // stems in the order first seen
	phrase     map[string]string
	times      map[string]string // time key -> as written
	antonyms   map[string]bool   // positive, negative, normal, abnormal

	// Per sentence (units of a merged text): the words it uses, whether
	// it negates anything (a cue, or a "no" answering it), what it
	// negates.
	units   []*facts
	words   map[string]bool
	cue     bool
	negated map[string]bool
	// tokens: every word and number of a sentence (function words too,
	// questions too) with its polarity inside the sentence, for comparing
	// a sentence with the source sentence it copies.
	tokens map[string]uint8
	// asks: a question nothing answers (it asserts nothing).
	asks bool
}

// mention is a fact with the words around it, to tell which of two
// mentions in a text a sentence's fact stands for.
type mention struct {
	key     string
	text    string
	anchors []string
}

func newFacts() *facts {
	return &facts{drugs: map[string]string{}, polarity: map[string]uint8{}, phrase: map[string]string{}, times: map[string]string{},
		antonyms: map[string]bool{}, words: map[string]bool{}, negated: map[string]bool{}, tokens: map[string]uint8{}}
}

const (
	present uint8 = 1
	absent  uint8 = 2
)

func merge(fs []*facts) *facts {
	if len(fs) == 1 {
		return fs[0]
	}
	m := newFacts()
	for _, f := range fs {
		m = mergeInto(m, f)
	}
	return m
}

// mergeInto adds f's facts to m and returns m.
func mergeInto(m, f *facts) *facts {
	{
		m.quantities = append(m.quantities, f.quantities...)
		m.drugAt = append(m.drugAt, f.drugAt...)
		for w := range f.words {
			m.words[w] = true
		}
		for w := range f.negated {
			m.negated[w] = true
		}
		m.cue = m.cue || f.cue
		if len(f.units) > 0 {
			m.units = append(m.units, f.units...)
		}
		m.sides = append(m.sides, f.sides...)
		for k, v := range f.drugs {
			m.drugs[k] = v
		}
		for k, v := range f.polarity {
			m.polarity[k] |= v
		}
		for k, v := range f.phrase {
			if _, ok := m.phrase[k]; !ok {
				m.phrase[k] = v
			}
		}
		for k, v := range f.times {
			m.times[k] = v
		}
		for k := range f.antonyms {
			m.antonyms[k] = true
		}
	}
	return m // order is the sentence's own; merged sources do not need it
}

// Normalize writes a text the way the fact check compares it: spoken
// numbers as digits, "N out of 10" as N/10, frequencies as counts.
func Normalize(text string) string {
	s := strings.ToLower(spoken.Numbers(shorthand.Expand(text)))
	// A rewrite runs only where its text can match (issue 18: most
	// sentences hold none of them, and running the regular expressions
	// anyway was a large share of a draft's CPU time).
	for i, r := range rewrites {
		if rewriteMayMatch[i](s) {
			s = r.re.ReplaceAllString(s, r.to)
		}
	}
	return s
}

// rewriteMayMatch holds, for each of rewrites, a test that is true of
// every (lower-case) text the rewrite matches, and of some it does not.
var rewriteMayMatch = [...]func(string) bool{
	func(s string) bool { return strings.Contains(s, " out of ") },
	func(s string) bool { return strings.Contains(s, "b/l") || strings.Contains(s, "bilat") },
	func(s string) bool {
		return strings.Contains(s, "b.i.d") || strings.Contains(s, "bid") || strings.Contains(s, "twice")
	},
	func(s string) bool {
		return strings.Contains(s, "t.i.d") || strings.Contains(s, "tid") || strings.Contains(s, "thrice")
	},
	func(s string) bool { return strings.Contains(s, "q.i.d") || strings.Contains(s, "qid") },
	func(s string) bool { return strings.Contains(s, "once ") },
	hasQDigit,
	func(s string) bool { return strings.Contains(s, "qh") || strings.Contains(s, "q.h") },
	func(s string) bool { return strings.IndexByte(s, 'x') >= 0 && hasDigit(s) },
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// hasQDigit reports whether a 'q' is followed by a digit, directly or
// after one space ("q4h", "q 6 hours").
func hasQDigit(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != 'q' {
			continue
		}
		j := i + 1
		if s[j] == ' ' {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			return true
		}
	}
	return false
}

var rewrites = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`(\d+(?:\.\d+)?) out of (\d+)`), "$1/$2"},
	{regexp.MustCompile(`\bb/l\b|\bbilat\.?(\s)`), "bilateral$1"},
	{regexp.MustCompile(`\b(?:b\.i\.d\.?|bid|twice)(\W|$)`), "2 times$1"},
	{regexp.MustCompile(`\b(?:t\.i\.d\.?|tid|thrice)(\W|$)`), "3 times$1"},
	{regexp.MustCompile(`\b(?:q\.i\.d\.?|qid)(\W|$)`), "4 times$1"},
	{regexp.MustCompile(`\bonce (a|per|daily|weekly|nightly|every|at|in the)\b`), "1 times $1"},
	{regexp.MustCompile(`\bq ?(\d+) ?h(?:rs?|ours?)?\b`), "every $1 hours"},
	{regexp.MustCompile(`\b(?:q\.?h\.?s\.?|qhs)(\W|$)`), "at bedtime$1"},
	{regexp.MustCompile(`(\d)\s*x\b`), "$1 times"},
}

var (
	// wordRE defines what the check reads as words; appendWords and
	// wordSpans find its matches without running it (words.go).
	wordRE = regexp.MustCompile(`[a-z]+(?:['’-][a-z]+)*|\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*|[.;:!?,()]`)
	// quantityRE defines a number with its unit; quantitySpans finds its
	// matches without running it.
	quantityRE = regexp.MustCompile(`(^|[^\w.#/])(\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*)(?:\s*-?\s*(%|[a-z]+(?:/[a-z]+)*(?:-old)?))?`)
)

var unitCanon = map[string]string{
	"mg": "mg", "milligram": "mg", "milligrams": "mg", "mcg": "mcg", "microgram": "mcg", "micrograms": "mcg", "ug": "mcg",
	"g": "g", "gm": "g", "gram": "g", "grams": "g", "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
	"lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "ml": "ml", "cc": "ml", "ccs": "ml", "milliliter": "ml", "milliliters": "ml",
	"l": "l", "liter": "l", "liters": "l", "%": "%", "percent": "%", "unit": "unit", "units": "unit", "iu": "unit",
	"c": "deg", "f": "deg", "degree": "deg", "degrees": "deg", "celsius": "deg", "fahrenheit": "deg",
	"mmhg": "mmhg", "bpm": "bpm", "beats": "bpm",
	"day": "day", "days": "day", "d": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
	"month": "month", "months": "month", "mo": "month", "mos": "month", "year": "year", "years": "year", "yr": "year",
	"yrs": "year", "year-old": "year", "years-old": "year", "yo": "year", "y": "year",
	"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour", "minute": "minute", "minutes": "minute",
	"min": "minute", "mins": "minute", "second": "second", "seconds": "second",
	"times": "times", "time": "times",
	"tablet": "tablet", "tablets": "tablet", "tab": "tablet", "tabs": "tablet", "pill": "tablet", "pills": "tablet",
	"capsule": "tablet", "capsules": "tablet", "cap": "tablet", "caps": "tablet", "puff": "puff", "puffs": "puff",
	"drop": "drop", "drops": "drop", "cm": "cm", "mm": "mm", "inch": "inch", "inches": "inch",
	"mg/dl": "mg/dl", "mmol/l": "mmol/l", "mg/kg": "mg/kg", "mg/kg/day": "mg/kg/day", "ml/min": "ml/min", "meq": "meq",
	"miu/l": "miu/l", "mg/g": "mg/g", "ng/ml": "ng/ml", "breaths": "breaths", "mil": "ml", "mils": "ml",
}

var doseUnits = map[string]bool{"mg": true, "mcg": true, "g": true, "ml": true, "unit": true, "tablet": true, "puff": true, "drop": true, "times": true, "mg/kg": true, "mg/kg/day": true}
var timeUnits = map[string]bool{"day": true, "week": true, "month": true, "hour": true, "minute": true, "second": true}

func canonValue(v string) string {
	parts := strings.Split(v, "/")
	for i, p := range parts {
		if f, err := strconv.ParseFloat(p, 64); err == nil {
			parts[i] = strconv.FormatFloat(f, 'f', -1, 64)
		}
	}
	return strings.Join(parts, "/")
}

var sideWords = map[string]string{
	"left": "left", "lt": "left", "l": "left", "right": "right", "rt": "right", "r": "right",
	"bilateral": "bilateral", "bilaterally": "bilateral", "b/l": "bilateral", "bilat": "bilateral", "both": "bilateral",
}

// bodyWords make a nearby left/right a side rather than a verb or "that's right".
var bodyWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`side sides ear ears eye eyes knee knees arm arms leg legs foot feet hand hands shoulder
		shoulders hip hips ankle ankles wrist wrists elbow elbows lung lungs base bases chest breast breasts kidney kidneys
		flank flanks quadrant tm tms tympanic membrane temple temples neck back buttock buttocks thigh thighs calf calves toe
		toes finger fingers thumb thumbs heel heels lower upper groin testicle ovary ovaries tonsil tonsils cheek jaw face
		forearm forearms hamstring lumbar paraspinal paraspinals sciatic lobe lobes ventricle atrium sinus sinuses nostril
		nare nares pupil pupils lid eyelid retina carotid radial pedal femoral popliteal dorsalis extremity extremities
		axilla rib ribs scapula clavicle hemithorax ureter tube ankle-brachial shin pinky index great big sole palm
		mastoid parotid submandibular canal otitis ptosis weakness numbness pleural effusion hemiparesis facial arm-leg`) {
		bodyWords[w] = true
	}
}

var negCues = map[string]bool{
	"no": true, "not": true, "denies": true, "denied": true, "deny": true, "denying": true, "without": true,
	"never": true, "none": true, "nor": true, "negative": true, "neither": true, "absent": true, "free": true, "w/o": true,
	"cannot": true,
}

var scopeBreak = map[string]bool{
	"but": true, "however": true, "although": true, "though": true, "except": true, "otherwise": true,
	"whereas": true, "while": true, "which": true, "who": true, "because": true, "since": true, "so": true,
	".": true, ";": true, ":": true, "?": true, "!": true, "(": true, ")": true,
}

// plain words carry no finding of their own: they are not compared for
// negation.
var plain = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and or of to in on at for with from by as is are was were be been being has have had
		having do does did he she it they them his her their its you your i me my we our us this that these those there here
		patient pt reports report reported reporting states stated says said notes noted denies any some other also
		more less much many very just still now then today when what which who how if about over under after before
		again any anything something nothing all both either each every per than too can could would should will may
		might must shall get gets got getting feel feels felt feeling seem seems think thinks well really mr mrs ms dr
		yes yeah okay ok like know said tell told see seen saw go going went come came take takes took taking
		one ones thing things lot bit little kind sort time times day days week weeks month months year years ago
		since during while until mild moderate severe had has`) {
		plain[w] = true
	}
}

var timeKeys = map[string]string{
	"yesterday": "yesterday", "today": "today", "tonight": "night", "tomorrow": "tomorrow",
	"night": "night", "nights": "night", "nightly": "night", "bedtime": "night", "overnight": "night",
	"morning": "morning", "mornings": "morning", "evening": "evening", "evenings": "evening",
	"afternoon": "afternoon", "afternoons": "afternoon",
	"monday": "monday", "tuesday": "tuesday", "wednesday": "wednesday", "thursday": "thursday", "friday": "friday",
	"saturday": "saturday", "sunday": "sunday", "weekend": "weekend", "weekends": "weekend",
	"january": "january", "february": "february", "march": "march", "april": "april", "june": "june",
	"july": "july", "august": "august", "september": "september", "october": "october", "november": "november",
	"december": "december",
}

var timePhraseRE = prefilter.MustCompile(`\b(last|this|next|past) (week|month|year|weekend|night|morning|evening)\b`)

// stem reduces a word so "pains" meets "pain" and "swollen" stays itself.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// analyze reads the facts of a text. answer, when not 0, is the polarity a
// short answer gave this question. What it returns is read, never
// changed: a text of one sentence shares its sentence's maps.
func analyze(text string, answer int) *facts { return (*Reader)(nil).analyzeText(text, answer) }

// analyzeText is analyze, normalizing each sentence through r.
func (r *Reader) analyzeText(text string, answer int) *facts {
	// Sentence by sentence: a question is asserted only through its
	// answer, the next sentence's yes or no or, for the text's last
	// sentence, the answer given with the call.
	parts := source.Sentences(text)
	if len(parts) == 1 {
		// What merging the one sentence into empty facts would make,
		// without copying it: merging leaves out the per-sentence
		// tokens and asks, which are read from units only.
		p := parts[0]
		pol := 0
		if strings.HasSuffix(strings.TrimSpace(p), "?") {
			pol = answer
		}
		u := newFacts()
		analyzeSentence(u, p, r.normalize(p), pol)
		f := *u
		f.tokens, f.asks = nil, false
		f.units = []*facts{u}
		return &f
	}
	f := newFacts()
	for k, p := range parts {
		pol := 0
		if strings.HasSuffix(strings.TrimSpace(p), "?") {
			if k+1 < len(parts) {
				pol = shortAnswer(parts[k+1], p)
			} else {
				pol = answer
			}
		}
		u := newFacts()
		analyzeSentence(u, p, r.normalize(p), pol)
		mergeInto(f, u)
		f.order = append(f.order, u.order...)
		f.units = append(f.units, u)
	}
	return f
}

// listMarkerRE is a list number written in digits opening a note line
// ("1. Type 2 diabetes"); a spoken answer ("Three. Okay, four.") is not one.
var listMarkerRE = prefilter.MustCompile(`^\s*(?:#\s*\d{1,2}|\(?\d{1,2}[.)])\s`)

// analyzeSentence reads the facts of one sentence, text; norm is
// Normalize(text).
func analyzeSentence(f *facts, text, norm string, answer int) {
	// Numbers, skipping a list marker that opens the text.
	body := norm
	if loc := listMarkerRE.FindStringIndex(text); loc != nil {
		if i := strings.IndexAny(norm, ".)"); i >= 0 && i < loc[1]+2 {
			body = strings.Repeat(" ", i+1) + norm[i+1:]
		}
	}
	for _, m := range quantitySpans(body) { // quantityRE's matches: number, unit
		val := body[m[0]:m[1]]
		unit := ""
		text := val
		if m[2] >= 0 {
			u := body[m[2]:m[3]]
			if c, ok := unitCanon[u]; ok {
				unit = c
				text = body[m[0]:m[3]]
			} else if c, ok := unitCanon[strings.SplitN(u, "/", 2)[0]]; ok && !strings.Contains(u, "-") {
				unit = c
				text = body[m[0]:m[3]]
			}
		}
		f.quantities = append(f.quantities, quantity{value: canonValue(val), unit: unit, text: text, anchors: around(norm, m[0], m[1], 3, 2)})
	}
	for _, m := range timePhraseRE.FindAllStringSubmatch(norm, -1) {
		f.times[m[1]+" "+m[2]] = m[0]
	}

	words := appendWords(nil, norm)
	// Questions assert nothing unless answered.
	question := strings.HasSuffix(strings.TrimSpace(norm), "?")
	neg := false
	if question && answer < 0 {
		f.cue = true
	}
	f.asks = question && answer == 0
	for i, w := range words {
		if i == 0 && (w == "no" || w == "nope") && len(words) > 1 && (words[1] == "," || words[1] == ".") {
			continue // "No, normal." answers; it does not negate what follows
		}
		if w != "," && !scopeBreak[w] && !plain[w] && !negCues[w] && !isNegWord(w) {
			f.words[stem(w)] = true
		}
		if g, ok := drugs[w]; ok {
			f.drugs[g] = w
			var anchors []string
			for k := max(0, i-4); k < len(words) && k <= i+4; k++ {
				if _, isDrug := drugs[words[k]]; k != i && !isDrug && !scopeBreak[words[k]] && words[k] != "," {
					anchors = append(anchors, words[k])
				}
			}
			f.drugAt = append(f.drugAt, mention{key: g, text: w, anchors: anchors})
		}
		if k, ok := timeKeys[w]; ok {
			if _, seen := f.times[k]; !seen {
				f.times[k] = w
			}
		}
		switch w {
		case "positive", "negative", "normal", "abnormal":
			f.antonyms[w] = true
		}
		if s, ok := sideWords[w]; ok {
			if sd, ok := readSide(words, i, s); ok {
				f.sides = append(f.sides, sd)
			}
		}
		if scopeBreak[w] {
			neg = false
			continue
		}
		if isNegWord(w) {
			neg = true
			f.cue = true
			if i == len(words)-1 || i == len(words)-2 && scopeBreak[words[i+1]] {
				// "... things I don't." negates what came before it.
				for k := i - 1; k >= 0 && k >= i-3; k-- {
					if !plain[words[k]] && len(words[k]) > 2 && !scopeBreak[words[k]] {
						f.negated[stem(words[k])] = true
						break
					}
				}
			}
			continue
		}
		if w != "," {
			tp := present
			switch {
			case question && answer < 0:
				tp = absent // "Any chest pain?" answered "No."
			case question && answer > 0:
			case neg:
				tp = absent
			}
			f.tokens[stem(w)] |= tp
		}
		if w == "," || plain[w] || len(w) < 3 || w[0] >= '0' && w[0] <= '9' {
			continue
		}
		if _, isSide := sideWords[w]; isSide {
			continue
		}
		pol := present
		if neg {
			pol = absent
		}
		if question {
			switch answer {
			case 0:
				continue
			case -1:
				pol = absent
			case 1:
				pol = present
			}
		}
		st := stem(w)
		if _, seen := f.polarity[st]; !seen {
			f.order = append(f.order, st)
		}
		f.polarity[st] |= pol
		if pol == absent {
			f.negated[st] = true
		}
		if _, ok := f.phrase[st]; !ok {
			f.phrase[st] = w
		}
	}
}

func isNegWord(w string) bool {
	return negCues[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// around returns the words (not digits, not punctuation) within before and
// after words of the span [a, b) of text.
func around(text string, a, b, before, after int) []string {
	// Within the clause: ". ; : ? !" end it.
	lo, hi := 0, len(text)
	if i := strings.LastIndexAny(text[:a], ".;:?!"); i >= 0 && (i+1 >= len(text) || text[i+1] == ' ') {
		lo = i + 1
	}
	for i := b; i < len(text); i++ {
		if strings.IndexByte(".;:?!", text[i]) >= 0 && (i+1 == len(text) || text[i+1] == ' ') {
			hi = i
			break
		}
	}
	text, a, b = text[lo:hi], a-lo, b-lo
	locs := wordSpans(text)
	var pre, post []string
	for _, l := range locs {
		w := text[l[0]:l[1]]
		if w == "," || scopeBreak[w] || w[0] >= '0' && w[0] <= '9' {
			continue
		}
		switch {
		case l[1] <= a:
			pre = append(pre, stem(w))
		case l[0] >= b && len(post) < after:
			post = append(post, stem(w))
		}
	}
	if len(pre) > before {
		pre = pre[len(pre)-before:]
	}
	return append(pre, post...)
}

// readSide reads the side word at i when a body word is near it.
func readSide(words []string, i int, s string) (side, bool) {
	w := words[i]
	if w == "both" {
		// "both" is a side only as "both sides", "both ears", ...
		if i+1 >= len(words) || !bodyWords[words[i+1]] {
			return side{}, false
		}
	}
	if w == "l" || w == "r" {
		// Shorthand only directly before a body word: "L knee", "R TM".
		if i+1 >= len(words) || !bodyWords[words[i+1]] {
			return side{}, false
		}
	}
	var anchors []string
	near := false
	for k := i + 1; k < len(words) && k <= i+8; k++ {
		if scopeBreak[words[k]] && words[k] != "but" && words[k] != "which" {
			break
		}
		if _, other := sideWords[words[k]]; other && k > i+1 {
			break // the next side's words are its own
		}
		if bodyWords[words[k]] {
			near = true
		}
		if !plain[words[k]] && sideWords[words[k]] == "" {
			anchors = append(anchors, stem(words[k]))
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if scopeBreak[words[k]] || words[k] == "," {
			break
		}
		if bodyWords[words[k]] {
			near = true
			anchors = append(anchors, stem(words[k]))
		}
	}
	// "worse on the right", "pain to the left", "the left one".
	if i >= 2 && words[i-1] == "the" && (words[i-2] == "on" || words[i-2] == "to") || i >= 1 && words[i-1] == "the" && i+1 < len(words) && words[i+1] == "one" {
		near = true
	}
	if !near {
		return side{}, false
	}
	if s == "right" && i > 0 && (words[i-1] == "all" || words[i-1] == "that's" || words[i-1] == "you're") {
		return side{}, false
	}
	slices.Sort(anchors)
	return side{side: s, anchors: slices.Compact(anchors), text: w}, true
}

// compare lists what the sentence states that the source does not.
func compare(sent, src *facts) []encounter.Mismatch {
	var out []encounter.Mismatch
	add := func(kind, text, source string) {
		for _, m := range out {
			if m.Kind == kind && m.Text == text {
				return
			}
		}
		out = append(out, encounter.Mismatch{Kind: kind, Text: text, Source: source})
	}
	for _, q := range sent.quantities {
		ok := false
		other := ""
		bestSame, bestOther, otherText := 0, 0, ""
		for _, s := range src.quantities {
			compatible := s.unit == q.unit || s.unit == "" || q.unit == ""
			if s.value == q.value && compatible {
				ok = true
				bestSame = max(bestSame, shared(q.anchors, s.anchors))
				continue
			}
			if other == "" && q.unit != "" && s.unit == q.unit {
				other = s.text
			}
			if compatible {
				if n := shared(q.anchors, s.anchors); n > bestOther {
					bestOther, otherText = n, s.text
				}
			}
		}
		if ok && !(bestOther >= 2 && bestOther > bestSame) {
			continue
		}
		if ok {
			other = otherText // the value is there, but for something else
		}
		kind := encounter.FactNumber
		switch {
		case doseUnits[q.unit]:
			kind = encounter.FactDose
		case timeUnits[q.unit] || q.unit == "year":
			kind = encounter.FactTime
		case q.unit == "" && len(sent.drugs) > 0:
			kind = encounter.FactDose
		}
		add(kind, q.text, other)
	}
	for g, w := range sent.drugs {
		if _, ok := src.drugs[g]; !ok {
			add(encounter.FactDrug, w, strings.Join(sortedValues(src.drugs), ", "))
		}
	}
	// A medicine the source names, but where the sentence's words go with
	// another one ("reduce the metoprolol from 10 to 5 mg" when the source
	// reduces the amlodipine and keeps the metoprolol).
	for _, m := range sent.drugAt {
		if _, ok := src.drugs[m.key]; !ok {
			continue
		}
		bestSame, bestOther, otherText := 0, 0, ""
		for _, s := range src.drugAt {
			n := shared(m.anchors, s.anchors)
			if s.key == m.key {
				bestSame = max(bestSame, n)
			} else if n > bestOther {
				bestOther, otherText = n, s.text
			}
		}
		if bestOther >= 2 && bestOther > bestSame {
			add(encounter.FactDrug, m.text, otherText)
		}
	}
	for _, sd := range sent.sides {
		if msg, bad := sideMismatch(sd, src.sides); bad {
			add(encounter.FactLaterality, sd.text+" "+strings.Join(sd.anchors, " "), msg)
		}
	}
	// Negation: one mismatch naming every word whose polarity the source
	// does not share, in sentence order.
	var said, says []string
	state := func(p uint8) string {
		if p&present != 0 {
			return "present"
		}
		return "absent"
	}
	units := ranked(sent, src)
	done := map[string]bool{}
	for _, st := range sent.order {
		if done[st] {
			continue
		}
		done[st] = true
		pol := sent.polarity[st]
		// The source sentence closest to this one decides: a word the
		// source uses both ways ("no effusion" on the left, "a small
		// effusion" on the right) is read where the sentence's other
		// words are.
		sp, ok := uint8(0), false
		for _, u := range units {
			if p, has := u.polarity[st]; has {
				sp, ok = p, true
				break
			}
		}
		if !ok {
			sp, ok = src.polarity[st]
		}
		if !ok || sp&pol != 0 {
			continue
		}
		said = append(said, sent.phrase[st]+" ("+state(pol)+")")
		says = append(says, src.phrase[st]+" ("+state(sp)+")")
	}
	// A sentence that copies a source sentence but not its negation
	// ("more than one drink" for "no more than one drink", "Not now." →
	// "now."): every word, function words included, compared with the
	// source sentence it copies.
	for _, part := range sent.units {
		if len(part.tokens) == 0 || part.asks {
			continue
		}
		// The source sentence most like this one (Jaccard), if it holds
		// three quarters of this one's words.
		best, score, jac := (*facts)(nil), 0.0, 0.0
		for _, u := range src.units {
			n := 0
			for w := range part.tokens {
				if _, ok := u.tokens[w]; ok {
					n++
				}
			}
			j := float64(n) / float64(len(part.tokens)+len(u.tokens)-n)
			if j > jac {
				best, score, jac = u, float64(n)/float64(len(part.tokens)), j
			}
		}
		if best == nil || score < 0.75 {
			continue
		}
		var flipped []string
		for _, w := range sortedKeys(part.tokens) {
			if bp, ok := best.tokens[w]; ok && bp&part.tokens[w] == 0 {
				flipped = append(flipped, w+" ("+state(part.tokens[w])+")")
			}
		}
		if len(flipped) > 0 && !slices.ContainsFunc(said, func(x string) bool { return strings.HasPrefix(x, flipped[0]) }) {
			said, says = append(said, strings.Join(flipped, ", ")), append(says, "the cited sentence negates it")
		}
	}
	for _, pair := range [][2]string{{"positive", "negative"}, {"negative", "positive"}, {"normal", "abnormal"}, {"abnormal", "normal"}} {
		if sent.antonyms[pair[0]] && !src.antonyms[pair[0]] && src.antonyms[pair[1]] {
			said, says = append(said, pair[0]), append(says, pair[1])
		}
	}
	if len(said) > 0 {
		add(encounter.FactNegation, strings.Join(said, ", "), strings.Join(says, ", "))
	}
	for k, w := range sent.times {
		if _, ok := src.times[k]; !ok {
			add(encounter.FactTime, w, strings.Join(sortedValues(src.times), ", "))
		}
	}
	slices.SortStableFunc(out, func(a, b encounter.Mismatch) int { return strings.Compare(a.Kind, b.Kind) })
	return out
}

// shared counts the anchors two mentions have in common.
func shared(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// ranked orders the source's sentences by how many of the sentence's
// words they share, most first (ties keep source order).
func ranked(sent, src *facts) []*facts {
	type r struct {
		u *facts
		n int
	}
	var rs []r
	for _, u := range src.units {
		n := 0
		for w := range sent.words {
			if u.words[w] {
				n++
			}
		}
		if n > 0 {
			rs = append(rs, r{u, n})
		}
	}
	slices.SortStableFunc(rs, func(a, b r) int { return b.n - a.n })
	out := make([]*facts, len(rs))
	for i, x := range rs {
		out[i] = x.u
	}
	return out
}

// sideMismatch: the source must state the same side, for the same body
// part where it names sides for more than one.
func sideMismatch(sd side, src []side) (string, bool) {
	if len(src) == 0 {
		return "", true
	}
	var same, other []side
	for _, s := range src {
		if s.side == sd.side {
			same = append(same, s)
		} else {
			other = append(other, s)
		}
	}
	shares := func(s side) int {
		n := 0
		for _, a := range s.anchors {
			if slices.Contains(sd.anchors, a) {
				n++
			}
		}
		return n
	}
	if len(same) == 0 {
		return other[0].text + " " + strings.Join(other[0].anchors, " "), true
	}
	// The side the source gives the words of this mention wins.
	bestSame, bestOther := 0, 0
	var which side
	for _, s := range same {
		bestSame = max(bestSame, shares(s))
	}
	for _, s := range other {
		if n := shares(s); n > bestOther {
			bestOther, which = n, s
		}
	}
	if bestOther > bestSame {
		return which.text + " " + strings.Join(which.anchors, " "), true
	}
	return "", false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// Seen accumulates what earlier texts said, so that Restates can tell
// whether a text says anything new. Coverage calls a part of the source
// that restates what came before (or what the draft says) "repeated".
type Seen struct {
	f *facts
	r *Reader // coverage asks whether a text Restates, then Adds it
}

// NewSeen returns an empty Seen.
func NewSeen() *Seen { return NewReader().NewSeen() }

// NewSeen returns an empty Seen that reads through r.
func (r *Reader) NewSeen() *Seen {
	return &Seen{f: newFacts(), r: r}
}

// Add records what text says.
func (s *Seen) Add(text string) { s.f = mergeInto(s.f, s.r.analyze(text, 0)) }

// Restates reports whether text says nothing new: it has at least one
// finding word or number, and every finding word (with its polarity), number,
// medicine, side and time of it was said before.
func (s *Seen) Restates(text string) bool {
	return s.restates(s.r.analyze(text, 0))
}

// AddNew records what text says unless it Restates what was seen, with
// one analysis of text instead of the two of Restates then Add; it
// reports whether text was new.
func (s *Seen) AddNew(text string) bool {
	f := s.r.analyze(text, 0)
	if s.restates(f) {
		return false
	}
	s.f = mergeInto(s.f, f)
	return true
}

func (s *Seen) restates(f *facts) bool {
	if len(f.polarity) == 0 && len(f.quantities) == 0 {
		return false
	}
	for st, pol := range f.polarity {
		if s.f.polarity[st]&pol == 0 {
			return false
		}
	}
	return len(compare(f, s.f)) == 0
}

// Words returns the finding words of a text (stems, in order, no
// duplicates): what coverage compares to decide whether a draft sentence
// carries a source sentence.
func Words(text string) []string {
	return analyze(text, 1).order // a question's words count too
}

// Words is the package's Words, reading through r. The slice is shared:
// the caller must not change it.
func (r *Reader) Words(text string) []string {
	return r.analyze(text, 1).order
}

// IsSide reports whether the n-th (0-based) "left", "right", "bilateral"
// or "bilaterally" of a text is a side as the check reads sides (next to a
// body part, "on the left", "the right one"), not "that's right" or "I
// left". The planted-error generator plants laterality errors only there.
func IsSide(text string, n int) bool {
	words := appendWords(nil, Normalize(text))
	k := 0
	for i, w := range words {
		if w != "left" && w != "right" && w != "bilateral" && w != "bilaterally" {
			continue
		}
		if k == n {
			_, ok := readSide(words, i, sideWords[w])
			return ok
		}
		k++
	}
	return false
}
