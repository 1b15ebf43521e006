package api_test

// The people's loops of issue 14, end to end through the HTTP API: one
// test per role's loop (provider, human documentation for an opted-out
// patient, reviewer), what patients see, regeneration, and the canary
// over every new route.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/canary"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage/storagetest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// raw does a request and returns the status, headers and body as they are.
func (f *fixture) raw(who, method, path string, header map[string]string, body any) (int, http.Header, []byte) {
	f.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, f.url+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	}
	f.urls = append(f.urls, req.URL.String())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	f.noteURLs(resp.Header, b)
	return resp.StatusCode, resp.Header, b
}

// submitRecording submits the telehealth sample with its sidecar.
func (f *fixture) submitRecording(who, patientID, provider string) (int, string) {
	f.t.Helper()
	wav, vtt := readSample(f.t, "rec-cough-telehealth.wav"), readSample(f.t, "rec-cough-telehealth.vtt")
	body, ct := multipartBody(f.t, []part{
		{name: "metadata", contentType: "application/json", body: metadata(patientID, provider)},
		{name: "sidecar", filename: "rec.vtt", contentType: "text/vtt", body: vtt},
		{name: "audio", filename: "rec.wav", contentType: "audio/wav", body: wav},
	})
	req, _ := http.NewRequest(http.MethodPost, f.url+"/v1/encounters", body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	var out struct{ ID string }
	code := f.do(req, &out)
	return code, out.ID
}

func readSample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(samples, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type listItem struct {
	ID         string `json:"id"`
	ProviderID string `json:"provider_id"`
	State      string `json:"state"`
	Where      string `json:"where"`
	AssignedTo string `json:"assigned_to"`
	Signed     int    `json:"signed_version"`
	Pending    []int  `json:"pending_versions"`
}

type listPage struct {
	Items      []listItem `json:"items"`
	NextCursor string     `json:"next_cursor"`
}

// list fetches one worklist page.
func (f *fixture) list(who string, q url.Values) listPage {
	f.t.Helper()
	var p listPage
	if code := f.call(who, "GET", "/v1/encounters?"+q.Encode(), nil, &p); code != http.StatusOK {
		f.t.Fatalf("%s lists %v: %d", who, q, code)
	}
	return p
}

func ids(items []listItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

type draftJSON struct {
	Version       int    `json:"version"`
	Status        string `json:"status"`
	ContentSHA256 string `json:"content_sha256"`
	CreatedBy     string `json:"created_by"`
	Versions      []int  `json:"versions"`
	Signed        int    `json:"signed_version"`
	Pending       []struct {
		Version int    `json:"version"`
		Status  string `json:"status"`
	} `json:"pending_amendments"`
	Label struct {
		AIGenerated   bool   `json:"ai_generated"`
		SecurityLabel string `json:"security_label"`
		Method        string `json:"method"`
		VerifiedBy    string `json:"verified_by"`
	} `json:"label"`
	Sections []encounter.Section `json:"sections"`
}

func (f *fixture) draft(who, id string, version int) draftJSON {
	f.t.Helper()
	path := "/v1/encounters/" + id + "/draft"
	if version > 0 {
		path += fmt.Sprintf("?version=%d", version)
	}
	var d draftJSON
	if code := f.call(who, "GET", path, nil, &d); code != http.StatusOK {
		f.t.Fatalf("%s reads %s: %d", who, path, code)
	}
	return d
}

func (f *fixture) sign(who, id string, d draftJSON) draftJSON {
	f.t.Helper()
	var out draftJSON
	if code := f.call(who, "POST", fmt.Sprintf("/v1/encounters/%s/versions/%d/sign", id, d.Version),
		map[string]string{"content_sha256": d.ContentSHA256, "attestation": "I reviewed this note and it is accurate."}, &out); code != http.StatusOK {
		f.t.Fatalf("%s signs v%d of %s: %d", who, d.Version, id, code)
	}
	return out
}

// event decodes a webhook delivery, checking its signature.
func event(t *testing.T, d delivery) webhook.Event {
	t.Helper()
	if err := webhook.Verify([]byte("whsec-test"), d.body, d.header.Get(webhook.HeaderSignature), time.Now(), time.Minute); err != nil {
		t.Fatalf("webhook signature: %v", err)
	}
	var ev webhook.Event
	if err := json.Unmarshal(d.body, &ev); err != nil {
		t.Fatal(err)
	}
	return ev
}

// findEvent waits for a webhook of the type about the encounter.
func (h *hook) findEvent(t *testing.T, typ, encounterID string, match func(webhook.Event) bool) webhook.Event {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		h.mu.Lock()
		got := slices.Clone(h.got)
		h.mu.Unlock()
		for _, d := range got {
			if d.header.Get(webhook.HeaderEventType) != typ {
				continue
			}
			ev := event(t, d)
			if ev.Data["encounter_id"] == encounterID && (match == nil || match(ev)) {
				return ev
			}
		}
		select {
		case <-h.wait:
		case <-deadline:
			t.Fatalf("no %s webhook for %s", typ, encounterID)
		}
	}
}

// A provider's loop: list what awaits sign-off (a page at a time), open a
// draft, edit it (an edit that changes nothing is no new version), sign it;
// the note then leads with the signed version, earlier ones superseded, a
// later edit shown as a pending amendment; the clinic hears of each step.
func TestProviderLoop(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	var mine []string
	for _, p := range []string{"MRN-00451287", "MRN-00738112", "MRN-00451287"} {
		_, id := f.submitNote("platform", p, "dr-okafor", "note-hypertension-followup.txt")
		f.waitDraft(id)
		mine = append(mine, id)
	}
	_, theirs := f.submitNote("platform", "MRN-00738112", "dr-brandt", "note-diabetes-visit.txt")
	f.waitDraft(theirs)

	t.Run("ListsPageByPage", func(t *testing.T) {
		q := url.Values{"state": {"awaiting_signoff"}, "limit": {"2"}}
		first := f.list("drA", q)
		if len(first.Items) != 2 || first.NextCursor == "" {
			t.Fatalf("first page: %+v", first)
		}
		for _, it := range first.Items {
			if it.State != "awaiting_signoff" || it.Where != "draft v1 ready: awaiting sign-off" || it.ProviderID != "dr-okafor" {
				t.Errorf("item %+v", it)
			}
		}
		q.Set("cursor", first.NextCursor)
		second := f.list("drA", q)
		if second.NextCursor != "" {
			t.Errorf("a third page: %q", second.NextCursor)
		}
		if diff := cmp.Diff(mine, append(ids(first.Items), ids(second.Items)...)); diff != "" {
			t.Errorf("provider A's worklist, oldest first (-want +got):\n%s", diff)
		}
		// Newest first is the same set reversed: a stable order.
		newest := f.list("drA", url.Values{"order": {"newest"}})
		want := slices.Clone(mine)
		slices.Reverse(want)
		if diff := cmp.Diff(want, ids(newest.Items)); diff != "" {
			t.Errorf("newest first (-want +got):\n%s", diff)
		}
		// A cursor is bound to its caller and query.
		var e apiError
		if code := f.call("drB", "GET", "/v1/encounters?"+q.Encode(), nil, &e); code != http.StatusBadRequest || e.Code != "invalid_input" {
			t.Errorf("provider B replays A's cursor: %d %+v", code, e)
		}
		if got := ids(f.list("drB", nil).Items); !slices.Equal(got, []string{theirs}) {
			t.Errorf("provider B's worklist = %v, want [%s]", got, theirs)
		}
	})

	id := mine[0]
	t.Run("OpensEditsSigns", func(t *testing.T) {
		v1 := f.draft("drA", id, 0)
		if v1.Version != 1 || v1.Status != "preliminary" || !v1.Label.AIGenerated {
			t.Fatalf("v1 = %+v", v1)
		}
		edited := slices.Clone(v1.Sections)
		edited[0].Sentences = append(slices.Clone(edited[0].Sentences), encounter.Sentence{Text: "Patient reports good adherence."})
		var v2 draftJSON
		if code := f.call("drA", "POST", "/v1/encounters/"+id+"/versions/1/edit", map[string]any{"sections": edited}, &v2); code != http.StatusCreated || v2.Version != 2 {
			t.Fatalf("edit: %d %+v", code, v2)
		}
		// The same content again is no new version.
		var same draftJSON
		if code := f.call("drA", "POST", "/v1/encounters/"+id+"/versions/2/edit", map[string]any{"sections": v2.Sections}, &same); code != http.StatusCreated ||
			same.Version != 2 || !slices.Equal(same.Versions, []int{1, 2}) || same.ContentSHA256 != v2.ContentSHA256 {
			t.Fatalf("identical edit: %d version %d, versions %v", code, same.Version, same.Versions)
		}
		signed := f.sign("drA", id, v2)
		if signed.Status != "amended" || signed.Label.VerifiedBy != "dr-okafor" {
			t.Fatalf("signed = %+v", signed)
		}
		if old := f.draft("drA", id, 1); old.Status != "superseded" {
			t.Errorf("v1 after v2 was signed: %s, want superseded", old.Status)
		}
		// A later edit waits as a pending amendment; the note leads with
		// what is signed.
		more := slices.Clone(v2.Sections)
		more[0].Sentences = append(slices.Clone(more[0].Sentences), encounter.Sentence{Text: "Home readings average 128/80."})
		if code := f.call("drA", "POST", "/v1/encounters/"+id+"/versions/2/edit", map[string]any{"sections": more}, nil); code != http.StatusCreated {
			t.Fatalf("second edit: %d", code)
		}
		note := f.draft("drA", id, 0)
		if note.Version != 2 || note.Signed != 2 || len(note.Pending) != 1 || note.Pending[0].Version != 3 || note.Pending[0].Status != "preliminary" {
			t.Fatalf("the note as it stands = %+v", note)
		}
		code, _, text := f.raw("drA", "GET", "/v1/encounters/"+id+"/draft?format=text", nil, nil)
		if code != http.StatusOK || !strings.HasPrefix(string(text), "AI-assisted note — reviewed and signed by dr-okafor") ||
			!strings.Contains(string(text), "Pending amendments") || !strings.Contains(string(text), "v3 preliminary") {
			t.Fatalf("text rendering: %d\n%s", code, text)
		}
		var st struct {
			State   string `json:"state"`
			Where   string `json:"where"`
			Signed  int    `json:"signed_version"`
			Pending []int  `json:"pending_versions"`
		}
		f.call("drA", "GET", "/v1/encounters/"+id, nil, &st)
		if st.State != "awaiting_signoff" || st.Where != "signed (v2); amendment v3 awaiting sign-off" {
			t.Errorf("status = %+v", st)
		}
	})

	t.Run("WorklistFollows", func(t *testing.T) {
		waiting := ids(f.list("drA", url.Values{"state": {"awaiting_signoff"}}).Items)
		if diff := cmp.Diff(mine, waiting); diff != "" {
			t.Errorf("with an amendment pending the first stays in the worklist (-want +got):\n%s", diff)
		}
		v3 := f.draft("drA", id, 3)
		f.sign("drA", id, v3)
		waiting = ids(f.list("drA", url.Values{"state": {"awaiting_signoff"}}).Items)
		if diff := cmp.Diff(mine[1:], waiting); diff != "" {
			t.Errorf("awaiting sign-off after signing (-want +got):\n%s", diff)
		}
		signed := f.list("platform", url.Values{"state": {"signed"}})
		if !slices.Equal(ids(signed.Items), []string{id}) || signed.Items[0].Where != "signed (v3)" {
			t.Errorf("platform's signed list = %+v", signed.Items)
		}
		if got := ids(f.list("platform", url.Values{"provider": {"dr-brandt"}}).Items); !slices.Equal(got, []string{theirs}) {
			t.Errorf("platform filtered by clinician = %v", got)
		}
		var e apiError
		if code := f.call("drA", "GET", "/v1/encounters?provider=dr-brandt", nil, &e); code != http.StatusBadRequest {
			t.Errorf("a provider filtering by another clinician: %d", code)
		}
	})

	t.Run("Webhooks", func(t *testing.T) {
		ready := f.hook.findEvent(t, "draft.ready", id, nil)
		if ready.Data["version"] != "1" || ready.Data["provider_id"] != "dr-okafor" {
			t.Errorf("draft.ready = %+v", ready)
		}
		signed := f.hook.findEvent(t, "draft.signed", id, func(ev webhook.Event) bool { return ev.Data["version"] == "2" })
		want := map[string]string{"encounter_id": id, "version": "2", "status": "amended", "signed_by": "dr-okafor", "authorship": "ai"}
		if diff := cmp.Diff(want, signed.Data); diff != "" {
			t.Errorf("draft.signed data (-want +got):\n%s", diff)
		}
		// The delivery log says what went where, and what the receiver said.
		var log struct {
			Deliveries []webhook.Delivery `json:"deliveries"`
		}
		workertest.Eventually(t, 10*time.Second, func() error {
			if code := f.call("platform", "GET", "/v1/webhooks/deliveries?event_id="+signed.ID, nil, &log); code != http.StatusOK {
				t.Fatalf("delivery log: %d", code)
			}
			if len(log.Deliveries) == 0 {
				return fmt.Errorf("no delivery of %s logged", signed.ID)
			}
			return nil
		})
		d := log.Deliveries[0]
		if d.Endpoint != "clinic" || d.Status != http.StatusOK || d.Outcome != webhook.OutcomeDelivered || d.Type != "draft.signed" || d.EncounterID != id {
			t.Errorf("delivery = %+v", d)
		}
		var e apiError
		if code := f.call("drA", "GET", "/v1/webhooks/deliveries", nil, &e); code != http.StatusForbidden {
			t.Errorf("a provider reads the delivery log: %d", code)
		}
	})
}

// A clinician may act for another who named them a delegate: their
// worklist holds the other's encounters too.
func TestProviderWorklistIncludesDelegators(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *configT) { c.Pipeline.Access.Delegates = map[string][]string{"dr-okafor": {"dr-brandt"}} })
	_, a := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	_, b := f.submitNote("platform", "MRN-00738112", "dr-brandt", "note-diabetes-visit.txt")
	f.waitDraft(a)
	f.waitDraft(b)
	if got := ids(f.list("drB", nil).Items); !slices.Equal(got, []string{a, b}) {
		t.Errorf("delegate's worklist = %v, want [%s %s]", got, a, b)
	}
	if got := ids(f.list("drA", nil).Items); !slices.Equal(got, []string{a}) {
		t.Errorf("the delegator's own worklist = %v, want [%s]", got, a)
	}
}

