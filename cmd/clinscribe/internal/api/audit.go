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
	if format != "jsonl" && format != "csv" {
		s.fail(w, r, phi.Permanentf(phi.CodeInvalidInput, "format must be jsonl or csv"))
		return
	}
	rows, err := s.svc.Guard.ExportAudit(r.Context(), who, f, s.svc.AuditRows)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// One writer for the API and the CLI: the same columns, and cells a
	// spreadsheet would run as a formula neutralised.
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		_ = audit.WriteCSV(w, rows)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	_ = audit.WriteJSONL(w, rows)
}
