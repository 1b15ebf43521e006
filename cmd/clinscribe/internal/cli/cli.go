// Package cli is the clinscribe command line: it parses a subcommand and
// its flags, loads the configuration and runs the subcommand on an
// app.App. main stays a thin wrapper around Run.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Env is what a command runs with.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Environ []string
	// LogOutput receives logs; nil means Stderr.
	LogOutput io.Writer
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env Env, cfgPath string, args []string) error
}

func commands() []command {
	return []command{
		{"worker", "run a worker: process queued encounters until stopped", runWorker},
		{"submit", "store a note or recording encrypted, enqueue it, print the encounter ID", runSubmit},
		{"status", "show where an encounter is: stages, versions, state", runStatus},
		{"list", "list encounters by state and time (a worklist), as a role sees them", runList},
		{"show", "show an encounter's draft with its AI label", runShow},
		{"serve", "serve the HTTP API (bearer tokens; see docs/openapi.yaml)", runServe},
		{"token", "create, list or revoke API bearer tokens (stored hashed)", runToken},
		{"audit", "verify or export the audit trail; make or show its signing key", runAudit},
		{"keys", "rotate the key-encryption key and audit the rotation", runKeys},
		{"storage", "compact the local log stores (with the API and workers stopped)", runStorage},
		{"deid", "de-identify text (stdin to stdout), or evaluate on a corpus: deid eval", runDeid},
		{"ehr", "EHR write-back: print the SMART client JWKS, or request a version's delivery again", runEHR},
		{"eval", "evaluate drafts on a corpus with reference notes: eval drafts -corpus FILE", runEval},
		{"aggregate", "export de-identified statistics per template, model and provider", runAggregate},
		{"ops", "operate the queues: stats, pause/resume, archived tasks, workers, drain", runOps},
		{"config", "check the configuration: settings, attestations, keys, Redis, storage, KMS", runConfig},
		{"demo", "run the whole pipeline in one process on embedded defaults", runDemo},
		{"version", "print the version", runVersion},
		{"help", "print this help, or a command's: help <command>", nil},
	}
}

// errUsage marks a command-line mistake (exit status 2).
var errUsage = errors.New("usage")

// exitError ends a command with a status of its own (other than 1, any
// failure, and 2, usage).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Run runs the command line args (without the program name) and returns
// the exit status.
func Run(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("clinscribe", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	cfgPath := fs.String("config", lookup(env.Environ, "CLINSCRIBE_CONFIG"), "YAML configuration `file` (env CLINSCRIBE_CONFIG)")
	fs.Usage = func() { usage(env.Stderr, fs) }
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		// Asked for: the help goes to stdout, and it is not a failure.
		fs.SetOutput(env.Stdout)
		usage(env.Stdout, fs)
		return 0
	}
	if err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		usage(env.Stderr, fs)
		return 2
	}
	name, rest := fs.Arg(0), fs.Args()[1:]
	if name == "help" {
		return help(ctx, env, fs, *cfgPath, rest)
	}
	for _, c := range commands() {
		if c.name != name || c.run == nil {
			continue
		}
		err := c.run(ctx, env, *cfgPath, rest)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
			return 2
		case errors.As(err, new(*exitError)):
			var ee *exitError
			errors.As(err, &ee)
			fmt.Fprintf(env.Stderr, "clinscribe %s: %s\n", name, ee.err)
			return ee.code
		default:
			fmt.Fprintf(env.Stderr, "clinscribe %s: %s\n", name, describe(err))
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "clinscribe: unknown command %q\n\n", name)
	usage(env.Stderr, fs)
	return 2
}

// help prints the usage (`clinscribe help`), or a command's own help
// (`clinscribe help token` is `clinscribe token -h`).
func help(ctx context.Context, env Env, fs *flag.FlagSet, cfgPath string, args []string) int {
	if len(args) == 0 {
		fs.SetOutput(env.Stdout)
		usage(env.Stdout, fs)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			// Every command answers -h with its usage, and runs nothing.
			err := c.run(ctx, env, cfgPath, append(args[1:], "-h"))
			if err == nil || errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
				return 0
			}
			fmt.Fprintf(env.Stderr, "clinscribe %s: %s\n", c.name, describe(err))
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "clinscribe help: no command %q\n\n", args[0])
	usage(env.Stderr, fs)
	return 2
}

// describe renders an error for a person at a terminal. Configuration and
// flag errors are ours and safe; pipeline errors are shown through
// phi.Safe like everywhere else.
func describe(err error) string {
	var pe *phi.Error
	if errors.As(err, &pe) {
		return pe.Error()
	}
	return err.Error()
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "clinscribe: AI clinical documentation with audited, zero-retention AI calls.\n\n")
	fmt.Fprintf(w, "Usage: clinscribe [-config file] <command> [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nGlobal flags:\n")
	fs.PrintDefaults()
	fmt.Fprintf(w, "\nRun 'clinscribe <command> -h' for a command's flags. Every setting can also come\nfrom a CLINSCRIBE_* environment variable (see README.md).\n")
}

func lookup(environ []string, name string) string {
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}

func newFlags(env Env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: clinscribe %s %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, allowing them before and after positional args.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func loadConfig(env Env, path string, adjust func(*config.Config)) (config.Config, error) {
	var cfg config.Config
	var err error
	if adjust == nil {
		return config.Load(path, env.Environ)
	}
	// Adjustments (the demo's embedded defaults) apply before defaults and
	// validation, so they are checked like everything else.
	cfg, err = config.LoadRaw(path, env.Environ)
	if err != nil {
		return cfg, err
	}
	adjust(&cfg)
	cfg = cfg.WithDefaults()
	return cfg, cfg.Validate()
}

func openApp(ctx context.Context, env Env, cfg config.Config) (*app.App, error) {
	out := env.LogOutput
	if out == nil {
		out = env.Stderr
	}
	return app.Open(ctx, cfg, app.Options{LogOutput: out, Environ: env.Environ})
}

// stringList is a repeatable flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var _ = os.Stdout
