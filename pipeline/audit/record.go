package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// FormatVersion is the version of the record and checkpoint formats ("v").
const FormatVersion = 1

// Genesis is the prev hash of the first record of a chain and of the first
// checkpoint.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// Record is one line of a chain: an entry with its place in the chain.
//
// The hash is the SHA-256 of the record's canonical JSON without the hash
// field — the exact bytes of the line up to `,"hash"` closed with `}` —
// so anyone can recompute it (jq -cj 'del(.hash)' | sha256sum). The line
// must be exactly the canonical encoding of its fields: a record that
// parses but is spelled differently has been edited.
type Record struct {
	V     int             `json:"v"`
	Chain string          `json:"chain"`
	Seq   uint64          `json:"seq"`
	Prev  string          `json:"prev"`
	Entry json.RawMessage `json:"entry"`
	Hash  string          `json:"hash"`
}

type recordBody struct {
	V     int             `json:"v"`
	Chain string          `json:"chain"`
	Seq   uint64          `json:"seq"`
	Prev  string          `json:"prev"`
	Entry json.RawMessage `json:"entry"`
}

// chainRE is what a chain ID looks like: <writer>.<start time>.<random>.
var chainRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$`)

// ValidChain reports whether s can name a chain (and so a file or an
// object key segment).
func ValidChain(s string) bool { return chainRE.MatchString(s) }

// encodeRecord returns the line (with its newline) and hash of a record.
func encodeRecord(chain string, seq uint64, prev string, entry []byte) (line []byte, hash string, err error) {
	body, err := json.Marshal(recordBody{V: FormatVersion, Chain: chain, Seq: seq, Prev: prev, Entry: entry})
	if err != nil {
		return nil, "", err
	}
	return sealLine(body)
}

// appendRecord appends to buf the line encodeRecord makes, and returns
// it with the record's hash, without encoding/json: the writer's hot path
// (issue 18: the record's json.Marshal, which re-validated and compacted
// the entry, was a fifth of the audit trail's CPU). Its callers guarantee
// what makes the two encodings the same bytes: chain is ValidChain and
// prev a hash (neither has a byte JSON escapes), and entry is what
// json.Marshal made (compact, HTML-escaped: compacting it again changes
// nothing). TestAppendRecordIsEncodeRecord holds it to encodeRecord.
func appendRecord(buf []byte, chain string, seq uint64, prev string, entry []byte) ([]byte, string) {
	start := len(buf)
	buf = append(buf, `{"v":`...)
	buf = strconv.AppendInt(buf, FormatVersion, 10)
	buf = append(buf, `,"chain":"`...)
	buf = append(buf, chain...)
	buf = append(buf, `","seq":`...)
	buf = strconv.AppendUint(buf, seq, 10)
	buf = append(buf, `,"prev":"`...)
	buf = append(buf, prev...)
	buf = append(buf, `","entry":`...)
	buf = append(buf, entry...)
	buf = append(buf, '}')
	sum := sha256.Sum256(buf[start:])
	buf = buf[:len(buf)-1]
	buf = append(buf, `,"hash":"`...)
	n := len(buf)
	buf = hex.AppendEncode(buf, sum[:])
	hash := string(buf[n:])
	buf = append(buf, "\"}\n"...)
	return buf, hash
}

// sealLine appends the hash of body to it: body is canonical JSON of an
// object, the result is that object with "hash" added last, plus "\n".
func sealLine(body []byte) ([]byte, string, error) {
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	line := make([]byte, 0, len(body)+len(hash)+12)
	line = append(line, body[:len(body)-1]...)
	line = append(line, `,"hash":"`...)
	line = append(line, hash...)
	line = append(line, "\"}\n"...)
	return line, hash, nil
}

// Errors from parseRecord and parseCheckpoint, for Verify to explain.
var (
	errMalformed    = errors.New("not a well-formed record")
	errNotCanonical = errors.New("not in canonical form (the line was edited)")
	errHashMismatch = errors.New("hash does not match the content (the entry was modified)")
)

// parseRecord decodes a line (without its newline) and checks that it is
// canonical and that its hash matches. It returns the record with any
// error, so a caller can still report where a bad record sits.
func parseRecord(line []byte) (*Record, error) {
	var r Record
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("%w: %v", errMalformed, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data", errMalformed)
	}
	if r.V != FormatVersion || !ValidChain(r.Chain) || r.Seq == 0 || !isHash(r.Prev) || !isHash(r.Hash) || len(r.Entry) == 0 {
		return &r, fmt.Errorf("%w: bad v, chain, seq, prev or hash", errMalformed)
	}
	want, hash, err := encodeRecord(r.Chain, r.Seq, r.Prev, r.Entry)
	if err != nil {
		return &r, fmt.Errorf("%w: %v", errMalformed, err)
	}
	if !bytes.Equal(want[:len(want)-1], line) {
		if hash != r.Hash {
			return &r, errHashMismatch
		}
		return &r, errNotCanonical
	}
	if hash != r.Hash {
		return &r, errHashMismatch
	}
	return &r, nil
}

// DecodeEntry returns the record's entry.
func (r *Record) DecodeEntry() (Entry, error) {
	var e Entry
	err := json.Unmarshal(r.Entry, &e)
	return e, err
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
