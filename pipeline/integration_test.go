package pipeline_test

// Integration tests: the whole pipeline (asynq worker on a real Redis,
// encrypted local storage, the AI gateway) with a provider that makes real
// HTTP requests to a server the test controls (aitest), audited by a
// Trail on a FileStore or an S3Store (versitygw).

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/echotest"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/s3test"
	"github.com/clinscribe/clinscribe/storage/storagetest"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

type rig struct {
	data   storage.Blobstore
	redis  *redistest.Server
	server *echotest.Server
	signer *audit.Signer
	trail  *audit.Trail
	svc    *pipeline.Services
	pipe   *pipeline.Pipeline
	worker *worker.Server
	client *worker.Client
	log    bytes.Buffer
	logMu  sync.Mutex
}

func (r *rig) Write(p []byte) (int, error) {
	r.logMu.Lock()
	defer r.logMu.Unlock()
	return r.log.Write(p)
}

// newRig assembles a pipeline audited into store. The worker is not
// started.
func newRig(t *testing.T, store audit.Store) *rig {
	t.Helper()
	r := &rig{}
	log := slog.New(slog.NewTextHandler(r, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st := storagetest.OpenLocal(t, t.TempDir(), nil)
	vault, kr := st.Vault, st.Keys
	r.data = st.Data
	var err error

	if r.signer, err = audit.GenerateSigner(filepath.Join(t.TempDir(), "audit-signing.key")); err != nil {
		t.Fatal(err)
	}
	if r.trail, err = audit.NewTrail(store, r.signer, audit.TrailConfig{Writer: "test-worker", CheckpointInterval: 200 * time.Millisecond, Log: log}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.trail.Close() })
	logger := audit.NewLogger(r.trail, "clinscribe", "test-worker", nil)

	if r.server, err = echotest.NewServer(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.server.Close)

	redis := redistest.StartWith(t, redistest.Options{Own: true})
	r.redis = redis
	opt, err := worker.RedisConfig{URL: redis.URL}.ConnOpt()
	if err != nil {
		t.Fatal(err)
	}
	r.client = worker.NewClient(opt, worker.TaskOptions{MaxRetry: 25})
	t.Cleanup(func() { r.client.Close() })
	r.svc = assemble(t, pipeline.Config{}, vault, echotest.NewProvider("remote", r.server.URL), logger, r.client, kr, nil)
	r.pipe = r.svc.Pipeline
	handlers := worker.Handlers{Stages: r.svc.Pipeline, Reviews: r.svc.Review, Webhooks: r.svc.Webhooks, Aggregates: r.svc.Aggregates}
	if r.worker, err = worker.NewServer(worker.Config{Concurrency: 4, PollInterval: 100 * time.Millisecond, ShutdownTimeout: 5 * time.Second},
		opt, handlers, log); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *rig) start(t *testing.T) {
	t.Helper()
	if err := r.worker.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.worker.Shutdown)
}

// The planted identifiers of the canary test; also used in every note so
// the other tests would notice them too.
var canary = struct {
	name, mrn, phone, dob, dobText string
}{"Quintessa Marlowe-Vance", "MRN-99-314159", "(555) 867-5309", "1961-04-17", "04/17/1961"}

func note(i int) pipeline.SubmitRequest {
	text := fmt.Sprintf(`Subjective
%s (DOB %s, MRN %s, call back at %s) is seen for follow-up visit number %d.
She reports better sleep and less headache since the last visit.

Assessment
Tension headache, improving.

Plan
Continue ibuprofen as needed. Return in %d weeks.
`, canary.name, canary.dobText, canary.mrn, canary.phone, i, i+2)
	return pipeline.SubmitRequest{
		Note: []byte(text), NoteContentType: "text/plain", Template: "soap",
		Subject:    encounter.Subject{PatientID: canary.mrn, PatientName: canary.name, BirthDate: canary.dob, Phone: canary.phone},
		ProviderID: "dr-test", Actor: "platform-test", Role: "platform", Source: "test",
	}
}

