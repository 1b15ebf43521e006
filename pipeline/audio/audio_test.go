package audio_test

import (
	"encoding/binary"
	"errors"
	"os"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/audio"
)

func wavHeader(channels, bits uint16, rate uint32) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt ")
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, channels)
	b = binary.LittleEndian.AppendUint32(b, rate)
	b = binary.LittleEndian.AppendUint32(b, rate*uint32(channels)*uint32(bits/8))
	b = binary.LittleEndian.AppendUint16(b, channels*bits/8)
	b = binary.LittleEndian.AppendUint16(b, bits)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, 4)
	return append(b, 0, 0, 0, 0)
}

func TestCheck(t *testing.T) {
	t.Parallel()
	sample, err := os.ReadFile("../../testdata/samples/rec-cough-telehealth.wav")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, contentType string
		head              []byte
		want              error
	}{
		{"SampleWAV", "audio/wav", sample[:4096], nil},
		{"MinimalWAV", "audio/x-wav", wavHeader(1, 16, 16000), nil},
		{"MP3ID3", "audio/mpeg", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), nil},
		{"Empty", "audio/wav", nil, audio.ErrInvalid},
		{"TextAsAudio", "audio/wav", []byte("Patient notes in a .wav file"), audio.ErrInvalid},
		{"Mislabeled", "audio/mpeg", wavHeader(1, 16, 16000), audio.ErrInvalid},
		{"UnknownType", "application/pdf", []byte("%PDF-1.7"), audio.ErrUnsupported},
		{"BadParams", "audio/wav", wavHeader(1, 12, 16000), audio.ErrInvalid},
		{"ZeroRate", "audio/wav", wavHeader(1, 16, 0), audio.ErrInvalid},
		{"TruncatedHeader", "audio/wav", wavHeader(1, 16, 16000)[:30], audio.ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := audio.Check(c.contentType, c.head)
			if c.want == nil && err != nil {
				t.Fatalf("err = %v, want nil", err)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
		})
	}
}

func FuzzParseWAVHeader(f *testing.F) {
	f.Add(wavHeader(2, 16, 44100))
	f.Fuzz(func(t *testing.T, b []byte) {
		info, err := audio.ParseWAVHeader(b)
		if err == nil && (info.Channels == 0 || info.SampleRate == 0 || info.DataOffset > int64(len(b))) {
			t.Fatalf("accepted bad header %+v", info)
		}
	})
}

func TestWAVDuration(t *testing.T) {
	t.Parallel()
	mono16k := func(dataBytes int, statedSize uint32) []byte {
		h := wavHeader(1, 16, 16000)
		h = h[:len(h)-12] // drop the data chunk
		h = append(h, "data"...)
		h = binary.LittleEndian.AppendUint32(h, statedSize)
		return append(h, make([]byte, dataBytes)...)
	}
	for _, tc := range []struct {
		name   string
		file   []byte
		want   string
		wantOK bool
	}{
		{name: "header only (44 bytes)", file: mono16k(0, 0), want: "0s", wantOK: true},
		{name: "two seconds", file: mono16k(64000, 64000), want: "2s", wantOK: true},
		{name: "streamed: size unknown in the header", file: mono16k(32000, 0xFFFFFFFF), want: "1s", wantOK: true},
		{name: "header claims more than is there", file: mono16k(16000, 64000), want: "500ms", wantOK: true},
		{name: "not WAV", file: []byte("ID3\x04 not a wav file at all"), want: "0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := audio.WAVDuration(tc.file, int64(len(tc.file)))
			if d.String() != tc.want || ok != tc.wantOK {
				t.Errorf("WAVDuration = %v, %v; want %s, %v", d, ok, tc.want, tc.wantOK)
			}
		})
	}
}
