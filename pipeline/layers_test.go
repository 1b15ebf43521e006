package pipeline_test

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/clinscribe/clinscribe/"

// layers orders the module's packages, lowest first: a package imports
// only packages of lower layers, or of its own family in its own layer
// (pipeline/ai/openai may use pipeline/ai/ratelimit). A new package must
// be placed here; the test names any that is not.
var layers = [][]string{
	{"storage", "storage/storagetest", "storage/kmstest", "storage/s3test", "pipeline/phi", "pipeline/audit",
		"pipeline/audit/audittest", "pipeline/caption", "pipeline/audio", "pipeline/ai/tokens",
		"deid", "deid/eval", "deid/internal/corpusgen", "deid/internal/tagger", "deid/internal/gazetteer", "deid/internal/nicknames", "deid/internal/english", "deid/internal/mirror", "deid/internal/publicfigures", "deid/internal/companies", "docs", "worker/health",
		"worker/redistest", "pipeline/ehr/ehrtest", "pipeline/ai/spoken", "pipeline/ai/shorthand", "pipeline/ai/prefilter", "pipeline/page"},
	{"pipeline/encounter", "pipeline/ai/resilience"},
	{"prompts", "pipeline/source", "pipeline/fhir", "pipeline/pseudonym", "pipeline/ai/stitch", "pipeline/ai/ratelimit"},
	{"pipeline/ai", "pipeline/ai/factcheck", "pipeline/ai/coverage"},
	{"pipeline/ai/offline", "pipeline/ai/openai", "pipeline/ai/aws", "pipeline/ai/echotest", "pipeline/ai/aitest",
		"pipeline/ai/openaitest", "pipeline/ai/aws/awstest", "pipeline/access", "pipeline/ai/drafteval", "pipeline/ehr"},
	{"pipeline/idempotency", "pipeline/signoff", "pipeline/review", "pipeline/consent", "pipeline/retention", "pipeline/aggregate",
		"pipeline/webhook", "pipeline/human", "pipeline/worklist"},
	{"pipeline"},
	{"worker", "worker/metrics", "worker/workertest"},
	{"cmd/clinscribe/internal/httpreq", "cmd/clinscribe/internal/canary"},
	{"cmd/clinscribe/internal/api", "cmd/clinscribe/internal/console"},
	{"cmd/clinscribe/internal/config"},
	{"cmd/clinscribe/internal/app"},
	{"cmd/clinscribe/internal/cli"},
	{"cmd/clinscribe"},
}

// family is what a package may share a layer with: "pipeline/ai/openai"
// and "pipeline/ai/ratelimit" are both of "pipeline/ai".
func family(pkg string) string {
	for _, f := range []string{"pipeline/ai", "storage", "deid", "worker", "pipeline/audit"} {
		if pkg == f || strings.HasPrefix(pkg, f+"/") {
			return f
		}
	}
	return pkg
}

// TestNoPackageImportsUpward reads every package's imports (test files
// excluded) and checks them against layers: no arrow points up, no two
// packages of one layer depend on each other across families.
func TestNoPackageImportsUpward(t *testing.T) {
	layerOf := map[string]int{}
	for i, l := range layers {
		for _, p := range l {
			layerOf[p] = i
		}
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if name := d.Name(); name == "testdata" || strings.HasPrefix(name, ".") || name == "node_modules" {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if _, none := err.(*build.NoGoError); none {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		self := filepath.ToSlash(rel)
		from, ok := layerOf[self]
		if !ok {
			t.Errorf("package %s is not placed in layers (layers_test.go)", self)
			return nil
		}
		checked++
		for _, imp := range pkg.Imports {
			dep, ok := strings.CutPrefix(imp, module)
			if !ok {
				continue
			}
			to, known := layerOf[dep]
			switch {
			case !known:
				t.Errorf("%s imports %s, which is not placed in layers", self, dep)
			case to > from:
				t.Errorf("%s (layer %d) imports %s (layer %d): an arrow pointing up", self, from, dep, to)
			case to == from && family(dep) != family(self):
				t.Errorf("%s imports %s of its own layer %d from another family", self, dep, from)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 40 {
		t.Fatalf("only %d packages checked: the walk missed the module", checked)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("%s is not the module root: %v", root, err)
	}
}
