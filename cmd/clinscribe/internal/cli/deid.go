package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/eval"
)

// runDeid de-identifies text from stdin (or evaluates the detector on a
// corpus with `deid eval`). It needs no configuration: nothing is stored.
func runDeid(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) > 0 && args[0] == "eval" {
		return runDeidEval(env, args[1:])
	}
	fs := newFlags(env, "deid", "[-mode redact|surrogate|pseudonymize|restore] [-known FILE] [-mapping FILE] < in > out\n       clinscribe deid eval -corpus FILE [-json]")
	mode := fs.String("mode", "redact", "redact (typed placeholders), surrogate (realistic fakes, dates shifted), pseudonymize (surrogates + a mapping to restore), restore")
	knownPath := fs.String("known", "", "JSON `file` with what is known about the people: {\"patient_names\": [...], \"identifiers\": [...], \"birth_date\": \"...\"}")
	mappingPath := fs.String("mapping", "", "mapping `file` written by pseudonymize (mode 0600) and read by restore")
	if _, err := parse(fs, args); err != nil {
		return errUsage
	}
	const maxInput = 64 << 20
	in, err := io.ReadAll(io.LimitReader(env.Stdin, maxInput+1))
	if err != nil {
		return err
	}
	if len(in) > maxInput {
		return fmt.Errorf("input is larger than %d MiB; split it", maxInput>>20)
	}
	var known deid.Known
	if *knownPath != "" {
		b, err := os.ReadFile(*knownPath)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &known); err != nil {
			return fmt.Errorf("-known: %s is not the expected JSON object", *knownPath)
		}
	}
	d, err := deid.New(deid.Config{})
	if err != nil {
		return err
	}
	text := string(in)
	switch *mode {
	case "redact":
		_, err = io.WriteString(env.Stdout, d.Redact(text, d.Detect(text, known)))
	case "surrogate":
		_, err = io.WriteString(env.Stdout, deid.NewSurrogates().Replace(text, d.Detect(text, known)))
	case "pseudonymize":
		if *mappingPath == "" {
			return fmt.Errorf("pseudonymize needs -mapping FILE to write the mapping to (it holds the identifiers: keep it safe)")
		}
		m := d.NewMapping()
		out := deid.Pseudonymize(text, d.Detect(text, known), m)
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*mappingPath, b, 0o600); err != nil {
			return err
		}
		_, err = io.WriteString(env.Stdout, out)
		return err
	case "restore":
		if *mappingPath == "" {
			return fmt.Errorf("restore needs -mapping FILE")
		}
		b, err := os.ReadFile(*mappingPath)
		if err != nil {
			return err
		}
		m := d.NewMapping()
		if err := json.Unmarshal(b, m); err != nil {
			return fmt.Errorf("-mapping: %s is not a mapping", *mappingPath)
		}
		_, err = io.WriteString(env.Stdout, m.Restore(text))
		return err
	default:
		fmt.Fprintf(env.Stderr, "clinscribe deid: unknown mode %q\n", *mode)
		return errUsage
	}
	return err
}

func runDeidEval(env Env, args []string) error {
	fs := newFlags(env, "deid eval", "-corpus FILE [-json] [-rules-only]")
	corpus := fs.String("corpus", "", "JSON lines `file`: {\"id\", \"text\", \"spans\": [{\"start\", \"end\", \"type\"}]} per line")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	rulesOnly := fs.Bool("rules-only", false, "turn the learned name and place tagger off (for comparison)")
	if _, err := parse(fs, args); err != nil || *corpus == "" {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(*corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	d, err := deid.New(deid.Config{RulesOnly: *rulesOnly})
	if err != nil {
		return err
	}
	rep, err := eval.Evaluate(d, f)
	if err != nil {
		return err
	}
	if *asJSON {
		return rep.WriteJSON(env.Stdout)
	}
	return rep.WriteText(env.Stdout)
}

func runAggregate(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "aggregate", "export [-format csv|json] [-k N]")
	format := fs.String("format", "csv", "csv or json")
	k := fs.Int("k", deid.DefaultMinCell, "smallest count published; smaller cells are suppressed (at least 11)")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || pos[0] != "export" || (*format != "csv" && *format != "json") {
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
	rep, err := a.Services.Aggregates.Report(ctx, *k)
	if err != nil {
		return err
	}
	if *format == "json" {
		return rep.WriteJSON(env.Stdout)
	}
	return rep.WriteCSV(env.Stdout)
}
