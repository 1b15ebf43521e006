package encounter

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/deid"
)

// Kind is what the clinic submitted.
type Kind string

const (
	KindNote      Kind = "note"      // a clinician's free-text note
	KindRecording Kind = "recording" // audio of the encounter, maybe with a sidecar transcript
)

// Stage is a step of the pipeline.
type Stage string

const (
	StageTranscribe Stage = "transcribe"
	StageSummarize  Stage = "summarize"
	// StageRegenerate makes a new AI draft version on request (after a
	// rejection or a transcript fix); it is not part of the normal run.
	StageRegenerate Stage = "regenerate"
)

// Stages lists the stages in pipeline order.
var Stages = []Stage{StageTranscribe, StageSummarize}

// State is where a stage stands.
type State string

const (
	StatePending State = "pending"
	// StateRunning is no longer stored (issue 18: a status is written
	// only when a stage fails or waits; asynq knows which tasks are
	// active). Records written before say it, so it is still read.
	StateRunning  State = "running"
	StateRetrying State = "retrying" // failed, will be retried
	// StateWaiting: the last attempt was refused before any request left
	// (the provider's circuit breaker is open or its fleet rate limit is
	// full); it will be tried again without counting as an attempt.
	StateWaiting State = "waiting"
	StateDone    State = "done"
	StateFailed  State = "failed"  // gave up; Error says why
	StateSkipped State = "skipped" // not needed for this kind
)

// Terminal reports whether the state will not change without a new request.
func (s State) Terminal() bool {
	return s == StateDone || s == StateFailed || s == StateSkipped
}

// Input roles.
const (
	RoleNote    = "note"
	RoleAudio   = "audio"
	RoleSidecar = "sidecar"
)

var idRE = regexp.MustCompile(`^enc_[a-z2-7]{26}$`)

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewID returns a fresh random encounter ID ("enc_" + 26 base32 letters).
// It is random on purpose: no date, patient or clinic can be read from it.
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return "enc_" + strings.ToLower(idEncoding.EncodeToString(b[:]))
}

// ValidID reports whether id has the shape NewID makes. Everything that
// takes an ID from outside (a task payload, an API path) checks it first.
func ValidID(id string) bool { return idRE.MatchString(id) }

// Subject is what the clinic's platform told us about the people in the
// encounter. It is PHI: it is stored only inside the encrypted Meta and
// never logged (LogValue redacts it).
type Subject struct {
	PatientID    string   `json:"patient_id"` // the platform's patient identifier (e.g. an MRN)
	PatientName  string   `json:"patient_name,omitempty"`
	BirthDate    string   `json:"birth_date,omitempty"`
	Phone        string   `json:"phone,omitempty"`
	Relatives    []string `json:"relatives,omitempty"`
	ProviderName string   `json:"provider_name,omitempty"`
	// Identifiers are any other identifiers the platform knows (account,
	// plan member ID, address) so de-identification can remove them.
	Identifiers []string `json:"identifiers,omitempty"`
}

// CheckBirthDate reports whether the subject's birth date, if given, is a
// calendar date in the form YYYY-MM-DD (as FHIR and the OpenAPI's
// format: date write it), not after today and not before 1850 (later
// steps — de-identification's known identifiers, pseudonymization —
// match it literally, so a date in another form would go unremoved). The
// error names the rule, never the value.
func (s Subject) CheckBirthDate(now time.Time) error {
	if s.BirthDate == "" {
		return nil
	}
	d, err := time.Parse(time.DateOnly, s.BirthDate)
	if err != nil {
		return errors.New("the patient's birth date must be a date in the form YYYY-MM-DD (e.g. 1968-12-05)")
	}
	if d.Year() < 1850 || d.After(now) {
		return errors.New("the patient's birth date must be a date in the past, after 1850")
	}
	return nil
}

// LogValue implements slog.LogValuer: a Subject never reaches a log.
func (Subject) LogValue() slog.Value { return slog.StringValue("[subject redacted]") }

// String implements fmt.Stringer with a redaction.
func (Subject) String() string { return "[subject redacted]" }

