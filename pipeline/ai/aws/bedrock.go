package aws

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/document"
	btypes "github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// BedrockAPI is the part of the Bedrock runtime client the summarizer uses.
type BedrockAPI interface {
	Converse(ctx context.Context, in *bedrockruntime.ConverseInput, opts ...func(*bedrockruntime.Options)) (*bedrockruntime.ConverseOutput, error)
}

// Method labels drafts made by this summarizer.
const Method = "llm"

// Summarizer drafts notes with a model on Amazon Bedrock through the
// Converse API. The model is made to answer in the template's JSON schema
// (a forced tool call, or structured output); the answer is validated
// against the schema and the source segment IDs, sent back once with the
// problems for repair, and otherwise refused (output_invalid).
type Summarizer struct {
	cfg Config
	br  BedrockAPI
	log *slog.Logger
}

var _ ai.Summarizer = (*Summarizer)(nil)

// NewSummarizer returns a Bedrock summarizer. cfg needs Bedrock.ModelID.
func NewSummarizer(cfg Config, br BedrockAPI, log *slog.Logger) (*Summarizer, error) {
	cfg = cfg.WithDefaults()
	if br == nil {
		return nil, errors.New("aws.NewSummarizer: a Bedrock runtime client is required")
	}
	if cfg.Bedrock.ModelID == "" {
		return nil, errors.New("aws.NewSummarizer: bedrock.model_id is required")
	}
	if err := cfg.validate(false, true); err != nil {
		return nil, fmt.Errorf("aws.NewSummarizer: %w", err)
	}
	return &Summarizer{cfg: cfg, br: br, log: logger(log)}, nil
}

// Notice is shown under the AI banner of every draft this summarizer makes.
func (s *Summarizer) Notice() string {
	return "Drafted by a language model (" + s.cfg.Bedrock.ModelID + " on Amazon Bedrock). Each sentence cites the source segments it rests on; check it against them before signing."
}

// Summarize implements ai.Summarizer.
func (s *Summarizer) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	if req.Template == nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "aws: summarize request has no template")
	}
	if len(req.Segments) == 0 {
		return nil, phi.Permanentf(phi.CodeEmptyInput, "aws: nothing to summarize (no source segments)")
	}
	mode := s.cfg.Bedrock.OutputMode
	p := renderPrompt(req.Template, req.Segments, mode)
	in := &bedrockruntime.ConverseInput{
		ModelId: aws.String(s.cfg.Bedrock.ModelID),
		System:  []btypes.SystemContentBlock{&btypes.SystemContentBlockMemberText{Value: p.system}},
		Messages: []btypes.Message{{
			Role:    btypes.ConversationRoleUser,
			Content: []btypes.ContentBlock{&btypes.ContentBlockMemberText{Value: p.user}},
		}},
		InferenceConfig: &btypes.InferenceConfiguration{
			MaxTokens:   aws.Int32(int32(s.cfg.Bedrock.MaxTokens)),
			Temperature: aws.Float32(s.cfg.Bedrock.Temperature),
		},
		// RequestMetadata stays nil: it is logged with the invocation on
		// AWS's side and must not carry identifiers.
	}
	schema := req.Template.OutputSchema()
	switch mode {
	case OutputJSONSchema:
		b, err := json.Marshal(schema)
		if err != nil {
			return nil, phi.Permanentf(phi.CodeInternal, "aws: template schema does not marshal")
		}
		in.OutputConfig = &btypes.OutputConfig{TextFormat: &btypes.OutputFormat{
			Type: btypes.OutputFormatTypeJsonSchema,
			Structure: &btypes.OutputFormatStructureMemberJsonSchema{Value: btypes.JsonSchemaDefinition{
				Name: aws.String("clinical_note"), Schema: aws.String(string(b)),
				Description: aws.String("The note, one array of cited sentences per section."),
			}},
		}}
	default:
		in.ToolConfig = &btypes.ToolConfiguration{
			Tools: []btypes.Tool{&btypes.ToolMemberToolSpec{Value: btypes.ToolSpecification{
				Name:        aws.String(ToolName),
				Description: aws.String("Records the drafted note: one array of cited sentences per section of the template."),
				InputSchema: &btypes.ToolInputSchemaMemberJson{Value: document.NewLazyDocument(schema)},
			}}},
			ToolChoice: &btypes.ToolChoiceMemberTool{Value: btypes.SpecificToolChoice{Name: aws.String(ToolName)}},
		}
	}

	var usage ai.Usage
	var requestID string
	for attempt := 1; ; attempt++ {
		out, err := s.converse(ctx, in)
		if err != nil {
			return nil, err
		}
		if out.Usage != nil {
			usage.InputTokens += int(aws.ToInt32(out.Usage.InputTokens))
			usage.OutputTokens += int(aws.ToInt32(out.Usage.OutputTokens))
		}
		if id, ok := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); ok {
			requestID = id
		}
		msg, err := s.answerMessage(out)
		if err != nil {
			return nil, err
		}
		raw, toolUseID, problems := extractAnswer(msg, mode)
		if len(problems) == 0 {
			secs, p := checkNote(raw, req.Template, req.Segments)
			if len(p) == 0 {
				s.log.Debug("aws: bedrock draft accepted", "model", s.cfg.Bedrock.ModelID, "attempt", attempt)
				return &ai.SummarizeResult{
					Sections: secs, Model: s.cfg.Bedrock.ModelID, Method: Method, Notice: s.Notice(),
					Usage: usage, RequestID: requestID,
				}, nil
			}
			problems = p
		}
		if out.StopReason == btypes.StopReasonMaxTokens {
			problems = append(problems, fmt.Sprintf("the answer was cut off at the %d-token limit; write shorter sentences and leave out what is not clinically relevant", s.cfg.Bedrock.MaxTokens))
		}
		s.log.Warn("aws: bedrock answer did not match the template schema", "model", s.cfg.Bedrock.ModelID,
			"attempt", attempt, "problems", len(problems))
		if attempt == 2 {
			return nil, phi.Permanentf(phi.CodeOutputInvalid,
				"aws: the model's answer did not match the %s template's schema after one repair (%d problems)", req.Template.ID, len(problems))
		}
		in.Messages = append(in.Messages, repairMessages(msg, toolUseID, problems)...)
	}
}

