package pipeline_test

import (
	"context"
	"crypto/ed25519"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
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
