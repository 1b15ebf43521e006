package app_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

// With pseudonymization on, the AI server never receives an original
// identifier; the draft comes back with them restored. Without it, the
// same note's identifiers do reach the server — which shows the scan can
// see them.
func TestPseudonymizationKeepsIdentifiersFromProvider(t *testing.T) {
	t.Parallel()
	note, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "samples", "note-hypertension-followup.txt"))
	if err != nil {
		t.Fatal(err)
	}
	subject := encounter.Subject{PatientID: "MRN-00451287", PatientName: "Harold J. Whitcombe", BirthDate: "1952-03-04",
		Phone: "(617) 555-0148", Relatives: []string{"Margaret Whitcombe"}, ProviderName: "Dr. Lena Okafor"}
	identifiers := []string{"Whitcombe", "Harold", "Margaret", "00451287", "555-0148", "03/04/1952", "Okafor"}

	for _, pseudonymize := range []bool{true, false} {
		rs := redistest.Start(t)
		srv := openaitest.New(t, openaitest.Options{APIKey: simKey})
		cfg := openAIConfig(t, rs.URL, srv.URL+"/v1", true)
		cfg.AI.Providers[0].Pseudonymize = pseudonymize
		a := openApp(t, cfg)
		id, err := a.Pipeline.Submit(context.Background(), pipeline.SubmitRequest{
			Note: note, NoteContentType: "text/plain; charset=utf-8", Template: "soap", Subject: subject,
			ProviderID: "dr-okafor", Actor: "test", Role: "platform", Source: "test",
		})
		if err != nil {
			t.Fatal(err)
		}
		v := waitFinished(t, a, id)
		if v.Failure != nil || len(v.Drafts) != 1 {
			t.Fatalf("pseudonymize=%v: %+v", pseudonymize, v.Failure)
		}
		var sent strings.Builder
		chats := 0
		for _, r := range srv.Requests() {
			b, _ := json.Marshal(r.Body)
			sent.Write(b)
			if r.Kind == openaitest.KindChat {
				chats++
			}
		}
		if chats == 0 {
			t.Fatal("no chat request reached the server")
		}
		leaked := []string{}
		for _, s := range identifiers {
			if strings.Contains(sent.String(), s) {
				leaked = append(leaked, s)
			}
		}
		d, err := a.Services.Signoff.Draft(context.Background(), id, 1, signoff.Viewer{Actor: "dr-okafor", Role: "provider"})
		if err != nil {
			t.Fatal(err)
		}
		text := d.Text()
		if pseudonymize {
			if len(leaked) > 0 {
				t.Errorf("with pseudonymization the server received %v", leaked)
			}
			if !strings.Contains(text, "Margaret Whitcombe") {
				t.Errorf("identifiers were not restored in the draft:\n%s", text)
			}
		} else if len(leaked) == 0 {
			t.Error("without pseudonymization no identifier reached the server: the scan proves nothing")
		}
	}
}
