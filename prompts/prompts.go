// Package prompts holds the note templates every summary is made from.
// Templates are YAML files embedded in the binary (templates/*.yaml), and a
// clinic can add its own from a directory. Each has a version ID that
// changes whenever its text or the shared frame it is rendered in changes
// ("soap@1+3f2a9c1d": the declared revision plus the first bytes of a
// SHA-256 over the file and the frame), recorded with every draft and audit
// entry, and a JSON schema for the structured output a model must return.
//
// Render turns a template and source segments into the messages a model
// receives, with the source fenced as data; ValidateOutput and ParseOutput
// check a model's answer against the template's schema; Chunk splits a
// long source into parts that fit a context window.
package prompts

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed templates/*.yaml
var builtinFS embed.FS

// Kind is the clinical role of a section. Extractive summarizers route
// sentences by it; model prompts use the instruction.
type Kind string

const (
	KindSubjective     Kind = "subjective"
	KindObjective      Kind = "objective"
	KindAssessment     Kind = "assessment"
	KindPlan           Kind = "plan"
	KindAssessmentPlan Kind = "assessment_plan"
)

var kinds = map[Kind]bool{KindSubjective: true, KindObjective: true, KindAssessment: true, KindPlan: true, KindAssessmentPlan: true}

// Section is one part of the note a template asks for.
type Section struct {
	Key         string `yaml:"key"`
	Title       string `yaml:"title"`
	Kind        Kind   `yaml:"kind"`
	Instruction string `yaml:"instruction"`
}

// Template is one note format.
type Template struct {
	ID          string    `yaml:"id"`
	Revision    int       `yaml:"revision"`
	Title       string    `yaml:"title"`
	Audience    string    `yaml:"audience"` // clinician | patient
	Description string    `yaml:"description"`
	System      string    `yaml:"system"`
	Sections    []Section `yaml:"sections"`

	sha256 string
}

// Version is the template's version ID, recorded with every draft: the
// declared revision plus the first bytes of a SHA-256 over the template
// file and the frame it is rendered in (see Render), so any change to what
// a model is sent — the template or the shared frame — is a new version.
func (t *Template) Version() string {
	h := sha256.Sum256([]byte(t.sha256 + "\x00" + frameSHA256))
	return fmt.Sprintf("%s@%d+%s", t.ID, t.Revision, hex.EncodeToString(h[:4]))
}

// SHA256 is the hash of the template file.
func (t *Template) SHA256() string { return t.sha256 }

// Section returns the section with the key.
func (t *Template) Section(key string) (Section, bool) {
	for _, s := range t.Sections {
		if s.Key == key {
			return s, true
		}
	}
	return Section{}, false
}

var keyRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Parse reads one template file.
func Parse(data []byte) (*Template, error) {
	var t Template
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("prompts.Parse: %w", err)
	}
	if err := t.validate(); err != nil {
		return nil, fmt.Errorf("prompts.Parse: template %q: %w", t.ID, err)
	}
	sum := sha256.Sum256(data)
	t.sha256 = hex.EncodeToString(sum[:])
	return &t, nil
}

func (t *Template) validate() error {
	var errs []error
	if !keyRE.MatchString(t.ID) {
		errs = append(errs, errors.New("id must be lower-case letters, digits and _ (at most 40)"))
	}
	if t.Revision < 1 {
		errs = append(errs, errors.New("revision must be >= 1"))
	}
	if t.Title == "" || strings.TrimSpace(t.System) == "" {
		errs = append(errs, errors.New("title and system are required"))
	}
	if t.Audience != "clinician" && t.Audience != "patient" {
		errs = append(errs, errors.New("audience must be clinician or patient"))
	}
	if len(t.Sections) == 0 {
		errs = append(errs, errors.New("at least one section is required"))
	}
	seen := map[string]bool{}
	for i, s := range t.Sections {
		if !keyRE.MatchString(s.Key) || seen[s.Key] {
			errs = append(errs, fmt.Errorf("sections[%d]: key must be unique lower-case letters, digits and _", i))
		}
		seen[s.Key] = true
		if s.Title == "" || s.Instruction == "" {
			errs = append(errs, fmt.Errorf("sections[%d]: title and instruction are required", i))
		}
		if !kinds[s.Kind] {
			errs = append(errs, fmt.Errorf("sections[%d]: kind must be subjective, objective, assessment, plan or assessment_plan", i))
		}
	}
	return errors.Join(errs...)
}

// Registry holds templates by ID.
type Registry struct {
	byID map[string]*Template
}

// Builtin returns the templates embedded in the binary.
func Builtin() *Registry {
	r := &Registry{byID: map[string]*Template{}}
	if err := r.load(builtinFS, "templates"); err != nil {
		panic(err) // embedded files are checked by the tests
	}
	return r
}

// LoadDir adds the *.yaml templates in dir; a template may replace a
// built-in one with the same ID only with a higher revision.
func (r *Registry) LoadDir(dir string) error {
	return r.load(os.DirFS(dir), ".")
}

func (r *Registry) load(fsys fs.FS, dir string) error {
	names, err := fs.Glob(fsys, filepath.ToSlash(filepath.Join(dir, "*.yaml")))
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("prompts: %s: %w", name, err)
		}
		t, err := Parse(data)
		if err != nil {
			return fmt.Errorf("prompts: %s: %w", name, err)
		}
		if old, ok := r.byID[t.ID]; ok && old.Revision >= t.Revision {
			return fmt.Errorf("prompts: %s: template %q revision %d does not supersede revision %d", name, t.ID, t.Revision, old.Revision)
		}
		r.byID[t.ID] = t
	}
	return nil
}

// ErrUnknownTemplate is returned by Get for an ID with no template.
var ErrUnknownTemplate = errors.New("prompts: unknown template")

// Get returns the template with the ID.
func (r *Registry) Get(id string) (*Template, error) {
	t, ok := r.byID[id]
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownTemplate, id, strings.Join(r.IDs(), ", "))
	}
	return t, nil
}

// IDs lists the template IDs, sorted.
func (r *Registry) IDs() []string {
	ids := make([]string, 0, len(r.byID))
	for id := range r.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
