package app_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/aggregate"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// Signed encounters become de-identified aggregate records (deid queue);
// the export has one row per template, model and provider with at least k
// drafts, and no identifier of any patient anywhere in the records.
func TestAggregatesFromSignedEncounters(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	cfg := testConfig(t, rds.URL)
	e := start(t, rds, cfg, true)
	ctx := context.Background()
	dr := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	const n = 12
	for i := range n {
		req := baseNote([]byte("HPI: Harold Whitcombe reports a cough for five days.\nExam: Temp 38.4 C. Lungs clear.\n" +
			"Assessment: Viral bronchitis, likely.\nPlan: Honey and fluids. Return in 1 week if not better."))
		req.ProviderID = "dr-okafor"
		req.Subject.PatientID = "MRN-AGG-" + string(rune('A'+i))
		req.Subject.PatientName = "Harold Whitcombe"
		id, err := e.a.Pipeline.Submit(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		e.waitFinished(t, id, 30*time.Second)
		dv, err := e.a.Services.Signoff.View(ctx, dr, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			// One clinician edits before signing: an amended note.
			secs := dv.Sections
			secs[3].Sentences = append(secs[3].Sentences, secs[3].Sentences[0])
			secs[3].Sentences[len(secs[3].Sentences)-1].Text = "Add ibuprofen 400 mg as needed."
			if dv, err = e.a.Services.Signoff.Edit(ctx, dr, id, dv.Version, secs); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.a.Services.Signoff.Sign(ctx, dr, id, dv.Version, dv.ContentSHA256, "Reviewed."); err != nil {
			t.Fatal(err)
		}
	}
	var rep aggregate.Report
	workertest.Eventually(t, 30*time.Second, func() error {
		var err error
		if rep, err = e.a.Services.Aggregates.Report(ctx, 11); err != nil {
			t.Fatal(err)
		}
		if len(rep.Rows) != 1 || rep.Rows[0].Drafts != n {
			return fmt.Errorf("aggregates do not cover %d signed encounters: %+v", n, rep)
		}
		return nil
	})
	row := rep.Rows[0]
	if row.Template != "soap" || row.Provider != "offline" || row.ShareSignedUnchanged < 0.9 || row.ShareSignedUnchanged > 0.92 || row.MeanEditRatio <= 0 {
		t.Fatalf("row = %+v", row)
	}
	var out bytes.Buffer
	if err := rep.WriteCSV(&out); err != nil {
		t.Fatal(err)
	}
	// The decrypted records themselves hold no identifier.
	keys, err := e.a.Vault.List(ctx, aggregate.Prefix)
	if err != nil || len(keys) != n {
		t.Fatalf("%d aggregate records, %v", len(keys), err)
	}
	for _, k := range keys {
		b, err := storage.ReadAll(ctx, e.a.Vault, k)
		if err != nil {
			t.Fatal(err)
		}
		for _, leak := range []string{"Whitcombe", "MRN-AGG", "enc_", `"pt_`, "dr-okafor"} {
			if strings.Contains(string(b), leak) {
				t.Fatalf("aggregate record %s holds %q: %s", k, leak, b)
			}
		}
	}
}
