package fhir

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
)

// Problem is one reason a resource does not validate: where (a FHIRPath-
// like location) and what, never a value from the resource.
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// ValidationError lists everything wrong with a resource.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return "fhir: invalid resource: " + strings.Join(parts, "; ")
}

// ErrInvalid is matched (errors.Is) by every *ValidationError.
var ErrInvalid = errors.New("fhir: invalid resource")

// Is implements errors.Is for ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// The R4 validator is Google's FHIR library (github.com/google/fhir/go):
// the resource is parsed into the R4 protocol buffers generated from the
// official StructureDefinitions, which refuses unknown elements, wrong
// types, codes outside required bindings and malformed primitives, then
// checked for required elements (minimum cardinality) and reference
// target types.
var r4 = sync.OnceValues(func() (*jsonformat.Unmarshaller, error) {
	return jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
})

// errorAt matches the library's messages; they carry a path and a
// message that by design holds no value from the resource (values go to
// a diagnostics field its Error method leaves out).
var errorAt = regexp.MustCompile(`^error at "([^"]*)": (.*)$`)

// Validate checks a resource (or a Bundle and every resource in it)
// against FHIR R4.
func Validate(resource []byte) error {
	u, err := r4()
	if err != nil {
		return fmt.Errorf("fhir.Validate: %w", err)
	}
	if ps := jsonRules(resource); len(ps) > 0 {
		return &ValidationError{Problems: ps}
	}
	if _, err := u.Unmarshal(resource); err != nil {
		var ps []Problem
		for _, line := range strings.Split(err.Error(), "\n") {
			line = strings.TrimSpace(line)
			if m := errorAt.FindStringSubmatch(line); m != nil {
				ps = append(ps, Problem{Path: m[1], Message: m[2]})
			} else if line != "" {
				ps = append(ps, Problem{Path: "(resource)", Message: "not parseable as FHIR R4 JSON"})
			}
		}
		if len(ps) == 0 {
			ps = []Problem{{Path: "(resource)", Message: "invalid"}}
		}
		return &ValidationError{Problems: ps}
	}
	return nil
}

// ValidateNote checks a write-back DocumentReference: FHIR R4, then the
// US Core DocumentReference constraints a US EHR enforces (written out
// here, since no Go library evaluates US Core profiles), then the
// project's own rule that an AI-drafted note keeps its AIAST label.
func ValidateNote(resource []byte, p Profiles) error {
	if err := Validate(resource); err != nil {
		return err
	}
	p = p.WithDefaults()
	var doc DocumentReference
	if err := json.Unmarshal(resource, &doc); err != nil {
		return fmt.Errorf("fhir.ValidateNote: %w", err)
	}
	var ps []Problem
	add := func(path, msg string) { ps = append(ps, Problem{Path: path, Message: msg}) }
	if doc.Meta == nil || !slices.Contains(doc.Meta.Profile, p.DocumentProfile) {
		add("DocumentReference.meta.profile", "must claim "+p.DocumentProfile)
	}
	// An AI-drafted note (a Device among its authors) carries AIAST; a note
	// a person wrote carries no AI label.
	aiAuthor := slices.ContainsFunc(doc.Author, func(r Reference) bool { return strings.HasPrefix(r.Reference, "Device/") })
	aiast := doc.Meta != nil && slices.ContainsFunc(doc.Meta.Security, func(c Coding) bool {
		return c.System == SystemObservationValue && c.Code == "AIAST"
	})
	switch {
	case aiAuthor && !aiast:
		add("DocumentReference.meta.security", "an AI-drafted note must carry AIAST")
	case aiast && !aiAuthor:
		add("DocumentReference.author", "a note labeled AIAST names the AI Device among its authors")
	}
	if len(doc.Identifier) == 0 || doc.Identifier[0].System == "" || doc.Identifier[0].Value == "" {
		add("DocumentReference.identifier", "required (system and value) for conditional create")
	}
	if doc.Type == nil || !slices.ContainsFunc(doc.Type.Coding, func(c Coding) bool { return c.System == SystemLOINC && c.Code != "" }) {
		add("DocumentReference.type", "US Core: 1..1, a LOINC document type")
	}
	if !slices.ContainsFunc(doc.Category, func(c Concept) bool {
		return slices.ContainsFunc(c.Coding, func(c Coding) bool { return c.System == SystemUSCoreDocCategory && c.Code == "clinical-note" })
	}) {
		add("DocumentReference.category", "US Core: clinical-note required")
	}
	if doc.Subject == nil || !strings.HasPrefix(doc.Subject.Reference, "Patient/") {
		add("DocumentReference.subject", "US Core: 1..1, a reference to the server's Patient")
	}
	if doc.Date == "" {
		add("DocumentReference.date", "US Core: must support (the signing time)")
	}
	if len(doc.Author) == 0 {
		add("DocumentReference.author", "US Core: must support")
	}
	if len(doc.Content) == 0 {
		add("DocumentReference.content", "US Core: 1..*")
	}
	for i, c := range doc.Content {
		path := fmt.Sprintf("DocumentReference.content[%d].attachment", i)
		if c.Attachment.ContentType == "" {
			add(path+".contentType", "US Core: must support")
		}
		if c.Attachment.Data == "" {
			add(path, "us-core-6: data or url required (data is sent)")
		}
	}
	if len(ps) > 0 {
		return &ValidationError{Problems: ps}
	}
	return nil
}

