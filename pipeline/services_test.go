package pipeline_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
)

// assemble wires the services over vault the way app.Open does, with the
// gateway checking the same consent store; prov serves both AI tasks.
func assemble(t *testing.T, cfg pipeline.Config, vault *storage.Vault, prov *ai.Provider, lg *audit.Logger,
	q pipeline.Queue, shred retention.Shredder, now func() time.Time) *pipeline.Services {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	consents := consent.NewStore(vault)
	gw, err := ai.NewGateway(ai.Config{Transcribe: prov.Name, Summarize: prov.Name}, []*ai.Provider{prov}, lg, consents, log)
	if err != nil {
		t.Fatal(err)
	}
	det, err := deid.New(deid.Config{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pipeline.NewServices(cfg, pipeline.ServiceDeps{Vault: vault, Gateway: gw, Audit: lg, Queue: q, Consents: consents,
		Shredder: shred, Deid: det, Templates: prompts.Builtin(), Log: log, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
