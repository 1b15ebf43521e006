package tagger

// Label is a token's BIO label.
type Label uint8

// The labels. NumLabels is how many there are.
const (
	O Label = iota
	BName
	IName
	BLoc
	ILoc
	NumLabels
)

var labelNames = [NumLabels]string{"O", "B-NAME", "I-NAME", "B-LOC", "I-LOC"}

func (l Label) String() string {
	if l < NumLabels {
		return labelNames[l]
	}
	return "?"
}

// Kind is the entity a label belongs to, also used for what the rules found
// on a token.
type Kind uint8

// The kinds. KindOther is any identifier the rules found that is neither a
// name nor a place (a date, a phone number, ...).
const (
	KindNone Kind = iota
	KindName
	KindLoc
	KindOther
)

// Kind returns the entity of l.
func (l Label) Kind() Kind {
	switch l {
	case BName, IName:
		return KindName
	case BLoc, ILoc:
		return KindLoc
	}
	return KindNone
}

// Begin reports whether l starts an entity.
func (l Label) Begin() bool { return l == BName || l == BLoc }

// Lex is a set of lexicon classes of a word. The caller fills it from its
// own word lists; the tagger only names the classes.
type Lex uint16

// Lexicon classes. The ...Amb classes mark entries that are also ordinary
// words or names of another kind ("Dawn", "Hope", "Reading").
const (
	LexGiven Lex = 1 << iota
	LexGivenAmb
	LexSurname
	LexSurnameAmb
	LexCity
	LexCityAmb
	LexFacility // a word that ends facility names: Hospital, Clinic, Health
	LexCommon   // an ordinary English word
	LexMedical  // a clinical word
	LexTitle    // Mr, Dr, Mrs
	LexRelation // wife, son, daughter
	LexRegion   // a state or a country
	LexTime     // a month or weekday
	LexLookalike
	LexParticle // van, de, la
	LexStreet   // a street suffix
)

// Cue is a set of position cues of a token, worked out by the caller.
type Cue uint16

// Position cues.
const (
	CueLineStart  Cue = 1 << iota // first word on its line (after a timestamp)
	CueSentStart                  // first word of a sentence
	CueAfterTitle                 // after Mr, Dr, Mrs (a period skipped)
	CueAfterRel                   // after a relation word (wife, son)
	CueAfterPrep                  // after at, from, to, in, near
	CueAfterGreet                 // within two words after hi, hey, hello, morning, thanks, bye, dear
	CueAfterTag                   // first word after a speaker tag ("doctor:", "[patient]")
	CueDocLower                   // the document is written in lower case (speech recognition)
	CueLineEnd                    // last word on its line
	CueBeforeFac                  // the next word ends facility names (Hospital, Clinic, Health)
	// CueGap: words before this one were left out of the sequence (they
	// are far from any candidate). The previous label is taken as O and
	// the window of neighbours stops here, as at a line start.
	CueGap
	// CueLowerElsewhere: the word also occurs in lower case in the text, so
	// a capitalized occurrence is likely an ordinary word at a sentence or
	// label start.
	CueLowerElsewhere
	// CueAfterEntity: the word before, in the same sentence, is a candidate
	// or a place the rules found: a capitalized word here may continue it
	// ("Riverside Mental Health Services").
	CueAfterEntity
	// CueBeforeName: the next word, past any initials and periods, is
	// capitalized ("R. Alvarez", "J.P. Okafor"; not "D.O.B. 1941", "E. coli").
	CueBeforeName
)

// Token is one word of the text. Punctuation is not a token; the marks
// touching a word are in Before and After. A caller may leave out words
// that are neither candidates nor within two words of one (see Candidate),
// marking the next word it keeps with CueGap: the labels are the same.
type Token struct {
	// Text is the word as written (letters and digits only).
	Text string
	// Hash is WordHash(Text), or zero to let the tagger compute it.
	Hash uint32
	// Shape is the word's case pattern and length: MakeShape from the
	// caller's tokenizer, or ShapeOf(Text).
	Shape uint8
	// Lex are the word's lexicon classes.
	Lex Lex
	// Cue are its position cues.
	Cue Cue
	// Rule is what the rule detector found on this word. A word with a rule
	// kind other than KindNone is not scored: it takes its label from the
	// rule.
	Rule Kind
	// Before and After are the punctuation marks right before and after the
	// word (ASCII, typographic quotes and dashes folded), 0 if none.
	Before, After byte
}

// WordHash is the 32-bit FNV-1a hash of w with ASCII letters folded to
// lower case.
func WordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}
