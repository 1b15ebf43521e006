package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/stitch"
	"github.com/clinscribe/clinscribe/pipeline/audio"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/source"
)

// uploadMargin leaves room in the upload limit for the multipart
// envelope around the file.
const uploadMargin = 64 << 10

// Transcribe implements ai.Transcriber. A sidecar transcript, when the
// platform sent one, is not used here: this provider transcribes the
// audio itself.
func (p *Provider) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	if err := p.checkCall(ctx); err != nil {
		return nil, err
	}
	if p.cfg.TranscribeModel == "" {
		return nil, phi.Permanentf(phi.CodeNotConfigured, "provider %s has no transcribe model", p.cfg.Name)
	}
	format, err := audio.FormatOf(req.Audio.ContentType)
	if err != nil {
		return nil, phi.WrapPermanent(err, phi.CodeUnsupportedType, "the recording's content type is not an accepted audio type")
	}
	rc, err := req.Audio.Open(ctx)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "recording unavailable")
	}
	defer rc.Close()

	opts := audio.SplitOptions{
		MaxBytes:    p.cfg.Limits.MaxUploadBytes - uploadMargin,
		MaxDuration: time.Duration(p.cfg.Limits.MaxAudioSeconds) * time.Second,
	}
	chunks := make(chan audio.Chunk)
	var (
		mu        sync.Mutex
		pieces    = map[int]stitch.Piece{}
		requestID string
		model     string
	)
	// The splitter hands chunks to Concurrency transcribers; it blocks
	// while they are busy, so about Concurrency+1 chunks are in memory.
	work := func(ctx context.Context) error {
		return ai.Bounded(ctx, p.cfg.Limits.Concurrency, p.cfg.Limits.Concurrency, func(ctx context.Context, _ int) error {
			for c := range chunks {
				piece, rid, m, err := p.transcribeChunk(ctx, c, req.Language)
				if err != nil {
					return err
				}
				mu.Lock()
				pieces[c.Index] = piece
				if c.Index == 0 || requestID == "" {
					requestID, model = rid, m
				}
				mu.Unlock()
			}
			return nil
		})
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		err := work(wctx)
		if err != nil {
			cancel() // stops the splitter
		}
		done <- err
	}()

	var info audio.Info
	emit := func(c audio.Chunk) error {
		select {
		case chunks <- c:
			return nil
		case <-wctx.Done():
			return wctx.Err()
		}
	}
	switch {
	case format == audio.WAV:
		info, err = audio.SplitWAV(rc, opts, emit)
	case req.Audio.Size > 0 && req.Audio.Size <= opts.MaxBytes && opts.MaxDuration == 0:
		// Small enough to send as it is.
		var data []byte
		data, err = io.ReadAll(io.LimitReader(rc, opts.MaxBytes+1))
		if err == nil {
			err = emit(audio.Chunk{Index: 0, Data: data, ContentType: req.Audio.ContentType})
			info = audio.Info{Format: format, Chunks: 1}
		}
	default:
		info, err = audio.SplitWithFFmpeg(wctx, rc, opts, emit)
	}
	close(chunks)
	workErr := <-done
	if workErr != nil {
		return nil, workErr
	}
	if err != nil {
		switch {
		case errors.Is(err, audio.ErrNoFFmpeg):
			return nil, phi.WrapPermanent(err, phi.CodeNotConfigured,
				fmt.Sprintf("the recording exceeds provider %s's upload limit and must be split, which needs ffmpeg for this format: install ffmpeg on the workers, or submit WAV", p.cfg.Name))
		case errors.Is(err, audio.ErrInvalid):
			return nil, phi.WrapPermanent(err, phi.CodeAudioInvalid, "the recording could not be decoded")
		case ctx.Err() != nil:
			return nil, phi.Wrap(err, phi.CodeOf(ctx.Err()), "transcription ended: the task was cancelled or ran out of time")
		}
		return nil, phi.Wrap(err, phi.CodeStorage, "the recording could not be read")
	}
	ordered := make([]stitch.Piece, 0, len(pieces))
	for i := range info.Chunks {
		if pc, ok := pieces[i]; ok {
			ordered = append(ordered, pc)
		}
	}
	return &ai.TranscribeResult{
		Segments: stitch.Stitch(ordered), Source: "provider",
		Model: p.reportedModel(model, p.cfg.TranscribeModel), RequestID: requestID,
	}, nil
}

