package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Shredder destroys the key of a crypto-shredding scope.
type Shredder interface {
	Shred(ctx context.Context, scope string) error
}

// LegalHold blocks deletion of an encounter while litigation or an
// investigation needs it. Holds live outside the encounter's scope, so
// shredding cannot remove them.
type LegalHold struct {
	EncounterID string    `json:"encounter_id"`
	Hold        bool      `json:"hold"`
	Reason      string    `json:"reason"` // a case or matter reference code
	SetBy       string    `json:"set_by"`
	At          time.Time `json:"at"`
}

func holdKey(id string) string { return "holds/" + id + ".json" }

// SetLegalHold places or lifts a legal hold (ops only), audited.
func (p *Pipeline) SetLegalHold(ctx context.Context, who Who, id string, hold bool, reason string) (*LegalHold, error) {
	meta, err := p.authorize(ctx, who, access.ActLegalHold, id)
	if err != nil {
		return nil, err
	}
	if !actorRE.MatchString(reason) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "reason must be a matter or case reference code ([A-Za-z0-9._:@-])")
	}
	h := LegalHold{EncounterID: id, Hold: hold, Reason: reason, SetBy: who.ID, At: p.now().UTC()}
	e := who.entry(audit.EventLegalHold, meta)
	e.Result = map[bool]string{true: "hold", false: "release"}[hold]
	e.RequestID = cmpOr(who.RequestID, reason)
	if err := p.record(ctx, e); err != nil {
		return nil, err
	}
	if err := putJSON(ctx, p.vault, holdKey(id), h, storage.Overwrite); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "legal hold could not be stored")
	}
	if hold {
		// See Delete: a deletion already under way may be past its last
		// look at holds. Say so rather than report a hold that protects
		// nothing.
		evs, err := p.store.Events(ctx, id)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable; the hold is stored but unconfirmed")
		}
		if encounter.Deleting(evs) {
			return &h, phi.Permanentf(phi.CodeConflict, "a deletion of encounter %s is under way; the hold is stored but may be too late", id)
		}
	}
	return &h, nil
}

func (p *Pipeline) legalHold(ctx context.Context, id string) (bool, error) {
	var h LegalHold
	err := getJSON(ctx, p.vault, holdKey(id), &h)
	if errors.Is(err, encounter.ErrNotFound) {
		return false, nil
	}
	return h.Hold, err
}

// DeletedObject is one object a deletion destroyed.
type DeletedObject struct {
	Key              string `json:"key"`
	CiphertextSHA256 string `json:"ciphertext_sha256"`
}

// DeletionCertificate proves what was destroyed, when and on whose
// request. It holds IDs and hashes only and is kept (encrypted) after the
// encounter is gone; its hash is in the audit trail.
type DeletionCertificate struct {
	ID            string          `json:"id"`
	EncounterID   string          `json:"encounter_id"`
	PatientRef    string          `json:"patient_ref"`
	RequestedBy   string          `json:"requested_by"`
	Role          string          `json:"role"`
	Reason        string          `json:"reason"`
	At            time.Time       `json:"at"`
	Method        string          `json:"method"`
	KeyScope      string          `json:"key_scope"`
	KeyDestroyed  bool            `json:"key_destroyed"`
	Objects       []DeletedObject `json:"objects"`
	AuditRetained string          `json:"audit_retained"`
	SHA256        string          `json:"sha256,omitempty"` // of the certificate without this field
}

func certificateKey(id string) string { return "certificates/" + id + ".json" }

