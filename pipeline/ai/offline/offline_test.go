package offline_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../../testdata/samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every sentence is copied verbatim from the segment it cites, and sections
// follow the template.
func TestSummarizeIsExtractive(t *testing.T) {
	t.Parallel()
	p := offline.New("offline")
	reg := prompts.Builtin()
	for _, c := range []struct{ file, template string }{
		{"note-hypertension-followup.txt", "soap"},
		{"note-new-patient-hp.txt", "hp"},
		{"note-low-back-pain.txt", "avs"},
	} {
		t.Run(c.file, func(t *testing.T) {
			tmpl, err := reg.Get(c.template)
			if err != nil {
				t.Fatal(err)
			}
			segs := source.FromNote(string(read(t, c.file)))
			res, err := p.Summarizer.Summarize(context.Background(), &ai.SummarizeRequest{Template: tmpl, Segments: segs})
			if err != nil {
				t.Fatal(err)
			}
			checkExtractive(t, tmpl, segs, res)
		})
	}
}

func checkExtractive(t *testing.T, tmpl *prompts.Template, segs []encounter.Segment, res *ai.SummarizeResult) {
	t.Helper()
	if len(res.Sections) != len(tmpl.Sections) {
		t.Fatalf("%d sections, want %d", len(res.Sections), len(tmpl.Sections))
	}
	byID := map[string]string{}
	for _, s := range segs {
		byID[s.ID] = s.Text
	}
	total := 0
	for i, sec := range res.Sections {
		if sec.Key != tmpl.Sections[i].Key {
			t.Errorf("section %d is %q, want %q", i, sec.Key, tmpl.Sections[i].Key)
		}
		for _, s := range sec.Sentences {
			total++
			if len(s.Evidence) != 1 {
				t.Fatalf("sentence %q cites %v", s.Text, s.Evidence)
			}
			if !strings.Contains(byID[s.Evidence[0]], s.Text) {
				t.Errorf("sentence %q is not copied from %s %q", s.Text, s.Evidence[0], byID[s.Evidence[0]])
			}
		}
	}
	if total < 5 {
		t.Fatalf("only %d sentences extracted", total)
	}
	if res.Method != offline.Method || !strings.Contains(res.Notice, "simulated") {
		t.Fatalf("offline output does not say it is offline/simulated: %q %q", res.Method, res.Notice)
	}
}

func TestTranscribeFromSidecar(t *testing.T) {
	t.Parallel()
	p := offline.New("offline")
	res, err := p.Transcriber.Transcribe(context.Background(), &ai.TranscribeRequest{Sidecar: read(t, "rec-cough-telehealth.vtt"), SidecarFormat: caption.VTT})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Segments) < 5 || res.Source != "sidecar:vtt" || res.Segments[0].Speaker == "" {
		t.Fatalf("transcript = %+v", res)
	}
	tmpl, _ := prompts.Builtin().Get("soap")
	sum, err := p.Summarizer.Summarize(context.Background(), &ai.SummarizeRequest{Template: tmpl, Segments: res.Segments})
	if err != nil {
		t.Fatal(err)
	}
	checkExtractive(t, tmpl, res.Segments, sum)
}

func TestTranscribeRawAudioNamesSettings(t *testing.T) {
	t.Parallel()
	_, err := offline.New("offline").Transcriber.Transcribe(context.Background(), &ai.TranscribeRequest{})
	if phi.CodeOf(err) != phi.CodeNotConfigured || !phi.IsPermanent(err) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"sidecar", "ai.transcribe", "ai.providers", "zero_retention"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

func TestTranscribeCorruptSidecar(t *testing.T) {
	t.Parallel()
	_, err := offline.New("offline").Transcriber.Transcribe(context.Background(), &ai.TranscribeRequest{Sidecar: []byte("WEBVTT\n\n00:00:0x --> y\nZelda Quixote\n")})
	if phi.CodeOf(err) != phi.CodeSidecarInvalid || strings.Contains(err.Error(), "Zelda") {
		t.Fatalf("err = %v", err)
	}
}
