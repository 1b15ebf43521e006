package audio

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"time"
)

// Chunk is one piece of a recording, a complete file on its own.
type Chunk struct {
	Index int // 0-based
	// StartMS and EndMS place the chunk in the whole recording. Chunks
	// after the first start Overlap before the previous one ends.
	StartMS, EndMS int64
	// Data is the chunk as a file (a WAV with its own header).
	Data        []byte
	ContentType string
}

// SplitOptions say how big a chunk may be.
type SplitOptions struct {
	// MaxBytes bounds a chunk file, header included (a provider's upload
	// limit: 25 MB for OpenAI). Zero means no bound.
	MaxBytes int64
	// MaxDuration bounds a chunk's length. Zero means no bound.
	MaxDuration time.Duration
	// Overlap is how much audio consecutive chunks share, so a word cut at
	// a seam is heard whole in one of them (the transcripts are
	// de-duplicated when stitched). Zero means one second; negative none.
	Overlap time.Duration
	// SearchWindow is how far before the hard limit the split looks for
	// the longest pause to cut at. Zero means ten seconds (at most a
	// quarter of a chunk).
	SearchWindow time.Duration
}

func (o SplitOptions) withDefaults() SplitOptions {
	if o.Overlap == 0 {
		o.Overlap = time.Second
	}
	if o.Overlap < 0 {
		o.Overlap = 0
	}
	if o.SearchWindow == 0 {
		o.SearchWindow = 10 * time.Second
	}
	return o
}

// Info is what the splitter learned about a recording.
type Info struct {
	Format     Format
	DurationMS int64
	Chunks     int
}

// maxHeader bounds how far into a WAV file the data chunk may start.
const maxHeader = 1 << 20

// wavHeader is a parsed header with the raw fmt chunk, which chunk files
// reuse verbatim (so WAVE_FORMAT_EXTENSIBLE survives).
type wavHeader struct {
	WAVInfo
	fmtChunk []byte
}

// readWAVHeader reads from r up to the start of the samples.
func readWAVHeader(br *bufio.Reader) (wavHeader, error) {
	var h wavHeader
	head, err := br.Peek(maxHeader)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return h, fmt.Errorf("%w: reading the header: %v", ErrInvalid, err)
	}
	info, err := ParseWAVHeader(head)
	if err != nil {
		return h, err
	}
	h.WAVInfo = info
	// Find the fmt chunk again for its raw bytes.
	for off := 12; off+8 <= int(info.DataOffset); {
		size := int(binary.LittleEndian.Uint32(head[off+4:]))
		if string(head[off:off+4]) == "fmt " {
			h.fmtChunk = append([]byte(nil), head[off+8:off+8+size]...)
			break
		}
		off += 8 + size + size&1
	}
	if h.fmtChunk == nil {
		return h, fmt.Errorf("%w: WAV fmt chunk not found", ErrInvalid)
	}
	if _, err := br.Discard(int(info.DataOffset)); err != nil {
		return h, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return h, nil
}

// writeWAV builds a WAV file from a header and samples.
func writeWAV(h wavHeader, samples []byte) []byte {
	fmtLen := len(h.fmtChunk)
	pad := fmtLen & 1
	size := 4 + 8 + fmtLen + pad + 8 + len(samples) + len(samples)&1
	b := make([]byte, 0, 8+size)
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(size))
	b = append(b, "WAVE"...)
	b = append(b, "fmt "...)
	b = binary.LittleEndian.AppendUint32(b, uint32(fmtLen))
	b = append(b, h.fmtChunk...)
	if pad == 1 {
		b = append(b, 0)
	}
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(samples)))
	b = append(b, samples...)
	if len(samples)&1 == 1 {
		b = append(b, 0)
	}
	return b
}

