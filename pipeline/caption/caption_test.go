package caption_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/caption"
)

func TestParse(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		format caption.Format
		in     string
		want   []caption.Cue
	}{
		{
			name: "VTTWithVoicesIDsAndNotes",
			in: "\uFEFFWEBVTT - visit\nKind: captions\n\nNOTE recorded by platform\nspans lines\n\n1\n00:00:01.000 --> 00:00:04.200 align:start\n<v Dr. Lena Okafor>How are you &amp; the cough?</v>\n\n" +
				"00:04.500 --> 00:07.000\n<v.loud Patient>Worse at <i>night</i>.\nSince Monday.</v>\n",
			want: []caption.Cue{
				{StartMS: 1000, EndMS: 4200, Speaker: "Dr. Lena Okafor", Text: "How are you & the cough?"},
				{StartMS: 4500, EndMS: 7000, Speaker: "Patient", Text: "Worse at night. Since Monday."},
			},
		},
		{
			name: "VTTCRLFAndEmptyCueSkipped",
			in:   "WEBVTT\r\n\r\n00:00:00.000 --> 00:00:01.000\r\n\r\n00:00:01.000 --> 00:00:02.500\r\nHello there.\r\n",
			want: []caption.Cue{{StartMS: 1000, EndMS: 2500, Text: "Hello there."}},
		},
		{
			name: "SRTWithSpeakers",
			in:   "1\n00:00:00,300 --> 00:00:06,224\nDOCTOR: Hi, I'm Dr. Feld.\nWhat brings you in?\n\n2\n01:00:10,727 --> 01:00:11,565\nPATIENT: It burns.\n",
			want: []caption.Cue{
				{StartMS: 300, EndMS: 6224, Speaker: "DOCTOR", Text: "Hi, I'm Dr. Feld. What brings you in?"},
				{StartMS: 3610727, EndMS: 3611565, Speaker: "PATIENT", Text: "It burns."},
			},
		},
		{
			name: "SRTWithoutNumbersOrSpeakers",
			in:   "00:00:01,000 --> 00:00:02,000\n<i>Just text</i>\n",
			want: []caption.Cue{{StartMS: 1000, EndMS: 2000, Text: "Just text"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := caption.Parse([]byte(c.in), c.format)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("cues (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		format   caption.Format
		wantMsg  string
	}{
		{"Empty", "", "", "no cues"},
		{"OnlyHeader", "WEBVTT\n", "", "no cues"},
		{"NotUTF8", "WEBVTT\n\n00:00.000 --> 00:01.000\n\xff\xfe\n", "", "UTF-8"},
		{"BadTimestamp", "WEBVTT\n\n00:00:0x.000 --> 00:01.000\nhi\n", "", "line 3: malformed timestamp"},
		{"EndBeforeStart", "1\n00:00:05,000 --> 00:00:01,000\nhi\n", caption.SRT, "line 2: cue ends before it starts"},
		{"MissingArrow", "WEBVTT\n\nid\n00:00:01.000 00:00:02.000\nhi\n", "", "line 3"},
		{"SecondsOutOfRange", "1\n00:00:75,000 --> 00:01:00,000\nhi\n", caption.SRT, "out of range"},
		{"GarbageSRT", "this is not a transcript\nat all\n", caption.SRT, "line 1"},
		{"VTTHeaderNotBlankSeparated", "WEBVTT\n00:00:01.000 --> 00:00:02.000\nhi\n", "", "line 2"},
		{"WEBVTTXNotAHeader", "WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nhi\n", caption.VTT, "line 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := caption.Parse([]byte(c.in), c.format)
			if !errors.Is(err, caption.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), c.wantMsg) {
				t.Fatalf("err = %q, want it to mention %q", err, c.wantMsg)
			}
		})
	}
}

// The bundled samples parse, with speakers and monotonic times.
func TestParseSamples(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"rec-cough-telehealth.vtt", "rec-dysuria-visit.srt"} {
		b, err := os.ReadFile("../../testdata/samples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		cues, err := caption.Parse(b, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(cues) < 5 {
			t.Fatalf("%s: %d cues", name, len(cues))
		}
		for i, c := range cues {
			if c.Speaker == "" {
				t.Errorf("%s cue %d has no speaker", name, i)
			}
			if i > 0 && c.StartMS < cues[i-1].StartMS {
				t.Errorf("%s cue %d starts before cue %d", name, i, i-1)
			}
		}
	}
}

// Errors carry line numbers and kinds of fault, never the text: they are
// stored in stage status and reach Redis.
func FuzzParse(f *testing.F) {
	f.Add([]byte("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dr X>hello</v>\n"))
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\nPATIENT: hi\n"))
	f.Add([]byte("WEBVTT\n\nNOTE x\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []caption.Format{"", caption.VTT, caption.SRT} {
			cues, err := caption.Parse(data, format)
			if err != nil {
				msg := err.Error()
				// An error may only name lines and faults: it must not
				// contain any 6+ character run copied from the input.
				if len(data) >= 6 {
					for i := 0; i+6 <= len(data); i++ {
						chunk := string(data[i : i+6])
						if strings.TrimSpace(chunk) == chunk && strings.Contains(msg, chunk) && !strings.Contains(safeVocabulary, chunk) {
							t.Fatalf("error %q echoes input %q", msg, chunk)
						}
					}
				}
				continue
			}
			for _, c := range cues {
				if c.EndMS < c.StartMS || c.Text == "" {
					t.Fatalf("bad cue %+v", c)
				}
			}
		}
	})
}

// Words the parser's own messages use; input that happens to contain them
// is not an echo.
const safeVocabulary = "caption: invalid sidecar: line : not valid UTF-8 no cues with text unknown format WebVTT file must start with WEBVTT cue timing inside the header (missing blank line after WEBVTT) block is neither a cue nor a NOTE expected a cue number or timing cue number without a timing line malformed timestamp minutes or seconds out of range missing --> cue ends before it starts more than cues 0123456789"
