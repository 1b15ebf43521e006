package prompts_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
)

func TestValidateOutput(t *testing.T) {
	t.Parallel()
	tmpl, _ := prompts.Builtin().Get("soap")
	for _, tc := range []struct {
		name, doc string
		want      string // substring of the error; "" for valid
	}{
		{"valid", `{"subjective":[{"text":"Cough.","evidence":["seg-0001"]}],"objective":[],"assessment":[],"plan":[]}`, ""},
		{"not json", `{"subjective":`, "not valid JSON"},
		{"trailing text", `{"subjective":[],"objective":[],"assessment":[],"plan":[]} and more`, "text after"},
		{"missing section", `{"subjective":[],"objective":[],"assessment":[]}`, `missing required property "plan"`},
		{"wrong type", `{"subjective":"Cough","objective":[],"assessment":[],"plan":[]}`, "$.subjective: expected array, got string"},
		{"missing evidence", `{"subjective":[{"text":"Cough."}],"objective":[],"assessment":[],"plan":[]}`, `$.subjective[0]: missing required property "evidence"`},
		{"evidence not strings", `{"subjective":[{"text":"Cough.","evidence":[1]}],"objective":[],"assessment":[],"plan":[]}`, "$.subjective[0].evidence[0]: expected string, got integer"},
		{"extra property", `{"subjective":[],"objective":[],"assessment":[],"plan":[],"John Smith has diabetes":[]}`, "$: 1 property(ies) not in the schema"},
		{"top level array", `[]`, "$: expected object, got array"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tmpl.ValidateOutput([]byte(tc.doc))
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.want != "" && err == nil:
				t.Fatal("no error")
			case tc.want != "":
				if !errors.Is(err, prompts.ErrOutputInvalid) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("error %q, want it to contain %q", err, tc.want)
				}
				// Values from the output never appear in the message.
				for _, leak := range []string{"Cough", "John", "diabetes"} {
					if strings.Contains(err.Error(), leak) {
						t.Errorf("error %q quotes output text %q", err, leak)
					}
				}
			}
		})
	}
}

func TestParseOutput(t *testing.T) {
	t.Parallel()
	tmpl, _ := prompts.Builtin().Get("soap")
	got, err := tmpl.ParseOutput([]byte(`{"plan":[{"text":" Start losartan. ","evidence":["seg-0040"," "]},{"text":"","evidence":[]}],
		"subjective":[{"text":"Cough for two weeks.","evidence":["seg-0003","seg-0004"]}],"objective":[],"assessment":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []encounter.Section{
		{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{{Text: "Cough for two weeks.", Evidence: []string{"seg-0003", "seg-0004"}}}},
		{Key: "objective", Title: "Objective", Sentences: []encounter.Sentence{}},
		{Key: "assessment", Title: "Assessment", Sentences: []encounter.Sentence{}},
		{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{{Text: "Start losartan.", Evidence: []string{"seg-0040"}}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if id, ok := prompts.TemplateIDFromSchemaName(tmpl.SchemaName()); !ok || id != "soap" {
		t.Errorf("schema name round trip: %q %v", id, ok)
	}
}

func FuzzValidateJSON(f *testing.F) {
	f.Add([]byte(`{"subjective":[],"objective":[],"assessment":[],"plan":[]}`))
	f.Add([]byte(`{"a":[{"text":1}]}`))
	f.Add([]byte(`nul`))
	tmpl, _ := prompts.Builtin().Get("soap")
	f.Fuzz(func(t *testing.T, doc []byte) {
		err := tmpl.ValidateOutput(doc)
		if err == nil {
			if _, err := tmpl.ParseOutput(doc); err != nil {
				t.Fatalf("valid per schema but ParseOutput failed: %v", err)
			}
		}
	})
}