func recording(t *testing.T) pipeline.SubmitRequest {
	t.Helper()
	dir := filepath.Join("..", "testdata", "samples")
	f, err := os.Open(filepath.Join(dir, "rec-dysuria-visit.wav"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	srt, err := os.ReadFile(filepath.Join(dir, "rec-dysuria-visit.srt"))
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.SubmitRequest{
		Audio: f, AudioContentType: "audio/wav", Sidecar: srt, SidecarContentType: "application/x-subrip",
		Template: "soap", Subject: encounter.Subject{PatientID: "MRN-00000001"},
		ProviderID: "dr-test", Actor: "platform-test", Role: "platform", Source: "test",
	}
}

func (r *rig) submit(t *testing.T, req pipeline.SubmitRequest) string {
	t.Helper()
	id, err := r.pipe.Submit(context.Background(), req)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return id
}

// waitFinished waits until the encounter's pipeline is done.
func (r *rig) waitFinished(t *testing.T, id string, timeout time.Duration) *pipeline.View {
	t.Helper()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("worker log:\n%s", r.logs())
		}
	})
	return workertest.Succeeded(t, r.pipe.Status, id, timeout)
}

func (r *rig) logs() string {
	r.logMu.Lock()
	defer r.logMu.Unlock()
	return r.log.String()
}

// checkCoverage asserts that every request the provider's server received
// has exactly one intent and one outcome entry, tied by call ID, whose input
// hash is the one the server computed from what it received, and whose
// outcome names the request the server answered.
func checkCoverage(t *testing.T, reqs []echotest.Request, rows []audit.Row) {
	t.Helper()
	intents := map[string]audit.Row{}
	outcomes := map[string]audit.Row{}
	for _, r := range rows {
		switch r.Event {
		case audit.EventAIIntent:
			intents[r.CallID] = r
		case audit.EventAIOutcome:
			outcomes[r.CallID] = r
		}
	}
	if len(reqs) == 0 {
		t.Fatal("the provider's server received no request")
	}
	used := map[string]bool{}
	for _, req := range reqs {
		var match []audit.Row
		for id, in := range intents {
			if in.InputSHA256 == req.InputSHA256 && in.Task == string(req.Task) && !used[id] {
				match = append(match, in)
			}
		}
		if len(match) == 0 {
			t.Errorf("request %s (%s, input %s) has no intent entry", req.RequestID, req.Task, req.InputSHA256)
			continue
		}
		// Prefer the intent whose outcome names this request.
		in := match[0]
		for _, m := range match {
			if outcomes[m.CallID].ProviderRequestID == req.RequestID {
				in = m
			}
		}
		used[in.CallID] = true
		out, ok := outcomes[in.CallID]
		if !ok {
			t.Errorf("request %s: intent %s has no outcome entry", req.RequestID, in.CallID)
			continue
		}
		if out.InputSHA256 != req.InputSHA256 || out.Result != "ok" || out.ProviderRequestID != req.RequestID ||
			out.OutputSHA256 == "" || out.Provider != "remote" || out.Attestation != echotest.Attestation.Agreement || out.Model == "" {
			t.Errorf("request %s: outcome %+v does not record it", req.RequestID, out.Entry)
		}
		if !in.Time.Before(out.Time) && !in.Time.Equal(out.Time) {
			t.Errorf("request %s: outcome before intent", req.RequestID)
		}
		if req.Task == ai.TaskSummarize && (out.TokensIn == 0 || out.TokensOut == 0 || in.PromptVersion == "") {
			t.Errorf("request %s: outcome lacks tokens or prompt version: %+v", req.RequestID, out.Entry)
		}
	}
}

