package aws

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	ttypes "github.com/aws/aws-sdk-go-v2/service/transcribe/types"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// HealthScribe transcribes recordings with AWS HealthScribe
// (StartMedicalScribeJob), which also writes a clinical note whose
// sentences cite transcript segments. Transcribe returns the transcript,
// with speaker roles (clinician, patient) and HealthScribe's section of
// each segment as its heading; Scribe returns the note as well.
type HealthScribe struct {
	r jobRunner
}

var _ ai.Transcriber = (*HealthScribe)(nil)

// NewHealthScribe returns a HealthScribe transcriber. cfg needs
// Staging.Bucket and HealthScribe.RoleARN.
func NewHealthScribe(cfg Config, tc TranscribeAPI, s3c S3API, log *slog.Logger) (*HealthScribe, error) {
	r, err := newJobRunner("NewHealthScribe", EngineHealthScribe, cfg, tc, s3c, log)
	if err != nil {
		return nil, err
	}
	return &HealthScribe{r: r}, nil
}

// Model names what the transcriber runs, for the audit trail.
func (h *HealthScribe) Model() string {
	return "healthscribe/" + h.r.cfg.HealthScribe.NoteTemplate
}

// ScribeResult is what a HealthScribe job produced.
type ScribeResult struct {
	// Transcript is the transcript, segments numbered seg-0001... in order.
	Transcript *ai.TranscribeResult
	// Sections is HealthScribe's clinical note in its own note template
	// (NoteTemplate), not one of ours: section keys are HealthScribe's
	// section names in lower case ("chief_complaint"). Every sentence cites
	// the Transcript segment IDs HealthScribe linked it to.
	Sections     []encounter.Section
	NoteTemplate string
}

// Transcribe implements ai.Transcriber with the transcript of a
// HealthScribe job; the clinical note is discarded (use Scribe to keep it).
func (h *HealthScribe) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	res, err := h.Scribe(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.Transcript, nil
}

// Scribe runs one HealthScribe job and returns its transcript and clinical
// note. The recording, both output files and the job are deleted before it
// returns, whether it succeeded or not.
func (h *HealthScribe) Scribe(ctx context.Context, req *ai.TranscribeRequest) (*ScribeResult, error) {
	cfg := h.r.cfg
	var transcriptURI, documentURI string
	var res *ScribeResult
	spec := jobSpec{
		op: "healthscribe",
		folders: func(job string) []location {
			return []location{
				{cfg.Staging.Bucket, cfg.Staging.Prefix + job + "/"},
				{cfg.Staging.OutputBucket, job + "/"},
			}
		},
		start: func(ctx context.Context, job, uri string, _ ttypes.MediaFormat) error {
			in := &transcribe.StartMedicalScribeJobInput{
				MedicalScribeJobName: aws.String(job),
				DataAccessRoleArn:    aws.String(cfg.HealthScribe.RoleARN),
				Media:                &ttypes.Media{MediaFileUri: aws.String(uri)},
				OutputBucketName:     aws.String(cfg.Staging.OutputBucket),
				Settings: &ttypes.MedicalScribeSettings{
					ShowSpeakerLabels: aws.Bool(true),
					MaxSpeakerLabels:  aws.Int32(int32(cfg.Transcribe.MaxSpeakers)),
					ClinicalNoteGenerationSettings: &ttypes.ClinicalNoteGenerationSettings{
						NoteTemplate: ttypes.MedicalScribeNoteTemplate(cfg.HealthScribe.NoteTemplate),
					},
				},
			}
			if cfg.Staging.KMSKeyID != "" {
				in.OutputEncryptionKMSKeyId = aws.String(cfg.Staging.KMSKeyID)
			}
			rctx, cancel := context.WithTimeout(ctx, cfg.RequestTimeout)
			defer cancel()
			_, err := h.r.tc.StartMedicalScribeJob(rctx, in)
			return classify("transcribe StartMedicalScribeJob", err)
		},
		check: func(ctx context.Context, job string) (bool, error) {
			rctx, cancel := context.WithTimeout(ctx, cfg.RequestTimeout)
			defer cancel()
			out, err := h.r.tc.GetMedicalScribeJob(rctx, &transcribe.GetMedicalScribeJobInput{MedicalScribeJobName: aws.String(job)})
			if err != nil {
				return false, classify("transcribe GetMedicalScribeJob", err)
			}
			if out.MedicalScribeJob == nil {
				return false, phi.Errorf(phi.CodeProviderError, "aws: transcribe GetMedicalScribeJob returned no job")
			}
			switch j := out.MedicalScribeJob; j.MedicalScribeJobStatus {
			case ttypes.MedicalScribeJobStatusCompleted:
				if j.MedicalScribeOutput == nil {
					return false, phi.Permanentf(phi.CodeProviderError, "aws: healthscribe job completed without output locations")
				}
				transcriptURI = aws.ToString(j.MedicalScribeOutput.TranscriptFileUri)
				documentURI = aws.ToString(j.MedicalScribeOutput.ClinicalDocumentUri)
				return true, nil
			case ttypes.MedicalScribeJobStatusFailed:
				return false, jobFailed("aws: healthscribe", job, aws.ToString(j.FailureReason))
			}
			return false, nil
		},
		collect: func(ctx context.Context, job string) error {
			tb, tk, err := h.outputLocation(transcriptURI, job)
			if err != nil {
				return err
			}
			db, dk, err := h.outputLocation(documentURI, job)
			if err != nil {
				return err
			}
			tdata, err := h.r.st.fetch(ctx, tb, tk)
			if err != nil {
				return err
			}
			ddata, err := h.r.st.fetch(ctx, db, dk)
			if err != nil {
				return err
			}
			segs, idmap, err := parseScribeTranscript(tdata)
			if errors.Is(err, errNoSpeech) {
				return phi.Permanentf(phi.CodeNoSpeech, "aws: healthscribe found no speech in the recording")
			}
			if err != nil {
				return phi.Wrap(err, phi.CodeProviderError, "aws: healthscribe transcript could not be read: "+err.Error())
			}
			sections, err := parseScribeDocument(ddata, idmap)
			if err != nil {
				return phi.Wrap(err, phi.CodeProviderError, "aws: healthscribe clinical document could not be read: "+err.Error())
			}
			res = &ScribeResult{
				Transcript:   &ai.TranscribeResult{Segments: segs, Source: "provider", Model: h.Model(), RequestID: job},
				Sections:     sections,
				NoteTemplate: cfg.HealthScribe.NoteTemplate,
			}
			return nil
		},
		deleteJob: func(ctx context.Context, job string) error {
			_, err := h.r.tc.DeleteMedicalScribeJob(ctx, &transcribe.DeleteMedicalScribeJobInput{MedicalScribeJobName: aws.String(job)})
			return err
		},
	}
	if _, err := h.r.run(ctx, req, spec); err != nil {
		return nil, err
	}
	return res, nil
}

