package prompts

// OutputSchema is the JSON schema a model's answer must follow for this
// template: one array of sentences per section, each sentence with the IDs
// of the source segments it rests on. It is strict (no extra properties,
// every property required) so it can be used as an OpenAI structured-output
// schema as is.
func (t *Template) OutputSchema() map[string]any {
	sentence := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"text":     map[string]any{"type": "string", "description": "One sentence of the note."},
			"evidence": map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": "IDs of the source segments this sentence rests on."},
		},
		"required":             []string{"text", "evidence"},
		"additionalProperties": false,
	}
	props := map[string]any{}
	required := make([]string, 0, len(t.Sections))
	for _, s := range t.Sections {
		props[s.Key] = map[string]any{
			"type":        "array",
			"description": s.Title + ": " + s.Instruction,
			"items":       sentence,
		}
		required = append(required, s.Key)
	}
	return map[string]any{
		"type":                 "object",
		"properties":           props,
		"required":             required,
		"additionalProperties": false,
	}
}
