package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/cli"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// A known route asked with a method it does not take answers 405 with an
// Allow header naming the methods it does take (a catch-all route used to
// turn these into 404s); an unknown path is still 404.
func TestWrongMethodAnswers405(t *testing.T) {
	t.Parallel()
	ts, _ := bareServer(t, api.Options{})
	for _, c := range []struct {
		name, method, path string
		wantCode           int
		wantAllow          string
	}{
		{"DeleteEncounter", "DELETE", "/v1/encounters/enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", 405, "GET, HEAD"},
		{"GetSign", "GET", "/v1/encounters/enc_aaaaaaaaaaaaaaaaaaaaaaaaaa/versions/1/sign", 405, "POST"},
		{"PostConsent", "POST", "/v1/consent", 405, "GET, HEAD, PUT"},
		{"PutAudit", "PUT", "/v1/audit", 405, "GET, HEAD"},
		{"UnknownPath", "GET", "/v1/secrets", 404, ""},
		{"UnknownPathOtherMethod", "DELETE", "/v1/secrets", 404, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest(c.method, ts.URL+c.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			b, _ := io.ReadAll(resp.Body)
			if err := json.Unmarshal(b, &e); err != nil || e.Error.Code == "" {
				t.Fatalf("%d without a JSON error body: %s", resp.StatusCode, b)
			}
			got := fmt.Sprintf("%d %s", resp.StatusCode, resp.Header.Get("Allow"))
			if want := fmt.Sprintf("%d %s", c.wantCode, c.wantAllow); got != want {
				t.Errorf("status and Allow = %q, want %q (%s)", got, want, b)
			}
			if c.wantCode == 405 && (e.Error.Code != "method_not_allowed" || !strings.Contains(e.Error.Message, c.wantAllow)) {
				t.Errorf("error %+v does not say which methods the route takes", e.Error)
			}
		})
	}
}

// `reason` for a deletion or a legal hold is a code: free text is refused
// with a message that says what is allowed (the shape and the suggested
// codes), and nothing is deleted.
func TestReasonErrorSaysWhatIsAllowed(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	_, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(id)
	for _, c := range []struct {
		name, who, method, path string
		body                    map[string]any
		want                    []string
	}{
		{"DeletionFreeText", "patientP", "POST", "/v1/encounters/" + id + "/deletion", map[string]any{"reason": "I want my data removed"},
			[]string{"no spaces", "patient-request", "duplicate", "wrong-patient", "entered-in-error", "legal-matter"}},
		{"DeletionEmpty", "patientP", "POST", "/v1/encounters/" + id + "/deletion", map[string]any{},
			[]string{"patient-request"}},
		{"HoldFreeText", "ops", "PUT", "/v1/encounters/" + id + "/legal-hold", map[string]any{"hold": true, "reason": "per counsel's letter"},
			[]string{"matter-2026-17", "legal-matter", "no spaces"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var e apiError
			if code := f.call(c.who, c.method, c.path, c.body, &e); code != http.StatusBadRequest || e.Code != "invalid_input" {
				t.Fatalf("%d %+v, want 400 invalid_input", code, e)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Message, w) {
					t.Errorf("message %q does not mention %q", e.Message, w)
				}
			}
		})
	}
	if code := f.call("platform", "GET", "/v1/encounters/"+id, nil, nil); code != http.StatusOK {
		t.Fatalf("the encounter is gone after refused deletions: %d", code)
	}
}

// serveForReal runs the API as `clinscribe serve` does (Serve: with the
// token file watched) on a free port of this machine.
func (f *fixture) serveForReal() string {
	f.t.Helper()
	srv, err := f.a.NewAPI()
	if err != nil {
		f.t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	f.t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			f.t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// cliRun runs the clinscribe command line on the fixture's data directory.
func (f *fixture) cliRun(args ...string) (int, string, string) {
	f.t.Helper()
	var out, errs bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs,
		Environ: []string{"CLINSCRIBE_DATA_DIR=" + f.cfg.DataDir}, LogOutput: io.Discard})
	return code, out.String(), errs.String()
}

