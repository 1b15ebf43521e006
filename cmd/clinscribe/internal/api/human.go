package api

import (
	"context"
	"net/http"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/human"
)

// HumanQueue is the human documentation queue (*human.Service).
type HumanQueue interface {
	Queue(ctx context.Context, who access.Who) ([]human.Item, error)
	Assign(ctx context.Context, who access.Who, id, to string) (*human.Item, error)
}

// humanQueue lists the encounters waiting for human documentation that
// the caller may see (platform and ops: all; a clinician: assigned to
// them or to a clinician they are a delegate of). "encounters" keeps the
// IDs alone, as before items were added.
func (s *Server) humanQueue(w http.ResponseWriter, r *http.Request, who access.Who) {
	items, err := s.svc.Human.Queue(r.Context(), who)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.EncounterID
	}
	writeJSON(w, http.StatusOK, map[string]any{"encounters": ids, "items": items})
}

// assign hands human documentation to another clinician.
func (s *Server) assign(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		AssignedTo string `json:"assigned_to"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	it, err := s.svc.Human.Assign(r.Context(), who, r.PathValue("id"), body.AssignedTo)
	s.respond(w, r, http.StatusOK, it, err)
}
