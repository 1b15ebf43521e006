package openai_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/openai"
	"github.com/clinscribe/clinscribe/pipeline/ai/openaitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/resilience"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

var testCall = ai.Call{EncounterID: "enc_bbbbbbbbbbbbbbbbbbbbbbbbbb", PatientRef: "pt_scenario", TaskID: "task-2"}

func soap(t testing.TB) *prompts.Template {
	t.Helper()
	tmpl, err := prompts.Builtin().Get("soap")
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

func summarize(t testing.TB, e *env, segs []encounter.Segment) (*aitest.Bundle, *ai.SummarizeResult, error) {
	t.Helper()
	b := aitest.NewGateway(t, e.prov, nil)
	res, err := b.Gateway.Summarize(context.Background(), testCall, &ai.SummarizeRequest{Template: soap(t), Segments: segs})
	return b, res, err
}

func chatRequests(srv *openaitest.Server) []openaitest.Request {
	var out []openaitest.Request
	for _, r := range srv.Requests() {
		if r.Kind == openaitest.KindChat {
			out = append(out, r)
		}
	}
	return out
}

// messages returns a recorded chat request's messages as role, content.
func messages(t testing.TB, r openaitest.Request) [][2]string {
	t.Helper()
	raw, _ := r.Body["messages"].([]any)
	var out [][2]string
	for _, m := range raw {
		obj := m.(map[string]any)
		c, _ := obj["content"].(string)
		out = append(out, [2]string{obj["role"].(string), c})
	}
	return out
}

func requestResults(es []audit.Entry) []string {
	var out []string
	for _, e := range es {
		if e.Event == ai.EventRequestOutcome {
			out = append(out, e.Result)
		}
	}
	return out
}

// What leaves for the provider: no end-user identifiers or metadata,
// store=false, a strict schema, and the note only inside the data fence.
func TestRequestShapeOpenAI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, nil)
	segs := aitest.SampleNote(t, "note-hypertension-followup.txt")
	if _, _, err := summarize(t, e, segs); err != nil {
		t.Fatal(err)
	}
	wav, _ := openaitest.SynthWAV(openaitest.Script(10*time.Second), openaitest.SynthOptions{})
	b := aitest.NewGateway(t, e.prov, nil)
	if _, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav)); err != nil {
		t.Fatal(err)
	}
	reqs := e.srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests", len(reqs))
	}
	chat, tr := reqs[0], reqs[1]
	if chat.Path != "/v1/chat/completions" || chat.Header.Get("Authorization") != "Bearer "+testKey {
		t.Errorf("chat path %s, auth %q", chat.Path, chat.Header.Get("Authorization"))
	}
	checkChatBody(t, chat, segs)
	if tr.Path != "/v1/audio/transcriptions" || tr.FileName != "audio.wav" {
		t.Errorf("transcription path %s, file name %q", tr.Path, tr.FileName)
	}
	var fields []string
	for k := range tr.Form {
		fields = append(fields, k)
	}
	slices.Sort(fields)
	if want := []string{"language", "model", "response_format", "timestamp_granularities[]"}; !slices.Equal(fields, want) {
		t.Errorf("transcription fields %v, want %v", fields, want)
	}
	if tr.Form["response_format"][0] != "verbose_json" || tr.Form["language"][0] != "en" || tr.Form["timestamp_granularities[]"][0] != "segment" {
		t.Errorf("transcription form %v", tr.Form)
	}
}

func checkChatBody(t *testing.T, r openaitest.Request, segs []encounter.Segment) {
	t.Helper()
	for _, f := range []string{"user", "metadata", "safety_identifier", "prompt_cache_key"} {
		if _, ok := r.Body[f]; ok {
			t.Errorf("request carries %q", f)
		}
	}
	if store, ok := r.Body["store"].(bool); !ok || store {
		t.Errorf("store = %v (present %v), want an explicit false", r.Body["store"], ok)
	}
	rf, _ := r.Body["response_format"].(map[string]any)
	js, _ := rf["json_schema"].(map[string]any)
	if rf["type"] != "json_schema" || js["strict"] != true || js["name"] != "clinical_note_soap" {
		t.Errorf("response_format %v", rf)
	}
	if _, ok := r.Body["max_completion_tokens"]; !ok {
		t.Error("no max_completion_tokens")
	}
	var outside strings.Builder
	inside := 0
	for _, m := range messages(t, r) {
		outside.WriteString(prompts.OutsideFence(m[1]))
		if _, src, err := prompts.ParseSource(m[1]); err == nil {
			inside += len(src)
		}
	}
	if inside != len(segs) {
		t.Errorf("%d segments inside the fence, want %d", inside, len(segs))
	}
	for _, s := range segs {
		if len(s.Text) > 12 && strings.Contains(outside.String(), s.Text) {
			t.Errorf("source text outside the data fence: %q", s.Text)
		}
	}
}

