package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/ehr/ehrtest"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

const ehrMRNSystem = "urn:oid:2.16.840.1.113883.3.9999.2"

// waitEHR waits until the version's delivery reaches a state ok accepts.
func (f *fixture) waitEHR(id string, version int, what string, ok func(ehr.Delivery) bool) ehr.Delivery {
	f.t.Helper()
	var got ehr.Delivery
	workertest.Eventually(f.t, 90*time.Second, func() error {
		ds, err := f.a.EHR.Status(context.Background(), id)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if d.Version == version && ok(d) {
				got = d
				return nil
			}
		}
		return fmt.Errorf("v%d of %s: not %s: %+v", version, id, what, ds)
	})
	return got
}

func delivered(d ehr.Delivery) bool { return d.State == ehr.StateDelivered }

func (f *fixture) signLatest(who, id string, version int) {
	f.t.Helper()
	var draft struct {
		Version       int    `json:"version"`
		ContentSHA256 string `json:"content_sha256"`
	}
	if code := f.call(who, "GET", fmt.Sprintf("/v1/encounters/%s/draft?version=%d", id, version), nil, &draft); code != 200 {
		f.t.Fatalf("read v%d: %d", version, code)
	}
	var signed struct{ Status string }
	if code := f.call(who, "POST", fmt.Sprintf("/v1/encounters/%s/versions/%d/sign", id, version),
		map[string]string{"content_sha256": draft.ContentSHA256, "attestation": "I reviewed and agree with this note."}, &signed); code != 200 {
		f.t.Fatalf("sign v%d: %d", version, code)
	}
}

