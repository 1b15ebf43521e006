package deid_test

import (
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/clinscribe/clinscribe/deid"
)

func ExampleRedact() {
	d, _ := deid.New(deid.Config{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }})
	text := "Mr. O'Neil-Park (DOB 3/4/52, MRN#00451287) lives at 1420 Elm Street, Apt 3B, Springfield, IL 62704. Call (555) 010-7788. He drinks Dr. Pepper."
	fmt.Println(d.Redact(text, d.Detect(text, deid.Known{})))
	// Output:
	// Mr. [NAME] (DOB [DATE 1952], MRN#[MRN]) lives at [LOCATION], [LOCATION], IL [ZIP 627]. Call [PHONE]. He drinks Dr. Pepper.
}

// slogText logs one record without a timestamp, so the example is stable.
func slogText() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
}

func ExampleKnown_LogValue() {
	kn := deid.Known{PatientNames: []string{"Harold Whitcombe"}, Identifiers: []string{"00451287"}, BirthDate: "1952-03-04"}
	slogText().Info("encounter", "known", kn)
	// Output:
	// level=INFO msg=encounter known.patient_names=1 known.provider_names=0 known.relative_names=0 known.identifiers=1 known.birth_date=true
}

func ExampleMapping_LogValue() {
	d, _ := deid.New(deid.Config{})
	text := "Harold Whitcombe, MRN 00451287."
	m := deid.NewMapping()
	deid.Pseudonymize(text, d.Detect(text, deid.Known{}), m)
	slogText().Info("pseudonymized", "mapping", m)
	// Output:
	// level=INFO msg=pseudonymized mapping.pairs=3 mapping.pairs_content=[REDACTED]
}

func ExampleSurrogates_LogValue() {
	d, _ := deid.New(deid.Config{})
	text := "Harold Whitcombe was seen 2024-03-01."
	s := deid.NewSurrogates()
	s.Replace(text, d.Detect(text, deid.Known{}))
	slogText().Info("surrogates", "scope", s)
	// Output:
	// level=INFO msg=surrogates scope.pairs=3 scope.shift=[REDACTED]
}

func ExamplePseudonymize() {
	d, _ := deid.New(deid.Config{})
	text := "Harold Whitcombe's MRN is 00451287."
	m := deid.NewMapping()
	p := deid.Pseudonymize(text, d.Detect(text, deid.Known{}), m)
	// p reads like "Orla Vantreese's MRN is 48213377." with random surrogates.
	fmt.Println(m.Restore(p))
	// Output:
	// Harold Whitcombe's MRN is 00451287.
}

func ExampleDetector_NewRecord() {
	d, _ := deid.New(deid.Config{})
	r, err := d.NewRecord(deid.RecordInput{
		TemplateID: "soap-v3", Model: "gpt-4o", Provider: "openai", Sentences: 12, UnsupportedSentences: 1,
		EditRatio: 0.08, Comment: "Mrs. Okafor asked to review the plan (call 555-010-7788).",
	}, deid.Known{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Valid(), r.TemplateID(), r.Comment())
	// Output:
	// true soap-v3 Mrs. [NAME] asked to review the plan (call [PHONE]).
}

func ExampleSuppressSmallCells() {
	type cell struct {
		template string
		drafts   int
	}
	cells := []cell{{"soap-v3", 240}, {"discharge-v1", 7}, {"referral-v2", 11}}
	kept, suppressed := deid.SuppressSmallCells(cells, deid.DefaultMinCell, func(c cell) int { return c.drafts })
	fmt.Println(len(kept), "kept,", suppressed, "suppressed")
	// Output:
	// 2 kept, 1 suppressed
}
