package deid

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/clinscribe/clinscribe/deid/internal/tagger"
)

// Detector finds identifiers in clinical text. It is safe for concurrent use.
type Detector struct {
	cfg    Config
	tagger *tagger.Model // nil with Config.RulesOnly
	pool   sync.Pool     // *scan, reused across calls to keep Detect allocation-light
}

// New returns a Detector for cfg (see Config for defaults).
func New(cfg Config) (*Detector, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("deid.New: %w", err)
	}
	lexicon() // build the tables now rather than in the first request
	d := &Detector{cfg: cfg}
	if !cfg.RulesOnly {
		m, err := loadTagger()
		if err != nil {
			return nil, fmt.Errorf("deid.New: %w", err)
		}
		d.tagger = m
	}
	d.pool.New = func() any { return &scan{} }
	return d, nil
}

// Now is the Detector's clock (Config.Now).
func (d *Detector) Now() time.Time { return d.cfg.Now() }

// Redact is RedactAsOf with the Detector's clock.
func (d *Detector) Redact(text string, spans []Span) string {
	return RedactAsOf(text, spans, d.cfg.Now())
}

// Name classes as carried by name candidates; clsExplicit marks a class that
// came from evidence (a title, a relation word, metadata) rather than the
// default.
const clsExplicit NameClass = 1 << 7

// cand is a candidate span before overlaps are resolved.
type cand struct {
	s, e int
	t    Type
	prio uint8
	cls  NameClass
	// ti and tj are the first and last token plus one where the
	// candidate was added by tokens (0: unknown); candTokens checks them
	// against s and e, which later passes may move.
	ti, tj int32
}

// Priorities for the type of a merged span: the most specific evidence wins.
const (
	prWeak   uint8 = 1 // catch-all codes, metadata identifiers of unknown kind
	prShape  uint8 = 2 // recognised by shape alone
	prCue    uint8 = 3 // shape plus a cue word
	prStrong uint8 = 4
)

