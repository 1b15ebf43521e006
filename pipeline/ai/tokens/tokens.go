// Package tokens counts tokens the way OpenAI-family models do, with
// tiktoken-go and its offline BPE loader: the encodings are compiled into
// the binary, so counting never fetches anything at run time (the default
// tiktoken-go loader downloads encodings over HTTP — importing this package
// replaces it, process-wide, before any encoding is loaded).
//
// Models tiktoken-go does not know (gpt-5, o-series, open-weight models
// behind vLLM or Ollama) are counted with o200k_base: an estimate, which is
// why callers keep headroom in every budget.
package tokens

import (
	"fmt"
	"strings"
	"sync"

	"github.com/pkoukk/tiktoken-go"
	tiktoken_loader "github.com/pkoukk/tiktoken-go-loader"
)

func init() {
	// Offline only: no code path may download an encoding.
	tiktoken.SetBpeLoader(tiktoken_loader.NewOfflineLoader())
}

// DefaultEncoding is used for model names tiktoken-go does not know.
const DefaultEncoding = "o200k_base"

// Chat message framing, as OpenAI documents it for its chat models: each
// message costs a few tokens beyond its content, and every reply is primed
// with a few more. The figures are an upper bound across model families.
const (
	PerMessage = 4
	PerReply   = 3
)

var (
	mu    sync.Mutex
	cache = map[string]*tiktoken.Tiktoken{}
)

// EncodingName returns the encoding tiktoken-go uses for model, or
// DefaultEncoding.
func EncodingName(model string) string {
	name, ok := tiktoken.MODEL_TO_ENCODING[model]
	if !ok {
		longest := ""
		name = DefaultEncoding
		for prefix, enc := range tiktoken.MODEL_PREFIX_TO_ENCODING {
			if len(prefix) > len(longest) && strings.HasPrefix(model, prefix) {
				longest, name = prefix, enc
			}
		}
	}
	switch name {
	case "o200k_base", "cl100k_base", "p50k_base", "r50k_base", "p50k_edit":
		return name
	}
	return DefaultEncoding // e.g. gpt2, which has no offline asset
}

// Counter counts tokens for one model.
type Counter struct {
	enc  *tiktoken.Tiktoken
	name string
}

// For returns the Counter for model. Encodings load once per process
// (o200k_base takes a few hundred milliseconds) and are shared.
func For(model string) (*Counter, error) {
	name := EncodingName(model)
	mu.Lock()
	defer mu.Unlock()
	if enc, ok := cache[name]; ok {
		return &Counter{enc: enc, name: name}, nil
	}
	enc, err := tiktoken.GetEncoding(name)
	if err != nil {
		return nil, fmt.Errorf("tokens.For: encoding %s: %w", name, err)
	}
	cache[name] = enc
	return &Counter{enc: enc, name: name}, nil
}

// MustFor is For for encodings known to be embedded; it panics otherwise.
func MustFor(model string) *Counter {
	c, err := For(model)
	if err != nil {
		panic(err)
	}
	return c
}

// Encoding names the encoding the Counter uses.
func (c *Counter) Encoding() string { return c.name }

// Count returns the number of tokens in s. Special-token text such as
// "<|endoftext|>" inside s is counted as ordinary text, as the API does
// for user content.
func (c *Counter) Count(s string) int {
	if s == "" {
		return 0
	}
	return len(c.enc.EncodeOrdinary(s))
}

// Chat returns the prompt tokens of a chat request with these message
// contents, framing included.
func (c *Counter) Chat(contents ...string) int {
	n := PerReply
	for _, s := range contents {
		n += PerMessage + c.Count(s)
	}
	return n
}
