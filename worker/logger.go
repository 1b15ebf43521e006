package worker

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"
)

// asynqLogger routes asynq's own log lines into slog. asynq formats its
// messages itself; they hold task IDs, queue names and Redis errors, and
// the handler errors it repeats have already been made safe. While Redis
// is unreachable asynq repeats the same few lines several times a second
// from every goroutine; a repeatLimiter lets each through once per window
// and counts the rest.
type asynqLogger struct {
	log *slog.Logger
	lim *repeatLimiter
}

func newAsynqLogger(log *slog.Logger) asynqLogger {
	return asynqLogger{log: log, lim: newRepeatLimiter(10*time.Second, time.Now)}
}

func (l asynqLogger) emit(level slog.Level, msg string) {
	ok, suppressed := l.lim.allow(msg)
	if !ok {
		return
	}
	attrs := []any{"component", "asynq"}
	if suppressed > 0 {
		attrs = append(attrs, "repeated", suppressed)
	}
	l.log.Log(context.Background(), level, msg, attrs...)
}

func (l asynqLogger) Debug(args ...any) { l.log.Debug(fmt.Sprint(args...), "component", "asynq") }
func (l asynqLogger) Info(args ...any)  { l.emit(slog.LevelInfo, fmt.Sprint(args...)) }
func (l asynqLogger) Warn(args ...any)  { l.emit(slog.LevelWarn, fmt.Sprint(args...)) }
func (l asynqLogger) Error(args ...any) { l.emit(slog.LevelError, fmt.Sprint(args...)) }
func (l asynqLogger) Fatal(args ...any) {
	l.log.Error(fmt.Sprint(args...), "component", "asynq")
	os.Exit(1)
}

// RedisLogger routes go-redis's own log lines (connection pool and
// failover messages, which it otherwise prints as plain text on stderr)
// into slog: pass it to redis.SetLogger once at start. Its lines are free
// text formatted by go-redis; what is kept is their kind and the Redis
// address they name — infrastructure, never content — and a line
// repeated within 10 s is counted instead of written.
func RedisLogger(log *slog.Logger) interface {
	Printf(ctx context.Context, format string, v ...any)
} {
	return &redisLogger{log: log, lim: newRepeatLimiter(10*time.Second, time.Now)}
}

type redisLogger struct {
	log *slog.Logger
	lim *repeatLimiter
}

var redisAddrRE = regexp.MustCompile(`(?:[A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):[0-9]{1,5}`)

// redisKinds maps go-redis's message texts to a reason code.
var redisKinds = []struct{ substr, reason string }{
	{"failed to dial", "dial_failed"},
	{"connection refused", "connection_refused"},
	{"i/o timeout", "timeout"},
	{"sentinel", "sentinel"},
	{"discarding bad PubSub connection", "pubsub_reconnect"},
	{"auto mode fallback", "protocol_fallback"},
	{"connection pool", "pool"},
}

func (l *redisLogger) Printf(_ context.Context, format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	reason := "other"
	for _, k := range redisKinds {
		if strings.Contains(msg, k.substr) {
			reason = k.reason
			break
		}
	}
	addr := redisAddrRE.FindString(msg)
	ok, suppressed := l.lim.allow(reason + " " + addr)
	if !ok {
		return
	}
	attrs := []any{"component", "redis", "reason", reason, "addr", addr}
	if suppressed > 0 {
		attrs = append(attrs, "repeated", suppressed)
	}
	l.log.Warn("redis client", attrs...)
}

// repeatLimiter lets a line through once per window and counts the
// repeats it held back, which the next line through reports.
type repeatLimiter struct {
	window time.Duration
	now    func() time.Time

	mu   sync.Mutex
	seen map[string]*repeat
}

type repeat struct {
	last       time.Time
	suppressed int
}

func newRepeatLimiter(window time.Duration, now func() time.Time) *repeatLimiter {
	return &repeatLimiter{window: window, now: now, seen: map[string]*repeat{}}
}

// digitsRE: lines that differ only in numbers (IDs, counts, ports of
// ephemeral sockets) are one line.
var digitsRE = regexp.MustCompile(`[0-9]+`)

func (r *repeatLimiter) allow(line string) (ok bool, suppressed int) {
	key := digitsRE.ReplaceAllString(line, "#")
	now := r.now()
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.seen[key]
	if s != nil && now.Sub(s.last) < r.window {
		s.suppressed++
		return false, 0
	}
	if s == nil {
		if len(r.seen) >= 1000 { // bounded: forget everything rather than grow
			clear(r.seen)
		}
		s = &repeat{}
		r.seen[key] = s
	}
	suppressed, s.suppressed, s.last = s.suppressed, 0, now
	return true, suppressed
}
