package api_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// A platform that lost the answer to a submission sends it again with the
// same Idempotency-Key and gets the same encounter, not a second one.
func TestIdempotentSubmit(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	note, err := os.ReadFile(filepath.Join(samples, "note-low-back-pain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	post := func(key string, note []byte) (int, string, apiError) {
		body, ct := multipartBody(t, []part{
			{name: "metadata", contentType: "application/json", body: metadata("MRN-00451287", "dr-okafor")},
			{name: "note", contentType: "text/plain; charset=utf-8", body: note},
		})
		req, _ := http.NewRequest(http.MethodPost, f.url+"/v1/encounters", body)
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Authorization", "Bearer "+f.tokens["platform"])
		if key != "" {
			req.Header.Set("Idempotency-Key", key)
		}
		var out struct {
			ID string
			apiError
		}
		code := f.do(req, &out)
		return code, out.ID, out.apiError
	}
	code, first, _ := post("ehr-order-5521", note)
	if code != http.StatusAccepted || first == "" {
		t.Fatalf("first submit: %d %q", code, first)
	}
	code, again, _ := post("ehr-order-5521", note)
	if code != http.StatusAccepted || again != first {
		t.Fatalf("repeated submit: %d %q, want 202 %q", code, again, first)
	}
	if code, _, e := post("ehr-order-5521", append([]byte("Addendum: "), note...)); code != http.StatusConflict {
		t.Fatalf("key reused for another note: %d %+v, want 409", code, e)
	}
	if code, _, _ := post("bad key", note); code != http.StatusBadRequest {
		t.Fatalf("key with a space: %d, want 400", code)
	}
	if code, other, _ := post("", note); code != http.StatusAccepted || other == first {
		t.Fatalf("without a key: %d %q, want a new encounter", code, other)
	}
	f.waitDraft(first)
}
