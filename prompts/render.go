package prompts

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// The frame wraps every template into the messages a model receives. Its
// files are hashed into every template's Version, so a change to the frame
// is a new prompt version for every template.
//
//go:embed frame/*.txt
var frameFS embed.FS

// frameFormat names the source-line syntax written by sourceLine and read
// by ParseSource; it is hashed into Version with the frame files.
const frameFormat = "source-lines-v1"

var (
	frameSystem = mustFrame("frame/system.txt")
	frameUser   = mustFrame("frame/user.txt")
	frameRepair = mustFrame("frame/repair.txt")
	frameSHA256 = func() string {
		h := sha256.New()
		h.Write([]byte(frameFormat))
		for _, name := range []string{"frame/system.txt", "frame/user.txt", "frame/repair.txt"} {
			b, err := frameFS.ReadFile(name)
			if err != nil {
				panic(err)
			}
			fmt.Fprintf(h, "\x00%s\x00%d\x00", name, len(b))
			h.Write(b)
		}
		return hex.EncodeToString(h.Sum(nil))
	}()
)

func mustFrame(name string) *template.Template {
	b, err := frameFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return template.Must(template.New(name).Option("missingkey=error").Parse(string(b)))
}

// FrameSHA256 is the hash of the frame every prompt is rendered with.
func FrameSHA256() string { return frameSHA256 }

// Fence markers. The fence ID after them is derived from the content, so
// source text cannot close the fence early: it would have to contain its
// own hash.
const (
	beginMarker = "<<<BEGIN SOURCE DATA "
	endMarker   = "<<<END SOURCE DATA "
	markerClose = ">>>"
)

// Part places a chunk within a long encounter. The zero Part means the
// whole encounter fits one request.
type Part struct {
	Index int // 1-based
	Of    int
}

// Prompt is a rendered request: a system message with the template's
// instructions and a user message with the source fenced as data.
type Prompt struct {
	System string
	User   string
	// Fence is the ID in the fence markers.
	Fence string
	// SegmentIDs lists the segments inside the fence, in order.
	SegmentIDs []string
}

// Render renders the prompt for segs (all of an encounter, or one part).
// Source text appears only between the fence lines of the user message.
func (t *Template) Render(segs []encounter.Segment, part Part) Prompt {
	lines := make([]string, 0, len(segs))
	ids := make([]string, 0, len(segs))
	for _, s := range segs {
		lines = append(lines, sourceLine(s))
		if len(ids) == 0 || ids[len(ids)-1] != s.ID {
			ids = append(ids, s.ID)
		}
	}
	body := strings.Join(lines, "\n")
	if body != "" {
		body += "\n"
	}
	sum := sha256.Sum256([]byte(body))
	fence := hex.EncodeToString(sum[:8])
	begin, end := beginMarker+fence+markerClose, endMarker+fence+markerClose

	var sys bytes.Buffer
	must(frameSystem.Execute(&sys, map[string]any{
		"System": strings.TrimSpace(t.System) + "\n", "Sections": t.Sections, "Begin": begin, "End": end,
	}))
	data := map[string]any{
		"Title": t.Title, "Begin": begin, "End": end, "Lines": body,
		"Part": nil, "Count": len(ids), "First": "", "Last": "",
	}
	if part.Of > 1 && len(ids) > 0 {
		data["Part"], data["First"], data["Last"] = part, ids[0], ids[len(ids)-1]
	}
	var user bytes.Buffer
	must(frameUser.Execute(&user, data))
	return Prompt{System: sys.String(), User: strings.TrimRight(user.String(), "\n"), Fence: fence, SegmentIDs: ids}
}

// RepairMessage is the follow-up that asks a model to fix output that
// failed validation. problem must be a message from ValidateOutput (paths
// and types only, never values).
func RepairMessage(problem error) string {
	var b bytes.Buffer
	must(frameRepair.Execute(&b, map[string]any{"Problem": problem.Error()}))
	return strings.TrimSpace(b.String())
}

func must(err error) {
	if err != nil {
		panic(fmt.Sprintf("prompts: frame: %v", err)) // the frame is embedded and tested
	}
}

