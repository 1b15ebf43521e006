// Package redistest gives tests a real Redis server. It uses REDIS_URL when
// set; otherwise it starts redis-server on a free port with its data in a
// temporary directory, and stops it when the test ends. If neither works
// the test fails with the reason — it never skips, because integration
// tests that silently do not run prove nothing.
//
// Tests sharing the REDIS_URL server stay apart: each claims a database
// (1-15) of its own for its duration — asynq's keys do not include a
// namespace — and flushes it first. Tests that stop, restart or flush the
// whole server ask for their own (Options.Own).
package redistest

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Server is a Redis server for a test.
type Server struct {
	URL  string // redis://127.0.0.1:port/db
	Addr string
	Dir  string // data directory when started here, "" for REDIS_URL
	cmd  *exec.Cmd
	exit chan struct{}
	args []string
}

// Options tune Start.
type Options struct {
	// AppendOnly turns on AOF persistence (appendfsync always), for tests
	// that restart Redis and expect tasks to survive.
	AppendOnly bool
	// Own forces a private server even when REDIS_URL is set, for tests
	// that stop or flush it.
	Own bool
}

// Start returns a Redis for the test; see the package doc.
func Start(t testing.TB) *Server { return StartWith(t, Options{}) }

// StartWith is Start with options.
func StartWith(t testing.TB, opts Options) *Server {
	t.Helper()
	if u := os.Getenv("REDIS_URL"); u != "" && !opts.Own && !opts.AppendOnly {
		return shared(t, u)
	}
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Fatalf("redistest: the integration tests need Redis: set REDIS_URL or install redis-server " +
			"(apt-get install redis-server; .ci/run does this)")
	}
	dir := t.TempDir()
	port, err := freePort()
	if err != nil {
		t.Fatalf("redistest: %v", err)
	}
	s := &Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), Dir: dir}
	s.URL = "redis://" + s.Addr + "/0"
	s.args = []string{"--bind", "127.0.0.1", "--port", fmt.Sprint(port), "--dir", dir,
		"--save", "", "--protected-mode", "yes", "--maxmemory-policy", "noeviction", "--daemonize", "no"}
	if opts.AppendOnly {
		s.args = append(s.args, "--appendonly", "yes", "--appendfsync", "always")
	} else {
		s.args = append(s.args, "--appendonly", "no")
	}
	s.start(t, bin)
	t.Cleanup(func() { s.kill() })
	return s
}

func (s *Server) start(t testing.TB, bin string) {
	t.Helper()
	s.cmd = exec.Command(bin, s.args...)
	logf, err := os.Create(filepath.Join(s.Dir, "redis.log"))
	if err != nil {
		t.Fatalf("redistest: %v", err)
	}
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("redistest: start redis-server: %v", err)
	}
	s.exit = make(chan struct{})
	go func() { _ = s.cmd.Wait(); logf.Close(); close(s.exit) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if s.ping() == nil {
			return
		}
		select {
		case <-s.exit:
			t.Fatalf("redistest: redis-server exited at start:\n%s", tail(filepath.Join(s.Dir, "redis.log")))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("redistest: redis-server not ready within 10s:\n%s", tail(filepath.Join(s.Dir, "redis.log")))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *Server) ping() error {
	c := redis.NewClient(&redis.Options{Addr: s.Addr, DialTimeout: 200 * time.Millisecond})
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	return c.Ping(ctx).Err()
}

func (s *Server) kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		<-s.exit
		s.cmd = nil
	}
}

// Stop kills the server (it must be one Start started).
func (s *Server) Stop(t testing.TB) {
	t.Helper()
	if s.Dir == "" {
		t.Fatal("redistest: Stop needs a server started by the test (Options.Own)")
	}
	s.kill()
}

// Restart starts the stopped server again on the same port and data
// directory (with AppendOnly, the data comes back).
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Fatal(err)
	}
	s.start(t, bin)
}

// Client returns a go-redis client on the test's database; closed at
// cleanup.
func (s *Server) Client(t testing.TB) *redis.Client {
	o, err := redis.ParseURL(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(o)
	t.Cleanup(func() { c.Close() })
	return c
}

// Dump returns every key and a rendering of its value, for tests that scan
// Redis for content that must not be there.
func (s *Server) Dump(t testing.TB) map[string]string {
	t.Helper()
	c := s.Client(t)
	ctx := context.Background()
	out := map[string]string{}
	iter := c.Scan(ctx, 0, "*", 1000).Iterator()
	for iter.Next(ctx) {
		k := iter.Val()
		typ, err := c.Type(ctx, k).Result()
		if err != nil {
			t.Fatal(err)
		}
		var v any
		switch typ {
		case "string":
			v, err = c.Get(ctx, k).Result()
		case "list":
			v, err = c.LRange(ctx, k, 0, -1).Result()
		case "set":
			v, err = c.SMembers(ctx, k).Result()
		case "zset":
			v, err = c.ZRangeWithScores(ctx, k, 0, -1).Result()
		case "hash":
			v, err = c.HGetAll(ctx, k).Result()
		case "stream":
			v, err = c.XRange(ctx, k, "-", "+").Result()
		default:
			v = "(" + typ + ")"
		}
		if err != nil && err != redis.Nil {
			t.Fatalf("redistest: dump %s: %v", k, err)
		}
		out[k] = fmt.Sprint(v)
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// shared claims a free database on the REDIS_URL server.
func shared(t testing.TB, u string) *Server {
	t.Helper()
	o, err := redis.ParseURL(u)
	if err != nil {
		t.Fatalf("redistest: REDIS_URL: %v", err)
	}
	o.DB = 0
	admin := redis.NewClient(o)
	defer admin.Close()
	ctx := context.Background()
	owner := fmt.Sprintf("%d-%s-%d", os.Getpid(), t.Name(), time.Now().UnixNano())
	deadline := time.Now().Add(2 * time.Minute)
	for {
		for db := 1; db <= 15; db++ {
			key := fmt.Sprintf("clinscribe:redistest:db:%d", db)
			ok, err := admin.SetNX(ctx, key, owner, 10*time.Minute).Result()
			if err != nil {
				t.Fatalf("redistest: REDIS_URL %s unreachable: %v", o.Addr, err)
			}
			if !ok {
				continue
			}
			t.Cleanup(func() {
				c := redis.NewClient(o)
				defer c.Close()
				if v, _ := c.Get(ctx, key).Result(); v == owner {
					c.Del(ctx, key)
				}
			})
			do := *o
			do.DB = db
			c := redis.NewClient(&do)
			err = c.FlushDB(ctx).Err()
			c.Close()
			if err != nil {
				t.Fatalf("redistest: flush db %d: %v", db, err)
			}
			return &Server{URL: fmt.Sprintf("redis://%s/%d", o.Addr, db), Addr: o.Addr}
		}
		if time.Now().After(deadline) {
			t.Fatal("redistest: no free database on the REDIS_URL server for 2 minutes")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func tail(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) > 20 {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}
