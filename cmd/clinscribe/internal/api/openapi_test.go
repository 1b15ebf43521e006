package api_test

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/docs"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/human"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
)

// Every route the server registers is described in docs/openapi.yaml, and
// every described operation is served.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	t.Parallel()
	var doc struct {
		OpenAPI string                               `yaml:"openapi"`
		Paths   map[string]map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi = %q", doc.OpenAPI)
	}
	described := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			described[strings.ToUpper(method)+" "+path] = true
		}
	}
	served := map[string]bool{}
	for _, r := range api.Routes() {
		served[r] = true
		if !described[r] {
			t.Errorf("route %s is not in docs/openapi.yaml", r)
		}
	}
	for op := range described {
		if !served[op] {
			t.Errorf("docs/openapi.yaml describes %s, which is not served", op)
		}
	}
}

// The reason codes the OpenAPI document describes are the ones the code
// enforces and suggests: the same pattern, the same suggested codes.
func TestOpenAPIReasonCodes(t *testing.T) {
	t.Parallel()
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Pattern   string   `yaml:"pattern"`
				Suggested []string `yaml:"x-suggested-codes"`
			} `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		schema    string
		suggested []string
	}{
		{"DeletionReason", retention.DeletionReasons},
		{"HoldReason", retention.HoldReasons},
	} {
		t.Run(c.schema, func(t *testing.T) {
			s := doc.Components.Schemas[c.schema]
			if s.Pattern != access.CodePattern {
				t.Errorf("pattern %q, want %q (access.CodePattern)", s.Pattern, access.CodePattern)
			}
			if d := cmp.Diff(c.suggested, s.Suggested); d != "" {
				t.Errorf("x-suggested-codes (-code +docs):\n%s", d)
			}
		})
	}
}

// The response bodies the Go types produce have exactly the fields
// docs/openapi.yaml describes: a field added to a type without its
// documentation (or documented but never sent) fails here.
func TestOpenAPIFieldsMatchTypes(t *testing.T) {
	t.Parallel()
	var doc struct {
		Components struct {
			Schemas map[string]schemaDoc `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	types := map[string]any{
		"WorklistItem": worklist.Item{}, "WorklistPage": worklist.Page{}, "Summary": encounter.Summary{},
		"Transcript": signoff.TranscriptView{}, "Segment": encounter.Segment{}, "Amendment": signoff.Amendment{},
		"Regeneration": pipeline.Regeneration{}, "HumanItem": human.Item{}, "Delivery": webhook.Delivery{},
		"DeliveryPage": webhook.DeliveryPage{}, "WebhookEvent": webhook.Event{}, "Draft": signoff.DraftView{},
		"Label": encounter.Label{},
		// The status answer with EHR write-back configured (without it the
		// same, minus ehr).
		"Status": struct {
			*pipeline.View
			EHR []ehr.Delivery `json:"ehr"`
		}{},
	}
	for name, v := range types {
		t.Run(name, func(t *testing.T) {
			if _, ok := doc.Components.Schemas[name]; !ok {
				t.Fatalf("schema %s is not in docs/openapi.yaml", name)
			}
			documented := doc.Components.Schemas[name].properties(doc.Components.Schemas)
			sent := jsonFields(reflect.TypeOf(v))
			if diff := cmp.Diff(sent, documented); diff != "" {
				t.Errorf("fields of %T (-sent +documented):\n%s", v, diff)
			}
		})
	}
}

type schemaDoc struct {
	Ref        string               `yaml:"$ref"`
	AllOf      []schemaDoc          `yaml:"allOf"`
	Properties map[string]yaml.Node `yaml:"properties"`
}

// properties are the property names of a schema, allOf and $ref resolved.
func (s schemaDoc) properties(all map[string]schemaDoc) []string {
	set := map[string]bool{}
	var walk func(schemaDoc)
	walk = func(s schemaDoc) {
		if s.Ref != "" {
			walk(all[strings.TrimPrefix(s.Ref, "#/components/schemas/")])
		}
		for _, sub := range s.AllOf {
			walk(sub)
		}
		for p := range s.Properties {
			set[p] = true
		}
	}
	walk(s)
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// jsonFields are the JSON member names encoding/json gives a struct type,
// embedded structs flattened.
func jsonFields(t reflect.Type) []string {
	set := map[string]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case name == "-":
			case f.Anonymous && name == "" && ft.Kind() == reflect.Struct:
				walk(ft)
			case !f.IsExported():
			case name == "":
				set[f.Name] = true
			default:
				set[name] = true
			}
		}
	}
	walk(t)
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
