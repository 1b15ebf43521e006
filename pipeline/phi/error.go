package phi

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Code classifies a failure. Codes are stable: they appear in stored stage
// status, in Redis (asynq's last error) and in the audit trail.
type Code string

// Codes used across the pipeline.
const (
	CodeInternal           Code = "internal"
	CodeInvalidInput       Code = "invalid_input"
	CodeEmptyInput         Code = "empty_input"
	CodeNotUTF8            Code = "not_utf8"
	CodeTooLarge           Code = "too_large"
	CodeUnsupportedType    Code = "unsupported_content_type"
	CodeSidecarInvalid     Code = "sidecar_invalid"
	CodeSidecarMismatch    Code = "sidecar_mismatch" // the sidecar's cues run past the end of the recording
	CodeAudioInvalid       Code = "audio_invalid"
	CodeNoSpeech           Code = "no_speech"
	CodeNotConfigured      Code = "provider_not_configured"
	CodeNotAttested        Code = "provider_not_attested"
	CodeConsentDenied      Code = "consent_denied"
	CodeProviderError      Code = "provider_error"
	CodeProviderRejected   Code = "provider_rejected"
	CodeOutputInvalid      Code = "output_invalid"
	CodeAuditUnavailable   Code = "audit_unavailable"
	CodeStorage            Code = "storage"
	CodeNotFound           Code = "not_found"
	CodeCanceled           Code = "canceled"
	CodeTimeout            Code = "timeout"
	CodeRateLimited        Code = "rate_limited"
	CodeConflict           Code = "conflict"
	CodeForbidden          Code = "forbidden"
	CodeUnauthenticated    Code = "unauthenticated"
	CodeLegalHold          Code = "legal_hold"
	CodeRetentionFloor     Code = "retention_floor"
	CodeProviderOverloaded Code = "provider_overloaded"
)

// Error is an error whose message is safe to store and log. Msg must be
// built only from constants, numbers and opaque IDs — never from content or
// from another error's message. Permanent errors are not worth retrying.
type Error struct {
	Code      Code
	Msg       string
	Permanent bool
	cause     error
}

func (e *Error) Error() string {
	if e.Msg == "" {
		return string(e.Code)
	}
	return string(e.Code) + ": " + e.Msg
}

// Unwrap exposes the cause to errors.Is/As; the cause's text is never part
// of Error().
func (e *Error) Unwrap() error { return e.cause }

// Errorf returns a retryable Error. format and args must not carry PHI.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// Permanentf returns an Error that is not retried.
func Permanentf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...), Permanent: true}
}

// Wrap returns an Error with a safe message and cause; cause stays
// reachable with errors.Is/As but never shows in the message.
func Wrap(cause error, code Code, msg string) *Error {
	return &Error{Code: code, Msg: msg, cause: cause}
}

// WrapPermanent is Wrap for a failure that retrying cannot fix.
func WrapPermanent(cause error, code Code, msg string) *Error {
	return &Error{Code: code, Msg: msg, cause: cause, Permanent: true}
}

// IsPermanent reports whether err is (or wraps) a permanent Error.
func IsPermanent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Permanent
}

// CodeOf returns the Code of the first Error in err's chain, CodeCanceled
// or CodeTimeout for context errors, and CodeInternal otherwise.
func CodeOf(err error) Code {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, context.Canceled):
		return CodeCanceled
	case errors.Is(err, context.DeadlineExceeded):
		return CodeTimeout
	}
	return CodeInternal
}

// Safe returns err as an *Error whose message is safe to store. An Error in
// the chain is returned as is; otherwise the message is replaced by the
// chain of Go types, which tells an operator where it came from without
// repeating text that might quote content.
func Safe(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	code := CodeOf(err)
	return &Error{Code: code, Msg: "unclassified error (" + TypeChain(err) + ")", cause: err}
}

// TypeChain names the dynamic types along err's wrap chain, e.g.
// "*fmt.wrapError > *fs.PathError > syscall.Errno".
func TypeChain(err error) string {
	var names []string
	for i := 0; err != nil && i < 8; i++ {
		names = append(names, reflect.TypeOf(err).String())
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			errs := u.Unwrap()
			if len(errs) == 0 {
				err = nil
			} else {
				err = errs[0]
			}
		default:
			err = nil
		}
	}
	return strings.Join(names, " > ")
}