// SplitWAV reads a PCM or float WAV recording from r and calls fn with
// each chunk in order. Chunks are cut on sample frames, at the quietest
// 20 ms within SearchWindow before the size or length limit, and each is a
// valid WAV with its own header. A recording within the limits is one
// chunk. fn may block (to bound how many chunks are in memory); an error
// from fn stops the split and is returned. Memory held is about one chunk.
func SplitWAV(r io.Reader, opts SplitOptions, fn func(Chunk) error) (Info, error) {
	opts = opts.withDefaults()
	br := bufio.NewReaderSize(r, maxHeader)
	h, err := readWAVHeader(br)
	if err != nil {
		return Info{}, err
	}
	fs := int64(h.BlockAlign)
	rate := int64(h.SampleRate)
	frameMS := func(f int64) int64 { return f * 1000 / rate }

	limit := int64(1) << 40 // frames; far beyond any recording
	if opts.MaxBytes > 0 {
		room := opts.MaxBytes - int64(len(writeWAV(h, nil))) - 1
		limit = min(limit, room/fs)
	}
	if opts.MaxDuration > 0 {
		limit = min(limit, int64(opts.MaxDuration.Seconds()*float64(rate)))
	}
	overlap := int64(opts.Overlap.Seconds() * float64(rate))
	window := int64(opts.SearchWindow.Seconds() * float64(rate))
	if limit < rate/2 {
		return Info{}, fmt.Errorf("audio.SplitWAV: limits allow chunks of %d ms; at least 500 ms are needed", frameMS(limit))
	}
	// Overlap and search must leave every chunk moving forward.
	overlap = min(overlap, limit/4)
	window = min(window, limit/4)

	// Samples are read as whole frames; a declared data size bounds them
	// unless it is unknown (0 or 0xFFFFFFFF, as streaming writers leave it).
	var src io.Reader = br
	if h.DataSize > 0 && h.DataSize < 0xFFFFFFFF {
		src = io.LimitReader(br, h.DataSize)
	}

	var (
		buf      []byte // frames from bufStart on
		bufStart int64
		eof      bool
		info     = Info{Format: WAV}
	)
	fill := func(upTo int64) error { // make buf hold frames up to upTo (exclusive), or all that is left
		need := (upTo - bufStart) * fs
		for int64(len(buf)) < need && !eof {
			chunk := make([]byte, min(need-int64(len(buf)), 4<<20))
			n, err := io.ReadFull(src, chunk)
			buf = append(buf, chunk[:n]...)
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				eof = true
			} else if err != nil {
				return fmt.Errorf("audio.SplitWAV: reading samples: %w", err)
			}
		}
		return nil
	}
	start := int64(0)
	for idx := 0; ; idx++ {
		if err := fill(start + limit + 1); err != nil {
			return info, err
		}
		have := bufStart + int64(len(buf))/fs // frames available
		end := have
		last := have <= start+limit
		if !last {
			end = quietestCut(h, buf, bufStart, start+limit-window, start+limit)
		}
		if end <= start {
			if idx == 0 {
				info.Chunks = 0
				return info, nil // no samples at all: no chunks
			}
			break
		}
		samples := buf[(start-bufStart)*fs : (end-bufStart)*fs]
		c := Chunk{Index: idx, StartMS: frameMS(start), EndMS: frameMS(end), Data: writeWAV(h, samples), ContentType: "audio/wav"}
		info.Chunks++
		info.DurationMS = frameMS(end)
		if err := fn(c); err != nil {
			return info, err
		}
		if last {
			break
		}
		start = end - overlap
		// Keep only what the next chunk needs.
		drop := (start - bufStart) * fs
		buf = append(buf[:0:0], buf[drop:]...)
		bufStart = start
	}
	return info, nil
}

