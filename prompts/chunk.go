package prompts

import (
	"errors"
	"fmt"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Budget is what one request may hold, in tokens.
type Budget struct {
	// ContextWindow is the model's context: prompt and answer together.
	ContextWindow int
	// MaxOutputTokens is reserved for the answer.
	MaxOutputTokens int
	// Margin is held back for counting error (models whose tokenizer is
	// not known are counted with o200k_base). Zero means a tenth of
	// ContextWindow.
	Margin int
}

// chatFraming covers the per-message tokens of a chat request with up to
// three messages (system, source, repair) and the reply primer.
const chatFraming = 3*4 + 3

// ErrBudgetTooSmall means not even the frame and one source line fit.
var ErrBudgetTooSmall = errors.New("prompts: context window too small for the template and its output")

// SourceTokens is how many tokens of source lines one request can carry:
// the window less the answer, the margin, the frame (system message, the
// user message's own text and a repair message) and the chat framing.
func (t *Template) SourceTokens(b Budget, count func(string) int) int {
	margin := b.Margin
	if margin == 0 {
		margin = b.ContextWindow / 10
	}
	empty := t.Render(nil, Part{Index: 999, Of: 999})
	frame := count(empty.System) + count(empty.User) + count(RepairMessage(errors.New(strings.Repeat("x ", 200)))) +
		count("seg-000000 seg-000000") + chatFraming
	return b.ContextWindow - b.MaxOutputTokens - margin - frame
}

// minSourceTokens is the least a part must be able to carry to be worth a
// request.
const minSourceTokens = 64

// Chunk splits segs into parts whose rendered prompts fit the budget,
// cutting only between segments and keeping their order. Every segment
// lands in exactly one part, except a single segment too long for any
// part, which is cut at word boundaries into consecutive parts that carry
// the same segment ID (so evidence still cites it). Nothing is dropped.
func (t *Template) Chunk(segs []encounter.Segment, b Budget, count func(string) int) ([][]encounter.Segment, error) {
	avail := t.SourceTokens(b, count)
	if avail < minSourceTokens {
		return nil, fmt.Errorf("%w (window %d, output %d: %d tokens left for the source)", ErrBudgetTooSmall, b.ContextWindow, b.MaxOutputTokens, avail)
	}
	var parts [][]encounter.Segment
	var cur []encounter.Segment
	used := 0
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, cur)
			cur, used = nil, 0
		}
	}
	for _, s := range segs {
		cost := count(sourceLine(s)) + 1
		if cost > avail {
			flush()
			for _, piece := range splitSegment(s, avail, count) {
				parts = append(parts, []encounter.Segment{piece})
			}
			continue
		}
		if used+cost > avail {
			flush()
		}
		cur = append(cur, s)
		used += cost
	}
	flush()
	return parts, nil
}

// splitSegment cuts an oversized segment at word boundaries into pieces
// whose lines each fit avail tokens.
func splitSegment(s encounter.Segment, avail int, count func(string) int) []encounter.Segment {
	var words []string
	for _, w := range strings.Fields(s.Text) {
		// A "word" longer than a part (a pasted blob) is cut into runs of
		// runes that fit: a rune is at most a few tokens.
		for r := []rune(w); len(r) > 0; {
			n := min(len(r), max(avail/4, 1))
			words = append(words, string(r[:n]))
			r = r[n:]
		}
	}
	var out []encounter.Segment
	for len(words) > 0 {
		n := len(words)
		for n > 1 {
			piece := s
			piece.Text = strings.Join(words[:n], " ")
			if count(sourceLine(piece))+1 <= avail {
				break
			}
			// Shrink in proportion to the overshoot, at least by one word.
			over := count(sourceLine(piece)) + 1
			next := n * avail / over * 9 / 10
			if next >= n {
				next = n - 1
			}
			n = max(next, 1)
		}
		piece := s
		piece.Text = strings.Join(words[:n], " ")
		out = append(out, piece)
		words = words[n:]
	}
	return out
}
