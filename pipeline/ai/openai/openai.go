// Package openai is the AI provider for the OpenAI API and everything
// that speaks it: OpenAI itself, Azure OpenAI (deployment paths,
// api-version, api-key header) and OpenAI-compatible servers such as
// vLLM, Ollama and LocalAI (any base URL). It uses go-openai for the wire
// format.
//
// Transcription uploads the recording to /audio/transcriptions — split
// into chunks under the upload limit (or a configured length) and sent in
// parallel when it is large (pipeline/audio), stitched back with correct
// times and no doubled words (pipeline/ai/stitch), with Whisper's
// hallucinations on silence removed. Whisper models answer verbose_json
// (segment times and scores), diarizing models diarized_json (speaker
// labels); others plain json (one text, timed by its chunk).
//
// Summaries use chat completions with structured output: the template's
// JSON schema, strict. The prompt fences the source as data
// (prompts.Render); the answer is validated against the schema, repaired
// once with a follow-up request naming the problem, then failed
// (output_invalid, permanent). Long sources are split into parts that fit
// the context window with room for the answer, summarized per part and
// merged (ai.SummarizeInParts); a context-length error splits further.
//
// Every HTTP request goes out through one wire (wire.go) that refuses
// end-user identifier and metadata fields, sets store=false, and writes
// the request's audit entries through the gateway — outside a gateway
// call, nothing is sent. Around it: the fleet-wide rate limiter (RPM and
// TPM in Redis, tokens estimated with tiktoken and reconciled with the
// reported usage), retries with jittered backoff that honour Retry-After
// and x-ratelimit-reset-*, per-attempt timeouts, and a circuit breaker.
package openai

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/ratelimit"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/ai/tokens"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// Kinds of endpoint.
const (
	KindOpenAI = "openai" // api.openai.com or any OpenAI-compatible base URL
	KindAzure  = "azure"  // Azure OpenAI
)

// DefaultAzureAPIVersion is a GA Azure OpenAI data-plane version with
// structured outputs.
const DefaultAzureAPIVersion = "2024-10-21"

// Limits are a provider's quotas and sizes.
type Limits struct {
	// RPM and TPM are the provider's requests and tokens per minute,
	// shared by the whole fleet. Zero means unlimited.
	RPM int `yaml:"rpm"`
	TPM int `yaml:"tpm"`
	// Burst lets up to this much of the quota go at once. Zero means
	// requests are spaced evenly.
	Burst time.Duration `yaml:"burst"`
	// MaxUploadBytes bounds one audio upload. Zero means 25 MiB (OpenAI's
	// limit); larger recordings are split.
	MaxUploadBytes int64 `yaml:"max_upload_bytes"`
	// MaxAudioSeconds bounds one upload's length; longer recordings are
	// split. Zero means no bound beyond MaxUploadBytes.
	MaxAudioSeconds int `yaml:"max_audio_seconds"`
	// ContextWindow is the summary model's context in tokens. Zero means
	// 128000.
	ContextWindow int `yaml:"context_window"`
	// MaxOutputTokens is reserved for each answer and sent as
	// max_completion_tokens. Zero means 4096.
	MaxOutputTokens int `yaml:"max_output_tokens"`
	// Concurrency bounds the requests one call has in flight (audio
	// chunks, summary parts). Zero means 4.
	Concurrency int `yaml:"concurrency"`
}