// quietestCut returns a frame in [from, to) to cut at: the middle of the
// longest quiet stretch, where quiet means within a whisker of the least
// energy (the first channel's) found over 20 ms windows — so a cut lands
// in the pause between sentences rather than between two words — or to
// when the window is empty.
func quietestCut(h wavHeader, buf []byte, bufStart, from, to int64) int64 {
	from = max(from, bufStart)
	if to <= from {
		return to
	}
	fs := int64(h.BlockAlign)
	win := max(int64(h.SampleRate)/50, 1) // 20 ms
	step := max(win/2, 1)
	var energies []float64
	var starts []int64
	minE := math.Inf(1)
	for w := from; w+win <= to; w += step {
		var e float64
		for f := w; f < w+win; f += 4 { // every 4th frame is plenty for a level
			v := sampleAt(h, buf[(f-bufStart)*fs:])
			e += v * v
		}
		energies = append(energies, e)
		starts = append(starts, w)
		minE = min(minE, e)
	}
	if len(energies) == 0 {
		return to
	}
	quiet := minE*1.5 + 1e-6*float64(win)
	bestLen, bestAt := 0, len(energies)-1
	for i := 0; i < len(energies); {
		if energies[i] > quiet {
			i++
			continue
		}
		j := i
		for j < len(energies) && energies[j] <= quiet {
			j++
		}
		if j-i > bestLen {
			bestLen, bestAt = j-i, (i+j-1)/2
		}
		i = j
	}
	return starts[bestAt] + win/2
}

// sampleAt reads the first channel of the frame at b as -1..1.
func sampleAt(h wavHeader, b []byte) float64 {
	switch {
	case h.AudioFormat == 3 && h.BitsPerSample == 32:
		return float64(math.Float32frombits(binary.LittleEndian.Uint32(b)))
	case h.AudioFormat == 3 && h.BitsPerSample == 64:
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	switch h.BitsPerSample {
	case 8:
		return (float64(b[0]) - 128) / 128
	case 16:
		return float64(int16(binary.LittleEndian.Uint16(b))) / 32768
	case 24:
		v := int32(uint32(b[0])<<8|uint32(b[1])<<16|uint32(b[2])<<24) >> 8
		return float64(v) / (1 << 23)
	case 32:
		return float64(int32(binary.LittleEndian.Uint32(b))) / (1 << 31)
	}
	return 0
}

// ErrNoFFmpeg means a recording needs ffmpeg to be split and none is
// installed.
var ErrNoFFmpeg = errors.New("audio: ffmpeg is not installed")

// FFmpegPath is the ffmpeg binary used by SplitWithFFmpeg; empty means
// "ffmpeg" on PATH.
var FFmpegPath = ""

// SplitWithFFmpeg splits a recording that is not WAV (MP3, Ogg/Opus, FLAC,
// WebM, MP4/M4A): ffmpeg decodes it to 16 kHz mono 16-bit PCM — what
// speech models work at — in a pipe, and SplitWAV cuts that. Nothing is
// written to disk. Without ffmpeg it fails with ErrNoFFmpeg.
func SplitWithFFmpeg(ctx context.Context, r io.Reader, opts SplitOptions, fn func(Chunk) error) (Info, error) {
	bin := FFmpegPath
	if bin == "" {
		bin = "ffmpeg"
	}
	path, err := exec.LookPath(bin)
	if err != nil {
		return Info{}, fmt.Errorf("%w: recordings in this format that exceed the provider's limits must be split, which needs ffmpeg on PATH (apt-get install ffmpeg), or submit WAV", ErrNoFFmpeg)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-hide_banner", "-loglevel", "error", "-nostdin",
		"-i", "pipe:0", "-vn", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-f", "wav", "pipe:1")
	cmd.Stdin = r
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{buf: &stderr, max: 4096}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return Info{}, fmt.Errorf("audio.SplitWithFFmpeg: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return Info{}, fmt.Errorf("audio.SplitWithFFmpeg: %w", err)
	}
	info, splitErr := SplitWAV(out, opts, fn)
	if splitErr != nil {
		cancel()
		_, _ = io.Copy(io.Discard, out)
	}
	waitErr := cmd.Wait()
	if splitErr != nil {
		return info, splitErr
	}
	if waitErr != nil {
		// ffmpeg's message names the fault in the stream; it does not quote
		// content, but it is kept out of the error string all the same.
		return info, fmt.Errorf("%w: ffmpeg could not decode the recording (exit: %v)", ErrInvalid, waitErr)
	}
	info.Format = ""
	return info, nil
}

type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
