package app

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/ai/openai"
)

// openProviders builds the configured AI providers. Network providers
// share one Redis client for their fleet-wide rate limiters and circuit
// breakers.
func (a *App) openProviders(pcs []config.Provider, environ []string) ([]*ai.Provider, error) {
	var rdb redis.UniversalClient
	limiterRedis := func() (redis.UniversalClient, error) {
		if rdb != nil {
			return rdb, nil
		}
		c, ok := a.Redis.MakeRedisClient().(redis.UniversalClient)
		if !ok {
			return nil, fmt.Errorf("redis client for rate limiting: unexpected type")
		}
		rdb = c
		a.closers = append(a.closers, c.Close)
		return c, nil
	}
	var out []*ai.Provider
	for _, pc := range pcs {
		switch pc.Kind {
		case "offline":
			p := offline.NewWith(pc.Name, &offline.Provider{Latency: pc.SimulateLatency})
			p.Fallback = pc.Fallback
			out = append(out, p)
		case "aws":
			p, err := awsprov.New(context.Background(), pc.Name, pc.AWS, pc.Attestation, a.Log)
			if err != nil {
				return nil, fmt.Errorf("provider %q: %w", pc.Name, err)
			}
			p.Fallback = pc.Fallback
			out = append(out, p)
		case "openai", "azure":
			key, err := apiKey(pc, environ)
			if err != nil {
				return nil, err
			}
			deps := openai.Deps{Log: a.Log, Observer: a.Metrics}
			if pc.Limits.RPM > 0 || pc.Limits.TPM > 0 || pc.Breaker.Failures >= 0 {
				if deps.Redis, err = limiterRedis(); err != nil {
					return nil, err
				}
			}
			p, err := openai.New(openai.Config{
				Name: pc.Name, Kind: pc.Kind, BaseURL: pc.BaseURL, APIKey: key, APIVersion: pc.APIVersion,
				Organization: pc.Organization, Deployments: pc.Deployments,
				TranscribeModel: pc.Models.Transcribe, SummarizeModel: pc.Models.Summarize,
				TranscriptionFormat: pc.TranscriptionFormat,
				Limits:              pc.Limits, Timeout: pc.Timeout, Retry: pc.Retry, Breaker: pc.Breaker,
				OmitStore: pc.OmitStore, LegacyMaxTokens: pc.LegacyMaxTokens, ResponseFormat: pc.ResponseFormat,
				Attestation: pc.Attestation, Fallback: pc.Fallback,
			}, deps)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		default:
			mk := testProviders[pc.Kind]
			if mk == nil {
				return nil, fmt.Errorf("provider %q: unknown kind %q", pc.Name, pc.Kind)
			}
			p, err := mk(pc.Name)
			if err != nil {
				return nil, fmt.Errorf("provider %q: %w", pc.Name, err)
			}
			a.Log.Warn("TEST PROVIDER in use: this binary was built with the clinscribe_testprovider tag", "provider", pc.Name, "kind", pc.Kind)
			out = append(out, p)
		}
		out[len(out)-1].Pseudonymize = pc.Pseudonymize
		if !pc.ZeroRetention && pc.Kind != "offline" {
			a.Log.Warn("AI provider has no zero-retention attestation: the gateway will refuse to send it PHI",
				"provider", pc.Name)
		}
	}
	return out, nil
}

// apiKey reads a provider's key from the named environment variable or
// file. Errors name the setting, never the value.
func apiKey(pc config.Provider, environ []string) (string, error) {
	switch {
	case pc.APIKeyEnv != "":
		if environ == nil {
			environ = os.Environ()
		}
		for _, kv := range environ {
			if k, v, ok := strings.Cut(kv, "="); ok && k == pc.APIKeyEnv {
				if v = strings.TrimSpace(v); v != "" {
					return v, nil
				}
			}
		}
		return "", fmt.Errorf("provider %q: environment variable %s (api_key_env) is not set", pc.Name, pc.APIKeyEnv)
	case pc.APIKeyFile != "":
		b, err := os.ReadFile(pc.APIKeyFile)
		if err != nil {
			return "", fmt.Errorf("provider %q: api_key_file: %w", pc.Name, err)
		}
		key := strings.TrimSpace(string(b))
		if key == "" {
			return "", fmt.Errorf("provider %q: api_key_file %s is empty", pc.Name, pc.APIKeyFile)
		}
		return key, nil
	}
	return "", nil // local OpenAI-compatible servers may need none
}