func TestRequestShapeAzure(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{AzureAPIVersions: []string{"2024-10-21"}}, openai.KindAzure, nil)
	segs := aitest.SampleNote(t, "note-low-back-pain.txt")
	if _, _, err := summarize(t, e, segs); err != nil {
		t.Fatal(err)
	}
	wav, _ := openaitest.SynthWAV(openaitest.Script(5*time.Second), openaitest.SynthOptions{})
	b := aitest.NewGateway(t, e.prov, nil)
	if _, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav)); err != nil {
		t.Fatal(err)
	}
	reqs := e.srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests", len(reqs))
	}
	for i, want := range []string{"/openai/deployments/notes-deployment/chat/completions", "/openai/deployments/whisper-deployment/audio/transcriptions"} {
		r := reqs[i]
		if r.Path != want || !r.Azure {
			t.Errorf("request %d path %s, want %s", i, r.Path, want)
		}
		if v := r.Query.Get("api-version"); v != "2024-10-21" {
			t.Errorf("request %d api-version %q", i, v)
		}
		if r.Header.Get("api-key") != testKey || r.Header.Get("Authorization") != "" {
			t.Errorf("request %d: api-key %q, Authorization %q: want the key in api-key only", i, r.Header.Get("api-key"), r.Header.Get("Authorization"))
		}
	}
	checkChatBody(t, reqs[0], segs)
}

func TestRateLimitedThenRetriedAfterRetryAfter(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, nil)
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{Status: 429, RetryAfter: 400 * time.Millisecond})
	start := time.Now()
	b, res, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Errorf("retried after %v, before Retry-After (400ms)", d)
	}
	if len(chatRequests(e.srv)) != 2 || len(res.Sections) != 4 {
		t.Errorf("%d requests, %d sections", len(chatRequests(e.srv)), len(res.Sections))
	}
	if got := requestResults(b.Audit(t)); !slices.Equal(got, []string{"rate_limited", "ok"}) {
		t.Errorf("request outcomes %v", got)
	}
}

func TestServerErrorThenSuccess(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, nil)
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{Status: 500})
	e.srv.FailNext(openaitest.KindTranscription, openaitest.Failure{Status: 503, RetryAfter: 50 * time.Millisecond})
	b, _, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wav, _ := openaitest.SynthWAV(openaitest.Script(5*time.Second), openaitest.SynthOptions{})
	if _, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav)); err != nil {
		t.Fatal(err)
	}
	if got := requestResults(b.Audit(t)); !slices.Equal(got, []string{"provider_error", "ok", "provider_overloaded", "ok"}) {
		t.Errorf("request outcomes %v", got)
	}
}

func TestTimeoutHungServer(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.Timeout = 3 * time.Second // generous: the retry must finish within it, even under -race
		c.Retry.MaxAttempts = 2
	})
	// One hang: the retry succeeds.
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{Hang: true})
	if _, _, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt")); err != nil {
		t.Fatalf("after one hang: %v", err)
	}
	// Hangs on every attempt: a retryable timeout, promptly.
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{Hang: true}, openaitest.Failure{Hang: true})
	start := time.Now()
	b, _, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt"))
	if phi.CodeOf(err) != phi.CodeTimeout || phi.IsPermanent(err) {
		t.Fatalf("err %v, want a retryable timeout", err)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("gave up after %v", d)
	}
	if got := requestResults(b.Audit(t)); !slices.Equal(got, []string{"timeout", "timeout"}) {
		t.Errorf("request outcomes %v", got)
	}
}

