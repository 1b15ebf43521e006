package console_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/console"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

const samplesDir = "../../../../testdata/samples"

// The canary: a fake patient whose identifiers must never reach a URL,
// browser storage or the server's log. They are planted in the encounter's
// subject and in the note's text.
const (
	canaryName  = "Zebulon Quillfeather"
	canaryMRN   = "MRN-CANARY-88231"
	canaryPhone = "(617) 555-0162"
	canaryDOB   = "1937-11-23"
	canaryDOBUS = "11/23/1937"
)

var canaries = []string{canaryName, "Quillfeather", canaryMRN, "CANARY-88231", canaryPhone, "555-0162", canaryDOB, canaryDOBUS}

const canaryNote = `Patient: ` + canaryName + `, MRN ` + canaryMRN + `, DOB ` + canaryDOBUS + `, phone ` + canaryPhone + `.

Subjective:
Mr. Quillfeather reports three days of a sore throat and a dry cough. He denies fever or shortness of breath. He has been taking ibuprofen 400 mg twice daily with some relief. His daughter had a cold last week.

Objective:
Temperature 37.1 C, pulse 78, blood pressure 128/82. Pharynx mildly erythematous without exudate. Lungs clear to auscultation bilaterally.

Assessment:
Viral upper respiratory infection.

Plan:
Continue ibuprofen as needed. Salt water gargles. Return if fever above 38.5 C or symptoms last more than ten days.
`

// syncBuffer is a log sink the test reads while the server writes.
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

// clock is the console's clock: real time plus a test-controlled offset.
type clock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.off += d
	c.mu.Unlock()
}

type fixture struct {
	t       *testing.T
	a       *app.App
	con     *console.Console
	srv     *httptest.Server
	url     string
	tokens  map[string]string
	logs    *syncBuffer
	clock   *clock
	ids     map[string]string // sample name (or "canary", "optedout") -> encounter ID
	cfg     config.Config
	tokFile string
	set     *access.Tokens
}

// person is a test sign-in.
type person struct {
	key, role, subject string
}

var people = []person{
	{"drA", "provider", "dr-okafor"},
	{"drB", "provider", "dr-brandt"},
	{"drBspare", "provider", "dr-brandt"},   // revoked by a test
	{"patientP", "patient", "MRN-00451287"}, // Harold J. Whitcombe (note-hypertension-followup, dr-okafor)
	{"patientQ", "patient", "MRN-00738112"}, // Delia M. Fairbanks (note-diabetes-visit, dr-brandt)
	{"canary", "patient", canaryMRN},
	{"reviewer", "reviewer", "rev-1"},
	{"ops", "ops", "ops-1"},
	{"platform", "platform", "clinic-platform"},
}

// setup starts Redis, the app with its worker, the console over the app's
// services, and submits the named samples, the canary note and an
// opted-out note; it waits for every encounter to finish.
func setup(t *testing.T, sampleNames ...string) *fixture {
	t.Helper()
	rds := redistest.Start(t)
	cfg := config.Config{DataDir: t.TempDir()}
	cfg.Redis.URL = rds.URL
	cfg.Worker.PollInterval = 100 * time.Millisecond
	cfg.Worker.IdlePollInterval = 50 * time.Millisecond
	cfg.Pipeline.Review.Reviewers = []string{"rev-1"}
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, cfg: cfg, tokens: map[string]string{}, logs: &syncBuffer{}, clock: &clock{}, ids: map[string]string{},
		tokFile: cfg.API.TokensFile}
	for _, p := range people {
		token, rec, err := access.NewToken("tok-"+p.key, access.Role(p.role), p.subject, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if err := access.AddToken(cfg.API.TokensFile, rec); err != nil {
			t.Fatal(err)
		}
		f.tokens[p.key] = token
	}
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: f.logs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	f.a = a
	w, err := a.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Shutdown)

	tokens, err := access.LoadTokens(cfg.API.TokensFile, a.Services.Pseudonyms.PatientRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := a.AuditRows()
	if err != nil {
		t.Fatal(err)
	}
	f.set = tokens
	// The services exactly as serve wires them; the clock and the names
	// are the test's.
	con, err := console.New(cfg.Console, a.ConsoleServices(rows), tokens, a.Log, console.Options{Now: f.clock.Now,
		Names: audit.Names{Organization: "Riverside Family Clinic", Actors: map[string]string{"dr-okafor": "Dr. Lena Okafor"}}})
	if err != nil {
		t.Fatal(err)
	}
	f.con = con
	mux := http.NewServeMux()
	mux.Handle(console.Prefix+"/", con.Handler())
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	f.url = f.srv.URL

	ctx := context.Background()
	samples, err := app.LoadSamples(samplesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		for _, name := range sampleNames {
			if s.Name != name {
				continue
			}
			req, closeFn, err := s.Request("test")
			if err != nil {
				t.Fatal(err)
			}
			id, err := a.Pipeline.Submit(ctx, req)
			closeFn()
			if err != nil {
				t.Fatal(err)
			}
			f.ids[s.Name] = id
		}
	}
	canary := pipeline.SubmitRequest{Template: "soap", ProviderID: "dr-okafor", Actor: "clinic-platform", Role: "platform", Source: "api",
		Note: []byte(canaryNote), NoteContentType: "text/plain; charset=utf-8",
		Subject: encounter.Subject{PatientID: canaryMRN, PatientName: canaryName, BirthDate: canaryDOB, Phone: canaryPhone, ProviderName: "Dr. Lena Okafor"}}
	if f.ids["canary"], err = a.Pipeline.Submit(ctx, canary); err != nil {
		t.Fatal(err)
	}
	// An opted-out patient: the platform records the choice, then submits.
	platform := access.Who{Principal: access.Principal{ID: "clinic-platform", Role: access.RolePlatform}}
	ref, err := a.Services.Pseudonyms.PatientRef(ctx, "MRN-00990001")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Services.Consent.Set(ctx, platform, ref, consent.Denied, "front-desk"); err != nil {
		t.Fatal(err)
	}
	optedOut := canary
	optedOut.Note = []byte("Subjective:\nFollow-up of knee pain after a fall two weeks ago. Pain is better with rest.\n\nObjective:\nMild swelling of the left knee, full range of motion.\n\nPlan:\nPhysiotherapy referral. Review in four weeks.\n")
	optedOut.Subject = encounter.Subject{PatientID: "MRN-00990001", PatientName: "Ottilie Brightwater", BirthDate: "1961-04-02", ProviderName: "Dr. Lena Okafor"}
	if f.ids["optedout"], err = a.Pipeline.Submit(ctx, optedOut); err != nil {
		t.Fatal(err)
	}
	for name, id := range f.ids {
		v := workertest.Finished(t, a.Pipeline.Status, id, 60*time.Second)
		if v.Failure != nil {
			t.Fatalf("%s: %s", name, v.Failure.Code)
		}
	}
	return f
}
