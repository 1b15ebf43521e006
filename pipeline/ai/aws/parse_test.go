package aws

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// marker is planted in parser inputs: no error message may repeat it.
const marker = "PLANTEDPHI"

func TestParseMedicalTranscript(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []encounter.Segment
	}{
		{
			name: "speaker labels on items, sentences split",
			in: `{"results":{"items":[
				{"type":"pronunciation","start_time":"0.5","end_time":"0.9","speaker_label":"spk_0","alternatives":[{"content":"Hello"}]},
				{"type":"punctuation","alternatives":[{"content":"."}]},
				{"type":"pronunciation","start_time":"1.0","end_time":"1.2","speaker_label":"spk_0","alternatives":[{"content":"Sit"}]},
				{"type":"pronunciation","start_time":"1.2","end_time":"1.6","speaker_label":"spk_0","alternatives":[{"content":"down"}]},
				{"type":"punctuation","alternatives":[{"content":","}]},
				{"type":"pronunciation","start_time":"1.7","end_time":"2.0","speaker_label":"spk_0","alternatives":[{"content":"please"}]},
				{"type":"pronunciation","start_time":"2.5","end_time":"2.9","speaker_label":"spk_1","alternatives":[{"content":"Thanks"}]}
			]}}`,
			want: []encounter.Segment{
				{ID: "seg-0001", StartMS: 500, EndMS: 900, Speaker: "Speaker 1", Text: "Hello."},
				{ID: "seg-0002", StartMS: 1000, EndMS: 2000, Speaker: "Speaker 1", Text: "Sit down, please"},
				{ID: "seg-0003", StartMS: 2500, EndMS: 2900, Speaker: "Speaker 2", Text: "Thanks"},
			},
		},
		{
			name: "legacy speaker_labels section",
			in: `{"results":{"speaker_labels":{"speakers":2,"segments":[
					{"speaker_label":"spk_1","items":[{"start_time":"0.1","speaker_label":"spk_1"}]},
					{"speaker_label":"spk_0","items":[{"start_time":"0.6","speaker_label":"spk_0"}]}]},
				"items":[
				{"type":"pronunciation","start_time":"0.1","end_time":"0.5","alternatives":[{"content":"Hi"}]},
				{"type":"pronunciation","start_time":"0.6","end_time":"0.8","alternatives":[{"content":"Hello"}]}
			]}}`,
			want: []encounter.Segment{
				{ID: "seg-0001", StartMS: 100, EndMS: 500, Speaker: "Speaker 2", Text: "Hi"},
				{ID: "seg-0002", StartMS: 600, EndMS: 800, Speaker: "Speaker 1", Text: "Hello"},
			},
		},
		{
			name: "dictation: pauses and length split, no speakers",
			in: `{"results":{"items":[
				{"type":"pronunciation","start_time":"0","end_time":"1","alternatives":[{"content":"one"}]},
				{"type":"pronunciation","start_time":"3","end_time":"4","alternatives":[{"content":"two"}]},
				{"type":"pronunciation","start_time":"4","end_time":"40","alternatives":[{"content":"three"}]}
			]}}`,
			want: []encounter.Segment{
				{ID: "seg-0001", StartMS: 0, EndMS: 1000, Text: "one"},
				{ID: "seg-0002", StartMS: 3000, EndMS: 4000, Text: "two"},
				{ID: "seg-0003", StartMS: 4000, EndMS: 40000, Text: "three"},
			},
		},
		{
			name: "unknown speaker label shapes are dropped",
			in:   `{"results":{"items":[{"type":"pronunciation","start_time":1,"end_time":2,"speaker_label":"Dr Smith","alternatives":[{"content":"x"}]}]}}`,
			want: []encounter.Segment{{ID: "seg-0001", StartMS: 1000, EndMS: 2000, Text: "x"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseMedicalTranscript([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("segments (-want +got):\n%s", d)
			}
		})
	}
}

func TestParseMedicalTranscriptErrors(t *testing.T) {
	tests := map[string]string{
		"not JSON":       `{"results": ` + marker,
		"wrong type":     `{"results":{"items":"` + marker + `"}}`,
		"bad time":       `{"results":{"items":[{"type":"pronunciation","start_time":"` + marker + `","end_time":"1","alternatives":[{"content":"x"}]}]}}`,
		"negative time":  `{"results":{"items":[{"type":"pronunciation","start_time":"-1","end_time":"1","alternatives":[{"content":"x"}]}]}}`,
		"no times":       `{"results":{"items":[{"type":"pronunciation","alternatives":[{"content":"` + marker + `"}]}]}}`,
		"no alternative": `{"results":{"items":[{"type":"pronunciation","start_time":"0","end_time":"1","alternatives":[]}]}}`,
		"unknown type":   `{"results":{"items":[{"type":"` + marker + `","alternatives":[{"content":"x"}]}]}}`,
		"no speech":      `{"results":{"items":[]}}`,
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := parseMedicalTranscript([]byte(in))
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), marker) {
				t.Errorf("error %q repeats input content", err)
			}
			if name == "no speech" && !errors.Is(err, errNoSpeech) {
				t.Errorf("error %v, want errNoSpeech", err)
			}
		})
	}
}

