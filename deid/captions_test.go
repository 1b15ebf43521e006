package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Transcripts exported as captions (WebVTT, SRT; the shape of blind19's
// tuning part, written for this test): the question in one cue, its
// answer in the next, a timing line (and an SRT cue's number) between
// them. Numbers in a cue that answer no question stay.
func TestCaptionCues(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"webvtt", "WEBVTT\n\n00:00:33.000 --> 00:00:36.500\n<v Speaker 1>and your date of birth\n\n00:00:36.600 --> 00:00:39.100\n<v Speaker 2>eleven fourteen seventy three\n",
				[]found{{"eleven fourteen seventy three", deid.Date}}},
			{"srt", "12\n00:00:33,000 --> 00:00:36,500\nnurse: and your date of birth\n\n13\n00:00:36,600 --> 00:00:39,100\npatient: eleven fourteen seventy three\n",
				[]found{{"eleven fourteen seventy three", deid.Date}}},
			{"no question", "00:00:01.000 --> 00:00:04.000\ndoctor: take eleven units at night\n\n00:00:04.100 --> 00:00:06.000\npatient: eleven fourteen, the two pens\n", nil},
		})
	}
}
