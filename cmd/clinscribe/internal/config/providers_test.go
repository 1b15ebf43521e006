package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
)

func load(t *testing.T, yaml string) (config.Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return config.Load(path, nil)
}

func TestProviderRegistry(t *testing.T) {
	t.Parallel()
	c, err := load(t, `
redis: {url: "redis://127.0.0.1:6379/0"}
ai:
  transcribe: openai-main
  summarize: azure-notes
  providers:
    - name: openai-main
      kind: openai
      api_key_env: OPENAI_API_KEY
      models: {transcribe: whisper-1, summarize: gpt-4o-mini}
      limits: {rpm: 500, tpm: 200000, max_upload_bytes: 26214400, context_window: 128000, max_output_tokens: 4096, max_audio_seconds: 1200}
      retry: {max_attempts: 5, base_delay: 250ms, max_delay: 30s}
      breaker: {failures: 5, cooldown: 30s}
      timeout: 90s
      zero_retention: true
      agreement: baa-2026-014
      fallback: azure-notes
    - name: azure-notes
      kind: azure
      base_url: https://example-resource.openai.azure.com
      api_key_file: /run/secrets/azure-openai
      api_version: 2024-10-21
      deployments: {gpt-4o-mini: notes-prod}
      models: {summarize: gpt-4o-mini}
      zero_retention: true
      agreement: msft-dpa-2026-3
    - name: local-vllm
      kind: openai
      base_url: http://vllm.internal:8000/v1
      models: {summarize: meta-llama/Llama-3.1-70B-Instruct}
      omit_store: true
      legacy_max_tokens: true
`)
	if err != nil {
		t.Fatal(err)
	}
	p := c.AI.Providers[0]
	if p.Limits.TPM != 200000 || p.Retry.MaxAttempts != 5 || !p.ZeroRetention || p.Agreement != "baa-2026-014" || p.Fallback != "azure-notes" {
		t.Errorf("parsed %+v", p)
	}
	if c.AI.Providers[1].Deployments["gpt-4o-mini"] != "notes-prod" {
		t.Errorf("deployments %+v", c.AI.Providers[1].Deployments)
	}
}

func TestProviderRegistryErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, providers, want string }{
		{"key in yaml", `[{name: p, kind: openai, api_key: sk-live-abc, models: {summarize: gpt-4o}}]`, "api_key: API keys are never written"},
		{"attested without agreement", `[{name: p, kind: openai, api_key_env: K, models: {summarize: gpt-4o}, zero_retention: true}]`, "agreement: zero_retention needs"},
		{"unknown kind", `[{name: p, kind: bard}]`, `kind: "bard" is not a known provider kind`},
		{"no models", `[{name: p, kind: openai, api_key_env: K}]`, "models: name a transcribe"},
		{"hosted without key", `[{name: p, kind: openai, models: {summarize: gpt-4o}}]`, "api_key_env or api_key_file is required"},
		{"azure without url", `[{name: p, kind: azure, api_key_env: K, models: {summarize: gpt-4o}}]`, "base_url: required for azure"},
		{"fallback unknown", `[{name: p, kind: offline, fallback: q}]`, `fallback: "q" is not another`},
		{"negative limits", `[{name: p, kind: openai, api_key_env: K, models: {summarize: m}, limits: {rpm: -1}}]`, "limits: must not be negative"},
		{"output over window", `[{name: p, kind: openai, api_key_env: K, models: {summarize: m}, limits: {context_window: 1000, max_output_tokens: 2000}}]`, "max_output_tokens: must be smaller"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := load(t, "redis: {url: \"redis://127.0.0.1:6379/0\"}\nai:\n  providers: "+tc.providers+"\n")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "sk-live-abc") {
				t.Error("the error repeats the key")
			}
		})
	}
}
