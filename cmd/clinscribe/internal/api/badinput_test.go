package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withBirthDate is a submission whose metadata carries the birth date.
func withBirthDate(date string, note []byte) []part {
	md, _ := json.Marshal(map[string]any{
		"patient":  map[string]any{"id": "MRN-1", "birth_date": date},
		"provider": map[string]any{"id": "dr-okafor"},
	})
	return []part{{name: "metadata", contentType: "application/json", body: md}, {name: "note", contentType: "text/plain", body: note}}
}

func TestBadInputIsRefusedClearly(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *configT) { c.Pipeline.Limits.MaxNoteBytes = 4096; c.API.MaxJSONBytes = 2048 })
	note := []byte("HPI: Cough for five days.")
	wav, err := os.ReadFile(filepath.Join(samples, "rec-cough-telehealth.wav"))
	if err != nil {
		t.Fatal(err)
	}
	vtt, err := os.ReadFile(filepath.Join(samples, "rec-cough-telehealth.vtt"))
	if err != nil {
		t.Fatal(err)
	}
	audio := part{name: "audio", filename: "visit.wav", contentType: "audio/wav", body: wav}
	sidecar := part{name: "sidecar", filename: "visit.vtt", contentType: "text/vtt", body: vtt}
	good := func(parts ...part) []part {
		return append([]part{{name: "metadata", contentType: "application/json", body: metadata("MRN-1", "dr-okafor")}}, parts...)
	}
	cases := []struct {
		name     string
		token    string
		method   string
		path     string
		ct       string
		body     []byte
		parts    []part
		wantCode int
		wantErr  string
	}{
		{name: "NoToken", method: "GET", path: "/v1/encounters/enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", wantCode: 401, wantErr: "unauthenticated"},
		{name: "InvalidToken", token: "cst_not-a-real-token-at-all-xxxxxxxxx", method: "GET", path: "/v1/reviews", wantCode: 401, wantErr: "unauthenticated"},
		{name: "ExpiredToken", token: "expired", method: "GET", path: "/v1/human-queue", wantCode: 401, wantErr: "unauthenticated"},
		{name: "UnknownEncounter", token: "platform", method: "GET", path: "/v1/encounters/enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", wantCode: 404, wantErr: "not_found"},
		{name: "PathTraversal", token: "platform", method: "GET", path: "/v1/encounters/..%2F..%2Fkeys/draft", wantCode: 404, wantErr: "not_found"},
		{name: "PathGarbage", token: "drA", method: "GET", path: "/v1/encounters/enc_%00%20x/draft", wantCode: 404, wantErr: "not_found"},
		{name: "UnknownRoute", token: "platform", method: "GET", path: "/v1/secrets", wantCode: 404, wantErr: "not_found"},
		{name: "UnknownCase", token: "reviewer", method: "POST", path: "/v1/reviews/rv_..%2Fx/decision", ct: "application/json", body: []byte(`{"decision":"upheld","explanation":"x"}`), wantCode: 404, wantErr: "not_found"},
		{name: "BadVersion", token: "drA", method: "POST", path: "/v1/encounters/enc_aaaaaaaaaaaaaaaaaaaaaaaaaa/versions/-1/sign", ct: "application/json", body: []byte(`{}`), wantCode: 400, wantErr: "invalid_input"},
		{name: "MalformedJSON", token: "patientP", method: "PUT", path: "/v1/consent", ct: "application/json", body: []byte(`{"ai_processing": "denied",`), wantCode: 400, wantErr: "invalid_input"},
		{name: "UnknownField", token: "patientP", method: "PUT", path: "/v1/consent", ct: "application/json", body: []byte(`{"ai_processing":"denied","source":"portal","admin":true}`), wantCode: 400, wantErr: "invalid_input"},
		{name: "WrongType", token: "patientP", method: "PUT", path: "/v1/consent", ct: "application/json", body: []byte(`{"ai_processing": 7}`), wantCode: 400, wantErr: "invalid_input"},
		{name: "TwoObjects", token: "patientP", method: "PUT", path: "/v1/consent", ct: "application/json", body: []byte(`{"ai_processing":"denied","source":"a"}{}`), wantCode: 400, wantErr: "invalid_input"},
		{name: "WrongContentType", token: "patientP", method: "PUT", path: "/v1/consent", ct: "text/plain", body: []byte(`ai_processing=denied`), wantCode: 415, wantErr: "unsupported_content_type"},
		{name: "OversizedJSON", token: "patientP", method: "PUT", path: "/v1/consent", ct: "application/json", body: []byte(`{"source":"` + strings.Repeat("a", 5000) + `"}`), wantCode: 413, wantErr: "too_large"},
		{name: "BadConsentValue", token: "patientP", method: "PUT", path: "/v1/consent", ct: "application/json", body: []byte(`{"ai_processing":"maybe","source":"portal"}`), wantCode: 400, wantErr: "invalid_input"},
		{name: "SubmitNotMultipart", token: "platform", method: "POST", path: "/v1/encounters", ct: "application/json", body: []byte(`{}`), wantCode: 415, wantErr: "unsupported_content_type"},
		{name: "SubmitByProvider", token: "drA", method: "POST", path: "/v1/encounters", parts: good(part{name: "note", contentType: "text/plain", body: note}), wantCode: 403, wantErr: "forbidden"},
		{name: "SubmitMetadataLast", token: "platform", method: "POST", path: "/v1/encounters", parts: []part{{name: "note", contentType: "text/plain", body: note}}, wantCode: 400, wantErr: "metadata part must come first"},
		{name: "SubmitBadMetadata", token: "platform", method: "POST", path: "/v1/encounters", parts: []part{{name: "metadata", body: []byte(`{"patient": "x"`)}}, wantCode: 400, wantErr: "invalid_input"},
		{name: "SubmitOversizedNote", token: "platform", method: "POST", path: "/v1/encounters", parts: good(part{name: "note", contentType: "text/plain", body: bytes.Repeat([]byte("x "), 4000)}), wantCode: 413, wantErr: "too_large"},
		{name: "SubmitEmptyNote", token: "platform", method: "POST", path: "/v1/encounters", parts: good(part{name: "note", contentType: "text/plain", body: nil}), wantCode: 400, wantErr: "empty_input"},
		{name: "SubmitWrongNoteType", token: "platform", method: "POST", path: "/v1/encounters", parts: good(part{name: "note", contentType: "application/pdf", body: []byte("%PDF")}), wantCode: 415, wantErr: "unsupported_content_type"},
		{name: "SubmitAudioNotAudio", token: "platform", method: "POST", path: "/v1/encounters", parts: good(part{name: "audio", contentType: "audio/wav", body: []byte("not audio at all")}), wantCode: 400, wantErr: "audio_invalid"},
		{name: "SubmitUnknownPart", token: "platform", method: "POST", path: "/v1/encounters", parts: good(part{name: "attachment", body: []byte("x")}), wantCode: 400, wantErr: "unexpected part"},
		{name: "SubmitNothing", token: "platform", method: "POST", path: "/v1/encounters", parts: good(), wantCode: 400, wantErr: "empty_input"},
		// The content part comes last: whatever follows it is refused at
		// once, before anything is committed (it used to be accepted, and
		// the encounter failed later for want of the sidecar).
		{name: "SubmitSidecarAfterAudio", token: "platform", method: "POST", path: "/v1/encounters", parts: good(audio, sidecar), wantCode: 400,
			wantErr: "invalid_input: the sidecar part came after the audio part: send the parts in this order: metadata, then sidecar (for a recording), then note or audio last"},
		{name: "SubmitSidecarAfterNote", token: "platform", method: "POST", path: "/v1/encounters", parts: good(part{name: "note", contentType: "text/plain", body: note}, sidecar), wantCode: 400,
			wantErr: "the sidecar part came after the note part"},
		{name: "SubmitPartAfterAudio", token: "platform", method: "POST", path: "/v1/encounters", parts: good(audio, part{name: "attachment", body: []byte("x")}), wantCode: 400,
			wantErr: `part "attachment" came after the audio part`},
		{name: "WrongMethod", token: "platform", method: "DELETE", path: "/v1/encounters/enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", wantCode: 405, wantErr: "method_not_allowed"},
		{name: "SubmitBirthDateNotADate", token: "platform", method: "POST", path: "/v1/encounters", parts: withBirthDate("not-a-date", note), wantCode: 400, wantErr: "invalid_input: the patient's birth date must be a date in the form YYYY-MM-DD"},
		{name: "SubmitBirthDateUSOrder", token: "platform", method: "POST", path: "/v1/encounters", parts: withBirthDate("12/05/1968", note), wantCode: 400, wantErr: "YYYY-MM-DD"},
		{name: "SubmitBirthDateImpossible", token: "platform", method: "POST", path: "/v1/encounters", parts: withBirthDate("1968-02-30", note), wantCode: 400, wantErr: "YYYY-MM-DD"},
		{name: "SubmitBirthDateFuture", token: "platform", method: "POST", path: "/v1/encounters", parts: withBirthDate("2999-01-01", note), wantCode: 400, wantErr: "in the past"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body *bytes.Reader
			ct := c.ct
			if c.parts != nil {
				buf, mct := multipartBody(t, c.parts)
				body, ct = bytes.NewReader(buf.Bytes()), mct
			} else {
				body = bytes.NewReader(c.body)
			}
			req, _ := http.NewRequest(c.method, f.url+c.path, body)
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			switch {
			case strings.HasPrefix(c.token, "cst_"):
				req.Header.Set("Authorization", "Bearer "+c.token)
			case c.token != "":
				req.Header.Set("Authorization", "Bearer "+f.tokens[c.token])
			}
			var e apiError
			code := f.do(req, &e)
			if code != c.wantCode || !strings.Contains(e.Code+": "+e.Message, c.wantErr) {
				t.Fatalf("%d %+v, want %d %q", code, e, c.wantCode, c.wantErr)
			}
		})
	}
	ids, err := f.a.Services.Store.List(context.Background())
	if err != nil || len(ids) != 0 {
		t.Fatalf("refused requests stored encounters: %v %v", ids, err)
	}
}
