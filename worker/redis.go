package worker

import (
	"cmp"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// RedisConfig says how to reach Redis. Exactly one of URL, Sentinel and
// Cluster is used, in that order of precedence.
type RedisConfig struct {
	// URL is redis://[user:password@]host:port/db, rediss:// for TLS, or
	// redis-socket:///path/to/socket?db=N. Passwords are better given in
	// PasswordFile or the CLINSCRIBE_REDIS_PASSWORD environment variable.
	URL string `yaml:"url"`
	// Sentinel connects through Redis Sentinel to a failover master.
	Sentinel SentinelConfig `yaml:"sentinel"`
	// Cluster connects to a Redis Cluster.
	Cluster ClusterConfig `yaml:"cluster"`
	// Username and Password (or PasswordFile) authenticate to Redis.
	Username     string `yaml:"username"`
	Password     string `yaml:"password"`
	PasswordFile string `yaml:"password_file"`
	// TLS: for rediss:// and for Sentinel/Cluster when Enabled.
	TLS TLSConfig `yaml:"tls"`
	// DialTimeout, ReadTimeout, WriteTimeout: zero keeps go-redis defaults
	// (5s, 3s, 3s).
	DialTimeout  time.Duration `yaml:"dial_timeout"`
	ReadTimeout  time.Duration `yaml:"read_timeout"`
	WriteTimeout time.Duration `yaml:"write_timeout"`
	// PoolSize: zero keeps the go-redis default (10 per CPU).
	PoolSize int `yaml:"pool_size"`
}

// SentinelConfig names a Sentinel-managed master.
type SentinelConfig struct {
	MasterName string   `yaml:"master_name"`
	Addrs      []string `yaml:"addrs"`
	Password   string   `yaml:"password"`
	DB         int      `yaml:"db"`
}

// ClusterConfig lists cluster seed nodes.
type ClusterConfig struct {
	Addrs []string `yaml:"addrs"`
}

// TLSConfig configures TLS to Redis.
type TLSConfig struct {
	Enabled    bool   `yaml:"enabled"`
	CAFile     string `yaml:"ca_file"` // PEM; empty uses the system roots
	ServerName string `yaml:"server_name"`
}

// Validate reports configuration errors.
func (c RedisConfig) Validate() error {
	n := 0
	if c.URL != "" {
		n++
		u, err := url.Parse(c.URL)
		if err != nil {
			return errors.New("redis.url is not a URL")
		}
		switch u.Scheme {
		case "redis", "rediss", "redis-socket":
		default:
			return fmt.Errorf("redis.url: scheme %q is not redis://, rediss:// or redis-socket:// (use redis.sentinel or redis.cluster for those)", u.Scheme)
		}
	}
	if c.Sentinel.MasterName != "" || len(c.Sentinel.Addrs) > 0 {
		n++
		if c.Sentinel.MasterName == "" || len(c.Sentinel.Addrs) == 0 {
			return errors.New("redis.sentinel needs master_name and addrs")
		}
	}
	if len(c.Cluster.Addrs) > 0 {
		n++
	}
	switch {
	case n == 0:
		return errors.New("redis: set one of url, sentinel or cluster")
	case n > 1:
		return errors.New("redis: set only one of url, sentinel or cluster")
	}
	return nil
}

func (c RedisConfig) password() (string, error) {
	if c.PasswordFile != "" {
		b, err := os.ReadFile(c.PasswordFile)
		if err != nil {
			return "", fmt.Errorf("redis.password_file: %w", err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	return c.Password, nil
}

func (c TLSConfig) build(host string) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: host}
	if c.ServerName != "" {
		cfg.ServerName = c.ServerName
	}
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("redis.tls.ca_file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, errors.New("redis.tls.ca_file: no PEM certificates found")
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

// ConnOpt builds asynq's connection options.
func (c RedisConfig) ConnOpt() (asynq.RedisConnOpt, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	pw, err := c.password()
	if err != nil {
		return nil, err
	}
	switch {
	case c.URL != "":
		o, err := redis.ParseURL(c.URL)
		if err != nil {
			return nil, fmt.Errorf("redis.url: %v", redactURLError(err))
		}
		opt := asynq.RedisClientOpt{
			Network: o.Network, Addr: o.Addr, Username: cmp.Or(c.Username, o.Username),
			Password: cmp.Or(pw, o.Password), DB: o.DB, TLSConfig: o.TLSConfig,
			DialTimeout: c.DialTimeout, ReadTimeout: c.ReadTimeout, WriteTimeout: c.WriteTimeout, PoolSize: c.PoolSize,
		}
		if o.TLSConfig != nil || c.TLS.Enabled {
			host := o.Addr
			if i := strings.LastIndex(host, ":"); i > 0 {
				host = host[:i]
			}
			if opt.TLSConfig, err = c.TLS.build(host); err != nil {
				return nil, err
			}
		}
		return opt, nil
	case c.Sentinel.MasterName != "":
		opt := asynq.RedisFailoverClientOpt{
			MasterName: c.Sentinel.MasterName, SentinelAddrs: c.Sentinel.Addrs, SentinelPassword: c.Sentinel.Password,
			Username: c.Username, Password: pw, DB: c.Sentinel.DB,
			DialTimeout: c.DialTimeout, ReadTimeout: c.ReadTimeout, WriteTimeout: c.WriteTimeout, PoolSize: c.PoolSize,
		}
		if c.TLS.Enabled {
			if opt.TLSConfig, err = c.TLS.build(""); err != nil {
				return nil, err
			}
		}
		return opt, nil
	default:
		opt := asynq.RedisClusterClientOpt{
			Addrs: c.Cluster.Addrs, Username: c.Username, Password: pw,
			DialTimeout: c.DialTimeout, ReadTimeout: c.ReadTimeout, WriteTimeout: c.WriteTimeout,
		}
		if c.TLS.Enabled {
			if opt.TLSConfig, err = c.TLS.build(""); err != nil {
				return nil, err
			}
		}
		return opt, nil
	}
}

// redactURLError keeps a parse error from echoing a password in the URL.
func redactURLError(err error) string {
	msg := err.Error()
	if strings.Contains(msg, "@") {
		return "malformed URL"
	}
	return msg
}

// UniversalClient makes a go-redis client from asynq options, for the
// parts that talk to Redis directly (rate limiting, health checks).
func UniversalClient(opt asynq.RedisConnOpt) redis.UniversalClient {
	return opt.MakeRedisClient().(redis.UniversalClient)
}
