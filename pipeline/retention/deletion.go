package retention

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Shredder destroys the key of a crypto-shredding scope (storage.Keyring).
type Shredder interface {
	Shred(ctx context.Context, scope string) error
}

// Service deletes encounters on request (crypto-shredding, with a
// certificate) and places legal holds.
type Service struct {
	policy   Policy
	store    *encounter.Store
	vault    *storage.Vault
	guard    *access.Guard
	holds    *Holds
	shredder Shredder
	log      *slog.Logger
	now      func() time.Time
}

// ServiceDeps are a Service's collaborators, all required but Now (nil:
// time.Now).
type ServiceDeps struct {
	Store    *encounter.Store
	Vault    *storage.Vault
	Guard    *access.Guard
	Holds    *Holds
	Shredder Shredder
	Log      *slog.Logger
	Now      func() time.Time
}

// NewService returns a Service.
func NewService(policy Policy, d ServiceDeps) (*Service, error) {
	if d.Store == nil || d.Vault == nil || d.Guard == nil || d.Holds == nil || d.Shredder == nil || d.Log == nil {
		return nil, errors.New("retention.NewService: store, vault, guard, holds, shredder and log are required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{policy: policy.WithDefaults(), store: d.Store, vault: d.Vault, guard: d.Guard, holds: d.Holds,
		shredder: d.Shredder, log: d.Log, now: d.Now}, nil
}

// SetLegalHold places or lifts a legal hold (ops only), audited.
func (s *Service) SetLegalHold(ctx context.Context, who access.Who, id string, hold bool, reason string) (*LegalHold, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActLegalHold, id)
	if err != nil {
		return nil, err
	}
	if !access.ValidCode(reason) {
		return nil, reasonError(HoldReasons, "a matter or case reference code such as matter-2026-17")
	}
	h := LegalHold{EncounterID: id, Hold: hold, Reason: reason, SetBy: who.ID, At: s.now().UTC()}
	e := who.Entry(audit.EventLegalHold, meta)
	e.Result = map[bool]string{true: "hold", false: "release"}[hold]
	if e.RequestID == "" {
		e.RequestID = reason
	}
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	if err := s.holds.Put(ctx, h); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "legal hold could not be stored")
	}
	if hold {
		// See Delete: a deletion already under way may be past its last
		// look at holds. Say so rather than report a hold that protects
		// nothing.
		evs, err := s.store.Events(ctx, id)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable; the hold is stored but unconfirmed")
		}
		if encounter.Deleting(evs) {
			return &h, phi.Permanentf(phi.CodeConflict, "a deletion of encounter %s is under way; the hold is stored but may be too late", id)
		}
	}
	return &h, nil
}

func newCertSuffix() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
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

// Delete destroys an encounter's content: its per-encounter key is shredded
// first (so every copy of its objects, in backups too, becomes
// undecryptable), then the objects are deleted. A legal hold blocks it, as
// does the clinical-record retention floor for signed notes. The audit
// trail is kept: it holds no content. Returns the deletion certificate.
func (s *Service) Delete(ctx context.Context, who access.Who, id, reason string) (_ *DeletionCertificate, err error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActDelete, id)
	if phi.CodeOf(err) == phi.CodeNotFound {
		// A deletion interrupted after the key was destroyed: finish it.
		if cert, rerr := s.resume(ctx, who, id); cert != nil || rerr != nil {
			return cert, rerr
		}
	}
	if err != nil {
		return nil, err
	}
	if !access.ValidCode(reason) {
		return nil, reasonError(DeletionReasons, "a short code")
	}
	held, err := s.holds.Held(ctx, id)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "legal hold unavailable")
	}
	drafts, err := s.store.Drafts(ctx, id)
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	now := s.now().UTC()
	// The deletion takes its place in the lifecycle before anything is
	// destroyed, with the policy checked against the events as they stand
	// then: a signature racing with it either lands first (and the floor
	// refuses the deletion) or finds the encounter being deleted (and is
	// refused). A signed note is never destroyed early.
	_, err = s.store.AppendEvent(ctx, id, encounter.Event{Kind: encounter.EvDeletionStarted, Actor: who.ID, Role: string(who.Role), At: now, Reason: reason},
		func(evs []encounter.Event) error {
			return s.policy.CheckDeletion(encounter.Fold(drafts, evs), held, now)
		})
	if code := phi.CodeOf(err); code == phi.CodeRetentionFloor || code == phi.CodeLegalHold {
		s.recordRefusal(ctx, who, meta, code)
		return nil, err
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "lifecycle could not be stored; nothing was deleted")
	}
	destroying := false
	defer func() {
		if err != nil && !destroying {
			// Nothing was destroyed: the encounter goes on living.
			if _, aerr := s.store.AppendEvent(context.WithoutCancel(ctx), id, encounter.Event{Kind: encounter.EvDeletionAbandoned,
				Actor: who.ID, Role: string(who.Role), At: s.now().UTC()}, nil); aerr != nil {
				s.log.Error("abandoned deletion not recorded; the encounter stays locked until a deletion completes", "encounter_id", id, "error", aerr)
			}
		}
	}()

	// A hold placed while this deletion was starting: SetLegalHold writes
	// the hold and then looks for a started deletion, this looks for a hold
	// after the deletion started — one of the two always sees the other.
	if held, err = s.holds.Held(ctx, id); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "legal hold unavailable")
	} else if held {
		s.recordRefusal(ctx, who, meta, phi.CodeLegalHold)
		err = phi.Permanentf(phi.CodeLegalHold, "encounter %s was put under legal hold; it cannot be deleted until the hold is released", id)
		return nil, err
	}

	keys, err := s.vault.List(ctx, encounter.Scope(id)+"/")
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "encounter objects unavailable")
	}
	cert := &DeletionCertificate{
		ID: "del_" + newCertSuffix(), EncounterID: id, PatientRef: meta.PatientRef, RequestedBy: who.ID, Role: string(who.Role),
		Reason: reason, At: now, Method: "crypto-shredding (per-encounter key destroyed) and object deletion",
		KeyScope: encounter.Scope(id), AuditRetained: "audit entries kept: they hold IDs and hashes only",
	}
	for _, k := range keys {
		sum, err := ciphertextHash(ctx, s.vault.Store(), k)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "object could not be read for the certificate")
		}
		cert.Objects = append(cert.Objects, DeletedObject{Key: k, CiphertextSHA256: sum})
	}
	body, _ := json.Marshal(cert)
	sum := sha256.Sum256(body)
	cert.SHA256 = hex.EncodeToString(sum[:])
	e := who.Entry(audit.EventDeletion, meta)
	e.CallID, e.OutputSHA256 = cert.ID, cert.SHA256
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	// The certificate is stored before anything is destroyed, so a
	// deletion cut short by a crash can be finished (resumeDeletion).
	cert.KeyDestroyed = true
	if err := storage.PutJSON(ctx, s.vault, encounter.CertificateKey(cert.ID), cert, storage.CreateOnly); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "the deletion certificate could not be stored; nothing was deleted")
	}
	if err := storage.PutJSON(ctx, s.vault, encounter.CertificateIndexKey(id), map[string]string{"certificate_id": cert.ID}, storage.Overwrite); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "the deletion certificate could not be indexed; nothing was deleted")
	}
	destroying = true // from here a failed deletion is resumed, not abandoned
	if err := s.shredder.Shred(ctx, encounter.Scope(id)); err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "the encounter key could not be destroyed; nothing was deleted")
	}
	s.removeObjects(ctx, id)
	// Its worklist entries hold no content but name it; a worklist skips
	// entries whose encounter is gone, should this be cut short.
	if err := s.store.Unindex(ctx, meta); err != nil {
		s.log.Warn("worklist entries of a deleted encounter not removed", "encounter_id", id, "error", err)
	}
	s.log.Info("encounter deleted", "encounter_id", id, "request_id", who.RequestID)
	return cert, nil
}

