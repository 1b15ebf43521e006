// Package app assembles clinscribe from a checked config.Config: Redis (or
// the embedded miniredis), the encrypted stores and key hierarchy, the
// audit trail, the AI gateway and its providers, the pipeline, and the
// asynq client and server. Every subcommand and the integration tests go
// through Open, so they run the same code path.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/metrics"
)

// App is an assembled clinscribe.
type App struct {
	Config   config.Config
	Log      *slog.Logger
	Redis    asynq.RedisConnOpt
	Data     storage.Blobstore // ciphertext store
	Vault    *storage.Vault
	Keyring  *storage.Keyring
	RootKeys storage.KeyManager // wraps the keyring's keys: local key file or KMS
	Audit    *audit.Logger
	Gateway  *ai.Gateway
	// Services are the pipeline and the services around it; Pipeline is
	// Services.Pipeline.
	Services *pipeline.Services
	Pipeline *pipeline.Pipeline
	// Templates are the prompt templates (their sections are a note's).
	Templates *prompts.Registry
	Client    *worker.Client
	// EHR writes signed notes back to the clinic's FHIR server; nil when
	// ehr.base_url is not set.
	EHR *ehr.Deliverer

	// Ops parts: one Prometheus registry per process, the keyring store
	// (for readiness checks), the instrumented audit sink and the trail
	// behind it (for checkpoints).
	Metrics *metrics.Metrics
	Ring    storage.Blobstore
	Trail   *audit.Trail

	auditStore  audit.Store // the trail's, shared with its Sealer
	auditSigner *audit.Signer

	closers []func() error
}

// Options adjust Open.
type Options struct {
	// LogOutput receives the JSON or text log; nil means stderr.
	LogOutput io.Writer
	// Environ is where providers' api_key_env variables are looked up;
	// nil means the process environment.
	Environ []string
	// NoCreateKeys refuses to create a missing local key file (for
	// `clinscribe config check`, which must not change anything).
	NoCreateKeys bool
	// WrapStore, if set, wraps the data store and the keyring's store as
	// they are opened (the cost benchmark counts their requests with it);
	// it is called once for each, with "data" or "ring".
	WrapStore func(which string, bs storage.Blobstore) storage.Blobstore
}

// Open assembles the application.
func Open(ctx context.Context, cfg config.Config, opts Options) (a *App, err error) {
	a = &App{Config: cfg}
	opened := a // the error returns below set a to nil
	defer func() {
		if err != nil {
			opened.Close()
		}
	}()
	a.Log = NewLogger(cfg.Log, opts.LogOutput)
	// go-redis logs through one process-wide logger, as plain text on
	// stderr unless told otherwise: through slog, PHI-safe and rate-limited.
	redis.SetLogger(worker.RedisLogger(a.Log))

	if cfg.Redis.Embedded {
		mr := miniredis.NewMiniRedis()
		if err := mr.Start(); err != nil {
			return nil, fmt.Errorf("app: embedded redis: %w", err)
		}
		a.closers = append(a.closers, func() error { mr.Close(); return nil })
		a.Config.Redis.URL = "redis://" + mr.Addr()
		a.Log.Info("embedded redis started (in-process miniredis; nothing persists)", "addr", mr.Addr())
	}
	if a.Redis, err = a.Config.Redis.ConnOpt(); err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}

	if a.Data, err = openStore(ctx, cfg.Storage, storage.LogOptions{}); err != nil {
		return nil, fmt.Errorf("app: storage: %w", err)
	}
	a.closeStore(a.Data)
	if opts.WrapStore != nil {
		a.Data = opts.WrapStore("data", a.Data)
	}
	a.Metrics = metrics.New()
	if !cfg.Ops.DisableQueueMetrics {
		ins := asynq.NewInspector(a.Redis)
		a.closers = append(a.closers, ins.Close)
		a.Metrics.Registry().MustRegister(metrics.NewQueueCollector(ins, worker.AllQueues))
	}
	// The ring's log erases a destroyed key's bytes.
	ring, err := openStore(ctx, cfg.Keys.Ring, storage.LogOptions{Erase: true})
	if err != nil {
		return nil, fmt.Errorf("app: keys.ring: %w", err)
	}
	a.closeStore(ring)
	if opts.WrapStore != nil {
		ring = opts.WrapStore("ring", ring)
	}
	a.Ring = ring
	root, err := openKeyManager(ctx, cfg.Keys, !opts.NoCreateKeys)
	if err != nil {
		return nil, fmt.Errorf("app: keys: %w", err)
	}
	a.RootKeys = root
	if a.Keyring, err = storage.NewKeyring(root, ring, storage.KeyringConfig{CacheTTL: cfg.Keys.CacheTTL}); err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	a.Vault = storage.NewVault(a.Data, a.Keyring)

	at, err := openAuditTrail(ctx, cfg, a.Log)
	if err != nil {
		return nil, fmt.Errorf("app: audit: %w", err)
	}
	a.Trail, a.auditStore, a.auditSigner = at.trail, at.store, at.signer
	a.Audit = audit.NewLogger(at.trail, cfg.Service.Name, cfg.Service.WorkerID, nil, audit.WithObserver(a.Metrics))
	a.closers = append(a.closers, a.Audit.Close)

	providers, err := a.openProviders(cfg.AI.Providers, opts.Environ)
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	consents := consent.NewStore(a.Vault)
	if a.Gateway, err = ai.NewGateway(cfg.AI.Config, providers, a.Audit, consents, a.Log, ai.WithObserver(a.Metrics)); err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}

	templates := prompts.Builtin()
	a.Templates = templates
	if cfg.Prompts.Dir != "" {
		if err := templates.LoadDir(cfg.Prompts.Dir); err != nil {
			return nil, fmt.Errorf("app: prompts.dir: %w", err)
		}
	}
	detector, err := deid.New(deid.Config{})
	if err != nil {
		return nil, fmt.Errorf("app: deid: %w", err)
	}
	a.Client = worker.NewClient(a.Redis, cfg.Worker.Tasks)
	a.closers = append(a.closers, a.Client.Close)
	deps := pipeline.ServiceDeps{
		Vault: a.Vault, Gateway: a.Gateway, Audit: a.Audit, Queue: a.Client, Consents: consents, Shredder: a.Keyring,
		Deid: detector, Templates: templates, Log: a.Log, Waits: a.Metrics,
	}
	if cfg.EHR.Enabled() {
		if a.EHR, err = openEHR(cfg.EHR, a, opts.Environ); err != nil {
			return nil, fmt.Errorf("app: %w", err)
		}
		deps.EHR = a.EHR
	}
	a.Services, err = pipeline.NewServices(cfg.Pipeline, deps)
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	a.Pipeline = a.Services.Pipeline
	return a, nil
}

