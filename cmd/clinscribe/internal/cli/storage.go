package cli

import (
	"context"
	"fmt"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/storage"
)

func runStorage(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) == 0 || args[0] != "compact" {
		fmt.Fprintf(env.Stderr, "Usage: clinscribe storage compact\n\n"+
			"  compact  rewrite the local log stores (data and key ring) to the current version of each\n"+
			"           object: deleted and overwritten records give their disk space back, a destroyed\n"+
			"           key's record leaves the disk. Stop the API and the workers first: it refuses while\n"+
			"           another process has a store open.\n")
		return errUsage
	}
	fs := newFlags(env, "storage compact", "")
	if pos, err := parse(fs, args[1:]); err != nil || len(pos) > 0 {
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	for _, s := range []struct {
		name string
		c    config.Store
		opts storage.LogOptions
	}{{"storage", cfg.Storage, storage.LogOptions{}}, {"keys.ring", cfg.Keys.Ring, storage.LogOptions{Erase: true}}} {
		if s.c.Kind != "local" {
			fmt.Fprintf(env.Stdout, "%s: kind %s, nothing to compact\n", s.name, s.c.Kind)
			continue
		}
		format, err := storage.LocalFormat(s.c.Dir, s.c.Format)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		if format == storage.FormatLog && !storage.HoldsLog(s.c.Dir) {
			fmt.Fprintf(env.Stdout, "%s: %s holds no log yet, nothing to compact\n", s.name, s.c.Dir)
			continue
		}
		if format != storage.FormatLog {
			fmt.Fprintf(env.Stdout, "%s: %s holds one file per object, nothing to compact\n", s.name, s.c.Dir)
			continue
		}
		l, err := storage.NewLogWith(s.c.Dir, s.opts)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		before, after, err := l.Compact()
		l.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		fmt.Fprintf(env.Stdout, "%s: %s compacted, %d -> %d bytes\n", s.name, s.c.Dir, before, after)
	}
	return nil
}
