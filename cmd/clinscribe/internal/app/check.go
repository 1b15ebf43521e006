package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/worker"
)

// Status is the verdict of one finding of Check.
type Status string

const (
	StatusOK Status = "ok"
	// StatusLater: not there yet, and that is expected — the first worker
	// (or the demo) creates it.
	StatusLater Status = "later"
	// StatusNote: works, but worth knowing (e.g. where serve listens).
	StatusNote Status = "note"
	StatusFail Status = "FAIL"
)

// Finding is one line of `clinscribe config check`: what was looked at,
// the verdict, and what it means or what to do.
type Finding struct {
	Name   string
	Status Status
	Detail string
}

// FirstRun is the remedy for everything a fresh install has not made yet.
const FirstRun = "will be created by the first `clinscribe worker` or `clinscribe demo`"

// Check examines what the configuration refers to — Redis, the stores,
// the keys, the audit trail, the AI providers' keys and attestations, the
// API's listener and token file — without changing anything: it creates no
// directory, key or file and writes no audit entry (Open would). What a
// fresh install has not made yet is reported as StatusLater, not as a
// failure, unless something already stored depends on it (a key file gone
// while the keyring holds keys wrapped by it).
func Check(ctx context.Context, cfg config.Config, environ []string) []Finding {
	var out []Finding
	add := func(name string, st Status, format string, args ...any) {
		out = append(out, Finding{Name: name, Status: st, Detail: fmt.Sprintf(format, args...)})
	}
	timeout := cfg.Ops.CheckTimeout

	// Redis.
	switch opt, err := cfg.Redis.ConnOpt(); {
	case cfg.Redis.Embedded:
		add("redis", StatusFail, "redis.embedded is for the demo only: set redis.url (CLINSCRIBE_REDIS_URL)")
	case err != nil:
		add("redis", StatusFail, "%v", err)
	default:
		rdb := worker.UniversalClient(opt)
		pctx, cancel := context.WithTimeout(ctx, timeout)
		err := rdb.Ping(pctx).Err()
		cancel()
		rdb.Close()
		if err != nil {
			add("redis", StatusFail, "%s does not answer (%v): start Redis first (e.g. `redis-server`), or point redis.url / CLINSCRIBE_REDIS_URL at yours", redisWhere(cfg.Redis.RedisConfig), err)
		} else {
			add("redis", StatusOK, "%s", redisWhere(cfg.Redis.RedisConfig))
		}
	}

	// Stores and keys.
	checkStore(ctx, "storage", cfg.Storage, add)
	ringKeys := checkStore(ctx, "keys.ring", cfg.Keys.Ring, add)
	switch cfg.Keys.Kind {
	case "local":
		switch _, err := os.Stat(cfg.Keys.File); {
		case errors.Is(err, fs.ErrNotExist) && ringKeys > 0:
			add("keys", StatusFail, "keys.file %s is missing, but keys.ring holds %d key(s) wrapped by it: a worker would create a NEW key and nothing stored so far could be read. Restore the key file", cfg.Keys.File, ringKeys)
		case errors.Is(err, fs.ErrNotExist):
			add("keys", StatusLater, "keys.file %s does not exist yet: it %s", cfg.Keys.File, FirstRun)
		case err != nil:
			add("keys", StatusFail, "keys.file: %v", err)
		default:
			km, err := openKeyManager(ctx, cfg.Keys, false)
			if err == nil {
				err = CheckKeyManager(ctx, km)
			}
			if err != nil {
				add("keys", StatusFail, "keys.file %s: %v", cfg.Keys.File, err)
			} else {
				add("keys", StatusOK, "local key file %s", cfg.Keys.File)
			}
		}
	case "kms":
		km, err := openKeyManager(ctx, cfg.Keys, false)
		if err == nil {
			kctx, cancel := context.WithTimeout(ctx, timeout)
			err = CheckKeyManager(kctx, km)
			cancel()
		}
		if err != nil {
			add("keys", StatusFail, "KMS key %s: %v", cfg.Keys.KMS.KeyID, err)
		} else {
			add("keys", StatusOK, "KMS key %s issues and unwraps data keys", cfg.Keys.KMS.KeyID)
		}
	}

	checkAudit(ctx, cfg, add)
	checkProviders(cfg, environ, add)
	checkAPI(cfg, add)

	if cfg.Ops.Listen == "" {
		add("ops.listen", StatusNote, "off (no /metrics, /healthz, /readyz on workers)")
	} else {
		add("ops.listen", StatusOK, "%s", cfg.Ops.Listen)
	}
	return out
}