// openEHR assembles EHR write-back: its HTTP client, token source and
// Deliverer.
func openEHR(c ehr.Config, a *App, environ []string) (*ehr.Deliverer, error) {
	hc := &http.Client{Timeout: c.WithDefaults().Timeout}
	auth, err := ehr.NewTokenSource(c, hc, environ, time.Now)
	if err != nil {
		return nil, err
	}
	return ehr.New(c, ehr.Deps{Vault: a.Vault, Store: encounter.NewStore(a.Vault), Audit: a.Audit, Queue: a.Client,
		Auth: auth, HTTP: hc, Log: a.Log, Now: time.Now})
}

// NewWorker returns an asynq server running this app's pipeline, with
// metrics and the maintenance jobs.
func (a *App) NewWorker() (*worker.Server, error) {
	s := a.Services
	sweeper, err := retention.NewSweeper(a.Config.Ops.Retention, retention.Deps{
		Vault: a.Vault, Audit: a.Audit, Log: a.Log, Signoffs: s.Signoff, Holds: s.Holds, Keys: s.Idempotency,
	})
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	handlers := worker.Handlers{Stages: s.Pipeline, Reviews: s.Review, Webhooks: s.Webhooks, Aggregates: s.Aggregates}
	o := worker.Options{
		Metrics: a.Metrics,
		Maintenance: &worker.Maintenance{
			Config:         a.Config.Ops.Maintenance,
			Checkpointer:   a.Trail,
			Reviews:        s.Review,
			ReviewObserver: a.Metrics,
			Retention:      sweeper,
			RetentionEvery: a.Config.Ops.Retention.Every,
		},
	}
	if a.EHR != nil {
		o.EHR, o.EHRReconcileEvery = a.EHR, a.EHR.Config().ReconcileEvery
	}
	return worker.NewServerWith(a.Config.Worker, a.Redis, handlers, a.Log, o)
}

// NewAPI returns the HTTP API server over this app.
func (a *App) NewAPI() (*api.Server, error) {
	s := a.Services
	tokens, err := access.LoadTokens(a.Config.API.TokensFile, s.Pseudonyms.PatientRef, nil)
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	rows, err := a.AuditRows()
	if err != nil {
		return nil, fmt.Errorf("app: audit: %w", err)
	}
	opts := api.Options{Health: a.HealthHandler()}
	if !a.Config.Console.Disabled {
		c, err := a.NewConsole(tokens, rows)
		if err != nil {
			return nil, err
		}
		opts.Console = c.Handler()
	}
	if a.EHR != nil {
		opts.EHR = a.EHR
	}
	srv, err := api.New(a.Config.API, api.Services{
		Intake: s.Pipeline, Drafts: s.Signoff, Reviews: s.Review, Consent: s.Consent, Pseudonyms: s.Pseudonyms,
		Deletion: s.Retention, Human: s.Human, Worklist: s.Worklist, Sources: s.Signoff, Deliveries: s.Webhooks,
		Guard: s.Guard, AuditRows: rows,
	}, tokens, a.Log, opts)
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	return srv, nil
}

