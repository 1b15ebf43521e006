package encounter

import (
	"fmt"
	"slices"
	"strings"
)

// Reasons a part of the source is not in the draft. They are content-free
// codes (counts per reason may be logged and audited).
const (
	ReasonClinical       = "clinical_not_used" // clinical content the draft does not carry
	ReasonSmallTalk      = "small_talk"        // greeting or small talk
	ReasonCommand        = "device_command"    // a command to the recording device or dictation software
	ReasonFiller         = "filler"            // filler words, back-channel ("mm-hmm", "okay")
	ReasonRepeated       = "repeated"          // says again what the source said before
	ReasonAdministrative = "administrative"    // identity checks, scheduling, insurance, billing, parking
)

// Reasons lists every reason, clinical first, in the order a reader is shown them.
var Reasons = []string{ReasonClinical, ReasonRepeated, ReasonAdministrative, ReasonCommand, ReasonSmallTalk, ReasonFiller}

var reasonTitle = map[string]string{
	ReasonClinical:       "clinical content not used",
	ReasonSmallTalk:      "greeting or small talk",
	ReasonCommand:        "device or dictation command",
	ReasonFiller:         "filler",
	ReasonRepeated:       "repeated",
	ReasonAdministrative: "administrative",
}

// ReasonTitle is the words a reader is shown for a reason code.
func ReasonTitle(reason string) string {
	if t, ok := reasonTitle[reason]; ok {
		return t
	}
	return reason
}

// Omission is one part of the source the draft does not cite: a whole
// segment, or one sentence of a segment whose other sentences the draft
// uses.
type Omission struct {
	Segment string `json:"segment"`
	// Part is the 1-based sentence of the segment (source.Sentences) that
	// is not used; 0 means the whole segment.
	Part   int    `json:"part,omitempty"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Coverage says what of the source a draft version uses. Every source
// segment is either cited by a sentence of the draft or listed here with a
// reason; clinical content not used comes first. It is computed by the AI
// gateway for every provider (pipeline/ai.CheckDraft) and again for every
// edit.
type Coverage struct {
	// ClinicalNotUsed is clinical content of the source the draft does not
	// carry, in source order. A reader sees it first.
	ClinicalNotUsed []Omission `json:"clinical_not_used"`
	// NotUsed is everything else left out, each with its reason.
	NotUsed []Omission `json:"not_used"`
	// Segments is how many source segments there are; Cited how many of
	// them a sentence cites (a question counts as cited when the draft
	// cites the answer that follows it).
	Segments int `json:"segments"`
	Cited    int `json:"cited"`
}

// Omissions returns every listed omission, clinical first.
func (c *Coverage) Omissions() []Omission {
	if c == nil {
		return nil
	}
	return append(slices.Clip(c.ClinicalNotUsed), c.NotUsed...)
}

// Count returns how many omissions have the reason.
func (c *Coverage) Count(reason string) int {
	n := 0
	for _, o := range c.Omissions() {
		if o.Reason == reason {
			n++
		}
	}
	return n
}

// Listed returns the omission of segment (and part), if listed.
func (c *Coverage) Listed(segment string, part int) (Omission, bool) {
	for _, o := range c.Omissions() {
		if o.Segment == segment && o.Part == part {
			return o, true
		}
	}
	return Omission{}, false
}

// writeText renders the list for Draft.Text.
func (c *Coverage) writeText(b *strings.Builder) {
	listed := map[string]bool{}
	for _, o := range c.Omissions() {
		if o.Part == 0 {
			listed[o.Segment] = true
		}
	}
	fmt.Fprintf(b, "NOT IN THE DRAFT — read before signing (%d of %d source segments cited)\n", c.Cited, c.Segments)
	if len(c.ClinicalNotUsed) == 0 {
		b.WriteString("  Clinical content not used: none\n")
	} else {
		fmt.Fprintf(b, "  Clinical content not used (%d):\n", len(c.ClinicalNotUsed))
		for _, o := range c.ClinicalNotUsed {
			b.WriteString("  ! " + o.Text + " [" + o.ref() + "]\n")
		}
	}
	for _, r := range Reasons[1:] {
		var items []Omission
		for _, o := range c.NotUsed {
			if o.Reason == r {
				items = append(items, o)
			}
		}
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(b, "  Left out as %s (%d):\n", ReasonTitle(r), len(items))
		for _, o := range items {
			b.WriteString("    - " + o.Text + " [" + o.ref() + "]\n")
		}
	}
	b.WriteString("\n")
}

func (o Omission) ref() string {
	if o.Part == 0 {
		return o.Segment
	}
	return fmt.Sprintf("%s#%d", o.Segment, o.Part)
}

// PullIn returns a copy of the draft's sections with a listed omission
// added to the end of the section key, as one sentence citing its segment:
// the edit that takes something from "Not in the draft" into the note.
// Store the result as a new version (an edit); the new version's coverage
// no longer lists it.
func (d *Draft) PullIn(segment string, part int, sectionKey string) ([]Section, error) {
	o, ok := d.NotInDraft.Listed(segment, part)
	if !ok {
		return nil, fmt.Errorf("encounter.PullIn: %s part %d is not listed as not in the draft", segment, part)
	}
	out := make([]Section, len(d.Sections))
	found := false
	for i, s := range d.Sections {
		s.Sentences = slices.Clone(s.Sentences)
		if s.Key == sectionKey {
			found = true
			s.Sentences = append(s.Sentences, Sentence{Text: o.Text, Evidence: []string{o.Segment}})
		}
		out[i] = s
	}
	if !found {
		return nil, fmt.Errorf("encounter.PullIn: the draft has no section %q", sectionKey)
	}
	return out, nil
}
