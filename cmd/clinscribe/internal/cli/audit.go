package cli

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/pipeline/audit"
)

var auditCommands = []struct{ name, summary string }{
	{"verify", "check the trail's hash chains and signed checkpoints; names the first bad place"},
	{"export", "entries about a patient, an encounter or a time range, as JSON lines, JSON or CSV; -view readable for a patient"},
	{"keygen", "make the checkpoint signing key (once, for production)"},
	{"pubkey", "print the signing key's public half, for verifiers"},
}

func runAudit(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return runAuditVerify(ctx, env, cfgPath, args[1:])
		case "export":
			return runAuditExport(ctx, env, cfgPath, args[1:])
		case "keygen":
			return runAuditKeygen(env, cfgPath, args[1:])
		case "pubkey":
			return runAuditPubkey(env, cfgPath, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "Usage: clinscribe audit <command> [flags]\n\nCommands:\n")
	for _, c := range auditCommands {
		fmt.Fprintf(env.Stderr, "  %-7s %s\n", c.name, c.summary)
	}
	return errUsage
}

// errVerifyFailed: the trail does not verify (exit status 1).
var errVerifyFailed = errors.New("the audit trail does not verify")

func runAuditVerify(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "audit verify", "[-dir DIR] [-public-key FILE]... [-anchor SEQ:HASH] [-strict] [-json]")
	dir := fs.String("dir", "", "verify the local trail in `DIR` (e.g. a copy) instead of the configured store")
	var keyFiles stringList
	fs.Var(&keyFiles, "public-key", "trusted checkpoint key `file` (PEM public key, or the private key file); repeatable for retired keys (default: audit.signing_key_file)")
	anchor := fs.String("anchor", "", "`SEQ:HASH` of a checkpoint recorded elsewhere, which must still be there (detects a cut checkpoint chain)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	strict := fs.Bool("strict", false, "also require every entry signed: exit 3 if a segment has unsigned entries (for a trail whose writers all stopped, or were sealed)")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	var keys []ed25519.PublicKey
	for _, f := range keyFiles {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		k, err := audit.ParsePublicKey(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		k, err := app.AuditPublicKey(cfg.Audit)
		if err != nil {
			return fmt.Errorf("%w (give -public-key)", err)
		}
		keys = append(keys, k)
	}
	var r audit.Reader
	if *dir != "" {
		r, err = audit.OpenFileReader(*dir)
	} else {
		r, err = app.OpenAuditReader(ctx, cfg.Audit)
	}
	if err != nil {
		return err
	}
	rep, err := audit.Verify(ctx, r, audit.VerifyOptions{Keys: keys, Anchor: *anchor})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printReport(env.Stdout, rep)
	}
	if !rep.OK() {
		return errVerifyFailed
	}
	if *strict && rep.Unsigned > 0 {
		return &exitError{code: 3, err: fmt.Errorf("-strict: %d %s not signed (segments still open: a live writer signs them shortly; a dead one's are signed when a worker seals its segment after audit.lease)", rep.Unsigned, plural(rep.Unsigned, "entry is", "entries are"))}
	}
	return nil
}

// listAllSegments: up to this many segments are all listed; beyond it only
// those worth a look (failed, open, with unsigned or missing entries).
const listAllSegments = 50

func printSegments(w io.Writer, rep *audit.Report) {
	all := len(rep.Segments) <= listAllSegments
	quiet := 0
	fmt.Fprintf(w, "  segments (one per writing process): state, entries signed / unsigned / missing\n")
	for _, s := range rep.Segments {
		notable := !s.OK || s.State != audit.StateClosed && s.State != audit.StateSealed || s.Unsigned > 0 || s.Missing > 0
		if !all && !notable {
			quiet++
			continue
		}
		state := s.State
		switch s.State {
		case audit.StateSealed:
			state = fmt.Sprintf("sealed after crash at seq %d by %s", s.SignedSeq, s.SealedBy)
		case audit.StateClosed:
			state = fmt.Sprintf("closed at seq %d", s.SignedSeq)
		case audit.StateAbandoned:
			state = fmt.Sprintf("abandoned after a failed write at seq %d", s.SignedSeq)
		case audit.StateOpen:
			state = fmt.Sprintf("open, signed to seq %d", s.SignedSeq)
		}
		verdict := "ok"
		if !s.OK {
			verdict = "FAILED"
		}
		fmt.Fprintf(w, "    %-6s %s: %s: %d signed, %d unsigned, %d missing\n", verdict, s.Chain, state, s.Signed, s.Unsigned, s.Missing)
	}
	if quiet > 0 {
		fmt.Fprintf(w, "    ... and %d more %s, closed or sealed with every entry signed (-json lists all)\n", quiet, plural(quiet, "segment", "segments"))
	}
}

