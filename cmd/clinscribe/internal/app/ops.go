package app

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/health"
)

// HealthChecks are the readiness checks of this app: Redis answers, both
// stores list (and take writes, where they can tell), the root key manager issues and unwraps a data key, and the
// audit sink can be written.
func (a *App) HealthChecks() []health.Check {
	rdb := worker.UniversalClient(a.Redis)
	a.closers = append(a.closers, rdb.Close)
	return []health.Check{
		{Name: "redis", Run: func(ctx context.Context) error { return rdb.Ping(ctx).Err() }},
		{Name: "storage", Run: func(ctx context.Context) error { return storeReady(ctx, a.Data) }},
		{Name: "keyring", Run: func(ctx context.Context) error { return storeReady(ctx, a.Ring) }},
		{Name: "keys", Every: a.Config.Ops.KeyCheckEvery, Run: func(ctx context.Context) error { return CheckKeyManager(ctx, a.RootKeys) }},
		{Name: "audit", Run: func(ctx context.Context) error { return CheckAuditSink(ctx, a.Trail, a.localAuditDir()) }},
	}
}

// storeReady is a store's readiness: it lists, and, if it can tell
// (storage.Log after a failed flush), it still takes writes.
func storeReady(ctx context.Context, bs storage.Blobstore) error {
	if _, err := bs.List(ctx, "health/"); err != nil {
		return err
	}
	if w, ok := bs.(interface{ Writable() error }); ok {
		return w.Writable()
	}
	return nil
}

// HealthHandler serves /healthz, /readyz and /metrics for this app; the
// worker serves it on ops.listen, the HTTP API can mount it.
func (a *App) HealthHandler() *health.Handler {
	return health.New(health.Config{Timeout: a.Config.Ops.CheckTimeout}, a.Metrics.Handler(), a.HealthChecks()...)
}

// healthKeyContext binds the probe key to its purpose, so a probe's key
// can never open data.
var healthKeyContext = storage.KeyContext{"purpose": "health-check"}

// CheckKeyManager proves the root key manager works: it issues a data key
// and unwraps it again (with KMS: GenerateDataKey and Decrypt).
func CheckKeyManager(ctx context.Context, km storage.KeyManager) error {
	dk, err := km.GenerateDataKey(ctx, healthKeyContext)
	if err != nil {
		return fmt.Errorf("generate data key: %w", err)
	}
	pt, err := km.DecryptDataKey(ctx, dk.Wrapped, healthKeyContext)
	if err != nil {
		return fmt.Errorf("decrypt data key: %w", err)
	}
	if string(pt) != string(dk.Plaintext) {
		return errors.New("decrypted data key differs")
	}
	return nil
}

// pinger is what a sink can implement to answer readiness itself.
type pinger interface {
	Ping(ctx context.Context) error
}

// CheckAuditSink checks that audit entries can be written without writing
// one: a sink that can ping is asked; the file sink's file must open for
// appending and its directory must accept a new file.
func CheckAuditSink(ctx context.Context, s audit.Sink, dir string) error {
	if p, ok := s.(pinger); ok {
		return p.Ping(ctx)
	}
	if dir == "" {
		return nil // an object-store sink: its bucket is checked at start (Object Lock) and on every append
	}
	probe, err := os.CreateTemp(dir, ".ready-*")
	if err != nil {
		return fmt.Errorf("audit dir: %w", err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// localAuditDir is the audit directory when the trail is kept in local
// files, "" otherwise.
func (a *App) localAuditDir() string {
	if a.Config.Audit.Sink == "local" {
		return a.Config.Audit.Dir
	}
	return ""
}
