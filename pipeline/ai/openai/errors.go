package openai

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/ratelimit"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// health says what a result tells the circuit breaker.
type health int

const (
	neutral   health = iota // says nothing about the provider's health (429, cancelled)
	healthy                 // the provider answered on purpose (2xx, most 4xx)
	unhealthy               // 5xx, timeouts, connection errors, garbled bodies
)

// hintedError is a retryable error with the provider's Retry-After.
type hintedError struct {
	err   *phi.Error
	after time.Duration
}

func (e *hintedError) Error() string             { return e.err.Error() }
func (e *hintedError) Unwrap() error             { return e.err }
func (e *hintedError) RetryAfter() time.Duration { return e.after }

// retryAfter reads when the provider will take requests again: the
// precise retry-after-ms (OpenAI, Azure), Retry-After in seconds or as an
// HTTP date, and the x-ratelimit-reset-* durations ("1s", "6m0s",
// "20ms") — the longest of them.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	var d time.Duration
	if v := h.Get("retry-after-ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 {
			d = max(d, time.Duration(ms*float64(time.Millisecond)))
		}
	}
	if v := h.Get("Retry-After"); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil && s > 0 {
			if d == 0 { // retry-after-ms is the same figure, more precise
				d = time.Duration(s * float64(time.Second))
			}
		} else if t, err := http.ParseTime(v); err == nil && t.After(now) {
			d = max(d, t.Sub(now))
		}
	}
	for _, k := range []string{"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"} {
		if v := h.Get(k); v != "" {
			if r, err := time.ParseDuration(v); err == nil && r > 0 {
				d = max(d, r)
			}
		}
	}
	return min(d, 10*time.Minute)
}

func codeString(c any) string {
	switch v := c.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.Itoa(int(v))
	}
	return ""
}

