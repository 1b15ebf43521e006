package awstest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const jsonContentType = "application/x-amz-json-1.1"

// jobNotFound is how Transcribe answers an unknown job name (as observed
// for DeleteTranscriptionJob: BadRequestException, not NotFoundException).
var jobNotFound = Fault{400, "BadRequestException", "The requested job couldn't be found. Check the job name and try your request again."}

// Transcribe is a SIMULATED Amazon Transcribe (medical and HealthScribe
// batch jobs) speaking the service's wire protocol. A job is IN_PROGRESS
// for CompleteAfter status checks; on the next one the server reads the
// staged recording from S3, "transcribes" it from the script registered
// for its bytes (or DefaultScript), writes the output to the job's output
// bucket and reports COMPLETED. See the package doc.
type Transcribe struct {
	*httptest.Server
	recorder

	s3 *s3.Client

	mu sync.Mutex
	// CompleteAfter is how many status checks a job stays IN_PROGRESS.
	CompleteAfter int
	scripts       map[string][]Utterance // sha256 of the recording -> script
	jobs          map[string]*simJob     // "medical/<name>" or "scribe/<name>"
	failNext      []string               // FailureReasons for the next jobs
	stall         bool
	deleted       []string
	started       []string
}

// DefaultScript is what a recording without a registered script "says".
var DefaultScript = []Utterance{
	{Speaker: "Clinician", StartMS: 400, EndMS: 3100, Text: "Good morning, what brings you in today?"},
	{Speaker: "Patient", StartMS: 3500, EndMS: 8200, Text: "I've had a dry cough for about two weeks, and it's worse at night."},
	{Speaker: "Clinician", StartMS: 8600, EndMS: 12900, Text: "Your lungs sound clear on exam and your temperature is normal."},
	{Speaker: "Clinician", StartMS: 13300, EndMS: 18800, Text: "This is most likely a post-viral cough. Let's try honey and a humidifier, and come back in two weeks if it's not better."},
}

// NewTranscribe starts a Transcribe test server that reads and writes job
// files through s3c (a client for an S3-protocol server, such as
// storage/s3test's). Close it when done.
func NewTranscribe(s3c *s3.Client) *Transcribe {
	t := &Transcribe{s3: s3c, CompleteAfter: 1, scripts: map[string][]Utterance{}, jobs: map[string]*simJob{}}
	t.Server = httptest.NewServer(http.HandlerFunc(t.handle))
	return t
}

// Script registers what a recording says: jobs whose staged recording has
// exactly these bytes are transcribed from script. A nil or empty script
// simulates a recording with no speech.
func (t *Transcribe) Script(recording []byte, script []Utterance) {
	sum := sha256.Sum256(recording)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.scripts[hex.EncodeToString(sum[:])] = script
}

// FailNextJob makes the next job end FAILED with reason.
func (t *Transcribe) FailNextJob(reason string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failNext = append(t.failNext, reason)
}

// Stall keeps every job IN_PROGRESS (or releases them), to play a job that
// outlasts the caller's patience.
func (t *Transcribe) Stall(stall bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stall = stall
}

// Started lists the names of the jobs started, in order.
func (t *Transcribe) Started() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.started...)
}

// Deleted lists the names of the jobs deleted, in order.
func (t *Transcribe) Deleted() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.deleted...)
}

// Jobs returns the start requests of the jobs the server holds (not yet
// deleted), keyed by name, as the JSON the SDK sent.
func (t *Transcribe) Jobs() map[string]map[string]any {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := map[string]map[string]any{}
	for _, j := range t.jobs {
		out[j.name] = j.request
	}
	return out
}

type simJob struct {
	scribe   bool
	name     string
	request  map[string]any
	status   string
	reason   string
	polls    int
	created  time.Time
	done     time.Time
	outURI   string // medical: transcript file URI
	docURI   string // scribe: clinical document URI
	failWith string
}

var jobNameRE = regexp.MustCompile(`^[0-9a-zA-Z._-]{1,200}$`)

