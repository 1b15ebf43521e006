package fhir_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/fhir"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sampleDraft() *encounter.Draft {
	t0 := time.Date(2026, 3, 4, 15, 4, 5, 0, time.UTC)
	d := &encounter.Draft{
		EncounterID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", Version: 1, Status: encounter.DraftPreliminary, Template: "soap",
		Sections: []encounter.Section{
			{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{{Text: "Cough for five days.", Evidence: []string{"seg-0002"}}}},
			{Key: "objective", Title: "Objective", Sentences: []encounter.Sentence{{Text: "Temperature 38.2.", Evidence: []string{"seg-0004"}}}},
			{Key: "assessment", Title: "Assessment", Sentences: []encounter.Sentence{{Text: "Viral bronchitis, likely.", Evidence: []string{"seg-0005"}, Flags: []string{"unsupported"}}}},
			{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{}},
		},
		Label: encounter.Label{AIGenerated: true, SecurityLabel: "AIAST", Provider: "offline", Model: "clinscribe-extractive-1",
			PromptVersion: "soap@1+9531b025", InputSHA256: "d84a04425b0f4db59476fd8a50f1a081ffac60224fa138c09d8388c3688bcca4",
			Method: "offline-extractive", Notice: "Offline extractive draft (simulated AI).", GeneratedAt: t0},
		CreatedAt: t0, CreatedBy: "ai:offline",
		NotInDraft: &encounter.Coverage{
			ClinicalNotUsed: []encounter.Omission{{Segment: "seg-0003", Text: "No wheezing.", Reason: encounter.ReasonClinical}},
			NotUsed: []encounter.Omission{
				{Segment: "seg-0001", Text: "Hi, good morning.", Reason: encounter.ReasonSmallTalk},
				{Segment: "seg-0005", Part: 2, Text: "Hey computer, next field.", Reason: encounter.ReasonCommand},
			},
			Segments: 5, Cited: 3,
		},
	}
	d.ComputeContentHash()
	return d
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func TestBundleGolden(t *testing.T) {
	prelim := sampleDraft()
	b, err := fhir.Bundle(fhir.Input{EncounterID: prelim.EncounterID, PatientID: "MRN-00451287", Draft: prelim,
		State: encounter.VersionState{Version: 1, Status: encounter.DraftPreliminary}})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "bundle-preliminary.json", b)
	golden(t, "text-preliminary.txt", []byte(prelim.Text()))

	final := sampleDraft()
	signedAt := time.Date(2026, 3, 4, 16, 0, 0, 0, time.UTC)
	final.Status = encounter.DraftFinal
	final.Label.VerifiedBy, final.Label.VerifiedAt = "dr-okafor", signedAt
	b, err = fhir.Bundle(fhir.Input{EncounterID: final.EncounterID, PatientID: "MRN-00451287", Draft: final,
		State: encounter.VersionState{Version: 1, Status: encounter.DraftFinal, SignedBy: "dr-okafor", SignedAt: signedAt}})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "bundle-final.json", b)
	golden(t, "text-final.txt", []byte(final.Text()))
}

// Structural checks that hold whatever the golden files say.
func TestBundleShape(t *testing.T) {
	t.Parallel()
	d := sampleDraft()
	b, err := fhir.Bundle(fhir.Input{EncounterID: d.EncounterID, PatientID: "p1", Draft: d,
		State: encounter.VersionState{Version: 1, Status: encounter.DraftFinal, SignedBy: "dr-okafor", SignedAt: time.Now()}})
	if err != nil {
		t.Fatal(err)
	}
	var bun struct {
		ResourceType string
		Entry        []struct{ Resource map[string]any }
	}
	if err := json.Unmarshal(b, &bun); err != nil {
		t.Fatal(err)
	}
	if bun.ResourceType != "Bundle" || len(bun.Entry) != 3 {
		t.Fatalf("bundle = %s", b)
	}
	doc, prov := bun.Entry[0].Resource, bun.Entry[1].Resource
	if doc["resourceType"] != "DocumentReference" || doc["docStatus"] != "final" {
		t.Fatalf("doc = %v", doc)
	}
	// "Not in the draft" rides along as an extension a receiver can ignore,
	// clinical content not used first.
	ext := doc["extension"].([]any)[0].(map[string]any)
	parts := ext["extension"].([]any)
	first := parts[2].(map[string]any)["extension"].([]any)
	if ext["url"] != fhir.ExtensionNotInDraft || len(parts) != 5 ||
		first[1].(map[string]any)["valueCode"] != encounter.ReasonClinical || first[2].(map[string]any)["valueString"] != "No wheezing." {
		t.Fatalf("not-in-draft extension = %v", ext)
	}
	sec := doc["meta"].(map[string]any)["security"].([]any)[0].(map[string]any)
	if sec["code"] != "AIAST" || sec["system"] != fhir.SystemObservationValue {
		t.Fatalf("security = %v", sec)
	}
	agents := prov["agent"].([]any)
	roles := []string{}
	for _, a := range agents {
		roles = append(roles, a.(map[string]any)["type"].(map[string]any)["coding"].([]any)[0].(map[string]any)["code"].(string))
	}
	if diff := cmp.Diff([]string{"author", "verifier"}, roles); diff != "" {
		t.Fatalf("provenance agents: %s", diff)
	}
}

// A note a clinician wrote by hand is not rendered as AI output; a
// superseded version keeps a valid docStatus and says it is superseded.
func TestBundleHumanAndSuperseded(t *testing.T) {
	t.Parallel()
	decode := func(in fhir.Input) []map[string]any {
		t.Helper()
		b, err := fhir.Bundle(in)
		if err != nil {
			t.Fatal(err)
		}
		var bun struct {
			Entry []struct{ Resource map[string]any }
		}
		if err := json.Unmarshal(b, &bun); err != nil {
			t.Fatal(err)
		}
		var out []map[string]any
		for _, e := range bun.Entry {
			out = append(out, e.Resource)
		}
		return out
	}
	t.Run("Human", func(t *testing.T) {
		d := sampleDraft()
		d.Label, d.CreatedBy = encounter.Label{Method: encounter.MethodHuman, GeneratedAt: d.CreatedAt}, "dr-brandt"
		res := decode(fhir.Input{EncounterID: d.EncounterID, PatientID: "p1", Draft: d,
			State: encounter.VersionState{Version: 1, Status: encounter.DraftFinal, SignedBy: "dr-brandt", SignedAt: d.CreatedAt}})
		if len(res) != 1 || res[0]["resourceType"] != "DocumentReference" {
			t.Fatalf("resources = %v", res)
		}
		if sec := res[0]["meta"].(map[string]any)["security"]; sec != nil && len(sec.([]any)) != 0 {
			t.Errorf("a hand-written note carries security labels %v", sec)
		}
		authors := res[0]["author"].([]any)
		if len(authors) != 1 || authors[0].(map[string]any)["reference"] != "Practitioner/dr-brandt" {
			t.Errorf("authors = %v", authors)
		}
	})
	t.Run("Superseded", func(t *testing.T) {
		d := sampleDraft()
		res := decode(fhir.Input{EncounterID: d.EncounterID, PatientID: "p1", Draft: d, Superseded: true,
			State: encounter.VersionState{Version: 1, Status: encounter.DraftSuperseded, SignedBy: "dr-okafor", SignedAt: d.CreatedAt}})
		if res[0]["status"] != "superseded" || res[0]["docStatus"] != "final" {
			t.Errorf("status %v, docStatus %v; want superseded, final", res[0]["status"], res[0]["docStatus"])
		}
	})
}
