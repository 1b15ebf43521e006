package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/docs"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/fhir"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

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
func (s *Server) submit(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	if who.Role != access.RolePlatform {
		s.fail(w, r, s.p.Denied(r.Context(), who, access.ActSubmit))
		return
	}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		s.fail(w, r, phi.Permanentf(phi.CodeUnsupportedType, "send multipart/form-data with parts metadata, [sidecar], then note or audio"))
		return
	}
	limits := s.p.Limits()
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

func (s *Server) finishSubmit(w http.ResponseWriter, r *http.Request, who pipeline.Who, meta *submitMetadata, req pipeline.SubmitRequest, mr *multipart.Reader) {
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
	id, err := s.p.Submit(r.Context(), req)
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

func (s *Server) status(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	v, err := s.p.StatusFor(r.Context(), who, r.PathValue("id"))
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

// draft serves a version as JSON (default), text (banner first) or FHIR:
// ?format=json|text|fhir, or the Accept header.
func (s *Server) draft(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
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
	dv, err := s.p.ViewDraft(r.Context(), who, r.PathValue("id"), version)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	switch format {
	case "text":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, dv.Text())
	case "fhir":
		pid, err := s.p.PlatformPatientID(r.Context(), dv.EncounterID)
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

func (s *Server) explain(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	version, err := versionParam(r, "version")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ex, err := s.p.Explain(r.Context(), who, r.PathValue("id"), version)
	s.respond(w, r, http.StatusOK, ex, err)
}

func (s *Server) sign(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	var body struct {
		ContentSHA256 string `json:"content_sha256"`
		Attestation   string `json:"attestation"`
	}
	version, err := versionParam(r, "version")
	if err == nil {
		err = s.decodeJSON(w, r, &body)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dv, err := s.p.Sign(r.Context(), who, r.PathValue("id"), version, body.ContentSHA256, body.Attestation)
	s.respond(w, r, http.StatusOK, dv, err)
}

func (s *Server) edit(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	var body struct {
		Sections []encounter.Section `json:"sections"`
	}
	version, err := versionParam(r, "version")
	if err == nil {
		err = s.decodeJSON(w, r, &body)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dv, err := s.p.Edit(r.Context(), who, r.PathValue("id"), version, body.Sections)
	s.respond(w, r, http.StatusCreated, dv, err)
}

type reasonBody struct {
	Reason string `json:"reason"`
}

func (s *Server) reject(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	s.transition(w, r, who, s.p.Reject)
}

func (s *Server) enteredInError(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	s.transition(w, r, who, s.p.EnteredInError)
}

func (s *Server) transition(w http.ResponseWriter, r *http.Request, who pipeline.Who,
	fn func(ctx context.Context, who pipeline.Who, id string, version int, reason string) (*pipeline.DraftView, error)) {
	var body reasonBody
	version, err := versionParam(r, "version")
	if err == nil {
		err = s.decodeJSON(w, r, &body)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dv, err := fn(r.Context(), who, r.PathValue("id"), version, body.Reason)
	s.respond(w, r, http.StatusOK, dv, err)
}

func (s *Server) requestReview(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	var body struct {
		Version   int    `json:"version"`
		Statement string `json:"statement"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.p.RequestReview(r.Context(), who, r.PathValue("id"), body.Version, body.Statement)
	s.respond(w, r, http.StatusCreated, c, err)
}

func (s *Server) reviews(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	cases, err := s.p.Reviews(r.Context(), who, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"reviews": nonNil(cases)})
}

func (s *Server) openReviews(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	cases, err := s.p.OpenCases(r.Context(), who)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"reviews": nonNil(cases)})
}

func nonNil(c []pipeline.ReviewCase) []pipeline.ReviewCase {
	if c == nil {
		return []pipeline.ReviewCase{}
	}
	return c
}

func (s *Server) decide(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	var body struct {
		Decision         string `json:"decision"`
		Explanation      string `json:"explanation"`
		CorrectedVersion int    `json:"corrected_version"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.p.DecideReview(r.Context(), who, r.PathValue("case"), body.Decision, body.Explanation, body.CorrectedVersion)
	s.respond(w, r, http.StatusOK, c, err)
}

type consentBody struct {
	// PatientID is the platform's patient identifier (platform callers);
	// patients act on themselves and leave it empty.
	PatientID    string `json:"patient_id"`
	AIProcessing string `json:"ai_processing"`
	Source       string `json:"source"`
}

func (s *Server) patientRef(r *http.Request, who pipeline.Who, patientID string) (string, error) {
	switch {
	case who.Role == access.RolePatient && patientID == "":
		return who.ID, nil
	case who.Role == access.RolePatient:
		return "", phi.Permanentf(phi.CodeInvalidInput, "patients act on their own record: leave patient_id empty")
	case strings.TrimSpace(patientID) == "":
		return "", phi.Permanentf(phi.CodeInvalidInput, "patient_id is required")
	}
	ref, err := s.p.PatientRef(r.Context(), patientID)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "patient reference unavailable")
	}
	return ref, nil
}

func (s *Server) setConsent(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
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
	c, err := s.p.SetConsent(r.Context(), who, ref, body.AIProcessing, body.Source)
	s.respond(w, r, http.StatusOK, c, err)
}

func (s *Server) getConsent(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
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
	c, err := s.p.GetConsent(r.Context(), who, ref)
	s.respond(w, r, http.StatusOK, c, err)
}

// auditExport answers "who accessed my data": a patient gets the entries
// about their own record; ops may filter by patient_ref, encounter and time.
func (s *Server) auditExport(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	q := r.URL.Query()
	f := pipeline.AuditFilter{PatientRef: q.Get("patient_ref"), EncounterID: q.Get("encounter")}
	for name, dst := range map[string]*time.Time{"since": &f.Since, "until": &f.Until} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "%s must be an RFC 3339 time", name))
				return
			}
			*dst = t
		}
	}
	format := q.Get("format")
	if format == "" {
		format = "jsonl"
	}
	if format != "jsonl" && format != "csv" {
		s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "format must be jsonl or csv"))
		return
	}
	entries, err := s.p.ExportAudit(r.Context(), who, f, s.audit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		writeCSV(w, entries)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	for _, e := range entries {
		_ = enc.Encode(e)
	}
}

