package pipeline_test

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

// The durable writes of a note from submit to draft v1, in steady state
// (scope keys exist): the worklist adds exactly its three write-once index
// entries, after the commit point. Issue 18 cut this path down to six data-store writes; the log
// lists every write so the count is known (go test -run
// TestNoteWritesFromSubmitToDraft -v ./pipeline/).
func TestNoteWritesFromSubmitToDraft(t *testing.T) {
	t.Parallel()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	counter := storagetest.NewCrasher(0, false)
	pr := openProcess(t, t.TempDir(), audit.NewSigner(priv), counter.Wrap, time.Now)
	ctx := context.Background()
	run := func() string {
		id, err := pr.p.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
		if err != nil {
			t.Fatal(err)
		}
		tk := pr.q.pop(t)
		if err := pr.p.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: id, TaskID: "summarize:" + id, MaxRetry: 3}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	run() // creates the scope keys every later encounter shares
	before := len(counter.Ops())
	id := run()
	ops := counter.Ops()[before:]
	var writes, index []string
	for _, op := range ops {
		name, key, _ := strings.Cut(op, " ")
		writes = append(writes, op)
		if name == "put" && strings.HasPrefix(key, "index/by-") {
			index = append(index, key)
		}
	}
	// Issue 18: at most 6 object writes to the data store (the keyring's
	// store, under scopes/, adds the encounter's key), none of them a
	// status record, an input object or a separate transcript.
	dataPuts := 0
	for _, op := range ops {
		name, key, _ := strings.Cut(op, " ")
		if name != "put" || strings.HasPrefix(key, "scopes/") {
			continue
		}
		dataPuts++
		for _, never := range []string{"/stage/", "/input/", "/transcript.json"} {
			if strings.Contains(key, never) {
				t.Errorf("a note's path writes %s", key)
			}
		}
	}
	if dataPuts > 6 {
		t.Errorf("%d data-store writes from submit to draft v1, want at most 6", dataPuts)
	}
	t.Logf("%d storage operations from submit to draft v1 (%d of them worklist entries):\n  %s",
		len(writes), len(index), strings.Join(writes, "\n  "))
	meta, err := pr.s.Store.Meta(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := encounter.IndexKeys(meta)
	slices.Sort(want)
	slices.Sort(index)
	if !slices.Equal(index, want) {
		t.Fatalf("worklist writes = %v, want %v", index, want)
	}
	commit := slices.Index(writes, "put "+encounter.Scope(id)+"/meta.json")
	for _, k := range want {
		if i := slices.Index(writes, "put "+k); i < commit {
			t.Errorf("worklist entry %s written before the commit point", k)
		}
	}
}

// Submit on the local store lets the encounter's scope key and its Meta
// share a flush (issue 18) when it has to make the key itself (no key made
// ahead, as for the first submission of a process): the key is published
// (its content durable, its name linked) and the Meta's content staged
// before the submission waits for the key's name to be durable. Safety
// first all the same: the key and the open marker are durable before the
// Meta, the commit point, is published.
func TestSubmitStagesMetaBeforeKeyIsDurable(t *testing.T) {
	t.Parallel()
	// The first submission makes the scope keys every later one shares,
	// and its own.
	pr, events := submitLogged(t, noteRequest(sample(t, "note-hypertension-followup.txt")))
	id := pr.q.tasks[0].id
	key, meta := "scopes/"+encounter.Scope(id)+"/key", encounter.Scope(id)+"/meta.json"
	if !(eventAt(t, events, "publish "+key) < eventAt(t, events, "stage "+meta) && eventAt(t, events, "stage "+meta) < eventAt(t, events, "durable "+key)) {
		t.Errorf("the Meta is not staged between the key's publication and its durability:\n  %s", strings.Join(events, "\n  "))
	}
	checkDurableBeforeMeta(t, events, id)
}

// A submission's scope key is made ahead, by an earlier submission while
// that one waits for its own flushes (issue 18: the key's two flushes,
// its content's and its name's, leave the serial path). So the key of
// every submission after the first is durable before the submission
// writes anything, a note's Meta is staged before the open marker is
// published (the marker's flush makes its content durable, so its commit
// waits for one flush, not two), a recording's Meta content is made
// durable before its commit (while the audit entry is written), and the
// key and the open marker are still durable before the Meta is
// published.
func TestSubmitKeyMadeAhead(t *testing.T) {
	t.Parallel()
	note := noteRequest(sample(t, "note-hypertension-followup.txt"))
	pr, events := submitLogged(t, note, note, note, note, recordingRequest(t, ""))
	for i, tk := range pr.q.tasks[1:] {
		key, marker, meta := "scopes/"+encounter.Scope(tk.id)+"/key", encounter.OpenPrefix+tk.id, encounter.Scope(tk.id)+"/meta.json"
		if eventAt(t, events, "durable "+key) > eventAt(t, events, "stage "+marker) {
			t.Errorf("the scope key of %s was not made ahead of its submission:\n  %s", tk.id, strings.Join(events, "\n  "))
		}
		if i < 3 && eventAt(t, events, "stage "+meta) > eventAt(t, events, "publish "+marker) {
			t.Errorf("the Meta of note %s was not staged before its open marker was published:\n  %s", tk.id, strings.Join(events, "\n  "))
		}
		if eventAt(t, events, "content-durable "+meta) > eventAt(t, events, "publish "+meta) {
			t.Errorf("the Meta of %s was published before its content was waited for:\n  %s", tk.id, strings.Join(events, "\n  "))
		}
		checkDurableBeforeMeta(t, events, tk.id)
	}
}

// submitLogged submits reqs, one after another, to a new process whose
// stores log their events (eventLog), and returns the process and the
// events.
func submitLogged(t *testing.T, reqs ...pipeline.SubmitRequest) (*proc, []string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := &eventLog{}
	pr := openProcess(t, t.TempDir(), audit.NewSigner(priv), rec.wrap, time.Now)
	for _, req := range reqs {
		if _, err := pr.p.Submit(context.Background(), req); err != nil {
			t.Fatal(err)
		}
	}
	return pr, rec.events()
}

// eventAt is the index of the first ev in events.
func eventAt(t *testing.T, events []string, ev string) int {
	t.Helper()
	i := slices.Index(events, ev)
	if i < 0 {
		t.Fatalf("no %q in:\n  %s", ev, strings.Join(events, "\n  "))
	}
	return i
}

// checkDurableBeforeMeta checks that the encounter's scope key and open
// marker were durable before its Meta, the commit point, was published.
func checkDurableBeforeMeta(t *testing.T, events []string, id string) {
	t.Helper()
	meta := encounter.Scope(id) + "/meta.json"
	for _, k := range []string{"scopes/" + encounter.Scope(id) + "/key", encounter.OpenPrefix + id} {
		if eventAt(t, events, "durable "+k) > eventAt(t, events, "publish "+meta) {
			t.Errorf("%s is not durable before the Meta is published:\n  %s", k, strings.Join(events, "\n  "))
		}
	}
}

// eventLog wraps stores (as openProcess's wrap) and records, in order,
// each object staged, published (made visible), made durable (its
// Publisher's wait returned) or put.
type eventLog struct {
	mu sync.Mutex
	ev []string
}

func (l *eventLog) add(op, key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ev = append(l.ev, op+" "+key)
}

func (l *eventLog) events() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.ev)
}

