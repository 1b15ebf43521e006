package prompts_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai/tokens"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
)

// LongEncounter is a synthetic transcript of the given length: one
// utterance every few seconds, alternating speakers.
func longEncounter(hours float64) []encounter.Segment {
	lines := []string{
		"I have had a cough for about two weeks and it gets worse at night.",
		"Any fever or chills, or shortness of breath when you climb stairs?",
		"No fever, but I feel tired in the morning and my chest feels tight.",
		"Your blood pressure is 138 over 86 and your lungs sound clear today.",
		"We will start an inhaler twice a day and recheck in two weeks.",
	}
	var segs []encounter.Segment
	for ms := int64(0); ms < int64(hours*3_600_000); ms += 4_000 {
		i := len(segs)
		speaker := "Patient"
		if i%2 == 0 {
			speaker = "Clinician"
		}
		segs = append(segs, encounter.Segment{
			ID: encounter.SegmentID(i + 1), StartMS: ms, EndMS: ms + 3_800, Speaker: speaker,
			Text: fmt.Sprintf("%s (minute %d)", lines[i%len(lines)], ms/60_000),
		})
	}
	return segs
}

func TestChunkThreeHours(t *testing.T) {
	t.Parallel()
	tmpl, _ := prompts.Builtin().Get("soap")
	count := tokens.MustFor("gpt-4o").Count
	segs := longEncounter(3)
	b := prompts.Budget{ContextWindow: 16_000, MaxOutputTokens: 4_000}
	parts, err := tmpl.Chunk(segs, b, count)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) < 4 {
		t.Fatalf("%d segments in %d part(s): expected a 3-hour encounter to need several", len(segs), len(parts))
	}
	// Every segment lands in exactly one part, in order.
	var seen []string
	for i, p := range parts {
		prompt := tmpl.Render(p, prompts.Part{Index: i + 1, Of: len(parts)})
		n := count(prompt.System) + count(prompt.User) + count(prompts.RepairMessage(errors.New(strings.Repeat("x ", 200))))
		if n+b.MaxOutputTokens > b.ContextWindow {
			t.Errorf("part %d: prompt %d + output %d tokens exceeds the window %d", i+1, n, b.MaxOutputTokens, b.ContextWindow)
		}
		for _, s := range p {
			seen = append(seen, s.ID)
		}
	}
	if len(seen) != len(segs) {
		t.Fatalf("%d segments in parts, want %d", len(seen), len(segs))
	}
	for i, s := range segs {
		if seen[i] != s.ID {
			t.Fatalf("position %d holds %s, want %s", i, seen[i], s.ID)
		}
	}
}

func TestChunkOversizedSegment(t *testing.T) {
	t.Parallel()
	tmpl, _ := prompts.Builtin().Get("soap")
	count := tokens.MustFor("gpt-4o").Count
	big := strings.Repeat("The patient reports intermittent chest discomfort after meals. ", 2000)
	segs := []encounter.Segment{{ID: "seg-0001", Text: "Short first."}, {ID: "seg-0002", Text: big + strings.Repeat("x", 40_000)}, {ID: "seg-0003", Text: "Short last."}}
	b := prompts.Budget{ContextWindow: 8_000, MaxOutputTokens: 2_000}
	parts, err := tmpl.Chunk(segs, b, count)
	if err != nil {
		t.Fatal(err)
	}
	var words int
	for _, p := range parts {
		for _, s := range p {
			if s.ID == "seg-0002" {
				words += len(s.Text)
			}
		}
	}
	if len(parts) < 3 {
		t.Fatalf("%d parts", len(parts))
	}
	// Nothing dropped: the pieces hold the whole text (less the spaces cut at).
	if want := len(strings.ReplaceAll(big, " ", "")) + 40_000; words < want {
		t.Errorf("pieces hold %d bytes, want at least %d", words, want)
	}
	avail := tmpl.SourceTokens(b, count)
	for i, p := range parts {
		n := 0
		for _, s := range p {
			n += count(s.Text)
		}
		if n > avail {
			t.Errorf("part %d holds %d tokens of text, over %d", i, n, avail)
		}
	}
}

func TestChunkBudgetTooSmall(t *testing.T) {
	t.Parallel()
	tmpl, _ := prompts.Builtin().Get("soap")
	_, err := tmpl.Chunk(longEncounter(0.01), prompts.Budget{ContextWindow: 1_000, MaxOutputTokens: 800}, tokens.MustFor("").Count)
	if !errors.Is(err, prompts.ErrBudgetTooSmall) {
		t.Errorf("err = %v, want ErrBudgetTooSmall", err)
	}
}