func FuzzParseMedicalTranscript(f *testing.F) {
	f.Add([]byte(`{"results":{"items":[{"type":"pronunciation","start_time":"0.5","end_time":"0.9","speaker_label":"spk_0","alternatives":[{"content":"Hello"}]},{"type":"punctuation","alternatives":[{"content":"."}]}]}}`))
	f.Add([]byte(`{"results":{"speaker_labels":{"segments":[{"speaker_label":"spk_1","items":[{"start_time":"0.1"}]}]},"items":[{"type":"pronunciation","start_time":"0.1","end_time":"0.05","alternatives":[{"content":"PLANTEDPHI"}]}]}}`))
	f.Add([]byte(`{"results":{"items":[{"type":"pronunciation","start_time":"9","end_time":"10","alternatives":[{"content":"a"}]},{"type":"pronunciation","start_time":"1","end_time":"2","alternatives":[{"content":"b"}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		segs, err := parseMedicalTranscript(data)
		if err != nil {
			if strings.Contains(err.Error(), marker) {
				t.Fatalf("error %q repeats input content", err)
			}
			return
		}
		checkSegments(t, segs)
	})
}

func checkSegments(t *testing.T, segs []encounter.Segment) {
	t.Helper()
	if len(segs) == 0 {
		t.Fatal("no segments and no error")
	}
	var prev int64
	for i, s := range segs {
		if s.ID != encounter.SegmentID(i+1) || strings.TrimSpace(s.Text) == "" {
			t.Fatalf("segment %d: %+v", i, s)
		}
		if s.StartMS < prev || s.EndMS < s.StartMS {
			t.Fatalf("segment %d: times %d-%d after %d", i, s.StartMS, s.EndMS, prev)
		}
		prev = s.StartMS
	}
}

const scribeTranscriptJSON = `{"Conversation":{"TranscriptSegments":[
	{"SegmentId":"a1","BeginAudioTime":0.3,"EndAudioTime":2.1,"Content":"What brings you in?","ParticipantDetails":{"ParticipantRole":"CLINICIAN_0"},"SectionDetails":{"SectionName":"VISIT_FLOW_MANAGEMENT"}},
	{"SegmentId":"b2","BeginAudioTime":2.4,"EndAudioTime":5.0,"Content":"Burning when I pee for three days.","ParticipantDetails":{"ParticipantRole":"PATIENT_0"},"SectionDetails":{"SectionName":"SUBJECTIVE"}},
	{"SegmentId":"c3","BeginAudioTime":5.2,"EndAudioTime":5.2,"Content":"  ","ParticipantDetails":{"ParticipantRole":"PATIENT_0"},"SectionDetails":{"SectionName":"SUBJECTIVE"}},
	{"SegmentId":"d4","BeginAudioTime":5.5,"EndAudioTime":9.0,"Content":"Let's start nitrofurantoin.","ParticipantDetails":{"ParticipantRole":"CLINICIAN_1"},"SectionDetails":{"SectionName":"ASSESSMENT_AND_PLAN"}}
]}}`

func TestParseScribe(t *testing.T) {
	segs, idmap, err := parseScribeTranscript([]byte(scribeTranscriptJSON))
	if err != nil {
		t.Fatal(err)
	}
	want := []encounter.Segment{
		{ID: "seg-0001", StartMS: 300, EndMS: 2100, Speaker: "Clinician", Text: "What brings you in?"},
		{ID: "seg-0002", StartMS: 2400, EndMS: 5000, Speaker: "Patient", Heading: "subjective", Text: "Burning when I pee for three days."},
		{ID: "seg-0003", StartMS: 5500, EndMS: 9000, Speaker: "Clinician 2", Heading: "assessment and plan", Text: "Let's start nitrofurantoin."},
	}
	if d := cmp.Diff(want, segs); d != "" {
		t.Errorf("segments (-want +got):\n%s", d)
	}
	doc := `{"ClinicalDocumentation":{"Sections":[
		{"SectionName":"CHIEF_COMPLAINT","Summary":[{"SummarizedSegment":"Dysuria for three days.","EvidenceLinks":[{"SegmentId":"b2"},{"SegmentId":"b2"},{"SegmentId":"zz"}]}]},
		{"SectionName":"PLAN","Summary":[{"SummarizedSegment":"  Start\nnitrofurantoin. ","EvidenceLinks":[{"SegmentId":"d4"}]},{"SummarizedSegment":"","EvidenceLinks":[]}]},
		{"SectionName":"REVIEW_OF_SYSTEMS","Summary":[]}
	]}}`
	secs, err := parseScribeDocument([]byte(doc), idmap)
	if err != nil {
		t.Fatal(err)
	}
	wantSecs := []encounter.Section{
		{Key: "chief_complaint", Title: "Chief complaint", Sentences: []encounter.Sentence{{Text: "Dysuria for three days.", Evidence: []string{"seg-0002"}}}},
		{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{{Text: "Start nitrofurantoin.", Evidence: []string{"seg-0003"}}}},
		{Key: "review_of_systems", Title: "Review of systems", Sentences: []encounter.Sentence{}},
	}
	if d := cmp.Diff(wantSecs, secs); d != "" {
		t.Errorf("sections (-want +got):\n%s", d)
	}
	if _, err := parseScribeDocument([]byte(`{"ClinicalDocumentation":{"Sections":[{"SectionName":"`+marker+` x"}]}}`), idmap); err == nil || strings.Contains(err.Error(), marker) {
		t.Errorf("bad section name: %v", err)
	}
	if _, _, err := parseScribeTranscript([]byte(`{"Conversation":{"TranscriptSegments":[{"SegmentId":"a","BeginAudioTime":1,"EndAudioTime":2,"Content":"x"},{"SegmentId":"a","BeginAudioTime":1,"EndAudioTime":2,"Content":"y"}]}}`)); err == nil {
		t.Error("repeated segment IDs accepted")
	}
}

func FuzzParseScribe(f *testing.F) {
	f.Add([]byte(scribeTranscriptJSON), []byte(`{"ClinicalDocumentation":{"Sections":[{"SectionName":"PLAN","Summary":[{"SummarizedSegment":"x","EvidenceLinks":[{"SegmentId":"d4"}]}]}]}}`))
	f.Add([]byte(`{"Conversation":{"TranscriptSegments":[{"SegmentId":"PLANTEDPHI","BeginAudioTime":"x"}]}}`), []byte(`{`))
	f.Fuzz(func(t *testing.T, transcript, doc []byte) {
		segs, idmap, err := parseScribeTranscript(transcript)
		if err != nil {
			if strings.Contains(err.Error(), marker) {
				t.Fatalf("error %q repeats input content", err)
			}
			return
		}
		checkSegments(t, segs)
		secs, err := parseScribeDocument(doc, idmap)
		if err != nil {
			if strings.Contains(err.Error(), marker) {
				t.Fatalf("error %q repeats input content", err)
			}
			return
		}
		known := map[string]bool{}
		for _, s := range segs {
			known[s.ID] = true
		}
		for _, sec := range secs {
			for _, sent := range sec.Sentences {
				for _, id := range sent.Evidence {
					if !known[id] {
						t.Fatalf("sentence cites unknown %q", id)
					}
				}
			}
		}
	})
}

func TestParseS3URI(t *testing.T) {
	tests := []struct {
		in, bucket, key string
		ok              bool
	}{
		{"s3://out/clinscribe-x/summary.json", "out", "clinscribe-x/summary.json", true},
		{"https://s3.us-east-1.amazonaws.com/out/clinscribe-x/transcript.json", "out", "clinscribe-x/transcript.json", true},
		{"https://s3.amazonaws.com/out/a%20b/c.json", "out", "a b/c.json", true},
		{"https://out.s3.eu-west-2.amazonaws.com/clinscribe-x/summary.json", "out", "clinscribe-x/summary.json", true},
		{"https://s3.cn-north-1.amazonaws.com.cn/out/k", "out", "k", true},
		{"https://evil.example.com/out/k", "", "", false},
		{"http://s3.amazonaws.com/out/k", "", "", false},
		{"https://s3.amazonaws.com/out", "", "", false},
		{"::", "", "", false},
	}
	for _, tc := range tests {
		b, k, ok := parseS3URI(tc.in)
		if b != tc.bucket || k != tc.key || ok != tc.ok {
			t.Errorf("parseS3URI(%q) = %q, %q, %v; want %q, %q, %v", tc.in, b, k, ok, tc.bucket, tc.key, tc.ok)
		}
	}
}

func TestCheckNote(t *testing.T) {
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		t.Fatal(err)
	}
	segs := []encounter.Segment{{ID: "seg-0001", Text: "a"}, {ID: "seg-0002", Text: "b"}}
	good := `{"subjective":[{"text":" Cough  for two weeks. ","evidence":["seg-0001","seg-0001"]}],"objective":[],"assessment":[],"plan":[{"text":"Rest.","evidence":["seg-0002"]}]}`
	secs, problems := checkNote([]byte(good), tmpl, segs)
	if len(problems) > 0 {
		t.Fatalf("problems %q", problems)
	}
	want := []encounter.Section{
		{Key: "subjective", Title: "Subjective", Sentences: []encounter.Sentence{{Text: "Cough for two weeks.", Evidence: []string{"seg-0001"}}}},
		{Key: "objective", Title: "Objective", Sentences: []encounter.Sentence{}},
		{Key: "assessment", Title: "Assessment", Sentences: []encounter.Sentence{}},
		{Key: "plan", Title: "Plan", Sentences: []encounter.Sentence{{Text: "Rest.", Evidence: []string{"seg-0002"}}}},
	}
	if d := cmp.Diff(want, secs); d != "" {
		t.Errorf("sections (-want +got):\n%s", d)
	}

	bad := map[string]struct {
		in   string
		want string
	}{
		"trailing data": {good + `{}`, "not valid JSON"},
		"not an object": {`[]`, "$: must be an object"},
		"empty text":    {`{"subjective":[{"text":"  ","evidence":["seg-0001"]}],"objective":[],"assessment":[],"plan":[]}`, "$.subjective[0].text: must not be empty"},
		"no evidence":   {`{"subjective":[{"text":"x","evidence":[]}],"objective":[],"assessment":[],"plan":[]}`, "$.subjective[0].evidence: must cite at least one"},
		"evidence type": {`{"subjective":[{"text":"x","evidence":[1]}],"objective":[],"assessment":[],"plan":[]}`, "$.subjective[0].evidence[0]: must be a string"},
		"extra in item": {`{"subjective":[{"text":"x","evidence":["seg-0001"],"` + marker + `":1}],"objective":[],"assessment":[],"plan":[]}`, "an unexpected key"},
		"invented id":   {`{"subjective":[{"text":"x","evidence":["` + marker + ` lives at 1 Main St"]}],"objective":[],"assessment":[],"plan":[]}`, "the cited value is not the id"},
		"many problems": {`{"subjective":[` + strings.Repeat(`{"text":"","evidence":[]},`, 30) + `{"text":"","evidence":[]}],"objective":[],"assessment":[],"plan":[]}`, "more problems"},
	}
	for name, tc := range bad {
		_, problems := checkNote([]byte(tc.in), tmpl, segs)
		joined := strings.Join(problems, "\n")
		if !strings.Contains(joined, tc.want) {
			t.Errorf("%s: problems %q lack %q", name, problems, tc.want)
		}
		if strings.Contains(joined, marker) {
			t.Errorf("%s: problems repeat content: %q", name, problems)
		}
		if len(problems) > maxProblems+1 {
			t.Errorf("%s: %d problems", name, len(problems))
		}
	}
}

func FuzzCheckNote(f *testing.F) {
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		f.Fatal(err)
	}
	segs := []encounter.Segment{{ID: "seg-0001", Text: "a"}, {ID: "seg-0002", Text: "b"}}
	f.Add([]byte(`{"subjective":[{"text":"x","evidence":["seg-0001"]}],"objective":[],"assessment":[],"plan":[]}`))
	f.Add([]byte(`{"subjective":[{"text":"PLANTEDPHI","evidence":["PLANTEDPHI"]}],"PLANTEDPHI":[],"plan":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		secs, problems := checkNote(data, tmpl, segs)
		if len(problems) > 0 {
			for _, p := range problems {
				if strings.Contains(p, marker) {
					t.Fatalf("problem %q repeats content", p)
				}
			}
			return
		}
		if len(secs) != len(tmpl.Sections) {
			t.Fatalf("%d sections", len(secs))
		}
		for _, s := range secs {
			for _, sent := range s.Sentences {
				if sent.Text == "" || len(sent.Evidence) == 0 {
					t.Fatalf("accepted sentence %+v", sent)
				}
				for _, id := range sent.Evidence {
					if id != "seg-0001" && id != "seg-0002" {
						t.Fatalf("accepted unknown id %q", id)
					}
				}
			}
		}
	})
}

func TestClassify(t *testing.T) {
	api := func(code string, status int) error {
		return &smithy.OperationError{ServiceID: "Test", OperationName: "Op", Err: &awshttp.ResponseError{
			ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}},
				Err: &smithy.GenericAPIError{Code: code, Message: "message about " + marker}},
		}}
	}
	tests := []struct {
		err       error
		code      phi.Code
		permanent bool
	}{
		{api("ThrottlingException", 429), phi.CodeRateLimited, false},
		{api("LimitExceededException", 400), phi.CodeRateLimited, false},
		{api("ServiceUnavailableException", 503), phi.CodeProviderOverloaded, false},
		{api("InternalFailureException", 500), phi.CodeProviderError, false},
		{api("ModelTimeoutException", 408), phi.CodeProviderError, false},
		{api("ExpiredTokenException", 400), phi.CodeUnauthenticated, false},
		{api("UnrecognizedClientException", 403), phi.CodeUnauthenticated, true},
		{api("AccessDeniedException", 403), phi.CodeForbidden, true},
		{api("ResourceNotFoundException", 404), phi.CodeNotConfigured, true},
		{api("ConflictException", 400), phi.CodeConflict, false},
		{api("BadRequestException", 400), phi.CodeProviderRejected, true},
		{api("SomethingNew", 502), phi.CodeProviderError, false},
		{api("SomethingNew", 400), phi.CodeProviderRejected, true},
		{api("Bad Code <"+marker+">", 418), phi.CodeProviderRejected, true},
		{fmt.Errorf("dial: %w", errors.New("connection refused "+marker)), phi.CodeProviderError, false},
	}
	for _, tc := range tests {
		err := classify("test op", tc.err)
		var pe *phi.Error
		if !errors.As(err, &pe) || pe.Code != tc.code || pe.Permanent != tc.permanent {
			t.Errorf("classify(%v) = %v (permanent %v), want %s permanent %v", tc.err, err, pe != nil && pe.Permanent, tc.code, tc.permanent)
			continue
		}
		if strings.Contains(err.Error(), marker) {
			t.Errorf("classify(%v) = %q repeats the AWS message", tc.err, err)
		}
		if !errors.Is(err, tc.err) {
			t.Errorf("the cause is not reachable from %v", err)
		}
	}
	tooLong := classify("bedrock", api("ValidationException", 400))
	if phi.CodeOf(tooLong) != phi.CodeProviderRejected {
		t.Errorf("plain validation error: %v", tooLong)
	}
	long := &smithy.GenericAPIError{Code: "ValidationException", Message: "Input is too long for requested model."}
	if err := classify("bedrock", long); phi.CodeOf(err) != phi.CodeTooLarge || !phi.IsPermanent(err) {
		t.Errorf("context window error: %v", err)
	}
}

