package fhir_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/fhir"
)

// Every resource the project emits validates: the export Bundles (golden
// files and fresh renderings in every lifecycle state) and the write-back
// resources.
func TestEmittedResourcesValidate(t *testing.T) {
	t.Parallel()
	goldens, err := filepath.Glob("testdata/*.json")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, g := range goldens {
		t.Run(filepath.Base(g), func(t *testing.T) {
			b, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			var head struct{ ResourceType string }
			if err := json.Unmarshal(b, &head); err != nil {
				t.Fatal(err)
			}
			var verr error
			switch head.ResourceType {
			case "DocumentReference":
				verr = fhir.ValidateNote(b, fhir.Profiles{})
			case "Provenance":
				verr = fhir.ValidateProvenance(b, fhir.Profiles{})
			default:
				verr = fhir.Validate(b)
			}
			if verr != nil {
				t.Fatal(verr)
			}
		})
	}
	signedAt := time.Date(2026, 3, 4, 16, 0, 0, 0, time.UTC)
	states := map[string]encounter.VersionState{
		"preliminary":      {Version: 1, Status: encounter.DraftPreliminary},
		"final":            {Version: 1, Status: encounter.DraftFinal, SignedBy: "dr-okafor", SignedAt: signedAt},
		"amended":          {Version: 1, Status: encounter.DraftAmended, SignedBy: "dr-okafor", SignedAt: signedAt},
		"rejected":         {Version: 1, Status: encounter.DraftRejected},
		"entered-in-error": {Version: 1, Status: encounter.DraftEnteredInError, SignedBy: "dr-okafor", SignedAt: signedAt},
		"under-review":     {Version: 1, Status: encounter.DraftFinal, SignedBy: "dr-okafor", SignedAt: signedAt, UnderReview: true},
	}
	for name, st := range states {
		for _, tmpl := range []string{"soap", "hp", "avs", "custom"} {
			for _, superseded := range []bool{false, true} {
				t.Run("bundle-"+name+"-"+tmpl, func(t *testing.T) {
					d := sampleDraft()
					d.Template = tmpl
					if superseded {
						d.Parent = 1
						d.Version = 2
					}
					b, err := fhir.Bundle(fhir.Input{EncounterID: d.EncounterID, PatientID: "MRN-1", Draft: d, State: st, Superseded: superseded})
					if err != nil {
						t.Fatal(err)
					}
					if err := fhir.Validate(b); err != nil {
						t.Fatal(err)
					}
				})
			}
		}
	}
}

func sampleNote(t *testing.T) fhir.Note {
	t.Helper()
	d := sampleDraft()
	return fhir.Note{
		EncounterID: d.EncounterID, Draft: d,
		State:      encounter.VersionState{Version: 1, Status: encounter.DraftFinal, SignedBy: "dr-okafor", SignedAt: time.Date(2026, 3, 4, 16, 0, 0, 0, time.UTC)},
		Status:     "current",
		Identifier: fhir.Identifier{System: "urn:clinscribe:note", Value: d.EncounterID + "-v1"},
		Patient:    fhir.Reference{Reference: "Patient/p-1"},
		Signer:     fhir.Reference{Identifier: &fhir.Identifier{System: "urn:clinic:clinician", Value: "dr-okafor"}, Display: "dr-okafor"},
		Device:     fhir.Reference{Reference: "Device/d-1"},
		HTML:       true,
	}
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWriteBackGolden(t *testing.T) {
	n := sampleNote(t)
	doc, err := fhir.NoteDocument(n, fhir.Profiles{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "writeback-documentreference.json", marshal(t, doc))
	golden(t, "writeback-provenance.json", marshal(t, fhir.NoteProvenance(n, "DocumentReference/doc-1", fhir.Profiles{})))
	golden(t, "writeback-device.json", marshal(t, fhir.AIDevice(fhir.DeviceIdentifier("urn:clinscribe:ai-device", n.Draft.Label), n.Draft.Label, fhir.Profiles{})))
	golden(t, "writeback-note.txt", []byte(fhir.NoteText(n.Draft, n.State)))
	h, err := fhir.NoteHTML(n.Draft, n.State)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "writeback-note.html", []byte(h))
}

func TestWriteBackVariantsValidate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		mut  func(*fhir.Note)
	}{
		{"Final", func(*fhir.Note) {}},
		{"AmendmentReplaces", func(n *fhir.Note) {
			n.Draft.Version, n.Draft.Parent, n.State.Status, n.Replaces = 2, 1, encounter.DraftAmended, "DocumentReference/doc-1"
		}},
		{"Superseded", func(n *fhir.Note) { n.Status = "superseded" }},
		{"EnteredInError", func(n *fhir.Note) { n.Status, n.State.Status = "entered-in-error", encounter.DraftEnteredInError }},
		{"TextOnly", func(n *fhir.Note) { n.HTML = false }},
		{"HPTemplate", func(n *fhir.Note) { n.Draft.Template = "hp" }},
		{"AVSTemplate", func(n *fhir.Note) { n.Draft.Template = "avs" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			n := sampleNote(t)
			c.mut(&n)
			doc, err := fhir.NoteDocument(n, fhir.Profiles{})
			if err != nil {
				t.Fatal(err)
			}
			if err := fhir.ValidateNote(marshal(t, doc), fhir.Profiles{}); err != nil {
				t.Fatal(err)
			}
			if err := fhir.ValidateProvenance(marshal(t, fhir.NoteProvenance(n, "DocumentReference/doc-1", fhir.Profiles{})), fhir.Profiles{}); err != nil {
				t.Fatal(err)
			}
			dev := fhir.AIDevice(fhir.DeviceIdentifier("urn:clinscribe:ai-device", n.Draft.Label), n.Draft.Label, fhir.Profiles{})
			if err := fhir.Validate(marshal(t, dev)); err != nil {
				t.Fatal(err)
			}
		})
	}
	if _, err := fhir.NoteDocument(fhir.Note{Draft: sampleDraft()}, fhir.Profiles{}); err == nil {
		t.Fatal("an unsigned version rendered for write-back")
	}
}

