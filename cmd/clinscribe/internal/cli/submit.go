package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// contentTypes by file extension, for files given on the command line.
var contentTypes = map[string]string{
	".txt": "text/plain; charset=utf-8", ".text": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8",
	".wav": "audio/wav", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "audio/mp4",
	".ogg": "audio/ogg", ".opus": "audio/ogg", ".flac": "audio/flac", ".webm": "audio/webm",
	".vtt": "text/vtt", ".srt": "application/x-subrip",
}

func typeOf(path, override string) (string, error) {
	if override != "" {
		return override, nil
	}
	if ct, ok := contentTypes[strings.ToLower(filepath.Ext(path))]; ok {
		return ct, nil
	}
	return "", fmt.Errorf("cannot tell the content type of %s from its extension; give -content-type", filepath.Base(path))
}

type submitFlags struct {
	note, audio, sidecar, contentType, template string
	patientID, patientName, birthDate, phone    string
	relatives, identifiers                      stringList
	provider, providerName, actor               string
	idempotencyKey                              string
	wait                                        time.Duration
}

func runSubmit(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "submit", "(-note FILE | -audio FILE [-sidecar FILE]) -patient-id ID -provider ID [flags]")
	var f submitFlags
	fs.StringVar(&f.note, "note", "", "clinical note `file` (text; - for stdin)")
	fs.StringVar(&f.audio, "audio", "", "recording `file` (wav, mp3, m4a, ogg, flac, webm)")
	fs.StringVar(&f.sidecar, "sidecar", "", "sidecar transcript `file` for the recording (WebVTT .vtt or SRT .srt)")
	fs.StringVar(&f.contentType, "content-type", "", "content type of the note or recording, if its extension does not tell")
	fs.StringVar(&f.template, "template", "", "note template: soap, hp, avs, or a custom one (default from config)")
	fs.StringVar(&f.patientID, "patient-id", "", "the clinic's patient identifier, e.g. the MRN (required)")
	fs.StringVar(&f.patientName, "patient-name", "", "patient's name, so de-identification can find it")
	fs.StringVar(&f.birthDate, "birth-date", "", "patient's date of birth (YYYY-MM-DD)")
	fs.StringVar(&f.phone, "phone", "", "patient's phone number")
	fs.Var(&f.relatives, "relative", "name of a relative mentioned (repeatable)")
	fs.Var(&f.identifiers, "identifier", "another identifier of the patient (repeatable)")
	fs.StringVar(&f.provider, "provider", "", "ID of the clinician the encounter belongs to (required)")
	fs.StringVar(&f.providerName, "provider-name", "", "clinician's name")
	fs.StringVar(&f.actor, "actor", "cli", "ID of who submits, for the audit trail")
	fs.StringVar(&f.idempotencyKey, "idempotency-key", "", "makes a retry safe: the same `key` within 24 hours answers with the encounter already created")
	fs.DurationVar(&f.wait, "wait", 0, "wait up to this long for the pipeline to finish and print the status (a worker must be running)")
	if _, err := parse(fs, args); err != nil {
		return errUsage
	}
	req, closeInputs, err := buildSubmit(env, f)
	if err != nil {
		return err
	}
	defer closeInputs()
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	if cfg.Redis.Embedded {
		return fmt.Errorf("redis.embedded is for the demo only: a submission here would vanish with this process; set redis.url")
	}
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	id, err := a.Pipeline.Submit(ctx, req)
	if errors.Is(err, pipeline.ErrNotQueued) {
		fmt.Fprintln(env.Stdout, id)
		return fmt.Errorf("%w (encounter %s is stored; a worker's reconciler will queue it)", err, id)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, id)
	if f.wait > 0 {
		v, err := waitFinished(ctx, a, id, f.wait)
		if err != nil {
			return err
		}
		printStatus(env.Stdout, v)
		if v.Failure != nil {
			// A script that waits must see the failure in the exit code.
			return fmt.Errorf("encounter %s failed: %s: %s", id, v.Failure.Code, v.Failure.Message)
		}
	}
	return nil
}

func buildSubmit(env Env, f submitFlags) (pipeline.SubmitRequest, func(), error) {
	req := pipeline.SubmitRequest{
		Template: f.template, ProviderID: f.provider, Actor: f.actor, Role: "platform", Source: "cli",
		IdempotencyKey: f.idempotencyKey,
		Subject: encounter.Subject{
			PatientID: f.patientID, PatientName: f.patientName, BirthDate: f.birthDate, Phone: f.phone,
			Relatives: f.relatives, Identifiers: f.identifiers, ProviderName: f.providerName,
		},
	}
	noop := func() {}
	usageErr := func(msg string) (pipeline.SubmitRequest, func(), error) {
		fmt.Fprintf(env.Stderr, "clinscribe submit: %s\n", msg)
		return req, noop, errUsage
	}
	switch {
	case f.note != "" && f.audio != "":
		return usageErr("give -note or -audio, not both")
	case f.note == "" && f.audio == "":
		return usageErr("give -note FILE or -audio FILE")
	case f.patientID == "":
		return usageErr("-patient-id is required")
	case f.provider == "":
		return usageErr("-provider is required")
	case f.sidecar != "" && f.audio == "":
		return usageErr("-sidecar goes with -audio")
	}
	if f.note != "" {
		var b []byte
		var err error
		if f.note == "-" {
			b, err = io.ReadAll(env.Stdin)
			req.NoteContentType = "text/plain; charset=utf-8"
			if f.contentType != "" {
				req.NoteContentType = f.contentType
			}
		} else {
			if req.NoteContentType, err = typeOf(f.note, f.contentType); err != nil {
				return req, noop, err
			}
			b, err = os.ReadFile(f.note)
		}
		if err != nil {
			return req, noop, err
		}
		req.Note = b
		return req, noop, nil
	}
	ct, err := typeOf(f.audio, f.contentType)
	if err != nil {
		return req, noop, err
	}
	file, err := os.Open(f.audio)
	if err != nil {
		return req, noop, err
	}
	req.Audio, req.AudioContentType = file, ct
	if f.sidecar != "" {
		if req.SidecarContentType, err = typeOf(f.sidecar, ""); err != nil {
			file.Close()
			return req, noop, err
		}
		if req.Sidecar, err = os.ReadFile(f.sidecar); err != nil {
			file.Close()
			return req, noop, err
		}
		if req.Sidecar == nil {
			req.Sidecar = []byte{}
		}
	}
	return req, func() { file.Close() }, nil
}

// waitFinished polls an encounter's status until its pipeline finishes.
// Running out of time is said as such, whatever read it cut short.
func waitFinished(ctx context.Context, a *app.App, id string, timeout time.Duration) (*pipeline.View, error) {
	wctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	timedOut := func() error {
		return fmt.Errorf("the wait timed out: encounter %s did not finish within %s (is a worker running?); it goes on — check later with `clinscribe status %s`", id, timeout, id)
	}
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		v, err := a.Pipeline.Status(wctx, id)
		if err != nil {
			if wctx.Err() != nil && ctx.Err() == nil {
				return nil, timedOut()
			}
			return nil, err
		}
		if v.Finished {
			return v, nil
		}
		select {
		case <-wctx.Done():
			if ctx.Err() != nil {
				return v, ctx.Err()
			}
			return v, timedOut()
		case <-t.C:
		}
	}
}
