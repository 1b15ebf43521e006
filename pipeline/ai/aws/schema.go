package aws

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
)

// maxProblems caps the problems reported back to the model in a repair
// request.
const maxProblems = 20

// checkSchema validates a decoded JSON value against the subset of JSON
// Schema prompts.Template.OutputSchema uses: type, properties, required,
// additionalProperties (false), items and enum. Problems name the JSON
// path and the rule, never the offending value.
func checkSchema(v any, schema map[string]any, path string, problems *[]string) {
	if len(*problems) >= maxProblems {
		return
	}
	add := func(format string, args ...any) {
		if len(*problems) < maxProblems {
			*problems = append(*problems, path+": "+fmt.Sprintf(format, args...))
		}
	}
	if typ, ok := schema["type"].(string); ok && !hasType(v, typ) {
		add("must be %s %s", article(typ), typ)
		return
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return e == v }) {
		add("is not one of the allowed values")
	}
	switch val := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, r := range stringList(schema["required"]) {
			if _, ok := val[r]; !ok {
				add("is missing the required property %q", r)
			}
		}
		if ap, ok := schema["additionalProperties"].(bool); ok && !ap {
			var extra []string
			for k := range val {
				if _, ok := props[k]; !ok {
					extra = append(extra, k)
				}
			}
			sort.Strings(extra)
			for _, k := range extra {
				add("has a property the schema does not allow (%s)", quoteKey(k))
			}
		}
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if sub, ok := val[k]; ok {
				if ps, ok := props[k].(map[string]any); ok {
					checkSchema(sub, ps, path+"."+k, problems)
				}
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, e := range val {
				checkSchema(e, items, fmt.Sprintf("%s[%d]", path, i), problems)
			}
		}
	}
}

// quoteKey shows a key the model invented only if it looks like a key;
// anything else might be content.
func quoteKey(k string) string {
	if keyLike(k) {
		return fmt.Sprintf("%q", k)
	}
	return "an unexpected key"
}

func keyLike(k string) bool {
	if k == "" || len(k) > 40 {
		return false
	}
	for _, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func hasType(v any, typ string) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := n.Int64()
		return err == nil
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	}
	return true // a type this subset does not know is not checked
}

func article(typ string) string {
	if strings.IndexByte("aeiou", typ[0]) >= 0 {
		return "an"
	}
	return "a"
}

func stringList(v any) []string {
	switch l := v.(type) {
	case []string:
		return l
	case []any:
		var out []string
		for _, e := range l {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// decodeJSON decodes exactly one JSON value with numbers kept as
// json.Number.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonFault(err)
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after the JSON value")
	}
	return v, nil
}

// noteSentence is one sentence of a model's answer.
type noteSentence struct {
	Text     string   `json:"text"`
	Evidence []string `json:"evidence"`
}

// checkNote validates a model's answer for a template: the schema, then
// what the schema cannot say (non-empty text, at least one citation, and
// only IDs of the source segments). It returns the sections in template
// order, or the problems to send back to the model.
func checkNote(raw []byte, t *prompts.Template, segs []encounter.Segment) ([]encounter.Section, []string) {
	v, err := decodeJSON(raw)
	if err != nil {
		return nil, []string{"$: the answer is not valid JSON (" + err.Error() + ")"}
	}
	schema := normalizeSchema(t.OutputSchema())
	var problems []string
	checkSchema(v, schema, "$", &problems)
	if len(problems) > 0 {
		return nil, problems
	}
	known := make(map[string]bool, len(segs))
	for _, s := range segs {
		known[s.ID] = true
	}
	obj := v.(map[string]any)
	sections := make([]encounter.Section, 0, len(t.Sections))
	for _, ts := range t.Sections {
		sec := encounter.Section{Key: ts.Key, Title: ts.Title, Sentences: []encounter.Sentence{}}
		for i, item := range obj[ts.Key].([]any) {
			m := item.(map[string]any)
			path := fmt.Sprintf("$.%s[%d]", ts.Key, i)
			text := strings.Join(strings.Fields(m["text"].(string)), " ")
			if text == "" {
				problems = append(problems, path+".text: must not be empty")
			}
			var ev []string
			list := m["evidence"].([]any)
			if len(list) == 0 {
				problems = append(problems, path+".evidence: must cite at least one source segment id")
			}
			for j, e := range list {
				id := e.(string)
				if !known[id] {
					problems = append(problems, fmt.Sprintf("%s.evidence[%d]: %s is not the id of a source segment", path, j, quoteID(id)))
					continue
				}
				if !slices.Contains(ev, id) {
					ev = append(ev, id)
				}
			}
			sec.Sentences = append(sec.Sentences, encounter.Sentence{Text: text, Evidence: ev})
		}
		sections = append(sections, sec)
	}
	if len(problems) > maxProblems {
		problems = append(problems[:maxProblems], fmt.Sprintf("... and %d more problems", len(problems)-maxProblems))
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return sections, nil
}

// quoteID repeats an ID the model made up only if it has the shape of a
// segment ID, so the repair request cannot carry anything else back.
func quoteID(id string) string {
	if len(id) <= 20 && strings.HasPrefix(id, "seg-") {
		return fmt.Sprintf("%q", id)
	}
	return "the cited value"
}

// normalizeSchema round-trips a schema through JSON so Go slices like
// []string become []any, as a decoded schema would have them.
func normalizeSchema(s map[string]any) map[string]any {
	b, err := json.Marshal(s)
	if err != nil {
		panic("aws: template schema does not marshal: " + err.Error())
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		panic("aws: template schema does not unmarshal: " + err.Error())
	}
	return out
}