// sourceLine writes one segment as one line:
//
//	[seg-0004 | t=00:01:12.5 | speaker: Clinician | heading: plan] text
func sourceLine(s encounter.Segment) string {
	var b strings.Builder
	b.WriteString("[" + s.ID)
	if s.StartMS > 0 || s.EndMS > 0 {
		b.WriteString(" | t=" + clock(s.StartMS))
	}
	if v := metaValue(s.Speaker); v != "" {
		b.WriteString(" | speaker: " + v)
	}
	if v := metaValue(s.Heading); v != "" {
		b.WriteString(" | heading: " + v)
	}
	b.WriteString("] ")
	b.WriteString(oneLine(s.Text))
	return b.String()
}

func clock(ms int64) string {
	h, m := ms/3_600_000, ms/60_000%60
	sec := float64(ms%60_000) / 1000
	return fmt.Sprintf("%02d:%02d:%04.1f", h, m, sec)
}

var spaceRE = regexp.MustCompile(`[\s\p{Zl}\p{Zp}]+`)

// oneLine keeps a segment on its line: line breaks of any kind become
// spaces, so no source text can start a line of its own.
func oneLine(s string) string { return strings.TrimSpace(spaceRE.ReplaceAllString(s, " ")) }

func metaValue(s string) string {
	s = strings.NewReplacer("|", " ", "[", " ", "]", " ").Replace(s)
	return oneLine(s)
}

// ErrNoSource means a message holds no fenced source.
var ErrNoSource = errors.New("prompts: no fenced source in the message")

var (
	beginRE = regexp.MustCompile(regexp.QuoteMeta(beginMarker) + `([0-9a-f]{16})` + regexp.QuoteMeta(markerClose) + "\n")
	lineRE  = regexp.MustCompile(`^\[([A-Za-z0-9_-]+)((?: \| [^|\]]*)*)\] ?(.*)$`)
)

// fenced finds the first fenced block in msg: the offsets of the whole
// block, of its body, and its fence ID. The end marker must carry the same
// ID as the begin marker, so a forged end marker inside the data does not
// close the block.
func fenced(msg string) (start, end, bodyStart, bodyEnd int, fence string, ok bool) {
	m := beginRE.FindStringSubmatchIndex(msg)
	if m == nil {
		return 0, 0, 0, 0, "", false
	}
	fence = msg[m[2]:m[3]]
	closeTag := endMarker + fence + markerClose
	i := strings.Index(msg[m[1]:], closeTag)
	if i < 0 {
		return 0, 0, 0, 0, "", false
	}
	return m[0], m[1] + i + len(closeTag), m[1], m[1] + i, fence, true
}

// ParseSource reads back the segments inside the fence of a rendered user
// message: the inverse of Render, for test servers and checks. Segment
// times are read at the rendered precision (a tenth of a second).
func ParseSource(user string) (fence string, segs []encounter.Segment, err error) {
	_, _, bs, be, fence, ok := fenced(user)
	if !ok {
		return "", nil, ErrNoSource
	}
	for _, line := range strings.Split(strings.TrimSuffix(user[bs:be], "\n"), "\n") {
		if line == "" {
			continue
		}
		lm := lineRE.FindStringSubmatch(line)
		if lm == nil {
			return "", nil, fmt.Errorf("prompts: malformed source line %d", len(segs)+1)
		}
		seg := encounter.Segment{ID: lm[1], Text: lm[3]}
		for _, meta := range strings.Split(lm[2], " | ")[1:] {
			switch k, v, _ := strings.Cut(meta, ": "); {
			case strings.HasPrefix(meta, "t="):
				seg.StartMS = parseClock(strings.TrimPrefix(meta, "t="))
			case k == "speaker":
				seg.Speaker = v
			case k == "heading":
				seg.Heading = v
			}
		}
		segs = append(segs, seg)
	}
	return fence, segs, nil
}

func parseClock(s string) int64 {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0
	}
	h, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	sec, _ := strconv.ParseFloat(parts[2], 64)
	return int64(h)*3_600_000 + int64(m)*60_000 + int64(sec*1000+0.5)
}

// OutsideFence returns msg with every fenced source block removed: what a
// model reads as instructions rather than data.
func OutsideFence(msg string) string {
	var b strings.Builder
	for {
		start, end, _, _, _, ok := fenced(msg)
		if !ok {
			b.WriteString(msg)
			return b.String()
		}
		b.WriteString(msg[:start])
		msg = msg[end:]
	}
}
