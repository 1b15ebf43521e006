// Package idempotency makes a client's retries of a submission safe: a
// submission sent again with the same Idempotency-Key by the same actor
// within Window answers with the encounter the first one created (or
// carries on an attempt that never committed) instead of creating
// another; a key reused for a different submission is refused. Only an
// HMAC of the client's key is stored (index/idempotency/<hmac>), with the
// encounter ID and a fingerprint of the request, encrypted like every
// other object, and the retention sweep deletes records past the window.
package idempotency

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/pseudonym"
	"github.com/clinscribe/clinscribe/storage"
)

// Window is how long an idempotency key is remembered: a submission
// retried with the same key within it is the same submission.
const Window = 24 * time.Hour

// A client's key: printable ASCII, as HTTP headers carry it. It may be
// anything the client chose (an EHR order number, say), so it is never
// stored, logged or sent to Redis; only an HMAC of it is kept.
var keyRE = regexp.MustCompile(`^[\x21-\x7e]{1,255}$`)

// ValidKey reports whether key has the shape of an idempotency key.
func ValidKey(key string) bool { return keyRE.MatchString(key) }

// record binds a client's key to the encounter its first attempt created.
type record struct {
	EncounterID string    `json:"encounter_id"`
	Request     string    `json:"request_sha256"` // what was asked, to refuse a reused key
	Since       time.Time `json:"since"`
}

// Claim is what an idempotency key resolves to.
type Claim struct {
	ID string
	// Replay: the submission was committed before; answer with its ID.
	Replay bool
	// Attempt: an earlier attempt did not commit (it failed, or the
	// process died); this one carries on under the same ID, writing its
	// inputs under this tag. "" for a first attempt.
	Attempt string
}

// Records keeps idempotency records.
type Records struct {
	vault   *storage.Vault
	store   *encounter.Store
	keys    *pseudonym.Keeper
	carryOn time.Duration
	now     func() time.Time
}

// New returns the record store. carryOn is how old an uncommitted attempt
// may be for a retry to carry it on under the same ID (intake passes half
// its submit timeout, after which the reconciler removes uncommitted
// submissions); now is the clock (nil: time.Now).
func New(vault *storage.Vault, store *encounter.Store, keys *pseudonym.Keeper, carryOn time.Duration, now func() time.Time) (*Records, error) {
	if vault == nil || store == nil || keys == nil || carryOn <= 0 {
		return nil, errors.New("idempotency.New: vault, store, pseudonym keys and a positive carry-on time are required")
	}
	if now == nil {
		now = time.Now
	}
	return &Records{vault: vault, store: store, keys: keys, carryOn: carryOn, now: now}, nil
}

func (r *Records) object(ctx context.Context, actor, key string) (string, error) {
	sum, err := r.keys.MAC(ctx, "clinscribe/idempotency/v1", actor, key)
	if err != nil {
		return "", err
	}
	return encounter.IdempotencyKey(hex.EncodeToString(sum[:20])), nil
}

// Claim resolves a submission's idempotency key: a fresh encounter ID,
// the ID of the committed submission it repeats, or the ID of an attempt
// that never committed, to carry on under.
func (r *Records) Claim(ctx context.Context, actor, key, fingerprint string) (Claim, error) {
	obj, err := r.object(ctx, actor, key)
	if err != nil {
		return Claim{}, phi.Wrap(err, phi.CodeStorage, "pseudonym key unavailable")
	}
	now := r.now().UTC()
	fresh := record{EncounterID: encounter.NewID(), Request: fingerprint, Since: now}
	put := func(mode storage.WriteMode) error {
		b, _ := json.Marshal(fresh)
		return r.vault.PutBytes(ctx, obj, b, mode)
	}
	err = put(storage.CreateOnly)
	if err == nil {
		return Claim{ID: fresh.EncounterID}, nil
	}
	if !errors.Is(err, storage.ErrExists) {
		return Claim{}, phi.Wrap(err, phi.CodeStorage, "idempotency key could not be recorded")
	}
	var old record
	b, err := r.vault.GetBytes(ctx, obj)
	if err == nil {
		err = json.Unmarshal(b, &old)
	}
	if err != nil || !encounter.ValidID(old.EncounterID) || now.Sub(old.Since) >= Window {
		// Unreadable or expired: the key starts over.
		if err := put(storage.Overwrite); err != nil {
			return Claim{}, phi.Wrap(err, phi.CodeStorage, "idempotency key could not be recorded")
		}
		return Claim{ID: fresh.EncounterID}, nil
	}
	if old.Request != fresh.Request {
		return Claim{}, phi.Permanentf(phi.CodeConflict, "this Idempotency-Key was used for a different submission in the last %s; use a new key", Window)
	}
	_, err = r.store.Meta(ctx, old.EncounterID)
	switch {
	case err == nil:
		return Claim{ID: old.EncounterID, Replay: true}, nil
	case errors.Is(err, encounter.ErrDeleted):
		return Claim{}, phi.Permanentf(phi.CodeConflict, "the encounter submitted with this Idempotency-Key was deleted")
	case !errors.Is(err, encounter.ErrNotFound):
		return Claim{}, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	if now.Sub(old.Since) < r.carryOn {
		// The reconciler removes an uncommitted submission only after
		// the submit timeout, so this attempt has at least carryOn to commit.
		var tag [5]byte
		_, _ = rand.Read(tag[:])
		return Claim{ID: old.EncounterID, Attempt: "a" + strings.ToLower(pseudonym.Encoding.EncodeToString(tag[:]))}, nil
	}
	if err := put(storage.Overwrite); err != nil {
		return Claim{}, phi.Wrap(err, phi.CodeStorage, "idempotency key could not be recorded")
	}
	return Claim{ID: fresh.EncounterID}, nil
}

// Expire deletes idempotency records older than
// Window: past it a key starts over anyway, and a record holds
// a fingerprint of the request (a hash over the note) that should not
// outlive its purpose, the more so once a patient's record is deleted.
// The retention sweep calls it. A record that cannot be read is left
// alone (a key manager outage must not look like expiry); one that is
// read but malformed is removed, as Claim would replace it.
//
// A record is read twice before it is deleted, so a key reused at that
// very moment (Claim replacing the expired record) keeps its new
// record unless the replacement lands between the second read and the
// delete; the cost of that narrow race is one submission that a retry
// could duplicate, not a lost one.
func (r *Records) Expire(ctx context.Context, now time.Time) (int, error) {
	keys, err := r.vault.List(ctx, encounter.IdempotencyPrefix)
	if err != nil {
		return 0, phi.Wrap(err, phi.CodeStorage, "idempotency records could not be listed")
	}
	expired := func(k string) (bool, error) {
		b, err := r.vault.GetBytes(ctx, k)
		if err != nil {
			return false, err
		}
		var rec record
		if json.Unmarshal(b, &rec) != nil || rec.Since.IsZero() {
			return true, nil
		}
		return now.Sub(rec.Since) >= Window, nil
	}
	n := 0
	var errs []error
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		old, err := expired(k)
		if err == nil && old {
			old, err = expired(k)
		}
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err == nil && old {
			err = r.vault.Delete(ctx, k)
			if err == nil {
				n++
			}
		}
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return n, phi.Wrap(errors.Join(errs...), phi.CodeStorage, fmt.Sprintf("%d idempotency record(s) could not be expired", len(errs)))
	}
	return n, nil
}
