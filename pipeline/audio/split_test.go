package audio_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"math"
	"os/exec"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audio"
)

// wav builds a WAV of the given format from mono samples in -1..1 (copied
// to every channel).
func wav(rate, channels, bits int, float bool, samples []float64, dataSize int64) []byte {
	var pcm bytes.Buffer
	for _, v := range samples {
		for range channels {
			switch {
			case float && bits == 32:
				binary.Write(&pcm, binary.LittleEndian, math.Float32bits(float32(v)))
			case bits == 8:
				pcm.WriteByte(byte(int(v*127) + 128))
			case bits == 16:
				binary.Write(&pcm, binary.LittleEndian, int16(v*32767))
			case bits == 24:
				x := int32(v * 8388607)
				pcm.Write([]byte{byte(x), byte(x >> 8), byte(x >> 16)})
			}
		}
	}
	format := uint16(1)
	if float {
		format = 3
	}
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+pcm.Len()))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, binary.LittleEndian, uint32(16))
	binary.Write(&b, binary.LittleEndian, format)
	binary.Write(&b, binary.LittleEndian, uint16(channels))
	binary.Write(&b, binary.LittleEndian, uint32(rate))
	binary.Write(&b, binary.LittleEndian, uint32(rate*channels*bits/8))
	binary.Write(&b, binary.LittleEndian, uint16(channels*bits/8))
	binary.Write(&b, binary.LittleEndian, uint16(bits))
	b.WriteString("LIST") // a chunk before data, as many recorders write
	binary.Write(&b, binary.LittleEndian, uint32(4))
	b.WriteString("INFO")
	b.WriteString("data")
	if dataSize < 0 {
		dataSize = int64(pcm.Len())
	}
	binary.Write(&b, binary.LittleEndian, uint32(dataSize))
	b.Write(pcm.Bytes())
	return b.Bytes()
}

// speechy is a signal of 1s tone bursts separated by 300ms silences.
func speechy(rate int, seconds float64) []float64 {
	n := int(float64(rate) * seconds)
	s := make([]float64, n)
	period := int(float64(rate) * 1.3)
	for i := range s {
		if i%period < rate {
			s[i] = 0.6 * math.Sin(2*math.Pi*440*float64(i)/float64(rate))
		}
	}
	return s
}

