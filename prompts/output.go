package prompts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// ErrOutputInvalid wraps every validation failure. Its messages name JSON
// paths built from the schema's own keys and the expected types — never a
// value from the output, which may quote the source — so they are safe to
// log, store and send back to the model in a repair request.
var ErrOutputInvalid = errors.New("output does not match the schema")

// maxProblems bounds how many problems one error lists.
const maxProblems = 5

// ValidateJSON checks doc against schema, for the subset of JSON Schema
// that strict structured outputs use: type (one or a list), properties,
// required, additionalProperties (false or a schema), items and enum.
func ValidateJSON(schema map[string]any, doc []byte) error {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("%w: not valid JSON", ErrOutputInvalid)
	}
	if dec.More() {
		return fmt.Errorf("%w: text after the JSON value", ErrOutputInvalid)
	}
	var probs []string
	validate(schema, v, "$", &probs)
	if len(probs) == 0 {
		return nil
	}
	more := ""
	if len(probs) > maxProblems {
		more = fmt.Sprintf(" (and %d more)", len(probs)-maxProblems)
		probs = probs[:maxProblems]
	}
	return fmt.Errorf("%w: %s%s", ErrOutputInvalid, strings.Join(probs, "; "), more)
}

func typeOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if _, err := x.Int64(); err == nil {
			return "integer"
		}
		return "number"
	case float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

func typeMatches(want string, got string) bool {
	return want == got || (want == "number" && got == "integer")
}

func validate(schema map[string]any, v any, path string, probs *[]string) {
	if len(*probs) > maxProblems {
		return
	}
	got := typeOf(v)
	switch want := schema["type"].(type) {
	case string:
		if !typeMatches(want, got) {
			*probs = append(*probs, fmt.Sprintf("%s: expected %s, got %s", path, want, got))
			return
		}
	case []any:
		ok := false
		for _, w := range want {
			if s, _ := w.(string); typeMatches(s, got) {
				ok = true
			}
		}
		if !ok {
			*probs = append(*probs, fmt.Sprintf("%s: got %s, not an allowed type", path, got))
			return
		}
	case []string:
		ok := false
		for _, w := range want {
			ok = ok || typeMatches(w, got)
		}
		if !ok {
			*probs = append(*probs, fmt.Sprintf("%s: got %s, not an allowed type", path, got))
			return
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if fmt.Sprint(e) == fmt.Sprint(v) {
				found = true
			}
		}
		if !found {
			*probs = append(*probs, fmt.Sprintf("%s: not one of the allowed values", path))
		}
	}
	switch x := v.(type) {
	case string:
		if !utf8.ValidString(x) {
			*probs = append(*probs, fmt.Sprintf("%s: not valid UTF-8", path))
		}
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, name := range stringList(schema["required"]) {
			if _, ok := x[name]; !ok {
				*probs = append(*probs, fmt.Sprintf("%s: missing required property %q", path, name))
			}
		}
		var names []string
		for name := range x {
			names = append(names, name)
		}
		sort.Strings(names)
		extra := 0
		for _, name := range names {
			ps, known := props[name].(map[string]any)
			if known {
				validate(ps, x[name], path+"."+name, probs)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					extra++ // the name may be free text: counted, not quoted
				}
			case map[string]any:
				validate(ap, x[name], path+".*", probs)
			}
		}
		if extra > 0 {
			*probs = append(*probs, fmt.Sprintf("%s: %d property(ies) not in the schema", path, extra))
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, e := range x {
				validate(items, e, fmt.Sprintf("%s[%d]", path, i), probs)
			}
		}
	}
}

func stringList(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ValidateOutput checks a model's answer against the template's schema.
func (t *Template) ValidateOutput(raw []byte) error {
	return ValidateJSON(t.OutputSchema(), raw)
}

// ParseOutput validates a model's answer and returns it as the template's
// sections, in template order. Sentences keep the evidence the model
// cited; the gateway checks it against the source afterwards. Blank
// sentences are dropped (they say nothing to flag).
func (t *Template) ParseOutput(raw []byte) ([]encounter.Section, error) {
	if err := t.ValidateOutput(raw); err != nil {
		return nil, err
	}
	var out map[string][]struct {
		Text     string   `json:"text"`
		Evidence []string `json:"evidence"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("%w: not valid JSON", ErrOutputInvalid)
	}
	secs := make([]encounter.Section, len(t.Sections))
	for i, s := range t.Sections {
		secs[i] = encounter.Section{Key: s.Key, Title: s.Title, Sentences: []encounter.Sentence{}}
		for _, sent := range out[s.Key] {
			text := strings.TrimSpace(sent.Text)
			if text == "" {
				continue
			}
			ev := make([]string, 0, len(sent.Evidence))
			for _, id := range sent.Evidence {
				if id = strings.TrimSpace(id); id != "" {
					ev = append(ev, id)
				}
			}
			secs[i].Sentences = append(secs[i].Sentences, encounter.Sentence{Text: text, Evidence: ev})
		}
	}
	return secs, nil
}

// SchemaName is the name a template's schema is sent under in a
// structured-output request.
func (t *Template) SchemaName() string { return "clinical_note_" + t.ID }

// TemplateIDFromSchemaName inverts SchemaName.
func TemplateIDFromSchemaName(name string) (string, bool) {
	return strings.CutPrefix(name, "clinical_note_")
}
