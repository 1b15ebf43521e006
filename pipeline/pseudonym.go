package pipeline

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"sync"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/storage"
)

// pseudonymKeyObject holds the secret behind patient pseudonyms, encrypted
// like everything else.
const pseudonymKeyObject = "system/pseudonym-key"

// pseudonymizer turns the platform's patient identifier (often an MRN, which
// is PHI) into the pseudonymous patient reference used in audit entries,
// logs and task-free indexes: "pt_" + HMAC-SHA256 under a random secret.
// The same patient always gets the same reference, so "who accessed my
// data" can be answered, but the reference reveals nothing without the key.
type pseudonymizer struct {
	vault *storage.Vault
	once  sync.Mutex
	key   []byte
}

func (p *pseudonymizer) secret(ctx context.Context) ([]byte, error) {
	p.once.Lock()
	defer p.once.Unlock()
	if p.key != nil {
		return p.key, nil
	}
	key, err := p.vault.GetBytes(ctx, pseudonymKeyObject)
	if errors.Is(err, storage.ErrNotFound) {
		fresh := make([]byte, 32)
		_, _ = rand.Read(fresh)
		err = p.vault.PutBytes(ctx, pseudonymKeyObject, fresh, storage.CreateOnly)
		switch {
		case err == nil:
			key = fresh
		case errors.Is(err, storage.ErrExists): // another process won the race
			key, err = p.vault.GetBytes(ctx, pseudonymKeyObject)
		}
	}
	if err != nil {
		return nil, err
	}
	p.key = key
	return key, nil
}

var refEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

func (p *pseudonymizer) ref(ctx context.Context, patientID string) (string, error) {
	key, err := p.secret(ctx)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte("clinscribe/patient/v1\x00"))
	m.Write([]byte(patientID))
	return "pt_" + strings.ToLower(refEncoding.EncodeToString(m.Sum(nil)[:15])), nil
}

// PatientRef returns the pseudonymous reference of a platform patient ID.
func (p *Pipeline) PatientRef(ctx context.Context, patientID string) (string, error) {
	return p.pseudo.ref(ctx, patientID)
}

func hashSegments(segs []encounter.Segment) string {
	b, _ := json.Marshal(segs)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
