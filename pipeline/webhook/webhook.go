// Package webhook notifies the clinic's systems of events (a review case
// opened or decided, an encounter routed to human documentation) with
// signed HTTP POSTs. Bodies carry IDs and codes only; receivers fetch
// content through the authenticated API.
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

// Wants reports whether the endpoint subscribes to an event type.
func (e Endpoint) Wants(typ string) bool { return len(e.Events) == 0 || slices.Contains(e.Events, typ) }

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

// Deliver POSTs body to the endpoint, signed at now.
func Deliver(ctx context.Context, client *http.Client, ep Endpoint, eventID, eventType string, body []byte, now time.Time) error {
	secret, err := ep.SecretBytes()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrPermanent, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%w: bad URL", ErrPermanent)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "clinscribe-webhook/1")
	req.Header.Set(HeaderSignature, Sign(secret, body, now))
	req.Header.Set(HeaderEventID, eventID)
	req.Header.Set(HeaderEventType, eventType)
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("webhook %s: delivery failed", ep.Name) // the URL may carry a token; keep it out
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return nil
	case resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return fmt.Errorf("webhook %s: receiver answered %d", ep.Name, resp.StatusCode)
	default:
		return fmt.Errorf("%w: %s answered %d", ErrPermanent, ep.Name, resp.StatusCode)
	}
}
