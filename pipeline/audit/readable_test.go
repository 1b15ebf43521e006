package audit_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests name zones; a machine without a zone database runs them too

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// Every event the trail knows reads as plain words: a new event without a
// description fails here, not in front of a patient.
func TestEveryEventIsDescribed(t *testing.T) {
	t.Parallel()
	for _, ev := range audit.Events() {
		t.Run(string(ev), func(t *testing.T) {
			got := audit.Describe(audit.Entry{Event: ev})
			if strings.HasPrefix(got, "recorded ") || strings.Contains(got, string(ev)) {
				t.Errorf("Describe(%s) = %q: not plain words", ev, got)
			}
		})
	}
}

func TestReadable(t *testing.T) {
	t.Parallel()
	const me, other = "pt_aaaaaaaaaaaaaaaaaaaaaaaa", "pt_bbbbbbbbbbbbbbbbbbbbbbbb"
	at := time.Date(2026, 3, 3, 15, 4, 5, 0, time.UTC)
	names := audit.Names{
		Organization: "Riverside Family Clinic",
		Actors:       map[string]string{"dr-okafor": "Dr. Lena Okafor", "openai-main": "OpenAI"},
		TimeZone:     "America/Chicago",
	}
	entry := func(e audit.Entry) audit.Row {
		e.Time, e.PatientRef, e.EncounterID = at, me, "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa"
		return audit.Row{Entry: e}
	}
	row := func(who, role, org, what string, ev audit.Event) audit.ReadableRow {
		return audit.ReadableRow{Time: at, When: "Tue 3 Mar 2026, 09:04 CST", Who: who, Role: role, Organization: org,
			What: what, EncounterID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", Event: ev}
	}
	for _, c := range []struct {
		name string
		in   audit.Entry
		want []audit.ReadableRow // nil: left out
	}{
		{"NamedClinicianSigned", audit.Entry{Event: audit.EventSignOff, Actor: "dr-okafor", Role: "provider", Version: 2, Result: "ok"},
			[]audit.ReadableRow{row("Dr. Lena Okafor", "clinician", "Riverside Family Clinic", "signed your note (version 2)", audit.EventSignOff)}},
		{"UnnamedClinicianViewed", audit.Entry{Event: audit.EventView, Actor: "dr-brandt", Role: "provider", Version: 1, Result: "ok"},
			[]audit.ReadableRow{row("A clinician", "clinician", "Riverside Family Clinic", "viewed your note (version 1)", audit.EventView)}},
		{"AIDrafted", audit.Entry{Event: audit.EventAIOutcome, Actor: "system:worker", Role: "system", Task: "summarize", Provider: "openai-main", Model: "gpt-4o-mini", Result: "ok"},
			[]audit.ReadableRow{row("An AI model (gpt-4o-mini) from OpenAI", "AI model", "", "drafted your note", audit.EventAIOutcome)}},
		{"AIFailedToTranscribe", audit.Entry{Event: audit.EventAIOutcome, Actor: "system:worker", Role: "system", Task: "transcribe", Provider: "local", Model: "whisper-1", Result: "provider_error"},
			[]audit.ReadableRow{row("An AI model (whisper-1) from local", "AI model", "", "did not transcribe your recording (provider_error)", audit.EventAIOutcome)}},
		{"RefusedForConsent", audit.Entry{Event: audit.EventAIRefused, Actor: "system:worker", Role: "system", Result: "consent_denied"},
			[]audit.ReadableRow{row("clinscribe (automatic)", "automatic", "Riverside Family Clinic", "did not send your visit to an AI model: you opted out of AI processing", audit.EventAIRefused)}},
		{"MyOwnOptOut", audit.Entry{Event: audit.EventConsentChange, Actor: me, Role: "patient", Result: "denied"},
			[]audit.ReadableRow{row("You", "you", "", "opted you out of AI processing", audit.EventConsentChange)}},
		{"AnotherPatientRefused", audit.Entry{Event: audit.EventAuthzDenied, Actor: other, Role: "patient", Action: audit.EventView, Result: "forbidden"},
			[]audit.ReadableRow{row("Another patient", "patient", "", "tried to view your note and was refused", audit.EventAuthzDenied)}},
		{"SentToTheEHR", audit.Entry{Event: audit.EventEHRDeliver, Actor: "system:worker", Role: "system", Provider: "clinic-ehr", Version: 2, Result: "ok"},
			[]audit.ReadableRow{row("clinscribe (automatic)", "automatic", "Riverside Family Clinic", "sent your signed note to the clinic's health record system (version 2)", audit.EventEHRDeliver)}},
		{"PerRequestEntriesLeftOut", audit.Entry{Event: audit.EventAIRequestIntent, Actor: "system:worker", Role: "system", CallID: "c.1"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := audit.Readable([]audit.Row{entry(c.in)}, audit.ReadableOptions{Names: names, Viewer: me})
			if err != nil {
				t.Fatal(err)
			}
			if c.want == nil {
				c.want = []audit.ReadableRow{}
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// The readable CSV goes through the same formula guard as the raw one: a
// display name an administrator typed is a cell like any other.
func TestReadableCSVGuardsFormulas(t *testing.T) {
	t.Parallel()
	rows, err := audit.Readable([]audit.Row{{Entry: audit.Entry{Time: time.Unix(0, 0), Event: audit.EventView, Actor: "x", Role: "provider"}}},
		audit.ReadableOptions{Names: audit.Names{Actors: map[string]string{"x": `=HYPERLINK("http://evil")`}, Organization: "+Clinic"}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := audit.WriteReadableCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		audit.ReadableCSVHeader,
		{"1970-01-01T00:00:00Z", "Thu 1 Jan 1970, 00:00 UTC", `'=HYPERLINK("http://evil")`, "clinician", "'+Clinic", "viewed your note", "", "draft.view"},
	}
	if d := cmp.Diff(want, recs); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestNamesValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		names audit.Names
		want  string // "" for valid
	}{
		{"Zero", audit.Names{}, ""},
		{"Full", audit.Names{Organization: "Riverside", Actors: map[string]string{"dr-okafor": "Dr. Lena Okafor"}, TimeZone: "Europe/Berlin"}, ""},
		{"PatientNamed", audit.Names{Actors: map[string]string{"pt_aaaaaaaaaaaaaaaaaaaaaaaa": "Harold Whitcombe"}}, "patients are never named"},
		{"NotAnID", audit.Names{Actors: map[string]string{"Dr Okafor": "x"}}, "keys must be actor IDs"},
		{"EmptyName", audit.Names{Actors: map[string]string{"dr-okafor": ""}}, "empty name"},
		{"ControlCharacters", audit.Names{Organization: "Riverside\nClinic"}, "control characters"},
		{"UnknownZone", audit.Names{TimeZone: "Mars/Olympus"}, "not an IANA time zone"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.names.Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("Validate = %v, want an error with %q", err, c.want)
			}
		})
	}
}
