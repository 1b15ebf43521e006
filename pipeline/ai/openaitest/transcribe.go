package openaitest

import (
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audio"
)

// transcriptionFields are the multipart fields of POST
// /audio/transcriptions in the published API reference.
var transcriptionFields = map[string]bool{
	"file": true, "model": true, "language": true, "prompt": true, "response_format": true,
	"temperature": true, "timestamp_granularities[]": true, "include[]": true, "stream": true,
	"chunking_strategy": true, "known_speaker_names[]": true, "known_speaker_references[]": true,
}

// formatsFor lists the response formats a model supports, per the API
// reference: the gpt-4o transcribe models answer json or text only, the
// diarizing one adds diarized_json; Whisper (and self-hosted Whisper
// servers) have them all but diarized_json.
func formatsFor(model string) map[string]bool {
	switch {
	case strings.Contains(model, "diarize"):
		return map[string]bool{"json": true, "text": true, "diarized_json": true}
	case strings.HasPrefix(model, "gpt-4o") || strings.HasPrefix(model, "gpt-transcribe"):
		return map[string]bool{"json": true, "text": true}
	}
	return map[string]bool{"json": true, "text": true, "srt": true, "verbose_json": true, "vtt": true}
}

func (s *Server) transcribe(w *recorder, r *http.Request, rec *Request) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" || params["boundary"] == "" {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "", "Content-Type must be multipart/form-data.", "")
		return
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	form := map[string][]string{}
	var file []byte
	fileName := ""
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			w.apiError(http.StatusBadRequest, "invalid_request_error", "", "Could not parse multipart form.", "")
			return
		}
		name := part.FormName()
		if !transcriptionFields[name] {
			w.apiError(http.StatusBadRequest, "invalid_request_error", "", fmt.Sprintf("Unrecognized request argument supplied: %s", name), "")
			return
		}
		if name == "file" {
			fileName = part.FileName()
			file, err = io.ReadAll(io.LimitReader(part, s.opts.MaxUploadBytes+1))
			if err != nil {
				return
			}
			if int64(len(file)) > s.opts.MaxUploadBytes {
				s.mu.Lock()
				rec.FileName, rec.FileSize = fileName, len(file)
				s.mu.Unlock()
				w.apiError(http.StatusRequestEntityTooLarge, "server_error", "",
					fmt.Sprintf("Maximum content size limit (%d) exceeded.", s.opts.MaxUploadBytes), "")
				return
			}
			continue
		}
		v, _ := io.ReadAll(io.LimitReader(part, 1<<20))
		form[name] = append(form[name], string(v))
	}
	s.mu.Lock()
	rec.Form, rec.FileName, rec.FileSize = form, fileName, len(file)
	s.mu.Unlock()

	first := func(k string) string {
		if v := form[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	model := first("model")
	switch {
	case file == nil:
		w.apiError(http.StatusBadRequest, "invalid_request_error", "", "Missing required parameter: 'file'.", "file")
		return
	case model == "":
		w.apiError(http.StatusBadRequest, "invalid_request_error", "", "Missing required parameter: 'model'.", "model")
		return
	}
	format := first("response_format")
	if format == "" {
		format = "json"
	}
	if !formatsFor(model)[format] {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "unsupported_value",
			fmt.Sprintf("response_format '%s' is not compatible with model '%s'.", format, model), "response_format")
		return
	}
	if len(form["timestamp_granularities[]"]) > 0 && format != "verbose_json" {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "", "timestamp_granularities requires response_format verbose_json.", "timestamp_granularities")
		return
	}
	if audio.Sniff(file) != audio.WAV {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "invalid_value",
			"Invalid file format (this simulated server decodes WAV only).", "file")
		return
	}
	info, err := audio.ParseWAVHeader(file)
	if err != nil || info.AudioFormat != 1 || info.BitsPerSample != 16 {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "invalid_value", "Audio file might be corrupted or unsupported.", "file")
		return
	}
	pcm := file[info.DataOffset:min(int64(len(file)), info.DataOffset+info.DataSize)]
	frame := int(info.BlockAlign)
	duration := float64(len(pcm)/frame) / float64(info.SampleRate)
	if strings.Contains(model, "diarize") && duration > 30 && first("chunking_strategy") == "" {
		w.apiError(http.StatusBadRequest, "invalid_request_error", "", "chunking_strategy is required for diarization models when the input audio is longer than 30 seconds.", "chunking_strategy")
		return
	}

	f, injected := s.nextFailure(KindTranscription)
	if injected && s.inject(r.Context(), w, f) {
		return
	}
	segs := recognize(pcm, int(info.SampleRate), frame)
	s.mu.Lock()
	hallucinate := s.hallucinateOnSilence
	s.mu.Unlock()
	var halluc *recognized
	if hallucinate {
		durMS := int64(duration * 1000)
		lastEnd := int64(0)
		if len(segs) > 0 {
			lastEnd = segs[len(segs)-1].endMS
		}
		if durMS-lastEnd >= 2_000 {
			halluc = &recognized{startMS: max(lastEnd, durMS-2_000), endMS: durMS, words: []string{"Thanks", "for", "watching!"}}
		}
	}
	if !s.charge(w, 0) {
		return
	}
	delay := s.opts.Latency + time.Duration(float64(s.opts.LatencyPerAudioSecond)*duration)
	if !s.sleep(r.Context(), delay) {
		return
	}
	if injected && f.MalformedJSON {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"task":"transcribe","segments":[{"id":0,"start":0.0,`))
		return
	}
	s.rateHeaders(w)
	if format == "text" || format == "srt" || format == "vtt" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, captionBody(format, segs))
		return
	}
	w.json(http.StatusOK, transcriptionBody(format, model, duration, segs, halluc, contains(form["timestamp_granularities[]"], "word")))
}

func secs(ms int64) float64 { return math.Round(float64(ms)) / 1000 }

func transcriptionBody(format, model string, duration float64, segs []recognized, halluc *recognized, words bool) any {
	var texts []string
	for _, s := range segs {
		texts = append(texts, sentence(s.words))
	}
	if halluc != nil {
		texts = append(texts, strings.Join(halluc.words, " "))
	}
	text := strings.Join(texts, " ")
	usageDur := map[string]any{"type": "duration", "seconds": math.Ceil(duration)}
	switch format {
	case "verbose_json":
		list := []any{}
		var wordList []any
		for i, s := range segs {
			list = append(list, map[string]any{
				"id": i, "seek": 0, "start": secs(s.startMS), "end": secs(s.endMS), "text": " " + sentence(s.words),
				"tokens": []int{50364 + i}, "temperature": 0.0, "avg_logprob": -0.21, "compression_ratio": 1.3, "no_speech_prob": 0.004,
			})
			step := (s.endMS - s.startMS) / int64(len(s.words))
			for j, wd := range s.words {
				wordList = append(wordList, map[string]any{"word": wd, "start": secs(s.startMS + int64(j)*step), "end": secs(s.startMS + int64(j+1)*step)})
			}
		}
		if halluc != nil {
			list = append(list, map[string]any{
				"id": len(segs), "seek": 0, "start": secs(halluc.startMS), "end": secs(halluc.endMS), "text": " Thanks for watching!",
				"tokens": []int{50364}, "temperature": 0.0, "avg_logprob": -0.95, "compression_ratio": 0.8, "no_speech_prob": 0.92,
			})
		}
		body := map[string]any{"task": "transcribe", "language": "english", "duration": duration, "text": text, "segments": list, "usage": usageDur}
		if words {
			body["words"] = wordList
		}
		return body
	case "diarized_json":
		// Like a diarizing model, label speakers in order of appearance in
		// this file: the first voice heard is A, whoever it is.
		labels := map[string]string{}
		list := []any{}
		for i, s := range segs {
			if _, ok := labels[s.speaker]; !ok {
				labels[s.speaker] = string(rune('A' + len(labels)))
			}
			list = append(list, map[string]any{
				"type": "transcript.text.segment", "id": fmt.Sprintf("seg_%03d", i), "start": secs(s.startMS), "end": secs(s.endMS),
				"text": sentence(s.words), "speaker": labels[s.speaker],
			})
		}
		if halluc != nil {
			list = append(list, map[string]any{"type": "transcript.text.segment", "id": fmt.Sprintf("seg_%03d", len(segs)),
				"start": secs(halluc.startMS), "end": secs(halluc.endMS), "text": "Thanks for watching!", "speaker": "A"})
		}
		return map[string]any{"task": "transcribe", "duration": duration, "text": text, "segments": list,
			"usage": map[string]any{"type": "tokens", "input_tokens": int(duration * 10), "output_tokens": len(strings.Fields(text)), "total_tokens": int(duration*10) + len(strings.Fields(text))}}
	default: // json (text, srt and vtt are not simulated as bodies: clients here ask for JSON)
		return map[string]any{"text": text, "usage": usageDur}
	}
}

func captionBody(format string, segs []recognized) string {
	var b strings.Builder
	stamp := func(ms int64, sep string) string {
		return fmt.Sprintf("%02d:%02d:%02d%s%03d", ms/3_600_000, ms/60_000%60, ms/1000%60, sep, ms%1000)
	}
	switch format {
	case "vtt":
		b.WriteString("WEBVTT\n\n")
		for _, s := range segs {
			fmt.Fprintf(&b, "%s --> %s\n%s\n\n", stamp(s.startMS, "."), stamp(s.endMS, "."), sentence(s.words))
		}
	case "srt":
		for i, s := range segs {
			fmt.Fprintf(&b, "%d\n%s --> %s\n%s\n\n", i+1, stamp(s.startMS, ","), stamp(s.endMS, ","), sentence(s.words))
		}
	default:
		var texts []string
		for _, s := range segs {
			texts = append(texts, sentence(s.words))
		}
		b.WriteString(strings.Join(texts, " ") + "\n")
	}
	return b.String()
}
