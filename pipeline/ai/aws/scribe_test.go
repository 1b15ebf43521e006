package aws_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
	"github.com/clinscribe/clinscribe/pipeline/ai/aws/awstest"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

func healthScribe(t *testing.T, b *bundle) *awsprov.HealthScribe {
	t.Helper()
	p := b.rawProvider(t, func(c *awsprov.Config) { c.Transcribe.Engine = awsprov.EngineHealthScribe })
	h, ok := p.Transcriber.(*awsprov.HealthScribe)
	if !ok {
		t.Fatalf("transcriber is %T, want *HealthScribe", p.Transcriber)
	}
	if p.Models[ai.TaskTranscribe] != "healthscribe/HISTORY_AND_PHYSICAL" {
		t.Errorf("model %q", p.Models[ai.TaskTranscribe])
	}
	return h
}

// scribe runs HealthScribe.Scribe inside an audited gateway call, where the
// provider agrees to send.
func scribe(t *testing.T, h *awsprov.HealthScribe, req *ai.TranscribeRequest) (*awsprov.ScribeResult, error) {
	t.Helper()
	var res *awsprov.ScribeResult
	err := aitest.WithinCall(t, func(ctx context.Context) (err error) {
		res, err = h.Scribe(ctx, req)
		return err
	})
	return res, err
}

