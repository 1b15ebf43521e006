package worker

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

func TestPayloadCarriesOnlyTheID(t *testing.T) {
	t.Parallel()
	id := encounter.NewID()
	b, err := NewPayload(id)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"encounter_id":"`+id+`"}` {
		t.Fatalf("payload = %s", b)
	}
	if _, err := NewPayload("Zelda Quixote"); err == nil {
		t.Fatal("a non-ID payload was built")
	}
	for _, bad := range []string{`{"encounter_id":"../../etc"}`, `{"encounter_id":"enc_x","note":"Zelda"}`, `garbage`, ``} {
		_, err := DecodePayload([]byte(bad))
		if !errors.Is(err, asynq.SkipRetry) || strings.Contains(err.Error(), "Zelda") {
			t.Errorf("DecodePayload(%q) = %v, want a permanent error", bad, err)
		}
	}
}

func TestMiddlewareMakesErrorsSafe(t *testing.T) {
	t.Parallel()
	handler := func(err error) asynq.Handler {
		return asynq.HandlerFunc(func(context.Context, *asynq.Task) error { return err })
	}
	cases := []struct {
		name      string
		in        error
		want      string
		skipRetry bool
	}{
		{"ForeignError", fmt.Errorf("parse note for Zelda Quixote: %w", errors.New("bad")), "internal: unclassified error", false},
		{"Permanent", phi.Permanentf(phi.CodeNoSpeech, "no speech"), "no_speech: no speech", true},
		{"Retryable", phi.Errorf(phi.CodeStorage, "storage down"), "storage: storage down", false},
		{"WrappedSafe", fmt.Errorf("stage: %w", phi.WrapPermanent(errors.New("Zelda"), phi.CodeSidecarInvalid, "line 3")), "sidecar_invalid: line 3", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := safeErrors()(handler(c.in)).ProcessTask(context.Background(), asynq.NewTask("t", nil))
			if !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "Zelda") {
				t.Fatalf("err = %q, want prefix %q and no content", err, c.want)
			}
			if errors.Is(err, asynq.SkipRetry) != c.skipRetry {
				t.Fatalf("SkipRetry = %v, want %v", !c.skipRetry, c.skipRetry)
			}
		})
	}
}

func TestRecoverPanicsKeepsValuesOut(t *testing.T) {
	t.Parallel()
	h := recoverPanics(discardLogger())(asynq.HandlerFunc(func(context.Context, *asynq.Task) error {
		panic("note text: Zelda Quixote")
	}))
	err := h.ProcessTask(context.Background(), asynq.NewTask(TypeSummarize, nil))
	if err == nil || strings.Contains(err.Error(), "Zelda") || !strings.Contains(err.Error(), "panic") {
		t.Fatalf("err = %v", err)
	}
}

func TestRedisConfig(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		cfg     RedisConfig
		wantErr string
		check   func(t *testing.T, o asynq.RedisConnOpt)
	}{
		{name: "URL", cfg: RedisConfig{URL: "redis://user:pw@db.internal:6380/2"}, check: func(t *testing.T, o asynq.RedisConnOpt) {
			c := o.(asynq.RedisClientOpt)
			if c.Addr != "db.internal:6380" || c.DB != 2 || c.Username != "user" || c.Password != "pw" || c.TLSConfig != nil {
				t.Fatalf("%+v", c)
			}
		}},
		{name: "TLS", cfg: RedisConfig{URL: "rediss://cache.example.com:6379"}, check: func(t *testing.T, o asynq.RedisConnOpt) {
			c := o.(asynq.RedisClientOpt)
			if c.TLSConfig == nil || c.TLSConfig.ServerName != "cache.example.com" {
				t.Fatalf("TLS config %+v", c.TLSConfig)
			}
		}},
		{name: "Sentinel", cfg: RedisConfig{Sentinel: SentinelConfig{MasterName: "mymaster", Addrs: []string{"s1:26379", "s2:26379"}}}, check: func(t *testing.T, o asynq.RedisConnOpt) {
			if c := o.(asynq.RedisFailoverClientOpt); c.MasterName != "mymaster" || len(c.SentinelAddrs) != 2 {
				t.Fatalf("%+v", c)
			}
		}},
		{name: "Cluster", cfg: RedisConfig{Cluster: ClusterConfig{Addrs: []string{"n1:6379", "n2:6379"}}}, check: func(t *testing.T, o asynq.RedisConnOpt) {
			if c := o.(asynq.RedisClusterClientOpt); len(c.Addrs) != 2 {
				t.Fatalf("%+v", c)
			}
		}},
		{name: "BadScheme", cfg: RedisConfig{URL: "http://x"}, wantErr: "scheme"},
		{name: "Nothing", cfg: RedisConfig{}, wantErr: "set one of"},
		{name: "Two", cfg: RedisConfig{URL: "redis://x", Cluster: ClusterConfig{Addrs: []string{"a"}}}, wantErr: "only one"},
		{name: "SentinelWithoutMaster", cfg: RedisConfig{Sentinel: SentinelConfig{Addrs: []string{"a"}}}, wantErr: "master_name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := c.cfg.ConnOpt()
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, o)
		})
	}
}

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	err := Config{Queues: map[string]int{"critical": 1, "urgent": 2}}.WithDefaults().Validate()
	if err == nil || !strings.Contains(err.Error(), `unknown queue "urgent"`) {
		t.Fatalf("err = %v", err)
	}
	if err := (Config{}).WithDefaults().Validate(); err != nil {
		t.Fatal(err)
	}
}