// Delete destroys an encounter's content: its per-encounter key is shredded
// first (so every copy of its objects, in backups too, becomes
// undecryptable), then the objects are deleted. A legal hold blocks it, as
// does the clinical-record retention floor for signed notes. The audit
// trail is kept: it holds no content. Returns the deletion certificate.
func (p *Pipeline) Delete(ctx context.Context, who Who, id, reason string) (_ *DeletionCertificate, err error) {
	meta, err := p.authorize(ctx, who, access.ActDelete, id)
	if phi.CodeOf(err) == phi.CodeNotFound {
		// A deletion interrupted after the key was destroyed: finish it.
		if cert, rerr := p.resumeDeletion(ctx, who, id); cert != nil || rerr != nil {
			return cert, rerr
		}
	}
	if err != nil {
		return nil, err
	}
	if !actorRE.MatchString(reason) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "reason must be a short code such as patient-request or duplicate")
	}
	if p.shredder == nil {
		return nil, phi.Permanentf(phi.CodeNotConfigured, "no keyring: crypto-shredding is not available")
	}
	held, err := p.legalHold(ctx, id)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "legal hold unavailable")
	}
	if held {
		p.recordRefusal(ctx, who, meta, phi.CodeLegalHold)
		return nil, phi.Permanentf(phi.CodeLegalHold, "encounter %s is under legal hold; it cannot be deleted until the hold is released", id)
	}
	drafts, err := p.store.Drafts(ctx, id)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	now := p.now().UTC()
	// The deletion takes its place in the lifecycle before anything is
	// destroyed, with the retention floor checked against the events as
	// they stand then: a signature racing with it either lands first (and
	// the floor refuses the deletion) or finds the encounter being deleted
	// (and is refused). A signed note is never destroyed early.
	_, err = p.store.AppendEvent(ctx, id, encounter.Event{Kind: encounter.EvDeletionStarted, Actor: who.ID, Role: string(who.Role), At: now, Reason: reason},
		func(evs []encounter.Event) error {
			for _, st := range encounter.Fold(drafts, evs) {
				if !st.SignedAt.IsZero() && st.Status != encounter.DraftEnteredInError {
					if until := st.SignedAt.Add(p.cfg.Retention.ClinicalRecords); now.Before(until) {
						return phi.Permanentf(phi.CodeRetentionFloor, "version %d is a signed clinical record kept until %s (retention floor)", st.Version, until.Format("2006-01-02"))
					}
				}
			}
			return nil
		})
	if phi.CodeOf(err) == phi.CodeRetentionFloor {
		p.recordRefusal(ctx, who, meta, phi.CodeRetentionFloor)
		return nil, err
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "lifecycle could not be stored; nothing was deleted")
	}
	destroying := false
	defer func() {
		if err != nil && !destroying {
			// Nothing was destroyed: the encounter goes on living.
			if _, aerr := p.store.AppendEvent(context.WithoutCancel(ctx), id, encounter.Event{Kind: encounter.EvDeletionAbandoned,
				Actor: who.ID, Role: string(who.Role), At: p.now().UTC()}, nil); aerr != nil {
				p.log.Error("abandoned deletion not recorded; the encounter stays locked until a deletion completes", "encounter_id", id, "error", aerr)
			}
		}
	}()

	// A hold placed while this deletion was starting: SetLegalHold writes
	// the hold and then looks for a started deletion, this looks for a hold
	// after the deletion started — one of the two always sees the other.
	if held, err = p.legalHold(ctx, id); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "legal hold unavailable")
	} else if held {
		p.recordRefusal(ctx, who, meta, phi.CodeLegalHold)
		err = phi.Permanentf(phi.CodeLegalHold, "encounter %s was put under legal hold; it cannot be deleted until the hold is released", id)
		return nil, err
	}

	keys, err := p.vault.List(ctx, encounter.Scope(id)+"/")
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "encounter objects unavailable")
	}
	cert := &DeletionCertificate{
		ID: "del_" + randomHex(12), EncounterID: id, PatientRef: meta.PatientRef, RequestedBy: who.ID, Role: string(who.Role),
		Reason: reason, At: now, Method: "crypto-shredding (per-encounter key destroyed) and object deletion",
		KeyScope: encounter.Scope(id), AuditRetained: "audit entries kept: they hold IDs and hashes only",
	}
	for _, k := range keys {
		sum, err := ciphertextHash(ctx, p.vault.Store(), k)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "object could not be read for the certificate")
		}
		cert.Objects = append(cert.Objects, DeletedObject{Key: k, CiphertextSHA256: sum})
	}
	body, _ := jsonMarshal(cert)
	cert.SHA256 = hashBytesHex(body)
	e := who.entry(audit.EventDeletion, meta)
	e.CallID, e.OutputSHA256 = cert.ID, cert.SHA256
	if err := p.record(ctx, e); err != nil {
		return nil, err
	}
	// The certificate is stored before anything is destroyed, so a
	// deletion cut short by a crash can be finished (resumeDeletion).
	cert.KeyDestroyed = true
	if err := putJSON(ctx, p.vault, certificateKey(cert.ID), cert, storage.CreateOnly); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "the deletion certificate could not be stored; nothing was deleted")
	}
	if err := putJSON(ctx, p.vault, certificateIndexKey(id), map[string]string{"certificate_id": cert.ID}, storage.Overwrite); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "the deletion certificate could not be indexed; nothing was deleted")
	}
	destroying = true // from here a failed deletion is resumed, not abandoned
	if err := p.shredder.Shred(ctx, encounter.Scope(id)); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "the encounter key could not be destroyed; nothing was deleted")
	}
	p.removeObjects(ctx, id)
	p.log.Info("encounter deleted", "encounter_id", id, "request_id", who.RequestID)
	return cert, nil
}

