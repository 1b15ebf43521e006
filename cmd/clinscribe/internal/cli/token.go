package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/access"
)

var tokenCommands = []struct{ name, summary string }{
	{"create", "make a bearer token for one role and subject; prints it once (stored as a SHA-256 hash)"},
	{"list", "the tokens: IDs, roles, subjects (not patients'), created, expires, state; never a token or hash"},
	{"revoke", "withdraw a token by its ID; a running `serve` refuses it within a second"},
}

func runToken(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "create":
			return runTokenCreate(ctx, env, cfgPath, args[1:])
		case "list":
			return runTokenList(env, cfgPath, args[1:])
		case "revoke":
			return runTokenRevoke(env, cfgPath, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "Usage: clinscribe token <command> [flags]\n\nCommands:\n")
	for _, c := range tokenCommands {
		fmt.Fprintf(env.Stderr, "  %-7s %s\n", c.name, c.summary)
	}
	return errUsage
}

// ttlFlag is a validity: a Go duration (720h) or whole days (90d); unset
// means the role's default from the configuration.
type ttlFlag struct {
	d   time.Duration
	set bool
}

func (f *ttlFlag) String() string {
	if f == nil || !f.set {
		return ""
	}
	return f.d.String()
}

func (f *ttlFlag) Set(v string) error {
	if days, ok := strings.CutSuffix(v, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 {
			return errors.New("want a duration such as 720h or whole days such as 90d")
		}
		f.d, f.set = time.Duration(n)*24*time.Hour, true
		return nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return errors.New("want a duration such as 720h or whole days such as 90d")
	}
	f.d, f.set = d, true
	return nil
}

func runTokenCreate(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "token create", "-id ID -role ROLE -subject SUBJECT [-ttl DURATION]")
	id := fs.String("id", "", "token `ID`, shown in `token list` and audit entries (e.g. tok-dr-okafor-1); never a patient's name or ID")
	role := fs.String("role", "", "platform | provider | patient | reviewer | ops")
	subject := fs.String("subject", "", "who the token is for: clinician/reviewer/client ID, or the platform patient ID for patients (stored as its pseudonymous reference)")
	var ttl ttlFlag
	fs.Var(&ttl, "ttl", "validity, e.g. 720h or 90d; 0 for no expiry (default: api.token_ttl, 90 days, for people; api.platform_token_ttl, no expiry, for platform)")
	pos, err := parse(fs, args)
	if err != nil || len(pos) > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	var problems []string
	if !access.ValidTokenID(*id) {
		problems = append(problems, "-id is required: a token ID of "+access.CodeShape+" (e.g. tok-dr-okafor-1)")
	}
	if !access.Role(*role).Valid() {
		problems = append(problems, "-role must be one of platform, provider, patient, reviewer, ops")
	}
	if strings.TrimSpace(*subject) == "" {
		problems = append(problems, "-subject is required: who the token is for")
	} else if access.Role(*role) != access.RolePatient && !access.ValidCode(*subject) {
		problems = append(problems, "-subject must be an ID of "+access.CodeShape+" (e.g. dr-okafor)")
	}
	if len(problems) > 0 {
		fmt.Fprintf(env.Stderr, "clinscribe token create: %s\n", strings.Join(problems, "\n  "))
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Second)
	valid := cfg.API.TokenTTLFor(access.Role(*role))
	if ttl.set {
		valid = ttl.d
	}
	var expires time.Time
	if valid > 0 {
		expires = now.Add(valid)
	}
	token, rec, err := access.NewToken(*id, access.Role(*role), *subject, expires)
	if err != nil {
		return err
	}
	rec.Created = now
	if rec.Role == access.RolePatient && !access.IsPatientRef(rec.Subject) {
		// The platform's patient ID is PHI and the token file is plain
		// YAML: it keeps the pseudonymous reference, as the API resolves
		// a patient token to anyway.
		a, err := openApp(ctx, env, cfg)
		if err != nil {
			return err
		}
		defer a.Close()
		if rec.Subject, err = a.Services.Pseudonyms.PatientRef(ctx, rec.Subject); err != nil {
			return fmt.Errorf("pseudonym key unavailable: %w", err)
		}
	}
	// README's order is "create a token, then serve": on a fresh
	// data_dir nothing has made the token file's directory yet.
	if err := os.MkdirAll(filepath.Dir(cfg.API.TokensFile), 0o700); err != nil {
		return fmt.Errorf("token file directory: %w", err)
	}
	if err := access.AddToken(cfg.API.TokensFile, rec); err != nil {
		return tokenError(cfg, rec.ID, err)
	}
	validity := "never expires"
	if !expires.IsZero() {
		validity = "expires " + expires.Format(time.RFC3339) + " (" + days(valid) + ")"
	}
	fmt.Fprintf(env.Stderr, "token %s (%s) %s; stored as a SHA-256 hash in %s; a running `clinscribe serve` accepts it within a second.\n",
		rec.ID, rec.Role, validity, cfg.API.TokensFile)
	if expires.IsZero() && rec.Role != access.RolePlatform {
		fmt.Fprintf(env.Stderr, "note: a token for a person that never expires; revoke it (`clinscribe token revoke %s`) when it is no longer needed.\n", rec.ID)
	}
	fmt.Fprintf(env.Stderr, "The token is shown once:\n")
	fmt.Fprintln(env.Stdout, token)
	return nil
}

