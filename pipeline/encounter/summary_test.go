package encounter_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

func TestSummarize(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	note := &encounter.Meta{ID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", Kind: encounter.KindNote, ProviderID: "dr-okafor"}
	optedOut := *note
	optedOut.AIProcessing = encounter.AIProcessingDenied
	done := []encounter.StageStatus{{Stage: encounter.StageTranscribe, State: encounter.StateSkipped},
		{Stage: encounter.StageSummarize, State: encounter.StateDone}}
	signed := func(v int) encounter.Event {
		return encounter.Event{Kind: encounter.EvSigned, Version: v, Actor: "dr-okafor", At: t0}
	}
	cases := []struct {
		name     string
		meta     *encounter.Meta
		stages   []encounter.StageStatus
		versions []int
		evs      []encounter.Event
		want     encounter.Summary
	}{
		{name: "Queued", meta: note, stages: []encounter.StageStatus{{Stage: encounter.StageTranscribe, State: encounter.StateSkipped},
			{Stage: encounter.StageSummarize, State: encounter.StatePending}},
			want: encounter.Summary{Phase: encounter.PhaseProcessing, Where: "queued: drafting the note next"}},
		{name: "Retrying", meta: note, stages: []encounter.StageStatus{{Stage: encounter.StageSummarize, State: encounter.StateRetrying,
			Failure: &encounter.StageFailure{Code: "provider_error"}}},
			want: encounter.Summary{Phase: encounter.PhaseProcessing, Where: "drafting the note: retrying after provider_error"}},
		{name: "Failed", meta: note, stages: []encounter.StageStatus{{Stage: encounter.StageSummarize, State: encounter.StateFailed,
			Failure: &encounter.StageFailure{Code: "no_speech"}}},
			want: encounter.Summary{Phase: encounter.PhaseFailed, Where: "failed while drafting the note: no_speech"}},
		{name: "DraftReady", meta: note, stages: done, versions: []int{1},
			want: encounter.Summary{Phase: encounter.PhaseAwaitingSignoff, Where: "draft v1 ready: awaiting sign-off", Latest: 1, Pending: []int{1}}},
		{name: "Signed", meta: note, stages: done, versions: []int{1, 2}, evs: []encounter.Event{signed(2)},
			want: encounter.Summary{Phase: encounter.PhaseSigned, Where: "signed (v2)", Latest: 2, Signed: 2}},
		{name: "PendingAmendment", meta: note, stages: done, versions: []int{1, 2}, evs: []encounter.Event{signed(1)},
			want: encounter.Summary{Phase: encounter.PhaseAwaitingSignoff, Where: "signed (v1); amendment v2 awaiting sign-off",
				Latest: 2, Signed: 1, Pending: []int{2}}},
		{name: "Rejected", meta: note, stages: done, versions: []int{1}, evs: []encounter.Event{{Kind: encounter.EvRejected, Version: 1}},
			want: encounter.Summary{Phase: encounter.PhaseRejected, Where: "draft v1 rejected: regenerate it or write the note by hand", Latest: 1}},
		{name: "Regenerating", meta: note, stages: done, versions: []int{1}, evs: []encounter.Event{{Kind: encounter.EvRejected, Version: 1},
			{Kind: encounter.EvRegenerateRequested, Version: 2}},
			want: encounter.Summary{Phase: encounter.PhaseProcessing, Where: "regenerating the draft (v2)", Latest: 1, Regenerating: 2}},
		{name: "RegenerationFailed", meta: note, stages: append(done[:2:2], encounter.StageStatus{Stage: encounter.StageRegenerate,
			State: encounter.StateFailed, Failure: &encounter.StageFailure{Code: "provider_error"}}), versions: []int{1},
			evs: []encounter.Event{{Kind: encounter.EvRejected, Version: 1}, {Kind: encounter.EvRegenerateRequested, Version: 2}},
			want: encounter.Summary{Phase: encounter.PhaseRejected, Latest: 1, Regenerating: 2,
				Where: "draft v1 rejected: regenerate it or write the note by hand; regenerating v2 failed: provider_error"}},
		{name: "EnteredInError", meta: note, stages: done, versions: []int{1}, evs: []encounter.Event{signed(1), {Kind: encounter.EvEnteredInError, Version: 1}},
			want: encounter.Summary{Phase: encounter.PhaseEnteredInError, Where: "signed note v1 entered in error", Latest: 1}},
		{name: "WaitingForHuman", meta: &optedOut, evs: []encounter.Event{{Kind: encounter.EvHumanRouted}},
			want: encounter.Summary{Phase: encounter.PhaseHumanDocumentation, Where: "waiting for human documentation by dr-okafor",
				HumanDocumentation: true, AssignedTo: "dr-okafor"}},
		{name: "Reassigned", meta: &optedOut, evs: []encounter.Event{{Kind: encounter.EvHumanRouted}, {Kind: encounter.EvHumanAssigned, AssignedTo: "dr-brandt"}},
			want: encounter.Summary{Phase: encounter.PhaseHumanDocumentation, Where: "waiting for human documentation by dr-brandt",
				HumanDocumentation: true, AssignedTo: "dr-brandt"}},
		{name: "HumanWritten", meta: &optedOut, versions: []int{1}, evs: []encounter.Event{{Kind: encounter.EvHumanRouted}},
			want: encounter.Summary{Phase: encounter.PhaseHumanDocumentation, Where: "documented by a human (v1), waiting for dr-okafor's signature",
				HumanDocumentation: true, AssignedTo: "dr-okafor", Latest: 1, Pending: []int{1}}},
		{name: "HumanSigned", meta: &optedOut, versions: []int{1}, evs: []encounter.Event{{Kind: encounter.EvHumanRouted}, signed(1),
			{Kind: encounter.EvHumanDocumented, Version: 1}},
			want: encounter.Summary{Phase: encounter.PhaseSigned, Where: "documented by a human, signed (v1)", HumanDocumentation: true, Latest: 1, Signed: 1}},
		// Signed but the closing was cut short: still documented.
		{name: "HumanSignedNotClosed", meta: &optedOut, versions: []int{1}, evs: []encounter.Event{{Kind: encounter.EvHumanRouted}, signed(1)},
			want: encounter.Summary{Phase: encounter.PhaseSigned, Where: "documented by a human, signed (v1)", HumanDocumentation: true, Latest: 1, Signed: 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := encounter.Summarize(c.meta, c.stages, c.versions, c.evs)
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestIndexKeys(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 1, 9, 30, 0, 123, time.FixedZone("x", 3600))
	m := &encounter.Meta{ID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", ProviderID: "dr:okafor@clinic", PatientRef: "pt_bbbbbbbbbbbbbbbbbbbbbbbb", CreatedAt: at}
	keys := encounter.IndexKeys(m)
	want := []string{
		"index/by-provider/mrzdu33lmftg64samnwgs3tjmm/20260301T083000.000000123Z_enc_aaaaaaaaaaaaaaaaaaaaaaaaaa",
		"index/by-patient/pt_bbbbbbbbbbbbbbbbbbbbbbbb/20260301T083000.000000123Z_enc_aaaaaaaaaaaaaaaaaaaaaaaaaa",
		"index/by-day/2026-03-01/20260301T083000.000000123Z_enc_aaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	for _, k := range keys {
		got, id, ok := encounter.ParseIndexEntry(k)
		if !ok || id != m.ID || !got.Equal(at) {
			t.Errorf("ParseIndexEntry(%s) = %v %s %v", k, got, id, ok)
		}
	}
	// Entries sort by time, then ID.
	later := encounter.IndexEntry(at.Add(time.Nanosecond), "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa")
	sameTime := encounter.IndexEntry(at, "enc_baaaaaaaaaaaaaaaaaaaaaaaaa")
	first := encounter.IndexEntry(at, m.ID)
	if !(first < sameTime && sameTime < later) {
		t.Errorf("order: %s %s %s", first, sameTime, later)
	}
	for _, bad := range []string{"x", "20260301T083000.000000123Z_enc_x", "notatime_enc_aaaaaaaaaaaaaaaaaaaaaaaaaa"} {
		if _, _, ok := encounter.ParseIndexEntry(bad); ok {
			t.Errorf("ParseIndexEntry(%q) accepted", bad)
		}
	}
}

func TestRendering(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	secs := []encounter.Section{{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{
		{Text: "Start amoxicillin.", Evidence: []string{"seg-0004"}, Flags: []string{encounter.FlagUnsupported}}}}}
	ai := &encounter.Draft{Version: 1, Status: encounter.DraftPreliminary, Sections: secs,
		Label: encounter.Label{AIGenerated: true, SecurityLabel: encounter.SecurityLabelAIAST}}
	human := &encounter.Draft{Version: 1, Status: encounter.DraftPreliminary, Sections: secs,
		Label: encounter.Label{Method: encounter.MethodHuman}}
	signedHuman := *human
	signedHuman.Status, signedHuman.Label.VerifiedBy, signedHuman.Label.VerifiedAt = encounter.DraftFinal, "dr-brandt", t0
	superseded := *ai
	superseded.Status = encounter.DraftSuperseded
	cases := []struct {
		name  string
		text  string
		first string
		has   []string
		lacks []string
	}{
		{"AIDraft", ai.Text(), encounter.Banner, []string{"[seg-0004]", "{unsupported}"}, nil},
		{"HumanDraft", human.Text(), encounter.HumanBanner + " — not yet signed", []string{"[seg-0004]"}, []string{"AI-"}},
		{"HumanSigned", signedHuman.Text(), encounter.HumanBanner + " — signed by dr-brandt on 2026-03-01T09:00:00Z (status: final)", nil, []string{"AI-"}},
		{"SupersededNeverSigned", superseded.Text(), "AI-generated draft — never signed (status: superseded)", nil, nil},
		{"PatientText", signedHuman.PatientText(), encounter.HumanBanner, []string{"Start amoxicillin."}, []string{"[seg-", "{unsupported}"}},
		{"WithoutEvidence", ai.WithoutEvidence().Text(), encounter.Banner, []string{"Start amoxicillin."}, []string{"[seg-", "{unsupported}"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.HasPrefix(c.text, c.first) {
				t.Errorf("starts %q, want %q", strings.SplitN(c.text, "\n", 2)[0], c.first)
			}
			for _, s := range c.has {
				if !strings.Contains(c.text, s) {
					t.Errorf("lacks %q:\n%s", s, c.text)
				}
			}
			for _, s := range c.lacks {
				if strings.Contains(c.text, s) {
					t.Errorf("holds %q:\n%s", s, c.text)
				}
			}
		})
	}
	if len(ai.Sections[0].Sentences[0].Evidence) != 1 {
		t.Error("WithoutEvidence changed the stored draft")
	}
}
