// Package caption parses the sidecar transcripts telehealth platforms
// produce next to a recording: WebVTT (with <v Speaker> voice spans) and
// SubRip (.srt, with "SPEAKER:" prefixes). Errors name a line number and
// what was wrong, never the text, because they end up in stored statuses.
package caption

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is a sidecar format.
type Format string

const (
	VTT Format = "vtt"
	SRT Format = "srt"
)

// Cue is one timed piece of speech.
type Cue struct {
	StartMS int64
	EndMS   int64
	Speaker string
	Text    string
}

// EndMS is where the last cue ends: how long a recording must be for the
// cues to belong to it.
func EndMS(cues []Cue) int64 {
	var end int64
	for _, c := range cues {
		end = max(end, c.EndMS, c.StartMS)
	}
	return end
}

// ErrInvalid is wrapped by every parse error.
var ErrInvalid = errors.New("caption: invalid sidecar")

// MaxCues bounds a sidecar; a 3-hour encounter has a few thousand.
const MaxCues = 100_000

func invalid(line int, format string, args ...any) error {
	if line > 0 {
		return fmt.Errorf("%w: line %d: %s", ErrInvalid, line, fmt.Sprintf(format, args...))
	}
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Detect guesses the format: WebVTT files must start with "WEBVTT".
func Detect(data []byte) Format {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.HasPrefix(data, []byte("WEBVTT")) {
		return VTT
	}
	return SRT
}

// ContentType is the MIME type of a format.
func (f Format) ContentType() string {
	if f == VTT {
		return "text/vtt"
	}
	return "application/x-subrip"
}

// Parse parses data in the given format ("" detects it). A sidecar with no
// cue that holds text is invalid.
func Parse(data []byte, f Format) ([]Cue, error) {
	if !utf8.Valid(data) {
		return nil, invalid(0, "not valid UTF-8")
	}
	if f == "" {
		f = Detect(data)
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")
	var cues []Cue
	var err error
	switch f {
	case VTT:
		cues, err = parseVTT(lines)
	case SRT:
		cues, err = parseSRT(lines)
	default:
		return nil, invalid(0, "unknown format")
	}
	if err != nil {
		return nil, err
	}
	if len(cues) == 0 {
		return nil, invalid(0, "no cues with text")
	}
	return cues, nil
}

var (
	// hh:mm:ss.ttt or mm:ss.ttt (WebVTT); SRT uses a comma, we accept both.
	tsRE      = regexp.MustCompile(`^(?:(\d{1,3}):)?(\d{2}):(\d{2})[.,](\d{3})$`)
	speakerRE = regexp.MustCompile(`^\s*(?:-\s*)?\[?([A-Z][A-Za-z0-9 .'\-]{0,39}?)\]?:\s+(.*)$`)
	tagRE     = regexp.MustCompile(`<[^>]*>`)
	voiceRE   = regexp.MustCompile(`<v(?:\.[^ \t>]*)?[ \t]+([^>]*)>`)
)

func parseTimestamp(s string, line int) (int64, error) {
	m := tsRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, invalid(line, "malformed timestamp")
	}
	h := int64(0)
	if m[1] != "" {
		h, _ = strconv.ParseInt(m[1], 10, 64)
	}
	mi, _ := strconv.ParseInt(m[2], 10, 64)
	se, _ := strconv.ParseInt(m[3], 10, 64)
	ms, _ := strconv.ParseInt(m[4], 10, 64)
	if mi > 59 || se > 59 {
		return 0, invalid(line, "minutes or seconds out of range")
	}
	return ((h*60+mi)*60+se)*1000 + ms, nil
}

// parseTiming reads "start --> end [settings]".
func parseTiming(s string, line int) (int64, int64, error) {
	left, right, ok := strings.Cut(s, "-->")
	if !ok {
		return 0, 0, invalid(line, "missing -->")
	}
	right = strings.TrimSpace(right)
	if i := strings.IndexAny(right, " \t"); i >= 0 {
		right = right[:i] // cue settings follow the end time
	}
	start, err := parseTimestamp(left, line)
	if err != nil {
		return 0, 0, err
	}
	end, err := parseTimestamp(right, line)
	if err != nil {
		return 0, 0, err
	}
	if end < start {
		return 0, 0, invalid(line, "cue ends before it starts")
	}
	return start, end, nil
}

func parseVTT(lines []string) ([]Cue, error) {
	first := lines[0]
	if !strings.HasPrefix(first, "WEBVTT") || (len(first) > 6 && first[6] != ' ' && first[6] != '\t') {
		return nil, invalid(1, "WebVTT file must start with WEBVTT")
	}
	i := 1
	// Header lines run until the first blank line.
	for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
		if strings.Contains(lines[i], "-->") {
			return nil, invalid(i+1, "cue timing inside the header (missing blank line after WEBVTT)")
		}
		i++
	}
	var cues []Cue
	for i < len(lines) {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		start := i
		// A block is the run of non-blank lines.
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			i++
		}
		block := lines[start:i]
		head := block[0]
		if strings.HasPrefix(head, "NOTE") || head == "STYLE" || head == "REGION" ||
			strings.HasPrefix(head, "STYLE ") || strings.HasPrefix(head, "REGION ") {
			continue
		}
		tl := 0
		if !strings.Contains(head, "-->") {
			tl = 1 // cue identifier
			if len(block) < 2 || !strings.Contains(block[1], "-->") {
				return nil, invalid(start+1, "block is neither a cue nor a NOTE")
			}
		}
		s, e, err := parseTiming(block[tl], start+tl+1)
		if err != nil {
			return nil, err
		}
		speaker, text := vttPayload(block[tl+1:])
		if text == "" {
			continue
		}
		if len(cues) == MaxCues {
			return nil, invalid(start+1, "more than %d cues", MaxCues)
		}
		cues = append(cues, Cue{StartMS: s, EndMS: e, Speaker: speaker, Text: text})
	}
	return cues, nil
}

