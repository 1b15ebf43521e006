package cli

import (
	"context"
	"fmt"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/storage"
)

func runKeys(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) == 0 || args[0] != "rotate" {
		fmt.Fprintf(env.Stderr, "Usage: clinscribe keys rotate [-actor ID]\n\n"+
			"  rotate  add a new key-encryption key version and make it primary (local key file),\n"+
			"          and record the rotation in the audit trail\n")
		return errUsage
	}
	fs := newFlags(env, "keys rotate", "[-actor ID]")
	actor := fs.String("actor", "cli", "ID of who rotates, for the audit trail")
	if pos, err := parse(fs, args[1:]); err != nil || len(pos) > 0 {
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	if cfg.Keys.Kind == "kms" {
		fmt.Fprintf(env.Stdout, "keys.kind is kms: rotation of %s happens in AWS KMS (enable automatic rotation, or run\n"+
			"`aws kms rotate-key-on-demand --key-id %s`); KMS keeps old versions for unwrapping and logs the\n"+
			"rotation in CloudTrail. Nothing to do here.\n", cfg.Keys.KMS.KeyID, cfg.Keys.KMS.KeyID)
		return nil
	}
	return rotateLocalKey(ctx, env, cfg, *actor)
}

// rotateLocalKey adds a key version to the local key file and makes it
// primary, and records the rotation in the audit trail: the one rotation
// path (`keys rotate` and `ops rotate-key`). Existing wrapped keys stay
// readable (each names its version); new scope keys use the new one.
func rotateLocalKey(ctx context.Context, env Env, cfg config.Config, actor string) error {
	if cfg.Keys.Kind != "local" {
		return fmt.Errorf("keys.kind is %s: rotate the KMS key in KMS (aws kms enable-key-rotation / rotate-key-on-demand --key-id %s); "+
			"the key ID stays the same and old key material keeps decrypting", cfg.Keys.Kind, cfg.Keys.KMS.KeyID)
	}
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	lk, ok := a.RootKeys.(*storage.LocalKeys)
	if !ok {
		return fmt.Errorf("keys.kind %q cannot be rotated from here", cfg.Keys.Kind)
	}
	id, err := lk.Rotate()
	if err != nil {
		return err
	}
	// The rotation is done; an entry that cannot be written is a failure
	// the operator must see (exit status 1), not a silent gap.
	if err := a.Audit.Log(ctx, audit.Entry{
		Event: audit.EventKeyRotation, Actor: actor, Role: "ops", ObjectID: id, Result: "ok",
	}); err != nil {
		return fmt.Errorf("key rotated to version %s, but the audit entry could not be written: %w", id, err)
	}
	fmt.Fprintf(env.Stdout, "rotated %s: version %s is now primary (versions: %v); new data keys are wrapped by it, existing ones still unwrap\n",
		cfg.Keys.File, id, lk.Versions())
	return nil
}
