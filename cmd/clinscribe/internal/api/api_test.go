package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

const samples = "../../../../testdata/samples"

// hook records webhook deliveries.
type hook struct {
	mu   sync.Mutex
	got  []delivery
	srv  *httptest.Server
	wait chan struct{}
}

type delivery struct {
	body   []byte
	header http.Header
}

func newHook(t *testing.T) *hook {
	h := &hook{wait: make(chan struct{}, 100)}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		h.got = append(h.got, delivery{b, r.Header.Clone()})
		h.mu.Unlock()
		h.wait <- struct{}{}
	}))
	t.Cleanup(h.srv.Close)
	return h
}

func (h *hook) find(t *testing.T, typ string, timeout time.Duration) delivery {
	t.Helper()
	deadline := time.After(timeout)
	for {
		h.mu.Lock()
		for _, d := range h.got {
			if d.header.Get(webhook.HeaderEventType) == typ {
				h.mu.Unlock()
				return d
			}
		}
		h.mu.Unlock()
		select {
		case <-h.wait:
		case <-deadline:
			t.Fatalf("no %s webhook within %s", typ, timeout)
		}
	}
}

type fixture struct {
	t      *testing.T
	url    string
	a      *app.App
	cfg    config.Config
	tokens map[string]string
	hook   *hook
	redis  *redistest.Server
	logs   *syncBuffer // everything the app logged
	urls   []string    // every URL requested and every URL or cursor answered
}

type configT = config.Config

func setup(t *testing.T, mutate func(*config.Config)) *fixture {
	t.Helper()
	rds := redistest.Start(t)
	h := newHook(t)
	cfg := config.Config{DataDir: t.TempDir()}
	cfg.Redis.URL = rds.URL
	cfg.Worker.PollInterval = 100 * time.Millisecond
	cfg.Worker.IdlePollInterval = 50 * time.Millisecond
	cfg.Pipeline.Review.Reviewers = []string{"rev-1"}
	cfg.Pipeline.Webhooks = []webhook.Endpoint{{Name: "clinic", URL: h.srv.URL, Secret: "whsec-test"}}
	if mutate != nil {
		mutate(&cfg)
	}
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, cfg: cfg, tokens: map[string]string{}, hook: h, redis: rds, logs: &syncBuffer{}}
	for _, tk := range []struct {
		id      string
		role    access.Role
		subject string
		expires time.Time
	}{
		{"platform", access.RolePlatform, "clinic-platform", time.Time{}},
		{"drA", access.RoleProvider, "dr-okafor", time.Time{}},
		{"drB", access.RoleProvider, "dr-brandt", time.Time{}},
		{"patientP", access.RolePatient, "MRN-00451287", time.Time{}},
		{"patientQ", access.RolePatient, "MRN-00738112", time.Time{}},
		{"reviewer", access.RoleReviewer, "rev-1", time.Time{}},
		{"reviewer2", access.RoleReviewer, "rev-2", time.Time{}},
		{"ops", access.RoleOps, "ops-1", time.Time{}},
		// An ID a spreadsheet would run as a formula: IDs may start with
		// @ or -, and CSV exports are opened in spreadsheets.
		{"formula", access.RoleOps, "@SUM-1", time.Time{}},
		{"expired", access.RolePlatform, "clinic-platform", time.Now().Add(-time.Hour)},
	} {
		token, rec, err := access.NewToken("tok-"+tk.id, tk.role, tk.subject, tk.expires)
		if err != nil {
			t.Fatal(err)
		}
		if err := access.AddToken(cfg.API.TokensFile, rec); err != nil {
			t.Fatal(err)
		}
		f.tokens[tk.id] = token
	}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: f.logs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	f.a = a
	srv, err := a.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	apiSrv, err := a.NewAPI()
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(apiSrv.Handler())
	t.Cleanup(ts.Close)
	f.url = ts.URL
	return f
}

// call does a request and decodes a JSON answer into out (if non-nil).
func (f *fixture) call(who, method, path string, body any, out any) int {
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
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	}
	return f.do(req, out)
}

func (f *fixture) do(req *http.Request, out any) int {
	f.t.Helper()
	f.urls = append(f.urls, req.URL.String())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	f.noteURLs(resp.Header, b)
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(b, out); err != nil {
			f.t.Fatalf("%s %s: %v\n%s", req.Method, req.URL.Path, err, b)
		}
	}
	if resp.StatusCode >= 400 {
		var e struct {
			Error struct{ Code, Message, RequestID string } `json:"error"`
		}
		if json.Unmarshal(b, &e) != nil || e.Error.Code == "" {
			f.t.Fatalf("%s %s: %d without an error body: %s", req.Method, req.URL.Path, resp.StatusCode, b)
		}
		if m, ok := out.(*apiError); ok {
			m.Code, m.Message = e.Error.Code, e.Error.Message
		}
	}
	return resp.StatusCode
}

