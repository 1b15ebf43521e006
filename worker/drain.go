package worker

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Draining a worker makes it stop taking new tasks while the tasks it runs
// finish; the process stays up until it is stopped (SIGTERM), so an
// orchestrator can then remove it without returning work to the queue.
//
// asynq has no remote drain, so clinscribe implements one: `clinscribe ops
// drain` sets the key DrainKey(host, pid) and the worker, which polls for
// its own key, calls asynq's Server.Stop and deletes the key (a restarted
// process is not drained again). The key names the host and PID that asynq
// records for each server, as `clinscribe ops drain` lists them. Sending
// SIGTSTP to the worker process does the same locally.

// DrainKeyPrefix starts every drain request key in Redis.
const DrainKeyPrefix = "clinscribe:ops:drain:"

// DrainKey is the Redis key that asks the worker on host with pid to drain.
func DrainKey(host string, pid int) string {
	return DrainKeyPrefix + host + ":" + strconv.Itoa(pid)
}

// RequestDrain asks a worker to drain. The request expires after ttl if no
// worker picks it up.
func RequestDrain(ctx context.Context, rdb redis.UniversalClient, host string, pid int, ttl time.Duration) error {
	if err := rdb.Set(ctx, DrainKey(host, pid), time.Now().UTC().Format(time.RFC3339), ttl).Err(); err != nil {
		return fmt.Errorf("worker.RequestDrain: %w", err)
	}
	return nil
}

// Drain stops taking new tasks: asynq's Server.Stop. In-flight tasks run
// to completion; Shutdown must still be called before exit.
func (s *Server) Drain() {
	s.drainOnce.Do(func() {
		s.log.Info("draining: no new tasks will be taken; in-flight tasks finish")
		s.draining.Store(true)
		if s.metrics != nil {
			s.metrics.Draining(true)
		}
		s.srv.Stop()
	})
}

// Draining reports whether Drain was called.
func (s *Server) Draining() bool { return s.draining.Load() }

// WatchDrain polls Redis every interval for this process's drain key and
// drains when it appears. It returns when ctx ends.
func (s *Server) WatchDrain(ctx context.Context, rdb redis.UniversalClient, every time.Duration) {
	host, _ := os.Hostname()
	key := DrainKey(host, os.Getpid())
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n, err := rdb.Exists(ctx, key).Result()
		if err != nil || n == 0 {
			continue // Redis down: the next poll tries again
		}
		s.Drain()
		rdb.Del(ctx, key)
		return
	}
}
