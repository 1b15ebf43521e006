package api_test

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/docs"
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