// soapSections is a hand-written note in the sections of the soap
// template; the first sentence cites a transcript segment.
func soapSections(t *testing.T, cite string) []encounter.Section {
	t.Helper()
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		t.Fatal(err)
	}
	var secs []encounter.Section
	for i, s := range tmpl.Sections {
		sent := encounter.Sentence{Text: fmt.Sprintf("Hand-written %s: five days of productive cough.", s.Key)}
		if i == 0 && cite != "" {
			sent.Evidence = []string{cite}
		}
		secs = append(secs, encounter.Section{Key: s.Key, Sentences: []encounter.Sentence{sent}})
	}
	return secs
}

// A patient who opted out of AI processing has a recording submitted by
// the platform; no model ever sees it. The clinician finds it in their
// worklist, listens to the recording (range requests) and reads its
// transcript, hands it to a colleague, who writes the note by hand and
// signs it; the queue item closes and the patient reads the signed,
// human-authored note.
func TestHumanDocumentationLoop(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	if code := f.call("patientP", "PUT", "/v1/consent", map[string]string{"ai_processing": "denied", "source": "patient-portal"}, nil); code != http.StatusOK {
		t.Fatalf("consent: %d", code)
	}
	code, id := f.submitRecording("platform", "MRN-00451287", "dr-okafor")
	if code != http.StatusAccepted {
		t.Fatalf("submit: %d", code)
	}
	needed := f.hook.findEvent(t, "encounter.human_documentation_needed", id, nil)
	if needed.Data["assigned_to"] != "dr-okafor" || needed.Data["reason"] != "consent_denied" {
		t.Errorf("human documentation webhook = %+v", needed.Data)
	}

	t.Run("FoundAndExplained", func(t *testing.T) {
		var st struct {
			State              string `json:"state"`
			Where              string `json:"where"`
			HumanDocumentation bool   `json:"human_documentation"`
		}
		f.call("platform", "GET", "/v1/encounters/"+id, nil, &st)
		if st.State != "human_documentation" || st.Where != "waiting for human documentation by dr-okafor" || !st.HumanDocumentation {
			t.Errorf("status = %+v", st)
		}
		p := f.list("drA", url.Values{"state": {"human_documentation"}})
		if !slices.Equal(ids(p.Items), []string{id}) {
			t.Fatalf("the clinician's human documentation worklist = %+v", p.Items)
		}
		// Reading or editing what does not exist says what to do instead.
		for _, path := range []string{"/v1/encounters/" + id + "/draft"} {
			var e apiError
			f.call("drA", "GET", path, nil, &e)
			if strings.Contains(e.Message, "has no draft yet") || !strings.Contains(e.Message, "waiting for human documentation") {
				t.Errorf("GET %s: %+v", path, e)
			}
		}
		var e apiError
		f.call("drA", "POST", "/v1/encounters/"+id+"/versions/1/edit", map[string]any{"sections": soapSections(t, "")}, &e)
		if strings.Contains(e.Message, "has no draft yet") || !strings.Contains(e.Message, "/versions (base 0)") {
			t.Errorf("edit with no version: %+v", e)
		}
	})

	var segs []encounter.Segment
	t.Run("Sources", func(t *testing.T) {
		var tr struct {
			Source   string              `json:"source"`
			Derived  bool                `json:"derived"`
			Segments []encounter.Segment `json:"segments"`
		}
		if code := f.call("drA", "GET", "/v1/encounters/"+id+"/transcript", nil, &tr); code != http.StatusOK {
			t.Fatalf("transcript: %d", code)
		}
		if tr.Source != "sidecar:vtt" || !tr.Derived || len(tr.Segments) < 4 || tr.Segments[1].Speaker != "Patient" || tr.Segments[1].StartMS != 7591 {
			t.Fatalf("transcript = %+v", tr)
		}
		segs = tr.Segments
		wav := readSample(t, "rec-cough-telehealth.wav")
		for _, rng := range []struct{ from, to int }{{0, 43}, {65530, 65545}, {300000, 400000}, {len(wav) - 10, len(wav) - 1}} {
			code, h, body := f.raw("drA", "GET", "/v1/encounters/"+id+"/source/audio",
				map[string]string{"Range": fmt.Sprintf("bytes=%d-%d", rng.from, rng.to)}, nil)
			if code != http.StatusPartialContent || !bytes.Equal(body, wav[rng.from:rng.to+1]) ||
				h.Get("Content-Range") != fmt.Sprintf("bytes %d-%d/%d", rng.from, rng.to, len(wav)) || h.Get("Content-Type") != "audio/wav" {
				t.Fatalf("range %d-%d: %d %v, %d bytes", rng.from, rng.to, code, h, len(body))
			}
		}
		code, _, body := f.raw("drA", "GET", "/v1/encounters/"+id+"/source/audio", nil, nil)
		if code != http.StatusOK || !bytes.Equal(body, wav) {
			t.Fatalf("whole recording: %d, %d bytes", code, len(body))
		}
		var e apiError
		if code := f.call("drB", "GET", "/v1/encounters/"+id+"/source/audio", nil, &e); code != http.StatusForbidden {
			t.Errorf("another clinician streams the recording: %d", code)
		}
		if code := f.call("drA", "GET", "/v1/encounters/"+id+"/source/note", nil, &e); code != http.StatusNotFound {
			t.Errorf("a recording's note: %d", code)
		}
	})

	t.Run("ReassignedWrittenSigned", func(t *testing.T) {
		var it struct {
			AssignedTo string `json:"assigned_to"`
		}
		if code := f.call("platform", "PUT", "/v1/encounters/"+id+"/assignee", map[string]string{"assigned_to": "dr-brandt"}, &it); code != http.StatusOK || it.AssignedTo != "dr-brandt" {
			t.Fatalf("reassign: %d %+v", code, it)
		}
		f.hook.findEvent(t, "encounter.human_documentation_assigned", id, nil)
		var q struct {
			Encounters []string `json:"encounters"`
		}
		if code := f.call("drB", "GET", "/v1/human-queue", nil, &q); code != http.StatusOK || !slices.Equal(q.Encounters, []string{id}) {
			t.Fatalf("dr-brandt's human queue: %d %+v", code, q)
		}
		if got := ids(f.list("drB", url.Values{"state": {"human_documentation"}}).Items); !slices.Equal(got, []string{id}) {
			t.Errorf("dr-brandt's worklist = %v", got)
		}
		var v1 draftJSON
		if code := f.call("drB", "POST", "/v1/encounters/"+id+"/versions", map[string]any{"base": 0, "sections": soapSections(t, segs[3].ID)}, &v1); code != http.StatusCreated {
			t.Fatalf("write the note by hand: %d", code)
		}
		if v1.Version != 1 || v1.Status != "preliminary" || v1.Label.AIGenerated || v1.Label.SecurityLabel != "" || v1.Label.Method != "human" ||
			v1.CreatedBy != "dr-brandt" || !slices.Equal(v1.Sections[0].Sentences[0].Evidence, []string{segs[3].ID}) {
			t.Fatalf("human-authored v1 = %+v", v1)
		}
		var st struct {
			Where string `json:"where"`
		}
		f.call("drB", "GET", "/v1/encounters/"+id, nil, &st)
		if st.Where != "documented by a human (v1), waiting for dr-brandt's signature" {
			t.Errorf("where after writing = %q", st.Where)
		}
		signed := f.sign("drB", id, v1)
		if signed.Status != "final" || signed.Label.VerifiedBy != "dr-brandt" {
			t.Fatalf("signed = %+v", signed)
		}
		code, _, text := f.raw("drB", "GET", "/v1/encounters/"+id+"/draft?format=text", nil, nil)
		if code != http.StatusOK || !strings.HasPrefix(string(text), encounter.HumanBanner+" — signed by dr-brandt") || strings.Contains(string(text), "AI-") {
			t.Fatalf("text: %d\n%s", code, text)
		}
		ev := f.hook.findEvent(t, "draft.signed", id, nil)
		if ev.Data["authorship"] != "human" || ev.Data["status"] != "final" {
			t.Errorf("draft.signed = %+v", ev.Data)
		}
	})

	t.Run("ItemClosed", func(t *testing.T) {
		var q struct {
			Encounters []string `json:"encounters"`
		}
		if code := f.call("platform", "GET", "/v1/human-queue", nil, &q); code != http.StatusOK || len(q.Encounters) != 0 {
			t.Errorf("human queue after signing: %d %+v", code, q)
		}
		var st struct {
			State string `json:"state"`
			Where string `json:"where"`
		}
		f.call("platform", "GET", "/v1/encounters/"+id, nil, &st)
		if st.State != "signed" || st.Where != "documented by a human, signed (v1)" {
			t.Errorf("status = %+v", st)
		}
		closed, intents := 0, 0
		for _, e := range auditEvents(t, f.cfg.Audit.Dir) {
			if e.EncounterID != id {
				continue
			}
			switch {
			case e.Event == audit.EventHumanDocumented && e.Actor == "dr-brandt" && e.Version == 1:
				closed++
			case strings.HasPrefix(string(e.Event), "ai."):
				intents++
			}
		}
		if closed != 1 || intents != 0 {
			t.Errorf("audit: %d closing entries (want 1), %d AI entries (want 0)", closed, intents)
		}
	})

	t.Run("PatientReadsTheSignedNote", func(t *testing.T) {
		d := f.draft("patientP", id, 0)
		if d.Status != "final" || d.Label.AIGenerated || d.Label.VerifiedBy != "dr-brandt" {
			t.Fatalf("the patient's view = %+v", d)
		}
		for _, s := range d.Sections {
			for _, sent := range s.Sentences {
				if len(sent.Evidence) != 0 {
					t.Errorf("the patient sees evidence %v", sent.Evidence)
				}
			}
		}
		code, _, text := f.raw("patientP", "GET", "/v1/encounters/"+id+"/draft?format=text", nil, nil)
		if code != http.StatusOK || strings.Contains(string(text), "[seg-") || !strings.Contains(string(text), "Hand-written") {
			t.Errorf("the patient's text: %d\n%s", code, text)
		}
		if got := ids(f.list("patientP", nil).Items); !slices.Equal(got, []string{id}) {
			t.Errorf("the patient's encounters = %v", got)
		}
		if got := ids(f.list("patientQ", nil).Items); len(got) != 0 {
			t.Errorf("another patient lists %v", got)
		}
	})
}

