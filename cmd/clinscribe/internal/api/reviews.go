package api

import (
	"context"
	"net/http"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/review"
)

// Reviews run patients' review cases (*review.Service).
type Reviews interface {
	Request(ctx context.Context, who access.Who, id string, version int, statement string) (*review.ReviewCase, error)
	List(ctx context.Context, who access.Who, id string) ([]review.ReviewCase, error)
	OpenCases(ctx context.Context, who access.Who) ([]review.ReviewCase, error)
	Decide(ctx context.Context, who access.Who, caseID, decision, explanation string, correctedVersion int) (*review.ReviewCase, error)
}

func (s *Server) requestReview(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		Version   int    `json:"version"`
		Statement string `json:"statement"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.svc.Reviews.Request(r.Context(), who, r.PathValue("id"), body.Version, body.Statement)
	s.respond(w, r, http.StatusCreated, c, err)
}

func (s *Server) reviews(w http.ResponseWriter, r *http.Request, who access.Who) {
	cases, err := s.svc.Reviews.List(r.Context(), who, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"reviews": nonNil(cases)})
}

func (s *Server) openReviews(w http.ResponseWriter, r *http.Request, who access.Who) {
	cases, err := s.svc.Reviews.OpenCases(r.Context(), who)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"reviews": nonNil(cases)})
}

func nonNil(c []review.ReviewCase) []review.ReviewCase {
	if c == nil {
		return []review.ReviewCase{}
	}
	return c
}

func (s *Server) decide(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		Decision         string `json:"decision"`
		Explanation      string `json:"explanation"`
		CorrectedVersion int    `json:"corrected_version"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.svc.Reviews.Decide(r.Context(), who, r.PathValue("case"), body.Decision, body.Explanation, body.CorrectedVersion)
	s.respond(w, r, http.StatusOK, c, err)
}
