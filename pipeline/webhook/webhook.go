// Package webhook notifies the clinic's systems of events with signed HTTP
// POSTs. Bodies carry IDs and codes only; receivers fetch content through
// the authenticated API. The event types and their data (every value an
// ID, a number or a code) are the Type* constants; docs/openapi.yaml
// describes each payload.
//
// Delivery is at least once: each (event, endpoint) is a queued task,
// retried with exponential backoff and full jitter (worker.TaskOptions:
// WebhookMaxRetry, 20 retries by default, about 1 s, 2 s, 4 s ... capped
// at 10 minutes: up to about two hours before the task is archived). Events
// that stand for a fact (a draft version ready, a note signed) have IDs
// derived from that fact, so a retried stage re-sends the same event ID
// and receivers drop the duplicate. Every attempt is written to the
// delivery log (webhooks/deliveries/...) with the receiver's HTTP status,
// which platform and ops read through the API (Deliveries).
//
// Signature: header Clinscribe-Signature "t=<unix seconds>,v1=<hex>" where
// v1 = HMAC-SHA256(secret, "<t>.<body>"). Receivers recompute it, compare in
// constant time, and reject timestamps older than their tolerance (Verify
// does both), which defeats replays. Clinscribe-Event-Id lets them drop
// duplicates: delivery is at least once, retried with backoff by the queue.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Headers.
const (
	HeaderSignature = "Clinscribe-Signature"
	HeaderEventID   = "Clinscribe-Event-Id"
	HeaderEventType = "Clinscribe-Event-Type"
)

// Event types and their data.
const (
	// TypeDraftReady: an AI draft version was stored (v1 after the
	// stages, or a regenerated version). Data: encounter_id, version,
	// provider_id.
	TypeDraftReady = "draft.ready"
	// TypeDraftSigned: a clinician signed a version. Data: encounter_id,
	// version, status (final | amended), signed_by, authorship (ai | human).
	TypeDraftSigned = "draft.signed"
	// TypeEncounterFailed: a stage failed for good (no more retries).
	// Data: encounter_id, stage, code.
	TypeEncounterFailed = "encounter.failed"
	// TypeHumanDocumentationNeeded: the patient opted out of AI
	// processing; a clinician documents the encounter by hand. Data:
	// encounter_id, reason (consent_denied), assigned_to.
	TypeHumanDocumentationNeeded = "encounter.human_documentation_needed"
	// TypeHumanDocumentationAssigned: human documentation was handed to
	// another clinician. Data: encounter_id, assigned_to, assigned_by.
	TypeHumanDocumentationAssigned = "encounter.human_documentation_assigned"
	// TypeReviewOpened, TypeReviewDecided, TypeReviewOverdue: review cases
	// (package review). Data: encounter_id, case_id, and assigned_to +
	// due_at, decision, or assigned_to + due_at.
	TypeReviewOpened  = "review.opened"
	TypeReviewDecided = "review.decided"
	TypeReviewOverdue = "review.overdue"
	// LegacyHumanDocumentation is the name TypeHumanDocumentationNeeded
	// had before; an endpoint subscribed to it receives the new type.
	LegacyHumanDocumentation = "encounter.human_documentation"
)

// Types lists every event type sent.
var Types = []string{TypeDraftReady, TypeDraftSigned, TypeEncounterFailed, TypeHumanDocumentationNeeded,
	TypeHumanDocumentationAssigned, TypeReviewOpened, TypeReviewDecided, TypeReviewOverdue}

// Event is what is sent. Data holds IDs and codes only.
type Event struct {
	ID      string            `json:"id"`
	Type    string            `json:"type"`
	Created time.Time         `json:"created"`
	Data    map[string]string `json:"data"`
}

// Endpoint is one receiver.
type Endpoint struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
	// SecretFile holds the shared secret (or Secret, for tests).
	SecretFile string `yaml:"secret_file"`
	Secret     string `yaml:"secret"`
	// Events lists the event types sent here; empty means all.
	Events []string `yaml:"events"`
}

// Wants reports whether the endpoint subscribes to an event type (the
// legacy name of the human documentation event included).
func (e Endpoint) Wants(typ string) bool {
	return len(e.Events) == 0 || slices.Contains(e.Events, typ) ||
		typ == TypeHumanDocumentationNeeded && slices.Contains(e.Events, LegacyHumanDocumentation)
}

// SecretBytes loads the secret.
func (e Endpoint) SecretBytes() ([]byte, error) {
	if e.SecretFile != "" {
		b, err := os.ReadFile(e.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("webhook %s: secret_file: %w", e.Name, err)
		}
		return bytes.TrimSpace(b), nil
	}
	if e.Secret == "" {
		return nil, fmt.Errorf("webhook %s: no secret", e.Name)
	}
	return []byte(e.Secret), nil
}

// Sign returns the signature header value for body at time t.
func Sign(secret, body []byte, t time.Time) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(m.Sum(nil))
}

// ErrBadSignature means a signature does not verify or is too old.
var ErrBadSignature = errors.New("webhook: bad or stale signature")

// Verify checks a signature header against body, accepting timestamps
// within tolerance of now.
func Verify(secret, body []byte, header string, now time.Time, tolerance time.Duration) error {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return ErrBadSignature
	}
	t := time.Unix(sec, 0)
	if d := now.Sub(t); d > tolerance || d < -tolerance {
		return ErrBadSignature
	}
	want := Sign(secret, body, t)
	if subtle.ConstantTimeCompare([]byte(want), []byte("t="+ts+",v1="+sig)) != 1 {
		return ErrBadSignature
	}
	return nil
}

// ErrPermanent wraps delivery failures that retrying will not fix (the
// receiver answered 4xx other than 408/429).
var ErrPermanent = errors.New("webhook: receiver refused the event")

// Deliver POSTs body to the endpoint, signed at now. It returns the
// receiver's HTTP status (0 when none answered) with the error.
func Deliver(ctx context.Context, client *http.Client, ep Endpoint, eventID, eventType string, body []byte, now time.Time) (int, error) {
	secret, err := ep.SecretBytes()
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrPermanent, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("%w: bad URL", ErrPermanent)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "clinscribe-webhook/1")
	req.Header.Set(HeaderSignature, Sign(secret, body, now))
	req.Header.Set(HeaderEventID, eventID)
	req.Header.Set(HeaderEventType, eventType)
	resp, err := client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("webhook %s: delivery failed", ep.Name) // the URL may carry a token; keep it out
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	code := resp.StatusCode
	switch {
	case code >= 200 && code < 300:
		return code, nil
	case code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500:
		return code, fmt.Errorf("webhook %s: receiver answered %d", ep.Name, code)
	default:
		return code, fmt.Errorf("%w: %s answered %d", ErrPermanent, ep.Name, code)
	}
}
