package webhook_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/webhook"
)

func TestSignVerify(t *testing.T) {
	t.Parallel()
	secret, body := []byte("s3cret"), []byte(`{"id":"wh_1"}`)
	now := time.Unix(1_800_000_000, 0)
	h := webhook.Sign(secret, body, now)
	if err := webhook.Verify(secret, body, h, now.Add(time.Minute), 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func() error{
		"WrongSecret": func() error { return webhook.Verify([]byte("other"), body, h, now, time.Minute) },
		"AlteredBody": func() error { return webhook.Verify(secret, []byte(`{"id":"wh_2"}`), h, now, time.Minute) },
		"Stale":       func() error { return webhook.Verify(secret, body, h, now.Add(time.Hour), 5*time.Minute) },
		"Garbage":     func() error { return webhook.Verify(secret, body, "v1=abc", now, time.Minute) },
	}
	for name, f := range cases {
		if err := f(); !errors.Is(err, webhook.ErrBadSignature) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestDeliverClassifiesAnswers(t *testing.T) {
	t.Parallel()
	status := http.StatusOK
	var got *http.Request
	var gotBody []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		gotBody, _ = io.ReadAll(r.Body)
		w.WriteHeader(status)
	}))
	defer srv.Close()
	ep := webhook.Endpoint{Name: "ehr", URL: srv.URL, Secret: "k"}
	now := time.Now()
	if code, err := webhook.Deliver(context.Background(), srv.Client(), ep, "wh_1", "review.decided", []byte(`{}`), now); err != nil || code != http.StatusOK {
		t.Fatal(err)
	}
	if err := webhook.Verify([]byte("k"), gotBody, got.Header.Get(webhook.HeaderSignature), now, time.Minute); err != nil {
		t.Fatalf("delivered signature does not verify: %v", err)
	}
	if got.Header.Get(webhook.HeaderEventID) != "wh_1" {
		t.Fatal("no event ID header")
	}
	status = http.StatusServiceUnavailable
	if code, err := webhook.Deliver(context.Background(), srv.Client(), ep, "wh_1", "t", []byte(`{}`), now); err == nil || errors.Is(err, webhook.ErrPermanent) || code != status {
		t.Fatalf("503: err = %v, want retryable", err)
	}
	status = http.StatusGone
	if code, err := webhook.Deliver(context.Background(), srv.Client(), ep, "wh_1", "t", []byte(`{}`), now); !errors.Is(err, webhook.ErrPermanent) || code != status {
		t.Fatalf("410: err = %v, want permanent", err)
	}
}