func (t *Transcribe) handle(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	op, ok := strings.CutPrefix(target, "Transcribe.")
	if r.Method != http.MethodPost || r.URL.Path != "/" || !ok {
		t.violate("unexpected request " + r.Method + " " + r.URL.Path + " target " + target)
		writeFault(w, jsonContentType, Fault{400, "UnknownOperationException", "unsupported target"})
		return
	}
	if !t.checkSigV4(r, "transcribe") {
		writeFault(w, jsonContentType, Fault{400, "MissingAuthenticationTokenException", "Missing Authentication Token"})
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != jsonContentType {
		t.violate(op + ": content type " + ct)
		writeFault(w, jsonContentType, Fault{400, "SerializationException", "bad content type"})
		return
	}
	var req map[string]any
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
		t.violate(op + ": body is not JSON")
		writeFault(w, jsonContentType, Fault{400, "SerializationException", "body is not JSON"})
		return
	}
	t.keep(op, req)
	if f, ok := t.enter(op); ok {
		writeFault(w, jsonContentType, f)
		return
	}
	switch op {
	case "StartMedicalTranscriptionJob":
		t.start(w, req, false)
	case "StartMedicalScribeJob":
		t.start(w, req, true)
	case "GetMedicalTranscriptionJob":
		t.get(r.Context(), w, str(req, "MedicalTranscriptionJobName"), false)
	case "GetMedicalScribeJob":
		t.get(r.Context(), w, str(req, "MedicalScribeJobName"), true)
	case "DeleteMedicalTranscriptionJob":
		t.delete(w, str(req, "MedicalTranscriptionJobName"), false)
	case "DeleteMedicalScribeJob":
		t.delete(w, str(req, "MedicalScribeJobName"), true)
	default:
		writeFault(w, jsonContentType, Fault{400, "UnknownOperationException", "unsupported operation " + op})
	}
}

func jobKey(name string, scribe bool) string {
	if scribe {
		return "scribe/" + name
	}
	return "medical/" + name
}

func (t *Transcribe) start(w http.ResponseWriter, req map[string]any, scribe bool) {
	bad := func(msg string) { writeFault(w, jsonContentType, Fault{400, "BadRequestException", msg}) }
	nameField := "MedicalTranscriptionJobName"
	if scribe {
		nameField = "MedicalScribeJobName"
	}
	name := str(req, nameField)
	if !jobNameRE.MatchString(name) {
		bad("1 validation error detected: Value at '" + nameField + "' failed to satisfy constraint")
		return
	}
	media, _ := req["Media"].(map[string]any)
	uri := str(media, "MediaFileUri")
	if !strings.HasPrefix(uri, "s3://") {
		bad("The Media parameter must contain an S3 URI.")
		return
	}
	if str(req, "OutputBucketName") == "" {
		bad("The OutputBucketName parameter is required.")
		return
	}
	if !scribe {
		if str(req, "LanguageCode") != "en-US" {
			bad("Medical transcription jobs support en-US only.")
			return
		}
		if str(req, "Specialty") != "PRIMARYCARE" {
			bad("Batch medical transcription jobs support the PRIMARYCARE specialty only.")
			return
		}
		if typ := str(req, "Type"); typ != "CONVERSATION" && typ != "DICTATION" {
			bad("Type must be CONVERSATION or DICTATION.")
			return
		}
	} else {
		if !strings.HasPrefix(str(req, "DataAccessRoleArn"), "arn:aws:iam::") {
			bad("DataAccessRoleArn is required.")
			return
		}
	}
	settings, _ := req["Settings"].(map[string]any)
	if scribe && settings == nil {
		bad("Settings is required.")
		return
	}
	speakers, _ := settings["ShowSpeakerLabels"].(bool)
	channels, _ := settings["ChannelIdentification"].(bool)
	if speakers && channels {
		bad("You can't use ShowSpeakerLabels and ChannelIdentification in the same request.")
		return
	}
	if scribe && !speakers && !channels {
		bad("Either ShowSpeakerLabels or ChannelIdentification must be set.")
		return
	}
	if speakers {
		n, _ := settings["MaxSpeakerLabels"].(float64)
		if n < 2 || (!scribe && n > 10) || n > 30 {
			bad("MaxSpeakerLabels must be set with ShowSpeakerLabels (2 to 10; HealthScribe 2 to 30).")
			return
		}
	}
	if k := str(req, "OutputEncryptionKMSKeyId"); k != "" && !strings.HasPrefix(k, "arn:aws:kms:") {
		bad("OutputEncryptionKMSKeyId must be a KMS key ARN.")
		return
	}

	t.mu.Lock()
	defer t.mu.Unlock()
	key := jobKey(name, scribe)
	if _, dup := t.jobs[key]; dup {
		writeFault(w, jsonContentType, Fault{400, "ConflictException", "The requested job name already exists. Use a different job name."})
		return
	}
	j := &simJob{scribe: scribe, name: name, request: req, status: "IN_PROGRESS", created: time.Now()}
	if len(t.failNext) > 0 {
		j.failWith, t.failNext = t.failNext[0], t.failNext[1:]
	}
	t.jobs[key] = j
	t.started = append(t.started, name)
	if scribe {
		writeJSON(w, jsonContentType, map[string]any{"MedicalScribeJob": t.describe(j)})
	} else {
		writeJSON(w, jsonContentType, map[string]any{"MedicalTranscriptionJob": t.describe(j)})
	}
}

