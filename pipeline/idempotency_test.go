package pipeline_test

import (
	"context"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/idempotency"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

func TestIdempotencyKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	clock := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	pr := openProcess(t, root, audit.NewSigner(priv), nil, func() time.Time { return clock })
	note := sample(t, "note-hypertension-followup.txt")
	withKey := func(key string, note []byte) pipeline.SubmitRequest {
		req := noteRequest(note)
		req.IdempotencyKey = key
		return req
	}

	first, err := pr.p.Submit(ctx, withKey("MRN-00451287/order-1", note))
	if err != nil {
		t.Fatal(err)
	}
	again, err := pr.p.Submit(ctx, withKey("MRN-00451287/order-1", note))
	if err != nil || again != first {
		t.Fatalf("repeated submission = %q, %v; want %q", again, err, first)
	}
	if len(pr.q.tasks) != 1 {
		t.Fatalf("%d stages queued after a repeated submission, want 1", len(pr.q.tasks))
	}

	cases := []struct {
		name     string
		req      func() pipeline.SubmitRequest
		wantCode phi.Code // "" means a new encounter
	}{
		{"other key", func() pipeline.SubmitRequest { return withKey("order-2", note) }, ""},
		{"no key", func() pipeline.SubmitRequest { return noteRequest(note) }, ""},
		{"same key, other note", func() pipeline.SubmitRequest {
			return withKey("MRN-00451287/order-1", append([]byte("Addendum. "), note...))
		}, phi.CodeConflict},
		{"same key, other actor", func() pipeline.SubmitRequest {
			req := withKey("MRN-00451287/order-1", note)
			req.Actor = "another-client"
			return req
		}, ""},
		{"key with a space", func() pipeline.SubmitRequest { return withKey("order 3", note) }, phi.CodeInvalidInput},
		{"key too long", func() pipeline.SubmitRequest { return withKey(strings.Repeat("k", 256), note) }, phi.CodeInvalidInput},
	}
	for _, c := range cases {
		id, err := pr.p.Submit(ctx, c.req())
		switch {
		case c.wantCode != "" && phi.CodeOf(err) != c.wantCode:
			t.Errorf("%s: %q, %v; want %s", c.name, id, err, c.wantCode)
		case c.wantCode == "" && (err != nil || id == first):
			t.Errorf("%s: %q, %v; want a new encounter", c.name, id, err)
		}
	}

	// Past the window the key starts over.
	clock = clock.Add(idempotency.Window + time.Minute)
	later, err := pr.p.Submit(ctx, withKey("MRN-00451287/order-1", note))
	if err != nil || later == first {
		t.Fatalf("after the window: %q, %v; want a new encounter", later, err)
	}

	// The retention sweep forgets records past the window and keeps the
	// rest: order-1's first record was replaced by the later submission
	// (kept), order-2's and the other actor's expire.
	records := func() int {
		t.Helper()
		keys, err := pr.st.Data.List(ctx, "index/idempotency/")
		if err != nil {
			t.Fatal(err)
		}
		return len(keys)
	}
	if n := records(); n != 3 {
		t.Fatalf("%d idempotency records before expiry, want 3", n)
	}
	n, err := pr.s.Idempotency.Expire(ctx, clock)
	if err != nil || n != 2 || records() != 1 {
		t.Fatalf("expired %d (%v), %d left; want 2 expired, 1 left", n, err, records())
	}
	if again, err := pr.p.Submit(ctx, withKey("MRN-00451287/order-1", note)); err != nil || again != later {
		t.Fatalf("replay after expiry of other keys = %q, %v; want %q", again, err, later)
	}
	clock = clock.Add(idempotency.Window)
	if n, err := pr.s.Idempotency.Expire(ctx, clock); err != nil || n != 1 || records() != 0 {
		t.Fatalf("second expiry: %d (%v), %d left", n, err, records())
	}

	// The key itself is stored nowhere: only its HMAC names an object
	// (a log's segments hold the object keys, so the content scan
	// covers them).
	pr.audit.Close()
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.Contains(path, "MRN-00451287") || strings.Contains(path, "order-1") {
			t.Errorf("the idempotency key shows in a file name: %s", path)
		}
		b, _ := os.ReadFile(path)
		if strings.Contains(string(b), "MRN-00451287/order-1") {
			t.Errorf("the idempotency key is stored in %s", path)
		}
		return nil
	})
}