// removeObjects deletes what is left of a shredded encounter: its objects
// (unreadable already) and the indexes that name it.
func (s *Service) removeObjects(ctx context.Context, id string) {
	var errs []error
	keys, err := s.vault.List(ctx, encounter.Scope(id)+"/")
	errs = append(errs, err)
	for _, k := range keys {
		errs = append(errs, s.vault.Delete(ctx, k))
	}
	for _, k := range []string{encounter.OpenPrefix + id, encounter.HumanKey(id)} {
		errs = append(errs, s.vault.Delete(ctx, k))
	}
	if cases, _ := s.vault.List(ctx, encounter.OpenReviewPrefix); len(cases) > 0 {
		for _, k := range cases {
			var ref map[string]string
			if storage.GetJSON(ctx, s.vault, k, &ref) == nil && ref["encounter_id"] == id {
				errs = append(errs, s.vault.Delete(ctx, k))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		// The key is gone, so what is left cannot be read; a retry removes it.
		s.log.Error("encounter shredded but some objects were not deleted", "encounter_id", id, "error", err)
	}
}

// resumeDeletion finishes a deletion whose key was destroyed but whose
// objects may remain, and returns its certificate; nil when there is no
// such deletion.
func (s *Service) resume(ctx context.Context, who access.Who, id string) (*DeletionCertificate, error) {
	if !encounter.ValidID(id) {
		return nil, nil
	}
	var ref map[string]string
	if err := storage.GetJSON(ctx, s.vault, encounter.CertificateIndexKey(id), &ref); err != nil {
		return nil, nil
	}
	cert, err := s.Certificate(ctx, ref["certificate_id"])
	if err != nil {
		return nil, nil
	}
	if err := s.guard.Check(ctx, who, access.ActDelete, access.Owner{PatientRef: cert.PatientRef}, &encounter.Meta{ID: id, PatientRef: cert.PatientRef}); err != nil {
		return nil, s.guard.Deny(ctx, who, access.ActDelete, &encounter.Meta{ID: id, PatientRef: cert.PatientRef})
	}
	if err := s.shredder.Shred(ctx, encounter.Scope(id)); err != nil { // idempotent
		return nil, phi.Wrap(err, phi.CodeStorage, "the encounter key could not be destroyed")
	}
	s.removeObjects(ctx, id)
	return cert, nil
}

func (s *Service) recordRefusal(ctx context.Context, who access.Who, meta *encounter.Meta, code phi.Code) {
	e := who.Entry(audit.EventDeletion, meta)
	e.Result = string(code)
	if err := s.guard.Record(ctx, e); err != nil {
		s.log.Error("deletion refusal not audited", "encounter_id", meta.ID, "error", err)
	}
}

// Certificate loads a deletion certificate.
func (s *Service) Certificate(ctx context.Context, id string) (*DeletionCertificate, error) {
	if !strings.HasPrefix(id, "del_") || storage.ValidKey(id) != nil {
		return nil, phi.Permanentf(phi.CodeNotFound, "no such certificate")
	}
	var c DeletionCertificate
	if err := storage.GetJSON(ctx, s.vault, encounter.CertificateKey(id), &c); err != nil {
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