// noteURLs keeps what an answer hands back to be used in a URL: status
// URLs, cursors, Location.
func (f *fixture) noteURLs(h http.Header, body []byte) {
	if loc := h.Get("Location"); loc != "" {
		f.urls = append(f.urls, loc)
	}
	var v struct {
		StatusURL  string `json:"status_url"`
		NextCursor string `json:"next_cursor"`
	}
	if json.Unmarshal(body, &v) == nil {
		for _, u := range []string{v.StatusURL, v.NextCursor} {
			if u != "" {
				f.urls = append(f.urls, u)
			}
		}
	}
}

type apiError struct{ Code, Message string }

type part struct {
	name, filename, contentType string
	body                        []byte
}

func multipartBody(t *testing.T, parts []part) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		cd := fmt.Sprintf(`form-data; name=%q`, p.name)
		if p.filename != "" {
			cd += fmt.Sprintf(`; filename=%q`, p.filename)
		}
		h.Set("Content-Disposition", cd)
		if p.contentType != "" {
			h.Set("Content-Type", p.contentType)
		}
		w, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.body)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func metadata(patientID, provider string) []byte {
	b, _ := json.Marshal(map[string]any{
		"template": "soap",
		"patient":  map[string]any{"id": patientID, "name": "Harold J. Whitcombe", "birth_date": "1952-03-04"},
		"provider": map[string]any{"id": provider, "name": "Dr. Lena Okafor"},
	})
	return b
}