func (t *Transcribe) get(ctx context.Context, w http.ResponseWriter, name string, scribe bool) {
	t.mu.Lock()
	j, ok := t.jobs[jobKey(name, scribe)]
	if !ok {
		t.mu.Unlock()
		writeFault(w, jsonContentType, jobNotFound)
		return
	}
	runNow := false
	if j.status == "IN_PROGRESS" && !t.stall {
		j.polls++
		runNow = j.polls > t.CompleteAfter
	}
	t.mu.Unlock()

	if runNow {
		status, reason, out, doc := t.run(ctx, j)
		t.mu.Lock()
		j.status, j.reason, j.outURI, j.docURI, j.done = status, reason, out, doc, time.Now()
		t.mu.Unlock()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if scribe {
		writeJSON(w, jsonContentType, map[string]any{"MedicalScribeJob": t.describe(j)})
	} else {
		writeJSON(w, jsonContentType, map[string]any{"MedicalTranscriptionJob": t.describe(j)})
	}
}

func (t *Transcribe) delete(w http.ResponseWriter, name string, scribe bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := jobKey(name, scribe)
	j, ok := t.jobs[key]
	if !ok {
		writeFault(w, jsonContentType, jobNotFound)
		return
	}
	// Simulation assumption (AWS's wording not verified): a job still in
	// progress cannot be deleted.
	if j.status == "IN_PROGRESS" {
		writeFault(w, jsonContentType, Fault{400, "BadRequestException", "The job couldn't be deleted because it is still in progress."})
		return
	}
	delete(t.jobs, key)
	t.deleted = append(t.deleted, name)
	w.Header().Set("Content-Type", jsonContentType)
	_, _ = w.Write([]byte("{}"))
}

// describe renders a job the way Get/Start return it.
func (t *Transcribe) describe(j *simJob) map[string]any {
	epoch := func(tm time.Time) float64 { return float64(tm.UnixMilli()) / 1000 }
	d := map[string]any{"Media": j.request["Media"], "CreationTime": epoch(j.created), "StartTime": epoch(j.created)}
	if s, ok := j.request["Settings"]; ok {
		d["Settings"] = s
	}
	if !j.done.IsZero() {
		d["CompletionTime"] = epoch(j.done)
	}
	if j.scribe {
		d["MedicalScribeJobName"] = j.name
		d["MedicalScribeJobStatus"] = j.status
		d["LanguageCode"] = "en-US"
		d["DataAccessRoleArn"] = j.request["DataAccessRoleArn"]
		if j.status == "COMPLETED" {
			d["MedicalScribeOutput"] = map[string]any{"TranscriptFileUri": j.outURI, "ClinicalDocumentUri": j.docURI}
		}
	} else {
		d["MedicalTranscriptionJobName"] = j.name
		d["TranscriptionJobStatus"] = j.status
		d["LanguageCode"] = j.request["LanguageCode"]
		d["Specialty"] = j.request["Specialty"]
		d["Type"] = j.request["Type"]
		if j.status == "COMPLETED" {
			d["Transcript"] = map[string]any{"TranscriptFileUri": j.outURI}
		}
	}
	if j.status == "FAILED" {
		d["FailureReason"] = j.reason
	}
	return d
}

// run "processes" a job: fetch the staged recording, look up its script,
// write the output. It returns the final status.
func (t *Transcribe) run(ctx context.Context, j *simJob) (status, reason, outURI, docURI string) {
	if j.failWith != "" {
		return "FAILED", j.failWith, "", ""
	}
	media, _ := j.request["Media"].(map[string]any)
	bucket, key, _ := strings.Cut(strings.TrimPrefix(str(media, "MediaFileUri"), "s3://"), "/")
	obj, err := t.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return "FAILED", "The specified S3 URI doesn't exist or you don't have access to it.", "", ""
	}
	recording, err := io.ReadAll(obj.Body)
	obj.Body.Close()
	if err != nil || len(recording) == 0 {
		return "FAILED", "The media file couldn't be read.", "", ""
	}
	sum := sha256.Sum256(recording)
	t.mu.Lock()
	script, ok := t.scripts[hex.EncodeToString(sum[:])]
	t.mu.Unlock()
	if !ok {
		script = DefaultScript
	}
	outBucket := str(j.request, "OutputBucketName")
	put := func(key string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		_, err = t.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(outBucket), Key: aws.String(key), Body: bytes.NewReader(b), ContentType: aws.String("application/json")})
		return err
	}
	settings, _ := j.request["Settings"].(map[string]any)
	speakers, _ := settings["ShowSpeakerLabels"].(bool)
	maxSpeakers, _ := settings["MaxSpeakerLabels"].(float64)
	if j.scribe {
		tKey, dKey := j.name+"/transcript.json", j.name+"/summary.json"
		transcript, ids := scribeTranscript(j.name, script)
		if err := put(tKey, transcript); err != nil {
			return "FAILED", "Amazon Transcribe couldn't write the output to the output bucket: access denied.", "", ""
		}
		note, _ := settings["ClinicalNoteGenerationSettings"].(map[string]any)
		if err := put(dKey, scribeSummary(str(note, "NoteTemplate"), script, ids)); err != nil {
			return "FAILED", "Amazon Transcribe couldn't write the output to the output bucket: access denied.", "", ""
		}
		return "COMPLETED", "", httpsURI(outBucket, tKey), httpsURI(outBucket, dKey)
	}
	outKey := medicalOutputKey(j.name, str(j.request, "OutputKey"))
	// Transcribe checks it can write to the output location first; the
	// check file stays next to the output (simulation assumption).
	if dir, _, ok := cutLast(outKey, "/"); ok {
		_ = put(dir+"/.write_access_check_file.temp", map[string]any{})
	}
	if err := put(outKey, medicalTranscript(j.name, script, speakers, int(maxSpeakers))); err != nil {
		return "FAILED", "Amazon Transcribe couldn't write the output to the output bucket: access denied.", "", ""
	}
	return "COMPLETED", "", httpsURI(outBucket, outKey), ""
}