// scan is the state of one Detect call.
type scan struct {
	vetoed [][2]int // byte ranges vetoLookalikes dropped as eponyms, for the candidates inside them
	// vetoWords are the words of the brands and eponyms vetoLookalikes
	// dropped, for their other mentions (and the tagger's).
	vetoWords []string
	// needles are repeatIDs' identifiers, kept for their storage.
	needles []needle
	// cells are the cells of a table row (tablePass).
	cells [][2]int
	// decided are byte ranges where the form of the text decided what a
	// place is: the value of an address field (addressFieldValue), the
	// town after a street (cityAfterAddress), a facility named in lower
	// case with no article (lowerNamedFacilityAt). What lies in them is a
	// place whatever a word of it would read as elsewhere.
	decided [][2]int
	// vetoMemo holds vetoLookalikes' answers by candidate offsets.
	vetoMemo vetoMemo
	// eponymUses are the words found before an eponym's head in the text
	// ("Philadelphia collar"), made on first use (eponymUsesDone).
	eponymUses     []int32
	eponymUsesDone bool
	d              *Detector
	// oneDate: the text is one date's span alone (parseDateString), read
	// without the words around it that the rules ask for.
	oneDate bool
	// dayFirstDoc: the text writes a full date day first somewhere
	// ("18/11/2026"): 0 not looked yet, 1 yes, -1 no (dayFirstWritten).
	dayFirstDoc int8
	text        string
	low         string // text with ASCII letters folded to lower case, same offsets
	toks        []token
	// startAt[off] and endAt[off] are 1 + the token that starts or ends
	// at byte off, 0 for none: tokStartingAt and tokEndingAt's tables,
	// built at their first call after the tokens are made (offOK).
	startAt, endAt []int32
	offOK          bool
	// titleLine is titleCaseLine's answer for the last line it read.
	titleLine lineAnswer
	// engTok holds englishTok's answer for each token, 0 until asked.
	engTok []uint8
	// lexCache holds the lexicon flags of short listed words seen in this
	// and earlier texts (tokenizeLow); kept across texts.
	lexCache *lexCache
	cands    []cand
	// own is the index of the call's Known, built by useKnown unless the
	// Known comes compiled (Detector.Compile); known points at the one in
	// use, nil outside Detect (kn).
	own     knownIndex
	known   *knownIndex
	year    int // reference year for the over-89 rule
	nameSet nameTable
	// lowerNames are name words found written in lower case; only those
	// are also propagated to their lower-case occurrences.
	lowerNames map[string]bool
	// dobWords says whether the text has a word dobAsked looks for: 0 not
	// yet known, 1 no, 2 yes.
	dobWords uint8
	// nameBits has bit h%1024 set for the FNV-1a hash h of every key of
	// nameSet: a word whose hash (token.h) has its bit clear is not a key,
	// without a map lookup.
	nameBits [nameBitsWords]uint64
	buf      []byte
	tags     [][2]int // speaker tags, scratch
	web      webMarks // the offsets of '@', ':' and '.', from the tokenizer
	// Scratch for sorting the candidates (sortCandsBuf).
	ckeys []candKey
	ctmp  []cand
	// marks are the quotes, parentheses and commas that cueNamePass looks
	// at once the name candidates are known.
	marks []int32
	// Scratch for the metadata pass (known.go).
	lowBuf   []byte // backs low when text has capitals; reused across calls
	lowArena []byte // backs the strings toLower makes; reset per call
	spellB   []byte // spelledKnown's letters, scratch
	// nameCov marks the tokens a name candidate covers, for the passes
	// of offered.go (isNameTok); nil outside them. nameCovBuf keeps its
	// storage between texts.
	nameCov, nameCovBuf []bool
	spellAt             []int32        // spelledKnown's tokens, scratch
	tagCount            map[string]int // speaker tags, scratch
	ktier               []uint8
	kpart               []knownPart
	kidx                []int32
	// heard: supplied name parts matched as they sound, in context, and
	// the token each was heard at; reset by knownNames.
	heard   []heardName
	idch    []int32
	idunits []idUnit
	// late: spans of rules written after the tagger was trained, added
	// after it (afterTagger), so that its features, and the weights
	// trained on them, stay those of the rules it was trained with.
	late []Span
	// lateKeep and lateOut are afterTagger's scratch.
	lateKeep, lateOut []Span
	// The tagger's input and output (tagger.go), reused across calls.
	ttoks   []tagger.Token
	tpos    []int32
	tlabels []tagger.Label
	tspans  []Span
	// spanBuf and mergeBuf hold the spans of the last call while they are
	// made (resolve; mergeSpans); Detect returns a copy of exactly their
	// length, so the caller's slice shares nothing with the scan.
	spanBuf, mergeBuf []Span
	// ctxs memoizes ctxAt during one taggerInput: ctxs[i] is valid when
	// ctxGen[i] == gen.
	ctxs   []wordCtx
	ctxGen []uint32
	gen    uint32
	// maybe lists the words the tagger may score (unknown to the lexicon
	// or on a name or place list), extra the words after places; both are
	// token indexes (taggerInput).
	maybe, extra []int32
	// words counts the words of two letters or more that open no line
	// and follow no colon or bracket, upperWords the capitalized ones.
	words, upperWords int
	// lowerTurns caches lowerTurnsText for the text: 0 not asked yet, 1
	// no, 2 yes.
	lowerTurns int8
	// lowerSeen is a bit set of the hashes (token.h) of the words written
	// in lower case: a capitalized word whose bit is set likely occurs in
	// lower case too (CueLowerElsewhere; a false hit now and then is
	// harmless).
	lowerSeen [lowerSeenWords]uint64
}

// nameBitsWords is the size of scan.nameBits in 64-bit words.
const nameBitsWords = 16

// lowerSeenWords is the size of scan.lowerSeen in 64-bit words (16 Ki bits).
const lowerSeenWords = 256

func (s *scan) add(start, end int, t Type, prio uint8) {
	if start < end {
		s.cands = append(s.cands, cand{s: start, e: end, t: t, prio: prio})
	}
}

// addTok adds a candidate covering tokens i..j inclusive.
func (s *scan) addTok(i, j int, t Type, prio uint8) {
	if st, en := int(s.toks[i].s), int(s.toks[j].e); st < en {
		s.cands = append(s.cands, cand{s: st, e: en, t: t, prio: prio, ti: int32(i + 1), tj: int32(j + 1)})
	}
}

// candTokens returns the first and last token of a candidate, or -1, -1.
// A token found by offset is kept in the candidate (ti, tj) for the next
// call: the tokens do not change during a scan.
func (s *scan) candTokens(c *cand) (int, int) {
	st, en := int(c.ti)-1, int(c.tj)-1
	if st < 0 || st >= len(s.toks) || int(s.toks[st].s) != c.s {
		if st = s.tokStartingAt(c.s); st >= 0 {
			c.ti = int32(st + 1)
		}
	}
	if en < 0 || en >= len(s.toks) || int(s.toks[en].e) != c.e {
		if en = s.tokEndingAt(c.e); en >= 0 {
			c.tj = int32(en + 1)
		}
	}
	return st, en
}