func (s *Summarizer) converse(ctx context.Context, in *bedrockruntime.ConverseInput) (*bedrockruntime.ConverseOutput, error) {
	rctx, cancel := context.WithTimeout(ctx, s.cfg.Bedrock.RequestTimeout)
	defer cancel()
	start := time.Now()
	out, err := s.br.Converse(rctx, in)
	if err != nil {
		err = classify("bedrock Converse", err)
		if ctx.Err() == nil && rctx.Err() != nil {
			err = rewrap(err, fmt.Sprintf("aws: bedrock Converse did not answer within %s", s.cfg.Bedrock.RequestTimeout))
		}
		s.log.Warn("aws: bedrock call failed", "model", s.cfg.Bedrock.ModelID, "code", string(phi.CodeOf(err)), "duration", time.Since(start))
		return nil, err
	}
	return out, nil
}

// answerMessage returns the model's message, or a permanent error for
// stops that another try cannot change.
func (s *Summarizer) answerMessage(out *bedrockruntime.ConverseOutput) (btypes.Message, error) {
	switch out.StopReason {
	case btypes.StopReasonGuardrailIntervened, btypes.StopReasonContentFiltered:
		return btypes.Message{}, phi.Permanentf(phi.CodeProviderRejected, "aws: bedrock refused the request (%s)", out.StopReason)
	case btypes.StopReasonModelContextWindowExceeded:
		return btypes.Message{}, phi.Permanentf(phi.CodeTooLarge, "aws: the source exceeds the model's context window; split it into smaller chunks")
	}
	m, ok := out.Output.(*btypes.ConverseOutputMemberMessage)
	if !ok {
		return btypes.Message{}, phi.Errorf(phi.CodeProviderError, "aws: bedrock returned no message")
	}
	return m.Value, nil
}

// extractAnswer finds the note in the model's message: the input of the
// record_note tool call, or the text in json_schema mode.
func extractAnswer(msg btypes.Message, mode string) (raw []byte, toolUseID string, problems []string) {
	var text strings.Builder
	for _, c := range msg.Content {
		switch b := c.(type) {
		case *btypes.ContentBlockMemberToolUse:
			if aws.ToString(b.Value.Name) != ToolName || b.Value.Input == nil {
				continue
			}
			toolUseID = aws.ToString(b.Value.ToolUseId)
			data, err := b.Value.Input.MarshalSmithyDocument()
			if err != nil {
				return nil, toolUseID, []string{"$: the tool input is not valid JSON"}
			}
			return data, toolUseID, nil
		case *btypes.ContentBlockMemberText:
			text.WriteString(b.Value)
		}
	}
	if mode == OutputJSONSchema && strings.TrimSpace(text.String()) != "" {
		return []byte(stripFence(text.String())), "", nil
	}
	if mode == OutputJSONSchema {
		return nil, "", []string{"$: the answer is empty; answer with the JSON object"}
	}
	return nil, "", []string{"$: the answer did not call the tool " + ToolName + "; call it with the whole note"}
}

// stripFence removes a Markdown code fence some models put around JSON.
func stripFence(s string) string {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "```"); ok {
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[nl+1:]
		}
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "```"))
	}
	return s
}

// repairMessages continues the conversation: the model's answer as it was,
// then the problems, as the tool's result when it called the tool.
func repairMessages(answer btypes.Message, toolUseID string, problems []string) []btypes.Message {
	text := repairText(problems)
	assistant := btypes.Message{Role: btypes.ConversationRoleAssistant, Content: answer.Content}
	if len(assistant.Content) == 0 {
		assistant.Content = []btypes.ContentBlock{&btypes.ContentBlockMemberText{Value: "(no answer)"}}
	}
	var user []btypes.ContentBlock
	if toolUseID != "" {
		user = append(user, &btypes.ContentBlockMemberToolResult{Value: btypes.ToolResultBlock{
			ToolUseId: aws.String(toolUseID),
			Content:   []btypes.ToolResultContentBlock{&btypes.ToolResultContentBlockMemberText{Value: text}},
		}})
	} else {
		user = append(user, &btypes.ContentBlockMemberText{Value: text})
	}
	return []btypes.Message{assistant, {Role: btypes.ConversationRoleUser, Content: user}}
}