// classify turns the outcome of one attempt into a phi.Error whose
// message names the provider, the HTTP status and what it means — never
// the provider's own message, which may quote the request. The cause
// stays reachable with errors.As for debugging in process.
func (p *Provider) classify(parent context.Context, ex *exchange, err error) (error, health) {
	if err == nil {
		return nil, healthy
	}
	if ex.refused != nil {
		return ex.refused, neutral
	}
	if pe := parent.Err(); pe != nil {
		if errors.Is(context.Cause(parent), resilience.ErrAttemptTimeout) {
			return phi.Wrap(errors.Join(err, resilience.ErrAttemptTimeout), phi.CodeTimeout,
				fmt.Sprintf("provider %s did not answer in time (timeout %s)", p.cfg.Name, p.cfg.Timeout)), unhealthy
		}
		return phi.Wrap(err, phi.CodeOf(pe), fmt.Sprintf("call to provider %s ended: the task was cancelled or ran out of time", p.cfg.Name)), neutral
	}
	name := p.cfg.Name
	status := ex.status
	var code, typ, msg string
	var apiErr *goopenai.APIError
	var reqErr *goopenai.RequestError
	switch {
	case errors.As(err, &apiErr):
		status = max(status, apiErr.HTTPStatusCode)
		code, typ, msg = codeString(apiErr.Code), apiErr.Type, apiErr.Message
		if apiErr.InnerError != nil && apiErr.InnerError.Code != "" {
			code = apiErr.InnerError.Code
		}
	case errors.As(err, &reqErr):
		status = max(status, reqErr.HTTPStatusCode)
	}
	if status == 0 || ex.netErr != nil && status/100 == 2 {
		// No answer, or the answer broke off.
		if errors.Is(err, resilience.ErrAttemptTimeout) || errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return phi.Wrap(err, phi.CodeTimeout, fmt.Sprintf("provider %s did not answer in time (limits: timeout %s)", name, p.cfg.Timeout)), unhealthy
		}
		return phi.Wrap(err, phi.CodeProviderError, fmt.Sprintf("provider %s could not be reached (connection error)", name)), unhealthy
	}
	if status/100 == 2 {
		// go-openai could not decode a 2xx body.
		return phi.Wrap(err, phi.CodeProviderError, fmt.Sprintf("provider %s returned a response that is not valid JSON", name)), unhealthy
	}
	hint := retryAfter(ex.header, p.now())
	wrapHint := func(pe *phi.Error) error {
		if hint > 0 {
			return &hintedError{err: pe, after: hint}
		}
		return pe
	}
	switch {
	case status == http.StatusTooManyRequests:
		if code == "insufficient_quota" {
			return phi.WrapPermanent(err, phi.CodeProviderRejected, fmt.Sprintf("provider %s refused: the account's quota or billing limit is exhausted (HTTP 429 insufficient_quota)", name)), healthy
		}
		return wrapHint(phi.Wrap(err, phi.CodeRateLimited, fmt.Sprintf("provider %s is rate limiting (HTTP 429)", name))), neutral
	case status == http.StatusBadRequest && (code == "context_length_exceeded" || strings.Contains(msg, "maximum context length")):
		return phi.WrapPermanent(errors.Join(ai.ErrContextTooLong, err), phi.CodeProviderRejected,
			fmt.Sprintf("provider %s rejected the request as longer than the model's context (HTTP 400 context_length_exceeded)", name)), healthy
	case code == "content_filter" || code == "ResponsibleAIPolicyViolation":
		return phi.WrapPermanent(err, phi.CodeProviderRejected, fmt.Sprintf("provider %s's content filter refused the request (HTTP %d)", name, status)), healthy
	case status == http.StatusUnauthorized:
		return phi.WrapPermanent(err, phi.CodeUnauthenticated, fmt.Sprintf("provider %s rejected the API key (HTTP 401): check ai.providers[].api_key_env or api_key_file", name)), healthy
	case status == http.StatusForbidden:
		return phi.WrapPermanent(err, phi.CodeForbidden, fmt.Sprintf("provider %s refused access (HTTP 403): the key may lack the model, or the region is not allowed", name)), healthy
	case status == http.StatusNotFound:
		return phi.WrapPermanent(err, phi.CodeNotConfigured, fmt.Sprintf("provider %s has no such model, deployment or endpoint (HTTP 404): check base_url, models and api_version", name)), healthy
	case status == http.StatusRequestEntityTooLarge:
		return phi.WrapPermanent(err, phi.CodeTooLarge, fmt.Sprintf("provider %s refused the upload as too large (HTTP 413): lower limits.max_upload_bytes", name)), healthy
	case status == http.StatusRequestTimeout || status == http.StatusConflict:
		return wrapHint(phi.Wrap(err, phi.CodeProviderError, fmt.Sprintf("provider %s asked to retry (HTTP %d)", name, status))), unhealthy
	case status == http.StatusServiceUnavailable || status == 529:
		return wrapHint(phi.Wrap(err, phi.CodeProviderOverloaded, fmt.Sprintf("provider %s is overloaded (HTTP %d)", name, status))), unhealthy
	case status >= 500:
		return wrapHint(phi.Wrap(err, phi.CodeProviderError, fmt.Sprintf("provider %s failed (HTTP %d)", name, status))), unhealthy
	case status >= 400:
		t := typ
		if !safeToken(t) {
			t = "invalid_request"
		}
		return phi.WrapPermanent(err, phi.CodeProviderRejected, fmt.Sprintf("provider %s rejected the request (HTTP %d %s)", name, status, t)), healthy
	}
	return phi.Wrap(err, phi.CodeProviderError, fmt.Sprintf("provider %s answered HTTP %d", name, status)), unhealthy
}

// safeToken: an error type from the provider is echoed only if it is a
// short identifier.
func safeToken(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// limiterError maps a limiter refusal to a retryable error: a quota that
// will not free up in time is a *resilience.Deferral (nothing was sent;
// come back at the limiter's next slot).
func (p *Provider) limiterError(err error) error {
	var ex *ratelimit.ExceedError
	if errors.As(err, &ex) {
		return resilience.NewDeferral(p.cfg.Name, resilience.ReasonRateLimit, ex.RetryAfter(), phi.Wrap(err, phi.CodeRateLimited,
			fmt.Sprintf("provider %s's rate limits (limits.rpm/tpm) leave no room before the deadline", p.cfg.Name)))
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return phi.Wrap(err, phi.CodeOf(err), fmt.Sprintf("call to provider %s ended while waiting for rate-limit quota", p.cfg.Name))
	}
	return phi.Wrap(err, phi.CodeRateLimited, fmt.Sprintf("provider %s's fleet rate limiter is unavailable (Redis)", p.cfg.Name))
}

// resultCode is what a request's audit outcome records.
func resultCode(err error) string {
	if err == nil {
		return "ok"
	}
	return string(phi.CodeOf(err))
}