// candEnd returns the last token of a candidate (the second result of
// candTokens), or -1.
func (s *scan) candEnd(c *cand) int {
	en := int(c.tj) - 1
	if en < 0 || en >= len(s.toks) || int(s.toks[en].e) != c.e {
		if en = s.tokEndingAt(c.e); en >= 0 {
			c.tj = int32(en + 1)
		}
	}
	return en
}

func (s *scan) addName(i, j int, cls NameClass) {

	s.cands = append(s.cands, cand{s: int(s.toks[i].s), e: int(s.toks[j].e), t: Name, prio: prShape, cls: cls,
		ti: int32(i + 1), tj: int32(j + 1)})
}

// Detect returns the identifiers in text as sorted, non-overlapping spans.
// known is what the platform's metadata says about the encounter; its names
// and identifiers are found wherever they occur. Invalid UTF-8 is tolerated:
// spans never split a valid multi-byte character.
func (d *Detector) Detect(text string, known Known) []Span {
	out, heard := d.detect(text, known)
	// A word the rules found a name where the text names a person ("my
	// brother bill drove me") and that is said again outside every span
	// ("bill can call"): the text gave it, as metadata would, and a second
	// pass decides its other mentions by their context, as for a supplied
	// name that is a common word. Taken from the rules' spans, so that
	// with the tagger on the second pass is the same.
	if len(heard) > 0 {
		k := known
		k.compiled, k.heard = nil, heard
		if add, _ := d.detect(text, k); len(add) > 0 {
			out = mergeSpans(make([]Span, 0, len(out)+len(add)), out, add)
		}
	}
	return out
}

// heardNames returns, in lower case, the one-word names after a relation
// (or after a title, when no English word or word of the hand lists) the
// spans hold that the text says again outside every span, and that the
// metadata does not hold already.
func heardNames(text string, spans []Span, known Known) []string {
	if known.heard != nil {
		return nil // the second pass
	}
	var heard []string
	for _, sp := range spans {
		if sp.Type != Name || sp.End-sp.Start < 3 || sp.End-sp.Start > 15 {
			continue
		}
		w := text[sp.Start:sp.End]
		// One word of letters, in lower case or capitalized ("my son
		// Mason ... Mason also coughs").
		if strings.IndexFunc(w[1:], func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 || !isLetterByte(w[0]) {
			continue
		}
		// Lower-cased on the stack (one word of ASCII letters, 3 to 15
		// bytes): most names are turned down before anything is
		// allocated.
		var buf [16]byte
		lw := buf[:len(w)]
		for i := range lw {
			lw[i] = w[i] | 0x20
		}
		key := unsafe.String(&lw[0], len(lw)) // not kept: no copy
		if !relationBefore(text, sp.Start) && !relationSaid(text, sp.End) && !namingBefore(text, sp.Start) {
			// After a title, a name that is no English word nor an
			// eponym, a word or a place of the hand lists ("dr. hussain
			// ... yes hussain"; "dr. parkinson ... parkinson's" stays).
			if !titleBefore(text, sp.Start) {
				continue
			}
			if _, eng := englishWords()[key]; eng {
				continue
			}
			if f, _ := lookupString(key); f&(lxCommon|lxMedical|lxEponymHead|lxEponymName|lxLookalike|lxBrand|lxCity|lxState|lxCountry) != 0 {
				continue
			}
		}
		w = string(lw)
		if slices.Contains(heard, w) || !saidOutside(text, w, spans) || metadataHolds(known, w) {
			continue
		}
		heard = append(heard, w)
	}
	return heard
}

// relationBefore: the word before byte offset off (a comma between
// allowed) is a relation or a role ("my brother bill", "my neighbor,
// hope"): the strongest word a name can follow, the only one a name the
// text gives is taken on ("my old one was yasmin" is a pill).
func relationBefore(text string, off int) bool {
	return flagsOfWordBefore(text, off, false)&lxRelation != 0
}

// namingBefore: the words before byte offset off give a name ("her name's
// precious", "his name is", "named", "called").
func namingBefore(text string, off int) bool {
	w := text[max(0, off-12):off]
	for _, cue := range [...]string{"name's ", "name is ", " named ", " called ", "names "} {
		if len(w) >= len(cue) && strings.EqualFold(w[len(w)-len(cue):], cue) {
			return true
		}
	}
	return false
}

// titleBefore: the word before byte offset off, past a period, is a title
// ("dr. hussain", "Mrs Okafor").
func titleBefore(text string, off int) bool {
	return flagsOfWordBefore(text, off, true)&(lxTitle|lxTitleClin) != 0
}

// flagsOfWordBefore returns the lexicon's flags of the word before byte
// offset off, past spaces and commas (and a period with dot).
func flagsOfWordBefore(text string, off int, dot bool) uint64 {
	e := off
	for e > 0 && (text[e-1] == ' ' || text[e-1] == ',' || dot && text[e-1] == '.') {
		e--
	}
	b := e
	for b > 0 && isLetterByte(text[b-1]) {
		b--
	}
	if b == e || e-b > 16 {
		return 0
	}
	var buf [16]byte
	w := buf[:e-b]
	for i := range w {
		w[i] = text[b+i] | 0x20
	}
	f, _ := lookupString(unsafe.String(&w[0], len(w))) // not kept: no copy
	return f
}

// relationSaid: the words from byte offset off say the name before is a
// relation: " is my landlord", " was our nanny".
func relationSaid(text string, off int) bool {
	if rest := text[off:]; !strings.HasPrefix(rest, " is ") && !strings.HasPrefix(rest, " was ") {
		return false // most names: nothing allocated
	}
	words := strings.Fields(text[off:min(len(text), off+40)])
	if len(words) < 3 || words[0] != "is" && words[0] != "was" {
		return false
	}
	switch words[1] {
	case "my", "our", "his", "her", "their", "your":
	default:
		return false
	}
	r := strings.TrimRight(strings.ToLower(words[2]), ".,;:!?")
	f, _ := lookupString(r)
	return f&lxRelation != 0
}

// saidOutside: the word w (in lower case) occurs in text, as a whole word
// in lower case or capitalized, outside every span.
func saidOutside(text, w string, spans []Span) bool {
	upper := string(w[0]-'a'+'A') + w[1:]
	for _, form := range [2]string{w, upper} {
		for off := 0; ; {
			k := strings.Index(text[off:], form)
			if k < 0 {
				break
			}
			st, en := off+k, off+k+len(form)
			off = en
			if st > 0 && isLetterByte(text[st-1]) || en < len(text) && isLetterByte(text[en]) || spanCovers(spans, st) {
				continue
			}
			return true
		}
	}
	return false
}

// metadataHolds: w is a word of a name the metadata gives.
func metadataHolds(known Known, w string) bool {
	for _, names := range [][]string{known.PatientNames, known.ProviderNames, known.RelativeNames} {
		for _, n := range names {
			for _, f := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '.' }) {
				if strings.EqualFold(f, w) {
					return true
				}
			}
		}
	}
	return false
}

