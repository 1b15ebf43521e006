package cli

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
)

const configUsage = `Usage: clinscribe config check

Checks the configuration and names every problem in one run: each setting
is valid, Redis answers, the stores and keys are there (or, on a fresh
install, will be created by the first worker), routed AI providers are
attested zero-retention and their API keys readable, and the API's token
file is valid. It changes nothing: no directory, key file, audit entry or
token is created. Exits 1 if anything failed.
`

func runConfig(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) != 1 || args[0] != "check" {
		fmt.Fprint(env.Stderr, configUsage)
		return errUsage
	}
	report := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	var failed, later []string
	line := func(name string, st app.Status, detail string) {
		fmt.Fprintf(report, "%s\t%s\t%s\n", name, st, detail)
		switch st {
		case app.StatusFail:
			failed = append(failed, name+": "+detail)
		case app.StatusLater:
			later = append(later, name)
		}
	}

	// Settings first: a file that does not parse stops here (nothing else
	// can be known); invalid settings are each named, and the checks below
	// still run on the rest.
	cfg, err := config.LoadRaw(cfgPath, env.Environ)
	if err != nil {
		line("config", app.StatusFail, describe(err))
		return finishCheck(env, report, failed, later)
	}
	cfg = cfg.WithDefaults()
	src := "defaults and environment"
	if cfgPath != "" {
		src = cfgPath + " and environment"
	}
	problems := cfg.Problems()
	if len(problems) == 0 {
		line("config", app.StatusOK, src)
	}
	for _, p := range problems {
		line("config", app.StatusFail, p.Error())
	}
	for _, f := range app.Check(ctx, cfg, env.Environ) {
		line(f.Name, f.Status, f.Detail)
	}
	return finishCheck(env, report, failed, later)
}

func finishCheck(env Env, report *tabwriter.Writer, failed, later []string) error {
	report.Flush()
	if len(later) > 0 {
		fmt.Fprintf(env.Stdout, "\nNot created yet (%d), as expected before the first run. Start Redis, then run\n"+
			"`clinscribe worker` (or `clinscribe demo` to try everything in one process): it creates them.\n", len(later))
	}
	if len(failed) > 0 {
		fmt.Fprintf(env.Stdout, "\n%d problem(s):\n", len(failed))
		for _, p := range failed {
			fmt.Fprintf(env.Stdout, "  - %s\n", p)
		}
		return errConfigCheck
	}
	fmt.Fprintln(env.Stdout, "\nall checks passed")
	return nil
}

var errConfigCheck = errors.New("configuration check failed (problems listed above)")
