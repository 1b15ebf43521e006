package openaitest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/drafteval"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/ai/tokens"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
)

// chatParams are the top-level parameters of POST /chat/completions in
// the published API reference, with the JSON types they take. Anything
// else is refused, as the real API refuses it ("Unrecognized request
// argument supplied").
var chatParams = map[string][]string{
	"model": {"string"}, "messages": {"array"},
	"audio": {"object"}, "frequency_penalty": {"number", "null"}, "function_call": {"string", "object"},
	"functions": {"array"}, "logit_bias": {"object", "null"}, "logprobs": {"boolean", "null"},
	"max_completion_tokens": {"integer", "null"}, "max_tokens": {"integer", "null"},
	"metadata": {"object", "null"}, "modalities": {"array", "null"}, "n": {"integer", "null"},
	"parallel_tool_calls": {"boolean"}, "prediction": {"object"}, "presence_penalty": {"number", "null"},
	"prompt_cache_key": {"string"}, "prompt_cache_retention": {"string", "null"}, "reasoning_effort": {"string", "null"},
	"response_format": {"object"}, "safety_identifier": {"string"}, "seed": {"integer", "null"},
	"service_tier": {"string", "null"}, "stop": {"string", "array", "null"}, "store": {"boolean", "null"},
	"stream": {"boolean", "null"}, "stream_options": {"object", "null"}, "temperature": {"number", "null"},
	"tool_choice": {"string", "object"}, "tools": {"array"}, "top_logprobs": {"integer", "null"},
	"top_p": {"number", "null"}, "user": {"string"}, "verbosity": {"string", "null"},
	"web_search_options": {"object"},
}

var (
	roles          = map[string]bool{"system": true, "developer": true, "user": true, "assistant": true, "tool": true, "function": true}
	schemaNameRE   = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)
	responseFormat = map[string]bool{"text": true, "json_object": true, "json_schema": true}
)

func jsonType(v any) string {
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
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

func typeOK(got string, allowed []string) bool {
	for _, a := range allowed {
		if a == got || (a == "number" && got == "integer") {
			return true
		}
	}
	return false
}

type chatMessage struct {
	Role    string
	Content string
}

// validateChat checks a request body the way the API does and returns its
// messages.
func validateChat(body map[string]any) ([]chatMessage, error) {
	names := make([]string, 0, len(body))
	for k := range body {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		allowed, known := chatParams[k]
		if !known {
			return nil, fmt.Errorf("Unrecognized request argument supplied: %s", k)
		}
		if got := jsonType(body[k]); !typeOK(got, allowed) {
			return nil, fmt.Errorf("Invalid type for '%s': expected %s, but got %s.", k, strings.Join(allowed, " or "), got)
		}
	}
	if _, ok := body["model"].(string); !ok {
		return nil, fmt.Errorf("you must provide a model parameter")
	}
	raw, ok := body["messages"].([]any)
	if !ok || len(raw) == 0 {
		return nil, fmt.Errorf("Missing required parameter: 'messages'.")
	}
	var msgs []chatMessage
	for i, m := range raw {
		obj, ok := m.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("Invalid type for 'messages[%d]': expected an object.", i)
		}
		role, _ := obj["role"].(string)
		if !roles[role] {
			return nil, fmt.Errorf("Invalid value for 'messages[%d].role'.", i)
		}
		var content string
		switch c := obj["content"].(type) {
		case string:
			content = c
		case []any:
			for _, part := range c {
				if p, ok := part.(map[string]any); ok && p["type"] == "text" {
					t, _ := p["text"].(string)
					content += t
				}
			}
		case nil:
			if role != "assistant" {
				return nil, fmt.Errorf("Missing required parameter: 'messages[%d].content'.", i)
			}
		default:
			return nil, fmt.Errorf("Invalid type for 'messages[%d].content'.", i)
		}
		msgs = append(msgs, chatMessage{Role: role, Content: content})
	}
	if s, _ := body["stream"].(bool); s {
		return nil, fmt.Errorf("stream=true is not simulated")
	}
	if n, ok := body["n"].(json.Number); ok {
		if v, _ := n.Int64(); v != 1 {
			return nil, fmt.Errorf("only n=1 is simulated")
		}
	}
	if md, ok := body["metadata"].(map[string]any); ok {
		for k, v := range md {
			if _, ok := v.(string); !ok || len(k) > 64 {
				return nil, fmt.Errorf("Invalid 'metadata': keys up to 64 characters, string values.")
			}
		}
	}
	if rf, ok := body["response_format"].(map[string]any); ok {
		typ, _ := rf["type"].(string)
		if !responseFormat[typ] {
			return nil, fmt.Errorf("Invalid value for 'response_format.type'.")
		}
		if typ == "json_schema" {
			js, ok := rf["json_schema"].(map[string]any)
			if !ok {
				return nil, fmt.Errorf("Missing required parameter: 'response_format.json_schema'.")
			}
			name, _ := js["name"].(string)
			if !schemaNameRE.MatchString(name) {
				return nil, fmt.Errorf("Invalid 'response_format.json_schema.name': must match ^[a-zA-Z0-9_-]{1,64}$.")
			}
			schema, ok := js["schema"].(map[string]any)
			if !ok {
				return nil, fmt.Errorf("Invalid 'response_format.json_schema.schema': expected an object.")
			}
			if strict, _ := js["strict"].(bool); strict {
				if err := checkStrictSchema(schema, "schema"); err != nil {
					return nil, fmt.Errorf("Invalid schema for response_format '%s': %v", name, err)
				}
			}
		}
	}
	return msgs, nil
}

