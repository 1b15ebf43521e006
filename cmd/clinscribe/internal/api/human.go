package api

import (
	"context"
	"net/http"

	"github.com/clinscribe/clinscribe/pipeline/access"
)

// HumanQueue lists encounters waiting for human documentation
// (*consent.Service).
type HumanQueue interface {
	HumanQueue(ctx context.Context) ([]string, error)
}

func (s *Server) humanQueue(w http.ResponseWriter, r *http.Request, who access.Who) {
	if who.Role != access.RolePlatform {
		s.fail(w, r, s.svc.Guard.Deny(r.Context(), who, access.ActStatus, nil))
		return
	}
	ids, err := s.svc.Human.HumanQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"encounters": ids})
}
