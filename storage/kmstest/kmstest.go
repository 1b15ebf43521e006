// Package kmstest is a test server that speaks the AWS KMS JSON wire
// protocol (awsJson1_1, X-Amz-Target: TrentService.*) for GenerateDataKey,
// Decrypt and Encrypt, so the KMS KeyManager is exercised through the real
// aws-sdk-go-v2 client: request signing, serialization, error shapes.
//
// It is a test double, not a KMS: its keys live in memory and its
// ciphertext format is its own.
package kmstest

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Server is a KMS wire-protocol test server.
type Server struct {
	*httptest.Server

	mu       sync.Mutex
	keys     map[string][]byte // key ARN -> root key
	disabled map[string]bool

	// Calls counts requests by operation name.
	calls sync.Map // string -> *atomic.Int64
}

// KeyARN is the ARN of the key NewServer creates.
const KeyARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// NewServer starts a server with one enabled key, KeyARN (also reachable
// as "alias/clinscribe").
func NewServer() *Server {
	s := &Server{keys: map[string][]byte{}, disabled: map[string]bool{}}
	root := make([]byte, 32)
	_, _ = rand.Read(root)
	s.keys[KeyARN] = root
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	return s
}

// Disable makes every operation on the key fail with DisabledException.
func (s *Server) Disable(disabled bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.disabled[KeyARN] = disabled
}

// Calls returns how many requests for op (e.g. "GenerateDataKey") arrived.
func (s *Server) Calls(op string) int64 {
	v, ok := s.calls.Load(op)
	if !ok {
		return 0
	}
	return v.(*atomic.Int64).Load()
}

type request struct {
	KeyID             string            `json:"KeyId"`
	KeySpec           string            `json:"KeySpec"`
	NumberOfBytes     int               `json:"NumberOfBytes"`
	EncryptionContext map[string]string `json:"EncryptionContext"`
	CiphertextBlob    []byte            `json:"CiphertextBlob"`
	Plaintext         []byte            `json:"Plaintext"`
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	op, ok := strings.CutPrefix(target, "TrentService.")
	if r.Method != http.MethodPost || !ok {
		fail(w, http.StatusBadRequest, "UnknownOperationException", "unsupported target "+target)
		return
	}
	v, _ := s.calls.LoadOrStore(op, new(atomic.Int64))
	v.(*atomic.Int64).Add(1)
	if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
		fail(w, http.StatusBadRequest, "MissingAuthenticationTokenException", "request is not SigV4-signed")
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-amz-json-1.1" {
		fail(w, http.StatusBadRequest, "SerializationException", "content type "+ct)
		return
	}
	var req request
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		fail(w, http.StatusBadRequest, "SerializationException", err.Error())
		return
	}
	switch op {
	case "GenerateDataKey":
		s.generateDataKey(w, req)
	case "Encrypt":
		s.encrypt(w, req, req.Plaintext)
	case "Decrypt":
		s.decrypt(w, req)
	default:
		fail(w, http.StatusBadRequest, "UnknownOperationException", "unsupported operation "+op)
	}
}

func (s *Server) resolve(w http.ResponseWriter, keyID string) (string, []byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	arn := keyID
	if keyID == "alias/clinscribe" || keyID == "1234abcd-12ab-34cd-56ef-1234567890ab" {
		arn = KeyARN
	}
	root, ok := s.keys[arn]
	if !ok {
		fail(w, http.StatusBadRequest, "NotFoundException", "key "+keyID+" does not exist")
		return "", nil, false
	}
	if s.disabled[arn] {
		fail(w, http.StatusBadRequest, "DisabledException", "key "+arn+" is disabled")
		return "", nil, false
	}
	return arn, root, true
}

func (s *Server) generateDataKey(w http.ResponseWriter, req request) {
	n := req.NumberOfBytes
	switch {
	case req.KeySpec == "AES_256":
		n = 32
	case req.KeySpec == "AES_128":
		n = 16
	case n < 1 || n > 1024:
		fail(w, http.StatusBadRequest, "ValidationException", "KeySpec or NumberOfBytes required")
		return
	}
	plain := make([]byte, n)
	_, _ = rand.Read(plain)
	s.encrypt(w, req, plain)
}

func (s *Server) encrypt(w http.ResponseWriter, req request, plain []byte) {
	arn, root, ok := s.resolve(w, req.KeyID)
	if !ok {
		return
	}
	gcm := aead(root)
	nonce := make([]byte, gcm.NonceSize())
	_, _ = rand.Read(nonce)
	// blob = u16 len(arn) | arn | nonce | sealed
	blob := binary.BigEndian.AppendUint16(nil, uint16(len(arn)))
	blob = append(blob, arn...)
	blob = append(blob, nonce...)
	blob = gcm.Seal(blob, nonce, plain, contextAAD(req.EncryptionContext))
	reply(w, map[string]any{"CiphertextBlob": blob, "Plaintext": plain, "KeyId": arn})
}

func (s *Server) decrypt(w http.ResponseWriter, req request) {
	blob := req.CiphertextBlob
	if len(blob) < 2 || len(blob) < 2+int(binary.BigEndian.Uint16(blob)) {
		fail(w, http.StatusBadRequest, "InvalidCiphertextException", "malformed ciphertext")
		return
	}
	l := int(binary.BigEndian.Uint16(blob))
	arn := string(blob[2 : 2+l])
	if req.KeyID != "" {
		if want, _, ok := s.resolve(w, req.KeyID); !ok {
			return
		} else if want != arn {
			fail(w, http.StatusBadRequest, "IncorrectKeyException", "ciphertext was not encrypted under "+req.KeyID)
			return
		}
	}
	_, root, ok := s.resolve(w, arn)
	if !ok {
		return
	}
	gcm := aead(root)
	rest := blob[2+l:]
	if len(rest) < gcm.NonceSize()+gcm.Overhead() {
		fail(w, http.StatusBadRequest, "InvalidCiphertextException", "malformed ciphertext")
		return
	}
	plain, err := gcm.Open(nil, rest[:gcm.NonceSize()], rest[gcm.NonceSize():], contextAAD(req.EncryptionContext))
	if err != nil {
		fail(w, http.StatusBadRequest, "InvalidCiphertextException", "ciphertext or encryption context does not match")
		return
	}
	reply(w, map[string]any{"Plaintext": plain, "KeyId": arn, "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"})
}

func aead(key []byte) cipher.AEAD {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return gcm
}

func contextAAD(ec map[string]string) []byte {
	keys := make([]string, 0, len(ec))
	for k := range ec {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b []byte
	for _, k := range keys {
		b = fmt.Appendf(b, "%d:%s=%d:%s;", len(k), k, len(ec[k]), ec[k])
	}
	return b
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", code)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": msg})
}
