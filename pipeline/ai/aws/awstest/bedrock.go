package awstest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Bedrock is a SIMULATED Amazon Bedrock runtime speaking the Converse
// wire protocol (restJson1, POST /model/{modelId}/converse). No model
// runs: queued replies are sent first, and when none is queued the default
// responder copies each source segment from the data fence into a section
// of the requested schema, citing it. See the package doc.
type Bedrock struct {
	*httptest.Server
	recorder

	mu       sync.Mutex
	queue    []Reply
	requests []ConverseRequest
}

// Reply is one scripted Converse answer. Exactly one kind applies, in this
// order: Raw (a body sent as is, for malformed JSON), Fault, or a message
// with Input (a tool call with that input, in tool mode) or Text.
type Reply struct {
	Delay      time.Duration // before answering; the request's cancellation ends it
	Raw        string
	Fault      *Fault
	Input      any    // tool input (any JSON value); nil means the default responder's
	Text       string // a text answer instead of a tool call
	StopReason string // default "tool_use" for Input, "end_turn" for Text
}

// ConverseRequest is a Converse request as the server received it.
type ConverseRequest struct {
	ModelID string
	Header  http.Header
	Body    map[string]any // the JSON body
	Raw     []byte
}

// NewBedrock starts a Bedrock runtime test server. Close it when done.
func NewBedrock() *Bedrock {
	b := &Bedrock{}
	b.Server = httptest.NewServer(http.HandlerFunc(b.handle))
	return b
}

// Enqueue queues replies for the next requests, in order.
func (b *Bedrock) Enqueue(replies ...Reply) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.queue = append(b.queue, replies...)
}

// Requests returns the Converse requests received, in order.
func (b *Bedrock) Requests() []ConverseRequest {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]ConverseRequest(nil), b.requests...)
}

var conversePathRE = regexp.MustCompile(`^/model/([^/]+)/converse$`)

// identifyingKeys are request fields that could carry an end-user
// identifier; Converse has requestMetadata, and some model-specific
// additional fields take a user or metadata object.
var identifyingKeys = []string{"requestMetadata", "user", "metadata", "user_id", "userId"}

func (b *Bedrock) handle(w http.ResponseWriter, r *http.Request) {
	const ct = "application/json"
	m := conversePathRE.FindStringSubmatch(r.URL.EscapedPath())
	if r.Method != http.MethodPost || m == nil {
		b.violate("unexpected request " + r.Method + " " + r.URL.EscapedPath())
		writeFault(w, ct, Fault{404, "UnknownOperationException", "unknown operation"})
		return
	}
	modelID, err := url.PathUnescape(m[1])
	if err != nil || modelID == "" {
		b.violate("model ID is not path-escaped")
		writeFault(w, ct, Fault{400, "ValidationException", "bad model ID"})
		return
	}
	if !b.checkSigV4(r, "bedrock") {
		writeFault(w, ct, Fault{403, "UnrecognizedClientException", "The security token included in the request is invalid."})
		return
	}
	if got := r.Header.Get("Content-Type"); got != ct {
		b.violate("content type " + got)
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	var body map[string]any
	if err == nil {
		err = json.Unmarshal(raw, &body)
	}
	if err != nil {
		b.violate("body is not JSON")
		writeFault(w, ct, Fault{400, "SerializationException", "body is not JSON"})
		return
	}
	for _, k := range identifyingKeys {
		if v, ok := body[k]; ok && !isEmpty(v) {
			b.violate("request carries " + k)
		}
	}
	if extra, ok := body["additionalModelRequestFields"].(map[string]any); ok {
		for _, k := range identifyingKeys {
			if _, ok := extra[k]; ok {
				b.violate("additionalModelRequestFields carries " + k)
			}
		}
	}
	msgs, _ := body["messages"].([]any)
	if len(msgs) == 0 {
		writeFault(w, ct, Fault{400, "ValidationException", "messages must not be empty"})
		return
	}
	b.mu.Lock()
	b.requests = append(b.requests, ConverseRequest{ModelID: modelID, Header: r.Header.Clone(), Body: body, Raw: raw})
	b.mu.Unlock()
	if f, ok := b.enter("Converse"); ok {
		writeFault(w, ct, f)
		return
	}
	var reply Reply
	b.mu.Lock()
	if len(b.queue) > 0 {
		reply, b.queue = b.queue[0], b.queue[1:]
	}
	b.mu.Unlock()
	if reply.Delay > 0 {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(reply.Delay):
		}
	}
	switch {
	case reply.Raw != "":
		w.Header().Set("Content-Type", ct)
		_, _ = io.WriteString(w, reply.Raw)
		return
	case reply.Fault != nil:
		writeFault(w, ct, *reply.Fault)
		return
	}

	_, toolMode := body["toolConfig"]
	var content map[string]any
	stop := reply.StopReason
	switch {
	case reply.Text != "":
		content = map[string]any{"text": reply.Text}
		if stop == "" {
			stop = "end_turn"
		}
	default:
		input := reply.Input
		if input == nil {
			input = defaultNote(body)
		}
		if toolMode {
			content = map[string]any{"toolUse": map[string]any{"toolUseId": "tooluse_" + strings.ReplaceAll(newUUID(), "-", "")[:22], "name": toolName(body), "input": input}}
			if stop == "" {
				stop = "tool_use"
			}
		} else {
			text, _ := json.Marshal(input)
			content = map[string]any{"text": string(text)}
			if stop == "" {
				stop = "end_turn"
			}
		}
	}
	in := len(raw) / 4
	writeJSON(w, ct, map[string]any{
		"output":     map[string]any{"message": map[string]any{"role": "assistant", "content": []any{content}}},
		"stopReason": stop,
		"usage":      map[string]any{"inputTokens": in, "outputTokens": 100, "totalTokens": in + 100},
		"metrics":    map[string]any{"latencyMs": 42},
	})
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case map[string]any:
		return len(x) == 0
	case string:
		return x == ""
	}
	return false
}

