// Package signoff is what a clinician does with a draft: read it (every
// read audited), edit it (a new immutable version), sign it (a signature
// bound to the version's content hash and an attestation statement),
// reject it, or retract a signed version as entered in error; and what a
// reader asks of it: why each sentence says what it says (Explain).
//
// Versions are immutable; their status is the fold of the encounter's
// lifecycle events (encounter.Fold), appended through
// encounter.Store.Transition so every action is audited before it takes
// effect and ordered against concurrent ones (a deletion included).
package signoff

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Config bounds what an editor may store.
type Config struct {
	// MaxNoteBytes bounds the text of an edited note. Zero means 256 KiB.
	MaxNoteBytes int64
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.MaxNoteBytes == 0 {
		c.MaxNoteBytes = 256 << 10
	}
	return c
}

// Followers learn that a note was signed; what they start (the
// de-identified aggregate record) only trails the signature, so their
// failures are logged, not returned.
type Followers interface {
	EnqueueDeid(ctx context.Context, encounterID string) error
}

// WriteBack asks for a version's write-back to the clinic's EHR after a
// sign-off or an entered-in-error (*ehr.Deliverer): it records the
// request durably and queues it.
type WriteBack interface {
	Enqueue(ctx context.Context, encounterID string, version int) error
}

// Service carries out clinicians' actions on drafts.
type Service struct {
	cfg       Config
	store     *encounter.Store
	guard     *access.Guard
	followers Followers
	writeBack WriteBack
	log       *slog.Logger
	now       func() time.Time
}

// Deps are a Service's collaborators, all required but Now (nil: time.Now).
type Deps struct {
	Store     *encounter.Store
	Guard     *access.Guard
	Followers Followers
	// WriteBack is EHR write-back; nil when the deployment has none
	// configured (a setting, not a stand-in).
	WriteBack WriteBack
	Log       *slog.Logger
	Now       func() time.Time
}

// New returns a Service.
func New(cfg Config, d Deps) (*Service, error) {
	if d.Store == nil || d.Guard == nil || d.Followers == nil || d.Log == nil {
		return nil, errors.New("signoff.New: store, guard, followers and log are required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{cfg: cfg.WithDefaults(), store: d.Store, guard: d.Guard, followers: d.Followers, writeBack: d.WriteBack,
		log: d.Log, now: d.Now}, nil
}

// DraftView is a draft version as a reader sees it: the stored immutable
// version with its current status and verification from the lifecycle.
type DraftView struct {
	*encounter.Draft
	State    encounter.VersionState `json:"state"`
	Versions []int                  `json:"versions"`
	Latest   int                    `json:"latest"`
}

// View returns a draft version (0 = latest) for who, authorized and
// audited; if the view cannot be recorded the draft is not returned.
func (s *Service) View(ctx context.Context, who access.Who, id string, version int) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActReadDraft, id)
	if err != nil {
		return nil, err
	}
	return s.view(ctx, who, meta, version, audit.EventView)
}

// Viewer identifies who reads a draft through a trusted local tool.
type Viewer struct {
	Actor     string
	Role      string
	RequestID string
}

// Draft returns a draft version (0 = latest) as it stands now and records
// the view in the audit trail. It is for trusted local tools (the CLI run
// by an operator on the host); entry points with callers use View.
func (s *Service) Draft(ctx context.Context, id string, version int, v Viewer) (*encounter.Draft, error) {
	meta, err := s.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist", access.SafeID(id))
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	who := access.Who{Principal: access.Principal{ID: v.Actor, Role: access.Role(v.Role)}, RequestID: v.RequestID}
	dv, err := s.view(ctx, who, meta, version, audit.EventView)
	if err != nil {
		return nil, err
	}
	return dv.Draft, nil
}

func (s *Service) view(ctx context.Context, who access.Who, meta *encounter.Meta, version int, ev audit.Event) (*DraftView, error) {
	drafts, _, states, err := s.store.Versions(ctx, meta.ID)
	if err != nil {
		return nil, err
	}
	if len(drafts) == 0 {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft yet", meta.ID)
	}
	latest := drafts[len(drafts)-1].Version
	if version == 0 {
		version = latest
	}
	var d *encounter.Draft
	var versions []int
	for _, x := range drafts {
		versions = append(versions, x.Version)
		if x.Version == version {
			d = x
		}
	}
	if d == nil {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", meta.ID, version)
	}
	st := states[version]
	d.Status = st.Status
	if st.SignedBy != "" {
		d.Label.VerifiedBy, d.Label.VerifiedAt = st.SignedBy, st.SignedAt
	}
	e := who.Entry(ev, meta)
	e.Version, e.OutputSHA256 = version, d.ContentSHA256
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	return &DraftView{Draft: d, State: *st, Versions: versions, Latest: latest}, nil
}

