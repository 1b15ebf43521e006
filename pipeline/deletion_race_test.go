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
	"github.com/clinscribe/clinscribe/storage/storagetest"
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
func process(t *testing.T, root string, q *queue, sum *hookedSummarizer) *pipeline.Services {
	t.Helper()
	st := storagetest.OpenLocal(t, root, nil)
	lg := audittest.NewFileLogger(t, filepath.Join(root, "audit"), "test")
	prov := offline.New("offline")
	if sum != nil {
		sum.next = prov.Summarizer
		c := *prov
		c.Summarizer = sum
		prov = &c
	}
	return assemble(t, pipeline.Config{}, st.Vault, prov, lg, q, st.Keys, nil)
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

	id, err := api.Pipeline.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
	if err != nil {
		t.Fatal(err)
	}
	tk := q.pop(t)
	if tk.stage != encounter.StageSummarize {
		t.Fatalf("next stage %s", tk.stage)
	}
	ops := access.Who{Principal: access.Principal{ID: "ops-1", Role: access.RoleOps}}
	sum.during = func() {
		if _, err := api.Retention.Delete(ctx, ops, id, "patient-request"); err != nil {
			t.Errorf("delete: %v", err)
		}
	}
	err = worker.Pipeline.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: id, TaskID: "t2", MaxRetry: 3})
	if err == nil || !phi.IsPermanent(err) {
		t.Errorf("stage of a deleted encounter: %v; want a permanent failure", err)
	}
	raw := storagetest.OpenDir(t, filepath.Join(root, "data"))
	if left, _ := raw.List(ctx, encounter.Scope(id)+"/"); len(left) != 0 {
		t.Errorf("objects of the deleted encounter were written again: %v", left)
	}
	for _, k := range []string{"index/open/" + id, "index/human/" + id} {
		if _, err := raw.Get(ctx, k); err == nil {
			t.Errorf("%s names the deleted encounter again", k)
		}
	}
}

// A clinician signs while the patient's deletion request is under way:
// either the signature lands first and the deletion is refused (a signed
// note is kept for the retention floor), or the deletion goes on and the
// signature is refused. A signed note must never be destroyed.
func TestSignDuringDeletion(t *testing.T) {
	t.Parallel()
	b := setup(t, pipeline.Config{})
	ctx := context.Background()
	id, err := b.p.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
	if err != nil {
		t.Fatal(err)
	}
	b.run(t)
	dr := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	dv, err := b.s.Signoff.View(ctx, dr, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	var signErr error
	b.shred.before = func() {
		b.shred.before = nil
		_, signErr = b.s.Signoff.Sign(ctx, dr, id, dv.Version, dv.ContentSHA256, "I reviewed this note.")
	}
	ops := access.Who{Principal: access.Principal{ID: "ops-1", Role: access.RoleOps}}
	cert, delErr := b.s.Retention.Delete(ctx, ops, id, "patient-request")
	switch {
	case signErr == nil && delErr == nil:
		t.Fatalf("the note was signed and then destroyed within its retention floor (certificate %s)", cert.ID)
	case signErr == nil:
		if phi.CodeOf(delErr) != phi.CodeRetentionFloor {
			t.Errorf("deletion after the signature: %v, want retention_floor", delErr)
		}
	case delErr != nil:
		t.Fatalf("both refused: sign %v, delete %v", signErr, delErr)
	}
}