// detect is one pass of Detect: the rules, the tagger, the vetoes of
// identifier-free text and the lower-case reading of a text in capitals;
// and the names after a relation the rules found that the text says again
// (heardNames).
func (d *Detector) detect(text string, known Known) ([]Span, []string) {
	s := d.pool.Get().(*scan)
	defer d.release(s)
	spans := s.rules(d, text, known, d.tagger != nil)
	heard := heardNames(text, spans, known)
	if d.tagger != nil {
		spans = s.addTagged(d.tagger, spans)
	}
	s.acronymAfterPlace(spans)
	s.healthSystems()
	s.stateAfterFacility(spans)
	s.townAfterFacility(spans)
	s.pairedNames()
	s.capitalPairNames()
	s.discourseVocatives()
	s.bedListNames()
	s.confirmedNames()
	s.surnameBeforeCredential(spans)
	s.lateHolidays()
	s.nicknameInName(spans)
	s.initialAfterLastFirst(spans)
	s.chatHandles()
	s.spelledAcrossDash(spans)
	s.surnameAfterFoundName(spans)
	s.coordinatedNames(spans)
	s.addressParts(spans)
	s.groupedPhones()
	s.initialStamps()
	s.patronymNames()
	s.checkDigitAfter(spans)
	s.nameThenRole()
	s.numberAnswers(spans)
	s.givenAfterLastComma(spans)
	s.parenAges(spans)
	s.birthdayAges(spans)
	s.personAges(spans)
	s.ageEchoes(spans)
	s.docMonthDates(spans)
	s.companyPlaces()
	s.lateTokenRules()
	s.facilityTails(spans)
	s.answerBeforeFoundPlace(spans)
	s.answerToWorkQuestion(spans)
	s.answerPlaceList(spans)
	s.subAddressParts()
	s.inPlaceWord(spans)
	s.churchNames(spans)
	s.joinedNames(spans)
	s.letterheadAddress(spans)
	s.irishCounties(spans)
	s.dicomValues()
	s.nameAnswers(spans)
	s.scheduledDays(spans)
	s.fieldLastFirst()
	s.placeBeforeTown(spans)
	s.capsSurnameFirst(spans)
	s.checkCharAfterID(spans)
	s.derivedNames(spans)
	s.selfCorrections(spans)
	s.spanishDigitRuns()
	s.nameAroundGivenName()
	spans = s.afterTagger(spans)
	s.healthBodyHeadAfter(spans)
	spans = s.growOkinaTails(spans)
	spans = s.dropFree(spans)
	spans = s.dropStatePairs(spans)
	spans = s.dropMarksAndNouns(spans)
	spans = s.trimHonorifics(spans)
	spans = s.dropTerms(spans)
	spans = s.dropSegmentsAndRoutes(spans)
	out := make([]Span, len(spans))
	copy(out, spans)
	if capsText(text) {
		out = d.capsAsLower(text, known, out) // capsdoc.go
	}
	// Only names kept, and said again outside what was found.
	heard = slices.DeleteFunc(heard, func(w string) bool {
		return !slices.ContainsFunc(out, func(sp Span) bool { return sp.Type == Name && strings.EqualFold(text[sp.Start:sp.End], w) }) ||
			!saidOutside(text, w, out)
	})
	return out, heard
}

