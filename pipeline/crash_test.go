package pipeline_test

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

// proc is one clinscribe process over a data directory that outlives
// it: what a restart after a crash opens again.
type proc struct {
	st    *storagetest.Local
	s     *pipeline.Services
	p     *pipeline.Pipeline
	q     *queue
	audit *audit.Logger
}

// openProcess opens the pipeline over root. wrap, if set, wraps the data
// and keyring stores (crash injection); now is the process's clock.
func openProcess(t *testing.T, root string, signer *audit.Signer, wrap func(storage.Blobstore) storage.Blobstore, now func() time.Time) *proc {
	t.Helper()
	return openProcessIn(t, root, "", signer, wrap, now)
}

// openProcessIn is openProcess with the stores in format (empty: the
// default, storage.LocalFormat).
func openProcessIn(t *testing.T, root, format string, signer *audit.Signer, wrap func(storage.Blobstore) storage.Blobstore, now func() time.Time) *proc {
	t.Helper()
	st := storagetest.OpenLocalIn(t, root, format, wrap)
	store, err := audit.NewFileStore(filepath.Join(root, "audit"))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := audit.NewTrail(store, signer, audit.TrailConfig{Writer: "test", Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	lg := audit.NewLogger(tr, "clinscribe", "test", now)
	q := &queue{}
	s := assemble(t, pipeline.Config{}, st.Vault, offline.New("offline"), lg, q, st.Keys, now)
	return &proc{st: st, s: s, p: s.Pipeline, q: q, audit: lg}
}

// crashScenario is one piece of work run up to a crash and then finished
// by a restarted process, as a clinic's client and the queue would.
type crashScenario struct {
	name   string
	req    func(t *testing.T) pipeline.SubmitRequest
	optOut bool // the patient opted out of AI before submitting
	// retries: the client sends an Idempotency-Key and, having had no
	// answer, submits again with it. Otherwise it gives up.
	retries bool
	format  string // the local stores' format (storage.FormatLog or FormatFiles)
}

func (sc crashScenario) request(t *testing.T) pipeline.SubmitRequest {
	req := sc.req(t)
	if sc.retries {
		req.IdempotencyKey = "order-7731:attempt-set-1"
	}
	return req
}

var clinician = access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}

// runState is what the first process got done before it died.
type runState struct {
	id       string // the ID Submit returned, if it returned
	inflight *task  // the stage task running when it died
	signed   bool
}

// firstRun submits and works the encounter through to a signature,
// stopping at the crash.
func (sc crashScenario) firstRun(t *testing.T, pr *proc) (st runState, crash *storagetest.Crash) {
	defer func() {
		if r := recover(); r != nil {
			c, ok := r.(storagetest.Crash)
			if !ok {
				panic(r)
			}
			crash = &c
		}
	}()
	ctx := context.Background()
	id, err := pr.p.Submit(ctx, sc.request(t))
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	st.id = id
	for len(pr.q.tasks) > 0 {
		tk := pr.q.pop(t)
		st.inflight = &tk
		_ = pr.p.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: tk.id, TaskID: string(tk.stage) + ":" + tk.id, MaxRetry: 3})
		st.inflight = nil
	}
	if sc.optOut {
		documentByHand(t, pr.s, id)
	} else {
		signDraft(t, pr.s, id)
	}
	st.signed = true
	return st, nil
}

// documentByHand writes the note of an opted-out patient's encounter (if
// no version is stored yet) and signs it, as its clinician would.
func documentByHand(t *testing.T, s *pipeline.Services, id string) {
	t.Helper()
	ctx := context.Background()
	versions, err := s.Store.DraftVersions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) == 0 {
		tmpl, err := prompts.Builtin().Get("soap")
		if err != nil {
			t.Fatal(err)
		}
		var secs []encounter.Section
		for _, sec := range tmpl.Sections {
			secs = append(secs, encounter.Section{Key: sec.Key, Sentences: []encounter.Sentence{{Text: "Written by hand: " + sec.Title + "."}}})
		}
		if _, err := s.Signoff.Write(ctx, clinician, id, 0, secs); err != nil && phi.CodeOf(err) != phi.CodeConflict {
			t.Fatalf("write by hand: %v", err)
		}
	}
	signDraft(t, s, id)
}