// Config configures a provider.
type Config struct {
	Name string
	Kind string // KindOpenAI or KindAzure
	// BaseURL: for openai, the API root including /v1 (default
	// https://api.openai.com/v1; e.g. http://vllm:8000/v1,
	// http://ollama:11434/v1); for azure, https://<resource>.openai.azure.com.
	BaseURL string
	// APIKey authenticates (Bearer, or api-key for Azure). May be empty
	// for local servers that need none.
	APIKey       string
	Organization string
	// APIVersion is Azure's api-version. Zero means DefaultAzureAPIVersion.
	APIVersion string
	// Deployments maps model names to Azure deployment names; a model not
	// listed is used as the deployment name.
	Deployments map[string]string
	// TranscribeModel and SummarizeModel; empty disables the task.
	TranscribeModel string
	SummarizeModel  string
	// TranscriptionFormat: verbose_json, diarized_json or json. Empty
	// picks by model: *diarize* -> diarized_json, whisper* ->
	// verbose_json, other -> json.
	TranscriptionFormat string
	Limits              Limits
	// Timeout bounds one HTTP attempt. Zero means 2 minutes; an audio
	// chunk gets another second per two seconds of audio.
	Timeout time.Duration
	Retry   resilience.Policy
	Breaker resilience.BreakerConfig
	// ResponseFormat is "json_schema" (the default: strict structured
	// output) or "json_object" for compatible servers that only know JSON
	// mode; then the schema goes into the prompt, and the answer is
	// validated against it all the same.
	ResponseFormat string
	// OmitStore leaves store out of chat requests instead of sending
	// store=false, for OpenAI-compatible servers that reject the field.
	// The API's default is false either way.
	OmitStore bool
	// LegacyMaxTokens sends max_tokens instead of max_completion_tokens,
	// for servers and Azure api-versions that predate it.
	LegacyMaxTokens bool
	Attestation     ai.Attestation
	Fallback        string
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.Kind == "" {
		c.Kind = KindOpenAI
	}
	if c.BaseURL == "" && c.Kind == KindOpenAI {
		c.BaseURL = "https://api.openai.com/v1"
	}
	if c.APIVersion == "" && c.Kind == KindAzure {
		c.APIVersion = DefaultAzureAPIVersion
	}
	if c.Limits.MaxUploadBytes == 0 {
		c.Limits.MaxUploadBytes = 25 << 20
	}
	if c.Limits.ContextWindow == 0 {
		c.Limits.ContextWindow = 128_000
	}
	if c.Limits.MaxOutputTokens == 0 {
		c.Limits.MaxOutputTokens = 4096
	}
	if c.Limits.Concurrency == 0 {
		c.Limits.Concurrency = 4
	}
	if c.Timeout == 0 {
		c.Timeout = 2 * time.Minute
	}
	c.Retry = c.Retry.WithDefaults()
	if c.TranscriptionFormat == "" {
		switch m := strings.ToLower(c.TranscribeModel); {
		case strings.Contains(m, "diarize"):
			c.TranscriptionFormat = "diarized_json"
		case strings.Contains(m, "whisper"):
			c.TranscriptionFormat = "verbose_json"
		default:
			c.TranscriptionFormat = "json"
		}
	}
	return c
}

// Validate reports configuration errors.
func (c Config) Validate() error {
	var errs []error
	if c.Kind != KindOpenAI && c.Kind != KindAzure {
		errs = append(errs, fmt.Errorf("kind %q is not openai or azure", c.Kind))
	}
	if c.Kind == KindAzure && c.BaseURL == "" {
		errs = append(errs, errors.New("base_url is required for azure (https://<resource>.openai.azure.com)"))
	}
	if c.TranscribeModel == "" && c.SummarizeModel == "" {
		errs = append(errs, errors.New("models: set transcribe and/or summarize"))
	}
	switch c.TranscriptionFormat {
	case "verbose_json", "diarized_json", "json":
	default:
		errs = append(errs, fmt.Errorf("transcription_format %q is not verbose_json, diarized_json or json", c.TranscriptionFormat))
	}
	if c.Limits.MaxUploadBytes < 1<<20 {
		errs = append(errs, errors.New("limits.max_upload_bytes must be at least 1 MiB"))
	}
	if c.Limits.MaxOutputTokens >= c.Limits.ContextWindow {
		errs = append(errs, errors.New("limits.max_output_tokens must be smaller than limits.context_window"))
	}
	if c.Limits.RPM < 0 || c.Limits.TPM < 0 || c.Limits.MaxAudioSeconds < 0 || c.Limits.Concurrency < 0 {
		errs = append(errs, errors.New("limits must not be negative"))
	}
	return errors.Join(errs...)
}