// maxStatement bounds an attestation or a reason.
const maxStatement = 2000

// Sign signs a draft version on behalf of the encounter's clinician. The
// signature binds to contentSHA256, which must be the version's content
// hash (the version the signer read), and to the attestation statement.
func (s *Service) Sign(ctx context.Context, who access.Who, id string, version int, contentSHA256, attestation string) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActSign, id)
	if err != nil {
		return nil, err
	}
	attestation = strings.TrimSpace(attestation)
	if attestation == "" || utf8.RuneCountInString(attestation) > maxStatement || !utf8.ValidString(attestation) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "an attestation statement of 1-%d characters is required", maxStatement)
	}
	d, err := s.store.Draft(ctx, id, version)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "draft unavailable")
	}
	if contentSHA256 != d.ContentSHA256 {
		return nil, phi.Permanentf(phi.CodeConflict, "content hash does not match version %d: read the draft again before signing", version)
	}
	e := who.Entry(audit.EventSignOff, meta)
	e.Version, e.OutputSHA256 = version, d.ContentSHA256
	e.InputSHA256 = hashString(attestation)
	_, err = s.store.Transition(ctx, meta.ID, encounter.Event{Kind: encounter.EvSigned, Version: version, Actor: who.ID, Role: string(who.Role),
		At: s.now().UTC(), ContentSHA256: d.ContentSHA256, Attestation: attestation},
		func(drafts []*encounter.Draft, st map[int]*encounter.VersionState) error {
			if latest := drafts[len(drafts)-1].Version; version != latest {
				return phi.Permanentf(phi.CodeConflict, "version %d is not the latest (%d); sign the latest version", version, latest)
			}
			if s := st[version].Status; s != encounter.DraftPreliminary {
				return phi.Permanentf(phi.CodeConflict, "version %d is %s and cannot be signed", version, s)
			}
			return nil
		}, s.record(e))
	if err != nil {
		return nil, err
	}
	if err := s.followers.EnqueueDeid(ctx, meta.ID); err != nil {
		s.log.Warn("aggregate refresh not queued", "encounter_id", meta.ID, "error", err)
	}
	s.requestWriteBack(ctx, meta.ID, version)
	return s.view(ctx, who, meta, version, audit.EventView)
}

// requestWriteBack asks for the version's EHR write-back. The lifecycle
// event is already stored and stands; a request that cannot be recorded
// is logged at error level (docs/fhir.md: `clinscribe ehr deliver`).
func (s *Service) requestWriteBack(ctx context.Context, id string, version int) {
	if s.writeBack == nil {
		return
	}
	if err := s.writeBack.Enqueue(ctx, id, version); err != nil {
		s.log.Error("ehr write-back not requested", "encounter_id", id, "version", version, "error", err)
	}
}

// record returns the Transition callback that writes e.
func (s *Service) record(e audit.Entry) func(context.Context) error {
	return func(ctx context.Context) error { return s.guard.Record(ctx, e) }
}

// Reject marks an unsigned AI draft as rejected: the clinician will not use it.
func (s *Service) Reject(ctx context.Context, who access.Who, id string, version int, reason string) (*DraftView, error) {
	return s.transition(ctx, who, access.ActReject, audit.EventReject, encounter.EvRejected, id, version, reason,
		func(st encounter.DraftStatus) bool { return st == encounter.DraftPreliminary })
}

// EnteredInError retracts a signed version that should not have been signed.
func (s *Service) EnteredInError(ctx context.Context, who access.Who, id string, version int, reason string) (*DraftView, error) {
	dv, err := s.transition(ctx, who, access.ActEnteredError, audit.EventEnteredInError, encounter.EvEnteredInError, id, version, reason,
		func(st encounter.DraftStatus) bool { return st == encounter.DraftFinal || st == encounter.DraftAmended })
	if err == nil {
		s.requestWriteBack(ctx, id, version)
	}
	return dv, err
}

