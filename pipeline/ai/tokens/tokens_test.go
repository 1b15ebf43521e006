package tokens_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai/tokens"
)

func TestEncodingName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ model, want string }{
		{"gpt-4o", "o200k_base"},
		{"gpt-4o-mini-2024-07-18", "o200k_base"},
		{"gpt-4-0613", "cl100k_base"},
		{"gpt-3.5-turbo", "cl100k_base"},
		{"gpt-5", "o200k_base"},                    // unknown to tiktoken-go
		{"llama3.1:8b-instruct", "o200k_base"},     // Ollama
		{"meta-llama/Llama-3.1-70B", "o200k_base"}, // vLLM
		{"gpt2", "o200k_base"},                     // no offline asset
	} {
		if got := tokens.EncodingName(tc.model); got != tc.want {
			t.Errorf("EncodingName(%q) = %q, want %q", tc.model, got, tc.want)
		}
	}
}

// The offline loader is in place: counting works with no network, and
// gives tiktoken's published counts.
func TestCountOffline(t *testing.T) {
	t.Parallel()
	c, err := tokens.For("some-unknown-model")
	if err != nil {
		t.Fatal(err)
	}
	if c.Encoding() != "o200k_base" {
		t.Fatalf("encoding %s", c.Encoding())
	}
	if n := c.Count("hello world"); n != 2 {
		t.Errorf("Count(hello world) = %d, want 2", n)
	}
	if n := c.Count(""); n != 0 {
		t.Errorf("Count(\"\") = %d", n)
	}
	if n := c.Count("<|endoftext|>"); n < 2 {
		t.Errorf("special token text counted as %d token(s); want ordinary text", n)
	}
	cl := tokens.MustFor("gpt-4")
	if n := cl.Count("tiktoken is great!"); n != 6 {
		t.Errorf("cl100k Count = %d, want 6", n)
	}
	if got, want := c.Chat("a", "b"), tokens.PerReply+2*(tokens.PerMessage+1); got != want {
		t.Errorf("Chat = %d, want %d", got, want)
	}
}
