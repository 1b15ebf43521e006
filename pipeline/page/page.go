// Package page cuts key-ordered listings (worklists, the webhook delivery
// log) into pages with opaque cursors.
//
// A cursor names the last entry a page showed — an index entry
// ("<time>_<id>", IDs and times only, never content) — and a fingerprint of
// the query it belongs to, so a cursor handed to another query (another
// caller, other filters) is refused instead of silently skipping entries.
// It is base64url, so it travels in a URL unchanged; the URL still carries
// nothing but times and opaque IDs.
package page

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sort"
	"strings"
)

// ErrBadCursor means a cursor is malformed or belongs to another query.
var ErrBadCursor = errors.New("page: the cursor is malformed or belongs to another query")

// Limits on a page's size.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

type cursor struct {
	After string `json:"a"`
	Query string `json:"q"`
}

// Fingerprint is a short hash of the parts that define a query.
func Fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Encode makes the cursor that continues query after entry.
func Encode(after, query string) string {
	b, _ := json.Marshal(cursor{After: after, Query: query})
	return base64.RawURLEncoding.EncodeToString(b)
}

// Decode returns the entry a cursor continues after; "" for an empty
// cursor (the first page).
func Decode(c, query string) (string, error) {
	if c == "" {
		return "", nil
	}
	if len(c) > 1024 {
		return "", ErrBadCursor
	}
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", ErrBadCursor
	}
	var cur cursor
	if err := json.Unmarshal(raw, &cur); err != nil || cur.After == "" || cur.Query != query {
		return "", ErrBadCursor
	}
	return cur.After, nil
}

// Entry is the last path segment of a key: what entries are ordered by.
func Entry(key string) string { return key[strings.LastIndex(key, "/")+1:] }

// Order sorts keys by their entry, oldest first or (desc) newest first,
// and drops every key up to and including after.
func Order(keys []string, after string, desc bool) []string {
	sort.SliceStable(keys, func(i, j int) bool {
		if desc {
			return Entry(keys[i]) > Entry(keys[j])
		}
		return Entry(keys[i]) < Entry(keys[j])
	})
	if after == "" {
		return keys
	}
	i := sort.Search(len(keys), func(i int) bool {
		if desc {
			return Entry(keys[i]) < after
		}
		return Entry(keys[i]) > after
	})
	return keys[i:]
}

// Limit clamps a requested page size: zero means DefaultLimit.
func Limit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}
