package phi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"syscall"
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
			msg := Safe(err).Error()
			if c := NetCause(err); c != "" {
				msg += " (cause: " + c + ")"
			}
			return slog.String(a.Key, msg)
		}
		if s, ok := v.Any().(fmt.Stringer); ok && isRedaction(s) {
			return slog.String(a.Key, s.String())
		}
	}
	return slog.String(a.Key, "[redacted]")
}

// NetCause describes the network failure in err's chain, if any, in a
// shape that holds no content: the operation, network and address (of
// Redis, S3, KMS or an AI provider — infrastructure, configured by ops)
// and the system error's name, e.g. "dial tcp 10.0.0.5:6379: connection
// refused". Empty if the chain has no *net.OpError or *net.DNSError. For
// logs only: it is not part of any stored error.
func NetCause(err error) string {
	var op *net.OpError
	if errors.As(err, &op) {
		s := op.Op
		if op.Net != "" {
			s += " " + op.Net
		}
		if op.Addr != nil {
			s += " " + op.Addr.String()
		}
		var errno syscall.Errno
		switch {
		case errors.As(op.Err, &errno):
			s += ": " + errno.Error()
		case op.Timeout():
			s += ": timeout"
		default:
			s += ": " + TypeChain(op.Err)
		}
		return s
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return "lookup " + dns.Name + ": no such host"
		}
		return "lookup " + dns.Name + ": DNS error"
	}
	return ""
}

// isRedaction lets this package's own redacting types print themselves.
func isRedaction(s fmt.Stringer) bool {
	_, ok := s.(Text)
	return ok
}
