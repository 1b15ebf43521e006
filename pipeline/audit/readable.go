package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Names are the display names of a readable access log: the organisation,
// and the people and systems that act on records, by the actor ID the
// trail records (clinician, reviewer, client and AI provider IDs). Never
// patient names: a patient reads their own actions as "You" and anyone
// else's as "Another patient".
type Names struct {
	// Organization is the clinic as patients know it ("Riverside Family
	// Clinic"). Empty: not named.
	Organization string `yaml:"organization"`
	// Actors maps actor IDs to names: {dr-okafor: "Dr. Lena Okafor",
	// emr-1: "Riverside EHR", openai-main: "OpenAI"}. An actor without a
	// name is described by role ("A clinician").
	Actors map[string]string `yaml:"actors"`
	// TimeZone is the IANA zone human-readable times are shown in
	// ("America/Chicago"). Empty means UTC.
	TimeZone string `yaml:"time_zone"`
}

// maxDisplayName bounds a display name: a name, not a paragraph.
const maxDisplayName = 100

var patientRefShape = regexp.MustCompile(`^pt_`)

// Validate names every problem of the names.
func (n Names) Validate() error {
	var errs []error
	if _, err := n.location(); err != nil {
		errs = append(errs, err)
	}
	if err := checkName(n.Organization); err != nil {
		errs = append(errs, fmt.Errorf("organization: %w", err))
	}
	for id, name := range n.Actors {
		switch {
		case !idShaped(id) || id == "":
			errs = append(errs, errors.New("actors: keys must be actor IDs (letters, digits, ._:@+/=#-)"))
		case patientRefShape.MatchString(id):
			errs = append(errs, fmt.Errorf("actors: %s is a patient reference; patients are never named", id))
		case name == "":
			errs = append(errs, fmt.Errorf("actors.%s: empty name", id))
		default:
			if err := checkName(name); err != nil {
				errs = append(errs, fmt.Errorf("actors.%s: %w", id, err))
			}
		}
	}
	return errors.Join(errs...)
}

func checkName(s string) error {
	if len(s) > maxDisplayName {
		return fmt.Errorf("longer than %d bytes", maxDisplayName)
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return errors.New("has control characters")
	}
	return nil
}

func (n Names) location() (*time.Location, error) {
	if n.TimeZone == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(n.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("time_zone: %q is not an IANA time zone (e.g. America/Chicago)", n.TimeZone)
	}
	return loc, nil
}

// ReadableRow is one audit entry as the patient it is about reads it: who
// (a name or a role, and the organisation), what (in plain words, about
// "your" record), when (RFC 3339 and as people write it). The event and
// encounter stay, to find the full entry in the raw export.
type ReadableRow struct {
	Time         time.Time `json:"time"`
	When         string    `json:"when"`
	Who          string    `json:"who"`
	Role         string    `json:"role"`
	Organization string    `json:"organization,omitempty"`
	What         string    `json:"what"`
	EncounterID  string    `json:"encounter_id,omitempty"`
	Event        Event     `json:"event"`
}

// ReadableOptions say how to name people and whose log it is.
type ReadableOptions struct {
	Names Names
	// Viewer is the patient reference of the reader: their own actions
	// read "You".
	Viewer string
}

// HumanTimeLayout is how a readable row writes its time for people.
const HumanTimeLayout = "Mon 2 Jan 2006, 15:04 MST"

// Readable turns rows into what a patient can read. The per-request
// entries of an AI call (ai.request.*) are left out — the call's own
// intent and outcome say what happened; the raw export keeps every entry.
func Readable(rows []Row, o ReadableOptions) ([]ReadableRow, error) {
	loc, err := o.Names.location()
	if err != nil {
		return nil, fmt.Errorf("audit.Readable: %w", err)
	}
	out := make([]ReadableRow, 0, len(rows))
	for _, r := range rows {
		e := r.Entry
		if e.Event == EventAIRequestIntent || e.Event == EventAIRequestOutcome {
			continue
		}
		who, role, org := o.who(e)
		out = append(out, ReadableRow{
			Time: e.Time.UTC(), When: e.Time.In(loc).Format(HumanTimeLayout),
			Who: who, Role: role, Organization: org, What: Describe(e),
			EncounterID: e.EncounterID, Event: e.Event,
		})
	}
	return out, nil
}

