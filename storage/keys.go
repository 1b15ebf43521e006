package storage

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// DataKeySize is the size of every data key: AES-256.
const DataKeySize = 32

// ErrKeyUnavailable means a data key cannot be unwrapped: its wrapping key
// is unknown, was destroyed (crypto-shredded), or the wrapped key or its
// context was altered.
var ErrKeyUnavailable = errors.New("storage: data key unavailable")

// KeyContext is bound to a data key when it is wrapped and must be presented
// again to unwrap it (KMS encryption context; additional authenticated data
// locally). Values are opaque IDs, never PHI: KMS logs them in CloudTrail.
type KeyContext map[string]string

// DataKey is a fresh data key and its wrapped form. Plaintext must only ever
// live in memory; Wrapped is stored beside the data it protects.
type DataKey struct {
	Plaintext []byte
	Wrapped   []byte
}

// KeyManager issues data keys and unwraps them. LocalKeys and KMS are roots
// of trust; Keyring layers per-scope keys on top of one of them.
type KeyManager interface {
	// GenerateDataKey returns a fresh 256-bit key bound to kc.
	GenerateDataKey(ctx context.Context, kc KeyContext) (DataKey, error)
	// DecryptDataKey unwraps a key made by GenerateDataKey with the same kc.
	// Errors wrap ErrKeyUnavailable when the key cannot be recovered.
	DecryptDataKey(ctx context.Context, wrapped []byte, kc KeyContext) ([]byte, error)
}

// canonical encodes kc deterministically (sorted, length-prefixed) for use
// as additional authenticated data.
func (kc KeyContext) canonical() []byte {
	keys := make([]string, 0, len(kc))
	for k := range kc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b []byte
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
		b = binary.AppendUvarint(b, uint64(len(kc[k])))
		b = append(b, kc[k]...)
	}
	return b
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// wrapKey seals dek under kek with a random nonce: nonce || ciphertext.
func wrapKey(kek, dek, aad []byte) ([]byte, error) {
	gcm, err := newGCM(kek)
	if err != nil {
		return nil, err
	}
	nonce := randomBytes(gcm.NonceSize())
	return gcm.Seal(nonce, nonce, dek, aad), nil
}

func unwrapKey(kek, wrapped, aad []byte) ([]byte, error) {
	gcm, err := newGCM(kek)
	if err != nil {
		return nil, err
	}
	if len(wrapped) < gcm.NonceSize()+gcm.Overhead() {
		return nil, fmt.Errorf("%w: wrapped key too short", ErrKeyUnavailable)
	}
	n := gcm.NonceSize()
	dek, err := gcm.Open(nil, wrapped[:n], wrapped[n:], aad)
	if err != nil {
		return nil, fmt.Errorf("%w: wrapped key does not authenticate", ErrKeyUnavailable)
	}
	return dek, nil
}