// redisWhere names the Redis a configuration points at, without the
// password a URL may carry.
func redisWhere(c worker.RedisConfig) string {
	switch {
	case c.Sentinel.MasterName != "":
		return "sentinel master " + c.Sentinel.MasterName + " via " + strings.Join(c.Sentinel.Addrs, ",")
	case len(c.Cluster.Addrs) > 0:
		return "cluster " + strings.Join(c.Cluster.Addrs, ",")
	}
	u, err := url.Parse(c.URL)
	if err != nil {
		return "redis.url (not shown: it does not parse)"
	}
	u.User = nil
	return u.String()
}

// checkStore looks at a store without creating it, and returns how many
// scope keys it holds under scopes/ (for the keyring).
func checkStore(ctx context.Context, name string, c config.Store, add func(string, Status, string, ...any)) int {
	var bs storage.Blobstore
	switch c.Kind {
	case "local":
		st, err := os.Stat(c.Dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			add(name, StatusLater, "%s does not exist yet: it %s", c.Dir, FirstRun)
			return 0
		case err != nil:
			add(name, StatusFail, "%v", err)
			return 0
		case !st.IsDir():
			add(name, StatusFail, "%s is not a directory", c.Dir)
			return 0
		}
		if err := writable(c.Dir); err != nil {
			add(name, StatusFail, "%s is not writable by this user: %v", c.Dir, err)
			return 0
		}
		format, err := storage.LocalFormat(c.Dir, c.Format)
		if err != nil {
			add(name, StatusFail, "%v", err)
			return 0
		}
		if format == storage.FormatLog {
			if !storage.HoldsLog(c.Dir) {
				add(name, StatusOK, "%s: empty, a new log-structured store", c.Dir)
				return 0
			}
		}
		// The directory exists: opening it changes nothing (a log's
		// segment left by a dead process is sealed, as any opener does).
		if bs, err = storage.OpenLocalDir(c.Dir, format, storage.LogOptions{Erase: name == "keys.ring"}); err != nil {
			add(name, StatusFail, "%v", err)
			return 0
		}
		if c, ok := bs.(interface{ Close() error }); ok {
			defer c.Close()
		}
	case "s3":
		var err error
		if bs, err = openStore(ctx, c, storage.LogOptions{}); err != nil {
			add(name, StatusFail, "%v", err)
			return 0
		}
	default:
		return 0 // config validation names it
	}
	lctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	keys, err := bs.List(lctx, "scopes/")
	if err != nil {
		add(name, StatusFail, "cannot be listed: %v", err)
		return 0
	}
	where := c.Dir
	if c.Kind == "s3" {
		where = "s3://" + c.S3.Bucket + "/" + c.S3.Prefix
	}
	add(name, StatusOK, "%s", where)
	return len(keys)
}

// writable reports whether this process may create files in dir, without
// creating one.
func writable(dir string) error {
	return unix.Access(dir, unix.W_OK|unix.X_OK)
}

func checkAudit(ctx context.Context, cfg config.Config, add func(string, Status, string, ...any)) {
	c := cfg.Audit
	entries := 0
	switch c.Sink {
	case "local":
		st, err := os.Stat(c.Dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			add("audit", StatusLater, "audit.dir %s does not exist yet: it %s", c.Dir, FirstRun)
		case err != nil:
			add("audit", StatusFail, "audit.dir: %v", err)
		case !st.IsDir():
			add("audit", StatusFail, "audit.dir %s is not a directory", c.Dir)
		default:
			if err := writable(c.Dir); err != nil {
				add("audit", StatusFail, "audit.dir %s is not writable by this user: %v", c.Dir, err)
				break
			}
			des, _ := os.ReadDir(c.Dir)
			entries = len(des)
			add("audit", StatusOK, "local trail in %s", c.Dir)
		}
	case "s3":
		store, err := openAuditStore(ctx, c)
		if err == nil {
			octx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err = store.(*audit.S3Store).CheckObjectLock(octx)
			cancel()
		}
		if err != nil {
			add("audit", StatusFail, "%v", err)
		} else {
			add("audit", StatusOK, "s3://%s/%s with Object Lock", c.S3.Bucket, c.S3.Prefix)
		}
	}
	switch _, err := os.Stat(c.SigningKeyFile); {
	case errors.Is(err, fs.ErrNotExist) && c.Sink == "s3":
		add("audit.signing_key_file", StatusFail, "%s does not exist: for sink s3 make it once with `clinscribe audit keygen` and keep it outside the trail", c.SigningKeyFile)
	case errors.Is(err, fs.ErrNotExist) && entries > 0:
		add("audit.signing_key_file", StatusFail, "%s is missing, but the trail in %s has entries: a worker would sign with a NEW key; restore the key (or verify the old part with its public key)", c.SigningKeyFile, c.Dir)
	case errors.Is(err, fs.ErrNotExist):
		add("audit.signing_key_file", StatusLater, "%s does not exist yet: it %s", c.SigningKeyFile, FirstRun)
	case err != nil:
		add("audit.signing_key_file", StatusFail, "%v", err)
	default:
		if _, err := audit.LoadSigner(c.SigningKeyFile, false); err != nil {
			add("audit.signing_key_file", StatusFail, "%v", err)
		} else {
			add("audit.signing_key_file", StatusOK, "%s", c.SigningKeyFile)
		}
	}
}

