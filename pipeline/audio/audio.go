// Package audio recognizes and checks the recordings clinics submit: it
// sniffs the container from the first bytes (the declared content type is
// not trusted on its own) and validates WAV headers, so a corrupt or
// mislabeled file is refused at submit with a clear reason instead of
// failing later inside a provider.
package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"mime"
	"strings"
	"time"
)

// Format is an audio container.
type Format string

const (
	WAV  Format = "wav"
	MP3  Format = "mp3"
	OGG  Format = "ogg"
	FLAC Format = "flac"
	WebM Format = "webm"
	MP4  Format = "mp4" // also m4a
)

// contentTypes maps accepted MIME types to formats.
var contentTypes = map[string]Format{
	"audio/wav": WAV, "audio/x-wav": WAV, "audio/wave": WAV, "audio/vnd.wave": WAV,
	"audio/mpeg": MP3, "audio/mp3": MP3,
	"audio/ogg": OGG, "audio/opus": OGG, "application/ogg": OGG,
	"audio/flac": FLAC, "audio/x-flac": FLAC,
	"audio/webm": WebM, "video/webm": WebM,
	"audio/mp4": MP4, "audio/m4a": MP4, "audio/x-m4a": MP4, "video/mp4": MP4,
}

// ErrUnsupported means the content type is not an accepted audio type.
var ErrUnsupported = errors.New("audio: unsupported content type")

// ErrInvalid means the bytes are not a valid recording of the declared type.
var ErrInvalid = errors.New("audio: invalid recording")

// Accepted lists the accepted content types.
func Accepted() []string {
	return []string{"audio/wav", "audio/mpeg", "audio/ogg", "audio/flac", "audio/webm", "audio/mp4"}
}

// FormatOf returns the format of a declared content type.
func FormatOf(contentType string) (Format, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", fmt.Errorf("%w: malformed content type", ErrUnsupported)
	}
	f, ok := contentTypes[strings.ToLower(mt)]
	if !ok {
		return "", fmt.Errorf("%w (accepted: %s)", ErrUnsupported, strings.Join(Accepted(), ", "))
	}
	return f, nil
}

// Sniff names the container in head (the first bytes of a file), or "".
func Sniff(head []byte) Format {
	switch {
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WAVE":
		return WAV
	case bytes.HasPrefix(head, []byte("ID3")), len(head) >= 2 && head[0] == 0xFF && head[1]&0xE0 == 0xE0:
		return MP3
	case bytes.HasPrefix(head, []byte("OggS")):
		return OGG
	case bytes.HasPrefix(head, []byte("fLaC")):
		return FLAC
	case bytes.HasPrefix(head, []byte{0x1A, 0x45, 0xDF, 0xA3}):
		return WebM
	case len(head) >= 8 && string(head[4:8]) == "ftyp":
		return MP4
	}
	return ""
}

// Check verifies that head (at least the first 512 bytes, or the whole file
// if shorter) is a recording of the declared type.
func Check(contentType string, head []byte) (Format, error) {
	declared, err := FormatOf(contentType)
	if err != nil {
		return "", err
	}
	if len(head) == 0 {
		return "", fmt.Errorf("%w: the recording is empty (0 bytes)", ErrInvalid)
	}
	got := Sniff(head)
	if got == "" {
		return "", fmt.Errorf("%w: the bytes are not a recognized audio format (declared %s)", ErrInvalid, declared)
	}
	if got != declared {
		return "", fmt.Errorf("%w: declared %s but the content is %s", ErrInvalid, declared, got)
	}
	if got == WAV {
		if _, err := ParseWAVHeader(head); err != nil {
			return "", err
		}
	}
	return got, nil
}

// WAVInfo describes PCM WAV audio.
type WAVInfo struct {
	AudioFormat   uint16 // 1 = PCM, 3 = IEEE float, 0xFFFE = extensible
	Channels      uint16
	SampleRate    uint32
	BitsPerSample uint16
	BlockAlign    uint16
	DataOffset    int64 // where samples start
	DataSize      int64 // bytes of samples, as the header states (may be 0 or too big in streamed files)
}