// A reviewer's loop: the case's encounter is in their worklist; they read
// its transcript and decide from it. Another reviewer sees neither.
func TestReviewerLoop(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	_, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(id)
	f.sign("drA", id, f.draft("drA", id, 0))
	var rc struct{ ID string }
	if code := f.call("patientP", "POST", "/v1/encounters/"+id+"/reviews", map[string]any{"statement": "I never said I was dizzy."}, &rc); code != http.StatusCreated {
		t.Fatalf("request review: %d", code)
	}
	f.hook.findEvent(t, "review.opened", id, nil)
	if got := ids(f.list("reviewer", nil).Items); !slices.Equal(got, []string{id}) {
		t.Fatalf("reviewer's worklist = %v", got)
	}
	if got := ids(f.list("reviewer2", nil).Items); len(got) != 0 {
		t.Errorf("another reviewer's worklist = %v", got)
	}
	var tr struct {
		Segments []encounter.Segment `json:"segments"`
	}
	if code := f.call("reviewer", "GET", "/v1/encounters/"+id+"/transcript", nil, &tr); code != http.StatusOK || len(tr.Segments) == 0 {
		t.Fatalf("transcript: %d", code)
	}
	var e apiError
	if code := f.call("reviewer2", "GET", "/v1/encounters/"+id+"/transcript", nil, &e); code != http.StatusForbidden {
		t.Errorf("another reviewer reads the transcript: %d", code)
	}
	if code := f.call("patientP", "GET", "/v1/encounters/"+id+"/transcript", nil, &e); code != http.StatusForbidden {
		t.Errorf("the patient reads the transcript: %d", code)
	}
	explanation := fmt.Sprintf("The note follows the transcript: %s (%s).", tr.Segments[0].ID, tr.Segments[0].Text)
	var decided struct{ Status, Decision string }
	if code := f.call("reviewer", "POST", "/v1/reviews/"+rc.ID+"/decision",
		map[string]any{"decision": "upheld", "explanation": explanation}, &decided); code != http.StatusOK || decided.Status != "decided" {
		t.Fatalf("decide: %d %+v", code, decided)
	}
	viewed := false
	for _, en := range auditEvents(t, f.cfg.Audit.Dir) {
		viewed = viewed || en.Event == audit.EventTranscriptView && en.Actor == "rev-1" && en.EncounterID == id
	}
	if !viewed {
		t.Error("the reviewer's transcript view is not audited")
	}
}

