package app

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// auditTrail is the opened trail with what a Sealer needs besides it.
type auditTrail struct {
	trail  *audit.Trail
	store  audit.Store
	signer *audit.Signer
}

// openAuditTrail opens the configured store and starts a Trail on it,
// signing checkpoints with the configured key. For sink local a missing
// key is generated; for s3 it must have been made (and distributed) first.
func openAuditTrail(ctx context.Context, cfg config.Config, log *slog.Logger) (*auditTrail, error) {
	signer, err := audit.LoadSigner(cfg.Audit.SigningKeyFile, cfg.Audit.Sink == "local")
	if err != nil {
		return nil, fmt.Errorf("audit.signing_key_file: %w", err)
	}
	store, err := openAuditStore(ctx, cfg.Audit)
	if err != nil {
		return nil, err
	}
	if s3s, ok := store.(*audit.S3Store); ok {
		if err := s3s.CheckObjectLock(ctx); err != nil {
			return nil, err
		}
	}
	tr, err := audit.NewTrail(store, signer, audit.TrailConfig{
		Writer: cfg.Service.WorkerID, CheckpointInterval: cfg.Audit.CheckpointInterval,
		CheckpointEvery: cfg.Audit.CheckpointEvery, Lease: cfg.Audit.Lease,
		MaxBatch: cfg.Audit.MaxBatch, Log: log,
	})
	if err != nil {
		return nil, err
	}
	return &auditTrail{trail: tr, store: store, signer: signer}, nil
}

// StartAuditSealer runs an audit.Sealer in this process until Close: it
// seals the trail chains of writers that died (killed, crashed) once
// their lease expired, so their unsigned tails become signed. The
// long-running commands (worker, serve) start it; one-shot commands
// don't, as they would end before any lease could.
func (a *App) StartAuditSealer() error {
	s, err := audit.NewSealer(a.auditStore, a.auditSigner, audit.SealerConfig{
		Writer: a.Config.Service.WorkerID, Lease: a.Config.Audit.Lease, Log: a.Log,
	})
	if err != nil {
		return fmt.Errorf("app: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Run(ctx)
	}()
	// Closers run last-in first-out: the Sealer stops before the trail
	// and its store close.
	a.closers = append(a.closers, func() error { cancel(); <-done; return nil })
	return nil
}

func openAuditStore(ctx context.Context, c config.Audit) (audit.Store, error) {
	switch c.Sink {
	case "local":
		return audit.NewFileStore(c.Dir)
	case "s3":
		ac, err := awsConfig(ctx, c.AWS)
		if err != nil {
			return nil, err
		}
		return audit.NewS3Store(newS3Client(ac, c.AWS), c.S3, nil)
	}
	return nil, fmt.Errorf("audit.sink: unknown sink %q", c.Sink)
}

// OpenAuditReader opens the configured audit store for reading only — for
// verify and export, which need neither Redis nor the data keys.
func OpenAuditReader(ctx context.Context, c config.Audit) (audit.Reader, error) {
	if c.Sink == "local" {
		return audit.OpenFileReader(c.Dir)
	}
	return openAuditStore(ctx, c)
}

// AuditPublicKey returns the public half of the configured signing key.
func AuditPublicKey(c config.Audit) (ed25519.PublicKey, error) {
	s, err := audit.LoadSigner(c.SigningKeyFile, false)
	if err != nil {
		return nil, err
	}
	return s.PublicKey(), nil
}