// WAVDuration is how long PCM WAV audio of size bytes in all (header
// included) plays, from its header (head: at least the bytes up to the
// data chunk). The samples counted are those actually present, or fewer
// if the header states fewer; ok is false for anything that is not WAV.
func WAVDuration(head []byte, size int64) (d time.Duration, ok bool) {
	info, err := ParseWAVHeader(head)
	if err != nil || info.SampleRate == 0 || info.BlockAlign == 0 {
		return 0, false
	}
	data := max(size-info.DataOffset, 0)
	if info.DataSize > 0 && info.DataSize < data {
		data = info.DataSize
	}
	frames := data / int64(info.BlockAlign)
	return time.Duration(frames) * time.Second / time.Duration(info.SampleRate), true
}

// ParseWAVHeader reads the RIFF chunks up to the start of the data chunk.
func ParseWAVHeader(b []byte) (WAVInfo, error) {
	var info WAVInfo
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return info, fmt.Errorf("%w: not a RIFF/WAVE file", ErrInvalid)
	}
	off := 12
	haveFmt := false
	for off+8 <= len(b) {
		id := string(b[off : off+4])
		size := int64(binary.LittleEndian.Uint32(b[off+4 : off+8]))
		body := off + 8
		switch id {
		case "fmt ":
			if size < 16 || body+16 > len(b) {
				return info, fmt.Errorf("%w: WAV fmt chunk is truncated", ErrInvalid)
			}
			info.AudioFormat = binary.LittleEndian.Uint16(b[body:])
			info.Channels = binary.LittleEndian.Uint16(b[body+2:])
			info.SampleRate = binary.LittleEndian.Uint32(b[body+4:])
			info.BlockAlign = binary.LittleEndian.Uint16(b[body+12:])
			info.BitsPerSample = binary.LittleEndian.Uint16(b[body+14:])
			haveFmt = true
		case "data":
			if !haveFmt {
				return info, fmt.Errorf("%w: WAV data chunk before fmt chunk", ErrInvalid)
			}
			info.DataOffset, info.DataSize = int64(body), size
			return info, info.validate()
		}
		off = body + int(size) + int(size&1) // chunks are word-aligned
		if size > int64(len(b)) {
			break
		}
	}
	if !haveFmt {
		return info, fmt.Errorf("%w: WAV header has no fmt chunk in the first %d bytes", ErrInvalid, len(b))
	}
	return info, fmt.Errorf("%w: WAV header has no data chunk in the first %d bytes", ErrInvalid, len(b))
}

func (w WAVInfo) validate() error {
	switch {
	case w.AudioFormat != 1 && w.AudioFormat != 3 && w.AudioFormat != 0xFFFE:
		return fmt.Errorf("%w: WAV encoding %d is not PCM or float", ErrInvalid, w.AudioFormat)
	case w.Channels == 0 || w.Channels > 16:
		return fmt.Errorf("%w: WAV has %d channels", ErrInvalid, w.Channels)
	case w.SampleRate < 1000 || w.SampleRate > 384000:
		return fmt.Errorf("%w: WAV sample rate %d Hz is out of range", ErrInvalid, w.SampleRate)
	case w.BitsPerSample == 0 || w.BitsPerSample%8 != 0 || w.BitsPerSample > 64:
		return fmt.Errorf("%w: WAV sample size %d bits", ErrInvalid, w.BitsPerSample)
	case int(w.BlockAlign) != int(w.Channels)*int(w.BitsPerSample)/8:
		return fmt.Errorf("%w: WAV block align %d does not match %d channels x %d bits", ErrInvalid, w.BlockAlign, w.Channels, w.BitsPerSample)
	}
	return nil
}
