package api

import (
	"context"
	"net/http"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/retention"
)

// Deletion deletes encounters and places legal holds (*retention.Service).
type Deletion interface {
	Delete(ctx context.Context, who access.Who, id, reason string) (*retention.DeletionCertificate, error)
	SetLegalHold(ctx context.Context, who access.Who, id string, hold bool, reason string) (*retention.LegalHold, error)
}

func (s *Server) deleteEncounter(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body reasonBody
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	cert, err := s.svc.Deletion.Delete(r.Context(), who, r.PathValue("id"), body.Reason)
	s.respond(w, r, http.StatusOK, cert, err)
}

func (s *Server) legalHold(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		Hold   bool   `json:"hold"`
		Reason string `json:"reason"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	h, err := s.svc.Deletion.SetLegalHold(r.Context(), who, r.PathValue("id"), body.Hold, body.Reason)
	s.respond(w, r, http.StatusOK, h, err)
}
