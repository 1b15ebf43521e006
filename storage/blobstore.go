package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Sentinel errors shared by every Blobstore implementation; match them with
// errors.Is.
var (
	// ErrNotFound means no object exists under the key.
	ErrNotFound = errors.New("storage: object not found")
	// ErrExists means a CreateOnly write found an object already there.
	ErrExists = errors.New("storage: object already exists")
	// ErrInvalidKey means the key is not a valid object key (see ValidKey).
	ErrInvalidKey = errors.New("storage: invalid object key")
)

// WriteMode says what Put does when an object already exists under the key.
type WriteMode int

const (
	// Overwrite replaces any existing object atomically: readers see the old
	// object or the new one, never a mix.
	Overwrite WriteMode = iota
	// CreateOnly fails with ErrExists if an object exists. Writers racing on
	// the same key: exactly one succeeds. Records that must never be written
	// twice (a draft version, a transcript) use it.
	CreateOnly
	// OverwriteNameFirst is Overwrite for an object whose readers take it
	// being unreadable as a state it can be in (an encounter's open marker:
	// an unreadable one is handled as an old one). Other processes see it
	// whole as soon as its content is written, before that content is
	// durable, and Put returns once both are; a power loss before that can
	// leave the name with no or part of its content, never with another
	// object's. On the local store it costs one flush instead of two; other
	// stores treat it as Overwrite.
	OverwriteNameFirst
)

// Blobstore stores opaque bytes under keys. Implementations are safe for
// concurrent use by several goroutines and several processes.
type Blobstore interface {
	// Put stores the whole of body under key according to mode. The object
	// becomes visible only once it is completely and durably written.
	Put(ctx context.Context, key string, body io.Reader, mode WriteMode) error
	// Get opens the object under key; the caller closes it. ErrNotFound if
	// there is none.
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	// Delete removes the object under key; deleting a missing object is not
	// an error.
	Delete(ctx context.Context, key string) error
	// List returns the keys that start with prefix, in lexical order.
	List(ctx context.Context, prefix string) ([]string, error)
}

// MaxKeyLen bounds object keys; S3 allows 1024 bytes, we stay well below.
const MaxKeyLen = 512

// ValidKey reports an error wrapping ErrInvalidKey unless key is a
// slash-separated path of segments made of letters, digits, '.', '_' and '-',
// each starting with a letter or digit. That excludes path traversal,
// absolute paths and empty segments on every backend.
//
// A key segment starts with a letter or digit, so "." and ".." and hidden
// temp files can never be keys. (Checked byte by byte: every Put and Get
// checks its key, and a regular expression was a visible share of a
// pipeline stage's CPU; TestValidKeyMatchesGrammar holds it to the grammar
// ^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$.)
func ValidKey(key string) error {
	if len(key) == 0 || len(key) > MaxKeyLen || !keyGrammar(key) {
		return fmt.Errorf("%w (want segments of [A-Za-z0-9._-] starting with a letter or digit, at most %d bytes)", ErrInvalidKey, MaxKeyLen)
	}
	return nil
}

func keyGrammar(key string) bool {
	segStart := true
	for i := 0; i < len(key); i++ {
		c := key[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		switch {
		case segStart:
			if !alnum {
				return false
			}
			segStart = false
		case c == '/':
			segStart = true
		case !alnum && c != '.' && c != '_' && c != '-':
			return false
		}
	}
	return !segStart
}

// validPrefix accepts "" or a key, optionally ending in "/".
func validPrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	return ValidKey(strings.TrimSuffix(prefix, "/"))
}

// ReadAll reads the object under key into memory; for small records.
func ReadAll(ctx context.Context, bs Blobstore, key string) ([]byte, error) {
	rc, err := bs.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
