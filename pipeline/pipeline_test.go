package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

// queue records enqueued stages instead of sending them to Redis.
type queue struct {
	mu       sync.Mutex
	tasks    []task
	reviews  [][2]string
	webhooks [][2]string
	fail     bool
}

type task struct {
	stage encounter.Stage
	id    string
}

func (q *queue) Enqueue(ctx context.Context, stage encounter.Stage, id string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.fail {
		return phi.Errorf(phi.CodeInternal, "queue down")
	}
	q.tasks = append(q.tasks, task{stage, id})
	return nil
}

// EnqueueRegenerate queues the regenerate stage (the version it makes is
// found again from the lifecycle when it runs).
func (q *queue) EnqueueRegenerate(ctx context.Context, id string, request int) error {
	return q.Enqueue(ctx, encounter.StageRegenerate, id)
}

func (q *queue) EnqueueReview(ctx context.Context, encID, caseID string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.reviews = append(q.reviews, [2]string{encID, caseID})
	return nil
}

func (q *queue) EnqueueWebhook(ctx context.Context, eventID, endpoint string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.webhooks = append(q.webhooks, [2]string{eventID, endpoint})
	return nil
}

func (q *queue) EnqueueDeid(ctx context.Context, encID string) error { return nil }

func (q *queue) pop(t *testing.T) task {
	t.Helper()
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.tasks) == 0 {
		t.Fatal("no task enqueued")
	}
	tk := q.tasks[0]
	q.tasks = q.tasks[1:]
	return tk
}

// crashingShredder shreds, and can then "crash" (panic) as a process
// killed right after destroying the key would. before, if set, runs first:
// what another request does while the deletion is under way.
type crashingShredder struct {
	kr         *storage.Keyring
	crashAfter bool
	before     func()
}

func (c *crashingShredder) Shred(ctx context.Context, scope string) error {
	if c.before != nil {
		c.before()
	}
	if err := c.kr.Shred(ctx, scope); err != nil {
		return err
	}
	if c.crashAfter {
		c.crashAfter = false
		panic("crash after shredding")
	}
	return nil
}

type bundle struct {
	shred    *crashingShredder
	vault    *storage.Vault
	s        *pipeline.Services
	p        *pipeline.Pipeline
	q        *queue
	dataDir  string
	auditDir string
}

func setup(t *testing.T, cfg pipeline.Config) *bundle {
	t.Helper()
	root := t.TempDir()
	st := storagetest.OpenLocal(t, root, nil)
	lg := audittest.NewFileLogger(t, filepath.Join(root, "audit"), "test")
	q := &queue{}
	shred := &crashingShredder{kr: st.Keys}
	s := assemble(t, cfg, st.Vault, offline.New("offline"), lg, q, shred, nil)
	return &bundle{vault: st.Vault, s: s, p: s.Pipeline, q: q, dataDir: filepath.Join(root, "data"), auditDir: filepath.Join(root, "audit"), shred: shred}
}

func sample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func noteRequest(note []byte) pipeline.SubmitRequest {
	return pipeline.SubmitRequest{
		Note: note, NoteContentType: "text/plain", ProviderID: "dr-okafor", Actor: "test", Source: "test",
		Subject: encounter.Subject{PatientID: "MRN-00451287", PatientName: "Harold J. Whitcombe"},
	}
}

func recordingRequest(t *testing.T, sidecar string) pipeline.SubmitRequest {
	req := pipeline.SubmitRequest{
		Audio: bytes.NewReader(sample(t, "rec-cough-telehealth.wav")), AudioContentType: "audio/wav",
		ProviderID: "dr-okafor", Actor: "test", Source: "test",
		Subject: encounter.Subject{PatientID: "MRN-00729415"},
	}
	if sidecar != "" {
		req.Sidecar, req.SidecarContentType = sample(t, sidecar), ""
	}
	return req
}

// sign signs the latest version as who, as read just before.
func (b *bundle) sign(t *testing.T, who access.Who, id string) *signoff.DraftView {
	t.Helper()
	ctx := context.Background()
	dv, err := b.s.Signoff.View(ctx, who, id, 0)
	if err == nil && dv.Latest != dv.Version {
		// The default view leads with the signed note; sign the amendment.
		dv, err = b.s.Signoff.View(ctx, who, id, dv.Latest)
	}
	if err != nil {
		t.Fatal(err)
	}
	if dv, err = b.s.Signoff.Sign(ctx, who, id, dv.Version, dv.ContentSHA256, "Reviewed."); err != nil {
		t.Fatal(err)
	}
	return dv
}