// Sweep deletes staged recordings and HealthScribe output older than
// olderThan that a crashed worker or an abandoned job left behind.
// olderThan must be at least the job timeout.
func (h *HealthScribe) Sweep(ctx context.Context, olderThan time.Duration) (int, error) {
	return h.r.st.sweep(ctx, olderThan, true)
}

// outputLocation checks that an output URI HealthScribe reported lies in
// the job's own folder of the output bucket: only such objects are read,
// and cleanup deletes exactly that folder.
func (h *HealthScribe) outputLocation(uri, job string) (string, string, error) {
	bucket, key, ok := parseS3URI(uri)
	if !ok || bucket != h.r.cfg.Staging.OutputBucket || !strings.HasPrefix(key, job+"/") {
		return "", "", phi.Permanentf(phi.CodeProviderError, "aws: healthscribe reported an output location outside the job's folder of the output bucket")
	}
	return bucket, key, nil
}

var (
	// s3.<region>.amazonaws.com, s3.amazonaws.com, s3-<region>..., also .com.cn
	s3PathHostRE    = regexp.MustCompile(`^s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$`)
	s3VirtualHostRE = regexp.MustCompile(`^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\.s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$`)
)

// parseS3URI reads the bucket and key from an s3:// URI or an https URL in
// path or virtual-hosted style, the forms Transcribe reports output in.
func parseS3URI(uri string) (bucket, key string, ok bool) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", "", false
	}
	switch {
	case u.Scheme == "s3":
		bucket, key = u.Host, strings.TrimPrefix(u.Path, "/")
	case u.Scheme == "https" && s3PathHostRE.MatchString(u.Host):
		bucket, key, _ = strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	case u.Scheme == "https" && s3VirtualHostRE.MatchString(u.Host):
		bucket, key = s3VirtualHostRE.FindStringSubmatch(u.Host)[1], strings.TrimPrefix(u.Path, "/")
	default:
		return "", "", false
	}
	if bucket == "" || key == "" {
		return "", "", false
	}
	return bucket, key, true
}

// scribeTranscript is HealthScribe's transcript.json.
type scribeTranscript struct {
	Conversation struct {
		TranscriptSegments []struct {
			SegmentID          string  `json:"SegmentId"`
			BeginAudioTime     seconds `json:"BeginAudioTime"`
			EndAudioTime       seconds `json:"EndAudioTime"`
			Content            string  `json:"Content"`
			ParticipantDetails struct {
				ParticipantRole string `json:"ParticipantRole"`
			} `json:"ParticipantDetails"`
			SectionDetails struct {
				SectionName string `json:"SectionName"`
			} `json:"SectionDetails"`
		} `json:"TranscriptSegments"`
	} `json:"Conversation"`
}