// checkStrictSchema applies the Structured Outputs rules for strict mode:
// every object lists all its properties as required and sets
// additionalProperties to false.
func checkStrictSchema(s map[string]any, path string) error {
	switch typ := s["type"]; typ {
	case "object":
		if ap, ok := s["additionalProperties"].(bool); !ok || ap {
			return fmt.Errorf("In context=(%s), 'additionalProperties' is required to be supplied and to be false.", path)
		}
		props, _ := s["properties"].(map[string]any)
		req := map[string]bool{}
		if r, ok := s["required"].([]any); ok {
			for _, x := range r {
				if n, ok := x.(string); ok {
					req[n] = true
				}
			}
		}
		for name, p := range props {
			if !req[name] {
				return fmt.Errorf("In context=(%s), 'required' is required to be supplied and to be an array including every key in properties. Missing '%s'.", path, name)
			}
			ps, ok := p.(map[string]any)
			if !ok {
				return fmt.Errorf("In context=(%s, %s), schema must be an object.", path, name)
			}
			if err := checkStrictSchema(ps, path+", "+name); err != nil {
				return err
			}
		}
	case "array":
		items, ok := s["items"].(map[string]any)
		if !ok {
			return fmt.Errorf("In context=(%s), array schema missing items.", path)
		}
		return checkStrictSchema(items, path+", items")
	case "string", "number", "integer", "boolean", "null":
	case nil:
		return fmt.Errorf("In context=(%s), schema must have a 'type' key.", path)
	}
	return nil
}

