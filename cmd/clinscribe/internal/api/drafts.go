package api

import (
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/fhir"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

// Drafts are the clinician's actions on drafts (*signoff.Service).
type Drafts interface {
	View(ctx context.Context, who access.Who, id string, version int) (*signoff.DraftView, error)
	Explain(ctx context.Context, who access.Who, id string, version int) (*signoff.Explanation, error)
	Sign(ctx context.Context, who access.Who, id string, version int, contentSHA256, attestation string) (*signoff.DraftView, error)
	Edit(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*signoff.DraftView, error)
	PullIn(ctx context.Context, who access.Who, id string, base int, segment string, part int, section string) (*signoff.DraftView, error)
	Write(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*signoff.DraftView, error)
	Reject(ctx context.Context, who access.Who, id string, version int, reason string) (*signoff.DraftView, error)
	EnteredInError(ctx context.Context, who access.Who, id string, version int, reason string) (*signoff.DraftView, error)
	// PatientID is the clinic's patient identifier of an encounter, for
	// exports back to the clinic (the FHIR subject); the caller has read
	// the draft already.
	PatientID(ctx context.Context, id string) (string, error)
}

// draft serves a version as JSON (default), text (banner first) or FHIR:
// ?format=json|text|fhir, or the Accept header. Without ?version it is the
// note as it stands: the latest signed version (with later preliminary
// versions listed as pending amendments), else the latest.
func (s *Server) draft(w http.ResponseWriter, r *http.Request, who access.Who) {
	version, err := versionParam(r, "version")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		switch accept := r.Header.Get("Accept"); {
		case strings.Contains(accept, "application/fhir+json"):
			format = "fhir"
		case strings.HasPrefix(accept, "text/plain"):
			format = "text"
		default:
			format = "json"
		}
	}
	if format != "json" && format != "text" && format != "fhir" {
		s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "format must be json, text or fhir"))
		return
	}
	dv, err := s.svc.Drafts.View(r.Context(), who, r.PathValue("id"), version)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	switch format {
	case "text":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, dv.Text())
	case "fhir":
		pid, err := s.svc.Drafts.PatientID(r.Context(), dv.EncounterID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		b, err := fhir.Bundle(fhir.Input{EncounterID: dv.EncounterID, PatientID: pid, Draft: dv.Draft, State: dv.State, Superseded: dv.Version != dv.Latest})
		if err != nil {
			s.fail(w, r, phi.Wrap(err, phi.CodeInternal, "FHIR rendering failed"))
			return
		}
		w.Header().Set("Content-Type", "application/fhir+json; charset=utf-8")
		_, _ = w.Write(b)
	default:
		writeJSON(w, http.StatusOK, dv)
	}
}

func (s *Server) explain(w http.ResponseWriter, r *http.Request, who access.Who) {
	version, err := versionParam(r, "version")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ex, err := s.svc.Drafts.Explain(r.Context(), who, r.PathValue("id"), version)
	s.respond(w, r, http.StatusOK, ex, err)
}

func (s *Server) sign(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		ContentSHA256 string `json:"content_sha256"`
		Attestation   string `json:"attestation"`
	}
	version, ok := s.versionAndBody(w, r, &body)
	if !ok {
		return
	}
	dv, err := s.svc.Drafts.Sign(r.Context(), who, r.PathValue("id"), version, body.ContentSHA256, body.Attestation)
	s.respond(w, r, http.StatusOK, dv, err)
}

func (s *Server) edit(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		Sections []encounter.Section `json:"sections"`
	}
	version, ok := s.versionAndBody(w, r, &body)
	if !ok {
		return
	}
	dv, err := s.svc.Drafts.Edit(r.Context(), who, r.PathValue("id"), version, body.Sections)
	s.respond(w, r, http.StatusCreated, dv, err)
}

// pullIn puts a segment the version lists as not in the draft into one of
// its sections, as a sentence citing it: a new version (an edit).
func (s *Server) pullIn(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		Segment string `json:"segment"`
		Part    int    `json:"part"`
		Section string `json:"section"`
	}
	version, ok := s.versionAndBody(w, r, &body)
	if !ok {
		return
	}
	dv, err := s.svc.Drafts.PullIn(r.Context(), who, r.PathValue("id"), version, body.Segment, body.Part, body.Section)
	s.respond(w, r, http.StatusCreated, dv, err)
}

// write stores a new version: {"base": N, "sections": [...]} edits
// version N (the latest); base 0 writes the note from scratch, by hand
// (human documentation, labeled human).
func (s *Server) write(w http.ResponseWriter, r *http.Request, who access.Who) {
	var body struct {
		Base     int                 `json:"base"`
		Sections []encounter.Section `json:"sections"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if body.Base < 0 {
		s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "base must be 0 (a new note) or the latest version"))
		return
	}
	dv, err := s.svc.Drafts.Write(r.Context(), who, r.PathValue("id"), body.Base, body.Sections)
	s.respond(w, r, http.StatusCreated, dv, err)
}

type reasonBody struct {
	Reason string `json:"reason"`
}

func (s *Server) reject(w http.ResponseWriter, r *http.Request, who access.Who) {
	s.transition(w, r, who, s.svc.Drafts.Reject)
}

func (s *Server) enteredInError(w http.ResponseWriter, r *http.Request, who access.Who) {
	s.transition(w, r, who, s.svc.Drafts.EnteredInError)
}

func (s *Server) transition(w http.ResponseWriter, r *http.Request, who access.Who,
	fn func(ctx context.Context, who access.Who, id string, version int, reason string) (*signoff.DraftView, error)) {
	var body reasonBody
	version, ok := s.versionAndBody(w, r, &body)
	if !ok {
		return
	}
	dv, err := fn(r.Context(), who, r.PathValue("id"), version, body.Reason)
	s.respond(w, r, http.StatusOK, dv, err)
}

// versionAndBody reads the {version} path value and the JSON body into
// body; on a bad one it answers the request itself and returns false.
func (s *Server) versionAndBody(w http.ResponseWriter, r *http.Request, body any) (int, bool) {
	version, err := versionParam(r, "version")
	if err == nil {
		err = s.decodeJSON(w, r, body)
	}
	if err != nil {
		s.fail(w, r, err)
		return 0, false
	}
	return version, true
}
