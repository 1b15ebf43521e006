package encounter

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// DraftStatus is where a draft version stands in review. Values follow FHIR
// DocumentReference.docStatus where one exists.
type DraftStatus string

const (
	DraftPreliminary    DraftStatus = "preliminary" // AI output, not reviewed
	DraftFinal          DraftStatus = "final"       // signed by a clinician as generated
	DraftAmended        DraftStatus = "amended"     // edited, then signed
	DraftRejected       DraftStatus = "rejected"
	DraftEnteredInError DraftStatus = "entered-in-error"
	// DraftSuperseded: a later version was signed; this one is kept but is
	// no longer the note (FHIR DocumentReference.status "superseded").
	DraftSuperseded DraftStatus = "superseded"
)

// MethodHuman is Label.Method of a version a clinician wrote by hand
// (human documentation): no AI made any of it.
const MethodHuman = "human"

// SecurityLabelAIAST is the HL7 v3 ObservationValue code for "artificial
// intelligence asserted": content produced by an AI system.
const SecurityLabelAIAST = "AIAST"

// Banner starts every text rendering of an unsigned AI draft.
const Banner = "AI-generated draft — not yet reviewed by a clinician"

// Flags a sentence can carry for the reviewer.
const (
	FlagUnsupported = "unsupported" // no lexical support in the cited segments
	FlagNoEvidence  = "no_evidence" // cites no existing segment
	// FlagFactMismatch: a number, dose, drug name, laterality, negation or
	// time expression of the sentence is not in (or entailed by) the
	// segments it cites; Sentence.Mismatches says which.
	FlagFactMismatch = "fact_mismatch"
)

// Fact kinds a Mismatch names. They are content-free codes: counts per kind
// may be logged and audited, the Mismatch's text may not.
const (
	FactNumber     = "number"     // a number or measurement with its unit
	FactDose       = "dose"       // a dose (number with a drug unit) or how often it is taken
	FactDrug       = "drug"       // a medicine's name
	FactLaterality = "laterality" // left, right, both sides
	FactNegation   = "negation"   // present or absent, reported or denied
	FactTime       = "time"       // a time expression (yesterday, last night, Monday)
)

// Mismatch is one fact of a sentence its cited segments do not hold. It
// quotes content, so it lives with the draft (encrypted) and never in logs
// or audit entries.
type Mismatch struct {
	Kind string `json:"kind"` // a Fact* code
	// Text is what the sentence says ("250 mg", "left", "reports chest pain").
	Text string `json:"text"`
	// Source is what the cited segments say instead, when they say
	// something of the same kind ("500 mg", "right", "denies chest pain").
	Source string `json:"source,omitempty"`
}

// String renders the mismatch for a reader.
func (m Mismatch) String() string {
	if m.Source == "" {
		return fmt.Sprintf("%s %q not in the cited source", m.Kind, m.Text)
	}
	return fmt.Sprintf("%s %q, source says %q", m.Kind, m.Text, m.Source)
}

// Sentence is one sentence of a draft with the segments it rests on.
type Sentence struct {
	Text     string   `json:"text"`
	Evidence []string `json:"evidence"`
	Flags    []string `json:"flags,omitempty"`
	// Mismatches say what made the sentence FlagFactMismatch.
	Mismatches []Mismatch `json:"mismatches,omitempty"`
}

// Section is one part of a note (Subjective, Plan, ...).
type Section struct {
	Key       string     `json:"key"`
	Title     string     `json:"title"`
	Sentences []Sentence `json:"sentences"`
}

// Label records how a draft was made. It is never dropped: a signed draft
// keeps it and adds who verified it.
type Label struct {
	AIGenerated   bool      `json:"ai_generated"`
	SecurityLabel string    `json:"security_label"` // AIAST
	Provider      string    `json:"provider"`
	Model         string    `json:"model"`
	PromptVersion string    `json:"prompt_version"`
	InputSHA256   string    `json:"input_sha256"`
	Method        string    `json:"method,omitempty"` // e.g. "offline-extractive"
	Notice        string    `json:"notice,omitempty"` // shown under the banner
	GeneratedAt   time.Time `json:"generated_at"`
	VerifiedBy    string    `json:"verified_by,omitempty"`
	VerifiedAt    time.Time `json:"verified_at,omitzero"`
	// What the AI call cost, for the de-identified aggregates.
	TokensIn  int   `json:"tokens_in,omitempty"`
	TokensOut int   `json:"tokens_out,omitempty"`
	LatencyMS int64 `json:"latency_ms,omitempty"`
}

// Draft is one immutable version of a note.
type Draft struct {
	EncounterID string      `json:"encounter_id"`
	Version     int         `json:"version"`
	Status      DraftStatus `json:"status"`
	Template    string      `json:"template"`
	// NotInDraft lists every part of the source the sections do not cite,
	// clinical content first. It comes before the sections in the JSON and
	// in Text, so a reader meets it before the note; the content hash a
	// sign-off binds to covers it. Nil for versions made before coverage
	// existed.
	NotInDraft    *Coverage `json:"not_in_draft,omitempty"`
	Sections      []Section `json:"sections"`
	Label         Label     `json:"label"`
	ContentSHA256 string    `json:"content_sha256"`
	CreatedAt     time.Time `json:"created_at"`
	CreatedBy     string    `json:"created_by"` // "ai:<provider>" or a clinician ID
	Parent        int       `json:"parent,omitempty"`
}

