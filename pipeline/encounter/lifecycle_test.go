package encounter_test

import (
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

func TestFold(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	v1 := &encounter.Draft{Version: 1, CreatedBy: "ai:offline"}
	v2 := &encounter.Draft{Version: 2, CreatedBy: "dr-okafor", Parent: 1}
	cases := []struct {
		name   string
		drafts []*encounter.Draft
		evs    []encounter.Event
		want   map[int]encounter.DraftStatus
		review map[int]bool
	}{
		{"AIDraftIsPreliminary", []*encounter.Draft{v1}, nil, map[int]encounter.DraftStatus{1: encounter.DraftPreliminary}, nil},
		{"SignedAIDraftIsFinal", []*encounter.Draft{v1}, []encounter.Event{{Kind: encounter.EvSigned, Version: 1, Actor: "dr-okafor", At: t0}},
			map[int]encounter.DraftStatus{1: encounter.DraftFinal}, nil},
		// Once v2 is signed, v1 is superseded: no longer "preliminary for
		// ever" (issue 14).
		{"SignedEditIsAmended", []*encounter.Draft{v1, v2}, []encounter.Event{{Kind: encounter.EvSigned, Version: 2, Actor: "dr-okafor", At: t0}},
			map[int]encounter.DraftStatus{1: encounter.DraftSuperseded, 2: encounter.DraftAmended}, nil},
		{"SignedThenAmendedSupersedes", []*encounter.Draft{v1, v2}, []encounter.Event{
			{Kind: encounter.EvSigned, Version: 1, At: t0}, {Kind: encounter.EvSigned, Version: 2, At: t0.Add(time.Hour)}},
			map[int]encounter.DraftStatus{1: encounter.DraftSuperseded, 2: encounter.DraftAmended}, nil},
		{"PendingAmendmentLeavesSignedNote", []*encounter.Draft{v1, v2}, []encounter.Event{{Kind: encounter.EvSigned, Version: 1, At: t0}},
			map[int]encounter.DraftStatus{1: encounter.DraftFinal, 2: encounter.DraftPreliminary}, nil},
		{"RetractedAmendmentRestoresSignedNote", []*encounter.Draft{v1, v2}, []encounter.Event{
			{Kind: encounter.EvSigned, Version: 1, At: t0}, {Kind: encounter.EvSigned, Version: 2, At: t0.Add(time.Hour)},
			{Kind: encounter.EvEnteredInError, Version: 2}},
			map[int]encounter.DraftStatus{1: encounter.DraftFinal, 2: encounter.DraftEnteredInError}, nil},
		{"RejectedStaysRejected", []*encounter.Draft{v1, {Version: 2, CreatedBy: "ai:offline"}}, []encounter.Event{
			{Kind: encounter.EvRejected, Version: 1}, {Kind: encounter.EvSigned, Version: 2, At: t0}},
			map[int]encounter.DraftStatus{1: encounter.DraftRejected, 2: encounter.DraftFinal}, nil},
		{"HandWrittenNoteSignedIsFinal", []*encounter.Draft{{Version: 1, CreatedBy: "dr-okafor"}}, []encounter.Event{
			{Kind: encounter.EvSigned, Version: 1, At: t0}},
			map[int]encounter.DraftStatus{1: encounter.DraftFinal}, nil},
		{"RejectOnlyPreliminary", []*encounter.Draft{v1}, []encounter.Event{
			{Kind: encounter.EvSigned, Version: 1, At: t0}, {Kind: encounter.EvRejected, Version: 1}},
			map[int]encounter.DraftStatus{1: encounter.DraftFinal}, nil},
		{"EnteredInErrorOnlySigned", []*encounter.Draft{v1, v2}, []encounter.Event{
			{Kind: encounter.EvEnteredInError, Version: 1}, {Kind: encounter.EvSigned, Version: 2, At: t0}, {Kind: encounter.EvEnteredInError, Version: 2}},
			map[int]encounter.DraftStatus{1: encounter.DraftPreliminary, 2: encounter.DraftEnteredInError}, nil},
		{"SecondSignatureIgnored", []*encounter.Draft{v1}, []encounter.Event{
			{Kind: encounter.EvSigned, Version: 1, Actor: "a", At: t0}, {Kind: encounter.EvSigned, Version: 1, Actor: "b", At: t0.Add(time.Hour)}},
			map[int]encounter.DraftStatus{1: encounter.DraftFinal}, nil},
		{"UnderReviewWhileOpen", []*encounter.Draft{v1}, []encounter.Event{
			{Kind: encounter.EvReviewRequested, Version: 1, CaseID: "rv_1"}, {Kind: encounter.EvReviewRequested, Version: 1, CaseID: "rv_2"},
			{Kind: encounter.EvReviewDecided, Version: 1, CaseID: "rv_1"}},
			map[int]encounter.DraftStatus{1: encounter.DraftPreliminary}, map[int]bool{1: true}},
		{"ReviewClosed", []*encounter.Draft{v1}, []encounter.Event{
			{Kind: encounter.EvReviewRequested, Version: 1, CaseID: "rv_1"}, {Kind: encounter.EvReviewDecided, Version: 1, CaseID: "rv_1"}},
			map[int]encounter.DraftStatus{1: encounter.DraftPreliminary}, map[int]bool{1: false}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := encounter.Fold(c.drafts, c.evs)
			for v, want := range c.want {
				if st[v].Status != want {
					t.Errorf("v%d: %s, want %s", v, st[v].Status, want)
				}
			}
			for v, want := range c.review {
				if st[v].UnderReview != want {
					t.Errorf("v%d under review %v, want %v", v, st[v].UnderReview, want)
				}
			}
		})
	}
	st := encounter.Fold([]*encounter.Draft{v1}, []encounter.Event{
		{Kind: encounter.EvSigned, Version: 1, Actor: "a", At: t0, Attestation: "I reviewed it."},
		{Kind: encounter.EvSigned, Version: 1, Actor: "b", At: t0.Add(time.Hour)}})
	if st[1].SignedBy != "a" || !st[1].SignedAt.Equal(t0) || st[1].Attestation != "I reviewed it." {
		t.Fatalf("the first signature must stand: %+v", st[1])
	}
	// A superseded version keeps who signed it, and names what replaced it.
	st = encounter.Fold([]*encounter.Draft{v1, v2}, []encounter.Event{
		{Kind: encounter.EvSigned, Version: 1, Actor: "a", At: t0}, {Kind: encounter.EvSigned, Version: 2, Actor: "b", At: t0.Add(time.Hour)}})
	if st[1].SignedBy != "a" || st[1].SupersededBy != 2 || encounter.CurrentSigned(st) != 2 {
		t.Fatalf("superseded v1 = %+v, current %d", st[1], encounter.CurrentSigned(st))
	}
}

func TestIDs(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 1000 {
		id := encounter.NewID()
		if !encounter.ValidID(id) || seen[id] {
			t.Fatalf("bad or repeated ID %q", id)
		}
		seen[id] = true
	}
	for _, bad := range []string{"", "enc_", "enc_AAAAAAAAAAAAAAAAAAAAAAAAAA", "enc_aaaaaaaaaaaaaaaaaaaaaaaaa1", "../enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa/x"} {
		if encounter.ValidID(bad) {
			t.Errorf("ValidID(%q) = true", bad)
		}
	}
}
