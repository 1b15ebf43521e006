package phi

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
)

// Keys whose string values are opaque IDs, codes or names of the system's
// own parts, and so may appear in logs as they are. Everything else that is
// a string is redacted.
var (
	allowMu   sync.RWMutex
	allowKeys = map[string]bool{
		"encounter": true, "encounter_id": true, "task_id": true, "task_type": true,
		"queue": true, "stage": true, "state": true, "code": true, "kind": true,
		"provider": true, "model": true, "prompt_version": true, "template": true,
		"worker": true, "service": true, "role": true, "actor": true, "patient_ref": true,
		"component": true, "status": true, "method": true, "route": true, "request_id": true,
		"content_type": true, "version": true, "key": true, "call_id": true, "event": true,
		"level": true, "addr": true, "mode": true, "result": true, "reason": true, "op": true,
		"review_id": true, "case_id": true, "config": true, "sink": true, "commit": true,
	}
)

// AllowLogKey lets string values under key through NewLogHandler. Call it
// at init time for keys whose values can only be opaque IDs or codes.
func AllowLogKey(keys ...string) {
	allowMu.Lock()
	defer allowMu.Unlock()
	for _, k := range keys {
		allowKeys[k] = true
	}
}

func allowed(key string) bool {
	allowMu.RLock()
	defer allowMu.RUnlock()
	return allowKeys[key]
}

// NewLogHandler returns a slog.Handler that passes records to next after
// making every attribute safe: strings under keys that are not allowlisted
// become "[redacted N bytes]", errors become Safe(err).Error(), values that
// implement slog.LogValuer are resolved first (so PHI types redact
// themselves), and anything else that is not a number, bool, time or
// duration is redacted.
func NewLogHandler(next slog.Handler) slog.Handler { return &handler{next: next} }

type handler struct {
	next slog.Handler
}

func (h *handler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h *handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(safeAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	safe := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		safe[i] = safeAttr(a)
	}
	return &handler{next: h.next.WithAttrs(safe)}
}

func (h *handler) WithGroup(name string) slog.Handler {
	return &handler{next: h.next.WithGroup(name)}
}

func safeAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindInt64, slog.KindUint64, slog.KindFloat64, slog.KindBool, slog.KindTime:
		return slog.Attr{Key: a.Key, Value: v}
	case slog.KindDuration:
		// "1m0s", not JSON's nanoseconds: a person reads these.
		return slog.String(a.Key, v.Duration().String())
	case slog.KindString:
		if allowed(a.Key) {
			return slog.Attr{Key: a.Key, Value: v}
		}
		return slog.String(a.Key, fmt.Sprintf("[redacted %d bytes]", len(v.String())))
	case slog.KindGroup:
		group := v.Group()
		safe := make([]any, len(group))
		for i, g := range group {
			safe[i] = safeAttr(g)
		}
		return slog.Group(a.Key, safe...)
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, Safe(err).Error())
		}
		if s, ok := v.Any().(fmt.Stringer); ok && isRedaction(s) {
			return slog.String(a.Key, s.String())
		}
	}
	return slog.String(a.Key, "[redacted]")
}

// isRedaction lets this package's own redacting types print themselves.
func isRedaction(s fmt.Stringer) bool {
	_, ok := s.(Text)
	return ok
}