// parseScribeTranscript turns HealthScribe's transcript into segments with
// our IDs, and returns the map from HealthScribe's segment IDs to ours.
func parseScribeTranscript(data []byte) ([]encounter.Segment, map[string]string, error) {
	var t scribeTranscript
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, nil, fmt.Errorf("not valid HealthScribe transcript JSON: %w", jsonFault(err))
	}
	var segs []encounter.Segment
	idmap := map[string]string{}
	for i, s := range t.Conversation.TranscriptSegments {
		text := strings.Join(strings.Fields(s.Content), " ")
		if text == "" {
			continue
		}
		if s.SegmentID == "" || !s.BeginAudioTime.set || !s.EndAudioTime.set {
			return nil, nil, fmt.Errorf("transcript segment %d has no ID or times", i)
		}
		if _, dup := idmap[s.SegmentID]; dup {
			return nil, nil, fmt.Errorf("transcript segment %d repeats an earlier segment ID", i)
		}
		start, end := s.BeginAudioTime.ms, s.EndAudioTime.ms
		if n := len(segs); n > 0 && start < segs[n-1].StartMS {
			start = segs[n-1].StartMS
		}
		end = max(end, start)
		id := encounter.SegmentID(len(segs) + 1)
		idmap[s.SegmentID] = id
		segs = append(segs, encounter.Segment{
			ID: id, StartMS: start, EndMS: end, Text: text,
			Speaker: participantName(s.ParticipantDetails.ParticipantRole),
			Heading: sectionHeading(s.SectionDetails.SectionName),
		})
	}
	if len(segs) == 0 {
		return nil, nil, errNoSpeech
	}
	return segs, idmap, nil
}

var participantRE = regexp.MustCompile(`^(CLINICIAN|PATIENT)_(\d{1,2})$`)

// participantName turns "CLINICIAN_0" into "Clinician" and "PATIENT_1"
// into "Patient 2"; other labels are dropped.
func participantName(role string) string {
	m := participantRE.FindStringSubmatch(role)
	if m == nil {
		return ""
	}
	name := "Clinician"
	if m[1] == "PATIENT" {
		name = "Patient"
	}
	if m[2] != "0" {
		var n int
		fmt.Sscan(m[2], &n)
		name = fmt.Sprintf("%s %d", name, n+1)
	}
	return name
}

// sectionHeading maps HealthScribe's transcript sections to the note
// headings the rest of the pipeline knows.
func sectionHeading(name string) string {
	switch name {
	case "SUBJECTIVE":
		return "subjective"
	case "OBJECTIVE":
		return "objective"
	case "ASSESSMENT_AND_PLAN":
		return "assessment and plan"
	}
	return "" // VISIT_FLOW_MANAGEMENT (small talk) and anything new
}

// scribeDocument is HealthScribe's summary.json.
type scribeDocument struct {
	ClinicalDocumentation struct {
		Sections []struct {
			SectionName string `json:"SectionName"`
			Summary     []struct {
				EvidenceLinks []struct {
					SegmentID string `json:"SegmentId"`
				} `json:"EvidenceLinks"`
				SummarizedSegment string `json:"SummarizedSegment"`
			} `json:"Summary"`
		} `json:"Sections"`
	} `json:"ClinicalDocumentation"`
}

var sectionNameRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,59}$`)

// parseScribeDocument maps HealthScribe's clinical document to sections
// whose sentences cite our segment IDs. Links to segments the transcript
// does not have are dropped (the gateway then flags the sentence).
func parseScribeDocument(data []byte, idmap map[string]string) ([]encounter.Section, error) {
	var d scribeDocument
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("not valid HealthScribe document JSON: %w", jsonFault(err))
	}
	var out []encounter.Section
	for i, s := range d.ClinicalDocumentation.Sections {
		if !sectionNameRE.MatchString(s.SectionName) {
			return nil, fmt.Errorf("section %d has an invalid name", i)
		}
		sec := encounter.Section{Key: strings.ToLower(s.SectionName), Title: sectionTitle(s.SectionName), Sentences: []encounter.Sentence{}}
		for _, item := range s.Summary {
			text := strings.Join(strings.Fields(item.SummarizedSegment), " ")
			if text == "" {
				continue
			}
			ev := []string{}
			for _, l := range item.EvidenceLinks {
				if id, ok := idmap[l.SegmentID]; ok && !contains(ev, id) {
					ev = append(ev, id)
				}
			}
			sec.Sentences = append(sec.Sentences, encounter.Sentence{Text: text, Evidence: ev})
		}
		out = append(out, sec)
	}
	return out, nil
}

// sectionTitle turns "HISTORY_OF_PRESENT_ILLNESS" into "History of
// present illness".
func sectionTitle(name string) string {
	s := strings.ToLower(strings.ReplaceAll(name, "_", " "))
	return strings.ToUpper(s[:1]) + s[1:]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
