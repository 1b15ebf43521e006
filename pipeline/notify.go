package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/storage"
)

// Jobs enqueues the pipeline's work other than encounter stages.
type Jobs interface {
	// EnqueueReview opens a review case on the critical queue.
	EnqueueReview(ctx context.Context, encounterID, caseID string) error
	// EnqueueWebhook delivers a stored event to one endpoint, with retries.
	EnqueueWebhook(ctx context.Context, eventID, endpoint string) error
	// EnqueueDeid refreshes an encounter's de-identified aggregate record
	// (deid queue).
	EnqueueDeid(ctx context.Context, encounterID string) error
}

func newEventID() string { return "wh_" + randomHex(12) }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func webhookKey(id string) string { return "webhooks/" + id + ".json" }

// notify stores an event and enqueues its delivery to every subscribed
// endpoint. Data must hold IDs and codes only.
func (p *Pipeline) notify(ctx context.Context, typ string, data map[string]string) error {
	var targets []string
	for _, ep := range p.cfg.Webhooks {
		if ep.Wants(typ) {
			targets = append(targets, ep.Name)
		}
	}
	if len(targets) == 0 {
		return nil
	}
	ev := webhook.Event{ID: newEventID(), Type: typ, Created: p.now().UTC(), Data: data}
	if err := putJSON(ctx, p.vault, webhookKey(ev.ID), ev, storage.CreateOnly); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "notification could not be stored")
	}
	for _, name := range targets {
		if err := p.jobs.EnqueueWebhook(ctx, ev.ID, name); err != nil {
			return phi.Wrap(err, phi.CodeInternal, "notification could not be queued")
		}
	}
	return nil
}

var webhookClient = &http.Client{Timeout: 15 * time.Second}

// DeliverWebhook sends one stored event to one endpoint (a queue task).
func (p *Pipeline) DeliverWebhook(ctx context.Context, eventID, endpoint string) error {
	var ep *webhook.Endpoint
	for i := range p.cfg.Webhooks {
		if p.cfg.Webhooks[i].Name == endpoint {
			ep = &p.cfg.Webhooks[i]
		}
	}
	if ep == nil {
		return phi.Permanentf(phi.CodeNotConfigured, "webhook endpoint %q is not configured", safeToken(endpoint))
	}
	var ev webhook.Event
	if err := getJSON(ctx, p.vault, webhookKey(eventID), &ev); errors.Is(err, encounter.ErrNotFound) {
		return phi.Permanentf(phi.CodeNotFound, "webhook event does not exist")
	} else if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "webhook event unavailable")
	}
	body, err := json.Marshal(ev)
	if err != nil {
		return phi.Wrap(err, phi.CodeInternal, "webhook event could not be encoded")
	}
	if err := webhook.Deliver(ctx, webhookClient, *ep, ev.ID, ev.Type, body, p.now()); err != nil {
		if errors.Is(err, webhook.ErrPermanent) {
			return phi.WrapPermanent(err, phi.CodeProviderRejected, "webhook receiver refused the event")
		}
		return phi.Wrap(err, phi.CodeProviderError, "webhook receiver unavailable; will retry")
	}
	_ = p.audit.Log(ctx, audit.Entry{Event: audit.EventWebhook, Actor: "system:worker", Role: "system",
		EncounterID: ev.Data["encounter_id"], RequestID: ev.ID, Task: ev.Type, Provider: ep.Name, Result: "ok"})
	return nil
}
