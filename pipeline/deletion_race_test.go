package pipeline_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// hookedSummarizer runs during before answering, as a model call in flight.
type hookedSummarizer struct {
	next   ai.Summarizer
	during func()
}

func (h *hookedSummarizer) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	if h.during != nil {
		h.during()
	}
	return h.next.Summarize(ctx, req)
}

// process is one clinscribe process over shared stores: its own keyring,
// whose cache holds the scope keys it used.
func process(t *testing.T, root string, q *queue, sum *hookedSummarizer) *pipeline.Pipeline {
	t.Helper()
	data, _ := storage.NewLocal(filepath.Join(root, "data"))
	ring, _ := storage.NewLocal(filepath.Join(root, "ring"))
	lk, err := storage.OpenLocalKeys(filepath.Join(root, "master.key"), true)
	if err != nil {
		t.Fatal(err)
	}
	kr, err := storage.NewKeyring(lk, ring, storage.KeyringConfig{})
	if err != nil {
		t.Fatal(err)
	}
	lg := audittest.NewFileLogger(t, filepath.Join(root, "audit"), "test")
	prov := offline.New("offline")
	if sum != nil {
		sum.next = prov.Summarizer
		c := *prov
		c.Summarizer = sum
		prov = &c
	}
	gw, err := ai.NewGateway(ai.Config{Transcribe: "offline", Summarize: "offline"}, []*ai.Provider{prov}, lg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{}, pipeline.Deps{Vault: storage.NewVault(data, kr), Gateway: gw, Audit: lg, Queue: q, Shredder: kr})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// An encounter deleted (by the API process) while a worker process runs
// one of its stages: the worker, which still holds the encounter's key in
// its cache, must not write its results into the deleted encounter — the
// objects would outlive the deletion certificate — and the task must end
// for good, not retry.
func TestDeletionDuringAStageInAnotherProcess(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	root := t.TempDir()
	q := &queue{}
	sum := &hookedSummarizer{}
	worker := process(t, root, q, sum)
	api := process(t, root, q, nil)

	id, err := api.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
	if err != nil {
		t.Fatal(err)
	}
	tk := q.pop(t)
	if tk.stage != encounter.StageSummarize {
		t.Fatalf("next stage %s", tk.stage)
	}
	ops := pipeline.Who{Principal: access.Principal{ID: "ops-1", Role: access.RoleOps}}
	sum.during = func() {
		if _, err := api.Delete(ctx, ops, id, "patient-request"); err != nil {
			t.Errorf("delete: %v", err)
		}
	}
	err = worker.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: id, TaskID: "t2", MaxRetry: 3})
	if err == nil || !phi.IsPermanent(err) {
		t.Errorf("stage of a deleted encounter: %v; want a permanent failure", err)
	}
	raw, _ := storage.NewLocal(filepath.Join(root, "data"))
	if left, _ := raw.List(ctx, encounter.Scope(id)+"/"); len(left) != 0 {
		t.Errorf("objects of the deleted encounter were written again: %v", left)
	}
	for _, k := range []string{"index/open/" + id, "index/human/" + id} {
		if _, err := raw.Get(ctx, k); err == nil {
			t.Errorf("%s names the deleted encounter again", k)
		}
	}
}