// run executes queued stages until the queue is empty, as a worker would.
func (b *bundle) run(t *testing.T) {
	t.Helper()
	for len(b.q.tasks) > 0 {
		tk := b.q.pop(t)
		_ = b.p.RunStage(context.Background(), tk.stage, pipeline.Run{EncounterID: tk.id, TaskID: string(tk.stage) + ":" + tk.id, MaxRetry: 3})
	}
}

func TestNoteBecomesLabeledDraft(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	note := sample(t, "note-hypertension-followup.txt")
	id, err := b.p.Submit(ctx, noteRequest(note))
	if err != nil {
		t.Fatal(err)
	}
	if tk := b.q.tasks[0]; tk.stage != encounter.StageSummarize || tk.id != id {
		t.Fatalf("enqueued %+v", tk)
	}
	b.run(t)
	v, err := b.p.Status(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Finished || v.Failure != nil || len(v.Drafts) != 1 {
		t.Fatalf("status = %+v", v)
	}
	d, err := b.s.Signoff.Draft(ctx, id, 0, signoff.Viewer{Actor: "dr-okafor", Role: "clinician"})
	if err != nil {
		t.Fatal(err)
	}
	l := d.Label
	if d.Status != encounter.DraftPreliminary || !l.AIGenerated || l.SecurityLabel != "AIAST" || l.Provider != "offline" ||
		l.Model == "" || !strings.HasPrefix(l.PromptVersion, "soap@1+") || len(l.InputSHA256) != 64 || d.ContentSHA256 == "" {
		t.Fatalf("draft label = %+v status %s", l, d.Status)
	}
	if !strings.HasPrefix(d.Text(), encounter.Banner) {
		t.Fatalf("text rendering does not start with the banner:\n%s", d.Text())
	}
	// The note is stored encrypted: no plaintext on disk.
	assertNoPlaintext(t, b.dataDir, "Whitcombe", "lisinopril", "00451287")
}

func assertNoPlaintext(t *testing.T, dir string, needles ...string) {
	t.Helper()
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, n := range needles {
			if bytes.Contains(raw, []byte(n)) {
				t.Errorf("%s contains plaintext %q", p, n)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRecordingWithSidecar(t *testing.T) {
	t.Parallel()
	for _, sc := range []string{"rec-cough-telehealth.vtt", "rec-dysuria-visit.srt"} {
		t.Run(sc, func(t *testing.T) {
			b := setup(t, pipeline.Config{})
			ctx := context.Background()
			id, err := b.p.Submit(ctx, recordingRequest(t, sc))
			if err != nil {
				t.Fatal(err)
			}
			b.run(t)
			v, err := b.p.Status(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !v.Finished || v.Failure != nil || len(v.Drafts) != 1 || v.Stages[0].State != encounter.StateDone {
				t.Fatalf("status = %+v", v)
			}
			tr, err := b.s.Store.Transcript(ctx, id)
			if err != nil || !strings.HasPrefix(tr.Source, "sidecar:") || len(tr.Segments) == 0 {
				t.Fatalf("transcript = %+v, %v", tr, err)
			}
		})
	}
}

func TestRawAudioWithoutSidecarFailsClearly(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, recordingRequest(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	tk := b.q.pop(t)
	err = b.p.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: id, MaxRetry: 5})
	if !phi.IsPermanent(err) || phi.CodeOf(err) != phi.CodeNotConfigured {
		t.Fatalf("err = %v, want permanent %s (no endless retries)", err, phi.CodeNotConfigured)
	}
	v, _ := b.p.Status(ctx, id)
	if v.Failure == nil || v.Failure.Code != string(phi.CodeNotConfigured) || !strings.Contains(v.Failure.Message, "ai.transcribe") || !v.Finished {
		t.Fatalf("status = %+v", v)
	}
	if len(b.q.tasks) != 0 {
		t.Fatal("a failed stage enqueued the next one")
	}
}

// A stage retried after it already stored its result neither calls the
// model again nor writes a second draft version.
func TestStagesAreIdempotent(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, noteRequest(sample(t, "note-diabetes-visit.txt")))
	if err != nil {
		t.Fatal(err)
	}
	b.run(t)
	for range 3 {
		if err := b.p.RunStage(ctx, encounter.StageSummarize, pipeline.Run{EncounterID: id, Retried: 1, MaxRetry: 3}); err != nil {
			t.Fatal(err)
		}
	}
	vs, err := b.s.Store.DraftVersions(ctx, id)
	if err != nil || !slices.Equal(vs, []int{1}) {
		t.Fatalf("versions = %v, %v; want [1]", vs, err)
	}
	entries, err := audit.ReadDir(b.auditDir)
	if err != nil {
		t.Fatal(err)
	}
	intents := 0
	for _, e := range entries {
		if e.Event == audit.EventAIIntent {
			intents++
		}
	}
	if intents != 1 {
		t.Fatalf("%d AI calls for one encounter, want 1", intents)
	}
}

func TestSubmitRejectsBadInput(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("Cough for five days. "), 100)
	cases := []struct {
		name string
		req  func(t *testing.T) pipeline.SubmitRequest
		code phi.Code
	}{
		{"EmptyNote", func(t *testing.T) pipeline.SubmitRequest { return noteRequest([]byte{}) }, phi.CodeEmptyInput},
		{"BlankNote", func(t *testing.T) pipeline.SubmitRequest { return noteRequest([]byte(" \n\t ")) }, phi.CodeEmptyInput},
		{"InvalidUTF8", func(t *testing.T) pipeline.SubmitRequest { return noteRequest([]byte("Cough \xff\xfe days")) }, phi.CodeNotUTF8},
		{"NULBytes", func(t *testing.T) pipeline.SubmitRequest { return noteRequest([]byte("PK\x00\x01binary")) }, phi.CodeInvalidInput},
		{"NoteTooLarge", func(t *testing.T) pipeline.SubmitRequest { return noteRequest(big) }, phi.CodeTooLarge},
		{"NoteWrongType", func(t *testing.T) pipeline.SubmitRequest {
			r := noteRequest([]byte("%PDF-1.7"))
			r.NoteContentType = "application/pdf"
			return r
		}, phi.CodeUnsupportedType},
		{"NoteLatin1", func(t *testing.T) pipeline.SubmitRequest {
			r := noteRequest([]byte("Cough"))
			r.NoteContentType = "text/plain; charset=iso-8859-1"
			return r
		}, phi.CodeUnsupportedType},
		{"ZeroByteAudio", func(t *testing.T) pipeline.SubmitRequest {
			r := recordingRequest(t, "")
			r.Audio = bytes.NewReader(nil)
			return r
		}, phi.CodeEmptyInput},
		{"TextAsAudio", func(t *testing.T) pipeline.SubmitRequest {
			r := recordingRequest(t, "")
			r.Audio = strings.NewReader("Harold Whitcombe visit notes")
			return r
		}, phi.CodeAudioInvalid},
		{"UnknownAudioType", func(t *testing.T) pipeline.SubmitRequest {
			r := recordingRequest(t, "")
			r.AudioContentType = "application/x-msdownload"
			return r
		}, phi.CodeUnsupportedType},
		{"AudioTooLarge", func(t *testing.T) pipeline.SubmitRequest { return recordingRequest(t, "") }, phi.CodeTooLarge},
		{"CorruptSidecar", func(t *testing.T) pipeline.SubmitRequest {
			r := recordingRequest(t, "")
			r.Sidecar = []byte("WEBVTT\n\n00:00:01.000 --> banana\nHarold\n")
			return r
		}, phi.CodeSidecarInvalid},
		{"EmptySidecar", func(t *testing.T) pipeline.SubmitRequest {
			r := recordingRequest(t, "")
			r.Sidecar, r.SidecarContentType = []byte{}, "text/vtt"
			return r
		}, phi.CodeEmptyInput},
		{"UnknownTemplate", func(t *testing.T) pipeline.SubmitRequest {
			r := noteRequest([]byte("Cough for five days."))
			r.Template = "limerick"
			return r
		}, phi.CodeInvalidInput},
		{"NoPatient", func(t *testing.T) pipeline.SubmitRequest {
			r := noteRequest([]byte("Cough for five days."))
			r.Subject.PatientID = ""
			return r
		}, phi.CodeInvalidInput},
		{"ProviderNotAnID", func(t *testing.T) pipeline.SubmitRequest {
			r := noteRequest([]byte("Cough for five days."))
			r.ProviderID = "Dr. Lena Okafor"
			return r
		}, phi.CodeInvalidInput},
		{"Nothing", func(t *testing.T) pipeline.SubmitRequest {
			return pipeline.SubmitRequest{ProviderID: "dr", Actor: "a", Subject: encounter.Subject{PatientID: "p"}}
		}, phi.CodeEmptyInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, pipeline.Config{Limits: pipeline.Limits{MaxNoteBytes: 1000, MaxAudioBytes: 100_000}})
			_, err := b.p.Submit(context.Background(), c.req(t))
			if phi.CodeOf(err) != c.code || !phi.IsPermanent(err) {
				t.Fatalf("err = %v, want permanent %s", err, c.code)
			}
			for _, leak := range []string{"Harold", "Whitcombe", "Cough"} {
				if strings.Contains(err.Error(), leak) {
					t.Fatalf("error %q quotes the input", err)
				}
			}
			ids, lerr := b.s.Store.List(context.Background())
			if lerr != nil || len(ids) != 0 || len(b.q.tasks) != 0 {
				t.Fatalf("a refused submission left %v and %d tasks", ids, len(b.q.tasks))
			}
			left := storagetest.OpenDir(t, b.dataDir)
			keys, _ := left.List(context.Background(), "encounters/")
			if len(keys) != 0 {
				t.Fatalf("a refused submission left objects %v", keys)
			}
		})
	}
}

