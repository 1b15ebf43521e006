// Package pseudonym turns the platform's patient identifier (often an MRN,
// which is PHI) into the pseudonymous patient reference used in audit
// entries, logs, tokens and indexes: "pt_" + HMAC-SHA256 under a random
// secret kept encrypted in storage. The same patient always gets the same
// reference, so "who accessed my data" can be answered, but a reference
// reveals nothing without the secret. The same secret keys other
// fingerprints that must not be reversible (idempotency records).
package pseudonym

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/storage"
)

// Keeper holds the pseudonym secret.
type Keeper struct {
	vault *storage.Vault

	mu  sync.Mutex
	key []byte
}

// New returns a Keeper over the vault; the secret is created on first use.
func New(vault *storage.Vault) *Keeper { return &Keeper{vault: vault} }

func (k *Keeper) secret(ctx context.Context) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.key != nil {
		return k.key, nil
	}
	key, err := k.vault.GetBytes(ctx, encounter.PseudonymSecretKey)
	if errors.Is(err, storage.ErrNotFound) {
		fresh := make([]byte, 32)
		_, _ = rand.Read(fresh)
		err = k.vault.PutBytes(ctx, encounter.PseudonymSecretKey, fresh, storage.CreateOnly)
		switch {
		case err == nil:
			key = fresh
		case errors.Is(err, storage.ErrExists): // another process won the race
			key, err = k.vault.GetBytes(ctx, encounter.PseudonymSecretKey)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("pseudonym: secret: %w", err)
	}
	k.key = key
	return key, nil
}

// Encoding is the lower-case base32 alphabet of references and tags.
var Encoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// PatientRef returns the pseudonymous reference of a platform patient ID.
func (k *Keeper) PatientRef(ctx context.Context, patientID string) (string, error) {
	sum, err := k.MAC(ctx, "clinscribe/patient/v1", patientID)
	if err != nil {
		return "", err
	}
	return "pt_" + strings.ToLower(Encoding.EncodeToString(sum[:15])), nil
}

// MAC returns HMAC-SHA256 under the secret of a domain label and parts,
// each part NUL-separated so no two inputs collide.
func (k *Keeper) MAC(ctx context.Context, domain string, parts ...string) ([]byte, error) {
	key, err := k.secret(ctx)
	if err != nil {
		return nil, err
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(domain))
	for _, p := range parts {
		m.Write([]byte{0})
		m.Write([]byte(p))
	}
	return m.Sum(nil), nil
}
