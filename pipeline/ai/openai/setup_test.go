package openai_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/openai"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
)

const testKey = "sk-test-not-a-real-key"

type env struct {
	srv  *openaitest.Server
	prov *ai.Provider
	impl *openai.Provider
	cfg  openai.Config
	deps openai.Deps
}

func baseConfig(srv *openaitest.Server, kind string) openai.Config {
	cfg := openai.Config{
		Name: "openai-test", Kind: kind, APIKey: testKey,
		TranscribeModel: "whisper-1", SummarizeModel: "gpt-4o-mini",
		Attestation: ai.Attestation{ZeroRetention: true, Agreement: "baa-test-0001"},
		Timeout:     10 * time.Second,
		Retry:       resilience.Policy{BaseDelay: 5 * time.Millisecond, MaxDelay: 10 * time.Second},
	}
	if kind == openai.KindAzure {
		cfg.Name = "azure-test"
		cfg.BaseURL = srv.URL
		cfg.APIVersion = "2024-10-21"
		cfg.Deployments = map[string]string{"gpt-4o-mini": "notes-deployment", "whisper-1": "whisper-deployment"}
	} else {
		cfg.BaseURL = srv.URL + "/v1"
	}
	return cfg
}

func newEnv(t testing.TB, opts openaitest.Options, kind string, mutate func(*openai.Config, *openai.Deps)) *env {
	t.Helper()
	if opts.APIKey == "" {
		opts.APIKey = testKey
	}
	srv := openaitest.New(t, opts)
	cfg := baseConfig(srv, kind)
	var deps openai.Deps
	if mutate != nil {
		mutate(&cfg, &deps)
	}
	prov, err := openai.New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	var impl *openai.Provider
	if prov.Summarizer != nil {
		impl = prov.Summarizer.(*openai.Provider)
	} else {
		impl = prov.Transcriber.(*openai.Provider)
	}
	return &env{srv: srv, prov: prov, impl: impl, cfg: cfg, deps: deps}
}

func wavRequest(data []byte) *ai.TranscribeRequest {
	return &ai.TranscribeRequest{Audio: ai.Media{
		ContentType: "audio/wav", Size: int64(len(data)), SHA256: "0000",
		Open: func(context.Context) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil },
	}, Language: "en-US"}
}

func expectedWords(exp []openaitest.Expected) []string {
	var words []string
	for _, e := range exp {
		words = append(words, strings.ToLower(strings.TrimSuffix(e.Text, ".")))
	}
	return words
}

func conformanceSetup(kind string) func(t *testing.T) aitest.Setup {
	return func(t *testing.T) aitest.Setup {
		e := newEnv(t, openaitest.Options{}, kind, nil)
		return aitest.Setup{
			Provider: e.prov,
			Sent:     func() int { return len(e.srv.Requests()) },
			Recording: func(t testing.TB) (*ai.TranscribeRequest, []string) {
				wav, exp := openaitest.SynthWAV(openaitest.Script(40*time.Second), openaitest.SynthOptions{LeadSilence: time.Second})
				return wavRequest(wav), expectedWords(exp)
			},
			Silence: func(t testing.TB) *ai.TranscribeRequest {
				e.srv.HallucinateOnSilence(true)
				return wavRequest(openaitest.Silence(20 * time.Second))
			},
			BreakNext: func() { e.srv.FailNext(openaitest.KindChat, openaitest.Failure{Status: 422}) },
		}
	}
}
