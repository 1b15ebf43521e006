package ai_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// A panic in a part (a provider bug on odd input) runs on a goroutine the
// task's own recovery middleware cannot see: unrecovered it would end the
// whole worker process, every in-flight task with it, and print the panic
// value (which may quote content) to stderr. It must come back as this
// task's internal error instead, without the panic value.
func TestPanicInAPartIsAnError(t *testing.T) {
	t.Parallel()
	boom := func() { panic(fmt.Errorf("cannot parse %q", "Zelda Quixote MRN-CANARY-1")) }
	for name, run := range map[string]func() error{
		"SummarizeInParts": func() error {
			_, err := ai.SummarizeInParts(context.Background(),
				&ai.SummarizeRequest{Template: soap(t), Segments: []encounter.Segment{{ID: "seg-0001", Text: "Cough."}}},
				ai.PartsConfig{Budget: prompts.Budget{ContextWindow: 8_000, MaxOutputTokens: 1_000}, Count: func(s string) int { return len(s) }},
				func(context.Context, []encounter.Segment, prompts.Part) (*ai.SummarizeResult, error) {
					boom()
					return nil, nil
				})
			return err
		},
		"Bounded": func() error {
			return ai.Bounded(context.Background(), 3, 2, func(_ context.Context, i int) error {
				if i == 1 {
					boom()
				}
				return nil
			})
		},
	} {
		t.Run(name, func(t *testing.T) {
			err := run()
			if phi.CodeOf(err) != phi.CodeInternal {
				t.Fatalf("err = %v, want an internal error", err)
			}
			if msg := phi.Safe(err).Error(); strings.Contains(msg, "Zelda") || strings.Contains(msg, "CANARY") {
				t.Errorf("error carries the panic value: %q", msg)
			}
		})
	}
}
