package aws_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aws/awstest"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

type memSink struct {
	mu      sync.Mutex
	entries []audit.Entry
}

func (m *memSink) Append(_ context.Context, e audit.Entry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries = append(m.entries, e)
	return nil
}

func (m *memSink) Close() error { return nil }

func (m *memSink) all() []audit.Entry {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]audit.Entry(nil), m.entries...)
}

// The provider behind the audited gateway: a recording is transcribed and
// summarized end to end, each call audited with the job or request ID and
// no content.
func TestThroughGateway(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := loadSample(t, "rec-cough-telehealth", caption.VTT, ".vtt")
	b.tr.Script(s.wav, s.script)
	p := b.provider(t, nil)
	sink := &memSink{}
	g, err := ai.NewGateway(ai.Config{Transcribe: p.Name, Summarize: p.Name}, []*ai.Provider{p},
		audit.NewLogger(sink, "clinscribe", "test", nil), ai.AllowAll{}, b.log)
	if err != nil {
		t.Fatal(err)
	}
	call := ai.Call{EncounterID: encounter.NewID(), PatientRef: "pt_test", TaskID: "task-1"}

	tr, err := g.Transcribe(context.Background(), call, &ai.TranscribeRequest{Audio: media(s.wav, "audio/wav")})
	if err != nil {
		t.Fatal(err)
	}
	checkTranscript(t, tr.Segments)
	tmpl := template(t, "soap")
	sum, err := g.Summarize(context.Background(), call, &ai.SummarizeRequest{Template: tmpl, Segments: tr.Segments})
	if err != nil {
		t.Fatal(err)
	}
	checkSummary(t, tmpl, tr.Segments, sum)
	for _, sec := range sum.Sections {
		for _, sent := range sec.Sentences {
			if len(sent.Flags) > 0 {
				t.Errorf("the gateway flagged %q: %v", sent.Text, sent.Flags)
			}
		}
	}

	entries := sink.all()
	if len(entries) != 4 {
		t.Fatalf("%d audit entries, want intent and outcome for each call", len(entries))
	}
	out := entries[1]
	if out.Event != audit.EventAIOutcome || out.Result != "ok" || out.ProviderRequestID != tr.RequestID || out.Model != "transcribe-medical/PRIMARYCARE/CONVERSATION" {
		t.Errorf("transcription outcome %+v", out)
	}
	if e := entries[3]; e.Model != testModel || e.ProviderRequestID == "" || e.TokensIn == 0 || e.Attestation != "baa-aws-test" {
		t.Errorf("summary outcome %+v", e)
	}
	j, _ := json.Marshal(entries)
	for _, secret := range append(planted, s.cues[3].Text) {
		if strings.Contains(string(j), secret) {
			t.Errorf("audit trail contains %q", secret)
		}
	}
	b.assertClean(t)
	b.assertNotLogged(t, planted...)
}

// Without a zero-retention attestation nothing leaves: no upload, no job,
// no Converse request, and the refusal is audited.
func TestGatewayRefusesUnattested(t *testing.T) {
	t.Parallel()
	b := setup(t)
	p := b.provider(t, nil)
	p.Attestation = ai.Attestation{}
	sink := &memSink{}
	g, err := ai.NewGateway(ai.Config{Transcribe: p.Name, Summarize: p.Name}, []*ai.Provider{p},
		audit.NewLogger(sink, "clinscribe", "test", nil), ai.AllowAll{}, b.log)
	if err != nil {
		t.Fatal(err)
	}
	call := ai.Call{EncounterID: encounter.NewID(), PatientRef: "pt_test"}
	_, err = g.Transcribe(context.Background(), call, &ai.TranscribeRequest{Audio: media([]byte("RIFF"), "audio/wav")})
	checkError(t, err, phi.CodeNotAttested, true)
	_, err = g.Summarize(context.Background(), call, &ai.SummarizeRequest{Template: template(t, "soap"), Segments: []encounter.Segment{{ID: "seg-0001", Text: "x"}}})
	checkError(t, err, phi.CodeNotAttested, true)

	if n := len(b.s3Writes.all()); n != 0 {
		t.Errorf("%d S3 writes", n)
	}
	for _, op := range []string{"StartMedicalTranscriptionJob", "GetMedicalTranscriptionJob"} {
		if n := b.tr.Calls(op); n != 0 {
			t.Errorf("%d %s calls", n, op)
		}
	}
	if n := b.br.Calls("Converse"); n != 0 || len(b.br.Requests()) != 0 {
		t.Errorf("%d Converse calls", n)
	}
	entries := sink.all()
	if len(entries) != 2 || entries[0].Event != audit.EventAIRefused || entries[1].Event != audit.EventAIRefused {
		t.Errorf("audit entries %+v, want two refusals", entries)
	}
}

// Everything the provider logs passes the PHI-safe log handler as is:
// only allowlisted keys, numbers and durations, so nothing it says is
// redacted, and the job name stays readable for operators.
func TestLogsThroughPHIHandler(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.log = slog.New(phi.NewLogHandler(slog.NewJSONHandler(b.logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	b.br.Enqueue(awstest.Reply{Input: map[string]any{"subjective": "x"}}) // one repair, logged
	p := b.provider(t, nil)
	tr, err := p.Transcriber.Transcribe(context.Background(), &ai.TranscribeRequest{Audio: media([]byte("RIFF recording"), "audio/wav")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Summarizer.Summarize(context.Background(), &ai.SummarizeRequest{Template: template(t, "soap"), Segments: tr.Segments}); err != nil {
		t.Fatal(err)
	}
	logs := b.logs.String()
	if strings.Contains(logs, "[redacted") {
		t.Errorf("the provider logged values the PHI handler had to redact:\n%s", logs)
	}
	if !strings.Contains(logs, `"job":"`+tr.RequestID+`"`) || !strings.Contains(logs, "did not match the template schema") {
		t.Errorf("logs lack the job name or the repair:\n%s", logs)
	}
}
