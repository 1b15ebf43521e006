package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Consent sets and reads patients' AI-processing choices (*consent.Service).
type Consent interface {
	Set(ctx context.Context, who access.Who, patientRef, value, source string) (consent.Consent, error)
	Get(ctx context.Context, who access.Who, patientRef string) (consent.Consent, error)
}

// Pseudonyms resolve the platform's patient identifiers (*pseudonym.Keeper).
type Pseudonyms interface {
	PatientRef(ctx context.Context, patientID string) (string, error)
}

type consentBody struct {
	// PatientID is the platform's patient identifier (platform callers);
	// patients act on themselves and leave it empty.
	PatientID    string `json:"patient_id"`
	AIProcessing string `json:"ai_processing"`
	Source       string `json:"source"`
}

func (s *Server) patientRef(r *http.Request, who access.Who, patientID string) (string, error) {
	switch {
	case who.Role == access.RolePatient && patientID == "":
		return who.ID, nil
	case who.Role == access.RolePatient:
		return "", phi.Permanentf(phi.CodeInvalidInput, "patients act on their own record: leave patient_id empty")
	case strings.TrimSpace(patientID) == "":
		return "", phi.Permanentf(phi.CodeInvalidInput, "patient_id is required")
	}
	ref, err := s.svc.Pseudonyms.PatientRef(r.Context(), patientID)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "patient reference unavailable")
	}
	return ref, nil
}

func (s *Server) setConsent(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body consentBody
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	ref, err := s.patientRef(r, who, body.PatientID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.svc.Consent.Set(r.Context(), who, ref, body.AIProcessing, body.Source)
	s.respond(w, r, http.StatusOK, c, err)
}

func (s *Server) getConsent(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body consentBody
	if r.Method == http.MethodPost {
		if err := s.decodeJSON(w, r, &body); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	ref, err := s.patientRef(r, who, body.PatientID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.svc.Consent.Get(r.Context(), who, ref)
	s.respond(w, r, http.StatusOK, c, err)
}