// Work lost from the queue is found again from storage.
func TestReconcileRequeuesLostWork(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	b.q.fail = true
	id, err := b.p.Submit(ctx, noteRequest(sample(t, "note-pediatric-otitis.txt")))
	if err == nil || id == "" {
		t.Fatalf("submit with the queue down: id %q err %v; want the ID and ErrNotQueued", id, err)
	}
	b.q.fail = false
	n, err := b.p.Reconcile(ctx)
	if err != nil || n != 1 {
		t.Fatalf("Reconcile = %d, %v", n, err)
	}
	b.run(t)
	if n, err := b.p.Reconcile(ctx); err != nil || n != 0 {
		t.Fatalf("second Reconcile = %d, %v; want nothing left", n, err)
	}
	v, _ := b.p.Status(ctx, id)
	if !v.Finished || len(v.Drafts) != 1 {
		t.Fatalf("status = %+v", v)
	}
}

// A deletion interrupted right after the key was destroyed is finished by
// the next request: same certificate, no objects left.
func TestDeletionResumesAfterCrash(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
	if err != nil {
		t.Fatal(err)
	}
	b.run(t)
	ops := access.Who{Principal: access.Principal{ID: "ops-1", Role: access.RoleOps}}
	b.shred.crashAfter = true
	func() {
		defer func() { _ = recover() }()
		_, _ = b.s.Retention.Delete(ctx, ops, id, "patient-request")
		t.Fatal("the crash did not happen")
	}()
	raw := storagetest.OpenDir(t, b.dataDir)
	left, _ := raw.List(ctx, encounter.Scope(id)+"/")
	if len(left) == 0 {
		t.Fatal("nothing left to resume: the test proves nothing")
	}
	if _, err := b.p.Status(ctx, id); err == nil {
		t.Fatal("the encounter is still readable after its key was destroyed")
	}
	cert, err := b.s.Retention.Delete(ctx, ops, id, "patient-request")
	if err != nil || cert == nil || cert.EncounterID != id || !cert.KeyDestroyed {
		t.Fatalf("resumed deletion: %+v, %v", cert, err)
	}
	if left, _ := raw.List(ctx, encounter.Scope(id)+"/"); len(left) != 0 {
		t.Fatalf("objects left after the resumed deletion: %v", left)
	}
	// A patient who does not own it cannot use the resume path.
	other := access.Who{Principal: access.Principal{ID: "pt_someoneelse", Role: access.RolePatient}}
	if _, err := b.s.Retention.Delete(ctx, other, id, "patient-request"); phi.CodeOf(err) != phi.CodeForbidden {
		t.Fatalf("another patient: %v", err)
	}
}

