package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/health"
)

const configUsage = `Usage: clinscribe config check

Checks the configuration without changing anything: every setting is
valid, routed AI providers are attested zero-retention, the key file
exists (local keys), and Redis, storage, the keyring store, the key
manager (KMS) and the audit directory are reachable. Exits 1 with the list
of problems.
`

func runConfig(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) != 1 || args[0] != "check" {
		fmt.Fprint(env.Stderr, configUsage)
		return errUsage
	}
	var problems []string
	report := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	line := func(name, result string) { fmt.Fprintf(report, "%s\t%s\n", name, result) }
	fail := func(name string, err error) {
		line(name, "FAIL: "+describe(err))
		problems = append(problems, name+": "+describe(err))
	}
	defer func() {
		report.Flush()
		if len(problems) > 0 {
			fmt.Fprintf(env.Stdout, "\n%d problem(s):\n", len(problems))
			for _, p := range problems {
				fmt.Fprintf(env.Stdout, "  - %s\n", p)
			}
		}
	}()

	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		fail("config", err)
		return errConfigCheck
	}
	src := "defaults and environment"
	if cfgPath != "" {
		src = cfgPath
	}
	line("config", "ok ("+src+")")

	if cfg.Keys.Kind == "local" {
		if _, err := os.Stat(cfg.Keys.File); err != nil {
			fail("keys", fmt.Errorf("keys.file %s: %w (a worker would create a NEW key: data sealed under the old one could not be read)", cfg.Keys.File, err))
		}
	}
	if cfg.Redis.Embedded {
		fail("redis", errors.New("redis.embedded is for the demo only"))
	} else if opt, err := cfg.Redis.ConnOpt(); err != nil {
		fail("redis", err)
	} else {
		rdb := worker.UniversalClient(opt)
		ctx, cancel := context.WithTimeout(ctx, cfg.Ops.CheckTimeout)
		err := rdb.Ping(ctx).Err()
		cancel()
		rdb.Close()
		if err != nil {
			fail("redis", err)
		} else {
			line("redis", "ok")
		}
	}

	out := env.LogOutput
	if out == nil {
		out = env.Stderr
	}
	cfg.Ops.DisableQueueMetrics = true
	a, err := app.Open(ctx, cfg, app.Options{LogOutput: out, NoCreateKeys: true})
	if err != nil {
		fail("app", err)
		return errConfigCheck
	}
	defer a.Close()

	rep := health.New(health.Config{Timeout: cfg.Ops.CheckTimeout}, nil, checksExcept(a.HealthChecks(), "redis")...).Ready(ctx)
	names := make([]string, 0, len(rep.Checks))
	for n := range rep.Checks {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if rep.Checks[n] == "ok" {
			line(n, "ok")
		} else {
			fail(n, errors.New(rep.Checks[n]))
		}
	}
	for _, task := range []ai.Task{ai.TaskTranscribe, ai.TaskSummarize} {
		p := a.Gateway.Provider(task)
		name := "ai." + string(task)
		switch {
		case p.Attestation.ZeroRetention && p.Attestation.Agreement != "":
			line(name, fmt.Sprintf("ok (%s, kind %s, zero retention attested: %s)", p.Name, p.Kind, p.Attestation.Agreement))
		case cfg.AI.DebugOverrideUnattestedProviders:
			fail(name, fmt.Errorf("provider %q is not attested and ai.debug_override_unattested_providers is on: never use with real patient data", p.Name))
		default:
			fail(name, fmt.Errorf("provider %q has no zero-retention attestation: every call would be refused", p.Name))
		}
	}
	if cfg.Ops.Listen == "" {
		line("ops.listen", "off (no /metrics, /healthz, /readyz on workers)")
	} else {
		line("ops.listen", "ok ("+cfg.Ops.Listen+")")
	}
	if len(problems) > 0 {
		return errConfigCheck
	}
	fmt.Fprintln(report, "\nall checks passed")
	return nil
}

var errConfigCheck = errors.New("configuration check failed (problems listed above)")

func checksExcept(cs []health.Check, name string) []health.Check {
	var out []health.Check
	for _, c := range cs {
		if c.Name != name {
			out = append(out, c)
		}
	}
	return out
}
