package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/drafteval"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/prompts"
)

// runEval evaluates drafts on a corpus: clinscribe eval drafts.
func runEval(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) == 0 || args[0] != "drafts" {
		fmt.Fprintf(env.Stderr, "Usage: clinscribe eval drafts -corpus FILE [-json] [-per-document]\n")
		return errUsage
	}
	fs := newFlags(env, "eval drafts", "-corpus FILE [-json] [-per-document]")
	corpus := fs.String("corpus", "", "JSON lines `file`: {\"id\", \"kind\", \"template\", \"source\", \"reference\": {section: [sentences]}, \"facts\"} per line")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	perDoc := fs.Bool("per-document", false, "also print each document's figures (IDs and numbers only; never for a blind corpus)")
	showDrafts := fs.Bool("show-drafts", false, "print every draft as a clinician reads it, for tuning (never for a blind corpus)")
	if _, err := parse(fs, args[1:]); err != nil || *corpus == "" {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(*corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	docs, err := drafteval.Load(f)
	if err != nil {
		return err
	}
	summarize, templates, closeFn, err := evalSummarizer(ctx, env, cfgPath)
	if err != nil {
		return err
	}
	defer closeFn()
	rep, err := drafteval.Evaluate(ctx, docs, templates, summarize)
	if err != nil {
		return err
	}
	if *showDrafts {
		if err := rep.WriteDrafts(env.Stdout); err != nil {
			return err
		}
	}
	if *asJSON {
		return rep.WriteJSON(env.Stdout, *perDoc)
	}
	return rep.WriteText(env.Stdout, *perDoc)
}

// evalSummarizer is the summarize stage's gateway call: the configured
// gateway when a configuration is given (so a networked provider can be
// evaluated), else the embedded default — the offline provider behind an
// ai.Gateway whose audit entries stay in memory (the corpus is synthetic).
func evalSummarizer(ctx context.Context, env Env, cfgPath string) (drafteval.SummarizeFunc, *prompts.Registry, func(), error) {
	call := ai.Call{EncounterID: "enc_evaluationaaaaaaaaaaaaaaaa", PatientRef: "pt_evaluation", TaskID: "eval", Actor: "system:eval", Role: "system"}
	if cfgPath != "" {
		cfg, err := loadConfig(env, cfgPath, nil)
		if err != nil {
			return nil, nil, nil, err
		}
		a, err := openApp(ctx, env, cfg)
		if err != nil {
			return nil, nil, nil, err
		}
		templates := prompts.Builtin()
		if cfg.Prompts.Dir != "" {
			if err := templates.LoadDir(cfg.Prompts.Dir); err != nil {
				a.Close()
				return nil, nil, nil, err
			}
		}
		return func(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
			return a.Gateway.Summarize(ctx, call, req)
		}, templates, func() { a.Close() }, nil
	}
	logger := audit.NewLogger(&audit.MemorySink{}, "clinscribe-eval", "eval", nil)
	gw, err := ai.NewGateway(ai.Config{Transcribe: "offline", Summarize: "offline"}, []*ai.Provider{offline.New("offline")},
		logger, ai.AllowAll{}, slog.New(slog.DiscardHandler))
	if err != nil {
		return nil, nil, nil, err
	}
	return func(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
		return gw.Summarize(ctx, call, req)
	}, prompts.Builtin(), func() {}, nil
}
