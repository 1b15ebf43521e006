package api

import (
	"context"
	"net/http"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
)

// Deliveries read the webhook delivery log (*webhook.Notifier).
type Deliveries interface {
	Deliveries(ctx context.Context, who access.Who, q webhook.DeliveryQuery) (*webhook.DeliveryPage, error)
}

// deliveries serves GET /v1/webhooks/deliveries for the platform and ops:
// ?since=&until= (RFC 3339) &event_id= &endpoint= &encounter_id=
// &outcome=delivered|failed|refused &order= &cursor= &limit=.
func (s *Server) deliveries(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	dq := webhook.DeliveryQuery{EventID: q.Get("event_id"), Endpoint: q.Get("endpoint"), EncounterID: q.Get("encounter_id"),
		Outcome: q.Get("outcome"), Cursor: q.Get("cursor")}
	var err error
	if dq.Since, dq.Until, err = timeRange(q); err == nil {
		if dq.Newest, err = order(q); err == nil {
			dq.Limit, err = limit(q)
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.svc.Deliveries.Deliveries(r.Context(), who, dq)
	s.respond(w, r, http.StatusOK, p, err)
}