// medicalOutputKey follows Transcribe's OutputKey rules.
func medicalOutputKey(job, outputKey string) string {
	switch {
	case outputKey == "":
		return job + ".json"
	case strings.HasSuffix(outputKey, ".json"):
		return outputKey
	case strings.HasSuffix(outputKey, "/"):
		return outputKey + job + ".json"
	}
	return outputKey + "/" + job + ".json"
}

func httpsURI(bucket, key string) string {
	return "https://s3.us-east-1.amazonaws.com/" + bucket + "/" + (&url.URL{Path: key}).EscapedPath()
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

type token struct {
	word, punct string
}

// tokenize splits an utterance into words and the punctuation after them,
// as Transcribe itemizes speech ("38.2" is one word, "today." a word and
// a period).
func tokenize(text string) []token {
	var out []token
	for _, f := range strings.Fields(text) {
		w := strings.TrimRight(f, ".,?!;:")
		if w == "" {
			continue
		}
		out = append(out, token{word: w, punct: f[len(w):]})
	}
	return out
}

func secs(ms int64) string { return fmt.Sprintf("%.3f", float64(ms)/1000) }

// wordTimes spreads an utterance's words evenly over its time.
func wordTimes(u Utterance, n int) func(i int) (int64, int64) {
	span := max(u.EndMS-u.StartMS, int64(n))
	return func(i int) (int64, int64) {
		return u.StartMS + span*int64(i)/int64(n), u.StartMS + span*int64(i+1)/int64(n) - 1
	}
}

// medicalTranscript renders a script as a Transcribe transcript file.
func medicalTranscript(job string, script []Utterance, speakers bool, maxSpeakers int) map[string]any {
	var items, segments []any
	var full []string
	label := speakerLabels(script, maxSpeakers)
	for _, u := range script {
		toks := tokenize(u.Text)
		if len(toks) == 0 {
			continue
		}
		at := wordTimes(u, len(toks))
		var segItems []any
		for i, tk := range toks {
			s, e := at(i)
			it := map[string]any{
				"start_time": secs(s), "end_time": secs(e), "type": "pronunciation",
				"alternatives": []any{map[string]any{"confidence": "0.98", "content": tk.word}},
			}
			if speakers {
				it["speaker_label"] = label[u.Speaker]
				segItems = append(segItems, map[string]any{"start_time": secs(s), "end_time": secs(e), "speaker_label": label[u.Speaker]})
			}
			items = append(items, it)
			if tk.punct != "" {
				items = append(items, map[string]any{"type": "punctuation", "alternatives": []any{map[string]any{"confidence": "0.0", "content": tk.punct[:1]}}})
			}
		}
		if speakers {
			segments = append(segments, map[string]any{"start_time": secs(u.StartMS), "end_time": secs(u.EndMS), "speaker_label": label[u.Speaker], "items": segItems})
		}
		full = append(full, u.Text)
	}
	results := map[string]any{
		"transcripts": []any{map[string]any{"transcript": strings.Join(full, " ")}},
		"items":       items,
	}
	if items == nil {
		results["items"] = []any{}
	}
	if speakers {
		results["speaker_labels"] = map[string]any{"speakers": len(label), "segments": segments}
	}
	return map[string]any{"jobName": job, "accountId": "111122223333", "status": "COMPLETED", "results": results}
}

// speakerLabels assigns spk_0, spk_1... to the script's speakers in order
// of appearance, folding speakers beyond maxSpeakers into the last label.
func speakerLabels(script []Utterance, maxSpeakers int) map[string]string {
	labels := map[string]string{}
	for _, u := range script {
		if _, ok := labels[u.Speaker]; !ok {
			n := len(labels)
			if maxSpeakers > 0 && n >= maxSpeakers {
				n = maxSpeakers - 1
			}
			labels[u.Speaker] = fmt.Sprintf("spk_%d", n)
		}
	}
	return labels
}

var (
	clinicianRE = regexp.MustCompile(`(?i)\b(dr|doctor|clinician|provider|physician|nurse|np|pa)\b`)
	patientRE   = regexp.MustCompile(`(?i)\bpatient\b`)
	objectiveRE = regexp.MustCompile(`(?i)\b(exam|blood pressure|temperature|lungs?|heart|pulse|sounds?|looks?|swab|test|results?)\b`)
	planRE      = regexp.MustCompile(`(?i)\b(likely|diagnos\w*|plan|prescrib\w*|start|take|recommend|come back|follow[- ]up|refer\w*|let's|we'll)\b`)
)

// roles assigns HealthScribe participant roles: by the speaker's name
// where it says, otherwise the first speaker is the clinician.
func roles(script []Utterance) map[string]string {
	out := map[string]string{}
	n := map[string]int{}
	for _, u := range script {
		if _, ok := out[u.Speaker]; ok {
			continue
		}
		role := "PATIENT"
		switch {
		case clinicianRE.MatchString(u.Speaker):
			role = "CLINICIAN"
		case patientRE.MatchString(u.Speaker):
		case len(out) == 0:
			role = "CLINICIAN"
		}
		out[u.Speaker] = fmt.Sprintf("%s_%d", role, n[role])
		n[role]++
	}
	return out
}

// section is the simulation's guess at HealthScribe's transcript section.
func section(u Utterance, role string) string {
	switch {
	case strings.HasPrefix(role, "PATIENT"):
		return "SUBJECTIVE"
	case planRE.MatchString(u.Text):
		return "ASSESSMENT_AND_PLAN"
	case objectiveRE.MatchString(u.Text):
		return "OBJECTIVE"
	}
	return "VISIT_FLOW_MANAGEMENT"
}

// scribeTranscript renders a script as HealthScribe's transcript.json and
// returns the segment IDs it gave each utterance (empty for skipped ones).
func scribeTranscript(job string, script []Utterance) (map[string]any, []string) {
	role := roles(script)
	var segs, items []any
	ids := make([]string, len(script))
	for i, u := range script {
		toks := tokenize(u.Text)
		if len(toks) == 0 {
			continue
		}
		ids[i] = newUUID()
		at := wordTimes(u, len(toks))
		for k, tk := range toks {
			s, e := at(k)
			items = append(items, map[string]any{
				"Alternatives":   []any{map[string]any{"Confidence": 0.98, "Content": tk.word}},
				"BeginAudioTime": float64(s) / 1000, "EndAudioTime": float64(e) / 1000, "Type": "PRONUNCIATION",
			})
		}
		segs = append(segs, map[string]any{
			"SegmentId": ids[i], "BeginAudioTime": float64(u.StartMS) / 1000, "EndAudioTime": float64(u.EndMS) / 1000,
			"Content":            u.Text,
			"ParticipantDetails": map[string]any{"ParticipantRole": role[u.Speaker]},
			"SectionDetails":     map[string]any{"SectionName": section(u, role[u.Speaker])},
		})
	}
	if segs == nil {
		segs, items = []any{}, []any{}
	}
	return map[string]any{"Conversation": map[string]any{
		"ConversationId": newUUID(), "JobName": job, "JobType": "ASYNC", "LanguageCode": "en-US",
		"ClinicalInsights": []any{}, "TranscriptItems": items, "TranscriptSegments": segs,
	}}, ids
}

// scribeSummary is the SIMULATED clinical document: sections of the note
// template whose summary items copy the script's utterances and cite them.
func scribeSummary(template string, script []Utterance, ids []string) map[string]any {
	role := roles(script)
	order := []string{"CHIEF_COMPLAINT", "HISTORY_OF_PRESENT_ILLNESS", "REVIEW_OF_SYSTEMS", "PAST_MEDICAL_HISTORY",
		"PAST_FAMILY_HISTORY", "PAST_SOCIAL_HISTORY", "PHYSICAL_EXAMINATION", "DIAGNOSTIC_TESTING", "ASSESSMENT", "PLAN"}
	if template != "" && template != "HISTORY_AND_PHYSICAL" {
		order = []string{"SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"}
	}
	summary := map[string][]any{}
	item := func(i int) map[string]any {
		return map[string]any{"SummarizedSegment": script[i].Text, "EvidenceLinks": []any{map[string]any{"SegmentId": ids[i]}}}
	}
	chief := false
	for i, u := range script {
		if ids[i] == "" {
			continue
		}
		var name string
		switch section(u, role[u.Speaker]) {
		case "SUBJECTIVE":
			name = "HISTORY_OF_PRESENT_ILLNESS"
			if !chief && order[0] == "CHIEF_COMPLAINT" {
				name, chief = "CHIEF_COMPLAINT", true
			}
			if order[0] == "SUBJECTIVE" {
				name = "SUBJECTIVE"
			}
		case "OBJECTIVE":
			name = "PHYSICAL_EXAMINATION"
			if order[0] == "SUBJECTIVE" {
				name = "OBJECTIVE"
			}
		case "ASSESSMENT_AND_PLAN":
			name = "PLAN"
			if strings.Contains(strings.ToLower(u.Text), "likely") {
				name = "ASSESSMENT"
			}
		default:
			continue
		}
		summary[name] = append(summary[name], item(i))
	}
	var sections []any
	for _, name := range order {
		items := summary[name]
		if items == nil {
			items = []any{}
		}
		sections = append(sections, map[string]any{"SectionName": name, "Summary": items})
	}
	return map[string]any{"ClinicalDocumentation": map[string]any{"Sections": sections}}
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
