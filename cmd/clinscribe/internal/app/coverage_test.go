package app_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

// Audit coverage against the OpenAI wire-protocol test server: every
// request the server received — transcriptions, summaries, retries after
// a 500 and a 429 — has an ai.request.intent entry whose input hash is the
// SHA-256 of exactly the bytes the server got, and an outcome entry with
// the same call ID; every request entry sits inside a call's intent and
// outcome.
func TestAuditCoversEveryRequestTheServerReceived(t *testing.T) {
	t.Parallel()
	rs := redistest.Start(t)
	srv := openaitest.New(t, openaitest.Options{APIKey: simKey})
	srv.FailNext(openaitest.KindChat, openaitest.Failure{Status: http.StatusInternalServerError, Code: "server_error"},
		openaitest.Failure{Status: http.StatusTooManyRequests, Code: "rate_limit_exceeded", RetryAfter: 100 * time.Millisecond})
	cfg := openAIConfig(t, rs.URL, srv.URL+"/v1", true)
	a := openApp(t, cfg)
	ctx := context.Background()

	note, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "samples", "note-diabetes-visit.txt"))
	if err != nil {
		t.Fatal(err)
	}
	noteID, err := a.Pipeline.Submit(ctx, pipeline.SubmitRequest{
		Note: note, NoteContentType: "text/plain", Subject: encounter.Subject{PatientID: "MRN-00738112"},
		ProviderID: "dr-brandt", Actor: "test", Role: "platform", Source: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	wav, _ := openaitest.SynthWAV([]openaitest.Utterance{
		openaitest.Say(1, "i have had a cough for two weeks and it is worse at night"),
		openaitest.Say(0, "we will start ibuprofen 400 mg twice daily with food"),
	}, openaitest.SynthOptions{})
	recID := submitRecording(t, a, wav)
	for _, id := range []string{noteID, recID} {
		if v := waitFinished(t, a, id); v.Failure != nil {
			t.Fatalf("%s: %+v", id, v.Failure)
		}
	}

	entries, err := audit.ReadDir(cfg.Audit.Dir)
	if err != nil {
		t.Fatal(err)
	}
	intents := map[string]audit.Entry{} // request call ID -> intent
	outcomes := map[string]bool{}
	calls := map[string][2]bool{} // call ID -> intent seen, outcome seen
	for _, e := range entries {
		switch e.Event {
		case ai.EventRequestIntent:
			intents[e.CallID] = e
		case ai.EventRequestOutcome:
			outcomes[e.CallID] = true
		case audit.EventAIIntent:
			c := calls[e.CallID]
			c[0] = true
			calls[e.CallID] = c
		case audit.EventAIOutcome:
			c := calls[e.CallID]
			c[1] = true
			calls[e.CallID] = c
		}
	}
	byHash := map[string][]string{}
	for id, e := range intents {
		byHash[e.InputSHA256] = append(byHash[e.InputSHA256], id)
	}
	reqs := srv.Requests()
	if len(reqs) < 4 {
		t.Fatalf("the server received only %d requests; the retries did not happen", len(reqs))
	}
	for i, r := range reqs {
		ids := byHash[r.BodySHA256]
		if len(ids) == 0 {
			t.Errorf("request %d (%s, status %d): no audit intent with the hash of its body", i, r.Kind, r.Status)
			continue
		}
		matched := false
		for _, id := range ids {
			if outcomes[id] {
				matched = true
			}
		}
		if !matched {
			t.Errorf("request %d (%s): intent without outcome", i, r.Kind)
		}
	}
	for id := range intents {
		call := id[:len(id)-len(filepath.Ext(id))]
		if c := calls[call]; !c[0] || !c[1] {
			t.Errorf("request %s is not inside an audited call (%v)", id, c)
		}
	}
}

// A patient who opted out: the AI test server receives zero requests for
// their encounter, which waits in the human documentation queue.
func TestOptOutSendsNothingToTheProvider(t *testing.T) {
	t.Parallel()
	rs := redistest.Start(t)
	srv := openaitest.New(t, openaitest.Options{APIKey: simKey})
	a := openApp(t, openAIConfig(t, rs.URL, srv.URL+"/v1", true))
	ctx := context.Background()
	ref, err := a.Services.Pseudonyms.PatientRef(ctx, "MRN-OPTOUT-1")
	if err != nil {
		t.Fatal(err)
	}
	platform := access.Who{Principal: access.Principal{ID: "emr", Role: access.RolePlatform}}
	if _, err := a.Services.Consent.Set(ctx, platform, ref, consent.Denied, "front-desk"); err != nil {
		t.Fatal(err)
	}
	note, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "samples", "note-low-back-pain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := a.Pipeline.Submit(ctx, pipeline.SubmitRequest{
		Note: note, NoteContentType: "text/plain", Subject: encounter.Subject{PatientID: "MRN-OPTOUT-1"},
		ProviderID: "dr-feld", Actor: "emr", Role: "platform", Source: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	v := waitFinished(t, a, id)
	queue, err := a.Services.Store.HumanQueue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !v.HumanDocumentation || len(queue) != 1 || queue[0] != id || len(v.Drafts) != 0 {
		t.Fatalf("status %+v, human queue %v", v, queue)
	}
	// A reconcile pass queues nothing for it: no task can ever reach a
	// model.
	if n, err := a.Pipeline.Reconcile(ctx); err != nil || n != 0 {
		t.Fatalf("reconcile queued %d stages (%v) for an opted-out patient", n, err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Fatalf("the AI server received %d requests for an opted-out patient", n)
	}
}
