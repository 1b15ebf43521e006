package api_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

// The clinician gets "Not in the draft" with the draft, before any
// attestation: the list comes in the same answer as the content hash, and
// the hash a signature binds to covers it, so a signature made without
// having fetched the list (a hash over the sections alone) is refused. One
// call puts a listed segment into a section as a new version.
func TestNotInDraftComesBeforeTheSignature(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	code, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	if code != 202 {
		t.Fatalf("submit: %d", code)
	}
	f.waitDraft(id)
	var raw map[string]json.RawMessage
	if code := f.call("drA", "GET", "/v1/encounters/"+id+"/draft", nil, &raw); code != 200 {
		t.Fatalf("draft: %d", code)
	}
	if _, ok := raw["not_in_draft"]; !ok {
		t.Fatal("the draft answer has no not_in_draft list")
	}
	var dv signoff.DraftView
	if code := f.call("drA", "GET", "/v1/encounters/"+id+"/draft", nil, &dv); code != 200 || dv.NotInDraft == nil {
		t.Fatalf("draft: %d %+v", code, dv.NotInDraft)
	}
	listed := dv.NotInDraft.Omissions()
	if len(listed) == 0 {
		t.Fatal("nothing listed as not in the draft: the test proves nothing")
	}

	// One click: the first listed segment goes into the last section.
	o := listed[0]
	section := dv.Sections[len(dv.Sections)-1].Key
	var nv signoff.DraftView
	body := map[string]any{"segment": o.Segment, "part": o.Part, "section": section}
	if code := f.call("drA", "POST", fmt.Sprintf("/v1/encounters/%s/versions/%d/not-in-draft", id, dv.Version), body, &nv); code != 201 {
		t.Fatalf("pull in: %d", code)
	}
	if _, still := nv.NotInDraft.Listed(o.Segment, o.Part); still || nv.Version != dv.Version+1 {
		t.Fatalf("after pulling %s in: version %d, still listed %v", o.Segment, nv.Version, still)
	}

	// A hash over the sections alone is not what was shown: refused.
	b, _ := json.Marshal(nv.Sections)
	sum := sha256.Sum256(b)
	sign := func(hash string) int {
		return f.call("drA", "POST", fmt.Sprintf("/v1/encounters/%s/versions/%d/sign", id, nv.Version),
			map[string]string{"content_sha256": hash, "attestation": "I reviewed the note and what it leaves out."}, nil)
	}
	if code := sign(hex.EncodeToString(sum[:])); code != 409 {
		t.Fatalf("sign with a hash that leaves out the list: %d, want 409", code)
	}
	if code := sign(nv.ContentSHA256); code != 200 {
		t.Fatalf("sign with the hash returned beside the list: %d", code)
	}
}