func TestPipelineCoverage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	store, err := audit.NewFileStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, store)
	r.start(t)
	var ids []string
	for i := range 4 {
		ids = append(ids, r.submit(t, note(i)))
	}
	ids = append(ids, r.submit(t, recording(t)))
	for _, id := range ids {
		r.waitFinished(t, id, 30*time.Second)
	}
	r.worker.Shutdown()
	if err := r.trail.Close(); err != nil {
		t.Fatal(err)
	}

	reqs := r.server.Requests()
	if len(reqs) != 6 { // 5 summaries, 1 transcription
		t.Fatalf("server received %d requests, want 6: %+v", len(reqs), reqs)
	}
	rd, _ := audit.OpenFileReader(dir)
	rows, err := audit.Query(context.Background(), rd, audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	checkCoverage(t, reqs, rows)
	nIntent := 0
	for _, row := range rows {
		if row.Event == audit.EventAIIntent {
			nIntent++
		}
	}
	if nIntent != len(reqs) {
		t.Errorf("%d intent entries for %d requests", nIntent, len(reqs))
	}
	rep, err := audit.Verify(context.Background(), rd, audit.VerifyOptions{Keys: []ed25519.PublicKey{r.signer.PublicKey()}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("verify: %v", rep.Problems)
	}
}

func TestPipelineCanary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	store, err := audit.NewFileStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, store)
	r.start(t)
	ctx := context.Background()
	id := r.submit(t, note(1))
	r.waitFinished(t, id, 30*time.Second)
	d, err := r.svc.Signoff.Draft(ctx, id, 0, signoff.Viewer{Actor: "dr-test", Role: "clinician", RequestID: "req-1"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text(), "Quintessa") {
		t.Fatal("positive control: the draft should carry the planted name (it is content, stored encrypted)")
	}
	ref, err := r.svc.Pseudonyms.PatientRef(ctx, canary.mrn)
	if err != nil {
		t.Fatal(err)
	}
	r.loops(t, id, ref)
	r.worker.Shutdown()
	if err := r.trail.Close(); err != nil {
		t.Fatal(err)
	}
	rd, _ := audit.OpenFileReader(dir)
	rows, err := audit.Query(ctx, rd, audit.Filter{PatientRef: ref})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 4 { // submit, intent, outcome, draft, view
		t.Fatalf("only %d entries about the patient", len(rows))
	}
	var export bytes.Buffer
	audit.WriteCSV(&export, rows)
	audit.WriteJSONL(&export, rows)

	planted := []string{
		"Quintessa", "Marlowe", canary.mrn, "mrn99314159", "314159", canary.phone, "867-5309", "8675309", "5558675309",
		canary.dob, canary.dobText, "19610417", "04171961",
	}
	// A planted run of digits counts where it stands alone, not inside a
	// longer run of letters and digits: the audit trail is full of SHA-256
	// hex digests and nanosecond timestamps, in which "314159" turns up by
	// chance (it did once in CI, in a digest or time the checkpoint file
	// repeats). The glued forms a leak would take ("MRN99314159") are
	// planted themselves.
	found := func(b []byte) []string {
		low := bytes.ToLower(b)
		var out []string
		for _, p := range planted {
			if containsPlanted(low, strings.ToLower(p)) {
				out = append(out, p)
			}
		}
		return out
	}
	if got := found(note(1).Note); len(got) < 6 {
		t.Fatalf("positive control: the scanner finds only %v in the submitted note", got)
	}
	scan := func(name string, b []byte) {
		if got := found(b); len(got) > 0 {
			t.Errorf("%s contains planted identifiers %q", name, got)
		}
	}
	files, _ := os.ReadDir(dir)
	if len(files) < 3 {
		t.Fatalf("audit dir holds %d files", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		scan(f.Name(), b)
	}
	scan("export", export.Bytes())
	scan("log", []byte(r.logs()))
	// The people's loops added keys (worklist entries) and tasks
	// (regeneration, webhooks): neither names anyone.
	keys, err := r.data.List(ctx, "")
	if err != nil || !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, encounter.ByPatientPrefix) }) {
		t.Fatalf("no worklist entries among %d keys (%v): the scan would prove little", len(keys), err)
	}
	scan("object keys", []byte(strings.Join(keys, "\n")))
	dump := r.redis.Dump(t)
	if len(dump) == 0 {
		t.Fatal("Redis is empty: the scan would prove nothing")
	}
	for k, v := range dump {
		scan("Redis "+k, []byte(k+" "+v))
	}
}

