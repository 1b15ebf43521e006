package pipeline_test

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

// BenchmarkWorklistPage lists one page (20) of a clinician's worklist, a
// patient's encounters and the platform's signed encounters of the day,
// over stores of 100 and 1,000 encounters (10 clinicians, 50 patients,
// one in ten signed). A page reads only the entries in its scope and the
// state of the encounters it shows, so the clinician's and the patient's
// pages cost the same whatever the store holds; the platform's day grows
// with the day's encounters, and a page stops at its scan bound.
//
//	go test -run '^$' -bench BenchmarkWorklistPage -benchtime 200x ./pipeline/
func BenchmarkWorklistPage(b *testing.B) {
	for _, n := range []int{100, 1000} {
		svc := worklistStore(b, n)
		ctx := context.Background()
		ref, err := svc.Pseudonyms.PatientRef(ctx, "MRN-BENCH-0007")
		if err != nil {
			b.Fatal(err)
		}
		cases := []struct {
			name string
			who  access.Who
			q    worklist.Query
		}{
			{"Clinician", access.Who{Principal: access.Principal{ID: "dr-3", Role: access.RoleProvider}}, worklist.Query{Limit: 20}},
			{"Patient", access.Who{Principal: access.Principal{ID: ref, Role: access.RolePatient}}, worklist.Query{Limit: 20}},
			{"PlatformSigned", access.Who{Principal: access.Principal{ID: "clinic", Role: access.RolePlatform}},
				worklist.Query{Limit: 20, States: []encounter.Phase{encounter.PhaseSigned}}},
		}
		for _, c := range cases {
			b.Run(fmt.Sprintf("%s/store=%d", c.name, n), func(b *testing.B) {
				items := 0
				for b.Loop() {
					p, err := svc.Worklist.List(ctx, c.who, c.q)
					if err != nil {
						b.Fatal(err)
					}
					items = len(p.Items)
				}
				b.ReportMetric(float64(items), "items/page")
			})
		}
	}
}

// worklistStore makes n drafted encounters (one in ten signed).
func worklistStore(b *testing.B, n int) *pipeline.Services {
	b.Helper()
	root := b.TempDir()
	st := storagetest.OpenLocal(b, root, nil)
	lg := audittest.NewFileLogger(b, filepath.Join(root, "audit"), "bench")
	log := slog.New(slog.DiscardHandler)
	consents := consent.NewStore(st.Vault)
	gw, err := ai.NewGateway(ai.Config{Transcribe: "offline", Summarize: "offline"}, []*ai.Provider{offline.New("offline")}, lg, consents, log)
	if err != nil {
		b.Fatal(err)
	}
	det, err := deid.New(deid.Config{})
	if err != nil {
		b.Fatal(err)
	}
	q := &queue{}
	s, err := pipeline.NewServices(pipeline.Config{}, pipeline.ServiceDeps{Vault: st.Vault, Gateway: gw, Audit: lg, Queue: q,
		Consents: consents, Shredder: st.Keys, Deid: det, Templates: prompts.Builtin(), Log: log})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	note := []byte("Subjective\nCough for five days.\n\nAssessment\nViral bronchitis.\n\nPlan\nFluids and rest.\n")
	for i := range n {
		req := pipeline.SubmitRequest{Note: note, NoteContentType: "text/plain", ProviderID: fmt.Sprintf("dr-%d", i%10),
			Actor: "bench", Source: "test", Subject: encounter.Subject{PatientID: fmt.Sprintf("MRN-BENCH-%04d", i%50)}}
		id, err := s.Pipeline.Submit(ctx, req)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Pipeline.RunStage(ctx, encounter.StageSummarize, pipeline.Run{EncounterID: id, TaskID: "t", MaxRetry: 3}); err != nil {
			b.Fatal(err)
		}
		if i%10 == 0 {
			who := access.Who{Principal: access.Principal{ID: req.ProviderID, Role: access.RoleProvider}}
			d, err := s.Signoff.View(ctx, who, id, 1)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Signoff.Sign(ctx, who, id, 1, d.ContentSHA256, "Reviewed."); err != nil {
				b.Fatal(err)
			}
		}
	}
	q.tasks = nil
	return s
}