func toolName(body map[string]any) string {
	tc, _ := body["toolConfig"].(map[string]any)
	tools, _ := tc["tools"].([]any)
	if len(tools) > 0 {
		t, _ := tools[0].(map[string]any)
		spec, _ := t["toolSpec"].(map[string]any)
		return str(spec, "name")
	}
	return ""
}

// requestSchema finds the output schema in a request: the tool's input
// schema, or the structured-output schema.
func requestSchema(body map[string]any) map[string]any {
	tc, _ := body["toolConfig"].(map[string]any)
	if tools, _ := tc["tools"].([]any); len(tools) > 0 {
		t, _ := tools[0].(map[string]any)
		spec, _ := t["toolSpec"].(map[string]any)
		is, _ := spec["inputSchema"].(map[string]any)
		s, _ := is["json"].(map[string]any)
		return s
	}
	oc, _ := body["outputConfig"].(map[string]any)
	tf, _ := oc["textFormat"].(map[string]any)
	st, _ := tf["structure"].(map[string]any)
	js, _ := st["jsonSchema"].(map[string]any)
	var s map[string]any
	_ = json.Unmarshal([]byte(str(js, "schema")), &s)
	return s
}

// Segment is a source segment as found in a request's data fence.
type Segment struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

var fenceRE = regexp.MustCompile(`(?s)<(source-[0-9a-f]{16})>\n(.*?)\n</(source-[0-9a-f]{16})>`)

// FencedSource returns the segments between the data-fence markers of the
// request's first user message, and the text outside the fence.
func FencedSource(body map[string]any) (segs []Segment, outside string, ok bool) {
	msgs, _ := body["messages"].([]any)
	if len(msgs) == 0 {
		return nil, "", false
	}
	first, _ := msgs[0].(map[string]any)
	content, _ := first["content"].([]any)
	var text string
	for _, c := range content {
		cm, _ := c.(map[string]any)
		text += str(cm, "text")
	}
	m := fenceRE.FindStringSubmatchIndex(text)
	if m == nil || text[m[2]:m[3]] != text[m[6]:m[7]] {
		return nil, text, false
	}
	for _, line := range strings.Split(text[m[4]:m[5]], "\n") {
		var s Segment
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			return nil, text, false
		}
		segs = append(segs, s)
	}
	return segs, text[:m[0]] + text[m[1]:], true
}

// defaultNote is the SIMULATED model: every source segment is copied, in
// order, into the schema's sections in turn, citing itself.
func defaultNote(body map[string]any) map[string]any {
	schema := requestSchema(body)
	var keys []string
	if req, ok := schema["required"].([]any); ok {
		for _, k := range req {
			if s, ok := k.(string); ok {
				keys = append(keys, s)
			}
		}
	}
	note := map[string]any{}
	for _, k := range keys {
		note[k] = []any{}
	}
	segs, _, _ := FencedSource(body)
	for i, s := range segs {
		if len(keys) == 0 {
			break
		}
		k := keys[i%len(keys)]
		note[k] = append(note[k].([]any), map[string]any{"text": s.Text, "evidence": []any{s.ID}})
	}
	return note
}

// String describes a reply, for test logs.
func (r Reply) String() string {
	switch {
	case r.Raw != "":
		return "raw body"
	case r.Fault != nil:
		return fmt.Sprintf("fault %s (%d)", r.Fault.Code, r.Fault.Status)
	case r.Text != "":
		return "text answer"
	}
	return "tool answer"
}