// Patients see a note once a clinician signed it, never with evidence
// tags; a clinic may let them see drafts earlier.
func TestPatientSeesSignedNotesOnly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		unsigned bool
	}{{"Default", false}, {"ClinicShowsUnsigned", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := setup(t, func(c *configT) { c.Pipeline.PatientsSeeUnsigned = tc.unsigned })
			_, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
			f.waitDraft(id)
			var e apiError
			code := f.call("patientP", "GET", "/v1/encounters/"+id+"/draft", nil, &e)
			if tc.unsigned && code != http.StatusOK || !tc.unsigned && (code != http.StatusNotFound || !strings.Contains(e.Message, "no signed note yet")) {
				t.Fatalf("patient reads the unsigned draft: %d %+v", code, e)
			}
			if !tc.unsigned {
				if code := f.call("patientP", "GET", "/v1/encounters/"+id+"/explanation", nil, &e); code != http.StatusNotFound {
					t.Errorf("patient reads the unsigned draft's explanation: %d", code)
				}
				f.sign("drA", id, f.draft("drA", id, 0))
			}
			d := f.draft("patientP", id, 0)
			for _, s := range d.Sections {
				for _, sent := range s.Sentences {
					if len(sent.Evidence) != 0 || len(sent.Flags) != 0 {
						t.Errorf("the patient sees evidence or flags: %+v", sent)
					}
				}
			}
			code, _, text := f.raw("patientP", "GET", "/v1/encounters/"+id+"/draft?format=text", nil, nil)
			if code != http.StatusOK || strings.Contains(string(text), "[seg-") {
				t.Errorf("the patient's text has evidence tags: %d\n%s", code, text)
			}
			if code, _, text := f.raw("drA", "GET", "/v1/encounters/"+id+"/draft?format=text", nil, nil); code != http.StatusOK || !strings.Contains(string(text), "[seg-") {
				t.Errorf("positive control: the clinician's text carries evidence tags: %d", code)
			}
			var ex struct {
				Sentences []struct {
					Evidence []struct{ Text string } `json:"evidence"`
				} `json:"sentences"`
			}
			if code := f.call("patientP", "GET", "/v1/encounters/"+id+"/explanation", nil, &ex); code != http.StatusOK || len(ex.Sentences) == 0 || len(ex.Sentences[0].Evidence) == 0 {
				t.Errorf("the explanation is the patient's way to the sources: %d %+v", code, ex)
			}
		})
	}
}

