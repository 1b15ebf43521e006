package audit_test

import (
	"fmt"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// A patient's access log in words: names come from the configuration,
// never from the trail (which holds IDs only), and never for patients.
func ExampleReadable() {
	me := "pt_aaaaaaaaaaaaaaaaaaaaaaaa"
	at := time.Date(2026, 3, 3, 15, 4, 0, 0, time.UTC)
	rows := []audit.Row{
		{Entry: audit.Entry{Time: at, Event: audit.EventAIOutcome, Actor: "system:worker", Role: "system", PatientRef: me,
			Task: "summarize", Provider: "openai-main", Model: "gpt-4o-mini", Result: "ok"}},
		{Entry: audit.Entry{Time: at.Add(time.Hour), Event: audit.EventSignOff, Actor: "dr-okafor", Role: "provider", PatientRef: me, Version: 1, Result: "ok"}},
		{Entry: audit.Entry{Time: at.Add(2 * time.Hour), Event: audit.EventAuditExport, Actor: me, Role: "patient", PatientRef: me, Result: "ok"}},
	}
	readable, err := audit.Readable(rows, audit.ReadableOptions{Viewer: me, Names: audit.Names{
		Organization: "Riverside Family Clinic", TimeZone: "America/Chicago",
		Actors: map[string]string{"dr-okafor": "Dr. Lena Okafor", "openai-main": "OpenAI"},
	}})
	if err != nil {
		panic(err)
	}
	for _, r := range readable {
		fmt.Printf("%s | %s (%s) %s\n", r.When, r.Who, r.Role, r.What)
	}
	// Output:
	// Tue 3 Mar 2026, 09:04 CST | An AI model (gpt-4o-mini) from OpenAI (AI model) drafted your note
	// Tue 3 Mar 2026, 10:04 CST | Dr. Lena Okafor (clinician) signed your note (version 1)
	// Tue 3 Mar 2026, 11:04 CST | You (you) viewed the log of who accessed your records
}