func TestMalformedJSON(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) { c.Retry.MaxAttempts = 3 })
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{MalformedJSON: true})
	e.srv.FailNext(openaitest.KindTranscription, openaitest.Failure{MalformedJSON: true})
	b, _, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt"))
	if err != nil {
		t.Fatalf("after one malformed answer: %v", err)
	}
	wav, _ := openaitest.SynthWAV(openaitest.Script(5*time.Second), openaitest.SynthOptions{})
	if _, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav)); err != nil {
		t.Fatalf("transcription after one malformed answer: %v", err)
	}
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{MalformedJSON: true}, openaitest.Failure{MalformedJSON: true}, openaitest.Failure{MalformedJSON: true})
	_, _, err = summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt"))
	if phi.CodeOf(err) != phi.CodeProviderError || phi.IsPermanent(err) {
		t.Fatalf("err %v, want a retryable provider_error", err)
	}
}

func TestSchemaInvalidRepairedOnceThenFailed(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, nil)
	segs := aitest.SampleNote(t, "note-diabetes-visit.txt")
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{SchemaInvalid: true})
	_, res, err := summarize(t, e, segs)
	if err != nil {
		t.Fatalf("one invalid answer should be repaired: %v", err)
	}
	if len(res.Sections) != 4 {
		t.Errorf("%d sections", len(res.Sections))
	}
	reqs := chatRequests(e.srv)
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want the request and one repair", len(reqs))
	}
	repair := messages(t, reqs[1])
	if len(repair) != 3 || repair[2][0] != "user" || !strings.HasPrefix(repair[2][1], "Your previous answer was rejected") ||
		!strings.Contains(repair[2][1], `missing required property`) {
		t.Errorf("repair request messages %q", repair)
	}
	checkChatBody(t, reqs[1], segs) // the repair keeps the source inside the fence

	e.srv.Reset()
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{SchemaInvalid: true}, openaitest.Failure{SchemaInvalid: true})
	_, _, err = summarize(t, e, segs)
	if phi.CodeOf(err) != phi.CodeOutputInvalid || !phi.IsPermanent(err) {
		t.Fatalf("err %v, want permanent %s", err, phi.CodeOutputInvalid)
	}
	if n := len(chatRequests(e.srv)); n != 2 {
		t.Errorf("%d requests, want exactly 2 (one repair)", n)
	}
	if !strings.Contains(err.Error(), "$: missing required property") {
		t.Errorf("error does not say what was wrong: %v", err)
	}
}

// threeHours is a synthetic 3-hour transcript.
func threeHours() []encounter.Segment {
	lines := []string{
		"I have had a cough for about two weeks and it gets worse at night.",
		"Any fever or chills, or shortness of breath when you climb stairs?",
		"No fever, but I feel tired in the morning and my chest feels tight.",
		"Your blood pressure is 138 over 86 and your lungs sound clear today.",
		"We will start an inhaler twice a day and recheck in two weeks.",
	}
	var segs []encounter.Segment
	for ms := int64(0); ms < 3*3_600_000; ms += 5_000 {
		i := len(segs)
		speaker := "Patient"
		if i%2 == 0 {
			speaker = "Clinician"
		}
		segs = append(segs, encounter.Segment{ID: encounter.SegmentID(i + 1), StartMS: ms, EndMS: ms + 4_500, Speaker: speaker,
			Text: fmt.Sprintf("%s Noted at minute %d.", lines[i%len(lines)], ms/60_000)})
	}
	return segs
}

