package source_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
)

func TestSentences(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"Simple", "Cough for 5 days. No fever!", []string{"Cough for 5 days.", "No fever!"}},
		{"Decimals", "A1c 7.9% today. Temp 38.2 C.", []string{"A1c 7.9% today.", "Temp 38.2 C."}},
		{"Titles", "Seen by Dr. Okafor today. Mr. J. Smith agrees.", []string{"Seen by Dr. Okafor today.", "Mr. J. Smith agrees."}},
		{"DosingAbbreviations", "Take 1 tab p.o. b.i.d. with food. Recheck in 2 weeks.", []string{"Take 1 tab p.o. b.i.d. with food.", "Recheck in 2 weeks."}},
		{"LowercaseAfterPeriod", "Use e.g. saline rinses. Done.", []string{"Use e.g. saline rinses.", "Done."}},
		{"QuestionAndQuotes", `He said "it hurts." Why now? Unknown.`, []string{`He said "it hurts."`, "Why now?", "Unknown."}},
		{"NoTerminalPunctuation", "Follow up in 6 weeks", []string{"Follow up in 6 weeks"}},
		{"Empty", "   ", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, source.Sentences(c.in)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFromNoteHeadings(t *testing.T) {
	t.Parallel()
	note := "Chief complaint: Cough.\nHPI: Three days of cough. No fever.\n\nNote: patient was late.\nPlan:\nStart honey. Return in 1 week."
	got := source.FromNote(note)
	want := []encounter.Segment{
		{ID: "seg-0001", Heading: "chief complaint", Text: "Cough."},
		{ID: "seg-0002", Heading: "hpi", Text: "Three days of cough."},
		{ID: "seg-0003", Heading: "hpi", Text: "No fever."},
		{ID: "seg-0004", Heading: "hpi", Text: "Note: patient was late."},
		{ID: "seg-0005", Heading: "plan", Text: "Start honey."},
		{ID: "seg-0006", Heading: "plan", Text: "Return in 1 week."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestFromCues(t *testing.T) {
	t.Parallel()
	got := source.FromCues([]caption.Cue{{StartMS: 1, EndMS: 2, Speaker: "Patient", Text: "Hi."}})
	want := []encounter.Segment{{ID: "seg-0001", StartMS: 1, EndMS: 2, Speaker: "Patient", Text: "Hi."}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Dr. A. B. saw him. BP 120/80. Plan: go.")
	f.Fuzz(func(t *testing.T, s string) {
		for _, sent := range source.Sentences(s) {
			if sent == "" {
				t.Fatal("empty sentence")
			}
		}
		_ = source.FromNote(s)
	})
}
