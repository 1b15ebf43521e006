package encounter_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

func coveredDraft() *encounter.Draft {
	d := &encounter.Draft{
		EncounterID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", Version: 1, Status: encounter.DraftPreliminary, Template: "soap",
		Sections: []encounter.Section{
			{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{{Text: "Cough for 5 days.", Evidence: []string{"seg-0002"}}}},
			{Key: "objective", Title: "Objective", Sentences: []encounter.Sentence{{Text: "Temperature 38.9.", Evidence: []string{"seg-0003"},
				Flags: []string{encounter.FlagFactMismatch}, Mismatches: []encounter.Mismatch{{Kind: encounter.FactNumber, Text: "38.9", Source: "38.2"}}}}},
		},
		NotInDraft: &encounter.Coverage{
			ClinicalNotUsed: []encounter.Omission{{Segment: "seg-0004", Text: "No chest pain.", Reason: encounter.ReasonClinical}},
			NotUsed:         []encounter.Omission{{Segment: "seg-0001", Text: "Hello there.", Reason: encounter.ReasonSmallTalk}},
			Segments:        4, Cited: 2,
		},
		Label: encounter.Label{AIGenerated: true, Notice: "Simulated."},
	}
	d.ComputeContentHash()
	return d
}

// A signer reads what the draft leaves out, clinical content first, before
// the note — and so before the signature's attestation.
func TestTextShowsNotInDraftFirst(t *testing.T) {
	t.Parallel()
	text := coveredDraft().Text()
	not := strings.Index(text, "NOT IN THE DRAFT")
	clin := strings.Index(text, "! No chest pain. [seg-0004]")
	small := strings.Index(text, "Hello there.")
	first := strings.Index(text, "Subjective")
	if not < 0 || clin < 0 || small < 0 || first < 0 || !(strings.Index(text, encounter.Banner) < not && not < clin && clin < small && small < first) {
		t.Fatalf("order of banner, list and note is wrong:\n%s", text)
	}
	if !strings.Contains(text, `{number "38.9", source says "38.2"}`) {
		t.Errorf("fact mismatch not rendered:\n%s", text)
	}
	signed := coveredDraft()
	signed.Label.VerifiedBy, signed.Label.VerifiedAt = "dr-okafor", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if strings.Contains(signed.Text(), "NOT IN THE DRAFT") {
		t.Errorf("a signed note's text still carries the review list:\n%s", signed.Text())
	}
}

// The content hash a sign-off binds to covers the list; a version without
// one hashes its sections as before.
func TestContentHashCoversNotInDraft(t *testing.T) {
	t.Parallel()
	a, b := coveredDraft(), coveredDraft()
	b.NotInDraft.ClinicalNotUsed = nil
	b.ComputeContentHash()
	if a.ContentSHA256 == b.ContentSHA256 {
		t.Error("hash ignores the Not in the draft list")
	}
	old := coveredDraft()
	old.NotInDraft = nil
	old.ComputeContentHash()
	// The sections alone, hashed as drafts were before coverage existed.
	raw, err := json.Marshal(old.Sections)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if want := hex.EncodeToString(sum[:]); old.ContentSHA256 != want {
		t.Errorf("hash without coverage %s, want the sections' %s", old.ContentSHA256, want)
	}
}

// PullIn takes a listed omission into a section as one sentence citing it.
func TestPullIn(t *testing.T) {
	t.Parallel()
	d := coveredDraft()
	cases := []struct {
		name, segment, section string
		part                   int
		wantErr                bool
	}{
		{"ClinicalIntoSubjective", "seg-0004", "subjective", 0, false},
		{"NotListed", "seg-0002", "subjective", 0, true},
		{"NoSuchSection", "seg-0004", "history", 0, true},
		{"WrongPart", "seg-0004", "subjective", 2, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			secs, err := d.PullIn(c.segment, c.part, c.section)
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err != nil {
				return
			}
			want := []encounter.Sentence{
				{Text: "Cough for 5 days.", Evidence: []string{"seg-0002"}},
				{Text: "No chest pain.", Evidence: []string{"seg-0004"}},
			}
			if diff := cmp.Diff(want, secs[0].Sentences); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(d.Sections[0].Sentences) != 1 {
				t.Error("PullIn changed the stored version")
			}
		})
	}
}
