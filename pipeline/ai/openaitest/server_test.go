package openaitest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRecognizeSynthRoundTrip(t *testing.T) {
	t.Parallel()
	utts := []Utterance{
		Say(0, "i have had a cough for two weeks"),
		Say(1, "no fever or chest pain"),
		Say(0, "we will start ibuprofen 400 mg twice daily"),
	}
	wav, want := SynthWAV(utts, SynthOptions{LeadSilence: 500 * time.Millisecond, TrailSilence: time.Second})
	got := recognize(wav[44:], synthRate, 2)
	if len(got) != len(want) {
		t.Fatalf("recognized %d segments, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if text := sentence(got[i].words); text != want[i].Text || got[i].speaker != want[i].Speaker {
			t.Errorf("segment %d: %q (%s), want %q (%s)", i, text, got[i].speaker, want[i].Text, want[i].Speaker)
		}
		if d := got[i].startMS - want[i].StartMS; d < -20 || d > 20 {
			t.Errorf("segment %d starts %d, want %d", i, got[i].startMS, want[i].StartMS)
		}
	}
	// A cut through the middle of a word: the fragment is dropped or heard
	// as the same word, never as another.
	cut := ms2f(want[0].StartMS+toneMS*3/2) * 2
	tail := recognize(wav[44+cut:], synthRate, 2)
	if len(tail) == 0 || tail[0].words[0] != "have" && tail[0].words[0] != "had" {
		t.Errorf("after a mid-word cut: %+v", tail)
	}
}

func post(t *testing.T, url, ctype string, body []byte, hdr map[string]string) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	return resp, m
}

func errMessage(m map[string]any) string {
	e, _ := m["error"].(map[string]any)
	s, _ := e["message"].(string)
	return s
}

func TestChatValidation(t *testing.T) {
	t.Parallel()
	s := New(t, Options{APIKey: "k"})
	auth := map[string]string{"Authorization": "Bearer k"}
	for _, tc := range []struct {
		name, body string
		status     int
		msg        string
	}{
		{"ok", `{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"store":false}`, 200, ""},
		{"unknown field", `{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"patient_id":"x"}`, 400, "Unrecognized request argument supplied: patient_id"},
		{"wrong type", `{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"store":"no"}`, 400, "Invalid type for 'store'"},
		{"no messages", `{"model":"gpt-4o","messages":[]}`, 400, "messages"},
		{"bad role", `{"model":"gpt-4o","messages":[{"role":"doctor","content":"hi"}]}`, 400, "role"},
		{"strict schema without additionalProperties", `{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],
			"response_format":{"type":"json_schema","json_schema":{"name":"n","strict":true,"schema":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}}}}`, 400, "additionalProperties"},
		{"strict schema not all required", `{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],
			"response_format":{"type":"json_schema","json_schema":{"name":"n","strict":true,"schema":{"type":"object","properties":{"a":{"type":"string"}},"required":[],"additionalProperties":false}}}}`, 400, "Missing 'a'"},
	} {
		resp, m := post(t, s.URL+"/v1/chat/completions", "application/json", []byte(tc.body), auth)
		if resp.StatusCode != tc.status || !strings.Contains(errMessage(m), tc.msg) {
			t.Errorf("%s: %d %q, want %d %q", tc.name, resp.StatusCode, errMessage(m), tc.status, tc.msg)
		}
	}
	resp, _ := post(t, s.URL+"/v1/chat/completions", "application/json", []byte(`{}`), nil)
	if resp.StatusCode != 401 {
		t.Errorf("no key: %d", resp.StatusCode)
	}
	resp, _ = post(t, s.URL+"/openai/deployments/d/chat/completions", "application/json", []byte(`{"messages":[{"role":"user","content":"x"}],"model":"m"}`), map[string]string{"api-key": "k"})
	if resp.StatusCode != 404 {
		t.Errorf("azure without api-version: %d", resp.StatusCode)
	}
}

func TestSharedQuota(t *testing.T) {
	t.Parallel()
	s := New(t, Options{RPM: 60, QuotaWindow: 2 * time.Second}) // 2 requests at once, then 1 per second
	body := []byte(`{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}`)
	codes := []int{}
	for range 3 {
		resp, _ := post(t, s.URL+"/v1/chat/completions", "application/json", body, map[string]string{"Authorization": "Bearer x"})
		codes = append(codes, resp.StatusCode)
		if resp.StatusCode == 429 && (resp.Header.Get("Retry-After") == "" || resp.Header.Get("x-ratelimit-reset-requests") == "") {
			t.Errorf("429 without Retry-After / x-ratelimit-reset-requests: %v", resp.Header)
		}
	}
	if codes[0] != 200 || codes[1] != 200 || codes[2] != 429 {
		t.Errorf("codes %v", codes)
	}
	if st := s.Stats(); st.QuotaRejected != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestTranscriptionValidation(t *testing.T) {
	t.Parallel()
	s := New(t, Options{MaxUploadBytes: 1 << 20})
	wav, _ := SynthWAV([]Utterance{Say(0, "plan to recheck")}, SynthOptions{})
	form := func(fields map[string]string, file []byte) (string, []byte) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for k, v := range fields {
			mw.WriteField(k, v)
		}
		if file != nil {
			fw, _ := mw.CreateFormFile("file", "audio.wav")
			fw.Write(file)
		}
		mw.Close()
		return mw.FormDataContentType(), b.Bytes()
	}
	auth := map[string]string{"Authorization": "Bearer x"}
	ct, body := form(map[string]string{"model": "whisper-1", "response_format": "verbose_json"}, wav)
	resp, m := post(t, s.URL+"/v1/audio/transcriptions", ct, body, auth)
	if resp.StatusCode != 200 || m["text"] != "Plan to recheck." {
		t.Errorf("%d %v", resp.StatusCode, m)
	}
	ct, body = form(map[string]string{"model": "gpt-4o-transcribe", "response_format": "verbose_json"}, wav)
	if resp, _ := post(t, s.URL+"/v1/audio/transcriptions", ct, body, auth); resp.StatusCode != 400 {
		t.Errorf("verbose_json with gpt-4o-transcribe: %d", resp.StatusCode)
	}
	ct, body = form(map[string]string{"model": "whisper-1", "user": "patient-7"}, wav)
	if resp, m := post(t, s.URL+"/v1/audio/transcriptions", ct, body, auth); resp.StatusCode != 400 || !strings.Contains(errMessage(m), "user") {
		t.Errorf("unknown field: %d %v", resp.StatusCode, m)
	}
	ct, body = form(map[string]string{"model": "whisper-1"}, make([]byte, 2<<20))
	if resp, _ := post(t, s.URL+"/v1/audio/transcriptions", ct, body, auth); resp.StatusCode != 413 {
		t.Errorf("oversized upload: %d", resp.StatusCode)
	}
}