// who names the actor of e: a display name or a role's generic name, the
// role in words, and the organisation they act for.
func (o ReadableOptions) who(e Entry) (who, role, org string) {
	named := func(id, generic string) string {
		if n := o.Names.Actors[id]; n != "" {
			return n
		}
		return generic
	}
	switch {
	case e.Event == EventAIIntent || e.Event == EventAIOutcome:
		model := "An AI model"
		if e.Model != "" {
			model += " (" + e.Model + ")"
		}
		if e.Provider != "" {
			model += " from " + named(e.Provider, e.Provider)
		}
		return model, "AI model", ""
	case o.Viewer != "" && e.Actor == o.Viewer:
		return "You", "you", ""
	}
	switch e.Role {
	case "patient":
		return "Another patient", "patient", ""
	case "provider", "clinician":
		return named(e.Actor, "A clinician"), "clinician", o.Names.Organization
	case "platform":
		return named(e.Actor, "The clinic's system"), "clinic system", o.Names.Organization
	case "reviewer":
		return named(e.Actor, "A human reviewer"), "reviewer", o.Names.Organization
	case "ops":
		return named(e.Actor, "An operator"), "operator", o.Names.Organization
	case "system":
		return "clinscribe (automatic)", "automatic", o.Names.Organization
	}
	return named(e.Actor, "Someone"), e.Role, o.Names.Organization
}

// phrase is what an event did, in the past tense and as the thing that
// was asked (for refusals).
type phrase struct{ did, asked string }

var phrases = map[Event]phrase{
	EventSubmit:           {"submitted your visit for documentation", "submit your visit"},
	EventAIIntent:         {"was sent your visit's content", "send your visit to an AI model"},
	EventAIOutcome:        {"worked on your visit", "work on your visit"},
	EventAIRefused:        {"was not sent your visit", "send your visit to an AI model"},
	EventDraft:            {"saved the AI draft of your note for your clinician to review", "save a draft of your note"},
	EventView:             {"viewed your note", "view your note"},
	EventExport:           {"exported your note", "export your note"},
	EventSignOff:          {"signed your note", "sign your note"},
	EventEdit:             {"edited your note", "edit your note"},
	EventReviewRequest:    {"asked for a human review of your note", "ask for a human review of your note"},
	EventReviewDecision:   {"decided the request for a human review of your note", "decide a review of your note"},
	EventConsentChange:    {"changed your choice about AI processing", "change your choice about AI processing"},
	EventDeletion:         {"deleted your visit's records", "delete your visit's records"},
	EventKeyRotation:      {"replaced the keys that protect stored records", "replace the keys"},
	EventAuthzDenied:      {"was refused access", "access your records"},
	EventAuditExport:      {"viewed the log of who accessed your records", "view the log of who accessed your records"},
	EventReject:           {"rejected the AI draft of your note", "reject the AI draft of your note"},
	EventEnteredInError:   {"marked your note as entered in error", "mark your note as entered in error"},
	EventExplain:          {"viewed the evidence behind your note", "view the evidence behind your note"},
	EventStatus:           {"checked the progress of your visit's documentation", "check the progress of your visit's documentation"},
	EventReviewOpen:       {"assigned your review request to a human reviewer", "assign your review request"},
	EventReviewRead:       {"viewed the review requests about your note", "view the review requests about your note"},
	EventHumanRouted:      {"sent your visit to a person to document without AI", "send your visit to a person to document"},
	EventLegalHold:        {"changed a legal hold on your records", "place a legal hold on your records"},
	EventWebhook:          {"notified the clinic's system (identifiers only, no content)", "notify the clinic's system"},
	EventInputDeleted:     {"deleted your visit's recording or source note after your note was signed", "delete your visit's recording or source note"},
	EventSubmitAbandoned:  {"discarded an incomplete submission of your visit", "discard an incomplete submission"},
	EventEHRIntent:        {"began sending your signed note to the clinic's health record system", "send your note to the clinic's health record system"},
	EventEHRDeliver:       {"sent your signed note to the clinic's health record system", "send your note to the clinic's health record system"},
	EventAIRequestIntent:  {"sent part of your visit to an AI model", "send part of your visit to an AI model"},
	EventAIRequestOutcome: {"answered part of a request about your visit", "answer part of a request"},
	EventList:             {"listed your visits (dates and status only)", "list your visits"},
	EventTranscriptView:   {"read the transcript of your visit", "read the transcript of your visit"},
	EventSourceRead:       {"read or listened to what was recorded at your visit", "read or listen to your visit's recording or note"},
	EventRegenerate:       {"asked the AI for a new draft of your note", "ask the AI for a new draft of your note"},
	EventHumanAssigned:    {"handed the writing of your note to a clinician", "hand the writing of your note to a clinician"},
	EventHumanDocumented:  {"completed your note, written by a person", "complete your note"},
}

