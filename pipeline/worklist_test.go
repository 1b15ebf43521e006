package pipeline_test

import (
	"context"
	"crypto/ed25519"
	"slices"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
)

// A page reads a bounded number of index entries: a filter that matches
// little returns pages with fewer items and a cursor to go on, and every
// match is found once across the pages. A deleted encounter is not listed.
func TestWorklistScansABoundedNumberOfEntries(t *testing.T) {
	t.Parallel()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	pr := openProcess(t, t.TempDir(), audit.NewSigner(priv), nil, now)
	ctx := context.Background()
	var ids []string
	for range 5 {
		id, err := pr.p.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// Only the fourth is drafted and signed.
	for _, tk := range pr.q.tasks {
		if tk.id == ids[3] {
			if err := pr.p.RunStage(ctx, tk.stage, pipeline.Run{EncounterID: tk.id, TaskID: "t", MaxRetry: 3}); err != nil {
				t.Fatal(err)
			}
		}
	}
	signDraft(t, pr.s, ids[3])
	platform := access.Who{Principal: access.Principal{ID: "clinic", Role: access.RolePlatform}}
	if _, err := pr.s.Retention.Delete(ctx, platform, ids[0], "duplicate"); err != nil {
		t.Fatal(err)
	}
	wl, err := worklist.New(worklist.Config{MaxScan: 2}, worklist.Deps{Store: pr.s.Store, Guard: pr.s.Guard, Reviews: pr.s.Cases, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	walk := func(q worklist.Query) (found []string, pages int) {
		t.Helper()
		for {
			p, err := wl.List(ctx, platform, q)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if len(p.Items) > q.Limit {
				t.Fatalf("page of %d items, limit %d", len(p.Items), q.Limit)
			}
			for _, it := range p.Items {
				found = append(found, it.ID)
			}
			if p.NextCursor == "" {
				return found, pages
			}
			q.Cursor = p.NextCursor
		}
	}
	signed, pages := walk(worklist.Query{States: []encounter.Phase{encounter.PhaseSigned}, Limit: 1})
	if !slices.Equal(signed, []string{ids[3]}) || pages < 2 {
		t.Errorf("signed: %v over %d pages; want [%s] over at least 2 (2 entries a page, 4 entries)", signed, pages, ids[3])
	}
	all, _ := walk(worklist.Query{Limit: 10})
	if !slices.Equal(all, ids[1:]) {
		t.Errorf("all: %v, want %v (the deleted one not listed)", all, ids[1:])
	}
	newest, _ := walk(worklist.Query{Limit: 3, Newest: true})
	want := slices.Clone(ids[1:])
	slices.Reverse(want)
	if !slices.Equal(newest, want) {
		t.Errorf("newest first: %v, want %v", newest, want)
	}
}