func (s *Service) transition(ctx context.Context, who access.Who, act access.Action, aev audit.Event, kind encounter.EventKind,
	id string, version int, reason string, allowed func(encounter.DraftStatus) bool) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, act, id)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > maxStatement || !utf8.ValidString(reason) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "reason is longer than %d characters", maxStatement)
	}
	e := who.Entry(aev, meta)
	e.Version = version
	_, err = s.store.Transition(ctx, meta.ID, encounter.Event{Kind: kind, Version: version, Actor: who.ID, Role: string(who.Role),
		At: s.now().UTC(), Reason: reason}, func(drafts []*encounter.Draft, st map[int]*encounter.VersionState) error {
		vs, ok := st[version]
		if !ok {
			return phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
		}
		if !allowed(vs.Status) {
			return phi.Permanentf(phi.CodeConflict, "version %d is %s; %s does not apply", version, vs.Status, act)
		}
		return nil
	}, s.record(e))
	if err != nil {
		return nil, err
	}
	return s.view(ctx, who, meta, version, audit.EventView)
}

// Edit stores the clinician's edit of a version as a new version; the
// edited version is preliminary until signed (then amended). Sentences keep
// the evidence the editor leaves on them and are checked like model output.
func (s *Service) Edit(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActEdit, id)
	if err != nil {
		return nil, err
	}
	drafts, _, states, err := s.store.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(drafts) == 0 {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft yet", id)
	}
	latest := drafts[len(drafts)-1]
	if base != latest.Version {
		return nil, phi.Permanentf(phi.CodeConflict, "version %d is not the latest (%d); edit the latest version", base, latest.Version)
	}
	if st := states[base].Status; st == encounter.DraftRejected || st == encounter.DraftEnteredInError {
		return nil, phi.Permanentf(phi.CodeConflict, "version %d is %s and cannot be edited", base, st)
	}
	if err := s.checkSections(latest, sections); err != nil {
		return nil, err
	}
	if t, err := s.store.Transcript(ctx, id); err == nil {
		ai.CheckEvidence(sections, t.Segments)
	}
	d := &encounter.Draft{
		EncounterID: id, Version: latest.Version + 1, Status: encounter.DraftPreliminary, Template: latest.Template,
		Sections: sections, Label: latest.Label, CreatedAt: s.now().UTC(), CreatedBy: who.ID, Parent: base,
	}
	d.Label.VerifiedBy, d.Label.VerifiedAt = "", time.Time{}
	d.ComputeContentHash()
	e := who.Entry(audit.EventEdit, meta)
	e.Version, e.OutputSHA256, e.InputSHA256 = d.Version, d.ContentSHA256, latest.ContentSHA256
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	if err := s.store.PutDraft(ctx, d); errors.Is(err, encounter.ErrVersionExists) {
		return nil, phi.Errorf(phi.CodeConflict, "another edit created version %d first; reload and edit again", d.Version)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "draft could not be stored")
	}
	return s.view(ctx, who, meta, d.Version, audit.EventView)
}

// checkSections validates an edit against the template and size limits.
func (s *Service) checkSections(base *encounter.Draft, sections []encounter.Section) error {
	if len(sections) != len(base.Sections) {
		return phi.Permanentf(phi.CodeInvalidInput, "an edit must keep the %d sections of the template", len(base.Sections))
	}
	size := 0
	for i, sec := range sections {
		if sec.Key != base.Sections[i].Key {
			return phi.Permanentf(phi.CodeInvalidInput, "section %d must be %q", i+1, base.Sections[i].Key)
		}
		sections[i].Title = base.Sections[i].Title
		for j, sent := range sec.Sentences {
			text := strings.TrimSpace(sent.Text)
			if text == "" || !utf8.ValidString(text) {
				return phi.Permanentf(phi.CodeInvalidInput, "section %q sentence %d is empty or not UTF-8", sec.Key, j+1)
			}
			sections[i].Sentences[j].Text = text
			size += len(text)
		}
	}
	if int64(size) > s.cfg.MaxNoteBytes {
		return phi.Permanentf(phi.CodeTooLarge, "the edited note is %d bytes; the limit is %d", size, s.cfg.MaxNoteBytes)
	}
	return nil
}

// SignedAt reports when the encounter's note was last signed (final or
// amended and not retracted), for the retention sweep.
func (s *Service) SignedAt(ctx context.Context, id string) (time.Time, bool, error) {
	_, _, states, err := s.store.Versions(ctx, id)
	if err != nil {
		return time.Time{}, false, err
	}
	at, ok := encounter.LastSigned(states)
	return at, ok, nil
}

func hashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// PatientID returns the clinic's patient identifier of an encounter, for
// exports back to the clinic (the FHIR subject). It is PHI: the caller has
// been authorized for the draft it exports, and sends it only to the
// clinic.
func (s *Service) PatientID(ctx context.Context, id string) (string, error) {
	meta, err := s.store.Meta(ctx, id)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	return meta.Subject.PatientID, nil
}