func split(t *testing.T, data []byte, opts audio.SplitOptions) ([]audio.Chunk, audio.Info) {
	t.Helper()
	var chunks []audio.Chunk
	info, err := audio.SplitWAV(bytes.NewReader(data), opts, func(c audio.Chunk) error {
		chunks = append(chunks, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return chunks, info
}

func TestSplitWAVFormats(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                 string
		rate, channels, bits int
		float                bool
		unknownSize          bool
	}{
		{"pcm16 mono", 16000, 1, 16, false, false},
		{"pcm16 stereo", 44100, 2, 16, false, false},
		{"pcm8", 8000, 1, 8, false, false},
		{"pcm24", 48000, 1, 24, false, false},
		{"float32", 16000, 1, 32, true, false},
		{"streamed (size unknown)", 16000, 1, 16, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			size := int64(-1)
			if tc.unknownSize {
				size = 0xFFFFFFFF
			}
			data := wav(tc.rate, tc.channels, tc.bits, tc.float, speechy(tc.rate, 60), size)
			frame := int64(tc.channels * tc.bits / 8)
			maxBytes := int64(tc.rate) * frame * 10 // about 10 s per chunk
			chunks, info := split(t, data, audio.SplitOptions{MaxBytes: maxBytes, Overlap: 500 * time.Millisecond})
			if len(chunks) < 6 || info.Chunks != len(chunks) {
				t.Fatalf("%d chunks (info %+v), want at least 6 for 60 s in 10 s chunks", len(chunks), info)
			}
			var prevEnd int64
			for i, c := range chunks {
				if int64(len(c.Data)) > maxBytes {
					t.Errorf("chunk %d is %d bytes, over %d", i, len(c.Data), maxBytes)
				}
				h, err := audio.ParseWAVHeader(c.Data)
				if err != nil {
					t.Fatalf("chunk %d: %v", i, err)
				}
				if h.SampleRate != uint32(tc.rate) || int(h.Channels) != tc.channels || int(h.BitsPerSample) != tc.bits {
					t.Errorf("chunk %d header %+v", i, h)
				}
				if h.DataOffset+h.DataSize > int64(len(c.Data)) || h.DataSize%frame != 0 {
					t.Errorf("chunk %d: data %d+%d in %d bytes", i, h.DataOffset, h.DataSize, len(c.Data))
				}
				if got := h.DataSize / frame * 1000 / int64(tc.rate); absDiff(got, c.EndMS-c.StartMS) > 1 {
					t.Errorf("chunk %d: %d ms of samples, header says %d-%d", i, got, c.StartMS, c.EndMS)
				}
				if i > 0 {
					if ov := prevEnd - c.StartMS; ov < 450 || ov > 550 {
						t.Errorf("chunk %d overlaps the previous by %d ms, want 500", i, ov)
					}
				}
				prevEnd = c.EndMS
			}
			if absDiff(prevEnd, 60_000) > 1 || absDiff(info.DurationMS, 60_000) > 1 {
				t.Errorf("chunks end at %d ms (info %d), want 60000", prevEnd, info.DurationMS)
			}
		})
	}
}

func absDiff(a, b int64) int64 {
	if a > b {
		return a - b
	}
	return b - a
}

// Cuts fall in the silences between bursts, not through a burst.
func TestSplitWAVCutsAtQuietPoints(t *testing.T) {
	t.Parallel()
	const rate = 16000
	samples := speechy(rate, 120)
	chunks, _ := split(t, wav(rate, 1, 16, false, samples, -1), audio.SplitOptions{MaxDuration: 20 * time.Second, Overlap: -1})
	if len(chunks) < 6 {
		t.Fatalf("%d chunks", len(chunks))
	}
	for i, c := range chunks[:len(chunks)-1] {
		at := int(c.EndMS * rate / 1000)
		if v := math.Abs(samples[at]); v > 0.01 {
			t.Errorf("chunk %d cut at %d ms inside a burst (|x| = %.2f)", i, c.EndMS, v)
		}
		if i+1 < len(chunks) && chunks[i+1].StartMS != c.EndMS {
			t.Errorf("with no overlap chunk %d starts at %d, previous ended %d", i+1, chunks[i+1].StartMS, c.EndMS)
		}
	}
}

func TestSplitWAVSmallAndEmpty(t *testing.T) {
	t.Parallel()
	data := wav(16000, 1, 16, false, speechy(16000, 3), -1)
	chunks, _ := split(t, data, audio.SplitOptions{MaxBytes: 25 << 20})
	if len(chunks) != 1 || chunks[0].StartMS != 0 || chunks[0].EndMS != 3000 {
		t.Fatalf("small file: %+v", chunks)
	}
	chunks, info := split(t, wav(16000, 1, 16, false, nil, -1), audio.SplitOptions{MaxBytes: 25 << 20})
	if len(chunks) != 0 || info.Chunks != 0 {
		t.Fatalf("empty file: %d chunks", len(chunks))
	}
	if _, err := audio.SplitWAV(bytes.NewReader([]byte("RIFF....WAVEjunk")), audio.SplitOptions{}, func(audio.Chunk) error { return nil }); !errors.Is(err, audio.ErrInvalid) {
		t.Errorf("corrupt header: %v", err)
	}
	if _, err := audio.SplitWAV(bytes.NewReader(data), audio.SplitOptions{MaxBytes: 1000}, func(audio.Chunk) error { return nil }); err == nil {
		t.Error("a limit below half a second of audio is accepted")
	}
	stop := errors.New("stop")
	if _, err := audio.SplitWAV(bytes.NewReader(data), audio.SplitOptions{}, func(audio.Chunk) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("callback error not returned: %v", err)
	}
}

func TestSplitWithFFmpeg(t *testing.T) {
	t.Parallel()
	old := audio.FFmpegPath
	t.Cleanup(func() { audio.FFmpegPath = old })
	// The error without ffmpeg is clear.
	_, err := splitFF(t, "/nonexistent/ffmpeg", []byte("fLaC...."))
	if !errors.Is(err, audio.ErrNoFFmpeg) {
		t.Fatalf("without ffmpeg: %v", err)
	}
	ff, lookErr := exec.LookPath("ffmpeg")
	if lookErr != nil {
		t.Skip("ffmpeg is not installed: the conversion path is not exercised here (apt-get install ffmpeg)")
	}
	// Encode 40 s of signal as FLAC, then split it into 10 s chunks.
	src := wav(16000, 1, 16, false, speechy(16000, 40), -1)
	enc := exec.Command(ff, "-hide_banner", "-loglevel", "error", "-f", "wav", "-i", "pipe:0", "-f", "flac", "pipe:1")
	enc.Stdin = bytes.NewReader(src)
	flac, err := enc.Output()
	if err != nil {
		t.Fatal(err)
	}
	chunks, err := splitFF(t, ff, flac)
	if err != nil {
		t.Fatal(err)
	}
	if len(chunks) < 4 || absDiff(chunks[len(chunks)-1].EndMS, 40_000) > 50 {
		t.Fatalf("%d chunks, last ends %d", len(chunks), chunks[len(chunks)-1].EndMS)
	}
	for i, c := range chunks {
		h, err := audio.ParseWAVHeader(c.Data)
		if err != nil || h.SampleRate != 16000 || h.Channels != 1 {
			t.Errorf("chunk %d: %+v %v", i, h, err)
		}
	}
	// Garbage in: a clear error.
	if _, err := splitFF(t, ff, []byte("fLaC but not really a flac stream at all")); err == nil {
		t.Error("undecodable input accepted")
	}
}

func splitFF(t *testing.T, bin string, data []byte) ([]audio.Chunk, error) {
	audio.FFmpegPath = bin
	var chunks []audio.Chunk
	_, err := audio.SplitWithFFmpeg(context.Background(), bytes.NewReader(data), audio.SplitOptions{MaxDuration: 10 * time.Second},
		func(c audio.Chunk) error { chunks = append(chunks, c); return nil })
	return chunks, err
}

func FuzzSplitWAV(f *testing.F) {
	f.Add(wav(8000, 1, 16, false, speechy(8000, 2), -1), int64(9000))
	f.Add(wav(8000, 2, 8, false, speechy(8000, 1), 0xFFFFFFFF), int64(0))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00"), int64(100))
	f.Fuzz(func(t *testing.T, data []byte, maxBytes int64) {
		if maxBytes < 0 || maxBytes > 1<<20 {
			maxBytes = 0
		}
		var total int64
		_, _ = audio.SplitWAV(bytes.NewReader(data), audio.SplitOptions{MaxBytes: maxBytes}, func(c audio.Chunk) error {
			if _, err := audio.ParseWAVHeader(c.Data); err != nil {
				t.Fatalf("chunk %d is not a valid WAV: %v", c.Index, err)
			}
			if maxBytes > 0 && int64(len(c.Data)) > maxBytes {
				t.Fatalf("chunk of %d bytes over %d", len(c.Data), maxBytes)
			}
			total += int64(len(c.Data))
			if total > 64<<20 {
				t.Fatal("runaway output")
			}
			return nil
		})
	})
}