// loops runs the people's loops over the canary's encounter and two more
// of the same patient: worklists, the transcript, an edit and signature,
// a rejection and regeneration, and human documentation after an opt-out.
func (r *rig) loops(t *testing.T, id, ref string) {
	t.Helper()
	ctx := context.Background()
	doctor := access.Who{Principal: access.Principal{ID: "dr-test", Role: access.RoleProvider}, RequestID: "req-2"}
	platform := access.Who{Principal: access.Principal{ID: "platform-test", Role: access.RolePlatform}}
	patient := access.Who{Principal: access.Principal{ID: ref, Role: access.RolePatient}}
	if _, err := r.svc.Signoff.Transcript(ctx, doctor, id); err != nil {
		t.Fatal(err)
	}
	dv, err := r.svc.Signoff.View(ctx, doctor, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	secs := append([]encounter.Section(nil), dv.Sections...)
	secs[0].Sentences = append(append([]encounter.Sentence(nil), secs[0].Sentences...),
		encounter.Sentence{Text: "Spoke with " + canary.name + " at " + canary.phone + "."})
	v2, err := r.svc.Signoff.Edit(ctx, doctor, id, 1, secs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.svc.Signoff.Sign(ctx, doctor, id, v2.Version, v2.ContentSHA256, "Reviewed."); err != nil {
		t.Fatal(err)
	}
	// A second encounter: rejected, then made anew by the AI.
	again := r.submit(t, note(2))
	r.waitFinished(t, again, 30*time.Second)
	if _, err := r.svc.Signoff.Reject(ctx, doctor, again, 1, "wrong-patient"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.pipe.Regenerate(ctx, doctor, again); err != nil {
		t.Fatal(err)
	}
	workertest.Eventually(t, 30*time.Second, func() error {
		v, err := r.pipe.Status(ctx, again)
		if err != nil || v.Latest != 2 {
			return fmt.Errorf("no regenerated version yet: %+v %v", v, err)
		}
		return nil
	})
	// A third after the patient opted out: documented by hand.
	if _, err := r.svc.Consent.Set(ctx, platform, ref, consent.Denied, "front-desk"); err != nil {
		t.Fatal(err)
	}
	human := r.submit(t, note(3))
	if _, err := r.svc.Signoff.Transcript(ctx, doctor, human); err != nil {
		t.Fatal(err)
	}
	if _, err := r.svc.Human.Assign(ctx, platform, human, "dr-other"); err != nil {
		t.Fatal(err)
	}
	other := access.Who{Principal: access.Principal{ID: "dr-other", Role: access.RoleProvider}}
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		t.Fatal(err)
	}
	hand := []encounter.Section{}
	for _, sec := range tmpl.Sections {
		hand = append(hand, encounter.Section{Key: sec.Key, Sentences: []encounter.Sentence{{Text: canary.name + " (" + canary.dobText + ") seen today."}}})
	}
	if p, err := r.svc.Worklist.List(ctx, other, worklist.Query{States: []encounter.Phase{encounter.PhaseHumanDocumentation}}); err != nil ||
		len(p.Items) != 1 || p.Items[0].ID != human {
		t.Fatalf("the assignee's worklist: %+v %v", p, err)
	}
	hv, err := r.svc.Signoff.Write(ctx, other, human, 0, hand)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.svc.Signoff.Sign(ctx, other, human, hv.Version, hv.ContentSHA256, "Written and reviewed by me."); err != nil {
		t.Fatal(err)
	}
	for _, who := range []access.Who{doctor, platform, patient} {
		p, err := r.svc.Worklist.List(ctx, who, worklist.Query{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) == 0 {
			t.Fatalf("%s lists nothing", who.Role)
		}
	}
	if _, err := r.svc.Signoff.View(ctx, patient, human, 0); err != nil {
		t.Fatalf("the patient reads the signed hand-written note: %v", err)
	}
}

// proxy forwards TCP to target until cut: then it drops every connection
// and refuses new ones, as an unreachable store would.
type proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	cut    bool
	conns  map[net.Conn]bool
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target, conns: map[net.Conn]bool{}}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			if p.cut {
				p.mu.Unlock()
				c.Close()
				continue
			}
			p.conns[c] = true
			p.mu.Unlock()
			go p.pipe(c)
		}
	}()
	return p
}

func (p *proxy) pipe(c net.Conn) {
	u, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	p.conns[u] = true
	p.mu.Unlock()
	go func() { io.Copy(u, c); u.Close() }()
	io.Copy(c, u)
	c.Close()
}