func writeCSV(w io.Writer, entries []audit.Entry) {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"time", "event", "actor", "role", "patient_ref", "encounter_id", "version", "task", "provider", "model", "result", "request_id", "service", "worker"})
	for _, e := range entries {
		_ = cw.Write([]string{e.Time.UTC().Format(time.RFC3339Nano), string(e.Event), e.Actor, e.Role, e.PatientRef, e.EncounterID,
			strconv.Itoa(e.Version), e.Task, e.Provider, e.Model, e.Result, e.RequestID, e.Service, e.Worker})
	}
	cw.Flush()
}

func (s *Server) deleteEncounter(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	var body reasonBody
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	cert, err := s.p.Delete(r.Context(), who, r.PathValue("id"), body.Reason)
	s.respond(w, r, http.StatusOK, cert, err)
}

func (s *Server) legalHold(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	var body struct {
		Hold   bool   `json:"hold"`
		Reason string `json:"reason"`
	}
	if err := s.decodeJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	h, err := s.p.SetLegalHold(r.Context(), who, r.PathValue("id"), body.Hold, body.Reason)
	s.respond(w, r, http.StatusOK, h, err)
}

func (s *Server) humanQueue(w http.ResponseWriter, r *http.Request, who pipeline.Who) {
	if who.Role != access.RolePlatform {
		s.fail(w, r, s.p.Denied(r.Context(), who, access.ActStatus))
		return
	}
	ids, err := s.p.HumanQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"encounters": ids})
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml")
	_, _ = io.Copy(w, bytes.NewReader(docs.OpenAPI))
}
