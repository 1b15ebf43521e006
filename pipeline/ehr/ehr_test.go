package ehr_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/ehr/ehrtest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/fhir"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

const (
	mrnSystem = "urn:oid:2.16.840.1.113883.3.9999.1"
	mrn       = "MRN-CANARY-55123"
	aiastQ    = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue|AIAST"
)

// queue records what would be queued; the tests run the tasks themselves.
type queue struct {
	mu    sync.Mutex
	calls []string
}

func (q *queue) EnqueueEHR(_ context.Context, id string, version, gen, maxRetry int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.calls = append(q.calls, fmt.Sprintf("%s v%d g%d r%d", id, version, gen, maxRetry))
	return nil
}

type fixture struct {
	t        *testing.T
	srv      *ehrtest.Server
	token    string
	store    *encounter.Store
	vault    *storage.Vault
	q        *queue
	d        *ehr.Deliverer
	auditDir string
	dataDir  string
	logs     *strings.Builder
	logMu    *sync.Mutex
	cfg      ehr.Config
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *strings.Builder
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// server is a FHIR test server with the static token it accepts.
type server struct {
	srv   *ehrtest.Server
	token string
}

func startServer(t *testing.T) server {
	t.Helper()
	tokens := filepath.Join(t.TempDir(), "tokens")
	token := "static-test-token-" + randHex()
	if err := os.WriteFile(tokens, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := ehrtest.Start(t, ehrtest.Options{TokensFile: tokens})
	t.Logf("FHIR test server: install %s (0 = cached), start %s", ehrtest.InstallTime, srv.Started)
	return server{srv, token}
}

// setup gives the test its own FHIR server.
func setup(t *testing.T, mutate func(*ehr.Config)) *fixture {
	t.Helper()
	return setupOn(t, startServer(t), mutate)
}

// setupOn works on a server other tests share (they use their own patients).
func setupOn(t *testing.T, sv server, mutate func(*ehr.Config)) *fixture {
	t.Helper()
	srv, token := sv.srv, sv.token
	root := t.TempDir()
	vault := storagetest.OpenLocal(t, root, nil).Vault
	tokenFile := filepath.Join(root, "bearer")
	if err := os.WriteFile(tokenFile, []byte(token), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := ehr.Config{BaseURL: srv.Base, PatientIdentifierSystem: mrnSystem, HTML: true, MaxAttempts: 3,
		Auth: ehr.Auth{Kind: ehr.AuthBearer, TokenFile: tokenFile}}
	if mutate != nil {
		mutate(&cfg)
	}
	f := &fixture{t: t, srv: srv, token: token, store: encounter.NewStore(vault), vault: vault, q: &queue{},
		auditDir: filepath.Join(root, "audit"), dataDir: filepath.Join(root, "data"), logs: &strings.Builder{}, logMu: &sync.Mutex{}, cfg: cfg}
	f.d = f.deliverer(cfg, nil)
	return f
}

func (f *fixture) deliverer(cfg ehr.Config, auth ehr.TokenSource) *ehr.Deliverer {
	f.t.Helper()
	hc := &http.Client{Timeout: 10 * time.Second}
	if auth == nil {
		var err error
		if auth, err = ehr.NewTokenSource(cfg, hc, nil, time.Now); err != nil {
			f.t.Fatal(err)
		}
	}
	lg := audittest.NewFileLogger(f.t, f.auditDir, "ehr-test-"+randHex())
	d, err := ehr.New(cfg, ehr.Deps{Vault: f.vault, Store: f.store, Audit: lg, Queue: f.q, Auth: auth, HTTP: hc,
		Log: slog.New(phi.NewLogHandler(slog.NewJSONHandler(lockedWriter{f.logMu, f.logs}, nil))), Now: time.Now})
	if err != nil {
		f.t.Fatal(err)
	}
	return d
}

func randHex() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

var t0 = time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)

// encounterWithDraft stores an encounter for the patient with an AI
// draft v1.
func (f *fixture) encounterWithDraft(patientID string) string {
	f.t.Helper()
	return f.encounterWithModel(patientID, "")
}

// encounterWithModel is encounterWithDraft with the model the label
// names ("" for the offline model).
func (f *fixture) encounterWithModel(patientID, model string) string {
	f.t.Helper()
	if model == "" {
		model = "clinscribe-extractive-1"
	}
	ctx := context.Background()
	id := encounter.NewID()
	if err := f.store.Create(ctx, &encounter.Meta{ID: id, Kind: encounter.KindNote, Template: "soap", PatientRef: "pt_test",
		ProviderID: "dr-okafor", Subject: encounter.Subject{PatientID: patientID}, Source: "test", CreatedAt: t0}); err != nil {
		f.t.Fatal(err)
	}
	d := &encounter.Draft{EncounterID: id, Version: 1, Status: encounter.DraftPreliminary, Template: "soap",
		Sections: []encounter.Section{
			{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{{Text: "Cough for five days.", Evidence: []string{"seg-0001"}}}},
			{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{{Text: "Rest and fluids.", Evidence: []string{"seg-0002"}}}},
		},
		Label: encounter.Label{AIGenerated: true, SecurityLabel: "AIAST", Provider: "offline", Model: model,
			PromptVersion: "soap@1", InputSHA256: strings.Repeat("ab", 32), Method: "offline-extractive", GeneratedAt: t0},
		CreatedAt: t0, CreatedBy: "ai:offline"}
	d.ComputeContentHash()
	if err := f.store.PutDraft(ctx, d); err != nil {
		f.t.Fatal(err)
	}
	return id
}

func (f *fixture) event(id string, kind encounter.EventKind, version int) {
	f.t.Helper()
	if _, err := f.store.AppendEvent(context.Background(), id, encounter.Event{Kind: kind, Version: version, Actor: "dr-okafor",
		Role: "provider", At: time.Now().UTC()}, nil); err != nil {
		f.t.Fatal(err)
	}
}

// edit stores version v as the clinician's edit of v-1.
func (f *fixture) edit(id string, v int) {
	f.t.Helper()
	prev, err := f.store.Draft(context.Background(), id, v-1)
	if err != nil {
		f.t.Fatal(err)
	}
	d := *prev
	d.Version, d.Parent, d.CreatedBy, d.CreatedAt, d.Status = v, v-1, "dr-okafor", time.Now().UTC(), encounter.DraftPreliminary
	d.Sections = slices.Clone(prev.Sections)
	d.Sections[1] = encounter.Section{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{{Text: "Rest, fluids, and return if fever persists."}}}
	d.ComputeContentHash()
	if err := f.store.PutDraft(context.Background(), &d); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) deliver(id string, version, gen int) error {
	return f.d.Deliver(context.Background(), id, version, ehr.Run{Gen: gen, Retried: 0, MaxRetry: 2})
}

func (f *fixture) status(id string) map[int]ehr.Delivery {
	f.t.Helper()
	ds, err := f.d.Status(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[int]ehr.Delivery{}
	for _, d := range ds {
		out[d.Version] = d
	}
	return out
}

func (f *fixture) docs(id string, version int) []map[string]any {
	return f.srv.Search(f.t, f.token, fmt.Sprintf("DocumentReference?identifier=urn:clinscribe:note|%s-v%d", id, version))
}

func str(m map[string]any, path ...string) string {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = mm[p]
	}
	s, _ := v.(string)
	return s
}

// The story: sign, retry, amend, retract — against a real FHIR server,
// found there by patient and by the AIAST label; nothing is duplicated.
func TestWriteBackLifecycle(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	ctx := context.Background()
	patient := f.srv.CreatePatient(t, f.token, mrnSystem, mrn)
	id := f.encounterWithDraft(mrn)
	f.event(id, encounter.EvSigned, 1)
	if err := f.d.Enqueue(ctx, id, 1); err != nil {
		t.Fatal(err)
	}
	if got := f.status(id)[1].State; got != ehr.StatePending {
		t.Fatalf("after Enqueue: %q, want pending", got)
	}
	if err := f.deliver(id, 1, 1); err != nil {
		t.Fatal(err)
	}
	st := f.status(id)[1]
	if st.State != ehr.StateDelivered || st.HTTPStatus != 0 || !strings.HasPrefix(st.DocumentReference, "DocumentReference/") ||
		!strings.HasPrefix(st.Provenance, "Provenance/") || !strings.HasPrefix(st.Device, "Device/") {
		t.Fatalf("delivery state: %+v", st)
	}
	// Found by patient and by the AIAST label.
	byPatient := f.srv.Search(t, f.token, "DocumentReference?subject=Patient/"+patient)
	byLabel := f.srv.Search(t, f.token, "DocumentReference?_security="+aiastQ)
	if len(byPatient) != 1 || len(byLabel) != 1 || byPatient[0]["id"] != byLabel[0]["id"] {
		t.Fatalf("by patient %d, by label %d", len(byPatient), len(byLabel))
	}
	doc := byPatient[0]
	if "DocumentReference/"+str(doc, "id") != st.DocumentReference || str(doc, "status") != "current" || str(doc, "docStatus") != "final" {
		t.Fatalf("document: %v", doc)
	}
	sec, _ := json.Marshal(doc["meta"].(map[string]any)["security"])
	if !strings.Contains(string(sec), `"AIAST"`) || !strings.Contains(string(sec), `"CLINAST_AIRPT"`) {
		t.Fatalf("labels after sign-off: %s", sec)
	}
	if n := len(doc["content"].([]any)); n != 2 {
		t.Fatalf("attachments: %d, want text/plain and text/html", n)
	}
	provs := f.srv.Search(t, f.token, "Provenance?target="+st.DocumentReference)
	if len(provs) != 1 {
		t.Fatalf("provenances: %d", len(provs))
	}
	pj, _ := json.Marshal(provs[0])
	for _, want := range []string{fhir.ProfileAIProvenance, `"author"`, `"verifier"`, st.Device, `"dr-okafor"`} {
		if !strings.Contains(string(pj), want) {
			t.Errorf("provenance lacks %s: %s", want, pj)
		}
	}

	t.Run("RetryCreatesNothing", func(t *testing.T) {
		if err := f.deliver(id, 1, 1); err != nil {
			t.Fatal(err)
		}
		if err := f.deliver(id, 1, 2); err != nil {
			t.Fatal(err)
		}
		if n := len(f.docs(id, 1)); n != 1 {
			t.Fatalf("documents after retries: %d", n)
		}
		if n := len(f.srv.Search(t, f.token, "Provenance?target="+st.DocumentReference)); n != 1 {
			t.Fatalf("provenances after retries: %d", n)
		}
		if n := len(f.srv.Search(t, f.token, "Device?identifier=urn:clinscribe:ai-device|offline-clinscribe-extractive-1-soap-1")); n != 1 {
			t.Fatalf("devices after retries: %d", n)
		}
	})

	t.Run("AmendmentReplaces", func(t *testing.T) {
		f.edit(id, 2)
		f.event(id, encounter.EvSigned, 2)
		if err := f.d.Enqueue(ctx, id, 2); err != nil {
			t.Fatal(err)
		}
		if err := f.deliver(id, 2, 1); err != nil {
			t.Fatal(err)
		}
		v2 := f.status(id)[2]
		if v2.State != ehr.StateDelivered || v2.Replaces != st.DocumentReference {
			t.Fatalf("amendment state: %+v", v2)
		}
		amended := f.docs(id, 2)
		if len(amended) != 1 || str(amended[0], "docStatus") != "amended" || str(amended[0], "status") != "current" {
			t.Fatalf("amendment: %v", amended)
		}
		rel, _ := json.Marshal(amended[0]["relatesTo"])
		if diff := cmp.Diff(`[{"code":"replaces","target":{"reference":"`+st.DocumentReference+`"}}]`, string(rel)); diff != "" {
			t.Fatal(diff)
		}
		if old := f.docs(id, 1); len(old) != 1 || str(old[0], "status") != "superseded" {
			t.Fatalf("replaced version: %v", old)
		}
		if n := len(f.srv.Search(t, f.token, "DocumentReference?_security="+aiastQ)); n != 2 {
			t.Fatalf("AIAST documents: %d, want 2", n)
		}
	})

	t.Run("EnteredInError", func(t *testing.T) {
		f.event(id, encounter.EvEnteredInError, 2)
		if err := f.d.Enqueue(ctx, id, 2); err != nil {
			t.Fatal(err)
		}
		// A new request after a finished one gets a new generation (a new
		// task ID), else the queue would drop it as a duplicate.
		if last := f.q.calls[len(f.q.calls)-1]; last != id+" v2 g2 r2" {
			t.Fatalf("queued %q", last)
		}
		if err := f.deliver(id, 2, 2); err != nil {
			t.Fatal(err)
		}
		if doc := f.docs(id, 2); len(doc) != 1 || str(doc[0], "status") != "entered-in-error" {
			t.Fatalf("retracted: %v", doc)
		}
		if v2 := f.status(id)[2]; v2.State != ehr.StateDelivered || v2.Want != "entered-in-error" {
			t.Fatalf("state: %+v", v2)
		}
	})

	t.Run("Audited", func(t *testing.T) {
		entries, err := audit.ReadDir(f.auditDir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			if e.Event == audit.EventEHRDeliver || e.Event == audit.EventEHRIntent {
				got = append(got, fmt.Sprintf("%s v%d %s %d", e.Event, e.Version, e.Result, e.HTTPStatus))
				if e.EncounterID != id || e.PatientRef != "pt_test" || e.Provider != "ehr" {
					t.Errorf("entry: %+v", e)
				}
			}
		}
		want := []string{
			"ehr.deliver.intent v1  0", "ehr.deliver v1 ok 201", // created
			"ehr.deliver.intent v1  0", "ehr.deliver v1 ok 200", // retry: found
			"ehr.deliver.intent v1  0", "ehr.deliver v1 ok 200",
			"ehr.deliver.intent v2  0", "ehr.deliver v2 ok 201", // amendment
			"ehr.deliver.intent v2  0", "ehr.deliver v2 ok 200", // entered-in-error (update)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("audit (-want +got):\n%s", diff)
		}
		assertAbsent(t, f.auditDir, mrn)
	})

	// Canary: the MRN and the note's words reach the FHIR server only;
	// not the audit trail, the logs, the delivery state or (unencrypted)
	// the data store.
	t.Run("Canary", func(t *testing.T) {
		for _, canary := range []string{mrn, "Cough for five days", "Rest, fluids"} {
			assertAbsent(t, f.auditDir, canary)
			assertAbsent(t, f.dataDir, canary)
			f.logMu.Lock()
			logs := f.logs.String()
			f.logMu.Unlock()
			if !strings.Contains(logs, "ehr delivery") || strings.Contains(logs, canary) {
				t.Fatalf("logs (canary %q): %s", canary, logs)
			}
			b, _ := json.Marshal(f.status(id))
			if strings.Contains(string(b), canary) || strings.Contains(string(b), patient) {
				t.Fatalf("status shows %q or the server's patient ID: %s", canary, b)
			}
		}
	})
}

func assertAbsent(t *testing.T, dir, needle string) {
	t.Helper()
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), needle) {
			return fmt.Errorf("%s holds %q", p, needle)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A server outage delays a delivery and loses nothing: the task retries,
// gives the request back to the reconciler after its last attempt, and the
// note arrives once the server is back.
func TestOutageDelaysButLosesNothing(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	ctx := context.Background()
	f.srv.CreatePatient(t, f.token, mrnSystem, mrn)
	id := f.encounterWithDraft(mrn)
	f.event(id, encounter.EvSigned, 1)
	if err := f.d.Enqueue(ctx, id, 1); err != nil {
		t.Fatal(err)
	}
	f.srv.Stop()
	for retried := 0; retried <= 2; retried++ {
		err := f.d.Deliver(ctx, id, 1, ehr.Run{Gen: 1, Retried: retried, MaxRetry: 2})
		if phi.CodeOf(err) != ehr.CodeUnavailable || phi.IsPermanent(err) {
			t.Fatalf("attempt %d during the outage: %v", retried+1, err)
		}
	}
	st := f.status(id)[1]
	if st.State != ehr.StatePending || st.Code != string(ehr.CodeUnavailable) || st.Attempts != 3 {
		t.Fatalf("during the outage: %+v", st)
	}
	// The task gave up; the reconciler queues the request under a new
	// generation.
	f.q.calls = nil
	if n, err := f.d.Reconcile(ctx); err != nil || n != 1 {
		t.Fatalf("reconcile: %d %v", n, err)
	}
	if diff := cmp.Diff([]string{id + " v1 g2 r2"}, f.q.calls); diff != "" {
		t.Fatalf("requeued (-want +got):\n%s", diff)
	}
	f.srv.Restart(t)
	if err := f.deliver(id, 1, 2); err != nil {
		t.Fatal(err)
	}
	if st := f.status(id)[1]; st.State != ehr.StateDelivered || st.Attempts != 4 {
		t.Fatalf("after the outage: %+v", st)
	}
	if n := len(f.docs(id, 1)); n != 1 {
		t.Fatalf("documents: %d", n)
	}
	f.q.calls = nil
	if n, err := f.d.Reconcile(ctx); err != nil || n != 0 {
		t.Fatalf("a delivered note is still pending: %d %v %v", n, err, f.q.calls)
	}
}

func TestFailuresAreRecorded(t *testing.T) {
	t.Parallel()
	sv := startServer(t) // shared: each case has its own patient identifier
	cases := []struct {
		name     string
		mutate   func(*ehr.Config)
		model    string
		patients int
		code     phi.Code
		problem  string
		http     int
	}{
		{"PatientNotFoundIsNeverCreated", nil, "", 0, ehr.CodePatientNotFound, "", 0},
		{"PatientAmbiguous", nil, "", 2, ehr.CodePatientAmbig, "", 0},
		// A provider that reported no model name: the Device would carry
		// an empty string, which FHIR forbids; nothing is sent.
		{"InvalidResourceNotSent", nil, " ", 1, ehr.CodeInvalid, "Device.deviceName[0].name", 0},
		// What passes here but the server refuses (Medplum's validator
		// checks canonical URLs) is recorded with the server's answer.
		{"ServerRefusalRecorded", func(c *ehr.Config) {
			c.AITransparency.DocumentProfile = "not a canonical URL"
		}, "", 1, ehr.CodeRejected, "", 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := setupOn(t, sv, c.mutate)
			mrn := mrn + "-" + c.name
			for range c.patients {
				f.srv.CreatePatient(t, f.token, mrnSystem, mrn)
			}
			id := f.encounterWithModel(mrn, c.model)
			f.event(id, encounter.EvSigned, 1)
			if err := f.d.Enqueue(context.Background(), id, 1); err != nil {
				t.Fatal(err)
			}
			err := f.deliver(id, 1, 1)
			if phi.CodeOf(err) != c.code || !phi.IsPermanent(err) {
				t.Fatalf("err = %v, want permanent %s", err, c.code)
			}
			st := f.status(id)[1]
			if st.State != ehr.StateFailed || st.Code != string(c.code) || st.HTTPStatus != c.http {
				t.Fatalf("state: %+v", st)
			}
			if c.problem != "" && !slices.ContainsFunc(st.Problems, func(p fhir.Problem) bool { return p.Path == c.problem }) {
				t.Fatalf("problems %v lack %s", st.Problems, c.problem)
			}
			if n := len(f.docs(id, 1)); n != 0 {
				t.Fatalf("%d documents reached the server", n)
			}
			if n := len(f.srv.Search(t, f.token, "Patient?identifier="+mrnSystem+"|"+mrn)); n != c.patients {
				t.Fatalf("patients on the server: %d, want %d (never created)", n, c.patients)
			}
			b, _ := json.Marshal(st)
			if strings.Contains(string(b), mrn) {
				t.Fatalf("the state shows the MRN: %s", b)
			}
		})
	}
	t.Run("UnsignedIsNotSent", func(t *testing.T) {
		t.Parallel()
		f := setupOn(t, sv, nil)
		id := f.encounterWithDraft(mrn + "-unsigned")
		err := f.deliver(id, 1, 1)
		if !phi.IsPermanent(err) {
			t.Fatalf("unsigned version: %v", err)
		}
	})
	t.Run("AmendmentOfANoteSignedBeforeWriteBack", func(t *testing.T) {
		t.Parallel()
		f := setupOn(t, sv, nil)
		m := mrn + "-before"
		f.srv.CreatePatient(t, f.token, mrnSystem, m)
		id := f.encounterWithDraft(m)
		f.event(id, encounter.EvSigned, 1) // no write-back then: nothing requested
		f.edit(id, 2)
		f.event(id, encounter.EvSigned, 2)
		if err := f.d.Enqueue(context.Background(), id, 2); err != nil {
			t.Fatal(err)
		}
		if err := f.deliver(id, 2, 1); err != nil {
			t.Fatalf("the amendment waits for a version never sent: %v", err)
		}
		if st := f.status(id); st[2].State != ehr.StateDelivered || st[2].Replaces != "" || len(st) != 1 {
			t.Fatalf("state: %+v", st)
		}
	})
	t.Run("AmendmentWaitsForAPendingVersion", func(t *testing.T) {
		t.Parallel()
		f := setupOn(t, sv, nil)
		m := mrn + "-waits"
		f.srv.CreatePatient(t, f.token, mrnSystem, m)
		id := f.encounterWithDraft(m)
		f.event(id, encounter.EvSigned, 1)
		if err := f.d.Enqueue(context.Background(), id, 1); err != nil {
			t.Fatal(err)
		}
		f.edit(id, 2)
		f.event(id, encounter.EvSigned, 2)
		if err := f.d.Enqueue(context.Background(), id, 2); err != nil {
			t.Fatal(err)
		}
		err := f.deliver(id, 2, 1)
		if phi.CodeOf(err) != ehr.CodeWaiting || phi.IsPermanent(err) {
			t.Fatalf("amendment before v1: %v", err)
		}
		if err := f.deliver(id, 1, 1); err != nil {
			t.Fatal(err)
		}
		if err := f.deliver(id, 2, 1); err != nil {
			t.Fatal(err)
		}
		st := f.status(id)
		if st[2].State != ehr.StateDelivered || st[2].Replaces != st[1].DocumentReference || st[2].Attempts != 2 {
			t.Fatalf("state: %+v", st)
		}
	})
	t.Run("RetractedBeforeDeliveryIsNotSent", func(t *testing.T) {
		t.Parallel()
		f := setupOn(t, sv, nil)
		f.srv.CreatePatient(t, f.token, mrnSystem, mrn+"-retracted")
		id := f.encounterWithDraft(mrn + "-retracted")
		f.event(id, encounter.EvSigned, 1)
		f.event(id, encounter.EvEnteredInError, 1)
		if err := f.deliver(id, 1, 1); err != nil {
			t.Fatal(err)
		}
		if st := f.status(id)[1]; st.State != ehr.StateSkipped {
			t.Fatalf("state: %+v", st)
		}
		if n := len(f.docs(id, 1)); n != 0 {
			t.Fatalf("documents: %d", n)
		}
	})
}

// SMART Backend Services: the token endpoint here is the test's own (the
// FHIR server has none); it verifies the client assertion as an EHR's
// authorization server would and issues short-lived tokens the FHIR server
// accepts.
func TestSMARTBackendServices(t *testing.T) {
	t.Parallel()
	for _, alg := range []string{"RS384", "ES384"} {
		t.Run(alg, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			var signer any
			var public any
			if alg == "RS384" {
				k, err := rsa.GenerateKey(rand.Reader, 2048)
				if err != nil {
					t.Fatal(err)
				}
				signer, public = k, &k.PublicKey
			} else {
				k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
				if err != nil {
					t.Fatal(err)
				}
				signer, public = k, &k.PublicKey
			}
			der, err := x509.MarshalPKCS8PrivateKey(signer)
			if err != nil {
				t.Fatal(err)
			}
			keyFile := filepath.Join(dir, "client.pem")
			if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
				t.Fatal(err)
			}
			tokens := filepath.Join(dir, "tokens")
			if err := os.WriteFile(tokens, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			// The EHR registers the client's JWKS, as `clinscribe ehr jwks`
			// prints it; the token endpoint verifies with that key.
			raw, err := ehr.PublicJWKS(ehr.Auth{PrivateKeyFile: keyFile, KeyID: "key-1"})
			if err != nil {
				t.Fatal(err)
			}
			var set jose.JSONWebKeySet
			if err := json.Unmarshal(raw, &set); err != nil || len(set.Keys) != 1 || set.Keys[0].KeyID != "key-1" ||
				set.Keys[0].Algorithm != alg || !set.Keys[0].IsPublic() {
				t.Fatalf("jwks: %s %v", raw, err)
			}
			if diff := cmp.Diff(public, set.Keys[0].Key); diff != "" {
				t.Fatalf("jwks key differs: %s", diff)
			}
			te := ehrtest.NewTokenEndpoint(t, "clinscribe-test", "key-1", set.Keys[0].Key, alg, tokens)
			// 90 s: with refresh_before 60 s the token is reused for
			// requests within 30 s and renewed after.
			te.TTL = 90 * time.Second
			tokenURL := te.URL
			issued := te.Issued
			srv := ehrtest.Start(t, ehrtest.Options{TokensFile: tokens, TokenEndpoint: tokenURL})
			cfg := ehr.Config{BaseURL: srv.Base, PatientIdentifierSystem: mrnSystem,
				Auth: ehr.Auth{Kind: ehr.AuthSMART, ClientID: "clinscribe-test", PrivateKeyFile: keyFile, KeyID: "key-1"}}
			clock := time.Now()
			var clockMu sync.Mutex
			now := func() time.Time { clockMu.Lock(); defer clockMu.Unlock(); return clock }
			smart, err := ehr.NewSMART(cfg, &http.Client{Timeout: 10 * time.Second}, now)
			if err != nil {
				t.Fatal(err)
			}
			c := ehr.NewClient(srv.Base, &http.Client{Timeout: 10 * time.Second}, smart)
			ctx := context.Background()
			// Discovery from .well-known, one token for two requests.
			for range 2 {
				if _, err := c.Search(ctx, "Patient", map[string][]string{"identifier": {mrnSystem + "|x"}}); err != nil {
					t.Fatal(err)
				}
			}
			if n := issued(); n != 1 {
				t.Fatalf("tokens issued: %d, want 1 (cached); refused: %v", n, te.Refused())
			}
			// Shortly before expiry the token is renewed.
			clockMu.Lock()
			clock = clock.Add(45 * time.Second)
			clockMu.Unlock()
			if _, err := c.Search(ctx, "Patient", map[string][]string{"identifier": {mrnSystem + "|x"}}); err != nil {
				t.Fatal(err)
			}
			if n := issued(); n != 2 {
				t.Fatalf("tokens issued: %d, want 2 (renewed)", n)
			}
			// A token the server stopped accepting is replaced after one 401.
			if err := os.WriteFile(tokens, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Search(ctx, "Patient", map[string][]string{"identifier": {mrnSystem + "|x"}}); err != nil {
				t.Fatal(err)
			}
			if n := issued(); n != 3 || len(te.Refused()) != 0 {
				t.Fatalf("tokens issued: %d, want 3 (after a 401); refused: %v", n, te.Refused())
			}
		})
	}
	t.Run("RefusedCredentialsWait", func(t *testing.T) {
		t.Parallel()
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, `{"error":"invalid_client"}`, 401)
		}))
		t.Cleanup(ts.Close)
		k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		der, _ := x509.MarshalPKCS8PrivateKey(k)
		keyFile := filepath.Join(t.TempDir(), "k.pem")
		os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600)
		smart, err := ehr.NewSMART(ehr.Config{BaseURL: ts.URL, PatientIdentifierSystem: mrnSystem,
			Auth: ehr.Auth{Kind: ehr.AuthSMART, ClientID: "c", PrivateKeyFile: keyFile, TokenURL: ts.URL}}, ts.Client(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := smart.Token(context.Background()); !errors.Is(err, ehr.ErrAuth) {
			t.Fatalf("refused client: %v", err)
		}
	})
}

