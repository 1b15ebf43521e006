package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
)

func runServe(ctx context.Context, env Env, cfgPath string, args []string) error {
	a, err := openService(ctx, env, cfgPath, "serve", args)
	if err != nil {
		return err
	}
	defer a.Close()
	srv, err := a.NewAPI()
	if err != nil {
		return err
	}
	// Probes and Prometheus use ops.listen, as for workers; the API port
	// answers /healthz and /readyz too, for a deployment without it.
	stopOps, err := serveOps(a, nil)
	if err != nil {
		return err
	}
	defer stopOps()
	return srv.Run(ctx)
}

func runToken(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "token", "create -id ID -role ROLE -subject SUBJECT [-ttl DURATION]")
	id := fs.String("id", "", "token ID, shown in audit entries (e.g. tok-dr-okafor-1)")
	role := fs.String("role", "", "platform | provider | patient | reviewer | ops")
	subject := fs.String("subject", "", "who the token is for: clinician/reviewer/client ID, or the platform patient ID for patients (stored as its pseudonymous reference)")
	ttl := fs.Duration("ttl", 90*24*time.Hour, "validity; 0 for no expiry")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || pos[0] != "create" {
		fs.Usage()
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	var expires time.Time
	if *ttl > 0 {
		expires = time.Now().Add(*ttl).UTC().Truncate(time.Second)
	}
	token, rec, err := access.NewToken(*id, access.Role(*role), *subject, expires)
	if err != nil {
		return err
	}
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
		return err
	}
	fmt.Fprintf(env.Stderr, "token %s (%s) stored as a SHA-256 hash in %s; it is shown once:\n", rec.ID, rec.Role, cfg.API.TokensFile)
	fmt.Fprintln(env.Stdout, token)
	return nil
}