func TestThreeHourEncounterChunkedAndMerged(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{ContextWindow: 16_000}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.Limits.ContextWindow = 16_000
		c.Limits.MaxOutputTokens = 3_000
	})
	segs := threeHours()
	_, res, err := summarize(t, e, segs)
	if err != nil {
		t.Fatal(err)
	}
	reqs := chatRequests(e.srv)
	if len(reqs) < 4 {
		t.Fatalf("%d requests for %d segments: expected several parts", len(reqs), len(segs))
	}
	// Every segment lands in some part.
	seen := map[string]bool{}
	for _, r := range reqs {
		if r.Status != http.StatusOK {
			t.Errorf("part answered %d", r.Status)
		}
		for _, m := range messages(t, r) {
			if _, src, err := prompts.ParseSource(m[1]); err == nil {
				for _, s := range src {
					seen[s.ID] = true
				}
			}
		}
	}
	for _, s := range segs {
		if !seen[s.ID] {
			t.Fatalf("%s was in no request: the encounter was truncated", s.ID)
		}
	}
	// The merged draft cites the whole encounter: each third.
	var cited []int
	for _, sec := range res.Sections {
		for _, sent := range sec.Sentences {
			for _, id := range sent.Evidence {
				var n int
				fmt.Sscanf(id, "seg-%d", &n)
				cited = append(cited, n)
			}
		}
	}
	thirds := [3]int{}
	for _, n := range cited {
		thirds[min((n-1)*3/len(segs), 2)]++
	}
	if thirds[0] == 0 || thirds[1] == 0 || thirds[2] == 0 {
		t.Errorf("citations per third of the encounter: %v", thirds)
	}
	if res.Usage.InputTokens == 0 {
		t.Error("usage not summed")
	}
}

func TestContextLengthErrorRechunks(t *testing.T) {
	t.Parallel()
	// The client believes in a bigger window than the server has.
	e := newEnv(t, openaitest.Options{ContextWindow: 9_000}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.Limits.ContextWindow = 32_000
		c.Limits.MaxOutputTokens = 2_000
	})
	segs := threeHours()[:400]
	b, res, err := summarize(t, e, segs)
	if err != nil {
		t.Fatal(err)
	}
	results := requestResults(b.Audit(t))
	if !slices.Contains(results, "provider_rejected") || results[len(results)-1] != "ok" {
		t.Errorf("request outcomes %v: want context-length rejections, then success", results)
	}
	seen := map[string]bool{}
	for _, r := range chatRequests(e.srv) {
		if r.Status != http.StatusOK {
			continue
		}
		for _, m := range messages(t, r) {
			if _, src, err := prompts.ParseSource(m[1]); err == nil {
				for _, s := range src {
					seen[s.ID] = true
				}
			}
		}
	}
	if len(seen) != len(segs) {
		t.Errorf("%d of %d segments summarized after re-chunking", len(seen), len(segs))
	}
	if len(res.Sections) != 4 {
		t.Errorf("%d sections", len(res.Sections))
	}
	// An injected context-length error on a request that fits is handled
	// the same way.
	e.srv.FailNext(openaitest.KindChat, openaitest.Failure{ContextLength: true})
	if _, _, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt")); err != nil {
		t.Fatal(err)
	}
}

func TestUnsupportedSentenceIsFlaggedNotDropped(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, nil)
	const claim = "The patient underwent kidney transplantation in Portugal."
	e.srv.AddUnsupportedSentence(claim)
	_, res, err := summarize(t, e, aitest.SampleNote(t, "note-hypertension-followup.txt"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sec := range res.Sections {
		for _, s := range sec.Sentences {
			if s.Text == claim {
				found = true
				if !slices.Contains(s.Flags, encounter.FlagUnsupported) {
					t.Errorf("unsupported sentence not flagged: %+v", s)
				}
			} else if slices.Contains(s.Flags, encounter.FlagUnsupported) {
				t.Errorf("supported sentence flagged: %+v", s)
			}
		}
	}
	if !found {
		t.Error("the unsupported sentence was dropped; it must be kept and flagged for the reviewer")
	}
}

func TestUnattestedProviderRefusedBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.Attestation = ai.Attestation{}
	})
	b, _, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt"))
	if phi.CodeOf(err) != phi.CodeNotAttested {
		t.Fatalf("err %v", err)
	}
	if n := len(e.srv.Requests()); n != 0 {
		t.Fatalf("%d request(s) reached the server", n)
	}
	es := b.Audit(t)
	if len(es) != 1 || es[0].Event != audit.EventAIRefused || es[0].Result != string(phi.CodeNotAttested) {
		t.Errorf("audit %+v", es)
	}
}