// Deps are what a provider works with.
type Deps struct {
	// Redis holds the fleet-wide rate limiter's and circuit breaker's
	// state. Nil means no rate limiting and a breaker per process (tests,
	// a single process).
	Redis ratelimit.Scripter
	// HTTPClient sends the requests; nil means a client with pooled
	// connections and no overall timeout (attempts carry their own).
	HTTPClient *http.Client
	Log        *slog.Logger
	Now        func() time.Time
	// Observer, if set, is told every rate-limiter wait and breaker
	// transition (metrics).
	Observer ai.ProviderObserver
}

// Provider talks to one OpenAI-style endpoint.
type Provider struct {
	cfg     Config
	api     *goopenai.Client
	limiter *ratelimit.Limiter
	breaker resilience.CircuitBreaker
	counter *tokens.Counter
	log     *slog.Logger
	now     func() time.Time
	obs     ai.ProviderObserver
}

var (
	_ ai.Transcriber = (*Provider)(nil)
	_ ai.Summarizer  = (*Provider)(nil)
)

// New returns the provider as a configured ai.Provider.
func New(cfg Config, deps Deps) (*ai.Provider, error) {
	p, err := NewProvider(cfg, deps)
	if err != nil {
		return nil, err
	}
	ap := &ai.Provider{
		Name: p.cfg.Name, Kind: p.cfg.Kind, Attestation: p.cfg.Attestation, Fallback: p.cfg.Fallback,
		Models: map[ai.Task]string{},
	}
	if p.cfg.TranscribeModel != "" {
		ap.Transcriber = p
		ap.Models[ai.TaskTranscribe] = p.cfg.TranscribeModel
	}
	if p.cfg.SummarizeModel != "" {
		ap.Summarizer = p
		ap.Models[ai.TaskSummarize] = p.cfg.SummarizeModel
	}
	return ap, nil
}

// NewProvider returns the provider itself, for tests and callers that
// wire it by hand.
func NewProvider(cfg Config, deps Deps) (*Provider, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("openai.New: provider %q: %w", cfg.Name, err)
	}
	if deps.Log == nil {
		deps.Log = slog.Default()
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.HTTPClient == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 64
		t.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		deps.HTTPClient = &http.Client{Transport: t}
	}
	var gc goopenai.ClientConfig
	if cfg.Kind == KindAzure {
		gc = goopenai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		gc.APIVersion = cfg.APIVersion
		deployments := cfg.Deployments
		gc.AzureModelMapperFunc = func(model string) string {
			if d, ok := deployments[model]; ok {
				return d
			}
			return model
		}
	} else {
		gc = goopenai.DefaultConfig(cfg.APIKey)
		gc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	gc.OrgID = cfg.Organization
	gc.HTTPClient = &wire{client: deps.HTTPClient, omitStore: cfg.OmitStore}
	counter, err := tokens.For(cfg.SummarizeModel)
	if err != nil {
		return nil, fmt.Errorf("openai.New: %w", err)
	}
	p := &Provider{
		cfg: cfg, api: goopenai.NewClientWithConfig(gc), counter: counter, log: deps.Log, now: deps.Now,
		breaker: resilience.NewBreaker(cfg.Name, cfg.Breaker, deps.Log, deps.Now), obs: deps.Observer,
	}
	if deps.Redis != nil {
		// The fleet's breaker: one probe for every worker, not one each.
		if p.breaker, err = resilience.NewSharedBreaker(deps.Redis, cfg.Name, cfg.Breaker, resilience.SharedOptions{ProbeLease: cfg.Timeout}, deps.Log, deps.Now); err != nil {
			return nil, fmt.Errorf("openai.New: %w", err)
		}
	}
	if p.obs != nil {
		p.breaker.Observe(func(state string) { p.obs.BreakerState(cfg.Name, state) })
	}
	rl := ratelimit.Limits{RPM: cfg.Limits.RPM, TPM: cfg.Limits.TPM, Burst: cfg.Limits.Burst}
	if deps.Redis != nil && rl.Enabled() {
		p.limiter = ratelimit.New(deps.Redis, cfg.Name, rl, ratelimit.Options{})
	} else if rl.Enabled() {
		deps.Log.Warn("AI provider has rate limits but no Redis to share them: not rate limited", "provider", cfg.Name)
	}
	return p, nil
}

// Config returns the provider's configuration, defaults filled.
func (p *Provider) Config() Config { return p.cfg }

