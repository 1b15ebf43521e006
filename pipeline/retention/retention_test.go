package retention_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/audit/audittest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

type bundle struct {
	vault *storage.Vault
	store *encounter.Store
	holds *retention.Holds
	audit *audit.Logger
	dir   string
	now   time.Time
}

// signoffs reads sign-off from the lifecycle, as signoff.Service does.
type signoffs struct{ store *encounter.Store }

func (s signoffs) SignedAt(ctx context.Context, id string) (time.Time, bool, error) {
	_, _, states, err := s.store.Versions(ctx, id)
	if err != nil {
		return time.Time{}, false, err
	}
	at, ok := encounter.LastSigned(states)
	return at, ok, nil
}

// sweeper returns a Sweeper over the bundle with its clock.
func (b *bundle) sweeper(t *testing.T, cfg retention.Config, keys retention.KeyExpirer) *retention.Sweeper {
	t.Helper()
	if keys == nil {
		keys = &keyExpirer{}
	}
	s, err := retention.NewSweeper(cfg, retention.Deps{Vault: b.vault, Signoffs: signoffs{b.store}, Holds: b.holds, Keys: keys,
		Audit: b.audit, Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return b.now }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (b *bundle) hold(t *testing.T, id string, on bool) {
	t.Helper()
	if err := b.holds.Put(context.Background(), retention.LegalHold{EncounterID: id, Hold: on, Reason: "matter-1", At: b.now}); err != nil {
		t.Fatal(err)
	}
}

func setup(t *testing.T) *bundle {
	t.Helper()
	dir := t.TempDir()
	lg := audittest.NewFileLogger(t, filepath.Join(dir, "audit"), "test")
	v := storagetest.OpenLocal(t, dir, nil).Vault
	return &bundle{vault: v, store: encounter.NewStore(v), holds: retention.NewHolds(v), audit: lg, dir: dir,
		now: time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)}
}

// recording stores an encounter with audio and a sidecar, and a draft
// signed at signedAt (zero: preliminary only).
func (b *bundle) recording(t *testing.T, signedAt time.Time) string {
	t.Helper()
	ctx := context.Background()
	id := encounter.NewID()
	m := &encounter.Meta{ID: id, Kind: encounter.KindRecording, PatientRef: "pt_test", CreatedAt: b.now.Add(-48 * time.Hour)}
	for _, role := range []string{encounter.RoleAudio, encounter.RoleSidecar} {
		in, err := b.store.PutInput(ctx, id, role, "audio/wav", strings.NewReader("RIFF bytes of "+role))
		if err != nil {
			t.Fatal(err)
		}
		m.Inputs = append(m.Inputs, in)
	}
	if err := b.store.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	d := &encounter.Draft{EncounterID: id, Version: 1, Status: encounter.DraftPreliminary}
	if err := b.store.PutDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	if !signedAt.IsZero() {
		if _, err := b.store.AppendEvent(ctx, id, encounter.Event{Kind: encounter.EvSigned, Version: 1, Actor: "dr-okafor",
			Role: "provider", At: signedAt}, nil); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func (b *bundle) has(t *testing.T, key string) bool {
	t.Helper()
	rc, err := b.vault.Store().Get(context.Background(), key)
	if errors.Is(err, storage.ErrNotFound) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()
	return true
}

func TestSweepDeletesAudioOfSignedEncountersOnly(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	signedLongAgo := b.recording(t, b.now.Add(-2*time.Hour))
	signedJustNow := b.recording(t, b.now.Add(-time.Minute))
	unsigned := b.recording(t, time.Time{})
	held := b.recording(t, b.now.Add(-2*time.Hour))
	b.hold(t, held, true)

	s := b.sweeper(t, retention.Config{InputAfterSignoff: time.Hour}, nil)
	res, err := s.Sweep(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := retention.Result{Candidates: 4, Deleted: 1, Unsigned: 1, Waiting: 1, Held: 1, Keys: 2}
	if res != want {
		t.Fatalf("result %+v, want %+v", res, want)
	}
	audio := func(id string) string { return encounter.InputKey(id, encounter.RoleAudio) }
	if b.has(t, audio(signedLongAgo)) {
		t.Error("audio of an encounter signed 2h ago survived a 1h policy")
	}
	for _, id := range []string{signedJustNow, unsigned, held} {
		if !b.has(t, audio(id)) {
			t.Errorf("audio of %s deleted", id)
		}
	}
	// Clinical records and the sidecar (not in input_roles) stay.
	for _, key := range []string{encounter.InputKey(signedLongAgo, encounter.RoleSidecar), encounter.DraftKey(signedLongAgo, 1),
		"encounters/" + signedLongAgo + "/meta.json"} {
		if !b.has(t, key) {
			t.Errorf("%s deleted", key)
		}
	}
	entries, err := audit.ReadDir(filepath.Join(b.dir, "audit"))
	if err != nil {
		t.Fatal(err)
	}
	var deletions []audit.Entry
	for _, e := range entries {
		if e.Event == retention.EventInputDeleted {
			deletions = append(deletions, e)
		}
	}
	if len(deletions) != 1 || deletions[0].EncounterID != signedLongAgo || deletions[0].ObjectID != "input/audio" || deletions[0].PatientRef != "pt_test" {
		t.Fatalf("audit deletions %+v", deletions)
	}

	// Released from hold and later in time, the rest goes too; a second
	// sweep finds nothing left to do.
	b.hold(t, held, false)
	b.now = b.now.Add(2 * time.Hour)
	if res, err = s.Sweep(ctx); err != nil || res.Deleted != 2 || res.Unsigned != 1 {
		t.Fatalf("second sweep %+v %v", res, err)
	}
	if res, err = s.Sweep(ctx); err != nil || res.Deleted != 0 || res.Candidates != 1 {
		t.Fatalf("third sweep %+v %v", res, err)
	}
}

// Default policy: immediately after sign-off, audio only.
func TestSweepDefaultDeletesImmediately(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.recording(t, b.now.Add(-time.Second))
	s := b.sweeper(t, retention.Config{}, nil)
	if res, err := s.Sweep(context.Background()); err != nil || res.Deleted != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if b.has(t, encounter.InputKey(id, encounter.RoleAudio)) || !b.has(t, encounter.InputKey(id, encounter.RoleSidecar)) {
		t.Fatal("default policy deleted the wrong inputs")
	}
}

// An audit trail that cannot be written stops the deletion.
func TestSweepNeedsTheAuditTrail(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.recording(t, b.now.Add(-time.Hour))
	b.audit.Close()
	s := b.sweeper(t, retention.Config{}, nil)
	if _, err := s.Sweep(context.Background()); err == nil {
		t.Fatal("sweep succeeded without an audit trail")
	}
	if !b.has(t, encounter.InputKey(id, encounter.RoleAudio)) {
		t.Fatal("audio deleted without an audit entry")
	}
}

// The one deletion guard: a legal hold refuses, and so does any version
// that was ever signed (entered in error included: an erroneous entry
// stays part of the legal record) until the floor has passed since its
// signature; unsigned AI drafts are not records.
func TestCheckDeletion(t *testing.T) {
	t.Parallel()
	now := time.Date(2033, 6, 1, 0, 0, 0, 0, time.UTC)
	p := retention.Policy{}.WithDefaults()
	signed := func(status encounter.DraftStatus, at time.Time) map[int]*encounter.VersionState {
		return map[int]*encounter.VersionState{1: {Version: 1, Status: status, SignedAt: at}}
	}
	cases := []struct {
		name   string
		states map[int]*encounter.VersionState
		held   bool
		want   phi.Code
	}{
		{"UnsignedDraft", map[int]*encounter.VersionState{1: {Version: 1, Status: encounter.DraftPreliminary}}, false, ""},
		{"SignedInsideFloor", signed(encounter.DraftFinal, now.AddDate(-6, -11, 0)), false, phi.CodeRetentionFloor},
		{"AmendedInsideFloor", signed(encounter.DraftAmended, now.AddDate(-1, 0, 0)), false, phi.CodeRetentionFloor},
		{"EnteredInErrorInsideFloor", signed(encounter.DraftEnteredInError, now.AddDate(-1, 0, 0)), false, phi.CodeRetentionFloor},
		{"SignedPastFloor", signed(encounter.DraftFinal, now.AddDate(-7, 0, -2)), false, ""},
		{"HeldPastFloor", signed(encounter.DraftFinal, now.AddDate(-20, 0, 0)), true, phi.CodeLegalHold},
		{"HeldUnsigned", nil, true, phi.CodeLegalHold},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := p.CheckDeletion(c.states, c.held, now)
			if c.want == "" && err != nil || c.want != "" && phi.CodeOf(err) != c.want {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
	short := retention.Policy{ClinicalRecords: time.Hour}
	if err := short.CheckDeletion(signed(encounter.DraftFinal, now.Add(-2*time.Hour)), false, now); err != nil {
		t.Errorf("a configured 1h floor still refused after 2h: %v", err)
	}
}

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	err := retention.Config{InputRoles: []string{"note"}, InputAfterSignoff: -time.Second}.Validate()
	if err == nil || !strings.Contains(err.Error(), "note") || !strings.Contains(err.Error(), "negative") {
		t.Fatalf("err = %v", err)
	}
}

// A submission that crashed after storing its inputs but before its record
// leaves objects nobody will read; they go once a sweep has seen them for
// OrphanAfter, and a submission that completes in the meantime is kept.
func TestSweepDeletesOrphanedSubmissions(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	orphan, late := encounter.NewID(), encounter.NewID()
	for _, id := range []string{orphan, late} {
		if _, err := b.store.PutInput(ctx, id, encounter.RoleAudio, "audio/wav", strings.NewReader("RIFF")); err != nil {
			t.Fatal(err)
		}
	}
	kept := b.recording(t, time.Time{}) // a complete, unsigned encounter
	s := b.sweeper(t, retention.Config{OrphanAfter: time.Hour}, nil)
	if res, err := s.Sweep(ctx); err != nil || res.Orphans != 0 {
		t.Fatalf("first sweep: %+v %v (nothing may go on first sight)", res, err)
	}
	// The late submission completes.
	if err := b.store.Create(ctx, &encounter.Meta{ID: late, Kind: encounter.KindRecording, PatientRef: "pt_test", CreatedAt: b.now}); err != nil {
		t.Fatal(err)
	}
	b.now = b.now.Add(2 * time.Hour)
	res, err := s.Sweep(ctx)
	if err != nil || res.Orphans != 1 {
		t.Fatalf("second sweep: %+v %v", res, err)
	}
	for id, want := range map[string]bool{orphan: false, late: true, kept: true} {
		keys, _ := b.vault.List(ctx, encounter.Scope(id)+"/")
		if (len(keys) > 0) != want {
			t.Errorf("%s: objects %v, want kept=%v", id, keys, want)
		}
	}
}

type keyExpirer struct {
	at  []time.Time
	err error
}

func (k *keyExpirer) ExpireIdempotencyKeys(_ context.Context, now time.Time) (int, error) {
	k.at = append(k.at, now)
	return 2, k.err
}

// Every sweep also expires idempotency records, at the sweep's clock, and
// reports a failure to do so.
func TestSweepExpiresIdempotencyKeys(t *testing.T) {
	t.Parallel()
	b := setup(t)
	keys := &keyExpirer{}
	s := b.sweeper(t, retention.Config{}, keys)
	if res, err := s.Sweep(context.Background()); err != nil || res.Keys != 2 || len(keys.at) != 1 || !keys.at[0].Equal(b.now) {
		t.Fatalf("%+v %v, expirer called at %v", res, err, keys.at)
	}
	keys.err = errors.New("listing failed")
	if _, err := s.Sweep(context.Background()); err == nil {
		t.Fatal("a failed expiry went unreported")
	}
}