// transcription is the body of a verbose_json, diarized_json or json
// answer. go-openai decodes verbose_json, but not diarized_json (string
// segment IDs, speaker labels), so the wire keeps the raw body and this
// reads both.
type transcription struct {
	Text     string  `json:"text"`
	Duration float64 `json:"duration"`
	Segments []struct {
		Start            float64  `json:"start"`
		End              float64  `json:"end"`
		Text             string   `json:"text"`
		Speaker          string   `json:"speaker"`
		AvgLogprob       *float64 `json:"avg_logprob"`
		NoSpeechProb     *float64 `json:"no_speech_prob"`
		CompressionRatio *float64 `json:"compression_ratio"`
	} `json:"segments"`
}

func (p *Provider) transcribeChunk(ctx context.Context, c audio.Chunk, language string) (stitch.Piece, string, string, error) {
	ext := "wav"
	if f, err := audio.FormatOf(c.ContentType); err == nil && f != audio.WAV {
		ext = string(f)
		if f == audio.MP4 {
			ext = "m4a"
		}
	}
	areq := goopenai.AudioRequest{
		Model: p.cfg.TranscribeModel,
		// A generic name: file names can identify people.
		FilePath: "audio." + ext,
		Language: strings.ToLower(strings.SplitN(language, "-", 2)[0]), // ISO 639-1, as the API takes it
		Format:   goopenai.AudioResponseFormat(p.cfg.TranscriptionFormat),
	}
	if p.cfg.TranscriptionFormat == "verbose_json" {
		areq.TimestampGranularities = []goopenai.TranscriptionTimestampGranularity{goopenai.TranscriptionTimestampGranularitySegment}
	}
	if p.cfg.TranscriptionFormat == "diarized_json" {
		areq.ChunkingStrategy = "auto" // required by diarizing models beyond 30 s
	}
	durMS := c.EndMS - c.StartMS
	timeout := p.cfg.Timeout + time.Duration(durMS/2)*time.Millisecond
	var body []byte
	var header func(string) string
	err := p.retry(ctx, func(ctx context.Context) error {
		ex := &exchange{model: p.cfg.TranscribeModel, op: "audio.transcriptions", keepBody: true}
		return p.attempt(ctx, ex, 0, timeout, func(ctx context.Context) (ai.Usage, error) {
			areq.Reader = bytes.NewReader(c.Data)
			_, err := p.api.CreateTranscription(ctx, areq)
			if ex.status/100 == 2 && ex.body != nil {
				var t transcription
				if jerr := json.Unmarshal(ex.body, &t); jerr != nil {
					return ai.Usage{}, fmt.Errorf("decoding transcription: %w", jerr)
				}
				body, header = ex.body, ex.header.Get
				return ai.Usage{}, nil
			}
			if err == nil {
				err = errors.New("transcription answered without a body")
			}
			return ai.Usage{}, err
		})
	})
	if err != nil {
		return stitch.Piece{}, "", "", err
	}
	var t transcription
	_ = json.Unmarshal(body, &t)
	piece := stitch.Piece{StartMS: c.StartMS, EndMS: c.EndMS}
	if durMS == 0 && t.Duration > 0 {
		piece.EndMS = c.StartMS + int64(t.Duration*1000)
	}
	if len(t.Segments) == 0 && t.Text != "" {
		// Plain json: no times. Sentences are spread over the chunk in
		// proportion to their length — approximate, and only when the
		// model gives nothing better.
		piece.Segments = spread(t.Text, piece.EndMS-piece.StartMS)
	}
	for _, s := range t.Segments {
		seg := stitch.Seg{StartMS: secMS(s.Start), EndMS: secMS(s.End), Text: s.Text}
		if s.Speaker != "" {
			seg.Speaker = "Speaker " + s.Speaker
		}
		if s.AvgLogprob != nil && s.NoSpeechProb != nil {
			seg.Scored = true
			seg.AvgLogprob, seg.NoSpeechProb = *s.AvgLogprob, *s.NoSpeechProb
			if s.CompressionRatio != nil {
				seg.CompressionRatio = *s.CompressionRatio
			}
		}
		piece.Segments = append(piece.Segments, seg)
	}
	rid := header("x-request-id")
	if rid == "" {
		rid = header("apim-request-id")
	}
	return piece, rid, p.cfg.TranscribeModel, nil
}

func secMS(s float64) int64 { return int64(math.Round(s * 1000)) }

func spread(text string, durMS int64) []stitch.Seg {
	sents := source.Sentences(text)
	total := 0
	for _, s := range sents {
		total += len(s)
	}
	var out []stitch.Seg
	at := 0
	for _, s := range sents {
		seg := stitch.Seg{Text: s}
		if total > 0 && durMS > 0 {
			seg.StartMS = durMS * int64(at) / int64(total)
			seg.EndMS = durMS * int64(at+len(s)) / int64(total)
		}
		at += len(s)
		out = append(out, seg)
	}
	return out
}
