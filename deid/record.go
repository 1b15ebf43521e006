package deid

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"
)

// DefaultMinCell is the smallest count an aggregate may publish: cells
// counting fewer records are suppressed (see SuppressSmallCells).
const DefaultMinCell = 11

// RecordInput is what one AI draft contributes to the aggregates a clinic
// uses to improve its models and prompts. Categorical fields must be codes
// (template IDs, model names), never free text about a patient; free text
// goes in Comment and is redacted.
type RecordInput struct {
	TemplateID    string
	Model         string
	Provider      string // the AI provider, not a clinician
	PromptVersion string
	Year          int // year of the encounter; Safe Harbor allows the year alone

	Sentences            int
	UnsupportedSentences int     // sentences flagged as not supported by the transcript
	SignedUnchanged      bool    // signed off without edits
	EditRatio            float64 // edit distance between draft and signed note over draft length, 0..1
	ReviewRequested      bool
	ReviewOutcome        string // a code such as "upheld", "corrected"; empty if none
	Flags                []string
	PromptTokens         int
	CompletionTokens     int
	Latency              time.Duration

	// Comment is free text (a reviewer's note); it is redacted.
	Comment string
}

// Record is a de-identified aggregation record. Its fields are unexported and
// the only way to make a valid one is Detector.NewRecord, which redacts free
// text and refuses categorical values that carry identifiers: an aggregation
// function that takes Record can therefore only ever see de-identified data.
// The zero Record is not Valid.
type Record struct {
	valid            bool
	templateID       string
	model            string
	provider         string
	promptVersion    string
	year             int
	sentences        int
	unsupported      int
	signedUnchanged  bool
	editRatio        float64
	reviewRequested  bool
	reviewOutcome    string
	flags            []string
	promptTokens     int
	completionTokens int
	latency          time.Duration
	comment          string
}

// ErrIdentifyingField is returned by NewRecord when a categorical field
// contains an identifier; the error names the field, never its value.
var ErrIdentifyingField = errors.New("deid: categorical field contains an identifier")

// maxCategory bounds categorical values: codes are short.
const maxCategory = 128

// NewRecord builds a Record from in: the comment is redacted, categorical
// fields are checked (an identifier in one is an error, since redacting it
// would split an aggregate cell), and numbers are range-checked.
func (d *Detector) NewRecord(in RecordInput, known Known) (Record, error) {
	cats := []struct{ name, v string }{
		{"TemplateID", in.TemplateID}, {"Model", in.Model}, {"Provider", in.Provider},
		{"PromptVersion", in.PromptVersion}, {"ReviewOutcome", in.ReviewOutcome},
	}
	for _, f := range in.Flags {
		cats = append(cats, struct{ name, v string }{"Flags", f})
	}
	for _, c := range cats {
		if len(c.v) > maxCategory {
			return Record{}, fmt.Errorf("deid.NewRecord: %s longer than %d bytes", c.name, maxCategory)
		}
		if len(d.Detect(c.v, known)) > 0 {
			return Record{}, fmt.Errorf("deid.NewRecord: %s: %w", c.name, ErrIdentifyingField)
		}
	}
	switch {
	case in.TemplateID == "" || in.Model == "" || in.Provider == "":
		return Record{}, errors.New("deid.NewRecord: TemplateID, Model and Provider are required")
	case in.Sentences < 0 || in.UnsupportedSentences < 0 || in.UnsupportedSentences > in.Sentences:
		return Record{}, errors.New("deid.NewRecord: sentence counts out of range")
	case in.PromptTokens < 0 || in.CompletionTokens < 0 || in.Latency < 0:
		return Record{}, errors.New("deid.NewRecord: negative tokens or latency")
	case math.IsNaN(in.EditRatio) || in.EditRatio < 0 || in.EditRatio > 1:
		return Record{}, errors.New("deid.NewRecord: EditRatio outside 0..1")
	case in.Year != 0 && (in.Year < 1900 || in.Year > d.Now().Year()+1):
		return Record{}, errors.New("deid.NewRecord: Year out of range")
	}
	year := in.Year
	if year != 0 && year <= d.Now().Year()-90 {
		year = 0 // a year that old could imply an age over 89
	}
	comment := ""
	if in.Comment != "" {
		comment = d.Redact(in.Comment, d.Detect(in.Comment, known))
	}
	return Record{
		valid: true, templateID: in.TemplateID, model: in.Model, provider: in.Provider,
		promptVersion: in.PromptVersion, year: year, sentences: in.Sentences,
		unsupported: in.UnsupportedSentences, signedUnchanged: in.SignedUnchanged, editRatio: in.EditRatio,
		reviewRequested: in.ReviewRequested, reviewOutcome: in.ReviewOutcome,
		flags: append([]string(nil), in.Flags...), promptTokens: in.PromptTokens,
		completionTokens: in.CompletionTokens, latency: in.Latency, comment: comment,
	}, nil
}

