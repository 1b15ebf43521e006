package cli_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

// `clinscribe list` prints a role's worklist a page at a time; `status`
// says where an encounter is, human documentation included.
func TestListAndStatusSayWhere(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + t.TempDir(), "CLINSCRIBE_WORKER_POLL_INTERVAL=100ms"}
	a, _ := startWorker(t, environ)
	submit := func(patient, provider string) string {
		t.Helper()
		code, out, errs := run(t, environ, "", "submit", "-note", filepath.Join(samples, "note-diabetes-visit.txt"),
			"-patient-id", patient, "-provider", provider, "-wait", "20s")
		if code != 0 {
			t.Fatalf("submit exited %d: %s", code, errs)
		}
		return strings.SplitN(out, "\n", 2)[0]
	}
	first, second := submit("MRN-00738112", "dr-brandt"), submit("MRN-00451287", "dr-brandt")
	submit("MRN-00451287", "dr-okafor")
	ref, err := a.Services.Pseudonyms.PatientRef(context.Background(), "MRN-00999001")
	if err != nil {
		t.Fatal(err)
	}
	platform := access.Who{Principal: access.Principal{ID: "front-desk", Role: access.RolePlatform}}
	if _, err := a.Services.Consent.Set(context.Background(), platform, ref, consent.Denied, "front-desk"); err != nil {
		t.Fatal(err)
	}
	human := submit("MRN-00999001", "dr-brandt")

	t.Run("Status", func(t *testing.T) {
		code, out, errs := run(t, environ, "", "status", human)
		for _, want := range []string{"(none: the patient opted out of AI processing; a clinician writes the note by hand)",
			"state       human_documentation: waiting for human documentation by dr-brandt"} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("status exited %d, lacks %q:\n%s%s", code, want, out, errs)
			}
		}
		code, out, _ = run(t, environ, "", "status", first)
		if code != 0 || !strings.Contains(out, "state       awaiting_signoff: draft v1 ready: awaiting sign-off") {
			t.Errorf("status of a draft:\n%s", out)
		}
	})
	t.Run("PageByPage", func(t *testing.T) {
		more := regexp.MustCompile(`more: clinscribe list -cursor (\S+)`)
		var pages []string
		args := []string{"list", "-as", "provider:dr-brandt", "-state", "awaiting_signoff", "-limit", "1"}
		for cursor := ""; ; {
			code, out, errs := run(t, environ, "", append(args, "-cursor", cursor)...)
			if code != 0 || len(pages) > 5 {
				t.Fatalf("page %d exited %d:\n%s%s", len(pages)+1, code, out, errs)
			}
			pages = append(pages, out)
			m := more.FindStringSubmatch(out)
			if m == nil {
				break
			}
			cursor = m[1]
		}
		// A full page says there may be more; the last may then be empty.
		if !strings.HasPrefix(pages[0], first+"  ") || !strings.HasPrefix(pages[1], second+"  ") ||
			len(pages) == 3 && pages[2] != "(no encounters)\n" || len(pages) > 3 {
			t.Errorf("pages:\n%s", strings.Join(pages, "--\n"))
		}
	})
	t.Run("HumanDocumentation", func(t *testing.T) {
		code, out, _ := run(t, environ, "", "list", "-as", "provider:dr-brandt", "-state", "human_documentation")
		if code != 0 || strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, human+"  ") || !strings.Contains(out, "waiting for human documentation") {
			t.Errorf("human documentation worklist exited %d:\n%s", code, out)
		}
	})
	t.Run("Everything", func(t *testing.T) {
		code, out, _ := run(t, environ, "", "list", "-json")
		if code != 0 || strings.Count(out, `"id": "enc_`) != 4 {
			t.Errorf("ops listing exited %d:\n%s", code, out)
		}
	})
	t.Run("BadRole", func(t *testing.T) {
		if code, _, errs := run(t, environ, "", "list", "-as", "nobody"); code != 2 || !strings.Contains(errs, "-as must be role:id") {
			t.Errorf("list -as nobody exited %d: %s", code, errs)
		}
	})
}
