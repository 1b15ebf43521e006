package aws_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	awsprov "github.com/clinscribe/clinscribe/pipeline/ai/aws"
	"github.com/clinscribe/clinscribe/pipeline/ai/aws/awstest"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage/s3test"
)

const (
	testKMSKey  = awstest.KMSKeyARN
	testRoleARN = awstest.RoleARN
	testModel   = awstest.ModelID
	stagingBkt  = awstest.StagingBucket
	outputBkt   = awstest.OutputBucket
	stagePrefix = awstest.StagingPrefix
)

// bundle is one test's simulated AWS, provider config and captured output.
type bundle struct {
	env      *awstest.Env
	s3       *s3test.Server
	s3c      *s3.Client
	tr       *awstest.Transcribe
	br       *awstest.Bedrock
	cfg      awsprov.Config
	awsCfg   aws.Config
	log      *slog.Logger
	logs     *lockedBuffer
	s3Writes *headerLog
}

// setup starts the simulated AWS (awstest.Env) and records the S3 writes
// the provider makes and everything it logs.
func setup(t *testing.T) *bundle {
	t.Helper()
	env := awstest.Start(t)
	b := &bundle{env: env, s3: env.S3, s3c: env.S3Client, tr: env.Transcribe, br: env.Bedrock,
		cfg: env.Config, awsCfg: env.AWSConfig, logs: &lockedBuffer{}, s3Writes: &headerLog{}}
	b.awsCfg.HTTPClient = &http.Client{Transport: &recordingTransport{log: b.s3Writes, host: strings.TrimPrefix(b.s3.Endpoint, "http://")}}
	b.log = newTestLogger(b.logs)
	return b
}

// awsConfigStatic is an AWS configuration with the S3 test server's
// credentials (the other test servers accept any SigV4 signature).
func awsConfigStatic() aws.Config {
	ak, sk := s3test.Credentials()
	return aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(ak, sk, "")}
}

// newTestLogger writes everything as is (no redacting handler), so the
// tests see exactly what the provider logs.
func newTestLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// provider builds the provider from the bundle's config after mutate.
func (b *bundle) provider(t *testing.T, mutate func(*awsprov.Config)) *ai.Provider {
	t.Helper()
	return throughGateway(t, b.rawProvider(t, mutate))
}

// rawProvider is the provider itself, for tests of its own types (Sweep,
// HealthScribe.Scribe); what sends content must run inside a gateway call
// (aitest.WithinCall).
func (b *bundle) rawProvider(t *testing.T, mutate func(*awsprov.Config)) *ai.Provider {
	t.Helper()
	cfg := b.cfg
	if mutate != nil {
		mutate(&cfg)
	}
	p, err := awsprov.NewWithAWSConfig("aws-test", cfg, b.awsCfg,
		ai.Attestation{ZeroRetention: true, Agreement: "baa-aws-test"}, b.log)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// throughGateway returns p with its Transcriber and Summarizer reached
// through an audited gateway call, as the pipeline reaches them: the
// provider refuses to send anything outside one.
func throughGateway(t *testing.T, p *ai.Provider) *ai.Provider {
	t.Helper()
	g := aitest.NewGateway(t, p, nil, offline.New("stand-in")).Gateway
	call := ai.Call{EncounterID: "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", PatientRef: "pt_test", TaskID: "t1"}
	out := *p
	if p.Transcriber != nil {
		out.Transcriber = gwTranscriber{g, call}
	}
	if p.Summarizer != nil {
		out.Summarizer = gwSummarizer{g, call}
	}
	return &out
}

type gwTranscriber struct {
	g    *ai.Gateway
	call ai.Call
}

func (x gwTranscriber) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	return x.g.Transcribe(ctx, x.call, req)
}

type gwSummarizer struct {
	g    *ai.Gateway
	call ai.Call
}

func (x gwSummarizer) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	return x.g.Summarize(ctx, x.call, req)
}

// objects lists every object left in the staging and output buckets.
func (b *bundle) objects(t *testing.T) []string {
	t.Helper()
	objects, _ := b.env.Leftovers(t)
	return objects
}

// assertClean fails if any staged object or job is left.
func (b *bundle) assertClean(t *testing.T) {
	t.Helper()
	if left := b.objects(t); len(left) > 0 {
		t.Errorf("objects left in S3 after the call: %q", left)
	}
	if jobs := b.tr.Jobs(); len(jobs) > 0 {
		t.Errorf("jobs left in Transcribe after the call: %d", len(jobs))
	}
}

// assertStillRunning checks the cleanup after a job that outlived the
// caller: the staged recording is gone, the job (which Transcribe will not
// delete while it runs) is left, and the error log names it so an operator
// can follow up; its late output is Sweep's (see TestSweep).
func (b *bundle) assertStillRunning(t *testing.T) {
	t.Helper()
	if left := b.objects(t); len(left) > 0 {
		t.Errorf("objects left in S3 after the call: %q", left)
	}
	started := b.tr.Started()
	if len(started) != 1 {
		t.Fatalf("jobs started: %q", started)
	}
	if _, ok := b.tr.Jobs()[started[0]]; !ok {
		t.Errorf("the running job %s was deleted", started[0])
	}
	logs := b.logs.String()
	if !strings.Contains(logs, "job could not be deleted") || !strings.Contains(logs, started[0]) {
		t.Errorf("the undeletable job is not logged with its name:\n%s", logs)
	}
}