// threeHourTranscript is a Transcribe transcript of three hours of
// conversation: about 27,000 words in sentences of nine, two speakers.
func threeHourTranscript() []byte {
	var b strings.Builder
	b.WriteString(`{"results":{"items":[`)
	ms := int64(0)
	for i := 0; ms < 3*3600*1000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		spk := (i / 27) % 2
		fmt.Fprintf(&b, `{"type":"pronunciation","start_time":"%.3f","end_time":"%.3f","speaker_label":"spk_%d","alternatives":[{"content":"word%d"}]}`,
			float64(ms)/1000, float64(ms+300)/1000, spk, i)
		if i%9 == 8 {
			b.WriteString(`,{"type":"punctuation","alternatives":[{"content":"."}]}`)
		}
		ms += 400
	}
	b.WriteString(`]}}`)
	return []byte(b.String())
}

func TestParseThreeHours(t *testing.T) {
	segs, err := parseMedicalTranscript(threeHourTranscript())
	if err != nil {
		t.Fatal(err)
	}
	checkSegments(t, segs)
	if last := segs[len(segs)-1]; last.EndMS < 3*3600*1000-1000 || len(segs) < 2900 {
		t.Errorf("%d segments ending at %d ms", len(segs), last.EndMS)
	}
}

func BenchmarkParseMedicalTranscript3h(b *testing.B) {
	data := threeHourTranscript()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := parseMedicalTranscript(data); err != nil {
			b.Fatal(err)
		}
	}
}