func (s *Server) chat(w *recorder, r *http.Request, rec *Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "", "Content-Type must be application/json.", "")
		return
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	if err != nil {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var body map[string]any
	if err := dec.Decode(&body); err != nil {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "", "We could not parse the JSON body of your request.", "")
		return
	}
	s.mu.Lock()
	rec.Body = body
	s.mu.Unlock()
	msgs, err := validateChat(body)
	if err != nil {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "invalid_request_error", err.Error(), "")
		return
	}
	f, injected := s.nextFailure(KindChat)
	if injected && s.inject(r.Context(), w, f) {
		return
	}
	model := body["model"].(string)
	counter, err := tokens.For(model)
	if err != nil {
		w.apiError(http.StatusInternalServerError, "server_error", "", "tokenizer unavailable", "")
		return
	}
	contents := make([]string, len(msgs))
	for i, m := range msgs {
		contents[i] = m.Content
	}
	promptTokens := counter.Chat(contents...)
	maxOut := 0
	for _, k := range []string{"max_completion_tokens", "max_tokens"} {
		if n, ok := body[k].(json.Number); ok {
			v, _ := n.Int64()
			maxOut = int(v)
		}
	}
	if (injected && f.ContextLength) || promptTokens+maxOut > s.opts.ContextWindow {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "context_length_exceeded",
			fmt.Sprintf("This model's maximum context length is %d tokens. However, you requested %d tokens (%d in the messages, %d in the completion). Please reduce the length of the messages or completion.",
				s.opts.ContextWindow, promptTokens+maxOut, promptTokens, maxOut), "messages")
		return
	}

	content := s.draft(r.Context(), body, msgs)
	if injected && f.SchemaInvalid {
		content = `{"note":"Here is the note you asked for.","sections":[]}`
	}
	finish := "stop"
	completion := counter.Count(content)
	if maxOut > 0 && completion > maxOut {
		// The real API stops at the limit, mid-JSON.
		content = truncateTokens(counter, content, maxOut)
		completion, finish = maxOut, "length"
	}
	if !s.charge(w, promptTokens+completion) {
		return
	}
	if !s.sleep(r.Context(), s.opts.Latency) {
		return
	}
	s.rateHeaders(w)
	w.json(http.StatusOK, map[string]any{
		"id": "chatcmpl-sim", "object": "chat.completion", "created": time.Now().Unix(), "model": model,
		"system_fingerprint": "fp_simulated",
		"choices": []any{map[string]any{
			"index": 0, "finish_reason": finish, "logprobs": nil,
			"message": map[string]any{"role": "assistant", "content": content, "refusal": nil},
		}},
		"usage": map[string]any{"prompt_tokens": promptTokens, "completion_tokens": completion, "total_tokens": promptTokens + completion},
	})
}

func truncateTokens(c *tokens.Counter, s string, n int) string {
	// Cut by characters until the count fits; the answer is short.
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.Count(string(r[:mid])) <= n {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo])
}