func signDraft(t *testing.T, s *pipeline.Services, id string) {
	t.Helper()
	ctx := context.Background()
	d, err := s.Signoff.Draft(ctx, id, 1, signoff.Viewer{Actor: clinician.ID, Role: string(clinician.Role)})
	if err != nil {
		t.Fatalf("draft of %s: %v", id, err)
	}
	_, err = s.Signoff.Sign(ctx, clinician, id, 1, d.ContentSHA256, "I have reviewed and edited this note.")
	if err != nil && phi.CodeOf(err) != phi.CodeConflict {
		t.Fatalf("sign: %v", err)
	}
}

// recoverRun finishes what the first process left, as the system does: a
// client that got no answer submits again with its idempotency key (a
// minute later), asynq hands the in-flight task out again once its lease
// expires, tasks still in Redis run, the reconciler sweeps (once soon, once
// after SubmitTimeout), and a clinician who got no answer signs again.
func (sc crashScenario) recoverRun(t *testing.T, pr *proc, first *proc, st runState, clock *time.Time, start time.Time) runState {
	ctx := context.Background()
	pr.q.tasks = append(pr.q.tasks, first.q.tasks...)
	*clock = start.Add(time.Minute)
	if st.id == "" && sc.retries {
		id, err := pr.p.Submit(ctx, sc.request(t))
		if err != nil {
			t.Fatalf("retried submit: %v", err)
		}
		st.id = id
	}
	if st.inflight != nil {
		tk := *st.inflight
		_ = pr.p.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: tk.id, TaskID: string(tk.stage) + ":" + tk.id, Retried: 1, MaxRetry: 3})
	}
	drain := func() {
		for len(pr.q.tasks) > 0 {
			tk := pr.q.pop(t)
			_ = pr.p.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: tk.id, TaskID: string(tk.stage) + ":" + tk.id, MaxRetry: 3})
		}
	}
	drain()
	for _, at := range []time.Time{start.Add(2 * time.Minute), start.Add(pipeline.SubmitTimeout + time.Minute)} {
		*clock = at
		if _, err := pr.p.Reconcile(ctx); err != nil {
			t.Fatalf("reconcile: %v", err)
		}
		drain()
	}
	if st.id != "" && !st.signed {
		if sc.optOut {
			documentByHand(t, pr.s, st.id)
		} else {
			signDraft(t, pr.s, st.id)
		}
		st.signed = true
	}
	// The clinician's signature may have been cut short before its human
	// documentation item closed: the next reconciliation closes it.
	if _, err := pr.p.Reconcile(ctx); err != nil {
		t.Fatalf("reconcile: %v", err)
	}
	return st
}

// A process killed at any durable write — each in turn, before and after
// it takes effect, across submission, both stages and the sign-off — is
// recovered by a restart into exactly the state a clean run reaches: one
// encounter with one draft version, signed once, or, if the submission
// never reached its commit point, nothing at all; never an orphaned input;
// an audit trail that verifies and tells the same story; an opted-out
// patient's encounter in the human queue and never at a model.
func TestCrashAtEveryWrite(t *testing.T) {
	t.Parallel()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	signer := audit.NewSigner(priv)
	note := func(t *testing.T) pipeline.SubmitRequest {
		return noteRequest(sample(t, "note-hypertension-followup.txt"))
	}
	rec := func(t *testing.T) pipeline.SubmitRequest { return recordingRequest(t, "rec-cough-telehealth.vtt") }
	scenarios := []crashScenario{
		{name: "note", req: note},
		{name: "note-retried", req: note, retries: true},
		{name: "recording", req: rec},
		{name: "recording-retried", req: rec, retries: true},
		{name: "opted-out", optOut: true, retries: true, req: func(t *testing.T) pipeline.SubmitRequest {
			return noteRequest(sample(t, "note-pediatric-otitis.txt"))
		}},
	}
	// Each scenario on both local formats: the log (the default) and one
	// file per object.
	var runs []crashScenario
	for _, format := range []string{storage.FormatLog, storage.FormatFiles} {
		for _, sc := range scenarios {
			sc.format = format
			sc.name = format + "/" + sc.name
			runs = append(runs, sc)
		}
	}
	for _, sc := range runs {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			// A counting run: how many durable writes the whole job makes.
			counter := storagetest.NewCrasher(0, false)
			start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
			root := t.TempDir()
			setupProc := openProcessIn(t, root, sc.format, signer, nil, func() time.Time { return start })
			sc.prepare(t, setupProc)
			setupProc.audit.Close()
			pr := openProcessIn(t, root, sc.format, signer, counter.Wrap, func() time.Time { return start })
			if _, crash := sc.firstRun(t, pr); crash != nil {
				t.Fatalf("the counting run crashed: %v", crash)
			}
			pr.audit.Close()
			ops := counter.Ops()
			if len(ops) < 8 {
				t.Fatalf("only %d writes seen: %v", len(ops), ops)
			}
			// The crash points, in order (go test -run TestCrashAtEveryWrite -v
			// lists them; each is a subtest n-before and n-after).
			t.Logf("%d crash points:\n  %s", len(ops), strings.Join(ops, "\n  "))
			for n := 1; n <= len(ops); n++ {
				for _, after := range []bool{false, true} {
					name := fmt.Sprintf("%d-%s", n, map[bool]string{false: "before", true: "after"}[after])
					t.Run(name, func(t *testing.T) {
						sc.crashAt(t, signer, pub, n, after, start)
					})
				}
			}
		})
	}
}

