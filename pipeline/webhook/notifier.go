package webhook

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Queue enqueues the delivery of a stored event to one endpoint; the
// worker's client does it on Redis, with retries and backoff.
type Queue interface {
	EnqueueWebhook(ctx context.Context, eventID, endpoint string) error
}

// Notifier stores events and has them delivered to every subscribed
// endpoint. Events are stored encrypted (outside any encounter's scope, so
// a deletion does not lose a notification already promised).
type Notifier struct {
	endpoints []Endpoint
	vault     *storage.Vault
	queue     Queue
	audit     *audit.Logger
	guard     *access.Guard
	client    *http.Client
	log       *slog.Logger
	now       func() time.Time
}

// NotifierDeps are a Notifier's collaborators; all are required but Now
// (nil: time.Now) and Client (nil: a client with a 15 s timeout).
type NotifierDeps struct {
	Vault  *storage.Vault
	Queue  Queue
	Audit  *audit.Logger
	Guard  *access.Guard // refuses (and audits) reading the delivery log
	Log    *slog.Logger
	Client *http.Client
	Now    func() time.Time
}

// NewNotifier returns a Notifier for the configured endpoints, each checked
// (name, URL, a loadable secret).
func NewNotifier(endpoints []Endpoint, d NotifierDeps) (*Notifier, error) {
	if d.Vault == nil || d.Queue == nil || d.Audit == nil || d.Guard == nil || d.Log == nil {
		return nil, errors.New("webhook.NewNotifier: vault, queue, audit, guard and log are required")
	}
	for i, ep := range endpoints {
		if ep.Name == "" || ep.URL == "" {
			return nil, fmt.Errorf("webhook.NewNotifier: webhooks[%d]: name and url are required", i)
		}
		if _, err := ep.SecretBytes(); err != nil {
			return nil, fmt.Errorf("webhook.NewNotifier: %w", err)
		}
	}
	if d.Client == nil {
		d.Client = &http.Client{Timeout: 15 * time.Second}
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Notifier{endpoints: endpoints, vault: d.Vault, queue: d.Queue, audit: d.Audit, guard: d.Guard,
		client: d.Client, log: d.Log, now: d.Now}, nil
}

// Notify stores an event and enqueues its delivery to every endpoint that
// subscribes to its type. Data must hold IDs and codes only.
func (n *Notifier) Notify(ctx context.Context, typ string, data map[string]string) error {
	return n.notify(ctx, NewEventID(), typ, data)
}

// NotifyOnce is Notify for an event that stands for one fact (draft
// version 1 of an encounter is ready): its ID is derived from the type and
// fact, so telling it again (a retried stage) stores nothing new and
// re-sends the same event ID, which receivers drop as a duplicate.
func (n *Notifier) NotifyOnce(ctx context.Context, typ, fact string, data map[string]string) error {
	sum := sha256.Sum256([]byte("clinscribe/webhook/v1\x00" + typ + "\x00" + fact))
	return n.notify(ctx, "wh_"+hex.EncodeToString(sum[:12]), typ, data)
}

func (n *Notifier) notify(ctx context.Context, id, typ string, data map[string]string) error {
	var targets []string
	for _, ep := range n.endpoints {
		if ep.Wants(typ) {
			targets = append(targets, ep.Name)
		}
	}
	if len(targets) == 0 {
		return nil
	}
	ev := Event{ID: id, Type: typ, Created: n.now().UTC(), Data: data}
	// An event stored before (NotifyOnce told again) is queued again: its
	// first telling may have stopped before the queue; the task ID and the
	// event ID make a second delivery a duplicate receivers can drop.
	err := storage.PutJSON(ctx, n.vault, encounter.WebhookEventKey(ev.ID), ev, storage.CreateOnly)
	if err != nil && !errors.Is(err, storage.ErrExists) {
		return phi.Wrap(err, phi.CodeStorage, "notification could not be stored")
	}
	for _, name := range targets {
		if err := n.queue.EnqueueWebhook(ctx, ev.ID, name); err != nil {
			return phi.Wrap(err, phi.CodeInternal, "notification could not be queued")
		}
	}
	return nil
}

// NewEventID returns a fresh event ID ("wh_" + 24 hex digits).
func NewEventID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return "wh_" + hex.EncodeToString(b[:])
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,40}$`)

// DeliverStored sends one stored event to one endpoint (the webhook
// queue's task). A receiver's 4xx is permanent; anything else is retried.
func (n *Notifier) DeliverStored(ctx context.Context, eventID, endpoint string) error {
	var ep *Endpoint
	for i := range n.endpoints {
		if n.endpoints[i].Name == endpoint {
			ep = &n.endpoints[i]
		}
	}
	if ep == nil {
		name := "(not shown)"
		if nameRE.MatchString(endpoint) {
			name = endpoint
		}
		return phi.Permanentf(phi.CodeNotConfigured, "webhook endpoint %q is not configured", name)
	}
	var ev Event
	if err := storage.GetJSON(ctx, n.vault, encounter.WebhookEventKey(eventID), &ev); errors.Is(err, storage.ErrNotFound) {
		return phi.Permanentf(phi.CodeNotFound, "webhook event does not exist")
	} else if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "webhook event unavailable")
	}
	body, err := json.Marshal(ev)
	if err != nil {
		return phi.Wrap(err, phi.CodeInternal, "webhook event could not be encoded")
	}
	started := n.now()
	status, err := Deliver(ctx, n.client, *ep, ev.ID, ev.Type, body, started)
	d := Delivery{EventID: ev.ID, Type: ev.Type, Endpoint: ep.Name, EncounterID: ev.Data["encounter_id"],
		At: started.UTC(), Status: status, Outcome: OutcomeDelivered, LatencyMS: n.now().Sub(started).Milliseconds()}
	switch {
	case errors.Is(err, ErrPermanent):
		d.Outcome = OutcomeRefused
	case err != nil:
		d.Outcome = OutcomeFailed
	}
	n.logDelivery(ctx, d)
	if err != nil {
		if errors.Is(err, ErrPermanent) {
			return phi.WrapPermanent(err, phi.CodeProviderRejected, "webhook receiver refused the event")
		}
		return phi.Wrap(err, phi.CodeProviderError, "webhook receiver unavailable; will retry")
	}
	_ = n.audit.Log(ctx, audit.Entry{Event: audit.EventWebhook, Actor: "system:worker", Role: "system",
		EncounterID: ev.Data["encounter_id"], RequestID: ev.ID, Task: ev.Type, Provider: ep.Name, Result: "ok"})
	return nil
}