// afterTagger adds the late rules' spans (scan.late) with the tagger on or
// not: where nothing found overlaps them, or in the place of what was
// found inside them ("on [NAME] drive" becomes "on [LOCATION]"); a span
// found reaching out of a late one keeps its place and the late one goes.
func (s *scan) afterTagger(spans []Span) []Span {
	if len(s.late) == 0 {
		return spans
	}
	// By start, the longer first where two start together: the run of a
	// name's words after "name is" over the given name and surname a
	// rule took of it.
	slices.SortFunc(s.late, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	keep := s.lateKeep[:0]
	inside := false
	for _, l := range s.late {
		ok := true
		for _, k := range keep {
			if k.Start < l.End && l.Start < k.End {
				ok = false
				break
			}
		}
		over := false
		for _, sp := range spans {
			if sp.Start < l.End && l.Start < sp.End {
				if sp.Start < l.Start || l.End < sp.End {
					ok = false // a span found reaching out of the late one keeps its place
					break
				}
				over = true
			}
		}
		if ok {
			inside = inside || over
			keep = append(keep, l)
		}
	}
	s.lateKeep = keep
	if len(keep) == 0 {
		return spans
	}
	// The scan's own buffer: detect copies what it returns.
	out := append(s.lateOut[:0], spans...)
	if inside {
		out = slices.DeleteFunc(out, func(sp Span) bool {
			for _, l := range keep {
				if l.Start <= sp.Start && sp.End <= l.End {
					return true
				}
			}
			return false
		})
	}
	out = append(out, keep...)
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	s.lateOut = out
	return out
}

// release returns s to the pool without references to the last text.
// s.lexCache stays: it holds only words from the public lists.
func (d *Detector) release(s *scan) {
	s.text, s.low = "", ""
	clear(s.ttoks)
	if s.known == &s.own {
		s.own.reset() // a compiled index is not this scan's to reset
	}
	s.known = nil
	s.nameSet.reset()
	clear(s.lowerNames)
	clear(s.vetoWords)
	s.vetoWords = s.vetoWords[:0]
	s.eponymUses, s.eponymUsesDone = s.eponymUses[:0], false
	d.pool.Put(s)
}

// rules runs the rule matchers over text and returns their spans.
// With prep it also notes what the tagger needs (scan.notice).
func (s *scan) rules(d *Detector, text string, known Known, prep bool) []Span {
	s.d = d
	s.text = text
	s.dayFirstDoc = 0
	s.low, s.lowBuf = lowerText(text, s.lowBuf)
	s.lowArena = s.lowArena[:0]
	s.year = d.cfg.Now().Year()
	s.web.reset()
	if s.lexCache == nil {
		s.lexCache = new(lexCache)
	}
	s.toks = tokenizeLow(text, s.low, s.toks[:0], &s.web, s.lexCache)
	s.offOK = false // startAt and endAt are of the last text's tokens
	s.titleLine.ok = false
	s.engTok = slices.Grow(s.engTok[:0], len(s.toks))[:len(s.toks)]
	clear(s.engTok)
	s.cands = s.cands[:0]
	s.late = s.late[:0]
	s.marks = s.marks[:0]
	s.decided = s.decided[:0]
	s.ktier = s.ktier[:0] // rebuilt by knownNames; empty until then
	s.lowerTurns = 0
	if prep {
		s.words, s.upperWords = 0, 0
		s.maybe = s.maybe[:0]
		clear(s.lowerSeen[:])
	}
	clear(s.nameBits[:])
	s.dobWords = 0
	s.useKnown(known)

	s.scanWeb()
	s.scanWrapped()
	s.hl7Pass()
	s.tablePass()
	for i := range s.toks {
		t := &s.toks[i]
		switch {
		case t.kind == tkPunct:
			s.punctAt(i)
			if t.ch == '"' || t.ch == '(' || t.ch == ',' {
				s.marks = append(s.marks, int32(i))
			}
		case t.digits():
			s.numberAt(i)
		case t.shape&shDigit != 0:
			if t.n() <= 2 && t.shape&shLetter != 0 && s.ocrDateAt(i) {
				continue
			}
			s.codeAt(i)
			if t.shape&shLetter != 0 && t.n() >= 4 && t.n() <= 5 {
				s.birthdayAge(i)
			}
		default:
			s.wordAt(i)
			if s.labelOrSiteMay(i) {
				s.labelOrSiteAt(i)
			}
			if prep {
				s.notice(i)
			}
		}
	}
	s.speakerTags()
	s.offeredNames()
	s.introducedThisIs()
	s.childAgeAfterName()
	s.spokenBirthdayAges()
	if strings.Contains(s.low, "area code") {
		s.areaCodes()
	}
	s.mdOnDatedLine()
	s.knownPass()
	s.offeredAlternates()
	s.cueNamePass()
	s.namesJoined()
	s.givenNameIsRelation()
	s.doubleGivenNames()
	s.roleNamesLower()
	s.irishSurnames()
	s.staffInitials()
	s.propagateNames()
	s.quotedNicknames()
	s.answerPlaces()
	s.lastCommaFirst()
	s.capsNameLine()
	s.userNamesOfNames()
	s.placeCoordination()
	s.facilityOfExtend()
	s.firstNameBefore()
	s.hyphenTowns()
	s.joinHyphenated()
	s.finishPlaces()
	s.vetoLookalikes()
	spans := s.repeatIDs(s.dateTimes(s.dropPublic(s.extendPlaces(s.resolve()))))
	s.spanBuf = spans[:0]
	return spans
}

// resolve filters name candidates by class and merges overlapping candidates
// into sorted, non-overlapping spans.
func (s *scan) resolve() []Span {
	want := s.d.cfg.Names
	// A name with an explicit class (Dr. X is a clinician) decides for any
	// default-class candidate over the same text.
	cs := s.cands
	sortCandsBuf(cs, &s.ckeys, &s.ctmp) // slices.SortFunc(cs, candCmp), with the comparison inlined
	if want != AllNames {
		// Names of an excluded class (found with explicit evidence) are
		// dropped, and so are default-class names over the same text.
		var drop [][2]int
		for i := range cs {
			if cs[i].t == Name && cs[i].cls&clsExplicit != 0 && cs[i].cls&want == 0 {
				drop = append(drop, [2]int{cs[i].s, cs[i].e})
				cs[i].t = ""
			}
		}
		if len(drop) > 0 {
			// drop is sorted by start; maxEnd[k] is the furthest end among drop[:k+1].
			maxEnd := make([]int, len(drop))
			for k, iv := range drop {
				maxEnd[k] = iv[1]
				if k > 0 && maxEnd[k-1] > iv[1] {
					maxEnd[k] = maxEnd[k-1]
				}
			}
			for j := range cs {
				if cs[j].t != Name || cs[j].cls&clsExplicit != 0 {
					continue
				}
				// First interval starting at or after cs[j].s; it overlaps if it
				// starts before cs[j].e, and one before it overlaps if it ends
				// after cs[j].s.
				k, _ := slices.BinarySearchFunc(drop, cs[j].s, func(iv [2]int, s int) int { return iv[0] - s })
				if k < len(drop) && drop[k][0] < cs[j].e || k > 0 && maxEnd[k-1] > cs[j].s {
					cs[j].t = ""
				}
			}
		}
	}
	out := s.spanBuf[:0]
	var cur cand
	have := false
	for _, c := range cs {
		if c.t == "" || c.s >= c.e {
			continue
		}
		if have && c.s < cur.e {
			if c.prio > cur.prio || c.prio == cur.prio && c.e-c.s > cur.e-cur.s {
				cur.t, cur.prio = c.t, c.prio
			}
			if c.e > cur.e {
				cur.e = c.e
			}
			continue
		}
		if have {
			out = append(out, Span{Start: cur.s, End: cur.e, Type: cur.t})
		}
		cur, have = c, true
	}
	if have {
		out = append(out, Span{Start: cur.s, End: cur.e, Type: cur.t})
	}
	return out
}

// Token navigation helpers. All return -1 when there is no such token.

// next returns i+1 if that token exists and is on the same line.
func (s *scan) next(i int) int {
	if i+1 < len(s.toks) && s.toks[i+1].gap != gapLine {
		return i + 1
	}
	return -1
}

// adj returns i+1 if that token touches token i (no whitespace between).
func (s *scan) adj(i int) int {
	if i+1 < len(s.toks) && s.toks[i+1].gap == gapNone {
		return i + 1
	}
	return -1
}

func (s *scan) tok(i int) *token {
	if i < 0 || i >= len(s.toks) {
		return nil
	}
	return &s.toks[i]
}

func (s *scan) str(i int) string { return s.text[s.toks[i].s:s.toks[i].e] }

// lower returns the text of token i with ASCII letters in lower case.
// Every token lies inside the text and low has the text's length, so the
// string is made without the slice's bounds checks: this is the most
// called function of the detector.
func (s *scan) lower(i int) string {
	t := &s.toks[i]
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s.low)), t.s)), int(t.e-t.s))
}

