package consent_test

import (
	"context"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

// A patient who never chose is allowed by default, found without listing
// the store (the check every submission and AI call makes); once records
// exist, the latest one is in force, whatever their number.
func TestCurrent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var counter storagetest.Counter
	st := storagetest.OpenLocal(t, t.TempDir(), counter.Wrap)
	store := consent.NewStore(st.Vault)
	const ref = "pt_aaaaaaaaaaaaaaaaaaaaaaaa"

	before := counter.Counts()
	allowed, err := store.AIAllowed(ctx, ref)
	if err != nil || !allowed {
		t.Fatalf("AIAllowed of a patient who never chose = %v, %v; want true", allowed, err)
	}
	if used := counter.Counts().Sub(before); used.Lists != 0 {
		t.Fatalf("a patient who never chose cost %d listings, want none", used.Lists)
	}
	cur, err := store.Current(ctx, ref)
	if err != nil || cur.Source != "default" || cur.AIProcessing != consent.Allowed {
		t.Fatalf("Current = %+v, %v; want the default", cur, err)
	}

	for i, value := range []string{consent.Denied, consent.Allowed, consent.Denied} {
		if _, err := store.Append(ctx, consent.Consent{PatientRef: ref, AIProcessing: value, Source: "front-desk", RecordedBy: "test", At: time.Now()}); err != nil {
			t.Fatal(err)
		}
		cur, err := store.Current(ctx, ref)
		if err != nil || cur.AIProcessing != value || cur.Seq != i+1 {
			t.Fatalf("after record %d (%s): Current = %+v, %v", i+1, value, cur, err)
		}
	}
	if allowed, err := store.AIAllowed(ctx, ref); err != nil || allowed {
		t.Fatalf("AIAllowed after an opt-out = %v, %v; want false", allowed, err)
	}
	if _, err := store.Current(ctx, "not-a-ref"); err == nil {
		t.Fatal("Current of something that is not a patient reference: no error")
	}
}