// A rejected draft is made anew by the AI on request: a new version (the
// rejected one kept), through the audited gateway; a patient who opted out
// meanwhile is refused.
func TestRegenerateAfterRejection(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	_, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(id)
	intents := func() int {
		n := 0
		for _, e := range auditEvents(t, f.cfg.Audit.Dir) {
			if e.Event == audit.EventAIIntent && e.EncounterID == id {
				n++
			}
		}
		return n
	}
	before := intents()
	var e apiError
	if code := f.call("drA", "POST", "/v1/encounters/"+id+"/regenerate", nil, &e); code != http.StatusConflict {
		t.Fatalf("regenerate a preliminary draft: %d %+v", code, e)
	}
	if code := f.call("drA", "POST", "/v1/encounters/"+id+"/versions/1/reject", map[string]string{"reason": "wrong-patient"}, nil); code != http.StatusOK {
		t.Fatalf("reject: %d", code)
	}
	if got := f.list("drA", url.Values{"state": {"rejected"}}).Items; len(got) != 1 || got[0].ID != id {
		t.Errorf("rejected worklist = %+v", got)
	}
	var rg struct {
		Version   int    `json:"version"`
		StatusURL string `json:"status_url"`
	}
	if code := f.call("drA", "POST", "/v1/encounters/"+id+"/regenerate", nil, &rg); code != http.StatusAccepted || rg.Version != 2 {
		t.Fatalf("regenerate: %d %+v", code, rg)
	}
	f.hook.findEvent(t, "draft.ready", id, func(ev webhook.Event) bool { return ev.Data["version"] == "2" })
	v2 := f.draft("drA", id, 2)
	if v2.Status != "preliminary" || !v2.Label.AIGenerated || v2.Label.SecurityLabel != "AIAST" || !strings.HasPrefix(v2.CreatedBy, "ai:") {
		t.Fatalf("regenerated v2 = %+v", v2)
	}
	if v1 := f.draft("drA", id, 1); v1.Status != "rejected" {
		t.Errorf("v1 after regeneration: %s", v1.Status)
	}
	if after := intents(); after <= before {
		t.Errorf("no audited AI call for the regeneration: %d intents before, %d after", before, after)
	}
	// The patient opts out; the next regeneration is refused before any call.
	if code := f.call("patientP", "PUT", "/v1/consent", map[string]string{"ai_processing": "denied", "source": "patient-portal"}, nil); code != http.StatusOK {
		t.Fatal("consent")
	}
	f.call("drA", "POST", "/v1/encounters/"+id+"/versions/2/reject", map[string]string{"reason": "duplicate"}, nil)
	if code := f.call("drA", "POST", "/v1/encounters/"+id+"/regenerate", nil, &e); code != http.StatusConflict || e.Code != "consent_denied" {
		t.Errorf("regenerate for an opted-out patient: %d %+v", code, e)
	}
}