// ValidateProvenance checks a write-back Provenance: FHIR R4, the AI
// Provenance profile claimed, an author and a verifier agent.
func ValidateProvenance(resource []byte, p Profiles) error {
	if err := Validate(resource); err != nil {
		return err
	}
	p = p.WithDefaults()
	var prov Provenance
	if err := json.Unmarshal(resource, &prov); err != nil {
		return fmt.Errorf("fhir.ValidateProvenance: %w", err)
	}
	var ps []Problem
	if prov.Meta == nil || !slices.Contains(prov.Meta.Profile, p.ProvenanceProfile) {
		ps = append(ps, Problem{"Provenance.meta.profile", "must claim " + p.ProvenanceProfile})
	}
	roles := map[string]bool{}
	for _, a := range prov.Agent {
		if a.Type != nil {
			for _, c := range a.Type.Coding {
				roles[c.Code] = true
			}
		}
	}
	if !roles["author"] || !roles["verifier"] {
		ps = append(ps, Problem{"Provenance.agent", "an author (the AI Device) and a verifier (the signer) are required"})
	}
	if len(ps) > 0 {
		return &ValidationError{Problems: ps}
	}
	return nil
}

// jsonRules checks what FHIR's JSON format forbids and the library lets
// through: empty or whitespace-only strings, empty objects and arrays,
// and null outside primitive arrays (http://hl7.org/fhir/R4/json.html).
func jsonRules(resource []byte) []Problem {
	var v any
	if err := json.Unmarshal(resource, &v); err != nil {
		return []Problem{{Path: "(resource)", Message: "not JSON"}}
	}
	var ps []Problem
	var walk func(path string, v any, inArray bool)
	walk = func(path string, v any, inArray bool) {
		switch x := v.(type) {
		case nil:
			if !inArray {
				ps = append(ps, Problem{path, "null is not allowed"})
			}
		case string:
			if strings.TrimSpace(x) == "" {
				ps = append(ps, Problem{path, "empty string"})
			}
		case []any:
			if len(x) == 0 {
				ps = append(ps, Problem{path, "empty array"})
			}
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e, true)
			}
		case map[string]any:
			if len(x) == 0 {
				ps = append(ps, Problem{path, "empty object"})
			}
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				walk(path+"."+k, x[k], false)
			}
		}
	}
	root, _ := v.(map[string]any)
	rt, _ := root["resourceType"].(string)
	if rt == "" {
		rt = "(resource)"
	}
	for k, e := range root {
		if k != "resourceType" {
			walk(rt+"."+k, e, false)
		}
	}
	slices.SortFunc(ps, func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
	return ps
}