func printReport(w io.Writer, rep *audit.Report) {
	if rep.OK() {
		fmt.Fprintf(w, "audit trail %s: OK\n", rep.Store)
	} else {
		fmt.Fprintf(w, "audit trail %s: FAILED (%d problem(s))\n", rep.Store, len(rep.Problems))
		fmt.Fprintf(w, "  first bad place: %s\n", rep.Problems[0])
		for i, p := range rep.Problems[1:] {
			if i == 19 {
				fmt.Fprintf(w, "  ... and %d more\n", len(rep.Problems)-21)
				break
			}
			fmt.Fprintf(w, "  also:            %s\n", p)
		}
	}
	fmt.Fprintf(w, "  %d segment(s), %d entries, %d checkpoint(s) verified\n", rep.Chains, rep.Records, rep.Checkpoints)
	printSegments(w, rep)
	if c := rep.Last; c != nil {
		fmt.Fprintf(w, "  last checkpoint #%d at %s, hash %s\n", c.Seq, audit.FormatTime(c.Time), c.Hash)
		fmt.Fprintf(w, "    (record it elsewhere; later verifies with -anchor %d:%s detect a cut checkpoint chain)\n", c.Seq, c.Hash)
	}
	if rep.Unsigned > 0 {
		fmt.Fprintf(w, "  %d %s newer than the last signed head of an open segment: a live writer signs them within audit.checkpoint_interval;\n"+
			"    a killed writer's are signed when a worker or serve process seals its segment, a lease (audit.lease) after it last signed\n",
			rep.Unsigned, plural(rep.Unsigned, "entry is", "entries are"))
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

func parseTimeFlag(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("-%s %q: want RFC 3339 (2026-03-01T09:00:00Z) or a date (2026-03-01)", name, v)
}

func runAuditExport(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "audit export", "(-patient REF | -patient-id ID | -encounter ID | -since T | -until T)... [-view raw|readable] [-format jsonl|json|csv]")
	patient := fs.String("patient", "", "pseudonymous patient `ref` (pt_...): who accessed this patient's data")
	patientID := fs.String("patient-id", "", "the clinic's patient `ID` (e.g. MRN); turned into the ref with the deployment's pseudonym key")
	enc := fs.String("encounter", "", "encounter `ID`")
	since := fs.String("since", "", "entries at or after `time` (RFC 3339 or YYYY-MM-DD)")
	until := fs.String("until", "", "entries before `time` (RFC 3339 or YYYY-MM-DD)")
	format := fs.String("format", "jsonl", "output `format`: jsonl, json or csv")
	view := fs.String("view", "raw", "`view`: raw (every field of every entry) or readable (for the patient: who by name or role and organisation, what in plain words, when; names from api.display_names)")
	dir := fs.String("dir", "", "read the local trail in `DIR` (e.g. a copy) instead of the configured store; nothing is audited")
	actor := fs.String("actor", "cli", "ID of who exports, for the audit trail")
	role := fs.String("role", "ops", "role of who exports, for the audit trail")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return errUsage
	}
	if *format != "jsonl" && *format != "json" && *format != "csv" {
		fmt.Fprintf(env.Stderr, "clinscribe audit export: -format must be jsonl, json or csv\n")
		return errUsage
	}
	if *view != "raw" && *view != "readable" {
		fmt.Fprintf(env.Stderr, "clinscribe audit export: -view must be raw or readable\n")
		return errUsage
	}
	if *patient != "" && *patientID != "" {
		fmt.Fprintf(env.Stderr, "clinscribe audit export: give -patient or -patient-id, not both\n")
		return errUsage
	}
	if *patient == "" && *patientID == "" && *enc == "" && *since == "" && *until == "" {
		fmt.Fprintf(env.Stderr, "clinscribe audit export: select entries with -patient, -patient-id, -encounter, -since or -until\n")
		return errUsage
	}
	if *patient != "" && !strings.HasPrefix(*patient, "pt_") {
		fmt.Fprintf(env.Stderr, "clinscribe audit export: -patient takes a pseudonymous ref (pt_...); for the clinic's patient ID use -patient-id\n")
		return errUsage
	}
	if *dir != "" && *patientID != "" {
		fmt.Fprintf(env.Stderr, "clinscribe audit export: -patient-id needs the deployment's pseudonym key; it does not go with -dir\n")
		return errUsage
	}
	f := audit.Filter{PatientRef: *patient, EncounterID: *enc}
	var err error
	if f.Since, err = parseTimeFlag("since", *since); err != nil {
		return err
	}
	if f.Until, err = parseTimeFlag("until", *until); err != nil {
		return err
	}

	var r audit.Reader
	var a *app.App
	var names audit.Names
	if *dir != "" {
		if r, err = audit.OpenFileReader(*dir); err != nil {
			return err
		}
	} else {
		cfg, err := loadConfig(env, cfgPath, nil)
		if err != nil {
			return err
		}
		names = cfg.API.DisplayNames
		// The app holds the pseudonym key and the audit logger: reading
		// the trail about a patient is itself recorded in it.
		if a, err = openApp(ctx, env, cfg); err != nil {
			return err
		}
		defer a.Close()
		if *patientID != "" {
			if f.PatientRef, err = a.Services.Pseudonyms.PatientRef(ctx, *patientID); err != nil {
				return fmt.Errorf("pseudonym key unavailable: %w", err)
			}
		}
		if r, err = app.OpenAuditReader(ctx, cfg.Audit); err != nil {
			return err
		}
	}
	rows, err := audit.Query(ctx, r, f)
	if err != nil {
		return err
	}
	if a != nil {
		err := a.Audit.Log(ctx, audit.Entry{
			Event: audit.EventAuditExport, Actor: *actor, Role: *role, PatientRef: f.PatientRef,
			EncounterID: f.EncounterID, ObjectID: *format, Count: len(rows), Result: "ok",
		})
		if err != nil {
			return fmt.Errorf("the export could not be audited, so nothing is exported: %w", err)
		}
	}
	if *view == "readable" {
		readable, err := audit.Readable(rows, audit.ReadableOptions{Names: names, Viewer: f.PatientRef})
		if err != nil {
			return err
		}
		switch *format {
		case "csv":
			return audit.WriteReadableCSV(env.Stdout, readable)
		case "json":
			return writeJSONDoc(env, readable)
		}
		return audit.WriteReadableJSONL(env.Stdout, readable)
	}
	switch *format {
	case "csv":
		return audit.WriteCSV(env.Stdout, rows)
	case "json":
		return writeJSONDoc(env, rows)
	}
	return audit.WriteJSONL(env.Stdout, rows)
}

// writeJSONDoc writes export rows as one JSON document {"entries": [...]}.
func writeJSONDoc[T any](env Env, rows []T) error {
	if rows == nil {
		rows = []T{}
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"entries": rows})
}

func runAuditKeygen(env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "audit keygen", "[-out FILE]")
	out := fs.String("out", "", "key `file` to create (default: audit.signing_key_file); never overwritten")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return errUsage
	}
	path := *out
	if path == "" {
		cfg, err := loadConfig(env, cfgPath, nil)
		if err != nil {
			return err
		}
		path = cfg.Audit.SigningKeyFile
	}
	s, err := audit.GenerateSigner(path)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s exists; a signing key is never overwritten (retire it by configuring a new file and keeping the old public key for verify)", path)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "wrote %s (mode 0600), key ID %s; its public key:\n", path, s.KeyID())
	_, err = env.Stdout.Write(audit.PublicKeyPEM(s.PublicKey()))
	return err
}

func runAuditPubkey(env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "audit pubkey", "")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	k, err := app.AuditPublicKey(cfg.Audit)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "key ID %s\n", audit.KeyID(k))
	_, err = env.Stdout.Write(audit.PublicKeyPEM(k))
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
