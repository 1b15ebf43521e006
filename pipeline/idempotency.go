package pipeline

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
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

// IdempotencyWindow is how long an idempotency key is remembered: a
// submission retried with the same key within it is the same submission.
const IdempotencyWindow = 24 * time.Hour

// A client's key: printable ASCII, as HTTP headers carry it. It may be
// anything the client chose (an EHR order number, say), so it is never
// stored, logged or sent to Redis; only an HMAC of it is kept.
var idempotencyKeyRE = regexp.MustCompile(`^[\x21-\x7e]{1,255}$`)

// idempotencyRecord binds a client's key to the encounter its first attempt
// created. It lives outside the encounter's scope, holds no content, and
// is encrypted like every other object.
type idempotencyRecord struct {
	EncounterID string    `json:"encounter_id"`
	Request     string    `json:"request_sha256"` // what was asked, to refuse a reused key
	Since       time.Time `json:"since"`
}

// claim is what an idempotency key resolves to.
type claim struct {
	id string
	// replay: the submission was committed before; answer with its ID.
	replay bool
	// attempt: an earlier attempt did not commit (it failed, or the
	// process died); this one carries on under the same ID, writing its
	// inputs under this tag. "" for a first attempt.
	attempt string
}

func (p *Pipeline) idempotencyObject(ctx context.Context, actor, key string) (string, error) {
	sum, err := p.pseudo.MAC(ctx, "clinscribe/idempotency/v1", actor, key)
	if err != nil {
		return "", err
	}
	return encounter.IdempotencyKey(hex.EncodeToString(sum[:20])), nil
}

// requestHash fingerprints what a submission asks for: its metadata and
// its note or sidecar bytes. A recording is streamed, so its bytes are not
// part of it; a retry is trusted to send the same recording.
func requestHash(req *SubmitRequest, kind encounter.Kind) string {
	h := sha256.New()
	field := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	subj, _ := json.Marshal(req.Subject)
	for _, f := range [][]byte{[]byte(kind), []byte(req.Template), []byte(req.ProviderID), subj,
		[]byte(req.NoteContentType), req.Note, []byte(req.AudioContentType), []byte(req.SidecarContentType), req.Sidecar} {
		field(f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// claimKey resolves a submission's idempotency key: a fresh encounter ID,
// the ID of the committed submission it repeats, or the ID of an attempt
// that never committed, to carry on under.
func (p *Pipeline) claimKey(ctx context.Context, req *SubmitRequest, kind encounter.Kind) (claim, error) {
	obj, err := p.idempotencyObject(ctx, req.Actor, req.IdempotencyKey)
	if err != nil {
		return claim{}, phi.Wrap(err, phi.CodeStorage, "pseudonym key unavailable")
	}
	now := p.now().UTC()
	fresh := idempotencyRecord{EncounterID: encounter.NewID(), Request: requestHash(req, kind), Since: now}
	put := func(mode storage.WriteMode) error {
		b, _ := json.Marshal(fresh)
		return p.vault.PutBytes(ctx, obj, b, mode)
	}
	err = put(storage.CreateOnly)
	if err == nil {
		return claim{id: fresh.EncounterID}, nil
	}
	if !errors.Is(err, storage.ErrExists) {
		return claim{}, phi.Wrap(err, phi.CodeStorage, "idempotency key could not be recorded")
	}
	var old idempotencyRecord
	b, err := p.vault.GetBytes(ctx, obj)
	if err == nil {
		err = json.Unmarshal(b, &old)
	}
	if err != nil || !encounter.ValidID(old.EncounterID) || now.Sub(old.Since) >= IdempotencyWindow {
		// Unreadable or expired: the key starts over.
		if err := put(storage.Overwrite); err != nil {
			return claim{}, phi.Wrap(err, phi.CodeStorage, "idempotency key could not be recorded")
		}
		return claim{id: fresh.EncounterID}, nil
	}
	if old.Request != fresh.Request {
		return claim{}, phi.Permanentf(phi.CodeConflict, "this Idempotency-Key was used for a different submission in the last %s; use a new key", IdempotencyWindow)
	}
	_, err = p.store.Meta(ctx, old.EncounterID)
	switch {
	case err == nil:
		return claim{id: old.EncounterID, replay: true}, nil
	case errors.Is(err, encounter.ErrDeleted):
		return claim{}, phi.Permanentf(phi.CodeConflict, "the encounter submitted with this Idempotency-Key was deleted")
	case !errors.Is(err, encounter.ErrNotFound):
		return claim{}, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	if now.Sub(old.Since) < SubmitTimeout/2 {
		// The reconciler removes an uncommitted submission only after
		// SubmitTimeout, so this attempt has at least half of it to commit.
		var tag [5]byte
		_, _ = rand.Read(tag[:])
		return claim{id: old.EncounterID, attempt: "a" + strings.ToLower(pseudonym.Encoding.EncodeToString(tag[:]))}, nil
	}
	if err := put(storage.Overwrite); err != nil {
		return claim{}, phi.Wrap(err, phi.CodeStorage, "idempotency key could not be recorded")
	}
	return claim{id: fresh.EncounterID}, nil
}

// pruneAttempts removes inputs of earlier attempts of a submission that
// its committed Meta does not name.
func (p *Pipeline) pruneAttempts(ctx context.Context, meta *encounter.Meta) {
	keys, err := p.vault.List(ctx, encounter.InputPrefix(meta.ID))
	if err != nil {
		p.log.Warn("inputs of earlier attempts not pruned", "encounter_id", meta.ID, "error", err)
		return
	}
	named := map[string]bool{}
	for _, in := range meta.Inputs {
		named[in.Key] = true
	}
	for _, k := range keys {
		if !named[k] {
			if err := p.vault.Delete(ctx, k); err != nil {
				p.log.Warn("input of an earlier attempt not pruned", "encounter_id", meta.ID, "error", err)
			}
		}
	}
}

// ExpireIdempotencyKeys deletes idempotency records older than
// IdempotencyWindow: past it a key starts over anyway, and a record holds
// a fingerprint of the request (a hash over the note) that should not
// outlive its purpose, the more so once a patient's record is deleted.
// The retention sweep calls it. A record that cannot be read is left
// alone (a key manager outage must not look like expiry); one that is
// read but malformed is removed, as claimKey would replace it.
//
// A record is read twice before it is deleted, so a key reused at that
// very moment (claimKey replacing the expired record) keeps its new
// record unless the replacement lands between the second read and the
// delete; the cost of that narrow race is one submission that a retry
// could duplicate, not a lost one.
func (p *Pipeline) ExpireIdempotencyKeys(ctx context.Context, now time.Time) (int, error) {
	keys, err := p.vault.List(ctx, encounter.IdempotencyPrefix)
	if err != nil {
		return 0, phi.Wrap(err, phi.CodeStorage, "idempotency records could not be listed")
	}
	expired := func(k string) (bool, error) {
		b, err := p.vault.GetBytes(ctx, k)
		if err != nil {
			return false, err
		}
		var r idempotencyRecord
		if json.Unmarshal(b, &r) != nil || r.Since.IsZero() {
			return true, nil
		}
		return now.Sub(r.Since) >= IdempotencyWindow, nil
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
			err = p.vault.Delete(ctx, k)
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