// lowerAny is lower for any token, non-ASCII letters included.
func (s *scan) lowerAny(i int) string {
	if s.toks[i].shape&shNonASCII != 0 {
		return s.toLower(s.str(i))
	}
	return s.lower(i)
}

// toLower is strings.ToLower with the lower-case copy, when there is one
// to make, written into s.lowArena instead of a string of its own: the
// string it returns is valid until the arena is reset (the next Detect
// with this scan), like s.low.
func (s *scan) toLower(w string) string {
	if !changesLower(w) {
		return w
	}
	st := len(s.lowArena)
	s.lowArena = appendLower(s.lowArena, w)
	return unsafe.String(&s.lowArena[st], len(s.lowArena)-st)
}

// changesLower reports whether strings.ToLower(w) differs from w (or may:
// invalid UTF-8 becomes U+FFFD).
func changesLower(w string) bool {
	for _, r := range w {
		if r == utf8.RuneError || unicode.ToLower(r) != r {
			return true
		}
	}
	return false
}

// appendLower appends strings.ToLower(w) to b: every rune lower-cased,
// each invalid byte written as U+FFFD, as strings.Map writes it.
func appendLower(b []byte, w string) []byte {
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// lowerText is asciiLower into a reusable buffer: the string it returns
// shares buf's memory and is valid until buf is written again (the next
// Detect with this scan), so it must not outlive the call.
func lowerText(text string, buf []byte) (string, []byte) {
	i := firstUpper(text)
	if i < 0 {
		return text, buf
	}
	buf = append(buf[:0], text...)
	// Eight bytes at a time: a byte from 'A' to 'Z' gets bit 0x20 set.
	j := i
	for ; j+8 <= len(buf); j += 8 {
		x := binary.LittleEndian.Uint64(buf[j:])
		binary.LittleEndian.PutUint64(buf[j:], x|upperMask(x)>>2)
	}
	for ; j < len(buf); j++ {
		if c := buf[j]; c >= 'A' && c <= 'Z' {
			buf[j] = c + 'a' - 'A'
		}
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), buf
}

// upperMask has bit 7 of each byte of x set where that byte is an ASCII
// capital letter ('A' to 'Z'), and no other bit.
func upperMask(x uint64) uint64 {
	const low7, high = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	y := x & low7
	ge := y + 0x3f3f3f3f3f3f3f3f // bit 7 set where y >= 'A' (0x41 + 0x3f = 0x80)
	gt := y + 0x2525252525252525 // bit 7 set where y > 'Z' (0x5b + 0x25 = 0x80)
	return ge &^ gt &^ x & high
}

// firstUpper returns the offset of the first ASCII capital in text, or -1.
func firstUpper(text string) int {
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		if upperMask(x) != 0 {
			break
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			return i
		}
	}
	return -1
}