func days(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		n := int(d / (24 * time.Hour))
		return strconv.Itoa(n) + plural(n, " day", " days")
	}
	return d.String()
}

// tokenError says a token file problem in the CLI's words.
func tokenError(cfg config.Config, id string, err error) error {
	var fe *access.FileError
	switch {
	case errors.Is(err, access.ErrTokenExists):
		return fmt.Errorf("a token with ID %s exists; choose another ID or revoke it first (clinscribe token revoke %s)", id, id)
	case errors.Is(err, access.ErrNoSuchToken):
		return fmt.Errorf("no token has the ID %s (see clinscribe token list)", access.SafeToken(id))
	case errors.As(err, &fe):
		return fmt.Errorf("the token file %s is not valid: %s; nothing was changed (fix or restore the file)", fe.Path, fe.Detail)
	}
	return fmt.Errorf("the token file %s could not be written: %w", cfg.API.TokensFile, err)
}

// tokenRow is a token as `token list` shows it: never the token or its
// hash, and no subject for patients (their pseudonymous reference links
// the token to a patient's record).
type tokenRow struct {
	ID      string     `json:"id"`
	Role    string     `json:"role"`
	Subject string     `json:"subject,omitempty"`
	Created *time.Time `json:"created,omitempty"`
	Expires *time.Time `json:"expires,omitempty"`
	Revoked *time.Time `json:"revoked,omitempty"`
	State   string     `json:"state"`
}

func runTokenList(env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "token list", "[-json] [-active]")
	asJSON := fs.Bool("json", false, "print JSON")
	active := fs.Bool("active", false, "only tokens that work now (not expired or revoked)")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	recs, err := access.ListTokens(cfg.API.TokensFile)
	if err != nil {
		return tokenError(cfg, "", err)
	}
	now := time.Now()
	rows := []tokenRow{}
	for _, r := range recs {
		st := r.State(now)
		if *active && st != access.TokenActive {
			continue
		}
		row := tokenRow{ID: r.ID, Role: string(r.Role), State: string(st),
			Created: timeOrNil(r.Created), Expires: timeOrNil(r.Expires), Revoked: timeOrNil(r.Revoked)}
		if r.Role != access.RolePatient {
			row.Subject = r.Subject
		}
		rows = append(rows, row)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"tokens": rows})
	}
	if len(rows) == 0 {
		fmt.Fprintf(env.Stdout, "no tokens in %s; make one with `clinscribe token create`\n", cfg.API.TokensFile)
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tROLE\tSUBJECT\tCREATED\tEXPIRES\tSTATE")
	show := func(t *time.Time, zero string) string {
		if t == nil {
			return zero
		}
		return t.UTC().Format("2006-01-02 15:04")
	}
	for _, r := range rows {
		subject := r.Subject
		if r.Role == string(access.RolePatient) {
			subject = "(a patient)"
		}
		state := r.State
		if r.Revoked != nil {
			state += " " + show(r.Revoked, "")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Role, subject, show(r.Created, "-"), show(r.Expires, "never"), state)
	}
	return tw.Flush()
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func runTokenRevoke(env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "token revoke", "ID")
	pos, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return errUsage
	}
	if err != nil || len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	now := time.Now()
	rec, err := access.RevokeToken(cfg.API.TokensFile, pos[0], now)
	if err != nil {
		return tokenError(cfg, pos[0], err)
	}
	if rec.Revoked.Before(now.Truncate(time.Second)) {
		fmt.Fprintf(env.Stdout, "token %s was already revoked at %s\n", rec.ID, rec.Revoked.Format(time.RFC3339))
		return nil
	}
	fmt.Fprintf(env.Stdout, "token %s (%s) revoked at %s; a running `clinscribe serve` refuses it within a second\n",
		rec.ID, rec.Role, rec.Revoked.Format(time.RFC3339))
	return nil
}
