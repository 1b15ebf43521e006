package stitch_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai/stitch"
)

func texts(t *testing.T, pieces []stitch.Piece) []string {
	t.Helper()
	var out []string
	last := int64(-1)
	for _, s := range stitch.Stitch(pieces) {
		if s.StartMS < last {
			t.Errorf("%s starts at %d, before the previous segment (%d)", s.ID, s.StartMS, last)
		}
		last = s.StartMS
		out = append(out, s.Text)
	}
	return out
}

func TestStitchDropsWordsHeardTwice(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		pieces []stitch.Piece
		want   []string
	}{
		{
			name: "overlap inside one utterance",
			pieces: []stitch.Piece{
				{StartMS: 0, EndMS: 10_000, Segments: []stitch.Seg{
					{StartMS: 0, EndMS: 4_000, Text: "I have had a cough."},
					{StartMS: 6_000, EndMS: 10_000, Text: "It is worse at"},
				}},
				{StartMS: 9_000, EndMS: 20_000, Segments: []stitch.Seg{ // 1s overlap: "worse at" again
					{StartMS: 0, EndMS: 3_000, Text: "worse at night, mostly."},
					{StartMS: 5_000, EndMS: 8_000, Text: "Any fever?"},
				}},
			},
			want: []string{"I have had a cough.", "It is worse at", "night, mostly.", "Any fever?"},
		},
		{
			name: "clipped first word misheard",
			pieces: []stitch.Piece{
				{StartMS: 0, EndMS: 10_000, Segments: []stitch.Seg{{StartMS: 5_000, EndMS: 9_900, Text: "Take ibuprofen twice daily with food."}}},
				{StartMS: 8_500, EndMS: 20_000, Segments: []stitch.Seg{{StartMS: 0, EndMS: 4_000, Text: "fen twice daily with food. Come back in a week."}}},
			},
			want: []string{"Take ibuprofen twice daily with food.", "Come back in a week."},
		},
		{
			name: "whole segment repeated",
			pieces: []stitch.Piece{
				{StartMS: 0, EndMS: 10_000, Segments: []stitch.Seg{{StartMS: 8_000, EndMS: 9_500, Text: "No chest pain."}}},
				{StartMS: 7_500, EndMS: 20_000, Segments: []stitch.Seg{{StartMS: 500, EndMS: 2_000, Text: "No chest pain."}, {StartMS: 3_000, EndMS: 5_000, Text: "Good."}}},
			},
			want: []string{"No chest pain.", "Good."},
		},
		{
			name: "no words in common: time decides",
			pieces: []stitch.Piece{
				{StartMS: 0, EndMS: 10_000, Segments: []stitch.Seg{{StartMS: 8_000, EndMS: 9_800, Text: "Blood pressure is fine."}}},
				{StartMS: 9_000, EndMS: 20_000, Segments: []stitch.Seg{{StartMS: 0, EndMS: 800, Text: "Fine."}, {StartMS: 2_000, EndMS: 4_000, Text: "Next, your labs."}}},
			},
			want: []string{"Blood pressure is fine.", "Next, your labs."},
		},
		{
			name: "speech the earlier chunk missed is kept",
			pieces: []stitch.Piece{
				{StartMS: 0, EndMS: 10_000, Segments: []stitch.Seg{{StartMS: 1_000, EndMS: 3_000, Text: "Hello."}}},
				{StartMS: 9_000, EndMS: 20_000, Segments: []stitch.Seg{{StartMS: 200, EndMS: 900, Text: "Okay then."}}},
			},
			want: []string{"Hello.", "Okay then."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, texts(t, tc.pieces)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestStitchOffsetsAndNumbers(t *testing.T) {
	t.Parallel()
	segs := stitch.Stitch([]stitch.Piece{
		{StartMS: 0, EndMS: 5_000, Segments: []stitch.Seg{{StartMS: 100, EndMS: 900, Text: "One.", Speaker: "A"}}},
		{StartMS: 5_000, EndMS: 10_000, Segments: []stitch.Seg{{StartMS: 100, EndMS: 900, Text: "Two.", Speaker: "B"}}},
	})
	if len(segs) != 2 || segs[1].ID != "seg-0002" || segs[1].StartMS != 5_100 || segs[1].EndMS != 5_900 || segs[1].Speaker != "B" {
		t.Errorf("%+v", segs)
	}
}

func TestCleanRemovesSuspectHallucinationsOnly(t *testing.T) {
	t.Parallel()
	const dur = 30_000
	segs := []stitch.Seg{
		{StartMS: 0, EndMS: 2_000, Text: "Thank you, doctor.", Scored: true, AvgLogprob: -0.2, NoSpeechProb: 0.01},
		{StartMS: 2_000, EndMS: 3_000, Text: "Thank you.", Scored: true, AvgLogprob: -0.3, NoSpeechProb: 0.02},            // said: kept
		{StartMS: 20_000, EndMS: 22_000, Text: "you", Scored: true, AvgLogprob: -1.4, NoSpeechProb: 0.3},                  // low logprob
		{StartMS: 26_000, EndMS: 30_000, Text: "Thanks for watching!", Scored: true, AvgLogprob: -0.5, NoSpeechProb: 0.9}, // silence
		{StartMS: 27_000, EndMS: 30_000, Text: " ♪ ", Scored: true},
		{StartMS: 28_000, EndMS: 30_000, Text: "Subtitles by the Amara.org community", Scored: true, AvgLogprob: -0.4, NoSpeechProb: 0.1, CompressionRatio: 3},
	}
	got := stitch.Clean(segs, dur)
	var kept []string
	for _, s := range got {
		kept = append(kept, s.Text)
	}
	if diff := cmp.Diff([]string{"Thank you, doctor.", "Thank you."}, kept); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Unscored (models without segment scores): only video outros at the
	// end of a chunk go.
	unscored := []stitch.Seg{
		{StartMS: 1_000, Text: "Thank you for watching."}, // not at the end: kept
		{StartMS: 20_000, Text: "Thank you."},             // a patient's words: kept
		{StartMS: 27_000, Text: "Thank you for watching."},
	}
	if got := stitch.Clean(unscored, dur); len(got) != 2 || got[1].Text != "Thank you." {
		t.Errorf("unscored: %+v", got)
	}
}

func TestStitchSilenceIsEmpty(t *testing.T) {
	t.Parallel()
	segs := stitch.Stitch([]stitch.Piece{{StartMS: 0, EndMS: 30_000, Segments: []stitch.Seg{
		{StartMS: 0, EndMS: 30_000, Text: "Thank you.", Scored: true, NoSpeechProb: 0.95, AvgLogprob: -0.8},
		{StartMS: 28_000, EndMS: 30_000, Text: strings.ToUpper("bye."), Scored: true, NoSpeechProb: 0.9},
	}}})
	if len(segs) != 0 {
		t.Errorf("silence produced %+v", segs)
	}
}

// Whatever the chunks hold, the result is numbered in order with
// monotonic times, and no word appears that no chunk had.
func FuzzStitch(f *testing.F) {
	f.Add("a b c", "b c d", int64(1000), int64(500))
	f.Add("thank you for watching", "", int64(0), int64(0))
	f.Add("x", "x x x", int64(-5), int64(99999))
	f.Fuzz(func(t *testing.T, a, b string, startB, shift int64) {
		if startB < 0 {
			startB = -startB
		}
		startB %= 20_000
		shift %= 10_000
		pieces := []stitch.Piece{
			{StartMS: 0, EndMS: 20_000, Segments: []stitch.Seg{{StartMS: 100, EndMS: 19_000, Text: a, Speaker: "A"}}},
			{StartMS: startB, EndMS: startB + 20_000, Segments: []stitch.Seg{{StartMS: shift, EndMS: shift + 500, Text: b, Speaker: "B"}, {StartMS: 0, EndMS: 10, Text: a}}},
		}
		words := map[string]bool{}
		for _, s := range strings.Fields(a + " " + b) {
			words[s] = true
		}
		last := int64(-1 << 62)
		for i, s := range stitch.Stitch(pieces) {
			if s.ID != fmt.Sprintf("seg-%04d", i+1) || s.StartMS < last || s.EndMS < s.StartMS {
				t.Fatalf("segment %d: %+v after start %d", i, s, last)
			}
			last = s.StartMS
			for _, w := range strings.Fields(s.Text) {
				if !words[w] {
					t.Fatalf("invented word %q", w)
				}
			}
		}
	})
}
