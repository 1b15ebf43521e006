package api_test

import (
	"net/http"
	"testing"
	"time"
)

// A reviewer reads an encounter only while it has a review case for them:
// one assigned to them (or decided by them), or one not yet assigned to
// anyone. Holding a reviewer token is not a key to every patient's notes.
func TestReviewerSeesOnlyEncountersUnderTheirReview(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *configT) { c.Pipeline.Review.Reviewers = []string{"rev-1"} })
	_, reviewed := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	_, other := f.submitNote("platform", "MRN-00738112", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(reviewed)
	f.waitDraft(other)
	paths := func(id string) []string {
		return []string{"/v1/encounters/" + id, "/v1/encounters/" + id + "/draft",
			"/v1/encounters/" + id + "/explanation", "/v1/encounters/" + id + "/reviews"}
	}
	expect := func(who string, id string, want int) {
		t.Helper()
		for _, p := range paths(id) {
			var e apiError
			if code := f.call(who, "GET", p, nil, &e); code != want {
				t.Errorf("%s GET %s: %d %+v, want %d", who, p, code, e, want)
			}
		}
	}
	// No case anywhere: no reviewer reads anything.
	expect("reviewer", reviewed, http.StatusForbidden)
	expect("reviewer", other, http.StatusForbidden)

	var rc struct{ ID string }
	if code := f.call("patientP", "POST", "/v1/encounters/"+reviewed+"/reviews",
		map[string]any{"statement": "That is not what I said."}, &rc); code != http.StatusCreated {
		t.Fatalf("request review: %d", code)
	}
	f.hook.find(t, "review.opened", 20*time.Second) // assigned to rev-1
	expect("reviewer", reviewed, http.StatusOK)
	expect("reviewer", other, http.StatusForbidden)
	expect("reviewer2", reviewed, http.StatusForbidden)
	var e apiError
	if code := f.call("reviewer2", "POST", "/v1/reviews/"+rc.ID+"/decision",
		map[string]any{"decision": "upheld", "explanation": "x"}, &e); code != http.StatusForbidden {
		t.Errorf("another reviewer decided the case: %d", code)
	}
	if code := f.call("reviewer", "POST", "/v1/reviews/"+rc.ID+"/decision",
		map[string]any{"decision": "upheld", "explanation": "The note matches the visit."}, nil); code != http.StatusOK {
		t.Fatalf("the assigned reviewer decides: %d", code)
	}
	// The decider can still read what they decided on.
	expect("reviewer", reviewed, http.StatusOK)
}

// With no reviewers configured cases stay unassigned: any reviewer may take
// one, and so may read its encounter — still not any other.
func TestReviewerMayTakeAnUnassignedCase(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *configT) { c.Pipeline.Review.Reviewers = nil })
	_, reviewed := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	_, other := f.submitNote("platform", "MRN-00738112", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(reviewed)
	f.waitDraft(other)
	if code := f.call("patientP", "POST", "/v1/encounters/"+reviewed+"/reviews",
		map[string]any{"statement": "That is not what I said."}, nil); code != http.StatusCreated {
		t.Fatalf("request review: %d", code)
	}
	for _, who := range []string{"reviewer", "reviewer2"} {
		if code := f.call(who, "GET", "/v1/encounters/"+reviewed+"/draft", nil, nil); code != http.StatusOK {
			t.Errorf("%s reads the encounter of an unassigned case: %d", who, code)
		}
		var e apiError
		if code := f.call(who, "GET", "/v1/encounters/"+other+"/draft", nil, &e); code != http.StatusForbidden {
			t.Errorf("%s reads an encounter without a case: %d", who, code)
		}
	}
}