// asciiLower folds ASCII letters only, so offsets stay the same.
func asciiLower(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			b := []byte(text)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return text
}

// eq reports whether token i is the word w (w lower case).
func (s *scan) eq(i int, w string) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	return int(t.e-t.s) == len(w) && s.low[t.s:t.e] == w
}

// num returns the value of an all-digit token (capped) and its length.
func (s *scan) num(i int) (int, int) {
	t := s.toks[i]
	v := 0
	for k := t.s; k < t.e; k++ {
		if v < 1e9 {
			v = v*10 + int(s.text[k]-'0')
		}
	}
	return v, int(t.e - t.s)
}

// prevWords walks back from token i over at most n tokens and reports
// whether any word carries one of the flags. It does not cross a line.
func (s *scan) cueBefore(i int, flags uint64, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if s.toks[k+1].gap == gapLine {
			return false
		}
		if s.toks[k].lex&flags != 0 {
			return true
		}
	}
	return false
}

// wordBefore reports whether one of the words ws occurs within n tokens
// before token i on the same line.
func (s *scan) wordBefore(i int, n int, ws ...string) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if s.toks[k+1].gap == gapLine {
			return false
		}
		if s.toks[k].kind != tkWord {
			continue
		}
		for _, w := range ws {
			if s.eq(k, w) {
				return true
			}
		}
	}
	return false
}