func TestDiarizedSpeakers(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.TranscribeModel = "gpt-4o-transcribe-diarize"
	})
	wav, exp := openaitest.SynthWAV(openaitest.Script(45*time.Second), openaitest.SynthOptions{})
	b := aitest.NewGateway(t, e.prov, nil)
	res, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Segments) != len(exp) {
		t.Fatalf("%d segments, want %d", len(res.Segments), len(exp))
	}
	for i, s := range res.Segments {
		if want := "Speaker " + exp[i].Speaker; s.Speaker != want || s.Text != exp[i].Text {
			t.Errorf("segment %d: %q %q, want %q %q", i, s.Speaker, s.Text, want, exp[i].Text)
		}
	}
	r := e.srv.Requests()[0]
	if r.Form["response_format"][0] != "diarized_json" || r.Form["chunking_strategy"][0] != "auto" {
		t.Errorf("form %v", r.Form)
	}
}

// Diarizing models label speakers per request; across chunks the labels
// are matched at the seams.
func TestDiarizedSpeakersAcrossChunks(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{MaxUploadBytes: 2 << 20}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.TranscribeModel = "gpt-4o-transcribe-diarize"
		c.Limits.MaxUploadBytes = 2 << 20
	})
	wav, exp := openaitest.SynthWAV(openaitest.Script(6*time.Minute), openaitest.SynthOptions{})
	b := aitest.NewGateway(t, e.prov, nil)
	res, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.srv.Requests()) < 5 {
		t.Fatalf("%d uploads", len(e.srv.Requests()))
	}
	checkWords(t, res.Segments, exp)
	// Each segment's speaker is the one who said its first word.
	j := 0
	for _, s := range res.Segments {
		for j < len(exp)-1 && exp[j+1].StartMS <= s.StartMS+50 {
			j++
		}
		if want := "Speaker " + exp[j].Speaker; s.Speaker != want {
			t.Errorf("%s at %d ms: %q, want %q", s.ID, s.StartMS, s.Speaker, want)
		}
	}
}

func TestPlainJSONTranscriptionModel(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.TranscribeModel = "gpt-4o-mini-transcribe"
	})
	wav, exp := openaitest.SynthWAV(openaitest.Script(20*time.Second), openaitest.SynthOptions{})
	b := aitest.NewGateway(t, e.prov, nil)
	res, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav))
	if err != nil {
		t.Fatal(err)
	}
	// No times from the model: sentences are spread over the chunk (and
	// "mg." does not end a sentence, so there may be fewer than uttered).
	n := len(res.Segments)
	if n < len(exp)/2 || n > len(exp) || res.Segments[n-1].StartMS == 0 || res.Segments[n-1].EndMS > exp[len(exp)-1].EndMS+1_000 {
		t.Errorf("%d segments (uttered %d), spread over the chunk: %+v", n, len(exp), res.Segments)
	}
}

// A recording cut into many chunks comes back whole: every word once, in
// order, times monotonic.
func TestChunkedRecordingStitchedWithoutDoubledWords(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{MaxUploadBytes: 2 << 20}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) {
		c.Limits.MaxUploadBytes = 2 << 20 // about a minute of 16 kHz audio per chunk
	})
	wav, exp := openaitest.SynthWAV(openaitest.Script(8*time.Minute), openaitest.SynthOptions{LeadSilence: 700 * time.Millisecond})
	b := aitest.NewGateway(t, e.prov, nil)
	res, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(e.srv.Requests()); n < 8 {
		t.Fatalf("%d uploads for 8 minutes in 2 MiB chunks", n)
	}
	checkWords(t, res.Segments, exp)
}

func checkWords(t testing.TB, segs []encounter.Segment, exp []openaitest.Expected) {
	t.Helper()
	norm := func(s string) []string { return strings.Fields(strings.ToLower(strings.ReplaceAll(s, ".", ""))) }
	var got, want []string
	last := int64(-1)
	for _, s := range segs {
		if s.StartMS < last {
			t.Fatalf("%s starts at %d, before %d", s.ID, s.StartMS, last)
		}
		last = s.StartMS
		got = append(got, norm(s.Text)...)
	}
	for _, x := range exp {
		want = append(want, norm(x.Text)...)
	}
	if !slices.Equal(got, want) {
		// Show the first difference.
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("transcript differs at word %d of %d (got %d words): got %v, want %v", i, len(want), len(got),
			got[i:min(i+8, len(got))], want[i:min(i+8, len(want))])
	}
	// Times land where the words were said.
	for i, s := range segs {
		if i < len(exp) && s.Text == exp[i].Text {
			if d := s.StartMS - exp[i].StartMS; d < -50 || d > 50 {
				t.Errorf("%s at %d ms, said at %d ms", s.ID, s.StartMS, exp[i].StartMS)
			}
		}
	}
}

