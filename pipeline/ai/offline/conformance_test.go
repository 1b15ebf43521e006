package offline_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/aitest"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/caption"
)

// The offline provider passes the same conformance suite as the network
// providers; it transcribes from sidecar transcripts.
func TestConformance(t *testing.T) {
	aitest.Run(t, func(t *testing.T) aitest.Setup {
		return aitest.Setup{
			Provider: offline.New("offline"),
			Recording: func(t testing.TB) (*ai.TranscribeRequest, []string) {
				vtt, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "samples", "rec-cough-telehealth.vtt"))
				if err != nil {
					t.Fatal(err)
				}
				return &ai.TranscribeRequest{
					Audio: ai.Media{ContentType: "audio/wav", Open: func(context.Context) (io.ReadCloser, error) {
						return io.NopCloser(strings.NewReader("")), nil
					}},
					Sidecar: vtt, SidecarFormat: caption.VTT,
				}, []string{"cough", "yellow phlegm"}
			},
		}
	})
}
