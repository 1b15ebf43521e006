package aggregate_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/aggregate"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

func records(t *testing.T, d *deid.Detector, n int, template string, reviewed int) []deid.Record {
	t.Helper()
	var out []deid.Record
	for i := range n {
		r, err := d.NewRecord(deid.RecordInput{
			TemplateID: template, Model: "gpt-x", Provider: "openai", PromptVersion: template + "@1",
			Year: 2026, Sentences: 10, UnsupportedSentences: i % 2, SignedUnchanged: i%3 == 0, EditRatio: 0.1,
			ReviewRequested: i < reviewed, ReviewOutcome: map[bool]string{true: "upheld"}[i < reviewed],
			PromptTokens: 1000, CompletionTokens: 200, Latency: 2 * time.Second,
		}, deid.Known{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func TestBuildSuppressesSmallCells(t *testing.T) {
	t.Parallel()
	d, err := deid.New(deid.Config{})
	if err != nil {
		t.Fatal(err)
	}
	recs := append(records(t, d, 20, "soap", 3), records(t, d, 4, "hp", 0)...)
	rep, err := aggregate.Build(recs, 11)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rows) != 1 || rep.SuppressedGroups != 1 || rep.Rows[0].Template != "soap" || rep.Rows[0].Drafts != 20 {
		t.Fatalf("rows %+v suppressed %d: the 4-record group must be suppressed", rep.Rows, rep.SuppressedGroups)
	}
	row := rep.Rows[0]
	if row.ReviewRequests != nil || row.ReviewOutcomes["upheld"] != nil {
		t.Fatalf("3 review requests were published: %v %v", row.ReviewRequests, row.ReviewOutcomes)
	}
	var csv bytes.Buffer
	if err := rep.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), ",<11,") {
		t.Fatalf("CSV does not mark the suppressed count:\n%s", csv.String())
	}
	// k below the Safe Harbor-minded default is raised.
	if rep, _ := aggregate.Build(recs, 2); rep.MinCell != deid.DefaultMinCell {
		t.Fatalf("k = %d", rep.MinCell)
	}
}

// Aggregation cannot be fed anything but records made by deid: the zero
// Record (all outside code can write) is refused.
func TestBuildRefusesRecordsNotFromDeid(t *testing.T) {
	t.Parallel()
	if _, err := aggregate.Build([]deid.Record{{}}, 11); err == nil {
		t.Fatal("a zero deid.Record was aggregated")
	}
}

func TestStoreIsConfinedAndRoundTrips(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storagetest.OpenLocal(t, t.TempDir(), nil)
	vault := st.Vault
	if err := vault.PutBytes(ctx, "encounters/enc_x/meta.json", []byte(`{"subject":"Zelda"}`), storage.CreateOnly); err != nil {
		t.Fatal(err)
	}
	d, _ := deid.New(deid.Config{})
	s := aggregate.NewStore(vault, d)
	recs := records(t, d, 2, "soap", 0)
	for _, r := range recs {
		if err := s.Put(ctx, aggregate.NewRecordID(), r); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.All(ctx)
	if err != nil || len(got) != 2 || !got[0].Valid() || got[0].TemplateID() != "soap" {
		t.Fatalf("All = %v, %v", got, err)
	}
	if err := s.Put(ctx, "../../encounters/enc_x/meta", recs[0]); err == nil {
		t.Fatal("the store wrote outside aggregate/")
	}
	if err := s.Put(ctx, "x", deid.Record{}); err == nil {
		t.Fatal("the store accepted a zero Record")
	}
	_ = errors.Is
}
