package ai_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// An edit that pulls a listed segment into the note (encounter.PullIn)
// and is checked again, as the edit path does, no longer lists it; the
// pulled sentence cites its segment and passes the checks.
func TestPullInThenCheckDraft(t *testing.T) {
	t.Parallel()
	segs := []encounter.Segment{
		{ID: "seg-0001", Speaker: "Patient", Text: "I've had a cough for five days."},
		{ID: "seg-0002", Speaker: "Doctor", Text: "Your left ear drum looks red and bulging."},
		{ID: "seg-0003", Speaker: "Doctor", Text: "Thanks, take care."},
	}
	d := &encounter.Draft{Sections: []encounter.Section{
		{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{{Text: "Cough for 5 days.", Evidence: []string{"seg-0001"}}}},
		{Key: "objective", Title: "Objective", Sentences: []encounter.Sentence{}},
	}}
	d.NotInDraft = ai.CheckDraft(d.Sections, segs)
	if diff := cmp.Diff([]encounter.Omission{{Segment: "seg-0002", Text: "Your left ear drum looks red and bulging.", Reason: encounter.ReasonClinical}},
		d.NotInDraft.ClinicalNotUsed); diff != "" {
		t.Fatalf("before the edit (-want +got):\n%s", diff)
	}
	edited, err := d.PullIn("seg-0002", 0, "objective")
	if err != nil {
		t.Fatal(err)
	}
	after := ai.CheckDraft(edited, segs)
	if len(after.ClinicalNotUsed) != 0 || after.Cited != 2 {
		t.Errorf("after the edit: %+v", after)
	}
	if s := edited[1].Sentences[0]; len(s.Flags) != 0 {
		t.Errorf("pulled sentence flagged: %+v", s)
	}
}
