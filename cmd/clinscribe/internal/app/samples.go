package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Sample is one synthetic encounter from testdata/samples/manifest.yaml.
// Every identity in the samples is fake.
type Sample struct {
	Name     string `yaml:"name"`
	Kind     string `yaml:"kind"` // note | recording
	Note     string `yaml:"note"`
	Audio    string `yaml:"audio"`
	Sidecar  string `yaml:"sidecar"`
	Template string `yaml:"template"`
	Patient  struct {
		ID        string   `yaml:"id"`
		Name      string   `yaml:"name"`
		BirthDate string   `yaml:"birth_date"`
		Phone     string   `yaml:"phone"`
		Relatives []string `yaml:"relatives"`
	} `yaml:"patient"`
	Provider struct {
		ID   string `yaml:"id"`
		Name string `yaml:"name"`
	} `yaml:"provider"`

	dir string
}

// LoadSamples reads the manifest in dir.
func LoadSamples(dir string) ([]Sample, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		return nil, fmt.Errorf("samples: %w", err)
	}
	var m struct {
		Samples []Sample `yaml:"samples"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("samples: manifest: %w", err)
	}
	for i := range m.Samples {
		m.Samples[i].dir = dir
	}
	return m.Samples, nil
}

// Request builds the submission of the sample; close releases the audio.
func (s Sample) Request(source string) (req pipeline.SubmitRequest, close func(), err error) {
	req = pipeline.SubmitRequest{
		Template: s.Template, ProviderID: s.Provider.ID, Actor: source, Role: "platform", Source: source,
		Subject: encounter.Subject{
			PatientID: s.Patient.ID, PatientName: s.Patient.Name, BirthDate: s.Patient.BirthDate,
			Phone: s.Patient.Phone, Relatives: s.Patient.Relatives, ProviderName: s.Provider.Name,
		},
	}
	close = func() {}
	switch s.Kind {
	case "note":
		req.NoteContentType = "text/plain; charset=utf-8"
		req.Note, err = os.ReadFile(filepath.Join(s.dir, s.Note))
		return req, close, err
	case "recording":
		f, err := os.Open(filepath.Join(s.dir, s.Audio))
		if err != nil {
			return req, close, err
		}
		req.Audio, req.AudioContentType = f, "audio/wav"
		if s.Sidecar != "" {
			if req.Sidecar, err = os.ReadFile(filepath.Join(s.dir, s.Sidecar)); err != nil {
				f.Close()
				return req, close, err
			}
			req.SidecarContentType = "text/vtt"
			if strings.HasSuffix(s.Sidecar, ".srt") {
				req.SidecarContentType = "application/x-subrip"
			}
		}
		return req, func() { f.Close() }, nil
	}
	return req, close, fmt.Errorf("samples: %s: unknown kind %q", s.Name, s.Kind)
}