// Acceptance: a 100 MB WAV is split under the 25 MB upload limit,
// transcribed in parallel and stitched with monotonic timestamps.
func TestHundredMegabyteRecording(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{LatencyPerAudioSecond: time.Millisecond}, openai.KindOpenAI, nil)
	wav, exp := openaitest.SynthWAV(openaitest.Script(3280*time.Second), openaitest.SynthOptions{})
	if len(wav) < 100_000_000 {
		t.Fatalf("synthesized %d bytes", len(wav))
	}
	b := aitest.NewGateway(t, e.prov, nil)
	res, err := b.Gateway.Transcribe(context.Background(), testCall, wavRequest(wav))
	if err != nil {
		t.Fatal(err)
	}
	reqs := e.srv.Requests()
	if len(reqs) < 4 {
		t.Fatalf("%d uploads", len(reqs))
	}
	for _, r := range reqs {
		if r.FileSize > 25<<20 || r.Status != http.StatusOK {
			t.Errorf("upload of %d bytes answered %d", r.FileSize, r.Status)
		}
	}
	// Parallel: uploads overlapped at the server.
	if n := e.srv.Stats().MaxInFlight; n < 2 {
		t.Errorf("at most %d upload(s) in flight: not parallel", n)
	}
	checkWords(t, res.Segments, exp)
}

// observer records what a provider reports for metrics.
type observer struct {
	mu     sync.Mutex
	states []string
	waits  map[string]int
	waited time.Duration
}

func (o *observer) RateLimitWait(provider string, d time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.waits == nil {
		o.waits = map[string]int{}
	}
	o.waits[provider]++
	o.waited += d
}

func (o *observer) BreakerState(provider, state string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.states = append(o.states, provider+":"+state)
}

func TestBreakerOpensAndFallbackServes(t *testing.T) {
	t.Parallel()
	obs := &observer{}
	bad := newEnv(t, openaitest.Options{}, openai.KindOpenAI, func(c *openai.Config, d *openai.Deps) {
		c.Name = "primary"
		c.Fallback = "backup"
		c.Retry.MaxAttempts = 2
		c.Breaker = resilience.BreakerConfig{Failures: 2, Cooldown: time.Minute}
		d.Observer = obs
	})
	good := newEnv(t, openaitest.Options{}, openai.KindAzure, func(c *openai.Config, _ *openai.Deps) { c.Name = "backup" })
	for range 10 {
		bad.srv.FailNext(openaitest.KindChat, openaitest.Failure{Status: 502})
	}
	b := aitest.NewGateway(t, bad.prov, nil, good.prov)
	segs := aitest.SampleNote(t, "note-low-back-pain.txt")
	for i := range 2 {
		res, err := b.Gateway.Summarize(context.Background(), testCall, &ai.SummarizeRequest{Template: soap(t), Segments: segs})
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		if res.Provider != "backup" {
			t.Errorf("call %d served by %s", i, res.Provider)
		}
	}
	// The first call's two failures opened the breaker: the second call
	// did not reach the failing server.
	if n := len(bad.srv.Requests()); n != 2 {
		t.Errorf("%d requests to the failing primary, want 2", n)
	}
	if st := bad.impl.Breaker().State(); st != "open" {
		t.Errorf("breaker %s", st)
	}
	// Metrics saw the start state and the transition.
	if want := []string{"primary:closed", "primary:open"}; !slices.Equal(obs.states, want) {
		t.Errorf("observed breaker states %v, want %v", obs.states, want)
	}
	var outcomes []string
	for _, e := range b.Audit(t) {
		if e.Event == audit.EventAIOutcome {
			outcomes = append(outcomes, e.Provider+":"+e.Result)
		}
	}
	want := []string{"primary:provider_error", "backup:ok", "primary:provider_overloaded", "backup:ok"}
	if !slices.Equal(outcomes, want) {
		t.Errorf("call outcomes %v, want %v", outcomes, want)
	}
}