// reasons says in words why the gateway refused to send a visit to a model.
var reasons = map[string]string{
	"consent_denied":        "you opted out of AI processing",
	"provider_not_attested": "the AI provider has not attested that it keeps no copy",
}

// Describe says in plain words what an entry records, as the patient whose
// record it is reads it ("signed your note (version 2)").
func Describe(e Entry) string {
	p, ok := phrases[e.Event]
	if !ok {
		return "recorded " + string(e.Event)
	}
	what := p.did
	task := func(transcribe, summarize string) string {
		if e.Task == "transcribe" {
			return transcribe
		}
		return summarize
	}
	switch e.Event {
	case EventAIIntent:
		what = task("was sent your recording to transcribe it", "was sent your visit to draft your note")
	case EventAIOutcome:
		if e.Result == "ok" {
			what = task("transcribed your recording", "drafted your note")
		} else {
			what = task("did not transcribe your recording", "did not draft your note") + " (" + e.Result + ")"
		}
	case EventAIRefused:
		why := reasons[e.Result]
		if why == "" {
			why = e.Result
		}
		what = "did not send your visit to an AI model: " + why
	case EventAuthzDenied:
		asked := "access your records"
		if a, ok := phrases[e.Action]; ok {
			asked = a.asked
		}
		what = "tried to " + asked + " and was refused"
	case EventConsentChange:
		switch e.Result {
		case "allowed":
			what = "allowed AI processing of your visits"
		case "denied":
			what = "opted you out of AI processing"
		}
	case EventEHRDeliver:
		if e.Result != "" && e.Result != "ok" {
			what = "could not send your signed note to the clinic's health record system (" + e.Result + ")"
		}
	case EventReviewDecision:
		if e.Result != "" && e.Result != "ok" {
			what += ": " + e.Result
		}
	case EventLegalHold:
		switch e.Result {
		case "hold":
			what = "placed a legal hold on your records (they cannot be deleted while it lasts)"
		case "release":
			what = "lifted the legal hold on your records"
		}
	}
	if e.Version > 0 {
		what += fmt.Sprintf(" (version %d)", e.Version)
	}
	return what
}

// ReadableCSVHeader is the header row of WriteReadableCSV.
var ReadableCSVHeader = []string{"time", "when", "who", "role", "organization", "what", "encounter_id", "event"}

// WriteReadableCSV writes a header and one row per readable entry, through
// the same spreadsheet-formula guard as WriteCSV.
func WriteReadableCSV(w io.Writer, rows []ReadableRow) error {
	recs := make([][]string, len(rows))
	for i, r := range rows {
		recs[i] = []string{r.Time.Format(time.RFC3339), r.When, r.Who, r.Role, r.Organization, r.What, r.EncounterID, string(r.Event)}
	}
	return writeCSV(w, ReadableCSVHeader, recs)
}

// WriteReadableJSONL writes one JSON object per readable entry.
func WriteReadableJSONL(w io.Writer, rows []ReadableRow) error {
	enc := json.NewEncoder(w)
	for i := range rows {
		if err := enc.Encode(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}
