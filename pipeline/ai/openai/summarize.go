package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// Method labels drafts made by a language model.
const Method = "llm-structured"

// Summarize implements ai.Summarizer.
func (p *Provider) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	if err := p.checkCall(ctx); err != nil {
		return nil, err
	}
	if p.cfg.SummarizeModel == "" {
		return nil, phi.Permanentf(phi.CodeNotConfigured, "provider %s has no summarize model", p.cfg.Name)
	}
	res, err := ai.SummarizeInParts(ctx, req, ai.PartsConfig{
		Budget: p.budget(), Count: p.counter.Count, Concurrency: p.cfg.Limits.Concurrency,
	}, func(ctx context.Context, segs []encounter.Segment, part prompts.Part) (*ai.SummarizeResult, error) {
		return p.summarizePart(ctx, req.Template, segs, part)
	})
	if err != nil {
		return nil, err
	}
	res.Method = Method
	res.Notice = fmt.Sprintf("Drafted by a language model (%s) from the source; every sentence cites the segments it rests on, and sentences the source does not support are flagged. Check it against the source before signing.", res.Model)
	return res, nil
}

// summarizePart drafts one part: a request, then at most one repair.
func (p *Provider) summarizePart(ctx context.Context, t *prompts.Template, segs []encounter.Segment, part prompts.Part) (*ai.SummarizeResult, error) {
	prompt := t.Render(segs, part)
	schema, err := json.Marshal(t.OutputSchema())
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeInternal, "template schema could not be encoded")
	}
	msgs := []goopenai.ChatCompletionMessage{
		{Role: goopenai.ChatMessageRoleSystem, Content: prompt.System},
		{Role: goopenai.ChatMessageRoleUser, Content: prompt.User},
	}
	total := &ai.SummarizeResult{}
	sections, err := p.complete(ctx, t, msgs, schema, total)
	var invalid *outputError
	if errors.As(err, &invalid) {
		// One repair: the same request plus what was wrong. The invalid
		// answer is not echoed back, so source text stays inside the fence.
		repair := append(msgs, goopenai.ChatCompletionMessage{Role: goopenai.ChatMessageRoleUser, Content: prompts.RepairMessage(invalid.problem)})
		sections, err = p.complete(ctx, t, repair, schema, total)
		if errors.As(err, &invalid) {
			return nil, phi.WrapPermanent(invalid.problem, phi.CodeOutputInvalid,
				fmt.Sprintf("provider %s's answer did not match the template's schema, also after one repair request: %s", p.cfg.Name, invalid.problem.Error()))
		}
	}
	if err != nil {
		return nil, err
	}
	total.Sections = sections
	return total, nil
}

// outputError is an answer that failed validation.
type outputError struct{ problem error }

func (e *outputError) Error() string { return e.problem.Error() }

// complete sends one chat request (with retries) and parses the answer.
// usage accumulates into total.
func (p *Provider) complete(ctx context.Context, t *prompts.Template, msgs []goopenai.ChatCompletionMessage, schema json.RawMessage, total *ai.SummarizeResult) ([]encounter.Section, error) {
	creq := goopenai.ChatCompletionRequest{
		Model:    p.cfg.SummarizeModel,
		Messages: msgs,
		ResponseFormat: &goopenai.ChatCompletionResponseFormat{
			Type: goopenai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{
				Name: t.SchemaName(), Schema: schema, Strict: true,
				Description: "The note, one array of sentences per section, each citing source segment IDs.",
			},
		},
	}
	if p.cfg.ResponseFormat == "json_object" {
		creq.ResponseFormat = &goopenai.ChatCompletionResponseFormat{Type: goopenai.ChatCompletionResponseFormatTypeJSONObject}
		creq.Messages = append([]goopenai.ChatCompletionMessage{{
			Role:    goopenai.ChatMessageRoleSystem,
			Content: "Answer with one JSON object that follows this JSON schema exactly:\n" + string(schema),
		}}, msgs...)
	}
	if p.cfg.LegacyMaxTokens {
		creq.MaxTokens = p.cfg.Limits.MaxOutputTokens
	} else {
		creq.MaxCompletionTokens = p.cfg.Limits.MaxOutputTokens
	}
	contents := make([]string, len(msgs))
	for i, m := range msgs {
		contents[i] = m.Content
	}
	estimate := p.counter.Chat(contents...) + p.cfg.Limits.MaxOutputTokens

	var resp goopenai.ChatCompletionResponse
	err := p.retry(ctx, func(ctx context.Context) error {
		ex := &exchange{model: p.cfg.SummarizeModel, op: "chat.completions"}
		return p.attempt(ctx, ex, estimate, p.cfg.Timeout, func(ctx context.Context) (ai.Usage, error) {
			r, err := p.api.CreateChatCompletion(ctx, creq)
			if err != nil {
				return ai.Usage{}, err
			}
			resp = r
			return ai.Usage{InputTokens: r.Usage.PromptTokens, OutputTokens: r.Usage.CompletionTokens}, nil
		})
	})
	if err != nil {
		return nil, err
	}
	total.Usage.InputTokens += resp.Usage.PromptTokens
	total.Usage.OutputTokens += resp.Usage.CompletionTokens
	total.Model = p.reportedModel(resp.Model, p.cfg.SummarizeModel)
	if total.RequestID == "" {
		total.RequestID = resp.Header().Get("x-request-id")
		if total.RequestID == "" {
			total.RequestID = resp.Header().Get("apim-request-id")
		}
	}
	if len(resp.Choices) == 0 {
		return nil, &outputError{problem: fmt.Errorf("%w: the answer has no choices", prompts.ErrOutputInvalid)}
	}
	ch := resp.Choices[0]
	switch ch.FinishReason {
	case goopenai.FinishReasonLength:
		// Cut off at max_completion_tokens: a smaller part needs a shorter answer.
		return nil, phi.WrapPermanent(ai.ErrContextTooLong, phi.CodeProviderRejected,
			fmt.Sprintf("provider %s's answer was cut off at limits.max_output_tokens (%d)", p.cfg.Name, p.cfg.Limits.MaxOutputTokens))
	case goopenai.FinishReasonContentFilter:
		return nil, phi.Permanentf(phi.CodeProviderRejected, "provider %s's content filter withheld the answer", p.cfg.Name)
	}
	if ch.Message.Refusal != "" {
		return nil, phi.Permanentf(phi.CodeProviderRejected, "the model of provider %s refused to answer", p.cfg.Name)
	}
	sections, err := t.ParseOutput([]byte(ch.Message.Content))
	if err != nil {
		return nil, &outputError{problem: err}
	}
	return sections, nil
}
