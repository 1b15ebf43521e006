package aws_test

import (
	"context"
	"crypto/rand"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	"github.com/aws/smithy-go"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
	"github.com/clinscribe/clinscribe/pipeline/ai/aws/awstest"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

var jobNameRE = regexp.MustCompile(`^clinscribe-[a-z2-7]{26}$`)

// planted are identifiers the cough sample says aloud; none may reach a
// log, an error, a job name, an S3 key or request metadata.
var planted = []string{"Gregory", "Halvorsen", "MRN-00729415", "September 14, 1979", "Okafor"}

func TestMedicalTranscribe(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := loadSample(t, "rec-cough-telehealth", caption.VTT, ".vtt")
	b.tr.Script(s.wav, s.script)
	p := b.provider(t, nil)

	res, err := p.Transcriber.Transcribe(context.Background(), &ai.TranscribeRequest{Audio: media(s.wav, "audio/wav"), Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	checkTranscript(t, res.Segments)

	// Segments are sentences, so a cue of two sentences becomes two
	// segments; together they say what the script said, speaker by
	// speaker, within the cues' times.
	var gotText, wantText []string
	for _, seg := range res.Segments {
		gotText = append(gotText, seg.Text)
	}
	for _, c := range s.cues {
		wantText = append(wantText, c.Text)
	}
	if g, w := strings.Join(gotText, " "), strings.Join(wantText, " "); g != w {
		t.Errorf("transcript text:\n got %q\nwant %q", g, w)
	}
	if first, last := res.Segments[0], res.Segments[len(res.Segments)-1]; first.StartMS != s.cues[0].StartMS || last.EndMS > s.cues[len(s.cues)-1].EndMS {
		t.Errorf("segments span %d-%d ms, cues %d-%d", first.StartMS, last.EndMS, s.cues[0].StartMS, s.cues[len(s.cues)-1].EndMS)
	}
	speakers := map[string]bool{}
	for _, seg := range res.Segments {
		speakers[seg.Speaker] = true
	}
	if !speakers["Speaker 1"] || !speakers["Speaker 2"] || len(speakers) != 2 {
		t.Errorf("speakers %v, want Speaker 1 and Speaker 2", speakers)
	}
	if res.Source != "provider" || res.Model != "transcribe-medical/PRIMARYCARE/CONVERSATION" || !jobNameRE.MatchString(res.RequestID) {
		t.Errorf("result labels: source %q model %q request %q", res.Source, res.Model, res.RequestID)
	}

	// The request the SDK sent.
	started := b.tr.Started()
	if len(started) != 1 || started[0] != res.RequestID {
		t.Fatalf("jobs started %q, want [%s]", started, res.RequestID)
	}
	job := started[0]
	if d := b.tr.Deleted(); len(d) != 1 || d[0] != job {
		t.Errorf("jobs deleted %q, want [%s]", d, job)
	}
	b.assertClean(t)

	// The recording went to staging with SSE-KMS under an opaque key.
	var staged []s3Write
	for _, w := range b.s3Writes.all() {
		if strings.HasPrefix(w.path, "/"+stagingBkt+"/") {
			staged = append(staged, w)
		}
	}
	if len(staged) != 1 || staged[0].path != "/"+stagingBkt+"/"+stagePrefix+job+"/audio.wav" {
		t.Fatalf("staging writes %+v, want one PUT of %s%s/audio.wav", staged, stagePrefix, job)
	}
	if staged[0].sse != "aws:kms" || staged[0].kmsKey != testKMSKey {
		t.Errorf("staged recording encryption %q key %q, want aws:kms with %s", staged[0].sse, staged[0].kmsKey, testKMSKey)
	}
	b.assertNotLogged(t, planted...)
	b.assertNotLogged(t, wantText...)
}

func TestMedicalStartRequest(t *testing.T) {
	t.Parallel()
	b := setup(t)
	p := b.provider(t, nil)
	if _, err := p.Transcriber.Transcribe(context.Background(), &ai.TranscribeRequest{Audio: media([]byte("RIFF....WAVEfmt "), "audio/wav")}); err != nil {
		t.Fatal(err)
	}
	starts := b.tr.Requests("StartMedicalTranscriptionJob")
	if len(starts) != 1 {
		t.Fatalf("%d start requests, want 1", len(starts))
	}
	captured := starts[0]
	job, _ := captured["MedicalTranscriptionJobName"].(string)
	want := map[string]any{
		"MedicalTranscriptionJobName": job,
		"LanguageCode":                "en-US",
		"Media":                       map[string]any{"MediaFileUri": "s3://" + stagingBkt + "/" + stagePrefix + job + "/audio.wav"},
		"MediaFormat":                 "wav",
		"OutputBucketName":            outputBkt,
		"OutputKey":                   stagePrefix + job + "/transcript.json",
		"OutputEncryptionKMSKeyId":    testKMSKey,
		"Specialty":                   "PRIMARYCARE",
		"Type":                        "CONVERSATION",
		"Settings":                    map[string]any{"ShowSpeakerLabels": true, "MaxSpeakerLabels": float64(2)},
	}
	if !jobNameRE.MatchString(job) {
		t.Errorf("job name %q is not opaque", job)
	}
	for k, v := range want {
		if got := captured[k]; !equalJSON(got, v) {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	for k := range captured {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected field %s = %v (tags or other metadata must not be sent)", k, captured[k])
		}
	}
	b.assertClean(t)
}

func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !equalJSON(x[k], y[k]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func TestMedicalMultipartUpload(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rec := make([]byte, 12<<20+123)
	_, _ = rand.Read(rec)
	p := b.provider(t, func(c *awsprov.Config) { c.Staging.PartSize = 5 << 20 })

	res, err := p.Transcriber.Transcribe(context.Background(), &ai.TranscribeRequest{Audio: media(rec, "audio/mpeg")})
	if err != nil {
		t.Fatal(err)
	}
	checkTranscript(t, res.Segments) // DefaultScript
	parts := 0
	for _, w := range b.s3Writes.all() {
		if strings.Contains(w.query, "partNumber=") {
			parts++
		}
		if strings.Contains(w.query, "uploads") && (w.sse != "aws:kms" || w.kmsKey != testKMSKey) {
			t.Errorf("multipart upload created without SSE-KMS: %+v", w)
		}
	}
	if parts != 3 {
		t.Errorf("%d parts uploaded, want 3", parts)
	}
	b.assertClean(t)
}

func TestTranscribeScenarios(t *testing.T) {
	t.Parallel()
	reason := "Failed to process media for patient Gregory Halvorsen: unsupported media format"
	tests := []struct {
		name      string
		arrange   func(b *bundle, rec []byte)
		mutate    func(*awsprov.Config)
		req       func(rec []byte) *ai.TranscribeRequest
		code      phi.Code // empty: success
		permanent bool
		calls     map[string]int // minimum calls per operation
		noJob     bool           // no job may have been started
	}{
		{
			name: "throttled start, then success",
			arrange: func(b *bundle, _ []byte) {
				b.tr.Fail("StartMedicalTranscriptionJob", awstest.Throttling, awstest.LimitExceeded)
			},
			calls: map[string]int{"StartMedicalTranscriptionJob": 3},
		},
		{
			name: "internal error on status check, then success",
			arrange: func(b *bundle, _ []byte) {
				b.tr.Fail("GetMedicalTranscriptionJob", awstest.InternalFailure)
			},
			calls: map[string]int{"GetMedicalTranscriptionJob": 3},
		},
		{
			name: "throttled beyond the SDK's attempts",
			arrange: func(b *bundle, _ []byte) {
				b.tr.Fail("StartMedicalTranscriptionJob", awstest.Throttling, awstest.Throttling, awstest.Throttling)
			},
			code: phi.CodeRateLimited, permanent: false,
			calls: map[string]int{"StartMedicalTranscriptionJob": 3},
			noJob: true,
		},
		{
			name: "access denied",
			arrange: func(b *bundle, _ []byte) {
				b.tr.Fail("StartMedicalTranscriptionJob", awstest.Fault{Status: 400, Code: "AccessDeniedException", Message: "not authorized"})
			},
			code: phi.CodeForbidden, permanent: true,
			noJob: true,
		},
		{
			name:    "job failed on the recording",
			arrange: func(b *bundle, _ []byte) { b.tr.FailNextJob(reason) },
			code:    phi.CodeAudioInvalid, permanent: true,
		},
		{
			name:    "job failed inside AWS",
			arrange: func(b *bundle, _ []byte) { b.tr.FailNextJob("Internal failure. Try your request again.") },
			code:    phi.CodeProviderError, permanent: false,
		},
		{
			name:    "job outlasts the job timeout",
			arrange: func(b *bundle, _ []byte) { b.tr.Stall(true) },
			mutate:  func(c *awsprov.Config) { c.JobTimeout = 3 * time.Second }, // long enough to upload and start on a loaded machine
			code:    phi.CodeTimeout, permanent: false,
		},
		{
			name:    "no speech",
			arrange: func(b *bundle, rec []byte) { b.tr.Script(rec, nil) },
			code:    phi.CodeNoSpeech, permanent: true,
		},
		{
			name: "unsupported content type",
			req:  func(rec []byte) *ai.TranscribeRequest { return &ai.TranscribeRequest{Audio: media(rec, "text/plain")} },
			code: phi.CodeUnsupportedType, permanent: true,
			noJob: true,
		},
		{
			name: "language other than English",
			req: func(rec []byte) *ai.TranscribeRequest {
				return &ai.TranscribeRequest{Audio: media(rec, "audio/wav"), Language: "de"}
			},
			code: phi.CodeInvalidInput, permanent: true,
			noJob: true,
		},
		{
			name: "empty recording",
			req:  func([]byte) *ai.TranscribeRequest { return &ai.TranscribeRequest{Audio: media(nil, "audio/wav")} },
			code: phi.CodeEmptyInput, permanent: true,
			noJob: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			rec := []byte("RIFF\x24\x00\x00\x00WAVEfmt simulated recording " + tc.name)
			if tc.arrange != nil {
				tc.arrange(b, rec)
			}
			p := b.provider(t, tc.mutate)
			req := &ai.TranscribeRequest{Audio: media(rec, "audio/wav")}
			if tc.req != nil {
				req = tc.req(rec)
			}
			res, err := p.Transcriber.Transcribe(context.Background(), req)
			if tc.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				checkTranscript(t, res.Segments)
			} else {
				if err == nil {
					t.Fatalf("no error, want %s", tc.code)
				}
				pe := checkError(t, err, tc.code, tc.permanent, append(planted, reason, "Rate exceeded", "not authorized", "Internal failure")...)
				if res != nil {
					t.Error("a result came with the error")
				}
				if tc.name == "job failed on the recording" {
					var jf *awsprov.JobFailedError
					if !errors.As(pe, &jf) || jf.Reason != reason {
						t.Errorf("the FailureReason is not reachable as the cause: %v", jf)
					}
				}
			}
			for op, n := range tc.calls {
				if got := b.tr.Calls(op); got < n {
					t.Errorf("%s called %d times, want at least %d", op, got, n)
				}
			}
			if started := b.tr.Started(); tc.noJob && len(started) > 0 {
				t.Errorf("jobs started: %q", started)
			}
			for _, job := range b.tr.Started() {
				if !jobNameRE.MatchString(job) {
					t.Errorf("job name %q is not opaque", job)
				}
			}
			if tc.code == phi.CodeTimeout {
				b.assertStillRunning(t)
			} else {
				b.assertClean(t)
			}
			b.assertNotLogged(t, append(planted, reason)...)
		})
	}
}

func TestTranscribeCallerDeadline(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.tr.Stall(true)
	p := b.provider(t, nil)
	// Long enough for the upload and job start on a loaded machine; the job
	// itself never finishes.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	start := time.Now()
	_, err := p.Transcriber.Transcribe(ctx, &ai.TranscribeRequest{Audio: media([]byte("RIFF recording"), "audio/wav")})
	checkError(t, err, phi.CodeTimeout, false)
	if !strings.Contains(err.Error(), "the caller's deadline") {
		t.Errorf("error %q does not say the caller's deadline ended the job", err)
	}
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("returned after %s", d)
	}
	// Cleanup ran on its own context after the deadline.
	b.assertStillRunning(t)
}

// failingDeletes is an S3 client whose deletes fail, to show that a result
// whose staged objects cannot be removed is discarded.
type failingDeletes struct {
	*s3.Client
}

func (f failingDeletes) DeleteObject(ctx context.Context, in *s3.DeleteObjectInput, opts ...func(*s3.Options)) (*s3.DeleteObjectOutput, error) {
	return nil, &smithy.GenericAPIError{Code: "AccessDenied", Message: "Access Denied to key " + aws.ToString(in.Key)}
}

func TestCleanupFailureDiscardsResult(t *testing.T) {
	t.Parallel()
	b := setup(t)
	cfg := b.cfg
	cfg.CleanupTimeout = 2 * time.Second
	tc := transcribe.NewFromConfig(b.awsCfg, func(o *transcribe.Options) { o.BaseEndpoint = aws.String(b.tr.URL) })
	s3c := s3.NewFromConfig(b.awsCfg, func(o *s3.Options) { o.BaseEndpoint = aws.String(b.s3.Endpoint); o.UsePathStyle = true })
	m, err := awsprov.NewMedicalTranscriber(cfg, tc, failingDeletes{s3c}, b.log)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Transcribe(context.Background(), &ai.TranscribeRequest{Audio: media([]byte("RIFF recording"), "audio/wav")})
	if res != nil {
		t.Error("a result was returned although its staged objects could not be deleted")
	}
	checkError(t, err, phi.CodeForbidden, true, "Access Denied", stagePrefix)
	if !strings.Contains(b.logs.String(), "could not all be deleted") {
		t.Errorf("the failed cleanup was not logged:\n%s", b.logs.String())
	}
	// The job itself was still deleted.
	if len(b.tr.Jobs()) != 0 {
		t.Error("job left in Transcribe")
	}
}
