package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

func runStatus(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "status", "[-json] ENCOUNTER_ID")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	v, err := a.Pipeline.Status(ctx, pos[0])
	if err != nil {
		return err
	}
	var deliveries []ehr.Delivery
	if a.EHR != nil {
		if deliveries, err = a.EHR.Status(ctx, v.ID); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if a.EHR == nil {
			return enc.Encode(v)
		}
		return enc.Encode(struct {
			*pipeline.View
			EHR []ehr.Delivery `json:"ehr"`
		}{v, deliveries})
	}
	printStatus(env.Stdout, v)
	if a.EHR != nil {
		printDeliveries(env.Stdout, deliveries)
	}
	return nil
}

func printDeliveries(w io.Writer, ds []ehr.Delivery) {
	fmt.Fprintf(w, "ehr write-back:\n")
	if len(ds) == 0 {
		fmt.Fprintf(w, "  (nothing signed yet)\n")
	}
	for _, d := range ds {
		line := fmt.Sprintf("  v%d  %-9s %s", d.Version, d.State, d.Want)
		if d.DocumentReference != "" {
			line += "  " + d.DocumentReference
		}
		if d.Code != "" {
			line += fmt.Sprintf("  %s (http %d): %s", d.Code, d.HTTPStatus, d.Message)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		for _, p := range d.Problems {
			fmt.Fprintf(w, "        %s\n", p)
		}
	}
}

func printStatus(w io.Writer, v *pipeline.View) {
	fmt.Fprintf(w, "encounter   %s (%s, template %s)\n", v.ID, v.Kind, v.Template)
	fmt.Fprintf(w, "patient     %s (pseudonymous)\n", v.PatientRef)
	fmt.Fprintf(w, "provider    %s\n", v.ProviderID)
	fmt.Fprintf(w, "submitted   %s\n", v.CreatedAt.Format(time.RFC3339))
	fmt.Fprintf(w, "stages:\n")
	for _, s := range v.Stages {
		line := fmt.Sprintf("  %-11s %-9s", s.Stage, s.State)
		if s.Attempt > 0 {
			line += fmt.Sprintf(" attempt %d", s.Attempt)
		}
		if s.Deferred > 0 {
			line += fmt.Sprintf(" (+%d deferred: nothing sent)", s.Deferred)
		}
		if !s.Since.IsZero() && !s.UpdatedAt.IsZero() && s.Attempt+s.Deferred > 1 {
			line += fmt.Sprintf(" waited %s", s.UpdatedAt.Sub(s.Since).Round(time.Second))
		}
		if !s.UpdatedAt.IsZero() {
			line += "  " + s.UpdatedAt.Format(time.RFC3339)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		if s.Failure != nil {
			fmt.Fprintf(w, "              %s: %s\n", s.Failure.Code, s.Failure.Message)
		}
	}
	fmt.Fprintf(w, "drafts:\n")
	switch {
	case len(v.Drafts) == 0 && v.HumanDocumentation:
		fmt.Fprintf(w, "  (none: the patient opted out of AI processing; a clinician writes the note by hand)\n")
	case len(v.Drafts) == 0:
		fmt.Fprintf(w, "  (none yet)\n")
	}
	for _, d := range v.Drafts {
		fmt.Fprintf(w, "  v%d  %-16s %s\n", d.Version, d.Status, labelLine(d.Label))
	}
	switch {
	case v.Failure != nil:
		fmt.Fprintf(w, "result      failed: %s\n", v.Failure.Code)
	case v.Finished:
		fmt.Fprintf(w, "result      finished\n")
	default:
		fmt.Fprintf(w, "result      in progress\n")
	}
	fmt.Fprintf(w, "state       %s: %s\n", v.Phase, v.Where)
}

func labelLine(l encounter.Label) string {
	if !l.AIGenerated {
		s := "written by a clinician (human documentation, no AI)"
		if l.VerifiedBy != "" {
			s += fmt.Sprintf(", signed by %s at %s", l.VerifiedBy, l.VerifiedAt.Format(time.RFC3339))
		}
		return s
	}
	s := fmt.Sprintf("AI-generated (%s) by %s/%s, prompt %s", l.SecurityLabel, l.Provider, l.Model, l.PromptVersion)
	if l.VerifiedBy != "" {
		s += fmt.Sprintf(", verified by %s at %s", l.VerifiedBy, l.VerifiedAt.Format(time.RFC3339))
	} else {
		s += ", not yet reviewed"
	}
	return s
}

func runShow(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "show", "[-version N] [-json] [-actor ID] ENCOUNTER_ID")
	version := fs.Int("version", 0, "draft version (default: the latest)")
	asJSON := fs.Bool("json", false, "print the draft as JSON")
	actor := fs.String("actor", "cli", "ID of who reads the draft, for the audit trail")
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: clinscribe show [-version N] [-json] [-actor ID] ENCOUNTER_ID\n\n"+
			"Without -version, shows the note as it stands: the latest signed version, with later\n"+
			"preliminary versions listed as pending amendments (the latest version if none is signed).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	d, err := a.Services.Signoff.Draft(ctx, pos[0], *version, signoff.Viewer{Actor: *actor, Role: "clinician"})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	printDraft(env.Stdout, a, d)
	return nil
}

func printDraft(w io.Writer, a *app.App, d *signoff.DraftView) {
	l := d.Label
	fmt.Fprintf(w, "encounter %s  draft v%d  status %s\n", d.EncounterID, d.Version, d.Status)
	if d.Signed > 0 && d.Signed == d.Version {
		fmt.Fprintf(w, "note      v%d is the signed note", d.Version)
		if len(d.PendingAmendments) > 0 {
			fmt.Fprintf(w, "; %d pending amendment(s) follow it", len(d.PendingAmendments))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "label     %s\n", labelLine(l))
	if l.AIGenerated {
		fmt.Fprintf(w, "          input sha256 %s, generated %s\n", l.InputSHA256, l.GeneratedAt.Format(time.RFC3339))
	}
	fmt.Fprintf(w, "content   sha256 %s\n", d.ContentSHA256)
	fmt.Fprintf(w, "stored    %s (encrypted)\n\n", a.Location(encounter.DraftKey(d.EncounterID, d.Version)))
	fmt.Fprint(w, d.Text())
}