// Valid reports whether r was made by NewRecord. Aggregation must reject
// records that are not Valid (the zero Record).
func (r Record) Valid() bool { return r.valid }

// Accessors. Each returns the de-identified value.
func (r Record) TemplateID() string        { return r.templateID }
func (r Record) Model() string             { return r.model }
func (r Record) Provider() string          { return r.provider }
func (r Record) PromptVersion() string     { return r.promptVersion }
func (r Record) Year() int                 { return r.year }
func (r Record) Sentences() int            { return r.sentences }
func (r Record) UnsupportedSentences() int { return r.unsupported }
func (r Record) SignedUnchanged() bool     { return r.signedUnchanged }
func (r Record) EditRatio() float64        { return r.editRatio }
func (r Record) ReviewRequested() bool     { return r.reviewRequested }
func (r Record) ReviewOutcome() string     { return r.reviewOutcome }
func (r Record) Flags() []string           { return append([]string(nil), r.flags...) }
func (r Record) PromptTokens() int         { return r.promptTokens }
func (r Record) CompletionTokens() int     { return r.completionTokens }
func (r Record) Latency() time.Duration    { return r.latency }
func (r Record) Comment() string           { return r.comment }

// SuppressSmallCells returns the cells whose count is at least k and how
// many it dropped. k <= 0 means DefaultMinCell. Every aggregate output must
// go through it. Totals must be computed from the kept cells (or published
// rounded), or a suppressed cell can be recovered by subtraction.
func SuppressSmallCells[C any](cells []C, k int, count func(C) int) (kept []C, suppressed int) {
	if k <= 0 {
		k = DefaultMinCell
	}
	for _, c := range cells {
		if count(c) < k {
			suppressed++
			continue
		}
		kept = append(kept, c)
	}
	return kept, suppressed
}

// recordJSON is a Record's stored form.
type recordJSON struct {
	TemplateID       string        `json:"template_id"`
	Model            string        `json:"model"`
	Provider         string        `json:"provider"`
	PromptVersion    string        `json:"prompt_version,omitempty"`
	Year             int           `json:"year,omitempty"`
	Sentences        int           `json:"sentences"`
	Unsupported      int           `json:"unsupported_sentences"`
	SignedUnchanged  bool          `json:"signed_unchanged"`
	EditRatio        float64       `json:"edit_ratio"`
	ReviewRequested  bool          `json:"review_requested"`
	ReviewOutcome    string        `json:"review_outcome,omitempty"`
	Flags            []string      `json:"flags,omitempty"`
	PromptTokens     int           `json:"prompt_tokens"`
	CompletionTokens int           `json:"completion_tokens"`
	Latency          time.Duration `json:"latency_ns"`
	Comment          string        `json:"comment,omitempty"`
}

// MarshalJSON stores a valid Record; the zero Record does not marshal.
func (r Record) MarshalJSON() ([]byte, error) {
	if !r.valid {
		return nil, errors.New("deid: refusing to store an invalid Record")
	}
	return json.Marshal(recordJSON{
		TemplateID: r.templateID, Model: r.model, Provider: r.provider, PromptVersion: r.promptVersion,
		Year: r.year, Sentences: r.sentences, Unsupported: r.unsupported, SignedUnchanged: r.signedUnchanged,
		EditRatio: r.editRatio, ReviewRequested: r.reviewRequested, ReviewOutcome: r.reviewOutcome, Flags: r.flags,
		PromptTokens: r.promptTokens, CompletionTokens: r.completionTokens, Latency: r.latency, Comment: r.comment,
	})
}

// DecodeRecord reads a stored Record back. There is deliberately no
// UnmarshalJSON: decoding goes through NewRecord again, so even a stored
// record that was tampered with (an identifier written into a field) comes
// back de-identified or not at all.
func (d *Detector) DecodeRecord(b []byte) (Record, error) {
	var j recordJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return Record{}, fmt.Errorf("deid.DecodeRecord: %w", err)
	}
	return d.NewRecord(RecordInput{
		TemplateID: j.TemplateID, Model: j.Model, Provider: j.Provider, PromptVersion: j.PromptVersion,
		Year: j.Year, Sentences: j.Sentences, UnsupportedSentences: j.Unsupported, SignedUnchanged: j.SignedUnchanged,
		EditRatio: j.EditRatio, ReviewRequested: j.ReviewRequested, ReviewOutcome: j.ReviewOutcome, Flags: j.Flags,
		PromptTokens: j.PromptTokens, CompletionTokens: j.CompletionTokens, Latency: j.Latency, Comment: j.Comment,
	}, Known{})
}
