package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Intake takes submissions and reports progress (*pipeline.Pipeline).
type Intake interface {
	Submit(ctx context.Context, req pipeline.SubmitRequest) (string, error)
	StatusFor(ctx context.Context, who access.Who, id string) (*pipeline.View, error)
	Limits() pipeline.Limits
}

// submitMetadata is the "metadata" part of a submission.
type submitMetadata struct {
	Template string `json:"template"`
	Patient  struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		BirthDate   string   `json:"birth_date"`
		Phone       string   `json:"phone"`
		Relatives   []string `json:"relatives"`
		Identifiers []string `json:"identifiers"`
	} `json:"patient"`
	Provider struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"provider"`
}

// submit takes multipart/form-data with parts in this order: "metadata"
// (JSON), optionally "sidecar" (a WebVTT/SRT transcript), then "note" or
// "audio" last. The recording streams straight into encrypted storage; it
// never touches the disk in the clear.
func (s *Server) submit(w http.ResponseWriter, r *http.Request, who access.Who) {
	if who.Role != access.RolePlatform {
		s.fail(w, r, s.svc.Guard.Deny(r.Context(), who, access.ActSubmit, nil))
		return
	}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		s.fail(w, r, phi.Permanentf(phi.CodeUnsupportedType, "send multipart/form-data with parts metadata, [sidecar], then note or audio"))
		return
	}
	limits := s.svc.Intake.Limits()
	body := http.MaxBytesReader(w, r.Body, limits.MaxAudioBytes+limits.MaxSidecarBytes+s.cfg.MaxJSONBytes+1<<20)
	mr := multipart.NewReader(body, params["boundary"])
	var meta *submitMetadata
	req := pipeline.SubmitRequest{Role: string(who.Role), Actor: who.ID, Source: "api"}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			s.fail(w, r, uploadError(err, "malformed multipart body"))
			return
		}
		name := part.FormName()
		switch {
		case name == "metadata" && meta == nil:
			meta = &submitMetadata{}
			dec := json.NewDecoder(io.LimitReader(part, s.cfg.MaxJSONBytes))
			dec.DisallowUnknownFields()
			if err := dec.Decode(meta); err != nil {
				s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "the metadata part is not the expected JSON object"))
				return
			}
		case meta == nil:
			s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "the metadata part must come first"))
			return
		case name == "sidecar" && req.Sidecar == nil:
			b, err := io.ReadAll(io.LimitReader(part, limits.MaxSidecarBytes+1))
			if err != nil {
				s.fail(w, r, uploadError(err, "the sidecar could not be read"))
				return
			}
			if int64(len(b)) > limits.MaxSidecarBytes {
				s.fail(w, r, phi.Permanentf(phi.CodeTooLarge, "the sidecar is larger than %d bytes", limits.MaxSidecarBytes))
				return
			}
			req.Sidecar, req.SidecarContentType = b, part.Header.Get("Content-Type")
			if strings.HasPrefix(req.SidecarContentType, "application/octet-stream") {
				req.SidecarContentType = ""
			}
		case name == "note":
			b, err := io.ReadAll(io.LimitReader(part, limits.MaxNoteBytes+1))
			if err != nil {
				s.fail(w, r, uploadError(err, "the note could not be read"))
				return
			}
			req.Note, req.NoteContentType = b, part.Header.Get("Content-Type")
			s.finishSubmit(w, r, who, meta, req, mr)
			return
		case name == "audio":
			req.Audio, req.AudioContentType = part, part.Header.Get("Content-Type")
			s.finishSubmit(w, r, who, meta, req, mr)
			return
		default:
			s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "unexpected part %q: send metadata, [sidecar], then note or audio", safePart(name)))
			return
		}
	}
	s.fail(w, r, phi.Permanentf(phi.CodeEmptyInput, "no note or audio part"))
}

func safePart(name string) string {
	if fieldRE.MatchString(`"` + name + `"`) {
		return name
	}
	return "(not shown)"
}

func uploadError(err error, msg string) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return phi.Permanentf(phi.CodeTooLarge, "the upload is larger than the limit")
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return errBodyTimeout
	}
	return phi.WrapPermanent(err, phi.CodeInvalidInput, msg)
}

func (s *Server) finishSubmit(w http.ResponseWriter, r *http.Request, who access.Who, meta *submitMetadata, req pipeline.SubmitRequest, mr *multipart.Reader) {
	if meta == nil {
		s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "the metadata part must come first"))
		return
	}
	req.Template, req.ProviderID = meta.Template, meta.Provider.ID
	req.Subject = encounter.Subject{PatientID: meta.Patient.ID, PatientName: meta.Patient.Name, BirthDate: meta.Patient.BirthDate,
		Phone: meta.Patient.Phone, Relatives: meta.Patient.Relatives, Identifiers: meta.Patient.Identifiers, ProviderName: meta.Provider.Name}
	if req.Note != nil && req.NoteContentType == "" {
		req.NoteContentType = "text/plain; charset=utf-8"
	}
	req.IdempotencyKey = r.Header.Get("Idempotency-Key")
	id, err := s.svc.Intake.Submit(r.Context(), req)
	if err != nil && !errors.Is(err, pipeline.ErrNotQueued) {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			err = phi.Permanentf(phi.CodeTooLarge, "the upload is larger than the limit")
		case errors.Is(err, os.ErrDeadlineExceeded):
			err = errBodyTimeout
		}
		s.fail(w, r, err)
		return
	}
	if p, _ := mr.NextPart(); p != nil {
		// Extra parts after the content are ignored, but say so.
		w.Header().Set("Warning", `199 clinscribe "parts after the note or audio were ignored"`)
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"id": id, "status_url": "/v1/encounters/" + id})
}

func (s *Server) status(w http.ResponseWriter, r *http.Request, who access.Who) {
	v, err := s.svc.Intake.StatusFor(r.Context(), who, r.PathValue("id"))
	if err != nil || s.ehr == nil {
		s.respond(w, r, http.StatusOK, v, err)
		return
	}
	// Authorized above; the write-back state holds IDs and codes only.
	ds, err := s.ehr.Status(r.Context(), v.ID)
	if err != nil {
		err = phi.Wrap(err, phi.CodeStorage, "EHR delivery state unavailable")
	}
	s.respond(w, r, http.StatusOK, struct {
		*pipeline.View
		EHR []ehr.Delivery `json:"ehr"`
	}{v, ds}, err)
}
