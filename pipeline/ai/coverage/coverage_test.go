package coverage_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai/coverage"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, sentence, question, want string }{
		{"Greeting", "Hi, good morning, nice to see you again.", "", encounter.ReasonSmallTalk},
		{"Thanks", "Thank you so much.", "", encounter.ReasonSmallTalk},
		{"Weather", "Crazy weather out there this week, huh?", "", encounter.ReasonSmallTalk},
		{"DeviceCommand", "Hey computer, show me the labs.", "", encounter.ReasonCommand},
		{"DictationCommand", "Next field.", "", encounter.ReasonCommand},
		{"ScribePause", "Scribe, pause recording.", "", encounter.ReasonCommand},
		{"Filler", "Um, okay, yeah.", "", encounter.ReasonFiller},
		{"Identity", "Please confirm your name and date of birth.", "", encounter.ReasonAdministrative},
		{"IdentityReadOut", "Gregory T. Halvorsen, September 14, 1979.", "", encounter.ReasonAdministrative},
		{"Parking", "Do you need your parking validated?", "", encounter.ReasonAdministrative},
		{"Insurance", "Your insurance should cover it, the front desk can check.", "", encounter.ReasonAdministrative},
		{"Symptom", "I've had a cough for five days.", "", encounter.ReasonClinical},
		{"AnswerToClinicalQuestion", "No.", "Any chest pain?", encounter.ReasonClinical},
		{"AnswerToAdministrativeQuestion", "Yes.", "Is it okay if I record this visit?", encounter.ReasonAdministrative},
		{"FillerWithoutQuestion", "Yeah.", "", encounter.ReasonFiller},
		{"SmallTalkWithSymptomIsClinical", "The weather makes my knee hurt.", "", encounter.ReasonClinical},
		{"SocialHistoryIsClinical", "I work nights at the warehouse.", "", encounter.ReasonClinical},
		{"Signature", "Dr. Samuel Brandt, MD - Internal Medicine", "", encounter.ReasonAdministrative},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := coverage.Classify(c.sentence, c.question); got != c.want {
				t.Errorf("Classify(%q, %q) = %q, want %q", c.sentence, c.question, got, c.want)
			}
		})
	}
}

func TestCompute(t *testing.T) {
	t.Parallel()
	segs := []encounter.Segment{
		{ID: "seg-0001", Speaker: "Doctor", Text: "Hi, I'm Dr. Feld. Hey computer, start recording."},
		{ID: "seg-0002", Speaker: "Doctor", Text: "What brings you in?"},
		{ID: "seg-0003", Speaker: "Patient", Text: "My right knee hurts when I climb stairs. Also I get heartburn after dinner."},
		{ID: "seg-0004", Speaker: "Doctor", Text: "Any swelling?"},
		{ID: "seg-0005", Speaker: "Patient", Text: "No."},
		{ID: "seg-0006", Speaker: "Patient", Text: "My knee hurts on the stairs."},
		{ID: "seg-0007", Speaker: "Doctor", Text: "Um, okay."},
		{ID: "seg-0008", Speaker: "Doctor", Text: "Your blood pressure is one thirty over eighty."},
	}
	sections := []encounter.Section{{Key: "subjective", Sentences: []encounter.Sentence{
		{Text: "Right knee pain when climbing stairs.", Evidence: []string{"seg-0003"}},
	}}}
	got := coverage.Compute(sections, segs)
	want := &encounter.Coverage{
		ClinicalNotUsed: []encounter.Omission{
			{Segment: "seg-0003", Part: 2, Text: "Also I get heartburn after dinner.", Reason: encounter.ReasonClinical},
			{Segment: "seg-0004", Text: "Any swelling?", Reason: encounter.ReasonClinical},
			{Segment: "seg-0005", Text: "No.", Reason: encounter.ReasonClinical},
			{Segment: "seg-0008", Text: "Your blood pressure is one thirty over eighty.", Reason: encounter.ReasonClinical},
		},
		NotUsed: []encounter.Omission{
			{Segment: "seg-0001", Text: "Hi, I'm Dr. Feld. Hey computer, start recording.", Reason: encounter.ReasonCommand},
			{Segment: "seg-0006", Text: "My knee hurts on the stairs.", Reason: encounter.ReasonRepeated},
			{Segment: "seg-0007", Text: "Um, okay.", Reason: encounter.ReasonFiller},
		},
		Segments: 8, Cited: 2, // seg-0003, and seg-0002: the question its answer answers
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("coverage (-want +got):\n%s", diff)
	}
}
