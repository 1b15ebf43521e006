package ai_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// echoModel stands in for a model: one sentence citing the first segment.
type echoModel struct{}

func (echoModel) Summarize(_ context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	s := req.Segments[0]
	return &ai.SummarizeResult{Model: "echo-1", Sections: []encounter.Section{{Key: "subjective", Title: "Subjective",
		Sentences: []encounter.Sentence{{Text: s.Text, Evidence: []string{s.ID}}}}}}, nil
}

// optedOut is a consent store where one patient said no.
type optedOut string

func (o optedOut) AIAllowed(_ context.Context, ref string) (bool, error) {
	return ref != string(o), nil
}

// Every call goes through the Gateway: a provider without a zero-retention
// attestation or a patient who opted out is refused before anything leaves,
// and an allowed call is audited before it is made and after it returns.
func Example() {
	sink := &audit.MemorySink{}
	log := audit.NewLogger(sink, "clinscribe", "example", nil)
	attested := &ai.Provider{Name: "model", Kind: "example", Summarizer: echoModel{}, Transcriber: nil,
		Attestation: ai.Attestation{ZeroRetention: true, Agreement: "baa-2026-001"}, Models: map[ai.Task]string{ai.TaskSummarize: "echo-1"}}
	fallbackTranscriber := &ai.Provider{Name: "none", Kind: "example", Transcriber: noTranscriber{},
		Attestation: ai.Attestation{ZeroRetention: true, Agreement: "n/a"}}
	gw, err := ai.NewGateway(ai.Config{Transcribe: "none", Summarize: "model"}, []*ai.Provider{attested, fallbackTranscriber},
		log, optedOut("pt_optedout"), slog.New(slog.DiscardHandler))
	if err != nil {
		fmt.Println(err)
		return
	}
	tmpl, _ := prompts.Builtin().Get("soap")
	req := &ai.SummarizeRequest{Template: tmpl, Segments: []encounter.Segment{{ID: "seg-0001", Text: "Cough for three days."}}}

	res, err := gw.Summarize(context.Background(), ai.Call{EncounterID: "enc_x", PatientRef: "pt_allowed"}, req)
	fmt.Println(res.Sections[0].Sentences[0].Text, res.Sections[0].Sentences[0].Evidence, err)
	_, err = gw.Summarize(context.Background(), ai.Call{EncounterID: "enc_y", PatientRef: "pt_optedout"}, req)
	fmt.Println("opted out:", phi.CodeOf(err))
	for _, e := range sink.Entries() {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %s %s", e.Event, e.EncounterID, e.Result)))
	}
	// Output:
	// Cough for three days. [seg-0001] <nil>
	// opted out: consent_denied
	// ai.intent enc_x
	// ai.outcome enc_x ok
	// ai.refused enc_y consent_denied
}

type noTranscriber struct{}

func (noTranscriber) Transcribe(context.Context, *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	return nil, phi.Permanentf(phi.CodeNotConfigured, "no transcription in this example")
}