// A legal hold placed while a deletion is under way says so instead of
// reporting a hold that may protect nothing.
func TestLegalHoldDuringDeletion(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, noteRequest(sample(t, "note-low-back-pain.txt")))
	if err != nil {
		t.Fatal(err)
	}
	b.run(t)
	ops := access.Who{Principal: access.Principal{ID: "ops-1", Role: access.RoleOps}}
	if _, err := b.s.Store.AppendEvent(ctx, id, encounter.Event{Kind: encounter.EvDeletionStarted, Actor: "ops-2", Role: "ops"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.Retention.SetLegalHold(ctx, ops, id, true, "matter-7"); phi.CodeOf(err) != phi.CodeConflict {
		t.Fatalf("hold during a deletion: %v, want conflict", err)
	}
}

// One hold store: a legal hold ops place (the API's path) stops both the
// deletion request and the retention sweep, and lifting it lets both go
// on. (The sweep used to read a second store, legal-hold/<id>, when no
// hold source was passed to it.)
func TestOneLegalHoldStopsEveryDeletion(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, recordingRequest(t, "rec-cough-telehealth.vtt"))
	if err != nil {
		t.Fatal(err)
	}
	b.run(t)
	ops := access.Who{Principal: access.Principal{ID: "ops-1", Role: access.RoleOps}}
	b.sign(t, access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}, id)
	if _, err := b.s.Retention.SetLegalHold(ctx, ops, id, true, "matter-7"); err != nil {
		t.Fatal(err)
	}
	lg := audittest.NewFileLogger(t, t.TempDir(), "sweeper")
	sweeper, err := retention.NewSweeper(retention.Config{}, retention.Deps{Vault: b.vault, Signoffs: b.s.Signoff, Holds: b.s.Holds,
		Keys: b.s.Idempotency, Audit: lg, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	audio := encounter.InputKey(id, encounter.RoleAudio)
	has := func() bool {
		ok, err := storage.Exists(ctx, b.vault.Store(), audio)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if res, err := sweeper.Sweep(ctx); err != nil || res.Held != 1 || !has() {
		t.Fatalf("sweep under hold: %+v %v, audio kept %v", res, err, has())
	}
	if _, err := b.s.Retention.Delete(ctx, ops, id, "legal-matter"); phi.CodeOf(err) != phi.CodeLegalHold {
		t.Fatalf("deletion under hold: %v, want legal_hold", err)
	}
	if _, err := b.s.Retention.SetLegalHold(ctx, ops, id, false, "matter-7"); err != nil {
		t.Fatal(err)
	}
	if res, err := sweeper.Sweep(ctx); err != nil || res.Deleted != 1 || has() {
		t.Fatalf("sweep after release: %+v %v, audio kept %v", res, err, has())
	}
}

// A signed note retracted as entered in error is still a clinical record:
// its deletion is refused inside the retention floor. (It used to be
// deletable at once.)
func TestEnteredInErrorKeptForTheFloor(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, noteRequest(sample(t, "note-low-back-pain.txt")))
	if err != nil {
		t.Fatal(err)
	}
	b.run(t)
	dr := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	dv := b.sign(t, dr, id)
	if _, err := b.s.Signoff.EnteredInError(ctx, dr, id, dv.Version, "wrong-patient"); err != nil {
		t.Fatal(err)
	}
	ops := access.Who{Principal: access.Principal{ID: "ops-1", Role: access.RoleOps}}
	if _, err := b.s.Retention.Delete(ctx, ops, id, "patient-request"); phi.CodeOf(err) != phi.CodeRetentionFloor {
		t.Fatalf("deletion of an entered-in-error note: %v, want retention_floor", err)
	}
}

// One click: a segment listed as not in the draft goes into a section as a
// sentence citing it, in a new version that no longer lists it.
func TestPullInNotInDraft(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, recordingRequest(t, "rec-cough-telehealth.vtt"))
	if err != nil {
		t.Fatal(err)
	}
	b.run(t)
	dr := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	dv, err := b.s.Signoff.View(ctx, dr, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	listed := dv.NotInDraft.Omissions()
	if len(listed) == 0 {
		t.Fatal("the draft lists nothing as not in the draft: nothing to pull in")
	}
	o := listed[0]
	section := dv.Sections[len(dv.Sections)-1].Key
	nv, err := b.s.Signoff.PullIn(ctx, dr, id, dv.Version, o.Segment, o.Part, section)
	if err != nil {
		t.Fatal(err)
	}
	if nv.Version != dv.Version+1 {
		t.Fatalf("new version %d, want %d", nv.Version, dv.Version+1)
	}
	if _, still := nv.NotInDraft.Listed(o.Segment, o.Part); still {
		t.Fatalf("%s part %d is still listed after it was pulled in", o.Segment, o.Part)
	}
	got := nv.Sections[len(nv.Sections)-1].Sentences
	if last := got[len(got)-1]; last.Text != o.Text || !slices.Equal(last.Evidence, []string{o.Segment}) {
		t.Fatalf("pulled-in sentence %+v, want %q citing %s", last, o.Text, o.Segment)
	}
	other := access.Who{Principal: access.Principal{ID: "dr-brandt", Role: access.RoleProvider}}
	if _, err := b.s.Signoff.PullIn(ctx, other, id, nv.Version, o.Segment, o.Part, section); phi.CodeOf(err) != phi.CodeForbidden {
		t.Fatalf("another clinician: %v, want forbidden", err)
	}
}

// failingSink refuses every audit entry: the audit trail is down.
type failingSink struct{}

func (failingSink) Append(context.Context, audit.Entry) error { return errors.New("disk full") }
func (failingSink) Close() error                              { return nil }

// With the audit trail down a submission is refused, and nothing of it is
// left: no encounter, no worklist entry, no open marker, nothing queued.
func TestSubmitRefusedWhenAuditFails(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	root := t.TempDir()
	st := storagetest.OpenLocal(t, root, nil)
	lg := audit.NewLogger(failingSink{}, "clinscribe", "test", nil)
	q := &queue{}
	s := assemble(t, pipeline.Config{}, st.Vault, offline.New("offline"), lg, q, &crashingShredder{kr: st.Keys}, nil)
	id, err := s.Pipeline.Submit(ctx, noteRequest(sample(t, "note-pediatric-otitis.txt")))
	if id != "" || phi.CodeOf(err) != phi.CodeAuditUnavailable {
		t.Fatalf("Submit = %q, %v; want no encounter and %s", id, err, phi.CodeAuditUnavailable)
	}
	for _, prefix := range []string{encounter.EncountersPrefix, "index/"} {
		keys, err := st.Vault.List(ctx, prefix)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 0 {
			t.Fatalf("left behind under %s: %q", prefix, keys)
		}
	}
	if len(q.tasks) != 0 {
		t.Fatalf("queued: %v", q.tasks)
	}
}

// An open marker that a power loss left unreadable (its name survived, its
// content did not: storage.OverwriteNameFirst) is handled: an uncommitted
// submission is reaped at once, with its abandonment audited; a committed
// encounter is carried on from its Meta and its marker cleared.
func TestReconcileUnreadableMarker(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	raw := b.vault.Store()
	garble := func(id string) {
		t.Helper()
		if err := raw.Put(ctx, encounter.OpenPrefix+id, strings.NewReader(""), storage.Overwrite); err != nil {
			t.Fatal(err)
		}
	}
	// Committed, but the queue lost its task and the marker is unreadable.
	b.q.fail = true
	committed, err := b.p.Submit(ctx, noteRequest(sample(t, "note-pediatric-otitis.txt")))
	if committed == "" || err == nil {
		t.Fatalf("submit with the queue down: %q, %v", committed, err)
	}
	b.q.fail = false
	garble(committed)
	// Never committed: a marker and an object of its scope, no Meta.
	cut := encounter.NewID()
	garble(cut)
	if err := b.vault.PutBytes(ctx, encounter.Scope(cut)+"/input/audio", []byte("part of an upload"), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	if n, err := b.p.Reconcile(ctx); err != nil || n != 1 {
		t.Fatalf("Reconcile = %d, %v; want the committed encounter queued", n, err)
	}
	if keys, err := b.vault.List(ctx, encounter.Scope(cut)+"/"); err != nil || len(keys) != 0 {
		t.Fatalf("the cut-off submission's objects: %q, %v", keys, err)
	}
	b.run(t)
	if open, err := b.s.Store.Open(ctx); err != nil || len(open) != 0 {
		t.Fatalf("open markers left: %q, %v", open, err)
	}
	if v, err := b.p.Status(ctx, committed); err != nil || !v.Finished || len(v.Drafts) != 1 {
		t.Fatalf("the committed encounter: %+v, %v", v, err)
	}
	rd, err := audit.OpenFileReader(b.auditDir)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := audit.Query(ctx, rd, audit.Filter{EncounterID: cut})
	if err != nil || len(rows) != 1 || rows[0].Event != audit.EventSubmitAbandoned {
		t.Fatalf("audit of the cut-off submission: %+v, %v; want one %s", rows, err, audit.EventSubmitAbandoned)
	}
}
