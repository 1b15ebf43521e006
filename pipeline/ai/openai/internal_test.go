package openai

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"
)

func TestRetryAfterHeaders(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name string
		h    map[string]string
		want time.Duration
	}{
		{"none", nil, 0},
		{"seconds", map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{"ms wins over rounded seconds", map[string]string{"Retry-After": "2", "retry-after-ms": "1250"}, 1250 * time.Millisecond},
		{"http date", map[string]string{"Retry-After": now.Add(7 * time.Second).Format(http.TimeFormat)}, 7 * time.Second},
		{"reset tokens longest", map[string]string{"Retry-After": "1", "x-ratelimit-reset-tokens": "6m0s", "x-ratelimit-reset-requests": "20ms"}, 6 * time.Minute},
		{"garbage ignored", map[string]string{"Retry-After": "soon", "x-ratelimit-reset-requests": "later"}, 0},
		{"capped", map[string]string{"Retry-After": "86400"}, 10 * time.Minute},
	} {
		h := http.Header{}
		for k, v := range tc.h {
			h.Set(k, v)
		}
		if got := retryAfter(h, now); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWireGuard(t *testing.T) {
	t.Parallel()
	w := &wire{}
	req := func(body string) *http.Request {
		r, _ := http.NewRequest(http.MethodPost, "http://x/v1/chat/completions", bytes.NewReader([]byte(body)))
		r.Header.Set("Content-Type", "application/json")
		return r
	}
	r := req(`{"model":"m","messages":[],"temperature":0.2}`)
	if err := w.guard(r); err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	if m["store"] != false || m["temperature"] != 0.2 || r.ContentLength != int64(len(b)) {
		t.Errorf("guarded body %s (length %d)", b, r.ContentLength)
	}
	for _, f := range []string{"user", "metadata", "safety_identifier", "prompt_cache_key"} {
		err := w.guard(req(`{"model":"m","` + f + `":"patient-42"}`))
		if !errors.Is(err, ErrIdentifierField) {
			t.Errorf("%s: err %v", f, err)
		}
		if err != nil && bytes.Contains([]byte(err.Error()), []byte("patient-42")) {
			t.Errorf("error repeats the value: %v", err)
		}
	}
	omit := &wire{omitStore: true}
	r = req(`{"model":"m","store":true}`)
	if err := omit.guard(r); err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(r.Body)
	if bytes.Contains(b, []byte("store")) {
		t.Errorf("omit_store: body %s", b)
	}
}
