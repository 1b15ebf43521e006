package openai_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/openai"
)

func TestConformanceOpenAI(t *testing.T) {
	t.Parallel()
	aitest.Run(t, conformanceSetup(openai.KindOpenAI))
}

func TestConformanceAzure(t *testing.T) {
	t.Parallel()
	aitest.Run(t, conformanceSetup(openai.KindAzure))
}