// draft answers from the fenced source with the offline summarizer, in
// the shape the request's schema asks for.
func (s *Server) draft(ctx context.Context, body map[string]any, msgs []chatMessage) string {
	var segs []encounter.Segment
	for _, m := range msgs {
		if m.Role != "user" {
			continue
		}
		if _, ss, err := prompts.ParseSource(m.Content); err == nil {
			segs = ss
			break
		}
	}
	tmpl := templateFor(body)
	res, err := (&offline.Provider{}).Summarize(ctx, &ai.SummarizeRequest{Template: tmpl, Segments: segs})
	if err != nil {
		return `{}`
	}
	s.mu.Lock()
	planted := s.planted
	s.mu.Unlock()
	if planted != (PlantedErrors{}) {
		log := plant(tmpl, res.Sections, segs, planted)
		s.mu.Lock()
		s.plantedLog = append(s.plantedLog, log...)
		s.mu.Unlock()
	}
	out := map[string][]map[string]any{}
	for _, sec := range res.Sections {
		list := []map[string]any{}
		for _, sent := range sec.Sentences {
			list = append(list, map[string]any{"text": sent.Text, "evidence": sent.Evidence})
		}
		out[sec.Key] = list
	}
	s.mu.Lock()
	unsupported := s.unsupported
	s.mu.Unlock()
	if unsupported != "" && len(segs) > 0 && len(tmpl.Sections) > 0 {
		k := tmpl.Sections[0].Key
		out[k] = append(out[k], map[string]any{"text": unsupported, "evidence": []string{segs[0].ID}})
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// plant puts the configured errors into the sections, in place.
func plant(tmpl *prompts.Template, secs []encounter.Section, segs []encounter.Segment, p PlantedErrors) []Planted {
	var log []Planted
	cited := func(ids []string) string {
		var b strings.Builder
		for _, sg := range segs {
			if slices.Contains(ids, sg.ID) {
				b.WriteString(sg.Text + " ")
			}
		}
		return b.String()
	}
	if p.DropFinding {
	drop:
		for i, sec := range secs {
			if k, ok := tmpl.Section(sec.Key); !ok || k.Kind != prompts.KindObjective || len(sec.Sentences) == 0 {
				continue
			}
			// Drop a sentence whose segments no other sentence cites, so
			// the finding is gone from the draft.
			for j, sent := range sec.Sentences {
				if citedElsewhere(secs, i, j) {
					continue
				}
				log = append(log, Planted{Kind: "drop", Original: sent.Text, Evidence: sent.Evidence})
				secs[i].Sentences = slices.Delete(secs[i].Sentences, j, j+1)
				break drop
			}
		}
	}
	for _, want := range []struct {
		on   bool
		kind string
	}{{p.SwapLaterality, drafteval.KindLaterality}, {p.ChangeDose, drafteval.KindDose}, {p.InventNumber, drafteval.KindInvented}} {
		if !want.on {
			continue
		}
	find:
		for i := range secs {
			for j := range secs[i].Sentences {
				sent := &secs[i].Sentences[j]
				if slices.ContainsFunc(log, func(l Planted) bool { return l.Text == sent.Text }) {
					continue // one error per sentence
				}
				for _, pe := range drafteval.Plant(sent.Text, cited(sent.Evidence)) {
					if pe.Kind == want.kind {
						log = append(log, Planted{Kind: pe.Kind, Original: sent.Text, Text: pe.Text, Evidence: sent.Evidence})
						sent.Text = pe.Text
						break find
					}
				}
			}
		}
	}
	return log
}

func citedElsewhere(secs []encounter.Section, si, sj int) bool {
	for i, sec := range secs {
		for j, s := range sec.Sentences {
			if i == si && j == sj {
				continue
			}
			for _, id := range s.Evidence {
				if slices.Contains(secs[si].Sentences[sj].Evidence, id) {
					return true
				}
			}
		}
	}
	return false
}

// schemaInMessages finds a JSON schema a client put in its prompt (JSON
// mode has no schema field), as a model would read it.
func schemaInMessages(body map[string]any) map[string]any {
	msgs, _ := body["messages"].([]any)
	for _, m := range msgs {
		mm, _ := m.(map[string]any)
		content, _ := mm["content"].(string)
		if i := strings.Index(content, "{"); i >= 0 && strings.Contains(content[:i], "JSON schema") {
			var schema map[string]any
			if json.Unmarshal([]byte(content[i:]), &schema) == nil {
				return schema
			}
		}
	}
	return nil
}

// templateFor finds the template a request's schema was made from: a
// built-in one by schema name, or one shaped after the schema's keys.
func templateFor(body map[string]any) *prompts.Template {
	rf, _ := body["response_format"].(map[string]any)
	js, _ := rf["json_schema"].(map[string]any)
	name, _ := js["name"].(string)
	if id, ok := prompts.TemplateIDFromSchemaName(name); ok {
		if t, err := prompts.Builtin().Get(id); err == nil {
			return t
		}
	}
	schema, _ := js["schema"].(map[string]any)
	if schema == nil {
		schema = schemaInMessages(body) // JSON mode: the schema is in the prompt
	}
	props, _ := schema["properties"].(map[string]any)
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var y strings.Builder
	y.WriteString("id: custom\nrevision: 1\ntitle: Custom\naudience: clinician\nsystem: x\nsections:\n")
	kinds := []prompts.Kind{prompts.KindSubjective, prompts.KindObjective, prompts.KindAssessment, prompts.KindPlan}
	for i, k := range keys {
		fmt.Fprintf(&y, "  - {key: %s, title: %s, kind: %s, instruction: x}\n", k, k, kinds[min(i, len(kinds)-1)])
	}
	if len(keys) == 0 {
		y.WriteString("  - {key: note, title: Note, kind: subjective, instruction: x}\n")
	}
	t, err := prompts.Parse([]byte(y.String()))
	if err != nil {
		t, _ = prompts.Builtin().Get("soap")
	}
	return t
}
