package pipeline_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
)

// inline runs each enqueued stage at once, as a worker would: enough for an
// example (the real queue is worker.Client on Redis).
type inline struct {
	p    *pipeline.Pipeline
	jobs []encounter.Stage
	id   string
}

func (q *inline) Enqueue(_ context.Context, stage encounter.Stage, id string) error {
	q.jobs, q.id = append(q.jobs, stage), id
	return nil
}
func (q *inline) EnqueueRegenerate(_ context.Context, id string, _ int) error {
	return q.Enqueue(context.Background(), encounter.StageRegenerate, id)
}
func (q *inline) EnqueueReview(context.Context, string, string) error  { return nil }
func (q *inline) EnqueueWebhook(context.Context, string, string) error { return nil }
func (q *inline) EnqueueDeid(context.Context, string) error            { return nil }

// A note goes in; the summarize stage drafts it through the audited
// gateway; the clinician reads a preliminary draft labeled AI-generated
// (HL7 AIAST) until it is signed.
func Example() {
	dir, _ := os.MkdirTemp("", "pipeline-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	data, _ := storage.NewLocal(filepath.Join(dir, "data"))
	ring, _ := storage.NewLocal(filepath.Join(dir, "ring"))
	root, _ := storage.OpenLocalKeys(filepath.Join(dir, "master.key"), true)
	keys, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{})
	vault := storage.NewVault(data, keys)
	log := slog.New(slog.DiscardHandler)
	trail := audit.NewLogger(&audit.MemorySink{}, "clinscribe", "example", nil)
	consents := consent.NewStore(vault)
	gw, _ := ai.NewGateway(ai.Config{Transcribe: "offline", Summarize: "offline"}, []*ai.Provider{offline.New("offline")}, trail, consents, log)
	det, _ := deid.New(deid.Config{})
	q := &inline{}
	s, err := pipeline.NewServices(pipeline.Config{}, pipeline.ServiceDeps{Vault: vault, Gateway: gw, Audit: trail, Queue: q,
		Consents: consents, Shredder: keys, Deid: det, Templates: prompts.Builtin(), Log: log})
	if err != nil {
		fmt.Println(err)
		return
	}
	q.p = s.Pipeline

	id, err := s.Pipeline.Submit(ctx, pipeline.SubmitRequest{
		Note: []byte("Subjective\nThree days of cough.\n\nPlan\nFluids and rest."), NoteContentType: "text/plain",
		Subject: encounter.Subject{PatientID: "MRN-0001"}, ProviderID: "dr-okafor", Actor: "emr", Source: "example",
	})
	fmt.Println("submitted:", encounter.ValidID(id), err)
	for len(q.jobs) > 0 {
		stage := q.jobs[0]
		q.jobs = q.jobs[1:]
		fmt.Println("stage", stage, s.Pipeline.RunStage(ctx, stage, pipeline.Run{EncounterID: q.id, MaxRetry: 3}))
	}
	d, _ := s.Signoff.Draft(ctx, id, 0, signoff.Viewer{Actor: "dr-okafor", Role: "provider"})
	fmt.Println(d.Version, d.Status, d.Label.AIGenerated, d.Label.SecurityLabel, d.Label.Provider)
	// Output:
	// submitted: true <nil>
	// stage summarize <nil>
	// 1 preliminary true AIAST offline
}
