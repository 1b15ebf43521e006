package api

import (
	"net/http"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// auditExport answers "who accessed my data": a patient gets the entries
// about their own record; ops may filter by patient_ref, encounter and time.
//
// view=readable (a patient's default) says who by name or role and
// organisation, what in plain words and when for people; view=raw (ops'
// default) is every field of every entry. format is jsonl (default), json
// (one document) or csv.
func (s *Server) auditExport(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	f := audit.Filter{PatientRef: q.Get("patient_ref"), EncounterID: q.Get("encounter")}
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
	if format != "jsonl" && format != "json" && format != "csv" {
		s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "format must be jsonl, json or csv"))
		return
	}
	view := q.Get("view")
	if view == "" {
		view = "raw"
		if who.Role == access.RolePatient {
			view = "readable"
		}
	}
	if view != "raw" && view != "readable" {
		s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "view must be readable or raw"))
		return
	}
	rows, err := s.svc.Guard.ExportAudit(r.Context(), who, f, s.svc.AuditRows)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if view == "raw" {
		// One writer for the API and the CLI: the same columns, and cells a
		// spreadsheet would run as a formula neutralised.
		switch format {
		case "csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			_ = audit.WriteCSV(w, rows)
		case "json":
			writeJSON(w, http.StatusOK, map[string]any{"entries": rows})
		default:
			w.Header().Set("Content-Type", "application/x-ndjson")
			_ = audit.WriteJSONL(w, rows)
		}
		return
	}
	viewer := f.PatientRef
	if who.Role == access.RolePatient {
		viewer = who.ID
	}
	readable, err := audit.Readable(rows, audit.ReadableOptions{Names: s.cfg.DisplayNames, Viewer: viewer})
	if err != nil {
		s.fail(w, r, phi.Wrap(err, phi.CodeNotConfigured, "api.display_names is not valid"))
		return
	}
	switch format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		_ = audit.WriteReadableCSV(w, readable)
	case "json":
		writeJSON(w, http.StatusOK, map[string]any{"entries": readable})
	default:
		w.Header().Set("Content-Type", "application/x-ndjson")
		_ = audit.WriteReadableJSONL(w, readable)
	}
}