func checkProviders(cfg config.Config, environ []string, add func(string, Status, string, ...any)) {
	byName := map[string]config.Provider{}
	for _, p := range cfg.AI.Providers {
		byName[p.Name] = p
		// A worker opens every configured provider, used or not.
		if _, err := apiKey(p, environ); err != nil {
			add("ai.providers."+p.Name, StatusFail, "%v", err)
		}
	}
	for _, task := range []struct{ name, provider string }{{"transcribe", cfg.AI.Transcribe}, {"summarize", cfg.AI.Summarize}} {
		p, ok := byName[task.provider]
		if !ok {
			continue // config validation names it
		}
		name := "ai." + task.name
		switch {
		case p.Kind == "offline":
			add(name, StatusOK, "%s (kind offline, simulated AI in this process; zero retention attested: nothing leaves this machine)", p.Name)
		case p.ZeroRetention && p.Agreement != "":
			add(name, StatusOK, "%s (kind %s, zero retention attested: %s)", p.Name, p.Kind, p.Agreement)
		case cfg.AI.DebugOverrideUnattestedProviders:
			add(name, StatusFail, "provider %q is not attested and ai.debug_override_unattested_providers is on: never use with real patient data", p.Name)
		default:
			add(name, StatusFail, "provider %q has no zero-retention attestation: every call would be refused", p.Name)
		}
	}
}

func checkAPI(cfg config.Config, add func(string, Status, string, ...any)) {
	c := cfg.API
	host, _, _ := net.SplitHostPort(c.Listen)
	ip := net.ParseIP(host)
	switch {
	case host == "localhost" || ip != nil && ip.IsLoopback():
		add("api.listen", StatusOK, "%s: `clinscribe serve` answers this machine only; to serve others set api.listen (e.g. \":8080\") with TLS here or at a proxy in front", c.Listen)
	case c.TLSCertFile == "":
		add("api.listen", StatusNote, "%s: `clinscribe serve` answers other machines over plain HTTP; put TLS in front (an ingress or proxy) or set api.tls_cert_file", c.Listen)
	default:
		add("api.listen", StatusOK, "%s with TLS", c.Listen)
	}
	for _, f := range []struct{ name, path string }{{"api.tls_cert_file", c.TLSCertFile}, {"api.tls_key_file", c.TLSKeyFile}} {
		if f.path == "" {
			continue
		}
		if _, err := os.Stat(f.path); err != nil {
			add(f.name, StatusFail, "%v", err)
		}
	}
	recs, err := access.ListTokens(c.TokensFile)
	var fe *access.FileError
	switch {
	case errors.As(err, &fe):
		add("api.tokens_file", StatusFail, "%s: `clinscribe serve` would not start", fe.Error())
		return
	case err != nil:
		add("api.tokens_file", StatusFail, "%v", err)
		return
	}
	counts := map[access.TokenState]int{}
	now := time.Now()
	for _, r := range recs {
		counts[r.State(now)]++
	}
	switch {
	case len(recs) == 0:
		if _, err := os.Stat(filepath.Clean(c.TokensFile)); errors.Is(err, fs.ErrNotExist) {
			add("api.tokens_file", StatusNote, "%s does not exist yet: `clinscribe token create` makes it (serve refuses every request until a token exists)", c.TokensFile)
		} else {
			add("api.tokens_file", StatusNote, "%s holds no tokens: `clinscribe token create` makes one", c.TokensFile)
		}
	default:
		add("api.tokens_file", StatusOK, "%s: %d active, %d expired, %d revoked (`clinscribe token list`)", c.TokensFile,
			counts[access.TokenActive], counts[access.TokenExpired], counts[access.TokenRevoked])
	}
}
