package cli

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

func runDemo(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "demo", "[-samples DIR] [-dir DIR] [-serve [-listen ADDR]]")
	samplesDir := fs.String("samples", "testdata/samples", "`directory` with manifest.yaml and the synthetic encounters")
	dir := fs.String("dir", filepath.Join("var", "demo"), "`directory` for the demo's encrypted storage, keys and audit trail (emptied first)")
	timeout := fs.Duration("timeout", 50*time.Second, "give up if the pipeline has not finished by then")
	serve := fs.Bool("serve", false, "then serve the API and the review console with a demo sign-in per role, until interrupted")
	listen := fs.String("listen", "127.0.0.1:8080", "`address` of the API and console with -serve")
	if _, err := parse(fs, args); err != nil {
		return errUsage
	}
	samples, err := app.LoadSamples(*samplesDir)
	if err != nil {
		return fmt.Errorf("%w (run the demo from the repository root, or give -samples)", err)
	}
	if err := os.RemoveAll(*dir); err != nil {
		return err
	}
	cfg, err := loadConfig(env, cfgPath, func(c *config.Config) {
		// Embedded defaults: in-process Redis, local encrypted storage and
		// keys, the offline provider. Nothing leaves this process.
		*c = config.Config{DataDir: *dir, Redis: config.Redis{Embedded: true}, Log: config.Log{Level: "warn"}}
		c.Worker.Concurrency = 4
		c.Worker.PollInterval = 200 * time.Millisecond
		c.API.Listen = *listen
		c.Pipeline.Review.Reviewers = []string{demoReviewer}
	})
	if err != nil {
		return err
	}
	start := time.Now()
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	srv, err := a.NewWorker()
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Shutdown()

	out := env.Stdout
	fmt.Fprintf(out, "clinscribe demo: %d synthetic encounters (all identities fake) on embedded defaults\n", len(samples))
	fmt.Fprintf(out, "  queue:    in-process Redis (miniredis) with an asynq worker, concurrency %d\n", cfg.Worker.Concurrency)
	fmt.Fprintf(out, "  storage:  %s (AES-256-GCM, a fresh data key per object)\n", cfg.Storage.Dir)
	fmt.Fprintf(out, "  keys:     %s wraps per-encounter keys in %s\n", cfg.Keys.File, cfg.Keys.Ring.Dir)
	fmt.Fprintf(out, "  AI:       offline provider — SIMULATED: extractive drafts copied from the source, no model\n\n")

	type submitted struct {
		name, id string
	}
	var subs []submitted
	for _, s := range samples {
		req, closeFn, err := s.Request("demo")
		if err != nil {
			return err
		}
		id, err := a.Pipeline.Submit(ctx, req)
		closeFn()
		if err != nil {
			return fmt.Errorf("submit %s: %w", s.Name, err)
		}
		fmt.Fprintf(out, "submitted %-28s -> %s\n", s.Name, id)
		subs = append(subs, submitted{s.Name, id})
	}
	fmt.Fprintln(out)

	failed := 0
	for _, s := range subs {
		v, err := waitFinished(ctx, a, s.id, *timeout-time.Since(start))
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s\n== %s (%s)\n", strings.Repeat("=", 78), s.name, s.id)
		if v.Failure != nil {
			failed++
			fmt.Fprintf(out, "FAILED: %s: %s\n\n", v.Failure.Code, v.Failure.Message)
			continue
		}
		d, err := a.Services.Signoff.Draft(ctx, s.id, 0, signoff.Viewer{Actor: "demo", Role: "clinician"})
		if err != nil {
			return err
		}
		printDraft(out, a, d)
	}
	if err := summarizeAudit(ctx, out, cfg.Audit); err != nil {
		return err
	}
	fmt.Fprintf(out, "done in %.1fs: %d drafts, %d failed. Every draft above is a preliminary AI draft until a clinician signs it.\n",
		time.Since(start).Seconds(), len(subs)-failed, failed)
	if failed > 0 {
		return fmt.Errorf("%d sample(s) failed", failed)
	}
	if *serve {
		ids := map[string]string{}
		for _, s := range subs {
			ids[s.name] = s.id
		}
		return serveDemo(ctx, out, a, ids)
	}
	return nil
}