// AuditRows reads the trail from the configured sink — the local directory
// or the S3 bucket — for the API's audit export.
func (a *App) AuditRows() (access.AuditRows, error) {
	c := a.Config.Audit
	if c.Sink == "local" {
		// A fresh reader per export: it lists the directory as it is now.
		return func(ctx context.Context, f audit.Filter) ([]audit.Row, error) {
			r, err := audit.OpenFileReader(c.Dir)
			if err != nil {
				return nil, err
			}
			return audit.Query(ctx, r, f)
		}, nil
	}
	r, err := OpenAuditReader(context.Background(), c)
	if err != nil {
		return nil, err
	}
	if cl, ok := r.(interface{ Close() error }); ok {
		a.closers = append(a.closers, cl.Close)
	}
	return func(ctx context.Context, f audit.Filter) ([]audit.Row, error) { return audit.Query(ctx, r, f) }, nil
}

// Close releases everything Open acquired, in reverse order.
func (a *App) Close() error {
	var errs []error
	for i := len(a.closers) - 1; i >= 0; i-- {
		errs = append(errs, a.closers[i]())
	}
	a.closers = nil
	return errors.Join(errs...)
}

// NewLogger returns the PHI-safe logger: every record passes through
// phi.NewLogHandler before it is written.
func NewLogger(cfg config.Log, w io.Writer) *slog.Logger {
	if w == nil {
		w = os.Stderr
	}
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Level))
	hopts := &slog.HandlerOptions{Level: level}
	var h slog.Handler
	if cfg.Format == "text" {
		h = slog.NewTextHandler(w, hopts)
	} else {
		h = slog.NewJSONHandler(w, hopts)
	}
	return slog.New(phi.NewLogHandler(h))
}

func awsConfig(ctx context.Context, c config.AWS) (aws.Config, error) {
	var opts []func(*awsconfig.LoadOptions) error
	if c.Region != "" {
		opts = append(opts, awsconfig.WithRegion(c.Region))
	}
	return awsconfig.LoadDefaultConfig(ctx, opts...)
}

// closeStore has Close release a store that holds files open (a log).
func (a *App) closeStore(bs storage.Blobstore) {
	if c, ok := bs.(interface{ Close() error }); ok {
		a.closers = append(a.closers, c.Close)
	}
}

// openStore opens a data or key ring store; a local one in c.Format, or
// the format its directory holds, or the default for a new directory
// (storage.LocalFormat), with opts if it is a log.
func openStore(ctx context.Context, c config.Store, opts storage.LogOptions) (storage.Blobstore, error) {
	switch c.Kind {
	case "local":
		return storage.OpenLocalDir(c.Dir, c.Format, opts)
	case "s3":
		ac, err := awsConfig(ctx, c.AWS)
		if err != nil {
			return nil, err
		}
		return storage.NewS3(newS3Client(ac, c.AWS), c.S3)
	}
	return nil, fmt.Errorf("unknown kind %q", c.Kind)
}

// newS3Client is the one S3 client builder: the data store and the audit
// sink take the same endpoint and path-style settings.
func newS3Client(ac aws.Config, c config.AWS) *s3.Client {
	return s3.NewFromConfig(ac, func(o *s3.Options) {
		if c.Endpoint != "" {
			o.BaseEndpoint = aws.String(c.Endpoint)
		}
		o.UsePathStyle = c.PathStyle
	})
}

func openKeyManager(ctx context.Context, c config.Keys, create bool) (storage.KeyManager, error) {
	switch c.Kind {
	case "local":
		return storage.OpenLocalKeys(c.File, create)
	case "kms":
		ac, err := awsConfig(ctx, c.KMS.AWS)
		if err != nil {
			return nil, err
		}
		client := kms.NewFromConfig(ac, func(o *kms.Options) {
			if c.KMS.AWS.Endpoint != "" {
				o.BaseEndpoint = aws.String(c.KMS.AWS.Endpoint)
			}
		})
		return storage.NewKMS(client, c.KMS.KeyID)
	}
	return nil, fmt.Errorf("unknown kind %q", c.Kind)
}

// Location says where an object's ciphertext lives, for people to find it.
func (a *App) Location(key string) string {
	switch s := a.Config.Storage; s.Kind {
	case "s3":
		return "s3://" + s.S3.Bucket + "/" + strings.TrimSuffix(s.S3.Prefix, "/") + "/" + key
	default:
		return filepath.Join(s.Dir, filepath.FromSlash(key))
	}
}