// Input is one submitted file.
type Input struct {
	Role string `json:"role"`
	// Key is the object holding the input's bytes; empty when Text holds
	// them.
	Key         string `json:"key"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	// Text is a note's text, kept inline in the Meta (see NoteInput): a
	// note is small and every stage reads the Meta anyway, so it costs no
	// object write or read of its own. PHI, encrypted with the Meta, never
	// logged (LogValue leaves it out).
	Text string `json:"text,omitempty"`
}

// NoteInput describes a note kept inline in the Meta.
func NoteInput(contentType string, text []byte) Input {
	sum := sha256.Sum256(text)
	return Input{Role: RoleNote, ContentType: contentType, Size: int64(len(text)), SHA256: hex.EncodeToString(sum[:]), Text: string(text)}
}

// LogValue implements slog.LogValuer: an Input's text never reaches a log.
func (in Input) LogValue() slog.Value {
	return slog.GroupValue(slog.String("role", in.Role), slog.String("key", in.Key), slog.Int64("size", in.Size))
}

// AIProcessingDenied is Meta.AIProcessing of an encounter whose patient
// had opted out of AI processing when it was submitted.
const AIProcessingDenied = "denied"

// Meta is written once at submit.
type Meta struct {
	ID         string    `json:"id"`
	Kind       Kind      `json:"kind"`
	Template   string    `json:"template"`
	PatientRef string    `json:"patient_ref"` // pseudonymous patient ID, safe for audit
	ProviderID string    `json:"provider_id"` // the clinician the encounter belongs to
	Subject    Subject   `json:"subject"`
	Inputs     []Input   `json:"inputs"`
	Source     string    `json:"source"` // "cli", "api", "demo"
	CreatedAt  time.Time `json:"created_at"`
	// AIProcessing is "denied" when the patient had opted out at submit:
	// the encounter never enters the AI stages.
	AIProcessing string `json:"ai_processing,omitempty"`
}

// Input returns the input with the role, if any.
func (m *Meta) Input(role string) (Input, bool) {
	for _, in := range m.Inputs {
		if in.Role == role {
			return in, true
		}
	}
	return Input{}, false
}

// FirstStage is where the pipeline starts for this kind of encounter.
func (m *Meta) FirstStage() Stage {
	if m.Kind == KindRecording {
		return StageTranscribe
	}
	return StageSummarize
}

// Stages lists the stages this kind of encounter goes through, in order.
// A stage with no stored status is pending.
func (m *Meta) Stages() []Stage {
	if m.AIProcessing == AIProcessingDenied {
		return nil
	}
	if m.Kind == KindRecording {
		return []Stage{StageTranscribe, StageSummarize}
	}
	return []Stage{StageSummarize}
}

// StageFailure is a stage's failure as stored: a code and a message that
// carry no content.
type StageFailure struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// StageStatus is one stage's progress.
type StageStatus struct {
	Stage Stage `json:"stage"`
	State State `json:"state"`
	// Attempt counts the attempts that sent work on (the running one
	// included); attempts refused before any request left count in
	// Deferred instead.
	Attempt   int           `json:"attempt"`
	UpdatedAt time.Time     `json:"updated_at"`
	Failure   *StageFailure `json:"failure,omitempty"`
	// Since is when the stage's current series of attempts began: its
	// first attempt, or the first after it failed and was queued again.
	// How long an encounter has waited is UpdatedAt - Since.
	Since time.Time `json:"since,omitzero"`
	// Deferred counts attempts refused before any request left (state
	// waiting): the provider's breaker was open or its quota full.
	Deferred int `json:"deferred,omitempty"`
}

// Segment is one piece of source text with a stable ID that drafts cite as
// evidence: a transcript cue, or a sentence of a submitted note.
type Segment struct {
	ID      string `json:"id"`
	StartMS int64  `json:"start_ms,omitempty"`
	EndMS   int64  `json:"end_ms,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	Heading string `json:"heading,omitempty"` // the note section it sits under
	Text    string `json:"text"`
}

// Transcript is the source a draft is made from.
type Transcript struct {
	EncounterID string    `json:"encounter_id"`
	Source      string    `json:"source"` // "note", "sidecar:vtt", "sidecar:srt", "provider"
	Provider    string    `json:"provider,omitempty"`
	Model       string    `json:"model,omitempty"`
	Segments    []Segment `json:"segments"`
	SHA256      string    `json:"sha256"` // of the canonical segment list
	CreatedAt   time.Time `json:"created_at"`
}

// ComputeHash fills SHA256 from the segments.
func (t *Transcript) ComputeHash() {
	b, _ := json.Marshal(t.Segments)
	sum := sha256.Sum256(b)
	t.SHA256 = hex.EncodeToString(sum[:])
}

// Segment returns the segment with the ID.
func (t *Transcript) Segment(id string) (Segment, bool) {
	for _, s := range t.Segments {
		if s.ID == id {
			return s, true
		}
	}
	return Segment{}, false
}

// SegmentID formats the n-th (1-based) segment ID.
func SegmentID(n int) string { return fmt.Sprintf("seg-%04d", n) }

// Known is what the clinic told us about the people in the encounter, in
// the form the de-identification detector uses to find them wherever they
// occur (pseudonymization before a provider call, aggregate records).
func (s Subject) Known() deid.Known {
	k := deid.Known{BirthDate: s.BirthDate, RelativeNames: s.Relatives}
	if s.PatientName != "" {
		k.PatientNames = []string{s.PatientName}
	}
	if s.ProviderName != "" {
		k.ProviderNames = []string{s.ProviderName}
	}
	for _, id := range append([]string{s.PatientID, s.Phone}, s.Identifiers...) {
		if strings.TrimSpace(id) != "" {
			k.Identifiers = append(k.Identifiers, id)
		}
	}
	return k
}
