package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

// writeBacks records the write-back requests sign-off makes.
type writeBacks struct {
	got  []string
	fail bool
}

func (w *writeBacks) Enqueue(_ context.Context, id string, version int) error {
	w.got = append(w.got, fmt.Sprintf("%s v%d", id, version))
	if w.fail {
		return errors.New("storage down")
	}
	return nil
}

// Sign-off requests the EHR write-back of what was signed and of what was
// retracted; a rejection (nothing was ever signed) requests nothing, and a
// request that cannot be made does not undo the signature.
func TestSignOffRequestsWriteBack(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	st := storagetest.OpenLocal(t, root, nil)
	lg := audittest.NewFileLogger(t, filepath.Join(root, "audit"), "test")
	log := slog.New(slog.DiscardHandler)
	consents := consent.NewStore(st.Vault)
	gw, err := ai.NewGateway(ai.Config{Transcribe: "offline", Summarize: "offline"}, []*ai.Provider{offline.New("offline")}, lg, consents, log)
	if err != nil {
		t.Fatal(err)
	}
	det, err := deid.New(deid.Config{})
	if err != nil {
		t.Fatal(err)
	}
	q := &queue{}
	wb := &writeBacks{}
	s, err := pipeline.NewServices(pipeline.Config{}, pipeline.ServiceDeps{Vault: st.Vault, Gateway: gw, Audit: lg, Queue: q,
		Consents: consents, Shredder: &crashingShredder{kr: st.Keys}, Deid: det, Templates: prompts.Builtin(), Log: log, EHR: wb})
	if err != nil {
		t.Fatal(err)
	}
	b := &bundle{s: s, p: s.Pipeline, q: q, vault: st.Vault}
	ctx := context.Background()
	dr := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	submit := func() string {
		id, err := s.Pipeline.Submit(ctx, noteRequest(sample(t, "note-hypertension-followup.txt")))
		if err != nil {
			t.Fatal(err)
		}
		b.run(t)
		return id
	}

	id := submit()
	b.sign(t, dr, id)
	v1, err := s.Signoff.View(ctx, dr, id, 1)
	if err != nil {
		t.Fatal(err)
	}
	// An amendment (an edit that changes nothing is no new version).
	amended := append([]encounter.Section(nil), v1.Sections...)
	amended[0].Sentences = append(append([]encounter.Sentence(nil), amended[0].Sentences...), encounter.Sentence{Text: "Seen with her daughter."})
	if _, err := s.Signoff.Edit(ctx, dr, id, 1, amended); err != nil {
		t.Fatal(err)
	}
	b.sign(t, dr, id)
	if _, err := s.Signoff.EnteredInError(ctx, dr, id, 2, "wrong patient"); err != nil {
		t.Fatal(err)
	}
	rejected := submit()
	if _, err := s.Signoff.Reject(ctx, dr, rejected, 1, "not usable"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{id + " v1", id + " v2", id + " v2"}, wb.got); diff != "" {
		t.Fatalf("write-back requests (-want +got):\n%s", diff)
	}

	wb.fail = true
	failing := submit()
	if dv := b.sign(t, dr, failing); dv.State.SignedBy != "dr-okafor" {
		t.Fatalf("signature after a failed request: %+v", dv.State)
	}
	if got := wb.got[len(wb.got)-1]; got != failing+" v1" {
		t.Fatalf("last request %q", got)
	}
}