// ComputeContentHash fills ContentSHA256 from what a sign-off binds to:
// the sections and, when the version has one, the "Not in the draft" list
// the signer was shown — a clinician attests to the note and to having
// seen what it leaves out. A version without the list hashes its sections
// alone, as versions always did, so stored hashes stay valid.
func (d *Draft) ComputeContentHash() {
	var b []byte
	if d.NotInDraft == nil {
		b, _ = json.Marshal(d.Sections)
	} else {
		b, _ = json.Marshal(struct {
			Sections   []Section `json:"sections"`
			NotInDraft *Coverage `json:"not_in_draft"`
		}{d.Sections, d.NotInDraft})
	}
	sum := sha256.Sum256(b)
	d.ContentSHA256 = hex.EncodeToString(sum[:])
}

// HumanBanner starts every text rendering of a version a clinician wrote
// by hand.
const HumanBanner = "Clinician-authored note — written by a person; no AI was used"

// Human reports whether a clinician wrote this version by hand (human
// documentation): no AIAST label, not AI-generated.
func (d *Draft) Human() bool { return !d.Label.AIGenerated && d.Label.Method == MethodHuman }

// Text renders the draft for a terminal or a plain-text export. An unsigned
// AI draft starts with the banner; evidence tags and review flags follow
// each sentence.
func (d *Draft) Text() string { return d.render(true) }

// PatientText renders the draft as a patient sees it: the same header and
// sentences, without evidence tags, review flags or the clinician's "Not
// in the draft" list (the explanation is the way to see sources).
func (d *Draft) PatientText() string { return d.render(false) }

func (d *Draft) render(evidence bool) string {
	var b strings.Builder
	signed := d.Label.VerifiedBy != ""
	switch {
	case d.Human() && signed:
		fmt.Fprintf(&b, "%s — signed by %s on %s (status: %s)\n\n", HumanBanner,
			d.Label.VerifiedBy, d.Label.VerifiedAt.UTC().Format(time.RFC3339), d.Status)
	case d.Human():
		fmt.Fprintf(&b, "%s — not yet signed (status: %s)\n\n", HumanBanner, d.Status)
	case d.Label.AIGenerated && !signed && d.Status != DraftPreliminary && d.Status != "":
		fmt.Fprintf(&b, "AI-generated draft — never signed (status: %s)\n\n", d.Status)
	case d.Label.AIGenerated && !signed:
		b.WriteString(Banner + "\n")
		if d.Label.Notice != "" {
			b.WriteString(d.Label.Notice + "\n")
		}
		b.WriteString("\n")
	case d.Label.AIGenerated:
		fmt.Fprintf(&b, "AI-assisted note — reviewed and signed by %s on %s (status: %s)\n\n",
			d.Label.VerifiedBy, d.Label.VerifiedAt.UTC().Format(time.RFC3339), d.Status)
	}
	// Until a clinician signs, what the draft leaves out comes before the
	// note, so it is read before the signature's attestation is given.
	if evidence && d.NotInDraft != nil && d.Label.VerifiedBy == "" {
		d.NotInDraft.writeText(&b)
	}
	for _, s := range d.Sections {
		b.WriteString(s.Title + "\n")
		if len(s.Sentences) == 0 {
			b.WriteString("  (nothing found in the source)\n")
		}
		for _, sent := range s.Sentences {
			b.WriteString("  - " + sent.Text)
			if evidence && len(sent.Evidence) > 0 {
				b.WriteString(" [" + strings.Join(sent.Evidence, ", ") + "]")
			}
			if evidence {
				for _, f := range sent.Flags {
					b.WriteString(" {" + f + "}")
				}
			}
			if evidence {
				for _, m := range sent.Mismatches {
					b.WriteString(" {" + m.String() + "}")
				}
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// WithoutEvidence returns a copy of the draft whose sentences carry no
// evidence links, review flags or fact-check mismatches, and without the
// "Not in the draft" list (segment texts and tags for the signer): what a
// patient is shown. The content hash stays the stored version's (what its
// signature binds to).
func (d *Draft) WithoutEvidence() *Draft {
	c := *d
	c.NotInDraft = nil
	c.Sections = make([]Section, len(d.Sections))
	for i, sec := range d.Sections {
		c.Sections[i] = Section{Key: sec.Key, Title: sec.Title, Sentences: make([]Sentence, len(sec.Sentences))}
		for j, sent := range sec.Sentences {
			c.Sections[i].Sentences[j] = Sentence{Text: sent.Text, Evidence: []string{}}
		}
	}
	return &c
}