// The validators refuse what a FHIR server or a US EHR would refuse, and
// say where without quoting the resource.
func TestValidationRefuses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		mut      func(map[string]any)
		wantPath string
	}{
		{"UnknownElement", func(m map[string]any) { m["patientName"] = "Zelda Quixote" }, "DocumentReference"},
		{"BadStatusCode", func(m map[string]any) { m["status"] = "signed-by-Zelda" }, "DocumentReference.status"},
		{"MissingContent", func(m map[string]any) { delete(m, "content") }, "DocumentReference"},
		{"BadDate", func(m map[string]any) { m["date"] = "Zelda 1931" }, "DocumentReference.date"},
		{"NoCategory", func(m map[string]any) { delete(m, "category") }, "DocumentReference.category"},
		{"NoType", func(m map[string]any) { delete(m, "type") }, "DocumentReference.type"},
		{"SubjectNotPatient", func(m map[string]any) { m["subject"] = map[string]any{"reference": "Group/g1"} }, "DocumentReference.subject"},
		{"NoAIAST", func(m map[string]any) { m["meta"].(map[string]any)["security"] = []any{} }, "DocumentReference.meta.security"},
		{"NoIdentifier", func(m map[string]any) { delete(m, "identifier") }, "DocumentReference.identifier"},
		{"NoProfile", func(m map[string]any) { delete(m["meta"].(map[string]any), "profile") }, "DocumentReference.meta.profile"},
		{"EmptyString", func(m map[string]any) { m["description"] = " " }, "DocumentReference.description"},
		{"EmptyArray", func(m map[string]any) { m["author"] = []any{} }, "DocumentReference.author"},
		{"NoAttachmentData", func(m map[string]any) {
			delete(m["content"].([]any)[0].(map[string]any)["attachment"].(map[string]any), "data")
		}, "DocumentReference.content[0].attachment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			doc, err := fhir.NoteDocument(sampleNote(t), fhir.Profiles{})
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(marshal(t, doc), &m); err != nil {
				t.Fatal(err)
			}
			c.mut(m)
			err = fhir.ValidateNote(marshal(t, m), fhir.Profiles{})
			var verr *fhir.ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, fhir.ErrInvalid) {
				t.Fatalf("accepted or not a validation error: %v", err)
			}
			var paths []string
			for _, p := range verr.Problems {
				paths = append(paths, p.Path)
			}
			found := false
			for _, p := range paths {
				found = found || p == c.wantPath
			}
			if !found {
				t.Errorf("problems at %v, want one at %s", paths, c.wantPath)
			}
			for _, canary := range []string{"Zelda", "1931"} {
				if strings.Contains(err.Error(), canary) {
					t.Errorf("error quotes the resource: %v", err)
				}
			}
		})
	}
	t.Run("ProvenanceWithoutVerifier", func(t *testing.T) {
		p := fhir.NoteProvenance(sampleNote(t), "DocumentReference/doc-1", fhir.Profiles{})
		p.Agent = p.Agent[:1]
		if err := fhir.ValidateProvenance(marshal(t, p), fhir.Profiles{}); !errors.Is(err, fhir.ErrInvalid) {
			t.Fatalf("provenance without a verifier: %v", err)
		}
	})
	t.Run("ConfiguredProfilesFollow", func(t *testing.T) {
		prof := fhir.Profiles{ProvenanceProfile: "http://example.org/StructureDefinition/ai-prov-2"}
		p := fhir.NoteProvenance(sampleNote(t), "DocumentReference/doc-1", prof)
		if diff := cmp.Diff([]string{prof.ProvenanceProfile}, p.Meta.Profile); diff != "" {
			t.Fatal(diff)
		}
		if err := fhir.ValidateProvenance(marshal(t, p), fhir.Profiles{}); !errors.Is(err, fhir.ErrInvalid) {
			t.Fatal("a provenance claiming another profile passed the default check")
		}
		if err := fhir.ValidateProvenance(marshal(t, p), prof); err != nil {
			t.Fatal(err)
		}
	})
}
