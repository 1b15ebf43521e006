package api_test

import (
	"encoding/csv"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// The API's CSV audit export is the CLI's: the same columns, and a cell a
// spreadsheet would run as a formula is neutralised. (The API used to
// write 14 columns of its own without the guard.)
func TestAuditCSVExportIsTheOneWriter(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	req, err := http.NewRequest("GET", f.url+"/v1/audit?format=csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+f.tokens["formula"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("export: %d %s", resp.StatusCode, body)
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("csv: %v (%d rows)", err, len(rows))
	}
	if !slices.Equal(rows[0], audit.CSVHeader) {
		t.Fatalf("header %v, want the CLI's %v", rows[0], audit.CSVHeader)
	}
	actor := slices.Index(rows[0], "actor")
	found := false
	for _, r := range rows[1:] {
		switch r[actor] {
		case "'@SUM-1":
			found = true
		case "@SUM-1":
			t.Fatalf("a formula-like cell was written as it is: %v", r)
		}
	}
	if !found {
		t.Fatalf("the export's own entry (actor @SUM-1) is missing:\n%s", body)
	}
}