// Acceptance (issue 14): a token created while `serve` runs is accepted,
// and a revoked one refused, within a second and without a restart.
func TestTokenChangesTakeEffectWithoutRestart(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	base := f.serveForReal()
	status := func(token string) int {
		req, _ := http.NewRequest("GET", base+"/v1/reviews", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	t.Run("Created", func(t *testing.T) {
		code, out, errs := f.cliRun("token", "create", "-id", "tok-new-reviewer", "-role", "reviewer", "-subject", "rev-9")
		if code != 0 {
			t.Fatalf("token create: %d %s", code, errs)
		}
		token := strings.TrimSpace(out)
		start := time.Now()
		workertest.Eventually(t, time.Second, func() error {
			if s := status(token); s != http.StatusOK {
				return fmt.Errorf("the new token gets %d", s)
			}
			return nil
		})
		t.Logf("accepted %s after `token create`", time.Since(start).Round(time.Millisecond))
	})
	t.Run("Revoked", func(t *testing.T) {
		if s := status(f.tokens["reviewer"]); s != http.StatusOK {
			t.Fatalf("before revocation the token gets %d", s)
		}
		if code, out, errs := f.cliRun("token", "revoke", "tok-reviewer"); code != 0 || !strings.Contains(out, "revoked") {
			t.Fatalf("token revoke: %d %s %s", code, out, errs)
		}
		start := time.Now()
		workertest.Eventually(t, time.Second, func() error {
			if s := status(f.tokens["reviewer"]); s != http.StatusUnauthorized {
				return fmt.Errorf("the revoked token gets %d", s)
			}
			return nil
		})
		t.Logf("refused %s after `token revoke`", time.Since(start).Round(time.Millisecond))
		if s := status(f.tokens["reviewer2"]); s != http.StatusOK {
			t.Errorf("another reviewer's token gets %d after the revocation", s)
		}
	})
}

// readableRow is a row of the readable access log as a client decodes it.
type readableRow struct {
	Time         string `json:"time"`
	When         string `json:"when"`
	Who          string `json:"who"`
	Role         string `json:"role"`
	Organization string `json:"organization"`
	What         string `json:"what"`
	EncounterID  string `json:"encounter_id"`
	Event        string `json:"event"`
}

// The patient's access log (GET /v1/audit as a patient) reads as who (name
// or role, and the organisation), what (in plain words) and when (RFC 3339
// and for people), in JSON and CSV; it names no patient and shows no
// patient reference.
func TestPatientAccessLogIsReadable(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *configT) {
		c.API.DisplayNames = audit.Names{Organization: "Riverside Family Clinic", TimeZone: "America/Chicago",
			Actors: map[string]string{"dr-okafor": "Dr. Lena Okafor", "clinic-platform": "Riverside EHR"}}
	})
	_, id := f.submitNote("platform", "MRN-00451287", "dr-okafor", "note-hypertension-followup.txt")
	f.waitDraft(id)
	var d struct {
		ContentSHA256 string `json:"content_sha256"`
	}
	f.call("drA", "GET", "/v1/encounters/"+id+"/draft", nil, &d)
	if code := f.call("drA", "POST", "/v1/encounters/"+id+"/versions/1/sign", map[string]string{"content_sha256": d.ContentSHA256, "attestation": "Reviewed."}, nil); code != 200 {
		t.Fatalf("sign: %d", code)
	}
	f.call("patientQ", "GET", "/v1/encounters/"+id+"/draft", nil, &apiError{}) // refused, and on P's record

	get := func(who, query string) (int, []byte) {
		req, _ := http.NewRequest("GET", f.url+"/v1/audit"+query, nil)
		req.Header.Set("Authorization", "Bearer "+f.tokens[who])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	// who/what pairs the log must hold, whatever else it holds.
	want := []string{
		"Riverside EHR | clinic system | Riverside Family Clinic | submitted your visit for documentation",
		"An AI model (clinscribe-extractive-1) from offline | AI model |  | drafted your note",
		"Dr. Lena Okafor | clinician | Riverside Family Clinic | viewed your note (version 1)",
		"Dr. Lena Okafor | clinician | Riverside Family Clinic | signed your note (version 1)",
		"Another patient | patient |  | tried to view your note and was refused",
	}
	check := func(t *testing.T, body []byte, rows []readableRow) {
		t.Helper()
		have := map[string]bool{}
		for _, r := range rows {
			have[r.Who+" | "+r.Role+" | "+r.Organization+" | "+r.What] = true
			if _, err := time.Parse(time.RFC3339, r.Time); err != nil {
				t.Errorf("time %q is not RFC 3339", r.Time)
			}
			if _, err := time.Parse(audit.HumanTimeLayout, r.When); err != nil || !strings.HasSuffix(r.When, "CST") && !strings.HasSuffix(r.When, "CDT") {
				t.Errorf("when %q is not a human time in the clinic's zone", r.When)
			}
			if r.EncounterID != "" && r.EncounterID != id {
				t.Errorf("a row about encounter %q in P's log", r.EncounterID)
			}
		}
		var missing []string
		for _, w := range want {
			if !have[w] {
				missing = append(missing, w)
			}
		}
		if len(missing) > 0 {
			t.Errorf("the log lacks:\n  %s\nit has:\n  %s", strings.Join(missing, "\n  "), strings.Join(keys(have), "\n  "))
		}
		for _, leak := range []string{"pt_", "MRN-", "Whitcombe", "ai.request", "sha256"} {
			if bytes.Contains(body, []byte(leak)) {
				t.Errorf("the readable log shows %q", leak)
			}
		}
	}
	t.Run("JSON", func(t *testing.T) {
		code, body := get("patientP", "?format=json")
		var doc struct{ Entries []readableRow }
		if code != 200 || json.Unmarshal(body, &doc) != nil {
			t.Fatalf("%d %s", code, body)
		}
		check(t, body, doc.Entries)
	})
	t.Run("CSV", func(t *testing.T) {
		code, body := get("patientP", "?format=csv")
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if code != 200 || err != nil || len(recs) < 2 {
			t.Fatalf("%d %v %s", code, err, body)
		}
		if d := cmp.Diff(audit.ReadableCSVHeader, recs[0]); d != "" {
			t.Fatalf("header (-want +got):\n%s", d)
		}
		var rows []readableRow
		for _, r := range recs[1:] {
			rows = append(rows, readableRow{Time: r[0], When: r[1], Who: r[2], Role: r[3], Organization: r[4], What: r[5], EncounterID: r[6], Event: r[7]})
		}
		check(t, body, rows)
	})
	t.Run("OpsAnsweringThePatient", func(t *testing.T) {
		var ref string
		for _, e := range auditEvents(t, f.cfg.Audit.Dir) {
			if e.EncounterID == id {
				ref = e.PatientRef
			}
		}
		code, body := get("ops", "?view=readable&format=json&patient_ref="+ref)
		var doc struct{ Entries []readableRow }
		if code != 200 || json.Unmarshal(body, &doc) != nil {
			t.Fatalf("%d %s", code, body)
		}
		check(t, body, doc.Entries)
	})
	t.Run("OpsDefaultIsRaw", func(t *testing.T) {
		code, body := get("ops", "?encounter="+id)
		if code != 200 || !bytes.Contains(body, []byte(`"patient_ref"`)) || !bytes.Contains(body, []byte(`"input_sha256"`)) {
			t.Fatalf("ops' default export is not the raw one: %d %.300s", code, body)
		}
	})
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