// vttPayload extracts the speaker of the first voice span and the text
// without markup.
func vttPayload(lines []string) (string, string) {
	raw := strings.Join(lines, " ")
	speaker := ""
	if m := voiceRE.FindStringSubmatch(raw); m != nil {
		speaker = strings.TrimSpace(html.UnescapeString(m[1]))
	}
	text := html.UnescapeString(tagRE.ReplaceAllString(raw, ""))
	return speaker, collapseSpace(text)
}

func parseSRT(lines []string) ([]Cue, error) {
	var cues []Cue
	i := 0
	for i < len(lines) {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		start := i
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			i++
		}
		block := lines[start:i]
		tl := 0
		if !strings.Contains(block[0], "-->") {
			if _, err := strconv.Atoi(strings.TrimSpace(block[0])); err != nil {
				return nil, invalid(start+1, "expected a cue number or timing")
			}
			tl = 1
			if len(block) < 2 || !strings.Contains(block[1], "-->") {
				return nil, invalid(start+2, "cue number without a timing line")
			}
		}
		s, e, err := parseTiming(block[tl], start+tl+1)
		if err != nil {
			return nil, err
		}
		speaker, text := srtPayload(block[tl+1:])
		if text == "" {
			continue
		}
		if len(cues) == MaxCues {
			return nil, invalid(start+1, "more than %d cues", MaxCues)
		}
		cues = append(cues, Cue{StartMS: s, EndMS: e, Speaker: speaker, Text: text})
	}
	return cues, nil
}

func srtPayload(lines []string) (string, string) {
	raw := html.UnescapeString(tagRE.ReplaceAllString(strings.Join(lines, " "), ""))
	speaker := ""
	if m := speakerRE.FindStringSubmatch(raw); m != nil {
		speaker, raw = strings.TrimSpace(m[1]), m[2]
	}
	return speaker, collapseSpace(raw)
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
