package aws

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Segmentation of a Transcribe transcript: a segment ends at the end of a
// sentence, when the speaker changes, or at a pause, so each segment is
// one short utterance a draft sentence can cite.
const (
	// maxPauseMS is the longest pause inside one segment.
	maxPauseMS = 1500
	// maxSegmentMS caps a segment without sentence punctuation (dictation
	// without pauses) so evidence stays specific.
	maxSegmentMS = 30000
)

// seconds is a Transcribe time: a decimal string ("12.34"), or a number in
// some outputs.
type seconds struct {
	ms  int64
	set bool
}

func (s *seconds) UnmarshalJSON(b []byte) error {
	b = bytes.Trim(b, `"`)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) || f > 1e7 {
		return errInvalidTime
	}
	s.ms, s.set = int64(math.Round(f*1000)), true
	return nil
}

var errInvalidTime = errors.New("invalid time")

// medicalTranscript is the transcript file of a Transcribe (Medical) job.
type medicalTranscript struct {
	JobName string `json:"jobName"`
	Status  string `json:"status"`
	Results struct {
		SpeakerLabels *struct {
			Segments []struct {
				SpeakerLabel string `json:"speaker_label"`
				Items        []struct {
					StartTime    seconds `json:"start_time"`
					SpeakerLabel string  `json:"speaker_label"`
				} `json:"items"`
			} `json:"segments"`
		} `json:"speaker_labels"`
		Items []struct {
			Type         string  `json:"type"` // pronunciation | punctuation
			StartTime    seconds `json:"start_time"`
			EndTime      seconds `json:"end_time"`
			SpeakerLabel string  `json:"speaker_label"`
			Alternatives []struct {
				Content string `json:"content"`
			} `json:"alternatives"`
		} `json:"items"`
	} `json:"results"`
}

// errNoSpeech means a transcript has no words.
var errNoSpeech = errors.New("transcript has no words")

// parseMedicalTranscript turns a Transcribe transcript file into segments.
// Errors name the kind of fault and an item index, never content.
func parseMedicalTranscript(data []byte) ([]encounter.Segment, error) {
	var t medicalTranscript
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("transcript is not valid Transcribe JSON: %w", jsonFault(err))
	}
	// Older outputs put the speaker only in speaker_labels, keyed by the
	// word's start time.
	speakerAt := map[int64]string{}
	if sl := t.Results.SpeakerLabels; sl != nil {
		for _, seg := range sl.Segments {
			for _, it := range seg.Items {
				if it.StartTime.set {
					speakerAt[it.StartTime.ms] = firstNonEmpty(it.SpeakerLabel, seg.SpeakerLabel)
				}
			}
		}
	}

	var (
		segs     []encounter.Segment
		cur      strings.Builder
		curStart int64
		curEnd   int64
		curSpk   string
		open     bool
	)
	flush := func() {
		if !open {
			return
		}
		text := strings.TrimSpace(cur.String())
		if text != "" {
			if n := len(segs); n > 0 && curStart < segs[n-1].StartMS {
				curStart = segs[n-1].StartMS
			}
			curEnd = max(curEnd, curStart)
			segs = append(segs, encounter.Segment{
				ID: encounter.SegmentID(len(segs) + 1), StartMS: curStart, EndMS: curEnd,
				Speaker: speakerName(curSpk), Text: text,
			})
		}
		cur.Reset()
		open = false
	}
	for i, it := range t.Results.Items {
		if len(it.Alternatives) == 0 {
			return nil, fmt.Errorf("transcript item %d has no alternatives", i)
		}
		word := strings.TrimSpace(it.Alternatives[0].Content)
		switch it.Type {
		case "punctuation":
			if !open || word == "" {
				continue
			}
			cur.WriteString(word)
			if strings.ContainsAny(word, ".?!") {
				flush()
			}
		case "pronunciation":
			if !it.StartTime.set || !it.EndTime.set {
				return nil, fmt.Errorf("transcript item %d has no start or end time", i)
			}
			if word == "" {
				continue
			}
			spk := it.SpeakerLabel
			if spk == "" {
				spk = speakerAt[it.StartTime.ms]
			}
			if open && (spk != curSpk || it.StartTime.ms-curEnd > maxPauseMS || it.EndTime.ms-curStart > maxSegmentMS) {
				flush()
			}
			if !open {
				open, curStart, curSpk = true, it.StartTime.ms, spk
			} else {
				cur.WriteByte(' ')
			}
			cur.WriteString(word)
			curEnd = max(curEnd, it.EndTime.ms)
		default:
			return nil, fmt.Errorf("transcript item %d has unknown type", i)
		}
	}
	flush()
	if len(segs) == 0 {
		return nil, errNoSpeech
	}
	return segs, nil
}

var spkRE = regexp.MustCompile(`^(spk|ch)_(\d{1,2})$`)

// speakerName turns Transcribe's "spk_0" into "Speaker 1" (and "ch_0" into
// "Channel 1"). Labels of any other shape are dropped rather than passed
// on.
func speakerName(label string) string {
	m := spkRE.FindStringSubmatch(label)
	if m == nil {
		return ""
	}
	n, _ := strconv.Atoi(m[2])
	if m[1] == "ch" {
		return fmt.Sprintf("Channel %d", n+1)
	}
	return fmt.Sprintf("Speaker %d", n+1)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// jsonFault describes a JSON decoding error by kind and offset; the
// standard library's messages can quote the offending value.
func jsonFault(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("syntax error at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Errorf("wrong type at byte %d (field %s)", te.Offset, safeField(te.Field))
	case errors.Is(err, errInvalidTime):
		return errors.New("a time is not a non-negative number of seconds")
	}
	return errors.New("malformed JSON")
}

var fieldRE = regexp.MustCompile(`^[A-Za-z0-9_.]{0,100}$`)

func safeField(f string) string {
	if fieldRE.MatchString(f) {
		return f
	}
	return "?"
}