// repeatIDs finds again, anywhere in the text and in any case, an
// identifier already found once: the number read back to confirm it ("the
// claim number is w c two five dash eight eight one four" ... "yeah w c two
// five dash eight eight one four"), the MRN written again without its cue.
// Only identifiers of six characters or more are searched, so that a short
// number found once ("#7741") does not take every other "7741" with it.
// One walk over the tokens serves every identifier: each is looked for only
// where a token spells its longest token (its most telling part: "4567" of
// "(555) 010-4567", not "("), so a table of thousands of identifiers costs
// one pass, not one search of the text per identifier.
func (s *scan) repeatIDs(spans []Span) []Span {
	needles := s.needles[:0]
	for k, sp := range spans {
		if !repeatableType(sp.Type) || sp.End-sp.Start < 6 {
			continue
		}
		a, b := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if a < 0 || b < a {
			continue
		}
		key := -1
		for t := a; t <= b; t++ {
			if s.toks[t].kind != tkPunct && (key < 0 || s.toks[t].n() >= s.toks[key].n()) {
				key = t
			}
		}
		if key < 0 {
			continue
		}
		w := s.low[s.toks[key].s:s.toks[key].e]
		needles = append(needles, needle{key: w, k: k, off: int(s.toks[key].s) - sp.Start})
	}
	s.needles = needles
	if len(needles) == 0 {
		return spans
	}
	// The needles sorted by key, those of one key in span order, are
	// looked up by binary search: no map to build for every text.
	slices.SortStableFunc(needles, func(a, b needle) int { return strings.Compare(a.key, b.key) })
	// A token is looked up only if a key has its length and first byte:
	// nearly every token fails these two tests, and the map's hashing
	// of every word of the text cost more than the rest of the pass.
	var lens uint64
	var firsts [4]uint64
	for _, nd := range needles {
		w := nd.key
		lens |= 1 << min(len(w), 63)
		firsts[w[0]>>6] |= 1 << (w[0] & 63)
	}
	n, added := len(spans), false
	for i := range s.toks {
		t := &s.toks[i]
		if t.kind == tkPunct || lens&(1<<min(t.n(), 63)) == 0 || firsts[s.low[t.s]>>6]&(1<<(s.low[t.s]&63)) == 0 {
			continue
		}
		w := s.low[t.s:t.e]
		j, _ := slices.BinarySearchFunc(needles, w, func(nd needle, w string) int { return strings.Compare(nd.key, w) })
		for ; j < len(needles) && needles[j].key == w; j++ {
			nd := needles[j]
			sp := spans[nd.k]
			st := int(t.s) - nd.off
			en := st + sp.End - sp.Start
			if st < 0 || st == sp.Start || en > len(s.low) || st > 0 && isWordByte(s.low[st-1]) ||
				en < len(s.low) && isWordByte(s.low[en]) || s.low[st:en] != s.low[sp.Start:sp.End] || overlapsAny(spans, n, st, en) {
				continue
			}
			spans = append(spans, Span{Start: st, End: en, Type: sp.Type})
			added = true
			break
		}
	}
	clear(s.needles) // no references to the text past this call
	if added {
		slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	}
	return spans
}

// needle is an identifier repeatIDs looks for: the lower-case text of its
// longest token, the index of its span and the offset of that token in it.
type needle struct {
	key    string
	k, off int
}

// repeatableType reports the identifier types repeatIDs looks for again:
// numbers and codes, not names, places or dates (those have their own
// ways).
func repeatableType(t Type) bool {
	switch t {
	case Phone, Fax, Email, SSN, MRN, HealthPlan, Account, License, Vehicle, Device, URL, IP, Biometric, ID:
		return true
	}
	return false
}

// overlapsAny: a span of spans overlaps st..en. spans[:n] are sorted and
// do not overlap each other (a binary search finds the one candidate
// there); the few appended after n are compared one by one.
func overlapsAny(spans []Span, n, st, en int) bool {
	k, _ := slices.BinarySearchFunc(spans[:n], en, func(sp Span, e int) int { return sp.Start - e })
	if k > 0 && spans[k-1].End > st {
		return true // the last span starting before en
	}
	for _, sp := range spans[n:] {
		if sp.Start < en && st < sp.End {
			return true
		}
	}
	return false
}
