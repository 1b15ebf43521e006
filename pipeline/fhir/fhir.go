// Package fhir renders a draft as FHIR R4: a DocumentReference (the note,
// with docStatus and the HL7 AIAST security label) plus a Provenance that
// follows the HL7 AI Transparency on FHIR IG — the AI system, as a Device,
// is the author; the signing clinician, once there is one, the verifier —
// and the Device itself, in one collection Bundle.
package fhir

import (
	"crypto/sha1" // FHIR R4 Attachment.hash is defined as SHA-1
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Code systems and profiles.
const (
	SystemObservationValue = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"
	SystemAddedProvenance  = "http://hl7.org/fhir/uv/aitransparency/CodeSystem/AddedProvenanceCS"
	SystemAIDeviceType     = "http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS"
	SystemParticipantType  = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
	SystemDataOperation    = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
	SystemLOINC            = "http://loinc.org"
	ProfileAIProvenance    = "http://hl7.org/fhir/uv/aitransparency/StructureDefinition/AI-Provenance"
	SystemEncounterID      = "urn:clinscribe:encounter"
	SystemPatientID        = "urn:clinscribe:platform-patient-id"
	SystemSHA256           = "urn:clinscribe:sha256"
	// ExtensionNotInDraft carries the draft's "Not in the draft" list: what
	// of the source the note does not cite, clinical content first, each
	// with its segment, reason code and text. Not a modifier: a receiver
	// that does not know it can ignore it.
	ExtensionNotInDraft = "urn:clinscribe:fhir:StructureDefinition:not-in-draft"
)

// Input is what a rendering needs.
type Input struct {
	EncounterID string
	PatientID   string // the platform's patient identifier
	Draft       *encounter.Draft
	State       encounter.VersionState
	// Superseded is true when a later version exists.
	Superseded bool
}

type coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

type concept struct {
	Coding []coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

type identifier struct {
	System string `json:"system"`
	Value  string `json:"value"`
}

type reference struct {
	Reference  string      `json:"reference,omitempty"`
	Identifier *identifier `json:"identifier,omitempty"`
	Display    string      `json:"display,omitempty"`
}

type meta struct {
	Profile  []string `json:"profile,omitempty"`
	Security []coding `json:"security,omitempty"`
}

type attachment struct {
	ContentType string `json:"contentType"`
	Language    string `json:"language"`
	Data        string `json:"data"`
	Hash        string `json:"hash"`
	Title       string `json:"title"`
	Creation    string `json:"creation"`
}

type docContent struct {
	Attachment attachment `json:"attachment"`
}

type relatesTo struct {
	Code   string    `json:"code"`
	Target reference `json:"target"`
}

type docContext struct {
	Encounter []reference `json:"encounter"`
}

// extension is a FHIR Extension (complex ones nest others).
type extension struct {
	URL          string      `json:"url"`
	ValueString  string      `json:"valueString,omitempty"`
	ValueCode    string      `json:"valueCode,omitempty"`
	ValueInteger *int        `json:"valueInteger,omitempty"`
	Extension    []extension `json:"extension,omitempty"`
}

type documentReference struct {
	ResourceType  string       `json:"resourceType"`
	ID            string       `json:"id"`
	Meta          meta         `json:"meta"`
	Extension     []extension  `json:"extension,omitempty"`
	Status        string       `json:"status"`
	DocStatus     string       `json:"docStatus"`
	Type          concept      `json:"type"`
	Subject       reference    `json:"subject"`
	Date          string       `json:"date"`
	Author        []reference  `json:"author"`
	Authenticator *reference   `json:"authenticator,omitempty"`
	RelatesTo     []relatesTo  `json:"relatesTo,omitempty"`
	Description   string       `json:"description"`
	Content       []docContent `json:"content"`
	Context       docContext   `json:"context"`
}

type deviceName struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

type deviceVersion struct {
	Type  concept `json:"type"`
	Value string  `json:"value"`
}

type device struct {
	ResourceType string          `json:"resourceType"`
	ID           string          `json:"id"`
	Meta         meta            `json:"meta"`
	DeviceName   []deviceName    `json:"deviceName"`
	Type         concept         `json:"type"`
	Version      []deviceVersion `json:"version"`
}

type provAgent struct {
	Type concept   `json:"type"`
	Who  reference `json:"who"`
}

type provEntity struct {
	Role string    `json:"role"`
	What reference `json:"what"`
}

type provenance struct {
	ResourceType     string       `json:"resourceType"`
	ID               string       `json:"id"`
	Meta             meta         `json:"meta"`
	Target           []reference  `json:"target"`
	OccurredDateTime string       `json:"occurredDateTime"`
	Recorded         string       `json:"recorded"`
	Activity         concept      `json:"activity"`
	Agent            []provAgent  `json:"agent"`
	Entity           []provEntity `json:"entity"`
}

type bundleEntry struct {
	Resource any `json:"resource"`
}

type bundle struct {
	ResourceType string        `json:"resourceType"`
	Type         string        `json:"type"`
	Timestamp    string        `json:"timestamp"`
	Entry        []bundleEntry `json:"entry"`
}

var aiast = coding{System: SystemObservationValue, Code: "AIAST", Display: "Artificial Intelligence asserted"}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9.-]+`)

// fhirID makes a valid FHIR id ([A-Za-z0-9\-\.]{1,64}).
func fhirID(s string) string {
	s = strings.Trim(idUnsafe.ReplaceAllString(s, "-"), "-")
	if len(s) > 64 {
		s = s[:64]
	}
	return s
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// notInDraft renders a draft's coverage as one complex extension:
// "segments" and "cited" counts, then one "omission" per listed part of the
// source (clinical content not used first), each with "segment", "part"
// (when only a sentence of the segment), "reason" and "text".
func notInDraft(c *encounter.Coverage) extension {
	integer := func(n int) *int { return &n }
	ext := extension{URL: ExtensionNotInDraft, Extension: []extension{
		{URL: "segments", ValueInteger: integer(c.Segments)},
		{URL: "cited", ValueInteger: integer(c.Cited)},
	}}
	for _, o := range c.Omissions() {
		item := extension{URL: "omission", Extension: []extension{{URL: "segment", ValueString: o.Segment}}}
		if o.Part > 0 {
			item.Extension = append(item.Extension, extension{URL: "part", ValueInteger: integer(o.Part)})
		}
		item.Extension = append(item.Extension,
			extension{URL: "reason", ValueCode: o.Reason},
			extension{URL: "text", ValueString: o.Text})
		ext.Extension = append(ext.Extension, item)
	}
	return ext
}

// Bundle renders the draft as a FHIR R4 collection Bundle (JSON).
func Bundle(in Input) ([]byte, error) {
	d := in.Draft
	if d == nil {
		return nil, fmt.Errorf("fhir.Bundle: no draft")
	}
	docID := fhirID(fmt.Sprintf("%s-v%d", in.EncounterID, d.Version))
	devID := fhirID("ai-" + d.Label.Provider + "-" + d.Label.Model)

	security := []coding{}
	if d.Label.AIGenerated {
		security = append(security, aiast)
		if in.State.SignedBy != "" {
			security = append(security, coding{System: SystemAddedProvenance, Code: "CLINAST_AIRPT",
				Display: "Clinician asserted from AI reported"})
		}
	}
	status := "current"
	switch {
	case in.State.Status == encounter.DraftEnteredInError || in.State.Status == encounter.DraftRejected:
		status = "entered-in-error"
	case in.Superseded || in.State.Status == encounter.DraftSuperseded:
		status = "superseded"
	}
	docStatus := string(in.State.Status)
	switch in.State.Status {
	case encounter.DraftRejected:
		docStatus = string(encounter.DraftPreliminary) // never finalized
	case encounter.DraftEnteredInError:
		docStatus = string(encounter.DraftFinal) // status carries the retraction
	case encounter.DraftSuperseded: // status carries it; docStatus says how far it got
		docStatus = string(encounter.DraftPreliminary)
		if in.State.SignedBy != "" {
			docStatus = string(encounter.DraftFinal)
			if d.Parent != 0 {
				docStatus = string(encounter.DraftAmended)
			}
		}
	}
	typ := coding(NoteType(d.Template))
	authors := []reference{{Reference: "Device/" + devID, Display: d.Label.Provider + " " + d.Label.Model}}
	if !strings.HasPrefix(d.CreatedBy, "ai:") {
		authors = append(authors, reference{Reference: "Practitioner/" + fhirID(d.CreatedBy)})
	}
	text := d.Text()
	sum := sha1.Sum([]byte(text))
	desc := "AI-generated draft (" + d.Label.Method + "), not yet reviewed by a clinician"
	if in.State.SignedBy != "" {
		desc = fmt.Sprintf("AI-assisted note reviewed and signed by %s at %s", in.State.SignedBy, ts(in.State.SignedAt))
	}
	if in.State.UnderReview {
		desc += "; under human review at the patient's request"
	}
	doc := documentReference{
		ResourceType: "DocumentReference", ID: docID, Meta: meta{Security: security},
		Status: status, DocStatus: docStatus, Type: concept{Coding: []coding{typ}},
		Subject: reference{Identifier: &identifier{System: SystemPatientID, Value: in.PatientID}},
		Date:    ts(d.CreatedAt), Author: authors, Description: desc,
		Content: []docContent{{Attachment: attachment{
			ContentType: "text/plain; charset=utf-8", Language: "en",
			Data: base64.StdEncoding.EncodeToString([]byte(text)), Hash: base64.StdEncoding.EncodeToString(sum[:]),
			Title: fmt.Sprintf("%s v%d", strings.ToUpper(d.Template), d.Version), Creation: ts(d.CreatedAt),
		}}},
		Context: docContext{Encounter: []reference{{Identifier: &identifier{System: SystemEncounterID, Value: in.EncounterID}}}},
	}
	if in.State.SignedBy != "" {
		doc.Authenticator = &reference{Reference: "Practitioner/" + fhirID(in.State.SignedBy)}
	}
	if d.NotInDraft != nil {
		doc.Extension = []extension{notInDraft(d.NotInDraft)}
	}
	if d.Parent != 0 {
		doc.RelatesTo = []relatesTo{{Code: "replaces", Target: reference{Reference: "DocumentReference/" + fhirID(fmt.Sprintf("%s-v%d", in.EncounterID, d.Parent))}}}
	}
	dev := device{
		ResourceType: "Device", ID: devID, Meta: meta{Security: []coding{aiast}},
		DeviceName: []deviceName{{Name: d.Label.Model, Type: "model-name"}},
		Type:       concept{Coding: []coding{{System: SystemAIDeviceType, Code: "Artificial-Intelligence", Display: "All kinds of Artificial Intelligence"}}},
		Version: []deviceVersion{
			{Type: concept{Text: "provider"}, Value: d.Label.Provider},
			{Type: concept{Text: "prompt"}, Value: d.Label.PromptVersion},
		},
	}
	agents := []provAgent{{
		Type: concept{Coding: []coding{{System: SystemParticipantType, Code: "author", Display: "Author"}}},
		Who:  reference{Reference: "Device/" + devID},
	}}
	if in.State.SignedBy != "" {
		agents = append(agents, provAgent{
			Type: concept{Coding: []coding{{System: SystemParticipantType, Code: "verifier", Display: "Verifier"}}},
			Who:  reference{Reference: "Practitioner/" + fhirID(in.State.SignedBy)},
		})
	}
	prov := provenance{
		ResourceType: "Provenance", ID: docID + "-provenance", Meta: meta{Profile: []string{ProfileAIProvenance}},
		Target:           []reference{{Reference: "DocumentReference/" + docID}},
		OccurredDateTime: ts(d.Label.GeneratedAt), Recorded: ts(d.CreatedAt),
		Activity: concept{Coding: []coding{{System: SystemDataOperation, Code: "CREATE", Display: "create"}}},
		Agent:    agents,
		Entity: []provEntity{{Role: "source", What: reference{
			Identifier: &identifier{System: SystemSHA256, Value: d.Label.InputSHA256},
			Display:    "input to " + d.Label.PromptVersion,
		}}},
	}
	stamp := d.CreatedAt
	if in.State.SignedAt.After(stamp) {
		stamp = in.State.SignedAt
	}
	b := bundle{ResourceType: "Bundle", Type: "collection", Timestamp: ts(stamp),
		Entry: []bundleEntry{{Resource: doc}, {Resource: prov}, {Resource: dev}}}
	if d.Human() {
		// Written by a clinician (human documentation): no AI device, no AI
		// provenance, no AIAST label; the clinician is the author.
		doc.Author = []reference{{Reference: "Practitioner/" + fhirID(d.CreatedBy)}}
		doc.Description = "Clinician-authored note (no AI was used), not yet signed"
		if in.State.SignedBy != "" {
			doc.Description = fmt.Sprintf("Clinician-authored note (no AI was used), signed by %s at %s", in.State.SignedBy, ts(in.State.SignedAt))
		}
		b.Entry = []bundleEntry{{Resource: doc}}
	}
	return json.MarshalIndent(b, "", "  ")
}
