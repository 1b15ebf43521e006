package factcheck_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

func segs(texts ...string) []encounter.Segment {
	out := make([]encounter.Segment, len(texts))
	for i, t := range texts {
		speaker := ""
		if sp, rest, ok := cutSpeaker(t); ok {
			speaker, t = sp, rest
		}
		out[i] = encounter.Segment{ID: encounter.SegmentID(i + 1), Speaker: speaker, Text: t}
	}
	return out
}

func cutSpeaker(t string) (string, string, bool) {
	for _, sp := range []string{"Doctor", "Patient"} {
		if len(t) > len(sp)+2 && t[:len(sp)+2] == sp+": " {
			return sp, t[len(sp)+2:], true
		}
	}
	return "", t, false
}

func kinds(ms []encounter.Mismatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Kind)
	}
	return out
}

func TestSentence(t *testing.T) {
	t.Parallel()
	note := segs(
		"Start naproxen 500 mg by mouth twice daily with food for up to 10 days.",
		"There is tenderness over the left lumbar paraspinal muscles.",
		"He denies headache, chest pain, shortness of breath, palpitations, or leg swelling.",
		"BP 138/86 right arm seated, repeat 136/84.",
		"Straight-leg raise is negative on both sides.",
		"The right tympanic membrane is red and bulging. The left tympanic membrane is pearly gray.",
		"He reports a dry cough for about two weeks that is worse at night.",
		"Her previous doctor checked a TSH of 6.8 mIU/L three months ago.",
	)
	dialogue := segs(
		"Doctor: Any shortness of breath or chest pain?",
		"Patient: No. My thermometer read thirty-eight point two today.",
		"Doctor: I'm prescribing benzonatate one hundred milligrams, one capsule three times a day as needed.",
		"Doctor: Your blood pressure is one twenty over eighty.",
		"Doctor: Are you taking the lisinopril every day?",
		"Patient: Yeah, every morning.",
	)
	cases := []struct {
		name     string
		sentence string
		evidence []string
		src      []encounter.Segment
		want     []string
	}{
		{"VerbatimDose", "Start naproxen 500 mg by mouth twice daily with food for up to 10 days.", []string{"seg-0001"}, note, nil},
		{"ParaphrasedDose", "Naproxen 500 mg BID with food, up to 10 days.", []string{"seg-0001"}, note, nil},
		{"ChangedDose", "Start naproxen 250 mg by mouth twice daily.", []string{"seg-0001"}, note, []string{encounter.FactDose}},
		{"ChangedFrequency", "Start naproxen 500 mg three times daily.", []string{"seg-0001"}, note, []string{encounter.FactDose}},
		{"SwappedDrug", "Start ibuprofen 500 mg twice daily.", []string{"seg-0001"}, note, []string{encounter.FactDrug}},
		{"BrandIsGeneric", "Start Aleve 500 mg twice daily.", []string{"seg-0001"}, note, nil},
		{"ChangedDuration", "Naproxen for up to 14 days.", []string{"seg-0001"}, note, []string{encounter.FactTime}},
		{"SwappedSide", "There is tenderness over the right lumbar paraspinal muscles.", []string{"seg-0002"}, note, []string{encounter.FactLaterality}},
		{"SameSide", "Left lumbar paraspinal tenderness.", []string{"seg-0002"}, note, nil},
		{"SideOfTheOtherPart", "The left tympanic membrane is red and bulging.", []string{"seg-0006"}, note, []string{encounter.FactLaterality}},
		{"SideOfThePart", "Right tympanic membrane red and bulging.", []string{"seg-0006"}, note, nil},
		{"FlippedNegation", "He reports chest pain and palpitations.", []string{"seg-0003"}, note, []string{encounter.FactNegation}},
		{"KeptNegation", "Denies chest pain or palpitations.", []string{"seg-0003"}, note, nil},
		{"DroppedNo", "Straight-leg raise is positive on both sides.", []string{"seg-0005"}, note, []string{encounter.FactNegation}},
		{"InventedNumber", "BP 138/86 right arm seated, heart rate 88.", []string{"seg-0004"}, note, []string{encounter.FactNumber}},
		{"BloodPressure", "Blood pressure 138/86 in the right arm.", []string{"seg-0004"}, note, nil},
		{"TimeOfDay", "Dry cough for about two weeks, worse in the morning.", []string{"seg-0007"}, note, []string{encounter.FactTime}},
		{"SpokenWeeks", "Dry cough for 2 weeks, worse at night.", []string{"seg-0007"}, note, nil},
		{"LabValue", "TSH 6.8 mIU/L 3 months ago.", []string{"seg-0008"}, note, nil},
		{"LabValueChanged", "TSH 8.6 mIU/L 3 months ago.", []string{"seg-0008"}, note, []string{encounter.FactNumber}},
		{"AnsweredNoEntailsDenies", "Denies shortness of breath or chest pain.", []string{"seg-0001", "seg-0002"}, dialogue, nil},
		{"AnswerAloneCarriesItsQuestion", "Denies chest pain.", []string{"seg-0002"}, dialogue, nil},
		{"AnsweredNoContradicted", "Reports chest pain.", []string{"seg-0001", "seg-0002"}, dialogue, []string{encounter.FactNegation}},
		{"SpokenTemperature", "Temperature 38.2 today.", []string{"seg-0002"}, dialogue, nil},
		{"SpokenTemperatureChanged", "Temperature 38.9 today.", []string{"seg-0002"}, dialogue, []string{encounter.FactNumber}},
		{"TimeChanged", "Temperature 38.2 yesterday.", []string{"seg-0002"}, dialogue, []string{encounter.FactTime}},
		{"SpokenDose", "Benzonatate 100 mg, 1 capsule three times a day as needed.", []string{"seg-0003"}, dialogue, nil},
		{"SpokenDoseChanged", "Benzonatate 200 mg three times a day as needed.", []string{"seg-0003"}, dialogue, []string{encounter.FactDose}},
		{"SpokenBloodPressure", "BP 120/80.", []string{"seg-0004"}, dialogue, nil},
		{"AnsweredYes", "Takes lisinopril every morning.", []string{"seg-0005", "seg-0006"}, dialogue, nil},
		{"ListMarkerIsNotANumber", "2. Naproxen 500 mg twice daily.", []string{"seg-0001"}, note, nil},
		{"ThatsRightIsNoSide", "That's right, naproxen 500 mg.", []string{"seg-0001"}, note, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := factcheck.Sentence(c.sentence, c.evidence, c.src)
			if diff := cmp.Diff(c.want, kinds(got)); diff != "" {
				t.Errorf("kinds (-want +got):\n%s\nmismatches: %v", diff, got)
			}
		})
	}
}