func (l *eventLog) wrap(bs storage.Blobstore) storage.Blobstore { return &loggedStore{bs, l} }

type loggedStore struct {
	storage.Blobstore
	l *eventLog
}

func (s *loggedStore) Put(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) error {
	err := s.Blobstore.Put(ctx, key, body, mode)
	s.l.add("put", key)
	s.l.add("durable", key)
	return err
}

func (s *loggedStore) DeleteLazy(ctx context.Context, key string) error {
	return storage.DeleteLazy(ctx, s.Blobstore, key)
}

func (s *loggedStore) Stage(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) (storage.Staged, error) {
	st, err := storage.Stage(ctx, s.Blobstore, key, body, mode)
	if err != nil {
		return nil, err
	}
	s.l.add("stage", key)
	p, ok := st.(storage.Publisher)
	if !ok {
		return nil, fmt.Errorf("%s: the local store's staged object cannot publish", key)
	}
	return &loggedStaged{p, s.l, key}, nil
}

type loggedStaged struct {
	storage.Publisher
	l   *eventLog
	key string
}

func (s *loggedStaged) Commit(ctx context.Context) error {
	wait, err := s.Publish(ctx)
	if err != nil {
		return err
	}
	return wait()
}

func (s *loggedStaged) WaitContent() error {
	err := storage.WaitContent(s.Publisher)
	s.l.add("content-durable", s.key)
	return err
}

func (s *loggedStaged) Publish(ctx context.Context) (func() error, error) {
	wait, err := s.Publisher.Publish(ctx)
	if err != nil {
		return nil, err
	}
	s.l.add("publish", s.key)
	return func() error {
		err := wait()
		s.l.add("durable", s.key)
		return err
	}, nil
}

// The summarize stage's draft entry is made durable in the commit of the
// call's outcome entry (issue 18): the worker waits for two audit commits
// (intent, then outcome with draft), not three in a row.
func TestDraftAuditedWithOutcome(t *testing.T) {
	t.Parallel()
	st := storagetest.OpenLocalIn(t, t.TempDir(), "", nil)
	sink := &audittest.CommitSink{}
	q := &queue{}
	s := assemble(t, pipeline.Config{}, st.Vault, offline.New("offline"), audit.NewLogger(sink, "clinscribe", "test", nil), q, st.Keys, time.Now)
	ctx := context.Background()
	id, err := s.Pipeline.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
	if err != nil {
		t.Fatal(err)
	}
	before := len(sink.Commits())
	tk := q.pop(t)
	if err := s.Pipeline.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: id, TaskID: "summarize:" + id, MaxRetry: 3}); err != nil {
		t.Fatal(err)
	}
	want := [][]audit.Event{{audit.EventAIIntent}, {audit.EventAIOutcome, audit.EventDraft}}
	if got := sink.Commits()[before:]; !slices.EqualFunc(want, got, slices.Equal) {
		t.Fatalf("the stage's audit commits = %v, want %v", got, want)
	}
	if vs, err := s.Store.DraftVersions(ctx, id); err != nil || len(vs) != 1 {
		t.Fatalf("draft versions %v, %v; want v1", vs, err)
	}
}