// The canary over the people's loops: identifiers planted in what the
// platform submits, in a clinician's edit and in a hand-written note flow
// through every new route (worklists with cursors, status, drafts,
// transcripts, sources with ranges, human documentation, reassignment,
// regeneration, the delivery log) and appear nowhere outside encrypted
// storage and the answers that carry content: not in Redis, the logs, the
// audit trail, any URL or cursor, any object key, any webhook.
func TestLoopsCanary(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	const (
		mrn, optedOut = "MRN-CANARY-88231", "MRN-CANARY-55510"
		name, phone   = "Zelda Quixote", "(555) 013-7781"
	)
	canaries := []string{"Zelda", "Quixote", "CANARY-88231", "CANARY-55510", "88231", "55510", "013-7781", "0137781", "1931-02-14", "02/14/1931"}
	meta := func(patient string) []byte {
		b, _ := json.Marshal(map[string]any{"template": "soap",
			"patient":  map[string]any{"id": patient, "name": name, "birth_date": "1931-02-14", "phone": phone},
			"provider": map[string]any{"id": "dr-okafor", "name": "Dr. Lena Okafor"}})
		return b
	}
	submit := func(parts []part) string {
		body, ct := multipartBody(t, parts)
		req, _ := http.NewRequest(http.MethodPost, f.url+"/v1/encounters", body)
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Authorization", "Bearer "+f.tokens["platform"])
		var out struct{ ID string }
		if code := f.do(req, &out); code != http.StatusAccepted {
			t.Fatalf("submit: %d", code)
		}
		return out.ID
	}
	note := "Patient: Zelda Quixote  DOB: 02/14/1931  MRN-CANARY-88231  Phone (555) 013-7781\n" +
		"HPI: Ms. Quixote reports a cough for five days with fever.\nExam: Temp 38.4 C. Crackles at the right base.\n" +
		"Assessment: Community-acquired pneumonia, likely.\nPlan: Amoxicillin 1 g three times daily for 5 days."
	vtt := "WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\n<v Dr. Okafor>Please confirm your name, Zelda Quixote, born 02/14/1931?</v>\n\n" +
		"2\n00:00:03.000 --> 00:00:07.000\n<v Patient>Yes. I have had a cough for five days, call me at (555) 013-7781.</v>\n"
	if code := f.call("platform", "PUT", "/v1/consent", map[string]string{"patient_id": optedOut, "ai_processing": "denied", "source": "front-desk"}, nil); code != http.StatusOK {
		t.Fatalf("consent: %d", code)
	}
	ai := submit([]part{{name: "metadata", contentType: "application/json", body: meta(mrn)},
		{name: "note", contentType: "text/plain", body: []byte(note)}})
	human := submit([]part{{name: "metadata", contentType: "application/json", body: meta(optedOut)},
		{name: "sidecar", contentType: "text/vtt", body: []byte(vtt)},
		{name: "audio", contentType: "audio/wav", body: readSample(t, "rec-cough-telehealth.wav")}})
	f.waitDraft(ai)
	f.waitDraft(human)

	// The AI path: list page by page, read, edit with the name, sign,
	// reject and regenerate.
	for _, who := range []string{"drA", "platform", "ops"} {
		p := f.list(who, url.Values{"limit": {"1"}})
		for p.NextCursor != "" {
			p = f.list(who, url.Values{"limit": {"1"}, "cursor": {p.NextCursor}})
		}
	}
	d := f.draft("drA", ai, 0)
	if !strings.Contains(fmt.Sprint(d.Sections), "Quixote") {
		t.Fatal("positive control: the draft carries the planted name (content, served to its clinician)")
	}
	edited := slices.Clone(d.Sections)
	edited[0].Sentences = append(slices.Clone(edited[0].Sentences), encounter.Sentence{Text: "Zelda Quixote called from (555) 013-7781."})
	var v2 draftJSON
	f.call("drA", "POST", "/v1/encounters/"+ai+"/versions/1/edit", map[string]any{"sections": edited}, &v2)
	f.call("drA", "POST", "/v1/encounters/"+ai+"/versions/2/reject", map[string]string{"reason": "wrong-patient"}, nil)
	var rg struct{ Version int }
	if code := f.call("drA", "POST", "/v1/encounters/"+ai+"/regenerate", nil, &rg); code != http.StatusAccepted {
		t.Fatalf("regenerate: %d", code)
	}
	f.hook.findEvent(t, "draft.ready", ai, func(ev webhook.Event) bool { return ev.Data["version"] == "3" })
	f.sign("drA", ai, f.draft("drA", ai, 3))
	f.call("drA", "GET", "/v1/encounters/"+ai+"/transcript", nil, nil)
	f.raw("drA", "GET", "/v1/encounters/"+ai+"/source/note", nil, nil)
	f.raw("patientP", "GET", "/v1/encounters/"+ai+"/draft", nil, nil) // refused: not theirs

	// The human path: sources, reassignment, a hand-written note naming the
	// patient, signed.
	f.call("drA", "GET", "/v1/encounters/"+human+"/transcript", nil, nil)
	f.raw("drA", "GET", "/v1/encounters/"+human+"/source/audio", map[string]string{"Range": "bytes=1000-1999"}, nil)
	f.call("platform", "PUT", "/v1/encounters/"+human+"/assignee", map[string]string{"assigned_to": "dr-brandt"}, nil)
	f.call("drB", "GET", "/v1/human-queue", nil, nil)
	secs := soapSections(t, "seg-0002")
	secs[0].Sentences[0].Text = "Zelda Quixote (DOB 02/14/1931, MRN-CANARY-55510) reports a cough."
	var hv draftJSON
	if code := f.call("drB", "POST", "/v1/encounters/"+human+"/versions", map[string]any{"base": 0, "sections": secs}, &hv); code != http.StatusCreated {
		t.Fatalf("hand-written note: %d", code)
	}
	f.sign("drB", human, hv)
	for _, who := range []string{"drB", "platform"} {
		f.list(who, url.Values{"state": {"signed"}, "limit": {"1"}})
	}
	f.hook.findEvent(t, "draft.signed", human, nil)
	var log struct {
		NextCursor string `json:"next_cursor"`
	}
	f.call("platform", "GET", "/v1/webhooks/deliveries?limit=1", nil, &log)
	f.call("ops", "GET", "/v1/webhooks/deliveries?limit=1&cursor="+url.QueryEscape(log.NextCursor), nil, nil)
	if len(f.urls) < 30 {
		t.Fatalf("only %d URLs seen: the scan would prove little", len(f.urls))
	}

	scan := func(where, s string) {
		t.Helper()
		for _, c := range canaries {
			if canary.Holds(s, c) {
				t.Errorf("%s holds canary %q", where, c)
			}
		}
	}
	for _, u := range f.urls {
		scan("URL "+u, u)
		if raw, err := base64URL(u); err == nil {
			scan("decoded cursor "+u, raw)
		}
	}
	dump := f.redis.Dump(t)
	if len(dump) == 0 {
		t.Fatal("Redis is empty: the scan would prove nothing")
	}
	for k, v := range dump {
		scan("Redis key "+k, k+" "+v)
	}
	logs := f.logs.String()
	if !strings.Contains(logs, "human documentation reassigned") {
		t.Fatal("the logs lack the reassignment: the scan would prove little")
	}
	scan("logs", logs)
	files, _ := filepath.Glob(filepath.Join(f.cfg.Audit.Dir, "*"))
	if len(files) == 0 {
		t.Fatal("no audit files")
	}
	for _, p := range files {
		b, _ := os.ReadFile(p)
		scan("audit file "+p, string(b))
	}
	f.hook.mu.Lock()
	for _, d := range f.hook.got {
		scan("webhook "+d.header.Get(webhook.HeaderEventType), string(d.body))
	}
	f.hook.mu.Unlock()
	// Every file of the data store (a log's segments hold keys and sealed
	// values alike) has no canary in the clear; every key has none.
	filepath.Walk(f.cfg.Storage.Dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(f.cfg.Storage.Dir, p)
			b, _ := os.ReadFile(p)
			for _, c := range []string{"Zelda", "Quixote", "CANARY"} {
				if bytes.Contains(b, []byte(c)) {
					t.Errorf("stored object %s holds %q in the clear", rel, c)
				}
			}
		}
		return err
	})
	keys, err := storagetest.OpenDir(t, f.cfg.Storage.Dir).List(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, "index/by-provider/") }) {
		t.Fatal("no worklist entries stored: the key scan would prove little")
	}
	for _, k := range keys {
		scan("object key "+k, k)
	}
}

// base64URL decodes the last path or query element of u as a cursor would
// be encoded; an error when it is not one.
func base64URL(u string) (string, error) {
	if i := strings.LastIndexAny(u, "=/"); i >= 0 {
		u = u[i+1:]
	}
	b, err := base64.RawURLEncoding.DecodeString(u)
	return string(b), err
}