// assertNotLogged fails if any of the strings appears in the logs.
func (b *bundle) assertNotLogged(t *testing.T, secrets ...string) {
	t.Helper()
	logs := b.logs.String()
	for _, s := range secrets {
		if s != "" && strings.Contains(logs, s) {
			t.Errorf("logs contain %q:\n%s", s, logs)
		}
	}
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// headerLog records the S3 writes the provider makes: method, path and
// the server-side encryption headers.
type headerLog struct {
	mu     sync.Mutex
	writes []s3Write
}

type s3Write struct {
	method, path, query, sse, kmsKey string
}

func (h *headerLog) all() []s3Write {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.writes)
}

type recordingTransport struct {
	log  *headerLog
	host string
}

func (rt *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == rt.host && (r.Method == http.MethodPut || r.Method == http.MethodPost) {
		rt.log.mu.Lock()
		rt.log.writes = append(rt.log.writes, s3Write{
			method: r.Method, path: r.URL.Path, query: r.URL.RawQuery,
			sse: r.Header.Get("X-Amz-Server-Side-Encryption"), kmsKey: r.Header.Get("X-Amz-Server-Side-Encryption-Aws-Kms-Key-Id"),
		})
		rt.log.mu.Unlock()
	}
	return http.DefaultTransport.RoundTrip(r)
}

// sample is a synthetic recording from testdata/samples with the cues of
// its sidecar caption file, which is what the test server "hears".
type sample struct {
	wav    []byte
	cues   []caption.Cue
	script []awstest.Utterance
}

func loadSample(t *testing.T, name string, format caption.Format, ext string) sample {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "testdata", "samples")
	wav, err := os.ReadFile(filepath.Join(dir, name+".wav"))
	if err != nil {
		t.Fatal(err)
	}
	side, err := os.ReadFile(filepath.Join(dir, name+ext))
	if err != nil {
		t.Fatal(err)
	}
	cues, err := caption.Parse(side, format)
	if err != nil {
		t.Fatal(err)
	}
	s := sample{wav: wav, cues: cues}
	for _, c := range cues {
		s.script = append(s.script, awstest.Utterance{Speaker: c.Speaker, StartMS: c.StartMS, EndMS: c.EndMS, Text: c.Text})
	}
	return s
}

func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

func media(b []byte, contentType string) ai.Media {
	return ai.Media{
		ContentType: contentType, Size: int64(len(b)),
		Open: func(context.Context) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil },
	}
}

// The provider contract the shared conformance suite (pipeline/ai/aitest,
// run by TestConformance) checks, for the AWS-specific scenarios.

// checkTranscript: non-empty segments with unique IDs, text, and
// monotonic timestamps.
func checkTranscript(t *testing.T, segs []encounter.Segment) {
	t.Helper()
	if len(segs) == 0 {
		t.Fatal("transcript has no segments")
	}
	seen := map[string]bool{}
	var prev int64
	for i, s := range segs {
		if s.ID == "" || seen[s.ID] {
			t.Errorf("segment %d: ID %q empty or repeated", i, s.ID)
		}
		seen[s.ID] = true
		if strings.TrimSpace(s.Text) == "" {
			t.Errorf("segment %d has no text", i)
		}
		if s.StartMS < prev || s.EndMS < s.StartMS {
			t.Errorf("segment %d: times %d-%d not monotonic after %d", i, s.StartMS, s.EndMS, prev)
		}
		prev = s.StartMS
	}
}

// checkSummary: the template's sections, in order, every sentence with
// text and citing only existing segments (at least one).
func checkSummary(t *testing.T, tmpl *prompts.Template, segs []encounter.Segment, res *ai.SummarizeResult) {
	t.Helper()
	if len(res.Sections) != len(tmpl.Sections) {
		t.Fatalf("%d sections, want %d", len(res.Sections), len(tmpl.Sections))
	}
	known := map[string]bool{}
	for _, s := range segs {
		known[s.ID] = true
	}
	sentences := 0
	for i, sec := range res.Sections {
		if sec.Key != tmpl.Sections[i].Key || sec.Title != tmpl.Sections[i].Title {
			t.Errorf("section %d is %q (%q), want %q (%q)", i, sec.Key, sec.Title, tmpl.Sections[i].Key, tmpl.Sections[i].Title)
		}
		for j, sent := range sec.Sentences {
			sentences++
			if strings.TrimSpace(sent.Text) == "" {
				t.Errorf("%s[%d] has no text", sec.Key, j)
			}
			if len(sent.Evidence) == 0 {
				t.Errorf("%s[%d] cites nothing", sec.Key, j)
			}
			for _, id := range sent.Evidence {
				if !known[id] {
					t.Errorf("%s[%d] cites unknown segment %q", sec.Key, j, id)
				}
			}
		}
	}
	if sentences == 0 {
		t.Error("summary has no sentences")
	}
}

// checkError: a *phi.Error with the code and permanence, whose message
// carries none of the forbidden strings.
func checkError(t *testing.T, err error, code phi.Code, permanent bool, forbidden ...string) *phi.Error {
	t.Helper()
	var pe *phi.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *phi.Error", err, err)
	}
	if pe.Code != code || pe.Permanent != permanent {
		t.Errorf("error %q: code %s permanent %v, want %s permanent %v", pe.Error(), pe.Code, pe.Permanent, code, permanent)
	}
	for _, f := range forbidden {
		if f != "" && strings.Contains(err.Error(), f) {
			t.Errorf("error message %q contains %q", err.Error(), f)
		}
	}
	return pe
}
