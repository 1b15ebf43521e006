// Package phi keeps protected health information out of the places that
// are not encrypted storage: logs, error strings that asynq stores in Redis,
// metrics labels and audit entries.
//
// It works by construction rather than by scanning:
//
//   - Error carries a stable Code and a message built only from constants,
//     numbers and opaque IDs. Safe turns any error into one: an Error passes
//     through, anything else (a library's message might quote content) is
//     reduced to its Go type names.
//   - NewLogHandler wraps a slog.Handler and lets string values through only
//     under allowlisted keys (IDs, codes, stage names); every other string is
//     replaced by its length. Errors are logged through Safe.
//   - Text marks a PHI-bearing string; it prints and logs as a redaction.
package phi
