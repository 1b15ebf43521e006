package fhir

import (
	"bytes"
	"crypto/sha1" // FHIR R4 Attachment.hash is defined as SHA-1
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Code systems and profiles of the write-back resources. The HL7 AI
// Transparency on FHIR codes and profile URLs are those of its ballot
// 1.0.0 and may move; Profiles lets a deployment follow them.
const (
	SystemUSCoreDocCategory = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
	ProfileUSCoreDocRef     = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference"
	SystemFormatCode        = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode"
	ProfileAIDevice         = "http://hl7.org/fhir/uv/aitransparency/StructureDefinition/AI-Device"
)

// Profiles are the AI Transparency on FHIR codes and profiles the
// write-back uses. Every zero field means the ballot 1.0.0 value.
type Profiles struct {
	// ProvenanceProfile is the AI Provenance profile URL.
	ProvenanceProfile string `yaml:"provenance_profile"`
	// DeviceProfile is the AI Device profile URL.
	DeviceProfile string `yaml:"device_profile"`
	// DeviceTypeSystem and DeviceTypeCode type the AI Device.
	DeviceTypeSystem string `yaml:"device_type_system"`
	DeviceTypeCode   string `yaml:"device_type_code"`
	// ClinicianAssertedSystem and ClinicianAssertedCode label a note a
	// clinician verified (added to AIAST, which stays).
	ClinicianAssertedSystem string `yaml:"clinician_asserted_system"`
	ClinicianAssertedCode   string `yaml:"clinician_asserted_code"`
	// DocumentProfile is the DocumentReference profile claimed in meta
	// (US Core DocumentReference).
	DocumentProfile string `yaml:"document_profile"`
}

// WithDefaults fills zero fields with the ballot 1.0.0 values.
func (p Profiles) WithDefaults() Profiles {
	set := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	set(&p.ProvenanceProfile, ProfileAIProvenance)
	set(&p.DeviceProfile, ProfileAIDevice)
	set(&p.DeviceTypeSystem, SystemAIDeviceType)
	set(&p.DeviceTypeCode, "Artificial-Intelligence")
	set(&p.ClinicianAssertedSystem, SystemAddedProvenance)
	set(&p.ClinicianAssertedCode, "CLINAST_AIRPT")
	set(&p.DocumentProfile, ProfileUSCoreDocRef)
	return p
}

// Coding is a FHIR Coding.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

// Concept is a FHIR CodeableConcept.
type Concept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Identifier is a FHIR Identifier.
type Identifier struct {
	System string `json:"system"`
	Value  string `json:"value"`
}

// Reference is a FHIR Reference: a literal one ("Patient/123") or a
// logical one (an identifier).
type Reference struct {
	Reference  string      `json:"reference,omitempty"`
	Identifier *Identifier `json:"identifier,omitempty"`
	Display    string      `json:"display,omitempty"`
}

// Meta is a resource's meta; the server adds versionId and lastUpdated.
type Meta struct {
	VersionID   string   `json:"versionId,omitempty"`
	LastUpdated string   `json:"lastUpdated,omitempty"`
	Profile     []string `json:"profile,omitempty"`
	Security    []Coding `json:"security,omitempty"`
}

// Attachment is a FHIR Attachment.
type Attachment struct {
	ContentType string `json:"contentType"`
	Language    string `json:"language,omitempty"`
	Data        string `json:"data,omitempty"`
	Hash        string `json:"hash,omitempty"`
	Title       string `json:"title,omitempty"`
	Creation    string `json:"creation,omitempty"`
}

// DocContent is DocumentReference.content.
type DocContent struct {
	Attachment Attachment `json:"attachment"`
	Format     *Coding    `json:"format,omitempty"`
}

// RelatesTo is DocumentReference.relatesTo.
type RelatesTo struct {
	Code   string    `json:"code"`
	Target Reference `json:"target"`
}

// DocContext is DocumentReference.context.
type DocContext struct {
	Encounter []Reference `json:"encounter,omitempty"`
	Period    *Period     `json:"period,omitempty"`
}

// Period is a FHIR Period.
type Period struct {
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// DocumentReference is the note as an EHR stores it.
type DocumentReference struct {
	ResourceType  string       `json:"resourceType"`
	ID            string       `json:"id,omitempty"`
	Meta          *Meta        `json:"meta,omitempty"`
	Identifier    []Identifier `json:"identifier,omitempty"`
	Status        string       `json:"status"`
	DocStatus     string       `json:"docStatus,omitempty"`
	Type          *Concept     `json:"type,omitempty"`
	Category      []Concept    `json:"category,omitempty"`
	Subject       *Reference   `json:"subject,omitempty"`
	Date          string       `json:"date,omitempty"`
	Author        []Reference  `json:"author,omitempty"`
	Authenticator *Reference   `json:"authenticator,omitempty"`
	RelatesTo     []RelatesTo  `json:"relatesTo,omitempty"`
	Description   string       `json:"description,omitempty"`
	Content       []DocContent `json:"content"`
	Context       *DocContext  `json:"context,omitempty"`
}

// DeviceName is Device.deviceName.
type DeviceName struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// DeviceVersion is Device.version.
type DeviceVersion struct {
	Type  *Concept `json:"type,omitempty"`
	Value string   `json:"value"`
}

// Device is the AI system that drafted a note.
type Device struct {
	ResourceType string          `json:"resourceType"`
	ID           string          `json:"id,omitempty"`
	Meta         *Meta           `json:"meta,omitempty"`
	Identifier   []Identifier    `json:"identifier,omitempty"`
	DeviceName   []DeviceName    `json:"deviceName,omitempty"`
	Type         *Concept        `json:"type,omitempty"`
	Version      []DeviceVersion `json:"version,omitempty"`
}

// ProvAgent is Provenance.agent.
type ProvAgent struct {
	Type *Concept  `json:"type,omitempty"`
	Who  Reference `json:"who"`
}

// ProvEntity is Provenance.entity.
type ProvEntity struct {
	Role string    `json:"role"`
	What Reference `json:"what"`
}

// Provenance says what the AI did and who verified it.
type Provenance struct {
	ResourceType     string       `json:"resourceType"`
	ID               string       `json:"id,omitempty"`
	Meta             *Meta        `json:"meta,omitempty"`
	Target           []Reference  `json:"target"`
	OccurredDateTime string       `json:"occurredDateTime,omitempty"`
	Recorded         string       `json:"recorded"`
	Activity         *Concept     `json:"activity,omitempty"`
	Agent            []ProvAgent  `json:"agent"`
	Entity           []ProvEntity `json:"entity,omitempty"`
}

// Note is what a write-back renders: one signed version of a note and
// where its people live on the receiving server.
type Note struct {
	EncounterID string
	Draft       *encounter.Draft
	State       encounter.VersionState
	// Status is the DocumentReference.status to send: current,
	// superseded or entered-in-error.
	Status string
	// Identifier names the note on the server (conditional create key).
	Identifier Identifier
	// Patient is the server's Patient, found by the clinic's identifier.
	Patient Reference
	// Signer is the clinician who signed, as a logical reference
	// (identifier in the clinic's practitioner system).
	Signer Reference
	// Device is the AI Device on the server.
	Device Reference
	// Replaces is the server's DocumentReference this amendment replaces.
	Replaces string
	// HTML adds a text/html rendering beside the text/plain one.
	HTML bool
}

// NoteTypes maps templates to LOINC document types; a template without an
// entry is 34109-9 Note. US Core's clinical-note category takes any LOINC
// document type.
var NoteTypes = map[string]Coding{
	"soap": {System: SystemLOINC, Code: "11506-3", Display: "Progress note"},
	"hp":   {System: SystemLOINC, Code: "34117-2", Display: "History and physical note"},
	"avs":  {System: SystemLOINC, Code: "69730-0", Display: "Instructions"},
}

// NoteType is the LOINC document type of a template.
func NoteType(template string) Coding {
	if c, ok := NoteTypes[template]; ok {
		return c
	}
	return Coding{System: SystemLOINC, Code: "34109-9", Display: "Note"}
}

// NoteText renders a signed note for the EHR: the sections as the
// clinician signed them, without evidence links or reviewer flags, and a
// line saying how it was made.
func NoteText(d *encounter.Draft, st encounter.VersionState) string {
	var b strings.Builder
	for _, s := range d.Sections {
		b.WriteString(s.Title + "\n")
		if len(s.Sentences) == 0 {
			b.WriteString("  (none)\n")
		}
		for _, sent := range s.Sentences {
			b.WriteString("  - " + sent.Text + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(provenanceLine(d, st) + "\n")
	return b.String()
}

func provenanceLine(d *encounter.Draft, st encounter.VersionState) string {
	return fmt.Sprintf("AI-assisted note: drafted by %s (%s, %s), reviewed and signed by %s at %s.",
		d.Label.Model, d.Label.Provider, d.Label.PromptVersion, st.SignedBy, ts(st.SignedAt))
}

var noteHTML = template.Must(template.New("note").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title></head><body>
{{range .Sections}}<section><h2>{{.Title}}</h2>{{if .Sentences}}<ul>{{range .Sentences}}<li>{{.Text}}</li>{{end}}</ul>{{else}}<p>(none)</p>{{end}}</section>
{{end}}<footer><p>{{.Footer}}</p></footer>
</body></html>
`))

// NoteHTML renders the note as a standalone HTML page (escaped).
func NoteHTML(d *encounter.Draft, st encounter.VersionState) (string, error) {
	var b bytes.Buffer
	err := noteHTML.Execute(&b, map[string]any{"Title": NoteType(d.Template).Display, "Sections": d.Sections, "Footer": provenanceLine(d, st)})
	if err != nil {
		return "", fmt.Errorf("fhir.NoteHTML: %w", err)
	}
	return b.String(), nil
}

func attach(contentType, title, body string, created time.Time) DocContent {
	sum := sha1.Sum([]byte(body))
	return DocContent{
		Attachment: Attachment{ContentType: contentType, Language: "en",
			Data: base64.StdEncoding.EncodeToString([]byte(body)), Hash: base64.StdEncoding.EncodeToString(sum[:]),
			Title: title, Creation: ts(created)},
		Format: &Coding{System: SystemFormatCode, Code: "urn:ihe:iti:xds:2017:mimeTypeSufficient", Display: "mimeType Sufficient"},
	}
}

// Labels are the security labels of an AI-drafted note: AIAST always,
// and the clinician-asserted label once a clinician signed it.
func Labels(d *encounter.Draft, st encounter.VersionState, p Profiles) []Coding {
	p = p.WithDefaults()
	var out []Coding
	if d.Label.AIGenerated {
		out = append(out, Coding(aiast))
		if st.SignedBy != "" {
			out = append(out, Coding{System: p.ClinicianAssertedSystem, Code: p.ClinicianAssertedCode,
				Display: "Clinician asserted from AI reported"})
		}
	}
	return out
}

// NoteDocument renders a signed note as a US Core DocumentReference.
func NoteDocument(n Note, p Profiles) (*DocumentReference, error) {
	p = p.WithDefaults()
	d := n.Draft
	if d == nil || n.State.SignedBy == "" {
		return nil, fmt.Errorf("fhir.NoteDocument: only a signed version is written back")
	}
	typ := NoteType(d.Template)
	title := fmt.Sprintf("%s (v%d)", typ.Display, d.Version)
	content := []DocContent{attach("text/plain; charset=utf-8", title, NoteText(d, n.State), n.State.SignedAt)}
	if n.HTML {
		h, err := NoteHTML(d, n.State)
		if err != nil {
			return nil, err
		}
		content = append(content, attach("text/html; charset=utf-8", title, h, n.State.SignedAt))
	}
	doc := &DocumentReference{
		ResourceType: "DocumentReference",
		Meta:         &Meta{Profile: []string{p.DocumentProfile}, Security: Labels(d, n.State, p)},
		Identifier:   []Identifier{n.Identifier},
		Status:       n.Status,
		DocStatus:    docStatusOf(n.State.Status),
		Type:         &Concept{Coding: []Coding{typ}, Text: typ.Display},
		Category: []Concept{{Coding: []Coding{{System: SystemUSCoreDocCategory, Code: "clinical-note",
			Display: "Clinical Note"}}, Text: "Clinical Note"}},
		Subject:       &n.Patient,
		Date:          ts(n.State.SignedAt),
		Author:        noteAuthors(n),
		Authenticator: &n.Signer,
		Description:   provenanceLine(d, n.State),
		Content:       content,
		Context: &DocContext{Encounter: []Reference{{Identifier: &Identifier{System: SystemEncounterID, Value: n.EncounterID}}},
			Period: &Period{Start: ts(d.CreatedAt), End: ts(n.State.SignedAt)}},
	}
	if n.Replaces != "" {
		doc.RelatesTo = []RelatesTo{{Code: "replaces", Target: Reference{Reference: n.Replaces}}}
	}
	return doc, nil
}

// noteAuthors are the AI Device and the signing clinician for an AI
// draft; for a note a person wrote, that person (and the signer, when
// someone else signed it) — never a Device.
func noteAuthors(n Note) []Reference {
	if n.Draft.Label.AIGenerated {
		return []Reference{n.Device, n.Signer}
	}
	writer := n.Signer
	if w := n.Draft.CreatedBy; w != "" && n.Signer.Identifier != nil && w != n.Signer.Identifier.Value {
		writer = Reference{Identifier: &Identifier{System: n.Signer.Identifier.System, Value: w}, Display: w}
		return []Reference{writer, n.Signer}
	}
	return []Reference{writer}
}

// docStatusOf maps a version's status to DocumentReference.docStatus. A
// retracted version keeps the docStatus it was signed with; its
// DocumentReference.status carries the retraction.
func docStatusOf(s encounter.DraftStatus) string {
	switch s {
	case encounter.DraftAmended:
		return "amended"
	case encounter.DraftPreliminary:
		return "preliminary"
	default:
		return "final"
	}
}

// DeviceIdentifier names the AI Device of a draft's label on the server.
func DeviceIdentifier(system string, l encounter.Label) Identifier {
	return Identifier{System: system, Value: fhirID(l.Provider + "-" + l.Model + "-" + l.PromptVersion)}
}

// AIDevice renders the AI system that drafted a note.
func AIDevice(id Identifier, l encounter.Label, p Profiles) *Device {
	p = p.WithDefaults()
	return &Device{
		ResourceType: "Device",
		Meta:         &Meta{Profile: []string{p.DeviceProfile}},
		Identifier:   []Identifier{id},
		DeviceName:   []DeviceName{{Name: l.Model, Type: "model-name"}},
		Type:         &Concept{Coding: []Coding{{System: p.DeviceTypeSystem, Code: p.DeviceTypeCode, Display: "Artificial Intelligence"}}},
		Version: []DeviceVersion{
			{Type: &Concept{Text: "provider"}, Value: l.Provider},
			{Type: &Concept{Text: "model"}, Value: l.Model},
			{Type: &Concept{Text: "prompt"}, Value: l.PromptVersion},
		},
	}
}

// NoteProvenance says what the AI did (author, a Device) and who verified
// it (the signing clinician), targeting the server's DocumentReference.
func NoteProvenance(n Note, document string, p Profiles) *Provenance {
	p = p.WithDefaults()
	d := n.Draft
	role := func(code, display string) *Concept {
		return &Concept{Coding: []Coding{{System: SystemParticipantType, Code: code, Display: display}}}
	}
	return &Provenance{
		ResourceType:     "Provenance",
		Meta:             &Meta{Profile: []string{p.ProvenanceProfile}, Security: []Coding{Coding(aiast)}},
		Target:           []Reference{{Reference: document}},
		OccurredDateTime: ts(d.Label.GeneratedAt),
		Recorded:         ts(n.State.SignedAt),
		Activity:         &Concept{Coding: []Coding{{System: SystemDataOperation, Code: "CREATE", Display: "create"}}},
		Agent: []ProvAgent{
			{Type: role("author", "Author"), Who: n.Device},
			{Type: role("verifier", "Verifier"), Who: n.Signer},
		},
		Entity: []ProvEntity{{Role: "source", What: Reference{
			Identifier: &Identifier{System: SystemSHA256, Value: d.Label.InputSHA256},
			Display:    "input to " + d.Label.PromptVersion,
		}}},
	}
}