// demoReviewer is the reviewer the demo assigns review cases to.
const demoReviewer = "rev-demo"

// demoPeople are the demo's sign-ins: who each is, and the sample whose
// encounter they start from.
var demoPeople = []struct {
	id, role, subject, what, sample string
}{
	{"demo-clinician", "provider", "dr-okafor", "clinician Dr. Lena Okafor", "rec-cough-telehealth"},
	{"demo-reviewer", "reviewer", demoReviewer, "reviewer (review cases are assigned to them)", ""},
	// Patients see a note once it is signed: sign Harold's (in the
	// clinician's worklist) and it appears under their visits.
	{"demo-patient", "patient", "MRN-00451287", "patient Harold J. Whitcombe (fake; sees notes once signed)", ""},
	{"demo-ops", "ops", "ops-demo", "ops", ""},
}

// serveDemo creates one token per role (valid 8 hours, stored hashed in
// the demo's token file), then serves the API and the review console until
// ctx ends.
func serveDemo(ctx context.Context, out io.Writer, a *app.App, ids map[string]string) error {
	type signin struct{ what, token, start string }
	var signins []signin
	for _, p := range demoPeople {
		subject := p.subject
		if p.role == "patient" {
			ref, err := a.Services.Pseudonyms.PatientRef(ctx, subject)
			if err != nil {
				return err
			}
			subject = ref
		}
		token, rec, err := access.NewToken(p.id, access.Role(p.role), subject, time.Now().Add(8*time.Hour).UTC().Truncate(time.Second))
		if err != nil {
			return err
		}
		if err := access.AddToken(a.Config.API.TokensFile, rec); err != nil {
			return err
		}
		start := ""
		if id := ids[p.sample]; id != "" {
			start = "/console/encounters/" + id
		}
		signins = append(signins, signin{p.what, token, start})
	}
	srv, err := a.NewAPI()
	if err != nil {
		return err
	}
	base := "http://" + a.Config.API.Listen
	fmt.Fprintf(out, "%s\nreview console: %s/console/\n", strings.Repeat("=", 78), base)
	fmt.Fprintf(out, "sign in by pasting one of these demo tokens (valid 8 hours; stored hashed in %s):\n", a.Config.API.TokensFile)
	for _, s := range signins {
		fmt.Fprintf(out, "  %-48s %s\n", s.what, s.token)
		if s.start != "" {
			fmt.Fprintf(out, "  %-48s %s%s\n", "", base, s.start)
		}
	}
	fmt.Fprintf(out, "the API answers on %s/v1/ with the same tokens as bearer tokens. Ctrl-C stops the demo.\n", base)
	return srv.Run(ctx)
}

func summarizeAudit(ctx context.Context, out io.Writer, c config.Audit) error {
	dir := c.Dir
	entries, err := audit.ReadDir(dir)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, e := range entries {
		counts[string(e.Event)]++
	}
	fmt.Fprintf(out, "%s\naudit trail (%s, IDs and hashes only):\n", strings.Repeat("=", 78), dir)
	for _, k := range sortedKeys(counts) {
		fmt.Fprintf(out, "  %-18s %d\n", k, counts[k])
	}
	pub, err := app.AuditPublicKey(c)
	if err != nil {
		return err
	}
	r, err := audit.OpenFileReader(dir)
	if err != nil {
		return err
	}
	rep, err := audit.Verify(ctx, r, audit.VerifyOptions{Keys: []ed25519.PublicKey{pub}})
	if err != nil {
		return err
	}
	if !rep.OK() {
		return fmt.Errorf("the demo's audit trail does not verify: %s", rep.Problems[0])
	}
	fmt.Fprintf(out, "  hash-chained and verified: %d chain(s), %d entries, %d signed checkpoint(s) (key %s);\n"+
		"  check it yourself: clinscribe audit verify -dir %s -public-key %s\n\n",
		rep.Chains, rep.Records, rep.Checkpoints, audit.KeyID(pub), dir, c.SigningKeyFile)
	return nil
}