// Issue 17's acceptance, through the HTTP API: a note signed by its
// clinician reaches a real FHIR server (Medplum's FHIR router), with SMART
// Backend Services authentication (the token endpoint is the test's: the
// server has none), found there by the patient's identifier and by the
// AIAST label with its Provenance; an amendment replaces it; an
// entered-in-error retracts the amendment; a server outage delays a second
// note and loses nothing.
func TestEHRWriteBackThroughAPI(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tokens := filepath.Join(dir, "fhir-tokens")
	if err := os.WriteFile(tokens, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	keyFile, public := ehrtest.ClientKey(t, dir)
	te := ehrtest.NewTokenEndpoint(t, "clinscribe", "clinscribe-key-1", public, "ES384", tokens)
	srv := ehrtest.Start(t, ehrtest.Options{TokensFile: tokens, TokenEndpoint: te.URL})
	t.Logf("FHIR test server: npm install %s (0 = cached), start %s", ehrtest.InstallTime, srv.Started)
	// The EHR's own records: the patients, and a static token for this
	// test to read what arrived.
	readerToken := "reader-" + filepath.Base(dir)
	if err := os.WriteFile(tokens, []byte(readerToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	patientP := srv.CreatePatient(t, readerToken, ehrMRNSystem, "MRN-00451287")
	srv.CreatePatient(t, readerToken, ehrMRNSystem, "MRN-00738112")

	f := setup(t, func(c *config.Config) {
		// Discovery through .well-known/smart-configuration.
		c.EHR = ehr.Config{BaseURL: srv.Base, PatientIdentifierSystem: ehrMRNSystem, HTML: true,
			ReconcileEvery: 2 * time.Second,
			Auth:           ehr.Auth{Kind: ehr.AuthSMART, ClientID: "clinscribe", KeyID: "clinscribe-key-1", PrivateKeyFile: keyFile}}
	})
	if f.a.EHR == nil {
		t.Fatal("write-back not assembled from the configuration")
	}
	code, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	if code != http.StatusAccepted {
		t.Fatalf("submit: %d", code)
	}
	f.waitDraft(id)
	f.signLatest("drA", id, 1)
	v1 := f.waitEHR(id, 1, "delivered", delivered)
	if te.Issued() == 0 || len(te.Refused()) != 0 {
		t.Fatalf("SMART tokens issued %d, refused %v", te.Issued(), te.Refused())
	}

	// By the patient's identifier (the server's Patient, then its
	// documents) and by the AIAST security label.
	pats := srv.Search(t, readerToken, "Patient?identifier="+ehrMRNSystem+"|MRN-00451287")
	if len(pats) != 1 || pats[0]["id"] != patientP {
		t.Fatalf("patient: %v", pats)
	}
	docs := srv.Search(t, readerToken, "DocumentReference?subject=Patient/"+patientP)
	labelled := srv.Search(t, readerToken, "DocumentReference?_security=http://terminology.hl7.org/CodeSystem/v3-ObservationValue|AIAST")
	if len(docs) != 1 || len(labelled) != 1 || "DocumentReference/"+docs[0]["id"].(string) != v1.DocumentReference ||
		labelled[0]["id"] != docs[0]["id"] {
		t.Fatalf("by patient %d, by AIAST %d, state %+v", len(docs), len(labelled), v1)
	}
	if docs[0]["status"] != "current" || docs[0]["docStatus"] != "final" {
		t.Fatalf("document: status %v docStatus %v", docs[0]["status"], docs[0]["docStatus"])
	}
	provs := srv.Search(t, readerToken, "Provenance?target="+v1.DocumentReference)
	labelledProvs := srv.Search(t, readerToken, "Provenance?_security=http://terminology.hl7.org/CodeSystem/v3-ObservationValue|AIAST")
	if len(provs) != 1 || len(labelledProvs) != 1 || labelledProvs[0]["id"] != provs[0]["id"] {
		t.Fatalf("provenances: by target %d, by AIAST %d", len(provs), len(labelledProvs))
	}
	pj, _ := json.Marshal(provs[0])
	if !strings.Contains(string(pj), "AI-Provenance") || !strings.Contains(string(pj), `"verifier"`) || !strings.Contains(string(pj), v1.Device) {
		t.Fatalf("provenance: %s", pj)
	}
	// The note text is the signed note.
	att := docs[0]["content"].([]any)[0].(map[string]any)["attachment"].(map[string]any)
	if att["contentType"] != "text/plain; charset=utf-8" || att["data"] == "" {
		t.Fatalf("attachment: %v", att["contentType"])
	}

	// The clinician amends the signed note: v2 replaces v1.
	var draft struct {
		Sections []map[string]any `json:"sections"`
	}
	if code := f.call("drA", "GET", "/v1/encounters/"+id+"/draft", nil, &draft); code != 200 {
		t.Fatalf("read: %d", code)
	}
	draft.Sections[len(draft.Sections)-1]["sentences"] = []map[string]any{{"text": "Recheck blood pressure in two weeks.", "evidence": []string{}}}
	if code := f.call("drA", "POST", "/v1/encounters/"+id+"/versions/1/edit", map[string]any{"sections": draft.Sections}, nil); code != http.StatusCreated {
		t.Fatalf("edit: %d", code)
	}
	f.signLatest("drA", id, 2)
	v2 := f.waitEHR(id, 2, "delivered", delivered)
	if v2.Replaces != v1.DocumentReference {
		t.Fatalf("amendment: %+v", v2)
	}
	amended := srv.Search(t, readerToken, "DocumentReference?identifier=urn:clinscribe:note|"+id+"-v2")
	if len(amended) != 1 || amended[0]["docStatus"] != "amended" {
		t.Fatalf("amendment on the server: %v", amended)
	}
	rel, _ := json.Marshal(amended[0]["relatesTo"])
	if !strings.Contains(string(rel), `"replaces"`) || !strings.Contains(string(rel), v1.DocumentReference) {
		t.Fatalf("relatesTo: %s", rel)
	}
	if old := srv.Search(t, readerToken, "DocumentReference?identifier=urn:clinscribe:note|"+id+"-v1"); len(old) != 1 || old[0]["status"] != "superseded" {
		t.Fatalf("v1 after the amendment: %v", old)
	}

	// The amendment is retracted.
	if code := f.call("drA", "POST", "/v1/encounters/"+id+"/versions/2/entered-in-error", map[string]string{"reason": "wrong patient"}, nil); code != 200 {
		t.Fatalf("entered-in-error: %d", code)
	}
	f.waitEHR(id, 2, "retracted", func(d ehr.Delivery) bool { return d.State == ehr.StateDelivered && d.Want == "entered-in-error" })
	if doc := srv.Search(t, readerToken, "DocumentReference?identifier=urn:clinscribe:note|"+id+"-v2"); len(doc) != 1 || doc[0]["status"] != "entered-in-error" {
		t.Fatalf("v2 after entered-in-error: %v", doc)
	}

	var view1 struct {
		EHR []ehr.Delivery `json:"ehr"`
	}
	if code := f.call("drA", "GET", "/v1/encounters/"+id, nil, &view1); code != 200 || len(view1.EHR) != 2 ||
		view1.EHR[0].DocumentReference != v1.DocumentReference || view1.EHR[1].Want != "entered-in-error" {
		t.Fatalf("status: %d %+v", code, view1.EHR)
	}
	if code := f.call("drB", "GET", "/v1/encounters/"+id, nil, &apiError{}); code != http.StatusForbidden {
		t.Fatalf("another clinician reads the status: %d", code)
	}

	// Outage: the server is down when the second patient's note is signed.
	srv.Stop()
	code, id2 := f.submitNote("platform", "MRN-00738112", "dr-okafor", "note-hypertension-followup.txt")
	if code != http.StatusAccepted {
		t.Fatalf("submit: %d", code)
	}
	f.waitDraft(id2)
	f.signLatest("drA", id2, 1)
	during := f.waitEHR(id2, 1, "failing", func(d ehr.Delivery) bool {
		return d.State == ehr.StatePending && d.Code == string(ehr.CodeUnavailable)
	})
	// The API's status answer shows it, like the CLI's.
	var view struct {
		EHR []ehr.Delivery `json:"ehr"`
	}
	if code := f.call("drA", "GET", "/v1/encounters/"+id2, nil, &view); code != 200 || len(view.EHR) != 1 ||
		view.EHR[0].State != ehr.StatePending || view.EHR[0].Code != string(ehr.CodeUnavailable) {
		t.Fatalf("status during the outage: %d %+v", code, view.EHR)
	}
	srv.Restart(t)
	after := f.waitEHR(id2, 1, "delivered after the outage", delivered)
	if after.Attempts <= during.Attempts-1 || after.Attempts < 2 {
		t.Fatalf("attempts: during %d, after %d", during.Attempts, after.Attempts)
	}
	if n := len(srv.Search(t, readerToken, "DocumentReference?identifier=urn:clinscribe:note|"+id2+"-v1")); n != 1 {
		t.Fatalf("second note on the server: %d", n)
	}
	// Everything from before the outage is still there.
	if n := len(srv.Search(t, readerToken, "DocumentReference?_security=http://terminology.hl7.org/CodeSystem/v3-ObservationValue|AIAST")); n != 3 {
		t.Fatalf("AIAST documents after the outage: %d, want 3", n)
	}

	// Audited like any disclosure, with IDs and codes only; Redis holds IDs.
	var outcomes []string
	for _, e := range auditEvents(t, f.cfg.Audit.Dir) {
		if e.Event == audit.EventEHRDeliver {
			outcomes = append(outcomes, fmt.Sprintf("%s v%d %s", e.EncounterID, e.Version, e.Result))
		}
	}
	for _, want := range []string{id + " v1 ok", id + " v2 ok", id2 + " v1 ehr_unavailable", id2 + " v1 ok"} {
		if !strings.Contains(strings.Join(outcomes, "\n"), want) {
			t.Errorf("audit lacks %q: %v", want, outcomes)
		}
	}
	walkNoMRN(t, f.cfg.Audit.Dir)
	opt, err := f.cfg.Redis.ConnOpt()
	if err != nil {
		t.Fatal(err)
	}
	ins2 := asynq.NewInspector(opt)
	defer ins2.Close()
	// A delivery's state is stored before its task is acknowledged: the
	// last task may complete a moment after waitEHR saw the state.
	seen := 0
	if err := workertest.Within(30*time.Second, func() error {
		done, err := ins2.ListCompletedTasks(worker.QueueCritical)
		if err != nil {
			return err
		}
		seen = 0
		for _, task := range done {
			if task.Type != worker.TypeEHR {
				continue
			}
			seen++
			var pl map[string]any
			if err := json.Unmarshal(task.Payload, &pl); err != nil || len(pl) != 2 || pl["encounter_id"] == nil || pl["version"] == nil {
				t.Fatalf("ehr task payload: %s", task.Payload)
			}
		}
		if seen < 4 {
			return workertest.ErrNotYet
		}
		return nil
	}); err != nil {
		t.Fatalf("completed ehr tasks: %d: %v", seen, err)
	}
}

func walkNoMRN(t *testing.T, dir string) {
	t.Helper()
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, mrn := range []string{"MRN-00451287", "MRN-00738112"} {
			if strings.Contains(string(b), mrn) {
				return fmt.Errorf("%s holds %s", p, mrn)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