func TestConfig(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		cfg  ehr.Config
		want string
	}{
		{"DisabledIsValid", ehr.Config{}, ""},
		{"NeedsPatientSystem", ehr.Config{BaseURL: "https://ehr.example/fhir", Auth: ehr.Auth{Kind: "none"}}, "patient_identifier_system"},
		{"SMARTNeedsClientAndKey", ehr.Config{BaseURL: "https://ehr.example/fhir", PatientIdentifierSystem: "urn:x"}, "auth.client_id"},
		{"BearerNeedsOneSecret", ehr.Config{BaseURL: "https://ehr.example/fhir", PatientIdentifierSystem: "urn:x", Auth: ehr.Auth{Kind: "bearer"}}, "exactly one"},
		{"BadAlgorithm", ehr.Config{BaseURL: "https://ehr.example/fhir", PatientIdentifierSystem: "urn:x",
			Auth: ehr.Auth{ClientID: "c", PrivateKeyFile: "k", Algorithm: "HS256"}}, "RS384 or ES384"},
		{"BadURL", ehr.Config{BaseURL: "ftp://x", PatientIdentifierSystem: "urn:x", Auth: ehr.Auth{Kind: "none"}}, "base_url"},
		{"Good", ehr.Config{BaseURL: "https://ehr.example/fhir", PatientIdentifierSystem: "urn:x", Auth: ehr.Auth{Kind: "bearer", TokenEnv: "EHR_TOKEN"}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.cfg.WithDefaults().Validate()
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Fatalf("Validate() = %v, want %q", err, c.want)
			}
		})
	}
	t.Run("BearerFromEnvironment", func(t *testing.T) {
		ts, err := ehr.NewTokenSource(ehr.Config{BaseURL: "https://x/fhir", PatientIdentifierSystem: "urn:x",
			Auth: ehr.Auth{Kind: "bearer", TokenEnv: "EHR_TOKEN"}}, http.DefaultClient, []string{"EHR_TOKEN=abc"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := ts.Token(context.Background())
		if got != "Bearer abc" {
			t.Fatalf("token %q", got)
		}
		if _, err := ehr.NewTokenSource(ehr.Config{Auth: ehr.Auth{Kind: "bearer", TokenEnv: "EHR_TOKEN"}}, http.DefaultClient, []string{}, nil); err == nil {
			t.Fatal("a missing token variable was accepted")
		}
	})
}

// A note a clinician wrote by hand (human documentation of an opted-out
// patient's visit) reaches the EHR as the clinician's: no AI label, no AI
// Device among its authors, no AI Provenance.
func TestHumanNoteWriteBack(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	ctx := context.Background()
	patient := f.srv.CreatePatient(t, f.token, mrnSystem, mrn)
	id := encounter.NewID()
	if err := f.store.Create(ctx, &encounter.Meta{ID: id, Kind: encounter.KindNote, Template: "soap", PatientRef: "pt_test",
		ProviderID: "dr-okafor", Subject: encounter.Subject{PatientID: mrn}, Source: "test", CreatedAt: t0,
		AIProcessing: encounter.AIProcessingDenied}); err != nil {
		t.Fatal(err)
	}
	d := &encounter.Draft{EncounterID: id, Version: 1, Status: encounter.DraftPreliminary, Template: "soap",
		Sections: []encounter.Section{{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{{Text: "Cough for five days."}}}},
		Label:    encounter.Label{Method: "human"}, CreatedAt: t0, CreatedBy: "dr-okafor"}
	d.ComputeContentHash()
	if err := f.store.PutDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	f.event(id, encounter.EvSigned, 1)
	if err := f.d.Enqueue(ctx, id, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.deliver(id, 1, 1); err != nil {
		t.Fatal(err)
	}
	st := f.status(id)[1]
	if st.State != ehr.StateDelivered || st.Device != "" || st.Provenance != "" {
		t.Fatalf("delivery state of a hand-written note: %+v", st)
	}
	docs := f.srv.Search(t, f.token, "DocumentReference?subject=Patient/"+patient)
	if len(docs) != 1 {
		t.Fatalf("%d documents for the patient", len(docs))
	}
	b, _ := json.Marshal(docs[0])
	if strings.Contains(string(b), "AIAST") || strings.Contains(string(b), `"Device/`) {
		t.Fatalf("a hand-written note carries AI marks: %s", b)
	}
	if !strings.Contains(string(b), `"dr-okafor"`) {
		t.Fatalf("the clinician is not its author: %s", b)
	}
	if provs := f.srv.Search(t, f.token, "Provenance?target="+st.DocumentReference); len(provs) != 0 {
		t.Fatalf("an AI Provenance for a hand-written note: %d", len(provs))
	}
}