func TestHealthScribe(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := loadSample(t, "rec-dysuria-visit", caption.SRT, ".srt")
	b.tr.Script(s.wav, s.script)
	h := healthScribe(t, b)

	res, err := scribe(t, h, &ai.TranscribeRequest{Audio: media(s.wav, "audio/wav")})
	if err != nil {
		t.Fatal(err)
	}
	segs := res.Transcript.Segments
	checkTranscript(t, segs)
	if len(segs) != len(s.cues) {
		t.Fatalf("%d segments, want one per HealthScribe segment (%d)", len(segs), len(s.cues))
	}
	for i, seg := range segs {
		c := s.cues[i]
		if seg.Text != c.Text || seg.StartMS != c.StartMS || seg.EndMS != c.EndMS {
			t.Errorf("segment %d = %+v, want the cue %+v", i, seg, c)
		}
		want := map[string]string{"DOCTOR": "Clinician", "PATIENT": "Patient"}[c.Speaker]
		if seg.Speaker != want {
			t.Errorf("segment %d speaker %q, want %q", i, seg.Speaker, want)
		}
	}
	headings := map[string]bool{}
	for _, seg := range segs {
		headings[seg.Heading] = true
	}
	if !headings["subjective"] || !headings["assessment and plan"] {
		t.Errorf("segment headings %v lack HealthScribe's sections", headings)
	}

	// The clinical note: HealthScribe's sections, sentences citing our IDs.
	if res.NoteTemplate != "HISTORY_AND_PHYSICAL" || len(res.Sections) == 0 {
		t.Fatalf("note template %q with %d sections", res.NoteTemplate, len(res.Sections))
	}
	if res.Sections[0].Key != "chief_complaint" || res.Sections[0].Title != "Chief complaint" {
		t.Errorf("first section %q %q", res.Sections[0].Key, res.Sections[0].Title)
	}
	known := map[string]string{}
	for _, seg := range segs {
		known[seg.ID] = seg.Text
	}
	sentences := 0
	for _, sec := range res.Sections {
		for _, sent := range sec.Sentences {
			sentences++
			if len(sent.Evidence) == 0 {
				t.Errorf("%s: sentence cites nothing", sec.Key)
			}
			for _, id := range sent.Evidence {
				// The simulated note copies the segment it cites.
				if known[id] != sent.Text {
					t.Errorf("%s: sentence cites %q, which does not say it", sec.Key, id)
				}
			}
		}
	}
	if sentences == 0 {
		t.Error("the note has no sentences")
	}

	// The request, and the cleanup of both folders.
	starts := b.tr.Requests("StartMedicalScribeJob")
	if len(starts) != 1 {
		t.Fatalf("%d StartMedicalScribeJob requests", len(starts))
	}
	req := starts[0]
	job, _ := req["MedicalScribeJobName"].(string)
	if !jobNameRE.MatchString(job) || job != res.Transcript.RequestID {
		t.Errorf("job name %q (result %q)", job, res.Transcript.RequestID)
	}
	settings, _ := req["Settings"].(map[string]any)
	note, _ := settings["ClinicalNoteGenerationSettings"].(map[string]any)
	if req["DataAccessRoleArn"] != testRoleARN || req["OutputEncryptionKMSKeyId"] != testKMSKey ||
		req["OutputBucketName"] != outputBkt || settings["ShowSpeakerLabels"] != true || note["NoteTemplate"] != "HISTORY_AND_PHYSICAL" {
		t.Errorf("start request %v", req)
	}
	if _, ok := req["Tags"]; ok {
		t.Error("the job was tagged")
	}
	if d := b.tr.Deleted(); len(d) != 1 || d[0] != job {
		t.Errorf("deleted jobs %q", d)
	}
	b.assertClean(t)
	b.assertNotLogged(t, "Marchetti", "MRN-00664519", "Feld")
	for _, c := range s.cues {
		b.assertNotLogged(t, c.Text)
	}

	// Transcribe gives the same transcript without the note.
	var tr *ai.TranscribeResult
	err = aitest.WithinCall(t, func(ctx context.Context) (err error) {
		tr, err = h.Transcribe(ctx, &ai.TranscribeRequest{Audio: media(s.wav, "audio/wav")})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Segments) != len(segs) || tr.Segments[3].Text != segs[3].Text {
		t.Error("Transcribe and Scribe disagree")
	}
	b.assertClean(t)
}

func TestHealthScribeFailures(t *testing.T) {
	t.Parallel()
	b := setup(t)
	h := healthScribe(t, b)
	rec := []byte("RIFF scribe recording")

	b.tr.FailNextJob("The data access role doesn't have permission to read the media file.")
	_, err := scribe(t, h, &ai.TranscribeRequest{Audio: media(rec, "audio/wav")})
	checkError(t, err, phi.CodeForbidden, true, "doesn't have permission")
	b.assertClean(t)

	b.tr.Script(rec, nil)
	_, err = scribe(t, h, &ai.TranscribeRequest{Audio: media(rec, "audio/wav")})
	checkError(t, err, phi.CodeNoSpeech, true)
	b.assertClean(t)

	b.tr.Fail("StartMedicalScribeJob", awstest.Throttling, awstest.Throttling, awstest.Throttling)
	_, err = scribe(t, h, &ai.TranscribeRequest{Audio: media(rec, "audio/wav")})
	checkError(t, err, phi.CodeRateLimited, false)
	b.assertClean(t)
}

func TestSweep(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	put := func(bucket, key string) {
		t.Helper()
		if _, err := b.s3c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader([]byte("x"))}); err != nil {
			t.Fatal(err)
		}
	}
	orphan := "clinscribe-abcdefghijklmnopqrstuvwxyz"
	put(stagingBkt, stagePrefix+orphan+"/audio.wav")      // a crashed worker's recording
	put(outputBkt, stagePrefix+orphan+"/transcript.json") // a late medical transcript
	put(outputBkt, orphan+"/summary.json")                // a late HealthScribe document
	put(stagingBkt, stagePrefix+"not-a-job/keep.txt")     // not ours to delete
	put(outputBkt, "clinscribe-reports/keep.json")        // not a job folder
	put(stagingBkt, "elsewhere/"+orphan+"/audio.wav")     // outside the prefix

	var later time.Duration // how far the sweeper's clock is ahead of the server's
	p := b.rawProvider(t, func(c *awsprov.Config) {
		c.Transcribe.Engine = awsprov.EngineHealthScribe
		c.JobTimeout = time.Second
		c.Now = func() time.Time { return time.Now().Add(later) }
	})
	sw := p.Transcriber.(awsprov.Sweeper) // listing and deleting send no content: allowed outside a call
	if _, err := sw.Sweep(ctx, time.Millisecond); err == nil {
		t.Error("Sweep accepted an age shorter than the job timeout")
	}
	// Nothing is old enough yet.
	if n, err := sw.Sweep(ctx, time.Hour); err != nil || n != 0 {
		t.Fatalf("Sweep(1h) = %d, %v; want 0", n, err)
	}
	later = time.Hour // an hour on: S3 times have one-second resolution, so a second is not enough
	n, err := sw.Sweep(ctx, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("swept %d objects, want 3", n)
	}
	left := strings.Join(b.objects(t), " ")
	for _, keep := range []string{"not-a-job/keep.txt", "clinscribe-reports/keep.json", "elsewhere/"} {
		if !strings.Contains(left, keep) {
			t.Errorf("Sweep deleted %s", keep)
		}
	}
	if strings.Contains(left, stagePrefix+orphan) || strings.Contains(left, outputBkt+"/"+orphan) {
		t.Errorf("orphans left: %s", left)
	}
}
