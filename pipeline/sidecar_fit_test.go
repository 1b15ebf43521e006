package pipeline_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// pcmWAV is a 16 kHz mono 16-bit WAV holding seconds of silence; 0 makes
// the 44-byte file of the issue (a header and no samples).
func pcmWAV(seconds int) []byte {
	data := 16000 * 2 * seconds
	b := []byte("RIFF")
	b = binary.LittleEndian.AppendUint32(b, uint32(36+data))
	b = append(b, "WAVEfmt "...)
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint32(b, 16000)
	b = binary.LittleEndian.AppendUint32(b, 32000)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 16)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(data))
	return append(b, make([]byte, data)...)
}

// vtt is a sidecar whose one cue ends at endSeconds.
func vtt(endSeconds int) []byte {
	return fmt.Appendf(nil, "WEBVTT\n\n00:00:01.000 --> 00:00:%02d.000\n<v Patient>I have had a cough for two weeks.\n", endSeconds)
}

// A sidecar must fit the recording it comes with: cues past the end of
// the WAV (beyond a small tolerance) are refused at intake with
// sidecar_mismatch and nothing is stored; cues within it pass.
func TestSidecarMustFitTheRecording(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		wav      []byte
		cueEnd   int
		wantCode phi.Code // "" = accepted
	}{
		{name: "44-byte WAV with a 45 s sidecar", wav: pcmWAV(0), cueEnd: 45, wantCode: phi.CodeSidecarMismatch},
		{name: "10 s WAV with a 45 s sidecar", wav: pcmWAV(10), cueEnd: 45, wantCode: phi.CodeSidecarMismatch},
		{name: "10 s WAV with a 12 s sidecar (within tolerance)", wav: pcmWAV(10), cueEnd: 12},
		{name: "10 s WAV with a 9 s sidecar", wav: pcmWAV(10), cueEnd: 9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, pipeline.Config{})
			if len(tc.wav) == 44 && tc.wantCode != "" {
				// The file exactly.
				if n := len(pcmWAV(0)); n != 44 {
					t.Fatalf("header-only WAV is %d bytes", n)
				}
			}
			id, err := b.p.Submit(context.Background(), pipeline.SubmitRequest{
				Audio: bytes.NewReader(tc.wav), AudioContentType: "audio/wav", Sidecar: vtt(tc.cueEnd), SidecarContentType: "text/vtt",
				ProviderID: "dr-okafor", Actor: "test", Source: "test", Subject: encounter.Subject{PatientID: "MRN-SC-1"},
			})
			if tc.wantCode == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if phi.CodeOf(err) != tc.wantCode || !phi.IsPermanent(err) || !strings.Contains(err.Error(), "does not belong to this recording") {
				t.Fatalf("Submit: id %q, err %v; want a permanent %s", id, err, tc.wantCode)
			}
			ids, lerr := b.s.Store.List(context.Background())
			if lerr != nil || len(ids) != 0 {
				t.Errorf("a refused submission left encounters %v (%v)", ids, lerr)
			}
		})
	}
}