func (f *fixture) submitNote(who, patientID, provider, sample string) (int, string) {
	f.t.Helper()
	note, err := os.ReadFile(filepath.Join(samples, sample))
	if err != nil {
		f.t.Fatal(err)
	}
	body, ct := multipartBody(f.t, []part{
		{name: "metadata", contentType: "application/json", body: metadata(patientID, provider)},
		{name: "note", filename: sample, contentType: "text/plain; charset=utf-8", body: note},
	})
	req, _ := http.NewRequest(http.MethodPost, f.url+"/v1/encounters", body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	var out struct{ ID string }
	code := f.do(req, &out)
	return code, out.ID
}

// auditExport fetches who's audit export as JSON lines.
func (f *fixture) auditExport(who string) (int, []byte) {
	f.t.Helper()
	req, _ := http.NewRequest("GET", f.url+"/v1/audit?format=jsonl", nil)
	req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func (f *fixture) waitDraft(id string) map[string]any {
	f.t.Helper()
	var v map[string]any
	workertest.Eventually(f.t, 30*time.Second, func() error {
		v = nil
		if code := f.call("platform", "GET", "/v1/encounters/"+id, nil, &v); code != 200 {
			f.t.Fatalf("status: %d", code)
		}
		if v["finished"] != true {
			return fmt.Errorf("not finished: %v", v)
		}
		return nil
	})
	return v
}

func auditEvents(t *testing.T, dir string) []audit.Entry {
	t.Helper()
	entries, err := audit.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// The end-to-end story of issue 5, through the HTTP API.
func TestEndToEndSignReviewWebhook(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	code, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	if code != http.StatusAccepted || id == "" {
		t.Fatalf("submit: %d", code)
	}
	f.waitDraft(id)

	var draft struct {
		Version       int    `json:"version"`
		Status        string `json:"status"`
		ContentSHA256 string `json:"content_sha256"`
	}
	if code := f.call("drA", "GET", "/v1/encounters/"+id+"/draft", nil, &draft); code != 200 || draft.Status != "preliminary" {
		t.Fatalf("provider A reads draft: %d %+v", code, draft)
	}
	// Provider B may not sign someone else's encounter; the denial is audited.
	var e apiError
	if code := f.call("drB", "POST", fmt.Sprintf("/v1/encounters/%s/versions/1/sign", id),
		map[string]string{"content_sha256": draft.ContentSHA256, "attestation": "I reviewed this note."}, &e); code != http.StatusForbidden || e.Code != "forbidden" {
		t.Fatalf("provider B sign: %d %+v", code, e)
	}
	denied := false
	for _, en := range auditEvents(t, f.cfg.Audit.Dir) {
		if en.Event == audit.EventAuthzDenied && en.Actor == "dr-brandt" && en.EncounterID == id {
			denied = true
		}
	}
	if !denied {
		t.Fatal("provider B's denial is not in the audit trail")
	}
	// A stale hash is refused: the signature binds to the content read.
	if code := f.call("drA", "POST", fmt.Sprintf("/v1/encounters/%s/versions/1/sign", id),
		map[string]string{"content_sha256": strings.Repeat("0", 64), "attestation": "I reviewed this note."}, &e); code != http.StatusConflict {
		t.Fatalf("sign with a wrong hash: %d", code)
	}
	var signed struct {
		Status string `json:"status"`
		Label  struct {
			VerifiedBy    string `json:"verified_by"`
			SecurityLabel string `json:"security_label"`
		} `json:"label"`
	}
	if code := f.call("drA", "POST", fmt.Sprintf("/v1/encounters/%s/versions/1/sign", id),
		map[string]string{"content_sha256": draft.ContentSHA256, "attestation": "I reviewed and agree with this note."}, &signed); code != 200 ||
		signed.Status != "final" || signed.Label.VerifiedBy != "dr-okafor" || signed.Label.SecurityLabel != "AIAST" {
		t.Fatalf("provider A sign: %d %+v", code, signed)
	}

	// Patient P requests review of their own draft; patient Q cannot see it.
	if code := f.call("patientQ", "GET", "/v1/encounters/"+id+"/draft", nil, &e); code != http.StatusForbidden {
		t.Fatalf("patient Q reads P's draft: %d", code)
	}
	var rc struct {
		ID     string `json:"id"`
		DueAt  string `json:"due_at"`
		Status string `json:"status"`
	}
	if code := f.call("patientP", "POST", "/v1/encounters/"+id+"/reviews",
		map[string]any{"statement": "I never said I had a cough at night."}, &rc); code != http.StatusCreated || rc.ID == "" {
		t.Fatalf("patient P requests review: %d %+v", code, rc)
	}
	if code := f.call("patientQ", "POST", "/v1/encounters/"+id+"/reviews", map[string]any{"statement": "x"}, &e); code != http.StatusForbidden {
		t.Fatalf("patient Q requests review of P's draft: %d", code)
	}
	opened := f.hook.find(t, "review.opened", 20*time.Second)
	if err := webhook.Verify([]byte("whsec-test"), opened.body, opened.header.Get(webhook.HeaderSignature), time.Now(), time.Minute); err != nil {
		t.Fatalf("review.opened signature: %v", err)
	}
	var queue struct {
		Reviews []struct {
			ID         string `json:"id"`
			AssignedTo string `json:"assigned_to"`
			Statement  string `json:"statement"`
		} `json:"reviews"`
	}
	if code := f.call("reviewer", "GET", "/v1/reviews", nil, &queue); code != 200 || len(queue.Reviews) != 1 ||
		queue.Reviews[0].AssignedTo != "rev-1" || queue.Reviews[0].Statement == "" {
		t.Fatalf("reviewer queue: %d %+v", code, queue)
	}
	// The reviewer sees the evidence behind each sentence.
	var ex struct {
		Sentences []struct {
			Text     string `json:"text"`
			Evidence []struct {
				SegmentID string `json:"segment_id"`
				Text      string `json:"text"`
			} `json:"evidence"`
		} `json:"sentences"`
	}
	if code := f.call("reviewer", "GET", "/v1/encounters/"+id+"/explanation", nil, &ex); code != 200 || len(ex.Sentences) == 0 {
		t.Fatalf("explanation: %d", code)
	}
	// Drafts are in note style, not verbatim: the evidence must hold the
	// sentence's facts and most of its finding words.
	for _, s := range ex.Sentences {
		var segs []encounter.Segment
		var ids []string
		for _, e := range s.Evidence {
			segs = append(segs, encounter.Segment{ID: e.SegmentID, Text: e.Text})
			ids = append(ids, e.SegmentID)
		}
		have := map[string]bool{}
		for _, sg := range segs {
			for _, w := range factcheck.Words(sg.Text) {
				have[w] = true
			}
		}
		words, hit := factcheck.Words(s.Text), 0
		for _, w := range words {
			if have[w] {
				hit++
			}
		}
		if len(segs) == 0 || 2*hit < len(words) || len(factcheck.Sentence(s.Text, ids, segs)) > 0 {
			t.Fatalf("sentence %q lacks its evidence: %+v", s.Text, s.Evidence)
		}
	}
	var decided struct {
		Decision    string `json:"decision"`
		Explanation string `json:"explanation"`
		Status      string `json:"status"`
	}
	if code := f.call("reviewer", "POST", "/v1/reviews/"+rc.ID+"/decision",
		map[string]any{"decision": "upheld", "explanation": "The recording has you describing the night cough at 0:14."}, &decided); code != 200 || decided.Status != "decided" {
		t.Fatalf("decide: %d %+v", code, decided)
	}
	var mine struct {
		Reviews []struct {
			Decision    string `json:"decision"`
			Explanation string `json:"explanation"`
		} `json:"reviews"`
	}
	if code := f.call("patientP", "GET", "/v1/encounters/"+id+"/reviews", nil, &mine); code != 200 || len(mine.Reviews) != 1 ||
		mine.Reviews[0].Decision != "upheld" || mine.Reviews[0].Explanation == "" {
		t.Fatalf("patient P sees the decision: %d %+v", code, mine)
	}
	d := f.hook.find(t, "review.decided", 20*time.Second)
	if err := webhook.Verify([]byte("whsec-test"), d.body, d.header.Get(webhook.HeaderSignature), time.Now(), time.Minute); err != nil {
		t.Fatalf("review.decided signature: %v", err)
	}
	var ev webhook.Event
	if err := json.Unmarshal(d.body, &ev); err != nil || ev.Data["decision"] != "upheld" || ev.Data["case_id"] != rc.ID {
		t.Fatalf("webhook body %s", d.body)
	}
	if bytes.Contains(d.body, []byte("night")) || bytes.Contains(d.body, []byte("Whitcombe")) {
		t.Fatal("the webhook carries content")
	}
	// FHIR and text renderings of the signed note.
	req, _ := http.NewRequest("GET", f.url+"/v1/encounters/"+id+"/draft?format=fhir", nil)
	req.Header.Set("Authorization", "Bearer "+f.tokens["drA"])
	var bundle struct {
		Entry []struct{ Resource map[string]any } `json:"entry"`
	}
	if code := f.do(req, &bundle); code != 200 || bundle.Entry[0].Resource["docStatus"] != "final" {
		t.Fatalf("fhir: %d %+v", code, bundle)
	}
	// The patient's audit export names every access to their record.
	code, export := f.auditExport("patientP")
	if code != http.StatusOK {
		t.Fatalf("audit export: %d %s", code, export)
	}
	for _, want := range []string{`"draft.signoff"`, `"review.decision"`, `"ai.intent"`, `"authz.denied"`} {
		if !bytes.Contains(export, []byte(want)) {
			t.Errorf("patient audit export lacks %s", want)
		}
	}
	if bytes.Contains(export, []byte("MRN-00738112")) {
		t.Fatal("export leaks another patient")
	}
}

// A patient who opted out never reaches a model: no AI call is even
// attempted (every call writes an audit intent first), and the encounter
// is in the human documentation queue.
func TestOptOutRoutesToHumans(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	var c struct {
		AIProcessing string `json:"ai_processing"`
	}
	if code := f.call("patientP", "PUT", "/v1/consent", map[string]string{"ai_processing": "denied", "source": "patient-portal"}, &c); code != 200 || c.AIProcessing != "denied" {
		t.Fatalf("consent: %d %+v", code, c)
	}
	code, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	if code != http.StatusAccepted {
		t.Fatalf("submit: %d", code)
	}
	// A second patient, still allowed, is processed as usual.
	_, other := f.submitNote("platform", "MRN-00738112", "dr-brandt", "note-diabetes-visit.txt")
	f.waitDraft(other)
	v := f.waitDraft(id)
	if v["human_documentation"] != true || len(v["drafts"].([]any)) != 0 {
		t.Fatalf("opted-out encounter: %v", v)
	}
	var q struct{ Encounters []string }
	if code := f.call("platform", "GET", "/v1/human-queue", nil, &q); code != 200 || len(q.Encounters) != 1 || q.Encounters[0] != id {
		t.Fatalf("human queue: %d %+v", code, q)
	}
	f.hook.find(t, "encounter.human_documentation_needed", 20*time.Second) // renamed from encounter.human_documentation (issue 14)
	intents := map[string]int{}
	for _, e := range auditEvents(t, f.cfg.Audit.Dir) {
		if e.Event == audit.EventAIIntent {
			intents[e.EncounterID]++
		}
	}
	if intents[id] != 0 || intents[other] == 0 {
		t.Fatalf("AI calls: opted-out %d, other %d", intents[id], intents[other])
	}
}

// Deletion destroys the encounter's key: a copy of the storage directory
// taken before cannot be decrypted afterwards. The audit trail stays; a
// certificate is produced; a legal hold blocks deletion, and so does the
// retention floor of a signed note.
func TestDeletion(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	_, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(id)
	_, signedID := f.submitNote("platform", "MRN-00738112", "dr-brandt", "note-diabetes-visit.txt")
	f.waitDraft(signedID)

	// Legal hold blocks.
	var e apiError
	if code := f.call("ops", "PUT", "/v1/encounters/"+id+"/legal-hold", map[string]any{"hold": true, "reason": "matter-2026-17"}, nil); code != 200 {
		t.Fatalf("hold: %d", code)
	}
	if code := f.call("patientP", "POST", "/v1/encounters/"+id+"/deletion", map[string]string{"reason": "patient-request"}, &e); code != http.StatusConflict || e.Code != "legal_hold" {
		t.Fatalf("delete under hold: %d %+v", code, e)
	}
	if code := f.call("ops", "PUT", "/v1/encounters/"+id+"/legal-hold", map[string]any{"hold": false, "reason": "matter-2026-17"}, nil); code != 200 {
		t.Fatalf("release: %d", code)
	}
	// A signed clinical record is kept for the retention floor.
	var d struct {
		ContentSHA256 string `json:"content_sha256"`
	}
	f.call("drB", "GET", "/v1/encounters/"+signedID+"/draft", nil, &d)
	if code := f.call("drB", "POST", "/v1/encounters/"+signedID+"/versions/1/sign", map[string]string{"content_sha256": d.ContentSHA256, "attestation": "Reviewed."}, nil); code != 200 {
		t.Fatalf("sign: %d", code)
	}
	if code := f.call("ops", "POST", "/v1/encounters/"+signedID+"/deletion", map[string]string{"reason": "patient-request"}, &e); code != http.StatusConflict || e.Code != "retention_floor" {
		t.Fatalf("delete signed: %d %+v", code, e)
	}

	backup := t.TempDir()
	copyDir(t, f.cfg.Storage.Dir, backup)
	auditBefore := len(auditEvents(t, f.cfg.Audit.Dir))

	var cert struct {
		ID           string `json:"id"`
		EncounterID  string `json:"encounter_id"`
		KeyDestroyed bool   `json:"key_destroyed"`
		SHA256       string `json:"sha256"`
		Objects      []struct {
			Key              string `json:"key"`
			CiphertextSHA256 string `json:"ciphertext_sha256"`
		} `json:"objects"`
	}
	if code := f.call("patientP", "POST", "/v1/encounters/"+id+"/deletion", map[string]string{"reason": "patient-request"}, &cert); code != 200 {
		t.Fatalf("delete: %d", code)
	}
	if cert.EncounterID != id || !cert.KeyDestroyed || len(cert.Objects) < 3 || cert.SHA256 == "" {
		t.Fatalf("certificate = %+v", cert)
	}
	if code := f.call("platform", "GET", "/v1/encounters/"+id, nil, &e); code != http.StatusNotFound {
		t.Fatalf("status after deletion: %d", code)
	}
	// Every object of the encounter in the backup copy is now undecryptable.
	restored := storagetest.OpenDir(t, backup)
	vault := storage.NewVault(restored, f.a.Keyring)
	keys, err := restored.List(context.Background(), "encounters/"+id+"/")
	// A note encounter is its meta.json (the note inline) and its draft
	// versions (draft v1 holding the note's segments): both must be in
	// the backup, and neither may open.
	if err != nil || !slices.Contains(keys, encounter.Scope(id)+"/meta.json") || !slices.Contains(keys, encounter.DraftKey(id, 1)) {
		t.Fatalf("backup holds %v (%v), want meta.json and draft v1 among them", keys, err)
	}
	for _, k := range keys {
		if _, err := vault.GetBytes(context.Background(), k); err == nil {
			t.Fatalf("%s from the backup still decrypts", k)
		}
	}
	// Other encounters are untouched; the audit trail only grew.
	if _, err := vault.GetBytes(context.Background(), "encounters/"+signedID+"/meta.json"); err != nil {
		t.Fatalf("another encounter was affected: %v", err)
	}
	after := auditEvents(t, f.cfg.Audit.Dir)
	if len(after) <= auditBefore {
		t.Fatal("audit trail lost entries")
	}
	found := false
	for _, en := range after {
		if en.Event == audit.EventDeletion && en.EncounterID == id && en.Result == "ok" && en.OutputSHA256 == cert.SHA256 {
			found = true
		}
	}
	if !found {
		t.Fatal("the deletion and its certificate hash are not in the audit trail")
	}
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	// The store is live (webhook deliveries are written in the
	// background): a temporary file renamed away during the walk was never
	// a committed object, and is left out like the ".tmp-" files still there.
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o700)
		}
		if strings.HasPrefix(info.Name(), ".tmp-") {
			return nil
		}
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}
