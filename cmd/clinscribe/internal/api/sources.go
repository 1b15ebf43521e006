package api

import (
	"context"
	"net/http"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

// Sources read what an encounter's draft is made from (*signoff.Service).
type Sources interface {
	Transcript(ctx context.Context, who access.Who, id string) (*signoff.TranscriptView, error)
	Note(ctx context.Context, who access.Who, id string) ([]byte, string, error)
	Recording(ctx context.Context, who access.Who, id string) (*signoff.Recording, error)
}

func (s *Server) transcript(w http.ResponseWriter, r *http.Request, who access.Who) {
	t, err := s.svc.Sources.Transcript(r.Context(), who, r.PathValue("id"))
	s.respond(w, r, http.StatusOK, t, err)
}

func (s *Server) sourceNote(w http.ResponseWriter, r *http.Request, who access.Who) {
	b, ct, err := s.svc.Sources.Note(r.Context(), who, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ct)
	_, _ = w.Write(b)
}

// sourceAudio streams the recording with HTTP range requests (206 Partial
// Content, If-Range...): http.ServeContent over a reader that decrypts
// only the segments a range covers.
func (s *Server) sourceAudio(w http.ResponseWriter, r *http.Request, who access.Who) {
	rec, err := s.svc.Sources.Recording(r.Context(), who, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer rec.Close()
	w.Header().Set("Content-Type", rec.ContentType)
	http.ServeContent(w, r, "", rec.Modified, rec)
}
