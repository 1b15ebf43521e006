package api_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/docs"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/retention"
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
