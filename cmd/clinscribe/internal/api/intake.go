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
	Regenerate(ctx context.Context, who access.Who, id string) (*pipeline.Regeneration, error)
	Limits() pipeline.Limits
}

// regenerate asks the AI for a new draft version after a rejection: 202,
// the version it will make and where to watch.
func (s *Server) regenerate(w http.ResponseWriter, r *http.Request, who access.Who) {
	rg, err := s.svc.Intake.Regenerate(r.Context(), who, r.PathValue("id"))
	s.respond(w, r, http.StatusAccepted, rg, err)
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
// never touches the disk in the clear. A part after the note or the
// recording is refused (400) before anything is committed: read as it
// streams, a sidecar after the recording would otherwise be lost and the
// encounter fail later for want of it.
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
			if next, err := mr.NextPart(); err == nil {
				s.fail(w, r, partAfterContent(next.FormName(), "note"))
				return
			} else if !errors.Is(err, io.EOF) {
				s.fail(w, r, uploadError(err, "malformed multipart body"))
				return
			}
			s.finishSubmit(w, r, who, meta, req, nil)
			return
		case name == "audio":
			last := &lastPart{part: part, mr: mr}
			req.Audio, req.AudioContentType = last, part.Header.Get("Content-Type")
			s.finishSubmit(w, r, who, meta, req, last)
			return
		default:
			s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "unexpected part %q: send metadata, [sidecar], then note or audio", safePart(name)))
			return
		}
	}
	s.fail(w, r, phi.Permanentf(phi.CodeEmptyInput, "no note or audio part"))
}

// lastPart is the recording part of a submission as the pipeline reads it:
// at the part's end it looks for another part, and if there is one it fails
// the read — the submission is then abandoned before its commit point, and
// nothing of it stays.
type lastPart struct {
	part *multipart.Part
	mr   *multipart.Reader
	// err is the part after the recording, refused.
	err error
	// done: the body was read to its end, so a deadline that passes
	// later is the server's, not the client's.
	done bool
}

func (l *lastPart) Read(b []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.part.Read(b)
	if !errors.Is(err, io.EOF) {
		return n, err
	}
	next, nerr := l.mr.NextPart()
	switch {
	case nerr == nil:
		l.err = partAfterContent(next.FormName(), "audio")
		return n, l.err
	case errors.Is(nerr, io.EOF):
		l.done = true
		return n, io.EOF
	}
	return n, nerr
}

// partAfterContent refuses a part sent after the note or audio part.
func partAfterContent(name, content string) error {
	if name == "sidecar" || name == "metadata" {
		return phi.Permanentf(phi.CodeInvalidInput, "the %s part came after the %s part: send the parts in this order: metadata, then sidecar (for a recording), then note or audio last", name, content)
	}
	return phi.Permanentf(phi.CodeInvalidInput, "part %q came after the %s part: the note or audio part comes last (order: metadata, [sidecar], note or audio)", safePart(name), content)
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

func (s *Server) finishSubmit(w http.ResponseWriter, r *http.Request, who access.Who, meta *submitMetadata, req pipeline.SubmitRequest, audio *lastPart) {
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
		case audio != nil && audio.err != nil:
			err = audio.err
		case errors.As(err, &tooBig):
			err = phi.Permanentf(phi.CodeTooLarge, "the upload is larger than the limit")
		case errors.Is(err, os.ErrDeadlineExceeded):
			err = errBodyTimeout
		case audio != nil && !audio.done && errors.Is(r.Context().Err(), context.DeadlineExceeded):
			// The request's time ran out while the recording was still
			// arriving: the context and the connection's read deadline
			// share the limit, and whichever fires first stops the
			// store, so the error may be the context's.
			err = errBodyTimeout
		}
		s.fail(w, r, err)
		return
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