// prepare records the opt-out of the scenario's patient, if it has one.
func (sc crashScenario) prepare(t *testing.T, pr *proc) {
	t.Helper()
	if !sc.optOut {
		return
	}
	ctx := context.Background()
	ref, err := pr.s.Pseudonyms.PatientRef(ctx, sc.req(t).Subject.PatientID)
	if err != nil {
		t.Fatal(err)
	}
	platform := access.Who{Principal: access.Principal{ID: "platform", Role: access.RolePlatform}}
	if _, err := pr.s.Consent.Set(ctx, platform, ref, consent.Denied, "front-desk"); err != nil {
		t.Fatal(err)
	}
}

func (sc crashScenario) crashAt(t *testing.T, signer *audit.Signer, pub ed25519.PublicKey, n int, after bool, start time.Time) {
	ctx := context.Background()
	root := t.TempDir()
	setupProc := openProcessIn(t, root, sc.format, signer, nil, func() time.Time { return start })
	sc.prepare(t, setupProc)
	setupProc.audit.Close()

	cr := storagetest.NewCrasher(n, after)
	first := openProcessIn(t, root, sc.format, signer, cr.Wrap, func() time.Time { return start })
	st, crash := sc.firstRun(t, first)
	if crash == nil {
		t.Fatalf("no crash at write %d", n)
	}
	first.audit.Close()
	first.st.Close() // the process is dead: its log segments go to recovery
	t.Logf("crashed %s; submit returned %q", crash.Error(), st.id)

	clock := start
	second := openProcessIn(t, root, sc.format, signer, nil, func() time.Time { return clock })
	st = sc.recoverRun(t, second, first, st, &clock, start)
	second.audit.Close()
	// Its lazy removals (a finished encounter's open marker) are flushed
	// as it ends; until then other processes may still see them.
	second.st.Close()

	raw := storagetest.OpenDir(t, filepath.Join(root, "data"))
	keys, err := raw.List(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, k := range keys {
		if rest, ok := strings.CutPrefix(k, "encounters/"); ok {
			ids[strings.SplitN(rest, "/", 2)[0]] = true
		}
		if strings.HasPrefix(k, "index/open/") {
			t.Errorf("open marker left after recovery: %s", k)
		}
	}
	// Worklist entries exist for committed encounters only.
	for _, k := range keys {
		if strings.HasPrefix(k, "index/by-") {
			if _, id, ok := encounter.ParseIndexEntry(k); !ok || !ids[id] {
				t.Errorf("worklist entry %s names no stored encounter", k)
			}
		}
	}
	if st.id != "" && !ids[st.id] {
		t.Fatalf("Submit returned %s but nothing of it is stored", st.id)
	}
	if sc.retries && st.id == "" {
		t.Fatal("a retrying client ends without an encounter ID")
	}
	if len(ids) > 1 {
		t.Fatalf("%d encounters from one submission: %v", len(ids), ids)
	}
	entries, err := audit.ReadDir(filepath.Join(root, "audit"))
	if err != nil {
		t.Fatal(err)
	}
	count := func(ev audit.Event, id string) int {
		c := 0
		for _, e := range entries {
			if e.Event == ev && e.EncounterID == id {
				c++
			}
		}
		return c
	}
	for id := range ids {
		meta, err := second.s.Store.Meta(ctx, id)
		if err != nil {
			objs, _ := raw.List(ctx, encounter.Scope(id)+"/")
			t.Fatalf("encounter %s has no Meta but objects remain (an orphan): %v (%v)", id, objs, err)
		}
		if listed, err := second.s.Store.Indexed(ctx, meta); err != nil || !listed {
			t.Errorf("encounter %s is missing from its worklists after recovery (%v)", id, err)
		}
		if n := count(audit.EventSubmit, id); n < 1 || (n > 1 && !sc.retries) {
			t.Errorf("encounter %s: %d submit entries, want 1 (one per attempt when retried)", id, n)
		}
		// Inputs are objects, but a note rides inline in the Meta.
		inputs, _ := raw.List(ctx, encounter.Scope(id)+"/input/")
		var named []string
		for _, in := range meta.Inputs {
			if in.Key != "" {
				named = append(named, in.Key)
			}
		}
		if !slices.Equal(inputs, named) {
			t.Errorf("encounter %s holds input objects %v, its record names %v", id, inputs, named)
		}
		if sc.optOut {
			// Documented by hand and signed: the queue item closed, once.
			queue, err := second.s.Store.HumanQueue(ctx)
			if err != nil || len(queue) != 0 {
				t.Errorf("human queue = %v, %v; want it closed", queue, err)
			}
			for _, e := range entries {
				if strings.HasPrefix(string(e.Event), "ai.") && e.Event != audit.EventAIRefused {
					t.Errorf("opted-out patient's encounter reached a model: %+v", e)
				}
			}
			drafts, events, err := draftsAndEvents(ctx, second.s.Store, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(drafts) != 1 || !drafts[0].Human() {
				t.Fatalf("versions of the opted-out encounter: %d, want one written by hand", len(drafts))
			}
			closed := 0
			for _, ev := range events {
				if ev.Kind == encounter.EvHumanDocumented {
					closed++
				}
			}
			if st := encounter.Fold(drafts, events)[1]; st.Status != encounter.DraftFinal || closed != 1 {
				t.Errorf("hand-written v1 = %+v, closed %d times; want final, closed once", st, closed)
			}
			continue
		}
		versions, err := second.s.Store.DraftVersions(ctx, id)
		if err != nil || len(versions) != 1 || versions[0] != 1 {
			t.Fatalf("draft versions = %v, %v; want [1]", versions, err)
		}
		drafts, events, err := draftsAndEvents(ctx, second.s.Store, id)
		if err != nil {
			t.Fatal(err)
		}
		// A client that never learned the ID cannot have signed; the draft
		// waits, preliminary, in the clinician's worklist.
		wantStatus, wantSigns := encounter.DraftFinal, 1
		if !st.signed {
			wantStatus, wantSigns = encounter.DraftPreliminary, 0
		}
		states := encounter.Fold(drafts, events)
		if states[1] == nil || states[1].Status != wantStatus {
			t.Errorf("version 1 state = %+v; want %s", states[1], wantStatus)
		}
		signs := 0
		for _, ev := range events {
			if ev.Kind == encounter.EvSigned {
				signs++
			}
		}
		if signs != wantSigns {
			t.Errorf("%d signatures stored, want %d", signs, wantSigns)
		}
		if n := count(audit.EventDraft, id); n < 1 || n > 2 {
			t.Errorf("%d draft.create entries, want 1 (2 if the crash fell between the entry and the draft)", n)
		}
		for _, s := range meta.Stages() {
			ss, err := second.s.Store.Stage(ctx, id, s)
			if err != nil || ss.State != encounter.StateDone {
				t.Errorf("stage %s = %+v, %v; want done", s, ss, err)
			}
		}
	}
	// Every submission on record ended: committed or abandoned.
	for _, e := range entries {
		if e.Event == audit.EventSubmit && !ids[e.EncounterID] && count(audit.EventSubmitAbandoned, e.EncounterID) == 0 {
			t.Errorf("submission %s is on record but neither stored nor recorded as abandoned", e.EncounterID)
		}
	}
	store, err := audit.OpenFileReader(filepath.Join(root, "audit"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := audit.Verify(ctx, store, audit.VerifyOptions{Keys: []ed25519.PublicKey{pub}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("audit trail does not verify after the crash: %+v", rep.Problems)
	}
}

func draftsAndEvents(ctx context.Context, store *encounter.Store, id string) ([]*encounter.Draft, []encounter.Event, error) {
	drafts, err := store.Drafts(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	events, err := store.Events(ctx, id)
	if err != nil && !errors.Is(err, encounter.ErrNotFound) {
		return nil, nil, err
	}
	return drafts, events, nil
}