// Two processes' worth of clients share one quota through Redis: the
// server never has to refuse.
func TestFleetRateLimitShared(t *testing.T) {
	t.Parallel()
	rs := redistest.Start(t)
	srv := openaitest.New(t, openaitest.Options{APIKey: testKey, RPM: 600, TPM: 600_000, QuotaWindow: 2 * time.Second})
	obs := &observer{}
	var provs []*ai.Provider
	for range 2 {
		o, _ := redis.ParseURL(rs.URL)
		rdb := redis.NewClient(o)
		t.Cleanup(func() { rdb.Close() })
		cfg := baseConfig(srv, openai.KindOpenAI)
		cfg.Name = "fleet"
		cfg.Limits = openai.Limits{RPM: 600, TPM: 600_000, MaxOutputTokens: 1_500}
		p, err := openai.New(cfg, openai.Deps{Redis: rdb, Observer: obs})
		if err != nil {
			t.Fatal(err)
		}
		provs = append(provs, p)
	}
	segs := aitest.SampleNote(t, "note-diabetes-visit.txt")
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := aitest.NewGateway(t, provs[i%2], nil)
			_, err := b.Gateway.Summarize(context.Background(), testCall, &ai.SummarizeRequest{Template: soap(t), Segments: segs})
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st := srv.Stats()
	if st.QuotaRejected != 0 {
		t.Errorf("server refused %d requests (429): the fleet limiter let too many through", st.QuotaRejected)
		for _, r := range srv.Requests() {
			t.Logf("%s %d tokens %d", r.Time.Format("05.000"), r.Status, r.Tokens)
		}
	}
	if st.Requests < 24 {
		t.Errorf("%d requests for 24 summaries", st.Requests)
	}
	// Every request went through the limiter and was reported, and a
	// burst of 24 against 600 RPM (one per 100ms) had to wait.
	if n := obs.waits["fleet"]; n != st.Requests {
		t.Errorf("%d rate-limiter waits reported for %d requests", n, st.Requests)
	}
	if obs.waited < time.Second {
		t.Errorf("24 requests at 600 RPM waited %s in all: the waits are not reported", obs.waited)
	}
}

func TestIdentifierFieldsNeverSent(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, nil)
	_, _, err := summarize(t, e, aitest.SampleNote(t, "note-low-back-pain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range e.srv.Requests() {
		b, _ := json.Marshal(r.Body)
		for _, f := range []string{`"user"`, `"metadata"`, `"safety_identifier"`} {
			if strings.Contains(string(b), f+":") {
				t.Errorf("request body has %s", f)
			}
		}
		if r.Header.Get("OpenAI-Organization") != "" {
			t.Errorf("organization header without configuration")
		}
	}
}

// A compatible server that only knows JSON mode: response_format
// json_object, the schema in the prompt, the answer validated as usual.
func TestJSONObjectMode(t *testing.T) {
	t.Parallel()
	e := newEnv(t, openaitest.Options{}, openai.KindOpenAI, func(c *openai.Config, _ *openai.Deps) { c.ResponseFormat = "json_object" })
	segs := aitest.SampleNote(t, "note-diabetes-visit.txt")
	_, res, err := summarize(t, e, segs)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range res.Sections {
		n += len(s.Sentences)
	}
	if n == 0 {
		t.Fatal("no sentences in JSON mode")
	}
	reqs := chatRequests(e.srv)
	rf, _ := reqs[0].Body["response_format"].(map[string]any)
	if rf["type"] != "json_object" || rf["json_schema"] != nil {
		t.Fatalf("response_format %v", rf)
	}
	if msgs := messages(t, reqs[0]); len(msgs) == 0 || !strings.Contains(msgs[0][1], `"properties"`) {
		t.Fatal("the schema is not in the prompt")
	}
}
