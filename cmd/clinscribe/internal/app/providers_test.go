package app_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

const simKey = "sk-sim-app-test"

func openAIConfig(t *testing.T, redisURL, baseURL string, attested bool) config.Config {
	t.Helper()
	var c config.Config
	c.DataDir = t.TempDir()
	c.Redis.URL = redisURL
	c.Log.Level = "error"
	c.Worker.Concurrency = 4
	c.Worker.PollInterval = 100 * time.Millisecond
	c.AI.Providers = []config.Provider{{
		Name: "openai-sim", Kind: "openai", BaseURL: baseURL, APIKeyEnv: "SIM_OPENAI_KEY",
		Models:      config.Models{Transcribe: "whisper-1", Summarize: "gpt-4o-mini"},
		Limits:      config.ProviderLimits{RPM: 6000, TPM: 2_000_000},
		Retry:       config.Retry{BaseDelay: 10 * time.Millisecond},
		Attestation: ai.Attestation{ZeroRetention: attested, Agreement: "baa-sim-0001"},
	}}
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

func openApp(t *testing.T, c config.Config) *app.App {
	t.Helper()
	var logs bytes.Buffer
	a, err := app.Open(context.Background(), c, app.Options{LogOutput: &logs, Environ: []string{"SIM_OPENAI_KEY=" + simKey}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	srv, err := a.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	t.Cleanup(func() {
		if strings.Contains(logs.String(), simKey) {
			t.Error("the API key reached the log")
		}
	})
	return a
}

func waitFinished(t *testing.T, a *app.App, id string) *pipeline.View {
	t.Helper()
	return workertest.Finished(t, a.Pipeline.Status, id, 60*time.Second)
}

func submitRecording(t testing.TB, a *app.App, wav []byte) string {
	t.Helper()
	id, err := a.Pipeline.Submit(context.Background(), pipeline.SubmitRequest{
		Audio: bytes.NewReader(wav), AudioContentType: "audio/wav", Template: "soap",
		Subject:    encounter.Subject{PatientID: "MRN-SIM-0001", PatientName: "Test Person"},
		ProviderID: "dr-sim", Actor: "test", Role: "platform", Source: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// The whole pipeline on an OpenAI-style provider (simulated): a note and a
// recording become labeled drafts; silence becomes no note.
func TestPipelineWithOpenAIProvider(t *testing.T) {
	rs := redistest.Start(t)
	srv := openaitest.New(t, openaitest.Options{APIKey: simKey})
	srv.HallucinateOnSilence(true)
	a := openApp(t, openAIConfig(t, rs.URL, srv.URL+"/v1", true))
	ctx := context.Background()

	note, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "samples", "note-hypertension-followup.txt"))
	if err != nil {
		t.Fatal(err)
	}
	noteID, err := a.Pipeline.Submit(ctx, pipeline.SubmitRequest{
		Note: note, NoteContentType: "text/plain; charset=utf-8", Template: "soap",
		Subject:    encounter.Subject{PatientID: "MRN-00451287", PatientName: "Harold J. Whitcombe"},
		ProviderID: "dr-okafor", Actor: "test", Role: "platform", Source: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	wav, _ := openaitest.SynthWAV([]openaitest.Utterance{
		openaitest.Say(1, "i have had a cough for two weeks and it is worse at night"),
		openaitest.Say(0, "your lungs sound clear today"),
		openaitest.Say(0, "we will start ibuprofen 400 mg twice daily with food"),
		openaitest.Say(0, "come back in one week if you are not better"),
	}, openaitest.SynthOptions{TrailSilence: 4 * time.Second})
	recID := submitRecording(t, a, wav)
	silentID := submitRecording(t, a, openaitest.Silence(30*time.Second))

	for _, id := range []string{noteID, recID} {
		v := waitFinished(t, a, id)
		if v.Failure != nil || len(v.Drafts) != 1 {
			t.Fatalf("%s: failure %+v, drafts %d", id, v.Failure, len(v.Drafts))
		}
		l := v.Drafts[0].Label
		if !l.AIGenerated || l.SecurityLabel != encounter.SecurityLabelAIAST || l.Provider != "openai-sim" || l.Model != "gpt-4o-mini" || l.Method != "llm-structured" {
			t.Errorf("%s: label %+v", id, l)
		}
	}
	d, err := a.Services.Signoff.Draft(ctx, recID, 0, signoff.Viewer{Actor: "dr-sim", Role: "clinician"})
	if err != nil {
		t.Fatal(err)
	}
	if text := d.Text(); !strings.Contains(text, "ibuprofen 400 mg") || strings.Contains(strings.ToLower(text), "watching") {
		t.Errorf("recording draft:\n%s", text)
	}
	v := waitFinished(t, a, silentID)
	if v.Failure == nil || v.Failure.Code != string(phi.CodeNoSpeech) || len(v.Drafts) != 0 {
		t.Errorf("silence: failure %+v, drafts %d: want no_speech and no note", v.Failure, len(v.Drafts))
	}

	// Redis holds the limiter's state under the provider name only.
	o, _ := redis.ParseURL(rs.URL)
	rdb := redis.NewClient(o)
	defer rdb.Close()
	keys, _ := rdb.Keys(ctx, "clinscribe:ratelimit:*").Result()
	for _, k := range keys {
		if !strings.HasPrefix(k, "clinscribe:ratelimit:{openai-sim}:") {
			t.Errorf("limiter key %q", k)
		}
	}
	if len(keys) == 0 {
		t.Error("no limiter state in Redis")
	}
	// The simulated server saw what the pipeline sent: nothing
	// identifying about the patient.
	for _, r := range srv.Requests() {
		for _, k := range []string{"user", "metadata"} {
			if _, ok := r.Body[k]; ok {
				t.Errorf("request carried %q", k)
			}
		}
		if r.Kind == openaitest.KindTranscription && r.FileName != "audio.wav" {
			t.Errorf("upload named %q", r.FileName)
		}
	}
	// /metrics shows the provider's flow control: one limiter wait per
	// request it sent, and a closed breaker.
	fams := scrape(t, a.HealthHandler())
	waits, _ := value(fams, "clinscribe_ai_ratelimit_wait_seconds_count", map[string]string{"provider": "openai-sim"})
	if sent := len(srv.Requests()); sent == 0 || int(waits) != sent {
		t.Errorf("%v rate-limiter waits on /metrics for %d requests", waits, sent)
	}
	for state, want := range map[string]float64{"closed": 1, "half_open": 0, "open": 0} {
		if got, ok := value(fams, "clinscribe_ai_circuit_breaker_state", map[string]string{"provider": "openai-sim", "state": state}); !ok || got != want {
			t.Errorf("breaker state %s = %v (present %v), want %v", state, got, ok, want)
		}
	}
}

func TestPipelineRefusesUnattestedProvider(t *testing.T) {
	rs := redistest.Start(t)
	srv := openaitest.New(t, openaitest.Options{APIKey: simKey})
	a := openApp(t, openAIConfig(t, rs.URL, srv.URL+"/v1", false))
	note, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "samples", "note-low-back-pain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := a.Pipeline.Submit(context.Background(), pipeline.SubmitRequest{
		Note: note, NoteContentType: "text/plain", Subject: encounter.Subject{PatientID: "MRN-X"},
		ProviderID: "dr-x", Actor: "test", Role: "platform", Source: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	v := waitFinished(t, a, id)
	if v.Failure == nil || v.Failure.Code != string(phi.CodeNotAttested) {
		t.Fatalf("failure %+v", v.Failure)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d request(s) reached the unattested provider", n)
	}
}