func (p *proxy) setCut(v bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = v
	if v {
		for c := range p.conns {
			c.Close()
		}
		p.conns = map[net.Conn]bool{}
	}
}

func (p *proxy) url() string { return "http://" + p.ln.Addr().String() }

// TestPipelineFailClosed: with the audit store unreachable no request
// reaches the provider; the task retries and completes once the store is
// back, with its intent and outcome entries.
func TestPipelineFailClosed(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	srv.LockedBucket(t, "audit")
	px := newProxy(t, strings.TrimPrefix(srv.Endpoint, "http://"))
	ak, sk := s3test.Credentials()
	client := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(px.url()), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(ak, sk, "")})
	store, err := audit.NewS3Store(client, audit.S3Config{Bucket: "audit", Prefix: "trail"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CheckObjectLock(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := newRig(t, store)
	id := r.submit(t, note(7)) // audited while the store is up
	px.setCut(true)
	r.start(t)

	// Wait until the summary has failed twice for want of the audit trail.
	workertest.Eventually(t, 60*time.Second, func() error {
		st, err := r.svc.Store.Stage(context.Background(), id, encounter.StageSummarize)
		if err != nil || st.Failure == nil || st.Attempt < 2 {
			return fmt.Errorf("no second failed attempt: %+v %v\n%s", st, err, r.logs())
		}
		if st.Failure.Code != "audit_unavailable" || st.State != encounter.StateRetrying {
			t.Fatalf("stage %+v, want retrying with audit_unavailable", st)
		}
		return nil
	})
	if n := len(r.server.Requests()); n != 0 {
		t.Fatalf("%d requests reached the provider while the audit store was down", n)
	}

	px.setCut(false)
	r.waitFinished(t, id, 60*time.Second)
	r.worker.Shutdown()
	if err := r.trail.Close(); err != nil {
		t.Fatal(err)
	}
	reqs := r.server.Requests()
	if len(reqs) != 1 {
		t.Fatalf("server received %d requests, want 1", len(reqs))
	}
	direct, _ := audit.NewS3Store(srv.Client(), audit.S3Config{Bucket: "audit", Prefix: "trail"}, nil)
	rows, err := audit.Query(context.Background(), direct, audit.Filter{EncounterID: id})
	if err != nil {
		t.Fatal(err)
	}
	checkCoverage(t, reqs, rows)
	rep, err := audit.Verify(context.Background(), direct, audit.VerifyOptions{Keys: []ed25519.PublicKey{r.signer.PublicKey()}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("verify: %v", rep.Problems)
	}
	if rep.Chains < 2 {
		t.Errorf("%d chains: the outage should have abandoned the first", rep.Chains)
	}
	var events []string
	for _, row := range rows {
		events = append(events, string(row.Event))
	}
	t.Logf("entries: %v; %d chains, %d checkpoints", events, rep.Chains, rep.Checkpoints)
}

// containsPlanted reports whether b holds p; a p made only of digits must
// stand alone (no letter or digit right before or after it).
func containsPlanted(b []byte, p string) bool {
	digits := strings.Trim(p, "0123456789") == ""
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte(p))
		if i < 0 {
			return false
		}
		i += off
		if !digits || !alnumAt(b, i-1) && !alnumAt(b, i+len(p)) {
			return true
		}
		off = i + 1
	}
}

func alnumAt(b []byte, i int) bool {
	if i < 0 || i >= len(b) {
		return false
	}
	c := b[i]
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// The canary's scan finds a planted run of digits alone or between
// punctuation, and not inside a digest or a timestamp.
func TestContainsPlanted(t *testing.T) {
	for text, want := range map[string]bool{
		"mrn 314159 on file":             true,
		"MRN-99-314159":                  true,
		`"id":"314159",`:                 true,
		"314159":                         true,
		"9f3e314159ab0c":                 false,
		"2026-12-04T06:00:34.314159123Z": false,
	} {
		if got := containsPlanted([]byte(text), "314159"); got != want {
			t.Errorf("containsPlanted(%q) = %v, want %v", text, got, want)
		}
	}
	if !containsPlanted([]byte("name: quintessa-x"), "quintessa") {
		t.Error("a planted word inside a longer token is not found")
	}
}
