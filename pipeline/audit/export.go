package audit

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"
)

// Filter selects entries. Zero fields select everything.
type Filter struct {
	PatientRef  string
	EncounterID string
	Since       time.Time // inclusive
	Until       time.Time // exclusive
}

func (f Filter) match(e *Entry) bool {
	return (f.PatientRef == "" || e.PatientRef == f.PatientRef) &&
		(f.EncounterID == "" || e.EncounterID == f.EncounterID) &&
		(f.Since.IsZero() || !e.Time.Before(f.Since)) &&
		(f.Until.IsZero() || e.Time.Before(f.Until))
}

// Row is an entry with its place in the trail.
type Row struct {
	Entry
	Chain string `json:"chain"`
	Seq   uint64 `json:"seq"`
}

// Query returns the entries that match f, ordered by time (then chain and
// seq). A record that does not parse or whose hash does not match is an
// error: run Verify.
func Query(ctx context.Context, r Reader, f Filter) ([]Row, error) {
	chains, err := r.Chains(ctx)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for _, c := range chains {
		err := r.ReadChain(ctx, c, func(l Line) error {
			if l.Partial {
				return nil // never acknowledged
			}
			rec, err := parseRecord(l.Data)
			if err != nil {
				return fmt.Errorf("audit: %s:%d: %v (run `clinscribe audit verify`)", l.Where, l.N, err)
			}
			e, err := rec.DecodeEntry()
			if err != nil {
				return fmt.Errorf("audit: %s:%d: %v", l.Where, l.N, err)
			}
			if f.match(&e) {
				rows = append(rows, Row{Entry: e, Chain: rec.Chain, Seq: rec.Seq})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		if a.Chain != b.Chain {
			return a.Chain < b.Chain
		}
		return a.Seq < b.Seq
	})
	return rows, nil
}

// WriteJSONL writes one JSON object per row.
func WriteJSONL(w io.Writer, rows []Row) error {
	enc := json.NewEncoder(w)
	for i := range rows {
		if err := enc.Encode(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// CSVHeader is the header row of WriteCSV.
var CSVHeader = []string{
	"time", "event", "actor", "role", "patient_ref", "encounter_id", "version", "action", "object_id", "count",
	"result", "task", "provider", "model", "prompt_version", "attestation", "input_sha256", "output_sha256",
	"latency_ms", "tokens_in", "tokens_out", "provider_request_id", "call_id", "task_id", "request_id",
	"service", "worker", "chain", "seq", "http_status",
}

// WriteCSV writes a header and one row per entry. Cells that a spreadsheet
// would take for a formula are prefixed with a quote.
func WriteCSV(w io.Writer, rows []Row) error {
	num := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	recs := make([][]string, len(rows))
	for i, r := range rows {
		e := r.Entry
		recs[i] = []string{
			e.Time.UTC().Format(time.RFC3339Nano), string(e.Event), e.Actor, e.Role, e.PatientRef, e.EncounterID,
			num(int64(e.Version)), string(e.Action), e.ObjectID, num(int64(e.Count)),
			e.Result, e.Task, e.Provider, e.Model, e.PromptVersion, e.Attestation, e.InputSHA256, e.OutputSHA256,
			num(e.LatencyMS), num(int64(e.TokensIn)), num(int64(e.TokensOut)), e.ProviderRequestID, e.CallID, e.TaskID, e.RequestID,
			e.Service, e.Worker, r.Chain, strconv.FormatUint(r.Seq, 10), num(int64(e.HTTPStatus)),
		}
	}
	return writeCSV(w, CSVHeader, recs)
}

// writeCSV is the one CSV writer of the audit exports (raw and readable):
// a header, then the records, every cell through csvSafe.
func writeCSV(w io.Writer, header []string, recs [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, rec := range recs {
		for i, v := range rec {
			rec[i] = csvSafe(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvSafe(v string) string {
	if v != "" {
		switch v[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + v
		}
	}
	return v
}
