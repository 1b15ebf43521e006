package webhook

import (
	"cmp"
	"context"
	"regexp"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/page"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Delivery outcomes.
const (
	OutcomeDelivered = "delivered" // the receiver answered 2xx
	OutcomeFailed    = "failed"    // no answer, 408, 429 or 5xx: the queue retries
	OutcomeRefused   = "refused"   // another 4xx: not retried
)

// Delivery is one attempt to deliver an event to an endpoint, as the
// delivery log keeps it: IDs, codes and times only.
type Delivery struct {
	EventID     string    `json:"event_id"`
	Type        string    `json:"type"`
	Endpoint    string    `json:"endpoint"`
	EncounterID string    `json:"encounter_id,omitempty"`
	At          time.Time `json:"at"`
	// Status is the receiver's HTTP status; 0 when none answered.
	Status    int    `json:"status"`
	Outcome   string `json:"outcome"`
	LatencyMS int64  `json:"latency_ms"`
}

// logDelivery writes an attempt to the delivery log. A failure to write
// it is logged, not returned: the event was (or was not) delivered either
// way, and failing the task would send it again.
func (n *Notifier) logDelivery(ctx context.Context, d Delivery) {
	key := encounter.WebhookDeliveryKey(d.At, d.EventID, d.Endpoint)
	if err := storage.PutJSON(ctx, n.vault, key, d, storage.CreateOnly); err != nil {
		n.log.Warn("webhook delivery not logged", "event_id", d.EventID, "endpoint", d.Endpoint, "error", err)
	}
}

// DeliveryQuery selects entries of the delivery log.
type DeliveryQuery struct {
	// Since and Until bound the attempts' time; zero Since means 7 days
	// before Until, zero Until now. At most MaxDeliveryRange apart.
	Since, Until time.Time
	// EventID, Endpoint, EncounterID and Outcome filter when set.
	EventID, Endpoint, EncounterID, Outcome string
	// Newest lists newest first (default: oldest first).
	Newest bool
	Cursor string
	Limit  int
}

var eventIDRE = regexp.MustCompile(`^wh_[0-9a-f]{24}$`)

// MaxDeliveryRange bounds a delivery log query's time range.
const MaxDeliveryRange = 93 * 24 * time.Hour

// DeliveryPage is one page of the delivery log.
type DeliveryPage struct {
	Deliveries []Delivery `json:"deliveries"`
	// NextCursor continues the listing; empty on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
}

// Deliveries reads the delivery log for the platform and ops: what was
// delivered to which endpoint when, with the receiver's status.
func (n *Notifier) Deliveries(ctx context.Context, who access.Who, q DeliveryQuery) (*DeliveryPage, error) {
	if who.Role != access.RolePlatform && who.Role != access.RoleOps {
		return nil, n.guard.Deny(ctx, who, access.ActList, nil)
	}
	q.Until = cmp.Or(q.Until, n.now()).UTC()
	q.Since = cmp.Or(q.Since, q.Until.Add(-7*24*time.Hour)).UTC()
	switch {
	case q.Since.After(q.Until):
		return nil, phi.Permanentf(phi.CodeInvalidInput, "since must not be after until")
	case q.Until.Sub(q.Since) > MaxDeliveryRange:
		return nil, phi.Permanentf(phi.CodeInvalidInput, "the time range is at most %d days", int(MaxDeliveryRange.Hours()/24))
	case q.Outcome != "" && q.Outcome != OutcomeDelivered && q.Outcome != OutcomeFailed && q.Outcome != OutcomeRefused:
		return nil, phi.Permanentf(phi.CodeInvalidInput, "outcome must be delivered, failed or refused")
	case q.EventID != "" && !eventIDRE.MatchString(q.EventID), q.Endpoint != "" && !nameRE.MatchString(q.Endpoint),
		q.EncounterID != "" && !encounter.ValidID(q.EncounterID):
		return nil, phi.Permanentf(phi.CodeInvalidInput, "event_id, endpoint and encounter_id must be IDs")
	}
	fp := page.Fingerprint(string(who.Role), q.Since.Format(time.RFC3339Nano), q.Until.Format(time.RFC3339Nano),
		q.EventID, q.Endpoint, q.EncounterID, q.Outcome, map[bool]string{true: "desc"}[q.Newest])
	after, err := page.Decode(q.Cursor, fp)
	if err != nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "%v", err)
	}
	var keys []string
	for day := q.Since.Truncate(24 * time.Hour); !day.After(q.Until); day = day.Add(24 * time.Hour) {
		ks, err := n.vault.List(ctx, encounter.DeliveriesPrefix+day.Format(encounter.DayLayout)+"/")
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "delivery log unavailable")
		}
		keys = append(keys, ks...)
	}
	limit := page.Limit(q.Limit)
	out := &DeliveryPage{Deliveries: []Delivery{}}
	last := ""
	for _, k := range page.Order(keys, after, q.Newest) {
		var d Delivery
		if err := storage.GetJSON(ctx, n.vault, k, &d); err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "delivery log unavailable")
		}
		if d.At.Before(q.Since) || d.At.After(q.Until) || q.EventID != "" && d.EventID != q.EventID ||
			q.Endpoint != "" && d.Endpoint != q.Endpoint || q.EncounterID != "" && d.EncounterID != q.EncounterID ||
			q.Outcome != "" && d.Outcome != q.Outcome {
			continue
		}
		if len(out.Deliveries) == limit {
			out.NextCursor = page.Encode(page.Entry(last), fp)
			break
		}
		out.Deliveries = append(out.Deliveries, d)
		last = k
	}
	return out, nil
}