// Breaker is the provider's circuit breaker (for status pages and tests):
// the fleet's (in Redis) when Deps.Redis was given.
func (p *Provider) Breaker() resilience.CircuitBreaker { return p.breaker }

// modelRE: a model name reported by the server is recorded only if it is
// identifier-shaped (audit entries refuse free text).
var modelRE = regexp.MustCompile(`^[A-Za-z0-9._:@+/-]{1,100}$`)

func (p *Provider) reportedModel(got, configured string) string {
	if modelRE.MatchString(got) {
		return got
	}
	return configured
}

// attempt runs one HTTP attempt under the breaker and the rate limiter,
// and records its outcome: the request's audit outcome entry, the
// limiter's reconciliation with the tokens the provider reported, and the
// breaker's verdict. estimate is the tokens reserved beforehand; actual
// returns the tokens the response reports (called only on success).
func (p *Provider) attempt(ctx context.Context, ex *exchange, estimate int, timeout time.Duration, send func(ctx context.Context) (usage ai.Usage, err error)) error {
	permit, err := p.breaker.Admit(ctx)
	if err != nil {
		return err // a *resilience.Deferral: nothing was sent
	}
	res, err := p.limiter.Wait(ctx, estimate)
	if err != nil {
		permit.Done(ctx, resilience.VerdictNone)
		return p.limiterError(err)
	}
	if p.obs != nil && p.limiter != nil {
		p.obs.RateLimitWait(p.cfg.Name, res.Wait)
	}
	// The attempt's clock starts once quota is granted.
	actx, cancel := context.WithTimeoutCause(ctx, timeout, resilience.ErrAttemptTimeout)
	usage, callErr := send(withExchange(actx, ex))
	perr, h := p.classify(actx, ex, callErr)
	cancel()
	var requestID string
	if ex.header != nil {
		requestID = firstNonEmpty(ex.header.Get("x-request-id"), ex.header.Get("apim-request-id"))
	}
	// The request's outcome, written even if the response is unusable.
	if aerr := ex.audit.End(ctx, resultCode(perr), usage, requestID); aerr != nil {
		permit.Done(ctx, resilience.VerdictNone)
		return aerr
	}
	bg := context.WithoutCancel(ctx)
	switch {
	case ex.audit == nil: // never sent
		res.Cancel(bg)
	case perr == nil:
		if err := res.Reconcile(bg, usage.InputTokens+usage.OutputTokens); err != nil {
			p.log.Warn("rate limiter reconcile failed", "provider", p.cfg.Name, "error", err)
		}
	case ex.status == http.StatusTooManyRequests:
		res.Cancel(bg) // refused: nothing was used, but the fleet waits
		if d, ok := resilience.RetryAfter(perr); ok {
			if err := p.limiter.Penalize(bg, d); err != nil {
				p.log.Warn("rate limiter penalty failed", "provider", p.cfg.Name, "error", err)
			}
		}
	case ex.status != 0:
		_ = res.Reconcile(bg, 0) // answered with an error: the request counted, its tokens did not
	}
	switch h {
	case healthy:
		permit.Done(ctx, resilience.VerdictHealthy)
	case unhealthy:
		permit.Done(ctx, resilience.VerdictUnhealthy)
	default:
		permit.Done(ctx, resilience.VerdictNone)
	}
	return perr
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// retry runs attempts under the retry policy.
func (p *Provider) retry(ctx context.Context, fn func(ctx context.Context) error) error {
	return p.cfg.Retry.Do(ctx, func(ctx context.Context, _ int) error { return fn(ctx) })
}

func (p *Provider) checkCall(ctx context.Context) error {
	if !ai.InGatewayCall(ctx) {
		return phi.WrapPermanent(ai.ErrOutsideGateway, phi.CodeInternal, "AI provider called outside the audited gateway; nothing sent")
	}
	return nil
}

// budget is the summary model's request budget.
func (p *Provider) budget() prompts.Budget {
	return prompts.Budget{ContextWindow: p.cfg.Limits.ContextWindow, MaxOutputTokens: p.cfg.Limits.MaxOutputTokens}
}
