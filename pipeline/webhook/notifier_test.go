package webhook_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/storage"
)

type queue struct {
	mu   sync.Mutex
	sent [][2]string
}

func (q *queue) EnqueueWebhook(_ context.Context, eventID, endpoint string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.sent = append(q.sent, [2]string{eventID, endpoint})
	return nil
}

type noReviewers struct{}

func (noReviewers) Reviewers(context.Context, string) ([]string, bool, error) { return nil, false, nil }

// notifier is a Notifier over a real vault, with a receiver that answers
// with the statuses given, in turn.
func notifier(t *testing.T, statuses ...int) (*webhook.Notifier, *queue, *audit.MemorySink, func() time.Time) {
	t.Helper()
	data, err := storage.NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := storage.OpenLocalKeys(filepath.Join(t.TempDir(), "k"), true)
	if err != nil {
		t.Fatal(err)
	}
	vault := storage.NewVault(data, keys)
	sink := &audit.MemorySink{}
	lg := audit.NewLogger(sink, "test", "test", nil)
	guard, err := access.NewGuard(access.Rules{}, encounter.NewStore(vault), lg, noReviewers{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		code := statuses[0]
		if len(statuses) > 1 {
			statuses = statuses[1:]
		}
		w.WriteHeader(code)
	}))
	t.Cleanup(srv.Close)
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); clock = clock.Add(time.Second); return clock }
	q := &queue{}
	n, err := webhook.NewNotifier([]webhook.Endpoint{
		{Name: "clinic", URL: srv.URL, Secret: "s"},
		{Name: "legacy", URL: srv.URL, Secret: "s", Events: []string{webhook.LegacyHumanDocumentation}},
	}, webhook.NotifierDeps{Vault: vault, Queue: q, Audit: lg, Guard: guard, Log: slog.New(slog.DiscardHandler), Client: srv.Client(), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return n, q, sink, now
}

func TestLegacyHumanDocumentationName(t *testing.T) {
	t.Parallel()
	ep := webhook.Endpoint{Events: []string{webhook.LegacyHumanDocumentation}}
	if !ep.Wants(webhook.TypeHumanDocumentationNeeded) || ep.Wants(webhook.TypeDraftReady) {
		t.Fatal("an endpoint subscribed to the old name must receive the renamed event, and only it")
	}
}

// An event that stands for a fact has one ID however often it is told:
// stored once, queued again (at least once), the same ID to every
// endpoint that wants it.
func TestNotifyOnceIsOneEvent(t *testing.T) {
	t.Parallel()
	n, q, _, _ := notifier(t, http.StatusOK)
	ctx := context.Background()
	data := map[string]string{"encounter_id": "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", "version": "1"}
	for range 2 {
		if err := n.NotifyOnce(ctx, webhook.TypeDraftReady, "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa:v1", data); err != nil {
			t.Fatal(err)
		}
	}
	if err := n.NotifyOnce(ctx, webhook.TypeHumanDocumentationNeeded, "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", data); err != nil {
		t.Fatal(err)
	}
	if len(q.sent) != 4 {
		t.Fatalf("queued %v", q.sent)
	}
	if q.sent[0] != q.sent[1] || q.sent[0][1] != "clinic" {
		t.Errorf("the same fact told twice queued %v and %v", q.sent[0], q.sent[1])
	}
	if q.sent[2][0] != q.sent[3][0] || q.sent[2][0] == q.sent[0][0] || q.sent[3][1] != "legacy" {
		t.Errorf("human documentation event: %v %v", q.sent[2], q.sent[3])
	}
}

// Every attempt is in the delivery log with the receiver's answer; the
// platform and ops read it page by page, nobody else.
func TestDeliveryLog(t *testing.T) {
	t.Parallel()
	n, q, sink, now := notifier(t, http.StatusServiceUnavailable, http.StatusOK, http.StatusGone)
	ctx := context.Background()
	if err := n.NotifyOnce(ctx, webhook.TypeDraftSigned, "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa:v1",
		map[string]string{"encounter_id": "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa"}); err != nil {
		t.Fatal(err)
	}
	ev := q.sent[0][0]
	if err := n.DeliverStored(ctx, ev, "clinic"); err == nil {
		t.Fatal("503 delivered")
	}
	if err := n.DeliverStored(ctx, ev, "clinic"); err != nil {
		t.Fatal(err)
	}
	if err := n.DeliverStored(ctx, ev, "clinic"); err == nil {
		t.Fatal("410 delivered")
	}
	platform := access.Who{Principal: access.Principal{ID: "clinic-platform", Role: access.RolePlatform}}
	q0 := webhook.DeliveryQuery{Since: now().Add(-time.Hour), Until: now().Add(time.Hour), Limit: 2}
	first, err := n.Deliveries(ctx, platform, q0)
	if err != nil {
		t.Fatal(err)
	}
	q0.Cursor = first.NextCursor
	second, err := n.Deliveries(ctx, platform, q0)
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]any
	for _, d := range append(first.Deliveries, second.Deliveries...) {
		if d.EventID != ev || d.Endpoint != "clinic" || d.Type != webhook.TypeDraftSigned || d.EncounterID != "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa" {
			t.Errorf("delivery %+v", d)
		}
		got = append(got, [2]any{d.Status, d.Outcome})
	}
	want := [][2]any{{503, webhook.OutcomeFailed}, {200, webhook.OutcomeDelivered}, {410, webhook.OutcomeRefused}}
	if diff := cmp.Diff(want, got); diff != "" || first.NextCursor == "" || second.NextCursor != "" {
		t.Errorf("delivery log (-want +got):\n%s\ncursors %q %q", diff, first.NextCursor, second.NextCursor)
	}
	delivered, err := n.Deliveries(ctx, platform, webhook.DeliveryQuery{Since: q0.Since, Until: q0.Until, Outcome: webhook.OutcomeDelivered})
	if err != nil || len(delivered.Deliveries) != 1 {
		t.Errorf("filtered by outcome: %+v %v", delivered, err)
	}
	provider := access.Who{Principal: access.Principal{ID: "dr-okafor", Role: access.RoleProvider}}
	if _, err := n.Deliveries(ctx, provider, webhook.DeliveryQuery{}); err == nil {
		t.Fatal("a provider reads the delivery log")
	}
	denied := false
	for _, e := range sink.Entries() {
		denied = denied || e.Event == audit.EventAuthzDenied && e.Actor == "dr-okafor"
	}
	if !denied {
		t.Error("the refusal is not audited")
	}
}