// Check flags the sentence, says what did not match, and clears stale
// flags when run again on an edit.
func TestCheckFlags(t *testing.T) {
	t.Parallel()
	src := segs("Start lisinopril 10 mg daily.")
	secs := []encounter.Section{{Key: "plan", Sentences: []encounter.Sentence{
		{Text: "Start lisinopril 20 mg daily.", Evidence: []string{"seg-0001"}},
		{Text: "Start lisinopril 10 mg daily.", Evidence: []string{"seg-0001"}, Flags: []string{encounter.FlagFactMismatch}},
	}}}
	factcheck.Check(secs, src)
	want := []encounter.Sentence{
		{Text: "Start lisinopril 20 mg daily.", Evidence: []string{"seg-0001"}, Flags: []string{encounter.FlagFactMismatch},
			Mismatches: []encounter.Mismatch{{Kind: encounter.FactDose, Text: "20 mg", Source: "10 mg"}}},
		{Text: "Start lisinopril 10 mg daily.", Evidence: []string{"seg-0001"}, Flags: []string{}},
	}
	if diff := cmp.Diff(want, secs[0].Sentences); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func ExampleSentence() {
	src := []encounter.Segment{
		{ID: "seg-0001", Speaker: "Doctor", Text: "Any chest pain?"},
		{ID: "seg-0002", Speaker: "Patient", Text: "No."},
		{ID: "seg-0003", Speaker: "Doctor", Text: "Take amoxicillin five hundred milligrams twice a day."},
	}
	fmt.Println(factcheck.Sentence("Denies chest pain.", []string{"seg-0001", "seg-0002"}, src))
	fmt.Println(factcheck.Sentence("Amoxicillin 500 mg BID.", []string{"seg-0003"}, src))
	fmt.Println(factcheck.Sentence("Amoxicillin 875 mg BID.", []string{"seg-0003"}, src))
	// Output:
	// []
	// []
	// [dose "875 mg", source says "500 mg"]
}