func certificateIndexKey(id string) string { return "certificates/by-encounter/" + id + ".json" }

// removeObjects deletes what is left of a shredded encounter: its objects
// (unreadable already) and the indexes that name it.
func (p *Pipeline) removeObjects(ctx context.Context, id string) {
	var errs []error
	keys, err := p.vault.List(ctx, encounter.Scope(id)+"/")
	errs = append(errs, err)
	for _, k := range keys {
		errs = append(errs, p.vault.Delete(ctx, k))
	}
	for _, k := range []string{openKeyPath(id), humanKey(id)} {
		errs = append(errs, p.vault.Delete(ctx, k))
	}
	if cases, _ := p.vault.List(ctx, "index/reviews/open/"); len(cases) > 0 {
		for _, k := range cases {
			var ref map[string]string
			if getJSON(ctx, p.vault, k, &ref) == nil && ref["encounter_id"] == id {
				errs = append(errs, p.vault.Delete(ctx, k))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		// The key is gone, so what is left cannot be read; a retry removes it.
		p.log.Error("encounter shredded but some objects were not deleted", "encounter_id", id, "error", err)
	}
}

// resumeDeletion finishes a deletion whose key was destroyed but whose
// objects may remain, and returns its certificate; nil when there is no
// such deletion.
func (p *Pipeline) resumeDeletion(ctx context.Context, who Who, id string) (*DeletionCertificate, error) {
	if !encounter.ValidID(id) {
		return nil, nil
	}
	var ref map[string]string
	if err := getJSON(ctx, p.vault, certificateIndexKey(id), &ref); err != nil {
		return nil, nil
	}
	cert, err := p.Certificate(ctx, ref["certificate_id"])
	if err != nil {
		return nil, nil
	}
	if err := p.cfg.Access.Allow(who.Principal, access.ActDelete, access.Owner{PatientRef: cert.PatientRef}); err != nil {
		return nil, p.deny(ctx, who, access.ActDelete, &encounter.Meta{ID: id, PatientRef: cert.PatientRef})
	}
	if err := p.shredder.Shred(ctx, encounter.Scope(id)); err != nil { // idempotent
		return nil, phi.Wrap(err, phi.CodeStorage, "the encounter key could not be destroyed")
	}
	p.removeObjects(ctx, id)
	return cert, nil
}

func (p *Pipeline) recordRefusal(ctx context.Context, who Who, meta *encounter.Meta, code phi.Code) {
	e := who.entry(audit.EventDeletion, meta)
	e.Result = string(code)
	if err := p.audit.Log(ctx, e); err != nil {
		p.log.Error("deletion refusal not audited", "encounter_id", meta.ID, "error", err)
	}
}

// Certificate loads a deletion certificate.
func (p *Pipeline) Certificate(ctx context.Context, id string) (*DeletionCertificate, error) {
	if !strings.HasPrefix(id, "del_") || storage.ValidKey(id) != nil {
		return nil, phi.Permanentf(phi.CodeNotFound, "no such certificate")
	}
	var c DeletionCertificate
	if err := getJSON(ctx, p.vault, certificateKey(id), &c); err != nil {
		return nil, phi.Permanentf(phi.CodeNotFound, "no such certificate")
	}
	return &c, nil
}

func ciphertextHash(ctx context.Context, bs storage.Blobstore, key string) (string, error) {
	rc, err := bs.Get(ctx, key)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func openKeyPath(id string) string { return "index/open/" + id }

// SignedAt reports when the encounter's note was last signed (final or
// amended), for retention sweeps.
func (p *Pipeline) SignedAt(ctx context.Context, id string) (time.Time, bool, error) {
	_, _, states, err := p.versionStates(ctx, id)
	if err != nil {
		return time.Time{}, false, err
	}
	var at time.Time
	for _, st := range states {
		if (st.Status == encounter.DraftFinal || st.Status == encounter.DraftAmended) && st.SignedAt.After(at) {
			at = st.SignedAt
		}
	}
	return at, !at.IsZero(), nil
}

// Held reports whether the encounter is under legal hold.
func (p *Pipeline) Held(ctx context.Context, id string) (bool, error) { return p.legalHold(ctx, id) }
