package aws_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
	"github.com/clinscribe/clinscribe/pipeline/ai/aws/awstest"
	"github.com/clinscribe/clinscribe/pipeline/caption"
)

// The AWS provider passes the same conformance suite as the others, for
// both transcription engines, against the wire-protocol test servers (and
// a real S3-protocol server for staging).
func TestConformance(t *testing.T) {
	for _, engine := range []string{awsprov.EngineMedical, awsprov.EngineHealthScribe} {
		t.Run(engine, func(t *testing.T) {
			aitest.Run(t, func(t *testing.T) aitest.Setup {
				b := setup(t)
				p := b.rawProvider(t, func(c *awsprov.Config) { c.Transcribe.Engine = engine })
				s := loadSample(t, "rec-cough-telehealth", caption.VTT, ".vtt")
				b.tr.Script(s.wav, s.script)
				return aitest.Setup{
					Provider: p,
					Sent:     func() int { return b.tr.Total() + b.br.Total() },
					Recording: func(t testing.TB) (*ai.TranscribeRequest, []string) {
						return &ai.TranscribeRequest{Audio: media(s.wav, "audio/wav")}, []string{"cough", "phlegm"}
					},
					Silence: func(t testing.TB) *ai.TranscribeRequest {
						silent := append([]byte("RIFF silence "), s.wav[:64]...)
						b.tr.Script(silent, nil)
						return &ai.TranscribeRequest{Audio: media(silent, "audio/wav")}
					},
					BreakNext: func() { b.br.Fail("Converse", awstest.BadRequest) },
				}
			})
		})
	}
}
