package app_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/canary"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/ehr/ehrtest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

const samplesDir = "../../../../testdata/samples"

// syncBuffer collects log output from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testConfig(t *testing.T, redisURL string) config.Config {
	t.Helper()
	cfg := config.Config{DataDir: t.TempDir()}
	cfg.Redis.URL = redisURL
	cfg.Worker.Concurrency = 4
	cfg.Worker.PollInterval = 100 * time.Millisecond
	cfg.Log.Level = "debug"
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	return cfg
}

type env struct {
	a    *app.App
	logs *syncBuffer
	rds  *redistest.Server
}

func start(t *testing.T, rds *redistest.Server, cfg config.Config, withWorker bool) *env {
	t.Helper()
	logs := &syncBuffer{}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: logs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if withWorker {
		srv, err := a.NewWorker()
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(srv.Shutdown)
	}
	return &env{a: a, logs: logs, rds: rds}
}

func (e *env) waitFinished(t *testing.T, id string, timeout time.Duration) *pipeline.View {
	t.Helper()
	return workertest.Finished(t, e.a.Pipeline.Status, id, timeout)
}

func submitSample(t *testing.T, a *app.App, name string) string {
	t.Helper()
	samples, err := app.LoadSamples(samplesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.Name != name {
			continue
		}
		req, closeFn, err := s.Request("test")
		if err != nil {
			t.Fatal(err)
		}
		defer closeFn()
		id, err := a.Pipeline.Submit(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	t.Fatalf("no sample %q", name)
	return ""
}

// A note and a recording go through a real Redis and an in-process worker
// — the code path of `clinscribe submit` and `clinscribe worker` — and come
// out as preliminary AI-labeled drafts; storage holds no plaintext.
func TestIntegrationNoteAndRecording(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	e := start(t, rds, testConfig(t, rds.URL), true)
	ids := map[string]string{
		"note":      submitSample(t, e.a, "note-hypertension-followup"),
		"recording": submitSample(t, e.a, "rec-cough-telehealth"),
	}
	for kind, id := range ids {
		v := e.waitFinished(t, id, 30*time.Second)
		if v.Failure != nil || len(v.Drafts) != 1 {
			t.Fatalf("%s: %+v", kind, v)
		}
		d := v.Drafts[0]
		if d.Status != encounter.DraftPreliminary || !d.Label.AIGenerated || d.Label.SecurityLabel != encounter.SecurityLabelAIAST ||
			d.Label.Provider != "offline" || d.Label.Model == "" || d.Label.PromptVersion == "" || d.Label.InputSHA256 == "" {
			t.Fatalf("%s: draft label %+v", kind, d)
		}
	}
	for _, needle := range []string{"Whitcombe", "Halvorsen", "lisinopril", "benzonatate", "00451287", "WEBVTT"} {
		assertAbsentInDir(t, e.a.Config.Storage.Dir, needle)
	}
}

func assertAbsentInDir(t *testing.T, dir, needle string) {
	t.Helper()
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		raw, err := os.ReadFile(p)
		if err == nil && bytes.Contains(bytes.ToLower(raw), bytes.ToLower([]byte(needle))) {
			t.Errorf("%s contains %q", p, needle)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The canary test: PHI planted in every input (and in inputs that fail)
// appears nowhere in Redis, the logs or the audit trail after a full run.
func TestCanaryNoPHIOutsideEncryptedStorage(t *testing.T) {
	t.Parallel()
	rds := redistest.StartWith(t, redistest.Options{Own: true})
	cfg := testConfig(t, rds.URL)
	// The shredded encounter's task must be found in the retry set: an idle
	// worker that sleeps a second between polls would leave it pending
	// after its retry delay, on a loaded machine.
	cfg.Worker.IdlePollInterval = 50 * time.Millisecond
	// EHR write-back is on: the signed note goes to a real FHIR server,
	// the only place outside encrypted storage where the canaries may be.
	fhirTokens := filepath.Join(t.TempDir(), "fhir-tokens")
	if err := os.WriteFile(fhirTokens, []byte("canary-test-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fhirSrv := ehrtest.Start(t, ehrtest.Options{TokensFile: fhirTokens})
	fhirSrv.CreatePatient(t, "canary-test-token", "urn:oid:2.16.840.1.113883.3.9999.3", "MRN-CANARY-88231")
	cfg.EHR = ehr.Config{BaseURL: fhirSrv.Base, PatientIdentifierSystem: "urn:oid:2.16.840.1.113883.3.9999.3", HTML: true,
		Auth: ehr.Auth{Kind: ehr.AuthBearer, TokenFile: fhirTokens}}
	e := start(t, rds, cfg, false) // the worker starts once everything is submitted
	ctx := context.Background()

	canaries := []string{"Zelda", "Quixote", "CANARY-88231", "88231", "555-0199", "(555) 013-7781", "0137781", "1931-02-14", "02/14/1931"}
	subject := encounter.Subject{PatientID: "MRN-CANARY-88231", PatientName: "Zelda Quixote", BirthDate: "1931-02-14", Phone: "(555) 013-7781", Relatives: []string{"Ximena Quixote"}}
	note := "Patient: Zelda Quixote  DOB: 02/14/1931  MRN-CANARY-88231  Phone (555) 013-7781\n" +
		"HPI: Ms. Quixote reports a cough for five days with fever. Her daughter Ximena Quixote (555-0199) drove her in.\n" +
		"Exam: Temp 38.4 C. Lungs with crackles at the right base.\nAssessment: Community-acquired pneumonia, likely.\nPlan: Start amoxicillin 1 g three times daily for 5 days. Follow up in 3 days."
	vtt := "WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\n<v Dr. Okafor>Please confirm your name, Zelda Quixote, born 02/14/1931?</v>\n\n" +
		"2\n00:00:03.000 --> 00:00:07.000\n<v Patient>Yes. I have had a cough for five days and fever, call me at (555) 013-7781.</v>\n\n" +
		"3\n00:00:07.000 --> 00:00:10.000\n<v Dr. Okafor>Your temperature is 38.4 and I hear crackles in your lungs.</v>\n\n" +
		"4\n00:00:10.000 --> 00:00:13.000\n<v Dr. Okafor>This looks like pneumonia, so I'm prescribing amoxicillin three times a day.</v>\n"
	wav, err := os.ReadFile(filepath.Join(samplesDir, "rec-dysuria-visit.wav"))
	if err != nil {
		t.Fatal(err)
	}
	base := pipeline.SubmitRequest{Subject: subject, ProviderID: "dr-okafor", Actor: "platform-1", Source: "test"}

	var ids []string
	submit := func(mut func(*pipeline.SubmitRequest)) (string, error) {
		r := base
		mut(&r)
		return e.a.Pipeline.Submit(ctx, r)
	}
	// Good note, good recording, a recording without sidecar (fails in the
	// transcribe stage and is archived), and refused submissions.
	for _, mut := range []func(*pipeline.SubmitRequest){
		func(r *pipeline.SubmitRequest) { r.Note, r.NoteContentType = []byte(note), "text/plain" },
		func(r *pipeline.SubmitRequest) {
			r.Audio, r.AudioContentType, r.Sidecar, r.SidecarContentType = bytes.NewReader(wav), "audio/wav", []byte(vtt), "text/vtt"
		},
		func(r *pipeline.SubmitRequest) { r.Audio, r.AudioContentType = bytes.NewReader(wav), "audio/wav" },
		func(r *pipeline.SubmitRequest) { r.Note, r.NoteContentType = []byte(note), "text/plain" },
	} {
		id, err := submit(mut)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for _, mut := range []func(*pipeline.SubmitRequest){
		func(r *pipeline.SubmitRequest) {
			r.Audio, r.AudioContentType, r.Sidecar = bytes.NewReader(wav), "audio/wav", []byte("WEBVTT\n\n00:00 --> Zelda Quixote 88231\n")
		},
		func(r *pipeline.SubmitRequest) {
			r.Note, r.NoteContentType = []byte("Zelda Quixote \xff 88231"), "text/plain"
		},
		func(r *pipeline.SubmitRequest) {
			r.Audio, r.AudioContentType = strings.NewReader("Zelda Quixote 88231"), "audio/wav"
		},
	} {
		if _, err := submit(mut); err == nil {
			t.Fatal("bad input accepted")
		} else {
			e.a.Log.Warn("submission refused", "error", err) // as the API would log it
			for _, c := range canaries {
				if canary.Holds(err.Error(), c) {
					t.Fatalf("refusal %q carries canary %q", err, c)
				}
			}
		}
	}
	// The fourth encounter's record is damaged on disk before a worker sees
	// it (a storage fault): its task fails with a storage error and waits in
	// asynq's retry set.
	disk := storagetest.OpenDir(t, cfg.Storage.Dir)
	metaKey := "encounters/" + ids[3] + "/meta.json"
	raw, err := storage.ReadAll(ctx, disk, metaKey)
	if err != nil {
		t.Fatal(err)
	}
	raw[len(raw)-1] ^= 0xff
	if err := disk.Put(ctx, metaKey, bytes.NewReader(raw), storage.Overwrite); err != nil {
		t.Fatal(err)
	}
	srv, err := e.a.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	omitted := 0
	for _, id := range ids[:3] {
		v := e.waitFinished(t, id, 30*time.Second)
		if len(v.Drafts) == 1 {
			d, err := e.a.Services.Signoff.Draft(ctx, id, 0, signoff.Viewer{Actor: "dr-okafor", Role: "clinician"})
			if err != nil {
				t.Fatal(err)
			}
			// The "Not in the draft" list quotes the source (the identity
			// check with the patient's name is left out as administrative):
			// it lives in the encrypted draft, and the scans below show it
			// reaches nothing else.
			if d.NotInDraft == nil {
				t.Fatalf("draft of %s has no Not in the draft list", id)
			}
			for _, o := range d.NotInDraft.Omissions() {
				if canary.Holds(o.Text, "Zelda") {
					omitted++
				}
			}
		}
	}
	if omitted == 0 {
		t.Fatal("no draft lists a canary-bearing segment as not in the draft: the scan would prove nothing about it")
	}
	// The clinician signs the note; it is written back to the EHR.
	dr := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	dv, err := e.a.Services.Signoff.View(ctx, dr, ids[0], 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Services.Signoff.Sign(ctx, dr, ids[0], dv.Version, dv.ContentSHA256, "Reviewed."); err != nil {
		t.Fatal(err)
	}
	workertest.Eventually(t, 60*time.Second, func() error {
		ds, err := e.a.EHR.Status(ctx, ids[0])
		if err != nil || len(ds) != 1 || ds[0].State != ehr.StateDelivered {
			return fmt.Errorf("write-back: %+v %v", ds, err)
		}
		return nil
	})
	if docs := fhirSrv.Search(t, "canary-test-token", "DocumentReference?identifier=urn:clinscribe:note|"+ids[0]+"-v1"); len(docs) != 1 {
		t.Fatalf("the signed note did not reach the EHR: %d", len(docs))
	}
	if v, _ := e.a.Pipeline.Status(ctx, ids[2]); v.Failure == nil || v.Failure.Code != string(phi.CodeNotConfigured) {
		t.Fatalf("recording without sidecar: %+v", v)
	}
	// Wait until asynq holds a task in each of its states worth scanning:
	// the failed stage archived, the shredded encounter's task in retry.
	ins := asynq.NewInspector(e.a.Redis)
	defer ins.Close()
	workertest.Eventually(t, 20*time.Second, func() error {
		tq, _ := ins.GetQueueInfo(worker.QueueTranscribe)
		sq, _ := ins.GetQueueInfo(worker.QueueSummarize)
		if tq != nil && sq != nil && tq.Archived > 0 && sq.Retry > 0 {
			// Scan these tasks as asynq reports them: payload and last error.
			retrying, _ := ins.ListRetryTasks(worker.QueueSummarize)
			archivedTasks, _ := ins.ListArchivedTasks(worker.QueueTranscribe)
			for _, ti := range append(retrying, archivedTasks...) {
				if ti.LastErr == "" {
					t.Errorf("task %s has no last error: nothing was scanned", ti.ID)
				}
				for _, c := range canaries {
					if strings.Contains(string(ti.Payload), c) || strings.Contains(ti.LastErr, c) {
						t.Errorf("task %s holds canary %q", ti.ID, c)
					}
				}
			}
			if len(retrying) > 0 && len(archivedTasks) > 0 {
				return nil
			}
		}
		return fmt.Errorf("asynq never held an archived and a retrying task: %+v %+v", tq, sq)
	})

	dump := rds.Dump(t)
	if len(dump) == 0 {
		t.Fatal("Redis is empty: the scan would prove nothing")
	}
	archived := false
	for k, v := range dump {
		archived = archived || strings.HasSuffix(k, ":archived")
		for _, c := range canaries {
			if canary.Holds(k, c) || canary.Holds(v, c) {
				t.Errorf("Redis key %q holds canary %q", k, c)
			}
		}
	}
	if !archived {
		t.Error("no archived set in Redis: the scan must cover it")
	}
	logs := e.logs.String()
	if !strings.Contains(logs, "encounter submitted") || !strings.Contains(logs, "draft checked") {
		t.Fatal("no logs captured (or no draft-check log): the scan would prove nothing")
	}
	for _, c := range canaries {
		if canary.Holds(logs, c) {
			t.Errorf("logs hold canary %q", c)
		}
	}
	files, _ := filepath.Glob(filepath.Join(cfg.Audit.Dir, "*"))
	if len(files) == 0 {
		t.Fatal("no audit files")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range canaries {
			if canary.Holds(string(raw), c) {
				t.Errorf("audit file %s holds canary %q", f, c)
			}
		}
	}
	for _, c := range canaries {
		assertAbsentInDir(t, cfg.Storage.Dir, c)
	}
}

// The encounter record lives in storage: after Redis loses everything, a
// worker starting up finds unfinished encounters and completes them.
func TestSurvivesRedisFlush(t *testing.T) {
	t.Parallel()
	rds := redistest.StartWith(t, redistest.Options{Own: true})
	cfg := testConfig(t, rds.URL)
	e := start(t, rds, cfg, false)
	id := submitSample(t, e.a, "note-low-back-pain")
	if err := rds.Client(t).FlushAll(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	if n, err := e.a.Pipeline.Reconcile(context.Background()); err != nil || n != 1 {
		t.Fatalf("Reconcile = %d, %v", n, err)
	}
	srv, err := e.a.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	if v := e.waitFinished(t, id, 30*time.Second); len(v.Drafts) != 1 {
		t.Fatalf("%+v", v)
	}
}

func sha(t *testing.T, r io.Reader) string {
	t.Helper()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func baseNote(note []byte) pipeline.SubmitRequest {
	return pipeline.SubmitRequest{
		Note: note, NoteContentType: "text/plain", ProviderID: "dr-bench", Actor: "bench", Source: "bench",
		Subject: encounter.Subject{PatientID: "MRN-BENCH-1"},
	}
}
