package ai

import (
	"context"
	"errors"
	"strings"
	"unicode"

	"golang.org/x/sync/errgroup"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// ErrContextTooLong means a provider said a request exceeded the model's
// context window (or its answer was cut off at the output limit).
// Providers wrap their error with it so SummarizeInParts re-chunks the
// part smaller and tries again instead of failing.
var ErrContextTooLong = errors.New("ai: request exceeds the model's context window")

// PartFunc summarizes one part of a source.
type PartFunc func(ctx context.Context, segs []encounter.Segment, part prompts.Part) (*SummarizeResult, error)

// PartsConfig says how SummarizeInParts splits a source.
type PartsConfig struct {
	Budget prompts.Budget
	// Count counts tokens as the model does (tokens.Counter.Count).
	Count func(string) int
	// Concurrency bounds parts in flight. Zero means 4.
	Concurrency int
	// MaxSplits bounds how often a part is split again after a
	// context-length error. Zero means 4 (a part can shrink to 1/16).
	MaxSplits int
}

// SummarizeInParts summarizes a source that may be longer than the
// model's context: it splits the segments into parts that fit the budget
// (prompts.Template.Chunk: on segment boundaries, nothing dropped),
// summarizes the parts with fn (in parallel, bounded), re-splits a part
// whose request the provider rejects as too long, and merges the parts'
// sections in source order (MergeSections). A 3-hour encounter is never
// truncated: it becomes more parts.
func SummarizeInParts(ctx context.Context, req *SummarizeRequest, cfg PartsConfig, fn PartFunc) (*SummarizeResult, error) {
	t := req.Template
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 4
	}
	if cfg.MaxSplits <= 0 {
		cfg.MaxSplits = 4
	}
	parts, err := t.Chunk(req.Segments, cfg.Budget, cfg.Count)
	if err != nil {
		return nil, phi.WrapPermanent(err, phi.CodeNotConfigured, "the provider's context window is too small for this template (raise limits.context_window or lower limits.max_output_tokens)")
	}
	if len(parts) == 0 {
		parts = [][]encounter.Segment{nil}
	}
	results := make([][]*SummarizeResult, len(parts))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(cfg.Concurrency)
	for i, segs := range parts {
		part := prompts.Part{}
		if len(parts) > 1 {
			part = prompts.Part{Index: i + 1, Of: len(parts)}
		}
		g.Go(recovered(func() error {
			rs, err := summarizePart(gctx, t, segs, part, cfg.Budget, cfg, cfg.MaxSplits, fn)
			results[i] = rs
			return err
		}))
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var flat []*SummarizeResult
	for _, rs := range results {
		flat = append(flat, rs...)
	}
	return mergeResults(t, flat), nil
}

func summarizePart(ctx context.Context, t *prompts.Template, segs []encounter.Segment, part prompts.Part, b prompts.Budget, cfg PartsConfig, splits int, fn PartFunc) ([]*SummarizeResult, error) {
	r, err := fn(ctx, segs, part)
	if err == nil {
		return []*SummarizeResult{r}, nil
	}
	if !errors.Is(err, ErrContextTooLong) {
		return nil, err
	}
	if splits == 0 {
		return nil, phi.WrapPermanent(err, phi.CodeProviderRejected, "the provider rejected the request as too long even after splitting the source; lower limits.context_window")
	}
	// Halve what a part may carry and split this one again.
	avail := t.SourceTokens(b, cfg.Count)
	smaller := b
	smaller.ContextWindow -= avail / 2
	sub, cerr := t.Chunk(segs, smaller, cfg.Count)
	if cerr != nil {
		return nil, phi.WrapPermanent(err, phi.CodeProviderRejected, "the provider rejected the request as too long and the source cannot be split smaller")
	}
	if len(sub) < 2 && len(segs) > 1 {
		mid := len(segs) / 2
		sub = [][]encounter.Segment{segs[:mid], segs[mid:]}
	}
	var out []*SummarizeResult
	for _, s := range sub {
		rs, err := summarizePart(ctx, t, s, part, smaller, cfg, splits-1, fn)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

func mergeResults(t *prompts.Template, rs []*SummarizeResult) *SummarizeResult {
	if len(rs) == 1 {
		return rs[0]
	}
	out := &SummarizeResult{}
	lists := make([][]encounter.Section, 0, len(rs))
	for i, r := range rs {
		if i == 0 {
			out.Model, out.Method, out.Notice, out.RequestID = r.Model, r.Method, r.Notice, r.RequestID
		}
		out.Usage.InputTokens += r.Usage.InputTokens
		out.Usage.OutputTokens += r.Usage.OutputTokens
		lists = append(lists, r.Sections)
	}
	out.Sections = MergeSections(t, lists...)
	return out
}

// MergeSections joins the sections of consecutive parts of one source:
// for each of the template's sections, the parts' sentences in part order.
// A sentence that repeats an earlier one (same words, ignoring case,
// spacing and punctuation) is merged into it, its evidence added; nothing
// else is dropped, and flags are kept.
func MergeSections(t *prompts.Template, parts ...[]encounter.Section) []encounter.Section {
	out := make([]encounter.Section, len(t.Sections))
	for i, s := range t.Sections {
		out[i] = encounter.Section{Key: s.Key, Title: s.Title, Sentences: []encounter.Sentence{}}
		seen := map[string]int{}
		for _, secs := range parts {
			for _, sec := range secs {
				if sec.Key != s.Key {
					continue
				}
				for _, sent := range sec.Sentences {
					key := sentenceKey(sent.Text)
					if j, dup := seen[key]; dup && key != "" {
						prev := &out[i].Sentences[j]
						prev.Evidence = unionStrings(prev.Evidence, sent.Evidence)
						prev.Flags = unionStrings(prev.Flags, sent.Flags)
						continue
					}
					seen[key] = len(out[i].Sentences)
					sent.Evidence = append([]string(nil), sent.Evidence...)
					sent.Flags = append([]string(nil), sent.Flags...)
					if len(sent.Flags) == 0 {
						sent.Flags = nil
					}
					out[i].Sentences = append(out[i].Sentences, sent)
				}
			}
		}
	}
	return out
}

func sentenceKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func unionStrings(a, b []string) []string {
	for _, x := range b {
		found := false
		for _, y := range a {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}

// Bounded runs fn for i in [0, n) with at most limit in flight and returns
// the first error. It is SummarizeInParts' scheduling, for providers that
// run their own parts (audio chunks).
func Bounded(ctx context.Context, n, limit int, fn func(ctx context.Context, i int) error) error {
	if limit <= 0 {
		limit = 1
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for i := range n {
		g.Go(recovered(func() error { return fn(gctx, i) }))
	}
	return g.Wait()
}

// recovered turns a panic in fn into an internal error. The goroutines of
// SummarizeInParts and Bounded are out of reach of the worker's recovery
// middleware, which sees only the handler's own goroutine: a panic there
// would end the whole worker process, with every task in flight, and print
// the panic value (which may quote content) to stderr. The message names
// the panic value's type only.
func recovered(fn func() error) func() error {
	return func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = phi.Errorf(phi.CodeInternal, "panic in a concurrent part of the task (%T)", r)
			}
		}()
		return fn()
	}
}
